import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../rules/no-weak-key-size.js';
import { ruleTester, typedRuleTester } from '../helpers/rule-tester.js';

// A project on disk where src/use.ts imports the settings of src/config.ts: they are reported in config.ts all the same.
const project = mkdtempSync(join(tmpdir(), 'keyhygiene-settings-'));
mkdirSync(join(project, 'src'));
writeFileSync(join(project, 'package.json'), '{ "name": "settings-demo", "private": true }\n');
const settings =
  "export const LEGACY_CIPHER = 'des-ede3-cbc';\nexport const cryptoSettings = { algorithm: 'bf-cbc', rsaBits: 1024 } as const;";
writeFileSync(join(project, 'src', 'config.ts'), settings);
writeFileSync(
  join(project, 'src', 'use.ts'),
  "import { createCipheriv } from 'node:crypto';\nimport { LEGACY_CIPHER, cryptoSettings } from './config';\n" +
    'export const seal = (key: Buffer, iv: Buffer) => createCipheriv(LEGACY_CIPHER, key, iv);\n' +
    'export const pack = (key: Buffer, iv: Buffer) => createCipheriv(cryptoSettings.algorithm, key, iv);\n',
);
afterAll(() => rmSync(project, { recursive: true, force: true }));

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/rule-tester/settings/${name}`, import.meta.url)), 'utf8');
const cryptoConfig = fixture('crypto-config.ts');
const legacyCjs = fixture('legacy.cjs');
/** The one suggestion of a held choice: `text` with the value at `line` (from `column`, 1-based) replaced. */
function safer(text: string, line: number, replacement: string, column?: number) {
  const lines = text.split('\n');
  const l = lines[line - 1]!;
  const from = column === undefined ? l.search(/['\d]/) : column - 1;
  const m = /^('[^']*'|\d[\d_]*)/.exec(l.slice(from))!;
  lines[line - 1] = l.slice(0, from) + replacement + l.slice(from + m[0].length);
  return [{ messageId: 'useSafer' as const, output: lines.join('\n') }];
}

ruleTester.run('no-weak-key-size', rule, {
  valid: [
    {
      // a KDF's iteration count inside an algorithm object is no modulus (the object's name says `algo`)
      code: "export const algo = { name: 'PBKDF2', hash: 'SHA-256', iterations: 1000 };",
      filename: 'src/vault.ts',
    },
    {
      // a template whose fixed text names an authenticated mode
      code: "import { createCipheriv } from 'node:crypto';\nexport const seal = (key: Buffer, iv: Buffer, bits: 128 | 256) => createCipheriv(`aes-${bits}-gcm`, key, iv);",
      filename: 'src/a.ts',
    },

    {
      // lists of what is off, strong choices, non-algorithm sizes, a JWT alg, and AES-CTR's counter length
      code: "export const DISABLED_CIPHERS = { legacy: 'des-ede3-cbc' };\nexport const WEAK_CIPHER = 'rc4';\nexport const CIPHER = 'aes-256-gcm';\nexport const RSA_BITS = 3072;\nexport const keySize = 256;\nexport const pageSize = 1024;\nexport const ALGORITHM = 'HS256';\nexport const ciphers = 'DEFAULT:!RC4';\nexport async function open(aesKey: CryptoKey, counter: Uint8Array, data: Uint8Array) {\n  return crypto.subtle.decrypt({ name: 'AES-CTR', counter, length: 64 }, aesKey, data);\n}",
      filename: 'src/config/crypto-ok.ts',
    },
    // the test-file policy: the same code in a spec is not reported
    {
      code: "import forge from 'node-forge';\nconst c = forge.des.createEncryptionCipher(key);\nconst r = forge.rc2.createEncryptionCipher(key, 128);\nconst e = forge.aes.createEncryptionCipher(key, 'ECB');",
      filename: 'test/no-weak-key-size.spec.ts',
    },
    // authenticated AES and ChaCha20, AES-CBC with a random IV and a MAC, AES key wrap
    {
      code: "import crypto from 'node:crypto';\nconst c = crypto.createCipheriv('aes-128-gcm', key, crypto.randomBytes(12));",
      filename: 'src/a.ts',
    },
    {
      code: "import crypto from 'node:crypto';\nconst c = crypto.createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });\nc.getAuthTag();",
      filename: 'src/a.ts',
    },
    {
      code: "import { createCipheriv, createHmac, randomBytes } from 'node:crypto';\nconst iv = randomBytes(16);\nconst c = createCipheriv('aes-256-cbc', encKey, iv);\nconst tag = createHmac('sha256', macKey).update(iv).digest();",
      filename: 'src/a.ts',
    },
    {
      code: "import crypto from 'node:crypto';\ncrypto.createCipheriv('id-aes256-wrap', kek, Buffer.from('A6A6A6A6A6A6A6A6', 'hex'));",
      filename: 'src/a.ts',
    },
    {
      code: "import crypto from 'node:crypto';\ncrypto.createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });",
      filename: 'src/a.ts',
    },
    {
      code: "import crypto from 'node:crypto';\nconst d = crypto.createDecipheriv('aes-256-gcm', key, iv);\nd.setAuthTag(tag);",
      filename: 'src/a.ts',
    },
    {
      code: "import crypto from 'node:crypto';\ncrypto.createCipheriv('aes-128-ccm', key, nonce, { authTagLength: 8 });",
      filename: 'src/a.ts',
    },
    // RSA 2048 and up, Ed25519, P-256 and up, secp256k1, brainpool 256+, a modulus the rule cannot read
    {
      code: "import { generateKeyPairSync } from 'node:crypto';\ngenerateKeyPairSync('rsa', { modulusLength: 2048 });\ngenerateKeyPairSync('rsa-pss', { modulusLength: 4096 });\ngenerateKeyPairSync('ed25519');",
      filename: 'src/a.ts',
    },
    {
      code: "import crypto from 'node:crypto';\ncrypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });\ncrypto.generateKeyPairSync('ec', { namedCurve: 'secp384r1' });\ncrypto.generateKeyPairSync('ec', { namedCurve: 'secp256k1' });\ncrypto.createECDH('brainpoolP256r1');",
      filename: 'src/a.ts',
    },
    {
      code: "import crypto from 'node:crypto';\nexport const make = (bits: number) => crypto.generateKeyPairSync('rsa', { modulusLength: bits });",
      filename: 'src/a.ts',
    },
    // P-224 (112-bit) is acceptable through 2030: reported only under strict
    {
      code: "import crypto from 'node:crypto';\ncrypto.generateKeyPairSync('ec', { namedCurve: 'secp224r1' });",
      filename: 'src/a.ts',
    },
    {
      code: "import crypto from 'node:crypto';\ncrypto.generateKeyPairSync('rsa', { modulusLength: 3072 });",
      filename: 'src/a.ts',
      options: [{ minRsaBits: 3072 }],
    },
    // symmetric and HMAC keys of 128 bits and more
    {
      code: "import crypto from 'node:crypto';\ncrypto.generateKeySync('hmac', { length: 256 });\ncrypto.generateKeySync('aes', { length: 128 });\ncrypto.createHmac('sha256', crypto.randomBytes(32));",
      filename: 'src/a.ts',
    },
    {
      code: "await crypto.subtle.generateKey({ name: 'AES-GCM', length: 128 }, true, ['encrypt']);\nawait crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);\nawait crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);\nawait crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 3072, publicExponent: e, hash: 'SHA-256' }, false, ['sign']);\nawait crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data);",
      filename: 'src/a.ts',
    },
    // OAEP; PKCS#1 v1.5 *signature* padding is not encryption padding
    {
      code: "import crypto from 'node:crypto';\ncrypto.publicEncrypt({ key: pub, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, buf);\ncrypto.privateEncrypt({ key, padding: crypto.constants.RSA_PKCS1_PADDING }, digestInfo);",
      filename: 'src/a.ts',
    },
    // node-forge and crypto-js used well
    {
      code: "import forge from 'node-forge';\nforge.pki.rsa.generateKeyPair({ bits: 3072, e: 0x10001 });\nforge.cipher.createCipher('AES-GCM', key);\nkeys.publicKey.encrypt(bytes, 'RSA-OAEP');",
      filename: 'src/a.ts',
    },
    {
      code: "import CryptoJS from 'crypto-js';\nCryptoJS.AES.encrypt(msg, key, { iv, mode: CryptoJS.mode.CBC });",
      filename: 'src/a.ts',
    },
    // DH groups of 2048 bits and more
    {
      code: "import crypto from 'node:crypto';\ncrypto.getDiffieHellman('modp14');\ncrypto.createDiffieHellman(2048);",
      filename: 'src/a.ts',
    },
    // strings that merely contain des/rc4/bf/ecb are not algorithm names, and are not passed to a cipher
    {
      code: "const mode = 'describe';\nconst sources = ['source', 'des', 'rc4'];\nlogger.info('nodes modes bf ecb');",
      filename: 'src/a.ts',
    },
    // a local module that shares a name with node:crypto
    {
      code: "import { createCipheriv } from './legacy-shim';\ncreateCipheriv('des-cbc', key, iv);",
      filename: 'src/a.ts',
    },
    // plain .js without type information
    {
      code: "const crypto = require('crypto');\nmodule.exports = (key, iv) => crypto.createCipheriv('aes-256-gcm', key, iv);",
      filename: 'src/a.js',
    },
    // issue 11 (session 19): a strong env default, a package import and a module that does not exist stay unread,
    // a strong JWE algorithm, forge GCM with the full tag, and a word that contains `cast`
    {
      code: "import crypto from 'node:crypto';\nimport forge from 'node-forge';\nimport { EncryptJWT } from 'jose';\nimport { LEGACY_CIPHER } from 'legacy-settings';\nimport { OTHER } from './no-such-module';\nconst modern = process.env.CIPHER_ALGORITHM || 'aes-256-gcm';\nconst a = crypto.createCipheriv(modern, key, iv);\nconst b = crypto.createCipheriv(LEGACY_CIPHER, key, iv);\nconst c = crypto.createCipheriv(OTHER, key, iv);\nconst jwt = await new EncryptJWT(claims).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }).encrypt(pub);\nconst g = forge.cipher.createCipher('AES-GCM', key);\ng.start({ iv, tagLength: 128 });\nconst h = forge.cipher.createCipher('AES-CBC', key);\nh.start({ iv });\nconst broadcast = 'cast';",
      filename: 'src/a.ts',
    },
    // weak settings a CommonJS module names (reported there): a destructured require and a property of the module
    {
      code: "const crypto = require('crypto');\nconst { ALGO } = require('../fixtures/rule-tester/settings/legacy.cjs');\nconst legacy = require('../fixtures/rule-tester/settings/legacy.cjs');\nconst a = crypto.createCipheriv(ALGO, key, iv);\nconst b = crypto.createCipheriv(legacy.ALGO, key, iv);",
      filename: 'src/use.js',
    },
    // strong settings imported from another module of the project
    {
      code: "import { createCipheriv } from 'node:crypto';\nimport { CipherSuite, MODERN_CIPHER } from '../fixtures/rule-tester/settings/crypto-config';\nconst ok = createCipheriv(MODERN_CIPHER, key, iv);\nconst ok2 = createCipheriv(CipherSuite.Modern, key, iv, { authTagLength: 16 });",
      filename: 'src/use.ts',
    },
  ],
  invalid: [
    {
      // a cipher name built by a template: its fixed text names ECB (no suggestion: the template decides)
      code: "import { createCipheriv } from 'node:crypto';\nexport const seal = (key: Buffer, bits: 128 | 256) => createCipheriv(`aes-${bits}-ecb`, key, null);",
      filename: 'src/a.ts',
      errors: [{ messageId: 'ecbMode', line: 2, column: 70, endLine: 2, endColumn: 87, suggestions: [] }],
    },

    {
      // issue 11 (session 19): weak settings exported by another module, read where they are used. A choice held
      // under a setting's name (a constant, a namespace import's object, a modulus, a curve) is reported where it is
      // written (the next case), once; an enum member whose enum names a list of suites is judged at the call.
      code: "import { createCipheriv, generateKeyPairSync, createECDH } from 'node:crypto';\nimport { LEGACY_CIPHER, CipherSuite, cryptoSettings } from '../fixtures/rule-tester/settings/crypto-config';\nimport * as config from '../fixtures/rule-tester/settings/crypto-config.js';\nconst legacy = createCipheriv(LEGACY_CIPHER, key, iv);\nconst stream = createCipheriv(CipherSuite.Stream, key, null);\nconst fish = createCipheriv(config.cryptoSettings.cipher, key, iv);\nconst pair = generateKeyPairSync('rsa', { modulusLength: cryptoSettings.rsaBits });\nconst ecdh = createECDH(cryptoSettings.curve);",
      filename: 'src/use.ts',
      errors: [{ messageId: 'weakCipher', line: 5, column: 31, endLine: 5, endColumn: 49, suggestions: [] }],
    },
    {
      // the module those settings come from: each named choice reported where it is written, with its fix
      code: cryptoConfig,
      filename: 'src/config/crypto-config.ts',
      errors: [
        {
          messageId: 'weakCipher',
          line: 2,
          column: 30,
          endLine: 2,
          endColumn: 44,
          suggestions: safer(cryptoConfig, 2, "'aes-256-gcm'"),
        },
        {
          messageId: 'weakCipher',
          line: 9,
          column: 11,
          endLine: 9,
          endColumn: 19,
          suggestions: safer(cryptoConfig, 9, "'aes-256-gcm'"),
        },
        {
          messageId: 'smallModulus',
          line: 10,
          column: 12,
          endLine: 10,
          endColumn: 16,
          suggestions: safer(cryptoConfig, 10, '3072'),
        },
        {
          messageId: 'weakCurve',
          line: 11,
          column: 10,
          endLine: 11,
          endColumn: 21,
          suggestions: safer(cryptoConfig, 11, "'prime256v1'"),
        },
      ],
    },
    {
      // also when another module of the project imports them (src/use.ts imports src/config.ts)
      code: settings,
      filename: join(project, 'src', 'config.ts'),
      errors: [
        {
          messageId: 'weakCipher',
          line: 1,
          column: 30,
          endLine: 1,
          endColumn: 44,
          suggestions: safer(settings, 1, "'aes-256-gcm'"),
        },
        {
          messageId: 'weakCipher',
          line: 2,
          column: 44,
          endLine: 2,
          endColumn: 52,
          suggestions: safer(settings, 2, "'aes-256-gcm'"),
        },
        {
          messageId: 'smallModulus',
          line: 2,
          column: 63,
          endLine: 2,
          endColumn: 67,
          suggestions: safer(settings, 2, '3072', 63),
        },
      ],
    },
    {
      // the same through CommonJS: the settings module is reported where it names the cipher (its users are not)
      code: legacyCjs,
      filename: 'src/legacy.cjs',
      errors: [
        {
          messageId: 'weakCipher',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 14,
          data: {
            cipher: 'RC4',
            algorithm: 'rc4',
            api: 'the setting ALGO',
            why: 'a stream cipher with biased output, prohibited in TLS by RFC 7465',
          },
          suggestions: safer(legacyCjs, 4, "'aes-256-gcm'"),
        },
      ],
    },
    {
      // an env default, a same-file enum member, CAST5 and IDEA, JWE RSA1_5, and a forge GCM tag of 64 bits
      code: "import crypto from 'node:crypto';\nimport forge from 'node-forge';\nimport { CompactEncrypt } from 'jose';\nenum Legacy {\n  Cipher = 'cast5-cbc',\n}\nconst algorithm = process.env.CIPHER_ALGORITHM || 'des-ede3-cbc';\nconst a = crypto.createCipheriv(algorithm, key, iv);\nconst b = crypto.createCipheriv(Legacy.Cipher, key, iv);\nconst c = crypto.createCipheriv('idea-cbc', key, iv);\nconst jwe = await new CompactEncrypt(payload).setProtectedHeader({ alg: 'RSA1_5', enc: 'A256GCM' }).encrypt(pub);\nconst g = forge.cipher.createCipher('AES-GCM', key);\ng.start({ iv, tagLength: 64 });",
      filename: 'src/a.ts',
      errors: [
        {
          // a same-file enum member is reported where it is written, not again at its use on line 9
          messageId: 'weakCipher',
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 23,
          data: {
            cipher: 'CAST5 (CAST-128)',
            algorithm: 'cast5-cbc',
            api: 'the setting Legacy.Cipher',
            why: 'a 64-bit-block cipher open to Sweet32 collisions (RFC 2144; OpenSSL 3 moved it to the legacy provider)',
          },
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import crypto from 'node:crypto';\nimport forge from 'node-forge';\nimport { CompactEncrypt } from 'jose';\nenum Legacy {\n  Cipher = 'aes-256-gcm',\n}\nconst algorithm = process.env.CIPHER_ALGORITHM || 'des-ede3-cbc';\nconst a = crypto.createCipheriv(algorithm, key, iv);\nconst b = crypto.createCipheriv(Legacy.Cipher, key, iv);\nconst c = crypto.createCipheriv('idea-cbc', key, iv);\nconst jwe = await new CompactEncrypt(payload).setProtectedHeader({ alg: 'RSA1_5', enc: 'A256GCM' }).encrypt(pub);\nconst g = forge.cipher.createCipher('AES-GCM', key);\ng.start({ iv, tagLength: 64 });",
            },
          ],
        },
        {
          messageId: 'weakCipher',
          line: 7,
          column: 51,
          endLine: 7,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import crypto from 'node:crypto';\nimport forge from 'node-forge';\nimport { CompactEncrypt } from 'jose';\nenum Legacy {\n  Cipher = 'cast5-cbc',\n}\nconst algorithm = process.env.CIPHER_ALGORITHM || 'aes-256-gcm';\nconst a = crypto.createCipheriv(algorithm, key, iv);\nconst b = crypto.createCipheriv(Legacy.Cipher, key, iv);\nconst c = crypto.createCipheriv('idea-cbc', key, iv);\nconst jwe = await new CompactEncrypt(payload).setProtectedHeader({ alg: 'RSA1_5', enc: 'A256GCM' }).encrypt(pub);\nconst g = forge.cipher.createCipher('AES-GCM', key);\ng.start({ iv, tagLength: 64 });",
            },
          ],
        },
        {
          messageId: 'weakCipher',
          line: 10,
          column: 33,
          endLine: 10,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import crypto from 'node:crypto';\nimport forge from 'node-forge';\nimport { CompactEncrypt } from 'jose';\nenum Legacy {\n  Cipher = 'cast5-cbc',\n}\nconst algorithm = process.env.CIPHER_ALGORITHM || 'des-ede3-cbc';\nconst a = crypto.createCipheriv(algorithm, key, iv);\nconst b = crypto.createCipheriv(Legacy.Cipher, key, iv);\nconst c = crypto.createCipheriv('aes-256-gcm', key, iv);\nconst jwe = await new CompactEncrypt(payload).setProtectedHeader({ alg: 'RSA1_5', enc: 'A256GCM' }).encrypt(pub);\nconst g = forge.cipher.createCipher('AES-GCM', key);\ng.start({ iv, tagLength: 64 });",
            },
          ],
        },
        {
          messageId: 'pkcs1Padding',
          line: 11,
          column: 73,
          endLine: 11,
          endColumn: 81,
          data: { padding: 'RSA1_5', api: 'jose CompactEncrypt.setProtectedHeader' },
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import crypto from 'node:crypto';\nimport forge from 'node-forge';\nimport { CompactEncrypt } from 'jose';\nenum Legacy {\n  Cipher = 'cast5-cbc',\n}\nconst algorithm = process.env.CIPHER_ALGORITHM || 'des-ede3-cbc';\nconst a = crypto.createCipheriv(algorithm, key, iv);\nconst b = crypto.createCipheriv(Legacy.Cipher, key, iv);\nconst c = crypto.createCipheriv('idea-cbc', key, iv);\nconst jwe = await new CompactEncrypt(payload).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }).encrypt(pub);\nconst g = forge.cipher.createCipher('AES-GCM', key);\ng.start({ iv, tagLength: 64 });",
            },
          ],
        },
        {
          messageId: 'shortTag',
          line: 13,
          column: 26,
          endLine: 13,
          endColumn: 28,
          data: { api: 'forge.cipher.createCipher().start', bits: 64 },
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import crypto from 'node:crypto';\nimport forge from 'node-forge';\nimport { CompactEncrypt } from 'jose';\nenum Legacy {\n  Cipher = 'cast5-cbc',\n}\nconst algorithm = process.env.CIPHER_ALGORITHM || 'des-ede3-cbc';\nconst a = crypto.createCipheriv(algorithm, key, iv);\nconst b = crypto.createCipheriv(Legacy.Cipher, key, iv);\nconst c = crypto.createCipheriv('idea-cbc', key, iv);\nconst jwe = await new CompactEncrypt(payload).setProtectedHeader({ alg: 'RSA1_5', enc: 'A256GCM' }).encrypt(pub);\nconst g = forge.cipher.createCipher('AES-GCM', key);\ng.start({ iv, tagLength: 128 });",
            },
          ],
        },
      ],
    },
    {
      // weak choices held in named constants, a settings object, a map of choices and a class field (nothing imports this module, so they are reported where written)
      code: "export const LEGACY_CIPHER = 'des-ede3-cbc';\nexport const cryptoConfig = { algorithm: 'bf-cbc', keyLength: 16 } as const;\nexport const RSA_BITS = 1024;\nconst ALGORITHMS = { legacy: 'rc4', modern: 'aes-256-gcm' } as const;\nexport class Vault {\n  private readonly cipherMode = 'aes-128-ecb';\n}",
      filename: 'src/config/crypto.ts',
      errors: [
        {
          messageId: 'weakCipher',
          line: 1,
          column: 30,
          endLine: 1,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "export const LEGACY_CIPHER = 'aes-256-gcm';\nexport const cryptoConfig = { algorithm: 'bf-cbc', keyLength: 16 } as const;\nexport const RSA_BITS = 1024;\nconst ALGORITHMS = { legacy: 'rc4', modern: 'aes-256-gcm' } as const;\nexport class Vault {\n  private readonly cipherMode = 'aes-128-ecb';\n}",
            },
          ],
        },
        {
          messageId: 'weakCipher',
          line: 2,
          column: 42,
          endLine: 2,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "export const LEGACY_CIPHER = 'des-ede3-cbc';\nexport const cryptoConfig = { algorithm: 'aes-256-gcm', keyLength: 16 } as const;\nexport const RSA_BITS = 1024;\nconst ALGORITHMS = { legacy: 'rc4', modern: 'aes-256-gcm' } as const;\nexport class Vault {\n  private readonly cipherMode = 'aes-128-ecb';\n}",
            },
          ],
        },
        {
          messageId: 'smallModulus',
          line: 3,
          column: 25,
          endLine: 3,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "export const LEGACY_CIPHER = 'des-ede3-cbc';\nexport const cryptoConfig = { algorithm: 'bf-cbc', keyLength: 16 } as const;\nexport const RSA_BITS = 3072;\nconst ALGORITHMS = { legacy: 'rc4', modern: 'aes-256-gcm' } as const;\nexport class Vault {\n  private readonly cipherMode = 'aes-128-ecb';\n}",
            },
          ],
        },
        {
          messageId: 'weakCipher',
          line: 4,
          column: 30,
          endLine: 4,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "export const LEGACY_CIPHER = 'des-ede3-cbc';\nexport const cryptoConfig = { algorithm: 'bf-cbc', keyLength: 16 } as const;\nexport const RSA_BITS = 1024;\nconst ALGORITHMS = { legacy: 'aes-256-gcm', modern: 'aes-256-gcm' } as const;\nexport class Vault {\n  private readonly cipherMode = 'aes-128-ecb';\n}",
            },
          ],
        },
        {
          messageId: 'ecbMode',
          line: 6,
          column: 33,
          endLine: 6,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "export const LEGACY_CIPHER = 'des-ede3-cbc';\nexport const cryptoConfig = { algorithm: 'bf-cbc', keyLength: 16 } as const;\nexport const RSA_BITS = 1024;\nconst ALGORITHMS = { legacy: 'rc4', modern: 'aes-256-gcm' } as const;\nexport class Vault {\n  private readonly cipherMode = 'aes-128-gcm';\n}",
            },
          ],
        },
      ],
    },
    {
      // node-forge's legacy API: the cipher in the callee (DES, RC2) and the mode in argument 1
      code: "import forge from 'node-forge';\nconst c = forge.des.createEncryptionCipher(key);\nconst r = forge.rc2.createEncryptionCipher(key, 128);\nconst e = forge.aes.createEncryptionCipher(key, 'ECB');",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'weakCipher',
          line: 2,
          column: 17,
          endLine: 2,
          endColumn: 20,
          data: {
            cipher: 'DES',
            algorithm: 'des',
            api: 'forge.des.createEncryptionCipher',
            why: 'a 56-bit-key cipher broken by exhaustive search and withdrawn by NIST',
          },
        },
        {
          messageId: 'weakCipher',
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 20,
          data: {
            cipher: 'RC2',
            algorithm: 'rc2',
            api: 'forge.rc2.createEncryptionCipher',
            why: 'a 64-bit-block legacy cipher with related-key attacks, often used with 40-bit keys',
          },
        },
        {
          messageId: 'ecbMode',
          line: 4,
          column: 49,
          endLine: 4,
          endColumn: 54,
          data: { algorithm: 'ECB', api: 'forge.aes.createEncryptionCipher' },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: "'GCM'" },
              output:
                "import forge from 'node-forge';\nconst c = forge.des.createEncryptionCipher(key);\nconst r = forge.rc2.createEncryptionCipher(key, 128);\nconst e = forge.aes.createEncryptionCipher(key, 'GCM');",
            },
          ],
        },
      ],
    },
    {
      // the ECB mode imported from its own crypto-js module
      code: "import CryptoJS from 'crypto-js';\nimport ECB from 'crypto-js/mode-ecb';\nCryptoJS.AES.encrypt(msg, key, { mode: ECB });",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'ecbMode',
          line: 3,
          column: 40,
          endLine: 3,
          endColumn: 43,
          data: { algorithm: 'CryptoJS.mode.ECB', api: 'CryptoJS.AES.encrypt' },
        },
      ],
    },
    {
      // finite-field DH primes under 2048 bits
      code: "import crypto from 'node:crypto';\nconst dh = crypto.createDiffieHellman(512);\nconst kp = crypto.generateKeyPairSync('dh', { primeLength: 1024 });",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'smallModulus',
          line: 2,
          column: 39,
          endLine: 2,
          endColumn: 42,
          data: { what: 'DH prime', bits: 512, min: 2048, api: 'crypto.createDiffieHellman' },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: '3072' },
              output:
                "import crypto from 'node:crypto';\nconst dh = crypto.createDiffieHellman(3072);\nconst kp = crypto.generateKeyPairSync('dh', { primeLength: 1024 });",
            },
          ],
        },
        {
          messageId: 'smallModulus',
          line: 3,
          column: 60,
          endLine: 3,
          endColumn: 64,
          data: { what: 'DH prime', bits: 1024, min: 2048, api: 'crypto.generateKeyPairSync' },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: '3072' },
              output:
                "import crypto from 'node:crypto';\nconst dh = crypto.createDiffieHellman(512);\nconst kp = crypto.generateKeyPairSync('dh', { primeLength: 3072 });",
            },
          ],
        },
      ],
    },
    {
      // jose: an RS256 key pair of 1024 bits
      code: "import { generateKeyPair } from 'jose';\nconst { privateKey } = await generateKeyPair('RS256', { modulusLength: 1024 });",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'smallModulus',
          line: 2,
          column: 72,
          endLine: 2,
          endColumn: 76,
          data: { what: 'RSA modulus', bits: 1024, min: 2048, api: 'jose generateKeyPair' },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: '3072' },
              output:
                "import { generateKeyPair } from 'jose';\nconst { privateKey } = await generateKeyPair('RS256', { modulusLength: 3072 });",
            },
          ],
        },
      ],
    },
    {
      // 3DES in a CommonJS file without type information
      code: "const crypto = require('crypto');\nconst cipher = crypto.createCipheriv('des-ede3-cbc', key, iv);",
      filename: 'src/legacy.js',
      errors: [
        {
          messageId: 'weakCipher',
          line: 2,
          column: 38,
          endLine: 2,
          endColumn: 52,
          data: {
            cipher: '3DES (TDEA)',
            algorithm: 'des-ede3-cbc',
            api: 'crypto.createCipheriv',
            why: 'a 64-bit-block cipher open to Sweet32 collisions and disallowed for encryption after 2023 (NIST SP 800-131A Rev. 2)',
          },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: "'aes-256-gcm'" },
              output:
                "const crypto = require('crypto');\nconst cipher = crypto.createCipheriv('aes-256-gcm', key, iv);",
            },
          ],
        },
      ],
    },
    {
      // AES-ECB: only the mode changes, so the 128-bit key stays valid
      code: "import { createCipheriv } from 'node:crypto';\nexport const enc = (key: Buffer) => createCipheriv('aes-128-ecb', key, null);",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'ecbMode',
          line: 2,
          column: 52,
          endLine: 2,
          endColumn: 65,
          data: { algorithm: 'aes-128-ecb', api: 'crypto.createCipheriv' },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: "'aes-128-gcm'" },
              output:
                "import { createCipheriv } from 'node:crypto';\nexport const enc = (key: Buffer) => createCipheriv('aes-128-gcm', key, null);",
            },
          ],
        },
      ],
    },
    {
      // the algorithm behind a const: reported (and replaced) at the literal
      code: "import crypto from 'node:crypto';\nconst ALGORITHM = 'rc4';\nexport const c = crypto.createCipheriv(ALGORITHM, key, '');",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'weakCipher',
          line: 2,
          column: 19,
          endLine: 2,
          endColumn: 24,
          data: {
            cipher: 'RC4',
            algorithm: 'rc4',
            api: 'crypto.createCipheriv',
            why: 'a stream cipher with biased output, prohibited in TLS by RFC 7465',
          },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: "'aes-256-gcm'" },
              output:
                "import crypto from 'node:crypto';\nconst ALGORITHM = 'aes-256-gcm';\nexport const c = crypto.createCipheriv(ALGORITHM, key, '');",
            },
          ],
        },
      ],
    },
    {
      // Blowfish and RC2; the suggestion keeps the literal's quotes
      code: "import crypto from 'node:crypto';\ncrypto.createCipheriv('bf-cbc', key, iv);\ncrypto.createDecipheriv(\"rc2-cbc\", key, iv);",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'weakCipher',
          line: 2,
          column: 23,
          endLine: 2,
          endColumn: 31,
          data: {
            cipher: 'Blowfish',
            algorithm: 'bf-cbc',
            api: 'crypto.createCipheriv',
            why: 'a 64-bit-block cipher open to Sweet32 collisions',
          },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: "'aes-256-gcm'" },
              output:
                "import crypto from 'node:crypto';\ncrypto.createCipheriv('aes-256-gcm', key, iv);\ncrypto.createDecipheriv(\"rc2-cbc\", key, iv);",
            },
          ],
        },
        {
          messageId: 'weakCipher',
          line: 3,
          column: 25,
          endLine: 3,
          endColumn: 34,
          data: {
            cipher: 'RC2',
            algorithm: 'rc2-cbc',
            api: 'crypto.createDecipheriv',
            why: 'a 64-bit-block legacy cipher with related-key attacks, often used with 40-bit keys',
          },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: "'aes-256-gcm'" },
              output:
                "import crypto from 'node:crypto';\ncrypto.createCipheriv('bf-cbc', key, iv);\ncrypto.createDecipheriv(\"aes-256-gcm\", key, iv);",
            },
          ],
        },
      ],
    },
    {
      // a truncated GCM tag on the cipher
      code: "import crypto from 'node:crypto';\nconst c = crypto.createCipheriv('aes-256-gcm', key, iv, { authTagLength: 8 });",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'shortTag',
          line: 2,
          column: 74,
          endLine: 2,
          endColumn: 75,
          data: { api: 'crypto.createCipheriv', bits: 64 },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: 'authTagLength: 16' },
              output:
                "import crypto from 'node:crypto';\nconst c = crypto.createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });",
            },
          ],
        },
      ],
    },
    {
      // a truncated GCM tag on the decipher
      code: "import crypto from 'node:crypto';\nconst d = crypto.createDecipheriv('aes-256-gcm', key, iv);\nd.setAuthTag(tag.subarray(0, 12));",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'shortTag',
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 33,
          data: { api: 'Decipher.setAuthTag', bits: 96 },
        },
      ],
    },
    {
      // RSA-1024 key pair
      code: "import { generateKeyPairSync } from 'node:crypto';\nconst { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'smallModulus',
          line: 2,
          column: 68,
          endLine: 2,
          endColumn: 72,
          data: { what: 'RSA modulus', bits: 1024, min: 2048, api: 'crypto.generateKeyPairSync' },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: '3072' },
              output:
                "import { generateKeyPairSync } from 'node:crypto';\nconst { privateKey } = generateKeyPairSync('rsa', { modulusLength: 3072 });",
            },
          ],
        },
      ],
    },
    {
      // DSA-1024, CommonJS
      code: "const { generateKeyPair } = require('crypto');\ngenerateKeyPair('dsa', { modulusLength: 1024, divisorLength: 160 }, done);",
      filename: 'src/a.js',
      errors: [
        {
          messageId: 'smallModulus',
          line: 2,
          column: 41,
          endLine: 2,
          endColumn: 45,
          data: { what: 'DSA modulus', bits: 1024, min: 2048, api: 'crypto.generateKeyPair' },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: '3072' },
              output:
                "const { generateKeyPair } = require('crypto');\ngenerateKeyPair('dsa', { modulusLength: 3072, divisorLength: 160 }, done);",
            },
          ],
        },
      ],
    },
    {
      // strict (minRsaBits 3072): RSA-2048 and P-224 (112-bit) are reported
      code: "import { generateKeyPairSync } from 'node:crypto';\ngenerateKeyPairSync('rsa', { modulusLength: 2048 });\ngenerateKeyPairSync('ec', { namedCurve: 'P-224' });",
      filename: 'src/a.ts',
      options: [{ minRsaBits: 3072 }],
      errors: [
        {
          messageId: 'smallModulus',
          line: 2,
          column: 45,
          endLine: 2,
          endColumn: 49,
          data: { what: 'RSA modulus', bits: 2048, min: 3072, api: 'crypto.generateKeyPairSync' },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: '3072' },
              output:
                "import { generateKeyPairSync } from 'node:crypto';\ngenerateKeyPairSync('rsa', { modulusLength: 3072 });\ngenerateKeyPairSync('ec', { namedCurve: 'P-224' });",
            },
          ],
        },
        {
          messageId: 'weakCurve',
          line: 3,
          column: 41,
          endLine: 3,
          endColumn: 48,
          data: {
            curve: 'P-224',
            api: 'crypto.generateKeyPairSync',
            why: 'gives 112-bit security, acceptable only through 2030 (NIST SP 800-57 Pt 1 Rev. 5)',
          },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: "'P-256'" },
              output:
                "import { generateKeyPairSync } from 'node:crypto';\ngenerateKeyPairSync('rsa', { modulusLength: 2048 });\ngenerateKeyPairSync('ec', { namedCurve: 'P-256' });",
            },
          ],
        },
      ],
    },
    {
      // a 96-bit curve, and a binary curve deprecated by SP 800-186
      code: "import crypto from 'node:crypto';\ncrypto.generateKeyPairSync('ec', { namedCurve: 'secp192r1' });\ncrypto.generateKeyPairSync('ec', { namedCurve: 'sect233k1' });",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'weakCurve',
          line: 2,
          column: 48,
          endLine: 2,
          endColumn: 59,
          data: {
            curve: 'secp192r1',
            api: 'crypto.generateKeyPairSync',
            why: 'gives about 96-bit security and is no longer in NIST SP 800-186',
          },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: "'prime256v1'" },
              output:
                "import crypto from 'node:crypto';\ncrypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });\ncrypto.generateKeyPairSync('ec', { namedCurve: 'sect233k1' });",
            },
          ],
        },
        {
          messageId: 'weakCurve',
          line: 3,
          column: 48,
          endLine: 3,
          endColumn: 59,
          data: {
            curve: 'sect233k1',
            api: 'crypto.generateKeyPairSync',
            why: 'is a binary-field curve, deprecated by NIST SP 800-186',
          },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: "'prime256v1'" },
              output:
                "import crypto from 'node:crypto';\ncrypto.generateKeyPairSync('ec', { namedCurve: 'secp192r1' });\ncrypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });",
            },
          ],
        },
      ],
    },
    {
      // a 64-bit HMAC key
      code: "import crypto from 'node:crypto';\nconst macKey = crypto.generateKeySync('hmac', { length: 64 });",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'shortKey',
          line: 2,
          column: 57,
          endLine: 2,
          endColumn: 59,
          data: { bits: 64, what: 'HMAC', min: 128, api: 'crypto.generateKeySync' },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: '256' },
              output:
                "import crypto from 'node:crypto';\nconst macKey = crypto.generateKeySync('hmac', { length: 256 });",
            },
          ],
        },
      ],
    },
    {
      // an 8-byte random HMAC key behind a const
      code: "import { createHmac, randomBytes } from 'node:crypto';\nconst macKey = randomBytes(8);\nexport const mac = (d: string) => createHmac('sha256', macKey).update(d).digest();",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'shortKey',
          line: 2,
          column: 28,
          endLine: 2,
          endColumn: 29,
          data: { bits: 64, what: 'HMAC', min: 128, api: 'crypto.createHmac' },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: '32 bytes' },
              output:
                "import { createHmac, randomBytes } from 'node:crypto';\nconst macKey = randomBytes(32);\nexport const mac = (d: string) => createHmac('sha256', macKey).update(d).digest();",
            },
          ],
        },
      ],
    },
    {
      // PKCS#1 v1.5 encryption padding; the suggestion swaps the constant
      code: "import crypto from 'node:crypto';\nexport const wrap = (pub, k) => crypto.publicEncrypt({ key: pub, padding: crypto.constants.RSA_PKCS1_PADDING }, k);",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'pkcs1Padding',
          line: 2,
          column: 75,
          endLine: 2,
          endColumn: 109,
          data: { padding: 'RSA_PKCS1_PADDING', api: 'crypto.publicEncrypt' },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: 'RSA_PKCS1_OAEP_PADDING' },
              output:
                "import crypto from 'node:crypto';\nexport const wrap = (pub, k) => crypto.publicEncrypt({ key: pub, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING }, k);",
            },
          ],
        },
      ],
    },
    {
      // the destructured constant: reported, no suggestion (the binding would need renaming)
      code: "const { privateDecrypt, constants: { RSA_PKCS1_PADDING } } = require('crypto');\nprivateDecrypt({ key, padding: RSA_PKCS1_PADDING }, data);",
      filename: 'src/a.js',
      errors: [
        {
          messageId: 'pkcs1Padding',
          line: 2,
          column: 32,
          endLine: 2,
          endColumn: 49,
          data: { padding: 'RSA_PKCS1_PADDING', api: 'crypto.privateDecrypt' },
        },
      ],
    },
    {
      // node-forge: small RSA, DES, PKCS#1 v1.5 scheme
      code: "import forge from 'node-forge';\nconst keys = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 });\nconst c = forge.cipher.createCipher('DES-CBC', key);\nconst sealed = keys.publicKey.encrypt(bytes, 'RSAES-PKCS1-V1_5');",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'smallModulus',
          line: 2,
          column: 52,
          endLine: 2,
          endColumn: 56,
          data: { what: 'RSA modulus', bits: 1024, min: 2048, api: 'forge.pki.rsa.generateKeyPair' },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: '3072' },
              output:
                "import forge from 'node-forge';\nconst keys = forge.pki.rsa.generateKeyPair({ bits: 3072, e: 0x10001 });\nconst c = forge.cipher.createCipher('DES-CBC', key);\nconst sealed = keys.publicKey.encrypt(bytes, 'RSAES-PKCS1-V1_5');",
            },
          ],
        },
        {
          messageId: 'weakCipher',
          line: 3,
          column: 37,
          endLine: 3,
          endColumn: 46,
          data: {
            cipher: 'DES',
            algorithm: 'DES-CBC',
            api: 'forge.cipher.createCipher',
            why: 'a 56-bit-key cipher broken by exhaustive search and withdrawn by NIST',
          },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: "'AES-GCM'" },
              output:
                "import forge from 'node-forge';\nconst keys = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 });\nconst c = forge.cipher.createCipher('AES-GCM', key);\nconst sealed = keys.publicKey.encrypt(bytes, 'RSAES-PKCS1-V1_5');",
            },
          ],
        },
        {
          messageId: 'pkcs1Padding',
          line: 4,
          column: 46,
          endLine: 4,
          endColumn: 64,
          data: { padding: 'RSAES-PKCS1-V1_5', api: 'key.encrypt' },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: "'RSA-OAEP'" },
              output:
                "import forge from 'node-forge';\nconst keys = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 });\nconst c = forge.cipher.createCipher('DES-CBC', key);\nconst sealed = keys.publicKey.encrypt(bytes, 'RSA-OAEP');",
            },
          ],
        },
      ],
    },
    {
      // crypto-js: TripleDES and ECB mode
      code: "import CryptoJS from 'crypto-js';\nCryptoJS.TripleDES.encrypt(msg, key);\nCryptoJS.AES.encrypt(msg, key, { mode: CryptoJS.mode.ECB, padding: CryptoJS.pad.Pkcs7 });",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'weakCipher',
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 19,
          data: {
            cipher: '3DES (TDEA)',
            algorithm: 'TripleDES',
            api: 'CryptoJS.TripleDES.encrypt',
            why: 'a 64-bit-block cipher open to Sweet32 collisions and disallowed for encryption after 2023 (NIST SP 800-131A Rev. 2)',
          },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: 'CryptoJS.AES' },
              output:
                "import CryptoJS from 'crypto-js';\nCryptoJS.AES.encrypt(msg, key);\nCryptoJS.AES.encrypt(msg, key, { mode: CryptoJS.mode.ECB, padding: CryptoJS.pad.Pkcs7 });",
            },
          ],
        },
        {
          messageId: 'ecbMode',
          line: 3,
          column: 40,
          endLine: 3,
          endColumn: 57,
          data: { algorithm: 'CryptoJS.mode.ECB', api: 'CryptoJS.AES.encrypt' },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: 'CryptoJS.mode.CBC with a random IV and an HMAC over IV and ciphertext' },
              output:
                "import CryptoJS from 'crypto-js';\nCryptoJS.TripleDES.encrypt(msg, key);\nCryptoJS.AES.encrypt(msg, key, { mode: CryptoJS.mode.CBC, padding: CryptoJS.pad.Pkcs7 });",
            },
          ],
        },
      ],
    },
    {
      // WebCrypto: small RSA, short HMAC key, short GCM tag
      code: "const keys = await crypto.subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['encrypt', 'decrypt']);\nconst mac = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 64 }, false, ['sign']);\nconst ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, tagLength: 96 }, key, data);",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'smallModulus',
          line: 1,
          column: 81,
          endLine: 1,
          endColumn: 85,
          data: { what: 'RSA-OAEP modulus', bits: 1024, min: 2048, api: 'SubtleCrypto.generateKey' },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: '3072' },
              output:
                "const keys = await crypto.subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 3072, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['encrypt', 'decrypt']);\nconst mac = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 64 }, false, ['sign']);\nconst ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, tagLength: 96 }, key, data);",
            },
          ],
        },
        {
          messageId: 'shortKey',
          line: 2,
          column: 86,
          endLine: 2,
          endColumn: 88,
          data: { bits: 64, what: 'HMAC', min: 128, api: 'SubtleCrypto.generateKey' },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: '256' },
              output:
                "const keys = await crypto.subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['encrypt', 'decrypt']);\nconst mac = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']);\nconst ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, tagLength: 96 }, key, data);",
            },
          ],
        },
        {
          messageId: 'shortTag',
          line: 3,
          column: 74,
          endLine: 3,
          endColumn: 76,
          data: { api: 'SubtleCrypto.encrypt', bits: 96 },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: '128' },
              output:
                "const keys = await crypto.subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['encrypt', 'decrypt']);\nconst mac = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 64 }, false, ['sign']);\nconst ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, tagLength: 128 }, key, data);",
            },
          ],
        },
      ],
    },
    {
      // a 96-bit ECDH curve and a 1024-bit MODP group
      code: "import crypto from 'node:crypto';\nconst ecdh = crypto.createECDH('prime192v1');\nconst dh = crypto.getDiffieHellman('modp2');",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'weakCurve',
          line: 2,
          column: 32,
          endLine: 2,
          endColumn: 44,
          data: {
            curve: 'prime192v1',
            api: 'crypto.createECDH',
            why: 'gives about 96-bit security and is no longer in NIST SP 800-186',
          },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: "'prime256v1'" },
              output:
                "import crypto from 'node:crypto';\nconst ecdh = crypto.createECDH('prime256v1');\nconst dh = crypto.getDiffieHellman('modp2');",
            },
          ],
        },
        {
          messageId: 'smallModulus',
          line: 3,
          column: 36,
          endLine: 3,
          endColumn: 43,
          data: { what: 'DH group modp2', bits: 1024, min: 2048, api: 'crypto.getDiffieHellman' },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: "'modp15' (3072 bits)" },
              output:
                "import crypto from 'node:crypto';\nconst ecdh = crypto.createECDH('prime192v1');\nconst dh = crypto.getDiffieHellman('modp15');",
            },
          ],
        },
      ],
    },
    {
      // node-rsa
      code: "import NodeRSA from 'node-rsa';\nconst key = new NodeRSA({ b: 512 });",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'smallModulus',
          line: 2,
          column: 30,
          endLine: 2,
          endColumn: 33,
          data: { what: 'RSA modulus', bits: 512, min: 2048, api: 'new NodeRSA({ b })' },
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: '3072' },
              output: "import NodeRSA from 'node-rsa';\nconst key = new NodeRSA({ b: 3072 });",
            },
          ],
        },
      ],
    },
  ],
});

describe('no-weak-key-size without TypeScript', () => {
  it('runs on plain .js with the default parser and no type information', () => {
    const linter = new Linter({ configType: 'flat' });
    const code =
      "const crypto = require('crypto');\nconst c = crypto.createCipheriv('des-cbc', key, iv);\nconst { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });\nconst ok = crypto.createCipheriv('aes-128-gcm', key, iv);\nmodule.exports = { c, privateKey, ok };\n";
    const messages = linter.verify(
      code,
      [
        {
          files: ['**/*.js'],
          plugins: { keyhygiene: { rules: { 'no-weak-key-size': rule as never } } },
          rules: { 'keyhygiene/no-weak-key-size': 'error' },
        },
      ],
      { filename: 'src/plain.js' },
    );
    expect(messages.map((m) => [m.messageId, m.line, m.column])).toEqual([
      ['weakCipher', 2, 33],
      ['smallModulus', 3, 75],
    ]);
  });
});

// With type information (the strict preset's parser setup) the rule behaves the same.
typedRuleTester.run('no-weak-key-size (typed)', rule, {
  valid: [
    {
      code: "import crypto from 'node:crypto';\nexport const k = crypto.generateKeyPairSync('rsa', { modulusLength: 3072 });",
      filename: 'no-weak-key-size.ts',
      options: [{ minRsaBits: 3072 }],
    },
  ],
  invalid: [
    {
      code: "import crypto from 'node:crypto';\nexport const k = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });",
      filename: 'no-weak-key-size.ts',
      options: [{ minRsaBits: 3072 }],
      errors: [
        {
          messageId: 'smallModulus',
          line: 2,
          column: 69,
          endLine: 2,
          endColumn: 73,
          data: { what: 'RSA modulus', bits: 2048, min: 3072, api: 'crypto.generateKeyPairSync' },
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import crypto from 'node:crypto';\nexport const k = crypto.generateKeyPairSync('rsa', { modulusLength: 3072 });",
            },
          ],
        },
      ],
    },
  ],
});

// Weak algorithm names held in data (a const object's property, a class field), read through the value-flow engine
ruleTester.run('no-weak-key-size (algorithm in data)', rule, {
  valid: [],
  invalid: [
    {
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\nconst ARCHIVE_FORMAT = { version: 2, cipher: 'bf-cbc', ivBytes: 8 };\nexport function sealArchive(key: Buffer, data: Buffer) {\n  const iv = randomBytes(ARCHIVE_FORMAT.ivBytes);\n  return createCipheriv(ARCHIVE_FORMAT.cipher, key, iv).update(data);\n}\nclass Legacy {\n  private readonly algorithm = 'des-ede3-cbc';\n  seal(key: Buffer, iv: Buffer, d: Buffer) {\n    return createCipheriv(this.algorithm, key, iv).update(d);\n  }\n}\nconst { cipher } = { cipher: 'aes-256-gcm' };\nexport const ok = (key: Buffer, iv: Buffer) => createCipheriv(cipher, key, iv);\n",
      filename: 'src/archive.ts',
      errors: [
        {
          messageId: 'weakCipher',
          line: 2,
          column: 46,
          endLine: 2,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: "'aes-256-gcm'" },
              output:
                "import { createCipheriv, randomBytes } from 'node:crypto';\nconst ARCHIVE_FORMAT = { version: 2, cipher: 'aes-256-gcm', ivBytes: 8 };\nexport function sealArchive(key: Buffer, data: Buffer) {\n  const iv = randomBytes(ARCHIVE_FORMAT.ivBytes);\n  return createCipheriv(ARCHIVE_FORMAT.cipher, key, iv).update(data);\n}\nclass Legacy {\n  private readonly algorithm = 'des-ede3-cbc';\n  seal(key: Buffer, iv: Buffer, d: Buffer) {\n    return createCipheriv(this.algorithm, key, iv).update(d);\n  }\n}\nconst { cipher } = { cipher: 'aes-256-gcm' };\nexport const ok = (key: Buffer, iv: Buffer) => createCipheriv(cipher, key, iv);\n",
            },
          ],
        },
        {
          messageId: 'weakCipher',
          line: 8,
          column: 32,
          endLine: 8,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: "'aes-256-gcm'" },
              output:
                "import { createCipheriv, randomBytes } from 'node:crypto';\nconst ARCHIVE_FORMAT = { version: 2, cipher: 'bf-cbc', ivBytes: 8 };\nexport function sealArchive(key: Buffer, data: Buffer) {\n  const iv = randomBytes(ARCHIVE_FORMAT.ivBytes);\n  return createCipheriv(ARCHIVE_FORMAT.cipher, key, iv).update(data);\n}\nclass Legacy {\n  private readonly algorithm = 'aes-256-gcm';\n  seal(key: Buffer, iv: Buffer, d: Buffer) {\n    return createCipheriv(this.algorithm, key, iv).update(d);\n  }\n}\nconst { cipher } = { cipher: 'aes-256-gcm' };\nexport const ok = (key: Buffer, iv: Buffer) => createCipheriv(cipher, key, iv);\n",
            },
          ],
        },
      ],
    },
  ],
});
