/* eslint-disable keyhygiene/no-hardcoded-key -- every credential below is fake or a published RFC example */
/**
 * Published examples by fingerprint (issue 11) and redaction prefixes taken from the catalogue (issue 15).
 * The RFC value used here is published in RFC 7515 Appendix A.3 (an example key, not a secret).
 */
import { describe, expect, it } from 'vitest';
import { credentialFormats, publishedExamples } from '../../src/catalogue/credentials.js';
import { findCredentials, publishedExampleJwkOf, publishedExampleOf, redact } from '../../src/detect/index.js';

const RFC7515_A3_D = 'jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI';

describe('published examples', () => {
  it('keeps only hashes, labels and sources in the catalogue', () => {
    for (const e of publishedExamples) {
      expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(e.label.length).toBeGreaterThan(5);
      expect(e.source.length).toBeGreaterThan(2);
    }
  });

  it('recognises an RFC example key, also wrapped over lines or with escaped line breaks', () => {
    expect(publishedExampleOf(RFC7515_A3_D)?.source).toBe('RFC 7515 Appendix A.3');
    expect(publishedExampleOf(`${RFC7515_A3_D.slice(0, 20)}\n   ${RFC7515_A3_D.slice(20)}`)?.label).toMatch(/7515/);
    expect(publishedExampleOf(`${RFC7515_A3_D.slice(0, 20)}\\n${RFC7515_A3_D.slice(20)}`)).toBeDefined();
    expect(publishedExampleOf(RFC7515_A3_D.replace('jps', 'jpt'))).toBeUndefined();
    expect(publishedExampleOf('short')).toBeUndefined();
  });

  it('hashes only base64, base64url, JWT or Stripe-key characters, quotes and wrapping removed', () => {
    expect(publishedExampleOf(`"${RFC7515_A3_D}"`)?.source).toBe('RFC 7515 Appendix A.3');
    expect(publishedExampleOf(`\`${RFC7515_A3_D.slice(0, 10)}\r\n${RFC7515_A3_D.slice(10)}\``)).toBeDefined();
    expect(publishedExampleOf('AKIAIOSFODNN7EXAMPLE')?.label).toMatch(/AWS/);
    // A character no published example has: the same value with it is not one.
    expect(publishedExampleOf(`${RFC7515_A3_D}!`)).toBeUndefined();
    expect(publishedExampleOf(`${RFC7515_A3_D.slice(0, 20)}é${RFC7515_A3_D.slice(20)}`)).toBeUndefined();
    expect(publishedExampleOf('Thank you for your order, it is on its way!')).toBeUndefined();
  });

  it('judges a JWK by all of its private members', () => {
    expect(publishedExampleJwkOf({ kty: 'EC', crv: 'P-256', d: RFC7515_A3_D })?.label).toMatch(/P-256/);
    expect(publishedExampleJwkOf({ kty: 'EC', crv: 'P-256', d: 'fAkEq9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH9jK2lM4n' })).toBe(
      undefined,
    );
    expect(publishedExampleJwkOf({ kty: 'EC', x: 'a', y: 'b' })).toBeUndefined();
  });

  it('is not returned by findCredentials unless asked, and then marked', () => {
    const text = 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE';
    expect(findCredentials(text)).toEqual([]);
    const [m] = findCredentials(text, { includePublished: true });
    expect(m?.published?.label).toMatch(/AWS/);
  });
});

describe('redaction prefixes come from the catalogue', () => {
  it('shows the documented prefix of every positive sample and never more than 12 + 4 characters of it', () => {
    for (const f of credentialFormats) {
      for (const sample of f.samples.positive) {
        for (const m of findCredentials(sample)) {
          const r = redact(m.secret);
          if (m.secret.startsWith('-----BEGIN')) continue;
          const shown = r.replace(/…/, '').replace(/^•+ \(\d+ chars\)$/, '');
          expect(shown.length, `${f.id}: ${r}`).toBeLessThanOrEqual(16);
          expect((r.split('…')[1] ?? '').length, `${f.id}: ${r}`).toBeLessThanOrEqual(4);
        }
      }
    }
  });

  it('shows a prefix only when the format matches the whole secret', () => {
    expect(redact('ghp_fAkE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH')).toBe('ghp_…F7gH');
    expect(redact('xoxb-123456789012-1234567890123-fAkE0q9Zt7sK2mN4pL8vR6xW')).toMatch(/^xoxb-…/);
    // A password that starts like a keyword shows no prefix: two characters at most.
    expect(redact('password-Zr4kP8wQx2Lq9vX2')).toBe('pa…9vX2');
  });
});
