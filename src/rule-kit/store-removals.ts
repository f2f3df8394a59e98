/**
 * Items holding key material removed from a key-value store that keeps them in plaintext files (AsyncStorage,
 * localStorage, electron-store; catalogue `plaintextStoreRemovals`): `AsyncStorage.removeItem('wallet_private_key')`.
 * The item's name, a literal or a `const`, must say key material (a private or secret key, a seed, a mnemonic):
 * sessions, tokens and preferences are removed from such stores all the time and are not keys. Read by
 * no-unsafe-key-deletion.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { plaintextStoreRemovals } from '../catalogue/deletion.js';
import { normaliseName } from '../detect/names.js';
import { patternMatches } from './call-patterns.js';
import { isKeyMaterialName } from './key-holders.js';
import { pathText } from './path-text.js';
import type { CalleePath } from './sinks.js';

/** Seed phrases and mnemonics: not key names to the key lexicon, key material all the same. */
const PHRASE = /(?:^|_)(?:mnemonic|seed_phrase|recovery_phrase|seed_words|secret_phrase)(?:_|$)/;

/** An item name that says key material: `signing_private_key`, `wallet.seed`, `@app/dek`. */
function keyItemName(item: string): boolean {
  const parts = item.split(/[^A-Za-z0-9_]+/).filter((p) => p.length > 0);
  const whole = normaliseName(parts.join('_'));
  const last = parts.at(-1);
  return (
    PHRASE.test(whole) ||
    isKeyMaterialName(whole, false) ||
    (last !== undefined && parts.length > 1 && isKeyMaterialName(last, false))
  );
}

/** The removal call's API title and the key item it removes, or undefined. */
export function removedKeyItem(
  call: TSESTree.CallExpression,
  cp: CalleePath,
  getScope: (n: TSESTree.Node) => TSESLint.Scope.Scope,
): { readonly api: string; readonly item: string } | undefined {
  const api = plaintextStoreRemovals.find((p) => patternMatches(p, cp));
  const arg = api && call.arguments[api.itemArg];
  if (!api || !arg || arg.type === T.SpreadElement) return undefined;
  const entries = arg.type === T.ArrayExpression ? arg.elements : [arg];
  for (const e of entries) {
    if (!e || e.type === T.SpreadElement) continue;
    const text = pathText(e, getScope);
    if (text !== '*' && keyItemName(text.replace(/\*/g, ''))) return { api: api.title, item: text };
  }
  return undefined;
}
