#!/usr/bin/env node
// `npm run demo`: installs what it needs, builds, and runs the main job on the bundled example:
// the repository audit over fixtures/demo-app (with the history case built in a throwaway repo),
// writing a text report to the terminal and demo-report.html beside this README.
// Before the audit CLI exists it falls back to ESLint with keyhygiene.configs.recommended.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });

if (!existsSync(join(root, 'node_modules/.package-lock.json'))) {
  console.log('Installing dependencies (npm ci)…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}
execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });

const demo = join(root, 'fixtures/demo-app');
const bin = join(root, 'dist/src/cli/bin.js');
const auditReady =
  existsSync(bin) && spawnSync(process.execPath, [bin, 'audit', '--help'], { encoding: 'utf8' }).status === 0;
let status;
if (auditReady) {
  let target = demo;
  const history = join(root, 'scripts/make-demo-history.mjs');
  if (existsSync(history)) {
    target = execFileSync(process.execPath, [history], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop();
  }
  const html = join(root, 'demo-report.html');
  console.log(
    `\nkeyhygiene audit ${target === demo ? 'fixtures/demo-app' : `${target} (a copy of fixtures/demo-app with git history)`}\n`,
  );
  status = run(process.execPath, [
    bin,
    'audit',
    target,
    ...(target === demo ? [] : ['--history']),
    '--format',
    'text',
    '--format',
    `html=${html}`,
    '--no-cache',
  ]).status;
  console.log(`\nHTML report: ${html}`);
} else {
  console.log('\nnpx eslint (keyhygiene.configs.recommended) over fixtures/demo-app\n');
  status = run(join(root, 'node_modules/.bin/eslint'), ['.'], { cwd: demo }).status;
}
// Findings are the point of the demo: exit 1 (findings) is success here.
process.exit(status === 0 || status === 1 ? 0 : (status ?? 2));
