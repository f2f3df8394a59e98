/**
 * The evidence level of every report (`Evidence`, src/catalogue/types.ts), applied once for all rules by
 * `createRule`: a report states its level in `data.evidence` when the check that found it knows it (a hardcoded
 * value matched by a provider format, a logged value traced from a key source), else the catalogue's level for
 * its message (src/catalogue/evidence.ts). Two settings read it (`settings.keyhygiene`):
 * - `minEvidence`: a level, or a level per category; a report below it is not made. The presets set none (every
 *   level is reported); the audit lists from the catalogue's `auditMinEvidence` up (src/scanner/policy.ts).
 * - `recordEvidence: true`: each report's level is recorded for `takeEvidence` (the audit reads it; ESLint's
 *   messages have no field for it).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isEvidence, meetsEvidence, messageEvidence } from '../catalogue/evidence.js';
import type { Category, Evidence } from '../catalogue/types.js';

/** One report's level, at the place ESLint's message will have (1-based line and column). */
export interface EvidenceRecord {
  readonly ruleId: string;
  readonly messageId: string;
  readonly line: number;
  readonly column: number;
  readonly evidence: Evidence;
}

let recorded: EvidenceRecord[] = [];

/** The levels recorded since the last call (the audit calls it before and after each file). */
export function takeEvidence(): EvidenceRecord[] {
  const out = recorded;
  recorded = [];
  return out;
}

interface EvidenceSettings {
  readonly minEvidence?: Evidence | Readonly<Partial<Record<Category, Evidence>>>;
  readonly recordEvidence?: boolean;
}

/** The floor for one category under the settings, or undefined for none. */
export function evidenceFloor(settings: unknown, category: Category): Evidence | undefined {
  const s = (settings as { keyhygiene?: EvidenceSettings } | undefined)?.keyhygiene;
  const min = s?.minEvidence;
  if (isEvidence(min)) return min;
  if (min && typeof min === 'object') {
    const c = (min as Partial<Record<Category, unknown>>)[category];
    if (isEvidence(c)) return c;
  }
  return undefined;
}

/** The place a descriptor reports at, as ESLint's message gives it (1-based column). */
function placeOf(d: { node?: TSESTree.Node; loc?: unknown }): { line: number; column: number } | undefined {
  const loc = (d.loc ?? d.node?.loc) as
    { start?: { line: number; column: number }; line?: number; column?: number } | undefined;
  const start = loc?.start ?? (typeof loc?.line === 'number' ? (loc as { line: number; column: number }) : undefined);
  return start ? { line: start.line, column: start.column + 1 } : undefined;
}

interface RuleDocs {
  readonly category: Category;
  readonly messageCategories?: Readonly<Record<string, Category>>;
}

/**
 * `context` with a `report` that states each report's level: drops a report below the settings' floor for its
 * category, records the level when asked, and removes `evidence` from the message data.
 */
export function withEvidence<M extends string, O extends readonly unknown[]>(
  context: Readonly<TSESLint.RuleContext<M, O>>,
  ruleName: string,
  docs: RuleDocs,
): Readonly<TSESLint.RuleContext<M, O>> {
  const s = (context.settings as { keyhygiene?: EvidenceSettings } | undefined)?.keyhygiene;
  if (s?.minEvidence === undefined && s?.recordEvidence !== true) return context;
  const record = s.recordEvidence === true;
  const defaults = messageEvidence[ruleName] ?? {};
  const report = (descriptor: TSESLint.ReportDescriptor<M>): void => {
    const data = (descriptor as { data?: Record<string, unknown> }).data;
    const stated = data?.evidence;
    const evidence: Evidence = isEvidence(stated) ? stated : (defaults[descriptor.messageId] ?? 'sink');
    const category = docs.messageCategories?.[descriptor.messageId] ?? docs.category;
    const floor = evidenceFloor(context.settings, category);
    if (floor !== undefined && !meetsEvidence(evidence, floor)) return;
    if (record) {
      const at = placeOf(descriptor as { node?: TSESTree.Node; loc?: unknown });
      if (at) recorded.push({ ruleId: `keyhygiene/${ruleName}`, messageId: descriptor.messageId, ...at, evidence });
    }
    if (data && 'evidence' in data) {
      const { evidence: _stated, ...rest } = data;
      context.report({ ...descriptor, data: rest } as TSESLint.ReportDescriptor<M>);
    } else context.report(descriptor);
  };
  // ESLint's context is frozen: its `report` cannot be assigned over, only shadowed by an own property.
  return Object.freeze(Object.create(context, { report: { value: report, enumerable: true } }) as typeof context);
}
