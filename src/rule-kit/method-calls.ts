/**
 * Calls made on a variable's value through its references: `jwe.setProtectedHeader(h)` after
 * `const jwe = new CompactEncrypt(data)`, the statement form of a builder chain.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { constInitOf, findVariable, propertyName, unwrap, type Scope, type Variable } from './ast.js';

/** The first call `v.<method>(…)` made through one of the variable's references, or undefined. */
export function methodCallOn(v: Variable | undefined, method: string): TSESTree.CallExpression | undefined {
  for (const ref of v?.references ?? []) {
    const m = ref.identifier.parent;
    if (m?.type !== T.MemberExpression || m.object !== ref.identifier || propertyName(m) !== method) continue;
    if (m.parent?.type === T.CallExpression && m.parent.callee === m) return m.parent;
  }
  return undefined;
}

/**
 * The call of `method` on a builder, walking back along the chain (`new SignJWT(p).setProtectedHeader(h).sign(k)`)
 * or through the builder variable (`jwe.setProtectedHeader(h); await jwe.encrypt(k)`).
 */
export function builderCall(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  method: string,
  scope: Scope,
): TSESTree.CallExpression | undefined {
  if (node.callee.type !== T.MemberExpression) return undefined;
  let cur = unwrap(node.callee.object);
  for (let i = 0; i < 16; i++) {
    if (cur.type === T.CallExpression && cur.callee.type === T.MemberExpression) {
      if (propertyName(cur.callee) === method) return cur;
      cur = unwrap(cur.callee.object);
    } else if (cur.type === T.Identifier) {
      // const jwe = new CompactEncrypt(data); jwe.setProtectedHeader(header); await jwe.encrypt(key);
      const set = methodCallOn(findVariable(scope, cur), method);
      if (set) return set;
      const init = constInitOf(cur, scope);
      if (!init) return undefined;
      cur = unwrap(init);
    } else return undefined;
  }
  return undefined;
}

/**
 * The call that starts a builder chain: `new SignJWT(p)` under `new SignJWT(p).setProtectedHeader(h).sign(k)` or
 * under `jwe.encrypt(k)` after `const jwe = new CompactEncrypt(p)`; the call itself when it is called on no builder
 * (`jwt.sign(p, k)`, also when `jwt` is `require('jsonwebtoken')`).
 */
export function chainRoot(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  scope: Scope,
): TSESTree.CallExpression | TSESTree.NewExpression {
  let cur = node;
  for (let i = 0; i < 16 && cur.callee.type === T.MemberExpression; i++) {
    let o: TSESTree.Node = unwrap(cur.callee.object);
    if (o.type === T.Identifier) o = unwrap(constInitOf(o, scope) ?? o);
    if (o.type === T.NewExpression || (o.type === T.CallExpression && o.callee.type === T.MemberExpression)) cur = o;
    else break;
  }
  return cur;
}
