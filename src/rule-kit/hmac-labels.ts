/**
 * HKDF-Extract written by hand: `createHmac('sha256', 'app-ble-v2').update(ecdh.computeSecret(peer)).digest()`. The
 * HMAC's message is a key-agreement secret (catalogue `keyAgreementCalls`), so the HMAC is the extract step of a KDF
 * (RFC 5869 §2.2: PRK = HMAC-Hash(salt, IKM)) and its key is the salt, which may be a public, fixed label (§3.1).
 * The secret is the agreement output, not the literal. A literal HMAC key over anything else stays a hardcoded key.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { hmacExtractSinks, keyAgreementCalls } from '../catalogue/algorithms.js';
import { calleeName, derefConst, propertyName, type Scope } from './ast.js';

/**
 * Whether `call`, matched as the key sink `sinkId`, is an HMAC (catalogue `hmacExtractSinks`) updated with a
 * key-agreement secret, written in place or read through `const`s (`const shared = ecdh.computeSecret(peer)`).
 */
export function extractsAgreementSecret(
  sinkId: string,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  getScope: (n: TSESTree.Node) => Scope,
): boolean {
  if (!hmacExtractSinks.has(sinkId)) return false;
  const member = call.parent;
  if (member?.type !== T.MemberExpression || member.object !== call || propertyName(member) !== 'update') return false;
  const update = member.parent;
  if (update?.type !== T.CallExpression || update.callee !== member) return false;
  const input = derefConst(update.arguments[0], getScope);
  if (input?.type !== T.CallExpression) return false;
  const name = calleeName(input.callee);
  return name !== undefined && (keyAgreementCalls.names as ReadonlySet<string>).has(name);
}
