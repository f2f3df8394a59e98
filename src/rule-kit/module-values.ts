/**
 * Values held in another module of the project, read without type information: an exported constant, an
 * enum member or a property of an exported settings object, reached through a relative import
 * (`import { LEGACY_CIPHER } from './crypto-config'`, `const cfg = require('../config')`, `cfg.cipher.name`).
 * Also enum members and static class fields of the same file (`CipherSuite.Legacy`, `Box.NONCE`), which scope
 * analysis does not resolve to a value.
 *
 * The other module is found by src/rule-kit/module-files.ts (relative paths, folder `index` files, workspace
 * packages by name or, with no package.json, by folder, tsconfig `paths`), read from disk and parsed once per
 * process (cached on its path and modification time). A read crosses at most MAX_HOPS modules: barrels and
 * re-exports (`export * from`, `export { a as b } from`), re-exposed imports (`export { k }`, `export const K =
 * k`), objects built of imports (`export const config = { cipher: cipherSettings }`) and CommonJS barrels
 * (`module.exports = require('./settings')`). Never under the audit (`importsOnDisk: false`: its cross-file step
 * joins modules from per-file summaries), and only when a rule asks about a candidate argument that it could not
 * read in its own file: no per-node work. Any failure (no such file, a package import, a parse error) is
 * "unknown".
 */
import { dirname, relative, resolve } from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { constInitOf, propertyName, unwrap, type Scope } from './ast.js';
import { moduleExports } from './flow/exports.js';
import { collectImports, requireTarget, type ImportMap } from './imports.js';
import { importsOnDisk, moduleText, parsedModule, resolveImport, scopeGetter } from './module-files.js';
import { resolveOrigins, type Origin } from './values.js';

/** A value found behind an import (or a same-file enum): its origins there, and where it was written. */
export interface ModuleValue {
  /** The expression that holds the value, in the other file's tree. */
  readonly node: TSESTree.Node;
  /** Its origins, resolved in that file (literals, `Buffer.from('…', 'hex')`, `Buffer.alloc(16)`, …). */
  readonly origins: readonly Origin[];
  /** The name as the using file writes it (`cryptoSettings.cipher`). */
  readonly name: string;
  /** The file that writes the value, relative to `cwd`; undefined for the same file. */
  readonly file: string | undefined;
}

interface ParsedModule {
  readonly program: TSESTree.Program;
  readonly getScope: (n: TSESTree.Node) => Scope;
}

const MAX_STEPS = 4;
/** Files above this size are not read for one constant (generated bundles). */
const MAX_BYTES = 512 * 1024;

/** The other module's tree and scopes (module-files.ts reads and parses it once, for every rule). */
function parseModule(file: string): ParsedModule | undefined {
  const text = moduleText(file);
  if (text === undefined || Buffer.byteLength(text) > MAX_BYTES) return undefined;
  const p = parsedModule(file);
  return p && { program: p.ast as TSESTree.Program, getScope: scopeGetter(p.scopeManager) };
}

/** The expression a top-level declaration named `name` holds (a const's initialiser, or the enum or class itself). */
function topLevel(program: TSESTree.Program, name: string): TSESTree.Node | undefined {
  const v = moduleExports(program).locals.get(name)?.value;
  return v?.type === T.FunctionDeclaration ? undefined : v;
}

/** Property `key` of an object literal or member of an enum, through `Object.freeze` and same-file consts. */
function memberValue(holder: TSESTree.Node, key: string, program: TSESTree.Program): TSESTree.Node | undefined {
  let h = unwrap(holder);
  if (h.type === T.Identifier) h = topLevel(program, h.name) ?? h;
  if (
    h.type === T.CallExpression &&
    h.callee.type === T.MemberExpression &&
    propertyName(h.callee) === 'freeze' &&
    h.arguments[0]
  )
    h = unwrap(h.arguments[0]);
  if (h.type === T.ObjectExpression) {
    let found: TSESTree.Node | undefined;
    for (const p of h.properties) {
      if (p.type !== T.Property || propertyName(p) !== key) continue;
      found = p.shorthand && p.value.type === T.Identifier ? (topLevel(program, p.value.name) ?? p.value) : p.value;
    }
    return found;
  }
  if (h.type === T.ClassDeclaration) {
    // A static field: `static readonly NONCE = Buffer.from([…])`.
    for (const m of h.body.body)
      if (m.type === T.PropertyDefinition && m.static && propertyName(m) === key && m.value) return m.value;
    return undefined;
  }
  if (h.type === T.TSEnumDeclaration) {
    const members = 'body' in h && h.body ? h.body.members : (h as { members: TSESTree.TSEnumMember[] }).members;
    for (const m of members) {
      const id = m.id.type === T.Identifier ? m.id.name : String(m.id.value);
      if (id === key) return m.initializer;
    }
  }
  return undefined;
}

/** The root identifier of `a.b.c` and the keys after it; undefined for computed or call parts. */
function memberPath(expr: TSESTree.Node): { root: TSESTree.Identifier; keys: string[] } | undefined {
  const keys: string[] = [];
  let n = unwrap(expr);
  while (n.type === T.MemberExpression) {
    const k = propertyName(n);
    if (k === undefined || n.object.type === T.ThisExpression) return undefined;
    keys.unshift(k);
    n = unwrap(n.object);
  }
  return n.type === T.Identifier ? { root: n, keys } : undefined;
}

interface Where {
  readonly filename: string;
  readonly cwd: string;
  /** ESLint's shared settings: another module is read from disk only when they allow it (`importsOnDisk`). */
  readonly settings: Readonly<Record<string, unknown>> | undefined;
  readonly imports: ImportMap;
  readonly getScope: (n: TSESTree.Node) => Scope;
}

/** How many modules one read may cross (re-exports, barrels, aliases of imports, objects built of imports). */
const MAX_HOPS = 4;

/** A node found in another module, with that module's tree and path. */
interface Found {
  readonly node: TSESTree.Node;
  readonly mod: ParsedModule;
  readonly file: string;
}

/**
 * What module `spec` (imported from `fromFile`) holds at `path` (`[]` for the whole namespace is not a value):
 * its export table first, then its re-exports (`export * from`, `export { a as b } from`), then, when the value
 * it holds is itself an import of that module (`import { k } from './a'; export { k }`, `export const K = k`,
 * `export const config = { cipher: cipherSettings }`), the module that import names. At most MAX_HOPS modules.
 */
function importedValue(
  fromFile: string,
  spec: string,
  path: readonly string[],
  hops = 0,
  declarations = false,
): Found | undefined {
  // A package folder of a workspace with no manifest resolves by its folder's name, as for every rule.
  const file = hops < MAX_HOPS ? resolveImport(dirname(fromFile), spec, true) : undefined;
  const mod = file ? parseModule(file) : undefined;
  const [first, ...rest] = path;
  if (!file || !mod || first === undefined) return undefined;
  const table = moduleExports(mod.program);
  const b = table.byName.get(first);
  let found: Found | undefined;
  if (b?.imported && b.local !== undefined) found = throughImport(file, mod, b.local, [], hops, declarations);
  else if (b)
    found =
      (b.value?.type === T.FunctionDeclaration && !declarations) || !b.value ? undefined : { node: b.value, mod, file };
  else {
    for (const [from, exportedAs, imported] of table.reexports) {
      if (exportedAs === first) {
        found = importedValue(file, from, imported === '*' ? rest : [imported, ...rest], hops + 1, declarations);
        if (found) return found;
        continue;
      }
      if (exportedAs !== '*') continue;
      found = importedValue(file, from, path, hops + 1, declarations);
      if (found) return found;
    }
    const whole = table.byName.get('default');
    // `module.exports = require('./settings')`: a CommonJS barrel.
    const req =
      whole?.value && whole.at.type === T.ExpressionStatement ? requireTarget(unwrap(whole.value)) : undefined;
    if (req) {
      const inner = req.imported === '*' ? path : [req.imported, ...path];
      return importedValue(file, req.module, inner, hops + 1, declarations);
    }
    if (whole?.value && whole.at.type === T.ExpressionStatement) {
      const node = memberValue(whole.value, first, mod.program);
      found = node && { node, mod, file };
    }
  }
  for (const k of rest) {
    if (!found) return undefined;
    found = followImport(found, hops, declarations);
    const node: TSESTree.Node | undefined = found && memberValue(found.node, k, found.mod.program);
    found = node && found && { ...found, node };
  }
  return found && followImport(found, hops, declarations);
}

/** A value that names an import binding of its own module (`export const K = k`) is read where that points. */
function followImport(f: Found, hops: number, declarations = false): Found | undefined {
  const n = unwrap(f.node);
  // `exports.CIPHER = require('./ciphers').LEGACY`
  const req = requireTarget(n);
  if (req) {
    const path = req.imported === '*' ? [] : req.imported.split('.');
    return importedValue(f.file, req.module, path, hops + 1, declarations) ?? f;
  }
  if (n.type !== T.Identifier && n.type !== T.MemberExpression) return f;
  const path = memberPath(n);
  if (!path || !collectImports(f.mod.program).has(path.root.name)) return f;
  return throughImport(f.file, f.mod, path.root.name, path.keys, hops, declarations) ?? f;
}

/** Import binding `local` of module `file`, then `keys` below it. */
function throughImport(
  file: string,
  mod: ParsedModule,
  local: string,
  keys: readonly string[],
  hops: number,
  declarations = false,
): Found | undefined {
  const binding = collectImports(mod.program).get(local);
  if (!binding) return undefined;
  const path = binding.imported === '*' ? keys : [...binding.imported.split('.'), ...keys];
  return importedValue(file, binding.module, path, hops + 1, declarations);
}

/** A declaration or value another module of the project exports, found on disk (functions and classes too). */
export interface ImportedDeclaration {
  /** The function, class, object, call or other expression the export holds, in the other file's tree. */
  readonly node: TSESTree.Node;
  /** The other module's path on disk. */
  readonly file: string;
}

/**
 * What `spec`, imported from `fromFile`, exports at `path` (`['trace']`, `['default', 'debug']`), as
 * `importedValue` reads it but keeping function and class declarations: the helpers and loggers a log call may
 * go through (src/rule-kit/project-sinks.ts). Undefined for an installed package or anything unresolved.
 */
export function importedDeclaration(
  fromFile: string,
  spec: string,
  path: readonly string[],
): ImportedDeclaration | undefined {
  const found = importedValue(fromFile, spec, path, 0, true);
  return found && { node: found.node, file: found.file };
}

/**
 * The value `expr` reads from another module (or from an enum of this file), or undefined when it reads
 * none: `LEGACY_CIPHER`, `cryptoSettings.cipher`, `cfg.crypto.iv`, `CipherSuite.Stream`, also behind a local
 * `const alg = cfg.cipher`, through barrels and re-exports, and from a workspace package (also one with no
 * package.json, imported by its folder's name).
 */
export function moduleValueOf(expr: TSESTree.Node, where: Where): ModuleValue | undefined {
  let path = memberPath(expr);
  for (let i = 0; path && i < MAX_STEPS; i++) {
    const { root, keys } = path;
    const name = [root.name, ...keys].join('.');
    const binding = where.imports.get(root.name);
    if (binding) {
      if (!importsOnDisk(where.settings)) return undefined;
      const imported = binding.imported === '*' ? keys : [...binding.imported.split('.'), ...keys];
      const found = importedValue(resolve(where.cwd, where.filename), binding.module, imported);
      const node = found?.node;
      if (!found || !node || node.type === T.TSEnumDeclaration || node.type === T.ClassDeclaration) return undefined;
      return {
        node,
        origins: resolveOrigins(node, found.mod.getScope),
        name,
        file: relative(where.cwd, found.file).replace(/\\/g, '/'),
      };
    }
    const init = constInitOf(root, where.getScope(root));
    if (init) {
      const inner = memberPath(init);
      path = inner && { root: inner.root, keys: [...inner.keys, ...keys] };
      continue;
    }
    // A same-file enum member or static field: `CipherSuite.Stream`, `TokenCipher.NONCE`.
    if (keys.length === 1) {
      const program = programOf(root);
      const e = program && topLevel(program, root.name);
      const holds = e?.type === T.TSEnumDeclaration || e?.type === T.ClassDeclaration;
      const node = program && e && holds ? memberValue(e, keys[0]!, program) : undefined;
      if (node) return { node, origins: resolveOrigins(node, where.getScope), name, file: undefined };
    }
    return undefined;
  }
  return undefined;
}

function programOf(n: TSESTree.Node): TSESTree.Program | undefined {
  let p: TSESTree.Node | undefined = n;
  while (p && p.type !== T.Program) p = p.parent;
  return p;
}
