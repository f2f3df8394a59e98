#!/usr/bin/env node
/**
 * Per-listener CPU of one build's `recommended` preset, in one process (load-independent: CPU, not wall time).
 * Reads every file first (so no file read of the thread pool runs while a listener is timed: process.cpuUsage()
 * counts every thread of the process), then lints them with `ESLint#lintText`: parse-only twice (a warm-up, then
 * timed), the preset with every rule's `create` and every listener it returns wrapped in process.cpuUsage() (the
 * rules' code and their caches of other modules as cold as in a fresh process), then the preset unwrapped (warm by
 * then). Prints rule × listener CPU (ms), calls, and the per-call cost of the wrapper itself (measured on an empty
 * listener, already subtracted from each row).
 *
 *   node bench/lib/listener-cpu.mjs --list FILES.json [--build ROOT] [--json OUT] [--preset recommended]
 *
 * ROOT is a checkout (or a copy) holding dist/ and node_modules/ (default: this checkout). GC pauses fall into
 * whichever listener allocates when the collector runs, so rows are proportional to allocation as well as work.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ROOT } from './tools.mjs';

const { values: args } = parseArgs({
  options: {
    list: { type: 'string' },
    build: { type: 'string' },
    json: { type: 'string' },
    preset: { type: 'string', default: 'recommended' },
  },
});
if (!args.list) throw new Error('usage: listener-cpu.mjs --list FILES.json [--build ROOT] [--json OUT]');
const root = resolve(args.build ?? ROOT);
const require = createRequire(join(root, 'package.json'));
const { ESLint } = require('eslint');
const tsParser = require('@typescript-eslint/parser');
const plugin = (await import(pathToFileURL(join(root, 'dist', 'src', 'plugin.js')).href)).default;
const files = JSON.parse(readFileSync(args.list, 'utf8')).map((f) => ({ f, text: readFileSync(f, 'utf8') }));
const FILES = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const base = {
  files: FILES,
  languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
  linterOptions: { reportUnusedDisableDirectives: 'off' },
};
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** rule → listener → { ms, calls } */
const acc = new Map();
let timing = false;
const slot = (rule, key) => {
  let r = acc.get(rule);
  if (!r) acc.set(rule, (r = new Map()));
  let s = r.get(key);
  if (!s) r.set(key, (s = { ms: 0, calls: 0 }));
  return s;
};
const wrap = (s, fn) =>
  function timed(...a) {
    if (!timing) return fn.apply(this, a);
    const t0 = cpu();
    try {
      return fn.apply(this, a);
    } finally {
      s.ms += cpu() - t0;
      s.calls++;
    }
  };
const wrappedRules = {};
for (const [name, rule] of Object.entries(plugin.rules)) {
  const createSlot = slot(name, '(create)');
  wrappedRules[name] = {
    ...rule,
    create(context) {
      const listeners = wrap(createSlot, rule.create)(context);
      const out = {};
      for (const [k, fn] of Object.entries(listeners)) out[k] = wrap(slot(name, k), fn);
      return out;
    },
  };
}
const presetRules = plugin.configs[args.preset].rules;
const configs = {
  floor: [base],
  lint: [base, { files: FILES, plugins: { keyhygiene: plugin }, rules: presetRules }],
  wrapped: [base, { files: FILES, plugins: { keyhygiene: { ...plugin, rules: wrappedRules } }, rules: presetRules }],
};
// The ESLint class, as users (and bench/lib/real-speed-run.mjs) run it: it normalises each config once, where
// `Linter.verify` given a plain array normalises it again for every file (a cost only the preset would pay).
const eslints = Object.fromEntries(
  Object.entries(configs).map(([k, c]) => [
    k,
    new ESLint({ overrideConfigFile: true, overrideConfig: c, cache: false }),
  ]),
);
const pass = async (name) => {
  const t0 = cpu();
  let problems = 0;
  for (const { f, text } of files) {
    for (const r of await eslints[name].lintText(text, { filePath: f })) problems += r.messages.length;
  }
  return { ms: cpu() - t0, problems };
};
// Parse-only twice (the first warms the parser up), then the wrapped preset while the rules' code and the caches
// of other modules they read are as cold as in a fresh process, then the preset unwrapped (warm by then).
await pass('floor');
const floor = await pass('floor');
timing = true;
const wrapped = await pass('wrapped');
timing = false;
const lint = await pass('lint');
// The wrapper's own cost per call (two getrusage calls and the closure), from an empty listener.
const probe = { ms: 0, calls: 0 };
const empty = wrap(probe, () => undefined);
timing = true;
for (let i = 0; i < 200_000; i++) empty();
timing = false;
const perCall = probe.ms / probe.calls;
const rows = [];
for (const [rule, m] of acc) {
  for (const [listener, s] of m) {
    if (s.calls === 0) continue;
    rows.push({ rule, listener, ms: Math.max(0, s.ms - perCall * s.calls), calls: s.calls });
  }
}
rows.sort((a, b) => b.ms - a.ms);
const ruleMs = rows.reduce((t, r) => t + r.ms, 0);
const out = {
  files: files.length,
  floorMs: Math.round(floor.ms),
  lintMs: Math.round(lint.ms),
  wrappedMs: Math.round(wrapped.ms),
  problems: lint.problems,
  ruleMs: Math.round(ruleMs),
  wrapperUsPerCall: Number((perCall * 1000).toFixed(3)),
  rows: rows.map((r) => ({ ...r, ms: Math.round(r.ms) })),
};
if (args.json) writeFileSync(args.json, JSON.stringify(out, null, 1));
console.log(
  `${out.files} files: parse-only ${out.floorMs} ms, wrapped ${out.wrappedMs} ms ` +
    `(${(wrapped.ms / floor.ms).toFixed(2)}×), ${args.preset} warm ${out.lintMs} ms ` +
    `(${(lint.ms / floor.ms).toFixed(2)}×); rule code ${out.ruleMs} ms ` +
    `(wrapper ${out.wrapperUsPerCall} µs per call, subtracted); ${out.problems} problems`,
);
for (const r of out.rows.filter((x) => x.ms >= 5)) {
  console.log(`${String(r.ms).padStart(7)} ms ${String(r.calls).padStart(9)}  ${r.rule}  ${r.listener}`);
}
