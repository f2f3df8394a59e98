#!/usr/bin/env node
/**
 * Speed benchmark: real code this machine already has (the installed sources of eslint, typescript-eslint,
 * ts-morph and other large packages in node_modules), copied into a temporary tree; every tool timed over
 * the same tree in one run, alternating, median of --runs runs, each run in its own process.
 *
 *   node bench/speed.mjs [--files 2000] [--runs 5] [--secretlint-files 300] [--tools a,b] [--json FILE] [--keep]
 *
 * Tools: floor (ESLint, same @typescript-eslint/parser, no rules: the parse floor), keyhygiene (recommended),
 * no-secrets, sonarjs (its 9 secret/random/cipher rules), secretlint (preset-recommend, on a bounded subtree:
 * its run time grows faster than the file count, secretlint#1653) and the keyhygiene audit CLI (once it exists).
 * Peak memory: /usr/bin/time -v when present, else VmHWM from /proc/<pid>/status.
 */
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ROOT, SECRETLINT_RC, distCli, posix } from './lib/tools.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ALL = ['floor', 'keyhygiene', 'no-secrets', 'sonarjs', 'secretlint', 'audit'];
const { values: args } = parseArgs({
  options: {
    files: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '5' },
    'secretlint-files': { type: 'string', default: '300' },
    tools: { type: 'string', default: ALL.join(',') },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
    timeout: { type: 'string', default: '900' },
  },
});
const N = Number(args.files);
const RUNS = Math.max(1, Number(args.runs));
const SL_N = Number(args['secretlint-files']);
const TIMEOUT_MS = Number(args.timeout) * 1000;
const tools = args.tools
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
for (const t of tools) if (!ALL.includes(t)) throw new Error(`unknown tool ${t} (known: ${ALL.join(', ')})`);

// ---- the tree ------------------------------------------------------------------------------------
const PACKAGES = [
  'eslint',
  '@typescript-eslint',
  'typescript-eslint',
  'ts-morph',
  '@ts-morph',
  'vitest',
  '@vitest',
  'vite',
  'playwright-core',
  'ajv',
  'yaml',
  'fast-check',
  'secretlint',
  '@secretlint',
  '@cyclonedx',
  'espree',
  'eslint-plugin-sonarjs',
];
const SOURCE = /\.(?:[cm]?js|ts|tsx|mts|cts)$/;
const MAX_BYTES = 256 * 1024; // skip bundled giants (typescript.js is 9 MB): they measure one file, not a codebase
function sources(dir, out = []) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') sources(p, out);
    } else if (e.isFile() && SOURCE.test(e.name) && !/\.d\.[cm]?ts$|\.min\.js$/.test(e.name)) {
      const size = statSync(p).size;
      if (size > 0 && size <= MAX_BYTES) out.push(p);
    }
  }
  return out;
}
const nm = join(ROOT, 'node_modules');
const pools = PACKAGES.filter((p) => existsSync(join(nm, p))).map((p) => sources(join(nm, p)));
const picked = [];
for (let i = 0; picked.length < N && pools.some((pool) => i < pool.length); i++)
  for (const pool of pools) if (i < pool.length && picked.length < N) picked.push(pool[i]);
const tree = mkdtempSync(join(tmpdir(), 'kh-speed-'));
let lines = 0;
let bytes = 0;
for (const src of picked) {
  const dst = join(tree, relative(nm, src));
  mkdirSync(dirname(dst), { recursive: true });
  copyFileSync(src, dst);
  const text = readFileSync(src, 'utf8');
  bytes += text.length;
  lines += text.split('\n').length;
}
const slFiles = picked.slice(0, Math.min(SL_N, picked.length)).map((f) => posix(relative(nm, f)));
let slLines = 0;
for (const f of slFiles) slLines += readFileSync(join(tree, f), 'utf8').split('\n').length;

// ---- running one measurement -------------------------------------------------------------------------
const hasTime = existsSync('/usr/bin/time');
let current = null;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    // stop the measured child (and its /usr/bin/time wrapper's child) and clean up before exiting
    if (current?.pid) {
      try {
        process.kill(-current.pid, 'SIGKILL');
      } catch {
        current.kill('SIGKILL');
      }
    }
    if (!args.keep) rmSync(tree, { recursive: true, force: true });
    process.exit(130);
  });
}
function measure(cmd, argv, cwd) {
  return new Promise((resolveRun) => {
    const full = hasTime ? ['/usr/bin/time', ['-v', cmd, ...argv]] : [cmd, argv];
    const started = performance.now();
    const child = spawn(full[0], full[1], { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    current = child;
    let stdout = '';
    let stderr = '';
    let hwmKb = 0;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const poll = hasTime
      ? undefined
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) hwmKb = Math.max(hwmKb, Number(m[1]));
          } catch {}
        }, 50);
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      const ms = performance.now() - started;
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      if (m) hwmKb = Number(m[1]);
      const status = hasTime ? Number(/Exit status: (\d+)/.exec(stderr)?.[1] ?? code) : code;
      const cpuMs = hasTime
        ? (Number(/User time \(seconds\): ([\d.]+)/.exec(stderr)?.[1] ?? NaN) +
            Number(/System time \(seconds\): ([\d.]+)/.exec(stderr)?.[1] ?? NaN)) *
          1000
        : NaN;
      resolveRun({
        ms,
        cpuMs,
        peakMiB: hwmKb / 1024,
        status,
        signal,
        stdout,
        stderr: stderr.replace(/\n\tCommand being timed[\s\S]*$/, '').slice(-600),
      });
    });
  });
}

const node = process.execPath;
const slBin = join(ROOT, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
const auditAvailable = existsSync(distCli);
const auditOut = join(tmpdir(), `kh-speed-audit-${process.pid}.json`);
const plan = {
  floor: () => [node, [join(HERE, 'lib', 'speed-worker.mjs'), 'floor', tree], tree],
  keyhygiene: () => [node, [join(HERE, 'lib', 'speed-worker.mjs'), 'keyhygiene', tree], tree],
  'no-secrets': () => [node, [join(HERE, 'lib', 'speed-worker.mjs'), 'no-secrets', tree], tree],
  sonarjs: () => [node, [join(HERE, 'lib', 'speed-worker.mjs'), 'sonarjs', tree], tree],
  secretlint: () => [
    node,
    [slBin, '--format', 'json', '--no-color', '--secretlintrcJSON', SECRETLINT_RC, ...slFiles],
    tree,
  ],
  audit: () => [node, [distCli, 'audit', tree, '--no-cache', '--no-progress', '--format', `json=${auditOut}`], tree],
};
const active = tools.filter((t) => t !== 'audit' || auditAvailable);
const samples = Object.fromEntries(active.map((t) => [t, []]));
console.error(
  `tree: ${picked.length} files, ${lines} lines, ${(bytes / 1048576).toFixed(1)} MiB in ${tree}; ${RUNS} runs × ${active.length} tools, alternating`,
);
for (let r = 0; r < RUNS; r++) {
  for (const t of active) {
    const [cmd, argv, cwd] = plan[t]();
    const res = await measure(cmd, argv, cwd);
    samples[t].push(res);
    const ok = t === 'secretlint' || t === 'audit' ? res.status !== null && res.status <= 1 : res.status === 0;
    console.error(
      `run ${r + 1}/${RUNS} ${t.padEnd(11)} ${(res.ms / 1000).toFixed(2)} s  ${res.peakMiB.toFixed(0)} MiB  exit ${res.status ?? res.signal}${ok ? '' : `  FAILED: ${res.stderr.split('\n').slice(-3).join(' | ')}`}`,
    );
  }
}

// ---- report ------------------------------------------------------------------------------------
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const report = {
  tree: { files: picked.length, lines, bytes, packages: PACKAGES.filter((p) => existsSync(join(nm, p))) },
  runs: RUNS,
  memory: hasTime ? '/usr/bin/time -v (max RSS)' : '/proc/<pid>/status VmHWM',
  tools: {},
};
for (const t of active) {
  const s = samples[t];
  const okRuns = s.filter((x) =>
    t === 'secretlint' || t === 'audit' ? x.status !== null && x.status <= 1 : x.status === 0,
  );
  const toolLines = t === 'secretlint' ? slLines : lines;
  const toolFiles = t === 'secretlint' ? slFiles.length : picked.length;
  const ms = okRuns.length ? median(okRuns.map((x) => x.ms)) : null;
  const cpu =
    okRuns.length && okRuns.every((x) => Number.isFinite(x.cpuMs)) ? median(okRuns.map((x) => x.cpuMs)) : null;
  report.tools[t] = {
    files: toolFiles,
    lines: toolLines,
    medianMs: ms && Math.round(ms),
    medianCpuMs: cpu && Math.round(cpu),
    linesPerSecond: ms && Math.round(toolLines / (ms / 1000)),
    peakMiB: okRuns.length ? Math.round(Math.max(...okRuns.map((x) => x.peakMiB))) : null,
    runs: s.map((x) => Math.round(x.ms)),
    failed: s.length - okRuns.length,
    ...(okRuns.length < s.length ? { lastError: s.find((x) => !okRuns.includes(x))?.stderr } : {}),
  };
}
const floor = report.tools.floor;
const ratio = (t) => {
  const r = report.tools[t];
  if (!floor?.medianMs || !r?.medianMs) return null;
  // secretlint runs on a smaller subtree: compare per-line throughput, not wall time
  return t === 'secretlint' ? floor.linesPerSecond / r.linesPerSecond : r.medianMs / floor.medianMs;
};
const cpuRatio = (t) => {
  const r = report.tools[t];
  if (!floor?.medianCpuMs || !r?.medianCpuMs) return null;
  return t === 'secretlint'
    ? r.medianCpuMs / r.lines / (floor.medianCpuMs / floor.lines)
    : r.medianCpuMs / floor.medianCpuMs;
};
for (const t of active) {
  report.tools[t].ratioToFloor = ratio(t) === null ? null : Number(ratio(t).toFixed(2));
  report.tools[t].cpuRatioToFloor = cpuRatio(t) === null ? null : Number(cpuRatio(t).toFixed(2));
}

const pad = (s, n) => String(s).padEnd(n);
const padl = (s, n) => String(s).padStart(n);
const out = [];
out.push(
  `Speed benchmark: ${picked.length} files, ${lines.toLocaleString('en')} lines of installed package sources (${report.tree.packages.join(', ')}), median of ${RUNS} alternating runs, each in its own process (includes Node start-up and module loading).`,
);
out.push(`Peak memory: ${report.memory}. Machine: ${process.platform} ${process.arch}, Node ${process.version}.`);
out.push('');
out.push(
  `${pad('tool', 14)}${padl('files', 7)}${padl('lines', 10)}${padl('wall s', 9)}${padl('lines/s', 10)}${padl('peak MiB', 10)}${padl('× floor', 9)}${padl('CPU s', 8)}${padl('CPU × floor', 13)}`,
);
out.push('-'.repeat(90));
for (const t of ALL) {
  if (!tools.includes(t)) continue;
  const r = report.tools[t];
  if (!r) {
    out.push(`${pad(t, 14)}not available yet (dist/src/cli/bin.js does not exist)`);
    continue;
  }
  if (r.medianMs === null) {
    out.push(
      `${pad(t, 14)}failed in all ${r.failed} runs: ${String(r.lastError ?? '')
        .split('\n')
        .slice(-2)
        .join(' ')
        .slice(0, 200)}`,
    );
    continue;
  }
  out.push(
    `${pad(t, 14)}${padl(r.files, 7)}${padl(r.lines.toLocaleString('en'), 10)}${padl((r.medianMs / 1000).toFixed(2), 9)}${padl(r.linesPerSecond.toLocaleString('en'), 10)}${padl(r.peakMiB, 10)}${padl(r.ratioToFloor === null ? '—' : r.ratioToFloor.toFixed(2), 9)}${padl(r.medianCpuMs === null ? '—' : (r.medianCpuMs / 1000).toFixed(2), 8)}${padl(r.cpuRatioToFloor === null ? '—' : r.cpuRatioToFloor.toFixed(2), 13)}${r.failed ? `  (${r.failed} failed runs)` : ''}`,
  );
}
out.push('-'.repeat(90));
out.push(
  'wall s and lines/s are medians of wall-clock time; CPU s is user+system time of the process (steadier on a shared machine). × floor: ratio to ESLint with no rules.',
);
if (report.tools.secretlint)
  out.push(
    `secretlint ran on the first ${slFiles.length} files only (its run time grows faster than the file count; secretlint#1653); its × floor compares lines/s.`,
  );
const verdict = (ok) => (ok === null ? 'not measured' : ok ? 'met' : 'MISSED');
const kh = report.tools.keyhygiene?.cpuRatioToFloor ?? report.tools.keyhygiene?.ratioToFloor ?? null;
const au = report.tools.audit?.cpuRatioToFloor ?? report.tools.audit?.ratioToFloor ?? null;
out.push(
  `Targets (issue 6, judged on CPU time): recommended rule set within 1.25× of parse-only ESLint: ${kh === null ? 'not measured' : `${kh.toFixed(2)}× ${verdict(kh <= 1.25)}`}; audit (no history) within 2× of parse-only ESLint: ${au === null ? 'not measured' : `${au.toFixed(2)}× ${verdict(au <= 2)}`}.`,
);
const peak = Math.max(
  ...active.filter((t) => t.startsWith('key') || t === 'audit').map((t) => report.tools[t].peakMiB ?? 0),
);
out.push(
  `Peak memory target: under 1 GiB for 200k lines. Measured at ${lines.toLocaleString('en')} lines: keyhygiene ${report.tools.keyhygiene?.peakMiB ?? '—'} MiB${report.tools.audit ? `, audit ${report.tools.audit.peakMiB ?? '—'} MiB` : ''}${lines < 200_000 ? ' (run with a larger --files to measure at 200k lines)' : peak ? ` → ${verdict(peak < 1024)}` : ''}.`,
);
console.log(out.join('\n'));
if (args.json) writeFileSync(resolve(args.json), JSON.stringify(report, null, 2) + '\n');
rmSync(auditOut, { force: true });
if (!args.keep) rmSync(tree, { recursive: true, force: true });
else console.error(`kept ${tree}`);
