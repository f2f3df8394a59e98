/**
 * One file in, one `FileResult` out: the dispatch between the lint runner (JS/TS), keystores, and the
 * text detectors. Runs in the main thread or in a worker; never throws for a file.
 */
import type { FileResult } from './common.js';
import { emptyResult, LineMap, safeDetail } from './common.js';
import { isCodeFile } from './code-files.js';
import { componentExtensions, componentParts } from './detect/components.js';
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
    if (componentExtensions.has(extOf(task.rel))) return analyseComponent(root, task, read.text);
    return textResult(task.rel, read.text);
  } catch (e) {
    return {
      ...emptyResult(bytes.length),
      skipped: [
        { file: task.rel, reason: 'internal-error', detail: safeDetail(e instanceof Error ? e.message : String(e)) },
      ],
    };
  }
}

const textResult = (rel: string, text: string): FileResult => withTemplateFindings(scanTextFile(rel, text), rel, text);

/**
 * A single-file component (`.vue`, `.svelte`): its script blocks linted as code (under the name of a `.ts` or `.js`
 * file beside it, so the parser reads the block's language; findings keep the component's path), its markup read
 * by the text detectors, each at the component's own lines and columns (src/scanner/detect/components.ts).
 */
function analyseComponent(root: string, task: FileTask, text: string): FileResult {
  const parts = componentParts(text);
  if (!parts) return textResult(task.rel, text);
  const code = lintFile(root, `${task.abs}.${parts.lang}`, task.rel, parts.script);
  const markup = textResult(task.rel, parts.markup);
  return {
    findings: [...code.findings, ...markup.findings],
    inventory: [...code.inventory, ...markup.inventory],
    skipped: [...code.skipped, ...markup.skipped],
    lines: new LineMap(text).count,
    bytes: Buffer.byteLength(text),
  };
}
