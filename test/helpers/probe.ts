/**
 * Runs a throwaway rule over a code sample, so catalogue tests match samples exactly the way the rules
 * do (same parser, same scope analysis, same import map).
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { collectImports, type ImportMap } from '../../src/rule-kit/imports.js';
import type { Scope } from '../../src/rule-kit/ast.js';

type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** Whether any call or `new` in `code` satisfies `test`. Throws when the sample does not parse. */
export function someCall(code: string, test: (node: Call, imports: ImportMap, scope: Scope) => boolean): boolean {
  let found = false;
  const probe: TSESLint.RuleModule<'x'> = {
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    defaultOptions: [],
    create(context) {
      let imports: ImportMap = new Map();
      return {
        Program(program) {
          imports = collectImports(program);
        },
        'CallExpression, NewExpression'(node: Call) {
          if (!found && test(node, imports, context.sourceCode.getScope(node))) found = true;
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        plugins: { probe: { rules: { probe: probe as never } } },
        languageOptions: { parser: tsParser as Linter.Parser },
        rules: { 'probe/probe': 'error' },
      },
    ],
    { filename: 'sample.ts' },
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`sample does not parse: ${fatal.message}`);
  return found;
}

/** The messages one rule reports for `code`, linted as the TypeScript file `filename`. */
export function lintWith(rule: unknown, code: string, filename: string): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser as Linter.Parser },
        plugins: { k: { rules: { r: rule as never } } },
        rules: { 'k/r': 'error' },
      },
    ],
    { filename },
  );
}
