/**
 * A binding the code dispatches on: compared with two or more different string literals in separate branches
 * (`if (mode === 'hashed') … else if (mode === 'encrypted') …`, `switch (method) { case 'plain': … }`). That is an
 * enumerated setting (a storage method, a mode, an algorithm choice), whatever the setting is named after: code
 * branches on what a setting says, while a secret is only passed on, compared whole once (`timingSafeEqual`, a
 * placeholder check), or sent. A `typeof` test does not count: code
 * normalises a key by its type (`typeof key === 'string' ? Buffer.from(key) : key`).
 *
 * One `||` chain of literal comparisons is a placeholder check (`secret === 'changeme' || secret === 'secret'`), not
 * a dispatch: the literals must decide different branches (two `if`/`?:` tests or two `case`s), each test its own.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { findVariable } from './ast.js';

type Node = TSESTree.Node;

/** The `if`/`?:` test or `case` a comparison decides, climbing through `&&`, `||`, `!` and parentheses. */
function branchOf(n: Node): Node | undefined {
  let cur: Node = n;
  for (let p = cur.parent; p; cur = p, p = p.parent) {
    if (p.type === T.LogicalExpression || (p.type === T.UnaryExpression && p.operator === '!')) continue;
    if ((p.type === T.IfStatement || p.type === T.ConditionalExpression) && p.test === cur) return p;
    return undefined;
  }
  return undefined;
}

/** The string literal a reference is compared with, and the branch that comparison decides: `x === 'a'`. */
function comparedLiteral(ref: TSESTree.Identifier): { value: string; branch: Node } | undefined {
  const p = ref.parent;
  if (p.type !== T.BinaryExpression || !['===', '!==', '==', '!='].includes(p.operator)) return undefined;
  const other = p.left === ref ? p.right : p.left;
  if (other.type !== T.Literal || typeof other.value !== 'string') return undefined;
  const branch = branchOf(p);
  return branch && { value: other.value, branch };
}

/** The string `case` labels of a `switch` on the reference. */
function switchCases(ref: TSESTree.Identifier): string[] {
  const p = ref.parent;
  if (p.type !== T.SwitchStatement || p.discriminant !== ref) return [];
  return p.cases.flatMap((c) => (c.test?.type === T.Literal && typeof c.test.value === 'string' ? [c.test.value] : []));
}

/** True when the binding `id` names is an enumerated setting (see the module comment). */
export function isEnumeratedSetting(id: TSESTree.Identifier, scope: TSESLint.Scope.Scope): boolean {
  const v = findVariable(scope, id);
  if (!v) return false;
  const values = new Set<string>();
  const branches = new Set<Node>();
  for (const r of v.references) {
    const cases = switchCases(r.identifier as TSESTree.Identifier);
    if (cases.length >= 2) return true;
    const c = comparedLiteral(r.identifier as TSESTree.Identifier);
    if (!c) continue;
    values.add(c.value);
    branches.add(c.branch);
    if (values.size >= 2 && branches.size >= 2) return true;
  }
  return false;
}
