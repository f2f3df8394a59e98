export interface Place {
  file: string;
  line: number;
  category: string;
  alt?: number[];
  ruleId?: string;
}
export interface AuditPlace extends Place {
  evidence?: string;
  fixture?: 'test-fixture' | 'example';
  suppression?: 'inline' | 'baseline';
  atDefault: boolean;
}
export interface MissFacts {
  labels: readonly Place[];
  recommended: readonly Place[];
  strict: readonly Place[];
  auditAll: readonly AuditPlace[];
  suppressed: readonly Place[];
}
export declare const MISS_CLASSES: readonly string[];
export declare const FP_CLASSES: readonly string[];
export declare const MISS_CLASS_HELP: Readonly<Record<string, string>>;
export declare const FP_CLASS_HELP: Readonly<Record<string, string>>;
export declare const SHAPE_DIMENSIONS: readonly string[];
export declare function classifyMiss(label: Place, s: MissFacts): string;
export declare function explainMiss(label: Place, s: MissFacts): { cls: string; detail?: string };
export declare function classifyFalsePositive(
  f: Place,
  s: {
    labels: readonly Place[];
    missed: readonly Place[];
    negatives: readonly { file: string; line: number; kind: string }[];
  },
): string;
export interface Shape {
  kind: string;
  construct: string;
  callee: string;
  args: string;
  value: string;
  origin: string;
  word: string;
}
export interface Catalogue {
  callees: Record<string, Set<string>>;
  wordClass(name: string | undefined): string;
  atDefaultFloor(category: string, level: string | undefined): boolean;
}
export declare function loadCatalogue(): Promise<Catalogue>;
export declare function fileKind(file: string): string;
export declare function parseCode(text: string, file: string): unknown;
export declare function valueOrigin(n: unknown, parsed: unknown): string;
export declare function lineShape(
  at: { text: string; file: string; line: number; category: string; parsed?: unknown },
  catalogue: Catalogue,
): Shape;
