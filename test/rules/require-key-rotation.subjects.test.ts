/**
 * require-key-rotation: a JWT signed with a key that belongs to one subject (a user's own jwtSecret, a team's
 * signing key, an OAuth client's secret for client_secret_jwt) is keyed per subject, not "one static key without
 * a kid". A module constant, an env secret, or a service's configured secret stays reported.
 */
import { ruleTester } from '../helpers/rule-tester.js';
import rule from '../../rules/require-key-rotation.js';

const JWT = "import jwt from 'jsonwebtoken';\n";
const JOSE = "import { SignJWT } from 'jose';\n";

/** One jwtNoKid report on the call `call` (a substring of `code`), with the keyid suggestion giving `output`. */
function noKid(code: string, call: string, output: string) {
  const start = code.indexOf(call);
  if (start < 0 || code.indexOf(call, start + 1) >= 0) throw new Error(`call not found once: ${call}`);
  const pos = (i: number) => {
    const before = code.slice(0, i).split('\n');
    return { line: before.length, column: before[before.length - 1]!.length + 1 };
  };
  const s = pos(start);
  const e = pos(start + call.length);
  return {
    messageId: 'jwtNoKid' as const,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    suggestions: [{ messageId: 'addKeyId' as const, output }],
  };
}

const serviceSecret =
  'export class AuthService {\n' +
  '  constructor() { this.jwtSecret = process.env.JWT_SECRET; }\n' +
  '  issue(user) { return jwt.sign({ sub: user.id }, this.jwtSecret, { expiresIn: "1h" }); }\n' +
  '}';
const envClientSecret =
  'const clientSecret = process.env.OAUTH_CLIENT_SECRET;\njwt.sign({ iss: "app" }, clientSecret);';
const configSecret =
  'export const issue = (config, user) =>\n  jwt.sign({ sub: user.id }, config.jwtSecret.toString());';
const constInUserClass =
  'const SECRET = "shared-signing-secret";\n' +
  'export class User {\n  token() { return jwt.sign({ id: this.id }, SECRET); }\n}';

ruleTester.run('require-key-rotation (per-subject keys)', rule, {
  valid: [
    // a model signs with the user's own random secret (rotated by resetting that column)
    {
      code:
        JWT +
        'export class User extends Model {\n' +
        '  declare jwtSecret: string;\n' +
        '  getSessionToken() { return jwt.sign({ id: this.id, type: "session" }, this.jwtSecret); }\n' +
        '}',
      filename: 'server/models/User.ts',
    },
    // a record loaded from the database carries its own signing key
    {
      code:
        JWT +
        'export async function inviteLink(id) {\n' +
        '  const team = await Team.findByPk(id);\n' +
        '  return jwt.sign({ teamId: team.id }, team.signingKey, { expiresIn: "7d" });\n' +
        '}',
      filename: 'src/invites.ts',
    },
    // the authenticated user's secret, through TextEncoder, with jose
    {
      code:
        JOSE +
        'export const mint = async (req) =>\n' +
        '  new SignJWT({ sub: req.user.id }).setProtectedHeader({ alg: "HS256" })\n' +
        '    .sign(new TextEncoder().encode(req.user.jwtSecret));',
      filename: 'src/tokens.ts',
    },
    // client_secret_jwt (RFC 7523): the HMAC key is the OAuth client's own secret
    {
      code:
        JOSE +
        'export async function clientAssertion(body, tokenUrl) {\n' +
        '  const { clientId, clientSecret } = body;\n' +
        '  return new SignJWT({ iss: clientId, sub: clientId, aud: tokenUrl })\n' +
        '    .setProtectedHeader({ alg: "HS256" }).sign(Buffer.from(clientSecret));\n' +
        '}',
      filename: 'src/oauth/client-auth.ts',
    },
    // a webhook integration's own secret, copied out of the record first
    {
      code:
        JWT +
        'export function deliver(integration, event) {\n' +
        '  const { webhookSecret } = integration;\n' +
        '  return jwt.sign(event, webhookSecret, { algorithm: "HS256" });\n' +
        '}',
      filename: 'src/webhooks/deliver.ts',
    },
    {
      code:
        JWT +
        'export async function signFor(accountId, claims) {\n' +
        '  const account = await db.accounts.find(accountId);\n' +
        '  const key = Buffer.from(account.hmacSecret, "base64");\n' +
        '  return jwt.sign(claims, key);\n' +
        '}',
      filename: 'src/accounts.ts',
    },
  ],
  invalid: [
    // a service's configured secret: one key for everyone
    {
      code: JWT + serviceSecret,
      filename: 'src/auth.service.ts',
      errors: [
        noKid(
          JWT + serviceSecret,
          'jwt.sign({ sub: user.id }, this.jwtSecret, { expiresIn: "1h" })',
          JWT + serviceSecret.replace('expiresIn: "1h"', 'expiresIn: "1h", keyid: \'v1\''),
        ),
      ],
    },
    // named for a client, but read from the environment: the app's one secret
    {
      code: JWT + envClientSecret,
      filename: 'src/oauth.ts',
      errors: [
        noKid(
          JWT + envClientSecret,
          'jwt.sign({ iss: "app" }, clientSecret)',
          JWT + envClientSecret.replace('clientSecret);', "clientSecret, { keyid: 'v1' });"),
        ),
      ],
    },
    // a configuration object is not a subject's record
    {
      code: JWT + configSecret,
      filename: 'src/issue.ts',
      errors: [
        noKid(
          JWT + configSecret,
          'jwt.sign({ sub: user.id }, config.jwtSecret.toString())',
          JWT + configSecret.replace('.toString());', ".toString(), { keyid: 'v1' });"),
        ),
      ],
    },
    // a model class that signs with a module constant
    {
      code: JWT + constInUserClass,
      filename: 'src/models/user.ts',
      errors: [
        noKid(
          JWT + constInUserClass,
          'jwt.sign({ id: this.id }, SECRET)',
          JWT + constInUserClass.replace('SECRET);', "SECRET, { keyid: 'v1' });"),
        ),
      ],
    },
  ],
});
