/**
 * Whether a value is the same on every run, beyond what values.ts names a literal: a literal decoded by a
 * library call (`CryptoJS.enc.Hex.parse('00…')`, `forge.util.hexToBytes('…')`) or re-shaped by a string or
 * buffer method (`'\0'.repeat(16)`); and whether a buffer is filled only with a counter (no random part).
 * Shared by the static-IV checks; the decoders are catalogue data (transforms.ts `literalDecoders`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { inPlaceWrites, stateReadingKinds } from '../catalogue/randomness.js';
import { literalCounterBlocks, literalDecoders, receiverMethods } from '../catalogue/transforms.js';
import { calleeName, findVariable, propertyName, staticNumber, unwrap } from './ast.js';
import type { FileFlow } from './flow/engine.js';
import { dotted } from './flow/functions.js';
import type { ModuleValue } from './module-values.js';
import { writtenInPlace } from './reuse.js';
import type { Origin } from './values.js';
import { dataViewWrites } from './zero-buffers.js';

/** Reads a value this file's tracking cannot: an enum member, an imported setting (module-values.ts). */
type Held = (n: TSESTree.Node) => ModuleValue | undefined;
const CONSTANT_KINDS: ReadonlySet<string> = new Set(['string', 'bytes', 'zeros']);

const MAX_DEPTH = 3;

/** Every value `expr` can have is a literal, a zero buffer, or a constant call (numbers count as literals). */
function allConstant(flow: FileFlow, expr: TSESTree.Node, depth: number, held: Held): boolean {
  if (staticNumber(expr) !== undefined) return true;
  const origins = flow.origins(expr);
  const constant = (o: Origin): boolean =>
    !o.fallback && !filledLater(flow, o) && (CONSTANT_KINDS.has(o.kind) || constantCall(flow, o, depth + 1, held));
  if (origins.length > 0 && origins.every(constant)) return true;
  const h = held(expr);
  return h !== undefined && h.origins.length > 0 && h.origins.every((o) => !o.fallback && CONSTANT_KINDS.has(o.kind));
}

/**
 * A zero buffer that a later statement writes into (`const header = Buffer.alloc(36); await fh.read(header, 0, 36,
 * 0)`): a view of it (`header.subarray(24, 36)`) holds what was written, not zeros.
 */
function filledLater(flow: FileFlow, o: Origin): boolean {
  if (o.kind !== 'zeros') return false;
  let p = o.replace.parent;
  while (p && (p.type === T.TSAsExpression || p.type === T.TSNonNullExpression || p.type === T.TSSatisfiesExpression))
    p = p.parent;
  if (p?.type !== T.VariableDeclarator || p.id.type !== T.Identifier) return false;
  const v = findVariable(flow.getScope(p), p.id);
  return v !== undefined && writtenInPlace(v);
}

function constantCall(flow: FileFlow, o: Origin, depth: number, held: Held): boolean {
  if (depth > MAX_DEPTH || o.kind !== 'call') return false;
  const call = o.node;
  if (call.type === T.NewExpression) {
    const made = dotted(call.callee);
    const constant = call.arguments.every((a) => a.type !== T.SpreadElement && allConstant(flow, a, depth, held));
    return made !== undefined && literalCounterBlocks.pattern.test(made) && constant;
  }
  if (call.type !== T.CallExpression) return false;
  const args = call.arguments;
  const constArgs = args.every((a) => a.type !== T.SpreadElement && allConstant(flow, a, depth, held));
  const name = dotted(call.callee);
  if (name !== undefined && literalDecoders.pattern.test(name)) return args.length > 0 && constArgs;
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return false;
  const method = propertyName(callee);
  // `fill` changes its receiver in place and returns it: `new Uint8Array(16).fill(1)`; with one argument it sets
  // every byte, so whatever the receiver held (`Buffer.allocUnsafe(12).fill(7)`) the result is that constant.
  if (method === 'fill' && args.length === 1 && constArgs) return true;
  const reshapes = method !== undefined && (receiverMethods.has(method) || method === 'fill');
  return reshapes && constArgs && allConstant(flow, callee.object, depth, held);
}

/** A `call` origin whose value is a decoded or re-shaped literal. */
export function constantValue(flow: FileFlow, o: Origin, held: Held): boolean {
  return constantCall(flow, o, 0, held);
}

/** `n++`, `n += 1`, `BigInt(n)`, `this.seq++`, or a binding updated that way somewhere: a counter. */
function isCounter(flow: FileFlow, n: TSESTree.Node): boolean {
  const u = maskedOperand(n);
  if (u.type === T.UpdateExpression) return true;
  if (u.type === T.CallExpression && ['BigInt', 'Number'].includes(calleeName(u.callee) ?? '') && u.arguments[0])
    return isCounter(flow, u.arguments[0]);
  // `this.sent` that the class steps (`this.sent += 1` in another method): the tracker calls it a counter.
  if (u.type === T.MemberExpression && u.object.type === T.ThisExpression) {
    const t = flow.taint.taintOf(u);
    return !t.entropy && t.weak.some((h) => h.kind === 'source' && h.source.kind === 'counter');
  }
  if (u.type !== T.Identifier) return false;
  const v = findVariable(flow.getScope(u), u);
  return (
    v?.references.some((r) => {
      const p = r.identifier.parent;
      return (
        p?.type === T.UpdateExpression ||
        (p?.type === T.AssignmentExpression && p.left === r.identifier && (p.operator === '+=' || p.operator === '-='))
      );
    }) ?? false
  );
}

/**
 * The operand a literal mask, shift or reduction keeps (`messageId & 0xffff`, `seq >>> 0`, `n % 2 ** 32`): the
 * written value is as fixed as that operand.
 */
export function maskedOperand(n: TSESTree.Node): TSESTree.Node {
  let u = unwrap(n);
  while (
    u.type === T.BinaryExpression &&
    /^(?:&|\||>>>|>>|<<|%)$/.test(u.operator) &&
    staticNumber(u.right) !== undefined
  )
    u = unwrap(u.left);
  return u;
}

/**
 * The in-place write of a counter into buffer `v` (`nonce.writeUInt32BE(counter++, 8)`), when every write into
 * it is a counter or another constant-free value with no entropy: nothing random (`randomFillSync(nonce)`,
 * `prefix.copy(nonce)` from random bytes) is ever written. Undefined otherwise.
 */
export function counterOnly(
  flow: FileFlow,
  v: TSESLint.Scope.Variable,
  /** Also counts a written value this accepts (a record id, a counter handed in as a parameter). */
  alsoFixed?: (written: TSESTree.Node) => boolean,
): TSESTree.Node | undefined {
  let counter: TSESTree.Node | undefined;
  for (const ref of v.references) {
    const id = ref.identifier;
    const p = id.parent;
    let written: TSESTree.Node | undefined;
    if (ref.init) continue;
    // `new DataView(nonce.buffer).setUint32(20, seq++)`: a counter or a clock reading written through a view.
    const viewWrites = id.type === T.Identifier ? dataViewWrites(id, flow.getScope) : undefined;
    if (viewWrites) {
      for (const w of viewWrites) {
        const t = flow.taint.taintOf(w);
        if (t.entropy) return undefined;
        const clock = t.weak.some((x) => x.kind === 'source' && stateReadingKinds.has(x.source.kind));
        if (isCounter(flow, w) || clock || alsoFixed?.(w)) counter ??= w.parent ?? w;
      }
      continue;
    }
    // Any use this cannot read (a view passed on: `getRandomValues(nonce.subarray(0, 4))`) may write random bytes;
    // reading its size (`nonce.length - 4`) writes nothing.
    if (p?.type === T.MemberExpression && p.object === id && /^(?:length|byteLength)$/.test(propertyName(p) ?? ''))
      continue;
    if (p?.type === T.MemberExpression && p.object === id && p.parent?.type !== T.CallExpression) return undefined;
    if (p?.type === T.MemberExpression && p.object === id && p.parent?.type === T.CallExpression) {
      const m = propertyName(p);
      if (m === undefined || !inPlaceWrites.methods.test(m)) return undefined;
      const a = p.parent.arguments[0];
      if (!a || a.type === T.SpreadElement) return undefined;
      written = a;
    } else if (p?.type === T.CallExpression && p.arguments.includes(id as TSESTree.CallExpressionArgument)) {
      const m = calleeName(p.callee);
      // Passed to a call that is not a write: the cipher (or whatever takes the nonce) reads it.
      if (m === undefined || !inPlaceWrites.methods.test(m)) continue;
      // `src.copy(nonce)` copies `src` in; `randomFillSync(nonce)` fills it with random bytes.
      const callee = unwrap(p.callee);
      if (m !== 'copy' || callee.type !== T.MemberExpression) return undefined;
      written = callee.object;
    } else continue;
    if (flow.taint.taintOf(written).entropy) return undefined;
    if (isCounter(flow, written) || alsoFixed?.(written))
      counter ??= p.parent?.type === T.CallExpression ? p.parent : p;
  }
  return counter;
}
