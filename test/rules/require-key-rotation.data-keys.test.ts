/**
 * require-key-rotation (session 38, branch rot22): a KMS data key minted once by a get-or-create function and kept
 * for every later encryption with nothing bounding its age (catalogue `dataKeyGenerators`, rule-kit
 * `data-key-caches.ts`). Variants: a class member tested with `!`, a Map per tenant read through a local, `??=`, a
 * module-level variable, AWS SDK v2. Near misses: a fresh key per call, a cache with an age check, an expiry
 * computed from the clock, a timer that rotates, another method that resets the holder, a local cache.
 */
import rule from '../../rules/require-key-rotation.js';
import { ruleTester } from '../helpers/rule-tester.js';

const v3 = "import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';\n";
const mint = "new GenerateDataKeyCommand({ KeyId: 'alias/app', KeySpec: 'AES_256' })";

ruleTester.run('require-key-rotation (cached data keys)', rule, {
  valid: [
    {
      // a fresh data key for every object: the envelope pattern
      code: `${v3}const kms = new KMSClient({});\nexport async function seal(doc: Buffer) {\n  const out = await kms.send(${mint});\n  return { key: out.Plaintext, wrapped: out.CiphertextBlob, doc };\n}\n`,
      filename: 'src/seal.ts',
    },
    {
      // cached, but replaced once it is an hour old
      code: `${v3}export class Sealer {\n  private kms = new KMSClient({});\n  private dk?: { key: Uint8Array; born: number };\n  async key() {\n    if (!this.dk || Date.now() - this.dk.born > 3_600_000) {\n      const out = await this.kms.send(${mint});\n      this.dk = { key: out.Plaintext!, born: Date.now() };\n    }\n    return this.dk.key;\n  }\n}\n`,
      filename: 'src/sealer.ts',
    },
    {
      // an expiry computed from the clock and checked on read
      code: `${v3}const kms = new KMSClient({});\nconst cache = new Map<string, { key: Uint8Array; expiresAt: number }>();\nexport async function keyFor(tenant: string) {\n  const hit = cache.get(tenant);\n  if (hit && hit.expiresAt > Date.now()) return hit.key;\n  const out = await kms.send(${mint});\n  cache.set(tenant, { key: out.Plaintext!, expiresAt: Date.now() + 600_000 });\n  return out.Plaintext!;\n}\n`,
      filename: 'src/keys.ts',
    },
    {
      // a timer drops the cached key every hour
      code: `${v3}export class Sealer {\n  private kms = new KMSClient({});\n  private dk?: Uint8Array;\n  constructor() {\n    setInterval(() => this.reset(), 3_600_000);\n  }\n  reset() {\n    this.dk = undefined;\n  }\n  async key() {\n    if (!this.dk) this.dk = (await this.kms.send(${mint})).Plaintext;\n    return this.dk;\n  }\n}\n`,
      filename: 'src/sealer.ts',
    },
    {
      // another method rotates the cached key
      code: `${v3}export class Sealer {\n  private kms = new KMSClient({});\n  private keys = new Map<string, Uint8Array>();\n  rotate() {\n    this.keys.clear();\n  }\n  async key(t: string) {\n    const k = this.keys.get(t);\n    if (k) return k;\n    const out = await this.kms.send(${mint});\n    this.keys.set(t, out.Plaintext!);\n    return out.Plaintext!;\n  }\n}\n`,
      filename: 'src/sealer.ts',
    },
    {
      // a cache local to one call keeps nothing
      code: `${v3}const kms = new KMSClient({});\nexport async function sealAll(docs: string[]) {\n  let dk: Uint8Array | undefined;\n  for (const d of docs) {\n    if (!dk) dk = (await kms.send(${mint})).Plaintext;\n    void d;\n  }\n}\n`,
      filename: 'src/seal.ts',
    },
  ],
  invalid: [
    {
      // a class member tested with `!` and kept for the life of the process
      code: `${v3}export class CardVault {\n  private kms = new KMSClient({});\n  private dataKey?: Uint8Array;\n  private async key() {\n    if (!this.dataKey) {\n      const out = await this.kms.send(\n        ${mint},\n      );\n      this.dataKey = out.Plaintext;\n    }\n    return this.dataKey;\n  }\n}\n`,
      filename: 'src/card-vault.ts',
      errors: [{ messageId: 'dataKeyCached', line: 8, column: 9, endLine: 8, endColumn: 79 }],
    },
    {
      // one key per tenant in a Map; the creation time is stored but never compared
      code: `${v3}export class TenantKeys {\n  private kms = new KMSClient({});\n  private keys = new Map<string, { key: Uint8Array; at: number }>();\n  async forTenant(t: string) {\n    const cached = this.keys.get(t);\n    if (cached) return cached.key;\n    const out = await this.kms.send(${mint});\n    this.keys.set(t, { key: out.Plaintext!, at: Date.now() });\n    return out.Plaintext!;\n  }\n}\n`,
      filename: 'src/tenant-keys.ts',
      errors: [{ messageId: 'dataKeyCached', line: 8, column: 37, endLine: 8, endColumn: 107 }],
    },
    {
      // `??=` on a module-level variable
      code: `${v3}const kms = new KMSClient({});\nlet dataKey: Uint8Array | undefined;\nexport async function currentKey() {\n  dataKey ??= (await kms.send(${mint})).Plaintext;\n  return dataKey;\n}\n`,
      filename: 'src/current-key.ts',
      errors: [{ messageId: 'dataKeyCached', line: 5, column: 31, endLine: 5, endColumn: 101 }],
    },
    {
      // AWS SDK v2, the key kept in a module-level object
      code: "const AWS = require('aws-sdk');\nconst kms = new AWS.KMS();\nconst state = { key: null };\nasync function getKey() {\n  if (state.key) return state.key;\n  const res = await kms.generateDataKey({ KeyId: 'alias/app', KeySpec: 'AES_256' }).promise();\n  state.key = res.Plaintext;\n  return state.key;\n}\nmodule.exports = { getKey };\n",
      filename: 'src/get-key.js',
      errors: [{ messageId: 'dataKeyCached', line: 6, column: 21, endLine: 6, endColumn: 84 }],
    },
  ],
});
