/**
 * The arguments a same-file wrapper is called with, for an IV, nonce or salt that is the wrapper's parameter:
 * `function encryptWith(key, iv, data) { return createCipheriv(alg, key, iv) }` called as
 * `encryptWith(k, Buffer.alloc(16), d)`. The cipher call sees only a parameter; the constant is at the call site.
 * One hop, and only for a function bound once in this file (a declaration or a `const` arrow).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { findVariable, unwrap } from './ast.js';
import type { Origin } from './values.js';

type Fn = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

const isFn = (n: TSESTree.Node | undefined): n is Fn =>
  n?.type === T.FunctionDeclaration || n?.type === T.FunctionExpression || n?.type === T.ArrowFunctionExpression;

/** The binding a function is called by: its declared name, or the `const` it is the initialiser of. */
function calledBy(fn: Fn): TSESTree.Identifier | undefined {
  if (fn.type === T.FunctionDeclaration) return fn.id ?? undefined;
  const p = fn.parent;
  return p?.type === T.VariableDeclarator && p.id.type === T.Identifier && p.init === fn ? p.id : undefined;
}

/**
 * For a `param` origin (not a default-parameter fallback), the argument passed in its place at every call of
 * the function in this file (other uses, an export or a callback, are not calls this file can read).
 */
export function callerArguments(o: Origin, getScope: (n: TSESTree.Node) => TSESLint.Scope.Scope): TSESTree.Node[] {
  if (o.kind !== 'param' || o.fallback || o.node.type !== T.Identifier) return [];
  const def = findVariable(getScope(o.node), o.node)?.defs[0];
  const fn = def?.node;
  if (!isFn(fn)) return [];
  const index = fn.params.findIndex((p) => p.type === T.Identifier && p.name === o.name);
  const id = index < 0 ? undefined : calledBy(fn);
  if (!id) return [];
  const v = findVariable(getScope(id), id);
  const out: TSESTree.Node[] = [];
  for (const ref of v?.references ?? []) {
    if (ref.init || ref.identifier === id) continue;
    const call = ref.identifier.parent;
    if (call?.type !== T.CallExpression || unwrap(call.callee) !== ref.identifier) continue;
    const a = call.arguments[index];
    if (a && a.type !== T.SpreadElement) out.push(a);
  }
  return out;
}
