/**
 * no-hardcoded-key: values under `<word> key` names (`APP_KEY`, `ALCHEMY_KEY`, `METAMASK_KEY`), zero buffers the
 * code fills before use, env fallbacks one `const` away or joined by `+`, and hand-typed secrets with digits between
 * short words. Variants written from how public code writes each shape (Hardhat configs, AdonisJS `new Secret(…)`,
 * bot tokens, passphrases copied into `Buffer.alloc(32)`), with near misses that stay silent. Every value is FAKE.
 */
import rule from '../../rules/no-hardcoded-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-hardcoded-key (key holders, filled buffers, held fallbacks)', rule, {
  valid: [
    // lookup keys, site keys and placeholders under <word> key names stay silent
    {
      code: "export const STORAGE_KEY = 'checkout.cart.v2';\nexport const RECAPTCHA_SITE_KEY = '6LfQx2kqAAAAAJz8Vb3RnT5mWc1Hd7Yp9Ke4Gs0L';\nexport const ALCHEMY_KEY = 'KEY_HERE';\nexport const ETHERSCAN_KEY = process.env.ETHERSCAN_KEY;\nexport const i18nKey = 'checkout.payment.cardNumberLabel';\nexport const idempotencyKey = 'Qm8vT3xL9pR2wZ7nK4cY6hJ1dF5sG0aE';\nexport const COMMIT_KEY = '4f2a9c1e7b3d5f8a0c6e2b4d9f1a3c5e7b9d0f2a';",
      filename: 'src/config/keys-ok.ts',
    },
    // message ids under `…Key` names: capitalised component segments, acronyms, kebab and numbered words
    {
      code: "export const THEMES = [\n  { key: 'Dark', translateKey: 'views.Settings.Theme.midnight-blue' },\n  { key: 'Kiosk', labelKey: 'views.Settings.POS.standaloneMode' },\n];\nexport const rows = [{ titleKey: 'screens.Security.changeDuressPIN', value: 'pin' }];\nexport const offerKey = 'views.Payments.Bolt12Offer.title';\nexport const helpKey = 'HomeScreen.Wallet.ReceivePane.showQR';",
      filename: 'src/settings/menus-ok.ts',
    },
    // i18n message ids with snake_case, numbered and CONST_CASE segments or an i18next namespace, as component prop
    // defaults and option tables (session 41)
    {
      code: "export const PLAN_CARDS = [\n  { id: 'starter_2025', titleKey: 'billing.planPicker.starter_2025.title', descriptionKey: 'billing.planPicker.starter_2025.description' },\n];\nexport function InviteDialog({ headingKey = 'team.inviteDialog.invite_new_members_title', errorKey = 'team.errors.SEAT_LIMIT_REACHED.message' }) {\n  return [headingKey, errorKey];\n}\nexport const EMPTY_STATE_KEY = 'projects:emptyState.createFirst';",
      filename: 'src/features/billing/plan-cards-ok.tsx',
    },
    // notarytool's reference to a keychain item as the password fallback names where the password is (session 41)
    {
      code: "const appleIdPassword = process.env.APPLE_ID_PASSWORD || '@keychain:AC_PASSWORD';\nexport const notarizeOptions = { tool: 'notarytool', appleIdPassword, keychainPassword: '@env:NOTARY_KEYCHAIN_PASSWORD' };",
      filename: 'scripts/notarize-ok.js',
    },
    // a zero buffer the code fills (a password copied in, random bytes, a loop) is no all-zero key
    {
      code: "import { createCipheriv, randomBytes, randomFillSync } from 'node:crypto';\nexport function sealWith(passphrase: string, data: Buffer) {\n  const key = Buffer.alloc(32);\n  Buffer.from(passphrase, 'utf8').copy(key);\n  return createCipheriv('aes-256-cbc', key, randomBytes(16)).update(data);\n}\nexport function sealRandom(data: Buffer) {\n  const key = new Uint8Array(32);\n  randomFillSync(key);\n  return createCipheriv('aes-256-gcm', key, randomBytes(12)).update(data);\n}\nexport function sealLoop(secret: string, data: Buffer) {\n  const key = Buffer.alloc(16);\n  for (let i = 0; i < 16; i++) key[i] = secret.charCodeAt(i % secret.length);\n  return createCipheriv('aes-128-cbc', key, randomBytes(16)).update(data);\n}\nexport async function webKey(pin: string) {\n  const raw = new Uint8Array(32);\n  raw.set(new TextEncoder().encode(pin).slice(0, 32));\n  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);\n}",
      filename: 'src/crypto/fill-ok.ts',
    },
    // fallbacks held in a const with a placeholder or non-secret default stay silent
    {
      code: "const token = process.env.BOT_TOKEN;\nconst region = process.env.AWS_REGION;\nexport const t = token || 'changeme';\nexport const r = region ?? 'eu-central-1';\nexport const phrase = process.env.WALLET_MNEMONIC ?? 'test test test test ' + 'test test test test test test test junk';",
      filename: 'src/bot/config-ok.js',
    },
  ],
  invalid: [
    // beside a keychain reference, a typed password as the fallback is still reported (session 41)
    {
      code: "const appleIdPassword = process.env.APPLE_ID_PASSWORD || '@keychain:AC_PASSWORD';\nconst signingPassword = process.env.MAC_SIGNING_PASSWORD || 'Tr0ub4dor&3-notary';\nexport { appleIdPassword, signingPassword };",
      filename: 'scripts/notarize.js',
      errors: [
        {
          messageId: 'fallbackSecret',
          line: 2,
          column: 61,
          endLine: 2,
          endColumn: 81,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nconst appleIdPassword = process.env.APPLE_ID_PASSWORD || '@keychain:AC_PASSWORD';\nconst signingPassword = (await loadSecret('mac-signing-password')).expose().toString('utf8');\nexport { appleIdPassword, signingPassword };",
            },
            {
              messageId: 'useEnv',
              output:
                "const appleIdPassword = process.env.APPLE_ID_PASSWORD || '@keychain:AC_PASSWORD';\nconst signingPassword = process.env.MAC_SIGNING_PASSWORD;\nexport { appleIdPassword, signingPassword };",
            },
          ],
        },
      ],
    },
    // beside message ids, a machine-made value under a `…Key` name is still a key (session 41)
    {
      code: "export const widgetConfig = { titleKey: 'dashboard.usage_chart.title', pusherKey: 'Rk5vT9xQ2mW7zL3pN8cY4hJ6dF1s' };",
      filename: 'src/features/dashboard/widget-config.ts',
      errors: [
        {
          messageId: 'secretName',
          line: 1,
          column: 83,
          endLine: 1,
          endColumn: 113,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nexport const widgetConfig = { titleKey: 'dashboard.usage_chart.title', pusherKey: (await loadSecret('pusher-key')).expose().toString('utf8') };",
            },
            {
              messageId: 'useEnv',
              output:
                "export const widgetConfig = { titleKey: 'dashboard.usage_chart.title', pusherKey: process.env.PUSHER_KEY! };",
            },
          ],
        },
      ],
    },
    // <word> key names holding machine-made values: a vendor key, an app key, a 0x private key, an object member
    {
      code: "export const ALCHEMY_KEY = 'Wd4pLx8Rq2Nz6Tv1Kb9Hs3Jm7Fc0Ge5Y';\nexport const METAMASK_KEY = '0x3c9e1a7f5b2d8c4e6a0f9b1d3e5c7a9f2b4d6e8a0c1f3b5d7e9a2c4f6b8d0e1a';\nexport const appKey = 'hT7qW2zX9kL4mP8vR3nB6yC1dF5gJ0sA';\nexport const providers = { infuraKey: 'f8c3e1a9b7d54e2f8a6c0b3d9e1f7a5c' };",
      filename: 'hardhat.config.ts',
      errors: [
        {
          messageId: 'secretName',
          line: 1,
          column: 28,
          endLine: 1,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nexport const ALCHEMY_KEY = (await loadSecret('alchemy-key')).expose().toString('utf8');\nexport const METAMASK_KEY = '0x3c9e1a7f5b2d8c4e6a0f9b1d3e5c7a9f2b4d6e8a0c1f3b5d7e9a2c4f6b8d0e1a';\nexport const appKey = 'hT7qW2zX9kL4mP8vR3nB6yC1dF5gJ0sA';\nexport const providers = { infuraKey: 'f8c3e1a9b7d54e2f8a6c0b3d9e1f7a5c' };",
            },
            {
              messageId: 'useEnv',
              output:
                "export const ALCHEMY_KEY = process.env.ALCHEMY_KEY!;\nexport const METAMASK_KEY = '0x3c9e1a7f5b2d8c4e6a0f9b1d3e5c7a9f2b4d6e8a0c1f3b5d7e9a2c4f6b8d0e1a';\nexport const appKey = 'hT7qW2zX9kL4mP8vR3nB6yC1dF5gJ0sA';\nexport const providers = { infuraKey: 'f8c3e1a9b7d54e2f8a6c0b3d9e1f7a5c' };",
            },
          ],
        },
        {
          messageId: 'secretName',
          line: 2,
          column: 29,
          endLine: 2,
          endColumn: 97,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nexport const ALCHEMY_KEY = 'Wd4pLx8Rq2Nz6Tv1Kb9Hs3Jm7Fc0Ge5Y';\nexport const METAMASK_KEY = (await loadSecret('metamask-key')).expose().toString('utf8');\nexport const appKey = 'hT7qW2zX9kL4mP8vR3nB6yC1dF5gJ0sA';\nexport const providers = { infuraKey: 'f8c3e1a9b7d54e2f8a6c0b3d9e1f7a5c' };",
            },
            {
              messageId: 'useEnv',
              output:
                "export const ALCHEMY_KEY = 'Wd4pLx8Rq2Nz6Tv1Kb9Hs3Jm7Fc0Ge5Y';\nexport const METAMASK_KEY = process.env.METAMASK_KEY!;\nexport const appKey = 'hT7qW2zX9kL4mP8vR3nB6yC1dF5gJ0sA';\nexport const providers = { infuraKey: 'f8c3e1a9b7d54e2f8a6c0b3d9e1f7a5c' };",
            },
          ],
        },
        {
          messageId: 'secretName',
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nexport const ALCHEMY_KEY = 'Wd4pLx8Rq2Nz6Tv1Kb9Hs3Jm7Fc0Ge5Y';\nexport const METAMASK_KEY = '0x3c9e1a7f5b2d8c4e6a0f9b1d3e5c7a9f2b4d6e8a0c1f3b5d7e9a2c4f6b8d0e1a';\nexport const appKey = (await loadSecret('app-key')).expose().toString('utf8');\nexport const providers = { infuraKey: 'f8c3e1a9b7d54e2f8a6c0b3d9e1f7a5c' };",
            },
            {
              messageId: 'useEnv',
              output:
                "export const ALCHEMY_KEY = 'Wd4pLx8Rq2Nz6Tv1Kb9Hs3Jm7Fc0Ge5Y';\nexport const METAMASK_KEY = '0x3c9e1a7f5b2d8c4e6a0f9b1d3e5c7a9f2b4d6e8a0c1f3b5d7e9a2c4f6b8d0e1a';\nexport const appKey = process.env.APP_KEY!;\nexport const providers = { infuraKey: 'f8c3e1a9b7d54e2f8a6c0b3d9e1f7a5c' };",
            },
          ],
        },
        {
          messageId: 'secretName',
          line: 4,
          column: 39,
          endLine: 4,
          endColumn: 73,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nexport const ALCHEMY_KEY = 'Wd4pLx8Rq2Nz6Tv1Kb9Hs3Jm7Fc0Ge5Y';\nexport const METAMASK_KEY = '0x3c9e1a7f5b2d8c4e6a0f9b1d3e5c7a9f2b4d6e8a0c1f3b5d7e9a2c4f6b8d0e1a';\nexport const appKey = 'hT7qW2zX9kL4mP8vR3nB6yC1dF5gJ0sA';\nexport const providers = { infuraKey: (await loadSecret('infura-key')).expose().toString('utf8') };",
            },
            {
              messageId: 'useEnv',
              output:
                "export const ALCHEMY_KEY = 'Wd4pLx8Rq2Nz6Tv1Kb9Hs3Jm7Fc0Ge5Y';\nexport const METAMASK_KEY = '0x3c9e1a7f5b2d8c4e6a0f9b1d3e5c7a9f2b4d6e8a0c1f3b5d7e9a2c4f6b8d0e1a';\nexport const appKey = 'hT7qW2zX9kL4mP8vR3nB6yC1dF5gJ0sA';\nexport const providers = { infuraKey: process.env.INFURA_KEY! };",
            },
          ],
        },
      ],
    },
    // an all-zero key buffer that nothing fills, also after fill(0)
    {
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\nexport function seal(data: Buffer) {\n  const key = Buffer.alloc(32);\n  key.fill(0);\n  return createCipheriv('aes-256-cbc', key, randomBytes(16)).update(data);\n}",
      filename: 'src/crypto/zero.ts',
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 3,
          column: 15,
          endLine: 3,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "import { createCipheriv, randomBytes } from 'node:crypto';\nexport function seal(data: Buffer) {\n  const key = Buffer.from(process.env.ENCRYPTION_KEY!, 'base64');\n  key.fill(0);\n  return createCipheriv('aes-256-cbc', key, randomBytes(16)).update(data);\n}",
            },
          ],
        },
      ],
    },
    // fallbacks after an env read held in a const, a <word> key fallback, and a phrase joined by +
    {
      code: "const token = process.env.SLACK_BOT_TOKEN;\nexport const botToken = token || 'Zr8mQ2xL7vT4pW9nK3cB6yH1dJ5fS0gAe';\nexport const appKey = new Secret(env.get('APP_KEY') || 'Lm3vQ8xR2zT7pW4nK9cB1yH6dJ5fS0gE');\nconst SIGNER_MNEMONIC =\n  process.env.SIGNER_MNEMONIC ??\n  'ribbon sketch aware cluster panda velvet ' +\n    'orbit gentle harvest tiny wealth brisk';",
      filename: 'src/bot/config.js',
      errors: [
        {
          messageId: 'fallbackSecret',
          line: 2,
          column: 34,
          endLine: 2,
          endColumn: 69,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nconst token = process.env.SLACK_BOT_TOKEN;\nexport const botToken = (await loadSecret('slack-bot-token')).expose().toString('utf8');\nexport const appKey = new Secret(env.get('APP_KEY') || 'Lm3vQ8xR2zT7pW4nK9cB1yH6dJ5fS0gE');\nconst SIGNER_MNEMONIC =\n  process.env.SIGNER_MNEMONIC ??\n  'ribbon sketch aware cluster panda velvet ' +\n    'orbit gentle harvest tiny wealth brisk';",
            },
            {
              messageId: 'useEnv',
              output:
                "const token = process.env.SLACK_BOT_TOKEN;\nexport const botToken = token;\nexport const appKey = new Secret(env.get('APP_KEY') || 'Lm3vQ8xR2zT7pW4nK9cB1yH6dJ5fS0gE');\nconst SIGNER_MNEMONIC =\n  process.env.SIGNER_MNEMONIC ??\n  'ribbon sketch aware cluster panda velvet ' +\n    'orbit gentle harvest tiny wealth brisk';",
            },
          ],
        },
        {
          messageId: 'fallbackSecret',
          line: 3,
          column: 56,
          endLine: 3,
          endColumn: 90,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nconst token = process.env.SLACK_BOT_TOKEN;\nexport const botToken = token || 'Zr8mQ2xL7vT4pW9nK3cB6yH1dJ5fS0gAe';\nexport const appKey = new Secret((await loadSecret('app-key')).expose().toString('utf8'));\nconst SIGNER_MNEMONIC =\n  process.env.SIGNER_MNEMONIC ??\n  'ribbon sketch aware cluster panda velvet ' +\n    'orbit gentle harvest tiny wealth brisk';",
            },
            {
              messageId: 'useEnv',
              output:
                "const token = process.env.SLACK_BOT_TOKEN;\nexport const botToken = token || 'Zr8mQ2xL7vT4pW9nK3cB6yH1dJ5fS0gAe';\nexport const appKey = new Secret(env.get('APP_KEY'));\nconst SIGNER_MNEMONIC =\n  process.env.SIGNER_MNEMONIC ??\n  'ribbon sketch aware cluster panda velvet ' +\n    'orbit gentle harvest tiny wealth brisk';",
            },
          ],
        },
        {
          messageId: 'fallbackSecret',
          line: 6,
          column: 3,
          endLine: 7,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nconst token = process.env.SLACK_BOT_TOKEN;\nexport const botToken = token || 'Zr8mQ2xL7vT4pW9nK3cB6yH1dJ5fS0gAe';\nexport const appKey = new Secret(env.get('APP_KEY') || 'Lm3vQ8xR2zT7pW4nK9cB1yH6dJ5fS0gE');\nconst SIGNER_MNEMONIC =\n  (await loadSecret('signer-mnemonic')).expose().toString('utf8');",
            },
            {
              messageId: 'useEnv',
              output:
                "const token = process.env.SLACK_BOT_TOKEN;\nexport const botToken = token || 'Zr8mQ2xL7vT4pW9nK3cB6yH1dJ5fS0gAe';\nexport const appKey = new Secret(env.get('APP_KEY') || 'Lm3vQ8xR2zT7pW4nK9cB1yH6dJ5fS0gE');\nconst SIGNER_MNEMONIC =\n  process.env.SIGNER_MNEMONIC;",
            },
          ],
        },
      ],
    },
    // a hand-typed secret with digits between short words is no camelCase identifier
    {
      code: "export const session = { secret: process.env.SESSION_SECRET, fallback: 'x' };\nexport const auth = { jwtSecret: 'q4Tm8Zk2Wr6Lp9Xn3Bv7Hc1Jd5Fs0Ga' };",
      filename: 'src/auth/settings.ts',
      errors: [
        {
          messageId: 'secretName',
          line: 2,
          column: 34,
          endLine: 2,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nexport const session = { secret: process.env.SESSION_SECRET, fallback: 'x' };\nexport const auth = { jwtSecret: (await loadSecret('jwt-secret')).expose().toString('utf8') };",
            },
            {
              messageId: 'useEnv',
              output:
                "export const session = { secret: process.env.SESSION_SECRET, fallback: 'x' };\nexport const auth = { jwtSecret: process.env.JWT_SECRET! };",
            },
          ],
        },
      ],
    },
  ],
});
