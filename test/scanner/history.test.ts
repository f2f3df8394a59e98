/**
 * Git history: a throwaway repository is built in a temp dir at test time (git init, commit a generated
 * fake key, delete it, commit). Nothing here is committed to this repository's own history.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { audit } from '../../src/scanner/index.js';

const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const token = (): string => `glpat-${Array.from(randomBytes(24), (b) => alnum[b % 62]).join('')}`;
const dirs: string[] = [];

function repo(): { dir: string; git: (...args: string[]) => string; commit: (msg: string) => string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'kh-history-'));
  dirs.push(dir);
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'T',
    GIT_AUTHOR_EMAIL: 't@example.invalid',
    GIT_COMMITTER_NAME: 'T',
    GIT_COMMITTER_EMAIL: 't@example.invalid',
  };
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
      cwd: dir,
      env,
      encoding: 'utf8',
    }).trim();
  git('init', '-q');
  const commit = (msg: string): string => {
    git('add', '-A');
    git('commit', '-q', '--allow-empty', '-m', msg);
    return git('rev-parse', 'HEAD');
  };
  return { dir, git, commit };
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('history', () => {
  it('reports a key committed and then deleted, with the commit that added it', async () => {
    const { dir, commit } = repo();
    writeFileSync(path.join(dir, 'README.md'), '# app\n');
    commit('init');
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const t = token();
    writeFileSync(path.join(dir, 'deploy.key'), pem);
    writeFileSync(path.join(dir, 'ci.sh'), `#!/bin/sh\nexport GITLAB_TOKEN=${t}\n`);
    const added = commit('add key');
    unlinkSync(path.join(dir, 'deploy.key'));
    writeFileSync(path.join(dir, 'ci.sh'), '#!/bin/sh\nexport GITLAB_TOKEN="$CI_TOKEN"\n');
    commit('remove key');

    const r = await audit({ root: dir, history: true, workers: 1 });
    expect(r.findings.map((f) => `${f.location.file}:${f.location.line} ${f.ruleId} ${f.origin}`).sort()).toEqual([
      'ci.sh:2 keyhygiene/secret-in-history history',
      'deploy.key:1 keyhygiene/secret-in-history history',
    ]);
    expect(r.findings.every((f) => f.commit?.sha === added && f.category === 'unsafe-deletion')).toBe(true);
    const json = JSON.stringify(r);
    expect(json).not.toContain(t);
    expect(json).not.toContain(pem.split('\n')[1]!);
    // Without --history the working tree is clean.
    expect((await audit({ root: dir, workers: 1 })).findings).toEqual([]);
  });

  it('does not report a key that is still in HEAD as a history finding', async () => {
    const { dir, commit } = repo();
    const t = token();
    writeFileSync(path.join(dir, 'a.sh'), `export GITLAB_TOKEN=${t}\n`);
    commit('add');
    writeFileSync(path.join(dir, 'a.sh'), `# moved\nexport GITLAB_TOKEN=${t}\n`);
    commit('move');
    const r = await audit({ root: dir, history: true, workers: 1 });
    expect(r.findings.map((f) => `${f.location.file}:${f.location.line} ${f.origin}`)).toEqual(['a.sh:2 config']);
  });

  it('limits history to commits after --since', async () => {
    const { dir, commit } = repo();
    writeFileSync(path.join(dir, 'old.sh'), `export GITLAB_TOKEN=${token()}\n`);
    commit('old leak');
    unlinkSync(path.join(dir, 'old.sh'));
    const base = commit('old fix');
    writeFileSync(path.join(dir, 'new.sh'), `export GITLAB_TOKEN=${token()}\n`);
    commit('new leak');
    unlinkSync(path.join(dir, 'new.sh'));
    commit('new fix');
    const all = await audit({ root: dir, history: true, workers: 1 });
    expect(all.findings.map((f) => f.location.file).sort()).toEqual(['new.sh', 'old.sh']);
    const pr = await audit({ root: dir, history: true, since: base, workers: 1 });
    expect(pr.findings.map((f) => f.location.file)).toEqual(['new.sh']);
  });

  it('turns a broken repository into a git-error skip and completes the rest of the scan', async () => {
    const { dir, commit } = repo();
    const t = token();
    writeFileSync(path.join(dir, 'live.sh'), `export GITLAB_TOKEN=${t}\n`);
    commit('one');
    // Break the object store: remove every loose object.
    const objects = path.join(dir, '.git/objects');
    for (const d of readdirSync(objects).filter((n) => /^[0-9a-f]{2}$/.test(n)))
      rmSync(path.join(objects, d), { recursive: true, force: true });
    const r = await audit({ root: dir, history: true, workers: 1 });
    expect(r.findings.map((f) => f.location.file)).toEqual(['live.sh']);
    expect(r.skipped.map((s) => s.reason)).toEqual(['git-error']);
    expect(r.partial).toBe(true);
  });

  it('reports a directory that is not a git repository as a git-error skip', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kh-nogit-'));
    dirs.push(dir);
    const r = await audit({ root: dir, history: true, workers: 1 });
    expect(r.skipped).toMatchObject([{ reason: 'git-error' }]);
  });

  it('caches the history scan under the ref state, and scans again when a ref moves', async () => {
    const { dir, commit } = repo();
    writeFileSync(path.join(dir, 'README.md'), '# app\n');
    commit('init');
    writeFileSync(path.join(dir, 'ci.sh'), `#!/bin/sh\nexport GITLAB_TOKEN=${token()}\n`);
    commit('add token');
    writeFileSync(path.join(dir, 'ci.sh'), '#!/bin/sh\nexport GITLAB_TOKEN="$CI_TOKEN"\n');
    commit('remove token');
    const cache = path.join(mkdtempSync(path.join(tmpdir(), 'kh-history-cache-')));
    dirs.push(cache);
    const run = async (): Promise<{ lines: string[]; files: string[] }> => {
      const lines: string[] = [];
      const r = await audit({ root: dir, history: true, workers: 1, cache, debug: (l) => lines.push(l) });
      return { lines, files: r.findings.filter((f) => f.origin === 'history').map((f) => f.location.file) };
    };
    const first = await run();
    expect(first.files).toEqual(['ci.sh']);
    expect(first.lines).not.toContain('history: from cache');
    const second = await run();
    expect(second.files).toEqual(['ci.sh']);
    expect(second.lines).toContain('history: from cache');
    writeFileSync(path.join(dir, 'NOTES.md'), 'moved\n');
    commit('move HEAD');
    const third = await run();
    expect(third.files).toEqual(['ci.sh']);
    expect(third.lines).not.toContain('history: from cache');
  });
});
