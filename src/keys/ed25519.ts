import { createPrivateKey, createPublicKey, sign as nodeSign, type KeyObject } from 'node:crypto';

// PKCS#8 prefix for an Ed25519 private key (RFC 8410 §7): SEQUENCE { version 0, AlgorithmIdentifier
// id-Ed25519 (1.3.101.112), OCTET STRING { OCTET STRING (32-byte seed) } }.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * Builds a private KeyObject from a 32-byte seed. The DER buffer is wiped at once; OpenSSL keeps its
 * own copy inside the KeyObject until it is garbage-collected (docs/keys.md "Memory").
 */
function ed25519PrivateKey(seed: Uint8Array): KeyObject {
  if (seed.byteLength !== 32) throw new RangeError('Ed25519 seed must be 32 bytes');
  const der = Buffer.allocUnsafeSlow(48);
  PKCS8_PREFIX.copy(der, 0);
  der.set(seed, 16);
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    der.fill(0);
  }
}

export function ed25519PublicSpki(seed: Uint8Array): Buffer {
  return createPublicKey(ed25519PrivateKey(seed)).export({ type: 'spki', format: 'der' });
}

export function ed25519Sign(seed: Uint8Array, data: Uint8Array): Buffer {
  return nodeSign(null, data, ed25519PrivateKey(seed));
}
