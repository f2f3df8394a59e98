/**
 * The project's JS/TS files, listed for questions asked across modules under ESLint (helper-callers.ts: which
 * module calls a shared helper). The listing is kept for FRESH_MS only: an editor's ESLint server lives for hours
 * while files are added and imports change, and a batch run asks rarely enough that listing again every few seconds
 * costs nothing measurable.
 *
 * An answer must not depend on files far from the question: a scan bounded by a file count would otherwise answer
 * differently when unrelated files are added elsewhere in the repository (or when the file system lists a folder in
 * another order). So folders are listed in name order, and the files read are taken nearest first (`nearestFirst`):
 * the folder of the module asked about, then its parent's other folders, and so on up to the project root; only the
 * furthest files fall past the bound.
 */
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join, sep } from 'node:path';

/** Dependency and build output folders a project listing does not walk (project layout, not catalogue data). */
const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', 'coverage', 'out', 'vendor']);
/** How many files one question reads at most (the nearest first). */
const MAX_FILES = 2000;
/** How many files a project listing holds at most (folders in name order). */
const MAX_LISTED = 50_000;
const MAX_DEPTH_DOWN = 8;
/** The file extensions of JS and TS modules (module resolution, not catalogue data). */
const CODE_FILE = /\.(?:[cm]?[jt]sx?)$/;

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
 * The texts read from one listing's files, kept as long as that listing (`projectFiles` returns the same array
 * while it is fresh): several questions in a burst (one per exported helper, helper-callers.ts) scan the same files,
 * and each file is read once for all of them, not once per question. A stale listing is replaced, and its texts go
 * with it, so a file changed on disk is read again within FRESH_MS, as the listing sees new files.
 */
const textsByListing = new WeakMap<readonly string[], Map<string, string | undefined>>();

/** The text of `path` as first read for `listing` (undefined when it cannot be read). */
export function listedText(listing: readonly string[], path: string): string | undefined {
  let texts = textsByListing.get(listing);
  if (!texts) textsByListing.set(listing, (texts = new Map<string, string | undefined>()));
  if (texts.has(path)) return texts.get(path);
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    text = undefined;
  }
  texts.set(path, text);
  return text;
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
