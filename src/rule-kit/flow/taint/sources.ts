/**
 * What the catalogue says a call or member read is: a weak random source (`Math.random`, `Date.now`,
 * `process.pid`) or a CSPRNG. Memoised per canonical callee path, shared by every file.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  strongRandomSources,
  weakRandomSources,
  type StrongRandomSource,
  type WeakRandomSource,
} from '../../../catalogue/randomness.js';
import { constInitOf, unwrap, type Scope, calleeName } from '../../ast.js';
import { patternMatches } from '../../call-patterns.js';
import type { ImportMap } from '../../imports.js';
import { calleePathKey, calleePathOf, MEMO_LIMIT, reachOf, type CalleePath } from '../../sinks.js';
import { dotted } from '../functions.js';

/** What the catalogue says about one call (or `process.pid` read): computed once per node. */
export interface SourceFacts {
  readonly weak?: WeakRandomSource;
  readonly strong?: StrongRandomSource;
}

const callSources = weakRandomSources.filter((s) => !s.member);
const memberSources = weakRandomSources.filter((s) => s.member);

/**
 * The weak or strong random source a call (or member read) is, by the catalogue. A random-js instance
 * built with a crypto engine is not weak.
 */
export function randomSourceOf(
  node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.MemberExpression,
  imports: ImportMap,
  scope: Scope | undefined,
  known?: CalleePath,
): SourceFacts {
  if (node.type === T.MemberExpression) {
    const path = dotted(node);
    if (path === undefined) return NO_FACTS;
    return memberFactsOf(path);
  }
  const cp = known ?? calleePathOf(node, imports, scope);
  if (!cp) return NO_FACTS;
  const facts = callFactsOf(cp);
  // A random-js instance built with a crypto engine is not weak (and not a strong source either).
  if (facts.weak?.safeWith && builtWithSafeEngine(node, facts.weak.safeWith, scope)) return NO_FACTS;
  return facts;
}

const NO_FACTS: SourceFacts = Object.freeze({});

/**
 * The catalogue's answer for a callee path, memoised per `calleePathKey` (shared by every call with the
 * same path, in every file): the first weak source that matches, else the first strong one. The per-node
 * `safeWith` check stays in `randomSourceOf`.
 */
const callFactsByPath = new Map<string, SourceFacts>();
/** Whether any weak or strong call source can describe a callee path at all (exact; see `reachOf`). */
const sourceReach = reachOf([...callSources, ...strongRandomSources]);
function callFactsOf(cp: CalleePath): SourceFacts {
  if (!sourceReach(cp)) return NO_FACTS;
  const k = calleePathKey(cp);
  let f = callFactsByPath.get(k);
  if (!f) {
    if (callFactsByPath.size >= MEMO_LIMIT) callFactsByPath.clear();
    const weak = callSources.find((s) => patternMatches(s, cp));
    const strong = weak ? undefined : strongRandomSources.find((s) => patternMatches(s, cp));
    f = weak ? Object.freeze({ weak }) : strong ? Object.freeze({ strong }) : NO_FACTS;
    callFactsByPath.set(k, f);
  }
  return f;
}

/** The weak member read (`process.pid`) a dotted path is, memoised per path. */
const memberFactsByPath = new Map<string, SourceFacts>();
function memberFactsOf(path: string): SourceFacts {
  let f = memberFactsByPath.get(path);
  if (!f) {
    if (memberFactsByPath.size >= MEMO_LIMIT) memberFactsByPath.clear();
    const weak = memberSources.find((s) => s.callees.some((c) => path === c || path.endsWith(`.${c}`)));
    f = weak ? Object.freeze({ weak }) : NO_FACTS;
    memberFactsByPath.set(path, f);
  }
  return f;
}

/** `new Random(nodeCrypto).string(8)`, or `random.string(8)` where `const random = new Random(nodeCrypto)`. */
function builtWithSafeEngine(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  safe: NonNullable<WeakRandomSource['safeWith']>,
  scope: Scope | undefined,
): boolean {
  let n: TSESTree.Node = unwrap(call.callee);
  for (let i = 0; i < 4; i++) {
    if (n.type === T.MemberExpression) n = unwrap(n.object);
    else if (n.type === T.Identifier && scope) {
      const init = constInitOf(n, scope);
      if (!init) return false;
      n = unwrap(init);
    } else break;
    if (n.type === T.NewExpression) {
      const a = n.arguments[safe.index];
      const name = a && calleeName(a);
      return name !== undefined && safe.names.includes(name);
    }
  }
  return false;
}
