#!/usr/bin/env node
/**
 * Real-repositories bench: keyhygiene's audit on public repositories pinned in repos.json, scored against
 * the hand labels in labels/<name>.json.
 *
 *   node bench/real-repos/run.mjs [--mirror DIR] [--only a,b] [--keep DIR] [--reuse] [--workers N] [--json FILE]
 *                                 [--repos FILE]
 *
 * For each repository whose snapshot is under --mirror (default /work/.mirror, laid out as
 * <owner>+<name>/repo, as the `fetch` tool writes it), extracts the pinned commit to a temp dir (or
 * --keep DIR/<name>, with the report at DIR/<name>.json; --reuse skips extraction and audit when both are
 * there), writes a `.keyhygiene-salt` derived from the pin (stable fingerprints), runs `keyhygiene audit`, matches findings to labels (fingerprint, else category + file + line ±1)
 * and prints per repository and in total: JS/TS lines, findings, findings per 100k lines, labels, unlabelled
 * findings, hand-checked precision, not-real findings per 10k lines, misses and what the fixture policy
 * withheld (counted by the audit, not listed, so not labelled). Unlabelled findings are
 * listed after the table so that they can be labelled. Without any snapshot it prints one line and exits 0.
 * --repos points at another repository list (its labels in labels/ beside it); the tests use that.
 * Needs `npm run build` first.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  countJsTsLines,
  extractCommit,
  hasCommit,
  labelPlaces,
  matchFindings,
  summarise,
  totals,
  validateLabels,
} from './lib.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const BIN = join(ROOT, 'dist', 'src', 'cli', 'bin.js');

const fail = (msg) => {
  console.error(`real-repos: ${msg}`);
  process.exit(2);
};

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      mirror: { type: 'string', default: '/work/.mirror' },
      only: { type: 'string' },
      keep: { type: 'string' },
      reuse: { type: 'boolean', default: false },
      workers: { type: 'string', default: '1' },
      json: { type: 'string' },
      repos: { type: 'string', default: join(HERE, 'repos.json') },
    },
  }));
} catch (e) {
  fail(`${e.message} (options: --mirror DIR --only a,b --keep DIR --reuse --workers N --json FILE --repos FILE)`);
}
if (!/^[1-9]\d*$/.test(args.workers)) fail(`--workers takes a positive integer, got '${args.workers}'`);
if (args.reuse && !args.keep) fail('--reuse needs --keep DIR');
if (!existsSync(BIN)) fail('dist/ is missing: run `npm run build` first');

const reposFile = resolve(args.repos);
if (!existsSync(reposFile)) fail(`--repos: no file at ${reposFile}`);
let repos;
try {
  repos = JSON.parse(readFileSync(reposFile, 'utf8'));
} catch (e) {
  fail(`${reposFile}: not JSON (${e.message})`);
}
if (
  !Array.isArray(repos) ||
  repos.some((r) => !r?.name || !/^[^/]+\/[^/]+$/.test(r.repo ?? '') || !/^[0-9a-f]{40}$/.test(r.commit ?? ''))
)
  fail(`${reposFile}: each entry needs name, repo (owner/name) and a 40-hex commit`);
const labelsDir = join(dirname(reposFile), 'labels');
const only = args.only ? new Set(args.only.split(',')) : null;
if (only) for (const n of only) if (!repos.some((r) => r.name === n)) fail(`--only: no repository named '${n}'`);
const selected = repos.filter((r) => !only || only.has(r.name));

const mirror = resolve(args.mirror);
const gitDirOf = (r) => {
  const base = join(mirror, r.repo.replace('/', '+'));
  return [join(base, 'repo'), base].find((d) => existsSync(join(d, 'HEAD')));
};
const present = selected.filter((r) => gitDirOf(r));
if (!present.length) {
  console.log(`real-repos: skipped, no snapshot of the ${selected.length} pinned repositories under ${mirror}`);
  process.exit(0);
}

const loadLabels = (r) => {
  const file = join(labelsDir, `${r.name}.json`);
  if (!existsSync(file)) return { findings: [], missed: [], absent: true };
  let doc;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`labels/${r.name}.json: not JSON (${e.message})`);
  }
  const problems = validateLabels(doc);
  if (problems.length)
    fail(`labels/${r.name}.json: ${problems[0]}${problems.length > 1 ? ` (+${problems.length - 1})` : ''}`);
  return doc;
};

/** The fingerprint salt of a pinned repository: public, fixed by the pin, the same on every machine. */
const pinnedSalt = (r) => createHash('sha256').update(`keyhygiene real-repos ${r.repo}@${r.commit}`).digest('hex');

const rows = [];
const unlabelledAll = [];
const notes = [];
for (const r of present) {
  const gitDir = gitDirOf(r);
  if (!hasCommit(gitDir, r.commit)) {
    notes.push(`${r.name}: the snapshot at ${gitDir} lacks the pinned commit ${r.commit.slice(0, 12)}; skipped`);
    continue;
  }
  const labels = loadLabels(r);
  const base = args.keep ? resolve(args.keep) : mkdtempSync(join(tmpdir(), 'kh-real-'));
  const dir = join(base, r.name);
  const report = args.keep ? join(base, `${r.name}.json`) : join(base, 'report.json');
  let wallMs = null;
  try {
    if (!(args.reuse && existsSync(dir) && existsSync(report))) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      const { missing } = extractCommit(gitDir, r.commit, dir, r.paths ?? []);
      // An extracted tree is not a git repository, so the audit would salt its fingerprints at random and no
      // label could be matched by fingerprint in the next run. A salt derived from the pin keeps them stable.
      const saltFile = join(dir, '.keyhygiene-salt');
      if (!existsSync(saltFile)) writeFileSync(saltFile, `${pinnedSalt(r)}\n`);
      if (missing.length) notes.push(`${r.name}: ${missing.length} file(s) absent from the snapshot (4 MiB and more)`);
      const t0 = performance.now();
      try {
        execFileSync(
          process.execPath,
          [BIN, 'audit', dir, '--format', `json=${report}`, '--no-progress', '--no-cache', '--workers', args.workers],
          { stdio: ['ignore', 'ignore', 'pipe'] },
        );
      } catch (e) {
        if (e.status !== 1) fail(`${r.name}: audit exited ${e.status}: ${String(e.stderr).trim().split('\n').pop()}`);
      }
      wallMs = performance.now() - t0;
    }
    const audit = JSON.parse(readFileSync(report, 'utf8'));
    if (audit.partial) notes.push(`${r.name}: the audit reports a partial scan`);
    const lines = countJsTsLines(dir);
    const direct = matchFindings(audit.findings, labels.findings);
    const { unused } = direct;
    const { matched, unlabelled } = labelPlaces(direct.matched, direct.unlabelled, labels.findings);
    if (labels.absent) notes.push(`${r.name}: no labels file yet`);
    // A label of a place folded into another finding of the same secret (its `occurrences`) is not stale.
    const folded = new Set(audit.findings.flatMap((f) => (f.occurrences ?? []).map((o) => o.fingerprint)));
    const stale = unused.filter((l) => !folded.has(l.fingerprint));
    if (stale.length) notes.push(`${r.name}: ${stale.length} label(s) match no finding any more`);
    for (const f of unlabelled) unlabelledAll.push({ repo: r.name, f });
    rows.push({
      name: r.name,
      wallMs,
      auditMs: audit.durationMs ?? null,
      scannedLines: audit.stats?.lines ?? null,
      // What the fixture policy left out (docs/audit.md#fixture-policy): counted, not labelled.
      withheld: { testFixtures: audit.withheld?.testFixtures ?? 0, examples: audit.withheld?.examples ?? 0 },
      ...summarise({ lines, findings: audit.findings, matched, unlabelled, missed: labels.missed }),
    });
  } finally {
    if (!args.keep) rmSync(base, { recursive: true, force: true });
  }
}

const fmt = (v, d = 2) => (v === null || v === undefined ? '-' : typeof v === 'number' ? v.toFixed(d) : String(v));
const cols = [
  ['repository', (r) => r.name],
  ['JS/TS lines', (r) => r.lines],
  ['findings', (r) => r.findings],
  ['places', (r) => r.places],
  ['/100k', (r) => fmt(r.per100k, 1)],
  ['tp', (r) => r.tp],
  ['fp', (r) => r.fp],
  ['fixture', (r) => r['test-fixture']],
  ['example', (r) => r.example],
  ['unlabelled', (r) => r.unlabelled],
  ['precision', (r) => fmt(r.precision)],
  ['lenient', (r) => fmt(r.lenientPrecision)],
  ['tp/(tp+fp)', (r) => fmt(r.codePrecision)],
  ['not-real/10k', (r) => fmt(r.notRealPer10k)],
  ['missed', (r) => r.missed],
  ['withheld', (r) => `${r.withheld.testFixtures}/${r.withheld.examples}`],
  ['audit s', (r) => (typeof r.auditMs === 'number' ? (r.auditMs / 1000).toFixed(1) : '-')],
];
const withheldTotal = (k) => rows.reduce((n, r) => n + r.withheld[k], 0);
const total = {
  name: 'total',
  ...totals(rows),
  withheld: { testFixtures: withheldTotal('testFixtures'), examples: withheldTotal('examples') },
};
const table = [...rows, total].map((r) => cols.map(([, get]) => String(get(r))));
const widths = cols.map(([h], i) => Math.max(h.length, ...table.map((t) => t[i].length)));
const line = (cells) => cells.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
console.log(line(cols.map(([h]) => h)));
for (const t of table) console.log(line(t));
console.log(
  'precision = tp / labelled (test fixtures and published examples count as not real); lenient counts them as real;',
);
console.log('tp/(tp+fp) leaves test fixtures and examples out (precision on shipped code);');
console.log(
  'not-real/10k = labelled findings other than tp per 10k JS/TS lines; audit s = the duration the audit reports;',
);
console.log('withheld = test fixtures/examples the fixture policy counted and did not list (not labelled);');
console.log("places = the findings' places, each finding of one secret counted with its other places (occurrences).");
for (const n of notes) console.log(`note: ${n}`);
const absent = selected.filter((r) => !gitDirOf(r));
if (absent.length) console.log(`note: no snapshot for ${absent.map((r) => r.repo).join(', ')}; not run`);
if (unlabelledAll.length) {
  console.log(`\n${unlabelledAll.length} unlabelled finding(s), to label in bench/real-repos/labels/<name>.json:`);
  for (const { repo, f } of unlabelledAll)
    console.log(`  ${repo}  ${f.location.file}:${f.location.line}  ${f.ruleId}  ${f.category}  ${f.fingerprint}`);
}
if (args.json) {
  writeFileSync(
    resolve(args.json),
    JSON.stringify(
      {
        rows,
        totals: { ...totals(rows), withheld: total.withheld },
        unlabelled: unlabelledAll.map(({ repo, f }) => ({
          repo,
          ruleId: f.ruleId,
          category: f.category,
          file: f.location.file,
          line: f.location.line,
          fingerprint: f.fingerprint,
        })),
        notes,
      },
      null,
      2,
    ) + '\n',
  );
}
