/**
 * The program point an object logged whole is judged at (issue 11, session 33, lk17): member evidence read from the
 * file's text (member-evidence.ts) is order-free, so a secret attached to a reply after it was logged, or a key
 * field replaced by its hash before, said the same as a secret the object held when logged. Here the point is given
 * only where the text's order is the order of execution: a bare binding logged in the function that declares it,
 * outside any loop of that function (a write later in a loop's body runs before the next turn's log), and not in a
 * callback (which runs when something calls it, after the writes that follow it in the text).
 */
import { TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { enclosingFunction, findVariable, loopStatements } from './ast.js';
import type { ObjectAt } from './member-evidence.js';

/** The point `n` (an object logged whole) is judged at, or undefined where the text's order says nothing. */
export function objectPointOf(scope: TSESLint.Scope.Scope, n: TSESTree.Node): ObjectAt | undefined {
  if (n.type !== T.Identifier) return undefined;
  const def = findVariable(scope, n)?.defs[0];
  if (!def) return undefined;
  const parameter = def.type === TSESLint.Scope.DefinitionType.Parameter;
  const declaredIn = parameter ? def.node : enclosingFunction(def.node);
  const fn = enclosingFunction(n);
  if (!fn || fn !== declaredIn) return undefined;
  for (let p: TSESTree.Node | undefined = n.parent; p && p !== fn; p = p.parent)
    if (loopStatements.has(p.type)) return undefined;
  const made =
    !parameter &&
    def.type === TSESLint.Scope.DefinitionType.Variable &&
    def.node.type === T.VariableDeclarator &&
    def.node.id === def.name &&
    def.node.init !== null;
  return { offset: n.range[0], madeHere: made };
}
