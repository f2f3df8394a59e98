/**
 * no-unsafe-key-deletion on classes the earlier blind corpora showed we missed (issue 11, session 20), each
 * written from how public code writes it: collections of key records (`Map<string, { rootKey: Buffer }>`),
 * key members of a declared record dropped (`conn.key = undefined`, `delete job.dek`), collections whose
 * elements the file wipes elsewhere, ratchet steps that replace a key with one derived from it; and near
 * misses for each (public halves, string members, wiped first, values not derived from the old key).
 */
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-unsafe-key-deletion (key records)', rule, {
  valid: [
    {
      code: "// real-repository near misses: a key converted in place (no byte type declared), padded hex text, feeds\n// disposed in a loop and spliced elsewhere, key records moved to a local before the field is emptied\nimport { createPrivateKey } from 'node:crypto';\nexport function normalise(secretOrPrivateKey: any, seedHex: string) {\n  secretOrPrivateKey = createPrivateKey(secretOrPrivateKey);\n  seedHex = seedHex.concat('0'.repeat(32));\n  return { secretOrPrivateKey, seedHex };\n}\ninterface Feed { id: string; dispose(): void }\ninterface Pending { kid: string; key: Uint8Array }\nexport class Call {\n  private feeds: Feed[] = [];\n  private pendingKeys: Pending[] = [];\n  end() {\n    for (const f of this.feeds) f.dispose();\n  }\n  drop(f: Feed) {\n    this.feeds.splice(this.feeds.indexOf(f), 1);\n  }\n  flush(apply: (p: Pending) => void) {\n    const pending = this.pendingKeys;\n    this.pendingKeys = [];\n    pending.forEach(apply);\n  }\n}\n",
      filename: 'src/call.ts',
    },
    {
      // records holding public keys or string handles, and an entry wiped before it is deleted
      code: 'interface PeerInfo {\n  kid: string;\n  publicKey: Buffer;\n}\ninterface Handle {\n  key: string;\n  createdAt: number;\n}\ninterface Sess {\n  rootKey: Buffer;\n  peer: string;\n}\nexport class Directory {\n  private readonly peers = new Map<string, PeerInfo>();\n  private readonly handles = new Map<string, Handle>();\n  private readonly sessions = new Map<string, Sess>();\n  forget(id: string) {\n    this.peers.delete(id);\n    this.handles.delete(id);\n    this.sessions.get(id)?.rootKey.fill(0);\n    this.sessions.delete(id);\n  }\n}\n',
      filename: 'src/directory.ts',
    },
    {
      // a key member typed as a string or a CryptoKey holds nothing wipeable
      code: 'interface Job {\n  id: string;\n  key?: string;\n}\ninterface Conn {\n  key?: CryptoKey;\n  open: boolean;\n}\nexport function finish(job: Job, conn: Conn): void {\n  delete job.key;\n  conn.key = undefined;\n}\n',
      filename: 'src/finish.ts',
    },
    {
      // a cache of thumbnails nobody wipes, and a map whose wiped elements are not the ones deleted
      code: 'const thumbs = new Map<string, Buffer>();\nexport function evict(id: string): void {\n  thumbs.delete(id);\n}\n',
      filename: 'src/thumbs.ts',
    },
    {
      // ratchet step that wipes the old chain key first; a counter; a key derived from a password
      code: "import { createHmac, scryptSync } from 'node:crypto';\nexport class Chain {\n  private chainKey: Buffer;\n  private n = 0;\n  private storeKey?: Buffer;\n  constructor(seed: Buffer) {\n    this.chainKey = seed;\n  }\n  step(): Buffer {\n    const mk = createHmac('sha256', this.chainKey).update('\\x01').digest();\n    const next = createHmac('sha256', this.chainKey).update('\\x02').digest();\n    this.chainKey.fill(0);\n    this.chainKey = next;\n    this.n = this.n + 1;\n    return mk;\n  }\n  unlock(pw: string, salt: Buffer) {\n    this.storeKey = scryptSync(pw, salt, 32);\n  }\n}\n",
      filename: 'src/chain-ok.ts',
    },
    {
      // records wiped member by member before they are deleted: got from the map, and walked in a loop
      code: 'interface Sess {\n  rootKey: Buffer;\n  sendKey: Buffer;\n  createdAt: number;\n}\nexport class Store {\n  private readonly sessions = new Map<string, Sess>();\n  reset(peer: string): void {\n    const s = this.sessions.get(peer);\n    if (s) {\n      s.rootKey.fill(0);\n      s.sendKey.fill(0);\n    }\n    this.sessions.delete(peer);\n  }\n  expire(maxAge: number): void {\n    for (const [id, entry] of this.sessions) {\n      if (Date.now() - entry.createdAt < maxAge) continue;\n      entry.rootKey.fill(0);\n      entry.sendKey.fill(0);\n      this.sessions.delete(id);\n    }\n  }\n}\n',
      filename: 'src/store-ok.ts',
    },
  ],
  invalid: [
    {
      // a Map of inline records with root and chain keys, one entry deleted at logout
      code: 'export class Sessions {\n  private readonly sessions = new Map<string, { rootKey: Buffer; chainKey: Buffer; peer: string }>();\n  open(peer: string, rootKey: Buffer, chainKey: Buffer) {\n    this.sessions.set(peer, { rootKey, chainKey, peer });\n  }\n  end(peer: string) {\n    this.sessions.delete(peer);\n  }\n}\n',
      filename: 'src/sessions.ts',
      errors: [{ messageId: 'keyDropped', line: 7, column: 5, endLine: 7, endColumn: 31, suggestions: [] }],
    },
    {
      // a module-level cache of data-key entries, declared through an interface, cleared
      code: 'interface DekEntry {\n  kid: string;\n  dek: Uint8Array;\n  expires: number;\n}\nconst cache = new Map<string, DekEntry>();\nexport function remember(e: DekEntry) {\n  cache.set(e.kid, e);\n}\nexport function flush() {\n  cache.clear();\n}\n',
      filename: 'src/dek-cache.ts',
      errors: [{ messageId: 'keyDropped', line: 11, column: 3, endLine: 11, endColumn: 16, suggestions: [] }],
    },
    {
      // an array of session records (type alias) spliced
      code: 'type Sess = { user: string; key: Buffer };\nconst active: Sess[] = [];\nexport function end(i: number) {\n  active.splice(i, 1);\n}\n',
      filename: 'src/active.ts',
      errors: [{ messageId: 'keyDropped', line: 4, column: 3, endLine: 4, endColumn: 22, suggestions: [] }],
    },
    {
      // key members of declared records dropped through a parameter
      code: 'interface Conn {\n  peer: string;\n  key?: Buffer;\n}\ninterface Job {\n  id: string;\n  dek?: Uint8Array;\n}\nexport function close(conn: Conn, job: Job): void {\n  conn.key = undefined;\n  delete job.dek;\n}\n',
      filename: 'src/close.ts',
      errors: [
        { messageId: 'keyDropped', line: 10, column: 3, endLine: 10, endColumn: 23, suggestions: [] },
        { messageId: 'keyDropped', line: 11, column: 3, endLine: 11, endColumn: 17, suggestions: [] },
      ],
    },
    {
      // a cache whose values the file wipes on lock, but forget() deletes one without a wipe
      code: 'export class Vault {\n  private readonly cache = new Map<string, Buffer>();\n  lock(): void {\n    for (const buf of this.cache.values()) buf.fill(0);\n    this.cache.clear();\n  }\n  forget(id: string): void {\n    this.cache.delete(id);\n  }\n}\n',
      filename: 'src/vault.ts',
      errors: [{ messageId: 'keyDropped', line: 8, column: 5, endLine: 8, endColumn: 26, suggestions: [] }],
    },
    {
      // the same with a forEach wipe and a plain object cache
      code: "import sodium from 'libsodium-wrappers';\nconst entries: Record<string, Uint8Array> = {};\nexport function wipeAll() {\n  Object.values(entries).forEach((e) => sodium.memzero(e));\n}\nexport function drop(id: string) {\n  delete entries[id];\n}\n",
      filename: 'src/entries.ts',
      errors: [{ messageId: 'keyDropped', line: 7, column: 3, endLine: 7, endColumn: 21, suggestions: [] }],
    },
    {
      // ratchet steps: the old key replaced by one derived from it, never wiped
      code: "import { createHmac, hkdfSync } from 'node:crypto';\nexport class Ratchet {\n  private chainKey: Buffer;\n  private rootKey: Buffer;\n  constructor(seed: Buffer, root: Buffer) {\n    this.chainKey = seed;\n    this.rootKey = root;\n  }\n  next(): Buffer {\n    const mk = createHmac('sha256', this.chainKey).update('\\x01').digest();\n    this.chainKey = createHmac('sha256', this.chainKey).update('\\x02').digest();\n    return mk;\n  }\n  turn(dh: Buffer) {\n    const derived = Buffer.from(hkdfSync('sha256', dh, this.rootKey, 'root', 32));\n    this.rootKey = derived;\n  }\n}\n",
      filename: 'src/ratchet.ts',
      errors: [
        { messageId: 'keyDropped', line: 11, column: 5, endLine: 11, endColumn: 80, suggestions: [] },
        { messageId: 'keyDropped', line: 16, column: 5, endLine: 16, endColumn: 27, suggestions: [] },
      ],
    },
    {
      // a libsodium kdf ratchet over a local binding
      code: "import sodium from 'libsodium-wrappers';\nexport function* sendKeys(start: Uint8Array) {\n  let sendKey: Uint8Array = start;\n  for (let i = 1; ; i++) {\n    yield sodium.crypto_generichash(32, sendKey);\n    sendKey = sodium.crypto_kdf_derive_from_key(32, i, 'ratchet', sendKey);\n  }\n}\n",
      filename: 'src/send-keys.ts',
      errors: [{ messageId: 'keyDropped', line: 6, column: 5, endLine: 6, endColumn: 75, suggestions: [] }],
    },
  ],
});

ruleTester.run('no-unsafe-key-deletion (key files by strangers)', rule, {
  valid: [
    {
      code: "// design tokens, a tokenizer build, a public key read into a key binding, a cache directory\nimport { rmSync, unlinkSync, readFileSync } from 'node:fs';\nimport { rm } from 'node:fs/promises';\nimport { createPublicKey } from 'node:crypto';\nexport async function clean(outDir: string, cacheDir: string, pubPath: string) {\n  rmSync(`${outDir}/design-tokens.json`, { force: true });\n  await rm(`${outDir}/tokenizer.js`);\n  const key = createPublicKey(readFileSync(pubPath));\n  unlinkSync(pubPath);\n  await rm(`${cacheDir}/archive`, { recursive: true });\n  return key;\n}\n",
      filename: 'src/clean.ts',
    },
    {
      code: "// a key file overwritten before Deno removes it\nexport async function retire(path: string) {\n  const { size } = await Deno.stat(path);\n  await Deno.writeFile(path, new Uint8Array(size));\n  await Deno.remove('./build.log');\n}\ndeclare const Deno: any;\n",
      filename: 'scripts/retire.ts',
    },
  ],
  invalid: [
    {
      code: "// a CLI logout that removes its stored token and the user's AWS credentials file\nimport { rmSync } from 'node:fs';\nimport { join } from 'node:path';\nimport { homedir } from 'node:os';\nconst CONFIG_DIR = join(homedir(), '.config', 'acme');\nexport function logout() {\n  rmSync(join(CONFIG_DIR, 'token'), { force: true });\n  rmSync(join(homedir(), '.aws', 'credentials'));\n}\n",
      filename: 'src/commands/logout.ts',
      errors: [
        { messageId: 'keyFileDeleted', line: 7, column: 3, endLine: 7, endColumn: 53, suggestions: [] },
        { messageId: 'keyFileDeleted', line: 8, column: 3, endLine: 8, endColumn: 49, suggestions: [] },
      ],
    },
    {
      code: "// Deno scripts and a wallet removing a paper backup of its seed phrase\nimport { rm } from 'node:fs/promises';\nimport path from 'node:path';\nawait Deno.remove('./signing.previous.key');\nexport async function dropBackup(dir: string) {\n  await rm(path.join(dir, 'recovery-phrase.txt'), { force: true });\n}\ndeclare const Deno: any;\n",
      filename: 'scripts/rotate.ts',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'useDestroyKeyFile',
              output:
                "// Deno scripts and a wallet removing a paper backup of its seed phrase\nimport { rm } from 'node:fs/promises';\nimport path from 'node:path';\nimport { destroyKeyFile } from 'keyhygiene/keys';\nawait destroyKeyFile('./signing.previous.key');\nexport async function dropBackup(dir: string) {\n  await rm(path.join(dir, 'recovery-phrase.txt'), { force: true });\n}\ndeclare const Deno: any;\n",
            },
          ],
        },
        {
          messageId: 'keyFileDeleted',
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'useDestroyKeyFile',
              output:
                "// Deno scripts and a wallet removing a paper backup of its seed phrase\nimport { rm } from 'node:fs/promises';\nimport path from 'node:path';\nimport { destroyKeyFile } from 'keyhygiene/keys';\nawait Deno.remove('./signing.previous.key');\nexport async function dropBackup(dir: string) {\n  await destroyKeyFile(path.join(dir, 'recovery-phrase.txt'));\n}\ndeclare const Deno: any;\n",
            },
          ],
        },
      ],
    },
    {
      code: "// a CSR made from a key file given on the command line, then the key file removed\nimport { execFileSync } from 'node:child_process';\nimport { unlinkSync } from 'node:fs';\nexport function csr(opts: { key: string; out: string }) {\n  execFileSync('openssl', ['req', '-new', '-key', opts.key, '-out', opts.out]);\n  unlinkSync(opts.key);\n}\n",
      filename: 'src/csr.ts',
      errors: [{ messageId: 'keyFileDeleted', line: 6, column: 3, endLine: 6, endColumn: 23, suggestions: [] }],
    },
    {
      code: "// an archive of old keys removed under the keys directory\nimport { rimraf } from 'rimraf';\nimport fse from 'fs-extra';\nexport async function prune(keysDir: string, KEY_ROOT: string) {\n  await rimraf(`${keysDir}/archive`);\n  await fse.remove(`${KEY_ROOT}/retired`);\n}\n",
      filename: 'src/prune.ts',
      errors: [
        { messageId: 'keyFileDeleted', line: 5, column: 9, endLine: 5, endColumn: 37, suggestions: [] },
        { messageId: 'keyFileDeleted', line: 6, column: 9, endLine: 6, endColumn: 42, suggestions: [] },
      ],
    },
    {
      code: "// a partner key imported from a one-time file, and a wallet export holding a private key\nimport { readFileSync, unlinkSync } from 'node:fs';\nimport { promises as fs } from 'node:fs';\nexport function importPartnerKey(path: string): Buffer {\n  const partnerKey = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');\n  unlinkSync(path);\n  return partnerKey;\n}\nconst EXPORT = '/home/app/.wallet/export.json';\nexport async function exportAccount(a: { address: string; privateKey: string }) {\n  await fs.writeFile(EXPORT, JSON.stringify({ address: a.address, privateKey: a.privateKey }));\n}\nexport async function discard() {\n  await fs.rm(EXPORT, { force: true });\n}\n",
      filename: 'src/partner.ts',
      errors: [
        { messageId: 'keyFileDeleted', line: 6, column: 3, endLine: 6, endColumn: 19, suggestions: [] },
        {
          messageId: 'keyFileDeleted',
          line: 14,
          column: 9,
          endLine: 14,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'useDestroyKeyFile',
              output:
                "// a partner key imported from a one-time file, and a wallet export holding a private key\nimport { readFileSync, unlinkSync } from 'node:fs';\nimport { promises as fs } from 'node:fs';\nimport { destroyKeyFile } from 'keyhygiene/keys';\nexport function importPartnerKey(path: string): Buffer {\n  const partnerKey = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');\n  unlinkSync(path);\n  return partnerKey;\n}\nconst EXPORT = '/home/app/.wallet/export.json';\nexport async function exportAccount(a: { address: string; privateKey: string }) {\n  await fs.writeFile(EXPORT, JSON.stringify({ address: a.address, privateKey: a.privateKey }));\n}\nexport async function discard() {\n  await destroyKeyFile(EXPORT);\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
