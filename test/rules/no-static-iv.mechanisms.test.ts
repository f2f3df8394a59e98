/**
 * no-static-iv on what strangers write (issue 11, session 22, branch rdel5): nonces cut from a digest of non-random
 * data (the message, a title, the plaintext), zero IVs filled with a record id or a counter handed to a helper, and
 * react-native-aes-crypto constant IVs and salts. Near misses: a digest mixed with random bytes, an IV derived from
 * the key and a random salt (EVP_BytesToKey), HPKE-style HKDF nonces, random prefixes, random IVs and salts.
 */
import rule from '../../rules/no-static-iv.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-static-iv (strangers, session 22)', rule, {
  valid: [
    {
      code: "import { createCipheriv, createHash, randomBytes } from 'node:crypto';\nimport { hkdf } from '@noble/hashes/hkdf';\nimport { sha256 } from '@noble/hashes/sha2';\nimport { gcm } from '@noble/ciphers/aes';\n\nexport function sealWithMixedNonce(key: Buffer, plaintext: string): Buffer {\n  const nonce = createHash('sha256').update(Buffer.concat([randomBytes(16), Buffer.from(plaintext)])).digest().subarray(0, 12);\n  const c = createCipheriv('aes-256-gcm', key, nonce);\n  return Buffer.concat([nonce, c.update(plaintext, 'utf8'), c.final(), c.getAuthTag()]);\n}\n\nexport function legacyBox(keyMaterial: Buffer, plaintext: Buffer): Buffer {\n  const salt = randomBytes(8);\n  const key = createHash('sha256').update(Buffer.concat([keyMaterial, salt])).digest();\n  const iv = createHash('md5').update(Buffer.concat([key, keyMaterial, salt])).digest();\n  const c = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([salt, c.update(plaintext), c.final()]);\n}\n\nexport function sealOnce(ephemeralShared: Uint8Array, pt: Uint8Array): Uint8Array {\n  const key = hkdf(sha256, ephemeralShared, undefined, 'key', 32);\n  const baseNonce = hkdf(sha256, ephemeralShared, undefined, 'base_nonce', 12);\n  return gcm(key, baseNonce).encrypt(pt);\n}\n",
      filename: 'src/a-ok.ts',
    },
    {
      code: "import { createCipheriv, randomBytes, randomFillSync } from 'node:crypto';\n\nexport class Sealer {\n  private readonly prefix = randomBytes(4);\n  private counter = 0;\n  constructor(private readonly key: Buffer) {}\n\n  seal(data: Buffer): Buffer {\n    const iv = Buffer.alloc(12);\n    this.prefix.copy(iv, 0);\n    iv.writeUInt32BE(this.counter++, 8);\n    const c = createCipheriv('aes-256-gcm', this.key, iv);\n    return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);\n  }\n}\n\nexport function sealRow(key: Buffer, rowId: number, data: Buffer): Buffer {\n  const iv = Buffer.alloc(12);\n  randomFillSync(iv, 0, 8);\n  iv.writeUInt32BE(rowId, 8);\n  const c = createCipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);\n}\n",
      filename: 'src/b-ok.ts',
    },
    {
      code: "import Aes from 'react-native-aes-crypto';\n\nexport async function lockNote(key: string, text: string): Promise<{ iv: string; cipher: string }> {\n  const iv = await Aes.randomKey(16);\n  const cipher = await Aes.encrypt(text, key, iv, 'aes-256-cbc');\n  return { iv, cipher };\n}\n\nexport async function noteKey(pin: string, salt: string): Promise<string> {\n  return Aes.pbkdf2(pin, salt, 310000, 256, 'sha512');\n}\n",
      filename: 'src/c-ok.ts',
    },
    {
      // A request keyed by a digest answers with the server's own stored nonce: the digest does not reach it.
      code: "import { loadSodium } from './sodium';\nimport { sendBatch } from './transport';\nimport { hexToBytes, bytesToBase64 } from './bytes';\n\nfunction resolveRequests(nameHash64: string) {\n  return [{ method: 'lookup', params: { kind: 'name', name_hash: nameHash64 } }];\n}\n\nexport async function openEntry(name: string): Promise<Uint8Array> {\n  const sodium = await loadSodium();\n  const nameHash = sodium.crypto_generichash(32, new TextEncoder().encode(name));\n  const results = await sendBatch(resolveRequests(bytesToBase64(nameHash)));\n  const answer = results[0]?.body?.result;\n  if (!answer?.nonce) throw new Error('no entry');\n  const nonce = hexToBytes(answer.nonce as string);\n  const key = sodium.crypto_generichash(32, new TextEncoder().encode(name), nameHash);\n  return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, hexToBytes(answer.box), null, nonce, key);\n}\n",
      filename: 'src/d-directory-ok.ts',
    },
  ],
  invalid: [
    {
      code: "import { xchacha20poly1305 } from '@noble/ciphers/chacha';\nimport { blake2b } from '@noble/hashes/blake2b';\n\nexport function sealMessage(key: Uint8Array, message: Uint8Array): Uint8Array {\n  const nonce = blake2b(message, { dkLen: 24 });\n  const sealed = xchacha20poly1305(key, nonce).encrypt(message);\n  const out = new Uint8Array(nonce.length + sealed.length);\n  out.set(nonce);\n  out.set(sealed, nonce.length);\n  return out;\n}\n",
      filename: 'src/a-blake-message.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 6,
          column: 41,
          endLine: 6,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'freshIv',
              data: {
                role: 'nonce',
                unit: 'message',
                call: 'randomBytes(24)',
                output: 'ciphertext',
                reverse: 'decryption',
              },
              output:
                "import { xchacha20poly1305 } from '@noble/ciphers/chacha';\nimport { blake2b } from '@noble/hashes/blake2b';\nimport { randomBytes } from 'node:crypto';\n\nexport function sealMessage(key: Uint8Array, message: Uint8Array): Uint8Array {\n  const nonce = randomBytes(24);\n  const sealed = xchacha20poly1305(key, nonce).encrypt(message);\n  const out = new Uint8Array(nonce.length + sealed.length);\n  out.set(nonce);\n  out.set(sealed, nonce.length);\n  return out;\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import { createCipheriv, createHash } from 'node:crypto';\n\nexport function sealField(key: Buffer, plaintext: string): Buffer {\n  const nonce = createHash('sha256').update(plaintext).digest().subarray(0, 12);\n  const c = createCipheriv('aes-256-gcm', key, nonce);\n  const body = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);\n  return Buffer.concat([nonce, c.getAuthTag(), body]);\n}\n",
      filename: 'src/a-sha-plaintext.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 5,
          column: 48,
          endLine: 5,
          endColumn: 53,
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
                "import { createCipheriv, createHash, randomBytes } from 'node:crypto';\n\nexport function sealField(key: Buffer, plaintext: string): Buffer {\n  const nonce = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', key, nonce);\n  const body = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);\n  return Buffer.concat([nonce, c.getAuthTag(), body]);\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "const enc = new TextEncoder();\n\nexport async function encryptAt(key: CryptoKey, title: string, data: Uint8Array): Promise<ArrayBuffer> {\n  const h = await crypto.subtle.digest('SHA-256', enc.encode(title));\n  const iv = new Uint8Array(h, 0, 12);\n  return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data);\n}\n",
      filename: 'src/a-subtle-digest.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 6,
          column: 51,
          endLine: 6,
          endColumn: 53,
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
                "const enc = new TextEncoder();\n\nexport async function encryptAt(key: CryptoKey, title: string, data: Uint8Array): Promise<ArrayBuffer> {\n  const h = await crypto.subtle.digest('SHA-256', enc.encode(title));\n  const iv = crypto.getRandomValues(new Uint8Array(12));\n  return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data);\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import { createCipheriv } from 'node:crypto';\n\nexport function encryptRow(key: Buffer, rowId: number, value: string): string {\n  const iv = Buffer.alloc(16);\n  iv.writeUInt32BE(rowId, 12);\n  const c = createCipheriv('aes-256-ctr', key, iv);\n  return Buffer.concat([c.update(value, 'utf8'), c.final()]).toString('base64');\n}\n",
      filename: 'src/b-record-id.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 30,
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
                "import { createCipheriv, randomBytes } from 'node:crypto';\n\nexport function encryptRow(key: Buffer, rowId: number, value: string): string {\n  const iv = randomBytes(16);\n  iv.writeUInt32BE(rowId, 12);\n  const c = createCipheriv('aes-256-ctr', key, iv);\n  return Buffer.concat([c.update(value, 'utf8'), c.final()]).toString('base64');\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import { gcm } from '@noble/ciphers/aes';\n\nfunction nonceFor(seq: number): Uint8Array {\n  const n = new Uint8Array(12);\n  new DataView(n.buffer).setBigUint64(4, BigInt(seq));\n  return n;\n}\n\nexport class Channel {\n  private sent = 0;\n  constructor(private readonly key: Uint8Array) {}\n\n  send(frame: Uint8Array): { seq: number; body: Uint8Array } {\n    const seq = this.sent;\n    this.sent += 1;\n    return { seq, body: gcm(this.key, nonceFor(seq)).encrypt(frame) };\n  }\n}\n",
      filename: 'src/b-seq-helper.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'freshIv',
              data: {
                role: 'nonce',
                unit: 'message',
                call: 'randomBytes(12)',
                output: 'ciphertext',
                reverse: 'decryption',
              },
              output:
                "import { gcm } from '@noble/ciphers/aes';\nimport { randomBytes } from 'node:crypto';\n\nfunction nonceFor(seq: number): Uint8Array {\n  const n = new Uint8Array(12);\n  new DataView(n.buffer).setBigUint64(4, BigInt(seq));\n  return n;\n}\n\nexport class Channel {\n  private sent = 0;\n  constructor(private readonly key: Uint8Array) {}\n\n  send(frame: Uint8Array): { seq: number; body: Uint8Array } {\n    const seq = this.sent;\n    this.sent += 1;\n    const nonce = randomBytes(12);\n    return { seq, body: gcm(this.key, nonce).encrypt(frame) };\n  }\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import Aes from 'react-native-aes-crypto';\n\nconst PROFILE_IV = '0123456789abcdef0123456789abcdef';\n\nexport async function lockProfile(key: string, json: string): Promise<string> {\n  return Aes.encrypt(json, key, PROFILE_IV, 'aes-256-cbc');\n}\n\nexport async function profileKey(pin: string): Promise<string> {\n  return Aes.pbkdf2(pin, 'profile-salt', 310000, 256, 'sha512');\n}\n",
      filename: 'src/c-rn-aes.ts',
      errors: [
        { messageId: 'staticIv', line: 3, column: 20, endLine: 3, endColumn: 54, suggestions: [] },
        { messageId: 'staticSalt', line: 10, column: 26, endLine: 10, endColumn: 40, suggestions: [] },
      ],
    },
    {
      code: "const crypto = require('crypto');\n\nfunction decryptAttachment(key, attachmentId, blob) {\n  const iv = Buffer.alloc(12);\n  iv.write(attachmentId.slice(0, 24), 'hex');\n  const d = crypto.createDecipheriv('aes-256-gcm', key, iv);\n  d.setAuthTag(blob.subarray(0, 16));\n  return Buffer.concat([d.update(blob.subarray(16)), d.final()]);\n}\n\nmodule.exports = { decryptAttachment };\n",
      filename: 'src/b-hex-id.js',
      errors: [{ messageId: 'staticIv', line: 5, column: 3, endLine: 5, endColumn: 45, suggestions: [] }],
    },
  ],
});
