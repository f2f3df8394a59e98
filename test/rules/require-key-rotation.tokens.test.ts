/**
 * require-key-rotation: tokens signed or encrypted with one static key through hono/jwt (whose `sign` has no place
 * for a key id when given a secret) and panva's paseto (`V3.encrypt`, `V4.sign` without a `kid` option). Variants
 * written from how Hono routes and paseto services issue tokens; the near misses pick the key from a keyring or
 * pass a kid, or only verify.
 */
import rule from '../../rules/require-key-rotation.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('require-key-rotation (hono-jwt and paseto tokens)', rule, {
  valid: [
    // valid: hono/jwt signing with a key picked from a keyring, paseto with a kid, verify calls
    {
      code: "import { sign, verify } from 'hono/jwt';\nimport { V4 } from 'paseto';\nimport { keyring } from './keyring';\n\nexport const issue = (sub: string) => sign({ sub }, keyring.current().secret);\nexport const check = (token: string) => verify(token, process.env.JWT_SECRET!);\nconst privateKey = process.env.PASETO_PRIVATE_KEY!;\nexport const pasetoIssue = (sub: string) => V4.sign({ sub }, privateKey, { expiresIn: '1h', kid: 'k-2026-01' });\nexport const pasetoCheck = (t: string) => V4.verify(t, process.env.PASETO_PUBLIC_KEY!);\n",
      filename: 'src/auth/tokens-ok.ts',
    },
  ],
  invalid: [
    // hono/jwt sign with one env secret, in a Hono route and a helper
    {
      code: "import { Hono } from 'hono';\nimport { sign } from 'hono/jwt';\n\nconst app = new Hono();\napp.post('/login', async (c) => {\n  const { userId } = await c.req.json();\n  const token = await sign({ sub: userId, exp: Math.floor(Date.now() / 1000) + 3600 }, c.env.JWT_SECRET);\n  return c.json({ token });\n});\nexport const refresh = (sub: string) => sign({ sub, typ: 'refresh' }, process.env.REFRESH_SECRET!, 'HS512');\nexport default app;\n",
      filename: 'src/auth/hono-login.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 7,
          column: 23,
          endLine: 7,
          endColumn: 105,
        },
        {
          messageId: 'jwtNoKid',
          line: 10,
          column: 41,
          endLine: 10,
          endColumn: 108,
        },
      ],
    },
    // paseto local and public tokens with one static key and no kid
    {
      code: "const { V3, V4 } = require('paseto');\n\nconst localKey = Buffer.from(process.env.PASETO_LOCAL_KEY, 'base64');\nconst privateKey = process.env.PASETO_SECRET_KEY;\n\nasync function sessionToken(user) {\n  return V3.encrypt({ sub: user.id, role: user.role }, localKey, { expiresIn: '8h' });\n}\nasync function publicToken(user) {\n  return V4.sign({ sub: user.id }, privateKey, { issuer: 'api', expiresIn: '15m' });\n}\nmodule.exports = { sessionToken, publicToken };\n",
      filename: 'src/auth/paseto-tokens.js',
      errors: [
        {
          messageId: 'jweNoKid',
          line: 7,
          column: 10,
          endLine: 7,
          endColumn: 86,
          suggestions: [
            {
              messageId: 'addKeyId',
              output:
                "const { V3, V4 } = require('paseto');\n\nconst localKey = Buffer.from(process.env.PASETO_LOCAL_KEY, 'base64');\nconst privateKey = process.env.PASETO_SECRET_KEY;\n\nasync function sessionToken(user) {\n  return V3.encrypt({ sub: user.id, role: user.role }, localKey, { expiresIn: '8h', kid: 'v1' });\n}\nasync function publicToken(user) {\n  return V4.sign({ sub: user.id }, privateKey, { issuer: 'api', expiresIn: '15m' });\n}\nmodule.exports = { sessionToken, publicToken };\n",
            },
          ],
        },
        {
          messageId: 'jwtNoKid',
          line: 10,
          column: 10,
          endLine: 10,
          endColumn: 84,
          suggestions: [
            {
              messageId: 'addKeyId',
              output:
                "const { V3, V4 } = require('paseto');\n\nconst localKey = Buffer.from(process.env.PASETO_LOCAL_KEY, 'base64');\nconst privateKey = process.env.PASETO_SECRET_KEY;\n\nasync function sessionToken(user) {\n  return V3.encrypt({ sub: user.id, role: user.role }, localKey, { expiresIn: '8h' });\n}\nasync function publicToken(user) {\n  return V4.sign({ sub: user.id }, privateKey, { issuer: 'api', expiresIn: '15m', kid: 'v1' });\n}\nmodule.exports = { sessionToken, publicToken };\n",
            },
          ],
        },
      ],
    },
  ],
});
