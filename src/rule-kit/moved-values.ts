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
import { isFunctionNode, propertyName, unwrap } from './ast.js';

/** How far back the move may be: a migration writes the new field just before it removes the old one. */
const LOOKBACK = 3;
const STORE_METHODS: ReadonlySet<string> = new Set(['push', 'unshift', 'set', 'add']);

/** Whether `drop` (a `delete` or a nullish assignment statement) follows a move of `target` in its block. */
function movedBeforeDrop(drop: TSESTree.Node, target: TSESTree.Node, normText: (n: TSESTree.Node) => string): boolean {
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

/** Moved to another holder just before the drop, or the object handed on whole just after it. */
export function keptAfterDrop(
  drop: TSESTree.Node,
  target: TSESTree.Node,
  normText: (n: TSESTree.Node) => string,
): boolean {
  return movedBeforeDrop(drop, target, normText) || redactedBeforeHandOff(drop, target, normText);
}

/**
 * A field removed from an object that is then handed on whole: `delete rec.privateKey; return rec`, `delete
 * acct.key; accounts[id] = acct`, `user.secret = undefined; store.set(id, user)`. The drop shapes what the caller or
 * the store receives (the sanitise-before-response idiom: a record from a database, a packet about to be
 * serialised), it does not end the key's life: whoever made the value still holds it. Only a named field of a plain
 * local or parameter (`this.key` is the object's own state; `delete cache[id]` removes a collection's element), and
 * only when the same function returns or stores that very binding after the drop.
 */
function redactedBeforeHandOff(
  drop: TSESTree.Node,
  target: TSESTree.Node,
  normText: (n: TSESTree.Node) => string,
): boolean {
  const t = unwrap(target);
  if (t.type !== T.MemberExpression || t.computed) return false;
  const obj = unwrap(t.object);
  if (obj.type !== T.Identifier) return false;
  const text = normText(obj);
  const handsOn = (n: TSESTree.Node): boolean => {
    if (n.type === T.ReturnStatement) return n.argument !== null && normText(unwrap(n.argument)) === text;
    if (n.type === T.ExpressionStatement) return storesElsewhere(n.expression, text, normText);
    return false;
  };
  // The statements after the drop's, in its block and in each enclosing block up to the function.
  let at: TSESTree.Node = drop;
  for (let p = drop.parent; p && !isFunctionNode(p); at = p, p = p.parent) {
    if (p.type !== T.BlockStatement && p.type !== T.Program) continue;
    const body = p.body as readonly TSESTree.Node[];
    for (const s of body.slice(body.indexOf(at) + 1)) if (someStatement(s, handsOn)) return true;
  }
  return false;
}

/** Whether `test` holds for `s` or a statement nested in it (not inside a nested function). */
function someStatement(s: TSESTree.Node, test: (n: TSESTree.Node) => boolean): boolean {
  if (test(s)) return true;
  switch (s.type) {
    case T.BlockStatement:
      return s.body.some((x) => someStatement(x, test));
    case T.IfStatement:
      return someStatement(s.consequent, test) || (s.alternate !== null && someStatement(s.alternate, test));
    case T.TryStatement:
      return (
        someStatement(s.block, test) ||
        (s.handler !== null && someStatement(s.handler.body, test)) ||
        (s.finalizer !== null && someStatement(s.finalizer, test))
      );
    default:
      return false;
  }
}
