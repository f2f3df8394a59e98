/**
 * no-unsafe-key-deletion: key files unlinked without a destroy, key buffers dropped without a wipe,
 * keys kept as strings (strict), and cloud deletion settings that leave no time to recover.
 * No keys here: the rule is about what happens to keys, so the samples only name them.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-unsafe-key-deletion without TypeScript', () => {
  it('runs on plain .js with the default parser and no type information', () => {
    const linter = new Linter({ configType: 'flat' });
    const code =
      "import fs from 'node:fs';\nimport { randomBytes } from 'node:crypto';\nexport function stop(box) {\n  fs.unlinkSync('/srv/tls/server.key');\n  box.key = randomBytes(32);\n  box.key = null;\n}\n";
    const messages = linter.verify(
      code,
      [
        {
          files: ['**/*.js'],
          plugins: { keyhygiene: { rules: { 'no-unsafe-key-deletion': rule as never } } },
          rules: { 'keyhygiene/no-unsafe-key-deletion': 'error' },
        },
      ],
      { filename: 'src/plain.js' },
    );
    expect(messages.map((m) => [m.messageId, m.line])).toEqual([
      ['keyFileDeleted', 4],
      ['keyDropped', 6],
    ]);
  });
});

ruleTester.run('no-unsafe-key-deletion', rule, {
  valid: [
    {
      // Pulumi secret with recoveryWindowInDays 0
      code: "import * as aws from '@pulumi/aws';\nexport const dbPassword = new aws.secretsmanager.Secret('db', { recoveryWindowInDays: 0 });\n",
      filename: 'src/d20-pulumi-secret.ts',
    },
    {
      // the data key and its copy wiped in finally
      code: "import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';\nimport { createCipheriv, randomBytes } from 'node:crypto';\nconst kms = new KMSClient({ region: 'eu-west-1' });\nexport async function sealRecord(body: Buffer) {\n  const res = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/records', KeySpec: 'AES_256' }));\n  const dataKey = Buffer.from(res.Plaintext!);\n  try {\n    const iv = randomBytes(12);\n    const cipher = createCipheriv('aes-256-gcm', dataKey, iv);\n    return { ct: Buffer.concat([cipher.update(body), cipher.final()]), iv, wrapped: res.CiphertextBlob };\n  } finally {\n    dataKey.fill(0);\n    res.Plaintext!.fill(0);\n  }\n}\n",
      filename: 'src/d04-gdk-wiped.ts',
    },
    {
      // fields and map entries wiped before they are dropped
      code: "import { randomBytes } from 'node:crypto';\nexport class KeyBox {\n  private encKey: Buffer | null = randomBytes(32);\n  private readonly cache = new Map<string, Buffer>();\n  add(id: string) { this.cache.set(id, randomBytes(32)); }\n  drop(id: string) { this.cache.get(id)?.fill(0); this.cache.delete(id); }\n  dispose() { this.encKey?.fill(0); this.encKey = null; }\n}\n",
      filename: 'src/d11-wipe-then-null.ts',
    },
    {
      // maps of session metadata and strings are not key material
      code: "const sessions = new Map<string, { user: string; expires: number }>();\nlet currentUser: string | null = 'x';\nexport function logout(id: string) { sessions.delete(id); currentUser = null; }\n",
      filename: 'src/d12-session-map-strings.ts',
    },
    {
      // credentials a service issued are strings: removing them from a response object drops nothing to wipe
      code: 'export function redact(obj) {\n  delete obj.secret_access_key;\n  delete obj.api_key;\n  delete obj.stt_access_key;\n  return obj;\n}\n',
      filename: 'src/p24-redact-issued.js',
    },
    {
      // the same in camelCase, on a field set to null
      code: 'export class Creds {\n  secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;\n  clear() {\n    this.secretAccessKey = null;\n    delete this.userAccessKey;\n  }\n}\n',
      filename: 'src/p24-issued-camel.ts',
    },
    // the test-file policy: the same code in a spec is not reported
    {
      code: 'export class DekCache {\n  private readonly deks = new Map<string, Buffer>();\n  private current: Buffer | null = null;\n  put(id: string, dek: Buffer): void {\n    this.deks.set(id, dek);\n    this.current = dek;\n  }\n  evict(id: string): void {\n    this.deks.delete(id);\n  }\n  reset(): void {\n    this.current = null;\n  }\n}',
      filename: 'test/no-unsafe-key-deletion.spec.ts',
    },
    {
      // all-exits: a key string in a log call is a logging hazard (no-logged-key), not storage
      code: "import pino from 'pino';\nimport { loadSecret } from 'keyhygiene/keys';\nconst log = pino();\nexport async function open() {\n  const key = await loadSecret('receipts');\n  log.debug({ key: key.expose().toString('hex') }, 'opening');\n  console.log({ dataKey: key.expose().toString('base64') });\n  key.wipe();\n}",
      filename: 'src/log-not-storage.ts',
      options: [{ memory: 'all-exits' }],
    },
    {
      // key-named values that are not bytes (a string annotation), the generic name `key`, and wiped drops
      code: 'export class Cache {\n  private readonly tokens = new Map<string, string>();\n  private readonly byKey = new Map<string, Buffer>();\n  private current: Buffer | null = null;\n  putToken(id: string, sessionKey: string): void {\n    this.tokens.set(id, sessionKey);\n  }\n  put(id: string, key: Buffer, dek: Buffer): void {\n    this.byKey.set(id, key);\n    this.current = dek;\n  }\n  evict(id: string): void {\n    this.tokens.delete(id);\n    this.byKey.delete(id);\n  }\n  safeReset(): void {\n    this.current?.fill(0);\n    this.current = null;\n  }\n}',
      filename: 'src/cache-valid.ts',
    },
    {
      // the secure destroy itself
      code: "import fs from 'node:fs';\nimport { destroyKeyFile } from 'keyhygiene/keys';\nexport async function rotate(keyPath: string) {\n  await destroyKeyFile(keyPath);\n}",
      filename: 'src/a.ts',
    },
    {
      // not key material: uploads, build output, session metadata, a public key
      code: "import fs from 'node:fs';\nexport function cleanup(id: string) {\n  fs.unlinkSync('uploads/avatar.png');\n  fs.rmSync('dist', { recursive: true, force: true });\n  fs.unlinkSync(`sessions/${id}.json`);\n  fs.unlinkSync('/home/app/.ssh/id_rsa.pub');\n}",
      filename: 'src/a.ts',
    },
    {
      // deleting after an overwrite
      code: "import fs from 'node:fs';\nexport function shredKey(keyPath: string) {\n  fs.writeFileSync(keyPath, Buffer.alloc(32));\n  fs.unlinkSync(keyPath);\n}",
      filename: 'src/a.ts',
    },
    {
      // files that hold ARNs and ids, not keys
      code: "import { unlink } from 'node:fs/promises';\nexport async function forget(secretArnFile: string, keyId: string) {\n  await unlink(secretArnFile);\n  await unlink(`cache/${keyId}.json`);\n}",
      filename: 'src/a.ts',
    },
    {
      // a field initialised to null in a constructor; wiped before it is dropped
      code: "import { randomBytes } from 'node:crypto';\nexport class Box {\n  private key: Buffer | null;\n  constructor() {\n    this.key = null;\n  }\n  open() {\n    this.key = randomBytes(32);\n  }\n  close() {\n    this.key?.fill(0);\n    this.key = null;\n  }\n}",
      filename: 'src/a.ts',
    },
    {
      // a Map entry wiped before it is deleted
      code: "import { scryptSync } from 'node:crypto';\nconst keys = new Map<string, Buffer>();\nexport function add(id: string, pw: string, salt: Buffer) {\n  keys.set(id, scryptSync(pw, salt, 32));\n}\nexport function remove(id: string) {\n  keys.get(id)?.fill(0);\n  keys.delete(id);\n}",
      filename: 'src/a.ts',
    },
    {
      // dropping values that are not key material
      code: 'const sessions = new Map();\nexport function end(id) {\n  sessions.delete(id);\n  let user = lookup(id);\n  user = null;\n}',
      filename: 'src/sessions.js',
    },
    {
      // the default ('drops') does not ask for a wipe on every exit path
      code: "import { scryptSync } from 'node:crypto';\nexport function seal(pw: string, salt: Buffer, data: Buffer) {\n  const key = scryptSync(pw, salt, 32);\n  return encrypt(key, data);\n}",
      filename: 'src/a.ts',
    },
    {
      // all-exits: a finally wipe covers every path; a returned key has a new owner; IVs, password hashes and tokens are not key buffers
      code: "import { scryptSync, randomBytes, pbkdf2Sync } from 'node:crypto';\nexport function seal(pw: string, salt: Buffer, data: Buffer) {\n  const key = scryptSync(pw, salt, 32);\n  try {\n    return encrypt(key, data);\n  } finally {\n    key.fill(0);\n  }\n}\nexport function make(pw: string, salt: Buffer) {\n  const iv = randomBytes(12);\n  const dataKey = scryptSync(pw, salt, 32);\n  return { dataKey, iv };\n}\nexport function hashPassword(pw: string, salt: Buffer) {\n  const hash = pbkdf2Sync(pw, salt, 600000, 64, 'sha512').toString('hex');\n  return hash;\n}\nexport function token() {\n  const resetToken = randomBytes(32).toString('hex');\n  return resetToken;\n}",
      filename: 'src/a.ts',
      options: [{ memory: 'all-exits' }],
    },
    {
      // all-exits: a WebSocket handshake key is a nonce; a buffer handed to a handle (through a Buffer view) has a new owner
      code: "import { randomBytes, hkdfSync } from 'node:crypto';\nexport function handshake(req: Request) {\n  const key = randomBytes(16).toString('base64');\n  req.headers.set('Sec-WebSocket-Key', key);\n}\nexport function macKey(root: Buffer, salt: Buffer) {\n  const ab = hkdfSync('sha256', root, salt, 'state-mac', 32);\n  return new SecretBytes(Buffer.from(ab));\n}",
      filename: 'src/a.ts',
      options: [{ memory: 'all-exits' }],
    },
  ],
  invalid: [
    {
      // a private key and a secret key dropped from a decrypted record are still key material, beside an issued one
      code: 'export function f(req) {\n  const obj = decryptCredential(req.body);\n  delete obj.privateKey;\n  delete obj.secret_access_key;\n  obj.secretKey = null;\n}\n',
      filename: 'src/p24-redact-keys.ts',
      errors: [
        { messageId: 'keyDropped', line: 3, column: 3, endLine: 3, endColumn: 24 },
        { messageId: 'keyDropped', line: 5, column: 3, endLine: 5, endColumn: 23 },
      ],
    },
    {
      // a copy of a KMS data key set to null: one report, at the drop
      code: "import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';\nconst kms = new KMSClient({});\nexport async function withKey(blob: Uint8Array, use: (k: Buffer) => void) {\n  const out = await kms.send(new DecryptCommand({ CiphertextBlob: blob }));\n  let dek: Buffer | null = Buffer.from(out.Plaintext!);\n  use(dek);\n  dek = null;\n}\n",
      filename: 'src/d30-let-dek-null.ts',
      errors: [{ messageId: 'keyDropped', line: 7, column: 3, endLine: 7, endColumn: 13 }],
    },
    {
      // delete of a computed member of a key record
      code: "import { randomBytes } from 'node:crypto';\nexport class Sessions {\n  private keys: Record<string, Buffer> = {};\n  start(id: string) {\n    this.keys[id] = randomBytes(32);\n  }\n  end(id: string) {\n    delete this.keys[id];\n  }\n}\n",
      filename: 'src/d31-delete-computed.ts',
      errors: [{ messageId: 'keyDropped', line: 8, column: 5, endLine: 8, endColumn: 25 }],
    },
    {
      // unlink of a key file named by a secret env var
      code: "const fs = require('fs');\nfunction cleanup() {\n  fs.unlinkSync(process.env.TLS_KEY_FILE);\n}\nmodule.exports = { cleanup };\n",
      filename: 'src/d32-keyfile-env.cjs',
      errors: [{ messageId: 'keyFileDeleted', line: 3, column: 3, endLine: 3, endColumn: 42 }],
    },
    {
      // fs.promises unlink of a privateKeyPath field
      code: "import { promises as fsp } from 'node:fs';\nexport class Agent {\n  constructor(private readonly privateKeyPath: string) {}\n  async revoke() { await fsp.unlink(this.privateKeyPath); }\n}\n",
      filename: 'src/d33-fsp-member.ts',
      errors: [
        {
          messageId: 'keyFileDeleted',
          suggestions: [
            {
              messageId: 'useDestroyKeyFile',
              output:
                "import { promises as fsp } from 'node:fs';\nimport { destroyKeyFile } from 'keyhygiene/keys';\nexport class Agent {\n  constructor(private readonly privateKeyPath: string) {}\n  async revoke() { await destroyKeyFile(this.privateKeyPath); }\n}\n",
            },
          ],
          line: 4,
          column: 26,
          endLine: 4,
          endColumn: 57,
        },
      ],
    },
    {
      // Map.clear() on a map of session keys
      code: "import { randomBytes } from 'node:crypto';\nexport class Keyring {\n  private readonly sessionKeys = new Map<string, Buffer>();\n  open(id: string) {\n    this.sessionKeys.set(id, randomBytes(32));\n  }\n  closeAll() {\n    this.sessionKeys.clear();\n  }\n}\n",
      filename: 'src/d15-map-clear.ts',
      errors: [{ messageId: 'keyDropped', line: 8, column: 5, endLine: 8, endColumn: 29 }],
    },
    {
      // a libsodium secretbox key set to null
      code: "import sodium from 'libsodium-wrappers';\nexport class Box {\n  private secretKey: Uint8Array | null = null;\n  async init() {\n    await sodium.ready; this.secretKey = sodium.crypto_secretbox_keygen();\n  }\n  close() {\n    this.secretKey = null;\n  }\n}\n",
      filename: 'src/d25-sodium-drop.ts',
      errors: [{ messageId: 'keyDropped', line: 8, column: 5, endLine: 8, endColumn: 26 }],
    },
    {
      // key bytes decoded from a secret env var, dropped
      code: "export class Encryptor {\n  constructor() {\n    this.masterKey = Buffer.from(process.env.MASTER_KEY, 'base64');\n  }\n  encrypt() {}\n  shutdown() {\n    this.masterKey = null;\n  }\n}\n",
      filename: 'src/d26-env-key-drop.js',
      errors: [{ messageId: 'keyDropped', line: 7, column: 5, endLine: 7, endColumn: 26 }],
    },
    {
      // a local scrypt key set to null
      code: "import { createCipheriv, randomBytes, scryptSync } from 'node:crypto';\nexport function seal(pw: string, salt: Buffer, data: Buffer) {\n  let derivedKey: Buffer | null = scryptSync(pw, salt, 32);\n  const iv = randomBytes(12);\n  const out = createCipheriv('aes-256-gcm', derivedKey, iv).update(data);\n  derivedKey = null;\n  return { out, iv };\n}\n",
      filename: 'src/d27-local-key-null.ts',
      errors: [{ messageId: 'keyDropped', line: 6, column: 3, endLine: 6, endColumn: 20 }],
    },
    {
      // Decrypt plaintext renamed in destructuring, never wiped
      code: "import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';\nimport { createDecipheriv } from 'node:crypto';\nexport async function open(kms: KMSClient, wrapped: Uint8Array, iv: Buffer, ct: Buffer, tag: Buffer) {\n  const { Plaintext: dataKey } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped }));\n  const d = createDecipheriv('aes-256-gcm', dataKey!, iv);\n  d.setAuthTag(tag);\n  return Buffer.concat([d.update(ct), d.final()]);\n}\n",
      filename: 'src/d28-gdk-decrypt-v3.ts',
      errors: [{ messageId: 'keyNotWiped', line: 4, column: 11, endLine: 4, endColumn: 29 }],
    },
    {
      // a KMS plaintext data key kept in a Map and removed with delete()
      code: "import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';\nconst kms = new KMSClient({});\nconst dataKeys = new Map<string, Uint8Array>();\nexport async function unlock(tenant: string, blob: Uint8Array) {\n  const out = await kms.send(new DecryptCommand({ CiphertextBlob: blob }));\n  dataKeys.set(tenant, out.Plaintext!);\n}\nexport function lock(tenant: string) {\n  const k = dataKeys.get(tenant);\n  if (!k) return;\n  dataKeys.delete(tenant);\n}\n",
      filename: 'src/d01-map-delete.ts',
      errors: [{ messageId: 'keyDropped', line: 11, column: 3, endLine: 11, endColumn: 26 }],
    },
    {
      // a class field holding a session key set to null
      code: "import { randomBytes } from 'node:crypto';\nexport class SessionCipher {\n  private sessionKey: Buffer | null;\n  constructor() {\n    this.sessionKey = randomBytes(32);\n  }\n  close(): void {\n    this.sessionKey = null;\n  }\n}\n",
      filename: 'src/d02-field-null.ts',
      errors: [{ messageId: 'keyDropped', line: 8, column: 5, endLine: 8, endColumn: 27 }],
    },
    {
      // GenerateDataKey plaintext (destructured) used for a cipher and never wiped
      code: "import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';\nimport { createCipheriv, randomBytes } from 'node:crypto';\nconst kms = new KMSClient({ region: 'eu-west-1' });\nexport async function sealRecord(body: Buffer) {\n  const { Plaintext, CiphertextBlob } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/records', KeySpec: 'AES_256' }));\n  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', Plaintext!, iv);\n  const ct = Buffer.concat([cipher.update(body), cipher.final()]);\n  return { ct, iv, tag: cipher.getAuthTag(), wrapped: CiphertextBlob };\n}\n",
      filename: 'src/d03-gdk-never-wiped.ts',
      errors: [{ messageId: 'keyNotWiped', line: 5, column: 11, endLine: 5, endColumn: 20 }],
    },
    {
      // aws-sdk v2 generateDataKey().promise(), CommonJS, plaintext never wiped
      code: "const AWS = require('aws-sdk');\nconst kms = new AWS.KMS();\nasync function encrypt(text) {\n  const dk = await kms.generateDataKey({ KeyId: process.env.KEY_ARN, KeySpec: 'AES_256' }).promise();\n  const crypto = require('crypto');\n  const iv = crypto.randomBytes(16);\n  const c = crypto.createCipheriv('aes-256-cbc', dk.Plaintext, iv);\n  return { data: c.update(text, 'utf8', 'base64') + c.final('base64'), key: dk.CiphertextBlob.toString('base64'), iv };\n}\nmodule.exports = { encrypt };\n",
      filename: 'src/d05-gdk-v2-cjs.cjs',
      errors: [{ messageId: 'keyNotWiped', line: 4, column: 9, endLine: 4, endColumn: 11 }],
    },
    {
      // a private key DER export held in a field and nulled
      code: "import { generateKeyPairSync, sign } from 'node:crypto';\nexport class Signer {\n  private privateKeyDer: Buffer | null = null;\n  init() {\n    const { privateKey } = generateKeyPairSync('ed25519');\n    this.privateKeyDer = privateKey.export({ type: 'pkcs8', format: 'der' });\n  }\n  sign(data: Buffer) { return sign(null, data, { key: this.privateKeyDer!, format: 'der', type: 'pkcs8' }); }\n  destroy() {\n    this.privateKeyDer = null;\n  }\n}\n",
      filename: 'src/d06-private-ref-nulled.ts',
      errors: [{ messageId: 'keyDropped', line: 10, column: 5, endLine: 10, endColumn: 30 }],
    },
    {
      // delete on an object member holding a PBKDF2 key
      code: "import crypto from 'node:crypto';\nconst vault = {};\nexport function open(user, pass, salt) {\n  vault.masterKey = crypto.pbkdf2Sync(pass, salt, 600000, 32, 'sha256');\n}\nexport function logout() {\n  delete vault.masterKey;\n}\n",
      filename: 'src/d07-delete-member.js',
      errors: [{ messageId: 'keyDropped', line: 7, column: 3, endLine: 7, endColumn: 25 }],
    },
    {
      // a .key.pem path built with path.join and unlinked
      code: "const fs = require('fs');\nconst path = require('path');\nfunction revoke(dir, name) {\n  const keyFile = path.join(dir, `${name}.key.pem`);\n  fs.unlinkSync(keyFile);\n}\nmodule.exports = { revoke };\n",
      filename: 'src/d08-unlink-pem.cjs',
      errors: [{ messageId: 'keyFileDeleted', line: 5, column: 3, endLine: 5, endColumn: 25 }],
    },
    {
      // fs/promises rm of a private_key path
      code: "import { rm, writeFile } from 'node:fs/promises';\nexport async function cleanupAgent(home: string) {\n  const p = `${home}/.config/agent/private_key`;\n  await rm(p, { force: true });\n}\n",
      filename: 'src/d09-rm-promises.ts',
      errors: [{ messageId: 'keyFileDeleted', line: 4, column: 9, endLine: 4, endColumn: 31 }],
    },
    {
      // tweetnacl random secret bytes set to null
      code: "import nacl from 'tweetnacl';\nlet boxKeys: nacl.BoxKeyPair | null = null;\nlet secret: Uint8Array | null = null;\nexport function start() {\n  secret = nacl.randomBytes(32);\n}\nexport function stop() {\n  secret = null;\n}\n",
      filename: 'src/d10-nacl-secret-null.ts',
      errors: [{ messageId: 'keyDropped', line: 8, column: 3, endLine: 8, endColumn: 16 }],
    },
    {
      // an exported raw CryptoKey dropped
      code: "export class Vault {\n  private raw: ArrayBuffer | null = null;\n  async init(k: CryptoKey) {\n    this.raw = await crypto.subtle.exportKey('raw', k);\n  }\n  lock() {\n    // forget the exported key\n    this.raw = null;\n  }\n}\n",
      filename: 'src/d13-webcrypto-export-drop.ts',
      errors: [{ messageId: 'keyDropped', line: 8, column: 5, endLine: 8, endColumn: 20 }],
    },
    {
      // a KMS plaintext data key logged as base64 (and never wiped)
      code: "import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';\nconst kms = new KMSClient({});\nexport async function mk() {\n  const out = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/x', KeySpec: 'AES_256' }));\n  console.log('data key', Buffer.from(out.Plaintext!).toString('base64'));\n  return out.CiphertextBlob;\n}\n",
      filename: 'src/l13-kms-plaintext-log.ts',
      errors: [{ messageId: 'keyNotWiped', line: 4, column: 9, endLine: 4, endColumn: 12 }],
    },
    {
      // DEKs handed in as parameters (named and typed as key bytes), dropped from a Map and a field without a wipe
      code: 'export class DekCache {\n  private readonly deks = new Map<string, Buffer>();\n  private current: Buffer | null = null;\n  put(id: string, dek: Buffer): void {\n    this.deks.set(id, dek);\n    this.current = dek;\n  }\n  evict(id: string): void {\n    this.deks.delete(id);\n  }\n  reset(): void {\n    this.current = null;\n  }\n}',
      filename: 'src/dek-cache.ts',
      errors: [
        { messageId: 'keyDropped', line: 9, column: 5, endLine: 9, endColumn: 25, suggestions: [] },
        { messageId: 'keyDropped', line: 12, column: 5, endLine: 12, endColumn: 24, suggestions: [] },
      ],
    },
    {
      // a sync delete where await is not legal: no suggestion
      code: "import fs from 'node:fs';\nexport function cleanup(dir: string) {\n  fs.unlinkSync(`${dir}/server.key`);\n}",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 37,
          suggestions: [],
        },
      ],
    },
    {
      code: "import fs from 'node:fs';\nexport async function cleanup(dir: string) {\n  fs.unlinkSync(`${dir}/server.key`);\n}",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useDestroyKeyFile',
              output:
                "import fs from 'node:fs';\nimport { destroyKeyFile } from 'keyhygiene/keys';\nexport async function cleanup(dir: string) {\n  await destroyKeyFile(`${dir}/server.key`);\n}",
            },
          ],
        },
      ],
    },
    {
      // the name says it is a key file
      code: "import { unlink } from 'node:fs/promises';\nexport async function rotate(keyPath: string) {\n  await unlink(keyPath);\n}",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'useDestroyKeyFile',
              output:
                "import { unlink } from 'node:fs/promises';\nimport { destroyKeyFile } from 'keyhygiene/keys';\nexport async function rotate(keyPath: string) {\n  await destroyKeyFile(keyPath);\n}",
            },
          ],
        },
      ],
    },
    {
      // a path that earlier code wrote key material to
      code: "import fs from 'node:fs';\nimport { randomBytes } from 'node:crypto';\nconst p = '/tmp/session-material';\nconst key = randomBytes(32);\nfs.writeFileSync(p, key);\nfs.unlinkSync(p);",
      filename: 'scripts/gen.mjs',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'useDestroyKeyFile',
              output:
                "import fs from 'node:fs';\nimport { randomBytes } from 'node:crypto';\nimport { destroyKeyFile } from 'keyhygiene/keys';\nconst p = '/tmp/session-material';\nconst key = randomBytes(32);\nfs.writeFileSync(p, key);\nawait destroyKeyFile(p);",
            },
          ],
        },
      ],
    },
    {
      // callback style
      code: "import fs from 'fs';\nfs.unlink('/etc/app/id_rsa', done);",
      filename: 'src/a.js',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'useDestroyKeyFile',
              output:
                "import fs from 'fs';\nimport { destroyKeyFile } from 'keyhygiene/keys';\ndestroyKeyFile('/etc/app/id_rsa').then(() => done(null), done);",
            },
          ],
        },
      ],
    },
    {
      code: "import fs from 'node:fs';\nfs.promises.rm('certs/client.p12').then(done);",
      filename: 'src/a.js',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'useDestroyKeyFile',
              output:
                "import fs from 'node:fs';\nimport { destroyKeyFile } from 'keyhygiene/keys';\ndestroyKeyFile('certs/client.p12').then(done);",
            },
          ],
        },
      ],
    },
    {
      // CommonJS: no import can be added, so no suggestion
      code: "const fs = require('fs');\nconst path = require('path');\nfs.rmSync(path.join(home, '.ssh', 'id_ed25519'));",
      filename: 'lib/clean.cjs',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 49,
          suggestions: [],
        },
      ],
    },
    {
      // a directory: reported, but destroyKeyFile takes one file, so no suggestion
      code: "import fse from 'fs-extra';\nimport path from 'node:path';\nexport async function reset(root: string) {\n  await fse.remove(path.join(root, 'secrets'));\n}",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 47,
          suggestions: [],
        },
      ],
    },
    {
      // only the drop in close() is reported, not the constructor initialisation
      code: "import { randomBytes } from 'node:crypto';\nexport class Box {\n  private key: Buffer | null;\n  constructor() {\n    this.key = null;\n  }\n  open() {\n    this.key = randomBytes(32);\n  }\n  close() {\n    this.key = null;\n  }\n}",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'keyDropped',
          line: 11,
          column: 5,
          endLine: 11,
          endColumn: 20,
          suggestions: [],
        },
      ],
    },
    {
      code: "import { scryptSync } from 'node:crypto';\nconst keys = new Map();\nexport function add(id, pw, salt) {\n  keys.set(id, scryptSync(pw, salt, 32));\n}\nexport function remove(id) {\n  keys.delete(id);\n}",
      filename: 'src/keys.js',
      errors: [
        {
          messageId: 'keyDropped',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 18,
          suggestions: [],
        },
      ],
    },
    {
      code: "import { scryptSync, randomBytes } from 'node:crypto';\nexport function f(pw: string, salt: Buffer) {\n  let dek = scryptSync(pw, salt, 32);\n  use(dek);\n  dek = null;\n  const session = { key: randomBytes(32), user: 'u' };\n  delete session.key;\n}",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'keyDropped',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 13,
          suggestions: [],
        },
        {
          messageId: 'keyDropped',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 21,
          suggestions: [],
        },
      ],
    },
    {
      code: "import { loadSecret } from 'keyhygiene/keys';\nlet signing = await loadSecret('signing-key');\nexport function stop() {\n  signing = undefined;\n}",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'keyDropped',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 22,
          suggestions: [],
        },
      ],
    },
    {
      // never wiped
      code: "import { scryptSync } from 'node:crypto';\nexport function seal(pw: string, salt: Buffer, data: Buffer) {\n  const key = scryptSync(pw, salt, 32);\n  const out = encrypt(key, data);\n  return out;\n}",
      filename: 'src/a.ts',
      options: [{ memory: 'all-exits' }],
      errors: [
        {
          messageId: 'keyNotWiped',
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'wipeInFinally',
              output:
                "import { scryptSync } from 'node:crypto';\nexport function seal(pw: string, salt: Buffer, data: Buffer) {\n  const key = scryptSync(pw, salt, 32);\n  try {\n    const out = encrypt(key, data);\n    return out;\n  } finally {\n    key.fill(0);\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      // a wipe at the end misses the early return
      code: "import { scryptSync } from 'node:crypto';\nexport function seal(pw: string, salt: Buffer, data: Buffer) {\n  const key = scryptSync(pw, salt, 32);\n  if (!data.length) return null;\n  const out = encrypt(key, data);\n  key.fill(0);\n  return out;\n}",
      filename: 'src/a.ts',
      options: [{ memory: 'all-exits' }],
      errors: [
        {
          messageId: 'wipeMissesExits',
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'wipeInFinally',
              output:
                "import { scryptSync } from 'node:crypto';\nexport function seal(pw: string, salt: Buffer, data: Buffer) {\n  const key = scryptSync(pw, salt, 32);\n  try {\n    if (!data.length) return null;\n    const out = encrypt(key, data);\n    return out;\n  } finally {\n    key.fill(0);\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      code: "import crypto from 'node:crypto';\nexport function derive(ikm: Buffer, salt: Buffer) {\n  const macKey = Buffer.from(crypto.hkdfSync('sha256', ikm, salt, 'mac', 32));\n  const raw = crypto.generateKeySync('hmac', { length: 256 }).export();\n  const dataKey = crypto.randomBytes(32);\n  sign(raw, dataKey);\n}",
      filename: 'src/derive.js',
      options: [{ memory: 'all-exits' }],
      errors: [
        {
          messageId: 'keyNotWiped',
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'wipeInFinally',
              output:
                "import crypto from 'node:crypto';\nexport function derive(ikm: Buffer, salt: Buffer) {\n  const macKey = Buffer.from(crypto.hkdfSync('sha256', ikm, salt, 'mac', 32));\n  try {\n    const raw = crypto.generateKeySync('hmac', { length: 256 }).export();\n    const dataKey = crypto.randomBytes(32);\n    sign(raw, dataKey);\n  } finally {\n    macKey.fill(0);\n  }\n}",
            },
          ],
        },
        {
          messageId: 'keyNotWiped',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'wipeInFinally',
              output:
                "import crypto from 'node:crypto';\nexport function derive(ikm: Buffer, salt: Buffer) {\n  const macKey = Buffer.from(crypto.hkdfSync('sha256', ikm, salt, 'mac', 32));\n  const raw = crypto.generateKeySync('hmac', { length: 256 }).export();\n  try {\n    const dataKey = crypto.randomBytes(32);\n    sign(raw, dataKey);\n  } finally {\n    raw.fill(0);\n  }\n}",
            },
          ],
        },
        {
          messageId: 'keyNotWiped',
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'wipeInFinally',
              output:
                "import crypto from 'node:crypto';\nexport function derive(ikm: Buffer, salt: Buffer) {\n  const macKey = Buffer.from(crypto.hkdfSync('sha256', ikm, salt, 'mac', 32));\n  const raw = crypto.generateKeySync('hmac', { length: 256 }).export();\n  const dataKey = crypto.randomBytes(32);\n  try {\n    sign(raw, dataKey);\n  } finally {\n    dataKey.fill(0);\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      // a key kept as a string
      code: "import { scryptSync } from 'node:crypto';\nexport class Vault {\n  open(pw, salt) {\n    this.keyHex = scryptSync(pw, salt, 32).toString('hex');\n  }\n}",
      filename: 'src/vault.js',
      options: [{ memory: 'all-exits' }],
      errors: [
        {
          messageId: 'keyAsString',
          line: 4,
          column: 19,
          endLine: 4,
          endColumn: 59,
          suggestions: [],
        },
      ],
    },
    {
      // rimraf and del
      code: "import { rimraf } from 'rimraf';\nimport { deleteSync } from 'del';\nexport async function clean() {\n  await rimraf('/var/lib/app/keystore');\n  deleteSync(['deploy/secrets/prod.env']);\n}",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 40,
          suggestions: [],
        },
        {
          messageId: 'keyFileDeleted',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'useDestroyKeyFile',
              output:
                "import { rimraf } from 'rimraf';\nimport { deleteSync } from 'del';\nimport { destroyKeyFile } from 'keyhygiene/keys';\nexport async function clean() {\n  await rimraf('/var/lib/app/keystore');\n  await destroyKeyFile('deploy/secrets/prod.env');\n}",
            },
          ],
        },
      ],
    },
  ],
});

// Holders whose declaration says key bytes (src/rule-kit/key-holders.ts): a key map, a byte-typed field or binding.
ruleTester.run('no-unsafe-key-deletion (declared key holders)', rule, {
  valid: [
    // a Map of user records, a string field, and a wipe before the delete
    {
      code: "const userCache = new Map<string, Buffer>();\nexport const forget = (id: string) => userCache.delete(id);\nclass A {\n  private label: string | null = null;\n  private deks = new Map<string, Buffer>();\n  close() {\n    this.label = null;\n    this.deks.get('x')?.fill(0);\n    this.deks.delete('x');\n  }\n}",
      filename: 'src/cache.ts',
    },
  ],
  invalid: [
    {
      code: 'export class DataKeyCache {\n  private readonly deks = new Map<string, Buffer>();\n  private signingKey: Buffer | null = null;\n  private label: string | null = null;\n  evict(id: string): void {\n    this.deks.delete(id);\n  }\n  close(): void {\n    this.signingKey = null;\n    this.label = null;\n  }\n  safeEvict(id: string): void {\n    this.deks.get(id)?.fill(0);\n    this.deks.delete(id);\n  }\n}\nlet sessionKey: Uint8Array | undefined;\nexport function logout(): void {\n  sessionKey = undefined;\n}\nconst userCache = new Map<string, Buffer>();\nexport const forget = (id: string) => userCache.delete(id);\n',
      filename: 'src/data-key-cache.ts',
      errors: [
        { messageId: 'keyDropped', line: 6, column: 5, endLine: 6, endColumn: 25 },
        { messageId: 'keyDropped', line: 9, column: 5, endLine: 9, endColumn: 27 },
        { messageId: 'keyDropped', line: 19, column: 3, endLine: 19, endColumn: 25 },
      ],
    },
  ],
});
