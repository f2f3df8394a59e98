/**
 * Raw export of key material. Everything here defeats the point of the key manager, so it lives in
 * its own module whose name says "insecure" and every call needs an explicit token (the idea of
 * Tink's InsecureSecretKeyAccess): a reviewer can grep for it, and it cannot happen by accident.
 * Token-resident (non-extractable) PKCS#11 keys cannot be exported at all.
 */
import { claimExportCapability, exportMaterialWithCapability, type Keyring, type VersionInfo } from './keyring.js';
import type { SecretBytes } from './secret-bytes.js';

// Claimed once, when this module loads: the keyring has no public export method at all.
const capability = claimExportCapability();

const brand: unique symbol = Symbol('InsecureKeyAccess');

/** Pass this to acknowledge that you are taking key material out of the keyring's protection. */
export const INSECURE_KEY_ACCESS: { readonly [brand]: true } = Object.freeze({ [brand]: true as const });

/**
 * Exports the raw material of one version. The export is recorded in the audit log before the
 * material is unwrapped. Versions that are disabled, scheduled for destruction or destroyed are refused.
 * @throws {TypeError} without INSECURE_KEY_ACCESS or a Keyring.
 * @throws {KeyhygieneError} E_STATE for a non-extractable token key, E_DESTROYED for a version destroyed
 *   or scheduled for destruction, E_DISABLED for a disabled one.
 */
export async function exportKeyMaterialInsecure(
  keyring: Keyring,
  version: number | string,
  access: typeof INSECURE_KEY_ACCESS,
): Promise<{ material: SecretBytes; version: VersionInfo }> {
  if (access !== INSECURE_KEY_ACCESS) throw new TypeError('exportKeyMaterialInsecure needs INSECURE_KEY_ACCESS');
  const { material, info } = await exportMaterialWithCapability(capability, keyring, version);
  return { material, version: info };
}
