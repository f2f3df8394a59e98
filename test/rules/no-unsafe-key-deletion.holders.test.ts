/**
 * no-unsafe-key-deletion on holders strangers write (issue 11, session 21, branch rdel4): a key replaced by an
 * empty typed array or, in a release method, by a fresh zero buffer; collections whose own name says they hold
 * keys (`sessionKeys`, `privateKeys`, `keyHistory`) losing elements by `delete`, `.delete()`, `shift()`; and
 * bindings decoded from a key-named value (`sodium.from_hex(rxKeyHex)`); holders typed with one key record
 * (`active?: { id: string; priv: Uint8Array }`) set to null; each with near misses.
 */
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-unsafe-key-deletion (holders, session 21)', rule, {
  valid: [
    {
      // near misses: fresh buffers in the constructor and before a fill, an empty buffer after a wipe, a local made to be filled
      code: "import { randomFillSync } from 'node:crypto';\nexport class Keyring {\n  private masterKey: Uint8Array = new Uint8Array(32);\n  constructor() {\n    this.masterKey = new Uint8Array(32);\n  }\n  regenerate() {\n    this.masterKey = new Uint8Array(32);\n    crypto.getRandomValues(this.masterKey);\n  }\n  lock() {\n    this.masterKey.fill(0);\n    this.masterKey = new Uint8Array(0);\n  }\n}\nexport function makeDataKey(): Buffer {\n  let dataKey = Buffer.alloc(32);\n  randomFillSync(dataKey);\n  return dataKey;\n}\n",
      filename: 'src/fresh-ok.ts',
    },
    {
      // near misses: API keys (strings), a map indexed by key, public keys, CryptoKey handles, key ids, a wiped entry
      code: 'const apiKeys: Record<string, string> = {};\nconst keysById = new Map<string, Buffer>();\nconst publicKeys = new Map<string, Uint8Array>();\nconst sessionKeys = new Map<string, CryptoKey>();\nconst signingKeyIds: string[] = [];\nexport function drop(id: string) {\n  delete apiKeys[id];\n  keysById.delete(id);\n  publicKeys.delete(id);\n  sessionKeys.delete(id);\n  signingKeyIds.shift();\n}\nconst dataKeys = new Map<string, Buffer>();\nexport function evict(id: string) {\n  dataKeys.get(id)?.fill(0);\n  dataKeys.delete(id);\n}\n',
      filename: 'src/named-ok.ts',
    },
    {
      // near misses from real code: collections of lookup keys (eventsForKey, parsedKeys, toRemoveKeys)
      code: '// lookup keys, not key material: relation indexes and parsed rule keys (real-repository near misses)\nexport class Relations {\n  private readonly eventsForKey = new Map();\n  private readonly parsedKeys = new Map();\n  remove(k: string) {\n    this.eventsForKey.delete(k);\n    this.parsedKeys.delete(k);\n  }\n}\nconst toRemoveKeys = new Set();\nexport function prune(k: string) {\n  toRemoveKeys.delete(k);\n}\n',
      filename: 'src/lookup-keys-ok.ts',
    },
    {
      // near misses: a public key and a signature decoded and dropped, a decoded key wiped first
      code: "import sodium from 'libsodium-wrappers';\nexport function verifyWith(publicKeyHex: string, sigHex: string) {\n  let pk: Uint8Array | null = sodium.from_hex(publicKeyHex);\n  let sig: Uint8Array | null = sodium.from_hex(sigHex);\n  const ok = pk.length === 32 && sig.length === 64;\n  pk = null;\n  sig = null;\n  return ok;\n}\nexport function openChannel(rxKeyHex: string) {\n  let rx: Uint8Array | null = sodium.from_hex(rxKeyHex);\n  return () => {\n    if (rx) sodium.memzero(rx);\n    rx = null;\n  };\n}\n",
      filename: 'src/decoded-ok.ts',
    },
    {
      // near misses: the record key member wiped first, a record with no key bytes
      code: "export class Keystore {\n  private active?: { id: string; priv: Uint8Array };\n  private profile?: { id: string; name: string };\n  open(id: string, priv: Uint8Array) {\n    this.active?.priv.fill(0);\n    this.active = { id, priv };\n    this.profile = { id, name: 'x' };\n  }\n  close() {\n    this.active?.priv.fill(0);\n    this.active = undefined;\n    this.profile = undefined;\n  }\n}\n",
      filename: 'src/w2-ok.ts',
    },
  ],
  invalid: [
    {
      // a wallet key field replaced by an empty typed array on lock
      code: 'export class HotWallet {\n  private privateKey: Uint8Array | null = null;\n  unlock(secret: Uint8Array) {\n    this.privateKey = secret;\n  }\n  lock() {\n    this.privateKey = new Uint8Array(0);\n  }\n}\n',
      filename: 'src/empty-typed.ts',
      errors: [
        {
          messageId: 'keyDropped',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 40,
          suggestions: [],
        },
      ],
    },
    {
      // a key binding replaced by a fresh zero buffer in logout(), a session key field by Buffer.alloc(0) in close()
      code: 'let signingKey = new Uint8Array(32);\nexport function load(k: Uint8Array) {\n  signingKey = k;\n}\nexport function logout() {\n  signingKey = new Uint8Array(32);\n}\nexport class Session {\n  private sessionKey?: Buffer;\n  open(k: Buffer) {\n    this.sessionKey = k;\n  }\n  close() {\n    this.sessionKey = Buffer.alloc(0);\n  }\n}\n',
      filename: 'src/fresh-release.ts',
      errors: [
        {
          messageId: 'keyDropped',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 34,
          suggestions: [],
        },
        {
          messageId: 'keyDropped',
          line: 14,
          column: 5,
          endLine: 14,
          endColumn: 38,
          suggestions: [],
        },
      ],
    },
    {
      // delete on plain-object caches whose names say they hold keys
      // (a cache of wrapped keys holds ciphertext: no-unsafe-key-deletion.apis.test.ts, since session 23)
      code: 'const sessionKeys = {};\nexport function remember(peerId, k) {\n  sessionKeys[peerId] = k;\n}\nexport function forget(peerId) {\n  delete sessionKeys[peerId];\n}\n',
      filename: 'src/named-obj.js',
      errors: [
        {
          messageId: 'keyDropped',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 29,
          suggestions: [],
        },
      ],
    },
    {
      // an untyped Map of private keys losing an entry, a key history shifted
      code: 'export class DeviceKeys {\n  private readonly privateKeys = new Map();\n  add(id: string, pk: Uint8Array) {\n    this.privateKeys.set(id, pk);\n  }\n  revoke(id: string) {\n    this.privateKeys.delete(id);\n  }\n}\nconst keyHistory: Buffer[] = [];\nexport function rotate(next: Buffer) {\n  keyHistory.push(next);\n  if (keyHistory.length > 3) keyHistory.shift();\n}\n',
      filename: 'src/named-map.ts',
      errors: [
        {
          messageId: 'keyDropped',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 32,
          suggestions: [],
        },
        {
          messageId: 'keyDropped',
          line: 13,
          column: 30,
          endLine: 13,
          endColumn: 48,
          suggestions: [],
        },
      ],
    },
    {
      // bindings decoded from a key-named value, dropped without a wipe (a sibling wiped beside one)
      code: "import sodium from 'libsodium-wrappers';\nexport function openChannel(rxKeyHex: string, txKeyHex: string) {\n  let rx: Uint8Array | null = sodium.from_hex(rxKeyHex);\n  let tx: Uint8Array | null = sodium.from_hex(txKeyHex);\n  return {\n    close() {\n      if (tx) sodium.memzero(tx);\n      tx = null;\n      rx = null;\n    },\n  };\n}\nexport function useOnce(encKeyB64: string) {\n  let k: Buffer | undefined = Buffer.from(encKeyB64, 'base64');\n  const out = k.length;\n  k = undefined;\n  return out;\n}\n",
      filename: 'src/decoded-sibling.ts',
      errors: [
        {
          messageId: 'keyDropped',
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 16,
          suggestions: [],
        },
        {
          messageId: 'keyDropped',
          line: 16,
          column: 3,
          endLine: 16,
          endColumn: 16,
          suggestions: [],
        },
      ],
    },
    {
      // holders typed with one key record (inline type, interface) set to undefined/null
      code: "import { sha256 } from '@noble/hashes/sha256';\nexport class Keystore {\n  private active?: { id: string; priv: Uint8Array };\n  open(id: string, seed: Uint8Array) {\n    this.active = { id, priv: sha256(seed) };\n  }\n  switchTo(id: string, seed: Uint8Array) {\n    this.active = { id, priv: sha256(seed) };\n  }\n  close() {\n    this.active = undefined;\n  }\n}\ninterface Unlocked { accountId: string; signingKey: Buffer }\nlet current: Unlocked | null = null;\nexport function signIn(u: Unlocked) { current = u; }\nexport function signOut() { current = null; }\n",
      filename: 'src/w1.ts',
      errors: [
        {
          messageId: 'keyDropped',
          line: 11,
          column: 5,
          endLine: 11,
          endColumn: 28,
          suggestions: [],
        },
        {
          messageId: 'keyDropped',
          line: 17,
          column: 29,
          endLine: 17,
          endColumn: 43,
          suggestions: [],
        },
      ],
    },
    {
      // a session record with an encryption key dropped at logout, a module record of the vault key dropped at lock
      code: 'interface Session {\n  userId: string;\n  encKey: Uint8Array;\n}\nexport class Client {\n  private session: Session | null = null;\n  login(userId: string, encKey: Uint8Array) {\n    this.session = { userId, encKey };\n  }\n  logout() {\n    this.session = null;\n  }\n}\nlet unlocked: { vaultKey: Buffer; at: number } | undefined;\nexport function unlock(vaultKey: Buffer) {\n  unlocked = { vaultKey, at: Date.now() };\n}\nexport function lock() {\n  unlocked = undefined;\n}\n',
      filename: 'src/w3.ts',
      errors: [
        {
          messageId: 'keyDropped',
          line: 11,
          column: 5,
          endLine: 11,
          endColumn: 24,
          suggestions: [],
        },
        {
          messageId: 'keyDropped',
          line: 19,
          column: 3,
          endLine: 19,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
  ],
});
