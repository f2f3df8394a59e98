#!/usr/bin/env node
// `npm run bench`: builds, then runs every bench/*.mjs section in one process tree, in order, so all
// figures (and the peers they are compared with) come from the same run on the same machine.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
const sections = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.mjs'))
  .sort()
  .concat('real-repos/run.mjs'); // hand-labelled public repositories; skips in one line when no snapshot is there
let failed = 0;
for (const s of sections) {
  console.log(`\n=== bench/${s} ===`);
  try {
    execFileSync(process.execPath, [join(root, 'bench', s), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  } catch {
    failed++;
    console.error(`bench/${s} failed`);
  }
}
process.exit(failed ? 1 : 0);
