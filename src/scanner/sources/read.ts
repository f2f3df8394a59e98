/**
 * Reads one file for analysis: a size limit, binary detection (a NUL byte in the first 8 KiB) and
 * strict UTF-8 decoding. A file that cannot be read as text says why, and never crashes the scan.
 */
import type { SkippedFile } from '../../report/types.js';

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export type ReadOutcome =
  | { readonly ok: true; readonly text: string; readonly bytes: Buffer }
  | { readonly ok: false; readonly skip: SkippedFile; readonly bytes?: Buffer };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
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
