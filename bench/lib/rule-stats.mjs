#!/usr/bin/env node
/**
 * Per-rule time of the `recommended` preset on one tree, from ESLint's own statistics (`new ESLint({ stats: true })`:
 * `stats.times.passes[].rules[*].total`, summed over every file), next to the parse time and the whole lint time.
 * The files are the ones the audit lints (its walk, JS/TS only), as in bench/real-speed.mjs. The plugin and ESLint
 * are loaded from the given checkout (default: this one), so two builds can be compared on the same tree.
 *
 *   node bench/lib/rule-stats.mjs TREE [--root CHECKOUT] [--preset recommended]
 *
 * ESLint's timers wrap each listener call, so a rule's figure is its listeners' own time; the selector dispatch
 * and the traversal are counted only in the total. A single run moves by 10–20% on a loaded machine.
 */
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ROOT } from './tools.mjs';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { root: { type: 'string' }, preset: { type: 'string', default: 'recommended' } },
});
const tree = positionals[0];
if (!tree) throw new Error('usage: rule-stats.mjs TREE [--root CHECKOUT] [--preset recommended]');
const root = resolve(args.root ?? ROOT);
const require = createRequire(join(root, 'package.json'));
const load = (spec) => import(pathToFileURL(require.resolve(spec)).href);
const dist = (p) => import(pathToFileURL(join(root, 'dist', 'src', p)).href);
const { ESLint } = await load('eslint');
const { default: tsParser } = await load('@typescript-eslint/parser');
const { default: plugin } = await dist('plugin.js');
const { walk } = await dist('scanner/sources/files.js');
const { isCodeFile } = await dist('scanner/code-files.js');

const walked = await walk(resolve(tree), {});
const files = walked.files.filter((f) => isCodeFile(f.rel) && f.size <= 5 * 1024 * 1024).map((f) => f.abs);
const config = [
  { ignores: ['!**/node_modules/'] },
  plugin.configs[args.preset],
  {
    files: ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
];
const eslint = new ESLint({ cwd: resolve(tree), overrideConfigFile: true, overrideConfig: config, stats: true });
const cpu0 = process.cpuUsage();
const results = await eslint.lintFiles(files);
const cpu = process.cpuUsage(cpu0);
const rules = new Map();
let parse = 0;
let total = 0;
for (const r of results) {
  for (const pass of r.stats?.times.passes ?? []) {
    // A file that fails to parse has a pass with no rule times and no total.
    parse += pass.parse?.total ?? 0;
    total += pass.total ?? 0;
    for (const [id, t] of Object.entries(pass.rules ?? {})) rules.set(id, (rules.get(id) ?? 0) + t.total);
  }
}
const ms = (x) => x.toFixed(0).padStart(7);
const ruleSum = [...rules.values()].reduce((a, b) => a + b, 0);
console.log(`${files.length} files; process CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`);
console.log(`${'parse'.padEnd(44)} ${ms(parse)} ms`);
console.log(`${'rules (sum)'.padEnd(44)} ${ms(ruleSum)} ms`);
console.log(`${'lint total (parse + traversal + rules)'.padEnd(44)} ${ms(total)} ms`);
for (const [id, t] of [...rules].sort((a, b) => b[1] - a[1])) console.log(`  ${id.padEnd(42)} ${ms(t)} ms`);
