import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importedElsewhere } from '../../src/rule-kit/module-importers.js';

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
});
