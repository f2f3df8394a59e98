/**
 * The CLI over the real scanner, in-process, on a small repository made at test time with planted
 * secrets (generated here, never written down): exit codes, every format, the baseline round trip,
 * and no secret in any output.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { assertNoSecret } from '../report/fixture.js';
import { sarifValidator, validateCbom } from '../report/validators.js';
import { memoryIo, readJson } from './helpers.js';
import { initRepo } from '../helpers/git.js';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
let dir: string;
let repo: string;
let secrets: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyhygiene-e2e-'));
  repo = join(dir, 'repo');
  await mkdir(join(repo, 'src'), { recursive: true });
  const aws = `AKIA${[...randomBytes(16)].map((b) => UPPER[b % 32]).join('')}`;
  const awsSecret = randomBytes(30).toString('base64').slice(0, 40);
  secrets = { aws, awsSecret };
  await writeFile(join(repo, '.env'), `AWS_ACCESS_KEY_ID=${aws}\nAWS_SECRET_ACCESS_KEY=${awsSecret}\n`);
  await writeFile(
    join(repo, 'src', 'clean.ts'),
    "import { randomBytes } from 'node:crypto';\nexport const token = () => randomBytes(32).toString('base64url');\n",
  );
  // A git repository, as in CI: every shard derives the same fingerprint salt from the root commit.
  initRepo(repo);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[]) {
  const io = memoryIo(dir);
  const code = await runCli(argv, io);
  return { code, stdout: io.stdout.text, stderr: io.stderr.text };
}

describe('keyhygiene audit over the real scanner', () => {
  it('finds the planted key, exits 1, writes every format, and leaks nothing', async () => {
    const r = await run([
      'audit',
      'repo',
      '--no-cache',
      '--workers',
      '1',
      '--format',
      'text',
      '--format',
      'json=out/r.json',
      '--format',
      'sarif=out/r.sarif',
      '--format',
      'html=out/r.html',
      '--format',
      'cbom=out/r.cdx.json',
    ]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('.env');
    const json = await readJson(join(dir, 'out/r.json'));
    expect(json.schemaVersion).toBe(1);
    expect((json.findings as { location: { file: string } }[]).some((f) => f.location.file === '.env')).toBe(true);
    for (const f of ['r.json', 'r.sarif', 'r.html', 'r.cdx.json'])
      assertNoSecret(await readFile(join(dir, 'out', f), 'utf8'), secrets);
    expect(sarifValidator()(await readJson(join(dir, 'out/r.sarif')))).toEqual([]);
    expect(await validateCbom(await readFile(join(dir, 'out/r.cdx.json'), 'utf8'))).toBeNull();
    assertNoSecret(r.stdout + r.stderr, secrets);
  });

  it('round-trips the baseline: after --update-baseline the same scan exits 0, and the baseline holds no secret', async () => {
    const u = await run([
      'audit',
      'repo',
      '--no-cache',
      '--workers',
      '1',
      '--update-baseline',
      '--baseline',
      'baseline.json',
      '--baseline-reason',
      'accepted in e2e test',
    ]);
    expect(u.code).toBe(0);
    const text = await readFile(join(dir, 'baseline.json'), 'utf8');
    assertNoSecret(text, secrets);
    expect(text).toContain('accepted in e2e test');
    const again = await run([
      'audit',
      'repo',
      '--no-cache',
      '--workers',
      '1',
      '--baseline',
      'baseline.json',
      '--format',
      'sarif',
    ]);
    expect(again.code).toBe(0);
    const results = JSON.parse(again.stdout).runs[0].results as { suppressions?: { kind: string }[] }[];
    expect(results.length).toBeGreaterThan(0);
    for (const x of results) expect(x.suppressions?.[0]?.kind).toBe('external');
  });

  it('merges shard outputs into the same findings as one run', async () => {
    for (const i of [1, 2])
      expect(
        (
          await run([
            'audit',
            'repo',
            '--no-cache',
            '--workers',
            '1',
            '--shard',
            `${i}/2`,
            '--format',
            `json=shard-${i}.json`,
          ])
        ).code,
      ).toBeLessThan(2);
    const m = await run(['merge', '--format', 'json', 'shard-1.json', 'shard-2.json']);
    expect(m.code).toBe(1);
    const whole = await readJson(join(dir, 'out/r.json'));
    const merged = JSON.parse(m.stdout);
    expect((merged.findings as { fingerprint: string }[]).map((f) => f.fingerprint).sort()).toEqual(
      (whole.findings as { fingerprint: string }[]).map((f) => f.fingerprint).sort(),
    );
  });
});
