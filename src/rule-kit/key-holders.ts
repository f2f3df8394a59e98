/**
 * Holders whose declaration says they keep key bytes: a field or variable with a key-material name
 * typed as a byte type (`private dataKey: Buffer | null`), or a Map/Set/array of byte values under a
 * key-material name (`new Map<string, Buffer>()` as `deks`, `keyCache: Map<string, Uint8Array>`). The
 * deletion rule treats dropping such a holder (`= null`, `.delete()`) without a wipe as dropping a key.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyBytesTypes, keyMaterialName, notKeyMaterialName, wrappedKeyName } from '../catalogue/deletion.js';
import { collectionClasses, keyCollectionName, keyMaterialCollectionName } from '../catalogue/index.js';
import { issuedCredentialName } from '../catalogue/names.js';
import { isHashName, isSecretName, normaliseName } from '../detect/names.js';
import { TSESLint as Lint } from '@typescript-eslint/utils';
import { findVariable, propertyName, unwrap } from './ast.js';
import { isByteFreeType } from './non-byte-holders.js';

/** A specific key-material name (`dataKey`, `deks`, `keyCache`); not the bare `key`/`keys`. */
function isKeyHolderName(name: string): boolean {
  const n = normaliseName(name);
  if (n === 'key' || n === 'keys' || notKeyMaterialName.pattern.test(n) || isHashName(name)) return false;
  if (wrappedKeyName.pattern.test(n)) return false;
  // `byKey`, `itemsByKey`: a collection indexed by a key, not one that holds keys.
  if (/(?:^|_)by_[a-z]+$/.test(n)) return false;
  return (
    keyMaterialName.pattern.test(n) ||
    /(?:^|_)(?:keys|deks|keks|key_cache|key_store|keyring|private_keys|data_keys|session_keys)(?:_|$)/.test(n) ||
    /(?:^|_)(?:key|dek|kek)_(?:cache|map|store|by_id|history|ring|chain|queue|pool|versions)$/.test(n)
  );
}

/** Whether a type annotation is a key byte type, or a union with one (`Buffer | null`). */
export function isBytesType(t: TSESTree.TypeNode | undefined): boolean {
  if (!t) return false;
  if (t.type === T.TSUnionType) return t.types.some(isBytesType);
  return t.type === T.TSTypeReference && t.typeName.type === T.Identifier && keyBytesTypes.names.has(t.typeName.name);
}

/**
 * `Map<string, Buffer>`, `Buffer[]`, `Set<Uint8Array>`, `Record<string, Uint8Array>`, `{ [id: string]: Buffer }`: a
 * collection of key byte values.
 */
function isBytesCollectionType(t: TSESTree.TypeNode | undefined): boolean {
  if (!t) return false;
  if (t.type === T.TSArrayType) return isBytesType(t.elementType);
  if (t.type === T.TSTypeLiteral)
    return t.members.length === 1 && t.members[0]!.type === T.TSIndexSignature
      ? isBytesType(t.members[0]!.typeAnnotation?.typeAnnotation)
      : false;
  if (t.type !== T.TSTypeReference || t.typeName.type !== T.Identifier || !collectionClasses.names.has(t.typeName.name))
    return false;
  const args = t.typeArguments?.params ?? [];
  return args.length > 0 && isBytesType(args[args.length - 1]);
}

/** `new Map<string, Buffer>()`: a collection built with byte-typed values. */
function isBytesCollectionInit(init: TSESTree.Node | null | undefined): boolean {
  const n = init && unwrap(init);
  if (n?.type !== T.NewExpression || n.callee.type !== T.Identifier || !collectionClasses.names.has(n.callee.name))
    return false;
  const args = n.typeArguments?.params ?? [];
  return args.length > 0 && isBytesType(args[args.length - 1]);
}

/**
 * What a declaration holds, when its name and type say key bytes: `'field'` for a byte value, `'map'`
 * for a collection of them; undefined otherwise.
 */
export function declaredKeyHolder(
  name: string,
  annotation: TSESTree.TypeNode | undefined,
  init: TSESTree.Node | null | undefined,
): 'value' | 'collection' | undefined {
  // A bare `key`/`keys` counts only with its declared byte type (`key?: Uint8Array`, `new Map<string, Buffer>()`).
  const n = normaliseName(name);
  if (!isKeyHolderName(name) && n !== 'key' && n !== 'keys') return undefined;
  if (isBytesCollectionType(annotation) || isBytesCollectionInit(init)) return 'collection';
  if (isBytesType(annotation)) return 'value';
  return undefined;
}

/**
 * A name that says bytes are a key (and not an id, an IV, a salt or a hash). With `allowGeneric` false
 * the bare `key` does not count: `const key = randomBytes(16)` is as often a handshake nonce (WebSocket)
 * as a cipher key.
 */
export function isKeyMaterialName(name: string | undefined, allowGeneric = true): boolean {
  if (name === undefined) return false;
  const n = normaliseName(name);
  if (!allowGeneric && (n === 'key' || n === 'keys')) return false;
  // A collection of keys named for what it holds (`keyCache`, `dekStore`): what is stored in it is a key.
  if (keyCollectionName.pattern.test(n)) return true;
  if (notKeyMaterialName.pattern.test(n) || wrappedKeyName.pattern.test(n) || isHashName(name)) return false;
  return (
    keyMaterialName.pattern.test(n) ||
    (isSecretName(name) && !/(?:^|_)(?:api|password|passwd|pwd|token|credentials?)(?:_|$)/.test(n))
  );
}

/** A type annotation with no byte type in it (`string`, `CryptoKey | null`): what it holds cannot be wiped. */
export function declaredNotBytes(annotation: TSESTree.TypeNode | undefined): boolean {
  return annotation !== undefined && !isBytesType(annotation);
}

/**
 * A binding or field whose name alone says it holds a secret key (`privateKey`, `secretKey`, `masterKey`,
 * `dataKey`, `dek`): dropping it (`this.privateKey = null`, `delete state.secretKey`) drops a key even when
 * the file never shows where the key came from. Passwords, tokens and API keys are strings, not key
 * bytes, and so are the credentials a service issued (`secretAccessKey`); the bare `key` says too little.
 */
export function namedKeyHolder(target: TSESTree.Node): string | undefined {
  const t = unwrap(target);
  const name =
    t.type === T.Identifier ? t.name : t.type === T.MemberExpression && !t.computed ? propertyName(t) : undefined;
  if (name === undefined || !isKeyHolderName(name) || !isSecretName(name)) return undefined;
  const n = normaliseName(name);
  // A credential a service issued (`secret_access_key`, `apiKey`, `access_token`) is a string the service handed out,
  // like a password: there are no bytes to wipe, and revoking it is the remedy.
  if (/(?:^|_)(?:api|password|passwd|pwd|passphrase|token|credentials?|secret)$/.test(n)) return undefined;
  if (issuedCredentialName.pattern.test(n)) return undefined;
  return `the '${name}' ${t.type === T.Identifier ? 'binding' : 'field'}`;
}

/**
 * A stable identity for what an expression names, to match a wipe or a drop to a holder: a variable
 * (by its declaration) or the expression's text without spaces, `?.` and `!`.
 */
export function identityOf(sourceCode: TSESLint.SourceCode): {
  readonly identity: (expr: TSESTree.Node) => string;
  readonly normText: (n: TSESTree.Node) => string;
} {
  const normText = (n: TSESTree.Node): string => {
    // `(this as { key?: Buffer }).key` names the same field as `this.key`: a cast of the object changes no identity.
    if (
      n.type === T.MemberExpression &&
      n.property.type === T.Identifier &&
      !n.computed &&
      unwrap(n.object) !== n.object
    )
      return `${normText(unwrap(n.object))}.${n.property.name}`;
    return sourceCode.getText(n).replace(/\s+/g, '').replace(/\?\./g, '.').replace(/!/g, '');
  };
  const identity = (expr: TSESTree.Node): string => {
    const n = unwrap(expr);
    if (n.type === T.Identifier) {
      const def = findVariable(sourceCode.getScope(n), n)?.defs[0];
      return def ? `var:${n.name}@${def.name.range[0]}` : `id:${n.name}`;
    }
    return `text:${normText(n)}`;
  };
  return { identity, normText };
}

/**
 * `sessionKeys` in `delete sessionKeys[id]`, `this.privateKeys` in `this.privateKeys.delete(id)`: a collection
 * whose own name says it holds key material (not the bare `keys`, not `byKey`), so removing an element drops a
 * key even when the file never shows where the keys came from. How a message names it, or undefined.
 */
export function namedKeyCollection(holder: TSESTree.Node): string | undefined {
  const h = unwrap(holder);
  const name =
    h.type === T.Identifier ? h.name : h.type === T.MemberExpression && !h.computed ? propertyName(h) : undefined;
  if (name === undefined || !isKeyHolderName(name)) return undefined;
  // The words before `keys` must say what kind of key (`sessionKeys`, `wrappedKeys`): `eventsForKey`,
  // `parsedKeys` and `toRemoveKeys` hold lookup keys. `deks`, `keyring`, `keyHistory` say it on their own.
  const n = normaliseName(name);
  if (!keyMaterialCollectionName.pattern.test(n)) return undefined;
  if (
    /(?:^|_)(?:api|password|passwd|pwd|passphrase|token|credentials?|public|pub|idempotency)(?:_|$)/.test(
      normaliseName(name),
    )
  )
    return undefined;
  return `the '${name}' key collection`;
}

/** The element type a collection declares (`Map<string, CryptoKey>`, `string[]`, `new Set<KeyId>()`), if any. */
export function declaredElementType(
  annotation: TSESTree.TypeNode | undefined,
  init: TSESTree.Node | null | undefined,
): TSESTree.TypeNode | undefined {
  if (annotation?.type === T.TSArrayType) return annotation.elementType;
  if (annotation?.type === T.TSTypeReference) return annotation.typeArguments?.params.at(-1);
  const n = init && unwrap(init);
  return n?.type === T.NewExpression ? n.typeArguments?.params.at(-1) : undefined;
}

/**
 * A collection declared with elements that are not bytes (`Map<string, CryptoKey>`, `Record<string, string>`,
 * `new Set<string>()`): removing an element drops nothing wipeable.
 */
export function collectionHoldsNoBytes(
  annotation: TSESTree.TypeNode | undefined,
  init: TSESTree.Node | null | undefined,
): boolean {
  const element = declaredElementType(annotation, init);
  if (!element) return false;
  if (element.type === T.TSStringKeyword || element.type === T.TSNumberKeyword || element.type === T.TSBooleanKeyword)
    return true;
  // A handle whose bytes live elsewhere (WebCrypto, a KMS) holds nothing to wipe here.
  return element.type === T.TSTypeReference && element.typeName.type === T.Identifier
    ? element.typeName.name === 'string' || isByteFreeType(element.typeName.name)
    : false;
}

/**
 * `remember(key: Uint8Array) { this.history.push(key) }`: a parameter whose declaration says key bytes (a key
 * name, `key` included, and a byte type) carries a key into whatever collection it is stored in, whatever that
 * collection is called. How a message names it, or undefined.
 */
export function declaredKeyParameter(value: TSESTree.Node, sourceCode: TSESLint.SourceCode): string | undefined {
  const v = unwrap(value);
  if (v.type !== T.Identifier) return undefined;
  const def = findVariable(sourceCode.getScope(v), v)?.defs[0];
  if (def?.type !== Lint.Scope.DefinitionType.Parameter || def.name.type !== T.Identifier) return undefined;
  const held = declaredKeyHolder(v.name, def.name.typeAnnotation?.typeAnnotation, undefined);
  return held === 'value' ? holderTitle(v.name) : undefined;
}

function holderTitle(name: string): string {
  return `the '${name}' parameter`;
}
