/**
 * no-weak-randomness: a chat thread's key groups messages into one thread (Google Chat's `threadKey`: one thread
 * per day, per incident or per deploy) and opens nothing, so a clock reading there is not a predictable secret.
 * Variants written from how notification digests, deploy announcements and alert batches thread their messages.
 * The near misses, a thread's secret or token, a conversation key (NIP-44 names its shared secret so) and a
 * session key from the same clock, stay reported.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-weak-randomness.js';
import { lintWith } from '../helpers/probe.js';

const lint = (code: string, filename: string): { line: number; messageId: string | undefined }[] =>
  lintWith(rule, code, filename).map((m) => ({
    line: m.line,
    messageId: m.fatal ? `fatal: ${m.message}` : m.messageId,
  }));

describe('no-weak-randomness: chat thread keys', () => {
  it('stays silent on thread keys made from the clock', () => {
    const digest = [
      "const date = new Date().toISOString().split('T')[0];",
      'export const fields = { sender: "digest", threadKey: `breakglass-${date}` };',
    ].join('\n');
    const deploys = 'export const announce = (text) => ({ text, thread_key: `deploys-${Date.now()}` });';
    const alerts = [
      'export function batch(alerts) {',
      '  const threadKey = `alerts-${new Date().toDateString()}`;',
      '  return alerts.map((a) => ({ ...a, threadKey }));',
      '}',
    ].join('\n');
    for (const [code, file] of [
      [digest, 'src/notify/digest.ts'],
      [deploys, 'src/chat/deploys.ts'],
      [alerts, 'src/alerts/batch.ts'],
    ] as const)
      expect({ file, messages: lint(code, file) }).toEqual({ file, messages: [] });
  });

  it('still reports a thread secret or token, a conversation key and a session key from the clock', () => {
    const code = [
      'export const thread = { threadSecret: `t-${Date.now()}` };',
      'export const invite = { threadToken: `t-${Date.now()}` };',
      'export const conversationKey = Math.random().toString(36).slice(2);',
      'export const sessionKey = `s-${Date.now()}`;',
    ].join('\n');
    expect(lint(code, 'src/chat/threads.ts')).toEqual([
      { line: 1, messageId: 'weakRandom' },
      { line: 2, messageId: 'weakRandom' },
      { line: 3, messageId: 'weakRandom' },
      { line: 4, messageId: 'weakRandom' },
    ]);
  });
});
