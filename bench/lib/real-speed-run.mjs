#!/usr/bin/env node
/**
 * One timed run for bench/real-speed.mjs, in its own process so the parent can read its CPU time and peak
 * memory (under `/usr/bin/time` when present, which also counts git child processes). Prints one JSON line.
 *
 *   node bench/lib/real-speed-run.mjs floor <root> <files.json>        parse-only ESLint: same parser, no rules
 *   node bench/lib/real-speed-run.mjs lint <root> <files.json>         the same files with `recommended` (issue 11)
 *   node bench/lib/real-speed-run.mjs audit <root> --workers N|default [--cache DIR] [--history]
 *   ... --heap-sample FILE   also write a sampling allocation profile of the lint (or of the whole audit) to FILE
 *     (every allocation sampled, including objects the collector has freed since; read it with
 *     bench/lib/heap-summary.mjs). The profiler costs time: never time a run that takes it.
 *     (`default`: no `workers` option, so the audit picks its own thread count, as `keyhygiene audit` does)
 *
 * An audit run also reports the memory of each phase (`memory`): the process's peak resident set during the
 * phase (from `maxRSS` when the peak grew in it, else the highest sample), and the highest V8 heap and external
 * (Buffer) memory sampled in it. The phases are the audit's progress phases (walk, files, cross-file, history)
 * plus `report` (from the end of the scan to the result). Samples are taken every 20 ms and at each phase
 * change; a sample cannot interrupt a file being linted, but `maxRSS` misses nothing.
 *
 * Every run also reports `threadCpuMs`: the CPU of the main thread and of all other threads (V8's compiler and
 * collector threads, an analysis worker) at exit, from Linux's `/proc/self/task` (omitted elsewhere), and
 * `mainCpuMs`: the main thread's own CPU clock (`/proc/thread-self/schedstat`), as `verify` (inside ESLint's
 * `Linter#verify` on this thread: the parse and every rule, in every mode; with analysis workers only the main
 * thread's files) and, in an audit run, `phases` (each progress phase, `import` being the load of the scanner).
 * The three modes' `verify` against the rest of the main thread is what says whether an audit dearer than its lint
 * pays in the rules or in its own passes (docs/benchmarks.md, speed16b).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Session } from 'node:inspector/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { distPlugin, distScanner } from './tools.mjs';
import { threadClock, threadsCpuMs } from './thread-cpu.mjs';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    workers: { type: 'string', default: '2' },
    cache: { type: 'string' },
    history: { type: 'boolean' },
    'heap-sample': { type: 'string' },
  },
});
const [mode, root, list] = positionals;
const started = performance.now();

// The main thread's CPU clock (ms), where Linux has one: one open file read again at offset 0 (cheap enough to read
// twice per linted file).
const clock = threadClock();
const mainClock = () => (clock ? clock() : 0);
const mainCpu = { verify: 0 };
// In an audit run ESLint is loaded here rather than by the lint runner: the same load, counted in `import`.
const loadStarted = mainClock();
{
  // ESLint's own `Linter` (the one the ESLint class and the audit's lint runner both call), timed per call.
  const { Linter } = createRequire(import.meta.url)('eslint');
  const verify = Linter.prototype.verify;
  Linter.prototype.verify = function timedVerify(...a) {
    const t = mainClock();
    try {
      return verify.apply(this, a);
    } finally {
      mainCpu.verify += mainClock() - t;
    }
  };
}
let out;
if (mode === 'floor' || mode === 'lint') {
  // Imported here, not at the top: an audit run must not pay for loading ESLint and the parser in the harness.
  const { ESLint } = await import('eslint');
  const { default: tsParser } = await import('@typescript-eslint/parser');
  const files = JSON.parse(readFileSync(list, 'utf8'));
  const { default: plugin } = mode === 'lint' ? await import(pathToFileURL(distPlugin).href) : {};
  const config = [
    { ignores: ['!**/node_modules/'] },
    ...(plugin ? [plugin.configs.recommended] : []),
    {
      files: ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
      languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
  ];
  // As users run `eslint <files>`: the ESLint class builds and normalises the config once and reads the files
  // itself (`Linter.verify` given a plain array normalises it again for every file). Both modes run the same
  // way, so `recommended` against parse-only compares only the rules.
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config, cache: false });
  let fatal = 0;
  const sampler = values['heap-sample'] ? await heapSampler() : undefined;
  const results = await eslint.lintFiles(files);
  if (sampler) writeFileSync(values['heap-sample'], JSON.stringify(await sampler.stop()));
  for (const r of results) {
    for (const m of r.messages) {
      if (m.fatal) fatal++;
      // A file the config ignores would be skipped, not linted: the figures would be wrong.
      else if (m.ruleId === null && /ignored/i.test(m.message)) throw new Error(`${r.filePath}: ${m.message}`);
    }
  }
  out = { files: files.length, fatal };
} else if (mode === 'audit') {
  const phases = {};
  let phase = 'import';
  let mark = loadStarted;
  const enter = (next) => {
    if (next === phase) return;
    const now = mainClock();
    phases[phase] = (phases[phase] ?? 0) + now - mark;
    mark = now;
    phase = next;
  };
  mainCpu.phases = phases;
  const { audit } = await import(pathToFileURL(distScanner).href);
  enter('start');
  let timings;
  const memory = phaseMemory();
  const sampler = values['heap-sample'] ? await heapSampler() : undefined;
  const r = await audit({
    root,
    ...(values.workers === 'default' ? {} : { workers: Number(values.workers) }),
    cache: values.cache ?? false,
    ...(values.history ? { history: true } : {}),
    onTimings: (t) => (timings = t),
    onProgress: (p) => {
      memory.enter(p.phase === 'done' ? 'report' : p.phase);
      enter(p.phase === 'done' ? 'report' : p.phase);
    },
  });
  enter('end');
  if (sampler) writeFileSync(values['heap-sample'], JSON.stringify(await sampler.stop()));
  out = {
    files: r.stats.files,
    lines: r.stats.lines,
    findings: r.findings.length,
    crossFile: r.findings
      .filter((f) => f.origin === 'cross-file')
      .map((f) => ({ ruleId: f.ruleId, file: f.location.file, line: f.location.line })),
    history: r.findings.filter((f) => f.origin === 'history').length,
    skipped: r.skipped.length,
    timings,
    memory: memory.end(),
  };
} else throw new Error('usage: real-speed-run.mjs floor|lint|audit <root> ...');
/**
 * V8's sampling heap profiler (one sample per 32 KiB allocated on average), keeping the samples of objects that
 * were collected before the end: what a run allocates, not what it keeps. `--heap-prof` keeps only the latter.
 */
async function heapSampler() {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 32768,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  return {
    async stop() {
      const { profile } = await session.post('HeapProfiler.stopSampling');
      session.disconnect();
      return profile;
    },
  };
}

/** Peak memory per audit phase, in MiB (see the module comment). */
function phaseMemory() {
  const MiB = 1024 * 1024;
  const phases = {};
  let current;
  let peakBefore = 0;
  const sample = () => {
    if (!current) return;
    const m = process.memoryUsage();
    const p = phases[current];
    p.rss = Math.max(p.rss, m.rss / MiB);
    p.heapUsed = Math.max(p.heapUsed, m.heapUsed / MiB);
    p.external = Math.max(p.external, (m.external + m.arrayBuffers) / MiB);
  };
  const close = () => {
    if (!current) return;
    sample();
    const maxRss = process.resourceUsage().maxRSS / 1024;
    const p = phases[current];
    // The process's peak grew during this phase: that new peak is the phase's.
    if (maxRss > peakBefore) p.rss = Math.max(p.rss, maxRss);
    peakBefore = Math.max(peakBefore, maxRss);
  };
  const timer = setInterval(sample, 20);
  timer.unref();
  return {
    enter(phase) {
      if (phase === current) return;
      close();
      peakBefore = process.resourceUsage().maxRSS / 1024;
      current = phase;
      phases[phase] ??= { rss: 0, heapUsed: 0, external: 0 };
      sample();
    },
    end() {
      close();
      clearInterval(timer);
      current = undefined;
      return Object.fromEntries(
        Object.entries(phases).map(([k, v]) => [
          k,
          { rssMiB: Math.round(v.rss), heapUsedMiB: Math.round(v.heapUsed), externalMiB: Math.round(v.external) },
        ]),
      );
    },
  };
}

const threadCpuMs = threadsCpuMs();
const cpu = process.cpuUsage();
console.log(
  JSON.stringify({
    mode,
    ...out,
    wallMs: Math.round(performance.now() - started),
    selfCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    selfMaxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    ...(threadCpuMs ? { threadCpuMs } : {}),
    ...(clock === undefined
      ? {}
      : {
          mainCpuMs: {
            verify: Math.round(mainCpu.verify),
            ...(mainCpu.phases
              ? { phases: Object.fromEntries(Object.entries(mainCpu.phases).map(([k, v]) => [k, Math.round(v)])) }
              : {}),
          },
        }),
  }),
);
