/**
 * no-hardcoded-key: coverage derived from the credential APIs' documentation (session 23, issue 11), not from corpus
 * misses. Keys reaching a key sink through library codecs (noble `hexToBytes`/`utf8ToBytes`, `atob`, base58), through
 * same-file helpers (a parameterless function that returns the key, a literal handed to a helper's parameter), through
 * literal records, Maps, keyring arrays, joined arrays and constructor parameter-property defaults; and the credential
 * slots of clients added to the catalogue from their docs (Postmark, LDAP bind, Vault, Azure, viem, web3.js, ecpair,
 * ethers SigningKey, express-basic-auth, csrf-csrf, cookie-signature, discord.js). Near misses from the same APIs stay
 * silent: keys from the environment, from `randomBytes`/`generatePrivateKey`, filled buffers, test placeholders and
 * a Supabase anon key. Every value is FAKE.
 */
import rule from '../../rules/no-hardcoded-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-hardcoded-key (credential APIs from their docs)', rule, {
  valid: [
    // decoded key text from the environment, a filled buffer, a key made at run time: no literal key
    {
      code: "import { gcm } from '@noble/ciphers/aes.js';\nimport { hexToBytes } from '@noble/ciphers/utils.js';\nimport sodium from 'libsodium-wrappers';\nexport const sealA = (m: Uint8Array, n: Uint8Array) => gcm(hexToBytes(process.env.DATA_KEY_HEX!), n).encrypt(m);\nconst filled = new Uint8Array(32);\ncrypto.getRandomValues(filled);\nexport const sealB = (m: Uint8Array, n: Uint8Array) => gcm(filled, n).encrypt(m);\nexport const sealC = (m: Uint8Array, n: Uint8Array) => sodium.crypto_secretbox_easy(m, n, sodium.crypto_secretbox_keygen());",
      filename: 'src/crypto/seal-ok.ts',
    },
    // helpers and records that hand over keys from the environment or from randomBytes
    {
      code: "import { createHmac, createCipheriv, randomBytes } from 'node:crypto';\nfunction mac(key: string, body: string) {\n  return createHmac('sha256', key).update(body).digest('hex');\n}\nexport const sig = (b: string) => mac(process.env.WEBHOOK_SECRET!, b);\nfunction freshKey() {\n  return randomBytes(32);\n}\nexport const enc = (d: Buffer) => createCipheriv('aes-256-gcm', freshKey(), randomBytes(12)).update(d);\nconst tenantKeys: Record<string, string | undefined> = { acme: process.env.ACME_HOOK_KEY, globex: process.env.GLOBEX_HOOK_KEY };\nexport const tenantSig = (t: string, b: string) => createHmac('sha256', tenantKeys[t]!).update(b).digest('hex');\nconst ring = new Map([['v1', process.env.HOOK_KEY_V1!]]);\nexport const ringSig = (b: string) => createHmac('sha256', ring.get('v1')!).update(b).digest('hex');",
      filename: 'src/webhooks/sign-ok.ts',
    },
    // client slots given configuration, generated keys and test placeholders
    {
      code: "import * as postmark from 'postmark';\nimport { Client } from 'ldapts';\nimport { privateKeyToAccount, generatePrivateKey } from 'viem/accounts';\nimport basicAuth from 'express-basic-auth';\nimport { doubleCsrf } from 'csrf-csrf';\nimport vault from 'node-vault';\nexport const mail = new postmark.ServerClient('POSTMARK_API_TEST');\nconst ldap = new Client({ url: 'ldaps://dir.corp.test' });\nexport const bind = (dn: string) => ldap.bind(dn, process.env.LDAP_BIND_PASSWORD!);\nexport const burner = privateKeyToAccount(generatePrivateKey());\nexport const guard = basicAuth({ users: { admin: process.env.ADMIN_PASSWORD! } });\nexport const csrf = doubleCsrf({ getSecret: (req: { session: { csrf: string } }) => req.session.csrf });\nexport const v = vault({ endpoint: 'https://vault.corp.test:8200', token: process.env.VAULT_TOKEN });",
      filename: 'src/clients/ok.ts',
    },
    // a Supabase anon key is public by design (the service-role key is not)
    {
      code: "import { createClient } from '@supabase/supabase-js';\nexport const supabase = createClient('https://qzkxwtfbhmnlpcvdjsro.supabase.co', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF6a3h3dGZiaG1ubHBjdmRqc3JvIiwicm9sZSI6ImFub24iLCJpYXQiOjE3MDAwMDAwMDB9.ZmFrZS1zaWduYXR1cmUtZmFrZS1mYWtlLXNpZw');",
      filename: 'src/lib/supabase-ok.ts',
    },
  ],
  invalid: [
    // key text decoded by a library codec before it reaches the cipher or MAC
    {
      code: "import { gcm } from '@noble/ciphers/aes.js';\nimport { hexToBytes } from '@noble/ciphers/utils.js';\nimport { hmac } from '@noble/hashes/hmac.js';\nimport { sha256 } from '@noble/hashes/sha2.js';\nimport { utf8ToBytes } from '@noble/hashes/utils.js';\nexport const seal = (m: Uint8Array, n: Uint8Array) => gcm(hexToBytes('9c2e41b86f5a0d7c3e9b1f4a6d2c8e0b5f7a3d9c1e6b4f8a2d0c7e5b937d3f0a'), n).encrypt(m);\nexport const mac = (m: Uint8Array) => hmac(sha256, utf8ToBytes('Hx4Tq8Wz2Lm6Kp9Rv3Nc7Bd1Jf5Gs0Ya'), m);",
      filename: 'src/crypto/seal.ts',
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 6,
          column: 70,
          endLine: 6,
          endColumn: 136,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "import { gcm } from '@noble/ciphers/aes.js';\nimport { hexToBytes } from '@noble/ciphers/utils.js';\nimport { hmac } from '@noble/hashes/hmac.js';\nimport { sha256 } from '@noble/hashes/sha2.js';\nimport { utf8ToBytes } from '@noble/hashes/utils.js';\nexport const seal = (m: Uint8Array, n: Uint8Array) => gcm(hexToBytes(Buffer.from(process.env.ENCRYPTION_KEY!, 'hex')), n).encrypt(m);\nexport const mac = (m: Uint8Array) => hmac(sha256, utf8ToBytes('Hx4Tq8Wz2Lm6Kp9Rv3Nc7Bd1Jf5Gs0Ya'), m);",
            },
          ],
        },
        {
          messageId: 'clientCredential',
          line: 7,
          column: 64,
          endLine: 7,
          endColumn: 98,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "import { gcm } from '@noble/ciphers/aes.js';\nimport { hexToBytes } from '@noble/ciphers/utils.js';\nimport { hmac } from '@noble/hashes/hmac.js';\nimport { sha256 } from '@noble/hashes/sha2.js';\nimport { utf8ToBytes } from '@noble/hashes/utils.js';\nexport const seal = (m: Uint8Array, n: Uint8Array) => gcm(hexToBytes('9c2e41b86f5a0d7c3e9b1f4a6d2c8e0b5f7a3d9c1e6b4f8a2d0c7e5b937d3f0a'), n).encrypt(m);\nexport const mac = (m: Uint8Array) => hmac(sha256, utf8ToBytes(process.env.APP_KEY!), m);",
            },
          ],
        },
      ],
    },
    // atob and base58 decoders in front of a JWT secret and a Solana secret key
    {
      code: "import jwt from 'jsonwebtoken';\nimport { Keypair } from '@solana/web3.js';\nimport bs58 from 'bs58';\nexport const issue = (sub: string) => jwt.sign({ sub }, atob('SHg0VHE4V3oyTG02S3A5UnYzTmM3QmQxSmY1R3MwWWE='));\nexport const payer = Keypair.fromSecretKey(bs58.decode('3Zk8dT5LqW2xN9vR7mB4cH6jF1gS0aE8uY2iO5pQ7wX3zC9vB6nM4kL1jH8gF5dS2aP7oI0uY3tR6eW9qA1zX'));",
      filename: 'src/auth/tokens.ts',
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 4,
          column: 62,
          endLine: 4,
          endColumn: 108,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "import jwt from 'jsonwebtoken';\nimport { Keypair } from '@solana/web3.js';\nimport bs58 from 'bs58';\nexport const issue = (sub: string) => jwt.sign({ sub }, atob(Buffer.from(process.env.JWT_SECRET!, 'base64')));\nexport const payer = Keypair.fromSecretKey(bs58.decode('3Zk8dT5LqW2xN9vR7mB4cH6jF1gS0aE8uY2iO5pQ7wX3zC9vB6nM4kL1jH8gF5dS2aP7oI0uY3tR6eW9qA1zX'));",
            },
          ],
        },
        {
          messageId: 'clientCredential',
          line: 5,
          column: 56,
          endLine: 5,
          endColumn: 143,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import jwt from 'jsonwebtoken';\nimport { Keypair } from '@solana/web3.js';\nimport bs58 from 'bs58';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const issue = (sub: string) => jwt.sign({ sub }, atob('SHg0VHE4V3oyTG02S3A5UnYzTmM3QmQxSmY1R3MwWWE='));\nexport const payer = Keypair.fromSecretKey(bs58.decode((await loadSecret('app-key')).expose().toString('utf8')));",
            },
            {
              messageId: 'useEnv',
              output:
                "import jwt from 'jsonwebtoken';\nimport { Keypair } from '@solana/web3.js';\nimport bs58 from 'bs58';\nexport const issue = (sub: string) => jwt.sign({ sub }, atob('SHg0VHE4V3oyTG02S3A5UnYzTmM3QmQxSmY1R3MwWWE='));\nexport const payer = Keypair.fromSecretKey(bs58.decode(Buffer.from(process.env.APP_KEY!, 'base64')));",
            },
          ],
        },
      ],
    },
    // a parameterless helper that returns the key, and a literal handed to a same-file helper
    {
      code: "import jwt from 'jsonwebtoken';\nimport { createHmac } from 'node:crypto';\nfunction signingSecret() {\n  return 'Rt5Kw9Zx3Lq7Mp2Vn8Bc4Hd6Jf1Gs0Ya';\n}\nexport const issue = (sub: string) => jwt.sign({ sub }, signingSecret());\nfunction macWith(key: string, body: string) {\n  return createHmac('sha256', key).update(body).digest('hex');\n}\nexport const sig = (b: string) => macWith('Pq3Xz8Lm5Wt2Kr9Vn6Bc1Hd4Jf7Gs0Ya', b);",
      filename: 'src/auth/signing.ts',
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "import jwt from 'jsonwebtoken';\nimport { createHmac } from 'node:crypto';\nfunction signingSecret() {\n  return process.env.JWT_SECRET!;\n}\nexport const issue = (sub: string) => jwt.sign({ sub }, signingSecret());\nfunction macWith(key: string, body: string) {\n  return createHmac('sha256', key).update(body).digest('hex');\n}\nexport const sig = (b: string) => macWith('Pq3Xz8Lm5Wt2Kr9Vn6Bc1Hd4Jf7Gs0Ya', b);",
            },
          ],
        },
        {
          messageId: 'hardcodedKey',
          line: 10,
          column: 43,
          endLine: 10,
          endColumn: 77,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "import jwt from 'jsonwebtoken';\nimport { createHmac } from 'node:crypto';\nfunction signingSecret() {\n  return 'Rt5Kw9Zx3Lq7Mp2Vn8Bc4Hd6Jf1Gs0Ya';\n}\nexport const issue = (sub: string) => jwt.sign({ sub }, signingSecret());\nfunction macWith(key: string, body: string) {\n  return createHmac('sha256', key).update(body).digest('hex');\n}\nexport const sig = (b: string) => macWith(process.env.HMAC_KEY!, b);",
            },
          ],
        },
      ],
    },
    // keys in a run-time-indexed record, a literal Map, a keyring array and a joined array
    {
      code: "import { createHmac } from 'node:crypto';\nimport jwt from 'jsonwebtoken';\nconst tenantKeys: Record<string, string> = { acme: 'Ws6Ty1Ux4Vz9Lk3Mp7Nq2Rb8Hc5Jd0Fg' };\nexport const tenantSig = (t: string, b: string) => createHmac('sha256', tenantKeys[t]!).update(b).digest('hex');\nconst hooks = new Map<string, string>([['globex', 'Yb3Nc8Vd1Xe6Wf4Kg9Lh2Mj7Pk5Qm0Rn']]);\nexport const hookSig = (b: string) => createHmac('sha256', hooks.get('globex')!).update(b).digest('hex');\nconst KEYRING = ['Za7Xb2Yc5Wd9Ve4Uf1Tg8Sh3Ri6Qj0Pk'];\nexport const issue = (sub: string) => jwt.sign({ sub }, KEYRING[0]);\nconst material = ['Gm4Hn9Jp2Kq', '7Lr3Ms8Nt1Pv6Qw'].join('');\nexport const issue2 = (sub: string) => jwt.sign({ sub }, material);",
      filename: 'src/webhooks/keys.ts',
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 3,
          column: 52,
          endLine: 3,
          endColumn: 86,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { createHmac } from 'node:crypto';\nimport jwt from 'jsonwebtoken';\nimport { loadSecret } from 'keyhygiene/keys';\nconst tenantKeys: Record<string, string> = { acme: (await loadSecret('hmac-key')).expose() };\nexport const tenantSig = (t: string, b: string) => createHmac('sha256', tenantKeys[t]!).update(b).digest('hex');\nconst hooks = new Map<string, string>([['globex', 'Yb3Nc8Vd1Xe6Wf4Kg9Lh2Mj7Pk5Qm0Rn']]);\nexport const hookSig = (b: string) => createHmac('sha256', hooks.get('globex')!).update(b).digest('hex');\nconst KEYRING = ['Za7Xb2Yc5Wd9Ve4Uf1Tg8Sh3Ri6Qj0Pk'];\nexport const issue = (sub: string) => jwt.sign({ sub }, KEYRING[0]);\nconst material = ['Gm4Hn9Jp2Kq', '7Lr3Ms8Nt1Pv6Qw'].join('');\nexport const issue2 = (sub: string) => jwt.sign({ sub }, material);",
            },
            {
              messageId: 'useEnv',
              output:
                "import { createHmac } from 'node:crypto';\nimport jwt from 'jsonwebtoken';\nconst tenantKeys: Record<string, string> = { acme: process.env.HMAC_KEY! };\nexport const tenantSig = (t: string, b: string) => createHmac('sha256', tenantKeys[t]!).update(b).digest('hex');\nconst hooks = new Map<string, string>([['globex', 'Yb3Nc8Vd1Xe6Wf4Kg9Lh2Mj7Pk5Qm0Rn']]);\nexport const hookSig = (b: string) => createHmac('sha256', hooks.get('globex')!).update(b).digest('hex');\nconst KEYRING = ['Za7Xb2Yc5Wd9Ve4Uf1Tg8Sh3Ri6Qj0Pk'];\nexport const issue = (sub: string) => jwt.sign({ sub }, KEYRING[0]);\nconst material = ['Gm4Hn9Jp2Kq', '7Lr3Ms8Nt1Pv6Qw'].join('');\nexport const issue2 = (sub: string) => jwt.sign({ sub }, material);",
            },
          ],
        },
        {
          messageId: 'hardcodedKey',
          line: 5,
          column: 51,
          endLine: 5,
          endColumn: 85,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { createHmac } from 'node:crypto';\nimport jwt from 'jsonwebtoken';\nimport { loadSecret } from 'keyhygiene/keys';\nconst tenantKeys: Record<string, string> = { acme: 'Ws6Ty1Ux4Vz9Lk3Mp7Nq2Rb8Hc5Jd0Fg' };\nexport const tenantSig = (t: string, b: string) => createHmac('sha256', tenantKeys[t]!).update(b).digest('hex');\nconst hooks = new Map<string, string>([['globex', (await loadSecret('hmac-key')).expose()]]);\nexport const hookSig = (b: string) => createHmac('sha256', hooks.get('globex')!).update(b).digest('hex');\nconst KEYRING = ['Za7Xb2Yc5Wd9Ve4Uf1Tg8Sh3Ri6Qj0Pk'];\nexport const issue = (sub: string) => jwt.sign({ sub }, KEYRING[0]);\nconst material = ['Gm4Hn9Jp2Kq', '7Lr3Ms8Nt1Pv6Qw'].join('');\nexport const issue2 = (sub: string) => jwt.sign({ sub }, material);",
            },
            {
              messageId: 'useEnv',
              output:
                "import { createHmac } from 'node:crypto';\nimport jwt from 'jsonwebtoken';\nconst tenantKeys: Record<string, string> = { acme: 'Ws6Ty1Ux4Vz9Lk3Mp7Nq2Rb8Hc5Jd0Fg' };\nexport const tenantSig = (t: string, b: string) => createHmac('sha256', tenantKeys[t]!).update(b).digest('hex');\nconst hooks = new Map<string, string>([['globex', process.env.HMAC_KEY!]]);\nexport const hookSig = (b: string) => createHmac('sha256', hooks.get('globex')!).update(b).digest('hex');\nconst KEYRING = ['Za7Xb2Yc5Wd9Ve4Uf1Tg8Sh3Ri6Qj0Pk'];\nexport const issue = (sub: string) => jwt.sign({ sub }, KEYRING[0]);\nconst material = ['Gm4Hn9Jp2Kq', '7Lr3Ms8Nt1Pv6Qw'].join('');\nexport const issue2 = (sub: string) => jwt.sign({ sub }, material);",
            },
          ],
        },
        {
          messageId: 'hardcodedKey',
          line: 7,
          column: 18,
          endLine: 7,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { createHmac } from 'node:crypto';\nimport jwt from 'jsonwebtoken';\nimport { loadSecret } from 'keyhygiene/keys';\nconst tenantKeys: Record<string, string> = { acme: 'Ws6Ty1Ux4Vz9Lk3Mp7Nq2Rb8Hc5Jd0Fg' };\nexport const tenantSig = (t: string, b: string) => createHmac('sha256', tenantKeys[t]!).update(b).digest('hex');\nconst hooks = new Map<string, string>([['globex', 'Yb3Nc8Vd1Xe6Wf4Kg9Lh2Mj7Pk5Qm0Rn']]);\nexport const hookSig = (b: string) => createHmac('sha256', hooks.get('globex')!).update(b).digest('hex');\nconst KEYRING = [(await loadSecret('jwt-secret')).expose()];\nexport const issue = (sub: string) => jwt.sign({ sub }, KEYRING[0]);\nconst material = ['Gm4Hn9Jp2Kq', '7Lr3Ms8Nt1Pv6Qw'].join('');\nexport const issue2 = (sub: string) => jwt.sign({ sub }, material);",
            },
            {
              messageId: 'useEnv',
              output:
                "import { createHmac } from 'node:crypto';\nimport jwt from 'jsonwebtoken';\nconst tenantKeys: Record<string, string> = { acme: 'Ws6Ty1Ux4Vz9Lk3Mp7Nq2Rb8Hc5Jd0Fg' };\nexport const tenantSig = (t: string, b: string) => createHmac('sha256', tenantKeys[t]!).update(b).digest('hex');\nconst hooks = new Map<string, string>([['globex', 'Yb3Nc8Vd1Xe6Wf4Kg9Lh2Mj7Pk5Qm0Rn']]);\nexport const hookSig = (b: string) => createHmac('sha256', hooks.get('globex')!).update(b).digest('hex');\nconst KEYRING = [process.env.JWT_SECRET!];\nexport const issue = (sub: string) => jwt.sign({ sub }, KEYRING[0]);\nconst material = ['Gm4Hn9Jp2Kq', '7Lr3Ms8Nt1Pv6Qw'].join('');\nexport const issue2 = (sub: string) => jwt.sign({ sub }, material);",
            },
          ],
        },
        {
          messageId: 'hardcodedKey',
          line: 9,
          column: 18,
          endLine: 9,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { createHmac } from 'node:crypto';\nimport jwt from 'jsonwebtoken';\nimport { loadSecret } from 'keyhygiene/keys';\nconst tenantKeys: Record<string, string> = { acme: 'Ws6Ty1Ux4Vz9Lk3Mp7Nq2Rb8Hc5Jd0Fg' };\nexport const tenantSig = (t: string, b: string) => createHmac('sha256', tenantKeys[t]!).update(b).digest('hex');\nconst hooks = new Map<string, string>([['globex', 'Yb3Nc8Vd1Xe6Wf4Kg9Lh2Mj7Pk5Qm0Rn']]);\nexport const hookSig = (b: string) => createHmac('sha256', hooks.get('globex')!).update(b).digest('hex');\nconst KEYRING = ['Za7Xb2Yc5Wd9Ve4Uf1Tg8Sh3Ri6Qj0Pk'];\nexport const issue = (sub: string) => jwt.sign({ sub }, KEYRING[0]);\nconst material = (await loadSecret('jwt-secret')).expose();\nexport const issue2 = (sub: string) => jwt.sign({ sub }, material);",
            },
            {
              messageId: 'useEnv',
              output:
                "import { createHmac } from 'node:crypto';\nimport jwt from 'jsonwebtoken';\nconst tenantKeys: Record<string, string> = { acme: 'Ws6Ty1Ux4Vz9Lk3Mp7Nq2Rb8Hc5Jd0Fg' };\nexport const tenantSig = (t: string, b: string) => createHmac('sha256', tenantKeys[t]!).update(b).digest('hex');\nconst hooks = new Map<string, string>([['globex', 'Yb3Nc8Vd1Xe6Wf4Kg9Lh2Mj7Pk5Qm0Rn']]);\nexport const hookSig = (b: string) => createHmac('sha256', hooks.get('globex')!).update(b).digest('hex');\nconst KEYRING = ['Za7Xb2Yc5Wd9Ve4Uf1Tg8Sh3Ri6Qj0Pk'];\nexport const issue = (sub: string) => jwt.sign({ sub }, KEYRING[0]);\nconst material = process.env.JWT_SECRET!;\nexport const issue2 = (sub: string) => jwt.sign({ sub }, material);",
            },
          ],
        },
      ],
    },
    // a constructor parameter property with a default key: reported as a fallback (the default of a parameter)
    {
      code: "import jwt from 'jsonwebtoken';\nexport class TokenService {\n  constructor(private readonly hs = 'Fc8Gd3He7Jf2Kg6Lh1Mj9Nk4Pl0Qm5Rn') {}\n  issue(sub: string) {\n    return jwt.sign({ sub }, this.hs);\n  }\n}",
      filename: 'src/auth/token-service.ts',
      errors: [
        {
          messageId: 'fallbackKey',
          line: 3,
          column: 37,
          endLine: 3,
          endColumn: 71,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "import jwt from 'jsonwebtoken';\nexport class TokenService {\n  constructor(private readonly hs = process.env.JWT_SECRET!) {}\n  issue(sub: string) {\n    return jwt.sign({ sub }, this.hs);\n  }\n}",
            },
          ],
        },
      ],
    },
    // credential slots from the clients docs: Postmark token, LDAP bind, Vault token, Azure secret
    {
      code: "import * as postmark from 'postmark';\nimport { Client } from 'ldapts';\nimport vault from 'node-vault';\nimport { ClientSecretCredential } from '@azure/identity';\nexport const mail = new postmark.ServerClient('6b1e9d3a-4c7f-4a2e-9b8d-0f1e2d3c4b5a');\nconst ldap = new Client({ url: 'ldaps://dir.corp.test' });\nexport const bind = () => ldap.bind('cn=svc,dc=corp,dc=test', 'Tg5Wq2Lp8x');\nexport const v = vault({ endpoint: 'https://vault.corp.test:8200', token: 'hvs.CAESIJq3Lw8Vn2Xz5Kt9Rm4Bp7Hc1Df6Gs' });\nexport const az = new ClientSecretCredential('tenant-id', 'client-id', 'Qx8~Lk2vP.w9Rz4mN6xT_b3Jc7dF1gH5yS0uE');",
      filename: 'src/clients/ops.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 5,
          column: 47,
          endLine: 5,
          endColumn: 85,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import * as postmark from 'postmark';\nimport { Client } from 'ldapts';\nimport vault from 'node-vault';\nimport { ClientSecretCredential } from '@azure/identity';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const mail = new postmark.ServerClient((await loadSecret('app-key')).expose().toString('utf8'));\nconst ldap = new Client({ url: 'ldaps://dir.corp.test' });\nexport const bind = () => ldap.bind('cn=svc,dc=corp,dc=test', 'Tg5Wq2Lp8x');\nexport const v = vault({ endpoint: 'https://vault.corp.test:8200', token: 'hvs.CAESIJq3Lw8Vn2Xz5Kt9Rm4Bp7Hc1Df6Gs' });\nexport const az = new ClientSecretCredential('tenant-id', 'client-id', 'Qx8~Lk2vP.w9Rz4mN6xT_b3Jc7dF1gH5yS0uE');",
            },
            {
              messageId: 'useEnv',
              output:
                "import * as postmark from 'postmark';\nimport { Client } from 'ldapts';\nimport vault from 'node-vault';\nimport { ClientSecretCredential } from '@azure/identity';\nexport const mail = new postmark.ServerClient(process.env.APP_KEY!);\nconst ldap = new Client({ url: 'ldaps://dir.corp.test' });\nexport const bind = () => ldap.bind('cn=svc,dc=corp,dc=test', 'Tg5Wq2Lp8x');\nexport const v = vault({ endpoint: 'https://vault.corp.test:8200', token: 'hvs.CAESIJq3Lw8Vn2Xz5Kt9Rm4Bp7Hc1Df6Gs' });\nexport const az = new ClientSecretCredential('tenant-id', 'client-id', 'Qx8~Lk2vP.w9Rz4mN6xT_b3Jc7dF1gH5yS0uE');",
            },
          ],
        },
        {
          messageId: 'clientCredential',
          line: 7,
          column: 63,
          endLine: 7,
          endColumn: 75,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "import * as postmark from 'postmark';\nimport { Client } from 'ldapts';\nimport vault from 'node-vault';\nimport { ClientSecretCredential } from '@azure/identity';\nexport const mail = new postmark.ServerClient('6b1e9d3a-4c7f-4a2e-9b8d-0f1e2d3c4b5a');\nconst ldap = new Client({ url: 'ldaps://dir.corp.test' });\nexport const bind = () => ldap.bind('cn=svc,dc=corp,dc=test', process.env.APP_KEY!);\nexport const v = vault({ endpoint: 'https://vault.corp.test:8200', token: 'hvs.CAESIJq3Lw8Vn2Xz5Kt9Rm4Bp7Hc1Df6Gs' });\nexport const az = new ClientSecretCredential('tenant-id', 'client-id', 'Qx8~Lk2vP.w9Rz4mN6xT_b3Jc7dF1gH5yS0uE');",
            },
          ],
        },
        {
          messageId: 'clientCredential',
          line: 8,
          column: 75,
          endLine: 8,
          endColumn: 115,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import * as postmark from 'postmark';\nimport { Client } from 'ldapts';\nimport vault from 'node-vault';\nimport { ClientSecretCredential } from '@azure/identity';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const mail = new postmark.ServerClient('6b1e9d3a-4c7f-4a2e-9b8d-0f1e2d3c4b5a');\nconst ldap = new Client({ url: 'ldaps://dir.corp.test' });\nexport const bind = () => ldap.bind('cn=svc,dc=corp,dc=test', 'Tg5Wq2Lp8x');\nexport const v = vault({ endpoint: 'https://vault.corp.test:8200', token: (await loadSecret('app-key')).expose().toString('utf8') });\nexport const az = new ClientSecretCredential('tenant-id', 'client-id', 'Qx8~Lk2vP.w9Rz4mN6xT_b3Jc7dF1gH5yS0uE');",
            },
            {
              messageId: 'useEnv',
              output:
                "import * as postmark from 'postmark';\nimport { Client } from 'ldapts';\nimport vault from 'node-vault';\nimport { ClientSecretCredential } from '@azure/identity';\nexport const mail = new postmark.ServerClient('6b1e9d3a-4c7f-4a2e-9b8d-0f1e2d3c4b5a');\nconst ldap = new Client({ url: 'ldaps://dir.corp.test' });\nexport const bind = () => ldap.bind('cn=svc,dc=corp,dc=test', 'Tg5Wq2Lp8x');\nexport const v = vault({ endpoint: 'https://vault.corp.test:8200', token: process.env.APP_KEY! });\nexport const az = new ClientSecretCredential('tenant-id', 'client-id', 'Qx8~Lk2vP.w9Rz4mN6xT_b3Jc7dF1gH5yS0uE');",
            },
          ],
        },
        {
          messageId: 'clientCredential',
          line: 9,
          column: 72,
          endLine: 9,
          endColumn: 111,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import * as postmark from 'postmark';\nimport { Client } from 'ldapts';\nimport vault from 'node-vault';\nimport { ClientSecretCredential } from '@azure/identity';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const mail = new postmark.ServerClient('6b1e9d3a-4c7f-4a2e-9b8d-0f1e2d3c4b5a');\nconst ldap = new Client({ url: 'ldaps://dir.corp.test' });\nexport const bind = () => ldap.bind('cn=svc,dc=corp,dc=test', 'Tg5Wq2Lp8x');\nexport const v = vault({ endpoint: 'https://vault.corp.test:8200', token: 'hvs.CAESIJq3Lw8Vn2Xz5Kt9Rm4Bp7Hc1Df6Gs' });\nexport const az = new ClientSecretCredential('tenant-id', 'client-id', (await loadSecret('app-key')).expose().toString('utf8'));",
            },
            {
              messageId: 'useEnv',
              output:
                "import * as postmark from 'postmark';\nimport { Client } from 'ldapts';\nimport vault from 'node-vault';\nimport { ClientSecretCredential } from '@azure/identity';\nexport const mail = new postmark.ServerClient('6b1e9d3a-4c7f-4a2e-9b8d-0f1e2d3c4b5a');\nconst ldap = new Client({ url: 'ldaps://dir.corp.test' });\nexport const bind = () => ldap.bind('cn=svc,dc=corp,dc=test', 'Tg5Wq2Lp8x');\nexport const v = vault({ endpoint: 'https://vault.corp.test:8200', token: 'hvs.CAESIJq3Lw8Vn2Xz5Kt9Rm4Bp7Hc1Df6Gs' });\nexport const az = new ClientSecretCredential('tenant-id', 'client-id', process.env.APP_KEY!);",
            },
          ],
        },
      ],
    },
    // wallet keys: viem, web3.js, ecpair, ethers SigningKey
    {
      code: "import { privateKeyToAccount } from 'viem/accounts';\nimport Web3 from 'web3';\nimport { ECPairFactory } from 'ecpair';\nimport { SigningKey } from 'ethers';\nexport const a = privateKeyToAccount('0x4f8a2d0c7e5b937d3f0a9c2e41b86f5a0d7c3e9b1f4a6d2c8e0b5f7a3d9c1e6b');\nconst web3 = new Web3('https://rpc.chain.test');\nexport const b = web3.eth.accounts.privateKeyToAccount('0x2c8e0b5f7a3d9c1e6b4f8a2d0c7e5b937d3f0a9c2e41b86f5a0d7c3e9b1f4a6d');\nconst ECPair = ECPairFactory(ecc);\nexport const c = ECPair.fromPrivateKey(Buffer.from('7e5b937d3f0a9c2e41b86f5a0d7c3e9b1f4a6d2c8e0b5f7a3d9c1e6b4f8a2d0c', 'hex'));\nexport const d = new SigningKey('0x1f4a6d2c8e0b5f7a3d9c1e6b4f8a2d0c7e5b937d3f0a9c2e41b86f5a0d7c3e9b');",
      filename: 'src/chain/signers.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 5,
          column: 38,
          endLine: 5,
          endColumn: 106,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { privateKeyToAccount } from 'viem/accounts';\nimport Web3 from 'web3';\nimport { ECPairFactory } from 'ecpair';\nimport { SigningKey } from 'ethers';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const a = privateKeyToAccount((await loadSecret('app-key')).expose().toString('utf8'));\nconst web3 = new Web3('https://rpc.chain.test');\nexport const b = web3.eth.accounts.privateKeyToAccount('0x2c8e0b5f7a3d9c1e6b4f8a2d0c7e5b937d3f0a9c2e41b86f5a0d7c3e9b1f4a6d');\nconst ECPair = ECPairFactory(ecc);\nexport const c = ECPair.fromPrivateKey(Buffer.from('7e5b937d3f0a9c2e41b86f5a0d7c3e9b1f4a6d2c8e0b5f7a3d9c1e6b4f8a2d0c', 'hex'));\nexport const d = new SigningKey('0x1f4a6d2c8e0b5f7a3d9c1e6b4f8a2d0c7e5b937d3f0a9c2e41b86f5a0d7c3e9b');",
            },
            {
              messageId: 'useEnv',
              output:
                "import { privateKeyToAccount } from 'viem/accounts';\nimport Web3 from 'web3';\nimport { ECPairFactory } from 'ecpair';\nimport { SigningKey } from 'ethers';\nexport const a = privateKeyToAccount(process.env.APP_KEY!);\nconst web3 = new Web3('https://rpc.chain.test');\nexport const b = web3.eth.accounts.privateKeyToAccount('0x2c8e0b5f7a3d9c1e6b4f8a2d0c7e5b937d3f0a9c2e41b86f5a0d7c3e9b1f4a6d');\nconst ECPair = ECPairFactory(ecc);\nexport const c = ECPair.fromPrivateKey(Buffer.from('7e5b937d3f0a9c2e41b86f5a0d7c3e9b1f4a6d2c8e0b5f7a3d9c1e6b4f8a2d0c', 'hex'));\nexport const d = new SigningKey('0x1f4a6d2c8e0b5f7a3d9c1e6b4f8a2d0c7e5b937d3f0a9c2e41b86f5a0d7c3e9b');",
            },
          ],
        },
        {
          messageId: 'clientCredential',
          line: 7,
          column: 56,
          endLine: 7,
          endColumn: 124,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { privateKeyToAccount } from 'viem/accounts';\nimport Web3 from 'web3';\nimport { ECPairFactory } from 'ecpair';\nimport { SigningKey } from 'ethers';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const a = privateKeyToAccount('0x4f8a2d0c7e5b937d3f0a9c2e41b86f5a0d7c3e9b1f4a6d2c8e0b5f7a3d9c1e6b');\nconst web3 = new Web3('https://rpc.chain.test');\nexport const b = web3.eth.accounts.privateKeyToAccount((await loadSecret('app-key')).expose().toString('utf8'));\nconst ECPair = ECPairFactory(ecc);\nexport const c = ECPair.fromPrivateKey(Buffer.from('7e5b937d3f0a9c2e41b86f5a0d7c3e9b1f4a6d2c8e0b5f7a3d9c1e6b4f8a2d0c', 'hex'));\nexport const d = new SigningKey('0x1f4a6d2c8e0b5f7a3d9c1e6b4f8a2d0c7e5b937d3f0a9c2e41b86f5a0d7c3e9b');",
            },
            {
              messageId: 'useEnv',
              output:
                "import { privateKeyToAccount } from 'viem/accounts';\nimport Web3 from 'web3';\nimport { ECPairFactory } from 'ecpair';\nimport { SigningKey } from 'ethers';\nexport const a = privateKeyToAccount('0x4f8a2d0c7e5b937d3f0a9c2e41b86f5a0d7c3e9b1f4a6d2c8e0b5f7a3d9c1e6b');\nconst web3 = new Web3('https://rpc.chain.test');\nexport const b = web3.eth.accounts.privateKeyToAccount(process.env.APP_KEY!);\nconst ECPair = ECPairFactory(ecc);\nexport const c = ECPair.fromPrivateKey(Buffer.from('7e5b937d3f0a9c2e41b86f5a0d7c3e9b1f4a6d2c8e0b5f7a3d9c1e6b4f8a2d0c', 'hex'));\nexport const d = new SigningKey('0x1f4a6d2c8e0b5f7a3d9c1e6b4f8a2d0c7e5b937d3f0a9c2e41b86f5a0d7c3e9b');",
            },
          ],
        },
        {
          messageId: 'clientCredential',
          line: 9,
          column: 52,
          endLine: 9,
          endColumn: 118,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { privateKeyToAccount } from 'viem/accounts';\nimport Web3 from 'web3';\nimport { ECPairFactory } from 'ecpair';\nimport { SigningKey } from 'ethers';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const a = privateKeyToAccount('0x4f8a2d0c7e5b937d3f0a9c2e41b86f5a0d7c3e9b1f4a6d2c8e0b5f7a3d9c1e6b');\nconst web3 = new Web3('https://rpc.chain.test');\nexport const b = web3.eth.accounts.privateKeyToAccount('0x2c8e0b5f7a3d9c1e6b4f8a2d0c7e5b937d3f0a9c2e41b86f5a0d7c3e9b1f4a6d');\nconst ECPair = ECPairFactory(ecc);\nexport const c = ECPair.fromPrivateKey((await loadSecret('app-key')).expose().toString('utf8'));\nexport const d = new SigningKey('0x1f4a6d2c8e0b5f7a3d9c1e6b4f8a2d0c7e5b937d3f0a9c2e41b86f5a0d7c3e9b');",
            },
            {
              messageId: 'useEnv',
              output:
                "import { privateKeyToAccount } from 'viem/accounts';\nimport Web3 from 'web3';\nimport { ECPairFactory } from 'ecpair';\nimport { SigningKey } from 'ethers';\nexport const a = privateKeyToAccount('0x4f8a2d0c7e5b937d3f0a9c2e41b86f5a0d7c3e9b1f4a6d2c8e0b5f7a3d9c1e6b');\nconst web3 = new Web3('https://rpc.chain.test');\nexport const b = web3.eth.accounts.privateKeyToAccount('0x2c8e0b5f7a3d9c1e6b4f8a2d0c7e5b937d3f0a9c2e41b86f5a0d7c3e9b1f4a6d');\nconst ECPair = ECPairFactory(ecc);\nexport const c = ECPair.fromPrivateKey(Buffer.from(process.env.APP_KEY!, 'hex'));\nexport const d = new SigningKey('0x1f4a6d2c8e0b5f7a3d9c1e6b4f8a2d0c7e5b937d3f0a9c2e41b86f5a0d7c3e9b');",
            },
          ],
        },
        {
          messageId: 'clientCredential',
          line: 10,
          column: 33,
          endLine: 10,
          endColumn: 101,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { privateKeyToAccount } from 'viem/accounts';\nimport Web3 from 'web3';\nimport { ECPairFactory } from 'ecpair';\nimport { SigningKey } from 'ethers';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const a = privateKeyToAccount('0x4f8a2d0c7e5b937d3f0a9c2e41b86f5a0d7c3e9b1f4a6d2c8e0b5f7a3d9c1e6b');\nconst web3 = new Web3('https://rpc.chain.test');\nexport const b = web3.eth.accounts.privateKeyToAccount('0x2c8e0b5f7a3d9c1e6b4f8a2d0c7e5b937d3f0a9c2e41b86f5a0d7c3e9b1f4a6d');\nconst ECPair = ECPairFactory(ecc);\nexport const c = ECPair.fromPrivateKey(Buffer.from('7e5b937d3f0a9c2e41b86f5a0d7c3e9b1f4a6d2c8e0b5f7a3d9c1e6b4f8a2d0c', 'hex'));\nexport const d = new SigningKey((await loadSecret('app-key')).expose().toString('utf8'));",
            },
            {
              messageId: 'useEnv',
              output:
                "import { privateKeyToAccount } from 'viem/accounts';\nimport Web3 from 'web3';\nimport { ECPairFactory } from 'ecpair';\nimport { SigningKey } from 'ethers';\nexport const a = privateKeyToAccount('0x4f8a2d0c7e5b937d3f0a9c2e41b86f5a0d7c3e9b1f4a6d2c8e0b5f7a3d9c1e6b');\nconst web3 = new Web3('https://rpc.chain.test');\nexport const b = web3.eth.accounts.privateKeyToAccount('0x2c8e0b5f7a3d9c1e6b4f8a2d0c7e5b937d3f0a9c2e41b86f5a0d7c3e9b1f4a6d');\nconst ECPair = ECPairFactory(ecc);\nexport const c = ECPair.fromPrivateKey(Buffer.from('7e5b937d3f0a9c2e41b86f5a0d7c3e9b1f4a6d2c8e0b5f7a3d9c1e6b4f8a2d0c', 'hex'));\nexport const d = new SigningKey(process.env.APP_KEY!);",
            },
          ],
        },
      ],
    },
    // express-basic-auth users, a csrf-csrf secret function, a cookie-signature secret, Discord login
    {
      code: "import basicAuth from 'express-basic-auth';\nimport { doubleCsrf } from 'csrf-csrf';\nimport { sign } from 'cookie-signature';\nimport { Client } from 'discord.js';\nexport const guard = basicAuth({ users: { admin: 'Mv7Rx2Kq9p' } });\nexport const csrf = doubleCsrf({ getSecret: () => 'Dj6Kf1Lg8Mh3Nj5Pk0Ql7Rm2Sn9Tp4Vq' });\nexport const signed = (v: string) => sign(v, 'Bw2Cx7Dy4Ez9Fa1Gb6Hc3Jd8Ke5Lf0Mg');\nconst bot = new Client({ intents: [] });\nexport const start = () => bot.login('MTk4NjIyNDgzNDcxOTI1MjQ4.Gv7KqP.Xq2LmZ8rT4wN6bH1jC5vF9dS3aE7uY0iO2pK');",
      filename: 'src/server/middleware.ts',
      errors: [
        {
          messageId: 'clientCredential',
          line: 5,
          column: 50,
          endLine: 5,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import basicAuth from 'express-basic-auth';\nimport { doubleCsrf } from 'csrf-csrf';\nimport { sign } from 'cookie-signature';\nimport { Client } from 'discord.js';\nimport { loadSecret } from 'keyhygiene/keys';\nexport const guard = basicAuth({ users: { admin: (await loadSecret('app-key')).expose().toString('utf8') } });\nexport const csrf = doubleCsrf({ getSecret: () => 'Dj6Kf1Lg8Mh3Nj5Pk0Ql7Rm2Sn9Tp4Vq' });\nexport const signed = (v: string) => sign(v, 'Bw2Cx7Dy4Ez9Fa1Gb6Hc3Jd8Ke5Lf0Mg');\nconst bot = new Client({ intents: [] });\nexport const start = () => bot.login('MTk4NjIyNDgzNDcxOTI1MjQ4.Gv7KqP.Xq2LmZ8rT4wN6bH1jC5vF9dS3aE7uY0iO2pK');",
            },
            {
              messageId: 'useEnv',
              output:
                "import basicAuth from 'express-basic-auth';\nimport { doubleCsrf } from 'csrf-csrf';\nimport { sign } from 'cookie-signature';\nimport { Client } from 'discord.js';\nexport const guard = basicAuth({ users: { admin: process.env.APP_KEY! } });\nexport const csrf = doubleCsrf({ getSecret: () => 'Dj6Kf1Lg8Mh3Nj5Pk0Ql7Rm2Sn9Tp4Vq' });\nexport const signed = (v: string) => sign(v, 'Bw2Cx7Dy4Ez9Fa1Gb6Hc3Jd8Ke5Lf0Mg');\nconst bot = new Client({ intents: [] });\nexport const start = () => bot.login('MTk4NjIyNDgzNDcxOTI1MjQ4.Gv7KqP.Xq2LmZ8rT4wN6bH1jC5vF9dS3aE7uY0iO2pK');",
            },
          ],
        },
        {
          messageId: 'clientCredential',
          line: 6,
          column: 51,
          endLine: 6,
          endColumn: 85,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "import basicAuth from 'express-basic-auth';\nimport { doubleCsrf } from 'csrf-csrf';\nimport { sign } from 'cookie-signature';\nimport { Client } from 'discord.js';\nexport const guard = basicAuth({ users: { admin: 'Mv7Rx2Kq9p' } });\nexport const csrf = doubleCsrf({ getSecret: () => process.env.APP_KEY! });\nexport const signed = (v: string) => sign(v, 'Bw2Cx7Dy4Ez9Fa1Gb6Hc3Jd8Ke5Lf0Mg');\nconst bot = new Client({ intents: [] });\nexport const start = () => bot.login('MTk4NjIyNDgzNDcxOTI1MjQ4.Gv7KqP.Xq2LmZ8rT4wN6bH1jC5vF9dS3aE7uY0iO2pK');",
            },
          ],
        },
        {
          messageId: 'clientCredential',
          line: 7,
          column: 46,
          endLine: 7,
          endColumn: 80,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "import basicAuth from 'express-basic-auth';\nimport { doubleCsrf } from 'csrf-csrf';\nimport { sign } from 'cookie-signature';\nimport { Client } from 'discord.js';\nexport const guard = basicAuth({ users: { admin: 'Mv7Rx2Kq9p' } });\nexport const csrf = doubleCsrf({ getSecret: () => 'Dj6Kf1Lg8Mh3Nj5Pk0Ql7Rm2Sn9Tp4Vq' });\nexport const signed = (v: string) => sign(v, process.env.APP_KEY!);\nconst bot = new Client({ intents: [] });\nexport const start = () => bot.login('MTk4NjIyNDgzNDcxOTI1MjQ4.Gv7KqP.Xq2LmZ8rT4wN6bH1jC5vF9dS3aE7uY0iO2pK');",
            },
          ],
        },
        {
          messageId: 'clientCredential',
          line: 9,
          column: 38,
          endLine: 9,
          endColumn: 108,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "import basicAuth from 'express-basic-auth';\nimport { doubleCsrf } from 'csrf-csrf';\nimport { sign } from 'cookie-signature';\nimport { Client } from 'discord.js';\nexport const guard = basicAuth({ users: { admin: 'Mv7Rx2Kq9p' } });\nexport const csrf = doubleCsrf({ getSecret: () => 'Dj6Kf1Lg8Mh3Nj5Pk0Ql7Rm2Sn9Tp4Vq' });\nexport const signed = (v: string) => sign(v, 'Bw2Cx7Dy4Ez9Fa1Gb6Hc3Jd8Ke5Lf0Mg');\nconst bot = new Client({ intents: [] });\nexport const start = () => bot.login(process.env.APP_KEY!);",
            },
          ],
        },
      ],
    },
  ],
});
