/**
 * The lifecycle of a key's versions (SP 800-57 states): rotate, promote, disable and enable, schedule
 * and cancel destruction, mark compromised, import existing material, the minimum decryption version,
 * the rotation policy, and creating another key. Every change is one audited keystore commit.
 * Destruction itself is in `./destruction.ts`.
 */
import type { VersionContext } from '../backend.js';
import { PURPOSES, type Purpose } from '../backend.js';
import { KeyhygieneError } from '../errors.js';
import { SecretBytes } from '../secret-bytes.js';
import type { KeyRecord, VersionRecord, VersionState } from '../store-records.js';
import { algorithmFor, type KeyCore } from './core.js';
import { MS_PER_DAY, rotationFrom } from './policy.js';
import { checkName, hexId, parseVersion, type KeyInfo, type RotationOptions, type VersionInfo } from './types.js';

export async function rotate(k: KeyCore, options: { promote?: boolean } = {}): Promise<VersionInfo> {
  const promote = options.promote ?? true;
  const id = await k.store.mutate(async (draft, tx) => {
    const rec = k.draftRecord(draft);
    const v = await k.addVersion(draft, rec, tx, promote ? 'active' : 'preactive');
    return v.id;
  });
  k.afterChange();
  return k.info(id);
}

export async function promote(k: KeyCore, version: number | string): Promise<VersionInfo> {
  const id = parseVersion(version);
  await k.store.mutate((draft, tx) => {
    const rec = k.draftRecord(draft);
    const v = k.draftVersion(rec, id);
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
        `version ${hexId(id)} (#${v.number}) is below minDecryptionVersion ${rec.minDecryptionVersion}; ` +
          'it cannot become primary',
      );
    k.activate(rec, v, tx);
  });
  k.afterChange();
  return k.info(id);
}

export async function disable(k: KeyCore, version: number | string): Promise<VersionInfo> {
  return transition(k, version, ['preactive', 'decrypt-only'], 'disabled', 'version.disable', (v) => {
    v.disabledAt = new Date().toISOString();
  });
}

export async function enable(k: KeyCore, version: number | string): Promise<VersionInfo> {
  return transition(k, version, ['disabled'], 'decrypt-only', 'version.enable');
}

export async function scheduleDestroy(k: KeyCore, version: number | string, days = 30): Promise<VersionInfo> {
  if (typeof days !== 'number' || !Number.isFinite(days) || days < 0 || days > 3650)
    throw new RangeError('days must be a number in [0, 3650]');
  const destroyAt = new Date(Date.now() + days * MS_PER_DAY).toISOString();
  const id = parseVersion(version);
  const cur = k.record().versions.find((x) => x.id === id);
  if (cur?.state === 'destroy-scheduled') {
    // Already scheduled: a new call sets the new date (an incident may need it sooner), audited.
    await k.store.mutate((draft, tx) => {
      const v = k.draftVersion(k.draftRecord(draft), id);
      if (v.state !== 'destroy-scheduled')
        throw new KeyhygieneError('E_STATE', `version ${hexId(id)} is ${v.state}; cannot reschedule its destruction`);
      tx.audit({
        event: 'version.reschedule-destroy',
        key: k.name,
        version: hexId(id),
        from: v.destroyAt ?? null,
        destroyAt,
        days,
      });
      v.destroyAt = destroyAt;
    });
    k.afterChange();
    return k.info(id);
  }
  return transition(
    k,
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

export async function cancelDestroy(k: KeyCore, version: number | string): Promise<VersionInfo> {
  return transition(k, version, ['destroy-scheduled'], 'disabled', 'version.cancel-destroy', (v) => {
    delete v.destroyAt;
  });
}

export async function markCompromised(k: KeyCore, version: number | string): Promise<VersionInfo> {
  const id = parseVersion(version);
  await k.store.mutate(async (draft, tx) => {
    const rec = k.draftRecord(draft);
    const v = k.draftVersion(rec, id);
    if (v.state === 'destroyed') throw new KeyhygieneError('E_DESTROYED', `version ${hexId(id)} is destroyed`);
    v.compromised = true;
    v.compromisedAt = new Date().toISOString();
    tx.audit({ event: 'version.compromised', key: rec.name, version: hexId(id) });
    if (v.state === 'active') await k.addVersion(draft, rec, tx, 'active', 'replaces compromised primary');
  });
  k.afterChange();
  return k.info(id);
}

export async function importMaterial(
  k: KeyCore,
  material: Uint8Array | SecretBytes,
  options: { compromised?: boolean; rotate?: boolean } = {},
): Promise<VersionInfo> {
  const m = material instanceof SecretBytes ? material.expose() : material;
  if (!(m instanceof Uint8Array)) throw new TypeError('material must be a Uint8Array or SecretBytes');
  const purpose = k.record().purpose;
  if (purpose === 'sign')
    throw new KeyhygieneError('E_PURPOSE', 'import of signing keys is not supported; generate a new signing key');
  if (purpose === 'aead' && m.byteLength !== 32)
    throw new RangeError('an aead key to import must be 32 bytes (AES-256)');
  if (m.byteLength < 1 || m.byteLength > 4096) throw new RangeError('material must be 1 to 4096 bytes');
  const compromised = options.compromised ?? true;
  const id = await k.store.mutate(async (draft, tx) => {
    const rec = k.draftRecord(draft);
    const versionId = k.newVersionId(draft);
    const now = new Date().toISOString();
    const vctx: VersionContext = { storeId: k.store.storeId, keyName: rec.name, versionId, purpose: rec.purpose };
    const created = await k.store.backend.importVersion(vctx, m);
    const v: VersionRecord = {
      id: versionId,
      number: rec.nextNumber++,
      state: compromised ? 'decrypt-only' : 'preactive',
      compromised,
      algorithm: algorithmFor(rec.purpose, k.store.backend),
      bytes: m.byteLength,
      backend: k.store.backend.info.type,
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
      await k.addVersion(draft, rec, tx, 'active', 'replaces imported compromised key');
    }
    return versionId;
  });
  k.afterChange();
  return k.info(id);
}

export async function setMinDecryptionVersion(k: KeyCore, n: number): Promise<void> {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError('minDecryptionVersion must be a positive integer');
  await k.store.mutate((draft, tx) => {
    const rec = k.draftRecord(draft);
    const active = rec.versions.find((v) => v.state === 'active');
    if (active && active.number < n)
      throw new KeyhygieneError(
        'E_STATE',
        `the primary is version #${active.number}; minDecryptionVersion cannot exceed it`,
      );
    rec.minDecryptionVersion = n;
    tx.audit({ event: 'key.min-decryption-version', key: rec.name, minDecryptionVersion: n });
  });
  k.afterChange();
}

export async function setRotationPolicy(k: KeyCore, rotation: RotationOptions | false): Promise<void> {
  await k.store.mutate((draft, tx) => {
    const rec = k.draftRecord(draft);
    rec.rotation = rotationFrom(rotation, rec.rotation);
    tx.audit({
      event: 'key.rotation-policy',
      key: rec.name,
      rotation: rec.rotation === false ? 'off' : { ...rec.rotation },
    });
  });
  k.afterChange();
}

export async function generate(
  k: KeyCore,
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
  await k.store.mutate(async (draft, tx) => {
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
      backend: k.store.backend.info.type,
      hardware: k.store.backend.info.hardware,
    });
    await k.addVersion(draft, rec, tx, 'active', undefined, bytes);
  });
  return k.keyInfo(k.store.body.keys[name]!);
}

async function transition(
  k: KeyCore,
  version: number | string,
  from: VersionState[],
  to: VersionState,
  event: string,
  edit?: (v: VersionRecord) => void,
  extra: Record<string, string | number> = {},
): Promise<VersionInfo> {
  const id = parseVersion(version);
  await k.store.mutate((draft, tx) => {
    const rec = k.draftRecord(draft);
    const v = k.draftVersion(rec, id);
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
  k.afterChange();
  return k.info(id);
}
