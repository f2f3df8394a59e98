import { scrypt as nodeScrypt } from 'node:crypto';
import { argon2idAsync } from '@noble/hashes/argon2.js';
import { SecretBytes } from './secret-bytes.js';

/** Argon2id parameters (RFC 9106 §3.1). memoryKiB is `m` in KiB, iterations is `t`, parallelism is `p`. */
export interface Argon2idParams {
  algorithm: 'argon2id';
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/** scrypt parameters (RFC 7914 §2). */
export interface ScryptParams {
  algorithm: 'scrypt';
  N: number;
  r: number;
  p: number;
}

export type KdfParams = Argon2idParams | ScryptParams;

/**
 * RFC 9106 §4, second recommended option ("uniformly safe" when 2 GiB is too much):
 * Argon2id, t=3, p=4, m=2^16 KiB (64 MiB).
 */
export const ARGON2ID_DEFAULTS: Readonly<Argon2idParams> = Object.freeze({
  algorithm: 'argon2id',
  memoryKiB: 65536,
  iterations: 3,
  parallelism: 4,
});

/** scrypt N=2^17, r=8, p=1 (OWASP Password Storage Cheat Sheet; RFC 7914 §2 notes N=2^20 for files). */
export const SCRYPT_DEFAULTS: Readonly<ScryptParams> = Object.freeze({ algorithm: 'scrypt', N: 2 ** 17, r: 8, p: 1 });

export interface DeriveKeyOptions {
  /** At least 16 random bytes (NIST SP 800-132 §5.1 asks for at least 128 bits), unique per password use. */
  salt: Uint8Array;
  algorithm?: 'argon2id' | 'scrypt';
  /** Output length in bytes, 16 to 64 (default 32). */
  length?: number;
  /** Argon2id only; values below RFC 9106's second option are refused. */
  memoryKiB?: number;
  iterations?: number;
  parallelism?: number;
  /** scrypt only; values below N=2^17, r=8 are refused. */
  N?: number;
  r?: number;
  p?: number;
}

/**
 * Derives a key from a password with Argon2id (default) or scrypt.
 *
 * Strings are NFC-normalised and UTF-8 encoded so that the same passphrase typed on different
 * systems derives the same key (RFC 8265 §4 recommends a normalisation step for passwords).
 *
 * @returns the derived key as SecretBytes; wipe it when done.
 * @throws {TypeError} when password is not a string, Uint8Array or SecretBytes, or salt is not a Uint8Array.
 * @throws {RangeError} when the salt is shorter than 16 bytes, the password is empty, the length is
 *   outside [16, 64], or the parameters are weaker than the defaults.
 */
export async function deriveKey(
  password: string | Uint8Array | SecretBytes,
  options: DeriveKeyOptions,
): Promise<SecretBytes> {
  if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object with a salt');
  const { salt } = options;
  if (!(salt instanceof Uint8Array)) throw new TypeError('options.salt must be a Uint8Array');
  if (salt.byteLength < 16) throw new RangeError('options.salt must be at least 16 bytes (NIST SP 800-132 §5.1)');
  const length = options.length ?? 32;
  if (!Number.isSafeInteger(length) || length < 16 || length > 64)
    throw new RangeError('options.length must be an integer in [16, 64]');
  const params = kdfParamsFrom(options);
  const pw = passwordBytes(password);
  try {
    return await runKdf(pw, salt, params, length);
  } finally {
    pw.fill(0);
  }
}

/**
 * Validates and completes KDF parameters.
 * @throws {RangeError} for an unknown algorithm or parameters weaker than the defaults.
 */
export function kdfParamsFrom(options: {
  algorithm?: string;
  memoryKiB?: number;
  iterations?: number;
  parallelism?: number;
  N?: number;
  r?: number;
  p?: number;
}): KdfParams {
  const algorithm = options.algorithm ?? 'argon2id';
  if (algorithm === 'argon2id') {
    const params: Argon2idParams = {
      algorithm,
      memoryKiB: options.memoryKiB ?? ARGON2ID_DEFAULTS.memoryKiB,
      iterations: options.iterations ?? ARGON2ID_DEFAULTS.iterations,
      parallelism: options.parallelism ?? ARGON2ID_DEFAULTS.parallelism,
    };
    checkInt('memoryKiB', params.memoryKiB, ARGON2ID_DEFAULTS.memoryKiB, 2 ** 22);
    checkInt('iterations', params.iterations, ARGON2ID_DEFAULTS.iterations, 64);
    // Parallelism is a cost for the defender's machine, not the attacker's; allow 1..16 lanes but
    // require memory to stay at least 64 MiB in total (checked above).
    checkInt('parallelism', params.parallelism, 1, 16);
    return params;
  }
  if (algorithm === 'scrypt') {
    const params: ScryptParams = {
      algorithm,
      N: options.N ?? SCRYPT_DEFAULTS.N,
      r: options.r ?? SCRYPT_DEFAULTS.r,
      p: options.p ?? SCRYPT_DEFAULTS.p,
    };
    checkInt('N', params.N, SCRYPT_DEFAULTS.N, 2 ** 22);
    if ((params.N & (params.N - 1)) !== 0) throw new RangeError('N must be a power of two (RFC 7914 §2)');
    checkInt('r', params.r, SCRYPT_DEFAULTS.r, 32);
    checkInt('p', params.p, 1, 16);
    return params;
  }
  throw new RangeError(`unknown KDF algorithm "${String(algorithm)}" (use argon2id or scrypt)`);
}

function checkInt(name: string, v: unknown, min: number, max: number): void {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new RangeError(`${name} must be an integer`);
  if (v < min) throw new RangeError(`${name}=${v} is weaker than the minimum ${min}`);
  if (v > max) throw new RangeError(`${name}=${v} is above the maximum ${max}`);
}

function passwordBytes(password: string | Uint8Array | SecretBytes): Buffer {
  let out: Buffer;
  if (typeof password === 'string') {
    const norm = password.normalize('NFC');
    out = Buffer.allocUnsafeSlow(Buffer.byteLength(norm, 'utf8'));
    out.write(norm, 'utf8');
  } else if (password instanceof SecretBytes) {
    const src = password.expose();
    out = Buffer.allocUnsafeSlow(src.length);
    src.copy(out);
  } else if (password instanceof Uint8Array) {
    out = Buffer.allocUnsafeSlow(password.byteLength);
    out.set(password);
  } else {
    throw new TypeError('password must be a string, Uint8Array or SecretBytes');
  }
  if (out.length === 0) throw new RangeError('password must not be empty');
  return out;
}

/** Runs the KDF with already validated parameters. Internal: the keystore uses it for its KEK. */
export async function runKdf(
  pw: Uint8Array,
  salt: Uint8Array,
  params: KdfParams,
  length: number,
): Promise<SecretBytes> {
  if (params.algorithm === 'argon2id') {
    const out = await argon2idAsync(pw, salt, {
      m: params.memoryKiB,
      t: params.iterations,
      p: params.parallelism,
      dkLen: length,
      // noble's default maxmem is 2^32; our cap is 4 GiB via checkInt above.
    });
    return new SecretBytes(Buffer.from(out.buffer, out.byteOffset, out.byteLength));
  }
  // scrypt runs in OpenSSL on the libuv thread pool: about 3x faster than the pure-JS
  // @noble/hashes/scrypt.js and it does not block the event loop. The output is identical
  // (RFC 7914 is deterministic); test/keys/derive.test.ts checks both against the RFC 7914 §12 vector.
  const maxmem = 128 * params.N * params.r * params.p + 64 * 1024 * 1024;
  const key = await new Promise<Buffer>((resolve, reject) => {
    nodeScrypt(pw, salt, length, { N: params.N, r: params.r, p: params.p, maxmem }, (err, k) =>
      err ? reject(err) : resolve(k),
    );
  });
  return new SecretBytes(key);
}
