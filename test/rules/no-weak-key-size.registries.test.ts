/**
 * no-weak-key-size: an object used as an enum, whose every member is named for the identifier it holds (the name
 * spells the value, or the last segment of an identifier URI), lists the algorithms that exist (XML-Enc's URIs, a
 * cipher-name table); it chooses none (src/rule-kit/algorithm-constants.ts `namesItsValue`). The choice is judged
 * where a member is used. The near misses are a member named for a role, and a use of the registry's weak member.
 */
import rule from '../../rules/no-weak-key-size.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-weak-key-size (algorithm registries)', rule, {
  valid: [
    {
      // XML-Enc data encryption URIs held in an `as const` object, 3DES among them so that it can be refused
      code: "export const DataEncryption = {\n  TRIPLEDES_CBC: 'http://www.w3.org/2001/04/xmlenc#tripledes-cbc',\n  AES_256_CBC: 'http://www.w3.org/2001/04/xmlenc#aes256-cbc',\n  AES_256_GCM: 'http://www.w3.org/2009/xmlenc11#aes256-gcm',\n} as const;\nexport const isRefused = (uri: string) => uri === DataEncryption.TRIPLEDES_CBC;\n",
      filename: 'src/saml/algorithms.ts',
    },
    {
      // OpenSSL cipher names keyed by their own spelling, in a typed record
      code: "export const CipherAlgorithms: Record<string, string> = {\n  DES_EDE3_CBC: 'des-ede3-cbc',\n  Bf_Cbc: 'bf-cbc',\n  AES_256_GCM: 'aes-256-gcm',\n};\n",
      filename: 'src/crypto/cipher-names.ts',
    },
    {
      // a URN-style identifier table in plain JavaScript
      code: "const EncryptionAlgorithm = {\n  RC4: 'urn:example:cipher:rc4',\n  AES128_GCM: 'urn:example:cipher:aes128-gcm',\n};\nmodule.exports = { EncryptionAlgorithm };\n",
      filename: 'lib/algorithms.js',
    },
  ],
  invalid: [
    {
      // near miss: a member named for a role chooses the cipher
      code: "export const DataEncryption = {\n  legacy: 'http://www.w3.org/2001/04/xmlenc#tripledes-cbc',\n  current: 'http://www.w3.org/2009/xmlenc11#aes256-gcm',\n} as const;\n",
      filename: 'src/saml/algorithms.ts',
      errors: [
        {
          messageId: 'weakCipher',
          line: 2,
          column: 11,
          endLine: 2,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: "'aes-256-gcm'" },
              output:
                "export const DataEncryption = {\n  legacy: 'aes-256-gcm',\n  current: 'http://www.w3.org/2009/xmlenc11#aes256-gcm',\n} as const;\n",
            },
          ],
        },
      ],
    },
    {
      // near miss: the registry's weak member is used to encrypt
      code: "import crypto from 'node:crypto';\nexport const CipherAlgorithms = {\n  DES_EDE3_CBC: 'des-ede3-cbc',\n  AES_256_GCM: 'aes-256-gcm',\n} as const;\nexport const seal = (key: Buffer, iv: Buffer) => crypto.createCipheriv(CipherAlgorithms.DES_EDE3_CBC, key, iv);\n",
      filename: 'src/crypto/cipher-names.ts',
      errors: [
        {
          messageId: 'weakCipher',
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: "'aes-256-gcm'" },
              output:
                "import crypto from 'node:crypto';\nexport const CipherAlgorithms = {\n  DES_EDE3_CBC: 'aes-256-gcm',\n  AES_256_GCM: 'aes-256-gcm',\n} as const;\nexport const seal = (key: Buffer, iv: Buffer) => crypto.createCipheriv(CipherAlgorithms.DES_EDE3_CBC, key, iv);\n",
            },
          ],
        },
      ],
    },
  ],
});
