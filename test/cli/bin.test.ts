/**
 * The installed executable (dist/src/cli/bin.js, built by `npm run build`, which `npm test` runs
 * first): the process wiring that the in-process tests cannot see — argv, exit status, streams.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../dist/src/cli/bin.js', import.meta.url));

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// The bin is built by `npm test` before vitest runs: a missing build fails, never skips.
it('is built', () => {
  expect(existsSync(BIN), 'dist/src/cli/bin.js (npm run build)').toBe(true);
});

describe('keyhygiene bin', () => {
  it('starts with a node shebang', () => {
    expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('--version prints the package version and exits 0', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(run(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('exits 2 with one line and a hint for an unknown flag', () => {
    const r = run(['audit', '--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("keyhygiene: Unknown option '--frobnicate'\nhint: keyhygiene audit --help\n");
  });

  it('exits 2 for a missing directory', () => {
    const r = run(['audit', 'does/not/exist']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('keyhygiene: directory not found: does/not/exist');
  });
});
