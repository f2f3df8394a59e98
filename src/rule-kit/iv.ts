/**
 * Small shared helpers for rules that read crypto call options and suggest node:crypto replacements:
 * an option's value, the IV size a cipher wants, and how to name a node:crypto function in this file.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils } from '@typescript-eslint/utils';
import { ivSizes } from '../catalogue/randomness.js';
import type { KeySink } from '../catalogue/types.js';
import { constInitOf, propertyName, staticString, unwrap, type Scope } from './ast.js';
import { KEYS_MODULE } from './fixes.js';
import type { ImportMap } from './imports.js';
import type { SinkHit } from './sinks.js';

/** The value of option `key` in an options-object argument (also through a const). */
export function optionValue(
  arg: TSESTree.Node | undefined | null,
  key: string,
  getScope: (n: TSESTree.Node) => Scope,
): TSESTree.Node | undefined {
  let o = arg ? unwrap(arg) : undefined;
  if (o?.type === T.Identifier) o = constInitOf(o, getScope(o)) ?? o;
  if (o?.type !== T.ObjectExpression) return undefined;
  const p = o.properties.find((q): q is TSESTree.Property => q.type === T.Property && propertyName(q) === key);
  return p?.value;
}

/** Bytes for a fresh IV of this sink (the algorithm argument decides GCM's 12 against CBC's 16). */
export function ivSizeOf(sink: KeySink, hits: readonly SinkHit[], getScope: (n: TSESTree.Node) => Scope): number {
  const algNode = hits.find((h) => h.sink === sink && h.arg.role === 'algorithm')?.node;
  const alg =
    staticString(algNode) ??
    staticString(optionValue(hits.find((h) => h.sink === sink)?.node.parent?.parent ?? undefined, 'name', getScope));
  const row = ivSizes.find(
    (r) => r.sink.test(sink.id) && (!r.algorithm || (alg !== undefined && r.algorithm.test(alg))),
  );
  return row?.bytes ?? 16;
}

/** How to call `fn` from node:crypto here: through an existing import, or with one added. */
export function nodeCryptoRef(imports: ImportMap, fn: string): { text: string; add: boolean } {
  for (const [local, b] of imports) {
    const m = b.module.replace(/^node:/, '');
    if (m !== 'crypto') continue;
    if (b.imported === '*' || b.imported === 'default') return { text: `${local}.${fn}`, add: false };
    if (b.imported === fn) return { text: local, add: false };
  }
  return { text: fn, add: true };
}

/** How to call `fn` from keyhygiene/keys here. */
export function keysRef(imports: ImportMap, fn: string): { text: string; add: boolean } {
  for (const [local, b] of imports)
    if (b.module === KEYS_MODULE && b.imported === fn) return { text: local, add: false };
  return { text: fn, add: true };
}

/** A name a replacement would introduce must not already mean something else in `scope`. */
export function freeName(name: string, scope: Scope, imports: ImportMap): boolean {
  return !ASTUtils.findVariable(scope, name) || imports.has(name);
}
