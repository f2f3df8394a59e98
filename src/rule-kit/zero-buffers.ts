/**
 * Zero buffers the value tracking does not size (`new Uint8Array(sodium.crypto_secretbox_NONCEBYTES)`,
 * `Buffer.alloc(IV_LENGTH)`), and the writes a `DataView` over a buffer makes into it
 * (`new DataView(nonce.buffer).setUint32(20, seq++)`). Read by the static-IV checks.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { sizeConstantName } from '../catalogue/randomness.js';
import { typedArrayClasses } from '../catalogue/index.js';
import { calleeName, findVariable, propertyName, unwrap } from './ast.js';
import type { Origin } from './values.js';

/** `new Uint8Array(NONCE_BYTES)`, `Buffer.alloc(sodium.crypto_secretbox_NONCEBYTES)`: made here, all zero. */
function isSizedZeroBuffer(n: TSESTree.Node): boolean {
  const u = unwrap(n);
  if (u.type !== T.NewExpression && u.type !== T.CallExpression) return false;
  const callee = unwrap(u.callee);
  const made = calleeName(callee) ?? '';
  const typed = u.type === T.NewExpression && (typedArrayClasses.names.has(made) || made === 'Buffer');
  const alloc =
    u.type === T.CallExpression &&
    callee.type === T.MemberExpression &&
    calleeName(callee.object) === 'Buffer' &&
    propertyName(callee) === 'alloc' &&
    u.arguments.length === 1;
  const size = u.arguments[0] && unwrap(u.arguments[0]);
  const name =
    size?.type === T.Identifier ? size.name : size?.type === T.MemberExpression ? propertyName(size) : undefined;
  return (typed || alloc) && name !== undefined && sizeConstantName.pattern.test(name);
}

/** The zero buffer an origin is, when the tracking gave it no size (see `isSizedZeroBuffer`). */
export function sizedZeroBuffer(o: Origin): TSESTree.Node | undefined {
  if (o.kind === 'zeros') return undefined;
  return [o.replace, o.node].find(isSizedZeroBuffer);
}

/**
 * The values a `DataView` over `ref`'s buffer writes into it (`view.setUint32(off, value)`), when `ref` is
 * `x.buffer` passed to `new DataView(…)`; undefined when `ref` is not that, or the view escapes (passed on,
 * returned), so that what it writes cannot be read.
 */
export function dataViewWrites(
  ref: TSESTree.Identifier,
  getScope: (n: TSESTree.Node) => TSESLint.Scope.Scope,
): TSESTree.Node[] | undefined {
  const member = ref.parent;
  if (member?.type !== T.MemberExpression || member.object !== ref || propertyName(member) !== 'buffer')
    return undefined;
  const view = member.parent;
  if (view?.type !== T.NewExpression || calleeName(view.callee) !== 'DataView' || view.arguments[0] !== member)
    return undefined;
  const setterValue = (m: TSESTree.Node | undefined): TSESTree.Node | undefined => {
    const call = m?.parent;
    if (m?.type !== T.MemberExpression || call?.type !== T.CallExpression || call.callee !== m) return undefined;
    if (!/^set(?:Uint|Int|Float|BigUint|BigInt)\d+$/.test(propertyName(m) ?? '')) return undefined;
    const v = call.arguments[1];
    return v && v.type !== T.SpreadElement ? v : undefined;
  };
  const direct = setterValue(view.parent);
  if (direct) return [direct];
  const decl = view.parent;
  if (decl?.type !== T.VariableDeclarator || decl.id.type !== T.Identifier) return undefined;
  const v = findVariable(getScope(decl.id), decl.id);
  if (!v) return undefined;
  const writes: TSESTree.Node[] = [];
  for (const r of v.references) {
    if (r.init) continue;
    const w = setterValue(r.identifier.parent);
    if (!w) return undefined;
    writes.push(w);
  }
  return writes;
}
