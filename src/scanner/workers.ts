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
import { currentFingerprintSpec } from './fingerprints.js';

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
  // Started on first use, and no more of them than there are files to analyse: a run answered from the
  // cache (or with a handful of changed files) does not pay for loading ESLint in idle threads.
  const workers: Worker[] = [];
  const started = (files: number): Worker[] => {
    while (workers.length < Math.min(size, files)) workers.push(new Worker(url));
    return workers;
  };
  let nextId = 0;
  const timing: Timing = { code: 0, text: 0 };
  return {
    threads: size,
    timing,
    async run(jobs) {
      if (jobs.length === 0) return [];
      // Each worker pulls small batches as it becomes free (largest files first), so no worker idles
      // while another still has a long queue.
      const order = jobs.map((_, i) => i).sort((a, b) => jobs[b]!.bytes.length - jobs[a]!.bytes.length);
      const out = new Array<FileResult>(jobs.length);
      let next = 0;
      const take = (): number[] => {
        const batch: number[] = [];
        let bytes = 0;
        while (next < order.length && (batch.length === 0 || (batch.length < 16 && bytes < 128 * 1024))) {
          const i = order[next++]!;
          batch.push(i);
          bytes += jobs[i]!.bytes.length;
        }
        return batch;
      };
      const send = (w: Worker, batch: readonly number[]): Promise<FileResult[]> =>
        new Promise((resolve, reject) => {
          const id = nextId++;
          const onMessage = (msg: { id: number; results: FileResult[]; timing: Timing }): void => {
            if (msg.id !== id) return;
            w.off('message', onMessage);
            w.off('error', onError);
            timing.code += msg.timing.code;
            timing.text += msg.timing.text;
            resolve(msg.results);
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
            fingerprints: currentFingerprintSpec(),
            files: batch.map((i) => ({ rel: jobs[i]!.rel, abs: jobs[i]!.abs, bytes: jobs[i]!.bytes })),
          });
        });
      await Promise.all(
        started(jobs.length).map(async (w) => {
          for (let batch = take(); batch.length > 0; batch = take()) {
            const results = await send(w, batch);
            results.forEach((r, k) => (out[batch[k]!] = r));
          }
        }),
      );
      return out;
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
