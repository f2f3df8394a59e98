/**
 * no-hardcoded-key: key literals no sink reads and no secret name announces alone. Fallbacks after configuration
 * reads other than the environment (react-native-config, NestJS ConfigService, Pulumi config, settings objects),
 * typed dev secrets (`'<app>-dev-<random>'`) under secret names, key bytes decoded from hex or base64 under key
 * names, and Koa-style key lists. Variants written from how public code writes each shape, with near misses.
 */
import rule from '../../rules/no-hardcoded-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-hardcoded-key (config fallbacks, key bytes, key lists)', rule, {
  valid: [
    // config reads with non-secret defaults, empty and placeholder secrets
    {
      code: "import Config from 'react-native-config';\ndeclare const settings: { smtp?: { password?: string }; session?: { secret?: string } };\ndeclare const cfg: { get(k: string): string | undefined };\nexport const base = Config.API_URL ?? 'https://api.example.dev';\nexport const smtpPassword = settings.smtp?.password ?? '';\nexport const placeholder = settings.session?.secret ?? 'changeme';\nexport const region = cfg.get('region') ?? 'eu-west-1';\nexport const bucket = cfg.get('bucketName') ?? 'orders-exports-51c2e7a9b04d4f0c8e3a';",
      filename: 'src/config/defaults.ts',
    },
    // hex bytes that are no key: a digest constant, a file magic, a public key, an IV length
    {
      code: "const EMPTY_SHA256 = Buffer.from('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'hex');\nconst PNG_MAGIC = Buffer.from('89504e470d0a1a0a', 'hex');\nexport const SERVER_PUBLIC_KEY = Buffer.from('9f8e6d0a18c47d65b9a2feaa0c55ad019f8e6d0a18c47d65b9a2feaa0c55ad01', 'hex');\nexport const isEmpty = (h: Buffer) => h.equals(EMPTY_SHA256) || h.subarray(0, 8).equals(PNG_MAGIC);\nexport const ZERO_KEY = Buffer.from('00000000000000000000000000000000', 'hex');",
      filename: 'src/bytes-ok.ts',
    },
    // key lists read from the environment, search keys
    {
      code: "const Koa = require('koa');\nconst app = new Koa();\napp.keys = [process.env.SESSION_KEY, process.env.SESSION_KEY_OLD];\nconst search = { keys: ['title', 'author.name', 'tags'] };\nmodule.exports = { app, search };",
      filename: 'src/lists-ok.js',
    },
    // lists of identifiers named *_KEYS (challenge or cache keys), camelCase with a digit: no key ring
    {
      code:
        "export const CHALLENGE_KEYS = ['restfulXssChallenge', 'web3WalletChallenge', 'web3SandboxChallenge'];\n" +
        "export const CACHE_KEYS = ['userProfile2024Snapshot', 'orderSummary'];",
      filename: 'src/models/challenge.ts',
    },
  ],
  invalid: [
    // react-native-config read with a literal fallback in client headers
    {
      code: "import Config from 'react-native-config';\nimport axios from 'axios';\nexport const api = axios.create({\n  baseURL: Config.API_URL ?? 'https://api.example.dev',\n  headers: { 'x-api-key': Config.API_KEY ?? 'k9Qw3Lr7Zt2Xv8Mn4Bp6Hs1Jd5Fg0Ya' },\n});",
      filename: 'src/api/client.ts',
      errors: [
        {
          messageId: 'fallbackSecret',
          line: 5,
          column: 45,
          endLine: 5,
          endColumn: 78,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import Config from 'react-native-config';\nimport axios from 'axios';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const api = axios.create({\n  baseURL: Config.API_URL ?? 'https://api.example.dev',\n  headers: { 'x-api-key': (await loadSecret('api-key')).expose().toString('utf8') },\n});",
            },
            {
              messageId: 'useEnv',
              output:
                "import Config from 'react-native-config';\nimport axios from 'axios';\nexport const api = axios.create({\n  baseURL: Config.API_URL ?? 'https://api.example.dev',\n  headers: { 'x-api-key': Config.API_KEY },\n});",
            },
          ],
        },
      ],
    },
    // NestJS ConfigService read with a typed dev secret as fallback
    {
      code: "import { ConfigService } from '@nestjs/config';\nexport const jwtOptions = (config: ConfigService) => ({\n  secret: config.get<string>('auth.jwtSecret') ?? 'orders-dev-51c2e7a9b04d4f0c8e3a',\n  signOptions: { expiresIn: config.get<string>('auth.expiresIn') ?? '1h' },\n});",
      filename: 'src/auth/jwt-options.ts',
      errors: [
        {
          messageId: 'fallbackSecret',
          line: 3,
          column: 51,
          endLine: 3,
          endColumn: 84,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "import { ConfigService } from '@nestjs/config';\nexport const jwtOptions = (config: ConfigService) => ({\n  secret: config.get<string>('auth.jwtSecret'),\n  signOptions: { expiresIn: config.get<string>('auth.expiresIn') ?? '1h' },\n});",
            },
          ],
        },
      ],
    },
    // Pulumi config password with a literal default
    {
      code: "import * as pulumi from '@pulumi/pulumi';\nconst cfg = new pulumi.Config();\nexport const db = {\n  username: cfg.get('dbUser') ?? 'orders',\n  password: cfg.get('dbPassword') ?? 'Pg-Adm1n-2023!x',\n};",
      filename: 'infra/db.ts',
      errors: [
        {
          messageId: 'fallbackSecret',
          line: 5,
          column: 38,
          endLine: 5,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import * as pulumi from '@pulumi/pulumi';\nimport { loadSecret } from 'keyhygiene/keys';\nconst cfg = new pulumi.Config();\nexport const db = {\n  username: cfg.get('dbUser') ?? 'orders',\n  password: (await loadSecret('db-password')).expose().toString('utf8'),\n};",
            },
            {
              messageId: 'useEnv',
              output:
                "import * as pulumi from '@pulumi/pulumi';\nconst cfg = new pulumi.Config();\nexport const db = {\n  username: cfg.get('dbUser') ?? 'orders',\n  password: cfg.get('dbPassword'),\n};",
            },
          ],
        },
      ],
    },
    // a settings object read with || and a process.env read with a typed dev secret
    {
      code: "declare const settings: { session?: { secret?: string } };\nexport const sessionSecret = settings.session?.secret || 'e3b9c1d47a2f4c6b9d8e0f1a5c7b9d2e';\nexport const cookieSecret = process.env.COOKIE_SECRET ?? 'shop-cookie-7d1e9a3c5b2f4e6a8c0d';",
      filename: 'src/config/session.ts',
      errors: [
        {
          messageId: 'fallbackSecret',
          line: 2,
          column: 58,
          endLine: 2,
          endColumn: 92,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\ndeclare const settings: { session?: { secret?: string } };\nexport const sessionSecret = (await loadSecret('app-key')).expose().toString('utf8');\nexport const cookieSecret = process.env.COOKIE_SECRET ?? 'shop-cookie-7d1e9a3c5b2f4e6a8c0d';",
            },
            {
              messageId: 'useEnv',
              output:
                "declare const settings: { session?: { secret?: string } };\nexport const sessionSecret = settings.session?.secret;\nexport const cookieSecret = process.env.COOKIE_SECRET ?? 'shop-cookie-7d1e9a3c5b2f4e6a8c0d';",
            },
          ],
        },
        {
          messageId: 'fallbackSecret',
          line: 3,
          column: 58,
          endLine: 3,
          endColumn: 92,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\ndeclare const settings: { session?: { secret?: string } };\nexport const sessionSecret = settings.session?.secret || 'e3b9c1d47a2f4c6b9d8e0f1a5c7b9d2e';\nexport const cookieSecret = (await loadSecret('cookie-secret')).expose().toString('utf8');",
            },
            {
              messageId: 'useEnv',
              output:
                "declare const settings: { session?: { secret?: string } };\nexport const sessionSecret = settings.session?.secret || 'e3b9c1d47a2f4c6b9d8e0f1a5c7b9d2e';\nexport const cookieSecret = process.env.COOKIE_SECRET;",
            },
          ],
        },
      ],
    },
    // key bytes decoded from hex under key names, also wrapped and as an env default
    {
      code: "const ARCHIVE_KEY = Buffer.from('4c1f0a9d3e7b52c86f1d0e9a7b3c5d2e8f4a6b1c9d0e2f3a5b7c9d1e3f5a7b9c', 'hex');\nexport const archiveKey = () => ARCHIVE_KEY;\nexport const relayer = {\n  address: '0x5a0b54d5dc17e0aadc383d2db43b0a0d3e029c4c',\n  privateKey: Uint8Array.from(Buffer.from('8da4ef21b864d2cc526dbdb2a120bd2874c36c9d0a1fb7f8c63d7f7a8b41de8f', 'hex')),\n};\nexport const exportsCfg = {\n  key: process.env.EXPORT_KEY ?? Buffer.from('2b7e151628aed2a6abf7158809cf4f3c2b7e151628aed2a6abf7158809cf4f3d', 'hex'),\n};",
      filename: 'src/keys/bytes.ts',
      errors: [
        {
          messageId: 'secretName',
          line: 1,
          column: 33,
          endLine: 1,
          endColumn: 99,
        },
        {
          messageId: 'secretName',
          line: 5,
          column: 43,
          endLine: 5,
          endColumn: 109,
        },
        {
          messageId: 'secretName',
          line: 8,
          column: 46,
          endLine: 8,
          endColumn: 112,
        },
      ],
    },
    // a seed decoded from base64 under a seed name
    {
      code: "const DEV_SEED = Buffer.from('q9Lw2Zr8Tv4Xm6Nb1Kc7Hd3Jf5Gs0Ya2Ue9Wp4Ro8Ii=', 'base64');\nmodule.exports = { DEV_SEED };",
      filename: 'src/wallet/seed.js',
      errors: [
        {
          messageId: 'secretName',
          line: 1,
          column: 30,
          endLine: 1,
          endColumn: 76,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nconst DEV_SEED = Buffer.from((await loadSecret('dev-seed')).expose().toString('utf8'), 'base64');\nmodule.exports = { DEV_SEED };",
            },
            {
              messageId: 'useEnv',
              output: "const DEV_SEED = Buffer.from(process.env.DEV_SEED, 'base64');\nmodule.exports = { DEV_SEED };",
            },
          ],
        },
      ],
    },
    // a Koa key list with a typed key
    {
      code: "const Koa = require('koa');\nconst app = new Koa();\napp.keys = ['shop-sess-7f3a91c2d8e44b0a9c1e', 'shop-sess-old-2b8d4f6a0c9e'];\nmodule.exports = app;",
      filename: 'src/server.js',
      errors: [
        {
          messageId: 'secretName',
          line: 3,
          column: 13,
          endLine: 3,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nconst Koa = require('koa');\nconst app = new Koa();\napp.keys = [(await loadSecret('app-key')).expose().toString('utf8'), 'shop-sess-old-2b8d4f6a0c9e'];\nmodule.exports = app;",
            },
            {
              messageId: 'useEnv',
              output:
                "const Koa = require('koa');\nconst app = new Koa();\napp.keys = [process.env.APP_KEY, 'shop-sess-old-2b8d4f6a0c9e'];\nmodule.exports = app;",
            },
          ],
        },
      ],
    },
  ],
});
