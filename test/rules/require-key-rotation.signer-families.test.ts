/**
 * require-key-rotation (session 37, branch rot21): the JWT/JWS signers of libraries other than jsonwebtoken, jose,
 * hono and paseto — @hapi/jwt `token.generate`, jwt-simple `encode`, @tsndr/cloudflare-worker-jwt `sign`, `jws.sign`
 * and jsrsasign `KJUR.jws.JWS.sign`. Each takes a key id in a header object; one static key with none is the finding.
 * Near misses: a kid in the header, a key chosen from a set, a generic helper whose caller passes claims and key,
 * the libraries' verify/decode calls, and a same-named function of another module.
 */
import rule from '../../rules/require-key-rotation.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('require-key-rotation (other JWT signer libraries)', rule, {
  valid: [
    {
      code: "import Jwt from '@hapi/jwt';\nimport { keyring } from './keyring';\nconst ring: Record<string, string> = JSON.parse(process.env.LINK_KEYS ?? '{}');\nexport const link = (id: string, kid: string) =>\n  Jwt.token.generate({ sub: id }, { key: ring[kid]!, algorithm: 'HS512' }, { header: { kid } });\nexport const pinned = (id: string) => Jwt.token.generate({ sub: id }, process.env.LINK_KEY!, { header: { kid: 'l2' } });\nexport const current = (id: string) => Jwt.token.generate({ sub: id }, { key: keyring.current().secret, algorithm: 'HS256' });\nexport const check = (artifacts: object) => Jwt.token.verify(artifacts as never, process.env.LINK_KEY!);\n",
      filename: 'src/links.ts',
    },
    {
      code: "import jwt from 'jwt-simple';\nimport jws from 'jws';\nexport const encodeWith = (claims: object, key: string) => jwt.encode(claims, key, 'HS256');\nexport const session = (uid: string) => jwt.encode({ uid }, process.env.SESSION_SECRET!, 'HS256', { header: { kid: 's4' } });\nexport const read = (t: string) => jwt.decode(t, process.env.SESSION_SECRET!);\nexport const hook = (body: string) => jws.sign({ header: { alg: 'HS256', kid: 'w7' }, payload: body, secret: process.env.HOOK_SECRET! });\n",
      filename: 'src/session.ts',
    },
    {
      code: "import { encode } from './base64url';\nimport { sign } from './signature';\nexport const blob = (p: object) => encode(p, process.env.SESSION_SECRET!);\nexport const sig = (p: object) => sign(p, process.env.SESSION_SECRET!);\n",
      filename: 'src/local.ts',
    },
  ],
  invalid: [
    {
      code: "const Jwt = require('@hapi/jwt');\nexports.unsubscribeLink = (userId) =>\n  Jwt.token.generate({ sub: userId, purpose: 'unsubscribe' }, { key: process.env.MAIL_LINK_KEY, algorithm: 'HS256' });\n",
      filename: 'lib/mail.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 118,
          suggestions: [
            {
              messageId: 'addKeyId',
              data: { property: 'header.kid', kid: 'v1' },
              output:
                "const Jwt = require('@hapi/jwt');\nexports.unsubscribeLink = (userId) =>\n  Jwt.token.generate({ sub: userId, purpose: 'unsubscribe' }, { key: process.env.MAIL_LINK_KEY, algorithm: 'HS256' }, { header: { kid: 'v1' } });\n",
            },
          ],
        },
      ],
    },
    {
      code: "import Jwt from '@hapi/jwt';\nconst KEY = process.env.API_TOKEN_KEY!;\nexport const apiToken = (id: string) => Jwt.token.generate({ sub: id }, KEY, { ttlSec: 3600 });\n",
      filename: 'src/api-token.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 3,
          column: 41,
          endLine: 3,
          endColumn: 95,
          suggestions: [
            {
              messageId: 'addKeyId',
              data: { property: 'header.kid', kid: 'v1' },
              output:
                "import Jwt from '@hapi/jwt';\nconst KEY = process.env.API_TOKEN_KEY!;\nexport const apiToken = (id: string) => Jwt.token.generate({ sub: id }, KEY, { ttlSec: 3600, header: { kid: 'v1' } });\n",
            },
          ],
        },
      ],
    },
    {
      // a header without a kid: reported, and no second `header` is suggested
      code: "import jwt from '@tsndr/cloudflare-worker-jwt';\nexport const edgeToken = (sub: string) => jwt.sign({ sub }, EDGE_SECRET, { algorithm: 'HS256', header: { typ: 'JWT' } });\ndeclare const EDGE_SECRET: string;\n",
      filename: 'src/edge.ts',
      errors: [{ messageId: 'jwtNoKid', line: 2, column: 43, endLine: 2, endColumn: 121, suggestions: [] }],
    },
    {
      code: "import jwt from 'jwt-simple';\nimport { KJUR } from 'jsrsasign';\nimport jws from 'jws';\nconst SECRET = process.env.SSO_SECRET!;\nexport const a = (uid: string) => jwt.encode({ uid }, SECRET, 'HS512');\nexport const b = (uid: string) => KJUR.jws.JWS.sign('HS256', { alg: 'HS256', typ: 'JWT' }, { uid }, SECRET);\nexport const c = (body: string) => jws.sign({ header: { alg: 'HS256' }, payload: body, secret: SECRET });\n",
      filename: 'src/sso.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 5,
          column: 35,
          endLine: 5,
          endColumn: 71,
          suggestions: [
            {
              messageId: 'addKeyId',
              data: { property: 'header.kid', kid: 'v1' },
              output:
                "import jwt from 'jwt-simple';\nimport { KJUR } from 'jsrsasign';\nimport jws from 'jws';\nconst SECRET = process.env.SSO_SECRET!;\nexport const a = (uid: string) => jwt.encode({ uid }, SECRET, 'HS512', { header: { kid: 'v1' } });\nexport const b = (uid: string) => KJUR.jws.JWS.sign('HS256', { alg: 'HS256', typ: 'JWT' }, { uid }, SECRET);\nexport const c = (body: string) => jws.sign({ header: { alg: 'HS256' }, payload: body, secret: SECRET });\n",
            },
          ],
        },
        {
          messageId: 'jwtNoKid',
          line: 6,
          column: 35,
          endLine: 6,
          endColumn: 108,
          suggestions: [
            {
              messageId: 'addKeyId',
              data: { property: 'kid', kid: 'v1' },
              output:
                "import jwt from 'jwt-simple';\nimport { KJUR } from 'jsrsasign';\nimport jws from 'jws';\nconst SECRET = process.env.SSO_SECRET!;\nexport const a = (uid: string) => jwt.encode({ uid }, SECRET, 'HS512');\nexport const b = (uid: string) => KJUR.jws.JWS.sign('HS256', { alg: 'HS256', typ: 'JWT', kid: 'v1' }, { uid }, SECRET);\nexport const c = (body: string) => jws.sign({ header: { alg: 'HS256' }, payload: body, secret: SECRET });\n",
            },
          ],
        },
        { messageId: 'jwtNoKid', line: 7, column: 36, endLine: 7, endColumn: 105, suggestions: [] },
      ],
    },
  ],
});
