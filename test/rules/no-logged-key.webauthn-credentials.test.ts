/**
 * no-logged-key: a WebAuthn "credential" is a key pair whose private half stays in the authenticator. Registration
 * and sign-in options (`excludeCredentials`, `allowCredentials`) and parsed authenticator data (the attested
 * credential data: credential id and public key) hold ids and a public key, so logging them leaks no secret.
 * Variants written anew from how relying-party servers build and debug these objects. Near misses stay reported: an
 * object holding `credentials` (cloud credentials) or `clientCredentials`.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-key.js';
import { lintWith } from '../helpers/probe.js';

const lint = (code: string, filename: string): { line: number; column: number; messageId: string | undefined }[] =>
  lintWith(rule, code, filename).map((m) => ({
    line: m.line,
    column: m.column,
    messageId: m.fatal ? `fatal: ${m.message}` : m.messageId,
  }));

describe('no-logged-key: WebAuthn public-key credential data', () => {
  it('stays silent on registration options and parsed authenticator data', () => {
    const options = [
      'function creationOptions(userId: string, existing: { id: string }[]) {',
      '  const excludeCredentials = existing.map((c) => ({ id: c.id, type: "public-key" }));',
      '  return { challenge: crypto.randomUUID(), user: { id: userId }, excludeCredentials };',
      '}',
      'export function register(log, userId: string, existing: { id: string }[]) {',
      '  const opts = creationOptions(userId, existing);',
      '  log.debug("creation options", JSON.stringify(opts));',
      '  return opts;',
      '}',
    ].join('\n');
    const signIn = [
      'export function requestOptions(log, ids: string[]) {',
      '  const opts = { rpId: "example.test", allowCredentials: ids.map((id) => ({ id, type: "public-key" })) };',
      '  log.info("assertion options", opts);',
      '  return opts;',
      '}',
    ].join('\n');
    const parsed = [
      'function parseAuthData(data: Uint8Array) {',
      '  const flags = data[32];',
      '  const flagAttestedCredentialData = (flags >> 6) & 1;',
      '  const credentialId = data.subarray(55, 71);',
      '  return { flags, flagAttestedCredentialData, credentialId };',
      '}',
      'export function verify(log, data: Uint8Array) {',
      '  const authData = parseAuthData(data);',
      '  log.debug("parsed authenticator data", JSON.stringify(authData));',
      '  return authData;',
      '}',
    ].join('\n');
    for (const [code, file] of [
      [options, 'src/webauthn/register.ts'],
      [signIn, 'src/webauthn/sign-in.ts'],
      [parsed, 'src/webauthn/verify.ts'],
    ] as const)
      expect({ file, messages: lint(code, file) }).toEqual({ file, messages: [] });
  });

  it('still reports objects that hold cloud or client credentials', () => {
    const cloud = [
      'export function connect(log, credentials: { accessKeyId: string; secretAccessKey: string }) {',
      '  const cfg = { region: "eu-west-1", credentials };',
      '  log.debug("client config", JSON.stringify(cfg));', // 3
      '}',
    ].join('\n');
    const client = [
      'export function oauth(log, clientCredentials: string) {',
      '  log.info("token request", { grant: "client_credentials", clientCredentials });', // 2
      '}',
    ].join('\n');
    expect(lint(cloud, 'src/aws.ts')).toEqual([{ line: 3, column: 30, messageId: 'loggedKey' }]);
    expect(lint(client, 'src/oauth.ts')).toEqual([{ line: 2, column: 60, messageId: 'loggedKey' }]);
  });
});
