/**
 * A weak random number that only picks one element of a list of options (an A/B variant, a colour scheme's name, one
 * of a few hosts) makes no secret: each option is known to anyone who reads the list (src/rule-kit/random-picks.ts;
 * issue 11, session 38, branch prec22). A charset pick in a loop, a pick from a list of single characters and a random
 * string stay reported.
 */
import rule from '../../rules/no-weak-randomness.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-weak-randomness (one pick of an option)', rule, {
  valid: [
    {
      // an experiment variant from an array parameter, remembered under a name that says key
      code: 'export function chooseVariant(variants: string[]): string {\n  return variants[Math.floor(Math.random() * variants.length)];\n}\nexport function useExperiment(id: string, variants: Record<string, string>) {\n  const randomKey = chooseVariant(Object.keys(variants));\n  localStorage.setItem(`exp:${id}`, randomKey);\n  return variants[randomKey];\n}\n',
      filename: 'src/cloud/useExperiment.ts',
    },
    {
      // a gradient's name among a record's keys, as the fallback of an optional argument
      code: "const GRADIENTS = { dawn: ['#f00', '#0f0'], dusk: ['#00f', '#111'] };\nexport function gradientFor(key?: keyof typeof GRADIENTS) {\n  const names = Object.keys(GRADIENTS) as (keyof typeof GRADIENTS)[];\n  const gradientKey = key ?? names[Math.floor(Math.random() * names.length)];\n  return GRADIENTS[gradientKey];\n}\n",
      filename: 'src/ui/gradient.ts',
    },
    {
      // one host of an array literal, even under a secret-sounding name
      code: "export function pickSecretHost(): string {\n  const secretHost = ['a.example.net', 'b.example.net', 'c.example.net'][Math.floor(Math.random() * 3)];\n  return secretHost;\n}\n",
      filename: 'src/net/endpoint.ts',
    },
  ],
  invalid: [
    {
      // near miss: a password drawn character by character from a charset
      code: "const CHARSET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';\nexport function generatePassword(length = 16): string {\n  let password = '';\n  for (let i = 0; i < length; i++) password += CHARSET[Math.floor(Math.random() * CHARSET.length)];\n  return password;\n}\n",
      filename: 'src/auth/password.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 4,
          column: 67,
          endLine: 4,
          endColumn: 80,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              data: { replacement: 'randomInt(CHARSET.length)' },
              output:
                "import { randomInt } from 'node:crypto';\nconst CHARSET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';\nexport function generatePassword(length = 16): string {\n  let password = '';\n  for (let i = 0; i < length; i++) password += CHARSET[randomInt(CHARSET.length)];\n  return password;\n}\n",
            },
            {
              messageId: 'useKeys',
              data: { replacement: 'randomInt(0, CHARSET.length)' },
              output:
                "import { randomInt } from 'keyhygiene/keys';\nconst CHARSET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';\nexport function generatePassword(length = 16): string {\n  let password = '';\n  for (let i = 0; i < length; i++) password += CHARSET[randomInt(0, CHARSET.length)];\n  return password;\n}\n",
            },
          ],
        },
      ],
    },
    {
      // near miss: no list at all, a random string
      code: "const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];\nexport function resetCode(): string {\n  const resetCode = DIGITS[Math.floor(Math.random() * DIGITS.length)];\n  return resetCode;\n}\n",
      filename: 'src/auth/pin.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 3,
          column: 39,
          endLine: 3,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              data: { replacement: 'randomInt(DIGITS.length)' },
              output:
                "import { randomInt } from 'node:crypto';\nconst DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];\nexport function resetCode(): string {\n  const resetCode = DIGITS[randomInt(DIGITS.length)];\n  return resetCode;\n}\n",
            },
            {
              messageId: 'useKeys',
              data: { replacement: 'randomInt(0, DIGITS.length)' },
              output:
                "import { randomInt } from 'keyhygiene/keys';\nconst DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];\nexport function resetCode(): string {\n  const resetCode = DIGITS[randomInt(0, DIGITS.length)];\n  return resetCode;\n}\n",
            },
          ],
        },
      ],
    },
    {
      // undefined
      code: 'export function sessionToken(): string {\n  return Math.random().toString(36).slice(2);\n}\n',
      filename: 'src/auth/token.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              data: { replacement: "randomBytes(32).toString('base64url')" },
              output:
                "import { randomBytes } from 'node:crypto';\nexport function sessionToken(): string {\n  return randomBytes(32).toString('base64url');\n}\n",
            },
            {
              messageId: 'useKeys',
              data: { replacement: 'randomToken()' },
              output:
                "import { randomToken } from 'keyhygiene/keys';\nexport function sessionToken(): string {\n  return randomToken();\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
