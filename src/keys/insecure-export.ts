/**
 * Raw export of key material. Everything here defeats the point of the key manager, so it lives in
 * its own module whose name says "insecure" and every call needs an explicit token (the idea of
 * Tink's InsecureSecretKeyAccess): a reviewer can grep for it, and it cannot happen by accident.
 * Token-resident (non-extractable) PKCS#11 keys cannot be exported at all.
 */
import { KeyhygieneError } from './errors.js';
import type { Keyring, VersionInfo } from './keyring.js';
import type { SecretBytes } from './secret-bytes.js';

const brand: unique symbol = Symbol('InsecureKeyAccess');

/** Pass this to acknowledge that you are taking key material out of the keyring's protection. */
export const INSECURE_KEY_ACCESS: { readonly [brand]: true } = Object.freeze({ [brand]: true as const });

/**
 * Exports the raw material of one version. The export is recorded in the audit log.
 * @throws {TypeError} without INSECURE_KEY_ACCESS.
 * @throws {KeyhygieneError} E_STATE for a non-extractable token key, E_DESTROYED for a destroyed version.
 */
export async function exportKeyMaterialInsecure(
  keyring: Keyring,
  version: number | string,
  access: typeof INSECURE_KEY_ACCESS,
): Promise<{ material: SecretBytes; version: VersionInfo }> {
  if (access !== INSECURE_KEY_ACCESS) throw new TypeError('exportKeyMaterialInsecure needs INSECURE_KEY_ACCESS');
  if (typeof (keyring as { _exportMaterial?: unknown })._exportMaterial !== 'function')
    throw new TypeError('keyring must be a Keyring');
  const { material, info, audit } = await keyring._exportMaterial(version);
  try {
    await audit();
  } catch (e) {
    material.wipe();
    throw e instanceof KeyhygieneError
      ? e
      : new KeyhygieneError('E_STATE', 'could not record the export in the audit log');
  }
  return { material, version: info };
}
