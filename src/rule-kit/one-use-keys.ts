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
  enclosingClass,
  enclosingFunction,
  envVarName,
  findVariable,
  loopStatements,
  propertyName,
  thisMembers,
  unwrap,
  type FunctionNode,
} from './ast.js';
import { outsideProduction } from './dev-only.js';
import type { FileFlow } from './flow/engine.js';

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

/**
 * A class field the program draws itself and keeps to itself (`secret = randomBytes(64).toString('hex')` in a
 * service class whose one instance other modules import): its initialiser is drawn by the program, and no
 * `this.field` of the class is written again or handed to a call that keeps or sends it.
 */
export function drawnField(flow: FileFlow, cls: TSESTree.ClassBody, field: string, value: TSESTree.Node): boolean {
  if (!freshIn(flow, value, 'anywhere', 0)) return false;
  return !thisMembers(cls, field).some(
    (m) => keptUse(m) || (m.parent?.type === T.AssignmentExpression && m.parent.left === m),
  );
}

/**
 * Whether the key, or anything its value is made from, is handed to a call that keeps or sends it (catalogue
 * `commandLine.storeVerb`: `writeFileSync(p, raw)`, `store.set('jwt', pair.privateKey.export())`) or assigned to an
 * environment variable. Followed: the key's binding and the bindings its value is made from (`const secret =
 * raw.toString('hex')` → `raw`), the root of a member key (`pair.privateKey` → `pair`), and every `this.x` of the
 * class for a field key. A use is judged by what finally receives it (`Buffer.from(raw)` inside a store call is kept).
 */
function keptElsewhere(flow: FileFlow, key: TSESTree.Node): boolean {
  const seen = new Set<unknown>();
  const uses: TSESTree.Node[] = [];
  const collect = (expr: TSESTree.Node, depth: number): void => {
    let root = unwrap(expr);
    let field: string | undefined;
    while (root.type === T.MemberExpression || root.type === T.CallExpression) {
      if (root.type === T.MemberExpression) field = propertyName(root);
      root = unwrap(root.type === T.MemberExpression ? root.object : root.callee);
    }
    if (root.type === T.ThisExpression && field !== undefined) {
      const cls = enclosingClass(root);
      if (!cls || seen.has(`${cls.range[0]}:${field}`)) return;
      seen.add(`${cls.range[0]}:${field}`);
      for (const m of thisMembers(cls, field)) uses.push(m);
      return;
    }
    if (root.type !== T.Identifier) return;
    const v = findVariable(flow.getScope(root), root);
    if (!v || seen.has(v)) return;
    seen.add(v);
    for (const r of v.references) uses.push(r.identifier);
    if (depth >= MAX_DEPTH) return;
    for (const d of v.defs)
      if (d.node.type === T.VariableDeclarator && d.node.init)
        for (const part of partsOf(d.node.init)) collect(part, depth + 1);
  };
  collect(key, 0);
  return uses.some((u) => keptUse(u));
}

/** The identifiers and `this.x` reads an expression is made from (its member chains' roots, its calls' arguments). */
function partsOf(expr: TSESTree.Node): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  const stack = [expr];
  while (stack.length) {
    const n = unwrap(stack.pop()!);
    if (n.type === T.Identifier || (n.type === T.MemberExpression && !n.computed)) out.push(n);
    if (n.type === T.CallExpression || n.type === T.NewExpression) {
      stack.push(n.callee, ...n.arguments);
    } else if (n.type === T.AwaitExpression) stack.push(n.argument);
    else if (n.type === T.TemplateLiteral) stack.push(...n.expressions);
    else if (n.type === T.BinaryExpression || n.type === T.LogicalExpression) stack.push(n.left, n.right);
  }
  return out;
}

/**
 * A use of the key's value that keeps or sends it: climbing the member reads, calls on it and calls it is an argument
 * of, some call on the way is a store verb, or the value is assigned to `process.env.X`.
 */
function keptUse(use: TSESTree.Node): boolean {
  let n = use;
  for (let p = n.parent; p; n = p, p = p.parent) {
    if (p.type === T.MemberExpression && p.object === n) continue;
    if (p.type === T.TSAsExpression || p.type === T.TSNonNullExpression || p.type === T.AwaitExpression) continue;
    if (p.type === T.CallExpression && p.callee === n) continue;
    if (p.type === T.CallExpression || p.type === T.NewExpression) {
      if (commandLine.storeVerb.pattern.test(calleeName(p.callee) ?? '')) return true;
      continue;
    }
    if (p.type === T.AssignmentExpression && p.right === n)
      return p.left.type === T.MemberExpression && envVarName(p.left) !== undefined;
    return false;
  }
  return false;
}

/** `anywhere`: made fresh by the program wherever it is drawn (once per process); else in that one function. */
function freshIn(flow: FileFlow, expr: TSESTree.Node, fn: FunctionNode | 'anywhere', depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  // `eph.secretKey` of `const eph = nacl.box.keyPair()`: a member of a key pair made fresh here.
  const u = unwrap(expr);
  if (u.type === T.MemberExpression && /^(?:secretKey|privateKey)$/.test(propertyName(u) ?? ''))
    return freshIn(flow, u.object, fn, depth + 1);
  // Drawn once per process: an origin that only development runs (`isProduction ? randomBytes(64) : 'dev'`) is no
  // production key, so it neither counts nor spoils; at least one origin must be left.
  const origins = fn === 'anywhere' ? flow.origins(expr).filter((o) => !outsideProduction(o.node)) : flow.origins(expr);
  return (
    origins.length > 0 &&
    origins.every((o) => {
      let n = unwrap(o.node);
      if (n.type === T.AwaitExpression) n = unwrap(n.argument);
      if (n.type !== T.CallExpression && n.type !== T.NewExpression) return false;
      if (fn !== 'anywhere' && enclosingFunction(n) !== fn) return false;
      const name = calleeName(n.callee) ?? '';
      if (oneUseKeyCalls.producers.test(name)) return true;
      if (fn === 'anywhere' && oneUseKeyCalls.processProducers.test(name)) return true;
      if (!oneUseKeyCalls.derivations.test(name)) return false;
      const callee = unwrap(n.callee);
      const parts: TSESTree.Node[] = n.arguments.filter((a) => a.type !== T.SpreadElement);
      if (callee.type === T.MemberExpression) parts.push(callee.object);
      return parts.some((p) => freshIn(flow, p, fn, depth + 1));
    })
  );
}
