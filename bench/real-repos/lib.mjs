/**
 * The real-repositories bench, minus its I/O: extracting a pinned commit from a bare snapshot, counting
 * JS/TS lines, matching audit findings to hand labels and summing the figures. run.mjs drives it; the
 * test in test/bench/real-repos.test.ts checks the matching and the sums on toy input.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The label values; `tp` is the only one that counts as a real problem in the strict precision. */
export const LABELS = ['tp', 'fp', 'test-fixture', 'example'];
/** Extensions whose lines are counted as "JS/TS lines" (the denominator of every rate). */
export const JS_TS = /\.(?:[cm]?[jt]sx?)$/;
const SKIP_DIRS = new Set(['node_modules', '.git']);

const git = (gitDir, args, input) => {
  const r = spawnSync('git', ['--git-dir', gitDir, ...args], { input, maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`git ${args[0]} failed in ${gitDir}: ${r.stderr.toString().trim()}`);
  return r.stdout;
};

/** True when the bare repository at `gitDir` has `commit`. */
export function hasCommit(gitDir, commit) {
  return spawnSync('git', ['--git-dir', gitDir, 'cat-file', '-e', `${commit}^{commit}`]).status === 0;
}

/**
 * A matcher for `paths` entries: a folder (`typescript`) matches itself and everything under it; `*` matches
 * within one path segment, `**` across segments and `**` followed by a slash zero or more whole segments.
 */
const GLOB = { '**/': '(?:.*/)?', '**': '.*', '*': '[^/]*' };
export function pathMatcher(paths) {
  if (!paths.length) return () => true;
  const res = paths.map((p) => {
    const body = p
      .replace(/\/+$/, '')
      .split(/(\*\*\/|\*\*|\*)/)
      .map((part) => GLOB[part] ?? part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('');
    return new RegExp(`^${body}(?:/.*)?$`);
  });
  return (path) => res.some((re) => re.test(path));
}

/**
 * Writes the blobs of `commit` (restricted by `paths`, see pathMatcher, when given) under `dest`. Snapshots lack
 * files of 4 MiB and more, so `git archive` can fail on them; this reads blob by blob and skips the
 * missing ones (returned by path). Symlinks and submodules are not written. .gitattributes are not applied.
 * @returns {{ files: number, missing: string[] }}
 */
export function extractCommit(gitDir, commit, dest, paths = []) {
  const wanted = pathMatcher(paths);
  const tree = git(gitDir, ['ls-tree', '-r', '-z', '--full-tree', commit])
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((row) => {
      const tab = row.indexOf('\t');
      const [mode, type, oid] = row.slice(0, tab).split(' ');
      return { mode, type, oid, path: row.slice(tab + 1) };
    })
    .filter((e) => e.type === 'blob' && e.mode !== '120000' && wanted(e.path));
  const out = git(gitDir, ['cat-file', '--batch'], tree.map((e) => e.oid).join('\n') + '\n');
  const missing = [];
  let pos = 0;
  let files = 0;
  for (const e of tree) {
    const nl = out.indexOf(10, pos);
    const header = out.subarray(pos, nl).toString('utf8').split(' ');
    pos = nl + 1;
    if (header[1] === 'missing') {
      missing.push(e.path);
      continue;
    }
    const size = Number(header[2]);
    const target = join(dest, e.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, out.subarray(pos, pos + size), { mode: e.mode === '100755' ? 0o755 : 0o644 });
    pos += size + 1;
    files++;
  }
  return { files, missing };
}

/** Lines in the JS/TS files under `dir`, node_modules excluded (a trailing newline does not add a line). */
export function countJsTsLines(dir) {
  let lines = 0;
  const walk = (d) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      const st = statSync(p);
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(f)) walk(p);
      } else if (JS_TS.test(f)) {
        const text = readFileSync(p, 'utf8');
        if (text.length) lines += text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
      }
    }
  };
  walk(dir);
  return lines;
}

/**
 * Pairs each finding with at most one label: first by the finding's fingerprint, then by category, file
 * and the same line, then by a line within ±`tolerance`. Each label is used once. The exact-line pass comes
 * first so that a finding whose neighbour disappeared is not paired with the neighbour's label.
 * @returns {{ matched: {finding: object, label: object}[], unlabelled: object[], unused: object[] }}
 */
export function matchFindings(findings, labels, tolerance = 1) {
  const free = new Set(labels);
  const matched = [];
  const rest = [];
  for (const f of findings) {
    const l = labels.find((x) => free.has(x) && x.fingerprint && x.fingerprint === f.fingerprint);
    if (l) {
      free.delete(l);
      matched.push({ finding: f, label: l });
    } else rest.push(f);
  }
  const near = (f, d) =>
    labels.find(
      (x) =>
        free.has(x) &&
        x.category === f.category &&
        x.file === f.location.file &&
        Math.abs(x.line - f.location.line) <= d,
    );
  let left = rest;
  for (const d of tolerance > 0 ? [0, tolerance] : [0]) {
    const next = [];
    for (const f of left) {
      const l = near(f, d);
      if (l) {
        free.delete(l);
        matched.push({ finding: f, label: l });
      } else next.push(f);
    }
    left = next;
  }
  return { matched, unlabelled: left, unused: [...free] };
}

/**
 * One finding per secret (docs/audit.md#one-per-secret): a finding stands for all its places, so it is scored
 * by the labels of all of them: `tp` when any place is a real problem (the secret is live there, whichever
 * place leads), else the leading place's label, else the first labelled place's. Labels are looked up by
 * each place's own fingerprint. Returns the matched pairs with their labels and the findings still unlabelled.
 */
export function labelPlaces(matched, unlabelled, labels) {
  const byFingerprint = new Map(labels.filter((l) => l.fingerprint).map((l) => [l.fingerprint, l]));
  const of = (finding, lead) => {
    const all = [lead, ...(finding.occurrences ?? []).map((o) => byFingerprint.get(o.fingerprint))].filter(Boolean);
    return all.find((l) => l.label === 'tp') ?? all[0];
  };
  const pairs = matched.map(({ finding, label }) => ({ finding, label: of(finding, label) }));
  const rest = [];
  for (const finding of unlabelled) {
    const label = of(finding, undefined);
    if (label) pairs.push({ finding, label });
    else rest.push(finding);
  }
  return { matched: pairs, unlabelled: rest };
}

const ratio = (a, b) => (b ? a / b : null);

/**
 * The figures of one repository. Strict precision counts only `tp` as real; test fixtures and published
 * examples are counted as not real (they are what a user must wade through). `lenient` counts them as real;
 * `codePrecision` leaves them out (tp / (tp + fp)), the precision on the code that ships.
 * Rates are per JS/TS line: findings per 100k lines, not-real findings per 10k lines.
 */
export function summarise({ lines, findings, matched, unlabelled, missed }) {
  const by = Object.fromEntries(LABELS.map((k) => [k, 0]));
  for (const m of matched) by[m.label.label]++;
  const labelled = matched.length;
  const notReal = labelled - by.tp;
  return {
    lines,
    findings: findings.length,
    // One finding per secret: a finding's other places (`occurrences`) are counted here, not as findings.
    places: findings.reduce((n, f) => n + 1 + (f.occurrences?.length ?? 0), 0),
    per100k: ratio(findings.length * 100_000, lines),
    ...by,
    unlabelled: unlabelled.length,
    precision: ratio(by.tp, labelled),
    lenientPrecision: ratio(by.tp + by['test-fixture'] + by.example, labelled),
    codePrecision: ratio(by.tp, by.tp + by.fp),
    notRealPer10k: ratio(notReal * 10_000, lines),
    fpPer10k: ratio(by.fp * 10_000, lines),
    missed: missed.length,
  };
}

/** Sums per-repository summaries into totals (rates recomputed from the sums, not averaged). */
export function totals(rows) {
  const sum = (k) => rows.reduce((a, r) => a + r[k], 0);
  const lines = sum('lines');
  const findings = sum('findings');
  const by = Object.fromEntries(LABELS.map((k) => [k, sum(k)]));
  const labelled = LABELS.reduce((a, k) => a + by[k], 0);
  return {
    lines,
    findings,
    places: sum('places'),
    per100k: ratio(findings * 100_000, lines),
    ...by,
    unlabelled: sum('unlabelled'),
    precision: ratio(by.tp, labelled),
    lenientPrecision: ratio(by.tp + by['test-fixture'] + by.example, labelled),
    codePrecision: ratio(by.tp, by.tp + by.fp),
    notRealPer10k: ratio((labelled - by.tp) * 10_000, lines),
    fpPer10k: ratio(by.fp * 10_000, lines),
    missed: sum('missed'),
  };
}

/**
 * Checks a labels file's shape; returns a list of problems (empty when well-formed).
 */
export function validateLabels(doc) {
  const problems = [];
  if (!doc || typeof doc !== 'object') return ['not an object'];
  if (!Array.isArray(doc.findings)) problems.push('findings is not an array');
  if (!Array.isArray(doc.missed)) problems.push('missed is not an array');
  for (const [i, l] of (doc.findings ?? []).entries()) {
    for (const k of ['ruleId', 'category', 'file', 'reason', 'fingerprint'])
      if (typeof l[k] !== 'string' || !l[k]) problems.push(`findings[${i}].${k} missing`);
    if (!Number.isInteger(l.line) || l.line < 1) problems.push(`findings[${i}].line is not a line number`);
    if (!LABELS.includes(l.label)) problems.push(`findings[${i}].label '${l.label}' is not one of ${LABELS.join('|')}`);
  }
  for (const [i, m] of (doc.missed ?? []).entries()) {
    for (const k of ['category', 'file', 'reason'])
      if (typeof m[k] !== 'string' || !m[k]) problems.push(`missed[${i}].${k} missing`);
    if (!Number.isInteger(m.line) || m.line < 1) problems.push(`missed[${i}].line is not a line number`);
  }
  return problems;
}
