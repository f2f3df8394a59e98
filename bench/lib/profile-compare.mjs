#!/usr/bin/env node
/**
 * Before/after CPU comparison of the recommended rule set on one tree, in one run: alternates parse-only
 * ESLint (floor) and keyhygiene from each given checkout (each with its own built dist/), every run in its
 * own process under `/usr/bin/time -v`, and prints the median CPU (user + system) and wall time per tool
 * and the CPU ratio to the floor. The problem count shows that both checkouts report the same number.
 *
 *   node bench/lib/profile-compare.mjs --tree DIR [--runs 3] [--tool keyhygiene] ROOT_BEFORE ROOT_AFTER
 *
 * DIR is a tree kept by `node bench/speed.mjs --keep`; each ROOT is a checkout with `npm run build` done.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args, positionals: roots } = parseArgs({
  allowPositionals: true,
  options: {
    tree: { type: 'string' },
    runs: { type: 'string', default: '3' },
    tool: { type: 'string', default: 'keyhygiene' },
  },
});
if (!args.tree || roots.length === 0) throw new Error('usage: profile-compare.mjs --tree DIR [--runs 3] ROOT...');
const tree = resolve(args.tree);
const plan = [['floor', resolve(roots[0])], ...roots.map((r) => [`${args.tool}@${r}`, resolve(r)])];
const samples = new Map(plan.map(([name]) => [name, []]));
for (let i = 0; i < Number(args.runs); i++) {
  for (const [name, root] of plan) {
    const tool = name === 'floor' ? 'floor' : args.tool;
    const r = spawnSync(
      '/usr/bin/time',
      ['-v', process.execPath, join(root, 'bench', 'lib', 'speed-worker.mjs'), tool, tree],
      { cwd: tree, encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    const num = (re) => Number(re.exec(r.stderr)?.[1] ?? NaN);
    const cpu = num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/);
    const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
    const wallS = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
    const out = JSON.parse(r.stdout.trim().split('\n').pop() || '{}');
    samples.get(name).push({ cpu, wallS, problems: out.problems, fatal: out.fatal });
    console.error(
      `run ${i + 1} ${name}: cpu ${cpu.toFixed(2)} s, wall ${wallS.toFixed(2)} s, problems ${out.problems}, fatal ${out.fatal}`,
    );
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const floorCpu = median(samples.get('floor').map((x) => x.cpu));
for (const [name, xs] of samples) {
  const cpu = median(xs.map((x) => x.cpu));
  console.log(
    `${name.padEnd(40)} CPU ${cpu.toFixed(2)} s (${(cpu / floorCpu).toFixed(2)}× floor)  wall ${median(xs.map((x) => x.wallS)).toFixed(2)} s  problems ${xs.map((x) => x.problems).join('/')}`,
  );
}
