/**
 * no-weak-randomness, session 23 (branch rrand6): rows of the API coverage table (docs/rules/no-weak-randomness.md,
 * 'Coverage from the APIs') that were not covered at ca2c785 — aliases of Math.random, cuid v1, ulid's monotonic
 * factory, Deno and Bun readings, unkeyed digests and encoders (crypto-js, @noble/hashes, ethers, viem), database
 * sequences and counter documents, hand-written generators found by their state step, lodash _.times, and typed
 * arrays never filled — each with near misses from the same APIs.
 */
import rule from '../../rules/no-weak-randomness.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-weak-randomness (API coverage)', rule, {
  valid: [
    {
      // a token record's dates converted with new Date(value): the stored expiry, not a clock reading (session 23,
      // real repositories); the token itself comes from the CSPRNG
      code: "import { randomBytes } from 'node:crypto';\nfunction hydrate(row: Record<string, unknown>) {\n  const out: Record<string, unknown> = {};\n  for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'string' && /^\\d{4}-/.test(v) ? new Date(v) : v;\n  return out;\n}\nexport async function createVerificationToken(db: { insert(r: object): Promise<Record<string, unknown>> }) {\n  const row = await db.insert({ token: randomBytes(32).toString('hex'), expires: new Date(Date.UTC(2030, 0, 1)).toISOString() });\n  return hydrate(row);\n}\nexport const resetExpiry = (sent: string) => new Date(sent).getTime() + 3600_000;\n",
      filename: 'src/adapter/tokens.ts',
    },
    {
      code: "// cookies with no security purpose, and a session cookie from the CSPRNG\nimport { randomUUID } from 'node:crypto';\nexport async function prefs(req: any, reply: any, h: any) {\n  reply.setCookie('theme', Math.random() < 0.5 ? 'dark' : 'light');\n  reply.setCookie('sid', randomUUID(), { httpOnly: true });\n  h.state('ab_bucket', String(Math.floor(Math.random() * 4)));\n}",
      filename: 'src/cookies.ts',
    },
    {
      code: '// a Math.random alias for jitter and sampling\nconst rnd = Math.random;\nexport const backoffMs = (attempt: number) => 250 * 2 ** attempt + rnd() * 250;\nexport const sampled = () => rnd() < 0.01;',
      filename: 'src/jitter-alias.ts',
    },
    {
      code: "// sequences and counters for order and ticket numbers\nexport async function nextOrderNumber(pool: any) {\n  const res = await pool.query(\"SELECT nextval('order_seq') AS n\");\n  return Number(res.rows[0].n);\n}\nexport async function nextTicketNumber(Counters: any) {\n  const doc = await Counters.findOneAndUpdate({ _id: 'ticket' }, { $inc: { seq: 1 } }, { new: true });\n  return doc.seq;\n}\nexport const bumpLogins = (prisma: any, id: string) =>\n  prisma.user.update({ where: { id }, data: { loginCount: { increment: 1 } } });",
      filename: 'src/numbers.ts',
    },
    {
      code: '// a string hash loop and a xorshift for a particle effect\nexport function hashCode(s: string) {\n  let h = 0;\n  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;\n  return h;\n}\nexport const cacheKey = (s: string) => `c:${hashCode(s).toString(36)}`;\nlet st = 1;\nfunction sparkle() {\n  st ^= st << 13;\n  st ^= st >> 17;\n  st ^= st << 5;\n  return (st >>> 0) / 4294967296;\n}\nexport const particleX = () => sparkle() * 640;',
      filename: 'src/hashes.ts',
    },
    {
      code: "// ids that are not secrets, and ulid's random part from the CSPRNG\nimport cuid from 'cuid';\nimport { ulid } from 'ulid';\nexport const orderId = cuid();\nexport const shareToken = ulid();",
      filename: 'src/ids.ts',
    },
    {
      code: "// typed arrays that are filled: by getRandomValues, by libsodium, element by element\nimport sodium from 'libsodium-wrappers';\nimport { randomInt } from 'node:crypto';\nexport function tokens() {\n  const a = new Uint8Array(16);\n  globalThis.crypto.getRandomValues(a);\n  const b = new Uint8Array(32);\n  sodium.randombytes_buf_into(b);\n  const c = new Uint8Array(8);\n  for (let i = 0; i < c.length; i++) c[i] = randomInt(256);\n  return { sessionToken: Buffer.from(a).toString('hex'), apiKey: Buffer.from(b).toString('hex'), pin: Array.from(c).join('') };\n}",
      filename: 'src/filled.ts',
    },
    {
      code: "// digests of CSPRNG output, and a password hash with its own salt\nimport CryptoJS from 'crypto-js';\nimport { sha256 } from '@noble/hashes/sha2.js';\nimport { randomBytes } from '@noble/hashes/utils.js';\nexport const resetToken = CryptoJS.SHA256(crypto.randomUUID()).toString();\nexport const apiKey = Buffer.from(sha256(randomBytes(32))).toString('hex');",
      filename: 'src/digests.ts',
    },
  ],
  invalid: [
    {
      code: '// a Math.random alias makes a CSRF token\nconst rand = Math.random;\nexport const csrfToken = () => rand().toString(36).slice(2) + rand().toString(36).slice(2);',
      filename: 'src/csrf.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 3,
          column: 32,
          endLine: 3,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "// a Math.random alias makes a CSRF token\nimport { randomBytes } from 'node:crypto';\nconst rand = Math.random;\nexport const csrfToken = () => randomBytes(32).toString('base64url') + rand().toString(36).slice(2);",
            },
            {
              messageId: 'useKeys',
              output:
                "// a Math.random alias makes a CSRF token\nimport { randomToken } from 'keyhygiene/keys';\nconst rand = Math.random;\nexport const csrfToken = () => randomToken() + rand().toString(36).slice(2);",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 3,
          column: 63,
          endLine: 3,
          endColumn: 69,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "// a Math.random alias makes a CSRF token\nimport { randomBytes } from 'node:crypto';\nconst rand = Math.random;\nexport const csrfToken = () => rand().toString(36).slice(2) + randomBytes(32).toString('base64url');",
            },
            {
              messageId: 'useKeys',
              output:
                "// a Math.random alias makes a CSRF token\nimport { randomToken } from 'keyhygiene/keys';\nconst rand = Math.random;\nexport const csrfToken = () => rand().toString(36).slice(2) + randomToken();",
            },
          ],
        },
      ],
    },
    {
      code: '// destructured from Math, in a function that names a session id\nexport function newSessionId() {\n  const { random } = Math;\n  return random().toString(16).slice(2);\n}',
      filename: 'src/session-id.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "// destructured from Math, in a function that names a session id\nimport { randomUUID } from 'node:crypto';\nexport function newSessionId() {\n  const { random } = Math;\n  return randomUUID();\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "// destructured from Math, in a function that names a session id\nimport { randomToken } from 'keyhygiene/keys';\nexport function newSessionId() {\n  const { random } = Math;\n  return randomToken();\n}",
            },
          ],
        },
      ],
    },
    {
      code: "// a method of a weak module, aliased\nimport shortid from 'shortid';\nvar gen = shortid.generate;\nexport const inviteToken = gen();",
      filename: 'src/invite-alias.js',
      errors: [
        {
          messageId: 'weakRandom',
          line: 4,
          column: 28,
          endLine: 4,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "// a method of a weak module, aliased\nimport shortid from 'shortid';\nimport { randomBytes } from 'node:crypto';\nvar gen = shortid.generate;\nexport const inviteToken = randomBytes(32).toString('base64url');",
            },
            {
              messageId: 'useKeys',
              output:
                "// a method of a weak module, aliased\nimport shortid from 'shortid';\nimport { randomToken } from 'keyhygiene/keys';\nvar gen = shortid.generate;\nexport const inviteToken = randomToken();",
            },
          ],
        },
      ],
    },
    {
      code: "// cuid v1: a clock reading, a counter and a host fingerprint\nimport cuid from 'cuid';\nexport async function requestReset(db: any, userId: string) {\n  await db.reset.insert({ userId, resetToken: cuid() });\n}",
      filename: 'src/cuid-reset.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 4,
          column: 47,
          endLine: 4,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "// cuid v1: a clock reading, a counter and a host fingerprint\nimport cuid from 'cuid';\nimport { randomBytes } from 'node:crypto';\nexport async function requestReset(db: any, userId: string) {\n  await db.reset.insert({ userId, resetToken: randomBytes(32).toString('base64url') });\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "// cuid v1: a clock reading, a counter and a host fingerprint\nimport cuid from 'cuid';\nimport { randomToken } from 'keyhygiene/keys';\nexport async function requestReset(db: any, userId: string) {\n  await db.reset.insert({ userId, resetToken: randomToken() });\n}",
            },
          ],
        },
      ],
    },
    {
      code: "// ulid's monotonic factory steps the last id within a millisecond\nimport { monotonicFactory } from 'ulid';\nconst nextUlid = monotonicFactory();\nexport const createShareToken = () => nextUlid().toLowerCase();",
      filename: 'src/share-ulid.ts',
      errors: [{ messageId: 'weakRandom', line: 4, column: 39, endLine: 4, endColumn: 49, suggestions: [] }],
    },
    {
      code: '// Deno: the process id as a device secret\nexport const deviceSecret = `dev-${Deno.pid.toString(36)}`;',
      filename: 'src/deno-device.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 2,
          column: 36,
          endLine: 2,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "// Deno: the process id as a device secret\nimport { randomBytes } from 'node:crypto';\nexport const deviceSecret = `dev-${randomBytes(32).toString('base64url')}`;",
            },
            {
              messageId: 'useKeys',
              output:
                "// Deno: the process id as a device secret\nimport { randomToken } from 'keyhygiene/keys';\nexport const deviceSecret = `dev-${randomToken()}`;",
            },
          ],
        },
      ],
    },
    {
      code: '// Bun: a nanosecond clock as a refresh token\nexport function issueRefreshToken(userId: string) {\n  const refreshToken = `${userId}.${Bun.nanoseconds().toString(36)}`;\n  return refreshToken;\n}',
      filename: 'src/bun-refresh.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 3,
          column: 37,
          endLine: 3,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "// Bun: a nanosecond clock as a refresh token\nimport { randomBytes } from 'node:crypto';\nexport function issueRefreshToken(userId: string) {\n  const refreshToken = `${userId}.${randomBytes(32).toString('base64url')}`;\n  return refreshToken;\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "// Bun: a nanosecond clock as a refresh token\nimport { randomToken } from 'keyhygiene/keys';\nexport function issueRefreshToken(userId: string) {\n  const refreshToken = `${userId}.${randomToken()}`;\n  return refreshToken;\n}",
            },
          ],
        },
      ],
    },
    {
      code: "// crypto-js MD5 of the clock as an API key\nimport CryptoJS from 'crypto-js';\nexport function createApiKey() {\n  return CryptoJS.MD5(`${Date.now()}`).toString(CryptoJS.enc.Hex);\n}",
      filename: 'src/cryptojs-key.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 4,
          column: 26,
          endLine: 4,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "// crypto-js MD5 of the clock as an API key\nimport CryptoJS from 'crypto-js';\nimport { randomBytes } from 'node:crypto';\nexport function createApiKey() {\n  return CryptoJS.MD5(`${randomBytes(32).toString('base64url')}`).toString(CryptoJS.enc.Hex);\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "// crypto-js MD5 of the clock as an API key\nimport CryptoJS from 'crypto-js';\nimport { randomToken } from 'keyhygiene/keys';\nexport function createApiKey() {\n  return CryptoJS.MD5(`${randomToken()}`).toString(CryptoJS.enc.Hex);\n}",
            },
          ],
        },
      ],
    },
    {
      code: "// @noble/hashes sha256 of a timestamp as an AES key\nimport { sha256 } from '@noble/hashes/sha2.js';\nimport { gcm } from '@noble/ciphers/aes.js';\nexport const sealNote = (nonce: Uint8Array, note: Uint8Array) =>\n  gcm(sha256(String(Date.now())), nonce).encrypt(note);",
      filename: 'src/noble-key.ts',
      errors: [{ messageId: 'weakRandom', line: 5, column: 21, endLine: 5, endColumn: 31, suggestions: [] }],
    },
    {
      code: "// ethers: a wallet key hashed from the clock\nimport { ethers } from 'ethers';\nexport const burner = () => new ethers.Wallet(ethers.id(`burner-${Date.now()}`));",
      filename: 'src/ethers-burner.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 3,
          column: 67,
          endLine: 3,
          endColumn: 77,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "// ethers: a wallet key hashed from the clock\nimport { ethers } from 'ethers';\nimport { randomBytes } from 'node:crypto';\nexport const burner = () => new ethers.Wallet(ethers.id(`burner-${randomBytes(32).toString('base64url')}`));",
            },
            {
              messageId: 'useKeys',
              output:
                "// ethers: a wallet key hashed from the clock\nimport { ethers } from 'ethers';\nimport { randomToken } from 'keyhygiene/keys';\nexport const burner = () => new ethers.Wallet(ethers.id(`burner-${randomToken()}`));",
            },
          ],
        },
      ],
    },
    {
      code: "// viem: a private key hashed from the clock\nimport { keccak256, toHex } from 'viem';\nimport { privateKeyToAccount } from 'viem/accounts';\nexport const sessionAccount = privateKeyToAccount(keccak256(toHex(performance.now())));",
      filename: 'src/viem-session.ts',
      errors: [{ messageId: 'weakRandom', line: 4, column: 67, endLine: 4, endColumn: 84, suggestions: [] }],
    },
    {
      code: "// a PostgreSQL sequence numbers the reset tokens\nexport async function createResetToken(pool: any) {\n  const res = await pool.query(\"SELECT nextval('password_reset_seq') AS n\");\n  const resetToken = 'rst_' + Number(res.rows[0].n).toString(36);\n  return resetToken;\n}",
      filename: 'src/pg-reset.ts',
      errors: [{ messageId: 'weakRandom', line: 3, column: 21, endLine: 3, endColumn: 76, suggestions: [] }],
    },
    {
      code: "// a Mongo counter document numbers the e-mail verification codes\nexport async function emailVerificationCode(Counters: any) {\n  const { seq } = await Counters.findOneAndUpdate({ _id: 'verify' }, { $inc: { seq: 7 } }, { returnDocument: 'after' });\n  const verificationCode = String(seq).padStart(6, '0');\n  return verificationCode;\n}",
      filename: 'src/mongo-verify.ts',
      errors: [{ messageId: 'weakRandom', line: 3, column: 25, endLine: 3, endColumn: 120, suggestions: [] }],
    },
    {
      code: '// Prisma: an atomic increment numbers the invite codes\nexport async function nextInviteCode(prisma: any, teamId: string) {\n  const team = await prisma.team.update({ where: { id: teamId }, data: { invites: { increment: 1 } } });\n  return `${teamId}-${team.invites}`;\n}',
      filename: 'src/prisma-invite.ts',
      errors: [{ messageId: 'weakRandom', line: 3, column: 22, endLine: 3, endColumn: 104, suggestions: [] }],
    },
    {
      code: "// postgres.js: a sequence through a tagged template\nimport postgres from 'postgres';\nconst sql = postgres();\nexport async function createApiKey() {\n  const [row] = await sql`select nextval('api_key_seq') as n`;\n  const apiKey = `ak_${row.n}`;\n  return apiKey;\n}",
      filename: 'src/sql-tag.ts',
      errors: [{ messageId: 'weakRandom', line: 5, column: 23, endLine: 5, endColumn: 62, suggestions: [] }],
    },
    {
      code: '// a xorshift32 written inline, under a name of its own\nlet x = 2463534242;\nfunction step() {\n  x ^= x << 13;\n  x ^= x >>> 17;\n  x ^= x << 5;\n  return x >>> 0;\n}\nexport const refreshToken = () => step().toString(16) + step().toString(16);',
      filename: 'src/xorshift-token.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 7,
          column: 10,
          endLine: 7,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "// a xorshift32 written inline, under a name of its own\nimport { randomInt } from 'node:crypto';\nlet x = 2463534242;\nfunction step() {\n  x ^= x << 13;\n  x ^= x >>> 17;\n  x ^= x << 5;\n  return randomInt(2 ** 48) / 2 ** 48 >>> 0;\n}\nexport const refreshToken = () => step().toString(16) + step().toString(16);",
            },
            {
              messageId: 'useKeys',
              output:
                "// a xorshift32 written inline, under a name of its own\nimport { randomInt } from 'keyhygiene/keys';\nlet x = 2463534242;\nfunction step() {\n  x ^= x << 13;\n  x ^= x >>> 17;\n  x ^= x << 5;\n  return randomInt(0, 2 ** 48) / 2 ** 48 >>> 0;\n}\nexport const refreshToken = () => step().toString(16) + step().toString(16);",
            },
          ],
        },
      ],
    },
    {
      code: '// a linear congruential generator stepped in a closure\nexport function makeCodes(seed: number) {\n  let s = seed;\n  const next = () => (s = (s * 1664525 + 1013904223) % 4294967296);\n  return { recoveryCode: () => next().toString(36).toUpperCase() };\n}',
      filename: 'src/lcg-codes.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 4,
          column: 28,
          endLine: 4,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "// a linear congruential generator stepped in a closure\nimport { randomInt } from 'node:crypto';\nexport function makeCodes(seed: number) {\n  let s = seed;\n  const next = () => (s = (randomInt(2 ** 48) / 2 ** 48 * 1664525 + 1013904223) % 4294967296);\n  return { recoveryCode: () => next().toString(36).toUpperCase() };\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "// a linear congruential generator stepped in a closure\nimport { randomInt } from 'keyhygiene/keys';\nexport function makeCodes(seed: number) {\n  let s = seed;\n  const next = () => (s = (randomInt(0, 2 ** 48) / 2 ** 48 * 1664525 + 1013904223) % 4294967296);\n  return { recoveryCode: () => next().toString(36).toUpperCase() };\n}",
            },
          ],
        },
      ],
    },
    {
      code: "// lodash: ten random digits drawn by _.times\nimport _ from 'lodash';\nexport function backupCode() {\n  return _.times(10, () => _.random(9)).join('');\n}",
      filename: 'src/lodash-backup.ts',
      errors: [{ messageId: 'weakRandom', line: 4, column: 28, endLine: 4, endColumn: 39, suggestions: [] }],
    },
    {
      code: '// a byte array made for getRandomValues that nothing fills\nexport function createNonceToken() {\n  const buf = new Uint8Array(24);\n  return btoa(String.fromCharCode(...buf));\n}',
      filename: 'src/unfilled.ts',
      errors: [{ messageId: 'weakRandom', line: 3, column: 15, endLine: 3, endColumn: 33, suggestions: [] }],
    },
    {
      code: "// @fastify/cookie: a session cookie from the clock\nexport async function login(req: any, reply: any) {\n  reply.setCookie('sid', `${req.body.user}.${Date.now()}`, { httpOnly: true, path: '/' });\n  return { ok: true };\n}",
      filename: 'src/fastify-login.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 3,
          column: 46,
          endLine: 3,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "// @fastify/cookie: a session cookie from the clock\nimport { randomUUID } from 'node:crypto';\nexport async function login(req: any, reply: any) {\n  reply.setCookie('sid', `${req.body.user}.${randomUUID()}`, { httpOnly: true, path: '/' });\n  return { ok: true };\n}",
            },
            {
              messageId: 'useKeys',
              output:
                "// @fastify/cookie: a session cookie from the clock\nimport { randomToken } from 'keyhygiene/keys';\nexport async function login(req: any, reply: any) {\n  reply.setCookie('sid', `${req.body.user}.${randomToken()}`, { httpOnly: true, path: '/' });\n  return { ok: true };\n}",
            },
          ],
        },
      ],
    },
    {
      code: "// hapi: a session cookie set on the response toolkit\nexport const login = (request: any, h: any) =>\n  h.response({ ok: true }).state('session', Math.random().toString(36).slice(2));",
      filename: 'src/hapi-login.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 3,
          column: 45,
          endLine: 3,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "// hapi: a session cookie set on the response toolkit\nimport { randomUUID } from 'node:crypto';\nexport const login = (request: any, h: any) =>\n  h.response({ ok: true }).state('session', randomUUID());",
            },
            {
              messageId: 'useKeys',
              output:
                "// hapi: a session cookie set on the response toolkit\nimport { randomToken } from 'keyhygiene/keys';\nexport const login = (request: any, h: any) =>\n  h.response({ ok: true }).state('session', randomToken());",
            },
          ],
        },
      ],
    },
  ],
});
