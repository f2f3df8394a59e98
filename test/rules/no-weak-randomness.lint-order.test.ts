/**
 * The same files linted in two orders give the same findings (session 30, issue 13). Whether an imported module
 * may hand out a weak value is worked out once and kept for the rest of the run; an answer cut short by the
 * re-export limit (a module reached as the fourth level of a barrel chain) used to be kept as the module's answer,
 * so a file importing that module directly lost its finding when the barrel's importer was linted first.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import rule from '../../rules/no-weak-randomness.js';

const FILES: Record<string, string> = {
  'package.json': '{ "name": "lint-order-demo", "private": true }\n',
  'chars.ts':
    "export function randomChars(n: number): string {\n  let out = '';\n" +
    '  for (let i = 0; i < n; i++) out += String.fromCharCode(97 + Math.floor(Math.random() * 26));\n' +
    '  return out;\n}\n',
  'level4.ts': "export * from './chars';\n",
  'level3.ts': "export * from './level4';\n",
  'level2.ts': "export * from './level3';\n",
  'level1.ts': "export * from './level2';\n",
  // Through four re-exports: past the limit, so not followed (in either order).
  'invite.ts': "import { randomChars } from './level1';\nexport const inviteToken = randomChars(32);\n",
  // Through one re-export: followed, a weak reset token.
  'reset.ts': "import { randomChars } from './level4';\nexport const resetToken = randomChars(32);\n",
};
const LINTED = ['invite.ts', 'reset.ts'];

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Lints LINTED in `order` in a fresh copy of the project (fresh paths: nothing kept from another order's run). */
function lintInOrder(order: readonly string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'kh-lint-order-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
  const linter = new Linter({ configType: 'flat', cwd: dir });
  const config = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser },
      plugins: { kh: { rules: { 'no-weak-randomness': rule as unknown as Rule.RuleModule } } },
      rules: { 'kh/no-weak-randomness': 'error' as const },
    },
  ];
  const found: string[] = [];
  for (const name of order) {
    const file = join(dir, name);
    for (const m of linter.verify(FILES[name]!, config, { filename: file })) {
      expect(m.fatal).toBeUndefined();
      found.push(`${name}:${m.line} ${m.messageId}`);
    }
  }
  return found.sort();
}

describe('no-weak-randomness across modules: the order files are linted in does not matter', () => {
  it('a module first reached through a long barrel chain still answers in full for a file importing it directly', () => {
    const forward = lintInOrder(LINTED);
    const backward = lintInOrder([...LINTED].reverse());
    expect(backward).toEqual(['reset.ts:2 weakRandom']);
    expect(forward).toEqual(backward);
  });
});
