/**
 * A constant used only as the name of a slot (no-hardcoded-key): every read of it in the file is a computed member or
 * property name (`prefs[VERSIONED_KEY]`, `{ [STORAGE_KEY]: v }`, `[K]?: T` in a type) or the item name handed to a
 * key-value store (`localStorage.getItem(K)`). Such a value names where something is kept, like a cache or storage
 * key, whatever its binding is called (`LAST_SEEN_KEY`) and however random it looks (a versioned name with a date).
 * A value also read any other way (sent, passed to a client, compared) is judged as before.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { propertyName, unwrap } from './ast.js';

/** Store methods whose first argument names an item (Web Storage, AsyncStorage, electron-store, localforage). */
const ITEM_METHODS: ReadonlySet<string> = new Set(['getItem', 'setItem', 'removeItem']);

/** Whether the string literal `node` is a `const` whose every read names a slot; at least one read. */
export function namesASlot(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let p: TSESTree.Node | undefined = node.parent;
  while (p && (p.type === T.TSAsExpression || p.type === T.TSSatisfiesExpression)) p = p.parent;
  if (p?.type !== T.VariableDeclarator || p.id.type !== T.Identifier || unwrap(p.init ?? p) !== node) return false;
  if (p.parent.type !== T.VariableDeclaration || p.parent.kind !== 'const') return false;
  const variable = sourceCode.getDeclaredVariables(p).find((v) => v.name === (p.id as TSESTree.Identifier).name);
  const reads = variable?.references.filter((r) => r.identifier !== p.id) ?? [];
  return reads.length > 0 && reads.every((r) => namesSlotAt(r.identifier as TSESTree.Node));
}

function namesSlotAt(id: TSESTree.Node): boolean {
  const parent = id.parent;
  if (!parent) return false;
  if (parent.type === T.MemberExpression) return parent.computed && parent.property === id;
  // `T[typeof KEY]`: a type-level read carries no value anywhere.
  if (parent.type === T.TSTypeQuery) return true;
  if (parent.type === T.Property || parent.type === T.TSPropertySignature || parent.type === T.PropertyDefinition)
    return parent.computed && parent.key === id;
  if (parent.type === T.CallExpression && parent.arguments[0] === id) {
    const callee = unwrap(parent.callee);
    const method = callee.type === T.MemberExpression ? propertyName(callee) : undefined;
    return method !== undefined && ITEM_METHODS.has(method);
  }
  return false;
}
