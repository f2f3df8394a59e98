/**
 * Rotation policy and the SP 800-38D invocation bound: the defaults, how a caller's rotation options
 * become a policy, and when a version is due for rotation (by age or by encryptions reserved). The
 * reservation of encryptions itself is in `./reservations.ts`.
 */
import type { KeyRecord, RotationPolicy, VersionRecord } from '../store-records.js';
import type { RotationOptions } from './types.js';

/** SP 800-38D §8.3: with random 96-bit IVs, at most 2^32 invocations of the authenticated encryption
 * function per key. Each envelope encryption is one GCM invocation under the version key (the DEK wrap),
 * so that is what we count. Reservations stop a margin below the bound. */
const GCM_INVOCATION_LIMIT = 2 ** 32;
export const RESERVATION_BLOCK = 2 ** 16;
/** The first block a process reserves; each further block doubles, up to RESERVATION_BLOCK. A
 * short-lived process that encrypts a few times thus uses up 64 counts, not 2^16 (2^32 / 2^16 = 65,536
 * runs would force a rotation; 2^32 / 64 is 67 million). */
export const FIRST_RESERVATION = 64;
export const HARD_LIMIT = GCM_INVOCATION_LIMIT - 2 * RESERVATION_BLOCK;

const DEFAULT_ROTATION: RotationPolicy = { maxAgeDays: 90, maxEncryptions: 2 ** 31, auto: true };
export const MS_PER_DAY = 86_400_000;

export function rotationFrom(
  r: RotationOptions | false | undefined,
  base: RotationPolicy | false = DEFAULT_ROTATION,
): RotationPolicy | false {
  if (r === false) return false;
  if (r === undefined) return base;
  if (typeof r !== 'object' || r === null) throw new TypeError('rotation must be an object or false');
  const b = base === false ? DEFAULT_ROTATION : base;
  const out: RotationPolicy = {
    maxAgeDays: r.maxAgeDays ?? b.maxAgeDays,
    maxEncryptions: r.maxEncryptions ?? b.maxEncryptions,
    auto: r.auto ?? b.auto,
  };
  if (!Number.isFinite(out.maxAgeDays) || out.maxAgeDays <= 0 || out.maxAgeDays > 3650)
    throw new RangeError('rotation.maxAgeDays must be in (0, 3650]');
  if (!Number.isSafeInteger(out.maxEncryptions) || out.maxEncryptions < 1 || out.maxEncryptions > HARD_LIMIT) {
    throw new RangeError(`rotation.maxEncryptions must be an integer in [1, ${HARD_LIMIT}] (SP 800-38D §8.3 bound)`);
  }
  if (typeof out.auto !== 'boolean') throw new TypeError('rotation.auto must be a boolean');
  return out;
}

/** Why the version is due for rotation under the key's policy, with `extra` more encryptions; null when it is not. */
export function policyDue(rec: KeyRecord, v: VersionRecord, extra = 0): 'age' | 'count' | null {
  if (rec.rotation === false) return null;
  const activated = Date.parse(v.activatedAt ?? v.createdAt);
  if (Date.now() - activated >= rec.rotation.maxAgeDays * MS_PER_DAY) return 'age';
  if (rec.purpose === 'aead' && v.reserved + extra > rec.rotation.maxEncryptions) return 'count';
  return null;
}
