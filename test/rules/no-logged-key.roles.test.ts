/**
 * no-logged-key on generic names whose role is known from where the file passes them (issue 11, session 24,
 * src/rule-kit/flow/roles.ts): a parameter `w` given to createDecipheriv as its key, a hex string `raw` decoded into
 * an HMAC key, a setting `value` given to jwt.sign as its secret, a `pem` given to Sign.sign as its private key,
 * each logged; class fields (`this.current`, `this.#mac`, `this.k`) given to a cipher or an HMAC in the class and
 * logged elsewhere in it. Near misses: the same file logging a key's length, the nonce and the ciphertext; a PEM
 * given to jwt.verify (a verification key may be public); a KeyObject handle (it prints no bytes), as a local or as
 * a field; a field nonce.
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-logged-key (roles from uses, session 24)', rule, {
  valid: [
    {
      code: "import { createCipheriv, createSecretKey, randomBytes } from 'node:crypto';\nimport jwt from 'jsonwebtoken';\n\nexport function seal(material: Buffer, data: Buffer) {\n  const nonce = randomBytes(12);\n  console.log('sealing', data.length, 'bytes, key length', material.length, 'nonce', nonce);\n  const c = createCipheriv('aes-256-gcm', material, nonce);\n  const out = Buffer.concat([c.update(data), c.final()]);\n  console.log('sealed', out.toString('base64'));\n  return out;\n}\n\nexport function check(token: string, pem: string) {\n  console.log('verifying with', pem);\n  return jwt.verify(token, pem, { algorithms: ['RS256'] });\n}\n\nexport function withHandle(raw: Buffer, data: Buffer) {\n  const handle = createSecretKey(raw);\n  console.log('using', handle);\n  return createCipheriv('aes-256-gcm', handle, randomBytes(12)).update(data);\n}\n",
      filename: 'src/role-lv.ts',
    },
    {
      code: "import { createCipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';\n\nexport class Sealer {\n  private material: Buffer | null = randomBytes(32);\n  private handle: KeyObject = createSecretKey(randomBytes(32));\n  private nonce = randomBytes(12);\n\n  seal(data: Buffer): Buffer {\n    const c = createCipheriv('aes-256-gcm', this.material!, this.nonce);\n    const d = createCipheriv('aes-256-gcm', this.handle, this.nonce);\n    console.log('sealing', this.nonce, this.handle, this.material?.length);\n    return Buffer.concat([c.update(data), d.update(data)]);\n  }\n\n  close(): void {\n    this.material?.fill(0);\n    this.material = null;\n    this.nonce = Buffer.alloc(0);\n  }\n}\n",
      filename: 'src/role-fv.ts',
    },
  ],
  invalid: [
    {
      code: "import { createDecipheriv } from 'node:crypto';\nimport pino from 'pino';\n\nconst log = pino({ level: 'debug' });\n\nexport function unwrapBlob(blob: Buffer, w: Buffer): Buffer {\n  log.debug({ wrapping: w.toString('base64') }, 'unwrapping');\n  const iv = blob.subarray(0, 12);\n  const tag = blob.subarray(12, 28);\n  const d = createDecipheriv('aes-256-gcm', w, iv);\n  d.setAuthTag(tag);\n  return Buffer.concat([d.update(blob.subarray(28)), d.final()]);\n}\n",
      filename: 'src/role-l1.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { createDecipheriv } from 'node:crypto';\nimport pino from 'pino';\n\nconst log = pino({ level: 'debug' });\n\nexport function unwrapBlob(blob: Buffer, w: Buffer): Buffer {\n  log.debug({ wrapping: '[redacted]' }, 'unwrapping');\n  const iv = blob.subarray(0, 12);\n  const tag = blob.subarray(12, 28);\n  const d = createDecipheriv('aes-256-gcm', w, iv);\n  d.setAuthTag(tag);\n  return Buffer.concat([d.update(blob.subarray(28)), d.final()]);\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "const { createHmac } = require('crypto');\n\nfunction signWebhook(raw, body) {\n  const buf = Buffer.from(raw, 'hex');\n  console.log('signing webhook with', raw);\n  return createHmac('sha256', buf).update(body).digest('hex');\n}\n\nmodule.exports = { signWebhook };\n",
      filename: 'src/role-l2.js',
      errors: [
        {
          messageId: 'loggedKey',
          line: 5,
          column: 39,
          endLine: 5,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "const { createHmac } = require('crypto');\n\nfunction signWebhook(raw, body) {\n  const buf = Buffer.from(raw, 'hex');\n  console.log('signing webhook with', '[redacted]');\n  return createHmac('sha256', buf).update(body).digest('hex');\n}\n\nmodule.exports = { signWebhook };\n",
            },
          ],
        },
      ],
    },
    {
      code: "import jwt from 'jsonwebtoken';\nimport winston from 'winston';\n\nconst logger = winston.createLogger({ transports: [new winston.transports.Console()] });\n\nexport function issueSession(settings: { get(path: string): string }, userId: string): string {\n  const value = settings.get('session.signing');\n  logger.info(`issuing a session for ${userId} with ${value}`);\n  return jwt.sign({ sub: userId }, value, { expiresIn: '15m', keyid: 'session-1' });\n}\n",
      filename: 'src/role-l3.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 8,
          column: 55,
          endLine: 8,
          endColumn: 60,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import jwt from 'jsonwebtoken';\nimport winston from 'winston';\n\nconst logger = winston.createLogger({ transports: [new winston.transports.Console()] });\n\nexport function issueSession(settings: { get(path: string): string }, userId: string): string {\n  const value = settings.get('session.signing');\n  logger.info(`issuing a session for ${userId} with [redacted]`);\n  return jwt.sign({ sub: userId }, value, { expiresIn: '15m', keyid: 'session-1' });\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import { createSign } from 'node:crypto';\nimport pino from 'pino';\n\ndeclare function readParameter(name: string): Promise<string>;\n\nconst audit = pino();\n\nexport async function signManifest(manifest: string): Promise<string> {\n  const pem = await readParameter('/release/signer');\n  audit.info({ pem }, 'loaded release signer');\n  const signer = createSign('SHA256');\n  signer.update(manifest);\n  return signer.sign(pem, 'base64');\n}\n",
      filename: 'src/role-l4.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 10,
          column: 16,
          endLine: 10,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { createSign } from 'node:crypto';\nimport pino from 'pino';\n\ndeclare function readParameter(name: string): Promise<string>;\n\nconst audit = pino();\n\nexport async function signManifest(manifest: string): Promise<string> {\n  const pem = await readParameter('/release/signer');\n  audit.info({ pem: '[redacted]' }, 'loaded release signer');\n  const signer = createSign('SHA256');\n  signer.update(manifest);\n  return signer.sign(pem, 'base64');\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import { createCipheriv, createHmac, randomBytes } from 'node:crypto';\nimport pino from 'pino';\n\nconst log = pino();\n\nexport class SessionSealer {\n  private current: Buffer | null = randomBytes(32);\n\n  seal(data: Buffer): Buffer {\n    const iv = randomBytes(12);\n    const c = createCipheriv('aes-256-gcm', this.current!, iv);\n    return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);\n  }\n\n  dump(): void {\n    log.debug(`sealer state ${this.current?.toString('hex')}`);\n  }\n\n  close(): void {\n    this.current = null;\n  }\n}\n\nexport class Signer {\n  #mac = randomBytes(32);\n\n  tag(body: string): string {\n    const k = this.#mac;\n    return createHmac('sha256', k).update(body).digest('hex');\n  }\n\n  debugState(): void {\n    console.log('signer', this.#mac);\n  }\n}\n",
      filename: 'src/role-f1.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 16,
          column: 31,
          endLine: 16,
          endColumn: 60,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { createCipheriv, createHmac, randomBytes } from 'node:crypto';\nimport pino from 'pino';\n\nconst log = pino();\n\nexport class SessionSealer {\n  private current: Buffer | null = randomBytes(32);\n\n  seal(data: Buffer): Buffer {\n    const iv = randomBytes(12);\n    const c = createCipheriv('aes-256-gcm', this.current!, iv);\n    return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);\n  }\n\n  dump(): void {\n    log.debug(`sealer state [redacted]`);\n  }\n\n  close(): void {\n    this.current = null;\n  }\n}\n\nexport class Signer {\n  #mac = randomBytes(32);\n\n  tag(body: string): string {\n    const k = this.#mac;\n    return createHmac('sha256', k).update(body).digest('hex');\n  }\n\n  debugState(): void {\n    console.log('signer', this.#mac);\n  }\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 33,
          column: 27,
          endLine: 33,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { createCipheriv, createHmac, randomBytes } from 'node:crypto';\nimport pino from 'pino';\n\nconst log = pino();\n\nexport class SessionSealer {\n  private current: Buffer | null = randomBytes(32);\n\n  seal(data: Buffer): Buffer {\n    const iv = randomBytes(12);\n    const c = createCipheriv('aes-256-gcm', this.current!, iv);\n    return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);\n  }\n\n  dump(): void {\n    log.debug(`sealer state ${this.current?.toString('hex')}`);\n  }\n\n  close(): void {\n    this.current = null;\n  }\n}\n\nexport class Signer {\n  #mac = randomBytes(32);\n\n  tag(body: string): string {\n    const k = this.#mac;\n    return createHmac('sha256', k).update(body).digest('hex');\n  }\n\n  debugState(): void {\n    console.log('signer', '[redacted]');\n  }\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "const crypto = require('crypto');\n\nclass CookieJar {\n  constructor(logger) {\n    this.logger = logger;\n    this.k = crypto.randomBytes(32);\n  }\n\n  open(sealed) {\n    const iv = sealed.subarray(0, 16);\n    const d = crypto.createDecipheriv('aes-256-cbc', this.k, iv);\n    return Buffer.concat([d.update(sealed.subarray(16)), d.final()]).toString('utf8');\n  }\n\n  reset() {\n    this.logger.info('rotating cookie key', this.k.toString('base64'));\n    this.k = undefined;\n  }\n}\n\nmodule.exports = { CookieJar };\n",
      filename: 'src/role-f2.js',
      errors: [
        {
          messageId: 'loggedKey',
          line: 16,
          column: 45,
          endLine: 16,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "const crypto = require('crypto');\n\nclass CookieJar {\n  constructor(logger) {\n    this.logger = logger;\n    this.k = crypto.randomBytes(32);\n  }\n\n  open(sealed) {\n    const iv = sealed.subarray(0, 16);\n    const d = crypto.createDecipheriv('aes-256-cbc', this.k, iv);\n    return Buffer.concat([d.update(sealed.subarray(16)), d.final()]).toString('utf8');\n  }\n\n  reset() {\n    this.logger.info('rotating cookie key', '[redacted]');\n    this.k = undefined;\n  }\n}\n\nmodule.exports = { CookieJar };\n",
            },
          ],
        },
      ],
    },
  ],
});
