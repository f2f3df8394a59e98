/**
 * The accuracy corpus and its harness: labels are well-formed, nothing in the code or the file names hints
 * at a label, scoring is right on toy input, and the harness runs end to end on a small subset.
 * (Speed is measured only in bench/speed.mjs, never here.)
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATEGORIES, metrics, score, total, type Label } from '../../bench/lib/score.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const CORPUS = join(ROOT, 'fixtures', 'bench');
const META = new Set(['labels.json', 'negatives.json', 'README.md']);
const walk = (d: string): string[] =>
  readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
const corpusFiles = walk(CORPUS)
  .map((f) => relative(CORPUS, f).split(sep).join('/'))
  .filter((f) => !META.has(f));
const labels = JSON.parse(readFileSync(join(CORPUS, 'labels.json'), 'utf8')) as Label[];
const negatives = JSON.parse(readFileSync(join(CORPUS, 'negatives.json'), 'utf8')) as {
  file: string;
  line: number;
  kind: string;
}[];
const lines = new Map(corpusFiles.map((f) => [f, readFileSync(join(CORPUS, f), 'utf8').split('\n')]));

describe('fixtures/bench labels', () => {
  it('are well-formed: known category, existing file, a non-blank line in range, no duplicates', () => {
    const seen = new Set<string>();
    for (const l of labels) {
      expect(
        Object.keys(l).filter((k) => !['file', 'line', 'category', 'alt'].includes(k)),
        JSON.stringify(l),
      ).toEqual([]);
      expect(CATEGORIES, JSON.stringify(l)).toContain(l.category);
      const src = lines.get(l.file);
      expect(src, `${l.file} exists`).toBeDefined();
      for (const n of [l.line, ...(l.alt ?? [])]) {
        expect(Number.isInteger(n) && n >= 1 && n <= src!.length, `${l.file}:${n} in range`).toBe(true);
        expect(src![n - 1]!.trim(), `${l.file}:${n} is not blank`).not.toBe('');
      }
      const key = `${l.file}:${l.line}:${l.category}`;
      expect(seen.has(key), `duplicate ${key}`).toBe(false);
      seen.add(key);
    }
  });

  it('cover every category, with enough positives and hard negatives overall', () => {
    for (const c of CATEGORIES) expect(labels.filter((l) => l.category === c).length, c).toBeGreaterThanOrEqual(5);
    expect(labels.length).toBeGreaterThanOrEqual(140);
    expect(negatives.length).toBeGreaterThanOrEqual(100);
    for (const kind of [
      'public-key',
      'placeholder',
      'integrity-hash',
      'uuid',
      'ui-random',
      'env-key',
      'rotated-cdk',
      'wiped-buffer',
      'asymmetric-kms',
      'test-dummy',
    ]) {
      expect(
        negatives.some((n) => n.kind === kind),
        kind,
      ).toBe(true);
    }
  });

  it('hard negatives point at real lines that carry no label', () => {
    const labelled = new Set(labels.map((l) => `${l.file}:${l.line}`));
    for (const n of negatives) {
      expect(lines.get(n.file)?.[n.line - 1]?.trim(), `${n.file}:${n.line}`).toBeTruthy();
      expect(labelled.has(`${n.file}:${n.line}`), `${n.file}:${n.line} is both`).toBe(false);
    }
  });

  it('has code in .ts/.js and config in .env, JSON and YAML', () => {
    expect(corpusFiles.filter((f) => /\.tsx?$/.test(f)).length).toBeGreaterThanOrEqual(20);
    expect(corpusFiles.filter((f) => /\.js$/.test(f)).length).toBeGreaterThanOrEqual(5);
    expect(corpusFiles.some((f) => /(^|\/)\.env/.test(f))).toBe(true);
    expect(corpusFiles.some((f) => f.endsWith('.json'))).toBe(true);
    expect(corpusFiles.some((f) => /\.ya?ml$/.test(f))).toBe(true);
  });
});

describe('no label hint leaks into the corpus', () => {
  // Words that would tell a tool (or a reader) which lines are labelled.
  const HINT =
    /fake|weak|insecure|unsafe|vulnerab|compliant|\bpositive|\bnegative|\blabel|\bbad\b|\bgood|leak|eslint-disable|keyhygiene-allow|nosec|static[-_ ]?iv|hard[-_ ]?coded|missing[-_ ]?rotation|logged[-_ ]?key|password[-_ ]?as[-_ ]?key|\bTODO\b|\bFIXME\b|@@/i;

  it('not in file or directory names', () => {
    for (const f of corpusFiles) expect(HINT.test(f), f).toBe(false);
  });

  it('not in code, comments or values', () => {
    const hits: string[] = [];
    for (const [f, src] of lines)
      src.forEach((text, i) => HINT.test(text) && hits.push(`${f}:${i + 1}: ${text.trim()}`));
    expect(hits).toEqual([]);
  });

  it('labels only in labels.json: the README says every credential is fake, the code does not', () => {
    expect(readFileSync(join(CORPUS, 'README.md'), 'utf8')).toMatch(/every credential[^.]*is fake/i);
  });
});

const L = (file: string, line: number, category: string, alt?: number[]): Label => ({
  file,
  line,
  category,
  ...(alt ? { alt } : {}),
});

describe('scoring', () => {
  it('counts TP, FP, FN on a toy input, with ±1 line tolerance and alt lines', () => {
    const labels = [
      L('a.ts', 10, 'hardcoded-key'),
      L('a.ts', 20, 'static-iv', [30]),
      L('b.ts', 5, 'logged-key'),
      L('b.ts', 40, 'hardcoded-key'),
    ];
    const findings = [
      { file: 'a.ts', line: 11, category: 'hardcoded-key' }, // TP (±1)
      { file: 'a.ts', line: 30, category: 'static-iv' }, // TP via alt
      { file: 'a.ts', line: 20, category: 'static-iv' }, // same mistake again: dup, not FP
      { file: 'b.ts', line: 5, category: 'hardcoded-key' }, // wrong category: FP
      { file: 'b.ts', line: 42, category: 'hardcoded-key' }, // 2 lines away: FP, and label 40 is FN
      { file: 'b.ts', line: 42, category: 'hardcoded-key' }, // exact duplicate finding counts once
    ];
    const s = score(labels, findings);
    expect(s.perCategory['hardcoded-key']).toEqual({ tp: 1, fp: 2, fn: 1, dup: 0 });
    expect(s.perCategory['static-iv']).toEqual({ tp: 1, fp: 0, fn: 0, dup: 1 });
    expect(s.perCategory['logged-key']).toEqual({ tp: 0, fp: 0, fn: 1, dup: 0 });
    const t = total(s.perCategory);
    expect(t).toEqual({ tp: 2, fp: 2, fn: 2, dup: 1 });
    expect(metrics(t)).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(metrics(s.perCategory['hardcoded-key']!)).toEqual({ precision: 1 / 3, recall: 0.5, f1: 0.4 });
    expect(metrics(s.perCategory['logged-key']!)).toEqual({ precision: null, recall: 0, f1: 0 });
    expect(metrics({ tp: 0, fp: 0, fn: 0 })).toEqual({ precision: null, recall: null, f1: null });
  });

  it('only scores the categories asked for', () => {
    const s = score([L('a.ts', 1, 'static-iv')], [{ file: 'a.ts', line: 1, category: 'weak-randomness' }], {
      categories: ['hardcoded-key'],
    });
    expect(s.perCategory).toEqual({ 'hardcoded-key': { tp: 0, fp: 0, fn: 0, dup: 0 } });
  });
});

describe('bench/accuracy.mjs end to end (needs dist/)', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'kh-bench-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scores keyhygiene on a toy corpus: one TP, one FP, one FN', () => {
    // Keys made at test time: nothing secret is committed.
    const k1 = randomBytes(32).toString('hex');
    const k2 = randomBytes(32).toString('hex');
    writeFileSync(
      join(dir, 'app.ts'),
      [
        `import jwt from 'jsonwebtoken';`,
        `export const a = jwt.sign({ sub: 1 }, '${k1}');`,
        ``,
        `export const b = jwt.sign({ sub: 2 }, '${k2}');`,
        ``,
        `export const c = 1;`,
        ``,
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'labels.json'),
      JSON.stringify([L('app.ts', 2, 'hardcoded-key'), L('app.ts', 6, 'hardcoded-key')]),
    );
    const out = join(dir, 'out.json');
    const stdout = execFileSync(
      process.execPath,
      [join(ROOT, 'bench', 'accuracy.mjs'), '--corpus', dir, '--tools', 'keyhygiene', '--json', out],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(stdout).toContain('keyhygiene');
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const hk = report.tools.keyhygiene.perCategory['hardcoded-key'];
    expect({ tp: hk.tp, fp: hk.fp, fn: hk.fn, precision: hk.precision, recall: hk.recall, f1: hk.f1 }).toEqual({
      tp: 1,
      fp: 1,
      fn: 1,
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
    });
    expect(stdout).not.toContain(k1);
  });

  it('runs every tool on a small subset of the real corpus in one run', () => {
    const only = 'services/billing-api/src/config.ts,services/billing-api/.env';
    const out = join(dir, 'subset.json');
    execFileSync(process.execPath, [join(ROOT, 'bench', 'accuracy.mjs'), '--only', only, '--json', out], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.files).toBe(2);
    expect(report.labels).toBe(labels.filter((l) => only.split(',').includes(l.file)).length);
    for (const tool of ['keyhygiene', 'no-secrets', 'security', 'sonarjs', 'secretlint'])
      expect(report.tools[tool], tool).toBeDefined();
    expect(report.tools.security.perCategory['hardcoded-key']).toEqual({ covered: false });
    expect(report.tools.secretlint.errors).toEqual([]);
  });
});
