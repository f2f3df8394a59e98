/**
 * The rotation catalogue proves itself (STYLE practice 7): each entry's positive samples are reported
 * by the rule that reads the entry, and its negative samples are not. Samples are run through ESLint
 * with the real rule, so an entry is proven the way users meet it.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/require-key-rotation.js';
import {
  awsAsymmetricKeySpecs,
  awsHmacKeySpecs,
  certificateLifetimes,
  dataKeyGenerators,
  durationStringPattern,
  enumMemberPattern,
  iacKeyResources,
  iacSecretResources,
  jwtSigners,
  keyKindValues,
  keyReferences,
  keyringOpeners,
  keySelectionName,
  passwordBasedJweAlgorithm,
  perSubjectHolderName,
  perSubjectSecretName,
} from '../../src/catalogue/iac.js';
import { jwtModuleSigners } from '../../src/catalogue/jwt-modules.js';
import { normaliseName } from '../../src/detect/names.js';

/** The rule's messages for `code`, linted as a module in src/ (not a test file). */
function lint(code: string): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        plugins: { k: { rules: { r: rule as never } } },
        languageOptions: { parser: tsParser as Linter.Parser },
        rules: { 'k/r': 'error' },
      },
    ],
    { filename: 'src/infra/sample.ts' },
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`sample does not parse: ${fatal.message}`);
  return messages;
}

describe('IaC key resources', () => {
  for (const r of iacKeyResources) {
    describe(r.id, () => {
      it.each(r.samples.positive)('reports positive %#', (code) => expect(lint(code).length).toBeGreaterThan(0));
      it.each(r.samples.negative)('stays silent on negative %#', (code) => expect(lint(code)).toEqual([]));
    });
  }
});

describe('IaC secrets and access keys', () => {
  for (const r of iacSecretResources) {
    describe(r.id, () => {
      const id = r.kind === 'secret' ? 'secretNoRotation' : 'accessKeyNoRotation';
      it.each(r.samples.positive)('reports positive %#', (code) =>
        expect(lint(code).map((m) => m.messageId)).toContain(id),
      );
      it.each(r.samples.negative)('stays silent on negative %#', (code) => expect(lint(code)).toEqual([]));
    });
  }
});

describe('data keys kept with no age bound', () => {
  it.each(dataKeyGenerators.samples.positive)('reports positive %#', (code) =>
    expect(lint(code).map((m) => m.messageId)).toEqual(['dataKeyCached']),
  );
  it.each(dataKeyGenerators.samples.negative)('stays silent on negative %#', (code) => expect(lint(code)).toEqual([]));
});

describe('certificate lifetimes', () => {
  it.each(certificateLifetimes.samples.positive)('reports positive %#', (code) =>
    expect(lint(code).map((m) => m.messageId)).toEqual(['certificateTooLong']),
  );
  it.each(certificateLifetimes.samples.negative)('stays silent on negative %#', (code) =>
    expect(lint(code)).toEqual([]),
  );
});

describe('key references', () => {
  for (const r of keyReferences) {
    it(`${r.callee}: never reported`, () => {
      for (const code of r.samples.positive) expect(lint(code), code).toEqual([]);
    });
  }
});

describe('JWT signers', () => {
  for (const s of jwtSigners) {
    describe(s.id, () => {
      it.each(s.samples.positive)('reports positive %#', (code) =>
        expect(lint(code).map((m) => m.messageId)).toContain(s.encrypts ? 'jweNoKid' : 'jwtNoKid'),
      );
      it.each(s.samples.negative)('stays silent on negative %#', (code) => expect(lint(code)).toEqual([]));
    });
  }
});

describe('JWT module signers (src/catalogue/jwt-modules.ts)', () => {
  for (const s of jwtModuleSigners) {
    describe(s.id, () => {
      it.each(s.samples.positive)('reports positive %#', (code) =>
        expect(lint(code).map((m) => [m.messageId, m.message.includes(s.title)])).toEqual([['jwtNoKid', true]]),
      );
      it.each(s.samples.negative)('stays silent on negative %#', (code) => expect(lint(code)).toEqual([]));
    });
  }
});

describe('keyring openers', () => {
  for (const o of keyringOpeners) {
    it(`${o.id}: positives reported, negatives not`, () => {
      for (const code of o.samples.positive) expect(lint(code).length, code).toBeGreaterThan(0);
      for (const code of o.samples.negative) expect(lint(code), code).toEqual([]);
    });
  }
});

describe('value lists', () => {
  it(`${keySelectionName.id}: positives match, negatives do not`, () => {
    for (const s of keySelectionName.samples.positive)
      expect(keySelectionName.pattern.test(normaliseName(s)), s).toBe(true);
    for (const s of keySelectionName.samples.negative)
      expect(keySelectionName.pattern.test(normaliseName(s)), s).toBe(false);
  });
  for (const lexicon of [perSubjectHolderName, perSubjectSecretName])
    it(`${lexicon.id}: positives match, negatives do not`, () => {
      for (const s of lexicon.samples.positive) expect(lexicon.pattern.test(normaliseName(s)), s).toBe(true);
      for (const s of lexicon.samples.negative) expect(lexicon.pattern.test(normaliseName(s)), s).toBe(false);
    });
  it(`${passwordBasedJweAlgorithm.id}: positives match, negatives do not`, () => {
    for (const s of passwordBasedJweAlgorithm.samples.positive)
      expect(passwordBasedJweAlgorithm.pattern.test(s), s).toBe(true);
    for (const s of passwordBasedJweAlgorithm.samples.negative)
      expect(passwordBasedJweAlgorithm.pattern.test(s), s).toBe(false);
  });
  it(`${keyKindValues.id}: positives listed, negatives not`, () => {
    for (const s of keyKindValues.samples.positive) expect(keyKindValues.names.has(s), s).toBe(true);
    for (const s of keyKindValues.samples.negative) expect(keyKindValues.names.has(s), s).toBe(false);
  });
  it('duration strings: protobuf seconds only', () => {
    for (const s of ['7776000s', '86400s', '3.5s']) expect(durationStringPattern.test(s), s).toBe(true);
    for (const s of ['90d', '7776000', '7776000 s', '1h', '-5s']) expect(durationStringPattern.test(s), s).toBe(false);
  });
  it('enum members, not property reads', () => {
    for (const s of ['RSA_2048', 'SYMMETRIC_DEFAULT', 'SIGN_VERIFY', 'HMAC_256'])
      expect(enumMemberPattern.test(s), s).toBe(true);
    for (const s of ['keySpec', 'spec', 'Rsa2048', 'customKeySpec']) expect(enumMemberPattern.test(s), s).toBe(false);
  });
  it('asymmetric and HMAC key specs never include the symmetric default', () => {
    expect([...awsAsymmetricKeySpecs, ...awsHmacKeySpecs]).not.toContain('SYMMETRIC_DEFAULT');
  });
});
