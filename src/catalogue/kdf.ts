/**
 * Password-based key derivation: the KDF APIs and where their cost parameters sit, the floors those
 * parameters must meet, the ways a password reaches a key without a KDF, and the names passwords go by.
 * Read by `no-password-as-key`; every entry carries samples that `test/catalogue/algorithms.test.ts` proves.
 *
 * Floors, and where they come from:
 * - PBKDF2 (OWASP Password Storage Cheat Sheet, 2023): HMAC-SHA-1 1,300,000; HMAC-SHA-256 600,000;
 *   HMAC-SHA-512 210,000 iterations.
 * - scrypt: N (cost) at least 2^15. Node's default is N = 2^14 (RFC 7914 §2's 2009 interactive value).
 *   Node's default `maxmem` (32 MiB) refuses N = 2^15 with r = 8, so raising N means raising maxmem.
 * - argon2: RFC 9106 §4, second recommended option (memory-constrained): argon2id, t = 3 passes,
 *   m = 64 MiB. The first option (t = 1, m = 2 GiB) is stronger and also passes. Parallelism p only
 *   sets lanes; an attacker's cost is memory × passes, so p has no floor here.
 * - Salt: at least 128 bits (NIST SP 800-132 §5.1), so 16 bytes.
 *
 * Two purposes, two bars. The floors above are for **key derivation** (the output is a key: NIST SP
 * 800-132 §5 for PBKDF2, RFC 9106 §4 for argon2). **Password storage** (the output is a verifier that is
 * stored and compared) follows the OWASP Password Storage Cheat Sheet's minimums instead: argon2id with
 * one of m = 47104 KiB/t = 1, 19456/2, 12288/3, 9216/4 or 7168/5 (p = 1); scrypt N = 2^17 (r = 8, p = 1);
 * PBKDF2 as above. So argon2id at m = 19 MiB, t = 2 is fine for storing a password and too little for a
 * key, and the storage bar for scrypt is higher than the key bar.
 */
import type { CallPattern, KeySink, NameLexicon, Samples } from './types.js';

const nodeCrypto = ['crypto', 'node:crypto'];
/** Packages that offer node:crypto's API under their own name (React Native, browser bundles). */
const nodeCryptoPorts = ['react-native-quick-crypto', 'crypto-browserify', 'react-native-crypto'];

export type KdfKind = 'pbkdf2' | 'scrypt' | 'argon2' | 'bcrypt';

/**
 * An argument, or a property of an options-object argument (alternatives: `N` or `cost`). `ofReceiver`: an argument
 * of the call that made the receiver (crypto-js `algo.EvpKDF.create({ iterations }).compute(pw, salt)`).
 */
export interface ParamLoc {
  readonly index: number;
  readonly property?: readonly string[];
  readonly ofReceiver?: true;
}

export interface KdfSite extends Pick<KeySink, 'modules' | 'callee' | 'global' | 'receivers'> {
  readonly id: string;
  readonly title: string;
  readonly kdf: KdfKind;
  readonly salt?: ParamLoc;
  /** PBKDF2 iteration count. */
  readonly iterations?: ParamLoc;
  /** PBKDF2 digest (a string, a hash function, a crypto-js hasher, a forge md). */
  readonly digest?: ParamLoc;
  /** scrypt N. */
  readonly cost?: ParamLoc;
  /** argon2 memory in KiB (in bytes when `memoryInBytes`: libsodium's `memlimit`). */
  readonly memoryKiB?: ParamLoc;
  readonly memoryInBytes?: true;
  /** argon2 passes (t). */
  readonly passes?: ParamLoc;
  /** bcrypt cost (log2 of the rounds). */
  readonly rounds?: ParamLoc;
  /** What the library uses when a parameter is left out. A missing parameter without a default is not judged. */
  readonly defaults?: {
    readonly iterations?: number;
    readonly digest?: string;
    readonly cost?: number;
    readonly memoryKiB?: number;
    readonly passes?: number;
    readonly rounds?: number;
  };
  /** The API only stores passwords (its output is an encoded verifier, never a key): `argon2.hash`. */
  readonly purpose?: 'storage';
  /** Only this KDF when argument `index` is (or is an object whose `name` is) one of these (WebCrypto). */
  readonly whenName?: { readonly index: number; readonly oneOf: readonly string[] };
  /**
   * Only this KDF when option `property` of argument `index` is written `true` (`set`) or is not (`unset`):
   * node-forge's `legacy: true` switches PEM encryption from PBKDF2 to EVP_BytesToKey.
   */
  readonly whenFlag?: { readonly index: number; readonly property: string; readonly is: 'set' | 'unset' };
  /** The argument that takes the password, when it is not the first (forge `encryptRsaPrivateKey(key, pw)`). */
  readonly password?: number;
  /**
   * The salt's size is fixed by the output format (OpenSSL's `Salted__` header holds 8 bytes): it is not judged on
   * its own, the derivation is the finding.
   */
  readonly saltSizeFixed?: true;
  readonly samples: Samples;
}

const nobleModules = (m: string): string[] => [`@noble/hashes/${m}.js`, `@noble/hashes/${m}`];

export const kdfSites: readonly KdfSite[] = [
  ...(['pbkdf2', 'pbkdf2Sync'] as const).map((fn): KdfSite => ({
    id: `node-crypto.${fn}`,
    title: `crypto.${fn}`,
    modules: nodeCrypto,
    callee: fn,
    receivers: ['crypto'],
    kdf: 'pbkdf2',
    salt: { index: 1 },
    iterations: { index: 2 },
    digest: { index: 4 },
    samples: {
      positive: [`import crypto from 'node:crypto'; crypto.${fn}(pw, salt, 1000, 32, 'sha256');`],
      negative: [`import crypto from 'node:crypto'; crypto.scryptSync(pw, salt, 32);`],
    },
  })),
  ...(['scrypt', 'scryptSync'] as const).map((fn): KdfSite => ({
    id: `node-crypto.${fn}`,
    title: `crypto.${fn}`,
    modules: nodeCrypto,
    callee: fn,
    receivers: ['crypto'],
    kdf: 'scrypt',
    salt: { index: 1 },
    cost: { index: 3, property: ['N', 'cost'] },
    defaults: { cost: 2 ** 14 },
    samples: {
      positive: [`const { ${fn} } = require('crypto'); ${fn}(pw, salt, 64, { N: 1024 });`],
      negative: [`const { pbkdf2Sync } = require('crypto'); pbkdf2Sync(pw, salt, 1, 32, 'sha1');`],
    },
  })),
  ...(['deriveKey', 'deriveBits'] as const).map((fn): KdfSite => ({
    id: `webcrypto.${fn}.PBKDF2`,
    title: `SubtleCrypto.${fn} (PBKDF2)`,
    modules: nodeCrypto,
    callee: `subtle.${fn}`,
    global: true,
    kdf: 'pbkdf2',
    whenName: { index: 0, oneOf: ['PBKDF2'] },
    salt: { index: 0, property: ['salt'] },
    iterations: { index: 0, property: ['iterations'] },
    digest: { index: 0, property: ['hash'] },
    samples: {
      positive: [`await crypto.subtle.${fn}({ name: 'PBKDF2', salt, iterations: 1000, hash: 'SHA-256' }, base, 256);`],
      negative: ["await crypto.subtle.digest('SHA-256', d);"],
    },
  })),
  {
    id: 'crypto-js.PBKDF2',
    title: 'CryptoJS.PBKDF2',
    modules: ['crypto-js', 'crypto-js/pbkdf2'],
    callee: 'PBKDF2',
    receivers: ['CryptoJS'],
    kdf: 'pbkdf2',
    salt: { index: 1 },
    iterations: { index: 2, property: ['iterations'] },
    digest: { index: 2, property: ['hasher'] },
    // crypto-js 4.2+: SHA-256, 250,000 iterations; before 4.2: SHA-1, 1 iteration. Both are below the floor.
    defaults: { iterations: 250_000, digest: 'sha256' },
    samples: {
      positive: ["import CryptoJS from 'crypto-js'; CryptoJS.PBKDF2(pw, salt, { keySize: 8 });"],
      negative: ["import CryptoJS from 'crypto-js'; CryptoJS.SHA256(pw);"],
    },
  },
  {
    id: 'node-forge.pkcs5.pbkdf2',
    title: 'forge.pkcs5.pbkdf2',
    modules: ['node-forge'],
    callee: 'pkcs5.pbkdf2',
    receivers: ['forge'],
    kdf: 'pbkdf2',
    salt: { index: 1 },
    iterations: { index: 2 },
    digest: { index: 4 },
    defaults: { digest: 'sha1' },
    samples: {
      positive: ["import forge from 'node-forge'; forge.pkcs5.pbkdf2(pw, salt, 1000, 32);"],
      negative: ["import forge from 'node-forge'; forge.md.sha256.create();"],
    },
  },
  ...(['pbkdf2', 'pbkdf2Async'] as const).map((fn): KdfSite => ({
    id: `noble.${fn}`,
    title: `@noble/hashes ${fn}`,
    modules: nobleModules('pbkdf2'),
    callee: fn,
    kdf: 'pbkdf2',
    digest: { index: 0 },
    salt: { index: 2 },
    iterations: { index: 3, property: ['c'] },
    samples: {
      positive: [`import { ${fn} } from '@noble/hashes/pbkdf2.js'; ${fn}(sha256, pw, salt, { c: 1000, dkLen: 32 });`],
      negative: [`import { ${fn} } from './pbkdf2.js'; ${fn}(sha256, pw, salt, { c: 1 });`],
    },
  })),
  ...(['scrypt', 'scryptAsync'] as const).map((fn): KdfSite => ({
    id: `noble.${fn}`,
    title: `@noble/hashes ${fn}`,
    modules: nobleModules('scrypt'),
    callee: fn,
    kdf: 'scrypt',
    salt: { index: 1 },
    cost: { index: 2, property: ['N'] },
    samples: {
      positive: [
        `import { ${fn} } from '@noble/hashes/scrypt.js'; ${fn}(pw, salt, { N: 1024, r: 8, p: 1, dkLen: 32 });`,
      ],
      negative: [`import { ${fn} } from 'scrypt-js'; ${fn}(pw, salt, 1024, 8, 1, 32);`],
    },
  })),
  ...(['scrypt', 'syncScrypt'] as const).map((fn): KdfSite => ({
    id: `scrypt-js.${fn}`,
    title: `scrypt-js ${fn}`,
    modules: ['scrypt-js'],
    callee: fn,
    kdf: 'scrypt',
    salt: { index: 1 },
    cost: { index: 2 },
    samples: {
      positive: [
        `import { ${fn} } from 'scrypt-js'; ${fn}(pw, salt, 1024, 8, 1, 32);`,
        `const scryptJs = require('scrypt-js'); scryptJs.${fn}(pw, salt, 1024, 8, 1, 32);`,
      ],
      negative: [`import { ${fn} } from '@noble/hashes/scrypt.js'; ${fn}(pw, salt, { N: 1024 });`],
    },
  })),
  ...(['argon2id', 'argon2i', 'argon2d', 'argon2idAsync', 'argon2iAsync', 'argon2dAsync'] as const).map(
    (fn): KdfSite => ({
      id: `noble.${fn}`,
      title: `@noble/hashes ${fn}`,
      modules: nobleModules('argon2'),
      callee: fn,
      kdf: 'argon2',
      salt: { index: 1 },
      memoryKiB: { index: 2, property: ['m'] },
      passes: { index: 2, property: ['t'] },
      samples: {
        positive: [`import { ${fn} } from '@noble/hashes/argon2.js'; ${fn}(pw, salt, { t: 1, m: 4096, p: 1 });`],
        negative: [`import { ${fn} } from 'hash-wasm'; ${fn}({ password: pw });`],
      },
    }),
  ),
  {
    id: 'argon2.hash',
    title: 'argon2.hash',
    modules: ['argon2'],
    callee: 'hash',
    receivers: ['argon2'],
    kdf: 'argon2',
    purpose: 'storage',
    salt: { index: 1, property: ['salt'] },
    memoryKiB: { index: 1, property: ['memoryCost'] },
    passes: { index: 1, property: ['timeCost'] },
    // argon2 (node-argon2) 0.31+: memoryCost 65536 KiB, timeCost 3, parallelism 4 = RFC 9106's second option.
    defaults: { memoryKiB: 65536, passes: 3 },
    samples: {
      positive: [
        "import argon2 from 'argon2'; await argon2.hash(pw, { memoryCost: 4096 });",
        "import { hash } from 'argon2'; await hash(pw);",
      ],
      negative: [
        "import argon2 from 'argon2'; await argon2.verify(h, pw);",
        "import { hash } from 'node:crypto'; hash('sha256', d);",
      ],
    },
  },
  // OpenSSL's EVP_BytesToKey: MD5 rounds over password and salt, one round unless told otherwise (crypto-js
  // `EvpKDF` takes `{ iterations }`; the evp_bytestokey package takes no count at all).
  {
    id: 'crypto-js.EvpKDF',
    title: 'CryptoJS.EvpKDF (EVP_BytesToKey)',
    modules: ['crypto-js', 'crypto-js/evpkdf'],
    callee: 'EvpKDF',
    receivers: ['CryptoJS'],
    saltSizeFixed: true,
    kdf: 'pbkdf2',
    salt: { index: 1 },
    iterations: { index: 2, property: ['iterations'] },
    defaults: { iterations: 1, digest: 'md5' },
    samples: {
      positive: ["import CryptoJS from 'crypto-js'; CryptoJS.EvpKDF(pw, salt, { keySize: 8 });"],
      negative: ["import CryptoJS from 'crypto-js'; CryptoJS.PBKDF2.name;"],
    },
  },
  {
    id: 'evp_bytestokey',
    title: 'EVP_BytesToKey (evp_bytestokey)',
    modules: ['evp_bytestokey'],
    callee: 'default',
    saltSizeFixed: true,
    kdf: 'pbkdf2',
    salt: { index: 1 },
    // No count parameter: the call has no fifth argument, so the one-round default applies.
    iterations: { index: 4 },
    defaults: { iterations: 1, digest: 'md5' },
    samples: {
      positive: ["import EVP_BytesToKey from 'evp_bytestokey'; EVP_BytesToKey(pw, null, 256, 16);"],
      negative: ["import { pbkdf2Sync } from 'crypto'; pbkdf2Sync(pw, salt, 600000, 32, 'sha256');"],
    },
  },
  // node-forge's OpenSSL-compatible derivation: EVP_BytesToKey with MD5 (its default `md`) and one round, no count.
  {
    id: 'node-forge.pbe.opensslDeriveBytes',
    title: 'forge.pbe.opensslDeriveBytes (EVP_BytesToKey)',
    modules: ['node-forge'],
    callee: 'pbe.opensslDeriveBytes',
    receivers: ['forge'],
    saltSizeFixed: true,
    kdf: 'pbkdf2',
    salt: { index: 1 },
    iterations: { index: 4 },
    defaults: { iterations: 1, digest: 'md5' },
    samples: {
      positive: ["import forge from 'node-forge'; forge.pbe.opensslDeriveBytes(pw, salt, 48);"],
      negative: ["import forge from 'node-forge'; forge.pkcs5.pbkdf2(pw, salt, 600000, 32, forge.md.sha256.create());"],
    },
  },
  // crypto-js's progressive API: `algo.EvpKDF.create({ keySize, iterations }).compute(pw, salt)` (one MD5 round
  // unless told otherwise) and `algo.PBKDF2.create({ iterations, hasher }).compute(pw, salt)` (crypto-js 4.2+
  // defaults as `CryptoJS.PBKDF2`). The settings are the arguments of `create`.
  {
    id: 'crypto-js.algo.EvpKDF',
    title: 'CryptoJS.algo.EvpKDF (EVP_BytesToKey)',
    modules: ['crypto-js', 'crypto-js/evpkdf'],
    callee: 'algo.EvpKDF.create().compute',
    receivers: ['CryptoJS'],
    saltSizeFixed: true,
    kdf: 'pbkdf2',
    salt: { index: 1 },
    iterations: { index: 0, property: ['iterations'], ofReceiver: true },
    defaults: { iterations: 1, digest: 'md5' },
    samples: {
      positive: ["import CryptoJS from 'crypto-js'; CryptoJS.algo.EvpKDF.create({ keySize: 12 }).compute(pw, salt);"],
      negative: ["import CryptoJS from 'crypto-js'; CryptoJS.algo.SHA256.create().finalize(pw);"],
    },
  },
  {
    id: 'crypto-js.algo.PBKDF2',
    title: 'CryptoJS.algo.PBKDF2',
    modules: ['crypto-js', 'crypto-js/pbkdf2'],
    callee: 'algo.PBKDF2.create().compute',
    receivers: ['CryptoJS'],
    kdf: 'pbkdf2',
    salt: { index: 1 },
    iterations: { index: 0, property: ['iterations'], ofReceiver: true },
    digest: { index: 0, property: ['hasher'], ofReceiver: true },
    defaults: { iterations: 250_000, digest: 'sha256' },
    samples: {
      positive: ["import CryptoJS from 'crypto-js'; CryptoJS.algo.PBKDF2.create({ iterations: 1000 }).compute(pw, s);"],
      negative: ["import CryptoJS from 'crypto-js'; CryptoJS.algo.PBKDF2.create({ iterations: 1000 }).finalize(pw);"],
    },
  },
  // node-forge private-key and PKCS#12 encryption with a password. PKCS#8 and PKCS#12 run PBKDF2 with the `count`
  // they are given (only a written count is judged); `legacy: true` writes OpenSSL's traditional PEM instead, whose
  // key is EVP_BytesToKey (one MD5 round) of the password, whatever the count.
  ...(['pki.encryptRsaPrivateKey', 'pki.encryptPrivateKeyInfo'] as const).flatMap((fn): KdfSite[] => [
    {
      id: `node-forge.${fn}`,
      title: `forge.${fn}`,
      modules: ['node-forge'],
      callee: fn,
      receivers: ['forge'],
      kdf: 'pbkdf2',
      password: 1,
      whenFlag: { index: 2, property: 'legacy', is: 'unset' },
      iterations: { index: 2, property: ['count'] },
      digest: { index: 2, property: ['prfAlgorithm'] },
      defaults: { digest: 'sha1' },
      samples: {
        positive: [`import forge from 'node-forge'; forge.${fn}(k, pw, { algorithm: 'aes256', count: 1000 });`],
        negative: [`import forge from 'node-forge'; forge.pki.decryptRsaPrivateKey(pem, pw);`],
      },
    },
    {
      id: `node-forge.${fn}.legacy`,
      title: `forge.${fn} with legacy: true (EVP_BytesToKey)`,
      modules: ['node-forge'],
      callee: fn,
      receivers: ['forge'],
      kdf: 'pbkdf2',
      password: 1,
      whenFlag: { index: 2, property: 'legacy', is: 'set' },
      iterations: { index: 3 },
      defaults: { iterations: 1, digest: 'md5' },
      samples: {
        positive: [`import forge from 'node-forge'; forge.${fn}(k, pw, { legacy: true, algorithm: 'aes256' });`],
        negative: [`import forge from 'node-forge'; forge.pki.privateKeyToPem(k);`],
      },
    },
  ]),
  {
    id: 'node-forge.pkcs12.toPkcs12Asn1',
    title: 'forge.pkcs12.toPkcs12Asn1',
    modules: ['node-forge'],
    callee: 'pkcs12.toPkcs12Asn1',
    receivers: ['forge'],
    kdf: 'pbkdf2',
    password: 2,
    iterations: { index: 3, property: ['count'] },
    defaults: { digest: 'sha1' },
    samples: {
      positive: ["import forge from 'node-forge'; forge.pkcs12.toPkcs12Asn1(k, [c], pw, { count: 1 });"],
      negative: ["import forge from 'node-forge'; forge.pkcs12.pkcs12FromAsn1(asn1, pw);"],
    },
  },
  // sjcl's password mode: PBKDF2-HMAC-SHA256 with the `iter` it is given (only a written count is judged: a key
  // given as a bitArray uses no KDF).
  {
    id: 'sjcl.encrypt.iter',
    title: 'sjcl.encrypt (PBKDF2)',
    modules: ['sjcl'],
    callee: 'encrypt',
    receivers: ['sjcl'],
    kdf: 'pbkdf2',
    iterations: { index: 2, property: ['iter'] },
    defaults: { digest: 'sha256' },
    samples: {
      positive: ["import sjcl from 'sjcl'; sjcl.encrypt(pw, pt, { iter: 1000 });"],
      negative: ["import sjcl from 'sjcl'; sjcl.decrypt(pw, ct);"],
    },
  },
  // libsodium's key derivation from a password: `crypto_pwhash(outlen, pw, salt, opslimit, memlimit, alg)`, the
  // limits as numbers (memlimit in bytes); its named limits are `sodiumMinimumLimit`'s. `crypto_pwhash_str`
  // stores passwords and is not this site.
  {
    id: 'libsodium.crypto_pwhash.limits',
    title: 'sodium.crypto_pwhash',
    modules: ['libsodium-wrappers', 'libsodium-wrappers-sumo', 'sodium-native', 'sodium-javascript'],
    callee: 'crypto_pwhash',
    receivers: ['sodium', '_sodium', 'libsodium'],
    kdf: 'argon2',
    salt: { index: 2 },
    passes: { index: 3 },
    memoryKiB: { index: 4 },
    memoryInBytes: true,
    samples: {
      positive: ["import sodium from 'libsodium-wrappers'; sodium.crypto_pwhash(32, pw, salt, 1, 8192, alg);"],
      negative: ["import sodium from 'libsodium-wrappers'; sodium.crypto_pwhash_str(pw, ops, mem);"],
    },
  },
  // bcrypt stores passwords only; its cost is log2 of the rounds. A salt string in place of the cost is not judged.
  ...(
    [
      ['hash', 1],
      ['hashSync', 1],
      ['genSalt', 0],
      ['genSaltSync', 0],
    ] as const
  ).map(([fn, index]): KdfSite => ({
    id: `bcrypt.${fn}`,
    title: `bcrypt.${fn}`,
    // @node-rs/bcrypt and bcrypt-ts take the same (password, cost) and (cost) arguments.
    modules: ['bcrypt', 'bcryptjs', '@node-rs/bcrypt', 'bcrypt-ts'],
    callee: fn,
    receivers: ['bcrypt', 'bcryptjs'],
    kdf: 'bcrypt',
    purpose: 'storage',
    rounds: { index },
    samples: {
      positive: [`import bcrypt from 'bcrypt'; await bcrypt.${fn}(${index ? 'pw, ' : ''}6);`],
      negative: ["import bcrypt from 'bcrypt'; await bcrypt.compare(pw, stored);"],
    },
  })),
  // argon2-browser (wasm): `argon2.hash({ pass, salt, time, mem, hashLen, type })`, mem in KiB; its defaults are
  // time 1 and mem 1024 KiB.
  {
    id: 'argon2-browser.hash',
    title: 'argon2-browser hash',
    modules: ['argon2-browser', 'argon2-browser/dist/argon2-bundled.min.js'],
    callee: 'hash',
    receivers: ['argon2'],
    kdf: 'argon2',
    salt: { index: 0, property: ['salt'] },
    memoryKiB: { index: 0, property: ['mem'] },
    passes: { index: 0, property: ['time'] },
    defaults: { memoryKiB: 1024, passes: 1 },
    samples: {
      positive: ["import argon2 from 'argon2-browser'; await argon2.hash({ pass: pw, salt, time: 1, mem: 1024 });"],
      negative: ["import argon2 from 'argon2-browser'; await argon2.verify({ pass: pw, encoded: h });"],
    },
  },
  ...(['argon2id', 'argon2i', 'argon2d'] as const).map((fn): KdfSite => ({
    id: `hash-wasm.${fn}`,
    title: `hash-wasm ${fn}`,
    modules: ['hash-wasm'],
    callee: fn,
    kdf: 'argon2',
    salt: { index: 0, property: ['salt'] },
    memoryKiB: { index: 0, property: ['memorySize'] },
    passes: { index: 0, property: ['iterations'] },
    samples: {
      positive: [
        `import { ${fn} } from 'hash-wasm'; await ${fn}({ password: pw, salt, parallelism: 1, iterations: 2, ` +
          'memorySize: 1024, hashLength: 32 });',
      ],
      negative: [`import { ${fn} } from '@noble/hashes/argon2.js'; ${fn}(pw, salt, { t: 3, m: 65536, p: 4 });`],
    },
  })),
  // ---- KDF packages real code derives and stores with (session 29 breadth study, branch breadth13b) -----------
  // hash-wasm's other KDFs take one options object: pbkdf2 `iterations`, bcrypt `costFactor` (log2 of the rounds),
  // scrypt `costFactor` (N itself).
  {
    id: 'hash-wasm.pbkdf2',
    title: 'hash-wasm pbkdf2',
    modules: ['hash-wasm'],
    callee: 'pbkdf2',
    kdf: 'pbkdf2',
    salt: { index: 0, property: ['salt'] },
    iterations: { index: 0, property: ['iterations'] },
    digest: { index: 0, property: ['hashFunction'] },
    samples: {
      positive: ["import { pbkdf2 } from 'hash-wasm'; await pbkdf2({ password: pw, salt, iterations: 1000 });"],
      negative: ["import { pbkdf2 } from '@noble/hashes/pbkdf2.js'; pbkdf2(sha256, pw, salt, { c: 1 });"],
    },
  },
  {
    id: 'hash-wasm.bcrypt',
    title: 'hash-wasm bcrypt',
    modules: ['hash-wasm'],
    callee: 'bcrypt',
    kdf: 'bcrypt',
    purpose: 'storage',
    rounds: { index: 0, property: ['costFactor'] },
    samples: {
      positive: ["import { bcrypt } from 'hash-wasm'; await bcrypt({ password: pw, salt, costFactor: 6 });"],
      negative: ["import { bcryptVerify } from 'hash-wasm'; await bcryptVerify({ password: pw, hash: h });"],
    },
  },
  {
    id: 'hash-wasm.scrypt',
    title: 'hash-wasm scrypt',
    modules: ['hash-wasm'],
    callee: 'scrypt',
    kdf: 'scrypt',
    salt: { index: 0, property: ['salt'] },
    cost: { index: 0, property: ['costFactor'] },
    samples: {
      positive: ["import { scrypt } from 'hash-wasm'; await scrypt({ password: pw, salt, costFactor: 1024 });"],
      negative: ["import { scrypt } from 'scrypt-js'; scrypt(pw, salt, 1 << 17, 8, 1, 32);"],
    },
  },
  // @node-rs/argon2 (napi): `hash(pw, { memoryCost, timeCost })`, memory in KiB, storing passwords. Its defaults are
  // not judged (a call with no options states no cost).
  ...(['hash', 'hashSync', 'hashRaw', 'hashRawSync'] as const).map((fn): KdfSite => ({
    id: `node-rs-argon2.${fn}`,
    title: `@node-rs/argon2 ${fn}`,
    modules: ['@node-rs/argon2'],
    callee: fn,
    kdf: 'argon2',
    ...(fn.startsWith('hashRaw') ? {} : { purpose: 'storage' as const }),
    salt: { index: 1, property: ['salt'] },
    memoryKiB: { index: 1, property: ['memoryCost'] },
    passes: { index: 1, property: ['timeCost'] },
    samples: {
      positive: [`import { ${fn} } from '@node-rs/argon2'; await ${fn}(pw, { memoryCost: 1024, timeCost: 1 });`],
      negative: ["import { verify } from '@node-rs/argon2'; await verify(h, pw);"],
    },
  })),
];

// ---- floors ---------------------------------------------------------------------------------------------

/** PBKDF2 iteration floors by HMAC digest (OWASP Password Storage Cheat Sheet, 2023). */
const pbkdf2MinIterations: Readonly<Record<string, number>> = {
  sha1: 1_300_000,
  sha256: 600_000,
  sha512: 210_000,
};
/** The floor for a digest the table does not list (or that cannot be read): SHA-256's. */
const pbkdf2DefaultMinIterations = 600_000;
const scryptMinCost = 2 ** 15;
/** RFC 9106 §4, second recommended option; the first (t = 1, m = 2 GiB) also passes. */
const argon2Floor = { memoryKiB: 64 * 1024, passes: 3 } as const;
const argon2FirstOption = { memoryKiB: 2 * 1024 * 1024, passes: 1 } as const;
/** OWASP Password Storage Cheat Sheet: the argon2id minimum configurations (memory KiB, passes), any one suffices. */
const argon2StorageOptions: readonly { readonly memoryKiB: number; readonly passes: number }[] = [
  { memoryKiB: 47_104, passes: 1 },
  { memoryKiB: 19_456, passes: 2 },
  { memoryKiB: 12_288, passes: 3 },
  { memoryKiB: 9_216, passes: 4 },
  { memoryKiB: 7_168, passes: 5 },
];
/** OWASP Password Storage Cheat Sheet: bcrypt with a work factor of 10 or more (legacy systems only). */
const bcryptMinCost = 10;
/** OWASP Password Storage Cheat Sheet: scrypt N = 2^17 for password storage. */
const scryptStorageMinCost = 2 ** 17;
/** What the KDF's output is for: a key (the stricter memory bar), or a stored password verifier. */
export type KdfPurpose = 'key' | 'storage';
/** NIST SP 800-132 §5.1: at least 128 bits of salt. */
export const minSaltBytes = 16;

/**
 * `'SHA-256'`, `'sha256'`, `sha256` (noble), `CryptoJS.algo.SHA256`, `forge.md.sha512.create()` → `sha256`.
 * Returns undefined when no known digest name is in the text.
 */
export function normaliseDigest(text: string): string | undefined {
  // hash-wasm names its hashers `createSHA512()`: the word `create` may stand before the digest.
  const m = /(?:^|[^a-z0-9]|create)(sha-?(?:1|224|256|384|512)|md5)(?:[^a-z0-9]|$)/i.exec(text);
  return m ? m[1]!.toLowerCase().replace('-', '') : undefined;
}

export interface KdfParams {
  readonly iterations?: number;
  readonly digest?: string;
  readonly cost?: number;
  readonly memoryKiB?: number;
  readonly passes?: number;
  readonly rounds?: number;
}

export interface KdfShortfall {
  readonly param: 'iterations' | 'N' | 'memory' | 'passes' | 'rounds';
  readonly value: number;
  readonly floor: number;
  readonly source: string;
}

/** The parameters of one KDF call that fall below the floors for its purpose, most important first. */
export function kdfShortfalls(kdf: KdfKind, p: KdfParams, purpose: KdfPurpose = 'key'): KdfShortfall[] {
  const out: KdfShortfall[] = [];
  if (kdf === 'pbkdf2' && p.iterations !== undefined) {
    const floor = (p.digest && pbkdf2MinIterations[p.digest]) || pbkdf2DefaultMinIterations;
    if (p.iterations < floor)
      out.push({
        param: 'iterations',
        value: p.iterations,
        floor,
        source: `OWASP 2023 for PBKDF2-HMAC-${(p.digest ?? 'sha256').toUpperCase()}`,
      });
  }
  if (kdf === 'bcrypt' && p.rounds !== undefined && p.rounds < bcryptMinCost)
    out.push({
      param: 'rounds',
      value: p.rounds,
      floor: bcryptMinCost,
      source: 'OWASP Password Storage Cheat Sheet, bcrypt work factor',
    });
  if (kdf === 'scrypt' && p.cost !== undefined) {
    if (purpose === 'storage' && p.cost < scryptStorageMinCost)
      out.push({
        param: 'N',
        value: p.cost,
        floor: scryptStorageMinCost,
        source: 'OWASP Password Storage Cheat Sheet, scrypt N = 2^17',
      });
    else if (purpose === 'key' && p.cost < scryptMinCost)
      out.push({ param: 'N', value: p.cost, floor: scryptMinCost, source: 'scrypt cost floor 2^15' });
  }
  if (kdf === 'argon2' && purpose === 'storage') {
    const m = p.memoryKiB;
    const t = p.passes;
    if (m !== undefined && t !== undefined && !argon2StorageOptions.some((o) => m >= o.memoryKiB && t >= o.passes)) {
      const weakest = argon2StorageOptions[argon2StorageOptions.length - 1]!;
      if (m < weakest.memoryKiB)
        out.push({
          param: 'memory',
          value: m,
          floor: weakest.memoryKiB,
          source: 'OWASP Password Storage Cheat Sheet, in KiB',
        });
      else {
        const need = argon2StorageOptions.filter((o) => m >= o.memoryKiB).map((o) => o.passes);
        out.push({
          param: 'passes',
          value: t,
          floor: Math.min(...need),
          source: 'OWASP Password Storage Cheat Sheet',
        });
      }
    }
  } else if (kdf === 'argon2') {
    const m = p.memoryKiB;
    const t = p.passes;
    const firstOption = m !== undefined && m >= argon2FirstOption.memoryKiB;
    if (m !== undefined && m < argon2Floor.memoryKiB)
      out.push({ param: 'memory', value: m, floor: argon2Floor.memoryKiB, source: 'RFC 9106 §4, in KiB' });
    if (t !== undefined && t < argon2Floor.passes && !firstOption)
      out.push({ param: 'passes', value: t, floor: argon2Floor.passes, source: 'RFC 9106 §4' });
  }
  return out;
}

/** Samples for `kdfShortfalls` as password storage: JSON `{ kdf, ...params }`; positives fall short. */
export const kdfStorageFloorSamples: Samples = {
  positive: [
    '{"kdf":"argon2","memoryKiB":4096,"passes":3}',
    '{"kdf":"argon2","memoryKiB":19456,"passes":1}',
    '{"kdf":"scrypt","cost":16384}',
    '{"kdf":"scrypt","cost":65536}',
    '{"kdf":"pbkdf2","digest":"sha256","iterations":100000}',
    '{"kdf":"bcrypt","rounds":8}',
  ],
  negative: [
    '{"kdf":"bcrypt","rounds":10}',
    '{"kdf":"argon2","memoryKiB":19456,"passes":2}',
    '{"kdf":"argon2","memoryKiB":47104,"passes":1}',
    '{"kdf":"argon2","memoryKiB":7168,"passes":5}',
    '{"kdf":"scrypt","cost":131072}',
    '{"kdf":"pbkdf2","digest":"sha256","iterations":600000}',
  ],
};

/** Samples for `kdfShortfalls`: JSON `{ kdf, ...params }`; positives fall short, negatives do not. */
export const kdfFloorSamples: Samples = {
  positive: [
    '{"kdf":"pbkdf2","digest":"sha256","iterations":100000}',
    '{"kdf":"pbkdf2","digest":"sha1","iterations":1000000}',
    '{"kdf":"pbkdf2","digest":"sha512","iterations":10000}',
    '{"kdf":"pbkdf2","iterations":1000}',
    '{"kdf":"scrypt","cost":16384}',
    '{"kdf":"argon2","memoryKiB":19456,"passes":2}',
    '{"kdf":"argon2","memoryKiB":65536,"passes":1}',
  ],
  negative: [
    '{"kdf":"pbkdf2","digest":"sha256","iterations":600000}',
    '{"kdf":"pbkdf2","digest":"sha512","iterations":210000}',
    '{"kdf":"pbkdf2","digest":"sha1","iterations":1300000}',
    '{"kdf":"scrypt","cost":32768}',
    '{"kdf":"scrypt","cost":131072}',
    '{"kdf":"argon2","memoryKiB":65536,"passes":3}',
    '{"kdf":"argon2","memoryKiB":2097152,"passes":1}',
    '{"kdf":"pbkdf2"}',
  ],
};

// ---- passwords reaching keys -------------------------------------------------------------------------------

/**
 * Names that hold a password, passphrase or PIN (not its hash, length or field): `password`,
 * `userPassword`, `PASSPHRASE`, `pwd`, `pin`, `req.body.password`. Matched on normalised names.
 */
export const passwordName: NameLexicon = {
  id: 'password-name',
  title: 'A name that holds a password, passphrase or PIN',
  pattern:
    // One expression, split for width: a word prefix, the password word, an optional representation suffix.
    // A bare `phrase` (`sharedPhrase`) is a passphrase; a seed or recovery phrase is a wallet's key material.
    new RegExp(
      '^(?!(?:[a-z0-9]+_)*(?:seed|recovery|mnemonic|backup|wallet|search|key)_phrase)' +
        '(?:[a-z0-9]+_)*(?:password|passwd|passphrase|pass_phrase|phrase|passcode|pass_code|pwd|pin|pincode|pin_code)' +
        '(?:_(?:str|string|text|value|bytes|buf|buffer|utf8|raw|input_value))?$',
    ),
  samples: {
    positive: [
      'password',
      'user_password',
      'passphrase',
      'master_password',
      'pwd',
      'pin',
      'db_password',
      'password_bytes',
      'wallet_passphrase',
      'pin_code',
      'shared_phrase',
      'phrase',
      'passcode',
    ],
    negative: [
      'password_hash',
      'password_min_length',
      'spin',
      'pinned',
      'passport',
      'bypass',
      'password_field',
      'password_policy',
      'pin_count',
      'secret',
      'jwt_secret',
      'pinecone_key',
      'seed_phrase',
      'recovery_phrase',
      'mnemonic_phrase',
      'search_phrase',
      'phrases',
    ],
  },
};

/**
 * Names of functions that make a key (`getCipherKey`, `keyFromPin`, `evpKey`, `pinToKeyBytes`) or a password's key
 * bytes (`pinBuffer`, `passwordBytes`): a password hashed once, padded, cut or copied into a buffer and returned from
 * one of these is a password used as a key, written there. Lookup keys (cache, storage, map, React) are not keys.
 */
export const keyMakerName: NameLexicon = {
  id: 'key-maker-name',
  title: 'A name of a function that makes a key or key bytes',
  pattern: new RegExp(
    '^(?!(?:[a-z0-9]+_)*(?:cache|redis|storage|store|lookup|map|sort|partition|dedupe?|idempotency|primary|' +
      'foreign|public|row|index|bucket|object|query|route|state|group|memo|lock|registry|hash|react|list|dict|' +
      'search|url|path|file_name|env)_keys?(?:_|$))' +
      // A version or legacy mark after the name (`noteKeyV1`, `exportKeyLegacy`) names the same kind of helper.
      '(?:(?:[a-z0-9]+_)*(?:key|keys|secret)(?:_(?:bytes|buf|buffer|material|from_[a-z0-9_]+|for_[a-z0-9_]+))?' +
      '(?:_(?:v\\d+|\\d+|legacy|old|compat))?$|' +
      '(?:[a-z0-9]+_)*(?:key|secret)_(?:from|for|of|and_iv)(?:_[a-z0-9]+)*$|' +
      '(?:[a-z0-9]+_)*(?:password|passphrase|phrase|pin|pwd|passcode)_(?:to_)?(?:buffer|buf|bytes|key_bytes)$)',
  ),
  samples: {
    positive: [
      'getCipherKey',
      'keyFromPin',
      'evpKey',
      'pinToKeyBytes',
      'pinBuffer',
      'exportKey',
      'attachment_key',
      'keyForPhrase',
      'passwordBytes',
      'deriveSecret',
      'keyAndIvFromPassword',
      'noteKeyV1',
      'exportKeyLegacy',
    ],
    negative: ['cacheKey', 'storageKey', 'hashPassword', 'verifyPassword', 'redisKey', 'keyId', 'publicKey', 'encrypt'],
  },
};

/**
 * A plain, unsalted hash used as a key. `input` is where the hashed data sits: an argument index, or
 * `update` for `createHash(alg).update(x).digest()` chains.
 */
export interface PasswordHashSite extends Pick<KeySink, 'modules' | 'callee' | 'global' | 'receivers'> {
  readonly id: string;
  readonly title: string;
  readonly input: { readonly index: number } | { readonly via: 'update' };
  /**
   * The digest, when only the package names it (`SparkMD5.hash(x)`, `Md5.hashStr(x)`): the call's own chain
   * (`createHash('md5')`, `md5(x)`, `forge.md.md5`) is read first.
   */
  readonly digest?: string;
  readonly samples: Samples;
}

export const plainHashSites: readonly PasswordHashSite[] = [
  {
    id: 'node-crypto.createHash',
    title: 'crypto.createHash().digest()',
    modules: [...nodeCrypto, ...nodeCryptoPorts],
    callee: 'createHash().digest',
    input: { via: 'update' },
    samples: {
      positive: ["import crypto from 'node:crypto'; crypto.createHash('sha256').update(pw).digest();"],
      negative: ["import crypto from 'node:crypto'; crypto.createHmac('sha256', k).update(m).digest();"],
    },
  },
  {
    id: 'node-crypto.hash',
    title: 'crypto.hash()',
    modules: [...nodeCrypto, ...nodeCryptoPorts],
    callee: 'hash',
    input: { index: 1 },
    samples: {
      positive: ["import { hash } from 'node:crypto'; hash('sha256', pw);"],
      negative: ["import { hash } from 'argon2'; await hash(pw);"],
    },
  },
  {
    id: 'webcrypto.digest',
    title: 'SubtleCrypto.digest',
    modules: nodeCrypto,
    callee: 'subtle.digest',
    global: true,
    input: { index: 1 },
    samples: {
      positive: ["await crypto.subtle.digest('SHA-256', pw);"],
      negative: ["await crypto.subtle.sign('HMAC', k, d);"],
    },
  },
  ...(['SHA*', 'MD5', 'RIPEMD160'] as const).map((fn): PasswordHashSite => ({
    id: `crypto-js.${fn.replace('*', '')}`,
    title: `CryptoJS.${fn}`,
    modules: ['crypto-js'],
    callee: fn,
    receivers: ['CryptoJS'],
    input: { index: 0 },
    samples: {
      positive: [`import CryptoJS from 'crypto-js'; CryptoJS.${fn.replace('*', '256')}(pw);`],
      negative: ["import CryptoJS from 'crypto-js'; CryptoJS.PBKDF2(pw, salt);"],
    },
  })),
  {
    id: 'node-forge.md',
    title: 'forge.md.<hash>.create().digest()',
    modules: ['node-forge'],
    callee: 'md.*.create().digest',
    receivers: ['forge'],
    input: { via: 'update' },
    samples: {
      positive: ["import forge from 'node-forge'; forge.md.sha256.create().update(pw).digest();"],
      negative: ["import forge from 'node-forge'; forge.hmac.create().digest();"],
    },
  },
  {
    id: 'md5',
    title: 'md5 (npm)',
    modules: ['md5', 'blueimp-md5'],
    callee: 'default',
    input: { index: 0 },
    samples: {
      positive: ["import md5 from 'md5'; md5(pw);", "const md5 = require('md5'); md5(pw);"],
      negative: ["import md5 from 'md5-file'; md5(path);"],
    },
  },
  ...(['sha256', 'sha1', 'sha512', 'md5'] as const).map((h): PasswordHashSite => ({
    id: `crypto-js/${h}`,
    title: `crypto-js/${h}`,
    modules: [`crypto-js/${h}`],
    callee: 'default',
    input: { index: 0 },
    samples: {
      positive: [`import ${h.toUpperCase()} from 'crypto-js/${h}'; ${h.toUpperCase()}(pw);`],
      negative: [`import ${h.toUpperCase()} from 'crypto-js/pbkdf2'; ${h.toUpperCase()}(pw);`],
    },
  })),
  {
    id: 'js-sha256',
    title: 'js-sha256',
    modules: ['js-sha256', 'js-sha512', 'js-sha1'],
    callee: 'sha*',
    input: { index: 0 },
    samples: {
      positive: ["import { sha256 } from 'js-sha256'; sha256(pw);"],
      negative: ["import { sha256 } from './hash.js'; sha256(pw);"],
    },
  },
  {
    // react-native-aes-crypto's digests (`await Aes.sha256(text)`: hex of one SHA round).
    id: 'react-native-aes-crypto.sha',
    title: 'Aes.sha1 / sha256 / sha512 (react-native-aes-crypto)',
    modules: ['react-native-aes-crypto'],
    callee: 'sha*',
    receivers: ['Aes'],
    input: { index: 0 },
    samples: {
      positive: ["import Aes from 'react-native-aes-crypto'; Aes.sha256(pw);"],
      negative: ["import Aes from 'react-native-aes-crypto'; Aes.pbkdf2(pw, salt, 600000, 256, 'sha256');"],
    },
  },
  // Expo's digests (React Native): `digestStringAsync(alg, text)` is the hex or base64 of one round over the
  // text, `digest(alg, bytes)` its ArrayBuffer form.
  ...(['digestStringAsync', 'digest'] as const).map((fn): PasswordHashSite => ({
    id: `expo-crypto.${fn}`,
    title: `Crypto.${fn} (expo-crypto)`,
    modules: ['expo-crypto'],
    callee: fn,
    receivers: ['Crypto', 'ExpoCrypto'],
    input: { index: 1 },
    samples: {
      positive: [`import * as Crypto from 'expo-crypto'; await Crypto.${fn}(Crypto.CryptoDigestAlgorithm.SHA256, pw);`],
      negative: ["import * as Crypto from 'expo-crypto'; Crypto.getRandomBytes(32);"],
    },
  })),
  {
    id: 'tweetnacl.hash',
    title: 'nacl.hash (SHA-512)',
    modules: ['tweetnacl'],
    callee: 'hash',
    receivers: ['nacl'],
    input: { index: 0 },
    samples: {
      positive: ["import nacl from 'tweetnacl'; nacl.hash(pw);"],
      negative: ["import nacl from 'tweetnacl'; nacl.randomBytes(32);"],
    },
  },
  ...(
    [
      ['crypto_generichash', 1],
      ['crypto_hash', 0],
      ['crypto_hash_sha256', 0],
    ] as const
  ).map(([fn, index]): PasswordHashSite => ({
    id: `libsodium.${fn}`,
    title: `sodium.${fn}`,
    modules: ['libsodium-wrappers', 'libsodium-wrappers-sumo'],
    callee: fn,
    receivers: ['sodium'],
    input: { index },
    samples: {
      positive: [`import sodium from 'libsodium-wrappers'; sodium.${fn}(${index ? '32, ' : ''}pw);`],
      negative: ["import sodium from 'libsodium-wrappers'; sodium.crypto_pwhash(32, pw, salt, 3, 268435456, 2);"],
    },
  })),
  // ---- digest packages real code hashes passwords with (session 29 breadth study, branch breadth13b) ----------
  // Packages of one digest, called by the package's own name or a method: the package names the digest.
  ...(
    [
      ['spark-md5', 'hash', 'md5', "import SparkMD5 from 'spark-md5'; SparkMD5.hash(pw);"],
      ['spark-md5', 'ArrayBuffer.hash', 'md5', "import SparkMD5 from 'spark-md5'; SparkMD5.ArrayBuffer.hash(buf);"],
      ['ts-md5', 'Md5.hash*', 'md5', "import { Md5 } from 'ts-md5'; Md5.hashStr(pw);"],
      ['ts-md5/dist/md5', 'Md5.hash*', 'md5', "import { Md5 } from 'ts-md5/dist/md5'; Md5.hashAsciiStr(pw);"],
      ['js-md5', 'default', 'md5', "import jsMd5 from 'js-md5'; jsMd5(pw);"],
      ['js-md5', 'md5', 'md5', "import { md5 } from 'js-md5'; md5(pw);"],
      ['js-md5', 'hex', 'md5', "import md5 from 'js-md5'; md5.hex(pw);"],
      ['sha1', 'default', 'sha1', "import sha1 from 'sha1'; sha1(pw);"],
    ] as const
  ).map(([module, callee, digest, positive]): PasswordHashSite => ({
    id: `${module}.${callee}`,
    title: callee === 'default' ? module : `${module} ${callee}`,
    modules: [module],
    callee,
    input: { index: 0 },
    digest,
    samples: { positive: [positive], negative: [`import h from '${module}-file'; h(path);`] },
  })),
  // Packages of several digests, each function named for its digest (`await md5(pw)` in hash-wasm).
  ...(['md5', 'sha1', 'sha*', 'ripemd160'] as const).map((fn): PasswordHashSite => ({
    id: `digest-packages.${fn.replace('*', '')}`,
    title: `${fn.replace('*', '256')} (hash-wasm, crypto-hash, @noble/hashes legacy)`,
    modules: ['hash-wasm', 'crypto-hash', ...nobleModules('legacy'), ...nobleModules('sha1')],
    callee: fn,
    input: { index: 0 },
    samples: {
      positive: [`import { ${fn.replace('*', '256')} } from 'hash-wasm'; await ${fn.replace('*', '256')}(pw);`],
      negative: ["import { argon2id } from 'hash-wasm'; await argon2id({ password: pw });"],
    },
  })),
  {
    id: 'noble.sha',
    title: '@noble/hashes sha2/sha3',
    modules: [...nobleModules('sha2'), ...nobleModules('sha256'), ...nobleModules('sha3'), ...nobleModules('sha512')],
    callee: 'sha*',
    input: { index: 0 },
    samples: {
      positive: ["import { sha256 } from '@noble/hashes/sha2.js'; sha256(pw);"],
      negative: ["import { scrypt } from '@noble/hashes/scrypt.js'; scrypt(pw, s, { N: 1 << 17 });"],
    },
  },
];

/**
 * Methods that cut a digest down to key size or read it out without changing what it is:
 * `.digest('hex').slice(0, 32)`, node-forge's `md.digest().getBytes()`.
 */
export const digestTrimMethods = ['slice', 'substring', 'substr', 'subarray', 'getBytes', 'toHex'] as const;

/**
 * Key sinks (src/catalogue/sinks.ts, roles `key`/`secret`) where a password is the *right* input:
 * `subtle.importKey('raw', pw, 'PBKDF2', …)` makes the base key for PBKDF2.
 */
export const passwordKeySinkExceptions: readonly {
  readonly sinkId: string;
  readonly index: number;
  readonly oneOf: readonly string[];
}[] = [{ sinkId: 'webcrypto.importKey', index: 2, oneOf: ['PBKDF2'] }];

/** Sinks that use an existing key (decrypt, verify): a suggestion there must not invent a fresh salt. */
export const readsExistingKey = (sinkId: string): boolean => /decipher|decrypt|verify|open/i.test(sinkId);

/** The deprecated password-based node:crypto ciphers (EVP_BytesToKey, MD5, no salt; removed in Node 22). */
export const deprecatedPasswordCiphers: readonly string[] = ['node-crypto.createCipher', 'node-crypto.createDecipher'];

/**
 * crypto-js cipher sinks: a string key is a passphrase there, and crypto-js turns it into key and IV
 * with OpenSSL's EVP_BytesToKey (one round of MD5, a random 8-byte salt). Its HMACs use a string key
 * as bytes, so they are not listed.
 */
export const isPassphraseKeySink = (sinkId: string): boolean =>
  /^crypto-js\.(?:AES|TripleDES|DES|Rabbit|RC4|Blowfish)\./.test(sinkId);

/**
 * String methods that fit a password to a key's size without deriving anything from it:
 * `password.padEnd(32, '0')`, `pw.slice(0, 32)`, `pw.trim()`. The result is still the password.
 */
export const passwordFitMethods = [
  'padEnd',
  'padStart',
  'slice',
  'substring',
  'substr',
  'repeat',
  'trim',
  'normalize',
  'toString',
  'concat',
] as const;

/**
 * Functions that turn text into bytes (or back) and nothing else: the password is still the password.
 * `decodeUTF8` (tweetnacl-util), `from_string` (libsodium), `utf8ToBytes` (noble), `toUtf8Bytes` (ethers),
 * node-forge's `util.createBuffer(text)` (a byte buffer over the text) and `util.encodeUtf8`.
 */
export const textEncodingCalls = [
  'decodeUTF8',
  'from_string',
  'utf8ToBytes',
  'toUtf8Bytes',
  'stringToBytes',
  'createBuffer',
  'encodeUtf8',
] as const;

/** crypto-js text encoders (`CryptoJS.enc.Utf8.parse(pin)`): the text's bytes as a WordArray, still the text. */
export const wordArrayTextEncoders = ['Utf8', 'Latin1'] as const;

/**
 * OS credential stores whose API names its only secret slot `password` (react-native-keychain's `{ username,
 * password }`): apps keep generated keys and tokens there, so the slot's name says
 * nothing about where the value came from. A value the app itself names a password (`const password = await
 * keytar.getPassword(…)`) is still one.
 */
export const credentialSlotReads: readonly CallPattern[] = [
  {
    id: 'react-native-keychain.read',
    title: 'a react-native-keychain credential read',
    modules: ['react-native-keychain'],
    callees: ['getGenericPassword', 'getInternetCredentials', 'default.getGenericPassword'],
    receivers: ['Keychain'],
    samples: {
      positive: ["import * as Keychain from 'react-native-keychain'; Keychain.getGenericPassword({ service: s });"],
      negative: ["import * as Keychain from 'react-native-keychain'; Keychain.setGenericPassword('u', k);"],
    },
  },
];

/**
 * A call that reads a setting or a secret by the name it is given (`requireEnv('DB_PASSWORD')`,
 * `getSecret('smtp-pass')`, `config.get('vault.passphrase')`, `readParameter('/app/admin_pw')`): the name passed
 * says what comes back. Matched against the callee's normalised name (its first word, or all of it).
 */
export const settingAccessorName: NameLexicon = {
  id: 'setting-accessor-name',
  title: 'A call that reads a setting or a secret by its name',
  pattern: new RegExp(
    String.raw`^(?:get|read|require|required|load|fetch|resolve|access|retrieve|lookup|must|need|env|secret|secrets|` +
      String.raw`config|setting|settings|param|parameter|option|opt|value|from)(?:_|$)`,
  ),
  samples: {
    positive: ['get', 'require_env', 'get_secret', 'access_secret', 'env', 'must_get_env', 'read_secret_value'],
    negative: ['t', 'translate', 'hash', 'set', 'query_selector', 'label', 'prompt'],
  },
};

/**
 * The first word of a function named for a password that MAKES something from a password or about it, not one that
 * hands a password over: `hashPassword()`, `generatePassword()`, `verifyPassword()`, `isPassword()`. A call of
 * `masterPassword()`, `getAdminPassword()` or `passphrase()` returns the password itself.
 */
export const passwordMakerVerb: NameLexicon = {
  id: 'password-maker-verb',
  title: 'A verb that makes something from a password, or a new password, not the password a getter returns',
  pattern: new RegExp(
    String.raw`^(?:hash|hashed|generate|gen|random|new|create|make|verify|check|validate|compare|match|encrypt|` +
      String.raw`decrypt|encode|derive|reset|change|update|set|save|store|send|is|has|mask|masked|redact|redacted|` +
      String.raw`strength|format|suggest)$`,
  ),
  samples: {
    positive: ['hash', 'generate', 'random', 'verify', 'is', 'set', 'encrypt', 'derive'],
    negative: ['get', 'read', 'master', 'admin', 'vault', 'load', 'user'],
  },
};

/** A call whose result is a derived key or a hash, not a password, even when stored under a password name. */
export const derivedValueCall = /(?:derive|kdf|pbkdf2|scrypt|argon2|hkdf|hash|digest|bcrypt)/i;

/**
 * PBKDF2 by any library: a function named `pbkdf2` (`Aes.pbkdf2` in react-native-aes-crypto,
 * `QuickCrypto.pbkdf2Sync`, sjcl `misc.pbkdf2`, the `pbkdf2` package, ethers) takes RFC 8018's arguments in
 * RFC 8018's order, `PBKDF2(P, S, c, dkLen)`, and node's digest after them. Used only for a call that no site of
 * `kdfSites` describes (noble's `pbkdf2(hash, P, S, opts)` has its own). The count is judged only when it is a
 * number the file can read.
 */
export const anyPbkdf2Site: KdfSite = {
  id: 'any.pbkdf2',
  title: 'PBKDF2',
  modules: [],
  callee: 'pbkdf2',
  kdf: 'pbkdf2',
  salt: { index: 1 },
  iterations: { index: 2 },
  digest: { index: 4 },
  samples: {
    positive: [
      "import Aes from 'react-native-aes-crypto'; Aes.pbkdf2(pin, salt, 5000, 256, 'sha256');",
      "import QuickCrypto from 'react-native-quick-crypto'; QuickCrypto.pbkdf2Sync(pw, salt, 10000, 32, 'sha512');",
      "import sjcl from 'sjcl'; sjcl.misc.pbkdf2(pw, salt, 1000, 256);",
    ],
    negative: [
      "import Aes from 'react-native-aes-crypto'; Aes.pbkdf2(pin, salt, 600000, 256, 'sha256');",
      'bench.pbkdf2Benchmark(1000);',
    ],
  },
};

/** The callee names `anyPbkdf2Site` stands for (any receiver, any module). */
export const anyPbkdf2Callee = /^pbkdf2(?:Sync|Async)?$/i;

/**
 * `openssl enc` (or `openssl <cipher>`) run from code with a password (`-pass`, `-k`, `-kfile`): without `-pbkdf2` or
 * `-iter` its key and IV are OpenSSL's EVP_BytesToKey of the password (one round of `-md`, SHA-256 since OpenSSL
 * 1.1.0, MD5 before); with them, PBKDF2 at `-iter` rounds (10,000 when only `-pbkdf2` is given). OpenSSL's own
 * manual calls the first form insecure.
 */
export const opensslPasswordEnc = {
  subcommand: 'enc',
  passwordOptions: ['-pass', '-k', '-kfile'],
  pbkdf2Options: ['-pbkdf2', '-iter'],
  iterationsOption: '-iter',
  digestOption: '-md',
  pbkdf2DefaultIterations: 10_000,
  defaultDigest: 'sha256',
  samples: {
    positive: ['openssl enc -aes-256-cbc -salt -in f -out f.enc -pass env:PW', 'openssl enc -pbkdf2 -iter 1000 -k pw'],
    negative: ['openssl enc -aes-256-cbc -pbkdf2 -iter 600000 -pass env:PW', 'openssl enc -aes-256-cbc -K hex -iv hex'],
  } satisfies Samples,
} as const;

/**
 * A KDF's work factor written as an option named for that KDF, in a call no site of `kdfSites` describes (a
 * keystore or vault library's own `encrypt(password, options)`): under a key that names the KDF (ethers
 * `{ scrypt: { N: 1 << 10 } }`, `{ pbkdf2: { iterations } }`, `{ argon2: { memoryCost } }`) or beside a selector
 * that names it (`{ kdf: 'scrypt', n: 1024 }`, `{ algorithm: 'pbkdf2', c: 1000 }`). Judged only where a password
 * reaches the same call. `log_n` is scrypt's cost as a power of two.
 */
export const kdfWorkOptions = {
  kdfOf: [
    { kdf: 'scrypt', pattern: /^scrypt$/ },
    { kdf: 'pbkdf2', pattern: /^pbkdf2(?:_sha(?:1|256|512))?$/ },
    { kdf: 'argon2', pattern: /^argon2(?:id|i|d)?$/ },
  ] as const,
  selector: /^(?:kdf|algorithm|alg|type|name|kdf_type|kdf_name|kdf_algorithm)$/,
  params: {
    scrypt: [
      { param: 'cost', pattern: /^(?:n|cost|cpu_cost|work_factor)$/ },
      { param: 'logCost', pattern: /^log_?n$/ },
    ],
    pbkdf2: [{ param: 'iterations', pattern: /^(?:c|iterations|iteration_count|iter|iters|rounds|count)$/ }],
    argon2: [
      { param: 'memoryKiB', pattern: /^(?:m|memory|memory_cost|memory_size|mem_cost)$/ },
      { param: 'passes', pattern: /^(?:t|time_cost|passes|iterations|ops)$/ },
    ],
  } as const,
  samples: {
    // Calls a password reaches: positives set a work factor under the floor, negatives do not.
    positive: [
      'export const f = (password: string) => w.encrypt(password, { scrypt: { N: 1024 } });',
      "export const f = (pin: string) => seal(pin, { kdf: 'pbkdf2', c: 1000 });",
      "export const f = (passphrase: string) => seal({ passphrase, kdf: 'scrypt', log_n: 10 });",
      'export const f = (password: string) => vault.lock(password, { argon2: { memoryCost: 4096 } });',
    ],
    negative: [
      'export const f = (password: string) => w.encrypt(password, { scrypt: { N: 131072 } });',
      "export const f = (password: string) => retry(password, { strategy: 'backoff', iterations: 3 });",
      "export const f = (password: string) => seal(password, { kdf: 'hkdf', iterations: 1 });",
      'export const f = (apiKey: Buffer) => seal(apiKey, { scrypt: { N: 1024 } });',
    ],
  } satisfies Samples,
} as const;

/**
 * SQLCipher's key-derivation count set by a pragma (`PRAGMA kdf_iter = 4000`, better-sqlite3 `db.pragma('kdf_iter =
 * 4000')`): PBKDF2-HMAC-SHA512 since SQLCipher 4 (its default 256,000), SHA-1 in the legacy modes. Judged against
 * the SHA-512 floor: a `legacy` database is weaker still.
 */
export const sqlcipherKdfIter = {
  pattern: /^\s*(?:PRAGMA\s+)?(?:\w+\.)?(?:cipher_default_)?kdf_iter\s*=\s*['"]?(\d{1,9})['"]?\s*;?\s*$/i,
  digest: 'sha512',
  samples: {
    positive: ['kdf_iter=4000', "PRAGMA kdf_iter = '64000';", 'PRAGMA cipher_default_kdf_iter = 1000'],
    negative: ['kdf_iter=256000', 'cipher_page_size = 4096', "key='x'"],
  } satisfies Samples,
} as const;

/**
 * libsodium's named work limits (`crypto_pwhash_OPSLIMIT_MIN`, `…_MEMLIMIT_MIN`, also for
 * `crypto_pwhash_scryptsalsa208sha256`): the smallest values the library accepts (argon2id: 1 pass, 8 KiB),
 * far below every floor for a key and for a stored password (RFC 9106 §4, OWASP). The library's profiles
 * (`INTERACTIVE`, `MODERATE`, `SENSITIVE`) are its guidance and are not judged here.
 */
export const sodiumMinimumLimit = {
  pattern: /^crypto_pwhash(?:_scryptsalsa208sha256)?_(OPSLIMIT|MEMLIMIT)_MIN$/,
  /** The parameter each name sets, and the floor a key needs (argon2id, RFC 9106 §4), for the message. */
  params: { OPSLIMIT: 'opslimit', MEMLIMIT: 'memlimit' },
  floors: { OPSLIMIT: '3 passes (argon2id)', MEMLIMIT: '64 MiB (argon2id)' },
  samples: {
    positive: [
      'crypto_pwhash_OPSLIMIT_MIN',
      'crypto_pwhash_MEMLIMIT_MIN',
      'crypto_pwhash_scryptsalsa208sha256_OPSLIMIT_MIN',
    ],
    negative: ['crypto_pwhash_OPSLIMIT_SENSITIVE', 'crypto_pwhash_MEMLIMIT_INTERACTIVE', 'crypto_pwhash_SALTBYTES'],
  } satisfies Samples,
} as const;
