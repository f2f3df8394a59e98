/**
 * A token keyed by the record its own claims name: the key is read from the same runtime record (a parameter or a
 * value looked up inside the function) whose id is the token's `aud`, `sub` or `iss` claim. OIDC Core §10.1 keys an
 * HS256 ID token with the client secret of the client in `aud`; an API's presign token is keyed with the caller's
 * own token and carries that token's id as `sub`; a client assertion (RFC 7523) with the client's secret and its id
 * as `iss`/`sub`. The verifier finds the key from that claim, one key per client or caller, so a `kid` adds nothing
 * and rotating means replacing that one record's secret.
 *
 * A module-level configuration object is no such record (`sign({ aud: config.clientId }, config.secret)` is one
 * static key), and the claim must read an id from the record (`client.clientId`, `token.id`), not any field.
 */
import { TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { idField, subjectClaims } from '../catalogue/index.js';
import { findVariable, propertyName, unwrap, type Scope } from './ast.js';
import { valueOf } from './option-objects.js';

type Node = TSESTree.Node;
type Variable = NonNullable<ReturnType<typeof findVariable>>;

/** The claims object a signing call signs: `new SignJWT(claims)…sign(key)`, or `jwt.sign(claims, key)`. */
function claimsOf(call: TSESTree.CallExpression | TSESTree.NewExpression): Node | undefined {
  let n: Node = call.callee;
  for (let i = 0; i < 12; i++) {
    n = unwrap(n);
    if (n.type === T.MemberExpression) n = n.object;
    else if (n.type === T.CallExpression) n = n.callee;
    else if (n.type === T.NewExpression) return n.arguments[0];
    else break;
  }
  return call.arguments[0];
}

/** Whether a variable is declared inside a function (a parameter or a local), not at module level. */
export function declaredInFunction(v: Variable): boolean {
  return v.scope.type !== TSESLint.Scope.ScopeType.module && v.scope.type !== TSESLint.Scope.ScopeType.global;
}

function localVariable(id: TSESTree.Identifier, scope: Scope): Variable | undefined {
  const v = findVariable(scope, id);
  return v && declaredInFunction(v) ? v : undefined;
}

/** The records an id claim reads: `String(token.teamId ?? token.userId)`, `` `${client.clientId}` ``. */
function idClaimRecords(n: Node, scope: Scope, out: Set<Variable>, depth = 0): void {
  const e = unwrap(n);
  if (depth > 4) return;
  if (e.type === T.MemberExpression && !e.computed && idField.pattern.test(propertyName(e) ?? '')) {
    const root = unwrap(e.object);
    const v = root.type === T.Identifier ? localVariable(root, scope) : undefined;
    if (v) out.add(v);
  } else if (e.type === T.LogicalExpression) {
    idClaimRecords(e.left, scope, out, depth + 1);
    idClaimRecords(e.right, scope, out, depth + 1);
  } else if (e.type === T.CallExpression && e.arguments[0] && e.arguments[0].type !== T.SpreadElement)
    idClaimRecords(e.arguments[0], scope, out, depth + 1);
  else if (e.type === T.TemplateLiteral) for (const x of e.expressions) idClaimRecords(x, scope, out, depth + 1);
}

/** Whether the key expression reads a field of one of the records (through calls, `await`, and `const` copies). */
function readsRecord(n: Node, records: ReadonlySet<Variable>, scope: Scope, depth = 0): boolean {
  const e = unwrap(n);
  if (depth > 8) return false;
  switch (e.type) {
    case T.MemberExpression: {
      const root = unwrap(e.object);
      if (root.type === T.Identifier && !e.computed) {
        const v = localVariable(root, scope);
        if (v && records.has(v)) return true;
      }
      return readsRecord(e.object, records, scope, depth + 1);
    }
    case T.AwaitExpression:
      return readsRecord(e.argument, records, scope, depth + 1);
    case T.CallExpression:
    case T.NewExpression:
      return (
        e.arguments.some((a) => a.type !== T.SpreadElement && readsRecord(a, records, scope, depth + 1)) ||
        readsRecord(e.callee, records, scope, depth + 1)
      );
    case T.Identifier: {
      const d = findVariable(scope, e)?.defs[0];
      return d?.node.type === T.VariableDeclarator && d.node.id.type === T.Identifier && d.node.init
        ? readsRecord(d.node.init, records, scope, depth + 1)
        : false;
    }
    default:
      return false;
  }
}

/** True when the key comes from the runtime record that the token's `aud`/`sub`/`iss` claim identifies. */
export function keyedByClaimedRecord(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  keyNode: Node,
  scope: Scope,
): boolean {
  const arg = claimsOf(call);
  if (!arg || arg.type === T.SpreadElement) return false;
  const claims = valueOf(arg, scope);
  if (claims.type !== T.ObjectExpression) return false;
  const records = new Set<Variable>();
  for (const p of claims.properties)
    if (p.type === T.Property && subjectClaims.names.has(propertyName(p) ?? ''))
      idClaimRecords(p.value, scope, records);
  return records.size > 0 && readsRecord(keyNode, records, scope);
}
