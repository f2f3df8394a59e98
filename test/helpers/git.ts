/** Git repositories made at test time (the audit derives its fingerprint salt from the root commit). */
import { execFileSync } from 'node:child_process';

/** Runs git in `dir` with a throwaway identity; returns trimmed stdout. */
export const git = (dir: string, ...args: string[]): string =>
  execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    encoding: 'utf8',
  }).trim();

/** Makes `dir` a git repository with one empty root commit, as a CI checkout would be. */
export function initRepo(dir: string): void {
  execFileSync('git', ['init', '-q', dir]);
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'root');
}
