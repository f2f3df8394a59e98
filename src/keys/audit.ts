import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { KeyhygieneError } from './errors.js';

/**
 * Append-only audit log with two chains (one record per line):
 *
 *   <hash> <mac> <json>\n
 *     hash = SHA-256(prev_hash || "\n" || mac || " " || json)            (anyone can recompute)
 *     mac  = HMAC-SHA256(auditKey, prev_mac || "\n" || json)              (needs the keystore's root key)
 *
 * The json carries `seq` (1, 2, 3, ...) and `prev` (the previous record's hash). Both chains start
 * from SHA-256("keyhygiene-audit/v2\n" || storeId). auditKey is HKDF-SHA256 of the keystore root key
 * (RFC 5869, info "keyhygiene/v2 audit-chain"), so only a holder of the passphrase or token can
 * recompute the MAC chain.
 *
 * - `verifyAuditLog(path)` needs no credentials and recomputes the hash chain: it catches accidental
 *   damage (a flipped bit, a torn line, a lost record). Anyone who can write the file can drop
 *   records and recompute that chain, so it proves nothing against an attacker.
 * - `keyring.verifyAuditLog()` also recomputes the MAC chain with the key, and checks the head
 *   against the authenticated keystore state: that catches removed, altered, inserted and re-chained
 *   records.
 * Records never contain key material: only names, version ids, states, backend labels and counts.
 */
export const AUDIT_FILE = 'audit.log';
const LABEL = 'keyhygiene-audit/v2';
const HEX64 = /^[0-9a-f]{64}$/;

export interface AuditFields {
  event: string;
  key?: string;
  version?: string;
  [k: string]: string | number | boolean | null | undefined | Record<string, unknown>;
}

interface AuditRecord {
  seq: number;
  ts: string;
  storeId: string;
  prev: string;
  event: string;
  [k: string]: unknown;
}

function genesisHash(storeId: string): string {
  return createHash('sha256').update(`${LABEL}\n${storeId}`).digest('hex');
}

function chainHash(prev: string, mac: string, json: string): string {
  return createHash('sha256').update(prev).update('\n').update(mac).update(' ').update(json).digest('hex');
}

function chainMac(key: Uint8Array, prevMac: string, json: string): string {
  return createHmac('sha256', key).update(prevMac).update('\n').update(json).digest('hex');
}

export interface ChainPoint {
  seq: number;
  hash: string;
  mac: string;
}

export function buildRecord(
  storeId: string,
  prev: ChainPoint,
  fields: AuditFields,
  key: Uint8Array,
): ChainPoint & { line: string } {
  const seq = prev.seq + 1;
  const rec: Record<string, unknown> = { seq, ts: new Date().toISOString(), storeId, prev: prev.hash };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) rec[k] = v;
  const json = JSON.stringify(rec);
  const mac = chainMac(key, prev.mac, json);
  const hash = chainHash(prev.hash, mac, json);
  return { seq, hash, mac, line: `${hash} ${mac} ${json}\n` };
}

/** Splits a line into its hash, mac and json; null when the line does not have that shape. */
function splitLine(line: string): { hash: string; mac: string; json: string } | null {
  const hash = line.slice(0, 64);
  const mac = line.slice(65, 129);
  if (line[64] !== ' ' || line[129] !== ' ' || !HEX64.test(hash) || !HEX64.test(mac)) return null;
  return { hash, mac, json: line.slice(130) };
}

export interface AuditTail {
  seq: number;
  hash: string;
  mac: string;
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
    const g = genesisHash(storeId);
    return { seq: 0, hash: g, mac: g, completeBytes: 0, torn: false };
  }
  if (size === 0) {
    const g = genesisHash(storeId);
    return { seq: 0, hash: g, mac: g, completeBytes: 0, torn: false };
  }
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
  if (lastNl < 0) {
    const g = genesisHash(storeId);
    return { seq: 0, hash: g, mac: g, completeBytes: 0, torn };
  }
  const parts = splitLine(body.slice(prevNl + 1));
  let seq: number;
  try {
    if (!parts) throw new Error('shape');
    seq = (JSON.parse(parts.json) as { seq: number }).seq;
  } catch {
    throw new KeyhygieneError('E_TAMPERED', 'audit log: last record is malformed');
  }
  return { seq, hash: parts.hash, mac: parts.mac, completeBytes, torn };
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
 * Needs no credentials, and so catches **accidental damage only**: a flipped bit, a torn final line,
 * a lost or duplicated record. Anyone who can write the file can drop records and recompute this
 * chain. `keyring.verifyAuditLog()` also checks the keyed MAC chain and the head against the
 * authenticated keystore state.
 * @throws {TypeError} when path is not a string. @throws {KeyhygieneError} E_NOT_FOUND when there is no log.
 */
export async function verifyAuditLog(path: string): Promise<AuditVerification> {
  if (typeof path !== 'string') throw new TypeError('path must be a string');
  return checkChain(await readLog(path), null);
}

/**
 * Verifies both chains with the audit key (internal: the keyring derives the key from its root key).
 * @throws {KeyhygieneError} E_NOT_FOUND when there is no log.
 */
export async function verifyAuditLogKeyed(path: string, key: Uint8Array): Promise<AuditVerification> {
  return checkChain(await readLog(path), key);
}

async function readLog(path: string): Promise<string> {
  let file = path;
  try {
    if ((await stat(path)).isDirectory()) file = join(path, AUDIT_FILE);
  } catch {
    throw new KeyhygieneError('E_NOT_FOUND', `no audit log at ${path}`);
  }
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new KeyhygieneError('E_NOT_FOUND', `no audit log at ${file}`);
  }
}

function checkChain(text: string, key: Uint8Array | null): AuditVerification {
  const lines = text.split('\n');
  const torn = lines.pop() !== '';
  let prevHash: string | null = null;
  let prevMac = '';
  let prevSeq = 0;
  let storeId: string | null = null;
  let n = 0;
  const fail = (line: number, reason: string): AuditVerification => ({
    ok: false,
    records: n,
    head: prevHash,
    error: { line, reason },
  });
  for (const [i, line] of lines.entries()) {
    const lineNo = i + 1;
    const parts = splitLine(line);
    if (!parts) return fail(lineNo, 'record does not have the form "<hash> <mac> <json>" (altered or truncated)');
    const { hash, mac, json } = parts;
    let rec: AuditRecord;
    try {
      rec = JSON.parse(json) as AuditRecord;
    } catch {
      return fail(lineNo, 'record is not valid JSON (altered or truncated)');
    }
    if (storeId === null) {
      storeId = String(rec.storeId);
      prevHash = genesisHash(storeId);
      prevMac = prevHash;
    }
    if (rec.storeId !== storeId) return fail(lineNo, 'record belongs to another keystore');
    if (rec.seq !== prevSeq + 1)
      return fail(
        lineNo,
        `sequence jumps from ${prevSeq} to ${String(rec.seq)} (record removed, inserted or reordered)`,
      );
    if (rec.prev !== prevHash) return fail(lineNo, 'previous-hash link broken (record removed or reordered)');
    if (chainHash(prevHash!, mac, json) !== hash) return fail(lineNo, 'record hash mismatch (record altered)');
    if (key) {
      const expect = Buffer.from(chainMac(key, prevMac, json), 'hex');
      if (!timingSafeEqual(expect, Buffer.from(mac, 'hex')))
        return fail(lineNo, 'record MAC mismatch (records removed, altered or the chain recomputed without the key)');
    }
    prevHash = hash;
    prevMac = mac;
    prevSeq = rec.seq;
    n++;
  }
  if (torn) return fail(lines.length + 1, 'final record is incomplete (torn write)');
  return { ok: true, records: n, head: prevHash };
}
