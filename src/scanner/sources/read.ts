/**
 * Reads one file for analysis: a size limit, binary detection and strict UTF-8 decoding. A file that
 * cannot be read as text says why, and never crashes the scan.
 *
 * Binary: a NUL byte in the first 8 KiB, unless the file is valid UTF-8 in which control bytes are rare
 * (at most 1% of that window). A source file with one raw NUL inside a string literal is text to every
 * parser, and skipping it whole would hide the rest of the file; UTF-16 text and real binaries (NULs
 * and other control bytes everywhere, or bytes that are not UTF-8) stay binary.
 */
import type { SkippedFile } from '../../report/types.js';

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export type ReadOutcome =
  | { readonly ok: true; readonly text: string; readonly bytes: Buffer }
  | { readonly ok: false; readonly skip: SkippedFile; readonly bytes?: Buffer };

const utf8 = new TextDecoder('utf-8', { fatal: true });

const WINDOW = 8192;

/** C0 control bytes that text does not use (tab, line feed, vertical tab, form feed, carriage return, escape do). */
function isControl(byte: number): boolean {
  return byte < 0x20 && !(byte >= 0x09 && byte <= 0x0d) && byte !== 0x1b;
}

function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, WINDOW);
  let nul = false;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) nul = true;
    if (isControl(b)) controls++;
  }
  if (!nul) return false;
  if (controls * 100 > n) return true;
  try {
    utf8.decode(bytes);
    return false;
  } catch {
    return true;
  }
}

/** Decodes bytes as text, or says why they are not text. */
export function decode(rel: string, bytes: Buffer, maxBytes: number): ReadOutcome {
  if (bytes.length > maxBytes)
    return { ok: false, skip: { file: rel, reason: 'too-large', detail: `${bytes.length} bytes > ${maxBytes}` } };
  if (isBinary(bytes)) return { ok: false, skip: { file: rel, reason: 'binary' }, bytes };
  try {
    return { ok: true, text: utf8.decode(bytes).replace(/^\uFEFF/, ''), bytes };
  } catch {
    return { ok: false, skip: { file: rel, reason: 'encoding', detail: 'not valid UTF-8' }, bytes };
  }
}
