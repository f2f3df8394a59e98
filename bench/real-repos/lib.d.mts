export declare const LABELS: readonly string[];
export declare const JS_TS: RegExp;
export interface AuditFinding {
  ruleId: string;
  category: string;
  fingerprint: string;
  location: { file: string; line: number };
  occurrences?: readonly { file: string; line: number; fingerprint: string }[];
}
export interface LabelEntry {
  ruleId: string;
  category: string;
  file: string;
  line: number;
  fingerprint: string;
  label: string;
  reason: string;
}
export interface MissedEntry {
  file: string;
  line: number;
  category: string;
  reason: string;
}
export interface Summary {
  lines: number;
  findings: number;
  /** Each finding with its other places of the same secret (`occurrences`). */
  places: number;
  per100k: number | null;
  tp: number;
  fp: number;
  'test-fixture': number;
  example: number;
  unlabelled: number;
  precision: number | null;
  lenientPrecision: number | null;
  codePrecision: number | null;
  notRealPer10k: number | null;
  fpPer10k: number | null;
  missed: number;
}
export declare function pathMatcher(paths: readonly string[]): (path: string) => boolean;
export declare function hasCommit(gitDir: string, commit: string): boolean;
export declare function extractCommit(
  gitDir: string,
  commit: string,
  dest: string,
  paths?: readonly string[],
): { files: number; missing: string[] };
export declare function countJsTsLines(dir: string): number;
export declare function matchFindings<F extends AuditFinding, L extends LabelEntry>(
  findings: readonly F[],
  labels: readonly L[],
  tolerance?: number,
): { matched: { finding: F; label: L }[]; unlabelled: F[]; unused: L[] };
export declare function labelPlaces<F extends AuditFinding, L extends LabelEntry>(
  matched: readonly { finding: F; label: L }[],
  unlabelled: readonly F[],
  labels: readonly L[],
): { matched: { finding: F; label: L }[]; unlabelled: F[] };
export declare function summarise(input: {
  lines: number;
  findings: readonly { occurrences?: readonly unknown[] }[];
  matched: readonly { label: { label: string } }[];
  unlabelled: readonly unknown[];
  missed: readonly unknown[];
}): Summary;
export declare function totals(rows: readonly Summary[]): Summary;
export declare function validateLabels(doc: unknown): string[];
