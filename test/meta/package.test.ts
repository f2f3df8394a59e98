/**
 * The published package, as `npm pack` would build it: only the build, the docs, the README and the
 * licence; every `exports`/`bin` target present; no source maps (they would point at sources that are not
 * shipped); ESLint as a peer dependency and caret ranges for the rest, so users' trees deduplicate.
 * The install-next-to-ESLint-9-and-10 check runs in `scripts/check-package.sh` (it needs the registry).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  files: string[];
  bin: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
  dependencies: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

let files: string[] = [];

beforeAll(() => {
  // --ignore-scripts: the dry run only lists files; the build is the test command's first step.
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  files = (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
}, 60_000);

describe('published file list', () => {
  it('holds the build, docs, README, licence and package.json only', () => {
    expect(files.length).toBeGreaterThan(50);
    const outside = files.filter(
      (f) =>
        !/^dist\/(?:src|rules)\/.+\.(?:js|d\.ts)$/.test(f) &&
        !/^docs\/.+\.md$/.test(f) &&
        !['README.md', 'LICENSE', 'package.json'].includes(f),
    );
    expect(outside).toEqual([]);
  });

  it('ships no tests, fixtures, TypeScript sources or source maps', () => {
    expect(files.filter((f) => /(?:^|\/)(?:test|fixtures|bench|scripts)\//.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('contains every exports and bin target', () => {
    const targets = [
      ...Object.values(pkg.bin),
      ...Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t))),
    ]
      .map((t) => t.replace(/^\.\//, ''))
      .filter((t) => t !== 'package.json');
    expect(targets.length).toBeGreaterThan(5);
    for (const t of targets) expect(files, t).toContain(t);
  });
});

describe('dependency ranges', () => {
  it('takes ESLint as a peer (9 and 10), never as a dependency', () => {
    expect(pkg.dependencies).not.toHaveProperty('eslint');
    expect(pkg.peerDependencies.eslint).toBe('^9.0.0 || ^10.0.0');
    expect(pkg.devDependencies.eslint).toMatch(/^10\./);
  });

  it('gives runtime dependencies caret ranges (the lockfile pins them for the project itself)', () => {
    const runtime = { ...pkg.dependencies, ...pkg.optionalDependencies };
    expect(Object.keys(runtime).length).toBeGreaterThan(3);
    for (const [name, range] of Object.entries(runtime)) expect(range, name).toMatch(/^\^\d+\.\d+\.\d+$/);
  });
});
