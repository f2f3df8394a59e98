/**
 * Across files, with type information: a call to a function imported from another file of the program is
 * followed into that file (one hop), parsed with the same parser and tracked with the same tracker.
 */
import { createRequire } from 'node:module';
import { statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { ParserServices, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type * as TS from 'typescript';
import { childrenOf, isFunctionNode, propertyName, unwrap, type FunctionNode } from '../../ast.js';
import { weakSourceKeywords } from '../../../catalogue/randomness.js';
import { collectImports, type ImportMap } from '../../imports.js';
import { moduleExports } from '../exports.js';
import { functionName } from '../functions.js';
import {
  moduleText,
  parsedModule,
  parseOtherFile,
  resolveImport,
  scopeGetter,
  type OtherFileParse,
} from '../../module-files.js';
import { alt, OPAQUE, type ForeignOrigin, type Taint, type WeakHit } from './lattice.js';
import { generatorSourceOf } from './sources.js';
import { createTaintTracker, type TaintTracker } from './tracker.js';

// ---- Across files, with type information ----------------------------------------------------------

interface ForeignFile {
  readonly tracker: TaintTracker;
  /** Functions by the start offset of their name. */
  readonly functions: ReadonlyMap<number, FunctionNode>;
  /** Functions by the name the module exports them under (`default` for a default or `module.exports =`). */
  readonly exported: ReadonlyMap<string, FunctionNode>;
  /** Names passed on from other modules: `export { a as b } from './x'` (b → ./x's a), `export * from './y'`. */
  readonly reexports: ReadonlyMap<string, { readonly module: string; readonly imported: string }>;
  readonly stars: readonly string[];
  /**
   * Generators the module exports, made by a call (`export const shortId = customAlphabet(abc, 10)`), by exported
   * name and by the start offset of their declared name: calling one is a weak source when the catalogue says that
   * calling what the factory returns is (`nanoid/non-secure`'s `customAlphabet()`, `seedrandom(seed)()`).
   */
  readonly generators: ReadonlyMap<string | number, TSESTree.CallExpression | TSESTree.NewExpression>;
  readonly imports: ImportMap;
  readonly getScope: (node: TSESTree.Node) => TSESLint.Scope.Scope;
}

/** Another file, parsed, with parents set and its functions indexed. */
function loadForeign({ ast, scopeManager, visitorKeys }: OtherFileParse): ForeignFile {
  const functions = new Map<number, FunctionNode>();
  const stack: { node: TSESTree.Node; parent: TSESTree.Node | undefined }[] = [
    { node: ast as TSESTree.Node, parent: undefined },
  ];
  while (stack.length) {
    const { node, parent } = stack.pop()!;
    (node as { parent?: TSESTree.Node }).parent = parent;
    if (node.type === T.FunctionDeclaration && node.id) functions.set(node.id.range[0], node);
    if (
      node.type === T.VariableDeclarator &&
      node.init &&
      (node.init.type === T.ArrowFunctionExpression || node.init.type === T.FunctionExpression)
    )
      functions.set(node.id.range[0], node.init);
    for (const c of childrenOf(node, visitorKeys as TSESLint.SourceCode.VisitorKeys))
      stack.push({ node: c, parent: node });
  }
  const getScope = scopeGetter(scopeManager);
  const imports = collectImports(ast as TSESTree.Program);
  const tracker = createTaintTracker({
    getScope,
    imports,
    visitorKeys: visitorKeys as TSESLint.SourceCode.VisitorKeys,
  });
  const program = ast as TSESTree.Program;
  return { tracker, functions, imports, getScope, ...exportsOf(program) };
}

/**
 * The functions a module exports, by exported name, and the names it passes on from other modules: read from
 * the module's export table (../exports.ts), the one the per-file summaries are made from.
 */
function exportsOf(program: TSESTree.Program): Pick<ForeignFile, 'exported' | 'reexports' | 'stars' | 'generators'> {
  const table = moduleExports(program);
  const exported = new Map<string, FunctionNode>();
  const generators = new Map<string | number, TSESTree.CallExpression | TSESTree.NewExpression>();
  for (const b of table.bindings) {
    const v = b.value && unwrap(b.value);
    if (v && isFunctionNode(v)) exported.set(b.name, v);
    else if (v && !b.reassignable && (v.type === T.CallExpression || v.type === T.NewExpression)) {
      generators.set(b.name, v);
      if (v.parent?.type === T.VariableDeclarator) generators.set(v.parent.id.range[0], v);
    }
  }
  const reexports = new Map<string, { module: string; imported: string }>();
  const stars: string[] = [];
  for (const [module, name, imported] of table.reexports)
    if (name === '*') stars.push(module);
    else if (imported !== '*') reexports.set(name, { module, imported });
  return { exported, reexports, stars, generators };
}

/**
 * A call of a generator another module exports (`shortId()` where that module has `export const shortId =
 * customAlphabet(abc, 10)` from `nanoid/non-secure`): weak when calling what the factory returns is a weak source
 * by the catalogue, reported at the call here; a strong factory (`nanoid`'s own `customAlphabet`) is opaque.
 */
function generatorTaint(
  call: TSESTree.CallExpression,
  file: ForeignFile,
  init: TSESTree.CallExpression | TSESTree.NewExpression,
  foreign: ForeignOrigin,
): Taint | undefined {
  const facts = generatorSourceOf(init, file.imports, file.getScope(init));
  if (facts.weak) return { weak: [{ kind: 'source', node: call, source: facts.weak, foreign }], entropy: false };
  return facts.strong ? OPAQUE : undefined;
}

const foreignFiles = new WeakMap<TS.SourceFile, ForeignFile>();
let tsModule: typeof TS | undefined;

/**
 * With type information, a call to a function imported from another file of the program: its return
 * values, tracked in that file (one hop; calls there into further files stay opaque). The checker is
 * asked only about the calls the tracker meets on its way back from a purpose. Any failure (a
 * declaration file, a package, an unusual declaration) leaves the call opaque.
 */
export function createForeignFollower(
  services: Partial<ParserServices> | undefined,
  cwd: string,
): ((call: TSESTree.CallExpression) => Taint | undefined) | undefined {
  const program = services?.program;
  const map = services?.esTreeNodeToTSNodeMap;
  if (!program || !map) return undefined;
  tsModule ??= createRequire(import.meta.url)('typescript') as typeof TS;
  const ts = tsModule;
  const checker = program.getTypeChecker();
  return (call) => {
    try {
      const callee = unwrap(call.callee);
      if (callee.type !== T.Identifier && callee.type !== T.MemberExpression) return undefined;
      const tsNode = map.get(callee) as TS.Node;
      const at = ts.isPropertyAccessExpression(tsNode) ? tsNode.name : tsNode;
      let symbol = checker.getSymbolAtLocation(at);
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      const decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
      if (!decl) return undefined;
      const sf = decl.getSourceFile();
      if (sf.isDeclarationFile || /[\\/]node_modules[\\/]/.test(sf.fileName) || sf === tsNode.getSourceFile())
        return undefined;
      const nameNode = ts.isFunctionDeclaration(decl) || ts.isVariableDeclaration(decl) ? decl.name : undefined;
      if (!nameNode) return undefined;
      let file = foreignFiles.get(sf);
      if (!file) foreignFiles.set(sf, (file = loadForeign(parseOtherFile(sf.text, sf.fileName))));
      const fn = file.functions.get(nameNode.getStart(sf));
      const made = nameNode.getText(sf);
      const origin = { fn: `${made}()`, file: relPath(cwd, sf.fileName), made };
      if (fn) return taintAcross(call, file, fn, origin);
      const gen = file.generators.get(nameNode.getStart(sf));
      return gen && generatorTaint(call, file, gen, origin);
    } catch {
      return undefined;
    }
  };
}

/** The name a function or a generator-making call is declared under in its own file. */
function declaredName(fn: FunctionNode | TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  if (isFunctionNode(fn)) return functionName(fn);
  const d = fn.parent;
  return d?.type === T.VariableDeclarator && d.id.type === T.Identifier ? d.id.name : undefined;
}

const relPath = (cwd: string, file: string): string => relative(cwd, file).replace(/\\/g, '/');

/** What a call into another file returns: the weak sources of that function's return values, reported at the call. */
function taintAcross(
  call: TSESTree.CallExpression,
  file: ForeignFile,
  fn: FunctionNode,
  foreign: ForeignOrigin,
): Taint {
  const t = alt(file.tracker.returnsOf(fn).map((r) => file.tracker.taintOf(r)));
  const weak: WeakHit[] = [];
  for (const h of t.weak)
    if (h.kind === 'source' && !weak.some((w) => w.kind === 'source' && w.source === h.source))
      weak.push({ kind: 'source', node: call, source: h.source, foreign });
  return { weak, entropy: t.entropy };
}

// ---- Across files, without type information ----------------------------------------------------

const DISK_CACHE_LIMIT = 256;
/** `export * from`, `export { a } from`, CommonJS barrels: `module.exports = require(…)`, `{ ...require(…) }`. */
const REEXPORT = new RegExp(
  String.raw`\bexport\s*(?:\*|\{[^}]*\})\s*from\b|\bmodule\.exports\s*=\s*require\s*\(|\.\.\.\s*require\s*\(`,
);
const diskFiles = new Map<string, { readonly mtimeMs: number; readonly file: ForeignFile | undefined }>();

/** A module on disk, tracked once per modification time (read and parsed by module-files.ts, shared). */
function diskFile(path: string): ForeignFile | undefined {
  const mtimeMs = statSync(path).mtimeMs;
  const hit = diskFiles.get(path);
  if (hit && hit.mtimeMs === mtimeMs) return hit.file;
  if (diskFiles.size >= DISK_CACHE_LIMIT) diskFiles.clear();
  let file: ForeignFile | undefined;
  try {
    // Parsed only when it can hold a weak source, or passes names on from other modules (a barrel).
    const text = moduleText(path);
    const parsed = text !== undefined && (weakSourceKeywords.test(text) || REEXPORT.test(text)) && parsedModule(path);
    file = parsed ? loadForeign(parsed) : undefined;
  } catch {
    file = undefined;
  }
  diskFiles.set(path, { mtimeMs, file });
  return file;
}

/** Per module path and re-export budget left (0–3): the answer of `mayExportWeak`, read once per modification time. */
const texts = new Map<string, { readonly mtimeMs: number; readonly weak: (boolean | undefined)[] }>();
const REEXPORT_FROM = new RegExp(
  String.raw`\bexport\s*(?:\*|\{[^}]*\})\s*from\s*['"]([^'"]+)['"]|` +
    String.raw`(?:\bmodule\.exports\s*=\s*|\.\.\.\s*)require\s*\(\s*['"]([^'"]+)['"]`,
  'g',
);

/**
 * Whether a module's text, or that of a module it re-exports (three levels), names a weak source: only then is
 * a file that imports it tracked through its helpers. Memoised per (module, levels left): an answer cut short by
 * the level limit is the answer for that budget only, so a module first reached as a barrel's third level does
 * not hide its re-exports from a file that imports it directly (which files are linted first must not matter).
 * The budget falls by one a level, so a re-export cycle ends without a guard.
 */
function mayExportWeak(path: string, depth = 0): boolean {
  const mtimeMs = statSync(path).mtimeMs;
  let hit = texts.get(path);
  if (!hit || hit.mtimeMs !== mtimeMs) {
    if (texts.size >= DISK_CACHE_LIMIT * 4) texts.clear();
    texts.set(path, (hit = { mtimeMs, weak: [] }));
  }
  const known = hit.weak[depth];
  if (known !== undefined) return known;
  const text = moduleText(path) ?? '';
  let weak = weakSourceKeywords.test(text);
  if (!weak && depth < 3)
    for (const m of text.matchAll(REEXPORT_FROM)) {
      const next = resolveImport(dirname(path), (m[1] ?? m[2])!, true, true);
      if (next && mayExportWeak(next, depth + 1)) {
        weak = true;
        break;
      }
    }
  hit.weak[depth] = weak;
  return weak;
}

/** The function a module exports as `name`, following up to three re-exports (`export * from './ids'`). */
function findExport(
  path: string,
  name: string,
  depth = 0,
):
  { path: string; file: ForeignFile; fn: FunctionNode | TSESTree.CallExpression | TSESTree.NewExpression } | undefined {
  const file = diskFile(path);
  if (!file) return undefined;
  const fn = file.exported.get(name) ?? file.generators.get(name);
  if (fn) return { path, file, fn };
  if (depth >= 3) return undefined;
  const dir = dirname(path);
  const re = file.reexports.get(name);
  const next = re && resolveImport(dir, re.module, true, true);
  if (re && next) return findExport(next, re.imported, depth + 1);
  for (const star of file.stars) {
    const p = resolveImport(dir, star, true, true);
    const hit = p && findExport(p, name, depth + 1);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * Without type information, a call to a function imported from a module of this project (`import { randomString }
 * from './util/random'`, a workspace package, a tsconfig `paths` alias, `require('./tokens').make()`,
 * `utils.randomString()` on a namespace import): the module is found on disk (src/rule-kit/module-files.ts),
 * parsed once, and its exported function's return values are tracked there (one hop, through re-exports).
 * Undefined when no import of the file can be followed.
 */
export function createDiskFollower(
  filename: string,
  imports: ImportMap,
  cwd: string,
): ((call: TSESTree.CallExpression) => Taint | undefined) | undefined {
  // ESLint may pass a file name relative to its working directory.
  const dir = dirname(resolve(cwd, filename));
  const modules = new Set([...imports.values()].map((b) => b.module));
  const followed = [...modules].some((m) => {
    try {
      const path = resolveImport(dir, m, true, true);
      return path !== undefined && mayExportWeak(path);
    } catch {
      return false;
    }
  });
  if (!followed) return undefined;
  return (call) => {
    try {
      const callee = unwrap(call.callee);
      let local: string | undefined;
      let member: string | undefined;
      if (callee.type === T.Identifier) local = callee.name;
      else if (callee.type === T.MemberExpression && callee.object.type === T.Identifier && !callee.computed) {
        local = callee.object.name;
        member = propertyName(callee);
      }
      const b = local === undefined ? undefined : imports.get(local);
      if (!b) return undefined;
      const name = member === undefined ? b.imported : b.imported === '*' ? member : undefined;
      if (name === undefined || name.includes('.')) return undefined;
      const path = resolveImport(dir, b.module, true, true);
      const hit = path && findExport(path, name === '*' ? 'default' : name);
      if (!path || !hit) return undefined;
      const shown = name === '*' || name === 'default' ? local : name;
      const made = declaredName(hit.fn);
      const origin = { fn: `${shown}()`, file: relPath(cwd, hit.path), ...(made === undefined ? {} : { made }) };
      return hit.fn.type === T.CallExpression || hit.fn.type === T.NewExpression
        ? generatorTaint(call, hit.file, hit.fn, origin)
        : taintAcross(call, hit.file, hit.fn, origin);
    } catch {
      return undefined;
    }
  };
}
