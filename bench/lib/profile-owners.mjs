#!/usr/bin/env node
/**
 * Who owns the samples of a V8 `.cpuprofile` (from `node --cpu-prof`): each sample is charged to the OUTERMOST frame
 * of the plugin's build on its stack (a rule listener, `create`, or a scanner function), so a listener's share holds
 * everything it calls (ESLint's scope lookups, the parser of another module, the collector when it runs there).
 * Shares are of all non-idle samples and of the plugin's; under load only shares mean something (the profiler
 * samples wall time).
 *
 *   node bench/lib/profile-owners.mjs <file.cpuprofile | dir> [--build TEXT] [--below NAME[@URLPART]] [--depth 2]
 *
 * `--build` is the text that marks the plugin's frames in a URL (default `/dist/`). `--below` splits the time under
 * every frame named NAME (and whose URL contains URLPART) by callee, `--depth` levels down: what a listener spends
 * its time on.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    build: { type: 'string', default: '/dist/' },
    below: { type: 'string' },
    depth: { type: 'string', default: '2' },
    top: { type: 'string', default: '40' },
  },
});
const input = positionals[0];
if (!input) throw new Error('usage: profile-owners.mjs <file.cpuprofile | dir> [--below NAME] [--depth N]');
const files = statSync(input).isDirectory()
  ? readdirSync(input)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => join(input, f))
  : [input];
const label = (cf) =>
  `${cf.functionName || '(anonymous)'} ${cf.url.replace(/^.*\/(?:dist|node_modules)\//, '')}:${cf.lineNumber + 1}`;
const [belowName, belowUrl] = (args.below ?? '').split('@');
const depth = Number(args.depth);
const owners = new Map();
const under = new Map();
let total = 0;
let plugin = 0;
let belowTotal = 0;
for (const file of files) {
  const prof = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < prof.samples.length; i++)
    self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0));
  const inclusive = new Map();
  const inc = (n) => {
    let t = inclusive.get(n.id);
    if (t !== undefined) return t;
    t = self.get(n.id) ?? 0;
    for (const c of n.children ?? []) t += inc(byId.get(c));
    inclusive.set(n.id, t);
    return t;
  };
  // Idle samples are time the thread waited, not CPU.
  const root = byId.get(prof.nodes[0].id);
  for (const c of root.children ?? []) if (byId.get(c).callFrame.functionName === '(idle)') inclusive.set(c, 0);
  const split = (n, level, prefix) => {
    for (const c of n.children ?? []) {
      const child = byId.get(c);
      const key = prefix + label(child.callFrame);
      under.set(key, (under.get(key) ?? 0) + inc(child));
      if (level < depth) split(child, level + 1, `${key} > `);
    }
    const s = self.get(n.id) ?? 0;
    if (s) under.set(`${prefix}(self)`, (under.get(`${prefix}(self)`) ?? 0) + s);
  };
  const visit = (n, owner, inBelow) => {
    const cf = n.callFrame;
    if (cf.functionName === '(idle)') return;
    const own = owner ?? (cf.url.includes(args.build) ? label(cf) : undefined);
    const s = self.get(n.id) ?? 0;
    total += s;
    if (own) {
      plugin += s;
      owners.set(own, (owners.get(own) ?? 0) + s);
    }
    const isBelow = !inBelow && belowName !== '' && cf.functionName === belowName && cf.url.includes(belowUrl ?? '');
    if (isBelow) {
      belowTotal += inc(n);
      split(n, 1, '');
    }
    for (const c of n.children ?? []) visit(byId.get(c), own, inBelow || isBelow);
  };
  visit(root, undefined, false);
}
const pct = (v, of) => ((100 * v) / of).toFixed(1).padStart(5);
console.log(
  `${files.length} profile(s): ${(total / 1000).toFixed(0)} ms of samples, the plugin's ${(plugin / 1000).toFixed(0)} ms ` +
    `(${pct(plugin, total).trim()}%)`,
);
console.log('\nowner (outermost frame of the plugin)      % of all  % of the plugin');
for (const [k, v] of [...owners].sort((a, b) => b[1] - a[1]).slice(0, Number(args.top)))
  console.log(`${pct(v, total)}%  ${pct(v, plugin)}%  ${k}`);
if (args.below) {
  console.log(`\nbelow ${args.below}: ${(belowTotal / 1000).toFixed(0)} ms = ${pct(belowTotal, total).trim()}% of all`);
  for (const [k, v] of [...under].sort((a, b) => b[1] - a[1]).slice(0, Number(args.top)))
    console.log(`${pct(v, belowTotal)}%  ${k}`);
}
