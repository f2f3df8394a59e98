export interface RealSpeedFigures {
  id: string;
  floorCpuMs: number;
  floorWallMs: number;
  auditCpuMs: number;
  defaultCpuMs?: number;
  phases: Partial<Record<'walk' | 'lint' | 'text' | 'crossFile' | 'history', number>>;
  history?: { firstHistoryMs: number };
  [more: string]: unknown;
}
export declare const BEGIN: string;
export declare const END: string;
export declare const PHASES: readonly string[];
export declare const TOLERANCE: number;
export declare const SLACK_MS: number;
export declare function baselineFrom(doc: string): RealSpeedFigures[];
export declare function withBaseline(doc: string, results: readonly RealSpeedFigures[]): string;
export declare function regressionsOf(
  results: readonly RealSpeedFigures[],
  baseline: readonly RealSpeedFigures[],
): { regressions: string[]; unknown: string[] };
export declare function parallelCeiling(aloneWallMs: number, pairWallMs: readonly number[]): number;
export interface RoundCpu {
  floorCpuMs: number;
  recommendedCpuMs: number;
  defaultCpuMs: number;
  [more: string]: unknown;
}
export declare function roundFigures(rounds: readonly RoundCpu[]): {
  rounds: number;
  floorCpuMs: number;
  recommendedCpuMs: number;
  defaultCpuMs: number;
  recommendedRatio: number;
  defaultCpuRatio: number;
  auditOverLint: { perRound: number[]; median: number; min: number; max: number };
};
export declare function mainThreadSplit(
  rounds: readonly {
    threads?: { lint?: { main?: number }; audit?: { main?: number } };
    mainCpu?: { lint?: { verify?: number }; audit?: { verify?: number } };
  }[],
): { verify: number; rest: number }[] | undefined;
