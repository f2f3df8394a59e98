/**
 * The baseline: a prior report reduced to stable fingerprints (rule, path, keyed hash of the normalised
 * match), so known findings can be accepted with a reason and an expiry date. It holds no secret: no
 * snippet, no message, no redacted value, only ids, the reason a person wrote, and the repository's
 * fingerprint salt (public by design: it stops precomputation, the slow KDF stops guessing).
 *
 * Format 1 (keyhygiene 0.1) had no salt and bare SHA-256 ids; format 2 had the salt but numbered equal findings of
 * a file in order (so removing one moved the next one's id onto it). Both are still read: the scanner matches their
 * entries by the old ids once, in memory, and `--update-baseline` rewrites the file as format 3, whose finding ids
 * are anchored (`ids: "anchor"`, docs/audit.md "Finding ids").
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { saltIdOf } from '../detect/index.js';
import type { AuditResult, Finding } from '../report/types.js';
import { AuditError } from './errors.js';
import { parseSalt, type FindingIdScheme } from './fingerprints.js';
import { writeFileAtomic } from './atomic-write.js';

const BASELINE_VERSION = 3;

export interface BaselineEntry {
  readonly fingerprint: string;
  readonly ruleId: string;
  readonly file: string;
  readonly reason?: string;
  /** ISO date (YYYY-MM-DD); after it the entry no longer suppresses. */
  readonly expires?: string;
}

export interface Baseline {
  /** 3; a format-1 or format-2 file loads as such and is migrated by the next `--update-baseline`. */
  readonly keyhygieneBaseline: 1 | 2 | typeof BASELINE_VERSION;
  readonly createdAt: string;
  /**
   * Formats 2 and 3: the scheme and the repository's salt (64 hex digits) every entry is keyed with; format 3 adds
   * how equal findings of one file are told apart (`anchor`; format 2 numbered them, `occurrence`).
   */
  readonly fingerprints?: { readonly scheme: 'kh2'; readonly salt: string; readonly ids: FindingIdScheme };
  readonly entries: readonly BaselineEntry[];
}

/** The salt of a loaded baseline, as bytes (format 2 only). */
export const baselineSalt = (b: Baseline): Uint8Array | undefined =>
  b.fingerprints ? Buffer.from(b.fingerprints.salt, 'hex') : undefined;

const DATE = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?$/;

/**
 * Reads and validates a baseline file.
 * @throws AuditError E_IO when the file cannot be read, E_CONFIG when it is not a baseline.
 */
export async function loadBaseline(file: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new AuditError('E_IO', `cannot read baseline ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`, {
      hint: 'create one with --update-baseline',
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AuditError('E_CONFIG', `baseline ${file} is not valid JSON`);
  }
  const b = data as Partial<Baseline>;
  const version = b?.keyhygieneBaseline;
  if ((version !== 1 && version !== 2 && version !== BASELINE_VERSION) || !Array.isArray(b.entries)) {
    throw new AuditError('E_CONFIG', `${file} is not a keyhygiene baseline (version 1 to ${BASELINE_VERSION})`);
  }
  let fingerprints: Baseline['fingerprints'];
  if (version !== 1) {
    const f = b.fingerprints as Partial<NonNullable<Baseline['fingerprints']>> | undefined;
    if (f?.scheme !== 'kh2' || typeof f.salt !== 'string')
      throw new AuditError('E_CONFIG', `baseline ${file} has no fingerprint salt`, {
        hint: 'restore the file from version control, or delete it and run --update-baseline',
      });
    parseSalt(f.salt, `baseline ${file}`);
    // Format 2 had no `ids`: its ids were numbered. Format 3 names its scheme, and only `anchor` exists.
    if (version === BASELINE_VERSION && f.ids !== 'anchor')
      throw new AuditError('E_CONFIG', `baseline ${file}: unknown finding id scheme`, {
        hint: 'this baseline was written by a newer keyhygiene',
      });
    fingerprints = { scheme: 'kh2', salt: f.salt.toLowerCase(), ids: version === 2 ? 'occurrence' : 'anchor' };
  }
  for (const e of b.entries as Array<Partial<Record<keyof BaselineEntry, unknown>> | null>) {
    if (typeof e?.fingerprint !== 'string' || typeof e.ruleId !== 'string' || typeof e.file !== 'string') {
      throw new AuditError('E_CONFIG', `baseline ${file} has an entry without fingerprint, ruleId or file`);
    }
    if (e.expires !== undefined && (typeof e.expires !== 'string' || !DATE.test(e.expires))) {
      throw new AuditError(
        'E_CONFIG',
        `baseline ${file}: expires must be a date (YYYY-MM-DD), got ` +
          `${JSON.stringify(JSON.stringify(e.expires).slice(0, 30))}`,
      );
    }
  }
  return {
    keyhygieneBaseline: version,
    createdAt: typeof b.createdAt === 'string' ? b.createdAt : '',
    ...(fingerprints ? { fingerprints } : {}),
    entries: b.entries,
  };
}

/**
 * For a format-1 or format-2 baseline: which old id each finding had. `old` is the same scan made with the old
 * fingerprints; both lists come sorted by location and rule from the same tree, so the k-th finding of
 * one rule at one position pairs with the k-th of the other.
 */
export function legacyPairs(old: readonly Finding[], current: readonly Finding[]): Map<string, string> {
  const key = (f: Finding): string => `${f.location.file}\0${f.location.line}\0${f.location.column}\0${f.ruleId}`;
  const olds = new Map<string, string[]>();
  for (const f of old) olds.set(key(f), [...(olds.get(key(f)) ?? []), f.fingerprint]);
  const pairs = new Map<string, string>();
  for (const f of current) {
    const o = olds.get(key(f))?.shift();
    if (o !== undefined) pairs.set(f.fingerprint, o);
  }
  return pairs;
}

// The salt each audit result was made with. Kept beside the result, not in it: reports carry only the
// salt's id, so one holding a report alone cannot even start guessing.
const salts = new WeakMap<AuditResult, Uint8Array>();

/** Records the salt `result` was fingerprinted with, for `writeBaseline`. */
export function rememberSalt<T extends AuditResult>(result: T, salt: Uint8Array): T {
  salts.set(result, salt);
  return result;
}

const expired = (e: BaselineEntry, now: Date): boolean =>
  e.expires !== undefined && new Date(e.expires.length === 10 ? `${e.expires}T23:59:59Z` : e.expires) < now;

/**
 * Marks findings the baseline covers (and has not expired) as suppressed, kind `baseline`. For a
 * format-1 or format-2 baseline, `legacy` maps each finding's id to its old one (see `legacyPairs`).
 */
export function applyBaseline(
  findings: readonly Finding[],
  baseline: Baseline,
  now = new Date(),
  legacy?: ReadonlyMap<string, string>,
): Finding[] {
  const byFp = new Map(baseline.entries.map((e) => [e.fingerprint, e]));
  return findings.map((f) => {
    if (f.suppression) return f;
    const e = byFp.get(legacy ? (legacy.get(f.fingerprint) ?? '') : f.fingerprint);
    if (!e || e.ruleId !== f.ruleId || expired(e, now)) return f;
    return {
      ...f,
      suppression: {
        kind: 'baseline',
        ...(e.reason ? { reason: e.reason } : {}),
        ...(e.expires ? { expires: e.expires } : {}),
      },
    };
  });
}

/**
 * Writes a baseline of every finding in `result` not suppressed inline, with the salt `result` was made
 * with. Entries already in an existing baseline at `file` keep their reason and expiry; new ones get
 * `options.reason`/`options.expires`. A format-1 or format-2 file is migrated: its entries were matched by their
 * old ids during the scan, and keep their reason and expiry under the new ids.
 * @throws AuditError E_USAGE for a malformed expiry date or a result whose salt is unknown (one read back
 * from JSON), E_IO when the file cannot be written.
 */
export async function writeBaseline(
  file: string,
  result: AuditResult,
  options: { reason?: string; expires?: string } = {},
): Promise<Baseline> {
  if (options.expires !== undefined && !DATE.test(options.expires))
    throw new AuditError('E_USAGE', `--expires must be a date (YYYY-MM-DD)`);
  let priorBaseline: Baseline | undefined;
  try {
    priorBaseline = await loadBaseline(file);
  } catch {
    // No prior baseline (or an unreadable one, which is replaced).
  }
  const salt = salts.get(result);
  if (!salt || (result.fingerprints && saltIdOf(salt) !== result.fingerprints.saltId))
    throw new AuditError('E_USAGE', 'a baseline can only be written from the audit() result it records');
  const priorSalt = priorBaseline && baselineSalt(priorBaseline);
  // Ids made with another salt mean nothing here; a format-1 file's matches arrive as suppressions.
  const samePrior =
    priorBaseline?.keyhygieneBaseline === BASELINE_VERSION &&
    priorSalt !== undefined &&
    saltIdOf(priorSalt) === saltIdOf(salt);
  const prior = new Map(samePrior ? priorBaseline!.entries.map((e) => [e.fingerprint, e]) : []);
  const seen = new Set<string>();
  const entries: BaselineEntry[] = [];
  for (const f of result.findings) {
    if (f.suppression?.kind === 'inline') continue;
    // One entry per place: a finding of one secret lists its other places in `occurrences`, and a new copy
    // of a baselined secret is a new place, reported until it is baselined too (docs/audit.md).
    const places = [{ fingerprint: f.fingerprint, file: f.location.file }, ...(f.occurrences ?? [])];
    for (const place of places) {
      if (seen.has(place.fingerprint)) continue;
      seen.add(place.fingerprint);
      const old =
        prior.get(place.fingerprint) ??
        (priorBaseline !== undefined &&
        priorBaseline.keyhygieneBaseline !== BASELINE_VERSION &&
        f.suppression?.kind === 'baseline'
          ? f.suppression
          : undefined);
      const reason = old?.reason ?? options.reason;
      const expires = old?.expires ?? options.expires;
      entries.push({
        fingerprint: place.fingerprint,
        ruleId: f.ruleId,
        file: place.file,
        ...(reason ? { reason: reason.slice(0, 500) } : {}),
        ...(expires ? { expires } : {}),
      });
    }
  }
  entries.sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint),
  );
  const baseline: Baseline = {
    keyhygieneBaseline: BASELINE_VERSION,
    createdAt: new Date().toISOString(),
    fingerprints: { scheme: 'kh2', salt: Buffer.from(salt).toString('hex'), ids: 'anchor' },
    entries,
  };
  try {
    await writeFileAtomic(path.resolve(file), `${JSON.stringify(baseline, null, 2)}\n`);
  } catch (e) {
    throw new AuditError('E_IO', `cannot write baseline ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  return baseline;
}
