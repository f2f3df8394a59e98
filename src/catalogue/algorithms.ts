/**
 * Weak algorithms, modes, paddings, curves and minimum sizes, and the crypto APIs that carry them.
 * Read by `no-weak-key-size` (and by the scanner's inventory). Every entry carries samples that
 * `test/catalogue/algorithms.test.ts` proves.
 *
 * Sources, in one line each (the rule doc explains them):
 * - NIST SP 800-131A Rev. 2 (2019): DES withdrawn; two-key 3DES disallowed; three-key 3DES encryption
 *   disallowed after 2023; RSA/DSA/DH under 2048 bits and keys under 112 bits disallowed.
 * - NIST SP 800-57 Part 1 Rev. 5, Table 2 (comparable strengths) and Table 4: 112-bit security is
 *   acceptable through 2030, 128-bit (RSA-3072, P-256) after 2030, hence `strict` asks for 3072.
 * - NIST SP 800-186 (2023): P-224 and up approved; binary (K-/B-) curves deprecated; P-192 is gone.
 * - NIST SP 800-38D §5.2.1.2: GCM tags may be 96-128 bits; we require the full 128.
 */
import { moreAlgorithmSites } from './algorithm-libraries.js';
import type { KeySink, Samples } from './types.js';

const nodeCrypto = ['crypto', 'node:crypto'];

// ---- algorithm names ---------------------------------------------------------------------------------

/**
 * Normalises a cipher name into lower-case tokens joined by `-`: `'DES-EDE3-CBC'` → `des-ede3-cbc`,
 * `'id-aes256_GCM'` → `id-aes256-gcm`. The patterns below are anchored at token boundaries, so
 * `'describe'` or `'source'` never match `des` or `rc4` (no substring matching).
 */
export function cipherTokens(name: string): string {
  return name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join('-');
}

export interface WeakCipher {
  readonly id: 'des' | '3des' | 'rc2' | 'rc4' | 'blowfish' | 'cast' | 'idea' | 'zipcrypto';
  readonly title: string;
  /** Matches the output of `cipherTokens`, anchored at token boundaries. */
  readonly pattern: RegExp;
  /** Why it is weak, as a clause for messages. */
  readonly why: string;
  readonly samples: Samples;
}

/** Checked in order: the first match names the cipher (3DES before DES). */
export const weakCiphers: readonly WeakCipher[] = [
  {
    id: '3des',
    title: '3DES (TDEA)',
    pattern: /(?:^|-)(?:des-ede3?|des3|3des|tripledes|desede3?)(?:-|$)/,
    why:
      'a 64-bit-block cipher open to Sweet32 collisions and disallowed for encryption after 2023 (NIST SP ' +
      '800-131A Rev. 2)',
    samples: {
      positive: ['des-ede3-cbc', 'des-ede3', 'DES-EDE-CBC', 'des3', '3DES-CBC', 'TripleDES', 'des-ede3-cfb8'],
      negative: ['aes-256-gcm', 'describe', 'des-cbc', 'modes'],
    },
  },
  {
    id: 'des',
    title: 'DES',
    pattern: /(?:^|-)desx?(?:-|$)/,
    why: 'a 56-bit-key cipher broken by exhaustive search and withdrawn by NIST',
    samples: {
      positive: ['des-cbc', 'DES-ECB', 'des', 'desx-cbc', 'DES-CBC'],
      negative: ['describe', 'nodes', 'aes-128-cbc', 'modes', 'des3'],
    },
  },
  {
    id: 'rc2',
    title: 'RC2',
    pattern: /(?:^|-)rc2(?:-|$)/,
    why: 'a 64-bit-block legacy cipher with related-key attacks, often used with 40-bit keys',
    samples: { positive: ['rc2-cbc', 'rc2-40-cbc', 'RC2', 'rc2-64-cbc'], negative: ['src2', 'aes-256-cbc', 'rc20'] },
  },
  {
    id: 'rc4',
    title: 'RC4',
    pattern: /(?:^|-)(?:rc4|rc4drop|arc4|arcfour)(?:-|$)/,
    why: 'a stream cipher with biased output, prohibited in TLS by RFC 7465',
    samples: {
      positive: ['rc4', 'RC4', 'rc4-40', 'rc4-hmac-md5', 'arcfour', 'RC4Drop'],
      negative: ['source', 'src4', 'resource', 'rc40'],
    },
  },
  {
    id: 'blowfish',
    title: 'Blowfish',
    pattern: /(?:^|-)(?:bf|blowfish)(?:-|$)/,
    why: 'a 64-bit-block cipher open to Sweet32 collisions',
    samples: {
      positive: ['bf-cbc', 'BF-ECB', 'bf', 'blowfish', 'Blowfish'],
      negative: ['bfloat', 'aes-256-cbc', 'buffer'],
    },
  },
  {
    id: 'cast',
    title: 'CAST5 (CAST-128)',
    pattern: /(?:^|-)cast(?:5|128)?(?:-|$)/,
    why: 'a 64-bit-block cipher open to Sweet32 collisions (RFC 2144; OpenSSL 3 moved it to the legacy provider)',
    samples: {
      positive: ['cast5-cbc', 'CAST5-ECB', 'cast-cbc', 'cast5-ofb', 'cast128'],
      negative: ['broadcast', 'forecast-cbc', 'aes-256-cbc', 'cast6'],
    },
  },
  {
    // Archive formats' legacy scheme under its names in archiver-zip-encrypted (`zip20`), 7-Zip (`-mem=ZipCrypto`),
    // libarchive (`zipcrypt`) and WinZip/PKWARE documentation (`ZipCrypto`, traditional PKWARE encryption).
    id: 'zipcrypto',
    title: 'ZipCrypto (traditional PKWARE ZIP encryption)',
    pattern: /(?:^|-)(?:zip20|zip-2-0|zipcrypto|zipcrypt|zip-crypto|pkware-traditional)(?:-|$)/,
    why:
      'the 1989 PKWARE stream cipher, whose keys a known-plaintext attack recovers from 12 known bytes (Biham and ' +
      "Kocher 1994; bkcrack does it in minutes); use the archive format's AES-256 method",
    samples: {
      positive: ['zip20', 'ZipCrypto', 'zipcrypt', 'ZIP_CRYPTO', 'zip-2.0'],
      negative: ['zip', 'aes256', 'zip-encrypted', 'gzip', 'zip64'],
    },
  },
  {
    id: 'idea',
    title: 'IDEA',
    pattern: /(?:^|-)idea(?:-|$)/,
    why: 'a 64-bit-block cipher open to Sweet32 collisions (OpenSSL 3 moved it to the legacy provider)',
    samples: { positive: ['idea-cbc', 'IDEA-ECB', 'idea'], negative: ['ideas', 'aes-128-cbc', 'idealab'] },
  },
];

/** The first weak cipher named by an algorithm string, or undefined. */
export function weakCipherOf(name: string): WeakCipher | undefined {
  const t = cipherTokens(name);
  return weakCiphers.find((c) => c.pattern.test(t));
}

export interface CipherModeRule {
  readonly id: 'ecb' | 'gcm';
  readonly pattern: RegExp;
  readonly samples: Samples;
}

/** ECB: equal plaintext blocks give equal ciphertext blocks, and there is no integrity. */
export const ecbMode: CipherModeRule = {
  id: 'ecb',
  pattern: /(?:^|-)ecb(?:-|$)/,
  samples: {
    positive: ['aes-128-ecb', 'AES-ECB', 'aes-256-ecb', 'camellia-128-ecb', 'ECB'],
    negative: ['aes-256-gcm', 'aes-128-cbc', 'checkbox', 'id-aes128-wrap', 'aes-256-ctr'],
  },
};

/** GCM, whose tag length we check. */
export const gcmMode: CipherModeRule = {
  id: 'gcm',
  pattern: /(?:^|-)gcm(?:-|$)/,
  samples: {
    positive: ['aes-256-gcm', 'AES-GCM', 'id-aes128-GCM', 'aes-128-gcm'],
    negative: ['aes-256-cbc', 'chacha20-poly1305', 'gcmx'],
  },
};

export const isEcb = (name: string): boolean => ecbMode.pattern.test(cipherTokens(name));
export const isGcm = (name: string): boolean => gcmMode.pattern.test(cipherTokens(name));

/**
 * The safe replacement for a weak cipher string, keeping the caller's style: node/OpenSSL names
 * (`aes-256-gcm`), node-forge names (`AES-GCM`). For ECB only the mode token changes, so the key size
 * stays valid: `aes-128-ecb` → `aes-128-gcm`.
 */
export function saferCipherName(name: string): string {
  const upper = name === name.toUpperCase();
  // An archive's method: its AES-256 method under the archive tools' name (archiver `aes256`, 7-Zip `AES256`).
  if (weakCipherOf(name)?.id === 'zipcrypto') return name === name.toLowerCase() ? 'aes256' : 'AES256';
  if (!weakCipherOf(name) && isEcb(name)) return name.replace(/ecb/i, upper ? 'GCM' : 'gcm');
  // forge style ('DES-CBC', '3DES-ECB') has no key size in the name.
  if (upper && !/\d{3}/.test(name)) return 'AES-GCM';
  return upper ? 'AES-256-GCM' : 'aes-256-gcm';
}

// ---- sizes --------------------------------------------------------------------------------------------

/** RSA, DSA and finite-field DH moduli (SP 800-131A Rev. 2 §2, §3; SP 800-57 Pt 1 Rev. 5 Table 2). */
export const minModulusBits = 2048;
/** NIST's post-2030 floor (128-bit security), passed by the `strict` preset. */
export const strictModulusBits = 3072;
/** Symmetric and HMAC keys: 128 bits (SP 800-131A allows 112 for HMAC; we ask for AES's floor). */
export const minSymmetricKeyBits = 128;
/** GCM: the full 16-byte tag (SP 800-38D §5.2.1.2 allows 96-128 bits; shorter ones cost forgeries). */
export const minGcmTagBytes = 16;

/** Comparable security strength of an RSA/DSA/DH modulus (SP 800-57 Pt 1 Rev. 5, Table 2). */
export function modulusStrength(bits: number): number {
  if (bits >= 15360) return 256;
  if (bits >= 7680) return 192;
  if (bits >= 3072) return 128;
  if (bits >= 2048) return 112;
  if (bits >= 1024) return 80;
  return 0;
}

/** Named finite-field DH groups (`crypto.getDiffieHellman`) and their modulus size (RFC 2409, RFC 3526). */
export const dhGroups: Readonly<Record<string, number>> = {
  modp1: 768,
  modp2: 1024,
  modp5: 1536,
  modp14: 2048,
  modp15: 3072,
  modp16: 4096,
  modp17: 6144,
  modp18: 8192,
};

// ---- elliptic curves ------------------------------------------------------------------------------------

export interface EcCurve {
  readonly id: string;
  /** Every spelling: OpenSSL short names, NIST names, JOSE names. Compared case-insensitively. */
  readonly names: readonly string[];
  /** Security strength in bits (about half the field size). */
  readonly strength: number;
  /** `deprecated`: reported at any strength (SP 800-186 deprecates binary curves). */
  readonly status: 'approved' | 'legacy' | 'deprecated';
  readonly note: string;
}

/**
 * Curves with a decision. Curves not listed are not reported.
 * - P-256/P-384/P-521, Ed25519/Ed448, X25519/X448: approved (SP 800-186), never reported.
 * - secp256k1: 128-bit strength, standard for JWS ES256K (RFC 8812) and blockchains; SP 800-186 does not
 *   approve it for general US-government use, but nothing about it is weak, so it is not reported.
 * - brainpool (RFC 5639) at 256 bits and above: not reported.
 * - P-224/secp224r1 (112-bit): approved through 2030, so reported only when the minimum strength is 128
 *   (`strict`, minRsaBits 3072).
 */
export const ecCurves: readonly EcCurve[] = [
  {
    id: 'p192',
    // `p192` is elliptic's preset name (`new EC('p192')`).
    names: ['secp192r1', 'prime192v1', 'P-192', 'nistp192', 'p192'],
    strength: 96,
    status: 'legacy',
    note: 'gives about 96-bit security and is no longer in NIST SP 800-186',
  },
  {
    id: 'x962-192',
    names: ['prime192v2', 'prime192v3'],
    strength: 96,
    status: 'legacy',
    note: 'gives about 96-bit security',
  },
  {
    id: 'x962-239',
    names: ['prime239v1', 'prime239v2', 'prime239v3'],
    strength: 119,
    status: 'legacy',
    note: 'gives under 128-bit security and is not a NIST SP 800-186 curve',
  },
  {
    id: 'secp-small',
    names: [
      'secp112r1',
      'secp112r2',
      'secp128r1',
      'secp128r2',
      'secp160k1',
      'secp160r1',
      'secp160r2',
      'secp192k1',
      'wap-wsg-idm-ecid-wtls6',
      'wap-wsg-idm-ecid-wtls8',
      'wap-wsg-idm-ecid-wtls9',
    ],
    strength: 80,
    status: 'legacy',
    note: 'gives at most 96-bit security',
  },
  {
    id: 'p224',
    names: ['secp224r1', 'P-224', 'nistp224', 'secp224k1', 'p224'],
    strength: 112,
    status: 'approved',
    note: 'gives 112-bit security, acceptable only through 2030 (NIST SP 800-57 Pt 1 Rev. 5)',
  },
  {
    id: 'brainpool-small',
    names: [
      'brainpoolP160r1',
      'brainpoolP160t1',
      'brainpoolP192r1',
      'brainpoolP192t1',
      'brainpoolP224r1',
      'brainpoolP224t1',
    ],
    strength: 96,
    status: 'legacy',
    note: 'gives under 128-bit security',
  },
  {
    id: 'binary',
    names: [
      'sect113r1',
      'sect113r2',
      'sect131r1',
      'sect131r2',
      'sect163k1',
      'sect163r1',
      'sect163r2',
      'sect193r1',
      'sect193r2',
      'sect233k1',
      'sect233r1',
      'sect239k1',
      'sect283k1',
      'sect283r1',
      'sect409k1',
      'sect409r1',
      'sect571k1',
      'sect571r1',
      'c2pnb163v1',
      'c2tnb191v1',
      'c2pnb272w1',
      'c2tnb431r1',
      'K-163',
      'B-163',
      'K-233',
      'B-233',
      'K-283',
      'B-283',
      'K-409',
      'B-409',
      'K-571',
      'B-571',
    ],
    strength: 112,
    status: 'deprecated',
    note: 'is a binary-field curve, deprecated by NIST SP 800-186',
  },
];

/** Approved curves, for the samples: never reported. */
export const safeCurveSamples = [
  'P-256',
  'prime256v1',
  'secp256r1',
  'P-384',
  'secp384r1',
  'P-521',
  'secp521r1',
  'secp256k1',
  'brainpoolP256r1',
  'brainpoolP384r1',
  'Ed25519',
  'X25519',
  'ed448',
] as const;

const curveIndex = new Map<string, EcCurve>(ecCurves.flatMap((c) => c.names.map((n) => [n.toLowerCase(), c] as const)));

/** The catalogue entry for a curve name, or undefined for approved and unknown curves. */
export function curveOf(name: string): EcCurve | undefined {
  return curveIndex.get(name.toLowerCase());
}

/** Whether a curve is reported at the given minimum strength (112 by default, 128 in `strict`). */
export function isWeakCurve(curve: EcCurve, minStrength: number): boolean {
  return curve.status === 'deprecated' || curve.strength < minStrength;
}

/** The approved replacement, in the caller's spelling (`P-256` for NIST/JOSE names, `p256` for elliptic's, else
 * OpenSSL's). */
export const saferCurveName = (name: string): string =>
  /^p\d+$/i.test(name) ? 'p256' : /^[PKB]-/i.test(name) || /^nist/i.test(name) ? 'P-256' : 'prime256v1';

// ---- paddings -----------------------------------------------------------------------------------------

/**
 * RSA PKCS#1 v1.5 *encryption* padding (RFC 8017 §7.2): padding oracles (Bleichenbacher 1998, ROBOT,
 * Marvin 2023). Node 20.11+ refuses it in `privateDecrypt` unless reverted (CVE-2023-46809).
 * PKCS#1 v1.5 *signatures* (RSASSA-PKCS1-v1_5) are not affected and not listed.
 */
export const rsaPkcs1EncryptionPadding = {
  /** The `node:crypto` constant name. */
  nodeConstant: 'RSA_PKCS1_PADDING',
  nodeReplacement: 'RSA_PKCS1_OAEP_PADDING',
  /** node-forge `key.encrypt(data, scheme)` / `key.decrypt(data, scheme)` scheme names. */
  forgeSchemes: ['RSAES-PKCS1-V1_5'],
  forgeReplacement: 'RSA-OAEP',
  /** The JWE key-management algorithm for the same padding (RFC 7518 §4.2), and its replacement (§4.3). */
  jweAlgorithm: 'RSA1_5',
  jweReplacement: 'RSA-OAEP-256',
  samples: {
    positive: ['RSA_PKCS1_PADDING', 'RSAES-PKCS1-V1_5'],
    negative: ['RSA_PKCS1_OAEP_PADDING', 'RSA_PKCS1_PSS_PADDING', 'RSASSA-PKCS1-v1_5', 'RSA-OAEP'],
  } satisfies Samples,
} as const;

export const isPkcs1EncryptionPadding = (s: string): boolean =>
  s === rsaPkcs1EncryptionPadding.nodeConstant ||
  (rsaPkcs1EncryptionPadding.forgeSchemes as readonly string[]).includes(s.toUpperCase());

// ---- where the APIs carry them -----------------------------------------------------------------------

/**
 * What an argument of an algorithm-bearing API holds:
 * - `cipher-name`: an OpenSSL / node-forge cipher string (`'aes-256-ecb'`, `'DES-CBC'`);
 * - `key-pair-type` + `key-pair-options`: `generateKeyPair('rsa', { modulusLength, namedCurve, primeLength })`;
 * - `secret-key-type` + `secret-key-options`: `generateKey('hmac', { length })` (bits);
 * - `modulus-bits`: a number of bits, or an options object with `bits`/`b` (forge, node-rsa);
 * - `dh-prime-bits`: `createDiffieHellman(512)`; `dh-group`: `getDiffieHellman('modp2')`;
 * - `curve-name`: `createECDH('prime192v1')`;
 * - `tag-bits-options`: options with a GCM `tagLength` in bits (node-forge `cipher.start({ iv, tagLength })`);
 * - `jwe-alg`: a JWE key-management algorithm (`alg` of a JWE protected header: `'RSA1_5'`);
 * - `webcrypto-algorithm`: `{ name, modulusLength, namedCurve, length, tagLength }`;
 * - `webcrypto-params`: the parameters of an operation (`encrypt`, `decrypt`): `{ name, tagLength }`.
 *   `length` is not a key size there (AesCtrParams.length is the counter block's width in bits);
 * - `cipher-options`: `{ authTagLength }` (bytes);
 * - `auth-tag`: the tag passed to `setAuthTag` (its literal length);
 * - `rsa-padding-options`: `{ key, padding }` of publicEncrypt/privateDecrypt;
 * - `crypto-js-options`: `{ mode }`;
 * - `key-bytes`: a key whose literal length can be read (`randomBytes(8)`);
 * - `hmac-digest`: an HMAC's hash (`createHmac('md5', key)`): MD5 and older only (HMAC-SHA-1 is still approved);
 * - `webcrypto-signing-key`: a signing key's algorithm object, its hash judged when the usages include `sign`;
 * - `key-pair-param`: after a `key-pair-type`, an RSA size or an EC curve (`generateKeypair('EC', 'secp192r1')`);
 * - `node-rsa-options`: `{ encryptionScheme: 'pkcs1' }` (node-rsa's PKCS#1 v1.5 padding);
 * - `tag-bits`: an AEAD tag length in bits (sjcl `ts`);
 * - `sjcl-curve`: `sjcl.ecc.curves.c192` or a curve size;
 * - `jwt-algorithm` / `jwt-algorithm-list`: a JWT `alg` (or list of accepted ones) that is `none`.
 */
type AlgorithmRead =
  | 'cipher-name'
  | 'key-pair-type'
  | 'key-pair-options'
  | 'secret-key-type'
  | 'secret-key-options'
  | 'modulus-bits'
  | 'dh-prime-bits'
  | 'dh-group'
  | 'curve-name'
  | 'webcrypto-algorithm'
  | 'webcrypto-params'
  | 'cipher-options'
  | 'auth-tag'
  | 'rsa-padding-options'
  | 'crypto-js-options'
  | 'key-bytes'
  | 'jwe-alg'
  | 'tag-bits-options'
  | 'signature-digest'
  | 'kdf-digest'
  | 'pbkdf2-digest'
  | 'tls-cipher-list'
  | 'hmac-digest'
  | 'webcrypto-signing-key'
  | 'key-pair-param'
  | 'node-rsa-options'
  | 'tag-bits'
  | 'sjcl-curve'
  | 'jwt-algorithm'
  | 'jwt-algorithm-list';

export interface AlgorithmSite extends Pick<KeySink, 'modules' | 'callee' | 'global' | 'receivers'> {
  readonly id: string;
  readonly title: string;
  readonly reads: readonly { readonly index: number; readonly property?: string; readonly read: AlgorithmRead }[];
  /** The cipher the API itself names (`CryptoJS.DES.encrypt`, `forge.rc2.createEncryptionCipher`). */
  readonly cipher?: string;
  /** The digest the API itself makes (`forge.md.sha1.create()`): weak only when a key signs it. */
  readonly signedDigest?: string;
  /** The API runs ECB mode by its own name (`new aesjs.ModeOfOperation.ecb(key)`, `@noble/ciphers` `ecb(key)`). */
  readonly ecb?: true;
  /** The HMAC's hash the API names (`CryptoJS.HmacMD5`). */
  readonly macDigest?: string;
  /** Code samples: each positive calls the site, each negative does not. */
  readonly samples: Samples;
}

const cryptoJs = ['crypto-js'];

/** How a sample calls `fn` of module `mod`: `tls.createServer`, `new https.Agent`. */
const call = (mod: string, fn: string): string =>
  fn.startsWith('new ') ? `new ${mod}.${fn.slice(4)}` : `${mod}.${fn}`;

export const algorithmSites: readonly AlgorithmSite[] = [
  // ---- node:crypto ----
  ...(['createCipheriv', 'createDecipheriv'] as const).map((fn): AlgorithmSite => ({
    id: `node-crypto.${fn}`,
    title: `crypto.${fn}`,
    modules: nodeCrypto,
    callee: fn,
    receivers: ['crypto'],
    reads: [
      { index: 0, read: 'cipher-name' },
      { index: 1, read: 'key-bytes' },
      { index: 3, read: 'cipher-options' },
    ],
    samples: {
      positive: [
        `import crypto from 'node:crypto'; crypto.${fn}('aes-256-gcm', k, iv);`,
        `const { ${fn} } = require('crypto'); ${fn}('des-cbc', k, iv);`,
      ],
      negative: [`import { ${fn} } from './my-crypto'; ${fn}('des-cbc', k, iv);`],
    },
  })),
  ...(['createCipher', 'createDecipher'] as const).map((fn): AlgorithmSite => ({
    id: `node-crypto.${fn}`,
    title: `crypto.${fn}`,
    modules: nodeCrypto,
    callee: fn,
    receivers: ['crypto'],
    reads: [{ index: 0, read: 'cipher-name' }],
    samples: {
      positive: [`const crypto = require('crypto'); crypto.${fn}('des', pw);`],
      negative: [`const crypto = require('crypto'); crypto.${fn}iv('aes-256-gcm', k, iv);`],
    },
  })),
  {
    id: 'node-crypto.setAuthTag',
    title: 'Decipher.setAuthTag',
    modules: nodeCrypto,
    callee: 'createDecipheriv().setAuthTag',
    reads: [{ index: 0, read: 'auth-tag' }],
    samples: {
      positive: [
        "import crypto from 'crypto'; const d = crypto.createDecipheriv('aes-256-gcm', k, iv); d.setAuthTag(tag);",
      ],
      negative: ["import crypto from 'crypto'; const c = crypto.createCipheriv('aes-256-gcm', k, iv); c.getAuthTag();"],
    },
  },
  ...(['generateKeyPair', 'generateKeyPairSync'] as const).map((fn): AlgorithmSite => ({
    id: `node-crypto.${fn}`,
    title: `crypto.${fn}`,
    modules: nodeCrypto,
    callee: fn,
    receivers: ['crypto'],
    reads: [
      { index: 0, read: 'key-pair-type' },
      { index: 1, read: 'key-pair-options' },
    ],
    samples: {
      positive: [`import { ${fn} } from 'node:crypto'; ${fn}('rsa', { modulusLength: 1024 });`],
      negative: [`import { generateKey } from 'node:crypto'; generateKey('hmac', { length: 256 }, cb);`],
    },
  })),
  ...(['generateKey', 'generateKeySync'] as const).map((fn): AlgorithmSite => ({
    id: `node-crypto.${fn}`,
    title: `crypto.${fn}`,
    modules: nodeCrypto,
    callee: fn,
    receivers: ['crypto'],
    reads: [
      { index: 0, read: 'secret-key-type' },
      { index: 1, read: 'secret-key-options' },
    ],
    samples: {
      positive: [`import crypto from 'node:crypto'; crypto.${fn}('hmac', { length: 64 });`],
      negative: [`import crypto from 'node:crypto'; crypto.generateKeyPairSync('ed25519');`],
    },
  })),
  {
    id: 'node-crypto.createECDH',
    title: 'crypto.createECDH',
    modules: nodeCrypto,
    callee: 'createECDH',
    receivers: ['crypto'],
    reads: [{ index: 0, read: 'curve-name' }],
    samples: {
      positive: ["import crypto from 'crypto'; crypto.createECDH('prime192v1');"],
      negative: ["import crypto from 'crypto'; crypto.createHash('sha256');"],
    },
  },
  {
    id: 'node-crypto.createDiffieHellman',
    title: 'crypto.createDiffieHellman',
    modules: nodeCrypto,
    callee: 'createDiffieHellman',
    receivers: ['crypto'],
    reads: [{ index: 0, read: 'dh-prime-bits' }],
    samples: {
      positive: ["import crypto from 'crypto'; crypto.createDiffieHellman(512);"],
      negative: ["import crypto from 'crypto'; crypto.createECDH('prime256v1');"],
    },
  },
  // `createDiffieHellmanGroup` is Node's alias of `getDiffieHellman` (same named groups).
  ...(['getDiffieHellman', 'createDiffieHellmanGroup'] as const).map((fn): AlgorithmSite => ({
    id: `node-crypto.${fn}`,
    title: `crypto.${fn}`,
    modules: nodeCrypto,
    callee: fn,
    receivers: ['crypto'],
    reads: [{ index: 0, read: 'dh-group' }],
    samples: {
      positive: [`import { ${fn} } from 'node:crypto'; ${fn}('modp2');`],
      negative: [`import { createDiffieHellman } from 'node:crypto'; createDiffieHellman(2048);`],
    },
  })),
  ...(['publicEncrypt', 'privateDecrypt'] as const).map((fn): AlgorithmSite => ({
    id: `node-crypto.${fn}`,
    title: `crypto.${fn}`,
    modules: nodeCrypto,
    callee: fn,
    receivers: ['crypto'],
    reads: [{ index: 0, read: 'rsa-padding-options' }],
    samples: {
      positive: [
        `import crypto from 'crypto'; crypto.${fn}({ key, padding: crypto.constants.RSA_PKCS1_PADDING }, buf);`,
      ],
      negative: [`import crypto from 'crypto'; crypto.privateEncrypt(key, buf);`],
    },
  })),
  {
    id: 'node-crypto.createHmac',
    title: 'crypto.createHmac',
    modules: nodeCrypto,
    callee: 'createHmac',
    receivers: ['crypto'],
    reads: [
      { index: 0, read: 'hmac-digest' },
      { index: 1, read: 'key-bytes' },
    ],
    samples: {
      positive: [
        "import crypto from 'crypto'; crypto.createHmac('sha256', crypto.randomBytes(8));",
        "import { createHmac } from 'node:crypto'; createHmac('md5', secret);",
      ],
      negative: ["import crypto from 'crypto'; crypto.createHash('sha256');"],
    },
  },
  {
    id: 'node-crypto.createSecretKey',
    title: 'crypto.createSecretKey',
    modules: nodeCrypto,
    callee: 'createSecretKey',
    receivers: ['crypto'],
    reads: [{ index: 0, read: 'key-bytes' }],
    samples: {
      positive: ["import { createSecretKey, randomBytes } from 'crypto'; createSecretKey(randomBytes(8));"],
      negative: ["import { createPublicKey } from 'crypto'; createPublicKey(pem);"],
    },
  },
  // A signature's digest: `createSign('RSA-SHA1')`, `crypto.sign('md5', data, key)` (null picks the key's own).
  ...(['createSign', 'sign'] as const).map((fn): AlgorithmSite => ({
    id: `node-crypto.${fn}`,
    title: `crypto.${fn}`,
    modules: nodeCrypto,
    callee: fn,
    receivers: ['crypto'],
    reads: [{ index: 0, read: 'signature-digest' }],
    samples: {
      positive: [
        `import crypto from 'node:crypto'; crypto.${fn}('RSA-SHA1', d, k);`,
        `const { ${fn} } = require('crypto'); ${fn}('md5', d, k);`,
      ],
      negative: [`import { ${fn} } from 'jsonwebtoken'; ${fn}(payload, k);`, 'crypto.subtle.sign(a, k, d);'],
    },
  })),
  // TLS options: `tls.createSecureContext({ ciphers: 'DES-CBC3-SHA:RC4-SHA' })`, read by `weakCipherSuiteItems`.
  ...(
    [
      ['tls', 'createSecureContext'],
      ['tls', 'createServer'],
      ['tls', 'connect'],
      ['https', 'createServer'],
      ['https', 'new Agent'],
    ] as const
  ).map(([mod, fn]): AlgorithmSite => ({
    id: `node-${mod}.${fn.replace('new ', '')}`,
    title: `${mod}.${fn.replace('new ', '')}`,
    modules: [mod, `node:${mod}`],
    callee: fn,
    receivers: [mod],
    reads: [{ index: 0, property: 'ciphers', read: 'tls-cipher-list' }],
    samples: {
      positive: [`import ${mod} from 'node:${mod}'; ${call(mod, fn)}({ ciphers: 'RC4-SHA' });`],
      negative: [`import ${mod} from 'node:${mod}'; ${mod}.request(url, { ciphers: 'RC4-SHA' });`],
    },
  })),
  // PBKDF2's PRF hash: HMAC-MD5 is no approved PRF (NIST SP 800-132 §5.3); HMAC-SHA-1 still is, so only MD2/4/5.
  ...(['pbkdf2', 'pbkdf2Sync'] as const).map((fn): AlgorithmSite => ({
    id: `node-crypto.${fn}.digest`,
    title: `crypto.${fn}`,
    modules: nodeCrypto,
    callee: fn,
    receivers: ['crypto'],
    reads: [{ index: 4, read: 'pbkdf2-digest' }],
    samples: {
      positive: [`import { ${fn} } from 'node:crypto'; ${fn}(pw, salt, 600000, 32, 'md5');`],
      negative: [`import { ${fn} } from './kdf'; ${fn}(pw, salt, 600000, 32, 'md5');`],
    },
  })),
  // HKDF's digest: `hkdfSync('sha1', ikm, salt, info, 20)`.
  ...(['hkdf', 'hkdfSync'] as const).map((fn): AlgorithmSite => ({
    id: `node-crypto.${fn}`,
    title: `crypto.${fn}`,
    modules: nodeCrypto,
    callee: fn,
    receivers: ['crypto'],
    reads: [{ index: 0, read: 'kdf-digest' }],
    samples: {
      positive: [`import { ${fn} } from 'node:crypto'; ${fn}('sha1', ikm, salt, info, 20);`],
      negative: [`import { ${fn} } from '@noble/hashes/hkdf'; ${fn}(sha1, ikm, salt, info, 20);`],
    },
  })),
  // ---- WebCrypto ----
  {
    id: 'webcrypto.generateKey',
    title: 'SubtleCrypto.generateKey',
    modules: nodeCrypto,
    callee: 'subtle.generateKey',
    global: true,
    reads: [
      { index: 0, read: 'webcrypto-algorithm' },
      { index: 0, read: 'webcrypto-signing-key' },
    ],
    samples: {
      positive: [
        "await crypto.subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 1024 }, true, u);",
        "await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-1' }, false, ['sign']);",
        "await window.crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 64 }, true, u);",
      ],
      negative: ["await crypto.subtle.digest('SHA-256', d);"],
    },
  },
  {
    id: 'webcrypto.importKey',
    title: 'SubtleCrypto.importKey',
    modules: nodeCrypto,
    callee: 'subtle.importKey',
    global: true,
    reads: [
      { index: 2, read: 'webcrypto-algorithm' },
      { index: 2, read: 'webcrypto-signing-key' },
    ],
    samples: {
      positive: [
        "await crypto.subtle.importKey('raw', k, { name: 'HMAC', hash: 'SHA-256', length: 64 }, false, u);",
        "await crypto.subtle.importKey('pkcs8', k, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-1' }, false, ['sign']);",
      ],
      negative: ["await crypto.subtle.exportKey('raw', k);"],
    },
  },
  ...(['encrypt', 'decrypt'] as const).map((fn): AlgorithmSite => ({
    id: `webcrypto.${fn}`,
    title: `SubtleCrypto.${fn}`,
    modules: nodeCrypto,
    callee: `subtle.${fn}`,
    global: true,
    reads: [{ index: 0, read: 'webcrypto-params' }],
    samples: {
      positive: [`await crypto.subtle.${fn}({ name: 'AES-GCM', iv, tagLength: 64 }, key, data);`],
      negative: ["await crypto.subtle.sign('HMAC', key, data);"],
    },
  })),
  ...(['deriveKey', 'unwrapKey'] as const).map((fn): AlgorithmSite => ({
    id: `webcrypto.${fn}`,
    title: `SubtleCrypto.${fn}`,
    modules: nodeCrypto,
    callee: `subtle.${fn}`,
    global: true,
    reads: [{ index: fn === 'deriveKey' ? 2 : 4, read: 'webcrypto-algorithm' }],
    samples: {
      positive: [`await crypto.subtle.${fn}(a, b, c, d, { name: 'AES-GCM', length: 64 }, false, u);`],
      negative: ['await crypto.subtle.deriveBits(a, b, 256);'],
    },
  })),
  // WebCrypto HKDF parameters (`deriveKey({ name: 'HKDF', hash: 'SHA-1', … })`) and ECDSA signing parameters.
  ...(['deriveKey', 'deriveBits'] as const).map((fn): AlgorithmSite => ({
    id: `webcrypto.${fn}.params`,
    title: `SubtleCrypto.${fn}`,
    modules: nodeCrypto,
    callee: `subtle.${fn}`,
    global: true,
    reads: [{ index: 0, read: 'kdf-digest' }],
    samples: {
      positive: [`await crypto.subtle.${fn}({ name: 'HKDF', hash: 'SHA-1', salt, info }, base, a, false, u);`],
      negative: ['await crypto.subtle.digest({ name: "SHA-1" }, d);'],
    },
  })),
  {
    id: 'webcrypto.sign',
    title: 'SubtleCrypto.sign',
    modules: nodeCrypto,
    callee: 'subtle.sign',
    global: true,
    reads: [{ index: 0, read: 'signature-digest' }],
    samples: {
      positive: ["await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-1' }, key, data);"],
      negative: ["await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-1' }, key, sig, data);"],
    },
  },
  // node-forge digests: `forge.md.sha1.create()` is weak when a private key signs it (`privateKey.sign(md)`).
  ...(['md5', 'sha1'] as const).map((md): AlgorithmSite => ({
    id: `node-forge.md.${md}`,
    title: `forge.md.${md}.create`,
    modules: ['node-forge'],
    callee: `md.${md}.create`,
    receivers: ['forge'],
    reads: [],
    signedDigest: md === 'md5' ? 'MD5' : 'SHA-1',
    samples: {
      positive: [`import forge from 'node-forge'; key.sign(forge.md.${md}.create().update(t));`],
      negative: ["import forge from 'node-forge'; forge.md.sha256.create();"],
    },
  })),
  // ---- node-forge ----
  ...(['createCipher', 'createDecipher'] as const).map((fn): AlgorithmSite => ({
    id: `node-forge.cipher.${fn}`,
    title: `forge.cipher.${fn}`,
    modules: ['node-forge'],
    callee: `cipher.${fn}`,
    receivers: ['forge'],
    reads: [{ index: 0, read: 'cipher-name' }],
    samples: {
      positive: [`import forge from 'node-forge'; forge.cipher.${fn}('DES-CBC', k);`],
      negative: ["import forge from 'node-forge'; forge.md.sha256.create();"],
    },
  })),
  ...(['aes', 'des', 'rc2'] as const).flatMap((alg) =>
    (['createEncryptionCipher', 'createDecryptionCipher'] as const).map((fn): AlgorithmSite => ({
      id: `node-forge.${alg}.${fn}`,
      title: `forge.${alg}.${fn}`,
      modules: ['node-forge'],
      callee: `${alg}.${fn}`,
      receivers: ['forge'],
      // The legacy API: `forge.aes.createEncryptionCipher(key, 'ECB')` names the mode in argument 1.
      reads: alg === 'rc2' ? [] : [{ index: 1, read: 'cipher-name' }],
      ...(alg === 'aes' ? {} : { cipher: alg }),
      samples: {
        positive: [`import forge from 'node-forge'; forge.${alg}.${fn}(k, 'ECB');`],
        negative: [`import forge from 'node-forge'; forge.cipher.createCipher('AES-GCM', k).start({ iv });`],
      },
    })),
  ),
  ...(['createCipher', 'createDecipher'] as const).map((fn): AlgorithmSite => ({
    id: `node-forge.cipher.${fn}.start`,
    title: `forge.cipher.${fn}().start`,
    modules: ['node-forge'],
    callee: `cipher.${fn}().start`,
    receivers: ['forge'],
    reads: [{ index: 0, read: 'tag-bits-options' }],
    samples: {
      positive: [
        `import forge from 'node-forge'; const c = forge.cipher.${fn}('AES-GCM', k); c.start({ iv, tagLength: 64 });`,
      ],
      negative: [`import forge from 'node-forge'; const c = forge.md.sha256.create(); c.start();`],
    },
  })),
  {
    id: 'node-forge.rsa.generateKeyPair',
    title: 'forge.pki.rsa.generateKeyPair',
    modules: ['node-forge'],
    callee: 'pki.rsa.generateKeyPair',
    receivers: ['forge'],
    reads: [
      { index: 0, read: 'modulus-bits' },
      { index: 0, property: 'bits', read: 'modulus-bits' },
    ],
    samples: {
      positive: [
        "import forge from 'node-forge'; forge.pki.rsa.generateKeyPair({ bits: 1024 });",
        "const forge = require('node-forge'); forge.pki.rsa.generateKeyPair(1024, 0x10001);",
      ],
      negative: ["import forge from 'node-forge'; forge.pki.privateKeyFromPem(pem);"],
    },
  },
  {
    id: 'node-rsa',
    title: 'new NodeRSA({ b })',
    modules: ['node-rsa'],
    callee: 'new default',
    reads: [
      { index: 0, property: 'b', read: 'modulus-bits' },
      { index: 1, read: 'node-rsa-options' },
      { index: 2, read: 'node-rsa-options' },
    ],
    samples: {
      positive: [
        "import NodeRSA from 'node-rsa'; new NodeRSA({ b: 512 });",
        "import NodeRSA from 'node-rsa'; new NodeRSA(pem, 'pkcs8', { encryptionScheme: 'pkcs1' });",
        "const NodeRSA = require('node-rsa'); new NodeRSA({ b: 1024 });",
      ],
      negative: ["import NodeRSA from 'node-forge'; new NodeRSA({ b: 512 });"],
    },
  },
  {
    id: 'jose.generateKeyPair',
    title: 'jose generateKeyPair',
    modules: ['jose'],
    callee: 'generateKeyPair',
    reads: [{ index: 1, read: 'key-pair-options' }],
    samples: {
      positive: [
        "import { generateKeyPair } from 'jose'; await generateKeyPair('RS256', { modulusLength: 1024 });",
        "import * as jose from 'jose'; await jose.generateKeyPair('PS256');",
      ],
      negative: ["import { generateSecret } from 'jose'; await generateSecret('HS256');"],
    },
  },
  ...(['CompactEncrypt', 'EncryptJWT', 'FlattenedEncrypt', 'GeneralEncrypt'] as const).map((cls): AlgorithmSite => ({
    id: `jose.${cls}.setProtectedHeader`,
    title: `jose ${cls}.setProtectedHeader`,
    modules: ['jose'],
    callee: `new ${cls}().setProtectedHeader`,
    reads: [{ index: 0, property: 'alg', read: 'jwe-alg' }],
    samples: {
      positive: [`import { ${cls} } from 'jose'; new ${cls}(p).setProtectedHeader({ alg: 'RSA1_5', enc: 'A256GCM' });`],
      negative: [`import { ${cls} } from './jwe'; new ${cls}(p).setProtectedHeader({ alg: 'RSA1_5' });`],
    },
  })),
  // ---- elliptic: `new EC('p192')`, `new elliptic.ec('secp160k1')` ----
  {
    id: 'elliptic.ec',
    title: 'new elliptic.ec',
    modules: ['elliptic'],
    callee: 'new ec',
    reads: [{ index: 0, read: 'curve-name' }],
    samples: {
      positive: [
        "import { ec as EC } from 'elliptic'; const c = new EC('p192');",
        "const elliptic = require('elliptic'); const c = new elliptic.ec('secp160k1');",
      ],
      negative: ["import { ec as EC } from './curves'; const c = new EC('p192');"],
    },
  },
  // ---- crypto-js ----
  ...(['AES', 'DES', 'TripleDES', 'RC4', 'RC4Drop', 'Blowfish'] as const).flatMap((alg) =>
    (['encrypt', 'decrypt'] as const).map((op): AlgorithmSite => ({
      id: `crypto-js.${alg}.${op}`,
      title: `CryptoJS.${alg}.${op}`,
      modules: cryptoJs,
      callee: `${alg}.${op}`,
      receivers: ['CryptoJS', 'cryptoJs', 'CryptoJs'],
      reads: [{ index: 2, read: 'crypto-js-options' }],
      ...(alg === 'AES' ? {} : { cipher: alg }),
      samples: {
        positive: [`import CryptoJS from 'crypto-js'; CryptoJS.${alg}.${op}(m, k, { mode: CryptoJS.mode.ECB });`],
        negative: [`import CryptoJS from 'crypto-js'; CryptoJS.SHA256(m);`],
      },
    })),
  ),
  ...moreAlgorithmSites,
];

/** Module paths whose default export is crypto-js's ECB mode (`import ECB from 'crypto-js/mode-ecb'`). */
export const cryptoJsEcbModules = ['crypto-js/mode-ecb'] as const;

/**
 * Calls that return `n` random bytes, so a key made by one has a readable length: node `randomBytes(n)`,
 * keyhygiene `randomBytes(n)`, node-forge `random.getBytesSync(n)`. Matched on the method or function name.
 */
export const randomBytesFunctions = ['randomBytes', 'getBytesSync', 'getRandomBytes'] as const;

/** Calls that fill a byte array with random bytes and return it: `crypto.getRandomValues(new Uint8Array(n))`. */
export const randomFillFunctions = ['getRandomValues', 'randomFillSync'] as const;

/** The replacement a crypto-js cipher gets: `CryptoJS.DES` → `CryptoJS.AES`. */
export const cryptoJsSaferCipher = 'AES';

// ---- configuration files ----------------------------------------------------------------------------

/**
 * A configuration setting that selects an algorithm: its name (normalised by `detect/names.ts`
 * `normaliseName`, so `cipherSuite`, `CIPHER_SUITE` and `cipher-suite` are all `cipher_suite`) decides
 * how its value is read. Read by the audit's config-file check (`src/scanner/detect/templates/`).
 * - `cipher`: one cipher or mode name (`aes-128-ecb`, `DES`), judged by `weakCipherOf` and `isEcb`;
 * - `cipher-list`: an OpenSSL cipher string or a list of TLS suites, judged by `weakCipherSuiteItems`;
 * - `curve`: an elliptic curve name, judged by `curveOf`;
 * - `modulus-bits`: an RSA/DSA/DH modulus in bits, under `minModulusBits`;
 * - `key-size`: a key size with no algorithm in its name: a value from 512 to `minModulusBits` can only
 *   be a modulus (no symmetric key is that long), so only those are reported.
 */
export interface AlgorithmSetting {
  readonly id: 'cipher' | 'cipher-list' | 'curve' | 'modulus-bits' | 'key-size' | 'protocol-version';
  /** Anchored on the whole normalised name. */
  readonly pattern: RegExp;
  readonly samples: Samples;
}

/**
 * The lowest TLS/SSL protocol version a setting allows (the value must name a protocol version, see
 * `oldProtocolsIn`): node:tls `minVersion`/`maxVersion`/`secureProtocol`, CloudFront `minimumProtocolVersion`, ELB
 * `ssl_policy`, Azure `min_tls_version`, nginx and ingress-nginx `ssl_protocols`. A list of protocols turned off
 * (`excluded_protocols`) is not this setting (`disabledAlgorithmsName`).
 */
const protocolVersionSetting: AlgorithmSetting = {
  id: 'protocol-version',
  pattern: new RegExp(
    '^(?:.*_)?(?:min_version|max_version|min_tls_version|minimum_tls_version|tls_min_version|tls_version|' +
      'ssl_version|ssl_protocols?|tls_protocols?|secure_protocol|minimum_protocol_version|min_protocol_version|' +
      'protocol_version|ssl_policy|security_policy|tls_policy|ssl_min_version|tls_minimum_version)$',
  ),
  samples: {
    positive: [
      'minVersion',
      'secureProtocol',
      'min_tls_version',
      'ssl_policy',
      'ssl-protocols',
      'minimumProtocolVersion',
    ],
    negative: ['version', 'protocol', 'api_version', 'min_node_version', 'policy_arn', 'secure_options'],
  },
};

/** Checked in order: the first setting whose pattern matches the name decides. */
export const algorithmSettings: readonly AlgorithmSetting[] = [
  {
    id: 'cipher-list',
    pattern: new RegExp(
      '^(?:.*_)?(?:ciphers|cipher_suites?|ciphersuites?|cipher_list|cipher_string|cipher_filter|' +
        'tls_ciphers|ssl_ciphers|ssl_cipher_suite)$',
    ),
    samples: {
      positive: ['ciphers', 'cipherSuites', 'ssl_ciphers', 'server.ssl.ciphers', 'TLS_CIPHER_SUITES', 'cipherList'],
      negative: ['cipher', 'cipher_mode', 'description', 'ciphertext', 'recipients'],
    },
  },
  {
    id: 'cipher',
    pattern: new RegExp(
      '^(?:.*_)?(?:cipher|cipher_name|cipher_algorithm|cipher_mode|block_mode|encryption|' +
        'encryption_algorithm|encryption_cipher|encryption_mode|encryption_method|encryption_type|zip_encryption|' +
        'enc_algorithm|encrypt_algorithm|' +
        'crypto_algorithm|symmetric_algorithm|algorithm|algo|alg)$',
    ),
    samples: {
      positive: [
        'cipher',
        'cipherAlgorithm',
        'encryption.algorithm',
        'CIPHER_MODE',
        'encryptionAlgorithm',
        'algorithm',
        'encryptionMethod',
      ],
      negative: ['ciphertext', 'algorithm_version', 'hash_rounds', 'key_size', 'mode'],
    },
  },
  {
    id: 'curve',
    pattern: /^(?:.*_)?(?:curve|named_curve|ec_curve|ecdh_curve|curve_name|elliptic_curve)$/,
    samples: {
      positive: ['namedCurve', 'curve', 'ssl_ecdh_curve', 'ecCurve'],
      negative: ['curve_fitting_degree', 'learning_curve_points'],
    },
  },
  {
    id: 'modulus-bits',
    // An algorithm with a modulus (RSA, DH, DSA, ElGamal) or a modulus/prime word, then a size word:
    // `rsaBits` (openpgp), `primeLength` (node's DH key pairs), `DH_PRIME_BITS`, `dsaKeySize`, `rsa_modulus_bits`.
    pattern: new RegExp(
      '^(?:.*_)?(?:(?:rsa|dh|dsa|elgamal|dhparam)_(?:key_|prime_|modulus_|param_|group_)?(?:bits|size|length)|' +
        'modulus_(?:bits|size|length)|prime_(?:bits|length))$',
    ),
    samples: {
      positive: [
        'modulusLength',
        'rsaKeySize',
        'RSA_BITS',
        'dh_param_size',
        'rsa_key_length',
        'rsaBits',
        'primeLength',
        'DH_PRIME_BITS',
        'dsa_key_size',
        'rsaModulusBits',
      ],
      negative: ['key_size', 'bits', 'modulus', 'rsa_public_key', 'prime', 'dh_group', 'page_size', 'prime_size'],
    },
  },
  {
    id: 'key-size',
    pattern: /^(?:.*_)?(?:key_size|key_length|key_bits|keysize|keylength|keybits|key_size_bits)$/,
    samples: {
      positive: ['keySize', 'key_length', 'KEY_BITS', 'signing.keySize'],
      negative: ['key_id', 'keys', 'page_size', 'key_name'],
    },
  },
  protocolVersionSetting,
];

/**
 * Protocol versions below TLS 1.2 named in a setting's value (one name, or a list split on spaces, commas and
 * colons): `TLSv1`, `TLSv1.1`, `TLSv1_method`, `TLS1_0`, `TLS_V1_2016` (CloudFront),
 * `ELBSecurityPolicy-TLS-1-0-2015-04`, `SSLv3`. RFC 8996 deprecates TLS 1.0 and 1.1; RFC 7568 prohibits SSL 3.0.
 * A version is read only where the text names TLS or SSL (`1.0.3` is no protocol), and `TLS13-1-2` (TLS 1.3 and
 * 1.2) is no TLS 1.1. `index`: where the item starts in `value`.
 */
export function oldProtocolsIn(value: string): { readonly item: string; readonly protocol: string; index: number }[] {
  const out: { item: string; protocol: string; index: number }[] = [];
  for (const m of value.matchAll(/[^\s,:;|]+/g)) {
    const item = m[0];
    if (item.length > 64 || /^[!-]/.test(item)) continue;
    const ssl = /(?:^|[^a-z])ssl[ _-]?v?([23])(?![0-9])/i.exec(item);
    const tls = /(?:^|[^a-z0-9])tls[ _-]?v?1(?:[._-]?([0-3]))?(?![0-9])/i.exec(item);
    if (ssl) out.push({ item, protocol: `SSL ${ssl[1]}.0`, index: m.index });
    else if (tls && (tls[1] === undefined || tls[1] === '0' || tls[1] === '1'))
      out.push({ item, protocol: `TLS 1.${tls[1] ?? '0'}`, index: m.index });
  }
  return out;
}

export const oldProtocolSamples: Samples = {
  positive: [
    'TLSv1',
    'TLSv1.1',
    'TLSv1_method',
    'TLS1_0',
    'TLS10',
    'TLS_V1_2016',
    'TLSv1.1_2016',
    'ELBSecurityPolicy-TLS-1-0-2015-04',
    'SSLv3',
    'TLSv1.2 TLSv1.1',
  ],
  negative: [
    'TLSv1.2',
    'TLSv1_2_method',
    'TLS1_2',
    'TLS13',
    'TLS_V1_2_2021',
    'TLSv1.2_2021',
    'ELBSecurityPolicy-TLS13-1-2-2021-06',
    '1.0.3',
    'TLS_method',
    'TLSv1.2 TLSv1.3',
  ],
};

/**
 * Library constants that name a policy letting old protocols in, read by their member name where a protocol-version
 * setting takes them (`sslPolicy: elbv2.SslPolicy.LEGACY`). AWS CDK's ELBv2 `SslPolicy`: `LEGACY` keeps DES-CBC3-SHA
 * and TLS 1.0, `FORWARD_SECRECY` and the `TLS13_10` family allow TLS 1.0, the `TLS13_11` family TLS 1.1 (the ELB
 * security-policy table).
 */
export const namedProtocolPolicies: Readonly<Record<string, string>> = {
  LEGACY: 'TLS 1.0',
  FORWARD_SECRECY: 'TLS 1.0',
  FORWARD_SECRECY_TLS11: 'TLS 1.1',
  TLS13_10: 'TLS 1.0',
  TLS13_10_PQ: 'TLS 1.0',
  FIPS_TLS13_10: 'TLS 1.0',
  FIPS_TLS13_10_PQ: 'TLS 1.0',
  TLS13_11: 'TLS 1.1',
  FIPS_TLS13_11: 'TLS 1.1',
};

/**
 * Node.js command-line flags that lower the TLS floor (`NODE_OPTIONS=--tls-min-v1.0`), in any configuration value
 * (a container's environment, a Dockerfile, a script). RFC 8996 deprecates TLS 1.0 and 1.1.
 */
export const nodeOldTlsFlag = {
  pattern: /(?:^|\s)--tls-min-v1\.([01])(?=\s|$|["'])/,
  samples: {
    positive: ['--tls-min-v1.0', '--max-old-space-size=512 --tls-min-v1.1'],
    negative: ['--tls-min-v1.2', '--tls-max-v1.3', '--tls-min-v1.3'],
  } satisfies Samples,
} as const;

/** A bare key size (`keySize: 1024`) is a modulus from this many bits up; below, it may be an AES size. */
export const bareKeySizeModulusFloor = 512;

/** The setting a configuration name selects, or undefined. `name` must be normalised already. */
export const algorithmSettingOf = (normalisedName: string): AlgorithmSetting | undefined =>
  algorithmSettings.find((s) => s.pattern.test(normalisedName));

/**
 * Names of fields that hold prose about a choice, not the choice (`{ title: 'ciphers with no IV (ECB modes)' }`,
 * `{ value: 'aes-256-gcm', label: 'AES-GCM' }`, `description`, `help`): what they say is read by people, and an
 * algorithm named in it is selected by nothing. The last word of the normalised name decides.
 */
export const proseFieldName: { readonly pattern: RegExp; readonly samples: Samples } = {
  pattern: new RegExp(
    '(?:^|_)(?:title|description|desc|summary|label|caption|tooltip|help|hint|note|notes|comment|explanation|' +
      'message|msg|doc|docs)$',
  ),
  samples: {
    positive: ['title', 'description', 'help_text_label', 'tooltip', 'cipher_description', 'doc'],
    negative: ['cipher', 'algorithm', 'mode', 'ciphers', 'digest', 'title_cipher', 'documented_cipher'],
  },
};

/**
 * A setting (or one of its enclosing keys) that lists what is turned *off*: weak names under it are
 * the fix, not the hazard (`disabled_ciphers: [RC4, 3DES]`, `excluded_cipher_suites`, `blacklist`).
 */
export const disabledAlgorithmsName: { readonly pattern: RegExp; readonly samples: Samples } = {
  pattern: new RegExp(
    '(?:^|_)(?:disabled?|disallow|disallowed|exclude|excluded|excludes|exclusions?|blacklist|' +
      'blacklisted|blocklist|blocked|denylist|deny|denied|banned|forbidden|prohibited|rejected|' +
      'insecure|weak|deprecated|unsupported|not_allowed|avoid|never)(?:_|$)',
  ),
  samples: {
    positive: ['disabled_ciphers', 'excluded_cipher_suites', 'cipher_blacklist', 'weak_ciphers', 'deny'],
    // `legacy` is not a deny word: `legacy_ciphers` are usually the ones kept on for old clients.
    negative: ['ciphers', 'enabled_ciphers', 'allowed_cipher_suites', 'preferred', 'legacy_gateway'],
  },
};

/**
 * TLS cipher-suite families that are weak whatever the rest of the suite says, as tokens of
 * `cipherTokens` of one suite or OpenSSL cipher-string item (`ECDHE-RSA-DES-CBC3-SHA`,
 * `TLS_RSA_WITH_NULL_SHA256`, `EXP-RC4-MD5`). The block ciphers of `weakCiphers` (DES, 3DES, RC2, RC4)
 * are checked after these. Sources: RFC 7465 (RC4 prohibited), RFC 8996 and Sweet32 (3DES), RFC 5246
 * Appendix F.1.1.3 and RFC 9325 §4.1 (NULL, anonymous and export suites must not be negotiated).
 */
export interface WeakSuiteFamily {
  readonly id: 'null' | 'anonymous' | 'export' | 'low' | '3des';
  readonly title: string;
  readonly pattern: RegExp;
  /** OpenSSL cipher-string keywords whose exclusion (`!EXPORT`, `-3DES`) removes this family. */
  readonly excludedBy: readonly string[];
  readonly samples: Samples;
}

export const weakSuiteFamilies: readonly WeakSuiteFamily[] = [
  {
    id: 'null',
    title: 'NULL encryption',
    pattern: /(?:^|-)(?:e?null)(?:-|$)/,
    excludedBy: ['null', 'enull'],
    samples: {
      positive: ['NULL-SHA', 'eNULL', 'TLS_RSA_WITH_NULL_SHA256', 'ECDHE-RSA-NULL-SHA'],
      negative: ['ECDHE-RSA-AES128-GCM-SHA256', 'nullable', 'aNULL'],
    },
  },
  {
    id: 'anonymous',
    title: 'anonymous (unauthenticated) key exchange',
    pattern: /(?:^|-)(?:anull|anon|adh|aecdh)(?:-|$)/,
    excludedBy: ['anull', 'adh', 'aecdh'],
    samples: {
      positive: ['aNULL', 'ADH-AES256-SHA', 'TLS_DH_anon_WITH_AES_128_CBC_SHA', 'AECDH-AES128-SHA'],
      negative: ['DHE-RSA-AES256-GCM-SHA384', 'canon', 'ECDHE-ECDSA-CHACHA20-POLY1305'],
    },
  },
  {
    id: 'export',
    title: 'export-grade',
    pattern: /(?:^|-)(?:exp|export|exp1024|export1024|export40|export56)(?:-|$)/,
    excludedBy: ['exp', 'export', 'low'],
    samples: {
      positive: ['EXPORT', 'EXP-RC4-MD5', 'TLS_RSA_EXPORT_WITH_DES40_CBC_SHA', 'EXP1024-DES-CBC-SHA'],
      negative: ['ECDHE-RSA-AES256-SHA384', 'expires', 'experimental'],
    },
  },
  {
    id: 'low',
    title: 'OpenSSL LOW (56- and 64-bit) suites',
    pattern: /^low$/,
    excludedBy: ['low'],
    samples: { positive: ['LOW'], negative: ['HIGH', 'MEDIUM', 'lower'] },
  },
  {
    id: '3des',
    title: '3DES (TDEA)',
    // OpenSSL's name for 3DES suites: `DES-CBC3-SHA`, `EDH-RSA-DES-CBC3-SHA`.
    pattern: /(?:^|-)des-cbc3(?:-|$)/,
    excludedBy: ['3des', 'des', 'medium'],
    samples: {
      positive: ['DES-CBC3-SHA', 'ECDHE-RSA-DES-CBC3-SHA', 'EDH-RSA-DES-CBC3-SHA'],
      negative: ['DES-CBC-SHA', 'AES128-SHA'],
    },
  },
];

/** OpenSSL keywords whose exclusion removes a block cipher of `weakCiphers` (`!RC4`, `!MEDIUM`, `!LOW`). */
const cipherExcludedBy: Readonly<Record<WeakCipher['id'], readonly string[]>> = {
  des: ['des', 'low'],
  '3des': ['3des', 'des', 'medium'],
  rc2: ['rc2', 'low', 'export', 'exp'],
  rc4: ['rc4', 'medium', 'low', 'export', 'exp'],
  blowfish: ['bf', 'blowfish'],
  cast: ['cast', 'cast5', 'medium'],
  idea: ['idea', 'medium'],
  zipcrypto: [], // no TLS suite uses it
};

export interface WeakSuiteItem {
  /** The item as written, without its `+` prefix. */
  readonly item: string;
  /** Offset of the item in the list string. */
  readonly index: number;
  readonly title: string;
}

/**
 * OpenSSL's security level 0 in a cipher string (`DEFAULT:@SECLEVEL=0`): "everything is permitted" (OpenSSL
 * `SSL_CTX_set_security_level`), so export-grade and RC4 suites, MD5 signatures and keys under 1024 bits are accepted.
 * Level 1 and up set a floor and are not reported.
 */
const weakSecurityLevel = {
  pattern: /^@seclevel=0$/i,
  title: 'OpenSSL security level 0 (no minimum strength)',
} as const;

/** An item of a cipher list: OpenSSL keywords and suite names, IANA/Java suite names, `@STRENGTH`. */
const CIPHER_ITEM = /^[!+-]?[A-Za-z0-9@][A-Za-z0-9_.=@+-]*$/;

/**
 * The weak entries a cipher list turns on. The list is an OpenSSL cipher string (`HIGH:!aNULL:!RC4`,
 * items separated by `:`, `,` or spaces) or a list of IANA/Java suite names. An item prefixed with `!`
 * or `-` excludes, and an exclusion anywhere in the list removes what it names (OpenSSL applies `!`
 * permanently, and `-` to everything added before it, which is where weak items usually are). `+a+b`
 * combines: `ECDH+3DES` turns 3DES suites on. Returns `[]` for prose (`use AES, not RC4`): every item
 * must look like a cipher-string item.
 */
export function weakCipherSuiteItems(list: string): WeakSuiteItem[] {
  if (list.length > 4096) return [];
  const items: { text: string; index: number }[] = [];
  for (const m of list.matchAll(/[^:,\s]+/g)) items.push({ text: m[0], index: m.index ?? 0 });
  if (items.length === 0) return [];
  // Prose, not a cipher string: a word that is neither upper case nor holds a digit, `-`, `_` or `+`.
  const looksLikeItem = (t: string): boolean =>
    CIPHER_ITEM.test(t) && (/[0-9_+-]/.test(t.replace(/^[!+-]/, '')) || /^[!+-]?[a-z]?[A-Z0-9@]+$/.test(t));
  if (!items.every((i) => looksLikeItem(i.text))) return [];
  const excluded = new Set(
    items
      .filter((i) => /^[!-]/.test(i.text))
      .flatMap((i) =>
        i.text
          .slice(1)
          .split('+')
          .map((p) => p.toLowerCase()),
      ),
  );
  const out: WeakSuiteItem[] = [];
  for (const { text, index } of items) {
    // `@SECLEVEL=0`: OpenSSL then enforces no minimum at all (export suites, RC4, MD5, 512-bit keys).
    if (weakSecurityLevel.pattern.test(text)) out.push({ item: text, index, title: weakSecurityLevel.title });
    if (/^[!-]/.test(text) || text.startsWith('@')) continue;
    const item = text.replace(/^\+/, '');
    for (const part of item.split('+')) {
      const tokens = cipherTokens(part);
      const family = weakSuiteFamilies.find((f) => f.pattern.test(tokens));
      const cipher = family ? undefined : weakCipherOf(part);
      const excludedBy = family?.excludedBy ?? (cipher ? cipherExcludedBy[cipher.id] : []);
      if ((!family && !cipher) || excludedBy.some((k) => excluded.has(k)) || excluded.has(part.toLowerCase())) continue;
      out.push({ item, index: index + (text.length - item.length), title: family?.title ?? cipher!.title });
      break;
    }
  }
  return out;
}

/** Samples for `weakCipherSuiteItems`: positives turn a weak suite on, negatives do not. */
export const cipherListSamples: Samples = {
  positive: [
    'ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA',
    'HIGH:RC4-SHA:!aNULL',
    'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_3DES_EDE_CBC_SHA',
    'ECDH+AESGCM:ECDH+3DES:!aNULL:!MD5',
    'ALL:EXPORT',
    'SSL_RSA_WITH_RC4_128_MD5',
    'eNULL',
    'DEFAULT:@SECLEVEL=0',
  ],
  negative: [
    'DEFAULT:@SECLEVEL=2',
    'HIGH:!aNULL:!MD5:!RC4:!3DES',
    'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-CHACHA20-POLY1305',
    'EECDH+AESGCM:EDH+AESGCM:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!3DES:!MD5',
    'DEFAULT:!MEDIUM:!LOW',
    'RC4-SHA:!RC4',
    'We removed RC4 and 3DES from this list',
    'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256',
  ],
};

/** The modulus size an algorithm name carries (`RSA-1024`, `rsa1024`, `RSA_2048`, `dh-768`), or undefined. */
export function modulusBitsInName(name: string): number | undefined {
  const m = /^(?:rsa|dsa|dh|ffdhe)[-_]?(\d{3,5})$/i.exec(name.trim());
  return m ? Number(m[1]) : undefined;
}

/**
 * A configuration setting that holds a PBKDF2 iteration count (`pbkdf2Iterations`, `kdf.iterations`,
 * `password_hash_iterations`). The floors are `kdf.ts`'s (`kdfShortfalls`), the ones `no-password-as-key`
 * applies in code. `name` is the normalised setting name; `parent` the enclosing key, which gives a bare
 * `iterations` its meaning (`pbkdf2: { iterations: 1000 }`); a retry or benchmark `iterations` has neither.
 */
export const kdfIterationSetting = {
  name: new RegExp(
    '^(?:.*_)?(?:pbkdf2|kdf|password|passphrase|key_derivation|key_stretching|password_hash|' +
      'hash)_(?:iterations|iteration_count|rounds)$',
  ),
  bare: /^(?:iterations|iteration_count|rounds)$/,
  parent: /(?:^|_)(?:pbkdf2|kdf|key_derivation|password_hash|passphrase|key_stretching)(?:_|$)/,
  /** Other KDFs' work factors are not iteration counts: bcrypt rounds are log2, scrypt has N. */
  otherKdf: /(?:^|_)(?:bcrypt|scrypt|argon2|argon2id|argon)(?:_|$)/,
  samples: {
    // `name` or `parent.name`, normalised: positives hold a PBKDF2 iteration count, negatives do not.
    positive: ['pbkdf2_iterations', 'kdf_iterations', 'password_hash_iterations', 'pbkdf2.iterations', 'kdf.rounds'],
    negative: ['iterations', 'retry.iterations', 'bcrypt_rounds', 'benchmark.iterations', 'scrypt.kdf_iterations'],
  } satisfies Samples,
} as const;

/** Whether `path` (normalised names, outermost first) ends in a PBKDF2 iteration-count setting. */
export function isKdfIterationSetting(path: readonly string[]): boolean {
  const name = path[path.length - 1] ?? '';
  const parent = path[path.length - 2] ?? '';
  if (path.some((p) => kdfIterationSetting.otherKdf.test(p))) return false;
  return (
    kdfIterationSetting.name.test(name) ||
    (kdfIterationSetting.bare.test(name) && kdfIterationSetting.parent.test(parent))
  );
}

// ---- weak digests in signatures and key derivation ---------------------------------------------------

/**
 * A digest that no longer protects a signature: MD5 and SHA-1 have practical collisions (MD5: Wang 2004,
 * the Flame certificate 2012; SHA-1: SHAttered 2017, chosen-prefix "SHA-1 is a Shambles" 2020), and NIST SP
 * 800-131A Rev. 2 §9 disallows SHA-1 for generating digital signatures. Matches a bare digest name or an
 * OpenSSL signature name that carries one (`'sha1'`, `'SHA-1'`, `'RSA-SHA1'`, `'md5WithRSAEncryption'`,
 * `'ecdsa-with-SHA1'`), compared without separators or case.
 */
export const weakSignatureDigest = {
  pattern: /^(?:rsa|dsa|ecdsa|dsawith|ecdsawith)?(md2|md4|md5|sha1)(?:with(?:rsa|dsa|ecdsa)(?:encryption)?)?$/,
  samples: {
    positive: ['sha1', 'SHA-1', 'md5', 'RSA-SHA1', 'RSA-MD5', 'md5WithRSAEncryption', 'ecdsa-with-SHA1', 'DSA-SHA1'],
    negative: ['sha256', 'RSA-SHA256', 'sha384', 'sha512WithRSAEncryption', 'ed25519', 'shake128', 'sha'],
  } satisfies Samples,
} as const;

/** The weak digest (`MD5`, `SHA-1`) a signature or digest name carries, or undefined. */
export function weakDigestOf(name: string): string | undefined {
  const m = weakSignatureDigest.pattern.exec(name.toLowerCase().replace(/[^a-z0-9]/g, ''));
  return m ? (m[1] === 'sha1' ? 'SHA-1' : m[1]!.toUpperCase()) : undefined;
}

/**
 * A held setting that chooses the digest of a signature: its name (or its object's or enum's name joined to
 * it: `SIGNATURE.digest`, `enum HashAlgorithm { Signing = … }`) says both "signature" and "digest". A
 * checksum's or an ETag's digest says no signature, and is not one.
 */
export const signatureDigestSetting = {
  sign: /(?:^|_)(?:sign|signs|signing|signature|signatures|signer|sig)(?:_|$)/,
  digest: /(?:^|_)(?:digest|hash|hashing|algorithm|algorithms|alg|algo|md)(?:_|$)/,
  samples: {
    positive: ['signature_digest', 'signing_hash', 'hash_algorithm_signing', 'signature_algorithm', 'sig_alg'],
    negative: ['checksum_digest', 'hash_algorithm_checksum', 'etag_hash', 'signature', 'content_digest'],
  } satisfies Samples,
} as const;

/** Whether a normalised setting name (outer names joined with `_`) chooses a signature's digest. */
export const isSignatureDigestSetting = (normalisedName: string): boolean =>
  signatureDigestSetting.sign.test(normalisedName) && signatureDigestSetting.digest.test(normalisedName);

/**
 * An XML-DSig algorithm identifier (`http://www.w3.org/2000/09/xmldsig#rsa-sha1`, `…/xmldsig-more#rsa-md5`,
 * `…/xmldsig#sha1`): the fragment names the algorithm (W3C XML Signature 1.1 §6, RFC 6931). Only the XML-DSig
 * namespaces, so an XML-Enc identifier (`xmlenc#…`) or any other URL is not read as a signature choice.
 */
export const xmlDsigAlgorithmUri = {
  pattern: /^https?:\/\/www\.w3\.org\/(?:2000\/09\/xmldsig|2001\/04\/xmldsig-more|2009\/xmldsig11)#([\w.-]+)$/,
  samples: {
    positive: [
      'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
      'http://www.w3.org/2001/04/xmldsig-more#rsa-md5',
      'http://www.w3.org/2000/09/xmldsig#sha1',
    ],
    negative: [
      'http://www.w3.org/2001/04/xmlenc#sha256',
      'https://example.com/docs#rsa-sha1',
      'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
    ],
  } satisfies Samples,
} as const;

/** The weak digest a signature or digest choice carries, also when written as an XML-DSig identifier. */
export function weakSignatureChoiceOf(value: string): string | undefined {
  const fragment = xmlDsigAlgorithmUri.pattern.exec(value)?.[1];
  return weakDigestOf(fragment ?? value);
}

/**
 * Options written inline in a call that choose a digest (`digestAlgorithm`, `hashAlgorithm`, `digest`):
 * a signature's digest only beside a signature or signing-key option (`{ signatureAlgorithm, digestAlgorithm }`
 * in a SAML strategy, `{ privateKey, digest }`), or when the value is an XML-DSig identifier. A checksum's or an
 * ETag's digest has neither. `signingSibling` is matched on normalised option names.
 */
export const inlineDigestOption = {
  digest: /^(?:reference_)?(?:digest|digest_algorithm|digest_method|hash|hash_algorithm|hash_alg|digest_alg)$/,
  signingSibling: /^(?:.*_)?(?:private_key|signing_key|signing_cert|sign_key|private_cert|decryption_pvk|pvk)$/,
  /** A call named for adding or making a signature (`p7.addSigner({ digestAlgorithm })`, `createSigner`). */
  signingCall: /^(?:add|create|new)?Signer$|^sign(?:Data|Message|Document|Xml)?$/,
  samples: {
    // `digest option|sibling option`, normalised: positives read as a signature's digest, negatives do not.
    positive: ['digest_algorithm|signature_algorithm', 'digest|private_key', 'hash_algorithm|signing_key'],
    negative: ['hash_algorithm|checksum_algorithm', 'digest|body', 'etag_hash|private_key'],
  } satisfies Samples,
} as const;

/**
 * An option written inline in a call that holds key material: its presence says the call encrypts, signs or
 * connects with a key, so a cipher named beside it is the cipher that runs (`new EncryptionTransformer({ key,
 * algorithm: 'des-ede3-cbc' })`), not a label (`t('settings.cipher', { cipher: 'DES' })`).
 */
export const keyMaterialOption = {
  pattern: new RegExp(
    '^(?!.*(?:^|_)(?:public|pub)_)(?:.*_)?(?:key|secret|password|passphrase|passwd|private_key|secret_key|' +
      'encryption_key|master_key|data_key|key_material|shared_secret|psk)$',
  ),
  samples: {
    positive: ['key', 'encryption_key', 'private_key', 'passphrase', 'secret'],
    negative: ['key_id', 'keys', 'key_size', 'public_key', 'cipher'],
  } satisfies Samples,
} as const;

/**
 * A JWS signing algorithm (RFC 7518 §3.1, RFC 8037): beside `'none'` in an `algorithms` option, it says the list is
 * the algorithms a JWT verifier accepts (passport-jwt's `Strategy`, express-jwt, a wrapper's own options), whatever
 * library the call belongs to; `'none'` there accepts tokens nobody signed.
 */
export const jwsAlgorithmName = {
  pattern: /^(?:(?:HS|RS|ES|PS)(?:256|384|512)|ES256K|EdDSA|Ed25519)$/,
  samples: {
    positive: ['HS256', 'RS512', 'ES256K', 'EdDSA', 'PS384'],
    negative: ['none', 'sha256', 'aes-256-gcm', 'HS', 'RSA-OAEP'],
  } satisfies Samples,
} as const;

/**
 * Names under which an inline cipher list turns algorithms off rather than on: ssh2's `{ remove: [...] }`
 * beside `append`/`prepend`, besides the deny words of `disabledAlgorithmsName`.
 */
export const cipherListRemoval = /^(?:remove|removed|drop|without|except|minus)$/;

/**
 * Calls that return a key-agreement secret (ECDH, X25519, finite-field DH): node:crypto `ecdh.computeSecret`,
 * `crypto.diffieHellman`, WebCrypto `subtle.deriveBits` (ECDH/X25519), @noble/curves `getSharedSecret`,
 * tweetnacl `nacl.scalarMult`/`box.before`, libsodium `crypto_scalarmult`. The raw secret is not uniformly
 * random: a KDF must turn it into a key (SP 800-56A Rev. 3 §5.8), and MD5 or SHA-1 there is a weak one.
 */
export const keyAgreementCalls = {
  names: new Set([
    'computeSecret',
    'diffieHellman',
    'deriveBits',
    'getSharedSecret',
    'scalarMult',
    'crypto_scalarmult',
    'sharedKey',
    'before',
  ]),
  samples: {
    positive: [
      'ecdh.computeSecret(peer)',
      'crypto.diffieHellman({ privateKey, publicKey })',
      'x25519.getSharedSecret(a, B)',
    ],
    negative: ['ecdh.getPublicKey()', 'crypto.randomBytes(32)', 'hash.digest()'],
  } satisfies Samples,
} as const;

/**
 * HMAC sinks (catalogue `keySinks` ids) whose `.update(…)` chain over a key-agreement secret makes them HKDF-Extract
 * (RFC 5869 §2.2): the literal key is then the salt, a public label by design (`src/rule-kit/hmac-labels.ts`).
 */
export const hmacExtractSinks: ReadonlySet<string> = new Set(['node-crypto.createHmac']);

/**
 * A broken digest run over a password (`createHash('md5').update(password)`, LDAP `{SSHA}`, the NT hash
 * `MD4(UTF-16LE(password))`, `CryptoJS.MD5(pin)`): the password store or the key it makes rests on a hash with
 * practical collisions and no cost (NIST SP 800-63B §5.1.1.2 asks for a salted, costly KDF; SP 800-131A Rev. 2
 * disallows MD5 and SHA-1 there). `namingCalls` are the calls whose first argument names the digest
 * (`createHash('sha1')`, `hash('md5', pw)`, `subtle.digest('SHA-1', pw)`); otherwise the digest is named by the
 * callee (`md5(pw)`, `CryptoJS.SHA1(pw)`) or a member of its chain (`forge.md.md5.create()`). Only MD2/MD4/MD5
 * and SHA-1: a SHA-256 of a password is `no-password-as-key`'s cost question, not a broken algorithm.
 */
export const passwordDigest = {
  namingCalls: new Set(['createHash', 'hash', 'digest']),
  member: /^(?:md2|md4|md5|sha1)$/i,
  /**
   * Protocols that ask for the digest of a password, named in the function that computes it: the Pwned Passwords
   * range API takes the first five hex digits of the password's SHA-1 (k-anonymity; the password never leaves).
   */
  protocols: [
    { digest: 'SHA-1', named: /api\.pwnedpasswords\.com\/range|haveibeenpwned/i },
    // HTTP Digest access authentication (RFC 7616 §3.4.2, RFC 2617): HA1 = MD5(username:realm:password), answered
    // with the server's nonce and a client nonce; the protocol, not the code, chooses MD5.
    { digest: 'MD5', named: /\bcnonce\b|www-authenticate|\bqop\b/i },
  ],
  /**
   * A normalised holder or function name that says the hash makes key material (`key`, `evp_bytes_to_key`,
   * `evp_kdf`, `iv`): then the mistake is the password used as a key (or a derived IV), reported by those rules.
   */
  keyMaterial: /(?:^|_)(?:key|keys|iv|ivs|kdf|secret|kek|dek|cek|nonce)(?:_|$)/,
  /**
   * The word a branch test uses for a stored hash's format (`case Method.MD5:`, `if (algo === 'sha1')`): a digest
   * compared there checks a hash the record already holds in that format (weak-digests.ts).
   */
  storedFormatWord: (digest: string): RegExp =>
    new RegExp(`(?:^|[^a-z0-9])${digest.replace('-', '-?')}(?:[^a-z0-9]|$)`, 'i'),
  samples: {
    positive: ['md5', 'MD4', 'sha1', 'SHA1'],
    negative: ['sha256', 'update', 'digest', 'sha512'],
  } satisfies Samples,
} as const;
