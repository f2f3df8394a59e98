/**
 * Destroying a key version and proving it: the irreversible "destroying" mark with a canary made while
 * the key still exists, the backend's destruction, then checks that the canary fails with "key not
 * found", that the token no longer finds the object and that no keystore file holds the wrapped bytes.
 * Scheduling and cancelling destruction are lifecycle changes (`./lifecycle.ts`).
 */
import { createHash } from 'node:crypto';
import type { MaterialRef, Purpose, VersionContext } from '../backend.js';
import {
  LIMITS_CRYPTO_ERASE,
  LIMITS_FILE_OVERWRITE,
  scanDir,
  type DestructionReport,
  type DestructionStep,
} from '../destroy.js';
import { KeyhygieneError } from '../errors.js';
import { SecretBytes } from '../secret-bytes.js';
import type { CanaryRecord, VersionRecord } from '../store-records.js';
import type { KeyCore } from './core.js';
import { hexId, parseVersion } from './types.js';

function canaryAad(v: Pick<VersionRecord, 'id'>): Buffer {
  return Buffer.from(`keyhygiene/v2/destruction-canary\0${hexId(v.id)}`, 'utf8');
}

export async function destroy(k: KeyCore, version: number | string): Promise<DestructionReport> {
  const id = parseVersion(version);
  await k.store.refresh(true);
  const rec = k.record();
  const cur = rec.versions.find((x) => x.id === id);
  if (!cur) throw new KeyhygieneError('E_NOT_FOUND', `key "${k.name}" has no version ${hexId(id)}`);
  if (cur.state === 'destroyed') throw new KeyhygieneError('E_DESTROYED', `version ${hexId(id)} is already destroyed`);
  if (cur.state !== 'destroy-scheduled' && cur.state !== 'destroying')
    throw new KeyhygieneError('E_STATE', `version ${hexId(id)} is ${cur.state}; call scheduleDestroy first`);
  if (cur.state === 'destroy-scheduled' && Date.parse(cur.destroyAt ?? '') > Date.now())
    throw new KeyhygieneError(
      'E_STATE',
      `version ${hexId(id)} is scheduled for destruction at ${cur.destroyAt}; not yet due`,
    );
  const steps: DestructionStep[] = [];
  const backend = k.store.backend;
  const vctx = k.vctx(cur);
  // 1. The irreversible mark and the canary, in one commit, before any object is destroyed.
  let resumed = false;
  const marked = await k.store.mutate(async (draft, tx) => {
    const r = k.draftRecord(draft);
    const v = k.draftVersion(r, id);
    if (v.state === 'destroying') {
      resumed = true;
      tx.abort();
      return v;
    }
    if (v.state !== 'destroy-scheduled')
      throw new KeyhygieneError('E_STATE', `version ${hexId(id)} is ${v.state}; destruction cancelled`);
    if (Date.parse(v.destroyAt ?? '') > Date.now())
      throw new KeyhygieneError('E_STATE', `version ${hexId(id)} is not yet due for destruction`);
    v.canary = await makeCanary(k, r.purpose, v);
    // The canary ciphertext is one more GCM invocation under the version key: count it.
    if (v.canary.kind === 'ciphertext') v.reserved += 1;
    v.state = 'destroying';
    v.destroyingAt = new Date().toISOString();
    tx.audit({ event: 'version.destroy-begin', key: r.name, version: hexId(id), canary: v.canary.kind });
    return v;
  });
  const oldRef: MaterialRef | null = marked.ref ? { ...marked.ref } : null;
  const canary: CanaryRecord = marked.canary ?? { kind: 'store-record' };
  steps.push({
    step: 'canary',
    ok: true,
    detail: resumed
      ? `resuming an interrupted destruction with the ${canary.kind} canary committed by its first attempt`
      : `${canary.kind} canary committed with the irreversible "destroying" state`,
  });
  k.forget(id);
  // 2. Backend destruction, then the keystore record is overwritten and the store rewritten.
  let method: DestructionReport['method'] = backend.info.type === 'pkcs11' ? 'crypto-erase' : 'logical-overwrite';
  await k.store.mutate(async (draft, tx) => {
    const r = k.draftRecord(draft);
    const v = k.draftVersion(r, id);
    if (v.state === 'destroyed') return tx.abort(); // another process finished it meanwhile
    if (v.state !== 'destroying')
      throw new KeyhygieneError('E_STATE', `version ${hexId(id)} is ${v.state}; expected destroying`);
    if (v.ref) {
      const res = await backend.destroyVersion(vctx, v.ref);
      method = res.method;
      steps.push(...res.steps);
      if (!res.verified)
        throw new KeyhygieneError('E_PKCS11', `token still holds version ${hexId(id)} after C_DestroyObject`);
    }
    v.state = 'destroyed';
    v.destroyedAt = new Date().toISOString();
    v.ref = null;
    delete v.publicKey;
    delete v.canary;
    tx.audit({
      event: 'version.destroy',
      key: r.name,
      version: hexId(id),
      method,
      backend: v.backend,
      hardware: v.hardware,
      resumed,
    });
  });
  steps.push({
    step: 'keystore rewrite',
    ok: true,
    detail: 'record overwritten; state file rewritten atomically (new file, fsync, rename, fsync dir)',
  });
  k.forget(id);
  // 3. Verify: the canary must fail with "key not found", through a fresh read of the store.
  await k.store.refresh(true);
  steps.push(await checkCanary(k, vctx, oldRef, canary));
  // 4. Verify: the token no longer finds the objects, and the old wrapped ref no longer unwraps.
  if (oldRef && backend.versionExists) {
    const still = await backend.versionExists(oldRef);
    steps.push({
      step: 'token search (new session)',
      ok: !still,
      detail: still ? 'token object still present' : 'C_FindObjects by CKA_ID found 0 objects',
    });
  }
  // 5. Verify: no keystore file holds the wrapped bytes any more.
  if (oldRef?.wrapped) {
    const raw = Buffer.from(oldRef.wrapped, 'base64');
    const hits = await scanDir(k.store.dir, [raw, Buffer.from(oldRef.wrapped, 'utf8')]);
    steps.push({
      step: 'store scan',
      ok: hits.length === 0,
      detail:
        hits.length === 0 ? 'wrapped bytes found in no keystore file' : `wrapped bytes still in ${hits.join(', ')}`,
    });
    raw.fill(0);
  }
  const hardware = backend.info.hardware;
  return {
    target: 'key-version',
    subject: `key "${k.name}" version ${hexId(id)}`,
    method,
    backend: backend.info.type,
    hardware,
    verified: steps.every((s) => s.ok),
    steps,
    limits:
      method === 'crypto-erase'
        ? LIMITS_CRYPTO_ERASE
        : `${LIMITS_FILE_OVERWRITE} Anyone holding an earlier copy of the keystore file and the passphrase ` +
          'can still unwrap the destroyed version.',
    completedAt: new Date().toISOString(),
  };
}

export async function destroyDue(k: KeyCore): Promise<DestructionReport[]> {
  await k.store.refresh(true);
  const due = k
    .record()
    .versions.filter(
      (v) =>
        v.state === 'destroying' || (v.state === 'destroy-scheduled' && Date.parse(v.destroyAt ?? '') <= Date.now()),
    );
  const out: DestructionReport[] = [];
  for (const v of due) out.push(await destroy(k, v.id));
  return out;
}

/**
 * An artefact to test the version's key after destruction, made while it still exists. Token keys:
 * a ciphertext (aead), or nothing to keep (mac and sign are re-attempted with the old handle); a
 * token-wrapped secret: its wrapped copy. Software: the key exists only as a record in the store.
 */
async function makeCanary(k: KeyCore, purpose: Purpose, v: VersionRecord): Promise<CanaryRecord> {
  const ref = v.ref;
  if (!ref) return { kind: 'store-record' };
  if (ref.tokenResident) {
    if (purpose === 'mac') return { kind: 'mac' };
    if (purpose === 'sign') return { kind: 'signature' };
    const rnd = Buffer.allocUnsafeSlow(44);
    try {
      k.store.backend.random.fill(rnd);
      if (ref.wrap === 'aes-kwp') {
        // An RFC 5649 wrap of a random value under the version key (no IV).
        const w = await k.store.backend.tokenWrapKwp!(k.vctx(v), ref, rnd.subarray(0, 32));
        return { kind: 'ciphertext', probe: w.toString('base64') };
      }
      const iv = rnd.subarray(32, 44);
      const ct = await k.store.backend.tokenEncrypt!(k.vctx(v), ref, rnd.subarray(0, 32), iv, canaryAad(v));
      return { kind: 'ciphertext', probe: Buffer.concat([iv, ct]).toString('base64') };
    } finally {
      rnd.fill(0);
    }
  }
  if (ref.objectId) return { kind: 'wrapped-secret' };
  return { kind: 'store-record' };
}

/** Uses the old key reference once more. Only "key not found" (E_DESTROYED) counts as success. */
async function checkCanary(
  k: KeyCore,
  vctx: VersionContext,
  oldRef: MaterialRef | null,
  canary: CanaryRecord,
): Promise<DestructionStep> {
  const backend = k.store.backend;
  const probe = Buffer.from('keyhygiene destruction canary');
  const attempt = async (): Promise<unknown> => {
    if (!oldRef || canary.kind === 'store-record') {
      // Nothing outside the keystore holds this key: "not found" means a fresh read of the store
      // has no material for the version (an older copy of the file still has it: see `limits`).
      const v = k.store.body.keys[k.name]?.versions.find((x) => x.id === vctx.versionId);
      if (v?.ref) return v.ref;
      throw new KeyhygieneError('E_DESTROYED', 'the keystore holds no material for the version');
    }
    switch (canary.kind) {
      case 'ciphertext': {
        const b = Buffer.from(canary.probe ?? '', 'base64');
        if (oldRef.wrap === 'aes-kwp') return backend.tokenUnwrapKwp!(vctx, oldRef, b, 32);
        const aad = canaryAad({ id: vctx.versionId } as VersionRecord);
        return backend.tokenDecrypt!(vctx, oldRef, b.subarray(12), b.subarray(0, 12), aad);
      }
      case 'mac':
        return backend.tokenMac!(vctx, oldRef, probe);
      case 'signature':
        return backend.tokenSign!(vctx, oldRef, createHash('sha256').update(probe).digest());
      case 'wrapped-secret':
        return backend.unwrapMaterial(vctx, oldRef);
    }
  };
  try {
    const r = await attempt();
    if (r instanceof SecretBytes) r.wipe();
    if (Buffer.isBuffer(r)) r.fill(0);
    return {
      step: 'canary check',
      ok: false,
      detail: `${canary.kind} canary still works with the old key reference`,
    };
  } catch (e) {
    const code = e instanceof KeyhygieneError ? e.code : 'error';
    if (code === 'E_DESTROYED')
      return {
        step: 'canary check',
        ok: true,
        detail: `${canary.kind} canary fails with the old key reference: key not found (${code})`,
      };
    return {
      step: 'canary check',
      ok: false,
      detail: `${canary.kind} canary failed for another reason (${code}); destruction not confirmed`,
    };
  }
}
