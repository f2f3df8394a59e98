import { ESLintUtils } from '@typescript-eslint/utils';
import { withEvidence } from './evidence.js';

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
  /**
   * Optional per-message severity in the audit, for messages that say less than the category does (a legacy read
   * path is reported `low`). Messages not listed take the category's severity (src/scanner/rules.ts).
   */
  messageSeverity?: Readonly<Record<string, import('../catalogue/types.js').Severity>>;
  /** Options the `strict` preset passes (for example a higher minimum key size). */
  strictOptions?: readonly unknown[];
  /** CWE ids for SARIF tags. */
  cwe: readonly number[];
}

export const docsUrl = (name: string): string =>
  `https://github.com/keyhygiene/keyhygiene/blob/main/docs/rules/${name}.md`;

const withDocsUrl = ESLintUtils.RuleCreator<KeyhygieneDocs>(docsUrl);
/** Distinct configurations remembered per rule (one or two in practice). */
const MERGED_LIMIT = 16;

/**
 * Every rule goes through here, which adds the docs URL and states each report's evidence level
 * (./evidence.ts: the settings' floor and the audit's record). The options are merged with their defaults once per
 * distinct configuration, not once per file: typescript-eslint's creator deep-clones the defaults
 * (`structuredClone`) for every rule on every file. The merged options are a frozen copy, shared by the files
 * linted with the same configuration, so no rule can change what another file reads.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, KeyhygieneDocs>>,
): ReturnType<typeof withDocsUrl<Options, MessageIds>> {
  const created = withDocsUrl(rule);
  const defaults = (rule.meta.defaultOptions ?? rule.defaultOptions ?? []) as Readonly<Options>;
  const merged = new Map<string, Readonly<Options>>();
  return {
    ...created,
    create(context) {
      // Options are JSON (each rule's schema says so): equal text, equal options.
      const key = context.options.length === 0 ? '' : JSON.stringify(context.options);
      let options = merged.get(key);
      if (options === undefined) {
        if (merged.size >= MERGED_LIMIT) merged.clear();
        options = deepFreeze(ESLintUtils.applyDefault(defaults, structuredClone(context.options) as Options));
        merged.set(key, options);
      }
      return rule.create(withEvidence(context, rule.name, rule.meta.docs), options);
    },
  };
}

function deepFreeze<V>(value: V): V {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
