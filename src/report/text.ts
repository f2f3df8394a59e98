/**
 * The `text` report: findings grouped by file, then by severity, each with a code frame from the
 * (already redacted) snippet, then a summary line. Colour only when the caller asks for it (the CLI
 * asks on a TTY without NO_COLOR). A partial scan says what it skipped and why.
 */
import type { Severity } from '../catalogue/types.js';
import { SEVERITIES, isSuppressed, normaliseResult, severityRank, summarise, withheldLine } from './json.js';
import type { AuditResult, Finding, Reporter, RuleInfo, SkippedFile } from './types.js';

type Paint = (s: string) => string;

interface Palette {
  readonly bold: Paint;
  readonly dim: Paint;
  readonly sev: Readonly<Record<Severity, Paint>>;
  readonly ok: Paint;
  readonly warn: Paint;
}

const sgr =
  (open: number, close: number): Paint =>
  (s) =>
    `\u001b[${open}m${s}\u001b[${close}m`;
const plain: Paint = (s) => s;

function palette(color: boolean): Palette {
  if (!color)
    return {
      bold: plain,
      dim: plain,
      ok: plain,
      warn: plain,
      sev: { critical: plain, high: plain, medium: plain, low: plain },
    };
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    ok: sgr(32, 39),
    warn: sgr(33, 39),
    sev: { critical: (s) => `\u001b[1;35m${s}\u001b[22;39m`, high: sgr(31, 39), medium: sgr(33, 39), low: sgr(36, 39) },
  };
}

/** Control characters other than tab are shown escaped, so a crafted file cannot drive the terminal. */
function safe(s: string): string {
  return s.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

function codeFrame(f: Finding, p: Palette): string[] {
  const snip = f.snippet;
  if (!snip || snip.lines.length === 0) return [];
  const last = snip.startLine + snip.lines.length - 1;
  const width = String(last).length;
  const out: string[] = [];
  snip.lines.forEach((text, i) => {
    const n = snip.startLine + i;
    const here = n === f.location.line;
    const gutter = `${here ? '>' : ' '} ${String(n).padStart(width)} | `;
    const line = safe(text.replace(/\t/g, '  '));
    out.push(here ? `${p.bold(gutter)}${line}` : p.dim(gutter) + p.dim(line));
    if (here) {
      // The caret sits under the column; tabs were widened to two spaces above, so widen them here too.
      const before = text.slice(0, Math.max(0, f.location.column - 1)).replace(/\t/g, '  ');
      // The snippet is redacted, so the original end column can lie past the shown text: cap it.
      const room = Math.max(1, line.length - before.length);
      const len =
        f.location.endLine === f.location.line && f.location.endColumn !== undefined
          ? Math.max(1, Math.min(40, room, f.location.endColumn - f.location.column))
          : 1;
      out.push(`${' '.repeat(gutter.length - 2)}| ${' '.repeat(before.length)}${p.sev[f.severity]('^'.repeat(len))}`);
    }
  });
  return out.map((l) => `    ${l}`);
}

function describeFinding(f: Finding, rules: ReadonlyMap<string, RuleInfo>, p: Palette, now: Date): string[] {
  const sev = p.sev[f.severity](f.severity.toUpperCase().padEnd(8));
  const where = `${f.location.line}:${f.location.column}`;
  const lines = [`  ${sev} ${p.bold(where.padEnd(8))} ${safe(f.message)}  ${p.dim(f.ruleId)}`];
  const extra: string[] = [];
  if (f.secret)
    extra.push(
      `secret ${f.secret.redacted} ` +
        `(${f.secret.fingerprint.slice(0, 23)}${f.secret.formatId ? `, ${f.secret.formatId}` : ''})`,
    );
  if (f.origin !== 'code') extra.push(`origin ${f.origin}`);
  if (f.commit)
    extra.push(`commit ${f.commit.sha.slice(0, 12)}${f.commit.date ? ` ${f.commit.date.slice(0, 10)}` : ''}`);
  const cwe = rules.get(f.ruleId)?.cwe ?? [];
  if (cwe.length > 0) extra.push(cwe.map((c) => `CWE-${c}`).join(', '));
  if (extra.length > 0) lines.push(`           ${p.dim(safe(extra.join(' · ')))}`);
  if (f.suppression) {
    const held = isSuppressed(f, now);
    const label = f.suppression.kind === 'inline' ? 'allowed inline' : 'in baseline';
    const why = f.suppression.reason ? `: ${safe(f.suppression.reason)}` : '';
    const exp = f.suppression.expires ? ` (expire${held ? 's' : 'd'} ${f.suppression.expires})` : '';
    lines.push(
      '           ' +
        (held ? p.dim(`suppressed, ${label}${why}${exp}`) : p.warn(`suppression expired, ${label}${why}${exp}`)),
    );
  }
  const also = alsoIn(f);
  if (also) lines.push(`           ${p.dim(safe(also))}`);
  for (const step of f.path ?? [])
    lines.push(`           ${p.dim(`↳ ${safe(step.file)}:${step.line}:${step.column} ${safe(step.note)}`)}`);
  lines.push(...codeFrame(f, p));
  return lines;
}

/** How many places a secret finding's value also sits in, the first few named (docs/audit.md). */
function alsoIn(f: Finding, shown = 5): string | undefined {
  const occ = f.occurrences ?? [];
  if (occ.length === 0) return undefined;
  const files = new Set(occ.map((o) => o.file));
  const where = occ.slice(0, shown).map((o) => `${o.file}:${o.line}${o.fixture ? ` (${o.fixture})` : ''}`);
  const more = occ.length > shown ? `, … and ${occ.length - shown} more` : '';
  const n = (k: number, what: string): string => `${k} ${what}${k === 1 ? '' : 's'}`;
  return `same value also in ${n(occ.length, 'other place')} in ${n(files.size, 'file')}: ${where.join(', ')}${more}`;
}

function skippedLines(skipped: readonly SkippedFile[], p: Palette): string[] {
  if (skipped.length === 0) return [];
  const byReason = new Map<string, number>();
  for (const s of skipped) byReason.set(s.reason, (byReason.get(s.reason) ?? 0) + 1);
  const reasons = [...byReason].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([r, n]) => `${n} ${r}`);
  const out = [
    p.warn(
      `Partial scan: ${skipped.length} file${skipped.length === 1 ? '' : 's'} not scanned (${reasons.join(', ')})`,
    ),
  ];
  const shown = [...skipped].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)).slice(0, 20);
  for (const s of shown) out.push(`  ${safe(s.file)}: ${s.reason}${s.detail ? ` (${safe(s.detail)})` : ''}`);
  if (skipped.length > shown.length) out.push(`  … and ${skipped.length - shown.length} more (see the json report)`);
  return out;
}

export function renderText(
  input: AuditResult,
  rules: ReadonlyMap<string, RuleInfo>,
  color: boolean,
  now = new Date(),
): string {
  const result = normaliseResult(input);
  const p = palette(color);
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const list = byFile.get(f.location.file) ?? [];
    list.push(f);
    byFile.set(f.location.file, list);
  }
  for (const [file, list] of byFile) {
    out.push(p.bold(safe(file)));
    // Within a file: most severe first, then in line order (sortFindings already ordered by line).
    const ordered = [...list].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
    for (const f of ordered) out.push(...describeFinding(f, rules, p, now));
    out.push('');
  }
  out.push(...skippedLines(result.skipped, p));
  if (result.skipped.length > 0) out.push('');

  const s = summarise(result, now);
  const counts = SEVERITIES.filter((sev) => s.bySeverity[sev] > 0).map((sev) =>
    p.sev[sev](`${s.bySeverity[sev]} ${sev}`),
  );
  const head =
    s.active === 0
      ? p.ok('No findings')
      : p.bold(`${s.active} finding${s.active === 1 ? '' : 's'}`) +
        ` (${counts.join(', ')}) in ${s.files} file${s.files === 1 ? '' : 's'}` +
        (s.places > s.active ? `, ${s.places} places` : '');
  const tail = [
    s.suppressed > 0 ? `${s.suppressed} suppressed` : '',
    `${result.stats.files} file${result.stats.files === 1 ? '' : 's'} scanned ` +
      `in ${(result.durationMs / 1000).toFixed(1)}s`,
    result.stats.historyBlobs !== undefined ? `${result.stats.historyBlobs} history blobs` : '',
    // shard.index is 0-based in the result; people count shards from 1, as on the command line.
    result.shard ? `shard ${result.shard.index + 1}/${result.shard.count}` : '',
    result.partial ? p.warn('partial') : '',
  ].filter(Boolean);
  out.push(`${head}; ${tail.join(', ')}.`);
  const withheld = withheldLine(result);
  if (withheld) out.push(`${withheld}.`);
  return `${out.join('\n')}\n`;
}

export const textReporter: Reporter = {
  name: 'text',
  render(result, rules, options) {
    return renderText(result, rules, options?.color === true);
  },
};
