/**
 * no-weak-key-size, session 35 (branch alg19, issue 11): one cipher held under a suite's name (`enum CipherSuite {
 * Compat = 'des-ede-cbc' }`, `CipherSuite = { partner: 'des-ede3-cbc' }`) selects that cipher, so it is judged where
 * it is written like any other named choice (src/rule-kit/algorithm-constants.ts); before, only a list
 * (`'AES128-SHA:RC4-SHA'`) was, and the single cipher was reported at each use in another module. Near misses: strong
 * ciphers under a suite's name, a suite map of what is turned off, a TLS 1.3 suite name.
 */
import rule from '../../rules/no-weak-key-size.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-weak-key-size (one cipher under a suite name)', rule, {
  valid: [
    {
      code: "export const CipherSuite = { current: 'aes-256-gcm', next: 'chacha20-poly1305' } as const;\n",
      filename: 'src/crypto/suites.ts',
    },
    {
      code: "export const DISABLED_CIPHER_SUITES = { old: 'rc4', older: 'des-cbc' };\n",
      filename: 'src/tls/policy.ts',
    },
    {
      code: "export enum TlsCipherSuite {\n  Aes256 = 'TLS_AES_256_GCM_SHA384',\n  Chacha = 'TLS_CHACHA20_POLY1305_SHA256',\n}\n",
      filename: 'src/tls/suites.ts',
    },
  ],
  invalid: [
    {
      // a suite enum's role member holding one 3DES cipher
      code: "export enum CipherSuite {\n  Modern = 'aes-256-gcm',\n  Compat = 'des-ede-cbc',\n}\n",
      filename: 'src/crypto/suites.ts',
      errors: [
        {
          messageId: 'weakCipher',
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: "'aes-256-gcm'" },
              output: "export enum CipherSuite {\n  Modern = 'aes-256-gcm',\n  Compat = 'aes-256-gcm',\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a map of suites by partner, Blowfish for one
      code: "export const cipherSuites = { current: 'aes-256-gcm', partner: 'bf-cbc' } as const;\n",
      filename: 'src/crypto/constants.ts',
      errors: [
        {
          messageId: 'weakCipher',
          line: 1,
          column: 64,
          endLine: 1,
          endColumn: 72,
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: "'aes-256-gcm'" },
              output: "export const cipherSuites = { current: 'aes-256-gcm', partner: 'aes-256-gcm' } as const;\n",
            },
          ],
        },
      ],
    },
    {
      // a class field
      code: "export class Channel {\n  private cipherSuite = 'rc4';\n}\n",
      filename: 'src/net/channel.ts',
      errors: [
        {
          messageId: 'weakCipher',
          line: 2,
          column: 25,
          endLine: 2,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: "'aes-256-gcm'" },
              output: "export class Channel {\n  private cipherSuite = 'aes-256-gcm';\n}\n",
            },
          ],
        },
      ],
    },
    {
      // the default of an environment variable, ECB
      code: "export const CIPHER_SUITE = process.env.CIPHER_SUITE ?? 'aes-128-ecb';\n",
      filename: 'src/config.ts',
      errors: [
        {
          messageId: 'ecbMode',
          line: 1,
          column: 57,
          endLine: 1,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: "'aes-128-gcm'" },
              output: "export const CIPHER_SUITE = process.env.CIPHER_SUITE ?? 'aes-128-gcm';\n",
            },
          ],
        },
      ],
    },
  ],
});
