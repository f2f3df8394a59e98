/**
 * A function that makes a key from a password by itself: its name says it makes a key (or a password's key bytes,
 * `keyMakerName`), and a value it returns is a password hashed once, padded, cut, joined or copied into a buffer,
 * with no KDF on the way. The mistake is written inside that function, so `no-password-as-key` reports it there
 * (at the hash or the fit), once, whether or not a cipher in this file uses the result.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyMakerName } from '../catalogue/kdf.js';
import { normaliseName } from '../detect/names.js';
import type { FileFlow } from './flow/engine.js';
import { isFunctionNode, propertyName, type FunctionNode } from './ast.js';
import { functionName, returnExpressions } from './flow/functions.js';

export interface PasswordKeyHelper {
  readonly fn: FunctionNode;
  /** The function's name, as written. */
  readonly name: string;
  /** The password's name. */
  readonly password: string;
  /** Where the mistake is written: the plain hash, or else the first fit inside the function. */
  readonly node: TSESTree.Node;
  /** The plain hash's title, when the password went through one. */
  readonly hash?: string;
}

type PasswordVia = NonNullable<ReturnType<FileFlow['passwordOf']>>['via'];

const within = (n: TSESTree.Node, fn: FunctionNode): boolean => n.range[0] >= fn.range[0] && n.range[1] <= fn.range[1];

/** A member of a returned object that holds key bytes (`key`, `encKey`, `macSecret`), not a verifier or an IV. */
const KEY_MEMBER = /(?:^|_)(?:key|keys|secret)(?:_|$)/;

/** A returned value and, for an object or array literal, its key members (`return { key, iv }`, `[key, iv]`). */
function returnedValues(r: TSESTree.Node): TSESTree.Node[] {
  if (r.type === T.ObjectExpression)
    return r.properties.flatMap((p) => {
      if (p.type !== T.Property || p.value.type === T.AssignmentPattern) return [];
      const name = propertyName(p);
      return name !== undefined && KEY_MEMBER.test(normaliseName(name)) ? [p.value] : [];
    });
  if (r.type === T.ArrayExpression)
    return r.elements.filter((e): e is TSESTree.Expression => e !== null && e.type !== T.SpreadElement);
  return [r];
}

/** Finds, once per function, whether it is a password-to-key helper (see the module comment). */
export function passwordKeyHelpers(
  flow: FileFlow,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): (fn: FunctionNode) => PasswordKeyHelper | undefined {
  const memo = new Map<FunctionNode, PasswordKeyHelper | undefined>();
  const find = (fn: FunctionNode): PasswordKeyHelper | undefined => {
    const name = functionName(fn);
    if (name === undefined || !keyMakerName.pattern.test(normaliseName(name))) return undefined;
    for (const r of returnExpressions(fn, visitorKeys))
      for (const v of returnedValues(r)) {
        // What the helper does with its own parameters, not what one caller hands it (reported at that use).
        const pw = flow.passwordOf(v, false);
        if (!pw || pw.via.length === 0 || pw.via.some((t) => t.kind === 'kdf')) continue;
        const hash = pw.via.find((t) => t.kind === 'hash' && within(t.node, fn));
        if (hash?.kind === 'hash') return { fn, name, password: pw.name, node: hash.node, hash: hash.title };
        const fit = pw.via.find((t) => t.kind === 'fit' && t.node !== undefined && within(t.node, fn));
        const at = fit?.kind === 'fit' && fit.node ? fit.node : v;
        return { fn, name, password: pw.name, node: at };
      }
    return undefined;
  };
  return (fn) => {
    if (!memo.has(fn)) memo.set(fn, find(fn));
    return memo.get(fn);
  };
}

/**
 * Where a password that reaches `call` was padded, cut or copied into a key-size buffer, when that happened in the
 * same function as the call (`Buffer.from(pass).copy(keyBuf)` two lines above `createCipheriv(…, keyBuf, iv)`):
 * the first fit on the way, or undefined when there is none there.
 */
export function fittedAt(via: PasswordVia, call: TSESTree.Node): TSESTree.Node | undefined {
  const home = enclosingFunction(call);
  const fit = via.find((t) => t.kind === 'fit' && t.node !== undefined && enclosingFunction(t.node) === home);
  return fit?.kind === 'fit' ? fit.node : undefined;
}

/** The function (or, at the top level, the program) a node is written in. */
function enclosingFunction(n: TSESTree.Node): TSESTree.Node | undefined {
  let p = n.parent;
  while (p && !isFunctionNode(p) && p.type !== T.Program) p = p.parent;
  return p;
}

export interface HashedKeyHolder {
  /** The holder's name, as written (`masterKey`, `this.encKey`). */
  readonly name: string;
  readonly password: string;
  /** The plain hash, written in the value. */
  readonly node: TSESTree.Node;
  readonly hash: string;
}

/** The name a declarator or an assignment stores its value under (`key`, `this.masterKey` → `masterKey`). */
function holderName(n: TSESTree.VariableDeclarator | TSESTree.AssignmentExpression): string | undefined {
  const target = n.type === T.VariableDeclarator ? n.id : n.left;
  if (target.type === T.Identifier) return target.name;
  return target.type === T.MemberExpression ? propertyName(target) : undefined;
}

/**
 * A holder named for a key (`keyMakerName`: `masterKey`, `encryptionKey`, `key`) given a password hashed once,
 * with the hash written in the value itself (`this.masterKey = sha256(encode(pin))`): the key is made there,
 * whether or not a cipher in this file reads the holder. A hash inside a helper is reported in the helper.
 */
export function hashedIntoKeyHolder(
  flow: FileFlow,
  n: TSESTree.VariableDeclarator | TSESTree.AssignmentExpression,
): HashedKeyHolder | undefined {
  const value = n.type === T.VariableDeclarator ? n.init : n.right;
  if (!value || (n.type === T.AssignmentExpression && n.operator !== '=')) return undefined;
  const name = holderName(n);
  if (name === undefined || !keyMakerName.pattern.test(normaliseName(name))) return undefined;
  const pw = flow.passwordOf(value);
  if (!pw || pw.via.some((t) => t.kind === 'kdf')) return undefined;
  const hash = pw.via.find(
    (t) =>
      t.kind === 'hash' &&
      t.inHelper !== true &&
      t.node.range[0] >= value.range[0] &&
      t.node.range[1] <= value.range[1],
  );
  return hash?.kind === 'hash' ? { name, password: pw.name, node: hash.node, hash: hash.title } : undefined;
}
