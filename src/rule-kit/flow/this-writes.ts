import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { childrenOf, propertyName, unwrap } from '../ast.js';

const NONE: readonly TSESTree.Expression[] = Object.freeze([]);

/**
 * Per class body: the values written to each `this.key`, in the order one walk of the class meets them, found in one
 * walk for every key (the value-flow engine and the rules ask about many fields of the same classes).
 */
const writesByClass = new WeakMap<TSESTree.ClassBody, Map<string, TSESTree.Expression[]>>();

function writesOf(
  cls: TSESTree.ClassBody,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): Map<string, TSESTree.Expression[]> {
  let found = writesByClass.get(cls);
  if (found) return found;
  found = new Map();
  const add = (key: string | undefined, value: TSESTree.Expression): void => {
    if (key === undefined) return;
    const list = found!.get(key);
    if (list) list.push(value);
    else found!.set(key, [value]);
  };
  const stack: TSESTree.Node[] = [...cls.body];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === T.PropertyDefinition) {
      if (!n.static && n.value) add(propertyName(n), n.value);
      continue;
    }
    if (
      n.type === T.AssignmentExpression &&
      n.operator === '=' &&
      n.left.type === T.MemberExpression &&
      unwrap(n.left.object).type === T.ThisExpression
    )
      add(propertyName(n.left), n.right);
    if (n.type === T.ClassBody && n !== cls) continue;
    stack.push(...childrenOf(n, visitorKeys));
  }
  writesByClass.set(cls, found);
  return found;
}

/** Every value written to `this.key` in a class: the field initialiser and each `this.key = …`. */
export function thisWrites(
  cls: TSESTree.ClassBody,
  key: string,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): readonly TSESTree.Expression[] {
  return writesOf(cls, visitorKeys).get(key) ?? NONE;
}
