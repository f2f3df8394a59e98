/**
 * One IV given to two encrypting calls under one key in one function (session 34, issue 11): `const iv =
 * randomBytes(12)`, then `createCipheriv('aes-256-gcm', key, iv)` for the account number and again for the routing
 * number. The IV is fresh per call of the function, not per message: the second message repeats the first's IV, which
 * with GCM or ChaCha20-Poly1305 gives away the XOR of the plaintexts and the authentication subkey (NIST SP 800-38D
 * §8, RFC 8439 §4). Not reported: a decrypting call (it reads the IV the message carries), a call under another key,
 * a binding written again or changed in place between the calls (a counter stepped per message).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { KeySink, SinkRole } from '../catalogue/types.js';
import { enclosingFunction, findVariable, unwrap } from './ast.js';
import { decrypts } from './data-ivs.js';
import type { ImportMap } from './imports.js';
import { writtenInPlace } from './reuse.js';
import { matchSinks, type SinkHit } from './sinks.js';

type Node = TSESTree.Node;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** What the check needs from the file: its imports, scopes, and how a call's key reads as text. */
export interface RepeatContext {
  readonly imports: ImportMap;
  readonly getScope: (n: Node) => TSESLint.Scope.Scope;
  /** The key a sink call encrypts under, as written (`this.key`, `key`), or undefined when none is seen. */
  readonly keyText: (call: Call, sink: KeySink, hits: readonly SinkHit[]) => string | undefined;
}

const ROLES: ReadonlySet<SinkRole> = new Set(['iv', 'nonce', 'algorithm', 'key', 'private-key']);

/** The call an argument is given to: directly, or as a property of an options object (`{ name: 'AES-GCM', iv }`). */
function callOf(id: Node): Call | undefined {
  let n: Node = id;
  for (let i = 0; i < 3 && n.parent; i++) {
    const p: Node = n.parent;
    if ((p.type === T.CallExpression || p.type === T.NewExpression) && p.callee !== n) return p;
    if (p.type !== T.Property && p.type !== T.ObjectExpression) return undefined;
    n = p;
  }
  return undefined;
}

/** Whether `a` and `b` sit in different branches of one `if`, `?:` or `switch` (at most one of them runs). */
function exclusive(a: Node, b: Node): boolean {
  const inside = (n: Node | null | undefined, x: Node): boolean =>
    !!n && x.range[0] >= n.range[0] && x.range[1] <= n.range[1];
  for (let child: Node = a, p = a.parent; p; child = p, p = p.parent) {
    if (!inside(p, b)) continue;
    if (p.type === T.IfStatement || p.type === T.ConditionalExpression) {
      const other = child === p.consequent ? p.alternate : child === p.alternate ? p.consequent : undefined;
      return inside(other, b);
    }
    if (p.type === T.SwitchStatement) return p.cases.some((c) => c !== child && inside(c, b));
    return false;
  }
  return false;
}

/**
 * The earlier call of the same sink in the same function that encrypts under the same key with the binding `expr`
 * names, when `call` is an encrypting call given it as its IV or nonce; or undefined.
 */
export function earlierUnderSameKey(
  ctx: RepeatContext,
  expr: Node,
  call: Call,
  sink: KeySink,
  hits: readonly SinkHit[],
): Call | undefined {
  const e = unwrap(expr);
  const fn = enclosingFunction(call);
  if (e.type !== T.Identifier || !fn || decrypts(sink, call)) return undefined;
  const v = findVariable(ctx.getScope(e), e);
  const decl = v?.defs.length === 1 ? v.defs[0]!.node : undefined;
  if (!v || decl?.type !== T.VariableDeclarator || !decl.init || v.scope.block !== fn) return undefined;
  const init = decl.init;
  if (v.references.some((r) => r.isWrite() && r.writeExpr !== init) || writtenInPlace(v)) return undefined;
  const key = ctx.keyText(call, sink, hits);
  if (key === undefined) return undefined;
  for (const ref of v.references) {
    const id = ref.identifier;
    if (id.range[0] >= e.range[0] || ref.init) continue;
    const other = callOf(id);
    if (!other || other === call || enclosingFunction(other) !== fn || exclusive(other, call)) continue;
    const otherHits = matchSinks(other, ctx.imports, ctx.getScope(other), ROLES);
    const own = otherHits.find(
      (h) => (h.arg.role === 'iv' || h.arg.role === 'nonce') && unwrap(h.node) === id && h.sink.id === sink.id,
    );
    if (!own || decrypts(own.sink, other)) continue;
    const group = otherHits.filter((h) => h.sink === own.sink);
    if (ctx.keyText(other, own.sink, group) === key) return other;
  }
  return undefined;
}
