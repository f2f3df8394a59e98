/**
 * Where an import points on disk, for rules that follow a call into another module without type information:
 * relative paths (`./util/random`, `./tokens.js` written for `tokens.ts`), packages of the same npm, yarn or
 * pnpm workspace (`@acme/shared` in a monorepo), and `compilerOptions.paths` aliases of the nearest
 * tsconfig.json (`@/lib/random`). Packages installed under node_modules are never followed. Every lookup is
 * cached per directory; a missing or unreadable file leaves the import unresolved. A module found this way is
 * read and parsed once per modification time (`moduleText`, `parsedModule`) for every rule that follows it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import type { parseForESLint as ParseForESLint } from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, TSESLint as Lint } from '@typescript-eslint/utils';
import { childrenOf, type Scope } from './ast.js';

/**
 * The extensions an import may leave out, in the order Node and TypeScript try them (module resolution, not
 * catalogue data).
 */
const SUFFIXES = [
  '',
  '.ts',
  '.tsx',
  '.mts',
  '.cts',
  '.js',
  '.mjs',
  '.cjs',
  '.jsx',
  '/index.ts',
  '/index.tsx',
  '/index.js',
];
/** How far up a file's directories to look for a workspace root or a tsconfig.json. */
const MAX_UP = 8;
const CACHE_LIMIT = 512;

// `throwIfNoEntry: false`: a missing path (most of the suffixes `asFile` tries) answers undefined instead of
// building an exception with its stack; other errors still throw, and count as no file.
function isFile(p: string): boolean {
  try {
    return statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

function readJson(p: string): Record<string, unknown> | undefined {
  try {
    // tsconfig.json allows comments and trailing commas.
    const text = readFileSync(p, 'utf8')
      .replace(/("(?:[^"\\]|\\.)*")|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (m, str: string | undefined) => str ?? '')
      .replace(/,(\s*[}\]])/g, '$1');
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A path with or without its extension, as a file (`./random.js` may be `random.ts`). */
function asFile(base: string): string | undefined {
  for (const s of SUFFIXES) if (isFile(base + s)) return base + s;
  if (/\.[cm]?js$/.test(base)) {
    const ts = base.replace(/\.([cm]?)js$/, '.$1ts');
    if (isFile(ts)) return ts;
  }
  return undefined;
}

/** A bounded per-directory memo. */
function memo<T>(compute: (dir: string) => T): (dir: string) => T {
  const cache = new Map<string, T>();
  return (dir) => {
    if (cache.has(dir)) return cache.get(dir)!;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    const v = compute(dir);
    cache.set(dir, v);
    return v;
  };
}

/** The nearest file named `name` at or above `dir`, whose JSON passes `accept`. */
function findUp(dir: string, name: string, accept: (json: Record<string, unknown>) => boolean) {
  let d = dir;
  for (let i = 0; i < MAX_UP; i++) {
    const p = join(d, name);
    const json = isFile(p) ? readJson(p) : undefined;
    if (json && accept(json)) return { dir: d, json };
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  return undefined;
}

/** `packages/*` → the package directories it names (one `*` at the end, or none). */
function expandWorkspace(root: string, pattern: string): string[] {
  const clean = pattern.replace(/^\.\//, '').replace(/\/\*\*?$/, '/*');
  if (!clean.endsWith('/*')) return [join(root, clean)];
  const parent = join(root, clean.slice(0, -2));
  try {
    return readdirSync(parent, { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'node_modules')
      .map((e) => join(parent, e.name));
  } catch {
    return [];
  }
}

/** `pnpm-workspace.yaml`'s `packages:` list (the plain form: one quoted or bare glob per `- ` line). */
function pnpmPatterns(dir: string): string[] {
  try {
    const text = readFileSync(join(dir, 'pnpm-workspace.yaml'), 'utf8');
    const block = /^packages:\s*\n((?:\s+-.*\n?)*)/m.exec(text)?.[1] ?? '';
    return [...block.matchAll(/-\s*['"]?([^'"\n#]+?)['"]?\s*(?:#.*)?$/gm)].map((m) => m[1]!.trim());
  } catch {
    return [];
  }
}

/**
 * The packages of the workspace declared in `d` itself, by name; undefined when `d` declares none. Memoised per
 * directory, so the directories of one workspace share its root's answer instead of each reading every member's
 * package.json again.
 */
const workspaceDeclaredIn = memo((d: string): ReadonlyMap<string, string> | undefined => {
  const pkg = isFile(join(d, 'package.json')) ? readJson(join(d, 'package.json')) : undefined;
  const ws = pkg?.workspaces;
  const patterns = Array.isArray(ws)
    ? ws
    : ws && typeof ws === 'object' && Array.isArray((ws as { packages?: unknown }).packages)
      ? (ws as { packages: unknown[] }).packages
      : pnpmPatterns(d);
  if (!patterns.length) return undefined;
  const out = new Map<string, string>();
  for (const p of patterns) {
    if (typeof p !== 'string' || p.startsWith('!')) continue;
    for (const pkgDir of expandWorkspace(d, p)) {
      const name = readJson(join(pkgDir, 'package.json'))?.name;
      if (typeof name === 'string') out.set(name, pkgDir);
    }
  }
  return out;
});

/** The workspace's packages by name, for a directory inside it. */
const workspaceOf = memo((dir: string): ReadonlyMap<string, string> => {
  let d = dir;
  for (let i = 0; i < MAX_UP; i++) {
    const declared = workspaceDeclaredIn(d);
    if (declared) return declared;
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  return new Map<string, string>();
});

/** The key a package folder without a manifest is listed under in an undeclared workspace. */
const BY_FOLDER = '\0folder:';

/**
 * A monorepo with no workspace declaration (no root package.json, or one without `workspaces`): the packages laid out
 * the conventional way, `<root>/<group>/<package>/package.json`, under the nearest directory with a `packages/`
 * folder. The audit's module graph resolves package names from every package.json the same way.
 */
const undeclaredWorkspaceOf = memo((dir: string): ReadonlyMap<string, string> => {
  let d = dir;
  for (let i = 0; i < MAX_UP; i++) {
    const laidOut = packagesLaidOutIn(d);
    if (laidOut) return laidOut;
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  return new Map<string, string>();
});

/** The packages laid out under `d` (which has a `packages/` folder), else undefined; memoised per directory. */
const packagesLaidOutIn = memo((d: string): ReadonlyMap<string, string> | undefined => {
  if (!isDirectory(join(d, 'packages'))) return undefined;
  const out = new Map<string, string>();
  for (const group of subdirectories(d))
    for (const pkgDir of subdirectories(group)) {
      const name = isFile(join(pkgDir, 'package.json')) ? readJson(join(pkgDir, 'package.json'))?.name : undefined;
      if (typeof name === 'string' && !out.has(name)) out.set(name, pkgDir);
      // A package folder with no manifest is imported by its folder's name (`@acme/shared` → packages/shared).
      else if (name === undefined && !out.has(BY_FOLDER + basename(pkgDir)))
        out.set(BY_FOLDER + basename(pkgDir), pkgDir);
    }
  return out;
});

function isDirectory(p: string): boolean {
  try {
    return statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

/** A directory's subdirectories, without node_modules and hidden ones. */
function subdirectories(parent: string): string[] {
  try {
    return readdirSync(parent, { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'node_modules' && !e.name.startsWith('.'))
      .map((e) => join(parent, e.name));
  } catch {
    return [];
  }
}

/** A workspace package's entry file: its source, module or main field, else `src/index` or `index`. */
function packageEntry(pkgDir: string): string | undefined {
  const pkg = readJson(join(pkgDir, 'package.json')) ?? {};
  for (const field of ['source', 'module', 'main', 'types']) {
    const v = pkg[field];
    if (typeof v !== 'string') continue;
    const f = asFile(join(pkgDir, v.replace(/\.d\.ts$/, '.ts')));
    if (f) return f;
  }
  return asFile(join(pkgDir, 'src/index')) ?? asFile(join(pkgDir, 'index'));
}

/** The nearest tsconfig.json's `paths`, resolved against its `baseUrl` (or its own directory). */
const pathsOf = memo((dir: string): readonly { readonly prefix: string; readonly targets: readonly string[] }[] => {
  const found = findUp(dir, 'tsconfig.json', (j) => typeof j.compilerOptions === 'object');
  const opts = found?.json.compilerOptions as { paths?: Record<string, unknown>; baseUrl?: string } | undefined;
  if (!found || !opts?.paths) return [];
  const base = resolve(found.dir, opts.baseUrl ?? '.');
  return Object.entries(opts.paths).flatMap(([pattern, targets]) =>
    Array.isArray(targets) && (pattern.endsWith('*') || !pattern.includes('*'))
      ? [
          {
            prefix: pattern,
            targets: targets.filter((t): t is string => typeof t === 'string').map((t) => resolve(base, t)),
          },
        ]
      : [],
  );
});

/**
 * The file an import specifier names, seen from `fromDir`; undefined for an installed package or anything that
 * does not resolve.
 *
 * `byFolder`: in a monorepo with no workspace declaration, also a package folder with no package.json by its
 * folder's name (`@acme/shared` → packages/shared). Only the weak-randomness helper follower asks this; settings
 * read from other modules keep to packages that name themselves. `rootAlias`: also `@/…` and `~/…` with no `paths`
 * (the follower of a weak helper's value into its caller only; the caller join keeps to declared aliases).
 */
export function resolveImport(fromDir: string, spec: string, byFolder = false, rootAlias = false): string | undefined {
  if (spec.startsWith('.')) return asFile(resolve(fromDir, spec));
  for (const { prefix, targets } of pathsOf(fromDir)) {
    const star = prefix.endsWith('*');
    const head = star ? prefix.slice(0, -1) : prefix;
    if (star ? !spec.startsWith(head) : spec !== head) continue;
    const rest = star ? spec.slice(head.length) : '';
    for (const t of targets) {
      const f = asFile(star ? t.replace('*', rest) : t);
      if (f) return f;
    }
  }
  // `@/lib/random`, `~/utils/codes` with no `paths` to say where: the root alias Next.js, Nuxt and Vite templates
  // set up (`@/*` → the app's folder or its `src/`). The nearest ancestor folder that holds the rest is the app's.
  const rooted = rootAlias ? /^[@~]\/(.+)$/.exec(spec)?.[1] : undefined;
  if (rooted !== undefined) return rootAliased(fromDir, rooted);
  const declared = workspaceOf(fromDir);
  const ws = declared.size ? declared : undeclaredWorkspaceOf(fromDir);
  if (!ws.size) return undefined;
  const m = /^((?:@[^/]+\/)?[^/]+)(?:\/(.+))?$/.exec(spec);
  const pkgDir =
    m &&
    (ws.get(m[1]!) ?? (declared.size || !byFolder ? undefined : ws.get(BY_FOLDER + m[1]!.replace(/^@[^/]+\//, ''))));
  if (!pkgDir) return undefined;
  return m[2] ? (asFile(join(pkgDir, m[2])) ?? asFile(join(pkgDir, 'src', m[2]))) : packageEntry(pkgDir);
}

/** `rest` under the nearest ancestor of `fromDir` (or its `src/`) that holds it, up to eight folders up. */
function rootAliased(fromDir: string, rest: string): string | undefined {
  let dir = fromDir;
  for (let up = 0; up < 8; up++) {
    const f = asFile(join(dir, rest)) ?? asFile(join(dir, 'src', rest));
    if (f) return f;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/**
 * Whether rules may read imported modules from disk: yes, unless the shared settings say
 * `keyhygiene: { importsOnDisk: false }` (the audit, whose cross-file step joins modules itself).
 */
export function importsOnDisk(settings: Readonly<Record<string, unknown>> | undefined): boolean {
  const kh = settings?.keyhygiene;
  return !(kh && typeof kh === 'object' && (kh as { importsOnDisk?: unknown }).importsOnDisk === false);
}

/** ESLint's `sourceCode.getScope`, for a file parsed outside ESLint. */
export function scopeGetter(sm: Lint.Scope.ScopeManager): (node: TSESTree.Node) => Scope {
  return (node) => {
    const inner = node.type !== T.Program;
    for (let n: TSESTree.Node | undefined = node; n; n = n.parent) {
      const s = sm.acquire(n, inner);
      if (s) return (s.type === Lint.Scope.ScopeType.functionExpressionName ? s.childScopes[0] : s) as Scope;
    }
    return sm.scopes[0] as Scope;
  };
}

/** The parser's own two halves: its ESTree converter and its scope analyser (the versions it runs itself). */
interface ParserParts {
  readonly parse: (text: string, options: Record<string, unknown>) => TSESTree.Program;
  readonly analyze: (ast: TSESTree.Program, options: Record<string, unknown>) => Lint.Scope.ScopeManager;
  readonly visitorKeys: TSESLint.SourceCode.VisitorKeys;
}
let parts: ParserParts | undefined;
/** Loaded from where `@typescript-eslint/parser` is installed: its dependencies, not copies next to this package. */
function parserParts(): ParserParts {
  if (parts) return parts;
  const fromHere = createRequire(import.meta.url);
  const fromParser = createRequire(fromHere.resolve('@typescript-eslint/parser'));
  const estree = fromParser('@typescript-eslint/typescript-estree') as Pick<ParserParts, 'parse'>;
  const scopes = fromParser('@typescript-eslint/scope-manager') as Pick<ParserParts, 'analyze'>;
  const keys = fromParser('@typescript-eslint/visitor-keys') as { visitorKeys: ParserParts['visitorKeys'] };
  return (parts = { parse: estree.parse, analyze: scopes.analyze, visitorKeys: keys.visitorKeys });
}

/**
 * Another file's text parsed into ESTree with scopes, as ESLint's parser would (no parents set): the same tree and
 * scopes as the parser's `parseForESLint(text, { sourceType: 'module', … })`, without what only a linted file
 * needs: its tokens and comments (`parseForESLint` always makes them) and the maps between ESTree and TypeScript
 * nodes (there is no program to ask about those nodes). A third less work per file; nothing here reads those.
 */
export function parseOtherFile(text: string, fileName: string): OtherFileParse {
  // Loaded on first use: importing the rules must not load the parser and TypeScript, so the audit's main
  // thread answers a cached run without them.
  const { parse, analyze, visitorKeys } = parserParts();
  const ast = parse(text, {
    filePath: fileName,
    jsx: /\.[cm]?[jt]sx$/.test(fileName),
    range: true,
    loc: true,
    comment: false,
    tokens: false,
    sourceType: 'module',
  });
  (ast as { sourceType: string }).sourceType = 'module';
  const scopeManager = analyze(ast, {
    globalReturn: undefined,
    jsxFragmentName: undefined,
    jsxPragma: undefined,
    lib: undefined,
    sourceType: 'module',
  });
  const services = {
    program: null,
    esTreeNodeToTSNodeMap: new WeakMap(),
    tsNodeToESTreeNodeMap: new WeakMap(),
    emitDecoratorMetadata: false,
    experimentalDecorators: false,
    isolatedDeclarations: false,
  };
  return { ast, scopeManager, services, visitorKeys } as unknown as OtherFileParse;
}

/** What the parser gives for a file: its tree (`ast`), scopes and visitor keys. */
export type OtherFileParse = ReturnType<typeof ParseForESLint>;

interface OnDisk {
  readonly mtimeMs: number;
  readonly text: string | undefined;
  /** Parsed on first request, with parents set: `null` when it does not parse. */
  parsed?: OtherFileParse | null;
}
const onDisk = new Map<string, OnDisk>();
const ON_DISK_LIMIT = 256;
/** Parses of other modules made in this process (counted for the tests that pin how many a lint needs). */
let parses = 0;
export const otherModuleParses = (): number => parses;
/** Looks at a module's modification time (one `stat` each), counted for the tests that pin how many a lint needs. */
let looks = 0;
export const moduleDiskLooks = (): number => looks;

function onDiskEntry(path: string): OnDisk | undefined {
  looks++;
  let mtimeMs: number;
  try {
    mtimeMs = statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
  const hit = onDisk.get(path);
  if (hit && hit.mtimeMs === mtimeMs) {
    // Least recently used first: a module many files import (a logger, a config) stays parsed.
    onDisk.delete(path);
    onDisk.set(path, hit);
    return hit;
  }
  // Full: the least recently used entry goes (dropping every entry made the hot modules parse again).
  if (!hit && onDisk.size >= ON_DISK_LIMIT) onDisk.delete(onDisk.keys().next().value!);
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    text = undefined;
  }
  const entry: OnDisk = { mtimeMs, text };
  onDisk.set(path, entry);
  return entry;
}

/**
 * A project module's text, read once per modification time and shared by every rule that follows imports
 * (helpers for no-weak-randomness, settings for the others); undefined when it cannot be read.
 */
export function moduleText(path: string): string | undefined {
  return onDiskEntry(path)?.text;
}

/** A project module parsed once per modification time, with parents set; undefined when it does not parse. */
export function parsedModule(path: string): OtherFileParse | undefined {
  const entry = onDiskEntry(path);
  if (!entry || entry.text === undefined) return undefined;
  if (entry.parsed === undefined) {
    try {
      parses++;
      const p = parseOtherFile(entry.text, path);
      setParents(p.ast as TSESTree.Program, p.visitorKeys as TSESLint.SourceCode.VisitorKeys);
      entry.parsed = p;
    } catch {
      entry.parsed = null;
    }
  }
  return entry.parsed ?? undefined;
}

function setParents(program: TSESTree.Program, keys: TSESLint.SourceCode.VisitorKeys): void {
  const stack: [TSESTree.Node, TSESTree.Node | undefined][] = [[program, undefined]];
  while (stack.length) {
    const [node, parent] = stack.pop()!;
    (node as { parent?: TSESTree.Node }).parent = parent;
    for (const c of childrenOf(node, keys)) stack.push([c, node]);
  }
}
