/**
 * The `freshIv` suggestion of `no-static-iv`: a fresh random IV, nonce or salt per call, declared just before the
 * statement that makes the cipher (or replacing a binding's initialiser inside the same function).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils } from '@typescript-eslint/utils';
import { decryptSinkPattern } from '../catalogue/randomness.js';
import type { KeySink } from '../catalogue/types.js';
import { enclosingFunction, findVariable, isFunctionNode, unwrap } from './ast.js';
import { ensureBinding } from './fixes.js';
import type { ImportMap } from './imports.js';
import { freeName, ivSizeOf, nodeCryptoRef } from './iv.js';
import type { SinkHit } from './sinks.js';

type Node = TSESTree.Node;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;
export type Role = 'iv' | 'nonce' | 'salt';

export const ROLE_LABEL: Record<Role, string> = { iv: 'IV', nonce: 'nonce', salt: 'salt' };

/** What the suggestion needs of the file: the rule context (for scopes and the import fix) and its imports. */
export interface FreshIvFile {
  readonly context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
  readonly imports: ImportMap;
}

/** A fresh random IV (or salt) per call, declared just before the statement that makes the cipher. */
export function freshSuggestion(
  file: FreshIvFile,
  ivExpr: Node,
  call: Call,
  sink: KeySink,
  role: 'iv' | 'nonce' | 'salt',
  hits: readonly SinkHit[],
): TSESLint.SuggestionReportDescriptor<'freshIv'>[] | undefined {
  const { context, imports } = file;
  const getScope = (n: Node): TSESLint.Scope.Scope => context.sourceCode.getScope(n);
  if (decryptSinkPattern.test(sink.id) || !/^(?:node-crypto|webcrypto|tweetnacl|noble|noble-ciphers)\./.test(sink.id))
    return undefined;
  let stmt: Node = call;
  while (
    stmt.parent &&
    stmt.parent.type !== T.BlockStatement &&
    stmt.parent.type !== T.Program &&
    stmt.parent.type !== T.SwitchCase
  ) {
    if (isFunctionNode(stmt.parent)) return undefined;
    stmt = stmt.parent;
  }
  if (!stmt.parent || !enclosingFunction(call)) return undefined;
  const size = role === 'salt' ? 16 : ivSizeOf(sink, hits, getScope);
  const web = sink.id.startsWith('webcrypto.');
  const ref = web ? undefined : nodeCryptoRef(imports, 'randomBytes');
  const fresh = web ? `crypto.getRandomValues(new Uint8Array(${size}))` : `${ref!.text}(${size})`;
  if (ref?.add && !freeName('randomBytes', getScope(call), imports)) return undefined;
  const indent = ' '.repeat(stmt.loc.start.column);
  const e = unwrap(ivExpr);
  const label = ROLE_LABEL[role];
  const data =
    role === 'salt'
      ? { role: label, unit: 'password', call: fresh, output: 'hash', reverse: 'verification' }
      : { role: label, unit: 'message', call: fresh, output: 'ciphertext', reverse: 'decryption' };
  const withImport = (fixer: TSESLint.RuleFixer, fixes: TSESLint.RuleFix[]): TSESLint.RuleFix[] => {
    const imp = ref?.add ? ensureBinding(fixer, context, ['randomBytes'], 'node:crypto') : undefined;
    return imp ? [...fixes, imp] : fixes;
  };
  const statement = stmt;
  if (e.type === T.Identifier) {
    const v = findVariable(getScope(e), e);
    const def = v?.defs[0];
    if (!v || def?.node.type !== T.VariableDeclarator || !def.node.init) return undefined;
    const init = def.node.init;
    const fn = enclosingFunction(call);
    if (fn && def.node.range[0] >= fn.range[0] && def.node.range[1] <= fn.range[1]) {
      return [{ messageId: 'freshIv', data, fix: (fixer) => withImport(fixer, [fixer.replaceText(init, fresh)]) }];
    }
    // Shadow the shared binding with a fresh one; not when the name is read earlier in the same block.
    const block = statement.parent!;
    if (v.references.some((r) => r.identifier.range[0] >= block.range[0] && r.identifier.range[0] < statement.range[0]))
      return undefined;
    return [
      {
        messageId: 'freshIv',
        data,
        fix: (fixer) =>
          withImport(fixer, [fixer.insertTextBefore(statement, `const ${e.name} = ${fresh};\n${indent}`)]),
      },
    ];
  }
  const name = [role, `fresh${label}`].find((n) => !ASTUtils.findVariable(getScope(call), n));
  if (name === undefined || (e.parent?.type === T.Property && e.parent.shorthand)) return undefined;
  return [
    {
      messageId: 'freshIv',
      data,
      fix: (fixer) =>
        withImport(fixer, [
          fixer.insertTextBefore(statement, `const ${name} = ${fresh};\n${indent}`),
          fixer.replaceText(ivExpr, name),
        ]),
    },
  ];
}
