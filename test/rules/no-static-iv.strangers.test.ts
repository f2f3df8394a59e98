/**
 * no-static-iv on classes strangers write (issue 11, session 21, branch rdel4), each modelled on public code
 * (libsodium/sodium-native examples, Noise-style counter nonces, forge helpers): zero nonces and salts sized by
 * a library constant, counters and clock readings written through a DataView, IVs derived from the key through a
 * same-file helper or a hash object fed by update(), nonces made from a name or a path; with near misses for each.
 */
import rule from '../../rules/no-static-iv.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-static-iv (strangers, session 21)', rule, {
  valid: [
    {
      // near miss: sodium-native fills the nonce and the salt in place with randombytes_buf
      code: "import sodium from 'sodium-native';\nexport function seal(message: Buffer, key: Buffer): Buffer {\n  const nonce = Buffer.alloc(sodium.crypto_secretbox_NONCEBYTES);\n  sodium.randombytes_buf(nonce);\n  const out = Buffer.alloc(message.length + sodium.crypto_secretbox_MACBYTES);\n  sodium.crypto_secretbox_easy(out, message, nonce, key);\n  return Buffer.concat([nonce, out]);\n}\nexport function derive(pw: Buffer): Buffer {\n  const out = Buffer.alloc(32);\n  const salt = Buffer.alloc(sodium.crypto_pwhash_SALTBYTES);\n  sodium.randombytes_buf(salt);\n  sodium.crypto_pwhash(out, pw, salt, sodium.crypto_pwhash_OPSLIMIT_MODERATE, sodium.crypto_pwhash_MEMLIMIT_MODERATE, sodium.crypto_pwhash_ALG_DEFAULT);\n  return Buffer.concat([salt, out]);\n}\n",
      filename: 'src/sodium-native-ok.ts',
    },
    {
      // near miss: a random libsodium nonce, and a Uint8Array copy of a key (a view, not zeros)
      code: "import sodium from 'libsodium-wrappers';\nexport function seal(key: Uint8Array, m: Uint8Array, keyBytes: Uint8Array) {\n  const nonce = sodium.randombytes_buf(sodium.crypto_secretbox_NONCEBYTES);\n  const copy = new Uint8Array(keyBytes);\n  return { nonce, box: sodium.crypto_secretbox_easy(m, nonce, key), copy };\n}\n",
      filename: 'src/sodium-ok.ts',
    },
    {
      // near misses: a random prefix set before the DataView counter, a random value written through the view
      code: "import nacl from 'tweetnacl';\nconst prefix = nacl.randomBytes(16);\nlet seq = 0n;\nexport function seal(key: Uint8Array, m: Uint8Array) {\n  const nonce = new Uint8Array(nacl.secretbox.nonceLength);\n  nonce.set(prefix, 0);\n  new DataView(nonce.buffer).setBigUint64(16, seq++);\n  return nacl.secretbox(m, nonce, key);\n}\nexport function seal2(key: Uint8Array, m: Uint8Array) {\n  const nonce = new Uint8Array(nacl.secretbox.nonceLength);\n  const view = new DataView(nonce.buffer);\n  view.setUint32(0, crypto.getRandomValues(new Uint32Array(1))[0]!);\n  return nacl.secretbox(m, nonce, key);\n}\n",
      filename: 'src/dataview-ok.ts',
    },
    {
      // near misses: a helper that returns random bytes, a key id hashed from the key, a hash object fed the note
      code: "import { createCipheriv, createHash, randomBytes } from 'node:crypto';\nimport forge from 'node-forge';\nexport class BlobStore {\n  constructor(private readonly blobKey: Buffer) {}\n  private freshIv(): Buffer {\n    return randomBytes(16);\n  }\n  keyId(): string {\n    return createHash('sha256').update(this.blobKey).digest('hex').slice(0, 8);\n  }\n  put(data: Buffer): Buffer {\n    const iv = this.freshIv();\n    const c = createCipheriv('aes-256-cbc', this.blobKey, iv);\n    return Buffer.concat([iv, c.update(data), c.final()]);\n  }\n}\nexport function encryptNote(keyBytes: string, note: string): string {\n  const md = forge.md.sha256.create();\n  md.update(note);\n  const iv = forge.random.getBytesSync(16);\n  const cipher = forge.cipher.createCipher('AES-CBC', keyBytes);\n  cipher.start({ iv });\n  cipher.update(forge.util.createBuffer(note, 'utf8'));\n  cipher.finish();\n  return cipher.output.toHex() + md.digest().toHex();\n}\n",
      filename: 'src/key-helper-ok.ts',
    },
    {
      // near miss: the entry name goes to the AAD, the nonce is random
      code: "import { createCipheriv, createHash, randomBytes } from 'node:crypto';\nexport function sealEntry(vaultKey: Buffer, entryName: string, secret: string) {\n  const nonce = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', vaultKey, nonce);\n  c.setAAD(createHash('sha256').update(entryName).digest());\n  return Buffer.concat([nonce, c.update(secret, 'utf8'), c.final(), c.getAuthTag()]);\n}\n",
      filename: 'src/name-ok.ts',
    },
  ],
  invalid: [
    {
      // libsodium secretbox with a zero nonce of the library's own size constant
      code: "import sodium from 'libsodium-wrappers';\nexport async function sealNote(key: Uint8Array, text: string): Promise<Uint8Array> {\n  await sodium.ready;\n  const nonce = new Uint8Array(sodium.crypto_secretbox_NONCEBYTES);\n  return sodium.crypto_secretbox_easy(sodium.from_string(text), nonce, key);\n}\n",
      filename: 'src/sodium-zero-nonce.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 67,
          suggestions: [],
        },
      ],
    },
    {
      // an all-zero nonce decoded with sodium.from_hex, through an aliased sodium binding, to XChaCha20-Poly1305
      code: "import _sodium from 'libsodium-wrappers';\nexport async function wrapBackup(key: Uint8Array, data: Uint8Array) {\n  await _sodium.ready;\n  const sodium = _sodium;\n  const nonce = sodium.from_hex('00'.repeat(24));\n  return sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(data, null, null, nonce, key);\n}\n",
      filename: 'src/sodium-hex-zero.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 49,
          suggestions: [],
        },
      ],
    },
    {
      // sodium-native crypto_pwhash with a zero salt of crypto_pwhash_SALTBYTES
      code: "import sodium from 'sodium-native';\nexport function deriveVaultKey(passphrase: Buffer): Buffer {\n  const key = sodium.sodium_malloc(sodium.crypto_secretbox_KEYBYTES);\n  const salt = Buffer.alloc(sodium.crypto_pwhash_SALTBYTES);\n  sodium.crypto_pwhash(key, passphrase, salt, sodium.crypto_pwhash_OPSLIMIT_MODERATE, sodium.crypto_pwhash_MEMLIMIT_MODERATE, sodium.crypto_pwhash_ALG_DEFAULT);\n  return key;\n}\n",
      filename: 'src/sodium-native-salt.ts',
      errors: [
        {
          messageId: 'staticSalt',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 60,
          suggestions: [],
        },
      ],
    },
    {
      // a message counter written through a DataView into a zero nonce (class field counter)
      code: "import nacl from 'tweetnacl';\nexport class FrameSealer {\n  private sent = 0;\n  constructor(private readonly sessionKey: Uint8Array) {}\n  seal(frame: Uint8Array): Uint8Array {\n    const nonce = new Uint8Array(nacl.secretbox.nonceLength);\n    const view = new DataView(nonce.buffer);\n    view.setUint32(nonce.length - 4, this.sent++);\n    return nacl.secretbox(frame, nonce, this.sessionKey);\n  }\n}\n",
      filename: 'src/dataview-counter.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 50,
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
                "import nacl from 'tweetnacl';\nimport { randomBytes } from 'node:crypto';\nexport class FrameSealer {\n  private sent = 0;\n  constructor(private readonly sessionKey: Uint8Array) {}\n  seal(frame: Uint8Array): Uint8Array {\n    const nonce = randomBytes(24);\n    const view = new DataView(nonce.buffer);\n    view.setUint32(nonce.length - 4, this.sent++);\n    return nacl.secretbox(frame, nonce, this.sessionKey);\n  }\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a module counter written through an inline DataView into a zero 12-byte nonce
      code: "import { chacha20poly1305 } from '@noble/ciphers/chacha.js';\nlet messageNo = 0n;\nexport function encryptRecord(key: Uint8Array, record: Uint8Array): Uint8Array {\n  const nonce = new Uint8Array(12);\n  new DataView(nonce.buffer).setBigUint64(4, messageNo++, true);\n  return chacha20poly1305(key, nonce).encrypt(record);\n}\n",
      filename: 'src/dataview-chacha.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 64,
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
                "import { chacha20poly1305 } from '@noble/ciphers/chacha.js';\nimport { randomBytes } from 'node:crypto';\nlet messageNo = 0n;\nexport function encryptRecord(key: Uint8Array, record: Uint8Array): Uint8Array {\n  const nonce = randomBytes(12);\n  new DataView(nonce.buffer).setBigUint64(4, messageNo++, true);\n  return chacha20poly1305(key, nonce).encrypt(record);\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a clock reading written through a DataView into a zero libsodium nonce
      code: "import sodium from 'libsodium-wrappers';\nexport function stampNonce(): Uint8Array {\n  return new Uint8Array(24);\n}\nexport function sealEvent(key: Uint8Array, event: Uint8Array) {\n  const n = new Uint8Array(sodium.crypto_secretbox_NONCEBYTES);\n  new DataView(n.buffer).setFloat64(0, Date.now());\n  return sodium.crypto_secretbox_easy(event, n, key);\n}\n",
      filename: 'src/dataview-clock.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 51,
          suggestions: [],
        },
      ],
    },
    {
      // an IV hashed from the key inside a same-file method or function, used for the same key
      code: "import { createCipheriv, createHash } from 'node:crypto';\nexport class BlobStore {\n  constructor(private readonly blobKey: Buffer) {}\n  private blobIv(): Buffer {\n    return createHash('sha256').update(this.blobKey).digest().subarray(0, 16);\n  }\n  put(data: Buffer): Buffer {\n    const c = createCipheriv('aes-256-cbc', this.blobKey, this.blobIv());\n    return Buffer.concat([c.update(data), c.final()]);\n  }\n}\nfunction ivOf(k: Buffer): Buffer {\n  return createHash('md5').update(k).digest();\n}\nexport function sealField(fieldKey: Buffer, v: string) {\n  return createCipheriv('aes-128-cbc', fieldKey, ivOf(fieldKey)).update(v, 'utf8');\n}\n",
      filename: 'src/key-helper.ts',
      errors: [
        {
          messageId: 'ivFromKey',
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 78,
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
                "import { createCipheriv, createHash, randomBytes } from 'node:crypto';\nexport class BlobStore {\n  constructor(private readonly blobKey: Buffer) {}\n  private blobIv(): Buffer {\n    return createHash('sha256').update(this.blobKey).digest().subarray(0, 16);\n  }\n  put(data: Buffer): Buffer {\n    const iv = randomBytes(16);\n    const c = createCipheriv('aes-256-cbc', this.blobKey, iv);\n    return Buffer.concat([c.update(data), c.final()]);\n  }\n}\nfunction ivOf(k: Buffer): Buffer {\n  return createHash('md5').update(k).digest();\n}\nexport function sealField(fieldKey: Buffer, v: string) {\n  return createCipheriv('aes-128-cbc', fieldKey, ivOf(fieldKey)).update(v, 'utf8');\n}\n",
            },
          ],
        },
        {
          messageId: 'ivFromKey',
          line: 13,
          column: 10,
          endLine: 13,
          endColumn: 46,
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
                "import { createCipheriv, createHash, randomBytes } from 'node:crypto';\nexport class BlobStore {\n  constructor(private readonly blobKey: Buffer) {}\n  private blobIv(): Buffer {\n    return createHash('sha256').update(this.blobKey).digest().subarray(0, 16);\n  }\n  put(data: Buffer): Buffer {\n    const c = createCipheriv('aes-256-cbc', this.blobKey, this.blobIv());\n    return Buffer.concat([c.update(data), c.final()]);\n  }\n}\nfunction ivOf(k: Buffer): Buffer {\n  return createHash('md5').update(k).digest();\n}\nexport function sealField(fieldKey: Buffer, v: string) {\n  const iv = randomBytes(16);\n  return createCipheriv('aes-128-cbc', fieldKey, iv).update(v, 'utf8');\n}\n",
            },
          ],
        },
      ],
    },
    {
      // node-forge: an IV hashed from the key (hash object fed by update) given to the cipher made with that key
      code: "import forge from 'node-forge';\nexport function encryptNote(keyBytes: string, note: string): string {\n  const md = forge.md.sha256.create();\n  md.update(keyBytes);\n  const iv = md.digest().getBytes().slice(0, 16);\n  const cipher = forge.cipher.createCipher('AES-CBC', keyBytes);\n  cipher.start({ iv });\n  cipher.update(forge.util.createBuffer(note, 'utf8'));\n  cipher.finish();\n  return cipher.output.toHex();\n}\n",
      filename: 'src/forge-key.ts',
      errors: [
        {
          messageId: 'ivFromKey',
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 49,
          suggestions: [],
        },
      ],
    },
    {
      // nonces and IVs made from an entry name, a file path or a label (the same for every write of that record)
      code: "import { createCipheriv, createHash } from 'node:crypto';\nexport function sealEntry(vaultKey: Buffer, entryName: string, secret: string) {\n  const nonce = createHash('sha256').update(entryName).digest().subarray(0, 12);\n  const c = createCipheriv('aes-256-gcm', vaultKey, nonce);\n  return Buffer.concat([c.update(secret, 'utf8'), c.final(), c.getAuthTag()]);\n}\nexport function sealFile(key: Buffer, filePath: string, body: Buffer) {\n  const iv = createHash('md5').update(filePath).digest();\n  return createCipheriv('aes-256-cbc', key, iv).update(body);\n}\nexport function sealLabel(key: Buffer, label: string, body: Buffer) {\n  const iv = Buffer.from(label.padEnd(16, '\\0')).subarray(0, 16);\n  return createCipheriv('aes-256-ctr', key, iv).update(body);\n}\n",
      filename: 'src/name-nonce.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 4,
          column: 53,
          endLine: 4,
          endColumn: 58,
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
                "import { createCipheriv, createHash, randomBytes } from 'node:crypto';\nexport function sealEntry(vaultKey: Buffer, entryName: string, secret: string) {\n  const nonce = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', vaultKey, nonce);\n  return Buffer.concat([c.update(secret, 'utf8'), c.final(), c.getAuthTag()]);\n}\nexport function sealFile(key: Buffer, filePath: string, body: Buffer) {\n  const iv = createHash('md5').update(filePath).digest();\n  return createCipheriv('aes-256-cbc', key, iv).update(body);\n}\nexport function sealLabel(key: Buffer, label: string, body: Buffer) {\n  const iv = Buffer.from(label.padEnd(16, '\\0')).subarray(0, 16);\n  return createCipheriv('aes-256-ctr', key, iv).update(body);\n}\n",
            },
          ],
        },
        {
          messageId: 'staticIv',
          line: 9,
          column: 45,
          endLine: 9,
          endColumn: 47,
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
                "import { createCipheriv, createHash, randomBytes } from 'node:crypto';\nexport function sealEntry(vaultKey: Buffer, entryName: string, secret: string) {\n  const nonce = createHash('sha256').update(entryName).digest().subarray(0, 12);\n  const c = createCipheriv('aes-256-gcm', vaultKey, nonce);\n  return Buffer.concat([c.update(secret, 'utf8'), c.final(), c.getAuthTag()]);\n}\nexport function sealFile(key: Buffer, filePath: string, body: Buffer) {\n  const iv = randomBytes(16);\n  return createCipheriv('aes-256-cbc', key, iv).update(body);\n}\nexport function sealLabel(key: Buffer, label: string, body: Buffer) {\n  const iv = Buffer.from(label.padEnd(16, '\\0')).subarray(0, 16);\n  return createCipheriv('aes-256-ctr', key, iv).update(body);\n}\n",
            },
          ],
        },
        {
          messageId: 'staticIv',
          line: 13,
          column: 45,
          endLine: 13,
          endColumn: 47,
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
                "import { createCipheriv, createHash, randomBytes } from 'node:crypto';\nexport function sealEntry(vaultKey: Buffer, entryName: string, secret: string) {\n  const nonce = createHash('sha256').update(entryName).digest().subarray(0, 12);\n  const c = createCipheriv('aes-256-gcm', vaultKey, nonce);\n  return Buffer.concat([c.update(secret, 'utf8'), c.final(), c.getAuthTag()]);\n}\nexport function sealFile(key: Buffer, filePath: string, body: Buffer) {\n  const iv = createHash('md5').update(filePath).digest();\n  return createCipheriv('aes-256-cbc', key, iv).update(body);\n}\nexport function sealLabel(key: Buffer, label: string, body: Buffer) {\n  const iv = randomBytes(16);\n  return createCipheriv('aes-256-ctr', key, iv).update(body);\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
