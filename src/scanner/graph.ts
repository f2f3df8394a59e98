/**
 * The repository's module graph, resolved the way TypeScript resolves it: each file's nearest
 * `tsconfig.json` (with `extends`, `paths`, `baseUrl`, `moduleResolution`), `index` files, `.js` specifiers
 * that name `.ts` sources, and package `exports`. A specifier that lands on build output (`dist/*.d.ts`,
 * an `outDir` of a tsconfig, a project reference's declarations) is mapped back to the source file, as
 * TypeScript does for project references; a workspace package's name resolves to its directory even when
 * node_modules is not installed. Only the module resolver runs: no Program, no type checking, no source
 * file is parsed here.
 */
import { createRequire, isBuiltin } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ts } from 'ts-morph';

type Ts = typeof ts;
const require = createRequire(import.meta.url);
/** The TypeScript the parser loaded: `node_modules/typescript/lib/typescript.js`, in the CommonJS module cache. */
const LOADED_TYPESCRIPT = /[\\/]node_modules[\\/]typescript[\\/]lib[\\/]typescript\.js$/;
let compiler: Ts | undefined;

/**
 * The TypeScript whose module resolver the graph runs. When the lint pass has already loaded the `typescript`
 * package (the parser's, TypeScript 5 or later), that one: resolution hands back file names only, never nodes,
 * so nothing of it meets ts-morph's copy, and loading ts-morph's own TypeScript (about half a second of CPU) is
 * left to the few audits that have a cross-file candidate. Otherwise ts-morph's bundled TypeScript.
 */
export function typescript(): Ts {
  if (compiler) return compiler;
  for (const [file, mod] of Object.entries(require.cache)) {
    if (!LOADED_TYPESCRIPT.test(file) || !mod?.loaded) continue;
    const loaded = mod.exports as Partial<Ts>;
    if (typeof loaded.resolveModuleName === 'function' && Number(loaded.versionMajorMinor?.split('.')[0]) >= 5)
      return (compiler = loaded as Ts);
  }
  return (compiler = (require('ts-morph') as { ts: Ts }).ts);
}

/**
 * Compiler options for files no tsconfig covers: JS and TS, bundler-style resolution. The enum members are
 * written as their values (ES2022, ESNext, Bundler, Preserve), the same in every TypeScript from 5.0, so that
 * this module loads no TypeScript of its own (test/scanner/graph.test.ts checks them against ts-morph's).
 */
export const plainOptions: ts.CompilerOptions = {
  allowJs: true,
  noEmit: true,
  skipLibCheck: true,
  target: 9 satisfies ts.ScriptTarget.ES2022,
  module: 99 satisfies ts.ModuleKind.ESNext,
  moduleResolution: 100 satisfies ts.ModuleResolutionKind.Bundler,
  jsx: 1 satisfies ts.JsxEmit.Preserve,
  types: [],
  // Symbols of the repository's own modules are all the analysis asks for: the standard library's
  // declarations would only cost time.
  noLib: true,
};

interface Config {
  readonly file: string;
  readonly options: ts.CompilerOptions;
  readonly cache: ts.ModuleResolutionCache;
}

interface WorkspacePackage {
  readonly name: string;
  readonly dir: string;
  readonly exports: unknown;
  readonly entry: readonly string[];
}

const sourceExtensions = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const builtExtension = /(?:\.d)?\.(?:[cm]?[jt]sx?)$/;
/** Conditions read from package `exports`, in the order TypeScript's bundler resolution prefers them. */
const conditions = ['types', 'import', 'module', 'require', 'node', 'default'];

/**
 * The tsconfig files that own the given directories: for each, the nearest `tsconfig.json` at or above it,
 * under `root`.
 */
function findTsconfigs(root: string, dirs: Iterable<string>, exists: (p: string) => boolean): Map<string, string> {
  const owner = new Map<string, string>();
  const none = '';
  for (const d of dirs) {
    const seen: string[] = [];
    let found = none;
    for (let cur = d; cur === root || cur.startsWith(root + path.sep); cur = path.dirname(cur)) {
      const known = owner.get(cur);
      if (known !== undefined) {
        found = known;
        break;
      }
      seen.push(cur);
      const t = path.join(cur, 'tsconfig.json');
      if (exists(t)) {
        found = t;
        break;
      }
      if (cur === root) break;
    }
    for (const s of seen) owner.set(s, found);
  }
  return owner;
}

export class ModuleGraph {
  private readonly configs = new Map<string, Config>();
  private readonly ownerOfDir: Map<string, string>;
  private readonly memo = new Map<string, string | null>();
  private readonly plain: Config;
  private readonly packages: WorkspacePackage[];
  /** outDir (or declarationDir) → the source directory it is built from. */
  private readonly outDirs: Array<{ out: string; src: string }> = [];

  /**
   * @param root absolute root of the scan
   * @param codeFiles absolute paths of every JS/TS file of the repository (resolution only lands on these)
   * @param manifests absolute paths of the repository's package.json files (workspace packages)
   */
  constructor(
    readonly root: string,
    private readonly codeFiles: ReadonlySet<string>,
    manifests: readonly string[] = [],
    private readonly host: ts.ModuleResolutionHost = typescript().sys,
  ) {
    const ts = typescript();
    const dirs = new Set<string>();
    for (const f of codeFiles) dirs.add(path.dirname(f));
    for (const m of manifests) dirs.add(path.dirname(m));
    this.ownerOfDir = findTsconfigs(root, dirs, (p) => host.fileExists(p));
    const plainCache = ts.createModuleResolutionCache(root, (s) => s, plainOptions);
    this.plain = { file: '', options: plainOptions, cache: plainCache };
    // tsconfigs are parsed when a file they own resolves an import (most never do).
    this.packages = manifests.flatMap((m) => {
      try {
        const pkg = JSON.parse(readFileSync(m, 'utf8')) as {
          name?: unknown;
          exports?: unknown;
          types?: unknown;
          typings?: unknown;
          module?: unknown;
          main?: unknown;
          source?: unknown;
        };
        if (typeof pkg.name !== 'string' || pkg.name === '') return [];
        const entry = [pkg.source, pkg.types, pkg.typings, pkg.module, pkg.main].filter(
          (e): e is string => typeof e === 'string',
        );
        return [{ name: pkg.name, dir: path.dirname(m), exports: pkg.exports, entry }];
      } catch {
        return [];
      }
    });
    // Longest names first, so `@a/b-c` wins over `@a/b`.
    this.packages.sort((a, b) => b.name.length - a.name.length);
  }

  /** The tsconfigs parsed so far (the ones that owned a resolving file, or all after a build-output lookup). */
  get tsconfigs(): string[] {
    return [...this.configs.keys()];
  }

  private loadConfig(file: string): Config {
    let c = this.configs.get(file);
    if (c) return c;
    const ts = typescript();
    let options: ts.CompilerOptions = plainOptions;
    try {
      const parsed = ts.getParsedCommandLineOfConfigFile(
        file,
        {},
        {
          ...ts.sys,
          // Only the options matter here: listing the project's files would cost a directory walk.
          readDirectory: () => [],
          onUnRecoverableConfigFileDiagnostic: () => {},
        },
      );
      if (parsed) {
        options = { ...parsed.options, allowJs: true, noEmit: true };
        const dir = path.dirname(file);
        const src = parsed.options.rootDir ?? dir;
        for (const out of [parsed.options.outDir, parsed.options.declarationDir])
          if (out && out !== src) this.outDirs.push({ out, src });
        for (const ref of parsed.projectReferences ?? []) {
          const refFile = ts.resolveProjectReferencePath(ref);
          if (this.host.fileExists(refFile)) this.loadConfig(refFile);
        }
      }
    } catch {
      // An unreadable tsconfig: its files resolve with the plain options.
    }
    c = { file, options, cache: ts.createModuleResolutionCache(path.dirname(file), (s) => s, options) };
    this.configs.set(file, c);
    return c;
  }

  /** The tsconfig that owns a file (its nearest `tsconfig.json`), or undefined. */
  ownerOf(abs: string): string | undefined {
    return this.ownerOfDir.get(path.dirname(abs)) || undefined;
  }

  /**
   * The repository file an import specifier names, from the importing file, or undefined for packages
   * outside the repository, Node built-ins and specifiers nothing resolves.
   */
  resolve(fromAbs: string, spec: string): string | undefined {
    if (spec.startsWith('node:') || isBuiltin(spec)) return undefined;
    const owner = this.ownerOf(fromAbs) ?? '';
    const relative = spec.startsWith('.') || spec.startsWith('/');
    const key = `${relative ? path.dirname(fromAbs) : owner}\0${spec}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit ?? undefined;
    const config = owner ? this.loadConfig(owner) : this.plain;
    let out: string | undefined;
    try {
      const r = typescript().resolveModuleName(spec, fromAbs, config.options, this.host, config.cache).resolvedModule;
      out = r ? this.toSource(r.resolvedFileName) : undefined;
    } catch {
      out = undefined;
    }
    if (!out && !relative) out = this.resolveWorkspace(spec) ?? this.resolveFolderPackage(spec);
    this.memo.set(key, out ?? null);
    return out;
  }

  private allLoaded = false;
  /** Parses every tsconfig (their outDirs map build output back to sources). */
  private loadAll(): void {
    if (this.allLoaded) return;
    this.allLoaded = true;
    for (const t of new Set(this.ownerOfDir.values())) if (t) this.loadConfig(t);
  }

  /** A scanned source file for a path that may be build output (`dist/x.d.ts`, an outDir, a `.js` twin). */
  private toSource(file: string): string | undefined {
    const f = path.resolve(file);
    if (this.codeFiles.has(f) && !f.endsWith('.d.ts')) return f;
    const found = this.fromBuildOutput(f);
    if (found || this.allLoaded) return found;
    this.loadAll();
    return this.fromBuildOutput(f);
  }

  private fromBuildOutput(f: string): string | undefined {
    const base = f.replace(builtExtension, '');
    const tries = [base];
    for (const { out, src } of this.outDirs)
      if (base.startsWith(out + path.sep)) tries.push(path.join(src, path.relative(out, base)));
    // Conventional build folders of a package: dist/, lib/, build/, out/ beside src/.
    const m = /^(.*[\\/])(?:dist|lib|build|out)(?:[\\/](?:esm|cjs|types|es|commonjs|module))?([\\/].*)$/.exec(base);
    if (m) tries.push(`${m[1]}src${m[2]}`);
    for (const t of tries) {
      for (const ext of sourceExtensions) if (this.codeFiles.has(t + ext)) return t + ext;
      for (const ext of sourceExtensions)
        if (this.codeFiles.has(path.join(t, `index${ext}`))) return path.join(t, `index${ext}`);
    }
    return undefined;
  }

  /** A manifest-less package folder under `<root>/packages/` by its folder's name (folderPackageFile). */
  private resolveFolderPackage(spec: string): string | undefined {
    return folderPackageFile(this.root, spec, (f) => this.codeFiles.has(f) && !f.endsWith('.d.ts'));
  }

  /** A workspace package's module by name (`@org/pkg`, `@org/pkg/sub`), from its `exports`, entry fields or layout. */
  private resolveWorkspace(spec: string): string | undefined {
    const pkg = this.packages.find((p) => spec === p.name || spec.startsWith(`${p.name}/`));
    if (!pkg) return undefined;
    const sub = spec === pkg.name ? '.' : `.${spec.slice(pkg.name.length)}`;
    const targets: string[] = [];
    const fromExports = exportTarget(pkg.exports, sub);
    if (fromExports) targets.push(fromExports);
    if (sub === '.') targets.push(...pkg.entry, './src/index', './index');
    else targets.push(sub, `./src${sub.slice(1)}`);
    for (const t of targets) {
      const found = this.toSource(path.join(pkg.dir, t));
      if (found) return found;
    }
    return undefined;
  }
}

/**
 * A package folder with no package.json, imported by its folder's name (`@acme/crypto-config` →
 * `packages/crypto-config/src/index.ts`): a monorepo laid out the conventional way with no manifests, only when
 * no declared package answers. The lint's resolver (src/rule-kit/module-files.ts) reads the same folders, so the
 * lint and the audit see the same modules.
 */
function folderPackageFile(root: string, spec: string, isCode: (abs: string) => boolean): string | undefined {
  const m = /^(?:@[^/]+\/)?([^/@.][^/]*)(?:\/(.+))?$/.exec(spec);
  if (!m) return undefined;
  const dir = path.join(root, 'packages', m[1]!);
  if (existsSync(path.join(dir, 'package.json'))) return undefined;
  const bases = m[2]
    ? [path.join(dir, m[2]), path.join(dir, 'src', m[2])]
    : [path.join(dir, 'src', 'index'), path.join(dir, 'index')];
  for (const b of bases)
    for (const ext of sourceExtensions) {
      if (isCode(b + ext)) return b + ext;
      if (isCode(path.join(b, `index${ext}`))) return path.join(b, `index${ext}`);
    }
  return undefined;
}

/** The path package `exports` maps a subpath to (`"./sub"`, `"./*"` patterns, nested conditions). */
export function exportTarget(exports: unknown, sub: string): string | undefined {
  if (exports === undefined || exports === null) return undefined;
  if (typeof exports === 'string') return sub === '.' ? exports : undefined;
  if (Array.isArray(exports)) {
    for (const e of exports as unknown[]) {
      const t = exportTarget(e, sub);
      if (t) return t;
    }
    return undefined;
  }
  if (typeof exports !== 'object') return undefined;
  const map = exports as Record<string, unknown>;
  const keys = Object.keys(map);
  if (keys.length > 0 && keys.every((k) => !k.startsWith('.'))) return sub === '.' ? pick(map) : undefined;
  if (sub in map) return pick(map[sub]);
  for (const k of keys) {
    const star = k.indexOf('*');
    if (star < 0) continue;
    const pre = k.slice(0, star);
    const post = k.slice(star + 1);
    if (sub.startsWith(pre) && sub.endsWith(post) && sub.length >= pre.length + post.length) {
      const t = pick(map[k]);
      if (t) return t.split('*').join(sub.slice(pre.length, sub.length - post.length));
    }
  }
  return undefined;
}

function pick(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) {
    for (const e of v as unknown[]) {
      const t = pick(e);
      if (t) return t;
    }
    return undefined;
  }
  if (v && typeof v === 'object') {
    const m = v as Record<string, unknown>;
    for (const c of conditions) if (c in m) return pick(m[c]);
    for (const k of Object.keys(m)) {
      const t = pick(m[k]);
      if (t) return t;
    }
  }
  return undefined;
}
