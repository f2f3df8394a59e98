/**
 * no-password-as-key: KDF work factors written where no catalogued site reads them (session 25, branch rule9kdf,
 * classes PK-2 and PK-3): options named for their KDF in any library's call a password reaches (ethers
 * `encrypt(password, { scrypt: { N } })`, `{ kdf: 'pbkdf2', iterations }`, a held `{ argon2: { memoryCost } }`),
 * SQLCipher's `kdf_iter` pragma, and options chosen between consts before they are spread into a KDF call.
 */
import rule from '../../rules/no-password-as-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-password-as-key (work factors in options and pragmas)', rule, {
  valid: [
    {
      // a password-hashing call stores a verifier: OWASP's storage minimum (19 MiB, 2 passes) is met
      code: "export async function register(password: string): Promise<string> {\n  return Bun.password.hash(password, { algorithm: 'argon2id', memoryCost: 19456, timeCost: 2 });\n}\n",
      filename: 'src/users/register.ts',
    },
    {
      // near misses: the floors, a retry's iterations, HKDF, a machine key, SQLCipher 4's default count
      code: "import { Wallet } from 'ethers';\nimport { seal, retry } from '@acme/vault';\n\nexport const strong = (wallet: Wallet, password: string) => wallet.encrypt(password, { scrypt: { N: 1 << 17 } });\nexport const sealNote = (note: string, passphrase: string) => seal(note, { passphrase, kdf: 'pbkdf2', iterations: 600000 });\nexport const backoff = () => retry({ kdf: 'scrypt', iterations: 3, n: 5 });\nexport const machine = (note: string, apiKey: Buffer) => seal(note, { key: apiKey, scrypt: { N: 1024 } });\nexport const hkdfOnly = (note: string, password: string) => seal(note, password, { kdf: 'hkdf', iterations: 1 });\nexport const pragmaOk = (db: { pragma(s: string): void }) => db.pragma('kdf_iter = 256000');\n",
      filename: 'src/keys/fine.ts',
    },
    {
      // both branches at the floor
      code: "import { argon2id } from 'hash-wasm';\n\nconst MOBILE = { iterations: 3, memorySize: 65536, parallelism: 1 };\nconst DESKTOP = { iterations: 4, memorySize: 262144, parallelism: 2 };\n\nexport async function unlockKey(password: string, salt: Uint8Array, mobile: boolean): Promise<Uint8Array> {\n  const params = mobile ? MOBILE : DESKTOP;\n  return argon2id({ password, salt, ...params, hashLength: 32, outputType: 'binary' });\n}\n",
      filename: 'src/keys/unlock-ok.ts',
    },
  ],
  invalid: [
    {
      // under the storage minimum too
      code: "export async function register(password: string): Promise<string> {\n  return Bun.password.hash(password, { algorithm: 'argon2id', memoryCost: 4096, timeCost: 1 });\n}\n",
      filename: 'src/users/register-weak.ts',
      errors: [{ messageId: 'weakKdf', line: 2, column: 75, endLine: 2, endColumn: 79 }],
    },
    {
      // work factors named for their KDF in a keystore or vault library's options (ethers, and a library the catalogue does not list)
      code: "import { Wallet } from 'ethers';\nimport { seal } from '@acme/vault';\n\nexport async function exportKeystore(wallet: Wallet, password: string): Promise<string> {\n  return wallet.encrypt(password, { scrypt: { N: 1 << 12 } });\n}\n\nexport const sealNote = (note: string, passphrase: string) => seal(note, { passphrase, kdf: 'pbkdf2', iterations: 10000 });\n\nconst FAST_ARGON = { argon2: { memoryCost: 8192, timeCost: 3 } };\nexport const sealFast = (note: string, masterPassword: string) => seal(note, masterPassword, FAST_ARGON);\n",
      filename: 'src/keys/keystore.ts',
      errors: [
        { messageId: 'weakKdf', line: 5, column: 50, endLine: 5, endColumn: 57 },
        { messageId: 'weakKdf', line: 8, column: 115, endLine: 8, endColumn: 120 },
        { messageId: 'weakKdf', line: 10, column: 44, endLine: 10, endColumn: 48 },
      ],
    },
    {
      // SQLCipher's kdf_iter pragma
      code: "const Database = require('better-sqlite3-multiple-ciphers');\n\nfunction openLegacy(file, dbPassword) {\n  const db = new Database(file);\n  db.pragma(\"cipher_compatibility = 3\");\n  db.pragma('kdf_iter = 64000');\n  db.pragma(`key='${dbPassword}'`);\n  return db;\n}\n\nmodule.exports = { openLegacy };\n",
      filename: 'lib/legacy-db.js',
      errors: [{ messageId: 'weakKdf', line: 6, column: 13, endLine: 6, endColumn: 31 }],
    },
    {
      // options chosen between two consts and spread into a catalogued KDF: the weaker branch is judged
      code: "import { argon2id } from 'hash-wasm';\n\nconst QUICK = { iterations: 1, memorySize: 1024, parallelism: 1 };\nconst FULL = { iterations: 3, memorySize: 65536, parallelism: 1 };\n\nexport async function unlockKey(password: string, salt: Uint8Array, quick: boolean): Promise<Uint8Array> {\n  return argon2id({ password, salt, ...(quick ? QUICK : FULL), hashLength: 32, outputType: 'binary' });\n}\n",
      filename: 'src/keys/unlock.ts',
      errors: [
        {
          messageId: 'weakKdf',
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'raiseParam',
              output:
                "import { argon2id } from 'hash-wasm';\n\nconst QUICK = { iterations: 3, memorySize: 1024, parallelism: 1 };\nconst FULL = { iterations: 3, memorySize: 65536, parallelism: 1 };\n\nexport async function unlockKey(password: string, salt: Uint8Array, quick: boolean): Promise<Uint8Array> {\n  return argon2id({ password, salt, ...(quick ? QUICK : FULL), hashLength: 32, outputType: 'binary' });\n}\n",
            },
          ],
        },
        {
          messageId: 'weakKdf',
          line: 3,
          column: 44,
          endLine: 3,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'raiseParam',
              output:
                "import { argon2id } from 'hash-wasm';\n\nconst QUICK = { iterations: 1, memorySize: 65536, parallelism: 1 };\nconst FULL = { iterations: 3, memorySize: 65536, parallelism: 1 };\n\nexport async function unlockKey(password: string, salt: Uint8Array, quick: boolean): Promise<Uint8Array> {\n  return argon2id({ password, salt, ...(quick ? QUICK : FULL), hashLength: 32, outputType: 'binary' });\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
