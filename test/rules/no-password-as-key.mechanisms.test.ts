/**
 * no-password-as-key: mechanisms that do not depend on a closed list of libraries or helper shapes (issue 11,
 * session 22). libsodium's own minimum work limits (`crypto_pwhash_OPSLIMIT_MIN`, `…_MEMLIMIT_MIN`) wherever
 * they are written; PBKDF2 from any library in RFC 8018's argument order (react-native-aes-crypto,
 * react-native-quick-crypto, a vendored sjcl); a versioned key helper (`…KeyV1`) and a key-named holder given a
 * password hashed once. Variants written from how those libraries are called in public code; the near misses
 * are what the same code writes and is fine.
 */
import rule from '../../rules/no-password-as-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-password-as-key (named limits, any PBKDF2, key holders)', rule, {
  valid: [
    // valid: PBKDF2 whose parameters a standard or a stored format fixes: a BIP-39 seed (salted with "mnemonic"), and
    // a function that imports an existing wallet file (its count is the file's)
    {
      code: "import { pbkdf2 } from './crypto/pbkdf2.js';\nimport { aesCbcDecrypt } from './crypto/aes.js';\n\nconst utf8 = new TextEncoder();\n\nexport function seedFromWords(words: string, extra = ''): Uint8Array {\n  return pbkdf2(utf8.encode(words.normalize('NFKD')), utf8.encode(`mnemonic${extra}`.normalize('NFKD')), 2048, 64, 'sha512');\n}\n\nexport function importPresaleWallet(file: { encseed: Uint8Array }, password: string): Uint8Array {\n  const key = pbkdf2(password, password, 2000, 16, 'sha256');\n  return aesCbcDecrypt(key, file.encseed.subarray(0, 16), file.encseed.subarray(16));\n}\n",
      filename: 'src/wallet/formats.ts',
    },
    // valid: libsodium SENSITIVE limits, a bound check against the minimum, Math.max with INTERACTIVE
    {
      code: "import sodium from 'libsodium-wrappers';\n\nexport async function unlockKey(passphrase: string, salt: Uint8Array): Promise<Uint8Array> {\n  await sodium.ready;\n  return sodium.crypto_pwhash(\n    sodium.crypto_secretbox_KEYBYTES,\n    passphrase,\n    salt,\n    sodium.crypto_pwhash_OPSLIMIT_SENSITIVE,\n    sodium.crypto_pwhash_MEMLIMIT_SENSITIVE,\n    sodium.crypto_pwhash_ALG_ARGON2ID13,\n  );\n}\n\nexport function checkHeader(h: { opslimit: number; memlimit: number }) {\n  if (h.opslimit < sodium.crypto_pwhash_OPSLIMIT_MIN || h.memlimit < sodium.crypto_pwhash_MEMLIMIT_MIN) {\n    throw new RangeError('header limits below libsodium minimum');\n  }\n  return Math.max(h.opslimit, sodium.crypto_pwhash_OPSLIMIT_INTERACTIVE);\n}\n",
      filename: 'src/vault/unlock-ok.ts',
    },
    // valid: react-native-aes-crypto PBKDF2 at 600,000 iterations; a benchmark method named after pbkdf2
    {
      code: "import Aes from 'react-native-aes-crypto';\n\nexport async function vaultKey(pin: string, salt: string): Promise<string> {\n  return Aes.pbkdf2(pin, salt, 600000, 256, 'sha256');\n}\n\nexport function retry(client: { pbkdf2Benchmark: (n: number) => number }) {\n  return client.pbkdf2Benchmark(1000);\n}\n",
      filename: 'src/mobile/keys-ok.ts',
    },
    // valid: a password fingerprint for display, an ETag field hashed from a body
    {
      code: "import { createHash } from 'node:crypto';\nimport { sha256 } from '@noble/hashes/sha2.js';\n\nexport function passwordFingerprint(password: string): string {\n  return createHash('sha256').update(password).digest('hex').slice(0, 8);\n}\n\nexport class Cache {\n  private etag?: Uint8Array;\n  remember(body: string) {\n    this.etag = sha256(new TextEncoder().encode(body));\n  }\n}\n",
      filename: 'src/vault/legacy-ok.ts',
    },
  ],
  invalid: [
    // libsodium's own minimum work limits: crypto_pwhash arguments, a stored KDF profile, the scrypt variant
    {
      code: "import sodium from 'libsodium-wrappers';\nimport _sodium from 'libsodium-wrappers-sumo';\n\nexport async function unlockKey(passphrase: string, salt: Uint8Array): Promise<Uint8Array> {\n  await sodium.ready;\n  return sodium.crypto_pwhash(\n    sodium.crypto_secretbox_KEYBYTES,\n    passphrase,\n    salt,\n    sodium.crypto_pwhash_OPSLIMIT_MIN,\n    sodium.crypto_pwhash_MEMLIMIT_MIN,\n    sodium.crypto_pwhash_ALG_DEFAULT,\n  );\n}\n\nexport const KDF_PROFILE = {\n  opslimit: _sodium.crypto_pwhash_OPSLIMIT_MIN,\n  memlimit: _sodium.crypto_pwhash_MEMLIMIT_MIN,\n};\n\nexport function legacyScrypt(pw: string, salt: Uint8Array) {\n  return _sodium.crypto_pwhash_scryptsalsa208sha256(32, pw, salt, _sodium.crypto_pwhash_scryptsalsa208sha256_OPSLIMIT_MIN, 16777216);\n}\n",
      filename: 'src/vault/unlock.ts',
      errors: [
        {
          messageId: 'weakKdf',
          line: 10,
          column: 5,
          endLine: 10,
          endColumn: 38,
        },
        {
          messageId: 'weakKdf',
          line: 17,
          column: 13,
          endLine: 17,
          endColumn: 47,
        },
        {
          messageId: 'weakKdf',
          line: 22,
          column: 67,
          endLine: 22,
          endColumn: 122,
        },
      ],
    },
    // PBKDF2 from libraries no site lists (react-native-aes-crypto, react-native-quick-crypto, a vendored sjcl pbkdf2 under another name) with low counts
    {
      code: "import Aes from 'react-native-aes-crypto';\nimport QuickCrypto from 'react-native-quick-crypto';\nimport { pbkdf2 as sjclPbkdf2 } from './vendor/sjcl-pbkdf2';\n\nexport async function vaultKey(pin: string, salt: string): Promise<string> {\n  return Aes.pbkdf2(pin, salt, 5000, 256, 'sha256');\n}\n\nexport function backupKey(password: string, salt: Buffer): Buffer {\n  return QuickCrypto.pbkdf2Sync(password, salt, 10000, 32, 'sha512');\n}\n\nexport function legacyKey(passphrase: string, salt: string) {\n  return sjclPbkdf2(passphrase, salt, 1000, 256);\n}\n",
      filename: 'src/mobile/keys.ts',
      errors: [
        {
          messageId: 'weakKdf',
          line: 6,
          column: 32,
          endLine: 6,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'raiseParam',
              output:
                "import Aes from 'react-native-aes-crypto';\nimport QuickCrypto from 'react-native-quick-crypto';\nimport { pbkdf2 as sjclPbkdf2 } from './vendor/sjcl-pbkdf2';\n\nexport async function vaultKey(pin: string, salt: string): Promise<string> {\n  return Aes.pbkdf2(pin, salt, 600000, 256, 'sha256');\n}\n\nexport function backupKey(password: string, salt: Buffer): Buffer {\n  return QuickCrypto.pbkdf2Sync(password, salt, 10000, 32, 'sha512');\n}\n\nexport function legacyKey(passphrase: string, salt: string) {\n  return sjclPbkdf2(passphrase, salt, 1000, 256);\n}\n",
            },
          ],
        },
        {
          messageId: 'weakKdf',
          line: 10,
          column: 49,
          endLine: 10,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'raiseParam',
              output:
                "import Aes from 'react-native-aes-crypto';\nimport QuickCrypto from 'react-native-quick-crypto';\nimport { pbkdf2 as sjclPbkdf2 } from './vendor/sjcl-pbkdf2';\n\nexport async function vaultKey(pin: string, salt: string): Promise<string> {\n  return Aes.pbkdf2(pin, salt, 5000, 256, 'sha256');\n}\n\nexport function backupKey(password: string, salt: Buffer): Buffer {\n  return QuickCrypto.pbkdf2Sync(password, salt, 210000, 32, 'sha512');\n}\n\nexport function legacyKey(passphrase: string, salt: string) {\n  return sjclPbkdf2(passphrase, salt, 1000, 256);\n}\n",
            },
          ],
        },
        {
          messageId: 'weakKdf',
          line: 14,
          column: 39,
          endLine: 14,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'raiseParam',
              output:
                "import Aes from 'react-native-aes-crypto';\nimport QuickCrypto from 'react-native-quick-crypto';\nimport { pbkdf2 as sjclPbkdf2 } from './vendor/sjcl-pbkdf2';\n\nexport async function vaultKey(pin: string, salt: string): Promise<string> {\n  return Aes.pbkdf2(pin, salt, 5000, 256, 'sha256');\n}\n\nexport function backupKey(password: string, salt: Buffer): Buffer {\n  return QuickCrypto.pbkdf2Sync(password, salt, 10000, 32, 'sha512');\n}\n\nexport function legacyKey(passphrase: string, salt: string) {\n  return sjclPbkdf2(passphrase, salt, 600000, 256);\n}\n",
            },
          ],
        },
      ],
    },
    // a versioned key helper returning SHA-1 of a passphrase; a key-named class field given SHA-256 of a PIN
    {
      code: "import { createHash } from 'node:crypto';\nimport { sha256 } from '@noble/hashes/sha2.js';\n\nexport function exportKeyV1(passphrase: string): Buffer {\n  return createHash('sha1').update(passphrase).digest();\n}\n\nexport class Locker {\n  private masterKey?: Uint8Array;\n  unlockWithPin(pin: string) {\n    this.masterKey = sha256(new TextEncoder().encode(pin));\n  }\n}\n",
      filename: 'src/vault/legacy.ts',
      errors: [
        {
          messageId: 'hashedPassword',
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 56,
        },
        {
          messageId: 'hashedPassword',
          line: 11,
          column: 22,
          endLine: 11,
          endColumn: 59,
        },
      ],
    },
  ],
});
