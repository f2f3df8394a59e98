#!/usr/bin/env node
/**
 * Steady-state rule cost, in one process: reads a tree once, then lints every file with ESLint's `Linter`
 * under parse-only config (floor) and under the recommended preset of each given checkout's built plugin,
 * alternating, for several rounds after a warm-up round. Prints the median CPU time (process.cpuUsage) per
 * config and the rules' overhead over the floor. Less noisy than whole-process timing on a shared machine,
 * and it leaves out Node start-up and module loading (which bench/speed.mjs includes).
 *
 *   node bench/lib/profile-inproc.mjs --tree DIR [--list FILES.json] [--rounds 5] [--preset recommended] ROOT...
 *
 * `--list` takes the files from a JSON array of absolute paths (the audit's walk, as bench/real-speed.mjs writes
 * it) instead of every JS/TS file under DIR.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args, positionals: roots } = parseArgs({
  allowPositionals: true,
  options: {
    tree: { type: 'string' },
    rounds: { type: 'string', default: '5' },
    preset: { type: 'string', default: 'recommended' },
    list: { type: 'string' },
  },
});
if (!args.tree || roots.length === 0) throw new Error('usage: profile-inproc.mjs --tree DIR [--rounds 5] ROOT...');
const require = createRequire(join(resolve(roots[0]), 'package.json'));
const { Linter } = require('eslint');
const tsParser = require('@typescript-eslint/parser');
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const walk = (d, out = []) => {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (SOURCE.test(e.name)) out.push(p);
  }
  return out;
};
const files = (typeof args.list === 'string' ? JSON.parse(readFileSync(args.list, 'utf8')) : walk(resolve(args.tree)))
  .sort()
  .map((f) => ({ f, text: readFileSync(f, 'utf8') }));
// Named extensions: flat config treats a file that only `**/*` matches as unconfigured (and lints nothing).
const FILES = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const base = {
  files: FILES,
  languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
  linterOptions: { reportUnusedDisableDirectives: 'off' },
};
const configs = [['floor', [base]]];
for (const root of roots) {
  const plugin = (await import(pathToFileURL(join(resolve(root), 'dist', 'src', 'plugin.js')).href)).default;
  configs.push([root, [base, { ...plugin.configs[args.preset], files: FILES }]]);
}
const linter = new Linter({ configType: 'flat', cwd: resolve(args.tree) });
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const samples = new Map(configs.map(([n]) => [n, []]));
const counts = new Map();
for (let r = 0; r <= Number(args.rounds); r++) {
  for (const [name, config] of configs) {
    const t0 = cpu();
    let problems = 0;
    for (const { f, text } of files) problems += linter.verify(text, config, { filename: f }).length;
    const ms = cpu() - t0;
    counts.set(name, problems);
    if (r > 0) samples.get(name).push(ms); // round 0 warms up the JIT
    console.error(`round ${r}${r === 0 ? ' (warm-up)' : ''} ${name}: ${ms.toFixed(0)} ms CPU, ${problems} problems`);
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const floor = median(samples.get('floor'));
console.log(`${files.length} files, ${args.rounds} rounds after a warm-up; median CPU per round:`);
for (const [name, xs] of samples) {
  const m = median(xs);
  console.log(
    `${name.padEnd(24)} ${m.toFixed(0).padStart(7)} ms  ${(m / floor).toFixed(2)}× floor  rules ${(m - floor).toFixed(0).padStart(6)} ms  problems ${counts.get(name)}  (runs ${xs.map((x) => x.toFixed(0)).join(' ')})`,
  );
}
