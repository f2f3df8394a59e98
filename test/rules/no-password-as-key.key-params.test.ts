/**
 * A KDF over a parameter the function declares as key material by its name (`secretKey`, `encryptionKey`,
 * `masterKey`: catalogue `keyHolderName`) is not judged by password floors (src/rule-kit/kdf-input.ts): a caller
 * makes or configures a key, no person types it, so there is no guessing for a work factor to slow (issue 11,
 * session 38, branch prec22). A bare `key`, a name with a password word and a name of a person's secret stay
 * reported.
 */
import rule from '../../rules/no-password-as-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-password-as-key (key parameters)', rule, {
  valid: [
    {
      // a CommonJS helper encrypting under a configured secret key, scrypt at the default cost
      code: "const crypto = require('crypto');\nexports.seal = function (text, secretKey, salt) {\n  const key = crypto.scryptSync(secretKey, salt || 'default-salt', 32);\n  const iv = crypto.randomBytes(16);\n  const c = crypto.createCipheriv('aes-256-cbc', key, iv);\n  return iv.toString('hex') + c.update(text, 'utf8', 'hex') + c.final('hex');\n};\n",
      filename: 'lib/util/aes.js',
    },
    {
      // a service's blocklist encryption: scrypt over the operator-set encryption key
      code: "import { scryptSync } from 'node:crypto';\nexport function keyFor(encryptionKey: string, salt: string): Buffer {\n  if (!encryptionKey) throw new Error('missing key');\n  return scryptSync(encryptionKey, Buffer.from(salt, 'utf8'), 32);\n}\n",
      filename: 'src/blocklist/crypto.ts',
    },
    {
      // a subkey derived from a master key with one PBKDF2 round
      code: "import { pbkdf2Sync } from 'node:crypto';\nexport const subkey = (masterKey: Buffer, label: string): Buffer => pbkdf2Sync(masterKey, label, 1, 32, 'sha256');\n",
      filename: 'src/keys/subkeys.ts',
    },
  ],
  invalid: [
    {
      // near miss: a password word in the name
      code: "import { pbkdf2Sync } from 'node:crypto';\nexport const subkey = (passwordKey: string, label: string): Buffer => pbkdf2Sync(passwordKey, label, 1000, 32, 'sha256');\n",
      filename: 'src/keys/subkeys2.ts',
      errors: [
        {
          messageId: 'weakKdf',
          line: 2,
          column: 102,
          endLine: 2,
          endColumn: 106,
          suggestions: [
            {
              messageId: 'raiseParam',
              data: { param: 'iterations', floor: 600000 },
              output:
                "import { pbkdf2Sync } from 'node:crypto';\nexport const subkey = (passwordKey: string, label: string): Buffer => pbkdf2Sync(passwordKey, label, 600000, 32, 'sha256');\n",
            },
          ],
        },
      ],
    },
    {
      // near miss: a bare `key` parameter declares nothing
      code: "import { pbkdf2Sync } from 'node:crypto';\nexport const subkey = (key: string, label: string): Buffer => pbkdf2Sync(key, label, 1000, 32, 'sha256');\n",
      filename: 'src/keys/subkeys3.ts',
      errors: [
        {
          messageId: 'weakKdf',
          line: 2,
          column: 86,
          endLine: 2,
          endColumn: 90,
          suggestions: [
            {
              messageId: 'raiseParam',
              data: { param: 'iterations', floor: 600000 },
              output:
                "import { pbkdf2Sync } from 'node:crypto';\nexport const subkey = (key: string, label: string): Buffer => pbkdf2Sync(key, label, 600000, 32, 'sha256');\n",
            },
          ],
        },
      ],
    },
    {
      // near miss: a person's PIN, even when called a key
      code: "import { scryptSync } from 'node:crypto';\nexport function keyFor(pinKey: string, salt: string): Buffer {\n  return scryptSync(pinKey, Buffer.from(salt, 'utf8'), 32);\n}\n",
      filename: 'src/lock/pin.ts',
      errors: [{ messageId: 'weakKdf', line: 3, column: 10, endLine: 3, endColumn: 20 }],
    },
    {
      // near miss: a lookup key is no key material
      code: "import { scryptSync } from 'node:crypto';\nexport function keyFor(cacheKey: string, salt: string): Buffer {\n  return scryptSync(cacheKey, Buffer.from(salt, 'utf8'), 32);\n}\n",
      filename: 'src/blocklist/crypto2.ts',
      errors: [{ messageId: 'weakKdf', line: 3, column: 10, endLine: 3, endColumn: 20 }],
    },
  ],
});
