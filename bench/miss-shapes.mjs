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
 * Guarded corpora (validation and held-out: any path component blind18 or later) are always counts-only, and
 * --explain on them exits 2: their code must not be read, only counted.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { keyhygieneRun, loadCorpus, walkCorpus } from './lib/corpus.mjs';
import { score } from './lib/score.mjs';
import {
  FP_CLASSES,
  FP_CLASS_HELP,
  MISS_CLASSES,
  MISS_CLASS_HELP,
  PROPERTY_DIMENSIONS,
  SHAPE_DIMENSIONS,
  classifyFalsePositive,
  explainMiss,
  loadCatalogue,
  lineShape,
  logObjectProperties,
  parseCode,
  RANDOM_CHAIN_DIMENSIONS,
  RANDOM_CONSUMERS,
  loadRandomChain,
  randomChainShape,
  ROTATION_DIMENSIONS,
  rotationShape,
} from './lib/shapes.mjs';
import { CODE_EXT, loadScanner, posix } from './lib/tools.mjs';

/**
 * Corpora whose code nobody may read: validation and held out, i.e. every blind corpus from blind18 on (blind18–22
 * validation and blind23–24 held out in session 40; later corpora are guarded before they are written).
 */
const GUARDED = /(?:^|[\\/])blind(?:1[89]|[2-9]\d)(?:[\\/]|$)/;

const HELP = `usage: node bench/miss-shapes.mjs --corpus DIR [--corpus DIR …] [--counts-only | --explain] [--json FILE]

  --corpus DIR     a labelled corpus (labels.json, optional negatives.json), repeatable
  --counts-only    only aggregated counts (forced for blind18 and later)
  --explain        also list file:line, class and shape per item (development corpora only; exit 2 on a guarded one)
  --json FILE      write the aggregate as JSON

Miss classes (first that holds, in this order):
${MISS_CLASSES.map((c) => `  ${c.padEnd(22)} ${MISS_CLASS_HELP[c]}`).join('\n')}
False-positive classes:
${FP_CLASSES.map((c) => `  ${c.padEnd(22)} ${FP_CLASS_HELP[c]}`).join('\n')}
Shape of a line (not-seen misses and false positives): kind (file kind), construct (outermost construct of the
line), callee (a call's method name is a sink or source of the category in src/catalogue, by last name), args
(argument kinds), value (kind of the main value), origin (where it comes from), word (catalogue word class of the
target or value name).
Logged-key misses on a call with an object argument: per property, form (shorthand, keyed, spread), origin (where
its value comes from: parameter, import, call, await-of-call, payload-member, parsed-payload, encoding-call,
literal, …), source (catalogue class of the call it came out of: kms-data-key, secret-store-read,
key-generation-or-export, random-bytes, token-producer, decrypt, none), sourceWord (catalogue word class of that
call's name) and word (of the property's name).

Chain of a not-seen weak-randomness miss: source (a weak source on the line, in a same-file helper the line calls,
in a variable the line reads, else the line's other origin), transform (classes of transforms on the line), use
(a name on the line or the enclosing function's name says a security purpose, by the rule's own name lexicons),
consumer (where the weak value goes: the first of ${RANDOM_CONSUMERS.join(', ')}), caller-consumer (for a value an
exported helper returns: the consumer its calls in the corpus's other modules reach).`;

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
const randomChain = await loadRandomChain();
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
  logObjectLines: 0,
  logObjectProperties: {},
  fpClasses: {},
  fpNegativeKinds: {},
  fpEvidence: {},
  fpShapes: {},
  randomChain: {},
  rotation: {},
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

  /** The corpus's other code files, parsed once (for the callers of an exported function). */
  let codeFiles;
  const otherFiles = (file) => () => {
    codeFiles ??= walkCorpus(c.corpus)
      .map((f) => posix(f.slice(c.corpus.length + 1)))
      .filter((f) => CODE_EXT.test(f));
    return codeFiles
      .filter((f) => f !== file)
      .map((f) => {
        if (!texts.has(f)) texts.set(f, readFileSync(join(c.corpus, f), 'utf8'));
        if (!parses.has(f)) parses.set(f, parseCode(texts.get(f), f));
        return { text: texts.get(f), parsed: parses.get(f) };
      });
  };
  /** The weak-randomness chain shape of a not-seen miss (source → transforms → use), code-free. */
  const chainAt = (file, line) => {
    shapeAt(file, line, 'weak-randomness');
    return randomChainShape(
      { text: texts.get(file), file, line, parsed: parses.get(file), others: otherFiles(file) },
      randomChain,
    );
  };
  /** The rotation class of a missed missing-rotation label (any miss class), code-free. */
  const rotationAt = (file, line) => {
    if (!texts.has(file)) texts.set(file, readFileSync(join(c.corpus, file), 'utf8'));
    return rotationShape({ text: texts.get(file), file, line });
  };
  const facts = { labels, recommended: rec.findings, strict: strict.findings, auditAll, suppressed };
  for (const l of s.falseNegatives) {
    const { cls, detail } = explainMiss(l, facts);
    inc(agg.missClasses, l.category, cls);
    const shape = cls === 'not-seen' ? shapeAt(l.file, l.line, l.category) : undefined;
    if (shape) for (const d of SHAPE_DIMENSIONS) inc(agg.notSeenShapes, d, shape[d], l.category);
    const props =
      cls === 'not-seen' && l.category === 'logged-key' && CODE_EXT.test(l.file)
        ? logObjectProperties(
            {
              text: texts.get(l.file),
              file: l.file,
              line: l.line,
              parsed: parses.get(l.file),
              others: otherFiles(l.file),
            },
            catalogue,
          )
        : [];
    if (props.length) agg.logObjectLines += 1;
    for (const p of props) for (const d of PROPERTY_DIMENSIONS) inc(agg.logObjectProperties, d, p[d], p.form);
    const chain = cls === 'not-seen' && l.category === 'weak-randomness' ? chainAt(l.file, l.line) : undefined;
    if (chain)
      for (const d of RANDOM_CHAIN_DIMENSIONS)
        if (chain[d] !== undefined) inc(agg.randomChain, d, chain[d], 'weak-randomness');
    const rotation = l.category === 'missing-rotation' ? rotationAt(l.file, l.line) : undefined;
    if (rotation) for (const d of ROTATION_DIMENSIONS) inc(agg.rotation, d, rotation[d], cls);
    if (explain)
      items.push({
        what: 'miss',
        corpus: dir,
        file: l.file,
        line: l.line,
        category: l.category,
        cls,
        detail,
        shape: shape || chain || rotation ? { ...shape, ...chain, ...rotation } : undefined,
        ...(props.length ? { props } : {}),
      });
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
dims(
  `Not-seen logged-key misses on a call with an object argument: ${agg.logObjectLines} lines; their properties (value, total, by form)`,
  agg.logObjectProperties,
);
dims('Not-seen weak-randomness misses: chain (source → transforms → use)', agg.randomChain);
dims('Missing-rotation misses: what the key or secret is (value, total, by miss class)', agg.rotation);
table('False positives by category × class', agg.fpClasses, FP_CLASSES);
// A negative's kind is the labeller's phrase about the code: listed for development corpora only (--explain).
if (explain) dims('False positives on labelled negatives: kind', { kind: agg.fpNegativeKinds });
dims('False positives: evidence level (from the audit with everything listed)', { evidence: agg.fpEvidence });
dims('False positives: shape', agg.fpShapes);
if (explain) {
  const fmt = (sh) =>
    sh
      ? ' | ' +
        [...SHAPE_DIMENSIONS, ...RANDOM_CHAIN_DIMENSIONS, ...ROTATION_DIMENSIONS]
          .filter((d) => sh[d] !== undefined)
          .map((d) => `${d}=${sh[d]}`)
          .join(' ')
      : '';
  const fmtProps = (ps) =>
    ps ? ps.map((p) => '\n      prop ' + PROPERTY_DIMENSIONS.map((d) => `${d}=${p[d]}`).join(' ')).join('') : '';
  out.push('', 'Items:');
  for (const it of items)
    out.push(
      `  ${it.what === 'miss' ? 'miss' : 'fp  '} ${posix(join(it.corpus, it.file))}:${it.line} ${it.category} ${it.cls}${it.detail ? ` [${it.detail}]` : ''}${it.rule ? ` (${it.rule.replace(/^keyhygiene\//, '')}, ${it.evidence})` : ''}${fmt(it.shape)}${fmtProps(it.props)}`,
    );
}
console.log(out.join('\n'));
if (!explain) delete agg.fpNegativeKinds;
if (args.json) writeFileSync(resolve(args.json), JSON.stringify(explain ? { ...agg, items } : agg, null, 2) + '\n');
