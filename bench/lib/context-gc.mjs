#!/usr/bin/env node
/**
 * What ESLint costs per file once any rule is on, with no rule work at all (issue 11, session 29): fresh processes,
 * interleaved, over the same files with `ESLint#lintFiles` and the parser the bench uses, in three modes:
 *
 *   floor   no rule configured (parse-only, as `real-speed-run.mjs floor`)
 *   empty   one rule whose `create` returns `{}`
 *   flat    the same empty rule, with ESLint's `FileContext#extend` patched in this process only to give each rule
 *           context the shared `FileContext.prototype` instead of the file's own context object as its prototype
 *
 * Each child runs under `--trace-gc-nvp`; the parent sums the scavenges (count, bytes promoted to the old
 * generation) and reads the child's CPU (user + sys, the whole process). Prints one line per round and the medians.
 *
 *   node bench/lib/context-gc.mjs --list FILES.json [--rounds 5] [--json OUT]
 *
 * `FILES.json` is an array of absolute paths (as bench/real-speed.mjs writes them). node_modules is never
 * modified: the `flat` patch is made on the loaded module in the child.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ROOT } from './tools.mjs';

const { values: args } = parseArgs({
  options: {
    list: { type: 'string' },
    rounds: { type: 'string', default: '5' },
    json: { type: 'string' },
    child: { type: 'string' },
  },
});
if (!args.list) throw new Error('usage: context-gc.mjs --list FILES.json [--rounds N] [--json OUT]');
const MODES = ['floor', 'empty', 'flat'];

if (args.child) {
  const require = createRequire(join(ROOT, 'package.json'));
  const { ESLint } = require('eslint');
  const tsParser = require('@typescript-eslint/parser');
  if (args.child === 'flat') {
    const { FileContext } = require(
      join(dirname(require.resolve('eslint/package.json')), 'lib/linter/file-context.js'),
    );
    FileContext.prototype.extend = function extend(extension) {
      return Object.freeze(Object.assign(Object.create(FileContext.prototype), this, extension));
    };
  }
  const FILES = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
  const rule = { meta: { type: 'problem', schema: false }, create: () => ({}) };
  const config = [
    { ignores: ['!**/node_modules/'] },
    {
      files: FILES,
      languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
    ...(args.child === 'floor'
      ? []
      : [{ files: FILES, plugins: { d: { rules: { empty: rule } } }, rules: { 'd/empty': 'error' } }]),
  ];
  const files = JSON.parse(readFileSync(args.list, 'utf8'));
  // cwd '/': every absolute path is inside it (ESLint skips a file outside its cwd as ignored).
  const eslint = new ESLint({ cwd: '/', overrideConfigFile: true, overrideConfig: config, cache: false });
  const results = await eslint.lintFiles(files);
  for (const r of results)
    for (const m of r.messages) if (m.ruleId === null && !m.fatal) throw new Error(`${r.filePath}: ${m.message}`);
  const u = process.cpuUsage();
  console.log(`CONTEXT-GC ${JSON.stringify({ cpuMs: Math.round((u.user + u.system) / 1000) })}`);
} else {
  const self = fileURLToPath(import.meta.url);
  const rows = [];
  for (let r = 0; r < Number(args.rounds); r++) {
    const order = r % 2 ? [...MODES].reverse() : MODES;
    const row = {};
    for (const mode of order) {
      const out = spawnSync(process.execPath, ['--trace-gc-nvp', self, '--child', mode, '--list', args.list], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
      if (out.status !== 0) throw new Error(`${mode}: ${out.stderr}`);
      let scavenges = 0;
      let promoted = 0;
      let cpuMs;
      for (const line of out.stdout.split('\n')) {
        if (line.startsWith('CONTEXT-GC ')) cpuMs = JSON.parse(line.slice(11)).cpuMs;
        else if (/\bgc=s\b/.test(line)) {
          scavenges++;
          promoted += Number(/\bpromoted=(\d+)/.exec(line)?.[1] ?? 0);
        }
      }
      row[mode] = { cpuMs, scavenges, promotedMiB: Math.round(promoted / 2 ** 20) };
    }
    rows.push(row);
    const show = (m) => `${m} ${(row[m].cpuMs / 1000).toFixed(2)} s ${row[m].scavenges}× ${row[m].promotedMiB} MiB`;
    console.log(`round ${r + 1}: ${MODES.map(show).join(' | ')}`);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const summary = Object.fromEntries(
    MODES.map((m) => [
      m,
      {
        cpuMs: median(rows.map((x) => x[m].cpuMs)),
        ratio: median(rows.map((x) => x[m].cpuMs / x.floor.cpuMs)),
        promotedMiB: median(rows.map((x) => x[m].promotedMiB)),
      },
    ]),
  );
  for (const m of MODES)
    console.log(
      `median ${m}: ${(summary[m].cpuMs / 1000).toFixed(2)} s, ${summary[m].ratio.toFixed(3)}× floor (per round), ` +
        `${summary[m].promotedMiB} MiB promoted`,
    );
  if (args.json) writeFileSync(args.json, JSON.stringify({ rows, summary }, null, 2));
}
