/**
 * Issue 15: no line over 120 columns in any file under `src/` or `rules/`. Prettier (printWidth 120) breaks code
 * but never a long string, regex or comment, so those have to be split by hand; this test keeps them split. A
 * failure lists every offending `file:line` with its width.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAX_COLUMNS = 120;

/** Every file under `dir` (relative to the repository root), depth first, in name order. */
const filesUnder = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const rel = `${dir}/${entry.name}`;
      return entry.isDirectory() ? filesUnder(rel) : entry.isFile() ? [rel] : [];
    });

/**
 * `path:line (N columns)` for each line of `text` wider than `MAX_COLUMNS`. Width counts code points, so a
 * non-ASCII character is one column, as an editor shows it.
 */
function longLines(path: string, text: string): string[] {
  return text.split(/\r?\n/).flatMap((line, i) => {
    const width = [...line].length;
    return width > MAX_COLUMNS ? [`${path}:${i + 1} (${width} columns)`] : [];
  });
}

describe(`no line over ${MAX_COLUMNS} columns in src/ and rules/ (issue 15)`, () => {
  it('reports each line over the limit with its file, line number and width', () => {
    const text = ['ok', 'x'.repeat(120), 'y'.repeat(121), `'${'é'.repeat(118)}'`, `${'z'.repeat(130)}\r`, 'end'].join(
      '\n',
    );
    expect(longLines('src/planted.ts', text)).toEqual([
      'src/planted.ts:3 (121 columns)',
      'src/planted.ts:5 (130 columns)',
    ]);
    expect(longLines('src/empty.ts', '')).toEqual([]);
  });

  it('walks every file under src/ and rules/ (the check is not vacuous)', () => {
    const files = [...filesUnder('src'), ...filesUnder('rules')];
    expect(files.length).toBeGreaterThan(100);
    for (const f of ['src/catalogue/iac.ts', 'src/catalogue/names.ts', 'rules/index.ts']) expect(files).toContain(f);
    expect(files.some((f) => f.startsWith('src/catalogue/providers/'))).toBe(true);
  });

  it('has no line over the limit', () => {
    const files = [...filesUnder('src'), ...filesUnder('rules')];
    const long = files.flatMap((f) => longLines(f, readFileSync(join(ROOT, f), 'utf8')));
    expect(long).toEqual([]);
  });
});
