/* eslint-disable keyhygiene/no-hardcoded-key -- every key below is fake, made up for these tests */
import rule from '../../rules/no-hardcoded-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-hardcoded-key', rule, {
  valid: [
    // a Firebase web config: its Google apiKey is public by design (it ships to every browser)
    {
      code: "export const FIREBASE_CONFIG = {\n  apiKey: 'AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF', // fake\n  authDomain: 'shop-prod.firebaseapp.com',\n  projectId: 'shop-prod',\n};",
      filename: 'src/firebase.ts',
    },
    // keys from the environment or a secret store
    { code: "import jwt from 'jsonwebtoken'; jwt.sign(payload, process.env.JWT_SECRET);", filename: 'src/auth.ts' },
    {
      code: "import crypto from 'node:crypto'; const key = Buffer.from(process.env.DATA_KEY, 'base64'); crypto.createCipheriv('aes-256-gcm', key, iv);",
      filename: 'src/a.ts',
    },
    {
      code: "import { loadSecret } from 'keyhygiene/keys'; import jwt from 'jsonwebtoken'; jwt.sign(p, (await loadSecret('jwt-secret')).expose());",
      filename: 'src/a.ts',
    },
    {
      code: "import session from 'express-session'; app.use(session({ secret: config.get('session.secret') }));",
      filename: 'src/a.ts',
    },
    // public keys, certificates, public JWKs
    {
      code: "import { createPublicKey } from 'node:crypto'; createPublicKey('-----BEGIN PUBLIC KEY-----\\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEfakeFAKEfake0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH9jK2lM4nP6qR8sT0uV2wX4\\n-----END PUBLIC KEY-----');",
      filename: 'src/a.ts',
    },
    {
      code: "import jwt from 'jsonwebtoken'; jwt.verify(t, '-----BEGIN PUBLIC KEY-----\\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEfakeFAKE\\n-----END PUBLIC KEY-----');",
      filename: 'src/a.ts',
    },
    {
      code: "const jwk = { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' };",
      filename: 'src/a.ts',
    },
    {
      code: "await crypto.subtle.importKey('spki', Buffer.from('MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE', 'base64'), alg, true, ['verify']);",
      filename: 'src/a.ts',
    },
    // publishable keys and public client identifiers
    { code: "const stripe = Stripe('pk_live_fAkE0q9Zt7sK2mN4pL8vR6xW1yB5');", filename: 'src/a.ts' },
    {
      code: "const firebaseConfig = { apiKeyId: 'x', authDomain: 'demo.firebaseapp.com', projectId: 'demo' };",
      filename: 'src/a.ts',
    },
    {
      code: "const clientId = '123456789012-fakefakefakefakefakefake0000.apps.googleusercontent.com';",
      filename: 'src/a.ts',
    },
    {
      code: "Sentry.init({ dsn: 'https://0fa4e0000fa4e0000fa4e0000fa4e000@o12345.ingest.sentry.io/67890' });",
      filename: 'src/a.ts',
    },
    // placeholders, documented examples, dummies
    { code: "const accessKeyId = 'AKIAIOSFODNN7EXAMPLE';", filename: 'src/a.ts' },
    { code: "import jwt from 'jsonwebtoken'; jwt.sign(p, 'your-secret-here');", filename: 'src/a.ts' },
    { code: "import jwt from 'jsonwebtoken'; jwt.sign(p, '${JWT_SECRET}');", filename: 'src/a.ts' },
    { code: "import jwt from 'jsonwebtoken'; jwt.sign(p, 'xxxxxxxxxxxxxxxx');", filename: 'src/a.ts' },
    { code: "import jwt from 'jsonwebtoken'; jwt.sign(p, 'dummy-key');", filename: 'src/a.ts' },
    // names that hold references to keys, not keys
    { code: "const keyId = 'a7f3c9e1b5d2f8a4c6e0b9d3f7a1c5e9';", filename: 'src/a.ts' },
    {
      code: "const secretArn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf';",
      filename: 'src/a.ts',
    },
    {
      code: "const fileHash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';",
      filename: 'src/a.ts',
    },
    { code: "const apiKeyHeader = 'X-Api-Key';", filename: 'src/a.ts' },
    { code: "const secretName = 'prod/payments/signing-key';", filename: 'src/a.ts' },
    { code: "const apiToken = '550e8400-e29b-41d4-a716-446655440000';", filename: 'src/a.ts' },
    // high-entropy strings without a secret name are not keys
    {
      code: "const integrity = 'sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC';",
      filename: 'src/a.ts',
    },
    { code: "const commit = 'Zq8vR6xW1yB5cD3eF7gH9jK2lM4nP6qR';", filename: 'src/a.ts' },
    { code: "if (pem.startsWith('-----BEGIN RSA PRIVATE KEY-----')) format = 'pkcs1';", filename: 'src/a.ts' },
    // a local module that merely shares a name with a sink
    {
      code: "import { createCipheriv } from './legacy'; createCipheriv('x', 'not-a-node-crypto-key', iv);",
      filename: 'src/a.ts',
    },
    // test files: sink literals are fixture noise by default
    {
      code: "import jwt from 'jsonwebtoken'; jwt.sign(p, 'integration-signing-value');",
      filename: 'test/auth.test.ts',
    },
    { code: "const apiSecret = 'Zq8vR6xW1yB5cD3eF7gH9jK2lM4nP6qR';", filename: 'src/__tests__/client.ts' },
  ],
  invalid: [
    {
      // a Google API key beside one Firebase-like key only is not a web config: still reported
      code: "export const MAPS = {\n  apiKey: 'AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF', // fake\n  projectId: 'shop-prod',\n};",
      filename: 'src/maps.ts',
      errors: [
        {
          messageId: 'credential',
          line: 2,
          column: 11,
          data: { what: 'Google API key', redacted: 'AIza…D3eF' },
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nexport const MAPS = {\n  apiKey: (await loadSecret('api-key')).expose().toString('utf8'), // fake\n  projectId: 'shop-prod',\n};",
            },
            {
              messageId: 'useEnv',
              output: "export const MAPS = {\n  apiKey: process.env.API_KEY!, // fake\n  projectId: 'shop-prod',\n};",
            },
          ],
        },
      ],
    },
    {
      // a literal secret through a const, in an async context: both suggestions
      code: "import jwt from 'jsonwebtoken';\nconst JWT_SECRET = 'p9Xr2kLm8QzT4vWn';\nexport const issue = (p) => jwt.sign(p, JWT_SECRET);",
      filename: 'src/auth.js',
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 2,
          column: 20,
          data: { what: 'Key material', redacted: 'p9…Wn', sink: 'jsonwebtoken.sign' },
          suggestions: [
            {
              messageId: 'useKeystore',
              data: { keyName: 'jwt-secret' },
              output:
                "import jwt from 'jsonwebtoken';\nimport { loadSecret } from 'keyhygiene/keys';\nconst JWT_SECRET = (await loadSecret('jwt-secret')).expose();\nexport const issue = (p) => jwt.sign(p, JWT_SECRET);",
            },
            {
              messageId: 'useEnv',
              data: { env: 'JWT_SECRET' },
              output:
                "import jwt from 'jsonwebtoken';\nconst JWT_SECRET = process.env.JWT_SECRET;\nexport const issue = (p) => jwt.sign(p, JWT_SECRET);",
            },
          ],
        },
      ],
    },
    {
      // hex key through Buffer.from, in TypeScript: the env suggestion keeps the encoding
      code: "import crypto from 'node:crypto';\nconst key = Buffer.from('3f1a9c7e5b2d4f6081a3c5e7f9b1d3e5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7', 'hex');\nexport function seal(iv: Buffer) {\n  return crypto.createCipheriv('aes-256-gcm', key, iv);\n}",
      filename: 'src/seal.ts',
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 2,
          column: 25,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import crypto from 'node:crypto';\nimport { loadSecret } from 'keyhygiene/keys';\nconst key = (await loadSecret('encryption-key')).expose();\nexport function seal(iv: Buffer) {\n  return crypto.createCipheriv('aes-256-gcm', key, iv);\n}",
            },
            {
              messageId: 'useEnv',
              output:
                "import crypto from 'node:crypto';\nconst key = Buffer.from(process.env.ENCRYPTION_KEY!, 'hex');\nexport function seal(iv: Buffer) {\n  return crypto.createCipheriv('aes-256-gcm', key, iv);\n}",
            },
          ],
        },
      ],
    },
    {
      // a literal fallback is still a hardcoded key; the env suggestion drops the fallback
      code: "import session from 'express-session';\napp.use(session({ secret: process.env.SESSION_SECRET || 'keyboard cat' }));",
      filename: 'src/app.js',
      errors: [
        {
          messageId: 'fallbackKey',
          line: 2,
          column: 57,
          data: { redacted: 'k…at', from: 'SESSION_SECRET', sink: 'express-session secret' },
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import session from 'express-session';\nimport { loadSecret } from 'keyhygiene/keys';\napp.use(session({ secret: (await loadSecret('session-secret')).expose().toString('base64') }));",
            },
            {
              messageId: 'useEnv',
              output:
                "import session from 'express-session';\napp.use(session({ secret: process.env.SESSION_SECRET }));",
            },
          ],
        },
      ],
    },
    {
      // a default parameter, in a function that cannot await: only the env suggestion
      code: "const crypto = require('crypto');\nfunction mac(data, key = 'w8Jq3NfZ6tLx1RvB') {\n  return crypto.createHmac('sha256', key).update(data).digest('hex');\n}",
      filename: 'lib/mac.cjs',
      errors: [
        {
          messageId: 'fallbackKey',
          line: 2,
          column: 26,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "const crypto = require('crypto');\nfunction mac(data, key = process.env.HMAC_KEY) {\n  return crypto.createHmac('sha256', key).update(data).digest('hex');\n}",
            },
          ],
        },
      ],
    },
    {
      // re-assignment and object properties in the same file
      code: "import { createHmac } from 'node:crypto';\nconst config = { hmac: { key: 'base-value' } };\nlet k = process.env.HMAC_KEY;\nif (!k) k = 'Vb7Qm2Xc9Lp4Rt6Z';\nexport const a = () => createHmac('sha256', k);\nexport const b = () => createHmac('sha256', config.hmac.key);",
      filename: 'src/mac.ts',
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 2,
          column: 31,
          data: { what: 'Key material', redacted: '•••• (10 chars)', sink: 'crypto.createHmac' },
          suggestions: [
            {
              messageId: 'useKeystore',
              data: { keyName: 'hmac-key' },
              output:
                "import { createHmac } from 'node:crypto';\nimport { loadSecret } from 'keyhygiene/keys';\nconst config = { hmac: { key: (await loadSecret('hmac-key')).expose() } };\nlet k = process.env.HMAC_KEY;\nif (!k) k = 'Vb7Qm2Xc9Lp4Rt6Z';\nexport const a = () => createHmac('sha256', k);\nexport const b = () => createHmac('sha256', config.hmac.key);",
            },
            {
              messageId: 'useEnv',
              data: { env: 'HMAC_KEY' },
              output:
                "import { createHmac } from 'node:crypto';\nconst config = { hmac: { key: process.env.HMAC_KEY! } };\nlet k = process.env.HMAC_KEY;\nif (!k) k = 'Vb7Qm2Xc9Lp4Rt6Z';\nexport const a = () => createHmac('sha256', k);\nexport const b = () => createHmac('sha256', config.hmac.key);",
            },
          ],
        },
        {
          messageId: 'hardcodedKey',
          line: 4,
          column: 13,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { createHmac } from 'node:crypto';\nimport { loadSecret } from 'keyhygiene/keys';\nconst config = { hmac: { key: 'base-value' } };\nlet k = process.env.HMAC_KEY;\nif (!k) k = (await loadSecret('hmac-key')).expose();\nexport const a = () => createHmac('sha256', k);\nexport const b = () => createHmac('sha256', config.hmac.key);",
            },
            {
              messageId: 'useEnv',
              output:
                "import { createHmac } from 'node:crypto';\nconst config = { hmac: { key: 'base-value' } };\nlet k = process.env.HMAC_KEY;\nif (!k) k = process.env.HMAC_KEY!;\nexport const a = () => createHmac('sha256', k);\nexport const b = () => createHmac('sha256', config.hmac.key);",
            },
          ],
        },
      ],
    },
    {
      // byte-array literal, TextEncoder, and an all-zero key
      code: "import nacl from 'tweetnacl';\nimport { SignJWT } from 'jose';\nconst key = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32]);\nnacl.secretbox(m, n, key);\nconst secret = new TextEncoder().encode('hs256-signing-value');\nawait new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(secret);\nnacl.secretbox(m, n, new Uint8Array(32));",
      filename: 'src/box.js',
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 3,
          column: 28,
          data: { what: 'A literal 32-byte key', redacted: '(bytes)', sink: 'nacl.secretbox' },
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import nacl from 'tweetnacl';\nimport { SignJWT } from 'jose';\nimport { loadSecret } from 'keyhygiene/keys';\nconst key = (await loadSecret('encryption-key')).expose();\nnacl.secretbox(m, n, key);\nconst secret = new TextEncoder().encode('hs256-signing-value');\nawait new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(secret);\nnacl.secretbox(m, n, new Uint8Array(32));",
            },
            {
              messageId: 'useEnv',
              output:
                "import nacl from 'tweetnacl';\nimport { SignJWT } from 'jose';\nconst key = Buffer.from(process.env.ENCRYPTION_KEY, 'base64');\nnacl.secretbox(m, n, key);\nconst secret = new TextEncoder().encode('hs256-signing-value');\nawait new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(secret);\nnacl.secretbox(m, n, new Uint8Array(32));",
            },
          ],
        },
        {
          messageId: 'hardcodedKey',
          line: 5,
          column: 41,
          data: { what: 'Key material', redacted: 'hs…ue', sink: 'jose SignJWT.sign' },
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import nacl from 'tweetnacl';\nimport { SignJWT } from 'jose';\nimport { loadSecret } from 'keyhygiene/keys';\nconst key = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32]);\nnacl.secretbox(m, n, key);\nconst secret = (await loadSecret('jwt-secret')).expose();\nawait new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(secret);\nnacl.secretbox(m, n, new Uint8Array(32));",
            },
            {
              messageId: 'useEnv',
              output:
                "import nacl from 'tweetnacl';\nimport { SignJWT } from 'jose';\nconst key = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32]);\nnacl.secretbox(m, n, key);\nconst secret = Buffer.from(process.env.JWT_SECRET, 'base64');\nawait new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(secret);\nnacl.secretbox(m, n, new Uint8Array(32));",
            },
          ],
        },
        {
          messageId: 'hardcodedKey',
          line: 7,
          column: 22,
          data: { what: 'An all-zero 32-byte key', redacted: '(bytes)', sink: 'nacl.secretbox' },
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import nacl from 'tweetnacl';\nimport { SignJWT } from 'jose';\nimport { loadSecret } from 'keyhygiene/keys';\nconst key = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32]);\nnacl.secretbox(m, n, key);\nconst secret = new TextEncoder().encode('hs256-signing-value');\nawait new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(secret);\nnacl.secretbox(m, n, (await loadSecret('encryption-key')).expose());",
            },
            {
              messageId: 'useEnv',
              output:
                "import nacl from 'tweetnacl';\nimport { SignJWT } from 'jose';\nconst key = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32]);\nnacl.secretbox(m, n, key);\nconst secret = new TextEncoder().encode('hs256-signing-value');\nawait new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(secret);\nnacl.secretbox(m, n, Buffer.from(process.env.ENCRYPTION_KEY, 'base64'));",
            },
          ],
        },
      ],
    },
    {
      // a private JWK, and a private-key block (reported even in a test file)
      code: "const jwk = { kty: 'oct', k: 'fAkEq9Zt7sK2mN4pL8vR6w', alg: 'A128KW' };\nconst signingPem = '-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIFakeFAKEfake0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH9jK2lM4nP6qR8sT0uV2wX4yZ6aB8cD\\n-----END EC PRIVATE KEY-----';",
      filename: 'test/fixtures/keys.test.ts',
      errors: [
        { messageId: 'privateJwk', line: 1, column: 13, data: { member: 'k', sink: '' } },
        {
          messageId: 'credential',
          line: 2,
          column: 20,
          data: { what: 'Private key block (PEM, OpenSSH, PGP)', redacted: '-----BEGIN EC PRIVATE KEY-----…' },
          suggestions: [
            {
              messageId: 'useKeystore',
              data: { keyName: 'signing-pem' },
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nconst jwk = { kty: 'oct', k: 'fAkEq9Zt7sK2mN4pL8vR6w', alg: 'A128KW' };\nconst signingPem = (await loadSecret('signing-pem')).expose().toString('utf8');",
            },
            {
              messageId: 'useEnv',
              data: { env: 'SIGNING_PEM' },
              output:
                "const jwk = { kty: 'oct', k: 'fAkEq9Zt7sK2mN4pL8vR6w', alg: 'A128KW' };\nconst signingPem = process.env.SIGNING_PEM!;",
            },
          ],
        },
      ],
    },
    {
      // known credential formats wherever they appear, including comments
      code: "// token for the nightly job: 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\nconst client = new S3Client({ credentials: { accessKeyId: 'AKIAZ7QXKJ2V4MNB3LPW', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY } });",
      filename: 'src/s3.js',
      errors: [
        {
          messageId: 'credential',
          line: 1,
          column: 1,
          data: { what: 'GitHub personal access token (classic)', redacted: 'ghp_…AiUZ' },
        },
        {
          messageId: 'credential',
          line: 2,
          column: 59,
          data: { what: 'AWS access key id', redacted: 'AKIA…3LPW' },
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "// token for the nightly job: 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\nimport { loadSecret } from 'keyhygiene/keys';\nconst client = new S3Client({ credentials: { accessKeyId: (await loadSecret('access-key-id')).expose().toString('utf8'), secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY } });",
            },
            {
              messageId: 'useEnv',
              output:
                '// token for the nightly job: 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\nconst client = new S3Client({ credentials: { accessKeyId: process.env.ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY } });',
            },
          ],
        },
      ],
    },
    {
      // a high-entropy literal under a secret name
      code: "export const apiSecret = 'Zq8vR6xW1yB5cD3eF7gH9jK2lM4nP6qR';",
      filename: 'src/config.ts',
      errors: [
        {
          messageId: 'secretName',
          line: 1,
          column: 26,
          data: { redacted: 'Zq…P6qR', name: 'apiSecret' },
          suggestions: [
            {
              messageId: 'useKeystore',
              data: { keyName: 'api-secret' },
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nexport const apiSecret = (await loadSecret('api-secret')).expose().toString('utf8');",
            },
            {
              messageId: 'useEnv',
              data: { env: 'API_SECRET' },
              output: 'export const apiSecret = process.env.API_SECRET!;',
            },
          ],
        },
      ],
    },
    {
      // test files with testFiles: 'all'
      code: "import jwt from 'jsonwebtoken'; jwt.sign(p, 'integration-signing-value');",
      filename: 'test/auth.test.ts',
      options: [{ testFiles: 'all' }],
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 1,
          column: 45,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import jwt from 'jsonwebtoken';\nimport { loadSecret } from 'keyhygiene/keys'; jwt.sign(p, (await loadSecret('jwt-secret')).expose());",
            },
            { messageId: 'useEnv', output: "import jwt from 'jsonwebtoken'; jwt.sign(p, process.env.JWT_SECRET!);" },
          ],
        },
      ],
    },
  ],
});
