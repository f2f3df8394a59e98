/**
 * The `json` report: the `AuditResult` itself, in a stable shape and order (docs/report-schema.md).
 * It is also the input of `keyhygiene merge`, so it carries everything the other formats need.
 *
 * The ordering and counting helpers below define the canonical order every format shows findings in;
 * the other reporters import them from here so that no format sorts differently.
 */
import type { Severity } from '../catalogue/types.js';
import { looksRandom } from '../detect/index.js';
import type { AuditResult, Finding, Reporter } from './types.js';

/** Most severe first. */
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** critical → 0 … low → 3 (lower is more severe). */
export function severityRank(s: Severity): number {
  const i = SEVERITIES.indexOf(s);
  return i < 0 ? SEVERITIES.length : i;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** File, line, column, then rule and fingerprint: the one order findings appear in, in every format. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.location.file, b.location.file) ||
    a.location.line - b.location.line ||
    a.location.column - b.location.column ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.fingerprint, b.fingerprint)
  );
}

function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/**
 * Whether a finding is covered by a suppression that still holds. A baseline entry whose `expires`
 * date has passed no longer suppresses: the finding is shown and gates again.
 */
export function isSuppressed(f: Finding, now: Date = new Date()): boolean {
  if (!f.suppression) return false;
  const { expires } = f.suppression;
  if (expires === undefined) return true;
  const t = Date.parse(expires);
  return Number.isNaN(t) || t > now.getTime();
}

export interface Summary {
  readonly total: number;
  readonly active: number;
  readonly suppressed: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  readonly files: number;
  /** Places of the unsuppressed findings: each finding's own and its `occurrences` (one secret in N places). */
  readonly places: number;
}

/** Counts of unsuppressed findings by severity, and of suppressed ones. */
export function summarise(result: AuditResult, now: Date = new Date()): Summary {
  const bySeverity: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  let suppressed = 0;
  const files = new Set<string>();
  let places = 0;
  for (const f of result.findings) {
    if (isSuppressed(f, now)) {
      suppressed++;
      continue;
    }
    bySeverity[f.severity]++;
    files.add(f.location.file);
    places += 1 + (f.occurrences?.length ?? 0);
  }
  return {
    total: result.findings.length,
    active: result.findings.length - suppressed,
    suppressed,
    bySeverity,
    files: files.size,
    places,
  };
}

/**
 * The line every report prints when the fixture policy withheld findings (docs/audit.md, "Test fixtures and
 * published examples"), or undefined when it withheld none.
 */
export function withheldLine(result: Pick<AuditResult, 'withheld'>): string | undefined {
  const w = result.withheld;
  const weak = w?.weakEvidence ?? 0;
  if (!w || w.testFixtures + w.examples + weak === 0) return undefined;
  const n = (k: number, one: string, many: string): string => `${k} ${k === 1 ? one : many}`;
  const fixtures =
    `${n(w.testFixtures, 'test-fixture finding', 'test-fixture findings')} and ` +
    `${n(w.examples, 'example', 'examples')} (example and docs trees, published example keys) not listed; ` +
    '--include-fixtures lists them';
  // The evidence floor (docs/audit.md, "Evidence"): findings that rest on a name alone where the default asks more.
  const evidence =
    `${n(weak, 'finding', 'findings')} below the evidence floor (resting on a name alone) not listed; ` +
    '--min-evidence name lists them';
  if (weak === 0) return fixtures;
  return w.testFixtures + w.examples === 0 ? evidence : `${fixtures}; ${evidence}`;
}

/** Recursively orders object keys, so the JSON text is byte-stable for equal results. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = canonical(v);
    }
    return out;
  }
  return value;
}

const LONG_RUN = /[A-Za-z0-9+/_=-]{32,}/g;

/**
 * Defence in depth for text that comes from scanned files: a long, random-looking run (a key body or
 * token the engine did not redact, such as the second line of a PEM block in a snippet) is masked to
 * its first two characters and its length. Identifiers, paths and prose do not look random and stay.
 */
export function scrubLine(line: string): string {
  return line.replace(LONG_RUN, (run) =>
    looksRandom(run) && !isPathLike(run) ? `${run.slice(0, 2)}…(${run.length} chars)` : run,
  );
}

/** `docs/rules/no-hardcoded-key`: slash-separated lower-case words, as in paths and URLs (base64 mixes case). */
function isPathLike(run: string): boolean {
  return run.includes('/') && run.split('/').every((seg) => seg === '' || /^[a-z][a-z0-9_.-]*$/.test(seg));
}

function scrubFinding(f: Finding): Finding {
  const message = scrubLine(f.message);
  const snippet = f.snippet ? { startLine: f.snippet.startLine, lines: f.snippet.lines.map(scrubLine) } : undefined;
  return { ...f, message, ...(snippet ? { snippet } : {}) };
}

/**
 * The result as every format shows it: findings, inventory and skipped files in their canonical
 * order, and messages and snippets passed through `scrubLine`.
 */
export function normaliseResult(result: AuditResult): AuditResult {
  return {
    ...result,
    findings: sortFindings(result.findings).map(scrubFinding),
    inventory: [...result.inventory].sort(
      (a, b) =>
        cmp(a.kind, b.kind) || cmp(a.name, b.name) || cmp(a.locations[0]?.file ?? '', b.locations[0]?.file ?? ''),
    ),
    skipped: [...result.skipped].sort((a, b) => cmp(a.file, b.file) || cmp(a.reason, b.reason)),
  };
}

export const jsonReporter: Reporter = {
  name: 'json',
  render(result) {
    return `${JSON.stringify(canonical(normaliseResult(result)), null, 2)}\n`;
  },
};
