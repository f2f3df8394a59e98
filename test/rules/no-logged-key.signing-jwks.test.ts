/**
 * no-logged-key (issue 11, session 30, branch lk14): a JSON Web Key the file imports with jose's `importJWK` and then
 * signs with (`new SignJWT(…).sign(key)`) is a private key, whatever its name (`jwk`, `signingJwk`); logged whole it
 * logs its private member. Near misses: a JWK imported to encrypt to or to verify with (a public key), its `kid`
 * logged, its public part after the private member is taken off, and a JWK imported where nothing signs.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-key.js';
import { lintWith } from '../helpers/probe.js';

/** Each report of the rule, by messageId, line and column: a report moved to another node of its line fails. */
const reports = (code: string): { messageId: string | undefined; line: number; column: number }[] =>
  lintWith(rule, code, 'src/auth/jwt.ts')
    .filter((m) => m.ruleId === 'k/r')
    .map((m) => ({ messageId: m.messageId, line: m.line, column: m.column }));

describe('a JWK imported to sign', () => {
  it('is a private key when logged whole', () => {
    const code = [
      "import { SignJWT, importJWK, type JWK } from 'jose';",
      'declare const logger: { debug(m: string): void; info(o: object, m: string): void };',
      'declare const stored: JWK;',
      'const signingJwk: JWK = stored;',
      'export async function idToken(userId: string, jwk: JWK) {',
      '  logger.debug(`signing id token with ${JSON.stringify(jwk)}`);',
      "  const key = await importJWK(jwk, 'ES256');",
      "  return new SignJWT({ sub: userId }).setProtectedHeader({ alg: 'ES256' }).sign(key);",
      '}',
      'export async function access(userId: string) {',
      "  const key = await importJWK(signingJwk, 'ES256');",
      "  return new SignJWT({ sub: userId }).setProtectedHeader({ alg: 'ES256' }).sign(key);",
      '}',
      'export function dump() {',
      "  logger.info({ key: signingJwk }, 'active key');",
      '}',
    ].join('\n');
    expect(reports(code)).toEqual([
      { messageId: 'loggedKey', line: 6, column: 41 },
      { messageId: 'loggedKey', line: 15, column: 22 },
    ]);
  });

  it('is not reported when imported to encrypt or verify, or only its public part is logged', () => {
    const code = [
      "import { CompactEncrypt, importJWK, jwtVerify, type JWK } from 'jose';",
      'declare const logger: { debug(m: string): void; info(o: object, m: string): void };',
      'export async function seal(payload: string, appJwk: JWK) {',
      '  logger.debug(`sealing for ${JSON.stringify(appJwk)}`);',
      "  const key = await importJWK(appJwk, 'RSA-OAEP-256');",
      "  return new CompactEncrypt(new TextEncoder().encode(payload)).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }).encrypt(key);",
      '}',
      'export async function check(token: string, issuerJwk: JWK) {',
      "  logger.info({ jwk: issuerJwk }, 'verifying');",
      "  const key = await importJWK(issuerJwk, 'ES256');",
      '  return jwtVerify(token, key);',
      '}',
      'export async function describe(jwk: JWK) {',
      "  const key = await importJWK(jwk, 'ES256');",
      '  const { d, ...publicPart } = jwk;',
      "  logger.info({ kid: jwk.kid, jwk: publicPart, hasPrivate: d !== undefined, type: typeof key }, 'key');",
      '}',
    ].join('\n');
    expect(reports(code)).toEqual([]);
  });
});
