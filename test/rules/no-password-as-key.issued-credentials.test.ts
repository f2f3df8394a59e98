/**
 * A KDF over a credential the service issues (an API key or a token hashed for lookup) is not judged by password
 * floors (src/rule-kit/kdf-input.ts, catalogue `issuedCredentialName`): a client presents it, but no person chose
 * it, so there is no guessing for a work factor to slow. Each valid case has a near miss below: the same helper
 * over a password, a bare `secret` parameter or a request's field stays reported.
 */
import rule from '../../rules/no-password-as-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-password-as-key (issued credentials)', rule, {
  valid: [
    {
      // a service method hashing the API key it issued, PBKDF2 at 100,000 iterations, for a lookup by hash
      code: "import { pbkdf2Sync } from 'node:crypto';\nexport class Keys {\n  private readonly rounds = 100000;\n  digestOf(apiKey: string): string {\n    return pbkdf2Sync(apiKey, 'lookup', this.rounds, 64, 'sha256').toString('hex');\n  }\n}\n",
      filename: 'src/keys/keys.service.ts',
    },
    {
      // a refresh token hashed with scrypt at the library default N before it is stored
      code: "import { scryptSync } from 'node:crypto';\nexport const storedForm = (refreshToken: string, salt: Buffer) =>\n  scryptSync(refreshToken, salt, 32).toString('base64url');\n",
      filename: 'src/auth/refresh.ts',
    },
    {
      // a plain personal access token, async pbkdf2 with a callback
      code: "import crypto from 'crypto';\nexport function tokenDigest(rawAccessToken, salt, done) {\n  crypto.pbkdf2(rawAccessToken, salt, 1000, 32, 'sha512', done);\n}\n",
      filename: 'lib/pat.js',
    },
  ],
  invalid: [
    {
      // near miss: the same method over a password
      code: "import { pbkdf2Sync } from 'node:crypto';\nexport class Keys {\n  private readonly rounds = 100000;\n  digestOf(password: string): string {\n    return pbkdf2Sync(password, 'lookup', this.rounds, 64, 'sha256').toString('hex');\n  }\n}\n",
      filename: 'src/keys/keys.service.ts',
      errors: [
        {
          messageId: 'weakKdf',
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'raiseParam',
              data: { param: 'iterations', floor: 600000 },
              output:
                "import { pbkdf2Sync } from 'node:crypto';\nexport class Keys {\n  private readonly rounds = 600000;\n  digestOf(password: string): string {\n    return pbkdf2Sync(password, 'lookup', this.rounds, 64, 'sha256').toString('hex');\n  }\n}\n",
            },
          ],
        },
      ],
    },
    {
      // near miss: a bare `secret` parameter decides nothing (a person may have typed it)
      code: "import { scryptSync } from 'node:crypto';\nexport const storedForm = (secret: string, salt: Buffer) =>\n  scryptSync(secret, salt, 32).toString('base64url');\n",
      filename: 'src/auth/refresh.ts',
      errors: [{ messageId: 'weakKdf', line: 3, column: 3, endLine: 3, endColumn: 13 }],
    },
    {
      // near miss: a token read from a request's body, whatever it is called
      code: "import crypto from 'crypto';\nexport function tokenDigest(req, salt, done) {\n  const token = req.body.token;\n  crypto.pbkdf2(token, salt, 1000, 32, 'sha512', done);\n}\n",
      filename: 'lib/pat.js',
      errors: [
        {
          messageId: 'weakKdf',
          line: 4,
          column: 30,
          endLine: 4,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'raiseParam',
              data: { param: 'iterations', floor: 210000 },
              output:
                "import crypto from 'crypto';\nexport function tokenDigest(req, salt, done) {\n  const token = req.body.token;\n  crypto.pbkdf2(token, salt, 210000, 32, 'sha512', done);\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
