/**
 * Which local names come from which module, for one file. Built once per file (on `Program`), from
 * ESM imports and CommonJS `require` bindings, and read by the sink matcher.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';

export interface ImportBinding {
  readonly module: string;
  /** `default`, `*` (namespace or whole CommonJS module) or the exported name. */
  readonly imported: string;
}

export type ImportMap = ReadonlyMap<string, ImportBinding>;

/** `require('x')` or `require('x').y` → module and export path. */
export function requireTarget(node: TSESTree.Node | null | undefined): ImportBinding | undefined {
  if (!node) return undefined;
  if (node.type === T.CallExpression && node.callee.type === T.Identifier && node.callee.name === 'require') {
    const a = node.arguments[0];
    if (a?.type === T.Literal && typeof a.value === 'string') return { module: a.value, imported: '*' };
    return undefined;
  }
  if (node.type === T.MemberExpression && !node.computed && node.property.type === T.Identifier) {
    const inner = requireTarget(node.object);
    if (inner && inner.imported === '*') return { module: inner.module, imported: node.property.name };
  }
  if (node.type === T.AwaitExpression) return requireTarget(node.argument);
  return undefined;
}

/** One import map per file: every rule reads the same object (and per-node caches key on it). */
const perProgram = new WeakMap<TSESTree.Program, ImportMap>();

/** The file's import map, built once per `Program` node and shared by every rule. */
export function collectImports(program: TSESTree.Program): ImportMap {
  let got = perProgram.get(program);
  if (!got) perProgram.set(program, (got = buildImports(program)));
  return got;
}

function buildImports(program: TSESTree.Program): ImportMap {
  const map = new Map<string, ImportBinding>();
  const visitDeclarator = (d: TSESTree.VariableDeclarator): void => {
    // `const { randomString } = shared` after `import shared from '@acme/shared'` (a CommonJS module's exports
    // object) or `import * as shared from …`: the names destructured from the whole module are its exports.
    const whole = d.init?.type === T.Identifier && d.id.type === T.ObjectPattern ? map.get(d.init.name) : undefined;
    const target =
      requireTarget(d.init) ??
      (whole && (whole.imported === '*' || whole.imported === 'default')
        ? { module: whole.module, imported: '*' }
        : undefined);
    if (!target) return;
    if (d.id.type === T.Identifier) map.set(d.id.name, target);
    else if (d.id.type === T.ObjectPattern) {
      for (const p of d.id.properties) {
        if (p.type !== T.Property) continue;
        const key =
          p.key.type === T.Identifier ? p.key.name : p.key.type === T.Literal ? String(p.key.value) : undefined;
        const local =
          p.value.type === T.Identifier
            ? p.value
            : p.value.type === T.AssignmentPattern && p.value.left.type === T.Identifier
              ? p.value.left
              : undefined;
        if (key && local)
          map.set(local.name, {
            module: target.module,
            imported: target.imported === '*' ? key : `${target.imported}.${key}`,
          });
      }
    }
  };
  for (const stmt of program.body) {
    if (stmt.type === T.ImportDeclaration) {
      for (const s of stmt.specifiers) {
        if (s.type === T.ImportDefaultSpecifier)
          map.set(s.local.name, { module: stmt.source.value, imported: 'default' });
        else if (s.type === T.ImportNamespaceSpecifier)
          map.set(s.local.name, { module: stmt.source.value, imported: '*' });
        else
          map.set(s.local.name, {
            module: stmt.source.value,
            imported: s.imported.type === T.Identifier ? s.imported.name : String(s.imported.value),
          });
      }
    } else if (stmt.type === T.VariableDeclaration) {
      stmt.declarations.forEach(visitDeclarator);
    } else if (stmt.type === T.ExportNamedDeclaration && stmt.declaration?.type === T.VariableDeclaration) {
      stmt.declaration.declarations.forEach(visitDeclarator);
    } else if (stmt.type === T.TSImportEqualsDeclaration && stmt.moduleReference.type === T.TSExternalModuleReference) {
      const e = stmt.moduleReference.expression;
      if (e.type === T.Literal && typeof e.value === 'string')
        map.set(stmt.id.name, { module: e.value, imported: '*' });
    }
  }
  return map;
}
