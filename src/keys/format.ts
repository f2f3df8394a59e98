import { KeyhygieneError } from './errors.js';

/**
 * Wire formats. Every ciphertext, MAC tag and signature starts with a 6-byte header:
 *
 *   byte 0      format version (0x01)
 *   bytes 1..4  key version id, big-endian u32 (random, like Tink's 5-byte output prefix)
 *   byte 5      algorithm id
 *
 * The header is part of the AEAD associated data and of the MAC input, so a header swap (for
 * example pointing a ciphertext at another key version or algorithm) fails authentication
 * instead of being silently reinterpreted. Unknown format bytes and algorithm ids are rejected:
 * there is no fallback to a "legacy" parse.
 */
const FORMAT_V1 = 0x01;
export const HEADER_LEN = 6;

export const ALG = {
  /** AES-256-GCM data encryption under a per-message DEK, DEK wrapped with AES-256-GCM by the key version. */
  AES256_GCM_ENVELOPE: 0x01,
  /** HMAC-SHA256 (RFC 2104, FIPS 198-1), full 32-byte tag. */
  HMAC_SHA256: 0x02,
  /** Ed25519 (RFC 8032 §5.1), pure mode. */
  ED25519: 0x03,
  /** ECDSA P-256 over SHA-256 (FIPS 186-5), raw r||s (IEEE P1363). */
  ECDSA_P256_SHA256: 0x04,
  /**
   * AES-256-GCM data encryption under a per-message DEK, DEK wrapped in the token with AES-KWP
   * (CKM_AES_KEY_WRAP_PAD, RFC 5649) by a key version whose recorded wrap mechanism is 'aes-kwp'.
   */
  AES256_GCM_ENVELOPE_KWP: 0x05,
} as const;

export type AlgorithmId = (typeof ALG)[keyof typeof ALG];
const KNOWN_ALGS = new Set<number>(Object.values(ALG));

export interface Header {
  format: number;
  keyId: number;
  alg: AlgorithmId;
}

export function encodeHeader(keyId: number, alg: AlgorithmId): Buffer {
  const h = Buffer.alloc(HEADER_LEN);
  h[0] = FORMAT_V1;
  h.writeUInt32BE(keyId >>> 0, 1);
  h[5] = alg;
  return h;
}

/**
 * Parses and validates the header.
 * @throws {KeyhygieneError} E_CORRUPT when too short, E_FORMAT for an unknown format or algorithm.
 */
export function parseHeader(data: Uint8Array, what: string): Header {
  if (data.byteLength < HEADER_LEN)
    throw new KeyhygieneError('E_CORRUPT', `${what} is truncated (shorter than its header)`);
  const format = data[0]!;
  if (format !== FORMAT_V1)
    throw new KeyhygieneError('E_FORMAT', `${what} has unknown format byte 0x${format.toString(16).padStart(2, '0')}`);
  const alg = data[5]!;
  if (!KNOWN_ALGS.has(alg))
    throw new KeyhygieneError('E_FORMAT', `${what} has unknown algorithm id 0x${alg.toString(16).padStart(2, '0')}`);
  const keyId = Buffer.from(data.buffer, data.byteOffset, data.byteLength).readUInt32BE(1);
  return { format, keyId, alg: alg as AlgorithmId };
}

/** Text form for strings: "kh1." + base64url(binary). The prefix names the format version. */
const TEXT_PREFIX = 'kh1.';

export function toText(bin: Uint8Array): string {
  return TEXT_PREFIX + Buffer.from(bin.buffer, bin.byteOffset, bin.byteLength).toString('base64url');
}

/**
 * @throws {TypeError} when text is not a string.
 * @throws {KeyhygieneError} E_FORMAT for a missing prefix or non-base64url body.
 */
export function fromText(text: string, what: string): Buffer {
  if (typeof text !== 'string') throw new TypeError(`${what} must be a string`);
  if (!text.startsWith(TEXT_PREFIX))
    throw new KeyhygieneError('E_FORMAT', `${what} text does not start with "${TEXT_PREFIX}"`);
  const body = text.slice(TEXT_PREFIX.length);
  if (!/^[A-Za-z0-9_-]*$/.test(body)) throw new KeyhygieneError('E_FORMAT', `${what} text is not base64url`);
  return Buffer.from(body, 'base64url');
}

/**
 * Associated data for the payload: a domain label, the header, and the caller's context with its
 * length (length-prefixed so that context boundaries cannot shift, SP 800-38D §5.2.1.1 leaves
 * AAD formatting to the application).
 */
export function payloadAad(label: string, header: Uint8Array, context: Uint8Array | undefined): Buffer {
  const ctx = context ?? new Uint8Array(0);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(ctx.byteLength);
  return Buffer.concat([Buffer.from(label, 'ascii'), header, len, ctx]);
}

/** Normalises an optional caller context (string or bytes) to bytes. */
export function contextBytes(context: string | Uint8Array | undefined, what = 'context'): Uint8Array | undefined {
  if (context === undefined) return undefined;
  if (typeof context === 'string') return Buffer.from(context, 'utf8');
  if (context instanceof Uint8Array) return context;
  throw new TypeError(`${what} must be a string or Uint8Array`);
}

export function dataBytes(data: string | Uint8Array, what = 'data'): Uint8Array {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (data instanceof Uint8Array) return data;
  throw new TypeError(`${what} must be a string or Uint8Array`);
}
