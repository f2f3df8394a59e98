/**
 * no-weak-randomness (issue 11, session 40, branch rand24): a value set as an HTTP-only cookie in a raw `Set-Cookie`
 * header string (`res.setHeader('Set-Cookie', `pp=${v}; HttpOnly; Path=/`)`, `headers.append('Set-Cookie', …)`,
 * `{ headers: { 'Set-Cookie': … } }`, an array of cookie strings). `res.cookie(name, v, { httpOnly: true })` already
 * made the value a capability; the same cookie written as text (Next.js API routes, `node:http`, Lambda responses)
 * did not. The cookie name says nothing here (`pp_imp`, `h`): HttpOnly does.
 * Near misses: a cookie without HttpOnly (a theme, a locale, an A/B bucket), a value that is an attribute
 * (`Max-Age=${n}`), another header (`Content-Security-Policy`, `X-Request-Id`), an HttpOnly cookie whose value is a
 * CSPRNG one, a text with HttpOnly that is not a Set-Cookie header.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-weak-randomness.js';
import { lintWith } from '../helpers/probe.js';

function lint(code: string, file = 'src/api/session.ts'): [string | undefined, number, number][] {
  return lintWith(rule, code, file).map((m) => [m.messageId, m.line, m.column]);
}

describe('no-weak-randomness (values set as HTTP-only cookies in a Set-Cookie string)', () => {
  it('reports a weak value set by setHeader, headers.append, a headers object and an array of cookies', () => {
    const code =
      'export default function impersonate(req: any, res: any) {\n' +
      '  const handle = Buffer.from(`${req.body.userId}|${Date.now()}`).toString("base64url");\n' +
      '  res.setHeader("Set-Cookie", `pp_imp=${handle}; HttpOnly; Secure; Path=/; Max-Age=900`);\n' +
      '}\n' +
      'export function edge(headers: Headers) {\n' +
      '  const v = Math.random().toString(36).slice(2);\n' +
      '  headers.append("set-cookie", `h=${v}; Path=/; HttpOnly`);\n' +
      '}\n' +
      'export const handler = async () => {\n' +
      '  const grant = `${process.pid}.${Date.now()}`;\n' +
      '  return { statusCode: 302, headers: { "Set-Cookie": `g=${grant}; HttpOnly; SameSite=Lax` } };\n' +
      '};\n' +
      'export function both(res: any, lang: string) {\n' +
      '  const ticket = Math.floor(Math.random() * 1e12).toString(16);\n' +
      '  res.setHeader("Set-Cookie", [`lang=${lang}; Path=/`, `t=${ticket}; HttpOnly; Path=/`]);\n' +
      '}\n';
    expect(lint(code)).toEqual([
      ['weakRandom', 2, 52],
      ['weakRandom', 6, 13],
      ['weakRandom', 10, 20],
      ['weakRandom', 10, 35],
      ['weakRandom', 14, 29],
    ]);
  });

  it('stays quiet without HttpOnly, on attributes, on other headers, on CSPRNG values and on other texts', () => {
    const code =
      "import { randomBytes } from 'node:crypto';\n" +
      'export function prefs(res: any) {\n' +
      '  const bucket = Math.random() < 0.5 ? "a" : "b";\n' +
      '  res.setHeader("Set-Cookie", `ab=${bucket}; Path=/; SameSite=Lax`);\n' +
      '  const n = Math.floor(Math.random() * 100) + 900;\n' +
      '  res.setHeader("Set-Cookie", `theme=dark; Max-Age=${n}; HttpOnly`);\n' +
      '}\n' +
      'export function other(res: any) {\n' +
      '  const trace = Date.now().toString(36);\n' +
      '  res.setHeader("X-Request-Id", `r=${trace}; HttpOnly`);\n' +
      '  const label = Math.random().toString(36).slice(2);\n' +
      '  console.info(`cookie=${label}; HttpOnly`);\n' +
      '}\n' +
      'export function strong(res: any) {\n' +
      '  const sid = randomBytes(32).toString("base64url");\n' +
      '  res.setHeader("Set-Cookie", `sid=${sid}; HttpOnly; Secure; Path=/`);\n' +
      '}\n';
    expect(lint(code)).toEqual([]);
  });
});
