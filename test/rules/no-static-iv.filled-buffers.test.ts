/**
 * no-static-iv: a zero buffer that a read fills before a view of it becomes the IV (session 25, branch rule9kdf,
 * class SI-1). An archive header is allocated, read from the file (`FileHandle.read`, `fs.readSync`, `fs.read`) and
 * its IV bytes cut out with `subarray`/`slice`: the IV is what the file holds, not zeros. Near misses that stay
 * reported: the same view of a header nothing writes, and one that is filled with a literal.
 */
import rule from '../../rules/no-static-iv.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-static-iv (zero buffers filled by a read)', rule, {
  valid: [
    {
      // a FileHandle fills the header (its buffer is the first argument)
      code: "import { createDecipheriv } from 'node:crypto';\nimport { open } from 'node:fs/promises';\n\nexport async function openBox(path: string, key: Buffer): Promise<Buffer> {\n  const fh = await open(path, 'r');\n  const head = Buffer.alloc(28);\n  await fh.read(head, 0, head.length, 0);\n  await fh.close();\n  const d = createDecipheriv('aes-256-gcm', key, head.subarray(16, 28));\n  d.setAuthTag(head.subarray(0, 16));\n  return d.final();\n}\n",
      filename: 'src/box/open.ts',
    },
    {
      // fs.readSync(fd, buffer): the second argument
      code: "const fs = require('fs');\nconst crypto = require('crypto');\n\nfunction decryptBlob(fd, key) {\n  const prefix = Buffer.alloc(16);\n  fs.readSync(fd, prefix, 0, 16, 0);\n  const iv = prefix.slice(0, 16);\n  return crypto.createDecipheriv('aes-256-cbc', key, iv);\n}\nmodule.exports = { decryptBlob };\n",
      filename: 'lib/blob.js',
    },
    {
      // fs.read with a callback, and a typed array view
      code: "import { read } from 'node:fs';\nimport { createDecipheriv } from 'node:crypto';\n\nexport function readIv(fd: number, key: Buffer, done: (d: ReturnType<typeof createDecipheriv>) => void): void {\n  const header = new Uint8Array(12);\n  read(fd, header, 0, 12, 4, () => done(createDecipheriv('chacha20-poly1305', key, header.subarray(0, 12), { authTagLength: 16 })));\n}\n",
      filename: 'src/stream/read-iv.ts',
    },
  ],
  invalid: [
    {
      // nothing writes the header: its view is twelve zero bytes
      code: "import { createCipheriv } from 'node:crypto';\n\nexport function sealRecord(key: Buffer, body: Buffer): Buffer {\n  const header = Buffer.alloc(28);\n  const c = createCipheriv('aes-256-gcm', key, header.subarray(16, 28));\n  return Buffer.concat([header, c.update(body), c.final()]);\n}\n",
      filename: 'src/record/seal.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 5,
          column: 48,
          endLine: 5,
          endColumn: 71,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { createCipheriv, randomBytes } from 'node:crypto';\n\nexport function sealRecord(key: Buffer, body: Buffer): Buffer {\n  const header = Buffer.alloc(28);\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([header, c.update(body), c.final()]);\n}\n",
            },
          ],
        },
      ],
    },

    {
      // filled with one literal byte: still a constant
      code: "import { createCipheriv } from 'node:crypto';\n\nexport function sealRecord(key: Buffer, body: Buffer): Buffer {\n  const header = Buffer.alloc(16);\n  header.fill(7);\n  const c = createCipheriv('aes-256-cbc', key, header.subarray(0, 16));\n  return Buffer.concat([c.update(body), c.final()]);\n}\n",
      filename: 'src/record/fill.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 6,
          column: 48,
          endLine: 6,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { createCipheriv, randomBytes } from 'node:crypto';\n\nexport function sealRecord(key: Buffer, body: Buffer): Buffer {\n  const header = Buffer.alloc(16);\n  header.fill(7);\n  const iv = randomBytes(16);\n  const c = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([c.update(body), c.final()]);\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
