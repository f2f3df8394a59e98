import rule from '../../rules/no-static-iv.js';
import { ruleTester } from '../helpers/rule-tester.js';

// issue 11 (session 25, branch rule9rand): an IV or nonce read from a settings object another module of the project
// exports (ESM import or CommonJS require, decoded or not): one value per deployment, whatever that module reads it
// from (an environment variable with a fallback, a YAML document). The decrypting call reading the same setting is
// not reported again. Near misses: a local object that shadows the name, an options parameter, a package's export.
ruleTester.run('no-static-iv (IVs read from the settings of another module, batch rule9rand)', rule, {
  valid: [
    {
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\nimport { randomIv } from 'some-package';\n\nexport function sealFresh(key: Buffer, body: Buffer, opts: { iv: Buffer }) {\n  const settings = { iv: randomBytes(16) };\n  return [createCipheriv('aes-256-cbc', key, settings.iv).update(body), createCipheriv('aes-256-cbc', key, opts.iv)];\n}\nexport function sealPkg(key: Buffer, body: Buffer) {\n  return createCipheriv('aes-256-cbc', key, randomIv.value).update(body);\n}\n",
      filename: 'src/fresh.ts',
    },
  ],
  invalid: [
    {
      code: "import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';\nimport nacl from 'tweetnacl';\nimport { settings } from './settings';\nimport { randomIv } from 'some-package';\nconst legacy = require('../legacy/options');\n\nexport function sealArchive(key: Uint8Array, body: Uint8Array) {\n  return nacl.secretbox(body, Buffer.from(settings.archive.nonceHex, 'hex'), key);\n}\nexport function sealExport(key: Buffer, body: Buffer) {\n  const iv = legacy.cipher.iv;\n  const c = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([c.update(body), c.final()]);\n}\nexport function openExport(key: Buffer, body: Buffer) {\n  return createDecipheriv('aes-256-cbc', key, legacy.cipher.iv).update(body);\n}\n",
      filename: 'src/archive.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 8,
          column: 31,
          endLine: 8,
          endColumn: 76,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';\nimport nacl from 'tweetnacl';\nimport { settings } from './settings';\nimport { randomIv } from 'some-package';\nconst legacy = require('../legacy/options');\n\nexport function sealArchive(key: Uint8Array, body: Uint8Array) {\n  const nonce = randomBytes(24);\n  return nacl.secretbox(body, nonce, key);\n}\nexport function sealExport(key: Buffer, body: Buffer) {\n  const iv = legacy.cipher.iv;\n  const c = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([c.update(body), c.final()]);\n}\nexport function openExport(key: Buffer, body: Buffer) {\n  return createDecipheriv('aes-256-cbc', key, legacy.cipher.iv).update(body);\n}\n",
            },
          ],
        },
        {
          messageId: 'staticIv',
          line: 11,
          column: 14,
          endLine: 11,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';\nimport nacl from 'tweetnacl';\nimport { settings } from './settings';\nimport { randomIv } from 'some-package';\nconst legacy = require('../legacy/options');\n\nexport function sealArchive(key: Uint8Array, body: Uint8Array) {\n  return nacl.secretbox(body, Buffer.from(settings.archive.nonceHex, 'hex'), key);\n}\nexport function sealExport(key: Buffer, body: Buffer) {\n  const iv = randomBytes(16);\n  const c = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([c.update(body), c.final()]);\n}\nexport function openExport(key: Buffer, body: Buffer) {\n  return createDecipheriv('aes-256-cbc', key, legacy.cipher.iv).update(body);\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a PBKDF2 salt from a required settings module; the bcrypt cost beside it is not a salt
      code: "const bcrypt = require('bcrypt');\nconst { pbkdf2Sync } = require('node:crypto');\nconst { auth } = require('../config/auth');\n\nexports.hashLegacy = (plain) => bcrypt.hash(plain, auth.bcryptRounds);\nexports.pinKey = (pin) => pbkdf2Sync(pin, auth.pin.salt, 600000, 32, 'sha256');\n",
      filename: 'src/pins.js',
      errors: [{ messageId: 'staticSalt', line: 6, column: 43, endLine: 6, endColumn: 56 }],
    },
  ],
});
