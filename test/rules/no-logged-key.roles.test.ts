/**
 * no-logged-key on generic names whose role is known from where the file passes them (issue 11, session 24,
 * src/rule-kit/flow/roles.ts): a parameter `w` given to createDecipheriv as its key, a hex string `raw` decoded into
 * an HMAC key, a setting `value` given to jwt.sign as its secret, a `pem` given to Sign.sign as its private key,
 * each logged. Near misses: the same file logging a key's length, the nonce and the ciphertext; a PEM given to
 * jwt.verify (a verification key may be public); a KeyObject handle (it prints no bytes).
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-logged-key (roles from uses, session 24)', rule, {
  valid: [
    {
      code: "import { createCipheriv, createSecretKey, randomBytes } from 'node:crypto';\nimport jwt from 'jsonwebtoken';\n\nexport function seal(material: Buffer, data: Buffer) {\n  const nonce = randomBytes(12);\n  console.log('sealing', data.length, 'bytes, key length', material.length, 'nonce', nonce);\n  const c = createCipheriv('aes-256-gcm', material, nonce);\n  const out = Buffer.concat([c.update(data), c.final()]);\n  console.log('sealed', out.toString('base64'));\n  return out;\n}\n\nexport function check(token: string, pem: string) {\n  console.log('verifying with', pem);\n  return jwt.verify(token, pem, { algorithms: ['RS256'] });\n}\n\nexport function withHandle(raw: Buffer, data: Buffer) {\n  const handle = createSecretKey(raw);\n  console.log('using', handle);\n  return createCipheriv('aes-256-gcm', handle, randomBytes(12)).update(data);\n}\n",
      filename: 'src/role-lv.ts',
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
  ],
});
