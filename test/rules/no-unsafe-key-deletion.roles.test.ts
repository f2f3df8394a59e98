/**
 * no-unsafe-key-deletion on random bytes under generic names whose role is known from where the file passes them
 * (issue 11, session 24, src/rule-kit/flow/roles.ts): `buf` given to createCipheriv as its key, `out` to createHmac,
 * `s` to jose's SignJWT.sign as its secret, each dropped without a wipe; class fields (`this.current`, `this.k`)
 * given to a cipher in the class and set to null or undefined. Near misses: the same bytes wiped before the drop, a
 * nonce dropped (an IV is not a key), random padding never used as a key, a wiped field, a field nonce replaced.
 */
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-unsafe-key-deletion (roles from uses, session 24)', rule, {
  valid: [
    {
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\n\nlet buf: Buffer | null = randomBytes(32);\nlet nonce: Buffer | null = randomBytes(12);\nlet pad: Buffer | null = randomBytes(32);\n\nexport function encryptFrame(frame: Buffer): Buffer {\n  const c = createCipheriv('aes-256-gcm', buf!, nonce!);\n  return Buffer.concat([c.update(frame), c.final(), pad!]);\n}\n\nexport function endSession(): void {\n  buf?.fill(0);\n  buf = null;\n  nonce = null;\n  pad = null;\n}\n",
      filename: 'src/role-dv.ts',
    },
    {
      code: "import { createCipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';\n\nexport class Sealer {\n  private material: Buffer | null = randomBytes(32);\n  private handle: KeyObject = createSecretKey(randomBytes(32));\n  private nonce = randomBytes(12);\n\n  seal(data: Buffer): Buffer {\n    const c = createCipheriv('aes-256-gcm', this.material!, this.nonce);\n    const d = createCipheriv('aes-256-gcm', this.handle, this.nonce);\n    console.log('sealing', this.nonce, this.handle, this.material?.length);\n    return Buffer.concat([c.update(data), d.update(data)]);\n  }\n\n  close(): void {\n    this.material?.fill(0);\n    this.material = null;\n    this.nonce = Buffer.alloc(0);\n  }\n}\n",
      filename: 'src/role-fv.ts',
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
    {
      code: "import { createCipheriv, createHmac, randomBytes } from 'node:crypto';\nimport pino from 'pino';\n\nconst log = pino();\n\nexport class SessionSealer {\n  private current: Buffer | null = randomBytes(32);\n\n  seal(data: Buffer): Buffer {\n    const iv = randomBytes(12);\n    const c = createCipheriv('aes-256-gcm', this.current!, iv);\n    return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);\n  }\n\n  dump(): void {\n    log.debug(`sealer state ${this.current?.toString('hex')}`);\n  }\n\n  close(): void {\n    this.current = null;\n  }\n}\n\nexport class Signer {\n  #mac = randomBytes(32);\n\n  tag(body: string): string {\n    const k = this.#mac;\n    return createHmac('sha256', k).update(body).digest('hex');\n  }\n\n  debugState(): void {\n    console.log('signer', this.#mac);\n  }\n}\n",
      filename: 'src/role-f1.ts',
      errors: [
        {
          messageId: 'keyDropped',
          line: 20,
          column: 5,
          endLine: 20,
          endColumn: 24,
        },
      ],
    },
    {
      code: "const crypto = require('crypto');\n\nclass CookieJar {\n  constructor(logger) {\n    this.logger = logger;\n    this.k = crypto.randomBytes(32);\n  }\n\n  open(sealed) {\n    const iv = sealed.subarray(0, 16);\n    const d = crypto.createDecipheriv('aes-256-cbc', this.k, iv);\n    return Buffer.concat([d.update(sealed.subarray(16)), d.final()]).toString('utf8');\n  }\n\n  reset() {\n    this.logger.info('rotating cookie key', this.k.toString('base64'));\n    this.k = undefined;\n  }\n}\n\nmodule.exports = { CookieJar };\n",
      filename: 'src/role-f2.js',
      errors: [
        {
          messageId: 'keyDropped',
          line: 17,
          column: 5,
          endLine: 17,
          endColumn: 23,
        },
      ],
    },
  ],
});
