/**
 * Checking the keystore's audit log from a keyring: the hash and keyed MAC chains, and that the log
 * ends at the record the authenticated keystore state names, read under the keystore lock.
 */
import { readTail, type AuditVerification } from '../audit.js';
import { KeyhygieneError } from '../errors.js';
import type { KeyCore } from './core.js';

export async function verifyAuditLog(k: KeyCore): Promise<AuditVerification> {
  k.assertOpen();
  try {
    return await verifyAuditLogLocked(k);
  } catch (e) {
    // The transaction's own pre-check refused the log: report where the chains break instead of throwing.
    if (!(e instanceof KeyhygieneError && e.code === 'E_TAMPERED')) throw e;
    const res = await k.store.verifyAuditChain();
    if (!res.ok) return res;
    return { ok: false, records: res.records, head: res.head, error: { line: res.records, reason: e.message } };
  }
}

function verifyAuditLogLocked(k: KeyCore): Promise<AuditVerification> {
  // Under the keystore lock: no writer can commit between reading the state and reading the log.
  return k.store.mutate(async (draft, tx) => {
    tx.abort();
    const res = await k.store.verifyAuditChain();
    if (!res.ok) return res;
    const la = draft.lastAudit;
    if (la) {
      const tail = await readTail(k.store.auditPath, k.store.storeId);
      if (tail.hash !== la.hash) {
        return {
          ok: false,
          records: res.records,
          head: res.head,
          error: {
            line: res.records,
            reason: 'log does not end at the record the keystore state names (tail removed or rolled back)',
          },
        };
      }
    }
    return res;
  });
}
