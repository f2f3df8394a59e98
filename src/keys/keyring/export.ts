/**
 * The raw-export capability: `insecure-export.ts` claims it once when it loads, and only its holder can
 * take material out of a keyring. The export is audited (committed) before any byte is unwrapped.
 */
import { KeyhygieneError } from '../errors.js';
import type { SecretBytes } from '../secret-bytes.js';
import type { Keyring } from '../keyring.js';
import type { KeyCore } from './core.js';
import { hexId, parseVersion, type VersionInfo } from './types.js';

let coreOf: ((ring: unknown) => KeyCore | undefined) | null = null;
let exportCapability: symbol | null = null;

/**
 * @internal `Keyring` registers, once, how to reach a keyring's state (its `#k` is private), so that
 * export can reach it and no module registered later can replace it.
 * @throws {KeyhygieneError} E_STATE on a second registration.
 */
export function registerKeyringAccess(access: (ring: unknown) => KeyCore | undefined): void {
  if (coreOf !== null) throw new KeyhygieneError('E_STATE', 'keyring access was already registered in this process');
  coreOf = access;
}

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
  const k = coreOf?.(ring);
  if (!k) throw new TypeError('keyring must be a Keyring');
  return exportMaterial(k, version);
}

/** Raw export (reached only through `exportMaterialWithCapability`): audited before any byte leaves. */
async function exportMaterial(
  k: KeyCore,
  version: number | string,
): Promise<{ material: SecretBytes; info: VersionInfo }> {
  const id = parseVersion(version);
  await k.store.mutate((draft, tx) => {
    const v = k.draftVersion(k.draftRecord(draft), id);
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
    tx.audit({ event: 'version.export-insecure', key: k.name, version: hexId(id), state: v.state });
  });
  // The record is committed: only now is the material unwrapped (a fresh copy, not the cache).
  const v = k.draftVersion(k.record(), id);
  const material = await k.store.backend.unwrapMaterial(k.vctx(v), v.ref!);
  return { material, info: k.versionInfo(v) };
}
