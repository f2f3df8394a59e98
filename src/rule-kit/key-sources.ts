/**
 * Where key bytes in a value come from, in words for a message, or undefined when they are not key
 * material: a key producer (randomBytes under a key name, a KDF, a secret export; catalogue data in
 * src/catalogue/deletion.ts), a secret handle's `expose()`, a private key export, a KMS plaintext data
 * key, or a parameter whose key name and byte type say it holds a key. Built on the value-flow engine's
 * origins. Read by no-unsafe-key-deletion.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, TSESLint } from '@typescript-eslint/utils';
import {
  exposeMethods,
  heldKeyProducers,
  keyBytesTypes,
  keyProducers,
  stringEncodings,
  type KeyProducer,
} from '../catalogue/deletion.js';
import { isHashName, isSecretEnvName } from '../detect/index.js';
import { elementKeyUse } from './element-roles.js';
import { bindingNameOf, derefConst, findVariable, propertyName, staticString, unwrap } from './ast.js';
import { matchCallPattern } from './call-patterns.js';
import { flowOf } from './flow/engine.js';
import { valueRolesOf } from './flow/roles.js';
import type { ImportMap } from './imports.js';
import { exportsPublicKey, isDataKeyPlaintext, isPrivateExport } from './key-exports.js';
import { isKeyMaterialName as isKeyName } from './key-holders.js';
import { isLogRecordField } from './log-sinks.js';
import type { Origin } from './values.js';

type Call = TSESTree.CallExpression | TSESTree.NewExpression;

export interface KeySources {
  /**
   * Where key material in `expr` comes from; `allowGeneric` false: the bare name `key` does not make
   * random bytes a key.
   */
  readonly keySource: (expr: TSESTree.Node, name?: string, allowGeneric?: boolean) => string | undefined;
  readonly originSource: (o: Origin, name?: string, allowGeneric?: boolean) => string | undefined;
  /** What a holder (a Map value, a field) receives: key material, or a key-named byte parameter. */
  readonly heldKeySource: (expr: TSESTree.Node, name?: string) => string | undefined;
  /** The key a dropped binding or member (`k = null`, `delete o.k`) held, found by its origins. */
  readonly droppedKeySource: (target: TSESTree.Node) => string | undefined;
  /**
   * A collection whose elements the file reads into a key slot (`createCipheriv(alg, keys.get(v)!, iv)`), named with
   * that use (element-roles.ts).
   */
  readonly elementKeySource: (holder: TSESTree.Node) => string | undefined;
  /** `const k = scryptSync(…)`: a local buffer the function owns and must wipe (the producer's title). */
  readonly ownedKeyBuffer: (node: TSESTree.VariableDeclarator) => string | undefined;
  /** `scryptSync(…).toString('hex')` stored or returned: a key that can never be wiped. */
  readonly keyAsString: (call: TSESTree.CallExpression) => { source: string; encoding: string } | undefined;
  /**
   * Whether a source title came from the value's origins (a key producer, a secret export, a secret environment
   * variable, a KMS data key) rather than from a holder's name or declared type: the finding's evidence is `flow`.
   */
  readonly traced: (source: string) => boolean;
}

export function createKeySources(sourceCode: TSESLint.SourceCode, imports: ImportMap): KeySources {
  const getScope = (n: TSESTree.Node): TSESLint.Scope.Scope => sourceCode.getScope(n);
  const producerOf = (call: Call): KeyProducer | undefined =>
    matchCallPattern(call, imports, getScope(call), keyProducers) ??
    matchCallPattern(call, imports, getScope(call), heldKeyProducers);

  /** The titles this file's origins produced (`traced`). */
  const tracedTitles = new Set<string>();
  const mark = (title: string | undefined): string | undefined => {
    if (title !== undefined) tracedTitles.add(title);
    return title;
  };
  const originSource = (o: Origin, name?: string, allowGeneric = true): string | undefined =>
    mark(originTitle(o, name, allowGeneric));
  const originTitle = (o: Origin, name?: string, allowGeneric = true): string | undefined => {
    // Key bytes decoded from a secret environment variable (`Buffer.from(process.env.MASTER_KEY, 'base64')`).
    if (o.kind === 'env' && o.ref !== undefined && o.ref !== '*' && unwrap(o.replace).type === T.CallExpression)
      return isSecretEnvName(o.ref) || isKeyName(name, false) ? `process.env.${o.ref}` : undefined;
    if (o.kind !== 'call' || (o.node.type !== T.CallExpression && o.node.type !== T.NewExpression)) return undefined;
    const call = o.node;
    if (
      call.type === T.CallExpression &&
      call.callee.type === T.MemberExpression &&
      call.arguments.length === 0 &&
      exposeMethods.has(propertyName(call.callee) ?? '')
    ) {
      return `${sourceCode.getText(call.callee.object).slice(0, 40)}.${propertyName(call.callee)}()`;
    }
    if (call.type === T.CallExpression && isPrivateExport(call, imports, getScope(call))) return 'a private key export';
    const p = producerOf(call);
    if (!p) return undefined;
    // Random bytes are a key under a key name: their own binding's (`const dek = …`) or their holder's
    // (`keyCache.set(id, k)`).
    if (p.strength === 'random' && !isKeyName(o.name, allowGeneric) && !isKeyName(name, allowGeneric)) return undefined;
    if (exportsPublicKey(p, call)) return undefined;
    return p.title;
  };

  const keySource = (expr: TSESTree.Node, name?: string, allowGeneric = true): string | undefined => {
    for (const o of flowOf(sourceCode).origins(expr)) {
      const s = originSource(o, name, allowGeneric);
      if (s) return s;
    }
    return undefined;
  };

  /**
   * A binding handed in (a parameter) counts when its specific key name says it is key bytes (`dek`,
   * `dataKey`; not the bare `key`) and its annotation, if any, is a byte type (`dek: Buffer`, not
   * `sessionKey: string`).
   */
  const heldKeySource = (expr: TSESTree.Node, name?: string): string | undefined => {
    const s = keySource(expr, name);
    if (s) return s;
    if (isDataKeyPlaintext(expr, imports, getScope(expr))) return mark('the KMS plaintext data key');
    const n = unwrap(expr);
    // `cache.set(id, entry)` where `entry = { plaintext: Buffer.from(out.Plaintext), wrapped }`: a record one of
    // whose members is key material holds that key.
    const rec = n.type === T.Identifier ? derefConst(n, getScope) : n;
    if (rec?.type === T.ObjectExpression) {
      for (const q of rec.properties) {
        if (q.type !== T.Property || q.value.type === T.ObjectExpression) continue;
        const inner = keySource(q.value, propertyName(q), false);
        const bytes = copiedFrom(q.value);
        const held =
          inner ??
          (isDataKeyPlaintext(bytes, imports, getScope(bytes)) ? mark('the KMS plaintext data key') : undefined);
        if (held) return held;
      }
    }
    if (n.type !== T.Identifier || !isKeyName(n.name, false)) return undefined;
    const def = findVariable(getScope(n), n)?.defs[0];
    if (def?.type !== TSESLint.Scope.DefinitionType.Parameter || def.name.type !== T.Identifier) return undefined;
    const ann = def.name.typeAnnotation?.typeAnnotation;
    const bytes =
      ann?.type === T.TSTypeReference &&
      ann.typeName.type === T.Identifier &&
      keyBytesTypes.names.has(ann.typeName.name);
    return ann && !bytes ? undefined : `the '${n.name}' parameter`;
  };

  /**
   * `const buf = randomBytes(32); createCipheriv(alg, buf, iv); … buf = null` (or a class field `this.buf`): bytes
   * from a key producer under a generic name are a key when the file passes them as the key of a catalogue sink
   * (flow/roles.ts); a password use does not make bytes a key.
   */
  const usedKeySource = (t: TSESTree.Identifier | TSESTree.MemberExpression): string | undefined => {
    const roles = valueRolesOf(sourceCode, imports);
    const use = t.type === T.Identifier ? roles.secretUseOf(t) : roles.secretUseOfField(t);
    if (!use || use.role === 'password' || use.within !== undefined) return undefined;
    for (const o of flowOf(sourceCode).origins(t)) {
      if (o.kind !== 'call' || (o.node.type !== T.CallExpression && o.node.type !== T.NewExpression)) continue;
      const p = producerOf(o.node);
      if (p?.returns === 'buffer' && !exportsPublicKey(p, o.node))
        return mark(`${p.title}, used as the ${use.role} of ${use.sink} at line ${use.line}`);
    }
    return undefined;
  };

  const droppedKeySource = (target: TSESTree.Node): string | undefined => {
    const t = unwrap(target);
    if (t.type === T.Identifier) return keySource(t, t.name) ?? usedKeySource(t);
    return t.type === T.MemberExpression ? (keySource(t, propertyName(t)) ?? usedKeySource(t)) : undefined;
  };

  const ownedKeyBuffer = (node: TSESTree.VariableDeclarator): string | undefined => {
    if (node.id.type !== T.Identifier || !node.init || isHashName(node.id.name)) return undefined;
    let init = unwrap(node.init.type === T.AwaitExpression ? node.init.argument : node.init);
    if (init.type !== T.CallExpression) return undefined;
    // `Buffer.from(hkdfSync(…))` is a view over the same ArrayBuffer: wiping it wipes the key.
    const inner = init.arguments[0];
    if (sourceCode.getText(init.callee) === 'Buffer.from' && inner && unwrap(inner).type === T.CallExpression)
      init = unwrap(inner);
    if (init.type !== T.CallExpression) return undefined;
    const p = producerOf(init);
    if (!p || p.returns !== 'buffer' || (p.strength === 'random' && !isKeyName(node.id.name, false))) return undefined;
    return mark(p.title);
  };

  const keyAsString = (call: TSESTree.CallExpression): { source: string; encoding: string } | undefined => {
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression || propertyName(callee) !== 'toString') return undefined;
    const encoding = staticString(call.arguments[0]);
    if (encoding === undefined || !stringEncodings.has(encoding)) return undefined;
    const stored = bindingNameOf(call);
    const p = call.parent;
    if (stored === undefined && p?.type !== T.ReturnStatement && p?.type !== T.ArrowFunctionExpression)
      return undefined;
    if (stored !== undefined && isHashName(stored)) return undefined;
    // A field of a log record is logged, not stored (no-logged-key reports it).
    if (p?.type === T.Property && isLogRecordField(p)) return undefined;
    const recv = unwrap(callee.object);
    if (recv.type === T.Identifier && isHashName(recv.name)) return undefined;
    const source = keySource(callee.object, stored, false);
    return source ? { source, encoding } : undefined;
  };

  const elementKeySource = (holder: TSESTree.Node): string | undefined => {
    const use = elementKeyUse(holder, sourceCode, imports);
    const name = sourceCode.getText(holder).slice(0, 40);
    return (
      use &&
      mark(`the '${name}' collection, whose elements are used as the ${use.role} of ${use.sink} at line ${use.line}`)
    );
  };

  const traced = (source: string): boolean => tracedTitles.has(source);
  return {
    keySource,
    originSource,
    heldKeySource,
    droppedKeySource,
    elementKeySource,
    ownedKeyBuffer,
    keyAsString,
    traced,
  };
}

/** `Buffer.from(x)`, `new Uint8Array(x)`: the bytes copied, or the value itself. */
function copiedFrom(value: TSESTree.Node): TSESTree.Node {
  const n = unwrap(value);
  if (n.type !== T.CallExpression && n.type !== T.NewExpression) return n;
  const arg = n.arguments.length === 1 ? n.arguments[0] : undefined;
  if (!arg || arg.type === T.SpreadElement) return n;
  const callee = unwrap(n.callee);
  const copy =
    (n.type === T.CallExpression &&
      callee.type === T.MemberExpression &&
      propertyName(callee) === 'from' &&
      unwrap(callee.object).type === T.Identifier &&
      (unwrap(callee.object) as TSESTree.Identifier).name === 'Buffer') ||
    (n.type === T.NewExpression && callee.type === T.Identifier && callee.name === 'Uint8Array');
  return copy ? unwrap(arg) : n;
}
