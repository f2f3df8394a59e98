/**
 * Key material released without a wipe (`x = null`, `delete x.k`, `map.delete(id)`, `cache = {}`): each drop is
 * recorded where it happens and judged at the end of the file, when every holder and every wipe is known.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { releaseMethodName } from '../catalogue/deletion.js';
import { literalDecoders } from '../catalogue/transforms.js';
import { normaliseName } from '../detect/names.js';
import {
  calleeName,
  constInitOf,
  enclosingClass,
  enclosingFunction,
  findVariable,
  isFunctionNode,
  isParameter,
  loopStatements,
  propertyName,
  staticNumber,
  unwrap,
  type FunctionNode,
  type Scope,
} from './ast.js';
import { functionName } from './flow/functions.js';
import { thisWrites } from './flow/this-writes.js';
import type { KeySources } from './key-sources.js';
import {
  collectionHoldsNoBytes,
  declaredElementType,
  isKeyMaterialName,
  namedKeyCollection,
  namedKeyHolder,
} from './key-holders.js';
import type { Wipe } from './wipes.js';
import { escapeRegExp } from './regexp.js';

/** `x = null`, `delete x.k`, `map.delete(id)`: key material released, decided at the end of the file. */
interface Drop {
  readonly node: TSESTree.Node;
  readonly target: TSESTree.Node;
  readonly key: string;
  /** The dropped expression's text: a wipe of one of its members (`rec.key.fill(0)`) counts as wiping it. */
  readonly text: string;
  /** The text of the whole drop (`this.list = this.list.filter((x) => x.id !== id)`), to find its lookup key in. */
  readonly nodeText: string;
  /** For `map.delete(id)`: the map's identity, and its text (whose `get(…)` results count as wiped aliases). */
  readonly mapKey?: string;
  readonly mapText?: string;
  readonly fn: FunctionNode | undefined;
  readonly how: string;
  /** The collection an element is dropped from (`cache` in `delete cache[id]`, `cache.delete(id)`). */
  readonly collection?: string;
  /** That collection's expression and identity, to judge it by its name and declared element type. */
  readonly holder?: TSESTree.Node;
  readonly holderKey?: string;
  /**
   * A reassignment (`keys = []`, `pool = pool.filter(…)`): judged by the holders known where it happens (as the walk
   * met them) and by the wipes of the whole file, not by a name alone.
   */
  readonly reassigned?: { readonly holderKnown: boolean };
}

/** A drop of key material that no earlier wipe in the same function covers, with its message data. */
interface UnwipedDrop {
  readonly node: TSESTree.Node;
  /** The dropped expression, and whether it was dropped from a collection (`map.delete(id)`). */
  readonly target: TSESTree.Node;
  readonly fromCollection: boolean;
  readonly data: { readonly source: string; readonly how: string; readonly wipe: string };
}

/** How a message names a declared key holder: `the 'keys' key map`, `the 'secret' field`. */
export function holderTitle(name: string, held: 'collection' | 'value', what: string): string {
  return `the '${name}' ${held === 'collection' ? 'key map' : what}`;
}

/** One file's drops, in source order. */
export class KeyDrops {
  private readonly drops: Drop[] = [];
  /** Collections declared with an element type that is not bytes (`new Map<string, CryptoKey>()`). */
  private readonly noBytes = new Set<string>();
  /**
   * The element types of the other declared collections (`Map<string, CachedKey>`, `ids: KeyRef[]`), judged at the
   * end of the file, when every type the file declares is known (a type may be declared after its use).
   */
  private readonly elementTypes = new Map<string, TSESTree.TypeNode>();

  constructor(
    private readonly identity: (expr: TSESTree.Node) => string,
    private readonly normText: (n: TSESTree.Node) => string,
  ) {}

  add(
    node: TSESTree.Node,
    target: TSESTree.Node,
    how: string,
    mapKey?: string,
    reassigned?: { readonly holderKnown: boolean },
  ): void {
    const mapText = mapKey === undefined ? undefined : this.normText(target);
    const map = mapKey === undefined ? {} : { mapKey, mapText };
    const t = unwrap(target);
    const collection = mapText ?? (t.type === T.MemberExpression && t.computed ? this.normText(t.object) : undefined);
    const fn = enclosingFunction(node);
    const holder = mapKey !== undefined ? t : t.type === T.MemberExpression && t.computed ? t.object : undefined;
    this.drops.push({
      node,
      target,
      key: this.identity(target),
      text: this.normText(t),
      nodeText: this.normText(node),
      fn,
      how,
      ...(reassigned ? { reassigned } : {}),
      ...map,
      ...(collection ? { collection } : {}),
      ...(holder ? { holder, holderKey: this.identity(holder) } : {}),
    });
  }

  /**
   * `e.previous = e.current`: a keyring's slots shifted, so the oldest slot's key is dropped. Judged at the end of
   * the file: a drop only when the file wipes that field elsewhere (`e.previous.fill(0)`), so it holds key bytes,
   * and the old value was not kept first (`const old = e.previous`, `ring.push(e.previous)`). Only a shift from a
   * sibling field of the same object: a field set from a parameter or a new key (`this.key = derive(pw)` in
   * `unlock()`) may have held nothing.
   */
  overwrite(node: TSESTree.AssignmentExpression): void {
    const t = unwrap(node.left);
    const r = unwrap(node.right);
    if (t.type !== T.MemberExpression || t.computed || propertyName(t) === undefined) return;
    if (r.type !== T.MemberExpression || r.computed || propertyName(r) === propertyName(t)) return;
    if (this.normText(r.object) !== this.normText(t.object)) return;
    this.overwrites.push(node);
  }

  private readonly overwrites: TSESTree.AssignmentExpression[] = [];

  /** A declaration of `key` (a binding's identity, or `text:this.name` for a field) with its type and value. */
  declare(key: string, annotation: TSESTree.TypeNode | undefined, init: TSESTree.Node | null | undefined): void {
    if (collectionHoldsNoBytes(annotation, init)) return void this.noBytes.add(key);
    const element = declaredElementType(annotation, init);
    if (element) this.elementTypes.set(key, element);
  }

  /**
   * A collection declared with elements that hold no bytes, directly or through a type the file declares; a typed
   * parameter (`function trim(ids: string[])`) is declared in its parameter list.
   */
  private holdsNoBytes(
    d: Drop,
    typeHoldsNoBytes: (t: TSESTree.TypeNode) => boolean,
    sourceCode: TSESLint.SourceCode,
  ): boolean {
    const key = d.holderKey;
    if (key === undefined) return false;
    if (this.noBytes.has(key)) return true;
    const h = d.holder && unwrap(d.holder);
    const param =
      h?.type === T.Identifier && isParameter(h, (n) => sourceCode.getScope(n))
        ? findVariable(sourceCode.getScope(h), h)?.defs[0]?.name
        : undefined;
    const annotation = param?.type === T.Identifier ? param.typeAnnotation?.typeAnnotation : undefined;
    const element = this.elementTypes.get(key) ?? declaredElementType(annotation, undefined);
    return element !== undefined && typeHoldsNoBytes(element);
  }

  /**
   * The drops of key material (a known holder, a key source, or a name that says key) with no wipe before them
   * in the same function, in source order. `notBytes`: identities declared with a non-byte type (`string`);
   * `typeHoldsNoBytes`: whether a type (resolved through the file's own type declarations) holds no bytes.
   */
  unwiped(
    keyHolders: ReadonlyMap<string, string>,
    wipesSeen: readonly Wipe[],
    sources: KeySources,
    sourceCode: TSESLint.SourceCode,
    notBytes: ReadonlySet<string> = new Set(),
    typeHoldsNoBytes: (t: TSESTree.TypeNode) => boolean = () => false,
  ): UnwipedDrop[] {
    const out: UnwipedDrop[] = [];
    // Collections whose elements this file wipes somewhere (`for (const b of cache.values()) b.fill(0)`,
    // `cache.get(id)?.fill(0)`, `const [p] = pool.splice(i, 1); p.k.fill(0)`).
    const wiped = new Set(
      wipesSeen
        .filter((w) => w.bytes)
        .flatMap((w) => w.keys.map((k) => /^(?:holder|element):(.*)$/s.exec(k)?.[1]).filter((k) => k !== undefined)),
    );
    // Fields this file wipes as bytes somewhere, by name (`e.previous.fill(0)` → `previous`).
    const wipedFields = new Set(
      wipesSeen.filter((w) => w.bytes).flatMap((w) => w.keys.flatMap((k) => /^text:.*\.([\w$]+)$/.exec(k)?.[1] ?? [])),
    );
    for (const node of this.overwrites) {
      const left = unwrap(node.left) as TSESTree.MemberExpression;
      const field = propertyName(left)!;
      const target = sourceCode.getText(left);
      if (!wipedFields.has(field) || handedOn(node, target, sourceCode)) continue;
      this.add(node, left, `overwritten with ${sourceCode.getText(node.right)}`);
      const d = this.drops.pop()!;
      if (wipedBefore(d, wipesSeen) || wipesSeen.some((w) => w.start === node.range[0])) continue;
      out.push({
        node,
        target: left,
        fromCollection: false,
        data: {
          source: `the '${field}' field, which this file wipes elsewhere`,
          how: d.how,
          wipe: `${target}.fill(0)`,
        },
      });
    }
    for (const d of this.drops) {
      const source =
        (!d.reassigned || d.reassigned.holderKnown ? keyHolders.get(d.mapKey ?? d.key) : undefined) ??
        // `delete unlockedKeys[id]` where `unlockedKeys: Record<string, Uint8Array>` holds keys.
        (d.mapKey === undefined && d.holderKey !== undefined ? keyHolders.get(d.holderKey) : undefined) ??
        (d.mapKey || notBytes.has(d.key)
          ? undefined
          : (sources.droppedKeySource(d.target) ?? namedKeyHolder(d.target) ?? keyNamedOrigin(d.target, sourceCode))) ??
        (d.collection !== undefined && wiped.has(d.collection)
          ? `the '${d.collection}' collection, whose keys this file wipes elsewhere`
          : undefined) ??
        // `delete sessionKeys[id]`, `privateKeys.delete(id)`: a collection whose name says it holds keys, or whose
        // elements the file uses as keys (`createCipheriv(alg, keys.get(v)!, iv)`).
        (!d.reassigned && d.holder && !this.holdsNoBytes(d, typeHoldsNoBytes, sourceCode)
          ? (namedKeyCollection(d.holder) ?? sources.elementKeySource(d.holder))
          : undefined);
      if (!source || wipedBefore(d, wipesSeen)) continue;
      const target = sourceCode.getText(d.target);
      // A whole collection dropped (`clear()`, `= []`, `filter`) needs each element wiped, one element its own.
      const whole = d.mapKey !== undefined && !/\.(?:delete|del|splice|shift|pop)\(\)$/.test(d.how);
      const wipe = /expose|loadSecret/.test(source)
        ? 'wipe() on the handle'
        : whole
          ? `fill(0) on each element of ${target}`
          : `${target}${d.mapKey !== undefined ? '.get(…)' : ''}.fill(0)`;
      out.push({
        node: d.node,
        target: d.target,
        fromCollection: d.mapKey !== undefined,
        data: { source, how: d.how, wipe },
      });
    }
    return out;
  }
}

/**
 * A wipe of the dropped key (or of a value got from the dropped map) earlier in the same function, or in the same
 * `forEach` callback (`const p = m[k]; p.fill(0); delete m[k];`).
 */
function wipedBefore(d: Drop, wipesSeen: readonly Wipe[]): boolean {
  const owner = d.collection === undefined ? undefined : ownerOf(d.collection);
  return wipesSeen.some(
    (w) =>
      w.start < d.node.range[0] &&
      (w.fn === d.fn || (w.inner !== undefined && w.inner === d.fn)) &&
      w.keys.some(
        (k) =>
          k === d.key ||
          k.startsWith(`text:${d.text}.`) ||
          (d.mapText !== undefined &&
            (k.startsWith(`text:${d.mapText}.get(`) ||
              k.startsWith(`text:${d.mapText}[`) ||
              k === `holder:${d.mapText}`)) ||
          // `for (const [id, s] of Object.entries(this.keys)) { s.secret.fill(0); delete this.keys[id]; }`: the
          // entries wiped in a walk of the collection they are dropped from; and `const e = this.byKid.get(kid);
          // e.secret.fill(0); this.entries = this.entries.filter((x) => x.kid !== kid)`: the entry read by the key
          // the drop names, from that collection or a sibling index of the same owner.
          (d.collection !== undefined &&
            /^(?:holder|element):/.test(k) &&
            (w.lookup === undefined
              ? k.endsWith(`:${d.collection}`) && k.startsWith('holder:')
              : namesKey(d.nodeText, w.lookup) &&
                (k.endsWith(`:${d.collection}`) ||
                  (owner !== undefined && ownerOf(k.replace(/^\w+:/, '')) === owner)))),
      ),
  );
}

/** Whether a drop's text names the lookup key (`kid` in `delete this.keys[kid]`, `(x) => x.kid !== kid`). */
function namesKey(text: string, lookup: string): boolean {
  return new RegExp(`(?<![\\w$.])${escapeRegExp(lookup)}(?![\\w$])`).test(text);
}

/** `this.byKid` → `this`: the object a member collection belongs to, or undefined for a bare binding. */
function ownerOf(text: string): string | undefined {
  const m = /^(.+)\.[\w$#]+$/s.exec(text);
  return m?.[1];
}

/**
 * `this.chainKey = hmac(this.chainKey)`, `root = next` after `const next = hkdf(…, root, …)`: a key replaced
 * by a value computed from it (a ratchet step), so the old bytes are dropped while still live. The rule asks
 * this only of a declared key holder (`private chainKey: Buffer`): `key = createPrivateKey(key)` changes a
 * key's representation, it does not replace it. `scopeOf`
 * is the scope lookup for a binding's single initialiser.
 */
export function derivedFromItself(
  node: TSESTree.AssignmentExpression,
  normText: (n: TSESTree.Node) => string,
  scopeOf: (n: TSESTree.Node) => TSESLint.Scope.Scope,
): boolean {
  const left = node.left;
  if (left.type !== T.Identifier && (left.type !== T.MemberExpression || left.computed)) return false;
  const l = normText(left);
  const right = unwrap(node.right);
  const init = right.type === T.Identifier ? constInitOf(right, scopeOf(right)) : right;
  const from = init && unwrap(init);
  const call = from?.type === T.AwaitExpression ? unwrap(from.argument) : from;
  if (!from || (call?.type !== T.CallExpression && call?.type !== T.NewExpression)) return false;
  const text = normText(from);
  if (!text.includes('(') || text === l) return false;
  // `this.entries = this.entries.filter(…)`: a method of the holder itself picks elements, it derives no key.
  const callee = unwrap(call.callee);
  if (callee.type === T.MemberExpression && normText(callee.object) === l) return false;
  return new RegExp(`(?<![\\w$.])${escapeRegExp(l)}(?![\\w$])`).test(text);
}

/** `null`, `undefined`, `void 0`: what a holder is set to when its value is released. */
export function isNullish(n: TSESTree.Node): boolean {
  return (
    (n.type === T.Literal && n.value === null) ||
    (n.type === T.Identifier && n.name === 'undefined') ||
    (n.type === T.UnaryExpression && n.operator === 'void')
  );
}

/** `const tmp = this.keys; this.keys = [];`: the elements moved to a local first, so emptying drops nothing. */
export function swappedOut(node: TSESTree.AssignmentExpression, normText: (n: TSESTree.Node) => string): boolean {
  const stmt = node.parent;
  const block = stmt?.parent;
  if (stmt?.type !== T.ExpressionStatement || (block?.type !== T.BlockStatement && block?.type !== T.Program))
    return false;
  const before = block.body[block.body.indexOf(stmt) - 1];
  const left = normText(node.left);
  return (
    before?.type === T.VariableDeclaration &&
    before.declarations.some((d) => d.init !== null && d.init !== undefined && normText(d.init) === left)
  );
}

/**
 * `new Uint8Array(0)`, `Buffer.alloc(0)`, `new Uint8Array([])`: empty; `new Uint8Array(32)`, `Buffer.alloc(n)`:
 * sized.
 */
function freshBytes(n: TSESTree.Node): 'empty' | 'sized' | undefined {
  const u = unwrap(n);
  if (u.type !== T.NewExpression && u.type !== T.CallExpression) return undefined;
  const name = calleeName(u.callee);
  const typed = u.type === T.NewExpression && /^(?:Uint8Array|ArrayBuffer)$/.test(name ?? '');
  const alloc = u.type === T.CallExpression && /^(?:alloc|allocUnsafe)$/.test(name ?? '');
  const callee = unwrap(u.callee);
  if (!typed && !(alloc && callee.type === T.MemberExpression && calleeName(callee.object) === 'Buffer'))
    return undefined;
  const a = u.arguments[0];
  if (!a) return 'empty';
  const arg = unwrap(a);
  if (staticNumber(arg) === 0 || (arg.type === T.ArrayExpression && arg.elements.length === 0)) return 'empty';
  return arg.type === T.ArrayExpression ? undefined : 'sized';
}

/**
 * `this.privateKey = new Uint8Array(0)`, `seed = Buffer.alloc(0)`: a key holder replaced by an empty buffer drops
 * its old bytes unwiped; so does one replaced by a fresh zero buffer inside a method that releases what its object
 * holds (`lock()`, `logout()`). Elsewhere a fresh buffer is made ready to be filled; in a constructor the holder
 * held nothing yet. How the message names the drop, or undefined.
 */
export function freshReplacement(node: TSESTree.AssignmentExpression, text: string): string | undefined {
  const fresh = freshBytes(node.right);
  if (!fresh) return undefined;
  const fn = enclosingFunction(node);
  if (fn?.parent?.type === T.MethodDefinition && fn.parent.kind === 'constructor') return undefined;
  const name = fn && functionName(fn);
  if (fresh === 'sized' && (name === undefined || !releaseMethodName.pattern.test(normaliseName(name))))
    return undefined;
  return `replaced by ${text}`;
}

/**
 * `masterKey = randomBytes(32)` in `rotate()`, where `let masterKey = randomBytes(32)` (or a field initialised, or
 * set in the constructor, with a key): the holder held a key before, and the new one replaces it without a wipe.
 * A holder first set here (lazy initialisation, `init()`), or set inside a test of itself (`if (!this.key)`),
 * held nothing. How a message names the drop, or undefined.
 */
export function rotatedOut(
  node: TSESTree.AssignmentExpression,
  sources: KeySources,
  sourceCode: TSESLint.SourceCode,
): string | undefined {
  const left = node.left;
  // Cheap checks first: a new key is made by a call (`randomBytes(32)`, `await deriveKey(…)`).
  let right = unwrap(node.right);
  if (right.type === T.AwaitExpression) right = unwrap(right.argument);
  if (node.operator !== '=' || (right.type !== T.CallExpression && right.type !== T.NewExpression)) return undefined;
  const name = left.type === T.Identifier ? left.name : left.type === T.MemberExpression ? propertyName(left) : '';
  const source = name === undefined ? undefined : sources.keySource(node.right, name);
  if (!source || !heldKeyBefore(node, sources, sourceCode)) return undefined;
  const target = sourceCode.getText(left);
  if (handedOn(node, target, sourceCode)) return undefined;
  for (let p: TSESTree.Node | undefined = node.parent; p && !isFunctionNode(p); p = p.parent)
    if ((p.type === T.IfStatement || p.type === T.ConditionalExpression) && sourceCode.getText(p.test).includes(target))
      return undefined;
  return `replaced by a new key from ${source}`;
}

/**
 * The old key was kept before it was replaced, in a statement of the same block: `this.keys.push(this.active)`,
 * `this.previous = this.active`, `const old = this.active` (a keyring keeps retired keys to decrypt old data).
 */
function handedOn(node: TSESTree.AssignmentExpression, target: string, sc: TSESLint.SourceCode): boolean {
  const stmt = node.parent;
  const block = stmt?.parent;
  if (stmt?.type !== T.ExpressionStatement || (block?.type !== T.BlockStatement && block?.type !== T.Program))
    return false;
  const kept = new RegExp(`[(,=[]\\s*${escapeRegExp(target)}\\s*[),;\\]]`);
  return block.body.slice(0, block.body.indexOf(stmt)).some((b) => kept.test(sc.getText(b)));
}

/** The assignment's target was given a key before: a declared initialiser, a field initialiser, the constructor. */
function heldKeyBefore(node: TSESTree.AssignmentExpression, sources: KeySources, sc: TSESLint.SourceCode): boolean {
  const left = unwrap(node.left);
  const fn = enclosingFunction(node);
  if (left.type === T.Identifier) {
    const decl = findVariable(sc.getScope(left), left)?.defs[0]?.node;
    if (decl?.type !== T.VariableDeclarator || !decl.init || enclosingFunction(decl) === fn) return false;
    return sources.keySource(decl.init, left.name) !== undefined;
  }
  if (left.type !== T.MemberExpression || unwrap(left.object).type !== T.ThisExpression) return false;
  const key = propertyName(left);
  const cls = enclosingClass(node);
  if (!cls || key === undefined) return false;
  return thisWrites(cls, key, sc.visitorKeys).some((w) => {
    if (w === node.right) return false;
    const at = enclosingFunction(w);
    const initial = !at || (at.parent?.type === T.MethodDefinition && at.parent.kind === 'constructor');
    return initial && at !== fn && sources.keySource(w, key) !== undefined;
  });
}

/**
 * `let rx = sodium.from_hex(rxKeyHex)`, `let tx: Uint8Array | null = txKey`: a binding whose declared value is a
 * key-named value, directly or decoded (`Buffer.from`, `from_hex`, `hexToBytes`), holds that key under a name
 * that does not say so. How a message names it, or undefined.
 */
function keyNamedOrigin(target: TSESTree.Node, sourceCode: TSESLint.SourceCode): string | undefined {
  const t = unwrap(target);
  if (t.type !== T.Identifier) return undefined;
  const def = findVariable(sourceCode.getScope(t), t)?.defs[0];
  const decl = def?.node;
  if (decl?.type !== T.VariableDeclarator || decl.id.type !== T.Identifier || !decl.init) return undefined;
  let from = unwrap(decl.init);
  if (from.type === T.CallExpression && from.arguments[0] && from.arguments[0].type !== T.SpreadElement) {
    const callee = sourceCode.getText(from.callee).replace(/\s+/g, '');
    if (callee !== 'Buffer.from' && !literalDecoders.pattern.test(callee)) return undefined;
    from = unwrap(from.arguments[0]);
  }
  const name =
    from.type === T.Identifier ? from.name : from.type === T.MemberExpression ? propertyName(from) : undefined;
  if (name === undefined || name === t.name || !isKeyMaterialName(name, false)) return undefined;
  return `'${name}' (held as '${t.name}')`;
}

/** `a` and `b` sit in the two branches of one if statement or conditional: one runs, never both. */
function inOtherBranches(a: TSESTree.Node, b: TSESTree.Node): boolean {
  const above = new Set<TSESTree.Node>();
  for (let p: TSESTree.Node | undefined = a; p; p = p.parent) above.add(p);
  let child: TSESTree.Node = b;
  let lca = b.parent;
  while (lca && !above.has(lca)) [child, lca] = [lca, lca.parent];
  if (lca?.type !== T.IfStatement && lca?.type !== T.ConditionalExpression) return false;
  const branches: (TSESTree.Node | null)[] = [lca.consequent, lca.alternate];
  return branches.includes(child) && branches.some((x) => x !== child && x !== null && above.has(x));
}

/**
 * `let key: Buffer;` then `key = Buffer.alloc(0)` in one branch and `key = info.key` in the other: no write to the
 * binding can reach this assignment (none earlier, unless in the other branch of an if or conditional; none in a
 * closure; no loop around it inside the binding's scope), so the binding held nothing and nothing is dropped.
 */
export function firstWrite(node: TSESTree.AssignmentExpression, scope: Scope): boolean {
  const left = node.left;
  if (left.type !== T.Identifier) return false;
  const v = findVariable(scope, left);
  const decl = v?.defs.length === 1 ? v.defs[0]!.node : undefined;
  if (!v || decl?.type !== T.VariableDeclarator || decl.init || decl.parent.parent.type !== T.BlockStatement)
    return false;
  const fn = enclosingFunction(decl);
  if (enclosingFunction(node) !== fn) return false;
  const holds = (p: TSESTree.Node): boolean => p.range[0] <= decl.range[0] && decl.range[1] <= p.range[1];
  for (let p: TSESTree.Node | undefined = node.parent; p && !holds(p); p = p.parent)
    if (loopStatements.has(p.type)) return false;
  return v.references.every((r) => {
    const id = r.identifier;
    if (id === left || !r.isWrite()) return true;
    if (enclosingFunction(id) !== fn) return false;
    return id.range[0] > node.range[0] || inOtherBranches(id, node);
  });
}
