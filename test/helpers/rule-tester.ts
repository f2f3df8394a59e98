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

const diskFixturesDir = fileURLToPath(new URL('../../fixtures/rule-tester/randomness-disk', import.meta.url));

/**
 * Plain parsing, with file names relative to fixtures/rule-tester/randomness-disk: the modules there (helpers, a
 * workspace package, a tsconfig `paths` alias) are what a rule that follows imports on disk reads.
 */
export const diskRuleTester = new RuleTester({
  languageOptions: { parserOptions: { tsconfigRootDir: diskFixturesDir } },
});

const chainsFixturesDir = fileURLToPath(new URL('../../fixtures/rule-tester/module-chains', import.meta.url));

/**
 * Plain parsing, with file names relative to fixtures/rule-tester/module-chains: a monorepo whose modules reach
 * each other through barrels, folder imports, a manifest-less package and CommonJS (test/rules/module-chains).
 */
export const chainsRuleTester = new RuleTester({
  languageOptions: { parserOptions: { tsconfigRootDir: chainsFixturesDir } },
});

const logHelpersFixturesDir = fileURLToPath(new URL('../../fixtures/rule-tester/log-helpers', import.meta.url));

/**
 * Plain parsing, with file names relative to fixtures/rule-tester/log-helpers: a workspace whose logging helpers,
 * loggers and output module live in other modules (test/rules/no-logged-key.project-sinks).
 */
export const logHelpersRuleTester = new RuleTester({
  languageOptions: { parserOptions: { tsconfigRootDir: logHelpersFixturesDir } },
});

/**
 * Issue 15: every invalid case asserts where its reports start and end. Checked here, for every RuleTester
 * table, before ESLint runs the case: an error given as a bare message id or a count cannot pass.
 */
type Run = RuleTester['run'];
for (const tester of [ruleTester, typedRuleTester, diskRuleTester, chainsRuleTester, logHelpersRuleTester]) {
  const run: Run = tester.run.bind(tester);
  tester.run = ((name, rule, tests) => {
    for (const c of tests.invalid) {
      const errors: readonly unknown[] = Array.isArray(c.errors) ? c.errors : [];
      if (errors.length === 0) throw new Error(`${name}: an invalid case lists no errors: ${c.code.slice(0, 60)}`);
      for (const e of errors) {
        const pos = e as Partial<Record<'line' | 'column' | 'endLine' | 'endColumn', number>>;
        if ([pos.line, pos.column, pos.endLine, pos.endColumn].some((v) => typeof v !== 'number'))
          throw new Error(`${name}: an error without line, column, endLine and endColumn in: ${c.code.slice(0, 60)}`);
      }
    }
    run(name, rule, tests);
  }) as Run;
}
