#!/usr/bin/env node
/**
 * Where one audit's CPU goes, by phase, measured on the main thread's own CPU clock (Linux
 * `/proc/thread-self/schedstat`, nanoseconds of CPU this thread ran), not wall time: on a loaded machine a wall
 * clock counts the time other processes ran, this clock does not. One run, in this process:
 *
 *   node bench/lib/audit-phases.mjs ROOT [--cache DIR] [--workers N] [--build DIR] [--json FILE]
 *
 * Prints one JSON line, milliseconds of main-thread CPU unless named otherwise:
 * - `import`: loading the scanner and the lint runner (ESLint, the parser, the plugin);
 * - `preWalk`, `walk`, `files`, `crossFile`, `report` (the audit's progress phases; `report` includes the
 *   fixture policy and the evidence floor), and inside `files`: `lint` (JS/TS files: parse, rules, findings),
 *   `text` (every other file) and `between` (the rest: reads, content ids, cache keys, the queue, and the young
 *   collections V8 runs as tasks between two files);
 * - `scrypt`: calls and CPU of `crypto.scryptSync` (the slow fingerprints of low-entropy secrets);
 * - `mainCpu`, `helperCpu`: the main thread's and every other thread's CPU at the end (V8's compiler and
 *   collector threads; with `--workers 2` the analysis worker too), from `/proc/self/task`;
 * - `findings`: the number reported (a run whose findings change is not the same run).
 * The default configuration of `keyhygiene audit` is `--workers` unset (the audit's own thread count) with a
 * cache directory; `--cache` names an empty directory for a cold run. The lint and text split is measured by
 * replacing `performance.now` with the same CPU clock while the audit runs (the audit times each file with it).
 * With workers the split counts the main thread only. Linux only (it reads /proc).
 */
import crypto from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ROOT } from './tools.mjs';
import { threadsCpuMs } from './thread-cpu.mjs';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    cache: { type: 'string' },
    workers: { type: 'string' },
    build: { type: 'string', default: ROOT },
    json: { type: 'string' },
  },
});
const root = positionals[0];
if (!root) {
  console.error('usage: audit-phases.mjs ROOT [--cache DIR] [--workers N] [--build DIR] [--json FILE]');
  process.exit(2);
}

/** This thread's CPU time in milliseconds. */
const threadCpu = () => Number(readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[0]) / 1e6;

// The slow fingerprints, counted: every scan calls `scryptSync` through node:crypto's named export.
const scrypt = { calls: 0, ms: 0 };
const scryptSync = crypto.scryptSync;
crypto.scryptSync = function counted(...args) {
  const t = threadCpu();
  try {
    return scryptSync.apply(this, args);
  } finally {
    scrypt.calls++;
    scrypt.ms += threadCpu() - t;
  }
};
syncBuiltinESMExports();

const dist = (rel) => pathToFileURL(path.join(path.resolve(values.build), 'dist', 'src', rel)).href;
const t0 = threadCpu();
const { audit } = await import(dist('scanner/index.js'));
await import(dist('scanner/analyse.js')); // the lint runner, loaded as the first file would load it
const importMs = threadCpu() - t0;

const phases = {};
let phase = 'preWalk';
let mark = threadCpu();
const enter = (next) => {
  if (next === phase) return;
  const now = threadCpu();
  phases[phase] = (phases[phase] ?? 0) + now - mark;
  mark = now;
  phase = next;
};
const names = { walk: 'walk', files: 'files', 'cross-file': 'crossFile', history: 'history', done: 'report' };
let timings;
const wallNow = performance.now.bind(performance);
performance.now = threadCpu;
let result;
try {
  result = await audit({
    root,
    cache: values.cache ?? false,
    ...(values.workers === undefined ? {} : { workers: Number(values.workers) }),
    onTimings: (t) => (timings = t),
    onProgress: (p) => enter(names[p.phase] ?? p.phase),
  });
} finally {
  performance.now = wallNow;
}
enter('end');

const threads = threadsCpuMs();
const r = (ms) => Math.round(ms);
const out = {
  root,
  import: r(importMs),
  ...Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, r(v)])),
  lint: timings.lintMs,
  text: timings.textMs,
  between: r((phases.files ?? 0) - timings.lintMs - timings.textMs),
  scrypt: { calls: scrypt.calls, ms: r(scrypt.ms) },
  mainCpu: r(threads.main),
  helperCpu: r(threads.helpers),
  findings: result.findings.length,
};
const line = JSON.stringify(out);
if (values.json) writeFileSync(values.json, `${line}\n`);
console.log(line);
