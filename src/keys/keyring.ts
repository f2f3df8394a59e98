/**
 * The public keyring: `openKeyring` and `Keyring`, a thin facade. Each method documents its contract
 * and hands the keyring's state (`./keyring/core.ts`) to the module that holds the operation:
 * `./keyring/operations.ts` (encrypt, MAC, sign, secret), `./keyring/lifecycle.ts` (rotate, states,
 * import, policy, generate), `./keyring/destruction.ts` (destroy with canary checks),
 * `./keyring/audit-log.ts` and `./keyring/export.ts` (the raw-export capability).
 */
import type { AuditVerification } from './audit.js';
import type { Purpose } from './backend.js';
import { PURPOSES } from './backend.js';
import { createBackend } from './backends.js';
import type { DestructionReport } from './destroy.js';
import { KeyhygieneError } from './errors.js';
import type { RandomSource } from './random.js';
import type { SecretBytes } from './secret-bytes.js';
import type { RotationPolicy, VersionState } from './store-records.js';
import { Keystore } from './store.js';
import { verifyAuditLog } from './keyring/audit-log.js';
import { KeyCore } from './keyring/core.js';
import * as destruction from './keyring/destruction.js';
import { registerKeyringAccess } from './keyring/export.js';
import * as lifecycle from './keyring/lifecycle.js';
import * as ops from './keyring/operations.js';
import { rotationFrom } from './keyring/policy.js';
import {
  checkName,
  type CompromisedUse,
  type KeyInfo,
  type OpenKeyringOptions,
  type RotationOptions,
  type VersionInfo,
} from './keyring/types.js';

export type { Purpose, RotationPolicy, VersionState };
export { checkName };
export { claimExportCapability, exportMaterialWithCapability } from './keyring/export.js';
export type { CompromisedUse, KeyInfo, OpenKeyringOptions, RotationOptions, VersionInfo } from './keyring/types.js';

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
  readonly #k: KeyCore;
  #children = new Map<string, Keyring>();

  /** @internal use openKeyring */
  constructor(store: Keystore, name: string, owner: boolean) {
    this.#k = new KeyCore(store, name, owner);
    this.name = name;
  }

  /** Path of the keystore directory. */
  get path(): string {
    return this.#k.store.dir;
  }

  get backend(): { type: 'software' | 'pkcs11'; hardware: boolean; description: string } {
    return { ...this.#k.store.backend.info };
  }

  /** The backend's random source (C_GenerateRandom on a token), for `configureRandomSource`. */
  get randomSource(): RandomSource {
    return this.#k.store.backend.random;
  }

  get purpose(): Purpose {
    return this.#k.record().purpose;
  }

  // ---------------------------------------------------------------- AEAD

  /**
   * Encrypts `data` under a fresh random DEK (AES-256-GCM), wraps the DEK with the primary version
   * (AES-256-GCM, inside the token for PKCS#11), and binds the header and `context` as AAD.
   * Layout: header(6) | wrapIv(12) | wrappedDek(48) | iv(12) | ciphertext | tag(16).
   * @throws {TypeError} for non-bytes input. @throws {KeyhygieneError} E_PURPOSE, E_STATE, E_LIMIT, E_CLOSED.
   */
  encrypt(data: string | Uint8Array, context?: string | Uint8Array): Promise<Buffer> {
    return ops.encrypt(this.#k, data, context);
  }

  /**
   * Decrypts a ciphertext from `encrypt`. The same `context` must be given. A version marked
   * compromised is refused unless `options.insecureAllowCompromised` (anyone holding the leaked key
   * can forge ciphertexts that pass).
   * @throws {KeyhygieneError} E_TAMPERED (authentication failed), E_CORRUPT (truncated), E_FORMAT
   *   (unknown format/algorithm), E_UNKNOWN_KEY, E_DESTROYED, E_DISABLED (also for a compromised version).
   */
  decrypt(ciphertext: Uint8Array, context?: string | Uint8Array, options: CompromisedUse = {}): Promise<Buffer> {
    return ops.decrypt(this.#k, ciphertext, context, options);
  }

  /** `encrypt` for strings: returns the text form "kh1.<base64url>". */
  encryptString(text: string, context?: string | Uint8Array): Promise<string> {
    return ops.encryptString(this.#k, text, context);
  }

  /** `decrypt` for the text form; returns the UTF-8 string. */
  decryptString(text: string, context?: string | Uint8Array, options: CompromisedUse = {}): Promise<string> {
    return ops.decryptString(this.#k, text, context, options);
  }

  /**
   * Re-encrypts a ciphertext under the primary version without handing the plaintext to the caller
   * (Vault transit "rewrap"). The plaintext is wiped before this returns. A ciphertext under a
   * compromised version is always refused: rewrapping would launder a forgery into clean ciphertext.
   * @throws {KeyhygieneError} E_DISABLED for a compromised version, and the errors of `decrypt`.
   */
  rewrap(ciphertext: Uint8Array | string, context?: string | Uint8Array): Promise<Buffer> {
    return ops.rewrap(this.#k, ciphertext, context);
  }

  // ---------------------------------------------------------------- MAC

  /**
   * HMAC-SHA256 tag over header || data with the primary version. Tag = header(6) || mac(32).
   * @throws {KeyhygieneError} E_PURPOSE, E_STATE.
   */
  mac(data: string | Uint8Array): Promise<Buffer> {
    return ops.mac(this.#k, data);
  }

  /**
   * Verifies a tag from `mac` in constant time. Returns false for a wrong tag.
   * @throws {KeyhygieneError} E_FORMAT, E_CORRUPT, E_UNKNOWN_KEY, E_DESTROYED, E_DISABLED (also for a
   *   compromised version).
   */
  verifyMac(data: string | Uint8Array, tag: Uint8Array): Promise<boolean> {
    return ops.verifyMac(this.#k, data, tag);
  }

  // ---------------------------------------------------------------- signatures

  /**
   * Signs header || data with the primary version: Ed25519 (software) or ECDSA P-256/SHA-256 inside the
   * token (PKCS#11). Signature = header(6) || sig(64).
   */
  sign(data: string | Uint8Array): Promise<Buffer> {
    return ops.sign(this.#k, data);
  }

  /**
   * Verifies a signature from `sign` with the version's public key. Returns false for a bad signature.
   * @throws {KeyhygieneError} E_FORMAT, E_UNKNOWN_KEY, E_DESTROYED, E_DISABLED (also for a compromised version).
   */
  verify(data: string | Uint8Array, signature: Uint8Array): Promise<boolean> {
    return ops.verify(this.#k, data, signature);
  }

  /** The public key (SPKI PEM) of a signing version (default: the primary). */
  publicKey(version?: number | string): string {
    return ops.publicKey(this.#k, version);
  }

  // ---------------------------------------------------------------- secrets

  /**
   * The primary version of a 'secret' key as a fresh SecretBytes (a copy: wipe it when done).
   * This is what `loadSecret` returns to code that must hand raw bytes to a third-party library.
   * A compromised version is refused unless `options.insecureAllowCompromised`.
   * @throws {KeyhygieneError} E_PURPOSE, E_DESTROYED, E_DISABLED (also for a compromised version), E_UNKNOWN_KEY.
   */
  secret(version?: number | string, options: CompromisedUse = {}): Promise<SecretBytes> {
    return ops.secret(this.#k, version, options);
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Adds a new version. With `promote: true` (default) it becomes the primary at once and the old
   * primary becomes decrypt-only. With `promote: false` it stays pre-active so every reader can load
   * it before `promote` (Tink's two-phase rotation).
   */
  rotate(options: { promote?: boolean } = {}): Promise<VersionInfo> {
    return lifecycle.rotate(this.#k, options);
  }

  /** Makes a pre-active or decrypt-only version the primary; the previous primary becomes decrypt-only. */
  promote(version: number | string): Promise<VersionInfo> {
    return lifecycle.promote(this.#k, version);
  }

  /**
   * Suspends a version (SP 800-57 "suspended"): no operation uses it until `enable`. The primary cannot
   * be disabled.
   */
  disable(version: number | string): Promise<VersionInfo> {
    return lifecycle.disable(this.#k, version);
  }

  /** Returns a disabled version to decrypt-only. */
  enable(version: number | string): Promise<VersionInfo> {
    return lifecycle.enable(this.#k, version);
  }

  /**
   * Schedules destruction after `days` (default 30, like AWS KMS; 0 for incident response). The version
   * is unusable at once; `cancelDestroy` inside the window returns it to disabled.
   */
  scheduleDestroy(version: number | string, days = 30): Promise<VersionInfo> {
    return lifecycle.scheduleDestroy(this.#k, version, days);
  }

  /** Cancels a scheduled destruction; the version becomes disabled (as GCP KMS "restore"). */
  cancelDestroy(version: number | string): Promise<VersionInfo> {
    return lifecycle.cancelDestroy(this.#k, version);
  }

  /** Marks a version compromised (SP 800-57 §5.3.7). A compromised primary is replaced at once. */
  markCompromised(version: number | string): Promise<VersionInfo> {
    return lifecycle.markCompromised(this.#k, version);
  }

  /**
   * Brings in existing material, e.g. a key found hardcoded in source. It is marked compromised by
   * default (it was exposed), kept decrypt-only so existing data can be read and rewrapped, and a fresh
   * primary is generated at once unless `rotate: false`.
   * @throws {RangeError} for a wrong length (aead needs 32 bytes). @throws {KeyhygieneError} E_PURPOSE for 'sign'.
   */
  import(
    material: Uint8Array | SecretBytes,
    options: { compromised?: boolean; rotate?: boolean } = {},
  ): Promise<VersionInfo> {
    return lifecycle.importMaterial(this.#k, material, options);
  }

  /** Versions with a lower number refuse to decrypt/verify (Vault "min_decryption_version"). */
  setMinDecryptionVersion(n: number): Promise<void> {
    return lifecycle.setMinDecryptionVersion(this.#k, n);
  }

  /** Changes the rotation policy of this key. */
  setRotationPolicy(rotation: RotationOptions | false): Promise<void> {
    return lifecycle.setRotationPolicy(this.#k, rotation);
  }

  /**
   * Creates another named key in the same keystore with one active version.
   * @throws {KeyhygieneError} E_BAD_NAME, E_EXISTS.
   */
  generate(
    name: string,
    options: { purpose: Purpose; bytes?: number; rotation?: RotationOptions | false; ifMissing?: boolean },
  ): Promise<KeyInfo> {
    return lifecycle.generate(this.#k, name, options);
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
  destroy(version: number | string): Promise<DestructionReport> {
    return destruction.destroy(this.#k, version);
  }

  /** Destroys every version of this key whose destruction window has ended, and resumes interrupted ones. */
  destroyDue(): Promise<DestructionReport[]> {
    return destruction.destroyDue(this.#k);
  }

  /**
   * Verifies the audit log's hash chain and its keyed MAC chain (HMAC under a key derived from the
   * root key, so records dropped and the chain recomputed without the key are caught), and that it
   * ends where the authenticated keystore state says (so a cut-off tail is caught too).
   */
  verifyAuditLog(): Promise<AuditVerification> {
    return verifyAuditLog(this.#k);
  }

  /**
   * The keyring for another key of the same keystore (shares the backend session and state). One
   * per name: asking again returns the same keyring, with its cache of unwrapped material.
   */
  key(name: string): Keyring {
    this.#k.assertOpen();
    checkName(name);
    if (name === this.name) return this;
    const open = this.#children.get(name);
    if (open && !open.#k.closed) return open;
    if (!this.#k.store.body.keys[name])
      throw new KeyhygieneError('E_NOT_FOUND', `no key named "${name}" in ${this.path}`);
    const k = new Keyring(this.#k.store, name, false);
    this.#children.set(name, k);
    return k;
  }

  /** Every key in the keystore with its versions (no material). */
  async list(): Promise<KeyInfo[]> {
    this.#k.assertOpen();
    await this.#k.store.refresh();
    return Object.values(this.#k.store.body.keys)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((k) => this.#k.keyInfo(k));
  }

  /** This key's info. */
  info(): KeyInfo {
    return this.#k.keyInfo(this.#k.record());
  }

  /** Wipes cached key material and closes the backend (the owner keyring only). */
  async close(): Promise<void> {
    if (this.#k.closed) return;
    this.#k.closed = true;
    for (const m of this.#k.material.values()) m.wipe();
    this.#k.material.clear();
    this.#k.budget.clear();
    if (this.#k.owner) {
      for (const c of this.#children.values()) await c.close();
      this.#children.clear();
      await this.#k.store.close();
    }
  }

  static {
    registerKeyringAccess((ring) => (ring instanceof Keyring ? ring.#k : undefined));
  }
}
