/**
 * no-weak-key-size: rows of the API coverage table (docs/benchmarks.md, branch ralg6, session 23) that were not
 * covered, each written from the library's README or typings: parameter defaults and ternaries, options spread from a
 * const, HMAC-MD5, node:crypto ports, WebCrypto signing keys' hash, crypto-js submodules and its algo API, aes-js and
 * @noble/ciphers ECB, node-rsa instances, jsrsasign, sjcl, openpgp preferences, JWT none, SSH lists, key-making
 * command lines, XML-Enc RSA 1.5, PKCS#11 mechanisms and templates, size-carrying enum members. The valid cases are
 * the safe form of the same APIs.
 */
import rule from '../../rules/no-weak-key-size.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run("no-weak-key-size (the libraries' own APIs)", rule, {
  valid: [
    // createHmac sha1/sha256, CryptoJS.HmacSHA256
    {
      code: "import { createHmac } from 'crypto';\nimport CryptoJS from 'crypto-js';\nexport const github = (secret: string, body: string) => 'sha1=' + createHmac('sha1', secret).update(body).digest('hex');\nexport const sig = (body: string, secret: string) => CryptoJS.HmacSHA256(body, secret).toString();\n",
      filename: 'src/webhooks/ok.ts',
    },
    // aes-js ctr, noble gcm, CryptoJS.algo.AES CBC
    {
      code: "import aesjs from 'aes-js';\nimport { gcm } from '@noble/ciphers/aes.js';\nimport CryptoJS from 'crypto-js';\nexport const a = (key: Uint8Array) => new aesjs.ModeOfOperation.ctr(key, new aesjs.Counter(1));\nexport const b = (key: Uint8Array, nonce: Uint8Array) => gcm(key, nonce);\nexport const c = (key: CryptoJS.lib.WordArray, iv: CryptoJS.lib.WordArray) => CryptoJS.algo.AES.createEncryptor(key, { iv, mode: CryptoJS.mode.CBC });\n",
      filename: 'src/web/modes-ok.ts',
    },
    // node-rsa OAEP and 2048 bits
    {
      code: "import NodeRSA from 'node-rsa';\nconst key = new NodeRSA({ b: 2048 });\nkey.setOptions({ encryptionScheme: 'pkcs1_oaep' });\nkey.generateKeyPair(3072);\nexport default key;\n",
      filename: 'src/rsa/ok.ts',
    },
    // jsrsasign 2048 / P-256 / SHA256withRSA
    {
      code: "import { KEYUTIL, KJUR } from 'jsrsasign';\nexport const rsa = KEYUTIL.generateKeypair('RSA', 2048);\nexport const ec = KEYUTIL.generateKeypair('EC', 'secp256r1');\nexport const sig = new KJUR.crypto.Signature({ alg: 'SHA256withRSA' });\n",
      filename: 'src/jws/ok.ts',
    },
    // sjcl ts 128, openpgp aes256/sha256
    {
      code: "import sjcl from 'sjcl';\nimport * as openpgp from 'openpgp';\nexport const seal = (key: sjcl.BitArray, pt: string) => sjcl.encrypt(key, pt, { mode: 'gcm', ts: 128 });\nexport const pair = sjcl.ecc.ecdsa.generateKeys(sjcl.ecc.curves.c256);\nexport const enc = (message: openpgp.Message<string>, keys: openpgp.PublicKey[]) =>\n  openpgp.encrypt({ message, encryptionKeys: keys, config: { preferredSymmetricAlgorithm: openpgp.enums.symmetric.aes256, preferredHashAlgorithm: openpgp.enums.hash.sha256 } });\n",
      filename: 'src/web/ok.ts',
    },
    // jwt sign RS256, fast-jwt verifier ES256
    {
      code: "import jwt from 'jsonwebtoken';\nimport { createVerifier } from 'fast-jwt';\nexport const t = (sub: string, key: { id: string; pem: string }) => jwt.sign({ sub }, key.pem, { algorithm: 'RS256', keyid: key.id });\nexport const verify = createVerifier({ key: async () => process.env.PUB!, algorithms: ['ES256'] });\n",
      filename: 'src/auth/ok.ts',
    },
    // ssh2 sha2 MACs, ssh-keygen rsa 4096, openssl genrsa 3072 -aes256
    {
      code: "import { Client } from 'ssh2';\nimport { execFileSync, execSync } from 'child_process';\nexport const c = (host: string) => new Client().connect({ host, algorithms: { hmac: ['hmac-sha2-256', 'hmac-sha2-512'], kex: ['curve25519-sha256'] } });\nexport const k = (p: string) => execFileSync('ssh-keygen', ['-t', 'rsa', '-b', '4096', '-N', '', '-f', p]);\nexport const o = (p: string) => execSync(`openssl genrsa -aes256 -out ${p} 3072`);\n",
      filename: 'scripts/ok.ts',
    },
    // graphene AES-GCM, SHA256_RSA_PKCS, verify SHA-1, 3072-bit template
    {
      code: "import * as graphene from 'graphene-pk11';\nimport * as pkcs11js from 'pkcs11js';\nexport function work(session: graphene.Session, key: graphene.Key, pub: graphene.Key, data: Buffer, sig: Buffer, p: pkcs11js.PKCS11, s: Buffer) {\n  session.generateKey(graphene.KeyGenMechanism.AES, { keyType: graphene.KeyType.AES, valueLen: 32 });\n  session.createSign('SHA256_RSA_PKCS', key).once(data);\n  session.createVerify('SHA1_RSA_PKCS', pub).once(data, sig);\n  p.C_GenerateKeyPair(s, { mechanism: pkcs11js.CKM_RSA_PKCS_KEY_PAIR_GEN }, [{ type: pkcs11js.CKA_MODULUS_BITS, value: 3072 }], []);\n}\n",
      filename: 'src/hsm/ok.ts',
    },
    // parameter default and ternary with safe ciphers
    {
      code: "import { createCipheriv, randomBytes } from 'crypto';\nexport function enc(key: Buffer, d: Buffer, algorithm = 'aes-256-gcm', fast = false) {\n  const alg = fast ? 'chacha20-poly1305' : algorithm;\n  return createCipheriv(alg, key, randomBytes(12)).update(d);\n}\n",
      filename: 'src/crypto/ok.ts',
    },
    // jose UnsecuredJWT built to run jose's claim checks on an introspection result (it never leaves the process)
    {
      code: "import { UnsecuredJWT } from 'jose';\nexport function check(introspect: Record<string, unknown>, opts: { audience: string }) {\n  const unsecured = new UnsecuredJWT(introspect).encode();\n  return UnsecuredJWT.decode(unsecured, opts).payload;\n}\n",
      filename: 'src/auth/introspect.ts',
    },
  ],
  invalid: [
    // createCipheriv wrapper parameter default
    {
      code: "import { createCipheriv, randomBytes } from 'crypto';\nexport function encryptField(value: string, key: Buffer, algorithm = 'rc2-cbc') {\n  const iv = randomBytes(8);\n  const c = createCipheriv(algorithm, key, iv);\n  return iv.toString('hex') + c.update(value, 'utf8', 'hex') + c.final('hex');\n}\n",
      filename: 'src/crypto/fields.ts',
      errors: [
        {
          messageId: 'weakCipher',
          line: 2,
          column: 70,
          endLine: 2,
          endColumn: 79,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import { createCipheriv, randomBytes } from 'crypto';\nexport function encryptField(value: string, key: Buffer, algorithm = 'aes-256-gcm') {\n  const iv = randomBytes(8);\n  const c = createCipheriv(algorithm, key, iv);\n  return iv.toString('hex') + c.update(value, 'utf8', 'hex') + c.final('hex');\n}\n",
            },
          ],
        },
      ],
    },
    // createCipheriv constructor parameter default
    {
      code: "import { createCipheriv } from 'crypto';\nexport class Sealer {\n  constructor(private key: Buffer, private mode = 'aes-256-ecb') {}\n  seal(d: Buffer) {\n    const c = createCipheriv(this.mode, this.key, null);\n    return Buffer.concat([c.update(d), c.final()]);\n  }\n}\n",
      filename: 'src/crypto/sealer.ts',
      errors: [
        {
          messageId: 'ecbMode',
          line: 3,
          column: 51,
          endLine: 3,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import { createCipheriv } from 'crypto';\nexport class Sealer {\n  constructor(private key: Buffer, private mode = 'aes-256-gcm') {}\n  seal(d: Buffer) {\n    const c = createCipheriv(this.mode, this.key, null);\n    return Buffer.concat([c.update(d), c.final()]);\n  }\n}\n",
            },
          ],
        },
      ],
    },
    // createCipheriv ternary
    {
      code: "import { createCipheriv, randomBytes } from 'crypto';\nexport function enc(key: Buffer, d: Buffer, legacy: boolean) {\n  const alg = legacy ? 'des-ede3-cbc' : 'aes-256-gcm';\n  return createCipheriv(alg, key, randomBytes(legacy ? 8 : 12)).update(d);\n}\n",
      filename: 'src/crypto/legacy.ts',
      errors: [
        {
          messageId: 'weakCipher',
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import { createCipheriv, randomBytes } from 'crypto';\nexport function enc(key: Buffer, d: Buffer, legacy: boolean) {\n  const alg = legacy ? 'aes-256-gcm' : 'aes-256-gcm';\n  return createCipheriv(alg, key, randomBytes(legacy ? 8 : 12)).update(d);\n}\n",
            },
          ],
        },
      ],
    },
    // privateDecrypt padding options held
    {
      code: "import crypto from 'crypto';\nconst rsaOptions = { padding: crypto.constants.RSA_PKCS1_PADDING };\nexport const unwrap = (priv: string, ct: Buffer) => crypto.privateDecrypt({ key: priv, ...rsaOptions }, ct);\n",
      filename: 'src/crypto/unwrap.ts',
      errors: [
        {
          messageId: 'pkcs1Padding',
          line: 2,
          column: 31,
          endLine: 2,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import crypto from 'crypto';\nconst rsaOptions = { padding: crypto.constants.RSA_PKCS1_OAEP_PADDING };\nexport const unwrap = (priv: string, ct: Buffer) => crypto.privateDecrypt({ key: priv, ...rsaOptions }, ct);\n",
            },
          ],
        },
      ],
    },
    // subtle.encrypt params from a const
    {
      code: "const GCM_PARAMS = { name: 'AES-GCM', tagLength: 64 };\nexport async function seal(key: CryptoKey, data: Uint8Array) {\n  const iv = crypto.getRandomValues(new Uint8Array(12));\n  return crypto.subtle.encrypt({ ...GCM_PARAMS, iv }, key, data);\n}\n",
      filename: 'src/web/seal.ts',
      errors: [
        {
          messageId: 'shortTag',
          line: 1,
          column: 50,
          endLine: 1,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "const GCM_PARAMS = { name: 'AES-GCM', tagLength: 128 };\nexport async function seal(key: CryptoKey, data: Uint8Array) {\n  const iv = crypto.getRandomValues(new Uint8Array(12));\n  return crypto.subtle.encrypt({ ...GCM_PARAMS, iv }, key, data);\n}\n",
            },
          ],
        },
      ],
    },
    // createHmac md5
    {
      code: "import { createHmac } from 'crypto';\nexport const signRequest = (secret: string, body: string) =>\n  createHmac('md5', secret).update(body).digest('hex');\n",
      filename: 'src/webhooks/sign.ts',
      errors: [{ messageId: 'weakDigest', line: 3, column: 14, endLine: 3, endColumn: 19 }],
    },
    // react-native-quick-crypto createCipheriv
    {
      code: "import QuickCrypto from 'react-native-quick-crypto';\nexport const enc = (k: Buffer, iv: Buffer, d: string) => {\n  const c = QuickCrypto.createCipheriv('des-ede3-cbc', k, iv);\n  return c.update(d, 'utf8', 'base64') + c.final('base64');\n};\n",
      filename: 'app/crypto/native.ts',
      errors: [
        {
          messageId: 'weakCipher',
          line: 3,
          column: 40,
          endLine: 3,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import QuickCrypto from 'react-native-quick-crypto';\nexport const enc = (k: Buffer, iv: Buffer, d: string) => {\n  const c = QuickCrypto.createCipheriv('aes-256-gcm', k, iv);\n  return c.update(d, 'utf8', 'base64') + c.final('base64');\n};\n",
            },
          ],
        },
      ],
    },
    // subtle.generateKey RSASSA hash SHA-1
    {
      code: "export async function signingKeys() {\n  return crypto.subtle.generateKey(\n    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-1' },\n    false,\n    ['sign', 'verify'],\n  );\n}\n",
      filename: 'src/web/keys.ts',
      errors: [{ messageId: 'weakDigest', line: 3, column: 104, endLine: 3, endColumn: 111 }],
    },
    // subtle.importKey pkcs8 RSASSA SHA-1 for sign
    {
      code: "export async function loadSigner(pkcs8: ArrayBuffer) {\n  return crypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-1' }, false, ['sign']);\n}\n",
      filename: 'src/web/signer.ts',
      errors: [{ messageId: 'weakDigest', line: 2, column: 85, endLine: 2, endColumn: 92 }],
    },
    // crypto-js/mode-ecb import
    {
      code: "import AES from 'crypto-js/aes';\nimport ECB from 'crypto-js/mode-ecb';\nexport const enc = (m: string, k: any) => AES.encrypt(m, k, { mode: ECB }).toString();\n",
      filename: 'src/web/ecb.ts',
      errors: [{ messageId: 'ecbMode', line: 3, column: 69, endLine: 3, endColumn: 72 }],
    },
    // crypto-js/tripledes import
    {
      code: "import TripleDES from 'crypto-js/tripledes';\nexport const enc = (m: string, k: string) => TripleDES.encrypt(m, k).toString();\n",
      filename: 'src/web/tdes.ts',
      errors: [{ messageId: 'weakCipher', line: 2, column: 46, endLine: 2, endColumn: 63 }],
    },
    // CryptoJS.algo.DES.createEncryptor
    {
      code: "import CryptoJS from 'crypto-js';\nexport function stream(key: CryptoJS.lib.WordArray, iv: CryptoJS.lib.WordArray) {\n  return CryptoJS.algo.TripleDES.createEncryptor(key, { iv });\n}\n",
      filename: 'src/web/stream.ts',
      errors: [
        {
          messageId: 'weakCipher',
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import CryptoJS from 'crypto-js';\nexport function stream(key: CryptoJS.lib.WordArray, iv: CryptoJS.lib.WordArray) {\n  return CryptoJS.algo.AES.createEncryptor(key, { iv });\n}\n",
            },
          ],
        },
      ],
    },
    // CryptoJS.HmacMD5
    {
      code: "import CryptoJS from 'crypto-js';\nexport const sign = (body: string, secret: string) => CryptoJS.HmacMD5(body, secret).toString();\n",
      filename: 'src/web/hmac.ts',
      errors: [{ messageId: 'weakDigest', line: 2, column: 55, endLine: 2, endColumn: 71 }],
    },
    // key.setOptions encryptionScheme pkcs1
    {
      code: "import NodeRSA from 'node-rsa';\nexport function loadKey(pem: string) {\n  const key = new NodeRSA(pem);\n  key.setOptions({ encryptionScheme: 'pkcs1' });\n  return key;\n}\n",
      filename: 'src/rsa/load.ts',
      errors: [{ messageId: 'pkcs1Padding', line: 4, column: 38, endLine: 4, endColumn: 45 }],
    },
    // new NodeRSA(pem, fmt, { encryptionScheme })
    {
      code: "const NodeRSA = require('node-rsa');\nconst key = new NodeRSA(process.env.RSA_PEM, 'pkcs8-private', { encryptionScheme: 'pkcs1' });\nmodule.exports = key;\n",
      filename: 'src/rsa/key.js',
      errors: [{ messageId: 'pkcs1Padding', line: 2, column: 83, endLine: 2, endColumn: 90 }],
    },
    // key.generateKeyPair(1024)
    {
      code: "import NodeRSA from 'node-rsa';\nconst key = new NodeRSA();\nkey.generateKeyPair(1024, 65537);\nexport default key;\n",
      filename: 'src/rsa/gen.ts',
      errors: [
        {
          messageId: 'smallModulus',
          line: 3,
          column: 21,
          endLine: 3,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import NodeRSA from 'node-rsa';\nconst key = new NodeRSA();\nkey.generateKeyPair(3072, 65537);\nexport default key;\n",
            },
          ],
        },
      ],
    },
    // KEYUTIL.generateKeypair RSA 1024
    {
      code: "import { KEYUTIL } from 'jsrsasign';\nexport const kp = KEYUTIL.generateKeypair('RSA', 1024);\n",
      filename: 'src/jws/keys.ts',
      errors: [
        {
          messageId: 'smallModulus',
          line: 2,
          column: 50,
          endLine: 2,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'useSafer',
              output: "import { KEYUTIL } from 'jsrsasign';\nexport const kp = KEYUTIL.generateKeypair('RSA', 3072);\n",
            },
          ],
        },
      ],
    },
    // KJUR.crypto.Signature SHA1withRSA
    {
      code: "import { KJUR, KEYUTIL } from 'jsrsasign';\nexport function sign(pem: string, text: string) {\n  const sig = new KJUR.crypto.Signature({ alg: 'SHA1withRSA' });\n  sig.init(KEYUTIL.getKey(pem));\n  sig.updateString(text);\n  return sig.sign();\n}\n",
      filename: 'src/jws/sign.ts',
      errors: [{ messageId: 'weakDigest', line: 3, column: 48, endLine: 3, endColumn: 61 }],
    },
    // KEYUTIL.generateKeypair EC secp192r1
    {
      code: "import { KEYUTIL } from 'jsrsasign';\nexport const kp = KEYUTIL.generateKeypair('EC', 'secp192r1');\n",
      filename: 'src/jws/ec.ts',
      errors: [
        {
          messageId: 'weakCurve',
          line: 2,
          column: 49,
          endLine: 2,
          endColumn: 60,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import { KEYUTIL } from 'jsrsasign';\nexport const kp = KEYUTIL.generateKeypair('EC', 'prime256v1');\n",
            },
          ],
        },
      ],
    },
    // sjcl.encrypt ts 32
    {
      code: "import sjcl from 'sjcl';\nexport const seal = (key: sjcl.BitArray, pt: string) => sjcl.encrypt(key, pt, { mode: 'gcm', ts: 32 });\n",
      filename: 'src/web/sjcl-seal.ts',
      errors: [{ messageId: 'shortTag', line: 2, column: 98, endLine: 2, endColumn: 100 }],
    },
    // sjcl.ecc.ecdsa.generateKeys c192
    {
      code: "import sjcl from 'sjcl';\nexport const pair = sjcl.ecc.ecdsa.generateKeys(sjcl.ecc.curves.c192);\n",
      filename: 'src/web/sjcl-keys.ts',
      errors: [
        {
          messageId: 'weakCurve',
          line: 2,
          column: 49,
          endLine: 2,
          endColumn: 69,
          suggestions: [
            {
              messageId: 'useSafer',
              output: "import sjcl from 'sjcl';\nexport const pair = sjcl.ecc.ecdsa.generateKeys('P-256');\n",
            },
          ],
        },
      ],
    },
    // aes-js ModeOfOperation.ecb
    {
      code: "import aesjs from 'aes-js';\nexport function enc(key: Uint8Array, block: Uint8Array) {\n  const ecb = new aesjs.ModeOfOperation.ecb(key);\n  return ecb.encrypt(block);\n}\n",
      filename: 'src/web/aes-ecb.ts',
      errors: [{ messageId: 'ecbMode', line: 3, column: 19, endLine: 3, endColumn: 44 }],
    },
    // aes-js ModeOfOperation.ecb destructured
    {
      code: "const { ModeOfOperation } = require('aes-js');\nfunction decrypt(key: Uint8Array, ct: Uint8Array) {\n  return new ModeOfOperation.ecb(key).decrypt(ct);\n}\nmodule.exports = { decrypt };\n",
      filename: 'src/web/aes-ecb.js',
      errors: [{ messageId: 'ecbMode', line: 3, column: 14, endLine: 3, endColumn: 33 }],
    },
    // @noble/ciphers ecb
    {
      code: "import { ecb } from '@noble/ciphers/aes.js';\nexport const enc = (key: Uint8Array, data: Uint8Array) => ecb(key).encrypt(data);\n",
      filename: 'src/web/noble-ecb.ts',
      errors: [{ messageId: 'ecbMode', line: 2, column: 59, endLine: 2, endColumn: 62 }],
    },
    // openpgp config preferredSymmetricAlgorithm
    {
      code: "import * as openpgp from 'openpgp';\nexport async function enc(text: string, keys: openpgp.PublicKey[]) {\n  const message = await openpgp.createMessage({ text });\n  return openpgp.encrypt({ message, encryptionKeys: keys, config: { preferredSymmetricAlgorithm: openpgp.enums.symmetric.tripledes } });\n}\n",
      filename: 'src/pgp/enc.ts',
      errors: [{ messageId: 'weakCipher', line: 4, column: 98, endLine: 4, endColumn: 131 }],
    },
    // openpgp config preferredHashAlgorithm sha1
    {
      code: "import * as openpgp from 'openpgp';\nexport async function sign(text: string, key: openpgp.PrivateKey) {\n  const message = await openpgp.createMessage({ text });\n  return openpgp.sign({ message, signingKeys: key, config: { preferredHashAlgorithm: openpgp.enums.hash.sha1 } });\n}\n",
      filename: 'src/pgp/sign.ts',
      errors: [{ messageId: 'weakDigest', line: 4, column: 86, endLine: 4, endColumn: 109 }],
    },
    // jsonwebtoken sign algorithm none
    {
      code: "import jwt from 'jsonwebtoken';\nexport const token = (sub: string) => jwt.sign({ sub }, '', { algorithm: 'none' });\n",
      filename: 'src/auth/none.ts',
      errors: [{ messageId: 'unsignedToken', line: 2, column: 74, endLine: 2, endColumn: 80 }],
    },
    // jsonwebtoken verify algorithms includes none
    {
      code: "import jwt from 'jsonwebtoken';\nexport const check = (t: string, key: string) => jwt.verify(t, key, { algorithms: ['HS256', 'none'] });\n",
      filename: 'src/auth/verify.ts',
      errors: [{ messageId: 'unsignedToken', line: 2, column: 93, endLine: 2, endColumn: 99 }],
    },
    // fast-jwt createSigner algorithm none
    {
      code: "import { createSigner } from 'fast-jwt';\nexport const sign = createSigner({ algorithm: 'none' });\n",
      filename: 'src/auth/fast.ts',
      errors: [{ messageId: 'unsignedToken', line: 2, column: 47, endLine: 2, endColumn: 53 }],
    },
    // ssh2 algorithms.hmac hmac-md5
    {
      code: "import { Client } from 'ssh2';\nexport const connect = (host: string, privateKey: Buffer) =>\n  new Client().connect({ host, privateKey, algorithms: { hmac: ['hmac-md5', 'hmac-sha1'] } });\n",
      filename: 'scripts/ssh.ts',
      errors: [{ messageId: 'weakDigest', line: 3, column: 65, endLine: 3, endColumn: 75 }],
    },
    // ssh-keygen -b 1024 wrapper
    {
      code: "import { execFileSync } from 'child_process';\nexport function makeDeployKey(path: string) {\n  execFileSync('ssh-keygen', ['-t', 'rsa', '-b', '1024', '-N', '', '-f', path]);\n}\n",
      filename: 'scripts/deploy-key.ts',
      errors: [{ messageId: 'smallModulus', line: 3, column: 50, endLine: 3, endColumn: 56 }],
    },
    // ssh-keygen -t dsa
    {
      code: 'import { execSync } from \'child_process\';\nexport const makeKey = (file: string) => execSync(`ssh-keygen -t dsa -N "" -f ${file}`);\n',
      filename: 'scripts/dsa-key.ts',
      errors: [{ messageId: 'smallModulus', line: 2, column: 51, endLine: 2, endColumn: 87 }],
    },
    // openssl genrsa 1024 via exec
    {
      code: "import { execSync } from 'child_process';\nexport const gen = (out: string) => execSync(`openssl genrsa -out ${out} 1024`);\n",
      filename: 'scripts/genrsa.ts',
      errors: [{ messageId: 'smallModulus', line: 2, column: 46, endLine: 2, endColumn: 79 }],
    },
    // xml-encryption keyEncryptionAlgorithm rsa-1_5
    {
      code: "import xmlenc from 'xml-encryption';\nexport const options = {\n  encryptionAlgorithm: 'http://www.w3.org/2009/xmlenc11#aes256-gcm',\n  keyEncryptionAlgorithm: 'http://www.w3.org/2001/04/xmlenc#rsa-1_5',\n};\nexport const enc = (xml: string, cb: any) => xmlenc.encrypt(xml, { ...options, rsa_pub: '', pem: '' }, cb);\n",
      filename: 'src/saml/enc.ts',
      errors: [{ messageId: 'pkcs1Padding', line: 4, column: 27, endLine: 4, endColumn: 69 }],
    },
    // graphene session.generateKey DES3
    {
      code: "import * as graphene from 'graphene-pk11';\nexport function makeKey(session: graphene.Session) {\n  return session.generateKey(graphene.KeyGenMechanism.DES3, { keyType: graphene.KeyType.DES3, token: true, encrypt: true, decrypt: true });\n}\n",
      filename: 'src/hsm/des3.ts',
      errors: [
        // one choice, one finding (session 26): the key type of a key a DES3 mechanism makes is the same choice
        { messageId: 'weakCipher', line: 3, column: 30, endLine: 3, endColumn: 59 },
      ],
    },
    // graphene createSign SHA1_RSA_PKCS
    {
      code: "import * as graphene from 'graphene-pk11';\nexport function sign(session: graphene.Session, key: graphene.PrivateKey, data: Buffer) {\n  return session.createSign('SHA1_RSA_PKCS', key).once(data);\n}\n",
      filename: 'src/hsm/sign.ts',
      errors: [{ messageId: 'weakDigest', line: 3, column: 29, endLine: 3, endColumn: 44 }],
    },
    // pkcs11js C_EncryptInit CKM_DES3_ECB
    {
      code: "import * as pkcs11js from 'pkcs11js';\nexport function enc(p: pkcs11js.PKCS11, session: Buffer, key: Buffer) {\n  p.C_EncryptInit(session, { mechanism: pkcs11js.CKM_DES3_ECB, parameter: null as any }, key);\n}\n",
      filename: 'src/hsm/ecb.ts',
      errors: [{ messageId: 'weakCipher', line: 3, column: 41, endLine: 3, endColumn: 62 }],
    },
    // pkcs11js CKA_MODULUS_BITS 1024
    {
      code: "import * as pkcs11js from 'pkcs11js';\nexport function gen(p: pkcs11js.PKCS11, session: Buffer) {\n  const pubTemplate = [\n    { type: pkcs11js.CKA_MODULUS_BITS, value: 1024 },\n    { type: pkcs11js.CKA_PUBLIC_EXPONENT, value: Buffer.from([1, 0, 1]) },\n  ];\n  return p.C_GenerateKeyPair(session, { mechanism: pkcs11js.CKM_RSA_PKCS_KEY_PAIR_GEN }, pubTemplate, []);\n}\n",
      filename: 'src/hsm/rsa.ts',
      errors: [
        {
          messageId: 'smallModulus',
          line: 4,
          column: 47,
          endLine: 4,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import * as pkcs11js from 'pkcs11js';\nexport function gen(p: pkcs11js.PKCS11, session: Buffer) {\n  const pubTemplate = [\n    { type: pkcs11js.CKA_MODULUS_BITS, value: 3072 },\n    { type: pkcs11js.CKA_PUBLIC_EXPONENT, value: Buffer.from([1, 0, 1]) },\n  ];\n  return p.C_GenerateKeyPair(session, { mechanism: pkcs11js.CKM_RSA_PKCS_KEY_PAIR_GEN }, pubTemplate, []);\n}\n",
            },
          ],
        },
      ],
    },
    // CDK acm.Certificate keyAlgorithm
    {
      code: "import { Stack } from 'aws-cdk-lib';\nimport * as acm from 'aws-cdk-lib/aws-certificatemanager';\nexport class CertStack extends Stack {\n  cert = new acm.Certificate(this, 'Cert', { domainName: 'api.example.com', keyAlgorithm: acm.KeyAlgorithm.RSA_1024 });\n}\n",
      filename: 'infra/cert-stack.ts',
      errors: [{ messageId: 'smallModulus', line: 4, column: 91, endLine: 4, endColumn: 116 }],
    },
  ],
});
