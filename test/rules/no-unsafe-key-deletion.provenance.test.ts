/**
 * no-unsafe-key-deletion decides from how the dropped value is declared, produced and guarded (issue 11, session
 * 24, branch rfp6a), not from its name: a member every same-file declaration of which holds no bytes (`string`, a
 * record of strings, a CryptoKey), a variable removed from an environment object, a drop in a branch that runs only
 * when the holder is empty or not a byte array, a rebound local that aliases a key its owner keeps, and an awaited
 * removal from a persistent store; a file whose whole written text is known and holds no key. Each class has near misses that stay reported (a byte-typed member, a mixed
 * declaration, a guard that says bytes, a decoded copy, a synchronous Map).
 */
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-unsafe-key-deletion (provenance, session 24)', rule, {
  valid: [
    {
      // a controller's state declares its cached key as an exported string; lock() deletes it
      code: [
        'export type VaultState = {',
        '  isUnlocked: boolean;',
        '  /** the exported vault key, cached when the option is on */',
        '  encryptionKey?: string;',
        '  encryptionSalt?: string;',
        '};',
        'export class VaultController {',
        '  update(fn: (s: VaultState) => void): void {}',
        '  lock(): void {',
        '    this.update((state) => {',
        '      state.isUnlocked = false;',
        '      delete state.encryptionKey;',
        '      delete state.encryptionSalt;',
        '    });',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/vault-controller.ts',
    },
    {
      // a private field holding a record of strings (a serialised key and its salt), declared through an alias
      code: [
        'type CachedKey = { serialized: string; salt: string };',
        'interface Profile { masterKey: string; label: string }',
        'export class Keyring {',
        '  #masterKey?: CachedKey;',
        '  profile?: Profile;',
        '  setLocked(): void {',
        '    this.#masterKey = undefined;',
        '    if (this.profile) this.profile.masterKey = null as unknown as string;',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/keyring-cache.ts',
    },
    {
      // a handle whose bytes the platform keeps (CryptoKey) and a hex string, declared on the parameter type
      code: [
        'export async function rotate(params: { privateKeyHex: string; wrappingKey: CryptoKey }): Promise<void> {',
        '  const copy = { ...params };',
        '  await use(copy);',
        '  delete (params as { privateKeyHex?: string }).privateKeyHex;',
        '}',
        'export function clear(session: { signingKey: CryptoKey | null }): void {',
        '  session.signingKey = null;',
        '}',
        'declare function use(x: unknown): Promise<void>;',
      ].join('\n'),
      filename: 'src/declared-handles.ts',
    },
    {
      // a secret removed from a child's environment: process.env, a spread of it, a ProcessEnv-typed object
      code: [
        "import { spawn } from 'node:child_process';",
        'export function startAgent(passphrase?: string) {',
        '  const env = { ...process.env, AGENT_MODE: "locked" };',
        '  if (!passphrase) delete env.AGENT_PRIVATE_KEY;',
        '  else env.AGENT_PRIVATE_KEY = passphrase;',
        '  const scrubbed: NodeJS.ProcessEnv = Object.assign({}, process.env);',
        '  delete scrubbed.SIGNING_SECRET_KEY;',
        '  delete process.env.MASTER_KEY;',
        "  return spawn('agent', [], { env });",
        '}',
      ].join('\n'),
      filename: 'src/spawn-env.ts',
    },
    {
      // a drop that runs only when nothing was set, or when the holder is a KeyObject (not bytes); then a wipe
      code: [
        "import type { KeyObject } from 'node:crypto';",
        'export function materials() {',
        '  let dataKey: Uint8Array | KeyObject | undefined;',
        '  let verifyKey: Uint8Array | undefined;',
        '  const zero = () => {',
        '    if (!dataKey) {',
        '      dataKey = new Uint8Array();',
        '    }',
        '    if (verifyKey === undefined) verifyKey = new Uint8Array(0);',
        '    if (!(dataKey instanceof Uint8Array)) {',
        '      dataKey = new Uint8Array();',
        '    }',
        '    dataKey.fill(0);',
        '    verifyKey.fill(0);',
        '  };',
        '  return { set: (k: Uint8Array) => (dataKey = k), zero };',
        '}',
        'export class Signer {',
        '  private privateKey: Uint8Array | string | null = null;',
        '  reset(): void {',
        "    if (typeof this.privateKey === 'string') this.privateKey = null;",
        '    else this.privateKey?.fill(0);',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/guarded-drops.ts',
    },
    {
      // a local that only aliases a key its owner keeps (a signer, the caller), rebound to a derived key
      code: [
        "import * as ecc from 'tiny-secp256k1';",
        'export function tweak(signer: { privateKey?: Uint8Array; publicKey: Uint8Array }, t: Uint8Array) {',
        '  let privateKey: Uint8Array | undefined = signer.privateKey;',
        "  if (!privateKey) throw new Error('no key');",
        '  if (signer.publicKey[0] === 3) privateKey = ecc.privateNegate(privateKey);',
        '  return ecc.privateAdd(privateKey, t);',
        '}',
        'export function step(chainKey: Uint8Array, hmac: (k: Uint8Array) => Uint8Array) {',
        '  const out = hmac(chainKey);',
        '  chainKey = hmac(chainKey);',
        '  return { out, chainKey };',
        '}',
      ].join('\n'),
      filename: 'src/alias-rebind.ts',
    },
    {
      // a keychain persisted in app storage: awaited set and delete go to the store, not to a Map in memory
      code: [
        "import { randomBytes } from 'node:crypto';",
        'interface KeyValueStore {',
        '  set(k: string, v: unknown): Promise<void>;',
        '  del(k: string): Promise<void>;',
        '  delete(k: string): Promise<boolean>;',
        '}',
        'export class Crypto {',
        '  constructor(private readonly keychain: KeyValueStore) {}',
        '  setSymKey = async (symKey: Uint8Array, topic: string) => {',
        '    await this.keychain.set(topic, symKey);',
        '  };',
        '  deleteSymKey = async (topic: string) => {',
        '    await this.keychain.del(topic);',
        '  };',
        '}',
        'export async function provision(store: KeyValueStore, tenant: string) {',
        '  const dataKey = randomBytes(32);',
        '  await store.set(tenant, dataKey);',
        '  dataKey.fill(0);',
        '}',
        'export async function deprovision(store: KeyValueStore, tenant: string) {',
        '  await store.delete(tenant);',
        '}',
      ].join('\n'),
      filename: 'src/persisted-keychain.ts',
    },
    {
      // a PKCS#11 provider config (module path, slot; no key) written in full to a file named keystore, then removed
      code: [
        "const { writeFileSync, unlinkSync } = require('fs');",
        "const { execFileSync } = require('child_process');",
        "const { join } = require('path');",
        "const { tmpdir } = require('os');",
        'exports.sign = function sign(file, modulePath, slot) {',
        "  const keystore = join(tmpdir(), 'hsm-keystore.cfg');",
        '  writeFileSync(keystore, `name=token\\nlibrary=${modulePath}\\nslot=${slot}\\n`);',
        "  execFileSync('jarsigner', ['-keystore', 'NONE', '-storetype', 'PKCS11', '-providerArg', keystore, file]);",
        '  unlinkSync(keystore);',
        '};',
      ].join('\n'),
      filename: 'scripts/sign.js',
    },
    {
      // an agent config (options, a socket path) written in full under a keys directory, then removed
      code: [
        "import { writeFileSync, rmSync } from 'node:fs';",
        "import { join } from 'node:path';",
        'export function withAgentConfig(keyDir: string, socket: string, run: () => void) {',
        "  const conf = join(keyDir, 'private-key-agent.conf');",
        "  writeFileSync(conf, 'allow-loopback-pinentry\\n' + `extra-socket ${socket}\\n`);",
        '  try {',
        '    run();',
        '  } finally {',
        '    rmSync(conf);',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/agent-config.ts',
    },
  ],
  invalid: [
    {
      // near misses: the state also declares key bytes; a member declared both as a string and as bytes
      code: [
        'export type WalletState = { encryptionKey?: string; privateKey?: Uint8Array };',
        'interface A { secretKey: string }',
        'interface B { secretKey: Uint8Array }',
        'export function lock(state: WalletState, a: A | B): void {',
        '  delete state.encryptionKey;',
        '  delete state.privateKey;',
        '  (a as B).secretKey = null as unknown as Uint8Array;',
        '}',
      ].join('\n'),
      filename: 'src/state-bytes.ts',
      errors: [
        { messageId: 'keyDropped', line: 6, column: 3, endLine: 6, endColumn: 26 },
        { messageId: 'keyDropped', line: 7, column: 3, endLine: 7, endColumn: 53 },
      ],
    },
    {
      // near misses: an object that is not an environment; a guard that says the holder IS bytes or is set
      code: [
        "import { randomBytes } from 'node:crypto';",
        'export class Session {',
        '  private sessionKey: Uint8Array | null = randomBytes(32);',
        '  close(): void {',
        '    if (this.sessionKey instanceof Uint8Array) this.sessionKey = null;',
        '  }',
        '  end(): void {',
        '    if (this.sessionKey) this.sessionKey = null;',
        '  }',
        '}',
        'export function drop() {',
        '  const secrets = { signingKey: randomBytes(32), ...{ mode: 1 } };',
        '  delete secrets.signingKey;',
        '}',
      ].join('\n'),
      filename: 'src/guards-bytes.ts',
      errors: [
        { messageId: 'keyDropped', line: 5, column: 48, endLine: 5, endColumn: 70 },
        { messageId: 'keyDropped', line: 8, column: 26, endLine: 8, endColumn: 48 },
        { messageId: 'keyDropped', line: 13, column: 3, endLine: 13, endColumn: 28 },
      ],
    },
    {
      // near misses: a decoded copy is the local's own; a synchronous Map of key bytes loses an entry
      code: [
        "import sodium from 'libsodium-wrappers';",
        'const sessionKeys = new Map<string, Uint8Array>();',
        'export function open(account: { privateKeyHex: string }, id: string) {',
        '  let privateKey: Uint8Array | null = sodium.from_hex(account.privateKeyHex);',
        '  sessionKeys.set(id, privateKey);',
        '  privateKey = null;',
        '}',
        'export async function close(id: string) {',
        '  await Promise.resolve();',
        '  sessionKeys.delete(id);',
        '}',
      ].join('\n'),
      filename: 'src/copies.ts',
      errors: [
        { messageId: 'keyDropped', line: 6, column: 3, endLine: 6, endColumn: 20 },
        { messageId: 'keyDropped', line: 10, column: 3, endLine: 10, endColumn: 25 },
      ],
    },
    {
      // near misses: a PEM handed in and written to the file, a password written into a keystore config
      code: [
        "import { writeFileSync, unlinkSync } from 'node:fs';",
        'export function withKey(privateKeyPem: string, run: (p: string) => void) {',
        "  const keyPath = '/tmp/signing-key.pem';",
        '  writeFileSync(keyPath, `${privateKeyPem}\\n`);',
        '  run(keyPath);',
        '  unlinkSync(keyPath);',
        '}',
        'export function withPasswordConfig(password: string, run: (p: string) => void) {',
        "  const keystore = '/tmp/keystore.cfg';",
        '  writeFileSync(keystore, `storepass=${password}\\n`);',
        '  run(keystore);',
        '  unlinkSync(keystore);',
        '}',
      ].join('\n'),
      filename: 'src/near-key-files.ts',
      errors: [
        { messageId: 'keyFileDeleted', line: 6, column: 3, endLine: 6, endColumn: 22, suggestions: [] },
        { messageId: 'keyFileDeleted', line: 12, column: 3, endLine: 12, endColumn: 23, suggestions: [] },
      ],
    },
  ],
});
