/**
 * Rotation turned on for one named stage or tier only (require-key-rotation): `enableKeyRotation: prod` with
 * `const prod = props.stage === 'production'`, or `if (tier === 'regulated') await kms.send(new
 * EnableKeyRotationCommand(…))`. Every other stage or tier keeps its first key version for as long as the key lives.
 * A comparison with a value that names a kind of key (`spec === 'SYMMETRIC_DEFAULT'`: only symmetric keys rotate)
 * is the service's rule, not a stage; a negative guard (`env !== 'test'`) leaves rotation on everywhere that matters.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyKindValues } from '../catalogue/iac.js';
import { constInitOf, isFunctionNode, staticString, unwrap, type Scope } from './ast.js';

/** `x === 'production'` (either side, `==` too) with a string that names no kind of key: its text, or undefined. */
export function stageComparison(node: TSESTree.Node, scope: Scope, depth = 0): string | undefined {
  const n = unwrap(node);
  if (n.type === T.Identifier && depth < 4) {
    const init = constInitOf(n, scope);
    return init ? stageComparison(init, scope, depth + 1) : undefined;
  }
  if (n.type !== T.BinaryExpression || (n.operator !== '===' && n.operator !== '==')) return undefined;
  const value = staticString(n.right) ?? staticString(n.left);
  return value === undefined || keyKindValues.names.has(value) ? undefined : value;
}

/** The `if` (within the call's own function) whose stage comparison the call runs under, or undefined. */
export function stageGuardOf(call: TSESTree.Node, scope: Scope): TSESTree.IfStatement | undefined {
  let child: TSESTree.Node = call;
  for (let p = call.parent; p && !isFunctionNode(p); child = p, p = p.parent) {
    if (p.type === T.IfStatement && p.consequent === child && stageComparison(p.test, scope) !== undefined) return p;
  }
  return undefined;
}
