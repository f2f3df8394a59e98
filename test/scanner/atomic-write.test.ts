import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/scanner/atomic-write.js';
import { openCache } from '../../src/scanner/cache.js';
import { audit, loadBaseline, writeBaseline } from '../../src/scanner/index.js';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'kh-atomic-'));

describe('writeFileAtomic', () => {
  it('replaces a target that is a hard link without rewriting the other name', async () => {
    const dir = fresh();
    const shared = join(dir, 'shared.json');
    const target = join(dir, 'target.json');
    writeFileSync(shared, 'other');
    linkSync(shared, target);
    await writeFileAtomic(target, 'this');
    expect(readFileSync(target, 'utf8')).toBe('this');
    expect(readFileSync(shared, 'utf8')).toBe('other');
    expect(readdirSync(dir).sort()).toEqual(['shared.json', 'target.json']);
  });

  it('creates missing folders and writes bytes as given', async () => {
    const dir = fresh();
    const file = join(dir, 'a', 'b', 'c.bin');
    await writeFileAtomic(file, new Uint8Array([0, 255, 7]));
    expect([...readFileSync(file)]).toEqual([0, 255, 7]);
  });

  it('keeps the old file and leaves no temporary file when the rename fails', async () => {
    const dir = fresh();
    const file = join(dir, 'keep.txt');
    await writeFileAtomic(file, 'first');
    // A non-empty folder where the file should go: the rename fails after the temporary file was written.
    const blocked = join(dir, 'blocked');
    mkdirSync(blocked);
    writeFileSync(join(blocked, 'inside'), 'x');
    await expect(writeFileAtomic(blocked, 'second')).rejects.toMatchObject({ code: expect.any(String) });
    expect(readdirSync(dir).sort()).toEqual(['blocked', 'keep.txt']);
    expect(readFileSync(file, 'utf8')).toBe('first');
  });

  it('gives concurrent writes of one file their own temporary names: the last rename wins whole', async () => {
    const dir = fresh();
    const file = join(dir, 'race.txt');
    const texts = Array.from({ length: 8 }, (_, i) => String(i).repeat(50_000));
    await Promise.all(texts.map((t) => writeFileAtomic(file, t)));
    expect(texts).toContain(readFileSync(file, 'utf8'));
    expect(readdirSync(dir)).toEqual(['race.txt']);
  });
});

describe('the baseline and the cache are written through it', () => {
  it('a baseline that is a hard link gets a new file; the other name keeps its text', async () => {
    const dir = fresh();
    const tree = join(dir, 'tree');
    mkdirSync(tree);
    writeFileSync(join(tree, 'notes.txt'), 'nothing secret here\n');
    const shared = join(dir, 'shared.json');
    const file = join(dir, 'baseline.json');
    writeFileSync(shared, 'other');
    linkSync(shared, file);
    await writeBaseline(file, await audit({ root: tree, workers: 1 }));
    expect(readFileSync(shared, 'utf8')).toBe('other');
    expect((await loadBaseline(file)).entries).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['baseline.json', 'shared.json', 'tree']);
  });

  it('a saved cache leaves only its own file in its folder', async () => {
    const dir = join(fresh(), 'cache');
    const cache = await openCache(dir);
    cache.set('k', { findings: [], inventory: [], skipped: [], lines: 1, bytes: 2 });
    await cache.save();
    expect(readdirSync(dir)).toHaveLength(1);
    const again = await openCache(dir);
    expect(again.get('k')).toEqual({ findings: [], inventory: [], skipped: [], lines: 1, bytes: 2 });
  });
});
