/** Catalogue secret-uses.ts (issue 11, session 38): each lexicon's positive samples match and its negatives do not. */
import { describe, expect, it } from 'vitest';
import {
  bookkeepingStoreEntry,
  constantTimeCompare,
  cookieSetterName,
  credentialCookieAttribute,
  credentialCookieOption,
  expiringStoreMethod,
  expiryFieldName,
  lookupFilterKey,
  recordDataField,
  recordLookupMethod,
  setCookieHeaderName,
  storedHashCall,
  storeExpiryOption,
} from '../../src/catalogue/secret-uses.js';

describe('secret-use lexicons', () => {
  for (const lex of [
    expiryFieldName,
    recordDataField,
    recordLookupMethod,
    lookupFilterKey,
    cookieSetterName,
    credentialCookieOption,
    setCookieHeaderName,
    credentialCookieAttribute,
    constantTimeCompare,
    storedHashCall,
    expiringStoreMethod,
    storeExpiryOption,
    bookkeepingStoreEntry,
  ]) {
    it(`${lex.id}: positives match, negatives do not`, () => {
      for (const s of lex.samples.positive) expect(lex.pattern.test(s), s).toBe(true);
      for (const s of lex.samples.negative) expect(lex.pattern.test(s), s).toBe(false);
    });
  }

  it("credential-cookie-attribute: valueStart ends at a cookie's own value, not an attribute's", () => {
    for (const s of ['sid=', 'app.sess=', '='] as const)
      expect(credentialCookieAttribute.valueStart.test(s), s).toBe(true);
    for (const s of ['sid=abc; Max-Age=', 'theme=dark; Path=/; Domain=', 'sid'] as const)
      expect(credentialCookieAttribute.valueStart.test(s), s).toBe(false);
  });

  it('expiring-store-method, store-expiry-option, bookkeeping-store-entry: the extra patterns', () => {
    for (const s of ['setex', 'psetex']) expect(expiringStoreMethod.expiryFirst.test(s), s).toBe(true);
    for (const s of ['set', 'put', 'set_ex']) expect(expiringStoreMethod.expiryFirst.test(s), s).toBe(false);
    for (const s of ['ex', 'px', 'exat']) expect(storeExpiryOption.flag.test(s), s).toBe(true);
    for (const s of ['nx', 'ttl', 'keepttl']) expect(storeExpiryOption.flag.test(s), s).toBe(false);
    expect(bookkeepingStoreEntry.lockFlag.test('nx')).toBe(true);
    expect(bookkeepingStoreEntry.lockFlag.test('xx')).toBe(false);
  });

  it('stored-hash-call: update hashes only on a digest stream', () => {
    expect(storedHashCall.streamFactory.test('create_hash')).toBe(true);
    expect(storedHashCall.streamFactory.test('create_hmac')).toBe(false);
  });
});
