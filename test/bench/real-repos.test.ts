/**
 * The real-repositories bench (bench/real-repos): matching findings to hand labels, the sums, extraction of a
 * pinned commit from a snapshot that lacks some blobs, the committed labels' shape, and run.mjs end to end
 * on a throwaway repository (its key generated at test time, never committed).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LABELS,
  countJsTsLines,
  extractCommit,
  hasCommit,
  labelPlaces,
  matchFindings,
  pathMatcher,
  summarise,
  totals,
  validateLabels,
  type LabelEntry,
} from '../../bench/real-repos/lib.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const BENCH = join(ROOT, 'bench', 'real-repos');
const tmp = mkdtempSync(join(tmpdir(), 'kh-real-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const finding = (file: string, line: number, category = 'hardcoded-key', fingerprint = `fp-${file}-${line}`) => ({
  ruleId: 'keyhygiene/x',
  category,
  fingerprint,
  location: { file, line },
});
const label = (file: string, line: number, lab: string, extra: Partial<LabelEntry> = {}): LabelEntry => ({
  ruleId: 'keyhygiene/x',
  category: 'hardcoded-key',
  file,
  line,
  fingerprint: 'none',
  label: lab,
  reason: 'r',
  ...extra,
});

describe('labelPlaces (one finding per secret)', () => {
  const label = (fingerprint: string, verdict: string): LabelEntry => ({
    ruleId: 'keyhygiene/no-hardcoded-key',
    category: 'hardcoded-key',
    file: `${fingerprint}.ts`,
    line: 1,
    fingerprint,
    label: verdict,
    reason: 'r',
  });
  const finding = (fingerprint: string, occurrences: string[] = []) => ({
    ruleId: 'keyhygiene/no-hardcoded-key',
    category: 'hardcoded-key',
    fingerprint,
    location: { file: `${fingerprint}.ts`, line: 1 },
    occurrences: occurrences.map((o) => ({ file: `${o}.ts`, line: 1, fingerprint: o })),
  });
  const labels = [label('a', 'test-fixture'), label('b', 'tp'), label('c', 'fp'), label('d', 'example')];

  it('scores a finding tp when any of its places is labelled tp, whichever place leads', () => {
    const f = finding('a', ['b', 'c']);
    const { matched } = labelPlaces([{ finding: f, label: labels[0]! }], [], labels);
    expect(matched.map((m) => m.label.label)).toEqual(['tp']);
  });

  it("keeps the lead's label when no place is tp, and labels an unlabelled lead from its places", () => {
    const { matched, unlabelled } = labelPlaces(
      [{ finding: finding('c', ['d']), label: labels[2]! }],
      [finding('x', ['d']), finding('y', ['z'])],
      labels,
    );
    expect(matched.map((m) => [m.finding.fingerprint, m.label.label])).toEqual([
      ['c', 'fp'],
      ['x', 'example'],
    ]);
    expect(unlabelled.map((f) => f.fingerprint)).toEqual(['y']);
  });
});

describe('matchFindings', () => {
  it('matches by fingerprint first, even when the line moved', () => {
    const l = label('a.ts', 10, 'tp', { fingerprint: 'fp-1' });
    const { matched, unlabelled, unused } = matchFindings([finding('a.ts', 40, 'hardcoded-key', 'fp-1')], [l]);
    expect(matched.map((m) => m.label)).toEqual([l]);
    expect(unlabelled).toEqual([]);
    expect(unused).toEqual([]);
  });

  it('falls back to category, file and line within ±1, and uses each label once', () => {
    const l = label('a.ts', 10, 'fp');
    const f1 = finding('a.ts', 11);
    const f2 = finding('a.ts', 9);
    const { matched, unlabelled } = matchFindings([f1, f2], [l]);
    expect(matched).toEqual([{ finding: f1, label: l }]);
    expect(unlabelled).toEqual([f2]);
  });

  it('pairs a finding with the label on its own line before a neighbour within ±1', () => {
    // labels in file order: the neighbour (line 31) comes first, and its finding is gone
    const neighbour = label('k8s/secret.yaml', 31, 'fp');
    const own = label('k8s/secret.yaml', 32, 'example');
    const f = finding('k8s/secret.yaml', 32);
    const { matched, unused } = matchFindings([f], [neighbour, own]);
    expect(matched).toEqual([{ finding: f, label: own }]);
    expect(unused).toEqual([neighbour]);
  });

  it('does not match another category, another file or a line two away', () => {
    const labels = [label('a.ts', 10, 'tp')];
    const findings = [finding('a.ts', 10, 'weak-randomness'), finding('b.ts', 10), finding('a.ts', 12)];
    const { matched, unlabelled, unused } = matchFindings(findings, labels);
    expect(matched).toEqual([]);
    expect(unlabelled).toEqual(findings);
    expect(unused).toEqual(labels);
  });

  it('prefers a fingerprint match over a positional one for the same label', () => {
    const l = label('a.ts', 10, 'tp', { fingerprint: 'fp-x' });
    const positional = finding('a.ts', 10, 'hardcoded-key', 'other');
    const exact = finding('a.ts', 30, 'hardcoded-key', 'fp-x');
    const { matched, unlabelled } = matchFindings([positional, exact], [l]);
    expect(matched).toEqual([{ finding: exact, label: l }]);
    expect(unlabelled).toEqual([positional]);
  });
});

describe('summarise and totals', () => {
  const row = (lines: number, labs: string[], unlabelled: number, missed: number) => {
    const matched = labs.map((lab) => ({ label: { label: lab } }));
    return summarise({
      lines,
      findings: new Array(labs.length + unlabelled).fill(0),
      matched,
      unlabelled: new Array(unlabelled).fill(0),
      missed: new Array(missed).fill(0),
    });
  };

  it('counts labels and derives the rates per JS/TS line', () => {
    const r = row(20_000, ['tp', 'tp', 'tp', 'fp', 'test-fixture', 'example'], 2, 1);
    expect(r).toMatchObject({ findings: 8, tp: 3, fp: 1, 'test-fixture': 1, example: 1, unlabelled: 2, missed: 1 });
    expect(r.per100k).toBe(40);
    expect(r.precision).toBe(0.5);
    expect(r.lenientPrecision).toBe(5 / 6);
    expect(r.codePrecision).toBe(0.75);
    expect(r.notRealPer10k).toBe(1.5);
    expect(r.fpPer10k).toBe(0.5);
  });

  it('gives no precision when nothing is labelled, and totals recompute rates from sums', () => {
    const empty = row(10_000, [], 0, 2);
    expect(empty.precision).toBeNull();
    const t = totals([row(10_000, ['tp', 'fp'], 0, 0), row(30_000, ['tp', 'tp', 'tp', 'fp', 'fp', 'fp'], 1, 1), empty]);
    expect(t).toMatchObject({ lines: 50_000, findings: 9, tp: 4, fp: 4, unlabelled: 1, missed: 3 });
    expect(t.precision).toBe(0.5);
    expect(t.codePrecision).toBe(0.5);
    expect(empty.codePrecision).toBeNull();
    expect(t.notRealPer10k).toBe(0.8);
    expect(t.per100k).toBe(18);
  });
});

describe('validateLabels', () => {
  it('names what is wrong', () => {
    expect(validateLabels(null)).toEqual(['not an object']);
    expect(validateLabels({ findings: [label('a.ts', 1, 'maybe')], missed: [] })).toEqual([
      `findings[0].label 'maybe' is not one of ${LABELS.join('|')}`,
    ]);
    expect(validateLabels({ findings: [], missed: [{ file: 'a.ts', line: 0, category: 'x', reason: 'y' }] })).toEqual([
      'missed[0].line is not a line number',
    ]);
    expect(validateLabels({ findings: [{ ...label('a.ts', 1, 'tp'), reason: '' }], missed: [] })).toEqual([
      'findings[0].reason missing',
    ]);
  });

  it('accepts every committed labels file, each naming a pinned repository at its commit and holding no key', () => {
    const repos = JSON.parse(readFileSync(join(BENCH, 'repos.json'), 'utf8')) as {
      name: string;
      repo: string;
      commit: string;
    }[];
    const files = readdirSync(join(BENCH, 'labels'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const f of files) {
      const text = readFileSync(join(BENCH, 'labels', f), 'utf8');
      const doc = JSON.parse(text) as { repo: string; commit: string };
      expect(validateLabels(doc), f).toEqual([]);
      const r = repos.find((x) => `${x.name}.json` === f);
      expect(r, `${f} names a repository in repos.json`).toBeDefined();
      expect([doc.repo, doc.commit]).toEqual([r!.repo, r!.commit]);
      expect(text, f).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----|eyJ[A-Za-z0-9_-]{10,}\.eyJ|AKIA[0-9A-Z]{16}/);
    }
  });
});

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, encoding: 'utf8' }).trim();

describe('pathMatcher', () => {
  it('matches folders with what is under them, * within a segment and ** across segments', () => {
    const m = pathMatcher(['typescript', '*-ts-*', 'lib/**/*.mjs']);
    const yes = ['typescript/a/b.ts', 'typescript', 'aws-ts-s3/index.ts', 'lib/b.mjs', 'lib/a/b/c.mjs'];
    const no = ['typescriptx/a.ts', 'x/aws-ts-s3/index.ts', 'lib/b.js', 'libx/b.mjs', 'aws-py-s3/a.ts'];
    expect(yes.filter(m)).toEqual(yes);
    expect(no.filter(m)).toEqual([]);
    expect(pathMatcher([])('anything/at/all')).toBe(true);
  });
});

describe('extractCommit and countJsTsLines', () => {
  let src: string;
  let commit: string;
  beforeAll(() => {
    src = join(tmp, 'src');
    mkdirSync(join(src, 'lib', 'deep'), { recursive: true });
    mkdirSync(join(src, 'node_modules', 'x'), { recursive: true });
    writeFileSync(join(src, 'a.ts'), 'const a = 1;\nconst b = 2;\n');
    writeFileSync(join(src, 'lib', 'deep', 'b.mjs'), 'export {};');
    writeFileSync(join(src, 'lib', 'big.bin'), 'stand-in for a blob the snapshot lacks');
    writeFileSync(join(src, 'README.md'), '# r\n\nsome\nlines\n');
    writeFileSync(join(src, 'run.sh'), '#!/bin/sh\n');
    chmodSync(join(src, 'run.sh'), 0o755);
    writeFileSync(join(src, 'node_modules', 'x', 'i.js'), '1\n2\n3\n');
    git(src, 'init', '-q');
    git(src, 'add', '-A', '-f');
    git(src, 'commit', '-q', '-m', 'c');
    commit = git(src, 'rev-parse', 'HEAD');
    // Remove one blob, as a snapshot without its 4 MiB+ files would be.
    const oid = git(src, 'rev-parse', 'HEAD:lib/big.bin');
    rmSync(join(src, '.git', 'objects', oid.slice(0, 2), oid.slice(2)));
  });

  it('writes every present blob with its bytes and mode and reports the missing ones', () => {
    const dest = join(tmp, 'out-all');
    const r = extractCommit(join(src, '.git'), commit, dest);
    expect(r).toEqual({ files: 5, missing: ['lib/big.bin'] });
    expect(readFileSync(join(dest, 'a.ts'), 'utf8')).toBe('const a = 1;\nconst b = 2;\n');
    expect(readFileSync(join(dest, 'lib', 'deep', 'b.mjs'), 'utf8')).toBe('export {};');
    expect(existsSync(join(dest, 'lib', 'big.bin'))).toBe(false);
    expect(spawnSync(join(dest, 'run.sh')).status).toBe(0);
    // a.ts 2 + b.mjs 1; node_modules and non-JS/TS files are not counted.
    expect(countJsTsLines(dest)).toBe(3);
  });

  it('restricts to pathspecs, and knows which commits the snapshot has', () => {
    const dest = join(tmp, 'out-lib');
    expect(extractCommit(join(src, '.git'), commit, dest, ['lib/**/*.mjs'])).toEqual({ files: 1, missing: [] });
    expect(readdirSync(dest)).toEqual(['lib']);
    expect(hasCommit(join(src, '.git'), commit)).toBe(true);
    expect(hasCommit(join(src, '.git'), 'f'.repeat(40))).toBe(false);
  });
});

describe('run.mjs', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(BENCH, 'run.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });

  it('skips with one line and exit 0 when no snapshot is there', () => {
    const pinned = (JSON.parse(readFileSync(join(BENCH, 'repos.json'), 'utf8')) as unknown[]).length;
    const r = run('--mirror', join(tmp, 'no-such-mirror'));
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      `real-repos: skipped, no snapshot of the ${pinned} pinned repositories under ${join(tmp, 'no-such-mirror')}`,
    ]);
  });

  it('rejects bad input with one line and exit 2', () => {
    for (const args of [
      ['--bogus'],
      ['--workers', '0'],
      ['--reuse'],
      ['--only', 'nope'],
      ['--repos', join(tmp, 'x.json')],
    ]) {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/^real-repos: /);
    }
  });

  it('audits a pinned snapshot, scores labelled findings and lists the unlabelled ones', () => {
    // A throwaway repository: a private key file (generated now) and a key drawn from Math.random.
    const work = join(tmp, 'e2e-src');
    mkdirSync(work, { recursive: true });
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

    writeFileSync(join(work, 'server.key'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    // The same key copied as a test fixture: one finding with two places (docs/audit.md, "One finding per secret").
    mkdirSync(join(work, 'test', 'fixtures'), { recursive: true });
    writeFileSync(join(work, 'test', 'fixtures', 'server.key'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    // Another key, only in a test fixture: withheld by the fixture policy, counted in the withheld column.
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    writeFileSync(join(work, 'test', 'fixtures', 'other.key'), other.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(
      join(work, 'keys.js'),
      "import { createCipheriv } from 'node:crypto';\n" +
        'const key = Buffer.from(Array.from({ length: 32 }, () => Math.floor(Math.random() * 256)));\n' +
        "export const enc = (iv, d) => createCipheriv('aes-256-gcm', key, iv).update(d);\n",
    );
    git(work, 'init', '-q');
    git(work, 'add', '-A');
    git(work, 'commit', '-q', '-m', 'c');
    const commit = git(work, 'rev-parse', 'HEAD');
    const mirror = join(tmp, 'mirror');
    mkdirSync(mirror);
    git(tmp, 'clone', '-q', '--bare', work, join(mirror, 'acme+demo', 'repo'));
    const list = join(tmp, 'list');
    mkdirSync(join(list, 'labels'), { recursive: true });
    writeFileSync(
      join(list, 'repos.json'),
      JSON.stringify([{ name: 'demo', repo: 'acme/demo', commit, kind: 'test' }]),
    );
    writeFileSync(
      join(list, 'labels', 'demo.json'),
      JSON.stringify({
        repo: 'acme/demo',
        commit,
        findings: [
          {
            ruleId: 'keyhygiene/secret-in-file',
            category: 'hardcoded-key',
            file: 'server.key',
            line: 1,
            fingerprint: 'unknown',
            label: 'tp',
            reason: 'r',
          },
        ],
        missed: [{ file: 'keys.js', line: 3, category: 'static-iv', reason: 'r' }],
      }),
    );
    const out = join(tmp, 'e2e.json');
    const r = run('--mirror', mirror, '--repos', join(list, 'repos.json'), '--json', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const res = JSON.parse(readFileSync(out, 'utf8')) as {
      rows: {
        name: string;
        lines: number;
        findings: number;
        places: number;
        tp: number;
        unlabelled: number;
        precision: number;
        missed: number;
      }[];
      totals: { withheld: { testFixtures: number; examples: number } };
      unlabelled: { file: string; category: string }[];
    };
    expect(res.rows).toHaveLength(1);
    expect(res.rows[0]).toMatchObject({ name: 'demo', lines: 3, tp: 1, missed: 1, precision: 1 });
    expect(res.rows[0]).toMatchObject({ withheld: { testFixtures: 1, examples: 0 } });
    expect(res.totals.withheld).toEqual({ testFixtures: 1, examples: 0 });
    expect(res.unlabelled.map((u) => u.file)).not.toContain('test/fixtures/server.key');
    expect(res.unlabelled.map((u) => u.file)).not.toContain('test/fixtures/other.key');
    // the copy of server.key is the finding's second place, not a finding of its own
    expect(res.rows[0]!.places).toBe(res.rows[0]!.findings + 1);
    expect(res.unlabelled.length).toBe(res.rows[0]!.unlabelled);
    expect(res.unlabelled).toContainEqual(expect.objectContaining({ file: 'keys.js', category: 'weak-randomness' }));
    expect(r.stdout).toMatch(/^demo\s+3\s/m);
    expect(r.stdout).toMatch(/^demo\s.*\s1\/0\s/m);
    expect(r.stdout).toMatch(/unlabelled finding\(s\)/);
    expect(r.stdout).not.toContain('PRIVATE KEY');
  });
});
