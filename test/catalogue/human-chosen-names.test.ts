/** The human-chosen secret lexicon proves itself (STYLE practice 7). */
import { describe, expect, it } from 'vitest';
import { humanChosenSecretName } from '../../src/catalogue/names.js';

describe(humanChosenSecretName.id, () => {
  it.each(humanChosenSecretName.samples.positive)('matches %s', (s) => {
    expect(humanChosenSecretName.pattern.test(s)).toBe(true);
  });
  it.each(humanChosenSecretName.samples.negative)('does not match %s', (s) => {
    expect(humanChosenSecretName.pattern.test(s)).toBe(false);
  });
});
