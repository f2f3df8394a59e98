#!/usr/bin/env node
/**
 * The file-system calls of one cold `recommended` lint pass (ESLint's `Linter`, one process), counted by function and
 * by the plugin frames that made them, and its parses of other modules (src/rule-kit/module-files.ts): how often the
 * rules read, stat and parse other modules of the project. Counts, not times, so the figures hold on a loaded machine
 * (except where an answer is kept for a few seconds of wall time: module-importers.ts's listings, which a slow pass
 * lists again).
 *
 *   node bench/lib/lint-fs-calls.mjs --list FILES.json [--build ROOT] [--top 20] [--depth 2] [--dump OUT.jsonl]
 *
 * `--depth N` keys each count on the N frames above the call (default 2; more to see which rule's lookup made it).
 * Run it from the tree the files are in (ESLint's cwd). `--dump` writes every message (file, rule, messageId, place,
 * text, suggestions), one JSON line each in lint order, to compare two builds' findings.
 */
import fs, { readFileSync, writeFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ROOT } from './tools.mjs';

const { values: args } = parseArgs({
  options: {
    list: { type: 'string' },
    build: { type: 'string' },
    top: { type: 'string', default: '20' },
    depth: { type: 'string', default: '2' },
    dump: { type: 'string' },
  },
});
if (!args.list) throw new Error('usage: lint-fs-calls.mjs --list FILES.json [--build ROOT] [--dump OUT]');
const root = resolve(args.build ?? ROOT);
const files = JSON.parse(readFileSync(args.list, 'utf8')).map((f) => ({ f, text: readFileSync(f, 'utf8') }));
const counts = new Map();
const depth = Number(args.depth);
Error.stackTraceLimit = Math.max(10, depth + 2);
let counting = false;
const frameOf = (line) =>
  line
    .trim()
    .replace(/^at /, '')
    .replace(/\(?file:\/\/\/.*?\/dist\//, '')
    .replace(/:\d+\)?$/, '');
for (const name of ['statSync', 'readFileSync', 'readdirSync', 'existsSync', 'realpathSync']) {
  const orig = fs[name];
  fs[name] = function counted(...a) {
    if (counting) {
      const callers = new Error().stack
        .split('\n')
        .slice(2, 2 + depth)
        .map(frameOf)
        .join(' < ');
      const key = `${name}  ${callers}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return orig.apply(this, a);
  };
}
syncBuiltinESMExports();
const require = createRequire(join(root, 'package.json'));
const { Linter } = require('eslint');
const tsParser = require('@typescript-eslint/parser');
const plugin = (await import(pathToFileURL(join(root, 'dist', 'src', 'plugin.js')).href)).default;
const moduleFiles = await import(pathToFileURL(join(root, 'dist', 'src', 'rule-kit', 'module-files.js')).href);
const FILES = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const config = [
  {
    files: FILES,
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  { ...plugin.configs.recommended, files: FILES },
];
const linter = new Linter({ configType: 'flat', cwd: process.cwd() });
const dump = [];
counting = true;
for (const { f, text } of files) {
  for (const m of linter.verify(text, config, { filename: f }))
    dump.push(
      JSON.stringify([f, m.ruleId, m.messageId, m.line, m.column, m.endLine, m.endColumn, m.message, m.suggestions]),
    );
}
counting = false;
if (args.dump) writeFileSync(args.dump, dump.join('\n'));
const byFn = new Map();
for (const [k, v] of counts) byFn.set(k.split('  ')[0], (byFn.get(k.split('  ')[0]) ?? 0) + v);
console.log(
  `${files.length} files, ${dump.length} messages, ${moduleFiles.otherModuleParses()} parses of other modules; ` +
    [...byFn].map(([k, v]) => `${k} ${v}`).join(', '),
);
for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, Number(args.top)))
  console.log(`${String(v).padStart(8)}  ${k}`);
