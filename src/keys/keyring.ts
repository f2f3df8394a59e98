import {
  createHash,
  createHmac,
  createPublicKey,
  timingSafeEqual,
  verify as nodeVerify,
  type KeyObject,
} from 'node:crypto';
import { gcmOpen, gcmSeal } from './aead.js';
import { readTail, type AuditVerification } from './audit.js';
import type { Backend, MaterialRef, Purpose, VersionContext } from './backend.js';
import { PURPOSES } from './backend.js';
import { createBackend, type BackendOptions } from './backends.js';
import {
  LIMITS_CRYPTO_ERASE,
  LIMITS_FILE_OVERWRITE,
  scanDir,
  type DestructionReport,
  type DestructionStep,
} from './destroy.js';
import { ed25519Sign } from './ed25519.js';
import { KeyhygieneError } from './errors.js';
import {
  ALG,
  contextBytes,
  dataBytes,
  encodeHeader,
  fromText,
  HEADER_LEN,
  parseHeader,
  payloadAad,
  toText,
  type AlgorithmId,
} from './format.js';
import type { RandomSource } from './random.js';
import { SecretBytes } from './secret-bytes.js';
import {
  Keystore,
  type CanaryRecord,
  type KeyRecord,
  type RotationPolicy,
  type StoreBody,
  type Tx,
  type VersionRecord,
  type VersionState,
} from './store.js';

/** SP 800-38D §8.3: with random 96-bit IVs, at most 2^32 invocations of the authenticated encryption
 * function per key. Each envelope encryption is one GCM invocation under the version key (the DEK wrap),
 * so that is what we count. Reservations stop a margin below the bound. */
export const GCM_INVOCATION_LIMIT = 2 ** 32;
const RESERVATION_BLOCK = 2 ** 16;
/** The first block a process reserves; each further block doubles, up to RESERVATION_BLOCK. A
 * short-lived process that encrypts a few times thus uses up 64 counts, not 2^16 (2^32 / 2^16 = 65,536
 * runs would force a rotation; 2^32 / 64 is 67 million). */
const FIRST_RESERVATION = 64;
const HARD_LIMIT = GCM_INVOCATION_LIMIT - 2 * RESERVATION_BLOCK;

const DEFAULT_ROTATION: RotationPolicy = { maxAgeDays: 90, maxEncryptions: 2 ** 31, auto: true };
const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const ENVELOPE_MIN = HEADER_LEN + 12 + 48 + 12 + 16;
const MS_PER_DAY = 86_400_000;

export type { Purpose, RotationPolicy, VersionState };

export interface RotationOptions {
  maxAgeDays?: number;
  maxEncryptions?: number;
  auto?: boolean;
}

export interface OpenKeyringOptions {
  /** Keystore directory (created with mode 0700 when `create` is true). */
  path: string;
  /** Backend, chosen explicitly: `{ type: 'software', passphraseEnv }` or `{ type: 'pkcs11', module, tokenLabel, pinFile }`. */
  backend: BackendOptions;
  /** Key name inside the keystore (default "default"). Letters, digits, '.', '_' and '-'; no path characters. */
  name?: string;
  /** Purpose of the key when it is created (default 'aead'); checked against an existing key. */
  purpose?: Purpose;
  /** Create the keystore and the key when missing (default false: a typo in `path` must not create an empty store). */
  create?: boolean;
  /** Length of a 'secret' key in bytes (default 32). */
  bytes?: number;
  /** Rotation policy; `false` disables policy rotation (the SP 800-38D hard bound still applies). */
  rotation?: RotationOptions | false;
  /** How long to wait for another process holding the keystore lock (default 15 s). */
  lockTimeoutMs?: number;
  /** Environment for passphraseEnv/pinEnv (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** With false, a missing key is not an error: the keyring can still `list`, `generate` and `verifyAuditLog`. Default true. */
  requireKey?: boolean;
  /**
   * Software backend: a file OUTSIDE the keystore directory that holds the rollback anchor (latest
   * generation and audit log head, MAC-ed). Without it, restoring an older copy of the whole keystore
   * directory is not detected (see docs/keys.md). The token backend keeps its anchor in the token.
   */
  anchorPath?: string;
}

/** Options of the operations that can be told to use a compromised version. */
export interface CompromisedUse {
  /**
   * Use a version marked compromised anyway. Its key leaked, so whoever holds the leak can forge
   * ciphertexts that decrypt, and read the secret: what comes back proves nothing about its origin.
   * For one-off recovery of data you can vouch for by other means; `rewrap` never allows it.
   */
  insecureAllowCompromised?: boolean;
}

export interface VersionInfo {
  id: string;
  number: number;
  state: VersionState;
  primary: boolean;
  compromised: boolean;
  algorithm: string;
  backend: 'software' | 'pkcs11';
  hardware: boolean;
  origin: 'token' | 'software' | 'imported';
  /** Token attributes read back at generation (PKCS#11 only). */
  local?: boolean;
  neverExtractable?: boolean;
  alwaysSensitive?: boolean;
  createdAt: string;
  activatedAt?: string;
  destroyAt?: string;
  destroyedAt?: string;
  encryptionsReserved: number;
}

export interface KeyInfo {
  name: string;
  purpose: Purpose;
  backend: 'software' | 'pkcs11';
  hardware: boolean;
  primary: string | null;
  rotation: RotationPolicy | false;
  rotationDue: boolean;
  minDecryptionVersion: number;
  versions: VersionInfo[];
}

export function hexId(id: number): string {
  return (id >>> 0).toString(16).padStart(8, '0');
}

/**
 * Validates a key name: no path separators, no "..", a small alphabet.
 * @throws {TypeError} when not a string. @throws {KeyhygieneError} E_BAD_NAME otherwise.
 */
export function checkName(name: unknown): string {
  if (typeof name !== 'string') throw new TypeError('key name must be a string');
  if (!NAME_RE.test(name) || name.includes('..')) {
    throw new KeyhygieneError(
      'E_BAD_NAME',
      `invalid key name ${JSON.stringify(name.slice(0, 80))}: use 1-64 letters, digits, ".", "_" or "-", no path characters`,
    );
  }
  return name;
}

function parseVersion(v: number | string): number {
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) || v < 0 || v > 0xffffffff) throw new RangeError('version must be a u32 key id');
    return v;
  }
  if (typeof v === 'string' && /^(0x)?[0-9a-fA-F]{1,8}$/.test(v)) return Number.parseInt(v.replace(/^0x/, ''), 16);
  throw new TypeError('version must be a key id (number or 8-digit hex string)');
}

function rotationFrom(
  r: RotationOptions | false | undefined,
  base: RotationPolicy | false = DEFAULT_ROTATION,
): RotationPolicy | false {
  if (r === false) return false;
  if (r === undefined) return base;
  if (typeof r !== 'object' || r === null) throw new TypeError('rotation must be an object or false');
  const b = base === false ? DEFAULT_ROTATION : base;
  const out: RotationPolicy = {
    maxAgeDays: r.maxAgeDays ?? b.maxAgeDays,
    maxEncryptions: r.maxEncryptions ?? b.maxEncryptions,
    auto: r.auto ?? b.auto,
  };
  if (!Number.isFinite(out.maxAgeDays) || out.maxAgeDays <= 0 || out.maxAgeDays > 3650)
    throw new RangeError('rotation.maxAgeDays must be in (0, 3650]');
  if (!Number.isSafeInteger(out.maxEncryptions) || out.maxEncryptions < 1 || out.maxEncryptions > HARD_LIMIT) {
    throw new RangeError(`rotation.maxEncryptions must be an integer in [1, ${HARD_LIMIT}] (SP 800-38D §8.3 bound)`);
  }
  if (typeof out.auto !== 'boolean') throw new TypeError('rotation.auto must be a boolean');
  return out;
}

function algorithmFor(purpose: Purpose, backend: Backend): string {
  switch (purpose) {
    case 'aead':
      return 'AES-256-GCM-ENVELOPE';
    case 'mac':
      return 'HMAC-SHA256';
    case 'sign':
      return backend.info.type === 'pkcs11' ? 'ECDSA-P256-SHA256' : 'Ed25519';
    case 'secret':
      return 'RAW-SECRET';
  }
}

const ALG_BY_NAME: Record<string, AlgorithmId> = {
  'AES-256-GCM-ENVELOPE': ALG.AES256_GCM_ENVELOPE,
  'HMAC-SHA256': ALG.HMAC_SHA256,
  Ed25519: ALG.ED25519,
  'ECDSA-P256-SHA256': ALG.ECDSA_P256_SHA256,
};

let exportImpl: (ring: Keyring, version: number | string) => Promise<{ material: SecretBytes; info: VersionInfo }>;
let exportCapability: symbol | null = null;

/**
 * @internal Hands the raw-export capability to `insecure-export.ts`, which claims it when it loads.
 * A second claim in the same process fails, so no other module can hold it.
 */
export function claimExportCapability(): symbol {
  if (exportCapability !== null)
    throw new KeyhygieneError('E_STATE', 'the raw-export capability was already claimed in this process');
  exportCapability = Symbol('keyhygiene raw export');
  return exportCapability;
}

/**
 * @internal Raw export for the holder of the capability: the audit record is committed first.
 * @throws {TypeError} without the capability or a Keyring.
 */
export function exportMaterialWithCapability(
  capability: symbol,
  ring: Keyring,
  version: number | string,
): Promise<{ material: SecretBytes; info: VersionInfo }> {
  if (exportCapability === null || capability !== exportCapability)
    throw new TypeError('raw export needs the capability held by keyhygiene/keys/insecure-export');
  if (!(ring instanceof Keyring)) throw new TypeError('keyring must be a Keyring');
  return exportImpl(ring, version);
}

function canaryAad(v: Pick<VersionRecord, 'id'>): Buffer {
  return Buffer.from(`keyhygiene/v2/destruction-canary\0${hexId(v.id)}`, 'utf8');
}

/**
 * Opens (or with `create: true`, creates) a keystore and returns the keyring for one named key.
 * @throws {TypeError} for malformed options. @throws {RangeError} for out-of-range values.
 * @throws {KeyhygieneError} E_NOT_FOUND, E_EXISTS, E_AUTH, E_TAMPERED, E_CORRUPT, E_VERSION, E_PERMISSIONS,
 *   E_PKCS11, E_CONFIG, E_BAD_NAME, E_PURPOSE, E_LOCKED.
 */
export async function openKeyring(options: OpenKeyringOptions): Promise<Keyring> {
  if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
  if (typeof options.path !== 'string' || options.path === '')
    throw new TypeError('options.path must be a non-empty string');
  const name = checkName(options.name ?? 'default');
  if (options.purpose !== undefined && !PURPOSES.includes(options.purpose))
    throw new RangeError(`options.purpose must be one of ${PURPOSES.join(', ')}`);
  const rotation = options.rotation === undefined ? undefined : rotationFrom(options.rotation);
  const bytes = options.bytes ?? 32;
  if (!Number.isSafeInteger(bytes) || bytes < 16 || bytes > 1024)
    throw new RangeError('options.bytes must be an integer in [16, 1024]');
  const backend = await createBackend(options.backend, options.env ?? process.env);
  let store: Keystore;
  try {
    try {
      store = await Keystore.open(options.path, backend, {
        lockTimeoutMs: options.lockTimeoutMs,
        anchorPath: options.anchorPath,
      });
    } catch (e) {
      if (!(e instanceof KeyhygieneError && e.code === 'E_NOT_FOUND' && options.create === true)) throw e;
      store = await Keystore.create(options.path, backend, {
        lockTimeoutMs: options.lockTimeoutMs,
        anchorPath: options.anchorPath,
      });
    }
  } catch (e) {
    await backend.close();
    throw e;
  }
  const ring = new Keyring(store, name, true);
  try {
    const rec = store.body.keys[name];
    if (!rec) {
      if (options.create !== true && options.requireKey === false) return ring;
      if (options.create !== true)
        throw new KeyhygieneError(
          'E_NOT_FOUND',
          `no key named "${name}" in ${options.path} (create it with "keyhygiene keys generate --name ${name}")`,
        );
      await ring.generate(name, {
        purpose: options.purpose ?? 'aead',
        bytes,
        rotation: options.rotation,
        ifMissing: true,
      });
    } else {
      if (options.purpose !== undefined && rec.purpose !== options.purpose) {
        throw new KeyhygieneError('E_PURPOSE', `key "${name}" has purpose ${rec.purpose}, not ${options.purpose}`);
      }
      if (rotation !== undefined && JSON.stringify(rotation) !== JSON.stringify(rec.rotation))
        await ring.setRotationPolicy(options.rotation!);
    }
  } catch (e) {
    await ring.close();
    throw e;
  }
  return ring;
}

/**
 * A keyring: one named key of a keystore, with its versions. Encrypts, MACs and signs with the
 * primary version; decrypts and verifies with any version that is still allowed to.
 */
export class Keyring {
  readonly name: string;
  readonly #store: Keystore;
  readonly #owner: boolean;
  readonly #material = new Map<number, SecretBytes>();
  readonly #budget = new Map<number, number>();
  #nextBlock = FIRST_RESERVATION;
  #reserving: Promise<VersionRecord> | null = null;
  #lastRefresh = -Infinity;
  #closed = false;
  #children = new Map<string, Keyring>();

  /** @internal use openKeyring */
  constructor(store: Keystore, name: string, owner: boolean) {
    this.#store = store;
    this.name = name;
    this.#owner = owner;
  }

  /** Path of the keystore directory. */
  get path(): string {
    return this.#store.dir;
  }

  get backend(): { type: 'software' | 'pkcs11'; hardware: boolean; description: string } {
    return { ...this.#store.backend.info };
  }

  /** The backend's random source (C_GenerateRandom on a token), for `configureRandomSource`. */
  get randomSource(): RandomSource {
    return this.#store.backend.random;
  }

  get purpose(): Purpose {
    return this.#record().purpose;
  }

  // ---------------------------------------------------------------- AEAD

  /**
   * Encrypts `data` under a fresh random DEK (AES-256-GCM), wraps the DEK with the primary version
   * (AES-256-GCM, inside the token for PKCS#11), and binds the header and `context` as AAD.
   * Layout: header(6) | wrapIv(12) | wrappedDek(48) | iv(12) | ciphertext | tag(16).
   * @throws {TypeError} for non-bytes input. @throws {KeyhygieneError} E_PURPOSE, E_STATE, E_LIMIT, E_CLOSED.
   */
  async encrypt(data: string | Uint8Array, context?: string | Uint8Array): Promise<Buffer> {
    const pt = dataBytes(data);
    const ctx = contextBytes(context);
    this.#requirePurpose('aead');
    const v = await this.#reserveOne();
    return this.#encryptWith(v, pt, ctx);
  }

  /**
   * Decrypts a ciphertext from `encrypt`. The same `context` must be given. A version marked
   * compromised is refused unless `options.insecureAllowCompromised` (anyone holding the leaked key
   * can forge ciphertexts that pass).
   * @throws {KeyhygieneError} E_TAMPERED (authentication failed), E_CORRUPT (truncated), E_FORMAT
   *   (unknown format/algorithm), E_UNKNOWN_KEY, E_DESTROYED, E_DISABLED (also for a compromised version).
   */
  async decrypt(ciphertext: Uint8Array, context?: string | Uint8Array, options: CompromisedUse = {}): Promise<Buffer> {
    if (!(ciphertext instanceof Uint8Array)) throw new TypeError('ciphertext must be a Uint8Array');
    const ctx = contextBytes(context);
    this.#requirePurpose('aead');
    const h = parseHeader(ciphertext, 'ciphertext');
    if (h.alg !== ALG.AES256_GCM_ENVELOPE)
      throw new KeyhygieneError('E_FORMAT', `ciphertext algorithm 0x${h.alg.toString(16)} is not an AEAD envelope`);
    if (ciphertext.byteLength < ENVELOPE_MIN) throw new KeyhygieneError('E_CORRUPT', 'ciphertext is truncated');
    const v = await this.#versionFor(h.keyId, 'decrypt', options.insecureAllowCompromised === true);
    return this.#decryptWith(v, ciphertext, ctx);
  }

  /** `encrypt` for strings: returns the text form "kh1.<base64url>". */
  async encryptString(text: string, context?: string | Uint8Array): Promise<string> {
    if (typeof text !== 'string') throw new TypeError('text must be a string');
    return toText(await this.encrypt(text, context));
  }

  /** `decrypt` for the text form; returns the UTF-8 string. */
  async decryptString(text: string, context?: string | Uint8Array, options: CompromisedUse = {}): Promise<string> {
    const pt = await this.decrypt(fromText(text, 'ciphertext'), context, options);
    try {
      return pt.toString('utf8');
    } finally {
      pt.fill(0);
    }
  }

  /**
   * Re-encrypts a ciphertext under the primary version without handing the plaintext to the caller
   * (Vault transit "rewrap"). The plaintext is wiped before this returns. A ciphertext under a
   * compromised version is always refused: rewrapping would launder a forgery into clean ciphertext.
   * @throws {KeyhygieneError} E_DISABLED for a compromised version, and the errors of `decrypt`.
   */
  async rewrap(ciphertext: Uint8Array | string, context?: string | Uint8Array): Promise<Buffer> {
    const bin = typeof ciphertext === 'string' ? fromText(ciphertext, 'ciphertext') : ciphertext;
    const pt = await this.decrypt(bin, context, { insecureAllowCompromised: false });
    try {
      return await this.encrypt(pt, context);
    } finally {
      pt.fill(0);
    }
  }

  async #encryptWith(v: VersionRecord, pt: Uint8Array, ctx: Uint8Array | undefined): Promise<Buffer> {
    const backend = this.#store.backend;
    const header = encodeHeader(v.id, ALG.AES256_GCM_ENVELOPE);
    // One RNG call for DEK and both IVs (a token round trip or a getrandom syscall each).
    const rnd = Buffer.allocUnsafeSlow(56);
    const dek = rnd.subarray(0, 32);
    try {
      backend.random.fill(rnd);
      const wrapIv = rnd.subarray(32, 44);
      const iv = rnd.subarray(44, 56);
      const wrapAad = payloadAad('keyhygiene/v1/dek', header, ctx);
      const wrapped = v.ref?.tokenResident
        ? await backend.tokenEncrypt!(this.#vctx(v), v.ref, dek, wrapIv, wrapAad)
        : gcmSeal((await this.#materialOf(v)).expose(), wrapIv, dek, wrapAad);
      const body = gcmSeal(dek, iv, pt, payloadAad('keyhygiene/v1/data', header, ctx));
      return Buffer.concat([header, wrapIv, wrapped, iv, body]);
    } finally {
      rnd.fill(0);
    }
  }

  async #decryptWith(v: VersionRecord, c: Uint8Array, ctx: Uint8Array | undefined): Promise<Buffer> {
    const backend = this.#store.backend;
    const header = c.subarray(0, HEADER_LEN);
    const wrapIv = c.subarray(6, 18);
    const wrapped = c.subarray(18, 66);
    const iv = c.subarray(66, 78);
    const body = c.subarray(78);
    const wrapAad = payloadAad('keyhygiene/v1/dek', header, ctx);
    let dek: Buffer | undefined;
    try {
      dek = v.ref?.tokenResident
        ? await backend.tokenDecrypt!(this.#vctx(v), v.ref, wrapped, wrapIv, wrapAad)
        : gcmOpen((await this.#materialOf(v)).expose(), wrapIv, wrapped, wrapAad, 'ciphertext');
      if (dek.length !== 32) throw new KeyhygieneError('E_TAMPERED', 'ciphertext failed authentication');
      return gcmOpen(dek, iv, body, payloadAad('keyhygiene/v1/data', header, ctx), 'ciphertext');
    } catch (e) {
      if (e instanceof KeyhygieneError && e.code === 'E_TAMPERED') {
        throw new KeyhygieneError(
          'E_TAMPERED',
          'ciphertext failed authentication (tampered, wrong context or wrong key)',
        );
      }
      throw e;
    } finally {
      dek?.fill(0);
    }
  }

  // ---------------------------------------------------------------- MAC

  /**
   * HMAC-SHA256 tag over header || data with the primary version. Tag = header(6) || mac(32).
   * @throws {KeyhygieneError} E_PURPOSE, E_STATE.
   */
  async mac(data: string | Uint8Array): Promise<Buffer> {
    const d = dataBytes(data);
    this.#requirePurpose('mac');
    const v = await this.#primaryForUse();
    const header = encodeHeader(v.id, ALG.HMAC_SHA256);
    return Buffer.concat([header, await this.#macWith(v, header, d)]);
  }

  /**
   * Verifies a tag from `mac` in constant time. Returns false for a wrong tag.
   * @throws {KeyhygieneError} E_FORMAT, E_CORRUPT, E_UNKNOWN_KEY, E_DESTROYED, E_DISABLED (also for a compromised version).
   */
  async verifyMac(data: string | Uint8Array, tag: Uint8Array): Promise<boolean> {
    const d = dataBytes(data);
    if (!(tag instanceof Uint8Array)) throw new TypeError('tag must be a Uint8Array');
    this.#requirePurpose('mac');
    const h = parseHeader(tag, 'MAC tag');
    if (h.alg !== ALG.HMAC_SHA256) throw new KeyhygieneError('E_FORMAT', 'MAC tag algorithm is not HMAC-SHA256');
    if (tag.byteLength !== HEADER_LEN + 32) throw new KeyhygieneError('E_CORRUPT', 'MAC tag has the wrong length');
    const v = await this.#versionFor(h.keyId, 'verify');
    const expect = await this.#macWith(v, tag.subarray(0, HEADER_LEN), d);
    return timingSafeEqual(expect, tag.subarray(HEADER_LEN));
  }

  async #macWith(v: VersionRecord, header: Uint8Array, d: Uint8Array): Promise<Buffer> {
    const input = Buffer.concat([header, d]);
    if (v.ref?.tokenResident) return this.#store.backend.tokenMac!(this.#vctx(v), v.ref, input);
    return createHmac('sha256', (await this.#materialOf(v)).expose())
      .update(input)
      .digest();
  }

  // ---------------------------------------------------------------- signatures

  /**
   * Signs header || data with the primary version: Ed25519 (software) or ECDSA P-256/SHA-256 inside the
   * token (PKCS#11). Signature = header(6) || sig(64).
   */
  async sign(data: string | Uint8Array): Promise<Buffer> {
    const d = dataBytes(data);
    this.#requirePurpose('sign');
    const v = await this.#primaryForUse();
    const alg = ALG_BY_NAME[v.algorithm]!;
    const header = encodeHeader(v.id, alg);
    return Buffer.concat([header, await this.#signWith(v, header, d)]);
  }

  /**
   * Verifies a signature from `sign` with the version's public key. Returns false for a bad signature.
   * @throws {KeyhygieneError} E_FORMAT, E_UNKNOWN_KEY, E_DESTROYED, E_DISABLED (also for a compromised version).
   */
  async verify(data: string | Uint8Array, signature: Uint8Array): Promise<boolean> {
    const d = dataBytes(data);
    if (!(signature instanceof Uint8Array)) throw new TypeError('signature must be a Uint8Array');
    this.#requirePurpose('sign');
    const h = parseHeader(signature, 'signature');
    const v = await this.#versionFor(h.keyId, 'verify');
    if (ALG_BY_NAME[v.algorithm] !== h.alg)
      throw new KeyhygieneError('E_FORMAT', 'signature algorithm does not match the key version');
    const msg = Buffer.concat([signature.subarray(0, HEADER_LEN), d]);
    const sig = signature.subarray(HEADER_LEN);
    const pub = this.#publicKeyObject(v);
    if (h.alg === ALG.ED25519) return nodeVerify(null, msg, pub, sig);
    return nodeVerify('sha256', msg, { key: pub, dsaEncoding: 'ieee-p1363' }, sig);
  }

  /** The public key (SPKI PEM) of a signing version (default: the primary). */
  publicKey(version?: number | string): string {
    this.#requirePurpose('sign');
    const rec = this.#record();
    const v =
      version === undefined
        ? rec.versions.find((x) => x.state === 'active')
        : rec.versions.find((x) => x.id === parseVersion(version));
    if (!v) throw new KeyhygieneError('E_NOT_FOUND', `no such version of key "${this.name}"`);
    return this.#publicKeyObject(v).export({ type: 'spki', format: 'pem' }).toString();
  }

  #publicKeyObject(v: VersionRecord): KeyObject {
    if (!v.publicKey) throw new KeyhygieneError('E_DESTROYED', `key version ${hexId(v.id)} has no public key`);
    return createPublicKey({ key: Buffer.from(v.publicKey, 'base64'), format: 'der', type: 'spki' });
  }

  async #signWith(v: VersionRecord, header: Uint8Array, d: Uint8Array): Promise<Buffer> {
    const msg = Buffer.concat([header, d]);
    if (v.ref?.tokenResident) {
      const digest = createHash('sha256').update(msg).digest();
      return this.#store.backend.tokenSign!(this.#vctx(v), v.ref, digest);
    }
    return ed25519Sign((await this.#materialOf(v)).expose(), msg);
  }

  // ---------------------------------------------------------------- secrets

  /**
   * The primary version of a 'secret' key as a fresh SecretBytes (a copy: wipe it when done).
   * This is what `loadSecret` returns to code that must hand raw bytes to a third-party library.
   * A compromised version is refused unless `options.insecureAllowCompromised`.
   * @throws {KeyhygieneError} E_PURPOSE, E_DESTROYED, E_DISABLED (also for a compromised version), E_UNKNOWN_KEY.
   */
  async secret(version?: number | string, options: CompromisedUse = {}): Promise<SecretBytes> {
    this.#requirePurpose('secret');
    await this.#maybeRefresh(true);
    const v =
      version === undefined
        ? await this.#primaryForUse()
        : await this.#versionFor(parseVersion(version), 'secret', options.insecureAllowCompromised === true);
    return SecretBytes.from((await this.#materialOf(v)).expose());
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Adds a new version. With `promote: true` (default) it becomes the primary at once and the old
   * primary becomes decrypt-only. With `promote: false` it stays pre-active so every reader can load
   * it before `promote` (Tink's two-phase rotation).
   */
  async rotate(options: { promote?: boolean } = {}): Promise<VersionInfo> {
    const promote = options.promote ?? true;
    const id = await this.#store.mutate(async (draft, tx) => {
      const rec = this.#draftRecord(draft);
      const v = await this.#addVersion(draft, rec, tx, promote ? 'active' : 'preactive');
      return v.id;
    });
    this.#afterChange();
    return this.#info(id);
  }

  /** Makes a pre-active or decrypt-only version the primary; the previous primary becomes decrypt-only. */
  async promote(version: number | string): Promise<VersionInfo> {
    const id = parseVersion(version);
    await this.#store.mutate((draft, tx) => {
      const rec = this.#draftRecord(draft);
      const v = this.#draftVersion(rec, id);
      if (v.compromised)
        throw new KeyhygieneError('E_STATE', `version ${hexId(id)} is compromised and cannot become primary`);
      if (v.state === 'active') return tx.abort();
      if (v.state !== 'preactive' && v.state !== 'decrypt-only')
        throw new KeyhygieneError(
          'E_STATE',
          `version ${hexId(id)} is ${v.state}; only pre-active or decrypt-only versions can be promoted`,
        );
      // Everything encrypted under it afterwards would be refused on decryption.
      if (v.number < rec.minDecryptionVersion)
        throw new KeyhygieneError(
          'E_STATE',
          `version ${hexId(id)} (#${v.number}) is below minDecryptionVersion ${rec.minDecryptionVersion}; it cannot become primary`,
        );
      this.#activate(rec, v, tx);
    });
    this.#afterChange();
    return this.#info(id);
  }

  /** Suspends a version (SP 800-57 "suspended"): no operation uses it until `enable`. The primary cannot be disabled. */
  async disable(version: number | string): Promise<VersionInfo> {
    return this.#transition(version, ['preactive', 'decrypt-only'], 'disabled', 'version.disable', (v) => {
      v.disabledAt = new Date().toISOString();
    });
  }

  /** Returns a disabled version to decrypt-only. */
  async enable(version: number | string): Promise<VersionInfo> {
    return this.#transition(version, ['disabled'], 'decrypt-only', 'version.enable');
  }

  /**
   * Schedules destruction after `days` (default 30, like AWS KMS; 0 for incident response). The version
   * is unusable at once; `cancelDestroy` inside the window returns it to disabled.
   */
  async scheduleDestroy(version: number | string, days = 30): Promise<VersionInfo> {
    if (typeof days !== 'number' || !Number.isFinite(days) || days < 0 || days > 3650)
      throw new RangeError('days must be a number in [0, 3650]');
    const destroyAt = new Date(Date.now() + days * MS_PER_DAY).toISOString();
    const id = parseVersion(version);
    const cur = this.#record().versions.find((x) => x.id === id);
    if (cur?.state === 'destroy-scheduled') {
      // Already scheduled: a new call sets the new date (an incident may need it sooner), audited.
      await this.#store.mutate((draft, tx) => {
        const v = this.#draftVersion(this.#draftRecord(draft), id);
        if (v.state !== 'destroy-scheduled')
          throw new KeyhygieneError('E_STATE', `version ${hexId(id)} is ${v.state}; cannot reschedule its destruction`);
        tx.audit({
          event: 'version.reschedule-destroy',
          key: this.name,
          version: hexId(id),
          from: v.destroyAt ?? null,
          destroyAt,
          days,
        });
        v.destroyAt = destroyAt;
      });
      this.#afterChange();
      return this.#info(id);
    }
    return this.#transition(
      version,
      ['preactive', 'decrypt-only', 'disabled'],
      'destroy-scheduled',
      'version.schedule-destroy',
      (v) => {
        v.destroyAt = destroyAt;
      },
      { destroyAt, days },
    );
  }

  /** Cancels a scheduled destruction; the version becomes disabled (as GCP KMS "restore"). */
  async cancelDestroy(version: number | string): Promise<VersionInfo> {
    return this.#transition(version, ['destroy-scheduled'], 'disabled', 'version.cancel-destroy', (v) => {
      delete v.destroyAt;
    });
  }

  /** Marks a version compromised (SP 800-57 §5.3.7). A compromised primary is replaced at once. */
  async markCompromised(version: number | string): Promise<VersionInfo> {
    const id = parseVersion(version);
    await this.#store.mutate(async (draft, tx) => {
      const rec = this.#draftRecord(draft);
      const v = this.#draftVersion(rec, id);
      if (v.state === 'destroyed') throw new KeyhygieneError('E_DESTROYED', `version ${hexId(id)} is destroyed`);
      v.compromised = true;
      v.compromisedAt = new Date().toISOString();
      tx.audit({ event: 'version.compromised', key: rec.name, version: hexId(id) });
      if (v.state === 'active') await this.#addVersion(draft, rec, tx, 'active', 'replaces compromised primary');
    });
    this.#afterChange();
    return this.#info(id);
  }

  /**
   * Brings in existing material, e.g. a key found hardcoded in source. It is marked compromised by
   * default (it was exposed), kept decrypt-only so existing data can be read and rewrapped, and a fresh
   * primary is generated at once unless `rotate: false`.
   * @throws {RangeError} for a wrong length (aead needs 32 bytes). @throws {KeyhygieneError} E_PURPOSE for 'sign'.
   */
  async import(
    material: Uint8Array | SecretBytes,
    options: { compromised?: boolean; rotate?: boolean } = {},
  ): Promise<VersionInfo> {
    const m = material instanceof SecretBytes ? material.expose() : material;
    if (!(m instanceof Uint8Array)) throw new TypeError('material must be a Uint8Array or SecretBytes');
    const purpose = this.#record().purpose;
    if (purpose === 'sign')
      throw new KeyhygieneError('E_PURPOSE', 'import of signing keys is not supported; generate a new signing key');
    if (purpose === 'aead' && m.byteLength !== 32)
      throw new RangeError('an aead key to import must be 32 bytes (AES-256)');
    if (m.byteLength < 1 || m.byteLength > 4096) throw new RangeError('material must be 1 to 4096 bytes');
    const compromised = options.compromised ?? true;
    const id = await this.#store.mutate(async (draft, tx) => {
      const rec = this.#draftRecord(draft);
      const versionId = this.#newVersionId(draft);
      const now = new Date().toISOString();
      const vctx: VersionContext = { storeId: this.#store.storeId, keyName: rec.name, versionId, purpose: rec.purpose };
      const created = await this.#store.backend.importVersion(vctx, m);
      const v: VersionRecord = {
        id: versionId,
        number: rec.nextNumber++,
        state: compromised ? 'decrypt-only' : 'preactive',
        compromised,
        algorithm: algorithmFor(rec.purpose, this.#store.backend),
        bytes: m.byteLength,
        backend: this.#store.backend.info.type,
        hardware: false,
        provenance: created.provenance,
        createdAt: now,
        reserved: 0,
        ref: created.ref,
      };
      if (compromised) v.compromisedAt = now;
      rec.versions.push(v);
      tx.audit({
        event: 'version.import',
        key: rec.name,
        version: hexId(versionId),
        compromised,
        backend: v.backend,
        hardware: false,
        bytes: m.byteLength,
      });
      const primary = rec.versions.find((x) => x.state === 'active');
      if ((options.rotate ?? true) && compromised && (!primary || primary.compromised)) {
        await this.#addVersion(draft, rec, tx, 'active', 'replaces imported compromised key');
      }
      return versionId;
    });
    this.#afterChange();
    return this.#info(id);
  }

  /** Versions with a lower number refuse to decrypt/verify (Vault "min_decryption_version"). */
  async setMinDecryptionVersion(n: number): Promise<void> {
    if (!Number.isSafeInteger(n) || n < 1) throw new RangeError('minDecryptionVersion must be a positive integer');
    await this.#store.mutate((draft, tx) => {
      const rec = this.#draftRecord(draft);
      const active = rec.versions.find((v) => v.state === 'active');
      if (active && active.number < n)
        throw new KeyhygieneError(
          'E_STATE',
          `the primary is version #${active.number}; minDecryptionVersion cannot exceed it`,
        );
      rec.minDecryptionVersion = n;
      tx.audit({ event: 'key.min-decryption-version', key: rec.name, minDecryptionVersion: n });
    });
    this.#afterChange();
  }

  /** Changes the rotation policy of this key. */
  async setRotationPolicy(rotation: RotationOptions | false): Promise<void> {
    await this.#store.mutate((draft, tx) => {
      const rec = this.#draftRecord(draft);
      rec.rotation = rotationFrom(rotation, rec.rotation);
      tx.audit({
        event: 'key.rotation-policy',
        key: rec.name,
        rotation: rec.rotation === false ? 'off' : { ...rec.rotation },
      });
    });
    this.#afterChange();
  }

  /**
   * Creates another named key in the same keystore with one active version.
   * @throws {KeyhygieneError} E_BAD_NAME, E_EXISTS.
   */
  async generate(
    name: string,
    options: { purpose: Purpose; bytes?: number; rotation?: RotationOptions | false; ifMissing?: boolean },
  ): Promise<KeyInfo> {
    checkName(name);
    if (typeof options !== 'object' || options === null || !PURPOSES.includes(options.purpose))
      throw new RangeError(`options.purpose must be one of ${PURPOSES.join(', ')}`);
    const bytes = options.bytes ?? 32;
    if (!Number.isSafeInteger(bytes) || bytes < 16 || bytes > 1024)
      throw new RangeError('options.bytes must be an integer in [16, 1024]');
    if (options.purpose !== 'secret' && bytes !== 32)
      throw new RangeError('options.bytes applies to purpose "secret" only');
    const rotation = rotationFrom(options.rotation);
    await this.#store.mutate(async (draft, tx) => {
      if (draft.keys[name]) {
        if (options.ifMissing) return tx.abort();
        throw new KeyhygieneError('E_EXISTS', `key "${name}" already exists`);
      }
      const rec: KeyRecord = {
        name,
        purpose: options.purpose,
        createdAt: new Date().toISOString(),
        rotation,
        minDecryptionVersion: 1,
        nextNumber: 1,
        versions: [],
      };
      draft.keys[name] = rec;
      tx.audit({
        event: 'key.create',
        key: name,
        purpose: options.purpose,
        backend: this.#store.backend.info.type,
        hardware: this.#store.backend.info.hardware,
      });
      await this.#addVersion(draft, rec, tx, 'active', undefined, bytes);
    });
    return this.#keyInfo(this.#store.body.keys[name]!);
  }

  /**
   * The keyring for another key of the same keystore (shares the backend session and state). One
   * per name: asking again returns the same keyring, with its cache of unwrapped material.
   */
  key(name: string): Keyring {
    this.#assertOpen();
    checkName(name);
    if (name === this.name) return this;
    const open = this.#children.get(name);
    if (open && !open.#closed) return open;
    if (!this.#store.body.keys[name])
      throw new KeyhygieneError('E_NOT_FOUND', `no key named "${name}" in ${this.path}`);
    const k = new Keyring(this.#store, name, false);
    this.#children.set(name, k);
    return k;
  }

  /** Every key in the keystore with its versions (no material). */
  async list(): Promise<KeyInfo[]> {
    this.#assertOpen();
    await this.#store.refresh();
    return Object.values(this.#store.body.keys)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((k) => this.#keyInfo(k));
  }

  /** This key's info. */
  info(): KeyInfo {
    return this.#keyInfo(this.#record());
  }

  /**
   * Destroys a version whose destruction window has ended (`scheduleDestroy` first).
   * 1. One commit marks the version `destroying` (irreversible: `cancelDestroy` and `enable` refuse
   *    it) together with a canary made with the version, before anything is destroyed.
   * 2. Token: C_DestroyObject, then C_FindObjects in a new session must find nothing (crypto-erase).
   *    File store: the record is removed and the store rewritten (logical overwrite).
   * 3. The canary is checked against the backend with the OLD key reference: only "key not found"
   *    counts as success. The keystore files are scanned for the version's wrapped bytes.
   * A destroy cut short (crash, kill) resumes from `destroying`; an object already gone, confirmed by
   * a token search, counts as destroyed.
   * @throws {KeyhygieneError} E_STATE when not scheduled or not yet due; E_DESTROYED when already destroyed.
   */
  async destroy(version: number | string): Promise<DestructionReport> {
    const id = parseVersion(version);
    await this.#store.refresh(true);
    const rec = this.#record();
    const cur = rec.versions.find((x) => x.id === id);
    if (!cur) throw new KeyhygieneError('E_NOT_FOUND', `key "${this.name}" has no version ${hexId(id)}`);
    if (cur.state === 'destroyed')
      throw new KeyhygieneError('E_DESTROYED', `version ${hexId(id)} is already destroyed`);
    if (cur.state !== 'destroy-scheduled' && cur.state !== 'destroying')
      throw new KeyhygieneError('E_STATE', `version ${hexId(id)} is ${cur.state}; call scheduleDestroy first`);
    if (cur.state === 'destroy-scheduled' && Date.parse(cur.destroyAt ?? '') > Date.now())
      throw new KeyhygieneError(
        'E_STATE',
        `version ${hexId(id)} is scheduled for destruction at ${cur.destroyAt}; not yet due`,
      );
    const steps: DestructionStep[] = [];
    const backend = this.#store.backend;
    const vctx = this.#vctx(cur);
    // 1. The irreversible mark and the canary, in one commit, before any object is destroyed.
    let resumed = false;
    const marked = await this.#store.mutate(async (draft, tx) => {
      const r = this.#draftRecord(draft);
      const v = this.#draftVersion(r, id);
      if (v.state === 'destroying') {
        resumed = true;
        tx.abort();
        return v;
      }
      if (v.state !== 'destroy-scheduled')
        throw new KeyhygieneError('E_STATE', `version ${hexId(id)} is ${v.state}; destruction cancelled`);
      if (Date.parse(v.destroyAt ?? '') > Date.now())
        throw new KeyhygieneError('E_STATE', `version ${hexId(id)} is not yet due for destruction`);
      v.canary = await this.#makeCanary(r.purpose, v);
      // The canary ciphertext is one more GCM invocation under the version key: count it.
      if (v.canary.kind === 'ciphertext') v.reserved += 1;
      v.state = 'destroying';
      v.destroyingAt = new Date().toISOString();
      tx.audit({ event: 'version.destroy-begin', key: r.name, version: hexId(id), canary: v.canary.kind });
      return v;
    });
    const oldRef: MaterialRef | null = marked.ref ? { ...marked.ref } : null;
    const canary: CanaryRecord = marked.canary ?? { kind: 'store-record' };
    steps.push({
      step: 'canary',
      ok: true,
      detail: resumed
        ? `resuming an interrupted destruction with the ${canary.kind} canary committed by its first attempt`
        : `${canary.kind} canary committed with the irreversible "destroying" state`,
    });
    this.#forget(id);
    // 2. Backend destruction, then the keystore record is overwritten and the store rewritten.
    let method: DestructionReport['method'] = backend.info.type === 'pkcs11' ? 'crypto-erase' : 'logical-overwrite';
    await this.#store.mutate(async (draft, tx) => {
      const r = this.#draftRecord(draft);
      const v = this.#draftVersion(r, id);
      if (v.state === 'destroyed') return tx.abort(); // another process finished it meanwhile
      if (v.state !== 'destroying')
        throw new KeyhygieneError('E_STATE', `version ${hexId(id)} is ${v.state}; expected destroying`);
      if (v.ref) {
        const res = await backend.destroyVersion(vctx, v.ref);
        method = res.method;
        steps.push(...res.steps);
        if (!res.verified)
          throw new KeyhygieneError('E_PKCS11', `token still holds version ${hexId(id)} after C_DestroyObject`);
      }
      v.state = 'destroyed';
      v.destroyedAt = new Date().toISOString();
      v.ref = null;
      delete v.publicKey;
      delete v.canary;
      tx.audit({
        event: 'version.destroy',
        key: r.name,
        version: hexId(id),
        method,
        backend: v.backend,
        hardware: v.hardware,
        resumed,
      });
    });
    steps.push({
      step: 'keystore rewrite',
      ok: true,
      detail: 'record overwritten; state file rewritten atomically (new file, fsync, rename, fsync dir)',
    });
    this.#forget(id);
    // 3. Verify: the canary must fail with "key not found", through a fresh read of the store.
    await this.#store.refresh(true);
    steps.push(await this.#checkCanary(vctx, oldRef, canary));
    // 4. Verify: the token no longer finds the objects, and the old wrapped ref no longer unwraps.
    if (oldRef && backend.versionExists) {
      const still = await backend.versionExists(oldRef);
      steps.push({
        step: 'token search (new session)',
        ok: !still,
        detail: still ? 'token object still present' : 'C_FindObjects by CKA_ID found 0 objects',
      });
    }
    // 5. Verify: no keystore file holds the wrapped bytes any more.
    if (oldRef?.wrapped) {
      const raw = Buffer.from(oldRef.wrapped, 'base64');
      const hits = await scanDir(this.path, [raw, Buffer.from(oldRef.wrapped, 'utf8')]);
      steps.push({
        step: 'store scan',
        ok: hits.length === 0,
        detail:
          hits.length === 0 ? 'wrapped bytes found in no keystore file' : `wrapped bytes still in ${hits.join(', ')}`,
      });
      raw.fill(0);
    }
    const hardware = backend.info.hardware;
    return {
      target: 'key-version',
      subject: `key "${this.name}" version ${hexId(id)}`,
      method,
      backend: backend.info.type,
      hardware,
      verified: steps.every((s) => s.ok),
      steps,
      limits:
        method === 'crypto-erase'
          ? LIMITS_CRYPTO_ERASE
          : `${LIMITS_FILE_OVERWRITE} Anyone holding an earlier copy of the keystore file and the passphrase can still unwrap the destroyed version.`,
      completedAt: new Date().toISOString(),
    };
  }

  /** Destroys every version of this key whose destruction window has ended, and resumes interrupted ones. */
  async destroyDue(): Promise<DestructionReport[]> {
    await this.#store.refresh(true);
    const due = this.#record().versions.filter(
      (v) =>
        v.state === 'destroying' || (v.state === 'destroy-scheduled' && Date.parse(v.destroyAt ?? '') <= Date.now()),
    );
    const out: DestructionReport[] = [];
    for (const v of due) out.push(await this.destroy(v.id));
    return out;
  }

  /**
   * Verifies the audit log's hash chain and its keyed MAC chain (HMAC under a key derived from the
   * root key, so records dropped and the chain recomputed without the key are caught), and that it
   * ends where the authenticated keystore state says (so a cut-off tail is caught too).
   */
  async verifyAuditLog(): Promise<AuditVerification> {
    this.#assertOpen();
    try {
      return await this.#verifyAuditLogLocked();
    } catch (e) {
      // The transaction's own pre-check refused the log: report where the chains break instead of throwing.
      if (!(e instanceof KeyhygieneError && e.code === 'E_TAMPERED')) throw e;
      const res = await this.#store.verifyAuditChain();
      if (!res.ok) return res;
      return { ok: false, records: res.records, head: res.head, error: { line: res.records, reason: e.message } };
    }
  }

  #verifyAuditLogLocked(): Promise<AuditVerification> {
    // Under the keystore lock: no writer can commit between reading the state and reading the log.
    return this.#store.mutate(async (draft, tx) => {
      tx.abort();
      const res = await this.#store.verifyAuditChain();
      if (!res.ok) return res;
      const la = draft.lastAudit;
      if (la) {
        const tail = await readTail(this.#store.auditPath, this.#store.storeId);
        if (tail.hash !== la.hash) {
          return {
            ok: false,
            records: res.records,
            head: res.head,
            error: {
              line: res.records,
              reason: 'log does not end at the record the keystore state names (tail removed or rolled back)',
            },
          };
        }
      }
      return res;
    });
  }

  /** Wipes cached key material and closes the backend (the owner keyring only). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const m of this.#material.values()) m.wipe();
    this.#material.clear();
    this.#budget.clear();
    if (this.#owner) {
      for (const c of this.#children.values()) await c.close();
      this.#children.clear();
      await this.#store.close();
    }
  }

  // ---------------------------------------------------------------- internals

  #assertOpen(): void {
    if (this.#closed || this.#store.closed) throw new KeyhygieneError('E_CLOSED', 'keyring is closed');
  }

  #record(): KeyRecord {
    this.#assertOpen();
    const r = this.#store.body.keys[this.name];
    if (!r) throw new KeyhygieneError('E_NOT_FOUND', `key "${this.name}" no longer exists`);
    return r;
  }

  #draftRecord(draft: StoreBody): KeyRecord {
    const r = draft.keys[this.name];
    if (!r) throw new KeyhygieneError('E_NOT_FOUND', `key "${this.name}" no longer exists`);
    return r;
  }

  #draftVersion(rec: KeyRecord, id: number): VersionRecord {
    const v = rec.versions.find((x) => x.id === id);
    if (!v) throw new KeyhygieneError('E_NOT_FOUND', `key "${rec.name}" has no version ${hexId(id)}`);
    return v;
  }

  #requirePurpose(p: Purpose): void {
    const actual = this.#record().purpose;
    if (actual !== p)
      throw new KeyhygieneError('E_PURPOSE', `key "${this.name}" has purpose ${actual}; this operation needs ${p}`);
  }

  #vctx(v: VersionRecord): VersionContext {
    return { storeId: this.#store.storeId, keyName: this.name, versionId: v.id, purpose: this.#record().purpose };
  }

  #newVersionId(draft: StoreBody): number {
    const used = new Set<number>();
    for (const k of Object.values(draft.keys)) for (const v of k.versions) used.add(v.id);
    const b = Buffer.alloc(4);
    for (;;) {
      this.#store.backend.random.fill(b);
      const id = b.readUInt32BE(0);
      if (id !== 0 && !used.has(id)) return id;
    }
  }

  async #addVersion(
    draft: StoreBody,
    rec: KeyRecord,
    tx: Tx,
    state: 'active' | 'preactive',
    reason?: string,
    bytes?: number,
  ): Promise<VersionRecord> {
    const backend = this.#store.backend;
    const id = this.#newVersionId(draft);
    const size = bytes ?? rec.versions.find((v) => v.state !== 'destroyed' && !v.compromised)?.bytes ?? 32;
    const vctx: VersionContext = {
      storeId: this.#store.storeId,
      keyName: rec.name,
      versionId: id,
      purpose: rec.purpose,
    };
    const created = await backend.createVersion(vctx, { bytes: rec.purpose === 'secret' ? size : 32 });
    const v: VersionRecord = {
      id,
      number: rec.nextNumber++,
      state: 'preactive',
      compromised: false,
      algorithm: algorithmFor(rec.purpose, backend),
      bytes: rec.purpose === 'secret' ? size : 32,
      backend: backend.info.type,
      hardware: backend.info.hardware,
      provenance: created.provenance,
      createdAt: new Date().toISOString(),
      reserved: 0,
      ref: created.ref,
    };
    if (created.publicKey) v.publicKey = created.publicKey;
    rec.versions.push(v);
    tx.audit({
      event: 'version.create',
      key: rec.name,
      version: hexId(id),
      number: v.number,
      algorithm: v.algorithm,
      backend: v.backend,
      hardware: v.hardware,
      origin: created.provenance.origin,
      local: created.provenance.local ?? null,
      neverExtractable: created.provenance.neverExtractable ?? null,
      reason,
    });
    if (state === 'active') this.#activate(rec, v, tx);
    return v;
  }

  #activate(rec: KeyRecord, v: VersionRecord, tx: Tx): void {
    const now = new Date().toISOString();
    for (const o of rec.versions) {
      if (o.state === 'active' && o !== v) {
        o.state = 'decrypt-only';
        o.deactivatedAt = now;
        tx.audit({ event: 'version.deactivate', key: rec.name, version: hexId(o.id) });
      }
    }
    v.state = 'active';
    v.activatedAt = now;
    tx.audit({ event: 'version.promote', key: rec.name, version: hexId(v.id) });
  }

  async #transition(
    version: number | string,
    from: VersionState[],
    to: VersionState,
    event: string,
    edit?: (v: VersionRecord) => void,
    extra: Record<string, string | number> = {},
  ): Promise<VersionInfo> {
    const id = parseVersion(version);
    await this.#store.mutate((draft, tx) => {
      const rec = this.#draftRecord(draft);
      const v = this.#draftVersion(rec, id);
      if (v.state === to) return tx.abort();
      if (v.state === 'active')
        throw new KeyhygieneError(
          'E_STATE',
          `version ${hexId(id)} is the primary; promote or rotate to another version first`,
        );
      if (v.state === 'destroyed') throw new KeyhygieneError('E_DESTROYED', `version ${hexId(id)} is destroyed`);
      if (!from.includes(v.state))
        throw new KeyhygieneError('E_STATE', `version ${hexId(id)} is ${v.state}; cannot move to ${to}`);
      tx.audit({ event, key: rec.name, version: hexId(id), from: v.state, to, ...extra });
      v.state = to;
      edit?.(v);
    });
    this.#afterChange();
    return this.#info(id);
  }

  #afterChange(): void {
    // Drop cached material of versions that may no longer be used.
    const rec = this.#store.body.keys[this.name];
    for (const [id, m] of this.#material) {
      const v = rec?.versions.find((x) => x.id === id);
      if (
        !v ||
        v.state === 'destroyed' ||
        v.state === 'destroying' ||
        v.state === 'destroy-scheduled' ||
        v.state === 'disabled'
      ) {
        m.wipe();
        this.#material.delete(id);
      }
    }
    for (const id of [...this.#budget.keys()]) {
      const v = rec?.versions.find((x) => x.id === id);
      if (!v || v.state !== 'active') this.#budget.delete(id);
    }
  }

  #forget(id: number): void {
    this.#material.get(id)?.wipe();
    this.#material.delete(id);
    this.#budget.delete(id);
  }

  async #materialOf(v: VersionRecord): Promise<SecretBytes> {
    const cached = this.#material.get(v.id);
    if (cached && !cached.wiped) return cached;
    if (!v.ref) throw new KeyhygieneError('E_DESTROYED', `key version ${hexId(v.id)} has no material`);
    const m = await this.#store.backend.unwrapMaterial(this.#vctx(v), v.ref);
    this.#material.set(v.id, m);
    return m;
  }

  async #maybeRefresh(force = false): Promise<void> {
    // Pick up rotations by other processes at most once a second (a stat call), not on every call.
    // Monotonic clock: a wall-clock jump (NTP, or a test faking Date) must not stop refreshes.
    const now = performance.now();
    if (!force && now - this.#lastRefresh < 1000) return;
    this.#lastRefresh = now;
    await this.#store.refresh();
    this.#afterChange();
  }

  #policyDue(rec: KeyRecord, v: VersionRecord, extra = 0): 'age' | 'count' | null {
    if (rec.rotation === false) return null;
    const activated = Date.parse(v.activatedAt ?? v.createdAt);
    if (Date.now() - activated >= rec.rotation.maxAgeDays * MS_PER_DAY) return 'age';
    if (rec.purpose === 'aead' && v.reserved + extra > rec.rotation.maxEncryptions) return 'count';
    return null;
  }

  async #primaryForUse(): Promise<VersionRecord> {
    this.#assertOpen();
    await this.#maybeRefresh();
    const rec = this.#record();
    let v = rec.versions.find((x) => x.state === 'active');
    if (!v) throw new KeyhygieneError('E_STATE', `key "${this.name}" has no active version; rotate or promote one`);
    if (rec.rotation !== false && rec.rotation.auto && this.#policyDue(rec, v) === 'age') {
      await this.#store.mutate(async (draft, tx) => {
        const r = this.#draftRecord(draft);
        const p = r.versions.find((x) => x.state === 'active');
        // Another process may have rotated meanwhile: re-check on the fresh state.
        if (p && this.#policyDue(r, p) === null) return tx.abort();
        await this.#addVersion(draft, r, tx, 'active', 'rotation policy: maxAgeDays');
      });
      this.#afterChange();
      v = this.#record().versions.find((x) => x.state === 'active')!;
    }
    return v;
  }

  /**
   * Takes one encryption from this process's reserved budget. When the budget is empty, reserves a
   * block in the persisted state first (an audited commit), so after a crash the count can only be too
   * high, never too low. Blocks start at 64 and double per block this process uses up, to 2^16.
   */
  async #reserveOne(): Promise<VersionRecord> {
    this.#assertOpen();
    await this.#maybeRefresh();
    for (;;) {
      const rec = this.#record();
      const v = rec.versions.find((x) => x.state === 'active');
      // An age-due primary is rotated on use only under `auto`; without it, encryption goes on and
      // `list` reports rotationDue (the count bound is enforced at reservation either way).
      const ageRotates =
        rec.rotation !== false && rec.rotation.auto && this.#policyDue(rec, v ?? rec.versions[0]!) === 'age';
      if (v && (this.#budget.get(v.id) ?? 0) > 0 && !ageRotates) {
        this.#budget.set(v.id, this.#budget.get(v.id)! - 1);
        return v;
      }
      if (!this.#reserving) {
        this.#reserving = this.#reserveBlock().finally(() => {
          this.#reserving = null;
        });
      }
      await this.#reserving;
    }
  }

  async #reserveBlock(): Promise<VersionRecord> {
    const got = await this.#store.mutate(async (draft, tx) => {
      const rec = this.#draftRecord(draft);
      let v = rec.versions.find((x) => x.state === 'active');
      if (!v) throw new KeyhygieneError('E_STATE', `key "${this.name}" has no active version; rotate or promote one`);
      const want = Math.min(this.#nextBlock, RESERVATION_BLOCK);
      const block = rec.rotation === false ? want : Math.min(want, rec.rotation.maxEncryptions);
      const due = this.#policyDue(rec, v, block);
      const hard = v.reserved + block > HARD_LIMIT;
      if (
        (due && rec.rotation !== false && rec.rotation.auto) ||
        (hard && rec.rotation !== false && rec.rotation.auto)
      ) {
        v = await this.#addVersion(
          draft,
          rec,
          tx,
          'active',
          `rotation policy: ${due ?? 'SP 800-38D invocation bound'}`,
        );
      } else if (hard) {
        throw new KeyhygieneError(
          'E_LIMIT',
          `version ${hexId(v.id)} reached the SP 800-38D §8.3 invocation bound; rotate the key`,
        );
      } else if (due === 'count' && rec.rotation !== false) {
        throw new KeyhygieneError('E_LIMIT', `version ${hexId(v.id)} reached rotation.maxEncryptions; rotate the key`);
      }
      v.reserved += block;
      tx.audit({ event: 'version.reserve', key: rec.name, version: hexId(v.id), block, reserved: v.reserved });
      return { id: v.id, block };
    });
    this.#nextBlock = Math.min(this.#nextBlock * 2, RESERVATION_BLOCK);
    this.#budget.clear();
    this.#budget.set(got.id, got.block);
    this.#afterChange();
    return this.#record().versions.find((x) => x.id === got.id)!;
  }

  async #versionFor(
    keyId: number,
    op: 'decrypt' | 'verify' | 'secret',
    allowCompromised = false,
  ): Promise<VersionRecord> {
    this.#assertOpen();
    let v = this.#record().versions.find((x) => x.id === keyId);
    if (!v || v.state !== 'active') {
      // Another process may have rotated or changed state since we loaded: re-read once.
      await this.#store.refresh();
      this.#afterChange();
      v = this.#record().versions.find((x) => x.id === keyId);
    }
    if (!v) throw new KeyhygieneError('E_UNKNOWN_KEY', `key id ${hexId(keyId)} is not a version of key "${this.name}"`);
    const rec = this.#record();
    const id = hexId(keyId);
    switch (v.state) {
      case 'destroyed':
      case 'destroying':
        throw new KeyhygieneError('E_DESTROYED', `key version ${id} of "${this.name}" is destroyed`);
      case 'destroy-scheduled':
        throw new KeyhygieneError(
          'E_DESTROYED',
          `key version ${id} of "${this.name}" is scheduled for destruction (cancelDestroy to restore)`,
        );
      case 'disabled':
        throw new KeyhygieneError('E_DISABLED', `key version ${id} of "${this.name}" is disabled`);
      case 'preactive':
        if (op !== 'secret')
          throw new KeyhygieneError('E_DISABLED', `key version ${id} of "${this.name}" is not active yet`);
        break;
      default:
        break;
    }
    if (v.number < rec.minDecryptionVersion) {
      throw new KeyhygieneError(
        'E_DISABLED',
        `key version ${id} (#${v.number}) is below minDecryptionVersion ${rec.minDecryptionVersion}`,
      );
    }
    if (v.compromised && op === 'verify') {
      throw new KeyhygieneError(
        'E_DISABLED',
        `key version ${id} of "${this.name}" is compromised; its MACs and signatures prove nothing`,
      );
    }
    if (v.compromised && !allowCompromised) {
      throw new KeyhygieneError(
        'E_DISABLED',
        `key version ${id} of "${this.name}" is compromised: whoever holds the leaked key can forge ${op === 'secret' ? 'with it' : 'ciphertexts that decrypt'}; refused (insecureAllowCompromised opts in)`,
      );
    }
    return v;
  }

  /**
   * An artefact to test the version's key after destruction, made while it still exists. Token keys:
   * a ciphertext (aead), or nothing to keep (mac and sign are re-attempted with the old handle); a
   * token-wrapped secret: its wrapped copy. Software: the key exists only as a record in the store.
   */
  async #makeCanary(purpose: Purpose, v: VersionRecord): Promise<CanaryRecord> {
    const ref = v.ref;
    if (!ref) return { kind: 'store-record' };
    if (ref.tokenResident) {
      if (purpose === 'mac') return { kind: 'mac' };
      if (purpose === 'sign') return { kind: 'signature' };
      const rnd = Buffer.allocUnsafeSlow(44);
      try {
        this.#store.backend.random.fill(rnd);
        const iv = rnd.subarray(32, 44);
        const ct = await this.#store.backend.tokenEncrypt!(this.#vctx(v), ref, rnd.subarray(0, 32), iv, canaryAad(v));
        return { kind: 'ciphertext', probe: Buffer.concat([iv, ct]).toString('base64') };
      } finally {
        rnd.fill(0);
      }
    }
    if (ref.objectId) return { kind: 'wrapped-secret' };
    return { kind: 'store-record' };
  }

  /** Uses the old key reference once more. Only "key not found" (E_DESTROYED) counts as success. */
  async #checkCanary(vctx: VersionContext, oldRef: MaterialRef | null, canary: CanaryRecord): Promise<DestructionStep> {
    const backend = this.#store.backend;
    const probe = Buffer.from('keyhygiene destruction canary');
    const attempt = async (): Promise<unknown> => {
      if (!oldRef || canary.kind === 'store-record') {
        // Nothing outside the keystore holds this key: "not found" means a fresh read of the store
        // has no material for the version (an older copy of the file still has it: see `limits`).
        const v = this.#store.body.keys[this.name]?.versions.find((x) => x.id === vctx.versionId);
        if (v?.ref) return v.ref;
        throw new KeyhygieneError('E_DESTROYED', 'the keystore holds no material for the version');
      }
      switch (canary.kind) {
        case 'ciphertext': {
          const b = Buffer.from(canary.probe ?? '', 'base64');
          const aad = canaryAad({ id: vctx.versionId } as VersionRecord);
          return backend.tokenDecrypt!(vctx, oldRef, b.subarray(12), b.subarray(0, 12), aad);
        }
        case 'mac':
          return backend.tokenMac!(vctx, oldRef, probe);
        case 'signature':
          return backend.tokenSign!(vctx, oldRef, createHash('sha256').update(probe).digest());
        case 'wrapped-secret':
          return backend.unwrapMaterial(vctx, oldRef);
      }
    };
    try {
      const r = await attempt();
      if (r instanceof SecretBytes) r.wipe();
      if (Buffer.isBuffer(r)) r.fill(0);
      return {
        step: 'canary check',
        ok: false,
        detail: `${canary.kind} canary still works with the old key reference`,
      };
    } catch (e) {
      const code = e instanceof KeyhygieneError ? e.code : 'error';
      if (code === 'E_DESTROYED')
        return {
          step: 'canary check',
          ok: true,
          detail: `${canary.kind} canary fails with the old key reference: key not found (${code})`,
        };
      return {
        step: 'canary check',
        ok: false,
        detail: `${canary.kind} canary failed for another reason (${code}); destruction not confirmed`,
      };
    }
  }

  #info(id: number): VersionInfo {
    const rec = this.#record();
    return this.#versionInfo(this.#draftVersion(rec, id));
  }

  #versionInfo(v: VersionRecord): VersionInfo {
    const out: VersionInfo = {
      id: hexId(v.id),
      number: v.number,
      state: v.state,
      primary: v.state === 'active',
      compromised: v.compromised,
      algorithm: v.algorithm,
      backend: v.backend,
      hardware: v.hardware,
      origin: v.provenance.origin,
      createdAt: v.createdAt,
      encryptionsReserved: v.reserved,
    };
    if (v.provenance.local !== undefined) out.local = v.provenance.local;
    if (v.provenance.neverExtractable !== undefined) out.neverExtractable = v.provenance.neverExtractable;
    if (v.provenance.alwaysSensitive !== undefined) out.alwaysSensitive = v.provenance.alwaysSensitive;
    if (v.activatedAt) out.activatedAt = v.activatedAt;
    if (v.destroyAt) out.destroyAt = v.destroyAt;
    if (v.destroyedAt) out.destroyedAt = v.destroyedAt;
    return out;
  }

  #keyInfo(k: KeyRecord): KeyInfo {
    const primary = k.versions.find((v) => v.state === 'active');
    return {
      name: k.name,
      purpose: k.purpose,
      backend: this.#store.backend.info.type,
      hardware: this.#store.backend.info.hardware,
      primary: primary ? hexId(primary.id) : null,
      rotation: k.rotation,
      rotationDue: primary ? this.#policyDue(k, primary) !== null : false,
      minDecryptionVersion: k.minDecryptionVersion,
      versions: k.versions.map((v) => this.#versionInfo(v)),
    };
  }

  /** Raw export (reached only through `exportMaterialWithCapability`): audited before any byte leaves. */
  async #exportMaterial(version: number | string): Promise<{ material: SecretBytes; info: VersionInfo }> {
    const id = parseVersion(version);
    await this.#store.mutate((draft, tx) => {
      const v = this.#draftVersion(this.#draftRecord(draft), id);
      if (!v.ref || v.state === 'destroyed' || v.state === 'destroying')
        throw new KeyhygieneError('E_DESTROYED', `version ${hexId(id)} is destroyed`);
      if (v.state === 'destroy-scheduled')
        throw new KeyhygieneError('E_DESTROYED', `version ${hexId(id)} is scheduled for destruction; not exported`);
      if (v.state === 'disabled') throw new KeyhygieneError('E_DISABLED', `version ${hexId(id)} is disabled`);
      if (v.ref.tokenResident)
        throw new KeyhygieneError(
          'E_STATE',
          `version ${hexId(id)} lives in the token as non-extractable; it cannot be exported`,
        );
      tx.audit({ event: 'version.export-insecure', key: this.name, version: hexId(id), state: v.state });
    });
    // The record is committed: only now is the material unwrapped (a fresh copy, not the cache).
    const v = this.#draftVersion(this.#record(), id);
    const material = await this.#store.backend.unwrapMaterial(this.#vctx(v), v.ref!);
    return { material, info: this.#versionInfo(v) };
  }

  static {
    exportImpl = (ring, version) => ring.#exportMaterial(version);
  }
}
