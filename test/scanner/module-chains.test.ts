/**
 * The lint (one file at a time, reading imported modules from disk) and the audit (the whole tree, joining the
 * per-file summaries through its module graph) see the same cross-module flows: a weak cipher named in a
 * manifest-less workspace package imported by its folder name through a barrel, in a record of a folder imported
 * by name, and in a CommonJS barrel. The other modules are fixtures/rule-tester/module-chains; the use sites are
 * written beside them in a temporary tree.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import * as parser from '@typescript-eslint/parser';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/plugin.js';
import { audit } from '../../src/scanner/index.js';

const fixture = fileURLToPath(new URL('../../fixtures/rule-tester/module-chains', import.meta.url));
const root = mkdtempSync(path.join(tmpdir(), 'kh-module-chains-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
cpSync(fixture, root, { recursive: true });
const uses: Record<string, string> = {
  'apps/api/src/partner.ts': [
    "import { createCipheriv } from 'node:crypto';",
    "import { MODERN_CIPHER, PARTNER_CIPHER } from '@acme/crypto-settings';",
    'export const seal = (k: Buffer, iv: Buffer) => createCipheriv(PARTNER_CIPHER, k, iv);',
    'export const sealModern = (k: Buffer, iv: Buffer) => createCipheriv(MODERN_CIPHER, k, iv);',
  ].join('\n'),
  'apps/api/src/fallback.ts': [
    "import { createCipheriv } from 'node:crypto';",
    "import { PARTNER_FALLBACK } from '@acme/crypto-settings';",
    'export const seal = (k: Buffer, iv: Buffer) => createCipheriv(PARTNER_FALLBACK, k, iv);',
  ].join('\n'),
  'apps/api/src/legacy.ts': [
    "import { createCipheriv } from 'node:crypto';",
    "import { cryptoConfig } from './config';",
    'export const seal = (k: Buffer, iv: Buffer) => createCipheriv(cryptoConfig.legacy.algorithm, k, iv);',
    'export const sealModern = (k: Buffer, iv: Buffer) => createCipheriv(cryptoConfig.modern.algorithm, k, iv);',
  ].join('\n'),
  'apps/worker/jobs/seal.js': [
    "const crypto = require('node:crypto');",
    "const settings = require('../lib');",
    'exports.seal = (k, iv) => crypto.createCipheriv(settings.cipher, k, iv);',
    'exports.sealSafe = (k, iv) => crypto.createCipheriv(settings.safeCipher, k, iv);',
  ].join('\n'),
};
for (const [name, text] of Object.entries(uses)) {
  mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  writeFileSync(path.join(root, name), `${text}\n`);
}

/** The modules that define the settings the uses import. */
const definitions = ['packages/crypto-settings/src/ciphers.ts', 'apps/worker/lib/settings.js'];

/** `file:line` of the weak-cipher reports of `no-weak-key-size`, linting each file with imports read from disk. */
function linted(): string[] {
  const linter = new Linter({ cwd: root });
  const out: string[] = [];
  for (const name of [...Object.keys(uses), ...definitions]) {
    const messages = linter.verify(
      readFileSync(path.join(root, name), 'utf8'),
      [
        {
          files: ['**/*.ts', '**/*.js'],
          languageOptions: { parser, sourceType: 'module' },
          plugins: { keyhygiene: plugin as never },
          rules: { 'keyhygiene/no-weak-key-size': 'error' },
        },
      ],
      { filename: path.join(root, name) },
    );
    for (const m of messages) if (m.messageId === 'weakCipher') out.push(`${name}:${m.line}`);
  }
  return out.sort();
}

describe('module chains: the lint and the audit agree', () => {
  // A weak choice under a setting's name is reported where it is written (ciphers.ts:1, settings.js:2), not again
  // at its uses; a weak value under a name that says nothing is reported where it reaches the cipher (fallback.ts).
  const expected = [
    'apps/api/src/fallback.ts:3',
    'apps/worker/lib/settings.js:2',
    'packages/crypto-settings/src/ciphers.ts:1',
  ];

  it('the lint reads the chains from disk and reports each mistake once, not the safe ones', () => {
    expect(linted()).toEqual(expected);
  });

  it('the audit finds the same places through the summaries', async () => {
    const r = await audit({ root, workers: 1 });
    const files = [...Object.keys(uses), ...definitions];
    const weak = r.findings
      .filter((f) => f.category === 'weak-algorithm' && files.includes(f.location.file))
      .map((f) => `${f.location.file}:${f.location.line}`);
    expect([...new Set(weak)].sort()).toEqual(expected);
    // The use of a generic name carries its definition as the first step of its path.
    const fallback = r.findings.find((f) => f.location.file === 'apps/api/src/fallback.ts');
    expect(fallback?.path?.[0]).toMatchObject({ file: 'packages/crypto-settings/src/ciphers.ts', line: 5 });
  });
});
