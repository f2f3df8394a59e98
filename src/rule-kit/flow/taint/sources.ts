/**
 * What the catalogue says a call or member read is: a weak random source (`Math.random`, `Date.now`,
 * `process.pid`) or a CSPRNG. Memoised per canonical callee path, shared by every file.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, TSESLint as Lint } from '@typescript-eslint/utils';
import {
  strongRandomSources,
  weakRandomSources,
  type StrongRandomSource,
  type WeakRandomSource,
} from '../../../catalogue/randomness.js';
import { constInitOf, findVariable, unwrap, type Scope, calleeName } from '../../ast.js';
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
  let facts = callFactsOf(cp);
  // `const rand = Math.random; rand()`: a call through a name that only aliases a catalogued function.
  if (facts === NO_FACTS && node.type === T.CallExpression && node.callee.type === T.Identifier && scope) {
    const alias = aliasedCall(node.callee, scope);
    const acp = alias && calleePathOf(alias, imports, scope);
    if (acp) facts = callFactsOf(acp);
  }
  // A random-js instance built with a crypto engine is not weak (and not a strong source either).
  if (facts.weak?.safeWith && builtWithSafeEngine(node, facts.weak.safeWith, scope)) return NO_FACTS;
  if (facts.weak?.fromValue && builtFromValue(node)) return NO_FACTS;
  return facts;
}

/**
 * What calling the value a factory call returns is (`customAlphabet(abc, 10)` from `nanoid/non-secure`,
 * `seedrandom(seed)`, each a generator): the catalogue names such sources by the path of the call of the result
 * (`customAlphabet()`).
 */
export function generatorSourceOf(
  init: TSESTree.CallExpression | TSESTree.NewExpression,
  imports: ImportMap,
  scope: Scope | undefined,
): SourceFacts {
  const cp = calleePathOf(init, imports, scope);
  if (!cp) return NO_FACTS;
  return randomSourceOf(init, imports, scope, { ...cp, path: `${cp.path}()`, fullPath: `${cp.fullPath}()` });
}

/**
 * `private rng = seedrandom(seed)`, `this.next = mulberry32(t)`: a call that makes a weak generator and stores it in a
 * field, whose draws are later calls of `this.rng()`, a callee that names no source itself (the tracker follows it).
 */
export function fieldGeneratorMade(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  imports: ImportMap,
  scope: Scope | undefined,
): boolean {
  const p = node.parent;
  const field =
    p?.type === T.PropertyDefinition ||
    (p?.type === T.AssignmentExpression &&
      p.left.type === T.MemberExpression &&
      p.left.object.type === T.ThisExpression);
  return field && generatorSourceOf(node, imports, scope).weak !== undefined;
}

/**
 * `new Date(value)`, `new Date(row.expires).getTime()`, `new ObjectId(hex)`: an object built from a value is that
 * value (a stored expiry, a parsed id), not a new reading; only the constructor with no argument makes one (catalogue
 * `fromValue`).
 */
function builtFromValue(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const made = node.type === T.CallExpression && node.callee.type === T.MemberExpression ? node.callee.object : node;
  return made.type === T.NewExpression && made.arguments.length > 0;
}

const NO_FACTS: SourceFacts = Object.freeze({});

/**
 * The call a name stands for when it only aliases a function read from an object: `const rand = Math.random`,
 * `const { random } = Math`, `var gen = shortid.generate` (one definition, never reassigned). A synthetic call of
 * that member, for the callee-path matcher; memoised per call node.
 */
const aliasCalls = new WeakMap<TSESTree.Identifier, TSESTree.CallExpression | null>();
function aliasedCall(callee: TSESTree.Identifier, scope: Scope): TSESTree.CallExpression | undefined {
  let c = aliasCalls.get(callee);
  if (c === undefined) aliasCalls.set(callee, (c = aliasOf(callee, scope) ?? null));
  return c ?? undefined;
}

/** The dotted path a name aliases (`const { floor } = Math` → `Math.floor`), for the engine's transform tables. */
export function aliasedName(callee: TSESTree.Identifier, scope: Scope): string | undefined {
  const alias = aliasedCall(callee, scope);
  return alias && dotted(alias.callee);
}

function aliasOf(callee: TSESTree.Identifier, scope: Scope): TSESTree.CallExpression | undefined {
  const v = findVariable(scope, callee);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (def?.type !== Lint.Scope.DefinitionType.Variable || !def.node.init) return undefined;
  if (v!.references.some((r) => r.isWrite() && !r.init)) return undefined;
  const init = unwrap(def.node.init);
  const id = def.node.id;
  let member: TSESTree.MemberExpression | undefined;
  if (id.type === T.Identifier && init.type === T.MemberExpression) member = init;
  else if (id.type === T.ObjectPattern && (init.type === T.Identifier || init.type === T.MemberExpression)) {
    const prop = id.properties.find((p) => p.type === T.Property && p.value === def.name);
    if (prop?.type === T.Property && !prop.computed && prop.key.type === T.Identifier)
      member = {
        type: T.MemberExpression,
        object: init,
        property: prop.key,
        computed: false,
        optional: false,
        parent: init.parent,
        range: init.range,
        loc: init.loc,
      } as TSESTree.MemberExpression;
  }
  if (!member) return undefined;
  return {
    type: T.CallExpression,
    callee: member,
    arguments: [],
    optional: false,
    typeArguments: undefined,
    parent: callee.parent,
    range: callee.range,
    loc: callee.loc,
  } as TSESTree.CallExpression;
}

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
