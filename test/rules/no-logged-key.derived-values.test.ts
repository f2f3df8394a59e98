/**
 * no-logged-key (issue 11, session 36): what a value is, read from what the file does with it.
 * - A value the file passes whole to a redacting call (`redact(cfg)`, `redactSecrets(settings)`) holds secrets: shown
 *   elsewhere unredacted, it shows them. A mask named for personal data (`maskEmail`) says nothing of a key.
 * - What a `create…` call returns under the name of an id, a count or a verdict (`const uid = await
 *   user.create({ password })`) is the record's identifier, not a client that keeps the secret it was given.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-key.js';
import { lintWith } from '../helpers/probe.js';

const lines = (code: string, file = 'src/derived-values.ts'): number[] =>
  lintWith(rule, code, file)
    .filter((m) => m.ruleId === 'k/r')
    .map((m) => m.line);

describe('a value the file redacts elsewhere', () => {
  it('logged unredacted in the same function, it is reported', () => {
    const code = [
      "import { loadConfig } from './config';",
      "import { redact, redactSecrets } from './logging';",
      'export async function dump(show: boolean) {',
      '  const cfg = await loadConfig();',
      '  console.log(JSON.stringify(redact(cfg as unknown as Record<string, unknown>), null, 2));',
      '  if (show) console.log(JSON.stringify(cfg, null, 2));',
      '}',
      'export function report(settings: object) {',
      "  process.stdout.write(JSON.stringify(redactSecrets(settings)) + '\\n');",
      "  console.error('settings', settings);",
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([6, 10]);
  });

  it('only the redacted form logged, another function, or a mask of personal data, stay quiet', () => {
    const code = [
      "import { loadConfig } from './config';",
      "import { redact, maskEmail } from './logging';",
      'export async function dump() {',
      '  const cfg = await loadConfig();',
      '  console.log(JSON.stringify(redact(cfg), null, 2));',
      '}',
      'export async function show(cfg: object) {',
      "  console.log('loaded', cfg);",
      '}',
      'export function greet(user: { email: string }) {',
      '  console.log(maskEmail(user.email));',
      "  console.log('user', user.email);",
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([]);
  });
});

describe('a reveal choice', () => {
  it('the unmasked branch of a flag the operator sets is the writer showing it on purpose', () => {
    const code = [
      "import { mask } from './mask';",
      'declare function devicePublicKey(): string;',
      'export function device(options: { unmask?: boolean }) {',
      '  const value = devicePublicKey();',
      '  console.log(options.unmask ? value : mask(value, 6));',
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([]);
  });
});

describe('what a create call returns', () => {
  it('an id, a transaction id or a count made from a secret is not a client', () => {
    const code = [
      'declare const user: { create(u: object): Promise<number> };',
      'declare function createRefundTransaction(o: object): Promise<string>;',
      'export async function add(username: string, password: string, privateKey: string) {',
      '  const uid = await user.create({ username, password });',
      '  console.log(`created user ${username} with uid ${uid}`);',
      '  const txid = await createRefundTransaction({ privateKey, feeRate: 2 });',
      "  console.log('refund sent:', txid);",
      '  const insertedId = await user.create({ username, password });',
      "  console.info('row', insertedId);",
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([]);
  });

  it('a client made with a secret, under a client name, is still reported', () => {
    const code = [
      "import { createClient } from 'redis';",
      "import { createTransport } from 'nodemailer';",
      'export function open(password: string, pass: string) {',
      "  const client = createClient({ url: 'redis://cache:6379', password });",
      "  console.log('redis client', client);",
      "  const mailer = createTransport({ host: 'smtp', auth: { user: 'ops', pass } });",
      "  console.log('mailer', mailer);",
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([5, 7]);
  });
});
