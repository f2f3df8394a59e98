/**
 * The on-disk cache: per-file results keyed by the file's path and content, the tool version, the
 * detector and catalogue code (a digest of it, so a rebuilt detector never replays old findings) and the
 * lint configuration, so a second run over an unchanged repository reads files but analyses none. This is
 * also the cache of the slow fingerprints: a file's results carry them, so an unchanged file costs no scrypt.
 * Results hold redacted findings only, so the cache holds no secret. Keys are HMACs under the repository's
 * salt (a bare hash of a small `.env` file would be a fast hash of its password); there is deliberately no
 * cache keyed by a secret's value alone (docs/audit.md, "Fingerprints"). One JSON file, written atomically.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { version } from '../configs/presets.js';
import { writeFileAtomic } from './atomic-write.js';
import type { FileResult } from './common.js';
import { lintConfigHash } from './code-files.js';
import { textId } from './fingerprints.js';
import type { WalkedFile } from './sources/files.js';

const CACHE_FILE = 'results-v2.json';
// keyhygiene 0.1's cache: bare SHA-256 keys and fingerprints, removed on the first save.
const OLD_CACHE_FILE = 'results-v1.json';

export interface Cache {
  get(key: string): FileResult | undefined;
  set(key: string, value: FileResult): void;
  /**
   * The content hash recorded for this file when it had exactly this size, modification and change time and
   * inode, or undefined (then the file is read and hashed).
   */
  knownHash(file: WalkedFile): string | undefined;
  /** Records a file's content hash under its `stat`, when that is old enough to be trusted (see `settled`). */
  noteHash(file: WalkedFile, hash: string, scanStarted: number): void;
  /** Keeps only the entries used in this run, and writes them (unless nothing changed). */
  save(): Promise<void>;
  readonly hits: number;
}

/**
 * A file whose modification and change times are at least this much older than the scan's start can be
 * trusted by its `stat` next time: a later write gets a newer time even on file systems with coarse (up to
 * 2 s) timestamps. A younger file may still be written within the same tick without a visible change (git's
 * "racily clean" entries), so its hash is not recorded and it is read again next time.
 */
const SETTLED_MS = 3000;

type StatRow = readonly [size: number, mtimeMs: number, ctimeMs: number, ino: number, hash: string];
const statOf = (f: WalkedFile): readonly [number, number, number, number] | undefined =>
  f.mtimeMs === undefined || f.ctimeMs === undefined || f.ino === undefined
    ? undefined
    : [f.size, f.mtimeMs, f.ctimeMs, f.ino];

/**
 * The code whose output the cache holds: the detectors, the rules and their kit, the catalogue, the presets
 * and the scanner itself (paths from the package root; the built `dist/` tree or the TypeScript sources).
 */
const DETECTOR_CODE = [
  'src/catalogue',
  'src/detect',
  'src/rule-kit',
  'src/scanner',
  'src/configs',
  'src/plugin',
  'rules',
];

/**
 * A digest of the detector and catalogue code under `base` (see `DETECTOR_CODE`): any change to a rule,
 * a detector or a catalogue entry changes it, so a cache written by another build is never replayed, even
 * when the version number is the same. About 2 MB of code, read once per process.
 */
export function detectorCodeId(base: string, entries: readonly string[] = DETECTOR_CODE): string {
  const files: string[] = [];
  const code = (name: string): boolean => /\.(?:[cm]?[jt]s|json)$/.test(name) && !/\.d\.[cm]?ts$/.test(name);
  const visit = (dir: string): void => {
    let list;
    try {
      list = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of list) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.isFile() && code(e.name)) files.push(p);
    }
  };
  for (const entry of entries) {
    const abs = path.join(base, entry);
    visit(abs);
    // A single module (`src/plugin` → src/plugin.js or src/plugin.ts).
    const dir = path.dirname(abs);
    let siblings: string[] = [];
    try {
      siblings = readdirSync(dir);
    } catch {
      // no such directory
    }
    for (const name of siblings)
      if (name.startsWith(`${path.basename(abs)}.`) && code(name)) files.push(path.join(dir, name));
  }
  const h = createHash('sha256');
  for (const f of [...new Set(files)].sort()) {
    h.update(path.relative(base, f).split(path.sep).join('/'));
    h.update('\0');
    h.update(readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

let built: string | undefined;
/** This build's `detectorCodeId`; the base is two levels above this module (the repository, or `dist/`). */
export function detectorBuildId(): string {
  built ??= detectorCodeId(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..'));
  return built;
}

/**
 * The cache key of one file: tool version, detector code, lint config, path and keyed content hash, under
 * the scan's salt.
 */
export function cacheKey(rel: string, contentHash: string, extra = ''): string {
  const id = `${version}\0${detectorBuildId()}\0${lintConfigHash()}\0${extra}\0${rel}\0${contentHash}`;
  return textId(id).slice(0, 40);
}

/**
 * The directory the cache lives in: the given one (relative to the working directory), or
 * `.keyhygiene-cache/` under the root.
 */
export function cacheDir(root: string, option: boolean | string | undefined): string | undefined {
  if (option === false || option === undefined) return undefined;
  if (typeof option === 'string') return path.resolve(option);
  return path.join(root, '.keyhygiene-cache');
}

/** The random salt an earlier run of a tree that is not a git repository stored with its cache. */
export async function readCacheSalt(dir: string | undefined): Promise<Uint8Array | undefined> {
  if (!dir) return undefined;
  try {
    const data = JSON.parse(await readFile(path.join(dir, CACHE_FILE), 'utf8')) as { version?: string; salt?: unknown };
    if (data.version === version && typeof data.salt === 'string' && /^[0-9a-f]{64}$/.test(data.salt))
      return new Uint8Array(Buffer.from(data.salt, 'hex'));
  } catch {
    // No cache, or a damaged one.
  }
  return undefined;
}

/** Opens the cache in `dir`; `salt` (a tree's random salt, when it has no other) is saved with it. */
export async function openCache(dir: string | undefined, salt?: Uint8Array): Promise<Cache> {
  const entries = new Map<string, FileResult>();
  const used = new Map<string, FileResult>();
  // Content hashes by absolute path and `stat`, under a tag keyed by the scan's salt (a hash recorded
  // under another salt is never reused: the keys built from it would differ).
  const statTag = textId('<stats>').slice(0, 16);
  const stats = new Map<string, StatRow>();
  const usedStats = new Map<string, StatRow>();
  let changed = !dir;
  let hits = 0;
  if (dir) {
    try {
      const data = JSON.parse(await readFile(path.join(dir, CACHE_FILE), 'utf8')) as {
        version?: string;
        build?: string;
        entries?: Record<string, FileResult>;
        stats?: { tag?: string; files?: Record<string, StatRow> };
      };
      // Another build's results are never read, whatever its version says (its keys differ too).
      if (data.version === version && data.build === detectorBuildId() && data.entries) {
        for (const [k, v] of Object.entries(data.entries)) entries.set(k, v);
        if (data.stats?.tag === statTag && data.stats.files)
          for (const [k, v] of Object.entries(data.stats.files))
            if (Array.isArray(v) && v.length === 5) stats.set(k, v);
      }
    } catch {
      // No cache yet, or a damaged one: start empty.
    }
    if (entries.size === 0) changed = true;
  }
  return {
    knownHash(file) {
      const st = statOf(file);
      const row = st && stats.get(file.abs);
      if (!st || !row || row.slice(0, 4).some((v, k) => v !== st[k])) return undefined;
      usedStats.set(file.abs, row);
      return row[4];
    },
    noteHash(file, hash, scanStarted) {
      const st = statOf(file);
      if (!st || Math.max(st[1], st[2]) > scanStarted - SETTLED_MS) return;
      const prev = usedStats.get(file.abs);
      if (prev && prev[4] === hash && prev.slice(0, 4).every((v, k) => v === st[k])) return;
      usedStats.set(file.abs, [...st, hash]);
      changed = true;
    },
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
      changed = true;
    },
    async save() {
      // A run answered wholly from the cache, reading the same entries it loaded, leaves the file as it is.
      if (!dir || (!changed && used.size === entries.size && usedStats.size === stats.size)) return;
      const saltHex = salt ? Buffer.from(salt).toString('hex') : undefined;
      await writeFileAtomic(
        path.join(dir, CACHE_FILE),
        JSON.stringify({
          version,
          build: detectorBuildId(),
          ...(saltHex ? { salt: saltHex } : {}),
          entries: Object.fromEntries(used),
          stats: { tag: statTag, files: Object.fromEntries(usedStats) },
        }),
      );
      await rm(path.join(dir, OLD_CACHE_FILE), { force: true });
    },
    get hits() {
      return hits;
    },
  };
}
