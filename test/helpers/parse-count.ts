/**
 * Lints one file with no-logged-key under the TypeScript parser and counts how many other modules of the project
 * the rule parsed meanwhile (src/rule-kit/module-files.ts `otherModuleParses`): the work counter of the tests that
 * guard which calls may read another module.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { join } from 'node:path';
import { expect } from 'vitest';
import rule from '../../rules/no-logged-key.js';
import { otherModuleParses } from '../../src/rule-kit/module-files.js';

export function lintCountingParses(
  dir: string,
  code: string,
  fileName: string,
): { messages: Linter.LintMessage[]; parses: number } {
  const before = otherModuleParses();
  const messages = new Linter({ configType: 'flat', cwd: dir }).verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { kh: { rules: { 'no-logged-key': rule as unknown as import('eslint').Rule.RuleModule } } },
        rules: { 'kh/no-logged-key': 'error' },
      },
    ],
    join(dir, fileName),
  );
  expect(messages.filter((m) => m.ruleId !== 'kh/no-logged-key')).toEqual([]);
  return { messages, parses: otherModuleParses() - before };
}
