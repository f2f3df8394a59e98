import rule from '../../rules/no-static-iv.js';
import { ruleTester } from '../helpers/rule-tester.js';

// issue 11 (session 26, branch rule10rand): a counter written into a zero nonce with no random part (S1), where a
// function named for making nonces or IVs returns it to callers in other modules (`nextNonce()`, a class
// `CounterNonce`), where the counter is a class field the class steps (`this.sent += 1`), and where a counter handed
// in is masked to the field's width (`seq & 0xffff`). Seen in dev10rand, blind3 and blind6.
ruleTester.run('no-static-iv (counter nonces made for other modules, batch rule10rand)', rule, {
  valid: [
    {
      // a random prefix before the counter (a maker and a class); a maker of random IVs; a count, not a nonce
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\n\nconst prefix = randomBytes(4);\nlet frames = 0n;\nexport function frameNonce(): Buffer {\n  const nonce = Buffer.alloc(12);\n  prefix.copy(nonce, 0);\n  nonce.writeBigUInt64BE(++frames, 4);\n  return nonce;\n}\n\nexport class IvSource {\n  next(): Buffer {\n    return randomBytes(16);\n  }\n}\n\nexport function nonceCount(): number {\n  return Number(frames);\n}\n\nexport class Channel {\n  private sent = 0;\n  private readonly salt = randomBytes(4);\n  constructor(private readonly key: Buffer) {}\n  send(data: Buffer): Buffer {\n    this.sent += 1;\n    const nonce = Buffer.alloc(12);\n    this.salt.copy(nonce, 0);\n    nonce.writeUInt32BE(this.sent, 8);\n    return createCipheriv('chacha20-poly1305', this.key, nonce, { authTagLength: 16 }).update(data);\n  }\n}\n",
      filename: 'src/nonces.ts',
    },
  ],
  invalid: [
    {
      // a module counter through a DataView, an instance counter in a class named for IVs, a stepped field at the
      // cipher, a masked sequence parameter
      code: "import { createCipheriv } from 'node:crypto';\n\nlet frames = 0;\nexport function frameNonce(): Uint8Array {\n  const nonce = new Uint8Array(12);\n  new DataView(nonce.buffer).setUint32(8, ++frames);\n  return nonce;\n}\n\nexport class IvCounter {\n  private issued = 0;\n  next(): Buffer {\n    const iv = Buffer.alloc(16);\n    iv.writeUInt32BE(this.issued++, 12);\n    return iv;\n  }\n}\n\nexport class Channel {\n  private sent = 0;\n  constructor(private readonly key: Buffer) {}\n  send(data: Buffer): Buffer {\n    this.sent += 1;\n    const nonce = Buffer.alloc(12);\n    nonce.writeUInt32BE(this.sent, 8);\n    return createCipheriv('chacha20-poly1305', this.key, nonce, { authTagLength: 16 }).update(data);\n  }\n}\n\nexport function sealRecord(key: Buffer, seq: number, body: Buffer): Buffer {\n  const nonce = Buffer.alloc(12);\n  nonce.writeUInt16BE(seq & 0xffff, 10);\n  return createCipheriv('aes-256-gcm', key, nonce).update(body);\n}\n",
      filename: 'src/nonces.ts',
      errors: [
        { messageId: 'staticIv', line: 6, column: 3, endLine: 6, endColumn: 52 },
        { messageId: 'staticIv', line: 14, column: 5, endLine: 14, endColumn: 40 },
        {
          messageId: 'staticIv',
          line: 25,
          column: 5,
          endLine: 25,
          endColumn: 38,
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
                "import { createCipheriv, randomBytes } from 'node:crypto';\n\nlet frames = 0;\nexport function frameNonce(): Uint8Array {\n  const nonce = new Uint8Array(12);\n  new DataView(nonce.buffer).setUint32(8, ++frames);\n  return nonce;\n}\n\nexport class IvCounter {\n  private issued = 0;\n  next(): Buffer {\n    const iv = Buffer.alloc(16);\n    iv.writeUInt32BE(this.issued++, 12);\n    return iv;\n  }\n}\n\nexport class Channel {\n  private sent = 0;\n  constructor(private readonly key: Buffer) {}\n  send(data: Buffer): Buffer {\n    this.sent += 1;\n    const nonce = randomBytes(12);\n    nonce.writeUInt32BE(this.sent, 8);\n    return createCipheriv('chacha20-poly1305', this.key, nonce, { authTagLength: 16 }).update(data);\n  }\n}\n\nexport function sealRecord(key: Buffer, seq: number, body: Buffer): Buffer {\n  const nonce = Buffer.alloc(12);\n  nonce.writeUInt16BE(seq & 0xffff, 10);\n  return createCipheriv('aes-256-gcm', key, nonce).update(body);\n}\n",
            },
          ],
        },
        {
          messageId: 'staticIv',
          line: 32,
          column: 3,
          endLine: 32,
          endColumn: 40,
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
                "import { createCipheriv, randomBytes } from 'node:crypto';\n\nlet frames = 0;\nexport function frameNonce(): Uint8Array {\n  const nonce = new Uint8Array(12);\n  new DataView(nonce.buffer).setUint32(8, ++frames);\n  return nonce;\n}\n\nexport class IvCounter {\n  private issued = 0;\n  next(): Buffer {\n    const iv = Buffer.alloc(16);\n    iv.writeUInt32BE(this.issued++, 12);\n    return iv;\n  }\n}\n\nexport class Channel {\n  private sent = 0;\n  constructor(private readonly key: Buffer) {}\n  send(data: Buffer): Buffer {\n    this.sent += 1;\n    const nonce = Buffer.alloc(12);\n    nonce.writeUInt32BE(this.sent, 8);\n    return createCipheriv('chacha20-poly1305', this.key, nonce, { authTagLength: 16 }).update(data);\n  }\n}\n\nexport function sealRecord(key: Buffer, seq: number, body: Buffer): Buffer {\n  const nonce = randomBytes(12);\n  nonce.writeUInt16BE(seq & 0xffff, 10);\n  return createCipheriv('aes-256-gcm', key, nonce).update(body);\n}\n",
            },
          ],
        },
      ],
    },
  ],
});

// S2: an IV cut from the bytes a WebCrypto key handle is imported from (`importKey('raw', secret, …)`), seen in
// dev10rand and blind5: the key handle hides the bytes from the older same-binding check.
ruleTester.run('no-static-iv (IVs cut from the bytes of an imported key, batch rule10rand)', rule, {
  valid: [
    {
      code: "export async function sealConfig(secret: Uint8Array, body: Uint8Array) {\n  const key = await crypto.subtle.importKey('raw', secret, 'AES-GCM', false, ['encrypt']);\n  const iv = crypto.getRandomValues(new Uint8Array(12));\n  return { iv, ct: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, body) };\n}\n",
      filename: 'src/webcrypto.ts',
    },
  ],
  invalid: [
    {
      code: "export async function sealConfig(secret: Uint8Array, body: Uint8Array) {\n  const key = await crypto.subtle.importKey('raw', secret, 'AES-GCM', false, ['encrypt']);\n  return crypto.subtle.encrypt({ name: 'AES-GCM', iv: secret.subarray(0, 12) }, key, body);\n}\nexport async function sealBlob(material: ArrayBuffer, blob: Uint8Array) {\n  const iv = new Uint8Array(material.slice(16, 32));\n  const aes = await crypto.subtle.importKey('raw', material.slice(0, 32), { name: 'AES-CBC' }, false, ['encrypt']);\n  return crypto.subtle.encrypt({ name: 'AES-CBC', iv }, aes, blob);\n}\n",
      filename: 'src/webcrypto.ts',
      errors: [
        {
          messageId: 'ivFromKey',
          line: 3,
          column: 55,
          endLine: 3,
          endColumn: 77,
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
                "export async function sealConfig(secret: Uint8Array, body: Uint8Array) {\n  const key = await crypto.subtle.importKey('raw', secret, 'AES-GCM', false, ['encrypt']);\n  const iv = crypto.getRandomValues(new Uint8Array(12));\n  return crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv }, key, body);\n}\nexport async function sealBlob(material: ArrayBuffer, blob: Uint8Array) {\n  const iv = new Uint8Array(material.slice(16, 32));\n  const aes = await crypto.subtle.importKey('raw', material.slice(0, 32), { name: 'AES-CBC' }, false, ['encrypt']);\n  return crypto.subtle.encrypt({ name: 'AES-CBC', iv }, aes, blob);\n}\n",
            },
          ],
        },
        {
          messageId: 'ivFromKey',
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'freshIv',
              data: {
                role: 'IV',
                unit: 'message',
                call: 'crypto.getRandomValues(new Uint8Array(16))',
                output: 'ciphertext',
                reverse: 'decryption',
              },
              output:
                "export async function sealConfig(secret: Uint8Array, body: Uint8Array) {\n  const key = await crypto.subtle.importKey('raw', secret, 'AES-GCM', false, ['encrypt']);\n  return crypto.subtle.encrypt({ name: 'AES-GCM', iv: secret.subarray(0, 12) }, key, body);\n}\nexport async function sealBlob(material: ArrayBuffer, blob: Uint8Array) {\n  const iv = crypto.getRandomValues(new Uint8Array(16));\n  const aes = await crypto.subtle.importKey('raw', material.slice(0, 32), { name: 'AES-CBC' }, false, ['encrypt']);\n  return crypto.subtle.encrypt({ name: 'AES-CBC', iv }, aes, blob);\n}\n",
            },
          ],
        },
      ],
    },
  ],
});

// S5: a zero nonce under a box whose own private key is a key pair made for this one message (tweetnacl,
// libsodium): the shared key is used once (dev10rand's hard negative). A module-level key pair is reused.
ruleTester.run('no-static-iv (a box under a one-message key pair, batch rule10rand)', rule, {
  valid: [
    {
      code: "import nacl from 'tweetnacl';\nimport sodium from 'libsodium-wrappers';\n\nexport function sealOnce(peerPub: Uint8Array, msg: Uint8Array) {\n  const eph = nacl.box.keyPair();\n  const nonce = new Uint8Array(nacl.box.nonceLength);\n  return { pub: eph.publicKey, box: nacl.box(msg, nonce, peerPub, eph.secretKey) };\n}\n\nexport function sealOnceSodium(peerPub: Uint8Array, msg: Uint8Array) {\n  const kp = sodium.crypto_box_keypair();\n  const nonce = new Uint8Array(24);\n  return { pub: kp.publicKey, box: sodium.crypto_box_easy(msg, nonce, peerPub, kp.privateKey) };\n}\n",
      filename: 'src/box.ts',
    },
  ],
  invalid: [
    {
      code: "import nacl from 'tweetnacl';\n\nconst identity = nacl.box.keyPair();\n\nexport function sealToPeer(peerPub: Uint8Array, msg: Uint8Array) {\n  const nonce = new Uint8Array(nacl.box.nonceLength);\n  return nacl.box(msg, nonce, peerPub, identity.secretKey);\n}\n",
      filename: 'src/box.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 53,
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
                "import nacl from 'tweetnacl';\nimport { randomBytes } from 'node:crypto';\n\nconst identity = nacl.box.keyPair();\n\nexport function sealToPeer(peerPub: Uint8Array, msg: Uint8Array) {\n  const nonce = randomBytes(24);\n  return nacl.box(msg, nonce, peerPub, identity.secretKey);\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
