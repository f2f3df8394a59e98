/**
 * Ties a companion call to the key it acts on: `EnableKeyRotationCommand({ KeyId: out.KeyMetadata.KeyId })`
 * covers the `CreateKeyCommand` whose result `out` holds. Read from the call's shape, within one file.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { findVariable, propertyName, staticString, unwrap, type Scope, type Variable } from './ast.js';
import { valueOf } from './option-objects.js';

type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** The variables a CreateKey result is bound to: `const out = await kms.send(new CreateKeyCommand(…))`. */
export function resultVariables(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): readonly Variable[] {
  let n: TSESTree.Node = node;
  for (let i = 0; i < 6 && n.parent; i++) {
    const p: TSESTree.Node = n.parent;
    if (p.type === T.VariableDeclarator) return p.init === n ? sourceCode.getDeclaredVariables(p) : [];
    const passes =
      (p.type === T.CallExpression && (p.arguments.includes(n as TSESTree.CallExpressionArgument) || p.callee === n)) ||
      p.type === T.AwaitExpression ||
      p.type === T.MemberExpression ||
      p.type === T.TSAsExpression ||
      p.type === T.TSNonNullExpression;
    if (!passes) return [];
    n = p;
  }
  return [];
}

/** The variable a companion's KeyId is read from (`out` in `out.KeyMetadata!.KeyId!`), if any. */
export function keyIdVariable(node: Call, property: string, scope: Scope): Variable | undefined {
  const opts = node.arguments[0] && unwrap(node.arguments[0]);
  if (opts?.type !== T.ObjectExpression) return undefined;
  const prop = opts.properties.find(
    (p): p is TSESTree.Property => p.type === T.Property && propertyName(p) === property,
  );
  if (!prop) return undefined;
  let v = unwrap(prop.value);
  for (let i = 0; i < 8 && v.type === T.MemberExpression; i++) v = unwrap(v.object);
  return v.type === T.Identifier ? findVariable(scope, v) : undefined;
}

/** The key a call names by a static string argument (`createKey('data', …)`), or undefined. */
export function keyNameOf(node: Call, index: number | undefined, scope: Scope): string | undefined {
  const arg = index === undefined ? undefined : node.arguments[index];
  return arg && arg.type !== T.SpreadElement ? staticString(valueOf(arg, scope)) : undefined;
}
