/**
 * benignShapeOf (issue 11, session 36, branch hc20): a URN (RFC 8141) and a dunder identifier are names, never key
 * values, under any name; near misses that keep their verdicts. Every value is FAKE.
 */
import { describe, expect, it } from 'vitest';
import { benignShapeOf, classifyValue } from '../../src/detect/index.js';

describe('URNs and dunder identifiers', () => {
  it('reads them as identifiers', () => {
    expect(benignShapeOf('urn:oasis:names:tc:SAML:2.0:ac:classes:Password')).toBe('identifier');
    expect(benignShapeOf('urn:ietf:params:oauth:grant-type:jwt-bearer')).toBe('identifier');
    expect(benignShapeOf('__pushInspector5b6af7b9884e1165SessionActive__')).toBe('identifier');
    expect(classifyValue('urn:oasis:names:tc:SAML:2.0:ac:classes:Password', { name: 'password' }).secret).toBe(false);
    expect(classifyValue('__bridge7f3a9c2e1b8d4f60Ready__', { name: 'CB_KEY' }).secret).toBe(false);
  });

  it('keeps secrets that only look alike', () => {
    expect(benignShapeOf('urn Qx7vR2mK9pLw4Tz8')).toBeUndefined();
    expect(benignShapeOf('__Qx7vR2mK9p+Lw4Tz8/')).toBeUndefined();
    expect(classifyValue('_Xk3pQ9vT7mL2wN8rB5cY1hJ4dF6sG0a_', { name: 'apiSecret' }).secret).toBe(true);
  });
});
