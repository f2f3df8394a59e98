/**
 * no-password-as-key: Expo's digests as the one plain hash between a password and a key (session 28, rec12b, class
 * M7). React Native apps hash a PIN or passphrase with `expo-crypto` (`digestStringAsync(alg, text)`, `digest(alg,
 * bytes)`) and use the digest as AES key bytes. Near misses: a password hashed for storage (no key slot), a digest
 * of a random token, and a PIN stretched by a KDF first.
 */
import rule from '../../rules/no-password-as-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-password-as-key (expo-crypto digests)', rule, {
  valid: [
    // valid: the storage hash of a password is no key (another question), nor is a digest of random bytes
    {
      code: [
        "import * as Crypto from 'expo-crypto';",
        "import { createCipheriv, randomBytes } from 'react-native-quick-crypto';",
        'export const hashPassword = async (password: string): Promise<string> =>',
        '  Crypto.digestStringAsync(Crypto.CryptoDigestAlgorithm.SHA256, password);',
        'export async function sealWithToken(data: Buffer) {',
        "  const token = randomBytes(32).toString('hex');",
        '  const digest = await Crypto.digestStringAsync(Crypto.CryptoDigestAlgorithm.SHA256, token);',
        "  return createCipheriv('aes-256-gcm', Buffer.from(digest, 'hex'), randomBytes(12)).update(data);",
        '}',
      ].join('\n'),
      filename: 'src/utils/hash.ts',
    },
  ],
  invalid: [
    // a PIN's hex digest decoded into AES key bytes, in a helper named for the key and at the cipher
    {
      code: [
        "import * as Crypto from 'expo-crypto';",
        "import { createCipheriv, randomBytes } from 'react-native-quick-crypto';",
        'export async function keyFromPin(pin: string): Promise<Uint8Array> {',
        '  const digest = await Crypto.digestStringAsync(Crypto.CryptoDigestAlgorithm.SHA256, pin);',
        "  return Uint8Array.from(Buffer.from(digest, 'hex'));",
        '}',
        'export async function lock(data: Buffer, passcode: string) {',
        '  const hex = await Crypto.digestStringAsync(Crypto.CryptoDigestAlgorithm.SHA512, passcode);',
        "  return createCipheriv('aes-256-gcm', Buffer.from(hex, 'hex').subarray(0, 32), randomBytes(12)).update(data);",
        '}',
      ].join('\n'),
      filename: 'src/wallet/pin.ts',
      errors: [
        { messageId: 'hashedPassword', line: 4, column: 24, endLine: 4, endColumn: 90 },
        { messageId: 'hashedPassword', line: 8, column: 21, endLine: 8, endColumn: 92 },
      ],
    },
    // the ArrayBuffer form imported as a module namespace under another name, into WebCrypto
    {
      code: [
        "import * as ExpoCrypto from 'expo-crypto';",
        'export async function vaultKey(passphrase: string) {',
        '  const bytes = new TextEncoder().encode(passphrase);',
        '  const raw = await ExpoCrypto.digest(ExpoCrypto.CryptoDigestAlgorithm.SHA256, bytes);',
        "  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);",
        '}',
      ].join('\n'),
      filename: 'src/vault/key.ts',
      errors: [
        {
          messageId: 'hashedPassword',
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 86,
          suggestions: [
            {
              messageId: 'useDeriveKey',
              output: [
                "import * as ExpoCrypto from 'expo-crypto';",
                "import { deriveKey, randomBytes } from 'keyhygiene/keys';",
                'export async function vaultKey(passphrase: string) {',
                '  const bytes = new TextEncoder().encode(passphrase);',
                '  const salt = randomBytes(16); // store the salt with the data it protects',
                '  const raw = await (await deriveKey(bytes, { salt })).expose();',
                "  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);",
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
  ],
});
