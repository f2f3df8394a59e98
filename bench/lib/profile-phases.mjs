#!/usr/bin/env node
/**
 * Attributes the samples of V8 `.cpuprofile`s (from `node --cpu-prof`) of audit runs to the audit's parts, by the
 * first matching frame on each sample's stack: ESLint's `verify`, `scryptSync`, the text pass, the lint runner's own
 * work, reads and content ids, module loading, and the rest by their outermost named frame. Counts samples (at a
 * fixed interval a sample is about a slice of the thread's CPU, on a loaded machine too), not their time deltas.
 *
 *   node bench/lib/profile-phases.mjs <file.cpuprofile | dir> [--inside PART]
 *
 * `--inside PART` also lists the functions the samples of one part stop in (self samples).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { inside: { type: 'string' } } });
const input = positionals[0];
if (!input) throw new Error('usage: profile-phases.mjs <file.cpuprofile | dir> [--inside PART]');
const files = statSync(input).isDirectory()
  ? readdirSync(input)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => join(input, f))
  : [input];
/** Parts, tried in this order on the whole stack of a sample. */
const PARTS = [
  ['scrypt', (cf) => cf.functionName === 'scryptSync'],
  ['verify', (cf) => cf.functionName === 'verify' && cf.url.includes('eslint/lib/linter/linter.js')],
  ['verify', (cf) => cf.functionName === 'timedVerify'],
  ['text', (cf) => /^(?:scanTextFile|withTemplateFindings|scanKeystoreFile)$/.test(cf.functionName)],
  ['lintPost', (cf) => cf.functionName === 'lintFile'],
  ['decode', (cf) => cf.functionName === 'decode' && cf.url.includes('read.js')],
  ['read+contentId', (cf) => cf.functionName === 'handle' && cf.url.includes('scanner/index.js')],
  ['walk', (cf) => cf.url.includes('sources/files.js')],
  ['cache', (cf) => cf.url.includes('scanner/cache.js')],
  ['load', (cf) => /modules\/(?:cjs|esm)/.test(cf.url)],
];
const totals = new Map();
const inside = new Map();
let busy = 0;
for (const file of files) {
  const prof = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map();
  const partOf = (id) => {
    let part = memo.get(id);
    if (part !== undefined) return part;
    const chain = [];
    for (let c = id; c !== undefined; c = parent.get(c)) chain.push(byId.get(c).callFrame);
    part = PARTS.find(([, test]) => chain.some(test))?.[0];
    // Otherwise the outermost named frame under the root: `(garbage collector)`, `(program)`, a timer, …
    part ??= chain.length <= 2 ? chain[0].functionName || '(anonymous)' : `other: ${chain.at(-2).functionName}`;
    memo.set(id, part);
    return part;
  };
  for (const id of prof.samples) {
    const part = partOf(id);
    if (part === '(idle)') continue;
    busy++;
    totals.set(part, (totals.get(part) ?? 0) + 1);
    if (part === values.inside) {
      const cf = byId.get(id).callFrame;
      const key = `${cf.functionName || '(anonymous)'}  ${cf.url.replace(/^.*\/(dist|node_modules)\//, '$1/')}`;
      inside.set(key, (inside.get(key) ?? 0) + 1);
    }
  }
}
const pct = (n) => `${((100 * n) / busy).toFixed(1).padStart(5)}%`;
console.log(`${files.length} profile(s), ${busy} busy samples`);
for (const [part, n] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 30))
  console.log(`${String(n).padStart(8)} ${pct(n)}  ${part}`);
if (values.inside) {
  console.log(`\ninside ${values.inside}:`);
  for (const [fn, n] of [...inside].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`${String(n).padStart(8)} ${pct(n)}  ${fn}`);
}
