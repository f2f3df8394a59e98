#!/usr/bin/env node
/**
 * secretlint's own fixture suite as a peer benchmark (issue 12): the audit over
 * `../shared/peers/secretlint` (secretlint's rule test inputs with their expected outcomes), scored by the
 * suite's own `score.mjs` at case level: recall on positive cases and the share of negative cases flagged,
 * for secretlint's secret rules and, apart, its policy-only rules.
 *
 *   node bench/secretlint.mjs [--suite DIR] [--details]
 *
 * Needs `npm run build` first. Runs the audit in-process with no cache (a cache left in the suite folder by
 * an older build would replay old findings). Every remaining difference and its reason is listed in
 * docs/benchmarks.md; the suite is read where it lies and never copied into the repository.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './lib/tools.mjs';

const { values: args } = parseArgs({
  options: {
    // `shared/` sits beside the checkout (../shared), or two levels up from a worktree under wt/.
    suite: {
      type: 'string',
      default: [resolve(ROOT, '..', 'shared'), resolve(ROOT, '..', '..', 'shared')]
        .map((d) => join(d, 'peers', 'secretlint'))
        .find((d) => existsSync(join(d, 'score.mjs'))),
    },
    details: { type: 'boolean', default: false },
  },
});
const suite = resolve(args.suite ?? '../shared/peers/secretlint');
if (!existsSync(join(suite, 'score.mjs')) || !existsSync(join(suite, 'labels.json'))) {
  console.log(`secretlint suite: skipped (no score.mjs and labels.json under ${suite}; give --suite DIR)`);
  process.exit(0);
}

const { audit } = await import(join(ROOT, 'dist', 'src', 'scanner', 'index.js'));
const started = process.hrtime.bigint();
const result = await audit({ root: suite, workers: 1, cache: false });
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const out = mkdtempSync(join(tmpdir(), 'kh-secretlint-'));
try {
  const report = join(out, 'report.json');
  // One finding per secret: a value repeated across case files is one finding with its other places in
  // `occurrences`. The suite's scorer reads one location per finding, so each place is written as its own.
  const places = result.findings
    .filter((f) => !f.suppression)
    .flatMap((f) => [f, ...(f.occurrences ?? []).map((o) => ({ ...f, location: o, occurrences: undefined }))]);
  writeFileSync(report, JSON.stringify({ findings: places }));
  const score = execFileSync(
    process.execPath,
    [join(suite, 'score.mjs'), report, ...(args.details ? ['--details'] : [])],
    {
      encoding: 'utf8',
    },
  );
  console.log(`secretlint suite (${result.findings.length} findings, ${ms.toFixed(0)} ms):`);
  process.stdout.write(score);
} finally {
  rmSync(out, { recursive: true, force: true });
}
