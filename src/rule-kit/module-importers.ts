/**
 * The other direction of module-values.ts: whether any file of the project imports a given module (and names
 * a given export), found by a bounded scan of the project's JS/TS files, listed once per process. Asked only
 * for an exported weak setting, so that a choice another module uses is reported there (at the call) and one
 * nobody imports is reported where it is written.
 */
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { resolveImport } from './module-files.js';

const PROJECT_MARKERS = ['package.json', 'tsconfig.json', '.git'];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', 'coverage', 'out', 'vendor']);
const MAX_FILES = 2000;
const MAX_DEPTH_DOWN = 8;
const CODE_FILE = /\.(?:[cm]?[jt]sx?)$/;
const SPECIFIER = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)(['"])([^'"\n]+)\1/g;

const filesByRoot = new Map<string, readonly string[]>();
const importedMemo = new Map<string, boolean>();

/** The nearest directory above `file` that holds a package.json, a tsconfig.json or .git (six levels at most). */
function projectRoot(file: string): string {
  let d = dirname(file);
  for (let i = 0; i < 6; i++) {
    for (const m of PROJECT_MARKERS) {
      try {
        statSync(join(d, m));
        return d;
      } catch {
        // not here
      }
    }
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  return dirname(file);
}

/** The JS/TS files under `root` (dependencies, builds and hidden folders left out; bounded), listed once. */
function projectFiles(root: string): readonly string[] {
  const known = filesByRoot.get(root);
  if (known) return known;
  const out: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > MAX_DEPTH_DOWN || out.length >= MAX_FILES) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (out.length >= MAX_FILES) return;
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(p, depth + 1);
      } else if (e.isFile() && CODE_FILE.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  walk(root, 0);
  filesByRoot.set(root, out);
  return out;
}

/**
 * Whether the specifier at `at` closes a re-export (`export { X } from './algorithms'`, `export * from …`): a
 * barrel passes the value on and runs nothing, and module-values.ts does not follow barrels, so the choice is
 * judged where it is written.
 */
function isReExport(text: string, at: number): boolean {
  if (text.startsWith('require', at) || text.startsWith('import', at)) return false;
  return text.lastIndexOf('export', at) > text.lastIndexOf('import', at);
}

/**
 * Whether another file of the project imports `name` from `file` (`name` empty: imports the module at all),
 * through a relative specifier or a tsconfig `paths` alias. Asked only for an exported weak setting, so the
 * bounded scan of the project's files (listed once per process) runs rarely.
 */
export function importedElsewhere(file: string, name: string): boolean {
  const target = resolve(file);
  const key = `${target}\0${name}`;
  const memo = importedMemo.get(key);
  if (memo !== undefined) return memo;
  const stem = basename(target).replace(/\.[cm]?[jt]sx?$/, '');
  let found = false;
  for (const f of projectFiles(projectRoot(target))) {
    if (f === target) continue;
    let text: string;
    try {
      text = readFileSync(f, 'utf8');
    } catch {
      continue;
    }
    if (!text.includes(stem) || (name !== '' && !text.includes(name))) continue;
    for (const m of text.matchAll(SPECIFIER)) {
      const spec = m[2]!;
      if (isReExport(text, m.index)) continue;
      if (spec.includes(stem) && resolveImport(dirname(f), spec) === target) {
        found = true;
        break;
      }
    }
    if (found) break;
  }
  importedMemo.set(key, found);
  return found;
}
