/**
 * SubjectPublicKeyInfo encoding of a token's P-256 public key, so the keyring can verify signatures
 * (and publish the key) with node:crypto without asking the token.
 */
import { KeyhygieneError } from '../errors.js';

/** SubjectPublicKeyInfo DER for a P-256 point given CKA_EC_POINT (a DER OCTET STRING around the point). */
export function p256Spki(ecPoint: Buffer): Buffer {
  // CKA_EC_POINT is DER-encoded (04 41 04 x y) per PKCS#11 v2.40 §2.3.3; some modules return the raw point.
  let point = ecPoint;
  if (point.length === 67 && point[0] === 0x04 && point[1] === 0x41) point = point.subarray(2);
  if (point.length !== 65 || point[0] !== 0x04)
    throw new KeyhygieneError('E_PKCS11', 'token returned an EC point that is not an uncompressed P-256 point');
  return Buffer.concat([Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex'), point]);
}
