import type { RandomSource } from './random.js';
import type { SecretBytes } from './secret-bytes.js';

export type Purpose = 'aead' | 'mac' | 'sign' | 'secret';
export const PURPOSES: readonly Purpose[] = ['aead', 'mac', 'sign', 'secret'];

/** Identifies one key version for the backend; also bound into wrapping AAD. */
export interface VersionContext {
  storeId: string;
  keyName: string;
  versionId: number;
  purpose: Purpose;
}

/**
 * How a token key wraps host bytes (version material, the root key, per-message DEKs):
 * - 'aes-gcm': C_Encrypt with CKM_AES_GCM, a host-chosen 96-bit IV and AAD;
 * - 'aes-kwp': C_WrapKey with CKM_AES_KEY_WRAP_PAD (RFC 5649), no IV and no AAD, which FIPS-mode HSMs
 *   that refuse host-chosen GCM IVs accept.
 */
export type WrapMechanism = 'aes-gcm' | 'aes-kwp';

/**
 * Where a version's material lives, as persisted in the keystore. Never holds plaintext material.
 * - `wrapped`: the material wrapped under a backend key; the host unwraps it to use it.
 * - `objectId`: hex CKA_ID of the token object(s) that hold or wrap the material.
 * - `tokenResident`: the material never leaves the token; operations run inside it.
 */
export interface MaterialRef {
  wrapped?: string;
  objectId?: string;
  tokenResident: boolean;
  /** Token refs that wrap (secret material, aead DEKs): the mechanism of the version's token key. */
  wrap?: WrapMechanism;
  /** 'aes-kwp' wrapped material: its length (RFC 5649 pads to 8 bytes; see Token.kwpUnwrap). */
  length?: number;
}

/** How and where a version was generated; recorded in the keystore and shown by `list`. */
export interface Provenance {
  origin: 'token' | 'software' | 'imported';
  /** PKCS#11 CKA_LOCAL read back after generation (the key was generated on the token). */
  local?: boolean;
  /** PKCS#11 CKA_NEVER_EXTRACTABLE read back. */
  neverExtractable?: boolean;
  /** PKCS#11 CKA_ALWAYS_SENSITIVE read back. */
  alwaysSensitive?: boolean;
}

export interface CreatedVersion {
  ref: MaterialRef;
  provenance: Provenance;
  /** SPKI DER, base64, for signing keys. */
  publicKey?: string;
}

export interface BackendDestroyResult {
  method: 'crypto-erase' | 'logical-overwrite';
  steps: Array<{ step: string; ok: boolean; detail: string }>;
  verified: boolean;
}

/** What a backend records in the keystore header (authenticated with the rest of the state file). */
export type BackendHeader =
  | {
      type: 'software';
      hardware: false;
      kdf: Record<string, number | string>;
      wrappedRoot: string;
    }
  | {
      type: 'pkcs11';
      hardware: true;
      tokenLabel: string;
      tokenSerial: string;
      tokenModel: string;
      rootObjectId: string;
      wrappedRoot: string;
      /** How the root object wraps the root key (store format 3; format 2 stores were all 'aes-gcm'). */
      rootWrap: WrapMechanism;
    };

/**
 * Storage outside the keystore directory for the rollback anchor (the latest generation and audit
 * log head, MAC-ed). An attacker who can write the keystore directory cannot roll it back.
 */
export interface AnchorStore {
  readonly description: string;
  /** What the keystore state records about where its anchor lives. */
  readonly record: { type: 'file'; path: string } | { type: 'token' };
  /** The anchor text, or null when none was written yet. */
  read(): Promise<string | null>;
  write(text: string): Promise<void>;
}

export interface BackendInfo {
  type: 'software' | 'pkcs11';
  hardware: boolean;
  description: string;
}

/**
 * One interface for the token and for software. The keyring never asks which it has, except to
 * label output: it asks for token-resident operations only when a ref says `tokenResident`.
 */
export interface Backend {
  readonly info: BackendInfo;
  readonly random: RandomSource;
  /** Creates the keystore root key (random, 32 bytes) and returns it with its wrapped header form. */
  initStore(storeId: string): Promise<{ header: BackendHeader; root: SecretBytes }>;
  /** Unwraps the root key. @throws E_AUTH on a wrong passphrase/PIN, E_PKCS11 for a missing token or object. */
  openStore(storeId: string, header: BackendHeader): Promise<SecretBytes>;
  createVersion(ctx: VersionContext, options: { bytes: number }): Promise<CreatedVersion>;
  /** Wraps caller-supplied material (import). The result is never token-resident. */
  importVersion(ctx: VersionContext, material: Uint8Array): Promise<CreatedVersion>;
  /** Unwraps material of a `wrapped` ref. @throws E_TAMPERED when authentication fails. */
  unwrapMaterial(ctx: VersionContext, ref: MaterialRef): Promise<SecretBytes>;
  /** Token-resident operations (PKCS#11 only). */
  tokenEncrypt?(
    ctx: VersionContext,
    ref: MaterialRef,
    plaintext: Uint8Array,
    iv: Uint8Array,
    aad: Uint8Array,
  ): Promise<Buffer>;
  tokenDecrypt?(
    ctx: VersionContext,
    ref: MaterialRef,
    ciphertext: Uint8Array,
    iv: Uint8Array,
    aad: Uint8Array,
  ): Promise<Buffer>;
  /** RFC 5649 wrap of host bytes under an 'aes-kwp' token-resident version key (aead DEKs). */
  tokenWrapKwp?(ctx: VersionContext, ref: MaterialRef, material: Uint8Array): Promise<Buffer>;
  tokenUnwrapKwp?(ctx: VersionContext, ref: MaterialRef, wrapped: Uint8Array, length: number): Promise<Buffer>;
  tokenMac?(ctx: VersionContext, ref: MaterialRef, data: Uint8Array): Promise<Buffer>;
  tokenSign?(ctx: VersionContext, ref: MaterialRef, digest: Uint8Array): Promise<Buffer>;
  /** Removes the version's backend objects and verifies they are gone. */
  destroyVersion(ctx: VersionContext, ref: MaterialRef): Promise<BackendDestroyResult>;
  /** True when the backend still finds the version's objects (PKCS#11: C_FindObjects in a new session). */
  versionExists?(ref: MaterialRef): Promise<boolean>;
  /** The rollback anchor this backend keeps itself (PKCS#11: a CKO_DATA object in the token). */
  anchor?(storeId: string): AnchorStore;
  close(): Promise<void>;
}

/** AAD for wrapping a version's material: binds store, key name, version and purpose. */
export function materialAad(ctx: VersionContext): Buffer {
  return Buffer.from(
    `keyhygiene/v1/material\0${ctx.storeId}\0${ctx.keyName}\0${ctx.versionId}\0${ctx.purpose}`,
    'utf8',
  );
}

export function rootAad(storeId: string): Buffer {
  return Buffer.from(`keyhygiene/v1/root\0${storeId}`, 'utf8');
}
