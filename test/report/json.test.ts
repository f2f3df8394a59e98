import { describe, expect, it } from 'vitest';
import { compareFindings, isSuppressed, jsonReporter, normaliseResult, summarise } from '../../src/report/json.js';
import type { AuditResult } from '../../src/report/types.js';
import { buildFixture, RULES } from './fixture.js';

describe('json report', () => {
  const { result } = buildFixture();

  it('is the AuditResult with schemaVersion, and findings sorted by file, line, column', () => {
    const parsed = JSON.parse(jsonReporter.render(result, RULES)) as AuditResult;
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.tool).toEqual({ name: 'keyhygiene', version: '0.1.0' });
    expect(parsed.findings).toHaveLength(result.findings.length);
    expect(parsed.findings.map((f) => f.location.file)).toEqual([
      '.env.example',
      'deploy/signing.pem',
      'old/credentials.json',
      'src/auth/token.ts',
      'src/aws/client.ts',
      'src/services/crypto.ts',
    ]);
    expect([...parsed.findings].sort(compareFindings)).toEqual(parsed.findings);
    expect(parsed.partial).toBe(true);
    expect(parsed.skipped.map((s) => s.file)).toEqual(['assets/logo.bin', 'data/dump.sql', 'src/broken.ts']);
  });

  it('is byte-stable: the same result in another order renders the same text', () => {
    const shuffled: AuditResult = {
      ...result,
      findings: [...result.findings].reverse(),
      inventory: [...result.inventory].reverse(),
      skipped: [...result.skipped].reverse(),
    };
    expect(jsonReporter.render(shuffled, RULES)).toBe(jsonReporter.render(result, RULES));
    expect(normaliseResult(shuffled).findings).toEqual(normaliseResult(result).findings);
  });

  it('orders object keys, so a diff between two reports shows only real changes', () => {
    const text = jsonReporter.render(result, RULES);
    const top = Object.keys(JSON.parse(text) as object);
    expect(top).toEqual([...top].sort());
  });

  it('counts suppressed findings apart, and an expired baseline entry no longer suppresses', () => {
    const s = summarise(result);
    expect(s).toMatchObject({
      total: 6,
      suppressed: 2,
      active: 4,
      bySeverity: { critical: 1, high: 2, medium: 0, low: 1 },
    });
    const f = result.findings[2]!;
    expect(isSuppressed(f, new Date('2026-01-01'))).toBe(true);
    expect(
      isSuppressed({ ...f, suppression: { kind: 'baseline', expires: '2020-01-01' } }, new Date('2026-01-01')),
    ).toBe(false);
    expect(isSuppressed({ ...f, suppression: { kind: 'inline' } })).toBe(true);
    expect(isSuppressed({ ...f, suppression: undefined })).toBe(false);
  });
});
