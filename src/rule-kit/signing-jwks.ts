/**
 * A JSON Web Key the file imports to sign with (issue 11, session 30): `const key = await importJWK(jwk, 'ES256')`
 * and then `new SignJWT(claims).sign(key)`. Only a private key signs, so the JWK holds its private member (`d` of an
 * EC or OKP key, RFC 7518 §6.2.2; the RSA private members, §6.3.2): logged whole, it logs the private key. A JWK
 * imported to encrypt to or to verify with is a public one. Calls and methods are catalogue data (`jwkImports`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { jwkImports } from '../catalogue/loggers.js';
import { findVariable, propertyName, unwrap } from './ast.js';
import { matchCallPattern } from './call-patterns.js';
import type { ImportMap } from './imports.js';

/** Whether the binding `n` names is imported as a key that then signs (`.sign(key)`). */
export function signingJwk(
  n: TSESTree.Identifier,
  imports: ImportMap,
  getScope: (n: TSESTree.Node) => TSESLint.Scope.Scope,
): boolean {
  const v = findVariable(getScope(n), n);
  for (const r of v?.references ?? []) {
    const call = r.identifier.parent;
    if (call?.type !== T.CallExpression || call.arguments[0] !== (r.identifier as TSESTree.Node)) continue;
    if (!matchCallPattern(call, imports, getScope(call), jwkImports.calls)) continue;
    // The imported key, bound: `const key = await importJWK(jwk, alg)`.
    const decl = call.parent?.type === T.AwaitExpression ? call.parent.parent : call.parent;
    if (decl?.type !== T.VariableDeclarator || decl.id.type !== T.Identifier) continue;
    const key = findVariable(getScope(decl.id), decl.id);
    const signs = (key?.references ?? []).some((k) => {
      const use = k.identifier.parent;
      if (use?.type !== T.CallExpression || !use.arguments.some((a) => a === k.identifier)) return false;
      const callee = unwrap(use.callee);
      return callee.type === T.MemberExpression && jwkImports.signingMethods.has(propertyName(callee) ?? '');
    });
    if (signs) return true;
  }
  return false;
}
