/**
 * Worker thread entry: receives batches of files (with their bytes), analyses each, posts results back.
 * Loaded from compiled JS only (dist/src/scanner/worker.js); under vitest the pool runs in-process.
 */
import { parentPort } from 'node:worker_threads';
import { analyseTimed, type FileTask, type Timing } from './analyse.js';
import { withFingerprints, type FingerprintSpec } from './fingerprints.js';

interface Batch {
  readonly id: number;
  readonly root: string;
  readonly maxBytes: number;
  /** The scan's salt: every thread fingerprints with the same one. */
  readonly fingerprints: FingerprintSpec;
  readonly files: ReadonlyArray<FileTask & { readonly bytes: Uint8Array }>;
}

parentPort?.on('message', (batch: Batch) => {
  const timing: Timing = { code: 0, text: 0 };
  const results = withFingerprints(batch.fingerprints, () =>
    batch.files.map((f) =>
      analyseTimed(
        batch.root,
        { rel: f.rel, abs: f.abs },
        Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength),
        batch.maxBytes,
        timing,
      ),
    ),
  );
  parentPort!.postMessage({ id: batch.id, results, timing });
});
