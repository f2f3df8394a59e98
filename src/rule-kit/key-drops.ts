/**
 * Key material released without a wipe (`x = null`, `delete x.k`, `map.delete(id)`, `cache = {}`): each drop is
 * recorded where it happens and judged at the end of the file, when every holder and every wipe is known.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { constInitOf, enclosingFunction, unwrap, type FunctionNode } from './ast.js';
import type { KeySources } from './key-sources.js';
import { namedKeyHolder } from './key-holders.js';
import type { Wipe } from './wipes.js';
import { escapeRegExp } from './regexp.js';

/** `x = null`, `delete x.k`, `map.delete(id)`: key material released, decided at the end of the file. */
interface Drop {
  readonly node: TSESTree.Node;
  readonly target: TSESTree.Node;
  readonly key: string;
  /** For `map.delete(id)`: the map's identity, and its text (whose `get(…)` results count as wiped aliases). */
  readonly mapKey?: string;
  readonly mapText?: string;
  readonly fn: FunctionNode | undefined;
  readonly how: string;
  /** The collection an element is dropped from (`cache` in `delete cache[id]`, `cache.delete(id)`). */
  readonly collection?: string;
}

/** A drop of key material that no earlier wipe in the same function covers, with its message data. */
interface UnwipedDrop {
  readonly node: TSESTree.Node;
  readonly data: { readonly source: string; readonly how: string; readonly wipe: string };
}

/** How a message names a declared key holder: `the 'keys' key map`, `the 'secret' field`. */
export function holderTitle(name: string, held: 'collection' | 'value', what: string): string {
  return `the '${name}' ${held === 'collection' ? 'key map' : what}`;
}

/** One file's drops, in source order. */
export class KeyDrops {
  private readonly drops: Drop[] = [];

  constructor(
    private readonly identity: (expr: TSESTree.Node) => string,
    private readonly normText: (n: TSESTree.Node) => string,
  ) {}

  add(node: TSESTree.Node, target: TSESTree.Node, how: string, mapKey?: string): void {
    const mapText = mapKey === undefined ? undefined : this.normText(target);
    const map = mapKey === undefined ? {} : { mapKey, mapText };
    const t = unwrap(target);
    const collection = mapText ?? (t.type === T.MemberExpression && t.computed ? this.normText(t.object) : undefined);
    const fn = enclosingFunction(node);
    this.drops.push({
      node,
      target,
      key: this.identity(target),
      fn,
      how,
      ...map,
      ...(collection ? { collection } : {}),
    });
  }

  /**
   * The drops of key material (a known holder, a key source, or a name that says key) with no wipe before them
   * in the same function, in source order. `notBytes`: identities declared with a non-byte type (`string`).
   */
  unwiped(
    keyHolders: ReadonlyMap<string, string>,
    wipesSeen: readonly Wipe[],
    sources: KeySources,
    sourceCode: TSESLint.SourceCode,
    notBytes: ReadonlySet<string> = new Set(),
  ): UnwipedDrop[] {
    const out: UnwipedDrop[] = [];
    // Collections whose elements this file wipes somewhere (`for (const b of cache.values()) b.fill(0)`).
    const wiped = new Set(
      wipesSeen
        .filter((w) => w.bytes)
        .flatMap((w) => w.keys.filter((k) => k.startsWith('holder:')).map((k) => k.slice(7))),
    );
    for (const d of this.drops) {
      const source =
        keyHolders.get(d.mapKey ?? d.key) ??
        (d.mapKey || notBytes.has(d.key)
          ? undefined
          : (sources.droppedKeySource(d.target) ?? namedKeyHolder(d.target))) ??
        (d.collection !== undefined && wiped.has(d.collection)
          ? `the '${d.collection}' collection, whose keys this file wipes elsewhere`
          : undefined);
      if (!source || wipedBefore(d, wipesSeen)) continue;
      const target = sourceCode.getText(d.target);
      const wipe = /expose|loadSecret/.test(source)
        ? 'wipe() on the handle'
        : `${target}${d.mapKey !== undefined ? '.get(…)' : ''}.fill(0)`;
      out.push({ node: d.node, data: { source, how: d.how, wipe } });
    }
    return out;
  }
}

/** A wipe of the dropped key (or of a value got from the dropped map) earlier in the same function. */
function wipedBefore(d: Drop, wipesSeen: readonly Wipe[]): boolean {
  return wipesSeen.some(
    (w) =>
      w.start < d.node.range[0] &&
      w.fn === d.fn &&
      w.keys.some(
        (k) =>
          k === d.key ||
          (d.mapText !== undefined &&
            (k.startsWith(`text:${d.mapText}.get(`) ||
              k.startsWith(`text:${d.mapText}[`) ||
              k === `holder:${d.mapText}`)),
      ),
  );
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
