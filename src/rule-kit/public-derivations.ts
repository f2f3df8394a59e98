/**
 * A secret computed only from values anyone can know (`createHash('sha256').update(`covenant:${imei}`).digest()`,
 * `sha256(`${os.hostname()}:${user}`)`): a digest, keyed or not, whose every input is a literal, an id, a device or
 * host reading, or a date (catalogue `identifierName`, `publicInputName`, `platformIdentityRead`). Whoever knows the
 * inputs, and the code, computes the same value. Read by `no-weak-randomness`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  byteEncoderName,
  digestPassThrough,
  identifierName,
  platformIdentityRead,
  publicInputName,
  unkeyedDigestName,
} from '../catalogue/randomness.js';
import { normaliseName } from '../detect/names.js';
import { calleeName, constInitOf, findVariable, isParameter, propertyName, unwrap } from './ast.js';

type Node = TSESTree.Node;
type GetScope = (n: Node) => TSESLint.Scope.Scope;

/** The length from which a literal among a digest's inputs reads as a key written in the code. */
const LONG_LITERAL = 16;

/** The digest a secret is, and the names of the public values it is made from. */
export interface PublicDerivation {
  readonly node: Node;
  readonly inputs: readonly string[];
}

/** The digest `expr` is (through `const` bindings, encodings and cuts), when every input of it is public. */
export function publicDerivation(expr: Node, getScope: GetScope): PublicDerivation | undefined {
  const inputs: string[] = [];
  const digest = digestOf(expr, getScope, inputs, 0);
  return digest && inputs.length > 0 ? { node: digest, inputs } : undefined;
}

function digestOf(expr: Node, getScope: GetScope, inputs: string[], depth: number): Node | undefined {
  if (depth > 8) return undefined;
  const u = unwrap(expr);
  if (u.type === T.Identifier) {
    const init = constInitOf(u, getScope(u));
    return init ? digestOf(init, getScope, inputs, depth + 1) : undefined;
  }
  if (u.type === T.BinaryExpression && u.operator === '%') return digestOf(u.left, getScope, inputs, depth + 1);
  if (u.type !== T.CallExpression) return undefined;
  const callee = unwrap(u.callee);
  const name = calleeName(callee);
  if (name === undefined) return undefined;
  // `sha256(x)`, `md5(x)`: an unkeyed digest of its argument.
  if (unkeyedDigestName.pattern.test(normaliseName(name)))
    return u.arguments.every((a) => publicParts(a, getScope, inputs, 0)) ? u : undefined;
  if (callee.type !== T.MemberExpression) {
    // `String(h.readUInt32BE(0) % 1e6)`, `Buffer.from(…)` on a digest: the digest is still what is returned.
    return digestPassThrough.names.has(name) && u.arguments[0]
      ? digestOf(u.arguments[0], getScope, inputs, depth + 1)
      : undefined;
  }
  if (name === 'from' && u.arguments[0]) return digestOf(u.arguments[0], getScope, inputs, depth + 1);
  if (name === 'digest') return chainInputs(callee.object, getScope, inputs) ? u : undefined;
  return digestPassThrough.names.has(name) ? digestOf(callee.object, getScope, inputs, depth + 1) : undefined;
}

/** `createHash(a).update(x).update(y)` or `createHmac(a, k).update(x)`: whether every input of the chain is public. */
function chainInputs(n: Node, getScope: GetScope, inputs: string[]): boolean {
  let u = unwrap(n);
  for (let hops = 0; hops < 6; hops++) {
    if (u.type !== T.CallExpression) return false;
    const callee = unwrap(u.callee);
    const name = calleeName(callee);
    if (name === 'createHash') return true;
    // An HMAC key written in the code is a hardcoded key (no-hardcoded-key's); a public value is no key at all.
    if (name === 'createHmac') {
      const key = u.arguments[1];
      return !!key && !literalText(key, getScope) && publicParts(key, getScope, inputs, 0);
    }
    if (name !== 'update' || callee.type !== T.MemberExpression || !u.arguments[0]) return false;
    if (!publicParts(u.arguments[0], getScope, inputs, 0)) return false;
    u = unwrap(callee.object);
  }
  return false;
}

/** Whether a value is made only of literals and public values; the public values' names are added to `inputs`. */
function publicParts(n: Node, getScope: GetScope, inputs: string[], depth: number): boolean {
  if (depth > 6) return false;
  const u = unwrap(n);
  // A literal long enough to be a key (`'arch1ve-m4ster-7f21c9e0b3' + tenantId`) is a hardcoded secret mixed in:
  // no-hardcoded-key's question, not a value anyone knows.
  if (u.type === T.Literal) return typeof u.value !== 'string' || u.value.length < LONG_LITERAL;
  if (u.type === T.TemplateLiteral)
    return (
      u.quasis.every((q) => (q.value.cooked ?? '').length < LONG_LITERAL) &&
      u.expressions.every((e) => publicParts(e, getScope, inputs, depth + 1))
    );
  if (u.type === T.BinaryExpression && u.operator !== 'in' && u.operator !== 'instanceof')
    return publicParts(u.left, getScope, inputs, depth + 1) && publicParts(u.right, getScope, inputs, depth + 1);
  if (u.type === T.Identifier) {
    const init = constInitOf(u, getScope(u));
    if (init) return publicParts(init, getScope, inputs, depth + 1);
    // A parameter or a binding this file cannot see into: public only when named for a public value.
    const v = findVariable(getScope(u), u);
    if (v && !isParameter(u, getScope)) return false;
    return publicName(u.name, inputs);
  }
  if (u.type === T.MemberExpression) {
    const key = propertyName(u);
    // `os.userInfo().username`, `device.mac`: a public property, or one read from a platform identity.
    if (key !== undefined && publicName(key, inputs)) return true;
    return key !== undefined && u.object.type === T.CallExpression && platformRead(u.object, inputs);
  }
  if (u.type === T.CallExpression) {
    if (platformRead(u, inputs)) return true;
    const name = calleeName(u.callee);
    if (name === undefined) return false;
    const callee = unwrap(u.callee);
    // `Math.floor(Date.now() / 60_000)`, `new Date().toISOString().slice(0, 10)`: the time, which anyone knows.
    if (callee.type === T.MemberExpression && propertyName(callee) === 'now') return addInput('the clock', inputs);
    if (name === 'floor' || name === 'round' || name === 'trunc' || byteEncoderName.pattern.test(normaliseName(name)))
      return u.arguments.every((a) => publicParts(a, getScope, inputs, depth + 1));
    if (digestPassThrough.names.has(name) && callee.type === T.MemberExpression)
      return publicParts(callee.object, getScope, inputs, depth + 1);
    if (digestPassThrough.names.has(name)) return u.arguments.every((a) => publicParts(a, getScope, inputs, depth + 1));
    return false;
  }
  if (u.type === T.NewExpression && calleeName(u.callee) === 'Date' && u.arguments.length === 0)
    return addInput('the date', inputs);
  return false;
}

function publicName(name: string, inputs: string[]): boolean {
  const n = normaliseName(name);
  return (identifierName.pattern.test(n) || publicInputName.pattern.test(n)) && addInput(name, inputs);
}

/** `os.hostname()`, `getDeviceId()`: who or where the code runs (catalogue `platformIdentityRead`). */
function platformRead(call: TSESTree.CallExpression, inputs: string[]): boolean {
  const name = calleeName(call.callee);
  if (name === undefined) return false;
  const os = unwrap(call.callee).type === T.MemberExpression && platformIdentityRead.os.test(name);
  return (os || platformIdentityRead.getter.test(normaliseName(name))) && addInput(`${name}()`, inputs);
}

function addInput(label: string, inputs: string[]): true {
  if (!inputs.includes(label)) inputs.push(label);
  return true;
}

/** A string or number the code spells out, directly or through a `const`. */
function literalText(n: Node, getScope: GetScope): boolean {
  let u = unwrap(n);
  if (u.type === T.Identifier) u = unwrap(constInitOf(u, getScope(u)) ?? u);
  return u.type === T.Literal || (u.type === T.TemplateLiteral && u.expressions.length === 0);
}
