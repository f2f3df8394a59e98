import rule from '../../rules/no-static-iv.js';
import { ruleTester } from '../helpers/rule-tester.js';

// issue 11 (session 25, branch rule9rand): an IV made once and then reused by every message, in the shapes the
// module-level constant did not cover: a module value made lazily (`??=`, `if (x === undefined) x = …`) and read
// through a getter, one IV for every field a callback encrypts, and an IV kept in a keyed store and read back
// (get-or-create in localStorage). Near misses: an IV stored beside its ciphertext and read back to decrypt, a lazily
// made key with a fresh IV, an inner function called once, one IV for decrypting the fields of one record.
ruleTester.run('no-static-iv (IVs made once: lazily, in a closure, kept in a store, batch rule9rand)', rule, {
  valid: [
    {
      code: "import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';\n\nconst records = new Map<string, { iv: Buffer; ct: Buffer }>();\nconst ivs = new Map<string, Buffer>();\nlet cachedKey: Buffer | undefined;\nlet lastIv: Buffer | undefined;\n\nexport function put(id: string, key: Buffer, data: Buffer) {\n  const iv = randomBytes(12);\n  ivs.set(id, iv);\n  const c = createCipheriv('aes-256-gcm', key, iv);\n  records.set(id, { iv, ct: Buffer.concat([c.update(data), c.final()]) });\n}\n\nexport function get(id: string, key: Buffer) {\n  const rec = records.get(id)!;\n  const d = createDecipheriv('aes-256-gcm', key, ivs.get(id) ?? rec.iv);\n  return d.update(rec.ct);\n}\n\nexport function sealWithProcessKey(data: Buffer) {\n  cachedKey ??= randomBytes(32);\n  lastIv = randomBytes(16);\n  return createCipheriv('aes-256-cbc', cachedKey, lastIv).update(data);\n}\n\nexport function sealOnce(key: Buffer, data: Buffer) {\n  const iv = randomBytes(16);\n  const enc = (v: Buffer) => createCipheriv('aes-256-cbc', key, iv).update(v);\n  return { iv, body: enc(data) };\n}\n\nexport function openFields(key: Buffer, rec: { iv: string; a: string; b: string }) {\n  const iv = Buffer.from(rec.iv, 'hex');\n  const dec = (v: string) => createDecipheriv('aes-256-ctr', key, iv).update(v, 'hex', 'utf8');\n  return { a: dec(rec.a), b: dec(rec.b) };\n}\n\nexport function sealLater(key: Buffer, data: Buffer): Promise<Buffer> {\n  const iv = randomBytes(16);\n  return new Promise((resolve) => {\n    const c = createCipheriv('aes-256-cbc', key, iv);\n    resolve(Buffer.concat([iv, c.update(data), c.final()]));\n  });\n}\n",
      filename: 'src/records.ts',
    },
  ],
  invalid: [
    {
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\nimport CryptoJS from 'crypto-js';\n\nlet sessionNonce: Uint8Array | undefined;\nfunction nonce(): Uint8Array {\n  sessionNonce ??= crypto.getRandomValues(new Uint8Array(12));\n  return sessionNonce;\n}\nexport async function sealMessage(key: CryptoKey, data: Uint8Array) {\n  return crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce() }, key, data);\n}\n\nlet cachedIv: Buffer | undefined;\nexport function sealLine(key: Buffer, line: string) {\n  if (cachedIv === undefined) cachedIv = randomBytes(16);\n  const c = createCipheriv('aes-256-cbc', key, cachedIv);\n  return Buffer.concat([c.update(line, 'utf8'), c.final()]);\n}\n\nexport function encryptFields(key: Buffer, fields: Record<string, string>) {\n  const iv = randomBytes(12);\n  const out: Record<string, string> = {};\n  Object.entries(fields).forEach(([name, value]) => {\n    const c = createCipheriv('aes-256-gcm', key, iv);\n    out[name] = c.update(value, 'utf8', 'hex') + c.final('hex');\n  });\n  return { iv: iv.toString('hex'), out };\n}\n\nfunction deviceIv(): string {\n  const saved = localStorage.getItem('device-iv');\n  if (saved) return saved;\n  const fresh = CryptoJS.lib.WordArray.random(16).toString();\n  localStorage.setItem('device-iv', fresh);\n  return fresh;\n}\nexport function sealDraft(text: string, key: string) {\n  return CryptoJS.AES.encrypt(text, CryptoJS.enc.Hex.parse(key), { iv: CryptoJS.enc.Hex.parse(deviceIv()) }).toString();\n}\n",
      filename: 'src/sealing.ts',
      errors: [
        {
          messageId: 'reusedIv',
          line: 10,
          column: 55,
          endLine: 10,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { createCipheriv, randomBytes } from 'node:crypto';\nimport CryptoJS from 'crypto-js';\n\nlet sessionNonce: Uint8Array | undefined;\nfunction nonce(): Uint8Array {\n  sessionNonce ??= crypto.getRandomValues(new Uint8Array(12));\n  return sessionNonce;\n}\nexport async function sealMessage(key: CryptoKey, data: Uint8Array) {\n  const iv = crypto.getRandomValues(new Uint8Array(12));\n  return crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv }, key, data);\n}\n\nlet cachedIv: Buffer | undefined;\nexport function sealLine(key: Buffer, line: string) {\n  if (cachedIv === undefined) cachedIv = randomBytes(16);\n  const c = createCipheriv('aes-256-cbc', key, cachedIv);\n  return Buffer.concat([c.update(line, 'utf8'), c.final()]);\n}\n\nexport function encryptFields(key: Buffer, fields: Record<string, string>) {\n  const iv = randomBytes(12);\n  const out: Record<string, string> = {};\n  Object.entries(fields).forEach(([name, value]) => {\n    const c = createCipheriv('aes-256-gcm', key, iv);\n    out[name] = c.update(value, 'utf8', 'hex') + c.final('hex');\n  });\n  return { iv: iv.toString('hex'), out };\n}\n\nfunction deviceIv(): string {\n  const saved = localStorage.getItem('device-iv');\n  if (saved) return saved;\n  const fresh = CryptoJS.lib.WordArray.random(16).toString();\n  localStorage.setItem('device-iv', fresh);\n  return fresh;\n}\nexport function sealDraft(text: string, key: string) {\n  return CryptoJS.AES.encrypt(text, CryptoJS.enc.Hex.parse(key), { iv: CryptoJS.enc.Hex.parse(deviceIv()) }).toString();\n}\n",
            },
          ],
        },
        {
          messageId: 'reusedIv',
          line: 16,
          column: 48,
          endLine: 16,
          endColumn: 56,
        },
        {
          messageId: 'reusedIv',
          line: 24,
          column: 50,
          endLine: 24,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { createCipheriv, randomBytes } from 'node:crypto';\nimport CryptoJS from 'crypto-js';\n\nlet sessionNonce: Uint8Array | undefined;\nfunction nonce(): Uint8Array {\n  sessionNonce ??= crypto.getRandomValues(new Uint8Array(12));\n  return sessionNonce;\n}\nexport async function sealMessage(key: CryptoKey, data: Uint8Array) {\n  return crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce() }, key, data);\n}\n\nlet cachedIv: Buffer | undefined;\nexport function sealLine(key: Buffer, line: string) {\n  if (cachedIv === undefined) cachedIv = randomBytes(16);\n  const c = createCipheriv('aes-256-cbc', key, cachedIv);\n  return Buffer.concat([c.update(line, 'utf8'), c.final()]);\n}\n\nexport function encryptFields(key: Buffer, fields: Record<string, string>) {\n  const iv = randomBytes(12);\n  const out: Record<string, string> = {};\n  Object.entries(fields).forEach(([name, value]) => {\n    const iv = randomBytes(12);\n    const c = createCipheriv('aes-256-gcm', key, iv);\n    out[name] = c.update(value, 'utf8', 'hex') + c.final('hex');\n  });\n  return { iv: iv.toString('hex'), out };\n}\n\nfunction deviceIv(): string {\n  const saved = localStorage.getItem('device-iv');\n  if (saved) return saved;\n  const fresh = CryptoJS.lib.WordArray.random(16).toString();\n  localStorage.setItem('device-iv', fresh);\n  return fresh;\n}\nexport function sealDraft(text: string, key: string) {\n  return CryptoJS.AES.encrypt(text, CryptoJS.enc.Hex.parse(key), { iv: CryptoJS.enc.Hex.parse(deviceIv()) }).toString();\n}\n",
            },
          ],
        },
        {
          messageId: 'reusedIv',
          line: 34,
          column: 3,
          endLine: 34,
          endColumn: 43,
        },
      ],
    },
  ],
});
