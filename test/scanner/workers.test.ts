/**
 * The analysis queue (src/scanner/workers.ts): every queued file gets its own result, workers take batches from
 * the front and keep at most their depth in flight, the main thread takes one file from the back, a failed
 * lane fails only its own files, and a pool closed early rejects what is still queued.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FileResult } from '../../src/scanner/common.js';
import { createPool, heapCeiling, laneQueue, workerLane, type Job, type Lane } from '../../src/scanner/workers.js';

const job = (rel: string, size = 10): Job => ({ rel, abs: `/r/${rel}`, bytes: Buffer.alloc(size) });
const resultOf = (j: Job): FileResult => ({
  findings: [],
  inventory: [],
  skipped: [],
  lines: j.bytes.length,
  bytes: 0,
});

/** A lane that records what it was given and finishes each batch when told to. */
function fakeLane(depth: number, batch: Lane['batch']) {
  const taken: string[][] = [];
  const open: Array<() => void> = [];
  let inFlight = 0;
  let most = 0;
  const lane: Lane = {
    depth,
    batch,
    run(jobs) {
      taken.push(jobs.map((j) => j.rel));
      most = Math.max(most, ++inFlight);
      return new Promise((resolve) =>
        open.push(() => {
          inFlight--;
          resolve({ results: jobs.map(resultOf), timing: { code: 1, text: 0 } });
        }),
      );
    },
    close: () => Promise.resolve(),
  };
  return { lane, taken, finishOne: () => open.shift()?.(), most: () => most };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('laneQueue', () => {
  it('feeds workers batches from the front and the main thread single files from the back', async () => {
    const worker = fakeLane(2, { files: 3, bytes: 1_000, from: 'front' });
    const main = fakeLane(1, { files: 1, bytes: 0, from: 'back' });
    const timing = { code: 0, text: 0 };
    const q = laneQueue(() => [worker.lane, main.lane], timing);
    // Queued before any lane has room: submit pumps at once, so queue them in one go.
    const jobs = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((r) => job(r));
    const all = jobs.map((j) => q.submit(j));
    // The first submit went to the worker alone; then the worker's second slot; then the main thread.
    expect(worker.taken).toEqual([['a'], ['b']]);
    expect(main.taken).toEqual([['c']]);
    worker.finishOne();
    main.finishOne();
    await tick();
    expect(worker.taken[2]).toEqual(['d', 'e', 'f']);
    expect(main.taken[1]).toEqual(['i']);
    // Finish whatever is in flight until every file was handed out and answered (bounded).
    for (let k = 0; k < jobs.length; k++) {
      worker.finishOne();
      main.finishOne();
      await tick();
    }
    const results = await Promise.all(all);
    expect(results.map((r) => r.lines)).toEqual(jobs.map(() => 10));
    expect(worker.most()).toBeLessThanOrEqual(2);
    expect(main.most()).toBe(1);
    expect([...worker.taken.flat(), ...main.taken.flat()].sort()).toEqual(jobs.map((j) => j.rel));
    expect(timing.code).toBe(worker.taken.length + main.taken.length);
  });

  it('caps a worker batch by bytes as well as by files', () => {
    const worker = fakeLane(1, { files: 10, bytes: 25, from: 'front' });
    const q = laneQueue(() => [worker.lane], { code: 0, text: 0 });
    q.submit(job('first', 10)).catch(() => {});
    for (const r of ['x', 'y', 'z', 'w']) q.submit(job(r, 10)).catch(() => {});
    worker.finishOne();
    return tick().then(() => {
      expect(worker.taken[1]).toEqual(['x', 'y', 'z']);
      q.drop();
    });
  });

  it('fails the files of a lane that failed, and rejects what is queued when dropped', async () => {
    const broken: Lane = {
      depth: 1,
      batch: { files: 2, bytes: 1_000, from: 'front' },
      run: () => Promise.reject(new Error('worker died')),
      close: () => Promise.resolve(),
    };
    const q = laneQueue(() => [broken], { code: 0, text: 0 });
    await expect(q.submit(job('a'))).rejects.toThrow('worker died');
    const stuck = fakeLane(1, { files: 1, bytes: 0, from: 'front' });
    const q2 = laneQueue(() => [stuck.lane], { code: 0, text: 0 });
    const first = q2.submit(job('a'));
    const waiting = q2.submit(job('b'));
    q2.drop();
    await expect(waiting).rejects.toThrow('closed');
    stuck.finishOne();
    await expect(first).resolves.toMatchObject({ lines: 10 });
  });
});

describe('createPool from TypeScript sources', () => {
  it('analyses in the main thread, and counts thread time by kind of file', async () => {
    const pool = createPool('/r', 1 << 20, 4);
    expect(pool.threads).toBe(1);
    const code = await pool.submit({ rel: 'a.ts', abs: '/r/a.ts', bytes: Buffer.from('export const x = 1;\n') });
    const text = await pool.submit({ rel: 'notes.md', abs: '/r/notes.md', bytes: Buffer.from('# notes\n') });
    await pool.close();
    expect(code.lines).toBe(2);
    expect(code.summary).toBeDefined();
    expect(text.lines).toBe(2);
    expect(pool.timing.code).toBeGreaterThan(0);
    expect(pool.timing.text).toBeGreaterThan(0);
  });
});

describe('a worker lane with a heap limit', () => {
  // A stand-in worker: a file named `bug` throws; any other file makes it allocate until its heap limit ends it.
  const WORKER = [
    "import { parentPort } from 'node:worker_threads';",
    'parentPort.on("message", (b) => {',
    '  if (b.files[0].rel === "bug") throw new Error("worker bug");',
    '  const hog = [];',
    '  for (;;) hog.push(new Array(100000).fill(hog.length));',
    '});',
  ].join('\n');

  /** Runs `fn` with the stand-in worker written to a temporary file, removed afterwards. */
  async function withWorkerScript(fn: (url: URL) => Promise<void>): Promise<void> {
    const dir = mkdtempSync(path.join(tmpdir(), 'kh-worker-'));
    try {
      const file = path.join(dir, 'worker.mjs');
      writeFileSync(file, WORKER);
      await fn(pathToFileURL(file));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('gives the files of a worker that ran out of memory, and every later batch, to the main thread', () =>
    withWorkerScript(async (url) => {
      const main = fakeLane(1, { files: 1, bytes: 0, from: 'back' });
      const lines: string[] = [];
      const lane = workerLane(url, '/r', 1 << 20, main.lane, 16, (l) => lines.push(l));
      const first = lane.run([job('big', 30), job('small', 5)]);
      // The fallback receives the batch only once the worker has died of its heap limit.
      for (let i = 0; i < 500 && main.taken.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(main.taken).toEqual([['big', 'small']]);
      main.finishOne();
      await expect(first).resolves.toMatchObject({ results: [{ lines: 30 }, { lines: 5 }] });
      expect(lines.join('\n')).toContain('ran out of memory (16 MiB)');
      const later = lane.run([job('later', 7)]);
      expect(main.taken[1]).toEqual(['later']);
      main.finishOne();
      await expect(later).resolves.toMatchObject({ results: [{ lines: 7 }] });
      await lane.close();
    }));

  it('fails the files of a worker that failed for any other reason', () =>
    withWorkerScript(async (url) => {
      const main = fakeLane(1, { files: 1, bytes: 0, from: 'back' });
      const lane = workerLane(url, '/r', 1 << 20, main.lane, 64);
      await expect(lane.run([job('bug')])).rejects.toThrow('worker bug');
      await expect(lane.run([job('next')])).rejects.toThrow('worker bug');
      expect(main.taken).toEqual([]);
      await lane.close();
    }));
});

describe('heapCeiling (the main thread between two files)', () => {
  const MiB = 1024 * 1024;
  /** A heap reader over a list of readings, and a collector that counts its calls. */
  const fake = (readings: number[]) => {
    let calls = 0;
    return {
      used: () => readings.shift()! * MiB,
      collect: () => () => void calls++,
      calls: () => calls,
    };
  };

  it('does nothing while the heap in use stays under the ceiling', () => {
    const f = fake([100, 400, 448]);
    const check = heapCeiling(448, f.used, f.collect);
    expect([check(), check(), check()]).toEqual([false, false, false]);
    expect(f.calls()).toBe(0);
  });

  it('collects once when the heap in use is above the ceiling, and keeps the ceiling when little survives', () => {
    // 500 over the ceiling: collect, 120 survive; then 449 is over the same ceiling again.
    const f = fake([500, 120, 300, 449, 100]);
    const check = heapCeiling(448, f.used, f.collect);
    expect(check()).toBe(true);
    expect(f.calls()).toBe(1);
    expect(check()).toBe(false);
    expect(check()).toBe(true);
    expect(f.calls()).toBe(2);
  });

  it('raises the ceiling above large survivors, so it never collects after every file', () => {
    // 400 of 500 survive (more than two thirds of 448): the ceiling becomes 600, so 590 is under it.
    const f = fake([500, 400, 590, 601, 200]);
    const check = heapCeiling(448, f.used, f.collect);
    expect(check()).toBe(true);
    expect(check()).toBe(false);
    expect(check()).toBe(true);
    expect(f.calls()).toBe(2);
  });

  it('does nothing when no collector can be had', () => {
    const check = heapCeiling(
      1,
      () => 10 * MiB,
      () => null,
    );
    expect(check()).toBe(false);
  });

  it("runs V8's full collection for real, from a context of its own", () => {
    expect(heapCeiling(0)()).toBe(true);
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });
});
