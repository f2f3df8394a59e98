/**
 * A fixed salt on a password KDF over an input random by construction is no finding (src/rule-kit/iv-findings.ts,
 * `saltOverMachineSecret`): a salt stops one precomputed table from covering every guessable input, and an issued
 * API key, a token or CSPRNG bytes are not guessable. Hashing an API key for lookup needs the same output for the
 * same key, so the salt is fixed on purpose. The near misses (a password, a passphrase, a configured secret that an
 * operator may have set to a word) stay reported.
 */
import rule from '../../rules/no-static-iv.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-static-iv (salts over issued credentials)', rule, {
  valid: [
    {
      // an API key hashed for lookup with an empty salt
      code: "import { pbkdf2Sync } from 'node:crypto';\nexport function lookupHash(apiKey: string): string {\n  return pbkdf2Sync(apiKey, '', 100000, 64, 'sha256').toString('hex');\n}\n",
      filename: 'src/keys/lookup.ts',
    },
    {
      // a refresh token under a constant salt, scrypt
      code: "const { scryptSync } = require('crypto');\nconst SALT = 'refresh-v1';\nmodule.exports = (refreshToken) => scryptSync(refreshToken, SALT, 32).toString('hex');\n",
      filename: 'lib/refresh.js',
    },
    {
      // 32 CSPRNG bytes stretched under a fixed label
      code: "import crypto from 'node:crypto';\nexport const wrapKey = () => crypto.pbkdf2Sync(crypto.randomBytes(32), 'wrap', 1, 32, 'sha256');\n",
      filename: 'src/lib/wrap-key.ts',
    },
  ],
  invalid: [
    {
      // near miss: the same lookup over a password
      code: "import { pbkdf2Sync } from 'node:crypto';\nexport function lookupHash(password: string): string {\n  return pbkdf2Sync(password, '', 600000, 64, 'sha256').toString('hex');\n}\n",
      filename: 'src/keys/lookup.ts',
      errors: [
        {
          messageId: 'staticSalt',
          line: 3,
          column: 31,
          endLine: 3,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'freshIv',
              data: {
                role: 'salt',
                unit: 'password',
                call: 'randomBytes(16)',
                output: 'hash',
                reverse: 'verification',
              },
              output:
                "import { pbkdf2Sync, randomBytes } from 'node:crypto';\nexport function lookupHash(password: string): string {\n  const salt = randomBytes(16);\n  return pbkdf2Sync(password, salt, 600000, 64, 'sha256').toString('hex');\n}\n",
            },
          ],
        },
      ],
    },
    {
      // near miss: a passphrase under the constant salt
      code: "const { scryptSync } = require('crypto');\nconst SALT = 'refresh-v1';\nmodule.exports = (passphrase) => scryptSync(passphrase, SALT, 32, { N: 2 ** 17 }).toString('hex');\n",
      filename: 'lib/refresh.js',
      errors: [{ messageId: 'staticSalt', line: 2, column: 14, endLine: 2, endColumn: 26 }],
    },
    {
      // near miss: a configured secret (an operator may have set a word) keeps its salt judged
      code: "import crypto from 'node:crypto';\nexport const fieldKey = crypto.scryptSync(process.env.APP_SECRET as string, 'field-encryption', 32);\n",
      filename: 'src/lib/field-key.ts',
      errors: [{ messageId: 'staticSalt', line: 2, column: 77, endLine: 2, endColumn: 95 }],
    },
  ],
});
