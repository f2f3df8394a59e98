/**
 * The randomness catalogue proves itself (STYLE practice 7): every weak and strong source, purpose sink,
 * exemption and lexicon entry matches its positive samples and none of its negatives, found the way the
 * rule finds them.
 */
import tsParser from '@typescript-eslint/parser';
import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-static-iv.js';
import weakRule from '../../rules/no-weak-randomness.js';
import { nonPurposeName, securityPurposeName } from '../../src/catalogue/names.js';
import {
  constantSaltKdf,
  counterSource,
  csprngStandIn,
  unfilledArraySource,
  decryptingCall,
  fixedIvCipher,
  ivlessCipher,
  keyedStoreMethods,
  genericMakerName,
  identifierName,
  sessionIdName,
  digestCallName,
  unkeyedDigestName,
  byteEncoderName,
  inPlaceWrites,
  misuseResistantNonce,
  zeroBlockInput,
  oneTimeCodeContext,
  bareSecretNameContext,
  capabilityPathSegment,
  collectionPutMethod,
  derivedKeyPurpose,
  digestPassThrough,
  messageRecordField,
  linkTagParameter,
  messageSenderCall,
  publicInputName,
  storingCallName,
  purposeSinks,
  sequencePrefix,
  sizeConstantName,
  strongRandomSources,
  timeQuantityName,
  unpredictableCodeName,
  partialViewName,
  signatureSchemeField,
  ivSettingName,
  fixedIvText,
  vectorRecordField,
  cipherCompanionField,
  envelopeDataField,
  encryptedBytesText,
  sentCodeText,
  uiElementLabel,
  platformIdentityRead,
  codeName,
  counterParamName,
  nonceMakerName,
  randomInputName,
  fileRouteForms,
  routeOfFile,
  weakRandomSources,
  weakSourceKeywords,
} from '../../src/catalogue/randomness.js';
import { normaliseName, securityPurposeOf, securityPurposePhrase } from '../../src/detect/names.js';
import { Purposes } from '../../src/rule-kit/random-purposes.js';
import { countMethods, counterMethods, keyedHashCalls } from '../../src/catalogue/transforms.js';
import { patternMatches } from '../../src/rule-kit/call-patterns.js';
import { collectImports, type ImportMap } from '../../src/rule-kit/imports.js';
import { calleePathOf } from '../../src/rule-kit/sinks.js';
import { randomSourceOf } from '../../src/rule-kit/flow/taint/sources.js';

type Probe = (
  node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.MemberExpression,
  imports: ImportMap,
  scope: TSESLint.Scope.Scope,
) => string[];

/** The ids `probe` reports anywhere in `code`, parsed the way the rule parses it. */
function idsIn(code: string, probe: Probe): Set<string> {
  const found = new Set<string>();
  const probeRule: TSESLint.RuleModule<'x'> = {
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    defaultOptions: [],
    create(context) {
      let imports: ImportMap = new Map();
      const visit = (node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.MemberExpression): void => {
        for (const id of probe(node, imports, context.sourceCode.getScope(node))) found.add(id);
      };
      return {
        Program(program) {
          imports = collectImports(program);
        },
        CallExpression: visit,
        NewExpression: visit,
        MemberExpression: visit,
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        plugins: { probe: { rules: { probe: probeRule as never } } },
        languageOptions: { parser: tsParser as Linter.Parser },
        rules: { 'probe/probe': 'error' },
      },
    ],
    { filename: 'sample.ts' },
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`sample does not parse: ${fatal.message}`);
  return found;
}

const sourceIds: Probe = (node, imports, scope) => {
  const f = randomSourceOf(node, imports, scope);
  return [f.weak?.id, f.strong?.id].filter((x): x is string => x !== undefined);
};

const purposeIds: Probe = (node, imports, scope) => {
  if (node.type === T.MemberExpression) return [];
  const cp = calleePathOf(node, imports, scope);
  if (!cp) return [];
  return purposeSinks
    .filter((ps) => patternMatches(ps, cp))
    .filter((ps) => ps.nameArg === undefined || node.arguments[ps.nameArg]?.type === T.Literal)
    .filter((ps) =>
      ps.args.some((a) => {
        const arg = node.arguments[a.index];
        if (!arg) return false;
        if (a.property === undefined) return true;
        return (
          arg.type === T.ObjectExpression &&
          arg.properties.some((p) => p.type === T.Property && p.key.type === T.Identifier && p.key.name === a.property)
        );
      }),
    )
    .map((ps) => ps.id);
};

/** The messages `no-static-iv` (default) or another rule gives for `code`. */
function lint(code: string, r: unknown = rule): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        plugins: { kh: { rules: { r: r as never } } }, // the exemptions are the static-IV rule's
        languageOptions: { parser: tsParser as Linter.Parser },
        rules: { 'kh/r': 'error' },
      },
    ],
    { filename: 'src/sample.ts' },
  );
}

describe('weak random sources', () => {
  for (const s of weakRandomSources) {
    describe(s.id, () => {
      it.each(s.samples.positive)('matches positive %#', (code) => expect(idsIn(code, sourceIds)).toContain(s.id));
      it.each(s.samples.negative)('does not match negative %#', (code) =>
        expect(idsIn(code, sourceIds)).not.toContain(s.id),
      );
    });
  }
});

for (const shape of [counterSource, unfilledArraySource, csprngStandIn])
  describe(shape.id, () => {
    it.each(shape.samples.positive)('no-weak-randomness reports positive %#', (code) =>
      expect(lint(code, weakRule).map((m) => m.messageId)).toContain('weakRandom'),
    );
    it.each(shape.samples.negative)('no-weak-randomness accepts negative %#', (code) =>
      expect(lint(code, weakRule)).toEqual([]),
    );
  });

describe('weak source keywords', () => {
  it('every positive sample of every weak source names one', () => {
    for (const s of weakRandomSources)
      for (const code of s.samples.positive) expect(weakSourceKeywords.test(code), `${s.id}: ${code}`).toBe(true);
  });
  it('a module with no weak source names none', () => {
    expect(weakSourceKeywords.test("import { randomBytes } from 'node:crypto';\nexport const id = () => 1;")).toBe(
      false,
    );
  });
});

describe('strong random sources', () => {
  for (const s of strongRandomSources) {
    describe(s.id, () => {
      it.each(s.samples.positive)('matches positive %#', (code) => expect(idsIn(code, sourceIds)).toContain(s.id));
      it.each(s.samples.negative)('does not match negative %#', (code) =>
        expect(idsIn(code, sourceIds)).not.toContain(s.id),
      );
    });
  }
});

describe('purpose sinks', () => {
  for (const s of purposeSinks) {
    describe(s.id, () => {
      it.each(s.samples.positive)('matches positive %#', (code) => expect(idsIn(code, purposeIds)).toContain(s.id));
      it.each(s.samples.negative)('does not match negative %#', (code) =>
        expect(idsIn(code, purposeIds)).not.toContain(s.id),
      );
    });
  }
});

describe('exemptions', () => {
  it(`${fixedIvCipher.id}: positives match, negatives do not`, () => {
    for (const s of fixedIvCipher.samples.positive) expect(fixedIvCipher.pattern.test(s), s).toBe(true);
    for (const s of fixedIvCipher.samples.negative) expect(fixedIvCipher.pattern.test(s), s).toBe(false);
  });
  it(`${ivlessCipher.id}: positives match, negatives do not`, () => {
    for (const s of ivlessCipher.samples.positive) expect(ivlessCipher.pattern.test(s), s).toBe(true);
    for (const s of ivlessCipher.samples.negative) expect(ivlessCipher.pattern.test(s), s).toBe(false);
  });
  it(`${keyedStoreMethods.id}: positives are reads or writes, negatives neither`, () => {
    const either = (m: string): boolean => keyedStoreMethods.reads.test(m) || keyedStoreMethods.writes.test(m);
    for (const s of keyedStoreMethods.samples.positive) expect(either(s), s).toBe(true);
    for (const s of keyedStoreMethods.samples.negative) expect(either(s), s).toBe(false);
  });
  it(`${decryptingCall.id}: positives match, negatives do not`, () => {
    for (const s of decryptingCall.samples.positive) expect(decryptingCall.pattern.test(s), s).toBe(true);
    for (const s of decryptingCall.samples.negative) expect(decryptingCall.pattern.test(s), s).toBe(false);
  });
  it(`${zeroBlockInput.id}: positives match, negatives do not`, () => {
    for (const s of zeroBlockInput.samples.positive) expect(zeroBlockInput.pattern.test(s), s).toBe(true);
    for (const s of zeroBlockInput.samples.negative) expect(zeroBlockInput.pattern.test(s), s).toBe(false);
  });
  for (const entry of [constantSaltKdf, inPlaceWrites, misuseResistantNonce]) {
    describe(entry.id, () => {
      it.each(entry.samples.positive)('the rule accepts positive %#', (code) => expect(lint(code)).toEqual([]));
      it.each(entry.samples.negative)('the rule reports negative %#', (code) =>
        expect(lint(code).length).toBeGreaterThan(0),
      );
    });
  }
});

describe('no-weak-randomness name lexicons', () => {
  for (const lexicon of [
    timeQuantityName,
    unpredictableCodeName,
    genericMakerName,
    identifierName,
    sessionIdName,
    digestCallName,
    unkeyedDigestName,
    byteEncoderName,
  ])
    it(`${lexicon.id}: positives match, negatives do not`, () => {
      for (const s of lexicon.samples.positive) expect(lexicon.pattern.test(normaliseName(s)), s).toBe(true);
      for (const s of lexicon.samples.negative) expect(lexicon.pattern.test(normaliseName(s)), s).toBe(false);
    });
});

describe('no-weak-randomness use lexicons (samples written in normal form: words joined by _, receiver.method)', () => {
  for (const lexicon of [
    messageSenderCall,
    linkTagParameter,
    storingCallName,
    collectionPutMethod,
    publicInputName,
    derivedKeyPurpose,
  ])
    it(`${lexicon.id}: positives match, negatives do not`, () => {
      for (const s of lexicon.samples.positive) expect(lexicon.pattern.test(s), s).toBe(true);
      for (const s of lexicon.samples.negative) expect(lexicon.pattern.test(s), s).toBe(false);
    });
});

describe('no-weak-randomness name lists of session 37 (rand21)', () => {
  for (const list of [digestPassThrough, messageRecordField])
    it(`${list.id}: positives are listed, negatives are not`, () => {
      for (const s of list.samples.positive) expect(list.names.has(s), s).toBe(true);
      for (const s of list.samples.negative) expect(list.names.has(s), s).toBe(false);
    });
});

describe('no-weak-randomness sent-code text', () => {
  it(`${sentCodeText.id}: positives match, negatives do not`, () => {
    for (const s of sentCodeText.samples.positive) expect(sentCodeText.pattern.test(s), s).toBe(true);
    for (const s of sentCodeText.samples.negative) expect(sentCodeText.pattern.test(s), s).toBe(false);
  });
});

describe('no-weak-randomness visible parts of a secret', () => {
  it(`${partialViewName.id}: positives match, negatives do not`, () => {
    for (const s of partialViewName.samples.positive) expect(partialViewName.pattern.test(s), s).toBe(true);
    for (const s of partialViewName.samples.negative) expect(partialViewName.pattern.test(s), s).toBe(false);
  });
});

describe('no-weak-randomness interface element labels', () => {
  it(`${uiElementLabel.id}: positives match, negatives do not`, () => {
    for (const s of uiElementLabel.samples.positive) expect(uiElementLabel.pattern.test(s), s).toBe(true);
    for (const s of uiElementLabel.samples.negative) expect(uiElementLabel.pattern.test(s), s).toBe(false);
  });
});

describe('no-weak-randomness host and device identity reads (session 36)', () => {
  it(`${platformIdentityRead.id}: device-id getters match, other getters do not`, () => {
    const { getter, samples } = platformIdentityRead;
    for (const s of samples.positive) expect(getter.test(normaliseName(s)), s).toBe(true);
    for (const s of samples.negative) expect(getter.test(normaliseName(s)), s).toBe(false);
  });
  it(`${platformIdentityRead.id}: node:os identity calls match, other os calls do not`, () => {
    const { os, samples } = platformIdentityRead;
    for (const s of samples.osPositive) expect(os.test(s), s).toBe(true);
    for (const s of samples.osNegative) expect(os.test(s), s).toBe(false);
  });
});

describe('code names and file routes (session 31: moved from rule-kit into the catalogue)', () => {
  it(`${codeName.id}: positives match, negatives do not`, () => {
    for (const s of codeName.samples.positive) expect(codeName.pattern.test(normaliseName(s)), s).toBe(true);
    for (const s of codeName.samples.negative) expect(codeName.pattern.test(normaliseName(s)), s).toBe(false);
  });
  for (const lex of [counterParamName, randomInputName, nonceMakerName])
    it(`${lex.id}: positives match, negatives do not`, () => {
      for (const s of lex.samples.positive) expect(lex.pattern.test(normaliseName(s)), s).toBe(true);
      for (const s of lex.samples.negative) expect(lex.pattern.test(normaliseName(s)), s).toBe(false);
    });
  it(`${fileRouteForms.id}: positives give a route, negatives none`, () => {
    for (const s of fileRouteForms.samples.positive) expect(routeOfFile(s), s).toBeDefined();
    for (const s of fileRouteForms.samples.negative) expect(routeOfFile(s), s).toBeUndefined();
  });
  it('a route is the folders under the last app/ or routes/, or the file name without its method suffix', () => {
    expect(routeOfFile('web/src/app/api/otp/route.js')).toBe('api/otp');
    expect(routeOfFile('src\\routes\\login\\otp\\+server.ts')).toBe('login/otp');
    expect(routeOfFile('pages/api/2fa/send.ts')).toBe('api/2fa/send');
    expect(routeOfFile('server/api/verify/start.post.ts')).toBe('api/verify/start');
  });
});

describe('names read by their context', () => {
  for (const lexicon of [oneTimeCodeContext, bareSecretNameContext])
    it(`${lexicon.id}: each positive sample's context matches its name's pattern, no negative's does`, () => {
      const matches = (sample: string): boolean => {
        const [name, context] = sample.split(' in ') as [string, string];
        return lexicon.context[name]!.test(context);
      };
      for (const s of lexicon.samples.positive) expect(matches(s), s).toBe(true);
      for (const s of lexicon.samples.negative) expect(matches(s), s).toBe(false);
    });
});

describe('capability links and series names (branch rrand5)', () => {
  it(`${capabilityPathSegment.id}: the segment before the value grants access in positives only`, () => {
    const segmentOf = (text: string): string | undefined => /\/([A-Za-z][\w-]*)\/$/.exec(text)?.[1]?.toLowerCase();
    const grants = (text: string): boolean => {
      const seg = segmentOf(text);
      return (
        seg !== undefined && (capabilityPathSegment.segments.test(seg) || capabilityPathSegment.shortSegments.test(seg))
      );
    };
    for (const s of capabilityPathSegment.samples.positive) expect(grants(s), s).toBe(true);
    for (const s of capabilityPathSegment.samples.negative) expect(grants(s), s).toBe(false);
  });
  it(`${sequencePrefix.id}: the rest of a positive names a secret, no negative does`, () => {
    const purposes = new Purposes(() => {
      throw new Error('no scope needed');
    });
    for (const s of sequencePrefix.samples.positive) expect(purposes.namePurpose(s), s).toBeDefined();
    for (const s of sequencePrefix.samples.negative) expect(purposes.namePurpose(s), s).toBeUndefined();
  });
  it('store counts, Redis counters and keyed hashes are named as the engine reads them', () => {
    expect([...countMethods]).toEqual(expect.arrayContaining(['size', 'count', 'countDocuments']));
    for (const m of ['incr', 'incrBy', 'hincrby']) expect(counterMethods.test(m), m).toBe(true);
    for (const m of ['increase', 'incremental', 'include']) expect(counterMethods.test(m), m).toBe(false);
    expect(keyedHashCalls['createHmac']).toBe(1);
  });
});

describe('purpose names', () => {
  it(`${nonPurposeName.id}: positives match, negatives do not`, () => {
    for (const s of nonPurposeName.samples.positive)
      expect(nonPurposeName.pattern.test(normaliseName(s)), s).toBe(true);
    for (const s of nonPurposeName.samples.negative)
      expect(nonPurposeName.pattern.test(normaliseName(s)), s).toBe(false);
  });
  it('names about a secret value have no purpose of their own', () => {
    for (const s of nonPurposeName.samples.positive) expect(securityPurposeOf(s), s).toBeUndefined();
    for (const s of securityPurposeName.samples.positive) expect(securityPurposeOf(s), s).toBeDefined();
  });
  it.each([
    ['makeResetToken', 'password-reset token'],
    ['passwordResetToken', 'password reset token'],
    ['csrfToken', 'CSRF token'],
    ['generateApiKey', 'API key'],
    ['sessionId', 'session ID'],
    ['createOtp', 'one-time password'],
    ['ivHex', 'IV'],
    ['jti', 'JWT ID (jti)'],
    ['XSRF-TOKEN', 'XSRF token'],
    ['inviteCode', 'invite code'],
  ])('securityPurposePhrase(%s) is %s', (name, phrase) => expect(securityPurposePhrase(name)).toBe(phrase));
  it.each(['jitter', 'delayMs', 'cacheKey', 'key', 'resetTokenExpires', 'requestId'])(
    '%s has no security purpose',
    (name) => expect(securityPurposePhrase(name)).toBeUndefined(),
  );
});

describe('byte-size constant names (zero buffers of a named size)', () => {
  it(`${sizeConstantName.id}: positives match, negatives do not`, () => {
    for (const s of sizeConstantName.samples.positive) expect(sizeConstantName.pattern.test(s), s).toBe(true);
    for (const s of sizeConstantName.samples.negative) expect(sizeConstantName.pattern.test(s), s).toBe(false);
  });
});

describe('no-weak-randomness signed parameter lists', () => {
  it.each([ivSettingName, vectorRecordField, envelopeDataField, cipherCompanionField])(
    '$id: positives match, negatives do not (normalised)',
    (lex) => {
      for (const s of lex.samples.positive) expect(lex.pattern.test(normaliseName(s)), s).toBe(true);
      for (const s of lex.samples.negative) expect(lex.pattern.test(normaliseName(s)), s).toBe(false);
    },
  );

  it(`${fixedIvText.id}: positives match, negatives do not`, () => {
    for (const s of fixedIvText.samples.positive) expect(fixedIvText.pattern.test(s), s).toBe(true);
    for (const s of fixedIvText.samples.negative) expect(fixedIvText.pattern.test(s), s).toBe(false);
  });

  it(`${encryptedBytesText.id}: positives match, negatives do not`, () => {
    for (const s of encryptedBytesText.samples.positive) expect(encryptedBytesText.pattern.test(s), s).toBe(true);
    for (const s of encryptedBytesText.samples.negative) expect(encryptedBytesText.pattern.test(s), s).toBe(false);
  });

  it(`${signatureSchemeField.id}: positives match, negatives do not`, () => {
    for (const s of signatureSchemeField.samples.positive) expect(signatureSchemeField.pattern.test(s), s).toBe(true);
    for (const s of signatureSchemeField.samples.negative) expect(signatureSchemeField.pattern.test(s), s).toBe(false);
  });
});
