import { randomFillSync } from 'node:crypto';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { gcmOpen, gcmSeal } from './aead.js';
import type {
  Backend,
  BackendDestroyResult,
  BackendHeader,
  BackendInfo,
  CreatedVersion,
  MaterialRef,
  VersionContext,
} from './backend.js';
import { materialAad, rootAad } from './backend.js';
import { ARGON2ID_DEFAULTS, kdfParamsFrom, runKdf, SCRYPT_DEFAULTS, type KdfParams } from './derive.js';
import { ed25519PublicSpki } from './ed25519.js';
import { KeyhygieneError } from './errors.js';
import type { RandomSource } from './random.js';
import { SecretBytes } from './secret-bytes.js';

export interface SoftwareBackendOptions {
  type: 'software';
  /** The passphrase itself. Prefer passphraseEnv or passphraseFile so it stays out of source code. */
  passphrase?: string | SecretBytes;
  /** Name of the environment variable that holds the passphrase. */
  passphraseEnv?: string;
  /** Path of a file (mode 0600 or stricter) whose first line is the passphrase. */
  passphraseFile?: string;
  /** KDF for the KEK when a store is created: 'scrypt' (default, native) or 'argon2id'. */
  kdf?: 'scrypt' | 'argon2id';
}

const nodeRandom: RandomSource = {
  description: 'node:crypto',
  fill(buf) {
    randomFillSync(buf);
  },
};

/**
 * Software backend: for development and machines with no token. Labelled non-hardware in key
 * metadata, `list` output and audit records. The KEK is derived from a passphrase with scrypt or
 * Argon2id and exists only in this process's memory while the keyring is open.
 */
export class SoftwareBackend implements Backend {
  readonly info: BackendInfo = {
    type: 'software',
    hardware: false,
    description: 'software (node:crypto, passphrase KEK; not hardware-backed)',
  };
  readonly random: RandomSource = nodeRandom;
  #passphrase: SecretBytes | undefined;
  #kek: SecretBytes | undefined;
  #root: SecretBytes | undefined;
  readonly #kdf: 'scrypt' | 'argon2id';

  private constructor(passphrase: SecretBytes, kdf: 'scrypt' | 'argon2id') {
    this.#passphrase = passphrase;
    this.#kdf = kdf;
  }

  /**
   * Resolves the passphrase from exactly one source.
   * @throws {TypeError} for a malformed options object.
   * @throws {KeyhygieneError} E_CONFIG when no source or more than one is given, or the variable is unset;
   *   E_PERMISSIONS when the passphrase file is readable by group or others.
   */
  static async create(options: SoftwareBackendOptions, env: NodeJS.ProcessEnv = process.env): Promise<SoftwareBackend> {
    const sources = [
      options.passphrase !== undefined,
      options.passphraseEnv !== undefined,
      options.passphraseFile !== undefined,
    ].filter(Boolean).length;
    if (sources !== 1)
      throw new KeyhygieneError(
        'E_CONFIG',
        'software backend needs exactly one of passphrase, passphraseEnv, passphraseFile',
      );
    const kdf = options.kdf ?? 'scrypt';
    if (kdf !== 'scrypt' && kdf !== 'argon2id') throw new RangeError('backend.kdf must be "scrypt" or "argon2id"');
    let pw: SecretBytes;
    if (options.passphrase !== undefined) {
      if (options.passphrase instanceof SecretBytes) pw = SecretBytes.from(options.passphrase.expose());
      else if (typeof options.passphrase === 'string') pw = utf8Secret(options.passphrase);
      else throw new TypeError('backend.passphrase must be a string or SecretBytes');
    } else if (options.passphraseEnv !== undefined) {
      if (typeof options.passphraseEnv !== 'string' || options.passphraseEnv === '')
        throw new TypeError('backend.passphraseEnv must be a variable name');
      const v = env[options.passphraseEnv];
      if (v === undefined || v === '')
        throw new KeyhygieneError('E_CONFIG', `environment variable ${options.passphraseEnv} (passphrase) is not set`);
      pw = utf8Secret(v);
    } else {
      // NFC like the other sources, so one passphrase gives one key however it reached us.
      const raw = await readSecretFile(String(options.passphraseFile), 'passphrase');
      try {
        pw = utf8Secret(raw.expose().toString('utf8'));
      } finally {
        raw.wipe();
      }
    }
    if (pw.length < 8) {
      pw.wipe();
      throw new RangeError('passphrase must be at least 8 bytes');
    }
    return new SoftwareBackend(pw, kdf);
  }

  async initStore(storeId: string): Promise<{ header: BackendHeader; root: SecretBytes }> {
    const salt = Buffer.alloc(16);
    this.random.fill(salt);
    const params = kdfParamsFrom({ algorithm: this.#kdf });
    const kek = await this.#derive(salt, params);
    const root = SecretBytes.random(32);
    const wrappedRoot = this.#seal(kek.expose(), root.expose(), rootAad(storeId));
    this.#root = SecretBytes.from(root.expose());
    return {
      header: { type: 'software', hardware: false, kdf: { ...params, salt: salt.toString('base64') }, wrappedRoot },
      root,
    };
  }

  async openStore(storeId: string, header: BackendHeader): Promise<SecretBytes> {
    if (header.type !== 'software')
      throw new KeyhygieneError('E_CONFIG', `keystore was created with the ${header.type} backend, not software`);
    const { salt, ...rest } = header.kdf;
    if (typeof salt !== 'string') throw new KeyhygieneError('E_CORRUPT', 'keystore header has no KDF salt');
    // kdfParamsFrom refuses parameters below the defaults, so an attacker who edits the header
    // cannot downgrade the KDF to make guessing cheaper.
    let params: KdfParams;
    try {
      params = kdfParamsFrom(rest as Parameters<typeof kdfParamsFrom>[0]);
    } catch {
      throw new KeyhygieneError('E_TAMPERED', 'keystore header names KDF parameters below the minimum (altered?)');
    }
    // The header is authenticated only by a MAC under the root key, which needs this KDF first. So
    // bound the cost before running it: this build never writes more than the defaults, and an
    // edited header must not make an open allocate gigabytes or run for minutes.
    if (!withinStoreKdfBound(params))
      throw new KeyhygieneError(
        'E_TAMPERED',
        'keystore header names KDF parameters above what a keystore may use (altered?); refused before running the KDF',
      );
    const kek = await this.#derive(Buffer.from(salt, 'base64'), params);
    let root: Buffer;
    try {
      root = this.#open(kek.expose(), header.wrappedRoot, rootAad(storeId), 'keystore root key');
    } catch (e) {
      if (e instanceof KeyhygieneError && e.code === 'E_TAMPERED') {
        throw new KeyhygieneError('E_AUTH', 'wrong passphrase for this keystore (or its header was altered)');
      }
      throw e;
    }
    this.#root = new SecretBytes(root);
    return SecretBytes.from(root);
  }

  // The methods below do synchronous work behind the Backend interface's promises; `attempt`
  // turns a throw into a rejection so callers see one failure channel.
  createVersion(ctx: VersionContext, options: { bytes: number }): Promise<CreatedVersion> {
    return attempt(() => {
      const material = Buffer.allocUnsafeSlow(options.bytes);
      try {
        this.random.fill(material);
        const created: CreatedVersion = {
          ref: { wrapped: this.#seal(this.#wrapKey(), material, materialAad(ctx)), tokenResident: false },
          provenance: { origin: 'software' },
        };
        if (ctx.purpose === 'sign') created.publicKey = ed25519PublicSpki(material).toString('base64');
        return created;
      } finally {
        material.fill(0);
      }
    });
  }

  importVersion(ctx: VersionContext, material: Uint8Array): Promise<CreatedVersion> {
    return attempt(() => ({
      ref: { wrapped: this.#seal(this.#wrapKey(), material, materialAad(ctx)), tokenResident: false },
      provenance: { origin: 'imported' as const },
    }));
  }

  unwrapMaterial(ctx: VersionContext, ref: MaterialRef): Promise<SecretBytes> {
    return attempt(() => {
      if (ref.wrapped === undefined)
        throw new KeyhygieneError('E_DESTROYED', `key version ${hex(ctx.versionId)} has no material`);
      return new SecretBytes(
        this.#open(this.#wrapKey(), ref.wrapped, materialAad(ctx), `key version ${hex(ctx.versionId)} material`),
      );
    });
  }

  destroyVersion(): Promise<BackendDestroyResult> {
    // Nothing lives outside the keystore file: the keyring removes the wrapped record and rewrites
    // the store, then scans the files. That is a logical overwrite, not a purge (SP 800-88 Rev. 1 §2.5).
    return Promise.resolve({
      method: 'logical-overwrite',
      steps: [{ step: 'backend', ok: true, detail: 'software backend holds no objects outside the keystore file' }],
      verified: true,
    });
  }

  close(): Promise<void> {
    this.#passphrase?.wipe();
    this.#kek?.wipe();
    this.#root?.wipe();
    this.#passphrase = undefined;
    this.#kek = undefined;
    this.#root = undefined;
    return Promise.resolve();
  }

  async #derive(salt: Uint8Array, params: KdfParams): Promise<SecretBytes> {
    if (!this.#passphrase) throw new KeyhygieneError('E_CLOSED', 'software backend is closed');
    const kek = await runKdf(this.#passphrase.expose(), salt, params, 32);
    // The passphrase is not needed after the KEK exists.
    this.#passphrase.wipe();
    this.#passphrase = undefined;
    this.#kek?.wipe();
    this.#kek = kek;
    return kek;
  }

  // Version material is wrapped under a subkey of the root key, so a passphrase change only has
  // to rewrap the root (the KEK wraps one thing).
  #wrapKey(): Buffer {
    if (!this.#root) throw new KeyhygieneError('E_CLOSED', 'software backend is not open');
    return this.#root.expose();
  }

  #seal(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): string {
    const iv = Buffer.alloc(12);
    this.random.fill(iv);
    return Buffer.concat([iv, gcmSeal(key, iv, plaintext, aad)]).toString('base64');
  }

  #open(key: Uint8Array, wrapped: string, aad: Uint8Array, what: string): Buffer {
    const b = Buffer.from(wrapped, 'base64');
    if (b.length < 12 + 16) throw new KeyhygieneError('E_CORRUPT', `${what} is truncated`);
    return gcmOpen(key, b.subarray(0, 12), b.subarray(12), aad, what);
  }
}

function attempt<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}

function hex(id: number): string {
  return id.toString(16).padStart(8, '0');
}

/** Store KDFs: at most 4x the default memory and time (the defaults are what this build writes). */
function withinStoreKdfBound(p: KdfParams): boolean {
  if (p.algorithm === 'argon2id')
    return p.memoryKiB <= 4 * ARGON2ID_DEFAULTS.memoryKiB && p.iterations <= 4 * ARGON2ID_DEFAULTS.iterations;
  return p.N * p.r <= 4 * SCRYPT_DEFAULTS.N * SCRYPT_DEFAULTS.r && p.p <= 4;
}

function utf8Secret(s: string): SecretBytes {
  return SecretBytes.fromUtf8(s.normalize('NFC'));
}

/**
 * Reads a secret (PIN or passphrase) from a file: the first line, without its line ending. The file
 * is opened with O_NOFOLLOW and checked on the open descriptor (no symlink, a regular file, owned by
 * this user, no group/other bits), so nothing can be swapped in between the check and the read.
 * @throws {KeyhygieneError} E_PERMISSIONS for a symlink, another owner or group/other bits; E_NOT_FOUND when missing.
 */
export async function readSecretFile(path: string, what: string): Promise<SecretBytes> {
  let fd;
  try {
    fd = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK')
      throw new KeyhygieneError('E_PERMISSIONS', `${what} file ${path} is a symbolic link; refused`);
    throw new KeyhygieneError('E_NOT_FOUND', `${what} file ${path} does not exist or cannot be opened`);
  }
  try {
    const st = await fd.stat();
    if (!st.isFile()) throw new KeyhygieneError('E_PERMISSIONS', `${what} file ${path} is not a regular file`);
    if ((st.mode & 0o077) !== 0)
      throw new KeyhygieneError('E_PERMISSIONS', `${what} file ${path} is readable by group or others (chmod 600)`);
    if (typeof process.getuid === 'function' && st.uid !== process.getuid())
      throw new KeyhygieneError('E_PERMISSIONS', `${what} file ${path} is owned by uid ${st.uid}, not by this user`);
    const raw = await fd.readFile();
    try {
      let end = raw.indexOf(0x0a);
      if (end < 0) end = raw.length;
      if (end > 0 && raw[end - 1] === 0x0d) end--;
      return SecretBytes.from(raw.subarray(0, end));
    } finally {
      raw.fill(0);
    }
  } finally {
    await fd.close();
  }
}
