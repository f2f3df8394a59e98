/**
 * Values held in another module of the project, read without type information: an exported constant, an
 * enum member or a property of an exported settings object, reached through a relative import
 * (`import { LEGACY_CIPHER } from './crypto-config'`, `const cfg = require('../config')`, `cfg.cipher.name`).
 * Also enum members and static class fields of the same file (`CipherSuite.Legacy`, `Box.NONCE`), which scope
 * analysis does not resolve to a value.
 *
 * The other module is found by src/rule-kit/module-files.ts (relative paths, workspace packages, tsconfig
 * `paths`), read from disk and parsed once per process (cached on its path and modification time), one hop
 * only, never under the audit (`importsOnDisk: false`: its cross-file step joins modules from per-file
 * summaries), and only when a rule asks about a candidate argument that it could not read in its own file: no
 * per-node work. Any failure (no such file, a package import, a parse error) is "unknown".
 */
import { dirname, relative } from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { constInitOf, propertyName, unwrap, type Scope } from './ast.js';
import { moduleExports } from './flow/exports.js';
import type { ImportMap } from './imports.js';
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

/**
 * What module `program` exports as `name` (`default` for the default export or `module.exports` itself): the
 * module's export table (flow/exports.ts), the same one its per-file summary is made from; a name not in it may
 * still be a member of what `module.exports` holds (a class's static field, an enum's member).
 */
function exported(program: TSESTree.Program, name: string): TSESTree.Node | undefined {
  const table = moduleExports(program);
  const b = table.byName.get(name);
  if (b) return b.value?.type === T.FunctionDeclaration ? undefined : b.value;
  const whole = table.byName.get('default');
  return whole?.value && whole.at.type === T.ExpressionStatement ? memberValue(whole.value, name, program) : undefined;
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

/**
 * The value `expr` reads from another module (or from an enum of this file), or undefined when it reads
 * none: `LEGACY_CIPHER`, `cryptoSettings.cipher`, `cfg.crypto.iv`, `CipherSuite.Stream`, also behind a local
 * `const alg = cfg.cipher`.
 */
export function moduleValueOf(expr: TSESTree.Node, where: Where): ModuleValue | undefined {
  let path = memberPath(expr);
  for (let i = 0; path && i < MAX_STEPS; i++) {
    const { root, keys } = path;
    const name = [root.name, ...keys].join('.');
    const binding = where.imports.get(root.name);
    if (binding) {
      if (!importsOnDisk(where.settings)) return undefined;
      const file = resolveImport(dirname(where.filename), binding.module);
      const mod = file ? parseModule(file) : undefined;
      if (!file || !mod) return undefined;
      const [first, ...rest] = binding.imported === '*' ? keys : [binding.imported, ...keys];
      if (first === undefined) return undefined;
      let node = exported(mod.program, first);
      for (const k of rest) node = node && memberValue(node, k, mod.program);
      if (!node || node.type === T.TSEnumDeclaration || node.type === T.ClassDeclaration) return undefined;
      return {
        node,
        origins: resolveOrigins(node, mod.getScope),
        name,
        file: relative(where.cwd, file).replace(/\\/g, '/'),
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
