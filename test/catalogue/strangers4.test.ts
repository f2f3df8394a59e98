/** Samples of the catalogue entries added for issue 11 (session 21): each positive matches, each negative does not. */
import { describe, expect, it } from 'vitest';
import {
  credentialInputType,
  errorFactory,
  httpRequestType,
  responseSinks,
  telemetrySinks,
} from '../../src/catalogue/loggers.js';
import { normaliseName } from '../../src/detect/index.js';

describe('session-21 catalogue samples', () => {
  for (const lex of [credentialInputType, responseSinks.receiver, telemetrySinks.receiver]) {
    it(`${lex.id}: positives match, negatives do not`, () => {
      for (const s of lex.samples.positive) expect(lex.pattern.test(normaliseName(s)), s).toBe(true);
      for (const s of lex.samples.negative) expect(lex.pattern.test(normaliseName(s)), s).toBe(false);
    });
  }
  it('HTTP request types and error factories: positives match, negatives do not', () => {
    for (const m of [httpRequestType, errorFactory]) {
      for (const s of m.samples.positive) expect(m.pattern.test(s), s).toBe(true);
      for (const s of m.samples.negative) expect(m.pattern.test(s), s).toBe(false);
    }
  });
});
