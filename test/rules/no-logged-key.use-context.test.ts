/**
 * no-logged-key on a logged parameter judged by what else the file does with it (session 41, logctx25): set as an
 * HTTP-only cookie or the value of a `Set-Cookie` header, compared with what a request sent or in constant time
 * (src/rule-kit/secret-uses.ts), handed to a helper of the same file that uses it as a key or a password, or kept in
 * a class field (an assignment in the constructor or a TypeScript parameter property) that a method gives a cipher
 * as its key (src/rule-kit/flow/roles.ts). Near misses: the same values logged as a length, a key id, a digest or a
 * redacted form; a cookie without HttpOnly; a helper that only measures its argument; a field used as an IV; a public
 * key given to a verification. No keys here: the samples only pass names around.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-key.js';

/** The line and the described value of every loggedKey report of the rule on `code`. */
function reports(code: string): Array<[number, string]> {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        plugins: { keyhygiene: { rules: { 'no-logged-key': rule as never } } },
        languageOptions: { parser: tsParser as Linter.Parser },
        rules: { 'keyhygiene/no-logged-key': 'error' },
      },
    ],
    { filename: 'src/handlers.ts' },
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(fatal.message);
  return messages
    .filter((m) => m.messageId === 'loggedKey')
    .map((m) => [m.line, /Key material \((.*)\) reaches/.exec(m.message)?.[1] ?? m.message]);
}

const HEAD = "import crypto from 'node:crypto';\nimport pino from 'pino';\nconst log = pino();\n";

describe('no-logged-key: a parameter the file uses as a credential', () => {
  it('reports a parameter set as an HTTP-only or signed cookie, and as the value of an HttpOnly Set-Cookie', () => {
    const code =
      HEAD +
      'export function startSession(res: any, ticket: string) {\n' +
      "  log.info({ ticket }, 'session started');\n" +
      "  res.cookie('app_session', ticket, { httpOnly: true, sameSite: 'lax' });\n" +
      '}\n' +
      'export function remember(ctx: any, v: string) {\n' +
      "  log.debug('remember', { v });\n" +
      "  ctx.cookies.set('keep', v, { signed: true });\n" +
      '}\n' +
      'export function raw(res: any, grant: string) {\n' +
      "  log.info('issuing', { grant });\n" +
      "  res.setHeader('Set-Cookie', `sess=${grant}; HttpOnly; Secure; Path=/`);\n" +
      '}\n';
    expect(reports(code)).toEqual([
      [5, "'ticket', set as an HTTP-only or signed cookie"],
      [9, "'v', set as an HTTP-only or signed cookie"],
      [13, "'grant', set as an HTTP-only cookie in a Set-Cookie header"],
    ]);
  });

  it('stays quiet on a preference cookie and on what is logged about a cookie, not the cookie', () => {
    const code =
      HEAD +
      'export function setTheme(res: any, v: string) {\n' +
      "  log.info('theme', { v });\n" +
      "  res.cookie('theme', v, { maxAge: 86400000, secure: true });\n" +
      '}\n' +
      'export function startSession(res: any, ticket: string) {\n' +
      "  log.info('session', { length: ticket.length, digest: crypto.createHash('sha256').update(ticket).digest('hex') });\n" +
      "  res.cookie('app_session', ticket, { httpOnly: true });\n" +
      '}\n' +
      'export function plain(res: any, lang: string) {\n' +
      "  log.info('lang', { lang });\n" +
      "  res.setHeader('Set-Cookie', `lang=${lang}; Path=/`);\n" +
      '}\n';
    expect(reports(code)).toEqual([]);
  });

  it('stays quiet on a parameter that is only compared, in constant time or with request input', () => {
    // Real repositories: what code compares is as often a computed signature, a public key or a selection as a
    // secret (session 41), so a comparison alone does not make a logged value key material.
    const code =
      HEAD +
      'export function matches(expected: Buffer, got: Buffer) {\n' +
      "  log.warn('comparing', { expected });\n" +
      '  return expected.length === got.length && crypto.timingSafeEqual(expected, got);\n' +
      '}\n' +
      'export function gate(req: any, pin: string) {\n' +
      "  log.debug('gate', { pin });\n" +
      '  return pin === req.body.pin;\n' +
      '}\n';
    expect(reports(code)).toEqual([]);
  });

  it('reports a parameter handed to a same-file helper that sets it as an HTTP-only cookie', () => {
    const code =
      HEAD +
      'function setSession(res: any, v: string) {\n' +
      "  res.cookie('app_session', v, { httpOnly: true });\n" +
      '}\n' +
      'function setTheme(res: any, v: string) {\n' +
      "  res.cookie('theme', v, { maxAge: 86400000 });\n" +
      '}\n' +
      'export function login(res: any, grant: string, theme: string) {\n' +
      "  log.info('login', { grant, theme });\n" +
      '  setSession(res, grant);\n' +
      '  setTheme(res, theme);\n' +
      '}\n';
    expect(reports(code)).toEqual([[11, "'grant', set as an HTTP-only or signed cookie (through setSession())"]]);
  });

  it('stays quiet on an id compared with request input and on a field records are looked up by', () => {
    const code =
      HEAD +
      'export function owns(req: any, ownerId: string) {\n' +
      "  log.debug('owner', { ownerId });\n" +
      '  return ownerId === req.params.ownerId;\n' +
      '}\n' +
      'export async function link(db: any, req: any, handle: string) {\n' +
      "  log.info('linking', { handle });\n" +
      '  await db.account.create({ data: { handle } });\n' +
      '  return db.account.findFirst({ where: { handle: req.params.handle } });\n' +
      '}\n';
    expect(reports(code)).toEqual([]);
  });
});

describe('no-logged-key: a parameter handed to a helper or a field that uses it as key material', () => {
  it('reports a parameter given to a same-file helper that uses it as a KDF password or a cipher key', () => {
    const code =
      HEAD +
      'function stretch(phrase: string, salt: Buffer): Buffer {\n' +
      '  return crypto.scryptSync(phrase, salt, 32);\n' +
      '}\n' +
      'const encryptWith = (m: Buffer, data: Buffer) =>\n' +
      "  crypto.createCipheriv('aes-256-gcm', m, crypto.randomBytes(12)).update(data);\n" +
      'export function unlock(entered: string, salt: Buffer) {\n' +
      "  log.warn('unlock attempt', { entered });\n" +
      '  return stretch(entered, salt);\n' +
      '}\n' +
      'export function protect(blob: Buffer, wrapping: Buffer) {\n' +
      "  log.info({ wrapping }, 'protecting');\n" +
      '  return encryptWith(wrapping, blob);\n' +
      '}\n';
    expect(reports(code)).toEqual([
      [10, "'entered', used as the password of crypto.scryptSync (through stretch()) at line 5"],
      [14, "'wrapping', used as the key of crypto.createCipheriv (through encryptWith()) at line 8"],
    ]);
  });

  it('stays quiet when the helper only measures or forwards its argument somewhere harmless', () => {
    const code =
      HEAD +
      'function describe(m: Buffer): string {\n' +
      '  return `${m.length} bytes`;\n' +
      '}\n' +
      'function nonceFor(counter: Buffer): Buffer {\n' +
      "  return crypto.createCipheriv('aes-256-gcm', crypto.randomBytes(32), counter).update('');\n" +
      '}\n' +
      'export function show(payload: Buffer, n: Buffer) {\n' +
      "  log.info('payload', { payload, n });\n" +
      '  nonceFor(n);\n' +
      '  return describe(payload);\n' +
      '}\n' +
      'export function protect(keyId: string, wrapping: Buffer) {\n' +
      "  log.info({ keyId, bytes: wrapping.length }, 'protecting');\n" +
      '  return describe(wrapping);\n' +
      '}\n';
    expect(reports(code)).toEqual([]);
  });

  it('reports a constructor parameter kept in a field that a method uses as a key', () => {
    const code =
      HEAD +
      'export class Vault {\n' +
      '  private readonly material: Buffer;\n' +
      '  constructor(material: Buffer) {\n' +
      "    log.debug('vault ready', { material });\n" +
      '    this.material = material;\n' +
      '  }\n' +
      '  seal(data: Buffer): Buffer {\n' +
      "    return crypto.createCipheriv('aes-256-gcm', this.material, crypto.randomBytes(12)).update(data);\n" +
      '  }\n' +
      '}\n' +
      'export class Signer {\n' +
      '  constructor(private readonly s: string) {\n' +
      "    log.info('signer', { s });\n" +
      '  }\n' +
      '  tag(body: string): string {\n' +
      "    return crypto.createHmac('sha256', this.s).update(body).digest('hex');\n" +
      '  }\n' +
      '}\n';
    expect(reports(code)).toEqual([
      [7, "'material', used as the key of crypto.createCipheriv at line 11"],
      [16, "'s', used as the key of crypto.createHmac at line 19"],
    ]);
  });

  it('stays quiet on a field used as an IV, a public key given to a verification, or a key id', () => {
    const code =
      HEAD +
      'export class Box {\n' +
      '  constructor(private readonly start: Buffer, private readonly verifyKey: string, private readonly kid: string) {\n' +
      "    log.info('box', { start, verifyKey, kid });\n" +
      '  }\n' +
      '  seal(k: Buffer, data: Buffer): Buffer {\n' +
      "    return crypto.createCipheriv('aes-256-gcm', k, this.start).update(data);\n" +
      '  }\n' +
      '  check(data: Buffer, sig: Buffer): boolean {\n' +
      "    return crypto.verify('sha256', data, this.verifyKey, sig);\n" +
      '  }\n' +
      '  header() {\n' +
      '    return { kid: this.kid };\n' +
      '  }\n' +
      '}\n';
    expect(reports(code)).toEqual([]);
  });
});
