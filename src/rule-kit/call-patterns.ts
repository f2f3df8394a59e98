/**
 * Matches calls against catalogue call patterns that are not key sinks (file deletion APIs, key
 * producers, loggers, retention settings). Same canonical callee paths and module rules as the sink
 * matcher (src/rule-kit/sinks.ts), so a pattern is written the way a sink's `callee` is.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { CallPattern } from '../catalogue/types.js';
import type { Scope } from './ast.js';
import type { ImportMap } from './imports.js';
import { calleePathKey, calleePathOf, MEMO_LIMIT, reachOf, shapeMatcher, type CalleePath } from './sinks.js';

/** One matcher per pattern (its callee globs compiled once, see `shapeMatcher`). */
const matchers = new WeakMap<CallPattern, (cp: CalleePath) => boolean>();

function matcherOf(p: CallPattern): (cp: CalleePath) => boolean {
  let m = matchers.get(p);
  if (!m) {
    m = shapeMatcher(
      { modules: p.modules, ...(p.global ? { global: true } : {}), ...(p.receivers ? { receivers: p.receivers } : {}) },
      p.callees,
    );
    matchers.set(p, m);
  }
  return m;
}

/** Whether the call with canonical path `cp` is described by `pattern`. */
export function patternMatches(pattern: CallPattern, cp: CalleePath): boolean {
  return matcherOf(pattern)(cp);
}

/**
 * Per pattern list (the catalogue's lists live for the whole process): the index of the first pattern that
 * describes a callee path, -1 for none, by `calleePathKey`. One lookup per call instead of one per pattern.
 */
const firstByList = new WeakMap<readonly CallPattern[], Map<string, number>>();
/** Per pattern list: whether any of its patterns can describe a callee path at all (`reachOf`, exact). */
const reachByList = new WeakMap<readonly CallPattern[], (cp: CalleePath) => boolean>();

/** The first pattern in `patterns` that describes the call, or undefined. */
export function matchCallPattern<P extends CallPattern>(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  imports: ImportMap,
  scope: Scope | undefined,
  patterns: readonly P[],
): P | undefined {
  const cp = calleePathOf(node, imports, scope);
  return cp && firstMatchingPattern(patterns, cp);
}

/**
 * Whether any pattern of `patterns` can describe the call with path `cp` (`reachOf`, exact: false only when no
 * pattern matches). One test per call instead of one per pattern, for a caller that walks the list itself.
 */
export function patternsReach(patterns: readonly CallPattern[], cp: CalleePath): boolean {
  let reach = reachByList.get(patterns);
  if (!reach) reachByList.set(patterns, (reach = reachOf(patterns)));
  return reach(cp);
}

/** Per pattern list: every pattern that describes a callee path, in list order, by `calleePathKey`. */
const allByList = new WeakMap<readonly CallPattern[], Map<string, readonly CallPattern[]>>();
const NO_PATTERNS: readonly never[] = Object.freeze([]);

/**
 * `patterns.filter((p) => patternMatches(p, cp))`, with the list's prefilter and a per-path memo: for a caller that
 * acts on every match (a list whose receivers, such as `res` or `ctx`, pass the prefilter on most server calls).
 */
export function patternsMatching<P extends CallPattern>(patterns: readonly P[], cp: CalleePath): readonly P[] {
  if (!patternsReach(patterns, cp)) return NO_PATTERNS;
  let memo = allByList.get(patterns);
  if (!memo) allByList.set(patterns, (memo = new Map<string, readonly CallPattern[]>()));
  const key = calleePathKey(cp);
  let hit = memo.get(key);
  if (hit === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    const found = patterns.filter((p) => patternMatches(p, cp));
    memo.set(key, (hit = found.length ? found : NO_PATTERNS));
  }
  return hit as readonly P[];
}

/** `patterns.find((p) => patternMatches(p, cp))`, with the list's prefilter and a per-path memo. */
export function firstMatchingPattern<P extends CallPattern>(patterns: readonly P[], cp: CalleePath): P | undefined {
  if (patterns.length < 2) return patterns.find((p) => patternMatches(p, cp));
  if (!patternsReach(patterns, cp)) return undefined;
  let memo = firstByList.get(patterns);
  if (!memo) firstByList.set(patterns, (memo = new Map<string, number>()));
  const key = calleePathKey(cp);
  let i = memo.get(key);
  if (i === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, (i = patterns.findIndex((p) => patternMatches(p, cp))));
  }
  return i < 0 ? undefined : patterns[i];
}
