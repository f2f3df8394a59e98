/* eslint-disable keyhygiene/no-hardcoded-key -- fake samples */
/**
 * Context-public identifiers prove themselves (STYLE practice 7): each sample is an object literal's
 * JSON; positives are public in that context, negatives are not. Checked through the detection core
 * the rules and the scanner call.
 */
import { describe, expect, it } from 'vitest';
import { contextPublicIdentifiers } from '../../src/catalogue/credentials.js';
import { classifyValue, publicInContextOf } from '../../src/detect/index.js';

describe('context-public identifiers', () => {
  for (const c of contextPublicIdentifiers) {
    const judge = (json: string): string | undefined => {
      const obj = JSON.parse(json) as Record<string, string>;
      const keys = Object.keys(obj);
      const hits = keys.map((k) =>
        publicInContextOf(
          obj[k]!,
          k,
          keys.filter((s) => s !== k),
        ),
      );
      return hits.find((h) => h !== undefined);
    };
    it.each(c.samples.positive)(`${c.id}: public in %s`, (json) => expect(judge(json)).toBe(c.id));
    it.each(c.samples.negative)(`${c.id}: not public in %s`, (json) => expect(judge(json)).toBeUndefined());
  }
  it('classifyValue: the same key is a credential without the context, public with it', () => {
    const key = 'AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF'; // fake
    expect(classifyValue(key, { name: 'apiKey' }).secret).toBe(true);
    expect(classifyValue(key, { name: 'apiKey', siblings: ['authDomain', 'projectId'] })).toEqual({
      secret: false,
      reason: 'public (firebase-web-api-key)',
    });
  });
});
