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
import { isFunctionNode, unwrap } from './ast.js';

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

/** A call that matches an anchored pattern against a value (`/^[./0-9A-Za-z]{13}$/.test(hash)`). */
function anchoredMatchOf(test: TSESTree.Node): TSESTree.Node | undefined {
  const c = unwrap(test);
  if (c.type !== T.CallExpression || c.callee.type !== T.MemberExpression || c.callee.computed) return undefined;
  const re = unwrap(c.callee.object);
  if (c.callee.property.type !== T.Identifier || c.callee.property.name !== 'test') return undefined;
  if (re.type !== T.Literal || !('regex' in re) || !re.regex.pattern.startsWith('^')) return undefined;
  return c.arguments[0];
}

/**
 * Whether `prop` is part of a recogniser's verdict: a member of an object literal the function returns when an
 * anchored pattern matches one of its parameters (`if (/^[./0-9A-Za-z]{13}$/.test(hash)) return { algo: 'des' }`).
 * The name says what an existing value is (a DES-crypt hash to verify and rehash), not what to make; a choice that
 * depends on a setting (`if (/^legacy/.test(process.env.MODE))`) is no verdict on the function's input.
 */
export function isRecognisedVerdict(prop: TSESTree.Property): boolean {
  const obj = prop.parent;
  let at: TSESTree.Node = obj;
  let matched: TSESTree.Node | undefined;
  let returned = false;
  for (let p: TSESTree.Node | undefined = obj.parent; p && !isFunctionNode(p); at = p, p = p.parent) {
    const guard = (p.type === T.IfStatement || p.type === T.ConditionalExpression) && at === p.consequent;
    if ((p.type === T.IfStatement || p.type === T.ConditionalExpression) && guard && matched === undefined)
      matched = anchoredMatchOf(p.test);
    if (p.type === T.ReturnStatement) returned = true;
    else if (!guard && p.type !== T.BlockStatement) return false;
  }
  const fn = at.parent;
  if (!fn || !isFunctionNode(fn) || matched?.type !== T.Identifier) return false;
  if (!returned && !(fn.type === T.ArrowFunctionExpression && fn.body === at)) return false;
  const name = matched.name;
  return fn.params.some((p) => p.type === T.Identifier && p.name === name);
}
