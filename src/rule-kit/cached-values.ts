/**
 * A value kept in a keyed store and read back for the next use (get-or-create): `let iv = ivs.get(id); if (!iv) {
 * iv = randomBytes(12); ivs.set(id, iv); }`, or a helper that returns `await AsyncStorage.getItem(slot)` when it is
 * set and otherwise makes one and stores it with `setItem(slot, iv)`. An IV kept so is made once per key (per device,
 * per install) and then reused by every message under it. The store's methods are catalogue data
 * (`keyedStoreMethods`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyedStoreMethods } from '../catalogue/randomness.js';
import { literalDecoders } from '../catalogue/transforms.js';
import { findVariable, propertyName, unwrap, type Scope } from './ast.js';
import { dotted } from './flow/functions.js';
import { helperReturns } from './reuse.js';

type Node = TSESTree.Node;

/** The call that stores the value (`ivs.set(id, iv)`) and the name it is stored from, when `expr` is kept so. */
export function cachedValue(
  expr: Node,
  getScope: (n: Node) => Scope,
  sourceCode: Readonly<TSESLint.SourceCode>,
): { readonly node: TSESTree.CallExpression; readonly name: string; readonly store: string } | undefined {
  const stores = new Set<string>();
  const vars = new Set<TSESLint.Scope.Variable>();
  const stack: Node[] = [expr];
  const seen = new Set<Node>();
  for (let budget = 60; stack.length && budget > 0; budget--) {
    const n = unwrap(stack.pop()!);
    if (seen.has(n)) continue;
    seen.add(n);
    switch (n.type) {
      case T.AwaitExpression:
        stack.push(n.argument);
        break;
      case T.ConditionalExpression:
        stack.push(n.consequent, n.alternate);
        break;
      case T.LogicalExpression:
        stack.push(n.left, n.right);
        break;
      case T.Identifier: {
        const v = findVariable(getScope(n), n);
        if (!v || v.defs.length !== 1) break;
        vars.add(v);
        for (const r of v.references) if (r.writeExpr) stack.push(r.writeExpr);
        break;
      }
      case T.CallExpression: {
        const callee = unwrap(n.callee);
        const name = dotted(callee);
        if (callee.type === T.MemberExpression && keyedStoreMethods.reads.test(propertyName(callee) ?? ''))
          stores.add(sourceCode.getText(callee.object));
        else if (callee.type === T.Identifier) stack.push(...helperReturns(n, getScope, sourceCode.visitorKeys));
        // `Buffer.from(kept, 'hex')`, `CryptoJS.enc.Hex.parse(kept)`: the same value, decoded.
        if (n.arguments[0] && name !== undefined && (name === 'Buffer.from' || literalDecoders.pattern.test(name)))
          stack.push(n.arguments[0]);
        break;
      }
      default:
        break;
    }
  }
  if (stores.size === 0) return undefined;
  // The same value written back under a key to a store it is read from.
  for (const v of vars)
    for (const r of v.references) {
      const call = r.identifier.parent;
      if (call?.type !== T.CallExpression || call.arguments[1] !== r.identifier) continue;
      const callee = unwrap(call.callee);
      if (callee.type !== T.MemberExpression || !keyedStoreMethods.writes.test(propertyName(callee) ?? '')) continue;
      const store = sourceCode.getText(callee.object);
      if (stores.has(store)) return { node: call, name: v.name, store };
    }
  return undefined;
}
