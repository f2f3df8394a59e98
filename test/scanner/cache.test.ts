/**
 * The audit cache is keyed by the detector and catalogue code, not only by the version number: a cache
 * written by another build (same version, different rules or catalogue) is never replayed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectorBuildId, detectorCodeId, openCache } from '../../src/scanner/cache.js';
import { audit } from '../../src/scanner/index.js';

const temp: string[] = [];
afterAll(() => {
  for (const d of temp) rmSync(d, { recursive: true, force: true });
});
const tempDir = (prefix: string): string => {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  temp.push(d);
  return d;
};
const write = (root: string, rel: string, text: string): void => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
};

describe('detectorCodeId', () => {
  it('changes when a catalogue entry, a rule or a detector changes, and not for other files', () => {
    const base = tempDir('kh-code-id-');
    write(base, 'src/catalogue/algorithms.js', "export const weak = ['des'];\n");
    write(base, 'src/scanner/detect/text.js', 'export const scan = () => [];\n');
    write(base, 'rules/no-hardcoded-key.js', 'export default {};\n');
    write(base, 'src/plugin.js', 'export default {};\n');
    write(base, 'src/keys/store.js', 'export const store = 1;\n');
    write(base, 'src/catalogue/algorithms.d.ts', 'export declare const weak: string[];\n');
    const first = detectorCodeId(base);
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(detectorCodeId(base)).toBe(first);

    // Outside the detector code (the key manager, declarations): same id.
    write(base, 'src/keys/store.js', 'export const store = 2;\n');
    write(base, 'src/catalogue/algorithms.d.ts', 'export declare const weak: readonly string[];\n');
    expect(detectorCodeId(base)).toBe(first);

    for (const [rel, text] of [
      ['src/catalogue/algorithms.js', "export const weak = ['des', 'rc4'];\n"],
      ['src/scanner/detect/text.js', 'export const scan = () => [1];\n'],
      ['rules/no-hardcoded-key.js', 'export default { meta: {} };\n'],
      ['src/plugin.js', 'export default { rules: {} };\n'],
    ] as const) {
      const before = detectorCodeId(base);
      write(base, rel, text);
      expect(detectorCodeId(base), rel).not.toBe(before);
    }
  });

  it('is computed for this build from its own detector code', () => {
    const repo = path.resolve(import.meta.dirname, '..', '..');
    expect(detectorBuildId()).toBe(detectorCodeId(repo));
  });
});

describe('a cache written by another build', () => {
  it('is not read: every file is analysed again', async () => {
    const root = tempDir('kh-cache-build-');
    write(root, 'src/a.ts', 'export const add = (a: number, b: number) => a + b;\n');
    write(root, 'src/b.ts', "import { add } from './a';\nexport const three = add(1, 2);\n");
    const cache = path.join(root, '.cache');
    const lines: string[] = [];
    await audit({ root, workers: 1, cache });
    const file = path.join(cache, 'results-v2.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { build?: string; entries: Record<string, unknown> };
    expect(data.build).toBe(detectorBuildId());
    expect(Object.keys(data.entries).length).toBeGreaterThanOrEqual(2);

    // Same version, same entries, another build: nothing is replayed.
    writeFileSync(file, JSON.stringify({ ...data, build: '0000000000000000' }));
    await audit({ root, workers: 1, cache, debug: (l) => lines.push(l) });
    expect(lines.find((l) => l.startsWith('files: '))).toMatch(/^files: 2 results, 0 from cache/);

    // This build's cache is read.
    lines.length = 0;
    await audit({ root, workers: 1, cache, debug: (l) => lines.push(l) });
    expect(lines.find((l) => l.startsWith('files: '))).toMatch(/^files: 2 results, 2 from cache/);
  });

  it('with no build id at all (written before the id existed) is not read', async () => {
    const dir = tempDir('kh-cache-old-');
    const c = await openCache(dir);
    c.set('k', { findings: [], inventory: [], skipped: [], lines: 1, bytes: 1 });
    await c.save();
    const file = path.join(dir, 'results-v2.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect((await openCache(dir)).get('k')).toBeDefined();
    delete data.build;
    writeFileSync(file, JSON.stringify(data));
    expect((await openCache(dir)).get('k')).toBeUndefined();
  });
});
