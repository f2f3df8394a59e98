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
