import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// bench/lib/audit-phases.mjs runs one audit (this checkout's dist/) with every phase on the threads' own CPU clocks.
// Its times are not asserted (no timed tests); the work it counts is: ESLint's `verify` once per code file, the
// summary rule once per file with one listener call per call or `new` expression, and the `--rules` re-lint over
// exactly the files the audit linted.

const SCRIPT = fileURLToPath(new URL('../../bench/lib/audit-phases.mjs', import.meta.url));

function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kh-audit-phases-'));
  // Three calls and one `new` expression in all.
  writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport const x = b(1) + Math.max(2, 3);\n");
  writeFileSync(join(dir, 'b.ts'), 'export function b(n: number): number {\n  return new Date(n).getTime();\n}\n');
  writeFileSync(join(dir, 'notes.md'), '# Notes\n\nNothing secret here.\n');
  return dir;
}

interface Phases {
  verify: { calls: number; mainThreadOnly: boolean };
  summaryRule: { files: number; calls: number };
  workers: number;
  findings: number;
  threads: Record<string, Record<string, number>>;
  hmac: { calls: number };
  rules?: { files: number; rounds: number; perRound: Record<string, number[]>; summaryRule: number } & Record<
    string,
    number
  >;
}

const run = (...args: string[]): Phases =>
  JSON.parse(execFileSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' }).trim()) as Phases;

describe.runIf(process.platform === 'linux')('bench/lib/audit-phases.mjs', () => {
  it('counts the work of one audit by phase and by thread', () => {
    const out = run(tree(), '--cache', mkdtempSync(join(tmpdir(), 'kh-audit-phases-cache-')));
    expect(out.verify).toMatchObject({ calls: 2, mainThreadOnly: false });
    expect(out.summaryRule).toMatchObject({ files: 2, calls: 4 });
    expect(out.workers).toBe(0);
    expect(out.findings).toBe(0);
    expect(Object.keys(out.threads)).toEqual(['preWalk', 'walk', 'files', 'crossFile', 'report']);
    for (const t of Object.values(out.threads)) expect(Object.keys(t).sort()).toEqual(['helpers', 'main', 'workers']);
    expect(out.threads.files?.workers).toBe(0);
    // With a cache directory every file read gets a keyed content id and a cache key.
    expect(out.hmac.calls).toBeGreaterThanOrEqual(6);
    expect(out.rules).toBeUndefined();
  }, 60_000);

  it('re-lints exactly the files the audit linted under each configuration with --rules', () => {
    const out = run(tree(), '--rules', '2');
    expect(out.rules).toMatchObject({ files: 2, rounds: 2 });
    const rules = out.rules!;
    for (const k of ['floor', 'recommended', 'recommendedAuditSettings', 'noSummary', 'audit'])
      expect(rules.perRound[k]).toHaveLength(2);
    expect(rules.summaryRule).toBe(rules['audit']! - rules['noSummary']!);
  }, 60_000);

  it('refuses a bad round count with exit 2', () => {
    expect(() => execFileSync(process.execPath, [SCRIPT, tree(), '--rules', 'x'], { stdio: 'pipe' })).toThrow(
      expect.objectContaining({ status: 2 }),
    );
  });
});
