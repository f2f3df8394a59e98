/* eslint-disable keyhygiene/no-hardcoded-key -- fake samples */
/**
 * Context-public identifiers prove themselves (STYLE practice 7): each sample is an object literal's
 * JSON; positives are public in that context, negatives are not. Checked through the detection core
 * the rules and the scanner call.
 */
import { describe, expect, it } from 'vitest';
import { contextPublicIdentifiers, namePublicIdentifiers } from '../../src/catalogue/credentials.js';
import { classifyValue, findCredentials, publicInContextOf, publicUnderNameOf } from '../../src/detect/index.js';

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

describe('publicInContextOf with one key list for a whole object', () => {
  const key = 'AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF'; // fake
  const all = ['apiKey', 'authDomain', 'projectId'];
  it('leaves the name given as `except` out of the siblings, and only that name', () => {
    expect(publicInContextOf(key, 'apiKey', all, 'apiKey')).toBe('firebase-web-api-key');
    expect(publicInContextOf(key, 'apiKey', all)).toBe('firebase-web-api-key');
    expect(publicInContextOf(key, 'apiKey', all, 'authDomain')).toBeUndefined();
    expect(publicInContextOf(key, 'apiKey', ['apiKey', 'authDomain', 'projectId', 'appId'], 'authDomain')).toBe(
      'firebase-web-api-key',
    );
  });
  it('answers nothing for another shape or another property, whatever the siblings', () => {
    expect(publicInContextOf('AIzaSyFAKE0q9Zt7', 'apiKey', all, 'apiKey')).toBeUndefined();
    expect(publicInContextOf(key, 'mapsKey', all, 'mapsKey')).toBeUndefined();
    expect(publicInContextOf(` ${key} `, 'API_KEY', all, 'API_KEY')).toBe('firebase-web-api-key');
  });
});

describe('name-public identifiers', () => {
  for (const c of namePublicIdentifiers) {
    const judge = (pair: string): string | undefined => {
      const [name, value] = pair.split('=') as [string, string];
      return publicUnderNameOf(value, name);
    };
    it.each(c.samples.positive)(`${c.id}: public as %s`, (pair) => expect(judge(pair)).toBe(c.id));
    it.each(c.samples.negative)(`${c.id}: not public as %s`, (pair) => expect(judge(pair)).toBeUndefined());
  }
  it('findCredentials: a Google key is public in client Maps config and a credential under a Gemini name', () => {
    const key = 'AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF'; // fake
    expect(findCredentials(key, { name: 'VITE_GOOGLE_MAPS_KEY' })).toEqual([]);
    expect(findCredentials(key, { name: 'googleMapsApiKey' }).map((m) => m.format.id)).toEqual(['google-api-key']);
    expect(findCredentials(key, { name: 'GEMINI_API_KEY' }).map((m) => m.format.id)).toEqual(['google-api-key']);
  });
});
