/**
 * The analysis threads: the main thread plus `size - 1` `node:worker_threads`, fed from one queue. The main
 * thread reads and hashes files and queues the ones the cache cannot answer; each worker keeps two batches in
 * flight, so it never waits for the main thread between batches, and the main thread analyses one small file at
 * a time in between (it would otherwise sit idle while the workers lint). Nothing here loads ESLint until a
 * file is queued: the main thread imports the lint runner on its first file, and the workers start on the
 * first file (or earlier, through `warm`, when every file will be analysed). Workers load the compiled
 * `worker.js`; when the scanner runs from TypeScript sources (vitest) the main thread analyses alone.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import type { FileTask, Timing } from './analyse.js';
import type { FileResult } from './common.js';
import { currentFingerprintSpec } from './fingerprints.js';

export interface Job extends FileTask {
  readonly bytes: Buffer;
}

export interface Pool {
  /** Queues one file; resolves with its result (never rejects for a problem with the file itself). */
  submit(job: Job): Promise<FileResult>;
  /** Starts the worker threads now (they load ESLint while the main thread is still reading). */
  warm(): void;
  close(): Promise<void>;
  /** Analysis threads, the main thread included. */
  readonly threads: number;
  /** Thread time spent so far on code files (lint and summary) and on other files. */
  readonly timing: Readonly<Timing>;
}

/** One place files are analysed: the main thread or a worker. */
export interface Lane {
  /** How many batches it may hold at once. */
  readonly depth: number;
  /** Takes the next batch from the queue (`take(files, bytes)` gives at most that many, and at least one). */
  readonly batch: { readonly files: number; readonly bytes: number; readonly from: 'front' | 'back' };
  run(jobs: readonly Job[]): Promise<{ results: FileResult[]; timing: Timing }>;
  close(): Promise<void>;
}

interface Queued {
  readonly job: Job;
  resolve(r: FileResult): void;
  reject(e: unknown): void;
}

/**
 * A queue served by `lanes`: whenever a lane has room, it takes a batch (workers from the front, where the
 * largest files are queued first; the main thread from the back, one small file, so it returns to reading
 * and feeding the workers quickly). Exported for the scheduling test.
 */
export function laneQueue(lanes: () => readonly Lane[], timing: Timing): { submit: Pool['submit']; drop(): void } {
  const queue: Queued[] = [];
  const busy = new Map<Lane, number>();
  let closed = false;
  const take = (lane: Lane): Queued[] => {
    const out: Queued[] = [];
    let bytes = 0;
    while (queue.length > 0 && (out.length === 0 || (out.length < lane.batch.files && bytes < lane.batch.bytes))) {
      const q = lane.batch.from === 'front' ? queue.shift()! : queue.pop()!;
      out.push(q);
      bytes += q.job.bytes.length;
    }
    return out;
  };
  const pump = (): void => {
    if (closed) return;
    for (const lane of lanes()) {
      while (queue.length > 0 && (busy.get(lane) ?? 0) < lane.depth) {
        const batch = take(lane);
        busy.set(lane, (busy.get(lane) ?? 0) + 1);
        lane.run(batch.map((q) => q.job)).then(
          ({ results, timing: t }) => {
            busy.set(lane, busy.get(lane)! - 1);
            timing.code += t.code;
            timing.text += t.text;
            batch.forEach((q, k) => q.resolve(results[k]!));
            pump();
          },
          (e: unknown) => {
            busy.set(lane, busy.get(lane)! - 1);
            for (const q of batch) q.reject(e);
            pump();
          },
        );
      }
    }
  };
  return {
    submit(job) {
      return new Promise<FileResult>((resolve, reject) => {
        queue.push({ job, resolve, reject });
        pump();
      });
    },
    /** Refuses further work; what is still queued is rejected. */
    drop() {
      closed = true;
      for (const q of queue.splice(0)) q.reject(new Error('the analysis pool was closed'));
    },
  };
}

/** The compiled worker next to this module, when this module is itself compiled JS. */
function workerUrl(): URL | undefined {
  if (!import.meta.url.endsWith('.js')) return undefined;
  const url = new URL('./worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/**
 * The V8 heap (live objects and garbage not yet collected) above which the main thread collects its garbage
 * between two files. A worker's heap has a limit (`WORKER_OLD_SPACE_MB`); the main thread's is sized by the
 * machine's memory, and V8 lets garbage pile up far past what one file needs when the thread allocates fast:
 * one thread linting typeorm peaked at 512–669 MiB of RSS in most runs and at 1,135 MiB in one
 * (docs/benchmarks.md, "Audit speed, session 22"). Runs that stay under it never collect on purpose.
 */
const MAIN_HEAP_CEILING_MB = 448;

let exposedGc: (() => void) | null | undefined;
/** V8's full collection, exposed in a context of its own (the caller's globals are left alone), or null. */
function fullGc(): (() => void) | null {
  if (exposedGc !== undefined) return exposedGc;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    exposedGc = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    exposedGc = null;
  }
  return exposedGc;
}

/**
 * A check to run between files: when the heap in use is above `ceilingMb`, one full collection. When what
 * survives it is still more than two thirds of the ceiling (a repository whose live data is that large), the
 * ceiling moves up to one and a half times the survivors, so the check never collects after every file.
 * Returns whether it collected. Exported for its test, which passes its own heap reader and collector.
 */
export function heapCeiling(
  ceilingMb = MAIN_HEAP_CEILING_MB,
  usedBytes: () => number = () => getHeapStatistics().used_heap_size,
  collect: () => (() => void) | null = fullGc,
): () => boolean {
  let ceiling = ceilingMb * 1024 * 1024;
  return () => {
    if (usedBytes() <= ceiling) return false;
    const gc = collect();
    if (!gc) return false;
    gc();
    const survived = usedBytes();
    if (survived > (ceiling * 2) / 3) ceiling = survived * 1.5;
    return true;
  };
}

/** The main thread's lane: one file per turn of the event loop, the lint runner imported on first use. */
function mainLane(root: string, maxBytes: number): Lane {
  let analyse: Promise<typeof import('./analyse.js')> | undefined;
  const bounded = heapCeiling();
  return {
    depth: 1,
    batch: { files: 1, bytes: 0, from: 'back' },
    async run(jobs) {
      const { analyseTimed } = await (analyse ??= import('./analyse.js'));
      // setImmediate: reads that completed meanwhile are handled (and workers fed) before this file.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const timing: Timing = { code: 0, text: 0 };
      const results = jobs.map((j) => analyseTimed(root, j, j.bytes, maxBytes, timing));
      bounded();
      return { results, timing };
    },
    close: () => Promise.resolve(),
  };
}

/**
 * The old-generation heap of a worker, in MiB. V8 sizes an unbounded heap by the machine's memory and lets it
 * grow far past what one file needs (typeorm with 2 threads peaked at 1077 MiB on a quiet machine, most of it
 * the worker's garbage); with a limit it collects sooner. A file that needs more than the limit is not lost:
 * the worker's files go to the main thread, which has no limit (`workerLane`).
 */
const WORKER_OLD_SPACE_MB = 320;

let nextId = 0;
/**
 * A worker thread's lane. A worker that runs out of memory (`ERR_WORKER_OUT_OF_MEMORY`, past `oldSpaceMb`) is
 * gone: its batches in flight, and every later one, run in `fallback` (the main thread's lane). Any other
 * worker failure fails its files. Exported for the test with a worker script of its own.
 */
export function workerLane(
  url: URL,
  root: string,
  maxBytes: number,
  fallback: Lane,
  oldSpaceMb = WORKER_OLD_SPACE_MB,
  debug?: (line: string) => void,
): Lane {
  const w = new Worker(url, { resourceLimits: { maxOldGenerationSizeMb: oldSpaceMb } });
  type Result = { results: FileResult[]; timing: Timing };
  const waiting = new Map<number, { jobs: readonly Job[]; resolve(v: Result): void; reject(e: unknown): void }>();
  w.on('message', (msg: { id: number; results: FileResult[]; timing: Timing }) => {
    const p = waiting.get(msg.id);
    waiting.delete(msg.id);
    p?.resolve({ results: msg.results, timing: msg.timing });
  });
  let failed: Error | undefined;
  let outOfMemory = false;
  w.on('error', (e: Error & { code?: string }) => {
    failed = e;
    outOfMemory = e.code === 'ERR_WORKER_OUT_OF_MEMORY';
    if (outOfMemory)
      debug?.(`workers: a worker ran out of memory (${oldSpaceMb} MiB); the main thread takes its files`);
    for (const p of waiting.values()) {
      if (outOfMemory)
        fallback.run(p.jobs).then(
          (r) => p.resolve(r),
          (err: unknown) => p.reject(err),
        );
      else p.reject(e);
    }
    waiting.clear();
  });
  return {
    depth: 2,
    batch: { files: 16, bytes: 128 * 1024, from: 'front' },
    run(jobs) {
      if (outOfMemory) return fallback.run(jobs);
      return new Promise((resolve, reject) => {
        if (failed !== undefined) return reject(failed);
        const id = nextId++;
        waiting.set(id, { jobs, resolve, reject });
        w.postMessage({
          id,
          root,
          maxBytes,
          fingerprints: currentFingerprintSpec(),
          files: jobs.map((j) => ({ rel: j.rel, abs: j.abs, bytes: j.bytes })),
        });
      });
    },
    async close() {
      await w.terminate();
    },
  };
}

/**
 * A pool of `size` analysis threads: the main thread and `size - 1` workers (started on first use, or by
 * `warm`). From TypeScript sources there is no compiled worker: the main thread analyses alone.
 */
export function createPool(root: string, maxBytes: number, size: number, debug?: (line: string) => void): Pool {
  const url = size > 1 ? workerUrl() : undefined;
  if (size > 1 && !url) debug?.('workers: running in-process (TypeScript sources, no compiled worker)');
  const timing: Timing = { code: 0, text: 0 };
  const main = mainLane(root, maxBytes);
  let workers: Lane[] | undefined;
  const start = (): Lane[] =>
    (workers ??= url
      ? Array.from({ length: size - 1 }, () => workerLane(url, root, maxBytes, main, WORKER_OLD_SPACE_MB, debug))
      : []);
  // Workers first, so a batch goes to a worker before the main thread takes one.
  const queue = laneQueue(() => [...start(), main], timing);
  return {
    threads: url ? size : 1,
    timing,
    submit: queue.submit,
    warm: () => void start(),
    async close() {
      queue.drop();
      await Promise.all((workers ?? []).map((w) => w.close()));
    },
  };
}
