/**
 * An audit without a cache directory takes no content id of the files it reads and no cache key: nothing is looked up
 * or kept, so those keyed hashes would be work no later phase reads. Its result is the one a cached audit gives, cold
 * and warm.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDirs } from '../helpers/temp.js';

const calls = vi.hoisted(() => ({ contentId: 0 }));
vi.mock('../../src/scanner/fingerprints.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/scanner/fingerprints.js')>();
  return {
    ...real,
    contentId: (bytes: Uint8Array): string => {
      calls.contentId++;
      return real.contentId(bytes);
    },
  };
});

const { audit } = await import('../../src/scanner/index.js');

const { tempDir, write, removeAll } = tempDirs();
afterAll(removeAll);

/** A small tree with a finding in code, one in a text file, and a key that crosses a module boundary. */
function tree(): string {
  const root = tempDir('kh-no-cache-ids-');
  // A fixed salt, so that fingerprints agree between runs (the tree is not a git repository).
  write(root, '.keyhygiene-salt', `${randomBytes(32).toString('hex')}\n`);
  const key = randomBytes(24).toString('base64');
  const token = 'ghp_' + randomBytes(27).toString('hex').slice(0, 36);
  write(root, 'src/keys.ts', `export const SIGNING_KEY = '${key}';\n`);
  write(
    root,
    'src/sign.ts',
    "import { createHmac } from 'node:crypto';\nimport { SIGNING_KEY } from './keys';\n" +
      "export const sign = (s: string) => createHmac('sha256', SIGNING_KEY).update(s).digest('hex');\n",
  );
  write(root, 'deploy/ci.yml', `env:\n  GITHUB_TOKEN: ${token}\n`);
  write(root, 'README.md', '# demo\n');
  return root;
}

/** The parts of a result that do not depend on when it ran. */
const comparable = (r: Awaited<ReturnType<typeof audit>>): unknown => ({
  findings: r.findings,
  inventory: r.inventory,
  skipped: r.skipped,
  stats: r.stats,
  withheld: r.withheld,
});

describe('an audit without a cache', () => {
  beforeEach(() => {
    calls.contentId = 0;
  });

  it('takes no content id of any file, and one of each file with a cache', async () => {
    const root = tree();
    const plain = await audit({ root, cache: false, workers: 1 });
    expect(calls.contentId).toBe(0);
    expect(plain.findings.length).toBeGreaterThan(0);

    const cacheDir = tempDir('kh-no-cache-ids-cache-');
    calls.contentId = 0;
    const cold = await audit({ root, cache: cacheDir, workers: 1 });
    // Every scannable file is read and identified once (the salt file is not scanned).
    expect(calls.contentId).toBe(plain.stats.files);
    expect(comparable(cold)).toEqual(comparable(plain));
  });

  it('gives the cached audit result, cold and from the cache, cross-file findings included', async () => {
    const root = tree();
    const cacheDir = tempDir('kh-no-cache-ids-cache-');
    const cold = await audit({ root, cache: cacheDir, workers: 1 });
    const warm = await audit({ root, cache: cacheDir, workers: 1 });
    const plain = await audit({ root, cache: false, workers: 1 });
    expect(plain.findings.map((f) => f.ruleId)).toEqual(
      expect.arrayContaining(['keyhygiene/secret-in-file', 'keyhygiene/cross-file-hardcoded-key']),
    );
    expect(comparable(plain)).toEqual(comparable(cold));
    expect(comparable(plain)).toEqual(comparable(warm));
  });
});
