/**
 * Fixes and suggestions for a weak random source: rename a deprecated CSPRNG call
 * (`crypto.pseudoRandomBytes` → `crypto.randomBytes`), or replace the weak expression with a CSPRNG one
 * chosen by the shape around it (`randomInt(N)` for `Math.floor(Math.random() * N)`, a token for a string
 * chain, `randomBytes(n)` where a crypto sink wants bytes), from node:crypto or keyhygiene/keys.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { constInitOf, findVariable, propertyName, staticNumber, staticString, unwrap, type Scope } from './ast.js';
import { ensureBinding, KEYS_MODULE } from './fixes.js';
import type { WeakHit } from './flow/taint/lattice.js';
import type { ImportMap } from './imports.js';
import { freeName, keysRef, nodeCryptoRef } from './iv.js';

type Node = TSESTree.Node;
type SourceHit = Extract<WeakHit, { kind: 'source' }>;
export type RandomSuggestionId = 'useNodeCrypto' | 'useKeys';
type Suggestion = TSESLint.SuggestionReportDescriptor<RandomSuggestionId>;
type Ref = (fn: string) => string;

/** What a suggestion needs to know about the value the weak source makes. */
interface RandomTarget {
  /** The expression with the purpose (a sink argument, a return value, an initialiser). */
  readonly expr: Node;
  /** How a message names the purpose: `session ID`, `IV`. */
  readonly purpose: string;
  /** The value identifies something, so `randomUUID()` fits. */
  readonly identifier?: boolean;
  /** A crypto sink wants this many random bytes. */
  readonly bytes?: number;
}

export interface RandomFixes {
  /** Both replacements (node:crypto, keyhygiene/keys) for `target`, built by `build` with each module's names. */
  both(target: Node, node: (ref: Ref) => string, keys: (ref: Ref) => string): Suggestion[];
  /** The replacement for a weak source, by the shape of the expression around it. */
  weakSuggestions(hit: SourceHit, purpose: RandomTarget): Suggestion[];
  /** `crypto.pseudoRandomBytes` → `crypto.randomBytes`: the same call, from the CSPRNG. */
  renameFix(hit: SourceHit): TSESLint.ReportFixFunction | undefined;
}

const STRING_METHODS =
  /^(?:toString|slice|substring|substr|padStart|padEnd|toUpperCase|toLowerCase|replace|replaceAll)$/;

export function createRandomFixes(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  imports: () => ImportMap,
): RandomFixes {
  const sourceCode = context.sourceCode;
  const getScope = (n: Node): Scope => sourceCode.getScope(n);

  const suggestion = (
    messageId: RandomSuggestionId,
    target: Node,
    build: (ref: Ref) => string,
  ): Suggestion | undefined => {
    const resolver = (fn: string): { text: string; add: boolean } =>
      messageId === 'useNodeCrypto' ? nodeCryptoRef(imports(), fn) : keysRef(imports(), fn);
    const from = messageId === 'useNodeCrypto' ? 'node:crypto' : KEYS_MODULE;
    const needed: string[] = [];
    let clash = false;
    const replacement = build((fn) => {
      const r = resolver(fn);
      if (r.add) {
        if (!freeName(fn, getScope(target), imports())) clash = true;
        if (!needed.includes(fn)) needed.push(fn);
      }
      return r.text;
    });
    if (clash) return undefined;
    return {
      messageId,
      data: { replacement },
      fix: (fixer) => {
        const fixes = [fixer.replaceText(target, replacement)];
        const imp = needed.length ? ensureBinding(fixer, context, needed, from) : undefined;
        if (imp) fixes.push(imp);
        return fixes;
      },
    };
  };

  const both: RandomFixes['both'] = (target, node, keys) =>
    [suggestion('useNodeCrypto', target, node), suggestion('useKeys', target, keys)].filter(
      (s): s is Suggestion => s !== undefined,
    );

  const isCall = (n: Node | undefined, name: string): n is TSESTree.CallExpression =>
    n?.type === T.CallExpression && sourceCode.getText(n.callee) === name;

  /** Math.floor(Math.random() * N) → randomInt(N); Math.floor(A + Math.random() * N) → randomInt(A, A + N). */
  const integerSuggestions = (src: Node): Suggestion[] | undefined => {
    const p = src.parent;
    if (p?.type !== T.BinaryExpression || p.operator !== '*') return undefined;
    const n = p.left === src ? p.right : p.left;
    const q = p.parent;
    const nText = sourceCode.getText(n);
    if (
      isCall(q, 'Math.floor') ||
      isCall(q, 'Math.trunc') ||
      (q?.type === T.BinaryExpression && q.operator === '|' && staticNumber(q.right) === 0)
    )
      return both(
        q!,
        (r) => `${r('randomInt')}(${nText})`,
        (r) => `${r('randomInt')}(0, ${nText})`,
      );
    if (q?.type === T.BinaryExpression && q.operator === '+' && isCall(q.parent, 'Math.floor')) {
      const a = q.left === p ? q.right : q.left;
      const av = staticNumber(a);
      const nv = staticNumber(n);
      const aText = sourceCode.getText(a);
      const max = av !== undefined && nv !== undefined ? String(av + nv) : `${aText} + ${nText}`;
      const min = av !== undefined ? String(av) : aText;
      const build = (r: Ref): string => `${r('randomInt')}(${min}, ${max})`;
      return both(q.parent, build, build);
    }
    return undefined;
  };

  /** The top of a string chain on the source: `Math.random().toString(36).slice(2)`, `String(Date.now())`. */
  const stringChainTop = (src: Node): Node => {
    let top: Node = src;
    while (
      top.parent?.type === T.MemberExpression &&
      top.parent.object === top &&
      top.parent.parent?.type === T.CallExpression &&
      top.parent.parent.callee === top.parent
    ) {
      const m = propertyName(top.parent);
      if (m === undefined || !STRING_METHODS.test(m)) break;
      top = top.parent.parent;
    }
    if (isCall(top.parent, 'String') && top.parent.arguments[0] === top) top = top.parent;
    return top;
  };

  /** A crypto sink wants bytes: replace the whole value when the weak chain is all of it. */
  const bytesSuggestions = (top: Node, purpose: RandomTarget, n: number): Suggestion[] => {
    const expr = unwrap(purpose.expr);
    const isWhole = (e: Node): boolean =>
      e === top || (isCall(e, 'Buffer.from') && (e as TSESTree.CallExpression).arguments[0] === top);
    const init = expr.type === T.Identifier ? constInitOf(expr, getScope(expr)) : undefined;
    const target = isWhole(expr) ? expr : init && isWhole(unwrap(init)) ? init : undefined;
    const build = (r: Ref): string => `${r('randomBytes')}(${n})`;
    return target ? both(target, build, build) : [];
  };

  const weakSuggestions: RandomFixes['weakSuggestions'] = (hit, purpose) => {
    const src = hit.node;
    if (hit.source.returns === 'float') {
      const ints = integerSuggestions(src);
      if (ints) return ints;
    }
    const top = stringChainTop(src);
    if (purpose.bytes !== undefined) return bytesSuggestions(top, purpose, purpose.bytes);
    const inString =
      top !== src ||
      hit.source.returns === 'string' ||
      src.parent?.type === T.TemplateLiteral ||
      (src.parent?.type === T.BinaryExpression &&
        src.parent.operator === '+' &&
        [src.parent.left, src.parent.right].some((s) => staticString(s) !== undefined || s.type === T.TemplateLiteral));
    if (inString) {
      const id = purpose.identifier === true || /\b(?:ID|id)\b/.test(purpose.purpose);
      return both(
        top,
        (r) => (id ? `${r('randomUUID')}()` : `${r('randomBytes')}(32).toString('base64url')`),
        (r) => `${r('randomToken')}()`,
      );
    }
    if (hit.source.returns === 'float' && (hit.source.kind === 'prng' || hit.source.kind === 'seeded-prng'))
      return both(
        src,
        (r) => `${r('randomInt')}(2 ** 48) / 2 ** 48`,
        (r) => `${r('randomInt')}(0, 2 ** 48) / 2 ** 48`,
      );
    return [];
  };

  const renameFix: RandomFixes['renameFix'] = (hit) => {
    const to = hit.source.autofix;
    if (to === undefined || hit.node.type !== T.CallExpression) return undefined;
    const callee = unwrap(hit.node.callee);
    if (callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier) {
      const prop = callee.property;
      return (fixer) => fixer.replaceText(prop, to);
    }
    if (callee.type !== T.Identifier) return undefined;
    // A named import or a destructured require: rename what is imported, keep the local name.
    const def = findVariable(getScope(callee), callee)?.defs[0];
    const spec = def?.node;
    if (spec?.type === T.ImportSpecifier && spec.imported.type === T.Identifier) {
      const imported = spec.imported;
      return (fixer) =>
        spec.local.range[0] === imported.range[0]
          ? fixer.replaceText(spec, `${to} as ${spec.local.name}`)
          : fixer.replaceText(imported, to);
    }
    const prop = def?.name.parent;
    if (def?.node.type === T.VariableDeclarator && prop?.type === T.Property && prop.key.type === T.Identifier) {
      const key = prop.key;
      return (fixer) => (prop.shorthand ? fixer.replaceText(prop, `${to}: ${key.name}`) : fixer.replaceText(key, to));
    }
    return undefined;
  };

  return { both, weakSuggestions, renameFix };
}
