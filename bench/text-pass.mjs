#!/usr/bin/env node
/**
 * Speed of the audit's text-file pass (`scanTextFile`: every non-code, non-keystore file) per MB.
 *
 *   node bench/text-pass.mjs --root DIR [--runs 5]
 *
 * Walks DIR the way the audit does (gitignore, default ignored directories, known binaries left out),
 * reads every file the text pass would read into memory once, then times `scanTextFile` over all of them
 * `--runs` times and prints the median CPU time, in ms per MB and MB/s. Reading and walking are not timed. Without
 * `--root` (or KEYHYGIENE_TEXT_BENCH_ROOT) it says how to run it and exits 0: the repository it is meant
 * for is not ours to ship. The figures in docs/benchmarks.md were taken on babel/babel at a pinned commit.
 * Needs `npm run build` first.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    root: { type: 'string', default: process.env.KEYHYGIENE_TEXT_BENCH_ROOT },
    runs: { type: 'string', default: '5' },
  },
});
if (!args.root) {
  console.log('text pass: skipped (give --root DIR or KEYHYGIENE_TEXT_BENCH_ROOT: a checkout of at least 10k files)');
  process.exit(0);
}
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs must be a positive integer');
  process.exit(2);
}

const dist = (p) => join(ROOT, 'dist', 'src', p);
const { walk } = await import(dist('scanner/sources/files.js'));
const { isCodeFile, isScannable } = await import(dist('scanner/code-files.js'));
const { scanTextFile, keystoreExtensions, extOf } = await import(dist('scanner/detect/text.js'));
const { decode, DEFAULT_MAX_FILE_BYTES } = await import(dist('scanner/sources/read.js'));
const { buildKeywordIndex } = await import(dist('detect/prefilter.js'));
const { credentialFormats } = await import(dist('catalogue/credentials.js'));

const walked = await walk(args.root);
const texts = [];
let bytes = 0;
for (const f of walked.files) {
  if (!isScannable(f.rel) || isCodeFile(f.rel) || keystoreExtensions.has(extOf(f.rel))) continue;
  const read = decode(f.rel, readFileSync(f.abs), DEFAULT_MAX_FILE_BYTES);
  if (!read.ok) continue;
  texts.push([f.rel, read.text]);
  bytes += read.bytes.length;
}
const mb = bytes / (1024 * 1024);
// CPU time of this process, not wall time: the machine is shared, and CPU time is what a scan costs.
const times = [];
let findings = 0;
for (let r = 0; r < runs; r++) {
  const c0 = process.cpuUsage();
  let n = 0;
  for (const [rel, text] of texts) n += scanTextFile(rel, text).findings.length;
  const c = process.cpuUsage(c0);
  times.push((c.user + c.system) / 1000);
  findings = n;
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(
  `text pass: ${walked.files.length} files walked, ${texts.length} text files, ${mb.toFixed(1)} MB; ` +
    `median CPU of ${runs}: ${median.toFixed(0)} ms = ${(median / mb).toFixed(1)} ms/MB (${(mb / (median / 1000)).toFixed(2)} MB/s); ` +
    `runs ${times.map((t) => t.toFixed(0)).join('/')} ms; ${findings} findings`,
);

// The keyword prefilter alone: one automaton pass per text, against the naive scan it replaced (lower-case
// the text, then `includes` for every keyword of every format).
const lists = credentialFormats.map((f) => f.keywords);
const index = buildKeywordIndex(lists);
const cpu = (fn) => {
  const c0 = process.cpuUsage();
  let n = 0;
  for (const [, text] of texts) n += fn(text);
  const c = process.cpuUsage(c0);
  return { ms: (c.user + c.system) / 1000, n };
};
const auto = cpu((t) => index.candidates(t).size);
const naive = cpu((t) => {
  const lower = t.toLowerCase();
  return lists.filter((kws) => kws.some((k) => lower.includes(k))).length;
});
console.log(
  `prefilter over ${lists.length} formats (${lists.flat().length} keywords, ${index.states} states): automaton ${(auto.ms / mb).toFixed(1)} ms/MB, ` +
    `naive includes ${(naive.ms / mb).toFixed(1)} ms/MB; same candidates: ${auto.n === naive.n}`,
);
