/**
 * One stem names a rule's file, test and doc; every rule is in the generated index and presets; the
 * generated files are fresh (STYLE practices 1 and 13). A missing piece fails here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/plugin.js';
import { rules } from '../../rules/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const stems = readdirSync(join(root, 'rules'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -3));

/**
 * Every rule doc has the same sections, in this order; `## Presets` (why the rule sits where it does) is
 * optional, and only `## Rule details` may have `###` sub-sections of its own.
 */
const SECTIONS = ['## Rule details', '## Examples', '### ❌ Incorrect', '### ✅ Correct', '## Options'];
const TAIL = ['## When not to use it', '## Facts this rule relies on'];

function expectedHeadings(actual: readonly string[]): string[] {
  const details = actual.slice(1, actual.indexOf('## Examples')).filter((h) => h.startsWith('### '));
  const presets = actual.includes('## Presets') ? ['## Presets'] : [];
  return [SECTIONS[0]!, ...details, ...SECTIONS.slice(1), ...presets, ...TAIL];
}

describe('rule parity', () => {
  it('finds the rules', () => {
    expect(stems.length).toBeGreaterThan(0);
  });
  for (const stem of stems) {
    describe(stem, () => {
      it('has a test and a doc with the same stem', () => {
        expect(existsSync(join(root, 'test/rules', `${stem}.test.ts`)), `test/rules/${stem}.test.ts`).toBe(true);
        expect(existsSync(join(root, 'docs/rules', `${stem}.md`)), `docs/rules/${stem}.md`).toBe(true);
      });
      it('is in the index, and named by its stem', () => {
        const rule = (rules as Record<string, { meta: { docs?: { url?: string } } }>)[stem];
        expect(rule).toBeDefined();
        expect(rule!.meta.docs?.url).toMatch(new RegExp(`/docs/rules/${stem}\\.md$`));
      });
      it('is in a preset (strict holds every rule)', () => {
        expect(plugin.configs.strict.rules).toHaveProperty(`keyhygiene/${stem}`);
      });
      it('has a doc with the generated header and the expected sections', () => {
        const doc = readFileSync(join(root, 'docs/rules', `${stem}.md`), 'utf8');
        expect(doc).toContain('<!-- begin auto-generated rule header -->');
        expect(doc).toMatch(/❌/);
        expect(doc).toMatch(/✅/);
      });
      it('has the fixed section headings, in order', () => {
        const doc = readFileSync(join(root, 'docs/rules', `${stem}.md`), 'utf8');
        const headings = doc.split('\n').filter((l) => /^#{2,3} /.test(l));
        expect(headings).toEqual(expectedHeadings(headings));
      });
    });
  }
  it('every rule has a description, a category, CWE ids and a messageId-only report', () => {
    for (const [name, rule] of Object.entries(
      rules as Record<
        string,
        {
          meta: {
            docs: { description: string; category: string; cwe: readonly number[] };
            messages: Record<string, string>;
            schema: unknown;
          };
        }
      >,
    )) {
      expect(rule.meta.docs.description, name).toBeTruthy();
      expect(rule.meta.docs.category, name).toBeTruthy();
      expect(rule.meta.docs.cwe.length, name).toBeGreaterThan(0);
      expect(Object.keys(rule.meta.messages).length, name).toBeGreaterThan(0);
    }
  });
});

describe('generated files', () => {
  it('are up to date (npm run generate:check)', () => {
    let out = '';
    try {
      out = execFileSync(process.execPath, [join(root, 'scripts/generate.mjs'), '--check'], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (e) {
      const err = e as { stderr?: string; stdout?: string };
      throw new Error(`stale generated files: ${err.stderr ?? ''}${err.stdout ?? ''}`);
    }
    expect(out).toContain('up to date');
  });
  it('the recommended preset needs no type information and covers every JS/TS extension', () => {
    const cfg = plugin.configs.recommended;
    for (const ext of ['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts'])
      expect(cfg.files).toContain(`**/*.${ext}`);
    expect(JSON.stringify(cfg.languageOptions ?? {})).not.toMatch(/project/);
  });
});
