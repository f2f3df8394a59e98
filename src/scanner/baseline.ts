/**
 * The baseline: a prior report reduced to stable fingerprints (rule, path, hash of the normalised match),
 * so known findings can be accepted with a reason and an expiry date. It holds no secret: no snippet, no
 * message, no redacted value, only ids and the reason a person wrote.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AuditResult, Finding } from '../report/types.js';
import { AuditError } from './errors.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  readonly fingerprint: string;
  readonly ruleId: string;
  readonly file: string;
  readonly reason?: string;
  /** ISO date (YYYY-MM-DD); after it the entry no longer suppresses. */
  readonly expires?: string;
}

export interface Baseline {
  readonly keyhygieneBaseline: typeof BASELINE_VERSION;
  readonly createdAt: string;
  readonly entries: readonly BaselineEntry[];
}

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
  if (b?.keyhygieneBaseline !== BASELINE_VERSION || !Array.isArray(b.entries)) {
    throw new AuditError('E_CONFIG', `${file} is not a keyhygiene baseline (version ${BASELINE_VERSION})`);
  }
  for (const e of b.entries as Array<Partial<Record<keyof BaselineEntry, unknown>> | null>) {
    if (typeof e?.fingerprint !== 'string' || typeof e.ruleId !== 'string' || typeof e.file !== 'string') {
      throw new AuditError('E_CONFIG', `baseline ${file} has an entry without fingerprint, ruleId or file`);
    }
    if (e.expires !== undefined && (typeof e.expires !== 'string' || !DATE.test(e.expires))) {
      throw new AuditError(
        'E_CONFIG',
        `baseline ${file}: expires must be a date (YYYY-MM-DD), got ${JSON.stringify(JSON.stringify(e.expires).slice(0, 30))}`,
      );
    }
  }
  return {
    keyhygieneBaseline: BASELINE_VERSION,
    createdAt: typeof b.createdAt === 'string' ? b.createdAt : '',
    entries: b.entries,
  };
}

const expired = (e: BaselineEntry, now: Date): boolean =>
  e.expires !== undefined && new Date(e.expires.length === 10 ? `${e.expires}T23:59:59Z` : e.expires) < now;

/** Marks findings the baseline covers (and has not expired) as suppressed, kind `baseline`. */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline, now = new Date()): Finding[] {
  const byFp = new Map(baseline.entries.map((e) => [e.fingerprint, e]));
  return findings.map((f) => {
    if (f.suppression) return f;
    const e = byFp.get(f.fingerprint);
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
 * Writes a baseline of every finding in `result` not suppressed inline. Entries already in an existing
 * baseline at `file` keep their reason and expiry; new ones get `options.reason`/`options.expires`.
 * @throws AuditError E_USAGE for a malformed expiry date, E_IO when the file cannot be written.
 */
export async function writeBaseline(
  file: string,
  result: AuditResult,
  options: { reason?: string; expires?: string } = {},
): Promise<Baseline> {
  if (options.expires !== undefined && !DATE.test(options.expires))
    throw new AuditError('E_USAGE', `--expires must be a date (YYYY-MM-DD)`);
  let prior = new Map<string, BaselineEntry>();
  try {
    prior = new Map((await loadBaseline(file)).entries.map((e) => [e.fingerprint, e]));
  } catch {
    // No prior baseline (or an unreadable one, which is replaced).
  }
  const seen = new Set<string>();
  const entries: BaselineEntry[] = [];
  for (const f of result.findings) {
    if (f.suppression?.kind === 'inline' || seen.has(f.fingerprint)) continue;
    seen.add(f.fingerprint);
    const old = prior.get(f.fingerprint);
    const reason = old?.reason ?? options.reason;
    const expires = old?.expires ?? options.expires;
    entries.push({
      fingerprint: f.fingerprint,
      ruleId: f.ruleId,
      file: f.location.file,
      ...(reason ? { reason: reason.slice(0, 500) } : {}),
      ...(expires ? { expires } : {}),
    });
  }
  entries.sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint),
  );
  const baseline: Baseline = { keyhygieneBaseline: BASELINE_VERSION, createdAt: new Date().toISOString(), entries };
  try {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify(baseline, null, 2)}\n`);
    await rename(tmp, file);
  } catch (e) {
    throw new AuditError('E_IO', `cannot write baseline ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  return baseline;
}
