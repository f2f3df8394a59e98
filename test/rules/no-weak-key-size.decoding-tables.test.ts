/**
 * no-weak-key-size: an id → name decoding table of a published registry (numeric ids as keys, the registry's
 * symbolic names of one namespace as values: `{ 0x0044: 'HW_ALG_ECB' }`) turns an id read from a structure into a
 * name and selects nothing (src/rule-kit/decoding-tables.ts). Near misses that stay reported: a version → cipher
 * table of versioned ciphertext (names an API takes), a table of one member, a table mixing id and role keys.
 */
import rule from '../../rules/no-weak-key-size.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-weak-key-size (id → name decoding tables)', rule, {
  valid: [
    {
      // a hardware module's algorithm-id table, used to print what an attestation's public area says
      code: "export const HW_ALG: { [id: number]: string } = {\n  0x0001: 'HW_ALG_RSA',\n  0x0006: 'HW_ALG_AES',\n  0x000a: 'HW_ALG_DES',\n  0x0044: 'HW_ALG_ECB',\n};\nexport const algName = (id: number) => HW_ALG[id] ?? 'unknown';\n",
      filename: 'src/attest/hw-alg.ts',
    },
    {
      // string-digit keys, a negative id, in plain JavaScript
      code: "const WIRE_ALG = {\n  '3': 'WIRE_ALG_RC4',\n  '4': 'WIRE_ALG_AES128',\n  '-1': 'WIRE_ALG_NONE',\n};\nmodule.exports = { WIRE_ALG };\n",
      filename: 'lib/wire/ids.js',
    },
    {
      // a two-word namespace of a packet format's symmetric-algorithm ids
      code: "export const SYM_ALGORITHM = {\n  2: 'SYM_ALGORITHM_TRIPLEDES',\n  3: 'SYM_ALGORITHM_CAST5',\n  4: 'SYM_ALGORITHM_BLOWFISH',\n  9: 'SYM_ALGORITHM_AES256',\n};\n",
      filename: 'src/packets/cipher-ids.ts',
    },
  ],
  invalid: [
    {
      // near miss: version → cipher of versioned ciphertext; the old version still decrypts with 3DES
      code: "const CIPHERS = { 1: 'des-ede3-cbc', 2: 'aes-256-gcm' };\nexport const cipherFor = (v: 1 | 2) => CIPHERS[v];\n",
      filename: 'src/vault/versions.ts',
      errors: [
        {
          messageId: 'weakCipher',
          line: 1,
          column: 22,
          endLine: 1,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: "'aes-256-gcm'" },
              output:
                "const CIPHERS = { 1: 'aes-256-gcm', 2: 'aes-256-gcm' };\nexport const cipherFor = (v: 1 | 2) => CIPHERS[v];\n",
            },
          ],
        },
      ],
    },
    {
      // near miss: one member is no table, it is a constant
      code: "export const SINGLE_ALG = { 1: 'SINGLE_ALG_DES' };\n",
      filename: 'src/wire/single.ts',
      errors: [
        {
          messageId: 'weakCipher',
          line: 1,
          column: 32,
          endLine: 1,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: "'AES-GCM'" },
              output: "export const SINGLE_ALG = { 1: 'AES-GCM' };\n",
            },
          ],
        },
      ],
    },
    {
      // near miss: a key named for a role chooses
      code: "export const MODE_ALG = { 1: 'ALG_ECB', next: 'ALG_GCM' };\n",
      filename: 'src/wire/modes.ts',
      errors: [
        {
          messageId: 'ecbMode',
          line: 1,
          column: 30,
          endLine: 1,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: "'ALG_GCM'" },
              output: "export const MODE_ALG = { 1: 'ALG_GCM', next: 'ALG_GCM' };\n",
            },
          ],
        },
      ],
    },
  ],
});
