/**
 * The CLI's view of the `keyhygiene/scanner` API (src/scanner/index.ts). The scanner is loaded with a
 * dynamic import only when a command needs it, so `--help`, `--version` and `keys` never pay for
 * ts-morph and ESLint. Tests pass a fake that satisfies the same interface.
 */
import type { AuditResult, RuleInfo } from '../report/types.js';
import type { ProgressEvent } from './progress.js';

/** `audit()` options, as documented in the scanner contract. */
export interface AuditOptions {
  root: string;
  history?: boolean;
  since?: string;
  workers?: number;
  /** true: the default cache directory; a string: that directory; false: no cache. */
  cache?: boolean | string;
  /** 0-based shard index, as the engine takes it (`--shard 2/4` on the command line → `{ index: 1, count: 4 }`). */
  shard?: { index: number; count: number };
  baseline?: string;
  includeIgnored?: boolean;
  includeFixtures?: boolean;
  /** The lowest evidence level listed: `default` (the catalogue's floor) or a level (`name` lists everything). */
  minEvidence?: 'default' | 'format' | 'sink' | 'flow' | 'name';
  maxFileBytes?: number;
  signal?: AbortSignal;
  onProgress?: (p: ProgressEvent) => void;
  debug?: (line: string) => void;
}

export interface ScannerApi {
  audit(options: AuditOptions): Promise<AuditResult>;
  writeBaseline(path: string, result: AuditResult, options?: { reason?: string; expires?: string }): unknown;
  mergeResults(results: AuditResult[]): AuditResult;
  ruleInfo(): ReadonlyMap<string, RuleInfo>;
}

/** Loads the real scanner (src/scanner/index.ts); the assignment checks that it meets this interface. */
export async function loadScanner(): Promise<ScannerApi> {
  const scanner: ScannerApi = await import('../scanner/index.js');
  return scanner;
}
