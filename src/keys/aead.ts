import { createCipheriv, createDecipheriv } from 'node:crypto';
import { KeyhygieneError } from './errors.js';

/**
 * AES-256-GCM with a 96-bit IV and a 128-bit tag (NIST SP 800-38D §5.2.1.1 and §5.2.1.2: 96-bit IVs
 * are the recommended length, and a full 128-bit tag avoids the short-tag forgery bounds of Appendix C).
 * Output layout: ciphertext || tag. The IV is supplied by the caller (random, from the configured source).
 */
export function gcmSeal(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Buffer {
  if (key.byteLength !== 32) throw new RangeError('AES-256-GCM key must be 32 bytes');
  if (iv.byteLength !== 12) throw new RangeError('AES-GCM IV must be 12 bytes');
  const c = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
  c.setAAD(aad);
  const out = Buffer.concat([c.update(plaintext), c.final(), c.getAuthTag()]);
  return out;
}

/**
 * Opens `ciphertext || tag`. The plaintext goes into an unpooled buffer so callers can wipe it.
 * @throws {KeyhygieneError} E_TAMPERED when the tag does not verify, E_CORRUPT when too short.
 */
export function gcmOpen(key: Uint8Array, iv: Uint8Array, sealed: Uint8Array, aad: Uint8Array, what: string): Buffer {
  if (key.byteLength !== 32) throw new RangeError('AES-256-GCM key must be 32 bytes');
  if (sealed.byteLength < 16) throw new KeyhygieneError('E_CORRUPT', `${what} is truncated`);
  const d = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
  d.setAAD(aad);
  d.setAuthTag(sealed.subarray(sealed.byteLength - 16));
  const out = Buffer.allocUnsafeSlow(sealed.byteLength - 16);
  try {
    const a = d.update(sealed.subarray(0, sealed.byteLength - 16));
    a.copy(out);
    a.fill(0);
    d.final();
  } catch {
    out.fill(0);
    throw new KeyhygieneError('E_TAMPERED', `${what} failed authentication (tampered, wrong key or wrong context)`);
  }
  return out;
}
