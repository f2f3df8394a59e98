import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// bench/lib/heap-summary.mjs reads a sampling heap profile (V8's `{ head }` call tree with `selfSize` per node) and
// sums it by file, by allocating function, and inclusively under the functions whose URL matches `--filter`.

const SCRIPT = fileURLToPath(new URL('../../bench/lib/heap-summary.mjs', import.meta.url));
const frame = (functionName: string, url: string, lineNumber = 0) => ({ functionName, url, lineNumber });
const MiB = 1048576;
const profile = {
  head: {
    callFrame: frame('(root)', ''),
    selfSize: 0,
    children: [
      {
        callFrame: frame('lint', 'file:///x/dist/rules/a.js', 9),
        selfSize: 1 * MiB,
        children: [
          {
            callFrame: frame('parse', 'file:///x/node_modules/parser/index.js', 4),
            selfSize: 4 * MiB,
            children: [],
          },
          // Recursion: `lint` is charged once for what its inner call allocates.
          { callFrame: frame('lint', 'file:///x/dist/rules/a.js', 9), selfSize: 2 * MiB, children: [] },
        ],
      },
      { callFrame: frame('gc', ''), selfSize: 3 * MiB, children: [] },
    ],
  },
};

function summary(...args: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'kh-heap-summary-'));
  const file = join(dir, 'profile.json');
  writeFileSync(file, JSON.stringify(profile));
  return execFileSync(process.execPath, [SCRIPT, file, ...args], { encoding: 'utf8' });
}

describe('bench/lib/heap-summary.mjs', () => {
  it('sums allocations by file and by function', () => {
    const out = summary();
    expect(out).toMatch(/^10\.0 MiB allocated/);
    expect(out).toMatch(/4\.0 MiB\s+40\.0%\s+nm:parser\/index\.js\n/);
    expect(out).toMatch(/3\.0 MiB\s+30\.0%\s+dist\/rules\/a\.js\n/);
    expect(out).toMatch(/3\.0 MiB\s+30\.0%\s+lint {2}dist\/rules\/a\.js:10\n/);
    expect(out).not.toContain('inclusive');
  });

  it('charges a filtered function for everything allocated under it, once', () => {
    const out = summary('--filter', '/dist/');
    const inclusive = out.slice(out.indexOf('inclusive'));
    expect(inclusive).toMatch(/7\.0 MiB\s+70\.0%\s+lint {2}dist\/rules\/a\.js:10\n/);
    expect(inclusive).not.toContain('parse');
  });
});
