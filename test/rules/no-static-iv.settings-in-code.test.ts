/**
 * no-static-iv: a fixed IV written as a setting in code (issue 11, session 36, del20), reported where it is written:
 * an exported constant (`PARTNER_IV = Buffer.from('5a1c…', 'hex')`, `LEGACY_IV_HEX = '0000…'`), a property of a
 * settings object (`vault: { cipherIv: '6a1f…' }`, CommonJS `module.exports = { bootstrap: { iv: … } }`), a config
 * factory's return. A constant the module itself hands to a cipher is reported at that use, as before. Near misses:
 * an IV's size, an IV stored beside its own ciphertext or in a test vector, options handed straight to a call (that
 * call's sink judges them), an environment value, a placeholder, a bare `nonce` field, and a random IV.
 */
import rule from '../../rules/no-static-iv.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-static-iv (IV settings in code)', rule, {
  valid: [
    {
      code: [
        "import { randomBytes } from 'node:crypto';",
        "import { Transformer } from 'column-cipher';",
        'export const IV_LENGTH = 16;',
        "export const sample = { iv: '0f1e2d3c4b5a69788796a5b4c3d2e1f0', ciphertext: '9f2c4b1de07a5c3398b1f0e2d4c6a8b0' };",
        "export const vectors = [{ key: '000102030405060708090a0b0c0d0e0f', iv: '000102030405060708090a0b0c0d0e0f', ct: '7649abac' }];",
        "export const column = new Transformer({ algorithm: 'aes-256-cbc', iv: '3f9a1c07d25e48b6a0c4e1f27d9b5a63' });",
        "export const settings = { iv: process.env.CARD_IV, ivHex: 'changeme', nonce: '0f1e2d3c4b5a6978' };",
        'export const fresh = { iv: randomBytes(16) };',
        "export const ENVELOPE = { iv: 'AAECAwQFBgcICQoLDA0ODw==', data: 'q83vEjRWeJq83vEjq83vEjRWeJq83vEjq83vEjRWeJq83vEj' };",
      ].join('\n'),
      filename: 'src/config/samples.ts',
    },
  ],
  invalid: [
    {
      code: [
        "import { createCipheriv } from 'node:crypto';",
        "export const PARTNER_IV = Buffer.from('5a1c9e3b7d20f468', 'hex');",
        "export const LEGACY_IV_HEX = '00000000000000000000000000000000';",
        "export const FRAME_GCM_NONCE = 'q83vEjRWeJq83vEj';",
        'export const defaults = {',
        "  vault: { cipherIv: '6a1f0e3b9c2d4a5f8e7b1c0d2f3a4b5c', passphrase: '' },",
        '} as const;',
        "export default () => ({ artifacts: { bucket: 'a', legacyIvHex: '8d3f21a94c0b7e65d1a2f3c4b5e6d7f8' } });",
        "const LOCAL_IV = Buffer.from('0f1e2d3c4b5a69788796a5b4c3d2e1f0', 'hex');",
        "export const seal = (key: Buffer, m: Buffer) => createCipheriv('aes-128-cbc', key, LOCAL_IV).update(m);",
      ].join('\n'),
      filename: 'src/config/crypto.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 2,
          column: 27,
          endLine: 2,
          endColumn: 65,
        },
        {
          messageId: 'staticIv',
          line: 3,
          column: 30,
          endLine: 3,
          endColumn: 64,
        },
        {
          messageId: 'staticIv',
          line: 4,
          column: 32,
          endLine: 4,
          endColumn: 50,
        },
        {
          messageId: 'staticIv',
          line: 6,
          column: 22,
          endLine: 6,
          endColumn: 56,
        },
        {
          messageId: 'staticIv',
          line: 8,
          column: 64,
          endLine: 8,
          endColumn: 98,
        },
        {
          messageId: 'staticIv',
          line: 9,
          column: 30,
          endLine: 9,
          endColumn: 64,
        },
      ],
    },
    {
      code: [
        "'use strict';",
        'module.exports = {',
        '  bootstrap: {',
        "    cipher: 'aes-256-gcm',",
        "    iv: Buffer.from('a1b2c3d4e5f6a7b8c9d0e1f2', 'hex'),",
        '  },',
        '};',
      ].join('\n'),
      filename: 'config/index.js',
      errors: [
        {
          messageId: 'staticIv',
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 55,
        },
      ],
    },
  ],
});
