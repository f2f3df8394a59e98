/**
 * no-weak-key-size: MD5 and SHA-1 chosen for signatures or HKDF, and algorithm choices held as the default of a
 * setting (`process.env.X ?? 'bf-cbc'`, `Number(process.env.RSA_BITS ?? 1024)`) or in an enum. Variants written
 * from how public code writes each shape (OpenSSL signature names in createSign, node-forge digests signed by
 * a private key, NestJS config factories, env-parsed sizes), with near misses that must stay silent.
 */
import { afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import rule from '../../rules/no-weak-key-size.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-weak-key-size (digests and held defaults)', rule, {
  valid: [
    // strong signatures, null digest for Ed25519, and verifying a partner legacy SHA-1 signature
    {
      code: "import crypto, { createSign, createVerify } from 'node:crypto';\nexport const a = (b: string, pem: string) => createSign('RSA-SHA256').update(b).sign(pem, 'base64');\nexport const ed = (p: Buffer, k: crypto.KeyObject) => crypto.sign(null, p, k);\nexport const legacyVerify = (b: string, s: string, pub: string) => createVerify('RSA-SHA1').update(b).verify(pub, s, 'base64');",
      filename: 'src/sign-ok.ts',
    },
    // SHA-1 and MD5 for checksums and ETags, and a forge MD5 never signed
    {
      code: "const crypto = require('crypto');\nconst forge = require('node-forge');\nconst etag = (body) => crypto.createHash('sha1').update(body).digest('hex');\nfunction fileMd5(bytes) {\n  const md = forge.md.md5.create();\n  md.update(bytes);\n  return md.digest().toHex();\n}\nconst hmac = (k, d) => crypto.createHmac('sha1', k).update(d).digest('hex');\nmodule.exports = { etag, fileMd5, hmac };",
      filename: 'src/checksums.js',
    },
    // HKDF over SHA-256, PBKDF2 with SHA-1 (a KDF cost question, not a digest one), jsonwebtoken sign
    {
      code: "import { hkdfSync, pbkdf2Sync } from 'node:crypto';\nimport { sign } from 'jsonwebtoken';\nexport const k = (ikm: Buffer) => hkdfSync('sha256', ikm, Buffer.alloc(0), 'info', 32);\nexport const p = (pw: string, salt: Buffer) => pbkdf2Sync(pw, salt, 600000, 32, 'sha1');\nexport const t = (claims: object, secret: string) => sign(claims, secret, { algorithm: 'HS256' });",
      filename: 'src/kdf-ok.ts',
    },
    // strong defaults, a checksum digest setting, a digest in a disabled list, enum of ciphers
    {
      code: "export const settings = {\n  cipher: process.env.CIPHER ?? 'aes-256-gcm',\n  modulusLength: Number(process.env.RSA_BITS ?? 3072),\n  pageSize: Number(process.env.PAGE_SIZE ?? 1024),\n};\nexport const CHECKSUM = { digest: 'md5' };\nexport const disabledSignatureAlgorithms = { legacy: 'sha1' };\nexport enum Cipher {\n  Default = 'aes-256-gcm',\n}\nexport const contentHash = process.env.CONTENT_HASH ?? 'sha1';",
      filename: 'src/config/ok.ts',
    },
  ],
  invalid: [
    // createSign with an OpenSSL md5WithRSA name, chained
    {
      code: "const crypto = require('node:crypto');\nfunction signInvoice(body, pem) {\n  return crypto.createSign('md5WithRSAEncryption').update(body).sign(pem, 'hex');\n}\nmodule.exports = { signInvoice };",
      filename: 'src/billing/invoice-signer.js',
      errors: [{ messageId: 'weakDigest', line: 3, column: 28, endLine: 3, endColumn: 50 }],
    },
    // a Sign object with sha1, streamed
    {
      code: "import { createSign } from 'crypto';\nexport function signCallback(url: string, pem: string): string {\n  const signer = createSign('sha1');\n  signer.update(url);\n  signer.end();\n  return signer.sign(pem, 'base64');\n}",
      filename: 'src/webhooks/callback.ts',
      errors: [{ messageId: 'weakDigest', line: 3, column: 29, endLine: 3, endColumn: 35 }],
    },
    // one-shot crypto.sign with RSA-MD5 through a const
    {
      code: "import * as crypto from 'node:crypto';\nconst LICENCE_DIGEST = 'RSA-MD5';\nexport const detached = (payload, key) => crypto.sign(LICENCE_DIGEST, Buffer.from(payload), key);",
      filename: 'src/licence/detached.mjs',
      errors: [{ messageId: 'weakDigest', line: 2, column: 24, endLine: 2, endColumn: 33 }],
    },
    // node-forge sha1 digest signed by a private key
    {
      code: "const forge = require('node-forge');\nfunction signManifest(pem, text) {\n  const digest = forge.md.sha1.create();\n  digest.update(text, 'utf8');\n  return forge.util.encode64(forge.pki.privateKeyFromPem(pem).sign(digest));\n}\nmodule.exports = { signManifest };",
      filename: 'lib/manifest.js',
      errors: [{ messageId: 'weakDigest', line: 3, column: 27, endLine: 3, endColumn: 31 }],
    },
    // node-forge md5 digest chained into sign
    {
      code: "import { md } from 'node-forge';\nexport const legacySign = (key: { sign(d: unknown): string }, text: string) => key.sign(md.md5.create().update(text));",
      filename: 'lib/legacy-sign.ts',
      errors: [{ messageId: 'weakDigest', line: 2, column: 92, endLine: 2, endColumn: 95 }],
    },
    // HKDF over SHA-1 and MD5
    {
      code: "import { hkdf, hkdfSync } from 'node:crypto';\nexport const macKey = (ikm: Buffer) => Buffer.from(hkdfSync('sha1', ikm, Buffer.alloc(0), 'mac', 20));\nexport function later(ikm: Buffer, done: (k: ArrayBuffer) => void) {\n  hkdf('md5', ikm, 'salt', 'info', 16, (_e, k) => done(k));\n}",
      filename: 'src/keys/derive.ts',
      errors: [
        { messageId: 'weakDigest', line: 2, column: 61, endLine: 2, endColumn: 67 },
        { messageId: 'weakDigest', line: 4, column: 8, endLine: 4, endColumn: 13 },
      ],
    },
    // WebCrypto HKDF with SHA-1 and ECDSA signing with SHA-1
    {
      code: "export async function roomKey(base: CryptoKey, salt: Uint8Array) {\n  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-1', salt, info: new Uint8Array(0) }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);\n}\nexport const sign = (key: CryptoKey, data: Uint8Array) => crypto.subtle.sign({ name: 'ECDSA', hash: { name: 'SHA-1' } }, key, data);",
      filename: 'src/web/keys.ts',
      errors: [
        { messageId: 'weakDigest', line: 2, column: 56, endLine: 2, endColumn: 63 },
        { messageId: 'weakDigest', line: 4, column: 109, endLine: 4, endColumn: 116 },
      ],
    },
    // algorithm defaults in a config factory
    {
      code: "export default () => ({\n  storage: {\n    algorithm: process.env.STORAGE_ALGORITHM ?? 'bf-cbc',\n    keyHex: process.env.STORAGE_KEY_HEX,\n  },\n  tls: { ecdhCurve: process.env.ECDH_CURVE || 'secp192r1' },\n});",
      filename: 'src/config/configuration.ts',
      errors: [
        {
          messageId: 'weakCipher',
          line: 3,
          column: 49,
          endLine: 3,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "export default () => ({\n  storage: {\n    algorithm: process.env.STORAGE_ALGORITHM ?? 'aes-256-gcm',\n    keyHex: process.env.STORAGE_KEY_HEX,\n  },\n  tls: { ecdhCurve: process.env.ECDH_CURVE || 'secp192r1' },\n});",
            },
          ],
        },
        {
          messageId: 'weakCurve',
          line: 6,
          column: 47,
          endLine: 6,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "export default () => ({\n  storage: {\n    algorithm: process.env.STORAGE_ALGORITHM ?? 'bf-cbc',\n    keyHex: process.env.STORAGE_KEY_HEX,\n  },\n  tls: { ecdhCurve: process.env.ECDH_CURVE || 'prime256v1' },\n});",
            },
          ],
        },
      ],
    },
    // a modulus size parsed from an env default
    {
      code: "export const RSA_MODULUS_BITS = Number(process.env.RSA_MODULUS_BITS ?? 1024);\nexport const DH_BITS = parseInt(process.env.DH_BITS || '1024', 10);\nexport const RSA_KEY_SIZE = +(process.env.RSA_KEY_SIZE ?? 768);",
      filename: 'src/config/keys.ts',
      errors: [
        {
          messageId: 'smallModulus',
          line: 1,
          column: 72,
          endLine: 1,
          endColumn: 76,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "export const RSA_MODULUS_BITS = Number(process.env.RSA_MODULUS_BITS ?? 3072);\nexport const DH_BITS = parseInt(process.env.DH_BITS || '1024', 10);\nexport const RSA_KEY_SIZE = +(process.env.RSA_KEY_SIZE ?? 768);",
            },
          ],
        },
        {
          messageId: 'smallModulus',
          line: 2,
          column: 56,
          endLine: 2,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "export const RSA_MODULUS_BITS = Number(process.env.RSA_MODULUS_BITS ?? 1024);\nexport const DH_BITS = parseInt(process.env.DH_BITS || '3072', 10);\nexport const RSA_KEY_SIZE = +(process.env.RSA_KEY_SIZE ?? 768);",
            },
          ],
        },
        {
          messageId: 'smallModulus',
          line: 3,
          column: 59,
          endLine: 3,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "export const RSA_MODULUS_BITS = Number(process.env.RSA_MODULUS_BITS ?? 1024);\nexport const DH_BITS = parseInt(process.env.DH_BITS || '1024', 10);\nexport const RSA_KEY_SIZE = +(process.env.RSA_KEY_SIZE ?? 3072);",
            },
          ],
        },
      ],
    },
    // signature digests held in an enum and a settings object
    {
      code: "export enum HashAlgorithm {\n  Signing = 'md5',\n  Checksum = 'sha1',\n}\nexport const SIGNATURE = { digest: 'sha1', encoding: 'base64' } as const;\nexport const webhookSignatureAlgorithm = process.env.WEBHOOK_SIG_ALG ?? 'RSA-SHA1';",
      filename: 'src/shared/algorithms.ts',
      errors: [
        { messageId: 'weakDigest', line: 2, column: 13, endLine: 2, endColumn: 18 },
        { messageId: 'weakDigest', line: 5, column: 36, endLine: 5, endColumn: 42 },
        { messageId: 'weakDigest', line: 6, column: 73, endLine: 6, endColumn: 83 },
      ],
    },
  ],
});

// A barrel's re-export passes the value on (module-values.ts reads through barrels): the shared module's choice, named
// for what it selects, is reported where it is written, and the call that imports it, directly or through the
// barrel, is not reported again.
const barrelProject = mkdtempSync(join(tmpdir(), 'keyhygiene-barrel-'));
mkdirSync(join(barrelProject, 'src'));
writeFileSync(join(barrelProject, 'package.json'), '{ "name": "barrel-demo", "private": true }\n');
const shared = "export const CIPHERS = { field: 'aes-256-gcm', legacyExport: 'des-ede3-cbc' } as const;\n";
writeFileSync(join(barrelProject, 'src', 'algorithms.ts'), shared);
writeFileSync(join(barrelProject, 'src', 'index.ts'), "export { CIPHERS } from './algorithms';\n");
writeFileSync(
  join(barrelProject, 'src', 'vault.ts'),
  "import { createCipheriv } from 'node:crypto';\nimport { CIPHERS } from './index';\n" +
    'export const seal = (k: Buffer, iv: Buffer) => createCipheriv(CIPHERS.legacyExport, k, iv);\n',
);
// …and the same through a direct import.
const directProject = mkdtempSync(join(tmpdir(), 'keyhygiene-direct-'));
mkdirSync(join(directProject, 'src'));
writeFileSync(join(directProject, 'package.json'), '{ "name": "direct-demo", "private": true }\n');
writeFileSync(join(directProject, 'src', 'algorithms.ts'), shared);
writeFileSync(
  join(directProject, 'src', 'vault.ts'),
  "import { createCipheriv } from 'node:crypto';\nimport { CIPHERS } from './algorithms';\n" +
    'export const seal = (k: Buffer, iv: Buffer) => createCipheriv(CIPHERS.legacyExport, k, iv);\n',
);
afterAll(() => {
  rmSync(barrelProject, { recursive: true, force: true });
  rmSync(directProject, { recursive: true, force: true });
});

ruleTester.run('no-weak-key-size (re-exported settings)', rule, {
  valid: [
    {
      code:
        "import { createCipheriv } from 'node:crypto';\nimport { CIPHERS } from './index';\n" +
        'export const seal = (k: Buffer, iv: Buffer) => createCipheriv(CIPHERS.legacyExport, k, iv);\n',
      filename: join(barrelProject, 'src', 'vault.ts'),
    },
    {
      code:
        "import { createCipheriv } from 'node:crypto';\nimport { CIPHERS } from './algorithms';\n" +
        'export const seal = (k: Buffer, iv: Buffer) => createCipheriv(CIPHERS.legacyExport, k, iv);\n',
      filename: join(directProject, 'src', 'vault.ts'),
    },
  ],
  invalid: [
    {
      code: shared,
      filename: join(directProject, 'src', 'algorithms.ts'),
      errors: [
        {
          messageId: 'weakCipher',
          line: 1,
          column: 62,
          endLine: 1,
          endColumn: 76,
          suggestions: [{ messageId: 'useSafer', output: shared.replace("'des-ede3-cbc'", "'aes-256-gcm'") }],
        },
      ],
    },
    {
      code: shared,
      filename: join(barrelProject, 'src', 'algorithms.ts'),
      errors: [
        {
          messageId: 'weakCipher',
          line: 1,
          column: 62,
          endLine: 1,
          endColumn: 76,
          suggestions: [{ messageId: 'useSafer', output: shared.replace("'des-ede3-cbc'", "'aes-256-gcm'") }],
        },
      ],
    },
  ],
});

// TLS cipher lists in node:tls and node:https options (read by the catalogue's weakCipherSuiteItems)
ruleTester.run('no-weak-key-size (TLS cipher lists)', rule, {
  valid: [
    // modern suites, and exclusions of the weak ones
    {
      code: "import tls from 'node:tls';\nimport https from 'node:https';\nexport const a = tls.createSecureContext({ ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-CHACHA20-POLY1305' });\nexport const b = new https.Agent({ ciphers: 'HIGH:!aNULL:!MD5:!RC4:!3DES' });",
      filename: 'src/server/tls-ok.ts',
    },
  ],
  invalid: [
    // a secure context for a legacy partner with 3DES and RC4 suites
    {
      code: "import tls from 'node:tls';\nexport const legacyContext = tls.createSecureContext({ ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA:RC4-SHA', minVersion: 'TLSv1' });",
      filename: 'src/partners/tls.ts',
      // the 3DES and RC4 suites, and TLS 1.0 let through (session 25: protocol versions are judged too)
      errors: [
        { messageId: 'weakCipher', line: 2, column: 65, endLine: 2, endColumn: 115 },
        { messageId: 'oldProtocol', line: 2, column: 129, endLine: 2, endColumn: 136 },
      ],
    },
    // an HTTPS agent whose cipher list is a shared constant with an export suite
    {
      code: "const https = require('https');\nconst PARTNER_CIPHERS = 'HIGH:EXP-RC4-MD5';\nmodule.exports = new https.Agent({ keepAlive: true, ciphers: PARTNER_CIPHERS });",
      filename: 'src/http/agent.js',
      errors: [{ messageId: 'weakCipher', line: 2, column: 25, endLine: 2, endColumn: 43 }],
    },
    // a TLS server that turns NULL suites on
    {
      code: "import { createServer } from 'node:tls';\nexport const server = createServer({ key, cert, ciphers: 'TLS_RSA_WITH_NULL_SHA256:ECDHE-ECDSA-AES256-GCM-SHA384' });",
      filename: 'src/server/tls-server.ts',
      errors: [{ messageId: 'weakCipher', line: 2, column: 58, endLine: 2, endColumn: 114 }],
    },
  ],
});
