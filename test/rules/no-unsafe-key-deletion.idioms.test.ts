/**
 * no-unsafe-key-deletion on shapes written the way public code writes them (issue 11): keyrings and key
 * maps under bare names, splice and `length = 0`, typed key fields set to undefined, field keys kept in a
 * Map, key directories removed; and the near misses (wiped first, public halves, non-key collections).
 */
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-unsafe-key-deletion (idioms)', rule, {
  valid: [
    {
      // an hkdfSync ArrayBuffer wiped through a Buffer or Uint8Array view over the same memory
      code: "const crypto = require('crypto');\nclass Sessions {\n  constructor() {\n    this.sessionKeys = {};\n  }\n  open(id) {\n    this.sessionKeys[id] = crypto.hkdfSync('sha256', crypto.randomBytes(32), Buffer.alloc(0), 'session', 32);\n  }\n  close(id) {\n    Buffer.from(this.sessionKeys[id]).fill(0);\n    delete this.sessionKeys[id];\n  }\n  closeView(id) {\n    new Uint8Array(this.sessionKeys[id]).fill(0);\n    delete this.sessionKeys[id];\n  }\n}\nmodule.exports = { Sessions };\n",
      filename: 'src/sessions-ok.js',
    },
    {
      // a spliced key that is wiped, a forEach wipe before the array is emptied, a Set of key ids
      code: "const crypto = require('crypto');\nclass Ring {\n  constructor() {\n    this.masterKeys = [];\n    this.kids = new Set();\n  }\n  add(kid) {\n    this.masterKeys.push(crypto.randomBytes(32));\n    this.kids.add(kid);\n  }\n  drop(i, kid) {\n    const [old] = this.masterKeys.splice(i, 1);\n    old.fill(0);\n    this.kids.delete(kid);\n  }\n  reset() {\n    this.masterKeys.forEach((k) => k.fill(0));\n    this.masterKeys.length = 0;\n  }\n}\nmodule.exports = { Ring };\n",
      filename: 'src/ring-ok.js',
    },
    {
      // public halves and SSH files that hold no private key
      code: "import { unlinkSync } from 'node:fs';\nimport { rm } from 'node:fs/promises';\nimport { join } from 'node:path';\nexport async function tidy(dir: string, home: string, v: number) {\n  unlinkSync(join(dir, `signing-v${v}.pub.pem`));\n  unlinkSync(join(dir, 'public.pem'));\n  await rm(join(home, '.ssh', 'known_hosts.old'));\n  await rm(join(home, '.ssh', 'authorized_keys'));\n}\n",
      filename: 'src/cleanup.ts',
    },
    {
      // a string field called key, a non-key array spliced, a wiped typed key
      code: 'export class State {\n  key?: string;\n  names: string[] = [];\n  secretKey?: Uint8Array;\n  clear(i: number) {\n    this.key = undefined;\n    this.names.splice(i, 1);\n    this.secretKey?.fill(0);\n    this.secretKey = undefined;\n  }\n}\n',
      filename: 'src/state.ts',
    },
  ],
  invalid: [
    {
      // a view over another entry's key is wiped, not the one deleted
      code: "const crypto = require('crypto');\nclass Sessions {\n  constructor() {\n    this.sessionKeys = {};\n  }\n  open(id) {\n    this.sessionKeys[id] = crypto.hkdfSync('sha256', crypto.randomBytes(32), Buffer.alloc(0), 'session', 32);\n  }\n  close(id) {\n    Buffer.from(this.sessionKeys[0]).fill(0);\n    delete this.sessionKeys[id];\n  }\n}\nmodule.exports = { Sessions };\n",
      filename: 'src/sessions.js',
      errors: [{ messageId: 'keyDropped', line: 11, column: 5, endLine: 11, endColumn: 32, suggestions: [] }],
    },
    {
      // a Map of key buffers under the bare name keys, deleted and cleared
      code: 'export class TenantKeys {\n  private readonly keys = new Map<string, Buffer>();\n  put(tenant: string, key: Buffer) {\n    this.keys.set(tenant, key);\n  }\n  evict(tenant: string) {\n    this.keys.delete(tenant);\n  }\n  close() {\n    this.keys.clear();\n  }\n}\n',
      filename: 'src/tenant-keys.ts',
      errors: [
        { messageId: 'keyDropped', line: 7, column: 5, endLine: 7, endColumn: 29, suggestions: [] },
        { messageId: 'keyDropped', line: 10, column: 5, endLine: 10, endColumn: 22, suggestions: [] },
      ],
    },
    {
      // an untyped keyring filled with random keys, and a field holding a typed key dropped
      code: "const crypto = require('crypto');\nclass Keyring {\n  constructor() {\n    this.keys = new Map();\n    this.masterKeys = [];\n  }\n  add(kid) {\n    this.keys.set(kid, crypto.randomBytes(32));\n    this.masterKeys.push(crypto.randomBytes(32));\n  }\n  remove(kid, i) {\n    this.keys.delete(kid);\n    this.masterKeys.splice(i, 1);\n  }\n  reset() {\n    this.masterKeys.length = 0;\n  }\n}\nmodule.exports = { Keyring };\n",
      filename: 'src/keyring.js',
      errors: [
        { messageId: 'keyDropped', line: 12, column: 5, endLine: 12, endColumn: 26, suggestions: [] },
        { messageId: 'keyDropped', line: 13, column: 5, endLine: 13, endColumn: 33, suggestions: [] },
        { messageId: 'keyDropped', line: 16, column: 5, endLine: 16, endColumn: 31, suggestions: [] },
      ],
    },
    {
      // a typed key field set to undefined; a field key kept in a Map and deleted
      code: 'export class Room {\n  key?: Uint8Array;\n  private roomKey: Uint8Array | null = null;\n  private readonly history = new Map<string, Uint8Array>();\n  start() {\n    this.key = crypto.getRandomValues(new Uint8Array(32));\n  }\n  rekey(epoch: string, next: Uint8Array) {\n    if (this.roomKey) this.history.set(epoch, this.roomKey);\n    this.roomKey = next;\n  }\n  prune(epoch: string) {\n    this.history.delete(epoch);\n  }\n  end() {\n    this.key = undefined;\n  }\n}\n',
      filename: 'src/room.ts',
      errors: [
        { messageId: 'keyDropped', line: 13, column: 5, endLine: 13, endColumn: 31, suggestions: [] },
        { messageId: 'keyDropped', line: 16, column: 5, endLine: 16, endColumn: 25, suggestions: [] },
      ],
    },
    {
      // a key directory removed recursively
      code: "import { rmSync } from 'node:fs';\nimport { join } from 'node:path';\nexport function purge(dataDir: string) {\n  rmSync(join(dataDir, 'keys'), { recursive: true, force: true });\n}\n",
      filename: 'src/purge.ts',
      errors: [{ messageId: 'keyFileDeleted', line: 4, column: 3, endLine: 4, endColumn: 66, suggestions: [] }],
    },
  ],
});

// Files a key was loaded from, and key references dropped by name.
ruleTester.run('no-unsafe-key-deletion (loaded and named keys)', rule, {
  valid: [
    {
      // a private key field declared as a string, a public key field, a wiped secret key
      code: 'export class Holder {\n  private privateKey: string | null = null;\n  publicKey?: Uint8Array;\n  secretKey?: Uint8Array;\n  load(pem: string, pub: Uint8Array) {\n    this.privateKey = pem;\n    this.publicKey = pub;\n  }\n  unload() {\n    this.privateKey = null;\n    this.publicKey = undefined;\n    this.secretKey?.fill(0);\n    this.secretKey = undefined;\n  }\n}\n',
      filename: 'src/holder.ts',
    },
    {
      // a file read into a public key import, then removed
      code: "const fs = require('fs');\nconst crypto = require('crypto');\nfunction importPublic(path) {\n  const key = crypto.createPublicKey(fs.readFileSync(path));\n  fs.unlinkSync(path);\n  return key;\n}\nmodule.exports = { importPublic };\n",
      filename: 'src/import-pub.js',
    },
  ],
  invalid: [
    {
      // a file a private key was loaded from, removed; key references nulled and deleted
      code: "const fs = require('fs');\nconst crypto = require('crypto');\nasync function rotate(path) {\n  const pem = fs.readFileSync(path, 'utf8');\n  const key = crypto.createPrivateKey(pem);\n  await fs.promises.rm(path);\n  return key;\n}\nfunction forget(state) {\n  state.privateKey = null;\n  delete state.secretKey;\n}\nmodule.exports = { rotate, forget };\n",
      filename: 'src/rotate.js',
      errors: [
        { messageId: 'keyFileDeleted', line: 6, column: 9, endLine: 6, endColumn: 29, suggestions: [] },
        { messageId: 'keyDropped', line: 10, column: 3, endLine: 10, endColumn: 26, suggestions: [] },
        { messageId: 'keyDropped', line: 11, column: 3, endLine: 11, endColumn: 25, suggestions: [] },
      ],
    },
  ],
});
