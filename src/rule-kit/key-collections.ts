/**
 * How key material goes into a collection and leaves it without a wipe: `map.set(id, key)`,
 * `keys.push(key)`, `set.add(key)` store it; `map.delete(id)`, `map.clear()`, a `splice`, `shift` or `pop` whose
 * removed elements are thrown away, and `keys.length = 0` drop it. Read by no-unsafe-key-deletion, which decides
 * at the end of the file whether the collection held keys and whether a wipe came first.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { calleeName, findVariable, propertyName, staticNumber, unwrap, type Scope } from './ast.js';
import { wipes } from '../catalogue/deletion.js';

/** Methods that put their value argument into the receiving collection, and which argument that is. */
const STORES: ReadonlyMap<string, number> = new Map([
  ['set', 1],
  ['push', 0],
  ['unshift', 0],
  ['add', 0],
]);

/**
 * `holder.set(id, v)`, `holder.push(v)`, `holder.add(v)`: the collection and the value stored in it. `push`,
 * `unshift` and `add` are everywhere, so they count only on a collection whose name passes `keyName`
 * (`masterKeys.push(k)`) or for a value that `valueSaysKey` (`history.push(key)` where `key: Uint8Array` is a
 * parameter); `set` counts on any Map (`cache.set(id, dek)`).
 */
export function storedValue(
  call: TSESTree.CallExpression,
  keyName: (name: string | undefined) => boolean,
  valueSaysKey?: (value: TSESTree.Node) => boolean,
): { readonly holder: TSESTree.Node; readonly value: TSESTree.Node } | undefined {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression || awaited(call)) return undefined;
  const method = calleeName(callee) ?? '';
  const first = call.arguments[0];
  if (!STORES.has(method) || !first) return undefined;
  if (method !== 'set' && !keyName(calleeName(unwrap(callee.object))) && !valueSaysKey?.(first)) return undefined;
  const at = STORES.get(method);
  const value = at === undefined ? undefined : call.arguments[at];
  // A cache's `set(id, value, ttl)` (node-cache, lru-cache options) stores the same value.
  const extra = method === 'set' ? 1 : 0;
  const count = call.arguments.length;
  if (!value || value.type === T.SpreadElement || count < at! + 1 || count > at! + 1 + extra) return undefined;
  return { holder: callee.object, value };
}

/**
 * `map.delete(id)`, `map.clear()`, `keys.splice(i, 1);` (its result unused): the collection that loses
 * elements, and how a message names the drop.
 */
export function collectionDropCall(
  call: TSESTree.CallExpression,
  text: (n: TSESTree.Node) => string,
  scope?: Scope,
): { readonly holder: TSESTree.Node; readonly how: string } | undefined {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression || awaited(call)) return undefined;
  const name = calleeName(callee);
  const n = call.arguments.length;
  const resultUnused =
    call.parent?.type === T.ExpressionStatement || (scope !== undefined && removedAndDiscarded(call, scope));
  // `shift()`/`pop()` whose result is thrown away drop the first or last element (`keyHistory.shift();`).
  // `del`/`flushAll`: node-cache and cache-manager, the caches a key is often kept in beside Map and lru-cache.
  const drops =
    ((name === 'delete' || name === 'del') && n === 1) ||
    ((name === 'clear' || name === 'flushAll') && n === 0) ||
    (name === 'splice' && n >= 1 && resultUnused) ||
    ((name === 'shift' || name === 'pop') && n === 0 && resultUnused);
  return drops ? { holder: callee.object, how: `${text(callee.object)}.${name}()` } : undefined;
}

/**
 * `await keychain.del(tag)`, `await store.set(id, key)`: Map, Set, WeakMap, arrays, lru-cache and node-cache are
 * synchronous, so an awaited store or removal goes to a persistent store (app storage, a KV, a database, a
 * keychain). The store's copy is the store's to destroy (plaintext stores are `keyItemRemoved`'s question); no
 * bytes of this program's memory are released by it.
 */
function awaited(call: TSESTree.CallExpression): boolean {
  return call.parent?.type === T.AwaitExpression;
}

/** `keys.length = 0`: every element of the array dropped at once. */
export function truncatedArray(node: TSESTree.AssignmentExpression): TSESTree.Node | undefined {
  const left = node.left;
  if (left.type !== T.MemberExpression || propertyName(left) !== 'length' || left.computed) return undefined;
  return staticNumber(node.right) === 0 ? left.object : undefined;
}

/**
 * `pool = pool.filter((p) => p.expiresAt > now)`, `keys = keys.slice(1)`: the collection replaced by a copy of itself
 * without some of its elements, which are dropped. How a message names it, or undefined.
 */
export function filteredCopy(node: TSESTree.AssignmentExpression): string | undefined {
  const right = unwrap(node.right);
  if (right.type !== T.CallExpression || right.callee.type !== T.MemberExpression) return undefined;
  const method = calleeName(right.callee);
  if (method !== 'filter' && method !== 'slice') return undefined;
  const same = sameReference(unwrap(right.callee.object), unwrap(node.left));
  return same ? `replaced by a copy from ${method}() without some of its elements` : undefined;
}

/** `this.pool` and `this.pool`, `keys` and `keys`: the same identifier or non-computed member chain. */
function sameReference(a: TSESTree.Node, b: TSESTree.Node): boolean {
  if (a.type === T.ThisExpression && b.type === T.ThisExpression) return true;
  if (a.type === T.Identifier && b.type === T.Identifier) return a.name === b.name;
  if (a.type !== T.MemberExpression || b.type !== T.MemberExpression || a.computed || b.computed) return false;
  return propertyName(a) === propertyName(b) && sameReference(unwrap(a.object), unwrap(b.object));
}

/**
 * `const [old] = keys.splice(i, 1)`, `const expired = ring.shift()`: the removed element is bound, then only looked
 * at (tested, its id or length read, handed to a function that is no wipe: a fingerprint, a log) and never wiped,
 * stored, returned or handed on whole: dropped as if the result were thrown away. A binding wiped
 * (`old.fill(0)`, `sodium.memzero(old)`, `old.k.fill(0)`), kept (`archive.push(old)`, `this.prev = old`,
 * `return old`) or reassigned is not.
 */
function removedAndDiscarded(call: TSESTree.CallExpression, scope: Scope): boolean {
  const decl = call.parent;
  if (decl?.type !== T.VariableDeclarator || decl.init !== call) return false;
  const ids =
    decl.id.type === T.Identifier
      ? [decl.id]
      : decl.id.type === T.ArrayPattern
        ? decl.id.elements.filter((e): e is TSESTree.Identifier => e?.type === T.Identifier)
        : [];
  if (!ids.length || (decl.id.type === T.ArrayPattern && ids.length !== decl.id.elements.length)) return false;
  return ids.every((id) => {
    const v = findVariable(scope, id);
    return v !== undefined && v.references.every((r) => r.init === true || onlyLookedAt(r.identifier as TSESTree.Node));
  });
}

/** A use of the removed element that neither wipes nor keeps it (see `removedAndDiscarded`). */
function onlyLookedAt(id: TSESTree.Node): boolean {
  let n = id;
  // `old.id`, `old.meta.createdAt`: a member read, unless a call ends the chain (`old.fill(0)`, `old.k.wipe()`).
  while (n.parent?.type === T.MemberExpression && n.parent.object === n) n = n.parent;
  const p = n.parent;
  if (n !== id) return !(p?.type === T.CallExpression && p.callee === n);
  if (!p) return false;
  if (p.type === T.IfStatement || p.type === T.ConditionalExpression) return p.test === n;
  if (p.type === T.UnaryExpression) return p.operator === '!' || p.operator === 'typeof';
  if (p.type === T.LogicalExpression) return p.left === n && p.parent?.type !== T.VariableDeclarator;
  if (p.type === T.BinaryExpression) return true;
  if (p.type === T.CallExpression && p.arguments.includes(n as TSESTree.Expression)) {
    // Handed to a function: a wipe (`memzero(old)`) or a store keeps it; anything else only reads it.
    const fn = calleeName(unwrap(p.callee)) ?? '';
    return !wipes.functions.has(fn) && !STORES.has(fn) && fn !== 'resolve' && p.parent?.type !== T.ReturnStatement;
  }
  return false;
}
