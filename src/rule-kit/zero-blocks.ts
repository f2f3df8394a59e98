/**
 * A zero IV that the module also encrypts as a block (the catalogue's `zeroBlockInput`): the all-zero constant
 * handed to a cipher's `update`/`encrypt`, or to a same-file function that passes it there, or as the only argument
 * of a function made by another function (`const cbc = await CBC(key); cbc(zeroBlock)`). That is E_K(0^n), the
 * first step of CMAC, OCB and GCM's subkeys, so the zero IV belongs to a block-cipher construction. Read by the
 * static-IV checks.
 */
import { AST_NODE_TYPES as T, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { zeroBlockInput } from '../catalogue/randomness.js';
import { findVariable, isFunctionNode, propertyName, unwrap, type FunctionNode } from './ast.js';

type Variable = TSESLint.Scope.Variable;
const DefinitionType = TSESLint.Scope.DefinitionType;

/** `x.update(id)`, `cbc.encrypt(id)`, `aes.encryptBlock(id)`: `id` is a block or message to encrypt. */
function encryptedHere(id: TSESTree.Node): boolean {
  const call = id.parent;
  if (call?.type !== T.CallExpression || !call.arguments.includes(id as TSESTree.CallExpressionArgument)) return false;
  const callee = unwrap(call.callee);
  return callee.type === T.MemberExpression && zeroBlockInput.pattern.test(propertyName(callee) ?? '');
}

/** What a called identifier is bound to: a function written here, a value made by a call, or neither. */
function boundTo(
  callee: TSESTree.Identifier,
  getScope: (n: TSESTree.Node) => TSESLint.Scope.Scope,
): FunctionNode | 'made' | undefined {
  const v = findVariable(getScope(callee), callee);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (def?.type === DefinitionType.FunctionName && isFunctionNode(def.node)) return def.node;
  if (def?.type !== DefinitionType.Variable || def.node.type !== T.VariableDeclarator) return undefined;
  const init = def.node.init && unwrap(def.node.init);
  if (isFunctionNode(init)) return init;
  const made = init?.type === T.AwaitExpression ? unwrap(init.argument) : init;
  return made?.type === T.CallExpression ? 'made' : undefined;
}

/** Whether a function's parameter at `index` is encrypted as a block inside it. */
function paramEncrypted(fn: FunctionNode, index: number, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const p = fn.params[index];
  if (p?.type !== T.Identifier) return false;
  const v = sourceCode.scopeManager?.getDeclaredVariables(fn).find((d) => d.name === p.name);
  return v?.references.some((r) => encryptedHere(r.identifier)) ?? false;
}

/** Whether the module encrypts the zero constant bound to `v` as a block (E_K(0^n)). */
export function encryptedAsBlock(v: Variable, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const getScope = (n: TSESTree.Node): TSESLint.Scope.Scope => sourceCode.getScope(n);
  for (const ref of v.references) {
    const id = ref.identifier;
    if (encryptedHere(id)) return true;
    const call = id.parent;
    if (call?.type !== T.CallExpression) continue;
    const callee = unwrap(call.callee);
    const index = call.arguments.indexOf(id as TSESTree.CallExpressionArgument);
    if (index < 0 || callee.type !== T.Identifier) continue;
    const bound = boundTo(callee, getScope);
    if (bound === 'made' ? call.arguments.length === 1 : bound && paramEncrypted(bound, index, sourceCode)) return true;
  }
  return false;
}
