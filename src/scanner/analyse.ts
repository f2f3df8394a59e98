/**
 * One file in, one `FileResult` out: the dispatch between the lint runner (JS/TS), keystores, and the
 * text detectors. Runs in the main thread or in a worker; never throws for a file.
 */
import type { FileResult } from './common.js';
import { emptyResult, safeDetail } from './common.js';
import { isCodeFile } from './code-files.js';
import { lintFile } from './detect/lint.js';
import { extOf, keystoreExtensions, scanKeystoreFile, scanTextFile } from './detect/text.js';
import { withTemplateFindings } from './detect/templates/index.js';
import { decode } from './sources/read.js';

export interface FileTask {
  readonly rel: string;
  readonly abs: string;
}

/** Thread time spent per kind of file, in milliseconds (for the phase split of `--debug` and the bench). */
export interface Timing {
  code: number;
  text: number;
}

/** `analyseBytes`, adding the time it took to `timing` under the file's kind. */
export function analyseTimed(
  root: string,
  task: FileTask,
  bytes: Buffer,
  maxBytes: number,
  timing: Timing,
): FileResult {
  const t0 = performance.now();
  const r = analyseBytes(root, task, bytes, maxBytes);
  timing[isCodeFile(task.rel) ? 'code' : 'text'] += performance.now() - t0;
  return r;
}

/** Analyses one file from its bytes. */
function analyseBytes(root: string, task: FileTask, bytes: Buffer, maxBytes: number): FileResult {
  try {
    if (keystoreExtensions.has(extOf(task.rel))) return scanKeystoreFile(task.rel, bytes);
    const read = decode(task.rel, bytes, maxBytes);
    if (!read.ok) return { ...emptyResult(bytes.length), skipped: [read.skip] };
    if (isCodeFile(task.rel)) return lintFile(root, task.abs, task.rel, read.text);
    return withTemplateFindings(scanTextFile(task.rel, read.text), task.rel, read.text);
  } catch (e) {
    return {
      ...emptyResult(bytes.length),
      skipped: [
        { file: task.rel, reason: 'internal-error', detail: safeDetail(e instanceof Error ? e.message : String(e)) },
      ],
    };
  }
}
