/**
 * A KDF's work factor in committed configuration (`kdf: { algorithm: scrypt, N: 1024 }`, `scrypt: { cost: 1024 }`,
 * `argon2: { memory: 4096 }`): a map whose selector names the KDF (catalogue `kdfWorkOptions.selector`) or whose own
 * key names it, and a sibling named for one of that KDF's work factors. Judged by the floors `no-password-as-key`
 * applies in code (`kdfShortfalls`). PBKDF2 iteration counts under a KDF-named key are `isKdfIterationSetting`'s.
 */
import { kdfShortfalls, kdfWorkOptions, type KdfKind, type KdfParams } from '../../../catalogue/kdf.js';
import { normaliseName } from '../../../detect/names.js';
import type { TemplateHit } from './hits.js';

/** The KDF a name or a selector's value names (`scrypt`, `pbkdf2_sha256`, `argon2id`). */
const kdfNamed = (text: string): KdfKind | undefined =>
  kdfWorkOptions.kdfOf.find((k) => k.pattern.test(normaliseName(text)))?.kdf;

/**
 * The KDF a map's values set: named by a selector among its entries (`algorithm: scrypt`), else by the map's own
 * key (`scrypt:`). `entries` are the map's keys as written, with their scalar values.
 */
export function kdfOfMap(
  ownKey: string | undefined,
  entries: readonly (readonly [string, unknown])[],
): KdfKind | undefined {
  for (const [k, v] of entries)
    if (typeof v === 'string' && kdfWorkOptions.selector.test(normaliseName(k))) {
      const named = kdfNamed(v);
      if (named) return named;
    }
  return ownKey === undefined ? undefined : kdfNamed(ownKey);
}

/** Whether a map key, normalised, is a KDF selector: `kdfOfMap` reads only such entries, then the map's own key. */
export const mayNameKdf = (normalised: string): boolean => kdfWorkOptions.selector.test(normalised);

/** The hit for a work-factor entry of a map `kdfOfMap` named, or none. `at` is the value's offset. */
export function kdfWorkHits(kdf: KdfKind, path: readonly string[], value: unknown, at: number): TemplateHit[] {
  const key = path[path.length - 1] ?? '';
  const n = typeof value === 'number' ? value : /^\d{1,10}$/.test(String(value).trim()) ? Number(value) : undefined;
  if (n === undefined || kdf === 'bcrypt') return [];
  const param = kdfWorkOptions.params[kdf].find((p) => p.pattern.test(key))?.param;
  if (param === undefined) return [];
  const p: KdfParams = param === 'logCost' ? { cost: 2 ** n } : { [param]: n };
  return kdfShortfalls(kdf, p).map((s) => ({
    ruleId: 'keyhygiene/config-password-as-key',
    offset: at,
    match: `${path.join('.')}=${n}`,
    message:
      `'${path.join('.')}' gives ${kdf} ${s.param} ${s.value}, under ${s.floor} (${s.source}): raise it to ` +
      `${s.floor} or more.`,
  }));
}
