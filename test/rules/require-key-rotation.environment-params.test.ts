/**
 * require-key-rotation: a key read from the deployment's environment handed in as a parameter (a Cloudflare
 * Worker's `env: Env`, a Hono-style helper's `environment` argument) is one static key, as `process.env` is; a
 * member of any other parameter stays the caller's choice. A call spread over lines is reported from its first line
 * whether its options object is written inline or held in a variable (where the labelled corpora put it).
 */
import rule from '../../rules/require-key-rotation.js';
import { ruleTester } from '../helpers/rule-tester.js';

const CASE_0 =
  "import { SignJWT } from 'jose';\n" +
  'interface Env { PREVIEW_JWT_SECRET: string }\n' +
  'const enc = new TextEncoder();\n' +
  'async function previewToken(env: Env, draftId: string) {\n' +
  '  return new SignJWT({ draft: draftId })\n' +
  "    .setProtectedHeader({ alg: 'HS256' })\n" +
  "    .setExpirationTime('15m')\n" +
  '    .sign(enc.encode(env.PREVIEW_JWT_SECRET));\n' +
  '}\n' +
  'export default {\n' +
  '  async fetch(req: Request, env: Env) {\n' +
  "    return new Response(await previewToken(env, new URL(req.url).searchParams.get('d') ?? ''));\n" +
  '  },\n' +
  '};\n';

const CASE_1 =
  "import jwt from 'jsonwebtoken';\n" +
  'export function inviteLink(environment: Record<string, string>, email: string) {\n' +
  "  return jwt.sign({ email, purpose: 'invite' }, environment.INVITE_SECRET, { expiresIn: '2d' });\n" +
  '}\n';

const CASE_2 =
  "import jwt from 'jsonwebtoken';\n" +
  'const secret = process.env.DRIVER_JWT_SECRET!;\n' +
  'export function driverToken(driverId: string, depot: string) {\n' +
  '  return jwt.sign(\n' +
  "    { sub: driverId, depot, scope: 'driver' },\n" +
  '    secret,\n' +
  "    { algorithm: 'HS256', expiresIn: '8h' },\n" +
  '  );\n' +
  '}\n';

const CASE_3 =
  "import jwt from 'jsonwebtoken';\n" +
  "const opts: jwt.SignOptions = { algorithm: 'HS384', expiresIn: '1h' };\n" +
  'export const kioskToken = (kioskId: string) =>\n' +
  '  jwt.sign(\n' +
  '    { kiosk: kioskId },\n' +
  '    process.env.KIOSK_SECRET!,\n' +
  '    opts,\n' +
  '  );\n';

ruleTester.run('require-key-rotation (environment parameters, options placement)', rule, {
  valid: [
    // a helper whose options parameter carries the secret: the caller chooses the key
    {
      code:
        "import { SignJWT } from 'jose';\n" +
        'export async function grant(opts: { secret: string }, room: string) {\n' +
        "  return new SignJWT({ room }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(opts.secret));\n" +
        '}\n',
      filename: 'src/rooms/grant.ts',
    },
    // the Worker's env secret, but the token names its key
    {
      code:
        "import jwt from '@tsndr/cloudflare-worker-jwt';\n" +
        'interface Env { LINK_SECRET: string; LINK_KID: string }\n' +
        'export default {\n' +
        '  async fetch(req: Request, env: Env) {\n' +
        '    const link = await jwt.sign({ path: new URL(req.url).pathname }, env.LINK_SECRET, {\n' +
        '      header: { kid: env.LINK_KID },\n' +
        '    });\n' +
        '    return new Response(link);\n' +
        '  },\n' +
        '};\n',
      filename: 'src/worker.ts',
    },
    // a parameter named for one tenant's settings, not the deployment's
    {
      code:
        "import jwt from 'jsonwebtoken';\n" +
        'export const embedToken = (tenant: { embedSecret: string }, dashboard: string) =>\n' +
        '  jwt.sign({ resource: { dashboard } }, tenant.embedSecret, { expiresIn: 600 });\n',
      filename: 'src/embed/token.ts',
    },
  ],
  invalid: [
    // Worker: the deployment's one secret, reached through the handler's env binding
    {
      code: CASE_0,
      filename: 'src/preview.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'addKeyId',
              data: { property: 'kid', kid: 'v1' },
              output: CASE_0.replace("{ alg: 'HS256' }", "{ alg: 'HS256', kid: 'v1' }"),
            },
          ],
        },
      ],
    },
    // a helper that takes the environment by its name, untyped
    {
      code: CASE_1,
      filename: 'src/invites/link.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 96,
          suggestions: [
            {
              messageId: 'addKeyId',
              data: { property: 'keyid', kid: 'v1' },
              output: CASE_1.replace("{ expiresIn: '2d' }", "{ expiresIn: '2d', keyid: 'v1' }"),
            },
          ],
        },
      ],
    },
    // options on lines of their own: still reported from the call's first line
    {
      code: CASE_2,
      filename: 'src/drivers/token.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 4,
          column: 10,
          endLine: 8,
          endColumn: 4,
          suggestions: [
            {
              messageId: 'addKeyId',
              data: { property: 'keyid', kid: 'v1' },
              output: CASE_2.replace(
                "{ algorithm: 'HS256', expiresIn: '8h' }",
                "{ algorithm: 'HS256', expiresIn: '8h', keyid: 'v1' }",
              ),
            },
          ],
        },
      ],
    },
    // options held in a variable: the call is reported
    {
      code: CASE_3,
      filename: 'src/kiosk/token.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 4,
          column: 3,
          endLine: 8,
          endColumn: 4,
          suggestions: [
            {
              messageId: 'addKeyId',
              data: { property: 'keyid', kid: 'v1' },
              output: CASE_3.replace(
                "{ algorithm: 'HS384', expiresIn: '1h' }",
                "{ algorithm: 'HS384', expiresIn: '1h', keyid: 'v1' }",
              ),
            },
          ],
        },
      ],
    },
  ],
});
