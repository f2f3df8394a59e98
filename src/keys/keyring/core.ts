/**
 * The state of one open keyring (its keystore, cached material, this process's reserved encryption
 * budget) and the internals every keyring operation shares: finding the key and version records,
 * version checks, creating and activating versions, material cache, and the info views. The public
 * `Keyring` (`../keyring.ts`) is a thin facade over this; each group of operations is its own module.
 */
import type { Backend, Purpose, VersionContext } from '../backend.js';
import { KeyhygieneError } from '../errors.js';
import type { SecretBytes } from '../secret-bytes.js';
import type { KeyRecord, StoreBody, VersionRecord } from '../store-records.js';
import type { Keystore, Tx } from '../store.js';
import { FIRST_RESERVATION, policyDue } from './policy.js';
import { hexId, type KeyInfo, type VersionInfo } from './types.js';

/** The algorithm name recorded for a new version of a key with this purpose on this backend. */
export function algorithmFor(purpose: Purpose, backend: Backend): string {
  switch (purpose) {
    case 'aead':
      return 'AES-256-GCM-ENVELOPE';
    case 'mac':
      return 'HMAC-SHA256';
    case 'sign':
      return backend.info.type === 'pkcs11' ? 'ECDSA-P256-SHA256' : 'Ed25519';
    case 'secret':
      return 'RAW-SECRET';
  }
}

export class KeyCore {
  readonly material = new Map<number, SecretBytes>();
  readonly budget = new Map<number, number>();
  nextBlock = FIRST_RESERVATION;
  reserving: Promise<VersionRecord> | null = null;
  lastRefresh = -Infinity;
  closed = false;

  constructor(
    readonly store: Keystore,
    readonly name: string,
    readonly owner: boolean,
  ) {}

  assertOpen(): void {
    if (this.closed || this.store.closed) throw new KeyhygieneError('E_CLOSED', 'keyring is closed');
  }

  record(): KeyRecord {
    this.assertOpen();
    const r = this.store.body.keys[this.name];
    if (!r) throw new KeyhygieneError('E_NOT_FOUND', `key "${this.name}" no longer exists`);
    return r;
  }

  draftRecord(draft: StoreBody): KeyRecord {
    const r = draft.keys[this.name];
    if (!r) throw new KeyhygieneError('E_NOT_FOUND', `key "${this.name}" no longer exists`);
    return r;
  }

  draftVersion(rec: KeyRecord, id: number): VersionRecord {
    const v = rec.versions.find((x) => x.id === id);
    if (!v) throw new KeyhygieneError('E_NOT_FOUND', `key "${rec.name}" has no version ${hexId(id)}`);
    return v;
  }

  requirePurpose(p: Purpose): void {
    const actual = this.record().purpose;
    if (actual !== p)
      throw new KeyhygieneError('E_PURPOSE', `key "${this.name}" has purpose ${actual}; this operation needs ${p}`);
  }

  vctx(v: VersionRecord): VersionContext {
    return { storeId: this.store.storeId, keyName: this.name, versionId: v.id, purpose: this.record().purpose };
  }

  newVersionId(draft: StoreBody): number {
    const used = new Set<number>();
    for (const k of Object.values(draft.keys)) for (const v of k.versions) used.add(v.id);
    const b = Buffer.alloc(4);
    for (;;) {
      this.store.backend.random.fill(b);
      const id = b.readUInt32BE(0);
      if (id !== 0 && !used.has(id)) return id;
    }
  }

  async addVersion(
    draft: StoreBody,
    rec: KeyRecord,
    tx: Tx,
    state: 'active' | 'preactive',
    reason?: string,
    bytes?: number,
  ): Promise<VersionRecord> {
    const backend = this.store.backend;
    const id = this.newVersionId(draft);
    const size = bytes ?? rec.versions.find((v) => v.state !== 'destroyed' && !v.compromised)?.bytes ?? 32;
    const vctx: VersionContext = {
      storeId: this.store.storeId,
      keyName: rec.name,
      versionId: id,
      purpose: rec.purpose,
    };
    const created = await backend.createVersion(vctx, { bytes: rec.purpose === 'secret' ? size : 32 });
    const v: VersionRecord = {
      id,
      number: rec.nextNumber++,
      state: 'preactive',
      compromised: false,
      algorithm: algorithmFor(rec.purpose, backend),
      bytes: rec.purpose === 'secret' ? size : 32,
      backend: backend.info.type,
      hardware: backend.info.hardware,
      provenance: created.provenance,
      createdAt: new Date().toISOString(),
      reserved: 0,
      ref: created.ref,
    };
    if (created.publicKey) v.publicKey = created.publicKey;
    rec.versions.push(v);
    tx.audit({
      event: 'version.create',
      key: rec.name,
      version: hexId(id),
      number: v.number,
      algorithm: v.algorithm,
      backend: v.backend,
      hardware: v.hardware,
      origin: created.provenance.origin,
      local: created.provenance.local ?? null,
      neverExtractable: created.provenance.neverExtractable ?? null,
      reason,
    });
    if (state === 'active') this.activate(rec, v, tx);
    return v;
  }

  activate(rec: KeyRecord, v: VersionRecord, tx: Tx): void {
    const now = new Date().toISOString();
    for (const o of rec.versions) {
      if (o.state === 'active' && o !== v) {
        o.state = 'decrypt-only';
        o.deactivatedAt = now;
        tx.audit({ event: 'version.deactivate', key: rec.name, version: hexId(o.id) });
      }
    }
    v.state = 'active';
    v.activatedAt = now;
    tx.audit({ event: 'version.promote', key: rec.name, version: hexId(v.id) });
  }

  afterChange(): void {
    // Drop cached material of versions that may no longer be used.
    const rec = this.store.body.keys[this.name];
    for (const [id, m] of this.material) {
      const v = rec?.versions.find((x) => x.id === id);
      if (
        !v ||
        v.state === 'destroyed' ||
        v.state === 'destroying' ||
        v.state === 'destroy-scheduled' ||
        v.state === 'disabled'
      ) {
        m.wipe();
        this.material.delete(id);
      }
    }
    for (const id of [...this.budget.keys()]) {
      const v = rec?.versions.find((x) => x.id === id);
      if (!v || v.state !== 'active') this.budget.delete(id);
    }
  }

  forget(id: number): void {
    this.material.get(id)?.wipe();
    this.material.delete(id);
    this.budget.delete(id);
  }

  async materialOf(v: VersionRecord): Promise<SecretBytes> {
    const cached = this.material.get(v.id);
    if (cached && !cached.wiped) return cached;
    if (!v.ref) throw new KeyhygieneError('E_DESTROYED', `key version ${hexId(v.id)} has no material`);
    const m = await this.store.backend.unwrapMaterial(this.vctx(v), v.ref);
    this.material.set(v.id, m);
    return m;
  }

  async maybeRefresh(force = false): Promise<void> {
    // Pick up rotations by other processes at most once a second (a stat call), not on every call.
    // Monotonic clock: a wall-clock jump (NTP, or a test faking Date) must not stop refreshes.
    const now = performance.now();
    if (!force && now - this.lastRefresh < 1000) return;
    this.lastRefresh = now;
    await this.store.refresh();
    this.afterChange();
  }

  async versionFor(
    keyId: number,
    op: 'decrypt' | 'verify' | 'secret',
    allowCompromised = false,
  ): Promise<VersionRecord> {
    this.assertOpen();
    let v = this.record().versions.find((x) => x.id === keyId);
    if (!v || v.state !== 'active') {
      // Another process may have rotated or changed state since we loaded: re-read once.
      await this.store.refresh();
      this.afterChange();
      v = this.record().versions.find((x) => x.id === keyId);
    }
    if (!v) throw new KeyhygieneError('E_UNKNOWN_KEY', `key id ${hexId(keyId)} is not a version of key "${this.name}"`);
    const rec = this.record();
    const id = hexId(keyId);
    switch (v.state) {
      case 'destroyed':
      case 'destroying':
        throw new KeyhygieneError('E_DESTROYED', `key version ${id} of "${this.name}" is destroyed`);
      case 'destroy-scheduled':
        throw new KeyhygieneError(
          'E_DESTROYED',
          `key version ${id} of "${this.name}" is scheduled for destruction (cancelDestroy to restore)`,
        );
      case 'disabled':
        throw new KeyhygieneError('E_DISABLED', `key version ${id} of "${this.name}" is disabled`);
      case 'preactive':
        if (op !== 'secret')
          throw new KeyhygieneError('E_DISABLED', `key version ${id} of "${this.name}" is not active yet`);
        break;
      default:
        break;
    }
    if (v.number < rec.minDecryptionVersion) {
      throw new KeyhygieneError(
        'E_DISABLED',
        `key version ${id} (#${v.number}) is below minDecryptionVersion ${rec.minDecryptionVersion}`,
      );
    }
    if (v.compromised && op === 'verify') {
      throw new KeyhygieneError(
        'E_DISABLED',
        `key version ${id} of "${this.name}" is compromised; its MACs and signatures prove nothing`,
      );
    }
    if (v.compromised && !allowCompromised) {
      throw new KeyhygieneError(
        'E_DISABLED',
        `key version ${id} of "${this.name}" is compromised: whoever holds the leaked key can forge ` +
          `${op === 'secret' ? 'with it' : 'ciphertexts that decrypt'}; refused (insecureAllowCompromised opts in)`,
      );
    }
    return v;
  }

  info(id: number): VersionInfo {
    const rec = this.record();
    return this.versionInfo(this.draftVersion(rec, id));
  }

  versionInfo(v: VersionRecord): VersionInfo {
    const out: VersionInfo = {
      id: hexId(v.id),
      number: v.number,
      state: v.state,
      primary: v.state === 'active',
      compromised: v.compromised,
      algorithm: v.algorithm,
      backend: v.backend,
      hardware: v.hardware,
      origin: v.provenance.origin,
      createdAt: v.createdAt,
      encryptionsReserved: v.reserved,
    };
    if (v.provenance.local !== undefined) out.local = v.provenance.local;
    if (v.provenance.neverExtractable !== undefined) out.neverExtractable = v.provenance.neverExtractable;
    if (v.provenance.alwaysSensitive !== undefined) out.alwaysSensitive = v.provenance.alwaysSensitive;
    if (v.activatedAt) out.activatedAt = v.activatedAt;
    if (v.destroyAt) out.destroyAt = v.destroyAt;
    if (v.destroyedAt) out.destroyedAt = v.destroyedAt;
    return out;
  }

  keyInfo(k: KeyRecord): KeyInfo {
    const primary = k.versions.find((v) => v.state === 'active');
    return {
      name: k.name,
      purpose: k.purpose,
      backend: this.store.backend.info.type,
      hardware: this.store.backend.info.hardware,
      primary: primary ? hexId(primary.id) : null,
      rotation: k.rotation,
      rotationDue: primary ? policyDue(k, primary) !== null : false,
      minDecryptionVersion: k.minDecryptionVersion,
      versions: k.versions.map((v) => this.versionInfo(v)),
    };
  }
}
