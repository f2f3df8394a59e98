import rule from '../../rules/no-static-iv.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-static-iv', rule, {
  valid: [
    {
      // a counter after a random prefix written through a view of the buffer
      code: "import { createCipheriv } from 'node:crypto';\nlet counter = 0;\nexport function seal(key: Buffer, data: Buffer) {\n  const nonce = Buffer.alloc(12);\n  crypto.getRandomValues(nonce.subarray(0, 4));\n  nonce.writeUInt32BE(counter++, 8);\n  return createCipheriv('aes-256-gcm', key, nonce).update(data);\n}",
      filename: 'src/a.ts',
    },
    {
      // a static field set again before each use, and a buffer filled with random bytes
      code: "import { createCipheriv, randomBytes, randomFillSync } from 'node:crypto';\nexport class BlobCipher {\n  private static iv = randomBytes(16);\n  constructor(private readonly key: Buffer) {}\n  seal(blob: Buffer): Buffer {\n    BlobCipher.iv = randomBytes(16);\n    return createCipheriv('aes-256-cbc', this.key, BlobCipher.iv).update(blob);\n  }\n}\nexport const sealFresh = (key: Buffer) => createCipheriv('aes-128-cbc', key, randomFillSync(new Uint8Array(16)));",
      filename: 'src/a.ts',
    },

    {
      // issue 11 (session 19): a package import, a counter after a random prefix, a nonce from a parameter, decoders of a parameter
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\nimport CryptoJS from 'crypto-js';\nimport { SHARED_IV } from 'iv-package';\nconst prefix = randomBytes(4);\nlet seq = 0n;\nexport const a = (key: Buffer) => createCipheriv('aes-256-cbc', key, SHARED_IV);\nexport function b(key: Buffer, data: Buffer) {\n  const nonce = Buffer.alloc(12);\n  prefix.copy(nonce, 0);\n  nonce.writeBigUInt64BE(seq++, 4);\n  return createCipheriv('aes-256-gcm', key, nonce).update(data);\n}\nexport function c(key: Buffer, chunk: Buffer, index: number) {\n  const nonce = Buffer.alloc(12);\n  nonce.writeUInt32BE(index, 8);\n  return createCipheriv('aes-256-gcm', key, nonce).update(chunk);\n}\nexport function d(key: CryptoJS.lib.WordArray, ivHex: string) {\n  return CryptoJS.AES.encrypt('m', key, { iv: CryptoJS.enc.Hex.parse(ivHex) });\n}\nexport function e(key: Buffer, password: string) {\n  const iv = randomBytes(12);\n  return { iv, c: createCipheriv('aes-256-gcm', key, iv), tag: password.length };\n}",
      filename: 'src/use.ts',
    },

    {
      // a random prefix and a counter; a timestamp stored beside a random IV; a random nonce with a clock suffix
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\nexport class NonceSequence {\n  private readonly prefix = randomBytes(4);\n  private counter = 0n;\n  next(): Buffer {\n    const nonce = Buffer.alloc(12);\n    this.prefix.copy(nonce, 0);\n    nonce.writeBigUInt64BE(this.counter++, 4);\n    return nonce;\n  }\n}\nexport function seal(key: Buffer, data: Buffer) {\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', key, iv);\n  return { iv, sentAt: Date.now(), body: Buffer.concat([c.update(data), c.final()]) };\n}\nexport function sealStamped(key: Buffer, data: Buffer) {\n  const nonce = Buffer.concat([randomBytes(8), Buffer.from(Date.now().toString(16).slice(-8), 'hex')]);\n  return createCipheriv('aes-256-gcm', key, nonce).update(data);\n}",
      filename: 'src/nonces.ts',
    },
    // the test-file policy: the same code in a spec is not reported
    {
      code: "import { createCipheriv } from 'node:crypto';\nexport function seal(key: Buffer, data: Buffer) {\n  const cipher = createCipheriv('aes-256-gcm', key, Buffer.alloc(12));\n  return Buffer.concat([cipher.update(data), cipher.final()]);\n}",
      filename: 'test/no-static-iv.spec.ts',
    },
    // CSPRNG tokens; a timestamp next to CSPRNG bytes adds no weakness
    {
      code: "import crypto, { randomUUID, randomInt } from 'node:crypto';\nexport const resetToken = crypto.randomBytes(32).toString('hex');\nexport const sessionId = randomUUID();\nexport const otp = String(randomInt(100000, 1000000));\nexport const nonce = crypto.randomBytes(16).toString('base64') + Date.now();",
      filename: 'src/strong.js',
    },
    // test files are skipped
    {
      code: "const resetToken = Math.random().toString(36);\nconst iv = Buffer.alloc(16);\ncrypto.createCipheriv('aes-256-cbc', key, iv);",
      filename: 'test/reset.test.ts',
    },
    // a fresh IV per message
    {
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\nexport function seal(key: Buffer, data: Buffer) {\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);\n}",
      filename: 'src/seal.ts',
    },
    // AES key wrap fixes its IV (RFC 3394, RFC 5649)
    {
      code: "import { createCipheriv } from 'node:crypto';\nexport const wrap = (kek: Buffer, dek: Buffer) => createCipheriv('id-aes256-wrap', kek, Buffer.from('A6A6A6A6A6A6A6A6', 'hex')).update(dek);\nexport const wrapPad = (kek: Buffer, dek: Buffer) => createCipheriv('id-aes256-wrap-pad', kek, Buffer.from('A65959A6', 'hex')).update(dek);",
      filename: 'src/wrap.ts',
    },
    // HKDF may use a constant salt (RFC 5869)
    {
      code: "import { hkdfSync } from 'node:crypto';\nexport function subkey(master: Buffer) {\n  return hkdfSync('sha256', master, 'app-salt-v1', 'enc', 32);\n}\nexport async function webSubkey(base: CryptoKey) {\n  return crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: new TextEncoder().encode('v1') }, base, 256);\n}",
      filename: 'src/hkdf.ts',
    },
    // a counter nonce with a random prefix and a use limit
    {
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\nconst prefix = randomBytes(4);\nlet counter = 0n;\nexport function seal(key: Buffer, data: Buffer) {\n  if (counter >= 2n ** 32n) throw new RangeError('rotate the key');\n  const nonce = Buffer.alloc(12);\n  prefix.copy(nonce, 0);\n  nonce.writeBigUInt64BE(counter++, 4);\n  return createCipheriv('aes-256-gcm', key, nonce).update(data);\n}",
      filename: 'src/counter.ts',
    },
    // a zero buffer filled by the CSPRNG before use
    {
      code: "import { createCipheriv, randomFillSync } from 'node:crypto';\nexport function seal(key, data) {\n  const iv = Buffer.alloc(16);\n  randomFillSync(iv);\n  return createCipheriv('aes-256-cbc', key, iv).update(data);\n}",
      filename: 'src/fill.js',
    },
    // decryption reads the IV from the message
    {
      code: "import { createDecipheriv } from 'node:crypto';\nexport function open(key: Buffer, sealed: Buffer) {\n  const iv = sealed.subarray(0, 12);\n  return createDecipheriv('aes-256-gcm', key, iv).update(sealed.subarray(28));\n}",
      filename: 'src/open.ts',
    },
    // a module-level IV used once, at module level
    {
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\nconst iv = randomBytes(16);\nexport const sealedConfig = Buffer.concat([iv, createCipheriv('aes-256-cbc', configKey, iv).update(configText)]);",
      filename: 'src/once.ts',
    },
    // bcrypt cost rounds and argon2's own salt
    {
      code: "import bcrypt from 'bcrypt';\nimport argon2 from 'argon2';\nconst ROUNDS = 12;\nexport const hash = (pw) => bcrypt.hash(pw, ROUNDS);\nexport const hash2 = (pw) => argon2.hash(pw, { type: argon2.argon2id });",
      filename: 'src/bcrypt.js',
    },
    // WebCrypto with a fresh IV
    {
      code: "export async function seal(key: CryptoKey, data: Uint8Array) {\n  const iv = crypto.getRandomValues(new Uint8Array(12));\n  return { iv, body: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data) };\n}",
      filename: 'src/web.ts',
    },
    // a fresh salt per password
    {
      code: "import { randomBytes, scryptSync } from 'node:crypto';\nexport function hashPassword(password: string) {\n  const salt = randomBytes(16);\n  return { salt, hash: scryptSync(password, salt, 64) };\n}",
      filename: 'src/salt.ts',
    },
  ],
  invalid: [
    {
      // a static field made once and read by every call, and a constant buffer filled with one value
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\nexport class BlobCipher {\n  private static iv = randomBytes(16);\n  constructor(private readonly key: Buffer) {}\n  seal(blob: Buffer): Buffer {\n    return createCipheriv('aes-256-cbc', this.key, BlobCipher.iv).update(blob);\n  }\n}\nexport const sealFilled = (key: Buffer) => createCipheriv('aes-128-cbc', key, new Uint8Array(16).fill(1));",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'reusedIv',
          line: 6,
          column: 52,
          endLine: 6,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { createCipheriv, randomBytes } from 'node:crypto';\nexport class BlobCipher {\n  private static iv = randomBytes(16);\n  constructor(private readonly key: Buffer) {}\n  seal(blob: Buffer): Buffer {\n    const iv = randomBytes(16);\n    return createCipheriv('aes-256-cbc', this.key, iv).update(blob);\n  }\n}\nexport const sealFilled = (key: Buffer) => createCipheriv('aes-128-cbc', key, new Uint8Array(16).fill(1));",
            },
          ],
        },
        { messageId: 'staticIv', line: 9, column: 79, endLine: 9, endColumn: 105, suggestions: [] },
      ],
    },

    {
      // issue 11 (session 19): constant IVs exported by another module, reported where they are used
      code: "import { createCipheriv } from 'node:crypto';\nimport { CIPHER_IV, ZERO_NONCE } from '../fixtures/rule-tester/settings/crypto-config';\nexport const a = (key: Buffer) => createCipheriv('aes-256-cbc', key, CIPHER_IV);\nexport const b = (key: Buffer) => createCipheriv('aes-256-gcm', key, ZERO_NONCE);",
      filename: 'src/use.ts',
      errors: [
        { messageId: 'staticIv', line: 3, column: 70, endLine: 3, endColumn: 79, suggestions: [] },
        { messageId: 'staticIv', line: 4, column: 70, endLine: 4, endColumn: 80, suggestions: [] },
      ],
    },

    {
      // the same through CommonJS
      code: "const crypto = require('crypto');\nconst settings = require('../fixtures/rule-tester/settings/legacy.cjs');\nmodule.exports = (key) => crypto.createCipheriv('aes-128-cbc', key, settings.IV);",
      filename: 'src/use.js',
      errors: [{ messageId: 'staticIv', line: 3, column: 69, endLine: 3, endColumn: 80, suggestions: [] }],
    },

    {
      // a static class field, and literals decoded by a library or re-shaped by a string method
      code: "import { createCipheriv } from 'node:crypto';\nimport CryptoJS from 'crypto-js';\nimport forge from 'node-forge';\nenum Preset {\n  Iv = '0000000000000000',\n}\nclass Box {\n  static readonly NONCE = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);\n  seal(key: Buffer) {\n    return createCipheriv('aes-256-gcm', key, Box.NONCE);\n  }\n}\nexport function c(key: CryptoJS.lib.WordArray) {\n  return CryptoJS.AES.encrypt('m', key, { iv: CryptoJS.enc.Utf8.parse(Preset.Iv) });\n}\nexport function d(key: Buffer) {\n  return createCipheriv('aes-128-cbc', key, '\\0'.repeat(16));\n}\nexport function e(key: string) {\n  const cipher = forge.cipher.createCipher('AES-CBC', key);\n  cipher.start({ iv: forge.util.hexToBytes('000102030405060708090a0b0c0d0e0f') });\n  return cipher;\n}",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 10,
          column: 47,
          endLine: 10,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { createCipheriv, randomBytes } from 'node:crypto';\nimport CryptoJS from 'crypto-js';\nimport forge from 'node-forge';\nenum Preset {\n  Iv = '0000000000000000',\n}\nclass Box {\n  static readonly NONCE = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);\n  seal(key: Buffer) {\n    const iv = randomBytes(12);\n    return createCipheriv('aes-256-gcm', key, iv);\n  }\n}\nexport function c(key: CryptoJS.lib.WordArray) {\n  return CryptoJS.AES.encrypt('m', key, { iv: CryptoJS.enc.Utf8.parse(Preset.Iv) });\n}\nexport function d(key: Buffer) {\n  return createCipheriv('aes-128-cbc', key, '\\0'.repeat(16));\n}\nexport function e(key: string) {\n  const cipher = forge.cipher.createCipher('AES-CBC', key);\n  cipher.start({ iv: forge.util.hexToBytes('000102030405060708090a0b0c0d0e0f') });\n  return cipher;\n}",
            },
          ],
        },
        { messageId: 'staticIv', line: 14, column: 47, endLine: 14, endColumn: 81, suggestions: [] },
        {
          messageId: 'staticIv',
          line: 17,
          column: 45,
          endLine: 17,
          endColumn: 60,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { createCipheriv, randomBytes } from 'node:crypto';\nimport CryptoJS from 'crypto-js';\nimport forge from 'node-forge';\nenum Preset {\n  Iv = '0000000000000000',\n}\nclass Box {\n  static readonly NONCE = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);\n  seal(key: Buffer) {\n    return createCipheriv('aes-256-gcm', key, Box.NONCE);\n  }\n}\nexport function c(key: CryptoJS.lib.WordArray) {\n  return CryptoJS.AES.encrypt('m', key, { iv: CryptoJS.enc.Utf8.parse(Preset.Iv) });\n}\nexport function d(key: Buffer) {\n  const iv = randomBytes(16);\n  return createCipheriv('aes-128-cbc', key, iv);\n}\nexport function e(key: string) {\n  const cipher = forge.cipher.createCipher('AES-CBC', key);\n  cipher.start({ iv: forge.util.hexToBytes('000102030405060708090a0b0c0d0e0f') });\n  return cipher;\n}",
            },
          ],
        },
        { messageId: 'staticIv', line: 21, column: 22, endLine: 21, endColumn: 79, suggestions: [] },
      ],
    },

    {
      // a counter written into a zero buffer, with no random part
      code: "import { createCipheriv } from 'node:crypto';\nlet counter = 0;\nexport function seal(key: Buffer, data: Buffer) {\n  const nonce = Buffer.alloc(12);\n  nonce.writeUInt32BE(counter++, 8);\n  return createCipheriv('aes-256-gcm', key, nonce).update(data);\n}",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { createCipheriv, randomBytes } from 'node:crypto';\nlet counter = 0;\nexport function seal(key: Buffer, data: Buffer) {\n  const nonce = randomBytes(12);\n  nonce.writeUInt32BE(counter++, 8);\n  return createCipheriv('aes-256-gcm', key, nonce).update(data);\n}",
            },
          ],
        },
      ],
    },

    {
      // an IV derived from a password, and one cut from the text the key is decoded from
      code: "import { createCipheriv, createHash } from 'node:crypto';\nexport function f(key: Buffer, password: string) {\n  const iv = createHash('sha256').update(password).digest().subarray(0, 12);\n  return createCipheriv('aes-256-gcm', key, iv);\n}\nexport function g(keyHex: string) {\n  const key = Buffer.from(keyHex, 'hex');\n  return createCipheriv('aes-256-cbc', key, Buffer.from(keyHex.slice(0, 32), 'hex'));\n}",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 4,
          column: 45,
          endLine: 4,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { createCipheriv, createHash, randomBytes } from 'node:crypto';\nexport function f(key: Buffer, password: string) {\n  const iv = randomBytes(12);\n  return createCipheriv('aes-256-gcm', key, iv);\n}\nexport function g(keyHex: string) {\n  const key = Buffer.from(keyHex, 'hex');\n  return createCipheriv('aes-256-cbc', key, Buffer.from(keyHex.slice(0, 32), 'hex'));\n}",
            },
          ],
        },
        {
          messageId: 'ivFromKey',
          line: 8,
          column: 45,
          endLine: 8,
          endColumn: 84,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { createCipheriv, createHash, randomBytes } from 'node:crypto';\nexport function f(key: Buffer, password: string) {\n  const iv = createHash('sha256').update(password).digest().subarray(0, 12);\n  return createCipheriv('aes-256-gcm', key, iv);\n}\nexport function g(keyHex: string) {\n  const key = Buffer.from(keyHex, 'hex');\n  const iv = randomBytes(16);\n  return createCipheriv('aes-256-cbc', key, iv);\n}",
            },
          ],
        },
      ],
    },

    {
      // a GCM nonce with the clock written into it, and a PBKDF2 salt from the process id: reported at each reading (no suggestion where the reading is written in afterwards)
      code: "import { createCipheriv, pbkdf2Sync } from 'node:crypto';\nexport function encryptRecord(key: Buffer, plaintext: string) {\n  const nonce = Buffer.alloc(12);\n  nonce.writeBigUInt64BE(BigInt(Date.now()), 4);\n  const cipher = createCipheriv('aes-256-gcm', key, nonce);\n  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);\n}\nexport const hashPin = (pin: string) => pbkdf2Sync(pin, String(process.pid), 600000, 32, 'sha256');",
      filename: 'src/records.ts',
      errors: [
        {
          messageId: 'clockIv',
          line: 4,
          column: 33,
          endLine: 4,
          endColumn: 43,
        },
        {
          messageId: 'clockIv',
          line: 8,
          column: 64,
          endLine: 8,
          endColumn: 75,
        },
      ],
    },
    {
      // an IV made from a timestamp string: the suggestion replaces the whole initialiser
      code: "import crypto from 'node:crypto';\nexport function seal(key: Buffer, msg: Buffer) {\n  const iv = Buffer.from(Date.now().toString().padStart(16, '0')).subarray(0, 16);\n  const c = crypto.createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([iv, c.update(msg), c.final()]);\n}",
      filename: 'src/seal.ts',
      errors: [
        {
          messageId: 'clockIv',
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import crypto from 'node:crypto';\nexport function seal(key: Buffer, msg: Buffer) {\n  const iv = crypto.randomBytes(16);\n  const c = crypto.createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([iv, c.update(msg), c.final()]);\n}",
            },
          ],
        },
      ],
    },
    {
      // the IV is a slice of the key, and so is the key argument (key.subarray(0, 16))
      code: "const crypto = require('crypto');\nfunction ivFromKey(key, data) {\n  const c = crypto.createCipheriv('aes-128-cbc', key.subarray(0, 16), key.subarray(16, 32));\n  return Buffer.concat([c.update(data), c.final()]);\n}\nmodule.exports = { ivFromKey };",
      filename: 'src/legacy-iv.js',
      errors: [
        {
          messageId: 'ivFromKey',
          line: 3,
          column: 71,
          endLine: 3,
          endColumn: 91,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "const crypto = require('crypto');\nfunction ivFromKey(key, data) {\n  const iv = crypto.randomBytes(16);\n  const c = crypto.createCipheriv('aes-128-cbc', key.subarray(0, 16), iv);\n  return Buffer.concat([c.update(data), c.final()]);\n}\nmodule.exports = { ivFromKey };",
            },
          ],
        },
      ],
    },
    {
      // WebCrypto AES-GCM with an IV encoded from the clock
      code: "import CryptoJS from 'crypto-js';\nexport async function sealNote(key: CryptoKey, note: string) {\n  const iv = new TextEncoder().encode(String(Date.now()).padStart(12, '0'));\n  return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(note));\n}\nexport function sealLegacy(text: string, keyHex: string) {\n  const iv = CryptoJS.enc.Utf8.parse(new Date().getTime().toString(16).padStart(16, '0'));\n  return CryptoJS.AES.encrypt(text, CryptoJS.enc.Hex.parse(keyHex), { iv }).toString();\n}",
      filename: 'src/notes.ts',
      errors: [
        {
          messageId: 'clockIv',
          line: 3,
          column: 46,
          endLine: 3,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import CryptoJS from 'crypto-js';\nexport async function sealNote(key: CryptoKey, note: string) {\n  const iv = crypto.getRandomValues(new Uint8Array(12));\n  return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(note));\n}\nexport function sealLegacy(text: string, keyHex: string) {\n  const iv = CryptoJS.enc.Utf8.parse(new Date().getTime().toString(16).padStart(16, '0'));\n  return CryptoJS.AES.encrypt(text, CryptoJS.enc.Hex.parse(keyHex), { iv }).toString();\n}",
            },
          ],
        },
        // the clock decoded by CryptoJS.enc.Utf8.parse (a decoder returns what it is given, session 25)
        { messageId: 'clockIv', line: 7, column: 38, endLine: 7, endColumn: 58 },
      ],
    },
    {
      // a constant all-zero GCM IV: the fresh-IV suggestion declares one per call
      code: "import { createCipheriv } from 'node:crypto';\nexport function seal(key: Buffer, data: Buffer) {\n  const cipher = createCipheriv('aes-256-gcm', key, Buffer.alloc(12));\n  return Buffer.concat([cipher.update(data), cipher.final()]);\n}",
      filename: 'src/seal.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 3,
          column: 53,
          endLine: 3,
          endColumn: 69,
          data: {
            sink: 'crypto.createCipheriv',
            role: 'IV',
            category: 'static-iv',
            what: 'An all-zero 12-byte buffer',
          },
          suggestions: [
            {
              messageId: 'freshIv',
              data: {
                role: 'IV',
                unit: 'message',
                call: 'randomBytes(12)',
                output: 'ciphertext',
                reverse: 'decryption',
              },
              output:
                "import { createCipheriv, randomBytes } from 'node:crypto';\nexport function seal(key: Buffer, data: Buffer) {\n  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([cipher.update(data), cipher.final()]);\n}",
            },
          ],
        },
      ],
    },
    {
      // a string-literal IV in CommonJS: the suggestion shadows the shared binding
      code: "const crypto = require('crypto');\nconst IV = '0123456789abcdef';\nfunction encrypt(key, text) {\n  const c = crypto.createCipheriv('aes-256-cbc', key, IV);\n  return c.update(text, 'utf8', 'hex') + c.final('hex');\n}\nmodule.exports = { encrypt };",
      filename: 'src/legacy.js',
      errors: [
        {
          messageId: 'staticIv',
          line: 2,
          column: 12,
          endLine: 2,
          endColumn: 30,
          data: { sink: 'crypto.createCipheriv', role: 'IV', category: 'static-iv', what: 'A string literal' },
          suggestions: [
            {
              messageId: 'freshIv',
              data: {
                role: 'IV',
                unit: 'message',
                call: 'crypto.randomBytes(16)',
                output: 'ciphertext',
                reverse: 'decryption',
              },
              output:
                "const crypto = require('crypto');\nconst IV = '0123456789abcdef';\nfunction encrypt(key, text) {\n  const IV = crypto.randomBytes(16);\n  const c = crypto.createCipheriv('aes-256-cbc', key, IV);\n  return c.update(text, 'utf8', 'hex') + c.final('hex');\n}\nmodule.exports = { encrypt };",
            },
          ],
        },
      ],
    },
    {
      // a module-level IV shared by every encryption (reported once, with the encrypting call's suggestion)
      code: "import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';\nconst NOTE_IV = randomBytes(12);\nexport function seal(key: Buffer, note: string) {\n  return createCipheriv('aes-256-gcm', key, NOTE_IV).update(note, 'utf8');\n}\nexport function open(key: Buffer, data: Buffer) {\n  return createDecipheriv('aes-256-gcm', key, NOTE_IV).update(data);\n}",
      filename: 'src/notes.ts',
      errors: [
        {
          messageId: 'reusedIv',
          line: 4,
          column: 45,
          endLine: 4,
          endColumn: 52,
          data: { sink: 'crypto.createCipheriv', role: 'IV', category: 'static-iv', name: 'NOTE_IV', fn: 'seal()' },
          suggestions: [
            {
              messageId: 'freshIv',
              data: {
                role: 'IV',
                unit: 'message',
                call: 'randomBytes(12)',
                output: 'ciphertext',
                reverse: 'decryption',
              },
              output:
                "import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';\nconst NOTE_IV = randomBytes(12);\nexport function seal(key: Buffer, note: string) {\n  const NOTE_IV = randomBytes(12);\n  return createCipheriv('aes-256-gcm', key, NOTE_IV).update(note, 'utf8');\n}\nexport function open(key: Buffer, data: Buffer) {\n  return createDecipheriv('aes-256-gcm', key, NOTE_IV).update(data);\n}",
            },
          ],
        },
      ],
    },
    {
      // a field set once in the constructor and reused by every call
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\nexport class Box {\n  private readonly iv: Buffer;\n  constructor(private readonly key: Buffer) {\n    this.iv = randomBytes(16);\n  }\n  seal(data: Buffer) {\n    return createCipheriv('aes-256-cbc', this.key, this.iv).update(data);\n  }\n}",
      filename: 'src/box.ts',
      errors: [
        {
          messageId: 'reusedIv',
          line: 8,
          column: 52,
          endLine: 8,
          endColumn: 59,
          data: { sink: 'crypto.createCipheriv', role: 'IV', category: 'static-iv', name: 'this.iv', fn: 'seal()' },
          suggestions: [
            {
              messageId: 'freshIv',
              data: {
                role: 'IV',
                unit: 'message',
                call: 'randomBytes(16)',
                output: 'ciphertext',
                reverse: 'decryption',
              },
              output:
                "import { createCipheriv, randomBytes } from 'node:crypto';\nexport class Box {\n  private readonly iv: Buffer;\n  constructor(private readonly key: Buffer) {\n    this.iv = randomBytes(16);\n  }\n  seal(data: Buffer) {\n    const iv = randomBytes(16);\n    return createCipheriv('aes-256-cbc', this.key, iv).update(data);\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      // an IV derived from the key
      code: "import { createCipheriv } from 'node:crypto';\nexport function exportBlob(key: Buffer, blob: Buffer) {\n  return createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).update(blob);\n}",
      filename: 'src/export.ts',
      errors: [
        {
          messageId: 'ivFromKey',
          line: 3,
          column: 45,
          endLine: 3,
          endColumn: 64,
          data: { sink: 'crypto.createCipheriv', role: 'IV', category: 'static-iv' },
          suggestions: [
            {
              messageId: 'freshIv',
              data: {
                role: 'IV',
                unit: 'message',
                call: 'randomBytes(16)',
                output: 'ciphertext',
                reverse: 'decryption',
              },
              output:
                "import { createCipheriv, randomBytes } from 'node:crypto';\nexport function exportBlob(key: Buffer, blob: Buffer) {\n  const iv = randomBytes(16);\n  return createCipheriv('aes-256-cbc', key, iv).update(blob);\n}",
            },
          ],
        },
      ],
    },
    {
      // a constant PBKDF2 salt, and a module-level scrypt salt shared by every password
      code: "import { pbkdf2Sync, randomBytes, scryptSync } from 'node:crypto';\nexport const exportKey = (password: string) => pbkdf2Sync(password, 'acme-export-salt', 600_000, 32, 'sha256');\nconst SALT = randomBytes(16);\nexport function hashPassword(password: string) {\n  return scryptSync(password, SALT, 64, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 });\n}",
      filename: 'src/kdf.ts',
      errors: [
        {
          messageId: 'staticSalt',
          line: 2,
          column: 69,
          endLine: 2,
          endColumn: 87,
          data: { sink: 'crypto.pbkdf2Sync', role: 'salt', category: 'static-iv', what: 'A string literal' },
          suggestions: [],
        },
        {
          messageId: 'staticSalt',
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 11,
          data: {
            sink: 'crypto.scryptSync',
            role: 'salt',
            category: 'static-iv',
            what: 'The module-level salt SALT, shared by every call of hashPassword(),',
          },
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
                "import { pbkdf2Sync, randomBytes, scryptSync } from 'node:crypto';\nexport const exportKey = (password: string) => pbkdf2Sync(password, 'acme-export-salt', 600_000, 32, 'sha256');\nconst SALT = randomBytes(16);\nexport function hashPassword(password: string) {\n  const SALT = randomBytes(16);\n  return scryptSync(password, SALT, 64, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 });\n}",
            },
          ],
        },
      ],
    },
    {
      // WebCrypto: the fresh IV comes from crypto.getRandomValues
      code: "export async function seal(key: CryptoKey, data: Uint8Array) {\n  return crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, key, data);\n}",
      filename: 'src/web.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 2,
          column: 55,
          endLine: 2,
          endColumn: 73,
          data: { sink: 'SubtleCrypto.encrypt', role: 'IV', category: 'static-iv', what: 'An all-zero 12-byte buffer' },
          suggestions: [
            {
              messageId: 'freshIv',
              data: {
                role: 'IV',
                unit: 'message',
                call: 'crypto.getRandomValues(new Uint8Array(12))',
                output: 'ciphertext',
                reverse: 'decryption',
              },
              output:
                "export async function seal(key: CryptoKey, data: Uint8Array) {\n  const iv = crypto.getRandomValues(new Uint8Array(12));\n  return crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv }, key, data);\n}",
            },
          ],
        },
      ],
    },
    {
      // an IV from configuration is the same for every message
      code: "const { createCipheriv } = require('node:crypto');\nfunction encrypt(key, data) {\n  return createCipheriv('aes-256-cbc', key, Buffer.from(process.env.AES_IV, 'hex')).update(data);\n}\nmodule.exports = { encrypt };",
      filename: 'src/env-iv.js',
      errors: [
        {
          messageId: 'staticIv',
          line: 3,
          column: 57,
          endLine: 3,
          endColumn: 75,
          data: {
            sink: 'crypto.createCipheriv',
            role: 'IV',
            category: 'static-iv',
            what: 'The configured value process.env.AES_IV',
          },
          suggestions: [
            {
              messageId: 'freshIv',
              data: {
                role: 'IV',
                unit: 'message',
                call: 'randomBytes(16)',
                output: 'ciphertext',
                reverse: 'decryption',
              },
              output:
                "const { createCipheriv } = require('node:crypto');\nconst { randomBytes } = require('node:crypto');\nfunction encrypt(key, data) {\n  const iv = randomBytes(16);\n  return createCipheriv('aes-256-cbc', key, iv).update(data);\n}\nmodule.exports = { encrypt };",
            },
          ],
        },
      ],
    },
    {
      // a zero IV as a default parameter
      code: "import { createCipheriv } from 'node:crypto';\nexport function encrypt(key, data, iv = Buffer.alloc(16)) {\n  return createCipheriv('aes-256-cbc', key, iv).update(data);\n}",
      filename: 'src/default-iv.js',
      errors: [
        {
          messageId: 'staticIv',
          line: 2,
          column: 41,
          endLine: 2,
          endColumn: 57,
          data: {
            sink: 'crypto.createCipheriv',
            role: 'IV',
            category: 'static-iv',
            what: 'An all-zero 16-byte buffer',
          },
          suggestions: [],
        },
      ],
    },
  ],
});

// issue 11 (session 20): an IV, nonce or password-KDF salt made from a record's or person's identifier (hashed,
// encoded, cut; catalogue identifierName) repeats for every message about that record. Near misses: an identifier
// beside random bytes, an IV read back from the record, an HKDF salt (a constant salt is allowed, RFC 5869 §3.1).
ruleTester.run('no-static-iv (IVs and salts derived from an identifier, batch rpw3)', rule, {
  valid: [
    {
      code: "import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';\n\nexport function sealForUser(userId: string, text: string, key: Buffer) {\n  const iv = Buffer.concat([randomBytes(8), Buffer.from(userId).subarray(0, 8)]);\n  const c = createCipheriv('aes-256-cbc', key, iv);\n  return { iv: iv.toString('base64'), body: Buffer.concat([c.update(text, 'utf8'), c.final()]) };\n}\n\nexport function openRecord(record: { iv: string; body: string }, key: Buffer): string {\n  const d = createDecipheriv('aes-256-cbc', key, Buffer.from(record.iv, 'base64'));\n  return Buffer.concat([d.update(Buffer.from(record.body, 'base64')), d.final()]).toString('utf8');\n}\n\nexport function tenantKey(master: Buffer, tenantId: string): Buffer {\n  return Buffer.from(hkdfSync('sha256', master, tenantId, 'tenant-data', 32));\n}\n",
      filename: 'src/records.ts',
    },
  ],
  invalid: [
    {
      code: "import { createCipheriv, createHash, pbkdf2Sync } from 'node:crypto';\n\nexport function sealOrderNote(orderId: string, note: string, key: Buffer): string {\n  const iv = createHash('md5').update(orderId).digest();\n  const c = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([c.update(note, 'utf8'), c.final()]).toString('base64');\n}\n\nexport function accountKey(account: { email: string; password: string }): Buffer {\n  return pbkdf2Sync(account.password, account.email, 600_000, 32, 'sha256');\n}\n\nexport async function sealDocument(key: CryptoKey, documentId: string, body: string) {\n  const iv = new TextEncoder().encode(documentId).slice(0, 12);\n  return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(body));\n}\n",
      filename: 'src/orders.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 5,
          column: 48,
          endLine: 5,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { createCipheriv, createHash, pbkdf2Sync, randomBytes } from 'node:crypto';\n\nexport function sealOrderNote(orderId: string, note: string, key: Buffer): string {\n  const iv = randomBytes(16);\n  const c = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([c.update(note, 'utf8'), c.final()]).toString('base64');\n}\n\nexport function accountKey(account: { email: string; password: string }): Buffer {\n  return pbkdf2Sync(account.password, account.email, 600_000, 32, 'sha256');\n}\n\nexport async function sealDocument(key: CryptoKey, documentId: string, body: string) {\n  const iv = new TextEncoder().encode(documentId).slice(0, 12);\n  return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(body));\n}\n",
            },
          ],
        },
        {
          messageId: 'staticSalt',
          line: 10,
          column: 39,
          endLine: 10,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { createCipheriv, createHash, pbkdf2Sync, randomBytes } from 'node:crypto';\n\nexport function sealOrderNote(orderId: string, note: string, key: Buffer): string {\n  const iv = createHash('md5').update(orderId).digest();\n  const c = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([c.update(note, 'utf8'), c.final()]).toString('base64');\n}\n\nexport function accountKey(account: { email: string; password: string }): Buffer {\n  const salt = randomBytes(16);\n  return pbkdf2Sync(account.password, salt, 600_000, 32, 'sha256');\n}\n\nexport async function sealDocument(key: CryptoKey, documentId: string, body: string) {\n  const iv = new TextEncoder().encode(documentId).slice(0, 12);\n  return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(body));\n}\n",
            },
          ],
        },
        {
          messageId: 'staticIv',
          line: 15,
          column: 51,
          endLine: 15,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { createCipheriv, createHash, pbkdf2Sync } from 'node:crypto';\n\nexport function sealOrderNote(orderId: string, note: string, key: Buffer): string {\n  const iv = createHash('md5').update(orderId).digest();\n  const c = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([c.update(note, 'utf8'), c.final()]).toString('base64');\n}\n\nexport function accountKey(account: { email: string; password: string }): Buffer {\n  return pbkdf2Sync(account.password, account.email, 600_000, 32, 'sha256');\n}\n\nexport async function sealDocument(key: CryptoKey, documentId: string, body: string) {\n  const iv = crypto.getRandomValues(new Uint8Array(12));\n  return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(body));\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
