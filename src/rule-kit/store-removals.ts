/**
 * Items holding key material removed from a key-value store that keeps them in plaintext files (AsyncStorage,
 * localStorage, electron-store; catalogue `plaintextStoreRemovals`): `AsyncStorage.removeItem('wallet_private_key')`.
 * The item's name, a literal or a `const`, must say key material (a private or secret key, a seed, a mnemonic):
 * sessions, tokens and preferences are removed from such stores all the time and are not keys. Read by
 * no-unsafe-key-deletion.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { plaintextStoreRemovals, storeItemReads } from '../catalogue/deletion.js';
import { referenceTailName } from '../catalogue/names.js';
import { seedPhraseName } from '../catalogue/index.js';
import { normaliseName } from '../detect/names.js';
import { calleeName, derefConst, propertyName, unwrap } from './ast.js';
import { patternMatches } from './call-patterns.js';
import { isKeyMaterialName } from './key-holders.js';
import { pathText } from './path-text.js';
import type { CalleePath } from './sinks.js';

/** An item name that says key material: `signing_private_key`, `wallet.seed`, `@app/dek`. */
function keyItemName(item: string): boolean {
  const parts = item.split(/[^A-Za-z0-9_]+/).filter((p) => p.length > 0);
  const whole = normaliseName(parts.join('_'));
  const last = parts.at(-1);
  return (
    seedPhraseName.pattern.test(whole) ||
    isKeyMaterialName(whole, false) ||
    (last !== undefined && parts.length > 1 && isKeyMaterialName(last, false))
  );
}

/** The argument naming the item, or its `property` when the API takes an options object (`remove({ key })`). */
function itemOf(
  arg: TSESTree.CallExpressionArgument | undefined,
  property: string | undefined,
): TSESTree.Node | undefined {
  if (!arg || property === undefined) return arg;
  const obj = unwrap(arg);
  if (obj.type !== T.ObjectExpression) return undefined;
  const p = obj.properties.find((q): q is TSESTree.Property => q.type === T.Property && propertyName(q) === property);
  return p?.value;
}

/**
 * Whether the store the removal is called on was made, in this file, with the constructor option `option` in its
 * first argument (`new MMKV({ id, encryptionKey })`): such a store is encrypted.
 */
function madeWith(
  call: TSESTree.CallExpression,
  option: string,
  getScope: (n: TSESTree.Node) => TSESLint.Scope.Scope,
): boolean {
  const callee = unwrap(call.callee);
  const recv = callee.type === T.MemberExpression ? derefConst(callee.object, getScope) : undefined;
  if (recv?.type !== T.NewExpression && recv?.type !== T.CallExpression) return false;
  const obj = derefConst(recv.arguments[0], getScope);
  return (
    obj?.type === T.ObjectExpression && obj.properties.some((q) => q.type === T.Property && propertyName(q) === option)
  );
}

/** The removal call's API title and the key item it removes, or undefined. */
function removedKeyItem(
  call: TSESTree.CallExpression,
  cp: CalleePath,
  getScope: (n: TSESTree.Node) => TSESLint.Scope.Scope,
): { readonly api: string; readonly item: string } | undefined {
  const api = plaintextStoreRemovals.find((p) => patternMatches(p, cp));
  const arg = api && itemOf(call.arguments[api.itemArg], api.itemProperty);
  if (!api || !arg || arg.type === T.SpreadElement) return undefined;
  if (api.encryptedBy !== undefined && madeWith(call, api.encryptedBy, getScope)) return undefined;
  const entries = arg.type === T.ArrayExpression ? arg.elements : [arg];
  for (const e of entries) {
    if (!e || e.type === T.SpreadElement) continue;
    const text = pathText(e, getScope);
    if (text !== '*' && keyItemName(text.replace(/\*/g, ''))) return { api: api.title, item: text };
  }
  return undefined;
}

/**
 * Store items in one file: the key items it removes (`removedKeyItem`), and the names it binds items to when it
 * reads them back (`const walletId = await AsyncStorage.getItem(K)`). A removed item whose reads bind it to a name
 * saying id, alias, name or path (catalogue `referenceTailName`), and never to a key-material name, holds a
 * reference: `SELECTED_WALLET_KEY` names where the selected wallet's id is kept, and removing it releases no key.
 * An item never read back is judged by its name alone. Removals are reported at the end of the file.
 */
export class StoreItems {
  private readonly byItem = new Map<string, string[]>();
  private readonly removals: [TSESTree.CallExpression, { readonly api: string; readonly item: string }][] = [];

  /** Records a read call bound to a name, or a removal of a key item (then true). */
  see(
    call: TSESTree.CallExpression,
    cp: CalleePath | undefined,
    getScope: (n: TSESTree.Node) => TSESLint.Scope.Scope,
  ): boolean {
    const removed = cp && removedKeyItem(call, cp, getScope);
    if (removed) {
      this.removals.push([call, removed]);
      return true;
    }
    const arg = call.arguments[0];
    if (!arg || arg.type === T.SpreadElement || !storeItemReads.test(calleeName(call.callee) ?? '')) return false;
    let p: TSESTree.Node | undefined = call.parent;
    while (p && (p.type === T.AwaitExpression || p.type === T.TSAsExpression || p.type === T.TSNonNullExpression))
      p = p.parent;
    const bound =
      p?.type === T.VariableDeclarator && p.id.type === T.Identifier
        ? p.id.name
        : p?.type === T.AssignmentExpression && unwrap(p.left).type === T.Identifier
          ? (unwrap(p.left) as TSESTree.Identifier).name
          : undefined;
    if (bound === undefined) return false;
    const item = pathText(arg, getScope);
    this.byItem.set(item, [...(this.byItem.get(item) ?? []), normaliseName(bound)]);
    return false;
  }

  /** Reports the removals whose item the file does not read back only as a reference. */
  flush(report: (node: TSESTree.CallExpression, data: { readonly api: string; readonly item: string }) => void): void {
    for (const [node, data] of this.removals) {
      const names = this.byItem.get(data.item) ?? [];
      const reference =
        names.some((n) => referenceTailName.pattern.test(n)) && !names.some((n) => isKeyMaterialName(n, false));
      if (!reference) report(node, data);
    }
  }
}
