/**
 * The file source: walks the root once, honouring `.gitignore` files (the `ignore` package), and skips
 * dependencies, build output and vendored code unless asked. Symlinks are followed with loop detection.
 * Returns what to scan and what was left out for a reason the report must show (unreadable, loops).
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import ignoreFactory from 'ignore';
import type { SkippedFile } from '../../report/types.js';
import { posix, safeDetail } from '../common.js';

type Ignore = ReturnType<typeof ignoreFactory>;

/** Directory names that hold dependencies, build output, caches or vendored code: skipped unless `includeIgnored`. */
export const defaultIgnoredDirs: ReadonlySet<string> = new Set([
  'node_modules',
  'bower_components',
  'jspm_packages',
  'vendor',
  'vendored',
  'third_party',
  'third-party',
  'dist',
  'build',
  'out',
  '.next',
  '.nuxt',
  '.svelte-kit',
  '.output',
  'coverage',
  '.turbo',
  '.cache',
  '.parcel-cache',
  '.yarn',
  '.pnpm-store',
  '.keyhygiene-cache',
  '.git',
  '.hg',
  '.svn',
]);

/** Minified or bundled files: build output even outside a build directory. */
const BUNDLED = /\.min\.(?:js|mjs|cjs|css)$|\.bundle\.js$|-bundle\.js$|\.chunk\.js$/;

export interface WalkedFile {
  /** POSIX path relative to the root. */
  readonly rel: string;
  readonly abs: string;
  readonly size: number;
  /** From the same `stat`: what the cache compares to trust an unchanged file without reading it. */
  readonly mtimeMs?: number;
  readonly ctimeMs?: number;
  readonly ino?: number;
}

export interface WalkResult {
  readonly files: WalkedFile[];
  readonly skipped: SkippedFile[];
}

export interface WalkOptions {
  readonly includeIgnored?: boolean;
  /** Absolute directories never walked (the cache directory when it sits under the root). */
  readonly exclude?: readonly string[];
  readonly signal?: AbortSignal;
}

interface Frame {
  readonly dir: string;
  readonly rel: string;
  /** `.gitignore` matchers from the root down, each with the directory it applies to. */
  readonly rules: ReadonlyArray<{ base: string; ig: Ignore }>;
  /** Real paths of the directories on the way here (for loop detection). */
  readonly ancestors: ReadonlySet<string>;
}

function ignored(rules: Frame['rules'], rel: string, isDir: boolean): boolean {
  let out = false;
  for (const { base, ig } of rules) {
    const sub = base === '' ? rel : rel.startsWith(`${base}/`) ? rel.slice(base.length + 1) : undefined;
    if (sub === undefined || sub === '') continue;
    const r = ig.test(isDir ? `${sub}/` : sub);
    if (r.ignored) out = true;
    else if (r.unignored) out = false;
  }
  return out;
}

/**
 * A `.gitignore` negation names this directory (`!packages/node_modules`): the project keeps its own sources under a
 * name the walker skips by default (node-red's packages live in `packages/node_modules/`), so it is walked.
 */
function reincluded(rules: Frame['rules'], rel: string): boolean {
  let out = false;
  for (const { base, ig } of rules) {
    const sub = base === '' ? rel : rel.startsWith(`${base}/`) ? rel.slice(base.length + 1) : undefined;
    if (sub === undefined || sub === '') continue;
    const r = ig.test(`${sub}/`);
    if (r.unignored) out = true;
    else if (r.ignored) out = false;
  }
  return out;
}

/**
 * Every file under `root` the audit should read, in a stable (sorted) order.
 * @throws never for a file or directory below the root (those become `skipped`); rejects only when the root
 * itself cannot be read.
 */
export function walk(root: string, options: WalkOptions = {}): Promise<WalkResult> {
  // A throw in the executor (an unreadable root) becomes the rejection.
  return new Promise((resolve) => resolve(walkSync(root, options)));
}

/**
 * `walk`, with synchronous calls: one system call per directory and per file instead of a promise and a round trip
 * through libuv's thread pool for each (the walk runs before any analysis, so nothing waits for it meanwhile). On
 * typeorm's 3,778 files the promise form took about 100 ms more CPU (docs/benchmarks.md, "the audit at the speed of
 * parsing").
 */
function walkSync(root: string, options: WalkOptions): WalkResult {
  const files: WalkedFile[] = [];
  const skipped: SkippedFile[] = [];
  const realpath = realpathSync.native;
  const rootReal = realpath(root);
  const stack: Frame[] = [{ dir: root, rel: '', rules: [], ancestors: new Set([rootReal]) }];
  while (stack.length > 0) {
    if (options.signal?.aborted) break;
    const frame = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(frame.dir, { withFileTypes: true });
    } catch (e) {
      skipped.push({
        file: frame.rel || '.',
        reason: 'unreadable',
        detail: safeDetail((e as NodeJS.ErrnoException).code ?? String(e)),
      });
      continue;
    }
    let rules = frame.rules;
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      try {
        const ig = ignoreFactory().add(readFileSync(path.join(frame.dir, '.gitignore'), 'utf8'));
        rules = [...rules, { base: frame.rel, ig }];
      } catch {
        // An unreadable .gitignore ignores nothing; the files themselves are still reported if unreadable.
      }
    }
    const dirs: Frame[] = [];
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const rel = frame.rel === '' ? entry.name : `${frame.rel}/${entry.name}`;
      const abs = path.join(frame.dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let real: string | undefined;
      if (entry.isSymbolicLink()) {
        try {
          const st = statSync(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
          real = realpath(abs);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'ELOOP')
            skipped.push({ file: rel, reason: 'symlink-loop', detail: 'the link resolves to itself' });
          else if (code !== 'ENOENT')
            skipped.push({ file: rel, reason: 'unreadable', detail: safeDetail(code ?? String(e)) });
          // A dangling link points at nothing to scan.
          continue;
        }
      }
      if (isDir) {
        if (
          entry.name === '.git' ||
          (!options.includeIgnored && defaultIgnoredDirs.has(entry.name) && !reincluded(rules, rel)) ||
          options.exclude?.includes(abs)
        )
          continue;
        if (!options.includeIgnored && ignored(rules, rel, true)) continue;
        let r = real;
        if (r === undefined) {
          try {
            r = realpath(abs);
          } catch {
            r = abs;
          }
        }
        if (frame.ancestors.has(r)) {
          skipped.push({
            file: rel,
            reason: 'symlink-loop',
            detail: `links back to ${posix(path.relative(rootReal, r)) || '.'}`,
          });
          continue;
        }
        dirs.push({ dir: abs, rel, rules, ancestors: new Set([...frame.ancestors, r]) });
      } else if (isFile) {
        if (!options.includeIgnored && (ignored(rules, rel, false) || BUNDLED.test(entry.name))) continue;
        try {
          const st = real ? statSync(abs) : lstatSync(abs);
          files.push({ rel, abs, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino });
        } catch (e) {
          skipped.push({
            file: rel,
            reason: 'unreadable',
            detail: safeDetail((e as NodeJS.ErrnoException).code ?? String(e)),
          });
        }
      }
    }
    // Depth-first, in name order: push in reverse so the first name is walked first.
    for (let i = dirs.length - 1; i >= 0; i--) stack.push(dirs[i]!);
  }
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { files, skipped };
}
