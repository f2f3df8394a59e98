#!/usr/bin/env node
/**
 * Sums a sampling allocation profile (written by `bench/lib/real-speed-run.mjs lint ... --heap-sample FILE`) by
 * allocating function and by file, and prints the top entries: what the rules allocate, which is what the garbage
 * collector then spends its time on.
 *
 *   node bench/lib/heap-summary.mjs <profile.json> [--top 40] [--filter /dist/]
 *
 * `--filter` adds a table of inclusive bytes: everything allocated under each function whose URL contains the
 * text (a recursive function counted once per allocation site), so a rule-kit helper is charged for the
 * allocations of the ESLint or library code it calls.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '40' }, filter: { type: 'string' } },
});
if (!positionals[0]) throw new Error('usage: heap-summary.mjs <profile.json> [--top N] [--filter TEXT]');
const { head } = JSON.parse(readFileSync(positionals[0], 'utf8'));

const place = (url) =>
  (url || '(native)')
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, 'nm:')
    .replace(/^.*\/dist\//, 'dist/');
const label = (cf) => `${cf.functionName || '(anonymous)'}  ${place(cf.url)}:${cf.lineNumber + 1}`;
const add = (map, key, bytes) => map.set(key, (map.get(key) ?? 0) + bytes);

const byFunction = new Map();
const byFile = new Map();
const inclusive = new Map();
let total = 0;
// Depth-first with an explicit stack: the call trees of a parser run deep enough to overflow recursion.
const stack = [{ node: head, above: [] }];
while (stack.length) {
  const { node, above } = stack.pop();
  const cf = node.callFrame;
  const matches = args.filter !== undefined && cf.url.includes(args.filter);
  const path = matches && !above.includes(label(cf)) ? [...above, label(cf)] : above;
  if (node.selfSize) {
    total += node.selfSize;
    add(byFunction, label(cf), node.selfSize);
    add(byFile, place(cf.url), node.selfSize);
    for (const fn of path) add(inclusive, fn, node.selfSize);
  }
  for (const child of node.children) stack.push({ node: child, above: path });
}

const mb = (bytes) => (bytes / 1048576).toFixed(1).padStart(9);
const share = (bytes) => ((100 * bytes) / total).toFixed(1).padStart(6);
const table = (title, map) => {
  console.log(`\n${title}`);
  const rows = [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(args.top));
  for (const [key, bytes] of rows) console.log(`${mb(bytes)} MiB ${share(bytes)}%  ${key}`);
};
console.log(`${mb(total).trim()} MiB allocated (sampled estimate)`);
table('allocated by file/package', byFile);
table('allocated by function (self)', byFunction);
if (args.filter !== undefined) table(`inclusive, functions whose URL contains "${args.filter}"`, inclusive);
