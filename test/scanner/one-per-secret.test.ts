/**
 * One finding per secret (docs/audit.md, "One finding per secret"): findings of the same rule on the same
 * credential value are one finding that lists its other places. Unit cases with near misses on
 * `applyFixturePolicy` and `regroupBySecret`, then end to end on a tree written here: the audit, the text, JSON,
 * SARIF and HTML reports, and a baseline that keeps one entry per place.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reporterFor } from '../../src/report/index.js';
import type { AuditResult, Finding } from '../../src/report/types.js';
import { audit, ruleInfo, writeBaseline } from '../../src/scanner/index.js';
import { applyFixturePolicy, regroupBySecret } from '../../src/scanner/policy.js';
import { auditTree, FAKE_EC_PEM as PEM, FAKE_GITHUB_TOKEN as GITHUB_TOKEN } from '../helpers/tree.js';
import { sarifValidator } from '../report/validators.js';

const finding = (file: string, over: Partial<Finding> & { value?: string; formatId?: string } = {}): Finding => {
  const { value = 'v1', formatId = 'private-key-block', ...rest } = over;
  return {
    ruleId: 'keyhygiene/secret-in-file',
    category: 'hardcoded-key',
    severity: 'critical',
    message: 'm',
    location: { file, line: 3, column: 1 },
    fingerprint: `fp-${file}-${value}-${rest.ruleId ?? ''}`,
    origin: 'config',
    secret: { redacted: 'r', fingerprint: `secret-${value}`, formatId },
    ...rest,
  };
};
const places = (f: Finding): string[] => [f.location.file, ...(f.occurrences ?? []).map((o) => o.file)];

describe('applyFixturePolicy groups one value under one rule into one finding', () => {
  it('folds three copies into the first place, the others listed in file order with their fingerprints', () => {
    const { findings, withheld } = applyFixturePolicy([
      finding('src/b.ts'),
      finding('deploy/key.pem'),
      finding('src/a.ts'),
    ]);
    expect(findings).toHaveLength(1);
    expect(places(findings[0]!)).toEqual(['deploy/key.pem', 'src/a.ts', 'src/b.ts']);
    expect(findings[0]!.occurrences!.map((o) => o.fingerprint)).toEqual(['fp-src/a.ts-v1-', 'fp-src/b.ts-v1-']);
    expect(withheld).toEqual({ testFixtures: 0, examples: 0 });
  });

  it('lets the production place lead a test copy, which is listed (marked) instead of withheld', () => {
    const { findings, withheld } = applyFixturePolicy([finding('a/keys.test.ts'), finding('z/config.ts')]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.location.file).toBe('z/config.ts');
    expect(findings[0]!.fixture).toBeUndefined();
    expect(findings[0]!.occurrences).toEqual([
      { file: 'a/keys.test.ts', line: 3, column: 1, fingerprint: 'fp-a/keys.test.ts-v1-', fixture: 'test-fixture' },
    ]);
    expect(withheld).toEqual({ testFixtures: 0, examples: 0 });
  });

  it('counts a secret whose every place is a test or example once, and lists it once with includeFixtures', () => {
    const copies = [finding('test/a.test.ts'), finding('test/b.test.ts'), finding('examples/app.ts')];
    // the first place leads and gives the group its class
    expect(applyFixturePolicy(copies)).toEqual({ findings: [], withheld: { testFixtures: 0, examples: 1 } });
    expect(applyFixturePolicy(copies.slice(0, 2)).withheld).toEqual({ testFixtures: 1, examples: 0 });
    const listed = applyFixturePolicy(copies, true);
    expect(listed.findings).toHaveLength(1);
    expect(listed.findings[0]).toMatchObject({ fixture: 'example', location: { file: 'examples/app.ts' } });
    expect(listed.findings[0]!.occurrences!.map((o) => [o.file, o.fixture])).toEqual([
      ['test/a.test.ts', 'test-fixture'],
      ['test/b.test.ts', 'test-fixture'],
    ]);
    expect(listed.withheld).toEqual({ testFixtures: 0, examples: 0 });
  });

  it('reports a provider-issued token repeated in tests as one finding', () => {
    const copies = ['test/a.test.ts', 'test/b.test.ts', 'test/c.test.ts'].map((f) =>
      finding(f, { formatId: 'github-classic-pat', value: 'tok' }),
    );
    const { findings, withheld } = applyFixturePolicy(copies);
    expect(findings.map(places)).toEqual([['test/a.test.ts', 'test/b.test.ts', 'test/c.test.ts']]);
    // reported places carry no fixture mark
    expect(findings[0]!.occurrences!.every((o) => o.fixture === undefined)).toBe(true);
    expect(withheld).toEqual({ testFixtures: 0, examples: 0 });
  });

  it('lets the most severe reported place lead', () => {
    const { findings } = applyFixturePolicy([
      finding('a/compose.yml', { severity: 'low' }),
      finding('b/app.ts', { severity: 'high' }),
    ]);
    expect(findings.map((f) => [f.location.file, f.severity])).toEqual([['b/app.ts', 'high']]);
  });

  it('keeps apart: another value, another rule, a finding that names no value, another suppression state', () => {
    const { findings } = applyFixturePolicy([
      finding('src/a.ts'),
      finding('src/b.ts', { value: 'v2' }),
      finding('src/c.ts', { ruleId: 'keyhygiene/no-hardcoded-key' }),
      finding('src/d.ts', { secret: undefined }),
      finding('src/e.ts', { secret: undefined }),
      finding('src/f.ts', { suppression: { kind: 'baseline' } }),
    ]);
    expect(findings.map(places)).toEqual([
      ['src/a.ts'],
      ['src/b.ts'],
      ['src/c.ts'],
      ['src/d.ts'],
      ['src/e.ts'],
      ['src/f.ts'],
    ]);
    expect(findings.every((f) => f.occurrences === undefined)).toBe(true);
  });
});

describe('regroupBySecret (keyhygiene merge of shard results)', () => {
  it('joins the groups of two shards, keeps each place once and lets a reported place lead a listed fixture', () => {
    const shardA = { ...finding('test/a.test.ts'), fixture: 'test-fixture' as const };
    const shardB = {
      ...finding('src/b.ts'),
      occurrences: [{ file: 'src/c.ts', line: 1, column: 1, fingerprint: 'fp-c' }],
    };
    const merged = regroupBySecret([shardA, shardB, { ...shardB }]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.fixture).toBeUndefined();
    expect(places(merged[0]!)).toEqual(['src/b.ts', 'src/c.ts', 'test/a.test.ts']);
    expect(merged[0]!.occurrences![1]).toMatchObject({ file: 'test/a.test.ts', fixture: 'test-fixture' });
  });
});

// A tree written here: one fake private key in deploy/, in src/ and as a test fixture; a fake provider-format
// token in two tests; another fake key only in a test fixture. Every value is fake.
const OTHER_PEM = PEM.replace('FakeFAKEfake', 'OnlyONLYonly');
const tree: Record<string, string> = {
  'deploy/key.pem': PEM,
  'src/server.pem': PEM,
  'test/fixtures/server.pem': PEM,
  'test/fixtures/other.pem': OTHER_PEM,
  'test/a.test.ts': `export const token = '${GITHUB_TOKEN}';\n`,
  'test/b.test.ts': `// the nightly job's token\nexport const ciToken = '${GITHUB_TOKEN}';\n`,
};

describe('the audit reports one finding per secret, end to end', () => {
  let dir: string;
  let result: AuditResult;
  const pemFinding = (r: AuditResult): Finding[] =>
    r.findings.filter((f) => f.secret?.formatId === 'private-key-block' && !f.location.file.includes('other'));

  beforeAll(async () => {
    ({ dir, result } = await auditTree('kh-one-per-secret-', tree));
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('folds the key into its first production place and the token into its first test place', () => {
    const pem = pemFinding(result);
    expect(pem).toHaveLength(1);
    expect(places(pem[0]!)).toEqual(['deploy/key.pem', 'src/server.pem', 'test/fixtures/server.pem']);
    expect(pem[0]!.occurrences![1]!.fixture).toBe('test-fixture');
    const tokens = result.findings.filter((f) => f.secret?.formatId === 'github-classic-pat');
    // one finding per rule that reports the value, each with both places
    expect(tokens.length).toBeGreaterThan(0);
    for (const t of tokens) expect(places(t)).toEqual(['test/a.test.ts', 'test/b.test.ts']);
    // the key only in a test fixture is withheld and counted once
    expect(result.withheld).toEqual({ testFixtures: 1, examples: 0 });
  });

  it('shows the other places in the text, JSON, SARIF and HTML reports, and counts places in the summary', () => {
    const rules = ruleInfo();
    const text = reporterFor('text')!.render(result, rules, { color: false });
    expect(text).toContain(
      'same value also in 2 other places in 2 files: src/server.pem:1, test/fixtures/server.pem:1 (test-fixture)',
    );
    const placesTotal = result.findings.reduce((n, f) => n + 1 + (f.occurrences?.length ?? 0), 0);
    expect(text).toContain(`, ${placesTotal} places;`);
    const json = JSON.parse(reporterFor('json')!.render(result, rules)) as AuditResult;
    expect(pemFinding(json)[0]!.occurrences!.map((o) => o.file)).toEqual([
      'src/server.pem',
      'test/fixtures/server.pem',
    ]);
    const sarif = JSON.parse(reporterFor('sarif')!.render(result, rules)) as {
      runs: Array<{ results: Array<{ locations: unknown[]; relatedLocations?: Array<Record<string, unknown>> }> }>;
    };
    const withRelated = sarif.runs[0]!.results.filter((r) => JSON.stringify(r.locations).includes('deploy/key.pem'));
    expect(withRelated).toHaveLength(1);
    expect(withRelated[0]!.relatedLocations).toEqual([
      expect.objectContaining({ id: 1, message: { text: 'same value' } }),
      expect.objectContaining({ id: 2, message: { text: 'same value (test-fixture)' } }),
    ]);
    expect(JSON.stringify(withRelated[0]!.relatedLocations)).toContain('src/server.pem');
    expect(sarifValidator()(sarif)).toEqual([]);
    const html = reporterFor('html')!.render(result, rules);
    expect(html).toContain('same value also in 2 other places in 2 files');
    expect(html).toContain('<code>test/fixtures/server.pem:1:1</code> test-fixture');
  });

  it('writes one baseline entry per place, and reports a new copy of a baselined secret as a new place', async () => {
    const file = join(dir, '.keyhygiene-baseline.json');
    const baseline = await writeBaseline(file, result);
    const entryFiles = baseline.entries.filter((e) => e.file.endsWith('.pem')).map((e) => e.file);
    expect(entryFiles).toEqual(['deploy/key.pem', 'src/server.pem', 'test/fixtures/server.pem']);
    // nothing new: everything suppressed, still one finding per secret
    const again = await audit({ root: dir, workers: 1, baseline: file, cache: false });
    expect(again.findings.every((f) => f.suppression?.kind === 'baseline')).toBe(true);
    expect(pemFinding(again).map(places)).toEqual([['deploy/key.pem', 'src/server.pem', 'test/fixtures/server.pem']]);
    // a new copy in shipped code is reported on its own, the baselined places stay suppressed
    await mkdir(join(dir, 'lib'), { recursive: true });
    await writeFile(join(dir, 'lib', 'copy.pem'), PEM);
    const after = await audit({ root: dir, workers: 1, baseline: file, cache: false });
    const pem = pemFinding(after);
    expect(pem.map((f) => [places(f), f.suppression?.kind])).toEqual([
      [['deploy/key.pem', 'src/server.pem', 'test/fixtures/server.pem'], 'baseline'],
      [['lib/copy.pem'], undefined],
    ]);
  }, 60_000);
});
