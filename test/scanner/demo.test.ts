/* eslint-disable keyhygiene/no-hardcoded-key -- fake samples: the demo's planted fakes, asserted absent */
/**
 * The demo app, as the README runs it: a throwaway git copy of fixtures/demo-app with the history case
 * (scripts/make-demo-history.mjs), audited with history. Every audit-only finding listed in
 * fixtures/demo-app/expected/audit-extra.json is found, and nothing else: no config, cross-file or
 * history finding beyond the list, and no finding at all in the scanner's own demo files.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, type AuditResult } from '../../src/scanner/index.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const expected = JSON.parse(readFileSync(`${repo}fixtures/demo-app/expected/audit-extra.json`, 'utf8')) as Array<{
  file: string;
  line: number;
  ruleId: string;
  origin: string;
}>;

describe('demo app audit', () => {
  let dir: string;
  let result: AuditResult;
  beforeAll(async () => {
    dir = execFileSync(process.execPath, [`${repo}scripts/make-demo-history.mjs`], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop()!;
    result = await audit({ root: dir, history: true, workers: 1 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds every audit-only planted mistake and nothing else', () => {
    const actual = result.findings
      .filter((f) => f.origin !== 'code')
      .map((f) => `${f.location.file}:${f.location.line} ${f.ruleId} ${f.origin}`)
      .sort();
    expect(actual).toEqual(expected.map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.origin}`).sort());
  });

  it('reports nothing in the correct code beside the scanner cases', () => {
    const mine = /^(?:src\/shared\/|src\/services\/|deploy\/|config\/|\.env)/;
    expect(result.findings.filter((f) => f.origin === 'code' && mine.test(f.location.file))).toEqual([]);
  });

  it('carries the path from the source for cross-file findings, and the commit for history ones', () => {
    const cross = result.findings.find((f) => f.ruleId === 'keyhygiene/cross-file-hardcoded-key')!;
    expect(cross.path?.map((s) => s.file)).toEqual(['src/shared/config.ts', 'src/services/reports.ts']);
    const hist = result.findings.filter((f) => f.origin === 'history');
    expect(hist.every((f) => /^[0-9a-f]{40}$/.test(f.commit?.sha ?? '') && f.message.includes('rotate it'))).toBe(true);
    expect(result.stats.historyBlobs).toBeGreaterThan(0);
    expect(result.partial).toBe(false);
  });

  it('inventories keys with algorithm, size, source and rotation', () => {
    const rows = result.inventory.map(
      (i) => `${i.name} | ${i.primitive ?? ''} | ${i.keySizeBits ?? ''} | ${i.keySource ?? ''} | ${i.rotation ?? ''}`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        'AES-256-GCM | ae | 256 | literal | ',
        'AWS KMS key (CDK kms.Key) |  |  | kms | enabled',
        'stripe-secret-key |  |  | literal | ',
      ]),
    );
    const vault = result.inventory.find((i) => i.locations.some((l) => l.file === 'src/services/tenant-vault.ts'));
    expect(vault).toMatchObject({ keySource: 'kms', rotation: 'not enabled anywhere' });
  });

  it('keeps every secret out of the result', () => {
    const json = JSON.stringify(result);
    expect(json).not.toContain('BEGIN PRIVATE KEY-----\nM');
    for (const f of result.findings) if (f.secret) expect(f.secret.redacted).toMatch(/…|••••/);
    // The planted fakes (demo files) never appear whole.
    for (const fake of [
      'sk_live_AF0A23vlPv7XURE47P9T84RS',
      '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',
      'AKIACCGYSIPVFFLK74X3',
      'c51c1d29137ce0e2701d0d50240c1e0f389e2c5008dffbca8eb141a282d49185',
      '2jsbF5QHsgUGuBdoqqtyFQp/vg0piFwD',
    ]) {
      expect(json).not.toContain(fake);
    }
  });
});
