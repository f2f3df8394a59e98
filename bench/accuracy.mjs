#!/usr/bin/env node
/**
 * Accuracy benchmark: keyhygiene and its peers over the labelled corpus in fixtures/bench, in one run.
 *
 *   node bench/accuracy.mjs [--corpus DIR] [--labels FILE] [--tools a,b] [--only file,file] [--json FILE] [--verbose]
 *
 * Needs `npm run build` first (keyhygiene is loaded from dist/). Prints, per tool and per category,
 * TP / FP / FN / precision / recall / F1; a category a tool has no rule for shows "not covered".
 */
import { writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus, keyhygieneRun } from './lib/corpus.mjs';
import { CATEGORIES, metrics, score, total } from './lib/score.mjs';
import {
  ROOT,
  SECURITY_RULES,
  SONAR_RULES,
  eslintFindings,
  lintFiles,
  posix,
  runSecretlint,
  secretlintFindings,
} from './lib/tools.mjs';

const ALL_TOOLS = ['keyhygiene', 'keyhygiene-strict', 'no-secrets', 'security', 'sonarjs', 'secretlint'];

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string', default: join(ROOT, 'fixtures', 'bench') },
    labels: { type: 'string' },
    tools: { type: 'string', default: ALL_TOOLS.join(',') },
    only: { type: 'string' },
    json: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});

const loaded = loadCorpus(args);
const { source, corpus, files, codeFiles, configFiles, labels, negatives } = loaded;
const tools = args.tools
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
for (const t of tools)
  if (!ALL_TOOLS.includes(t)) throw new Error(`unknown tool ${t} (known: ${ALL_TOOLS.join(', ')})`);

/** @type {Record<string, {covers: string[], measured: string[], notes: string[], findings: any[], ms: number, errors: string[]}>} */
const runs = {};
const abs = (list) => list.map((f) => join(corpus, f));

async function runEslintTool(tool, ruleCategory, covers, notes = []) {
  const started = performance.now();
  const results = await lintFiles(tool, corpus, abs(codeFiles));
  const { findings, errors } = eslintFindings(results, corpus, ruleCategory);
  return { covers, measured: codeFiles, notes, findings, errors, ms: performance.now() - started };
}

for (const tool of tools) {
  if (tool === 'keyhygiene' || tool === 'keyhygiene-strict') {
    const { plugin, ...run } = await keyhygieneRun(tool === 'keyhygiene' ? 'recommended' : 'strict', loaded);
    delete run.lintResults;
    // One row is enough only when strict has the same rules with the same options (strict passes
    // stricter options to some rules: no-unsafe-key-deletion's memory: 'all-exits', for example).
    if (
      tool === 'keyhygiene-strict' &&
      runs.keyhygiene &&
      JSON.stringify(plugin.configs.strict.rules ?? {}) === JSON.stringify(plugin.configs.recommended.rules ?? {})
    ) {
      continue;
    }
    runs[tool] = run;
  } else if (tool === 'no-secrets') {
    runs[tool] = await runEslintTool(tool, (id) => (id === 'no-secrets/no-secrets' ? 'hardcoded-key' : undefined), [
      'hardcoded-key',
    ]);
  } else if (tool === 'security') {
    runs[tool] = await runEslintTool(
      tool,
      (id) => SECURITY_RULES[id.replace(/^security\//, '')],
      [...new Set(Object.values(SECURITY_RULES))],
      ['all 15 rules on; only detect-pseudoRandomBytes maps to a category'],
    );
  } else if (tool === 'sonarjs') {
    runs[tool] = await runEslintTool(
      tool,
      (id) => SONAR_RULES[id.replace(/^sonarjs\//, '')],
      [...new Set(Object.values(SONAR_RULES))],
      [`rules: ${Object.keys(SONAR_RULES).join(', ')}`],
    );
  } else if (tool === 'secretlint') {
    const { results, ms, error } = runSecretlint(corpus, files);
    runs[tool] = {
      covers: ['hardcoded-key'],
      measured: files,
      notes: ['preset-recommend, every corpus file'],
      findings: secretlintFindings(results, corpus),
      errors: error ? [error] : [],
      ms,
    };
  }
}

// ---- score --------------------------------------------------------------------------------------
const negativeAt = new Map(negatives.map((n) => [`${n.file}:${n.line}`, n.kind]));
const report = {
  corpus: posix(relative(ROOT, source)) || '.',
  files: files.length,
  codeFiles: codeFiles.length,
  configFiles: configFiles.length,
  labels: labels.length,
  hardNegatives: negatives.length,
  labelsPerCategory: {},
  tools: {},
};
for (const c of CATEGORIES) report.labelsPerCategory[c] = labels.filter((l) => l.category === c).length;

for (const [tool, run] of Object.entries(runs)) {
  const measured = new Set(run.measured);
  const toolLabels = labels.filter((l) => measured.has(l.file));
  const s = score(
    toolLabels,
    run.findings.filter((f) => measured.has(f.file)),
    { categories: run.covers },
  );
  const perCategory = {};
  for (const c of CATEGORIES) {
    if (!run.covers.includes(c)) {
      perCategory[c] = { covered: false };
      continue;
    }
    perCategory[c] = { covered: true, ...s.perCategory[c], ...metrics(s.perCategory[c]) };
  }
  const t = total(s.perCategory, run.covers);
  const fpByKind = {};
  for (const f of s.falsePositives) {
    const kind = negativeAt.get(`${f.file}:${f.line}`) ?? 'other';
    fpByKind[kind] = (fpByKind[kind] ?? 0) + 1;
  }
  report.tools[tool] = {
    covers: run.covers,
    measuredFiles: run.measured.length,
    notes: run.notes,
    errors: run.errors,
    ms: Math.round(run.ms),
    perCategory,
    total: { ...t, ...metrics(t) },
    falsePositivesByNegativeKind: fpByKind,
    falsePositives: s.falsePositives,
    falseNegatives: s.falseNegatives,
  };
}

// ---- print --------------------------------------------------------------------------------------
const pct = (x) => (x === null || x === undefined ? '—' : x.toFixed(2));
const pad = (s, n) => String(s).padEnd(n);
const padl = (s, n) => String(s).padStart(n);
const GOAL = { precision: 0.95, recall: 0.9 };
const out = [];
out.push(
  `Accuracy benchmark: ${report.files} files (${report.codeFiles} code, ${report.configFiles} config), ${report.labels} labelled positives, ${report.hardNegatives} labelled hard negatives`,
);
out.push(
  `Match: same file and category, line within ±1 of the label (or of its alt lines). Goal for keyhygiene: precision ≥ ${GOAL.precision} and recall ≥ ${GOAL.recall} in every category.`,
);
out.push('');
out.push(
  `${pad('tool', 18)}${pad('category', 18)}${padl('TP', 5)}${padl('FP', 5)}${padl('FN', 5)}${padl('P', 7)}${padl('R', 7)}${padl('F1', 7)}`,
);
out.push('-'.repeat(72));
for (const [tool, r] of Object.entries(report.tools)) {
  for (const c of CATEGORIES) {
    const m = r.perCategory[c];
    if (!m.covered) {
      out.push(`${pad(tool, 18)}${pad(c, 18)}${padl('not covered', 15)}`);
      continue;
    }
    const goal =
      tool.startsWith('keyhygiene') && m.tp + m.fn > 0
        ? (m.precision ?? 0) >= GOAL.precision && (m.recall ?? 0) >= GOAL.recall
          ? '  goal met'
          : '  below goal'
        : '';
    out.push(
      `${pad(tool, 18)}${pad(c, 18)}${padl(m.tp, 5)}${padl(m.fp, 5)}${padl(m.fn, 5)}${padl(pct(m.precision), 7)}${padl(pct(m.recall), 7)}${padl(pct(m.f1), 7)}${goal}`,
    );
  }
  const t = r.total;
  out.push(
    `${pad(tool, 18)}${pad('all covered', 18)}${padl(t.tp, 5)}${padl(t.fp, 5)}${padl(t.fn, 5)}${padl(pct(t.precision), 7)}${padl(pct(t.recall), 7)}${padl(pct(t.f1), 7)}   (${r.measuredFiles} files, ${r.ms} ms)`,
  );
  for (const n of r.notes) out.push(`${pad('', 18)}note: ${n}`);
  for (const e of r.errors) out.push(`${pad('', 18)}error: ${e}`);
  if (Object.keys(r.falsePositivesByNegativeKind).length)
    out.push(
      `${pad('', 18)}false positives by kind: ${Object.entries(r.falsePositivesByNegativeKind)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  out.push('-'.repeat(72));
}
out.push(
  'Reference (SecretBench, ESEM 2023, nine secret scanners): best precision 0.75 (GitHub secret scanning); best recall 0.88 (gitleaks, at 0.46 precision).',
);
if (args.verbose) {
  for (const [tool, r] of Object.entries(report.tools)) {
    out.push('', `${tool}: false negatives`);
    for (const l of r.falseNegatives) out.push(`  ${l.file}:${l.line} ${l.category}`);
    out.push(`${tool}: false positives`);
    for (const f of r.falsePositives) out.push(`  ${f.file}:${f.line} ${f.category} (${f.ruleId})`);
  }
}
console.log(out.join('\n'));
if (args.json) writeFileSync(resolve(args.json), JSON.stringify(report, null, 2) + '\n');
