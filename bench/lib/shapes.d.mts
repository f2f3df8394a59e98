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
  sourceClass(name: string | undefined, text?: string): string;
  encodings: ReadonlySet<string>;
  keyHandleTypes: ReadonlySet<string>;
  keyBytesTypes: ReadonlySet<string>;
  namesCredential(text: string): boolean;
}
export interface PropertyShape {
  form: string;
  origin: string;
  source: string;
  sourceWord: string;
  word: string;
  paramType: string;
  paramWord: string;
  fnWord: string;
  paramUse: string;
  callerArg: string;
  paramDefault: string;
  message: string;
  otherFileCallerArg: string;
}
export declare const PROPERTY_DIMENSIONS: readonly string[];
export declare function logObjectProperties(
  at: {
    text: string;
    file: string;
    line: number;
    parsed?: unknown;
    others?: () => Iterable<{ text: string; parsed: unknown }>;
  },
  catalogue: Catalogue,
): PropertyShape[];
export declare function loadCatalogue(): Promise<Catalogue>;
export declare function fileKind(file: string): string;
export declare function parseCode(text: string, file: string): unknown;
export declare function valueOrigin(n: unknown, parsed: unknown): string;
export declare function lineShape(
  at: { text: string; file: string; line: number; category: string; parsed?: unknown },
  catalogue: Catalogue,
): Shape;
export declare const RANDOM_CHAIN_DIMENSIONS: readonly string[];
export interface RandomChain {
  weakNames: Set<string>;
  purposeOf(name: string): boolean;
  lintAlone?(text: string, file: string, line: number): string;
}
export interface RandomChainShape {
  source: string;
  transform: string;
  use: string;
  'source-use': string;
  alone?: string;
  consumer?: string;
  'consumer-alone'?: string;
  'caller-consumer'?: string;
}
export declare function loadRandomChain(): Promise<RandomChain>;
/** A corpus's other code files, for the callers of an exported helper. */
type OtherFiles = () => readonly { text: string; parsed?: unknown }[];
export declare function randomChainShape(
  at: { text: string; file: string; line: number; parsed?: unknown; others?: OtherFiles },
  chain: RandomChain,
): RandomChainShape;
/** Where the weak value of a line goes: the first of these a value reaches. */
export declare const RANDOM_CONSUMERS: readonly string[];
export declare function randomConsumerShape(
  at: { text: string; file: string; line: number; parsed?: unknown; others?: OtherFiles },
  chain: RandomChain,
): { consumer: string; 'caller-consumer'?: string };
export declare const ROTATION_DIMENSIONS: readonly string[];
export interface RotationShape {
  rotation: string;
  'rotation-file': string;
}
export declare function rotationShape(at: { text: string; file: string; line: number }): RotationShape;
