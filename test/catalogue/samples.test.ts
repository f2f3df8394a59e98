/**
 * Every catalogue entry proves itself: each positive sample matches, each negative does not
 * (STYLE practice 7). Entries from later issues add their own `describe` blocks here or beside it.
 */
import { describe, expect, it } from 'vitest';
import { credentialFormats, encryptedAtRest, publicIdentifiers } from '../../src/catalogue/credentials.js';
import {
  hashName,
  keyHolderName,
  tokenHolderName,
  nonSecretTokenName,
  envMapName,
  nonSecretKeyName,
  nonSecretName,
  secretFlagName,
  passwordName,
  publicEnvName,
  referenceTailName,
  secretEnvName,
  secretName,
  securityPurposeName,
} from '../../src/catalogue/names.js';
import { credentialCacheDir, credentialStoreFile, revealRequest } from '../../src/catalogue/loggers.js';
import { seededGeneratorName } from '../../src/catalogue/randomness.js';
import { keySinks } from '../../src/catalogue/sinks.js';
import { literalCounterBlocks, literalDecoders } from '../../src/catalogue/transforms.js';
import { findCredentials } from '../../src/detect/classify.js';
import { normaliseName } from '../../src/detect/names.js';
import { matchSinks } from '../../src/rule-kit/sinks.js';
import { someCall } from '../helpers/probe.js';

describe('credential formats', () => {
  for (const f of credentialFormats) {
    describe(f.id, () => {
      it.each(f.samples.positive)('matches positive %#', (s) => {
        expect(findCredentials(s).map((m) => m.format.id)).toContain(f.id);
      });
      it.each(f.samples.negative)('does not match negative %#', (s) => {
        expect(findCredentials(s).map((m) => m.format.id)).not.toContain(f.id);
      });
    });
  }
});

describe('public identifiers and values encrypted at rest', () => {
  for (const p of [...publicIdentifiers, ...encryptedAtRest]) {
    it(`${p.id}: positives match, negatives do not`, () => {
      for (const s of p.samples.positive) expect(p.pattern.test(s), s).toBe(true);
      for (const s of p.samples.negative) expect(p.pattern.test(s), s).toBe(false);
    });
  }
});

describe('name lexicons', () => {
  for (const lex of [
    secretName,
    nonSecretName,
    passwordName,
    hashName,
    secretEnvName,
    publicEnvName,
    securityPurposeName,
    keyHolderName,
    nonSecretKeyName,
    tokenHolderName,
    nonSecretTokenName,
    envMapName,
    secretFlagName,
    referenceTailName,
    seededGeneratorName,
  ]) {
    it(`${lex.id}: positives match, negatives do not`, () => {
      for (const s of lex.samples.positive) expect(lex.pattern.test(normaliseName(s)), s).toBe(true);
      for (const s of lex.samples.negative) expect(lex.pattern.test(normaliseName(s)), s).toBe(false);
    });
  }
});

describe('credential store files (session 31)', () => {
  it('positives match, negatives do not', () => {
    for (const s of credentialStoreFile.samples.positive) expect(credentialStoreFile.pattern.test(s), s).toBe(true);
    for (const s of credentialStoreFile.samples.negative) expect(credentialStoreFile.pattern.test(s), s).toBe(false);
  });
});

describe('credential cache directories (session 33)', () => {
  it('positives match, negatives do not', () => {
    for (const s of credentialCacheDir.samples.positive) expect(credentialCacheDir.pattern.test(s), s).toBe(true);
    for (const s of credentialCacheDir.samples.negative) expect(credentialCacheDir.pattern.test(s), s).toBe(false);
  });
});

describe('requests to reveal a secret (session 32)', () => {
  it('flag names: positives match, negatives do not', () => {
    const { flag } = revealRequest;
    for (const s of flag.samples.positive) expect(flag.pattern.test(s), s).toBe(true);
    for (const s of flag.samples.negative) expect(flag.pattern.test(s), s).toBe(false);
  });
  it('confirm prompts: positives match, negatives do not', () => {
    const { confirmCall } = revealRequest;
    for (const s of confirmCall.samples.positive) expect(confirmCall.pattern.test(s), s).toBe(true);
    for (const s of confirmCall.samples.negative) expect(confirmCall.pattern.test(s), s).toBe(false);
  });
});

/** Whether `code` contains a call that the sink describes, found the way the rules find it. */
const sinkFound = (sinkId: string, code: string): boolean =>
  someCall(code, (node, imports, scope) => matchSinks(node, imports, scope).some((h) => h.sink.id === sinkId));

describe('key sinks', () => {
  for (const s of keySinks) {
    describe(s.id, () => {
      it.each(s.samples.positive)('matches positive %#', (code) => expect(sinkFound(s.id, code)).toBe(true));
      it.each(s.samples.negative)('does not match negative %#', (code) => expect(sinkFound(s.id, code)).toBe(false));
    });
  }
});

describe('literal decoders (transforms.ts)', () => {
  it(`${literalCounterBlocks.id}: positives match, negatives do not`, () => {
    for (const s of literalCounterBlocks.samples.positive) expect(literalCounterBlocks.pattern.test(s), s).toBe(true);
    for (const s of literalCounterBlocks.samples.negative) expect(literalCounterBlocks.pattern.test(s), s).toBe(false);
  });
  it(`${literalDecoders.id}: positives match, negatives do not`, () => {
    for (const s of literalDecoders.samples.positive) expect(literalDecoders.pattern.test(s), s).toBe(true);
    for (const s of literalDecoders.samples.negative) expect(literalDecoders.pattern.test(s), s).toBe(false);
  });
});
