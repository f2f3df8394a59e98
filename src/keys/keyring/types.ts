/**
 * The keyring's public types (options, version and key info) and the checks on names and version ids
 * that every keyring operation shares. `src/keys/index.ts` re-exports the types through `../keyring.ts`.
 */
import { KeyhygieneError } from '../errors.js';
import type { Purpose } from '../backend.js';
import type { BackendOptions } from '../backends.js';
import type { RotationPolicy, VersionState } from '../store-records.js';

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface RotationOptions {
  maxAgeDays?: number;
  maxEncryptions?: number;
  auto?: boolean;
}

export interface OpenKeyringOptions {
  /** Keystore directory (created with mode 0700 when `create` is true). */
  path: string;
  /**
   * Backend, chosen explicitly: `{ type: 'software', passphraseEnv }` or
   * `{ type: 'pkcs11', module, tokenLabel, pinFile }`.
   */
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
  /**
   * With false, a missing key is not an error: the keyring can still `list`, `generate` and
   * `verifyAuditLog`. Default true.
   */
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
      `invalid key name ${JSON.stringify(name.slice(0, 80))}: ` +
        'use 1-64 letters, digits, ".", "_" or "-", no path characters',
    );
  }
  return name;
}

export function parseVersion(v: number | string): number {
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) || v < 0 || v > 0xffffffff) throw new RangeError('version must be a u32 key id');
    return v;
  }
  if (typeof v === 'string' && /^(0x)?[0-9a-fA-F]{1,8}$/.test(v)) return Number.parseInt(v.replace(/^0x/, ''), 16);
  throw new TypeError('version must be a key id (number or 8-digit hex string)');
}
