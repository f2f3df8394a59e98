import rule from '../../rules/no-static-iv.js';
import { ruleTester } from '../helpers/rule-tester.js';

// issue 11 (session 36, branch rand20): the value flow follows crypto-js's `WordArray.create(words)` only when a weak
// source makes the words (no-weak-randomness reports a Math.random salt or IV built that way). Words cut from a key
// derivation's output (EvpKDF over a password and a random salt: key and IV together) stay entropy the flow cannot
// see, so no-static-iv does not call that IV fixed.
ruleTester.run('no-static-iv (crypto-js word arrays, batch rand20)', rule, {
  valid: [
    {
      code:
        "import CryptoJS from 'crypto-js';\n\n" +
        'export function sealNote(note: string, passphrase: string): string {\n' +
        '  const salt = CryptoJS.lib.WordArray.random(8);\n' +
        '  const derived = CryptoJS.algo.EvpKDF.create({ keySize: 12 }).compute(passphrase, salt);\n' +
        '  const key = CryptoJS.lib.WordArray.create(derived.words.slice(0, 8));\n' +
        '  const iv = CryptoJS.lib.WordArray.create(derived.words.slice(8, 12));\n' +
        "  return salt.toString() + ':' + CryptoJS.AES.encrypt(note, key, { iv }).toString();\n" +
        '}\n',
      filename: 'src/notes/seal.ts',
    },
    {
      code:
        "import { AES, algo, lib } from 'crypto-js';\n\n" +
        'export function sealBlob(blob: string, secret: string): string {\n' +
        '  const salt = lib.WordArray.random(8);\n' +
        '  const out = algo.EvpKDF.create({ keySize: 12 }).compute(secret, salt);\n' +
        '  const iv = lib.WordArray.create(out.words.slice(8));\n' +
        '  return AES.encrypt(blob, lib.WordArray.create(out.words.slice(0, 8)), { iv }).toString();\n' +
        '}\n',
      filename: 'src/blobs/seal.ts',
    },
  ],
  invalid: [
    {
      // words made from the clock: the IV repeats and can be guessed (base36 saw nothing through WordArray.create)
      code:
        "import CryptoJS from 'crypto-js';\n\n" +
        'export function sealRow(row: string, key: CryptoJS.lib.WordArray): string {\n' +
        '  const iv = CryptoJS.lib.WordArray.create([Date.now() | 0, 0, 0, 0]);\n' +
        '  return CryptoJS.AES.encrypt(row, key, { iv }).toString();\n' +
        '}\n',
      filename: 'src/rows/seal.ts',
      errors: [{ messageId: 'clockIv', line: 4, column: 45, endLine: 4, endColumn: 55 }],
    },
  ],
});
