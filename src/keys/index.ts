/**
 * keyhygiene/keys: the reference key manager. A small surface on purpose (see docs/keys.md):
 * handles and operations, no internals. Raw export lives in `keyhygiene/keys/insecure-export` only,
 * and redirecting the random functions (`configureRandomSource`) in `keyhygiene/keys/testing`.
 * `Keyring` is exported as a type only: keyrings come from `openKeyring`.
 */
export { randomBytes, randomInt, randomToken, type RandomSource } from './random.js';
export { deriveKey, type DeriveKeyOptions } from './derive.js';
export { SecretBytes } from './secret-bytes.js';
export { KeyhygieneError, isKeyhygieneError, type KeyhygieneErrorCode } from './errors.js';
export {
  openKeyring,
  type Keyring,
  type CompromisedUse,
  type OpenKeyringOptions,
  type KeyInfo,
  type VersionInfo,
  type VersionState,
  type Purpose,
  type RotationOptions,
  type RotationPolicy,
} from './keyring.js';
export type { BackendOptions } from './backends.js';
export type { SoftwareBackendOptions } from './software-backend.js';
export type { Pkcs11BackendOptions } from './pkcs11/options.js';
export { loadSecret, clearSecretCache, type LoadSecretOptions } from './load-secret.js';
export { destroyKeyFile, type DestructionReport, type DestructionStep } from './destroy.js';
export { verifyAuditLog, type AuditVerification } from './audit.js';
