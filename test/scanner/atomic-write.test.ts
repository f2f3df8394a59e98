import { execFileSync, spawn } from 'node:child_process';
import {
  lstatSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
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

  it('follows a symbolic link: the file it points at is replaced and the link stays a link', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'report.json'), 'old');
    symlinkSync(join('real', 'report.json'), join(dir, 'report.json'));
    await writeFileAtomic(join(dir, 'report.json'), 'new');
    expect(lstatSync(join(dir, 'report.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real', 'report.json'), 'utf8')).toBe('new');
    expect(readdirSync(join(dir, 'real'))).toEqual(['report.json']);
  });

  it('a link to a file that does not exist yet: the file is made where the link points', async () => {
    const dir = fresh();
    symlinkSync(join('out', 'report.json'), join(dir, 'report.json'));
    await writeFileAtomic(join(dir, 'report.json'), 'made');
    expect(lstatSync(join(dir, 'report.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'out', 'report.json'), 'utf8')).toBe('made');
  });

  it('a FIFO (a CI step reading the report from a pipe) is written in place and stays a FIFO', async () => {
    const dir = fresh();
    const fifo = join(dir, 'report.pipe');
    execFileSync('mkfifo', [fifo]);
    // A reader in another process, as a CI step would be: it prints what came through the pipe.
    const reader = spawn('cat', [fifo]);
    const chunks: Buffer[] = [];
    reader.stdout.on('data', (c: Buffer) => chunks.push(c));
    const closed = new Promise<void>((done) => reader.on('close', () => done()));
    let timer: NodeJS.Timeout | undefined;
    try {
      await writeFileAtomic(fifo, 'through the pipe');
      // A rename over the FIFO would leave the reader waiting for ever: give up after 20 s and fail.
      await Promise.race([
        closed,
        new Promise((_, fail) => (timer = setTimeout(() => fail(new Error('no data')), 20_000))),
      ]);
    } finally {
      clearTimeout(timer);
      reader.kill();
    }
    expect(Buffer.concat(chunks).toString()).toBe('through the pipe');
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['report.pipe']);
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
