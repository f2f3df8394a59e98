#!/usr/bin/env node
/**
 * Miss shapes: why keyhygiene (recommended preset) missed each labelled mistake of a corpus, and what its false
 * positives look like, as aggregated, code-free counts (category × class, then the shape of what nothing saw).
 *
 *   node bench/miss-shapes.mjs --corpus fixtures/<c> [--corpus …] [--counts-only | --explain] [--json FILE]
 *
 * Needs `npm run build` first. Per corpus: the recommended run the accuracy bench scores (bench/lib/corpus.mjs),
 * the strict lint, and one audit with `--include-fixtures --min-evidence name`; labels are matched as
 * bench/accuracy.mjs matches them (bench/lib/score.mjs). The classes are defined in bench/lib/shapes.mjs and
 * printed by --help.
 *
 * Guarded corpora (validation and held-out: any path component blind18 … blind23) are always counts-only, and
 * --explain on them exits 2: their code must not be read, only counted.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { keyhygieneRun, loadCorpus } from './lib/corpus.mjs';
import { score } from './lib/score.mjs';
import {
  FP_CLASSES,
  FP_CLASS_HELP,
  MISS_CLASSES,
  MISS_CLASS_HELP,
  SHAPE_DIMENSIONS,
  classifyFalsePositive,
  explainMiss,
  loadCatalogue,
  lineShape,
  parseCode,
} from './lib/shapes.mjs';
import { CODE_EXT, loadScanner, posix } from './lib/tools.mjs';

/** Corpora whose code nobody may read: validation (blind18–21) and held out (blind22, blind23). */
const GUARDED = /(?:^|[\\/])blind(?:1[89]|2[0-3])(?:[\\/]|$)/;

const HELP = `usage: node bench/miss-shapes.mjs --corpus DIR [--corpus DIR …] [--counts-only | --explain] [--json FILE]

  --corpus DIR     a labelled corpus (labels.json, optional negatives.json), repeatable
  --counts-only    only aggregated counts (forced for blind18 … blind23)
  --explain        also list file:line, class and shape per item (development corpora only; exit 2 on a guarded one)
  --json FILE      write the aggregate as JSON

Miss classes (first that holds, in this order):
${MISS_CLASSES.map((c) => `  ${c.padEnd(22)} ${MISS_CLASS_HELP[c]}`).join('\n')}
False-positive classes:
${FP_CLASSES.map((c) => `  ${c.padEnd(22)} ${FP_CLASS_HELP[c]}`).join('\n')}
Shape of a line (not-seen misses and false positives): kind (file kind), construct (outermost construct of the
line), callee (a call's method name is a sink or source of the category in src/catalogue, by last name), args
(argument kinds), value (kind of the main value), origin (where it comes from), word (catalogue word class of the
target or value name).`;

let parsed;
try {
  parsed = parseArgs({
    options: {
      corpus: { type: 'string', multiple: true, default: [] },
      'counts-only': { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      json: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
} catch (e) {
  console.error(`miss-shapes: ${String(e?.message ?? e)}`);
  process.exit(2);
}
const args = parsed.values;
if (args.help) {
  console.log(HELP);
  process.exit(0);
}
if (!args.corpus.length) {
  console.error('miss-shapes: give at least one --corpus DIR (see --help)');
  process.exit(2);
}
if (args.explain && args['counts-only']) {
  console.error('miss-shapes: --explain and --counts-only exclude each other');
  process.exit(2);
}
const guarded = args.corpus.filter((c) => GUARDED.test(resolve(c)));
if (args.explain && guarded.length) {
  console.error(
    `miss-shapes: --explain is refused on a guarded corpus (${guarded.map((c) => basename(c)).join(', ')}): counts only`,
  );
  process.exit(2);
}
const explain = args.explain;

const catalogue = await loadCatalogue();
const scanner = await loadScanner();
if (!scanner) {
  console.error('miss-shapes: dist/src/scanner is missing: run `npm run build` first');
  process.exit(2);
}

const inc = (obj, ...keys) => {
  let o = obj;
  for (const k of keys.slice(0, -1)) o = o[k] ??= {};
  const last = keys[keys.length - 1];
  o[last] = (o[last] ?? 0) + 1;
};
/** A negative's kind, printed only when it is a plain slug (it comes from the corpus's own negatives.json). */
const slug = (k) => {
  const s = typeof k === 'string' ? k.trim().toLowerCase().replace(/\s+/g, '-') : '';
  return /^[a-z0-9][a-z0-9-]{0,39}$/.test(s) ? s : 'other';
};

const agg = {
  corpora: args.corpus.map((c) => (GUARDED.test(resolve(c)) ? basename(c) : posix(c))),
  labels: 0,
  misses: 0,
  falsePositives: 0,
  missClasses: {},
  notSeenShapes: {},
  fpClasses: {},
  fpNegativeKinds: {},
  fpEvidence: {},
  fpShapes: {},
};
const items = [];

for (const dir of args.corpus) {
  const c = loadCorpus({ corpus: dir });
  const rec = await keyhygieneRun('recommended', c);
  const strict = await keyhygieneRun('strict', c, { audit: false });
  const audited = await scanner.audit({
    root: c.corpus,
    history: false,
    workers: 1,
    includeFixtures: true,
    minEvidence: 'name',
  });
  const auditAll = [];
  for (const f of audited.findings ?? [])
    for (const place of [f.location, ...(f.occurrences ?? [])])
      auditAll.push({
        file: posix(place.file),
        line: place.line,
        category: f.category,
        ruleId: f.ruleId,
        evidence: f.evidence ?? 'name',
        fixture: f.fixture,
        suppression: f.suppression?.kind,
        atDefault: catalogue.atDefaultFloor(f.category, f.evidence),
      });
  const suppressed = [];
  for (const r of rec.lintResults)
    for (const m of r.suppressedMessages ?? []) {
      const category = m.ruleId && rec.ruleCategory(m.ruleId, m.messageId);
      if (category) suppressed.push({ file: posix(r.filePath.slice(c.corpus.length + 1)), line: m.line, category });
    }
  const measured = new Set(rec.measured);
  const labels = c.labels.filter((l) => measured.has(l.file) && rec.covers.includes(l.category));
  const s = score(
    labels,
    rec.findings.filter((f) => measured.has(f.file)),
    { categories: rec.covers },
  );
  agg.labels += labels.length;
  agg.misses += s.falseNegatives.length;
  agg.falsePositives += s.falsePositives.length;

  const texts = new Map();
  const parses = new Map();
  const shapeAt = (file, line, category) => {
    if (!texts.has(file)) texts.set(file, readFileSync(join(c.corpus, file), 'utf8'));
    const text = texts.get(file);
    if (CODE_EXT.test(file) && !parses.has(file)) parses.set(file, parseCode(text, file));
    return lineShape({ text, file, line, category, parsed: parses.get(file) }, catalogue);
  };

  const facts = { labels, recommended: rec.findings, strict: strict.findings, auditAll, suppressed };
  for (const l of s.falseNegatives) {
    const { cls, detail } = explainMiss(l, facts);
    inc(agg.missClasses, l.category, cls);
    const shape = cls === 'not-seen' ? shapeAt(l.file, l.line, l.category) : undefined;
    if (shape) for (const d of SHAPE_DIMENSIONS) inc(agg.notSeenShapes, d, shape[d], l.category);
    if (explain)
      items.push({ what: 'miss', corpus: dir, file: l.file, line: l.line, category: l.category, cls, detail, shape });
  }
  for (const f of s.falsePositives) {
    const cls = classifyFalsePositive(f, { labels, missed: s.falseNegatives, negatives: c.negatives });
    inc(agg.fpClasses, f.category, cls);
    if (cls === 'labelled-negative') {
      const kind = c.negatives.find((n) => n.file === f.file && n.line === f.line)?.kind;
      inc(agg.fpNegativeKinds, slug(kind), f.category);
    }
    const hit = auditAll.find((a) => a.file === f.file && a.line === f.line && a.category === f.category);
    const evidence = hit?.evidence ?? 'not-in-audit';
    inc(agg.fpEvidence, evidence, f.category);
    const shape = shapeAt(f.file, f.line, f.category);
    for (const d of SHAPE_DIMENSIONS) inc(agg.fpShapes, d, shape[d], f.category);
    if (explain)
      items.push({
        what: 'fp',
        corpus: dir,
        file: f.file,
        line: f.line,
        category: f.category,
        rule: f.ruleId,
        cls,
        evidence,
        shape,
      });
  }
}

// ---- print --------------------------------------------------------------------------------------
const out = [];
const sum = (o) => Object.values(o ?? {}).reduce((a, b) => a + b, 0);
const table = (title, byCategory, classes) => {
  const cats = Object.keys(byCategory).sort();
  const cols = classes.filter((k) => cats.some((c) => byCategory[c][k]));
  out.push('', title);
  if (!cats.length) {
    out.push('  (none)');
    return;
  }
  const w = cols.map((k) => Math.max(k.length, 3));
  out.push(`  ${'category'.padEnd(18)}${cols.map((k, i) => k.padStart(w[i] + 1)).join('')}${'all'.padStart(6)}`);
  for (const c of cats)
    out.push(
      `  ${c.padEnd(18)}${cols.map((k, i) => String(byCategory[c][k] ?? 0).padStart(w[i] + 1)).join('')}${String(sum(byCategory[c])).padStart(6)}`,
    );
  out.push(
    `  ${'all'.padEnd(18)}${cols.map((k, i) => String(cats.reduce((a, c) => a + (byCategory[c][k] ?? 0), 0)).padStart(w[i] + 1)).join('')}${String(cats.reduce((a, c) => a + sum(byCategory[c]), 0)).padStart(6)}`,
  );
};
const dims = (title, byDim) => {
  out.push('', title);
  for (const d of Object.keys(byDim)) {
    out.push(`  ${d}:`);
    const rows = Object.entries(byDim[d]).sort((a, b) => sum(b[1]) - sum(a[1]));
    for (const [value, byCat] of rows)
      out.push(
        `    ${value.padEnd(26)}${String(sum(byCat)).padStart(4)}  ${Object.entries(byCat)
          .sort((a, b) => b[1] - a[1])
          .map(([cat, n]) => `${cat} ${n}`)
          .join(', ')}`,
      );
  }
};
out.push(
  `Miss shapes (recommended preset): ${agg.corpora.length} corpora, ${agg.labels} labels scored, ${agg.misses} missed, ${agg.falsePositives} false positives${explain ? '' : ' (counts only)'}`,
);
table('Misses by category × class', agg.missClasses, MISS_CLASSES);
dims('Not-seen misses: shape (value, total, by category)', agg.notSeenShapes);
table('False positives by category × class', agg.fpClasses, FP_CLASSES);
// A negative's kind is the labeller's phrase about the code: listed for development corpora only (--explain).
if (explain) dims('False positives on labelled negatives: kind', { kind: agg.fpNegativeKinds });
dims('False positives: evidence level (from the audit with everything listed)', { evidence: agg.fpEvidence });
dims('False positives: shape', agg.fpShapes);
if (explain) {
  const fmt = (sh) => (sh ? ' | ' + SHAPE_DIMENSIONS.map((d) => `${d}=${sh[d]}`).join(' ') : '');
  out.push('', 'Items:');
  for (const it of items)
    out.push(
      `  ${it.what === 'miss' ? 'miss' : 'fp  '} ${posix(join(it.corpus, it.file))}:${it.line} ${it.category} ${it.cls}${it.detail ? ` [${it.detail}]` : ''}${it.rule ? ` (${it.rule.replace(/^keyhygiene\//, '')}, ${it.evidence})` : ''}${fmt(it.shape)}`,
    );
}
console.log(out.join('\n'));
if (!explain) delete agg.fpNegativeKinds;
if (args.json) writeFileSync(resolve(args.json), JSON.stringify(explain ? { ...agg, items } : agg, null, 2) + '\n');
