/**
 * Weak-value tracking for `no-weak-randomness`, within one file: from an expression with a security
 * purpose back to the random sources that make its value. It follows what `resolveOrigins`
 * (values.ts) follows — bindings, re-assignment, properties, class fields, fallbacks — and also the ways
 * a token is built: helper functions' return values (with their arguments bound), template literals,
 * concatenation, `+=` in loops, `.push`/`.join`, `Array.from`/`.map` callbacks, arithmetic,
 * `Math.floor`, string methods and unkeyed hashes.
 *
 * A value is weak when some way of making it draws only on weak sources and constants. A part the
 * tracker cannot see into (an unknown call, a parameter, an import, a secret-named read) may carry
 * entropy, so it makes the value not weak: the rule stays quiet rather than guess.
 */
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { parseForESLint } from '@typescript-eslint/parser';
import type { ParserServices, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, TSESLint as Lint } from '@typescript-eslint/utils';
import type * as TS from 'typescript';
import {
  strongRandomSources,
  weakRandomSources,
  type StrongRandomSource,
  type WeakRandomSource,
} from '../catalogue/randomness.js';
import { isSecretName, normaliseName, securityPurposeOf } from '../detect/names.js';
import {
  childrenOf,
  constInitOf,
  envVarName,
  findVariable,
  propertyName,
  staticNumber,
  unwrap,
  type Scope,
} from './ast.js';
import { patternMatches } from './call-patterns.js';
import { collectImports, type ImportMap } from './imports.js';
import { calleePathKey, calleePathOf, MEMO_LIMIT, type CalleePath } from './sinks.js';

const DefinitionType = Lint.Scope.DefinitionType;

export type FunctionNode =
  TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** A value from another file, found with type information. */
export interface ForeignOrigin {
  /** The function that returns the weak value, as `name()`. */
  readonly fn: string;
  /** Its file, relative to the linted project. */
  readonly file: string;
}

export type WeakHit =
  | {
      readonly kind: 'source';
      /** Where to report: the weak call, or the call into another file that returns a weak value. */
      readonly node: TSESTree.Node;
      readonly source: WeakRandomSource;
      readonly foreign?: ForeignOrigin;
    }
  | {
      /** CSPRNG bits reduced modulo a number that does not divide 2^bits: some values are likelier. */
      readonly kind: 'bias';
      readonly node: TSESTree.BinaryExpression;
      readonly bits: number;
      readonly modulus: number;
    };

export interface Taint {
  /** Weak sources (and biased reductions) that make the value in some way of computing it. */
  readonly weak: readonly WeakHit[];
  /** Every way of computing the value draws on entropy the tracker cannot call weak. */
  readonly entropy: boolean;
  /** The value is a buffer of CSPRNG elements this many bits wide. */
  readonly elementBits?: number;
  /** The value is one CSPRNG integer this many bits wide (an element of such a buffer). */
  readonly intBits?: number;
}

/**
 * Whether a name the tracker cannot see behind (a parameter, a property of an unknown object, a global)
 * may hold secret or random material: `key`, `signingSecret`, `randomPart`, `saltBytes`. Other names
 * (`userId`, `email`, `prefix`) hold predictable data.
 */
export function mayHoldEntropy(name: string): boolean {
  return (
    isSecretName(name) ||
    securityPurposeOf(name) !== undefined ||
    /(?:^|_)(?:keys?|seed|random|rand|entropy|bytes|buf|buffer|pass|pw|kek|dek|ikm|prk|mac)(?:_|$)/.test(
      normaliseName(name),
    )
  );
}

const PREDICTABLE: Taint = { weak: [], entropy: false };
const OPAQUE: Taint = { weak: [], entropy: true };

/** Ways of combining the parts of one value (`a + b`): entropy in any part makes the whole unguessable. */
function mix(parts: readonly Taint[]): Taint {
  if (parts.length === 1) return parts[0]!;
  if (parts.some((p) => p.entropy)) return OPAQUE;
  const weak = parts.flatMap((p) => p.weak);
  return weak.length ? { weak: dedupe(weak), entropy: false } : PREDICTABLE;
}

/** Alternative ways of computing one value (`a ? b : c`, re-assignment): weak if any alternative is. */
function alt(parts: readonly Taint[]): Taint {
  if (parts.length === 0) return PREDICTABLE;
  if (parts.length === 1) return parts[0]!;
  const weak = dedupe(parts.flatMap((p) => p.weak));
  return { weak, entropy: parts.every((p) => p.entropy) };
}

function dedupe(hits: readonly WeakHit[]): WeakHit[] {
  const seen = new Set<TSESTree.Node>();
  return hits.filter((h) => !seen.has(h.node) && (seen.add(h.node), true));
}

/** An element of the value (`buf[i]`, `for (const b of buf)`): a CSPRNG buffer gives CSPRNG integers. */
function element(t: Taint): Taint {
  if (t.elementBits !== undefined) return { weak: t.weak, entropy: t.entropy, intBits: t.elementBits };
  return t.intBits === undefined ? t : { weak: t.weak, entropy: t.entropy };
}

/** Drops the width facts: the value is derived, no longer a raw buffer or integer. */
function derived(t: Taint): Taint {
  return t.elementBits === undefined && t.intBits === undefined ? t : { weak: t.weak, entropy: t.entropy };
}

// Methods whose result is made from the receiver alone (string, number, array and buffer methods).
const RECEIVER_METHODS = new Set([
  'toString',
  'toFixed',
  'toPrecision',
  'toExponential',
  'toLocaleString',
  'valueOf',
  'substring',
  'substr',
  'slice',
  'subarray',
  'padStart',
  'padEnd',
  'toUpperCase',
  'toLowerCase',
  'trim',
  'trimStart',
  'trimEnd',
  'replace',
  'replaceAll',
  'split',
  'join',
  'reverse',
  'at',
  'charAt',
  'charCodeAt',
  'codePointAt',
  'repeat',
  'normalize',
  'getTime',
  'toISOString',
  'toJSON',
  'flat',
  'filter',
  'toBase64',
  'toHex',
  'toReversed',
  'toSorted',
  'readUInt8',
  'readInt8',
  'readUInt16BE',
  'readUInt16LE',
  'readInt16BE',
  'readInt16LE',
  'readUInt32BE',
  'readUInt32LE',
  'readInt32BE',
  'readInt32LE',
  'readUIntBE',
  'readUIntLE',
  'readIntBE',
  'readIntLE',
  'readBigUInt64BE',
  'readBigUInt64LE',
  'readBigInt64BE',
  'readBigInt64LE',
  'readDoubleBE',
  'readDoubleLE',
]);
// Methods whose result is made from the receiver and the arguments (hash updates, concatenation, encoding).
const MIXING_METHODS = new Set(['concat', 'update', 'digest', 'encode', 'fromCharCode', 'fromCodePoint', 'of']);
// Global functions (and static methods) whose result is made from their arguments.
const PASS_THROUGH = new Set([
  'String',
  'Number',
  'BigInt',
  'parseInt',
  'parseFloat',
  'encodeURIComponent',
  'encodeURI',
  'escape',
  'btoa',
  'Math.floor',
  'Math.ceil',
  'Math.round',
  'Math.trunc',
  'Math.abs',
  'Math.min',
  'Math.max',
  'Math.sign',
  'Math.pow',
  'Math.sqrt',
  'Math.log',
  'Math.log2',
  'Math.exp',
  'Math.fround',
  'Math.imul',
  'Number.parseInt',
  'Number.parseFloat',
  'String.fromCharCode',
  'String.fromCodePoint',
  'Buffer.from',
  'Buffer.concat',
  'Array.of',
  'JSON.stringify',
  'Object.values',
  'Uint8Array.from',
  'BigInt.asUintN',
]);
// Calls whose result carries no entropy of its own: a fresh hash context, an encoder, a zero buffer.
const NEUTRAL_CALLS = new Set([
  'createHash',
  'crypto.createHash',
  'TextEncoder',
  'Buffer.alloc',
  'Date.parse',
  'Math.PI',
]);

const TYPED_ARRAY_BITS: Readonly<Record<string, number>> = {
  Uint8Array: 8,
  Int8Array: 8,
  Uint8ClampedArray: 8,
  Uint16Array: 16,
  Int16Array: 16,
  Uint32Array: 32,
  Int32Array: 32,
  BigUint64Array: 64,
  BigInt64Array: 64,
};

/** `Math.floor`, `crypto.createHash`, `String`: a callee as dotted text, for the small tables above. */
function dotted(node: TSESTree.Node): string | undefined {
  const n = unwrap(node);
  if (n.type === T.Identifier) return n.name;
  if (n.type === T.MemberExpression) {
    const p = propertyName(n);
    const o = dotted(n.object);
    return p !== undefined && o !== undefined ? `${o}.${p}` : undefined;
  }
  return undefined;
}

/** The width in bits of the integer a buffer read returns. */
function readBits(method: string, args: readonly TSESTree.Node[]): number | undefined {
  if (/^read(?:U?Int)8$/.test(method)) return 8;
  if (/^readU?Int16/.test(method)) return 16;
  if (/^readU?Int32/.test(method)) return 32;
  if (/^readBig/.test(method)) return 64;
  if (/^readU?Int[BL]E$/.test(method)) {
    const n = staticNumber(args[1]);
    return n === undefined ? 48 : n * 8;
  }
  return undefined;
}

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
function callFactsOf(cp: CalleePath): SourceFacts {
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
      const name =
        a && (a.type === T.Identifier ? a.name : a.type === T.MemberExpression ? propertyName(a) : undefined);
      return name !== undefined && safe.names.includes(name);
    }
  }
  return false;
}

/** The functions a call to `callee` runs, when they are in this file and never re-bound. */
function localFunction(callee: TSESTree.Node, getScope: (n: TSESTree.Node) => Scope): FunctionNode | undefined {
  const c = unwrap(callee);
  if (c.type === T.Identifier) {
    const v = findVariable(getScope(c), c);
    if (!v || v.defs.length !== 1) return undefined;
    const def = v.defs[0]!;
    if (
      def.type === DefinitionType.FunctionName &&
      (def.node.type === T.FunctionDeclaration || def.node.type === T.FunctionExpression)
    )
      return def.node;
    if (def.type === DefinitionType.Variable) {
      const init = constInitOf(c, getScope(c));
      const f = init && unwrap(init);
      if (f && (f.type === T.ArrowFunctionExpression || f.type === T.FunctionExpression)) return f;
    }
    return undefined;
  }
  // this.helper(): a method of the enclosing class.
  if (c.type === T.MemberExpression && unwrap(c.object).type === T.ThisExpression) {
    const name = propertyName(c);
    let cls: TSESTree.Node | undefined = c.parent;
    while (cls && cls.type !== T.ClassBody) cls = cls.parent;
    if (!cls || cls.type !== T.ClassBody || name === undefined) return undefined;
    for (const m of cls.body) {
      if (m.type === T.MethodDefinition && m.kind === 'method' && propertyName(m) === name)
        return m.value.type === T.FunctionExpression ? m.value : undefined;
      if (
        m.type === T.PropertyDefinition &&
        propertyName(m) === name &&
        m.value &&
        (m.value.type === T.ArrowFunctionExpression || m.value.type === T.FunctionExpression)
      )
        return m.value;
    }
  }
  return undefined;
}

/** The nearest enclosing function of a node. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === T.FunctionDeclaration || p.type === T.FunctionExpression || p.type === T.ArrowFunctionExpression)
      return p;
  }
  return undefined;
}

/** The name a function goes by: its own, or the binding, property or method it is stored under. */
export function functionName(fn: FunctionNode): string | undefined {
  if (fn.type !== T.ArrowFunctionExpression && fn.id) return fn.id.name;
  const p = fn.parent;
  if (!p) return undefined;
  if (p.type === T.VariableDeclarator && p.id.type === T.Identifier) return p.id.name;
  if ((p.type === T.Property || p.type === T.MethodDefinition || p.type === T.PropertyDefinition) && p.value === fn)
    return propertyName(p);
  if (p.type === T.AssignmentExpression && p.right === fn)
    return p.left.type === T.Identifier
      ? p.left.name
      : p.left.type === T.MemberExpression
        ? propertyName(p.left)
        : undefined;
  return undefined;
}

export interface TaintOptions {
  readonly getScope: (node: TSESTree.Node) => Scope;
  readonly imports: ImportMap;
  readonly visitorKeys: TSESLint.SourceCode.VisitorKeys;
  /** Follows a call into another file (with type information); undefined leaves the call opaque. */
  readonly foreignCall?: (call: TSESTree.CallExpression) => Taint | undefined;
}

interface Frame {
  readonly fn: FunctionNode;
  readonly args: readonly TSESTree.CallExpressionArgument[];
  readonly parent: Frame | undefined;
}

const MAX_DEPTH = 40;
const MAX_FRAMES = 4;

export interface TaintTracker {
  /** Where the value of `expr` gets its randomness from. */
  taintOf(expr: TSESTree.Node): Taint;
  /** The return expressions of a function (an arrow's expression body counts). */
  returnsOf(fn: FunctionNode): readonly TSESTree.Node[];
  /** The catalogue facts for a call or member read (cached; `cp` saves recomputing the call's path). */
  sourceOf(
    node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.MemberExpression,
    cp?: CalleePath,
  ): SourceFacts;
}

export function createTaintTracker(options: TaintOptions): TaintTracker {
  const { getScope, imports, visitorKeys } = options;
  const memo = new Map<TSESTree.Node, Taint>();
  const active = new Set<TSESTree.Node>();
  const returnsCache = new Map<FunctionNode, TSESTree.Node[]>();
  const sourceCache = new Map<TSESTree.Node, SourceFacts>();
  let depth = 0;

  const sourceOf = (
    node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.MemberExpression,
    cp?: CalleePath,
  ): SourceFacts => {
    let f = sourceCache.get(node);
    if (!f) sourceCache.set(node, (f = randomSourceOf(node, imports, getScope(node), cp)));
    return f;
  };

  function returnsOf(fn: FunctionNode): readonly TSESTree.Node[] {
    let out = returnsCache.get(fn);
    if (out) return out;
    out = [];
    if (fn.body.type !== T.BlockStatement) out.push(fn.body);
    else {
      const stack: TSESTree.Node[] = [fn.body];
      while (stack.length) {
        const n = stack.pop()!;
        if (n.type === T.ReturnStatement) {
          if (n.argument) out.push(n.argument);
          continue;
        }
        if (
          n !== fn.body &&
          (n.type === T.FunctionDeclaration ||
            n.type === T.FunctionExpression ||
            n.type === T.ArrowFunctionExpression ||
            n.type === T.ClassBody)
        )
          continue;
        stack.push(...childrenOf(n, visitorKeys));
      }
    }
    returnsCache.set(fn, out);
    return out;
  }

  function walk(node: TSESTree.Node, frame: Frame | undefined): Taint {
    const n = unwrap(node);
    if (frame === undefined) {
      const m = memo.get(n);
      if (m) return m;
    }
    if (active.has(n) || depth > MAX_DEPTH) return PREDICTABLE;
    active.add(n);
    depth++;
    try {
      const t = inner(n, frame);
      if (frame === undefined) memo.set(n, t);
      return t;
    } finally {
      depth--;
      active.delete(n);
    }
  }

  const walkAll = (nodes: readonly (TSESTree.Node | null)[], frame: Frame | undefined): Taint[] =>
    nodes.flatMap((e) => (e ? [e.type === T.SpreadElement ? walk(e.argument, frame) : walk(e, frame)] : []));

  function inner(n: TSESTree.Node, frame: Frame | undefined): Taint {
    switch (n.type) {
      case T.Literal:
      case T.ThisExpression:
      case T.ObjectExpression:
      case T.UpdateExpression:
      case T.FunctionExpression:
      case T.ArrowFunctionExpression:
      case T.ClassExpression:
        return PREDICTABLE;
      case T.TemplateLiteral:
        return mix(walkAll(n.expressions, frame).map(derived));
      case T.BinaryExpression:
        return binary(n, frame);
      case T.LogicalExpression:
        return alt([walk(n.left, frame), walk(n.right, frame)]);
      case T.ConditionalExpression:
        return alt([walk(n.consequent, frame), walk(n.alternate, frame)]);
      case T.UnaryExpression:
        return n.operator === '+' || n.operator === '-' || n.operator === '~'
          ? derived(walk(n.argument, frame))
          : PREDICTABLE;
      case T.AwaitExpression:
        return walk(n.argument, frame);
      case T.SequenceExpression:
        return walk(n.expressions[n.expressions.length - 1]!, frame);
      case T.AssignmentExpression:
        return walk(n.right, frame);
      case T.ArrayExpression:
        return mix(walkAll(n.elements, frame).map(derived));
      case T.Identifier:
        return identifier(n, frame);
      case T.MemberExpression:
        return member(n, frame);
      case T.CallExpression:
      case T.NewExpression:
        return call(n, frame);
      default:
        return OPAQUE;
    }
  }

  function binary(n: TSESTree.BinaryExpression, frame: Frame | undefined): Taint {
    if (n.left.type === T.PrivateIdentifier) return PREDICTABLE;
    if (['==', '!=', '===', '!==', '<', '>', '<=', '>=', 'in', 'instanceof'].includes(n.operator)) return PREDICTABLE;
    const left = walk(n.left, frame);
    if (n.operator === '%' && left.intBits !== undefined && left.intBits <= 16) {
      const m = modulusOf(n.right);
      if (m !== undefined && Number.isInteger(m) && m > 1 && 2 ** left.intBits % m !== 0) {
        return { weak: [...left.weak, { kind: 'bias', node: n, bits: left.intBits, modulus: m }], entropy: false };
      }
    }
    return mix([derived(left), derived(walk(n.right, frame))]);
  }

  /** A modulus known in advance: a number, or the length of a constant string or array. */
  function modulusOf(node: TSESTree.Node): number | undefined {
    const v = staticNumber(node);
    if (v !== undefined) return v;
    const n = unwrap(node);
    if (n.type === T.MemberExpression && propertyName(n) === 'length') {
      let o = unwrap(n.object);
      if (o.type === T.Identifier) o = unwrap(constInitOf(o, getScope(o)) ?? o);
      if (o.type === T.Literal && typeof o.value === 'string') return o.value.length;
      if (o.type === T.TemplateLiteral && o.expressions.length === 0) return o.quasis[0]?.value.cooked?.length;
      if (o.type === T.ArrayExpression && o.elements.every((e) => e && e.type !== T.SpreadElement))
        return o.elements.length;
    }
    return undefined;
  }

  function identifier(n: TSESTree.Identifier, frame: Frame | undefined): Taint {
    if (n.name === 'undefined') return PREDICTABLE;
    const v = findVariable(getScope(n), n);
    // A global or an undeclared name: a secret-named one may hold a key.
    if (!v || v.defs.length === 0) return mayHoldEntropy(n.name) ? OPAQUE : PREDICTABLE;
    const alternatives: Taint[] = [];
    const mixins: Taint[] = [];
    const inits = new Set<TSESTree.Node>();
    for (const def of v.defs) {
      switch (def.type) {
        case DefinitionType.Variable: {
          const d = def.node;
          if (d.init) inits.add(d.init);
          if (d.id.type === T.Identifier && d.init) alternatives.push(walk(d.init, frame));
          else if (d.id.type === T.ArrayPattern && d.init) alternatives.push(element(walk(d.init, frame)));
          else if (d.id.type === T.ObjectPattern) alternatives.push(PREDICTABLE);
          else {
            // for (const b of randomBytes(16)): each b is an element of the iterated value.
            const loop = def.parent?.parent;
            if (loop?.type === T.ForOfStatement && loop.left === def.parent)
              alternatives.push(element(walk(loop.right, frame)));
            else if (loop?.type === T.ForInStatement) alternatives.push(PREDICTABLE);
          }
          break;
        }
        case DefinitionType.Parameter:
          alternatives.push(parameter(def.node as FunctionNode, def.name, n.name, frame));
          break;
        case DefinitionType.FunctionName:
        case DefinitionType.ClassName:
        case DefinitionType.CatchClause:
        case DefinitionType.Type:
          alternatives.push(PREDICTABLE);
          break;
        default:
          alternatives.push(OPAQUE);
      }
    }
    for (const ref of v.references) {
      const id = ref.identifier;
      const p = id.parent;
      if (ref.isWrite()) {
        if (!ref.writeExpr || inits.has(ref.writeExpr)) continue;
        if (p?.type === T.AssignmentExpression && p.left === id) {
          if (p.operator === '=') alternatives.push(walk(ref.writeExpr, frame));
          else mixins.push(derived(walk(ref.writeExpr, frame)));
        }
        continue;
      }
      if (p?.type === T.MemberExpression && p.object === id) {
        const method = propertyName(p);
        const c = p.parent;
        if (c?.type === T.CallExpression && c.callee === p && (method === 'push' || method === 'unshift'))
          mixins.push(...walkAll(c.arguments, frame).map(derived));
        else if (c?.type === T.AssignmentExpression && c.left === p && p.computed)
          mixins.push(derived(walk(c.right, frame)));
      } else if (p?.type === T.CallExpression && p.arguments.includes(id as TSESTree.CallExpressionArgument)) {
        // getRandomValues(buf) / randomFillSync(buf): the buffer now holds CSPRNG bytes.
        const s = sourceOf(p).strong;
        if (s?.fills !== undefined && p.arguments[s.fills] === id)
          return { weak: [], entropy: true, elementBits: arrayBits(id) ?? s.elementBits ?? 8 };
      }
    }
    const base = alt(alternatives);
    return mixins.length ? mix([derived(base), ...mixins]) : base;
  }

  /** The element width of a typed array a name or expression holds (`new Uint32Array(4)` → 32). */
  function arrayBits(node: TSESTree.Node): number | undefined {
    let n = unwrap(node);
    if (n.type === T.Identifier) n = unwrap(constInitOf(n, getScope(n)) ?? n);
    if (n.type === T.NewExpression && n.callee.type === T.Identifier) return TYPED_ARRAY_BITS[n.callee.name];
    return undefined;
  }

  /** A parameter: bound to the argument of the call being followed, an element of what a callback iterates, or judged by its name. */
  function parameter(fn: FunctionNode, name: TSESTree.Node, text: string, frame: Frame | undefined): Taint {
    const unknown = mayHoldEntropy(text) ? OPAQUE : PREDICTABLE;
    const index = fn.params.findIndex(
      (p) =>
        p === name ||
        (p.type === T.AssignmentPattern && p.left === name) ||
        (p.type === T.RestElement && p.argument === name),
    );
    if (index < 0) return unknown;
    for (let f = frame; f; f = f.parent) {
      if (f.fn !== fn) continue;
      const arg = f.args[index];
      const p = fn.params[index]!;
      if (arg) return arg.type === T.SpreadElement ? OPAQUE : walk(arg, f.parent);
      return p.type === T.AssignmentPattern ? walk(p.right, f.parent) : PREDICTABLE;
    }
    // A callback: its first parameter is an element of what it iterates.
    const c = fn.parent;
    if (c?.type === T.CallExpression) {
      const callee = unwrap(c.callee);
      const method = callee.type === T.MemberExpression ? propertyName(callee) : undefined;
      if (callee.type === T.MemberExpression && c.arguments[0] === fn) {
        if (
          index === 0 &&
          method !== undefined &&
          ['map', 'flatMap', 'forEach', 'filter', 'some', 'every', 'find'].includes(method)
        )
          return element(walk(callee.object, frame));
        if (method === 'reduce' || method === 'reduceRight')
          return index === 1 ? element(walk(callee.object, frame)) : PREDICTABLE;
        if (method === 'sort' || method === 'toSorted') return PREDICTABLE;
      }
      if (dotted(callee) === 'Array.from' && c.arguments[1] === fn && c.arguments[0])
        return index === 0 ? element(walk(c.arguments[0], frame)) : PREDICTABLE;
    }
    return unknown;
  }

  function member(n: TSESTree.MemberExpression, frame: Frame | undefined): Taint {
    const weak = sourceOf(n).weak;
    if (weak) return { weak: [{ kind: 'source', node: n, source: weak }], entropy: false };
    if (envVarName(n) !== undefined) return OPAQUE;
    if (
      n.computed &&
      staticNumber(n.property) === undefined &&
      (n.property.type !== T.Literal || typeof n.property.value !== 'string')
    ) {
      // alphabet[index]: as unpredictable as the index (the alphabet is public), unless the array is CSPRNG output.
      const obj = walk(n.object, frame);
      if (obj.elementBits !== undefined) return { weak: [], entropy: true, intBits: obj.elementBits };
      const idx = derived(walk(n.property, frame));
      return obj.weak.length ? mix([derived(obj), idx]) : idx;
    }
    const key = propertyName(n);
    if (key === 'length') return PREDICTABLE;
    if (n.computed) return element(walk(n.object, frame));
    const obj = unwrap(n.object);
    if (obj.type === T.ThisExpression && key !== undefined) return thisMember(n, key, frame);
    if (obj.type === T.CallExpression || obj.type === T.NewExpression) return derived(walk(obj, frame));
    if (obj.type === T.Identifier && key !== undefined) {
      const init = constInitOf(obj, getScope(obj));
      const o = init && unwrap(init);
      if (o?.type === T.ObjectExpression) {
        const prop = o.properties.find((p): p is TSESTree.Property => p.type === T.Property && propertyName(p) === key);
        if (prop) return walk(prop.value, frame);
      }
    }
    // user.id, req.body.email: predictable; config.jwtSecret, keys.signingKey: may hold a key.
    return key !== undefined && mayHoldEntropy(key) ? OPAQUE : PREDICTABLE;
  }

  /** `this.key`: field initialisers and every `this.key = …` in the class. */
  function thisMember(n: TSESTree.MemberExpression, key: string, frame: Frame | undefined): Taint {
    let cls: TSESTree.Node | undefined = n.parent;
    while (cls && cls.type !== T.ClassBody) cls = cls.parent;
    if (!cls || cls.type !== T.ClassBody) return OPAQUE;
    const values: Taint[] = [];
    for (const w of thisWrites(cls, key, visitorKeys)) values.push(walk(w, frame));
    return values.length ? alt(values) : OPAQUE;
  }

  function call(n: TSESTree.CallExpression | TSESTree.NewExpression, frame: Frame | undefined): Taint {
    const facts = sourceOf(n);
    if (facts.weak) return { weak: [{ kind: 'source', node: n, source: facts.weak }], entropy: false };
    if (facts.strong) {
      const s = facts.strong;
      const filled = s.fills !== undefined ? n.arguments[s.fills] : undefined;
      const bits = (filled && arrayBits(filled)) ?? s.elementBits;
      return bits === undefined ? OPAQUE : { weak: [], entropy: true, elementBits: bits };
    }
    const callee = unwrap(n.callee);
    const name = dotted(callee);
    if (n.type === T.NewExpression) {
      if (name !== undefined && TYPED_ARRAY_BITS[name] !== undefined)
        return n.arguments.length === 1 && staticNumber(n.arguments[0]) !== undefined
          ? PREDICTABLE
          : mix(walkAll(n.arguments, frame));
      if (name === 'Buffer') return mix(walkAll(n.arguments, frame));
      return name !== undefined && NEUTRAL_CALLS.has(name) ? PREDICTABLE : OPAQUE;
    }
    if (name !== undefined && NEUTRAL_CALLS.has(name)) return PREDICTABLE;
    if (name !== undefined && PASS_THROUGH.has(name)) return mix(walkAll(n.arguments, frame).map(derived));
    if (name === 'Array.from') {
      const [src, fn] = n.arguments;
      const f = fn && unwrap(fn);
      if (f && (f.type === T.ArrowFunctionExpression || f.type === T.FunctionExpression))
        return mix(returnsOf(f).map((r) => derived(walk(r, frame))));
      return src ? walk(src, frame) : PREDICTABLE;
    }
    if (callee.type === T.MemberExpression) {
      const method = propertyName(callee);
      if (method !== undefined) {
        if (RECEIVER_METHODS.has(method)) {
          const recv = walk(callee.object, frame);
          const bits = readBits(method, n.arguments);
          if (bits !== undefined && recv.elementBits !== undefined)
            return { weak: recv.weak, entropy: recv.entropy, intBits: bits };
          if ((method === 'slice' || method === 'subarray') && recv.elementBits !== undefined) return recv;
          return derived(recv);
        }
        if (MIXING_METHODS.has(method))
          return mix([derived(walk(callee.object, frame)), ...walkAll(n.arguments, frame).map(derived)]);
        if (method === 'map' || method === 'flatMap') {
          const f = n.arguments[0] && unwrap(n.arguments[0]);
          if (f && (f.type === T.ArrowFunctionExpression || f.type === T.FunctionExpression))
            return mix(returnsOf(f).map((r) => derived(walk(r, frame))));
          return derived(walk(callee.object, frame));
        }
        if (method === 'sort' || method === 'toSorted') {
          // A comparator that returns Math.random() - 0.5 shuffles with a weak source.
          const f = n.arguments[0] && unwrap(n.arguments[0]);
          const cmp =
            f && (f.type === T.ArrowFunctionExpression || f.type === T.FunctionExpression)
              ? returnsOf(f).map((r) => derived(walk(r, frame)))
              : [];
          return mix([derived(walk(callee.object, frame)), ...cmp]);
        }
        if (method === 'reduce' || method === 'reduceRight') {
          const f = n.arguments[0] && unwrap(n.arguments[0]);
          if (f && (f.type === T.ArrowFunctionExpression || f.type === T.FunctionExpression))
            return mix([...returnsOf(f).map((r) => derived(walk(r, frame))), ...walkAll(n.arguments.slice(1), frame)]);
        }
      }
    }
    // A helper in this file: its return values, with its parameters bound to this call's arguments.
    const fn = localFunction(callee, getScope);
    if (fn) {
      let frames = 0;
      for (let f = frame; f; f = f.parent) if (++frames >= MAX_FRAMES || f.fn === fn) return OPAQUE;
      const rets = returnsOf(fn);
      return rets.length ? alt(rets.map((r) => walk(r, { fn, args: n.arguments, parent: frame }))) : PREDICTABLE;
    }
    if (options.foreignCall && n.type === T.CallExpression) return options.foreignCall(n) ?? OPAQUE;
    return OPAQUE;
  }

  return { taintOf: (expr) => walk(expr, undefined), returnsOf, sourceOf };
}

/** Every value written to `this.key` in a class: the field initialiser and each `this.key = …`. */
export function thisWrites(
  cls: TSESTree.ClassBody,
  key: string,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): TSESTree.Expression[] {
  const out: TSESTree.Expression[] = [];
  const stack: TSESTree.Node[] = [...cls.body];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === T.PropertyDefinition) {
      if (!n.static && propertyName(n) === key && n.value) out.push(n.value);
      continue;
    }
    if (
      n.type === T.AssignmentExpression &&
      n.operator === '=' &&
      n.left.type === T.MemberExpression &&
      unwrap(n.left.object).type === T.ThisExpression &&
      propertyName(n.left) === key
    )
      out.push(n.right);
    if (n.type === T.ClassBody && n !== cls) continue;
    stack.push(...childrenOf(n, visitorKeys));
  }
  return out;
}

// ---- Across files, with type information ----------------------------------------------------------

interface ForeignFile {
  readonly tracker: TaintTracker;
  /** Functions by the start offset of their name. */
  readonly functions: ReadonlyMap<number, FunctionNode>;
}

/** ESLint's `sourceCode.getScope`, for a file parsed outside ESLint. */
function scopeGetter(sm: Lint.Scope.ScopeManager): (node: TSESTree.Node) => Scope {
  return (node) => {
    const inner = node.type !== T.Program;
    for (let n: TSESTree.Node | undefined = node; n; n = n.parent) {
      const s = sm.acquire(n, inner);
      if (s) return (s.type === Lint.Scope.ScopeType.functionExpressionName ? s.childScopes[0] : s) as Scope;
    }
    return sm.scopes[0] as Scope;
  };
}

/** Parses another file of the program into ESTree with parents and scopes, and indexes its functions. */
function loadForeign(sf: TS.SourceFile): ForeignFile {
  const { ast, scopeManager, visitorKeys } = parseForESLint(sf.text, {
    filePath: sf.fileName,
    range: true,
    loc: true,
    comment: false,
    tokens: false,
    sourceType: 'module',
    ecmaVersion: 'latest',
    ecmaFeatures: { jsx: /\.[cm]?[jt]sx$/.test(sf.fileName) },
  });
  const functions = new Map<number, FunctionNode>();
  const stack: { node: TSESTree.Node; parent: TSESTree.Node | undefined }[] = [
    { node: ast as TSESTree.Node, parent: undefined },
  ];
  while (stack.length) {
    const { node, parent } = stack.pop()!;
    (node as { parent?: TSESTree.Node }).parent = parent;
    if (node.type === T.FunctionDeclaration && node.id) functions.set(node.id.range[0], node);
    if (
      node.type === T.VariableDeclarator &&
      node.init &&
      (node.init.type === T.ArrowFunctionExpression || node.init.type === T.FunctionExpression)
    )
      functions.set(node.id.range[0], node.init);
    for (const c of childrenOf(node, visitorKeys as TSESLint.SourceCode.VisitorKeys))
      stack.push({ node: c, parent: node });
  }
  const tracker = createTaintTracker({
    getScope: scopeGetter(scopeManager),
    imports: collectImports(ast as TSESTree.Program),
    visitorKeys: visitorKeys as TSESLint.SourceCode.VisitorKeys,
  });
  return { tracker, functions };
}

const foreignFiles = new WeakMap<TS.SourceFile, ForeignFile>();
let tsModule: typeof TS | undefined;

/**
 * With type information, a call to a function imported from another file of the program: its return
 * values, tracked in that file (one hop; calls there into further files stay opaque). The checker is
 * asked only about the calls the tracker meets on its way back from a purpose. Any failure (a
 * declaration file, a package, an unusual declaration) leaves the call opaque.
 */
export function createForeignFollower(
  services: Partial<ParserServices> | undefined,
  cwd: string,
): ((call: TSESTree.CallExpression) => Taint | undefined) | undefined {
  const program = services?.program;
  const map = services?.esTreeNodeToTSNodeMap;
  if (!program || !map) return undefined;
  tsModule ??= createRequire(import.meta.url)('typescript') as typeof TS;
  const ts = tsModule;
  const checker = program.getTypeChecker();
  return (call) => {
    try {
      const callee = unwrap(call.callee);
      if (callee.type !== T.Identifier && callee.type !== T.MemberExpression) return undefined;
      const tsNode = map.get(callee) as TS.Node;
      const at = ts.isPropertyAccessExpression(tsNode) ? tsNode.name : tsNode;
      let symbol = checker.getSymbolAtLocation(at);
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      const decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
      if (!decl) return undefined;
      const sf = decl.getSourceFile();
      if (sf.isDeclarationFile || /[\\/]node_modules[\\/]/.test(sf.fileName) || sf === tsNode.getSourceFile())
        return undefined;
      const nameNode = ts.isFunctionDeclaration(decl) || ts.isVariableDeclaration(decl) ? decl.name : undefined;
      if (!nameNode) return undefined;
      let file = foreignFiles.get(sf);
      if (!file) foreignFiles.set(sf, (file = loadForeign(sf)));
      const fn = file.functions.get(nameNode.getStart(sf));
      if (!fn) return undefined;
      const t = alt(file.tracker.returnsOf(fn).map((r) => file.tracker.taintOf(r)));
      const foreign: ForeignOrigin = {
        fn: `${nameNode.getText(sf)}()`,
        file: relative(cwd, sf.fileName).replace(/\\/g, '/'),
      };
      const weak: WeakHit[] = [];
      for (const h of t.weak)
        if (h.kind === 'source' && !weak.some((w) => w.kind === 'source' && w.source === h.source))
          weak.push({ kind: 'source', node: call, source: h.source, foreign });
      return { weak, entropy: t.entropy };
    } catch {
      return undefined;
    }
  };
}
