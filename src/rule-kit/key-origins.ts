/**
 * Where a key value comes from, for `no-hardcoded-key`: the flow engine's origins (values.ts), followed further
 * through the ways real code hands a literal to a key API without assigning it:
 *
 * - a call that only decodes its literal argument (catalogue `literalDecoders`: noble's `hexToBytes`,
 *   `sodium.from_hex`, `CryptoJS.enc.Hex.parse`, tweetnacl-util's `decodeBase64`; also `atob` and base58
 *   `bs58.decode`): the bytes are as hardcoded as the text;
 * - a same-file function with no parameters that returns the key (`function signingSecret() { return '…' }`);
 * - a parameter of a same-file function, given a literal by the file's own calls
 *   (`const issue = makeIssuer('…')`);
 * - a record indexed at run time (`webhookKeys[tenant]`): every value the object literal holds;
 * - an option whose value is a function returning the key (`getSecret: () => '…'`);
 * - an element of a literal array (`KEYRING[0]`), a literal `Map`'s `get('…')`, a literal array `join`ed, and a
 *   constructor parameter property's default (`constructor(private readonly key = '…')`, read as `this.key`).
 *
 * Asked only for values that reach a key sink or a credential slot, so no per-node work is added.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { literalDecoders } from '../catalogue/transforms.js';
import { moreTextDecoders } from '../catalogue/index.js';
import { findVariable, isFunctionNode, type FunctionNode } from './ast.js';
import { flowOf } from './flow/engine.js';
import { dotted, localFunction, returnExpressions } from './flow/functions.js';
import type { Origin } from './values.js';

/** How many further hops (decoder, return, caller) one value may take. */
const MAX_HOPS = 3;
/** At most this many call sites of one helper are read. */
const MAX_CALLERS = 8;

type Flow = ReturnType<typeof flowOf>;

/** The encoding a decoder reads its text in, by its name (`Buffer.from(s, enc)` spelling). */
function encodingOf(callee: string): string | undefined {
  if (/hex/i.test(callee)) return 'hex';
  if (/base64|atob/i.test(callee)) return 'base64';
  if (/58/.test(callee)) return 'base58';
  return undefined;
}

/** A decoder call's text argument, and the encoding it is read in. */
function decodedArgument(call: TSESTree.Node): { arg: TSESTree.Node; encoding?: string } | undefined {
  if (call.type !== T.CallExpression) return undefined;
  const name = dotted(call.callee);
  const arg = call.arguments[0];
  if (name === undefined || !arg || arg.type === T.SpreadElement) return undefined;
  if (!literalDecoders.pattern.test(name) && !moreTextDecoders.names.has(name)) return undefined;
  const encoding = encodingOf(name);
  return { arg, ...(encoding ? { encoding } : {}) };
}

/** The function that declares the parameter `use` reads, and the parameter's index. */
function paramOwner(flow: Flow, use: TSESTree.Identifier): { fn: FunctionNode; index: number } | undefined {
  const def = findVariable(flow.getScope(use), use)?.defs[0];
  const fn = def?.node;
  if (!def || !fn || !isFunctionNode(fn)) return undefined;
  const index = fn.params.indexOf(def.name as TSESTree.Parameter);
  return index < 0 ? undefined : { fn, index };
}

/** The identifier a function is called by in this file: its declaration's name or the `const` it is stored in. */
function functionBinding(fn: FunctionNode): TSESTree.Identifier | undefined {
  if (fn.type === T.FunctionDeclaration && fn.id) return fn.id;
  const p = fn.parent;
  return p?.type === T.VariableDeclarator && p.id.type === T.Identifier && p.init === fn ? p.id : undefined;
}

/** The arguments the file's own calls give parameter `index` of `fn`. */
function callerArguments(flow: Flow, fn: FunctionNode, index: number): TSESTree.Node[] {
  const id = functionBinding(fn);
  const v = id && findVariable(flow.getScope(id), id);
  if (!v) return [];
  const out: TSESTree.Node[] = [];
  for (const ref of v.references.slice(0, MAX_CALLERS * 4)) {
    const call = ref.identifier.parent;
    if (call?.type !== T.CallExpression || call.callee !== ref.identifier) continue;
    const arg = call.arguments[index];
    if (arg && arg.type !== T.SpreadElement) out.push(arg);
    if (out.length >= MAX_CALLERS) break;
  }
  return out;
}

/** The initializer of a `const` (through `Object.freeze(…)`), or the expression itself. */
function constValue(flow: Flow, expr: TSESTree.Node): TSESTree.Node {
  let n = expr;
  if (n.type === T.Identifier) {
    const def = findVariable(flow.getScope(n), n)?.defs[0];
    const decl = def?.node;
    if (decl?.type === T.VariableDeclarator && decl.init && decl.parent.kind === 'const') n = decl.init;
  }
  while (n.type === T.TSAsExpression || n.type === T.TSSatisfiesExpression || n.type === T.TSNonNullExpression)
    n = n.expression;
  return n;
}

/** `KEYS[0]`, `KEYS[i]` over an array literal: the element, or every element for a run-time index. */
function arrayElements(flow: Flow, member: TSESTree.MemberExpression): TSESTree.Node[] {
  const arr = constValue(flow, member.object);
  if (!member.computed || arr.type !== T.ArrayExpression) return [];
  const p = member.property;
  const all = arr.elements.flatMap((e) => (e && e.type !== T.SpreadElement ? [e] : []));
  if (p.type === T.Literal && typeof p.value === 'number') return all.slice(p.value, p.value + 1);
  return p.type === T.Literal ? [] : all;
}

/** `new Map([['acme', '…']]).get('acme')`: the value under that key, or every value for a run-time key. */
function mapValues(flow: Flow, call: TSESTree.CallExpression): TSESTree.Node[] {
  const c = call.callee;
  if (c.type !== T.MemberExpression || c.computed || c.property.type !== T.Identifier || c.property.name !== 'get')
    return [];
  const map = constValue(flow, c.object);
  const entries = map.type === T.NewExpression && map.callee.type === T.Identifier && map.callee.name === 'Map';
  const list = entries ? map.arguments[0] : undefined;
  if (!list || list.type !== T.ArrayExpression) return [];
  const key = call.arguments[0];
  const wanted = key?.type === T.Literal ? key.value : undefined;
  return list.elements.flatMap((e) =>
    e?.type === T.ArrayExpression && e.elements[1] && e.elements[1].type !== T.SpreadElement
      ? wanted === undefined || (e.elements[0]?.type === T.Literal && e.elements[0].value === wanted)
        ? [e.elements[1]]
        : []
      : [],
  );
}

/** `['ab…', 'cd…'].join('')` of string literals: the joined text, as one string origin at the call. */
function joinedText(flow: Flow, call: TSESTree.CallExpression): Origin | undefined {
  const c = call.callee;
  if (c.type !== T.MemberExpression || c.computed || c.property.type !== T.Identifier || c.property.name !== 'join')
    return undefined;
  const arr = constValue(flow, c.object);
  const sep = call.arguments[0];
  const glue = sep === undefined ? ',' : sep.type === T.Literal && typeof sep.value === 'string' ? sep.value : null;
  if (arr.type !== T.ArrayExpression || glue === null) return undefined;
  const parts = arr.elements.map((e) => (e?.type === T.Literal && typeof e.value === 'string' ? e.value : null));
  if (parts.length < 2 || parts.some((p) => p === null)) return undefined;
  return { kind: 'string', node: call, replace: call, value: parts.join(glue) };
}

/** `this.key` where the constructor declares `private readonly key = '…'`: the parameter property's default. */
function parameterPropertyDefault(member: TSESTree.Node): TSESTree.Node | undefined {
  if (member.type !== T.MemberExpression || member.object.type !== T.ThisExpression || member.computed)
    return undefined;
  const name = member.property.type === T.Identifier ? member.property.name : undefined;
  let cls: TSESTree.Node | undefined = member.parent;
  while (cls && cls.type !== T.ClassBody) cls = cls.parent;
  const ctor = cls?.body.find((m) => m.type === T.MethodDefinition && m.kind === 'constructor');
  if (!ctor || ctor.type !== T.MethodDefinition) return undefined;
  for (const p of ctor.value.params)
    if (
      p.type === T.TSParameterProperty &&
      p.parameter.type === T.AssignmentPattern &&
      p.parameter.left.type === T.Identifier &&
      p.parameter.left.name === name
    )
      return p.parameter.right;
  return undefined;
}

/** `record[expr]` with a run-time key over an object literal: the values it holds. */
function indexedValues(flow: Flow, node: TSESTree.Node): TSESTree.Node[] {
  if (node.type !== T.MemberExpression || !node.computed || node.property.type === T.Literal) return [];
  return flow
    .origins(node.object)
    .flatMap((o) =>
      o.kind === 'object' && o.node.type === T.ObjectExpression
        ? o.node.properties.flatMap((p) => (p.type === T.Property && !p.computed ? [p.value] : []))
        : [],
    );
}

function expand(flow: Flow, sourceCode: TSESLint.SourceCode, o: Origin, hops: number): Origin[] {
  if (hops >= MAX_HOPS) return [o];
  const more = (node: TSESTree.Node, extra?: Partial<Origin>): Origin[] =>
    flow.origins(node).flatMap((d) => expand(flow, sourceCode, extra ? { ...d, ...extra } : d, hops + 1));
  if (o.kind === 'call') {
    const decoded = decodedArgument(o.node);
    if (decoded) return more(decoded.arg, decoded.encoding ? { encoding: decoded.encoding } : undefined);
    const call = o.node;
    if (call.type === T.CallExpression) {
      const joined = joinedText(flow, call);
      if (joined) return [joined];
      const fromMap = mapValues(flow, call).flatMap((v) => more(v));
      if (fromMap.length) return fromMap;
    }
    if (call.type === T.CallExpression && call.arguments.length === 0) {
      const fn = localFunction(call.callee, flow.getScope);
      if (fn && fn.params.length === 0) {
        const returned = returnExpressions(fn, sourceCode.visitorKeys).flatMap((r) => more(r));
        if (returned.length) return returned;
      }
    }
    return [o];
  }
  if (o.kind === 'param' && o.node.type === T.Identifier) {
    const owner = paramOwner(flow, o.node);
    const args = owner ? callerArguments(flow, owner.fn, owner.index) : [];
    const given = args.flatMap((a) => more(a)).filter((d) => d.kind === 'string' || d.kind === 'bytes');
    return given.length ? given : [o];
  }
  if (o.kind === 'unknown') {
    // An element of a literal array the engine reached (`KEYRING[0]`) but does not type: the literal it is.
    if (o.node.type === T.Literal && typeof o.node.value === 'string' && o.node.parent?.type === T.ArrayExpression)
      return [{ kind: 'string', node: o.node, replace: o.node, value: o.node.value }];
    const member =
      o.node.parent?.type === T.MemberExpression && o.node.parent.property === o.node ? o.node.parent : o.node;
    const declared = parameterPropertyDefault(member);
    if (declared) return more(declared);
    const element = member.type === T.MemberExpression ? arrayElements(flow, member) : [];
    const values = (element.length ? element : indexedValues(flow, member)).flatMap((v) => more(v));
    const literal = values.filter((d) => d.kind === 'string' || d.kind === 'bytes');
    return literal.length ? literal : [o];
  }
  return [o];
}

/**
 * The origins of a value that reaches a key sink or a credential slot: `flowOf(sourceCode).origins(node)`, with
 * decoder calls, parameterless same-file helpers, same-file callers' arguments and run-time-indexed records
 * followed (see the module comment).
 */
export function keyOrigins(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): readonly Origin[] {
  const flow = flowOf(sourceCode);
  // An option that takes a function returning the key (`getSecret: () => '…'`, `secret: async () => '…'`).
  if (node.type === T.ArrowFunctionExpression || node.type === T.FunctionExpression)
    return returnExpressions(node, sourceCode.visitorKeys).flatMap((r) => keyOrigins(sourceCode, r));
  const first = flow.origins(node);
  if (!first.some((o) => o.kind === 'call' || o.kind === 'param' || o.kind === 'unknown')) return first;
  return first.flatMap((o) => expand(flow, sourceCode, o, 0));
}
