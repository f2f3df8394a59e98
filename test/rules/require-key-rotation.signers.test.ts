/**
 * require-key-rotation: token signers from the API coverage table (branch ralg6, session 23) that signed with one
 * static key and no key id without a report: jose CompactSign and FlattenedSign, fast-jwt createSigner and Elysia's
 * JWT plugin. The valid cases set the key id each API documents (protected header kid, fast-jwt and Elysia kid).
 */
import rule from '../../rules/require-key-rotation.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('require-key-rotation (JWS and JWT signers from the APIs)', rule, {
  valid: [
    // CompactSign, fast-jwt, Elysia with kid
    {
      code: "import { CompactSign } from 'jose';\nimport { createSigner } from 'fast-jwt';\nimport { jwt } from '@elysiajs/jwt';\nconst key = new TextEncoder().encode(process.env.SIGNING_SECRET);\nexport const s = (t: string) => new CompactSign(new TextEncoder().encode(t)).setProtectedHeader({ alg: 'HS256', kid: '2026-01' }).sign(key);\nexport const signer = createSigner({ key: process.env.JWT_SECRET, kid: '2026-01' });\nexport const plugin = jwt({ name: 'jwt', secret: process.env.JWT_SECRET!, kid: '2026-01' });\n",
      filename: 'src/tokens/ok.ts',
    },
  ],
  invalid: [
    // jose CompactSign no kid
    {
      code: "import { CompactSign } from 'jose';\nconst key = new TextEncoder().encode(process.env.SIGNING_SECRET);\nexport const sign = (text: string) => new CompactSign(new TextEncoder().encode(text)).setProtectedHeader({ alg: 'HS256' }).sign(key);\n",
      filename: 'src/tokens/compact.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 3,
          column: 106,
          endLine: 3,
          endColumn: 122,
          suggestions: [
            {
              messageId: 'addKeyId',
              output:
                "import { CompactSign } from 'jose';\nconst key = new TextEncoder().encode(process.env.SIGNING_SECRET);\nexport const sign = (text: string) => new CompactSign(new TextEncoder().encode(text)).setProtectedHeader({ alg: 'HS256', kid: 'v1' }).sign(key);\n",
            },
          ],
        },
      ],
    },
    // fast-jwt createSigner no kid
    {
      code: "import { createSigner } from 'fast-jwt';\nexport const signSync = createSigner({ key: process.env.JWT_SECRET, expiresIn: 3600000 });\n",
      filename: 'src/tokens/fast.ts',
      errors: [{ messageId: 'jwtNoKid', line: 2, column: 40, endLine: 2, endColumn: 67 }],
    },
    // @elysiajs/jwt plugin
    {
      code: "import { Elysia } from 'elysia';\nimport { jwt } from '@elysiajs/jwt';\nexport const app = new Elysia().use(jwt({ name: 'jwt', secret: process.env.JWT_SECRET! }));\n",
      filename: 'src/server.ts',
      errors: [{ messageId: 'jwtNoKid', line: 3, column: 56, endLine: 3, endColumn: 87 }],
    },
  ],
});
