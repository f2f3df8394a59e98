#!/usr/bin/env node
/**
 * The audit's text pass over a tree's JSON and YAML files (`scanTextFile`, then the template and config check, as
 * src/scanner/analyse.ts runs them), for two or more checkouts' builds loaded into this one process, in interleaved
 * rounds after a warm-up round (each round starts one build later), on this thread's CPU clock. One process and
 * interleaving make the comparison hold on a loaded machine, where separate runs differ by more than the change.
 *
 *   node bench/lib/text-pass-ab.mjs TREE ROUNDS BUILD...
 *
 * Prints each build's per-round milliseconds, least and median.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { threadClock } from './thread-cpu.mjs';

const [tree, roundsArg, ...builds] = process.argv.slice(2);
const rounds = Number(roundsArg);
if (!tree || !Number.isInteger(rounds) || rounds < 1 || builds.length === 0) {
  console.error('usage: text-pass-ab.mjs TREE ROUNDS BUILD...');
  process.exit(2);
}
const clock = threadClock();
const load = async (build) => {
  const at = (rel) => pathToFileURL(`${build}/dist/src/${rel}`).href;
  return {
    build,
    text: await import(at('scanner/detect/text.js')),
    templates: await import(at('scanner/detect/templates/index.js')),
    fingerprints: await import(at('scanner/fingerprints.js')),
    files: await import(at('scanner/sources/files.js')),
  };
};
const loaded = [];
for (const b of builds) loaded.push(await load(b));
const walked = await loaded[0].files.walk(tree, {});
const files = walked.files
  .filter((f) => /\.(?:json|ya?ml)$/i.test(f.rel))
  .map((f) => ({ rel: f.rel, text: readFileSync(f.abs, 'utf8') }));
const spec = { scheme: 'kh2', salt: '33'.repeat(32) };
const times = loaded.map(() => []);
for (let r = 0; r <= rounds; r++)
  for (let k = 0; k < loaded.length; k++) {
    const i = (k + r) % loaded.length;
    const m = loaded[i];
    const t = clock();
    m.fingerprints.withFingerprints(spec, () => {
      for (const f of files) m.templates.withTemplateFindings(m.text.scanTextFile(f.rel, f.text), f.rel, f.text);
    });
    if (r > 0) times[i].push(clock() - t);
  }
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
console.log(`${files.length} JSON/YAML files, ${files.reduce((n, f) => n + f.text.length, 0)} characters`);
loaded.forEach((m, i) =>
  console.log(
    `${m.build}: ${times[i].map((x) => x.toFixed(0)).join(' ')}; least ${Math.min(...times[i]).toFixed(0)}, ` +
      `median ${median(times[i]).toFixed(0)} ms`,
  ),
);
