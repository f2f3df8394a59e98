#!/usr/bin/env node
// Builds a throwaway git repository from fixtures/demo-app in a temp directory, with the history case
// of the audit: a signing key and a seed script with a live-format token are committed, then deleted.
// The keys are generated now (never committed to this repository). Prints the directory as the last line.
//
//   node scripts/make-demo-history.mjs [target-dir]
//   keyhygiene audit "$(node scripts/make-demo-history.mjs | tail -1)" --history
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'fixtures/demo-app');
const target = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'keyhygiene-demo-'));
mkdirSync(target, { recursive: true });
cpSync(source, target, {
  recursive: true,
  filter: (p) => !p.includes(`${join(source, 'expected')}`) && !p.includes('node_modules'),
});

const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Demo Dev',
  GIT_AUTHOR_EMAIL: 'dev@example.invalid',
  GIT_COMMITTER_NAME: 'Demo Dev',
  GIT_COMMITTER_EMAIL: 'dev@example.invalid',
};
const git = (...args) =>
  execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd: target,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });

git('init', '-q');
git('add', '-A');
git('commit', '-q', '-m', 'billing service');

// The mistake: a signing key and a seed script with a live token, committed...
const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
writeFileSync(join(target, 'config/legacy-signing.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const token = `sk_live_${Array.from(randomBytes(24), (b) => alnum[b % 62]).join('')}`;
mkdirSync(join(target, 'scripts'), { recursive: true });
writeFileSync(
  join(target, 'scripts/seed-billing.sh'),
  `#!/bin/sh\n# Seeds the staging billing account.\nset -eu\nexport STRIPE_SECRET_KEY=${token}\nnode scripts/seed.js\n`,
);
git('add', '-A');
git('commit', '-q', '-m', 'add signing key and seed script');

// ...and "fixed" by deleting them. The blobs stay in history.
rmSync(join(target, 'config/legacy-signing.pem'));
rmSync(join(target, 'scripts/seed-billing.sh'));
git('add', '-A');
git('commit', '-q', '-m', 'remove secrets');

console.log(target);
