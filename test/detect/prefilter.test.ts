import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { credentialFormats } from '../../src/catalogue/credentials.js';
import { candidateFormats } from '../../src/detect/classify.js';
import { buildKeywordIndex } from '../../src/detect/prefilter.js';

/** The naive scan the automaton replaces: entry i is a candidate when one of its keywords occurs. */
const naive = (lists: readonly (readonly string[])[], text: string): number[] => {
  const lower = text.toLowerCase();
  return lists.flatMap((kws, i) => (kws.some((k) => lower.includes(k.toLowerCase())) ? [i] : []));
};
const sorted = (s: Set<number>): number[] => [...s].sort((a, b) => a - b);

describe('keyword prefilter (Aho–Corasick)', () => {
  it('agrees with a naive scan on random keywords and texts over a small alphabet', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'B', '_', '-'), minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'B', 'C', '_', '-', 'é', '\n'), maxLength: 60 }),
        (lists, text) => {
          const ix = buildKeywordIndex(lists);
          expect(sorted(ix.candidates(text))).toEqual(naive(lists, text));
          expect(ix.any(text)).toBe(naive(lists, text).length > 0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('agrees with a naive scan over the real catalogue, on texts built from keyword fragments', () => {
    const lists = credentialFormats.map((f) => f.keywords);
    const ix = buildKeywordIndex(lists);
    const fragments = [...new Set(lists.flat())].flatMap((k) => [k, k.toUpperCase(), k.slice(0, -1), k.slice(1)]);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 4 })), { maxLength: 12 }),
        (parts) => {
          const text = parts.join('');
          expect(sorted(ix.candidates(text))).toEqual(naive(lists, text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('says whether a keyword lies wholly inside a stretch as a scan of that stretch would', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '_'), minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'B', '_', 'é', '\n'), maxLength: 40 }),
        fc.nat(40),
        fc.nat(40),
        (lists, text, x, y) => {
          const ix = buildKeywordIndex(lists);
          const [start, end] = [Math.min(x, y, text.length), Math.min(Math.max(x, y), text.length)];
          const found = ix.occurrences(text);
          expect(found.inside(start, end)).toBe(ix.candidates(text.slice(start, end)).size > 0);
          expect(sorted(found.candidates)).toEqual(naive(lists, text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('answers a stretch by the shortest keyword that ends in it, including one found through a suffix link', () => {
    // In `ushers`: `she` and its suffix `he` end at offset 4, `hers` at 6.
    const ix = buildKeywordIndex([['he'], ['she'], ['hers']]);
    const o = ix.occurrences('ushers');
    expect(o.inside(2, 4)).toBe(true); // `he`, found at the state of `she` through its suffix link
    expect(o.inside(1, 4)).toBe(true); // `she`
    expect(o.inside(3, 6)).toBe(false); // `ers`: `hers` starts before it
    expect(o.inside(0, 2)).toBe(false);
    expect(o.inside(2, 6)).toBe(true);
    expect(ix.occurrences('').inside(0, 0)).toBe(false);
  });

  it('finds overlapping and nested keywords (suffix links)', () => {
    const ix = buildKeywordIndex([['he'], ['she'], ['hers'], ['his']]);
    expect(sorted(ix.candidates('ushers'))).toEqual([0, 1, 2]);
    expect(sorted(ix.candidates('SHIS'))).toEqual([3]);
    expect(ix.any('xyz')).toBe(false);
  });

  it('rejects keywords it cannot index, naming the entry', () => {
    expect(() => buildKeywordIndex([['ok'], ['']])).toThrow(RangeError);
    expect(() => buildKeywordIndex([['ök']])).toThrow(/keywordLists\[0\]/);
  });

  it('is built once over every format and returns only formats whose keyword occurs', () => {
    const ids = candidateFormats('token = ghp_abc and AKIA...').map((f) => f.id);
    expect(ids).toContain('github-classic-pat');
    expect(ids).toContain('aws-access-key-id');
    expect(ids).not.toContain('stripe-secret-key');
    expect(candidateFormats('nothing to see here')).toEqual([]);
  });
});
