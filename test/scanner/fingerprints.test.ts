/**
 * Salted fingerprints across runs, machines and formats: where the salt comes from (root commit, shallow
 * clone, salt file, cache, baseline), baseline matching after line moves and across two clones, the
 * one-time migration of a format-1 baseline, the cache and merged shards. Secrets are generated here.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFingerprinter, deriveRepoSalt, estimateEntropyBits, saltIdOf } from '../../src/detect/index.js';
import { runCli } from '../../src/cli/main.js';
import { memoryIo } from '../cli/helpers.js';
import { git } from '../helpers/git.js';
import { audit, loadBaseline, mergeResults, writeBaseline, type AuditResult } from '../../src/scanner/index.js';

const alnum = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** A short, human-looking password: the slow path. */
const password = (): string =>
  `${['sunny', 'dragon', 'monkey', 'tiger'][randomBytes(1)[0]! % 4]}${randomBytes(1)[0]! % 90}`;
const token = (): string => `ghp_${Array.from(randomBytes(36), (b) => alnum[b % 36]).join('')}`;

const tmp: string[] = [];
const mkdir = (prefix: string): string => {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  tmp.push(d);
  return d;
};
const write = (root: string, rel: string, text: string): void => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
};

let repo: string;
const secrets: string[] = [];

beforeAll(() => {
  repo = mkdir('kh-fp-repo-');
  git(repo, 'init', '-q');
  const pw = [password(), password()];
  const t = token();
  secrets.push(...pw, t);
  write(repo, '.env', `NODE_ENV=production\nDB_PASSWORD=${pw[0]}\nGITHUB_TOKEN=${t}\n`);
  write(repo, 'svc/.env', `ADMIN_PASSWORD=${pw[1]}\n`);
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'root');
});
afterAll(() => {
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});

const ids = (r: AuditResult): string[] =>
  r.findings.map((f) => `${f.location.file} ${f.ruleId} ${f.fingerprint}`).sort();
const secretFps = (r: AuditResult): string[] =>
  r.findings.flatMap((f) => (f.secret ? [f.secret.fingerprint] : [])).sort();

describe('the salt', () => {
  it('comes from the root commit, so every clone gets the same fingerprints', async () => {
    const clone = path.join(mkdir('kh-fp-clone-'), 'c');
    execFileSync('git', ['clone', '-q', repo, clone]);
    const a = await audit({ root: repo, workers: 1 });
    const b = await audit({ root: clone, workers: 1 });
    expect(a.fingerprints).toEqual({
      scheme: 'kh2',
      saltId: expect.stringMatching(/^[0-9a-f]{16}$/),
      saltSource: 'git',
      ids: 'anchor',
    });
    expect(b.fingerprints).toEqual(a.fingerprints);
    const root = git(repo, 'rev-list', '--max-parents=0', 'HEAD');
    expect(a.fingerprints!.saltId).toBe(saltIdOf(deriveRepoSalt([root])));
    expect(a.findings.length).toBe(3);
    expect(ids(b)).toEqual(ids(a));
    expect(secretFps(a).every((fp) => /^kh2:[0-9a-f]{12}$/.test(fp))).toBe(true);
  });

  it('gives another repository with the same secrets other fingerprints (nothing precomputed across repositories)', async () => {
    const other = mkdir('kh-fp-other-');
    git(other, 'init', '-q');
    for (const rel of ['.env', 'svc/.env']) write(other, rel, readFileSync(path.join(repo, rel), 'utf8'));
    git(other, 'add', '.');
    git(other, 'commit', '-q', '-m', 'another root');
    const a = await audit({ root: repo, workers: 1 });
    const b = await audit({ root: other, workers: 1 });
    expect(b.fingerprints!.saltId).not.toBe(a.fingerprints!.saltId);
    for (const fp of secretFps(b)) expect(secretFps(a)).not.toContain(fp);
  });

  it('takes a .keyhygiene-salt file over git, never reports it, and rejects a malformed one', async () => {
    const dir = mkdir('kh-fp-saltfile-');
    write(dir, '.env', readFileSync(path.join(repo, '.env'), 'utf8'));
    const salt = randomBytes(32);
    write(dir, '.keyhygiene-salt', `${salt.toString('hex')}\n`);
    const a = await audit({ root: dir, workers: 1 });
    const b = await audit({ root: dir, workers: 1 });
    expect(a.fingerprints).toMatchObject({ saltSource: 'salt-file', saltId: saltIdOf(salt) });
    expect(ids(b)).toEqual(ids(a));
    expect(a.findings.map((f) => f.location.file)).not.toContain('.keyhygiene-salt');
    write(dir, '.keyhygiene-salt', 'not hex');
    await expect(audit({ root: dir, workers: 1 })).rejects.toMatchObject({ code: 'E_CONFIG' });
  });

  it('outside git: random per run, kept by the cache so cached runs agree', async () => {
    const dir = mkdir('kh-fp-nogit-');
    write(dir, '.env', readFileSync(path.join(repo, '.env'), 'utf8'));
    const a = await audit({ root: dir, workers: 1 });
    const b = await audit({ root: dir, workers: 1 });
    expect(a.fingerprints!.saltSource).toBe('ephemeral');
    expect(b.fingerprints!.saltId).not.toBe(a.fingerprints!.saltId);
    const cache = path.join(mkdir('kh-fp-cache-'), 'c');
    const c1 = await audit({ root: dir, workers: 1, cache });
    const c2 = await audit({ root: dir, workers: 1, cache });
    expect([c1.fingerprints!.saltSource, c2.fingerprints!.saltSource]).toEqual(['ephemeral', 'cache']);
    expect(ids(c2)).toEqual(ids(c1));
  });

  it('in a shallow clone: from the boundary commit, and from the baseline when there is one', async () => {
    const shallow = path.join(mkdir('kh-fp-shallow-'), 's');
    git(repo, 'commit', '-q', '--allow-empty', '-m', 'second');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    const full = await audit({ root: repo, workers: 1 });
    const s = await audit({ root: shallow, workers: 1 });
    expect(s.fingerprints!.saltSource).toBe('git-shallow');
    expect(s.fingerprints!.saltId).not.toBe(full.fingerprints!.saltId);
    const file = path.join(mkdir('kh-fp-bl-'), 'baseline.json');
    await writeBaseline(file, full);
    const withBaseline = await audit({ root: shallow, workers: 1, baseline: file });
    expect(withBaseline.fingerprints).toMatchObject({ saltSource: 'baseline', saltId: full.fingerprints!.saltId });
    expect(withBaseline.findings.every((f) => f.suppression?.kind === 'baseline')).toBe(true);
    // A baseline committed at the default path sets the salt even for a run that does not apply it.
    writeFileSync(path.join(shallow, '.keyhygiene-baseline.json'), readFileSync(file));
    const plain = await audit({ root: shallow, workers: 1 });
    expect(plain.fingerprints).toMatchObject({ saltSource: 'baseline', saltId: full.fingerprints!.saltId });
    expect(ids(plain)).toEqual(ids(full));
    expect(plain.findings.some((f) => f.suppression)).toBe(false);
  });
});

describe('fingerprint scheme', () => {
  it('sends short or human-chosen values through scrypt and generated ones through HMAC, both salted', () => {
    for (const s of secrets.slice(0, 2)) expect(estimateEntropyBits(s)).toBeLessThan(80);
    expect(estimateEntropyBits(secrets[2]!)).toBeGreaterThanOrEqual(80);

    expect(estimateEntropyBits('postgres://app:dragon12@db:5432/app')).toBeLessThan(80);
    expect(estimateEntropyBits(`Basic ${Buffer.from('admin:dragon12').toString('base64')}`)).toBeLessThan(80);
    const salt = randomBytes(32);
    const fp = createFingerprinter(salt);
    const a = fp.secret(secrets[0]!);
    // Which path a value takes, shown without a clock: other scrypt parameters change the fingerprint of a
    // low-entropy value and leave a generated one's (HMAC) alone.
    const cheaper = createFingerprinter(salt, { scrypt: { N: 2 ** 10, r: 8, p: 1, dkLen: 32 } });
    expect(cheaper.secret(secrets[0]!).id).not.toBe(a.id);
    expect(cheaper.secret(secrets[2]!).id).toBe(fp.secret(secrets[2]!).id);
    expect(createFingerprinter(salt).secret(secrets[0]!).id).toBe(a.id);
    // Memoised: the second time returns the very same record, without a second scrypt.
    expect(fp.secret(secrets[0]!)).toBe(a);
    expect(createFingerprinter(randomBytes(32)).secret(secrets[0]!).id).not.toBe(a.id);
    expect(a.display).toMatch(/^kh2:[0-9a-f]{12}$/);
    expect(() => createFingerprinter(new Uint8Array(16))).toThrow(TypeError);
    expect(() => createFingerprinter(salt, { scrypt: { N: 2, r: 1, p: 1, dkLen: 32 } })).toThrow(RangeError);
  });
});

describe('baseline', () => {
  it('records the salt, holds no secret or bare hash, and still matches after lines move', async () => {
    const file = path.join(mkdir('kh-fp-bl-'), 'baseline.json');
    const before = await audit({ root: repo, workers: 1 });
    await writeBaseline(file, before, { reason: 'accepted' });
    const text = readFileSync(file, 'utf8');
    const b = await loadBaseline(file);
    expect(b.keyhygieneBaseline).toBe(3);
    expect(b.fingerprints?.salt).toMatch(/^[0-9a-f]{64}$/);
    for (const s of secrets) {
      expect(text).not.toContain(s);
      expect(text).not.toContain(createHash('sha256').update(s).digest('hex').slice(0, 16));
    }
    const env = readFileSync(path.join(repo, '.env'), 'utf8');
    writeFileSync(path.join(repo, '.env'), `# moved\n\n\n${env}`);
    try {
      const after = await audit({ root: repo, workers: 1, baseline: file });
      expect(after.findings.map((f) => f.location.line)).not.toEqual(before.findings.map((f) => f.location.line));
      expect(ids(after)).toEqual(ids(before));
      expect(
        after.findings.every((f) => f.suppression?.kind === 'baseline' && f.suppression.reason === 'accepted'),
      ).toBe(true);
    } finally {
      writeFileSync(path.join(repo, '.env'), env);
    }
  });

  it('written in one clone suppresses the same findings in another', async () => {
    const clone = path.join(mkdir('kh-fp-clone2-'), 'c');
    execFileSync('git', ['clone', '-q', repo, clone]);
    const file = path.join(mkdir('kh-fp-bl-'), 'baseline.json');
    await writeBaseline(file, await audit({ root: repo, workers: 1 }));
    const r = await audit({ root: clone, workers: 1, baseline: file });
    expect(r.findings).toHaveLength(3);
    expect(r.findings.every((f) => f.suppression?.kind === 'baseline')).toBe(true);
  });

  it('migrates a format-1 baseline once: old ids match, --update-baseline rewrites them with the salt', async () => {
    // Format 1, as keyhygiene 0.1 wrote it: bare SHA-256 of rule, path and the secret's own SHA-256.
    const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
    const oldId = (file: string, secret: string): string =>
      sha(`keyhygiene/secret-in-file\0${file}\0secret:${sha(secret)}`).slice(0, 32);
    const file = path.join(mkdir('kh-fp-v1-'), 'baseline.json');
    const v1 = {
      keyhygieneBaseline: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      entries: [
        {
          fingerprint: oldId('.env', secrets[0]!),
          ruleId: 'keyhygiene/secret-in-file',
          file: '.env',
          reason: 'old db',
        },
        {
          fingerprint: oldId('svc/.env', secrets[1]!),
          ruleId: 'keyhygiene/secret-in-file',
          file: 'svc/.env',
          reason: 'old admin',
          expires: '2999-12-31',
        },
      ],
    };
    writeFileSync(file, JSON.stringify(v1));
    const first = await audit({ root: repo, workers: 1, baseline: file });
    const suppressed = first.findings.filter((f) => f.suppression?.kind === 'baseline');
    expect(suppressed.map((f) => [f.location.file, f.suppression?.reason]).sort()).toEqual([
      ['.env', 'old db'],
      ['svc/.env', 'old admin'],
    ]);
    // The token was not in the old baseline and stays a finding.
    expect(first.findings.filter((f) => !f.suppression)).toHaveLength(1);

    await writeBaseline(file, first); // what --update-baseline does with this result
    const migrated = await loadBaseline(file);
    const text = readFileSync(file, 'utf8');
    expect(migrated.keyhygieneBaseline).toBe(3);
    for (const e of v1.entries) expect(text).not.toContain(e.fingerprint);
    expect(migrated.entries.find((e) => e.file === 'svc/.env')).toMatchObject({
      reason: 'old admin',
      expires: '2999-12-31',
    });
    expect(migrated.entries.find((e) => e.file === '.env' && e.reason === 'old db')).toBeDefined();

    const second = await audit({ root: repo, workers: 1, baseline: file });
    expect(
      second.findings
        .filter((f) => f.suppression?.kind === 'baseline')
        .map((f) => f.fingerprint)
        .sort(),
    ).toEqual(
      [
        ...suppressed.map((f) => f.fingerprint),
        ...first.findings.filter((f) => !f.suppression).map((f) => f.fingerprint),
      ].sort(),
    );
  });

  it('keyhygiene audit: notes an unmigrated baseline, and --update-baseline migrates it', async () => {
    const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
    const cwd = mkdir('kh-fp-cli-');
    const file = path.join(cwd, 'old-baseline.json');
    const entry = {
      fingerprint: sha(`keyhygiene/secret-in-file\0.env\0secret:${sha(secrets[0]!)}`).slice(0, 32),
      ruleId: 'keyhygiene/secret-in-file',
      file: '.env',
      reason: 'old db',
    };
    writeFileSync(file, JSON.stringify({ keyhygieneBaseline: 1, createdAt: '', entries: [entry] }));
    const run = async (...argv: string[]) => {
      const io = memoryIo(cwd);
      const code = await runCli(['audit', repo, '--no-cache', '--workers', '1', '--baseline', file, ...argv], io);
      return { code, stderr: io.stderr.text };
    };
    const before = await run();
    expect(before.code).toBe(1); // the token and the second password are not in the old baseline
    expect(before.stderr).toContain('has unsalted fingerprints (format 1); migrate it once with --update-baseline');
    const update = await run('--update-baseline');
    expect(update.code).toBe(0);
    expect(update.stderr).toMatch(
      /baseline written to .*\(3 findings recorded, migrated from format 1 to anchored fingerprints\)/,
    );
    const migrated = await loadBaseline(file);
    expect(migrated.keyhygieneBaseline).toBe(3);
    expect(migrated.entries.find((e) => e.file === '.env' && e.reason === 'old db')).toBeDefined();
    const after = await run();
    expect(after.code).toBe(0);
    expect(after.stderr).not.toContain('format 1');
  });

  it('refuses a format-2 baseline without a salt, and a result it did not see made', async () => {
    const file = path.join(mkdir('kh-fp-bad-'), 'baseline.json');
    writeFileSync(file, JSON.stringify({ keyhygieneBaseline: 2, entries: [] }));
    await expect(loadBaseline(file)).rejects.toMatchObject({ code: 'E_CONFIG' });
    const r = await audit({ root: repo, workers: 1 });
    await expect(writeBaseline(file, JSON.parse(JSON.stringify(r)) as AuditResult)).rejects.toMatchObject({
      code: 'E_USAGE',
    });
  });
});

describe('cache and merge', () => {
  it('keeps no bare hash in the cache and removes the old-format cache file', async () => {
    const cache = path.join(mkdir('kh-fp-cache-'), 'c');
    mkdirSync(cache, { recursive: true });
    writeFileSync(path.join(cache, 'results-v1.json'), '{}');
    await audit({ root: repo, workers: 1, cache });
    expect(existsSync(path.join(cache, 'results-v1.json'))).toBe(false);
    const text = readFileSync(path.join(cache, 'results-v2.json'), 'utf8');
    for (const s of secrets) {
      expect(text).not.toContain(s);
      expect(text).not.toContain(createHash('sha256').update(s).digest('hex').slice(0, 16));
    }
    expect(text).not.toContain('"salt"'); // a git repository's salt is derived, never stored
  });

  it('merges shards of one repository, and refuses results keyed with different salts', async () => {
    const full = await audit({ root: repo, workers: 1 });
    const parts = await Promise.all(
      [0, 1].map((index) => audit({ root: repo, workers: 1, shard: { index, count: 2 } })),
    );
    const merged = mergeResults(parts);
    expect(merged.fingerprints).toEqual(full.fingerprints);
    expect(ids(merged)).toEqual(ids(full));
    const dir = mkdir('kh-fp-nogit2-');
    write(dir, '.env', readFileSync(path.join(repo, '.env'), 'utf8'));
    const other = await audit({ root: dir, workers: 1, shard: { index: 1, count: 2 } });
    expect(() => mergeResults([parts[0]!, other])).toThrow(/different salts/);
  });
});
