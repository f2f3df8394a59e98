/**
 * no-weak-key-size's digest checks: MD5 or SHA-1 chosen for a signature (`createSign('RSA-SHA1')`,
 * `crypto.sign('md5', …)`, WebCrypto `{ name: 'ECDSA', hash: 'SHA-1' }`, a node-forge `md.sha1` digest that
 * a key signs) or as HKDF's hash (`hkdfSync('sha1', …)`, WebCrypto `{ name: 'HKDF', hash: 'SHA-1' }`).
 * A digest for a checksum, an ETag or a verification of someone else's signature is not reported.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyAgreementCalls, weakDigestOf } from '../catalogue/algorithms.js';
import type { AlgorithmChecks, AlgorithmReport } from './algorithm-checks.js';
import { propertyName } from './ast.js';

export type DigestUse = 'signature' | 'kdf' | 'password-kdf';

const WHY: Record<DigestUse, string> = {
  signature:
    'broken for signatures: collisions are practical (SHAttered 2017, chosen-prefix 2020), and NIST SP ' +
    '800-131A Rev. 2 disallows SHA-1 for signature generation',
  kdf: 'a deprecated hash: new key derivation should use SHA-256 or stronger (RFC 9325 §4.2, SP 800-131A)',
  'password-kdf':
    "no approved hash for PBKDF2's HMAC (NIST SP 800-132 §5.3 asks for an approved one; SP 800-131A Rev. 2 " +
    'approves no MD5): use SHA-256 or SHA-512',
};

/** The hash a WebCrypto parameter object names (`hash: 'SHA-1'` or `hash: { name: 'SHA-1' }`). */
function webCryptoHash(
  check: AlgorithmChecks,
  params: TSESTree.Node,
): { value: string; node: TSESTree.Node } | undefined {
  const hash = check.prop(params, 'hash');
  return hash ? (check.str(hash) ?? check.str(check.prop(hash, 'name'))) : undefined;
}

/** Judges a digest argument: a name (`'RSA-SHA1'`) or WebCrypto parameters (`{ name: 'HKDF', hash: 'SHA-1' }`). */
export function checkDigestArgument(
  check: AlgorithmChecks,
  report: AlgorithmReport,
  arg: TSESTree.Node,
  use: DigestUse,
  api: string,
): void {
  let read = check.str(arg);
  if (!read) {
    const name = check.str(check.prop(arg, 'name'))?.value.toUpperCase();
    // Only the parameters of the use asked about: HKDF for a KDF, a signature scheme for a signature.
    const applies =
      use === 'kdf' ? name === 'HKDF' : name === 'ECDSA' || name === 'RSASSA-PKCS1-V1_5' || name === 'RSA-PSS';
    if (!applies) return;
    read = webCryptoHash(check, arg);
  }
  const digest = read && weakDigestOf(read.value);
  // HMAC-SHA-1 remains an approved PBKDF2 PRF (SP 800-132, SP 800-131A Rev. 2): only MD2/MD4/MD5 are reported.
  if (use === 'password-kdf' && digest === 'SHA-1') return;
  if (read && digest) report(read.node, 'weakDigest', { digest, algorithm: read.value, api, why: WHY[use] }, undefined);
}

/** Whether `n` (a digest object) reaches a `.sign(…)` call as its argument, directly or through a variable. */
function reachesSign(n: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  // `forge.md.sha1.create().update(text)`: the chain's outermost call.
  let top: TSESTree.Node = n;
  while (top.parent?.type === T.MemberExpression && top.parent.parent?.type === T.CallExpression)
    top = top.parent.parent;
  const isSignArg = (x: TSESTree.Node): boolean =>
    x.parent?.type === T.CallExpression &&
    x.parent.arguments.includes(x as TSESTree.CallExpressionArgument) &&
    x.parent.callee.type === T.MemberExpression &&
    propertyName(x.parent.callee) === 'sign';
  if (isSignArg(top)) return true;
  const decl = top.parent;
  if (decl?.type !== T.VariableDeclarator || decl.init !== top || decl.id.type !== T.Identifier) return false;
  const name = decl.id.name;
  for (let s: TSESLint.Scope.Scope | null = scope; s; s = s.upper) {
    const v = s.set.get(name);
    if (v) return v.references.some((r) => r.identifier !== decl.id && isSignArg(r.identifier));
  }
  return false;
}

/** A digest the API itself makes (`forge.md.md5.create()`), reported when a key signs it. */
export function checkSignedDigest(
  report: AlgorithmReport,
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  digest: string,
  api: string,
  scope: TSESLint.Scope.Scope,
): void {
  if (!reachesSign(node, scope)) return;
  const callee = node.callee;
  // Point at the digest's name: `forge.md.sha1.create` → `sha1`.
  const at =
    callee.type === T.MemberExpression && callee.object.type === T.MemberExpression ? callee.object.property : node;
  report(at, 'weakDigest', { digest, algorithm: digest, api, why: WHY.signature }, undefined);
}

/** The name a call's callee ends in: `computeSecret` for `ecdh.computeSecret(…)`. */
function calleeTail(n: TSESTree.Node | undefined): string | undefined {
  if (n?.type !== T.CallExpression) return undefined;
  const c = n.callee;
  return c.type === T.Identifier ? c.name : c.type === T.MemberExpression ? propertyName(c) : undefined;
}

/**
 * `createHash('sha1').update(ecdh.computeSecret(peer)).digest()`: MD5 or SHA-1 as the KDF over a key-agreement
 * secret (catalogue `keyAgreementCalls`), read through a const (`const shared = ecdh.computeSecret(peer)`).
 * A hash of anything else (a checksum, a fingerprint of a public key) is not judged.
 */
export function checkAgreementHash(
  check: AlgorithmChecks,
  report: AlgorithmReport,
  createHash: TSESTree.CallExpression,
  deref: (n: TSESTree.Node) => TSESTree.Node | undefined,
): void {
  const read = check.str(createHash.arguments[0]);
  const digest = read && !read.foreign ? weakDigestOf(read.value) : undefined;
  const update = createHash.parent;
  if (!read || !digest || update?.type !== T.MemberExpression || propertyName(update) !== 'update') return;
  const call = update.parent;
  if (call?.type !== T.CallExpression || call.callee !== update) return;
  const input = call.arguments[0];
  const name = calleeTail(input && deref(input));
  if (name === undefined || !keyAgreementCalls.names.has(name)) return;
  report(read.node, 'weakDigest', { digest, algorithm: read.value, api: `a KDF over ${name}()`, why: WHY.kdf });
}
