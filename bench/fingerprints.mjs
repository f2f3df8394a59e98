#!/usr/bin/env node
// The cost of salted, slow fingerprints (issue 16): `keyhygiene audit` over a generated git repository
// holding N distinct low-entropy passwords (`.env` files and docker-compose YAML, 10 per file), the same
// command each time, cold (`--no-cache`) and warm (a second run with the on-disk cache). With
// `--compare DIR`, the same runs with the build in DIR (for example keyhygiene 0.1, built from the commit
// before this change) give the "before" column. Figures go to stdout and, with --json, to a file.
//
//   node bench/fingerprints.mjs [--passwords 1000] [--runs 1] [--compare /tmp/kh-base] [--json out.json]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    passwords: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '1' },
    compare: { type: 'string' },
    json: { type: 'string' },
  },
});
const n = Number(values.passwords);
const runs = Number(values.runs);
if (!Number.isInteger(n) || n < 10 || !Number.isInteger(runs) || runs < 1) {
  console.error('bench/fingerprints: --passwords must be an integer >= 10 and --runs >= 1');
  process.exit(2);
}

// Human-style passwords, all distinct: a word, a number, sometimes a symbol (6 to 14 characters).
const words = [
  'summer',
  'dragon',
  'monkey',
  'shadow',
  'master',
  'sunshine',
  'football',
  'princess',
  'welcome',
  'freedom',
];
const password = (i) => `${words[i % words.length]}${Math.floor(i / words.length)}${i % 3 === 0 ? '!' : ''}`;

function makeTree() {
  const dir = mkdtempSync(join(tmpdir(), 'kh-bench-fp-'));
  execFileSync('git', ['init', '-q', dir]);
  for (let f = 0; f * 10 < n; f++) {
    const pw = Array.from({ length: Math.min(10, n - f * 10) }, (_, k) => password(f * 10 + k));
    const svc = join(dir, 'services', `svc${f}`);
    mkdirSync(svc, { recursive: true });
    if (f % 2 === 0) writeFileSync(join(svc, '.env'), pw.map((p, k) => `SERVICE${k}_PASSWORD=${p}`).join('\n') + '\n');
    else
      writeFileSync(
        join(svc, 'docker-compose.yml'),
        `services:\n  app:\n    image: app:1\n    environment:\n${pw.map((p, k) => `      DB${k}_PASSWORD: ${p}`).join('\n')}\n`,
      );
  }
  execFileSync('git', ['-C', dir, 'add', '.']);
  execFileSync('git', ['-C', dir, '-c', 'user.name=b', '-c', 'user.email=b@example.com', 'commit', '-q', '-m', 'root']);
  return dir;
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * One audit, the same command for every build. Returns wall-clock ms, CPU ms (user + system, from
 * /usr/bin/time when the machine has it: on a shared machine CPU time is the steadier figure) and the
 * number of findings.
 */
function auditOnce(build, tree, cache) {
  const out = join(tree, '..', `${tree.split('/').pop()}-report.json`);
  const args = [join(build, 'dist/src/cli/bin.js'), 'audit', tree, '--format', `json=${out}`, '--no-progress'];
  if (!cache) args.push('--no-cache');
  const [cmd, argv] = TIME ? [TIME, ['-f', 'cpu %U %S', process.execPath, ...args]] : [process.execPath, args];
  const t = performance.now();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', env: { ...process.env, CI: '1' } });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`audit failed (${r.status}): ${r.stderr.split('\n')[0]}`);
  const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
  const findings = JSON.parse(readFileSync(out, 'utf8')).findings.length;
  rmSync(out, { force: true });
  return { ms, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined, findings };
}

function measure(build) {
  const rows = { cold: [], warm: [] };
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const tree = makeTree();
    try {
      const c = auditOnce(build, tree, false);
      rows.cold.push(c);
      findings = c.findings;
      auditOnce(build, tree, true); // fills the cache
      rows.warm.push(auditOnce(build, tree, true));
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  }
  const median = (a) => Math.round([...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]);
  const cpu = (a) => (a.every((r) => r.cpuMs !== undefined) ? median(a.map((r) => r.cpuMs)) : undefined);
  return {
    coldMs: median(rows.cold.map((r) => r.ms)),
    coldCpuMs: cpu(rows.cold),
    warmMs: median(rows.warm.map((r) => r.ms)),
    warmCpuMs: cpu(rows.warm),
    findings,
  };
}

// The cost of one fingerprint on each path, in this process (CPU time, the steadier figure on a shared machine).
const { createFingerprinter, SCRYPT_PARAMS } = await import(join(here, 'dist/src/detect/index.js'));
function perValue(values) {
  const fp = createFingerprinter(new Uint8Array(32).fill(1));
  const t = process.cpuUsage();
  for (const v of values) fp.secret(v);
  const u = process.cpuUsage(t);
  return (u.user + u.system) / 1000 / values.length;
}
const slowMs = perValue(Array.from({ length: 20 }, (_, i) => password(i)));
const fastMs = perValue(
  Array.from(
    { length: 2000 },
    (_, i) => `ghp_${(i * 7919).toString(36).padStart(8, 'q')}Zx9Kp2Lm4Qr7Tv1Wy3Bn6Cd8Fg0Hj5`,
  ),
);
const p = SCRYPT_PARAMS;
console.log(
  `per value: scrypt (N=2^${Math.log2(p.N)}, r=${p.r}, p=${p.p}) ${slowMs.toFixed(1)} ms CPU, HMAC-SHA-256 ${(fastMs * 1000).toFixed(1)} µs CPU`,
);

const after = measure(here);
const before = values.compare ? measure(resolve(values.compare)) : undefined;
const pct = (a, b) => (a === undefined || b === undefined ? 'n/a' : `${(((a - b) / b) * 100).toFixed(0)}%`);
const line = (r) =>
  `cold ${r.coldMs} ms wall / ${r.coldCpuMs ?? '?'} ms CPU, warm cache ${r.warmMs} ms wall / ${r.warmCpuMs ?? '?'} ms CPU, ${r.findings} findings`;
console.log(
  `fingerprints: ${n} distinct low-entropy passwords, ${runs} run(s), medians; load average ${loadavg()[0].toFixed(1)}`,
);
console.log(`  after  (this build): ${line(after)}`);
if (before) {
  console.log(`  before (${values.compare}): ${line(before)}`);
  console.log(
    `  growth: cold ${pct(after.coldMs, before.coldMs)} wall / ${pct(after.coldCpuMs, before.coldCpuMs)} CPU, warm cache ${pct(after.warmMs, before.warmMs)} wall / ${pct(after.warmCpuMs, before.warmCpuMs)} CPU`,
  );
}
if (values.json)
  writeFileSync(values.json, JSON.stringify({ passwords: n, runs, slowMs, fastMs, after, before }, null, 2));
