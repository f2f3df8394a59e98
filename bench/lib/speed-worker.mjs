#!/usr/bin/env node
/**
 * One timed run of one ESLint-based tool over a directory, in its own process (so the parent can read
 * its wall time and peak memory). Prints one JSON line: { tool, files, problems, fatal, ms }.
 *   node bench/lib/speed-worker.mjs <tool> <dir>
 */
import { lintFiles } from './tools.mjs';

const [tool, dir] = process.argv.slice(2);
const started = performance.now();
const results = await lintFiles(tool, dir, ['.']);
let problems = 0;
let fatal = 0;
for (const r of results) for (const m of r.messages) m.fatal ? fatal++ : problems++;
console.log(
  JSON.stringify({ tool, files: results.length, problems, fatal, ms: Math.round(performance.now() - started) }),
);
