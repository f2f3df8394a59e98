/**
 * What the keystore state file (keystore.json) holds: the format name and version, and the header,
 * key and version records. Plain data types, apart from the `Keystore` that reads and writes them
 * (`./store.ts`), so the keyring and the backends can name them without the store's I/O.
 */
import type { BackendHeader, MaterialRef, Provenance, Purpose } from './backend.js';

export const FORMAT = 'keyhygiene-keystore';
// 2: keyed audit chain (hash + HMAC per line), rollback anchor, audited reservations, 'destroying'.
// 3: the wrap mechanism recorded per wrapped item (header rootWrap, ref.wrap); 2 is migrated at open.
export const STORE_VERSION = 3;

/** NIST SP 800-57 Pt 1 Rev. 5 §5.3 key states, mapped to operations (see docs/keys.md). */
export type VersionState =
  'preactive' | 'active' | 'decrypt-only' | 'disabled' | 'destroy-scheduled' | 'destroying' | 'destroyed';

/** What a destruction in progress checks afterwards: an artefact made with the version before it went. */
export interface CanaryRecord {
  kind: 'ciphertext' | 'mac' | 'signature' | 'wrapped-secret' | 'store-record';
  /** For 'ciphertext': iv(12) | token-GCM ciphertext of a random value, base64 (no key material). */
  probe?: string;
}

export interface RotationPolicy {
  /** Cryptoperiod in days (default 90). */
  maxAgeDays: number;
  /** Encryptions (AEAD) or uses before rotation; capped well below the SP 800-38D §8.3 2^32 bound. */
  maxEncryptions: number;
  /** Rotate automatically on use when due (default true). */
  auto: boolean;
}

export interface VersionRecord {
  id: number;
  number: number;
  state: VersionState;
  compromised: boolean;
  algorithm: string;
  bytes: number;
  backend: 'software' | 'pkcs11';
  hardware: boolean;
  provenance: Provenance;
  createdAt: string;
  activatedAt?: string;
  deactivatedAt?: string;
  disabledAt?: string;
  destroyAt?: string;
  destroyedAt?: string;
  compromisedAt?: string;
  /** Set with state 'destroying' (irreversible), committed before any backend object is destroyed. */
  destroyingAt?: string;
  canary?: CanaryRecord;
  /** Encryptions reserved in persisted blocks; always >= encryptions performed (crash-safe). */
  reserved: number;
  ref: MaterialRef | null;
  publicKey?: string;
}

export interface KeyRecord {
  name: string;
  purpose: Purpose;
  createdAt: string;
  rotation: RotationPolicy | false;
  minDecryptionVersion: number;
  nextNumber: number;
  versions: VersionRecord[];
}

export interface StoreHeader {
  format: typeof FORMAT;
  version: number;
  storeId: string;
  createdAt: string;
  backend: BackendHeader;
}

export interface StoreBody {
  generation: number;
  updatedAt: string;
  keys: Record<string, KeyRecord>;
  /** The audit lines written by the last audited transaction, so a crash between the state write and
   * the log append is repaired, and a truncated log is detected. */
  lastAudit: { prev: string; prevSeq: number; seq: number; hash: string; lines: string } | null;
  /** Where the rollback anchor lives once one was written ('file' with its path, or 'token'). */
  anchor?: { type: 'file'; path: string } | { type: 'token' };
}
