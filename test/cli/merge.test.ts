import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { toSarif } from '../../src/report/sarif.js';
import type { AuditResult } from '../../src/report/types.js';
import { buildFixture, emptyResult, RULES } from '../report/fixture.js';
import { fakeScanner, memoryIo, readJson } from './helpers.js';

let dir: string;
const { result } = buildFixture();
const a: AuditResult = { ...result, findings: result.findings.slice(0, 3), shard: { index: 0, count: 2 } };
const b: AuditResult = { ...result, findings: result.findings.slice(3), shard: { index: 1, count: 2 } };
// A shard of the same tree fingerprinted under another salt (another repository, or no shared baseline).
const c: AuditResult = { ...b, fingerprints: { scheme: 'kh2', saltId: '0123456789abcdef', saltSource: 'ephemeral' } };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyhygiene-merge-'));
  await writeFile(join(dir, 'a.json'), JSON.stringify(a));
  await writeFile(join(dir, 'b.json'), JSON.stringify(b));
  await writeFile(join(dir, 'a.sarif'), JSON.stringify(toSarif(a, RULES)));
  await writeFile(join(dir, 'b.sarif'), JSON.stringify(toSarif(b, RULES)));
  await writeFile(join(dir, 'c.sarif'), JSON.stringify(toSarif(c, RULES)));
  await writeFile(join(dir, 'clean.sarif'), JSON.stringify(toSarif(emptyResult(), RULES)));
  await writeFile(join(dir, 'old.json'), JSON.stringify({ ...emptyResult(), schemaVersion: 0 }));
  await writeFile(join(dir, 'broken.json'), '{"schemaVersion": 1,');
  await writeFile(join(dir, 'other.json'), '{"hello": "world"}');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[]) {
  const io = memoryIo(dir);
  const scanner = fakeScanner(emptyResult());
  const code = await runCli(argv, io, { scanner: async () => scanner });
  return { code, stdout: io.stdout.text, stderr: io.stderr.text };
}

describe('keyhygiene merge', () => {
  it('merges JSON shard results (json to stdout by default) and gates on --fail-on', async () => {
    const r = await run(['merge', 'a.json', 'b.json']);
    expect(r.code).toBe(1);
    const merged = JSON.parse(r.stdout) as AuditResult;
    expect(merged.findings).toHaveLength(result.findings.length);
    expect(r.stderr).toBe(
      'keyhygiene: 4 findings (1 critical, 2 high, 1 low); 2 suppressed, partial scan: 6 files skipped\n',
    );
    expect((await run(['merge', '--fail-on', 'critical', 'b.json'])).code).toBe(0);
  });

  it('writes merged JSON results in any format', async () => {
    const r = await run(['merge', '--format', 'sarif=m/all.sarif', '--format', 'html=m/all.html', 'a.json', 'b.json']);
    expect(r.code).toBe(1);
    expect((await readJson(join(dir, 'm/all.sarif'))).runs[0].results).toHaveLength(result.findings.length);
  });

  it('merges SARIF logs into one run', async () => {
    const r = await run(['merge', '--format', 'sarif', 'a.sarif', 'b.sarif']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0].results).toHaveLength(result.findings.length);
    expect((await run(['merge', '--format', 'sarif', 'clean.sarif'])).code).toBe(0);
  });

  it('exits 2 with one line and a hint for bad input', async () => {
    const cases: [string[], RegExp][] = [
      [['merge'], /^keyhygiene: merge needs at least one input file\nhint: /],
      [['merge', 'missing.json'], /^keyhygiene: cannot read missing.json: ENOENT\nhint: /],
      [['merge', 'broken.json'], /^keyhygiene: broken.json is not valid JSON\nhint: merge the files written by/],
      [['merge', 'other.json'], /^keyhygiene: other.json is neither a keyhygiene JSON report nor a SARIF 2.1.0 log\n/],
      [['merge', 'old.json'], /^keyhygiene: old.json has report schema version 0; this keyhygiene reads version 1\n/],
      [['merge', 'a.json', 'a.sarif'], /^keyhygiene: cannot merge JSON results with SARIF logs\n/],
      [['merge', '--format', 'html', 'a.sarif'], /^keyhygiene: SARIF inputs can only be merged into SARIF, not html\n/],
      [
        ['merge', '--format', 'sarif', 'a.sarif', 'c.sarif'],
        /^keyhygiene: cannot merge SARIF logs fingerprinted with 2 /,
      ],
    ];
    for (const [argv, expected] of cases) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(expected);
      expect(r.stderr.trimEnd().split('\n'), argv.join(' ')).toHaveLength(2);
    }
  });
});
