/**
 * Evidence levels in the audit (docs/audit.md, "Evidence"): each finding carries what it rests on, the policy
 * withholds findings below `--min-evidence` with a count, and the reports show the level. End to end on a small
 * tree written here, with one finding at each level.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditMinEvidence } from '../../src/catalogue/evidence.js';
import { parseAuditArgs } from '../../src/cli/args.js';
import { reporterFor, withheldLine } from '../../src/report/index.js';
import type { AuditResult, Finding } from '../../src/report/types.js';
import { audit, ruleInfo } from '../../src/scanner/index.js';
import { applyEvidenceFloor, evidenceOf } from '../../src/scanner/policy.js';
import { FAKE_EC_PEM as PEM } from '../helpers/tree.js';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'keyhygiene/secret-in-file',
  category: 'hardcoded-key',
  severity: 'high',
  message: 'm',
  location: { file: 'a.env', line: 1, column: 1 },
  fingerprint: `fp-${JSON.stringify(over)}`,
  origin: 'config',
  ...over,
});

describe('evidenceOf (the audit detectors)', () => {
  it('reads a committed secret by its format: provider formats and key blocks are `format`', () => {
    for (const formatId of ['private-key-block', 'github-classic-pat', 'jwt', 'connection-string-password'])
      expect(evidenceOf(finding({ secret: { redacted: 'r', fingerprint: 'f', formatId } }))).toBe('format');
  });

  it('reads a value judged by the name before it (`password = …`) or by no format at all as `name`', () => {
    const secret = (formatId?: string) => ({ redacted: 'r', fingerprint: 'f', ...(formatId ? { formatId } : {}) });
    expect(evidenceOf(finding({ secret: secret('password-assignment') }))).toBe('name');
    expect(evidenceOf(finding({ secret: secret() }))).toBe('name');
    expect(evidenceOf(finding({ ruleId: 'keyhygiene/secret-in-history', secret: secret() }))).toBe('name');
  });

  it("gives the template and config detectors the resource's level, and keeps a rule's recorded level", () => {
    expect(evidenceOf(finding({ ruleId: 'keyhygiene/template-missing-rotation', category: 'missing-rotation' }))).toBe(
      'sink',
    );
    expect(evidenceOf(finding({ ruleId: 'keyhygiene/config-weak-algorithm', category: 'weak-algorithm' }))).toBe(
      'sink',
    );
    expect(evidenceOf(finding({ ruleId: 'keyhygiene/cross-file-weak-randomness', category: 'weak-randomness' }))).toBe(
      'name',
    );
    expect(evidenceOf(finding({ ruleId: 'keyhygiene/no-logged-key', evidence: 'flow' }))).toBe('flow');
  });
});

describe('applyEvidenceFloor', () => {
  const list = [
    finding({ evidence: 'name' }),
    finding({ evidence: 'flow', category: 'logged-key' }),
    finding({ evidence: 'sink', category: 'static-iv' }),
    finding({ evidence: 'format' }),
    finding({ evidence: 'name', suppression: { kind: 'baseline' } }),
  ];

  it('keeps everything at `name` and counts what a higher floor withholds', () => {
    expect(applyEvidenceFloor(list, 'name')).toMatchObject({ weakEvidence: 0 });
    expect(applyEvidenceFloor(list, 'name').findings).toHaveLength(5);
    const flow = applyEvidenceFloor(list, 'flow');
    expect(flow.weakEvidence).toBe(1);
    expect(flow.findings.map((f) => f.evidence)).toEqual(['flow', 'sink', 'format', 'name']);
    expect(applyEvidenceFloor(list, 'sink').weakEvidence).toBe(2);
    expect(applyEvidenceFloor(list, 'format').weakEvidence).toBe(3);
  });

  it('keeps a suppressed finding whatever its level (the baseline shows what it covers)', () => {
    expect(applyEvidenceFloor(list, 'format').findings.filter((f) => f.suppression)).toHaveLength(1);
  });

  it('applies the default floor per category, from the catalogue', () => {
    const floors = Object.entries(auditMinEvidence);
    expect(floors.length).toBeGreaterThan(0);
    for (const [category, floor] of floors) {
      const below = finding({ category: category as Finding['category'], evidence: 'name' });
      const at = finding({ category: category as Finding['category'], evidence: floor });
      expect(applyEvidenceFloor([below, at], 'default')).toMatchObject({ weakEvidence: floor === 'name' ? 0 : 1 });
    }
    // A category with no floor keeps its name-level findings.
    const free = (['hardcoded-key', 'static-iv', 'weak-algorithm'] as const).filter((c) => !auditMinEvidence[c]);
    for (const c of free)
      expect(applyEvidenceFloor([finding({ category: c, evidence: 'name' })], 'default').weakEvidence).toBe(0);
  });
});

// One finding per level: a private-key block (format), a zero IV at createCipheriv (sink), a secret environment
// variable logged (flow), Math.random under a token maker's name (flow: a random source), and two that rest on a
// name alone: a parameter named like a token, logged, and a clock reading under an invite code maker's name.
const tree: Record<string, string> = {
  'keys/signing.pem': PEM,
  'src/seal.ts': [
    "import { createCipheriv } from 'node:crypto';",
    'const iv = Buffer.alloc(16);',
    "export const seal = (k: Buffer, d: string) => createCipheriv('aes-256-cbc', k, iv).update(d);",
  ].join('\n'),
  'src/boot.ts': 'console.log(process.env.STRIPE_SECRET_KEY);\n',
  'src/weak.ts': 'export function makeResetToken(): string {\n  return Math.random().toString(36);\n}\n',
  'src/clock.ts': 'export function makeInviteCode(): string {\n  return Date.now().toString(36);\n}\n',
  'src/audit-log.ts': 'export function trace(apiToken: string): void {\n  console.log(apiToken);\n}\n',
  // The default floor's cell: a counter under a token maker's name is withheld too; a clock at a key sink is not.
  'src/counter.ts': 'let n = 0;\nexport function nextResetToken(): string {\n  return `rt-${++n}`;\n}\n',
  'src/hmac.ts': [
    "import { createHmac } from 'node:crypto';",
    "export const tag = (d: string) => createHmac('sha256', String(Date.now())).update(d).digest('hex');",
  ].join('\n'),
};

describe('the audit carries evidence end to end', () => {
  let dir: string;
  let all: AuditResult;
  let sinkUp: AuditResult;
  let byDefault: AuditResult;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kh-evidence-'));
    for (const [rel, text] of Object.entries(tree)) {
      await mkdir(dirname(join(dir, rel)), { recursive: true });
      await writeFile(join(dir, rel), text);
    }
    all = await audit({ root: dir, workers: 1, minEvidence: 'name' });
    sinkUp = await audit({ root: dir, workers: 1, minEvidence: 'sink' });
    byDefault = await audit({ root: dir, workers: 1 });
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const levels = (r: AuditResult) =>
    Object.fromEntries(r.findings.map((f) => [`${f.location.file}:${f.category}`, f.evidence]));

  it('gives every finding its level', () => {
    expect(levels(all)).toEqual({
      'keys/signing.pem:hardcoded-key': 'format',
      'src/seal.ts:static-iv': 'sink',
      'src/boot.ts:logged-key': 'flow',
      'src/weak.ts:weak-randomness': 'flow',
      'src/clock.ts:weak-randomness': 'name',
      'src/audit-log.ts:logged-key': 'name',
      'src/counter.ts:weak-randomness': 'name',
      'src/hmac.ts:weak-randomness': 'sink',
    });
    expect(all.withheld).toBeUndefined();
  });

  it('withholds the findings below --min-evidence and counts them', () => {
    expect(levels(sinkUp)).toEqual({
      'keys/signing.pem:hardcoded-key': 'format',
      'src/seal.ts:static-iv': 'sink',
      'src/hmac.ts:weak-randomness': 'sink',
    });
    expect(sinkUp.withheld).toEqual({ testFixtures: 0, examples: 0, weakEvidence: 5 });
    expect(withheldLine(sinkUp)).toBe(
      '5 findings below the evidence floor (resting on a name alone) not listed; --min-evidence name lists them',
    );
  });

  it('applies the default floor: a clock reading that a name alone calls a secret is withheld', () => {
    expect(Object.keys(levels(byDefault)).sort()).toEqual([
      'keys/signing.pem:hardcoded-key',
      'src/audit-log.ts:logged-key',
      'src/boot.ts:logged-key',
      'src/hmac.ts:weak-randomness',
      'src/seal.ts:static-iv',
      'src/weak.ts:weak-randomness',
    ]);
    expect(byDefault.withheld).toEqual({ testFixtures: 0, examples: 0, weakEvidence: 2 });
  });

  it('shows the level in SARIF as a property and as the result rank, strongest first', () => {
    const sarif = JSON.parse(reporterFor('sarif')!.render(all, ruleInfo(), { color: false })) as {
      runs: Array<{ results: Array<{ rank?: number; properties: { evidence?: string; category: string } }> }>;
    };
    const byLevel = new Map(sarif.runs[0]!.results.map((r) => [r.properties.evidence, r.rank]));
    expect([...byLevel.keys()].sort()).toEqual(['flow', 'format', 'name', 'sink']);
    expect(byLevel.get('format')!).toBeGreaterThan(byLevel.get('sink')!);
    expect(byLevel.get('sink')!).toBeGreaterThan(byLevel.get('flow')!);
    expect(byLevel.get('flow')!).toBeGreaterThan(byLevel.get('name')!);
    const json = JSON.parse(reporterFor('json')!.render(all, ruleInfo(), { color: false })) as AuditResult;
    expect(json.findings.map((f) => f.evidence).sort()).toEqual([
      'flow',
      'flow',
      'format',
      'name',
      'name',
      'name',
      'sink',
      'sink',
    ]);
  });
});

describe('--min-evidence', () => {
  it('takes a level or `default` (the default)', () => {
    expect(parseAuditArgs(['.']).minEvidence).toBe('default');
    for (const level of ['name', 'flow', 'sink', 'format', 'default'])
      expect(parseAuditArgs(['.', '--min-evidence', level]).minEvidence).toBe(level);
  });

  it('refuses anything else with a usage error that lists the levels', () => {
    expect(() => parseAuditArgs(['.', '--min-evidence', 'strong'])).toThrow(/unknown evidence level "strong"/);
    expect(() => parseAuditArgs(['.', '--min-evidence', 'Name'])).toThrow(/unknown evidence level/);
  });
});
