/**
 * Test tooling by its imports (docs/audit.md, "Test tooling by its imports"): a module that cannot load without
 * the repository's test suite or example app is not shipped code, whatever its directory is called.
 *
 * - **Directly**: a JS/TS module with an unconditional import (a top-level `import`/`export … from`, a top-level
 *   `require()` or `await import()`) of a test suite or fixture (`test/`, `__tests__/`, `*.spec.ts`, …) is test
 *   tooling; of an example app (`example/`, `samples/`), an example (`importedSuiteRole` in
 *   src/rule-kit/files.ts). A package that ships without its tests could not even load it.
 * - **Through its importers**: a module that some test tooling imports, that no other module imports (by any
 *   import at all, conditional and dynamic ones included, resolved as TypeScript resolves them: tsconfig `paths`,
 *   workspace packages), and that sits in the directory of such an importer or below it, is part of that tooling
 *   (the configuration module of a conformance-test server). A module nothing imports is an entry point and stays
 *   code; a test file importing a module does not make it tooling (tests import the code they test).
 *
 * Only files that hold findings are asked about, and the whole repository is read again only when a module
 * beside one of them, or above it, is test tooling that imports it: most audits read a handful of files here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ts } from 'ts-morph';
import { fileRole, importedSuiteRole } from '../rule-kit/files.js';
import { isCodeFile } from './code-files.js';
import { ModuleGraph, typescript } from './graph.js';
import { localMountedFiles, testStartedComposeFiles } from './local-mounts.js';
import { loopbackTlsKeyFiles } from './loopback-tls.js';
import type { Finding } from '../report/types.js';
import { fixtureClassOf, type FixtureClass } from './policy.js';
import { walk } from './sources/files.js';

/** Extensions a relative specifier may leave out, and the TypeScript sources a `.js` specifier may name. */
const CODE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const JS_TWIN: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

/** A relative specifier that names a test suite or example app directory or file (the cheap prefilter). */
const SUITE_SPECIFIER = new RegExp(
  String.raw`['"\x60]\.{1,2}(?:\/[^'"\x60\n]*?)?(?:\/(?:test|tests|__tests__|__test__|spec|specs|fixtures?|` +
    String.raw`__fixtures__|e2e|conformance|testdata|test-data|examples?|samples?)\/|` +
    String.raw`\.(?:test|spec|e2e|fixture)(?:\.[cm]?[jt]sx?)?['"\x60])`,
  'i',
);

const isFile = (abs: string): boolean => {
  try {
    return statSync(abs).isFile();
  } catch {
    return false;
  }
};

/** The repository file a relative specifier names, as Node and bundlers resolve it (no aliases). */
function resolveRelative(fromAbs: string, spec: string): string | undefined {
  if (!spec.startsWith('./') && !spec.startsWith('../')) return undefined;
  const base = path.resolve(path.dirname(fromAbs), spec);
  const ext = path.extname(base);
  const candidates = [
    base,
    ...(JS_TWIN[ext] ?? []).map((e) => base.slice(0, -ext.length) + e),
    ...CODE_EXTENSIONS.map((e) => base + e),
    ...CODE_EXTENSIONS.map((e) => path.join(base, `index${e}`)),
  ];
  return candidates.find((c) => isCodeFile(c) && isFile(c));
}

/** A call `require('x')` or `import('x')` (possibly awaited) with a literal specifier. */
function loadedSpecifier(t: typeof ts, e: ts.Expression | undefined): string | undefined {
  let x = e;
  while (x && (t.isAwaitExpression(x) || t.isParenthesizedExpression(x))) x = x.expression;
  // `require('x').name` and `(await import('x')).default`
  while (x && (t.isPropertyAccessExpression(x) || t.isElementAccessExpression(x))) {
    x = x.expression;
    while (t.isAwaitExpression(x) || t.isParenthesizedExpression(x)) x = x.expression;
  }
  if (!x || !t.isCallExpression(x) || x.arguments.length !== 1) return undefined;
  const arg = x.arguments[0]!;
  const callee = x.expression;
  const loads = callee.kind === t.SyntaxKind.ImportKeyword || (t.isIdentifier(callee) && callee.text === 'require');
  return loads && t.isStringLiteralLike(arg) ? arg.text : undefined;
}

/** The specifiers a module loads whenever it loads: top-level imports, re-exports, requires and awaited imports. */
export function unconditionalImports(fileName: string, text: string): string[] {
  const t = typescript();
  const sf = t.createSourceFile(fileName, text, t.ScriptTarget.Latest, false);
  const out: string[] = [];
  for (const s of sf.statements) {
    if (t.isImportDeclaration(s)) {
      if (!s.importClause?.isTypeOnly && t.isStringLiteral(s.moduleSpecifier)) out.push(s.moduleSpecifier.text);
    } else if (t.isExportDeclaration(s)) {
      if (!s.isTypeOnly && s.moduleSpecifier && t.isStringLiteral(s.moduleSpecifier)) out.push(s.moduleSpecifier.text);
    } else if (t.isImportEqualsDeclaration(s)) {
      const r = s.moduleReference;
      if (!s.isTypeOnly && t.isExternalModuleReference(r) && t.isStringLiteral(r.expression))
        out.push(r.expression.text);
    } else if (t.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) {
        const spec = loadedSpecifier(t, d.initializer);
        if (spec) out.push(spec);
      }
    } else if (t.isExpressionStatement(s)) {
      const spec = loadedSpecifier(t, s.expression);
      if (spec) out.push(spec);
    }
  }
  return out;
}

/** Every specifier a module names in an import of any kind (conditional, dynamic, type-only included). */
function anyImports(fileName: string, text: string): string[] {
  return typescript()
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => f.fileName);
}

/** The name a specifier of the module would end in: its file stem, or its directory's name for an index file. */
function stemOf(rel: string): string {
  const stem = path.posix.basename(rel).replace(/\.[^.]+$/, '');
  return stem === 'index' ? path.posix.basename(path.posix.dirname(rel)) : stem;
}

/** Every path a package manifest names as an entry point (`main`, `module`, `browser`, `bin`, `exports`). */
function manifestEntries(manifestAbs: string, root: string): string[] {
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(readFileSync(manifestAbs, 'utf8')) as Record<string, unknown>;
  } catch {
    return [];
  }
  const found: string[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === 'string') found.push(v);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  for (const k of ['main', 'module', 'browser', 'bin', 'exports']) collect(pkg[k]);
  const dir = path.dirname(manifestAbs);
  return found
    .filter((f) => !f.includes('*'))
    .map((f) => path.relative(root, path.resolve(dir, f)).split(path.sep).join('/'));
}

/**
 * The fixture class test tooling gives each of `files` (POSIX paths relative to `root`, the files that hold
 * findings); files that are not test tooling are absent from the map.
 */
async function testToolingClasses(root: string, files: Iterable<string>): Promise<ReadonlyMap<string, FixtureClass>> {
  const texts = new Map<string, string | null>();
  const textOf = (rel: string): string | undefined => {
    let t = texts.get(rel);
    if (t === undefined) {
      try {
        t = readFileSync(path.join(root, rel), 'utf8');
      } catch {
        t = null;
      }
      texts.set(rel, t);
    }
    return t ?? undefined;
  };
  const relOf = (abs: string): string => path.relative(root, abs).split(path.sep).join('/');

  const direct = new Map<string, FixtureClass | null>();
  /** The class a module has by what it imports unconditionally. */
  const directClass = (rel: string): FixtureClass | undefined => {
    const known = direct.get(rel);
    if (known !== undefined) return known ?? undefined;
    let cls: FixtureClass | undefined;
    const text = textOf(rel);
    if (text !== undefined && SUITE_SPECIFIER.test(text)) {
      const abs = path.join(root, rel);
      for (const spec of unconditionalImports(abs, text)) {
        const target = resolveRelative(abs, spec);
        const role = target && importedSuiteRole(relOf(target));
        if (role === 'test') cls = 'test-fixture';
        else if (role === 'example') cls ??= 'example';
        if (cls === 'test-fixture') break;
      }
    }
    direct.set(rel, cls ?? null);
    return cls;
  };

  // The code files of the directories at and above a file: the only places a tooling importer can sit.
  const listing = new Map<string, string[]>();
  const codeIn = (dir: string): string[] => {
    let l = listing.get(dir);
    if (!l) {
      try {
        l = readdirSync(path.join(root, dir), { withFileTypes: true })
          .filter((e) => e.isFile() && isCodeFile(e.name))
          .map((e) => (dir ? `${dir}/${e.name}` : e.name));
      } catch {
        l = [];
      }
      listing.set(dir, l);
    }
    return l;
  };
  const importsOf = new Map<string, ReadonlySet<string>>();
  /** The repository files a module imports in any way, by relative specifiers (the cheap first look). */
  const relativeImports = (rel: string): ReadonlySet<string> => {
    let s = importsOf.get(rel);
    if (!s) {
      const text = textOf(rel);
      const abs = path.join(root, rel);
      s = new Set(
        text === undefined
          ? []
          : anyImports(abs, text).flatMap((spec) => {
              const r = resolveRelative(abs, spec);
              return r ? [relOf(r)] : [];
            }),
      );
      importsOf.set(rel, s);
    }
    return s;
  };

  // The whole repository, resolved as TypeScript resolves it: built only when a first look finds a candidate.
  interface Repository {
    readonly graph: ModuleGraph;
    readonly code: readonly string[];
    /** Package entry points: imported from outside the repository, so never tooling by their importers. */
    readonly entries: ReadonlySet<string>;
  }
  let repo: Repository | undefined;
  const repository = async (): Promise<Repository> => {
    if (repo) return repo;
    const walked = await walk(root);
    const code = walked.files.filter((f) => isCodeFile(f.rel)).map((f) => f.rel);
    const manifests = walked.files.filter((f) => path.posix.basename(f.rel) === 'package.json').map((f) => f.abs);
    const graph = new ModuleGraph(root, new Set(code.map((r) => path.join(root, r))), manifests);
    const entries = new Set(manifests.flatMap((m) => manifestEntries(m, root)));
    return (repo = { graph, code, entries });
  };
  /**
   * Every module that imports `rel` in any way; undefined when `rel` is a package entry point or some import
   * may name it and cannot be resolved.
   */
  const importersOf = async (rel: string): Promise<string[] | undefined> => {
    const { graph, code, entries } = await repository();
    const bare = rel.replace(/\.[cm]?[jt]sx?$/, '');
    if ([...entries].some((e) => e === rel || e.replace(/\.[cm]?[jt]sx?$/, '') === bare)) return undefined;
    const stem = stemOf(rel);
    const target = path.join(root, rel);
    const out: string[] = [];
    for (const other of code) {
      if (other === rel) continue;
      const text = textOf(other);
      if (text === undefined || !text.includes(stem)) continue;
      const abs = path.join(root, other);
      for (const spec of anyImports(abs, text)) {
        const resolved = graph.resolve(abs, spec) ?? resolveRelative(abs, spec);
        if (resolved === target) {
          out.push(other);
          break;
        }
        // An import that ends in the module's name and resolves nowhere may be it (an alias no tsconfig declares).
        const last = spec
          .split('/')
          .pop()
          ?.replace(/\.[cm]?[jt]sx?$/, '');
        if (!resolved && last === stem && (spec.startsWith('.') || !existsSync(path.join(root, 'node_modules', spec))))
          return undefined;
      }
    }
    return out;
  };

  const memo = new Map<string, FixtureClass | null>();
  const pending = new Set<string>();
  /** The class of a module under the policy's paths (`code`), or as test tooling. */
  const toolingOf = async (rel: string): Promise<FixtureClass | undefined> =>
    fileRole(rel) === 'code' ? classOf(rel) : undefined;
  const classOf = async (rel: string): Promise<FixtureClass | undefined> => {
    const known = memo.get(rel);
    if (known !== undefined) return known ?? undefined;
    if (pending.has(rel)) return undefined;
    pending.add(rel);
    let cls = directClass(rel);
    const dir = path.posix.dirname(rel);
    if (!cls && dir !== '.') {
      // First look: a module in this one's directory or above it (not the root, which is above everything) that
      // imports it and is test tooling itself.
      const ancestors: string[] = [];
      for (let d = dir; d !== '.'; d = path.posix.dirname(d)) ancestors.push(d);
      let tooled = false;
      const stem = stemOf(rel);
      for (const f of ancestors.flatMap(codeIn)) {
        // Cheapest first: the text names the module; then whether it is tooling (parsed only when a suite
        // specifier is in its text); only then is it parsed for its imports.
        if (f === rel || !textOf(f)?.includes(stem)) continue;
        if ((await toolingOf(f)) && relativeImports(f).has(rel)) {
          tooled = true;
          break;
        }
      }
      if (tooled) {
        // Then every importer in the repository, resolved properly: each must be test tooling, and no test file.
        const importers = await importersOf(rel);
        if (importers && importers.length > 0) {
          const classes: Array<FixtureClass | undefined> = [];
          for (const f of importers) classes.push(await toolingOf(f));
          if (classes.every((c) => c !== undefined))
            cls = classes.includes('test-fixture') ? 'test-fixture' : 'example';
        }
      }
    }
    pending.delete(rel);
    memo.set(rel, cls ?? null);
    return cls;
  };

  const out = new Map<string, FixtureClass>();
  for (const rel of new Set(files)) {
    if (!isCodeFile(rel) || fileRole(rel) !== 'code' || !existsSync(path.join(root, rel))) continue;
    const cls = await classOf(rel);
    if (cls) out.set(rel, cls);
  }
  return out;
}

/**
 * The classes the repository's structure gives to files whose findings the fixture policy would report (the only
 * files it needs to ask about): code that is test tooling by its imports, and configuration files that only
 * development or test compose files mount (src/scanner/local-mounts.ts), and the keys of loopback-only TLS
 * certificates (src/scanner/loopback-tls.ts). Undefined when there is none.
 */
export async function testToolingOf(
  root: string,
  findings: readonly Finding[],
): Promise<ReadonlyMap<string, FixtureClass> | undefined> {
  const reported = findings.filter((f) => fixtureClassOf(f) === undefined).map((f) => f.location.file);
  if (reported.length === 0) return undefined;
  const out = new Map(await testToolingClasses(root, reported.filter(isCodeFile)));
  const data = reported.filter((r) => !isCodeFile(r));
  for (const rel of localMountedFiles(root, data)) out.set(rel, 'test-fixture');
  for (const rel of testStartedComposeFiles(root, data)) out.set(rel, 'test-fixture');
  for (const rel of loopbackTlsKeyFiles(root, data)) out.set(rel, 'test-fixture');
  return out.size > 0 ? out : undefined;
}
