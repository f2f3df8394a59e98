/**
 * Application keyrings with no cryptoperiod (require-key-rotation), found from the class's own shape in the
 * same file, without type information:
 * - an instance created without the keyring's optional age or rotation option (`new Keyring({ name: 'sessions' })`
 *   when the constructor's options type declares `maxKeyAgeDays?: number`): that keyring never retires a key;
 * - a keyring class that stores keys, picks a current one to encrypt or sign with, and has no notion of age or
 *   rotation at all (no max age, TTL, lifetime, expiry or rotation anywhere in its body): reported at its
 *   constructor. A cache of session or per-tenant keys (no current key) is not a rotation structure.
 * A keyring class is named for one (`Keyring`, `DataKeyRing`; for the first shape also `KeyStore`, `Keychain`,
 * `KeySet`, whose options then declare the period).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { normaliseName } from '../detect/names.js';
import { propertyName } from './ast.js';

const KEYRING_CLASS = /(?:Key_?[Rr]ing|Keychain|KeyChain|KeyStore|Keystore|KeySet|Keyset)$/;
/** A class judged on its body alone must be a keyring by name (a wallet's keystore holds no rotating keys). */
const KEYRING_ONLY = /Key_?[Rr]ing$/;
/**
 * The field that points at the key for new data: `current`, `activeKid`, `currentKeyId`, `primaryVersion`. A
 * wallet keyring's `currentAccount` or `currentTransaction` points at something else: it holds addresses and
 * pending requests, and its keys (if any) are the owners' (matched on the normalised name).
 */
const CURRENT_KEY =
  /^(?:current|active|primary|latest)(?:_(?:[a-z0-9]+_)?(?:key|kid|id|version|secret|entry|signer))?$/;
const USES_KEY = /^(?:encrypt|seal|sign|wrap|protect)/i;
/** An option or member that bounds a key's life. */
const PERIOD_NAME = /(?:max_?\w*age|rotat|ttl|life_?time|crypto_?period|expir|retire|max_?uses)/i;

export interface KeyringFinding {
  readonly node: TSESTree.Node;
  readonly data: { readonly keyring: string; readonly why: string };
}

/** The class a `new X(…)` builds, when it is declared in this file. */
function classOf(callee: TSESTree.Node, scope: TSESLint.Scope.Scope): TSESTree.ClassDeclaration | undefined {
  if (callee.type !== T.Identifier) return undefined;
  for (let s: TSESLint.Scope.Scope | null = scope; s; s = s.upper) {
    const v = s.set.get(callee.name);
    if (!v) continue;
    const def = v.defs[0]?.node;
    return def?.type === T.ClassDeclaration ? def : undefined;
  }
  return undefined;
}

const constructorOf = (cls: TSESTree.ClassDeclaration): TSESTree.MethodDefinition | undefined =>
  cls.body.body.find((m): m is TSESTree.MethodDefinition => m.type === T.MethodDefinition && m.kind === 'constructor');

/** The (optional) members of a same-file interface or type literal named `name` that bound a key's life. */
function periodOptions(program: TSESTree.Program, name: string, optionalOnly = true): string[] {
  for (const st of program.body) {
    const d = st.type === T.ExportNamedDeclaration && st.declaration ? st.declaration : st;
    let members: TSESTree.TypeElement[] | undefined;
    if (d.type === T.TSInterfaceDeclaration && d.id.name === name) members = d.body.body;
    if (d.type === T.TSTypeAliasDeclaration && d.id.name === name && d.typeAnnotation.type === T.TSTypeLiteral)
      members = d.typeAnnotation.members;
    if (!members) continue;
    return members.flatMap((m) =>
      m.type === T.TSPropertySignature &&
      (m.optional || !optionalOnly) &&
      m.key.type === T.Identifier &&
      PERIOD_NAME.test(m.key.name)
        ? [m.key.name]
        : [],
    );
  }
  return [];
}

/** The name of the type the constructor's first parameter is annotated with (`opts: KeyringOptions`). */
function optionsTypeName(cls: TSESTree.ClassDeclaration): string | undefined {
  const first = constructorOf(cls)?.value.params[0];
  const param = first?.type === T.TSParameterProperty ? first.parameter : first;
  const ann = param && 'typeAnnotation' in param ? param.typeAnnotation?.typeAnnotation : undefined;
  return ann?.type === T.TSTypeReference && ann.typeName.type === T.Identifier ? ann.typeName.name : undefined;
}

/** `new Keyring({ … })` without the optional period option its options type declares. */
export function keyringWithoutPeriod(
  node: TSESTree.NewExpression,
  scope: TSESLint.Scope.Scope,
  program: TSESTree.Program,
): KeyringFinding | undefined {
  // Cheap tests first: the name, then an options literal, and only then the scope lookup.
  if (node.callee.type !== T.Identifier || !KEYRING_CLASS.test(node.callee.name)) return undefined;
  const arg = node.arguments[0];
  if (arg?.type !== T.ObjectExpression || arg.properties.some((p) => p.type === T.SpreadElement)) return undefined;
  const cls = classOf(node.callee, scope);
  if (!cls?.id) return undefined;
  const type = optionsTypeName(cls);
  const options = type === undefined ? [] : periodOptions(program, type);
  if (options.length === 0) return undefined;
  const given = new Set(arg.properties.map((p) => (p.type === T.Property ? propertyName(p) : undefined)));
  if (options.some((o) => given.has(o))) return undefined;
  return { node, data: { keyring: cls.id.name, why: `created without ${options.join(' or ')}, so keys never expire` } };
}

/** A keyring class that keeps keys (a Map or list field) and bounds their life nowhere in its body. */
export function keyringClassWithoutPeriod(
  cls: TSESTree.ClassDeclaration,
  sourceCode: TSESLint.SourceCode,
): KeyringFinding | undefined {
  if (!cls.id || !KEYRING_ONLY.test(cls.id.name) || cls.abstract) return undefined;
  // A keyring whose options declare a period is judged where it is created (`keyringWithoutPeriod`).
  const type = optionsTypeName(cls);
  if (type !== undefined && periodOptions(sourceCode.ast, type, false).length > 0) return undefined;
  const holdsKeys = cls.body.body.some(
    (m) =>
      m.type === T.PropertyDefinition &&
      m.value !== null &&
      (m.value.type === T.ArrayExpression ||
        (m.value.type === T.NewExpression && m.value.callee.type === T.Identifier && m.value.callee.name === 'Map')),
  );
  // A rotation structure picks a current key for new data (`currentId`, `active`) and encrypts or signs with it;
  // a cache of session or per-tenant keys does neither.
  const names = cls.body.body.flatMap((m) =>
    (m.type === T.PropertyDefinition || m.type === T.MethodDefinition) && m.key.type === T.Identifier
      ? [{ name: m.key.name, method: m.type === T.MethodDefinition }]
      : [],
  );
  const current = names.some((n) => !n.method && CURRENT_KEY.test(normaliseName(n.name)));
  const uses = names.some((n) => n.method && USES_KEY.test(n.name));
  if (!holdsKeys || !current || !uses || PERIOD_NAME.test(sourceCode.getText(cls))) return undefined;
  const ctor = constructorOf(cls);
  const why = 'it keeps keys with no maximum age, expiry or rotation anywhere in the class';
  return { node: ctor ?? cls.id, data: { keyring: cls.id.name, why } };
}
