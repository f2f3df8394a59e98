/**
 * no-logged-key (issue 11, session 30, branch lk14): a one-time code drawn from a CSPRNG and logged. A code made with
 * `Math.random()` in a sign-in or reset flow was already a secret by its purpose (weak-secrets.ts); the same code
 * drawn with `randomInt` or `randomBytes` was not, because the key producers call random bytes a secret only under a
 * secret's name (`otp`). The purpose comes from the same places as for a weak code (the name, the enclosing function
 * or route, and now a Nuxt/Nitro server route's file path). Near misses: a room code or short-link code drawn the same
 * way where nothing says it is a one-time code, a random request id, and a code a command-line tool shows its user.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-key.js';
import { lintWith } from '../helpers/probe.js';

interface Report {
  readonly messageId: string | undefined;
  readonly line: number;
  readonly column: number;
}

/** Each report of a rule, by messageId, line and column: a report moved to another node of its line fails. */
const reportsOf = (r: unknown, code: string, filename: string): Report[] =>
  lintWith(r, code, filename)
    .filter((m) => m.ruleId === 'k/r')
    .map((m) => ({ messageId: m.messageId, line: m.line, column: m.column }));
const reports = (code: string, filename = 'src/auth/codes.ts'): Report[] => reportsOf(rule, code, filename);

describe('a one-time code drawn from a CSPRNG', () => {
  it('is reported where its purpose is known', () => {
    const code = [
      "import { randomBytes, randomInt } from 'node:crypto';",
      'declare const logger: { info(m: string, o?: object): void };',
      'function sixDigits(): string {',
      '  const bytes = randomBytes(6);',
      '  return Array.from(bytes, (b) => String(b % 10)).join("");',
      '}',
      'export async function sendSmsChallenge(userId: string, phone: string) {',
      '  const code = sixDigits();',
      "  logger.info('sms challenge issued', { userId, phone, code });",
      '}',
      'export function startPasswordReset(email: string) {',
      "  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');",
      '  logger.info(`reset code for ${email}: ${code}`);',
      '}',
      'export function issueBackup() {',
      "  const backupCodes = randomBytes(5).toString('hex');",
      "  logger.info('backup', { backupCodes });",
      '}',
      'export function pairDevice() {',
      "  const pin = String(randomInt(0, 10_000)).padStart(4, '0');",
      "  logger.info('pairing', { pin });",
      '}',
    ].join('\n');
    expect(reports(code)).toEqual([
      { messageId: 'loggedKey', line: 9, column: 56 },
      { messageId: 'loggedKey', line: 13, column: 43 },
      { messageId: 'loggedKey', line: 17, column: 27 },
      { messageId: 'loggedKey', line: 21, column: 28 },
    ]);
  });

  it('is not reported where nothing says it is a one-time code', () => {
    const code = [
      "import { randomBytes, randomInt, randomUUID } from 'node:crypto';",
      'declare const logger: { info(m: string, o?: object): void };',
      'export function createRoom() {',
      "  const code = randomBytes(3).toString('hex');",
      "  logger.info('room created', { code });",
      '}',
      'export function shortLink(url: string) {',
      '  const code = String(randomInt(0, 1_000_000));',
      "  logger.info('short link', { url, code });",
      '}',
      'export function handle() {',
      '  const requestId = randomUUID();',
      "  logger.info('request', { requestId });",
      '}',
      'export function parseErrorResponse(status: number) {',
      '  const code = status;',
      "  logger.info('error', { code });",
      '}',
    ].join('\n');
    expect(reports(code)).toEqual([]);
  });

  it('is shown, not logged, by a command-line tool', () => {
    const code = [
      "import { Command } from 'commander';",
      "import { randomInt } from 'node:crypto';",
      "new Command('pair').action(() => {",
      "  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');",
      '  console.log(`Enter ${code} on the device`);',
      '});',
    ].join('\n');
    expect(reports(code, 'src/cli/pair.ts')).toEqual([]);
  });
});

describe('the route of a Nuxt or Nitro server file', () => {
  const handler = [
    'export default defineEventHandler(async (event: { phone: string }) => {',
    '  const code = Math.random().toString().slice(2, 8);',
    '  console.info(`[verify] sending ${code} to ${event.phone}`);',
    '});',
    'declare function defineEventHandler(f: (e: { phone: string }) => Promise<void>): unknown;',
  ].join('\n');

  it('gives the code its purpose', () => {
    expect(reports(handler, 'server/api/verify/start.post.ts')).toEqual([
      { messageId: 'loggedKey', line: 3, column: 36 },
    ]);
    expect(reports(handler, 'apps/clinic/server/routes/auth/otp.ts')).toEqual([
      { messageId: 'loggedKey', line: 3, column: 36 },
    ]);
  });

  it('says nothing when the route is not a code flow', () => {
    expect(reports(handler, 'server/api/rooms/create.post.ts')).toEqual([]);
    expect(reports(handler, 'src/server/lobby.ts')).toEqual([]);
  });
});

describe('no-weak-randomness reads the same Nuxt route', () => {
  it('reports a Math.random code made in a verification route, not in another route', async () => {
    const weak = (await import('../../rules/no-weak-randomness.js')).default;
    const handler = [
      'export default defineEventHandler(async (event: { phone: string }) => {',
      '  const code = Math.random().toString().slice(2, 8);',
      '  await sendSms(event.phone, code);',
      '});',
      'declare function defineEventHandler(f: (e: { phone: string }) => Promise<void>): unknown;',
      'declare function sendSms(to: string, text: string): Promise<void>;',
    ].join('\n');
    expect(reportsOf(weak, handler, 'server/api/verify/start.post.ts')).toEqual([
      { messageId: 'weakRandom', line: 2, column: 16 },
    ]);
    expect(reportsOf(weak, handler, 'server/api/rooms/create.post.ts')).toEqual([]);
  });
});
