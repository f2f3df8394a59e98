import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, stat, truncate, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AUDIT_FILE, buildRecord, readTail, type AuditFields } from './audit.js';
import type { Backend, BackendHeader, MaterialRef, Provenance, Purpose } from './backend.js';
import { KeyhygieneError } from './errors.js';
import { appendDurable, checkPrivate, exists, writeFileAtomic } from './fsutil.js';
import { acquireLock } from './lock.js';
import { SecretBytes } from './secret-bytes.js';

export const STATE_FILE = 'keystore.json';
export const LOCK_FILE = 'keystore.lock';
const FORMAT = 'keyhygiene-keystore';
const STORE_VERSION = 1;

/** NIST SP 800-57 Pt 1 Rev. 5 §5.3 key states, mapped to operations (see docs/keys.md). */
export type VersionState = 'preactive' | 'active' | 'decrypt-only' | 'disabled' | 'destroy-scheduled' | 'destroyed';

export interface RotationPolicy {
  /** Cryptoperiod in days (default 90). */
  maxAgeDays: number;
  /** Encryptions (AEAD) or uses before rotation; capped well below the SP 800-38D §8.3 2^32 bound. */
  maxEncryptions: number;
  /** Rotate automatically on use when due (default true). */
  auto: boolean;
}

export interface VersionRecord {
  id: number;
  number: number;
  state: VersionState;
  compromised: boolean;
  algorithm: string;
  bytes: number;
  backend: 'software' | 'pkcs11';
  hardware: boolean;
  provenance: Provenance;
  createdAt: string;
  activatedAt?: string;
  deactivatedAt?: string;
  disabledAt?: string;
  destroyAt?: string;
  destroyedAt?: string;
  compromisedAt?: string;
  /** Encryptions reserved in persisted blocks; always >= encryptions performed (crash-safe). */
  reserved: number;
  ref: MaterialRef | null;
  publicKey?: string;
}

export interface KeyRecord {
  name: string;
  purpose: Purpose;
  createdAt: string;
  rotation: RotationPolicy | false;
  minDecryptionVersion: number;
  nextNumber: number;
  versions: VersionRecord[];
}

export interface StoreHeader {
  format: typeof FORMAT;
  version: number;
  storeId: string;
  createdAt: string;
  backend: BackendHeader;
}

export interface StoreBody {
  generation: number;
  updatedAt: string;
  keys: Record<string, KeyRecord>;
  /** The audit lines written by the last audited transaction, so a crash between the state write and
   * the log append is repaired, and a truncated log is detected. */
  lastAudit: { prev: string; prevSeq: number; seq: number; hash: string; lines: string } | null;
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
  #body: StoreBody;
  #stamp = '';
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;
  lockTimeoutMs: number;

  private constructor(
    dir: string,
    header: StoreHeader,
    backend: Backend,
    macKey: SecretBytes,
    body: StoreBody,
    lockTimeoutMs: number,
  ) {
    this.dir = dir;
    this.header = header;
    this.backend = backend;
    this.#macKey = macKey;
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
  static async create(dir: string, backend: Backend, options: { lockTimeoutMs?: number } = {}): Promise<Keystore> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    if (!(await exists(join(dir, STATE_FILE)))) {
      // A directory we just created may have had the umask applied; make it 0700 explicitly.
      await chmod(dir, 0o700).catch(() => undefined);
    }
    await checkPrivate(dir, 'dir');
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
      const macKey = deriveMacKey(root, storeId);
      root.wipe();
      const body: StoreBody = { generation: 0, updatedAt: header.createdAt, keys: {}, lastAudit: null };
      const ks = new Keystore(dir, header, backend, macKey, body, options.lockTimeoutMs ?? 15_000);
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
  static async open(dir: string, backend: Backend, options: { lockTimeoutMs?: number } = {}): Promise<Keystore> {
    const statePath = join(dir, STATE_FILE);
    if (!(await exists(statePath)))
      throw new KeyhygieneError('E_NOT_FOUND', `no keystore at ${dir} (create one with "keyhygiene keys init")`);
    await checkPrivate(dir, 'dir');
    await checkPrivate(statePath, 'file');
    if (await exists(join(dir, AUDIT_FILE))) await checkPrivate(join(dir, AUDIT_FILE), 'file');
    const raw = await readFile(statePath, 'utf8');
    const { header } = parseState(raw);
    const root = await backend.openStore(header.storeId, header.backend);
    const macKey = deriveMacKey(root, header.storeId);
    root.wipe();
    const ks = new Keystore(
      dir,
      header,
      backend,
      macKey,
      { generation: -1, updatedAt: '', keys: {}, lastAudit: null },
      options.lockTimeoutMs ?? 15_000,
    );
    try {
      ks.#body = ks.#verify(raw).body;
      ks.#stamp = await stampOf(statePath);
      // Without the lock a writer may commit between our state read and our log read, so a
      // mismatch is re-checked under the lock, where state and log are stable (and repaired).
      try {
        await ks.#checkAudit(ks.#body, false);
      } catch (e) {
        if (!(e instanceof KeyhygieneError && e.code === 'E_TAMPERED')) throw e;
        await ks.mutate((_draft, tx) => tx.abort());
      }
    } catch (e) {
      macKey.wipe();
      throw e;
    }
    return ks;
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
    this.#body = body;
    this.#stamp = stamp;
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
        await this.#checkAudit(body, true);
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
    if (audits.length > 0) {
      const tail = await readTail(this.auditPath, this.storeId);
      let cur = { seq: tail.seq, hash: tail.hash };
      const start = cur;
      let lines = '';
      for (const a of audits) {
        const r = buildRecord(this.storeId, cur, { ...a, generation: draft.generation, pid: process.pid });
        lines += r.line;
        cur = { seq: r.seq, hash: r.hash };
      }
      draft.lastAudit = { prev: start.hash, prevSeq: start.seq, seq: cur.seq, hash: cur.hash, lines };
    }
    await writeFileAtomic(this.statePath, this.#serialize(draft));
    if (audits.length > 0 && draft.lastAudit) await appendDurable(this.auditPath, draft.lastAudit.lines);
    this.#body = draft;
    this.#stamp = await stampOf(this.statePath);
  }

  /**
   * The audit log must end at the state's last audited transaction, or one transaction before it
   * (killed between the state write and the append: repaired under the lock). Anything else means
   * records were removed from the tail or the state was rolled back.
   */
  async #checkAudit(body: StoreBody, repair: boolean): Promise<void> {
    const la = body.lastAudit;
    if (!la) return;
    const tail = await readTail(this.auditPath, this.storeId);
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
        if (tail.torn || present > 0) await truncate(this.auditPath, keep);
        await appendDurable(this.auditPath, la.lines);
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

  #serialize(body: StoreBody): string {
    const h = JSON.stringify(this.header);
    const b = JSON.stringify(body);
    return `${h}\n${b}\n${this.#mac(h, b)}\n`;
  }

  #mac(h: string, b: string): string {
    return createHmac('sha256', this.#macKey.expose())
      .update(`${FORMAT}/v${STORE_VERSION}\n`)
      .update(h)
      .update('\n')
      .update(b)
      .digest('hex');
  }

  #verify(raw: string): { header: StoreHeader; body: StoreBody } {
    const { header, lines } = parseState(raw);
    const [h, b, mac] = lines;
    const expect = Buffer.from(this.#mac(h, b), 'hex');
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
    this.#macKey.wipe();
    await this.backend.close();
  }

  get closed(): boolean {
    return this.#closed;
  }

  #assertOpen(): void {
    if (this.#closed) throw new KeyhygieneError('E_CLOSED', 'keyring is closed');
  }
}

function parseState(raw: string): { header: StoreHeader; lines: [string, string, string] } {
  const lines = raw.split('\n');
  if (lines.length !== 4 || lines[3] !== '' || !/^[0-9a-f]{64}$/.test(lines[2] ?? '')) {
    throw new KeyhygieneError('E_CORRUPT', 'keystore state file is truncated or malformed');
  }
  let header: StoreHeader;
  try {
    header = JSON.parse(lines[0]!) as StoreHeader;
  } catch {
    throw new KeyhygieneError('E_CORRUPT', 'keystore state header is malformed');
  }
  if (header?.format !== FORMAT) throw new KeyhygieneError('E_CORRUPT', 'not a keyhygiene keystore state file');
  if (header.version !== STORE_VERSION)
    throw new KeyhygieneError(
      'E_VERSION',
      `keystore format version ${String(header.version)} is not supported (this build reads ${STORE_VERSION})`,
    );
  if (typeof header.storeId !== 'string' || !/^[0-9a-f]{32}$/.test(header.storeId))
    throw new KeyhygieneError('E_CORRUPT', 'keystore header has a malformed store id');
  return { header, lines: [lines[0]!, lines[1]!, lines[2]!] };
}

function deriveMacKey(root: SecretBytes, storeId: string): SecretBytes {
  // HKDF-SHA256 (RFC 5869) with the store id as salt: a distinct key per purpose of the root key.
  const ab = hkdfSync('sha256', root.expose(), Buffer.from(storeId, 'hex'), 'keyhygiene/v1 state-mac', 32);
  return new SecretBytes(Buffer.from(ab));
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
