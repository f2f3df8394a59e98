/**
 * Fingerprints: a stable name for a secret that cannot be turned back into the secret by guessing.
 *
 * Every fingerprint is keyed with a salt of the repository's own (the scanner finds it: the baseline, a
 * salt file, or the repository's root commits), so nothing can be precomputed across repositories.
 * A value that looks generated and carries at least `LOW_ENTROPY_BITS` of estimated entropy gets a keyed
 * hash (HMAC-SHA-256, RFC 2104): guessing it is hopeless however fast each guess is. Anything else (a
 * password, a passphrase, a short token) goes through scrypt (RFC 7914) at `SCRYPT_PARAMS`, so each guess
 * costs what it costs us. Reports show a short prefix: the fingerprint is for matching, not for proving.
 * The threat model and the measured costs are in docs/audit.md ("Fingerprints").
 *
 * Pure: no I/O. The salt comes in as data.
 */
import { createHmac, scryptSync } from 'node:crypto';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { charsetOf, looksRandom, shannonEntropy, type Charset } from './entropy.js';

/** The scheme name, which is also the prefix of the displayed form. */
const FINGERPRINT_SCHEME = 'kh2';
/** Bytes of salt a repository gets. */
export const SALT_BYTES = 32;
/** Values with less estimated entropy than this get the slow KDF. */
export const LOW_ENTROPY_BITS = 80;
/**
 * scrypt cost for low-entropy values: N = 2^14, r = 8 (16 MiB), p = 1, the interactive-login parameters
 * Percival recommends for interactive logins (and RFC 7914 uses as a test vector). Measured in docs/audit.md:
 * tens of milliseconds per value on an idle core of the CI machine, so 10,000 guesses cost minutes of CPU per
 * repository, not microseconds.
 */
const SCRYPT_PARAMS = Object.freeze({ N: 2 ** 14, r: 8, p: 1, dkLen: 32 });
/** Hex digits of the fingerprint shown in reports (48 bits: enough to tell a repository's secrets apart). */
const DISPLAY_HEX = 12;

export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly dkLen: number;
}

/** A secret's fingerprint: `id` keys finding ids and matching; `display` is what reports show. */
interface SecretFingerprint {
  /** 64 hex digits; never shown, only hashed further into finding fingerprints. */
  readonly id: string;
  /** `kh2:` and the first `DISPLAY_HEX` hex digits of `id`. */
  readonly display: string;
}

export interface Fingerprinter {
  /** `kh2`, or `sha256-v1` for the legacy fingerprinter that only migrations use. */
  readonly scheme: typeof FINGERPRINT_SCHEME | 'sha256-v1';
  /** A public, one-way id of the salt (16 hex digits), so merged reports can check they agree. */
  readonly saltId: string;
  /** The fingerprint of a secret value (normalised first) or of secret bytes (a keystore file). */
  secret(value: string | Uint8Array): SecretFingerprint;
  /** The displayed form of an `id` this fingerprinter made. */
  display(id: string): string;
  /**
   * A keyed id (64 hex) for other text or bytes: finding fingerprints, cache keys. Fast: never give it a bare
   * secret.
   */
  text(text: string | Uint8Array): string;
}

/** The canonical form that fingerprints are taken over. */
function normaliseSecret(secret: string): string {
  let s = secret.trim().replace(/^["'`]|["'`]$/g, '');
  if (/-----BEGIN /.test(s)) s = s.replace(/\\[nr]/g, '').replace(/\s+/g, '');
  return s;
}

const ALPHABET_BITS: Record<Charset, number> = {
  hex: 4,
  alnum: Math.log2(62),
  base64: 6,
  base64url: 6,
  printable: Math.log2(94),
  other: Infinity,
};

/** Bits per character credited to text that does not look generated: Shannon's estimate for English prose. */
const HUMAN_BITS_PER_CHAR = 1.5;

/**
 * Estimated entropy of a secret in bits, deliberately low for anything a person may have chosen.
 * A value that looks generated (`looksRandom`) is credited its length times its per-character Shannon
 * entropy, capped by its alphabet; anything else is credited 1.5 bits a character, whatever its alphabet.
 * A connection string with a password, or an HTTP Basic credential, is judged by its password alone.
 */
export function estimateEntropyBits(value: string): number {
  const s = normaliseSecret(value);
  // Boilerplate around a password makes it look random: judge the password alone. A connection string's
  // user info (RFC 3986 §3.2.1) and an HTTP Basic credential (RFC 7617: base64 of `user:password`).
  const url = URL_PASSWORD.exec(s);
  if (url) return estimateEntropyBits(decodeURIComponentSafe(url[1]!));
  const basic = basicPassword(s);
  if (basic !== undefined) return estimateEntropyBits(basic);
  const n = [...s].length;
  if (!looksRandom(s)) return n * HUMAN_BITS_PER_CHAR;
  return n * Math.min(shannonEntropy(s), ALPHABET_BITS[charsetOf(s)]);
}

const URL_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^:@/\s]*:([^@/\s]+)@/i;

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The password of `Basic <base64>` or of a bare base64 `user:password`, when the value is one. */
function basicPassword(s: string): string | undefined {
  const b64 = /^(?:basic\s+)?([A-Za-z0-9+/]{4,}={0,2})$/i.exec(s)?.[1];
  if (!b64 || b64.length % 4 !== 0) return undefined;
  let text: string;
  try {
    text = atob(b64);
  } catch {
    return undefined;
  }
  const colon = text.indexOf(':');
  return colon > 0 && /^[\x20-\x7e]+$/.test(text) ? text.slice(colon + 1) : undefined;
}

const label = (purpose: string): Uint8Array => utf8ToBytes(`keyhygiene/fingerprint/v2/${purpose}`);

/** Derives one subkey of the salt (HKDF-SHA-256, RFC 5869), one per purpose, so no key serves two uses. */
const subkey = (salt: Uint8Array, purpose: string, length = 32): Uint8Array =>
  hkdf(sha256, salt, undefined, label(purpose), length);

/** The public id of a salt: 16 hex digits, one-way. */
export function saltIdOf(salt: Uint8Array): string {
  return bytesToHex(subkey(salt, 'salt-id', 8));
}

/**
 * A repository's salt from its root commit ids (the commits with no parent; a repository with merged
 * histories has several). Every clone of a repository has the same root commits, so every clone, CI run
 * and shard derives the same salt without storing anything.
 * @throws TypeError when `rootCommits` is empty or holds something other than commit ids.
 */
export function deriveRepoSalt(rootCommits: readonly string[]): Uint8Array {
  if (rootCommits.length === 0 || !rootCommits.every((c) => /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(c)))
    throw new TypeError('rootCommits must be a non-empty list of commit ids (hex)');
  const ikm = utf8ToBytes([...new Set(rootCommits)].sort().join('\n'));
  return hkdf(sha256, ikm, utf8ToBytes('keyhygiene/repo-salt/v1'), undefined, SALT_BYTES);
}

/** Memoised values per fingerprinter: a run that meets one password twenty times pays scrypt once. */
const MEMO_LIMIT = 100_000;

/**
 * The fingerprinter of one repository.
 * @throws TypeError when `salt` is not `SALT_BYTES` bytes. @throws RangeError for scrypt parameters below
 * the documented floor (N = 2^10), so a configuration cannot quietly turn the slow path into a fast one.
 */
export function createFingerprinter(
  salt: Uint8Array,
  options: { readonly scrypt?: ScryptParams; readonly lowEntropyBits?: number } = {},
): Fingerprinter {
  if (!(salt instanceof Uint8Array) || salt.length !== SALT_BYTES)
    throw new TypeError(`salt must be ${SALT_BYTES} bytes`);
  const params = options.scrypt ?? SCRYPT_PARAMS;
  if (params.N < 2 ** 10 || params.r < 1 || params.p < 1 || params.dkLen < 16)
    throw new RangeError('scrypt parameters below the floor (N >= 2^10, r >= 1, p >= 1, dkLen >= 16)');
  const threshold = options.lowEntropyBits ?? LOW_ENTROPY_BITS;
  const secretKey = subkey(salt, 'secret-hmac');
  const scryptSalt = subkey(salt, 'scrypt-salt');
  const textKey = subkey(salt, 'text-hmac');
  const memo = new Map<string, SecretFingerprint>();
  const display = (id: string): string => `${FINGERPRINT_SCHEME}:${id.slice(0, DISPLAY_HEX)}`;
  const make = (id: string): SecretFingerprint => ({ id, display: display(id) });
  return {
    scheme: FINGERPRINT_SCHEME,
    saltId: saltIdOf(salt),
    display,
    secret(value) {
      // Bytes are whole keystore files: machine-made, never guessable, so the keyed hash is enough.
      if (typeof value !== 'string') return make(bytesToHex(hmac(sha256, secretKey, value)));
      const s = normaliseSecret(value);
      const known = memo.get(s);
      if (known) return known;
      const bytes = utf8ToBytes(s);
      const id =
        estimateEntropyBits(s) >= threshold
          ? bytesToHex(hmac(sha256, secretKey, bytes))
          : // Node's native scrypt (OpenSSL, RFC 7914): the same output as a pure-JS one at about half the CPU, so
            // the defender pays no more per value than an attacker with the same tools pays per guess.
            scryptSync(bytes, scryptSalt, params.dkLen, {
              N: params.N,
              r: params.r,
              p: params.p,
              maxmem: 256 * params.N * params.r * params.p,
            }).toString('hex');
      if (memo.size >= MEMO_LIMIT) memo.clear();
      const fp = make(id);
      memo.set(s, fp);
      return fp;
    },
    text(text) {
      // Node's native HMAC-SHA-256 (RFC 2104): the same id as @noble/hashes' at about a tenth of the CPU. The audit
      // takes one of every file it reads (27 MB on juice-shop: 200-257 ms in JS, 21-22 ms native). A string goes in as
      // it is: Node encodes it as UTF-8 natively, the same bytes as `utf8ToBytes` (a lone surrogate becomes U+FFFD in
      // both), without a JS encoder call and a copy for each of the audit's cache keys and finding fingerprints.
      return createHmac('sha256', textKey).update(text).digest('hex');
    },
  };
}

/**
 * The fingerprints of keyhygiene 0.1 (bare SHA-256, no salt). Only the one-time migration of an old
 * baseline uses it, in memory, to recognise the entries it wrote; nothing it makes is ever written out.
 */
export function legacyFingerprinter(): Fingerprinter {
  return {
    scheme: 'sha256-v1',
    saltId: 'none',
    display: (id) => `sha256:${id.slice(0, 16)}`,
    secret(value) {
      const id = bytesToHex(sha256(typeof value === 'string' ? utf8ToBytes(normaliseSecret(value)) : value));
      return { id, display: `sha256:${id.slice(0, 16)}` };
    },
    text: (text) => bytesToHex(sha256(typeof text === 'string' ? utf8ToBytes(text) : text)),
  };
}

/** An unkeyed id for text that holds no secret (a path's shard, a report's serial number). */
export function hashText(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
