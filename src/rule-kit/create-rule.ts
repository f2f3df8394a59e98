import { ESLintUtils } from '@typescript-eslint/utils';

/** Extra `meta.docs` fields our rules declare; the generator reads them for presets and tables. */
export interface KeyhygieneDocs {
  description: string;
  /** The preset that enables the rule: `recommended` (also in strict) or `strict` only. */
  recommended: 'recommended' | 'strict';
  /** Reads type information when it exists (in `strict`), and degrades without it. */
  requiresTypeChecking?: boolean;
  /** The hazard family findings are reported under. */
  category: import('../catalogue/types.js').Category;
  /**
   * Optional per-message override of `category`: messageId → the hazard family that message's
   * findings belong to, for rules whose messages span families (a randomness rule that also reports
   * a static IV or salt reports those under `static-iv`). Messages not listed use `category`.
   * Consumers (scanner, SARIF, bench) read a finding's family as
   * `docs.messageCategories?.[messageId] ?? docs.category`.
   */
  messageCategories?: Readonly<Record<string, import('../catalogue/types.js').Category>>;
  /** Options the `strict` preset passes (for example a higher minimum key size). */
  strictOptions?: readonly unknown[];
  /** CWE ids for SARIF tags. */
  cwe: readonly number[];
}

export const docsUrl = (name: string): string =>
  `https://github.com/keyhygiene/keyhygiene/blob/main/docs/rules/${name}.md`;

/** Every rule goes through here, which adds the docs URL. */
export const createRule = ESLintUtils.RuleCreator<KeyhygieneDocs>(docsUrl);
