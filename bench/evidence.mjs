#!/usr/bin/env node
/**
 * Evidence bench (docs/benchmarks.md, session 25, "Evidence"): what each finding rests on (`format`, `sink`,
 * `flow`, `name`; docs/audit.md "Evidence"), tabulated against the hand labels, and what each evidence floor
 * would cost and buy.
 *
 *   node bench/evidence.mjs [--corpus DIR]... [--repos REPORTS_DIR] [--json FILE]
 *
 * --corpus (repeatable): a labelled corpus (labels.json). Code files are linted with the `recommended` rules and
 *   every evidence level on (`minEvidence: 'name'`, the levels recorded); config files through the audit with
 *   `minEvidence: 'name'`. Each finding is scored by the corpus scorer (bench/lib/score.mjs).
 * --repos: a directory of audit reports of the pinned real repositories (`<name>.json`, made with
 *   `keyhygiene audit --min-evidence name`), scored against bench/real-repos/labels like bench/real-repos/run.mjs.
 * For each, prints the findings by category and evidence (tp/fp, and for repos test-fixture/example), then the
 * floors in OPTIONS: repository precision (tp / labelled) against corpus precision and recall.
 * Needs `npm run build` first.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ESLint } from 'eslint';
import { pathToFileURL } from 'node:url';
import { CATEGORIES, metrics, score, total } from './lib/score.mjs';
import { CODE_EXT, CONFIG_FILE, ROOT, eslintConfig, loadKeyhygiene, loadScanner, posix } from './lib/tools.mjs';
import { labelPlaces, matchFindings } from './real-repos/lib.mjs';
import { walkCorpus } from './lib/corpus.mjs';

const LEVELS = ['name', 'flow', 'sink', 'format'];
const rankOf = (e) => LEVELS.indexOf(e);

/** The floors compared: category → lowest level kept (a category not named keeps every level). */
const OPTIONS = {
  'all (strict)': {},
  'randomness >= flow': { 'weak-randomness': 'flow' },
  'randomness >= sink': { 'weak-randomness': 'sink' },
  'randomness >= flow, logged >= flow': { 'weak-randomness': 'flow', 'logged-key': 'flow' },
  'randomness, logged, deletion >= flow': {
    'weak-randomness': 'flow',
    'logged-key': 'flow',
    'unsafe-deletion': 'flow',
  },
  'every category >= flow': Object.fromEntries(CATEGORIES.map((c) => [c, 'flow'])),
  'every category >= sink': Object.fromEntries(CATEGORIES.map((c) => [c, 'sink'])),
};

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string', multiple: true, default: [] },
    repos: { type: 'string' },
    json: { type: 'string' },
  },
});

const kept = (floor, f) => !floor[f.category] || rankOf(f.evidence ?? 'sink') >= rankOf(floor[f.category]);

/** Every finding of keyhygiene (recommended rules, every level) on one corpus, with its evidence. */
async function corpusFindings(dir) {
  const plugin = await loadKeyhygiene();
  const { takeEvidence } = await import(pathToFileURL(join(ROOT, 'dist', 'src', 'rule-kit', 'evidence.js')).href);
  const config = await eslintConfig('keyhygiene');
  const all = config.map((c) =>
    c.rules ? { ...c, settings: { keyhygiene: { minEvidence: 'name', recordEvidence: true } } } : c,
  );
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: all,
    errorOnUnmatchedPattern: false,
    ignore: false,
    cache: false,
  });
  const files = walkCorpus(dir).map((f) => posix(relative(dir, f)));
  const findings = [];
  for (const file of files.filter((f) => CODE_EXT.test(f))) {
    takeEvidence();
    const [r] = await eslint.lintFiles([join(dir, file)]);
    const levels = new Map(takeEvidence().map((e) => [`${e.ruleId}\0${e.messageId}\0${e.line}\0${e.column}`, e]));
    for (const m of r?.messages ?? []) {
      if (!m.ruleId?.startsWith('keyhygiene/')) continue;
      const name = m.ruleId.replace('keyhygiene/', '');
      const docs = plugin.rules[name]?.meta?.docs;
      const category = docs?.messageCategories?.[m.messageId] ?? docs?.category;
      const e = levels.get(`${m.ruleId}\0${m.messageId}\0${m.line}\0${m.column}`);
      findings.push({
        file,
        line: m.line,
        category,
        ruleId: m.ruleId,
        evidence: e?.evidence ?? 'sink',
        message: m.message,
      });
    }
  }
  const configs = new Set(files.filter((f) => CONFIG_FILE.test(f)));
  const scanner = await loadScanner();
  if (scanner && configs.size) {
    const result = await scanner.audit({ root: dir, history: false, workers: 1, minEvidence: 'name' });
    for (const f of result.findings)
      for (const place of [f.location, ...(f.occurrences ?? [])])
        if (configs.has(place.file))
          findings.push({
            file: place.file,
            line: place.line,
            category: f.category,
            ruleId: f.ruleId,
            evidence: f.evidence,
            message: f.message,
          });
  }
  return { files: new Set(files), findings };
}

const out = { corpora: {}, repos: undefined };
const table = (rows, head) => {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) =>
    r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
};
const pct = (x) => (x === null || x === undefined || Number.isNaN(x) ? '-' : x.toFixed(3));

// ---- corpora --------------------------------------------------------------------------------------------------
const corpusByLevel = {};
const corpusOptions = Object.fromEntries(Object.keys(OPTIONS).map((o) => [o, { tp: 0, fp: 0, fn: 0 }]));
for (const c of args.corpus) {
  const dir = resolve(c);
  const { files, findings } = await corpusFindings(dir);
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')).filter((l) => files.has(l.file));
  const name = posix(relative(ROOT, dir));
  // By level: a finding is a tp when the scorer matches it with every finding present.
  const s = score(labels, findings);
  const fpSet = new Set(s.falsePositives.map((f) => `${f.file}\0${f.line}\0${f.category}`));
  const seen = new Set();
  for (const f of findings) {
    const k = `${f.file}\0${f.line}\0${f.category}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const row = (corpusByLevel[`${f.category}\0${f.evidence}`] ??= { tp: 0, fp: 0 });
    row[fpSet.has(k) ? 'fp' : 'tp']++;
    (out.corpusFindings ??= []).push({ corpus: posix(relative(ROOT, dir)), ...f, label: fpSet.has(k) ? 'fp' : 'tp' });
  }
  out.corpora[name] = {};
  for (const [o, floor] of Object.entries(OPTIONS)) {
    const t = total(
      score(
        labels,
        findings.filter((f) => kept(floor, f)),
      ).perCategory,
    );
    out.corpora[name][o] = { ...t, ...metrics(t) };
    for (const k of ['tp', 'fp', 'fn']) corpusOptions[o][k] += t[k];
  }
}

// ---- real repositories ----------------------------------------------------------------------------------------
const repoByLevel = {};
const repoOptions = {};
if (args.repos) {
  const repos = JSON.parse(readFileSync(join(ROOT, 'bench', 'real-repos', 'repos.json'), 'utf8'));
  const scored = [];
  for (const r of repos) {
    const report = join(resolve(args.repos), `${r.name}.json`);
    if (!existsSync(report)) continue;
    const audit = JSON.parse(readFileSync(report, 'utf8'));
    const lf = join(ROOT, 'bench', 'real-repos', 'labels', `${r.name}.json`);
    const labels = existsSync(lf) ? JSON.parse(readFileSync(lf, 'utf8')).findings : [];
    const direct = matchFindings(audit.findings, labels);
    const { matched, unlabelled } = labelPlaces(direct.matched, direct.unlabelled, labels);
    for (const m of matched) scored.push({ f: m.finding, label: m.label.label });
    for (const f of unlabelled) scored.push({ f, label: 'unlabelled' });
  }
  for (const { f, label } of scored) {
    const row = (repoByLevel[`${f.category}\0${f.evidence}`] ??= {});
    row[label] = (row[label] ?? 0) + 1;
  }
  for (const [o, floor] of Object.entries(OPTIONS)) {
    const list = scored.filter(({ f }) => kept(floor, { ...f, evidence: f.evidence }));
    const n = (l) => list.filter((x) => x.label === l).length;
    const labelled = list.filter((x) => x.label !== 'unlabelled').length;
    repoOptions[o] = {
      findings: list.length,
      tp: n('tp'),
      fp: n('fp'),
      fixture: n('test-fixture'),
      example: n('example'),
    };
    repoOptions[o].precision = labelled ? n('tp') / labelled : null;
    repoOptions[o].codePrecision = n('tp') + n('fp') ? n('tp') / (n('tp') + n('fp')) : null;
  }
  out.repos = { byLevel: repoByLevel, options: repoOptions };
}

// ---- print ----------------------------------------------------------------------------------------------------
const keys = [...new Set([...Object.keys(corpusByLevel), ...Object.keys(repoByLevel)])].sort(
  (a, b) => a.split('\0')[0].localeCompare(b.split('\0')[0]) || rankOf(b.split('\0')[1]) - rankOf(a.split('\0')[1]),
);
const rows = keys.map((k) => {
  const [cat, ev] = k.split('\0');
  const c = corpusByLevel[k] ?? { tp: 0, fp: 0 };
  const r = repoByLevel[k] ?? {};
  return [cat, ev, c.tp, c.fp, r.tp ?? 0, r.fp ?? 0, r['test-fixture'] ?? 0, r.example ?? 0, r.unlabelled ?? 0];
});
console.log('Findings by category and evidence (corpora: every finding, scored; repos: hand labels)\n');
console.log(
  table(rows, ['category', 'evidence', 'corpus tp', 'corpus fp', 'repo tp', 'repo fp', 'fixture', 'example', 'unlab.']),
);
console.log('\nFloors compared (repos: precision = tp / labelled; corpora: summed over the corpora given)\n');
const orow = Object.keys(OPTIONS).map((o) => {
  const c = corpusOptions[o];
  const m = metrics(c);
  const r = repoOptions[o] ?? {};
  return [
    o,
    r.findings ?? '-',
    r.tp ?? '-',
    r.fp ?? '-',
    pct(r.precision),
    pct(r.codePrecision),
    c.tp,
    c.fp,
    c.fn,
    pct(m.precision),
    pct(m.recall),
  ];
});
console.log(
  table(orow, ['floor', 'repo findings', 'tp', 'fp', 'precision', 'tp/(tp+fp)', 'corpus tp', 'fp', 'fn', 'P', 'R']),
);
out.byLevelCorpora = corpusByLevel;
out.optionsCorpora = corpusOptions;
if (args.json) writeFileSync(resolve(args.json), `${JSON.stringify(out, null, 2)}\n`);
void dirname;
void CATEGORIES;
