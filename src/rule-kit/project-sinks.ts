/**
 * Log sinks that live in another module of the project (issue 11, session 25): a shared logging package's helpers
 * (`trace(label, value)`, `reportError(err, context)`, `breadcrumb(category, message, data)`), a CLI's output
 * module of methods (`out.debug(...args)` writing to `process.stderr`), a logger instance made there (`root` made by
 * `bunyan.createLogger`, `rootLogger = createLogger('svc')` over pino), a debug namespace a project factory returns
 * (`ns('proxy')` → `createDebug('app:proxy')`), and a class whose method writes its argument to a log
 * (`audit.record(event)` on an `AuditTrail` parameter or instance). The other module is found and parsed on disk by
 * src/rule-kit/module-files.ts (relative paths, workspace packages, tsconfig `paths`; never an installed package),
 * once per modification time, and read with the same log-sink resolver and helper reader as the linted file
 * (src/rule-kit/log-sinks.ts, src/rule-kit/log-wrappers.ts), so the same catalogue decides there. At most
 * MAX_HOPS modules deep; only under ESLint (`importsOnDisk`): the audit reads no other module from disk.
 */
import { dirname, relative, resolve } from 'node:path';
import { TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { findVariable, isFunctionNode, propertyName, unwrap, type FunctionNode } from './ast.js';
import type { ImportMap } from './imports.js';
import { importsOnDisk, moduleText, parsedModule, resolveImport, type OtherFileParse } from './module-files.js';
import { importedDeclaration } from './module-values.js';
import type { WrappedSink } from './log-wrappers.js';

/** Where the linted (or followed) file is, and how many modules away from the linted file it is. */
export interface ProjectWhere {
  readonly filename: string;
  readonly cwd: string;
  readonly settings: Readonly<Record<string, unknown>> | undefined;
  readonly hops?: number;
  /** no-logged-key's `followImports` option: false reads no other module for a sink (the file's own sinks only). */
  readonly followImports?: boolean;
}

/** A logger a value holds, as a module's resolver sees it. */
export interface MadeLogger {
  readonly title: string;
  /** Calling the value logs (`debug('app')` made it). */
  readonly callable: boolean;
  /** Methods of it that write a record besides the usual log methods. */
  readonly methods: readonly string[];
  /** Field names its factory's options redact (pino `redact` paths, a winston format that deletes them). */
  readonly redacted?: ReadonlySet<string>;
}

/** What project-sinks asks of another module's log-sink resolver. */
export interface ModuleSinks {
  readonly loggerOf: (expr: TSESTree.Node) => MadeLogger | undefined;
  readonly readHelper: (fn: FunctionNode) => WrappedSink | null;
  /** The logger a function of the module returns (`ns(name)` → `createDebug(…)`). */
  readonly loggerReturnedBy: (fn: FunctionNode) => MadeLogger | undefined;
}

/** Builds a module's resolver (log-sinks.ts passes its own factory: no import cycle). */
export type ModuleSinksFactory = (sourceCode: TSESLint.SourceCode, where: ProjectWhere) => ModuleSinks;

/** How many modules a helper, a logger or a class may be followed through from the linted file. */
const MAX_HOPS = 2;
/** Files above this size are not read for one helper (generated bundles). */
const MAX_BYTES = 512 * 1024;

const sources = new WeakMap<TSESTree.Program, TSESLint.SourceCode>();
const resolvers = new WeakMap<TSESLint.SourceCode, ModuleSinks>();

/** Another module as an ESLint SourceCode (made once per parse), so that every rule-kit query runs on it. */
function moduleSource(file: string): TSESLint.SourceCode | undefined {
  const text = moduleText(file);
  if (text === undefined || Buffer.byteLength(text) > MAX_BYTES) return undefined;
  const parsed = parsedModule(file);
  if (!parsed) return undefined;
  const ast = parsed.ast as TSESTree.Program;
  let sc = sources.get(ast);
  if (!sc) {
    // Parsed without tokens and comments (module-files.ts): SourceCode needs the arrays, not their contents.
    const bare = ast as unknown as { tokens?: unknown[]; comments?: unknown[] };
    bare.tokens ??= [];
    bare.comments ??= [];
    sc = new TSESLint.SourceCode({
      text,
      ast,
      scopeManager: parsed.scopeManager,
      visitorKeys: parsed.visitorKeys,
      parserServices: parsed.services,
    } as unknown as TSESLint.SourceCode.SourceCodeConfig);
    sources.set(ast, sc);
  }
  return sc;
}

/** A class's method by name (a method definition or an arrow-function field). */
function classMethod(cls: TSESTree.Node, name: string): FunctionNode | undefined {
  if (cls.type !== T.ClassDeclaration && cls.type !== T.ClassExpression) return undefined;
  for (const m of cls.body.body) {
    if (m.type === T.MethodDefinition && m.kind === 'method' && propertyName(m) === name)
      return m.value.type === T.FunctionExpression ? m.value : undefined;
    if (m.type === T.PropertyDefinition && propertyName(m) === name && m.value && isFunctionNode(m.value))
      return m.value;
  }
  return undefined;
}

/**
 * Asked before an import is resolved for the first time in a file (which reads and may parse other modules): false
 * when the caller's answer cannot matter (no-logged-key: the call reports nothing whatever sink it reaches), and the
 * import is then left unresolved and nothing is kept, so a later call that does ask resolves it as before. Given
 * only for the class of a method call's receiver (`classHelper`).
 */
export type Ask = () => boolean;

/** Asks made in this process (counted for the tests that pin which look-ups need one). */
let asks = 0;
export const projectSinkAsks = (): number => asks;
/**
 * Asks answered false in this process. A cache of the log-sink resolver (log-sinks.ts, log-wrappers.ts) keeps no
 * answer computed while one was refused: that answer stands for the refusing call only, whose report it cannot change.
 */
let refusals = 0;
export const projectRefusals = (): number => refusals;

/** A declaration found in another module, and that module's path. */
type Found = { readonly node: TSESTree.Node; readonly file: string };
/** A declaration lookup kept for a file: the parse its node belongs to, and that module's resolver once bound. */
interface Declared {
  readonly found: Found | undefined;
  readonly parse: OtherFileParse | undefined;
  sinks?: ModuleSinks | null;
}

/** The project-module sinks of one file. Undefined when the file may not read other modules. */
export function createProjectSinks(
  sourceCode: TSESLint.SourceCode,
  imports: ImportMap,
  where: ProjectWhere,
  factory: ModuleSinksFactory,
):
  | {
      /** The sink a call reaches through a helper, an output module or a class of another module. */
      readonly callSink: (call: TSESTree.CallExpression) => WrappedSink | undefined;
      /** The logger an import binding (or `ns('x')`, a call of an imported factory) holds. */
      readonly importedLogger: (expr: TSESTree.Node) => MadeLogger | undefined;
      /** A method of a class the receiver is an instance of (same file or another module), read as a helper. */
      readonly classHelper: (
        recv: TSESTree.Node,
        method: string,
        local: (fn: FunctionNode) => WrappedSink | null,
        ask?: Ask,
      ) => WrappedSink | undefined;
      /**
       * Runs the look-ups of one call under its ask: every import first resolved below it (a helper, a logger, a
       * class, also inside same-file helpers read for it) asks before it reads and parses another module.
       */
      readonly during: <R>(ask: Ask, run: () => R) => R;
    }
  | undefined {
  const hops = where.hops ?? 0;
  if (hops >= MAX_HOPS || where.followImports === false || !importsOnDisk(where.settings)) return undefined;
  // A file that imports nothing but Node's own modules asks nothing of other modules.
  if (![...imports.values()].some((b) => !b.module.startsWith('node:'))) return undefined;
  const fromFile = resolve(where.cwd, where.filename);

  const sinksOf = (file: string): ModuleSinks | undefined => {
    const sc = moduleSource(file);
    if (!sc) return undefined;
    let r = resolvers.get(sc);
    if (!r) {
      r = factory(sc, { filename: file, cwd: where.cwd, settings: where.settings, hops: hops + 1 });
      resolvers.set(sc, r);
    }
    return r;
  };
  const shown = (file: string): string => relative(where.cwd, file).replace(/\\/g, '/');

  /**
   * The export an import binding names, below `keys`. Asked again for every call of the same helper (`utils.slug`
   * twenty times in a file): the answer is kept for the file, with the parse its node belongs to; it is used again
   * only while that parse is still the module's (module-files.ts parses a file again when it changes on disk or
   * leaves the cache, and a node of an older parse must not be read with the new one's scopes). In the linted file's
   * own resolver (`hops` 0, made for one lint of one file) an answer whose module resolver is bound (`sinksAt`) is
   * used again with no look at the disk: the node and the resolver belong to the same parse, and the file's lint
   * reads that module as it found it first. The resolvers of followed modules, kept across files, check every time.
   */
  const declared = new Map<string, Declared>();
  const entries = new WeakMap<Found, Declared>();
  /** Whether `spec` names a module `importedDeclaration` may read (its first step; a throw there reads none). */
  const projectSpecs = new Map<string, boolean>();
  const namesProjectFile = (spec: string): boolean => {
    // The linted file's resolver lives for one lint of one file: a specifier is resolved once in it.
    const hit = hops === 0 ? projectSpecs.get(spec) : undefined;
    if (hit !== undefined) return hit;
    let names: boolean;
    try {
      names = resolveImport(dirname(fromFile), spec, true) !== undefined;
    } catch {
      names = false;
    }
    if (hops === 0) projectSpecs.set(spec, names);
    return names;
  };
  /** The ask of the call whose look-ups run now (`during`). */
  let current: Ask | undefined;
  const declarationOf = (local: string, keys: readonly string[], ask?: Ask): Found | undefined => {
    const b = imports.get(local);
    if (!b) return undefined;
    const key = `${local}\0${keys.join('\0')}`;
    const hit = declared.get(key);
    if (hit && (hit.found === undefined || (hops === 0 && hit.sinks !== undefined))) return hit.found;
    if (hit && parsedModule(hit.found!.file) === hit.parse) return hit.found;
    const path = b.imported === '*' ? keys : [...b.imported.split('.'), ...keys];
    let found: Found | undefined;
    // An import that names no file of the project (an installed package) resolves to nothing and parses nothing,
    // whatever the caller would answer: the ask, which costs more than that resolution, is left out. On typeorm 51
    // of no-logged-key's 186 asks were for such classes (docs/benchmarks.md, lint18).
    const asking = ask ?? current;
    if (asking && namesProjectFile(b.module)) {
      asks++;
      if (!asking()) {
        refusals++;
        return undefined;
      }
    }
    try {
      found = importedDeclaration(fromFile, b.module, path.length ? path : ['default']);
    } catch {
      found = undefined;
    }
    const entry: Declared = { found, parse: found && parsedModule(found.file) };
    declared.set(key, entry);
    if (found) entries.set(found, entry);
    return found;
  };
  /** The resolver of the module a declaration was found in, bound to the parse the declaration belongs to. */
  const sinksAt = (found: Found): ModuleSinks | undefined => {
    const entry = entries.get(found);
    if (entry?.sinks !== undefined) return entry.sinks ?? undefined;
    const current = entry !== undefined && parsedModule(found.file) === entry.parse;
    const sinks = sinksOf(found.file);
    if (entry && current) entry.sinks = sinks ?? null;
    return sinks;
  };

  /** A function another module exports, read as a helper there. */
  const helperIn = (found: Found | undefined, name: string): WrappedSink | undefined => {
    if (!found) return undefined;
    const fn = unwrap(found.node);
    if (!isFunctionNode(fn)) return undefined;
    const w = sinksAt(found)?.readHelper(fn);
    return w ? { ...w, title: `${w.title} (through ${name}() in ${shown(found.file)})` } : undefined;
  };

  const importedLogger = (expr: TSESTree.Node): MadeLogger | undefined => {
    const u = unwrap(expr);
    let found: Found | undefined;
    if (u.type === T.Identifier) found = declarationOf(u.name, []);
    else if (u.type === T.MemberExpression && unwrap(u.object).type === T.Identifier && !u.computed) {
      const key = propertyName(u);
      if (key !== undefined) found = declarationOf((unwrap(u.object) as TSESTree.Identifier).name, [key]);
    } else if (u.type === T.CallExpression && unwrap(u.callee).type === T.Identifier) {
      // `ns('proxy')`: what an imported factory returns.
      const fn = declarationOf((unwrap(u.callee) as TSESTree.Identifier).name, []);
      const f = fn && unwrap(fn.node);
      if (!fn || !f || !isFunctionNode(f)) return undefined;
      return sinksAt(fn)?.loggerReturnedBy(f);
    }
    if (!found) return undefined;
    const node = unwrap(found.node);
    if (isFunctionNode(node) || node.type === T.ClassDeclaration) return undefined;
    return sinksAt(found)?.loggerOf(node);
  };

  const callSink = (call: TSESTree.CallExpression): WrappedSink | undefined => {
    const callee = unwrap(call.callee);
    if (callee.type === T.Identifier) return helperIn(declarationOf(callee.name, []), callee.name);
    if (callee.type !== T.MemberExpression || callee.computed) return undefined;
    const method = propertyName(callee);
    const recv = unwrap(callee.object);
    if (method === undefined || recv.type !== T.Identifier || !imports.has(recv.name)) return undefined;
    // `out.debug(…)` on `require('./output')`, `exports.debug = …`: a function of an object the module exports.
    return helperIn(declarationOf(recv.name, [method]), `${recv.name}.${method}`);
  };

  /** The class a receiver is an instance of: `new C(…)` bound to it, or a parameter or field typed `C`. */
  const classOf = (
    recv: TSESTree.Node,
    ask: Ask | undefined,
  ): { cls: TSESTree.Node; found: Found | undefined } | undefined => {
    const u = unwrap(recv);
    if (u.type !== T.Identifier) return undefined;
    const def = findVariable(sourceCode.getScope(u), u)?.defs[0];
    const id = def?.name;
    let typeName: string | undefined;
    if (id?.type === T.Identifier && id.typeAnnotation?.typeAnnotation.type === T.TSTypeReference) {
      const t = id.typeAnnotation.typeAnnotation.typeName;
      typeName = t.type === T.Identifier ? t.name : undefined;
    }
    const init = def?.node.type === T.VariableDeclarator ? def.node.init && unwrap(def.node.init) : undefined;
    if (init?.type === T.NewExpression && unwrap(init.callee).type === T.Identifier)
      typeName = (unwrap(init.callee) as TSESTree.Identifier).name;
    // `{ audit }: { audit: AuditTrail }` and other destructured parameters are not followed.
    if (typeName === undefined) return undefined;
    if (imports.has(typeName)) {
      const found = declarationOf(typeName, [], ask);
      return found && { cls: unwrap(found.node), found };
    }
    let local: TSESLint.Scope.Variable | undefined;
    for (let sc: TSESLint.Scope.Scope | null = sourceCode.getScope(u); sc && !local; sc = sc.upper)
      local = sc.set.get(typeName);
    const decl = local?.defs[0]?.node;
    return decl?.type === T.ClassDeclaration ? { cls: decl, found: undefined } : undefined;
  };

  const classHelper = (
    recv: TSESTree.Node,
    method: string,
    local: (fn: FunctionNode) => WrappedSink | null,
    ask?: Ask,
  ): WrappedSink | undefined => {
    const c = classOf(recv, ask);
    const fn = c && classMethod(c.cls, method);
    if (!c || !fn) return undefined;
    const name = c.cls.type === T.ClassDeclaration && c.cls.id ? c.cls.id.name : 'its class';
    const w = c.found === undefined ? local(fn) : sinksAt(c.found)?.readHelper(fn);
    const where = c.found === undefined ? '' : ` in ${shown(c.found.file)}`;
    return w ? { ...w, title: `${w.title} (through ${name}.${method}()${where})` } : undefined;
  };

  const during = <R>(ask: Ask, run: () => R): R => {
    const outer = current;
    current = ask;
    try {
      return run();
    } finally {
      current = outer;
    }
  };

  return { callSink, importedLogger, classHelper, during };
}
