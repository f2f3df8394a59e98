/**
 * The algorithm and KDF catalogue entries prove themselves (STYLE practice 7): every positive sample
 * matches, every negative does not. API-site samples are matched the way the rules match them.
 */
import * as nodeCrypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  algorithmSites,
  curveOf,
  ecbMode,
  ecCurves,
  gcmMode,
  cipherTokens,
  isPkcs1EncryptionPadding,
  isWeakCurve,
  modulusStrength,
  randomBytesFunctions,
  randomFillFunctions,
  rsaPkcs1EncryptionPadding,
  safeCurveSamples,
  saferCipherName,
  weakCipherOf,
  weakCiphers,
  oldProtocolSamples,
  oldProtocolsIn,
} from '../../src/catalogue/algorithms.js';
import {
  kdfFloorSamples,
  kdfStorageFloorSamples,
  kdfShortfalls,
  kdfSites,
  normaliseDigest,
  passwordMakerVerb,
  passwordName,
  plainHashSites,
  settingAccessorName,
  type KdfKind,
  type KdfParams,
} from '../../src/catalogue/kdf.js';
import type { KeySink } from '../../src/catalogue/types.js';
import { normaliseName } from '../../src/detect/names.js';
import { calleePathOf, sinkMatches } from '../../src/rule-kit/sinks.js';
import { someCall } from '../helpers/probe.js';

type Site = Pick<KeySink, 'callee' | 'modules' | 'global' | 'receivers'>;

/** Whether `code` contains a call that `site` describes, found the way the rules find it. */
const siteFound = (site: Site, code: string): boolean =>
  someCall(code, (node, imports, scope) => {
    const cp = calleePathOf(node, imports, scope);
    return cp !== undefined && sinkMatches(site, cp);
  });

describe('weak ciphers', () => {
  for (const c of weakCiphers) {
    it(`${c.id}: positives name it, negatives do not`, () => {
      for (const s of c.samples.positive) expect(weakCipherOf(s)?.id, s).toBe(c.id);
      for (const s of c.samples.negative) expect(weakCipherOf(s)?.id, s).not.toBe(c.id);
    });
  }
  it('tokenises instead of matching substrings', () => {
    expect(cipherTokens('DES-EDE3_CBC')).toBe('des-ede3-cbc');
    for (const s of [
      'describe',
      'source',
      'modes',
      'resource',
      'nodes',
      'aes-256-gcm',
      'chacha20-poly1305',
      'id-aes256-wrap',
    ])
      expect(weakCipherOf(s), s).toBeUndefined();
  });
  it('suggests a replacement in the caller’s style', () => {
    expect(saferCipherName('des-ede3-cbc')).toBe('aes-256-gcm');
    expect(saferCipherName('aes-128-ecb')).toBe('aes-128-gcm');
    expect(saferCipherName('DES-CBC')).toBe('AES-GCM');
    expect(saferCipherName('AES-ECB')).toBe('AES-GCM');
  });
});

describe('cipher modes', () => {
  for (const m of [ecbMode, gcmMode]) {
    it(`${m.id}: positives match, negatives do not`, () => {
      for (const s of m.samples.positive) expect(m.pattern.test(cipherTokens(s)), s).toBe(true);
      for (const s of m.samples.negative) expect(m.pattern.test(cipherTokens(s)), s).toBe(false);
    });
  }
});

describe('elliptic curves', () => {
  for (const c of ecCurves) {
    it(`${c.id}: every name finds the entry, and it is weak at 128-bit strength`, () => {
      for (const n of c.names) expect(curveOf(n)?.id, n).toBe(c.id);
      expect(isWeakCurve(c, 128)).toBe(true);
    });
  }
  it('approved curves are not listed', () => {
    for (const n of safeCurveSamples) expect(curveOf(n), n).toBeUndefined();
  });
  it('P-224 passes at 112-bit strength (through 2030), binary curves never do', () => {
    expect(isWeakCurve(curveOf('P-224')!, 112)).toBe(false);
    expect(isWeakCurve(curveOf('sect571r1')!, 112)).toBe(true);
    expect(isWeakCurve(curveOf('secp192r1')!, 112)).toBe(true);
  });
});

describe('sizes', () => {
  it('modulus strength follows SP 800-57 Part 1 Table 2', () => {
    expect([1024, 2048, 3072, 7680, 15360].map(modulusStrength)).toEqual([80, 112, 128, 192, 256]);
  });
});

describe('protocol versions below TLS 1.2 (oldProtocolsIn)', () => {
  it('positives name one, negatives none', () => {
    for (const s of oldProtocolSamples.positive) expect(oldProtocolsIn(s).length, s).toBe(1);
    for (const s of oldProtocolSamples.negative) expect(oldProtocolsIn(s), s).toEqual([]);
  });
  it('names the version and the list item', () => {
    expect(oldProtocolsIn('TLSv1.2 TLSv1.1 TLSv1')).toEqual([
      { item: 'TLSv1.1', protocol: 'TLS 1.1', index: 8 },
      { item: 'TLSv1', protocol: 'TLS 1.0', index: 16 },
    ]);
    expect(oldProtocolsIn('SSLv3_method')).toEqual([{ item: 'SSLv3_method', protocol: 'SSL 3.0', index: 0 }]);
    // an OpenSSL-style exclusion turns the version off
    expect(oldProtocolsIn('ALL:!TLSv1:-TLSv1.1')).toEqual([]);
  });
});

describe('RSA PKCS#1 v1.5 encryption padding', () => {
  it('positives match, negatives do not', () => {
    for (const s of rsaPkcs1EncryptionPadding.samples.positive) expect(isPkcs1EncryptionPadding(s), s).toBe(true);
    for (const s of rsaPkcs1EncryptionPadding.samples.negative) expect(isPkcs1EncryptionPadding(s), s).toBe(false);
  });
});

describe('algorithm sites', () => {
  for (const s of algorithmSites) {
    describe(s.id, () => {
      it.each(s.samples.positive)('matches positive %#', (code) => expect(siteFound(s, code)).toBe(true));
      it.each(s.samples.negative)('does not match negative %#', (code) => expect(siteFound(s, code)).toBe(false));
    });
  }
});

describe('KDF sites', () => {
  for (const s of kdfSites) {
    describe(s.id, () => {
      it.each(s.samples.positive)('matches positive %#', (code) => expect(siteFound(s, code)).toBe(true));
      it.each(s.samples.negative)('does not match negative %#', (code) => expect(siteFound(s, code)).toBe(false));
    });
  }
});

describe('plain-hash sites', () => {
  for (const s of plainHashSites) {
    describe(s.id, () => {
      it.each(s.samples.positive)('matches positive %#', (code) => expect(siteFound(s, code)).toBe(true));
      it.each(s.samples.negative)('does not match negative %#', (code) => expect(siteFound(s, code)).toBe(false));
    });
  }
});

describe('KDF floors', () => {
  const parse = (s: string): [KdfKind, KdfParams] => {
    const { kdf, ...params } = JSON.parse(s) as { kdf: KdfKind } & KdfParams;
    return [kdf, params];
  };
  it.each(kdfFloorSamples.positive)('falls short: %s', (s) =>
    expect(kdfShortfalls(...parse(s)).length).toBeGreaterThan(0),
  );
  it.each(kdfFloorSamples.negative)('meets the floor: %s', (s) => expect(kdfShortfalls(...parse(s))).toEqual([]));
  it.each(kdfStorageFloorSamples.positive)('falls short for password storage: %s', (s) =>
    expect(kdfShortfalls(...parse(s), 'storage').length).toBeGreaterThan(0),
  );
  it.each(kdfStorageFloorSamples.negative)('meets the password-storage floor: %s', (s) =>
    expect(kdfShortfalls(...parse(s), 'storage')).toEqual([]),
  );
  it('reads digest names in every spelling', () => {
    expect(
      ['SHA-256', 'sha256', 'CryptoJS.algo.SHA256', 'forge.md.sha512.create()', "{ name: 'SHA-1' }", 'sha1'].map(
        normaliseDigest,
      ),
    ).toEqual(['sha256', 'sha256', 'sha256', 'sha512', 'sha1', 'sha1']);
    expect(normaliseDigest('hasher')).toBeUndefined();
  });
  it("reads hash-wasm's hasher factories (createSHA512()) but not other words ending in a digest's letters", () => {
    expect(['createSHA512()', 'createSHA1()', 'createMD5()'].map(normaliseDigest)).toEqual(['sha512', 'sha1', 'md5']);
    expect(['recreatesha', 'isha256x'].map(normaliseDigest)).toEqual([undefined, undefined]);
  });
});

describe('password names', () => {
  it(`${passwordName.id}: positives match, negatives do not`, () => {
    for (const s of passwordName.samples.positive) expect(passwordName.pattern.test(normaliseName(s)), s).toBe(true);
    for (const s of passwordName.samples.negative) expect(passwordName.pattern.test(normaliseName(s)), s).toBe(false);
  });
  // flow11: the accessor given a setting's name, and the verbs of a function that makes something from a password
  for (const lex of [settingAccessorName, passwordMakerVerb]) {
    it(`${lex.id}: positives match, negatives do not`, () => {
      for (const s of lex.samples.positive) expect(lex.pattern.test(s), s).toBe(true);
      for (const s of lex.samples.negative) expect(lex.pattern.test(s), s).toBe(false);
    });
  }
});

describe('random byte sources', () => {
  it('name real node:crypto functions (forge getBytesSync and expo getRandomBytes are other libraries)', () => {
    const fns = nodeCrypto as unknown as Record<string, unknown>;
    for (const n of [...randomBytesFunctions, ...randomFillFunctions].filter(
      (f) => f !== 'getBytesSync' && f !== 'getRandomBytes',
    ))
      expect(typeof fns[n], n).toBe('function');
  });
});

describe('weak digests for signatures', () => {
  it('weakDigestOf names MD5 and SHA-1 in digest and OpenSSL signature names, and nothing else', async () => {
    const { weakDigestOf, weakSignatureDigest } = await import('../../src/catalogue/algorithms.js');
    for (const s of weakSignatureDigest.samples.positive) expect(weakDigestOf(s), s).toMatch(/^(?:MD5|SHA-1)$/);
    for (const s of weakSignatureDigest.samples.negative) expect(weakDigestOf(s), s).toBeUndefined();
    expect(weakDigestOf('RSA-SHA1')).toBe('SHA-1');
    expect(weakDigestOf('md5WithRSAEncryption')).toBe('MD5');
  });
  it('a signature-digest setting says both "signature" and "digest"', async () => {
    const { isSignatureDigestSetting, signatureDigestSetting } = await import('../../src/catalogue/algorithms.js');
    for (const s of signatureDigestSetting.samples.positive) expect(isSignatureDigestSetting(s), s).toBe(true);
    for (const s of signatureDigestSetting.samples.negative) expect(isSignatureDigestSetting(s), s).toBe(false);
  });
});

describe('inline choices and key-agreement KDFs (session 22)', () => {
  it('an XML-DSig identifier carries its digest; an XML-Enc or other URL does not', async () => {
    const { xmlDsigAlgorithmUri, weakSignatureChoiceOf } = await import('../../src/catalogue/algorithms.js');
    for (const s of xmlDsigAlgorithmUri.samples.positive) expect(weakSignatureChoiceOf(s), s).toBeDefined();
    for (const s of xmlDsigAlgorithmUri.samples.negative) expect(weakSignatureChoiceOf(s), s).toBeUndefined();
  });
  it('a digest option counts beside a signing option only', async () => {
    const { inlineDigestOption, isSignatureDigestSetting } = await import('../../src/catalogue/algorithms.js');
    const reads = (pair: string): boolean => {
      const [digest, sibling] = pair.split('|') as [string, string];
      return (
        inlineDigestOption.digest.test(digest) &&
        (isSignatureDigestSetting(sibling) || inlineDigestOption.signingSibling.test(sibling))
      );
    };
    for (const s of inlineDigestOption.samples.positive) expect(reads(s), s).toBe(true);
    for (const s of inlineDigestOption.samples.negative) expect(reads(s), s).toBe(false);
  });
  it('a key-material option name', async () => {
    const { keyMaterialOption } = await import('../../src/catalogue/algorithms.js');
    for (const s of keyMaterialOption.samples.positive) expect(keyMaterialOption.pattern.test(s), s).toBe(true);
    for (const s of keyMaterialOption.samples.negative) expect(keyMaterialOption.pattern.test(s), s).toBe(false);
  });
  it('a JWS signing algorithm name', async () => {
    const { jwsAlgorithmName } = await import('../../src/catalogue/algorithms.js');
    for (const s of jwsAlgorithmName.samples.positive) expect(jwsAlgorithmName.pattern.test(s), s).toBe(true);
    for (const s of jwsAlgorithmName.samples.negative) expect(jwsAlgorithmName.pattern.test(s), s).toBe(false);
  });
  it('key-agreement calls are named by their callee', async () => {
    const { keyAgreementCalls } = await import('../../src/catalogue/algorithms.js');
    const tail = (s: string): string => /(\w+)\(/.exec(s)![1]!;
    for (const s of keyAgreementCalls.samples.positive) expect(keyAgreementCalls.names.has(tail(s)), s).toBe(true);
    for (const s of keyAgreementCalls.samples.negative) expect(keyAgreementCalls.names.has(tail(s)), s).toBe(false);
  });
});

describe('password KDF mechanisms (session 22)', () => {
  it('a key-maker name, also with a version mark', async () => {
    const { keyMakerName } = await import('../../src/catalogue/kdf.js');
    for (const s of keyMakerName.samples.positive) expect(keyMakerName.pattern.test(normaliseName(s)), s).toBe(true);
    for (const s of keyMakerName.samples.negative) expect(keyMakerName.pattern.test(normaliseName(s)), s).toBe(false);
  });
  it("libsodium's minimum limits by name", async () => {
    const { sodiumMinimumLimit } = await import('../../src/catalogue/kdf.js');
    for (const s of sodiumMinimumLimit.samples.positive) expect(sodiumMinimumLimit.pattern.test(s), s).toBe(true);
    for (const s of sodiumMinimumLimit.samples.negative) expect(sodiumMinimumLimit.pattern.test(s), s).toBe(false);
  });
  it('PBKDF2 by any library: the callee name and a count below the floor', async () => {
    const { anyPbkdf2Callee, anyPbkdf2Site, kdfShortfalls } = await import('../../src/catalogue/kdf.js');
    const weak = (code: string): boolean => {
      const m = /(\w+)\(([^)]*)\);$/.exec(code);
      if (!m || !anyPbkdf2Callee.test(m[1]!)) return false;
      const iterations = Number(m[2]!.split(',')[anyPbkdf2Site.iterations!.index]);
      return kdfShortfalls('pbkdf2', { iterations }).length > 0;
    };
    for (const s of anyPbkdf2Site.samples.positive) expect(weak(s), s).toBe(true);
    for (const s of anyPbkdf2Site.samples.negative) expect(weak(s), s).toBe(false);
  });
});
