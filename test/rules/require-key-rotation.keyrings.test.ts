/**
 * require-key-rotation: application keyrings with no cryptoperiod (an instance created without the optional
 * age option its options type declares; a keyring class that encrypts with a current key and never ages keys),
 * a Pulumi KMS key under SST's global `aws`, and jose imported through a Deno `npm:` specifier. Variants written
 * from how public code writes each shape, with near misses that must stay silent.
 */
import rule from '../../rules/require-key-rotation.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('require-key-rotation (keyrings, SST, Deno specifiers)', rule, {
  valid: [
    // keyrings given their age option, a spread of options, and a rotating keyring class
    {
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\ninterface RingOptions {\n  name: string;\n  maxAgeDays?: number;\n}\nexport class Keyring {\n  constructor(readonly opts: RingOptions) {}\n}\nexport const a = new Keyring({ name: 'a', maxAgeDays: 30 });\ndeclare const defaults: RingOptions;\nexport const b = new Keyring({ ...defaults, name: 'b' });\nexport class RotatingKeyring {\n  private readonly keys: Buffer[] = [];\n  private current = randomBytes(32);\n  constructor(private readonly maxAgeMs = 86_400_000) {}\n  encrypt(p: Buffer) {\n    return createCipheriv('aes-256-gcm', this.current, randomBytes(12)).update(p);\n  }\n}",
      filename: 'src/crypto/keyring-ok.ts',
    },
    // a cache of per-session keys (no current key), and a wallet keystore
    {
      code: 'export class SessionKeyring {\n  private readonly sessionKeys = new Map<string, Uint8Array>();\n  open(id: string, k: Uint8Array) {\n    this.sessionKeys.set(id, k);\n  }\n}\nexport class WalletKeystore {\n  private seeds = new Map<string, Uint8Array>();\n  private active?: Uint8Array;\n  sign(d: Uint8Array) {\n    return d;\n  }\n}',
      filename: 'src/session-keys.ts',
    },
    // SST with a rotated key, and a Deno script that names its key
    {
      code: "export default $config({\n  app() {\n    return { name: 'shop', home: 'aws' };\n  },\n  async run() {\n    const key = new aws.kms.Key('Cookies', { enableKeyRotation: true });\n    return { keyArn: key.arn };\n  },\n});",
      filename: 'sst.config.ts',
    },
  ],
  invalid: [
    // a keyring created without the optional max-age its options declare
    {
      code: "export interface KeyringOptions {\n  name: string;\n  maxKeyAgeDays?: number;\n}\nexport class Keyring {\n  private readonly keys = new Map<string, Buffer>();\n  constructor(private readonly opts: KeyringOptions) {}\n  add(id: string, key: Buffer) {\n    this.keys.set(id, key);\n  }\n}\nexport const sessions = new Keyring({ name: 'sessions' });\nexport const exports_ = new Keyring({ name: 'exports', maxKeyAgeDays: 90 });",
      filename: 'src/crypto/keyring.ts',
      errors: [{ messageId: 'keyringNoPeriod', line: 12, column: 25, endLine: 12, endColumn: 58 }],
    },
    // a key set type alias with an optional rotation interval
    {
      code: "type KeySetConfig = { issuer: string; rotationIntervalHours?: number };\nclass SigningKeySet {\n  constructor(readonly config: KeySetConfig) {}\n}\nexport const partnerKeys = new SigningKeySet({ issuer: 'partners' });",
      filename: 'src/tokens/keys.ts',
      errors: [{ messageId: 'keyringNoPeriod', line: 5, column: 28, endLine: 5, endColumn: 69 }],
    },
    // a keyring class that encrypts with its current key and never ages keys
    {
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\nexport class EnvelopeKeyRing {\n  private readonly keys = new Map<string, Buffer>();\n  private activeKid = '';\n  constructor(first: { kid: string; key: Buffer }) {\n    this.keys.set(first.kid, first.key);\n    this.activeKid = first.kid;\n  }\n  seal(plain: Buffer) {\n    const iv = randomBytes(12);\n    const c = createCipheriv('aes-256-gcm', this.keys.get(this.activeKid)!, iv);\n    return { kid: this.activeKid, iv, body: Buffer.concat([c.update(plain), c.final()]), tag: c.getAuthTag() };\n  }\n}",
      filename: 'src/vault/envelope-keyring.ts',
      errors: [{ messageId: 'keyringNoPeriod', line: 5, column: 3, endLine: 8, endColumn: 4 }],
    },
    // a KMS key in an SST config, where aws is a global
    {
      code: "export default $config({\n  app() {\n    return { name: 'shop', home: 'aws' };\n  },\n  async run() {\n    const key = new aws.kms.Key('Cookies', { description: 'cookie encryption' });\n    return { keyArn: key.arn };\n  },\n});",
      filename: 'sst.config.ts',
      errors: [
        {
          messageId: 'rotationOff',
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 81,
          suggestions: [
            {
              messageId: 'enableRotation',
              output:
                "export default $config({\n  app() {\n    return { name: 'shop', home: 'aws' };\n  },\n  async run() {\n    const key = new aws.kms.Key('Cookies', { description: 'cookie encryption', enableKeyRotation: true });\n    return { keyArn: key.arn };\n  },\n});",
            },
          ],
        },
      ],
    },
    // a Deno script signing with jose from npm: and no key id
    {
      code: "import { SignJWT } from 'npm:jose@5';\nconst secret = new TextEncoder().encode(Deno.env.get('MINT_SECRET') ?? '');\nexport const token = await new SignJWT({ sub: 'ci' }).setProtectedHeader({ alg: 'HS256' }).sign(secret);",
      filename: 'scripts/mint.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 3,
          column: 74,
          endLine: 3,
          endColumn: 90,
          suggestions: [
            {
              messageId: 'addKeyId',
              output:
                "import { SignJWT } from 'npm:jose@5';\nconst secret = new TextEncoder().encode(Deno.env.get('MINT_SECRET') ?? '');\nexport const token = await new SignJWT({ sub: 'ci' }).setProtectedHeader({ alg: 'HS256', kid: 'v1' }).sign(secret);",
            },
          ],
        },
      ],
    },
  ],
});
