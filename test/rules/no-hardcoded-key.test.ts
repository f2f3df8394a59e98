/* eslint-disable keyhygiene/no-hardcoded-key -- every key below is fake, made up for these tests */
import rule from '../../rules/no-hardcoded-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-hardcoded-key', rule, {
  valid: [
    // templates of consts that are no credential
    {
      code: "const BASE = 'https://api.shop.test';\nexport const url = `${BASE}/v1/items`;\nexport const bearer = (t: string) => `Bearer ${t}`;",
      filename: 'src/http.ts',
    },
    // schema defaults (zod, convict) and text encoded to bytes: near misses
    {
      code: "import { z } from 'zod';\nexport const env = z\n  .object({\n    PORT: z.coerce.number().default(3000),\n    NODE_ENV: z.enum(['development', 'production']).default('development'),\n    SESSION_SECRET: z.string().default('changeme'),\n    LOG_LEVEL: z.string().default('info'),\n  })\n  .parse(process.env);",
      filename: 'src/env.ts',
    },
    {
      code: "import convict from 'convict';\nexport const config = convict({\n  host: { format: String, default: 'localhost', env: 'HOST' },\n  apiKey: { format: String, default: '', env: 'API_KEY' },\n});",
      filename: 'src/config.ts',
    },
    {
      code: "export const label = new TextEncoder().encode('hello world from the app');\nexport const greeting = Buffer.from('hello');",
      filename: 'src/text.ts',
    },
    // issue 11/12 (session 19): near misses of the client slots, mnemonics, env defaults, concatenation, Basic auth
    {
      code: "import OpenAI from 'openai';\nexport const local = new OpenAI({ apiKey: 'ollama', baseURL: 'http://localhost:11434/v1' });",
      filename: 'src/ai.ts',
    },
    {
      code: "import twilio from 'twilio';\nexport const sms = twilio(process.env.TWILIO_SID, process.env.TWILIO_AUTH_TOKEN);",
      filename: 'src/sms.ts',
    },
    {
      code: "import { Wallet } from 'ethers';\nexport const hot = new Wallet(process.env.HOT_WALLET_KEY!, provider);\nexport const fromParam = (pk: string) => new Wallet(pk);",
      filename: 'src/wallet.ts',
    },
    {
      code: "import { Wallet } from 'ethers';\nexport const w = Wallet.fromPhrase(process.env.MNEMONIC!);",
      filename: 'src/wallet.ts',
    },
    {
      code: "export const welcome = 'ripple garden copper hover valley slogan brisk tunnel oyster maple glide orbit';",
      filename: 'src/copy.ts',
    },
    {
      code: "export const header = (u: string, p: string) => 'Basic ' + Buffer.from(`${u}:${p}`).toString('base64');",
      filename: 'src/http.ts',
    },
    {
      code: "export const docsHeader = 'Basic ' + Buffer.from('user:password').toString('base64');",
      filename: 'src/http.ts',
    },
    {
      code: "import * as ssm from 'aws-cdk-lib/aws-ssm';\nnew ssm.StringParameter(this, 'ApiKeyName', { stringValue: 'partner-key-v2' });\nnew ssm.StringParameter(this, 'TokenTtl', { stringValue: '3600' });",
      filename: 'infra/stack.ts',
    },
    {
      code: "const { JWT_SECRET = '', PORT = '3000', NODE_ENV = 'development' } = process.env;",
      filename: 'src/config.ts',
    },
    {
      code: "const BASE_URL = 'https://api.shop.test';\nexport const refreshUrl = BASE_URL + '/tokens/' + 'refresh';\nexport const SECRET_HEADER = 'x-' + 'secret';",
      filename: 'src/urls.ts',
    },
    {
      code: "import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport({ service: 'gmail', auth: { user: 'me@gmail.com', pass: 'abcd efgh ijkl mnop' } });",
      filename: 'src/mail.ts',
    },
    {
      code: 'module.exports = { networks: { mainnet: { url: RPC, accounts: [process.env.DEPLOYER_PRIVATE_KEY] } } };',
      filename: 'hardhat.config.js',
    },
    {
      code: "module.exports = { networks: { hardhat: { accounts: { mnemonic: 'test test test test test test test test test test test junk' } } } };",
      filename: 'hardhat.config.js',
    },
    {
      code: "const API_TOKEN = process.env.API_TOKEN;\nexport const auth = 'Bearer ' + API_TOKEN;",
      filename: 'src/http.ts',
    },
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
    // the fixture policy: private keys, private JWKs and JWTs in tests and example trees are deliberate
    {
      code: "const jwk = { kty: 'oct', k: 'fAkEq9Zt7sK2mN4pL8vR6w', alg: 'A128KW' };\nconst signingPem = '-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIFakeFAKEfake0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH9jK2lM4nP6qR8sT0uV2wX4yZ6aB8cD\\n-----END EC PRIVATE KEY-----';",
      filename: 'test/fixtures/keys.test.ts',
    },
    {
      code: "const jwk = { kty: 'oct', k: 'fAkEq9Zt7sK2mN4pL8vR6w', alg: 'A128KW' };",
      filename: 'cookbook/jwe.mjs',
    },
    {
      code: "const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmYWtlIn0.fAkEq9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH9jK2lM4';",
      filename: 'examples/verify.ts',
    },
  ],
  invalid: [
    // a template composed of a const that is no finding by itself: judged whole (a Bearer header)
    {
      code: "const TOKEN = 'Zq8vR6xW1yB5cD3eF7gH9jK2lM4nP6qR8sT0uV2w';\nexport const get = (u: string) => fetch(u, { headers: { Authorization: `Bearer ${TOKEN}` } });",
      filename: 'src/http.ts',
      errors: [
        {
          messageId: 'credential',
          line: 2,
          column: 72,
          endLine: 2,
          endColumn: 89,
        },
      ],
    },
    // schema defaults of secret env variables (zod, convict), and keys named through TextEncoder/Buffer.from
    {
      code: "import { z } from 'zod';\nexport const env = z\n  .object({\n    JWT_SECRET: z.string().min(16).default('kP9vL2xQ7mR4tW8zY3nB'),\n    DB_PASSWORD: z.string().default('Pg_0rders!2024').describe('database password'),\n  })\n  .parse(process.env);",
      filename: 'src/env.ts',
      errors: [
        {
          messageId: 'fallbackSecret',
          line: 4,
          column: 44,
          endLine: 4,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { z } from 'zod';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const env = z\n  .object({\n    JWT_SECRET: z.string().min(16).default((await loadSecret('jwt-secret')).expose().toString('utf8')),\n    DB_PASSWORD: z.string().default('Pg_0rders!2024').describe('database password'),\n  })\n  .parse(process.env);",
            },
            {
              messageId: 'useEnv',
              output:
                "import { z } from 'zod';\nexport const env = z\n  .object({\n    JWT_SECRET: z.string().min(16).default(process.env.JWT_SECRET!),\n    DB_PASSWORD: z.string().default('Pg_0rders!2024').describe('database password'),\n  })\n  .parse(process.env);",
            },
          ],
        },
        {
          messageId: 'fallbackSecret',
          line: 5,
          column: 37,
          endLine: 5,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { z } from 'zod';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const env = z\n  .object({\n    JWT_SECRET: z.string().min(16).default('kP9vL2xQ7mR4tW8zY3nB'),\n    DB_PASSWORD: z.string().default((await loadSecret('db-password')).expose().toString('utf8')).describe('database password'),\n  })\n  .parse(process.env);",
            },
            {
              messageId: 'useEnv',
              output:
                "import { z } from 'zod';\nexport const env = z\n  .object({\n    JWT_SECRET: z.string().min(16).default('kP9vL2xQ7mR4tW8zY3nB'),\n    DB_PASSWORD: z.string().default(process.env.DB_PASSWORD!).describe('database password'),\n  })\n  .parse(process.env);",
            },
          ],
        },
      ],
    },
    {
      code: "import convict from 'convict';\nexport const config = convict({\n  jwtSecret: { format: String, default: 'u7Kq2pX9vL4mR8sT', env: 'JWT_SECRET', sensitive: true },\n});",
      filename: 'src/config.ts',
      errors: [
        {
          messageId: 'fallbackSecret',
          line: 3,
          column: 41,
          endLine: 3,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import convict from 'convict';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const config = convict({\n  jwtSecret: { format: String, default: (await loadSecret('jwt-secret')).expose().toString('utf8'), env: 'JWT_SECRET', sensitive: true },\n});",
            },
            {
              messageId: 'useEnv',
              output:
                "import convict from 'convict';\nexport const config = convict({\n  jwtSecret: { format: String, default: process.env.JWT_SECRET!, env: 'JWT_SECRET', sensitive: true },\n});",
            },
          ],
        },
      ],
    },
    {
      code: "export const secret = new TextEncoder().encode('Zq8vR6xW1yB5cD3eF7gH9jK2lM4nP6qR');",
      filename: 'src/jwt.ts',
      errors: [
        {
          messageId: 'secretName',
          line: 1,
          column: 48,
          endLine: 1,
          endColumn: 82,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nexport const secret = new TextEncoder().encode((await loadSecret('app-key')).expose().toString('utf8'));",
            },
            { messageId: 'useEnv', output: 'export const secret = new TextEncoder().encode(process.env.APP_KEY!);' },
          ],
        },
      ],
    },
    {
      code: "export const hmacKey = Buffer.from('Zq8vR6xW1yB5cD3eF7gH9jK2lM4nP6qR');",
      filename: 'src/hmac.ts',
      errors: [
        {
          messageId: 'secretName',
          line: 1,
          column: 36,
          endLine: 1,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nexport const hmacKey = Buffer.from((await loadSecret('hmac-key')).expose().toString('utf8'));",
            },
            { messageId: 'useEnv', output: 'export const hmacKey = Buffer.from(process.env.HMAC_KEY!);' },
          ],
        },
      ],
    },
    // issue 11/12 (session 19): secrets in API client slots, mnemonics, env defaults, concatenation, Basic auth,
    // connection strings with an expression host, Hardhat accounts, Google app passwords, JWK private members
    {
      code: "import { Wallet } from 'ethers';\nexport const treasury = new Wallet('0x535b7401d122e65203f042d42a2c0ac8435360770ccde8cd20db9472d8049358', provider);",
      filename: 'src/wallet.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 2,
          column: 36,
          endLine: 2,
          endColumn: 104,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { Wallet } from 'ethers';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const treasury = new Wallet((await loadSecret('app-key')).expose().toString('utf8'), provider);",
            },
            {
              messageId: 'useEnv',
              output:
                "import { Wallet } from 'ethers';\nexport const treasury = new Wallet(process.env.APP_KEY!, provider);",
            },
          ],
        },
      ],
    },
    {
      code: "import { HDNodeWallet } from 'ethers';\nexport const w = HDNodeWallet.fromPhrase('cabin donor motion jelly wagon faint ozone spider rally tiger nephew bonus');",
      filename: 'src/wallet.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 2,
          column: 42,
          endLine: 2,
          endColumn: 118,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { HDNodeWallet } from 'ethers';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const w = HDNodeWallet.fromPhrase((await loadSecret('app-key')).expose().toString('utf8'));",
            },
            {
              messageId: 'useEnv',
              output:
                "import { HDNodeWallet } from 'ethers';\nexport const w = HDNodeWallet.fromPhrase(process.env.APP_KEY!);",
            },
          ],
        },
      ],
    },
    {
      code: "const RECOVERY_PHRASE = 'ripple garden copper hover valley slogan brisk tunnel oyster maple glide orbit';",
      filename: 'src/wallet.ts',
      errors: [
        {
          messageId: 'credential',
          line: 1,
          column: 25,
          endLine: 1,
          endColumn: 105,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nconst RECOVERY_PHRASE = (await loadSecret('recovery-phrase')).expose().toString('utf8');",
            },
            { messageId: 'useEnv', output: 'const RECOVERY_PHRASE = process.env.RECOVERY_PHRASE!;' },
          ],
        },
      ],
    },
    {
      code: "import { Keypair } from '@solana/web3.js';\nexport const payer = Keypair.fromSeed(Uint8Array.from([170, 54, 98, 15, 93, 250, 61, 193, 239, 145, 56, 28, 72, 108, 63, 49, 39, 96, 31, 141, 223, 112, 162, 113, 204, 82, 170, 54, 98, 15, 93, 250]));",
      filename: 'src/payer.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 2,
          column: 55,
          endLine: 2,
          endColumn: 197,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { Keypair } from '@solana/web3.js';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const payer = Keypair.fromSeed((await loadSecret('app-key')).expose());",
            },
            {
              messageId: 'useEnv',
              output:
                "import { Keypair } from '@solana/web3.js';\nexport const payer = Keypair.fromSeed(Buffer.from(process.env.APP_KEY!, 'base64'));",
            },
          ],
        },
      ],
    },
    {
      code: "const twilio = require('twilio');\nconst client = twilio('AC0fa4e0000fa4e0000fa4e0000fa4e000', '27601f8ddf70a271cc52aa36620f5dfa');",
      filename: 'src/sms.js',
      errors: [
        {
          messageId: 'clientCredential',
          line: 2,
          column: 61,
          endLine: 2,
          endColumn: 95,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nconst twilio = require('twilio');\nconst client = twilio('AC0fa4e0000fa4e0000fa4e0000fa4e000', (await loadSecret('app-key')).expose().toString('utf8'));",
            },
            {
              messageId: 'useEnv',
              output:
                "const twilio = require('twilio');\nconst client = twilio('AC0fa4e0000fa4e0000fa4e0000fa4e000', process.env.APP_KEY);",
            },
          ],
        },
      ],
    },
    {
      code: "import webpush from 'web-push';\nwebpush.setVapidDetails('mailto:ops@shop.test', PUBLIC_KEY, 'TyCfOhZJwOOhrFdOW6OJCICUzAKxtjo_739BmU-Dktm');",
      filename: 'src/push.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 2,
          column: 61,
          endLine: 2,
          endColumn: 106,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import webpush from 'web-push';\nimport { loadSecret } from 'keyhygiene/keys';\nwebpush.setVapidDetails('mailto:ops@shop.test', PUBLIC_KEY, (await loadSecret('app-key')).expose().toString('utf8'));",
            },
            {
              messageId: 'useEnv',
              output:
                "import webpush from 'web-push';\nwebpush.setVapidDetails('mailto:ops@shop.test', PUBLIC_KEY, process.env.APP_KEY!);",
            },
          ],
        },
      ],
    },
    {
      code: "export const VAPID_PRIVATE = 'TyCfOhZJwOOhrFdOW6OJCICUzAKxtjo_739BmU-Dktm';",
      filename: 'src/push.ts',
      errors: [
        {
          messageId: 'secretName',
          line: 1,
          column: 30,
          endLine: 1,
          endColumn: 75,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nexport const VAPID_PRIVATE = (await loadSecret('vapid-private')).expose().toString('utf8');",
            },
            { messageId: 'useEnv', output: 'export const VAPID_PRIVATE = process.env.VAPID_PRIVATE!;' },
          ],
        },
      ],
    },
    {
      code: "import Stripe from 'stripe';\nexport const stripe = new Stripe('EjMuUB4PB2U8PbpAU4q1dgEetTFLtBOe', { apiVersion: '2024-06-20' });",
      filename: 'src/pay.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 2,
          column: 34,
          endLine: 2,
          endColumn: 68,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import Stripe from 'stripe';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const stripe = new Stripe((await loadSecret('app-key')).expose().toString('utf8'), { apiVersion: '2024-06-20' });",
            },
            {
              messageId: 'useEnv',
              output:
                "import Stripe from 'stripe';\nexport const stripe = new Stripe(process.env.APP_KEY!, { apiVersion: '2024-06-20' });",
            },
          ],
        },
      ],
    },
    {
      code: "import OpenAI from 'openai';\nexport class Assistant {\n  private readonly client = new OpenAI({ apiKey: 'sAxWlTpUbE7y65pfQWzmgKps7FTNI07hFzBysHRn' });\n}",
      filename: 'src/ai.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 3,
          column: 50,
          endLine: 3,
          endColumn: 92,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "import OpenAI from 'openai';\nexport class Assistant {\n  private readonly client = new OpenAI({ apiKey: process.env.API_KEY! });\n}",
            },
          ],
        },
      ],
    },
    {
      code: "import Pusher from 'pusher';\nexport const pusher = new Pusher({ appId: '1712345', key: 'aa36620f5dfa3dc1ef91', secret: '27601f8ddf70a271cc52', cluster: 'eu' });",
      filename: 'src/rt.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 2,
          column: 91,
          endLine: 2,
          endColumn: 113,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import Pusher from 'pusher';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const pusher = new Pusher({ appId: '1712345', key: 'aa36620f5dfa3dc1ef91', secret: (await loadSecret('app-key')).expose().toString('utf8'), cluster: 'eu' });",
            },
            {
              messageId: 'useEnv',
              output:
                "import Pusher from 'pusher';\nexport const pusher = new Pusher({ appId: '1712345', key: 'aa36620f5dfa3dc1ef91', secret: process.env.APP_KEY!, cluster: 'eu' });",
            },
          ],
        },
      ],
    },
    {
      code: "import NextAuth from 'next-auth';\nexport default NextAuth({ secret: 'wsqWRkJSddmFaVwDwwXsUumG3HC89WET', providers: [] });",
      filename: 'src/auth.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 2,
          column: 35,
          endLine: 2,
          endColumn: 69,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import NextAuth from 'next-auth';\nimport { loadSecret } from 'keyhygiene/keys';\nexport default NextAuth({ secret: (await loadSecret('app-key')).expose().toString('utf8'), providers: [] });",
            },
            {
              messageId: 'useEnv',
              output:
                "import NextAuth from 'next-auth';\nexport default NextAuth({ secret: process.env.APP_KEY!, providers: [] });",
            },
          ],
        },
      ],
    },
    {
      code: "import { Strategy } from 'passport-github2';\npassport.use(new Strategy({ clientID: 'Iv1.0a1b2c3d', clientSecret: 'Gh0auth-Secr3t!', callbackURL: '/cb' }, verify));",
      filename: 'src/auth.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 2,
          column: 69,
          endLine: 2,
          endColumn: 86,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { Strategy } from 'passport-github2';\nimport { loadSecret } from 'keyhygiene/keys';\npassport.use(new Strategy({ clientID: 'Iv1.0a1b2c3d', clientSecret: (await loadSecret('client-secret')).expose().toString('utf8'), callbackURL: '/cb' }, verify));",
            },
            {
              messageId: 'useEnv',
              output:
                "import { Strategy } from 'passport-github2';\npassport.use(new Strategy({ clientID: 'Iv1.0a1b2c3d', clientSecret: process.env.CLIENT_SECRET!, callbackURL: '/cb' }, verify));",
            },
          ],
        },
      ],
    },
    {
      code: "import { SecretValue } from 'aws-cdk-lib';\nconst webhook = SecretValue.unsafePlainText('EjMuUB4PB2U8PbpAU4q1dgEetTFLtBOe');",
      filename: 'infra/stack.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 2,
          column: 45,
          endLine: 2,
          endColumn: 79,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { SecretValue } from 'aws-cdk-lib';\nimport { loadSecret } from 'keyhygiene/keys';\nconst webhook = SecretValue.unsafePlainText((await loadSecret('app-key')).expose().toString('utf8'));",
            },
            {
              messageId: 'useEnv',
              output:
                "import { SecretValue } from 'aws-cdk-lib';\nconst webhook = SecretValue.unsafePlainText(process.env.APP_KEY!);",
            },
          ],
        },
      ],
    },
    {
      code: "import * as ssm from 'aws-cdk-lib/aws-ssm';\nnew ssm.StringParameter(this, 'PartnerApiKey', {\n  parameterName: '/integrations/partner',\n  stringValue: 'sAxWlTpUbE7y65pfQWzmgKps7FTNI07hFzBysHRn',\n});",
      filename: 'infra/stack.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import * as ssm from 'aws-cdk-lib/aws-ssm';\nimport { loadSecret } from 'keyhygiene/keys';\nnew ssm.StringParameter(this, 'PartnerApiKey', {\n  parameterName: '/integrations/partner',\n  stringValue: (await loadSecret('string-value')).expose().toString('utf8'),\n});",
            },
            {
              messageId: 'useEnv',
              output:
                "import * as ssm from 'aws-cdk-lib/aws-ssm';\nnew ssm.StringParameter(this, 'PartnerApiKey', {\n  parameterName: '/integrations/partner',\n  stringValue: process.env.STRING_VALUE!,\n});",
            },
          ],
        },
      ],
    },
    {
      code: "const { SESSION_SECRET = 'kP9vL2xQ7mR4tW8z' } = process.env;\nexport { SESSION_SECRET };",
      filename: 'src/config.ts',
      errors: [
        {
          messageId: 'fallbackSecret',
          line: 1,
          column: 26,
          endLine: 1,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nconst { SESSION_SECRET = (await loadSecret('session-secret')).expose().toString('utf8') } = process.env;\nexport { SESSION_SECRET };",
            },
            {
              messageId: 'useEnv',
              output:
                'const { SESSION_SECRET = process.env.SESSION_SECRET! } = process.env;\nexport { SESSION_SECRET };',
            },
          ],
        },
      ],
    },
    {
      code: "const GH_PREFIX = 'ghs_';\nexport const deployToken = GH_PREFIX + 'Zq8vR6xW1yB5cD3eF7' + 'gH9jK2lM4nP6qR8sT0';",
      filename: 'src/ci.ts',
      errors: [
        {
          messageId: 'credential',
          line: 2,
          column: 28,
          endLine: 2,
          endColumn: 83,
        },
      ],
    },
    {
      code: "export const inventory = { Authorization: 'Basic ' + Buffer.from('svc-export:Rq7wK3zP9x').toString('base64') };",
      filename: 'src/http.ts',
      errors: [
        {
          messageId: 'credential',
          line: 1,
          column: 66,
          endLine: 1,
          endColumn: 89,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nexport const inventory = { Authorization: 'Basic ' + Buffer.from((await loadSecret('app-key')).expose().toString('utf8')).toString('base64') };",
            },
            {
              messageId: 'useEnv',
              output:
                "export const inventory = { Authorization: 'Basic ' + Buffer.from(process.env.APP_KEY!).toString('base64') };",
            },
          ],
        },
      ],
    },
    {
      code: 'export const dbUrl = (host: string) => `postgres://notify:Zx9kLm2Qp7@${host}:5432/notify`;',
      filename: 'src/db.ts',
      errors: [{ messageId: 'credential', line: 1, column: 40, endLine: 1, endColumn: 72 }],
    },
    {
      code: "module.exports = {\n  networks: {\n    sepolia: { url: RPC, accounts: ['0x535b7401d122e65203f042d42a2c0ac8435360770ccde8cd20db9472d8049358'] },\n  },\n};",
      filename: 'hardhat.config.js',
      errors: [
        {
          messageId: 'credential',
          line: 3,
          column: 37,
          endLine: 3,
          endColumn: 105,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nmodule.exports = {\n  networks: {\n    sepolia: { url: RPC, accounts: [(await loadSecret('app-key')).expose().toString('utf8')] },\n  },\n};",
            },
            {
              messageId: 'useEnv',
              output:
                'module.exports = {\n  networks: {\n    sepolia: { url: RPC, accounts: [process.env.APP_KEY] },\n  },\n};',
            },
          ],
        },
      ],
    },
    {
      code: "import nodemailer from 'nodemailer';\nexport const gmail = nodemailer.createTransport({\n  service: 'gmail',\n  auth: { user: 'alerts.shop@gmail.com', pass: 'qwhk zmtp lbvy rnse' },\n});",
      filename: 'src/mail.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 4,
          column: 48,
          endLine: 4,
          endColumn: 69,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import nodemailer from 'nodemailer';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const gmail = nodemailer.createTransport({\n  service: 'gmail',\n  auth: { user: 'alerts.shop@gmail.com', pass: (await loadSecret('app-key')).expose().toString('utf8') },\n});",
            },
            {
              messageId: 'useEnv',
              output:
                "import nodemailer from 'nodemailer';\nexport const gmail = nodemailer.createTransport({\n  service: 'gmail',\n  auth: { user: 'alerts.shop@gmail.com', pass: process.env.APP_KEY! },\n});",
            },
          ],
        },
      ],
    },
    {
      code: "import nodemailer from 'nodemailer';\nexport const relay = nodemailer.createTransport({\n  host: 'smtp.gmail.com',\n  auth: { user: 'ops.shop@gmail.com', pass: 'hvtqpwmzkcxdrbal' },\n});",
      filename: 'src/mail.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 4,
          column: 45,
          endLine: 4,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import nodemailer from 'nodemailer';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const relay = nodemailer.createTransport({\n  host: 'smtp.gmail.com',\n  auth: { user: 'ops.shop@gmail.com', pass: (await loadSecret('app-key')).expose().toString('utf8') },\n});",
            },
            {
              messageId: 'useEnv',
              output:
                "import nodemailer from 'nodemailer';\nexport const relay = nodemailer.createTransport({\n  host: 'smtp.gmail.com',\n  auth: { user: 'ops.shop@gmail.com', pass: process.env.APP_KEY! },\n});",
            },
          ],
        },
      ],
    },
    {
      code: "export const signingJwk = {\n  kty: 'EC',\n  crv: 'P-256',\n  x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',\n  y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',\n  d: 'TyCfOhZJwOOhrFdOW6OJCICUzAKxtjo_739BmU-Dktm',\n};",
      filename: 'src/jwk.ts',
      errors: [{ messageId: 'privateJwk', line: 6, column: 3, endLine: 6, endColumn: 51 }],
    },
    {
      // a Google API key beside one Firebase-like key only is not a web config: still reported
      code: "export const MAPS = {\n  apiKey: 'AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF', // fake\n  projectId: 'shop-prod',\n};",
      filename: 'src/maps.ts',
      errors: [
        {
          messageId: 'credential',
          line: 2,
          column: 11,
          endLine: 2,
          endColumn: 52,
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
          endLine: 2,
          endColumn: 38,
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
          endLine: 2,
          endColumn: 91,
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
          endLine: 2,
          endColumn: 71,
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
          endLine: 2,
          endColumn: 44,
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
          endLine: 2,
          endColumn: 43,
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
          endLine: 4,
          endColumn: 31,
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
          endLine: 3,
          endColumn: 147,
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
          endLine: 5,
          endColumn: 62,
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
          endLine: 7,
          endColumn: 40,
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
      // a private JWK, and a private-key block: in a test file only with testFiles: 'all' (the strict preset)
      code: "const jwk = { kty: 'oct', k: 'fAkEq9Zt7sK2mN4pL8vR6w', alg: 'A128KW' };\nconst signingPem = '-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIFakeFAKEfake0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH9jK2lM4nP6qR8sT0uV2wX4yZ6aB8cD\\n-----END EC PRIVATE KEY-----';",
      filename: 'test/fixtures/keys.test.ts',
      options: [{ testFiles: 'all' }],
      errors: [
        { messageId: 'privateJwk', line: 1, column: 27, endLine: 1, endColumn: 54, data: { member: 'k', sink: '' } },
        {
          messageId: 'credential',
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 167,
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
          endLine: 1,
          endColumn: 71,
          data: { what: 'GitHub personal access token (classic)', redacted: 'ghp_…AiUZ' },
        },
        {
          messageId: 'credential',
          line: 2,
          column: 59,
          endLine: 2,
          endColumn: 81,
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
          endLine: 1,
          endColumn: 60,
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
      // a provider-issued token is reported in a test file and in an example tree: it is live wherever it is
      code: '// token for the nightly job: 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',
      filename: 'test/fixtures/ci.test.ts',
      errors: [
        {
          messageId: 'credential',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 71,
          data: { what: 'GitHub personal access token (classic)', redacted: 'ghp_…AiUZ' },
        },
      ],
    },
    {
      code: '// token for the nightly job: 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',
      filename: 'docs/ci.ts',
      errors: [{ messageId: 'credential', line: 1, column: 1, endLine: 1, endColumn: 71 }],
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
          endLine: 1,
          endColumn: 72,
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

// Credentials in the options of database, cache and mail clients (catalogue `credentialClients`), and
// `process.env.X || '…'` fallbacks in config modules (issue 12). Every password below is fake.
ruleTester.run('no-hardcoded-key: clients and env fallbacks', rule, {
  valid: [
    {
      // passwords from the environment, in every client
      code: "import { DataSource } from 'typeorm';\nimport { Pool } from 'pg';\nimport { Sequelize } from 'sequelize';\nimport Redis from 'ioredis';\nnew DataSource({ type: 'postgres', password: process.env.DB_PASSWORD });\nnew Pool({ connectionString: process.env.DATABASE_URL });\nnew Sequelize('shop', 'app', process.env.DB_PASS, { dialect: 'mysql' });\nnew Redis(process.env.REDIS_URL);",
      filename: 'src/db.ts',
    },
    {
      // throwaway and placeholder passwords of local development
      code: "import { Sequelize } from 'sequelize';\nimport knex from 'knex';\nnew Sequelize('shop', 'root', 'root', { dialect: 'mysql' });\nnew Sequelize('shop', 'root', '', { dialect: 'mysql' });\nknex({ client: 'pg', connection: { host: 'localhost', user: 'postgres', password: 'postgres' } });",
      filename: 'src/dev-db.ts',
    },
    {
      // a connection string without a password
      code: "import mongoose from 'mongoose';\nimport Redis from 'ioredis';\nmongoose.connect('mongodb://localhost:27017/shop');\nnew Redis('redis://cache:6379');",
      filename: 'src/db.ts',
    },
    {
      // env fallbacks that are not secrets
      code: "export const config = {\n  host: process.env.DB_HOST ?? 'localhost',\n  port: process.env.PORT || '3000',\n  env: process.env.NODE_ENV || 'development',\n  region: process.env.AWS_REGION || 'us-east-1',\n  keyId: process.env.KMS_KEY_ID || 'alias/app-key',\n};",
      filename: 'src/config.ts',
    },
    {
      // env fallbacks that are placeholders, dummies or throwaway
      code: "export const a = process.env.SESSION_SECRET || 'change-me';\nexport const b = process.env.API_KEY || 'your-api-key-here';\nexport const c = process.env.JWT_SECRET || 'test-secret';\nexport const d = process.env.DB_PASSWORD || 'postgres';\nexport const e = process.env.TOKEN_SECRET ?? '';",
      filename: 'src/config.ts',
    },
    {
      // a class that is not the pg client
      code: "class Pool { constructor(readonly o: object) {} }\nexport const p = new Pool({ size: 4, password: '' });",
      filename: 'src/pool.ts',
    },
    {
      // concatenated text that holds no key
      code: "export const greeting = 'hello ' + 'world, and more text';\nexport const api = 'https://' + 'api.fake.test/v1';",
      filename: 'src/a.ts',
    },
    {
      // a digest under a hash name, and utf8 text, through Buffer.from
      code: "export const expectedHash = Buffer.from('3f1a9c7e5b2d4f6081a3c5e7f9b1d3e5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7', 'hex');\nexport const label = Buffer.from('secret key label', 'utf8');",
      filename: 'src/a.ts',
    },
  ],
  invalid: [
    {
      // TypeORM DataSource: the password option
      code: "import { DataSource } from 'typeorm';\nexport const db = new DataSource({\n  type: 'postgres',\n  username: 'orders',\n  password: 'Qx7vR2mK9p',\n  database: 'orders',\n});",
      filename: 'src/data-source.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { DataSource } from 'typeorm';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const db = new DataSource({\n  type: 'postgres',\n  username: 'orders',\n  password: (await loadSecret('app-key')).expose().toString('utf8'),\n  database: 'orders',\n});",
            },
            {
              messageId: 'useEnv',
              output:
                "import { DataSource } from 'typeorm';\nexport const db = new DataSource({\n  type: 'postgres',\n  username: 'orders',\n  password: process.env.APP_KEY!,\n  database: 'orders',\n});",
            },
          ],
        },
      ],
    },
    {
      // TypeORM createConnection: a url with a password
      code: "import { createConnection } from 'typeorm';\nexport const connect = () => createConnection({ type: 'mysql', url: 'mysql://app:Zr4kP8wQx2@db.internal/app' });",
      filename: 'src/db.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 2,
          column: 69,
          endLine: 2,
          endColumn: 109,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "import { createConnection } from 'typeorm';\nexport const connect = () => createConnection({ type: 'mysql', url: process.env.APP_KEY! });",
            },
          ],
        },
      ],
    },
    {
      // pg Pool: a short chosen password is still a password
      code: "import { Pool } from 'pg';\nexport const pool = new Pool({ host: 'db', user: 'app', password: 'hunter22' });",
      filename: 'src/pool.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 2,
          column: 67,
          endLine: 2,
          endColumn: 77,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { Pool } from 'pg';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const pool = new Pool({ host: 'db', user: 'app', password: (await loadSecret('app-key')).expose().toString('utf8') });",
            },
            {
              messageId: 'useEnv',
              output:
                "import { Pool } from 'pg';\nexport const pool = new Pool({ host: 'db', user: 'app', password: process.env.APP_KEY! });",
            },
          ],
        },
      ],
    },
    {
      // pg Client: the options object is a const
      code: "import pg from 'pg';\nconst options = { connectionString: 'postgresql://app:Qx7vR2mK9pLs@db:5432/app' };\nexport const client = new pg.Client(options);",
      filename: 'src/client.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 2,
          column: 37,
          endLine: 2,
          endColumn: 80,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import pg from 'pg';\nimport { loadSecret } from 'keyhygiene/keys';\nconst options = { connectionString: (await loadSecret('connection-string')).expose().toString('utf8') };\nexport const client = new pg.Client(options);",
            },
            {
              messageId: 'useEnv',
              output:
                "import pg from 'pg';\nconst options = { connectionString: process.env.CONNECTION_STRING! };\nexport const client = new pg.Client(options);",
            },
          ],
        },
      ],
    },
    {
      // mysql2 createPool (CommonJS)
      code: "const mysql = require('mysql2/promise');\nmodule.exports = mysql.createPool({ host: 'db', user: 'root', password: 'Lq9vX2p7' });",
      filename: 'lib/pool.cjs',
      errors: [
        {
          messageId: 'clientCredential',
          line: 2,
          column: 73,
          endLine: 2,
          endColumn: 83,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "const mysql = require('mysql2/promise');\nmodule.exports = mysql.createPool({ host: 'db', user: 'root', password: process.env.APP_KEY });",
            },
          ],
        },
      ],
    },
    {
      // Sequelize: the positional password
      code: "import { Sequelize } from 'sequelize';\nexport const sequelize = new Sequelize('shop', 'shop_user', 'Fk3pQ9zLw2', { host: 'db', dialect: 'postgres' });",
      filename: 'src/sequelize.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 2,
          column: 61,
          endLine: 2,
          endColumn: 73,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { Sequelize } from 'sequelize';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const sequelize = new Sequelize('shop', 'shop_user', (await loadSecret('app-key')).expose().toString('utf8'), { host: 'db', dialect: 'postgres' });",
            },
            {
              messageId: 'useEnv',
              output:
                "import { Sequelize } from 'sequelize';\nexport const sequelize = new Sequelize('shop', 'shop_user', process.env.APP_KEY!, { host: 'db', dialect: 'postgres' });",
            },
          ],
        },
      ],
    },
    {
      // Sequelize: the positional password through a const
      code: "import { Sequelize } from 'sequelize';\nconst DB_PASS = 'Fk3pQ9z!w2';\nexport const sequelize = new Sequelize('shop', 'shop_user', DB_PASS, { dialect: 'mysql' });",
      filename: 'src/sequelize.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 2,
          column: 17,
          endLine: 2,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { Sequelize } from 'sequelize';\nimport { loadSecret } from 'keyhygiene/keys';\nconst DB_PASS = (await loadSecret('db-pass')).expose().toString('utf8');\nexport const sequelize = new Sequelize('shop', 'shop_user', DB_PASS, { dialect: 'mysql' });",
            },
            {
              messageId: 'useEnv',
              output:
                "import { Sequelize } from 'sequelize';\nconst DB_PASS = process.env.DB_PASS!;\nexport const sequelize = new Sequelize('shop', 'shop_user', DB_PASS, { dialect: 'mysql' });",
            },
          ],
        },
      ],
    },
    {
      // Sequelize: a connection URI
      code: "const { Sequelize } = require('sequelize');\nmodule.exports = new Sequelize('postgres://shop:Fk3pQ9zLw2@db:5432/shop', { logging: false });",
      filename: 'lib/db.js',
      errors: [
        {
          messageId: 'clientCredential',
          line: 2,
          column: 32,
          endLine: 2,
          endColumn: 73,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nconst { Sequelize } = require('sequelize');\nmodule.exports = new Sequelize((await loadSecret('app-key')).expose().toString('utf8'), { logging: false });",
            },
            {
              messageId: 'useEnv',
              output:
                "const { Sequelize } = require('sequelize');\nmodule.exports = new Sequelize(process.env.APP_KEY, { logging: false });",
            },
          ],
        },
      ],
    },
    {
      // Knex: a connection object
      code: "import knex from 'knex';\nexport const db = knex({\n  client: 'pg',\n  connection: { host: 'db', user: 'app', password: 'Zr4kP8wQx2', database: 'app' },\n});",
      filename: 'src/knex.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 4,
          column: 52,
          endLine: 4,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import knex from 'knex';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const db = knex({\n  client: 'pg',\n  connection: { host: 'db', user: 'app', password: (await loadSecret('app-key')).expose().toString('utf8'), database: 'app' },\n});",
            },
            {
              messageId: 'useEnv',
              output:
                "import knex from 'knex';\nexport const db = knex({\n  client: 'pg',\n  connection: { host: 'db', user: 'app', password: process.env.APP_KEY!, database: 'app' },\n});",
            },
          ],
        },
      ],
    },
    {
      // Knex: a connection string
      code: "import knex from 'knex';\nexport const db = knex({ client: 'mysql2', connection: 'mysql://app:Zr4kP8wQx2@db/app' });",
      filename: 'src/knex.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 2,
          column: 56,
          endLine: 2,
          endColumn: 87,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import knex from 'knex';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const db = knex({ client: 'mysql2', connection: (await loadSecret('app-key')).expose().toString('utf8') });",
            },
            {
              messageId: 'useEnv',
              output:
                "import knex from 'knex';\nexport const db = knex({ client: 'mysql2', connection: process.env.APP_KEY! });",
            },
          ],
        },
      ],
    },
    {
      // Mongoose: connect(uri)
      code: "import mongoose from 'mongoose';\nawait mongoose.connect('mongodb+srv://svc:fAkE8pw2Lq0@cluster0.fake.mongodb.net/shop');",
      filename: 'src/mongo.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 86,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import mongoose from 'mongoose';\nimport { loadSecret } from 'keyhygiene/keys';\nawait mongoose.connect((await loadSecret('app-key')).expose().toString('utf8'));",
            },
            {
              messageId: 'useEnv',
              output: "import mongoose from 'mongoose';\nawait mongoose.connect(process.env.APP_KEY!);",
            },
          ],
        },
      ],
    },
    {
      // ioredis: the password option
      code: "import Redis from 'ioredis';\nexport const redis = new Redis({ host: 'cache', port: 6379, password: 'Lw2Fk3pQ9z' });",
      filename: 'src/redis.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 2,
          column: 71,
          endLine: 2,
          endColumn: 83,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import Redis from 'ioredis';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const redis = new Redis({ host: 'cache', port: 6379, password: (await loadSecret('app-key')).expose().toString('utf8') });",
            },
            {
              messageId: 'useEnv',
              output:
                "import Redis from 'ioredis';\nexport const redis = new Redis({ host: 'cache', port: 6379, password: process.env.APP_KEY! });",
            },
          ],
        },
      ],
    },
    {
      // ioredis: a URI
      code: "import Redis from 'ioredis';\nexport const redis = new Redis('rediss://:Lw2Fk3pQ9z@cache.internal:6380/0');",
      filename: 'src/redis.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 2,
          column: 32,
          endLine: 2,
          endColumn: 76,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import Redis from 'ioredis';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const redis = new Redis((await loadSecret('app-key')).expose().toString('utf8'));",
            },
            {
              messageId: 'useEnv',
              output: "import Redis from 'ioredis';\nexport const redis = new Redis(process.env.APP_KEY!);",
            },
          ],
        },
      ],
    },
    {
      // nodemailer: auth.pass
      code: "import nodemailer from 'nodemailer';\nexport const mailer = nodemailer.createTransport({\n  host: 'smtp.fake.test',\n  port: 465,\n  auth: { user: 'alerts@fake.test', pass: 'Tq8wLp3Zx' },\n});",
      filename: 'src/mail.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 5,
          column: 43,
          endLine: 5,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import nodemailer from 'nodemailer';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const mailer = nodemailer.createTransport({\n  host: 'smtp.fake.test',\n  port: 465,\n  auth: { user: 'alerts@fake.test', pass: (await loadSecret('app-key')).expose().toString('utf8') },\n});",
            },
            {
              messageId: 'useEnv',
              output:
                "import nodemailer from 'nodemailer';\nexport const mailer = nodemailer.createTransport({\n  host: 'smtp.fake.test',\n  port: 465,\n  auth: { user: 'alerts@fake.test', pass: process.env.APP_KEY! },\n});",
            },
          ],
        },
      ],
    },
    {
      // Prisma: a datasource url in the client options
      code: "import { PrismaClient } from '@prisma/client';\nexport const prisma = new PrismaClient({ datasourceUrl: 'postgresql://app:Qx7vR2mK9p@db:5432/app' });",
      filename: 'src/prisma.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 2,
          column: 57,
          endLine: 2,
          endColumn: 98,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { PrismaClient } from '@prisma/client';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const prisma = new PrismaClient({ datasourceUrl: (await loadSecret('datasource-url')).expose().toString('utf8') });",
            },
            {
              messageId: 'useEnv',
              output:
                "import { PrismaClient } from '@prisma/client';\nexport const prisma = new PrismaClient({ datasourceUrl: process.env.DATASOURCE_URL! });",
            },
          ],
        },
      ],
    },
    {
      // env fallback (||) in a config module, a secret name
      code: "export const config = {\n  jwtSecret: process.env.JWT_SECRET || 'p9Xr2kLm8QzT4vWn',\n};",
      filename: 'src/config.ts',
      errors: [
        {
          messageId: 'fallbackSecret',
          line: 2,
          column: 40,
          endLine: 2,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nexport const config = {\n  jwtSecret: (await loadSecret('jwt-secret')).expose().toString('utf8'),\n};",
            },
            { messageId: 'useEnv', output: 'export const config = {\n  jwtSecret: process.env.JWT_SECRET,\n};' },
          ],
        },
      ],
    },
    {
      // env fallback (??), a password name
      code: "export const db = { password: process.env.DB_PASSWORD ?? 'Hq7Lp2xR9w' };",
      filename: 'src/config.ts',
      errors: [
        {
          messageId: 'fallbackSecret',
          line: 1,
          column: 58,
          endLine: 1,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nexport const db = { password: (await loadSecret('db-password')).expose().toString('utf8') };",
            },
            { messageId: 'useEnv', output: 'export const db = { password: process.env.DB_PASSWORD };' },
          ],
        },
      ],
    },
    {
      // env fallback: a short typed secret under a secret name
      code: "const SESSION_SECRET = process.env.SESSION_SECRET || 'supersecretkey123';\nexport default SESSION_SECRET;",
      filename: 'src/config.js',
      errors: [
        {
          messageId: 'fallbackSecret',
          line: 1,
          column: 54,
          endLine: 1,
          endColumn: 73,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nconst SESSION_SECRET = (await loadSecret('session-secret')).expose().toString('utf8');\nexport default SESSION_SECRET;",
            },
            {
              messageId: 'useEnv',
              output: 'const SESSION_SECRET = process.env.SESSION_SECRET;\nexport default SESSION_SECRET;',
            },
          ],
        },
      ],
    },
    {
      // a key built by concatenation is judged whole
      code: "const STRIPE_KEY = 'sk_live_' + 'fAkE0q9Zt7sK2mN4pL8vR6xW1yB5';\nexport default STRIPE_KEY;",
      filename: 'src/billing.ts',
      errors: [
        {
          messageId: 'credential',
          line: 1,
          column: 20,
          endLine: 1,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nconst STRIPE_KEY = (await loadSecret('stripe-key')).expose().toString('utf8');\nexport default STRIPE_KEY;",
            },
            { messageId: 'useEnv', output: 'const STRIPE_KEY = process.env.STRIPE_KEY!;\nexport default STRIPE_KEY;' },
          ],
        },
      ],
    },
    {
      // hex key bytes under a secret name, outside any sink
      code: "export const masterKey = Buffer.from('3f1a9c7e5b2d4f6081a3c5e7f9b1d3e5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7', 'hex');",
      filename: 'src/keys.ts',
      errors: [
        {
          messageId: 'secretName',
          line: 1,
          column: 38,
          endLine: 1,
          endColumn: 104,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nexport const masterKey = Buffer.from((await loadSecret('master-key')).expose().toString('utf8'), 'hex');",
            },
            { messageId: 'useEnv', output: "export const masterKey = Buffer.from(process.env.MASTER_KEY!, 'hex');" },
          ],
        },
      ],
    },
    {
      // base64 key bytes under a secret name
      code: "export const ENCRYPTION_KEY = Buffer.from('q3Zr8T1wLm5Xb0Yc7Nd2Vg6Hj4Kp9Rs1Uf3Ea8Wt0Io=', 'base64');",
      filename: 'src/keys.ts',
      errors: [
        {
          messageId: 'secretName',
          line: 1,
          column: 43,
          endLine: 1,
          endColumn: 89,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nexport const ENCRYPTION_KEY = Buffer.from((await loadSecret('encryption-key')).expose().toString('utf8'), 'base64');",
            },
            {
              messageId: 'useEnv',
              output: "export const ENCRYPTION_KEY = Buffer.from(process.env.ENCRYPTION_KEY!, 'base64');",
            },
          ],
        },
      ],
    },
  ],
});
