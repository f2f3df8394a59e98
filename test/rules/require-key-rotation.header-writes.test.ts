/**
 * require-key-rotation: a jose protected header built as an object and given its `kid` by a later assignment
 * (`if (kid) header.kid = kid`), as OAuth client-assertion (private_key_jwt) helpers, JWKS-backed issuers and
 * encrypted-token services write it. The near misses assign another property, only read the kid, give the kid
 * to another object, or set it on a same-named header of another function: those tokens still carry no kid.
 */
import rule from '../../rules/require-key-rotation.js';
import { ruleTester } from '../helpers/rule-tester.js';

const JOSE = "import { EncryptJWT, SignJWT, importJWK, type JWTHeaderParameters } from 'jose';\n";
const SECRET = 'const secret = new TextEncoder().encode(process.env.JWT_SECRET!);\n';

const TYP_ONLY =
  JOSE +
  SECRET +
  'export async function issue(sub: string) {\n' +
  "  const header: JWTHeaderParameters = { alg: 'HS256' };\n" +
  "  header.typ = 'JWT';\n" +
  '  return new SignJWT({ sub }).setProtectedHeader(header).sign(secret);\n' +
  '}\n';
const READ_ONLY =
  JOSE +
  SECRET +
  'export async function issue(sub: string) {\n' +
  "  const header: JWTHeaderParameters = { alg: 'HS256' };\n" +
  "  if (header.kid) console.debug('kid', header.kid);\n" +
  '  return new SignJWT({ sub }).setProtectedHeader(header).sign(secret);\n' +
  '}\n';
const OTHER_OBJECT =
  JOSE +
  SECRET +
  'export async function issue(sub: string, keyId: string) {\n' +
  "  const header: JWTHeaderParameters = { alg: 'HS256' };\n" +
  '  const meta: { kid?: string } = {};\n' +
  '  meta.kid = keyId;\n' +
  '  return new SignJWT({ sub }).setProtectedHeader(header).sign(secret);\n' +
  '}\n' +
  'export async function other(sub: string, keyId: string) {\n' +
  "  const header: JWTHeaderParameters = { alg: 'HS256' };\n" +
  '  header.kid = keyId;\n' +
  '  return new SignJWT({ sub }).setProtectedHeader(header).sign(secret);\n' +
  '}\n' +
  'export async function third(sub: string) {\n' +
  "  const header: JWTHeaderParameters = { alg: 'HS256' };\n" +
  '  return new SignJWT({ sub }).setProtectedHeader(header).sign(secret);\n' +
  '}\n';

/** The suggestion's output: `kid: 'v1'` added to the n-th bare HS256 header of the case. */
function withKid(code: string, n: number): string {
  const bare = "{ alg: 'HS256' }";
  let at = -1;
  for (let i = 0; i <= n; i++) at = code.indexOf(bare, at + 1);
  return `${code.slice(0, at)}{ alg: 'HS256', kid: 'v1' }${code.slice(at + bare.length)}`;
}

/** The report on the n-th bare HS256 header (`{ alg: 'HS256' }` at column 39 of `line`) and its suggestion. */
function noKidAt(code: string, line: number, n: number) {
  const suggestions = [{ messageId: 'addKeyId' as const, output: withKid(code, n) }];
  return { messageId: 'jwtNoKid' as const, line, column: 39, endLine: line, endColumn: 55, suggestions };
}

ruleTester.run('require-key-rotation (kid assigned to the header after its declaration)', rule, {
  valid: [
    // private_key_jwt client assertion: the kid from the options or the JWK, set only when there is one
    {
      code:
        JOSE +
        'export async function clientAssertion(clientId: string, aud: string, jwk: Record<string, unknown>, kid?: string) {\n' +
        "  const alg = (jwk.alg as string) ?? 'RS256';\n" +
        '  const resolvedKid = kid ?? (jwk.kid as string | undefined);\n' +
        "  const header: JWTHeaderParameters = { alg, typ: 'JWT' };\n" +
        '  if (resolvedKid) {\n' +
        '    header.kid = resolvedKid;\n' +
        '  }\n' +
        '  return new SignJWT({}).setProtectedHeader(header).setIssuer(clientId).setAudience(aud)\n' +
        '    .sign(await importJWK(jwk, alg));\n' +
        '}\n',
      filename: 'src/oauth2/client-assertion.ts',
    },
    // an issuer signing with the current JWKS entry, the kid written with bracket access
    {
      code:
        JOSE +
        'export async function issue(keys: { current(): { kid: string; jwk: Record<string, unknown> } }, sub: string) {\n' +
        '  const current = keys.current();\n' +
        "  const protectedHeader: JWTHeaderParameters = { alg: 'ES256' };\n" +
        "  protectedHeader['kid'] = current.kid;\n" +
        "  return new SignJWT({ sub }).setProtectedHeader(protectedHeader).setExpirationTime('15m')\n" +
        "    .sign(await importJWK(current.jwk, 'ES256'));\n" +
        '}\n',
      filename: 'src/tokens/issuer.ts',
    },
    // an encrypted session token whose header gets the key's id in a ternary branch
    {
      code:
        JOSE +
        'export async function seal(claims: Record<string, unknown>, key: Uint8Array, keyId: string | null) {\n' +
        "  const header: { alg: string; enc: string; kid?: string } = { alg: 'dir', enc: 'A256GCM' };\n" +
        '  keyId ? (header.kid = keyId) : undefined;\n' +
        '  return new EncryptJWT(claims).setProtectedHeader(header).encrypt(key);\n' +
        '}\n',
      filename: 'src/session/seal.ts',
    },
  ],
  invalid: [
    // another header property assigned, no kid
    {
      code: TYP_ONLY,
      filename: 'src/tokens/typ-only.ts',
      errors: [noKidAt(TYP_ONLY, 4, 0)],
    },
    // the kid only read (logged), never written
    {
      code: READ_ONLY,
      filename: 'src/tokens/read-only.ts',
      errors: [noKidAt(READ_ONLY, 4, 0)],
    },
    // the kid given to another object; and a same-named header of another function
    {
      code: OTHER_OBJECT,
      filename: 'src/tokens/other-object.ts',
      errors: [noKidAt(OTHER_OBJECT, 4, 0), noKidAt(OTHER_OBJECT, 15, 2)],
    },
  ],
});
