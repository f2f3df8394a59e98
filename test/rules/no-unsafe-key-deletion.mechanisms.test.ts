/**
 * no-unsafe-key-deletion on what strangers write (issue 11, session 22, branch rdel5): key holders filled by a call
 * whose result is a secret by what it does (EC private keys, DH shared secrets, libsodium/tweetnacl keys, noble KDFs),
 * whatever their names; records with a KMS plaintext data key kept in a collection; key files written after the
 * delete, credential records written to a CLI file, paths from same-file helpers, `keyfile` names; key items removed
 * from plaintext stores (AsyncStorage, localStorage, electron-store). Near misses: public keys, wiped holders,
 * CryptoKey handles, records without key bytes, non-secret records, OS keychain deletes, token items.
 */
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-unsafe-key-deletion (strangers, session 22)', rule, {
  valid: [
    {
      code: "import { x25519 } from '@noble/curves/ed25519';\nimport sodium from 'libsodium-wrappers';\n\nexport class Handshake {\n  private priv: Uint8Array | null = x25519.utils.randomPrivateKey();\n  private pub: Uint8Array | null;\n  private box: Uint8Array | null = null;\n\n  constructor() {\n    this.pub = x25519.getPublicKey(this.priv!);\n  }\n\n  open(peer: Uint8Array): void {\n    this.box = sodium.crypto_box_beforenm(peer, this.priv!);\n  }\n\n  close(): void {\n    this.priv?.fill(0);\n    this.priv = null;\n    this.pub = null;\n    if (this.box) sodium.memzero(this.box);\n    this.box = null;\n  }\n}\n\nlet derived: CryptoKey | null = null;\nexport async function derive(base: CryptoKey, salt: Uint8Array): Promise<void> {\n  derived = await crypto.subtle.deriveKey(\n    { name: 'HKDF', hash: 'SHA-256', salt, info: new Uint8Array() },\n    base,\n    { name: 'AES-GCM', length: 256 },\n    false,\n    ['encrypt'],\n  );\n}\nexport function forget(): void {\n  derived = null;\n}\n",
      filename: 'src/a-ok.ts',
    },
    {
      code: "const fs = require('fs');\nconst path = require('path');\n\nconst PREFS = path.join(__dirname, 'prefs.json');\nconst CURSOR = path.join(__dirname, 'cursor.json');\n\nfunction savePrefs(theme) {\n  fs.writeFileSync(PREFS, JSON.stringify({ theme, savedAt: Date.now() }));\n}\nfunction saveCursor(nextPageToken) {\n  fs.writeFileSync(CURSOR, JSON.stringify({ nextPageToken }));\n}\nfunction reset() {\n  fs.unlinkSync(PREFS);\n  fs.unlinkSync(CURSOR);\n}\nfunction publicKeyLocation() {\n  return path.join(__dirname, 'keys', 'signing.pub');\n}\nfunction dropPublic() {\n  fs.rmSync(publicKeyLocation());\n}\nfunction clearScratch(tmpfile, cb) {\n  fs.unlink(tmpfile, cb);\n}\nmodule.exports = { savePrefs, saveCursor, reset, dropPublic, clearScratch };\n",
      filename: 'src/b-ok.js',
    },
    {
      code: "import AsyncStorage from '@react-native-async-storage/async-storage';\nimport * as SecureStore from 'expo-secure-store';\nimport EncryptedStorage from 'react-native-encrypted-storage';\nimport keytar from 'keytar';\n\nexport async function logout(): Promise<void> {\n  await AsyncStorage.removeItem('token');\n  await AsyncStorage.removeItem('publicKey');\n  await AsyncStorage.removeItem('cacheKey');\n  await SecureStore.deleteItemAsync('privateKey');\n  await EncryptedStorage.removeItem('wallet_seed');\n  await keytar.deletePassword('acme', 'signing-key');\n  localStorage.removeItem('theme');\n}\n",
      filename: 'src/c-ok.ts',
    },
    {
      code: "import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';\n\nconst kms = new KMSClient({});\nconst wrappedOnly = new Map();\nconst live = new Map();\n\nexport async function remember(id: string) {\n  const out = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/app', KeySpec: 'AES_256' }));\n  wrappedOnly.set(id, { ciphertext: out.CiphertextBlob, keyId: out.KeyId });\n  live.set(id, { plaintext: out.Plaintext, at: Date.now() });\n}\n\nexport function drop(id: string) {\n  wrappedOnly.delete(id);\n  live.get(id)?.plaintext?.fill(0);\n  live.delete(id);\n}\n",
      filename: 'src/d-ok.ts',
    },
    {
      // near miss: a cached signing key typed as jose returns it (a CryptoKey handle, or bytes for oct keys only)
      code: "import { importJWK, type JWK } from 'jose';\n\nlet signer: { kid: string; key: CryptoKey | Uint8Array } | null = null;\n\nexport async function load(jwk: JWK & { kid: string }) {\n  signer = { kid: jwk.kid, key: await importJWK(jwk, 'EdDSA') };\n}\n\nexport function unload() {\n  signer = null;\n}\n",
      filename: 'src/jose-union-ok.ts',
    },
  ],
  invalid: [
    {
      code: "import { hkdf } from '@noble/hashes/hkdf';\nimport { sha256 } from '@noble/hashes/sha2';\n\nexport class Ratchet {\n  private root: Uint8Array | null;\n\n  constructor(shared: Uint8Array) {\n    this.root = hkdf(sha256, shared, undefined, 'root', 32);\n  }\n\n  reset(): void {\n    this.root = null;\n  }\n}\n",
      filename: 'src/a-hkdf-root.ts',
      errors: [{ messageId: 'keyDropped', line: 12, column: 5, endLine: 12, endColumn: 21, suggestions: [] }],
    },
    {
      code: "import nacl from 'tweetnacl';\n\nlet shared: Uint8Array = new Uint8Array(0);\n\nexport function join(ownerPublic: Uint8Array, mine: nacl.BoxKeyPair): void {\n  shared = nacl.box.before(ownerPublic, mine.secretKey);\n}\n\nexport function leave(): void {\n  shared = new Uint8Array(0);\n}\n",
      filename: 'src/a-nacl-room.ts',
      errors: [{ messageId: 'keyDropped', line: 10, column: 3, endLine: 10, endColumn: 29, suggestions: [] }],
    },
    {
      code: "import { secp256k1 } from '@noble/curves/secp256k1';\n\nexport class EciesSession {\n  private ephemeral: Uint8Array | undefined;\n\n  begin(): Uint8Array {\n    this.ephemeral = secp256k1.utils.randomPrivateKey();\n    return secp256k1.getPublicKey(this.ephemeral, true);\n  }\n\n  end(): void {\n    this.ephemeral = undefined;\n  }\n}\n",
      filename: 'src/a-noble-ephemeral.ts',
      errors: [{ messageId: 'keyDropped', line: 12, column: 5, endLine: 12, endColumn: 31, suggestions: [] }],
    },
    {
      code: "import sodium from 'libsodium-wrappers';\n\nexport class PeerLink {\n  private precomputed: Uint8Array | null = null;\n\n  async connect(theirPublic: Uint8Array, mySecret: Uint8Array): Promise<void> {\n    await sodium.ready;\n    this.precomputed = sodium.crypto_box_beforenm(theirPublic, mySecret);\n  }\n\n  disconnect(): void {\n    this.precomputed = null;\n  }\n}\n",
      filename: 'src/a-sodium-beforenm.ts',
      errors: [{ messageId: 'keyDropped', line: 12, column: 5, endLine: 12, endColumn: 28, suggestions: [] }],
    },
    {
      code: "const crypto = require('crypto');\n\nconst sessions = {};\n\nfunction handshake(id, peerPublic) {\n  const ecdh = crypto.createECDH('prime256v1');\n  const pub = ecdh.generateKeys();\n  sessions[id] = { pub };\n  sessions[id].shared = ecdh.computeSecret(peerPublic);\n  return pub;\n}\n\nfunction hangUp(id) {\n  delete sessions[id].shared;\n}\n\nmodule.exports = { handshake, hangUp };\n",
      filename: 'src/a-ecdh-session.js',
      errors: [{ messageId: 'keyDropped', line: 14, column: 3, endLine: 14, endColumn: 29, suggestions: [] }],
    },
    {
      code: "import fs from 'node:fs';\nimport os from 'node:os';\nimport path from 'node:path';\n\nfunction deployKeyLocation(profile: string) {\n  return path.join(os.homedir(), '.config', 'shipit', `${profile}-deploy.pem`);\n}\n\nexport function forgetProfile(profile: string): void {\n  fs.rmSync(deployKeyLocation(profile), { force: true });\n}\n",
      filename: 'src/b-helper-path.ts',
      errors: [{ messageId: 'keyFileDeleted', line: 10, column: 3, endLine: 10, endColumn: 57, suggestions: [] }],
    },
    {
      code: "import { rm, writeFile } from 'node:fs/promises';\nimport sodium from 'libsodium-wrappers';\n\nexport async function rotateVaultKey(target: string): Promise<void> {\n  await sodium.ready;\n  await rm(target, { force: true });\n  const fresh = sodium.crypto_secretbox_keygen();\n  await writeFile(target, Buffer.from(fresh), { mode: 0o600 });\n}\n",
      filename: 'src/b-rotate-write-after.ts',
      errors: [{ messageId: 'keyFileDeleted', line: 6, column: 9, endLine: 6, endColumn: 36, suggestions: [] }],
    },
    {
      code: "const fs = require('fs');\nconst os = require('os');\nconst path = require('path');\n\nconst SESSION_FILE = path.join(os.homedir(), '.deployctl', 'session.json');\n\nfunction saveSession(accessToken, refreshToken) {\n  fs.mkdirSync(path.dirname(SESSION_FILE), { recursive: true });\n  fs.writeFileSync(SESSION_FILE, JSON.stringify({ accessToken, refreshToken, savedAt: Date.now() }), { mode: 0o600 });\n}\n\nfunction logout() {\n  if (fs.existsSync(SESSION_FILE)) fs.unlinkSync(SESSION_FILE);\n}\n\nmodule.exports = { saveSession, logout };\n",
      filename: 'src/b-cli-logout.js',
      errors: [{ messageId: 'keyFileDeleted', line: 13, column: 36, endLine: 13, endColumn: 63, suggestions: [] }],
    },
    {
      code: "const fs = require('fs');\n\nfunction importAndDiscard(keyfile, done) {\n  const pem = fs.readFileSync(keyfile, 'utf8');\n  register(pem);\n  fs.unlink(keyfile, done);\n}\n\nfunction register(pem) {\n  return pem.length;\n}\n\nmodule.exports = { importAndDiscard };\n",
      filename: 'src/b-keyfile-param.js',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useDestroyKeyFile',
              output:
                "import { destroyKeyFile } from 'keyhygiene/keys';\nconst fs = require('fs');\n\nfunction importAndDiscard(keyfile, done) {\n  const pem = fs.readFileSync(keyfile, 'utf8');\n  register(pem);\n  destroyKeyFile(keyfile).then(() => done(null), done);\n}\n\nfunction register(pem) {\n  return pem.length;\n}\n\nmodule.exports = { importAndDiscard };\n",
            },
          ],
        },
      ],
    },
    {
      code: "import AsyncStorage from '@react-native-async-storage/async-storage';\n\nconst WALLET_SEED = '@acme-wallet/seed';\n\nexport async function forgetWallet(): Promise<void> {\n  await AsyncStorage.removeItem(WALLET_SEED);\n}\n",
      filename: 'src/c-async-seed.ts',
      errors: [{ messageId: 'keyItemRemoved', line: 6, column: 9, endLine: 6, endColumn: 45, suggestions: [] }],
    },
    {
      code: "import Store from 'electron-store';\n\nconst settings = new Store({ name: 'settings' });\n\nexport function unlinkDevice(): void {\n  settings.delete('encryptionKey');\n}\n",
      filename: 'src/c-electron-store.ts',
      errors: [{ messageId: 'keyItemRemoved', line: 6, column: 3, endLine: 6, endColumn: 35, suggestions: [] }],
    },
    {
      code: "export function signOut(): void {\n  window.localStorage.removeItem('e2ee.identityPrivateKey');\n  window.localStorage.removeItem('e2ee.deviceName');\n  location.assign('/login');\n}\n",
      filename: 'src/c-localstorage.ts',
      errors: [{ messageId: 'keyItemRemoved', line: 2, column: 3, endLine: 2, endColumn: 60, suggestions: [] }],
    },
    {
      code: "import AsyncStorage from '@react-native-async-storage/async-storage';\n\nexport async function wipeAccount() {\n  await AsyncStorage.multiRemove(['account', 'mnemonic', 'lastSync']);\n}\n",
      filename: 'src/c-multiremove.js',
      errors: [{ messageId: 'keyItemRemoved', line: 4, column: 9, endLine: 4, endColumn: 70, suggestions: [] }],
    },
    {
      code: "import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';\n\nconst kms = new KMSClient({});\nconst byTenant = new Map<string, { plaintext: Uint8Array; encrypted: Uint8Array }>();\n\nexport async function keyFor(tenant: string) {\n  const out = await kms.send(new GenerateDataKeyCommand({ KeyId: process.env.CMK_ARN, KeySpec: 'AES_256' }));\n  const entry = { plaintext: out.Plaintext!, encrypted: out.CiphertextBlob! };\n  byTenant.set(tenant, entry);\n  return entry;\n}\n\nexport function offboard(tenant: string) {\n  byTenant.delete(tenant);\n}\n",
      filename: 'src/d-kms-record.ts',
      errors: [{ messageId: 'keyDropped', line: 14, column: 3, endLine: 14, endColumn: 26, suggestions: [] }],
    },
    {
      code: "import sodium from 'libsodium-wrappers';\n\nexport class RoomKeys {\n  private readonly open = new Map<string, { secret: Uint8Array; created: number }>();\n\n  create(room: string): void {\n    this.open.set(room, { secret: sodium.crypto_secretbox_keygen(), created: Date.now() });\n  }\n\n  archive(room: string): void {\n    this.open.delete(room);\n  }\n}\n",
      filename: 'src/d-sodium-record.ts',
      errors: [{ messageId: 'keyDropped', line: 11, column: 5, endLine: 11, endColumn: 27, suggestions: [] }],
    },
    {
      code: "const AWS = require('aws-sdk');\n\nconst kms = new AWS.KMS();\nconst cache = new Map();\n\nasync function dataKey(scope) {\n  const { Plaintext, CiphertextBlob } = await kms.generateDataKey({ KeyId: process.env.KEY_ID, KeySpec: 'AES_256' }).promise();\n  cache.set(scope, { key: Buffer.from(Plaintext), wrapped: CiphertextBlob, at: Date.now() });\n  return cache.get(scope);\n}\n\nfunction flush() {\n  cache.clear();\n}\n\nmodule.exports = { dataKey, flush };\n",
      filename: 'src/d-kms-v2.js',
      errors: [{ messageId: 'keyDropped', line: 13, column: 3, endLine: 13, endColumn: 16, suggestions: [] }],
    },
  ],
});
