/**
 * require-key-rotation: a token keyed by the record its own `aud`/`sub`/`iss` claim identifies (src/rule-kit/
 * claim-keyed.ts) has one key per client or caller, found by that claim: an HS256 ID token keyed with the client
 * secret of the client in `aud` (OIDC Core §10.1), a presign token keyed with the caller's API token whose id is
 * `sub`, a client assertion keyed with the app's secret (RFC 7523). Near misses stay reported: the claim names a
 * record but the key is the service's; a module-level configuration (one static key); a claim that is no id.
 */
import rule from '../../rules/require-key-rotation.js';
import { ruleTester } from '../helpers/rule-tester.js';

const SESSION_FIX =
  "import jwt from 'jsonwebtoken';\nexport function session(user: { id: string }) {\n  return jwt.sign({ sub: user.id }, process.env.JWT_SECRET as string, { expiresIn: '1h', keyid: 'v1' });\n}\n";
const PROXY_FIX =
  "import jwt from 'jsonwebtoken';\nconst upstream = { clientId: 'dashboard', secret: process.env.UPSTREAM_SECRET as string };\nexport const proxyToken = () => jwt.sign({ aud: upstream.clientId }, upstream.secret, { expiresIn: '8h', keyid: 'v1' });\n";
const UPSTREAM_FIX =
  "import jwt from 'jsonwebtoken';\nexport async function upstreamToken(load: () => Promise<{ audience: string; signingSecret: string }>) {\n  const cfg = await load();\n  return jwt.sign({ aud: cfg.audience }, cfg.signingSecret, { expiresIn: '1d', keyid: 'v1' });\n}\n";

ruleTester.run('require-key-rotation (keyed by the claimed record)', rule, {
  valid: [
    {
      code: "import { SignJWT } from 'jose';\ndeclare const registry: { find(id: string): Promise<{ clientId: string; clientSecret: string }> };\ndeclare function unseal(kek: string, sealed: string): Promise<string>;\nexport async function idToken(id: string, userId: string, kek: string) {\n  const registration = await registry.find(id);\n  const claims = { sub: userId, aud: registration.clientId };\n  return new SignJWT(claims)\n    .setProtectedHeader({ alg: 'HS256' })\n    .setExpirationTime('10m')\n    .sign(new TextEncoder().encode(await unseal(kek, registration.clientSecret)));\n}\n",
      filename: 'src/oidc/id-token.ts',
    },
    {
      code: "import jwt from 'jsonwebtoken';\ndeclare const db: { apiTokens: { byValue(v: string): Promise<{ id: number; value: string }> } };\nexport async function presign(raw: string, scope: string) {\n  const record = await db.apiTokens.byValue(raw);\n  return jwt.sign({ sub: String(record.id), scope }, record.value, { expiresIn: '1h' });\n}\n",
      filename: 'src/embed/presign.ts',
    },
    {
      code: "import jwt from 'jsonwebtoken';\ndeclare const installs: { load(name: string): Promise<{ appId: string; appSecret: string }> };\ndeclare function decryptField(purpose: string, v: string): string;\nexport async function clientAssertion(name: string, tokenUrl: string) {\n  const inst = await installs.load(name);\n  const payload = { iss: inst.appId, sub: inst.appId, aud: tokenUrl, jti: crypto.randomUUID() };\n  const key = decryptField('app', inst.appSecret);\n  return jwt.sign(payload, key, { algorithm: 'HS256', expiresIn: 60 });\n}\n",
      filename: 'src/oauth/assertion.ts',
    },
  ],
  invalid: [
    {
      // near miss: the claim names the user, the key is the service's secret
      code: "import jwt from 'jsonwebtoken';\nexport function session(user: { id: string }) {\n  return jwt.sign({ sub: user.id }, process.env.JWT_SECRET as string, { expiresIn: '1h' });\n}\n",
      filename: 'src/auth/session.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 91,
          suggestions: [{ messageId: 'addKeyId', data: { property: 'keyid', kid: 'v1' }, output: SESSION_FIX }],
        },
      ],
    },
    {
      // near miss: a module-level configuration holds the audience and the one key
      code: "import jwt from 'jsonwebtoken';\nconst upstream = { clientId: 'dashboard', secret: process.env.UPSTREAM_SECRET as string };\nexport const proxyToken = () => jwt.sign({ aud: upstream.clientId }, upstream.secret, { expiresIn: '8h' });\n",
      filename: 'src/proxy/token.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 3,
          column: 33,
          endLine: 3,
          endColumn: 107,
          suggestions: [{ messageId: 'addKeyId', data: { property: 'keyid', kid: 'v1' }, output: PROXY_FIX }],
        },
      ],
    },
    {
      // near miss: the claim reads no id of the record (an audience URL)
      code: "import jwt from 'jsonwebtoken';\nexport async function upstreamToken(load: () => Promise<{ audience: string; signingSecret: string }>) {\n  const cfg = await load();\n  return jwt.sign({ aud: cfg.audience }, cfg.signingSecret, { expiresIn: '1d' });\n}\n",
      filename: 'src/proxy/upstream.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 81,
          suggestions: [{ messageId: 'addKeyId', data: { property: 'keyid', kid: 'v1' }, output: UPSTREAM_FIX }],
        },
      ],
    },
  ],
});
