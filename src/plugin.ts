/**
 * The ESLint plugin: `import keyhygiene from 'keyhygiene'; export default [keyhygiene.configs.recommended];`
 */
import type { ESLint, Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { rules } from '../rules/index.js';
import { recommendedRules, strictRules, version } from './configs/presets.js';
import { recommendedMinEvidence } from './catalogue/evidence.js';
import type { Evidence } from './catalogue/types.js';

/** The files the presets apply to. The typescript-eslint parser reads all of them, JSX included. */
export const files = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

type Plugin = ESLint.Plugin & { configs: { recommended: Linter.Config; strict: Linter.Config } };

const plugin = {
  meta: { name: 'keyhygiene', version },
  rules: rules as unknown as NonNullable<ESLint.Plugin['rules']>,
  configs: {} as Plugin['configs'],
} satisfies ESLint.Plugin;

/**
 * A preset: its rules, and the evidence floor of its findings (src/rule-kit/evidence.ts): `recommended` reports a
 * category's findings only from the catalogue's level up (`recommendedMinEvidence`), `strict` reports all.
 */
const preset = (
  name: string,
  presetRules: Linter.RulesRecord,
  minEvidence: Evidence | Readonly<Partial<Record<string, Evidence>>>,
): Linter.Config => ({
  name: `keyhygiene/${name}`,
  files,
  plugins: { keyhygiene: plugin },
  languageOptions: { parser: tsParser as Linter.Parser },
  settings: { keyhygiene: { minEvidence } },
  rules: presetRules,
});

plugin.configs.recommended = preset('recommended', recommendedRules, recommendedMinEvidence);
plugin.configs.strict = preset('strict', strictRules, 'name');

export default plugin as Plugin;
export { rules };
