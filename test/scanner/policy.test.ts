/**
 * The fixture policy at the audit's level (src/scanner/policy.ts): which findings are withheld and counted,
 * and, end to end on a small tree written here, that the audit, its reports and `--include-fixtures` apply it.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { reporterFor } from '../../src/report/index.js';
import type { AuditResult, Finding } from '../../src/report/types.js';
import { mergeResults, ruleInfo } from '../../src/scanner/index.js';
import { applyFixturePolicy, fixtureClassOf } from '../../src/scanner/policy.js';
import { memoryIo } from '../cli/helpers.js';
import { auditTree, FAKE_EC_PEM as PEM, FAKE_GITHUB_TOKEN as GITHUB_TOKEN } from '../helpers/tree.js';

const finding = (file: string, formatId?: string): Finding => ({
  ruleId: 'keyhygiene/secret-in-file',
  category: 'hardcoded-key',
  severity: 'critical',
  message: 'm',
  location: { file, line: 1, column: 1 },
  fingerprint: `fp-${file}-${formatId ?? ''}`,
  origin: 'config',
  // Each place holds a different value here; one value in several places is test/scanner/one-per-secret.test.ts.
  ...(formatId ? { secret: { redacted: 'r', fingerprint: `f-${file}`, formatId } } : {}),
});

describe('fixtureClassOf', () => {
  it('classes findings in test files as test fixtures, in example trees as examples', () => {
    expect(fixtureClassOf(finding('test/fixtures/rsa.pem', 'private-key-block'))).toBe('test-fixture');
    expect(fixtureClassOf(finding('src/jwt.spec.ts', 'jwt'))).toBe('test-fixture');
    expect(fixtureClassOf(finding('cookbook/jws.mjs'))).toBe('example');
    expect(fixtureClassOf(finding('docs/README.md', 'basic-auth-header'))).toBe('example');
    // documentation by kind and configuration templates, wherever they sit
    expect(fixtureClassOf(finding('README.md', 'password-assignment'))).toBe('example');
    expect(fixtureClassOf(finding('apps/api/.env.example'))).toBe('example');
    expect(fixtureClassOf(finding('conformance/op/keys.js', 'private-key-block'))).toBe('test-fixture');
  });

  it('reports a provider-issued credential wherever it is', () => {
    expect(fixtureClassOf(finding('test/ci.test.ts', 'github-classic-pat'))).toBeUndefined();
    expect(fixtureClassOf(finding('examples/app.ts', 'stripe-secret-key'))).toBeUndefined();
  });

  it('classes a published example key as an example wherever it is', () => {
    expect(fixtureClassOf(finding('src/config.ts', 'published-example'))).toBe('example');
    expect(fixtureClassOf(finding('test/a.test.ts', 'published-example'))).toBe('example');
  });

  it('leaves code alone, near misses included', () => {
    for (const file of ['src/keys.ts', 'src/testing.ts', 'contest/a.ts', 'latest/b.ts', 'src/readme.ts'])
      expect(fixtureClassOf(finding(file, 'private-key-block')), file).toBeUndefined();
  });
});

describe('applyFixturePolicy', () => {
  const all = [
    finding('src/keys.ts', 'private-key-block'),
    finding('test/keys.test.ts', 'private-key-block'),
    finding('test/ci.test.ts', 'github-classic-pat'),
    finding('cookbook/jwe.mjs'),
    finding('README.md', 'published-example'),
  ];

  it('withholds and counts by default', () => {
    const { findings, withheld } = applyFixturePolicy(all);
    expect(findings.map((f) => f.location.file)).toEqual(['src/keys.ts', 'test/ci.test.ts']);
    expect(withheld).toEqual({ testFixtures: 1, examples: 2 });
  });

  it('lists everything with includeFixtures, marked with its class, and then withholds nothing', () => {
    const { findings, withheld } = applyFixturePolicy(all, true);
    expect(findings.map((f) => [f.location.file, f.fixture])).toEqual([
      ['src/keys.ts', undefined],
      ['test/keys.test.ts', 'test-fixture'],
      ['test/ci.test.ts', undefined],
      ['cookbook/jwe.mjs', 'example'],
      ['README.md', 'example'],
    ]);
    expect(withheld).toEqual({ testFixtures: 0, examples: 0 });
  });
});

// A tree written here: a fake private key in a test fixture, another in an example tree and a third in src/
// (different values: one value in several places is one finding, test/scanner/one-per-secret.test.ts), a
// provider-format token in a test, and AWS's documented example key id in a README. Every value is fake.
const AWS_DOCS_KEY_ID = ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('');
const tree: Record<string, string> = {
  'test/fixtures/signing.pem': PEM.replace('FakeFAKEfake', 'TestTESTtest'),
  'examples/signing.pem': PEM.replace('FakeFAKEfake', 'DemoDEMOdemo'),
  'src/signing.pem': PEM,
  'test/ci.test.ts': `// the nightly job's token\nexport const token = '${GITHUB_TOKEN}';\n`,
  'README.md': `# Setup\n\nSet \`AWS_ACCESS_KEY_ID=${AWS_DOCS_KEY_ID}\` as in the AWS guide.\n`,
};

describe('the audit applies the policy end to end', () => {
  let dir: string;
  let result: AuditResult;
  let listed: AuditResult;
  const files = (r: AuditResult): string[] => [...new Set(r.findings.map((f) => f.location.file))].sort();

  beforeAll(async () => {
    ({ dir, result, listed } = await auditTree('kh-policy-', tree));
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reports the key in src/ and the provider token in test/, and withholds the rest with a count', () => {
    expect(files(result)).toEqual(['src/signing.pem', 'test/ci.test.ts']);
    expect(result.findings.find((f) => f.location.file === 'src/signing.pem')?.severity).toBe('critical');
    expect(result.findings.find((f) => f.location.file === 'test/ci.test.ts')?.secret?.formatId).toBe(
      'github-classic-pat',
    );
    expect(result.withheld).toEqual({ testFixtures: 1, examples: 2 });
  });

  it('lists the withheld findings with includeFixtures, marked, the published example at low severity', () => {
    expect(files(listed)).toEqual([
      'README.md',
      'examples/signing.pem',
      'src/signing.pem',
      'test/ci.test.ts',
      'test/fixtures/signing.pem',
    ]);
    const byFile = new Map(listed.findings.map((f) => [f.location.file, f]));
    expect(byFile.get('test/fixtures/signing.pem')?.fixture).toBe('test-fixture');
    expect(byFile.get('examples/signing.pem')?.fixture).toBe('example');
    expect(byFile.get('README.md')).toMatchObject({ fixture: 'example', severity: 'low' });
    expect(byFile.get('README.md')?.secret?.formatId).toBe('published-example');
    expect(byFile.get('src/signing.pem')?.fixture).toBeUndefined();
    expect(listed.withheld).toBeUndefined();
  });

  it('says what it withheld in the text, SARIF and HTML reports, and keeps the count when shards merge', () => {
    const rules = ruleInfo();
    const text = reporterFor('text')!.render(result, rules, { color: false });
    expect(text).toContain(
      '1 test-fixture finding and 2 examples (example and docs trees, published example keys) not listed; ' +
        '--include-fixtures lists them.',
    );
    const sarif = JSON.parse(reporterFor('sarif')!.render(result, rules, { color: false })) as {
      runs: Array<{
        invocations: Array<{ properties: { withheld?: unknown }; toolExecutionNotifications: unknown[] }>;
      }>;
    };
    const inv = sarif.runs[0]!.invocations[0]!;
    expect(inv.properties.withheld).toEqual({ testFixtures: 1, examples: 2 });
    expect(inv.toolExecutionNotifications).toContainEqual(
      expect.objectContaining({ level: 'note', descriptor: { id: 'policy/fixtures-withheld' } }),
    );
    expect(mergeResults([result, { ...result, findings: [] }]).withheld).toEqual({ testFixtures: 2, examples: 4 });
    const html = reporterFor('html')!.render(result, rules, { color: false });
    expect(html).toContain('<p id="withheld">1 test-fixture finding and 2 examples');
    // nothing withheld: no line at all
    expect(reporterFor('text')!.render(listed, rules, { color: false })).not.toContain('not listed');
  });

  it('the CLI prints the count by default and lists them with --include-fixtures', async () => {
    const base = ['audit', dir, '--format', 'json', '--no-progress', '--no-cache', '--workers', '1'];
    const io = memoryIo(dir);
    expect(await runCli(base, io)).toBe(1);
    const plain = JSON.parse(io.stdout.text) as AuditResult;
    expect(plain.findings).toHaveLength(2);
    expect(plain.withheld).toEqual({ testFixtures: 1, examples: 2 });
    expect(io.stderr.text).toContain('1 test-fixture finding and 2 examples');
    const io2 = memoryIo(dir);
    expect(await runCli([...base, '--include-fixtures'], io2)).toBe(1);
    const all = JSON.parse(io2.stdout.text) as AuditResult;
    expect(all.findings.filter((f) => f.fixture !== undefined)).toHaveLength(3);
  }, 60_000);
});
