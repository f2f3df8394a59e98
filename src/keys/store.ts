/**
 * The keystore: its directory, and the transactions (lock, verify, apply, commit) that change its state
 * file and audit log. The state file's format and migration are in `./store-format.ts`, the rollback
 * anchor in `./store-anchor.ts`, and the check that log and state agree in `./store-log.ts`.
 */
import { timingSafeEqual } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AUDIT_FILE,
  buildRecord,
  readTail,
  verifyAuditLogKeyed,
  type AuditFields,
  type AuditVerification,
} from './audit.js';
import type { AnchorStore, Backend } from './backend.js';
import { KeyhygieneError } from './errors.js';
import { appendDurable, checkPrivate, exists, writeFileAtomic } from './fsutil.js';
import { acquireLock } from './lock.js';
import type { SecretBytes } from './secret-bytes.js';
import { anchorText, checkAnchor, fileAnchorFor } from './store-anchor.js';
import { deriveStoreKey, migrateBody, migrateHeader, needsMigration, parseState, stateMac } from './store-format.js';
import { checkLogHead } from './store-log.js';
import { FORMAT, STORE_VERSION, type StoreBody, type StoreHeader } from './store-records.js';

const STATE_FILE = 'keystore.json';
const LOCK_FILE = 'keystore.lock';

export interface KeystoreOptions {
  lockTimeoutMs?: number;
  /** Software backend: a file OUTSIDE the keystore directory that records the latest generation and log head. */
  anchorPath?: string;
}

export interface Tx {
  audit(fields: AuditFields): void;
  /** Marks the transaction as a no-op: nothing is written. */
  abort(): void;
}

/**
 * The embedded keystore: a 0700 directory with one authenticated state file, a lock file and the
 * audit log. Only wrapped key material and metadata are at rest. Every change is a transaction:
 * lock, re-read and verify, apply, generation + 1, atomic write, audit append, unlock; so two
 * processes never lose each other's updates and a kill at any point leaves the old or the new state.
 */
export class Keystore {
  readonly dir: string;
  readonly header: StoreHeader;
  readonly backend: Backend;
  #macKey: SecretBytes;
  #auditKey: SecretBytes;
  #anchorKey: SecretBytes;
  #anchor: AnchorStore | null = null;
  #body: StoreBody;
  #stamp = '';
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;
  lockTimeoutMs: number;

  private constructor(
    dir: string,
    header: StoreHeader,
    backend: Backend,
    root: SecretBytes,
    body: StoreBody,
    lockTimeoutMs: number,
  ) {
    this.dir = dir;
    this.header = header;
    this.backend = backend;
    this.#macKey = deriveStoreKey(root, header.storeId, 'keyhygiene/v1 state-mac');
    this.#auditKey = deriveStoreKey(root, header.storeId, 'keyhygiene/v2 audit-chain');
    this.#anchorKey = deriveStoreKey(root, header.storeId, 'keyhygiene/v2 rollback-anchor');
    this.#body = body;
    this.lockTimeoutMs = lockTimeoutMs;
  }

  get storeId(): string {
    return this.header.storeId;
  }

  get body(): StoreBody {
    return this.#body;
  }

  get statePath(): string {
    return join(this.dir, STATE_FILE);
  }

  get auditPath(): string {
    return join(this.dir, AUDIT_FILE);
  }

  /**
   * Creates a new keystore in `dir` (created with mode 0700).
   * @throws {KeyhygieneError} E_EXISTS when a keystore is already there; E_PERMISSIONS when `dir` is shared.
   */
  static async create(dir: string, backend: Backend, options: KeystoreOptions = {}): Promise<Keystore> {
    // Only a directory we create here is chmod-ed (the umask may have applied). An existing directory
    // is the caller's: it is used when already private, and refused otherwise (never silently chmod-ed).
    const created = await mkdir(dir, { recursive: true, mode: 0o700 });
    if (created !== undefined) await chmod(dir, 0o700).catch(() => undefined);
    await checkPrivate(dir, 'dir');
    const anchor = fileAnchorFor(dir, options.anchorPath);
    const release = await acquireLock(join(dir, LOCK_FILE), { timeoutMs: options.lockTimeoutMs });
    try {
      if (await exists(join(dir, STATE_FILE)))
        throw new KeyhygieneError('E_EXISTS', `a keystore already exists at ${dir}`);
      const idBuf = Buffer.alloc(16);
      backend.random.fill(idBuf);
      const storeId = idBuf.toString('hex');
      const { header: bh, root } = await backend.initStore(storeId);
      const header: StoreHeader = {
        format: FORMAT,
        version: STORE_VERSION,
        storeId,
        createdAt: new Date().toISOString(),
        backend: bh,
      };
      const body: StoreBody = { generation: 0, updatedAt: header.createdAt, keys: {}, lastAudit: null };
      const ks = new Keystore(dir, header, backend, root, body, options.lockTimeoutMs ?? 15_000);
      root.wipe();
      ks.#anchor = anchor ?? backend.anchor?.(storeId) ?? null;
      await ks.#commitLocked(body, [
        {
          event: 'store.init',
          backend: backend.info.type,
          hardware: backend.info.hardware,
          detail: backend.info.description,
        },
      ]);
      return ks;
    } finally {
      await release();
    }
  }

  /**
   * Opens an existing keystore and verifies the whole state file and the audit log head.
   * @throws {KeyhygieneError} E_NOT_FOUND, E_PERMISSIONS, E_CORRUPT (truncated/malformed), E_VERSION,
   *   E_AUTH (wrong passphrase/PIN), E_TAMPERED (authentication failure, audit log cut or rolled back).
   */
  static async open(dir: string, backend: Backend, options: KeystoreOptions = {}): Promise<Keystore> {
    const statePath = join(dir, STATE_FILE);
    if (!(await exists(statePath)))
      throw new KeyhygieneError('E_NOT_FOUND', `no keystore at ${dir} (create one with "keyhygiene keys init")`);
    await checkPrivate(dir, 'dir');
    await checkPrivate(statePath, 'file');
    if (await exists(join(dir, AUDIT_FILE))) await checkPrivate(join(dir, AUDIT_FILE), 'file');
    const raw = await readFile(statePath, 'utf8');
    const onDisk = parseState(raw).header;
    // An older format is verified as it is, then rewritten in the current format under the lock below.
    const header = needsMigration(onDisk) ? migrateHeader(onDisk) : onDisk;
    const explicitAnchor = fileAnchorFor(dir, options.anchorPath);
    const root = await backend.openStore(header.storeId, header.backend);
    const ks = new Keystore(
      dir,
      header,
      backend,
      root,
      { generation: -1, updatedAt: '', keys: {}, lastAudit: null },
      options.lockTimeoutMs ?? 15_000,
    );
    root.wipe();
    try {
      ks.#body = ks.#verify(raw).body;
      ks.#stamp = await stampOf(statePath);
      const recorded = ks.#body.anchor;
      ks.#anchor =
        explicitAnchor ??
        backend.anchor?.(header.storeId) ??
        (recorded?.type === 'file' ? fileAnchorFor(dir, recorded.path) : null);
      // Read without the lock: a writer may commit between our state read and our anchor read, so a
      // failure is looked at again under the lock (as the audit check below does).
      const anchorOk = await checkAnchor(ks.#anchor, ks.#anchorKey, ks.storeId, ks.#body).then(
        () => true,
        (e: unknown) => {
          if (e instanceof KeyhygieneError && e.code === 'E_TAMPERED') return false;
          throw e;
        },
      );
      if (!anchorOk) await ks.mutate((_draft, tx) => tx.abort());
      // Without the lock a writer may commit between our state read and our log read, so a
      // mismatch is re-checked under the lock, where state and log are stable (and repaired).
      try {
        await checkLogHead(ks.auditPath, ks.storeId, ks.#body, false);
      } catch (e) {
        if (!(e instanceof KeyhygieneError && e.code === 'E_TAMPERED')) throw e;
        await ks.mutate((_draft, tx) => tx.abort());
      }
      if (needsMigration(onDisk)) await ks.#migrate();
    } catch (e) {
      ks.#wipeKeys();
      throw e;
    }
    return ks;
  }

  /**
   * Rewrites an older format's state file in the current format (one audited commit, `store.migrate`).
   * Another process may have migrated it first: then nothing is written.
   */
  async #migrate(): Promise<void> {
    await this.mutate(async (draft, tx) => {
      const from = parseState(await readFile(this.statePath, 'utf8')).header.version;
      if (from === STORE_VERSION) return tx.abort();
      migrateBody(draft);
      tx.audit({ event: 'store.migrate', detail: `keystore format ${from} -> ${STORE_VERSION}` });
    });
  }

  /** Re-reads the state file when it changed on disk (cheap stat check). */
  async refresh(force = false): Promise<void> {
    this.#assertOpen();
    const stamp = await stampOf(this.statePath);
    if (!force && stamp === this.#stamp) return;
    const raw = await readFile(this.statePath, 'utf8');
    const { header, body } = this.#verify(raw);
    if (header.storeId !== this.header.storeId)
      throw new KeyhygieneError('E_TAMPERED', 'keystore state file was replaced by another keystore');
    if (body.generation < this.#body.generation)
      throw new KeyhygieneError(
        'E_TAMPERED',
        `keystore generation went back from ${this.#body.generation} to ${body.generation} (rollback)`,
      );
    try {
      await checkAnchor(this.#anchor, this.#anchorKey, this.storeId, body);
    } catch (e) {
      if (!(e instanceof KeyhygieneError && e.code === 'E_TAMPERED')) throw e;
      // A writer may have committed between our state read and our anchor read: look again under the
      // lock, where state and anchor agree unless something was rolled back (then this throws).
      await this.mutate((_draft, tx) => tx.abort());
      this.#stamp = await stampOf(this.statePath);
      return;
    }
    this.#body = body;
    this.#stamp = stamp;
  }

  /** Where the rollback anchor lives, or null when this keystore has none. */
  get anchorDescription(): string | null {
    return this.#anchor?.description ?? null;
  }

  /** Verifies the audit log's hash chain and keyed MAC chain (no lock; see Keyring.verifyAuditLog). */
  verifyAuditChain(): Promise<AuditVerification> {
    this.#assertOpen();
    return verifyAuditLogKeyed(this.dir, this.#auditKey.expose());
  }

  /**
   * Runs `fn` as one transaction on a fresh copy of the state, under the in-process queue and the
   * inter-process lock.
   */
  async mutate<T>(fn: (draft: StoreBody, tx: Tx) => Promise<T> | T): Promise<T> {
    this.#assertOpen();
    const run = async (): Promise<T> => {
      const release = await acquireLock(join(this.dir, LOCK_FILE), { timeoutMs: this.lockTimeoutMs });
      try {
        // Under the lock no other writer is active, so any temp file is left from a killed writer.
        // Remove it: it holds an old (wrapped) state that a later destroy must not leave behind.
        await removeStaleTemps(this.dir);
        const raw = await readFile(this.statePath, 'utf8');
        const { body } = this.#verify(raw);
        if (body.generation < this.#body.generation)
          throw new KeyhygieneError('E_TAMPERED', 'keystore generation went back (rollback)');
        await checkLogHead(this.auditPath, this.storeId, body, true);
        await checkAnchor(this.#anchor, this.#anchorKey, this.storeId, body);
        this.#body = body;
        const draft = structuredClone(body);
        const audits: AuditFields[] = [];
        let aborted = false;
        const result = await fn(draft, {
          audit: (f) => audits.push(f),
          abort: () => {
            aborted = true;
          },
        });
        if (!aborted) await this.#commitLocked(draft, audits);
        return result;
      } finally {
        await release();
      }
    };
    const p = this.#queue.then(run, run);
    this.#queue = p.catch(() => undefined);
    return p;
  }

  async #commitLocked(draft: StoreBody, audits: AuditFields[]): Promise<void> {
    const prevGen = draft.generation;
    draft.generation = prevGen + 1;
    draft.updatedAt = new Date().toISOString();
    // Every commit is audited, so the log and the state advance together: swapping in another copy of
    // the state file alone always leaves the log ahead of it or behind it.
    if (audits.length === 0) audits.push({ event: 'store.commit' });
    const tail = await readTail(this.auditPath, this.storeId);
    let cur = { seq: tail.seq, hash: tail.hash, mac: tail.mac };
    const start = cur;
    let lines = '';
    for (const a of audits) {
      const r = buildRecord(
        this.storeId,
        cur,
        { ...a, generation: draft.generation, pid: process.pid },
        this.#auditKey.expose(),
      );
      lines += r.line;
      cur = { seq: r.seq, hash: r.hash, mac: r.mac };
    }
    draft.lastAudit = { prev: start.hash, prevSeq: start.seq, seq: cur.seq, hash: cur.hash, lines };
    if (this.#anchor && !draft.anchor) draft.anchor = this.#anchor.record;
    await writeFileAtomic(this.statePath, this.#serialize(draft));
    await appendDurable(this.auditPath, draft.lastAudit.lines);
    // The anchor goes last: a crash before it leaves the state one generation ahead of the anchor,
    // which is accepted (an older state than the anchor is what a rollback looks like).
    if (this.#anchor) await this.#anchor.write(anchorText(this.#anchorKey, this.storeId, draft));
    this.#body = draft;
    this.#stamp = await stampOf(this.statePath);
  }

  #serialize(body: StoreBody): string {
    const h = JSON.stringify(this.header);
    const b = JSON.stringify(body);
    return `${h}\n${b}\n${stateMac(this.#macKey, STORE_VERSION, h, b)}\n`;
  }

  #verify(raw: string): { header: StoreHeader; body: StoreBody } {
    const { header, lines } = parseState(raw);
    const [h, b, mac] = lines;
    // An older format's file is authenticated under its own version (it is migrated at open).
    const expect = Buffer.from(stateMac(this.#macKey, header.version, h, b), 'hex');
    const got = Buffer.from(mac, 'hex');
    if (got.length !== expect.length || !timingSafeEqual(got, expect)) {
      throw new KeyhygieneError(
        'E_TAMPERED',
        `keystore state ${this.statePath} failed authentication (altered, truncated or from another keystore)`,
      );
    }
    let body: StoreBody;
    try {
      body = JSON.parse(b) as StoreBody;
    } catch {
      throw new KeyhygieneError('E_CORRUPT', 'keystore state body is malformed');
    }
    return { header, body };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#queue;
    this.#wipeKeys();
    await this.backend.close();
  }

  #wipeKeys(): void {
    this.#macKey.wipe();
    this.#auditKey.wipe();
    this.#anchorKey.wipe();
  }

  get closed(): boolean {
    return this.#closed;
  }

  #assertOpen(): void {
    if (this.#closed) throw new KeyhygieneError('E_CLOSED', 'keyring is closed');
  }
}

async function removeStaleTemps(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (name.startsWith(`.${STATE_FILE}.tmp-`)) await unlink(join(dir, name)).catch(() => undefined);
  }
}

async function stampOf(path: string): Promise<string> {
  const st = await stat(path);
  return `${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
}
