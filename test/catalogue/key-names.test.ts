/** The keystore names suggestions give unnamed keys, by sink (src/catalogue/sinks.ts `defaultKeyNames`). */
import { describe, expect, it } from 'vitest';
import { keySinks } from '../../src/catalogue/sinks.js';
import { defaultKeyName, keyNameFor } from '../../src/rule-kit/fixes.js';

describe('default key names', () => {
  it.each([
    ['jsonwebtoken.sign', 'jwt-secret'],
    ['node-crypto.createHmac', 'hmac-key'],
    ['node-crypto.createCipheriv', 'encryption-key'],
  ])('%s → %s', (sinkId, name) => {
    expect(keySinks.some((s) => s.id === sinkId)).toBe(true);
    expect(defaultKeyName(sinkId)).toBe(name);
  });
  it('falls back to app-key without a sink, and keeps a binding name that says something', () => {
    expect(defaultKeyName(undefined)).toBe('app-key');
    expect(keyNameFor('paymentsKey', 'node-crypto.createHmac')).toBe('payments-key');
    expect(keyNameFor('k', 'node-crypto.createHmac')).toBe('hmac-key');
  });
});
