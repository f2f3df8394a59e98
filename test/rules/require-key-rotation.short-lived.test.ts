/**
 * require-key-rotation: a token that lives five minutes at most (src/rule-kit/token-lifetime.ts) outlives a key
 * change by no more than that, so a missing `kid` costs nothing a re-mint does not fix. Near misses stay reported:
 * fifteen minutes, an hour, and a lifetime that is not a constant.
 */
import rule from '../../rules/require-key-rotation.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('require-key-rotation (short-lived tokens)', rule, {
  valid: [
    {
      // a proxy's per-request token: jose, expiry in epoch seconds two minutes ahead
      code: "import { SignJWT } from 'jose';\nexport async function proxyToken(subject: string) {\n  const key = new TextEncoder().encode(process.env.PROXY_JWT_SECRET);\n  const now = Math.floor(Date.now() / 1000);\n  return new SignJWT({ scope: 'read' })\n    .setProtectedHeader({ alg: 'HS256' })\n    .setSubject(subject)\n    .setIssuedAt(now)\n    .setExpirationTime(now + 120)\n    .sign(key);\n}\n",
      filename: 'src/proxy/token.ts',
    },
    {
      // a websocket ticket: jsonwebtoken, a two-minute span
      code: "import jwt from 'jsonwebtoken';\nexport const wsTicket = (userId: string) =>\n  jwt.sign({ sub: userId, ws: true }, process.env.WS_SECRET as string, { expiresIn: '2m' });\n",
      filename: 'src/ws/ticket.ts',
    },
    {
      // a service-to-service call token: sixty seconds, options in a constant
      code: "import jwt from 'jsonwebtoken';\nconst CALL_OPTIONS = { algorithm: 'HS256' as const, expiresIn: 60 };\nexport const callToken = () => jwt.sign({ svc: 'billing' }, process.env.SVC_SECRET as string, CALL_OPTIONS);\n",
      filename: 'src/svc/call.ts',
    },
  ],
  invalid: [
    {
      // near miss: fifteen minutes
      code: "import jwt from 'jsonwebtoken';\nexport const access = (userId: string) =>\n  jwt.sign({ sub: userId }, process.env.JWT_SECRET as string, { expiresIn: '15m' });\n",
      filename: 'src/auth/access.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 84,
          suggestions: [
            {
              messageId: 'addKeyId',
              data: { property: 'keyid', kid: 'v1' },
              output:
                "import jwt from 'jsonwebtoken';\nexport const access = (userId: string) =>\n  jwt.sign({ sub: userId }, process.env.JWT_SECRET as string, { expiresIn: '15m', keyid: 'v1' });\n",
            },
          ],
        },
      ],
    },
    {
      // near miss: jose, an hour
      code: "import { SignJWT } from 'jose';\nconst key = new TextEncoder().encode(process.env.JWT_SECRET);\nexport const session = (sub: string) =>\n  new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setExpirationTime('1h').sign(key);\n",
      filename: 'src/auth/session.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 4,
          column: 38,
          endLine: 4,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'addKeyId',
              data: { property: 'kid', kid: 'v1' },
              output:
                "import { SignJWT } from 'jose';\nconst key = new TextEncoder().encode(process.env.JWT_SECRET);\nexport const session = (sub: string) =>\n  new SignJWT({}).setProtectedHeader({ alg: 'HS256', kid: 'v1' }).setSubject(sub).setExpirationTime('1h').sign(key);\n",
            },
          ],
        },
      ],
    },
    {
      // near miss: a lifetime that is not a constant
      code: "import jwt from 'jsonwebtoken';\nexport const token = (userId: string, ttl: number) =>\n  jwt.sign({ sub: userId }, process.env.JWT_SECRET as string, { expiresIn: ttl });\n",
      filename: 'src/auth/token.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 82,
          suggestions: [
            {
              messageId: 'addKeyId',
              data: { property: 'keyid', kid: 'v1' },
              output:
                "import jwt from 'jsonwebtoken';\nexport const token = (userId: string, ttl: number) =>\n  jwt.sign({ sub: userId }, process.env.JWT_SECRET as string, { expiresIn: ttl, keyid: 'v1' });\n",
            },
          ],
        },
      ],
    },
  ],
});
