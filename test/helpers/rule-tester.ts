/**
 * RuleTester wired to vitest. Plain (untyped) parsing by default; `typedRuleTester` uses the project
 * service over fixtures/rule-tester/tsconfig.json for rules that read types in `strict`.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';
import { fileURLToPath } from 'node:url';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export const ruleTester = new RuleTester();

const typedFixturesDir = fileURLToPath(new URL('../../fixtures/rule-tester', import.meta.url));

export const typedRuleTester = new RuleTester({
  languageOptions: {
    parserOptions: { projectService: { allowDefaultProject: ['*.ts*'] }, tsconfigRootDir: typedFixturesDir },
  },
});
