/**
 * no-unsafe-key-deletion on random bytes under generic names whose role is known from where the file passes them
 * (issue 11, session 24, src/rule-kit/flow/roles.ts): `buf` given to createCipheriv as its key, `out` to createHmac,
 * `s` to jose's SignJWT.sign as its secret, each dropped without a wipe. Near misses: the same bytes wiped before the
 * drop, a nonce dropped (an IV is not a key), random padding never used as a key.
 */
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-unsafe-key-deletion (roles from uses, session 24)', rule, {
  valid: [
    {
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\n\nlet buf: Buffer | null = randomBytes(32);\nlet nonce: Buffer | null = randomBytes(12);\nlet pad: Buffer | null = randomBytes(32);\n\nexport function encryptFrame(frame: Buffer): Buffer {\n  const c = createCipheriv('aes-256-gcm', buf!, nonce!);\n  return Buffer.concat([c.update(frame), c.final(), pad!]);\n}\n\nexport function endSession(): void {\n  buf?.fill(0);\n  buf = null;\n  nonce = null;\n  pad = null;\n}\n",
      filename: 'src/role-dv.ts',
    },
  ],
  invalid: [
    {
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\n\nlet buf: Buffer | null = randomBytes(32);\n\nexport function encryptFrame(frame: Buffer): Buffer {\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', buf!, iv);\n  return Buffer.concat([iv, c.update(frame), c.final(), c.getAuthTag()]);\n}\n\nexport function endSession(): void {\n  buf = null;\n}\n",
      filename: 'src/role-d1.ts',
      errors: [
        {
          messageId: 'keyDropped',
          line: 12,
          column: 3,
          endLine: 12,
          endColumn: 13,
        },
      ],
    },
    {
      code: "const crypto = require('crypto');\n\nfunction signBatch(lines) {\n  let out = crypto.randomBytes(32);\n  const sigs = lines.map((l) => crypto.createHmac('sha256', out).update(l).digest('base64'));\n  out = undefined;\n  return sigs;\n}\n\nmodule.exports = { signBatch };\n",
      filename: 'src/role-d2.js',
      errors: [
        {
          messageId: 'keyDropped',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 18,
        },
      ],
    },
    {
      code: "import { randomBytes } from 'node:crypto';\nimport { SignJWT } from 'jose';\n\nexport class PreviewLinks {\n  private current = 'v1';\n\n  async mint(docId: string): Promise<string> {\n    let s: Uint8Array | null = randomBytes(32);\n    const jwt = await new SignJWT({ doc: docId }).setProtectedHeader({ alg: 'HS256', kid: this.current }).sign(s);\n    s = null;\n    return jwt;\n  }\n}\n",
      filename: 'src/role-d3.ts',
      errors: [
        {
          messageId: 'keyDropped',
          line: 10,
          column: 5,
          endLine: 10,
          endColumn: 13,
        },
      ],
    },
  ],
});
