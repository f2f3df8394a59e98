/**
 * The shape of a per-file module summary (what crosses a module boundary) and the cheap test of whether any
 * summaries can join. Plain types and data, with no AST code, so the scanner's main thread can decide
 * without loading the linter. The summary's shape and its one producer are in src/rule-kit/flow/summary.ts (the
 * hidden rule in ./summary.ts records it in the lint pass).
 */
import type { ExportFact, ModuleSummary, UseKind } from '../../rule-kit/flow/summary.js';

export type { ExportFact, ModuleSummary } from '../../rule-kit/flow/summary.js';

/** What each use needs to find at the end of its chain. */
export const needs: Readonly<Record<UseKind, ExportFact | 'cdk-key'>> = {
  key: 'secret',
  algorithm: 'weak-alg',
  log: 'secret-holder',
  token: 'weak',
  kms: 'made',
  destroy: 'cdk-key',
};

/**
 * Whether the cross-file step can find anything: some file creates a KMS key, or some use needs a fact
 * that some summary exports (a chain can only end at a file that exports it), or a signing key read from another
 * module may be one drawn per start (a finding to withdraw). When every file has a
 * summary, `false` means no candidate whatever the module graph says, so ts-morph is never loaded.
 */
export function mayJoin(summaries: Iterable<ModuleSummary>): boolean {
  const wanted = new Set<ExportFact | 'cdk-key' | 'fresh'>();
  const held = new Set<ExportFact | 'cdk-key' | 'fresh'>();
  for (const s of summaries) {
    if (s.createsKey) return true;
    // A signing key held elsewhere, and some export holding a key drawn per start: a finding may be withdrawn.
    if (s.signingKeys) wanted.add('fresh');
    for (const e of Object.values(s.exports)) if (e.fresh) held.add('fresh');
    for (const u of s.uses) wanted.add(needs[u.kind]);
    for (const e of Object.values(s.exports)) for (const f of e.facts ?? []) held.add(f);
    if (s.cdkKey) held.add('cdk-key');
  }
  for (const w of wanted) if (held.has(w)) return true;
  return false;
}
