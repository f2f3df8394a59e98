#!/usr/bin/env node
/**
 * Where one audit's CPU goes, by phase and by thread, measured on each thread's own CPU clock (Linux
 * `/proc/<tid>/schedstat`, nanoseconds of CPU the thread ran), not wall time: on a loaded machine a wall clock
 * counts the time other processes ran, these clocks do not. One run, in this process:
 *
 *   node bench/lib/audit-phases.mjs ROOT [--cache DIR] [--workers N] [--build DIR] [--json FILE] [--rules ROUNDS]
 *
 * Prints one JSON line, milliseconds of CPU:
 * - `import`: loading the scanner and the lint runner (ESLint, the parser, the plugin), main thread;
 * - `preWalk` (the salt), `walk`, `files`, `crossFile` (with the cache's save), `report` (the fixture policy and
 *   the evidence floor): the audit's progress phases on the main thread's clock. The audit's first `files` event
 *   comes when its first file is done, so `walk` also holds the analysis pool's start and the first (largest) file;
 * - `threads`: the same phases on every thread's clock, as `{ main, workers, helpers }`: `workers` the analysis
 *   worker threads (with `--workers 2` and up; each worker's thread is found by its own clock at start-up), `helpers`
 *   every other thread of the process (V8's compiler and collector threads, libuv's pool);
 * - inside `files`, for the threads that analyse (main thread, or main thread + workers): `lint` (JS/TS files:
 *   parse, rules, findings), of it `verify` (ESLint's parse and traversal with every rule the audit runs) and
 *   `lintPost` (the rest: findings, fingerprints, inventory), `text` (every other file: secret-in-file, configs,
 *   templates), and `between` (main thread only: reads, content ids, cache keys, the queue, and the young
 *   collections V8 runs as tasks between two files);
 * - `summaryRule`: the audit's hidden summary rule on the main thread: files, CPU of its `create` and of its
 *   `Program:exit` (the summariser's finish: the export table, the weak-helper verdicts), and its per-call
 *   listener calls (counted, not timed);
 * - `scrypt`, `hmac`: calls and CPU of `crypto.scryptSync` (the slow fingerprints of low-entropy secrets) and of
 *   `crypto.createHmac` objects (content ids, cache keys, finding fingerprints), on the main thread;
 * - `mainCpu`, `helperCpu`: the main thread's and every other thread's CPU at the end, from `/proc/self/task`;
 * - `findings`: the number reported (a run whose findings change is not the same run);
 * - with `--rules ROUNDS`: `rules`, what each rule set the audit runs beyond the plugin's `recommended` lint costs,
 *   by re-linting every code file the audit linted, in this process (warm), ROUNDS interleaved rounds of five
 *   configurations on the main thread's clock: `floor` (parse only), `recommended` (the preset as users run it),
 *   `recommendedAuditSettings` (the preset with the audit's settings: other modules not read from disk, every
 *   evidence level made and recorded), `noSummary` (the audit's own config with its summary rule stubbed out),
 *   `audit` (the audit's own config, as it was given to ESLint). Each is the least over the rounds, with the
 *   differences (each configuration's rounds are in `perRound`; each round starts one configuration later):
 *   `summaryRule` = audit − noSummary, `auditOverrides` = noSummary − recommendedAuditSettings (the
 *   rules the audit turns on for test files), `auditSettings` = recommendedAuditSettings − recommended.
 * The default configuration of `keyhygiene audit` is `--workers` unset (the audit's own thread count) with a
 * cache directory; `--cache` names an empty directory for a cold run. The per-file split is measured by replacing
 * `performance.now` with the thread's CPU clock while the audit runs (the audit times each file with it), in each
 * worker too. Linux only (it reads /proc).
 */
import crypto from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import workerThreads from 'node:worker_threads';
import { ROOT } from './tools.mjs';
import { threadClock, threadsCpuMs } from './thread-cpu.mjs';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    cache: { type: 'string' },
    workers: { type: 'string' },
    build: { type: 'string', default: ROOT },
    json: { type: 'string' },
    rules: { type: 'string' },
  },
});
const root = positionals[0];
const ruleRounds = values.rules === undefined ? 0 : Number(values.rules);
if (!root || !(Number.isInteger(ruleRounds) && ruleRounds >= 0)) {
  console.error('usage: audit-phases.mjs ROOT [--cache DIR] [--workers N] [--build DIR] [--json FILE] [--rules N]');
  process.exit(2);
}

/** This thread's CPU time in milliseconds (this bench runs on Linux only). */
const threadCpu = threadClock();

/** Every thread's CPU (ms) by thread id, now. */
const allThreads = () => {
  const out = new Map();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      out.set(tid, Number(readFileSync(`/proc/self/task/${tid}/schedstat`, 'latin1').split(' ')[0]) / 1e6);
    } catch {
      // a thread that ended
    }
  }
  for (const [tid, ms] of workerFinal) if (!out.has(tid)) out.set(tid, ms);
  return out;
};

/** Wraps a `node:crypto` function so its calls, and the CPU of this thread inside them, are counted. */
const counted = (name, tally, wrapResult) => {
  const real = crypto[name];
  crypto[name] = function countedCall(...args) {
    const t = threadCpu();
    try {
      const out = real.apply(this, args);
      return wrapResult ? wrapResult(out) : out;
    } finally {
      tally.calls++;
      tally.ms += threadCpu() - t;
    }
  };
};
const scrypt = { calls: 0, ms: 0 };
const hmac = { calls: 0, ms: 0 };
counted('scryptSync', scrypt);
// An HMAC's work is in `update` and `digest`: both are timed, and `createHmac` itself is counted once per id.
counted('createHmac', hmac, (h) => {
  for (const m of ['update', 'digest']) {
    const real = h[m];
    h[m] = function timed(...a) {
      const t = threadCpu();
      try {
        return real.apply(this, a);
      } finally {
        hmac.ms += threadCpu() - t;
      }
    };
  }
  return h;
});

// Analysis workers: each is started through a small script that first records its own thread id (so its clock
// can be told from V8's helper threads) and puts `performance.now` on its own CPU clock (so its lint and text
// split is CPU, as on the main thread), then loads the scanner's worker script as the scanner asked.
const workerTids = [];
/** A worker's CPU (ms) read just before it was terminated, by thread id: a thread that ended has no clock. */
const workerFinal = new Map();
const RealWorker = workerThreads.Worker;
workerThreads.Worker = class MeasuredWorker extends RealWorker {
  constructor(url, options = {}) {
    const ids = new Int32Array(new SharedArrayBuffer(4));
    const boot = `
      const fs = require('node:fs');
      const { workerData } = require('node:worker_threads');
      Atomics.store(workerData.ids, 0, Number(fs.readlinkSync('/proc/thread-self').split('/').pop()));
      const fd = fs.openSync('/proc/thread-self/schedstat', 'r');
      const buf = Buffer.alloc(64);
      performance.now = () => Number(buf.toString('latin1', 0, fs.readSync(fd, buf, 0, 64, 0)).split(' ')[0]) / 1e6;
      import(${JSON.stringify(String(url))});`;
    super(boot, { ...options, eval: true, workerData: { ids } });
    this.once('online', () => {
      // The boot script's first statement runs before the worker's script loads: wait for it (tens of µs).
      while (Atomics.load(ids, 0) === 0) Atomics.wait(ids, 0, 0, 5);
      workerTids.push((this.tid = String(Atomics.load(ids, 0))));
    });
  }
  terminate() {
    try {
      const ms = Number(readFileSync(`/proc/self/task/${this.tid}/schedstat`, 'latin1').split(' ')[0]) / 1e6;
      workerFinal.set(this.tid, ms);
    } catch {
      // never online, or already gone
    }
    return super.terminate();
  }
};
syncBuiltinESMExports();

const dist = (rel) => pathToFileURL(path.join(path.resolve(values.build), 'dist', 'src', rel)).href;
const t0 = threadCpu();
const { audit } = await import(dist('scanner/index.js'));
await import(dist('scanner/analyse.js')); // the lint runner, loaded as the first file would load it
const importMs = threadCpu() - t0;

// ESLint's `verify`, timed on the main thread: every code file's parse and rules (and, in the cross-file phase,
// the summaries of another shard's files). Its config and texts are kept for `--rules`.
const require = createRequire(path.join(path.resolve(values.build), 'package.json'));
const { Linter } = require('eslint');
const realVerify = Linter.prototype.verify;
const verify = { calls: 0, ms: 0 };
const linted = [];
let auditConfig;
let auditing = true;
Linter.prototype.verify = function timedVerify(text, config, options) {
  if (!auditing) return realVerify.call(this, text, config, options);
  const t = threadCpu();
  try {
    return realVerify.call(this, text, config, options);
  } finally {
    verify.calls++;
    verify.ms += threadCpu() - t;
    if (ruleRounds > 0) {
      auditConfig ??= config;
      if (config === auditConfig) linted.push({ text, filename: options?.filename, cwd: this });
    }
  }
};

// The audit's own hidden rule (the module summary for the cross-file step, src/scanner/detect/summary.ts): its
// `create` and `Program:exit` (where the summariser finishes: exports, weak-helper verdicts) timed on the main
// thread's clock, once per file each; its per-call listeners only counted (timing each would cost more than they do).
const { summaryRule } = await import(dist('scanner/detect/summary.js'));
const summary = { files: 0, createMs: 0, exitMs: 0, calls: 0 };
const summaryCreate = summaryRule.create;
summaryRule.create = function timedCreate(context) {
  if (!auditing) return summaryCreate.call(this, context);
  const t = threadCpu();
  const listeners = summaryCreate.call(this, context);
  summary.files++;
  summary.createMs += threadCpu() - t;
  const out = {};
  for (const [k, fn] of Object.entries(listeners))
    out[k] =
      k === 'Program:exit'
        ? function timedExit(...a) {
            const t0 = threadCpu();
            try {
              return fn.apply(this, a);
            } finally {
              summary.exitMs += threadCpu() - t0;
            }
          }
        : function countedCall(...a) {
            summary.calls++;
            return fn.apply(this, a);
          };
  return out;
};

const names = { walk: 'walk', files: 'files', 'cross-file': 'crossFile', history: 'history', done: 'report' };
const phases = {};
const threadPhases = {};
let phase = 'preWalk';
let mark = threadCpu();
let marks = allThreads();
const enter = (next) => {
  if (next === phase) return;
  const now = threadCpu();
  const all = allThreads();
  phases[phase] = (phases[phase] ?? 0) + now - mark;
  const t = (threadPhases[phase] ??= { main: 0, workers: 0, helpers: 0 });
  for (const [tid, ms] of all) {
    const d = ms - (marks.get(tid) ?? 0);
    if (tid === String(process.pid)) t.main += d;
    else if (workerTids.includes(tid)) t.workers += d;
    else t.helpers += d;
  }
  mark = now;
  marks = all;
  phase = next;
};
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
auditing = false;

const threads = threadsCpuMs();
const r = (ms) => Math.round(ms);
const filesVerify = verify.ms; // the lint's share of verify (summaries of other shards' files are counted apart)
const out = {
  root,
  import: r(importMs),
  ...Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, r(v)])),
  threads: Object.fromEntries(
    Object.entries(threadPhases).map(([k, v]) => [
      k,
      { main: r(v.main), workers: r(v.workers), helpers: r(v.helpers) },
    ]),
  ),
  lint: timings.lintMs,
  verify: { calls: verify.calls, ms: r(filesVerify), mainThreadOnly: workerTids.length > 0 },
  lintPost: workerTids.length > 0 ? undefined : r(timings.lintMs - filesVerify),
  text: timings.textMs,
  between: workerTids.length > 0 ? undefined : r((phases.files ?? 0) - timings.lintMs - timings.textMs),
  summaryRule: { files: summary.files, createMs: r(summary.createMs), exitMs: r(summary.exitMs), calls: summary.calls },
  scrypt: { calls: scrypt.calls, ms: r(scrypt.ms) },
  hmac: { calls: hmac.calls, ms: r(hmac.ms) },
  workers: workerTids.length,
  mainCpu: r(threads.main),
  helperCpu: r(threads.helpers),
  findings: result.findings.length,
};

if (ruleRounds > 0 && linted.length > 0) out.rules = await ruleCosts();

const line = JSON.stringify(out);
if (values.json) writeFileSync(values.json, `${line}\n`);
console.log(line);

/** The rule sets' costs (see the header): every linted file re-linted under five configs, interleaved. */
async function ruleCosts() {
  const { default: plugin, files } = await import(dist('plugin.js'));
  const { takeRecorded } = await import(dist('scanner/detect/summary.js'));
  const { takeEvidence } = await import(dist('rule-kit/evidence.js'));
  const { FlatConfigArray } = require(
    path.join(path.dirname(require.resolve('eslint/package.json')), 'lib', 'config', 'flat-config-array.js'),
  );
  const base = plugin.configs.recommended;
  const normalised = (configs) => {
    const a = new FlatConfigArray(configs, { basePath: root });
    a.normalizeSync();
    return a;
  };
  const ignores = { ignores: ['!**/node_modules/'] };
  const lintOptions = { reportUnusedDisableDirectives: 'off' };
  const auditSettings = { keyhygiene: { importsOnDisk: false, minEvidence: 'name', recordEvidence: true } };
  const configs = {
    floor: normalised([ignores, { files, languageOptions: base.languageOptions, linterOptions: lintOptions }]),
    recommended: normalised([ignores, { ...base, linterOptions: lintOptions }]),
    recommendedAuditSettings: normalised([ignores, { ...base, linterOptions: lintOptions, settings: auditSettings }]),
    noSummary: auditConfig,
    audit: auditConfig,
  };
  const realCreate = summaryRule.create;
  const best = {};
  const perRound = {};
  const order = Object.entries(configs);
  for (let k = 0; k < ruleRounds; k++)
    // Each round starts one configuration later, so none is always the first (coldest) or the last.
    for (const [name, config] of [...order.slice(k % order.length), ...order.slice(0, k % order.length)]) {
      if (name === 'noSummary') summaryRule.create = () => ({});
      const t = threadCpu();
      for (const f of linted) {
        f.cwd.verify(f.text, config, { filename: f.filename });
        takeRecorded();
        takeEvidence();
      }
      const ms = threadCpu() - t;
      summaryRule.create = realCreate;
      best[name] = Math.min(best[name] ?? Infinity, ms);
      (perRound[name] ??= []).push(r(ms));
    }
  const b = Object.fromEntries(Object.entries(best).map(([k, v]) => [k, r(v)]));
  return {
    files: linted.length,
    rounds: ruleRounds,
    ...b,
    summaryRule: b.audit - b.noSummary,
    auditOverrides: b.noSummary - b.recommendedAuditSettings,
    auditSettings: b.recommendedAuditSettings - b.recommended,
    recommendedRules: b.recommended - b.floor,
    perRound,
  };
}
