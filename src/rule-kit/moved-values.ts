/**
 * A member moved, not dropped (no-unsafe-key-deletion): `conn.keys = [conn.key]; delete conn.key` renames a field
 * (a settings migration, a record reshaped) and the value lives on in the other holder, so deleting or nulling the
 * old member releases nothing. Read from the statements just before the drop in the same block: one of them stores
 * the dropped member's value, as it is, into another object's member or collection (`x.other = v`, `x.list = [v]`,
 * `{ …, k: v }`, `list.push(v)`, `map.set(k, v)`). A copy into a local binding is not a move here: what happens to
 * the local is not read, and a copy that is then wiped is the wipe's business.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { propertyName, unwrap } from './ast.js';

/** How far back the move may be: a migration writes the new field just before it removes the old one. */
const LOOKBACK = 3;
const STORE_METHODS: ReadonlySet<string> = new Set(['push', 'unshift', 'set', 'add']);

/** Whether `drop` (a `delete` or a nullish assignment statement) follows a move of `target` in its block. */
export function movedBeforeDrop(
  drop: TSESTree.Node,
  target: TSESTree.Node,
  normText: (n: TSESTree.Node) => string,
): boolean {
  const stmt = drop.parent?.type === T.ExpressionStatement ? drop.parent : undefined;
  const block = stmt?.parent;
  if (!stmt || (block?.type !== T.BlockStatement && block?.type !== T.Program)) return false;
  const body = block.body as readonly TSESTree.Node[];
  const at = body.indexOf(stmt);
  const text = normText(target);
  for (let i = at - 1; i >= 0 && i >= at - LOOKBACK; i--) {
    const s = body[i]!;
    if (s.type === T.ExpressionStatement && storesElsewhere(s.expression, text, normText)) return true;
  }
  return false;
}

/** `x.other = v`, `x.list = [v]`, `x.meta = { k: v }`, `list.push(v)`, `map.set(k, v)`: v kept by another holder. */
function storesElsewhere(e: TSESTree.Expression, text: string, normText: (n: TSESTree.Node) => string): boolean {
  const holds = (v: TSESTree.Node | null | undefined): boolean => {
    if (!v) return false;
    const u = unwrap(v);
    if (u.type === T.ArrayExpression) return u.elements.some((x) => x?.type !== T.SpreadElement && holds(x));
    if (u.type === T.ObjectExpression) return u.properties.some((p) => p.type === T.Property && holds(p.value));
    return normText(u) === text;
  };
  if (e.type === T.AssignmentExpression && e.operator === '=') {
    const left = unwrap(e.left);
    return left.type === T.MemberExpression && normText(left) !== text && holds(e.right);
  }
  if (e.type !== T.CallExpression || e.callee.type !== T.MemberExpression) return false;
  const method = propertyName(e.callee);
  return (
    method !== undefined &&
    STORE_METHODS.has(method) &&
    normText(e.callee.object) !== text &&
    e.arguments.some((a) => a.type !== T.SpreadElement && holds(a))
  );
}
