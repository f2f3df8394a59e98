#!/usr/bin/env node
// Corpus smoke run: every rule, in the recommended and strict presets, over every .js/.ts/.mjs/.cjs
// file in this repo's node_modules (tens of thousands of real files). Pass condition: zero rule
// exceptions. Prints files/s and findings per 10k lines (the noise figure) and writes a sample of
// findings, redacted by the rules themselves, for review by hand.
//   node scripts/smoke-corpus.mjs [--limit N] [--sample FILE] [--json FILE]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    limit: { type: 'string' },
    sample: { type: 'string' },
    json: { type: 'string' },
    stride: { type: 'string' },
  },
});
const { Linter } = await import('eslint');
const tsParser = (await import('@typescript-eslint/parser')).default;
const plugin = (await import(join(root, 'dist/src/plugin.js'))).default;

const exts = /\.(?:js|mjs|cjs|ts|mts|cts)$/;
const files = [];
(function walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== '.cache' && e.name !== '.bin') walk(p);
    } else if (e.isFile() && exts.test(e.name) && !e.name.endsWith('.d.ts')) files.push(p);
  }
})(join(root, 'node_modules'));
files.sort();
// A deterministic sample: every k-th file, so CI covers the whole tree thinly.
const limit = values.limit ? Number(values.limit) : files.length;
const stride = Math.max(1, Math.floor(files.length / limit));
const chosen = files.filter((_, i) => i % stride === 0).slice(0, limit);

// Files are linted under a virtual root: ESLint's default ignores would otherwise skip everything
// below node_modules.
const linter = new Linter({ configType: 'flat', cwd: '/corpus' });
const virtual = (file) => `/corpus/${relative(join(root, 'node_modules'), file).replace(/node_modules\//g, 'nm/')}`;
const configs = ['recommended', 'strict'].map((name) => ({
  ...plugin.configs[name],
  linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
  languageOptions: { ...plugin.configs[name].languageOptions, parser: tsParser },
}));
let lines = 0;
let bytes = 0;
let parseErrors = 0;
const exceptions = [];
const findings = { recommended: 0, strict: 0 };
const byRule = {};
const sample = [];
const t0 = performance.now();
for (const file of chosen) {
  let code;
  try {
    if (statSync(file).size > 2_000_000) continue;
    code = readFileSync(file, 'utf8');
  } catch {
    continue;
  }
  lines += code.split('\n').length;
  bytes += code.length;
  for (const [i, cfg] of configs.entries()) {
    const preset = i === 0 ? 'recommended' : 'strict';
    try {
      const msgs = linter.verify(code, [cfg], { filename: virtual(file) });
      for (const m of msgs) {
        if (m.ruleId === null && !m.fatal && /No matching configuration/.test(m.message))
          throw new Error(`not linted: ${m.message}`);
        if (m.ruleId === null && !m.fatal) continue;
        if (m.fatal) {
          if (i === 0) parseErrors++;
          continue;
        }
        findings[preset]++;
        if (i === 1) {
          byRule[m.ruleId] = (byRule[m.ruleId] ?? 0) + 1;
          if (sample.length < 200 && sample.filter((s) => s.ruleId === m.ruleId).length < 25)
            sample.push({ file: relative(root, file), line: m.line, ruleId: m.ruleId, message: m.message });
        }
      }
    } catch (e) {
      exceptions.push({ file: relative(root, file), preset, error: String(e?.message ?? e).split('\n')[0] });
    }
  }
}
const seconds = (performance.now() - t0) / 1000;
const summary = {
  files: chosen.length,
  filesInTree: files.length,
  lines,
  megabytes: +(bytes / 1e6).toFixed(1),
  seconds: +seconds.toFixed(1),
  filesPerSecond: +(chosen.length / seconds).toFixed(1),
  parseErrors,
  ruleExceptions: exceptions.length,
  findingsPer10kLines: {
    recommended: +((findings.recommended / lines) * 1e4).toFixed(2),
    strict: +((findings.strict / lines) * 1e4).toFixed(2),
  },
  findingsByRule: byRule,
};
console.log(JSON.stringify(summary, null, 2));
for (const e of exceptions.slice(0, 20)) console.log(`EXCEPTION ${e.preset} ${e.file}: ${e.error}`);
if (values.sample) writeFileSync(values.sample, JSON.stringify(sample, null, 2));
if (values.json) writeFileSync(values.json, JSON.stringify({ summary, exceptions }, null, 2));
process.exit(exceptions.length ? 1 : 0);
