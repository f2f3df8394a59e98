/**
 * Scanner goldens: each `fixtures/scan/<case>/` holds an `input/` tree and an `expected.json` with the
 * findings as { ruleId, file, line, origin } (and `suppressed` when an allow comment covers one) plus the
 * skipped files as { file, reason }. Findings the scanner makes (config, cross-file, history) must match
 * exactly; findings of the plugin's rules (origin `code`) must include every expected one, so a rule
 * engineer's new true positive in a fixture does not read as a scanner regression.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/scanner/index.js';

const casesDir = fileURLToPath(new URL('../../fixtures/scan', import.meta.url));
const cases = readdirSync(casesDir).filter((d) => !d.startsWith('.'));

interface Expected {
  readonly findings: ReadonlyArray<{ ruleId: string; file: string; line: number; origin: string; suppressed?: string }>;
  readonly skipped: ReadonlyArray<{ file: string; reason: string }>;
}

const key = (f: { ruleId: string; file: string; line: number; origin: string; suppressed?: string }): string =>
  `${f.file}:${f.line} ${f.ruleId} ${f.origin}${f.suppressed ? ` (${f.suppressed})` : ''}`;

describe('scanner cases', () => {
  it('has cases', () => {
    expect(cases).toEqual(expect.arrayContaining(['config-files', 'cross-file', 'robustness']));
  });
  for (const name of cases) {
    it(name, async () => {
      const expected = JSON.parse(readFileSync(path.join(casesDir, name, 'expected.json'), 'utf8')) as Expected;
      const result = await audit({ root: path.join(casesDir, name, 'input'), workers: 1 });
      const actual = result.findings.map((f) =>
        key({
          ruleId: f.ruleId,
          file: f.location.file,
          line: f.location.line,
          origin: f.origin,
          ...(f.suppression ? { suppressed: f.suppression.kind } : {}),
        }),
      );
      const want = expected.findings.map(key);
      expect(actual.filter((k) => !k.includes(' code')).sort()).toEqual(
        want.filter((k) => !k.includes(' code')).sort(),
      );
      expect(actual.filter((k) => k.includes(' code'))).toEqual(
        expect.arrayContaining(want.filter((k) => k.includes(' code'))),
      );
      expect(result.skipped.map((s) => ({ file: s.file, reason: s.reason }))).toEqual(expected.skipped);
      expect(result.partial).toBe(expected.skipped.length > 0);
    });
  }
});
