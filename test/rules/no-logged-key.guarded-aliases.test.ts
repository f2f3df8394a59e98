/**
 * no-logged-key through a default, a presence guard or a plain alias (issue 11, session 32): a secret bound under a
 * neutral name is still the secret. An MQTT broker's `authenticate(client, username, password, done)` receives the
 * password as a Buffer, and handlers write `const pass = password ? password.toString() : ''` or
 * `(password || '').toString()` before logging the attempt; settings code writes `const token = opts.token ?? ''`.
 * Near misses: a guard that yields a literal, a length or a cut, a hash; an id or a public key behind a default.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-key.js';
import { lintWith } from '../helpers/probe.js';

const lines = (code: string, filename: string): number[] =>
  lintWith(rule, code, filename).map((m) => (m.fatal ? -1 : m.line));

describe('no-logged-key: a secret behind a default, a guard or an alias', () => {
  const cases: [string, string, string, number[]][] = [
    [
      'near miss src/broker/auth.ts',
      "const debug = require('debug')('broker:auth');\n" +
        'function authenticate(client, username, password, done) {\n' +
        "  const given = password ? 'yes' : 'no';\n" +
        '  const size = password ? password.length : 0;\n' +
        "  const tail = password ? password.toString().slice(-2) : '';\n" +
        "  debug('auth %s password given=%s size=%d', username, given, size, tail);\n" +
        '  done(null, true);\n' +
        '}\n' +
        'module.exports = { authenticate };\n',
      'src/broker/auth.ts',
      [],
    ],
    [
      'near miss src/register.ts',
      "import { createHash } from 'node:crypto';\n" +
        'declare const logger: { info(...a: unknown[]): void };\n' +
        'export function register(opts: { apiKeyId?: string; publicKey?: string; token?: string }) {\n' +
        "  const keyId = opts.apiKeyId ?? '';\n" +
        "  const pub = opts.publicKey || '';\n" +
        "  const fingerprint = opts.token ? createHash('sha256').update(opts.token).digest('hex') : '';\n" +
        "  logger.info('registered', keyId, pub, fingerprint);\n" +
        '}\n',
      'src/register.ts',
      [],
    ],
    [
      'near miss src/route.ts',
      'declare const log: { debug(...a: unknown[]): void };\n' +
        'export function route(path: string, method?: string) {\n' +
        "  const verb = method || 'GET';\n" +
        '  const target = path;\n' +
        "  log.debug('route %s %s', verb, target);\n" +
        '}\n',
      'src/route.ts',
      [],
    ],
    [
      'reported src/broker/auth.ts',
      "const debug = require('debug')('broker:auth');\n" +
        'function authenticate(client, username, password, done) {\n' +
        "  const pass = password ? password.toString() : '';\n" +
        "  debug('auth attempt client=%s user=%s pass=%s', client.id, username, pass);\n" +
        '  done(null, true);\n' +
        '}\n' +
        'module.exports = { authenticate };\n',
      'src/broker/auth.ts',
      [4],
    ],
    [
      'reported src/mqtt/connect.ts',
      "import pino from 'pino';\n" +
        'const log = pino();\n' +
        'export function onConnect(username: string, password?: Buffer) {\n' +
        "  const secretText = (password || '').toString();\n" +
        '  const given = password;\n' +
        "  log.info({ username, secretText }, 'connect');\n" +
        '  log.warn(`rejected ${username} with ${given}`);\n' +
        '}\n',
      'src/mqtt/connect.ts',
      [6, 7],
    ],
    [
      'reported src/configure.ts',
      'export function configure(opts: { clientSecret?: string; apiToken?: string | null }) {\n' +
        "  const value = opts.clientSecret ? opts.clientSecret.trim() : '';\n" +
        '  const auth = opts.apiToken ?? undefined;\n' +
        "  console.log('configured', value);\n" +
        "  console.error('auth', auth);\n" +
        '}\n',
      'src/configure.ts',
      [4, 5],
    ],
  ];
  for (const [name, code, filename, want] of cases)
    it(name, () => {
      expect(lines(code, filename)).toEqual(want);
    });
});
