/**
 * What a module exports, enumerated once per parsed file: the one reading of ESM and CommonJS export forms
 * behind every consumer that asks "what does this module export as `name`?" — the per-file summary
 * (./summary.ts, which the audit's cross-file step joins) and the rules that read a value from an imported
 * module (src/rule-kit/module-values.ts). Pure: it reads top-level statements only, and does no I/O.
 *
 * Forms read:
 * - `export const|let|var|function|class|enum …` and `export default <declaration or expression>`;
 * - `export { a as b }` (of a top-level declaration, or of an import binding: an alias);
 * - `export … from` and `export * from` (re-exports, kept apart: another module answers for them);
 * - `module.exports = require('./x')` (a CommonJS barrel: read as `export * from './x'` besides `default`);
 * - `module.exports = { … }` (each property, and the whole object as `default`), also when the object is a
 *   top-level const or wrapped in `Object.freeze`, and a spread `...require('./x')` in it (read as `export * from
 *   './x'`); `module.exports = X` (`default`); `exports.k = …` and `module.exports.k = …`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { propertyName, unwrap } from '../ast.js';
import { collectImports, requireTarget } from '../imports.js';

/** One exported name. */
export interface ExportBinding {
  /** The exported name (`default` for a default export or `module.exports = …`). */
  readonly name: string;
  /** Where the export is written (a declarator, a specifier, a statement, a property), for lines. */
  readonly at: TSESTree.Node;
  /** The top-level declaration that binds the exported local, when the export names one of this file. */
  readonly decl?: TSESTree.Node;
  /** The local name the export reads (a declared name or an import binding). */
  readonly local?: string;
  /** The export re-exposes an import binding of this file (`import { k } from './a'; export { k }`). */
  readonly imported?: true;
  /**
   * The expression the export holds: a variable's initialiser, the function, class or enum itself, a default
   * expression, a CommonJS right-hand side or property value (a local name followed to its declaration).
   */
  readonly value?: TSESTree.Node;
  /** Declared with `let` or `var`: it can be reassigned anywhere, so its initialiser says little. */
  readonly reassignable?: true;
}

export interface ModuleExports {
  /** In source order; a later binding of the same name overrides an earlier one (as at run time). */
  readonly bindings: readonly ExportBinding[];
  /** The binding each name resolves to (the last written). */
  readonly byName: ReadonlyMap<string, ExportBinding>;
  /** `export … from`: [module specifier, exported name (`*` for `export *`), imported name (`*` for a namespace)]. */
  readonly reexports: ReadonlyArray<readonly [string, string, string]>;
  /** Top-level declarations by the names they bind. */
  readonly locals: ReadonlyMap<string, { readonly decl: TSESTree.Node; readonly value: TSESTree.Node | undefined }>;
}

const cache = new WeakMap<TSESTree.Program, ModuleExports>();

/** The names a top-level declaration binds. */
export function declaredNames(d: TSESTree.Node): string[] {
  if ((d.type === T.FunctionDeclaration || d.type === T.ClassDeclaration) && d.id) return [d.id.name];
  if (d.type === T.VariableDeclaration)
    return d.declarations.flatMap((v) => (v.id.type === T.Identifier ? [v.id.name] : []));
  if (d.type === T.TSEnumDeclaration) return [d.id.name];
  return [];
}

const nameOf = (n: TSESTree.Identifier | TSESTree.StringLiteral): string =>
  n.type === T.Identifier ? n.name : n.value;

const isModuleExports = (n: TSESTree.Node): boolean =>
  n.type === T.MemberExpression &&
  n.object.type === T.Identifier &&
  n.object.name === 'module' &&
  propertyName(n) === 'exports';

/** `Object.freeze(x)` → `x`. */
function unfrozen(n: TSESTree.Node): TSESTree.Node {
  const u = unwrap(n);
  if (
    u.type === T.CallExpression &&
    u.callee.type === T.MemberExpression &&
    propertyName(u.callee) === 'freeze' &&
    u.arguments[0] &&
    u.arguments[0].type !== T.SpreadElement
  )
    return unwrap(u.arguments[0]);
  return u;
}

/** The module's exports, computed once per parsed program (the rules and the summary share it). */
export function moduleExports(program: TSESTree.Program): ModuleExports {
  const hit = cache.get(program);
  if (hit) return hit;
  const imports = collectImports(program);
  const locals = new Map<string, { decl: TSESTree.Node; value: TSESTree.Node | undefined }>();
  for (const st of program.body) {
    const d =
      (st.type === T.ExportNamedDeclaration || st.type === T.ExportDefaultDeclaration) && st.declaration
        ? st.declaration
        : st;
    if (d.type === T.VariableDeclaration) {
      for (const v of d.declarations)
        if (v.id.type === T.Identifier) locals.set(v.id.name, { decl: d, value: v.init ?? undefined });
    } else for (const n of declaredNames(d)) locals.set(n, { decl: d, value: d });
  }
  const bindings: ExportBinding[] = [];
  const reexports: Array<readonly [string, string, string]> = [];
  const reassignable = (decl: TSESTree.Node): { reassignable?: true } =>
    decl.type === T.VariableDeclaration && decl.kind !== 'const' ? { reassignable: true } : {};
  /** An export that reads a local name: its declaration, or an import binding. */
  const ofLocal = (name: string, at: TSESTree.Node, local: string): ExportBinding | undefined => {
    if (imports.has(local)) return { name, at, local, imported: true };
    const l = locals.get(local);
    return l
      ? { name, at, local, decl: l.decl, ...(l.value ? { value: l.value } : {}), ...reassignable(l.decl) }
      : undefined;
  };
  /** An exported expression: a bare local name is followed to its declaration. */
  const ofValue = (name: string, at: TSESTree.Node, value: TSESTree.Node): ExportBinding => {
    const v = unwrap(value);
    return (v.type === T.Identifier && ofLocal(name, at, v.name)) || { name, at, value };
  };
  const add = (b: ExportBinding | undefined): void => {
    if (b) bindings.push(b);
  };

  for (const st of program.body) {
    if (st.type === T.ExportNamedDeclaration) {
      if (st.source) {
        for (const s of st.specifiers) reexports.push([st.source.value, nameOf(s.exported), nameOf(s.local)] as const);
      } else if (st.declaration) {
        const d = st.declaration;
        if (d.type === T.VariableDeclaration) {
          for (const v of d.declarations)
            if (v.id.type === T.Identifier)
              add({
                name: v.id.name,
                at: v,
                local: v.id.name,
                decl: d,
                ...(v.init ? { value: v.init } : {}),
                ...reassignable(d),
              });
        } else for (const n of declaredNames(d)) add({ name: n, at: d, local: n, decl: d, value: d });
      } else for (const s of st.specifiers) add(ofLocal(nameOf(s.exported), s, nameOf(s.local)));
    } else if (st.type === T.ExportAllDeclaration) {
      reexports.push([st.source.value, st.exported ? nameOf(st.exported) : '*', '*'] as const);
    } else if (st.type === T.ExportDefaultDeclaration) {
      const d = st.declaration;
      if ((d.type === T.FunctionDeclaration || d.type === T.ClassDeclaration) && d.id)
        add({ name: 'default', at: st, local: d.id.name, decl: d, value: d });
      else if (d.type === T.FunctionDeclaration || d.type === T.ClassDeclaration)
        add({ name: 'default', at: st, decl: d, value: d });
      else add(ofValue('default', st, d));
    } else if (st.type === T.ExpressionStatement && st.expression.type === T.AssignmentExpression) {
      const { left, right } = st.expression;
      if (left.type !== T.MemberExpression) continue;
      if (isModuleExports(left)) {
        // `module.exports = require('./x')`: a CommonJS barrel passes on every export of ./x.
        const req = requireTarget(unwrap(right));
        if (req?.imported === '*') reexports.push([req.module, '*', '*'] as const);
        // `module.exports = { … }`: each property is a named export, and the whole object the default one.
        const whole = ofValue('default', st, right);
        add(whole);
        const obj = whole.value && unfrozen(whole.value);
        if (obj?.type === T.ObjectExpression)
          for (const p of obj.properties) {
            // `module.exports = { ...require('./random'), … }`: a CommonJS barrel that spreads another module.
            const spread = p.type === T.SpreadElement ? requireTarget(unwrap(p.argument)) : undefined;
            if (spread?.imported === '*') reexports.push([spread.module, '*', '*'] as const);
            const n = p.type === T.Property ? propertyName(p) : undefined;
            if (p.type !== T.Property || n === undefined) continue;
            add(ofValue(n, p, p.value));
          }
        continue;
      }
      const key = propertyName(left);
      const o = unwrap(left.object);
      if (key !== undefined && ((o.type === T.Identifier && o.name === 'exports') || isModuleExports(o)))
        add(ofValue(key, st, right));
    }
  }
  const byName = new Map<string, ExportBinding>();
  for (const b of bindings) byName.set(b.name, b);
  const out: ModuleExports = { bindings, byName, reexports, locals };
  cache.set(program, out);
  return out;
}
