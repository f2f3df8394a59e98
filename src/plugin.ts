/**
 * The ESLint plugin: `import keyhygiene from 'keyhygiene'; export default [keyhygiene.configs.recommended];`
 */
import type { ESLint, Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { rules } from '../rules/index.js';
import { recommendedRules, strictRules, version } from './configs/presets.js';

/** The files the presets apply to. The typescript-eslint parser reads all of them, JSX included. */
export const files = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

type Plugin = ESLint.Plugin & { configs: { recommended: Linter.Config; strict: Linter.Config } };

const plugin = {
  meta: { name: 'keyhygiene', version },
  rules: rules as unknown as NonNullable<ESLint.Plugin['rules']>,
  configs: {} as Plugin['configs'],
} satisfies ESLint.Plugin;

const preset = (name: string, presetRules: Linter.RulesRecord): Linter.Config => ({
  name: `keyhygiene/${name}`,
  files,
  plugins: { keyhygiene: plugin },
  languageOptions: { parser: tsParser as Linter.Parser },
  rules: presetRules,
});

plugin.configs.recommended = preset('recommended', recommendedRules);
plugin.configs.strict = preset('strict', strictRules);

export default plugin as Plugin;
export { rules };
