import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-password-as-key.js';
import { ruleTester, typedRuleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-password-as-key', rule, {
  valid: [
    {
      // issue 11 (session 19): HKDF over key material, a seed phrase through BIP-39, a search phrase hashed for a cache key
      code: "import { hkdfSync, createHash, randomBytes } from 'node:crypto';\nimport { hkdf } from '@noble/hashes/hkdf.js';\nimport { sha256 } from '@noble/hashes/sha2.js';\nimport { mnemonicToSeedSync } from 'bip39';\nexport const a = (sharedSecret: Buffer) => Buffer.from(hkdfSync('sha256', sharedSecret, randomBytes(16), 'session', 32));\nexport const b = (masterKey: Uint8Array, salt: Uint8Array) => hkdf(sha256, masterKey, salt, 'files', 32);\nexport const c = (seedPhrase: string) => mnemonicToSeedSync(seedPhrase);\nexport const d = (searchPhrase: string) => createHash('sha1').update(searchPhrase).digest('hex');",
      filename: 'src/a.ts',
    },

    // password storage at OWASP's argon2id minimum (m = 19 MiB, t = 2, p = 1): argon2.hash stores passwords,
    // so the storage bar applies, not RFC 9106's key-derivation bar
    {
      code: "import argon2 from 'argon2';\nexport const hash = (password) => argon2.hash(password, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });",
      filename: 'src/a.js',
    },
    // keys derived with a slow, salted KDF
    {
      code: "import { deriveKey } from 'keyhygiene/keys';\nimport crypto from 'node:crypto';\nexport async function seal(password: string, salt: Buffer, iv: Buffer) {\n  const key = (await deriveKey(password, { salt })).expose();\n  return crypto.createCipheriv('aes-256-gcm', key, iv);\n}",
      filename: 'src/a.ts',
    },
    {
      code: "import crypto from 'node:crypto';\nexport function seal(password, salt, iv) {\n  const key = crypto.scryptSync(password, salt, 32, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 });\n  return crypto.createCipheriv('aes-256-gcm', key, iv);\n}",
      filename: 'src/a.js',
    },
    // KDF settings at or above the floors
    {
      code: "import crypto from 'node:crypto';\ncrypto.pbkdf2Sync(password, crypto.randomBytes(16), 600000, 32, 'sha256');\ncrypto.pbkdf2Sync(password, salt, 210_000, 64, 'sha512');\ncrypto.pbkdf2Sync(password, salt, 1_300_000, 20, 'sha1');",
      filename: 'src/a.ts',
    },
    {
      code: "import { scrypt } from 'node:crypto';\nscrypt(password, salt, 64, { N: 2 ** 15, maxmem: 64 * 1024 * 1024 }, done);",
      filename: 'src/a.ts',
    },
    {
      code: "import argon2 from 'argon2';\nawait argon2.hash(password);\nawait argon2.hash(password, { type: argon2.argon2id, memoryCost: 65536, timeCost: 3, parallelism: 4 });",
      filename: 'src/a.ts',
    },
    {
      code: "import { argon2id } from '@noble/hashes/argon2.js';\nargon2id(password, salt, { t: 1, m: 2 * 1024 * 1024, p: 4 });\nargon2id(password, salt, { t: 3, m: 65536, p: 1 });",
      filename: 'src/a.ts',
    },
    {
      code: "await crypto.subtle.deriveBits({ name: 'PBKDF2', salt, iterations: 600000, hash: 'SHA-256' }, base, 256);\nawait crypto.subtle.deriveBits({ name: 'HKDF', salt, info, hash: 'SHA-256' }, ikm, 256);",
      filename: 'src/a.ts',
    },
    {
      code: "import CryptoJS from 'crypto-js';\nCryptoJS.PBKDF2(password, salt, { keySize: 8, iterations: 600000, hasher: CryptoJS.algo.SHA256 });",
      filename: 'src/a.ts',
    },
    // parameters the rule cannot read are not judged
    {
      code: "import crypto from 'node:crypto';\ncrypto.pbkdf2Sync(password, salt, config.iterations, 32, 'sha256');\ncrypto.scryptSync(password, salt, 32, options);",
      filename: 'src/a.ts',
    },
    // a password is the right input to importKey for PBKDF2
    {
      code: "const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);",
      filename: 'src/a.ts',
    },
    // keys and secrets that are not passwords
    {
      code: "import crypto from 'node:crypto';\nimport jwt from 'jsonwebtoken';\ncrypto.createHmac('sha256', process.env.WEBHOOK_SECRET);\ncrypto.createHmac('sha256', passwordResetSecret);\njwt.sign(payload, process.env.JWT_SECRET);",
      filename: 'src/a.ts',
    },
    // a password hash stored for login checks is not a key (and a passphrase for a private key is correct)
    {
      code: "import crypto from 'node:crypto';\nconst passwordHash = crypto.createHash('sha256').update(password).digest('hex');\ncrypto.createPrivateKey({ key: pem, passphrase });",
      filename: 'src/a.ts',
    },
    // crypto-js with a WordArray key, and its HMAC (a string key there is key bytes, not a passphrase)
    {
      code: "import CryptoJS from 'crypto-js';\nCryptoJS.AES.encrypt(msg, CryptoJS.enc.Hex.parse(keyHex), { iv });\nCryptoJS.HmacSHA256(msg, process.env.HMAC_KEY);",
      filename: 'src/a.ts',
    },
    // a key derived from a password, stored under a password-ish name, is a derived key
    {
      code: "import crypto from 'node:crypto';\nexport async function f(password, salt, iv) {\n  const passwordKey = crypto.scryptSync(password, salt, 32, { N: 2 ** 17, maxmem: 2 ** 28 });\n  return crypto.createCipheriv('aes-256-gcm', passwordKey, iv);\n}",
      filename: 'src/a.js',
    },
  ],
  invalid: [
    {
      // KDF settings exported by another module, judged where they are used (raised there: no suggestion here)
      code: "import { pbkdf2Sync, scryptSync } from 'node:crypto';\nimport { KDF_SETTINGS } from '../fixtures/rule-tester/settings/crypto-config';\nexport const a = (password: string, salt: Buffer) => pbkdf2Sync(password, salt, KDF_SETTINGS.iterations, 32, 'sha256');\nexport const b = (passphrase: string, salt: Buffer) => scryptSync(passphrase, salt, 32, { N: KDF_SETTINGS.scryptCost });\nexport const c = (password: string, salt: Buffer) => pbkdf2Sync(password, salt, KDF_SETTINGS.strongIterations, 32, 'sha256');",
      filename: 'src/use.ts',
      errors: [
        { messageId: 'weakKdf', line: 3, column: 81, endLine: 3, endColumn: 104, suggestions: [] },
        { messageId: 'weakKdf', line: 4, column: 94, endLine: 4, endColumn: 117, suggestions: [] },
      ],
    },

    {
      // issue 11 (session 19): HKDF over a passphrase or PIN (no work factor: RFC 5869 §4)
      code: "import { hkdfSync, randomBytes } from 'node:crypto';\nimport { hkdf } from '@noble/hashes/hkdf.js';\nimport { sha256 } from '@noble/hashes/sha2.js';\nexport const a = (pinCode: string) => Buffer.from(hkdfSync('sha256', pinCode, randomBytes(16), 'vault', 32));\nexport const b = (passphrase: string) => hkdf(sha256, new TextEncoder().encode(passphrase), undefined, 'enc', 32);",
      filename: 'src/a.ts',
      errors: [
        { messageId: 'passwordAsKey', line: 4, column: 70, endLine: 4, endColumn: 77, suggestions: [] },
        { messageId: 'passwordAsKey', line: 5, column: 55, endLine: 5, endColumn: 91, suggestions: [] },
      ],
    },

    {
      // a passphrase named by a bare 'phrase' copied into a zero buffer, and a passcode as a crypto-js key
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\nimport CryptoJS from 'crypto-js';\nexport function seal(sharedPhrase: string, data: Buffer) {\n  const key = Buffer.alloc(32);\n  Buffer.from(sharedPhrase, 'utf8').copy(key);\n  return createCipheriv('aes-256-gcm', key, randomBytes(12)).update(data);\n}\nexport const open = (raw: string, passcode: string) => CryptoJS.AES.decrypt(raw, passcode).toString(CryptoJS.enc.Utf8);",
      filename: 'src/a.ts',
      errors: [
        { messageId: 'passwordAsKey', line: 5, column: 3, endLine: 5, endColumn: 46, suggestions: [] },
        { messageId: 'passwordAsKey', line: 8, column: 82, endLine: 8, endColumn: 90, suggestions: [] },
      ],
    },

    {
      // a passphrase from the command line (array destructuring) written into a zero buffer by a helper
      code: "const crypto = require('crypto');\nconst [, , file, passphrase] = process.argv;\nfunction keyOf(pass) {\n  const buf = Buffer.alloc(32, 0);\n  buf.write(pass, 'utf8');\n  return buf;\n}\nconst cipher = crypto.createCipheriv('aes-256-cbc', keyOf(passphrase), crypto.randomBytes(16));",
      filename: 'src/cli.js',
      errors: [{ messageId: 'passwordAsKey', line: 8, column: 53, endLine: 8, endColumn: 70, suggestions: [] }],
    },

    {
      // scrypt through util.promisify is the same KDF with the same options; a function named *Hash stores passwords (OWASP bar)
      code: "import { scrypt } from 'node:crypto';\nimport { promisify } from 'node:util';\nconst scryptAsync = promisify(scrypt) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;\nexport const legacyHash = (password: string, salt: Buffer) => scryptAsync(password, salt, 64, { N: 1024, r: 8, p: 1 });",
      filename: 'src/promisified.ts',
      errors: [
        {
          messageId: 'weakKdf',
          line: 4,
          column: 100,
          endLine: 4,
          endColumn: 104,
          data: {
            kdf: 'crypto.scrypt',
            param: 'N',
            value: 1024,
            isDefault: '',
            floor: 131072,
            source: 'OWASP Password Storage Cheat Sheet, scrypt N = 2^17',
          },
          suggestions: [
            {
              messageId: 'raiseParam',
              data: { param: 'N', floor: 131072 },
              output:
                "import { scrypt } from 'node:crypto';\nimport { promisify } from 'node:util';\nconst scryptAsync = promisify(scrypt) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;\nexport const legacyHash = (password: string, salt: Buffer) => scryptAsync(password, salt, 64, { N: 2 ** 17, maxmem: 256 * 1024 * 1024, r: 8, p: 1 });",
            },
          ],
        },
      ],
    },
    {
      // a password padded to key size is still the password
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\nexport function encryptWithPassword(password: string, data: Buffer): Buffer {\n  const iv = randomBytes(16);\n  const c = createCipheriv('aes-256-cbc', Buffer.from(password.padEnd(32, '0')), iv);\n  return Buffer.concat([iv, c.update(data), c.final()]);\n}",
      filename: 'src/pad.ts',
      errors: [
        {
          messageId: 'passwordAsKey',
          line: 4,
          column: 43,
          endLine: 4,
          endColumn: 80,
          suggestions: [],
        },
      ],
    },
    {
      // a WebCrypto salt of 8 random bytes
      code: "const salt = crypto.getRandomValues(new Uint8Array(8));\nconst bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', salt, iterations: 600000, hash: 'SHA-256' }, base, 256);",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'shortSalt',
          line: 1,
          column: 52,
          endLine: 1,
          endColumn: 53,
          data: { kdf: 'SubtleCrypto.deriveBits (PBKDF2)', bytes: 8 },
          suggestions: [
            {
              messageId: 'raiseParam',
              data: { param: 'the salt length', floor: 16 },
              output:
                "const salt = crypto.getRandomValues(new Uint8Array(16));\nconst bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', salt, iterations: 600000, hash: 'SHA-256' }, base, 256);",
            },
          ],
        },
      ],
    },
    {
      // a password parameter used directly as an AES key: deriveKey and scrypt suggestions, salt declared before the statement
      code: "import crypto from 'node:crypto';\nexport async function encrypt(text: string, password: string, iv: Buffer) {\n  const cipher = crypto.createCipheriv('aes-256-gcm', Buffer.from(password), iv);\n  return cipher.update(text);\n}",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'passwordAsKey',
          line: 3,
          column: 55,
          endLine: 3,
          endColumn: 76,
          data: { name: 'password', role: 'key', sink: 'crypto.createCipheriv' },
          suggestions: [
            {
              messageId: 'useDeriveKey',
              output:
                "import crypto from 'node:crypto';\nimport { deriveKey } from 'keyhygiene/keys';\nexport async function encrypt(text: string, password: string, iv: Buffer) {\n  const salt = crypto.randomBytes(16); // store the salt with the data it protects\n  const cipher = crypto.createCipheriv('aes-256-gcm', (await deriveKey(Buffer.from(password), { salt })).expose(), iv);\n  return cipher.update(text);\n}",
            },
            {
              messageId: 'useScrypt',
              output:
                "import crypto from 'node:crypto';\nexport async function encrypt(text: string, password: string, iv: Buffer) {\n  const salt = crypto.randomBytes(16); // store the salt with the data it protects\n  const cipher = crypto.createCipheriv('aes-256-gcm', crypto.scryptSync(Buffer.from(password), salt, 32, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 }), iv);\n  return cipher.update(text);\n}",
            },
          ],
        },
      ],
    },
    {
      // one SHA-256 of req.body.password as the key (plain .js)
      code: "import crypto from 'node:crypto';\nexport async function seal(req, iv) {\n  const key = crypto.createHash('sha256').update(req.body.password).digest();\n  return crypto.createCipheriv('aes-256-cbc', key, iv);\n}",
      filename: 'src/a.js',
      errors: [
        {
          messageId: 'hashedPassword',
          line: 3,
          column: 15,
          endLine: 3,
          endColumn: 77,
          data: { name: 'password', role: 'key', sink: 'crypto.createCipheriv', hash: 'crypto.createHash().digest()' },
          suggestions: [
            {
              messageId: 'useDeriveKey',
              output:
                "import crypto from 'node:crypto';\nimport { deriveKey } from 'keyhygiene/keys';\nexport async function seal(req, iv) {\n  const salt = crypto.randomBytes(16); // store the salt with the data it protects\n  const key = (await deriveKey(req.body.password, { salt })).expose();\n  return crypto.createCipheriv('aes-256-cbc', key, iv);\n}",
            },
            {
              messageId: 'useScrypt',
              output:
                "import crypto from 'node:crypto';\nexport async function seal(req, iv) {\n  const salt = crypto.randomBytes(16); // store the salt with the data it protects\n  const key = crypto.scryptSync(req.body.password, salt, 32, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 });\n  return crypto.createCipheriv('aes-256-cbc', key, iv);\n}",
            },
          ],
        },
      ],
    },
    {
      // one MD5, trimmed, to decrypt: no suggestion (a fresh salt cannot decrypt old data, and no salt is in scope)
      code: "import crypto from 'node:crypto';\nexport function open(pwd, iv, data) {\n  const key = crypto.createHash('md5').update(pwd).digest('hex').slice(0, 32);\n  return crypto.createDecipheriv('aes-256-cbc', key, iv).update(data);\n}",
      filename: 'src/a.js',
      errors: [
        {
          messageId: 'hashedPassword',
          line: 3,
          column: 15,
          endLine: 3,
          endColumn: 78,
          data: { name: 'pwd', role: 'key', sink: 'crypto.createDecipheriv', hash: 'crypto.createHash().digest()' },
        },
      ],
    },
    {
      // decrypting with a salt in scope: the suggestions use it
      code: "import { createDecipheriv, scryptSync } from 'node:crypto';\nexport async function open(passphrase, salt, iv) {\n  return createDecipheriv('aes-256-gcm', passphrase, iv);\n}",
      filename: 'src/a.js',
      errors: [
        {
          messageId: 'passwordAsKey',
          line: 3,
          column: 42,
          endLine: 3,
          endColumn: 52,
          data: { name: 'passphrase', role: 'key', sink: 'crypto.createDecipheriv' },
          suggestions: [
            {
              messageId: 'useDeriveKey',
              output:
                "import { createDecipheriv, scryptSync } from 'node:crypto';\nimport { deriveKey } from 'keyhygiene/keys';\nexport async function open(passphrase, salt, iv) {\n  return createDecipheriv('aes-256-gcm', (await deriveKey(passphrase, { salt })).expose(), iv);\n}",
            },
            {
              messageId: 'useScrypt',
              output:
                "import { createDecipheriv, scryptSync } from 'node:crypto';\nexport async function open(passphrase, salt, iv) {\n  return createDecipheriv('aes-256-gcm', scryptSync(passphrase, salt, 32, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 }), iv);\n}",
            },
          ],
        },
      ],
    },
    {
      // deprecated createCipher/createDecipher
      code: "const crypto = require('crypto');\nconst cipher = crypto.createCipher('aes192', secret);\nconst decipher = crypto.createDecipher('aes192', secret);",
      filename: 'src/a.js',
      errors: [
        {
          messageId: 'deprecatedCipher',
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 35,
          data: { api: 'crypto.createCipher' },
        },
        {
          messageId: 'deprecatedCipher',
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 39,
          data: { api: 'crypto.createDecipher' },
        },
      ],
    },
    {
      // crypto-js string keys are passphrases (EVP_BytesToKey with MD5)
      code: "import CryptoJS from 'crypto-js';\nexport const enc = (msg) => CryptoJS.AES.encrypt(msg, process.env.SECRET_KEY).toString();\nexport const enc2 = (msg) => CryptoJS.AES.encrypt(msg, 'correct horse battery').toString();",
      filename: 'src/a.js',
      errors: [
        {
          messageId: 'cryptoJsPassphrase',
          line: 2,
          column: 55,
          endLine: 2,
          endColumn: 77,
          data: { sink: 'CryptoJS.AES.encrypt', source: 'process.env.SECRET_KEY' },
        },
        {
          messageId: 'cryptoJsPassphrase',
          line: 3,
          column: 56,
          endLine: 3,
          endColumn: 79,
          data: { sink: 'CryptoJS.AES.encrypt', source: 'a string literal' },
        },
      ],
    },
    {
      // a password as a JWT secret; at module level and in an expression body there is no place for a salt, so no suggestion
      code: "import jwt from 'jsonwebtoken';\nexport const token = jwt.sign({ sub: 'admin' }, process.env.ADMIN_PASSWORD);\nexport const issue = (payload, passphrase) => jwt.sign(payload, passphrase);",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'passwordAsKey',
          line: 2,
          column: 49,
          endLine: 2,
          endColumn: 75,
          data: { name: 'ADMIN_PASSWORD', role: 'secret', sink: 'jsonwebtoken.sign' },
        },
        {
          messageId: 'passwordAsKey',
          line: 3,
          column: 65,
          endLine: 3,
          endColumn: 75,
          data: { name: 'passphrase', role: 'secret', sink: 'jsonwebtoken.sign' },
        },
      ],
    },
    {
      // PBKDF2: 8-byte salt and 100,000 SHA-256 iterations; 10,000 SHA-512 iterations
      code: "import crypto from 'node:crypto';\nexport const hashPassword = (password: string) => crypto.pbkdf2Sync(password, crypto.randomBytes(8), 100000, 32, 'sha256');\nexport const legacy = (password: string, salt: Buffer) => crypto.pbkdf2Sync(password, salt, 10000, 64, 'sha512');",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'shortSalt',
          line: 2,
          column: 98,
          endLine: 2,
          endColumn: 99,
          data: { kdf: 'crypto.pbkdf2Sync', bytes: 8 },
          suggestions: [
            {
              messageId: 'raiseParam',
              data: { param: 'the salt length', floor: 16 },
              output:
                "import crypto from 'node:crypto';\nexport const hashPassword = (password: string) => crypto.pbkdf2Sync(password, crypto.randomBytes(16), 100000, 32, 'sha256');\nexport const legacy = (password: string, salt: Buffer) => crypto.pbkdf2Sync(password, salt, 10000, 64, 'sha512');",
            },
          ],
        },
        {
          messageId: 'weakKdf',
          line: 2,
          column: 102,
          endLine: 2,
          endColumn: 108,
          data: {
            kdf: 'crypto.pbkdf2Sync',
            param: 'iterations',
            value: 100000,
            isDefault: '',
            floor: 600000,
            source: 'OWASP 2023 for PBKDF2-HMAC-SHA256',
          },
          suggestions: [
            {
              messageId: 'raiseParam',
              data: { param: 'iterations', floor: 600000 },
              output:
                "import crypto from 'node:crypto';\nexport const hashPassword = (password: string) => crypto.pbkdf2Sync(password, crypto.randomBytes(8), 600000, 32, 'sha256');\nexport const legacy = (password: string, salt: Buffer) => crypto.pbkdf2Sync(password, salt, 10000, 64, 'sha512');",
            },
          ],
        },
        {
          messageId: 'weakKdf',
          line: 3,
          column: 93,
          endLine: 3,
          endColumn: 98,
          data: {
            kdf: 'crypto.pbkdf2Sync',
            param: 'iterations',
            value: 10000,
            isDefault: '',
            floor: 210000,
            source: 'OWASP 2023 for PBKDF2-HMAC-SHA512',
          },
          suggestions: [
            {
              messageId: 'raiseParam',
              data: { param: 'iterations', floor: 210000 },
              output:
                "import crypto from 'node:crypto';\nexport const hashPassword = (password: string) => crypto.pbkdf2Sync(password, crypto.randomBytes(8), 100000, 32, 'sha256');\nexport const legacy = (password: string, salt: Buffer) => crypto.pbkdf2Sync(password, salt, 210000, 64, 'sha512');",
            },
          ],
        },
      ],
    },
    {
      // scrypt: the default N (2^14) and N = 1024; raising N also raises maxmem
      code: "import { scryptSync } from 'node:crypto';\nconst a = scryptSync(password, salt, 32);\nconst b = scryptSync(password, salt, 32, { N: 1024 });",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'weakKdf',
          line: 2,
          column: 11,
          endLine: 2,
          endColumn: 21,
          data: {
            kdf: 'crypto.scryptSync',
            param: 'N',
            value: 16384,
            isDefault: ' (the library default)',
            floor: 32768,
            source: 'scrypt cost floor 2^15',
          },
        },
        {
          messageId: 'weakKdf',
          line: 3,
          column: 47,
          endLine: 3,
          endColumn: 51,
          data: {
            kdf: 'crypto.scryptSync',
            param: 'N',
            value: 1024,
            isDefault: '',
            floor: 32768,
            source: 'scrypt cost floor 2^15',
          },
          suggestions: [
            {
              messageId: 'raiseParam',
              data: { param: 'N', floor: 32768 },
              output:
                "import { scryptSync } from 'node:crypto';\nconst a = scryptSync(password, salt, 32);\nconst b = scryptSync(password, salt, 32, { N: 2 ** 15, maxmem: 64 * 1024 * 1024 });",
            },
          ],
        },
      ],
    },
    {
      // hash-wasm argon2id with 1 MiB; noble scrypt with N = 2^14
      code: "import { argon2id } from 'hash-wasm';\nimport { scrypt } from '@noble/hashes/scrypt.js';\nawait argon2id({ password, salt, parallelism: 1, iterations: 3, memorySize: 1024, hashLength: 32 });\nscrypt(password, salt, { N: 2 ** 14, r: 8, p: 1, dkLen: 32 });",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'weakKdf',
          line: 3,
          column: 77,
          endLine: 3,
          endColumn: 81,
          data: {
            kdf: 'hash-wasm argon2id',
            param: 'memory',
            value: 1024,
            isDefault: '',
            floor: 65536,
            source: 'RFC 9106 §4, in KiB',
          },
          suggestions: [
            {
              messageId: 'raiseParam',
              data: { param: 'memory', floor: 65536 },
              output:
                "import { argon2id } from 'hash-wasm';\nimport { scrypt } from '@noble/hashes/scrypt.js';\nawait argon2id({ password, salt, parallelism: 1, iterations: 3, memorySize: 65536, hashLength: 32 });\nscrypt(password, salt, { N: 2 ** 14, r: 8, p: 1, dkLen: 32 });",
            },
          ],
        },
        {
          messageId: 'weakKdf',
          line: 4,
          column: 29,
          endLine: 4,
          endColumn: 36,
          data: {
            kdf: '@noble/hashes scrypt',
            param: 'N',
            value: 16384,
            isDefault: '',
            floor: 32768,
            source: 'scrypt cost floor 2^15',
          },
          suggestions: [
            {
              messageId: 'raiseParam',
              data: { param: 'N', floor: 32768 },
              output:
                "import { argon2id } from 'hash-wasm';\nimport { scrypt } from '@noble/hashes/scrypt.js';\nawait argon2id({ password, salt, parallelism: 1, iterations: 3, memorySize: 1024, hashLength: 32 });\nscrypt(password, salt, { N: 2 ** 15, r: 8, p: 1, dkLen: 32 });",
            },
          ],
        },
      ],
    },
    {
      // WebCrypto PBKDF2 with 100,000 iterations; crypto-js PBKDF2 with its default iterations
      code: "const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', salt, iterations: 100000, hash: 'SHA-256' }, base, 256);\nimport CryptoJS from 'crypto-js';\nconst k = CryptoJS.PBKDF2(password, salt, { keySize: 8 });",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'weakKdf',
          line: 1,
          column: 81,
          endLine: 1,
          endColumn: 87,
          data: {
            kdf: 'SubtleCrypto.deriveBits (PBKDF2)',
            param: 'iterations',
            value: 100000,
            isDefault: '',
            floor: 600000,
            source: 'OWASP 2023 for PBKDF2-HMAC-SHA256',
          },
          suggestions: [
            {
              messageId: 'raiseParam',
              data: { param: 'iterations', floor: 600000 },
              output:
                "const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', salt, iterations: 600000, hash: 'SHA-256' }, base, 256);\nimport CryptoJS from 'crypto-js';\nconst k = CryptoJS.PBKDF2(password, salt, { keySize: 8 });",
            },
          ],
        },
        {
          messageId: 'weakKdf',
          line: 3,
          column: 11,
          endLine: 3,
          endColumn: 26,
          data: {
            kdf: 'CryptoJS.PBKDF2',
            param: 'iterations',
            value: 250000,
            isDefault: ' (the library default)',
            floor: 600000,
            source: 'OWASP 2023 for PBKDF2-HMAC-SHA256',
          },
        },
      ],
    },
    {
      // an existing keyhygiene/keys import gains deriveKey; randomBytes from node:crypto is reused
      code: "import { createHmac, randomBytes } from 'node:crypto';\nimport { loadSecret } from 'keyhygiene/keys';\nexport async function sign(data: string, userPassword: string) {\n  return createHmac('sha256', userPassword).update(data).digest('hex');\n}",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'passwordAsKey',
          line: 4,
          column: 31,
          endLine: 4,
          endColumn: 43,
          data: { name: 'userPassword', role: 'key', sink: 'crypto.createHmac' },
          suggestions: [
            {
              messageId: 'useDeriveKey',
              output:
                "import { createHmac, randomBytes } from 'node:crypto';\nimport { loadSecret, deriveKey } from 'keyhygiene/keys';\nexport async function sign(data: string, userPassword: string) {\n  const salt = randomBytes(16); // store the salt with the data it protects\n  return createHmac('sha256', (await deriveKey(userPassword, { salt })).expose()).update(data).digest('hex');\n}",
            },
          ],
        },
      ],
    },
    {
      // CommonJS: no keyhygiene/keys import can be added, so only the node:crypto scrypt suggestion
      code: "const crypto = require('crypto');\nmodule.exports.seal = async function (password, iv) {\n  return crypto.createCipheriv('aes-256-gcm', password, iv);\n};",
      filename: 'src/a.js',
      errors: [
        {
          messageId: 'passwordAsKey',
          line: 3,
          column: 47,
          endLine: 3,
          endColumn: 55,
          data: { name: 'password', role: 'key', sink: 'crypto.createCipheriv' },
          suggestions: [
            {
              messageId: 'useScrypt',
              output:
                "const crypto = require('crypto');\nmodule.exports.seal = async function (password, iv) {\n  const salt = crypto.randomBytes(16); // store the salt with the data it protects\n  return crypto.createCipheriv('aes-256-gcm', crypto.scryptSync(password, salt, 32, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 }), iv);\n};",
            },
          ],
        },
      ],
    },
    {
      // a PIN as an HMAC key: deriveKey and randomBytes are imported together
      code: "import { createHmac } from 'node:crypto';\nexport async function sign(data: string, pin: string) {\n  return createHmac('sha256', pin).update(data).digest('hex');\n}",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'passwordAsKey',
          line: 3,
          column: 31,
          endLine: 3,
          endColumn: 34,
          data: { name: 'pin', role: 'key', sink: 'crypto.createHmac' },
          suggestions: [
            {
              messageId: 'useDeriveKey',
              output:
                "import { createHmac } from 'node:crypto';\nimport { deriveKey, randomBytes } from 'keyhygiene/keys';\nexport async function sign(data: string, pin: string) {\n  const salt = randomBytes(16); // store the salt with the data it protects\n  return createHmac('sha256', (await deriveKey(pin, { salt })).expose()).update(data).digest('hex');\n}",
            },
          ],
        },
      ],
    },
  ],
});

// issue 11 (session 20): a function named for the key it makes returns a password hashed once, cut, padded or set
// into a buffer; the finding is written inside it (once), whether or not this file uses the key. Shapes from real
// code: a getCipherKey helper module, a key-bytes arrow, a [key, iv] pair, a class's private key method.
ruleTester.run('no-password-as-key (password-to-key helpers, batch rpw3)', rule, {
  valid: [
    {
      // near misses: a cache key, a KDF, a random key, a storage hash, a hashed id, a verifier beside a random key
      code: "import { createHash, randomBytes, scryptSync } from 'node:crypto';\nexport const cacheKey = (password: string) => createHash('sha256').update(password).digest('hex');\nexport function getKey(password: string, salt: Buffer): Buffer {\n  return scryptSync(password, salt, 32, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 });\n}\nexport const sessionKey = (): Buffer => randomBytes(32);\nexport function hashPassword(password: string): string {\n  return createHash('sha256').update(password).digest('hex');\n}\nexport function keyFor(userId: string): Buffer {\n  return createHash('sha256').update(userId).digest();\n}\nexport function keyForAccount(account: { id: string; password: string }) {\n  return { key: randomBytes(32), verifier: createHash('sha256').update(account.password).digest('hex') };\n}\n",
      filename: 'src/near.ts',
    },
  ],
  invalid: [
    {
      code: "const crypto = require('crypto');\nfunction getCipherKey(password) {\n  return crypto.createHash('sha256').update(password).digest();\n}\nmodule.exports = { getCipherKey };\n",
      filename: 'src/get-cipher-key.js',
      errors: [{ messageId: 'hashedPassword', line: 3, column: 10, endLine: 3, endColumn: 63, suggestions: [] }],
    },
    {
      code: "import { createCipheriv, createHash, randomBytes } from 'node:crypto';\nexport const toKeyBytes = (passcode: string): Uint8Array => {\n  const bytes = new Uint8Array(16);\n  bytes.set(new TextEncoder().encode(passcode).slice(0, 16));\n  return bytes;\n};\nexport function keyAndIvFromPassword(password: string, salt: string): [Buffer, Buffer] {\n  const digest = createHash('md5').update(password + salt).digest();\n  return [digest, createHash('md5').update(digest).digest()];\n}\nexport class NoteBox {\n  constructor(private readonly passphrase: string) {}\n  private secretKey(): Buffer {\n    return Buffer.from(this.passphrase.padEnd(32, '#').slice(0, 32));\n  }\n  seal(text: string) {\n    const iv = randomBytes(16);\n    const c = createCipheriv('aes-256-cbc', this.secretKey(), iv);\n    return Buffer.concat([iv, c.update(text, 'utf8'), c.final()]);\n  }\n}\n",
      filename: 'src/note-box.ts',
      errors: [
        { messageId: 'passwordAsKey', line: 4, column: 13, endLine: 4, endColumn: 60, suggestions: [] },
        { messageId: 'hashedPassword', line: 8, column: 18, endLine: 8, endColumn: 68, suggestions: [] },
        { messageId: 'passwordAsKey', line: 14, column: 24, endLine: 14, endColumn: 55, suggestions: [] },
      ],
    },
  ],
});

describe('no-password-as-key without TypeScript', () => {
  it('runs on plain .js with the default parser and no type information', () => {
    const linter = new Linter({ configType: 'flat' });
    const code =
      "const crypto = require('crypto');\nfunction seal(password, iv) {\n  return crypto.createCipheriv('aes-256-gcm', password, iv);\n}\nconst legacy = crypto.createCipher('aes192', secret);\ncrypto.pbkdf2Sync(password, salt, 1000, 32, 'sha256');\nmodule.exports = { seal, legacy };\n";
    const messages = linter.verify(
      code,
      [
        {
          files: ['**/*.js'],
          plugins: { keyhygiene: { rules: { 'no-password-as-key': rule as never } } },
          rules: { 'keyhygiene/no-password-as-key': 'error' },
        },
      ],
      { filename: 'src/plain.js' },
    );
    expect(messages.map((m) => [m.messageId, m.line, m.column])).toEqual([
      ['passwordAsKey', 3, 47],
      ['deprecatedCipher', 5, 16],
      ['weakKdf', 6, 35],
    ]);
  });
});

// With type information (the strict preset's parser setup): the same findings, plus string-typed crypto-js keys.
typedRuleTester.run('no-password-as-key (typed)', rule, {
  valid: [
    // a key typed as bytes (or unknown to the checker) is not a passphrase
    {
      code: "import CryptoJS from 'crypto-js';\nexport const enc = (msg: string, key: Uint8Array) => CryptoJS.AES.encrypt(msg, key as never);",
      filename: 'no-password-as-key.ts',
    },
    {
      code: "import crypto from 'node:crypto';\nexport const seal = (dataKey: Buffer, iv: Buffer) => crypto.createCipheriv('aes-256-gcm', dataKey, iv);",
      filename: 'no-password-as-key.ts',
    },
  ],
  invalid: [
    {
      code: "import crypto from 'node:crypto';\nexport const mac = (password: string) => crypto.createHmac('sha256', password);",
      filename: 'no-password-as-key.ts',
      errors: [
        {
          messageId: 'passwordAsKey',
          line: 2,
          column: 70,
          endLine: 2,
          endColumn: 78,
          data: { name: 'password', role: 'key', sink: 'crypto.createHmac' },
        },
      ],
    },
    {
      // with types, a string-typed crypto-js key is a passphrase even when its name says nothing
      code: "import CryptoJS from 'crypto-js';\nexport const enc = (msg: string, shareKey: string) => CryptoJS.AES.encrypt(msg, shareKey);",
      filename: 'no-password-as-key.ts',
      errors: [
        {
          messageId: 'cryptoJsPassphrase',
          line: 2,
          column: 81,
          endLine: 2,
          endColumn: 89,
          data: { sink: 'CryptoJS.AES.encrypt', source: 'a value typed string' },
        },
      ],
    },
  ],
});

// Value flow (the engine in src/rule-kit/flow): a password reaching a key through a same-file helper,
// member access, a buffer it was copied into, or a size fit; and the two KDF purposes.
ruleTester.run('no-password-as-key (value flow)', rule, {
  valid: [
    // a PIN verifier on scrypt at OWASP's storage bar, a KDF over random bytes, a file key at N = 2^16
    {
      code: "import { randomBytes, scryptSync, timingSafeEqual, pbkdf2Sync } from 'node:crypto';\nexport function verifyPin(pin: string, salt: Buffer, stored: Buffer): boolean {\n  const candidate = scryptSync(pin, salt, 32, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 });\n  return timingSafeEqual(candidate, stored);\n}\nexport const wrapKey = (dataKey = randomBytes(32), salt = randomBytes(16)) => scryptSync(randomBytes(32), salt, 32);\nexport function deriveFileKey(passphrase: string, salt: Buffer): Buffer {\n  return scryptSync(passphrase, salt, 32, { N: 2 ** 16 });\n}\n",
      filename: 'src/pin.ts',
    },
    // the test-file policy: a KDF determinism test with one iteration
    {
      code: "import { pbkdf2Sync } from 'node:crypto';\nexpect(pbkdf2Sync('pw', 'salt', 1, 32, 'sha256').toString('hex')).toBe('x');\n",
      filename: 'test/kdf.test.ts',
    },
  ],
  invalid: [
    {
      code: "import { createCipheriv, createHash, randomBytes } from 'node:crypto';\nfunction keyFrom(secret: string) {\n  return createHash('sha256').update(secret).digest();\n}\nexport function encryptNote(password: string, note: string) {\n  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', keyFrom(password), iv);\n  return Buffer.concat([iv, cipher.update(note, 'utf8'), cipher.final()]);\n}\nexport function sealForm(req: { body: { passphrase: string } }, data: Buffer) {\n  const iv = randomBytes(16);\n  return createCipheriv('aes-256-cbc', Buffer.from(req.body.passphrase).subarray(0, 32), iv).update(data);\n}\nexport function sealWithCopy(user: { password: string }, data: Buffer) {\n  const key = Buffer.alloc(32);\n  Buffer.from(user.password, 'utf8').copy(key);\n  const iv = randomBytes(16);\n  return createCipheriv('aes-256-cbc', key, iv).update(data);\n}\nconst md5 = (s: string) => createHash('md5').update(s).digest();\nexport const sealPin = (opts: { pin: string }, data: Buffer) => createCipheriv('aes-128-ecb', md5(opts.pin), null).update(data);\n",
      filename: 'src/notes.ts',
      errors: [
        {
          messageId: 'hashedPassword',
          line: 7,
          column: 48,
          endLine: 7,
          endColumn: 65,
          data: { name: 'password', role: 'key', sink: 'crypto.createCipheriv', hash: 'crypto.createHash().digest()' },
        },
        {
          messageId: 'passwordAsKey',
          line: 12,
          column: 40,
          endLine: 12,
          endColumn: 88,
          data: { name: 'passphrase', role: 'key', sink: 'crypto.createCipheriv' },
        },
        {
          messageId: 'passwordAsKey',
          line: 16,
          column: 3,
          endLine: 16,
          endColumn: 47,
          data: { name: 'password', role: 'key', sink: 'crypto.createCipheriv' },
        },
        {
          messageId: 'hashedPassword',
          line: 21,
          column: 95,
          endLine: 21,
          endColumn: 108,
          data: { name: 'pin', role: 'key', sink: 'crypto.createCipheriv', hash: 'crypto.createHash().digest()' },
        },
      ],
    },
    {
      // outside a test folder the same one-iteration call is reported
      code: "import { pbkdf2Sync } from 'node:crypto';\nexpect(pbkdf2Sync('pw', 'salt', 1, 32, 'sha256').toString('hex')).toBe('x');\n",
      filename: 'src/kdf.ts',
      errors: [
        {
          messageId: 'weakKdf',
          line: 2,
          column: 33,
          endLine: 2,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'raiseParam',
              data: { param: 'iterations', floor: 600000 },
              output:
                "import { pbkdf2Sync } from 'node:crypto';\nexpect(pbkdf2Sync('pw', 'salt', 600000, 32, 'sha256').toString('hex')).toBe('x');\n",
            },
          ],
        },
      ],
    },
  ],
});

// Work factors that are not written where the KDF is called: a constant expression, a config object, a
// parameter default, a class field, a destructuring default, an env fallback; and a helper that reads the
// password itself.
ruleTester.run('no-password-as-key (work factors through the flow engine)', rule, {
  valid: [
    {
      // the same shapes at or above the floors; a parameter with no default is not judged
      code: "import { pbkdf2Sync } from 'node:crypto';\nconst ROUNDS = 2 * 300_000;\nconst cfg = { kdf: { iterations: ROUNDS, digest: 'sha512' } };\nexport const a = (password: string, salt: Buffer, iterations = 600_000) =>\n  pbkdf2Sync(password, salt, iterations, 32, 'sha256');\nexport const b = (password: string, salt: Buffer) => pbkdf2Sync(password, salt, cfg.kdf.iterations, 64, cfg.kdf.digest);\nexport const c = (password: string, salt: Buffer, iterations: number) =>\n  pbkdf2Sync(password, salt, iterations, 32, 'sha256');\nexport const d = (password: string, salt: Buffer) =>\n  pbkdf2Sync(password, salt, Number(process.env.KDF_ITERATIONS) || 600_000, 32, 'sha256');\n",
      filename: 'src/v1.ts',
    },
  ],
  invalid: [
    {
      // a constant computed from another constant
      code: "import { pbkdf2Sync } from 'node:crypto';\nconst BASE_ROUNDS = 1000;\nconst ROUNDS = BASE_ROUNDS * 10;\nexport const derive = (password: string, salt: Buffer) => pbkdf2Sync(password, salt, ROUNDS, 32, 'sha256');\n",
      filename: 'src/p1.ts',
      errors: [
        {
          messageId: 'weakKdf',
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 32,
          data: {
            kdf: 'crypto.pbkdf2Sync',
            param: 'iterations',
            value: 10000,
            isDefault: '',
            floor: 600000,
            source: 'OWASP 2023 for PBKDF2-HMAC-SHA256',
          },
          suggestions: [
            {
              messageId: 'raiseParam',
              output:
                "import { pbkdf2Sync } from 'node:crypto';\nconst BASE_ROUNDS = 1000;\nconst ROUNDS = 600000;\nexport const derive = (password: string, salt: Buffer) => pbkdf2Sync(password, salt, ROUNDS, 32, 'sha256');\n",
            },
          ],
        },
      ],
    },
    {
      // iterations and digest read from a nested config object (the SHA-512 floor applies)
      code: "import crypto from 'node:crypto';\nconst settings = { kdf: { iterations: 10_000, keyLength: 64, digest: 'sha512' } };\nexport function deriveKey(passphrase: string, salt: Buffer): Buffer {\n  return crypto.pbkdf2Sync(passphrase, salt, settings.kdf.iterations, settings.kdf.keyLength, settings.kdf.digest);\n}\n",
      filename: 'src/p2.ts',
      errors: [
        {
          messageId: 'weakKdf',
          line: 2,
          column: 39,
          endLine: 2,
          endColumn: 45,
          data: {
            kdf: 'crypto.pbkdf2Sync',
            param: 'iterations',
            value: 10000,
            isDefault: '',
            floor: 210000,
            source: 'OWASP 2023 for PBKDF2-HMAC-SHA512',
          },
          suggestions: [
            {
              messageId: 'raiseParam',
              output:
                "import crypto from 'node:crypto';\nconst settings = { kdf: { iterations: 210000, keyLength: 64, digest: 'sha512' } };\nexport function deriveKey(passphrase: string, salt: Buffer): Buffer {\n  return crypto.pbkdf2Sync(passphrase, salt, settings.kdf.iterations, settings.kdf.keyLength, settings.kdf.digest);\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a parameter default is what the code runs when callers leave it out
      code: "import { pbkdf2 } from 'node:crypto';\nimport { promisify } from 'node:util';\nconst pbkdf2Async = promisify(pbkdf2);\nexport async function keyFromPassword(password: string, salt: Buffer, iterations = 50000) {\n  return pbkdf2Async(password, salt, iterations, 32, 'sha256');\n}\n",
      filename: 'src/p3.ts',
      errors: [
        {
          messageId: 'weakKdf',
          line: 4,
          column: 84,
          endLine: 4,
          endColumn: 89,
          suggestions: [
            {
              messageId: 'raiseParam',
              output:
                "import { pbkdf2 } from 'node:crypto';\nimport { promisify } from 'node:util';\nconst pbkdf2Async = promisify(pbkdf2);\nexport async function keyFromPassword(password: string, salt: Buffer, iterations = 600000) {\n  return pbkdf2Async(password, salt, iterations, 32, 'sha256');\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a class field read through this
      code: "import * as crypto from 'crypto';\nexport class Vault {\n  private readonly rounds = 20000;\n  unlock(masterPassword: string, salt: Buffer): Buffer {\n    return crypto.pbkdf2Sync(masterPassword, salt, this.rounds, 32, 'sha256');\n  }\n}\n",
      filename: 'src/p4.ts',
      errors: [
        {
          messageId: 'weakKdf',
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'raiseParam',
              output:
                "import * as crypto from 'crypto';\nexport class Vault {\n  private readonly rounds = 600000;\n  unlock(masterPassword: string, salt: Buffer): Buffer {\n    return crypto.pbkdf2Sync(masterPassword, salt, this.rounds, 32, 'sha256');\n  }\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a destructuring default for scrypt N (a key: the function derives, it does not store)
      code: "import { scryptSync } from 'node:crypto';\nexport function derive(password: string, salt: Buffer, opts: { cost?: number } = {}) {\n  const { cost = 4096 } = opts;\n  return scryptSync(password, salt, 32, { N: cost });\n}\n",
      filename: 'src/p5.ts',
      errors: [
        {
          messageId: 'weakKdf',
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 22,
          data: {
            kdf: 'crypto.scryptSync',
            param: 'N',
            value: 4096,
            isDefault: '',
            floor: 32768,
            source: 'scrypt cost floor 2^15',
          },
          suggestions: [
            {
              messageId: 'raiseParam',
              output:
                "import { scryptSync } from 'node:crypto';\nexport function derive(password: string, salt: Buffer, opts: { cost?: number } = {}) {\n  const { cost = 2 ** 15 } = opts;\n  return scryptSync(password, salt, 32, { N: cost });\n}\n",
            },
          ],
        },
      ],
    },
    {
      // the literal an unset env variable falls back to
      code: "import { pbkdf2Sync } from 'crypto';\nconst KDF_ITERATIONS = Number(process.env.KDF_ITERATIONS) || 10000;\nexport const derive = (pw: string, salt: Buffer) => pbkdf2Sync(pw, salt, KDF_ITERATIONS, 32, 'sha256');\n",
      filename: 'src/p6.ts',
      errors: [
        {
          messageId: 'weakKdf',
          line: 2,
          column: 62,
          endLine: 2,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'raiseParam',
              output:
                "import { pbkdf2Sync } from 'crypto';\nconst KDF_ITERATIONS = Number(process.env.KDF_ITERATIONS) || 600000;\nexport const derive = (pw: string, salt: Buffer) => pbkdf2Sync(pw, salt, KDF_ITERATIONS, 32, 'sha256');\n",
            },
          ],
        },
      ],
    },
    {
      // a method that hashes the password it reads itself: reported at the hash
      code: "import { createHash, createDecipheriv } from 'node:crypto';\nexport class SecureStore {\n  constructor(private readonly options: { password: string }) {}\n  private key(): Buffer {\n    return createHash('sha256').update(this.options.password).digest();\n  }\n  open(iv: Buffer, data: Buffer): Buffer {\n    return createDecipheriv('aes-256-gcm', this.key(), iv).update(data);\n  }\n}\n",
      filename: 'src/p7.ts',
      errors: [
        {
          messageId: 'hashedPassword',
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 71,
          data: {
            name: 'password',
            role: 'key',
            sink: 'key() (its return value)',
            hash: 'crypto.createHash().digest()',
          },
          suggestions: [],
        },
      ],
    },
  ],
});

// One fast hash over the password joined with a salt or pepper, in statement form, or in other libraries;
// text encoders and a typed array the password is set into.
ruleTester.run('no-password-as-key (joined, encoded, statement-form hashes)', rule, {
  valid: [
    {
      // a salted hash kept as a fingerprint, a KDF over the joined password, a hash of the clock (no password)
      code: "import { createHash, createCipheriv, randomBytes, scryptSync } from 'node:crypto';\nimport nacl from 'tweetnacl';\nimport { decodeUTF8 } from 'tweetnacl-util';\nexport function seal(password: string, data: Buffer) {\n  const salt = randomBytes(16);\n  const h = createHash('sha256');\n  h.update(password + salt.toString('hex'));\n  const fingerprint = h.digest('hex').slice(0, 8);\n  const key = scryptSync(Buffer.concat([Buffer.from(password), salt]), salt, 32, { N: 2 ** 17, maxmem: 2 ** 28 });\n  const iv = randomBytes(12);\n  return { fingerprint, ct: createCipheriv('aes-256-gcm', key, iv).update(data) };\n}\nexport const boxKey = () => nacl.hash(decodeUTF8(`${Date.now()}`)).slice(0, 32);\n",
      filename: 'src/fv.ts',
    },
  ],
  invalid: [
    {
      // the password concatenated with its salt, hashed once
      code: "import { createHash, createCipheriv, randomBytes } from 'node:crypto';\nexport function seal(password: string, salt: Buffer, data: Buffer) {\n  const key = createHash('sha256').update(password + salt.toString('hex')).digest();\n  const iv = randomBytes(12);\n  return createCipheriv('aes-256-gcm', key, iv).update(data);\n}\n",
      filename: 'src/f1.ts',
      errors: [
        {
          messageId: 'hashedPassword',
          line: 3,
          column: 15,
          endLine: 3,
          endColumn: 84,
          data: { name: 'password', role: 'key', sink: 'crypto.createCipheriv', hash: 'crypto.createHash().digest()' },
          suggestions: [],
        },
      ],
    },
    {
      // update() as a statement of its own, over Buffer.concat of the passphrase and a salt
      code: "import { createHash, createCipheriv } from 'node:crypto';\nexport function seal(user: { passphrase: string }, salt: Buffer, iv: Buffer) {\n  const h = createHash('sha256');\n  h.update(Buffer.concat([Buffer.from(user.passphrase), salt]));\n  return createCipheriv('aes-256-cbc', h.digest(), iv);\n}\n",
      filename: 'src/f2.ts',
      errors: [
        {
          messageId: 'hashedPassword',
          line: 5,
          column: 40,
          endLine: 5,
          endColumn: 50,
          suggestions: [],
        },
      ],
    },
    {
      // node-forge message digest, update() as a statement, read out with getBytes()
      code: "const forge = require('node-forge');\nfunction encrypt(text, password) {\n  const md = forge.md.sha256.create();\n  md.update(password);\n  const key = md.digest().getBytes();\n  const iv = forge.random.getBytesSync(16);\n  const cipher = forge.cipher.createCipher('AES-CBC', key);\n  cipher.start({ iv });\n  cipher.update(forge.util.createBuffer(text));\n  cipher.finish();\n  return cipher.output.toHex();\n}\nmodule.exports = { encrypt };\n",
      filename: 'src/f3.js',
      errors: [
        {
          messageId: 'hashedPassword',
          line: 5,
          column: 15,
          endLine: 5,
          endColumn: 37,
          data: {
            name: 'password',
            role: 'key',
            sink: 'forge.cipher.createCipher / createDecipher',
            hash: 'forge.md.<hash>.create().digest()',
          },
          suggestions: [],
        },
      ],
    },
    {
      // tweetnacl SHA-512 of the UTF-8 bytes, cut to the secretbox key length
      code: "import nacl from 'tweetnacl';\nimport { decodeUTF8 } from 'tweetnacl-util';\nexport function seal(message: Uint8Array, password: string) {\n  const key = nacl.hash(decodeUTF8(password)).slice(0, nacl.secretbox.keyLength);\n  const nonce = nacl.randomBytes(nacl.secretbox.nonceLength);\n  return { nonce, box: nacl.secretbox(message, nonce, key) };\n}\n",
      filename: 'src/f4.ts',
      errors: [
        {
          messageId: 'hashedPassword',
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 81,
          suggestions: [],
        },
      ],
    },
    {
      // libsodium generic hash (BLAKE2b) of the passphrase bytes
      code: "import sodium from 'libsodium-wrappers';\nexport async function seal(message: Uint8Array, passphrase: string) {\n  await sodium.ready;\n  const key = sodium.crypto_generichash(32, sodium.from_string(passphrase));\n  const nonce = sodium.randombytes_buf(sodium.crypto_secretbox_NONCEBYTES);\n  return sodium.crypto_secretbox_easy(message, nonce, key);\n}\n",
      filename: 'src/f5.ts',
      errors: [
        {
          messageId: 'hashedPassword',
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 76,
          suggestions: [
            {
              messageId: 'useDeriveKey',
              output:
                "import sodium from 'libsodium-wrappers';\nimport { deriveKey, randomBytes } from 'keyhygiene/keys';\nexport async function seal(message: Uint8Array, passphrase: string) {\n  await sodium.ready;\n  const salt = randomBytes(16); // store the salt with the data it protects\n  const key = (await deriveKey(sodium.from_string(passphrase), { salt })).expose();\n  const nonce = sodium.randombytes_buf(sodium.crypto_secretbox_NONCEBYTES);\n  return sodium.crypto_secretbox_easy(message, nonce, key);\n}\n",
            },
          ],
        },
      ],
    },
    {
      // the password set into a zeroed typed array
      code: "export async function importPasswordKey(password: string) {\n  const raw = new Uint8Array(32);\n  raw.set(new TextEncoder().encode(password).slice(0, 32));\n  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);\n}\n",
      filename: 'src/f8.ts',
      errors: [
        {
          messageId: 'passwordAsKey',
          line: 3,
          column: 11,
          endLine: 3,
          endColumn: 58,
          suggestions: [],
        },
      ],
    },
    {
      // a PIN and a pepper in a template, hashed once
      code: "import { createCipheriv, createHash } from 'crypto';\nconst PEPPER = process.env.PEPPER ?? '';\nexport const cipherFor = (pin: string, iv: Buffer) =>\n  createCipheriv('aes-256-cbc', createHash('sha256').update(`${pin}:${PEPPER}`).digest(), iv);\n",
      filename: 'src/f9.ts',
      errors: [
        {
          messageId: 'hashedPassword',
          line: 4,
          column: 33,
          endLine: 4,
          endColumn: 89,
          suggestions: [],
        },
      ],
    },
  ],
});

// Hash packages from npm, and bcrypt's work factor (password storage: OWASP's bcrypt minimum, cost 10)
ruleTester.run('no-password-as-key (npm hashes, bcrypt cost)', rule, {
  valid: [
    {
      // bcrypt at cost 12 and at its default; md5 of data that is not a password
      code: "import bcrypt from 'bcrypt';\nimport md5 from 'md5';\nexport const store = (password: string) => bcrypt.hash(password, 12);\nexport const salt = () => bcrypt.genSalt();\nexport const etag = (body: string) => md5(body);\n",
      filename: 'src/kv.ts',
    },
  ],
  invalid: [
    {
      // the md5 package over the password, used as an AES key
      code: "const md5 = require('md5');\nconst crypto = require('crypto');\nexports.enc = (text, password) => {\n  const key = md5(password);\n  const iv = crypto.randomBytes(16);\n  return crypto.createCipheriv('aes-256-cbc', key, iv).update(text, 'utf8', 'hex');\n};\n",
      filename: 'src/k1.js',
      errors: [
        {
          messageId: 'hashedPassword',
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 28,
          data: { name: 'password', role: 'key', sink: 'crypto.createCipheriv', hash: 'md5 (npm)' },
          suggestions: [
            {
              messageId: 'useScrypt',
              output:
                "const md5 = require('md5');\nconst crypto = require('crypto');\nexports.enc = (text, password) => {\n  const salt = crypto.randomBytes(16); // store the salt with the data it protects\n  const key = crypto.scryptSync(password, salt, 32, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 });\n  const iv = crypto.randomBytes(16);\n  return crypto.createCipheriv('aes-256-cbc', key, iv).update(text, 'utf8', 'hex');\n};\n",
            },
          ],
        },
      ],
    },
    {
      // bcrypt cost 6 from a constant, and 4 written in place
      code: "const bcrypt = require('bcryptjs');\nconst SALT_ROUNDS = 6;\nasync function register(user) {\n  user.passwordHash = await bcrypt.hash(user.password, SALT_ROUNDS);\n  const salt = bcrypt.genSaltSync(4);\n  const ok = await bcrypt.hash(user.password, 12);\n  return { user, salt, ok };\n}\nmodule.exports = { register };\n",
      filename: 'src/k2.js',
      errors: [
        {
          messageId: 'weakKdf',
          line: 2,
          column: 21,
          endLine: 2,
          endColumn: 22,
          data: {
            kdf: 'bcrypt.hash',
            param: 'rounds',
            value: 6,
            isDefault: '',
            floor: 10,
            source: 'OWASP Password Storage Cheat Sheet, bcrypt work factor',
          },
          suggestions: [
            {
              messageId: 'raiseParam',
              output:
                "const bcrypt = require('bcryptjs');\nconst SALT_ROUNDS = 10;\nasync function register(user) {\n  user.passwordHash = await bcrypt.hash(user.password, SALT_ROUNDS);\n  const salt = bcrypt.genSaltSync(4);\n  const ok = await bcrypt.hash(user.password, 12);\n  return { user, salt, ok };\n}\nmodule.exports = { register };\n",
            },
          ],
        },
        {
          messageId: 'weakKdf',
          line: 5,
          column: 35,
          endLine: 5,
          endColumn: 36,
          data: {
            kdf: 'bcrypt.genSaltSync',
            param: 'rounds',
            value: 4,
            isDefault: '',
            floor: 10,
            source: 'OWASP Password Storage Cheat Sheet, bcrypt work factor',
          },
          suggestions: [
            {
              messageId: 'raiseParam',
              output:
                "const bcrypt = require('bcryptjs');\nconst SALT_ROUNDS = 6;\nasync function register(user) {\n  user.passwordHash = await bcrypt.hash(user.password, SALT_ROUNDS);\n  const salt = bcrypt.genSaltSync(10);\n  const ok = await bcrypt.hash(user.password, 12);\n  return { user, salt, ok };\n}\nmodule.exports = { register };\n",
            },
          ],
        },
      ],
    },
  ],
});

// A password read from a config library by its setting's name
ruleTester.run('no-password-as-key (config settings)', rule, {
  valid: [
    {
      // a data key from config is not a password
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\nimport config from 'config';\nexport const seal = () => createCipheriv('aes-256-gcm', config.get('backup.dataKey'), randomBytes(12));\n",
      filename: 'src/cfg-ok.ts',
    },
  ],
  invalid: [
    {
      // config.get('backup.passphrase'), padded to 32 bytes
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\nimport config from 'config';\nexport function sealBackup(data: Buffer) {\n  const iv = randomBytes(16);\n  const key = Buffer.from(config.get<string>('backup.passphrase').padEnd(32, '0'));\n  return createCipheriv('aes-256-cbc', key, iv).update(data);\n}\nexport const macFor = (body: string) => createCipheriv('aes-256-gcm', config.get('backup.dataKey'), randomBytes(12));\n",
      filename: 'src/cfg.ts',
      errors: [
        {
          messageId: 'passwordAsKey',
          line: 5,
          column: 27,
          endLine: 5,
          endColumn: 82,
          data: { name: 'passphrase', role: 'key', sink: 'crypto.createCipheriv' },
        },
      ],
    },
  ],
});

ruleTester.run('no-password-as-key (a property of the object a helper returns, batch rrpw2)', rule, {
  valid: [
    // near misses: a helper returns a scrypt key and a random IV; another a random key beside a password verifier
    {
      code: "import { createCipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';\n\nfunction deriveKeyAndIv(password: string, salt: Buffer) {\n  const out = scryptSync(password, salt, 48, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 });\n  return { key: out.subarray(0, 32), iv: randomBytes(16) };\n}\nfunction newVaultKey(password: string) {\n  return { key: randomBytes(32), verifier: createHash('sha256').update(password).digest('hex') };\n}\nexport function seal(password: string, salt: Buffer, data: Buffer) {\n  const { key, iv } = deriveKeyAndIv(password, salt);\n  const c = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([c.update(data), c.final()]);\n}\nexport function sealFresh(password: string, data: Buffer) {\n  const vault = newVaultKey(password);\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', vault.key, iv);\n  return { verifier: vault.verifier, iv, body: Buffer.concat([c.update(data), c.final()]) };\n}",
      filename: 'src/vault.ts',
    },
  ],
  invalid: [
    // a hand-written EVP_BytesToKey (MD5 over the password) returns { key, iv }: destructured, inline, and read as d.key
    {
      code: "import { createCipheriv, createHash } from 'node:crypto';\n\nfunction evpBytesToKey(password: string, keyLen: number, ivLen: number) {\n  let out = Buffer.alloc(0);\n  let prev = Buffer.alloc(0);\n  while (out.length < keyLen + ivLen) {\n    prev = createHash('md5').update(Buffer.concat([prev, Buffer.from(password, 'binary')])).digest();\n    out = Buffer.concat([out, prev]);\n  }\n  return { key: out.subarray(0, keyLen), iv: out.subarray(keyLen, keyLen + ivLen) };\n}\n\nexport function encrypt(password: string, data: Buffer): Buffer {\n  const { key, iv } = evpBytesToKey(password, 32, 16);\n  const cipher = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([cipher.update(data), cipher.final()]);\n}\n\nexport function encrypt2(password: string, data: Buffer): Buffer {\n  const hash = createHash('md5').update(Buffer.concat([Buffer.alloc(0), Buffer.from(password, 'binary')])).digest();\n  const cipher = createCipheriv('aes-128-cbc', hash, Buffer.alloc(16));\n  return Buffer.concat([cipher.update(data), cipher.final()]);\n}\nexport function encrypt3(password: string, data: Buffer): Buffer {\n  const d = evpBytesToKey(password, 32, 16);\n  const cipher = createCipheriv('aes-256-cbc', d.key, d.iv);\n  return Buffer.concat([cipher.update(data), cipher.final()]);\n}",
      filename: 'src/evp.ts',
      // issue 11 (session 20): the helper makes the key, so the hash inside it is the finding (once, not per use)
      errors: [
        { messageId: 'hashedPassword', line: 7, column: 12, endLine: 7, endColumn: 101 },
        { messageId: 'hashedPassword', line: 20, column: 16, endLine: 20, endColumn: 116 },
      ],
    },
    // shapes from real code: a hashed PIN, a padded passphrase, PBKDF2 at 1,000 and 310,000 iterations (OWASP 2023 asks 600,000), scrypt N = 1024; a file-name hash and scrypt at 2^17 beside them
    {
      code: "import { createCipheriv, createHash, pbkdf2, randomBytes, scryptSync } from 'node:crypto';\n\nexport function encryptWithPin(pin: string, data: Buffer): Buffer {\n  const key = createHash('sha256').update(pin).digest();\n  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([iv, cipher.update(data), cipher.final(), cipher.getAuthTag()]);\n}\n\nexport function encryptWithPassphrase(passphrase: string, data: Buffer): Buffer {\n  const key = Buffer.from(passphrase.padEnd(32, '0').slice(0, 32));\n  const iv = randomBytes(16);\n  const cipher = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([iv, cipher.update(data), cipher.final()]);\n}\n\nexport function legacyKey(password: string, salt: Buffer, cb: (err: Error | null, key?: Buffer) => void): void {\n  pbkdf2(password, salt, 1000, 32, 'sha256', (err, key) => cb(err, key));\n}\n\nexport function currentKey(password: string, salt: Buffer, cb: (err: Error | null, key: Buffer) => void): void {\n  pbkdf2(password, salt, 310_000, 32, 'sha256', cb);\n}\n\nexport function cacheName(fileName: string): string {\n  return createHash('sha256').update(fileName).digest('hex');\n}\n\nexport function evpBytesToKey(password: string, keyLen: number, ivLen: number) {\n  let out = Buffer.alloc(0);\n  let prev = Buffer.alloc(0);\n  while (out.length < keyLen + ivLen) {\n    prev = createHash('md5').update(Buffer.concat([prev, Buffer.from(password, 'binary')])).digest();\n    out = Buffer.concat([out, prev]);\n  }\n  return { key: out.subarray(0, keyLen), iv: out.subarray(keyLen, keyLen + ivLen) };\n}\n\nexport function quickKey(password: string, salt: Buffer): Buffer {\n  return scryptSync(password, salt, 32, { N: 1024 });\n}\n\nexport function strongKey(password: string, salt: Buffer): Buffer {\n  return scryptSync(password, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });\n}",
      filename: 'src/pin-cipher.ts',
      errors: [
        {
          messageId: 'hashedPassword',
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'useScrypt',
              output:
                "import { createCipheriv, createHash, pbkdf2, randomBytes, scryptSync } from 'node:crypto';\n\nexport function encryptWithPin(pin: string, data: Buffer): Buffer {\n  const salt = randomBytes(16); // store the salt with the data it protects\n  const key = scryptSync(pin, salt, 32, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 });\n  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([iv, cipher.update(data), cipher.final(), cipher.getAuthTag()]);\n}\n\nexport function encryptWithPassphrase(passphrase: string, data: Buffer): Buffer {\n  const key = Buffer.from(passphrase.padEnd(32, '0').slice(0, 32));\n  const iv = randomBytes(16);\n  const cipher = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([iv, cipher.update(data), cipher.final()]);\n}\n\nexport function legacyKey(password: string, salt: Buffer, cb: (err: Error | null, key?: Buffer) => void): void {\n  pbkdf2(password, salt, 1000, 32, 'sha256', (err, key) => cb(err, key));\n}\n\nexport function currentKey(password: string, salt: Buffer, cb: (err: Error | null, key: Buffer) => void): void {\n  pbkdf2(password, salt, 310_000, 32, 'sha256', cb);\n}\n\nexport function cacheName(fileName: string): string {\n  return createHash('sha256').update(fileName).digest('hex');\n}\n\nexport function evpBytesToKey(password: string, keyLen: number, ivLen: number) {\n  let out = Buffer.alloc(0);\n  let prev = Buffer.alloc(0);\n  while (out.length < keyLen + ivLen) {\n    prev = createHash('md5').update(Buffer.concat([prev, Buffer.from(password, 'binary')])).digest();\n    out = Buffer.concat([out, prev]);\n  }\n  return { key: out.subarray(0, keyLen), iv: out.subarray(keyLen, keyLen + ivLen) };\n}\n\nexport function quickKey(password: string, salt: Buffer): Buffer {\n  return scryptSync(password, salt, 32, { N: 1024 });\n}\n\nexport function strongKey(password: string, salt: Buffer): Buffer {\n  return scryptSync(password, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });\n}",
            },
          ],
        },
        {
          messageId: 'passwordAsKey',
          line: 11,
          column: 27,
          endLine: 11,
          endColumn: 53,
          suggestions: [],
        },
        {
          messageId: 'weakKdf',
          line: 18,
          column: 26,
          endLine: 18,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'raiseParam',
              output:
                "import { createCipheriv, createHash, pbkdf2, randomBytes, scryptSync } from 'node:crypto';\n\nexport function encryptWithPin(pin: string, data: Buffer): Buffer {\n  const key = createHash('sha256').update(pin).digest();\n  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([iv, cipher.update(data), cipher.final(), cipher.getAuthTag()]);\n}\n\nexport function encryptWithPassphrase(passphrase: string, data: Buffer): Buffer {\n  const key = Buffer.from(passphrase.padEnd(32, '0').slice(0, 32));\n  const iv = randomBytes(16);\n  const cipher = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([iv, cipher.update(data), cipher.final()]);\n}\n\nexport function legacyKey(password: string, salt: Buffer, cb: (err: Error | null, key?: Buffer) => void): void {\n  pbkdf2(password, salt, 600000, 32, 'sha256', (err, key) => cb(err, key));\n}\n\nexport function currentKey(password: string, salt: Buffer, cb: (err: Error | null, key: Buffer) => void): void {\n  pbkdf2(password, salt, 310_000, 32, 'sha256', cb);\n}\n\nexport function cacheName(fileName: string): string {\n  return createHash('sha256').update(fileName).digest('hex');\n}\n\nexport function evpBytesToKey(password: string, keyLen: number, ivLen: number) {\n  let out = Buffer.alloc(0);\n  let prev = Buffer.alloc(0);\n  while (out.length < keyLen + ivLen) {\n    prev = createHash('md5').update(Buffer.concat([prev, Buffer.from(password, 'binary')])).digest();\n    out = Buffer.concat([out, prev]);\n  }\n  return { key: out.subarray(0, keyLen), iv: out.subarray(keyLen, keyLen + ivLen) };\n}\n\nexport function quickKey(password: string, salt: Buffer): Buffer {\n  return scryptSync(password, salt, 32, { N: 1024 });\n}\n\nexport function strongKey(password: string, salt: Buffer): Buffer {\n  return scryptSync(password, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });\n}",
            },
          ],
        },
        {
          messageId: 'weakKdf',
          line: 22,
          column: 26,
          endLine: 22,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'raiseParam',
              output:
                "import { createCipheriv, createHash, pbkdf2, randomBytes, scryptSync } from 'node:crypto';\n\nexport function encryptWithPin(pin: string, data: Buffer): Buffer {\n  const key = createHash('sha256').update(pin).digest();\n  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([iv, cipher.update(data), cipher.final(), cipher.getAuthTag()]);\n}\n\nexport function encryptWithPassphrase(passphrase: string, data: Buffer): Buffer {\n  const key = Buffer.from(passphrase.padEnd(32, '0').slice(0, 32));\n  const iv = randomBytes(16);\n  const cipher = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([iv, cipher.update(data), cipher.final()]);\n}\n\nexport function legacyKey(password: string, salt: Buffer, cb: (err: Error | null, key?: Buffer) => void): void {\n  pbkdf2(password, salt, 1000, 32, 'sha256', (err, key) => cb(err, key));\n}\n\nexport function currentKey(password: string, salt: Buffer, cb: (err: Error | null, key: Buffer) => void): void {\n  pbkdf2(password, salt, 600000, 32, 'sha256', cb);\n}\n\nexport function cacheName(fileName: string): string {\n  return createHash('sha256').update(fileName).digest('hex');\n}\n\nexport function evpBytesToKey(password: string, keyLen: number, ivLen: number) {\n  let out = Buffer.alloc(0);\n  let prev = Buffer.alloc(0);\n  while (out.length < keyLen + ivLen) {\n    prev = createHash('md5').update(Buffer.concat([prev, Buffer.from(password, 'binary')])).digest();\n    out = Buffer.concat([out, prev]);\n  }\n  return { key: out.subarray(0, keyLen), iv: out.subarray(keyLen, keyLen + ivLen) };\n}\n\nexport function quickKey(password: string, salt: Buffer): Buffer {\n  return scryptSync(password, salt, 32, { N: 1024 });\n}\n\nexport function strongKey(password: string, salt: Buffer): Buffer {\n  return scryptSync(password, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });\n}",
            },
          ],
        },
        { messageId: 'hashedPassword', line: 33, column: 12, endLine: 33, endColumn: 101, suggestions: [] },
        {
          messageId: 'weakKdf',
          line: 40,
          column: 46,
          endLine: 40,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'raiseParam',
              output:
                "import { createCipheriv, createHash, pbkdf2, randomBytes, scryptSync } from 'node:crypto';\n\nexport function encryptWithPin(pin: string, data: Buffer): Buffer {\n  const key = createHash('sha256').update(pin).digest();\n  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([iv, cipher.update(data), cipher.final(), cipher.getAuthTag()]);\n}\n\nexport function encryptWithPassphrase(passphrase: string, data: Buffer): Buffer {\n  const key = Buffer.from(passphrase.padEnd(32, '0').slice(0, 32));\n  const iv = randomBytes(16);\n  const cipher = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([iv, cipher.update(data), cipher.final()]);\n}\n\nexport function legacyKey(password: string, salt: Buffer, cb: (err: Error | null, key?: Buffer) => void): void {\n  pbkdf2(password, salt, 1000, 32, 'sha256', (err, key) => cb(err, key));\n}\n\nexport function currentKey(password: string, salt: Buffer, cb: (err: Error | null, key: Buffer) => void): void {\n  pbkdf2(password, salt, 310_000, 32, 'sha256', cb);\n}\n\nexport function cacheName(fileName: string): string {\n  return createHash('sha256').update(fileName).digest('hex');\n}\n\nexport function evpBytesToKey(password: string, keyLen: number, ivLen: number) {\n  let out = Buffer.alloc(0);\n  let prev = Buffer.alloc(0);\n  while (out.length < keyLen + ivLen) {\n    prev = createHash('md5').update(Buffer.concat([prev, Buffer.from(password, 'binary')])).digest();\n    out = Buffer.concat([out, prev]);\n  }\n  return { key: out.subarray(0, keyLen), iv: out.subarray(keyLen, keyLen + ivLen) };\n}\n\nexport function quickKey(password: string, salt: Buffer): Buffer {\n  return scryptSync(password, salt, 32, { N: 2 ** 15, maxmem: 64 * 1024 * 1024 });\n}\n\nexport function strongKey(password: string, salt: Buffer): Buffer {\n  return scryptSync(password, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });\n}",
            },
          ],
        },
      ],
    },
    // WebCrypto: a SHA-256 of the password imported as an AES key; PBKDF2 at 1,000 in a params object; 600,000 beside them
    {
      code: "const encoder = new TextEncoder();\n\nexport const generateKey = async (password: string): Promise<CryptoKey> => {\n  const data = encoder.encode(password);\n  const hashBuffer = await crypto.subtle.digest('SHA-256', data);\n  return crypto.subtle.importKey('raw', hashBuffer, { name: 'AES-GCM' }, true, ['encrypt', 'decrypt']);\n};\n\nexport async function deriveFromPassword(password: string, salt: Uint8Array): Promise<CryptoKey> {\n  const base = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveKey']);\n  return crypto.subtle.deriveKey(\n    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600_000 },\n    base,\n    { name: 'AES-GCM', length: 256 },\n    false,\n    ['encrypt', 'decrypt'],\n  );\n}\n\nexport async function genEncryptionKey(password: string, salt: Uint8Array): Promise<CryptoKey> {\n  const algo = { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 1000 };\n  const key = await crypto.subtle.importKey('raw', encoder.encode(password), { name: 'PBKDF2' }, false, ['deriveKey']);\n  return crypto.subtle.deriveKey(algo, key, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);\n}",
      filename: 'src/webcrypto-vault.ts',
      errors: [
        {
          messageId: 'hashedPassword',
          line: 5,
          column: 28,
          endLine: 5,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'useDeriveKey',
              output:
                "import { deriveKey, randomBytes } from 'keyhygiene/keys';\nconst encoder = new TextEncoder();\n\nexport const generateKey = async (password: string): Promise<CryptoKey> => {\n  const data = encoder.encode(password);\n  const salt = randomBytes(16); // store the salt with the data it protects\n  const hashBuffer = await (await deriveKey(data, { salt })).expose();\n  return crypto.subtle.importKey('raw', hashBuffer, { name: 'AES-GCM' }, true, ['encrypt', 'decrypt']);\n};\n\nexport async function deriveFromPassword(password: string, salt: Uint8Array): Promise<CryptoKey> {\n  const base = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveKey']);\n  return crypto.subtle.deriveKey(\n    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600_000 },\n    base,\n    { name: 'AES-GCM', length: 256 },\n    false,\n    ['encrypt', 'decrypt'],\n  );\n}\n\nexport async function genEncryptionKey(password: string, salt: Uint8Array): Promise<CryptoKey> {\n  const algo = { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 1000 };\n  const key = await crypto.subtle.importKey('raw', encoder.encode(password), { name: 'PBKDF2' }, false, ['deriveKey']);\n  return crypto.subtle.deriveKey(algo, key, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);\n}",
            },
          ],
        },
        {
          messageId: 'weakKdf',
          line: 21,
          column: 69,
          endLine: 21,
          endColumn: 73,
          suggestions: [
            {
              messageId: 'raiseParam',
              output:
                "const encoder = new TextEncoder();\n\nexport const generateKey = async (password: string): Promise<CryptoKey> => {\n  const data = encoder.encode(password);\n  const hashBuffer = await crypto.subtle.digest('SHA-256', data);\n  return crypto.subtle.importKey('raw', hashBuffer, { name: 'AES-GCM' }, true, ['encrypt', 'decrypt']);\n};\n\nexport async function deriveFromPassword(password: string, salt: Uint8Array): Promise<CryptoKey> {\n  const base = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveKey']);\n  return crypto.subtle.deriveKey(\n    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600_000 },\n    base,\n    { name: 'AES-GCM', length: 256 },\n    false,\n    ['encrypt', 'decrypt'],\n  );\n}\n\nexport async function genEncryptionKey(password: string, salt: Uint8Array): Promise<CryptoKey> {\n  const algo = { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600000 };\n  const key = await crypto.subtle.importKey('raw', encoder.encode(password), { name: 'PBKDF2' }, false, ['deriveKey']);\n  return crypto.subtle.deriveKey(algo, key, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);\n}",
            },
          ],
        },
      ],
    },
    // crypto-js: a passphrase string, PBKDF2 at 1,000, and a SHA256 of the password as the key; a hex-parsed key beside them
    {
      code: "const CryptoJS = require('crypto-js');\n\nfunction encryptNote(text, password) {\n  return CryptoJS.AES.encrypt(text, password).toString();\n}\n\nfunction encryptNoteWithKey(text, keyHex) {\n  const key = CryptoJS.enc.Hex.parse(keyHex);\n  const iv = CryptoJS.lib.WordArray.random(16);\n  return { iv: iv.toString(), body: CryptoJS.AES.encrypt(text, key, { iv }).toString() };\n}\n\nfunction deriveKey(password, salt) {\n  return CryptoJS.PBKDF2(password, salt, { keySize: 256 / 32, iterations: 1000 });\n}\n\nfunction encryptWithHashedPassword(text, password) {\n  const key = CryptoJS.SHA256(password);\n  const iv = CryptoJS.lib.WordArray.random(16);\n  return CryptoJS.AES.encrypt(text, key, { iv }).toString();\n}\n\nmodule.exports = { encryptNote, encryptNoteWithKey, deriveKey, encryptWithHashedPassword };",
      filename: 'src/notes.js',
      errors: [
        { messageId: 'passwordAsKey', line: 4, column: 37, endLine: 4, endColumn: 45 },
        {
          messageId: 'weakKdf',
          line: 14,
          column: 75,
          endLine: 14,
          endColumn: 79,
          suggestions: [
            {
              messageId: 'raiseParam',
              output:
                "const CryptoJS = require('crypto-js');\n\nfunction encryptNote(text, password) {\n  return CryptoJS.AES.encrypt(text, password).toString();\n}\n\nfunction encryptNoteWithKey(text, keyHex) {\n  const key = CryptoJS.enc.Hex.parse(keyHex);\n  const iv = CryptoJS.lib.WordArray.random(16);\n  return { iv: iv.toString(), body: CryptoJS.AES.encrypt(text, key, { iv }).toString() };\n}\n\nfunction deriveKey(password, salt) {\n  return CryptoJS.PBKDF2(password, salt, { keySize: 256 / 32, iterations: 600000 });\n}\n\nfunction encryptWithHashedPassword(text, password) {\n  const key = CryptoJS.SHA256(password);\n  const iv = CryptoJS.lib.WordArray.random(16);\n  return CryptoJS.AES.encrypt(text, key, { iv }).toString();\n}\n\nmodule.exports = { encryptNote, encryptNoteWithKey, deriveKey, encryptWithHashedPassword };",
            },
          ],
        },
        { messageId: 'hashedPassword', line: 18, column: 15, endLine: 18, endColumn: 40 },
      ],
    },
  ],
});
