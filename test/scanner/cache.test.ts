/**
 * The audit cache is keyed by the detector and catalogue code, not only by the version number: a cache
 * written by another build (same version, different rules or catalogue) is never replayed.
 */
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { tempDirs } from '../helpers/temp.js';
import { detectorBuildId, detectorCodeId, openCache } from '../../src/scanner/cache.js';
import { withFingerprints } from '../../src/scanner/fingerprints.js';
import { audit } from '../../src/scanner/index.js';
import type { WalkedFile } from '../../src/scanner/sources/files.js';

const { tempDir, write, removeAll } = tempDirs();
afterAll(removeAll);

describe('detectorCodeId', () => {
  it('changes when a catalogue entry, a rule or a detector changes, and not for other files', () => {
    const base = tempDir('kh-code-id-');
    write(base, 'src/catalogue/algorithms.js', "export const weak = ['des'];\n");
    write(base, 'src/scanner/detect/text.js', 'export const scan = () => [];\n');
    write(base, 'rules/no-hardcoded-key.js', 'export default {};\n');
    write(base, 'src/plugin.js', 'export default {};\n');
    write(base, 'src/keys/store.js', 'export const store = 1;\n');
    write(base, 'src/catalogue/algorithms.d.ts', 'export declare const weak: string[];\n');
    const first = detectorCodeId(base);
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(detectorCodeId(base)).toBe(first);

    // Outside the detector code (the key manager, declarations): same id.
    write(base, 'src/keys/store.js', 'export const store = 2;\n');
    write(base, 'src/catalogue/algorithms.d.ts', 'export declare const weak: readonly string[];\n');
    expect(detectorCodeId(base)).toBe(first);

    for (const [rel, text] of [
      ['src/catalogue/algorithms.js', "export const weak = ['des', 'rc4'];\n"],
      ['src/scanner/detect/text.js', 'export const scan = () => [1];\n'],
      ['rules/no-hardcoded-key.js', 'export default { meta: {} };\n'],
      ['src/plugin.js', 'export default { rules: {} };\n'],
    ] as const) {
      const before = detectorCodeId(base);
      write(base, rel, text);
      expect(detectorCodeId(base), rel).not.toBe(before);
    }
  });

  it('is computed for this build from its own detector code', () => {
    const repo = path.resolve(import.meta.dirname, '..', '..');
    expect(detectorBuildId()).toBe(detectorCodeId(repo));
  });
});

describe('a cache written by another build', () => {
  it('is not read: every file is analysed again', async () => {
    const root = tempDir('kh-cache-build-');
    write(root, 'src/a.ts', 'export const add = (a: number, b: number) => a + b;\n');
    write(root, 'src/b.ts', "import { add } from './a';\nexport const three = add(1, 2);\n");
    const cache = path.join(root, '.cache');
    const lines: string[] = [];
    await audit({ root, workers: 1, cache });
    const file = path.join(cache, 'results-v2.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { build?: string; entries: Record<string, unknown> };
    expect(data.build).toBe(detectorBuildId());
    expect(Object.keys(data.entries).length).toBeGreaterThanOrEqual(2);

    // Same version, same entries, another build: nothing is replayed.
    writeFileSync(file, JSON.stringify({ ...data, build: '0000000000000000' }));
    await audit({ root, workers: 1, cache, debug: (l) => lines.push(l) });
    expect(lines.find((l) => l.startsWith('files: '))).toMatch(/^files: 2 results, 0 from cache/);

    // This build's cache is read.
    lines.length = 0;
    await audit({ root, workers: 1, cache, debug: (l) => lines.push(l) });
    expect(lines.find((l) => l.startsWith('files: '))).toMatch(/^files: 2 results, 2 from cache/);
  });

  it('with no build id at all (written before the id existed) is not read', async () => {
    const dir = tempDir('kh-cache-old-');
    const c = await openCache(dir);
    c.set('k', { findings: [], inventory: [], skipped: [], lines: 1, bytes: 1 });
    await c.save();
    const file = path.join(dir, 'results-v2.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect((await openCache(dir)).get('k')).toBeDefined();
    delete data.build;
    writeFileSync(file, JSON.stringify(data));
    expect((await openCache(dir)).get('k')).toBeUndefined();
  });
});

describe('unchanged files, by their stat', () => {
  const file = (over: Partial<WalkedFile> = {}): WalkedFile => ({
    rel: 'src/a.ts',
    abs: '/repo/src/a.ts',
    size: 120,
    mtimeMs: 1_000_000,
    ctimeMs: 1_000_500,
    ino: 42,
    ...over,
  });
  const started = 2_000_000;
  const spec = (salt: string) => ({ scheme: 'kh2', salt: salt.repeat(64) }) as const;

  it('gives back the hash recorded under the same size, times and inode, and nothing when one differs', async () => {
    const dir = tempDir('kh-cache-stat-');
    await withFingerprints(spec('a'), async () => {
      const c = await openCache(dir);
      expect(c.knownHash(file())).toBeUndefined();
      c.noteHash(file(), 'h1', started);
      await c.save();
    });
    await withFingerprints(spec('a'), async () => {
      const c = await openCache(dir);
      expect(c.knownHash(file())).toBe('h1');
      expect(c.knownHash(file({ size: 121 }))).toBeUndefined();
      expect(c.knownHash(file({ mtimeMs: 1_000_001 }))).toBeUndefined();
      expect(c.knownHash(file({ ctimeMs: 1_000_501 }))).toBeUndefined();
      expect(c.knownHash(file({ ino: 43 }))).toBeUndefined();
      expect(c.knownHash(file({ abs: '/other/src/a.ts' }))).toBeUndefined();
      // A walk that gives no times (another producer of WalkedFile) is always read.
      expect(c.knownHash({ rel: 'src/a.ts', abs: '/repo/src/a.ts', size: 120 })).toBeUndefined();
    });
  });

  it('records nothing for a file written less than three seconds before the scan started (racily clean)', async () => {
    const dir = tempDir('kh-cache-racy-');
    await withFingerprints(spec('a'), async () => {
      const c = await openCache(dir);
      c.noteHash(file({ mtimeMs: started - 2_000, ctimeMs: 1_000_000 }), 'h1', started);
      c.noteHash(file({ abs: '/repo/b.ts', mtimeMs: 1_000_000, ctimeMs: started - 10 }), 'h2', started);
      c.noteHash(file({ abs: '/repo/c.ts' }), 'h3', started);
      await c.save();
    });
    await withFingerprints(spec('a'), async () => {
      const c = await openCache(dir);
      expect(c.knownHash(file({ mtimeMs: started - 2_000, ctimeMs: 1_000_000 }))).toBeUndefined();
      expect(c.knownHash(file({ abs: '/repo/b.ts', mtimeMs: 1_000_000, ctimeMs: started - 10 }))).toBeUndefined();
      expect(c.knownHash(file({ abs: '/repo/c.ts' }))).toBe('h3');
    });
  });

  it('does not reuse hashes recorded under another salt', async () => {
    const dir = tempDir('kh-cache-stat-salt-');
    await withFingerprints(spec('a'), async () => {
      const c = await openCache(dir);
      c.noteHash(file(), 'h1', started);
      await c.save();
    });
    await withFingerprints(spec('b'), async () => {
      expect((await openCache(dir)).knownHash(file())).toBeUndefined();
    });
  });

  it('leaves the cache file as it is after a run that changed nothing', async () => {
    const dir = tempDir('kh-cache-unchanged-');
    await withFingerprints(spec('a'), async () => {
      const c = await openCache(dir);
      c.set('k', { findings: [], inventory: [], skipped: [], lines: 1, bytes: 1 });
      c.noteHash(file(), 'h1', started);
      await c.save();
    });
    const written = path.join(dir, 'results-v2.json');
    writeFileSync(written, readFileSync(written, 'utf8') + '\n');
    const before = readFileSync(written, 'utf8');
    await withFingerprints(spec('a'), async () => {
      const c = await openCache(dir);
      expect(c.get('k')).toBeDefined();
      expect(c.knownHash(file())).toBe('h1');
      await c.save();
    });
    expect(readFileSync(written, 'utf8')).toBe(before);
    // One entry not used any more: the file is rewritten without it.
    await withFingerprints(spec('a'), async () => {
      const c = await openCache(dir);
      expect(c.get('k')).toBeDefined();
      await c.save();
    });
    expect(readFileSync(written, 'utf8')).not.toBe(before);
  });

  it('in an audit: an unchanged settled file is not read again, and a changed one is', async () => {
    const root = tempDir('kh-cache-audit-stat-');
    write(root, 'src/a.ts', 'export const add = (a: number, b: number) => a + b;\n');
    write(root, 'config.yml', 'name: demo\n');
    const cache = path.join(root, '.cache');
    const lines: string[] = [];
    const run = async (): Promise<string | undefined> => {
      lines.length = 0;
      await audit({ root, workers: 1, cache, debug: (l) => lines.push(l) });
      return lines.find((l) => l.startsWith('files: '));
    };
    // The files were just written: not settled yet, so the first two runs read them.
    expect(await run()).toMatch(/^files: 2 results, 0 from cache, 0 of them unread/);
    expect(await run()).toMatch(/^files: 2 results, 2 from cache, 0 of them unread/);
    // Ten seconds later (by the clock the scan reads), they are settled: recorded, then trusted.
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now + 10_000);
    try {
      expect(await run()).toMatch(/^files: 2 results, 2 from cache, 0 of them unread/);
      expect(await run()).toMatch(/^files: 2 results, 2 from cache, 2 of them unread/);
      // Same size, new content: the stat changed (times), so the file is read and analysed again.
      write(root, 'config.yml', 'name: omed\n');
      // An explicit, different modification time: the test must not rely on the file system's clock resolution.
      utimesSync(path.join(root, 'config.yml'), new Date(now - 60_000), new Date(now - 60_000));
      const r = await audit({ root, workers: 1, cache, debug: (l) => lines.push(l) });
      expect(r.stats.files).toBe(2);
      expect(lines.filter((l) => l.startsWith('files: ')).pop()).toMatch(
        /^files: 2 results, 1 from cache, 1 of them unread/,
      );
    } finally {
      clock.mockRestore();
    }
  });
});
