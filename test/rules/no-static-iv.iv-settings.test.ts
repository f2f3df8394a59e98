/**
 * Session 35 (branch iv19, issue 11): a fixed IV a module hands out as a setting and none of its own code reads
 * (src/rule-kit/iv-settings.ts): an exported constant, a property of an exported configuration object,
 * `module.exports = { … }`, `export default { … }`. Near misses: sizes and words, a value made at run time, an object
 * the module itself fills, and an IV its own sink reads (reported there, once, as `staticIv`).
 */
import rule from '../../rules/no-static-iv.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-static-iv (IV settings in code)', rule, {
  valid: [
    {
      // sizes, an encoding name and a placeholder word under IV names
      code: "export const IV_LENGTH = 16;\nexport const ivEncoding = 'hex';\nexport const frame = { iv: 'per-message', nonceBytes: 12 };\n",
      filename: 'src/proto/sizes.ts',
    },
    {
      // an object the module fills with random bytes before handing it out, and an IV made at run time
      code: "import { randomFillSync, randomBytes } from 'node:crypto';\nconst state = { iv: Buffer.alloc(16) };\nexport function next() {\n  randomFillSync(state.iv);\n  return state;\n}\nexport const session = { iv: randomBytes(12) };\n",
      filename: 'src/proto/state.ts',
    },
    {
      // a buffer of another size is no IV written as a setting
      code: 'export const HEADER_IV = Buffer.alloc(4);\n',
      filename: 'src/proto/header.ts',
    },
  ],
  invalid: [
    {
      // an exported constant in a constants module
      code: "export const LEGACY_FRAME_IV = Buffer.from('00112233445566778899aabbccddeeff', 'hex');\nexport const CHUNK = 4096;\n",
      filename: 'src/ota/constants.ts',
      errors: [
        {
          messageId: 'ivSetting',
          data: { name: 'LEGACY_FRAME_IV', bytes: 16 },
          line: 1,
          column: 32,
          endLine: 1,
          endColumn: 86,
        },
      ],
    },
    {
      // a CommonJS configuration module
      code: "'use strict';\nmodule.exports = {\n  port: 8080,\n  sealing: {\n    cipher: 'aes-256-gcm',\n    iv: Buffer.alloc(12),\n  },\n};\n",
      filename: 'services/relay/config/index.js',
      errors: [
        { messageId: 'ivSetting', data: { name: 'iv', bytes: 12 }, line: 6, column: 9, endLine: 6, endColumn: 25 },
      ],
    },
    {
      // a typed defaults object, named in a type query only
      code: "export const defaults = {\n  vault: { cipherIv: 'f0e1d2c3b4a5968778695a4b3c2d1e0f', rounds: 3 },\n} as const;\nexport type Defaults = typeof defaults;\n",
      filename: 'packages/config/src/defaults.ts',
      errors: [
        {
          messageId: 'ivSetting',
          data: { name: 'cipherIv', bytes: 16 },
          line: 2,
          column: 22,
          endLine: 2,
          endColumn: 56,
        },
      ],
    },
    {
      // a constant exported by a specifier, and a default-exported settings object
      code: "const HANDSHAKE_IV = new Uint8Array(16);\nconst LABEL = 'hs';\nexport { HANDSHAKE_IV, LABEL };\nexport default { archive: { aesGcmNonce: 'a1b2c3d4e5f60718293a4b5c' } };\n",
      filename: 'src/proto/consts.ts',
      errors: [
        {
          messageId: 'ivSetting',
          data: { name: 'HANDSHAKE_IV', bytes: 16 },
          line: 1,
          column: 22,
          endLine: 1,
          endColumn: 40,
        },
        {
          messageId: 'ivSetting',
          data: { name: 'aesGcmNonce', bytes: 12 },
          line: 4,
          column: 42,
          endLine: 4,
          endColumn: 68,
        },
      ],
    },
    {
      // near miss: an IV its own module's sink reads is reported at the sink, once
      code: "import { createCipheriv } from 'node:crypto';\nexport const ZERO_IV = Buffer.alloc(16);\nexport const seal = (key: Buffer, data: Buffer) => createCipheriv('aes-256-cbc', key, ZERO_IV).update(data);\n",
      filename: 'src/proto/seal.ts',
      errors: [{ messageId: 'staticIv', line: 2, column: 24, endLine: 2, endColumn: 40 }],
    },
  ],
});
