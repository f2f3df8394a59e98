/** The issued-credential lexicon proves itself (STYLE practice 7). */
import { describe, expect, it } from 'vitest';
import { issuedCredentialName } from '../../src/catalogue/names.js';

describe(issuedCredentialName.id, () => {
  it.each(issuedCredentialName.samples.positive)('matches %s', (s) => {
    expect(issuedCredentialName.pattern.test(s)).toBe(true);
  });
  it.each(issuedCredentialName.samples.negative)('does not match %s', (s) => {
    expect(issuedCredentialName.pattern.test(s)).toBe(false);
  });
});
