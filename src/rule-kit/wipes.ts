/**
 * Wiping key bytes in memory: which calls clear a buffer (`k.fill(0)`, `sodium.memzero(k)`,
 * `secret.wipe()`; catalogue data in src/catalogue/deletion.ts), where a wipe sits (its function, its
 * `finally`), where a reference hands the bytes on to a new owner, and the try/finally suggestion.
 * CWE-226/CWE-244: memory that held a key must be cleared before it is released.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, TSESLint } from '@typescript-eslint/utils';
import { byteViews, wipes } from '../catalogue/deletion.js';
import { elementReads, storingMethods } from '../catalogue/index.js';
import {
  calleeName,
  constInitOf,
  enclosingFunction,
  findVariable,
  isFunctionNode,
  propertyName,
  staticNumber,
  unwrap,
  type FunctionNode,
} from './ast.js';

const { DefinitionType } = TSESLint.Scope;

/** A wipe seen in the walk: `k.fill(0)`, `sodium.memzero(k)`, `secret.wipe()`. */
export interface Wipe {
  /** Identities of what it clears (the target, and the binding's initialiser). */
  readonly keys: readonly string[];
  readonly fn: FunctionNode | undefined;
  /** The innermost function holding the call (`fn` is the one holding a `forEach` whose callback wipes). */
  readonly inner?: FunctionNode | undefined;
  readonly start: number;
  /** The `try` whose `finally` holds the wipe. */
  readonly finallyOf?: TSESTree.TryStatement;
  /** The statement that is only the wipe (which a try/finally suggestion replaces). */
  readonly statement?: TSESTree.Node;
  /** The call overwrites bytes (`fill(0)`, `memzero`), not a handle's own wipe or dispose method. */
  readonly bytes?: boolean;
  /** The key a wiped entry was read from its collection by (`kid` in `const e = this.byKid.get(kid)`). */
  readonly lookup?: string;
}

/** The `try` statement whose `finally` block holds `node`, within the same function. */
function finallyOf(node: TSESTree.Node): TSESTree.TryStatement | undefined {
  let child: TSESTree.Node = node;
  for (let p = node.parent; p && !isFunctionNode(p); child = p, p = p.parent) {
    if (p.type === T.TryStatement && p.finalizer === child) return p;
  }
  return undefined;
}

/** What a call clears: `k.fill(0)`, `memzero(k)`, `randomFillSync(k)`, `secret.wipe()` → `k`; else undefined. */
export function wipeTarget(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const callee = unwrap(call.callee);
  const name = calleeName(callee);
  const first = call.arguments[0];
  if (callee.type === T.MemberExpression && name === wipes.fillMethod && staticNumber(first) === 0)
    return viewedBuffer(callee.object) ?? callee.object;
  if (callee.type === T.Identifier || callee.type === T.MemberExpression) {
    if (name !== undefined && wipes.functions.has(name) && first && first.type !== T.SpreadElement) return first;
  }
  if (callee.type === T.MemberExpression && name !== undefined && wipes.methods.has(name) && !first)
    return callee.object;
  return undefined;
}

/**
 * `Buffer.from(ab)` or `new Uint8Array(ab)` with one argument: a view over the same memory when `ab` is an
 * ArrayBuffer (what `hkdfSync`, `subtle.exportKey` and `deriveBits` return), so filling the view wipes `ab`.
 * The same approximation as `handOff`, which follows `Buffer.from(ab)` out as the same key.
 */
function viewedBuffer(n: TSESTree.Node): TSESTree.Node | undefined {
  const v = unwrap(n);
  if ((v.type !== T.CallExpression && v.type !== T.NewExpression) || v.arguments.length !== 1) return undefined;
  const arg = v.arguments[0]!;
  if (arg.type === T.SpreadElement) return undefined;
  const c = unwrap(v.callee);
  const bufferFrom =
    v.type === T.CallExpression &&
    c.type === T.MemberExpression &&
    calleeName(c.object) === 'Buffer' &&
    propertyName(c) === 'from';
  const view = v.type === T.NewExpression && c.type === T.Identifier && c.name === 'Uint8Array';
  return bufferFrom || view ? arg : undefined;
}

/** The statement that holds nothing but the wipe call (`k.fill(0);`, `k?.fill(0);`). */
function wipeStatement(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const p = call.parent;
  if (p?.type === T.ExpressionStatement) return p;
  if (p?.type === T.ChainExpression && p.parent?.type === T.ExpressionStatement) return p.parent;
  return undefined;
}

/**
 * Where one reference to key bytes hands them on. `moved`: returned, stored in an object, array or
 * field, passed to a constructor or a collection: the new owner wipes them. `alias`: bound to another
 * name (`const k = Buffer.from(plaintext)`). `Buffer.from(ab)` and `Uint8Array.from(ab)` are followed
 * out, as views over (or copies of) the same key.
 */
export function handOff(
  ref: TSESTree.Node,
  sourceCode: TSESLint.SourceCode,
): { readonly kind: 'moved' } | { readonly kind: 'alias'; readonly id: TSESTree.Identifier } | undefined {
  let id = ref;
  const viewOf = (n: TSESTree.Node): boolean =>
    n.parent?.type === T.CallExpression &&
    n.parent.arguments[0] === n &&
    byteViews.makers.has(sourceCode.getText(n.parent.callee));
  while (
    id.parent &&
    (viewOf(id) ||
      // `Buffer.from(k.buffer, k.byteOffset, k.byteLength)`: a view over `k`'s own memory.
      (id.parent.type === T.MemberExpression &&
        id.parent.object === id &&
        propertyName(id.parent) === byteViews.memoryMember &&
        viewOf(id.parent)) ||
      id.parent.type === T.TSAsExpression ||
      id.parent.type === T.TSNonNullExpression)
  ) {
    id = id.parent;
  }
  const p = id.parent;
  if (!p) return undefined;
  if (p.type === T.VariableDeclarator && p.init === id)
    return p.id.type === T.Identifier ? { kind: 'alias', id: p.id } : { kind: 'moved' };
  const moved =
    p.type === T.ReturnStatement ||
    p.type === T.ArrowFunctionExpression ||
    p.type === T.Property ||
    p.type === T.ArrayExpression ||
    p.type === T.YieldExpression ||
    p.type === T.NewExpression ||
    p.type === T.SpreadElement ||
    (p.type === T.AssignmentExpression && p.right === id) ||
    (p.type === T.CallExpression &&
      p.callee.type === T.MemberExpression &&
      storingMethods.names.has(propertyName(p.callee) ?? '')) ||
    (p.type === T.CallExpression && p.callee.type === T.Identifier && p.callee.name === 'resolve');
  return moved ? { kind: 'moved' } : undefined;
}

/**
 * `const k = …; rest` → `const k = …; try { rest } finally { k.fill(0); }`, dropping the wipe statements
 * the finally replaces; undefined when nothing would be left inside the try.
 */
function wrapInFinally(
  decl: TSESTree.Node,
  name: string,
  oldWipes: readonly Wipe[],
  sourceCode: TSESLint.SourceCode,
): TSESLint.ReportFixFunction | undefined {
  const block = decl.parent;
  if (block?.type !== T.BlockStatement) return undefined;
  const i = block.body.indexOf(decl as TSESTree.Statement);
  const rest = block.body.slice(i + 1);
  const drop = new Set(oldWipes.map((w) => w.statement).filter((s): s is TSESTree.Node => s !== undefined));
  const kept = rest.filter((s) => !drop.has(s));
  if (kept.length === 0) return undefined;
  const text = sourceCode.text;
  const lineStart = text.lastIndexOf('\n', decl.range[0] - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const parts = kept.map((s) => {
    const start = text.lastIndexOf('\n', s.range[0] - 1) + 1;
    return text.slice(start, s.range[1]).replace(/^(?=[ \t]*\S)/gm, '  ');
  });
  const last = rest[rest.length - 1]!;
  const body = parts.join('\n');
  return (fixer) =>
    fixer.replaceTextRange(
      [decl.range[1], last.range[1]],
      `\n${indent}try {\n${body}\n${indent}} finally {\n${indent}  ${name}.fill(0);\n${indent}}`,
    );
}

/** A local binding that owns key bytes and must be wiped on every exit of its function. */
export interface OwnedKey {
  readonly id: TSESTree.Identifier;
  readonly decl: TSESTree.VariableDeclaration;
  readonly fn: FunctionNode;
  readonly source: string;
}

/**
 * Whether an owned key is left unwiped: never wiped (`keyNotWiped`), or wiped only after an earlier
 * return or throw (`wipeMissesExits`), with the try/finally suggestion; undefined when a `finally` wipes
 * it, or when ownership moves (returned, stored, aliased, re-assigned).
 */
export function unwipedOwnedKey(
  b: OwnedKey,
  wipesSeen: readonly Wipe[],
  exits: readonly number[],
  identity: (expr: TSESTree.Node) => string,
  sourceCode: TSESLint.SourceCode,
): { readonly messageId: 'keyNotWiped' | 'wipeMissesExits'; readonly fix?: TSESLint.ReportFixFunction } | undefined {
  const v = findVariable(sourceCode.getScope(b.id), b.id);
  if (!v) return undefined;
  for (const r of v.references) {
    if (r.init) continue;
    if (r.isWrite() || handOff(r.identifier, sourceCode)) return undefined;
  }
  const key = identity(b.id);
  const mine = wipesSeen.filter((w) => w.fn === b.fn && w.keys.includes(key) && w.start > b.decl.range[1]);
  if (mine.some((w) => w.finallyOf && w.finallyOf.range[0] > b.decl.range[0])) return undefined;
  if (mine.length > 0) {
    const lastWipe = Math.max(...mine.map((w) => w.start));
    if (!exits.some((e) => e > b.decl.range[1] && e < lastWipe)) return undefined;
  }
  const fix = wrapInFinally(b.decl, b.id.name, mine, sourceCode);
  return { messageId: mine.length > 0 ? 'wipeMissesExits' : 'keyNotWiped', ...(fix ? { fix } : {}) };
}

/** The record of a wipe call on `target`: what it clears (the target and a const binding's initialiser), and where. */
export function wipeOf(
  call: TSESTree.CallExpression,
  target: TSESTree.Node,
  identity: (expr: TSESTree.Node) => string,
  normText: (n: TSESTree.Node) => string,
  scope: TSESLint.Scope.Scope,
): Wipe {
  const keys = [identity(target)];
  const n = unwrap(target);
  // `s.rootKey.fill(0)` where `s = sessions.get(id)` or `for (const [, s] of sessions)`: a key of the record
  // got from the collection is wiped, as the record itself would be.
  const member = n.type === T.MemberExpression && !n.computed ? unwrap(n.object) : undefined;
  const alias = n.type === T.Identifier ? n : member?.type === T.Identifier ? member : undefined;
  const init = alias ? constInitOf(alias, scope) : undefined;
  if (init) keys.push(identity(init));
  const looped = alias ? loopHolder(alias, scope) : undefined;
  const holder = looped ?? elementOf(init);
  if (holder) keys.push(`holder:${normText(holder)}`);
  const lookup = !looped && holder ? lookupOf(init) : undefined;
  for (const k of elementSources(n, scope, normText)) if (!keys.includes(k)) keys.push(k);
  const fin = finallyOf(call);
  const statement = wipeStatement(call);
  // `keys.forEach((k) => k.fill(0))`: the wipe belongs to the function that holds the forEach call.
  const cb = holder ? enclosingFunction(call) : undefined;
  const viaForEach = cb?.parent?.type === T.CallExpression && calleeName(cb.parent.callee) === 'forEach';
  const method = calleeName(unwrap(call.callee));
  const bytes = method === wipes.fillMethod || (method !== undefined && wipes.functions.has(method));
  return {
    keys,
    bytes,
    fn: viaForEach ? enclosingFunction(cb.parent!) : enclosingFunction(call),
    ...(viaForEach ? { inner: cb } : {}),
    start: call.range[0],
    ...(fin ? { finallyOf: fin } : {}),
    ...(statement ? { statement } : {}),
    ...(lookup ? { lookup: normText(lookup) } : {}),
  };
}

/** `kid` in `m.get(kid)` or `m[kid]`: the key an element is read by. */
function lookupOf(init: TSESTree.Node | undefined): TSESTree.Node | undefined {
  const u = init && unwrap(init);
  if (u?.type === T.MemberExpression && u.computed) return u.property;
  const arg = u?.type === T.CallExpression ? u.arguments[0] : undefined;
  return arg && arg.type !== T.SpreadElement ? arg : undefined;
}

/**
 * The collections a wiped value was taken from, following member reads, loop variables and element reads:
 * `for (const b of Object.values(old.data)) b.fill(0)` where `old = entries.get(k)` walks `old.data` and reads
 * from `entries`; `const [p] = pool.splice(i, 1); p.k.fill(0)` reads from `pool`. A walked collection is
 * `holder:` (every element is wiped), a collection one element is read from is `element:`. Either says what the
 * file thinks the collection holds: bytes it wipes (a later drop of its elements without a wipe drops keys).
 */
function elementSources(
  target: TSESTree.Node,
  scope: TSESLint.Scope.Scope,
  normText: (n: TSESTree.Node) => string,
): string[] {
  const out: string[] = [];
  let n = unwrap(target);
  for (let i = 0; i < 8; i++) {
    if (n.type === T.MemberExpression) {
      n = unwrap(n.object);
      continue;
    }
    if (n.type === T.CallExpression && n.callee.type === T.MemberExpression) {
      if (!elementReads.names.has(calleeName(n.callee) ?? '')) break;
      n = unwrap(n.callee.object);
      out.push(`element:${normText(n)}`);
      continue;
    }
    if (n.type !== T.Identifier) break;
    const walked = loopHolder(n, scope);
    if (walked) {
      out.push(`holder:${normText(walked)}`);
      n = unwrap(walked);
      continue;
    }
    const def = findVariable(scope, n)?.defs[0];
    if (def?.type !== DefinitionType.Variable || def.node.type !== T.VariableDeclarator || !def.node.init) break;
    const init = unwrap(def.node.init);
    n = init.type === T.AwaitExpression ? unwrap(init.argument) : init;
  }
  return out;
}

/**
 * The collection a loop variable walks: `for (const k of keys.values())`, `for (const k of keys)`,
 * `Object.values(cache)`, `keys.forEach((k) => …)`. Wiping `k` there wipes every key the holder keeps.
 */
function loopHolder(id: TSESTree.Identifier, scope: TSESLint.Scope.Scope): TSESTree.Node | undefined {
  const def = findVariable(scope, id)?.defs[0];
  if (!def) return undefined;
  const collection = (e: TSESTree.Node): TSESTree.Node => {
    const u = unwrap(e);
    if (u.type !== T.CallExpression) return u;
    const callee = unwrap(u.callee);
    const name = calleeName(callee);
    if (callee.type === T.MemberExpression && (name === 'values' || name === 'entries') && u.arguments.length === 0)
      return callee.object;
    const arg = u.arguments[0];
    const objectValues =
      callee.type === T.MemberExpression &&
      unwrap(callee.object).type === T.Identifier &&
      (unwrap(callee.object) as TSESTree.Identifier).name === 'Object';
    if (objectValues && (name === 'values' || name === 'entries') && arg && arg.type !== T.SpreadElement) return arg;
    return u;
  };
  const decl = def.node;
  if (decl.type === T.VariableDeclarator && decl.parent.parent?.type === T.ForOfStatement)
    return collection(decl.parent.parent.right);
  const call = decl.parent;
  if (
    def.type === DefinitionType.Parameter &&
    call?.type === T.CallExpression &&
    call.callee.type === T.MemberExpression &&
    calleeName(call.callee) === 'forEach'
  )
    return collection(call.callee.object);
  return undefined;
}

/**
 * `const old = this.channels.get(id)`, `const rec = cache[id]`: an element got from a collection, so wiping it (or a
 * key in it) shows the collection holds wipeable key material.
 */
function elementOf(init: TSESTree.Node | undefined): TSESTree.Node | undefined {
  const u = init && unwrap(init);
  if (u?.type === T.MemberExpression && u.computed) return u.object;
  if (u?.type !== T.CallExpression || u.arguments.length !== 1) return undefined;
  const callee = unwrap(u.callee);
  return callee.type === T.MemberExpression && calleeName(callee) === 'get' ? callee.object : undefined;
}

/** `{}`, `[]`, `new Map()`, `new Set()`: an empty container put in place of one that held keys. */
export function isEmptyContainer(n: TSESTree.Node): boolean {
  const u = unwrap(n);
  if (u.type === T.ObjectExpression) return u.properties.length === 0;
  if (u.type === T.ArrayExpression) return u.elements.length === 0;
  return (
    u.type === T.NewExpression && u.arguments.length === 0 && /^(?:Map|Set|WeakMap)$/.test(calleeName(u.callee) ?? '')
  );
}
