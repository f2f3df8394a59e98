/**
 * no-logged-key (issue 11, session 33, lk17): what a logged object holds at the point it is logged. Member evidence
 * (`reply.sessionKey`, `user.password` elsewhere in the function) was read without order, so a secret attached to a
 * reply after the reply was logged, and a mask written after a record was logged, said the same as a secret the
 * object held when it was logged (src/rule-kit/object-points.ts, member-evidence.ts). Also: a handler made inside a
 * development-only branch runs only in development (src/rule-kit/dev-only.ts). Near misses that stay reported: the
 * secret attached before the log, read before the log, logged in a loop or a callback, a parameter, a mask, a delete
 * or a hash written after the log, and the same handler outside a development branch or under a debug flag.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-key.js';
import { lintWith } from '../helpers/probe.js';

const lines = (code: string, file = 'src/swap/store.ts'): number[] =>
  lintWith(rule, code, file)
    .filter((m) => m.ruleId === 'k/r')
    .map((m) => m.line);

const header = [
  'declare function save(x: unknown): void;',
  'declare function login(p: string): void;',
  'declare function hash(s: string): Promise<string>;',
  'declare const db: { get(id: string): Promise<{ name: string; password?: string }> };',
  'declare const http: { post(u: string, b: unknown): Promise<{ text(): Promise<string> }> };',
];

describe('a secret attached to an object made in the function, after the object is logged', () => {
  it('is not in what was logged: a parsed reply, a literal, a copy', () => {
    const code = [
      ...header,
      'export async function open(url: string, sessionKey: string) {',
      '  const reply = JSON.parse(await (await http.post(url, {})).text());',
      "  console.log('reply', reply);",
      '  reply.sessionKey = sessionKey;',
      '  save(reply.sessionKey);',
      '}',
      'export function record(id: string, apiKey: string) {',
      '  const row: Record<string, string> = { id };',
      "  console.info('new row', row);",
      '  row.apiKey = apiKey;',
      '  return row;',
      '}',
      'export function later(base: { url: string }, privateKey: string) {',
      '  const swap = { ...base, createdAt: Date.now() };',
      '  console.log(JSON.stringify(swap));',
      '  swap["privateKey"] = privateKey;',
      '  save(swap);',
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([]);
  });

  it('stays reported when the secret is attached first, read first, or the order is not the run order', () => {
    const code = [
      ...header,
      'export async function before(url: string, sessionKey: string) {',
      '  const reply = JSON.parse(await (await http.post(url, {})).text());',
      '  reply.sessionKey = sessionKey;',
      "  console.log('reply', reply);", // 9
      '}',
      'export async function readFirst(id: string, next: string) {',
      '  const user = await db.get(id);',
      '  login(user.password!);',
      "  console.log('user', user);", // 14
      '  user.password = next;',
      '}',
      'export function inLoop(ids: string[], apiKey: string) {',
      '  const row: Record<string, string> = {};',
      '  for (const id of ids) {',
      "    console.log('row', row, id);", // 20
      '    row.apiKey = apiKey;',
      '  }',
      '}',
      'export function inCallback(emitter: { on(e: string, f: () => void): void }, apiKey: string) {',
      '  const state: Record<string, string> = {};',
      "  emitter.on('x', () => console.log('state', state));", // 26
      '  state.apiKey = apiKey;',
      '}',
      'export function parameter(settings: Record<string, string>, apiKey: string) {',
      "  console.log('settings', settings);", // 30
      '  settings.apiKey = apiKey;',
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([9, 14, 20, 26, 30]);
  });
});

describe('a secret member masked, deleted or hashed', () => {
  it('before the log: not in what was logged', () => {
    const code = [
      ...header,
      'export async function masked(id: string) {',
      '  const user = await db.get(id);',
      '  login(user.password!);',
      "  user.password = '***';",
      "  console.log('user', user);",
      '}',
      'export async function deleted(id: string) {',
      '  const user = await db.get(id);',
      '  login(user.password!);',
      '  delete user.password;',
      "  console.log('user', user);",
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([]);
  });

  it('after the log: the log held the secret', () => {
    const code = [
      ...header,
      'export async function maskedLate(id: string) {',
      '  const user = await db.get(id);',
      '  login(user.password!);',
      "  console.log('user', user);", // 9
      "  user.password = '***';",
      '  save(user);',
      '}',
      'export async function deletedLate(id: string) {',
      '  const user = await db.get(id);',
      '  login(user.password!);',
      "  console.log('user', user);", // 16
      '  delete user.password;',
      '}',
      'export async function hashedLate(id: string, pw: string) {',
      '  const user = await db.get(id);',
      '  login(user.password!);',
      "  console.log('user', user);", // 22
      '  user.password = await hash(pw);',
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([9, 16, 22]);
  });
});

describe('logging inside a handler made in a development-only branch', () => {
  it('runs only in development', () => {
    const code = [
      "import express from 'express';",
      "import { log, isDev } from './util';",
      'const app = express();',
      'if (isDev) {',
      "  app.post('/test-webhook', async (request, response) => {",
      "    log.debug('test', request.headers);",
      "    response.send('OK');",
      '  });',
      '}',
      "if (process.env.NODE_ENV === 'development') {",
      '  app.use(function trace(req, _res, next) {',
      '    console.log(req.headers);',
      '    next();',
      '  });',
      '}',
    ].join('\n');
    expect(lines(code, 'src/server.ts')).toEqual([]);
  });

  it('stays reported outside the branch, in its else branch, or under a debug flag', () => {
    const code = [
      "import express from 'express';",
      "import { log, isDev } from './util';",
      'const app = express();',
      "app.post('/hook', async (request) => {",
      "  log.debug('test', request.headers);", // 5
      '  if (process.env.DEBUG) console.log(request.headers);', // 6
      '});',
      'if (!isDev) {',
      "  app.post('/prod', (request) => console.log(request.headers));", // 9
      '}',
      'if (isDev) {',
      "  app.get('/ping', (_q, s) => s.send('ok'));",
      '} else {',
      "  app.post('/prod2', (request) => console.log(request.headers));", // 14
      '}',
      'if (process.env.DEBUG_HEADERS) {',
      '  app.use((req, _res, next) => { console.log(req.headers); next(); });', // 17
      '}',
    ].join('\n');
    expect(lines(code, 'src/server.ts')).toEqual([5, 6, 9, 14, 17]);
  });
});
