/**
 * Algorithm-bearing APIs of the libraries beyond node:crypto, WebCrypto, node-forge and crypto-js's main entry
 * (those are in `algorithms.ts`): crypto-js submodules and its progressive `algo` API, aes-js and @noble/ciphers
 * ECB, node-rsa instances, jsrsasign, sjcl, the JWT libraries' `none` algorithm, and node:crypto's API as
 * React Native and browser ports re-export it. Each entry was read from the library's own README or typings
 * and carries samples that test/catalogue proves (a positive calls the site, a negative does not).
 */
import type { AlgorithmSite } from './algorithms.js';

/** Packages that re-export node:crypto's API under their own name (React Native, browserify). */
const nodeCryptoPorts = ['react-native-quick-crypto', 'crypto-browserify', 'react-native-crypto'];
const cryptoJs = ['crypto-js'];

/** crypto-js ciphers published as their own submodule (`import TripleDES from 'crypto-js/tripledes'`). */
const cryptoJsSubmodules = [
  ['aes', 'AES'],
  ['tripledes', 'TripleDES'],
  ['rc4', 'RC4'],
] as const;

export const moreAlgorithmSites: readonly AlgorithmSite[] = [
  // ---- node:crypto's API under another package's name ----
  ...(['createCipheriv', 'createDecipheriv'] as const).map((fn): AlgorithmSite => ({
    id: `node-crypto-port.${fn}`,
    title: `${fn} (node:crypto port)`,
    modules: nodeCryptoPorts,
    callee: fn,
    reads: [
      { index: 0, read: 'cipher-name' },
      { index: 3, read: 'cipher-options' },
    ],
    samples: {
      positive: [`import QuickCrypto from 'react-native-quick-crypto'; QuickCrypto.${fn}('des-ede3-cbc', k, iv);`],
      negative: [`import { ${fn} } from './crypto'; ${fn}('des-ede3-cbc', k, iv);`],
    },
  })),
  ...(['generateKeyPair', 'generateKeyPairSync'] as const).map((fn): AlgorithmSite => ({
    id: `node-crypto-port.${fn}`,
    title: `${fn} (node:crypto port)`,
    modules: nodeCryptoPorts,
    callee: fn,
    reads: [
      { index: 0, read: 'key-pair-type' },
      { index: 1, read: 'key-pair-options' },
    ],
    samples: {
      positive: [`import { ${fn} } from 'react-native-quick-crypto'; ${fn}('rsa', { modulusLength: 1024 });`],
      negative: [`import { ${fn} } from 'node-forge'; ${fn}('rsa', { modulusLength: 1024 });`],
    },
  })),
  // ---- crypto-js: submodules, the progressive API, HMAC-MD5 ----
  ...cryptoJsSubmodules.flatMap(([sub, alg]) =>
    (['encrypt', 'decrypt'] as const).map((op): AlgorithmSite => ({
      id: `crypto-js/${sub}.${op}`,
      title: `CryptoJS.${alg}.${op} (crypto-js/${sub})`,
      modules: [`crypto-js/${sub}`],
      callee: op,
      reads: [{ index: 2, read: 'crypto-js-options' }],
      ...(alg === 'AES' ? {} : { cipher: alg }),
      samples: {
        positive: [`import ${alg} from 'crypto-js/${sub}'; ${alg}.${op}(m, k, { mode: ECB });`],
        negative: [`import ${alg} from 'crypto-js/${sub}'; ${alg}.toString();`],
      },
    })),
  ),
  ...(['AES', 'DES', 'TripleDES', 'RC4', 'RC4Drop', 'Blowfish'] as const).flatMap((alg) =>
    (['createEncryptor', 'createDecryptor'] as const).map((fn): AlgorithmSite => ({
      id: `crypto-js.algo.${alg}.${fn}`,
      title: `CryptoJS.algo.${alg}.${fn}`,
      modules: cryptoJs,
      callee: `algo.${alg}.${fn}`,
      receivers: ['CryptoJS', 'cryptoJs', 'CryptoJs'],
      reads: [{ index: 1, read: 'crypto-js-options' }],
      ...(alg === 'AES' ? {} : { cipher: alg }),
      samples: {
        positive: [`import CryptoJS from 'crypto-js'; CryptoJS.algo.${alg}.${fn}(k, { mode: CryptoJS.mode.ECB });`],
        negative: [`import CryptoJS from 'crypto-js'; CryptoJS.algo.SHA256.create();`],
      },
    })),
  ),
  {
    id: 'crypto-js.HmacMD5',
    title: 'CryptoJS.HmacMD5',
    modules: cryptoJs,
    callee: 'HmacMD5',
    receivers: ['CryptoJS', 'cryptoJs', 'CryptoJs'],
    reads: [],
    macDigest: 'MD5',
    samples: {
      positive: ["import CryptoJS from 'crypto-js'; CryptoJS.HmacMD5(m, k);"],
      negative: ["import CryptoJS from 'crypto-js'; CryptoJS.HmacSHA256(m, k);"],
    },
  },
  {
    id: 'crypto-js/hmac-md5',
    title: 'CryptoJS.HmacMD5 (crypto-js/hmac-md5)',
    modules: ['crypto-js/hmac-md5'],
    callee: 'default',
    reads: [],
    macDigest: 'MD5',
    samples: {
      positive: ["import hmacMD5 from 'crypto-js/hmac-md5'; hmacMD5(m, k);"],
      negative: ["import hmacSHA256 from 'crypto-js/hmac-sha256'; hmacSHA256(m, k);"],
    },
  },
  // ---- ECB by the API's own name ----
  {
    id: 'aes-js.ModeOfOperation.ecb',
    title: 'aes-js ModeOfOperation.ecb',
    modules: ['aes-js'],
    callee: 'new ModeOfOperation.ecb',
    reads: [],
    ecb: true,
    samples: {
      positive: [
        "import aesjs from 'aes-js'; new aesjs.ModeOfOperation.ecb(key);",
        "const { ModeOfOperation } = require('aes-js'); new ModeOfOperation.ecb(key);",
      ],
      negative: ["import aesjs from 'aes-js'; new aesjs.ModeOfOperation.ctr(key, new aesjs.Counter(5));"],
    },
  },
  {
    id: 'noble-ciphers.ecb',
    title: '@noble/ciphers ecb',
    modules: ['@noble/ciphers/aes', '@noble/ciphers/aes.js'],
    callee: 'ecb',
    reads: [],
    ecb: true,
    samples: {
      positive: ["import { ecb } from '@noble/ciphers/aes.js'; ecb(key).encrypt(data);"],
      negative: ["import { gcm } from '@noble/ciphers/aes.js'; gcm(key, nonce).encrypt(data);"],
    },
  },
  // ---- node-rsa instances: `key.setOptions({ encryptionScheme: 'pkcs1' })`, `key.generateKeyPair(1024)` ----
  {
    id: 'node-rsa.setOptions',
    title: 'NodeRSA.setOptions',
    modules: ['node-rsa'],
    callee: 'new default().setOptions',
    reads: [{ index: 0, read: 'node-rsa-options' }],
    samples: {
      positive: [
        "import NodeRSA from 'node-rsa'; const k = new NodeRSA(pem); k.setOptions({ encryptionScheme: 'pkcs1' });",
      ],
      negative: ["import NodeRSA from 'node-rsa'; const k = new NodeRSA(pem); k.exportKey('public');"],
    },
  },
  {
    id: 'node-rsa.generateKeyPair',
    title: 'NodeRSA.generateKeyPair',
    modules: ['node-rsa'],
    callee: 'new default().generateKeyPair',
    reads: [{ index: 0, read: 'modulus-bits' }],
    samples: {
      positive: ["import NodeRSA from 'node-rsa'; const k = new NodeRSA(); k.generateKeyPair(1024);"],
      negative: ["import NodeRSA from 'node-rsa'; const k = new NodeRSA(); k.isPrivate();"],
    },
  },
  // ---- jsrsasign ----
  {
    id: 'jsrsasign.KEYUTIL.generateKeypair',
    title: 'KEYUTIL.generateKeypair (jsrsasign)',
    modules: ['jsrsasign'],
    callee: 'KEYUTIL.generateKeypair',
    receivers: ['KEYUTIL'],
    reads: [
      { index: 0, read: 'key-pair-type' },
      { index: 1, read: 'key-pair-param' },
    ],
    samples: {
      positive: ["import { KEYUTIL } from 'jsrsasign'; KEYUTIL.generateKeypair('RSA', 1024);"],
      negative: ["import { KEYUTIL } from 'jsrsasign'; KEYUTIL.getKey(pem);"],
    },
  },
  {
    id: 'jsrsasign.KJUR.crypto.Signature',
    title: 'KJUR.crypto.Signature (jsrsasign)',
    modules: ['jsrsasign'],
    callee: 'new KJUR.crypto.Signature',
    receivers: ['KJUR'],
    reads: [{ index: 0, property: 'alg', read: 'signature-digest' }],
    samples: {
      positive: ["import { KJUR } from 'jsrsasign'; new KJUR.crypto.Signature({ alg: 'SHA1withRSA' });"],
      negative: ["import { KJUR } from 'jsrsasign'; new KJUR.crypto.MessageDigest({ alg: 'sha1' });"],
    },
  },
  // ---- sjcl: `sjcl.encrypt(key, pt, { ts: 64 })` (tag bits), `sjcl.ecc.ecdsa.generateKeys(curves.c192)` ----
  {
    id: 'sjcl.encrypt',
    title: 'sjcl.encrypt',
    modules: ['sjcl'],
    callee: 'encrypt',
    receivers: ['sjcl'],
    reads: [{ index: 2, property: 'ts', read: 'tag-bits' }],
    samples: {
      positive: ["import sjcl from 'sjcl'; sjcl.encrypt(k, pt, { mode: 'gcm', ts: 32 });"],
      negative: ["import sjcl from 'sjcl'; sjcl.decrypt(k, ct);"],
    },
  },
  ...(['ecdsa', 'elGamal'] as const).map((scheme): AlgorithmSite => ({
    id: `sjcl.ecc.${scheme}.generateKeys`,
    title: `sjcl.ecc.${scheme}.generateKeys`,
    modules: ['sjcl'],
    callee: `ecc.${scheme}.generateKeys`,
    receivers: ['sjcl'],
    reads: [{ index: 0, read: 'sjcl-curve' }],
    samples: {
      positive: [`import sjcl from 'sjcl'; sjcl.ecc.${scheme}.generateKeys(sjcl.ecc.curves.c192);`],
      negative: ["import sjcl from 'sjcl'; sjcl.hash.sha256.hash(m);"],
    },
  })),
  // ---- JWT `none`: tokens nobody signed (RFC 8725 §3.1, §3.2) ----
  {
    id: 'jsonwebtoken.sign.algorithm',
    title: 'jwt.sign (jsonwebtoken)',
    modules: ['jsonwebtoken'],
    callee: 'sign',
    reads: [{ index: 2, property: 'algorithm', read: 'jwt-algorithm' }],
    samples: {
      positive: ["import jwt from 'jsonwebtoken'; jwt.sign(p, '', { algorithm: 'none' });"],
      negative: ["import jwt from 'jsonwebtoken'; jwt.decode(t, { complete: true });"],
    },
  },
  {
    id: 'jsonwebtoken.verify.algorithms',
    title: 'jwt.verify (jsonwebtoken)',
    modules: ['jsonwebtoken'],
    callee: 'verify',
    reads: [{ index: 2, property: 'algorithms', read: 'jwt-algorithm-list' }],
    samples: {
      positive: ["import jwt from 'jsonwebtoken'; jwt.verify(t, k, { algorithms: ['none'] });"],
      negative: ["import jwt from 'jsonwebtoken'; jwt.decode(t);"],
    },
  },
  {
    id: 'fast-jwt.createSigner.algorithm',
    title: 'createSigner (fast-jwt)',
    modules: ['fast-jwt'],
    callee: 'createSigner',
    reads: [{ index: 0, property: 'algorithm', read: 'jwt-algorithm' }],
    samples: {
      positive: ["import { createSigner } from 'fast-jwt'; createSigner({ algorithm: 'none' });"],
      negative: ["import { createDecoder } from 'fast-jwt'; createDecoder();"],
    },
  },
  {
    id: 'fast-jwt.createVerifier.algorithms',
    title: 'createVerifier (fast-jwt)',
    modules: ['fast-jwt'],
    callee: 'createVerifier',
    reads: [{ index: 0, property: 'algorithms', read: 'jwt-algorithm-list' }],
    samples: {
      positive: ["import { createVerifier } from 'fast-jwt'; createVerifier({ algorithms: ['none'] });"],
      negative: ["import { createDecoder } from 'fast-jwt'; createDecoder();"],
    },
  },
];

/**
 * PKCS#11 mechanism and key-type names (graphene-pk11 enums and strings, pkcs11js `CKM_`/`CKK_` constants), read
 * without their `CKM_`/`CKK_` prefix (PKCS#11 v3.0 §6): a weak cipher's key type or mechanism, an ECB mechanism, or
 * a signature mechanism whose digest is MD5 or SHA-1. `modulusBits` names an RSA template's size attribute.
 */
export const pkcs11Names = {
  modules: ['graphene-pk11', 'pkcs11js', 'node-webcrypto-p11'],
  /** The weak cipher a key type or mechanism names, as an OpenSSL-style name `weakCipherOf` reads. */
  cipher: /^(DES|DES2|DES3|RC2|RC4|CAST5|CAST128|IDEA|BLOWFISH)(?:_|$)/,
  // eslint-disable-next-line keyhygiene/no-weak-key-size -- catalogue data: the names the rules recognise
  cipherName: { DES: 'des', DES2: 'des3', DES3: 'des3', RC2: 'rc2', RC4: 'rc4', IDEA: 'idea' } as Readonly<
    Record<string, string>
  >,
  ecb: /^(?:AES|CAMELLIA|ARIA|SEED)_ECB$/,
  digest: /^(?:(MD2|MD5|SHA1)_RSA_(?:PKCS|PKCS_PSS|X9_31)|(?:DSA|ECDSA)_(SHA1))$/,
  modulusAttribute: /^(?:CKA_)?MODULUS_BITS$/,
  modulusProperty: 'modulusBits',
  samples: {
    positive: ['CKM_DES3_ECB', 'DES3', 'CKK_DES', 'SHA1_RSA_PKCS', 'CKM_ECDSA_SHA1', 'AES_ECB', 'CKM_RC4'],
    negative: ['CKM_AES_GCM', 'SHA256_RSA_PKCS', 'CKK_AES', 'RSA_PKCS_OAEP', 'ECDSA_SHA256', 'DESCRIPTION'],
  },
} as const;

/**
 * Key-making command lines run from code (`child_process`, execa): `ssh-keygen -t dsa`, `ssh-keygen -b 1024`,
 * `openssl genrsa 1024`, `openssl req -newkey rsa:1024`, `-pkeyopt rsa_keygen_bits:1024`, `openssl dhparam 1024`,
 * and OpenSSL's cipher flags for key files (`genrsa -des3`). OpenSSH's DSA keys are 1024 bits by definition
 * (FIPS 186-2 as OpenSSH implements it), so `-t dsa` is a small modulus whatever `-b` says.
 */
export const keyCommands = {
  runners: [
    { modules: ['child_process', 'node:child_process'], callees: ['exec', 'execSync', 'execFile', 'execFileSync'] },
    { modules: ['child_process', 'node:child_process'], callees: ['spawn', 'spawnSync'] },
    { modules: ['execa'], callees: ['execa', 'execaSync', 'execaCommand', 'execaCommandSync', '$'] },
  ],
  programs: ['ssh-keygen', 'openssl', '7z', '7za', '7zz', 'zip'],
  /**
   * Archivers that encrypt a ZIP with the legacy ZipCrypto scheme: Info-ZIP `zip -e`/`-P` (its only scheme), 7-Zip
   * given a password for a ZIP with no AES method (`-mem=ZipCrypto`, or nothing: ZipCrypto is 7-Zip's ZIP default).
   */
  zipCrypto: {
    sevenZip: ['7z', '7za', '7zz'],
    sevenZipPassword: /^-p./,
    sevenZipMethod: /^-mem=(\w+)$/i,
    zipPassword: ['-e', '--encrypt', '-P', '--password'],
  },
  /** `openssl <sub>` subcommands whose bare number argument is a modulus size. */
  sizedSubcommands: ['genrsa', 'gendsa', 'dhparam', 'dsaparam'],
  /** `-newkey rsa:1024`, `-pkeyopt rsa_keygen_bits:1024`, `dh_paramgen_prime_len:1024`. */
  sizedOption: /^(?:rsa|dsa):(\d{3,5})$|^(?:rsa_keygen_bits|dsa_paramgen_bits|dh_paramgen_prime_len):(\d{3,5})$/,
  samples: {
    positive: ['ssh-keygen -t dsa -f k', 'ssh-keygen -t rsa -b 1024', 'openssl genrsa -out k.pem 1024'],
    negative: ['ssh-keygen -t ed25519', 'ssh-keygen -t rsa -b 4096', 'openssl genrsa -out k.pem 3072'],
  },
} as const;

/**
 * Choices written as a library's named constants inside options: openpgp's preferences
 * (`config: { preferredSymmetricAlgorithm: openpgp.enums.symmetric.tripledes }`, RFC 9580 §9.3 and §9.5 deprecate
 * 3DES, CAST5, IDEA, MD5, SHA-1 and RIPEMD-160 for new messages and signatures), SSH algorithm lists (ssh2
 * `algorithms: { hmac: ['hmac-md5'], kex: ['diffie-hellman-group1-sha1'], serverHostKey: ['ssh-dss'] }`, RFC 9142
 * §3 and RFC 8332), and the XML-Enc identifier of RSA PKCS#1 v1.5 key transport (W3C XML Encryption 1.1 §5.5.1).
 */
export const namedChoices = {
  openpgpPreference: /^preferred(?:Symmetric|Hash|Cipher)Algorithm$/,
  openpgpWeak: {
    symmetric: { tripledes: '3des', cast5: 'cast5', idea: 'idea', blowfish: 'bf' },
    hash: { md5: 'MD5', sha1: 'SHA-1', ripemd: 'RIPEMD-160' },
  } as Readonly<Record<string, Readonly<Record<string, string>>>>,
  sshLists: ['hmac', 'kex', 'serverHostKey', 'server_host_key'],
  // `signature`: SHA-1 signs the exchange or the host key: `ssh-rsa` (RFC 8332 §3; OpenSSH 8.8 turned it off by
  // default) and SHA-1 group exchange (RFC 9142 §4: SHOULD NOT). `diffie-hellman-group14-sha1` stays (RFC 9142: MAY).
  sshWeak: {
    'hmac-md5': { kind: 'digest', digest: 'MD5' },
    'hmac-md5-96': { kind: 'digest', digest: 'MD5' },
    'hmac-md5-etm@openssh.com': { kind: 'digest', digest: 'MD5' },
    'hmac-md5-96-etm@openssh.com': { kind: 'digest', digest: 'MD5' },
    'diffie-hellman-group1-sha1': { kind: 'modulus', what: 'DH group 1 (Oakley group 2)', bits: 1024 },
    'ssh-dss': { kind: 'modulus', what: 'DSA host key (ssh-dss)', bits: 1024 },
    'ssh-rsa': { kind: 'signature', digest: 'SHA-1' },
    'ssh-rsa-cert-v01@openssh.com': { kind: 'signature', digest: 'SHA-1' },
    'diffie-hellman-group-exchange-sha1': { kind: 'signature', digest: 'SHA-1' },
  } as Readonly<
    Record<
      string,
      | { kind: 'digest'; digest: string }
      | { kind: 'signature'; digest: string }
      | { kind: 'modulus'; what: string; bits: number }
    >
  >,
  xmlEncRsa15: 'http://www.w3.org/2001/04/xmlenc#rsa-1_5',
  samples: {
    positive: ['preferredSymmetricAlgorithm', 'preferredHashAlgorithm'],
    negative: ['preferredAEADAlgorithm', 'preferredCompressionAlgorithm'],
  },
} as const;

/**
 * Packages that publish another package's API under their own name, so every entry written for the original
 * describes them too: crypto-es is crypto-js as ES modules (`CryptoES.AES.encrypt`, `import { MD5 } from
 * 'crypto-es'`, `import { AES } from 'crypto-es/lib/aes.js'`). The module matcher reads an import of a port as an
 * import of the original.
 */
export const libraryPorts = {
  id: 'library-ports',
  title: "Packages that publish another package's API under their own name",
  ports: [{ module: /^crypto-es(?:\/lib\/[a-z0-9-]+(?:\.[cm]?js)?)?$/, as: 'crypto-js' }],
  samples: {
    positive: ['crypto-es', 'crypto-es/lib/aes', 'crypto-es/lib/md5.js'],
    negative: ['crypto-js', 'crypto-es-utils', 'crypto-es/package.json'],
  },
} as const;
