/**
 * Drops that release nothing wipeable, decided from how the dropped value is declared, produced or guarded rather
 * than from its name (no-unsafe-key-deletion). A JS string cannot be wiped: `delete state.encryptionKey` where
 * every declaration of `encryptionKey` in the file says `string` gives the user nothing to do, and neither does
 * removing a variable from an environment object (environment values are strings). A drop inside a branch that
 * runs only when the holder is empty (`if (!key) key = new Uint8Array()`) or holds no byte array
 * (`if (!(key instanceof Uint8Array)) key = …`) releases no bytes either; nor does rebinding a local that only
 * aliases a key another object still owns and uses (`let k = signer.privateKey; k = negate(k)`).
 */
import { TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyBytesTypes, keyHandleTypes } from '../catalogue/deletion.js';
import { byteFreeTypes, environmentTypes } from '../catalogue/index.js';
import { findVariable, isFunctionNode, isProcessEnv, propertyName, unwrap } from './ast.js';

/**
 * Handles whose bytes live in the platform (catalogue `keyHandleTypes`, less those a holder still releases, which
 * `keyBytesTypes` lists) and types that are never bytes (`byteFreeTypes`): derived, no list of its own.
 */
const HANDLE_TYPES: ReadonlySet<string> = new Set([
  ...[...keyHandleTypes.names].filter((n) => !keyBytesTypes.names.has(n)),
  ...byteFreeTypes.names,
]);
/** A type name whose values hold no wipeable bytes: a key handle, a primitive wrapper, a key id. */
export const isByteFreeType = (name: string): boolean => HANDLE_TYPES.has(name);
/** Byte array constructors a guard can test against (`x instanceof Uint8Array`); derived from catalogue data. */
const BYTE_CLASSES = new Set([...keyBytesTypes.names].filter((n) => n !== 'KeyObject'));

type TypeDecl = TSESTree.TSTypeAliasDeclaration | TSESTree.TSInterfaceDeclaration;

/**
 * The member declarations of one file (`encryptionKey?: string` in a state type, `#key?: CachedKey` in a class)
 * and its type declarations, read by visitor selectors so that no extra walk is needed.
 */
export class DeclaredMembers {
  private readonly members = new Map<string, (TSESTree.TypeNode | undefined)[]>();
  private readonly types = new Map<string, TypeDecl>();

  /** Visitor selectors to merge into a rule's visitor (exit selectors: no clash with the rule's own). */
  readonly visitors = {
    'TSPropertySignature:exit': (n: TSESTree.TSPropertySignature): void => {
      const name = n.computed ? undefined : keyName(n.key);
      if (name !== undefined) this.add(name, n.typeAnnotation?.typeAnnotation);
    },
    'PropertyDefinition:exit': (n: TSESTree.PropertyDefinition): void => {
      const name = propertyName(n);
      // A field with neither a type nor a value says nothing; `key = null` with no type is unknown too.
      if (name !== undefined && (n.typeAnnotation || n.value)) this.add(name, n.typeAnnotation?.typeAnnotation);
    },
    'TSTypeAliasDeclaration:exit': (n: TSESTree.TSTypeAliasDeclaration): void => void this.types.set(n.id.name, n),
    'TSInterfaceDeclaration:exit': (n: TSESTree.TSInterfaceDeclaration): void => void this.types.set(n.id.name, n),
  };

  private add(name: string, t: TSESTree.TypeNode | undefined): void {
    this.members.set(name, [...(this.members.get(name) ?? []), t]);
  }

  /** Every declaration of the member in this file (at least one) has a type with no bytes in it. */
  holdsNoBytes(name: string): boolean {
    const decls = this.members.get(name);
    return decls !== undefined && decls.every((t) => t !== undefined && this.noBytes(t, 0));
  }

  /** A type with no bytes in it, resolved through the file's own type declarations (a collection's element type). */
  readonly typeHoldsNoBytes = (t: TSESTree.TypeNode): boolean => this.noBytes(t, 0);

  /** `string`, `'a' | 'b'`, `{ serialized: string; salt: string }`, a same-file alias of those, a CryptoKey. */
  private noBytes(t: TSESTree.TypeNode, depth: number): boolean {
    if (depth > 3) return false;
    switch (t.type) {
      case T.TSStringKeyword:
      case T.TSNumberKeyword:
      case T.TSBooleanKeyword:
      case T.TSBigIntKeyword:
      case T.TSNullKeyword:
      case T.TSUndefinedKeyword:
      case T.TSLiteralType:
      case T.TSTemplateLiteralType:
        return true;
      case T.TSUnionType:
        return t.types.every((u) => this.noBytes(u, depth + 1));
      case T.TSArrayType:
        return this.noBytes(t.elementType, depth + 1);
      case T.TSTypeLiteral:
        return this.bodyNoBytes(t.members, depth);
      case T.TSTypeReference:
        return this.referenceNoBytes(t, depth);
      default:
        return false;
    }
  }

  private bodyNoBytes(members: readonly TSESTree.TypeElement[], depth: number): boolean {
    return (
      members.length > 0 &&
      members.every(
        (m) =>
          m.type === T.TSPropertySignature &&
          m.typeAnnotation !== undefined &&
          this.noBytes(m.typeAnnotation.typeAnnotation, depth + 1),
      )
    );
  }

  private referenceNoBytes(t: TSESTree.TSTypeReference, depth: number): boolean {
    const name = typeName(t.typeName);
    if (HANDLE_TYPES.has(name)) return true;
    // `Record<string, string>`, `Map<string, string>`: what the collection holds decides.
    const last = t.typeArguments?.params.at(-1);
    if (/^(?:Record|Map|ReadonlyMap|Partial|Readonly|Required)$/.test(name) && last)
      return this.noBytes(last, depth + 1);
    const decl = this.types.get(name);
    if (decl?.type === T.TSTypeAliasDeclaration) return this.noBytes(decl.typeAnnotation, depth + 1);
    if (decl?.type === T.TSInterfaceDeclaration && !decl.extends.length) return this.bodyNoBytes(decl.body.body, depth);
    return false;
  }
}

function keyName(k: TSESTree.Node): string | undefined {
  if (k.type === T.Identifier) return k.name;
  return k.type === T.Literal && typeof k.value === 'string' ? k.value : undefined;
}

function typeName(n: TSESTree.EntityName): string {
  if (n.type === T.Identifier) return n.name;
  if (n.type === T.TSQualifiedName) return `${typeName(n.left)}.${n.right.name}`;
  return '';
}

/**
 * `delete childEnv.SECRET` where `childEnv` is `process.env`, is declared `NodeJS.ProcessEnv`, or is built by
 * spreading `process.env`: an environment holds strings, so removing a variable from it wipes nothing.
 */
function isEnvironmentObject(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  const n = unwrap(node);
  if (isProcessEnv(n)) return true;
  if (n.type !== T.Identifier) return false;
  const def = findVariable(sourceCode.getScope(n), n)?.defs[0]?.node;
  if (def?.type !== T.VariableDeclarator || def.id.type !== T.Identifier) return false;
  const t = def.id.typeAnnotation?.typeAnnotation;
  if (t?.type === T.TSTypeReference && environmentTypes.names.has(typeName(t.typeName))) return true;
  const init = def.init && unwrap(def.init);
  if (!init) return false;
  if (isProcessEnv(init)) return true;
  return (
    init.type === T.ObjectExpression &&
    init.properties.some((p) => p.type === T.SpreadElement && isProcessEnv(p.argument))
  );
}

/**
 * The drop runs only in a branch whose test says the holder is empty or holds no byte array: `if (!key)`,
 * `if (key == null)`, `if (!(key instanceof Uint8Array))`, `if (typeof key === 'string')`, or the `else` of
 * `if (key instanceof Uint8Array)`. `text` is the dropped expression's normalised text.
 */
function guardedAsNoBytes(node: TSESTree.Node, text: string, normText: (n: TSESTree.Node) => string): boolean {
  let child: TSESTree.Node = node;
  for (let p = node.parent; p && !isFunctionNode(p); child = p, p = p.parent) {
    if (p.type !== T.IfStatement && p.type !== T.ConditionalExpression) continue;
    if (child === p.consequent && testSays(p.test, text, normText, true)) return true;
    if (child === p.alternate && testSays(p.test, text, normText, false)) return true;
  }
  return false;
}

/** Whether `test` (when it is `truthy`) proves the holder `text` holds no bytes. */
function testSays(test: TSESTree.Node, text: string, normText: (n: TSESTree.Node) => string, truthy: boolean): boolean {
  const t = unwrap(test);
  if (t.type === T.UnaryExpression && t.operator === '!') {
    const a = unwrap(t.argument);
    // `!key`: empty; `!(key instanceof Uint8Array)`: not a byte array.
    if (truthy && normText(a) === text) return true;
    return testSays(a, text, normText, !truthy);
  }
  if (t.type === T.LogicalExpression)
    return t.operator === (truthy ? '&&' : '||')
      ? testSays(t.left, text, normText, truthy) || testSays(t.right, text, normText, truthy)
      : testSays(t.left, text, normText, truthy) && testSays(t.right, text, normText, truthy);
  if (t.type !== T.BinaryExpression) return false;
  if (t.operator === 'instanceof' && normText(t.left) === text && t.right.type === T.Identifier)
    return truthy !== BYTE_CLASSES.has(t.right.name);
  const negated = t.operator === '!=' || t.operator === '!==';
  if (!negated && t.operator !== '==' && t.operator !== '===') return false;
  const [a, b] = [unwrap(t.left), unwrap(t.right)];
  const side = normText(a) === text ? b : normText(b) === text ? a : undefined;
  // `key == null`, `key === undefined`: empty when the test holds.
  const empty = side && ((side.type === T.Literal && side.value === null) || normText(side) === 'undefined');
  if (empty) return truthy !== negated;
  // `typeof key === 'string'`: a string when the test holds.
  const typeOf = [a, b].find((x) => x.type === T.UnaryExpression && x.operator === 'typeof');
  const other = typeOf === a ? b : a;
  if (typeOf?.type !== T.UnaryExpression || normText(typeOf.argument) !== text || other.type !== T.Literal)
    return false;
  return (truthy !== negated) === (other.value !== 'object' && other.value !== 'undefined');
}

/**
 * `let privateKey = signer.privateKey;` then `privateKey = negate(privateKey)`: the local only aliases a key that
 * another object (or the caller, for a parameter) still holds and uses, so rebinding it drops no last reference,
 * and wiping it would destroy the owner's key. Only for a plain alias: a decoded or copied value is the local's own.
 */
function aliasOfOwnedKey(target: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  const t = unwrap(target);
  if (t.type !== T.Identifier) return false;
  const def = findVariable(sourceCode.getScope(t), t)?.defs[0];
  if (def?.type === TSESLint.Scope.DefinitionType.Parameter) return true;
  const decl = def?.node;
  if (decl?.type !== T.VariableDeclarator || decl.id.type !== T.Identifier || !decl.init) return false;
  const init = unwrap(decl.init);
  return init.type === T.MemberExpression && !init.computed && unwrap(init.object).type !== T.ThisExpression;
}

/**
 * Whether a recorded drop releases nothing wipeable: a member every declaration of which in the file holds no
 * bytes, a variable removed from an environment, a drop guarded by a test that the holder is empty or not bytes,
 * or a rebound alias of a key another owner keeps. Drops from a collection (`map.delete(id)`) are judged by the
 * collection's declaration instead (`collectionHoldsNoBytes`).
 */
export function releasesNoBytes(
  drop: { readonly node: TSESTree.Node; readonly target: TSESTree.Node; readonly fromCollection: boolean },
  members: DeclaredMembers,
  sourceCode: TSESLint.SourceCode,
  normText: (n: TSESTree.Node) => string,
): boolean {
  if (drop.fromCollection) return false;
  const t = unwrap(drop.target);
  if (t.type === T.MemberExpression && !t.computed) {
    const name = propertyName(t);
    if (name !== undefined && members.holdsNoBytes(name)) return true;
    if (isEnvironmentObject(t.object, sourceCode)) return true;
  }
  return guardedAsNoBytes(drop.node, normText(t), normText) || aliasOfOwnedKey(t, sourceCode);
}
