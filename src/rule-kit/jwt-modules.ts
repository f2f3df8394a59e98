/**
 * Whether a framework's JWT configuration (catalogue `jwtModuleSigners`) signs with one static key and
 * names no key id: NestJS `JwtModule.register(…)`/`registerAsync({ useFactory })`, `JwtService.sign(p,
 * { secret })`, the Fastify JWT plugin. A key given as a function (a key provider) is chosen per token and
 * is not judged; nor is an options object the file does not show.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { JwtModuleSigner } from '../catalogue/jwt-modules.js';
import { isFunctionNode, propertyName, unwrap, type Scope } from './ast.js';
import { returnExpressions } from './flow/functions.js';
import { requireTarget, type ImportMap } from './imports.js';
import { isStaticKey } from './key-selection.js';
import { lookup, valueOf } from './option-objects.js';
import { anyShapeMatches, calleePathOf } from './sinks.js';

type Call = TSESTree.CallExpression | TSESTree.NewExpression;

function recognised(node: Call, signer: JwtModuleSigner, imports: ImportMap, scope: Scope): boolean {
  const w = signer.when;
  if (w.kind === 'call') {
    const cp = calleePathOf(node, imports, scope);
    return cp !== undefined && anyShapeMatches(w.match, cp);
  }
  if (node.callee.type !== T.MemberExpression || !w.methods.includes(propertyName(node.callee) ?? '')) return false;
  if (w.kind === 'method') {
    for (const b of imports.values()) if (w.modules.includes(b.module)) return true;
    return false;
  }
  const plugin = node.arguments[0] && unwrap(node.arguments[0]);
  const from =
    plugin?.type === T.Identifier
      ? imports.get(plugin.name)?.module
      : plugin
        ? requireTarget(plugin)?.module
        : undefined;
  return from !== undefined && w.modules.includes(from);
}

/** The options object: the argument, or what its factory (`useFactory`) returns. */
function optionsOf(node: Call, signer: JwtModuleSigner, scope: Scope, sourceCode: Readonly<TSESLint.SourceCode>) {
  const arg = node.arguments[signer.propsIndex];
  if (!arg || arg.type === T.SpreadElement) return undefined;
  const obj = valueOf(arg, scope);
  if (obj.type !== T.ObjectExpression) return undefined;
  if (!signer.factory) return obj;
  const f = lookup(obj, signer.factory, scope);
  if (f.kind !== 'found') return obj;
  const fn = valueOf(f.value, scope);
  if (!isFunctionNode(fn)) return undefined;
  const ret = returnExpressions(fn, sourceCode.visitorKeys)[0];
  const made = ret && valueOf(ret, scope);
  return made?.type === T.ObjectExpression ? made : undefined;
}

/**
 * A call that configures JWT signing with one key (not a key provider) and no key id: its key, and the node the
 * finding is reported at: the property that holds the key (`secret: …`), the key being what the finding is about.
 */
export function kidlessModuleKey(
  node: Call,
  signer: JwtModuleSigner,
  imports: ImportMap,
  scope: Scope,
  sourceCode: Readonly<TSESLint.SourceCode>,
): { key: TSESTree.Node; at: TSESTree.Node } | undefined {
  if (!recognised(node, signer, imports, scope)) return undefined;
  const obj = optionsOf(node, signer, scope, sourceCode);
  if (!obj) return undefined;
  const key = signer.keyProperties.map((p) => lookup(obj, p, scope)).find((l) => l.kind === 'found');
  if (!key || key.kind !== 'found' || isFunctionNode(unwrap(key.value))) return undefined;
  if (!signer.kidProperties.every((p) => lookup(obj, p, scope).kind === 'absent')) return undefined;
  return { key: key.value, at: key.prop };
}

/** The node to report when the call configures JWT signing with one static key and no key id. */
export function signsWithoutKeyId(
  node: Call,
  signer: JwtModuleSigner,
  imports: ImportMap,
  scope: Scope,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESTree.Node | undefined {
  const found = kidlessModuleKey(node, signer, imports, scope, sourceCode);
  return found && isStaticKey(found.key, sourceCode) ? found.at : undefined;
}
