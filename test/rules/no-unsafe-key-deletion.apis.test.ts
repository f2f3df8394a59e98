/**
 * no-unsafe-key-deletion on the deletion APIs of the coverage table (issue 11, session 23, branch riv6): rows that
 * were not covered before this branch (fs-extra emptyDir, trash, shelljs rm; sessionStorage, extension storage,
 * localforage and idb-keyval; caches emptied with clear/del/flushAll; a key replaced by a new one without a wipe),
 * and the precision rows (a key file overwritten in place before the unlink; caches of wrapped keys, which hold
 * ciphertext); each with its safe form as a near miss.
 */
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-unsafe-key-deletion (API coverage, session 23)', rule, {
  valid: [
    {
      // near miss: emptyDir on build output and a cache directory
      code: "import fse from 'fs-extra';\nimport { join } from 'node:path';\n\nexport async function clean(root: string): Promise<void> {\n  await fse.emptyDir(join(root, 'dist'));\n  fse.emptyDirSync(join(root, '.cache'));\n}\n",
      filename: 'src/empty-dir-ok.ts',
    },
    {
      // near miss: shelljs rm on build output, and a key file shredded first
      code: "import shell from 'shelljs';\n\nexport function cleanup(): void {\n  shell.rm('-rf', 'dist');\n  shell.exec('shred -u certs/server.key');\n}\n",
      filename: 'src/shelljs-rm-ok.ts',
    },
    {
      // near miss: the key file is overwritten in place (zeros of its size, random bytes) before the unlink
      code: "import fs from 'node:fs';\nimport crypto from 'node:crypto';\n\nexport function destroyKey(keyPath: string): void {\n  const { size } = fs.statSync(keyPath);\n  fs.writeFileSync(keyPath, Buffer.alloc(size));\n  fs.unlinkSync(keyPath);\n}\n\nexport function destroyPem(pemPath: string): void {\n  fs.writeFileSync(pemPath, crypto.randomBytes(fs.statSync(pemPath).size));\n  fs.unlinkSync(pemPath);\n}\n",
      filename: 'src/overwrite-then-unlink.ts',
    },
    {
      // near misses: items that are not keys, memory-only extension storage, and the OS keychains
      code: "import localforage from 'localforage';\nimport keytar from 'keytar';\nimport * as SecureStore from 'expo-secure-store';\n\nexport async function signOut(account: string): Promise<void> {\n  sessionStorage.removeItem('returnTo');\n  await chrome.storage.session.remove('privateKey');\n  await localforage.removeItem('theme');\n  await keytar.deletePassword('acme-wallet', account);\n  await SecureStore.deleteItemAsync('privateKey');\n}\n",
      filename: 'src/browser-stores-ok.ts',
    },
    {
      // near misses: every entry wiped before clear(); a cache of wrapped (encrypted) keys; a cache of key ids
      code: "import crypto from 'node:crypto';\n\nconst keyCache = new Map<string, Buffer>();\nconst wrappedKeys = new Map<string, Buffer>();\nconst encryptedDeks: Record<string, Buffer> = {};\nconst keyIds = new Map<string, string>();\n\nexport function issue(tenant: string, wrappedKey: Buffer, encryptedDek: Buffer): void {\n  keyCache.set(tenant, crypto.randomBytes(32));\n  wrappedKeys.set(tenant, wrappedKey);\n  encryptedDeks[tenant] = encryptedDek;\n  keyIds.set(tenant, crypto.randomUUID());\n}\nexport function reset(tenant: string): void {\n  for (const k of keyCache.values()) k.fill(0);\n  keyCache.clear();\n  wrappedKeys.delete(tenant);\n  delete encryptedDeks[tenant];\n  keyIds.delete(tenant);\n}\n",
      filename: 'src/key-cache-clear-ok.ts',
    },
    {
      // near misses: the old key kept before the new one replaces it (pushed to a keyring, stored under its id, held in a local that is returned)
      code: "import crypto from 'node:crypto';\n\nexport class Keyring {\n  private active: Buffer = crypto.randomBytes(32);\n  private readonly retired: Buffer[] = [];\n  private readonly byId = new Map<string, Buffer>();\n  rotate(): void {\n    this.retired.push(this.active);\n    this.active = crypto.randomBytes(32);\n  }\n  rotateTo(id: string): void {\n    this.byId.set(id, this.active);\n    this.active = crypto.randomBytes(32);\n  }\n  swap(): Buffer {\n    const old = this.active;\n    this.active = crypto.randomBytes(32);\n    return old;\n  }\n}\n",
      filename: 'src/rotate-keyring-ok.ts',
    },
    {
      // near misses: the old key wiped first; a key set for the first time (lazy, in init()); set inside a test of itself
      code: "import crypto from 'node:crypto';\n\nlet masterKey = crypto.randomBytes(32);\n\nexport function rotateMaster(): void {\n  masterKey.fill(0);\n  masterKey = crypto.randomBytes(32);\n}\n\nexport class SessionCipher {\n  private sessionKey?: Buffer;\n  init(): void {\n    this.sessionKey = crypto.randomBytes(32);\n  }\n  key(): Buffer {\n    if (!this.sessionKey) this.sessionKey = crypto.randomBytes(32);\n    return this.sessionKey;\n  }\n}\n",
      filename: 'src/rotate-with-wipe-ok.ts',
    },
    {
      // near misses: keys wiped with @noble/hashes clean(), crypto.randomFill and sodium-native sodium_memzero before they are dropped
      code: "import { clean, randomBytes } from '@noble/hashes/utils.js';\nimport crypto from 'node:crypto';\nimport sodium from 'sodium-native';\n\nexport class Session {\n  private secretKey: Uint8Array | null = randomBytes(32);\n  private dataKey: Buffer | null = crypto.randomBytes(32);\n  private boxKey: Buffer | null = sodium.sodium_malloc(32);\n  close(): void {\n    clean(this.secretKey!);\n    this.secretKey = null;\n    crypto.randomFill(this.dataKey!, () => undefined);\n    this.dataKey = null;\n    sodium.sodium_memzero(this.boxKey!);\n    this.boxKey = null;\n  }\n}\n",
      filename: 'src/wipe-helpers-ok.ts',
    },
  ],
  invalid: [
    {
      // fs-extra emptyDir on the .ssh directory, and emptyDirSync on a keys directory
      code: "import fse from 'fs-extra';\nimport { emptyDirSync } from 'fs-extra';\nimport { join } from 'node:path';\n\nexport async function resetAgent(home: string): Promise<void> {\n  await fse.emptyDir(join(home, '.ssh'));\n}\n\nexport function wipeKeyring(dataDir: string): void {\n  emptyDirSync(join(dataDir, 'keys'));\n}\n",
      filename: 'src/empty-ssh-dir.ts',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useDestroyKeyFile',
              output:
                "import fse from 'fs-extra';\nimport { emptyDirSync } from 'fs-extra';\nimport { join } from 'node:path';\nimport { destroyKeyFile } from 'keyhygiene/keys';\n\nexport async function resetAgent(home: string): Promise<void> {\n  await destroyKeyFile(join(home, '.ssh'));\n}\n\nexport function wipeKeyring(dataDir: string): void {\n  emptyDirSync(join(dataDir, 'keys'));\n}\n",
            },
          ],
        },
        {
          messageId: 'keyFileDeleted',
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 38,
          suggestions: [],
        },
      ],
    },
    {
      // trash moves a private key to the OS trash, whole and restorable
      code: "import trash from 'trash';\n\nexport async function retireDeployKey(sshDir: string): Promise<void> {\n  await trash([`${sshDir}/id_ed25519`]);\n}\n",
      filename: 'src/trash-key.ts',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'useDestroyKeyFile',
              output:
                "import trash from 'trash';\nimport { destroyKeyFile } from 'keyhygiene/keys';\n\nexport async function retireDeployKey(sshDir: string): Promise<void> {\n  await destroyKeyFile(`${sshDir}/id_ed25519`);\n}\n",
            },
          ],
        },
      ],
    },
    {
      // shelljs rm with and without flags on key files
      code: "import shell from 'shelljs';\n\nexport function cleanupCerts(tlsKeyPath: string): void {\n  shell.rm('-f', 'certs/server.key');\n  shell.rm(tlsKeyPath);\n}\n",
      filename: 'src/shelljs-rm.ts',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 37,
          suggestions: [],
        },
        {
          messageId: 'keyFileDeleted',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    {
      // key items removed from stores that keep them in plaintext files: sessionStorage, extension storage, IndexedDB wrappers
      code: "import localforage from 'localforage';\nimport { del } from 'idb-keyval';\n\nexport async function signOut(): Promise<void> {\n  sessionStorage.removeItem('privateKey');\n  await chrome.storage.local.remove('walletSeed');\n  await localforage.removeItem('signing_private_key');\n  await del('identity-secret-key');\n}\n",
      filename: 'src/browser-stores.ts',
      errors: [
        {
          messageId: 'keyItemRemoved',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 42,
          suggestions: [],
        },
        {
          messageId: 'keyItemRemoved',
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 50,
          suggestions: [],
        },
        {
          messageId: 'keyItemRemoved',
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 54,
          suggestions: [],
        },
        {
          messageId: 'keyItemRemoved',
          line: 8,
          column: 9,
          endLine: 8,
          endColumn: 35,
          suggestions: [],
        },
      ],
    },
    {
      // caches named for keys emptied: Map.clear(), node-cache del(), a cache-manager style flushAll()
      code: "import crypto from 'node:crypto';\nimport NodeCache from 'node-cache';\n\nconst keyCache = new Map<string, Buffer>();\nconst dekStore = new NodeCache({ stdTTL: 300 });\n\nexport function issue(tenant: string): Buffer {\n  const k = crypto.randomBytes(32);\n  keyCache.set(tenant, k);\n  return k;\n}\nexport function remember(tenant: string, dataKey: Buffer): void {\n  dekStore.set(tenant, dataKey, 300);\n}\nexport function reset(tenant: string): void {\n  keyCache.clear();\n  dekStore.del(tenant);\n}\nexport function flush(): void {\n  dekStore.flushAll();\n}\n",
      filename: 'src/key-cache-clear.ts',
      errors: [
        {
          messageId: 'keyDropped',
          line: 16,
          column: 3,
          endLine: 16,
          endColumn: 19,
          suggestions: [],
        },
        {
          messageId: 'keyDropped',
          line: 17,
          column: 3,
          endLine: 17,
          endColumn: 23,
          suggestions: [],
        },
        {
          messageId: 'keyDropped',
          line: 20,
          column: 3,
          endLine: 20,
          endColumn: 22,
          suggestions: [],
        },
      ],
    },
    {
      // a key replaced by a new one without a wipe: a module binding, a field initialiser, a field set in the constructor
      code: "import crypto from 'node:crypto';\n\nlet masterKey = crypto.randomBytes(32);\n\nexport function rotateMaster(): number {\n  masterKey = crypto.randomBytes(32);\n  return masterKey.length;\n}\n\nexport class SessionCipher {\n  private sessionKey: Buffer = crypto.randomBytes(32);\n  rekey(): void {\n    this.sessionKey = crypto.randomBytes(32);\n  }\n}\n\nexport class Vault {\n  private dataKey: Buffer;\n  constructor(password: string, salt: Buffer) {\n    this.dataKey = crypto.scryptSync(password, salt, 32);\n  }\n  changePassword(password: string, salt: Buffer): void {\n    this.dataKey = crypto.scryptSync(password, salt, 32);\n  }\n}\n",
      filename: 'src/rotate-without-wipe.ts',
      errors: [
        {
          messageId: 'keyDropped',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 37,
          suggestions: [],
        },
        {
          messageId: 'keyDropped',
          line: 13,
          column: 5,
          endLine: 13,
          endColumn: 45,
          suggestions: [],
        },
        {
          messageId: 'keyDropped',
          line: 23,
          column: 5,
          endLine: 23,
          endColumn: 57,
          suggestions: [],
        },
      ],
    },
  ],
});
