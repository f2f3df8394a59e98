/**
 * no-weak-randomness (issue 11, session 34, branch fp18): two mechanisms of the development corpora.
 * 1. A code cut into groups with `String.prototype.match` (`code.match(/.{4}/g)!.join('-')`) is made from its
 *    receiver, as `split` and `slice` already were (catalogue `receiverMethods`); two writers (blind13's gift code,
 *    blind14a's gift card) missed it. Near misses: a match on a value no weak source made, a UI random.
 * 2. A session id named for product analytics or telemetry (`analyticsSessionId`) counts visits; it signs nobody in
 *    (catalogue `nonPurposeName`). Near misses that stay reported: a plain session id, an analytics API key.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-weak-randomness.js';
import { lintWith } from '../helpers/probe.js';

function lint(code: string): [string | undefined, number, number][] {
  return lintWith(rule, code, 'src/promo/codes.ts').map((m) => [m.messageId, m.line, m.column]);
}

describe('no-weak-randomness (codes cut into groups with match)', () => {
  it('reports a gift code drawn with Math.random and grouped by match(...).join', () => {
    const code =
      "const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';\n" +
      'export function giftCode(): string {\n' +
      "  let raw = '';\n" +
      '  for (let i = 0; i < 16; i++) raw += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];\n' +
      "  return raw.match(/.{4}/g)!.join('-');\n" +
      '}\n';
    expect(lint(code)).toEqual([['weakRandom', 4, 59]]);
  });

  it('reports a voucher code grouped by match into a stored binding', () => {
    const code =
      'export function issueVoucher(save: (c: string) => void): void {\n' +
      '  const digits = String(Math.floor(Math.random() * 1e12)).padStart(12, "0");\n' +
      '  const voucherCode = (digits.match(/\\d{4}/g) ?? []).join(" ");\n' +
      '  save(voucherCode);\n' +
      '}\n';
    expect(lint(code)).toEqual([['weakRandom', 2, 36]]);
  });

  it('reports a recovery code from a clock, grouped by match', () => {
    const code =
      'export function recoveryCode(): string {\n' +
      '  const t = Date.now().toString(36).toUpperCase();\n' +
      "  return t.match(/.{1,3}/g)?.join('-') ?? t;\n" +
      '}\n';
    expect(lint(code)).toEqual([['weakRandom', 2, 13]]);
  });

  it('stays quiet on a code from a CSPRNG grouped by match', () => {
    const code =
      "import { randomBytes } from 'node:crypto';\n" +
      'export function giftCode(): string {\n' +
      "  const raw = randomBytes(12).toString('hex').toUpperCase();\n" +
      "  return raw.match(/.{4}/g)!.join('-');\n" +
      '}\n';
    expect(lint(code)).toEqual([]);
  });

  it('stays quiet on a match over an order number and on a UI random', () => {
    const code =
      'export function orderLabel(orderNo: string): string {\n' +
      "  return orderNo.match(/.{3}/g)!.join(' ');\n" +
      '}\n' +
      'export function sparkles(n: number) {\n' +
      '  return Array.from({ length: n }, () => ({ x: Math.random() * 100 }));\n' +
      '}\n';
    expect(lint(code)).toEqual([]);
  });
});

describe('no-weak-randomness (analytics and telemetry session ids)', () => {
  it('stays quiet on an analytics session id and a telemetry visit id', () => {
    const code =
      'export function analyticsSessionId(): string {\n' +
      '  return `a_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;\n' +
      '}\n' +
      'export const telemetry = { telemetryVisitId: Math.random().toString(36).slice(2) };\n';
    expect(lint(code)).toEqual([]);
  });

  it('still reports a session id and an analytics API key', () => {
    const code =
      'export function newSessionId(): string {\n' +
      '  return Math.random().toString(36).slice(2);\n' +
      '}\n' +
      'export const analyticsApiKey = Math.random().toString(36).slice(2);\n';
    expect(lint(code)).toEqual([
      ['weakRandom', 2, 10],
      ['weakRandom', 4, 32],
    ]);
  });
});

describe('no-weak-randomness (keys in the lookup sense, named by what they look up)', () => {
  it('stays quiet on a reply-matching key, an instance key, an alert key, a trigger key and a key revision', () => {
    const code =
      'export function ask(port: MessagePort): void {\n' +
      '  const responseKey = Math.random().toString(36);\n' +
      "  port.postMessage({ responseKey, type: 'token' });\n" +
      '}\n' +
      'const instanceKey = Date.now().toString();\n' +
      "export const alert = { alert_key: Math.random().toString(36).slice(7), title: 'disk' };\n" +
      'export const triggerKey = new Date().toISOString();\n' +
      'let counter = 0;\n' +
      'export const keyRev = counter++;\n' +
      'export { instanceKey };\n';
    expect(lint(code)).toEqual([]);
  });

  it('still reports a message key, a group key, a signing key and an instance secret', () => {
    const code =
      'export const messageKey = Math.random().toString(36);\n' +
      'export const groupKey = Date.now().toString(16);\n' +
      'export const signingKey = Math.random().toString(36).slice(2);\n' +
      'export const instanceSecret = Math.random().toString(36).slice(2);\n';
    expect(lint(code)).toEqual([
      ['weakRandom', 1, 27],
      ['weakRandom', 2, 25],
      ['weakRandom', 3, 27],
      ['weakRandom', 4, 31],
    ]);
  });
});
