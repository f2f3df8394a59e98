/**
 * no-weak-key-size: algorithm options named for what they select, written inline in calls to libraries no
 * catalogue site lists (openpgp `rsaBits`, Azure Key Vault `keySize`, `RSA1_5` in Azure's CryptographyClient and
 * node-jose), enum members named for a role, modulus sizes under names outside the old closed list
 * (`DH_PRIME_BITS`, `primeLength`), and elliptic's small curves. Variants written from how those libraries are
 * called in public code, and PBKDF2 over HMAC-MD5 (no approved PRF, NIST SP 800-132 §5.3; HMAC-SHA-1 stays
 * silent); the near misses are what the same code writes and is fine.
 */
import rule from '../../rules/no-weak-key-size.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-weak-key-size (inline options, enums, setting names)', rule, {
  valid: [
    // valid: openpgp and Azure key sizes at or above 2048, an LRU cache's keySize, a comparison with 'RSA1_5', OAEP wrapping
    {
      code: "import * as openpgp from 'openpgp';\nimport { KeyClient, CryptographyClient } from '@azure/keyvault-keys';\nimport { LRUCache } from 'lru-cache';\n\nexport const pgp = (name: string, email: string) =>\n  openpgp.generateKey({ type: 'rsa', rsaBits: 4096, userIDs: [{ name, email }] });\nexport const hsm = (client: KeyClient) => client.createRsaKey('signing', { keySize: 3072, hsm: true });\nexport const wrap = (c: CryptographyClient, dek: Uint8Array) => c.wrapKey('RSA-OAEP-256', dek);\nexport const cache = new LRUCache<string, Buffer>({ max: 500, keySize: 1024 });\nexport const isLegacy = (alg: string) => alg === 'RSA1_5';\n",
      filename: 'src/keys/ok-options.ts',
    },
    // valid: enums that list algorithm names (each member spells its value), a strong curve in elliptic, a prime-size bound
    {
      code: "import { ec as EC } from 'elliptic';\n\nexport enum JweKeyAlgorithm {\n  RSA1_5 = 'RSA1_5',\n  RSA_OAEP_256 = 'RSA-OAEP-256',\n}\nexport enum CipherName {\n  DES_EDE3_CBC = 'des-ede3-cbc',\n  AES_256_GCM = 'aes-256-gcm',\n}\nexport const secp = new EC('secp256k1');\nexport const MAX_PRIME_SIZE = 100;\nexport const primeSize = 64;\n",
      filename: 'src/crypto/names.ts',
    },
  ],
  invalid: [
    // openpgp key generation with a 1024-bit RSA modulus (options named for what they select, in a library no site lists)
    {
      code: "import * as openpgp from 'openpgp';\n\nexport async function createUserKey(name: string, email: string, passphrase: string) {\n  const { privateKey, publicKey } = await openpgp.generateKey({\n    type: 'rsa',\n    rsaBits: 1024,\n    userIDs: [{ name, email }],\n    passphrase,\n  });\n  return { privateKey, publicKey };\n}\n",
      filename: 'src/pgp/keys.ts',
      errors: [
        {
          messageId: 'smallModulus',
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import * as openpgp from 'openpgp';\n\nexport async function createUserKey(name: string, email: string, passphrase: string) {\n  const { privateKey, publicKey } = await openpgp.generateKey({\n    type: 'rsa',\n    rsaBits: 3072,\n    userIDs: [{ name, email }],\n    passphrase,\n  });\n  return { privateKey, publicKey };\n}\n",
            },
          ],
        },
      ],
    },
    // Azure Key Vault RSA keys of 1024 bits: createRsaKey and createKey with a keySize option
    {
      code: "import { DefaultAzureCredential } from '@azure/identity';\nimport { KeyClient } from '@azure/keyvault-keys';\n\nconst client = new KeyClient(process.env.VAULT_URL!, new DefaultAzureCredential());\n\nexport async function provision(tenant: string) {\n  await client.createRsaKey(`${tenant}-sign`, { keySize: 1024 });\n  await client.createKey(`${tenant}-wrap`, 'RSA', { keySize: 1024, keyOps: ['wrapKey', 'unwrapKey'] });\n}\n",
      filename: 'src/azure/vault-keys.ts',
      errors: [
        {
          messageId: 'smallModulus',
          line: 7,
          column: 58,
          endLine: 7,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import { DefaultAzureCredential } from '@azure/identity';\nimport { KeyClient } from '@azure/keyvault-keys';\n\nconst client = new KeyClient(process.env.VAULT_URL!, new DefaultAzureCredential());\n\nexport async function provision(tenant: string) {\n  await client.createRsaKey(`${tenant}-sign`, { keySize: 3072 });\n  await client.createKey(`${tenant}-wrap`, 'RSA', { keySize: 1024, keyOps: ['wrapKey', 'unwrapKey'] });\n}\n",
            },
          ],
        },
        {
          messageId: 'smallModulus',
          line: 8,
          column: 62,
          endLine: 8,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import { DefaultAzureCredential } from '@azure/identity';\nimport { KeyClient } from '@azure/keyvault-keys';\n\nconst client = new KeyClient(process.env.VAULT_URL!, new DefaultAzureCredential());\n\nexport async function provision(tenant: string) {\n  await client.createRsaKey(`${tenant}-sign`, { keySize: 1024 });\n  await client.createKey(`${tenant}-wrap`, 'RSA', { keySize: 3072, keyOps: ['wrapKey', 'unwrapKey'] });\n}\n",
            },
          ],
        },
      ],
    },
    // RSA1_5 key transport through Azure's CryptographyClient and node-jose's createEncrypt fields
    {
      code: "const { CryptographyClient } = require('@azure/keyvault-keys');\nconst jose = require('node-jose');\n\nasync function wrapDataKey(client, dataKey) {\n  const { result } = await client.wrapKey('RSA1_5', dataKey);\n  return result;\n}\nasync function sealForPartner(client, plaintext) {\n  return client.encrypt({ algorithm: 'RSA1_5', plaintext });\n}\nasync function jweFor(key, payload) {\n  return jose.JWE.createEncrypt({ format: 'compact', fields: { alg: 'RSA1_5' } }, key).update(payload).final();\n}\nmodule.exports = { wrapDataKey, sealForPartner, jweFor };\n",
      filename: 'src/azure/wrap.js',
      errors: [
        {
          messageId: 'pkcs1Padding',
          line: 5,
          column: 43,
          endLine: 5,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "const { CryptographyClient } = require('@azure/keyvault-keys');\nconst jose = require('node-jose');\n\nasync function wrapDataKey(client, dataKey) {\n  const { result } = await client.wrapKey('RSA-OAEP-256', dataKey);\n  return result;\n}\nasync function sealForPartner(client, plaintext) {\n  return client.encrypt({ algorithm: 'RSA1_5', plaintext });\n}\nasync function jweFor(key, payload) {\n  return jose.JWE.createEncrypt({ format: 'compact', fields: { alg: 'RSA1_5' } }, key).update(payload).final();\n}\nmodule.exports = { wrapDataKey, sealForPartner, jweFor };\n",
            },
          ],
        },
        {
          messageId: 'pkcs1Padding',
          line: 9,
          column: 38,
          endLine: 9,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "const { CryptographyClient } = require('@azure/keyvault-keys');\nconst jose = require('node-jose');\n\nasync function wrapDataKey(client, dataKey) {\n  const { result } = await client.wrapKey('RSA1_5', dataKey);\n  return result;\n}\nasync function sealForPartner(client, plaintext) {\n  return client.encrypt({ algorithm: 'RSA-OAEP-256', plaintext });\n}\nasync function jweFor(key, payload) {\n  return jose.JWE.createEncrypt({ format: 'compact', fields: { alg: 'RSA1_5' } }, key).update(payload).final();\n}\nmodule.exports = { wrapDataKey, sealForPartner, jweFor };\n",
            },
          ],
        },
        {
          messageId: 'pkcs1Padding',
          line: 12,
          column: 69,
          endLine: 12,
          endColumn: 77,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "const { CryptographyClient } = require('@azure/keyvault-keys');\nconst jose = require('node-jose');\n\nasync function wrapDataKey(client, dataKey) {\n  const { result } = await client.wrapKey('RSA1_5', dataKey);\n  return result;\n}\nasync function sealForPartner(client, plaintext) {\n  return client.encrypt({ algorithm: 'RSA1_5', plaintext });\n}\nasync function jweFor(key, payload) {\n  return jose.JWE.createEncrypt({ format: 'compact', fields: { alg: 'RSA-OAEP-256' } }, key).update(payload).final();\n}\nmodule.exports = { wrapDataKey, sealForPartner, jweFor };\n",
            },
          ],
        },
      ],
    },
    // enum members named for a role choose a weak cipher, curve or key size
    {
      code: "export enum EncryptionAlgorithm {\n  Legacy = 'des-ede3-cbc',\n  Default = 'aes-256-gcm',\n}\nexport enum EcCurve {\n  Compact = 'secp192k1',\n  Standard = 'prime256v1',\n}\nexport enum RsaKeySizes {\n  Fast = 1024,\n  Safe = 3072,\n}\n",
      filename: 'src/crypto/choices.ts',
      errors: [
        {
          messageId: 'weakCipher',
          line: 2,
          column: 12,
          endLine: 2,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "export enum EncryptionAlgorithm {\n  Legacy = 'aes-256-gcm',\n  Default = 'aes-256-gcm',\n}\nexport enum EcCurve {\n  Compact = 'secp192k1',\n  Standard = 'prime256v1',\n}\nexport enum RsaKeySizes {\n  Fast = 1024,\n  Safe = 3072,\n}\n",
            },
          ],
        },
        {
          messageId: 'weakCurve',
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "export enum EncryptionAlgorithm {\n  Legacy = 'des-ede3-cbc',\n  Default = 'aes-256-gcm',\n}\nexport enum EcCurve {\n  Compact = 'prime256v1',\n  Standard = 'prime256v1',\n}\nexport enum RsaKeySizes {\n  Fast = 1024,\n  Safe = 3072,\n}\n",
            },
          ],
        },
        {
          messageId: 'smallModulus',
          line: 10,
          column: 10,
          endLine: 10,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "export enum EncryptionAlgorithm {\n  Legacy = 'des-ede3-cbc',\n  Default = 'aes-256-gcm',\n}\nexport enum EcCurve {\n  Compact = 'secp192k1',\n  Standard = 'prime256v1',\n}\nexport enum RsaKeySizes {\n  Fast = 3072,\n  Safe = 3072,\n}\n",
            },
          ],
        },
      ],
    },
    // modulus sizes under names outside the old closed list: a DH prime length, RSA modulus bits in a settings object
    {
      code: "import { generateKeyPairSync } from 'node:crypto';\n\nexport const DH_PRIME_BITS = 768;\nexport const handshake = { dhPrimeLength: 1024, rsaModulusBits: 1024 };\nexport const pair = () => generateKeyPairSync('dh', { primeLength: 512 });\n",
      filename: 'src/config/dh.ts',
      errors: [
        {
          messageId: 'smallModulus',
          line: 3,
          column: 30,
          endLine: 3,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import { generateKeyPairSync } from 'node:crypto';\n\nexport const DH_PRIME_BITS = 3072;\nexport const handshake = { dhPrimeLength: 1024, rsaModulusBits: 1024 };\nexport const pair = () => generateKeyPairSync('dh', { primeLength: 512 });\n",
            },
          ],
        },
        {
          messageId: 'smallModulus',
          line: 4,
          column: 43,
          endLine: 4,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import { generateKeyPairSync } from 'node:crypto';\n\nexport const DH_PRIME_BITS = 768;\nexport const handshake = { dhPrimeLength: 3072, rsaModulusBits: 1024 };\nexport const pair = () => generateKeyPairSync('dh', { primeLength: 512 });\n",
            },
          ],
        },
        {
          messageId: 'smallModulus',
          line: 4,
          column: 65,
          endLine: 4,
          endColumn: 69,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import { generateKeyPairSync } from 'node:crypto';\n\nexport const DH_PRIME_BITS = 768;\nexport const handshake = { dhPrimeLength: 1024, rsaModulusBits: 3072 };\nexport const pair = () => generateKeyPairSync('dh', { primeLength: 512 });\n",
            },
          ],
        },
        {
          messageId: 'smallModulus',
          line: 5,
          column: 68,
          endLine: 5,
          endColumn: 71,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import { generateKeyPairSync } from 'node:crypto';\n\nexport const DH_PRIME_BITS = 768;\nexport const handshake = { dhPrimeLength: 1024, rsaModulusBits: 1024 };\nexport const pair = () => generateKeyPairSync('dh', { primeLength: 3072 });\n",
            },
          ],
        },
      ],
    },
    // elliptic's small curves: new EC('p192'), new elliptic.ec('secp160r1'), require('elliptic').ec
    {
      code: "const elliptic = require('elliptic');\nconst EC = require('elliptic').ec;\n\nconst legacy = new EC('p192');\nconst tiny = new elliptic.ec('secp160r1');\nmodule.exports = { legacy, tiny };\n",
      filename: 'src/wallet/curves.js',
      errors: [
        {
          messageId: 'weakCurve',
          line: 4,
          column: 23,
          endLine: 4,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "const elliptic = require('elliptic');\nconst EC = require('elliptic').ec;\n\nconst legacy = new EC('p256');\nconst tiny = new elliptic.ec('secp160r1');\nmodule.exports = { legacy, tiny };\n",
            },
          ],
        },
        {
          messageId: 'weakCurve',
          line: 5,
          column: 30,
          endLine: 5,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "const elliptic = require('elliptic');\nconst EC = require('elliptic').ec;\n\nconst legacy = new EC('p192');\nconst tiny = new elliptic.ec('prime256v1');\nmodule.exports = { legacy, tiny };\n",
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-weak-key-size (PBKDF2 over MD5)', rule, {
  valid: [
    // valid: PBKDF2 over HMAC-SHA-1 (still an approved PRF) and SHA-512, an MD5 checksum beside it
    {
      code: "const crypto = require('crypto');\n\nconst legacyKey = (pw, salt) => crypto.pbkdf2Sync(pw, salt, 600000, 32, 'sha1');\nconst key = (pw, salt, cb) => crypto.pbkdf2(pw, salt, 210000, 64, 'sha512', cb);\nconst etag = (body) => crypto.createHash('md5').update(body).digest('hex');\nmodule.exports = { legacyKey, key, etag };\n",
      filename: 'src/auth/kdf-ok.js',
    },
  ],
  invalid: [
    // PBKDF2 with MD5 as its PRF hash: a literal, a settings object, an env default
    {
      code: "import { pbkdf2, pbkdf2Sync } from 'node:crypto';\n\nconst KDF = { iterations: 600_000, keyLength: 32, digest: 'md5' } as const;\nexport const wrapKey = (pw: string, salt: Buffer) => pbkdf2Sync(pw, salt, 600_000, 32, 'md5');\nexport const fileKey = (pw: string, salt: Buffer) => pbkdf2Sync(pw, salt, KDF.iterations, KDF.keyLength, KDF.digest);\nexport const asyncKey = (pw: string, salt: Buffer, cb: (e: Error | null, k: Buffer) => void) =>\n  pbkdf2(pw, salt, 600_000, 32, process.env.KDF_DIGEST ?? 'md5', cb);\n",
      filename: 'src/vault/derive.ts',
      errors: [
        {
          messageId: 'weakDigest',
          line: 3,
          column: 59,
          endLine: 3,
          endColumn: 64,
        },
        {
          messageId: 'weakDigest',
          line: 4,
          column: 88,
          endLine: 4,
          endColumn: 93,
        },
        {
          messageId: 'weakDigest',
          line: 7,
          column: 59,
          endLine: 7,
          endColumn: 64,
        },
      ],
    },
  ],
});
