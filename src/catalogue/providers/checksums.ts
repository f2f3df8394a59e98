/**
 * Checksums that providers build into their tokens, used as `validate` on catalogue entries. A token whose
 * checksum fails is a typo, a truncation or a made-up value, not a live credential. Pure: no I/O, and every
 * function returns `false` (never throws) on any input.
 */

const CRC32_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO-HDLC, the zlib and PNG one: reflected polynomial 0xEDB88320) of the UTF-8 bytes of `text`. */
export function crc32(text: string): number {
  let c = 0xffffffff;
  for (const byte of new TextEncoder().encode(text)) c = CRC32_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `n` (a non-negative integer) in base 62 with the digits-upper-lower alphabet, left-padded with `0` to `width`. */
export function base62(n: number, width: number): string {
  let out = '';
  let v = Math.floor(n);
  do {
    out = BASE62[v % 62]! + out;
    v = Math.floor(v / 62);
  } while (v > 0);
  return out.padStart(width, '0');
}

/**
 * Whether a token of the form `<prefix>_<random><checksum>` ends in the CRC-32 of `<random>` as six base-62
 * digits. This is the layout of GitHub's `ghp_`/`gho_`/`ghu_`/`ghs_` tokens (30 random characters) and npm's
 * `npm_` tokens; GitHub announced the checksum in "Behind GitHub's new authentication token formats" (2021).
 * The encoding (CRC-32 of the random part, base 62, six digits) was confirmed here against tokens published
 * as revoked examples, not taken from a specification.
 */
export function hasCrc32Base62Suffix(token: string): boolean {
  const body = token.slice(token.indexOf('_') + 1);
  if (body.length <= 6 || !/^[A-Za-z0-9]+$/.test(body)) return false;
  return base62(crc32(body.slice(0, -6)), 6) === body.slice(-6);
}

const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const BECH32_GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function bech32Polymod(values: readonly number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ v) >>> 0;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk = (chk ^ BECH32_GENERATOR[i]!) >>> 0;
  }
  return chk;
}

/**
 * Whether `text` is a valid Bech32 string (BIP-173 checksum, constant 1) with human-readable part `hrp`.
 * age (https://age-encryption.org/v1) encodes its X25519 identities this way, upper-cased, with the hrp
 * `age-secret-key-`; age lifts BIP-173's 90-character limit, and so does this check.
 */
export function isBech32(text: string, hrp: string): boolean {
  if (text !== text.toUpperCase() && text !== text.toLowerCase()) return false;
  const s = text.toLowerCase();
  const sep = s.lastIndexOf('1');
  if (s.slice(0, sep) !== hrp || s.length - sep - 1 < 6) return false;
  const data: number[] = [];
  for (const ch of s.slice(sep + 1)) {
    const v = BECH32_CHARSET.indexOf(ch);
    if (v < 0) return false;
    data.push(v);
  }
  const expanded = [...hrp].map((c) => c.charCodeAt(0) >> 5);
  expanded.push(0, ...[...hrp].map((c) => c.charCodeAt(0) & 31));
  return bech32Polymod([...expanded, ...data]) === 1;
}

/** The order n of the secp256k1 group (SEC 2 v2, section 2.4.1). */
const SECP256K1_N = BigInt('0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141');

/** Whether 64 hex digits (optionally `0x`-prefixed) are a valid secp256k1 private scalar: 1 ≤ k < n. */
export function isSecp256k1Scalar(hex: string): boolean {
  const h = hex.startsWith('0x') || hex.startsWith('0X') ? hex.slice(2) : hex;
  if (!/^[0-9a-fA-F]{64}$/.test(h)) return false;
  const k = BigInt(`0x${h}`);
  return k > 0n && k < SECP256K1_N;
}

/** Common English function words: a phrase with them is prose, not a generated mnemonic or app password. */
const PROSE_WORDS = new Set(
  (
    'the and for with that this from your you are was not but have has will its our they their which when into ' +
    'than then there been should would could must here what some more were also just only them these those'
  ).split(' '),
);

/**
 * The function words of `PROSE_WORDS` that the BIP-39 English wordlist also holds (`also`, `just`, `only`, `that`,
 * `then`, `this`, …): a generated mnemonic may contain them, so they say nothing about prose there.
 */
const BIP39_FUNCTION_WORDS = new Set(
  'also have into just more must only that then there they this what when will you'.split(' '),
);

/**
 * A BIP-39 mnemonic by shape: 12, 15, 18, 21 or 24 words (BIP-39 "Generating the mnemonic"), no English
 * function word outside the wordlist (`the`, `and`, `with`, `from`…; the sixteen it holds do not count), and not
 * one word repeated (Hardhat's `test … junk`).
 */
export function isMnemonicShape(phrase: string): boolean {
  const words = phrase.trim().split(/ +/);
  if (![12, 15, 18, 21, 24].includes(words.length)) return false;
  if (words.some((w) => PROSE_WORDS.has(w) && !BIP39_FUNCTION_WORDS.has(w))) return false;
  return new Set(words).size > words.length / 2;
}

/**
 * A Google app password by shape: 16 letters Google generated, so neither one letter repeated nor an
 * alphabet run (`abcd efgh …`), not a word's share of vowels, and at most one English function word among
 * its four groups.
 */
export function isAppPasswordShape(secret: string): boolean {
  const letters = secret.replace(/ /g, '');
  if (new Set(letters).size < 8) return false;
  for (let i = 0; i + 3 < letters.length; i++) {
    const c = letters.charCodeAt(i);
    if (
      letters.charCodeAt(i + 1) === c + 1 &&
      letters.charCodeAt(i + 2) === c + 2 &&
      letters.charCodeAt(i + 3) === c + 3
    )
      return false;
  }
  // Google's letters are uniform (about 3 vowels in 16); a long word of a language is near half vowels
  // (`beveiligingsfout`): 7 or more is prose (a random draw has that many about once in 45).
  if ((letters.match(/[aeiou]/g) ?? []).length >= 7) return false;
  const groups = secret.includes(' ') ? secret.split(' ') : (letters.match(/.{4}/g) ?? []);
  return groups.filter((g) => PROSE_WORDS.has(g)).length < 2;
}
