import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { childrenOf, propertyName, unwrap } from '../ast.js';

/** Every value written to `this.key` in a class: the field initialiser and each `this.key = …`. */
export function thisWrites(
  cls: TSESTree.ClassBody,
  key: string,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): TSESTree.Expression[] {
  const out: TSESTree.Expression[] = [];
  const stack: TSESTree.Node[] = [...cls.body];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === T.PropertyDefinition) {
      if (!n.static && propertyName(n) === key && n.value) out.push(n.value);
      continue;
    }
    if (
      n.type === T.AssignmentExpression &&
      n.operator === '=' &&
      n.left.type === T.MemberExpression &&
      unwrap(n.left.object).type === T.ThisExpression &&
      propertyName(n.left) === key
    )
      out.push(n.right);
    if (n.type === T.ClassBody && n !== cls) continue;
    stack.push(...childrenOf(n, visitorKeys));
  }
  return out;
}
