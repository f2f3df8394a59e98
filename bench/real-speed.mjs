#!/usr/bin/env node
/**
 * The audit's speed on real TypeScript repositories with tsconfigs, at pinned commits (issue 13).
 *
 *   node bench/real-speed.mjs [--repos typeorm,trpc,juice-shop] [--no-history] [--rounds N] [--json FILE] [--update]
 *   node bench/real-speed.mjs --compare FILE     only the regression check, on figures saved with --json
 *
 * Per repository, back to back in one run, each in its own process:
 *   1. parse-only ESLint (same @typescript-eslint/parser, no rules) over the files the audit lints, then the same
 *      with the plugin's `recommended` preset (its CPU ratio is issue 11's speed target), then the audit, cold, in
 *      the DEFAULT configuration (no `workers` option: the audit's own thread count, which is 1 up to 2 cores; the
 *      cache written as `keyhygiene audit` does): the headline CPU ratio. `--rounds N` (default 1) runs these three
 *      N times, interleaved; each ratio is taken within its round and the median across rounds is reported, with
 *      the audit's excess over the lint per round (one run of each moves by 10% and more on a shared machine:
 *      docs/benchmarks.md, speed15b). Each run also reports the CPU of its main thread and of V8's helper threads;
 *   2. once per run (the first repository measured; `--no-ceiling` skips it): two parse-only processes side by
 *      side, for the machine's parallel ceiling (how much two independent processes gain over one after the
 *      other: the bound on what 2 analysis threads can gain there);
 *   3. the audit again, reading the last round's cache;  4. the audit, cold, with 2 analysis threads (the main
 *      thread and one worker), no cache, and with 1 when that is not the default;  5./6. with --history
 *      (repositories marked `history`), 2 threads, cold and cached.
 * It prints the phase times (walk, lint, text files, cross-file, history) and the peak memory of each phase (RSS,
 * V8 heap, external) of the default configuration, the audit's CPU ÷ the parse-only CPU (user+sys of the whole process tree, from `/usr/bin/time`) in the default
 * configuration and with 2 threads, peak RSS (the audit process's maximum resident set, worker threads included:
 * they share it), the 1-vs-2 thread wall ratio against the parallel ceiling, the cached/cold ratio, the
 * cross-file findings, and the load average before and after (so a quiet-machine run can be told apart).
 *
 * Snapshots: bare git directories `<owner>+<name>/repo` under $KEYHYGIENE_REAL_REPOS (default
 * /work/.mirror). A missing snapshot or commit skips that repository with a message (CI has no network).
 *
 * Regressions: the figures committed in docs/benchmarks.md (the JSON block between the `real-speed`
 * markers) are the baseline. `phases`, `auditCpuMs` and `cpuRatio` are the 2-thread run's (as in every
 * committed block); `defaultCpuMs` and `defaultCpuRatio` the default configuration's. Each phase (wall-clock) is compared after scaling by the parse-only wall time
 * of the same run, and the audit's CPU by the parse-only CPU (so a slower or busier machine does not read
 * as a regression); more than 25% (and 1 s) above the baseline fails the bench with exit code 1.
 * `--update` writes this run's figures as the new baseline (run Prettier on the doc afterwards).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  baselineFrom,
  mainThreadSplit,
  parallelCeiling,
  regressionsOf,
  roundFigures,
  withBaseline,
} from './lib/real-speed-compare.mjs';
import { ROOT } from './lib/tools.mjs';

const REPOS = [
  {
    id: 'typeorm',
    repo: 'typeorm/typeorm',
    commit: '281bfba42a5813b106bcf5ba79bc7f7251bd1e73',
    kind: 'large: about 358k lines, 5 tsconfigs',
  },
  {
    id: 'trpc',
    repo: 'trpc/trpc',
    commit: '340811ba5320637fbaf48fccf3dbfdd258bd34db',
    kind: 'monorepo: pnpm workspaces, 49 tsconfigs',
  },
  {
    id: 'juice-shop',
    repo: 'juice-shop/juice-shop',
    commit: '33518f5a0911e25d9df747b1e70fb7af279a755c',
    kind: 'application: Express + Angular, 23k commits',
    history: true,
  },
];
const DOC = join(ROOT, 'docs', 'benchmarks.md');

const { values: args } = parseArgs({
  strict: false,
  options: {
    repos: { type: 'string' },
    'no-history': { type: 'boolean' },
    json: { type: 'string' },
    update: { type: 'boolean' },
    compare: { type: 'string' },
    'no-ceiling': { type: 'boolean' },
    rounds: { type: 'string' },
  },
});
// `--rounds` without a number parses as `true` (strict: false): refused below, not taken as 1.
const ROUNDS = args.rounds === undefined ? 1 : typeof args.rounds === 'string' ? Number(args.rounds) : Number.NaN;
if (!Number.isInteger(ROUNDS) || ROUNDS < 1 || ROUNDS > 20) {
  console.error('--rounds must be a whole number from 1 to 20');
  process.exit(2);
}
const wanted = typeof args.repos === 'string' ? args.repos.split(',') : REPOS.map((r) => r.id);
const snapshots = process.env.KEYHYGIENE_REAL_REPOS ?? '/work/.mirror';
const HERE = dirname(fileURLToPath(import.meta.url));
const RUN = join(HERE, 'lib', 'real-speed-run.mjs');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
// The audit's default thread count (`defaultThreads` in src/scanner/index.ts), for the output only: the default
// run passes no `workers` option, so the audit itself decides.
const DEFAULT_THREADS = Math.max(1, availableParallelism() - 1);

if (!existsSync(join(ROOT, 'dist', 'src', 'scanner', 'index.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(2);
}

/** Runs one measured child; resolves its JSON line plus the tree's CPU and peak RSS. */
function measured(argv) {
  return new Promise((resolve, reject) => {
    const cmd = TIME ? TIME : process.execPath;
    const full = TIME ? ['-f', 'KHTIME %e %U %S %M', process.execPath, RUN, ...argv] : [RUN, ...argv];
    const child = spawn(cmd, full, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (err += b));
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{'))
        return reject(new Error(`${argv.join(' ')} failed (${code}): ${err.slice(-800)}`));
      const r = JSON.parse(line);
      const t = /KHTIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(err);
      if (t) {
        r.treeWallMs = Math.round(Number(t[1]) * 1000);
        r.treeCpuMs = Math.round((Number(t[2]) + Number(t[3])) * 1000);
        r.maxRssMiB = Math.round(Number(t[4]) / 1024);
      } else {
        r.treeWallMs = r.wallMs;
        r.treeCpuMs = r.selfCpuMs;
        r.maxRssMiB = r.selfMaxRssMiB;
      }
      resolve(r);
    });
  });
}

/** A checkout of the pinned commit, with only that history (so `--history` reads a pinned set of commits). */
function checkout(spec) {
  const gitDir = join(snapshots, spec.repo.replace('/', '+'), 'repo');
  if (!existsSync(gitDir)) return { skip: `no snapshot at ${gitDir}` };
  try {
    execFileSync('git', ['--git-dir', gitDir, 'cat-file', '-e', `${spec.commit}^{commit}`], { stdio: 'ignore' });
  } catch {
    return { skip: `the snapshot at ${gitDir} does not hold commit ${spec.commit.slice(0, 12)}` };
  }
  const dir = mkdtempSync(join(tmpdir(), `kh-real-${spec.id}-`));
  const git = (...a) => execFileSync('git', ['-C', dir, ...a], { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  execFileSync('git', ['clone', '-q', '--no-checkout', gitDir, dir], { stdio: 'ignore' });
  git('-c', 'advice.detachedHead=false', 'checkout', '-q', '-B', 'bench', spec.commit);
  git('remote', 'remove', 'origin');
  const tags = git('tag', '-l').split('\n').filter(Boolean);
  for (let i = 0; i < tags.length; i += 200) git('tag', '-d', ...tags.slice(i, i + 200));
  return { dir, commits: Number(git('rev-list', '--count', 'HEAD').trim()) };
}

/** The files the audit lints: its own walk, JS/TS only, under the size limit. */
async function codeFiles(dir) {
  const { walk } = await import(pathToFileURL(join(ROOT, 'dist', 'src', 'scanner', 'sources', 'files.js')).href);
  const { isCodeFile } = await import(pathToFileURL(join(ROOT, 'dist', 'src', 'scanner', 'code-files.js')).href);
  const w = await walk(dir, {});
  return w.files.filter((f) => isCodeFile(f.rel) && f.size <= 5 * 1024 * 1024).map((f) => f.abs);
}

const phasesOf = (t) => {
  // The file phase runs lint and text files interleaved in the workers: split its wall time by thread time.
  const work = t.lintMs + t.textMs || 1;
  return {
    walk: t.walkMs,
    lint: Math.round((t.filesMs * t.lintMs) / work),
    text: Math.round((t.filesMs * t.textMs) / work),
    crossFile: t.crossFileMs,
    history: t.historyMs,
  };
};

const s = (ms) => (ms / 1000).toFixed(1);
/** `phase RSS MiB (heap H, external E)` for each phase of one run (bench/lib/real-speed-run.mjs, `memory`). */
const memoryLine = (memory) =>
  Object.entries(memory ?? {})
    .map(([phase, m]) => `${phase} ${m.rssMiB} MiB (heap ${m.heapUsedMiB}, external ${m.externalMiB})`)
    .join(', ') || 'not measured';
const threads = (n) => `${n} thread${n === 1 ? '' : 's'}`;
let ceiling;
const results = typeof args.compare === 'string' ? JSON.parse(readFileSync(args.compare, 'utf8')) : [];
for (const spec of typeof args.compare === 'string' ? [] : REPOS.filter((r) => wanted.includes(r.id))) {
  console.log(`\n## ${spec.id} (${spec.repo} @ ${spec.commit.slice(0, 12)}; ${spec.kind})`);
  const co = checkout(spec);
  if (co.skip) {
    console.log(`skipped: ${co.skip}. Fetch the repository (a bare clone at that path) to run this section.`);
    continue;
  }
  try {
    const files = await codeFiles(co.dir);
    const list = join(co.dir, '..', `${spec.id}-files-${process.pid}.json`);
    writeFileSync(list, JSON.stringify(files));
    let cache;
    const loadStart = loadavg().map((l) => Number(l.toFixed(2)));
    // Parse-only, lint and the cold audit, one after the other, ROUNDS times. The last round's runs are the ones the
    // single-run figures read: its parse-only wall time (the ceiling, the phases' scale), its audit's phases, memory
    // and cache (the cached run, and the 1-thread run when that is the default).
    const rounds = [];
    let floor;
    let cold;
    for (let k = 0; k < ROUNDS; k++) {
      const f = await measured(['floor', co.dir, list]);
      const l = await measured(['lint', co.dir, list]);
      if (cache) rmSync(cache, { recursive: true, force: true });
      cache = mkdtempSync(join(tmpdir(), `kh-real-cache-${spec.id}-`));
      const a = await measured(['audit', co.dir, '--workers', 'default', '--cache', cache]);
      floor = f;
      cold = a;
      rounds.push({
        floorCpuMs: f.treeCpuMs,
        recommendedCpuMs: l.treeCpuMs,
        defaultCpuMs: a.treeCpuMs,
        threads: { floor: f.threadCpuMs, lint: l.threadCpuMs, audit: a.threadCpuMs },
        mainCpu: { floor: f.mainCpuMs, lint: l.mainCpuMs, audit: a.mainCpuMs },
      });
    }
    const fig = roundFigures(rounds);
    if (!ceiling && !args['no-ceiling']) {
      const pair = await Promise.all([measured(['floor', co.dir, list]), measured(['floor', co.dir, list])]);
      ceiling = {
        repo: spec.id,
        loadStart: loadStart[0],
        aloneWallMs: floor.treeWallMs,
        aloneCpuMs: floor.treeCpuMs,
        pairWallMs: pair.map((p) => p.treeWallMs),
        pairCpuMs: pair.map((p) => p.treeCpuMs),
        speedup: parallelCeiling(
          floor.treeWallMs,
          pair.map((p) => p.treeWallMs),
        ),
      };
    }
    const warm = await measured(['audit', co.dir, '--workers', 'default', '--cache', cache]);
    const two = DEFAULT_THREADS === 2 ? cold : await measured(['audit', co.dir, '--workers', '2']);
    const one = DEFAULT_THREADS === 1 ? cold : await measured(['audit', co.dir, '--workers', '1']);
    let hist;
    if (spec.history && !args['no-history']) {
      const hcache = mkdtempSync(join(tmpdir(), `kh-real-hcache-${spec.id}-`));
      const first = await measured(['audit', co.dir, '--workers', '2', '--cache', hcache, '--history']);
      const second = await measured(['audit', co.dir, '--workers', '2', '--cache', hcache, '--history']);
      hist = { commits: co.commits, first, second };
      rmSync(hcache, { recursive: true, force: true });
    }
    const loadEnd = loadavg().map((l) => Number(l.toFixed(2)));
    rmSync(cache, { recursive: true, force: true });
    rmSync(list, { force: true });
    const r = {
      id: spec.id,
      commit: spec.commit,
      files: cold.files,
      lines: cold.lines,
      floorCpuMs: fig.floorCpuMs,
      floorWallMs: floor.wallMs,
      floorFatal: floor.fatal,
      recommendedCpuMs: fig.recommendedCpuMs,
      recommendedRatio: fig.recommendedRatio,
      defaultThreads: DEFAULT_THREADS,
      defaultCpuMs: fig.defaultCpuMs,
      defaultCpuRatio: fig.defaultCpuRatio,
      defaultWallMs: cold.wallMs,
      defaultMaxRssMiB: cold.maxRssMiB,
      defaultMemory: cold.memory,
      defaultPhases: phasesOf(cold.timings),
      auditCpuMs: two.treeCpuMs,
      auditWallMs: two.wallMs,
      cpuRatio: Number((two.treeCpuMs / fig.floorCpuMs).toFixed(2)),
      maxRssMiB: two.maxRssMiB,
      memory: two.memory,
      phases: phasesOf(two.timings),
      crossFile: cold.timings.crossFile,
      crossFileFindings: cold.crossFile,
      oneWorkerWallMs: one.wallMs,
      oneWorkerCpuMs: one.treeCpuMs,
      oneWorkerCpuRatio: Number((one.treeCpuMs / fig.floorCpuMs).toFixed(2)),
      oneWorkerMaxRssMiB: one.maxRssMiB,
      load: { start: loadStart, end: loadEnd, cores: availableParallelism() },
      workerSpeedup: Number((one.wallMs / two.wallMs).toFixed(2)),
      ...(ceiling?.repo === spec.id ? { parallelCeiling: ceiling } : {}),
      cachedWallMs: warm.wallMs,
      cachedRatio: Number((warm.wallMs / cold.wallMs).toFixed(3)),
      auditOverLint: fig.auditOverLint,
      rounds,
      ...(hist
        ? {
            history: {
              commits: hist.commits,
              firstWallMs: hist.first.wallMs,
              firstHistoryMs: hist.first.timings.historyMs,
              secondWallMs: hist.second.wallMs,
              secondHistoryMs: hist.second.timings.historyMs,
              findings: hist.first.history,
              cachedRatio: Number((hist.second.wallMs / hist.first.wallMs).toFixed(3)),
            },
          }
        : {}),
    };
    results.push(r);
    const p = r.defaultPhases;
    const met = (ok) => (ok ? 'met' : 'MISSED');
    console.log(`files ${r.files}, lines ${r.lines.toLocaleString('en-US')}`);
    console.log(
      `machine: ${r.load.cores} cores, load average ${r.load.start.join(' ')} at the start and ${r.load.end.join(' ')} at the end (wall times and the worker ratio mean little above 1 per core)`,
    );
    if (ceiling)
      console.log(
        `this machine's parallel ceiling: ${ceiling.speedup}× (two parse-only ESLint processes side by side on ${ceiling.repo}: ${s(ceiling.pairWallMs[0])} / ${s(ceiling.pairWallMs[1])} s wall and ${s(ceiling.pairCpuMs[0])} / ${s(ceiling.pairCpuMs[1])} s CPU, against ${s(ceiling.aloneWallMs)} s wall and ${s(ceiling.aloneCpuMs)} s CPU alone, i.e. ${(ceiling.aloneCpuMs / ceiling.aloneWallMs).toFixed(2)} cores busy for one); 2 analysis threads cannot be faster than that here${ceiling.loadStart > r.load.cores ? ` (measured at load ${ceiling.loadStart} on ${r.load.cores} cores: this is the share other jobs left, not the machine's ceiling)` : ''}`,
      );
    console.log(
      `phases (wall s, default configuration): walk ${s(p.walk)}, lint ${s(p.lint)}, text files ${s(p.text)}, cross-file ${s(p.crossFile)}, history ${s(p.history)} (not run)`,
    );
    console.log(
      `CPU, DEFAULT configuration (${threads(r.defaultThreads)} on ${r.load.cores} cores, cache written): parse-only ESLint ${s(r.floorCpuMs)} s, audit ${s(r.defaultCpuMs)} s → ${r.defaultCpuRatio}× (target ≤ 1.5×, goal 1.25×) ${met(r.defaultCpuRatio <= 1.5)}, peak RSS ${r.defaultMaxRssMiB} MiB`,
    );
    console.log(`peak memory by phase, default configuration: ${memoryLine(r.defaultMemory)}`);
    if (rounds.length > 1) {
      const o = r.auditOverLint;
      const main = (k) => rounds.map((x) => s(x.threads[k]?.main ?? 0)).join(' / ');
      console.log(
        `${rounds.length} interleaved rounds (parse-only, recommended, audit): parse-only CPU ${rounds.map((x) => s(x.floorCpuMs)).join(' / ')} s; the audit over the lint ${o.perRound.map((x) => `${x.toFixed(2)}×`).join(', ')} (median ${o.median.toFixed(2)}×, spread ${(o.max - o.min).toFixed(2)}×); main-thread CPU parse-only ${main('floor')} s, lint ${main('lint')} s, audit ${main('audit')} s; the figures below are the medians of the per-round ratios`,
      );
    }
    const split = DEFAULT_THREADS === 1 ? mainThreadSplit(rounds) : undefined;
    if (split) {
      const sign = (ms) => `${ms < 0 ? '−' : '+'}${s(Math.abs(ms))}`;
      console.log(
        `main thread, the audit − the lint per round: inside ESLint's verify ${split.map((x) => sign(x.verify)).join(' / ')} s, outside it ${split.map((x) => sign(x.rest)).join(' / ')} s`,
      );
    }
    const ap = rounds.at(-1)?.mainCpu?.audit?.phases;
    if (ap)
      console.log(
        `phases (main-thread CPU s, default configuration, last round): import ${s(ap.import ?? 0)}, walk ${s((ap.start ?? 0) + (ap.walk ?? 0))}, files ${s(ap.files ?? 0)} (ESLint's verify ${s(rounds.at(-1).mainCpu.audit.verify)}), cross-file ${s(ap['cross-file'] ?? 0)}, history ${s(ap.history ?? 0)}, report ${s(ap.report ?? 0)}`,
      );
    if (r.memory !== undefined && r.defaultThreads !== 2)
      console.log(`peak memory by phase, 2 threads: ${memoryLine(r.memory)}`);
    console.log(
      `recommended lint (the plugin's preset, same files and parser): CPU ${s(r.recommendedCpuMs)} s → ${r.recommendedRatio}× parse-only (target ≤ 1.25×) ${met(r.recommendedRatio <= 1.25)}; the audit adds ${r.auditOverLint.median.toFixed(2)}× over it`,
    );
    console.log(
      `2 threads: CPU ${s(r.auditCpuMs)} s → ${r.cpuRatio}× parse-only, peak RSS ${r.maxRssMiB} MiB (target < 1024 MiB at 350k lines) ${met(r.maxRssMiB < 1024)}`,
    );
    if (r.defaultThreads !== 1)
      console.log(
        `1 thread: CPU ${s(r.oneWorkerCpuMs)} s → ${r.oneWorkerCpuRatio}× parse-only, peak RSS ${r.oneWorkerMaxRssMiB} MiB`,
      );
    console.log(
      `wall: 1 thread ${s(r.oneWorkerWallMs)} s, 2 threads ${s(r.auditWallMs)} s → ${r.workerSpeedup}× (target ≥ 1.7×) ${met(r.workerSpeedup >= 1.7)}${ceiling ? `; this machine's parallel ceiling is ${ceiling.speedup}×` : ''}`,
    );
    console.log(
      `second run with the cache (default configuration): ${s(r.cachedWallMs)} s = ${(r.cachedRatio * 100).toFixed(1)}% of the first (target < 10%) ${met(r.cachedRatio < 0.1)}`,
    );
    console.log(
      `cross-file: ${r.crossFile ? `${r.crossFile.summaries} summaries, ${r.crossFile.candidates} candidates, ${r.crossFile.projectFiles} files in the ts-morph project` : 'from cache'}; findings: ${r.crossFileFindings.length === 0 ? 'none' : r.crossFileFindings.map((f) => `${f.ruleId} ${f.file}:${f.line}`).join('; ')}`,
    );
    if (r.history) {
      const h = r.history;
      console.log(
        `--history over ${h.commits} commits: first ${s(h.firstWallMs)} s (history phase ${s(h.firstHistoryMs)} s, ${h.findings} findings), second ${s(h.secondWallMs)} s (history phase ${s(h.secondHistoryMs)} s) = ${(h.cachedRatio * 100).toFixed(1)}% ${h.cachedRatio < 0.1 ? 'met' : 'MISSED'}`,
      );
    }
  } finally {
    rmSync(co.dir, { recursive: true, force: true });
  }
}

if (results.length === 0) {
  console.log('\nreal-speed: no repository snapshot available, nothing measured (this is not a failure).');
  process.exit(0);
}
if (typeof args.json === 'string') writeFileSync(args.json, JSON.stringify(results, null, 2));

// ---- regressions against the committed figures (bench/lib/real-speed-compare.mjs) --------------------------
const doc = readFileSync(DOC, 'utf8');
const { regressions, unknown } = regressionsOf(results, baselineFrom(doc));
for (const id of unknown) console.log(`\n${id}: no committed baseline in docs/benchmarks.md yet`);
if (args.update) {
  writeFileSync(DOC, withBaseline(doc, results));
  console.log('\nreal-speed: docs/benchmarks.md baseline updated');
}
if (regressions.length > 0) {
  console.error('\nREAL-SPEED REGRESSION (more than 25% over the committed figures):');
  for (const r of regressions) console.error(`  ✗ ${r}`);
  process.exit(1);
}
console.log('\nreal-speed: no phase regressed by more than 25% against docs/benchmarks.md');
