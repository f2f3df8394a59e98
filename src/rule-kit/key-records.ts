/**
 * Records that hold key bytes, declared in the file: an interface or object type alias with a member whose
 * name says key material and whose type is a byte type (`interface KeyEntry { kid: string; key: Buffer }`,
 * `type Sess = { rootKey: Uint8Array }`), or the same as an inline type literal. A collection of such
 * records (`new Map<string, KeyEntry>()`, `Sess[]`) is a key holder under any name, and a key member of a
 * binding typed with one (`conn.key = undefined` where `conn: Conn`) is a key field. Read by
 * no-unsafe-key-deletion; only top-level declarations are looked at (one pass over the program body).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyHandleTypes } from '../catalogue/deletion.js';
import { collectionClasses } from '../catalogue/index.js';
import { findVariable, propertyName, unwrap } from './ast.js';
import { isBytesType, isKeyMaterialName } from './key-holders.js';

/** Key-holding members of each record type declared at the top of a file, by type name. */
export type KeyRecords = ReadonlyMap<string, ReadonlySet<string>>;

/** The members of a type literal or interface body that hold key bytes (`rootKey: Buffer`). */
function keyMembers(members: readonly TSESTree.TypeElement[]): Set<string> {
  const out = new Set<string>();
  for (const m of members) {
    if (m.type !== T.TSPropertySignature || m.computed) continue;
    const name = m.key.type === T.Identifier ? m.key.name : m.key.type === T.Literal ? String(m.key.value) : undefined;
    // A byte-typed member needs no long name to say it is a key: `priv`, `sk` (libsodium, noble) say it too.
    const keyName = name !== undefined && (isKeyMaterialName(name) || /^(?:priv|privkey|sk|seckey)$/i.test(name));
    const t = m.typeAnnotation?.typeAnnotation;
    if (keyName && isBytesType(t) && !mayBeHandle(t)) out.add(name);
  }
  return out;
}

/**
 * `key: CryptoKey | Uint8Array` (what jose's `importJWK` returns): the member may hold a handle whose bytes live
 * in the crypto engine, and the file cannot say which; only a member typed as bytes alone is read as key bytes.
 */
function mayBeHandle(t: TSESTree.TypeNode | undefined): boolean {
  return (
    t?.type === T.TSUnionType &&
    t.types.some(
      (u) =>
        u.type === T.TSTypeReference && u.typeName.type === T.Identifier && keyHandleTypes.names.has(u.typeName.name),
    )
  );
}

/** The file's top-level interfaces and object type aliases that have at least one key-bytes member. */
export function keyRecordsOf(program: TSESTree.Program): KeyRecords {
  const out = new Map<string, ReadonlySet<string>>();
  for (const s of program.body) {
    const d = s.type === T.ExportNamedDeclaration && s.declaration ? s.declaration : s;
    const members =
      d.type === T.TSInterfaceDeclaration
        ? keyMembers(d.body.body)
        : d.type === T.TSTypeAliasDeclaration && d.typeAnnotation.type === T.TSTypeLiteral
          ? keyMembers(d.typeAnnotation.members)
          : undefined;
    if (members?.size)
      out.set(d.type === T.TSInterfaceDeclaration ? d.id.name : (d as { id: TSESTree.Identifier }).id.name, members);
  }
  return out;
}

/** The key-bytes members of a record type: a declared record by name, or an inline type literal. */
function recordKeys(t: TSESTree.TypeNode | undefined, records: KeyRecords): ReadonlySet<string> | undefined {
  if (!t) return undefined;
  if (t.type === T.TSTypeLiteral) {
    const m = keyMembers(t.members);
    return m.size ? m : undefined;
  }
  if (t.type === T.TSUnionType) return t.types.map((u) => recordKeys(u, records)).find((m) => m !== undefined);
  return t.type === T.TSTypeReference && t.typeName.type === T.Identifier ? records.get(t.typeName.name) : undefined;
}

/** `Map<string, KeyEntry>`, `KeyEntry[]`, `Array<{ key: Buffer }>`: a collection type of key records. */
function isRecordCollection(t: TSESTree.TypeNode | undefined, records: KeyRecords): boolean {
  if (!t) return false;
  if (t.type === T.TSArrayType) return recordKeys(t.elementType, records) !== undefined;
  if (t.type !== T.TSTypeReference || t.typeName.type !== T.Identifier || !collectionClasses.names.has(t.typeName.name))
    return false;
  const args = t.typeArguments?.params ?? [];
  return args.length > 0 && recordKeys(args[args.length - 1], records) !== undefined;
}

/**
 * A declaration (annotation and initialiser) that is a collection of key records: `sessions: Map<string,
 * Sess>`, `new Map<string, { rootKey: Buffer }>()`.
 */
export function declaredKeyRecordCollection(
  annotation: TSESTree.TypeNode | undefined,
  init: TSESTree.Node | null | undefined,
  records: KeyRecords,
): boolean {
  if (isRecordCollection(annotation, records)) return true;
  const n = init && unwrap(init);
  if (n?.type !== T.NewExpression || n.callee.type !== T.Identifier || !collectionClasses.names.has(n.callee.name))
    return false;
  const args = n.typeArguments?.params ?? [];
  return args.length > 0 && recordKeys(args[args.length - 1], records) !== undefined;
}

/**
 * `conn.key` where `conn` is a binding or parameter declared with a key record type whose `key` member holds
 * key bytes: how a message names it (`the 'key' member of Conn`), or undefined.
 */
export function keyRecordMember(
  target: TSESTree.Node,
  records: KeyRecords,
  scope: TSESLint.Scope.Scope,
): string | undefined {
  const t = unwrap(target);
  if (t.type !== T.MemberExpression || t.computed) return undefined;
  const obj = unwrap(t.object);
  const name = propertyName(t);
  if (obj.type !== T.Identifier || name === undefined) return undefined;
  const def = findVariable(scope, obj)?.defs[0];
  const id = def?.name;
  const annotation = id && id.type === T.Identifier ? id.typeAnnotation?.typeAnnotation : undefined;
  const members = recordKeys(annotation, records);
  if (!members?.has(name)) return undefined;
  const typeName =
    annotation?.type === T.TSTypeReference && annotation.typeName.type === T.Identifier
      ? annotation.typeName.name
      : 'its record type';
  return `the '${name}' member of ${typeName}`;
}

/**
 * A holder declared with one key record as its type (`active?: { id: string; priv: Uint8Array }`, `current:
 * Unlocked | null` where `Unlocked` has `signingKey: Buffer`): how a message names it, or undefined. Setting such
 * a holder to `null` drops the record's key bytes unless a key member was wiped first.
 */
export function declaredKeyRecord(
  name: string,
  annotation: TSESTree.TypeNode | undefined,
  records: KeyRecords,
): string | undefined {
  const members = recordKeys(annotation, records);
  return members ? `the '${name}' record (its ${[...members].join(', ')})` : undefined;
}
