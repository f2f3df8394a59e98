/**
 * Lazy fingerprints for withheld findings (issue 13): without `--include-fixtures` a file whose every secret
 * finding the fixture policy withholds gets no slow fingerprint. The listed findings, their numbering, the
 * baseline, SARIF and the cache must not notice. Every value here is made up.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reporterFor } from '../../src/report/index.js';
import type { AuditResult, Finding } from '../../src/report/types.js';
import { lintFile } from '../../src/scanner/detect/lint.js';
import { withFingerprints, type FingerprintSpec } from '../../src/scanner/fingerprints.js';
import { audit, ruleInfo, writeBaseline } from '../../src/scanner/index.js';
import { FAKE_EC_PEM as PEM, FAKE_GITHUB_TOKEN as GITHUB_TOKEN } from '../helpers/tree.js';

const SALT = 'ab'.repeat(32);
const spec = (deferWithheld: boolean): FingerprintSpec => ({ scheme: 'kh2', salt: SALT, deferWithheld });
// Low-entropy passwords take the slow (scrypt) path; a private-key block the keyed hash.
const withPassword = (value: string): string =>
  `const password = '${value}';\nexport const login = (db) => db.login('admin', password);\n`;
const withKey = `export const signingKey = \`${PEM}\`;\n`;

describe('lintFile under a scan that defers withheld fingerprints', () => {
  const lint = (defer: boolean, rel: string, text: string): ReturnType<typeof lintFile> =>
    withFingerprints(spec(defer), () => lintFile('/app', `/app/${rel}`, rel, text));

  it('leaves every secret finding of a test file without fingerprints, and says how many', () => {
    const text = withPassword('Winter2024!') + withKey;
    const deferred = lint(true, 'test/db.test.ts', text);
    const full = lint(false, 'test/db.test.ts', text);
    expect(full.findings.filter((f) => f.secret)).toHaveLength(2);
    expect(full.unfingerprinted).toBeUndefined();
    expect(full.findings.every((f) => f.fingerprint.length === 32 && f.secret?.fingerprint.startsWith('kh2:'))).toBe(
      true,
    );
    expect(deferred.unfingerprinted).toBe(2);
    expect(deferred.findings.map((f) => [f.fingerprint, f.secret?.fingerprint])).toEqual([
      ['', ''],
      ['', ''],
    ]);
    // Everything but the fingerprints is the same.
    const blank = (f: Finding): Finding => ({ ...f, fingerprint: '', secret: { ...f.secret!, fingerprint: '' } });
    expect(deferred.findings).toEqual(full.findings.map(blank));
  });

  it('fingerprints a file in src/ as before', () => {
    const text = withPassword('Winter2024!');
    const deferred = lint(true, 'src/db.ts', text);
    expect(deferred.unfingerprinted).toBeUndefined();
    expect(deferred.findings).toEqual(lint(false, 'src/db.ts', text).findings);
    expect(deferred.findings[0]?.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it('fingerprints every finding of a test file that also holds a reported (provider-issued) secret', () => {
    const text = `export const token = '${GITHUB_TOKEN}';\n${withPassword('Summer2023!')}`;
    const deferred = lint(true, 'test/ci.test.ts', text);
    expect(deferred.findings.filter((f) => f.secret)).toHaveLength(2);
    expect(deferred.unfingerprinted).toBeUndefined();
    expect(deferred.findings).toEqual(lint(false, 'test/ci.test.ts', text).findings);
  });
});

describe('audits with and without --include-fixtures', () => {
  let root: string;
  const tree: Record<string, string> = {
    'src/db.ts': withPassword('Winter2024!'),
    'src/config.ts': withKey,
    'test/db.test.ts': withPassword('Winter2024!') + withKey,
    'test/fixtures/keys.ts': withKey + withPassword('Autumn2022!'),
    'test/ci.test.ts': `export const token = '${GITHUB_TOKEN}';\n${withPassword('Summer2023!')}`,
  };
  const ids = (r: AuditResult): string[] =>
    r.findings.map((f) => `${f.location.file}:${f.location.line} ${f.fingerprint}`);

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'kh-withheld-fp-'));
    for (const [rel, text] of Object.entries(tree)) {
      await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
      await writeFile(path.join(root, rel), text);
    }
    await writeFile(path.join(root, '.keyhygiene-salt'), SALT);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('give the listed findings the same fingerprints, unique, and none empty', async () => {
    const lines: string[] = [];
    const plain = await audit({ root, workers: 1, debug: (l) => lines.push(l) });
    const listed = await audit({ root, workers: 1, includeFixtures: true });
    expect(lines).toContain('fingerprints: 4 withheld findings left without (not listed)');
    expect(plain.withheld?.testFixtures).toBeGreaterThan(0);
    expect(plain.findings.length).toBeGreaterThan(0);
    const listedIds = new Set(ids(listed));
    for (const id of ids(plain)) expect(listedIds).toContain(id);
    for (const r of [plain, listed]) {
      expect(new Set(r.findings.map((f) => f.fingerprint)).size).toBe(r.findings.length);
      expect(r.findings.every((f) => /^[0-9a-f]{32}$/.test(f.fingerprint))).toBe(true);
      expect(r.findings.every((f) => !f.secret || /^kh2:[0-9a-f]+$/.test(f.secret.fingerprint))).toBe(true);
    }
    expect(plain.findings.map((f) => f.location.file).sort()).toEqual([
      'src/config.ts',
      'src/db.ts',
      'test/ci.test.ts',
    ]);
    const sarif = JSON.parse(reporterFor('sarif')!.render(plain, ruleInfo(), { color: false })) as {
      runs: Array<{ results: Array<{ partialFingerprints: Record<string, string> }> }>;
    };
    const partial = sarif.runs[0]!.results.map((r) => Object.values(r.partialFingerprints)[0]);
    expect(partial).toEqual(plain.findings.map((f) => f.fingerprint));
  }, 120_000);

  it('a cache written without --include-fixtures is analysed again for a run that lists them', async () => {
    const cache = await mkdtemp(path.join(tmpdir(), 'kh-withheld-cache-'));
    try {
      const first: string[] = [];
      const plain = await audit({ root, workers: 1, cache, debug: (l) => first.push(l) });
      const again: string[] = [];
      const cachedPlain = await audit({ root, workers: 1, cache, debug: (l) => again.push(l) });
      expect(ids(cachedPlain)).toEqual(ids(plain));
      // every file (the salt file included) from the cache
      expect(again.some((l) => / 6 from cache/.test(l))).toBe(true);
      const listing: string[] = [];
      const listed = await audit({ root, workers: 1, cache, includeFixtures: true, debug: (l) => listing.push(l) });
      const fresh = await audit({ root, workers: 1, includeFixtures: true });
      expect(ids(listed)).toEqual(ids(fresh));
      expect(listed.findings.every((f) => f.fingerprint !== '' && f.secret?.fingerprint !== '')).toBe(true);
      // the two test files without a reported secret are analysed again; the other four files (the salt file
      // included) come from the cache
      expect(listing.some((l) => / 4 from cache/.test(l))).toBe(true);
      // and their complete results now serve the default run too
      const after: string[] = [];
      expect(ids(await audit({ root, workers: 1, cache, debug: (l) => after.push(l) }))).toEqual(ids(plain));
      expect(after.some((l) => / 6 from cache/.test(l))).toBe(true);
    } finally {
      await rm(cache, { recursive: true, force: true });
    }
  }, 120_000);

  it('a baseline written by a default run suppresses the same findings in a run that lists withheld ones', async () => {
    const plain = await audit({ root, workers: 1 });
    const file = path.join(root, '..', `${path.basename(root)}-baseline.json`);
    try {
      await writeBaseline(file, plain);
      const listed = await audit({ root, workers: 1, includeFixtures: true, baseline: file });
      const suppressed = listed.findings.filter((f) => f.suppression?.kind === 'baseline');
      expect(suppressed.map((f) => f.fingerprint).sort()).toEqual(plain.findings.map((f) => f.fingerprint).sort());
      expect(listed.findings.filter((f) => !f.suppression).every((f) => f.fixture !== undefined)).toBe(true);
    } finally {
      await rm(file, { force: true });
    }
  }, 120_000);
});
