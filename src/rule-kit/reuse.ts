/**
 * Whether a value is made once and used many times: a module-level binding or a constructor-set field
 * read on every call, a buffer never changed in place, an IV computed from the key. Shared by the
 * static-IV rule (and any rule that asks whether a per-message value is really per message).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, TSESLint as Lint } from '@typescript-eslint/utils';
import { inPlaceWrites } from '../catalogue/randomness.js';
import { literalDecoders } from '../catalogue/transforms.js';
import { iteratingMethods, keyViewMethods } from '../catalogue/index.js';
import {
  calleeName,
  childrenOf,
  constInitOf,
  enclosingClass,
  enclosingFunction,
  findVariable,
  isFunctionNode,
  loopStatements,
  propertyName,
  staticNumber,
  staticString,
  unwrap,
  type FunctionNode,
  type Scope,
} from './ast.js';
import { dotted } from './flow/functions.js';
import { thisWrites } from './flow/this-writes.js';

const ScopeType = Lint.Scope.ScopeType;

/**
 * A buffer changed in place after it is made: filled with random bytes, a counter written into it (`iv[11]++`,
 * `nonce.writeUInt32BE(seq, 8)`), or handed to a same-file function that does so to its parameter
 * (`ivIncrement(iv)` after each message, RFC 5647's invocation counter).
 */
export function writtenInPlace(v: TSESLint.Scope.Variable, depth = 0): boolean {
  return v.references.some((ref) => {
    const id = ref.identifier;
    const p = id.parent;
    if (p?.type === T.CallExpression && p.callee !== id && argumentWrittenInPlace(p, id, ref.from, depth)) return true;
    if (p?.type === T.MemberExpression && p.object === id) {
      const m = propertyName(p);
      // `new DataView(nonce.buffer).setUint32(…)`: the view writes into the buffer.
      if (m === 'buffer' && p.parent?.type === T.NewExpression && calleeName(p.parent.callee) === 'DataView')
        return true;
      if (
        p.parent?.type === T.CallExpression &&
        p.parent.callee === p &&
        m !== undefined &&
        inPlaceWrites.methods.test(m)
      )
        // `iv.fill(0)`, `nonce.fill('a')`: every byte set to one literal, still a constant.
        return !(m === 'fill' && p.parent.arguments.length > 0 && p.parent.arguments.every(isLiteralArg));
      // `counter[15] = 1`: a literal byte at a literal index leaves the buffer as constant as it was (an AES-CTR
      // initial counter block written once, then given to every message).
      if (p.computed && p.parent?.type === T.AssignmentExpression && p.parent.left === p)
        return !literalByteWrite(p, p.parent);
      if (p.computed && p.parent?.type === T.UpdateExpression) return true;
    }
    if (p?.type === T.CallExpression && p.arguments.includes(id as TSESTree.CallExpressionArgument)) {
      const m = calleeName(p.callee);
      return m !== undefined && inPlaceWrites.methods.test(m);
    }
    return false;
  });
}

/**
 * `bump(iv)` where the file declares `function bump(b) { ++b[11]; … }` (or a const arrow): the callee writes the
 * argument in place. Followed two calls deep.
 */
function argumentWrittenInPlace(
  call: TSESTree.CallExpression,
  arg: TSESTree.Node,
  from: TSESLint.Scope.Scope,
  depth: number,
): boolean {
  const index = call.arguments.indexOf(arg as TSESTree.CallExpressionArgument);
  const callee = unwrap(call.callee);
  if (index < 0 || depth > 1 || callee.type !== T.Identifier) return false;
  const fv = findVariable(from, callee);
  const def = fv?.defs.length === 1 ? fv.defs[0]!.node : undefined;
  const fnNode =
    def?.type === T.FunctionDeclaration
      ? def
      : def?.type === T.VariableDeclarator && def.init && isFunctionNode(unwrap(def.init))
        ? (unwrap(def.init) as FunctionNode)
        : undefined;
  const param = fnNode?.params[index];
  if (!fnNode || param?.type !== T.Identifier) return false;
  const fnScope = fv!.scope.childScopes.find((c) => c.block === fnNode) ?? findScopeOf(fv!.scope, fnNode);
  const pv = fnScope?.set.get(param.name);
  return pv !== undefined && writtenInPlace(pv, depth + 1);
}

/** The scope a function node opens, searched below `scope` (a const arrow's scope hangs below its declarator's). */
function findScopeOf(scope: TSESLint.Scope.Scope, block: TSESTree.Node): TSESLint.Scope.Scope | undefined {
  const stack = [...scope.childScopes];
  for (let i = 0; i < 200 && stack.length; i++) {
    const c = stack.shift()!;
    if (c.block === block) return c;
    stack.push(...c.childScopes);
  }
  return undefined;
}

/**
 * A `this.<key>` buffer the class changes in place (`this.iv[11]++`, `this.nonce.writeUInt32BE(n, 8)`,
 * `ivIncrement(this.iv)` with a same-file helper that writes its parameter): a counter advanced per message.
 */
function memberWrittenInPlace(
  cls: TSESTree.ClassBody,
  key: string,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const stack: TSESTree.Node[] = [cls];
  for (let budget = 20000; stack.length && budget > 0; budget--) {
    const n = stack.pop()!;
    if (n.type === T.MemberExpression && unwrap(n.object).type === T.ThisExpression && propertyName(n) === key) {
      const p = n.parent;
      if (p?.type === T.MemberExpression && p.object === n) {
        const m = propertyName(p);
        if (
          p.computed &&
          (p.parent?.type === T.UpdateExpression || (p.parent?.type === T.AssignmentExpression && p.parent.left === p))
        )
          return true;
        if (
          !p.computed &&
          m !== undefined &&
          inPlaceWrites.methods.test(m) &&
          m !== 'fill' &&
          p.parent?.type === T.CallExpression &&
          p.parent.callee === p
        )
          return true;
      }
      if (p?.type === T.CallExpression && p.callee !== n) {
        const m = calleeName(p.callee);
        if (m !== undefined && m !== 'fill' && inPlaceWrites.methods.test(m)) return true;
        if (argumentWrittenInPlace(p, n, sourceCode.getScope(p), 0)) return true;
      }
    }
    stack.push(...childrenOf(n, sourceCode.visitorKeys));
  }
  return false;
}

const isLiteralArg = (a: TSESTree.Node): boolean => staticNumber(a) !== undefined || staticString(a) !== undefined;

/** `b[15] = 1`: a plain assignment of a number literal at a number-literal index, outside any loop. */
function literalByteWrite(target: TSESTree.MemberExpression, a: TSESTree.AssignmentExpression): boolean {
  if (a.operator !== '=' || unwrap(target.property).type !== T.Literal || unwrap(a.right).type !== T.Literal)
    return false;
  if (staticNumber(target.property) === undefined || staticNumber(a.right) === undefined) return false;
  for (let q: TSESTree.Node | undefined = a.parent; q && !isFunctionNode(q); q = q.parent)
    if (loopStatements.has(q.type)) return false;
  return true;
}

/** Whether a buffer has a literal byte written into it (`counter[15] = 1`): no longer all zeros, still a constant. */
export function literalBytesWritten(v: TSESLint.Scope.Variable): boolean {
  return v.references.some((ref) => {
    const p = ref.identifier.parent;
    return (
      p?.type === T.MemberExpression &&
      p.object === ref.identifier &&
      p.computed &&
      p.parent?.type === T.AssignmentExpression &&
      p.parent.left === p &&
      literalByteWrite(p, p.parent)
    );
  });
}

/** `iv.fill(0)` after the buffer is made: a fresh value put in its place would be overwritten again. */
export function filledWithLiteral(v: TSESLint.Scope.Variable): boolean {
  return v.references.some((ref) => {
    const p = ref.identifier.parent;
    return (
      p?.type === T.MemberExpression &&
      p.object === ref.identifier &&
      propertyName(p) === 'fill' &&
      p.parent?.type === T.CallExpression &&
      p.parent.arguments.length > 0 &&
      p.parent.arguments.every(isLiteralArg)
    );
  });
}

/** The variable `const x = <node>` declares, when `node` is a declarator's initialiser. */
export function declaredVariable(
  node: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESLint.Scope.Variable | undefined {
  let p = node.parent;
  while (p && (p.type === T.TSAsExpression || p.type === T.TSNonNullExpression || p.type === T.TSSatisfiesExpression))
    p = p.parent;
  if (p?.type !== T.VariableDeclarator || p.id.type !== T.Identifier) return undefined;
  return sourceCode.scopeManager?.getDeclaredVariables(p)[0];
}

/** The binding a key argument reads: `key`, `key.subarray(0, 16)`, `Buffer.from(key, 'hex')` → `key`. */
function keyRoot(key: TSESTree.Node): TSESTree.Node {
  let k = unwrap(key);
  if (k.type === T.AwaitExpression) k = unwrap(k.argument);
  for (let i = 0; i < 4 && k.type === T.CallExpression; i++) {
    const callee = unwrap(k.callee);
    if (callee.type !== T.MemberExpression) break;
    const m = propertyName(callee);
    if (m !== undefined && keyViewMethods.names.has(m)) k = unwrap(callee.object);
    // `await crypto.subtle.importKey('raw', raw, …)`: a CryptoKey handle over the bytes `raw`.
    else if (m === 'importKey' && k.arguments[1]) k = unwrap(k.arguments[1]);
    else if (m === 'from' && calleeName(callee.object) === 'Buffer' && k.arguments[0]) k = unwrap(k.arguments[0]);
    // `CryptoJS.enc.Utf8.parse(key)`, `forge.util.hexToBytes(key)`: the same key, decoded.
    else if (literalDecoders.pattern.test(dotted(callee) ?? '') && k.arguments[0]) k = unwrap(k.arguments[0]);
    else break;
  }
  return k;
}

/** Whether `value` is computed from the variable (or `this.x`) that `key` names. */
export function derivedFrom(
  value: TSESTree.Node,
  key: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const getScope = (n: TSESTree.Node): Scope => sourceCode.getScope(n);
  const k = keyRoot(key);
  const keyVar = k.type === T.Identifier ? findVariable(getScope(k), k) : undefined;
  const keyText = k.type === T.MemberExpression ? sourceCode.getText(k) : undefined;
  if (!keyVar && keyText === undefined) return false;
  // What the key is decoded from (`const key = Buffer.from(keyHex, 'hex')`): an IV cut from `keyHex` is the key's too.
  const keyVars = new Set(keyVar ? [keyVar] : []);
  for (let r: TSESTree.Node = k, i = 0; i < 2 && r.type === T.Identifier; i++) {
    const init = constInitOf(r, getScope(r));
    if (!init) break;
    r = keyRoot(init);
    const v = r.type === T.Identifier ? findVariable(getScope(r), r) : undefined;
    if (v) keyVars.add(v);
  }
  const roots: TSESTree.Node[] = [value];
  let cur = unwrap(value);
  for (let i = 0; i < 3 && cur.type === T.Identifier; i++) {
    const init = constInitOf(cur, getScope(cur));
    if (!init) break;
    roots.push(init);
    cur = unwrap(init);
  }
  let budget = 300;
  const stack = [...roots];
  while (stack.length && budget-- > 0) {
    const n = stack.pop()!;
    const nVar = n.type === T.Identifier ? findVariable(getScope(n), n) : undefined;
    if (nVar && keyVars.has(nVar)) return true;
    // `md.update(key)` in its own statement, then `md.digest()`: what a hash object is fed is part of its digest.
    if (nVar) stack.push(...fedTo(nVar));
    if (n.type === T.MemberExpression && keyText !== undefined && sourceCode.getText(n) === keyText) return true;
    if (!isFunctionNode(n)) stack.push(...childrenOf(n, sourceCode.visitorKeys));
    // `this.ivFor()`, `ivFor(key)`: what a same-file helper returns is part of the value.
    if (n.type === T.CallExpression) stack.push(...helperReturns(n, getScope, sourceCode.visitorKeys));
  }
  return false;
}

/** The arguments of `h.update(…)` calls on a binding (a hash or HMAC object fed in separate statements). */
function fedTo(v: TSESLint.Scope.Variable): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  for (const r of v.references) {
    const p = r.identifier.parent;
    const call = p?.parent;
    if (p?.type !== T.MemberExpression || p.object !== r.identifier || propertyName(p) !== 'update') continue;
    if (call?.type === T.CallExpression && call.callee === p) out.push(...call.arguments);
  }
  return out;
}

/**
 * The values a same-file helper called by `call` returns: a method of the enclosing class called on `this`,
 * or a function declared in the file (its body, for an arrow with an expression body). Empty otherwise.
 */
export function helperReturns(
  call: TSESTree.CallExpression,
  getScope: (n: TSESTree.Node) => Scope,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): TSESTree.Node[] {
  const callee = unwrap(call.callee);
  let fn: TSESTree.Node | undefined;
  if (callee.type === T.MemberExpression && callee.object.type === T.ThisExpression && !callee.computed) {
    const name = propertyName(callee);
    const member = enclosingClass(call)?.body.find(
      (m) => (m.type === T.MethodDefinition || m.type === T.PropertyDefinition) && propertyName(m) === name,
    );
    fn = member && 'value' in member && member.value ? member.value : undefined;
  } else if (callee.type === T.Identifier) {
    const def = findVariable(getScope(callee), callee)?.defs[0];
    fn = def?.node.type === T.VariableDeclarator ? (def.node.init ?? undefined) : def?.node;
  }
  if (!fn || !isFunctionNode(fn)) return [];
  if (fn.body?.type !== T.BlockStatement) return fn.body ? [fn.body] : [];
  const out: TSESTree.Node[] = [];
  let budget = 200; // a helper that makes an IV is short; a long one is not read
  const walk = (n: TSESTree.Node): void => {
    if (budget-- <= 0) return;
    if (n.type === T.ReturnStatement) {
      if (n.argument) out.push(n.argument);
      return;
    }
    if (!isFunctionNode(n)) for (const c of childrenOf(n, visitorKeys)) walk(c);
  };
  for (const st of fn.body.body) walk(st);
  return out;
}

/**
 * `expr` names a module-level binding (or a field set once in the constructor) made once and read by
 * every call of the function around `call`.
 */
export function reusedBinding(
  expr: TSESTree.Node,
  call: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  encrypting = true,
): { node: TSESTree.Node; name: string; fn: FunctionNode } | undefined {
  const fn = enclosingFunction(call);
  if (!fn) return undefined;
  let e = unwrap(expr);
  // `statusIv()`: a same-file helper that returns one binding (a lazily made module value) is that binding.
  if (e.type === T.AwaitExpression) e = unwrap(e.argument);
  if (e.type === T.CallExpression && e.callee.type === T.Identifier) {
    const returns = helperReturns(e, (n) => sourceCode.getScope(n), sourceCode.visitorKeys).map(unwrap);
    const only = returns[0];
    if (returns.length === 1 && only?.type === T.Identifier) e = only;
  }
  if (e.type === T.Identifier) {
    const v = findVariable(sourceCode.getScope(e), e);
    const def = v?.defs[0];
    if (!v || v.defs.length !== 1 || def?.node.type !== T.VariableDeclarator) return undefined;
    const moduleLevel = v.scope.type === ScopeType.module || v.scope.type === ScopeType.global;
    // A decrypting call reads the IV the message carries: made once per message there, not per process.
    if (!encrypting && (!moduleLevel || !def.node.init)) return undefined;
    if (moduleLevel && !def.node.init) {
      const lazy = lazyWrite(v);
      return lazy && { node: lazy, name: e.name, fn };
    }
    if (!def.node.init) return undefined;
    if (!moduleLevel) return closureValue(v, def.node.init, fn, e.name, sourceCode);
    const init = def.node.init;
    // A number is a cost (bcrypt rounds), not a salt; a function is not a value.
    if (
      isFunctionNode(unwrap(init)) ||
      staticNumber(init) !== undefined ||
      v.references.some((r) => r.isWrite() && r.writeExpr !== init) ||
      writtenInPlace(v)
    )
      return undefined;
    return { node: def.node.id, name: e.name, fn };
  }
  if (e.type === T.MemberExpression && unwrap(e.object).type === T.ThisExpression) {
    const key = propertyName(e);
    const cls = enclosingClass(e);
    if (key === undefined || !cls) return undefined;
    const isCtor = (f: FunctionNode | undefined): boolean =>
      f?.parent?.type === T.MethodDefinition && f.parent.kind === 'constructor';
    if (isCtor(fn)) return undefined;
    const writes = thisWrites(cls, key, sourceCode.visitorKeys);
    if (!writes.length || !writes.every((w) => w.parent?.type === T.PropertyDefinition || isCtor(enclosingFunction(w))))
      return undefined;
    if (writes.some((w) => isFunctionNode(unwrap(w))) || memberWrittenInPlace(cls, key, sourceCode)) return undefined;
    return { node: writes[0]!, name: `this.${key}`, fn };
  }
  return undefined;
}

/** `!iv`, `iv == null`, `iv === undefined`: a test that the binding is still empty. */
function testsEmpty(test: TSESTree.Node, v: TSESLint.Scope.Variable): boolean {
  const t = unwrap(test);
  const isV = (n: TSESTree.Node): boolean => {
    const u = unwrap(n);
    return u.type === T.Identifier && v.references.some((r) => r.identifier === u);
  };
  if (t.type === T.UnaryExpression && t.operator === '!') return isV(t.argument);
  if (t.type === T.BinaryExpression && /^[!=]==?$/.test(t.operator) && t.operator.startsWith('='))
    return (
      (isV(t.left) &&
        (t.right.type === T.Literal || (t.right.type === T.Identifier && t.right.name === 'undefined'))) ||
      (isV(t.right) && (t.left.type === T.Literal || (t.left.type === T.Identifier && t.left.name === 'undefined')))
    );
  return false;
}

/**
 * A module `let` with no initialiser whose every write makes it once, when it is still empty (`if (!iv) iv =
 * randomBytes(16)`, `iv ??= randomBytes(16)`): a value made lazily, then read by every call. The first such write.
 */
function lazyWrite(v: TSESLint.Scope.Variable): TSESTree.Node | undefined {
  const writes = v.references.filter((r) => r.isWrite());
  if (writes.length === 0 || writtenInPlace(v)) return undefined;
  let first: TSESTree.Node | undefined;
  for (const w of writes) {
    const a = w.identifier.parent;
    if (a?.type !== T.AssignmentExpression || a.left !== w.identifier) return undefined;
    const made = unwrap(a.right);
    if (made.type !== T.CallExpression && made.type !== T.AwaitExpression) return undefined;
    let guarded = a.operator === '??=' || a.operator === '||=';
    for (
      let p: TSESTree.Node | undefined = a.parent, i = 0;
      !guarded && p && i < 4 && !isFunctionNode(p);
      p = p.parent, i++
    )
      if (p.type === T.IfStatement && testsEmpty(p.test, v)) guarded = true;
    if (!guarded) return undefined;
    first ??= a;
  }
  return first;
}

/**
 * A value made once in a function (`const iv = randomBytes(16)`) and read by a function nested in it that runs more
 * than once (`const enc = (v) => createCipheriv(alg, key, iv)…; return { a: enc(a), b: enc(b) }`): one IV for every
 * message that inner function encrypts.
 */
function closureValue(
  v: TSESLint.Scope.Variable,
  init: TSESTree.Node,
  inner: FunctionNode,
  name: string,
  sourceCode: Readonly<TSESLint.SourceCode>,
): { node: TSESTree.Node; name: string; fn: FunctionNode } | undefined {
  const outer = v.scope.block;
  if (inner === outer || !isFunctionNode(outer) || enclosingFunction(inner) !== outer) return undefined;
  const made = unwrap(init);
  if (made.type !== T.CallExpression && made.type !== T.AwaitExpression) return undefined;
  if (v.references.some((r) => r.isWrite() && r.writeExpr !== init) || writtenInPlace(v)) return undefined;
  const id = (v.defs[0]!.node as TSESTree.VariableDeclarator).id;
  return runsRepeatedly(inner, sourceCode) ? { node: id, name, fn: inner } : undefined;
}

/** `items.map(cb)`, `Object.entries(o).forEach(cb)`: a call that runs its callback once per element. */
function iterates(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  return callee.type === T.MemberExpression && iteratingMethods.names.has(propertyName(callee) ?? '');
}

/** An inner function bound to a const and called twice or in a loop, or a callback an array method runs per element. */
function runsRepeatedly(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const holder = fn.parent;
  // `items.map((v) => …)`, `fields.forEach(function (f) { … })`: called once per element. (A Promise executor or a
  // completion callback runs once.)
  if (holder?.type === T.CallExpression && holder.arguments.includes(fn as never)) return iterates(holder);
  if (holder?.type !== T.VariableDeclarator || holder.id.type !== T.Identifier) return false;
  const id = holder.id;
  const refs = sourceCode.scopeManager?.getDeclaredVariables(holder)[0]?.references.filter((r) => r.identifier !== id);
  if (!refs) return false;
  let calls = 0;
  for (const r of refs) {
    const p = r.identifier.parent;
    if (p?.type === T.CallExpression && p.callee === r.identifier) {
      calls++;
      for (let q: TSESTree.Node | undefined = p.parent; q && !isFunctionNode(q); q = q.parent)
        if (loopStatements.has(q.type)) return true;
    } else if (p?.type === T.CallExpression && p.arguments.includes(r.identifier as never) && iterates(p)) return true;
  }
  return calls >= 2;
}
