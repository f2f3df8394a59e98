/**
 * The fixture policy at the audit's level (docs/audit.md, "Test fixtures and published examples"): one
 * rule for every pass (lint rules, cross-file, text files, templates, history), applied where the audit
 * assembles its findings.
 *
 * - A finding in a test file or an example/documentation tree (`fileRole` in src/rule-kit/files.ts) is a
 *   **test fixture** or an **example**, unless it is a provider-issued credential (`isProviderIssued`),
 *   which is reported wherever it is.
 * - A published example credential or key (recognised by fingerprint, `formatId: published-example`) is an
 *   **example** wherever it is.
 * - A credential whose place in a configuration file says it is throwaway (a CI service container, a development
 *   compose file, an OpenAPI example: src/scanner/detect/local-context.ts) comes marked by the text pass with its
 *   class, low, saying why (docs/audit.md, "Local and CI credentials").
 * - By default these are withheld: left out of the findings and counted in `withheld`, which every report
 *   prints ("N test-fixture findings and N examples (…) not listed; --include-fixtures lists them"). With
 *   `includeFixtures` they are listed, each marked with its `fixture` class.
 */
import type { AuditResult, Finding } from '../report/types.js';
import { fileRole, isProviderIssued } from '../rule-kit/files.js';

/** What a withheld finding is. */
export type FixtureClass = 'test-fixture' | 'example';

/** Counts of findings the policy left out of the report. */
export interface Withheld {
  readonly testFixtures: number;
  readonly examples: number;
}

/**
 * The audit lints test and example files with everything on, so that the policy, not the rule, decides
 * what is withheld (and can count it). Part of the lint configuration's cache key.
 */
export const auditRuleOverrides = { 'keyhygiene/no-hardcoded-key': ['error', { testFiles: 'all' }] } as const;

/** The class of a finding under the policy, or undefined when it is reported as it is. */
export function fixtureClassOf(f: Finding): FixtureClass | undefined {
  // The text pass marks a credential whose place says it is throwaway (src/scanner/detect/local-context.ts).
  if (f.fixture) return f.fixture;
  const formatId = f.secret?.formatId;
  if (formatId === 'published-example') return 'example';
  if (isProviderIssued(formatId)) return undefined;
  const role = fileRole(f.location.file);
  return role === 'test' ? 'test-fixture' : role === 'example' ? 'example' : undefined;
}

/**
 * Splits findings by the policy. Withheld findings are dropped and counted; with `includeFixtures` they stay,
 * marked with their class, at the severity their pass gave them (a published example is already `low`), and
 * nothing is withheld.
 */
export function applyFixturePolicy(
  findings: readonly Finding[],
  includeFixtures = false,
): { findings: Finding[]; withheld: Withheld } {
  const kept: Finding[] = [];
  let testFixtures = 0;
  let examples = 0;
  for (const f of findings) {
    const cls = fixtureClassOf(f);
    if (cls === undefined) {
      kept.push(f);
      continue;
    }
    if (includeFixtures) kept.push({ ...f, fixture: cls });
    else if (cls === 'test-fixture') testFixtures++;
    else examples++;
  }
  return { findings: kept, withheld: { testFixtures, examples } };
}

/** Sums the withheld counts of shard results (absent counts as zero; absent everywhere stays absent). */
export function sumWithheld(results: readonly Pick<AuditResult, 'withheld'>[]): Withheld | undefined {
  const present = results.flatMap((r) => (r.withheld ? [r.withheld] : []));
  if (present.length === 0) return undefined;
  return {
    testFixtures: present.reduce((n, w) => n + w.testFixtures, 0),
    examples: present.reduce((n, w) => n + w.examples, 0),
  };
}
