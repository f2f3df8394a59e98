/**
 * Single-file components (.vue, .svelte): script blocks linted as code, markup read as text, both at the
 * component's own lines and columns (src/scanner/detect/components.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { componentParts } from '../../src/scanner/detect/components.js';
import { audit } from '../../src/scanner/index.js';

describe('componentParts', () => {
  it('keeps the script blocks at their offsets and blanks the rest, line breaks kept', () => {
    const text =
      '<template>\n  <p>{{ a }}</p>\n</template>\n<script setup lang="ts">\nconst a: number = 1;\n</script>\n';
    const parts = componentParts(text)!;
    expect(parts.lang).toBe('ts');
    expect(parts.script).toHaveLength(text.length);
    expect(parts.markup).toHaveLength(text.length);
    expect(parts.script.split('\n')[4]).toBe('const a: number = 1;');
    expect(parts.script.split('\n')[1]!.trim()).toBe('');
    expect(parts.markup.split('\n')[1]).toBe('  <p>{{ a }}</p>');
    expect(parts.markup.split('\n')[4]!.trim()).toBe('');
    // the tags themselves are markup
    expect(parts.markup.split('\n')[3]).toBe('<script setup lang="ts">');
  });

  it('reads two blocks (Vue `<script>` and `<script setup>`, Svelte `context="module"`) and their languages', () => {
    const vue = '<script>\nexport default {};\n</script>\n<script setup>\nconst x = 1;\n</script>';
    expect(componentParts(vue)!.lang).toBe('js');
    expect(componentParts(vue)!.script.split('\n')[1]).toBe('export default {};');
    expect(componentParts(vue)!.script.split('\n')[4]).toBe('const x = 1;');
    const svelte = '<script context="module" lang="tsx">\nexport const p = 1;\n</script>\n<h1>hi</h1>';
    expect(componentParts(svelte)!.lang).toBe('ts');
  });

  it('leaves a script that is not code to the text detectors, and a component without code undefined', () => {
    const json = '<script type="application/json">{"a":1}</script>\n<template><p/></template>';
    expect(componentParts(json)).toBeUndefined();
    const both = '<script type="text/x-template" id="t"><p/></script>\n<script type="module">\nlet n = 1;\n</script>';
    const parts = componentParts(both)!;
    expect(parts.script.split('\n')[0]!.trim()).toBe('');
    expect(parts.script.split('\n')[2]).toBe('let n = 1;');
    expect(parts.markup.split('\n')[0]).toContain('<p/>');
  });
});

describe('audit of single-file components', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'kh-components-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(path.join(root, 'src'));
  // A key-shaped value built at run time (no credential-shaped literal in this repository).
  const mapsKey = 'AIza' + 'Sy' + 'Qx7Lm2Pk9Rt4Vn8Bw3Hc6Jd1Fg5Ks0Zy2W'.slice(0, 33);
  writeFileSync(
    path.join(root, 'src', 'Session.vue'),
    [
      '<template>',
      `  <map-view api-key="${mapsKey}" />`,
      '</template>',
      '',
      '<script lang="ts">',
      'const sessionToken = Math.random().toString(36).slice(2);',
      'export default { data: () => ({ sessionToken }) };',
      '</script>',
    ].join('\n'),
  );
  writeFileSync(
    path.join(root, 'src', 'Unlock.svelte'),
    [
      '<script>',
      "  import crypto from 'node:crypto';",
      '  export let password;',
      "  const key = crypto.createHash('md5').update(password).digest();",
      "  const sealed = crypto.createCipheriv('aes-128-cbc', key, Buffer.alloc(16));",
      '</script>',
      '',
      '<p>{sealed}</p>',
    ].join('\n'),
  );
  // Markup only: read as text, as before.
  writeFileSync(path.join(root, 'src', 'Plain.vue'), '<template><p>nothing here</p></template>\n');

  it('reports the script blocks at their lines and columns, the markup by the text detectors', async () => {
    const r = await audit({ root, workers: 1 });
    const got = r.findings.map((f) => `${f.location.file}:${f.location.line}:${f.location.column} ${f.category}`);
    expect(got).toContain('src/Session.vue:6:22 weak-randomness');
    expect(got.some((g) => g.startsWith('src/Session.vue:2:') && g.endsWith('hardcoded-key'))).toBe(true);
    expect(got).toContain('src/Unlock.svelte:4:15 password-as-key');
    expect(got.some((g) => g.startsWith('src/Unlock.svelte:5:') && g.endsWith('static-iv'))).toBe(true);
    expect(r.findings.filter((f) => f.location.file === 'src/Plain.vue')).toEqual([]);
    expect(r.skipped).toEqual([]);
    expect(r.stats.lines).toBe(8 + 8 + 2);
  });
});
