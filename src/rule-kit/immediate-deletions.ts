/**
 * Calls that destroy a key or secret at once, skipping the recovery window (catalogue `immediateDeletions`):
 * Azure Key Vault purges, a Vault transit key deleted by its API path. Read by require-key-recovery-window.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { immediateDeletions, type ImmediateDeletion } from '../catalogue/deletion.js';
import { unwrap } from './ast.js';
import { matchCallPattern } from './call-patterns.js';
import type { ImportMap } from './imports.js';

/** The text of a path argument: a string, a template literal or a concatenation, each value read as `x`. */
export function apiPathText(n: TSESTree.Node | undefined): string | undefined {
  const u = n && unwrap(n);
  if (u?.type === T.Literal && typeof u.value === 'string') return u.value;
  if (u?.type === T.TemplateLiteral) return u.quasis.map((q) => q.value.cooked ?? q.value.raw).join('x');
  // `'transit/keys/' + name`
  if (u?.type === T.BinaryExpression && u.operator === '+')
    return `${apiPathText(u.left) ?? 'x'}${apiPathText(u.right) ?? 'x'}`;
  return undefined;
}

/** The immediate deletion `call` makes, when it makes one. */
export function immediateDeletionOf(
  call: TSESTree.CallExpression,
  imports: ImportMap,
  scope: TSESLint.Scope.Scope,
): ImmediateDeletion | undefined {
  const d = matchCallPattern(call, imports, scope, immediateDeletions);
  if (!d?.pathPattern) return d;
  const path = apiPathText(call.arguments[0]);
  return path !== undefined && d.pathPattern.test(path) ? d : undefined;
}
