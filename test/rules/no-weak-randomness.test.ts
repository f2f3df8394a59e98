import rule from '../../rules/no-weak-randomness.js';
import { diskRuleTester, ruleTester, typedRuleTester } from '../helpers/rule-tester.js';

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

// Cases written for issue 11 (session 19) from how public code makes tokens, codes, keys and seeds, and their near
// misses; each is a whole file. Without type information, helpers imported from this project's modules (relative
// paths, a CommonJS module, a workspace package through a barrel, a tsconfig `paths` alias) are followed on disk in
// fixtures/rule-tester/randomness-disk.
diskRuleTester.run('no-weak-randomness (shapes from real code)', rule, {
  valid: [
    {
      // near misses: backoff, spinner delay, a toast key, a display shuffle, demo orders, an A/B bucket
      code: "export function backoff(attempt) {\n  return Math.min(30000, 2 ** attempt * 100) + Math.random() * 100;\n}\n\nexport function spinnerDelay() {\n  return 200 + Math.random() * 300;\n}\n\nexport const toastKey = () => `toast-${Date.now()}-${Math.random()}`;\n\nexport function shuffleForDisplay(cards) {\n  return [...cards].sort(() => Math.random() - 0.5);\n}\n\nexport function fakeOrders() {\n  return Array.from({ length: 5 }, (_, i) => ({ id: i, amount: Math.round(Math.random() * 1000) }));\n}\n\nexport function abBucket(userId) {\n  return Math.random() < 0.5 ? 'A' : 'B';\n}",
      filename: 'lib/ui.js',
    },
  ],
  invalid: [
    {
      // helpers imported by relative path: a Math.random string for an invite token and digits for a login code; CSPRNG helpers and jitter beside them
      code: "import { randomString, randomDigits, jitter } from './util/random';\nimport { secureString, secureDigits } from './util/secure-random';\n\ninterface Db {\n  insert(table: string, row: Record<string, unknown>): Promise<void>;\n}\n\nexport async function createInvite(db: Db, email: string) {\n  const inviteToken = randomString(24);\n  await db.insert('invites', { email, token: inviteToken });\n  return `https://app.example.com/join?invite=${inviteToken}`;\n}\n\nexport async function sendLoginCode(db: Db, phone: string) {\n  const loginCode = randomDigits(6);\n  await db.insert('codes', { phone, loginCode });\n}\n\nexport async function createApiKey(db: Db, owner: string) {\n  const apiKey = secureString(40);\n  const verifyCode = secureDigits(6);\n  await db.insert('keys', { owner, apiKey, verifyCode });\n}\n\nexport async function retryLater(fn: () => Promise<void>) {\n  await new Promise((r) => setTimeout(r, jitter(500)));\n  return fn();\n}",
      filename: 'invites.ts',
      errors: [
        { messageId: 'weakRandom', line: 9, column: 23, endLine: 9, endColumn: 39 },
        { messageId: 'weakRandom', line: 15, column: 21, endLine: 15, endColumn: 36 },
      ],
    },
    {
      // Express: a session id from the clock, the pid and a counter; a CSRF token from Math.random in a header; a request id is not a purpose
      code: "const express = require('express');\n\nlet counter = 0;\n\nfunction newSessionId() {\n  counter += 1;\n  return `${Date.now().toString(36)}-${process.pid}-${counter}`;\n}\n\nconst app = express();\n\napp.post('/login', (req, res) => {\n  const sid = newSessionId();\n  res.cookie('sid', sid, { httpOnly: true });\n  res.json({ ok: true, requestId: Math.random().toString(36).slice(2) });\n});\n\napp.get('/csrf', (req, res) => {\n  const csrf = Math.random().toString(36).substring(2, 12);\n  res.setHeader('X-CSRF-Token', csrf);\n  res.end();\n});\n\nmodule.exports = app;",
      filename: 'src/session.js',
      errors: [
        {
          messageId: 'weakRandom',
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "const express = require('express');\nconst { randomUUID } = require('node:crypto');\n\nlet counter = 0;\n\nfunction newSessionId() {\n  counter += 1;\n  return `${randomUUID()}-${process.pid}-${counter}`;\n}\n\nconst app = express();\n\napp.post('/login', (req, res) => {\n  const sid = newSessionId();\n  res.cookie('sid', sid, { httpOnly: true });\n  res.json({ ok: true, requestId: Math.random().toString(36).slice(2) });\n});\n\napp.get('/csrf', (req, res) => {\n  const csrf = Math.random().toString(36).substring(2, 12);\n  res.setHeader('X-CSRF-Token', csrf);\n  res.end();\n});\n\nmodule.exports = app;",
            },
            {
              messageId: 'useKeys',
              output:
                "const express = require('express');\nconst { randomToken } = require('keyhygiene/keys');\n\nlet counter = 0;\n\nfunction newSessionId() {\n  counter += 1;\n  return `${randomToken()}-${process.pid}-${counter}`;\n}\n\nconst app = express();\n\napp.post('/login', (req, res) => {\n  const sid = newSessionId();\n  res.cookie('sid', sid, { httpOnly: true });\n  res.json({ ok: true, requestId: Math.random().toString(36).slice(2) });\n});\n\napp.get('/csrf', (req, res) => {\n  const csrf = Math.random().toString(36).substring(2, 12);\n  res.setHeader('X-CSRF-Token', csrf);\n  res.end();\n});\n\nmodule.exports = app;",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 7,
          column: 40,
          endLine: 7,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "const express = require('express');\nconst { randomUUID } = require('node:crypto');\n\nlet counter = 0;\n\nfunction newSessionId() {\n  counter += 1;\n  return `${Date.now().toString(36)}-${randomUUID()}-${counter}`;\n}\n\nconst app = express();\n\napp.post('/login', (req, res) => {\n  const sid = newSessionId();\n  res.cookie('sid', sid, { httpOnly: true });\n  res.json({ ok: true, requestId: Math.random().toString(36).slice(2) });\n});\n\napp.get('/csrf', (req, res) => {\n  const csrf = Math.random().toString(36).substring(2, 12);\n  res.setHeader('X-CSRF-Token', csrf);\n  res.end();\n});\n\nmodule.exports = app;",
            },
            {
              messageId: 'useKeys',
              output:
                "const express = require('express');\nconst { randomToken } = require('keyhygiene/keys');\n\nlet counter = 0;\n\nfunction newSessionId() {\n  counter += 1;\n  return `${Date.now().toString(36)}-${randomToken()}-${counter}`;\n}\n\nconst app = express();\n\napp.post('/login', (req, res) => {\n  const sid = newSessionId();\n  res.cookie('sid', sid, { httpOnly: true });\n  res.json({ ok: true, requestId: Math.random().toString(36).slice(2) });\n});\n\napp.get('/csrf', (req, res) => {\n  const csrf = Math.random().toString(36).substring(2, 12);\n  res.setHeader('X-CSRF-Token', csrf);\n  res.end();\n});\n\nmodule.exports = app;",
            },
          ],
        },
        { messageId: 'weakRandom', line: 7, column: 55, endLine: 7, endColumn: 62 },
        {
          messageId: 'weakRandom',
          line: 19,
          column: 16,
          endLine: 19,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "const express = require('express');\nconst { randomBytes } = require('node:crypto');\n\nlet counter = 0;\n\nfunction newSessionId() {\n  counter += 1;\n  return `${Date.now().toString(36)}-${process.pid}-${counter}`;\n}\n\nconst app = express();\n\napp.post('/login', (req, res) => {\n  const sid = newSessionId();\n  res.cookie('sid', sid, { httpOnly: true });\n  res.json({ ok: true, requestId: Math.random().toString(36).slice(2) });\n});\n\napp.get('/csrf', (req, res) => {\n  const csrf = randomBytes(32).toString('base64url');\n  res.setHeader('X-CSRF-Token', csrf);\n  res.end();\n});\n\nmodule.exports = app;",
            },
            {
              messageId: 'useKeys',
              output:
                "const express = require('express');\nconst { randomToken } = require('keyhygiene/keys');\n\nlet counter = 0;\n\nfunction newSessionId() {\n  counter += 1;\n  return `${Date.now().toString(36)}-${process.pid}-${counter}`;\n}\n\nconst app = express();\n\napp.post('/login', (req, res) => {\n  const sid = newSessionId();\n  res.cookie('sid', sid, { httpOnly: true });\n  res.json({ ok: true, requestId: Math.random().toString(36).slice(2) });\n});\n\napp.get('/csrf', (req, res) => {\n  const csrf = randomToken();\n  res.setHeader('X-CSRF-Token', csrf);\n  res.end();\n});\n\nmodule.exports = app;",
            },
          ],
        },
      ],
    },
    {
      // OTPs: Math.random digits and byte % 10 are weak; randomInt and a 32-bit word reduced mod 10^6 (as RFC 4226 does) are not
      code: "import { randomInt, randomBytes } from 'node:crypto';\n\nexport class OtpService {\n  private readonly digits = 6;\n\n  issueSmsCode(): string {\n    return Math.floor(100000 + Math.random() * 900000).toString();\n  }\n\n  issueEmailOtp(): string {\n    return randomInt(0, 10 ** this.digits).toString().padStart(this.digits, '0');\n  }\n\n  issueBiasedOtp(): string {\n    const n = randomBytes(4).readUInt32BE(0);\n    return String(n % 1000000).padStart(6, '0');\n  }\n\n  issueByteOtp(): string {\n    const bytes = randomBytes(6);\n    return Array.from(bytes, (b) => String(b % 10)).join('');\n  }\n\n  expiresAt(): number {\n    return Date.now() + 5 * 60 * 1000;\n  }\n}",
      filename: 'src/auth/otp.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 7,
          column: 32,
          endLine: 7,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomInt, randomBytes } from 'node:crypto';\n\nexport class OtpService {\n  private readonly digits = 6;\n\n  issueSmsCode(): string {\n    return randomInt(100000, 1000000).toString();\n  }\n\n  issueEmailOtp(): string {\n    return randomInt(0, 10 ** this.digits).toString().padStart(this.digits, '0');\n  }\n\n  issueBiasedOtp(): string {\n    const n = randomBytes(4).readUInt32BE(0);\n    return String(n % 1000000).padStart(6, '0');\n  }\n\n  issueByteOtp(): string {\n    const bytes = randomBytes(6);\n    return Array.from(bytes, (b) => String(b % 10)).join('');\n  }\n\n  expiresAt(): number {\n    return Date.now() + 5 * 60 * 1000;\n  }\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomInt, randomBytes } from 'node:crypto';\nimport { randomInt } from 'keyhygiene/keys';\n\nexport class OtpService {\n  private readonly digits = 6;\n\n  issueSmsCode(): string {\n    return randomInt(100000, 1000000).toString();\n  }\n\n  issueEmailOtp(): string {\n    return randomInt(0, 10 ** this.digits).toString().padStart(this.digits, '0');\n  }\n\n  issueBiasedOtp(): string {\n    const n = randomBytes(4).readUInt32BE(0);\n    return String(n % 1000000).padStart(6, '0');\n  }\n\n  issueByteOtp(): string {\n    const bytes = randomBytes(6);\n    return Array.from(bytes, (b) => String(b % 10)).join('');\n  }\n\n  expiresAt(): number {\n    return Date.now() + 5 * 60 * 1000;\n  }\n}",
            },
          ],
        },
        {
          messageId: 'moduloBias',
          line: 21,
          column: 44,
          endLine: 21,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomInt, randomBytes } from 'node:crypto';\n\nexport class OtpService {\n  private readonly digits = 6;\n\n  issueSmsCode(): string {\n    return Math.floor(100000 + Math.random() * 900000).toString();\n  }\n\n  issueEmailOtp(): string {\n    return randomInt(0, 10 ** this.digits).toString().padStart(this.digits, '0');\n  }\n\n  issueBiasedOtp(): string {\n    const n = randomBytes(4).readUInt32BE(0);\n    return String(n % 1000000).padStart(6, '0');\n  }\n\n  issueByteOtp(): string {\n    const bytes = randomBytes(6);\n    return Array.from(bytes, (b) => String(randomInt(10))).join('');\n  }\n\n  expiresAt(): number {\n    return Date.now() + 5 * 60 * 1000;\n  }\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomInt, randomBytes } from 'node:crypto';\nimport { randomInt } from 'keyhygiene/keys';\n\nexport class OtpService {\n  private readonly digits = 6;\n\n  issueSmsCode(): string {\n    return Math.floor(100000 + Math.random() * 900000).toString();\n  }\n\n  issueEmailOtp(): string {\n    return randomInt(0, 10 ** this.digits).toString().padStart(this.digits, '0');\n  }\n\n  issueBiasedOtp(): string {\n    const n = randomBytes(4).readUInt32BE(0);\n    return String(n % 1000000).padStart(6, '0');\n  }\n\n  issueByteOtp(): string {\n    const bytes = randomBytes(6);\n    return Array.from(bytes, (b) => String(randomInt(0, 10))).join('');\n  }\n\n  expiresAt(): number {\n    return Date.now() + 5 * 60 * 1000;\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      // a uuid v1 reset token and a clock jti; a v4 jwtid, an expiry and a v1 trace id are fine
      code: "import jwt from 'jsonwebtoken';\nimport { v1 as uuidv1, v4 as uuidv4 } from 'uuid';\n\ninterface User {\n  id: string;\n  email: string;\n  resetToken?: string;\n  resetTokenExpires?: number;\n}\n\nexport function startPasswordReset(user: User, mail: (to: string, body: string) => void) {\n  user.resetToken = uuidv1();\n  user.resetTokenExpires = Date.now() + 3600_000;\n  mail(user.email, `Reset: https://example.com/reset?token=${user.resetToken}`);\n}\n\nexport function issueAccessToken(user: User, secret: string) {\n  return jwt.sign({ sub: user.id, jti: `${user.id}.${Date.now()}` }, secret, { expiresIn: '15m' });\n}\n\nexport function issueRefreshToken(user: User, secret: string) {\n  return jwt.sign({ sub: user.id }, secret, { jwtid: uuidv4(), expiresIn: '30d' });\n}\n\nexport function traceId(): string {\n  return uuidv1();\n}",
      filename: 'src/auth/reset.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 12,
          column: 21,
          endLine: 12,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import jwt from 'jsonwebtoken';\nimport { v1 as uuidv1, v4 as uuidv4 } from 'uuid';\nimport { randomBytes } from 'node:crypto';\n\ninterface User {\n  id: string;\n  email: string;\n  resetToken?: string;\n  resetTokenExpires?: number;\n}\n\nexport function startPasswordReset(user: User, mail: (to: string, body: string) => void) {\n  user.resetToken = randomBytes(32).toString('base64url');\n  user.resetTokenExpires = Date.now() + 3600_000;\n  mail(user.email, `Reset: https://example.com/reset?token=${user.resetToken}`);\n}\n\nexport function issueAccessToken(user: User, secret: string) {\n  return jwt.sign({ sub: user.id, jti: `${user.id}.${Date.now()}` }, secret, { expiresIn: '15m' });\n}\n\nexport function issueRefreshToken(user: User, secret: string) {\n  return jwt.sign({ sub: user.id }, secret, { jwtid: uuidv4(), expiresIn: '30d' });\n}\n\nexport function traceId(): string {\n  return uuidv1();\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import jwt from 'jsonwebtoken';\nimport { v1 as uuidv1, v4 as uuidv4 } from 'uuid';\nimport { randomToken } from 'keyhygiene/keys';\n\ninterface User {\n  id: string;\n  email: string;\n  resetToken?: string;\n  resetTokenExpires?: number;\n}\n\nexport function startPasswordReset(user: User, mail: (to: string, body: string) => void) {\n  user.resetToken = randomToken();\n  user.resetTokenExpires = Date.now() + 3600_000;\n  mail(user.email, `Reset: https://example.com/reset?token=${user.resetToken}`);\n}\n\nexport function issueAccessToken(user: User, secret: string) {\n  return jwt.sign({ sub: user.id, jti: `${user.id}.${Date.now()}` }, secret, { expiresIn: '15m' });\n}\n\nexport function issueRefreshToken(user: User, secret: string) {\n  return jwt.sign({ sub: user.id }, secret, { jwtid: uuidv4(), expiresIn: '30d' });\n}\n\nexport function traceId(): string {\n  return uuidv1();\n}",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 18,
          column: 54,
          endLine: 18,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import jwt from 'jsonwebtoken';\nimport { v1 as uuidv1, v4 as uuidv4 } from 'uuid';\nimport { randomUUID } from 'node:crypto';\n\ninterface User {\n  id: string;\n  email: string;\n  resetToken?: string;\n  resetTokenExpires?: number;\n}\n\nexport function startPasswordReset(user: User, mail: (to: string, body: string) => void) {\n  user.resetToken = uuidv1();\n  user.resetTokenExpires = Date.now() + 3600_000;\n  mail(user.email, `Reset: https://example.com/reset?token=${user.resetToken}`);\n}\n\nexport function issueAccessToken(user: User, secret: string) {\n  return jwt.sign({ sub: user.id, jti: `${user.id}.${randomUUID()}` }, secret, { expiresIn: '15m' });\n}\n\nexport function issueRefreshToken(user: User, secret: string) {\n  return jwt.sign({ sub: user.id }, secret, { jwtid: uuidv4(), expiresIn: '30d' });\n}\n\nexport function traceId(): string {\n  return uuidv1();\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import jwt from 'jsonwebtoken';\nimport { v1 as uuidv1, v4 as uuidv4 } from 'uuid';\nimport { randomToken } from 'keyhygiene/keys';\n\ninterface User {\n  id: string;\n  email: string;\n  resetToken?: string;\n  resetTokenExpires?: number;\n}\n\nexport function startPasswordReset(user: User, mail: (to: string, body: string) => void) {\n  user.resetToken = uuidv1();\n  user.resetTokenExpires = Date.now() + 3600_000;\n  mail(user.email, `Reset: https://example.com/reset?token=${user.resetToken}`);\n}\n\nexport function issueAccessToken(user: User, secret: string) {\n  return jwt.sign({ sub: user.id, jti: `${user.id}.${randomToken()}` }, secret, { expiresIn: '15m' });\n}\n\nexport function issueRefreshToken(user: User, secret: string) {\n  return jwt.sign({ sub: user.id }, secret, { jwtid: uuidv4(), expiresIn: '30d' });\n}\n\nexport function traceId(): string {\n  return uuidv1();\n}",
            },
          ],
        },
      ],
    },
    {
      // keys from seedrandom and Math.random bytes (Uint8Array.from mapper), nanoid/non-secure API keys; CSPRNG keys and a request id are fine
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\nimport seedrandom from 'seedrandom';\nimport { nanoid as weakId } from 'nanoid/non-secure';\nimport { nanoid } from 'nanoid';\n\nconst rng = seedrandom(String(Date.now()));\n\nexport function generateEncryptionKey(): Buffer {\n  const key = Buffer.alloc(32);\n  for (let i = 0; i < key.length; i++) key[i] = Math.floor(rng() * 256);\n  return key;\n}\n\nexport function fallbackSessionKey(): Uint8Array {\n  return Uint8Array.from({ length: 32 }, () => Math.floor(Math.random() * 256));\n}\n\nexport function encrypt(data: Buffer): Buffer {\n  const key = randomBytes(32);\n  const iv = randomBytes(12);\n  return createCipheriv('aes-256-gcm', key, iv).update(data);\n}\n\nexport const makeApiKey = (): string => `sk_${weakId(32)}`;\nexport const makeRequestId = (): string => weakId(10);\nexport const makeShareSecret = (): string => nanoid(32);",
      filename: 'src/auth/keys.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 10,
          column: 60,
          endLine: 10,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { createCipheriv, randomBytes, randomInt } from 'node:crypto';\nimport seedrandom from 'seedrandom';\nimport { nanoid as weakId } from 'nanoid/non-secure';\nimport { nanoid } from 'nanoid';\n\nconst rng = seedrandom(String(Date.now()));\n\nexport function generateEncryptionKey(): Buffer {\n  const key = Buffer.alloc(32);\n  for (let i = 0; i < key.length; i++) key[i] = randomInt(256);\n  return key;\n}\n\nexport function fallbackSessionKey(): Uint8Array {\n  return Uint8Array.from({ length: 32 }, () => Math.floor(Math.random() * 256));\n}\n\nexport function encrypt(data: Buffer): Buffer {\n  const key = randomBytes(32);\n  const iv = randomBytes(12);\n  return createCipheriv('aes-256-gcm', key, iv).update(data);\n}\n\nexport const makeApiKey = (): string => `sk_${weakId(32)}`;\nexport const makeRequestId = (): string => weakId(10);\nexport const makeShareSecret = (): string => nanoid(32);",
            },
            {
              messageId: 'useKeys',
              output:
                "import { createCipheriv, randomBytes } from 'node:crypto';\nimport seedrandom from 'seedrandom';\nimport { nanoid as weakId } from 'nanoid/non-secure';\nimport { nanoid } from 'nanoid';\nimport { randomInt } from 'keyhygiene/keys';\n\nconst rng = seedrandom(String(Date.now()));\n\nexport function generateEncryptionKey(): Buffer {\n  const key = Buffer.alloc(32);\n  for (let i = 0; i < key.length; i++) key[i] = randomInt(0, 256);\n  return key;\n}\n\nexport function fallbackSessionKey(): Uint8Array {\n  return Uint8Array.from({ length: 32 }, () => Math.floor(Math.random() * 256));\n}\n\nexport function encrypt(data: Buffer): Buffer {\n  const key = randomBytes(32);\n  const iv = randomBytes(12);\n  return createCipheriv('aes-256-gcm', key, iv).update(data);\n}\n\nexport const makeApiKey = (): string => `sk_${weakId(32)}`;\nexport const makeRequestId = (): string => weakId(10);\nexport const makeShareSecret = (): string => nanoid(32);",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 15,
          column: 59,
          endLine: 15,
          endColumn: 72,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { createCipheriv, randomBytes, randomInt } from 'node:crypto';\nimport seedrandom from 'seedrandom';\nimport { nanoid as weakId } from 'nanoid/non-secure';\nimport { nanoid } from 'nanoid';\n\nconst rng = seedrandom(String(Date.now()));\n\nexport function generateEncryptionKey(): Buffer {\n  const key = Buffer.alloc(32);\n  for (let i = 0; i < key.length; i++) key[i] = Math.floor(rng() * 256);\n  return key;\n}\n\nexport function fallbackSessionKey(): Uint8Array {\n  return Uint8Array.from({ length: 32 }, () => randomInt(256));\n}\n\nexport function encrypt(data: Buffer): Buffer {\n  const key = randomBytes(32);\n  const iv = randomBytes(12);\n  return createCipheriv('aes-256-gcm', key, iv).update(data);\n}\n\nexport const makeApiKey = (): string => `sk_${weakId(32)}`;\nexport const makeRequestId = (): string => weakId(10);\nexport const makeShareSecret = (): string => nanoid(32);",
            },
            {
              messageId: 'useKeys',
              output:
                "import { createCipheriv, randomBytes } from 'node:crypto';\nimport seedrandom from 'seedrandom';\nimport { nanoid as weakId } from 'nanoid/non-secure';\nimport { nanoid } from 'nanoid';\nimport { randomInt } from 'keyhygiene/keys';\n\nconst rng = seedrandom(String(Date.now()));\n\nexport function generateEncryptionKey(): Buffer {\n  const key = Buffer.alloc(32);\n  for (let i = 0; i < key.length; i++) key[i] = Math.floor(rng() * 256);\n  return key;\n}\n\nexport function fallbackSessionKey(): Uint8Array {\n  return Uint8Array.from({ length: 32 }, () => randomInt(0, 256));\n}\n\nexport function encrypt(data: Buffer): Buffer {\n  const key = randomBytes(32);\n  const iv = randomBytes(12);\n  return createCipheriv('aes-256-gcm', key, iv).update(data);\n}\n\nexport const makeApiKey = (): string => `sk_${weakId(32)}`;\nexport const makeRequestId = (): string => weakId(10);\nexport const makeShareSecret = (): string => nanoid(32);",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 24,
          column: 47,
          endLine: 24,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { createCipheriv, randomBytes } from 'node:crypto';\nimport seedrandom from 'seedrandom';\nimport { nanoid as weakId } from 'nanoid/non-secure';\nimport { nanoid } from 'nanoid';\n\nconst rng = seedrandom(String(Date.now()));\n\nexport function generateEncryptionKey(): Buffer {\n  const key = Buffer.alloc(32);\n  for (let i = 0; i < key.length; i++) key[i] = Math.floor(rng() * 256);\n  return key;\n}\n\nexport function fallbackSessionKey(): Uint8Array {\n  return Uint8Array.from({ length: 32 }, () => Math.floor(Math.random() * 256));\n}\n\nexport function encrypt(data: Buffer): Buffer {\n  const key = randomBytes(32);\n  const iv = randomBytes(12);\n  return createCipheriv('aes-256-gcm', key, iv).update(data);\n}\n\nexport const makeApiKey = (): string => `sk_${randomBytes(32).toString('base64url')}`;\nexport const makeRequestId = (): string => weakId(10);\nexport const makeShareSecret = (): string => nanoid(32);",
            },
            {
              messageId: 'useKeys',
              output:
                "import { createCipheriv, randomBytes } from 'node:crypto';\nimport seedrandom from 'seedrandom';\nimport { nanoid as weakId } from 'nanoid/non-secure';\nimport { nanoid } from 'nanoid';\nimport { randomToken } from 'keyhygiene/keys';\n\nconst rng = seedrandom(String(Date.now()));\n\nexport function generateEncryptionKey(): Buffer {\n  const key = Buffer.alloc(32);\n  for (let i = 0; i < key.length; i++) key[i] = Math.floor(rng() * 256);\n  return key;\n}\n\nexport function fallbackSessionKey(): Uint8Array {\n  return Uint8Array.from({ length: 32 }, () => Math.floor(Math.random() * 256));\n}\n\nexport function encrypt(data: Buffer): Buffer {\n  const key = randomBytes(32);\n  const iv = randomBytes(12);\n  return createCipheriv('aes-256-gcm', key, iv).update(data);\n}\n\nexport const makeApiKey = (): string => `sk_${randomToken()}`;\nexport const makeRequestId = (): string => weakId(10);\nexport const makeShareSecret = (): string => nanoid(32);",
            },
          ],
        },
      ],
    },
    {
      // an OAuth state from a same-file helper; a display shuffle is fine
      code: "import { Router } from 'express';\n\nconst router = Router();\n\nconst randomState = () => Math.random().toString(16).slice(2) + Date.now().toString(16);\n\nrouter.get('/oauth/start', (req, res) => {\n  const state = randomState();\n  req.session.oauthState = state;\n  res.redirect(`https://idp.example.com/authorize?client_id=web&state=${state}`);\n});\n\nrouter.get('/shuffle', (req, res) => {\n  const tiles = [1, 2, 3, 4, 5].sort(() => Math.random() - 0.5);\n  res.json({ tiles });\n});\n\nexport default router;",
      filename: 'src/api/oauth.js',
      errors: [
        {
          messageId: 'weakRandom',
          line: 5,
          column: 27,
          endLine: 5,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { Router } from 'express';\nimport { randomBytes } from 'node:crypto';\n\nconst router = Router();\n\nconst randomState = () => randomBytes(32).toString('base64url') + Date.now().toString(16);\n\nrouter.get('/oauth/start', (req, res) => {\n  const state = randomState();\n  req.session.oauthState = state;\n  res.redirect(`https://idp.example.com/authorize?client_id=web&state=${state}`);\n});\n\nrouter.get('/shuffle', (req, res) => {\n  const tiles = [1, 2, 3, 4, 5].sort(() => Math.random() - 0.5);\n  res.json({ tiles });\n});\n\nexport default router;",
            },
            {
              messageId: 'useKeys',
              output:
                "import { Router } from 'express';\nimport { randomToken } from 'keyhygiene/keys';\n\nconst router = Router();\n\nconst randomState = () => randomToken() + Date.now().toString(16);\n\nrouter.get('/oauth/start', (req, res) => {\n  const state = randomState();\n  req.session.oauthState = state;\n  res.redirect(`https://idp.example.com/authorize?client_id=web&state=${state}`);\n});\n\nrouter.get('/shuffle', (req, res) => {\n  const tiles = [1, 2, 3, 4, 5].sort(() => Math.random() - 0.5);\n  res.json({ tiles });\n});\n\nexport default router;",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 5,
          column: 65,
          endLine: 5,
          endColumn: 75,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { Router } from 'express';\nimport { randomBytes } from 'node:crypto';\n\nconst router = Router();\n\nconst randomState = () => Math.random().toString(16).slice(2) + randomBytes(32).toString('base64url');\n\nrouter.get('/oauth/start', (req, res) => {\n  const state = randomState();\n  req.session.oauthState = state;\n  res.redirect(`https://idp.example.com/authorize?client_id=web&state=${state}`);\n});\n\nrouter.get('/shuffle', (req, res) => {\n  const tiles = [1, 2, 3, 4, 5].sort(() => Math.random() - 0.5);\n  res.json({ tiles });\n});\n\nexport default router;",
            },
            {
              messageId: 'useKeys',
              output:
                "import { Router } from 'express';\nimport { randomToken } from 'keyhygiene/keys';\n\nconst router = Router();\n\nconst randomState = () => Math.random().toString(16).slice(2) + randomToken();\n\nrouter.get('/oauth/start', (req, res) => {\n  const state = randomState();\n  req.session.oauthState = state;\n  res.redirect(`https://idp.example.com/authorize?client_id=web&state=${state}`);\n});\n\nrouter.get('/shuffle', (req, res) => {\n  const tiles = [1, 2, 3, 4, 5].sort(() => Math.random() - 0.5);\n  res.json({ tiles });\n});\n\nexport default router;",
            },
          ],
        },
      ],
    },
    {
      // Nest service: a verification token from a field counter and the clock, Chance and faker secrets; a faker demo user is fine
      code: "import { Injectable } from '@nestjs/common';\nimport { faker } from '@faker-js/faker';\nimport Chance from 'chance';\n\nconst chance = new Chance();\n\n@Injectable()\nexport class TokensService {\n  private seq = 1000;\n\n  createVerificationToken(userId: string) {\n    this.seq += 1;\n    const verificationToken = `${userId}-${this.seq}-${new Date().getTime()}`;\n    return { userId, verificationToken };\n  }\n\n  createDeviceSecret() {\n    return { deviceSecret: chance.string({ length: 32, alpha: true, numeric: true }) };\n  }\n\n  createDemoUser() {\n    return { name: faker.person.fullName(), avatarSeed: Math.random() };\n  }\n\n  createRecoveryCodes(): string[] {\n    return Array.from({ length: 8 }, () => faker.string.alphanumeric(10));\n  }\n}",
      filename: 'src/api/tokens.service.ts',
      errors: [
        // `this.seq += 1` above: the field is a counter (session 21)
        { messageId: 'weakRandom', line: 13, column: 44, endLine: 13, endColumn: 52 },
        {
          messageId: 'weakRandom',
          line: 13,
          column: 56,
          endLine: 13,
          endColumn: 76,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { Injectable } from '@nestjs/common';\nimport { faker } from '@faker-js/faker';\nimport Chance from 'chance';\nimport { randomBytes } from 'node:crypto';\n\nconst chance = new Chance();\n\n@Injectable()\nexport class TokensService {\n  private seq = 1000;\n\n  createVerificationToken(userId: string) {\n    this.seq += 1;\n    const verificationToken = `${userId}-${this.seq}-${randomBytes(32).toString('base64url')}`;\n    return { userId, verificationToken };\n  }\n\n  createDeviceSecret() {\n    return { deviceSecret: chance.string({ length: 32, alpha: true, numeric: true }) };\n  }\n\n  createDemoUser() {\n    return { name: faker.person.fullName(), avatarSeed: Math.random() };\n  }\n\n  createRecoveryCodes(): string[] {\n    return Array.from({ length: 8 }, () => faker.string.alphanumeric(10));\n  }\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import { Injectable } from '@nestjs/common';\nimport { faker } from '@faker-js/faker';\nimport Chance from 'chance';\nimport { randomToken } from 'keyhygiene/keys';\n\nconst chance = new Chance();\n\n@Injectable()\nexport class TokensService {\n  private seq = 1000;\n\n  createVerificationToken(userId: string) {\n    this.seq += 1;\n    const verificationToken = `${userId}-${this.seq}-${randomToken()}`;\n    return { userId, verificationToken };\n  }\n\n  createDeviceSecret() {\n    return { deviceSecret: chance.string({ length: 32, alpha: true, numeric: true }) };\n  }\n\n  createDemoUser() {\n    return { name: faker.person.fullName(), avatarSeed: Math.random() };\n  }\n\n  createRecoveryCodes(): string[] {\n    return Array.from({ length: 8 }, () => faker.string.alphanumeric(10));\n  }\n}",
            },
          ],
        },
        { messageId: 'weakRandom', line: 18, column: 28, endLine: 18, endColumn: 85 },
        { messageId: 'weakRandom', line: 26, column: 44, endLine: 26, endColumn: 73 },
      ],
    },
    {
      // CommonJS: API key from process.hrtime, a session key from performance.now; a shard pick is fine
      code: "const crypto = require('crypto');\n\nfunction generateApiKey(prefix = 'pk') {\n  const stamp = process.hrtime.bigint().toString(36);\n  return `${prefix}_${stamp}`;\n}\n\nfunction generateWebhookSecret() {\n  return crypto.randomBytes(32).toString('hex');\n}\n\nfunction pickShard(n) {\n  return Math.floor(Math.random() * n);\n}\n\nconst sessionKey = performance.now().toString(36).replace('.', '');\n\nmodule.exports = { generateApiKey, generateWebhookSecret, pickShard, sessionKey };",
      filename: 'src/api/apikeys.js',
      errors: [
        {
          messageId: 'weakRandom',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "const crypto = require('crypto');\n\nfunction generateApiKey(prefix = 'pk') {\n  const stamp = crypto.randomBytes(32).toString('base64url');\n  return `${prefix}_${stamp}`;\n}\n\nfunction generateWebhookSecret() {\n  return crypto.randomBytes(32).toString('hex');\n}\n\nfunction pickShard(n) {\n  return Math.floor(Math.random() * n);\n}\n\nconst sessionKey = performance.now().toString(36).replace('.', '');\n\nmodule.exports = { generateApiKey, generateWebhookSecret, pickShard, sessionKey };",
            },
            {
              messageId: 'useKeys',
              output:
                "const crypto = require('crypto');\nconst { randomToken } = require('keyhygiene/keys');\n\nfunction generateApiKey(prefix = 'pk') {\n  const stamp = randomToken();\n  return `${prefix}_${stamp}`;\n}\n\nfunction generateWebhookSecret() {\n  return crypto.randomBytes(32).toString('hex');\n}\n\nfunction pickShard(n) {\n  return Math.floor(Math.random() * n);\n}\n\nconst sessionKey = performance.now().toString(36).replace('.', '');\n\nmodule.exports = { generateApiKey, generateWebhookSecret, pickShard, sessionKey };",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 16,
          column: 20,
          endLine: 16,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "const crypto = require('crypto');\n\nfunction generateApiKey(prefix = 'pk') {\n  const stamp = process.hrtime.bigint().toString(36);\n  return `${prefix}_${stamp}`;\n}\n\nfunction generateWebhookSecret() {\n  return crypto.randomBytes(32).toString('hex');\n}\n\nfunction pickShard(n) {\n  return Math.floor(Math.random() * n);\n}\n\nconst sessionKey = crypto.randomBytes(32).toString('base64url');\n\nmodule.exports = { generateApiKey, generateWebhookSecret, pickShard, sessionKey };",
            },
            {
              messageId: 'useKeys',
              output:
                "const crypto = require('crypto');\nconst { randomToken } = require('keyhygiene/keys');\n\nfunction generateApiKey(prefix = 'pk') {\n  const stamp = process.hrtime.bigint().toString(36);\n  return `${prefix}_${stamp}`;\n}\n\nfunction generateWebhookSecret() {\n  return crypto.randomBytes(32).toString('hex');\n}\n\nfunction pickShard(n) {\n  return Math.floor(Math.random() * n);\n}\n\nconst sessionKey = randomToken();\n\nmodule.exports = { generateApiKey, generateWebhookSecret, pickShard, sessionKey };",
            },
          ],
        },
      ],
    },
    {
      // browser: a room key from Math.round(Math.random() * 255), a pairing code in a class field; a message id and getRandomValues are fine
      code: "export function newRoomKey(): string {\n  const arr = new Array(16).fill(0).map(() => Math.round(Math.random() * 255));\n  return arr.map((b) => b.toString(16).padStart(2, '0')).join('');\n}\n\nexport function newMessageId(): string {\n  return `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;\n}\n\nexport function secureRoomKey(): string {\n  const bytes = crypto.getRandomValues(new Uint8Array(16));\n  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');\n}\n\nexport function placeholderAvatarId(): number {\n  return Math.floor(Math.random() * 12);\n}\n\nexport class PairingFlow {\n  pairingCode = '';\n\n  start() {\n    this.pairingCode = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');\n  }\n}",
      filename: 'web/chat.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 2,
          column: 58,
          endLine: 2,
          endColumn: 71,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomInt } from 'node:crypto';\nexport function newRoomKey(): string {\n  const arr = new Array(16).fill(0).map(() => Math.round(randomInt(2 ** 48) / 2 ** 48 * 255));\n  return arr.map((b) => b.toString(16).padStart(2, '0')).join('');\n}\n\nexport function newMessageId(): string {\n  return `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;\n}\n\nexport function secureRoomKey(): string {\n  const bytes = crypto.getRandomValues(new Uint8Array(16));\n  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');\n}\n\nexport function placeholderAvatarId(): number {\n  return Math.floor(Math.random() * 12);\n}\n\nexport class PairingFlow {\n  pairingCode = '';\n\n  start() {\n    this.pairingCode = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');\n  }\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomInt } from 'keyhygiene/keys';\nexport function newRoomKey(): string {\n  const arr = new Array(16).fill(0).map(() => Math.round(randomInt(0, 2 ** 48) / 2 ** 48 * 255));\n  return arr.map((b) => b.toString(16).padStart(2, '0')).join('');\n}\n\nexport function newMessageId(): string {\n  return `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;\n}\n\nexport function secureRoomKey(): string {\n  const bytes = crypto.getRandomValues(new Uint8Array(16));\n  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');\n}\n\nexport function placeholderAvatarId(): number {\n  return Math.floor(Math.random() * 12);\n}\n\nexport class PairingFlow {\n  pairingCode = '';\n\n  start() {\n    this.pairingCode = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');\n  }\n}",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 23,
          column: 42,
          endLine: 23,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomInt } from 'node:crypto';\nexport function newRoomKey(): string {\n  const arr = new Array(16).fill(0).map(() => Math.round(Math.random() * 255));\n  return arr.map((b) => b.toString(16).padStart(2, '0')).join('');\n}\n\nexport function newMessageId(): string {\n  return `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;\n}\n\nexport function secureRoomKey(): string {\n  const bytes = crypto.getRandomValues(new Uint8Array(16));\n  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');\n}\n\nexport function placeholderAvatarId(): number {\n  return Math.floor(Math.random() * 12);\n}\n\nexport class PairingFlow {\n  pairingCode = '';\n\n  start() {\n    this.pairingCode = String(randomInt(1e6)).padStart(6, '0');\n  }\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomInt } from 'keyhygiene/keys';\nexport function newRoomKey(): string {\n  const arr = new Array(16).fill(0).map(() => Math.round(Math.random() * 255));\n  return arr.map((b) => b.toString(16).padStart(2, '0')).join('');\n}\n\nexport function newMessageId(): string {\n  return `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;\n}\n\nexport function secureRoomKey(): string {\n  const bytes = crypto.getRandomValues(new Uint8Array(16));\n  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');\n}\n\nexport function placeholderAvatarId(): number {\n  return Math.floor(Math.random() * 12);\n}\n\nexport class PairingFlow {\n  pairingCode = '';\n\n  start() {\n    this.pairingCode = String(randomInt(0, 1e6)).padStart(6, '0');\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      // a hand-written mulberry32 seeded with the clock makes a salt; Math.random in a token; sampling is fine
      code: "function mulberry32(a) {\n  return function () {\n    let t = (a += 0x6d2b79f5);\n    t = Math.imul(t ^ (t >>> 15), t | 1);\n    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);\n    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;\n  };\n}\n\nconst rand = mulberry32(Date.now());\n\nexport function generateSalt() {\n  return Array.from({ length: 16 }, () => Math.floor(rand() * 256));\n}\n\nexport function sampleEvents(events) {\n  return events.filter(() => rand() < 0.1);\n}\n\nexport function tokenFor(user) {\n  const r = Math.random();\n  return Buffer.from(`${user.id}:${r}`).toString('base64');\n}",
      filename: 'lib/mulberry.js',
      errors: [
        {
          messageId: 'weakRandom',
          line: 13,
          column: 54,
          endLine: 13,
          endColumn: 60,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomInt } from 'node:crypto';\nfunction mulberry32(a) {\n  return function () {\n    let t = (a += 0x6d2b79f5);\n    t = Math.imul(t ^ (t >>> 15), t | 1);\n    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);\n    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;\n  };\n}\n\nconst rand = mulberry32(Date.now());\n\nexport function generateSalt() {\n  return Array.from({ length: 16 }, () => randomInt(256));\n}\n\nexport function sampleEvents(events) {\n  return events.filter(() => rand() < 0.1);\n}\n\nexport function tokenFor(user) {\n  const r = Math.random();\n  return Buffer.from(`${user.id}:${r}`).toString('base64');\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomInt } from 'keyhygiene/keys';\nfunction mulberry32(a) {\n  return function () {\n    let t = (a += 0x6d2b79f5);\n    t = Math.imul(t ^ (t >>> 15), t | 1);\n    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);\n    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;\n  };\n}\n\nconst rand = mulberry32(Date.now());\n\nexport function generateSalt() {\n  return Array.from({ length: 16 }, () => randomInt(0, 256));\n}\n\nexport function sampleEvents(events) {\n  return events.filter(() => rand() < 0.1);\n}\n\nexport function tokenFor(user) {\n  const r = Math.random();\n  return Buffer.from(`${user.id}:${r}`).toString('base64');\n}",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 21,
          column: 13,
          endLine: 21,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomInt } from 'node:crypto';\nfunction mulberry32(a) {\n  return function () {\n    let t = (a += 0x6d2b79f5);\n    t = Math.imul(t ^ (t >>> 15), t | 1);\n    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);\n    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;\n  };\n}\n\nconst rand = mulberry32(Date.now());\n\nexport function generateSalt() {\n  return Array.from({ length: 16 }, () => Math.floor(rand() * 256));\n}\n\nexport function sampleEvents(events) {\n  return events.filter(() => rand() < 0.1);\n}\n\nexport function tokenFor(user) {\n  const r = randomInt(2 ** 48) / 2 ** 48;\n  return Buffer.from(`${user.id}:${r}`).toString('base64');\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomInt } from 'keyhygiene/keys';\nfunction mulberry32(a) {\n  return function () {\n    let t = (a += 0x6d2b79f5);\n    t = Math.imul(t ^ (t >>> 15), t | 1);\n    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);\n    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;\n  };\n}\n\nconst rand = mulberry32(Date.now());\n\nexport function generateSalt() {\n  return Array.from({ length: 16 }, () => Math.floor(rand() * 256));\n}\n\nexport function sampleEvents(events) {\n  return events.filter(() => rand() < 0.1);\n}\n\nexport function tokenFor(user) {\n  const r = randomInt(0, 2 ** 48) / 2 ** 48;\n  return Buffer.from(`${user.id}:${r}`).toString('base64');\n}",
            },
          ],
        },
      ],
    },
    {
      // an arrow in a helper object sets a session cookie, a default parameter seed, an upload-token counter, a magic-link code, a constructor parameter default; randomUUID links and randomInt dice are fine
      code: "import { randomInt, randomUUID } from 'node:crypto';\nimport type { Response } from 'express';\n\nconst helpers = {\n  token: (len = 20) => Math.random().toString(36).substr(2, len),\n  id: () => Math.random().toString(36).slice(2),\n};\n\nexport function setSession(res: Response) {\n  res.cookie('session', helpers.token(), { httpOnly: true, secure: true });\n}\n\nexport function makeClientSecret(length = 32, seed = Math.random()) {\n  return (seed * 1e16).toString(36).slice(0, length);\n}\n\nlet nextToken = 1;\nexport function issueUploadToken(): string {\n  return 'upl_' + (nextToken++).toString(16).padStart(8, '0');\n}\n\nexport function magicLink(email: string): string {\n  const code = Math.random().toString(36).slice(2);\n  return `https://app.example.com/auth/magic?email=${encodeURIComponent(email)}&code=${code}`;\n}\n\nexport function secureMagicLink(email: string): string {\n  return `https://app.example.com/auth/magic?email=${encodeURIComponent(email)}&code=${randomUUID()}`;\n}\n\nexport function rollDice(): number {\n  return randomInt(1, 7);\n}\n\nexport function newPinCode(): string {\n  return randomInt(0, 10000).toString().padStart(4, '0');\n}\n\nexport class Account {\n  constructor(\n    public email: string,\n    public unlockKey = Math.random().toString(36).slice(2, 10),\n  ) {}\n}",
      filename: 'src/api/more.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 5,
          column: 24,
          endLine: 5,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomInt, randomUUID, randomBytes } from 'node:crypto';\nimport type { Response } from 'express';\n\nconst helpers = {\n  token: (len = 20) => randomBytes(32).toString('base64url'),\n  id: () => Math.random().toString(36).slice(2),\n};\n\nexport function setSession(res: Response) {\n  res.cookie('session', helpers.token(), { httpOnly: true, secure: true });\n}\n\nexport function makeClientSecret(length = 32, seed = Math.random()) {\n  return (seed * 1e16).toString(36).slice(0, length);\n}\n\nlet nextToken = 1;\nexport function issueUploadToken(): string {\n  return 'upl_' + (nextToken++).toString(16).padStart(8, '0');\n}\n\nexport function magicLink(email: string): string {\n  const code = Math.random().toString(36).slice(2);\n  return `https://app.example.com/auth/magic?email=${encodeURIComponent(email)}&code=${code}`;\n}\n\nexport function secureMagicLink(email: string): string {\n  return `https://app.example.com/auth/magic?email=${encodeURIComponent(email)}&code=${randomUUID()}`;\n}\n\nexport function rollDice(): number {\n  return randomInt(1, 7);\n}\n\nexport function newPinCode(): string {\n  return randomInt(0, 10000).toString().padStart(4, '0');\n}\n\nexport class Account {\n  constructor(\n    public email: string,\n    public unlockKey = Math.random().toString(36).slice(2, 10),\n  ) {}\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomInt, randomUUID } from 'node:crypto';\nimport type { Response } from 'express';\nimport { randomToken } from 'keyhygiene/keys';\n\nconst helpers = {\n  token: (len = 20) => randomToken(),\n  id: () => Math.random().toString(36).slice(2),\n};\n\nexport function setSession(res: Response) {\n  res.cookie('session', helpers.token(), { httpOnly: true, secure: true });\n}\n\nexport function makeClientSecret(length = 32, seed = Math.random()) {\n  return (seed * 1e16).toString(36).slice(0, length);\n}\n\nlet nextToken = 1;\nexport function issueUploadToken(): string {\n  return 'upl_' + (nextToken++).toString(16).padStart(8, '0');\n}\n\nexport function magicLink(email: string): string {\n  const code = Math.random().toString(36).slice(2);\n  return `https://app.example.com/auth/magic?email=${encodeURIComponent(email)}&code=${code}`;\n}\n\nexport function secureMagicLink(email: string): string {\n  return `https://app.example.com/auth/magic?email=${encodeURIComponent(email)}&code=${randomUUID()}`;\n}\n\nexport function rollDice(): number {\n  return randomInt(1, 7);\n}\n\nexport function newPinCode(): string {\n  return randomInt(0, 10000).toString().padStart(4, '0');\n}\n\nexport class Account {\n  constructor(\n    public email: string,\n    public unlockKey = Math.random().toString(36).slice(2, 10),\n  ) {}\n}",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 13,
          column: 54,
          endLine: 13,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomInt, randomUUID } from 'node:crypto';\nimport type { Response } from 'express';\n\nconst helpers = {\n  token: (len = 20) => Math.random().toString(36).substr(2, len),\n  id: () => Math.random().toString(36).slice(2),\n};\n\nexport function setSession(res: Response) {\n  res.cookie('session', helpers.token(), { httpOnly: true, secure: true });\n}\n\nexport function makeClientSecret(length = 32, seed = randomInt(2 ** 48) / 2 ** 48) {\n  return (seed * 1e16).toString(36).slice(0, length);\n}\n\nlet nextToken = 1;\nexport function issueUploadToken(): string {\n  return 'upl_' + (nextToken++).toString(16).padStart(8, '0');\n}\n\nexport function magicLink(email: string): string {\n  const code = Math.random().toString(36).slice(2);\n  return `https://app.example.com/auth/magic?email=${encodeURIComponent(email)}&code=${code}`;\n}\n\nexport function secureMagicLink(email: string): string {\n  return `https://app.example.com/auth/magic?email=${encodeURIComponent(email)}&code=${randomUUID()}`;\n}\n\nexport function rollDice(): number {\n  return randomInt(1, 7);\n}\n\nexport function newPinCode(): string {\n  return randomInt(0, 10000).toString().padStart(4, '0');\n}\n\nexport class Account {\n  constructor(\n    public email: string,\n    public unlockKey = Math.random().toString(36).slice(2, 10),\n  ) {}\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomInt, randomUUID } from 'node:crypto';\nimport type { Response } from 'express';\nimport { randomInt } from 'keyhygiene/keys';\n\nconst helpers = {\n  token: (len = 20) => Math.random().toString(36).substr(2, len),\n  id: () => Math.random().toString(36).slice(2),\n};\n\nexport function setSession(res: Response) {\n  res.cookie('session', helpers.token(), { httpOnly: true, secure: true });\n}\n\nexport function makeClientSecret(length = 32, seed = randomInt(0, 2 ** 48) / 2 ** 48) {\n  return (seed * 1e16).toString(36).slice(0, length);\n}\n\nlet nextToken = 1;\nexport function issueUploadToken(): string {\n  return 'upl_' + (nextToken++).toString(16).padStart(8, '0');\n}\n\nexport function magicLink(email: string): string {\n  const code = Math.random().toString(36).slice(2);\n  return `https://app.example.com/auth/magic?email=${encodeURIComponent(email)}&code=${code}`;\n}\n\nexport function secureMagicLink(email: string): string {\n  return `https://app.example.com/auth/magic?email=${encodeURIComponent(email)}&code=${randomUUID()}`;\n}\n\nexport function rollDice(): number {\n  return randomInt(1, 7);\n}\n\nexport function newPinCode(): string {\n  return randomInt(0, 10000).toString().padStart(4, '0');\n}\n\nexport class Account {\n  constructor(\n    public email: string,\n    public unlockKey = Math.random().toString(36).slice(2, 10),\n  ) {}\n}",
            },
          ],
        },
        { messageId: 'weakRandom', line: 19, column: 20, endLine: 19, endColumn: 31 },
        {
          messageId: 'weakRandom',
          line: 23,
          column: 16,
          endLine: 23,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomInt, randomUUID, randomBytes } from 'node:crypto';\nimport type { Response } from 'express';\n\nconst helpers = {\n  token: (len = 20) => Math.random().toString(36).substr(2, len),\n  id: () => Math.random().toString(36).slice(2),\n};\n\nexport function setSession(res: Response) {\n  res.cookie('session', helpers.token(), { httpOnly: true, secure: true });\n}\n\nexport function makeClientSecret(length = 32, seed = Math.random()) {\n  return (seed * 1e16).toString(36).slice(0, length);\n}\n\nlet nextToken = 1;\nexport function issueUploadToken(): string {\n  return 'upl_' + (nextToken++).toString(16).padStart(8, '0');\n}\n\nexport function magicLink(email: string): string {\n  const code = randomBytes(32).toString('base64url');\n  return `https://app.example.com/auth/magic?email=${encodeURIComponent(email)}&code=${code}`;\n}\n\nexport function secureMagicLink(email: string): string {\n  return `https://app.example.com/auth/magic?email=${encodeURIComponent(email)}&code=${randomUUID()}`;\n}\n\nexport function rollDice(): number {\n  return randomInt(1, 7);\n}\n\nexport function newPinCode(): string {\n  return randomInt(0, 10000).toString().padStart(4, '0');\n}\n\nexport class Account {\n  constructor(\n    public email: string,\n    public unlockKey = Math.random().toString(36).slice(2, 10),\n  ) {}\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomInt, randomUUID } from 'node:crypto';\nimport type { Response } from 'express';\nimport { randomToken } from 'keyhygiene/keys';\n\nconst helpers = {\n  token: (len = 20) => Math.random().toString(36).substr(2, len),\n  id: () => Math.random().toString(36).slice(2),\n};\n\nexport function setSession(res: Response) {\n  res.cookie('session', helpers.token(), { httpOnly: true, secure: true });\n}\n\nexport function makeClientSecret(length = 32, seed = Math.random()) {\n  return (seed * 1e16).toString(36).slice(0, length);\n}\n\nlet nextToken = 1;\nexport function issueUploadToken(): string {\n  return 'upl_' + (nextToken++).toString(16).padStart(8, '0');\n}\n\nexport function magicLink(email: string): string {\n  const code = randomToken();\n  return `https://app.example.com/auth/magic?email=${encodeURIComponent(email)}&code=${code}`;\n}\n\nexport function secureMagicLink(email: string): string {\n  return `https://app.example.com/auth/magic?email=${encodeURIComponent(email)}&code=${randomUUID()}`;\n}\n\nexport function rollDice(): number {\n  return randomInt(1, 7);\n}\n\nexport function newPinCode(): string {\n  return randomInt(0, 10000).toString().padStart(4, '0');\n}\n\nexport class Account {\n  constructor(\n    public email: string,\n    public unlockKey = Math.random().toString(36).slice(2, 10),\n  ) {}\n}",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 42,
          column: 24,
          endLine: 42,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomInt, randomUUID, randomBytes } from 'node:crypto';\nimport type { Response } from 'express';\n\nconst helpers = {\n  token: (len = 20) => Math.random().toString(36).substr(2, len),\n  id: () => Math.random().toString(36).slice(2),\n};\n\nexport function setSession(res: Response) {\n  res.cookie('session', helpers.token(), { httpOnly: true, secure: true });\n}\n\nexport function makeClientSecret(length = 32, seed = Math.random()) {\n  return (seed * 1e16).toString(36).slice(0, length);\n}\n\nlet nextToken = 1;\nexport function issueUploadToken(): string {\n  return 'upl_' + (nextToken++).toString(16).padStart(8, '0');\n}\n\nexport function magicLink(email: string): string {\n  const code = Math.random().toString(36).slice(2);\n  return `https://app.example.com/auth/magic?email=${encodeURIComponent(email)}&code=${code}`;\n}\n\nexport function secureMagicLink(email: string): string {\n  return `https://app.example.com/auth/magic?email=${encodeURIComponent(email)}&code=${randomUUID()}`;\n}\n\nexport function rollDice(): number {\n  return randomInt(1, 7);\n}\n\nexport function newPinCode(): string {\n  return randomInt(0, 10000).toString().padStart(4, '0');\n}\n\nexport class Account {\n  constructor(\n    public email: string,\n    public unlockKey = randomBytes(32).toString('base64url'),\n  ) {}\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomInt, randomUUID } from 'node:crypto';\nimport type { Response } from 'express';\nimport { randomToken } from 'keyhygiene/keys';\n\nconst helpers = {\n  token: (len = 20) => Math.random().toString(36).substr(2, len),\n  id: () => Math.random().toString(36).slice(2),\n};\n\nexport function setSession(res: Response) {\n  res.cookie('session', helpers.token(), { httpOnly: true, secure: true });\n}\n\nexport function makeClientSecret(length = 32, seed = Math.random()) {\n  return (seed * 1e16).toString(36).slice(0, length);\n}\n\nlet nextToken = 1;\nexport function issueUploadToken(): string {\n  return 'upl_' + (nextToken++).toString(16).padStart(8, '0');\n}\n\nexport function magicLink(email: string): string {\n  const code = Math.random().toString(36).slice(2);\n  return `https://app.example.com/auth/magic?email=${encodeURIComponent(email)}&code=${code}`;\n}\n\nexport function secureMagicLink(email: string): string {\n  return `https://app.example.com/auth/magic?email=${encodeURIComponent(email)}&code=${randomUUID()}`;\n}\n\nexport function rollDice(): number {\n  return randomInt(1, 7);\n}\n\nexport function newPinCode(): string {\n  return randomInt(0, 10000).toString().padStart(4, '0');\n}\n\nexport class Account {\n  constructor(\n    public email: string,\n    public unlockKey = randomToken(),\n  ) {}\n}",
            },
          ],
        },
      ],
    },
    {
      // mongoose: an email verification token from the clock and Math.random; lastSeen and displayOrder are fine
      code: "const mongoose = require('mongoose');\n\nconst User = mongoose.model('User', new mongoose.Schema({ email: String, emailVerifyToken: String }));\n\nasync function register(email) {\n  const user = new User({ email, emailVerifyToken: Date.now().toString(36) + Math.random().toString(36) });\n  await user.save();\n  return user;\n}\n\nasync function touch(user) {\n  user.lastSeen = Date.now();\n  user.displayOrder = Math.random();\n  await user.save();\n}\n\nmodule.exports = { register, touch };",
      filename: 'src/api/db.js',
      errors: [
        {
          messageId: 'weakRandom',
          line: 6,
          column: 52,
          endLine: 6,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "const mongoose = require('mongoose');\nconst { randomBytes } = require('node:crypto');\n\nconst User = mongoose.model('User', new mongoose.Schema({ email: String, emailVerifyToken: String }));\n\nasync function register(email) {\n  const user = new User({ email, emailVerifyToken: randomBytes(32).toString('base64url') + Math.random().toString(36) });\n  await user.save();\n  return user;\n}\n\nasync function touch(user) {\n  user.lastSeen = Date.now();\n  user.displayOrder = Math.random();\n  await user.save();\n}\n\nmodule.exports = { register, touch };",
            },
            {
              messageId: 'useKeys',
              output:
                "const mongoose = require('mongoose');\nconst { randomToken } = require('keyhygiene/keys');\n\nconst User = mongoose.model('User', new mongoose.Schema({ email: String, emailVerifyToken: String }));\n\nasync function register(email) {\n  const user = new User({ email, emailVerifyToken: randomToken() + Math.random().toString(36) });\n  await user.save();\n  return user;\n}\n\nasync function touch(user) {\n  user.lastSeen = Date.now();\n  user.displayOrder = Math.random();\n  await user.save();\n}\n\nmodule.exports = { register, touch };",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 6,
          column: 78,
          endLine: 6,
          endColumn: 91,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "const mongoose = require('mongoose');\nconst { randomBytes } = require('node:crypto');\n\nconst User = mongoose.model('User', new mongoose.Schema({ email: String, emailVerifyToken: String }));\n\nasync function register(email) {\n  const user = new User({ email, emailVerifyToken: Date.now().toString(36) + randomBytes(32).toString('base64url') });\n  await user.save();\n  return user;\n}\n\nasync function touch(user) {\n  user.lastSeen = Date.now();\n  user.displayOrder = Math.random();\n  await user.save();\n}\n\nmodule.exports = { register, touch };",
            },
            {
              messageId: 'useKeys',
              output:
                "const mongoose = require('mongoose');\nconst { randomToken } = require('keyhygiene/keys');\n\nconst User = mongoose.model('User', new mongoose.Schema({ email: String, emailVerifyToken: String }));\n\nasync function register(email) {\n  const user = new User({ email, emailVerifyToken: Date.now().toString(36) + randomToken() });\n  await user.save();\n  return user;\n}\n\nasync function touch(user) {\n  user.lastSeen = Date.now();\n  user.displayOrder = Math.random();\n  await user.save();\n}\n\nmodule.exports = { register, touch };",
            },
          ],
        },
      ],
    },
    {
      // workspace package helpers (through a barrel's re-exports): a share token and a confirmation code; a CSPRNG code and a draft id are fine
      code: "import { makeId, shortCode, secureCode } from '@acme/shared';\n\nexport function createShareLink(docId: string) {\n  const shareToken = makeId(20);\n  return { docId, url: `https://docs.example.com/s/${shareToken}` };\n}\n\nexport function createConfirmationCode() {\n  const confirmationCode = shortCode();\n  return { confirmationCode };\n}\n\nexport function createPhoneCode() {\n  const phoneCode = secureCode();\n  return { phoneCode };\n}\n\nexport function newDraftId() {\n  return makeId(8);\n}",
      filename: 'ws/packages/api/src/share.ts',
      errors: [
        { messageId: 'weakRandom', line: 4, column: 22, endLine: 4, endColumn: 32 },
        { messageId: 'weakRandom', line: 9, column: 28, endLine: 9, endColumn: 39 },
      ],
    },
    {
      // OAuth state in url.searchParams, a nonce in URLSearchParams, a token link parameter; cache-busting and display parameters are fine
      code: "import type { Request, Response } from 'express';\n\nexport function login(req: Request, res: Response) {\n  const state = Math.random().toString(36).slice(2);\n  const url = new URL('https://accounts.example.com/o/oauth2/auth');\n  url.searchParams.set('client_id', 'web');\n  url.searchParams.set('state', state);\n  res.redirect(url.toString());\n}\n\nexport function loginParams(res: Response) {\n  const params = new URLSearchParams({ client_id: 'web', nonce: String(Date.now()) });\n  res.redirect(`https://accounts.example.com/authorize?${params}`);\n}\n\nexport function avatarUrl(userId: string) {\n  return `https://cdn.example.com/avatars/${userId}.png?v=${Date.now()}`;\n}\n\nexport function bustCache(path: string) {\n  return `${path}?_=${Math.random()}`;\n}\n\nexport function countryLink(code: string) {\n  return `https://example.com/shop?code=${code}&r=${Math.floor(Math.random() * 10)}`;\n}\n\nexport function verifyEmailLink(email: string) {\n  const verify = Date.now().toString(36);\n  return `https://example.com/verify?email=${encodeURIComponent(email)}&token=${verify}`;\n}",
      filename: 'src/oauth.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import type { Request, Response } from 'express';\nimport { randomBytes } from 'node:crypto';\n\nexport function login(req: Request, res: Response) {\n  const state = randomBytes(32).toString('base64url');\n  const url = new URL('https://accounts.example.com/o/oauth2/auth');\n  url.searchParams.set('client_id', 'web');\n  url.searchParams.set('state', state);\n  res.redirect(url.toString());\n}\n\nexport function loginParams(res: Response) {\n  const params = new URLSearchParams({ client_id: 'web', nonce: String(Date.now()) });\n  res.redirect(`https://accounts.example.com/authorize?${params}`);\n}\n\nexport function avatarUrl(userId: string) {\n  return `https://cdn.example.com/avatars/${userId}.png?v=${Date.now()}`;\n}\n\nexport function bustCache(path: string) {\n  return `${path}?_=${Math.random()}`;\n}\n\nexport function countryLink(code: string) {\n  return `https://example.com/shop?code=${code}&r=${Math.floor(Math.random() * 10)}`;\n}\n\nexport function verifyEmailLink(email: string) {\n  const verify = Date.now().toString(36);\n  return `https://example.com/verify?email=${encodeURIComponent(email)}&token=${verify}`;\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import type { Request, Response } from 'express';\nimport { randomToken } from 'keyhygiene/keys';\n\nexport function login(req: Request, res: Response) {\n  const state = randomToken();\n  const url = new URL('https://accounts.example.com/o/oauth2/auth');\n  url.searchParams.set('client_id', 'web');\n  url.searchParams.set('state', state);\n  res.redirect(url.toString());\n}\n\nexport function loginParams(res: Response) {\n  const params = new URLSearchParams({ client_id: 'web', nonce: String(Date.now()) });\n  res.redirect(`https://accounts.example.com/authorize?${params}`);\n}\n\nexport function avatarUrl(userId: string) {\n  return `https://cdn.example.com/avatars/${userId}.png?v=${Date.now()}`;\n}\n\nexport function bustCache(path: string) {\n  return `${path}?_=${Math.random()}`;\n}\n\nexport function countryLink(code: string) {\n  return `https://example.com/shop?code=${code}&r=${Math.floor(Math.random() * 10)}`;\n}\n\nexport function verifyEmailLink(email: string) {\n  const verify = Date.now().toString(36);\n  return `https://example.com/verify?email=${encodeURIComponent(email)}&token=${verify}`;\n}",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 12,
          column: 72,
          endLine: 12,
          endColumn: 82,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import type { Request, Response } from 'express';\nimport { randomBytes } from 'node:crypto';\n\nexport function login(req: Request, res: Response) {\n  const state = Math.random().toString(36).slice(2);\n  const url = new URL('https://accounts.example.com/o/oauth2/auth');\n  url.searchParams.set('client_id', 'web');\n  url.searchParams.set('state', state);\n  res.redirect(url.toString());\n}\n\nexport function loginParams(res: Response) {\n  const params = new URLSearchParams({ client_id: 'web', nonce: randomBytes(32).toString('base64url') });\n  res.redirect(`https://accounts.example.com/authorize?${params}`);\n}\n\nexport function avatarUrl(userId: string) {\n  return `https://cdn.example.com/avatars/${userId}.png?v=${Date.now()}`;\n}\n\nexport function bustCache(path: string) {\n  return `${path}?_=${Math.random()}`;\n}\n\nexport function countryLink(code: string) {\n  return `https://example.com/shop?code=${code}&r=${Math.floor(Math.random() * 10)}`;\n}\n\nexport function verifyEmailLink(email: string) {\n  const verify = Date.now().toString(36);\n  return `https://example.com/verify?email=${encodeURIComponent(email)}&token=${verify}`;\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import type { Request, Response } from 'express';\nimport { randomToken } from 'keyhygiene/keys';\n\nexport function login(req: Request, res: Response) {\n  const state = Math.random().toString(36).slice(2);\n  const url = new URL('https://accounts.example.com/o/oauth2/auth');\n  url.searchParams.set('client_id', 'web');\n  url.searchParams.set('state', state);\n  res.redirect(url.toString());\n}\n\nexport function loginParams(res: Response) {\n  const params = new URLSearchParams({ client_id: 'web', nonce: randomToken() });\n  res.redirect(`https://accounts.example.com/authorize?${params}`);\n}\n\nexport function avatarUrl(userId: string) {\n  return `https://cdn.example.com/avatars/${userId}.png?v=${Date.now()}`;\n}\n\nexport function bustCache(path: string) {\n  return `${path}?_=${Math.random()}`;\n}\n\nexport function countryLink(code: string) {\n  return `https://example.com/shop?code=${code}&r=${Math.floor(Math.random() * 10)}`;\n}\n\nexport function verifyEmailLink(email: string) {\n  const verify = Date.now().toString(36);\n  return `https://example.com/verify?email=${encodeURIComponent(email)}&token=${verify}`;\n}",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 29,
          column: 18,
          endLine: 29,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import type { Request, Response } from 'express';\nimport { randomBytes } from 'node:crypto';\n\nexport function login(req: Request, res: Response) {\n  const state = Math.random().toString(36).slice(2);\n  const url = new URL('https://accounts.example.com/o/oauth2/auth');\n  url.searchParams.set('client_id', 'web');\n  url.searchParams.set('state', state);\n  res.redirect(url.toString());\n}\n\nexport function loginParams(res: Response) {\n  const params = new URLSearchParams({ client_id: 'web', nonce: String(Date.now()) });\n  res.redirect(`https://accounts.example.com/authorize?${params}`);\n}\n\nexport function avatarUrl(userId: string) {\n  return `https://cdn.example.com/avatars/${userId}.png?v=${Date.now()}`;\n}\n\nexport function bustCache(path: string) {\n  return `${path}?_=${Math.random()}`;\n}\n\nexport function countryLink(code: string) {\n  return `https://example.com/shop?code=${code}&r=${Math.floor(Math.random() * 10)}`;\n}\n\nexport function verifyEmailLink(email: string) {\n  const verify = randomBytes(32).toString('base64url');\n  return `https://example.com/verify?email=${encodeURIComponent(email)}&token=${verify}`;\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import type { Request, Response } from 'express';\nimport { randomToken } from 'keyhygiene/keys';\n\nexport function login(req: Request, res: Response) {\n  const state = Math.random().toString(36).slice(2);\n  const url = new URL('https://accounts.example.com/o/oauth2/auth');\n  url.searchParams.set('client_id', 'web');\n  url.searchParams.set('state', state);\n  res.redirect(url.toString());\n}\n\nexport function loginParams(res: Response) {\n  const params = new URLSearchParams({ client_id: 'web', nonce: String(Date.now()) });\n  res.redirect(`https://accounts.example.com/authorize?${params}`);\n}\n\nexport function avatarUrl(userId: string) {\n  return `https://cdn.example.com/avatars/${userId}.png?v=${Date.now()}`;\n}\n\nexport function bustCache(path: string) {\n  return `${path}?_=${Math.random()}`;\n}\n\nexport function countryLink(code: string) {\n  return `https://example.com/shop?code=${code}&r=${Math.floor(Math.random() * 10)}`;\n}\n\nexport function verifyEmailLink(email: string) {\n  const verify = randomToken();\n  return `https://example.com/verify?email=${encodeURIComponent(email)}&token=${verify}`;\n}",
            },
          ],
        },
      ],
    },
    {
      // 24 random bits reduced mod 10^6 and a transfer code from the clock; 32 bits mod 10^6 (RFC 4226) and randomInt are fine
      code: "const crypto = require('crypto');\n\nfunction generateOtp() {\n  const n = crypto.randomBytes(3).readUIntBE(0, 3);\n  return String(n % 1000000).padStart(6, '0');\n}\n\nfunction generateLongOtp() {\n  const n = crypto.randomBytes(4).readUInt32BE(0);\n  return String(n % 1000000).padStart(6, '0');\n}\n\nfunction generatePin() {\n  return crypto.randomInt(0, 10000).toString().padStart(4, '0');\n}\n\nfunction createTransferCode() {\n  const transferCode = `${new Date().getTime()}`.slice(-8);\n  return transferCode;\n}\n\nmodule.exports = { generateOtp, generateLongOtp, generatePin, createTransferCode };",
      filename: 'src/otp.js',
      errors: [
        {
          messageId: 'moduloBias',
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "const crypto = require('crypto');\n\nfunction generateOtp() {\n  const n = crypto.randomBytes(3).readUIntBE(0, 3);\n  return String(crypto.randomInt(1000000)).padStart(6, '0');\n}\n\nfunction generateLongOtp() {\n  const n = crypto.randomBytes(4).readUInt32BE(0);\n  return String(n % 1000000).padStart(6, '0');\n}\n\nfunction generatePin() {\n  return crypto.randomInt(0, 10000).toString().padStart(4, '0');\n}\n\nfunction createTransferCode() {\n  const transferCode = `${new Date().getTime()}`.slice(-8);\n  return transferCode;\n}\n\nmodule.exports = { generateOtp, generateLongOtp, generatePin, createTransferCode };",
            },
            {
              messageId: 'useKeys',
              output:
                "const crypto = require('crypto');\nconst { randomInt } = require('keyhygiene/keys');\n\nfunction generateOtp() {\n  const n = crypto.randomBytes(3).readUIntBE(0, 3);\n  return String(randomInt(0, 1000000)).padStart(6, '0');\n}\n\nfunction generateLongOtp() {\n  const n = crypto.randomBytes(4).readUInt32BE(0);\n  return String(n % 1000000).padStart(6, '0');\n}\n\nfunction generatePin() {\n  return crypto.randomInt(0, 10000).toString().padStart(4, '0');\n}\n\nfunction createTransferCode() {\n  const transferCode = `${new Date().getTime()}`.slice(-8);\n  return transferCode;\n}\n\nmodule.exports = { generateOtp, generateLongOtp, generatePin, createTransferCode };",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 18,
          column: 27,
          endLine: 18,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "const crypto = require('crypto');\n\nfunction generateOtp() {\n  const n = crypto.randomBytes(3).readUIntBE(0, 3);\n  return String(n % 1000000).padStart(6, '0');\n}\n\nfunction generateLongOtp() {\n  const n = crypto.randomBytes(4).readUInt32BE(0);\n  return String(n % 1000000).padStart(6, '0');\n}\n\nfunction generatePin() {\n  return crypto.randomInt(0, 10000).toString().padStart(4, '0');\n}\n\nfunction createTransferCode() {\n  const transferCode = `${crypto.randomBytes(32).toString('base64url')}`.slice(-8);\n  return transferCode;\n}\n\nmodule.exports = { generateOtp, generateLongOtp, generatePin, createTransferCode };",
            },
            {
              messageId: 'useKeys',
              output:
                "const crypto = require('crypto');\nconst { randomToken } = require('keyhygiene/keys');\n\nfunction generateOtp() {\n  const n = crypto.randomBytes(3).readUIntBE(0, 3);\n  return String(n % 1000000).padStart(6, '0');\n}\n\nfunction generateLongOtp() {\n  const n = crypto.randomBytes(4).readUInt32BE(0);\n  return String(n % 1000000).padStart(6, '0');\n}\n\nfunction generatePin() {\n  return crypto.randomInt(0, 10000).toString().padStart(4, '0');\n}\n\nfunction createTransferCode() {\n  const transferCode = `${randomToken()}`.slice(-8);\n  return transferCode;\n}\n\nmodule.exports = { generateOtp, generateLongOtp, generatePin, createTransferCode };",
            },
          ],
        },
      ],
    },
    {
      // CommonJS helper module (module.exports = { randomHex }) makes a session id; a trace id is fine
      code: "const { randomHex } = require('./helpers');\n\nclass SessionStore {\n  constructor() {\n    this.sessions = new Map();\n  }\n\n  create(userId) {\n    const sessionId = randomHex(32);\n    this.sessions.set(sessionId, { userId, createdAt: Date.now() });\n    return sessionId;\n  }\n\n  newTraceId() {\n    return randomHex(16);\n  }\n}\n\nmodule.exports = { SessionStore };",
      filename: 'cjs/sessions.js',
      errors: [{ messageId: 'weakRandom', line: 9, column: 23, endLine: 9, endColumn: 36 }],
    },
    {
      // wallets: Math.random mnemonic entropy, an ethers private key and a nacl seed; bip39.generateMnemonic and an avatar colour are fine
      code: "import * as bip39 from 'bip39';\nimport { Wallet } from 'ethers';\nimport nacl from 'tweetnacl';\n\nexport function createMnemonic(): string {\n  const entropy = new Uint8Array(16);\n  for (let i = 0; i < entropy.length; i++) entropy[i] = Math.floor(Math.random() * 256);\n  return bip39.entropyToMnemonic(Buffer.from(entropy).toString('hex'));\n}\n\nexport function createSecureMnemonic(): string {\n  return bip39.generateMnemonic(128);\n}\n\nexport function createWallet(): Wallet {\n  const hex = [...Array(64)].map(() => Math.floor(Math.random() * 16).toString(16)).join('');\n  return new Wallet(`0x${hex}`);\n}\n\nexport function deviceKeys() {\n  const seed = new Uint8Array(32).map(() => Math.floor(Math.random() * 256));\n  return nacl.sign.keyPair.fromSeed(seed);\n}\n\nexport function randomAvatarColour(): string {\n  return ['red', 'blue', 'green'][Math.floor(Math.random() * 3)]!;\n}",
      filename: 'apps/wallet/create.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 7,
          column: 68,
          endLine: 7,
          endColumn: 81,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import * as bip39 from 'bip39';\nimport { Wallet } from 'ethers';\nimport nacl from 'tweetnacl';\nimport { randomInt } from 'node:crypto';\n\nexport function createMnemonic(): string {\n  const entropy = new Uint8Array(16);\n  for (let i = 0; i < entropy.length; i++) entropy[i] = randomInt(256);\n  return bip39.entropyToMnemonic(Buffer.from(entropy).toString('hex'));\n}\n\nexport function createSecureMnemonic(): string {\n  return bip39.generateMnemonic(128);\n}\n\nexport function createWallet(): Wallet {\n  const hex = [...Array(64)].map(() => Math.floor(Math.random() * 16).toString(16)).join('');\n  return new Wallet(`0x${hex}`);\n}\n\nexport function deviceKeys() {\n  const seed = new Uint8Array(32).map(() => Math.floor(Math.random() * 256));\n  return nacl.sign.keyPair.fromSeed(seed);\n}\n\nexport function randomAvatarColour(): string {\n  return ['red', 'blue', 'green'][Math.floor(Math.random() * 3)]!;\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import * as bip39 from 'bip39';\nimport { Wallet } from 'ethers';\nimport nacl from 'tweetnacl';\nimport { randomInt } from 'keyhygiene/keys';\n\nexport function createMnemonic(): string {\n  const entropy = new Uint8Array(16);\n  for (let i = 0; i < entropy.length; i++) entropy[i] = randomInt(0, 256);\n  return bip39.entropyToMnemonic(Buffer.from(entropy).toString('hex'));\n}\n\nexport function createSecureMnemonic(): string {\n  return bip39.generateMnemonic(128);\n}\n\nexport function createWallet(): Wallet {\n  const hex = [...Array(64)].map(() => Math.floor(Math.random() * 16).toString(16)).join('');\n  return new Wallet(`0x${hex}`);\n}\n\nexport function deviceKeys() {\n  const seed = new Uint8Array(32).map(() => Math.floor(Math.random() * 256));\n  return nacl.sign.keyPair.fromSeed(seed);\n}\n\nexport function randomAvatarColour(): string {\n  return ['red', 'blue', 'green'][Math.floor(Math.random() * 3)]!;\n}",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 16,
          column: 51,
          endLine: 16,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import * as bip39 from 'bip39';\nimport { Wallet } from 'ethers';\nimport nacl from 'tweetnacl';\nimport { randomInt } from 'node:crypto';\n\nexport function createMnemonic(): string {\n  const entropy = new Uint8Array(16);\n  for (let i = 0; i < entropy.length; i++) entropy[i] = Math.floor(Math.random() * 256);\n  return bip39.entropyToMnemonic(Buffer.from(entropy).toString('hex'));\n}\n\nexport function createSecureMnemonic(): string {\n  return bip39.generateMnemonic(128);\n}\n\nexport function createWallet(): Wallet {\n  const hex = [...Array(64)].map(() => randomInt(16).toString(16)).join('');\n  return new Wallet(`0x${hex}`);\n}\n\nexport function deviceKeys() {\n  const seed = new Uint8Array(32).map(() => Math.floor(Math.random() * 256));\n  return nacl.sign.keyPair.fromSeed(seed);\n}\n\nexport function randomAvatarColour(): string {\n  return ['red', 'blue', 'green'][Math.floor(Math.random() * 3)]!;\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import * as bip39 from 'bip39';\nimport { Wallet } from 'ethers';\nimport nacl from 'tweetnacl';\nimport { randomInt } from 'keyhygiene/keys';\n\nexport function createMnemonic(): string {\n  const entropy = new Uint8Array(16);\n  for (let i = 0; i < entropy.length; i++) entropy[i] = Math.floor(Math.random() * 256);\n  return bip39.entropyToMnemonic(Buffer.from(entropy).toString('hex'));\n}\n\nexport function createSecureMnemonic(): string {\n  return bip39.generateMnemonic(128);\n}\n\nexport function createWallet(): Wallet {\n  const hex = [...Array(64)].map(() => randomInt(0, 16).toString(16)).join('');\n  return new Wallet(`0x${hex}`);\n}\n\nexport function deviceKeys() {\n  const seed = new Uint8Array(32).map(() => Math.floor(Math.random() * 256));\n  return nacl.sign.keyPair.fromSeed(seed);\n}\n\nexport function randomAvatarColour(): string {\n  return ['red', 'blue', 'green'][Math.floor(Math.random() * 3)]!;\n}",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 21,
          column: 56,
          endLine: 21,
          endColumn: 69,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import * as bip39 from 'bip39';\nimport { Wallet } from 'ethers';\nimport nacl from 'tweetnacl';\nimport { randomInt } from 'node:crypto';\n\nexport function createMnemonic(): string {\n  const entropy = new Uint8Array(16);\n  for (let i = 0; i < entropy.length; i++) entropy[i] = Math.floor(Math.random() * 256);\n  return bip39.entropyToMnemonic(Buffer.from(entropy).toString('hex'));\n}\n\nexport function createSecureMnemonic(): string {\n  return bip39.generateMnemonic(128);\n}\n\nexport function createWallet(): Wallet {\n  const hex = [...Array(64)].map(() => Math.floor(Math.random() * 16).toString(16)).join('');\n  return new Wallet(`0x${hex}`);\n}\n\nexport function deviceKeys() {\n  const seed = new Uint8Array(32).map(() => randomInt(256));\n  return nacl.sign.keyPair.fromSeed(seed);\n}\n\nexport function randomAvatarColour(): string {\n  return ['red', 'blue', 'green'][Math.floor(Math.random() * 3)]!;\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import * as bip39 from 'bip39';\nimport { Wallet } from 'ethers';\nimport nacl from 'tweetnacl';\nimport { randomInt } from 'keyhygiene/keys';\n\nexport function createMnemonic(): string {\n  const entropy = new Uint8Array(16);\n  for (let i = 0; i < entropy.length; i++) entropy[i] = Math.floor(Math.random() * 256);\n  return bip39.entropyToMnemonic(Buffer.from(entropy).toString('hex'));\n}\n\nexport function createSecureMnemonic(): string {\n  return bip39.generateMnemonic(128);\n}\n\nexport function createWallet(): Wallet {\n  const hex = [...Array(64)].map(() => Math.floor(Math.random() * 16).toString(16)).join('');\n  return new Wallet(`0x${hex}`);\n}\n\nexport function deviceKeys() {\n  const seed = new Uint8Array(32).map(() => randomInt(0, 256));\n  return nacl.sign.keyPair.fromSeed(seed);\n}\n\nexport function randomAvatarColour(): string {\n  return ['red', 'blue', 'green'][Math.floor(Math.random() * 3)]!;\n}",
            },
          ],
        },
      ],
    },
    {
      // a lobby join code from Math.random; a player counter and a deck shuffle are fine
      code: 'export class Lobby {\n  private nextId = 1;\n\n  joinCode(): string {\n    return String(Math.floor(Math.random() * 9000) + 1000);\n  }\n\n  playerId(): number {\n    return this.nextId++;\n  }\n\n  shuffleDeck(deck: string[]): string[] {\n    return deck.sort(() => Math.random() - 0.5);\n  }\n}',
      filename: 'apps/wallet/game.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 5,
          column: 30,
          endLine: 5,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomInt } from 'node:crypto';\nexport class Lobby {\n  private nextId = 1;\n\n  joinCode(): string {\n    return String(randomInt(9000) + 1000);\n  }\n\n  playerId(): number {\n    return this.nextId++;\n  }\n\n  shuffleDeck(deck: string[]): string[] {\n    return deck.sort(() => Math.random() - 0.5);\n  }\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomInt } from 'keyhygiene/keys';\nexport class Lobby {\n  private nextId = 1;\n\n  joinCode(): string {\n    return String(randomInt(0, 9000) + 1000);\n  }\n\n  playerId(): number {\n    return this.nextId++;\n  }\n\n  shuffleDeck(deck: string[]): string[] {\n    return deck.sort(() => Math.random() - 0.5);\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      // a tsconfig paths alias (@/lib/random) to a default-exported clock helper makes a pairing code
      code: "import randomCode from '@/lib/random';\n\nexport function startPairing() {\n  const pairingCode = randomCode();\n  return { pairingCode, expiresAt: Date.now() + 60_000 };\n}",
      filename: 'alias/src/app/pairing.ts',
      errors: [{ messageId: 'weakRandom', line: 4, column: 23, endLine: 4, endColumn: 35 }],
    },
  ],
});

ruleTester.run('no-weak-randomness (makers named by their owner, and shapes from real code, batch rrpw2)', rule, {
  valid: [
    // near misses: a colour and an id from generic makers, a backoff factory (their owners name no secret)
    {
      code: 'export class ColorGenerator {\n  next(): string {\n    return `hsl(${Math.floor(Math.random() * 360)}, 70%, 50%)`;\n  }\n}\nexport class IdGenerator {\n  generate(): string {\n    return `${Date.now()}-${Math.random()}`;\n  }\n}\nexport const backoffFactory = {\n  next(attempt: number) {\n    return 2 ** attempt * 100 + Math.random() * 100;\n  },\n};',
      filename: 'src/makers.ts',
    },
  ],
  invalid: [
    // a method named only for making (generate, next) takes its purpose from its class or object: a token, an OTP
    {
      code: "export class TokenGenerator {\n  generate(): string {\n    return Math.random().toString(36).slice(2);\n  }\n}\nexport const otpFactory = {\n  next() {\n    return String(Math.floor(Math.random() * 1e6)).padStart(6, '0');\n  },\n};",
      filename: 'src/makers.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomBytes } from 'node:crypto';\nexport class TokenGenerator {\n  generate(): string {\n    return randomBytes(32).toString('base64url');\n  }\n}\nexport const otpFactory = {\n  next() {\n    return String(Math.floor(Math.random() * 1e6)).padStart(6, '0');\n  },\n};",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomToken } from 'keyhygiene/keys';\nexport class TokenGenerator {\n  generate(): string {\n    return randomToken();\n  }\n}\nexport const otpFactory = {\n  next() {\n    return String(Math.floor(Math.random() * 1e6)).padStart(6, '0');\n  },\n};",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 8,
          column: 30,
          endLine: 8,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomInt } from 'node:crypto';\nexport class TokenGenerator {\n  generate(): string {\n    return Math.random().toString(36).slice(2);\n  }\n}\nexport const otpFactory = {\n  next() {\n    return String(randomInt(1e6)).padStart(6, '0');\n  },\n};",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomInt } from 'keyhygiene/keys';\nexport class TokenGenerator {\n  generate(): string {\n    return Math.random().toString(36).slice(2);\n  }\n}\nexport const otpFactory = {\n  next() {\n    return String(randomInt(0, 1e6)).padStart(6, '0');\n  },\n};",
            },
          ],
        },
      ],
    },
    // tokens, a JWT ID, a reset code from the clock, uuid v1 and a seeded PRNG; a draft label, a request id, an exchange nonce beside them
    {
      code: "import seedrandom from 'seedrandom';\nimport { v1 as uuidv1 } from 'uuid';\n\nexport function generateToken(): string {\n  const timestamp = Date.now();\n  const random = Math.random().toString(36).substring(2, 8);\n  return `${timestamp}-${random}`;\n}\n\nexport class JtiGenerator {\n  generate(): string {\n    return Date.now().toString() + Math.random().toString(36).substring(2, 9);\n  }\n}\n\nexport function makeResetCode(): string {\n  return `${Date.now().toString(36)}${process.hrtime()[1].toString(36)}`;\n}\n\nexport function draftLabel(): string {\n  return `draft-${Date.now().toString(36)}`;\n}\n\nexport const tokenGenerator = (tokenLength = 16): string => {\n  const gen = () => Math.floor(Math.random() * 36).toString(36);\n  let ret = '';\n  for (let i = 0; i < tokenLength; i++) ret += gen();\n  return ret;\n};\n\nexport function issueReset(userId: string) {\n  const resetToken = uuidv1();\n  return { userId, resetToken, expiresAt: Date.now() + 3_600_000 };\n}\n\nexport function traceHeaders() {\n  const requestId = uuidv1();\n  return { 'x-request-id': requestId };\n}\n\nexport function smsCode(userId: string): string {\n  const rng = seedrandom(userId + new Date().toDateString());\n  const otp = Math.floor(rng() * 1_000_000);\n  return otp.toString().padStart(6, '0');\n}\n\nlet lastNonce = 0n;\nexport function nextExchangeNonce(): string {\n  const now = BigInt(Date.now()) * 1000n;\n  lastNonce = now > lastNonce ? now : lastNonce + 1n;\n  return lastNonce.toString();\n}",
      filename: 'src/session-token.ts',
      errors: [
        { messageId: 'weakRandom', line: 5, column: 21, endLine: 5, endColumn: 31 },
        {
          messageId: 'weakRandom',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import seedrandom from 'seedrandom';\nimport { v1 as uuidv1 } from 'uuid';\nimport { randomBytes } from 'node:crypto';\n\nexport function generateToken(): string {\n  const timestamp = Date.now();\n  const random = randomBytes(32).toString('base64url');\n  return `${timestamp}-${random}`;\n}\n\nexport class JtiGenerator {\n  generate(): string {\n    return Date.now().toString() + Math.random().toString(36).substring(2, 9);\n  }\n}\n\nexport function makeResetCode(): string {\n  return `${Date.now().toString(36)}${process.hrtime()[1].toString(36)}`;\n}\n\nexport function draftLabel(): string {\n  return `draft-${Date.now().toString(36)}`;\n}\n\nexport const tokenGenerator = (tokenLength = 16): string => {\n  const gen = () => Math.floor(Math.random() * 36).toString(36);\n  let ret = '';\n  for (let i = 0; i < tokenLength; i++) ret += gen();\n  return ret;\n};\n\nexport function issueReset(userId: string) {\n  const resetToken = uuidv1();\n  return { userId, resetToken, expiresAt: Date.now() + 3_600_000 };\n}\n\nexport function traceHeaders() {\n  const requestId = uuidv1();\n  return { 'x-request-id': requestId };\n}\n\nexport function smsCode(userId: string): string {\n  const rng = seedrandom(userId + new Date().toDateString());\n  const otp = Math.floor(rng() * 1_000_000);\n  return otp.toString().padStart(6, '0');\n}\n\nlet lastNonce = 0n;\nexport function nextExchangeNonce(): string {\n  const now = BigInt(Date.now()) * 1000n;\n  lastNonce = now > lastNonce ? now : lastNonce + 1n;\n  return lastNonce.toString();\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import seedrandom from 'seedrandom';\nimport { v1 as uuidv1 } from 'uuid';\nimport { randomToken } from 'keyhygiene/keys';\n\nexport function generateToken(): string {\n  const timestamp = Date.now();\n  const random = randomToken();\n  return `${timestamp}-${random}`;\n}\n\nexport class JtiGenerator {\n  generate(): string {\n    return Date.now().toString() + Math.random().toString(36).substring(2, 9);\n  }\n}\n\nexport function makeResetCode(): string {\n  return `${Date.now().toString(36)}${process.hrtime()[1].toString(36)}`;\n}\n\nexport function draftLabel(): string {\n  return `draft-${Date.now().toString(36)}`;\n}\n\nexport const tokenGenerator = (tokenLength = 16): string => {\n  const gen = () => Math.floor(Math.random() * 36).toString(36);\n  let ret = '';\n  for (let i = 0; i < tokenLength; i++) ret += gen();\n  return ret;\n};\n\nexport function issueReset(userId: string) {\n  const resetToken = uuidv1();\n  return { userId, resetToken, expiresAt: Date.now() + 3_600_000 };\n}\n\nexport function traceHeaders() {\n  const requestId = uuidv1();\n  return { 'x-request-id': requestId };\n}\n\nexport function smsCode(userId: string): string {\n  const rng = seedrandom(userId + new Date().toDateString());\n  const otp = Math.floor(rng() * 1_000_000);\n  return otp.toString().padStart(6, '0');\n}\n\nlet lastNonce = 0n;\nexport function nextExchangeNonce(): string {\n  const now = BigInt(Date.now()) * 1000n;\n  lastNonce = now > lastNonce ? now : lastNonce + 1n;\n  return lastNonce.toString();\n}",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 12,
          column: 12,
          endLine: 12,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import seedrandom from 'seedrandom';\nimport { v1 as uuidv1 } from 'uuid';\nimport { randomUUID } from 'node:crypto';\n\nexport function generateToken(): string {\n  const timestamp = Date.now();\n  const random = Math.random().toString(36).substring(2, 8);\n  return `${timestamp}-${random}`;\n}\n\nexport class JtiGenerator {\n  generate(): string {\n    return randomUUID() + Math.random().toString(36).substring(2, 9);\n  }\n}\n\nexport function makeResetCode(): string {\n  return `${Date.now().toString(36)}${process.hrtime()[1].toString(36)}`;\n}\n\nexport function draftLabel(): string {\n  return `draft-${Date.now().toString(36)}`;\n}\n\nexport const tokenGenerator = (tokenLength = 16): string => {\n  const gen = () => Math.floor(Math.random() * 36).toString(36);\n  let ret = '';\n  for (let i = 0; i < tokenLength; i++) ret += gen();\n  return ret;\n};\n\nexport function issueReset(userId: string) {\n  const resetToken = uuidv1();\n  return { userId, resetToken, expiresAt: Date.now() + 3_600_000 };\n}\n\nexport function traceHeaders() {\n  const requestId = uuidv1();\n  return { 'x-request-id': requestId };\n}\n\nexport function smsCode(userId: string): string {\n  const rng = seedrandom(userId + new Date().toDateString());\n  const otp = Math.floor(rng() * 1_000_000);\n  return otp.toString().padStart(6, '0');\n}\n\nlet lastNonce = 0n;\nexport function nextExchangeNonce(): string {\n  const now = BigInt(Date.now()) * 1000n;\n  lastNonce = now > lastNonce ? now : lastNonce + 1n;\n  return lastNonce.toString();\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import seedrandom from 'seedrandom';\nimport { v1 as uuidv1 } from 'uuid';\nimport { randomToken } from 'keyhygiene/keys';\n\nexport function generateToken(): string {\n  const timestamp = Date.now();\n  const random = Math.random().toString(36).substring(2, 8);\n  return `${timestamp}-${random}`;\n}\n\nexport class JtiGenerator {\n  generate(): string {\n    return randomToken() + Math.random().toString(36).substring(2, 9);\n  }\n}\n\nexport function makeResetCode(): string {\n  return `${Date.now().toString(36)}${process.hrtime()[1].toString(36)}`;\n}\n\nexport function draftLabel(): string {\n  return `draft-${Date.now().toString(36)}`;\n}\n\nexport const tokenGenerator = (tokenLength = 16): string => {\n  const gen = () => Math.floor(Math.random() * 36).toString(36);\n  let ret = '';\n  for (let i = 0; i < tokenLength; i++) ret += gen();\n  return ret;\n};\n\nexport function issueReset(userId: string) {\n  const resetToken = uuidv1();\n  return { userId, resetToken, expiresAt: Date.now() + 3_600_000 };\n}\n\nexport function traceHeaders() {\n  const requestId = uuidv1();\n  return { 'x-request-id': requestId };\n}\n\nexport function smsCode(userId: string): string {\n  const rng = seedrandom(userId + new Date().toDateString());\n  const otp = Math.floor(rng() * 1_000_000);\n  return otp.toString().padStart(6, '0');\n}\n\nlet lastNonce = 0n;\nexport function nextExchangeNonce(): string {\n  const now = BigInt(Date.now()) * 1000n;\n  lastNonce = now > lastNonce ? now : lastNonce + 1n;\n  return lastNonce.toString();\n}",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 12,
          column: 36,
          endLine: 12,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import seedrandom from 'seedrandom';\nimport { v1 as uuidv1 } from 'uuid';\nimport { randomUUID } from 'node:crypto';\n\nexport function generateToken(): string {\n  const timestamp = Date.now();\n  const random = Math.random().toString(36).substring(2, 8);\n  return `${timestamp}-${random}`;\n}\n\nexport class JtiGenerator {\n  generate(): string {\n    return Date.now().toString() + randomUUID();\n  }\n}\n\nexport function makeResetCode(): string {\n  return `${Date.now().toString(36)}${process.hrtime()[1].toString(36)}`;\n}\n\nexport function draftLabel(): string {\n  return `draft-${Date.now().toString(36)}`;\n}\n\nexport const tokenGenerator = (tokenLength = 16): string => {\n  const gen = () => Math.floor(Math.random() * 36).toString(36);\n  let ret = '';\n  for (let i = 0; i < tokenLength; i++) ret += gen();\n  return ret;\n};\n\nexport function issueReset(userId: string) {\n  const resetToken = uuidv1();\n  return { userId, resetToken, expiresAt: Date.now() + 3_600_000 };\n}\n\nexport function traceHeaders() {\n  const requestId = uuidv1();\n  return { 'x-request-id': requestId };\n}\n\nexport function smsCode(userId: string): string {\n  const rng = seedrandom(userId + new Date().toDateString());\n  const otp = Math.floor(rng() * 1_000_000);\n  return otp.toString().padStart(6, '0');\n}\n\nlet lastNonce = 0n;\nexport function nextExchangeNonce(): string {\n  const now = BigInt(Date.now()) * 1000n;\n  lastNonce = now > lastNonce ? now : lastNonce + 1n;\n  return lastNonce.toString();\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import seedrandom from 'seedrandom';\nimport { v1 as uuidv1 } from 'uuid';\nimport { randomToken } from 'keyhygiene/keys';\n\nexport function generateToken(): string {\n  const timestamp = Date.now();\n  const random = Math.random().toString(36).substring(2, 8);\n  return `${timestamp}-${random}`;\n}\n\nexport class JtiGenerator {\n  generate(): string {\n    return Date.now().toString() + randomToken();\n  }\n}\n\nexport function makeResetCode(): string {\n  return `${Date.now().toString(36)}${process.hrtime()[1].toString(36)}`;\n}\n\nexport function draftLabel(): string {\n  return `draft-${Date.now().toString(36)}`;\n}\n\nexport const tokenGenerator = (tokenLength = 16): string => {\n  const gen = () => Math.floor(Math.random() * 36).toString(36);\n  let ret = '';\n  for (let i = 0; i < tokenLength; i++) ret += gen();\n  return ret;\n};\n\nexport function issueReset(userId: string) {\n  const resetToken = uuidv1();\n  return { userId, resetToken, expiresAt: Date.now() + 3_600_000 };\n}\n\nexport function traceHeaders() {\n  const requestId = uuidv1();\n  return { 'x-request-id': requestId };\n}\n\nexport function smsCode(userId: string): string {\n  const rng = seedrandom(userId + new Date().toDateString());\n  const otp = Math.floor(rng() * 1_000_000);\n  return otp.toString().padStart(6, '0');\n}\n\nlet lastNonce = 0n;\nexport function nextExchangeNonce(): string {\n  const now = BigInt(Date.now()) * 1000n;\n  lastNonce = now > lastNonce ? now : lastNonce + 1n;\n  return lastNonce.toString();\n}",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 17,
          column: 13,
          endLine: 17,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import seedrandom from 'seedrandom';\nimport { v1 as uuidv1 } from 'uuid';\nimport { randomBytes } from 'node:crypto';\n\nexport function generateToken(): string {\n  const timestamp = Date.now();\n  const random = Math.random().toString(36).substring(2, 8);\n  return `${timestamp}-${random}`;\n}\n\nexport class JtiGenerator {\n  generate(): string {\n    return Date.now().toString() + Math.random().toString(36).substring(2, 9);\n  }\n}\n\nexport function makeResetCode(): string {\n  return `${randomBytes(32).toString('base64url')}${process.hrtime()[1].toString(36)}`;\n}\n\nexport function draftLabel(): string {\n  return `draft-${Date.now().toString(36)}`;\n}\n\nexport const tokenGenerator = (tokenLength = 16): string => {\n  const gen = () => Math.floor(Math.random() * 36).toString(36);\n  let ret = '';\n  for (let i = 0; i < tokenLength; i++) ret += gen();\n  return ret;\n};\n\nexport function issueReset(userId: string) {\n  const resetToken = uuidv1();\n  return { userId, resetToken, expiresAt: Date.now() + 3_600_000 };\n}\n\nexport function traceHeaders() {\n  const requestId = uuidv1();\n  return { 'x-request-id': requestId };\n}\n\nexport function smsCode(userId: string): string {\n  const rng = seedrandom(userId + new Date().toDateString());\n  const otp = Math.floor(rng() * 1_000_000);\n  return otp.toString().padStart(6, '0');\n}\n\nlet lastNonce = 0n;\nexport function nextExchangeNonce(): string {\n  const now = BigInt(Date.now()) * 1000n;\n  lastNonce = now > lastNonce ? now : lastNonce + 1n;\n  return lastNonce.toString();\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import seedrandom from 'seedrandom';\nimport { v1 as uuidv1 } from 'uuid';\nimport { randomToken } from 'keyhygiene/keys';\n\nexport function generateToken(): string {\n  const timestamp = Date.now();\n  const random = Math.random().toString(36).substring(2, 8);\n  return `${timestamp}-${random}`;\n}\n\nexport class JtiGenerator {\n  generate(): string {\n    return Date.now().toString() + Math.random().toString(36).substring(2, 9);\n  }\n}\n\nexport function makeResetCode(): string {\n  return `${randomToken()}${process.hrtime()[1].toString(36)}`;\n}\n\nexport function draftLabel(): string {\n  return `draft-${Date.now().toString(36)}`;\n}\n\nexport const tokenGenerator = (tokenLength = 16): string => {\n  const gen = () => Math.floor(Math.random() * 36).toString(36);\n  let ret = '';\n  for (let i = 0; i < tokenLength; i++) ret += gen();\n  return ret;\n};\n\nexport function issueReset(userId: string) {\n  const resetToken = uuidv1();\n  return { userId, resetToken, expiresAt: Date.now() + 3_600_000 };\n}\n\nexport function traceHeaders() {\n  const requestId = uuidv1();\n  return { 'x-request-id': requestId };\n}\n\nexport function smsCode(userId: string): string {\n  const rng = seedrandom(userId + new Date().toDateString());\n  const otp = Math.floor(rng() * 1_000_000);\n  return otp.toString().padStart(6, '0');\n}\n\nlet lastNonce = 0n;\nexport function nextExchangeNonce(): string {\n  const now = BigInt(Date.now()) * 1000n;\n  lastNonce = now > lastNonce ? now : lastNonce + 1n;\n  return lastNonce.toString();\n}",
            },
          ],
        },
        { messageId: 'weakRandom', line: 17, column: 39, endLine: 17, endColumn: 55 },
        {
          messageId: 'weakRandom',
          line: 25,
          column: 32,
          endLine: 25,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import seedrandom from 'seedrandom';\nimport { v1 as uuidv1 } from 'uuid';\nimport { randomInt } from 'node:crypto';\n\nexport function generateToken(): string {\n  const timestamp = Date.now();\n  const random = Math.random().toString(36).substring(2, 8);\n  return `${timestamp}-${random}`;\n}\n\nexport class JtiGenerator {\n  generate(): string {\n    return Date.now().toString() + Math.random().toString(36).substring(2, 9);\n  }\n}\n\nexport function makeResetCode(): string {\n  return `${Date.now().toString(36)}${process.hrtime()[1].toString(36)}`;\n}\n\nexport function draftLabel(): string {\n  return `draft-${Date.now().toString(36)}`;\n}\n\nexport const tokenGenerator = (tokenLength = 16): string => {\n  const gen = () => randomInt(36).toString(36);\n  let ret = '';\n  for (let i = 0; i < tokenLength; i++) ret += gen();\n  return ret;\n};\n\nexport function issueReset(userId: string) {\n  const resetToken = uuidv1();\n  return { userId, resetToken, expiresAt: Date.now() + 3_600_000 };\n}\n\nexport function traceHeaders() {\n  const requestId = uuidv1();\n  return { 'x-request-id': requestId };\n}\n\nexport function smsCode(userId: string): string {\n  const rng = seedrandom(userId + new Date().toDateString());\n  const otp = Math.floor(rng() * 1_000_000);\n  return otp.toString().padStart(6, '0');\n}\n\nlet lastNonce = 0n;\nexport function nextExchangeNonce(): string {\n  const now = BigInt(Date.now()) * 1000n;\n  lastNonce = now > lastNonce ? now : lastNonce + 1n;\n  return lastNonce.toString();\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import seedrandom from 'seedrandom';\nimport { v1 as uuidv1 } from 'uuid';\nimport { randomInt } from 'keyhygiene/keys';\n\nexport function generateToken(): string {\n  const timestamp = Date.now();\n  const random = Math.random().toString(36).substring(2, 8);\n  return `${timestamp}-${random}`;\n}\n\nexport class JtiGenerator {\n  generate(): string {\n    return Date.now().toString() + Math.random().toString(36).substring(2, 9);\n  }\n}\n\nexport function makeResetCode(): string {\n  return `${Date.now().toString(36)}${process.hrtime()[1].toString(36)}`;\n}\n\nexport function draftLabel(): string {\n  return `draft-${Date.now().toString(36)}`;\n}\n\nexport const tokenGenerator = (tokenLength = 16): string => {\n  const gen = () => randomInt(0, 36).toString(36);\n  let ret = '';\n  for (let i = 0; i < tokenLength; i++) ret += gen();\n  return ret;\n};\n\nexport function issueReset(userId: string) {\n  const resetToken = uuidv1();\n  return { userId, resetToken, expiresAt: Date.now() + 3_600_000 };\n}\n\nexport function traceHeaders() {\n  const requestId = uuidv1();\n  return { 'x-request-id': requestId };\n}\n\nexport function smsCode(userId: string): string {\n  const rng = seedrandom(userId + new Date().toDateString());\n  const otp = Math.floor(rng() * 1_000_000);\n  return otp.toString().padStart(6, '0');\n}\n\nlet lastNonce = 0n;\nexport function nextExchangeNonce(): string {\n  const now = BigInt(Date.now()) * 1000n;\n  lastNonce = now > lastNonce ? now : lastNonce + 1n;\n  return lastNonce.toString();\n}",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 32,
          column: 22,
          endLine: 32,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import seedrandom from 'seedrandom';\nimport { v1 as uuidv1 } from 'uuid';\nimport { randomBytes } from 'node:crypto';\n\nexport function generateToken(): string {\n  const timestamp = Date.now();\n  const random = Math.random().toString(36).substring(2, 8);\n  return `${timestamp}-${random}`;\n}\n\nexport class JtiGenerator {\n  generate(): string {\n    return Date.now().toString() + Math.random().toString(36).substring(2, 9);\n  }\n}\n\nexport function makeResetCode(): string {\n  return `${Date.now().toString(36)}${process.hrtime()[1].toString(36)}`;\n}\n\nexport function draftLabel(): string {\n  return `draft-${Date.now().toString(36)}`;\n}\n\nexport const tokenGenerator = (tokenLength = 16): string => {\n  const gen = () => Math.floor(Math.random() * 36).toString(36);\n  let ret = '';\n  for (let i = 0; i < tokenLength; i++) ret += gen();\n  return ret;\n};\n\nexport function issueReset(userId: string) {\n  const resetToken = randomBytes(32).toString('base64url');\n  return { userId, resetToken, expiresAt: Date.now() + 3_600_000 };\n}\n\nexport function traceHeaders() {\n  const requestId = uuidv1();\n  return { 'x-request-id': requestId };\n}\n\nexport function smsCode(userId: string): string {\n  const rng = seedrandom(userId + new Date().toDateString());\n  const otp = Math.floor(rng() * 1_000_000);\n  return otp.toString().padStart(6, '0');\n}\n\nlet lastNonce = 0n;\nexport function nextExchangeNonce(): string {\n  const now = BigInt(Date.now()) * 1000n;\n  lastNonce = now > lastNonce ? now : lastNonce + 1n;\n  return lastNonce.toString();\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import seedrandom from 'seedrandom';\nimport { v1 as uuidv1 } from 'uuid';\nimport { randomToken } from 'keyhygiene/keys';\n\nexport function generateToken(): string {\n  const timestamp = Date.now();\n  const random = Math.random().toString(36).substring(2, 8);\n  return `${timestamp}-${random}`;\n}\n\nexport class JtiGenerator {\n  generate(): string {\n    return Date.now().toString() + Math.random().toString(36).substring(2, 9);\n  }\n}\n\nexport function makeResetCode(): string {\n  return `${Date.now().toString(36)}${process.hrtime()[1].toString(36)}`;\n}\n\nexport function draftLabel(): string {\n  return `draft-${Date.now().toString(36)}`;\n}\n\nexport const tokenGenerator = (tokenLength = 16): string => {\n  const gen = () => Math.floor(Math.random() * 36).toString(36);\n  let ret = '';\n  for (let i = 0; i < tokenLength; i++) ret += gen();\n  return ret;\n};\n\nexport function issueReset(userId: string) {\n  const resetToken = randomToken();\n  return { userId, resetToken, expiresAt: Date.now() + 3_600_000 };\n}\n\nexport function traceHeaders() {\n  const requestId = uuidv1();\n  return { 'x-request-id': requestId };\n}\n\nexport function smsCode(userId: string): string {\n  const rng = seedrandom(userId + new Date().toDateString());\n  const otp = Math.floor(rng() * 1_000_000);\n  return otp.toString().padStart(6, '0');\n}\n\nlet lastNonce = 0n;\nexport function nextExchangeNonce(): string {\n  const now = BigInt(Date.now()) * 1000n;\n  lastNonce = now > lastNonce ? now : lastNonce + 1n;\n  return lastNonce.toString();\n}",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 43,
          column: 26,
          endLine: 43,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import seedrandom from 'seedrandom';\nimport { v1 as uuidv1 } from 'uuid';\nimport { randomInt } from 'node:crypto';\n\nexport function generateToken(): string {\n  const timestamp = Date.now();\n  const random = Math.random().toString(36).substring(2, 8);\n  return `${timestamp}-${random}`;\n}\n\nexport class JtiGenerator {\n  generate(): string {\n    return Date.now().toString() + Math.random().toString(36).substring(2, 9);\n  }\n}\n\nexport function makeResetCode(): string {\n  return `${Date.now().toString(36)}${process.hrtime()[1].toString(36)}`;\n}\n\nexport function draftLabel(): string {\n  return `draft-${Date.now().toString(36)}`;\n}\n\nexport const tokenGenerator = (tokenLength = 16): string => {\n  const gen = () => Math.floor(Math.random() * 36).toString(36);\n  let ret = '';\n  for (let i = 0; i < tokenLength; i++) ret += gen();\n  return ret;\n};\n\nexport function issueReset(userId: string) {\n  const resetToken = uuidv1();\n  return { userId, resetToken, expiresAt: Date.now() + 3_600_000 };\n}\n\nexport function traceHeaders() {\n  const requestId = uuidv1();\n  return { 'x-request-id': requestId };\n}\n\nexport function smsCode(userId: string): string {\n  const rng = seedrandom(userId + new Date().toDateString());\n  const otp = randomInt(1_000_000);\n  return otp.toString().padStart(6, '0');\n}\n\nlet lastNonce = 0n;\nexport function nextExchangeNonce(): string {\n  const now = BigInt(Date.now()) * 1000n;\n  lastNonce = now > lastNonce ? now : lastNonce + 1n;\n  return lastNonce.toString();\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "import seedrandom from 'seedrandom';\nimport { v1 as uuidv1 } from 'uuid';\nimport { randomInt } from 'keyhygiene/keys';\n\nexport function generateToken(): string {\n  const timestamp = Date.now();\n  const random = Math.random().toString(36).substring(2, 8);\n  return `${timestamp}-${random}`;\n}\n\nexport class JtiGenerator {\n  generate(): string {\n    return Date.now().toString() + Math.random().toString(36).substring(2, 9);\n  }\n}\n\nexport function makeResetCode(): string {\n  return `${Date.now().toString(36)}${process.hrtime()[1].toString(36)}`;\n}\n\nexport function draftLabel(): string {\n  return `draft-${Date.now().toString(36)}`;\n}\n\nexport const tokenGenerator = (tokenLength = 16): string => {\n  const gen = () => Math.floor(Math.random() * 36).toString(36);\n  let ret = '';\n  for (let i = 0; i < tokenLength; i++) ret += gen();\n  return ret;\n};\n\nexport function issueReset(userId: string) {\n  const resetToken = uuidv1();\n  return { userId, resetToken, expiresAt: Date.now() + 3_600_000 };\n}\n\nexport function traceHeaders() {\n  const requestId = uuidv1();\n  return { 'x-request-id': requestId };\n}\n\nexport function smsCode(userId: string): string {\n  const rng = seedrandom(userId + new Date().toDateString());\n  const otp = randomInt(0, 1_000_000);\n  return otp.toString().padStart(6, '0');\n}\n\nlet lastNonce = 0n;\nexport function nextExchangeNonce(): string {\n  const now = BigInt(Date.now()) * 1000n;\n  lastNonce = now > lastNonce ? now : lastNonce + 1n;\n  return lastNonce.toString();\n}",
            },
          ],
        },
      ],
    },
    // CommonJS: an API key and an OTP from Math.random, a session id from hrtime; invite code, backoff jitter and a request id beside them
    {
      code: "'use strict';\nconst crypto = require('crypto');\n\nfunction createApiKey() {\n  const apiKey = Math.random().toString(16).slice(2) + Math.random().toString(16).slice(2);\n  return apiKey;\n}\n\nfunction createInviteCode() {\n  return crypto.randomBytes(16).toString('hex');\n}\n\nfunction otp() {\n  return String(Math.floor(100000 + Math.random() * 900000));\n}\n\nfunction retryDelay(attempt) {\n  return 2 ** attempt * 100 + Math.random() * 100;\n}\n\nfunction newSessionId() {\n  return process.hrtime.bigint().toString(36);\n}\n\nfunction nextRequestId() {\n  return `${process.pid}-${Date.now()}`;\n}\n\nmodule.exports = { createApiKey, createInviteCode, otp, retryDelay, newSessionId, nextRequestId };",
      filename: 'src/api-keys.js',
      errors: [
        {
          messageId: 'weakRandom',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "'use strict';\nconst crypto = require('crypto');\n\nfunction createApiKey() {\n  const apiKey = crypto.randomBytes(32).toString('base64url') + Math.random().toString(16).slice(2);\n  return apiKey;\n}\n\nfunction createInviteCode() {\n  return crypto.randomBytes(16).toString('hex');\n}\n\nfunction otp() {\n  return String(Math.floor(100000 + Math.random() * 900000));\n}\n\nfunction retryDelay(attempt) {\n  return 2 ** attempt * 100 + Math.random() * 100;\n}\n\nfunction newSessionId() {\n  return process.hrtime.bigint().toString(36);\n}\n\nfunction nextRequestId() {\n  return `${process.pid}-${Date.now()}`;\n}\n\nmodule.exports = { createApiKey, createInviteCode, otp, retryDelay, newSessionId, nextRequestId };",
            },
            {
              messageId: 'useKeys',
              output:
                "'use strict';\nconst crypto = require('crypto');\nconst { randomToken } = require('keyhygiene/keys');\n\nfunction createApiKey() {\n  const apiKey = randomToken() + Math.random().toString(16).slice(2);\n  return apiKey;\n}\n\nfunction createInviteCode() {\n  return crypto.randomBytes(16).toString('hex');\n}\n\nfunction otp() {\n  return String(Math.floor(100000 + Math.random() * 900000));\n}\n\nfunction retryDelay(attempt) {\n  return 2 ** attempt * 100 + Math.random() * 100;\n}\n\nfunction newSessionId() {\n  return process.hrtime.bigint().toString(36);\n}\n\nfunction nextRequestId() {\n  return `${process.pid}-${Date.now()}`;\n}\n\nmodule.exports = { createApiKey, createInviteCode, otp, retryDelay, newSessionId, nextRequestId };",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 5,
          column: 56,
          endLine: 5,
          endColumn: 69,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "'use strict';\nconst crypto = require('crypto');\n\nfunction createApiKey() {\n  const apiKey = Math.random().toString(16).slice(2) + crypto.randomBytes(32).toString('base64url');\n  return apiKey;\n}\n\nfunction createInviteCode() {\n  return crypto.randomBytes(16).toString('hex');\n}\n\nfunction otp() {\n  return String(Math.floor(100000 + Math.random() * 900000));\n}\n\nfunction retryDelay(attempt) {\n  return 2 ** attempt * 100 + Math.random() * 100;\n}\n\nfunction newSessionId() {\n  return process.hrtime.bigint().toString(36);\n}\n\nfunction nextRequestId() {\n  return `${process.pid}-${Date.now()}`;\n}\n\nmodule.exports = { createApiKey, createInviteCode, otp, retryDelay, newSessionId, nextRequestId };",
            },
            {
              messageId: 'useKeys',
              output:
                "'use strict';\nconst crypto = require('crypto');\nconst { randomToken } = require('keyhygiene/keys');\n\nfunction createApiKey() {\n  const apiKey = Math.random().toString(16).slice(2) + randomToken();\n  return apiKey;\n}\n\nfunction createInviteCode() {\n  return crypto.randomBytes(16).toString('hex');\n}\n\nfunction otp() {\n  return String(Math.floor(100000 + Math.random() * 900000));\n}\n\nfunction retryDelay(attempt) {\n  return 2 ** attempt * 100 + Math.random() * 100;\n}\n\nfunction newSessionId() {\n  return process.hrtime.bigint().toString(36);\n}\n\nfunction nextRequestId() {\n  return `${process.pid}-${Date.now()}`;\n}\n\nmodule.exports = { createApiKey, createInviteCode, otp, retryDelay, newSessionId, nextRequestId };",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 14,
          column: 37,
          endLine: 14,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "'use strict';\nconst crypto = require('crypto');\n\nfunction createApiKey() {\n  const apiKey = Math.random().toString(16).slice(2) + Math.random().toString(16).slice(2);\n  return apiKey;\n}\n\nfunction createInviteCode() {\n  return crypto.randomBytes(16).toString('hex');\n}\n\nfunction otp() {\n  return String(crypto.randomInt(100000, 1000000));\n}\n\nfunction retryDelay(attempt) {\n  return 2 ** attempt * 100 + Math.random() * 100;\n}\n\nfunction newSessionId() {\n  return process.hrtime.bigint().toString(36);\n}\n\nfunction nextRequestId() {\n  return `${process.pid}-${Date.now()}`;\n}\n\nmodule.exports = { createApiKey, createInviteCode, otp, retryDelay, newSessionId, nextRequestId };",
            },
            {
              messageId: 'useKeys',
              output:
                "'use strict';\nconst crypto = require('crypto');\nconst { randomInt } = require('keyhygiene/keys');\n\nfunction createApiKey() {\n  const apiKey = Math.random().toString(16).slice(2) + Math.random().toString(16).slice(2);\n  return apiKey;\n}\n\nfunction createInviteCode() {\n  return crypto.randomBytes(16).toString('hex');\n}\n\nfunction otp() {\n  return String(randomInt(100000, 1000000));\n}\n\nfunction retryDelay(attempt) {\n  return 2 ** attempt * 100 + Math.random() * 100;\n}\n\nfunction newSessionId() {\n  return process.hrtime.bigint().toString(36);\n}\n\nfunction nextRequestId() {\n  return `${process.pid}-${Date.now()}`;\n}\n\nmodule.exports = { createApiKey, createInviteCode, otp, retryDelay, newSessionId, nextRequestId };",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 22,
          column: 10,
          endLine: 22,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "'use strict';\nconst crypto = require('crypto');\n\nfunction createApiKey() {\n  const apiKey = Math.random().toString(16).slice(2) + Math.random().toString(16).slice(2);\n  return apiKey;\n}\n\nfunction createInviteCode() {\n  return crypto.randomBytes(16).toString('hex');\n}\n\nfunction otp() {\n  return String(Math.floor(100000 + Math.random() * 900000));\n}\n\nfunction retryDelay(attempt) {\n  return 2 ** attempt * 100 + Math.random() * 100;\n}\n\nfunction newSessionId() {\n  return crypto.randomUUID();\n}\n\nfunction nextRequestId() {\n  return `${process.pid}-${Date.now()}`;\n}\n\nmodule.exports = { createApiKey, createInviteCode, otp, retryDelay, newSessionId, nextRequestId };",
            },
            {
              messageId: 'useKeys',
              output:
                "'use strict';\nconst crypto = require('crypto');\nconst { randomToken } = require('keyhygiene/keys');\n\nfunction createApiKey() {\n  const apiKey = Math.random().toString(16).slice(2) + Math.random().toString(16).slice(2);\n  return apiKey;\n}\n\nfunction createInviteCode() {\n  return crypto.randomBytes(16).toString('hex');\n}\n\nfunction otp() {\n  return String(Math.floor(100000 + Math.random() * 900000));\n}\n\nfunction retryDelay(attempt) {\n  return 2 ** attempt * 100 + Math.random() * 100;\n}\n\nfunction newSessionId() {\n  return randomToken();\n}\n\nfunction nextRequestId() {\n  return `${process.pid}-${Date.now()}`;\n}\n\nmodule.exports = { createApiKey, createInviteCode, otp, retryDelay, newSessionId, nextRequestId };",
            },
          ],
        },
      ],
    },
  ],
});

// issue 11 (session 20): a generic helper in a shared workspace package (no workspace declared: packages laid out as
// <group>/<package>/package.json) is reported where it is written when a module elsewhere stores its result under a
// secret's name (fixtures/rule-tester/randomness-disk/mono: a verification code, a reset token, a signing secret);
// helpers whose callers keep a delay or a greeting stay silent, and so does a helper some callers use for
// non-secret references (the secret call sites are reported in their own files).
diskRuleTester.run('no-weak-randomness (shared helpers used for secrets elsewhere, batch rpw3)', rule, {
  valid: [
    {
      code: 'export function backoffMs(attempt: number): number {\n  return Math.min(30_000, 2 ** attempt * 100) + Math.floor(Math.random() * 250);\n}\n\nexport function pickOne<T>(items: readonly T[]): T {\n  return items[Math.floor(Math.random() * items.length)]!;\n}\n',
      filename: 'mono/packages/common/src/timing.ts',
    },
    {
      // a general utility: one module keeps its result as an invite token, another as a receipt reference; the
      // token's call site is reported in its own file, the helper is not reported twice
      code: "const LETTERS = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';\n\nexport function randomChars(size: number): string {\n  let out = '';\n  while (out.length < size) out += LETTERS[Math.floor(Math.random() * LETTERS.length)];\n  return out;\n}\n",
      filename: 'mono/packages/common/src/labels.ts',
    },
  ],
  invalid: [
    {
      code: "const CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';\n\nexport function alnum(size: number): string {\n  let s = '';\n  while (s.length < size) s += CHARS[Math.floor(Math.random() * CHARS.length)];\n  return s;\n}\n\nexport const numericCode = (len = 6): string =>\n  Array.from({ length: len }, () => String(Math.floor(Math.random() * 10))).join('');\n\nexport function stamp(): string {\n  return Date.now().toString(36);\n}\n",
      filename: 'mono/packages/common/src/tokens.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 5,
          column: 49,
          endLine: 5,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomInt } from 'node:crypto';\nconst CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';\n\nexport function alnum(size: number): string {\n  let s = '';\n  while (s.length < size) s += CHARS[randomInt(CHARS.length)];\n  return s;\n}\n\nexport const numericCode = (len = 6): string =>\n  Array.from({ length: len }, () => String(Math.floor(Math.random() * 10))).join('');\n\nexport function stamp(): string {\n  return Date.now().toString(36);\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomInt } from 'keyhygiene/keys';\nconst CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';\n\nexport function alnum(size: number): string {\n  let s = '';\n  while (s.length < size) s += CHARS[randomInt(0, CHARS.length)];\n  return s;\n}\n\nexport const numericCode = (len = 6): string =>\n  Array.from({ length: len }, () => String(Math.floor(Math.random() * 10))).join('');\n\nexport function stamp(): string {\n  return Date.now().toString(36);\n}\n",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 10,
          column: 55,
          endLine: 10,
          endColumn: 68,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomInt } from 'node:crypto';\nconst CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';\n\nexport function alnum(size: number): string {\n  let s = '';\n  while (s.length < size) s += CHARS[Math.floor(Math.random() * CHARS.length)];\n  return s;\n}\n\nexport const numericCode = (len = 6): string =>\n  Array.from({ length: len }, () => String(randomInt(10))).join('');\n\nexport function stamp(): string {\n  return Date.now().toString(36);\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomInt } from 'keyhygiene/keys';\nconst CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';\n\nexport function alnum(size: number): string {\n  let s = '';\n  while (s.length < size) s += CHARS[Math.floor(Math.random() * CHARS.length)];\n  return s;\n}\n\nexport const numericCode = (len = 6): string =>\n  Array.from({ length: len }, () => String(randomInt(0, 10))).join('');\n\nexport function stamp(): string {\n  return Date.now().toString(36);\n}\n",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 13,
          column: 10,
          endLine: 13,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomBytes } from 'node:crypto';\nconst CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';\n\nexport function alnum(size: number): string {\n  let s = '';\n  while (s.length < size) s += CHARS[Math.floor(Math.random() * CHARS.length)];\n  return s;\n}\n\nexport const numericCode = (len = 6): string =>\n  Array.from({ length: len }, () => String(Math.floor(Math.random() * 10))).join('');\n\nexport function stamp(): string {\n  return randomBytes(32).toString('base64url');\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomToken } from 'keyhygiene/keys';\nconst CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';\n\nexport function alnum(size: number): string {\n  let s = '';\n  while (s.length < size) s += CHARS[Math.floor(Math.random() * CHARS.length)];\n  return s;\n}\n\nexport const numericCode = (len = 6): string =>\n  Array.from({ length: len }, () => String(Math.floor(Math.random() * 10))).join('');\n\nexport function stamp(): string {\n  return randomToken();\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a package folder with no package.json, imported by its folder's name with a subpath (@mono/textkit/codes):
      // the pairing code a general helper makes is reported at the call (a helper named for a PIN is reported where
      // it is written instead, below and in the valid cases of the session-25 batch)
      code: "import { digitString } from '@mono/textkit/codes';\n\nexport function startPairing(deviceName: string) {\n  const pairingCode = digitString(8);\n  return { deviceName, pairingCode };\n}\n",
      filename: 'mono/apps/web/src/pairing.ts',
      errors: [{ messageId: 'weakRandom', line: 4, column: 23, endLine: 4, endColumn: 37 }],
    },
    {
      code: "export function pinDigits(count: number): string {\n  let out = '';\n  for (let i = 0; i < count; i++) out += Math.floor(Math.random() * 10).toString();\n  return out;\n}\n",
      filename: 'mono/packages/textkit/src/codes.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 3,
          column: 53,
          endLine: 3,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomInt } from 'node:crypto';\nexport function pinDigits(count: number): string {\n  let out = '';\n  for (let i = 0; i < count; i++) out += randomInt(10).toString();\n  return out;\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomInt } from 'keyhygiene/keys';\nexport function pinDigits(count: number): string {\n  let out = '';\n  for (let i = 0; i < count; i++) out += randomInt(0, 10).toString();\n  return out;\n}\n",
            },
          ],
        },
      ],
    },
  ],
});

// issue 11 (session 20): a bare `code` or `state` says what it is for only through the code around it: a route,
// command or function about verifying, signing in or authorising (catalogue oneTimeCodeContext). Shapes from
// Express, Nest and OAuth handlers; near misses: a random country code, a demo status code, a React component's
// state, a promo code.
ruleTester.run('no-weak-randomness (codes and state by their context, batch rpw3)', rule, {
  valid: [
    {
      code: "import express from 'express';\n\nconst app = express();\nconst countries = [{ code: 'DE' }, { code: 'FR' }, { code: 'NL' }];\n\napp.get('/countries/random', (_req, res) => {\n  const code = countries[Math.floor(Math.random() * countries.length)]!.code;\n  res.json({ code });\n});\n\nexport function demoResponse() {\n  const code = [200, 404, 500][Math.floor(Math.random() * 3)];\n  return { code };\n}\n\nexport function LoginSpinner() {\n  const state = Math.random() > 0.5 ? 'spin' : 'pulse';\n  return state;\n}\n\nexport function fakeDiscount() {\n  const code = `SALE${Math.floor(Math.random() * 100)}`;\n  return code;\n}\n",
      filename: 'src/demo.ts',
    },
  ],
  invalid: [
    {
      code: "import express from 'express';\nimport { sendSms } from './sms';\n\nconst router = express.Router();\n\nrouter.post('/2fa/send', async (req, res) => {\n  const code = Math.floor(100000 + Math.random() * 900000).toString();\n  await sendSms(req.body.phone, `Your sign-in code: ${code}`);\n  res.sendStatus(204);\n});\n\nrouter.get('/oauth/authorize', (req, res) => {\n  const state = Math.random().toString(36).slice(2);\n  res.cookie('oauth_state', state).redirect(`https://idp.example/authorize?client_id=app`);\n});\n\nexport class EmailService {\n  async requestEmailConfirmation(userId: string, mail: (to: string, body: string) => Promise<void>) {\n    const code = String(Date.now()).slice(-6);\n    await mail(userId, code);\n  }\n}\n\nexport default router;\n",
      filename: 'src/auth-routes.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 7,
          column: 36,
          endLine: 7,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import express from 'express';\nimport { sendSms } from './sms';\nimport { randomInt } from 'node:crypto';\n\nconst router = express.Router();\n\nrouter.post('/2fa/send', async (req, res) => {\n  const code = randomInt(100000, 1000000).toString();\n  await sendSms(req.body.phone, `Your sign-in code: ${code}`);\n  res.sendStatus(204);\n});\n\nrouter.get('/oauth/authorize', (req, res) => {\n  const state = Math.random().toString(36).slice(2);\n  res.cookie('oauth_state', state).redirect(`https://idp.example/authorize?client_id=app`);\n});\n\nexport class EmailService {\n  async requestEmailConfirmation(userId: string, mail: (to: string, body: string) => Promise<void>) {\n    const code = String(Date.now()).slice(-6);\n    await mail(userId, code);\n  }\n}\n\nexport default router;\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import express from 'express';\nimport { sendSms } from './sms';\nimport { randomInt } from 'keyhygiene/keys';\n\nconst router = express.Router();\n\nrouter.post('/2fa/send', async (req, res) => {\n  const code = randomInt(100000, 1000000).toString();\n  await sendSms(req.body.phone, `Your sign-in code: ${code}`);\n  res.sendStatus(204);\n});\n\nrouter.get('/oauth/authorize', (req, res) => {\n  const state = Math.random().toString(36).slice(2);\n  res.cookie('oauth_state', state).redirect(`https://idp.example/authorize?client_id=app`);\n});\n\nexport class EmailService {\n  async requestEmailConfirmation(userId: string, mail: (to: string, body: string) => Promise<void>) {\n    const code = String(Date.now()).slice(-6);\n    await mail(userId, code);\n  }\n}\n\nexport default router;\n",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 13,
          column: 17,
          endLine: 13,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import express from 'express';\nimport { sendSms } from './sms';\nimport { randomBytes } from 'node:crypto';\n\nconst router = express.Router();\n\nrouter.post('/2fa/send', async (req, res) => {\n  const code = Math.floor(100000 + Math.random() * 900000).toString();\n  await sendSms(req.body.phone, `Your sign-in code: ${code}`);\n  res.sendStatus(204);\n});\n\nrouter.get('/oauth/authorize', (req, res) => {\n  const state = randomBytes(32).toString('base64url');\n  res.cookie('oauth_state', state).redirect(`https://idp.example/authorize?client_id=app`);\n});\n\nexport class EmailService {\n  async requestEmailConfirmation(userId: string, mail: (to: string, body: string) => Promise<void>) {\n    const code = String(Date.now()).slice(-6);\n    await mail(userId, code);\n  }\n}\n\nexport default router;\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import express from 'express';\nimport { sendSms } from './sms';\nimport { randomToken } from 'keyhygiene/keys';\n\nconst router = express.Router();\n\nrouter.post('/2fa/send', async (req, res) => {\n  const code = Math.floor(100000 + Math.random() * 900000).toString();\n  await sendSms(req.body.phone, `Your sign-in code: ${code}`);\n  res.sendStatus(204);\n});\n\nrouter.get('/oauth/authorize', (req, res) => {\n  const state = randomToken();\n  res.cookie('oauth_state', state).redirect(`https://idp.example/authorize?client_id=app`);\n});\n\nexport class EmailService {\n  async requestEmailConfirmation(userId: string, mail: (to: string, body: string) => Promise<void>) {\n    const code = String(Date.now()).slice(-6);\n    await mail(userId, code);\n  }\n}\n\nexport default router;\n",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 19,
          column: 25,
          endLine: 19,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import express from 'express';\nimport { sendSms } from './sms';\nimport { randomBytes } from 'node:crypto';\n\nconst router = express.Router();\n\nrouter.post('/2fa/send', async (req, res) => {\n  const code = Math.floor(100000 + Math.random() * 900000).toString();\n  await sendSms(req.body.phone, `Your sign-in code: ${code}`);\n  res.sendStatus(204);\n});\n\nrouter.get('/oauth/authorize', (req, res) => {\n  const state = Math.random().toString(36).slice(2);\n  res.cookie('oauth_state', state).redirect(`https://idp.example/authorize?client_id=app`);\n});\n\nexport class EmailService {\n  async requestEmailConfirmation(userId: string, mail: (to: string, body: string) => Promise<void>) {\n    const code = randomBytes(32).toString('base64url').slice(-6);\n    await mail(userId, code);\n  }\n}\n\nexport default router;\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import express from 'express';\nimport { sendSms } from './sms';\nimport { randomToken } from 'keyhygiene/keys';\n\nconst router = express.Router();\n\nrouter.post('/2fa/send', async (req, res) => {\n  const code = Math.floor(100000 + Math.random() * 900000).toString();\n  await sendSms(req.body.phone, `Your sign-in code: ${code}`);\n  res.sendStatus(204);\n});\n\nrouter.get('/oauth/authorize', (req, res) => {\n  const state = Math.random().toString(36).slice(2);\n  res.cookie('oauth_state', state).redirect(`https://idp.example/authorize?client_id=app`);\n});\n\nexport class EmailService {\n  async requestEmailConfirmation(userId: string, mail: (to: string, body: string) => Promise<void>) {\n    const code = randomToken().slice(-6);\n    await mail(userId, code);\n  }\n}\n\nexport default router;\n",
            },
          ],
        },
      ],
    },
  ],
});

// issue 11 (session 21): a bare `key` or `link` says what it is for only through the code around it: a function or
// route that issues API keys or shares a resource (catalogue bareSecretNameContext). Shapes from Nest services, Express
// routes and share-link handlers; near misses: a cache key, a list key, a pagination link, an API key from a CSPRNG.
ruleTester.run('no-weak-randomness (bare key and link by their context, batch rrand4)', rule, {
  valid: [
    {
      // near misses: cache keys, list keys and pagination links made from the clock, and an API key from a CSPRNG
      code: "import express from 'express';\nimport { randomBytes } from 'node:crypto';\n\nexport const router = express.Router();\nconst cache = new Map<string, unknown>();\n\nexport function cacheResponse(url: string, body: unknown) {\n  const key = `${url}:${Math.floor(Date.now() / 60000)}`;\n  cache.set(key, body);\n}\n\nexport function renderRows(rows: string[]) {\n  return rows.map((r) => {\n    const key = Math.random().toString(36).slice(2);\n    return { key, r };\n  });\n}\n\nexport function buildPaginationLinks(page: number) {\n  const link = `/items?page=${page + 1}&t=${Date.now()}`;\n  return { next: link };\n}\n\nrouter.post('/api-keys', (_req, res) => {\n  const key = 'pk_' + randomBytes(24).toString('base64url');\n  res.status(201).json({ key });\n});\n",
      filename: 'src/near-misses.ts',
    },
  ],
  invalid: [
    {
      // a Nest-style service that rotates a user's access key and mails it: a prefix, the user id and the clock
      code: 'export class AccessKeysService {\n  constructor(\n    private readonly repo: { update(id: string, v: object): Promise<void> },\n    private readonly mail: (to: string, body: string) => Promise<void>,\n  ) {}\n\n  async rotateAccessKey(userId: string): Promise<void> {\n    const key = `ak_${userId}_${Date.now().toString(36)}`;\n    await this.repo.update(userId, { key, rotatedAt: new Date() });\n    await this.mail(userId, `Your new access key: ${key}`);\n  }\n}\n',
      filename: 'src/access-keys.service.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 8,
          column: 33,
          endLine: 8,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomBytes } from 'node:crypto';\nexport class AccessKeysService {\n  constructor(\n    private readonly repo: { update(id: string, v: object): Promise<void> },\n    private readonly mail: (to: string, body: string) => Promise<void>,\n  ) {}\n\n  async rotateAccessKey(userId: string): Promise<void> {\n    const key = `ak_${userId}_${randomBytes(32).toString('base64url')}`;\n    await this.repo.update(userId, { key, rotatedAt: new Date() });\n    await this.mail(userId, `Your new access key: ${key}`);\n  }\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomToken } from 'keyhygiene/keys';\nexport class AccessKeysService {\n  constructor(\n    private readonly repo: { update(id: string, v: object): Promise<void> },\n    private readonly mail: (to: string, body: string) => Promise<void>,\n  ) {}\n\n  async rotateAccessKey(userId: string): Promise<void> {\n    const key = `ak_${userId}_${randomToken()}`;\n    await this.repo.update(userId, { key, rotatedAt: new Date() });\n    await this.mail(userId, `Your new access key: ${key}`);\n  }\n}\n",
            },
          ],
        },
      ],
    },
    {
      // an Express route that issues API keys from Math.random
      code: "import express from 'express';\n\nexport const router = express.Router();\n\nrouter.post('/api-keys', (req, res) => {\n  const key = 'pk_' + Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);\n  res.status(201).json({ key, owner: req.body.owner });\n});\n",
      filename: 'src/api-keys.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 6,
          column: 23,
          endLine: 6,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import express from 'express';\nimport { randomBytes } from 'node:crypto';\n\nexport const router = express.Router();\n\nrouter.post('/api-keys', (req, res) => {\n  const key = 'pk_' + randomBytes(32).toString('base64url') + Math.random().toString(36).slice(2);\n  res.status(201).json({ key, owner: req.body.owner });\n});\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import express from 'express';\nimport { randomToken } from 'keyhygiene/keys';\n\nexport const router = express.Router();\n\nrouter.post('/api-keys', (req, res) => {\n  const key = 'pk_' + randomToken() + Math.random().toString(36).slice(2);\n  res.status(201).json({ key, owner: req.body.owner });\n});\n",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 6,
          column: 61,
          endLine: 6,
          endColumn: 74,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import express from 'express';\nimport { randomBytes } from 'node:crypto';\n\nexport const router = express.Router();\n\nrouter.post('/api-keys', (req, res) => {\n  const key = 'pk_' + Math.random().toString(36).slice(2) + randomBytes(32).toString('base64url');\n  res.status(201).json({ key, owner: req.body.owner });\n});\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import express from 'express';\nimport { randomToken } from 'keyhygiene/keys';\n\nexport const router = express.Router();\n\nrouter.post('/api-keys', (req, res) => {\n  const key = 'pk_' + Math.random().toString(36).slice(2) + randomToken();\n  res.status(201).json({ key, owner: req.body.owner });\n});\n",
            },
          ],
        },
      ],
    },
    {
      // a document share link and a team invite link built from an id and the clock
      code: "import express from 'express';\n\nexport const router = express.Router();\n\nexport async function createShareLink(db: { shares: { insert(v: object): Promise<void> } }, docId: string) {\n  const link = `${docId}-${Date.now().toString(36)}`;\n  await db.shares.insert({ docId, link });\n  return `/d/${link}`;\n}\n\nrouter.post('/teams/:id/invites', async (req, res) => {\n  const link = `${req.params.id}.${process.hrtime.bigint()}`;\n  res.json({ url: `/join/${link}` });\n});\n",
      filename: 'src/sharing.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 6,
          column: 28,
          endLine: 6,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import express from 'express';\nimport { randomBytes } from 'node:crypto';\n\nexport const router = express.Router();\n\nexport async function createShareLink(db: { shares: { insert(v: object): Promise<void> } }, docId: string) {\n  const link = `${docId}-${randomBytes(32).toString('base64url')}`;\n  await db.shares.insert({ docId, link });\n  return `/d/${link}`;\n}\n\nrouter.post('/teams/:id/invites', async (req, res) => {\n  const link = `${req.params.id}.${process.hrtime.bigint()}`;\n  res.json({ url: `/join/${link}` });\n});\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import express from 'express';\nimport { randomToken } from 'keyhygiene/keys';\n\nexport const router = express.Router();\n\nexport async function createShareLink(db: { shares: { insert(v: object): Promise<void> } }, docId: string) {\n  const link = `${docId}-${randomToken()}`;\n  await db.shares.insert({ docId, link });\n  return `/d/${link}`;\n}\n\nrouter.post('/teams/:id/invites', async (req, res) => {\n  const link = `${req.params.id}.${process.hrtime.bigint()}`;\n  res.json({ url: `/join/${link}` });\n});\n",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 12,
          column: 36,
          endLine: 12,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import express from 'express';\nimport { randomBytes } from 'node:crypto';\n\nexport const router = express.Router();\n\nexport async function createShareLink(db: { shares: { insert(v: object): Promise<void> } }, docId: string) {\n  const link = `${docId}-${Date.now().toString(36)}`;\n  await db.shares.insert({ docId, link });\n  return `/d/${link}`;\n}\n\nrouter.post('/teams/:id/invites', async (req, res) => {\n  const link = `${req.params.id}.${randomBytes(32).toString('base64url')}`;\n  res.json({ url: `/join/${link}` });\n});\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import express from 'express';\nimport { randomToken } from 'keyhygiene/keys';\n\nexport const router = express.Router();\n\nexport async function createShareLink(db: { shares: { insert(v: object): Promise<void> } }, docId: string) {\n  const link = `${docId}-${Date.now().toString(36)}`;\n  await db.shares.insert({ docId, link });\n  return `/d/${link}`;\n}\n\nrouter.post('/teams/:id/invites', async (req, res) => {\n  const link = `${req.params.id}.${randomToken()}`;\n  res.json({ url: `/join/${link}` });\n});\n",
            },
          ],
        },
      ],
    },
  ],
});

// issue 11 (session 21): file-routed handlers (Next.js app and pages routers, SvelteKit endpoints) name their route by
// the file's folder, not a route string, and their exports are named for HTTP methods (`POST`), not components. The
// folder gives a bare `code` its context. Near misses: a random country code, a promo code, a component's state.
ruleTester.run('no-weak-randomness (codes in file-routed handlers, batch rrand4)', rule, {
  valid: [
    {
      // near misses: a random country code and a promo code in file-routed handlers, a component in a reset page
      code: "import { NextResponse } from 'next/server';\n\nconst countries = ['DE', 'FR', 'NL'];\n\nexport function GET() {\n  const code = countries[Math.floor(Math.random() * countries.length)];\n  return NextResponse.json({ code });\n}\n",
      filename: 'app/api/countries/random/route.ts',
    },
    {
      code: "import { NextResponse } from 'next/server';\n\nexport async function POST() {\n  const code = `SPRING${Math.floor(Math.random() * 100)}`;\n  return NextResponse.json({ code });\n}\n",
      filename: 'app/api/promo/route.ts',
    },
    {
      code: "export function ResetBanner() {\n  const state = Math.random() > 0.5 ? 'wave' : 'fade';\n  return state;\n}\n",
      filename: 'app/reset/banner.tsx',
    },
  ],
  invalid: [
    {
      // a Next.js app-router handler that mails a six-digit verification code: the route is the file's folder
      code: "import { NextResponse, type NextRequest } from 'next/server';\nimport { sendMail } from '@/lib/mail';\n\nexport async function POST(req: NextRequest) {\n  const { email } = (await req.json()) as { email: string };\n  const code = Math.floor(100000 + Math.random() * 900000).toString();\n  await sendMail(email, `Your code is ${code}`);\n  return NextResponse.json({ sent: true });\n}\n",
      filename: 'apps/web/app/api/auth/verify-email/route.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 6,
          column: 36,
          endLine: 6,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { NextResponse, type NextRequest } from 'next/server';\nimport { sendMail } from '@/lib/mail';\nimport { randomInt } from 'node:crypto';\n\nexport async function POST(req: NextRequest) {\n  const { email } = (await req.json()) as { email: string };\n  const code = randomInt(100000, 1000000).toString();\n  await sendMail(email, `Your code is ${code}`);\n  return NextResponse.json({ sent: true });\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { NextResponse, type NextRequest } from 'next/server';\nimport { sendMail } from '@/lib/mail';\nimport { randomInt } from 'keyhygiene/keys';\n\nexport async function POST(req: NextRequest) {\n  const { email } = (await req.json()) as { email: string };\n  const code = randomInt(100000, 1000000).toString();\n  await sendMail(email, `Your code is ${code}`);\n  return NextResponse.json({ sent: true });\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a SvelteKit endpoint for a login code, its handler an arrow function stored in POST
      code: "import { json, type RequestHandler } from '@sveltejs/kit';\nimport { sms } from '$lib/server/sms';\n\nexport const POST: RequestHandler = async ({ request }) => {\n  const { phone } = await request.json();\n  const code = String(Date.now()).slice(-6);\n  await sms(phone, code);\n  return json({ ok: true });\n};\n",
      filename: 'src/routes/login/otp/+server.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 6,
          column: 23,
          endLine: 6,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { json, type RequestHandler } from '@sveltejs/kit';\nimport { sms } from '$lib/server/sms';\nimport { randomBytes } from 'node:crypto';\n\nexport const POST: RequestHandler = async ({ request }) => {\n  const { phone } = await request.json();\n  const code = randomBytes(32).toString('base64url').slice(-6);\n  await sms(phone, code);\n  return json({ ok: true });\n};\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { json, type RequestHandler } from '@sveltejs/kit';\nimport { sms } from '$lib/server/sms';\nimport { randomToken } from 'keyhygiene/keys';\n\nexport const POST: RequestHandler = async ({ request }) => {\n  const { phone } = await request.json();\n  const code = randomToken().slice(-6);\n  await sms(phone, code);\n  return json({ ok: true });\n};\n",
            },
          ],
        },
      ],
    },
    {
      // a Next.js pages-router API route for a password reset code
      code: "import type { NextApiRequest, NextApiResponse } from 'next';\nimport { db } from '../../../lib/db';\n\nexport default async function handler(req: NextApiRequest, res: NextApiResponse) {\n  const code = Math.random().toString().slice(2, 8);\n  await db.resetCodes.insert({ email: req.body.email, code });\n  res.status(204).end();\n}\n",
      filename: 'pages/api/password/reset.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import type { NextApiRequest, NextApiResponse } from 'next';\nimport { db } from '../../../lib/db';\nimport { randomBytes } from 'node:crypto';\n\nexport default async function handler(req: NextApiRequest, res: NextApiResponse) {\n  const code = randomBytes(32).toString('base64url');\n  await db.resetCodes.insert({ email: req.body.email, code });\n  res.status(204).end();\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import type { NextApiRequest, NextApiResponse } from 'next';\nimport { db } from '../../../lib/db';\nimport { randomToken } from 'keyhygiene/keys';\n\nexport default async function handler(req: NextApiRequest, res: NextApiResponse) {\n  const code = randomToken();\n  await db.resetCodes.insert({ email: req.body.email, code });\n  res.status(204).end();\n}\n",
            },
          ],
        },
      ],
    },
  ],
});

// issue 11 (session 21): a class field stepped elsewhere in the class (`this.issued += 1`, `this.seq++`) is a counter
// when read, whatever its initialiser. Shapes from CSRF, invite and in-memory session services; near misses: a
// request id, a retry delay, and a token whose CSPRNG bytes sit beside the count.
ruleTester.run('no-weak-randomness (counters kept in class fields, batch rrand4)', rule, {
  valid: [
    {
      // a transaction nonce manager: an account's nonce is a sequence number by design, counted in a field
      code: 'export class TxNonces {\n  private next = 0;\n\n  getNonce(): number {\n    return this.next;\n  }\n\n  markSent() {\n    this.next += 1;\n  }\n}\n',
      filename: 'src/tx-nonces.ts',
    },
    {
      // near misses: a request id from a field counter, a retry count, and a token with CSPRNG bytes beside a count
      code: "import { randomBytes } from 'node:crypto';\n\nexport class RequestTracker {\n  private count = 0;\n  private attempts = 0;\n  private issued = 0;\n\n  track() {\n    this.count++;\n    const requestId = `req-${this.count}`;\n    return requestId;\n  }\n\n  backoff() {\n    this.attempts += 1;\n    const delayMs = 100 * 2 ** this.attempts;\n    return delayMs;\n  }\n\n  resetToken() {\n    this.issued += 1;\n    return `${randomBytes(24).toString('base64url')}.${this.issued}`;\n  }\n}\n",
      filename: 'src/request-tracker.ts',
    },
  ],
  invalid: [
    {
      // a CSRF token made from the user id and a per-instance count kept in a field
      code: "export class CsrfService {\n  private issued = 0;\n\n  csrfToken(userId: string): string {\n    this.issued += 1;\n    return Buffer.from(`${userId}.${this.issued}`).toString('base64url');\n  }\n}\n",
      filename: 'src/csrf.service.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 6,
          column: 37,
          endLine: 6,
          endColumn: 48,
        },
      ],
    },
    {
      // an invite token numbered by a field stepped with ++
      code: 'export class InviteService {\n  private seq = 1000;\n\n  async invite(email: string, send: (to: string, link: string) => Promise<void>) {\n    this.seq++;\n    const inviteToken = `inv${this.seq.toString(36)}`;\n    await send(email, `https://app.example/join?token=${inviteToken}`);\n  }\n}\n',
      filename: 'src/invite.service.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 6,
          column: 31,
          endLine: 6,
          endColumn: 39,
        },
      ],
    },
    {
      // an in-memory session store whose session ids count up from a field
      code: 'export class MemorySessionStore {\n  private sessions = new Map<string, { userId: string }>();\n  private next = 1;\n\n  open(userId: string) {\n    const sessionId = `s${this.next}`;\n    this.next += 1;\n    this.sessions.set(sessionId, { userId });\n    return sessionId;\n  }\n}\n',
      filename: 'src/session-store.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 6,
          column: 27,
          endLine: 6,
          endColumn: 36,
        },
      ],
    },
  ],
});

// issue 11 (session 22, branch rrand5): classes from the development corpora, each written anew from real idioms. A
// maker named for the next of a series (`nextInviteCode()`), a MAC keyed with a constant the source spells out, a
// store's record count or a Redis INCR counter, a capability link's path segment (`/join/${code}`), a bare `key`
// holding bytes built by hand, a state named for an install or login step, and a generator (nanoid/non-secure's
// `customAlphabet`, `seedrandom`) that another module exports and this one calls. Near misses beside each.
ruleTester.run(
  'no-weak-randomness (series, keyed hashes, store counters, capability links, byte keys, batch rrand5)',
  rule,
  {
    valid: [
      {
        // near misses: a pagination token of a series, an exchange nonce that counts, a MAC under a configured secret, a room label from a count, React list keys, a cache buster and a picture picked at random
        code: "import { createHmac } from 'node:crypto';\n\nlet page = 0;\nexport function nextPageToken(): string {\n  page += 1;\n  return Buffer.from(String(page)).toString('base64');\n}\n\nlet lastNonce = 0;\nexport function nextTradeNonce(): number {\n  lastNonce = Math.max(Date.now(), lastNonce + 1);\n  return lastNonce;\n}\n\nexport function signedUnsubscribeToken(email: string): string {\n  return createHmac('sha256', process.env.UNSUBSCRIBE_SECRET ?? '').update(`${email}:${Date.now()}`).digest('hex');\n}\n\nexport async function roomLabel(rooms: { count(): Promise<number> }): Promise<string> {\n  const n = await rooms.count();\n  return `room-${n}`;\n}\n\nexport function rows(items: string[]) {\n  return items.map((item) => ({ key: `${item}-${Math.random().toString(36).slice(2)}`, item }));\n}\n\nexport function profileLinks(userId: string) {\n  const stamp = Date.now();\n  const pick = Math.floor(Math.random() * 20);\n  return { profile: `https://app.example.com/users/${userId}?v=${stamp}`, hero: `https://cdn.example.com/img/${pick}.jpg` };\n}\n\nexport function searchLink(q: string) {\n  return `https://example.com/s/${Date.now().toString(36)}?q=${encodeURIComponent(q)}`;\n}\n",
        filename: 'src/near-misses.ts',
      },
    ],
    invalid: [
      {
        // a series of invite codes from a module counter, and device secrets hashed from a clock-seeded counter (one report, at the counter read)
        code: "const crypto = require('crypto');\n\nlet seq = 5000;\nlet serial = Date.now();\n\nfunction nextInviteCode(team) {\n  seq += 1;\n  return team + '-' + seq.toString(36);\n}\n\nfunction nextDeviceSecret() {\n  serial += 1;\n  return crypto.createHash('sha256').update('dev-' + serial).digest('hex');\n}\n\nmodule.exports = { nextInviteCode, nextDeviceSecret };\n",
        filename: 'src/series.js',
        errors: [
          { messageId: 'weakRandom', line: 8, column: 23, endLine: 8, endColumn: 26 },
          { messageId: 'weakRandom', line: 13, column: 54, endLine: 13, endColumn: 60 },
        ],
      },
      {
        // a CSRF token as an HMAC of a counter and the clock under a key written in the source (a literal, a const)
        code: "import { createHmac } from 'node:crypto';\n\nconst CSRF_KEY = 'csrf-v1';\nlet issued = 0;\n\nexport function csrfToken(): string {\n  issued += 1;\n  return createHmac('sha256', 'csrf').update(`${issued}.${Date.now()}`).digest('base64url');\n}\n\nexport function formToken(sessionId: string): string {\n  const mac = createHmac('sha1', CSRF_KEY);\n  mac.update(String(Date.now()));\n  const formSecret = mac.digest('hex');\n  return `${sessionId}.${formSecret}`;\n}\n",
        filename: 'src/csrf.ts',
        errors: [
          { messageId: 'weakRandom', line: 8, column: 49, endLine: 8, endColumn: 55 },
          {
            messageId: 'weakRandom',
            line: 8,
            column: 59,
            endLine: 8,
            endColumn: 69,
            suggestions: [
              {
                messageId: 'useNodeCrypto',
                output:
                  "import { createHmac, randomBytes } from 'node:crypto';\n\nconst CSRF_KEY = 'csrf-v1';\nlet issued = 0;\n\nexport function csrfToken(): string {\n  issued += 1;\n  return createHmac('sha256', 'csrf').update(`${issued}.${randomBytes(32).toString('base64url')}`).digest('base64url');\n}\n\nexport function formToken(sessionId: string): string {\n  const mac = createHmac('sha1', CSRF_KEY);\n  mac.update(String(Date.now()));\n  const formSecret = mac.digest('hex');\n  return `${sessionId}.${formSecret}`;\n}\n",
              },
              {
                messageId: 'useKeys',
                output:
                  "import { createHmac } from 'node:crypto';\nimport { randomToken } from 'keyhygiene/keys';\n\nconst CSRF_KEY = 'csrf-v1';\nlet issued = 0;\n\nexport function csrfToken(): string {\n  issued += 1;\n  return createHmac('sha256', 'csrf').update(`${issued}.${randomToken()}`).digest('base64url');\n}\n\nexport function formToken(sessionId: string): string {\n  const mac = createHmac('sha1', CSRF_KEY);\n  mac.update(String(Date.now()));\n  const formSecret = mac.digest('hex');\n  return `${sessionId}.${formSecret}`;\n}\n",
              },
            ],
          },
          {
            messageId: 'weakRandom',
            line: 13,
            column: 21,
            endLine: 13,
            endColumn: 31,
            suggestions: [
              {
                messageId: 'useNodeCrypto',
                output:
                  "import { createHmac, randomBytes } from 'node:crypto';\n\nconst CSRF_KEY = 'csrf-v1';\nlet issued = 0;\n\nexport function csrfToken(): string {\n  issued += 1;\n  return createHmac('sha256', 'csrf').update(`${issued}.${Date.now()}`).digest('base64url');\n}\n\nexport function formToken(sessionId: string): string {\n  const mac = createHmac('sha1', CSRF_KEY);\n  mac.update(randomBytes(32).toString('base64url'));\n  const formSecret = mac.digest('hex');\n  return `${sessionId}.${formSecret}`;\n}\n",
              },
              {
                messageId: 'useKeys',
                output:
                  "import { createHmac } from 'node:crypto';\nimport { randomToken } from 'keyhygiene/keys';\n\nconst CSRF_KEY = 'csrf-v1';\nlet issued = 0;\n\nexport function csrfToken(): string {\n  issued += 1;\n  return createHmac('sha256', 'csrf').update(`${issued}.${Date.now()}`).digest('base64url');\n}\n\nexport function formToken(sessionId: string): string {\n  const mac = createHmac('sha1', CSRF_KEY);\n  mac.update(randomToken());\n  const formSecret = mac.digest('hex');\n  return `${sessionId}.${formSecret}`;\n}\n",
              },
            ],
          },
        ],
      },
      {
        // a session id from the clock and a store's size, and a reset token numbered by Redis INCR
        code: "import { createClient } from 'redis';\nimport { store } from './store';\n\nconst redis = createClient();\n\nexport const newSessionId = () => `${Date.now().toString(16)}${store.size().toString(16)}`;\n\nexport async function issueResetToken(userId: string) {\n  const n = await redis.incr('reset:seq');\n  const resetToken = Buffer.from(`${userId}:${n}`).toString('base64url');\n  await store.put(resetToken, userId);\n  return resetToken;\n}\n",
        filename: 'src/sessions.ts',
        errors: [
          {
            messageId: 'weakRandom',
            line: 6,
            column: 38,
            endLine: 6,
            endColumn: 48,
            suggestions: [
              {
                messageId: 'useNodeCrypto',
                output:
                  "import { createClient } from 'redis';\nimport { store } from './store';\nimport { randomUUID } from 'node:crypto';\n\nconst redis = createClient();\n\nexport const newSessionId = () => `${randomUUID()}${store.size().toString(16)}`;\n\nexport async function issueResetToken(userId: string) {\n  const n = await redis.incr('reset:seq');\n  const resetToken = Buffer.from(`${userId}:${n}`).toString('base64url');\n  await store.put(resetToken, userId);\n  return resetToken;\n}\n",
              },
              {
                messageId: 'useKeys',
                output:
                  "import { createClient } from 'redis';\nimport { store } from './store';\nimport { randomToken } from 'keyhygiene/keys';\n\nconst redis = createClient();\n\nexport const newSessionId = () => `${randomToken()}${store.size().toString(16)}`;\n\nexport async function issueResetToken(userId: string) {\n  const n = await redis.incr('reset:seq');\n  const resetToken = Buffer.from(`${userId}:${n}`).toString('base64url');\n  await store.put(resetToken, userId);\n  return resetToken;\n}\n",
              },
            ],
          },
          { messageId: 'weakRandom', line: 9, column: 19, endLine: 9, endColumn: 42 },
        ],
      },
      {
        // capability links: a join link, an invitation accept link and a share link in a share route, made from uuid v1, the pid and clock, a counter
        code: "const { v1: uuidv1 } = require('uuid');\nconst express = require('express');\n\nconst router = express.Router();\nlet shares = 0;\n\nrouter.post('/teams/:id/members', async (req, res) => {\n  const invitation = uuidv1();\n  await req.db.invites.insert({ invitation, team: req.params.id });\n  res.json({ url: `https://app.example.com/join/${invitation}` });\n});\n\nrouter.post('/orgs/:id/invite', async (req, res) => {\n  const ref = process.pid + '-' + Date.now();\n  res.json({ url: 'https://app.example.com/invite/' + ref + '/accept' });\n});\n\nrouter.post('/files/:id/share', async (req, res) => {\n  shares += 1;\n  const slug = shares.toString(36);\n  res.json({ url: `https://files.example.com/s/${slug}` });\n});\n\nmodule.exports = router;\n",
        filename: 'src/links.js',
        errors: [
          {
            messageId: 'weakRandom',
            line: 8,
            column: 22,
            endLine: 8,
            endColumn: 30,
            suggestions: [
              {
                messageId: 'useNodeCrypto',
                output:
                  "const { v1: uuidv1 } = require('uuid');\nconst express = require('express');\nconst { randomBytes } = require('node:crypto');\n\nconst router = express.Router();\nlet shares = 0;\n\nrouter.post('/teams/:id/members', async (req, res) => {\n  const invitation = randomBytes(32).toString('base64url');\n  await req.db.invites.insert({ invitation, team: req.params.id });\n  res.json({ url: `https://app.example.com/join/${invitation}` });\n});\n\nrouter.post('/orgs/:id/invite', async (req, res) => {\n  const ref = process.pid + '-' + Date.now();\n  res.json({ url: 'https://app.example.com/invite/' + ref + '/accept' });\n});\n\nrouter.post('/files/:id/share', async (req, res) => {\n  shares += 1;\n  const slug = shares.toString(36);\n  res.json({ url: `https://files.example.com/s/${slug}` });\n});\n\nmodule.exports = router;\n",
              },
              {
                messageId: 'useKeys',
                output:
                  "const { v1: uuidv1 } = require('uuid');\nconst express = require('express');\nconst { randomToken } = require('keyhygiene/keys');\n\nconst router = express.Router();\nlet shares = 0;\n\nrouter.post('/teams/:id/members', async (req, res) => {\n  const invitation = randomToken();\n  await req.db.invites.insert({ invitation, team: req.params.id });\n  res.json({ url: `https://app.example.com/join/${invitation}` });\n});\n\nrouter.post('/orgs/:id/invite', async (req, res) => {\n  const ref = process.pid + '-' + Date.now();\n  res.json({ url: 'https://app.example.com/invite/' + ref + '/accept' });\n});\n\nrouter.post('/files/:id/share', async (req, res) => {\n  shares += 1;\n  const slug = shares.toString(36);\n  res.json({ url: `https://files.example.com/s/${slug}` });\n});\n\nmodule.exports = router;\n",
              },
            ],
          },
          {
            messageId: 'weakRandom',
            line: 14,
            column: 15,
            endLine: 14,
            endColumn: 26,
            suggestions: [
              {
                messageId: 'useNodeCrypto',
                output:
                  "const { v1: uuidv1 } = require('uuid');\nconst express = require('express');\nconst { randomBytes } = require('node:crypto');\n\nconst router = express.Router();\nlet shares = 0;\n\nrouter.post('/teams/:id/members', async (req, res) => {\n  const invitation = uuidv1();\n  await req.db.invites.insert({ invitation, team: req.params.id });\n  res.json({ url: `https://app.example.com/join/${invitation}` });\n});\n\nrouter.post('/orgs/:id/invite', async (req, res) => {\n  const ref = randomBytes(32).toString('base64url') + '-' + Date.now();\n  res.json({ url: 'https://app.example.com/invite/' + ref + '/accept' });\n});\n\nrouter.post('/files/:id/share', async (req, res) => {\n  shares += 1;\n  const slug = shares.toString(36);\n  res.json({ url: `https://files.example.com/s/${slug}` });\n});\n\nmodule.exports = router;\n",
              },
              {
                messageId: 'useKeys',
                output:
                  "const { v1: uuidv1 } = require('uuid');\nconst express = require('express');\nconst { randomToken } = require('keyhygiene/keys');\n\nconst router = express.Router();\nlet shares = 0;\n\nrouter.post('/teams/:id/members', async (req, res) => {\n  const invitation = uuidv1();\n  await req.db.invites.insert({ invitation, team: req.params.id });\n  res.json({ url: `https://app.example.com/join/${invitation}` });\n});\n\nrouter.post('/orgs/:id/invite', async (req, res) => {\n  const ref = randomToken() + '-' + Date.now();\n  res.json({ url: 'https://app.example.com/invite/' + ref + '/accept' });\n});\n\nrouter.post('/files/:id/share', async (req, res) => {\n  shares += 1;\n  const slug = shares.toString(36);\n  res.json({ url: `https://files.example.com/s/${slug}` });\n});\n\nmodule.exports = router;\n",
              },
            ],
          },
          { messageId: 'weakRandom', line: 14, column: 35, endLine: 14, endColumn: 45 },
          { messageId: 'weakRandom', line: 20, column: 16, endLine: 20, endColumn: 22 },
        ],
      },
      {
        // a bare key holding bytes built from Math.random (a typed array, a Buffer)
        code: "export function fallbackSession(peer: string) {\n  const key = Uint8Array.from({ length: 32 }, () => Math.floor(Math.random() * 256));\n  return { peer, key };\n}\n\nexport function legacyKey() {\n  const key = Buffer.from(Array.from({ length: 16 }, () => (Math.random() * 256) | 0));\n  return { key, alg: 'A128GCM' };\n}\n",
        filename: 'src/fallback-keys.ts',
        errors: [
          {
            messageId: 'weakRandom',
            line: 2,
            column: 64,
            endLine: 2,
            endColumn: 77,
            suggestions: [
              {
                messageId: 'useNodeCrypto',
                output:
                  "import { randomInt } from 'node:crypto';\nexport function fallbackSession(peer: string) {\n  const key = Uint8Array.from({ length: 32 }, () => randomInt(256));\n  return { peer, key };\n}\n\nexport function legacyKey() {\n  const key = Buffer.from(Array.from({ length: 16 }, () => (Math.random() * 256) | 0));\n  return { key, alg: 'A128GCM' };\n}\n",
              },
              {
                messageId: 'useKeys',
                output:
                  "import { randomInt } from 'keyhygiene/keys';\nexport function fallbackSession(peer: string) {\n  const key = Uint8Array.from({ length: 32 }, () => randomInt(0, 256));\n  return { peer, key };\n}\n\nexport function legacyKey() {\n  const key = Buffer.from(Array.from({ length: 16 }, () => (Math.random() * 256) | 0));\n  return { key, alg: 'A128GCM' };\n}\n",
              },
            ],
          },
          {
            messageId: 'weakRandom',
            line: 7,
            column: 61,
            endLine: 7,
            endColumn: 74,
            suggestions: [
              {
                messageId: 'useNodeCrypto',
                output:
                  "import { randomInt } from 'node:crypto';\nexport function fallbackSession(peer: string) {\n  const key = Uint8Array.from({ length: 32 }, () => Math.floor(Math.random() * 256));\n  return { peer, key };\n}\n\nexport function legacyKey() {\n  const key = Buffer.from(Array.from({ length: 16 }, () => randomInt(256)));\n  return { key, alg: 'A128GCM' };\n}\n",
              },
              {
                messageId: 'useKeys',
                output:
                  "import { randomInt } from 'keyhygiene/keys';\nexport function fallbackSession(peer: string) {\n  const key = Uint8Array.from({ length: 32 }, () => Math.floor(Math.random() * 256));\n  return { peer, key };\n}\n\nexport function legacyKey() {\n  const key = Buffer.from(Array.from({ length: 16 }, () => randomInt(0, 256)));\n  return { key, alg: 'A128GCM' };\n}\n",
              },
            ],
          },
        ],
      },
      {
        // an app install's OAuth state and a login state from the clock
        code: "export function installState(shop: string): string {\n  return Buffer.from(`${shop}:${Date.now()}`).toString('base64url');\n}\n\nexport function beginLogin(returnTo: string) {\n  const loginState = Date.now().toString(36);\n  return { loginState, returnTo };\n}\n",
        filename: 'src/install.ts',
        errors: [
          {
            messageId: 'weakRandom',
            line: 2,
            column: 33,
            endLine: 2,
            endColumn: 43,
            suggestions: [
              {
                messageId: 'useNodeCrypto',
                output:
                  "import { randomBytes } from 'node:crypto';\nexport function installState(shop: string): string {\n  return Buffer.from(`${shop}:${randomBytes(32).toString('base64url')}`).toString('base64url');\n}\n\nexport function beginLogin(returnTo: string) {\n  const loginState = Date.now().toString(36);\n  return { loginState, returnTo };\n}\n",
              },
              {
                messageId: 'useKeys',
                output:
                  "import { randomToken } from 'keyhygiene/keys';\nexport function installState(shop: string): string {\n  return Buffer.from(`${shop}:${randomToken()}`).toString('base64url');\n}\n\nexport function beginLogin(returnTo: string) {\n  const loginState = Date.now().toString(36);\n  return { loginState, returnTo };\n}\n",
              },
            ],
          },
          {
            messageId: 'weakRandom',
            line: 6,
            column: 22,
            endLine: 6,
            endColumn: 32,
            suggestions: [
              {
                messageId: 'useNodeCrypto',
                output:
                  "import { randomBytes } from 'node:crypto';\nexport function installState(shop: string): string {\n  return Buffer.from(`${shop}:${Date.now()}`).toString('base64url');\n}\n\nexport function beginLogin(returnTo: string) {\n  const loginState = randomBytes(32).toString('base64url');\n  return { loginState, returnTo };\n}\n",
              },
              {
                messageId: 'useKeys',
                output:
                  "import { randomToken } from 'keyhygiene/keys';\nexport function installState(shop: string): string {\n  return Buffer.from(`${shop}:${Date.now()}`).toString('base64url');\n}\n\nexport function beginLogin(returnTo: string) {\n  const loginState = randomToken();\n  return { loginState, returnTo };\n}\n",
              },
            ],
          },
        ],
      },
    ],
  },
);

diskRuleTester.run('no-weak-randomness (generators exported by another module, batch rrand5)', rule, {
  valid: [
    {
      // a DOM id from a non-secure generator, a recovery code from the secure nanoid customAlphabet
      code: "import { elementId, recoveryAlphabet } from './ids';\n\nexport function widget() {\n  const domId = elementId();\n  return { domId };\n}\n\nexport function recoveryCodes() {\n  const recoveryCode = recoveryAlphabet();\n  return [recoveryCode];\n}\n",
      filename: 'gen/ui.ts',
    },
  ],
  invalid: [
    {
      // a pairing code and an MFA code from generators another module makes with nanoid/non-secure and seedrandom
      code: "import { shortCode, draw } from './ids';\n\nexport function startPairing() {\n  const code = shortCode();\n  const mfaCode = String(Math.floor(draw() * 1e6)).padStart(6, '0');\n  return { code, mfaCode, pairing: true };\n}\n\nexport function pairDevice(deviceId: string) {\n  const pairingToken = shortCode();\n  return { deviceId, pairingToken };\n}\n",
      filename: 'gen/pair.ts',
      errors: [
        { messageId: 'weakRandom', line: 4, column: 16, endLine: 4, endColumn: 27 },
        { messageId: 'weakRandom', line: 5, column: 37, endLine: 5, endColumn: 43 },
        { messageId: 'weakRandom', line: 10, column: 24, endLine: 10, endColumn: 35 },
      ],
    },
  ],
});
ruleTester.run('no-weak-randomness (reversible id encoders over counters, batch rrand5)', rule, {
  valid: [
    {
      // near miss: Hashids salted from the environment over a counter (a secret salt), a Sqids id for a public URL
      code: "import Hashids from 'hashids';\nimport Sqids from 'sqids';\n\nconst hashids = new Hashids(process.env.HASHIDS_SALT, 10);\nconst sqids = new Sqids({ minLength: 6 });\nlet n = 0;\n\nexport function inviteCode(): string {\n  n += 1;\n  return hashids.encode(n);\n}\n\nexport function postSlug(postNumber: number): string {\n  return sqids.encode([postNumber]);\n}\n",
      filename: 'src/public-ids.ts',
    },
  ],
  invalid: [
    {
      // an invite code and a referral token that obfuscate a Redis counter with Hashids (constant salt) and Sqids
      code: "import Hashids from 'hashids';\nimport Sqids from 'sqids';\nimport { redis } from './redis';\n\nconst hashids = new Hashids('team-invites', 8);\nconst sqids = new Sqids({ alphabet: 'k3G7QAe51FCsPW92uEOyq4Bg6Sp8YzVTmnU0liwDdHXLajZrfxNhobJIRcMvKt', minLength: 8 });\n\nexport async function createInviteCode(): Promise<string> {\n  const seq = await redis.incr('invite:seq');\n  return hashids.encode(seq);\n}\n\nexport async function referralToken(): Promise<string> {\n  const seq = await redis.incr('referral:seq');\n  return sqids.encode([seq]);\n}\n",
      filename: 'src/invite-codes.ts',
      errors: [
        { messageId: 'weakRandom', line: 9, column: 21, endLine: 9, endColumn: 45 },
        { messageId: 'weakRandom', line: 14, column: 21, endLine: 14, endColumn: 47 },
      ],
    },
  ],
});
ruleTester.run('no-weak-randomness (session cookies and Set-Cookie pairs, batch rrand5)', rule, {
  valid: [
    {
      // near misses: a theme cookie, a session cookie from randomUUID, a version pair and an expiry pair in text, a legacy hash of a file name
      code: "import { randomUUID } from 'node:crypto';\nimport { cookies } from 'next/headers';\n\nexport function prefs(res: any) {\n  res.cookie('theme', Math.random() < 0.5 ? 'dark' : 'light');\n  cookies().set('session', randomUUID(), { httpOnly: true });\n}\n\nexport function stamps(res: any) {\n  res.setHeader('X-Build', `v=${Date.now()}`);\n  res.setHeader('Set-Cookie', `seen=${Date.now()}; Max-Age=60`);\n}\n\nexport function etagOf(name: string) {\n  const etag = require('crypto').createHash('md5').update(name).digest('hex');\n  return { etag };\n}\n",
      filename: 'src/cookie-near-misses.ts',
    },
  ],
  invalid: [
    {
      // a Next.js session cookie from the clock, a raw Set-Cookie sid pair from Math.random, and a token hashed from the clock through require("crypto")
      code: "import { cookies } from 'next/headers';\n\nexport async function signIn(userId: string) {\n  const value = `${userId}.${Date.now().toString(36)}`;\n  cookies().set('app_session', value, { httpOnly: true, secure: true });\n}\n\nexport function legacyLogin(res: any) {\n  const v = Math.random().toString(36).slice(2);\n  res.setHeader('Set-Cookie', `sid=${v}; HttpOnly; Path=/`);\n}\n\nexport function legacyToken() {\n  const token = require('crypto').createHash('md5').update(String(Date.now())).digest('hex');\n  return { token };\n}\n",
      filename: 'src/session-cookies.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 4,
          column: 30,
          endLine: 4,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { cookies } from 'next/headers';\nimport { randomUUID } from 'node:crypto';\n\nexport async function signIn(userId: string) {\n  const value = `${userId}.${randomUUID()}`;\n  cookies().set('app_session', value, { httpOnly: true, secure: true });\n}\n\nexport function legacyLogin(res: any) {\n  const v = Math.random().toString(36).slice(2);\n  res.setHeader('Set-Cookie', `sid=${v}; HttpOnly; Path=/`);\n}\n\nexport function legacyToken() {\n  const token = require('crypto').createHash('md5').update(String(Date.now())).digest('hex');\n  return { token };\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { cookies } from 'next/headers';\nimport { randomToken } from 'keyhygiene/keys';\n\nexport async function signIn(userId: string) {\n  const value = `${userId}.${randomToken()}`;\n  cookies().set('app_session', value, { httpOnly: true, secure: true });\n}\n\nexport function legacyLogin(res: any) {\n  const v = Math.random().toString(36).slice(2);\n  res.setHeader('Set-Cookie', `sid=${v}; HttpOnly; Path=/`);\n}\n\nexport function legacyToken() {\n  const token = require('crypto').createHash('md5').update(String(Date.now())).digest('hex');\n  return { token };\n}\n",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 9,
          column: 13,
          endLine: 9,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { cookies } from 'next/headers';\nimport { randomUUID } from 'node:crypto';\n\nexport async function signIn(userId: string) {\n  const value = `${userId}.${Date.now().toString(36)}`;\n  cookies().set('app_session', value, { httpOnly: true, secure: true });\n}\n\nexport function legacyLogin(res: any) {\n  const v = randomUUID();\n  res.setHeader('Set-Cookie', `sid=${v}; HttpOnly; Path=/`);\n}\n\nexport function legacyToken() {\n  const token = require('crypto').createHash('md5').update(String(Date.now())).digest('hex');\n  return { token };\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { cookies } from 'next/headers';\nimport { randomToken } from 'keyhygiene/keys';\n\nexport async function signIn(userId: string) {\n  const value = `${userId}.${Date.now().toString(36)}`;\n  cookies().set('app_session', value, { httpOnly: true, secure: true });\n}\n\nexport function legacyLogin(res: any) {\n  const v = randomToken();\n  res.setHeader('Set-Cookie', `sid=${v}; HttpOnly; Path=/`);\n}\n\nexport function legacyToken() {\n  const token = require('crypto').createHash('md5').update(String(Date.now())).digest('hex');\n  return { token };\n}\n",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 14,
          column: 67,
          endLine: 14,
          endColumn: 77,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { cookies } from 'next/headers';\nimport { randomBytes } from 'node:crypto';\n\nexport async function signIn(userId: string) {\n  const value = `${userId}.${Date.now().toString(36)}`;\n  cookies().set('app_session', value, { httpOnly: true, secure: true });\n}\n\nexport function legacyLogin(res: any) {\n  const v = Math.random().toString(36).slice(2);\n  res.setHeader('Set-Cookie', `sid=${v}; HttpOnly; Path=/`);\n}\n\nexport function legacyToken() {\n  const token = require('crypto').createHash('md5').update(randomBytes(32).toString('base64url')).digest('hex');\n  return { token };\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { cookies } from 'next/headers';\nimport { randomToken } from 'keyhygiene/keys';\n\nexport async function signIn(userId: string) {\n  const value = `${userId}.${Date.now().toString(36)}`;\n  cookies().set('app_session', value, { httpOnly: true, secure: true });\n}\n\nexport function legacyLogin(res: any) {\n  const v = Math.random().toString(36).slice(2);\n  res.setHeader('Set-Cookie', `sid=${v}; HttpOnly; Path=/`);\n}\n\nexport function legacyToken() {\n  const token = require('crypto').createHash('md5').update(randomToken()).digest('hex');\n  return { token };\n}\n",
            },
          ],
        },
      ],
    },
  ],
});

// issue 11 (session 36): a shared helper is reported where it is written when every module that keeps its result
// keeps a secret, and a bare `code` counts as one when its module's name or file route says what it is for
// (fixtures/rule-tester/randomness-disk/codes: `otp.ts`, `app/api/auth/reset/route.ts`). A code kept by a module
// about countries or errors is not a secret, and a helper one such module also uses stays silent where it is written.
diskRuleTester.run('no-weak-randomness (bare codes in modules named for them, batch rand20)', rule, {
  valid: [
    {
      code: "import { shortRef } from '../../../packages/kit/src/digits';\n\nexport function newCountry(name: string) {\n  const code = shortRef();\n  return { name, code };\n}\n",
      filename: 'codes/apps/api/src/countries.ts',
    },
    {
      code: "import { mixedDigits } from '../../../packages/kit/src/digits';\n\nexport function errorRecord(message: string) {\n  const code = mixedDigits();\n  return { message, code };\n}\n",
      filename: 'codes/apps/api/src/errors.ts',
    },
  ],
  invalid: [
    {
      code: "export function sixDigits(): string {\n  return String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');\n}\n\nexport function digitRun(size = 4): string {\n  return Array.from({ length: size }, () => Math.floor(Math.random() * 10)).join('');\n}\n\nexport function shortRef(): string {\n  return Math.random().toString(36).slice(2, 8).toUpperCase();\n}\n\nexport function mixedDigits(): string {\n  return String(Math.floor(100000 + Math.random() * 900000));\n}\n\nexport function spreadMs(base: number): number {\n  return base + Math.floor(Math.random() * 250);\n}\n",
      filename: 'codes/packages/kit/src/digits.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 2,
          column: 28,
          endLine: 2,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomInt } from 'node:crypto';\nexport function sixDigits(): string {\n  return String(randomInt(1_000_000)).padStart(6, '0');\n}\n\nexport function digitRun(size = 4): string {\n  return Array.from({ length: size }, () => Math.floor(Math.random() * 10)).join('');\n}\n\nexport function shortRef(): string {\n  return Math.random().toString(36).slice(2, 8).toUpperCase();\n}\n\nexport function mixedDigits(): string {\n  return String(Math.floor(100000 + Math.random() * 900000));\n}\n\nexport function spreadMs(base: number): number {\n  return base + Math.floor(Math.random() * 250);\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomInt } from 'keyhygiene/keys';\nexport function sixDigits(): string {\n  return String(randomInt(0, 1_000_000)).padStart(6, '0');\n}\n\nexport function digitRun(size = 4): string {\n  return Array.from({ length: size }, () => Math.floor(Math.random() * 10)).join('');\n}\n\nexport function shortRef(): string {\n  return Math.random().toString(36).slice(2, 8).toUpperCase();\n}\n\nexport function mixedDigits(): string {\n  return String(Math.floor(100000 + Math.random() * 900000));\n}\n\nexport function spreadMs(base: number): number {\n  return base + Math.floor(Math.random() * 250);\n}\n",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 6,
          column: 56,
          endLine: 6,
          endColumn: 69,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomInt } from 'node:crypto';\nexport function sixDigits(): string {\n  return String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');\n}\n\nexport function digitRun(size = 4): string {\n  return Array.from({ length: size }, () => randomInt(10)).join('');\n}\n\nexport function shortRef(): string {\n  return Math.random().toString(36).slice(2, 8).toUpperCase();\n}\n\nexport function mixedDigits(): string {\n  return String(Math.floor(100000 + Math.random() * 900000));\n}\n\nexport function spreadMs(base: number): number {\n  return base + Math.floor(Math.random() * 250);\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomInt } from 'keyhygiene/keys';\nexport function sixDigits(): string {\n  return String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');\n}\n\nexport function digitRun(size = 4): string {\n  return Array.from({ length: size }, () => randomInt(0, 10)).join('');\n}\n\nexport function shortRef(): string {\n  return Math.random().toString(36).slice(2, 8).toUpperCase();\n}\n\nexport function mixedDigits(): string {\n  return String(Math.floor(100000 + Math.random() * 900000));\n}\n\nexport function spreadMs(base: number): number {\n  return base + Math.floor(Math.random() * 250);\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import { sixDigits, mixedDigits, spreadMs } from '../../../packages/kit/src/digits';\n\nexport function sendLoginCode(phone: string, send: (to: string, body: string) => void) {\n  const code = sixDigits();\n  const codes = mixedDigits();\n  const delay = spreadMs(500);\n  setTimeout(() => send(phone, `${code} ${codes}`), delay);\n}\n",
      filename: 'codes/apps/api/src/otp.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 27,
        },
        {
          messageId: 'weakRandom',
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 30,
        },
      ],
    },
    {
      code: "import { digitRun } from '../../../../../../packages/kit/src/digits';\n\nexport async function POST(req: Request) {\n  const code = digitRun(8);\n  return Response.json({ sent: Boolean(req.url && code) });\n}\n",
      filename: 'codes/apps/web/app/api/auth/reset/route.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 27,
        },
      ],
    },
  ],
});

// issue 11 (session 36): who or where the code runs (os.hostname(), os.userInfo(), a phone's vendor or install id)
// is known to anyone there, not entropy the tracker cannot see: a secret made from one and a clock or a pid is
// reported at the clock or the pid. A label made the same way, and a secret with a part the tracker cannot see
// (a vault's draw), stay quiet.
ruleTester.run('no-weak-randomness (host and device identity reads, batch rand20)', rule, {
  valid: [
    {
      // a worker name and a broker client id: labels, not secrets
      code: "import os from 'node:os';\n\nexport function workerName(): string {\n  return `${os.hostname()}-${process.pid}`;\n}\n\nexport const kafkaOptions = { clientId: `billing-${os.hostname()}-${Date.now()}` };\n",
      filename: 'src/lib/workers.ts',
    },
    {
      // retry back-off spread by Math.random on a host-specific base: a delay
      code: "import { hostname } from 'node:os';\n\nexport function retryDelayMs(attempt: number): number {\n  return 2 ** attempt * 100 + hostname().length * Math.random();\n}\n",
      filename: 'src/lib/retry.ts',
    },
    {
      // a secret keyed by a device id and a CSPRNG draw: the draw makes it unguessable
      code: "import { randomBytes } from 'node:crypto';\nimport DeviceInfo from 'react-native-device-info';\n\nexport function deviceSecret(): string {\n  return `${DeviceInfo.getUniqueId()}.${randomBytes(16).toString('hex')}`;\n}\n",
      filename: 'src/lib/device-secret.ts',
    },
  ],
  invalid: [
    {
      code: "import os from 'node:os';\n\nexport function controlSocketToken(): string {\n  return `${os.hostname()}-${process.pid}`;\n}\n\nexport function requestLabel(): string {\n  return `${os.hostname()}-${process.pid}-${Date.now()}`;\n}\n",
      filename: 'src/lib/control-socket.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 4,
          column: 30,
          endLine: 4,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import os from 'node:os';\nimport { randomBytes } from 'node:crypto';\n\nexport function controlSocketToken(): string {\n  return `${os.hostname()}-${randomBytes(32).toString('base64url')}`;\n}\n\nexport function requestLabel(): string {\n  return `${os.hostname()}-${process.pid}-${Date.now()}`;\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import os from 'node:os';\nimport { randomToken } from 'keyhygiene/keys';\n\nexport function controlSocketToken(): string {\n  return `${os.hostname()}-${randomToken()}`;\n}\n\nexport function requestLabel(): string {\n  return `${os.hostname()}-${process.pid}-${Date.now()}`;\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import { hostname, userInfo } from 'os';\n\nexport function sealingSecret(): string {\n  const material = `${hostname()}|${userInfo().username}|${Date.now()}`;\n  return material;\n}\n\nexport function unlockSecret(vault: { draw(): string }): string {\n  return `${hostname()}|${vault.draw()}|${Date.now()}`;\n}\n",
      filename: 'src/lib/sealing.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 4,
          column: 60,
          endLine: 4,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { hostname, userInfo } from 'os';\nimport { randomBytes } from 'node:crypto';\n\nexport function sealingSecret(): string {\n  const material = `${hostname()}|${userInfo().username}|${randomBytes(32).toString('base64url')}`;\n  return material;\n}\n\nexport function unlockSecret(vault: { draw(): string }): string {\n  return `${hostname()}|${vault.draw()}|${Date.now()}`;\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { hostname, userInfo } from 'os';\nimport { randomToken } from 'keyhygiene/keys';\n\nexport function sealingSecret(): string {\n  const material = `${hostname()}|${userInfo().username}|${randomToken()}`;\n  return material;\n}\n\nexport function unlockSecret(vault: { draw(): string }): string {\n  return `${hostname()}|${vault.draw()}|${Date.now()}`;\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import * as Application from 'expo-application';\nimport DeviceInfo from 'react-native-device-info';\n\nexport async function pairingSecret(): Promise<string> {\n  const vendorId = await Application.getIosIdForVendorAsync();\n  const secret = `${vendorId}:${new Date().getTime()}`;\n  return secret;\n}\n\nexport function deviceApiToken(): string {\n  return DeviceInfo.getUniqueId() + Date.now().toString(36);\n}\n\nexport function analyticsDeviceLabel(): string {\n  return `${DeviceInfo.getUniqueId()}-${Date.now()}`;\n}\n",
      filename: 'src/lib/pairing.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 6,
          column: 33,
          endLine: 6,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import * as Application from 'expo-application';\nimport DeviceInfo from 'react-native-device-info';\nimport { randomBytes } from 'node:crypto';\n\nexport async function pairingSecret(): Promise<string> {\n  const vendorId = await Application.getIosIdForVendorAsync();\n  const secret = `${vendorId}:${randomBytes(32).toString('base64url')}`;\n  return secret;\n}\n\nexport function deviceApiToken(): string {\n  return DeviceInfo.getUniqueId() + Date.now().toString(36);\n}\n\nexport function analyticsDeviceLabel(): string {\n  return `${DeviceInfo.getUniqueId()}-${Date.now()}`;\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import * as Application from 'expo-application';\nimport DeviceInfo from 'react-native-device-info';\nimport { randomToken } from 'keyhygiene/keys';\n\nexport async function pairingSecret(): Promise<string> {\n  const vendorId = await Application.getIosIdForVendorAsync();\n  const secret = `${vendorId}:${randomToken()}`;\n  return secret;\n}\n\nexport function deviceApiToken(): string {\n  return DeviceInfo.getUniqueId() + Date.now().toString(36);\n}\n\nexport function analyticsDeviceLabel(): string {\n  return `${DeviceInfo.getUniqueId()}-${Date.now()}`;\n}\n",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 11,
          column: 37,
          endLine: 11,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import * as Application from 'expo-application';\nimport DeviceInfo from 'react-native-device-info';\nimport { randomBytes } from 'node:crypto';\n\nexport async function pairingSecret(): Promise<string> {\n  const vendorId = await Application.getIosIdForVendorAsync();\n  const secret = `${vendorId}:${new Date().getTime()}`;\n  return secret;\n}\n\nexport function deviceApiToken(): string {\n  return DeviceInfo.getUniqueId() + randomBytes(32).toString('base64url');\n}\n\nexport function analyticsDeviceLabel(): string {\n  return `${DeviceInfo.getUniqueId()}-${Date.now()}`;\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import * as Application from 'expo-application';\nimport DeviceInfo from 'react-native-device-info';\nimport { randomToken } from 'keyhygiene/keys';\n\nexport async function pairingSecret(): Promise<string> {\n  const vendorId = await Application.getIosIdForVendorAsync();\n  const secret = `${vendorId}:${new Date().getTime()}`;\n  return secret;\n}\n\nexport function deviceApiToken(): string {\n  return DeviceInfo.getUniqueId() + randomToken();\n}\n\nexport function analyticsDeviceLabel(): string {\n  return `${DeviceInfo.getUniqueId()}-${Date.now()}`;\n}\n",
            },
          ],
        },
      ],
    },
  ],
});

// issue 11 (session 36): crypto-js's word array wraps the words it is given, so a salt or IV built with
// `WordArray.create` from Math.random words is as predictable as they are (whole import or `lib`); a word array
// from WordArray.random, and one hashed into a cache-buster, stay quiet.
ruleTester.run('no-weak-randomness (crypto-js word arrays, batch rand20)', rule, {
  valid: [
    {
      code: "import CryptoJS from 'crypto-js';\n\nexport function cacheBuster(): string {\n  const words = Array.from({ length: 2 }, () => (Math.random() * 0xffffffff) | 0);\n  return CryptoJS.MD5(CryptoJS.lib.WordArray.create(words)).toString();\n}\n\nexport function sealDraft(pin: string, draft: string): string {\n  const salt = CryptoJS.lib.WordArray.random(16);\n  const key = CryptoJS.PBKDF2(pin, salt, { keySize: 8, iterations: 210_000 });\n  return CryptoJS.AES.encrypt(draft, key, { iv: CryptoJS.lib.WordArray.random(16) }).toString();\n}\n",
      filename: 'src/lib/chart-seed.ts',
    },
  ],
  invalid: [
    {
      code: "import CryptoJS from 'crypto-js';\n\nexport function sealCard(pin: string, payload: string): string {\n  const salt = CryptoJS.lib.WordArray.create(Array.from({ length: 4 }, () => Math.floor(Math.random() * 0xffffffff)));\n  const key = CryptoJS.PBKDF2(pin, salt, { keySize: 256 / 32, iterations: 210_000 });\n  return CryptoJS.AES.encrypt(payload, key, { iv: CryptoJS.lib.WordArray.random(16) }).toString();\n}\n",
      filename: 'src/lib/card-store.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 4,
          column: 89,
          endLine: 4,
          endColumn: 102,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import CryptoJS from 'crypto-js';\nimport { randomInt } from 'node:crypto';\n\nexport function sealCard(pin: string, payload: string): string {\n  const salt = CryptoJS.lib.WordArray.create(Array.from({ length: 4 }, () => randomInt(0xffffffff)));\n  const key = CryptoJS.PBKDF2(pin, salt, { keySize: 256 / 32, iterations: 210_000 });\n  return CryptoJS.AES.encrypt(payload, key, { iv: CryptoJS.lib.WordArray.random(16) }).toString();\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import CryptoJS from 'crypto-js';\nimport { randomInt } from 'keyhygiene/keys';\n\nexport function sealCard(pin: string, payload: string): string {\n  const salt = CryptoJS.lib.WordArray.create(Array.from({ length: 4 }, () => randomInt(0, 0xffffffff)));\n  const key = CryptoJS.PBKDF2(pin, salt, { keySize: 256 / 32, iterations: 210_000 });\n  return CryptoJS.AES.encrypt(payload, key, { iv: CryptoJS.lib.WordArray.random(16) }).toString();\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import { AES, lib } from 'crypto-js';\n\nexport function sealOffline(key: lib.WordArray, body: string): string {\n  const words: number[] = [];\n  for (let i = 0; i < 4; i++) words.push((Math.random() * 0x100000000) | 0);\n  const iv = lib.WordArray.create(words);\n  return AES.encrypt(body, key, { iv }).toString();\n}\n",
      filename: 'src/lib/offline-cache.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 5,
          column: 43,
          endLine: 5,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { AES, lib } from 'crypto-js';\nimport { randomInt } from 'node:crypto';\n\nexport function sealOffline(key: lib.WordArray, body: string): string {\n  const words: number[] = [];\n  for (let i = 0; i < 4; i++) words.push(randomInt(0x100000000));\n  const iv = lib.WordArray.create(words);\n  return AES.encrypt(body, key, { iv }).toString();\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { AES, lib } from 'crypto-js';\nimport { randomInt } from 'keyhygiene/keys';\n\nexport function sealOffline(key: lib.WordArray, body: string): string {\n  const words: number[] = [];\n  for (let i = 0; i < 4; i++) words.push(randomInt(0, 0x100000000));\n  const iv = lib.WordArray.create(words);\n  return AES.encrypt(body, key, { iv }).toString();\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
