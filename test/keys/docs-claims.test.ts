/**
 * What docs/keys.md claims about the key manager, checked: the hardening review table names only test
 * files and tests that exist, the package maps the subpaths the docs name, the `openKeyring` examples
 * pass `create: true`, and no line of the key manager's sources is over 120 columns (issue 15).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (p: string): string => readFileSync(join(ROOT, p), 'utf8');
const docs = read('docs/keys.md');

function section(md: string, heading: string): string {
  const start = md.indexOf(`## ${heading}`);
  expect(start, `docs/keys.md has no "## ${heading}"`).toBeGreaterThanOrEqual(0);
  const next = md.indexOf('\n## ', start + 3);
  return md.slice(start, next < 0 ? undefined : next);
}

describe('docs/keys.md', () => {
  it('every test the hardening review table names exists, in the file it names', () => {
    const table = section(docs, 'Hardening review: item → fix → test');
    const rows = table
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| Item') && !l.startsWith('| ---'));
    expect(rows.length).toBeGreaterThanOrEqual(30);
    let cited = 0;
    for (const row of rows) {
      const cell = row.split(' | ').at(-1)!;
      const refs = [...cell.matchAll(/`(test\/[^`]+\.test\.ts)` › "([^"]+)"/g)];
      if (refs.length === 0) expect(cell, row).toMatch(/^none \(see fix\)/);
      for (const [, file, title] of refs) {
        const text = read(file!);
        expect(text.includes(title!), `${file} has no test "${title}"`).toBe(true);
        cited++;
      }
    }
    expect(cited).toBeGreaterThanOrEqual(40);
  });

  it('package.json maps the insecure-export and testing subpaths, as the docs say', () => {
    const pkg = JSON.parse(read('package.json')) as { exports: Record<string, unknown> };
    expect(Object.keys(pkg.exports)).toEqual(
      expect.arrayContaining(['./keys', './keys/insecure-export', './keys/testing']),
    );
    expect(docs).toContain('package.json maps the `./keys/insecure-export` subpath (and `./keys/testing`)');
  });

  it('the README and docs/keys.md openKeyring examples pass create: true', () => {
    for (const [name, text] of [
      ['README.md', read('README.md')],
      ['docs/keys.md', docs],
    ] as const) {
      const example = /openKeyring\(\{[^]*?\}\)/.exec(text);
      expect(example, `${name} has no openKeyring example`).not.toBeNull();
      expect(example![0], name).toMatch(/\bcreate: true\b/);
    }
  });
});

describe('issue 15 in the key manager', () => {
  it('no line over 120 columns in src/keys and src/cli/keys', () => {
    const long: string[] = [];
    for (const dir of ['src/keys', 'src/cli/keys']) {
      for (const f of readdirSync(join(ROOT, dir), { recursive: true }).map(String)) {
        if (!f.endsWith('.ts')) continue;
        read(join(dir, f))
          .split('\n')
          .forEach((line, i) => {
            if (line.length > 120) long.push(`${dir}/${f}:${i + 1} (${line.length})`);
          });
      }
    }
    expect(long).toEqual([]);
  });
});
