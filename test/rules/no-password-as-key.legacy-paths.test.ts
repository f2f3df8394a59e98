/**
 * no-password-as-key, session 36 (branch prec20, issue 11): `legacyPaths`. A read-only legacy path the module has
 * replaced (src/rule-kit/legacy-reads.ts `replacedRead`: the call is marked as reading an old format by its function,
 * a stored-format tag, an `if` on the format or version, or a comment before its statement; another cipher call in
 * the module writes new data; and the rule makes no other finding in the module) is left out by default
 * (`recommended`) and reported as `legacyRead` with `legacyPaths: 'all'` (`strict`). So is a passphrase's key that a
 * key-file format the module only reads fixes (PuTTY PPK v2; src/rule-kit/fixed-formats.ts), as `fixedFormat`.
 * Near misses stay reported by default: the weak path also encrypts, the writer is weak too (no strong path), no
 * mark says the data is old (the legacy reader is the only evidence), a module that writes the key-file format.
 */
import rule from '../../rules/no-password-as-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

const all: [{ legacyPaths: 'all' }] = [{ legacyPaths: 'all' }];
const ifTest =
  "import crypto from 'node:crypto';\nimport CryptoJS from 'crypto-js';\n\nexport function openNote(stored: { v: number; body: string }, password: string, key: Buffer): string {\n  if (isOldFormat(stored)) {\n    return CryptoJS.AES.decrypt(stored.body, password).toString(CryptoJS.enc.Utf8);\n  }\n  const raw = Buffer.from(stored.body, 'base64');\n  const d = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));\n  d.setAuthTag(raw.subarray(12, 28));\n  return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');\n}\n\nexport function sealNote(key: Buffer, text: string): string {\n  const iv = crypto.randomBytes(12);\n  const c = crypto.createCipheriv('aes-256-gcm', key, iv);\n  const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);\n  return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');\n}\n";
const versionCompare =
  "import crypto from 'node:crypto';\n\nexport function readBlob(blob: { version: number; data: Buffer }, passphrase: string, key: Buffer): Buffer {\n  if (blob.version === 1) {\n    const d = crypto.createDecipher('aes-256-cbc', passphrase);\n    return Buffer.concat([d.update(blob.data), d.final()]);\n  }\n  const d = crypto.createDecipheriv('chacha20-poly1305', key, blob.data.subarray(0, 12), { authTagLength: 16 });\n  return d.update(blob.data.subarray(12));\n}\n\nexport function writeBlob(key: Buffer, data: Buffer) {\n  const nonce = crypto.randomBytes(12);\n  const c = crypto.createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });\n  return { version: 2, data: Buffer.concat([nonce, c.update(data), c.final(), c.getAuthTag()]) };\n}\n";
const statementComment =
  "const crypto = require('crypto');\n\nasync function restore(archive, pin, key) {\n  if (archive.kind === 'file') {\n    // v1 archives: written by releases before 3.0 with the PIN as the cipher password\n    const d = crypto.createDecipher('aes192', pin);\n    return Buffer.concat([d.update(archive.body), d.final()]);\n  }\n  return crypto.createDecipheriv('aes-256-gcm', key, archive.iv).update(archive.body);\n}\n\nfunction backup(key, body) {\n  const iv = crypto.randomBytes(12);\n  const c = crypto.createCipheriv('aes-256-gcm', key, iv);\n  return { kind: 'sealed', iv, body: Buffer.concat([c.update(body), c.final()]), tag: c.getAuthTag() };\n}\n\nmodule.exports = { restore, backup };\n";
const ppkReader =
  "import { createDecipheriv, createHash, createHmac } from 'node:crypto';\n\nconst MAC_LABEL = 'putty-private-key-file-mac-key';\n\nexport function readPpkV2(fields: { priv: string; mac: string }, passphrase: string): Buffer {\n  const key = Buffer.concat([\n    createHash('sha1').update(Buffer.from([0, 0, 0, 0])).update(passphrase).digest(),\n    createHash('sha1').update(Buffer.from([0, 0, 0, 1])).update(passphrase).digest(),\n  ]).subarray(0, 32);\n  const d = createDecipheriv('aes-256-cbc', key, Buffer.alloc(16));\n  d.setAutoPadding(false);\n  const priv = Buffer.concat([d.update(fields.priv, 'base64'), d.final()]);\n  const macKey = createHash('sha1').update(MAC_LABEL).update(passphrase).digest();\n  const mac = createHmac('sha1', macKey).update(priv).digest('hex');\n  if (mac !== fields.mac) throw new Error('wrong passphrase');\n  return priv;\n}\n";
const weakWriter =
  "import crypto from 'node:crypto';\n\nexport function readBlob(blob: { version: number; data: Buffer; salt: Buffer }, passphrase: string): Buffer {\n  if (blob.version === 1) {\n    const d = crypto.createDecipher('aes-256-cbc', passphrase);\n    return Buffer.concat([d.update(blob.data), d.final()]);\n  }\n  return Buffer.alloc(0);\n}\n\nexport function writeBlob(passphrase: string, data: Buffer) {\n  const salt = crypto.randomBytes(16);\n  const key = crypto.pbkdf2Sync(passphrase, salt, 1000, 32, 'sha256');\n  const iv = crypto.randomBytes(16);\n  const c = crypto.createCipheriv('aes-256-cbc', key, iv);\n  return { version: 2, salt, data: Buffer.concat([iv, c.update(data), c.final()]) };\n}\n";

ruleTester.run('no-password-as-key (legacy paths)', rule, {
  valid: [
    // an `if` whose test names the old format, beside a writer with a random IV
    { code: ifTest, filename: 'src/notes/store.ts' },
    // a stored version compared with a literal selects the old branch
    { code: versionCompare, filename: 'src/blobs.ts' },
    // a comment before the statement says it reads old archives
    { code: statementComment, filename: 'lib/archive.js' },
    // PuTTY PPK v2: SHA-1 of the passphrase as the key and the MAC key is the format's, read here only
    { code: ppkReader, filename: 'src/keys/ppk.ts' },
  ],
  invalid: [
    {
      code: ifTest,
      filename: 'src/notes/store.ts',
      options: all,
      errors: [{ messageId: 'legacyRead', line: 6, column: 46, endLine: 6, endColumn: 54 }],
    },
    {
      code: versionCompare,
      filename: 'src/blobs.ts',
      options: all,
      errors: [{ messageId: 'legacyRead', line: 5, column: 15, endLine: 5, endColumn: 36 }],
    },
    {
      code: statementComment,
      filename: 'lib/archive.js',
      options: all,
      errors: [{ messageId: 'legacyRead', line: 6, column: 15, endLine: 6, endColumn: 36 }],
    },
    {
      code: ppkReader,
      filename: 'src/keys/ppk.ts',
      options: all,
      errors: [
        { messageId: 'fixedFormat', line: 7, column: 5, endLine: 7, endColumn: 85 },
        { messageId: 'fixedFormat', line: 13, column: 18, endLine: 13, endColumn: 82 },
      ],
    },
    {
      // near miss: no strong path (the new writer's PBKDF2 is weak too): the old branch stays reported
      code: weakWriter,
      filename: 'src/blobs.ts',
      errors: [
        { messageId: 'legacyRead', line: 5, column: 15, endLine: 5, endColumn: 36 },
        {
          messageId: 'weakKdf',
          line: 13,
          column: 51,
          endLine: 13,
          endColumn: 55,
          suggestions: [{ messageId: 'raiseParam', output: weakWriter.replace('salt, 1000,', 'salt, 600000,') }],
        },
      ],
    },
    {
      // near miss: the new writer's cipher is weak too (3DES held in a const object): no replacement
      code: "import crypto from 'node:crypto';\n\nconst CIPHERS = { current: 'des-ede3-cbc' };\n\nexport function readBlob(blob: { version: number; data: Buffer }, passphrase: string, key: Buffer): Buffer {\n  if (blob.version === 1) {\n    const d = crypto.createDecipher('aes-256-cbc', passphrase);\n    return Buffer.concat([d.update(blob.data), d.final()]);\n  }\n  const d = crypto.createDecipheriv('chacha20-poly1305', key, blob.data.subarray(0, 12), { authTagLength: 16 });\n  return d.update(blob.data.subarray(12));\n}\n\nexport function writeBlob(key: Buffer, data: Buffer) {\n  const nonce = crypto.randomBytes(12);\n  const c = crypto.createCipheriv(CIPHERS.current, key, nonce.subarray(0, 8));\n  return { version: 2, data: Buffer.concat([nonce, c.update(data), c.final(), c.getAuthTag()]) };\n}\n",
      filename: 'src/blobs.ts',
      errors: [{ messageId: 'legacyRead', line: 7, column: 15, endLine: 7, endColumn: 36 }],
    },
    {
      // near miss: the weak path also encrypts (the pair is one mistake, reported at both calls)
      code: "import crypto from 'node:crypto';\n\nexport function readBlob(blob: { version: number; data: Buffer }, passphrase: string, key: Buffer): Buffer {\n  if (blob.version === 1) {\n    const d = crypto.createDecipher('aes-256-cbc', passphrase);\n    return Buffer.concat([d.update(blob.data), d.final()]);\n  }\n  const d = crypto.createDecipheriv('chacha20-poly1305', key, blob.data.subarray(0, 12), { authTagLength: 16 });\n  return d.update(blob.data.subarray(12));\n}\n\nexport function writeBlob(passphrase: string, data: Buffer) {\n  const c = crypto.createCipher('aes-256-cbc', passphrase);\n  return { version: 1, data: Buffer.concat([c.update(data), c.final()]) };\n}\n",
      filename: 'src/blobs.ts',
      errors: [
        { messageId: 'deprecatedCipher', line: 5, column: 15, endLine: 5, endColumn: 36 },
        { messageId: 'deprecatedCipher', line: 13, column: 13, endLine: 13, endColumn: 32 },
      ],
    },
    {
      // near miss: a writer but no mark that the data is old (the weak reader may be the only path to live data)
      code: "import crypto from 'node:crypto';\n\nexport function readBlob(blob: { data: Buffer }, passphrase: string): Buffer {\n  const d = crypto.createDecipher('aes-256-cbc', passphrase);\n  return Buffer.concat([d.update(blob.data), d.final()]);\n}\n\nexport function writeBlob(key: Buffer, data: Buffer) {\n  const iv = crypto.randomBytes(16);\n  const c = crypto.createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([iv, c.update(data), c.final()]);\n}\n",
      filename: 'src/blobs.ts',
      errors: [{ messageId: 'legacyRead', line: 4, column: 13, endLine: 4, endColumn: 34 }],
    },
    {
      // near miss: the module writes the key-file format too
      code: "import { createCipheriv, createDecipheriv, createHash, createHmac } from 'node:crypto';\n\nconst MAC_LABEL = 'putty-private-key-file-mac-key';\n\nexport function writePpkV2(priv: Buffer, key: Buffer): Buffer {\n  const c = createCipheriv(\"aes-256-cbc\", key, Buffer.alloc(16));\n  return Buffer.concat([c.update(priv), c.final()]);\n}\n\nexport function readPpkV2(fields: { priv: string; mac: string }, passphrase: string): Buffer {\n  const key = Buffer.concat([\n    createHash('sha1').update(Buffer.from([0, 0, 0, 0])).update(passphrase).digest(),\n    createHash('sha1').update(Buffer.from([0, 0, 0, 1])).update(passphrase).digest(),\n  ]).subarray(0, 32);\n  const d = createDecipheriv('aes-256-cbc', key, Buffer.alloc(16));\n  d.setAutoPadding(false);\n  const priv = Buffer.concat([d.update(fields.priv, 'base64'), d.final()]);\n  const macKey = createHash('sha1').update(MAC_LABEL).update(passphrase).digest();\n  const mac = createHmac('sha1', macKey).update(priv).digest('hex');\n  if (mac !== fields.mac) throw new Error('wrong passphrase');\n  return priv;\n}\n",
      filename: 'src/keys/ppk.ts',
      errors: [
        { messageId: 'hashedPassword', line: 12, column: 5, endLine: 12, endColumn: 85 },
        { messageId: 'hashedPassword', line: 18, column: 18, endLine: 18, endColumn: 82 },
      ],
    },
  ],
});
