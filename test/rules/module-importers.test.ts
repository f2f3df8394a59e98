import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importedElsewhere, nearestFirst } from '../../src/rule-kit/module-importers.js';

// The listing and the answers are kept for a few seconds only, so an editor's long-lived ESLint server sees
// imports added after its first question. The clock is faked; the files are real.
describe('importedElsewhere', () => {
  let dir: string;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-05T00:00:00Z'));
    dir = mkdtempSync(join(tmpdir(), 'kh-importers-'));
    writeFileSync(join(dir, 'package.json'), '{"name":"p","type":"module"}\n');
    writeFileSync(join(dir, 'settings.ts'), "export const CIPHER = 'des-ede3-cbc';\n");
    writeFileSync(join(dir, 'other.ts'), 'export const unrelated = 1;\n');
  });
  afterEach(() => {
    vi.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers from the project files, and sees an importer added later once the answer is stale', () => {
    const settings = join(dir, 'settings.ts');
    expect(importedElsewhere(settings, 'CIPHER')).toBe(false);
    writeFileSync(join(dir, 'use.ts'), "import { CIPHER } from './settings.js';\nexport const c = CIPHER;\n");
    // Within the freshness window the earlier answer stands (one listing per burst of questions).
    vi.setSystemTime(new Date('2026-12-05T00:00:02Z'));
    expect(importedElsewhere(settings, 'CIPHER')).toBe(false);
    vi.setSystemTime(new Date('2026-12-05T00:00:11Z'));
    expect(importedElsewhere(settings, 'CIPHER')).toBe(true);
    // A name the importer does not use is still not imported.
    expect(importedElsewhere(settings, 'OTHER')).toBe(false);
  });

  it('forgets an importer that was removed', () => {
    const settings = join(dir, 'settings.ts');
    writeFileSync(join(dir, 'use.ts'), "import { CIPHER } from './settings';\nconsole.log(CIPHER);\n");
    expect(importedElsewhere(settings, 'CIPHER')).toBe(true);
    rmSync(join(dir, 'use.ts'));
    vi.setSystemTime(new Date('2026-12-05T00:00:30Z'));
    expect(importedElsewhere(settings, 'CIPHER')).toBe(false);
  });

  it('sees an importer of a folder whose index re-exports the module, and not one of a sibling export', () => {
    mkdirSync(join(dir, 'config'));
    writeFileSync(join(dir, 'config', 'ciphers.ts'), "export const LEGACY = 'bf-cbc';\nexport const OTHER = 'x';\n");
    writeFileSync(join(dir, 'config', 'sizes.ts'), 'export const BITS = 1024;\n');
    writeFileSync(
      join(dir, 'config', 'index.ts'),
      "export * from './ciphers';\nexport { BITS as RSA_BITS } from './sizes';\n",
    );
    writeFileSync(
      join(dir, 'use.ts'),
      "import { LEGACY, RSA_BITS } from './config';\nexport const c = [LEGACY, RSA_BITS];\n",
    );
    expect(importedElsewhere(join(dir, 'config', 'ciphers.ts'), 'LEGACY')).toBe(true);
    expect(importedElsewhere(join(dir, 'config', 'ciphers.ts'), 'OTHER')).toBe(false);
    // `export { BITS as RSA_BITS } from './sizes'`: the rule asks with the module's own name, which the barrel's
    // statement names (the check is textual: a renamed export is found when the barrel writes both names).
    expect(importedElsewhere(join(dir, 'config', 'sizes.ts'), 'BITS')).toBe(true);
  });

  it('finds a nearby importer however many files lie further away (the bound drops the furthest first)', () => {
    // 2,100 unrelated modules in a folder that lists before the module's own: a scan bounded by count in listing
    // order would stop before reaching the importer next to the module.
    mkdirSync(join(dir, 'aa-generated'));
    for (let i = 0; i < 2100; i++) writeFileSync(join(dir, 'aa-generated', `m${i}.ts`), `export const v${i} = ${i};\n`);
    mkdirSync(join(dir, 'crypto'));
    writeFileSync(join(dir, 'crypto', 'algorithms.ts'), "export const LEGACY = 'des-ede3-cbc';\n");
    writeFileSync(join(dir, 'crypto', 'seal.ts'), "import { LEGACY } from './algorithms';\nexport const a = LEGACY;\n");
    expect(importedElsewhere(join(dir, 'crypto', 'algorithms.ts'), 'LEGACY')).toBe(true);
  });
});

describe('nearestFirst', () => {
  it('orders files by how much of the folder they share, then by name, whatever order they come in', () => {
    const files = ['/r/z/x.ts', '/r/a/b/c.ts', '/r/a/b/d/e.ts', '/r/a/f.ts', '/r/top.ts', '/q/other.ts'];
    const expected = ['/r/a/b/c.ts', '/r/a/b/d/e.ts', '/r/a/f.ts', '/r/top.ts', '/r/z/x.ts', '/q/other.ts'];
    expect(nearestFirst(files, '/r/a/b')).toEqual(expected);
    expect(nearestFirst([...files].reverse(), '/r/a/b')).toEqual(expected);
  });
});
