/**
 * no-logged-key (issue 11, session 30, branch lk14): a request's credentials reached one step further than before.
 * - a client whose interceptor SETS the credential header (`config.headers.Authorization = …`,
 *   `headers['x-api-key'] = …`, `headers.set('Authorization', …)`) sends it with every request, so a failed request
 *   logged from its error handler carries it, as with `axios.create({ headers: { Authorization } })`;
 * - an outgoing request's options typed as an intersection with `RequestInit` keep its headers;
 * - a failed request of the server's own credentialed client sent back in a response hands the caller that key;
 * - a copy of every cookie or header of an incoming request (`req.cookies.getAll()`, `request.headers.entries()`).
 * Near misses: a file whose requests set no credential header, other members of the options, one named cookie,
 * a count of cookies, entries of other collections.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-key.js';
import { lintWith } from '../helpers/probe.js';

interface Report {
  readonly messageId: string | undefined;
  readonly line: number;
  readonly column: number;
}

/** Each report of the rule, by messageId, line and column: a report moved to another node of its line fails. */
const reports = (code: string): Report[] =>
  lintWith(rule, code, 'src/carriers-sample.ts')
    .filter((m) => m.ruleId === 'k/r')
    .map((m) => ({ messageId: m.messageId, line: m.line, column: m.column }));

const interceptors = (setHeader: string, log: string): string =>
  [
    "import axios from 'axios';",
    "import * as Sentry from '@sentry/browser';",
    'declare function readToken(): string;',
    'export const api = axios.create({ timeout: 5000 });',
    'api.interceptors.request.use((cfg) => {',
    `  ${setHeader}`,
    '  return cfg;',
    '});',
    'api.interceptors.response.use(',
    '  (r) => r,',
    '  (err) => {',
    `    ${log}`,
    '    return Promise.reject(err);',
    '  },',
    ');',
  ].join('\n');

/** The error handler's log lines (line 12): the headers of the failed request at column 45, the request at 37. */
const BREADCRUMB = 'Sentry.addBreadcrumb({ data: { headers: err.config?.headers } });';
const CONSOLE = "console.error('request failed', err.config);";

describe('a credential header set by an interceptor', () => {
  it.each<[string, string, Report[]]>([
    [
      'cfg.headers.Authorization = `Bearer ${readToken()}`;',
      BREADCRUMB,
      [{ messageId: 'loggedKey', line: 12, column: 45 }],
    ],
    [
      'cfg.headers.Authorization = `Bearer ${readToken()}`;',
      CONSOLE,
      [{ messageId: 'loggedKey', line: 12, column: 37 }],
    ],
    [
      "cfg.headers['Authorization'] = `Bearer ${readToken()}`;",
      BREADCRUMB,
      [{ messageId: 'loggedKey', line: 12, column: 45 }],
    ],
    [
      "cfg.headers['Authorization'] = `Bearer ${readToken()}`;",
      CONSOLE,
      [{ messageId: 'loggedKey', line: 12, column: 37 }],
    ],
    ["cfg.headers.common['X-Api-Key'] = readToken();", BREADCRUMB, [{ messageId: 'loggedKey', line: 12, column: 45 }]],
    ["cfg.headers.common['X-Api-Key'] = readToken();", CONSOLE, [{ messageId: 'loggedKey', line: 12, column: 37 }]],
    [
      "cfg.headers.set('Authorization', `Bearer ${readToken()}`);",
      BREADCRUMB,
      [{ messageId: 'loggedKey', line: 12, column: 45 }],
    ],
    [
      "cfg.headers.set('Authorization', `Bearer ${readToken()}`);",
      CONSOLE,
      [{ messageId: 'loggedKey', line: 12, column: 37 }],
    ],
  ])('makes the failed request of its error handler a leak: %s, then %s', (set, log, expected) => {
    expect(reports(interceptors(set, log))).toEqual(expected);
  });

  it.each<[string, string, Report[]]>([
    ["cfg.headers['Content-Type'] = 'application/json';", BREADCRUMB, []],
    ["cfg.headers['X-Request-Id'] = readToken();", BREADCRUMB, []],
    ['if (cfg.headers.Authorization === undefined) cfg.timeout = 1000;', BREADCRUMB, []],
    ["cfg.headers.set('Accept-Language', 'en');", BREADCRUMB, []],
  ])('stays quiet when the interceptor sets no credential header: %s', (set, log, expected) => {
    expect(reports(interceptors(set, log))).toEqual(expected);
  });

  it('reports only the failed request, not its status or url', () => {
    const set = 'cfg.headers.Authorization = `Bearer ${readToken()}`;';
    const log = 'console.error(err.config?.url, err.response?.status, err.message);';
    expect(reports(interceptors(set, log))).toEqual([]);
  });
});

describe('outgoing request options typed as an intersection', () => {
  it('keep the headers of RequestInit', () => {
    const code = [
      "import * as Sentry from '@sentry/node';",
      'export async function call(path: string, init: RequestInit & { headers: Record<string, string> }) {',
      '  Sentry.addBreadcrumb({ message: path, data: { headers: init.headers } });',
      "  console.log('calling', path, init.method, init.body === undefined);",
      '  return fetch(path, init);',
      '}',
      'export function other(opts: { retries: number } & { headers: Record<string, string> }) {',
      "  console.log('opts', opts.headers);",
      '}',
    ].join('\n');
    expect(reports(code)).toEqual([{ messageId: 'loggedKey', line: 3, column: 58 }]);
  });
});

describe("a failed request of the server's credentialed client in a response", () => {
  const route = (client: string): string =>
    [
      "import express from 'express';",
      "import axios, { AxiosError } from 'axios';",
      'const app = express();',
      client,
      "app.post('/jobs', async (req, res) => {",
      '  try {',
      "    const { data } = await vendor.post('/jobs', { id: req.body.id });",
      '    res.json(data);',
      '  } catch (err) {',
      '    const e = err as AxiosError;',
      '    res.status(502).json({ error: e.message, upstream: e.response?.status, request: e.config });',
      '  }',
      '});',
    ].join('\n');

  it('hands the caller that credential', () => {
    expect(
      reports(
        route('const vendor = axios.create({ headers: { Authorization: `Bearer ${process.env.VENDOR_API_KEY}` } });'),
      ),
    ).toEqual([{ messageId: 'keyInResponse', line: 11, column: 85 }]);
  });

  it('is not reported when the client sends no credential', () => {
    expect(reports(route("const vendor = axios.create({ baseURL: 'https://vendor.example' });"))).toEqual([]);
  });
});

describe('every cookie or header of an incoming request, copied', () => {
  it('is a leak', () => {
    const code = [
      "import { NextRequest, NextResponse } from 'next/server';",
      'export function middleware(req: NextRequest) {',
      "  console.log('[mw]', req.nextUrl.pathname, 'cookies:', req.cookies.getAll());",
      "  console.log('[mw] headers', request2(req).headers.entries());",
      "  console.log('[mw] headers', req.headers.entries());",
      '  return NextResponse.next();',
      '}',
      'declare function request2(r: NextRequest): NextRequest;',
    ].join('\n');
    expect(reports(code)).toEqual([
      { messageId: 'loggedKey', line: 3, column: 57 },
      { messageId: 'loggedKey', line: 5, column: 31 },
    ]);
  });

  it('stays quiet for one cookie, a count, or other collections', () => {
    const code = [
      "import { NextRequest, NextResponse } from 'next/server';",
      'export function middleware(req: NextRequest) {',
      "  console.log('theme', req.cookies.get('theme')?.value);",
      "  console.log('cookies', req.cookies.getAll().length);",
      "  console.log('params', req.nextUrl.searchParams.entries());",
      "  console.log('names', req.cookies.getAll().map((c) => c.name));",
      '  return NextResponse.next();',
      '}',
    ].join('\n');
    expect(reports(code)).toEqual([]);
  });
});
