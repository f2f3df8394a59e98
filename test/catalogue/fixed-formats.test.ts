/**
 * The fixed-format catalogue proves itself (STYLE practice 7): each format's magic strings and names match their
 * positive samples and none of their negatives, the way src/rule-kit/fixed-formats.ts tests them (a name as written
 * in lower case, or as `normaliseName` writes it).
 */
import { describe, expect, it } from 'vitest';
import { fixedFormats } from '../../src/catalogue/fixed-formats.js';
import { normaliseName } from '../../src/detect/names.js';

const named = (re: RegExp, s: string): boolean => re.test(normaliseName(s)) || re.test(s.toLowerCase());

describe('fixed formats (session 36, issue 11)', () => {
  for (const f of fixedFormats) {
    it(`${f.id}: literals and names match their samples`, () => {
      for (const s of f.samples.literal.positive) expect(f.literal.test(s), s).toBe(true);
      for (const s of f.samples.literal.negative) expect(f.literal.test(s), s).toBe(false);
      for (const s of f.samples.name.positive) expect(named(f.name, s), s).toBe(true);
      for (const s of f.samples.name.negative) expect(named(f.name, s), s).toBe(false);
    });
  }
  it('a protocol names no password key, and every primitive is lower case', () => {
    for (const f of fixedFormats) {
      if (f.kind === 'protocol') expect(f.passwordKey, f.id).toBe(false);
      for (const p of f.primitives) expect(p, f.id).toBe(p.toLowerCase());
    }
  });
});
