/**
 * The other direction of module-values.ts: whether any file of the project imports a given module (and names
 * a given export), found by a bounded scan of the project's JS/TS files. Asked only for an exported weak
 * setting, so that a choice another module uses is reported there (at the call) and one nobody imports is
 * reported where it is written. The file list and the answers are kept for FRESH_MS only: an editor's ESLint
 * server lives for hours while files are added and imports change, and a batch run asks rarely enough that
 * listing again every few seconds costs nothing measurable.
 *
 * The answer must not depend on files far from the question: a scan bounded by a file count would otherwise
 * answer differently when unrelated files are added elsewhere in the repository (or when the file system lists a
 * folder in another order). So folders are listed in name order, and the files read are taken nearest first
 * (`nearestFirst`): the folder of the module asked about, then its parent's other folders, and so on up to the
 * project root; only the furthest files fall past the bound.
 */
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { moduleText, resolveImport, workspaceRootOf } from './module-files.js';

const PROJECT_MARKERS = ['package.json', 'tsconfig.json', '.git'];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', 'coverage', 'out', 'vendor']);
/** How many files one question reads at most (the nearest first). */
const MAX_FILES = 2000;
/** How many files a project listing holds at most (folders in name order). */
const MAX_LISTED = 50_000;
const MAX_DEPTH_DOWN = 8;
const CODE_FILE = /\.(?:[cm]?[jt]sx?)$/;
const SPECIFIER = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)(['"])([^'"\n]+)\1/g;

/** How long a project listing and an answer stay valid (milliseconds). */
const FRESH_MS = 10_000;

interface Stamped<T> {
  readonly at: number;
  readonly value: T;
}

/**
 * A map whose entries are valid for FRESH_MS after they are set: what a scan of the project's files answered is
 * reused by a burst of questions and asked again later, since the files change while an editor's server runs.
 */
export class FreshMap<T> {
  private readonly entries = new Map<string, Stamped<T>>();
  get(key: string, now: number = Date.now()): T | undefined {
    const hit = this.entries.get(key);
    if (hit === undefined) return undefined;
    if (now - hit.at < FRESH_MS && now >= hit.at) return hit.value;
    this.entries.delete(key);
    return undefined;
  }
  set(key: string, value: T, now: number = Date.now()): void {
    this.entries.set(key, { at: now, value });
  }
}

const filesByRoot = new FreshMap<readonly string[]>();
const importedMemo = new FreshMap<boolean>();

/** The nearest directory above `file` that holds a package.json, a tsconfig.json or .git (six levels at most). */
function projectRoot(file: string): string {
  let d = dirname(file);
  for (let i = 0; i < 6; i++) {
    for (const m of PROJECT_MARKERS) {
      try {
        // A missing marker answers undefined rather than building an exception (the common case here).
        if (statSync(join(d, m), { throwIfNoEntry: false }) !== undefined) return d;
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

/**
 * The JS/TS files under `root` (dependencies, builds and hidden folders left out; bounded), in name order, kept
 * while fresh.
 */
export function projectFiles(root: string, now: number = Date.now()): readonly string[] {
  const known = filesByRoot.get(root, now);
  if (known) return known;
  const out: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > MAX_DEPTH_DOWN || out.length >= MAX_LISTED) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (out.length >= MAX_LISTED) return;
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(p, depth + 1);
      } else if (e.isFile() && CODE_FILE.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  walk(root, 0);
  filesByRoot.set(root, out, now);
  return out;
}

/**
 * At most MAX_FILES of `files`, the nearest to folder `dir` first: by the number of leading path segments shared
 * with `dir` (more first), then in name order. Deterministic for a given tree, and unmoved by files added far away.
 */
export function nearestFirst(files: readonly string[], dir: string): readonly string[] {
  const mine = dir.split(sep);
  const shared = (f: string): number => {
    const s = f.split(sep);
    let i = 0;
    while (i < mine.length && i < s.length - 1 && s[i] === mine[i]) i++;
    return i;
  };
  return files
    .map((f) => ({ f, n: shared(f) }))
    .sort((a, b) => b.n - a.n || (a.f < b.f ? -1 : a.f > b.f ? 1 : 0))
    .slice(0, MAX_FILES)
    .map((x) => x.f);
}

/**
 * Whether the specifier at `at` closes a re-export (`export { X } from './algorithms'`, `export * from …`): a
 * barrel passes the value on and runs nothing, so it is no importer itself; module-values.ts reads through it,
 * and so an importer of the barrel counts as an importer of the module it re-exports.
 */
function isReExport(text: string, at: number): boolean {
  if (text.startsWith('require', at) || text.startsWith('import', at)) return false;
  return text.lastIndexOf('export', at) > text.lastIndexOf('import', at);
}

/** How many barrels deep an import may reach the module it names (`../config` → config/index.ts → ./crypto). */
const MAX_BARRELS = 3;

/**
 * Whether module `file` passes `name` on from `target` (`export * from './crypto'`, `export { CIPHER } from …`),
 * directly or through further barrels.
 */
function reExports(file: string, target: string, name: string, depth = 0): boolean {
  if (depth >= MAX_BARRELS) return false;
  const text = moduleText(file);
  if (text === undefined || !text.includes('export')) return false;
  for (const m of text.matchAll(SPECIFIER)) {
    if (!isReExport(text, m.index)) continue;
    const statement = text.slice(text.lastIndexOf('export', m.index), m.index);
    if (!statement.includes('*') && (name === '' || !statement.includes(name))) continue;
    const next = resolveImport(dirname(file), m[2]!, true);
    if (next && next !== file && (next === target || reExports(next, target, name, depth + 1))) return true;
  }
  return false;
}

/**
 * Whether another file of the project imports `name` from `file` (`name` empty: imports the module at all):
 * through a relative specifier, a folder's index file, a tsconfig `paths` alias or a workspace package (also one
 * with no package.json, by folder name), directly or through barrels that re-export it. The project is the
 * workspace the file belongs to, else its nearest package. Asked only for an exported weak setting, so the
 * bounded scan of the project's files runs rarely.
 */
export function importedElsewhere(file: string, name: string): boolean {
  const target = resolve(file);
  const key = `${target}\0${name}`;
  const now = Date.now();
  const memo = importedMemo.get(key, now);
  if (memo !== undefined) return memo;
  let found = false;
  const root = workspaceRootOf(dirname(target)) ?? projectRoot(target);
  for (const f of nearestFirst(projectFiles(root, now), dirname(target))) {
    if (f === target) continue;
    let text: string;
    try {
      text = readFileSync(f, 'utf8');
    } catch {
      continue;
    }
    if (name !== '' && !text.includes(name)) continue;
    for (const m of text.matchAll(SPECIFIER)) {
      if (isReExport(text, m.index)) continue;
      const to = resolveImport(dirname(f), m[2]!, true);
      if (to && to !== f && (to === target || reExports(to, target, name))) {
        found = true;
        break;
      }
    }
    if (found) break;
  }
  importedMemo.set(key, found, now);
  return found;
}
