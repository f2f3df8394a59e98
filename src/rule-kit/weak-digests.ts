/**
 * no-weak-key-size's digest checks: MD5 or SHA-1 chosen for a signature (`createSign('RSA-SHA1')`,
 * `crypto.sign('md5', …)`, WebCrypto `{ name: 'ECDSA', hash: 'SHA-1' }`, a node-forge `md.sha1` digest that
 * a key signs) or as HKDF's hash (`hkdfSync('sha1', …)`, WebCrypto `{ name: 'HKDF', hash: 'SHA-1' }`).
 * A digest for a checksum, an ETag or a verification of someone else's signature is not reported.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyAgreementCalls, passwordDigest, weakDigestOf } from '../catalogue/algorithms.js';
import type { AlgorithmChecks, AlgorithmReport } from './algorithm-checks.js';
import { isFunctionNode, propertyName, unwrap } from './ast.js';
import { functionName } from './flow/functions.js';
import { isSecretName, normaliseName } from '../detect/names.js';
import type { FileFlow } from './flow/engine.js';

export type DigestUse = 'signature' | 'kdf' | 'password-kdf' | 'password';

const WHY: Record<DigestUse, string> = {
  signature:
    'broken for signatures: collisions are practical (SHAttered 2017, chosen-prefix 2020), and NIST SP ' +
    '800-131A Rev. 2 disallows SHA-1 for signature generation',
  kdf: 'a deprecated hash: new key derivation should use SHA-256 or stronger (RFC 9325 §4.2, SP 800-131A)',
  'password-kdf':
    "no approved hash for PBKDF2's HMAC (NIST SP 800-132 §5.3 asks for an approved one; SP 800-131A Rev. 2 " +
    'approves no MD5): use SHA-256 or SHA-512',
  password:
    'broken and cost-free for passwords (NIST SP 800-63B §5.1.1.2, SP 800-131A Rev. 2): use scrypt, Argon2id or ' +
    'PBKDF2 for a key, and a password-hashing scheme for a stored password',
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
  // A branch of a choice (`classic ? md.sha1.create() : md.sha256.create()`): the weak branch still signs.
  for (;;) {
    const p = top.parent;
    if (p?.type === T.MemberExpression && p.parent?.type === T.CallExpression) top = p.parent;
    else if (p?.type === T.ConditionalExpression && p.test !== top) top = p;
    else break;
  }
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

interface ChainDigest {
  readonly value: string;
  readonly node: TSESTree.Node;
  /** Every `.update(x)` input of the chain (`createHash('sha1').update(password).update(salt)`). */
  readonly updates: readonly TSESTree.Node[];
}

/** The broken digest a hash chain names (`createHash('md5')…`, `CryptoJS.SHA1(…)`, `forge.md.md5.create()…`). */
function chainDigest(check: AlgorithmChecks, outer: TSESTree.Node): ChainDigest | undefined {
  const updates: TSESTree.Node[] = [];
  let n: TSESTree.Node | undefined = outer;
  for (let i = 0; n && i < 12; i++) {
    n = unwrap(n);
    if (n.type === T.CallExpression) {
      const name = calleeTail(n);
      const a = n.arguments[0];
      if (name === 'update' && a && a.type !== T.SpreadElement) updates.push(a);
      if (name !== undefined && passwordDigest.namingCalls.has(name)) {
        const r = check.str(a);
        if (r && !r.foreign && weakDigestOf(r.value)) return { ...r, updates };
      }
      if (name !== undefined && passwordDigest.member.test(name)) return { value: name, node: n.callee, updates };
      n = n.callee;
    } else if (n.type === T.MemberExpression) {
      const prop = propertyName(n);
      if (prop !== undefined && passwordDigest.member.test(prop)) return { value: prop, node: n.property, updates };
      n = n.object;
    } else return undefined;
  }
  return undefined;
}

/** The function (or program) a node is written in: where a protocol that needs the digest would be named. */
function enclosingBody(n: TSESTree.Node): TSESTree.Node {
  let p: TSESTree.Node = n;
  while (p.parent && !isFunctionNode(p)) p = p.parent;
  return p;
}

/** The name the hash's value is kept under (`const key = md5(pw)`, `this.iv = …`), through trims and encodings. */
function holderNameOf(outer: TSESTree.Node): string | undefined {
  let n: TSESTree.Node = outer;
  while (n.parent?.type === T.MemberExpression && n.parent.object === n && n.parent.parent?.type === T.CallExpression)
    n = n.parent.parent;
  const p = n.parent;
  if (p?.type === T.VariableDeclarator && p.id.type === T.Identifier) return p.id.name;
  if (p?.type === T.AssignmentExpression)
    return p.left.type === T.Identifier
      ? p.left.name
      : p.left.type === T.MemberExpression
        ? propertyName(p.left)
        : undefined;
  return p?.type === T.Property ? propertyName(p) : undefined;
}

/**
 * The hash makes key material (`const key = md5(password)`, `function evpBytesToKey(…)`, `const iv = …`): a password
 * turned into a key or an IV, which `no-password-as-key` and `no-static-iv` report. Only a digest kept as the
 * password's verifier (LDAP `{SSHA}`, `{MD5}`, the NT hash) is judged here.
 */
function makesKeyMaterial(outer: TSESTree.Node): boolean {
  const body = enclosingBody(outer);
  const names = [holderNameOf(outer), isFunctionNode(body) ? functionName(body) : undefined];
  return names.some((n) => n !== undefined && passwordDigest.keyMaterial.test(normaliseName(n)));
}

/**
 * A stored hash checked in the format its record names (`case PasswordMethod.MD5: return (await md5(pw)) === stored`,
 * `if (user.hashAlgo === 'sha1' && sha1(pw) === user.hash)`): the digest is compared, not kept, inside a branch whose
 * test names that digest, so the stored data chose it (users imported with their old hashes). Making such a hash is
 * still reported.
 */
function verifiesStoredFormat(call: TSESTree.Node, digest: string, text: (n: TSESTree.Node) => string): boolean {
  let value: TSESTree.Node = call;
  while (value.parent?.type === T.AwaitExpression || value.parent?.type === T.TSAsExpression) value = value.parent;
  const cmp = value.parent;
  if (cmp?.type !== T.BinaryExpression || !['===', '==', '!==', '!='].includes(cmp.operator)) return false;
  const word = passwordDigest.storedFormatWord(digest);
  for (let n: TSESTree.Node = cmp; n.parent && !isFunctionNode(n.parent); n = n.parent) {
    const p = n.parent;
    const test = p.type === T.SwitchCase ? p.test : p.type === T.IfStatement && p.test !== n ? p.test : null;
    if (test && word.test(text(test))) return true;
  }
  return false;
}

/**
 * MD4, MD5 or SHA-1 over a password (flow engine: `plainHashOf` finds the hash and its input, `passwordOf` the
 * password behind the input, through joins, encodings and same-file helpers): a password store or a key made with a
 * broken, cost-free digest (LDAP `{SSHA}`/`{MD5}`, the NT hash, `md5(password)` as a key). A value already through a
 * KDF is no password any more.
 */
export function checkPasswordDigest(
  check: AlgorithmChecks,
  report: AlgorithmReport,
  flow: FileFlow,
  call: TSESTree.CallExpression,
  sourceText: (n: TSESTree.Node) => string,
): void {
  const hash = flow.plainHashOf(call);
  if (!hash) return;
  // The chain names the digest (`createHash('md5')`, `md5(pw)`), else the package does (`SparkMD5.hash(pw)`).
  const read =
    chainDigest(check, call) ??
    (hash.digest && call.type === T.CallExpression
      ? { value: hash.digest, node: call.callee, updates: [] }
      : undefined);
  const digest = read && weakDigestOf(read.value);
  if (!read || !digest) return;
  if (makesKeyMaterial(call)) return;
  const inputs = [hash.input, ...read.updates.filter((u) => u !== hash.input)];
  // The hash as written, not what one caller hands a hashing helper (an HTTP Digest `md5(a1)` helper serves the
  // protocol's challenge, session 28): parameters are not bound to the file's calls here.
  const pw = inputs.map((i) => flow.passwordOf(i, false)).find((p) => p !== undefined);
  if (!pw || pw.via.some((t) => t.kind === 'kdf')) return;
  // A protocol that asks for this digest of the password (the Pwned Passwords range query sends a SHA-1 prefix).
  const body = sourceText(enclosingBody(call));
  if (passwordDigest.protocols.some((p) => p.digest === digest && p.named.test(body))) return;
  if (verifiesStoredFormat(call, digest, sourceText)) return;
  const api = `a hash of ${pw.name}`;
  report(read.node, 'weakDigest', { digest, algorithm: read.value, api, why: WHY.password }, undefined);
}

/** The leaves a join is made of (`id + '.' + secret`, `` `${id}:${secret}` ``), literals left out. */
function joinedParts(n: TSESTree.Node, out: TSESTree.Node[] = []): TSESTree.Node[] {
  const u = unwrap(n);
  if (u.type === T.BinaryExpression && u.operator === '+') {
    joinedParts(u.left, out);
    joinedParts(u.right, out);
  } else if (u.type === T.TemplateLiteral) for (const e of u.expressions) joinedParts(e, out);
  else if (u.type !== T.Literal) out.push(u);
  return out;
}

/** The name a leaf reads (`secret`, `process.env.UNSUB_SECRET` → `UNSUB_SECRET`, `cfg.signingKey`). */
const leafName = (n: TSESTree.Node): string | undefined =>
  n.type === T.Identifier ? n.name : n.type === T.MemberExpression ? propertyName(n) : undefined;

const KEYED_WHY =
  'a homemade MAC: a secret hashed together with the data under a broken digest can be forged by length ' +
  'extension and collisions (RFC 2104 §1, RFC 6151). Use HMAC-SHA-256 (createHmac)';

/**
 * MD4, MD5 or SHA-1 over data joined with a secret (`md5(email + process.env.UNSUB_SECRET)`,
 * `createHash('sha1').update(id).update(secret)`): a keyed hash built by hand where an HMAC belongs. Both a part
 * named for a secret (catalogue `secretName`) and a part that is not must go in: a secret hashed alone is a
 * fingerprint or a derived key, judged elsewhere. A hash that makes key material is the other rules'.
 */
export function checkKeyedDigest(
  check: AlgorithmChecks,
  report: AlgorithmReport,
  flow: FileFlow,
  call: TSESTree.CallExpression,
): void {
  const hash = flow.plainHashOf(call);
  if (!hash) return;
  const read =
    chainDigest(check, call) ??
    (hash.digest ? { value: hash.digest, node: call.callee, updates: [] as TSESTree.Node[] } : undefined);
  const digest = read && weakDigestOf(read.value);
  if (!read || !digest || makesKeyMaterial(call)) return;
  const inputs = [hash.input, ...read.updates.filter((u) => u !== hash.input)];
  const parts = inputs.flatMap((i) => joinedParts(i));
  const secret = parts.some((p) => {
    const name = leafName(p);
    return name !== undefined && isSecretName(name);
  });
  const data = parts.some((p) => {
    const name = leafName(p);
    return name === undefined || !isSecretName(name);
  });
  if (!secret || !data || parts.some((p) => flow.passwordOf(p, false) !== undefined)) return;
  report(read.node, 'weakDigest', { digest, algorithm: read.value, api: 'a keyed hash', why: KEYED_WHY }, undefined);
}
