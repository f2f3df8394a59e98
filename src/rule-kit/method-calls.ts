/**
 * Calls made on a variable's value through its references: `jwe.setProtectedHeader(h)` after
 * `const jwe = new CompactEncrypt(data)`, the statement form of a builder chain.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { propertyName, type Variable } from './ast.js';

/** The first call `v.<method>(…)` made through one of the variable's references, or undefined. */
export function methodCallOn(v: Variable | undefined, method: string): TSESTree.CallExpression | undefined {
  for (const ref of v?.references ?? []) {
    const m = ref.identifier.parent;
    if (m?.type !== T.MemberExpression || m.object !== ref.identifier || propertyName(m) !== method) continue;
    if (m.parent?.type === T.CallExpression && m.parent.callee === m) return m.parent;
  }
  return undefined;
}
