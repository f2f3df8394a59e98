import { randomFillSync } from 'node:crypto';

/**
 * A source of cryptographically secure random bytes. The PKCS#11 backend provides one backed by
 * C_GenerateRandom (PKCS#11 v2.40 §5.15); the default is node:crypto (the OS CSPRNG via OpenSSL).
 */
export interface RandomSource {
  /** Human-readable description for audit records and `list` output, e.g. "pkcs11:SoftHSM/kh-test". */
  readonly description: string;
  /** Fills `buf` completely with random bytes. Must throw rather than return fewer bytes. */
  fill(buf: Uint8Array): void;
}

const nodeSource: RandomSource = {
  description: 'node:crypto',
  fill(buf) {
    randomFillSync(buf);
  },
};

let configured: RandomSource = nodeSource;

/**
 * Routes `randomBytes`, `randomInt` and `randomToken` to `source` (for example
 * `keyring.randomSource` of a PKCS#11 keyring), or back to node:crypto with `null`.
 * @throws {TypeError} when `source` has no `fill` function.
 */
export function configureRandomSource(source: RandomSource | null): void {
  if (source === null) {
    configured = nodeSource;
    return;
  }
  if (typeof source !== 'object' || typeof source.fill !== 'function') {
    throw new TypeError('source must be a RandomSource or null');
  }
  configured = source;
}

/** The description of the source in use ("node:crypto" unless configured). */
export function randomSourceDescription(): string {
  return configured.description;
}

const MAX_BYTES = 1 << 20;

/**
 * `n` random bytes in a fresh, unpooled Buffer.
 * @throws {TypeError} when `n` is not a number.
 * @throws {RangeError} when `n` is not an integer in [0, 1048576].
 */
export function randomBytes(n: number): Buffer {
  if (typeof n !== 'number') throw new TypeError('n must be a number');
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_BYTES)
    throw new RangeError(`n must be an integer in [0, ${MAX_BYTES}]`);
  // allocUnsafeSlow: its own ArrayBuffer, so wiping it reaches the only copy (never the 8 KiB pool).
  const out = Buffer.allocUnsafeSlow(n);
  if (n > 0) configured.fill(out);
  return out;
}

// 2^48 - 1 like node:crypto.randomInt: the range fits in 6 bytes, so rejection sampling is simple.
const MAX_RANGE = 2 ** 48 - 1;

/**
 * A uniformly distributed integer in [min, max) (max exclusive, like node:crypto.randomInt).
 * Unbiased: draws 48-bit values and rejects those at or above the largest multiple of the range,
 * instead of reducing modulo the range (which favours small values).
 * @throws {TypeError} when min or max is not a number.
 * @throws {RangeError} when they are not safe integers, when min >= max, or when max - min > 2^48 - 1.
 */
export function randomInt(min: number, max: number): number {
  if (typeof min !== 'number' || typeof max !== 'number') throw new TypeError('min and max must be numbers');
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max))
    throw new RangeError('min and max must be safe integers');
  if (max <= min) throw new RangeError('max must be greater than min');
  const range = max - min;
  if (range > MAX_RANGE) throw new RangeError('max - min must be at most 2^48 - 1');
  const limit = 2 ** 48 - (2 ** 48 % range);
  const buf = Buffer.allocUnsafeSlow(6);
  try {
    for (;;) {
      configured.fill(buf);
      const x = buf.readUIntBE(0, 6);
      if (x < limit) return min + (x % range);
    }
  } finally {
    buf.fill(0);
  }
}

/**
 * A random token of `bytes` random bytes, base64url without padding (RFC 4648 §5).
 * 32 bytes (256 bits) by default; fewer than 16 bytes (128 bits) is refused.
 * @throws {RangeError} when bytes is not an integer in [16, 1024].
 */
export function randomToken(bytes = 32): string {
  if (typeof bytes !== 'number') throw new TypeError('bytes must be a number');
  if (!Number.isSafeInteger(bytes) || bytes < 16 || bytes > 1024)
    throw new RangeError('bytes must be an integer in [16, 1024]');
  const b = randomBytes(bytes);
  try {
    return b.toString('base64url');
  } finally {
    b.fill(0);
  }
}
