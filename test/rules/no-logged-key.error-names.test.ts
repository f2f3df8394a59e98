/**
 * no-logged-key: a value whose name ends in a failure word (`verifyEmailError`, `tokenError`, `passwordErrors`,
 * `refreshTokenException`) holds what went wrong, whatever the message before it names: the head noun of a
 * compound name (its last word) says what the value is. Variants written from how UI stores, form validators and
 * token clients name their failures; the near misses put a secret word last (`errorToken`, `verifyEmailToken`) and
 * stay reported.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-key.js';
import { lintWith } from '../helpers/probe.js';

const lint = (code: string, filename: string): { line: number; messageId: string | undefined }[] =>
  lintWith(rule, code, filename).map((m) => ({
    line: m.line,
    messageId: m.fatal ? `fatal: ${m.message}` : m.messageId,
  }));

describe('no-logged-key: values named for a failure by their last word', () => {
  it('stays silent on a failure named after the token or password it concerns', () => {
    const store = [
      'export function report(core, isVerifying) {',
      '  if (isVerifying && core.verifyEmailError) {',
      "    console.log('Problem sending email token:', core.verifyEmailError);",
      '  } else if (core.verifyEmailCodeError) {',
      "    console.log('Problem verifying email token:', core.verifyEmailCodeError);",
      '  }',
      '}',
    ].join('\n');
    const refresh = [
      'export async function renew(client, stored) {',
      '  const { tokenError, session } = await client.refresh(stored);',
      '  if (tokenError) console.error(`refresh token rejected: ${tokenError}`);',
      '  return session;',
      '}',
    ].join('\n');
    const form = [
      'export function validate(values, validators) {',
      '  const passwordErrors = validators.password(values.password);',
      "  if (passwordErrors.length) console.warn('password:', passwordErrors);",
      '  const apiKeyException = validators.apiKey(values.apiKey);',
      "  if (apiKeyException) console.warn('api key', apiKeyException);",
      '  return passwordErrors.length === 0 && !apiKeyException;',
      '}',
    ].join('\n');
    for (const [code, file] of [
      [store, 'src/ui/verify-email.ts'],
      [refresh, 'src/auth/renew.ts'],
      [form, 'src/forms/settings.ts'],
    ] as const)
      expect({ file, messages: lint(code, file) }).toEqual({ file, messages: [] });
  });

  it('still reports a value whose last word is the secret', () => {
    const code = [
      'export function report(core, form) {',
      "  console.log('Problem sending email token:', core.verifyEmailToken);",
      "  console.error('refresh token rejected:', core.errorRefreshToken);",
      "  console.warn('password:', form.errorPassword);",
      '}',
    ].join('\n');
    expect(lint(code, 'src/ui/verify-email.ts')).toEqual([
      { line: 2, messageId: 'loggedKey' },
      { line: 3, messageId: 'loggedKey' },
      { line: 4, messageId: 'loggedKey' },
    ]);
  });
});
