/**
 * require-key-rotation's key-id checks of JWT/JWE signers (jsonwebtoken-style options, jose protected headers):
 * a token signed or encrypted under one static key with no `kid` cannot survive a key rotation.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { passwordBasedJweAlgorithm, suggestedKeyId, type JwtSigner } from '../catalogue/iac.js';
import { staticString, type Scope } from './ast.js';
import { builderCall } from './method-calls.js';
import { assignedLater, insertArgument, insertProperty, lookup, valueOf } from './option-objects.js';

type Call = TSESTree.CallExpression | TSESTree.NewExpression;
type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;
/** The messages these checks report. */
type KidMessageIds = 'jwtNoKid' | 'jweNoKid' | 'addKeyId';
/** What the checks need from the rule: a report function and the source code (for fixes). */
export interface KidCtx {
  readonly report: (descriptor: TSESLint.ReportDescriptor<KidMessageIds>) => void;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
}

/** jsonwebtoken: no `keyid` (nor `header.kid`) in the sign options. */
export function checkJwtOptions(ctx: KidCtx, node: Call, signer: JwtSigner, scope: Scope): void {
  const opts = signer.options!;
  // A dotted fix (`header.kid`) is written as a nested object: `header: { kid: 'v1' }`.
  const path = signer.fix.property.split('.');
  const text = path
    .slice(0, -1)
    .reduceRight((inner, p) => `${p}: { ${inner} }`, `${path[path.length - 1]!}: '${suggestedKeyId}'`);
  const arg = node.arguments[opts.index];
  const report = (fix: Fix | undefined): void =>
    ctx.report({
      node,
      messageId: signer.encrypts ? 'jweNoKid' : 'jwtNoKid',
      data: { signer: signer.title, header: signer.fix.header },
      ...(fix
        ? { suggest: [{ messageId: 'addKeyId', data: { property: signer.fix.property, kid: suggestedKeyId }, fix }] }
        : {}),
    });
  if (!arg || arg.type === T.ArrowFunctionExpression || arg.type === T.FunctionExpression) {
    report(insertArgument(node, opts.index, text));
    return;
  }
  if (arg.type === T.SpreadElement) return;
  const obj = valueOf(arg, scope);
  if (obj.type !== T.ObjectExpression) return;
  for (const p of opts.kidProperties) if (lookup(obj, p, scope).kind !== 'absent') return;
  // `header` already there without a kid: adding a second `header` would drop the first, so no suggestion.
  const nested = path.length > 1 && lookup(obj, path[0]!, scope).kind !== 'absent';
  report(nested ? undefined : (fixer) => insertProperty(fixer, ctx.sourceCode, obj, text));
}

/** jose SignJWT / EncryptJWT / CompactEncrypt / FlattenedEncrypt: no `kid` in the protected header. */
export function checkJoseHeader(ctx: KidCtx, node: Call, signer: JwtSigner, scope: Scope): void {
  const method = signer.headerMethod!;
  const set = builderCall(node, method.name, scope);
  const arg = set?.arguments[0];
  if (!arg || arg.type === T.SpreadElement) return;
  const header = valueOf(arg, scope);
  if (header.type !== T.ObjectExpression) return;
  if (lookup(header, method.kidProperty, scope).kind !== 'absent') return;
  // PBES2: the key is a password (no-password-as-key's hazard), and no key id can name it.
  const alg = lookup(header, 'alg', scope);
  const algName = alg.kind === 'found' ? staticString(valueOf(alg.value, scope)) : undefined;
  if (algName !== undefined && passwordBasedJweAlgorithm.pattern.test(algName)) return;
  if (assignedLater(arg, method.kidProperty, scope)) return;
  const text = `${signer.fix.property}: '${suggestedKeyId}'`;
  ctx.report({
    node: header,
    messageId: signer.encrypts ? 'jweNoKid' : 'jwtNoKid',
    data: { signer: signer.title, header: signer.fix.header },
    suggest: [
      {
        messageId: 'addKeyId',
        data: { property: signer.fix.property, kid: suggestedKeyId },
        fix: (fixer) => insertProperty(fixer, ctx.sourceCode, header, text),
      },
    ],
  });
}
