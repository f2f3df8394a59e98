/** The one-use-key calls (no-static-iv) prove themselves: positive names are producers or derivations, negatives neither. */
import { describe, expect, it } from 'vitest';
import { oneUseKeyCalls } from '../../src/catalogue/one-use-keys.js';

describe(oneUseKeyCalls.id, () => {
  const matches = (name: string): boolean =>
    oneUseKeyCalls.producers.test(name) || oneUseKeyCalls.derivations.test(name);
  it('positives match, negatives do not', () => {
    for (const s of oneUseKeyCalls.samples.positive) expect(matches(s), s).toBe(true);
    for (const s of oneUseKeyCalls.samples.negative) expect(matches(s), s).toBe(false);
  });
});
