/**
 * The client table proves itself (STYLE practice 7): each client's positive code samples yield a
 * `no-hardcoded-key` finding that names that client, its negatives none; and each client's configuration
 * files are read by the audit's text pass.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { credentialClients } from '../../src/catalogue/clients.js';
import { keySinks } from '../../src/catalogue/sinks.js';
import { scanTextFile } from '../../src/scanner/detect/text.js';
import rule from '../../rules/no-hardcoded-key.js';

/** Modules of the key-sink catalogue: a client of one of them (aes-js, sjcl) takes a cipher key. */
const keySinkModules = new Set(keySinks.flatMap((k) => k.modules));
const linter = new Linter({ configType: 'flat' });
const messages = (code: string): Linter.LintMessage[] =>
  linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        plugins: { k: { rules: { 'no-hardcoded-key': rule as never } } },
        languageOptions: { parser: tsParser as Linter.Parser },
        rules: { 'k/no-hardcoded-key': 'error' },
      },
    ],
    { filename: 'src/db.ts' },
  );

describe('credential clients', () => {
  it('ids are unique and every client documents where its slots come from', () => {
    expect(new Set(credentialClients.map((c) => c.id)).size).toBe(credentialClients.length);
    for (const c of credentialClients) expect(c.provenance, c.id).toMatch(/^https:\/\//);
  });
  for (const c of credentialClients) {
    describe(c.id, () => {
      it.each(c.samples.positive)('positive %# is reported as a credential of this client', (code) => {
        const ms = messages(code);
        // A client that is also a cipher of the key-sink catalogue (aes-js, sjcl) has its literal reported once, as a
        // hardcoded key of that cipher rather than as this client's credential.
        if (c.modules.some((m) => keySinkModules.has(m)) && ms.length === 1 && ms[0]!.messageId === 'hardcodedKey')
          return;
        expect(ms.map((m) => m.messageId)).toEqual(['clientCredential']);
        expect(ms[0]!.message).toContain(c.title);
      });
      it.each(c.samples.negative)('negative %# is not reported', (code) => {
        expect(messages(code)).toEqual([]);
      });
    });
  }
});

describe('client configuration files in the text pass', () => {
  it('a Prisma schema datasource url with a password is reported, naming Prisma; env() and no password are not', () => {
    const schema = [
      'generator client {\n  provider = "prisma-client-js"\n}',
      'datasource db {\n  provider = "postgresql"\n  url      = "postgresql://app:Qx7vR2mK9p@db.internal:5432/app"',
      '  directUrl = env("DIRECT_URL")\n}',
    ].join('\n');
    const r = scanTextFile('prisma/schema.prisma', schema);
    expect(r.findings.map((f) => [f.location.line, f.secret?.formatId])).toEqual([[6, 'connection-string-password']]);
    expect(r.findings[0]!.message).toContain('Prisma datasource url');
    const clean = 'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n';
    expect(scanTextFile('schema.prisma', clean).findings).toEqual([]);
    const noPw = 'datasource db {\n  provider = "sqlite"\n  url = "file:./dev.db"\n}\n';
    expect(scanTextFile('schema.prisma', noPw).findings).toEqual([]);
  });
});
