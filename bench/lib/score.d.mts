export declare const CATEGORIES: readonly string[];
export interface Label {
  file: string;
  line: number;
  category: string;
  alt?: number[];
}
export interface BenchFinding {
  file: string;
  line: number;
  category: string;
  ruleId?: string;
}
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  dup: number;
}
export declare function score(
  labels: readonly Label[],
  findings: readonly BenchFinding[],
  options?: { tolerance?: number; categories?: readonly string[] },
): { perCategory: Record<string, Counts>; falsePositives: BenchFinding[]; falseNegatives: Label[] };
export declare function metrics(c: { tp: number; fp: number; fn: number }): {
  precision: number | null;
  recall: number | null;
  f1: number | null;
};
export declare function total(perCategory: Record<string, Counts>, categories?: readonly string[]): Counts;
