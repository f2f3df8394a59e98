import rule from '../../rules/no-weak-randomness.js';
import { ruleTester } from '../helpers/rule-tester.js';

// issue 11 (session 35, branch rand19): a bare `code` (or `key`, `link`) whose context was not read.
// (1) The class a method belongs to is NOT read (tried, then dropped at merge): a class named for codes also holds
// error and country codes (`class OtpService { fail(status, code) }`, test/rules/no-logged-key.strangers4.test.ts).
// (2) The module a bare code is made in names it (`otp.ts`, `magic-link.ts`); not for `key` or `link`.
// (3) A route that names the code itself (`/:examId/access-code`) is read with the unpredictable-code lexicon.
// Found in blind8c, blind14b and blind16 (development corpora). Each invalid case below was silent before this change.
ruleTester.run('no-weak-randomness (context of a bare code)', rule, {
  valid: [
    {
      // an error code in an error catalogue
      code: 'export class ErrorCatalog {\n  make(): string {\n    const code = String(Math.floor(100000 + Math.random() * 900000));\n    return `E${code}`;\n  }\n}\n',
      filename: 'src/errors.ts',
    },
    {
      // a colour code
      code: "export function swatch(): string {\n  const code = Math.floor(Math.random() * 0xffffff).toString(16).padStart(6, '0');\n  return `#${code}`;\n}\n",
      filename: 'src/colors.ts',
    },
    {
      // a class named for login: its state stays UI state
      code: 'export class LoginPanel {\n  reset(): number {\n    const state = Math.random();\n    return state;\n  }\n}\n',
      filename: 'src/login-panel.ts',
    },
    {
      // a login module: a bare state is not read from the module name
      code: 'export function render(): number {\n  const state = Math.floor(Math.random() * 3);\n  return state;\n}\n',
      filename: 'src/login.ts',
    },
    {
      // a status code on a route named for it
      code: "import Fastify from 'fastify';\n\nconst app = Fastify();\n\napp.get('/status-code', async () => {\n  const code = 200 + Math.floor(Math.random() * 4);\n  return { code };\n});\n",
      filename: 'src/server.ts',
    },
    {
      // a CSPRNG code in an OTP module
      code: "import { randomInt } from 'node:crypto';\n\nexport function issue(userId: string) {\n  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');\n  return { userId, code };\n}\n",
      filename: 'src/auth/otp.ts',
    },
    {
      // a cache key in a module named for API keys
      code: 'export class CacheStore {\n  put(value: string): string {\n    const key = `${Date.now()}-${Math.random()}`;\n    return key + value;\n  }\n}\n',
      filename: 'src/api-keys.ts',
    },
  ],
  invalid: [
    {
      // a bare code in an OTP module
      code: 'export function issue(userId: string) {\n  const code = Math.random().toString().slice(2, 8);\n  return { userId, code };\n}\n',
      filename: 'src/auth/otp.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomBytes } from 'node:crypto';\nexport function issue(userId: string) {\n  const code = randomBytes(32).toString('base64url');\n  return { userId, code };\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomToken } from 'keyhygiene/keys';\nexport function issue(userId: string) {\n  const code = randomToken();\n  return { userId, code };\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a bare code in a magic-link module
      code: 'export async function requestLink(email: string) {\n  const code = String(Math.floor(100000 + Math.random() * 900000));\n  return { email, code };\n}\n',
      filename: 'src/magic-link.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 2,
          column: 43,
          endLine: 2,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomInt } from 'node:crypto';\nexport async function requestLink(email: string) {\n  const code = String(randomInt(100000, 1000000));\n  return { email, code };\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomInt } from 'keyhygiene/keys';\nexport async function requestLink(email: string) {\n  const code = String(randomInt(100000, 1000000));\n  return { email, code };\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a bare code on a route named for an access code
      code: "import Fastify from 'fastify';\n\nconst app = Fastify();\n\napp.post('/:examId/access-code', async () => {\n  const code = String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');\n  return { code };\n});\n",
      filename: 'src/server.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 6,
          column: 34,
          endLine: 6,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import Fastify from 'fastify';\nimport { randomInt } from 'node:crypto';\n\nconst app = Fastify();\n\napp.post('/:examId/access-code', async () => {\n  const code = String(randomInt(1_000_000)).padStart(6, '0');\n  return { code };\n});\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import Fastify from 'fastify';\nimport { randomInt } from 'keyhygiene/keys';\n\nconst app = Fastify();\n\napp.post('/:examId/access-code', async () => {\n  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');\n  return { code };\n});\n",
            },
          ],
        },
      ],
    },
  ],
});
