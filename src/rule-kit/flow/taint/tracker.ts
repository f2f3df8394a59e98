/**
 * Weak-value tracking, within one file: from an expression with a security purpose back to the random
 * sources that make its value. It follows bindings, re-assignment, properties, class fields, fallbacks,
 * and the ways a token is built: helper functions' return values (with their arguments bound), template
 * literals, concatenation, `+=` in loops, `.push`/`.join`, `Array.from`/`.map` callbacks, arithmetic,
 * `Math.floor`, string methods and unkeyed hashes (the catalogue's transforms, src/catalogue/transforms.ts).
 *
 * A value is weak when some way of making it draws only on weak sources and constants. A part the
 * tracker cannot see into (an unknown call, a parameter, an import, a secret-named read) may carry
 * entropy, so it makes the value not weak: the rule stays quiet rather than guess.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, TSESLint as Lint } from '@typescript-eslint/utils';
import {
  bufferWrites,
  counterMethods,
  countMethods,
  incrementingUpdates,
  indexMethods,
  keyedHashCalls,
  literalDecoders,
  mixingMethods,
  neutralCalls,
  passThroughCalls,
  receiverMethods,
  sqlSequenceText,
  typedArrayBits,
  weakCarryingCalls,
} from '../../../catalogue/transforms.js';
import {
  calleeName,
  constInitOf,
  enclosingClass,
  envVarName,
  findVariable,
  propertyName,
  staticNumber,
  staticString,
  unwrap,
  type FunctionNode,
  type Scope,
} from '../../ast.js';
import { requireTarget, type ImportMap } from '../../imports.js';
import type { CalleePath } from '../../sinks.js';
import { dotted, localFunction, readBits, returnExpressions } from '../functions.js';
import { thisWrites } from '../this-writes.js';
import { fieldStep } from './stepped-fields.js';
import {
  alt,
  cut,
  derived,
  element,
  mayHoldEntropy,
  mix,
  OPAQUE,
  PREDICTABLE,
  repeated,
  type Draw,
  type Taint,
} from './lattice.js';
import { aliasedName, generatorSourceOf, randomSourceOf, type SourceFacts } from './sources.js';
import {
  byteEncoderName,
  counterSource,
  unfilledArraySource,
  unkeyedDigestName,
  weakRandomSources,
  platformIdentityRead,
} from '../../../catalogue/randomness.js';
import { normaliseName } from '../../../detect/names.js';

const DefinitionType = Lint.Scope.DefinitionType;

/** The most random bits one character of an encoded value carries (base64 and base64url: 6). */
const CHAR_BITS = 6;

/**
 * How many elements a cut with literal bounds keeps: `slice(0, 8)`, `slice(-8)`, `substring(2, 10)`, `substr(0, 6)`,
 * `subarray(0, 4)`; undefined for any other call or bound.
 */
function cutLength(method: string, args: readonly TSESTree.CallExpressionArgument[]): number | undefined {
  if (!/^(?:slice|subarray|substring|substr)$/.test(method)) return undefined;
  const [a, b] = args.map((x) => staticNumber(x));
  if (a === undefined) return undefined;
  if (method === 'substr') return b !== undefined && b >= 0 ? b : undefined;
  // `substring` reads a negative bound as 0 and swaps reversed bounds: `substring(-8)` keeps the whole value.
  if (method === 'substring') return b === undefined ? undefined : Math.abs(Math.max(0, b) - Math.max(0, a));
  if (args.length === 1) return a < 0 ? -a : undefined;
  return b !== undefined && a >= 0 && b >= a ? b - a : undefined;
}

/** Methods that add their arguments to the receiver's state: an array's `push`, a hash or HMAC's `update`. */
const STATE_WRITES: ReadonlySet<string> = new Set(['push', 'unshift', 'update']);

/**
 * Whether `bits` random bits reduced modulo `m` are measurably biased (the values below 2^bits mod m are likelier
 * by one part in 2^bits / m): always for bytes and 16-bit words, and for wider words when fewer than 1,000 whole
 * cycles fit (`readUIntBE(0, 3) % 1000000` favours some OTPs by 1 in 16). RFC 4226 §5.3 itself reduces a 31-bit
 * value modulo 10^6 (2,147 cycles), so 32-bit reductions to six digits are not reported.
 */
function visibleBias(bits: number, m: number): boolean {
  return bits <= 16 || 2 ** bits / m < 1_000;
}

/**
 * A value used as an index (`alphabet[i]`, `chars.charAt(i)`): a weak random index picks a guessable element, but a
 * counter only walks through the data, whose own content decides the value.
 */
function asIndex(t: Taint): Taint {
  const d = derived(t);
  return d.weak.some((h) => h.kind === 'source' && h.source.kind === 'counter')
    ? { weak: d.weak.filter((h) => h.kind !== 'source' || h.source.kind !== 'counter'), entropy: d.entropy }
    : d;
}

/** Shift operators, whose right side is a count of bit positions. */
const SHIFTS: ReadonlySet<string> = new Set(['<<', '>>', '>>>']);

/** A variable declared in a `for (let i = 0; …; i++)` head: the loop's index, not a counter. */
function isLoopIndex(v: Lint.Scope.Variable): boolean {
  const decl = v.defs[0]?.parent;
  return decl?.parent?.type === T.ForStatement && decl.parent.init === decl;
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
  /** What this frame's walks found (one frame per call and outer frame: `frameFor`). */
  readonly memo: Map<TSESTree.Node, Taint>;
}

const MAX_DEPTH = 40;
/**
 * Set when a walk was cut short (a cycle or the depth limit) somewhere below the walk in progress. Module-wide, not
 * per tracker: a call followed into another file's tracker and back must mark the outer walk too.
 */
let cutShort = false;
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
  /** How many values have been walked so far, memo hits left out: a measure of repeated work, for tests. */
  walks(): number;
}

export function createTaintTracker(options: TaintOptions): TaintTracker {
  const { getScope, imports, visitorKeys } = options;
  // One memo per frame: the file-level walk (no frame) and each followed call. A frame stands for one call followed
  // from one outer frame (`frameFor` hands out the same object for the same pair), so a helper reached again through
  // the same chain of calls is not walked again: without this a long class whose methods call one another walked
  // one file's helpers hundreds of millions of times (a 13.6k-line class: 217 M walks, 150 s).
  const memo = new Map<TSESTree.Node, Taint>();
  const frames = new Map<TSESTree.Node, Map<Frame | undefined, Frame>>();
  const active = new Set<TSESTree.Node>();
  // A walk cut short below it (a cycle back to a value being walked, the depth limit) is an answer for this query
  // only: it is kept as a draft until the outermost walk ends, never in the memo, so a later query that reaches the
  // value from elsewhere walks it again instead of reading an answer that depended on which query came first.
  const drafts = new Map<Map<TSESTree.Node, Taint>, Map<TSESTree.Node, Taint>>();
  const returnsCache = new Map<FunctionNode, TSESTree.Node[]>();
  const sourceCache = new Map<TSESTree.Node, SourceFacts>();
  let depth = 0;
  let walked = 0;

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
    if (!out) returnsCache.set(fn, (out = returnExpressions(fn, visitorKeys)));
    return out;
  }

  /** The frame of `call` (calling `fn`) followed from `parent`: one object per pair, the key of its memo. */
  function frameFor(call: TSESTree.CallExpression | TSESTree.NewExpression, fn: FunctionNode, parent?: Frame): Frame {
    let byParent = frames.get(call);
    if (!byParent) frames.set(call, (byParent = new Map<Frame | undefined, Frame>()));
    let f = byParent.get(parent);
    if (!f) byParent.set(parent, (f = { fn, args: call.arguments, parent, memo: new Map<TSESTree.Node, Taint>() }));
    return f;
  }

  function walk(node: TSESTree.Node, frame: Frame | undefined): Taint {
    const n = unwrap(node);
    const known = frame?.memo ?? memo;
    const m = known.get(n) ?? drafts.get(known)?.get(n);
    if (m) {
      if (!known.has(n)) cutShort = true;
      return m;
    }
    if (active.has(n) || depth > MAX_DEPTH) {
      cutShort = true;
      return PREDICTABLE;
    }
    walked++;
    active.add(n);
    depth++;
    const outer = cutShort;
    cutShort = false;
    try {
      const t = inner(n, frame);
      if (!cutShort) known.set(n, t);
      else {
        let d = drafts.get(known);
        if (!d) drafts.set(known, (d = new Map<TSESTree.Node, Taint>()));
        d.set(n, t);
      }
      return t;
    } finally {
      cutShort ||= outer;
      depth--;
      active.delete(n);
      if (depth === 0) drafts.clear();
    }
  }

  const walkAll = (nodes: readonly (TSESTree.Node | null)[], frame: Frame | undefined): Taint[] =>
    nodes.flatMap((e) => (e ? [e.type === T.SpreadElement ? walk(e.argument, frame) : walk(e, frame)] : []));

  function inner(n: TSESTree.Node, frame: Frame | undefined): Taint {
    switch (n.type) {
      case T.UpdateExpression:
        return counter(n);
      case T.Literal:
      case T.ThisExpression:
      case T.ObjectExpression:
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
      case T.TaggedTemplateExpression:
        return sequenceTemplate(n) ?? OPAQUE;
      default:
        return OPAQUE;
    }
  }

  function binary(n: TSESTree.BinaryExpression, frame: Frame | undefined): Taint {
    if (n.left.type === T.PrivateIdentifier) return PREDICTABLE;
    if (['==', '!=', '===', '!==', '<', '>', '<=', '>=', 'in', 'instanceof'].includes(n.operator)) return PREDICTABLE;
    const left = walk(n.left, frame);
    if (n.operator === '%' && left.intBits !== undefined && left.intBits <= 32) {
      const m = modulusOf(n.right);
      if (
        m !== undefined &&
        Number.isInteger(m) &&
        m > 1 &&
        2 ** left.intBits % m !== 0 &&
        visibleBias(left.intBits, m)
      ) {
        return { weak: [...left.weak, { kind: 'bias', node: n, bits: left.intBits, modulus: m }], entropy: false };
      }
    }
    // `value >>> (bits - 8)`: a shift count only chooses which bits of the left side are kept, as an index chooses
    // an element (a bit-stream decoder steps its count while it walks the data).
    const right = walk(n.right, frame);
    return mix([derived(left), derived(SHIFTS.has(n.operator) ? asIndex(right) : right)]);
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
          else if (d.id.type === T.ObjectPattern)
            alternatives.push((d.init && storeCounterOnly(walk(d.init, frame))) ?? PREDICTABLE);
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
    let stepped = false;
    let stateStep = false;
    // `const bytes = new Uint8Array(32)`: zeros until something fills it (`unfilledArraySource`).
    let unfilled = v.defs.length === 1 && sizedArray(v.defs[0]!.node);
    for (const ref of v.references) {
      const id = ref.identifier;
      const p = id.parent;
      if (unfilled && !ref.init && (id.type !== T.Identifier || !onlyReads(id))) unfilled = false;
      if (
        p?.type === T.UpdateExpression ||
        (p?.type === T.AssignmentExpression &&
          p.left === id &&
          (p.operator === '+=' || p.operator === '-=') &&
          staticNumber(p.right) !== undefined)
      ) {
        stepped = true;
        continue;
      }
      if (ref.isWrite()) {
        if (!ref.writeExpr || inits.has(ref.writeExpr)) continue;
        // `state ^= state << 13` in a function, on a variable that outlives the call: a hand-written generator
        // (one source where the state is read, not one per step).
        if (
          p?.type === T.AssignmentExpression &&
          p.left === id &&
          ref.from.variableScope !== v.scope.variableScope &&
          selfStep(p, id.name)
        ) {
          stateStep = true;
          continue;
        }
        if (p?.type === T.AssignmentExpression && p.left === id) {
          // `s = s + pick()` in a loop: each pass adds another draw.
          const w = ref.writeExpr;
          const again = v.references.some(
            (r) => r.isRead() && r.identifier.range[0] >= w.range[0] && r.identifier.range[1] <= w.range[1],
          );
          if (p.operator === '=') alternatives.push(again ? repeated(walk(w, frame)) : walk(w, frame));
          else mixins.push(repeated(derived(walk(ref.writeExpr, frame))));
        }
        continue;
      }
      if (p?.type === T.MemberExpression && p.object === id) {
        const method = propertyName(p);
        const c = p.parent;
        // list.push(x); hash.update(x) a statement before hash.digest(): x is now part of the value.
        if (c?.type === T.CallExpression && c.callee === p && method !== undefined && STATE_WRITES.has(method))
          mixins.push(...walkAll(c.arguments, frame).map((t) => repeated(derived(t))));
        // buf.writeUIntBE(Date.now(), 0, 6), buf.set(bytes), buf.write(text): the value written becomes part of buf.
        else if (c?.type === T.CallExpression && c.callee === p && method !== undefined && bufferWrites.test(method))
          mixins.push(...walkAll(c.arguments.slice(0, 1), frame).map(derived));
        else if (c?.type === T.AssignmentExpression && c.left === p && p.computed)
          mixins.push(repeated(derived(walk(c.right, frame))));
      } else if (p?.type === T.CallExpression && p.arguments.includes(id as TSESTree.CallExpressionArgument)) {
        // getRandomValues(buf) / randomFillSync(buf): the buffer now holds CSPRNG bytes.
        const s = sourceOf(p).strong;
        if (s?.fills !== undefined && p.arguments[s.fills] === id) {
          const bits = arrayBits(id) ?? s.elementBits ?? 8;
          return { weak: [], entropy: true, elementBits: bits, draw: drawOf(p, id, bits) };
        }
      }
    }
    const counted = stepped && !isLoopIndex(v);
    if (counted) mixins.push({ weak: [{ kind: 'source', node: n, source: counterSource }], entropy: false });
    if (stateStep) mixins.push({ weak: [{ kind: 'source', node: n, source: handWrittenPrng }], entropy: false });
    if (unfilled) {
      const init = (v.defs[0]!.node as TSESTree.VariableDeclarator).init!;
      mixins.push({ weak: [{ kind: 'source', node: init, source: unfilledArraySource }], entropy: false });
    }
    let base = alt(alternatives);
    // `let serial = Date.now(); serial += 1`: one counter, reported where it is read, not also at its start.
    // A generator's state recovers from its outputs whatever seeded it (a CSPRNG seed does not help an LCG).
    if (stateStep || (counted && !base.entropy)) base = PREDICTABLE;
    return mixins.length ? mix([derived(base), ...mixins]) : base;
  }

  /** `n++` read as a value: a counter, unless it steps a loop's own index. */
  function counter(n: TSESTree.UpdateExpression): Taint {
    const a = unwrap(n.argument);
    const v = a.type === T.Identifier ? findVariable(getScope(a), a) : undefined;
    if (v && isLoopIndex(v)) return PREDICTABLE;
    return { weak: [{ kind: 'source', node: n, source: counterSource }], entropy: false };
  }

  /**
   * The visible draw of a CSPRNG call that fills `filled` (`getRandomValues(new Uint8Array(4))` → 32 bits, also through
   * a binding of that array); of unknown size (`randomUUID()`), a draw of unbounded bits that a cut may bound.
   */
  function drawOf(n: TSESTree.Node, filled: TSESTree.Node | undefined, bits: number): Draw {
    let f = filled && unwrap(filled);
    if (f?.type === T.Identifier) f = unwrap(constInitOf(f, getScope(f)) ?? f);
    const length = f?.type === T.NewExpression && f.arguments.length === 1 ? staticNumber(f.arguments[0]) : undefined;
    return { bits: length === undefined ? Infinity : length * bits, node: n };
  }

  /** The element width of a typed array a name or expression holds (`new Uint32Array(4)` → 32). */
  function arrayBits(node: TSESTree.Node): number | undefined {
    let n = unwrap(node);
    if (n.type === T.Identifier) n = unwrap(constInitOf(n, getScope(n)) ?? n);
    if (n.type === T.NewExpression && n.callee.type === T.Identifier) return typedArrayBits[n.callee.name];
    return undefined;
  }

  /**
   * A parameter: bound to the argument of the call being followed, an element of what a callback iterates, or judged
   * by its name.
   */
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
    // `seed = Math.random()`: callers that leave the argument out get the default.
    const p = fn.params[index];
    return p?.type === T.AssignmentPattern ? alt([walk(p.right, frame), unknown]) : unknown;
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
      const idx = asIndex(walk(n.property, frame));
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
    if (key !== undefined && mayHoldEntropy(key)) return OPAQUE;
    // doc.seq, rows[0].n: a field of the record a store counter returned.
    return (
      (obj.type === T.Identifier || obj.type === T.MemberExpression ? storeCounterOnly(walk(obj, frame)) : undefined) ??
      PREDICTABLE
    );
  }

  /**
   * The weak generator a `this.key` callee holds: every write of the field in its class (initialiser, `this.key = …`)
   * is a call that makes one (`seedrandom(seed)`, `mulberry32(Date.now())`, `customAlphabet(abc, 10)` from
   * nanoid/non-secure).
   */
  function fieldGenerator(callee: TSESTree.Node): SourceFacts['weak'] {
    if (callee.type !== T.MemberExpression || unwrap(callee.object).type !== T.ThisExpression) return undefined;
    const key = propertyName(callee);
    const cls = key === undefined ? undefined : enclosingClass(callee);
    const writes = cls && key !== undefined ? thisWrites(cls, key, visitorKeys) : [];
    let held: SourceFacts['weak'];
    for (const w of writes) {
      const u = unwrap(w);
      const g =
        u.type === T.CallExpression || u.type === T.NewExpression
          ? generatorSourceOf(u, imports, getScope(u)).weak
          : undefined;
      if (!g) return undefined;
      held ??= g;
    }
    return held;
  }

  /** `this.key`: field initialisers and every `this.key = …` in the class; a counter if the class steps it. */
  function thisMember(n: TSESTree.MemberExpression, key: string, frame: Frame | undefined): Taint {
    const cls = enclosingClass(n);
    if (!cls) return OPAQUE;
    const values: Taint[] = [];
    for (const w of thisWrites(cls, key, visitorKeys)) values.push(walk(w, frame));
    // `this.issued += 1` elsewhere in the class: the field is a counter, whatever it started at.
    if (fieldStep(cls, key, visitorKeys)) {
      const count: Taint = { weak: [{ kind: 'source', node: n, source: counterSource }], entropy: false };
      return mix([derived(values.length ? alt(values) : PREDICTABLE), count]);
    }
    return values.length ? alt(values) : OPAQUE;
  }

  function call(n: TSESTree.CallExpression | TSESTree.NewExpression, frame: Frame | undefined): Taint {
    const facts = sourceOf(n);
    if (facts.weak) return { weak: [{ kind: 'source', node: n, source: facts.weak }], entropy: false };
    if (facts.strong) {
      const s = facts.strong;
      const filled = s.fills !== undefined ? n.arguments[s.fills] : undefined;
      const bits = (filled && arrayBits(filled)) ?? s.elementBits;
      const size = s.sizeArg === undefined ? undefined : staticNumber(n.arguments[s.sizeArg]);
      const draw =
        size !== undefined && bits !== undefined ? { bits: size * bits, node: n } : drawOf(n, filled, bits ?? 8);
      return bits === undefined ? { ...OPAQUE, draw } : { weak: [], entropy: true, elementBits: bits, draw };
    }
    // `customAlphabet(abc, 10)` from nanoid/non-secure, `seedrandom(seed)`: the value is a weak generator, whose
    // calls are weak sources (a generator bound under a secret's name is the mistake where it is made).
    const made = generatorSourceOf(n, imports, getScope(n)).weak;
    if (made) return { weak: [{ kind: 'source', node: n, source: made, generator: true }], entropy: false };
    const callee = unwrap(n.callee);
    // `private rng = seedrandom(seed)`, then `this.rng()`: a generator held in a field, called as a bound one is.
    const held = n.type === T.CallExpression ? fieldGenerator(callee) : undefined;
    if (held) return { weak: [{ kind: 'source', node: n, source: held }], entropy: false };
    // require('crypto').createHash(…) is crypto.createHash.
    const req = dotted(callee) === undefined ? requireTarget(callee) : undefined;
    // `const { floor } = Math; floor(x)` is Math.floor.
    const name = req
      ? `${req.module.replace(/^node:/, '')}.${req.imported}`
      : ((callee.type === T.Identifier ? aliasedName(callee, getScope(callee)) : undefined) ?? dotted(callee));
    if (n.type === T.NewExpression) {
      if (name !== undefined && typedArrayBits[name] !== undefined)
        return n.arguments.length === 1 && staticNumber(n.arguments[0]) !== undefined
          ? PREDICTABLE
          : mix(walkAll(n.arguments, frame));
      if (name === 'Buffer') return mix(walkAll(n.arguments, frame));
      const saltAt = name === undefined ? undefined : keyedHashCalls[name];
      // new Hashids('salt') or new Sqids(): a reversible encoding of what it is given.
      if (saltAt !== undefined)
        return n.arguments.length <= saltAt || constantText(n.arguments[saltAt]) ? PREDICTABLE : OPAQUE;
      return name !== undefined && neutralCalls.has(name) ? PREDICTABLE : OPAQUE;
    }
    if (name !== undefined && neutralCalls.has(name)) return PREDICTABLE;
    // createHmac('sha256', 'csrf'): a MAC under a key spelled out in the source adds nothing an attacker lacks.
    const keyAt = name === undefined ? undefined : keyedHashCalls[name];
    if (keyAt !== undefined) return constantText(n.arguments[keyAt]) ? PREDICTABLE : OPAQUE;
    const counted = storeCount(n);
    if (counted) return counted;
    // Array.from(src, fn), Uint8Array.from({ length: 32 }, () => …): the mapper's return values make the elements.
    if (name === 'Array.from' || (name?.endsWith('.from') && typedArrayBits[name.slice(0, -5)] !== undefined)) {
      const [src, fn] = n.arguments;
      const f = fn && unwrap(fn);
      if (f && (f.type === T.ArrowFunctionExpression || f.type === T.FunctionExpression)) {
        const over = src ? walk(src, frame) : PREDICTABLE;
        return mix(returnsOf(f).map((r) => perElement(derived(walk(r, frame)), over)));
      }
      if (name === 'Array.from') return src ? walk(src, frame) : PREDICTABLE;
    }
    // _.times(8, () => _.sample(alphabet)): lodash's callback makes each element.
    if (name !== undefined && lodashTimes(name)) {
      const f = n.arguments[1] && unwrap(n.arguments[1]);
      if (f && (f.type === T.ArrowFunctionExpression || f.type === T.FunctionExpression))
        return mix(returnsOf(f).map((r) => repeated(derived(walk(r, frame)))));
    }
    if (name !== undefined && passThroughCalls.has(name)) return mix(walkAll(n.arguments, frame).map(derived));
    if (name !== undefined && weakCarryingCalls.has(name)) {
      const made = mix(walkAll(n.arguments, frame).map(derived));
      return made.weak.length ? made : OPAQUE;
    }
    if (callee.type === T.MemberExpression) {
      const method = propertyName(callee);
      if (method !== undefined) {
        if (receiverMethods.has(method)) {
          const recv = walk(callee.object, frame);
          // ALPHABET.charAt(i), chars.substring(pos, pos + 1): a public alphabet read at an index is as
          // predictable as the index.
          if (indexMethods.has(method) && !recv.entropy && recv.weak.length === 0 && n.arguments.length) {
            const idx = walkAll(n.arguments, frame).map(asIndex);
            if (idx.some((t) => t.weak.length)) return mix(idx);
          }
          const bits = readBits(method, n.arguments);
          if (bits !== undefined && recv.elementBits !== undefined)
            return { weak: recv.weak, entropy: recv.entropy, intBits: bits };
          const kept = cutLength(method, n.arguments);
          // `randomUUID().slice(0, 8)`, `randomBytes(32).subarray(0, 4)`: a cut keeps at most its elements' bits.
          const cutRecv = kept === undefined ? recv : cut(recv, kept, recv.elementBits ?? CHAR_BITS);
          if ((method === 'slice' || method === 'subarray') && recv.elementBits !== undefined) return cutRecv;
          return derived(cutRecv);
        }
        if (mixingMethods.has(method))
          return mix([derived(walk(callee.object, frame)), ...walkAll(n.arguments, frame).map(derived)]);
        if (method === 'map' || method === 'flatMap') {
          const f = n.arguments[0] && unwrap(n.arguments[0]);
          if (f && (f.type === T.ArrowFunctionExpression || f.type === T.FunctionExpression)) {
            const over = walk(callee.object, frame);
            return mix(returnsOf(f).map((r) => perElement(derived(walk(r, frame)), over)));
          }
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
            return mix([
              ...returnsOf(f).map((r) => repeated(derived(walk(r, frame)))),
              ...walkAll(n.arguments.slice(1), frame),
            ]);
        }
      }
    }
    // A helper in this file: its return values, with its parameters bound to this call's arguments.
    const fn = localFunction(callee, getScope);
    if (fn) {
      let frames = 0;
      for (let f = frame; f; f = f.parent) if (++frames >= MAX_FRAMES || f.fn === fn) return OPAQUE;
      const rets = returnsOf(fn);
      return rets.length ? alt(rets.map((r) => walk(r, frameFor(n, fn, frame)))) : PREDICTABLE;
    }
    // CryptoJS.MD5(x), sha256(x), keccak256(toHex(x)), ethers.id(x): an unkeyed digest or a re-encoding of its input.
    if (n.arguments.length && digestsOrEncodes(callee, name)) return mix(walkAll(n.arguments, frame).map(derived));
    // forge.util.createBuffer(s), CryptoJS.enc.Hex.parse(h), sodium.from_hex(h): a decoder returns what it is given.
    if (n.arguments.length && name !== undefined && literalDecoders.pattern.test(name))
      return mix(walkAll(n.arguments.slice(0, 1), frame).map(derived));
    // os.hostname(), os.userInfo().username, Application.getAndroidId(): who or where the code runs, readable by
    // anyone there (catalogue `platformIdentityRead`), not entropy the tracker cannot see.
    if (readsPlatformIdentity(callee, name)) return PREDICTABLE;
    if (options.foreignCall && n.type === T.CallExpression) return options.foreignCall(n) ?? OPAQUE;
    return OPAQUE;
  }

  /** `os.hostname()` (node:os, imported whole or by name), or a device-id getter (`getAndroidId`, `machineIdSync`). */
  function readsPlatformIdentity(callee: TSESTree.Node, name: string | undefined): boolean {
    const last = calleeName(callee);
    if (last === undefined) return false;
    const root = name === undefined ? undefined : name.slice(0, Math.max(0, name.indexOf('.')));
    const module = imports.get(root || last)?.module.replace(/^node:/, '');
    if ((module === 'os' || (root === 'os' && module === undefined)) && platformIdentityRead.os.test(last)) return true;
    return platformIdentityRead.getter.test(normaliseName(last));
  }

  /**
   * A callback's value for each element of `over`: re-encoding the elements of one draw (`[...bytes].map(toHex)`) keeps
   * that draw's bound; a draw made again for each element has none (`repeated`).
   */
  function perElement(t: Taint, over: Taint): Taint {
    return t.draw && over.draw && t.draw.node === over.draw.node ? t : repeated(t);
  }

  /** `_.times` or a `times` imported from lodash or underscore. */
  function lodashTimes(name: string): boolean {
    const dot = name.indexOf('.');
    const root = dot < 0 ? name : name.slice(0, dot);
    if ((dot < 0 ? name : name.slice(dot + 1)) !== 'times') return false;
    const m = imports.get(root)?.module;
    return m !== undefined && /^(?:lodash|lodash-es|underscore|lodash\/times)$/.test(m);
  }

  /** Whether a callee is an unkeyed digest or a byte encoder (catalogue `unkeyedDigestName`, `byteEncoderName`). */
  function digestsOrEncodes(callee: TSESTree.Node, name: string | undefined): boolean {
    const last = calleeName(callee);
    if (last === undefined) return false;
    if (name === 'ethers.id' || name === 'Bun.hash' || (name === 'id' && imports.get('id')?.module === 'ethers'))
      return true;
    const words = normaliseName(last);
    return unkeyedDigestName.pattern.test(words) || byteEncoderName.pattern.test(words);
  }

  /** A string the source spells out: a literal, or a const initialised with one. */
  function constantText(arg: TSESTree.Node | undefined): boolean {
    const a = arg && unwrap(arg);
    if (!a) return false;
    // new Sqids({ alphabet: '…', minLength: 8 }): options written out in the source.
    if (a.type === T.ObjectExpression) return a.properties.every((p) => p.type === T.Property && constantText(p.value));
    if (staticString(a) !== undefined || staticNumber(a) !== undefined) return true;
    return a.type === T.Identifier && staticString(constInitOf(a, getScope(a))) !== undefined;
  }

  return { taintOf: (expr) => walk(expr, undefined), returnsOf, sourceOf, walks: () => walked };
}

/** A declarator `x = new Uint8Array(32)` (a typed array of a size written in the source). */
export function sizedArray(d: TSESTree.Node): boolean {
  if (d.type !== T.VariableDeclarator || d.id.type !== T.Identifier || !d.init) return false;
  const init = unwrap(d.init);
  return (
    init.type === T.NewExpression &&
    init.callee.type === T.Identifier &&
    typedArrayBits[init.callee.name] !== undefined &&
    init.arguments.length === 1 &&
    staticNumber(init.arguments[0]) !== undefined
  );
}

/** Calls that only read the typed array they are given (a copy, an encoding), so cannot have filled it. */
const ARRAY_READERS = new Set(['Array.from', 'Buffer.from', 'String.fromCharCode', 'btoa', 'JSON.stringify']);

/**
 * Whether a reference to a typed array only reads it: an element or property read, a method that is not a write
 * (`bytes.map`, `bytes.toString`), an argument of a reader. Passing it anywhere else may fill it.
 */
function onlyReads(id: TSESTree.Identifier): boolean {
  const p = id.parent;
  if (p.type === T.MemberExpression && p.object === id) {
    const c = p.parent;
    if (c.type === T.AssignmentExpression && c.left === p) return false;
    if (c.type === T.UpdateExpression) return false;
    const method = propertyName(p);
    if (c.type === T.CallExpression && c.callee === p)
      return method !== undefined && !bufferWrites.test(method) && !/^(?:set|fill|copyWithin)$/.test(method);
    return true;
  }
  // String.fromCharCode(...bytes)
  const c = p.type === T.SpreadElement ? p.parent : p;
  if (c.type === T.CallExpression && c.callee !== id) {
    const name = dotted(c.callee);
    return name !== undefined && (ARRAY_READERS.has(name) || byteEncoderName.pattern.test(normaliseName(name)));
  }
  return p.type === T.TemplateLiteral;
}

const handWrittenPrng = weakRandomSources.find((s) => s.id === 'hand-written-prng')!;
const STATE_OPERATORS = new Set(['=', '^=', '*=', '+=', '<<=', '>>=', '>>>=', '|=', '&=', '%=']);
const MIXING_OPERATORS = new Set(['^', '*', '<<', '>>', '>>>', '|', '&', '%', '+', '-']);

/**
 * An assignment that steps a generator's state from itself alone: `s ^= s << 13`, `seed = (seed * 1103515245 +
 * 12345) % 2 ** 31`, `a = (a + 0x6d2b79f5) | 0`, `x = Math.imul(x ^ (x >>> 15), x | 1)` (xorshift, LCG, mulberry32).
 * The right side reads the variable and numbers only; a hash that mixes in input (`h = h * 31 + c`) does not count.
 */
export function selfStep(p: TSESTree.AssignmentExpression, name: string): boolean {
  if (!STATE_OPERATORS.has(p.operator)) return false;
  const seen = { self: p.operator !== '=', mixed: p.operator !== '=' };
  return selfOnly(p.right, name, seen, 0) && seen.self && seen.mixed;
}

function selfOnly(node: TSESTree.Node, name: string, seen: { self: boolean; mixed: boolean }, depth: number): boolean {
  const n = unwrap(node);
  if (depth > 12) return false;
  switch (n.type) {
    case T.Literal:
      return typeof n.value === 'number' || typeof n.value === 'bigint';
    case T.Identifier:
      if (n.name !== name) return false;
      seen.self = true;
      return true;
    case T.BinaryExpression:
      if (n.left.type === T.PrivateIdentifier || !(MIXING_OPERATORS.has(n.operator) || n.operator === '**'))
        return false;
      seen.mixed ||= MIXING_OPERATORS.has(n.operator);
      return selfOnly(n.left, name, seen, depth + 1) && selfOnly(n.right, name, seen, depth + 1);
    case T.UnaryExpression:
      return (n.operator === '~' || n.operator === '-') && selfOnly(n.argument, name, seen, depth + 1);
    case T.CallExpression:
      seen.mixed = true;
      return (
        dotted(n.callee) === 'Math.imul' &&
        n.arguments.every((a) => a.type !== T.SpreadElement && selfOnly(a, name, seen, depth + 1))
      );
    default:
      return false;
  }
}

/**
 * A store's record count (`sessions.size()`, `db.invite.count()`: predictable) or a shared counter stepped and read
 * (`redis.incr('seq')`: a counter source), by method name (catalogue `countMethods`, `counterMethods`).
 */
export function storeCount(n: TSESTree.CallExpression | TSESTree.NewExpression): Taint | undefined {
  const callee = n.type === T.CallExpression ? unwrap(n.callee) : undefined;
  const method = callee?.type === T.MemberExpression ? propertyName(callee) : undefined;
  if (method === undefined) return undefined;
  if (countMethods.has(method)) return PREDICTABLE;
  const stepped =
    counterMethods.test(method) ||
    sqlSequence(n.arguments[0]) ||
    (incrementingUpdates.methods.has(method) && n.arguments.some((a) => incrementsField(a, 0)));
  return stepped ? { weak: [{ kind: 'source', node: n, source: counterSource }], entropy: false } : undefined;
}

/** The text of a query that steps a sequence (catalogue `sqlSequenceText`): a string, a template, `{ text }`. */
function sqlSequence(arg: TSESTree.Node | undefined): boolean {
  const a = arg && unwrap(arg);
  if (!a) return false;
  if (a.type === T.Literal) return typeof a.value === 'string' && sqlSequenceText.test(a.value);
  if (a.type === T.TemplateLiteral) return a.quasis.some((q) => sqlSequenceText.test(q.value.raw));
  if (a.type === T.ObjectExpression)
    return a.properties.some((p) => p.type === T.Property && propertyName(p) === 'text' && sqlSequence(p.value));
  return false;
}

/** `{ $inc: { seq: 1 } }`, `{ data: { seq: { increment: 1 } } }`: an update that steps a field. */
function incrementsField(arg: TSESTree.Node, depth: number): boolean {
  const a = unwrap(arg);
  if (a.type !== T.ObjectExpression || depth > 3) return false;
  return a.properties.some((p) => {
    if (p.type !== T.Property) return false;
    const key = propertyName(p);
    return (key !== undefined && incrementingUpdates.operators.has(key)) || incrementsField(p.value, depth + 1);
  });
}

/** A `sql` tagged template that steps a sequence (postgres.js, Prisma `$queryRaw`, slonik): a counter. */
export function sequenceTemplate(n: TSESTree.TaggedTemplateExpression): Taint | undefined {
  return n.quasi.quasis.some((q) => sqlSequenceText.test(q.value.raw))
    ? { weak: [{ kind: 'source', node: n, source: counterSource }], entropy: false }
    : undefined;
}

/**
 * A value read out of a record a store counter returned (`rows[0].n`, `doc.seq`, `const { rows } = await q`): the
 * counter, kept; anything else is not followed through a property read.
 */
function storeCounterOnly(t: Taint): Taint | undefined {
  if (t.entropy) return undefined;
  const hits = t.weak.filter(
    (h) =>
      h.kind === 'source' &&
      h.source === counterSource &&
      (h.node.type === T.CallExpression || h.node.type === T.TaggedTemplateExpression),
  );
  return hits.length ? { weak: hits, entropy: false } : undefined;
}
