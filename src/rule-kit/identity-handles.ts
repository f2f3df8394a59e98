/**
 * A value used only as an in-process handle: every read of its binding compares it (`token !== this.generation`,
 * `rev < head`), or passes it to a function of the same file whose parameter is again only compared. Such a value
 * never leaves the process: no response, cookie, header, storage, URL or log sees it, so nobody outside can present
 * it, and guessing it opens nothing. A generation counter that tells a stale poll loop to stop is one; a session
 * token is not (it is returned, stored or sent). `no-weak-randomness` takes no purpose from a name for it.
 *
 * Any other read (returned, stored in an object or a field, put in a text, passed to another module's function or a
 * library) keeps the name's purpose: the value may leave.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { findVariable } from './ast.js';
import { declaredInFunction } from './claim-keyed.js';

type Node = TSESTree.Node;
type Fn = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
type Variable = TSESLint.Scope.Variable;

const COMPARISONS: ReadonlySet<string> = new Set(['===', '!==', '==', '!=', '<', '<=', '>', '>=']);
const MAX_DEPTH = 3;

const isFn = (n: Node | null | undefined): n is Fn =>
  n?.type === T.FunctionDeclaration || n?.type === T.FunctionExpression || n?.type === T.ArrowFunctionExpression;

/** The same-file function a call reaches: a local function or const arrow, or a method of the enclosing class. */
function calledFunction(call: TSESTree.CallExpression, getScope: (n: Node) => TSESLint.Scope.Scope): Fn | undefined {
  const callee = call.callee;
  if (callee.type === T.Identifier) {
    const def = findVariable(getScope(callee), callee)?.defs[0];
    if (def?.node.type === T.FunctionDeclaration) return def.node;
    return def?.node.type === T.VariableDeclarator && isFn(def.node.init) ? def.node.init : undefined;
  }
  if (callee.type !== T.MemberExpression || callee.object.type !== T.ThisExpression || callee.computed)
    return undefined;
  const key = callee.property;
  let cls: Node | undefined = call.parent;
  while (cls && cls.type !== T.ClassBody) cls = cls.parent;
  if (cls?.type !== T.ClassBody) return undefined;
  for (const m of cls.body) {
    if (m.type !== T.MethodDefinition || m.computed || m.key.type !== key.type) continue;
    if ((m.key as TSESTree.Identifier | TSESTree.PrivateIdentifier).name === (key as TSESTree.Identifier).name)
      return isFn(m.value) ? m.value : undefined;
  }
  return undefined;
}

function onlyCompared(v: Variable, getScope: (n: Node) => TSESLint.Scope.Scope, depth: number): boolean {
  const reads = v.references.filter((r) => !r.init && r.isRead());
  if (reads.length === 0) return false;
  return reads.every((r) => {
    const id = r.identifier as Node;
    const p = id.parent;
    if (p?.type === T.BinaryExpression && COMPARISONS.has(p.operator)) return true;
    if (p?.type !== T.CallExpression || depth >= MAX_DEPTH) return false;
    const index = p.arguments.indexOf(id as TSESTree.CallExpressionArgument);
    const fn = index >= 0 ? calledFunction(p, getScope) : undefined;
    const param = fn?.params[index];
    if (param?.type !== T.Identifier) return false;
    const pv = findVariable(getScope(fn!.body), param);
    return pv !== undefined && onlyCompared(pv, getScope, depth + 1);
  });
}

/** True when `expr` initialises a local binding whose every read only compares it (see the module comment). */
export function isIdentityHandle(expr: Node, getScope: (n: Node) => TSESLint.Scope.Scope): boolean {
  const d = expr.parent;
  if (d?.type !== T.VariableDeclarator || d.init !== expr || d.id.type !== T.Identifier) return false;
  const v = findVariable(getScope(d.id), d.id);
  return v !== undefined && declaredInFunction(v) && onlyCompared(v, getScope, 0);
}
