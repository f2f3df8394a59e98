import rule from '../../rules/no-static-iv.js';
import { ruleTester } from '../helpers/rule-tester.js';

// issue 11 (session 27, branch rfp11b): an IV kept in a field or a module binding that the code advances in place
// after each message (a counter nonce, RFC 5647's invocation counter for SSH AES-GCM): through a same-file helper
// that writes its parameter (`stepCounter(this.iv)`, a declared function or a const arrow), or directly
// (`this.iv[15]++`). Near misses that stay reported: a helper that only reads the IV, a helper that advances a copy,
// an increment of another buffer, and a module IV handed to a reading helper.
const valid =
  "import { createCipheriv, randomBytes } from 'node:crypto';\n\nfunction stepCounter(iv: Buffer): void {\n  for (let i = 11; i >= 4; i--) if (++iv[i] !== 256) break;\n}\nconst bumpNonce = (n: Uint8Array): void => {\n  new DataView(n.buffer).setUint32(8, new DataView(n.buffer).getUint32(8) + 1);\n};\n\nexport class PacketSealer {\n  private readonly key: Buffer;\n  private readonly iv: Buffer;\n  constructor(key: Buffer, iv: Buffer) {\n    this.key = key;\n    this.iv = iv;\n  }\n  seal(packet: Buffer): Buffer {\n    const c = createCipheriv('aes-256-gcm', this.key, this.iv);\n    const out = Buffer.concat([c.update(packet), c.final(), c.getAuthTag()]);\n    stepCounter(this.iv);\n    return out;\n  }\n}\n\nexport class FrameSealer {\n  private readonly nonce: Uint8Array;\n  constructor(private readonly key: Buffer, nonce: Uint8Array) {\n    this.nonce = nonce;\n  }\n  seal(frame: Buffer): Buffer {\n    const c = createCipheriv('chacha20-poly1305', this.key, this.nonce, { authTagLength: 16 });\n    bumpNonce(this.nonce);\n    return c.update(frame);\n  }\n}\n\nexport class RecordSealer {\n  private readonly iv: Buffer;\n  constructor(private readonly key: Buffer, iv: Buffer) {\n    this.iv = iv;\n  }\n  seal(rec: Buffer): Buffer {\n    this.iv[15]++;\n    return createCipheriv('aes-256-ctr', this.key, this.iv).update(rec);\n  }\n}\n\nconst streamIv = randomBytes(12);\nexport function sealChunk(key: Buffer, chunk: Buffer): Buffer {\n  const c = createCipheriv('aes-256-gcm', key, streamIv);\n  stepCounter(streamIv);\n  return c.update(chunk);\n}\n";
const invalid =
  "import { createCipheriv, randomBytes } from 'node:crypto';\n\nfunction showIv(iv: Buffer): string {\n  return iv.toString('hex');\n}\nfunction nextOf(iv: Buffer): Buffer {\n  const copy = Buffer.from(iv);\n  copy[11]++;\n  return copy;\n}\n\nexport class PacketSealer {\n  private readonly key: Buffer;\n  private readonly iv: Buffer;\n  constructor(key: Buffer, iv: Buffer) {\n    this.key = key;\n    this.iv = iv;\n  }\n  seal(packet: Buffer): Buffer {\n    const c = createCipheriv('aes-256-gcm', this.key, this.iv);\n    console.debug(showIv(this.iv), nextOf(this.iv).length);\n    return c.update(packet);\n  }\n}\n\nexport class RecordSealer {\n  private readonly iv: Buffer;\n  constructor(private readonly key: Buffer, iv: Buffer) {\n    this.iv = iv;\n  }\n  seal(rec: Buffer): Buffer {\n    const other = Buffer.alloc(16);\n    other[15]++;\n    return createCipheriv('aes-256-ctr', this.key, this.iv).update(rec);\n  }\n}\n\nconst streamIv = randomBytes(12);\nexport function sealChunk(key: Buffer, chunk: Buffer): Buffer {\n  const c = createCipheriv('aes-256-gcm', key, streamIv);\n  showIv(streamIv);\n  return c.update(chunk);\n}\n";

ruleTester.run('no-static-iv (IVs advanced in place per message)', rule, {
  valid: [{ code: valid, filename: 'src/sealers.ts' }],
  invalid: [
    {
      code: invalid,
      filename: 'src/sealers.ts',
      errors: [
        {
          messageId: 'reusedIv',
          line: 17,
          column: 15,
          endLine: 17,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { createCipheriv, randomBytes } from 'node:crypto';\n\nfunction showIv(iv: Buffer): string {\n  return iv.toString('hex');\n}\nfunction nextOf(iv: Buffer): Buffer {\n  const copy = Buffer.from(iv);\n  copy[11]++;\n  return copy;\n}\n\nexport class PacketSealer {\n  private readonly key: Buffer;\n  private readonly iv: Buffer;\n  constructor(key: Buffer, iv: Buffer) {\n    this.key = key;\n    this.iv = iv;\n  }\n  seal(packet: Buffer): Buffer {\n    const iv = randomBytes(12);\n    const c = createCipheriv('aes-256-gcm', this.key, iv);\n    console.debug(showIv(this.iv), nextOf(this.iv).length);\n    return c.update(packet);\n  }\n}\n\nexport class RecordSealer {\n  private readonly iv: Buffer;\n  constructor(private readonly key: Buffer, iv: Buffer) {\n    this.iv = iv;\n  }\n  seal(rec: Buffer): Buffer {\n    const other = Buffer.alloc(16);\n    other[15]++;\n    return createCipheriv('aes-256-ctr', this.key, this.iv).update(rec);\n  }\n}\n\nconst streamIv = randomBytes(12);\nexport function sealChunk(key: Buffer, chunk: Buffer): Buffer {\n  const c = createCipheriv('aes-256-gcm', key, streamIv);\n  showIv(streamIv);\n  return c.update(chunk);\n}\n",
            },
          ],
        },
        {
          messageId: 'reusedIv',
          line: 29,
          column: 15,
          endLine: 29,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { createCipheriv, randomBytes } from 'node:crypto';\n\nfunction showIv(iv: Buffer): string {\n  return iv.toString('hex');\n}\nfunction nextOf(iv: Buffer): Buffer {\n  const copy = Buffer.from(iv);\n  copy[11]++;\n  return copy;\n}\n\nexport class PacketSealer {\n  private readonly key: Buffer;\n  private readonly iv: Buffer;\n  constructor(key: Buffer, iv: Buffer) {\n    this.key = key;\n    this.iv = iv;\n  }\n  seal(packet: Buffer): Buffer {\n    const c = createCipheriv('aes-256-gcm', this.key, this.iv);\n    console.debug(showIv(this.iv), nextOf(this.iv).length);\n    return c.update(packet);\n  }\n}\n\nexport class RecordSealer {\n  private readonly iv: Buffer;\n  constructor(private readonly key: Buffer, iv: Buffer) {\n    this.iv = iv;\n  }\n  seal(rec: Buffer): Buffer {\n    const other = Buffer.alloc(16);\n    other[15]++;\n    const iv = randomBytes(16);\n    return createCipheriv('aes-256-ctr', this.key, iv).update(rec);\n  }\n}\n\nconst streamIv = randomBytes(12);\nexport function sealChunk(key: Buffer, chunk: Buffer): Buffer {\n  const c = createCipheriv('aes-256-gcm', key, streamIv);\n  showIv(streamIv);\n  return c.update(chunk);\n}\n",
            },
          ],
        },
        {
          messageId: 'reusedIv',
          line: 40,
          column: 48,
          endLine: 40,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { createCipheriv, randomBytes } from 'node:crypto';\n\nfunction showIv(iv: Buffer): string {\n  return iv.toString('hex');\n}\nfunction nextOf(iv: Buffer): Buffer {\n  const copy = Buffer.from(iv);\n  copy[11]++;\n  return copy;\n}\n\nexport class PacketSealer {\n  private readonly key: Buffer;\n  private readonly iv: Buffer;\n  constructor(key: Buffer, iv: Buffer) {\n    this.key = key;\n    this.iv = iv;\n  }\n  seal(packet: Buffer): Buffer {\n    const c = createCipheriv('aes-256-gcm', this.key, this.iv);\n    console.debug(showIv(this.iv), nextOf(this.iv).length);\n    return c.update(packet);\n  }\n}\n\nexport class RecordSealer {\n  private readonly iv: Buffer;\n  constructor(private readonly key: Buffer, iv: Buffer) {\n    this.iv = iv;\n  }\n  seal(rec: Buffer): Buffer {\n    const other = Buffer.alloc(16);\n    other[15]++;\n    return createCipheriv('aes-256-ctr', this.key, this.iv).update(rec);\n  }\n}\n\nconst streamIv = randomBytes(12);\nexport function sealChunk(key: Buffer, chunk: Buffer): Buffer {\n  const streamIv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', key, streamIv);\n  showIv(streamIv);\n  return c.update(chunk);\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
