/**
 * Fingerprints: a stable, non-reversible name for a secret. The SHA-256 of the normalised secret
 * (@noble/hashes), so two spellings of one key (PEM line breaks, `\n` escapes, quotes) get one id.
 * Pure: no I/O.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** The canonical form that fingerprints are taken over. */
export function normaliseSecret(secret: string): string {
  let s = secret.trim().replace(/^["'`]|["'`]$/g, '');
  if (/-----BEGIN /.test(s)) s = s.replace(/\\[nr]/g, '').replace(/\s+/g, '');
  return s;
}

/** Full hex SHA-256 of the normalised secret. */
export function fingerprint(secret: string | Uint8Array): string {
  const bytes = typeof secret === 'string' ? utf8ToBytes(normaliseSecret(secret)) : secret;
  return bytesToHex(sha256(bytes));
}

/** The short form shown to people: `sha256:` and the first 16 hex digits. */
export function shortFingerprint(secret: string | Uint8Array): string {
  return `sha256:${fingerprint(secret).slice(0, 16)}`;
}

/** A stable id for any string (used for finding fingerprints), not only secrets. */
export function hashText(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
