/**
 * What the value-flow engine knows about a file's exports, as plain data: the per-file summary the
 * audit's cross-file pass joins (src/scanner owns the joining; this module only describes one file).
 * Pure: it reads an ESLint `SourceCode` (any parser that gives ESTree with scopes) and does no I/O.
 *
 * `summariseExports(sourceCode)` returns, for each exported binding:
 * - a literal value and its kind (`string`, `number`), and, when the string names a weak cipher, the
 *   catalogue's id for it (`export const LEGACY_CIPHER = 'des-ede3-cbc'` → `weakAlgorithm: 'des'`);
 * - for an object literal, the property paths that hold secrets (`config.db.password`,
 *   `jwtSecret`), by the catalogue's secret names, with where each value comes from (env, literal, …),
 *   and any weak algorithm names inside it;
 * - for a function, what it returns when nothing is known about its arguments (`weak-random`,
 *   `password-derived`, `password`) and which parameters reach its return value through which
 *   transforms (`hash`, `kdf`, `fit`), from the engine's per-function summary.
 * No secret value is ever copied into the summary: a secret's origin kind is given, never its text.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { weakCipherOf } from '../../catalogue/algorithms.js';
import { isSecretName } from '../../detect/names.js';
import { isFunctionNode, propertyName, staticNumber, staticString, unwrap, type FunctionNode } from '../ast.js';
import { flowOf, type ReturnKind } from './engine.js';

type ExportedValue =
  | { readonly kind: 'string'; readonly value: string; readonly weakAlgorithm?: string }
  | { readonly kind: 'number'; readonly value: number }
  | {
      readonly kind: 'object';
      /** Property paths (`db.password`) whose names say they hold a secret, with the kind of value there. */
      readonly secrets: readonly { readonly path: string; readonly from: SecretSource }[];
      /** Property paths holding a weak algorithm name, with the catalogue's id. */
      readonly weakAlgorithms: readonly { readonly path: string; readonly id: string }[];
    }
  | {
      readonly kind: 'function';
      readonly returns: readonly ReturnKind[];
      readonly params: readonly { readonly index: number; readonly via: readonly ('hash' | 'kdf' | 'fit')[] }[];
    }
  | { readonly kind: 'other' };

/** Where a secret-named property's value comes from (never the value itself). */
type SecretSource = 'env' | 'literal' | 'call' | 'other';

export interface ExportSummary {
  /** The exported name (`default` for a default export). */
  readonly name: string;
  /** 1-based line of the declaration, for messages. */
  readonly line: number;
  readonly value: ExportedValue;
}

const MAX_OBJECT_DEPTH = 4;

/**
 * The file's exports as the engine sees them: literals, objects that hold secrets, weak algorithm
 * names, and what exported functions return. Cached with the engine, so calling it from a rule and from
 * the scanner on the same `SourceCode` costs one computation.
 */
export function summariseExports(sourceCode: Readonly<TSESLint.SourceCode>): readonly ExportSummary[] {
  const cached = cache.get(sourceCode.ast);
  if (cached) return cached;
  const flow = flowOf(sourceCode);
  const out: ExportSummary[] = [];
  const locals = new Map<string, TSESTree.Node>();
  for (const stmt of sourceCode.ast.body) {
    if (stmt.type === T.VariableDeclaration)
      for (const d of stmt.declarations) if (d.id.type === T.Identifier && d.init) locals.set(d.id.name, d.init);
    if (stmt.type === T.FunctionDeclaration && stmt.id) locals.set(stmt.id.name, stmt);
  }

  const describe = (node: TSESTree.Node): ExportedValue => {
    const n = unwrap(node);
    if (isFunctionNode(n)) {
      const s = flow.summary(n as FunctionNode);
      return {
        kind: 'function',
        returns: [...s.returns].sort(),
        params: s.params.map((p) => ({ index: p.index, via: p.via.map((t) => t.kind) })),
      };
    }
    const str = staticString(n);
    if (str !== undefined) {
      const weak = weakCipherOf(str);
      return { kind: 'string', value: str, ...(weak ? { weakAlgorithm: weak.id } : {}) };
    }
    const num = staticNumber(n);
    if (num !== undefined) return { kind: 'number', value: num };
    if (n.type === T.ObjectExpression) {
      const secrets: { path: string; from: SecretSource }[] = [];
      const weakAlgorithms: { path: string; id: string }[] = [];
      walkObject(n, '', 0, secrets, weakAlgorithms);
      return { kind: 'object', secrets, weakAlgorithms };
    }
    return { kind: 'other' };
  };

  const walkObject = (
    o: TSESTree.ObjectExpression,
    prefix: string,
    depth: number,
    secrets: { path: string; from: SecretSource }[],
    weak: { path: string; id: string }[],
  ): void => {
    for (const p of o.properties) {
      if (p.type !== T.Property) continue;
      const key = propertyName(p);
      if (key === undefined) continue;
      const path = prefix ? `${prefix}.${key}` : key;
      const v = unwrap(p.value);
      if (v.type === T.ObjectExpression && depth < MAX_OBJECT_DEPTH) {
        walkObject(v, path, depth + 1, secrets, weak);
        continue;
      }
      const s = staticString(v);
      const w = s === undefined ? undefined : weakCipherOf(s);
      if (w) weak.push({ path, id: w.id });
      if (isSecretName(key)) secrets.push({ path, from: sourceOf(v) });
    }
  };

  const sourceOf = (v: TSESTree.Node): SecretSource => {
    const kinds = new Set(flow.origins(v).map((o) => o.kind));
    if (kinds.has('env')) return 'env';
    if (kinds.has('string') || kinds.has('bytes')) return 'literal';
    if (kinds.has('call')) return 'call';
    return 'other';
  };

  const push = (name: string, decl: TSESTree.Node, value: TSESTree.Node): void => {
    out.push({ name, line: decl.loc.start.line, value: describe(value) });
  };

  for (const stmt of sourceCode.ast.body) {
    if (stmt.type === T.ExportNamedDeclaration) {
      const d = stmt.declaration;
      if (d?.type === T.VariableDeclaration) {
        for (const v of d.declarations) if (v.id.type === T.Identifier && v.init) push(v.id.name, v, v.init);
      } else if (d?.type === T.FunctionDeclaration && d.id) push(d.id.name, d, d);
      else if (!d && !stmt.source)
        for (const s of stmt.specifiers) {
          const local = s.local.name;
          const exported = s.exported.type === T.Identifier ? s.exported.name : String(s.exported.value);
          const init = locals.get(local);
          if (init) push(exported, s, init);
        }
    } else if (stmt.type === T.ExpressionStatement && stmt.expression.type === T.AssignmentExpression) {
      // CommonJS: `module.exports = { … }`, `module.exports.x = …`, `exports.x = …`.
      const { left, right } = stmt.expression;
      if (left.type !== T.MemberExpression) continue;
      const obj = unwrap(left.object);
      const key = propertyName(left);
      const isModule = (n: TSESTree.Node): boolean => n.type === T.Identifier && n.name === 'module';
      const value = right.type === T.Identifier ? (locals.get(right.name) ?? right) : right;
      if (isModule(obj) && key === 'exports') {
        const v = unwrap(value);
        if (v.type === T.ObjectExpression)
          for (const p of v.properties) {
            const name = p.type === T.Property ? propertyName(p) : undefined;
            if (p.type !== T.Property || name === undefined) continue;
            const pv = unwrap(p.value);
            push(name, p, pv.type === T.Identifier ? (locals.get(pv.name) ?? pv) : pv);
          }
        else push('default', stmt, value);
      } else if (
        key !== undefined &&
        ((obj.type === T.Identifier && obj.name === 'exports') ||
          (obj.type === T.MemberExpression && isModule(unwrap(obj.object)) && propertyName(obj) === 'exports'))
      )
        push(key, stmt, value);
    } else if (stmt.type === T.ExportDefaultDeclaration) {
      const d = stmt.declaration;
      const init = d.type === T.Identifier ? locals.get(d.name) : d;
      if (init) push('default', stmt, init);
    }
  }
  cache.set(sourceCode.ast, out);
  return out;
}

const cache = new WeakMap<TSESTree.Program, readonly ExportSummary[]>();
