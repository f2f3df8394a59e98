/**
 * Calls that make a key fresh for each call of the function they are in (no-static-iv): a CSPRNG or key
 * generator, or a derivation whose input includes such a value (an ephemeral ECDH secret through HKDF, a password
 * KDF with a fresh random salt, an imported fresh secret). A nonce under a key used for one message is unique
 * per key by construction: NIST SP 800-38D §8 asks the IV to be unique per key, and RFC 8439 §4 the nonce; ECIES
 * (SEC 1 §5.1), Signal's sealed sender and age encrypt with a fixed nonce under a per-message derived key. Matched on
 * the callee's last name; `producers` start a fresh value, `derivations` keep it fresh when one input is.
 */
import type { CallMatch } from './iac.js';
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
  /**
   * Random values that are no key material for one message (a UUID holds 122 random bits, an id alphabet less than a
   * byte per character) but are new at every start when a program draws its own signing secret from them once
   * (require-key-rotation: nothing long-lived to rotate).
   */
  processProducers: /^(?:randomUUID|nanoid|uuidv4)$/,
  samples: {
    positive: ['randomBytes', 'getRandomValues', 'generateKey', 'createECDH', 'hkdf', 'deriveKey', 'getSharedSecret'],
    negative: ['readFileSync', 'getKey', 'loadKey', 'createSecretKey', 'fromEnv', 'now', 'randomUUID'],
  } satisfies Samples,
} as const;

/**
 * Keywords of every call that draws a key (`producers`, `processProducers`): a file without one exports no key drawn
 * per start, so the module summary does not look for one.
 */
export const processKeyKeywords = /random|generateKey|keyPair|keygen|createECDH|nanoid|uuidv4/i;

/**
 * Calls that start worker processes of the same program (Node `cluster.fork()`): a key drawn per process differs in
 * each, so a token signed by one worker fails at another, and a shared key (a rotation question) is needed.
 */
export const processForks: readonly CallMatch[] = [{ modules: ['cluster', 'node:cluster'], callee: 'fork' }];
