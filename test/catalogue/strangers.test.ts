/** Samples of the catalogue entries added for issue 11 (sessions 20, 21): each positive matches, each negative does not. */
import { describe, expect, it } from 'vitest';
import { secretFilePath } from '../../src/catalogue/deletion.js';
import {
  credentialInputType,
  errorFactory,
  httpRequestType,
  logHostName,
  responseSinks,
  telemetrySinks,
  tokenResponseCall,
  tokenResponseName,
} from '../../src/catalogue/loggers.js';
import { normaliseName } from '../../src/detect/index.js';

describe('session-20 catalogue samples', () => {
  const lexicons = [
    logHostName,
    tokenResponseName,
    credentialInputType,
    responseSinks.receiver,
    telemetrySinks.receiver,
  ];
  for (const lex of lexicons) {
    it(`${lex.id}: positives match, negatives do not`, () => {
      for (const s of lex.samples.positive) expect(lex.pattern.test(normaliseName(s)), s).toBe(true);
      for (const s of lex.samples.negative) expect(lex.pattern.test(normaliseName(s)), s).toBe(false);
    });
  }
  it('token response calls and secret files: positives match, negatives do not', () => {
    for (const m of [tokenResponseCall, secretFilePath, httpRequestType, errorFactory]) {
      for (const s of m.samples.positive) expect(m.pattern.test(s), s).toBe(true);
      for (const s of m.samples.negative) expect(m.pattern.test(s), s).toBe(false);
    }
  });
});
