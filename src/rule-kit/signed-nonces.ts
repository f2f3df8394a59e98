/**
 * A request nonce that is signed under a MAC key (issue 11, safe forms of `no-weak-randomness`):
 * `const nonce = Date.now().toString(); createHmac('sha512', apiSecret).update(nonce + path + body)`. Exchange and
 * payment APIs (and OAuth 1.0a, RFC 5849 §3.3) ask for a value that only has to be new for each request, often an
 * increasing counter or the clock, and they reject a request whose MAC does not verify. The request's security rests
 * on the MAC key: an attacker who predicts the nonce still cannot sign a request, so a clock or `Math.random` there
 * is not a weak secret.
 *
 * Decided from where the value goes: the binding's name says nonce, and at least one of its reads is the data of a
 * keyed MAC (`createHmac(alg, key).update(…)`, crypto-js `HmacSHA256(data, key)`, noble `hmac(hash, key, data)`),
 * reached directly or through text built from it (`+`, a template, `String()`, `JSON.stringify`, an object's field).
 * A nonce used as the MAC's key, one never signed (an OpenID Connect `nonce` kept in the session and put in the
 * authorization URL, a CSP `nonce-…`) and a cipher's nonce (no-static-iv's) are not covered. Also decided from where
 * it goes (session 33): the nonce field of a record that names its own signature scheme (`oauth_signature_method`,
 * Alibaba and Tencent Cloud's `SignatureMethod`), the protocol's list of signed parameters. Known limit: a nonce
 * that is signed and also sent as an OpenID Connect nonce (a cookie holding its MAC) is quiet too; the MAC proves
 * nothing about its unpredictability there.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { signatureSchemeField } from '../catalogue/randomness.js';
import { normaliseName } from '../detect/names.js';
import { calleeName, enclosingFunction, findVariable, propertyName, unwrap } from './ast.js';
import { functionName, localFunction } from './flow/functions.js';
import type { FunctionNode } from './ast.js';

type Node = TSESTree.Node;
type Scope = (n: Node) => TSESLint.Scope.Scope;

const NONCE_NAME = /(?:^|_)nonce$/;
/** crypto-js and similar one-call MACs: `HmacSHA256(data, key)`, data first. */
const MAC_DATA_FIRST = /^Hmac(?:SHA\d+|MD5|SHA3|RIPEMD160)$/;
/** Calls that turn their argument into text without hiding it. */
const TEXT_CALLS = new Set(['String', 'stringify', 'toString', 'encodeURIComponent', 'concat', 'from', 'join']);
const MAX_UP = 6;

/** `createHmac(alg, key).update(x)`: the receiver chain holds a `createHmac` call. */
function isHmacUpdate(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression || propertyName(callee) !== 'update') return false;
  // `createHmac(…).update(a).update(b)`: walk down the chain of calls to its first receiver.
  for (let o: Node = unwrap(callee.object); o.type === T.CallExpression;) {
    const c = unwrap(o.callee);
    if (calleeName(c) === 'createHmac') return true;
    if (c.type !== T.MemberExpression) return false;
    o = unwrap(c.object);
  }
  return false;
}

/** Whether `child` (an argument of `call`) is the data a keyed MAC signs. */
function macData(call: TSESTree.CallExpression, child: Node): boolean {
  const i = call.arguments.indexOf(child as TSESTree.CallExpressionArgument);
  if (i < 0) return false;
  if (isHmacUpdate(call)) return i === 0;
  const name = calleeName(call.callee);
  if (name !== undefined && MAC_DATA_FIRST.test(name)) return i === 0;
  // noble: hmac(sha256, key, data)
  return name === 'hmac' && call.arguments.length === 3 && i === 2;
}

/** Whether a read of the nonce reaches a MAC's data, through text or a record built from it. */
function reachesMacData(ref: Node, getScope: Scope, hops = 1): boolean {
  let child: Node = ref;
  for (let depth = 0; depth < MAX_UP; depth++) {
    const p = child.parent;
    if (!p) return false;
    // `const url = `${base}&nonce=${n}``: one binding on the way (the text that is signed)
    if (p.type === T.VariableDeclarator && p.init === child && p.id.type === T.Identifier && hops > 0) {
      const v = findVariable(getScope(p), p.id);
      return !!v && v.references.some((r) => !r.init && reachesMacData(r.identifier, getScope, hops - 1));
    }
    if (p.type === T.CallExpression) {
      if (macData(p, child)) return true;
      if (p.callee === child) return false;
      if (!TEXT_CALLS.has(calleeName(p.callee) ?? '')) return false;
    } else if (p.type === T.MemberExpression) {
      // `nonce.toString()`: the receiver of a text call
      if (p.object !== child) return false;
    } else if (
      p.type !== T.BinaryExpression &&
      p.type !== T.TemplateLiteral &&
      p.type !== T.Property &&
      p.type !== T.ObjectExpression &&
      p.type !== T.ArrayExpression &&
      p.type !== T.TSAsExpression &&
      p.type !== T.TSNonNullExpression
    )
      return false;
    if (p.type === T.Property && p.value !== child) return false;
    child = p;
  }
  return false;
}

/**
 * `{ oauth_nonce: overrides?.nonce || makeNonce(), oauth_signature_method: 'HMAC-SHA1', … }`, `{ SignatureMethod:
 * 'HMAC-SHA1', SignatureNonce: String(Math.random()) }`: the value is the nonce-named field of a record that names
 * its own signature scheme (catalogue `signatureSchemeField`), a signed request's parameter list, reached through
 * defaults (`||`, `??`, a conditional's branch) and text conversions.
 */
function inSignedParameterList(value: Node): boolean {
  let child = value;
  for (let depth = 0; depth < MAX_UP; depth++) {
    const p = child.parent;
    if (!p) return false;
    if (p.type === T.Property) {
      const key = p.value === child ? propertyName(p) : undefined;
      if (key === undefined || !NONCE_NAME.test(normaliseName(key)) || p.parent.type !== T.ObjectExpression)
        return false;
      return p.parent.properties.some((q) => {
        const name = q.type === T.Property ? propertyName(q) : undefined;
        return name !== undefined && signatureSchemeField.pattern.test(normaliseName(name));
      });
    }
    const passes =
      p.type === T.LogicalExpression ||
      (p.type === T.ConditionalExpression && p.test !== child) ||
      p.type === T.TSAsExpression ||
      p.type === T.TSNonNullExpression ||
      // `String(n)`, `n.toString()`: text made from the value alone
      (p.type === T.CallExpression &&
        (p.callee === child ? child.type === T.MemberExpression : TEXT_CALLS.has(calleeName(p.callee) ?? ''))) ||
      (p.type === T.MemberExpression && p.object === child && propertyName(p) === 'toString');
    if (!passes) return false;
    child = p;
  }
  return false;
}

/** Whether a nonce binding (`const nonce = …`) has a read that a MAC signs. */
function signedBinding(decl: TSESTree.VariableDeclarator, getScope: Scope): boolean {
  if (decl.id.type !== T.Identifier || !NONCE_NAME.test(normaliseName(decl.id.name))) return false;
  const variable = findVariable(getScope(decl), decl.id);
  return !!variable && variable.references.some((r) => !r.init && reachesMacData(r.identifier, getScope));
}

/** A call's result signed as a nonce: stored under a nonce name that a MAC signs, or signed in place. */
function signedResult(call: Node, getScope: Scope): boolean {
  const p = call.parent;
  if (p?.type === T.VariableDeclarator && p.init === call) return signedBinding(p, getScope);
  return reachesMacData(call, getScope) || inSignedParameterList(call);
}

/** The calls of a same-file nonce helper: by its binding, or `this.nonce()` in its class. */
function helperCalls(fn: Node, getScope: Scope): Node[] | undefined {
  const p = fn.parent;
  const id =
    fn.type === T.FunctionDeclaration ? fn.id : p?.type === T.VariableDeclarator && p.init === fn ? p.id : undefined;
  if (id?.type === T.Identifier) {
    const variable = findVariable(getScope(fn.type === T.FunctionDeclaration ? fn : p!), id);
    if (!variable) return undefined;
    return variable.references.flatMap((r) => {
      const c = r.identifier.parent;
      return c?.type === T.CallExpression && c.callee === r.identifier ? [c] : [];
    });
  }
  const method = p?.type === T.MethodDefinition && p.value === fn ? p : undefined;
  const name = method && propertyName(method);
  const body = method?.parent;
  if (!name || body?.type !== T.ClassBody) return undefined;
  const out: Node[] = [];
  const walk = (n: Node): void => {
    if (
      n.type === T.CallExpression &&
      n.callee.type === T.MemberExpression &&
      n.callee.object.type === T.ThisExpression &&
      propertyName(n.callee) === name
    )
      out.push(n);
    for (const [k, v] of Object.entries(n)) {
      if (k === 'parent') continue;
      if (Array.isArray(v)) for (const c of v) if (c && typeof (c as Node).type === 'string') walk(c as Node);
      if (v && typeof v === 'object' && typeof (v as Node).type === 'string') walk(v as Node);
    }
  };
  walk(body);
  return out;
}

/** `nonce`, `String(nonce)`, `nonce.toString()`, `` `${nonce}` ``: the binding a value reads, if it is only that. */
function readBinding(expr: Node): TSESTree.Identifier | undefined {
  const u = unwrap(expr);
  if (u.type === T.Identifier) return u;
  if (u.type === T.TemplateLiteral && u.expressions.length === 1) return readBinding(u.expressions[0]!);
  if (u.type !== T.CallExpression) return undefined;
  const callee = unwrap(u.callee);
  if (callee.type === T.Identifier && callee.name === 'String' && u.arguments.length === 1)
    return readBinding(u.arguments[0]!);
  return callee.type === T.MemberExpression && propertyName(callee) === 'toString'
    ? readBinding(callee.object)
    : undefined;
}

/** The same-file function a call runs: `getNonce()` (a declaration or a const function), `this.nonce()`. */
function calledFunction(expr: Node, getScope: Scope): FunctionNode | undefined {
  const u = unwrap(expr);
  return u.type === T.CallExpression ? localFunction(u.callee, getScope) : undefined;
}

/**
 * True when `expr`, a value a security purpose was found for, is a nonce that the file signs as a MAC's data (see
 * the module comment): a binding named as a nonce (`const nonce = …`, read as `nonce`, `String(nonce)`), or what a
 * nonce helper returns (`getNonce()`, `this.nonce()`) when it is called in this file and every call's result is
 * signed. Its predictability is not a weakness.
 */
export function isSignedRequestNonce(expr: Node, getScope: Scope): boolean {
  if (inSignedParameterList(expr)) return true;
  const p = expr.parent;
  if (p?.type === T.VariableDeclarator && p.init === expr) return signedBinding(p, getScope);
  const read = readBinding(expr);
  if (read) {
    const def = findVariable(getScope(read), read)?.defs[0]?.node;
    if (def?.type === T.VariableDeclarator && signedBinding(def, getScope)) return true;
    // `let out = ''; …; return out` in a nonce helper: the helper's calls decide, below.
    if (p?.type !== T.ReturnStatement) return false;
  }
  const fn =
    p?.type === T.ReturnStatement
      ? enclosingFunction(p)
      : p?.type === T.ArrowFunctionExpression && p.body === expr
        ? p
        : calledFunction(expr, getScope);
  const name = fn && functionName(fn);
  if (!fn || name === undefined || !NONCE_NAME.test(normaliseName(name))) return false;
  const calls = helperCalls(fn, getScope);
  return !!calls?.length && calls.every((c) => signedResult(c, getScope));
}
