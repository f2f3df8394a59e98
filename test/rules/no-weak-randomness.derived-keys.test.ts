/**
 * no-weak-randomness (issue 11, session 37, branch rand21).
 * 1. Key material that is only a digest of values anyone can know (`sha256(`fleet:${serial}`)`, a hash of the host
 *    name and user, an HMAC keyed with an order number): no weak source made it, yet whoever knows the inputs computes
 *    it (public-derivations.ts; catalogue `publicInputName`, `derivedKeyPurpose`). Six development misses had this
 *    shape (device PSKs, machine keys, deploy-key passphrases). Near misses: a cache key or avatar hash (no purpose), a
 *    key from a password (no-password-as-key's), from the environment or from a secret parameter, an HMAC under a key
 *    written in the code (no-hardcoded-key's) or read from the environment, a request id, and tokens (left alone:
 *    the validation corpora lost precision when tokens were included).
 * 2. A cookie or header set on a Next.js response made in the file (`const res = NextResponse.next()`).
 * 3. `@/lib/random` and `~/lib/random` with no tsconfig `paths`: the helper follower finds the app's own module.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-weak-randomness.js';
import { lintWith } from '../helpers/probe.js';
import { diskRuleTester } from '../helpers/rule-tester.js';

function lint(code: string, file = 'src/device/keys.ts'): [string | undefined, number, number][] {
  return lintWith(rule, code, file).map((m) => [m.messageId, m.line, m.column]);
}

describe('no-weak-randomness (key material that is a digest of public values)', () => {
  it('reports a device secret, a host key and a factory PSK made only from public values', () => {
    const code =
      "import { createHash, createHmac } from 'node:crypto';\n" +
      "import os from 'node:os';\n" +
      "import { sha256 } from '@noble/hashes/sha256';\n" +
      "import { utf8ToBytes } from '@noble/hashes/utils';\n" +
      'export function provision(serial: string) {\n' +
      "  const deviceSecret = createHash('sha256').update(`acme-fleet:${serial}`).digest('hex');\n" +
      '  return { serial, deviceSecret };\n' +
      '}\n' +
      'export function hostKey(): Uint8Array {\n' +
      '  return sha256(utf8ToBytes(`${os.hostname()}|${os.userInfo().username}`));\n' +
      '}\n' +
      'export function gatewayPsk(unit: { batch: string; vin: string }): Buffer {\n' +
      "  return createHmac('sha256', unit.vin).update(`${unit.batch}`).digest();\n" +
      '}\n';
    expect(lint(code)).toEqual([
      ['weakRandom', 6, 24],
      ['weakRandom', 10, 10],
      ['weakRandom', 13, 10],
    ]);
  });

  it('stays quiet on hashes with no key purpose, secret inputs, keys in the code or the environment, and tokens', () => {
    const code =
      "import { createHash, createHmac } from 'node:crypto';\n" +
      "const LINK_SECRET = 'dev-only-link-secret';\n" +
      "const SIGNING = process.env.LINK_SIGNING_KEY ?? '';\n" +
      'export function quiet(url: string, password: string, email: string, userId: string, sessionSecret: string) {\n' +
      "  const cacheKey = createHash('sha256').update(url).digest('hex');\n" +
      "  const avatarHash = createHash('md5').update(email).digest('hex');\n" +
      "  const encryptionKey = createHash('sha256').update(password).digest();\n" +
      "  const envKey = createHash('sha256').update(process.env.APP_SEED ?? '').digest();\n" +
      "  const linkKey = createHmac('sha256', LINK_SECRET).update(userId).digest('hex');\n" +
      "  const signedKey = createHmac('sha256', SIGNING).update(userId).digest('hex');\n" +
      "  const userKey = createHash('sha256').update(`${userId}:${sessionSecret}`).digest();\n" +
      "  const requestId = createHash('sha1').update(`${userId}:${email}`).digest('hex');\n" +
      "  const unlockToken = createHmac('sha256', userId).update(new Date().toDateString()).digest('hex');\n" +
      '  return { cacheKey, avatarHash, encryptionKey, envKey, linkKey, signedKey, userKey, requestId, unlockToken };\n' +
      '}\n';
    expect(lint(code)).toEqual([]);
  });
});

describe('no-weak-randomness (cookies on a Next.js response made in the file)', () => {
  it('reports a CSRF cookie and a session cookie set on NextResponse.next() and NextResponse.json()', () => {
    const code =
      "import { NextResponse } from 'next/server';\n" +
      'export function middleware() {\n' +
      '  const res = NextResponse.next();\n' +
      "  res.cookies.set('app_csrf', Math.random().toString(36).slice(2));\n" +
      '  return res;\n' +
      '}\n' +
      'export function POST() {\n' +
      '  const response = NextResponse.json({ ok: true });\n' +
      "  response.cookies.set('session', Date.now().toString(36));\n" +
      '  return response;\n' +
      '}\n';
    expect(lint(code, 'middleware.ts')).toEqual([
      ['weakRandom', 4, 31],
      ['weakRandom', 9, 35],
    ]);
  });

  it('stays quiet on a request id header, a theme cookie and a CSPRNG cookie', () => {
    const code =
      "import { NextResponse } from 'next/server';\n" +
      'export function middleware() {\n' +
      '  const res = NextResponse.next();\n' +
      "  res.headers.set('x-request-id', Math.random().toString(36).slice(2));\n" +
      "  res.cookies.set('theme', ['light', 'dark'][Math.floor(Math.random() * 2)]);\n" +
      "  res.cookies.set('app_csrf', crypto.randomUUID());\n" +
      '  return res;\n' +
      '}\n';
    expect(lint(code, 'middleware.ts')).toEqual([]);
  });
});

diskRuleTester.run('no-weak-randomness (root aliases with no tsconfig paths, branch rand21)', rule, {
  valid: [
    {
      // a retry delay from the same helper module
      code: "import { retryDelay } from '@/lib/random';\n\nexport async function wait(attempt: number) {\n  const backoff = retryDelay(attempt);\n  await new Promise((r) => setTimeout(r, backoff));\n}\n",
      filename: 'rootalias/app/api/retry/route.ts',
    },
  ],
  invalid: [
    {
      code: "import { pickString } from '@/lib/random';\n\nexport async function POST() {\n  const inviteToken = pickString(32);\n  return Response.json({ inviteToken });\n}\n",
      filename: 'rootalias/app/api/invite/route.ts',
      errors: [{ messageId: 'weakRandom', line: 4, column: 23, endLine: 4, endColumn: 37 }],
    },
    {
      code: "import { pickString } from '~/lib/random';\n\nexport function resetLink(base: string) {\n  const resetToken = pickString();\n  return `${base}/reset?token=${resetToken}`;\n}\n",
      filename: 'rootalias/server/reset.ts',
      errors: [{ messageId: 'weakRandom', line: 4, column: 22, endLine: 4, endColumn: 34 }],
    },
  ],
});
