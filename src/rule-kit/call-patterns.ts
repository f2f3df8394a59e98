/**
 * Matches calls against catalogue call patterns that are not key sinks (file deletion APIs, key
 * producers, loggers, retention settings). Same canonical callee paths and module rules as the sink
 * matcher (src/rule-kit/sinks.ts), so a pattern is written the way a sink's `callee` is.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { CallPattern } from '../catalogue/types.js';
import type { KeySink } from '../catalogue/types.js';
import type { Scope } from './ast.js';
import type { ImportMap } from './imports.js';
import { calleePathOf, sinkMatches, type CalleePath } from './sinks.js';

const asSinks = new WeakMap<CallPattern, readonly KeySink[]>();

/** One sink-shaped matcher per callee glob (built once per pattern). */
function sinksOf(p: CallPattern): readonly KeySink[] {
  let s = asSinks.get(p);
  if (!s) {
    s = p.callees.map((callee) => ({
      id: p.id,
      title: p.title,
      modules: p.modules,
      callee,
      ...(p.global ? { global: true } : {}),
      ...(p.receivers ? { receivers: p.receivers } : {}),
      args: [],
      samples: p.samples,
    }));
    asSinks.set(p, s);
  }
  return s;
}

/** Whether the call with canonical path `cp` is described by `pattern`. */
export function patternMatches(pattern: CallPattern, cp: CalleePath): boolean {
  return sinksOf(pattern).some((s) => sinkMatches(s, cp));
}

/** The first pattern in `patterns` that describes the call, or undefined. */
export function matchCallPattern<P extends CallPattern>(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  imports: ImportMap,
  scope: Scope | undefined,
  patterns: readonly P[],
): P | undefined {
  const cp = calleePathOf(node, imports, scope);
  if (!cp) return undefined;
  return patterns.find((p) => patternMatches(p, cp));
}
