/**
 * A KDF over a machine-made secret is not judged by password floors (src/rule-kit/kdf-input.ts): the work factor
 * slows guessing, and a random server secret cannot be guessed. Each valid case has its near miss below: the same
 * code over a person's secret, a request's field or a bare parameter stays reported.
 */
import rule from '../../rules/no-password-as-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-password-as-key (machine secrets)', rule, {
  valid: [
    {
      // a session hash over the user record's generated signing secret (scrypt at the library default N)
      code: "import crypto from 'node:crypto';\nexport function sessionHash(account: { signingSecret: string; id: string }) {\n  return crypto.scryptSync(account.signingSecret, `session:${account.id}`, 64).toString('hex');\n}\n",
      filename: 'src/auth/session.ts',
    },
    {
      // an encryption key derived from the application's secret env var, 10,000 iterations
      code: "import { pbkdf2Sync, randomBytes, createCipheriv } from 'node:crypto';\nexport function seal(text: string) {\n  const salt = randomBytes(16);\n  const key = pbkdf2Sync(process.env.APP_SECRET as string, salt, 10000, 32, 'sha512');\n  return createCipheriv('aes-256-gcm', key, randomBytes(12)).update(text);\n}\n",
      filename: 'src/lib/seal.ts',
    },
    {
      // a configuration module's secret key, read through an object and a binding
      code: "import crypto from 'node:crypto';\nimport { env } from './env';\nconst master = env.SECRET_KEY;\nexport const fieldKey = (salt: Buffer) => crypto.pbkdf2Sync(master, salt, 1000, 32, 'sha256');\n",
      filename: 'src/lib/field-key.ts',
    },
    {
      // a class's own webhook secret, read through `this`
      code: "import { scryptSync } from 'node:crypto';\nexport class Hooks {\n  constructor(private readonly options: { webhookSecret: string }) {}\n  key(salt: Buffer) {\n    return scryptSync(this.options.webhookSecret, salt, 32);\n  }\n}\n",
      filename: 'src/hooks.ts',
    },
    {
      // CSPRNG bytes (the behaviour before this change)
      code: "import { pbkdf2Sync, randomBytes } from 'node:crypto';\nexport const k = pbkdf2Sync(randomBytes(32), randomBytes(16), 1, 32, 'sha256');\n",
      filename: 'src/k.ts',
    },
  ],
  invalid: [
    {
      // near miss: the record's PIN, which a person chose
      code: "import crypto from 'node:crypto';\nexport function pinHash(account: { pin: string; id: string }) {\n  return crypto.scryptSync(account.pin, `pin:${account.id}`, 64).toString('hex');\n}\n",
      filename: 'src/auth/pin.ts',
      errors: [{ messageId: 'weakKdf', line: 3, column: 10, endLine: 3, endColumn: 27 }],
    },
    {
      // near miss: a password env var
      code: "import { pbkdf2Sync, randomBytes } from 'node:crypto';\nexport const key = pbkdf2Sync(process.env.ADMIN_PASSWORD as string, randomBytes(16), 10000, 32, 'sha512');\n",
      filename: 'src/lib/admin.ts',
      errors: [
        {
          messageId: 'weakKdf',
          line: 2,
          column: 86,
          endLine: 2,
          endColumn: 91,
          suggestions: [
            {
              messageId: 'raiseParam',
              data: { param: 'iterations', floor: 210000 },
              output:
                "import { pbkdf2Sync, randomBytes } from 'node:crypto';\nexport const key = pbkdf2Sync(process.env.ADMIN_PASSWORD as string, randomBytes(16), 210000, 32, 'sha512');\n",
            },
          ],
        },
      ],
    },
    {
      // near miss: a field of the request body is user input, whatever it is called
      code: "import crypto from 'node:crypto';\nexport function handler(req: { body: { secret: string } }, salt: Buffer) {\n  return crypto.pbkdf2Sync(req.body.secret, salt, 1000, 32, 'sha256');\n}\n",
      filename: 'src/routes/unlock.ts',
      errors: [
        {
          messageId: 'weakKdf',
          line: 3,
          column: 51,
          endLine: 3,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'raiseParam',
              data: { param: 'iterations', floor: 600000 },
              output:
                "import crypto from 'node:crypto';\nexport function handler(req: { body: { secret: string } }, salt: Buffer) {\n  return crypto.pbkdf2Sync(req.body.secret, salt, 600000, 32, 'sha256');\n}\n",
            },
          ],
        },
      ],
    },
    {
      // near miss: a bare parameter says nothing of where the value comes from
      code: "import crypto from 'node:crypto';\nexport const derive = (secret: string, salt: Buffer) => crypto.pbkdf2Sync(secret, salt, 1000, 32, 'sha256');\n",
      filename: 'src/lib/derive.ts',
      errors: [
        {
          messageId: 'weakKdf',
          line: 2,
          column: 89,
          endLine: 2,
          endColumn: 93,
          suggestions: [
            {
              messageId: 'raiseParam',
              data: { param: 'iterations', floor: 600000 },
              output:
                "import crypto from 'node:crypto';\nexport const derive = (secret: string, salt: Buffer) => crypto.pbkdf2Sync(secret, salt, 600000, 32, 'sha256');\n",
            },
          ],
        },
      ],
    },
    {
      // near miss: a vault's passphrase field
      code: "import { scryptSync } from 'node:crypto';\nexport class Vault {\n  constructor(private readonly options: { vaultPassphrase: string }) {}\n  key(salt: Buffer) {\n    return scryptSync(this.options.vaultPassphrase, salt, 32);\n  }\n}\n",
      filename: 'src/vault.ts',
      errors: [{ messageId: 'weakKdf', line: 5, column: 12, endLine: 5, endColumn: 22 }],
    },
  ],
});
