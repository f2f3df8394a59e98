/**
 * How many random bytes a call produces, for rules that judge key and salt sizes.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { randomBytesFunctions, randomFillFunctions } from '../catalogue/algorithms.js';
import { unwrap, calleeName } from './ast.js';

/**
 * The argument that sets how many random bytes a call returns: `randomBytes(n)`,
 * `getRandomValues(new Uint8Array(n))`.
 */
export function randomSizeArg(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const callee = unwrap(call.callee);
  const fn = calleeName(callee);
  if (fn === undefined) return undefined;
  const a = call.arguments[0];
  if ((randomBytesFunctions as readonly string[]).includes(fn)) return a;
  if (
    (randomFillFunctions as readonly string[]).includes(fn) &&
    a?.type === T.NewExpression &&
    a.callee.type === T.Identifier &&
    a.callee.name === 'Uint8Array'
  )
    return a.arguments[0];
  return undefined;
}
