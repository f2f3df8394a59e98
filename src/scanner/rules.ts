/**
 * Rule metadata for reports: the plugin's rules (from their `meta`) plus the scanner-only detectors.
 * Severity policy for lint findings lives here too: a rule's category gives its default severity, and a
 * recognised credential format raises it to the format's own severity.
 */
import type { Category, Severity } from '../catalogue/types.js';
import type { RuleInfo } from '../report/types.js';
import { docsUrl, type KeyhygieneDocs } from '../rule-kit/create-rule.js';
import { rules } from '../../rules/index.js';

const AUDIT_DOC = 'https://github.com/keyhygiene/keyhygiene/blob/main/docs/audit.md';

/** Detectors that only the audit runs (they need the whole repository, not one file). */
export const scannerDetectors = {
  'keyhygiene/secret-in-file': {
    description:
      'A credential, private key or keystore committed in a non-code file (.env, JSON, YAML, Dockerfile, PEM, ' +
      'p12, ...)',
    category: 'hardcoded-key',
    cwe: [798, 312],
    anchor: 'secret-in-file',
  },
  'keyhygiene/secret-in-history': {
    description: 'A key deleted from the working tree but still recoverable from git history: rotate it',
    category: 'unsafe-deletion',
    cwe: [540, 798],
    anchor: 'secret-in-history',
  },
  'keyhygiene/cross-file-hardcoded-key': {
    description: 'A literal key defined in one module reaches a crypto API as key material in another',
    category: 'hardcoded-key',
    cwe: [321, 798],
    anchor: 'cross-file-hardcoded-key',
  },
  'keyhygiene/cross-file-logged-key': {
    description: 'An object holding secrets, defined in one module, is logged whole in another',
    category: 'logged-key',
    cwe: [532],
    anchor: 'cross-file-logged-key',
  },
  'keyhygiene/cross-file-weak-algorithm': {
    description:
      'A weak cipher or ECB mode named in one module (a constant or config object) reaches a crypto API in another',
    category: 'weak-algorithm',
    cwe: [327],
    anchor: 'cross-file-weak-algorithm',
  },
  'keyhygiene/cross-file-weak-randomness': {
    description: 'A helper built on a non-cryptographic random source makes a token, key or nonce in another module',
    category: 'weak-randomness',
    cwe: [338],
    anchor: 'cross-file-weak-randomness',
  },
  'keyhygiene/cross-file-missing-rotation': {
    description: 'A KMS key is created and no module anywhere enables its rotation',
    category: 'missing-rotation',
    cwe: [324],
    anchor: 'cross-file-missing-rotation',
  },
  'keyhygiene/cross-file-unsafe-deletion': {
    description: 'A KMS key defined in one construct is given RemovalPolicy.DESTROY in another',
    category: 'unsafe-deletion',
    cwe: [404, 672],
    anchor: 'cross-file-unsafe-deletion',
  },
  'keyhygiene/template-missing-rotation': {
    description:
      'A KMS key in a CloudFormation template or Terraform file without automatic rotation, or with a period ' +
      'out of range',
    category: 'missing-rotation',
    cwe: [324],
    anchor: 'template-missing-rotation',
  },
  'keyhygiene/template-unsafe-deletion': {
    description:
      'A KMS key or secret in a CloudFormation template or Terraform file with a short recovery window or ' +
      'DeletionPolicy: Delete',
    category: 'unsafe-deletion',
    cwe: [404, 672],
    anchor: 'template-unsafe-deletion',
  },
  'keyhygiene/config-weak-algorithm': {
    description:
      'A configuration setting (YAML, JSON, .properties, .env) that selects a weak cipher, mode, curve or key size',
    category: 'weak-algorithm',
    cwe: [327, 326],
    anchor: 'config-weak-algorithm',
  },
  'keyhygiene/config-password-as-key': {
    description:
      'A configuration setting that gives PBKDF2, scrypt or argon2 less work than the floor no-password-as-key applies',
    category: 'password-as-key',
    cwe: [916],
    anchor: 'config-password-as-key',
  },
  'keyhygiene/config-static-iv': {
    description: 'A configuration setting (.env, YAML, JSON, .properties) that holds a fixed IV or cipher nonce',
    category: 'static-iv',
    cwe: [329, 1204],
    anchor: 'config-static-iv',
  },
} as const satisfies Record<
  string,
  { description: string; category: Category; cwe: readonly number[]; anchor: string }
>;

export type ScannerRuleId = keyof typeof scannerDetectors;

/** Default severity of a finding in each category, when the finding itself says nothing stronger. */
export const categorySeverity: Readonly<Record<Category, Severity>> = {
  'hardcoded-key': 'high',
  'weak-randomness': 'high',
  'static-iv': 'high',
  'password-as-key': 'high',
  'logged-key': 'high',
  'weak-algorithm': 'medium',
  'missing-rotation': 'medium',
  'unsafe-deletion': 'medium',
};

interface RuleLike {
  readonly meta?: { readonly docs?: Partial<KeyhygieneDocs> & { url?: string } };
}

/**
 * The hazard family of one lint message: `docs.messageCategories[messageId]` when the rule splits its
 * messages across families (a static IV reported by the randomness rule), else the rule's category.
 */
export function categoryOf(ruleId: string, messageId: string | undefined): Category | undefined {
  const rule = (rules as Record<string, RuleLike>)[ruleId.replace(/^keyhygiene\//, '')];
  const docs = rule?.meta?.docs;
  return (messageId !== undefined ? docs?.messageCategories?.[messageId] : undefined) ?? docs?.category;
}

/** The audit severity a rule gives one message (`docs.messageSeverity`), or undefined for the category's own. */
export function messageSeverityOf(ruleId: string, messageId: string | undefined): Severity | undefined {
  const rule = (rules as Record<string, RuleLike>)[ruleId.replace(/^keyhygiene\//, '')];
  return messageId !== undefined ? rule?.meta?.docs?.messageSeverity?.[messageId] : undefined;
}

let cached: Map<string, RuleInfo> | undefined;

/** Metadata for every rule and detector a finding can carry, keyed by ruleId. */
export function ruleInfo(): Map<string, RuleInfo> {
  if (cached) return new Map(cached);
  const map = new Map<string, RuleInfo>();
  for (const [name, rule] of Object.entries(rules as Record<string, RuleLike>)) {
    const docs = rule.meta?.docs;
    map.set(`keyhygiene/${name}`, {
      id: `keyhygiene/${name}`,
      description: docs?.description ?? name,
      category: docs?.category ?? 'hardcoded-key',
      cwe: docs?.cwe ?? [],
      helpUri: docs?.url ?? docsUrl(name),
    });
  }
  for (const [id, d] of Object.entries(scannerDetectors)) {
    map.set(id, {
      id,
      description: d.description,
      category: d.category,
      cwe: d.cwe,
      helpUri: `${AUDIT_DOC}#${d.anchor}`,
    });
  }
  cached = map;
  return new Map(map);
}
