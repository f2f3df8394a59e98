/**
 * no-logged-key and no-hardcoded-key: error codes and message keys kept under token-ish names
 * (`INVALID_ACCESS_TOKEN = 'auth/invalid_access_token'`, `TOKEN_EXPIRED = 'token_expired'`) name a condition;
 * they are not key values, and throwing or logging them logs no key material. A random value under the same
 * kind of name, or a token read at run time, stays reported. No keys here: the random samples are made up.
 */
import { describe, expect, it } from 'vitest';
import noLoggedKey from '../../rules/no-logged-key.js';
import noHardcodedKey from '../../rules/no-hardcoded-key.js';
import { lintWith } from '../helpers/probe.js';

/** The `[line, messageId]` pairs the rule reports for `code` in a src/ TypeScript file. */
function lint(rule: unknown, code: string): [number, string | undefined][] {
  return lintWith(rule, code, 'src/auth/errors.ts').map((m) => [m.line, m.fatal ? `fatal: ${m.message}` : m.messageId]);
}

const RANDOM = 'Zq8vR6xW1yB5cD3eF7gH9jK2lM4nP6qR';

describe('no-logged-key: error codes are not key material', () => {
  it.each([
    // NestJS: an exception carrying an error code constant from the same file
    [
      "const INVALID_ACCESS_TOKEN = 'auth/invalid_access_token' as const;\n" +
        'export function validate(payload) {\n  if (!payload) throw new ForbiddenException(INVALID_ACCESS_TOKEN);\n}',
    ],
    // a snake_case status code logged as a warning
    ["const EXPIRED_RESET_TOKEN = 'token_expired';\nexport const onExpired = (log) => log.warn(EXPIRED_RESET_TOKEN);"],
    // Firebase-style namespaced code with dashes
    ["const ERR_ID_TOKEN = 'auth/id-token-revoked';\nexport const fail = () => console.error(ERR_ID_TOKEN);"],
    // an i18n message key
    [
      "const MISSING_SESSION_TOKEN = 'errors.sessionTokenMissing';\nexport const warn = () => console.warn(MISSING_SESSION_TOKEN);",
    ],
    // a constant imported from an errors module this file cannot read
    [
      "import { INVALID_REFRESH_TOKEN } from '../errors';\n" +
        'export function check(p) {\n  if (!p) throw new UnauthorizedException(INVALID_REFRESH_TOKEN);\n}',
    ],
  ])('%s', (code) => {
    expect(lint(noLoggedKey, code)).toEqual([]);
  });

  it.each([
    // a random value under an error-ish name is still a value
    [`const INVALID_ACCESS_TOKEN = '${RANDOM}';\nconsole.log(INVALID_ACCESS_TOKEN);`, 2],
    // a token read at run time under an error-ish name
    [
      'export function reject(req) {\n  const INVALID_ACCESS_TOKEN = req.headers.authorization;\n  console.log(INVALID_ACCESS_TOKEN);\n}',
      3,
    ],
    // imported, but named for no error condition
    ["import { ACCESS_TOKEN } from './config';\nconsole.log(ACCESS_TOKEN);", 2],
    // imported in camelCase: a binding, not a constant by convention
    ["import { invalidAccessToken } from './state';\nconsole.log(invalidAccessToken);", 2],
  ])('still reports: %s', (code, line) => {
    expect(lint(noLoggedKey, code)).toEqual([[line, 'loggedKey']]);
  });
});

describe('no-logged-key: error codes read from an errors namespace', () => {
  it.each([
    // Parse-style: a numeric code on an imported SDK's error class, with a fixed message
    [
      "import Parse from 'parse/node';\n" +
        "export function check(auth) {\n  if (!auth) throw new Parse.Error(Parse.Error.INVALID_SESSION_TOKEN, 'Invalid session token');\n}",
    ],
    // a code from an errors object of the same file, logged
    [
      "const Codes = { TOKEN_EXPIRED: 4011, MISSING_API_KEY: 'missing_api_key' };\n" +
        'export const onExpired = (log) => log.warn(Codes.TOKEN_EXPIRED, Codes.MISSING_API_KEY);',
    ],
    // a deeper namespace, imported, in an error factory's message
    [
      "import { errors } from './errors';\n" +
        'export function deny() {\n  throw new Error(`denied: ${errors.auth.REVOKED_REFRESH_TOKEN}`);\n}',
    ],
  ])('%s', (code) => {
    expect(lint(noLoggedKey, code)).toEqual([]);
  });

  it.each([
    // the namespace gives the member a random value: judged by that value
    [`const Bad = { INVALID_ACCESS_TOKEN: '${RANDOM}' };\nconsole.log(Bad.INVALID_ACCESS_TOKEN);`, 2],
    // a SCREAMING_CASE member named for no error condition
    ["import { cfg } from './cfg';\nconsole.log(cfg.ACCESS_TOKEN);", 2],
    // camelCase: a value that failed, not a code
    ['export function reject(ctx) {\n  console.log(ctx.invalidAccessToken);\n}', 2],
    // an environment variable is a value whatever its name
    ['console.log(process.env.EXPIRED_API_KEY);', 1],
  ])('still reports: %s', (code, line) => {
    expect(lint(noLoggedKey, code)).toEqual([[line, 'loggedKey']]);
  });
});

describe('no-hardcoded-key: error codes are not key values', () => {
  it.each([
    ["export const INVALID_ACCESS_TOKEN = 'auth/invalid_access_token' as const;"],
    ["export const SESSION_SECRET_ERROR = 'session:secret_not_configured';"],
    ["export const API_KEY_REVOKED = 'settings/api-key/revoked';"],
  ])('%s', (code) => {
    expect(lint(noHardcodedKey, code)).toEqual([]);
  });

  it('still reports a random value behind a namespace', () => {
    expect(lint(noHardcodedKey, `export const API_TOKEN = 'auth/${RANDOM}';`)).toEqual([[1, 'secretName']]);
  });
});
