/**
 * A collection's elements known as key material from where the file uses them (issue 11, session 34): `keys.get(v)`
 * or `memo[user]` read and passed as the key of a catalogue sink (`createCipheriv`, `createHmac`, crypto-js), directly,
 * through a binding (`const key = keys.get(v)!`), or through one helper of the same file
 * (`encryptBackup(backupKeys.get(u), data)` where `encryptBackup(key, json)` gives `key` to `createCipheriv`).
 * Strangers' code fills such collections from places the file does not show (`parseKeys(process.env.X)`, a helper
 * that hashes a password); the uses say what the elements are. Read by no-unsafe-key-deletion when an element is
 * dropped (`keys.delete(v)`, `delete memo[user]`, `cache.clear()`).
 *
 * Only the key roles count (`key`, `private-key`, `ikm`): a collection of passwords or of JWT secrets holds strings,
 * which no wipe reaches. A collection the file fills with key handles (`createSecretKey(…)`, `importKey(…)`) holds
 * nothing wipeable either.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyImports } from '../catalogue/deletion.js';
import { keyMaterialRoles } from '../catalogue/index.js';
import { enclosingClass, findVariable, isFunctionNode, propertyName, thisMembers, unwrap } from './ast.js';
import { matchCallPattern } from './call-patterns.js';
import { valueRolesOf, type RoleUse } from './flow/roles.js';
import type { ImportMap } from './imports.js';

/**
 * The first use of an element of `holder` (an identifier, or `this.name`) as key material, or undefined: no element
 * is read into a key slot, or the file stores key handles in it.
 */
export function elementKeyUse(
  holder: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  imports: ImportMap,
): RoleUse | undefined {
  const reads = holderReads(unwrap(holder), sourceCode);
  if (!reads.length) return undefined;
  const roles = valueRolesOf(sourceCode, imports);
  const getScope = (n: TSESTree.Node): TSESLint.Scope.Scope => sourceCode.getScope(n);
  const keyUse = (u: RoleUse | undefined): RoleUse | undefined =>
    u && keyMaterialRoles.names.has(u.role) ? u : undefined;
  let found: RoleUse | undefined;
  for (const r of reads) {
    const element = elementOf(r, (v) => storesHandle(v, imports, getScope));
    if (element === 'handle') return undefined;
    if (!element || found) continue;
    found =
      keyUse(roles.secretUseAt(element)) ??
      viaHelpers(element, getScope).reduce<RoleUse | undefined>(
        (u, v) => u ?? keyUse(roles.secretUseOfVariable(v)),
        undefined,
      );
  }
  return found;
}

/** The references to the holder: a binding's, or every `this.name` of its class. */
function holderReads(h: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Node[] {
  if (h.type === T.Identifier) {
    const v = findVariable(sourceCode.getScope(h), h);
    return v ? v.references.map((r) => r.identifier as TSESTree.Node) : [];
  }
  if (h.type !== T.MemberExpression || h.computed || unwrap(h.object).type !== T.ThisExpression) return [];
  const name = propertyName(h);
  const cls = name !== undefined ? enclosingClass(h) : undefined;
  return cls && name !== undefined ? thisMembers(cls, name) : [];
}

/**
 * `m.get(id)` or `m[id]` read from the holder reference `r`: the element expression; `'handle'` when the reference
 * stores a key handle (`m.set(id, createSecretKey(b))`, `m[id] = await importKey(…)`); undefined otherwise.
 */
function elementOf(
  r: TSESTree.Node,
  isHandle: (value: TSESTree.Node | undefined) => boolean,
): TSESTree.Node | 'handle' | undefined {
  const p = r.parent;
  if (p?.type !== T.MemberExpression || p.object !== r) return undefined;
  const call = p.parent?.type === T.CallExpression && p.parent.callee === p ? p.parent : undefined;
  const method = p.computed ? undefined : propertyName(p);
  if (call && method === 'set') return isHandle(call.arguments[1]) ? 'handle' : undefined;
  if (call && method === 'get') return call;
  if (!p.computed) return undefined;
  const assigned = p.parent?.type === T.AssignmentExpression && p.parent.left === p ? p.parent : undefined;
  if (assigned) return isHandle(assigned.right) ? 'handle' : undefined;
  return p.parent?.type === T.UnaryExpression && p.parent.operator === 'delete' ? undefined : p;
}

/** A value made by a catalogue key import (a `KeyObject`, a `CryptoKey`), possibly awaited. */
function storesHandle(
  value: TSESTree.Node | undefined,
  imports: ImportMap,
  getScope: (n: TSESTree.Node) => TSESLint.Scope.Scope,
): boolean {
  if (!value || value.type === T.SpreadElement) return false;
  let v = unwrap(value);
  if (v.type === T.AwaitExpression) v = unwrap(v.argument);
  if (v.type !== T.CallExpression && v.type !== T.NewExpression) return false;
  return matchCallPattern(v, imports, getScope(v), keyImports) !== undefined;
}

/**
 * The parameters of this file's helpers that the element reaches as an argument, directly
 * (`encryptBackup(m.get(u), d)`) or through the binding it initialises (`const k = m.get(u); encryptBackup(k, d)`).
 */
function viaHelpers(element: TSESTree.Node, getScope: (n: TSESTree.Node) => TSESLint.Scope.Scope) {
  let value = element;
  while (value.parent?.type === T.TSNonNullExpression || value.parent?.type === T.TSAsExpression) value = value.parent;
  const decl = value.parent;
  const bound =
    decl?.type === T.VariableDeclarator && decl.init === value && decl.id.type === T.Identifier
      ? findVariable(getScope(decl), decl.id)
      : undefined;
  const uses = bound ? bound.references.filter((r) => r.isRead()).map((r) => r.identifier as TSESTree.Node) : [value];
  const out: TSESLint.Scope.Variable[] = [];
  for (const u of uses) {
    const call = u.parent;
    if (call?.type !== T.CallExpression || call.callee.type !== T.Identifier) continue;
    const at = call.arguments.indexOf(u as TSESTree.Expression);
    const def = findVariable(getScope(call), call.callee)?.defs[0]?.node;
    const fn = def?.type === T.VariableDeclarator ? (def.init ?? undefined) : def;
    const param = fn && isFunctionNode(fn) && at >= 0 ? fn.params[at] : undefined;
    const v = param?.type === T.Identifier ? findVariable(getScope(fn!), param) : undefined;
    if (v) out.push(v);
  }
  return out;
}
