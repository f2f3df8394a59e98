/**
 * Every example in docs/rules/<rule>.md gives exactly what the doc claims. Under `## Examples`, each code
 * block in `### ❌ Incorrect` marks every line the rule reports with a trailing `// ❌` comment, and the
 * rule (alone, with its default options) must report exactly those lines; each block in
 * `### ✅ Correct` must give no report. Every block must parse.
 */
import { Linter } from 'eslint';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/plugin.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const docs = join(root, 'docs/rules');
const CODE_LANGS = new Set(['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs']);
const MARK = /\/\/ ❌/;

interface Block {
  kind: 'incorrect' | 'correct';
  lang: string;
  code: string;
  /** 1-based line in the doc where the code starts, for messages. */
  docLine: number;
}

/** The fenced code blocks of the `## Examples` section, by the `###` heading they sit under. */
function exampleBlocks(doc: string): Block[] {
  const lines = doc.split('\n');
  const blocks: Block[] = [];
  let inExamples = false;
  let kind: Block['kind'] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('## ')) inExamples = line.trim() === '## Examples';
    if (!inExamples) continue;
    if (line.startsWith('### ')) kind = line.includes('❌') ? 'incorrect' : line.includes('✅') ? 'correct' : undefined;
    const fence = /^```(\w*)\s*$/.exec(line);
    if (fence && kind) {
      const start = i + 1;
      let end = start;
      while (end < lines.length && !lines[end]!.startsWith('```')) end++;
      blocks.push({ kind, lang: fence[1] ?? '', code: lines.slice(start, end).join('\n'), docLine: start + 1 });
      i = end;
    }
  }
  return blocks;
}

function lint(stem: string, block: Block): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  const ext = block.lang === 'js' || block.lang === 'mjs' || block.lang === 'cjs' ? block.lang : block.lang || 'ts';
  return linter.verify(
    block.code,
    [
      {
        files: ['**/*.{ts,tsx,js,jsx,mjs,cjs}'],
        plugins: { keyhygiene: plugin as never },
        languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
        rules: { [`keyhygiene/${stem}`]: 'error' },
      },
    ],
    `src/example.${ext}`,
  );
}

const stems = readdirSync(docs)
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.slice(0, -3))
  .sort();

describe('rule doc examples', () => {
  it('finds the docs', () => {
    expect(stems.length).toBeGreaterThan(5);
  });
  for (const stem of stems) {
    const blocks = exampleBlocks(readFileSync(join(docs, `${stem}.md`), 'utf8')).filter((b) => CODE_LANGS.has(b.lang));
    describe(stem, () => {
      it('has at least one ❌ and one ✅ code example', () => {
        expect(blocks.some((b) => b.kind === 'incorrect')).toBe(true);
        expect(blocks.some((b) => b.kind === 'correct')).toBe(true);
      });
      for (const block of blocks) {
        it(`${block.kind} example at docs line ${block.docLine} gives exactly what it claims`, () => {
          const messages = lint(stem, block);
          expect(messages.filter((m) => m.fatal).map((m) => m.message)).toEqual([]);
          const reported = [...new Set(messages.map((m) => m.line))].sort((a, b) => a - b);
          const marked = block.code.split('\n').flatMap((line, i) => (MARK.test(line) ? [i + 1] : []));
          if (block.kind === 'incorrect') expect(marked.length).toBeGreaterThan(0);
          expect(reported).toEqual(block.kind === 'incorrect' ? marked : []);
        });
      }
    });
  }
});
