/**
 * The finding collectors rules share: one report per node. A rule that meets the same node through several
 * checks either keeps the best-ranked finding (`RankedFindings`, reported after the traversal) or reports
 * the first one at once (`oncePerNode`).
 */
import type { TSESTree } from '@typescript-eslint/utils';

/** The best finding per node: a later offer replaces an earlier one only with a higher rank. */
export class RankedFindings<T extends { readonly node: TSESTree.Node; readonly rank: number }> {
  private readonly byNode = new Map<TSESTree.Node, T>();

  offer(finding: T): void {
    const prev = this.byNode.get(finding.node);
    if (!prev || prev.rank < finding.rank) this.byNode.set(finding.node, finding);
  }

  values(): IterableIterator<T> {
    return this.byNode.values();
  }
}

/** A guard for one file: true the first time a node is seen, false after, so a node is reported once. */
export function oncePerNode(): (node: TSESTree.Node) => boolean {
  const seen = new Set<TSESTree.Node>();
  return (node) => {
    if (seen.has(node)) return false;
    seen.add(node);
    return true;
  };
}
