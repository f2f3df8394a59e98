/**
 * require-key-rotation: a signing key the program draws itself at start and keeps to itself (src/rule-kit/
 * one-use-keys.ts `drawnByProgram`): a module constant, a class field or a key pair made by a CSPRNG or key
 * generator, never written out. It is new at every start and no other process verifies with it, so there is no
 * long-lived key for a kid to rotate. Near misses stay reported: a configured key with a random fallback, a random
 * key written to a file, put in `process.env` or handed to a store, and a key from Math.random.
 */
import rule from '../../rules/require-key-rotation.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('require-key-rotation (a key drawn by the process itself)', rule, {
  valid: [
    {
      code: "import crypto from 'node:crypto';\nimport jwt from 'jsonwebtoken';\nconst sessionSecret = crypto.randomBytes(64).toString('hex');\nexport const login = (user: string) => jwt.sign({ user }, sessionSecret, { expiresIn: '1d' });\nexport const check = (t: string) => jwt.verify(t, sessionSecret);\n",
      filename: 'server/auth.ts',
    },
    {
      code: "import { randomBytes } from 'crypto';\nimport * as jwt from 'jsonwebtoken';\nexport class Shared {\n  public signingKey = randomBytes(48).toString('base64');\n  issue(name: string) {\n    return jwt.sign({ name }, this.signingKey);\n  }\n}\n",
      filename: 'server/shared.ts',
    },
    {
      code: "import { generateKeyPairSync } from 'node:crypto';\nimport jwt from 'jsonwebtoken';\nconst pair = generateKeyPairSync('rsa', { modulusLength: 3072 });\nexport function token(sub: string) {\n  return jwt.sign({ sub }, pair.privateKey, { algorithm: 'RS256', expiresIn: 600 });\n}\n",
      filename: 'src/tokens.ts',
    },
    {
      code: "import { SignJWT } from 'jose';\nconst key = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);\nexport const mint = (sub: string) => new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).sign(key);\n",
      filename: 'src/mint.ts',
    },
    {
      code: "import { Module } from '@nestjs/common';\nimport { JwtModule } from '@nestjs/jwt';\nimport { randomBytes } from 'crypto';\n@Module({ imports: [JwtModule.register({ secret: randomBytes(32).toString('hex'), signOptions: { expiresIn: '12h' } })] })\nexport class AuthModule {}\n",
      filename: 'src/auth/auth.module.ts',
    },
  ],
  invalid: [
    {
      // near miss (review): a class field key written to a file elsewhere in the class
      code: "import { randomBytes } from 'crypto';\nimport fs from 'node:fs';\nimport * as jwt from 'jsonwebtoken';\nexport class Shared {\n  public signingKey = randomBytes(48).toString('base64');\n  save() {\n    fs.writeFileSync('k', this.signingKey);\n  }\n  issue(name: string) {\n    return jwt.sign({ name }, this.signingKey);\n  }\n}\n",
      filename: 'server/shared.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 10,
          column: 12,
          endLine: 10,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'addKeyId',
              output:
                "import { randomBytes } from 'crypto';\nimport fs from 'node:fs';\nimport * as jwt from 'jsonwebtoken';\nexport class Shared {\n  public signingKey = randomBytes(48).toString('base64');\n  save() {\n    fs.writeFileSync('k', this.signingKey);\n  }\n  issue(name: string) {\n    return jwt.sign({ name }, this.signingKey, { keyid: 'v1' });\n  }\n}\n",
            },
          ],
        },
      ],
    },
    {
      // near miss (review): the private key of a generated pair exported and written out
      code: "import { generateKeyPairSync } from 'node:crypto';\nimport fs from 'node:fs';\nimport jwt from 'jsonwebtoken';\nconst pair = generateKeyPairSync('rsa', { modulusLength: 3072 });\nfs.writeFileSync('key.pem', pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));\nexport function token(sub: string) {\n  return jwt.sign({ sub }, pair.privateKey, { algorithm: 'RS256', expiresIn: 600 });\n}\n",
      filename: 'src/tokens.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 7,
          column: 10,
          endLine: 7,
          endColumn: 84,
          suggestions: [
            {
              messageId: 'addKeyId',
              output:
                "import { generateKeyPairSync } from 'node:crypto';\nimport fs from 'node:fs';\nimport jwt from 'jsonwebtoken';\nconst pair = generateKeyPairSync('rsa', { modulusLength: 3072 });\nfs.writeFileSync('key.pem', pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));\nexport function token(sub: string) {\n  return jwt.sign({ sub }, pair.privateKey, { algorithm: 'RS256', expiresIn: 600, keyid: 'v1' });\n}\n",
            },
          ],
        },
      ],
    },
    {
      // near miss (review): the bytes the key is made from are written to a file
      code: "import crypto from 'node:crypto';\nimport fs from 'node:fs';\nimport jwt from 'jsonwebtoken';\nconst raw = crypto.randomBytes(64);\nconst secret = raw.toString('hex');\nfs.writeFileSync('/var/lib/app/jwt.key', raw);\nexport const login = (user: string) => jwt.sign({ user }, secret, { expiresIn: '1d' });\n",
      filename: 'server/auth.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 7,
          column: 40,
          endLine: 7,
          endColumn: 87,
          suggestions: [
            {
              messageId: 'addKeyId',
              output:
                "import crypto from 'node:crypto';\nimport fs from 'node:fs';\nimport jwt from 'jsonwebtoken';\nconst raw = crypto.randomBytes(64);\nconst secret = raw.toString('hex');\nfs.writeFileSync('/var/lib/app/jwt.key', raw);\nexport const login = (user: string) => jwt.sign({ user }, secret, { expiresIn: '1d', keyid: 'v1' });\n",
            },
          ],
        },
      ],
    },
    {
      // near miss: the configured secret is long-lived; the random one is only its fallback
      code: "import crypto from 'node:crypto';\nimport jwt from 'jsonwebtoken';\nconst secret = process.env.JWT_SECRET || crypto.randomBytes(64).toString('hex');\nexport const login = (user: string) => jwt.sign({ user }, secret, { expiresIn: '1d' });\n",
      filename: 'server/auth.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 4,
          column: 40,
          endLine: 4,
          endColumn: 87,
          suggestions: [
            {
              messageId: 'addKeyId',
              data: { property: 'keyid', kid: 'v1' },
              output:
                "import crypto from 'node:crypto';\nimport jwt from 'jsonwebtoken';\nconst secret = process.env.JWT_SECRET || crypto.randomBytes(64).toString('hex');\nexport const login = (user: string) => jwt.sign({ user }, secret, { expiresIn: '1d', keyid: 'v1' });\n",
            },
          ],
        },
      ],
    },
    {
      // near miss: the random key is written to a file and read back at the next start: long-lived
      code: "import crypto from 'node:crypto';\nimport fs from 'node:fs';\nimport jwt from 'jsonwebtoken';\nconst secret = crypto.randomBytes(64).toString('hex');\nfs.writeFileSync('data/jwt.secret', secret, { mode: 0o600 });\nexport const login = (user: string) => jwt.sign({ user }, secret, { expiresIn: '1d' });\n",
      filename: 'server/auth.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 6,
          column: 40,
          endLine: 6,
          endColumn: 87,
          suggestions: [
            {
              messageId: 'addKeyId',
              data: { property: 'keyid', kid: 'v1' },
              output:
                "import crypto from 'node:crypto';\nimport fs from 'node:fs';\nimport jwt from 'jsonwebtoken';\nconst secret = crypto.randomBytes(64).toString('hex');\nfs.writeFileSync('data/jwt.secret', secret, { mode: 0o600 });\nexport const login = (user: string) => jwt.sign({ user }, secret, { expiresIn: '1d', keyid: 'v1' });\n",
            },
          ],
        },
      ],
    },
    {
      // near miss: put in the environment, where other modules and child processes read it
      code: "import { randomBytes } from 'crypto';\nimport jwt from 'jsonwebtoken';\nconst secret = randomBytes(64).toString('hex');\nprocess.env.ACCESS_TOKEN_SECRET = secret;\nexport const login = (user: string) => jwt.sign({ user }, secret);\n",
      filename: 'server/app.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 5,
          column: 40,
          endLine: 5,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'addKeyId',
              data: { property: 'keyid', kid: 'v1' },
              output:
                "import { randomBytes } from 'crypto';\nimport jwt from 'jsonwebtoken';\nconst secret = randomBytes(64).toString('hex');\nprocess.env.ACCESS_TOKEN_SECRET = secret;\nexport const login = (user: string) => jwt.sign({ user }, secret, { keyid: 'v1' });\n",
            },
          ],
        },
      ],
    },
    {
      // near miss: handed to a settings store that keeps it
      code: "import { randomBytes } from 'crypto';\nimport jwt from 'jsonwebtoken';\ndeclare const settings: { set(k: string, v: string): void };\nconst secret = randomBytes(32).toString('hex');\nsettings.set('jwtSecret', secret);\nexport const login = (user: string) => jwt.sign({ user }, secret);\n",
      filename: 'server/app.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 6,
          column: 40,
          endLine: 6,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'addKeyId',
              data: { property: 'keyid', kid: 'v1' },
              output:
                "import { randomBytes } from 'crypto';\nimport jwt from 'jsonwebtoken';\ndeclare const settings: { set(k: string, v: string): void };\nconst secret = randomBytes(32).toString('hex');\nsettings.set('jwtSecret', secret);\nexport const login = (user: string) => jwt.sign({ user }, secret, { keyid: 'v1' });\n",
            },
          ],
        },
      ],
    },
    {
      // near miss: Math.random is no CSPRNG draw (no-weak-randomness reports it too)
      code: "import jwt from 'jsonwebtoken';\nconst secret = Math.random().toString(36).slice(2);\nexport const login = (user: string) => jwt.sign({ user }, secret);\n",
      filename: 'server/app.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 3,
          column: 40,
          endLine: 3,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'addKeyId',
              data: { property: 'keyid', kid: 'v1' },
              output:
                "import jwt from 'jsonwebtoken';\nconst secret = Math.random().toString(36).slice(2);\nexport const login = (user: string) => jwt.sign({ user }, secret, { keyid: 'v1' });\n",
            },
          ],
        },
      ],
    },
  ],
});
