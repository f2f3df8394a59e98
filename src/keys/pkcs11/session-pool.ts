/** The PKCS#11 session pool: one operation per session, at most `sessions` at a time. */
import { KeyhygieneError } from '../errors.js';
import type { Handle, Lib, Mod } from './module.js';

/**
 * A fixed-size pool of sessions. PKCS#11 allows one active operation per session, and after an
 * error (e.g. CKR_BUFFER_TOO_SMALL) the operation can stay active, so a session that saw an error
 * is closed rather than reused.
 */
export class SessionPool {
  #idle: Handle[] = [];
  #all = new Set<string>();
  #waiters: Array<(h: Handle) => void> = [];
  #closed = false;

  constructor(
    private readonly lib: Lib,
    private readonly mod: Mod,
    private readonly slot: Handle,
    private readonly max: number,
  ) {}

  /**
   * A session outside the pool (the login session, a fresh session to verify a destroy): it does not
   * count against `max`. Counting it once made `sessions: 1` deadlock at open, and every destroy
   * verification used up a pool slot for good.
   */
  open(): Handle {
    return this.lib.C_OpenSession(this.slot, this.mod.CKF_SERIAL_SESSION | this.mod.CKF_RW_SESSION);
  }

  /** A pooled session: counted until it is discarded. */
  #openPooled(): Handle {
    const h = this.open();
    this.#all.add(h.toString('hex'));
    return h;
  }

  async run<T>(op: string, fn: (s: Handle) => T | Promise<T>): Promise<T> {
    const s = await this.#acquire();
    let ok = false;
    try {
      const r = await fn(s);
      ok = true;
      return r;
    } catch (e) {
      throw e;
    } finally {
      if (ok) this.#release(s);
      else this.#discard(s);
    }
  }

  async #acquire(): Promise<Handle> {
    if (this.#closed) throw new KeyhygieneError('E_CLOSED', 'PKCS#11 backend is closed');
    const s = this.#idle.pop();
    if (s) return s;
    if (this.#all.size < this.max) return this.#openPooled();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  #release(s: Handle): void {
    const w = this.#waiters.shift();
    if (w) w(s);
    else this.#idle.push(s);
  }

  #discard(s: Handle): void {
    this.#all.delete(s.toString('hex'));
    try {
      this.lib.C_CloseSession(s);
    } catch {
      // The session may already be invalid; either way it is gone from the pool.
    }
    const w = this.#waiters.shift();
    if (w) {
      try {
        w(this.#openPooled());
      } catch {
        // Cannot reopen: the waiter will be served by the next release.
        this.#waiters.unshift(w);
      }
    }
  }

  closeAll(): void {
    this.#closed = true;
    for (const s of this.#idle) {
      try {
        this.lib.C_CloseSession(s);
      } catch {
        // ignore: closing at shutdown
      }
    }
    this.#idle = [];
    this.#all.clear();
  }
}
