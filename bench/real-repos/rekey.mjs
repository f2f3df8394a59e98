#!/usr/bin/env node
/**
 * Re-keys label files after a change of finding ids: each label's `fingerprint` that names a finding (or one of
 * its other places) in the old report becomes the id of the finding at the same place in the new report.
 *
 *   node bench/real-repos/rekey.mjs --old DIR --new DIR [--only a,b] [--labels DIR] [--dry-run]
 *
 * --old and --new hold `<name>.json` audit reports of the same pinned trees (run.mjs --keep writes them), made
 * before and after the change; labels default to labels/ beside this script. A place is its rule, category, file,
 * line and column; places that share all five are paired in report order. A label whose fingerprint is not in the
 * old report, or whose place is not in the new one, is left as it is and listed. Prints one line per repository.
 * Without an old report (--old left out, or no `<name>.json` there) a label is re-keyed from its own place: the
 * finding of the new report with the label's rule, category, file and line; when several share that place, they
 * are paired in order only if the label file names exactly as many labels there, else the labels are listed.
 * The lead runs it on held-out label files after a merge, with the base and merged reports of those repositories.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = dirname(fileURLToPath(import.meta.url));

const { values: args } = parseArgs({
  options: {
    old: { type: 'string' },
    new: { type: 'string' },
    only: { type: 'string' },
    labels: { type: 'string', default: join(HERE, 'labels') },
    'dry-run': { type: 'boolean', default: false },
  },
});
if (!args.new) {
  console.error(
    'rekey: usage: node bench/real-repos/rekey.mjs [--old DIR] --new DIR [--only a,b] [--labels DIR] [--dry-run]',
  );
  process.exit(2);
}

/** Every place of a report's findings: the finding's own and its `occurrences`, each with its id. */
function places(report) {
  const out = [];
  for (const f of report.findings ?? []) {
    const at = (l, fingerprint) => ({
      key: [f.ruleId, f.category, l.file, l.line, l.column].join('\0'),
      fingerprint,
    });
    out.push(at(f.location, f.fingerprint));
    for (const o of f.occurrences ?? []) out.push(at(o, o.fingerprint));
  }
  return out;
}

/** Old id → new id, pairing the places that share rule, category, file, line and column in report order. */
export function idMap(oldReport, newReport) {
  const fresh = new Map();
  for (const p of places(newReport)) fresh.set(p.key, [...(fresh.get(p.key) ?? []), p.fingerprint]);
  const map = new Map();
  for (const p of places(oldReport)) {
    const n = fresh.get(p.key)?.shift();
    if (n !== undefined && !map.has(p.fingerprint)) map.set(p.fingerprint, n);
  }
  return map;
}

/** Old id → new id from the labels' own places (rule, category, file, line), for labels with no old report. */
export function idMapFromLabels(labels, newReport) {
  const key = (ruleId, category, file, line) => [ruleId, category, file, line].join('\0');
  const fresh = new Map();
  for (const p of places(newReport)) {
    const k = p.key.split('\0').slice(0, 4).join('\0');
    fresh.set(k, [...(fresh.get(k) ?? []), p.fingerprint]);
  }
  const wanted = new Map();
  for (const l of labels) {
    if (!l.fingerprint) continue;
    const k = key(l.ruleId, l.category, l.file, l.line);
    wanted.set(k, [...(wanted.get(k) ?? []), l.fingerprint]);
  }
  const map = new Map();
  for (const [k, olds] of wanted) {
    const news = fresh.get(k) ?? [];
    if (news.length !== olds.length) continue;
    olds.forEach((o, i) => map.set(o, news[i]));
  }
  return map;
}

const names = args.only
  ? args.only.split(',')
  : readdirSync(args.labels)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5));
let failed = false;
for (const name of names) {
  const oldFile = args.old ? join(args.old, `${name}.json`) : undefined;
  const newFile = join(args.new, `${name}.json`);
  const labelFile = join(args.labels, `${name}.json`);
  const hasOld = oldFile !== undefined && existsSync(oldFile);
  if (!existsSync(newFile) || !existsSync(labelFile)) {
    console.log(`${name}: skipped (missing ${[newFile, labelFile].filter((f) => !existsSync(f)).join(', ')})`);
    failed = true;
    continue;
  }
  const newReport = JSON.parse(readFileSync(newFile, 'utf8'));
  const text = readFileSync(labelFile, 'utf8');
  const own = idMapFromLabels(JSON.parse(text).findings ?? [], newReport);
  const byOld = hasOld ? idMap(JSON.parse(readFileSync(oldFile, 'utf8')), newReport) : new Map();
  const map = { get: (fp) => byOld.get(fp) ?? own.get(fp) };
  let changed = 0;
  const kept = [];
  // In the text, so the file keeps its formatting: only the `fingerprint` values change.
  const out = text.replace(/("fingerprint":\s*")([0-9a-f]+)"/g, (whole, head, fp) => {
    const n = map.get(fp);
    if (n === undefined) {
      kept.push(fp.slice(0, 8));
      return whole;
    }
    if (n !== fp) changed++;
    return `${head}${n}"`;
  });
  if (changed > 0 && !args['dry-run']) writeFileSync(labelFile, out);
  console.log(
    `${name}: ${changed} re-keyed${kept.length ? `, ${kept.length} left as they were (${kept.slice(0, 5).join(' ')}${kept.length > 5 ? ' …' : ''})` : ''}`,
  );
}
process.exit(failed ? 1 : 0);
