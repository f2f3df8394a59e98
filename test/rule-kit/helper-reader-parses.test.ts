/**
 * no-logged-key reads a same-file helper (`function setup(token) { … }`) to learn which of its parameters it hands
 * to a log sink (src/rule-kit/log-wrappers.ts `createHelperReader`). A call inside the helper that is handed none of
 * them cannot make it a log helper, so its sink is not looked up: for a call of an imported function that lookup
 * parses the other module (a server's setup function calling `routes.search()` for every route parsed every route
 * module on juice-shop). The figures here are counts of parses of other modules, not times.
 */
import type { Linter } from 'eslint';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintCountingParses } from '../helpers/parse-count.js';

const dir = mkdtempSync(join(tmpdir(), 'kh-helper-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A module of the project: route factories that log nothing. */
function routes(tag: string): void {
  writeFileSync(
    join(dir, `routes-${tag}.ts`),
    [
      'export function search() {',
      '  return (req: { query: unknown }) => req.query;',
      '}',
      'export function login() {',
      '  return (req: { body: unknown }) => req.body;',
      '}',
      '',
    ].join('\n'),
  );
}

/** Lints `body` as the body of a same-file helper `setup(token)`, then a call `setup(apiKey)`. */
function lint(tag: string, body: string): { messages: Linter.LintMessage[]; parses: number } {
  const code = [
    `import { search, login } from './routes-${tag}';`,
    'declare function register(path: string, handler: unknown): void;',
    '',
    'function setup(token: string) {',
    ...body.split('\n').map((l) => `  ${l}`),
    '}',
    '',
    'export function start(apiKey: string) {',
    '  setup(apiKey);',
    '}',
    '',
  ].join('\n');
  return lintCountingParses(dir, code, `server-${tag}.ts`);
}

describe('a call inside a helper that is handed none of its parameters: its sink is not looked up', () => {
  it('route factories called with no parameter of the helper: their module is not parsed', () => {
    routes('a');
    const r = lint('a', "register('/search', search());\nregister('/login', login());\nconsole.log('setup', token);");
    expect(r.parses).toBe(0);
    expect(r.messages.map((m) => [m.messageId, m.line])).toEqual([['loggedKey', 11]]);
    expect(r.messages[0]!.message).toContain('through setup()');
  });

  it('the log call no longer handed the parameter: nothing parsed, nothing reported', () => {
    routes('b');
    const r = lint(
      'b',
      "register('/search', search());\nregister('/login', login());\nconsole.log('setup done', token.length > 0);",
    );
    expect(r.parses).toBe(0);
    expect(r.messages).toEqual([]);
  });

  it('a route factory handed the parameter: its module is parsed, and the helper is no log helper', () => {
    routes('c');
    const r = lint(
      'c',
      "register('/search', search(token));\nregister('/login', login());\nconsole.log('setup', token);",
    );
    expect(r.parses).toBe(1);
    // `token` is put to work too (handed to a route factory that does not log it): not a helper that exists to log.
    expect(r.messages).toEqual([]);
  });
});
