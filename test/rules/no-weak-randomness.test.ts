import rule from '../../rules/no-weak-randomness.js';
import { ruleTester, typedRuleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-weak-randomness', rule, {
  valid: [
    {
      // a TOTP countdown drawn in a UI: the seconds left in the period and a progress dash
      code: 'export class TotpView {\n  totpLeft = 30;\n  totpDash = 0;\n  tick(period: number) {\n    const phase = Math.floor(Date.now() / 1000) % period;\n    this.totpLeft = period - phase;\n    this.totpDash = (78.5 / period) * phase;\n  }\n}',
      filename: 'src/totp-view.ts',
    },
    {
      // codes that are not secrets, faker for display data, an MFA code's expiry
      code: "import { faker } from '@faker-js/faker';\nexport const countryCode = Math.floor(Math.random() * 3);\nexport const statusCode = [200, 201][Math.floor(Math.random() * 2)];\nexport const displayName = faker.person.fullName();\nexport const mfaCodeExpiresAt = Date.now() + 300000;",
      filename: 'src/ui.ts',
    },
    {
      // clock readings under time-quantity names: an edit time, a key's age, a token's seconds remaining
      code: 'export class Meta {\n  private editState: Record<string, Date> = {};\n  set keyChangeRec(value: number) {\n    this.editState.keyChangeRecChanged = new Date();\n  }\n  keyAgeOk(created: number) {\n    const keyAge = Date.now() - created;\n    return keyAge < 60000;\n  }\n  tokenSecondsRemaining(exp: Date) {\n    return Math.round((exp.valueOf() - new Date().valueOf()) / 1000);\n  }\n}',
      filename: 'src/kdbx-meta.ts',
    },
    {
      // clock readings in IVs and timestamps beside them are not this rule's
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\nexport class NonceSequence {\n  private readonly prefix = randomBytes(4);\n  private counter = 0n;\n  next(): Buffer {\n    const nonce = Buffer.alloc(12);\n    this.prefix.copy(nonce, 0);\n    nonce.writeBigUInt64BE(this.counter++, 4);\n    return nonce;\n  }\n}\nexport function seal(key: Buffer, data: Buffer) {\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', key, iv);\n  return { iv, sentAt: Date.now(), body: Buffer.concat([c.update(data), c.final()]) };\n}\nexport function sealStamped(key: Buffer, data: Buffer) {\n  const nonce = Buffer.concat([randomBytes(8), Buffer.from(Date.now().toString(16).slice(-8), 'hex')]);\n  return createCipheriv('aes-256-gcm', key, nonce).update(data);\n}",
      filename: 'src/nonces.ts',
    },
    {
      // a clock-made nonce and a pid salt are no-static-iv's findings
      code: "import { createCipheriv, pbkdf2Sync } from 'node:crypto';\nexport function encryptRecord(key: Buffer, plaintext: string) {\n  const nonce = Buffer.alloc(12);\n  nonce.writeBigUInt64BE(BigInt(Date.now()), 4);\n  const cipher = createCipheriv('aes-256-gcm', key, nonce);\n  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);\n}\nexport const hashPin = (pin: string) => pbkdf2Sync(pin, String(process.pid), 600000, 32, 'sha256');",
      filename: 'src/records.ts',
    },
    // retry backoff with jitter
    {
      code: 'export async function retry<T>(fn: () => Promise<T>, attempt = 0): Promise<T> {\n  try { return await fn(); } catch {\n    const delay = 100 * 2 ** attempt + Math.random() * 100;\n    await new Promise((r) => setTimeout(r, delay));\n    return retry(fn, attempt + 1);\n  }\n}',
      filename: 'src/retry.ts',
    },
    // shuffling a playlist
    {
      code: 'export function shufflePlaylist(tracks) {\n  const out = [...tracks];\n  for (let i = out.length - 1; i > 0; i--) {\n    const j = Math.floor(Math.random() * (i + 1));\n    [out[i], out[j]] = [out[j], out[i]];\n  }\n  return out;\n}',
      filename: 'src/playlist.js',
    },
    // sampling
    {
      code: 'if (Math.random() < 0.01) track(event);\nexport const sampleRate = Math.random() < 0.5 ? 1 : 0;',
      filename: 'src/analytics.js',
    },
    // UI animation and React-style list keys
    {
      code: "el.style.left = Math.random() * 100 + 'px';\nexport const animationOffset = Math.random() * 360;\nconst rows = items.map((item) => ({ ...item, key: Math.random() }));",
      filename: 'src/ui.js',
    },
    // shuffled test users and demo data
    {
      code: "import _ from 'lodash';\nexport const testUsers = _.shuffle(fixtures);\nexport const previewOrders = Array.from({ length: 20 }, (_, i) => ({ id: i, total: Math.random() * 500 }));",
      filename: 'src/seed.js',
    },
    // ids and cache keys that only need to be unique (a bare `key` is not a purpose)
    {
      code: 'export const requestId = Math.random().toString(36).slice(2);\nconst id = Date.now().toString(36);\nexport const cacheKey = `user:${id}:${Date.now()}`;\nconst key = `${prefix}-${Math.random()}`;',
      filename: 'src/ids.js',
    },
    // expiry times, creation times and counters next to tokens
    {
      code: 'user.passwordResetExpires = Date.now() + 3600000;\nexport const resetTokenExpiry = new Date(Date.now() + 3600000);\nconst tokenCreatedAt = Date.now();\nexport const otpAttempts = Math.floor(Math.random() * 3);',
      filename: 'src/expiry.js',
    },
    // parts the rule cannot see into may carry entropy: no guess
    {
      code: "import { generateSecureToken } from './tokens.js';\nexport const apiToken = generateSecureToken() + '.' + Date.now();\nexport function buildToken(randomPart) {\n  return `${Date.now()}.${randomPart}`;\n}",
      filename: 'src/opaque.js',
    },
    // a keyed HMAC of the clock is not guessable without the key
    {
      code: "import crypto from 'node:crypto';\nexport const signedToken = crypto.createHmac('sha256', process.env.TOKEN_SECRET).update(String(Date.now())).digest('hex');",
      filename: 'src/hmac.js',
    },
    // random-js with the crypto engine
    {
      code: "import { Random, nodeCrypto } from 'random-js';\nconst random = new Random(nodeCrypto);\nexport const recoveryCode = random.string(16);",
      filename: 'src/rjs.js',
    },
    // uuid v4 for jti; the clock for exp
    {
      code: "import jwt from 'jsonwebtoken';\nimport { v4 as uuidv4 } from 'uuid';\nexport const issue = (p, k) => jwt.sign(p, k, { jwtid: uuidv4(), expiresIn: Math.floor(Date.now() / 1000) + 60 });",
      filename: 'src/jwt.js',
    },
    // pseudoRandomBytes without a security purpose
    {
      code: "import crypto from 'node:crypto';\nexport const noise = crypto.pseudoRandomBytes(8);",
      filename: 'src/noise.js',
    },
    // nanoid (secure)
    { code: "import { nanoid } from 'nanoid';\nexport const inviteCode = nanoid();", filename: 'src/nanoid.js' },
    // a modulus that divides 256 has no bias
    {
      code: "import crypto from 'node:crypto';\nexport const pinDigit = crypto.randomBytes(1)[0] % 16;\nconst HEX = '0123456789abcdef';\nlet apiToken = '';\nfor (const b of crypto.randomBytes(32)) apiToken += HEX[b % HEX.length];",
      filename: 'src/pin.js',
    },
    // bcrypt cost rounds and argon2's own salt
    {
      code: "import bcrypt from 'bcrypt';\nimport argon2 from 'argon2';\nconst ROUNDS = 12;\nexport const hash = (pw) => bcrypt.hash(pw, ROUNDS);\nexport const hash2 = (pw) => argon2.hash(pw, { type: argon2.argon2id });",
      filename: 'src/bcrypt.js',
    },
    // lexer tokens are not secrets; `id` is not a purpose
    {
      code: "const tokens = [];\nfor (const ch of input) tokens.push({ type: 'char', value: ch, id: Math.random() });",
      filename: 'src/lexer.js',
    },
  ],
  invalid: [
    {
      // an MFA code from Math.random (a code the shared purpose lexicon does not name) and an invitation code from faker
      code: "import { faker } from '@faker-js/faker';\nexport function sendMfa(user: { phone: string }) {\n  const mfaCode = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');\n  return { to: user.phone, mfaCode };\n}\nexport const inviteCode = faker.string.alphanumeric(10);",
      filename: 'src/mfa.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 3,
          column: 37,
          endLine: 3,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { faker } from '@faker-js/faker';\nimport { randomInt } from 'node:crypto';\nexport function sendMfa(user: { phone: string }) {\n  const mfaCode = String(randomInt(1e6)).padStart(6, '0');\n  return { to: user.phone, mfaCode };\n}\nexport const inviteCode = faker.string.alphanumeric(10);",
            },
            {
              messageId: 'useKeys',
              output:
                "import { faker } from '@faker-js/faker';\nimport { randomInt } from 'keyhygiene/keys';\nexport function sendMfa(user: { phone: string }) {\n  const mfaCode = String(randomInt(0, 1e6)).padStart(6, '0');\n  return { to: user.phone, mfaCode };\n}\nexport const inviteCode = faker.string.alphanumeric(10);",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 6,
          column: 27,
          endLine: 6,
          endColumn: 56,
        },
      ],
    },
    {
      // a session id from the pid, the clock and a counter (a rotation time beside it is not a purpose)
      code: 'let seq = 0;\nexport function newSessionId(): string {\n  seq += 1;\n  return `${process.pid}-${Date.now()}-${seq}`;\n}\nexport const sessionKeyRotatedAt = Date.now();',
      filename: 'src/sessions.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomUUID } from 'node:crypto';\nlet seq = 0;\nexport function newSessionId(): string {\n  seq += 1;\n  return `${randomUUID()}-${Date.now()}-${seq}`;\n}\nexport const sessionKeyRotatedAt = Date.now();",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomToken } from 'keyhygiene/keys';\nlet seq = 0;\nexport function newSessionId(): string {\n  seq += 1;\n  return `${randomToken()}-${Date.now()}-${seq}`;\n}\nexport const sessionKeyRotatedAt = Date.now();",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 4,
          column: 28,
          endLine: 4,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomUUID } from 'node:crypto';\nlet seq = 0;\nexport function newSessionId(): string {\n  seq += 1;\n  return `${process.pid}-${randomUUID()}-${seq}`;\n}\nexport const sessionKeyRotatedAt = Date.now();",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomToken } from 'keyhygiene/keys';\nlet seq = 0;\nexport function newSessionId(): string {\n  seq += 1;\n  return `${process.pid}-${randomToken()}-${seq}`;\n}\nexport const sessionKeyRotatedAt = Date.now();",
            },
          ],
        },
        {
          // the counter: no suggestion (its replacement would change what else reads it)
          messageId: 'weakRandom',
          line: 4,
          column: 42,
          endLine: 4,
          endColumn: 45,
          data: {
            source: 'a counter',
            purpose: 'session ID',
            via: 'returned by newSessionId()',
            because: 'its next value follows from the last one',
            category: 'weak-randomness',
          },
          suggestions: [],
        },
      ],
    },
    {
      // the brief's example: Math.random() returned by a purpose-named function
      code: 'export function makeResetToken() {\n  return Math.random().toString(36).slice(2);\n}',
      filename: 'src/reset.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 23,
          data: {
            source: 'Math.random()',
            purpose: 'password-reset token',
            via: 'returned by makeResetToken()',
            because: 'it is predictable',
            category: 'weak-randomness',
          },
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              data: { replacement: "randomBytes(32).toString('base64url')" },
              output:
                "import { randomBytes } from 'node:crypto';\nexport function makeResetToken() {\n  return randomBytes(32).toString('base64url');\n}",
            },
            {
              messageId: 'useKeys',
              data: { replacement: 'randomToken()' },
              output:
                "import { randomToken } from 'keyhygiene/keys';\nexport function makeResetToken() {\n  return randomToken();\n}",
            },
          ],
        },
      ],
    },
    {
      // a loop-built string in a helper, reached through the helper's return value; crypto is already imported
      code: "import crypto from 'node:crypto';\nconst CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';\nfunction randomString(n) {\n  let s = '';\n  for (let i = 0; i < n; i++) s += CHARS[Math.floor(Math.random() * CHARS.length)];\n  return s;\n}\nexport const newSessionId = () => randomString(24);\nexport const hmac = (k) => crypto.createHmac('sha256', k);",
      filename: 'src/session.js',
      errors: [
        {
          messageId: 'weakRandom',
          line: 5,
          column: 53,
          endLine: 5,
          endColumn: 66,
          data: {
            source: 'Math.random()',
            purpose: 'session ID',
            via: 'returned by newSessionId()',
            because: 'it is predictable',
            category: 'weak-randomness',
          },
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              data: { replacement: 'crypto.randomInt(CHARS.length)' },
              output:
                "import crypto from 'node:crypto';\nconst CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';\nfunction randomString(n) {\n  let s = '';\n  for (let i = 0; i < n; i++) s += CHARS[crypto.randomInt(CHARS.length)];\n  return s;\n}\nexport const newSessionId = () => randomString(24);\nexport const hmac = (k) => crypto.createHmac('sha256', k);",
            },
            {
              messageId: 'useKeys',
              data: { replacement: 'randomInt(0, CHARS.length)' },
              output:
                "import crypto from 'node:crypto';\nimport { randomInt } from 'keyhygiene/keys';\nconst CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';\nfunction randomString(n) {\n  let s = '';\n  for (let i = 0; i < n; i++) s += CHARS[randomInt(0, CHARS.length)];\n  return s;\n}\nexport const newSessionId = () => randomString(24);\nexport const hmac = (k) => crypto.createHmac('sha256', k);",
            },
          ],
        },
      ],
    },
    {
      // a numeric code: randomInt keeps the range
      code: 'export const otp = Math.floor(100000 + Math.random() * 900000);',
      filename: 'src/otp.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 1,
          column: 40,
          endLine: 1,
          endColumn: 53,
          data: {
            source: 'Math.random()',
            purpose: 'one-time password',
            via: 'stored in otp',
            because: 'it is predictable',
            category: 'weak-randomness',
          },
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              data: { replacement: 'randomInt(100000, 1000000)' },
              output: "import { randomInt } from 'node:crypto';\nexport const otp = randomInt(100000, 1000000);",
            },
            {
              messageId: 'useKeys',
              data: { replacement: 'randomInt(100000, 1000000)' },
              output: "import { randomInt } from 'keyhygiene/keys';\nexport const otp = randomInt(100000, 1000000);",
            },
          ],
        },
      ],
    },
    {
      // crypto.pseudoRandomBytes: the only autofix (a rename to randomBytes)
      code: "import crypto from 'node:crypto';\nexport function sealKey(kek, dek) {\n  return crypto.createCipheriv('aes-256-gcm', kek, crypto.pseudoRandomBytes(12)).update(dek);\n}",
      filename: 'src/wrap.js',
      output:
        "import crypto from 'node:crypto';\nexport function sealKey(kek, dek) {\n  return crypto.createCipheriv('aes-256-gcm', kek, crypto.randomBytes(12)).update(dek);\n}",
      errors: [
        {
          messageId: 'weakRandom',
          line: 3,
          column: 52,
          endLine: 3,
          endColumn: 80,
          data: {
            source: 'crypto.pseudoRandomBytes()',
            purpose: 'IV',
            via: 'passed to crypto.createCipheriv',
            because: 'it is deprecated and not guaranteed to be cryptographically strong',
            category: 'weak-randomness',
          },
          suggestions: [],
        },
      ],
    },
    {
      // a named import: the autofix renames what is imported and keeps the local name
      code: "import { pseudoRandomBytes } from 'crypto';\nexport const apiKey = pseudoRandomBytes(32).toString('hex');",
      filename: 'src/keys.ts',
      output:
        "import { randomBytes as pseudoRandomBytes } from 'crypto';\nexport const apiKey = pseudoRandomBytes(32).toString('hex');",
      errors: [
        {
          messageId: 'weakRandom',
          line: 2,
          column: 23,
          endLine: 2,
          endColumn: 44,
          data: {
            source: 'crypto.pseudoRandomBytes()',
            purpose: 'API key',
            via: 'stored in apiKey',
            because: 'it is deprecated and not guaranteed to be cryptographically strong',
            category: 'weak-randomness',
          },
          suggestions: [],
        },
      ],
    },
    {
      // a destructured require in CommonJS
      code: "const { pseudoRandomBytes } = require('crypto');\nconst salt = pseudoRandomBytes(16);\nmodule.exports = { salt };",
      filename: 'lib/salt.cjs',
      output:
        "const { randomBytes: pseudoRandomBytes } = require('crypto');\nconst salt = pseudoRandomBytes(16);\nmodule.exports = { salt };",
      errors: [
        {
          messageId: 'weakRandom',
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 35,
          data: {
            source: 'crypto.pseudoRandomBytes()',
            purpose: 'salt',
            via: 'stored in salt',
            because: 'it is deprecated and not guaranteed to be cryptographically strong',
            category: 'weak-randomness',
          },
          suggestions: [],
        },
      ],
    },
    {
      // express-session genid from a time-based UUID; suggestions add a require in CommonJS
      code: "const session = require('express-session');\nconst { v1: uuidv1 } = require('uuid');\napp.use(session({ secret: process.env.SESSION_SECRET, genid: () => uuidv1() }));",
      filename: 'src/app.js',
      errors: [
        {
          messageId: 'weakRandom',
          line: 3,
          column: 68,
          endLine: 3,
          endColumn: 76,
          data: {
            source: 'uuid v1()',
            purpose: 'session ID',
            via: 'returned by express-session genid',
            because: 'a time-based UUID is guessable',
            category: 'weak-randomness',
          },
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              data: { replacement: 'randomUUID()' },
              output:
                "const session = require('express-session');\nconst { v1: uuidv1 } = require('uuid');\nconst { randomUUID } = require('node:crypto');\napp.use(session({ secret: process.env.SESSION_SECRET, genid: () => randomUUID() }));",
            },
            {
              messageId: 'useKeys',
              data: { replacement: 'randomToken()' },
              output:
                "const session = require('express-session');\nconst { v1: uuidv1 } = require('uuid');\nconst { randomToken } = require('keyhygiene/keys');\napp.use(session({ secret: process.env.SESSION_SECRET, genid: () => randomToken() }));",
            },
          ],
        },
      ],
    },
    {
      // JWT jti built from the clock; the user id part is predictable too
      code: "import jwt from 'jsonwebtoken';\nexport const issue = (userId: string, key: Buffer) => jwt.sign({ sub: userId }, key, { jwtid: `${userId}-${Date.now()}` });",
      filename: 'src/jwt.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 2,
          column: 108,
          endLine: 2,
          endColumn: 118,
          data: {
            source: 'Date.now()',
            purpose: 'JWT ID (jti)',
            via: 'passed to jsonwebtoken.sign',
            because: 'a clock reading is guessable',
            category: 'weak-randomness',
          },
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              data: { replacement: 'randomUUID()' },
              output:
                "import jwt from 'jsonwebtoken';\nimport { randomUUID } from 'node:crypto';\nexport const issue = (userId: string, key: Buffer) => jwt.sign({ sub: userId }, key, { jwtid: `${userId}-${randomUUID()}` });",
            },
            {
              messageId: 'useKeys',
              data: { replacement: 'randomToken()' },
              output:
                "import jwt from 'jsonwebtoken';\nimport { randomToken } from 'keyhygiene/keys';\nexport const issue = (userId: string, key: Buffer) => jwt.sign({ sub: userId }, key, { jwtid: `${userId}-${randomToken()}` });",
            },
          ],
        },
      ],
    },
    {
      // jose setJti
      code: "import { SignJWT } from 'jose';\nexport const token = (claims: object, key: Uint8Array) => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setJti(String(performance.now())).sign(key);",
      filename: 'src/jose.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 2,
          column: 130,
          endLine: 2,
          endColumn: 147,
          data: {
            source: 'performance.now()',
            purpose: 'JWT ID (jti)',
            via: 'passed to jose SignJWT.setJti',
            because: 'a clock reading is guessable',
            category: 'weak-randomness',
          },
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              data: { replacement: 'randomUUID()' },
              output:
                "import { SignJWT } from 'jose';\nimport { randomUUID } from 'node:crypto';\nexport const token = (claims: object, key: Uint8Array) => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setJti(randomUUID()).sign(key);",
            },
            {
              messageId: 'useKeys',
              data: { replacement: 'randomToken()' },
              output:
                "import { SignJWT } from 'jose';\nimport { randomToken } from 'keyhygiene/keys';\nexport const token = (claims: object, key: Uint8Array) => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setJti(randomToken()).sign(key);",
            },
          ],
        },
      ],
    },
    {
      // a CSRF cookie, purpose from the cookie name
      code: "export function setCsrf(res: { cookie(n: string, v: string): void }) {\n  res.cookie('XSRF-TOKEN', Math.random().toString(36).substring(2));\n}",
      filename: 'src/csrf.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 2,
          column: 28,
          endLine: 2,
          endColumn: 41,
          data: {
            source: 'Math.random()',
            purpose: 'XSRF token',
            via: "sent as a cookie named 'XSRF-TOKEN'",
            because: 'it is predictable',
            category: 'weak-randomness',
          },
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              data: { replacement: "randomBytes(32).toString('base64url')" },
              output:
                "import { randomBytes } from 'node:crypto';\nexport function setCsrf(res: { cookie(n: string, v: string): void }) {\n  res.cookie('XSRF-TOKEN', randomBytes(32).toString('base64url'));\n}",
            },
            {
              messageId: 'useKeys',
              data: { replacement: 'randomToken()' },
              output:
                "import { randomToken } from 'keyhygiene/keys';\nexport function setCsrf(res: { cookie(n: string, v: string): void }) {\n  res.cookie('XSRF-TOKEN', randomToken());\n}",
            },
          ],
        },
      ],
    },
    {
      // a seeded PRNG
      code: "import seedrandom from 'seedrandom';\nconst rng = seedrandom('fixed-seed');\nexport const apiKey = 'k_' + rng().toString(36).slice(2);",
      filename: 'src/keys.js',
      errors: [
        {
          messageId: 'weakRandom',
          line: 3,
          column: 30,
          endLine: 3,
          endColumn: 57,
          data: {
            source: 'seedrandom',
            purpose: 'API key',
            via: 'stored in apiKey',
            because: 'a seeded, non-cryptographic generator is predictable',
            category: 'weak-randomness',
          },
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              data: { replacement: "randomBytes(32).toString('base64url')" },
              output:
                "import seedrandom from 'seedrandom';\nimport { randomBytes } from 'node:crypto';\nconst rng = seedrandom('fixed-seed');\nexport const apiKey = 'k_' + randomBytes(32).toString('base64url');",
            },
            {
              messageId: 'useKeys',
              data: { replacement: 'randomToken()' },
              output:
                "import seedrandom from 'seedrandom';\nimport { randomToken } from 'keyhygiene/keys';\nconst rng = seedrandom('fixed-seed');\nexport const apiKey = 'k_' + randomToken();",
            },
          ],
        },
      ],
    },
    {
      // Chance.js
      code: "import Chance from 'chance';\nconst chance = new Chance();\nexport const inviteCode = chance.string({ length: 8, alphabet: 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789' });",
      filename: 'src/invite.js',
      errors: [
        {
          messageId: 'weakRandom',
          line: 3,
          column: 27,
          endLine: 3,
          endColumn: 101,
          data: {
            source: 'Chance.js',
            purpose: 'invite code',
            via: 'stored in inviteCode',
            because: 'a seeded, non-cryptographic generator is predictable',
            category: 'weak-randomness',
          },
          suggestions: [],
        },
      ],
    },
    {
      // lodash sample through Array.from and join
      code: "import _ from 'lodash';\nconst CHARS = 'abcdefghijkmnopqrstuvwxyz23456789';\nexport const temporaryPassword = Array.from({ length: 12 }, () => _.sample(CHARS)).join('');",
      filename: 'src/password.js',
      errors: [
        {
          messageId: 'weakRandom',
          line: 3,
          column: 67,
          endLine: 3,
          endColumn: 82,
          data: {
            source: 'lodash shuffle()/sample()',
            purpose: 'temporary password',
            via: 'stored in temporaryPassword',
            because: 'it is predictable',
            category: 'weak-randomness',
          },
          suggestions: [],
        },
      ],
    },
    {
      // modulo bias: one random byte modulo 10
      code: "import crypto from 'node:crypto';\nexport const pin = crypto.randomBytes(1)[0] % 10;",
      filename: 'src/pin.js',
      errors: [
        {
          messageId: 'moduloBias',
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 49,
          data: {
            expr: 'crypto.randomBytes(1)[0] % 10',
            bits: 8,
            modulus: '10',
            purpose: 'PIN',
            via: 'stored in pin',
            category: 'weak-randomness',
          },
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              data: { replacement: 'crypto.randomInt(10)' },
              output: "import crypto from 'node:crypto';\nexport const pin = crypto.randomInt(10);",
            },
            {
              messageId: 'useKeys',
              data: { replacement: 'randomInt(0, 10)' },
              output:
                "import crypto from 'node:crypto';\nimport { randomInt } from 'keyhygiene/keys';\nexport const pin = randomInt(0, 10);",
            },
          ],
        },
      ],
    },
    {
      // modulo bias in a loop over getRandomValues output, alphabet of 36
      code: "const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';\nexport function newInvite(): string {\n  let inviteCode = '';\n  for (const b of crypto.getRandomValues(new Uint8Array(10))) inviteCode += ALPHABET[b % ALPHABET.length];\n  return inviteCode;\n}",
      filename: 'src/invite2.ts',
      errors: [
        {
          messageId: 'moduloBias',
          line: 4,
          column: 86,
          endLine: 4,
          endColumn: 105,
          data: {
            expr: 'b % ALPHABET.length',
            bits: 8,
            modulus: 'ALPHABET.length',
            purpose: 'invite',
            via: 'returned by newInvite()',
            category: 'weak-randomness',
          },
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              data: { replacement: 'randomInt(ALPHABET.length)' },
              output:
                "import { randomInt } from 'node:crypto';\nconst ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';\nexport function newInvite(): string {\n  let inviteCode = '';\n  for (const b of crypto.getRandomValues(new Uint8Array(10))) inviteCode += ALPHABET[randomInt(ALPHABET.length)];\n  return inviteCode;\n}",
            },
            {
              messageId: 'useKeys',
              data: { replacement: 'randomInt(0, ALPHABET.length)' },
              output:
                "import { randomInt } from 'keyhygiene/keys';\nconst ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';\nexport function newInvite(): string {\n  let inviteCode = '';\n  for (const b of crypto.getRandomValues(new Uint8Array(10))) inviteCode += ALPHABET[randomInt(0, ALPHABET.length)];\n  return inviteCode;\n}",
            },
          ],
        },
      ],
    },
    {
      // process and time values in a template: two sources, two reports
      code: 'export const nonce = `${process.pid}-${Date.now()}`;',
      filename: 'src/nonce.js',
      errors: [
        {
          messageId: 'weakRandom',
          line: 1,
          column: 25,
          endLine: 1,
          endColumn: 36,
          data: {
            source: 'process.pid',
            purpose: 'nonce',
            via: 'stored in nonce',
            because: 'a process id is guessable',
            category: 'weak-randomness',
          },
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              data: { replacement: "randomBytes(32).toString('base64url')" },
              output:
                "import { randomBytes } from 'node:crypto';\nexport const nonce = `${randomBytes(32).toString('base64url')}-${Date.now()}`;",
            },
            {
              messageId: 'useKeys',
              data: { replacement: 'randomToken()' },
              output:
                "import { randomToken } from 'keyhygiene/keys';\nexport const nonce = `${randomToken()}-${Date.now()}`;",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 1,
          column: 40,
          endLine: 1,
          endColumn: 50,
          data: {
            source: 'Date.now()',
            purpose: 'nonce',
            via: 'stored in nonce',
            because: 'a clock reading is guessable',
            category: 'weak-randomness',
          },
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              data: { replacement: "randomBytes(32).toString('base64url')" },
              output:
                "import { randomBytes } from 'node:crypto';\nexport const nonce = `${process.pid}-${randomBytes(32).toString('base64url')}`;",
            },
            {
              messageId: 'useKeys',
              data: { replacement: 'randomToken()' },
              output:
                "import { randomToken } from 'keyhygiene/keys';\nexport const nonce = `${process.pid}-${randomToken()}`;",
            },
          ],
        },
      ],
    },
    {
      // push and join, with a predictable user id part
      code: "export function rotate(user) {\n  const parts = [];\n  parts.push(user.id);\n  parts.push(Math.random().toString(16).slice(2));\n  user.apiToken = parts.join('-');\n}",
      filename: 'src/api.js',
      errors: [
        {
          messageId: 'weakRandom',
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 27,
          data: {
            source: 'Math.random()',
            purpose: 'API token',
            via: 'stored in user.apiToken',
            because: 'it is predictable',
            category: 'weak-randomness',
          },
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              data: { replacement: "randomBytes(32).toString('base64url')" },
              output:
                "import { randomBytes } from 'node:crypto';\nexport function rotate(user) {\n  const parts = [];\n  parts.push(user.id);\n  parts.push(randomBytes(32).toString('base64url'));\n  user.apiToken = parts.join('-');\n}",
            },
            {
              messageId: 'useKeys',
              data: { replacement: 'randomToken()' },
              output:
                "import { randomToken } from 'keyhygiene/keys';\nexport function rotate(user) {\n  const parts = [];\n  parts.push(user.id);\n  parts.push(randomToken());\n  user.apiToken = parts.join('-');\n}",
            },
          ],
        },
      ],
    },
    {
      // a weak HMAC key
      code: "import crypto from 'node:crypto';\nexport const signer = crypto.createHmac('sha256', Math.random().toString(36));",
      filename: 'src/hmac.js',
      errors: [
        {
          messageId: 'weakRandom',
          line: 2,
          column: 51,
          endLine: 2,
          endColumn: 64,
          data: {
            source: 'Math.random()',
            purpose: 'key',
            via: 'passed to crypto.createHmac',
            because: 'it is predictable',
            category: 'weak-randomness',
          },
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              data: { replacement: "crypto.randomBytes(32).toString('base64url')" },
              output:
                "import crypto from 'node:crypto';\nexport const signer = crypto.createHmac('sha256', crypto.randomBytes(32).toString('base64url'));",
            },
            {
              messageId: 'useKeys',
              data: { replacement: 'randomToken()' },
              output:
                "import crypto from 'node:crypto';\nimport { randomToken } from 'keyhygiene/keys';\nexport const signer = crypto.createHmac('sha256', randomToken());",
            },
          ],
        },
      ],
    },
    {
      // a comparator that shuffles with Math.random()
      code: "const CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';\nexport const password = CHARS.split('').sort(() => Math.random() - 0.5).join('').slice(0, 12);",
      filename: 'src/shuffle.js',
      errors: [
        {
          messageId: 'weakRandom',
          line: 2,
          column: 52,
          endLine: 2,
          endColumn: 65,
          data: {
            source: 'Math.random()',
            purpose: 'password',
            via: 'stored in password',
            because: 'it is predictable',
            category: 'weak-randomness',
          },
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              data: { replacement: 'randomInt(2 ** 48) / 2 ** 48' },
              output:
                "import { randomInt } from 'node:crypto';\nconst CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';\nexport const password = CHARS.split('').sort(() => randomInt(2 ** 48) / 2 ** 48 - 0.5).join('').slice(0, 12);",
            },
            {
              messageId: 'useKeys',
              data: { replacement: 'randomInt(0, 2 ** 48) / 2 ** 48' },
              output:
                "import { randomInt } from 'keyhygiene/keys';\nconst CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';\nexport const password = CHARS.split('').sort(() => randomInt(0, 2 ** 48) / 2 ** 48 - 0.5).join('').slice(0, 12);",
            },
          ],
        },
      ],
    },
    {
      // a bare Math.random() float
      code: 'export const salt = Math.random();',
      filename: 'src/salt.js',
      errors: [
        {
          messageId: 'weakRandom',
          line: 1,
          column: 21,
          endLine: 1,
          endColumn: 34,
          data: {
            source: 'Math.random()',
            purpose: 'salt',
            via: 'stored in salt',
            because: 'it is predictable',
            category: 'weak-randomness',
          },
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              data: { replacement: 'randomInt(2 ** 48) / 2 ** 48' },
              output: "import { randomInt } from 'node:crypto';\nexport const salt = randomInt(2 ** 48) / 2 ** 48;",
            },
            {
              messageId: 'useKeys',
              data: { replacement: 'randomInt(0, 2 ** 48) / 2 ** 48' },
              output:
                "import { randomInt } from 'keyhygiene/keys';\nexport const salt = randomInt(0, 2 ** 48) / 2 ** 48;",
            },
          ],
        },
      ],
    },
    {
      // random-js without a crypto engine
      code: "import { Random } from 'random-js';\nconst random = new Random();\nexport const recoveryCode = random.string(16);",
      filename: 'src/rjs.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 46,
          data: {
            source: 'random-js without a crypto engine',
            purpose: 'recovery code',
            via: 'stored in recoveryCode',
            because: 'a seeded, non-cryptographic generator is predictable',
            category: 'weak-randomness',
          },
          suggestions: [],
        },
      ],
    },
  ],
});

// With type information (the `strict` preset), a weak value returned by a function imported from another
// file is followed there (randomness/ids.ts); without it, the call stays opaque.
const crossFile =
  "import { makeId, shortId, strongId } from './ids.js';\nexport const sessionId = makeId();\nexport const resetToken = `${shortId()}`;\nexport const apiKey = strongId();";
const barrel = "import { newId } from './index.js';\nexport const inviteCode = newId();";

typedRuleTester.run('no-weak-randomness (type information)', rule, {
  valid: [
    // the helper is strong
    {
      code: "import { strongId } from './ids.js';\nexport const sessionId = strongId();",
      filename: 'randomness/consumer.ts',
    },
    // the weak helper without a security purpose
    {
      code: "import { makeId } from './ids.js';\nexport const requestId = makeId();",
      filename: 'randomness/consumer.ts',
    },
  ],
  invalid: [
    {
      code: crossFile,
      filename: 'randomness/consumer.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 34,
          data: {
            source: 'Math.random() in makeId() (randomness/ids.ts)',
            purpose: 'session ID',
            via: 'stored in sessionId',
            because: 'it is predictable',
          },
          suggestions: [],
        },
        {
          messageId: 'weakRandom',
          line: 3,
          column: 30,
          endLine: 3,
          endColumn: 39,
          data: {
            source: 'Date.now() in shortId() (randomness/ids.ts)',
            purpose: 'password-reset token',
            via: 'stored in resetToken',
            because: 'a clock reading is guessable',
          },
          suggestions: [],
        },
      ],
    },
    {
      // through a re-exporting barrel and a renamed export
      code: barrel,
      filename: 'randomness/consumer.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 2,
          column: 27,
          endLine: 2,
          endColumn: 34,
          data: {
            source: 'Math.random() in makeId() (randomness/ids.ts)',
            purpose: 'invite code',
            via: 'stored in inviteCode',
            because: 'it is predictable',
          },
          suggestions: [],
        },
      ],
    },
  ],
});

// Without type information the same code is silent: the rule degrades instead of failing.
ruleTester.run('no-weak-randomness (no type information)', rule, {
  valid: [
    { code: crossFile, filename: 'src/consumer.ts' },
    { code: barrel, filename: 'src/consumer.js' },
  ],
  invalid: [],
});

// A buffer the clock is written into (src/catalogue/transforms.ts bufferWrites); a counter nonce with a random prefix is fine.
ruleTester.run('no-weak-randomness (buffer writes)', rule, {
  valid: [
    {
      code: "import { createCipheriv, randomFillSync } from 'node:crypto';\nlet counter = 0n;\nexport function seal(key: Buffer, data: Buffer) {\n  const nonce = Buffer.alloc(12);\n  randomFillSync(nonce, 0, 4);\n  nonce.writeBigUInt64BE(counter++, 4);\n  return createCipheriv('aes-256-gcm', key, nonce).update(data);\n}",
      filename: 'src/seal.ts',
    },
    // a clock written into a nonce is a derived nonce: no-static-iv reports it (test/rules/no-static-iv.test.ts)
    {
      code: "import { createCipheriv } from 'node:crypto';\nexport function seal(key: Buffer, data: Buffer) {\n  const nonce = Buffer.alloc(12);\n  nonce.writeUIntBE(Date.now(), 0, 6);\n  return createCipheriv('aes-256-gcm', key, nonce).update(data);\n}",
      filename: 'src/seal.ts',
    },
  ],
  invalid: [
    {
      // a clock and Math.random in one nonce: Math.random is this rule's, the clock no-static-iv's
      code: "import { createCipheriv } from 'node:crypto';\nexport function seal(key: Buffer, data: Buffer) {\n  const nonce = Buffer.alloc(12);\n  nonce.writeUIntBE(Date.now(), 0, 6);\n  nonce.writeUInt32BE(Math.floor(Math.random() * 2 ** 32), 6);\n  return createCipheriv('aes-256-gcm', key, nonce).update(data);\n}",
      filename: 'src/seal.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 5,
          column: 34,
          endLine: 5,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              data: { replacement: 'randomInt(2 ** 32)' },
              output:
                "import { createCipheriv, randomInt } from 'node:crypto';\nexport function seal(key: Buffer, data: Buffer) {\n  const nonce = Buffer.alloc(12);\n  nonce.writeUIntBE(Date.now(), 0, 6);\n  nonce.writeUInt32BE(randomInt(2 ** 32), 6);\n  return createCipheriv('aes-256-gcm', key, nonce).update(data);\n}",
            },
            {
              messageId: 'useKeys',
              data: { replacement: 'randomInt(0, 2 ** 32)' },
              output:
                "import { createCipheriv } from 'node:crypto';\nimport { randomInt } from 'keyhygiene/keys';\nexport function seal(key: Buffer, data: Buffer) {\n  const nonce = Buffer.alloc(12);\n  nonce.writeUIntBE(Date.now(), 0, 6);\n  nonce.writeUInt32BE(randomInt(0, 2 ** 32), 6);\n  return createCipheriv('aes-256-gcm', key, nonce).update(data);\n}",
            },
          ],
        },
      ],
    },
  ],
});
