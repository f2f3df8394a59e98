/**
 * SARIF 2.1.0: validated against the OASIS schema committed at schemas/sarif-schema-2.1.0.json.
 * That schema declares draft-04 (`id`, `$schema: draft-04#`), which Ajv 8 no longer ships a class
 * for. Its keywords are all ones draft-07 reads the same way (no boolean exclusiveMinimum, no
 * `dependencies` differences), so the default `Ajv` class (draft-07) validates it once the draft-04
 * `id` is read as `$id` and the `$schema` marker is dropped. ajv-formats checks uri/date-time.
 */
import { describe, expect, it } from 'vitest';
import { mergeSarif, sarifReporter, toSarif } from '../../src/report/sarif.js';
import type { AuditResult } from '../../src/report/types.js';
import { buildFixture, emptyResult, RULES } from './fixture.js';
import { sarifValidator } from './validators.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests walk parsed JSON freely
type Json = Record<string, any>;

describe('sarif report', () => {
  const validate = sarifValidator();
  const { result } = buildFixture();
  const log = JSON.parse(sarifReporter.render(result, RULES)) as Json;
  const run = log.runs[0] as Json;

  it('validates against the SARIF 2.1.0 schema (and the validator does reject a broken log)', () => {
    expect(validate(log)).toEqual([]);
    expect(validate(JSON.parse(sarifReporter.render(emptyResult(), RULES)))).toEqual([]);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).not.toEqual([]);
    expect(validate({ ...log, runs: [{ ...run, results: [{ message: { text: 'x' }, level: 'fatal' }] }] })).not.toEqual(
      [],
    );
  });

  it('carries rule metadata with help text, CWE tags and security-severity', () => {
    const rules = run.tool.driver.rules as Json[];
    expect(rules.map((r) => r.id)).toEqual([...RULES.keys()].sort());
    const r = rules.find((x) => x.id === 'keyhygiene/no-hardcoded-key')!;
    expect(r.name).toBe('NoHardcodedKey');
    expect(r.helpUri).toBe('https://github.com/keyhygiene/keyhygiene/blob/main/docs/rules/no-hardcoded-key.md');
    expect(r.help.text).toContain('CWE-798, CWE-321');
    expect(r.help.markdown).toContain('[CWE-798](https://cwe.mitre.org/data/definitions/798.html)');
    expect(r.properties.tags).toEqual(['security', 'hardcoded-key', 'external/cwe/cwe-798', 'external/cwe/cwe-321']);
    // The worst finding of this rule is critical.
    expect(r.properties['security-severity']).toBe('9.5');
    expect(r.defaultConfiguration.level).toBe('error');
  });

  it('gives each result its rule index, level, region and partialFingerprints', () => {
    const results = run.results as Json[];
    expect(results).toHaveLength(result.findings.length);
    for (const x of results) expect(run.tool.driver.rules[x.ruleIndex].id).toBe(x.ruleId);
    const aws = results.find((x) => x.locations[0].physicalLocation.artifactLocation.uri === 'src/aws/client.ts')!;
    expect(aws.level).toBe('error');
    expect(aws.locations[0].physicalLocation.region).toMatchObject({ startLine: 12, startColumn: 60 });
    expect(aws.partialFingerprints['keyhygiene/v3']).toBe(result.findings[0]!.fingerprint);
    const low = results.find((x) => x.properties.severity === 'low')!;
    expect(low.level).toBe('note');
  });

  it('shows baselined results as external suppressions and inline-allowed ones as inSource', () => {
    const results = run.results as Json[];
    const base = results.find((x) => x.locations[0].physicalLocation.artifactLocation.uri === 'deploy/signing.pem')!;
    expect(base.suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: 'test-only key, rotation tracked in SEC-42 <b>',
        properties: { expires: '2999-01-01' },
      },
    ]);
    const inline = results.find((x) => x.locations[0].physicalLocation.artifactLocation.uri === '.env.example')!;
    expect(inline.suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'documented sample value' },
    ]);
    expect(results.filter((x) => x.suppressions)).toHaveLength(2);
    const expired: AuditResult = {
      ...result,
      findings: [{ ...result.findings[2]!, suppression: { kind: 'baseline', expires: '2001-01-01' } }],
    };
    expect((toSarif(expired, RULES).runs as Json[])[0]!.results[0].suppressions[0].status).toBe('rejected');
  });

  it('turns cross-file path steps into a codeFlow', () => {
    const x = (run.results as Json[]).find((r) => r.ruleId === 'keyhygiene/cross-file-hardcoded-key')!;
    const steps = x.codeFlows[0].threadFlows[0].locations as Json[];
    expect(
      steps.map(
        (s) =>
          `${s.location.physicalLocation.artifactLocation.uri}:${s.location.physicalLocation.region.startLine} ${s.location.message.text}`,
      ),
    ).toEqual([
      'src/config.ts:3 SESSION_KEY is defined from a literal',
      'src/index.ts:1 re-exported from the barrel',
      'src/services/crypto.ts:8 used as the key of createCipheriv',
    ]);
  });

  it('reports skipped files as tool execution notifications, and a percent-encoded root', () => {
    const inv = run.invocations[0] as Json;
    expect(inv.executionSuccessful).toBe(true);
    expect(inv.properties.partial).toBe(true);
    expect(
      (inv.toolExecutionNotifications as Json[]).map(
        (n) => `${n.locations[0].physicalLocation.artifactLocation.uri}: ${n.message.text}`,
      ),
    ).toEqual([
      'assets/logo.bin: Not scanned (binary)',
      'data/dump.sql: Not scanned (too-large): 48 MB > 10 MB',
      "src/broken.ts: Not scanned (syntax-error): ')' expected (3:14)",
    ]);
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///work/repos/demo%20app/');
    expect(inv.startTimeUtc).toBe('2026-11-28T12:00:00.000Z');
  });

  it('merges shard logs into one valid run, re-pointing rule indexes and dropping duplicates', () => {
    const a: AuditResult = { ...result, findings: result.findings.slice(0, 3), shard: { index: 1, count: 2 } };
    const b: AuditResult = { ...result, findings: result.findings.slice(3), shard: { index: 2, count: 2 } };
    const small = new Map([...RULES].slice(0, 1));
    const merged = mergeSarif([toSarif(a, small), toSarif(b, RULES), toSarif(b, RULES)]);
    expect(validate(merged)).toEqual([]);
    const runs = merged.runs as Json[];
    expect(runs).toHaveLength(1);
    const m = runs[0]!;
    expect(m.results).toHaveLength(result.findings.length);
    for (const x of m.results as Json[]) expect(m.tool.driver.rules[x.ruleIndex].id).toBe(x.ruleId);
    expect(m.invocations).toHaveLength(3);
  });
});
