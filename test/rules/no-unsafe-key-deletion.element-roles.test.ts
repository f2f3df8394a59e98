/**
 * no-unsafe-key-deletion on key material known only from how the file uses it (issue 11, session 34,
 * src/rule-kit/element-roles.ts): a collection filled from places the file does not show (a parser of an environment
 * variable, a helper that hashes a password) whose elements are read into a key slot (`createCipheriv`, `createHmac`,
 * crypto-js, or a helper of the same file that passes its parameter there), then dropped with `delete()`, `clear()` or
 * `delete m[k]`; fields declared as constructor parameter properties (`constructor(private key: Buffer)`) released
 * without a wipe, also through a cast (`delete (this as { key?: Buffer }).key`). Near misses: collections of key
 * handles, JWT secrets, passwords, IVs or sessions; an element wiped before its removal; a parameter-property field
 * wiped first; string fields; a collection whose elements are only hashed.
 */
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-unsafe-key-deletion (elements used as keys, parameter properties; session 34)', rule, {
  valid: [
    {
      code: "import { createCipheriv, createSecretKey, randomBytes, createHmac } from 'node:crypto';\nimport jwt from 'jsonwebtoken';\nconst handles = new Map();\nexport function load(id: string, raw: Buffer) {\n  handles.set(id, createSecretKey(raw));\n}\nexport function seal(id: string, p: string) {\n  return createCipheriv('aes-256-gcm', handles.get(id), randomBytes(12)).update(p);\n}\nexport function drop(id: string) {\n  handles.delete(id);\n}\nconst secrets = new Map();\nexport function mint(kid: string) {\n  return jwt.sign({ a: 1 }, secrets.get(kid));\n}\nexport function dropSecret(kid: string) {\n  secrets.delete(kid);\n}\nconst passwords = new Map<string, string>();\nexport function check(u: string) {\n  return createHmac('sha256', passwords.get(u)!).digest('hex');\n}\nexport function dropPw(u: string) {\n  passwords.delete(u);\n}\nconst ivs = new Map();\nexport function enc(id: string, k: Buffer, p: string) {\n  return createCipheriv('aes-256-gcm', k, ivs.get(id)).update(p);\n}\nexport function dropIv(id: string) {\n  ivs.delete(id);\n}\nconst sessions = new Map();\nexport function who(id: string) {\n  return sessions.get(id)?.user;\n}\nexport function end(id: string) {\n  sessions.delete(id);\n}\nconst wiped = new Map();\nexport function use(id: string, p: string) {\n  return createCipheriv('aes-256-gcm', wiped.get(id), randomBytes(12)).update(p);\n}\nexport function dropWiped(id: string) {\n  wiped.get(id)?.fill(0);\n  wiped.delete(id);\n}\n",
      filename: 'src/er-handles.ts',
    },
    {
      code: "export class Holder {\n  constructor(private key: Buffer) {}\n  sign(fn: (k: Buffer) => string): string {\n    return fn(this.key);\n  }\n  release(): void {\n    this.key.fill(0);\n    this.key = Buffer.alloc(0);\n  }\n}\nexport class Labels {\n  constructor(private label: string, private keyId: string | null) {}\n  reset(): void {\n    this.label = '';\n    this.keyId = null;\n  }\n}\n",
      filename: 'src/er-wiped-param-field.ts',
    },
    {
      code: "const crypto = require('crypto');\nconst notes = new Map();\nfunction add(id, text) {\n  notes.set(id, text);\n}\nfunction digest(id) {\n  return crypto.createHash('sha256').update(notes.get(id)).digest('hex');\n}\nfunction remove(id) {\n  notes.delete(id);\n}\nmodule.exports = { add, digest, remove };\n",
      filename: 'src/er-log-only.js',
    },
  ],
  invalid: [
    {
      code: "import { createCipheriv, createHash, randomBytes } from 'node:crypto';\n\ntype Table = Map<string, Buffer>;\nfunction parseTable(spec: string): Table {\n  return new Map(spec.split(',').map((p) => [p.split(':')[0]!, Buffer.from(p.split(':')[1]!, 'hex')] as [string, Buffer]));\n}\nconst table = parseTable(process.env.TABLE ?? '');\n\nexport function seal(version: string, plain: string): string {\n  const k = table.get(version)!;\n  const c = createCipheriv('aes-256-gcm', k, randomBytes(12));\n  return Buffer.concat([c.update(plain, 'utf8'), c.final()]).toString('base64');\n}\n\nexport function retire(version: string): void {\n  table.delete(version);\n}\n",
      filename: 'src/er-table.ts',
      errors: [
        {
          messageId: 'keyDropped',
          line: 16,
          column: 3,
          endLine: 16,
          endColumn: 24,
        },
      ],
    },
    {
      code: "const crypto = require('crypto');\nconst held = new Map();\n\nfunction fromPassword(pw) {\n  return crypto.createHash('sha256').update(pw).digest();\n}\nfunction encryptBackup(k, data) {\n  const c = crypto.createCipheriv('aes-256-cbc', k, k.subarray(0, 16));\n  return Buffer.concat([c.update(data), c.final()]);\n}\nfunction remember(user, password) {\n  held.set(user, fromPassword(password));\n}\nfunction backup(user, data) {\n  const k = held.get(user);\n  return encryptBackup(k, data);\n}\nfunction logout(user) {\n  if (user) held.delete(user);\n}\nmodule.exports = { remember, backup, logout };\n",
      filename: 'src/er-helper.js',
      errors: [
        {
          messageId: 'keyDropped',
          line: 19,
          column: 13,
          endLine: 19,
          endColumn: 30,
        },
      ],
    },
    {
      code: "import CryptoJS from 'crypto-js';\nconst memo: Record<string, CryptoJS.lib.WordArray> = {};\nexport function remember(user: string, pw: string) {\n  memo[user] = CryptoJS.SHA256(pw);\n}\nexport function enc(user: string, text: string) {\n  const k = memo[user];\n  return CryptoJS.AES.encrypt(text, k!).toString();\n}\nexport function forget(user: string) {\n  delete memo[user];\n}\n",
      filename: 'src/er-record.ts',
      errors: [
        {
          messageId: 'keyDropped',
          line: 11,
          column: 3,
          endLine: 11,
          endColumn: 20,
        },
      ],
    },
    {
      code: "import { createHmac } from 'node:crypto';\nexport class Signers {\n  private table = new Map<string, Buffer>();\n  load(id: string, raw: Buffer) {\n    this.table.set(id, raw);\n  }\n  sign(id: string, body: string) {\n    return createHmac('sha256', this.table.get(id)!).update(body).digest('hex');\n  }\n  clear() {\n    this.table.clear();\n  }\n}\n",
      filename: 'src/er-field.ts',
      errors: [
        {
          messageId: 'keyDropped',
          line: 11,
          column: 5,
          endLine: 11,
          endColumn: 23,
        },
      ],
    },
    {
      code: 'export class Holder {\n  constructor(private key: Buffer) {}\n  use<T>(fn: (k: Buffer) => T): T {\n    return fn(this.key);\n  }\n  release() {\n    this.key = Buffer.alloc(0);\n  }\n}\nexport class Holder2 {\n  constructor(private secretKey: Uint8Array | null) {}\n  release() {\n    this.secretKey = null;\n  }\n}\n',
      filename: 'src/er-param-field.ts',
      errors: [
        {
          messageId: 'keyDropped',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 31,
        },
        {
          messageId: 'keyDropped',
          line: 13,
          column: 5,
          endLine: 13,
          endColumn: 26,
        },
      ],
    },
    {
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\n\nexport class ColumnCipher {\n  private constructor(private readonly key: Buffer) {}\n\n  static fromHex(hex: string): ColumnCipher {\n    return new ColumnCipher(Buffer.from(hex, 'hex'));\n  }\n\n  seal(v: string): Buffer {\n    const c = createCipheriv('aes-256-gcm', this.key, randomBytes(12));\n    return Buffer.concat([c.update(v, 'utf8'), c.final()]);\n  }\n\n  close(): void {\n    delete (this as { key?: Buffer }).key;\n  }\n}\n",
      filename: 'src/er-cast.ts',
      errors: [
        {
          messageId: 'keyDropped',
          line: 16,
          column: 5,
          endLine: 16,
          endColumn: 42,
        },
      ],
    },
  ],
});
