/**
 * Catalogue `kdfWorkOptions` and `sqlcipherKdfIter` (session 25, branch rule9kdf): each sample proves itself through
 * no-password-as-key, the rule that reads them (positives give a `weakKdf`, negatives nothing).
 */
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { kdfWorkOptions, sqlcipherKdfIter } from '../../src/catalogue/kdf.js';
import rule from '../../rules/no-password-as-key.js';

const linter = new Linter({ configType: 'flat' });
const ids = (code: string): (string | null)[] =>
  linter
    .verify(
      code,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser },
          plugins: { k: { rules: { r: rule as never } } },
          rules: { 'k/r': 'error' },
        },
      ],
      { filename: 'src/vault/keys.ts' },
    )
    .map((m) => m.messageId ?? m.message);

describe('kdfWorkOptions samples', () => {
  it.each(kdfWorkOptions.samples.positive)('positive %# is reported', (code) => expect(ids(code)).toEqual(['weakKdf']));
  it.each(kdfWorkOptions.samples.negative)('negative %# is not', (code) => expect(ids(code)).toEqual([]));
});

describe('sqlcipherKdfIter samples', () => {
  const call = (s: string): string =>
    `export const open = (db: { pragma(s: string): void }) => db.pragma(${JSON.stringify(s)});`;
  it.each(sqlcipherKdfIter.samples.positive)('positive %# is reported', (s) => {
    expect(sqlcipherKdfIter.pattern.test(s)).toBe(true);
    expect(ids(call(s))).toEqual(['weakKdf']);
  });
  it.each(sqlcipherKdfIter.samples.negative)('negative %# is not', (s) => expect(ids(call(s))).toEqual([]));
});
