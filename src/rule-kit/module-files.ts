/**
 * Where an import points on disk, for rules that follow a call into another module without type information:
 * relative paths (`./util/random`, `./tokens.js` written for `tokens.ts`), packages of the same npm, yarn or
 * pnpm workspace (`@acme/shared` in a monorepo), and `compilerOptions.paths` aliases of the nearest
 * tsconfig.json (`@/lib/random`). Packages installed under node_modules are never followed. Every lookup is
 * cached per directory; a missing or unreadable file leaves the import unresolved.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The extensions an import may leave out, in the order Node and TypeScript try them. */
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

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
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

/** The workspace's packages by name, for a directory inside it. */
const workspaceOf = memo((dir: string): ReadonlyMap<string, string> => {
  const out = new Map<string, string>();
  let d = dir;
  for (let i = 0; i < MAX_UP; i++) {
    const pkg = isFile(join(d, 'package.json')) ? readJson(join(d, 'package.json')) : undefined;
    const ws = pkg?.workspaces;
    const patterns = Array.isArray(ws)
      ? ws
      : ws && typeof ws === 'object' && Array.isArray((ws as { packages?: unknown }).packages)
        ? (ws as { packages: unknown[] }).packages
        : pnpmPatterns(d);
    if (patterns.length) {
      for (const p of patterns) {
        if (typeof p !== 'string' || p.startsWith('!')) continue;
        for (const pkgDir of expandWorkspace(d, p)) {
          const name = readJson(join(pkgDir, 'package.json'))?.name;
          if (typeof name === 'string') out.set(name, pkgDir);
        }
      }
      return out;
    }
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  return out;
});

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
 */
export function resolveImport(fromDir: string, spec: string): string | undefined {
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
  const ws = workspaceOf(fromDir);
  if (!ws.size) return undefined;
  const m = /^((?:@[^/]+\/)?[^/]+)(?:\/(.+))?$/.exec(spec);
  const pkgDir = m && ws.get(m[1]!);
  if (!pkgDir) return undefined;
  return m[2] ? (asFile(join(pkgDir, m[2])) ?? asFile(join(pkgDir, 'src', m[2]))) : packageEntry(pkgDir);
}

/**
 * Whether rules may read imported modules from disk: yes, unless the shared settings say
 * `keyhygiene: { importsOnDisk: false }` (the audit, whose cross-file step joins modules itself).
 */
export function importsOnDisk(settings: Readonly<Record<string, unknown>> | undefined): boolean {
  const kh = settings?.keyhygiene;
  return !(kh && typeof kh === 'object' && (kh as { importsOnDisk?: unknown }).importsOnDisk === false);
}
