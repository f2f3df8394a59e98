/**
 * Class fields used as counters: `this.seq++`, `++this.issued`, `this.serial += 1`. A value read from such a field
 * is the counter's current count, whatever the field's initialiser says.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { childrenOf, propertyName, staticNumber, unwrap } from '../../ast.js';

/** The key of `this.key` (through parentheses and casts), or undefined. */
function thisKeyOf(n: TSESTree.Node): string | undefined {
  const u = unwrap(n);
  return u.type === T.MemberExpression && unwrap(u.object).type === T.ThisExpression ? propertyName(u) : undefined;
}

/** Per class body: the first place each field is stepped, found in one walk of the class (not one per key). */
const steppedByClass = new WeakMap<TSESTree.ClassBody, Map<string, TSESTree.Node>>();

function steppedFields(
  cls: TSESTree.ClassBody,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): Map<string, TSESTree.Node> {
  let found = steppedByClass.get(cls);
  if (found) return found;
  found = new Map();
  const stack: TSESTree.Node[] = [...cls.body];
  while (stack.length) {
    const n = stack.pop()!;
    const key =
      n.type === T.UpdateExpression
        ? thisKeyOf(n.argument)
        : n.type === T.AssignmentExpression &&
            (n.operator === '+=' || n.operator === '-=') &&
            staticNumber(n.right) !== undefined
          ? thisKeyOf(n.left)
          : undefined;
    if (key !== undefined && !found.has(key)) found.set(key, n);
    if (n.type === T.ClassBody && n !== cls) continue;
    stack.push(...childrenOf(n, visitorKeys));
  }
  steppedByClass.set(cls, found);
  return found;
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
  return steppedFields(cls, visitorKeys).get(key);
}
