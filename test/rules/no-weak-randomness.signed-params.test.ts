/**
 * no-weak-randomness: the nonce of a signed request's parameter list (issue 11, session 33, branch rand17;
 * src/rule-kit/signed-nonces.ts, catalogue `signatureSchemeField`). OAuth 1.0a (`oauth_signature_method`) and the
 * RPC styles of Alibaba Cloud and Tencent Cloud (`SignatureMethod`, `SignatureVersion`) put the nonce in the record
 * of parameters their MAC covers; it only has to be new per request. Written anew after public clients of those
 * APIs; the near misses are nonces that must be unguessable (a wallet sign-in challenge beside a bare `signature`,
 * an OpenID Connect request) and a nonce helper also used outside a signed list.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-weak-randomness.js';
import { lintWith } from '../helpers/probe.js';

function lint(code: string): [string | undefined, number][] {
  return lintWith(rule, code, 'src/notify/signed.ts').map((m) => [m.messageId, m.line]);
}

describe('no-weak-randomness (nonces of signed parameter lists)', () => {
  it('is quiet on an RPC-style SMS request whose parameters name their signature method', () => {
    const code =
      "import { createHmac } from 'node:crypto';\n" +
      'function sign(params: Record<string, string>, secret: string): string {\n' +
      "  const text = Object.keys(params).sort().map((k) => `${k}=${params[k]}`).join('&');\n" +
      "  return createHmac('sha1', `${secret}&`).update(text).digest('base64');\n" +
      '}\n' +
      'export function smsRequest(phone: string, keyId: string, secret: string) {\n' +
      '  const params: Record<string, string> = {\n' +
      "    AccessKeyId: keyId, Action: 'SendSms', PhoneNumbers: phone,\n" +
      "    SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0',\n" +
      '    SignatureNonce: Math.random().toString(),\n' +
      '    Timestamp: new Date().toISOString(),\n' +
      '  };\n' +
      '  return { ...params, Signature: sign(params, secret) };\n' +
      '}\n';
    expect(lint(code)).toEqual([]);
  });

  it('is quiet on a cloud API request with a numeric Nonce and a SignatureMethod', () => {
    const code =
      'export function describeRequest(secretId: string) {\n' +
      '  return {\n' +
      "    Action: 'DescribeInstances', SecretId: secretId,\n" +
      '    Nonce: Math.floor(Math.random() * 65535),\n' +
      "    Timestamp: Math.floor(Date.now() / 1000), SignatureMethod: 'HmacSHA256',\n" +
      '  };\n' +
      '}\n';
    expect(lint(code)).toEqual([]);
  });

  it('is quiet on an OAuth 1.0a nonce helper used only as oauth_nonce, behind a default', () => {
    const code =
      "import { randomBytes } from 'node:crypto';\n" +
      "const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';\n" +
      'function makeNonce(size = 24): string {\n' +
      '  const raw = randomBytes(size);\n' +
      "  let out = '';\n" +
      '  for (let i = 0; i < size; i++) out += ALPHABET[raw[i]! % ALPHABET.length];\n' +
      '  return out;\n' +
      '}\n' +
      'const stamp = (): string => String(Math.floor(Date.now() / 1000));\n' +
      'export function oauthParams(consumerKey: string, given?: { nonce?: string }) {\n' +
      '  return {\n' +
      '    oauth_consumer_key: consumerKey,\n' +
      '    oauth_nonce: given?.nonce ?? makeNonce(),\n' +
      "    oauth_signature_method: 'HMAC-SHA256',\n" +
      "    oauth_timestamp: stamp(), oauth_version: '1.0',\n" +
      '  };\n' +
      '}\n' +
      'export const legacyParams = (key: string) => ({\n' +
      "  oauth_consumer_key: key, oauth_signature_method: 'PLAINTEXT', oauth_nonce: Math.random().toString(36),\n" +
      '});\n';
    expect(lint(code)).toEqual([]);
  });

  it('still reports a sign-in challenge beside a bare signature, an OpenID Connect nonce and a helper used unsigned', () => {
    const code =
      'export function challenge(address: string) {\n' +
      "  return { address, nonce: Math.random().toString(36).slice(2), signature: '' };\n" +
      '}\n' +
      'export function authRequest(clientId: string) {\n' +
      "  return { client_id: clientId, response_type: 'id_token', nonce: Math.random().toString(36).slice(2) };\n" +
      '}\n' +
      'function makeNonce(): string {\n' +
      '  return Math.random().toString(36).slice(2);\n' +
      '}\n' +
      'export const signedParams = (key: string) => ({\n' +
      "  oauth_consumer_key: key, oauth_signature_method: 'HMAC-SHA1', oauth_nonce: makeNonce(),\n" +
      '});\n' +
      'export const oidcParams = (clientId: string) => ({ client_id: clientId, nonce: makeNonce() });\n';
    expect(lint(code)).toEqual([
      ['weakRandom', 2],
      ['weakRandom', 5],
      ['weakRandom', 8],
    ]);
  });
});
