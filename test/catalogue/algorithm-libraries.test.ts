/**
 * The data of src/catalogue/algorithm-libraries.ts proves itself (STYLE practice 7): PKCS#11 names match as weak
 * ciphers, ECB or weak signature mechanisms and the safe ones do not; each key-making command sample is reported
 * (or not) by no-weak-key-size when a program runs it; openpgp preference names are the ones read.
 */
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { keyCommands, libraryPorts, namedChoices, pkcs11Names } from '../../src/catalogue/algorithm-libraries.js';
import rule from '../../rules/no-weak-key-size.js';

const linter = new Linter({ configType: 'flat' });
const reports = (code: string): number =>
  linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        plugins: { k: { rules: { 'no-weak-key-size': rule as never } } },
        languageOptions: { parser: tsParser as Linter.Parser },
        rules: { 'k/no-weak-key-size': 'error' },
      },
    ],
    { filename: 'scripts/keys.ts' },
  ).length;

const isWeakPkcs11 = (name: string): boolean => {
  const n = name.replace(/^CK[MK]_/, '');
  return pkcs11Names.cipher.test(n) || pkcs11Names.ecb.test(n) || pkcs11Names.digest.test(n);
};

describe('catalogue: algorithm-libraries', () => {
  it('pkcs11Names: positives are weak mechanisms or key types, negatives are not', () => {
    for (const p of pkcs11Names.samples.positive) expect(isWeakPkcs11(p), p).toBe(true);
    for (const n of pkcs11Names.samples.negative) expect(isWeakPkcs11(n), n).toBe(false);
  });

  it('keyCommands: each positive command is reported when run, each negative is not', () => {
    const run = (cmd: string) => `import { execSync } from 'node:child_process';\nexecSync(${JSON.stringify(cmd)});\n`;
    for (const p of keyCommands.samples.positive) expect(reports(run(p)), p).toBeGreaterThan(0);
    for (const n of keyCommands.samples.negative) expect(reports(run(n)), n).toBe(0);
  });

  it('libraryPorts: a port and its submodules are read as the original, other modules are not', () => {
    const portOf = (m: string) => libraryPorts.ports.find((p) => p.module.test(m))?.as;
    for (const p of libraryPorts.samples.positive) expect(portOf(p), p).toBe('crypto-js');
    for (const n of libraryPorts.samples.negative) expect(portOf(n), n).toBeUndefined();
  });

  it('namedChoices: the openpgp preference names read, and the ones left alone', () => {
    for (const p of namedChoices.samples.positive) expect(namedChoices.openpgpPreference.test(p), p).toBe(true);
    for (const n of namedChoices.samples.negative) expect(namedChoices.openpgpPreference.test(n), n).toBe(false);
  });
});
