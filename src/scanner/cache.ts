/**
 * The on-disk cache: per-file results keyed by the file's path and content hash, the tool version and the
 * lint configuration, so a second run over an unchanged repository reads files but analyses none.
 * Results hold redacted findings only, so the cache holds no secret. One JSON file, written atomically.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hashText } from '../detect/index.js';
import { version } from '../configs/presets.js';
import type { FileResult } from './common.js';
import { lintConfigHash } from './detect/lint.js';

const CACHE_FILE = 'results-v1.json';

export interface Cache {
  get(key: string): FileResult | undefined;
  set(key: string, value: FileResult): void;
  /** Keeps only the entries used in this run, and writes them. */
  save(): Promise<void>;
  readonly hits: number;
}

/** The cache key of one file: tool version, lint config, path and content hash. */
export function cacheKey(rel: string, contentHash: string, extra = ''): string {
  return hashText(`${version}\0${lintConfigHash()}\0${extra}\0${rel}\0${contentHash}`).slice(0, 40);
}

/** The directory the cache lives in: the given one (relative to the working directory), or `.keyhygiene-cache/` under the root. */
export function cacheDir(root: string, option: boolean | string | undefined): string | undefined {
  if (option === false || option === undefined) return undefined;
  if (typeof option === 'string') return path.resolve(option);
  return path.join(root, '.keyhygiene-cache');
}

export async function openCache(dir: string | undefined): Promise<Cache> {
  const entries = new Map<string, FileResult>();
  const used = new Map<string, FileResult>();
  let hits = 0;
  if (dir) {
    try {
      const data = JSON.parse(await readFile(path.join(dir, CACHE_FILE), 'utf8')) as {
        version?: string;
        entries?: Record<string, FileResult>;
      };
      if (data.version === version && data.entries)
        for (const [k, v] of Object.entries(data.entries)) entries.set(k, v);
    } catch {
      // No cache yet, or a damaged one: start empty.
    }
  }
  return {
    get(key) {
      const v = entries.get(key);
      if (v) {
        hits++;
        used.set(key, v);
      }
      return v;
    },
    set(key, value) {
      used.set(key, value);
    },
    async save() {
      if (!dir) return;
      await mkdir(dir, { recursive: true });
      const tmp = path.join(dir, `${CACHE_FILE}.${process.pid}.tmp`);
      await writeFile(tmp, JSON.stringify({ version, entries: Object.fromEntries(used) }));
      await rename(tmp, path.join(dir, CACHE_FILE));
    },
    get hits() {
      return hits;
    },
  };
}
