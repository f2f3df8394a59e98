import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listedText, nearestFirst, projectFiles } from '../../src/rule-kit/module-importers.js';

describe('nearestFirst', () => {
  it('orders files by how much of the folder they share, then by name, whatever order they come in', () => {
    const files = ['/r/z/x.ts', '/r/a/b/c.ts', '/r/a/b/d/e.ts', '/r/a/f.ts', '/r/top.ts', '/q/other.ts'];
    const expected = ['/r/a/b/c.ts', '/r/a/b/d/e.ts', '/r/a/f.ts', '/r/top.ts', '/r/z/x.ts', '/q/other.ts'];
    expect(nearestFirst(files, '/r/a/b')).toEqual(expected);
    expect(nearestFirst([...files].reverse(), '/r/a/b')).toEqual(expected);
  });
});

// The listing is kept for a few seconds only, so an editor's long-lived ESLint server sees files added after its
// first question. The clock is faked; the files are real.
describe('projectFiles', () => {
  let dir: string;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-05T00:00:00Z'));
    dir = mkdtempSync(join(tmpdir(), 'kh-listing-'));
    writeFileSync(join(dir, 'settings.ts'), "export const CIPHER = 'aes-256-gcm';\n");
  });
  afterEach(() => {
    vi.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists code files in name order, leaves out declarations and dependencies, and sees a new file once stale', () => {
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'node_modules', 'dep.js'), 'module.exports = 1;\n');
    writeFileSync(join(dir, 'types.d.ts'), 'export type T = 1;\n');
    writeFileSync(join(dir, 'README.md'), '# x\n');
    expect(projectFiles(dir)).toEqual([join(dir, 'settings.ts')]);
    writeFileSync(join(dir, 'app.js'), 'export const a = 1;\n');
    vi.setSystemTime(new Date('2026-12-05T00:00:02Z'));
    expect(projectFiles(dir)).toEqual([join(dir, 'settings.ts')]);
    vi.setSystemTime(new Date('2026-12-05T00:00:11Z'));
    expect(projectFiles(dir)).toEqual([join(dir, 'app.js'), join(dir, 'settings.ts')]);
  });

  it('reads each listed file once while the listing is fresh, and again once a new listing replaces it', () => {
    const settings = join(dir, 'settings.ts');
    const first = projectFiles(dir);
    expect(listedText(first, settings)).toBe("export const CIPHER = 'aes-256-gcm';\n");
    writeFileSync(settings, "export const CIPHER = 'aes-128-gcm';\n");
    vi.setSystemTime(new Date('2026-12-05T00:00:02Z'));
    expect(projectFiles(dir)).toBe(first);
    expect(listedText(first, settings)).toBe("export const CIPHER = 'aes-256-gcm';\n");
    vi.setSystemTime(new Date('2026-12-05T00:00:11Z'));
    const second = projectFiles(dir);
    expect(second).not.toBe(first);
    expect(listedText(second, settings)).toBe("export const CIPHER = 'aes-128-gcm';\n");
    expect(listedText(second, join(dir, 'missing.ts'))).toBeUndefined();
  });

  it('keeps a nearby module within the bound however many files lie further away', () => {
    // 2,100 unrelated modules in a folder that lists before the module's own: a listing cut by count in listing
    // order would drop the module next to the one asked about.
    mkdirSync(join(dir, 'aa-generated'));
    for (let i = 0; i < 2100; i++) writeFileSync(join(dir, 'aa-generated', `m${i}.ts`), `export const v${i} = ${i};\n`);
    mkdirSync(join(dir, 'crypto'));
    writeFileSync(join(dir, 'crypto', 'seal.ts'), 'export const a = 1;\n');
    const near = nearestFirst(projectFiles(dir), join(dir, 'crypto'));
    expect(near[0]).toBe(join(dir, 'crypto', 'seal.ts'));
    expect(near).toHaveLength(2000);
  });
});
