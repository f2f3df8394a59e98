import { createHash } from 'node:crypto';
import { open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { KeyhygieneError } from './errors.js';

/**
 * Append-only, hash-chained audit log (one record per line):
 *
 *   <sha256 hex> <json>\n      where sha256 = SHA-256(prev_hash_hex || "\n" || json)
 *
 * and the json carries `seq` (1, 2, 3, ...) and `prev` (the previous record's hash; the first
 * record's prev is SHA-256("keyhygiene-audit/v1\n" || storeId)). Removing, altering, inserting or
 * reordering a record breaks the chain. Truncating the tail is caught against the keystore, whose
 * authenticated state holds the last record (see Keystore). Records never contain key material:
 * only names, version ids, states, backend labels and counts.
 */
export const AUDIT_FILE = 'audit.log';

export interface AuditFields {
  event: string;
  key?: string;
  version?: string;
  [k: string]: string | number | boolean | null | undefined | Record<string, unknown>;
}

export interface AuditRecord {
  seq: number;
  ts: string;
  storeId: string;
  prev: string;
  event: string;
  [k: string]: unknown;
}

export function genesisHash(storeId: string): string {
  return createHash('sha256').update(`keyhygiene-audit/v1\n${storeId}`).digest('hex');
}

export function chainHash(prev: string, json: string): string {
  return createHash('sha256').update(prev).update('\n').update(json).digest('hex');
}

export function buildRecord(
  storeId: string,
  prev: { seq: number; hash: string },
  fields: AuditFields,
): { seq: number; hash: string; line: string } {
  const seq = prev.seq + 1;
  const rec: Record<string, unknown> = { seq, ts: new Date().toISOString(), storeId, prev: prev.hash };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) rec[k] = v;
  const json = JSON.stringify(rec);
  const hash = chainHash(prev.hash, json);
  return { seq, hash, line: `${hash} ${json}\n` };
}

export interface AuditTail {
  seq: number;
  hash: string;
  /** Bytes of the file that form complete lines; a torn final line (crash mid-append) lies beyond. */
  completeBytes: number;
  torn: boolean;
}

/** Reads the last complete record of the log (only the final 64 KiB). */
export async function readTail(path: string, storeId: string): Promise<AuditTail> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return { seq: 0, hash: genesisHash(storeId), completeBytes: 0, torn: false };
  }
  if (size === 0) return { seq: 0, hash: genesisHash(storeId), completeBytes: 0, torn: false };
  const chunk = Math.min(size, 65536);
  const fd = await open(path, 'r');
  let buf: Buffer;
  try {
    buf = Buffer.alloc(chunk);
    await fd.read(buf, 0, chunk, size - chunk);
  } finally {
    await fd.close();
  }
  const text = buf.toString('utf8');
  const lastNl = text.lastIndexOf('\n');
  const torn = lastNl !== text.length - 1;
  const completeBytes = size - Buffer.byteLength(text.slice(lastNl + 1));
  const body = text.slice(0, lastNl);
  const prevNl = body.lastIndexOf('\n');
  if (lastNl < 0) return { seq: 0, hash: genesisHash(storeId), completeBytes: 0, torn };
  const line = body.slice(prevNl + 1);
  const sp = line.indexOf(' ');
  let seq: number;
  try {
    seq = (JSON.parse(line.slice(sp + 1)) as { seq: number }).seq;
  } catch {
    throw new KeyhygieneError('E_TAMPERED', 'audit log: last record is malformed');
  }
  return { seq, hash: line.slice(0, sp), completeBytes, torn };
}

export interface AuditVerification {
  ok: boolean;
  records: number;
  /** Hash of the last valid record (the chain head). */
  head: string | null;
  /** First problem found, with its 1-based line number. */
  error?: { line: number; reason: string };
}

/**
 * Verifies the hash chain of a keystore's audit log (`path` is the keystore directory or the log file).
 * Detects altered, removed, inserted and reordered records. Without the keystore key it cannot tell a
 * cut-off tail from a short log; `keyring.verifyAuditLog()` also checks the head against the
 * authenticated keystore state.
 */
export async function verifyAuditLog(path: string): Promise<AuditVerification> {
  if (typeof path !== 'string') throw new TypeError('path must be a string');
  let file = path;
  try {
    if ((await stat(path)).isDirectory()) file = join(path, AUDIT_FILE);
  } catch {
    throw new KeyhygieneError('E_NOT_FOUND', `no audit log at ${path}`);
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new KeyhygieneError('E_NOT_FOUND', `no audit log at ${file}`);
  }
  const lines = text.split('\n');
  const torn = lines.pop() !== '';
  let prevHash: string | null = null;
  let prevSeq = 0;
  let storeId: string | null = null;
  let n = 0;
  for (const [i, line] of lines.entries()) {
    const lineNo = i + 1;
    const sp = line.indexOf(' ');
    const hash = line.slice(0, sp);
    const json = line.slice(sp + 1);
    let rec: AuditRecord;
    try {
      rec = JSON.parse(json) as AuditRecord;
    } catch {
      return {
        ok: false,
        records: n,
        head: prevHash,
        error: { line: lineNo, reason: 'record is not valid JSON (altered or truncated)' },
      };
    }
    if (storeId === null) {
      storeId = String(rec.storeId);
      prevHash = genesisHash(storeId);
    }
    if (rec.storeId !== storeId)
      return {
        ok: false,
        records: n,
        head: prevHash,
        error: { line: lineNo, reason: 'record belongs to another keystore' },
      };
    if (rec.seq !== prevSeq + 1) {
      return {
        ok: false,
        records: n,
        head: prevHash,
        error: {
          line: lineNo,
          reason: `sequence jumps from ${prevSeq} to ${String(rec.seq)} (record removed, inserted or reordered)`,
        },
      };
    }
    if (rec.prev !== prevHash)
      return {
        ok: false,
        records: n,
        head: prevHash,
        error: { line: lineNo, reason: 'previous-hash link broken (record removed or reordered)' },
      };
    if (chainHash(prevHash!, json) !== hash)
      return {
        ok: false,
        records: n,
        head: prevHash,
        error: { line: lineNo, reason: 'record hash mismatch (record altered)' },
      };
    prevHash = hash;
    prevSeq = rec.seq;
    n++;
  }
  if (torn)
    return {
      ok: false,
      records: n,
      head: prevHash,
      error: { line: lines.length + 1, reason: 'final record is incomplete (torn write)' },
    };
  return { ok: true, records: n, head: prevHash };
}
