/**
 * no-logged-key (issue 11, session 29): what the file reads from one binding is no evidence about another whose own
 * declaration says it cannot hold that member.
 * - A parameter whose declared type, followed along the logged path, is a primitive, an array, a union of those or a
 *   type literal without the member (`action: { payload: string }` in one NgRx effect, while another effect reads
 *   `action.payload.pwd`) does not carry it. Since session 36 a path rooted at a function's own binding is judged in
 *   that function only, so an untyped or `any` parameter of another effect is quiet too, while a type that declares
 *   the member (literal, quoted, or a named type of the file) is reported; an app-wide middleware logging every
 *   request body stays reported (a request root is judged in the whole file).
 * - An object logged where every secret member it was seen with is tested absent (`!a.token && !a.refresh`), or on
 *   the branch where an OAuth-style reply carries `error`, does not carry it; a disjunction leaves one present.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-key.js';
import { lintWith } from '../helpers/probe.js';

const lines = (code: string, file = 'src/scope-sample.ts'): number[] =>
  lintWith(rule, code, file)
    .filter((m) => m.ruleId === 'k/r')
    .map((m) => m.line);

describe('a parameter declared without the secret member', () => {
  it('a quoted member declares the secret; a computed one says nothing of this effect (session 36)', () => {
    const code = [
      'declare const logger: { info(...a: unknown[]): void };',
      'declare function unlock(p: string): void;',
      'declare const k: string;',
      'export class Effects {',
      '  unlock = (action: { payload: { pwd: string } }) => { unlock(action.payload.pwd); };',
      "  quoted = (action: { payload: { 'pwd': string } }) => { logger.info(action.payload); };",
      '  computed = (action: { payload: { [k]: string } }) => { logger.info(action.payload); };',
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([6]);
  });

  it('an effect logging its own typed action payload is not the effect that reads a password from another', () => {
    const code = [
      'declare const logger: { info(...a: unknown[]): void };',
      'declare function unlock(p: string): void;',
      'interface GraphNode { alias: string }',
      'export class Effects {',
      '  unlock = (action: { payload: { pwd: string } }) => { unlock(action.payload.pwd); };',
      '  setNode = (action: { type: string; payload: { node: GraphNode } }) => {',
      '    logger.info(action.payload);',
      '    return action.payload;',
      '  };',
      '  address = (action: { type: string; payload: string }) => { logger.info(action.payload); };',
      '  closed = (action: { type: string; payload: boolean | string[] }) => { logger.info(action.payload); };',
      '  whole = (action: { type: string; payload: number }) => { logger.info(action); };',
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([]);
  });

  it('the same holds when the other effect places the member under a secret key, typed or not (session 36)', () => {
    const code = [
      'declare const logger: { info(...a: unknown[]): void };',
      'declare const http: { post(u: string, b: object): void };',
      'export class Effects {',
      "  unlock = (action: { payload: { pwd: string } }) => http.post('/unlock', { wallet_password: action.payload.pwd });",
      '  setNode = (action: { type: string; payload: { alias: string } }) => { logger.info(action.payload); };',
      '  untyped = (action) => { logger.info(action.payload); };',
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([]);
  });

  it('a named type or a type literal that declares the member is reported; untyped and any are not (session 36)', () => {
    const code = [
      'declare const logger: { info(...a: unknown[]): void };',
      'declare function unlock(p: string): void;',
      'interface Unlock { pwd: string }',
      'export class Effects {',
      '  unlock = (action: { payload: { pwd: string } }) => { unlock(action.payload.pwd); };',
      '  a = (action) => { logger.info(action.payload); };',
      '  b = (action: { payload: any }) => { logger.info(action.payload); };',
      '  c = (action: { payload: Unlock }) => { logger.info(action.payload); };',
      '  d = (action: { payload: { pwd: string; remember: boolean } }) => { logger.info(action.payload); };',
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([8, 9]);
  });

  it('a middleware logging every request body of an app whose sign-in route reads the password is reported', () => {
    const code = [
      'declare const app: { use(h: (ctx: any, next: () => Promise<void>) => Promise<void>): void };',
      'declare const router: { post(p: string, h: (ctx: any) => Promise<void>): void };',
      'declare function signIn(e: string, p: string): Promise<void>;',
      'app.use(async (ctx, next) => {',
      '  try { await next(); } catch (err) {',
      "    console.error('request failed', JSON.stringify(ctx.request.body));",
      '  }',
      '});',
      "router.post('/signin', async (ctx) => { await signIn(ctx.request.body.email, ctx.request.body.password); });",
    ].join('\n');
    expect(lines(code)).toEqual([6]);
  });

  it('a path rooted at this or a module binding is judged in the whole file', () => {
    const code = [
      'declare function load(): { db: { password: string } };',
      'declare function connect(p: string): void;',
      'const cfg = load();',
      'export function a() { connect(cfg.db.password); }',
      "export function b() { console.log('db', cfg.db); }",
      'export class Store {',
      '  constructor(private settings: { auth: { secret: string } }) {}',
      '  open() { connect(this.settings.auth.secret); }',
      "  dump() { console.log('auth', this.settings.auth); }",
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([5, 9]);
  });
});

describe('secret members known absent on the logging branch', () => {
  it('a conjunction of absent tokens, on a member path and on a bare binding, clears the log', () => {
    const code = [
      'declare const logger: { debug(...a: unknown[]): void };',
      'declare function save(a: string, r: string): void;',
      'export async function exchange(res: { status: number; body: any }) {',
      '  if (!res.body.access_token && !res.body.refresh_token) {',
      "    logger.debug('token fetch failed', res.status, res.body);",
      "    throw new Error('no token');",
      '  }',
      '  save(res.body.access_token, res.body.refresh_token);',
      '}',
      'export function refresh(data: any) {',
      "  if (!('access_token' in data)) {",
      "    console.error('no access token in', data);",
      '    return;',
      '  }',
      '  save(data.access_token, "");',
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([]);
  });

  it('an OAuth-style reply thrown on its error branch carries no token', () => {
    const code = [
      'declare function fetchToken(): Promise<any>;',
      'declare function use(t: string): void;',
      'export async function grant() {',
      '  const reply = await fetchToken();',
      '  if (reply.error) {',
      '    throw new Error(JSON.stringify(reply));',
      '  }',
      '  use(reply.access_token);',
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([]);
  });

  it('a disjunction leaves one token possibly present, and a log outside the branch is reported', () => {
    const code = [
      'declare function save(a: string, r: string): void;',
      'export function auth(json: any) {',
      '  if (!json.access_token || !json.refresh_token) {',
      "    throw new Error('bad auth response ' + JSON.stringify(json));",
      '  }',
      '  save(json.access_token, json.refresh_token);',
      "  console.log('auth response', json);",
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([4, 7]);
  });
});
