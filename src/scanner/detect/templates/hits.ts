/**
 * What the template and config readers report, before it becomes a `Finding`: a rule id, an offset in
 * the file, a message that names the fix, and a stable match text for the fingerprint (never a line).
 */
import type { Finding, InventoryItem } from '../../../report/types.js';
import { fileFingerprints, type LineMap, snippetOf } from '../../common.js';
import { categorySeverity, scannerDetectors } from '../../rules.js';

type TemplateRuleId =
  | 'keyhygiene/template-missing-rotation'
  | 'keyhygiene/template-unsafe-deletion'
  | 'keyhygiene/config-weak-algorithm'
  | 'keyhygiene/config-password-as-key'
  | 'keyhygiene/config-static-iv';

export interface TemplateHit {
  readonly ruleId: TemplateRuleId;
  readonly offset: number;
  /** No secret here: messages name properties, values of settings and fixes. */
  readonly message: string;
  /** Stable text for the fingerprint: resource and check, or setting path and value. */
  readonly match: string;
}

/** Findings for `hits`, in file order; identical matches in one file get occurrence numbers. */
export function hitsToFindings(rel: string, map: LineMap, hits: readonly TemplateHit[]): Finding[] {
  const sorted = [...hits].sort((a, b) => a.offset - b.offset);
  // The match already names the resource and setting path; the line's text separates the rare equal ones.
  const ids = fileFingerprints(
    rel,
    sorted.map((h) => ({
      ruleId: h.ruleId,
      match: h.match,
      anchor: '',
      context: () => map.line(map.at(h.offset).line),
    })),
  );
  return sorted.map((h, i) => {
    const pos = map.at(h.offset);
    const category = scannerDetectors[h.ruleId].category;
    return {
      ruleId: h.ruleId,
      category,
      severity: categorySeverity[category],
      message: h.message,
      location: { file: rel, line: pos.line, column: pos.column },
      fingerprint: ids[i]!,
      origin: 'config',
      snippet: snippetOf(map, pos.line, []),
    } satisfies Finding;
  });
}

/** An inventory row at an offset. */
export interface TemplateInventory {
  readonly offset: number;
  readonly item: Omit<InventoryItem, 'locations'>;
}
