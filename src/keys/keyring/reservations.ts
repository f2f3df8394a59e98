/**
 * Choosing the version to use: the primary (rotated on use when its age is due under an `auto`
 * policy), and for encryption one count from this process's reserved budget, reserved from the
 * persisted state in growing blocks so the SP 800-38D bound holds across processes and crashes.
 */
import { KeyhygieneError } from '../errors.js';
import type { VersionRecord } from '../store-records.js';
import type { KeyCore } from './core.js';
import { HARD_LIMIT, RESERVATION_BLOCK, policyDue } from './policy.js';
import { hexId } from './types.js';

export async function primaryForUse(k: KeyCore): Promise<VersionRecord> {
  k.assertOpen();
  await k.maybeRefresh();
  const rec = k.record();
  let v = rec.versions.find((x) => x.state === 'active');
  if (!v) throw new KeyhygieneError('E_STATE', `key "${k.name}" has no active version; rotate or promote one`);
  if (rec.rotation !== false && rec.rotation.auto && policyDue(rec, v) === 'age') {
    await k.store.mutate(async (draft, tx) => {
      const r = k.draftRecord(draft);
      const p = r.versions.find((x) => x.state === 'active');
      // Another process may have rotated meanwhile: re-check on the fresh state.
      if (p && policyDue(r, p) === null) return tx.abort();
      await k.addVersion(draft, r, tx, 'active', 'rotation policy: maxAgeDays');
    });
    k.afterChange();
    v = k.record().versions.find((x) => x.state === 'active')!;
  }
  return v;
}

/**
 * Takes one encryption from this process's reserved budget. When the budget is empty, reserves a
 * block in the persisted state first (an audited commit), so after a crash the count can only be too
 * high, never too low. Blocks start at 64 and double per block this process uses up, to 2^16.
 */
export async function reserveOne(k: KeyCore): Promise<VersionRecord> {
  k.assertOpen();
  await k.maybeRefresh();
  for (;;) {
    const rec = k.record();
    const v = rec.versions.find((x) => x.state === 'active');
    // An age-due primary is rotated on use only under `auto`; without it, encryption goes on and
    // `list` reports rotationDue (the count bound is enforced at reservation either way).
    const ageRotates = rec.rotation !== false && rec.rotation.auto && policyDue(rec, v ?? rec.versions[0]!) === 'age';
    if (v && (k.budget.get(v.id) ?? 0) > 0 && !ageRotates) {
      k.budget.set(v.id, k.budget.get(v.id)! - 1);
      return v;
    }
    if (!k.reserving) {
      k.reserving = reserveBlock(k).finally(() => {
        k.reserving = null;
      });
    }
    await k.reserving;
  }
}

async function reserveBlock(k: KeyCore): Promise<VersionRecord> {
  const got = await k.store.mutate(async (draft, tx) => {
    const rec = k.draftRecord(draft);
    let v = rec.versions.find((x) => x.state === 'active');
    if (!v) throw new KeyhygieneError('E_STATE', `key "${k.name}" has no active version; rotate or promote one`);
    const want = Math.min(k.nextBlock, RESERVATION_BLOCK);
    const block = rec.rotation === false ? want : Math.min(want, rec.rotation.maxEncryptions);
    const due = policyDue(rec, v, block);
    const hard = v.reserved + block > HARD_LIMIT;
    if ((due && rec.rotation !== false && rec.rotation.auto) || (hard && rec.rotation !== false && rec.rotation.auto)) {
      v = await k.addVersion(draft, rec, tx, 'active', `rotation policy: ${due ?? 'SP 800-38D invocation bound'}`);
    } else if (hard) {
      throw new KeyhygieneError(
        'E_LIMIT',
        `version ${hexId(v.id)} reached the SP 800-38D §8.3 invocation bound; rotate the key`,
      );
    } else if (due === 'count' && rec.rotation !== false) {
      throw new KeyhygieneError('E_LIMIT', `version ${hexId(v.id)} reached rotation.maxEncryptions; rotate the key`);
    }
    v.reserved += block;
    tx.audit({ event: 'version.reserve', key: rec.name, version: hexId(v.id), block, reserved: v.reserved });
    return { id: v.id, block };
  });
  k.nextBlock = Math.min(k.nextBlock * 2, RESERVATION_BLOCK);
  k.budget.clear();
  k.budget.set(got.id, got.block);
  k.afterChange();
  return k.record().versions.find((x) => x.id === got.id)!;
}
