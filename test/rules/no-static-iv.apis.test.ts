/**
 * no-static-iv on the IV, nonce and salt APIs of the coverage table (issue 11, session 23, branch riv6): rows that
 * were not covered before this branch, one library at a time (aes-js, sjcl, libsodium's detached AEADs and stream
 * ciphers, sodium-native's stream ciphers, react-native-quick-crypto), the ways a value is made fixed that were
 * missed (`fill(c)`, a wrapper's parameter given a constant at the call site, an IV cut from the key text through
 * a decoder), and the SIV modes, which take a fixed nonce by design; each with its safe form as a near miss.
 */
import rule from '../../rules/no-static-iv.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-static-iv (API coverage, session 23)', rule, {
  valid: [
    {
      // near miss: aes-js CBC and CTR with a random IV and a random counter block
      code: "import aesjs from 'aes-js';\nimport { randomBytes } from 'node:crypto';\n\nexport function encryptRecord(key: Uint8Array, padded: Uint8Array) {\n  const iv = randomBytes(16);\n  return { iv, data: new aesjs.ModeOfOperation.cbc(key, iv).encrypt(padded) };\n}\nexport function xorStream(key: Uint8Array, data: Uint8Array) {\n  const counter = randomBytes(16);\n  return { counter, data: new aesjs.ModeOfOperation.ctr(key, new aesjs.Counter(counter)).encrypt(data) };\n}\n",
      filename: 'src/aesjs-random.ts',
    },
    {
      // near miss: sjcl with random words for the IV and the salt
      code: "import sjcl from 'sjcl';\n\nexport function sealWords(key: sjcl.BitArray, words: sjcl.BitArray) {\n  const iv = sjcl.random.randomWords(3, 0);\n  return { iv, ct: sjcl.mode.gcm.encrypt(new sjcl.cipher.aes(key), words, iv) };\n}\nexport function stretch(password: string) {\n  const salt = sjcl.random.randomWords(4, 0);\n  return { salt, key: sjcl.misc.pbkdf2(password, salt, 310000, 256) };\n}\n",
      filename: 'src/sjcl-random.ts',
    },
    {
      // near miss: the same stream calls with a fresh random nonce
      code: "import sodium from 'sodium-native';\nimport lsodium from 'libsodium-wrappers';\n\nexport function maskBlock(block: Buffer, key: Buffer) {\n  const out = Buffer.alloc(block.length);\n  const nonce = Buffer.alloc(sodium.crypto_stream_NONCEBYTES);\n  sodium.randombytes_buf(nonce);\n  sodium.crypto_stream_xor(out, block, nonce, key);\n  return { nonce, out };\n}\nexport function maskFrame(frame: Uint8Array, key: Uint8Array) {\n  const nonce = lsodium.randombytes_buf(lsodium.crypto_stream_chacha20_NONCEBYTES);\n  return { nonce, out: lsodium.crypto_stream_chacha20_xor(frame, nonce, key) };\n}\n",
      filename: 'src/sodium-stream-random.ts',
    },
    {
      // near miss: react-native-quick-crypto with a random salt and IV
      code: "import QuickCrypto from 'react-native-quick-crypto';\n\nexport function sealPin(pin: string, secret: string) {\n  const salt = QuickCrypto.randomBytes(16);\n  const iv = QuickCrypto.randomBytes(16);\n  const key = QuickCrypto.pbkdf2Sync(pin, salt, 210000, 32, 'sha512');\n  const cipher = QuickCrypto.createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([salt, iv, cipher.update(secret, 'utf8'), cipher.final()]);\n}\n",
      filename: 'src/quick-crypto-random.ts',
    },
    {
      // not reported: AES-SIV and AES-GCM-SIV are nonce-misuse resistant by design (RFC 5297, RFC 8452)
      code: "import { gcmsiv, siv } from '@noble/ciphers/aes.js';\n\nconst ZERO_NONCE = new Uint8Array(12);\n\nexport const sealIndexTerm = (key: Uint8Array, term: Uint8Array) => siv(key, ZERO_NONCE).encrypt(term);\nexport const sealLabel = (key: Uint8Array, label: Uint8Array) => gcmsiv(key, ZERO_NONCE).encrypt(label);\n",
      filename: 'src/siv-fixed.ts',
    },
    {
      // near miss: a buffer cleared with fill(0) and then filled with random bytes
      code: "import crypto from 'node:crypto';\n\nexport function sealNote(key: Buffer, note: string): Buffer {\n  const iv = Buffer.alloc(16);\n  iv.fill(0);\n  crypto.randomFillSync(iv);\n  const c = crypto.createCipheriv('aes-128-cbc', key, iv);\n  return Buffer.concat([iv, c.update(note, 'utf8'), c.final()]);\n}\n",
      filename: 'src/fill-random.ts',
    },
    {
      // near miss: the same wrapper, called with a fresh random IV that is stored
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\n\nfunction encryptWith(key: Buffer, iv: Buffer, data: string): Buffer {\n  const c = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([c.update(data, 'utf8'), c.final()]);\n}\n\nexport function encryptSetting(key: Buffer, value: string) {\n  const iv = randomBytes(16);\n  return Buffer.concat([iv, encryptWith(key, iv, value)]);\n}\n",
      filename: 'src/wrapper-random.ts',
    },
    {
      // near miss: crypto-js with a random WordArray IV beside a parsed key
      code: "import CryptoJS from 'crypto-js';\n\nexport function encryptField(value: string, secretKey: string): string {\n  const key = CryptoJS.enc.Utf8.parse(secretKey);\n  const iv = CryptoJS.lib.WordArray.random(16);\n  return iv.toString() + ':' + CryptoJS.AES.encrypt(value, key, { iv, mode: CryptoJS.mode.CBC }).toString();\n}\n",
      filename: 'src/cryptojs-iv-random.ts',
    },
    {
      // near miss: jose makes a fresh IV itself when none is set
      code: "import { CompactEncrypt } from 'jose';\n\nexport async function sealClaims(cek: Uint8Array, claims: object): Promise<string> {\n  return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(claims)))\n    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })\n    .encrypt(cek);\n}\n",
      filename: 'src/jose-own-iv.ts',
    },
    {
      // near miss: ethers makes the IV and salt at random when the options leave them out
      code: "import { encryptKeystoreJsonSync, type KeystoreAccount } from 'ethers';\n\nexport function backupAccount(account: KeystoreAccount, password: string): string {\n  return encryptKeystoreJsonSync(account, password, { scrypt: { N: 131072 } });\n}\n",
      filename: 'src/ethers-keystore-ok.ts',
    },
    {
      // near miss: PKCS#11 IVs drawn from the token generator
      code: "import * as graphene from 'graphene-pk11';\nimport * as pkcs11js from 'pkcs11js';\n\nexport function sealFirmware(session: graphene.Session, key: graphene.SecretKey, image: Buffer) {\n  const iv = session.generateRandom(16);\n  return { iv, ct: session.createCipher({ name: 'AES_CBC_PAD', params: iv }, key).once(image, Buffer.alloc(image.length + 16)) };\n}\n\nexport function beginSeal(pkcs11: pkcs11js.PKCS11, session: Buffer, key: Buffer): Buffer {\n  const iv = pkcs11.C_GenerateRandom(session, Buffer.alloc(12));\n  pkcs11.C_EncryptInit(session, { mechanism: pkcs11js.CKM_AES_GCM, parameter: { type: pkcs11js.CK_PARAMS_AES_GCM, iv, tagBits: 128 } }, key);\n  return iv;\n}\n",
      filename: 'src/pkcs11-random-iv.ts',
    },
  ],
  invalid: [
    {
      // aes-js CBC with an IV written as a byte array literal
      code: "import aesjs from 'aes-js';\n\nconst IV_BYTES = [21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36];\n\nexport function encryptRecord(key: Uint8Array, record: string): Uint8Array {\n  const padded = aesjs.padding.pkcs7.pad(aesjs.utils.utf8.toBytes(record));\n  return new aesjs.ModeOfOperation.cbc(key, IV_BYTES).encrypt(padded);\n}\n",
      filename: 'src/aesjs-cbc-literal.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 82,
          suggestions: [],
        },
      ],
    },
    {
      // aes-js CTR with a counter block made from a number: the same keystream for every message
      code: "import aesjs from 'aes-js';\n\nexport function xorStream(key: Uint8Array, text: string): string {\n  const ctr = new aesjs.ModeOfOperation.ctr(key, new aesjs.Counter(5));\n  return aesjs.utils.hex.fromBytes(ctr.encrypt(aesjs.utils.utf8.toBytes(text)));\n}\n",
      filename: 'src/aesjs-ctr-counter.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 4,
          column: 50,
          endLine: 4,
          endColumn: 70,
          suggestions: [],
        },
      ],
    },
    {
      // aes-js OFB with an IV decoded from a string literal by aes-js itself
      code: "import aesjs from 'aes-js';\n\nconst iv = aesjs.utils.utf8.toBytes('IVMustBe16Bytes.');\n\nexport const encryptBlock = (key: Uint8Array, data: Uint8Array) => new aesjs.ModeOfOperation.ofb(key, iv).encrypt(data);\n",
      filename: 'src/aesjs-ofb-utf8.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 56,
          suggestions: [],
        },
      ],
    },
    {
      // sjcl.encrypt with a fixed IV and salt decoded by sjcl.codec
      code: "import sjcl from 'sjcl';\n\nconst params = {\n  iv: sjcl.codec.hex.toBits('0f1e2d3c4b5a69788796a5b4c3d2e1f0'),\n  salt: sjcl.codec.hex.toBits('a1b2c3d4e5f60718'),\n};\n\nexport const lock = (passphrase: string, note: string) => sjcl.encrypt(passphrase, note, params);\n",
      filename: 'src/sjcl-encrypt.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 64,
          suggestions: [],
        },
        {
          messageId: 'staticSalt',
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 50,
          suggestions: [],
        },
      ],
    },
    {
      // sjcl GCM mode with an IV written as a word array literal
      code: "import sjcl from 'sjcl';\n\nexport function sealWords(key: sjcl.BitArray, words: sjcl.BitArray): sjcl.BitArray {\n  const prp = new sjcl.cipher.aes(key);\n  return sjcl.mode.gcm.encrypt(prp, words, [0x1234, 0x5678, 0x9abc]);\n}\n",
      filename: 'src/sjcl-gcm.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 5,
          column: 44,
          endLine: 5,
          endColumn: 68,
          suggestions: [],
        },
      ],
    },
    {
      // sjcl PBKDF2 with one salt for every password (enough work: the salt is the only flaw)
      code: "import sjcl from 'sjcl';\n\nexport function stretch(password: string): sjcl.BitArray {\n  return sjcl.misc.pbkdf2(password, 'vault-salt-v2', 600000, 256);\n}\n",
      filename: 'src/sjcl-pbkdf2.ts',
      errors: [
        {
          messageId: 'staticSalt',
          line: 4,
          column: 37,
          endLine: 4,
          endColumn: 52,
          suggestions: [],
        },
      ],
    },
    {
      // libsodium detached XChaCha20-Poly1305 with a zero nonce
      code: "import sodium from 'libsodium-wrappers';\n\nexport async function sealChunk(chunk: Uint8Array, key: Uint8Array) {\n  await sodium.ready;\n  const npub = new Uint8Array(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);\n  return sodium.crypto_aead_xchacha20poly1305_ietf_encrypt_detached(chunk, null, null, npub, key);\n}\n",
      filename: 'src/sodium-detached.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 83,
          suggestions: [],
        },
      ],
    },
    {
      // libsodium ChaCha20 stream with a module-level nonce reused by every call
      code: "import sodium from 'libsodium-wrappers';\n\nconst STREAM_NONCE = sodium.randombytes_buf(8);\n\nexport function maskFrame(frame: Uint8Array, key: Uint8Array): Uint8Array {\n  return sodium.crypto_stream_chacha20_xor(frame, STREAM_NONCE, key);\n}\n",
      filename: 'src/sodium-stream.ts',
      errors: [
        {
          messageId: 'reusedIv',
          line: 6,
          column: 51,
          endLine: 6,
          endColumn: 63,
          suggestions: [],
        },
      ],
    },
    {
      // sodium-native XSalsa20 stream with an all-zero nonce
      code: "import sodium from 'sodium-native';\n\nexport function maskBlock(block: Buffer, key: Buffer): Buffer {\n  const out = Buffer.alloc(block.length);\n  const nonce = Buffer.alloc(sodium.crypto_stream_NONCEBYTES);\n  sodium.crypto_stream_xor(out, block, nonce, key);\n  return out;\n}\n",
      filename: 'src/sodium-native-stream.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 62,
          suggestions: [],
        },
      ],
    },
    {
      // react-native-quick-crypto: a zero IV and a constant salt, as with node:crypto
      code: "import QuickCrypto from 'react-native-quick-crypto';\n\nexport function sealPin(pin: string, secret: string) {\n  const key = QuickCrypto.pbkdf2Sync(pin, 'wallet-pin-salt', 210000, 32, 'sha512');\n  const cipher = QuickCrypto.createCipheriv('aes-256-cbc', key, Buffer.alloc(16));\n  return Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);\n}\n",
      filename: 'src/quick-crypto.ts',
      errors: [
        {
          messageId: 'staticSalt',
          line: 4,
          column: 43,
          endLine: 4,
          endColumn: 60,
          suggestions: [],
        },
        {
          messageId: 'staticIv',
          line: 5,
          column: 65,
          endLine: 5,
          endColumn: 81,
          suggestions: [],
        },
      ],
    },
    {
      // the same fixed nonce with plain GCM is reported
      code: "import { gcm } from '@noble/ciphers/aes.js';\n\nconst ZERO_NONCE = new Uint8Array(12);\n\nexport const sealLabel = (key: Uint8Array, label: Uint8Array) => gcm(key, ZERO_NONCE).encrypt(label);\n",
      filename: 'src/gcm-fixed.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 3,
          column: 20,
          endLine: 3,
          endColumn: 38,
          suggestions: [],
        },
      ],
    },
    {
      // IVs set to one byte value by fill(): allocUnsafe(…).fill(7), and alloc(16) then fill(0)
      code: "import crypto from 'node:crypto';\n\nexport function sealTicket(key: Buffer, ticket: string): Buffer {\n  const nonce = Buffer.allocUnsafe(12).fill(7);\n  const c = crypto.createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });\n  return Buffer.concat([c.update(ticket, 'utf8'), c.final(), c.getAuthTag()]);\n}\n\nexport function sealNote(key: Buffer, note: string): Buffer {\n  const iv = Buffer.alloc(16);\n  iv.fill(0);\n  const c = crypto.createCipheriv('aes-128-cbc', key, iv);\n  return Buffer.concat([c.update(note, 'utf8'), c.final()]);\n}\n",
      filename: 'src/fill-constant.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'freshIv',
              data: {
                role: 'IV',
                unit: 'message',
                call: 'crypto.randomBytes(12)',
                output: 'ciphertext',
                reverse: 'decryption',
              },
              output:
                "import crypto from 'node:crypto';\n\nexport function sealTicket(key: Buffer, ticket: string): Buffer {\n  const nonce = crypto.randomBytes(12);\n  const c = crypto.createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });\n  return Buffer.concat([c.update(ticket, 'utf8'), c.final(), c.getAuthTag()]);\n}\n\nexport function sealNote(key: Buffer, note: string): Buffer {\n  const iv = Buffer.alloc(16);\n  iv.fill(0);\n  const c = crypto.createCipheriv('aes-128-cbc', key, iv);\n  return Buffer.concat([c.update(note, 'utf8'), c.final()]);\n}\n",
            },
          ],
        },
        {
          messageId: 'staticIv',
          line: 10,
          column: 14,
          endLine: 10,
          endColumn: 30,
          suggestions: [],
        },
      ],
    },
    {
      // a same-file wrapper takes the IV as a parameter; a caller passes a zero buffer
      code: "import { createCipheriv } from 'node:crypto';\n\nfunction encryptWith(key: Buffer, iv: Buffer, data: string): Buffer {\n  const c = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([c.update(data, 'utf8'), c.final()]);\n}\n\nexport const encryptSetting = (key: Buffer, value: string) => encryptWith(key, Buffer.alloc(16), value);\n",
      filename: 'src/wrapper-constant.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 8,
          column: 80,
          endLine: 8,
          endColumn: 96,
          suggestions: [],
        },
      ],
    },
    {
      // crypto-js: the IV is the first 16 characters of the key text the key is parsed from
      code: "import CryptoJS from 'crypto-js';\n\nexport function encryptField(value: string, secretKey: string): string {\n  const key = CryptoJS.enc.Utf8.parse(secretKey);\n  const iv = CryptoJS.enc.Utf8.parse(secretKey.substring(0, 16));\n  return CryptoJS.AES.encrypt(value, key, { iv, mode: CryptoJS.mode.CBC }).toString();\n}\n",
      filename: 'src/cryptojs-iv-from-key.ts',
      errors: [
        {
          messageId: 'ivFromKey',
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 65,
          suggestions: [],
        },
      ],
    },
    {
      // jose JWE with an IV set by hand, the same for every token
      code: "import { CompactEncrypt } from 'jose';\n\nconst TOKEN_IV = new Uint8Array(12);\n\nexport async function sealClaims(cek: Uint8Array, claims: object): Promise<string> {\n  return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(claims)))\n    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })\n    .setInitializationVector(TOKEN_IV)\n    .encrypt(cek);\n}\n",
      filename: 'src/jose-fixed-iv.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 36,
          suggestions: [],
        },
      ],
    },
    {
      // ethers keystore JSON with a fixed IV and salt passed as options
      code: "import { encryptKeystoreJsonSync, type KeystoreAccount } from 'ethers';\n\nconst KEYSTORE_OPTS = { iv: new Uint8Array(16), salt: new TextEncoder().encode('acme-wallet-salt-0000000000000000') };\n\nexport function backupAccount(account: KeystoreAccount, password: string): string {\n  return encryptKeystoreJsonSync(account, password, KEYSTORE_OPTS);\n}\n",
      filename: 'src/ethers-keystore.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 47,
          suggestions: [],
        },
        {
          messageId: 'staticSalt',
          line: 3,
          column: 80,
          endLine: 3,
          endColumn: 115,
          suggestions: [],
        },
      ],
    },
    {
      // PKCS#11: a zero IV as the mechanism parameter (graphene-pk11) and a constant GCM IV (pkcs11js)
      code: "import * as graphene from 'graphene-pk11';\nimport * as pkcs11js from 'pkcs11js';\n\nexport function sealFirmware(session: graphene.Session, key: graphene.SecretKey, image: Buffer): Buffer {\n  return session.createCipher({ name: 'AES_CBC_PAD', params: Buffer.alloc(16) }, key).once(image, Buffer.alloc(image.length + 16));\n}\n\nexport function beginSeal(pkcs11: pkcs11js.PKCS11, session: Buffer, key: Buffer): void {\n  const parameter = { type: pkcs11js.CK_PARAMS_AES_GCM, iv: Buffer.from('a1a2a3a4a5a6a7a8a9aaabac', 'hex'), tagBits: 128 };\n  pkcs11.C_EncryptInit(session, { mechanism: pkcs11js.CKM_AES_GCM, parameter }, key);\n}\n",
      filename: 'src/pkcs11-fixed-iv.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 5,
          column: 62,
          endLine: 5,
          endColumn: 78,
          suggestions: [],
        },
        {
          messageId: 'staticIv',
          line: 9,
          column: 73,
          endLine: 9,
          endColumn: 99,
          suggestions: [],
        },
      ],
    },
  ],
});
