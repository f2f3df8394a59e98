/**
 * The corpus smoke run on a bounded, deterministic sample of node_modules (every k-th file): every
 * rule in both presets, zero rule exceptions. The full run is `npm run soak` (scripts/smoke-corpus.mjs).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

it('lints a sample of real files from node_modules with zero rule exceptions', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'kh-smoke-')), 'smoke.json');
  let status = 0;
  try {
    execFileSync(
      process.execPath,
      [join(root, 'scripts/smoke-corpus.mjs'), '--limit', process.env.KEYHYGIENE_SMOKE_FILES ?? '150', '--json', out],
      { cwd: root, stdio: 'pipe' },
    );
  } catch (e) {
    status = (e as { status?: number }).status ?? 1;
  }
  const { summary, exceptions } = JSON.parse(readFileSync(out, 'utf8')) as {
    summary: { files: number; lines: number; ruleExceptions: number };
    exceptions: unknown[];
  };
  expect(exceptions).toEqual([]);
  expect(summary.ruleExceptions).toBe(0);
  expect(summary.files).toBeGreaterThanOrEqual(100);
  expect(summary.lines).toBeGreaterThan(5_000);
  expect(status).toBe(0);
}, 300_000);
