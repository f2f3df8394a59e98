/**
 * `keyhygiene audit` run in-process against a fake scanner: flags → AuditOptions, reports, exit codes
 * (0 clean, 1 findings at or above --fail-on, 2 usage/config/internal error) and one-line errors.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { AuditResult, Finding } from '../../src/report/types.js';
import { assertNoSecret, buildFixture, emptyResult } from '../report/fixture.js';
import { fakeScanner, FakeAuditError, memoryIo, readJson, type FakeScanner } from './helpers.js';

const ANSI = /\u001b\[[0-9;]*m/;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyhygiene-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[], scanner: FakeScanner, opts: { tty?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  const io = memoryIo(dir, opts);
  const code = await runCli(argv, io, { scanner: async () => scanner });
  return { code, stdout: io.stdout.text, stderr: io.stderr.text };
}

const only = (...findings: Finding[]): AuditResult => ({ ...emptyResult(), findings });
const { result: full, secrets } = buildFixture();
const low = full.findings.find((f) => f.severity === 'low')!;
const high = full.findings.find((f) => f.severity === 'high' && !f.suppression)!;
const suppressedCritical = full.findings.find((f) => f.severity === 'critical' && f.suppression)!;

describe('exit codes', () => {
  it('0 when clean, with a text report on stdout', async () => {
    const r = await run(['audit', '.'], fakeScanner(emptyResult()));
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd()).toBe('No findings; 3 files scanned in 0.0s.');
    expect(r.stderr).toBe('');
  });

  it('1 for an unsuppressed finding at or above --fail-on (default high)', async () => {
    expect((await run(['audit'], fakeScanner(full))).code).toBe(1);
    expect((await run(['audit'], fakeScanner(only(high)))).code).toBe(1);
    expect((await run(['audit', '--fail-on', 'critical'], fakeScanner(only(high)))).code).toBe(0);
    expect((await run(['audit'], fakeScanner(only(low)))).code).toBe(0);
    expect((await run(['audit', '--fail-on', 'low'], fakeScanner(only(low)))).code).toBe(1);
    expect((await run(['audit', '--fail-on', 'medium'], fakeScanner(only(low)))).code).toBe(0);
  });

  it('suppressed findings (baseline or inline) do not count, unless the baseline entry expired', async () => {
    expect((await run(['audit'], fakeScanner(only(suppressedCritical)))).code).toBe(0);
    const expired = { ...suppressedCritical, suppression: { kind: 'baseline' as const, expires: '2001-01-01' } };
    expect((await run(['audit'], fakeScanner(only(expired)))).code).toBe(1);
  });

  it('a partial scan without findings exits 0 and says what it skipped', async () => {
    const partial = { ...emptyResult(), skipped: full.skipped, partial: true };
    const r = await run(['audit'], fakeScanner(partial));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Partial scan: 3 files not scanned');
  });

  it('2 with one line and a hint for usage errors', async () => {
    const cases: [string[], RegExp][] = [
      [['audit', '--frobnicate'], /^keyhygiene: Unknown option '--frobnicate'\nhint: keyhygiene audit --help\n$/],
      [['audit', 'no/such/dir'], /^keyhygiene: directory not found: no\/such\/dir\nhint: /],
      [['audit', '--shard', '5/4'], /^keyhygiene: --shard must be i\/n with 1 <= i <= n, not "5\/4"\nhint: /],
      [['audit', '--shard', '0/4'], /--shard must be/],
      [['audit', '--shard', 'two'], /--shard must be/],
      [
        ['audit', '--fail-on', 'severe'],
        /^keyhygiene: --fail-on must be one of critical, high, medium, low, not "severe"\n/,
      ],
      [['audit', '--workers', '0'], /--workers must be a positive whole number/],
      [
        ['audit', '--format', 'pdf'],
        /^keyhygiene: unknown format "pdf"\nhint: audit formats: text, json, sarif, html, cbom\n$/,
      ],
      [['audit', '--format', 'json', '--format', 'html'], /only one report can go to stdout/],
      [['audit', '--format', 'json=a.json', '--format', 'sarif=a.json'], /two reports would be written to a.json/],
      [
        ['audit', '--baseline', 'missing.json'],
        /^keyhygiene: cannot read the baseline missing.json\nhint: create it with/,
      ],
      [['audit', '--baseline-reason', 'x'], /only apply with --update-baseline/],
      [['audit', 'a', 'b'], /audit takes one directory/],
      [['frobnicate'], /^keyhygiene: unknown command "frobnicate"\nhint: commands: audit, merge, keys/],
    ];
    for (const [argv, expected] of cases) {
      const scanner = fakeScanner(full);
      const r = await run(argv, scanner);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(expected);
      expect(r.stderr.trimEnd().split('\n'), argv.join(' ')).toHaveLength(2);
      expect(scanner.calls, argv.join(' ')).toHaveLength(0);
    }
  });

  it('2 for a known scanner error, with its hint, and the stack only with --debug', async () => {
    const err = new FakeAuditError(
      'E_CONFIG',
      'tsconfig.json: Unexpected token } in JSON\nat line 3',
      'fix the JSON in tsconfig.json',
    );
    const r = await run(['audit'], fakeScanner(full, { throws: err }));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'keyhygiene: tsconfig.json: Unexpected token } in JSON\nhint: fix the JSON in tsconfig.json\n',
    );
    const d = await run(['audit', '--debug'], fakeScanner(full, { throws: err }));
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('AuditError: tsconfig.json');
    expect(d.stderr).toMatch(/\n\s+at /);
  });

  it('2 for an internal error, pointing at --debug', async () => {
    const r = await run(
      ['audit'],
      fakeScanner(full, { throws: new TypeError("Cannot read properties of undefined (reading 'x')") }),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "keyhygiene: internal error: Cannot read properties of undefined (reading 'x')\nhint: rerun with --debug and report the stack at https://github.com/keyhygiene/keyhygiene/issues\n",
    );
  });

  it('2 when interrupted', async () => {
    const abort = new DOMException('This operation was aborted', 'AbortError');
    const r = await run(['audit'], fakeScanner(full, { throws: abort }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^keyhygiene: interrupted\n/);
  });
});

describe('flags → scanner options', () => {
  it('passes every scan option through', async () => {
    const scanner = fakeScanner(emptyResult());
    await run(
      [
        'audit',
        '.',
        '--history',
        '--workers',
        '3',
        '--no-cache',
        '--shard',
        '2/4',
        '--include-ignored',
        '--max-file-bytes',
        '1000000',
        '--debug',
      ],
      scanner,
    );
    const o = scanner.calls[0]!;
    expect(o).toMatchObject({
      root: dir,
      history: true,
      workers: 3,
      cache: false,
      shard: { index: 1, count: 4 },
      includeIgnored: true,
      maxFileBytes: 1_000_000,
    });
    expect(typeof o.onProgress).toBe('function');
    expect(typeof o.debug).toBe('function');
    expect(o.since).toBeUndefined();
  });

  it('defaults: the current directory, no history, cache on, no shard', async () => {
    const scanner = fakeScanner(emptyResult());
    await run(['audit'], scanner);
    expect(scanner.calls[0]).toMatchObject({ root: dir, history: false, cache: true, includeIgnored: false });
    expect(scanner.calls[0]!.shard).toBeUndefined();
    expect(scanner.calls[0]!.debug).toBeUndefined();
  });

  it('--since implies --history', async () => {
    const scanner = fakeScanner(emptyResult());
    await run(['audit', '--since', 'origin/main'], scanner);
    expect(scanner.calls[0]).toMatchObject({ history: true, since: 'origin/main' });
  });

  it('--baseline FILE is passed to the scanner', async () => {
    const file = join(dir, 'baseline.json');
    await writeFile(file, '{"entries":[]}');
    const scanner = fakeScanner(emptyResult());
    expect((await run(['audit', '--baseline', 'baseline.json'], scanner)).code).toBe(0);
    expect(scanner.calls[0]!.baseline).toBe(file);
  });

  it('--update-baseline writes the baseline (with reason and expiry), exits 0, and holds no secret', async () => {
    const scanner = fakeScanner(full);
    const r = await run(
      [
        'audit',
        '--update-baseline',
        '--baseline',
        'new-baseline.json',
        '--baseline-reason',
        'accepted at audit',
        '--baseline-expires',
        '2027-06-30',
      ],
      scanner,
    );
    expect(r.code).toBe(0);
    expect(scanner.calls[0]!.baseline).toBeUndefined();
    expect(scanner.baselines).toEqual([
      { path: join(dir, 'new-baseline.json'), options: { reason: 'accepted at audit', expires: '2027-06-30' } },
    ]);
    expect(r.stderr).toContain('keyhygiene: baseline written to new-baseline.json (6 findings recorded)');
    const written = await readFile(join(dir, 'new-baseline.json'), 'utf8');
    assertNoSecret(written, secrets);
    // Run again with the baseline that now exists: it is read and passed on.
    const again = fakeScanner(full);
    await run(['audit', '--update-baseline', '--baseline', 'new-baseline.json'], again);
    expect(again.calls[0]!.baseline).toBe(join(dir, 'new-baseline.json'));
  });

  it('--update-baseline without --baseline writes .keyhygiene-baseline.json in the scanned dir', async () => {
    const scanner = fakeScanner(emptyResult());
    await run(['audit', '--update-baseline'], scanner);
    expect(scanner.baselines[0]!.path).toBe(join(dir, '.keyhygiene-baseline.json'));
  });
});

describe('reports', () => {
  it('writes several formats at once with NAME=FILE, and prints a summary on stderr', async () => {
    const r = await run(
      [
        'audit',
        '--format',
        'json=out/a.json',
        '--format',
        'sarif=out/a.sarif',
        '-f',
        'html=out/a.html',
        '--format',
        'cbom=out/a.cdx.json',
      ],
      fakeScanner(full),
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('wrote json report to out/a.json');
    expect(r.stderr).toContain('wrote sarif report to out/a.sarif');
    expect(r.stderr.trimEnd().split('\n').pop()).toBe(
      'keyhygiene: 4 findings (1 critical, 2 high, 1 low); 2 suppressed, partial scan: 3 files skipped',
    );
    expect((await readJson(join(dir, 'out/a.json'))).schemaVersion).toBe(1);
    expect((await readJson(join(dir, 'out/a.sarif'))).version).toBe('2.1.0');
    expect((await readJson(join(dir, 'out/a.cdx.json'))).specVersion).toBe('1.6');
    const html = await readFile(join(dir, 'out/a.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    for (const f of ['a.json', 'a.sarif', 'a.html', 'a.cdx.json'])
      assertNoSecret(await readFile(join(dir, 'out', f), 'utf8'), secrets);
    assertNoSecret(r.stderr, secrets);
  });

  it('pairs bare --format with --output in order; a bare format left over goes to stdout', async () => {
    const r = await run(['audit', '--format', 'json', '--output', 'b.json', '--format', 'sarif'], fakeScanner(full));
    expect((await readJson(join(dir, 'b.json'))).schemaVersion).toBe(1);
    expect(JSON.parse(r.stdout).version).toBe('2.1.0');
  });

  it('--output alone takes the format from the extension', async () => {
    await run(['audit', '--output', 'c.sarif'], fakeScanner(full));
    expect((await readJson(join(dir, 'c.sarif'))).runs).toHaveLength(1);
  });

  it('colours text only on a TTY without NO_COLOR, and never leaks a secret', async () => {
    const tty = await run(['audit'], fakeScanner(full), { tty: true });
    expect(tty.stdout).toMatch(ANSI);
    assertNoSecret(tty.stdout, secrets);
    expect((await run(['audit'], fakeScanner(full), { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    expect((await run(['audit'], fakeScanner(full))).stdout).not.toMatch(ANSI);
    expect((await run(['audit'], fakeScanner(full), { env: { FORCE_COLOR: '1' } })).stdout).toMatch(ANSI);
  });

  it('draws progress on a TTY stderr, and not with --no-progress or in CI', async () => {
    const tty = await run(['audit'], fakeScanner(emptyResult()), { tty: true });
    expect(tty.stderr).toContain('2/2 files');
    expect((await run(['audit', '--no-progress'], fakeScanner(emptyResult()), { tty: true })).stderr).toBe('');
    expect((await run(['audit'], fakeScanner(emptyResult()), { tty: true, env: { CI: 'true' } })).stderr).toBe('');
    expect((await run(['audit'], fakeScanner(emptyResult()))).stderr).toBe('');
  });
});

describe('help, version and dispatch', () => {
  it('--help and --version exit 0 without loading the scanner', async () => {
    const scanner = fakeScanner(full);
    const h = await run(['--help'], scanner);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Usage: keyhygiene <command>');
    const ah = await run(['audit', '--help'], scanner);
    expect(ah.code).toBe(0);
    expect(ah.stdout).toContain('--fail-on SEVERITY');
    const v = await run(['--version'], scanner);
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(v.stdout).toBe(`${pkg.version}\n`);
    expect(scanner.calls).toHaveLength(0);
  });

  it('no command prints help on stderr and exits 2', async () => {
    const r = await run([], fakeScanner(full));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: keyhygiene <command>');
  });

  it('dispatches keyhygiene keys ... to the key manager CLI', async () => {
    const r = await run(['keys', '--help'], fakeScanner(full));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: keyhygiene keys <command>');
    const bad = await run(['keys', 'frobnicate'], fakeScanner(full));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('keyhygiene keys: unknown command "frobnicate"');
  });
});
