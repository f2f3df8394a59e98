/**
 * Calls that make a key fresh for each call of the function they are in (no-static-iv): a CSPRNG or key
 * generator, or a derivation whose input includes such a value (an ephemeral ECDH secret through HKDF, a password
 * KDF with a fresh random salt, an imported fresh secret). A nonce under a key used for one message is unique
 * per key by construction: NIST SP 800-38D §8 asks the IV to be unique per key, and RFC 8439 §4 the nonce; ECIES
 * (SEC 1 §5.1), Signal's sealed sender and age encrypt with a fixed nonce under a per-message derived key. Matched on
 * the callee's last name; `producers` start a fresh value, `derivations` keep it fresh when one input is.
 */
import type { Samples } from './types.js';

export const oneUseKeyCalls = {
  id: 'one-use-key',
  title: 'a key made fresh for each call (random, or derived from a fresh value)',
  producers: new RegExp(
    '^(?:randomBytes|randomFillSync|getRandomValues|generateKey|generateKeySync|generateKeyPair|' +
      'generateKeyPairSync|createECDH|randomPrivateKey|randomSecretKey|crypto_box_keypair|crypto_kx_keypair|' +
      'crypto_secretbox_keygen|crypto_aead_\\w+_keygen|randombytes_buf|keyPair)$',
  ),
  derivations: new RegExp(
    '^(?:hkdf|hkdfSync|deriveKey|deriveBits|importKey|computeSecret|diffieHellman|getSharedSecret|scalarMult|' +
      'crypto_scalarmult|crypto_box_beforenm|extract|expand|pbkdf2Sync|scryptSync|pbkdf2|scrypt|argon2id|' +
      'concat|from|digest|subarray|slice|toString)$',
  ),
  samples: {
    positive: ['randomBytes', 'getRandomValues', 'generateKey', 'createECDH', 'hkdf', 'deriveKey', 'getSharedSecret'],
    negative: ['readFileSync', 'getKey', 'loadKey', 'createSecretKey', 'fromEnv', 'now', 'randomUUID'],
  } satisfies Samples,
} as const;
