/**
 * no-logged-key (issue 11, session 29): evidence about an object's secret members belongs to ONE binding.
 * - A member path rooted at a function's own parameter or local (`action.payload`, `req.body`) is judged in that
 *   function: the same name in another callback is another object (NgRx effects, Express handlers).
 * - A path rooted at `this`, at a module binding, or at a parameter typed with a named type stays file-wide.
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

describe('member paths are judged per binding', () => {
  it('an effect logging its own action payload is not the effect that reads a password from another', () => {
    const code = [
      'declare const logger: { info(...a: unknown[]): void };',
      'declare function unlock(p: string): void;',
      'export class Effects {',
      '  unlock = (action: { payload: { pwd: string } }) => { unlock(action.payload.pwd); };',
      '  setNode = (action: { payload: { node: string } }) => {',
      '    logger.info(action.payload);',
      '    return action.payload;',
      '  };',
      '  address = (action) => { logger.info(action.payload); };',
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([]);
  });

  it('two Express handlers: the body logged by one is not the login body of the other', () => {
    const code = [
      'declare const app: { post(p: string, h: (req: any, res: any) => void): void };',
      'declare function login(u: string, p: string): void;',
      "app.post('/login', (req, res) => { login(req.body.user, req.body.password); res.end(); });",
      "app.post('/feedback', (req, res) => { console.log('feedback', req.body); res.end(); });",
    ].join('\n');
    expect(lines(code)).toEqual([]);
  });

  it('the same callback reading and logging the path is still reported', () => {
    const code = [
      'declare const logger: { info(...a: unknown[]): void };',
      'declare function unlock(p: string): void;',
      'export const effect = (action) => {',
      '  unlock(action.payload.pwd);',
      '  logger.info(action.payload);',
      '};',
    ].join('\n');
    expect(lines(code)).toEqual([5]);
  });

  it('a local const read in one place and logged in the same function is reported', () => {
    const code = [
      'declare function load(): { db: { password: string; host: string } };',
      'declare function connect(p: string): void;',
      'export function start() {',
      '  const cfg = load();',
      '  connect(cfg.db.password);',
      "  console.log('db', cfg.db);",
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([6]);
  });

  it('a path rooted at this, a module binding or a parameter of a named type stays file-wide', () => {
    const code = [
      "import type { IncomingMessage } from 'node:http';",
      'declare function load(): { db: { password: string } };',
      'declare function connect(p: string): void;',
      'declare function check(t: string | undefined): void;',
      'const cfg = load();',
      'export function a() { connect(cfg.db.password); }',
      "export function b() { console.log('db', cfg.db); }",
      'export class Store {',
      '  constructor(private settings: { auth: { secret: string } }) {}',
      '  open() { connect(this.settings.auth.secret); }',
      "  dump() { console.log('auth', this.settings.auth); }",
      '}',
      'export function token(req: IncomingMessage) { check(req.headers.authorization); }',
      "export function trace(req: IncomingMessage) { console.log('headers', req.headers); }",
    ].join('\n');
    expect(lines(code)).toEqual([7, 11, 14]);
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
