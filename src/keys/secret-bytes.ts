import { randomBytes as nodeRandomBytes, timingSafeEqual } from 'node:crypto';
import { inspect } from 'node:util';
import { KeyhygieneError } from './errors.js';

const REDACTED = (n: number): string => `SecretBytes(${n} bytes, redacted)`;

/**
 * An opaque holder for secret bytes (a key, a derived key, a loaded secret).
 *
 * - The bytes live in a Buffer that owns its own ArrayBuffer: never a slice of Node's shared 8 KiB
 *   pool (Buffer.from / allocUnsafe), because wiping a pooled slice leaves other copies around.
 * - `toString`, `toJSON` and `util.inspect` redact, so logging a handle never leaks material.
 * - `equals` runs in constant time (crypto.timingSafeEqual).
 * - `wipe()` zero-fills the only copy this object holds. It cannot reach copies made by OpenSSL
 *   contexts or by callers of `expose()`; see docs/keys.md "Memory".
 */
export class SecretBytes {
  #buf: Buffer;
  #wiped = false;

  /**
   * Takes ownership of `bytes` when it is an unpooled Buffer; otherwise copies into a fresh unpooled
   * buffer and (for Buffers and Uint8Arrays the caller passed in) leaves the source untouched.
   * @throws {TypeError} when `bytes` is not a Uint8Array.
   */
  constructor(bytes: Uint8Array, options: { copy?: boolean } = {}) {
    if (!(bytes instanceof Uint8Array)) throw new TypeError('bytes must be a Uint8Array');
    const owned =
      !options.copy && Buffer.isBuffer(bytes) && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    if (owned) {
      this.#buf = bytes;
    } else {
      this.#buf = Buffer.allocUnsafeSlow(bytes.byteLength);
      this.#buf.set(bytes);
    }
  }

  /** Fresh random secret from node:crypto (never pooled: randomBytes allocates its own buffer). */
  static random(n: number): SecretBytes {
    if (!Number.isSafeInteger(n) || n < 1 || n > 1 << 20) throw new RangeError('n must be an integer in [1, 1048576]');
    return new SecretBytes(unpooled(nodeRandomBytes(n)));
  }

  /**
   * UTF-8 encodes `text` straight into an unpooled buffer. (`Buffer.from(string)` would leave a copy
   * in Node's shared 8 KiB pool, out of reach of wipe().)
   */
  static fromUtf8(text: string): SecretBytes {
    if (typeof text !== 'string') throw new TypeError('text must be a string');
    const b = Buffer.allocUnsafeSlow(Buffer.byteLength(text, 'utf8'));
    b.write(text, 'utf8');
    return new SecretBytes(b);
  }

  /** Copies `bytes` into a new unpooled SecretBytes. */
  static from(bytes: Uint8Array): SecretBytes {
    return new SecretBytes(bytes, { copy: true });
  }

  get length(): number {
    return this.#buf.length;
  }

  get wiped(): boolean {
    return this.#wiped;
  }

  /**
   * The live buffer, not a copy: what you pass to a third-party library. Wiping this SecretBytes
   * zeroes it.
   * @throws {KeyhygieneError} E_DESTROYED after wipe().
   */
  expose(): Buffer {
    this.#assertLive();
    return this.#buf;
  }

  /**
   * Runs `fn` with the live buffer and wipes afterwards, also when `fn` throws or rejects.
   */
  use<T>(fn: (bytes: Buffer) => T): T;
  use<T>(fn: (bytes: Buffer) => Promise<T>): Promise<T>;
  use<T>(fn: (bytes: Buffer) => T | Promise<T>): T | Promise<T> {
    this.#assertLive();
    let result: T | Promise<T>;
    try {
      result = fn(this.#buf);
    } catch (e) {
      this.wipe();
      throw e;
    }
    if (result instanceof Promise) return result.finally(() => this.wipe());
    this.wipe();
    return result;
  }

  /** Constant-time comparison with another SecretBytes or byte array (false on length mismatch). */
  equals(other: SecretBytes | Uint8Array): boolean {
    this.#assertLive();
    const o = other instanceof SecretBytes ? other.expose() : other;
    if (!(o instanceof Uint8Array)) throw new TypeError('other must be SecretBytes or Uint8Array');
    if (o.byteLength !== this.#buf.length) return false;
    return timingSafeEqual(this.#buf, o);
  }

  /** Zero-fills the buffer. Idempotent. */
  wipe(): void {
    this.#buf.fill(0);
    this.#wiped = true;
  }

  toString(): string {
    return REDACTED(this.#buf.length);
  }

  toJSON(): string {
    return REDACTED(this.#buf.length);
  }

  [inspect.custom](): string {
    return REDACTED(this.#buf.length);
  }

  get [Symbol.toStringTag](): string {
    return 'SecretBytes';
  }

  #assertLive(): void {
    if (this.#wiped) {
      throw new KeyhygieneError('E_DESTROYED', 'SecretBytes was wiped');
    }
  }
}

/** Returns `b` if it owns its ArrayBuffer, else an unpooled copy (and zeroes the pooled source). */
function unpooled(b: Buffer): Buffer {
  if (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength) return b;
  const out = Buffer.allocUnsafeSlow(b.length);
  b.copy(out);
  b.fill(0);
  return out;
}
