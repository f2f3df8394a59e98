/**
 * The keystore state and its audit log must agree: the state file records the audit lines of its last
 * transaction, and the log must end there (or one transaction before, after a crash, which is repaired).
 */
import { truncate } from 'node:fs/promises';
import { readTail } from './audit.js';
import { KeyhygieneError } from './errors.js';
import { appendDurable } from './fsutil.js';
import type { StoreBody } from './store-records.js';

/**
 * The audit log must end at the state's last audited transaction, or one transaction before it
 * (killed between the state write and the append: repaired under the lock). Anything else means
 * records were removed from the tail or the state was rolled back.
 */
export async function checkLogHead(
  auditPath: string,
  storeId: string,
  body: StoreBody,
  repair: boolean,
): Promise<void> {
  const la = body.lastAudit;
  if (!la) return;
  const tail = await readTail(auditPath, storeId);
  if (tail.hash === la.hash && tail.seq === la.seq) return;
  // The transaction's lines go out in one append; a kill can leave none, some, or a torn part of
  // them. Any prefix of the transaction is repaired by rewriting the whole transaction.
  const txLines = la.lines.split('\n').filter(Boolean);
  let present = -1;
  if (tail.hash === la.prev && tail.seq === la.prevSeq) present = 0;
  else {
    const i = txLines.findIndex((l) => l.slice(0, 64) === tail.hash);
    if (i >= 0 && i < txLines.length - 1 && tail.seq === la.prevSeq + i + 1) present = i + 1;
  }
  if (present >= 0) {
    if (repair) {
      const prefixBytes = txLines.slice(0, present).reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
      const keep = tail.completeBytes - prefixBytes;
      if (tail.torn || present > 0) await truncate(auditPath, keep);
      await appendDurable(auditPath, la.lines);
    }
    return;
  }
  if (tail.seq > la.seq)
    throw new KeyhygieneError(
      'E_TAMPERED',
      `audit log is ahead of the keystore state (state rolled back to an older copy?)`,
    );
  throw new KeyhygieneError(
    'E_TAMPERED',
    `audit log does not end at the keystore's last record (records removed or altered)`,
  );
}
