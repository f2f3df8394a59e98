/**
 * A key made fresh for each call of the function that encrypts with it (catalogue `oneUseKeyCalls`): every way of
 * making the key value is, in that same function, a CSPRNG or key-generator call, or a derivation (HKDF, ECDH,
 * a KDF, an import, a cut) one of whose inputs is itself made fresh there. Under such a key a fixed nonce is
 * used for one message only, so no-static-iv does not report it. A key from a parameter, a field, a module
 * constant, an env var, a file, or a derivation of only those (a password with a stored salt) is not one-use;
 * nor is a fresh key used by a cipher call inside a loop (several messages under it).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { commandLine } from '../catalogue/loggers.js';
import { oneUseKeyCalls } from '../catalogue/one-use-keys.js';
import {
  calleeName,
  enclosingFunction,
  findVariable,
  loopStatements,
  propertyName,
  unwrap,
  type FunctionNode,
} from './ast.js';
import type { FileFlow } from './flow/engine.js';
import { dotted } from './flow/functions.js';

const MAX_DEPTH = 5;

export function oneUseKey(flow: FileFlow, key: TSESTree.Node, call: TSESTree.Node): boolean {
  const fn = enclosingFunction(call);
  return fn !== undefined && !inLoop(call, fn) && freshIn(flow, key, fn, 0);
}

/** A cipher call in a loop of the function encrypts several messages under the one key made before it. */
function inLoop(call: TSESTree.Node, fn: FunctionNode): boolean {
  for (let p = call.parent; p && p !== fn; p = p.parent) if (loopStatements.has(p.type)) return true;
  return false;
}

/**
 * A key the program draws itself and keeps to itself (require-key-rotation): every origin, wherever in the file, is a
 * CSPRNG or key-generator call or a derivation of one (`randomBytes(64).toString('hex')` at start, a class field
 * `secret = randomBytes(64)`), and the binding that holds it is never handed to a call that keeps or sends it
 * (`writeFileSync(p, secret)`, `store.set('jwt', secret)`) nor put in `process.env`. Such a key is new at every
 * start and no other process verifies with it: there is no long-lived key whose rotation a kid would enable.
 */
export function drawnByProgram(flow: FileFlow, key: TSESTree.Node): boolean {
  return freshIn(flow, key, 'anywhere', 0) && !keptElsewhere(flow, key);
}

/** The key's binding is handed to a call that keeps or sends it, or assigned to an environment variable. */
function keptElsewhere(flow: FileFlow, key: TSESTree.Node): boolean {
  const u = unwrap(key);
  if (u.type !== T.Identifier) return false;
  const v = findVariable(flow.getScope(u), u);
  return (v?.references ?? []).some((r) => {
    const ref: TSESTree.Node = r.identifier;
    const p = ref.parent;
    if (p?.type === T.CallExpression && p.arguments.includes(ref as TSESTree.CallExpressionArgument))
      return commandLine.storeVerb.pattern.test(calleeName(p.callee) ?? '');
    return (
      p?.type === T.AssignmentExpression &&
      p.right === ref &&
      p.left.type === T.MemberExpression &&
      /^process\.env\./.test(dotted(p.left) ?? '')
    );
  });
}

/** `anywhere`: made fresh by the program wherever it is drawn (once per process); else in that one function. */
function freshIn(flow: FileFlow, expr: TSESTree.Node, fn: FunctionNode | 'anywhere', depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  // `eph.secretKey` of `const eph = nacl.box.keyPair()`: a member of a key pair made fresh here.
  const u = unwrap(expr);
  if (u.type === T.MemberExpression && /^(?:secretKey|privateKey)$/.test(propertyName(u) ?? ''))
    return freshIn(flow, u.object, fn, depth + 1);
  const origins = flow.origins(expr);
  return (
    origins.length > 0 &&
    origins.every((o) => {
      let n = unwrap(o.node);
      if (n.type === T.AwaitExpression) n = unwrap(n.argument);
      if (n.type !== T.CallExpression && n.type !== T.NewExpression) return false;
      if (fn !== 'anywhere' && enclosingFunction(n) !== fn) return false;
      const name = calleeName(n.callee) ?? '';
      if (oneUseKeyCalls.producers.test(name)) return true;
      if (!oneUseKeyCalls.derivations.test(name)) return false;
      const callee = unwrap(n.callee);
      const parts: TSESTree.Node[] = n.arguments.filter((a) => a.type !== T.SpreadElement);
      if (callee.type === T.MemberExpression) parts.push(callee.object);
      return parts.some((p) => freshIn(flow, p, fn, depth + 1));
    })
  );
}
