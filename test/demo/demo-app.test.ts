/**
 * `npx eslint` with `keyhygiene.configs.recommended` over fixtures/demo-app reports the planted
 * mistakes and nothing else. Each area lists its lint findings in fixtures/demo-app/expected/<area>.json;
 * `audit-extra.json` holds the audit-only findings (config files, cross-file, history) and is checked by
 * the audit tests instead.
 */
import { ESLint } from 'eslint';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const demo = fileURLToPath(new URL('../../fixtures/demo-app', import.meta.url));

interface Expected {
  file: string;
  line: number;
  ruleId: string;
}

const key = (e: Expected): string => `${e.file}:${e.line}:${e.ruleId}`;

describe('demo-app lint', () => {
  it('reports every planted mistake and nothing else', async () => {
    const expected = readdirSync(join(demo, 'expected'))
      .filter((f) => f.endsWith('.json') && f !== 'audit-extra.json')
      .flatMap((f) => JSON.parse(readFileSync(join(demo, 'expected', f), 'utf8')) as Expected[]);
    expect(expected.length).toBeGreaterThan(5);
    // The demo's own eslint.config.mjs imports 'keyhygiene' (the built package) exactly as a user would.
    const eslint = new ESLint({ cwd: demo });
    const results = await eslint.lintFiles(['.']);
    const fatal = results.flatMap((r) => r.messages.filter((m) => m.fatal).map((m) => `${r.filePath}: ${m.message}`));
    expect(fatal).toEqual([]);
    const actual = results.flatMap((r) =>
      r.messages.map((m) => ({
        file: relative(demo, r.filePath).replace(/\\/g, '/'),
        line: m.line,
        ruleId: m.ruleId ?? '',
      })),
    );
    expect(actual.map(key).sort()).toEqual(expected.map(key).sort());
  });
});
