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
 * - A finding in a code file that is test tooling by its imports (src/scanner/tooling.ts: it cannot load without
 *   the repository's tests or example app) is classed like a finding in a test or example file.
 * - One finding per secret (docs/audit.md, "One finding per secret"): the places of one value under one rule are
 *   one finding, a reported place leading and test or example copies listed in `occurrences`.
 */
import type { Category, Evidence, Severity } from '../catalogue/types.js';
import { detectorEvidence, formatEvidence, meetsEvidence, auditMinEvidence } from '../catalogue/evidence.js';
import type { AuditResult, Finding, Location, Occurrence } from '../report/types.js';
import { fileRole, isProviderIssued } from '../rule-kit/files.js';

/** What a withheld finding is. */
export type FixtureClass = 'test-fixture' | 'example';

/** Counts of findings the policy left out of the report. */
export interface Withheld {
  readonly testFixtures: number;
  readonly examples: number;
  /** Findings below the evidence floor (`--min-evidence`); absent when none. */
  readonly weakEvidence?: number;
}

/**
 * The evidence floor of an audit (`--min-evidence`): `default` is the catalogue's floor per category
 * (src/catalogue/evidence.ts `auditMinEvidence`); a level applies to every category.
 */
export type EvidenceFloor = Evidence | 'default';

/**
 * A finding's evidence (docs/audit.md, "Evidence"): what its rule recorded; for the audit's own detectors, the
 * catalogue's level, or for a committed secret its format's (`name` when no format matched it).
 */
export function evidenceOf(f: Finding): Evidence {
  if (f.evidence) return f.evidence;
  const byDetector = detectorEvidence[f.ruleId];
  if (byDetector) return byDetector;
  const formatId = f.secret?.formatId;
  if (formatId === 'published-example') return 'format';
  return formatId ? formatEvidence(formatId) : 'name';
}

const floorFor = (floor: EvidenceFloor, category: Category): Evidence | undefined =>
  floor === 'default' ? auditMinEvidence[category] : floor;

/**
 * Gives every finding its evidence level and withholds those below the floor, counted in `weakEvidence`. A
 * suppressed finding stays (the baseline and inline allows show what they cover).
 */
export function applyEvidenceFloor(
  findings: readonly Finding[],
  floor: EvidenceFloor = 'default',
): { findings: Finding[]; weakEvidence: number } {
  const kept: Finding[] = [];
  let weakEvidence = 0;
  for (const f of findings) {
    const evidence = evidenceOf(f);
    const min = floorFor(floor, f.category);
    if (min !== undefined && !f.suppression && !meetsEvidence(evidence, min)) weakEvidence++;
    else kept.push(f.evidence === evidence ? f : { ...f, evidence });
  }
  return { findings: kept, weakEvidence };
}

/**
 * The audit lints test and example files with everything on, so that the policy, not the rule, decides
 * what is withheld (and can count it). Part of the lint configuration's cache key.
 */
export const auditRuleOverrides = { 'keyhygiene/no-hardcoded-key': ['error', { testFiles: 'all' }] } as const;

/**
 * The class of a finding under the policy, or undefined when it is reported as it is. `tooling` gives the class
 * of code files that are test tooling by their imports (src/scanner/tooling.ts).
 */
export function fixtureClassOf(f: Finding, tooling?: ReadonlyMap<string, FixtureClass>): FixtureClass | undefined {
  // The text pass marks a credential whose place says it is throwaway (src/scanner/detect/local-context.ts).
  if (f.fixture) return f.fixture;
  const formatId = f.secret?.formatId;
  if (formatId === 'published-example') return 'example';
  if (isProviderIssued(formatId)) return undefined;
  const role = fileRole(f.location.file);
  return role === 'test' ? 'test-fixture' : role === 'example' ? 'example' : tooling?.get(f.location.file);
}

/**
 * Splits findings by the policy, one finding per secret (docs/audit.md, "One finding per secret"): findings of
 * the same rule on the same credential value (`secret.fingerprint`) and in the same suppression state are one
 * finding, led by a reported place (production code before a test or example copy; the most severe, then the
 * first in file and line order) with the other places in `occurrences`. A secret all of whose places are
 * withheld is dropped and counted once; with `includeFixtures` it stays, marked with its lead's class, at the
 * severity its pass gave it (a published example is already `low`), and nothing is withheld.
 */
export function applyFixturePolicy(
  findings: readonly Finding[],
  includeFixtures = false,
  tooling?: ReadonlyMap<string, FixtureClass>,
): { findings: Finding[]; withheld: Withheld } {
  const kept: Finding[] = [];
  let testFixtures = 0;
  let examples = 0;
  for (const { lead, cls, occurrences } of groupBySecret(findings, (f) => fixtureClassOf(f, tooling))) {
    if (cls === undefined) kept.push(withOccurrences(lead, occurrences));
    else if (includeFixtures) kept.push(withOccurrences({ ...lead, fixture: cls }, occurrences));
    else if (cls === 'test-fixture') testFixtures++;
    else examples++;
  }
  return { findings: kept, withheld: { testFixtures, examples } };
}

/**
 * Merges findings of one secret that arrive as separate findings (shard results, each possibly grouped
 * already): the same grouping as `applyFixturePolicy`, over the classes the findings carry.
 */
export function regroupBySecret(findings: readonly Finding[]): Finding[] {
  return groupBySecret(findings, (f) => f.fixture).map(({ lead, occurrences }) => withOccurrences(lead, occurrences));
}

interface SecretGroup {
  readonly lead: Finding;
  readonly cls: FixtureClass | undefined;
  readonly occurrences: Occurrence[];
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { critical: 0, high: 1, medium: 2, low: 3 };

/** The grouping key: rule, value and suppression state; undefined for a finding that names no value. */
const secretKey = (f: Finding): string | undefined =>
  f.secret?.fingerprint ? `${f.ruleId}\0${f.secret.fingerprint}\0${f.suppression?.kind ?? ''}` : undefined;

const byPlace = (a: Location, b: Location): number =>
  (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column;

/** Negative when `a` should lead rather than `b`. */
const leadsBefore = (
  a: { f: Finding; cls: FixtureClass | undefined },
  b: { f: Finding; cls: FixtureClass | undefined },
): number =>
  (a.cls === undefined ? 0 : 1) - (b.cls === undefined ? 0 : 1) ||
  SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] ||
  byPlace(a.f.location, b.f.location);

function groupBySecret(findings: readonly Finding[], classOf: (f: Finding) => FixtureClass | undefined): SecretGroup[] {
  const groups = new Map<string, Finding[]>();
  let single = 0;
  for (const f of findings) {
    const key = secretKey(f) ?? `\0${single++}`;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const out: SecretGroup[] = [];
  for (const members of groups.values()) {
    const classed = members.map((f) => ({ f, cls: classOf(f) }));
    // A reported place leads; among equals the most severe, then the first place.
    const leader = classed.reduce((best, m) => (leadsBefore(m, best) < 0 ? m : best));
    const occurrences: Occurrence[] = [];
    for (const m of classed) {
      for (const o of m.f.occurrences ?? []) occurrences.push(o);
      if (m === leader) continue;
      const cls = m.cls ?? m.f.fixture;
      occurrences.push({ ...m.f.location, fingerprint: m.f.fingerprint, ...(cls ? { fixture: cls } : {}) });
    }
    // The same place can arrive twice (a result merged with itself): keep each fingerprint once.
    const seen = new Set([leader.f.fingerprint]);
    const unique = occurrences.filter((o) => !seen.has(o.fingerprint) && seen.add(o.fingerprint));
    out.push({ lead: leader.f, cls: leader.cls, occurrences: unique.sort(byPlace) });
  }
  return out;
}

function withOccurrences(f: Finding, occurrences: readonly Occurrence[]): Finding {
  if (occurrences.length === 0) return f;
  return { ...f, occurrences };
}

/** Sums the withheld counts of shard results (absent counts as zero; absent everywhere stays absent). */
export function sumWithheld(results: readonly Pick<AuditResult, 'withheld'>[]): Withheld | undefined {
  const present = results.flatMap((r) => (r.withheld ? [r.withheld] : []));
  if (present.length === 0) return undefined;
  const weakEvidence = present.reduce((n, w) => n + (w.weakEvidence ?? 0), 0);
  return {
    testFixtures: present.reduce((n, w) => n + w.testFixtures, 0),
    examples: present.reduce((n, w) => n + w.examples, 0),
    ...(weakEvidence > 0 ? { weakEvidence } : {}),
  };
}
