/**
 * The export summary the audit's cross-file pass reads (src/rule-kit/flow/summary.ts): literal values
 * and weak algorithm names, objects that hold secrets, and what exported functions return.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { summariseExports, type ExportSummary } from '../../src/rule-kit/flow/summary.js';

function summarise(code: string, filename = 'src/mod.ts'): readonly ExportSummary[] {
  let got: readonly ExportSummary[] = [];
  const probe: TSESLint.RuleModule<'x'> = {
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    defaultOptions: [],
    create(context) {
      return {
        'Program:exit'() {
          got = summariseExports(context.sourceCode);
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.js'],
        plugins: { p: { rules: { s: probe as never } } },
        languageOptions: { parser: tsParser as Linter.Parser },
        rules: { 'p/s': 'error' },
      },
    ],
    { filename },
  );
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return got;
}

const byName = (s: readonly ExportSummary[], name: string): ExportSummary | undefined => s.find((e) => e.name === name);

describe('summariseExports', () => {
  it('reports exported literals and names the weak cipher a shared constant holds', () => {
    const s = summarise(
      "export const LEGACY_CIPHER = 'des-ede3-cbc';\nexport const KEY_BITS = 1024;\nexport const MODE = 'aes-256-gcm';",
    );
    expect(byName(s, 'LEGACY_CIPHER')).toEqual({
      name: 'LEGACY_CIPHER',
      line: 1,
      value: { kind: 'string', value: 'des-ede3-cbc', weakAlgorithm: '3des' },
    });
    expect(byName(s, 'KEY_BITS')?.value).toEqual({ kind: 'number', value: 1024 });
    expect(byName(s, 'MODE')?.value).toEqual({ kind: 'string', value: 'aes-256-gcm' });
  });

  it('lists the secret-holding paths of an exported config object without copying any secret', () => {
    const s = summarise(
      "const config = {\n  port: 8080,\n  jwtSecret: process.env.JWT_SECRET,\n  db: { host: 'db', password: 'hunter2-not-real' },\n  archive: { cipher: 'rc4' },\n};\nexport { config };",
    );
    expect(byName(s, 'config')?.value).toEqual({
      kind: 'object',
      secrets: [
        { path: 'jwtSecret', from: 'env' },
        { path: 'db.password', from: 'literal' },
      ],
      weakAlgorithms: [{ path: 'archive.cipher', id: 'rc4' }],
    });
    expect(JSON.stringify(s)).not.toContain('hunter2');
  });

  it('says what exported functions return and how parameters reach the return value', () => {
    const s = summarise(
      "import { createHash, randomBytes, scryptSync } from 'node:crypto';\nexport function makeToken() {\n  return Math.random().toString(36).slice(2);\n}\nexport const keyFrom = (pw: string) => createHash('sha256').update(pw).digest();\nexport const strongToken = () => randomBytes(32).toString('hex');\nexport function derive(passphrase: string, salt: Buffer) {\n  return scryptSync(passphrase, salt, 32);\n}\nexport function sessionId(userId: string) {\n  return `${userId}-${Date.now()}-${process.pid}`;\n}",
    );
    expect(byName(s, 'makeToken')?.value).toEqual({ kind: 'function', returns: ['weak-random'], params: [] });
    expect(byName(s, 'keyFrom')?.value).toEqual({
      kind: 'function',
      returns: [],
      params: [{ index: 0, via: ['hash'] }],
    });
    expect(byName(s, 'strongToken')?.value).toEqual({ kind: 'function', returns: [], params: [] });
    expect(byName(s, 'derive')?.value).toEqual({
      kind: 'function',
      returns: ['password-derived'],
      params: [{ index: 0, via: ['kdf'] }],
    });
    expect(byName(s, 'sessionId')?.value).toMatchObject({ kind: 'function', returns: ['weak-random'] });
  });

  it('reads CommonJS exports', () => {
    const s = summarise(
      "const ALG = 'des-ecb';\nfunction nonce() { return Date.now().toString(16); }\nmodule.exports = { ALG, nonce, retries: 3 };\nexports.cfg = { apiKey: 'k' };",
      'src/mod.js',
    );
    expect(byName(s, 'ALG')?.value).toEqual({ kind: 'string', value: 'des-ecb', weakAlgorithm: 'des' });
    expect(byName(s, 'nonce')?.value).toEqual({ kind: 'function', returns: ['weak-random'], params: [] });
    expect(byName(s, 'retries')?.value).toEqual({ kind: 'number', value: 3 });
    expect(byName(s, 'cfg')?.value).toEqual({
      kind: 'object',
      secrets: [{ path: 'apiKey', from: 'literal' }],
      weakAlgorithms: [],
    });
  });
});
