/**
 * An IV or nonce that an encrypting call's own code builds from data with no random part: a device's address, a
 * firmware version, a record's field or its length, padded or cut to size (`Buffer.from(device.mac.padEnd(32, '0'),
 * 'hex')`, `Buffer.concat([mac, Buffer.alloc(7)])`, `Buffer.alloc(16, this.provider.length)`). It is the same for every
 * message about that record, and known to anyone who knows the record. The taint lattice decides "no random part"
 * (no entropy and no weak source: every input is data whose name says it holds no secret); this module finds the
 * data it is built from. A decrypting call reads its IV from the message (catalogue `decryptingCall`), and an IV handed
 * in whole as a parameter is the caller's (a constant there is reported at the caller).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, TSESLint as Lint } from '@typescript-eslint/utils';
import { decryptingCall } from '../catalogue/randomness.js';
import { literalDecoders } from '../catalogue/transforms.js';
import type { KeySink } from '../catalogue/types.js';
import {
  childrenOf,
  constInitOf,
  findVariable,
  isFunctionNode,
  isParameter,
  propertyName,
  staticNumber,
  staticString,
  unwrap,
  type Scope,
} from './ast.js';
import type { FileFlow } from './flow/engine.js';
import { dotted } from './flow/functions.js';
import { declaredVariable, helperReturns, writtenInPlace } from './reuse.js';

type Node = TSESTree.Node;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** Methods that cut or copy the buffer they are called on (`frame.subarray(0, 16)`), and calls that re-encode one. */
const CUTS = /^(?:subarray|slice|toString|valueOf)$/;
const CONVERSIONS = /^(?:Buffer\.from|Uint8Array\.from|new Uint8Array)$/;

/** Whether the call decrypts: its sink, or the method chained on the cipher object it makes. */
export function decrypts(sink: KeySink, call: Call): boolean {
  if (decryptingCall.pattern.test(sink.id)) return true;
  const p = call.parent;
  const chained = p?.type === T.MemberExpression && p.object === call ? propertyName(p) : undefined;
  return chained !== undefined && decryptingCall.pattern.test(chained);
}

const isLiteral = (n: Node): boolean => staticNumber(n) !== undefined || staticString(n) !== undefined;

/** A parameter, or a cut, copy or decoding of one with literal arguments: `Buffer.from(iv, 'hex')`, `f.slice(0, 8)`. */
function handedIn(n: Node, getScope: (n: Node) => Scope, depth = 0): boolean {
  const u = unwrap(n);
  if (isParameter(u, getScope)) return true;
  if (depth > 3) return false;
  if (u.type === T.Identifier) {
    const init = constInitOf(u, getScope(u));
    return init !== undefined && handedIn(init, getScope, depth + 1);
  }
  if (u.type !== T.CallExpression && u.type !== T.NewExpression) return false;
  const callee = unwrap(u.callee);
  const name = dotted(callee);
  if (u.type === T.CallExpression && callee.type === T.MemberExpression && CUTS.test(propertyName(callee) ?? ''))
    return u.arguments.every(isLiteral) && handedIn(callee.object, getScope, depth + 1);
  const converts =
    name !== undefined &&
    (CONVERSIONS.test(u.type === T.NewExpression ? `new ${name}` : name) || literalDecoders.pattern.test(name));
  const [first, ...rest] = u.arguments;
  return converts && first !== undefined && rest.every(isLiteral) && handedIn(first, getScope, depth + 1);
}

/** A property read as a value (`device.mac`, `this.provider.length`), not a callee nor a module's member. */
function dataRead(n: Node, getScope: (n: Node) => Scope): boolean {
  if (n.type !== T.MemberExpression) return false;
  const p = n.parent;
  if ((p?.type === T.CallExpression || p?.type === T.NewExpression) && p.callee === n) return false;
  let root: Node = n;
  while (root.type === T.MemberExpression) root = unwrap(root.object);
  if (root.type === T.ThisExpression) return true;
  if (root.type !== T.Identifier) return false;
  const v = findVariable(getScope(root), root);
  const def = v?.defs[0];
  // An import or an undeclared global (`Buffer.alloc`, `forge.util`) is a library, not a record.
  return def !== undefined && def.type !== Lint.Scope.DefinitionType.ImportBinding;
}

/**
 * Constant filler that pads a value to the IV's size: `Buffer.alloc(7)`, `new Uint8Array(4)`, `.padEnd(32, '0')`. A
 * zero buffer a counter is then written into (`c.writeBigUInt64BE(seq)`) is a counter block, not filler.
 */
function filler(n: Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (n.type !== T.CallExpression && n.type !== T.NewExpression) return false;
  const callee = unwrap(n.callee);
  const name = dotted(callee);
  if (name === 'Buffer.alloc' || (n.type === T.NewExpression && name === 'Uint8Array')) {
    const v = declaredVariable(n, sourceCode);
    return n.arguments[0] !== undefined && staticNumber(n.arguments[0]) !== undefined && !(v && writtenInPlace(v));
  }
  return callee.type === T.MemberExpression && /^pad(?:End|Start)$/.test(propertyName(callee) ?? '');
}

/**
 * The data an encrypting call's IV (or nonce) is built from, as the source writes it (`device.mac`), when the value
 * has no random part and is built here rather than handed in; otherwise undefined.
 */
export function dataBuiltIv(
  flow: FileFlow,
  expr: Node,
  call: Call,
  sink: KeySink,
  getScope: (n: Node) => Scope,
  sourceCode: Readonly<TSESLint.SourceCode>,
): string | undefined {
  // A mechanism's parameter object (`{ iv, tagBits }`) holds the IV; it is judged where it is made.
  if (unwrap(expr).type === T.ObjectExpression || decrypts(sink, call) || handedIn(expr, getScope)) return undefined;
  const t = flow.taint.taintOf(expr);
  if (t.entropy || t.weak.length > 0) return undefined;
  const stack: Node[] = [expr];
  const seen = new Set<Node>();
  let param: Node | undefined;
  let padded = false;
  let budget = 200;
  while (stack.length && budget-- > 0) {
    const n = unwrap(stack.pop()!);
    if (seen.has(n) || isFunctionNode(n)) continue;
    seen.add(n);
    if (dataRead(n, getScope)) return sourceCode.getText(n);
    if (n.type === T.Identifier) {
      if (isParameter(n, getScope)) param ??= n;
      const init = constInitOf(n, getScope(n));
      if (init) stack.push(init);
      continue;
    }
    padded ||= filler(n, sourceCode);
    if (n.type === T.CallExpression) stack.push(...helperReturns(n, getScope, sourceCode.visitorKeys));
    stack.push(...childrenOf(n, sourceCode.visitorKeys));
  }
  // A parameter padded to size here (`Buffer.concat([Buffer.from(address, 'hex'), Buffer.alloc(7)])`); a parameter
  // only joined to another (`Buffer.concat([prefix, counter])`) may carry the caller's random part.
  return param && padded ? sourceCode.getText(param) : undefined;
}
