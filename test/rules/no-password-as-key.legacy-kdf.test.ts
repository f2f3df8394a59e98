/**
 * no-password-as-key: password KDF rows of the API coverage table (branch ralg6, session 23) that were not
 * covered: OpenSSL's EVP_BytesToKey (crypto-js EvpKDF, the evp_bytestokey package), sjcl's iter, libsodium
 * crypto_pwhash limits written as numbers (memlimit in bytes), and WebCrypto PBKDF2 parameters spread from a const.
 * The valid cases are the same APIs at the floors.
 */
import rule from '../../rules/no-password-as-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-password-as-key (legacy and library KDFs from the APIs)', rule, {
  valid: [
    // sjcl 600k iter, EvpKDF-free AES with key, sodium SENSITIVE numbers
    {
      code: "import sjcl from 'sjcl';\nimport sodium from 'libsodium-wrappers';\nexport const seal = (password: string, text: string) => sjcl.encrypt(password, text, { iter: 600000 });\nexport const key = (pw: string, salt: Uint8Array) => sodium.crypto_pwhash(32, pw, salt, 4, 1073741824, sodium.crypto_pwhash_ALG_ARGON2ID13);\n",
      filename: 'src/vault/ok.ts',
    },
    // crypto_pwhash MODERATE
    {
      code: "import sodium from 'libsodium-wrappers';\nexport const key = (pw: string, salt: Uint8Array) => sodium.crypto_pwhash(32, pw, salt, sodium.crypto_pwhash_OPSLIMIT_MODERATE, sodium.crypto_pwhash_MEMLIMIT_MODERATE, sodium.crypto_pwhash_ALG_ARGON2ID13);\n",
      filename: 'src/vault/moderate.ts',
    },
  ],
  invalid: [
    // CryptoJS.EvpKDF
    {
      code: "import CryptoJS from 'crypto-js';\nexport const key = (passphrase: string, salt: CryptoJS.lib.WordArray) => CryptoJS.EvpKDF(passphrase, salt, { keySize: 8 });\n",
      filename: 'src/vault/evp.ts',
      errors: [{ messageId: 'weakKdf', line: 2, column: 74, endLine: 2, endColumn: 89 }],
    },
    // evp_bytestokey package
    {
      code: "import EVP_BytesToKey from 'evp_bytestokey';\nexport const kdf = (password: string) => EVP_BytesToKey(password, null, 256, 16);\n",
      filename: 'src/vault/legacy.ts',
      errors: [{ messageId: 'weakKdf', line: 2, column: 42, endLine: 2, endColumn: 56 }],
    },
    // sjcl.encrypt passphrase iter
    {
      code: "import sjcl from 'sjcl';\nexport const seal = (password: string, text: string) => sjcl.encrypt(password, text, { iter: 1000 });\n",
      filename: 'src/web/notes.ts',
      errors: [
        {
          messageId: 'weakKdf',
          line: 2,
          column: 94,
          endLine: 2,
          endColumn: 98,
          suggestions: [
            {
              messageId: 'raiseParam',
              output:
                "import sjcl from 'sjcl';\nexport const seal = (password: string, text: string) => sjcl.encrypt(password, text, { iter: 600000 });\n",
            },
          ],
        },
      ],
    },
    // libsodium crypto_pwhash small numbers
    {
      code: "import sodium from 'libsodium-wrappers';\nexport const key = (password: string, salt: Uint8Array) =>\n  sodium.crypto_pwhash(32, password, salt, 1, 8192, sodium.crypto_pwhash_ALG_DEFAULT);\n",
      filename: 'src/vault/sodium.ts',
      errors: [
        {
          messageId: 'weakKdf',
          line: 3,
          column: 44,
          endLine: 3,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'raiseParam',
              output:
                "import sodium from 'libsodium-wrappers';\nexport const key = (password: string, salt: Uint8Array) =>\n  sodium.crypto_pwhash(32, password, salt, 3, 8192, sodium.crypto_pwhash_ALG_DEFAULT);\n",
            },
          ],
        },
        {
          messageId: 'weakKdf',
          line: 3,
          column: 47,
          endLine: 3,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'raiseParam',
              output:
                "import sodium from 'libsodium-wrappers';\nexport const key = (password: string, salt: Uint8Array) =>\n  sodium.crypto_pwhash(32, password, salt, 1, 65536, sodium.crypto_pwhash_ALG_DEFAULT);\n",
            },
          ],
        },
      ],
    },
    // subtle.deriveBits PBKDF2 params const
    {
      code: "const PBKDF2_PARAMS = { name: 'PBKDF2', hash: 'SHA-256', iterations: 5000 };\nexport async function bits(password: string, salt: Uint8Array) {\n  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);\n  return crypto.subtle.deriveBits({ ...PBKDF2_PARAMS, salt }, base, 256);\n}\n",
      filename: 'src/web/bits.ts',
      errors: [
        {
          messageId: 'weakKdf',
          line: 1,
          column: 70,
          endLine: 1,
          endColumn: 74,
          suggestions: [
            {
              messageId: 'raiseParam',
              output:
                "const PBKDF2_PARAMS = { name: 'PBKDF2', hash: 'SHA-256', iterations: 600000 };\nexport async function bits(password: string, salt: Uint8Array) {\n  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);\n  return crypto.subtle.deriveBits({ ...PBKDF2_PARAMS, salt }, base, 256);\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
