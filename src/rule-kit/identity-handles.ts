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
import { localFunction } from './flow/functions.js';
import { declaredInFunction } from './claim-keyed.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

const COMPARISONS: ReadonlySet<string> = new Set(['===', '!==', '==', '!=', '<', '<=', '>', '>=']);
const MAX_DEPTH = 3;

function onlyCompared(v: Variable, getScope: (n: Node) => TSESLint.Scope.Scope, depth: number): boolean {
  const reads = v.references.filter((r) => !r.init && r.isRead());
  if (reads.length === 0) return false;
  return reads.every((r) => {
    const id = r.identifier as Node;
    const p = id.parent;
    if (p?.type === T.BinaryExpression && COMPARISONS.has(p.operator)) return true;
    if (p?.type !== T.CallExpression || depth >= MAX_DEPTH) return false;
    const index = p.arguments.indexOf(id as TSESTree.CallExpressionArgument);
    const fn = index >= 0 ? localFunction(p.callee, getScope) : undefined;
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
