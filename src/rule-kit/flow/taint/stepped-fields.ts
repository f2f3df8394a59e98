/**
 * Class fields used as counters: `this.seq++`, `++this.issued`, `this.serial += 1`. A value read from such a field
 * is the counter's current count, whatever the field's initialiser says.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { childrenOf, propertyName, staticNumber, unwrap } from '../../ast.js';

/** `this.key` (through parentheses and casts). */
function isThisKey(n: TSESTree.Node, key: string): boolean {
  const u = unwrap(n);
  return u.type === T.MemberExpression && unwrap(u.object).type === T.ThisExpression && propertyName(u) === key;
}

/**
 * The first place a class steps `this.key` by a constant (`++`, `--`, `+= n`, `-= n`), or undefined. Nested classes
 * have their own `this` and are skipped.
 */
export function fieldStep(
  cls: TSESTree.ClassBody,
  key: string,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): TSESTree.Node | undefined {
  const stack: TSESTree.Node[] = [...cls.body];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === T.UpdateExpression && isThisKey(n.argument, key)) return n;
    if (
      n.type === T.AssignmentExpression &&
      (n.operator === '+=' || n.operator === '-=') &&
      isThisKey(n.left, key) &&
      staticNumber(n.right) !== undefined
    )
      return n;
    if (n.type === T.ClassBody && n !== cls) continue;
    stack.push(...childrenOf(n, visitorKeys));
  }
  return undefined;
}
