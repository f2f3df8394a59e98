#!/usr/bin/env node
/**
 * For checking cross-file results by hand (docs/benchmarks.md): summarises every JS/TS file of a tree
 * (the scanner's summary rule only, in-process) and prints each import use that matters with the file the
 * module graph resolves it to, the exports with a fact, and the file-level KMS flags.
 *   node bench/lib/real-speed-uses.mjs <root>
 */
import { walk } from '../../dist/src/scanner/sources/files.js';
import { summariseText } from '../../dist/src/scanner/detect/lint.js';
import { ModuleGraph } from '../../dist/src/scanner/graph.js';
import { readFileSync } from 'node:fs';
const root = process.argv[2];
if (!root) throw new Error('usage: real-speed-uses.mjs <root>');
const w = await walk(root, {});
const code = w.files.filter((f) => /\.(?:[cm]?[jt]sx?)$/.test(f.rel));
const g = new ModuleGraph(
  root,
  new Set(code.map((f) => f.abs)),
  w.files.filter((f) => f.rel.endsWith('package.json')).map((f) => f.abs),
);
let n = 0,
  res = 0,
  unres = new Map(),
  sums = 0;
const kinds = {};
for (const f of code) {
  const s = summariseText(root, f.abs, readFileSync(f.abs, 'utf8'));
  if (!s) continue;
  sums++;
  for (const [k, v] of Object.entries(s.exports))
    if (v.facts?.includes('secret') || v.facts?.includes('weak')) console.log('EXPORT', f.rel, k, JSON.stringify(v));
  for (const u of s.uses) {
    n++;
    kinds[u.kind] = (kinds[u.kind] ?? 0) + 1;
    const b = s.imports[u.local];
    const t = b && g.resolve(f.abs, b[0]);
    if (t) {
      res++;
      console.log('USE', `${f.rel}:${u.line}`, u.kind, b.join(' '), u.member ?? '', '->', t.slice(root.length + 1));
    } else unres.set(b?.[0], (unres.get(b?.[0]) ?? 0) + 1);
  }
  if (s.createsKey || s.cdkKey || s.rotation) console.log('FLAGS', f.rel, s.createsKey, s.cdkKey, s.rotation);
}
console.log({ files: code.length, sums, uses: n, resolved: res, kinds, tsconfigs: g.tsconfigs.length });
console.log('unresolved', [...unres].sort((a, b) => b[1] - a[1]).slice(0, 30));
