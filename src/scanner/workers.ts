/**
 * A pool of `node:worker_threads`, each running the Linter over a batch of files. Workers load the
 * compiled `worker.js`; when the scanner runs from TypeScript sources (vitest) or with one worker, the
 * batches run in-process instead.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { analyseTimed, type FileTask, type Timing } from './analyse.js';
import type { FileResult } from './common.js';

export interface Job extends FileTask {
  readonly bytes: Buffer;
}

export interface Pool {
  run(jobs: readonly Job[]): Promise<FileResult[]>;
  close(): Promise<void>;
  readonly threads: number;
  /** Thread time spent so far on code files (lint and summary) and on other files. */
  readonly timing: Readonly<Timing>;
}

/** The compiled worker next to this module, when this module is itself compiled JS. */
function workerUrl(): URL | undefined {
  if (!import.meta.url.endsWith('.js')) return undefined;
  const url = new URL('./worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

export function createPool(root: string, maxBytes: number, size: number, debug?: (line: string) => void): Pool {
  const url = size > 1 ? workerUrl() : undefined;
  if (!url) {
    if (size > 1) debug?.('workers: running in-process (TypeScript sources, no compiled worker)');
    const timing: Timing = { code: 0, text: 0 };
    return {
      threads: 1,
      timing,
      run(jobs) {
        return Promise.resolve(jobs.map((j) => analyseTimed(root, j, j.bytes, maxBytes, timing)));
      },
      close() {
        return Promise.resolve();
      },
    };
  }
  const workers = Array.from({ length: size }, () => new Worker(url));
  let nextId = 0;
  const timing: Timing = { code: 0, text: 0 };
  return {
    threads: size,
    timing,
    async run(jobs) {
      // Split into one batch per worker, balanced by bytes, and run them all at once.
      const batches: Job[][] = workers.map(() => []);
      const load = workers.map(() => 0);
      for (const j of [...jobs].sort((a, b) => b.bytes.length - a.bytes.length)) {
        const i = load.indexOf(Math.min(...load));
        batches[i]!.push(j);
        load[i]! += j.bytes.length + 2000;
      }
      const order = new Map(jobs.map((j, i) => [j.rel, i]));
      const out = new Array<FileResult>(jobs.length);
      await Promise.all(
        batches.map(
          (batch, i) =>
            new Promise<void>((resolve, reject) => {
              if (batch.length === 0) return resolve();
              const w = workers[i]!;
              const id = nextId++;
              const onMessage = (msg: { id: number; results: FileResult[]; timing: Timing }): void => {
                if (msg.id !== id) return;
                timing.code += msg.timing.code;
                timing.text += msg.timing.text;
                w.off('message', onMessage);
                w.off('error', onError);
                msg.results.forEach((r, k) => (out[order.get(batch[k]!.rel)!] = r));
                resolve();
              };
              const onError = (e: Error): void => {
                w.off('message', onMessage);
                reject(e);
              };
              w.on('message', onMessage);
              w.once('error', onError);
              w.postMessage({
                id,
                root,
                maxBytes,
                files: batch.map((j) => ({ rel: j.rel, abs: j.abs, bytes: j.bytes })),
              });
            }),
        ),
      );
      return out;
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
