import rule from '../../rules/no-weak-randomness.js';
import { ruleTester } from '../helpers/rule-tester.js';

// issue 11 (session 39, branch rand23): a function that stands in for the CSPRNG (catalogue `csprngStandIn`) — a
// getRandomValues polyfill, a randomBytes fallback, the generator handed to setRNG / setPRNG / setRandomFallback —
// makes every key and salt drawn through it predictable when it reads a weak source, whatever its callers name them.
// Quiet: a stand-in over a CSPRNG, a helper whose name disclaims the job, a data helper that claims no CSPRNG's name,
// a setter that is no library's generator hook.
ruleTester.run('no-weak-randomness (functions that stand in for the CSPRNG)', rule, {
  valid: [
    {
      code: "import { webcrypto } from 'node:crypto';\n\nif (!globalThis.crypto) {\n  globalThis.crypto = { getRandomValues: (a: Uint8Array) => webcrypto.getRandomValues(a) } as Crypto;\n}\n",
      filename: 'src/val1.ts',
    },
    {
      code: '/** Filler bytes for the upload progress demo; never used as a key. */\nexport function insecureRandomBytes(n: number): number[] {\n  return Array.from({ length: n }, () => Math.floor(Math.random() * 256));\n}\n',
      filename: 'src/val2.ts',
    },
    {
      code: 'export function randomValues(points: number): number[] {\n  return Array.from({ length: points }, () => Math.random() * 100);\n}\n',
      filename: 'src/val3.ts',
    },
    {
      code: "import { randomBytes } from 'node:crypto';\nimport secrets from 'secrets.js-grempe';\n\nsecrets.setRNG((bits: number) =>\n  [...randomBytes(Math.ceil(bits / 8))].map((b) => b.toString(2).padStart(8, '0')).join('').slice(0, bits),\n);\n",
      filename: 'src/val4.ts',
    },
    {
      code: "import { Simulation } from './simulation';\n\nconst sim = new Simulation();\nsim.setRandom(() => Math.random());\nsim.run();\n",
      filename: 'src/val5.ts',
    },
  ],
  invalid: [
    {
      code: 'if (!window.crypto.getRandomValues) {\n  window.crypto.getRandomValues = function (arr) {\n    for (let i = 0; i < arr.length; i++) arr[i] = (Math.random() * 256) | 0;\n    return arr;\n  };\n}\n',
      filename: 'src/inv1.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 3,
          column: 52,
          endLine: 3,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomInt } from 'node:crypto';\nif (!window.crypto.getRandomValues) {\n  window.crypto.getRandomValues = function (arr) {\n    for (let i = 0; i < arr.length; i++) arr[i] = randomInt(256);\n    return arr;\n  };\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomInt } from 'keyhygiene/keys';\nif (!window.crypto.getRandomValues) {\n  window.crypto.getRandomValues = function (arr) {\n    for (let i = 0; i < arr.length; i++) arr[i] = randomInt(0, 256);\n    return arr;\n  };\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "Object.defineProperty(globalThis, 'crypto', {\n  value: {\n    getRandomValues(buf: Uint8Array): Uint8Array {\n      return buf.map(() => Math.floor(Math.random() * 256));\n    },\n  },\n});\n",
      filename: 'src/inv2.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 4,
          column: 39,
          endLine: 4,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomInt } from 'node:crypto';\nObject.defineProperty(globalThis, 'crypto', {\n  value: {\n    getRandomValues(buf: Uint8Array): Uint8Array {\n      return buf.map(() => randomInt(256));\n    },\n  },\n});\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomInt } from 'keyhygiene/keys';\nObject.defineProperty(globalThis, 'crypto', {\n  value: {\n    getRandomValues(buf: Uint8Array): Uint8Array {\n      return buf.map(() => randomInt(0, 256));\n    },\n  },\n});\n",
            },
          ],
        },
      ],
    },
    {
      code: 'export function secureRandomBytes(size: number): number[] {\n  return Array.from({ length: size }, () => Math.floor(Math.random() * 256));\n}\n',
      filename: 'src/inv3.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 2,
          column: 56,
          endLine: 2,
          endColumn: 69,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomInt } from 'node:crypto';\nexport function secureRandomBytes(size: number): number[] {\n  return Array.from({ length: size }, () => randomInt(256));\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomInt } from 'keyhygiene/keys';\nexport function secureRandomBytes(size: number): number[] {\n  return Array.from({ length: size }, () => randomInt(0, 256));\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import bcrypt from 'bcryptjs';\n\nbcrypt.setRandomFallback((len: number) => {\n  const out: number[] = [];\n  while (out.length < len) out.push(Math.floor(Math.random() * 256));\n  return out;\n});\n",
      filename: 'src/inv4.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 5,
          column: 48,
          endLine: 5,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import bcrypt from 'bcryptjs';\nimport { randomInt } from 'node:crypto';\n\nbcrypt.setRandomFallback((len: number) => {\n  const out: number[] = [];\n  while (out.length < len) out.push(randomInt(256));\n  return out;\n});\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import bcrypt from 'bcryptjs';\nimport { randomInt } from 'keyhygiene/keys';\n\nbcrypt.setRandomFallback((len: number) => {\n  const out: number[] = [];\n  while (out.length < len) out.push(randomInt(0, 256));\n  return out;\n});\n",
            },
          ],
        },
      ],
    },
    {
      code: "import secrets from 'secrets.js-grempe';\n\nfunction bitString(bits: number): string {\n  let s = '';\n  while (s.length < bits) s += Math.round(Math.random()).toString();\n  return s;\n}\n\nsecrets.setRNG(bitString);\n",
      filename: 'src/inv5.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 5,
          column: 43,
          endLine: 5,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import secrets from 'secrets.js-grempe';\nimport { randomInt } from 'node:crypto';\n\nfunction bitString(bits: number): string {\n  let s = '';\n  while (s.length < bits) s += Math.round(randomInt(2 ** 48) / 2 ** 48).toString();\n  return s;\n}\n\nsecrets.setRNG(bitString);\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import secrets from 'secrets.js-grempe';\nimport { randomInt } from 'keyhygiene/keys';\n\nfunction bitString(bits: number): string {\n  let s = '';\n  while (s.length < bits) s += Math.round(randomInt(0, 2 ** 48) / 2 ** 48).toString();\n  return s;\n}\n\nsecrets.setRNG(bitString);\n",
            },
          ],
        },
      ],
    },
    {
      code: 'export const randomFill = (buf: Uint8Array): Uint8Array => buf.map((_, i) => (Date.now() >> i) & 0xff);\n',
      filename: 'src/inv6.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 1,
          column: 79,
          endLine: 1,
          endColumn: 89,
        },
      ],
    },
  ],
});
