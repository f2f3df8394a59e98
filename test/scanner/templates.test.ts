/**
 * The audit's template and config checks (issues 11, 12): the catalogue's template samples and config
 * tables prove themselves, then each reader is tested on literal inputs with exact lines and columns,
 * hard negatives, and malformed input.
 */
import { describe, expect, it } from 'vitest';
import {
  algorithmSettings,
  cipherListSamples,
  disabledAlgorithmsName,
  weakCipherSuiteItems,
  weakSuiteFamilies,
} from '../../src/catalogue/algorithms.js';
import { templateKeyResources } from '../../src/catalogue/iac.js';
import { normaliseName } from '../../src/detect/names.js';
import { scanTemplateFile } from '../../src/scanner/detect/templates/index.js';
import { parseHcl } from '../../src/scanner/detect/templates/terraform.js';

const scan = (rel: string, text: string) => scanTemplateFile(rel, text);
const brief = (rel: string, text: string) =>
  scan(rel, text).findings.map((f) => `${f.location.line}:${f.location.column} ${f.ruleId.replace('keyhygiene/', '')}`);

describe('catalogue: templateKeyResources samples', () => {
  for (const r of templateKeyResources) {
    const file = r.format === 'terraform' ? 'main.tf' : 'template.yaml';
    describe(r.id, () => {
      it.each(r.samples.positive)('positive %# is reported', (s) => {
        expect(scan(file, s).findings.length).toBeGreaterThan(0);
      });
      it.each(r.samples.negative)('negative %# is not reported', (s) => {
        expect(scan(file, s).findings).toEqual([]);
      });
    });
  }
});

describe('catalogue: config algorithm tables', () => {
  it('algorithmSettings: each positive name selects that setting first, negatives do not', () => {
    for (const s of algorithmSettings) {
      for (const name of s.samples.positive)
        expect(algorithmSettings.find((x) => x.pattern.test(normaliseName(name)))?.id, name).toBe(s.id);
      for (const name of s.samples.negative) expect(s.pattern.test(normaliseName(name)), name).toBe(false);
    }
  });
  it('disabledAlgorithmsName', () => {
    for (const n of disabledAlgorithmsName.samples.positive)
      expect(disabledAlgorithmsName.pattern.test(n), n).toBe(true);
    for (const n of disabledAlgorithmsName.samples.negative)
      expect(disabledAlgorithmsName.pattern.test(n), n).toBe(false);
  });
  it('weakSuiteFamilies: each positive is that family, negatives are not', () => {
    for (const f of weakSuiteFamilies) {
      for (const s of f.samples.positive) expect(weakCipherSuiteItems(s).length, s).toBe(1);
      for (const s of f.samples.negative)
        expect(
          weakCipherSuiteItems(s).map((w) => w.title),
          s,
        ).not.toContain(f.title);
    }
  });
  it('weakCipherSuiteItems: cipher-list samples', () => {
    for (const s of cipherListSamples.positive) expect(weakCipherSuiteItems(s).length, s).toBeGreaterThan(0);
    for (const s of cipherListSamples.negative) expect(weakCipherSuiteItems(s), s).toEqual([]);
  });
  it('weakCipherSuiteItems names the item and its offset', () => {
    expect(weakCipherSuiteItems('ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA:!aNULL')).toEqual([
      { item: 'DES-CBC3-SHA', index: 28, title: '3DES (TDEA)' },
    ]);
    expect(weakCipherSuiteItems('HIGH:+RC4-MD5')).toEqual([{ item: 'RC4-MD5', index: 6, title: 'RC4' }]);
  });
});
