/**
 * Decoding tables of a published registry: an object keyed by numeric ids whose values are the registry's
 * symbolic names, all in one namespace (`{ 0x0006: 'HW_ALG_AES', 0x0044: 'HW_ALG_ECB' }`). Such a table turns an id
 * read from a structure (an attestation, a key blob, a packet) into a name; it selects nothing, so a weak name in it
 * is no choice. The line is drawn at the namespace: a version → algorithm table of versioned ciphertext holds names
 * an API takes (`{ 1: 'des-ede3-cbc', 2: 'aes-256-gcm' }`), shares no prefix, and stays a choice: the old version
 * still decrypts with the weak cipher.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { isConstantCaseName } from '../detect/names.js';

/** An id key: a number (`0x0044`, `7`) or a string of digits (`'-7'`, `'68'`). */
const isIdKey = (p: TSESTree.Property): boolean =>
  !p.computed &&
  p.key.type === T.Literal &&
  (typeof p.key.value === 'number' || (typeof p.key.value === 'string' && /^-?\d+$/.test(p.key.value)));

/** The namespace every name shares, up to and including its last common `_` (`'HW_ALG_'`), or ''. */
function sharedNamespace(names: readonly string[]): string {
  let prefix = names[0] ?? '';
  for (const n of names) while (!n.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix.slice(0, prefix.lastIndexOf('_') + 1);
}

/**
 * Whether `prop` is a member of an id → name decoding table: every member of its object has an id key and a
 * symbolic name of one shared namespace as its value, and there are at least two members.
 */
export function isDecodedName(prop: TSESTree.Property): boolean {
  const obj = prop.parent;
  if (obj.type !== T.ObjectExpression || obj.properties.length < 2) return false;
  const names: string[] = [];
  for (const p of obj.properties) {
    if (p.type !== T.Property || !isIdKey(p) || p.value.type !== T.Literal) return false;
    const v = p.value.value;
    if (typeof v !== 'string' || !isConstantCaseName(v)) return false;
    names.push(v);
  }
  return sharedNamespace(names).length > 1;
}
