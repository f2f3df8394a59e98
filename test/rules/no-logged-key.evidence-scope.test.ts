/**
 * no-logged-key (issue 11, session 36): the member evidence that makes an object logged whole a secret holder comes
 * from the same object. A path rooted at a function's own binding (`job.data`, `action.payload`) is judged in the
 * function that declares the root, and inside a `switch` on the root's own member (`switch (msg.command)`) in the
 * case that runs the log; a path rooted at a module binding, `this`, a request or a queue job is judged in the whole
 * file (catalogue `fileWideRootName`).
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-key.js';
import { lintWith } from '../helpers/probe.js';

const lines = (code: string, file = 'src/evidence-scope.ts'): number[] =>
  lintWith(rule, code, file)
    .filter((m) => m.ruleId === 'k/r')
    .map((m) => m.line);

describe('a member path rooted at a function binding', () => {
  it('another function reading a secret under the same name is no evidence', () => {
    const code = [
      'declare const logger: { info(...a: unknown[]): void };',
      'declare function sign(k: string): void;',
      'export function signItem(item) {',
      '  sign(item.data.apiKey);',
      '}',
      'export function reportItem(item) {',
      "  logger.info('item done', item.data);",
      '}',
      'export const closeAlert = (action) => {',
      '  logger.info(action.payload);',
      '};',
      'export const unlock = (action) => {',
      "  return { wallet_password: action.payload.pwd, remember: action.payload.remember ? 'y' : 'n' };",
      '};',
    ].join('\n');
    expect(lines(code)).toEqual([]);
  });

  it('the function that reads the secret and logs the object is reported, closures included', () => {
    const code = [
      'declare const logger: { info(...a: unknown[]): void };',
      'declare function sign(k: string): void;',
      'declare function connect(p: string): void;',
      'export function signJob(job) {',
      '  sign(job.data.apiKey);',
      "  logger.info('job done', job.data);",
      '}',
      'export function open(conn) {',
      '  connect(conn.creds.secret);',
      "  return () => logger.info('reconnect', conn.creds);",
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([6, 10]);
  });

  it('a module binding, this and a request root stay judged in the whole file', () => {
    const code = [
      'declare const logger: { info(...a: unknown[]): void };',
      'declare function connect(p: string): void;',
      'declare function load(): any;',
      'const settings = load();',
      'export function a() { connect(settings.mail.password); }',
      "export function b() { logger.info('mail', settings.mail); }",
      'export function signin(req) { connect(req.body.password); }',
      "export function trace(req) { logger.info('body', req.body); }",
      'export function auth(httpReq) { connect(httpReq.headers.authorization); }',
      'export function handle(httpReq) { logger.info(JSON.stringify({ url: httpReq.url, h: httpReq.headers })); }',
      'export async function processJob(job) { connect(job.data.signingSecret); }',
      "export function onFailed(job, err) { logger.info('failed', job.data, err); }",
    ].join('\n');
    expect(lines(code)).toEqual([6, 8, 10, 12]);
  });
});

describe('a switch on the root member', () => {
  it('a case logging the message is not the case that reads its password', () => {
    const code = [
      'declare const logger: { info(...a: unknown[]): void; warn(...a: unknown[]): void };',
      'declare function run(c: string): void;',
      'declare function license(u: string, p: string): Promise<void>;',
      'export async function onMessage(msg) {',
      '  switch (msg.command) {',
      "    case 'shell':",
      '      logger.info(`run shell command: ${msg.message}`);',
      '      run(msg.message);',
      '      break;',
      "    case 'licenses':",
      '      await license(msg.message && msg.message.login, msg.message && msg.message.password);',
      '      break;',
      '  }',
      '}',
      'export function reduce(state, action) {',
      '  switch (action.type) {',
      "    case 'login': return { ...state, secret: action.payload.password };",
      "    case 'select': logger.warn('select', action.payload); return state;",
      '  }',
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([]);
  });

  it('the case that reads the secret, a case falling into it and a switch on another value are reported', () => {
    const code = [
      'declare const logger: { info(...a: unknown[]): void };',
      'declare function login(u: string, p: string): void;',
      'export function onMessage(msg) {',
      '  switch (msg.command) {',
      "    case 'signin':",
      "    case 'login':",
      '      login(msg.message.user, msg.message.password);',
      "      logger.info('login message', msg.message);",
      '      break;',
      '  }',
      '}',
      'export function onMode(mode: string, msg) {',
      '  switch (mode) {',
      "    case 'a': login(msg.body.user, msg.body.password); break;",
      "    case 'b': logger.info('body', msg.body); break;",
      '  }',
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([8, 15]);
  });
});

describe('a result logged where its own verdict failed', () => {
  it('an unconfirmed or unpaid payment carries no preimage', () => {
    const code = [
      'declare const logger: { error(...a: unknown[]): void };',
      'declare function pay(r: string): Promise<any>;',
      'export async function settle(route: string) {',
      '  const payResult = await pay(route);',
      '  if (!payResult?.is_confirmed) {',
      "    logger.error('payment not confirmed', { payResult });",
      "    throw new Error('failed');",
      '  }',
      '  return { preimage: payResult.secret };',
      '}',
      'export async function invoice(route: string) {',
      '  const reply = await pay(route);',
      "  if (!reply.paid) logger.error('unpaid', reply);",
      '  else return reply.secret;',
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([]);
  });

  it('a pending flag is no verdict, and a log on the confirmed branch is reported', () => {
    const code = [
      'declare const logger: { error(...a: unknown[]): void };',
      'declare function pay(r: string): Promise<any>;',
      'export async function settle(route: string) {',
      '  const payResult = await pay(route);',
      '  if (payResult.is_pending) {',
      "    logger.error('payment pending', payResult);",
      '  }',
      '  return { preimage: payResult.secret };',
      '}',
      'export async function done(route: string) {',
      '  const reply = await pay(route);',
      "  if (reply.is_confirmed) logger.error('paid', reply);",
      '  return reply.secret;',
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([6, 12]);
  });
});
