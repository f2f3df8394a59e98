import rule from '../../rules/no-static-iv.js';
import { ruleTester } from '../helpers/rule-tester.js';

// issue 11 (session 34, branch ivalg18): one IV given to two encrypting calls under one key in one function
// (`repeatedIv`, blind14a's bank-details cipher); a number parameter of any name written into a zero nonce (a part or
// segment index, blind14b); literal bytes set in a zero buffer (`counter[15] = 1`, an AES-CTR counter block given to
// every chunk, blind15). Near misses: two keys, an encrypt/decrypt round trip, exclusive branches, a nonce stepped or
// made again between the calls, a random nonce with a length written in, a random counter block.
ruleTester.run('no-static-iv (repeated IVs, numbers written into zero nonces, literal counter blocks)', rule, {
  valid: [
    {
      // two keys; a round trip; if/else and switch branches; a nonce stepped between; an IV made again
      code: "import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';\n\nexport function sealForTwo(keyA: Buffer, keyB: Buffer, body: string) {\n  const iv = randomBytes(12);\n  const a = createCipheriv('aes-256-gcm', keyA, iv).update(body, 'utf8');\n  const b = createCipheriv('aes-256-gcm', keyB, iv).update(body, 'utf8');\n  return { iv, a, b };\n}\n\nexport function roundTrip(key: Buffer, body: Buffer) {\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', key, iv);\n  const ct = Buffer.concat([c.update(body), c.final()]);\n  const d = createDecipheriv('aes-256-gcm', key, iv);\n  d.setAuthTag(c.getAuthTag());\n  return Buffer.concat([d.update(ct), d.final()]);\n}\n\nexport function sealEither(key: Buffer, body: string, legacy: boolean) {\n  const iv = randomBytes(16);\n  if (legacy) return createCipheriv('aes-256-cbc', key, iv).update(body, 'utf8');\n  else return createCipheriv('aes-256-cbc', key, iv).update(body, 'utf8');\n}\n\nexport function sealSwitch(key: Buffer, body: string, mode: string) {\n  const iv = randomBytes(16);\n  switch (mode) {\n    case 'a':\n      return createCipheriv('aes-256-cbc', key, iv).update(body, 'utf8');\n    default:\n      return createCipheriv('aes-256-cbc', key, iv).update(body, 'utf8');\n  }\n}\n\nexport function sealStepped(key: Buffer, parts: string[]) {\n  const nonce = randomBytes(12);\n  const first = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 }).update(parts[0]!, 'utf8');\n  nonce[11] ^= 1;\n  const second = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 }).update(parts[1]!, 'utf8');\n  return { nonce, first, second };\n}\n\nexport function sealFresh(key: Buffer, a: string, b: string) {\n  let iv = randomBytes(12);\n  const x = createCipheriv('aes-256-gcm', key, iv).update(a, 'utf8');\n  iv = randomBytes(12);\n  const y = createCipheriv('aes-256-gcm', key, iv).update(b, 'utf8');\n  return { x, y };\n}\n",
      filename: 'src/seal.ts',
    },
    {
      // a part index under a key handed in (a per-stream key: the STREAM construction)
      code: "import { createCipheriv } from 'node:crypto';\n\nexport function sealPart(streamKey: Buffer, partNo: number, body: Buffer) {\n  const nonce = Buffer.alloc(12);\n  nonce.writeUInt32BE(partNo, 8);\n  return createCipheriv('aes-256-gcm', streamKey, nonce).update(body);\n}\n",
      filename: 'src/stream.ts',
    },
    {
      // a random nonce with a length written in; random counter blocks, one per page
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\n\nexport function sealSegment(key: Buffer, body: Buffer): Buffer {\n  const nonce = randomBytes(12);\n  nonce.writeUInt32BE(body.length, 8);\n  return createCipheriv('aes-256-gcm', key, nonce).update(body);\n}\n\nexport async function sealPages(key: CryptoKey, pages: Uint8Array[]) {\n  return Promise.all(\n    pages.map((p, i) => {\n      const block = crypto.getRandomValues(new Uint8Array(16));\n      block[15] = 1;\n      return crypto.subtle.encrypt({ name: 'AES-CTR', counter: block, length: 64 }, key, p);\n    }),\n  );\n}\n\nexport async function sealLoop(key: CryptoKey, pages: Uint8Array[]) {\n  const out = [];\n  for (let i = 0; i < pages.length; i++) {\n    const block = new Uint8Array(16);\n    crypto.getRandomValues(block.subarray(0, 8));\n    block[15] = 1;\n    out.push(await crypto.subtle.encrypt({ name: 'AES-CTR', counter: block, length: 64 }, key, pages[i]!));\n  }\n  return out;\n}\n",
      filename: 'src/pages.ts',
    },
  ],
  invalid: [
    {
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\n\nconst archiveKey = Buffer.from(process.env.ARCHIVE_KEY ?? '', 'base64');\n\nexport function sealSegment(segmentNo: number, body: Buffer): Buffer {\n  const nonce = Buffer.alloc(12);\n  nonce.writeUInt32BE(segmentNo, 8);\n  return createCipheriv('aes-256-gcm', archiveKey, nonce).update(body);\n}\n\nexport async function sealPages(key: CryptoKey, pages: Uint8Array[]) {\n  const block = new Uint8Array(16);\n  block[15] = 1;\n  return Promise.all(pages.map((p) => crypto.subtle.encrypt({ name: 'AES-CTR', counter: block, length: 64 }, key, p)));\n}\n\nexport function sealProfile(key: Buffer, email: string, phone: string) {\n  const iv = randomBytes(12);\n  const e = createCipheriv('aes-256-gcm', key, iv);\n  const emailCt = Buffer.concat([e.update(email, 'utf8'), e.final()]);\n  const p = createCipheriv('aes-256-gcm', key, iv);\n  const phoneCt = Buffer.concat([p.update(phone, 'utf8'), p.final()]);\n  return { iv, emailCt, phoneCt, tags: [e.getAuthTag(), p.getAuthTag()] };\n}\n",
      filename: 'src/archive.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 36,
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
                "import { createCipheriv, randomBytes } from 'node:crypto';\n\nconst archiveKey = Buffer.from(process.env.ARCHIVE_KEY ?? '', 'base64');\n\nexport function sealSegment(segmentNo: number, body: Buffer): Buffer {\n  const nonce = randomBytes(12);\n  nonce.writeUInt32BE(segmentNo, 8);\n  return createCipheriv('aes-256-gcm', archiveKey, nonce).update(body);\n}\n\nexport async function sealPages(key: CryptoKey, pages: Uint8Array[]) {\n  const block = new Uint8Array(16);\n  block[15] = 1;\n  return Promise.all(pages.map((p) => crypto.subtle.encrypt({ name: 'AES-CTR', counter: block, length: 64 }, key, p)));\n}\n\nexport function sealProfile(key: Buffer, email: string, phone: string) {\n  const iv = randomBytes(12);\n  const e = createCipheriv('aes-256-gcm', key, iv);\n  const emailCt = Buffer.concat([e.update(email, 'utf8'), e.final()]);\n  const p = createCipheriv('aes-256-gcm', key, iv);\n  const phoneCt = Buffer.concat([p.update(phone, 'utf8'), p.final()]);\n  return { iv, emailCt, phoneCt, tags: [e.getAuthTag(), p.getAuthTag()] };\n}\n",
            },
          ],
        },
        { messageId: 'staticIv', line: 12, column: 17, endLine: 12, endColumn: 35 },
        {
          messageId: 'repeatedIv',
          data: { role: 'IV', name: 'iv', sink: 'crypto.createCipheriv', line: '19' },
          line: 21,
          column: 48,
          endLine: 21,
          endColumn: 50,
        },
      ],
    },
    {
      code: "export async function sealBoth(key: CryptoKey, a: Uint8Array, b: Uint8Array) {\n  const iv = crypto.getRandomValues(new Uint8Array(12));\n  const x = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, a);\n  const y = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, b);\n  return { iv, x, y };\n}\n",
      filename: 'src/seal.ts',
      errors: [{ messageId: 'repeatedIv', line: 4, column: 60, endLine: 4, endColumn: 62 }],
    },
  ],
});
