/**
 * no-logged-key: message text that names a secret (`failed to get access token: ${…}`) does not make the value
 * after it a secret when the value is named for what went wrong (`error`, `errorBody`, `reason`): a failed token
 * request returns an error body, not a token. Variants written from how GitHub App, OAuth refresh and KMS clients
 * report failures; the near misses interpolate a value named for the secret itself and stay reported.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-key.js';
import { lintWith } from '../helpers/probe.js';

/** Line and message id of each report; a parse failure shows as a message of its own. */
const lint = (code: string, filename: string): { line: number; messageId: string | undefined }[] =>
  lintWith(rule, code, filename).map((m) => ({
    line: m.line,
    messageId: m.fatal ? `fatal: ${m.message}` : m.messageId,
  }));

describe('no-logged-key: a failure value after a message that names a secret', () => {
  it('stays silent on error bodies, errors and reasons', () => {
    const installation = [
      'exports.installationToken = async (id, appJwt) => {',
      '  const res = await fetch(`https://api.github.com/app/installations/${id}/access_tokens`, {',
      "    method: 'POST',",
      '    headers: { Authorization: `Bearer ${appJwt}` },',
      '  });',
      '  if (!res.ok) {',
      '    const errorBody = await res.text();',
      '    throw new Error(`could not create installation access token: ${errorBody}`);',
      '  }',
      '  return res.json();',
      '};',
    ].join('\n');
    const refresh = [
      'exports.refresh = async (client, stored) => {',
      '  try {',
      '    return await client.refresh(stored);',
      '  } catch (err) {',
      '    console.error(`Failed to refresh access token: ${err}`);',
      '    return undefined;',
      '  }',
      '};',
    ].join('\n');
    const kms = [
      'exports.loadKey = async (kms, keyId) => {',
      '  const result = await kms.getPublicKey({ KeyId: keyId }).catch((e) => ({ failed: e }));',
      '  if (result.failed) {',
      '    const reason = result.failed.message;',
      '    console.warn(`Unable to load signing key: ${reason}`);',
      '  }',
      '  return result;',
      '};',
    ].join('\n');
    for (const [code, file] of [
      [installation, 'src/github/installation.ts'],
      [refresh, 'src/oauth/refresh.ts'],
      [kms, 'src/kms/load.ts'],
    ] as const)
      expect({ file, messages: lint(code, file) }).toEqual({ file, messages: [] });
  });

  it('still reports a value the message calls a secret under its own name', () => {
    const code = [
      'exports.check = async (signingKey, res) => {',
      '  if (signingKey.length < 32) throw new Error(`invalid signing key: ${signingKey}`);',
      '  const tokenText = await res.text();',
      '  console.log(`access token: ${tokenText}`);',
      '  const value = res.headers.get("x-refresh");',
      '  console.error(`bad refresh token: ${value}`);',
      '};',
    ].join('\n');
    expect(lint(code, 'src/auth/check.ts')).toEqual([
      { line: 2, messageId: 'loggedKey' },
      { line: 4, messageId: 'loggedKey' },
      { line: 6, messageId: 'loggedKey' },
    ]);
  });
});
