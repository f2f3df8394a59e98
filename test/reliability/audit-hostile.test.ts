/**
 * The audit on hostile trees, through the installed CLI (dist/src/cli/bin.js, built by `npm run build`)
 * and the `audit()` API: syntax errors (TS, JSX, half-written), binary files, a 50 MB file, non-UTF-8
 * text, symlink loops, unreadable directories, a FIFO, a `.git` with a corrupt pack or loose object,
 * and paths with spaces, newlines and unicode. Each is skipped or reported with a reason, the run
 * completes, and the exit code follows the contract (0 clean / 1 findings / 2 usage or internal).
 *
 * Unreadable directories: `chmod 000` blocks nobody when the tests run as root (CI does). As root the
 * test asserts what it can: a symlink whose target fails to resolve with ENOTDIR, and a file link whose
 * read fails (EIO from /proc/self/mem), both reported as `unreadable`. As non-root it asserts EACCES.
 * Everything is created at test time in a temp directory; the 50 MB file is sparse.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/scanner/index.js';
import type { AuditResult } from '../../src/report/types.js';
import { base62, crc32 } from '../../src/catalogue/providers/checksums.js';

const BIN = fileURLToPath(new URL('../../dist/src/cli/bin.js', import.meta.url));
const IS_ROOT = process.getuid?.() === 0;
const tmp = mkdtempSync(path.join(tmpdir(), 'kh-hostile-'));

function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.email=t@example.invalid', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args],
    { cwd, stdio: 'pipe' },
  ).toString();
}

function write(root: string, rel: string, data: string | Buffer): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), data);
}

/** Builds the hostile tree (no finding in it: every code file is clean or broken). */
function hostileTree(root: string): void {
  mkdirSync(root, { recursive: true });
  git(root, 'init', '-q');
  write(root, 'src/ok.ts', 'export const answer = 42;\n');
  write(root, 'src/broken.ts', 'export const x = {\n  a: (1,\n');
  write(root, 'src/broken.tsx', 'export const A = () => <div>{</div>;\n');
  write(root, 'src/half.js', 'function half(');
  write(root, 'src/decorators.ts', '@Component({ selector: \n class A {}\n');
  write(root, 'src/blob.bin', randomBytes(4096));
  write(root, 'src/image.png', Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(512)]));
  write(root, 'latin1.txt', Buffer.from('caf\xe9 = "r\xe9sum\xe9"\n', 'latin1'));
  write(root, 'with space/a b.ts', 'export const y = 1;\n');
  write(root, 'uni-ü日本/ключ.ts', 'export const z = 2;\n');
  write(root, 'new\nline.ts', 'export const n = 3;\n');
  write(root, 'emoji-🔑.env.example', 'API_KEY=changeme\n');
  symlinkSync('.', path.join(root, 'loop'));
  symlinkSync('b-link', path.join(root, 'a-link'));
  symlinkSync('a-link', path.join(root, 'b-link'));
  execFileSync('mkfifo', [path.join(root, 'pipe.env')]);
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'init');
  // After the commit, so git never reads them: a 50 MB sparse file and an unreadable directory.
  writeFileSync(path.join(root, 'big.js'), '');
  truncateSync(path.join(root, 'big.js'), 50 * 1024 * 1024);
  write(root, 'locked/inner.ts', 'export const w = 4;\n');
  chmodSync(path.join(root, 'locked'), 0o000);
  if (IS_ROOT) {
    // What fails for root too: a link through a regular file (ENOTDIR) and a read that errors (EIO).
    symlinkSync('src/ok.ts/child', path.join(root, 'through-file'));
    symlinkSync('/proc/self/mem', path.join(root, 'mem.env'));
  }
}

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  json?: AuditResult;
}

function runCli(args: string[], jsonOut?: string): CliRun {
  const r = spawnSync(
    process.execPath,
    [BIN, 'audit', ...args, ...(jsonOut ? ['--format', `json=${jsonOut}`] : []), '--no-progress'],
    {
      encoding: 'utf8',
      timeout: 180_000,
      env: { ...process.env, NO_COLOR: '1', CI: '1' },
    },
  );
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    ...(jsonOut && existsSync(jsonOut) ? { json: JSON.parse(readFileSync(jsonOut, 'utf8')) as AuditResult } : {}),
  };
}

const skipOf = (r: AuditResult): string[] => r.skipped.map((s) => `${s.file} ${s.reason}`).sort();

const EXPECTED_SKIPS = [
  'a-link symlink-loop',
  'b-link symlink-loop',
  'big.js too-large',
  'latin1.txt encoding',
  'loop symlink-loop',
  'src/blob.bin binary',
  'src/broken.ts syntax-error',
  'src/broken.tsx syntax-error',
  'src/decorators.ts syntax-error',
  'src/half.js syntax-error',
  ...(IS_ROOT ? ['mem.env unreadable', 'through-file unreadable'] : ['locked unreadable']),
].sort();

beforeAll(() => {
  expect(existsSync(BIN), 'dist/src/cli/bin.js (npm run build)').toBe(true);
});

afterAll(() => {
  for (const d of readdirSync(tmp)) {
    const locked = path.join(tmp, d, 'locked');
    if (existsSync(locked)) chmodSync(locked, 0o700);
  }
  rmSync(tmp, { recursive: true, force: true });
});

describe('audit on a hostile tree', () => {
  const root = path.join(tmp, 'tree');
  beforeAll(() => hostileTree(root));

  it('CLI: completes, exits 0 (no finding), and the JSON says partial with a reason per skipped path', () => {
    const out = path.join(tmp, 'tree.json');
    const r = runCli([root], out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toBeDefined();
    const j = r.json!;
    expect(j.partial).toBe(true);
    expect(skipOf(j)).toEqual(EXPECTED_SKIPS);
    for (const s of j.skipped)
      expect(s.reason).toMatch(/^(syntax-error|binary|too-large|unreadable|symlink-loop|encoding|git-error)$/);
    // The detail says why, in one line, and syntax errors carry their position.
    for (const s of j.skipped.filter((x) => x.reason === 'syntax-error')) expect(s.detail).toMatch(/^\d+:\d+ /);
    expect(j.skipped.find((s) => s.file === 'big.js')?.detail).toBe(`${50 * 1024 * 1024} bytes > ${5 * 1024 * 1024}`);
    if (!IS_ROOT) expect(j.skipped.find((s) => s.file === 'locked')?.detail).toBe('EACCES');
    else expect(j.skipped.find((s) => s.file === 'through-file')?.detail).toBe('ENOTDIR');
    expect(j.findings).toEqual([]);
    expect(r.stderr).toMatch(/partial scan: \d+ files skipped/);
    // The FIFO is not a regular file: never opened (the run would hang), never reported as scanned.
    expect(r.stderr).not.toContain('pipe.env');
  }, 200_000);

  it('CLI text report: paths with spaces, newlines and unicode are scanned and their names survive', () => {
    // A finding in each odd path proves they are read, and shows how the report prints their names.
    const odd = path.join(tmp, 'odd');
    mkdirSync(odd);
    // One token per file: one value in three files would be one finding with three places (one per secret).
    const tokenOf = (): string => {
      const body = randomBytes(27).toString('base64url').replace(/[-_]/g, 'a').slice(0, 30);
      return `ghp_${body}${base62(crc32(body), 6)}`; // with GitHub's CRC-32 tail: a token at full severity
    };
    const tokens = ['with space/a b.env', 'uni-ü日本/ключ.env', 'new\nline.env'].map((rel) => {
      const token = tokenOf();
      write(odd, rel, `GITHUB_TOKEN=${token}\n`);
      return token;
    });
    const out = path.join(tmp, 'odd.json');
    const r = runCli([odd], out);
    expect(r.code, r.stderr).toBe(1);
    const files = [...new Set(r.json!.findings.map((f) => f.location.file))].sort();
    expect(files).toEqual(['new\nline.env', 'uni-ü日本/ключ.env', 'with space/a b.env'].sort());
    expect(r.json!.partial).toBe(false);
    const text = spawnSync(process.execPath, [BIN, 'audit', odd, '--no-progress', '--no-cache'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', CI: '1' },
    });
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('with space/a b.env');
    expect(text.stdout).toContain('uni-ü日本/ключ.env');
    for (const token of tokens) expect(text.stdout).not.toContain(token);
  }, 200_000);

  it('the audit() API gives the same skips, and a 50 MB file under a raised limit is scanned, not crashed on', async () => {
    const r = await audit({ root, workers: 1 });
    expect(skipOf(r)).toEqual(EXPECTED_SKIPS);
    expect(r.partial).toBe(true);
    // A real 50 MB text file (repeated lines, not sparse) with a raised limit: read, scanned, no exception.
    const bigRoot = path.join(tmp, 'big');
    mkdirSync(bigRoot);
    const line = 'export const value = "not a secret at all";\n';
    writeFileSync(path.join(bigRoot, 'huge.txt'), line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));
    const started = Date.now();
    const big = await audit({ root: bigRoot, workers: 1, maxFileBytes: 64 * 1024 * 1024 });
    expect(big.findings).toEqual([]);
    expect(big.skipped).toEqual([]);
    expect(big.stats.bytes).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    expect(Date.now() - started).toBeLessThan(120_000);
  }, 200_000);

  it('exit 2 on usage errors: a missing directory and a bad option, one line plus a hint', () => {
    const missing = runCli([path.join(tmp, 'does-not-exist')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.split('\n')[0]).toMatch(/^keyhygiene: /);
    const bad = runCli([root, '--shard', '5/4']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/hint:/);
  }, 60_000);
});

describe('audit --history on a .git with broken objects', () => {
  /** A repo whose deleted file's blob is only in git objects; `corrupt` breaks it. */
  function brokenRepo(name: string, corrupt: (gitDir: string, blob: string) => void): string {
    const root = path.join(tmp, name);
    mkdirSync(root);
    git(root, 'init', '-q');
    write(root, 'README.md', '# x\n');
    write(root, 'old.env', `NOTE=${randomBytes(8).toString('hex')}\n`);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'one');
    const blob = git(root, 'rev-parse', 'HEAD:old.env').trim();
    git(root, 'rm', '-q', 'old.env');
    git(root, 'commit', '-qm', 'two');
    corrupt(path.join(root, '.git'), blob);
    return root;
  }

  const flip = (file: string, at: (size: number) => number): void => {
    chmodSync(file, 0o644);
    const b = readFileSync(file);
    const i = at(b.length);
    for (let k = i; k < Math.min(b.length, i + 16); k++) b[k] = b[k]! ^ 0xff;
    writeFileSync(file, b);
  };

  it('a corrupt loose object: the run completes, exit 0, skipped .git git-error, partial', () => {
    const root = brokenRepo('loose', (gitDir, blob) =>
      flip(path.join(gitDir, 'objects', blob.slice(0, 2), blob.slice(2)), (n) => Math.floor(n / 2)),
    );
    const r = runCli([root, '--history'], path.join(tmp, 'loose.json'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.json!.partial).toBe(true);
    expect(skipOf(r.json!)).toEqual(['.git git-error']);
    expect(r.json!.skipped[0]!.detail).toBeTruthy();
  }, 120_000);

  it('a corrupt pack file: the run completes, exit 0, skipped .git git-error, partial', () => {
    const root = brokenRepo('pack', (gitDir) => {
      execFileSync('git', ['repack', '-adq'], { cwd: path.dirname(gitDir) });
      const pack = readdirSync(path.join(gitDir, 'objects/pack')).find((f) => f.endsWith('.pack'))!;
      // Past the 12-byte header: garbles the compressed objects.
      flip(path.join(gitDir, 'objects/pack', pack), () => 12);
    });
    const r = runCli([root, '--history'], path.join(tmp, 'pack.json'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.json!.partial).toBe(true);
    expect(skipOf(r.json!)).toEqual(['.git git-error']);
  }, 120_000);

  it('a .git that is not a repository at all (garbage HEAD): git-error, not a crash', async () => {
    const root = path.join(tmp, 'garbage');
    mkdirSync(path.join(root, '.git'), { recursive: true });
    writeFileSync(path.join(root, '.git/HEAD'), randomBytes(64));
    write(root, 'a.ts', 'export const a = 1;\n');
    const r = await audit({ root, workers: 1, history: true });
    expect(skipOf(r)).toEqual(['.git git-error']);
    expect(r.partial).toBe(true);
  }, 60_000);
});
