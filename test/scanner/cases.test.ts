/**
 * Scanner goldens: each `fixtures/scan/<case>/` holds an `input/` tree and an `expected.json` with the
 * findings as { ruleId, file, line, column, category, origin } (and `suppressed` when an allow comment
 * covers one) plus the skipped files as { file, reason }. The findings must match exactly, whoever makes
 * them (a rule, the config-file pass, the cross-file pass): a new false positive in a fixture fails here,
 * and a new true positive is added to the golden on purpose.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/scanner/index.js';

const casesDir = fileURLToPath(new URL('../../fixtures/scan', import.meta.url));
const cases = readdirSync(casesDir).filter((d) => !d.startsWith('.'));

interface GoldenFinding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  category: string;
  origin: string;
  suppressed?: string;
}

interface Expected {
  readonly findings: readonly GoldenFinding[];
  readonly skipped: ReadonlyArray<{ file: string; reason: string }>;
}

const key = (f: GoldenFinding): string =>
  `${f.file}:${f.line}:${f.column} ${f.ruleId} [${f.category}] ${f.origin}${f.suppressed ? ` (${f.suppressed})` : ''}`;

describe('scanner cases', () => {
  it('has cases', () => {
    expect(cases).toEqual(expect.arrayContaining(['config-files', 'cross-file', 'robustness']));
  });
  for (const name of cases) {
    it(name, async () => {
      const expected = JSON.parse(readFileSync(path.join(casesDir, name, 'expected.json'), 'utf8')) as Expected;
      const result = await audit({ root: path.join(casesDir, name, 'input'), workers: 1 });
      // The goldens list places: a finding of one secret in several places (docs/audit.md#one-per-secret)
      // contributes its leading place and each of its occurrences.
      const actual = result.findings.flatMap((f) =>
        [f.location, ...(f.occurrences ?? [])].map((l) =>
          key({
            ruleId: f.ruleId,
            file: l.file,
            line: l.line,
            column: l.column,
            category: f.category,
            origin: f.origin,
            ...(f.suppression ? { suppressed: f.suppression.kind } : {}),
          }),
        ),
      );
      expect(actual.sort()).toEqual(expected.findings.map(key).sort());
      expect(result.skipped.map((s) => ({ file: s.file, reason: s.reason }))).toEqual(expected.skipped);
      expect(result.partial).toBe(expected.skipped.length > 0);
    });
  }
});
