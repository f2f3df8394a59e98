#!/usr/bin/env node
/**
 * Sums the self time of a V8 `.cpuprofile` (from `node --cpu-prof`) by function and by file, and prints the
 * top entries. Used to find where the lint rules spend their time (see docs/benchmarks.md, "Speed").
 *
 *   node bench/lib/profile-summary.mjs <file.cpuprofile | dir> [--top 40] [--filter keyhygiene]
 *
 * A directory sums every `.cpuprofile` in it. `--filter` keeps only frames whose URL contains the text in
 * the "by function" table, and adds an "inclusive" table: total time under each matching function
 * (a frame counted once per sample even when it recurses).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '40' }, filter: { type: 'string' } },
});
const TOP = Number(args.top);
const input = positionals[0];
if (!input) throw new Error('usage: profile-summary.mjs <file.cpuprofile | dir> [--top N] [--filter TEXT]');
const files = statSync(input).isDirectory()
  ? readdirSync(input)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => join(input, f))
  : [input];

const selfByFn = new Map();
const selfByUrl = new Map();
const inclusive = new Map();
let total = 0;
const short = (url) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, 'nm:')
    .replace(/^.*\/dist\//, 'dist/');
for (const file of files) {
  const prof = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // sample i lasts timeDeltas[i+1] (the delta recorded with the next sample)
  const selfUs = new Map();
  for (let i = 0; i < prof.samples.length; i++) {
    const dt = prof.timeDeltas[i + 1] ?? 0;
    selfUs.set(prof.samples[i], (selfUs.get(prof.samples[i]) ?? 0) + dt);
    total += dt;
  }
  for (const [id, us] of selfUs) {
    const n = byId.get(id);
    const cf = n.callFrame;
    const url = short(cf.url || '(native)');
    const fn = `${cf.functionName || '(anonymous)'}  ${url}:${cf.lineNumber + 1}`;
    selfByFn.set(fn, (selfByFn.get(fn) ?? 0) + us);
    const pkg = url.startsWith('nm:')
      ? url
          .split('/')
          .slice(0, url.startsWith('nm:@') ? 2 : 1)
          .join('/')
      : url;
    selfByUrl.set(pkg, (selfByUrl.get(pkg) ?? 0) + us);
    if (args.filter) {
      // inclusive: every distinct matching frame on this node's stack
      const seen = new Set();
      for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
        const f = byId.get(cur).callFrame;
        if (!f.url.includes(args.filter)) continue;
        const key = `${f.functionName || '(anonymous)'}  ${short(f.url)}:${f.lineNumber + 1}`;
        if (seen.has(key)) continue;
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + us);
      }
    }
  }
}
const ms = (us) => (us / 1000).toFixed(0).padStart(8);
const pct = (us) => ((100 * us) / total).toFixed(1).padStart(6);
const print = (title, map, keep = () => true) => {
  console.log(`\n${title}`);
  for (const [k, us] of [...map]
    .filter(([k]) => keep(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP))
    console.log(`${ms(us)} ms ${pct(us)}%  ${k}`);
};
console.log(`${files.length} profile(s), ${(total / 1000).toFixed(0)} ms sampled`);
print('self time by file/package', selfByUrl);
print(
  `self time by function${args.filter ? ` (url contains "${args.filter}")` : ''}`,
  selfByFn,
  (k) => !args.filter || k.includes(args.filter),
);
if (args.filter) print('inclusive time (url contains filter)', inclusive);
