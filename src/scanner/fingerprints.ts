/**
 * The scan's fingerprinter: which salt this repository's fingerprints are keyed with, and the one
 * fingerprinter every detector of a scan uses (in the main thread and in each worker). The detection core
 * (src/detect/fingerprint.ts) stays pure: this module finds the salt and hands it over as data.
 *
 * The salt, first found wins (docs/audit.md, "Fingerprints"):
 *  1. `baseline`: the salt recorded in the baseline the scan uses, or else in `.keyhygiene-baseline.json`
 *     at the root (a committed baseline keeps reports of runs without `--baseline` in step with it).
 *  2. `salt-file`: `.keyhygiene-salt` at the root (64 hex digits), for trees that are not git repositories.
 *  3. `git`: derived from the repository's root commits, which every full clone shares.
 *  4. `git-shallow`: a shallow clone's boundary commits: shared by the jobs of one CI run, not across runs.
 *  5. `cache`: not a git repository, but an earlier run stored its random salt in the on-disk cache.
 *  6. `ephemeral`: 32 random bytes for this run (kept by the cache, written into the baseline by
 *     `--update-baseline`).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  createFingerprinter,
  deriveRepoSalt,
  legacyFingerprinter,
  SALT_BYTES,
  type Fingerprinter,
} from '../detect/index.js';
import { AuditError } from './errors.js';

const SALT_FILE = '.keyhygiene-salt';
/** The baseline the CLI writes by default; its salt is used even when a run does not apply it. */
const DEFAULT_BASELINE_FILE = '.keyhygiene-baseline.json';

export type SaltSource = 'baseline' | 'salt-file' | 'git' | 'git-shallow' | 'cache' | 'ephemeral';

/** What a worker needs to rebuild the scan's fingerprinter: plain data, posted with each batch. */
export type FingerprintSpec =
  | {
      readonly scheme: 'kh2';
      readonly salt: string;
      /**
       * How finding ids tell equal matches of one file apart: `anchor` (the default, docs/audit.md "Finding ids")
       * or `occurrence`, the numbering of baseline format 2, used only to read such a baseline once.
       */
      readonly ids?: FindingIdScheme;
    }
  | { readonly scheme: 'sha256-v1'; readonly salt?: undefined; readonly ids?: undefined };

/** `anchor`: ids carry the enclosing declaration or key path; `occurrence`: ids numbered in file order. */
export type FindingIdScheme = 'anchor' | 'occurrence';

/** The current scan's finding id scheme: `occurrence` for the old-format rescans, else `anchor`. */
export const findingIdScheme = (): FindingIdScheme =>
  store.getStore()?.spec.scheme === 'sha256-v1' ? 'occurrence' : (store.getStore()?.spec.ids ?? 'anchor');

const store = new AsyncLocalStorage<{ spec: FingerprintSpec; fp: Fingerprinter }>();
// One fingerprinter (and so one memo of slow hashes) per salt and thread, reused across batches and runs.
const bySpec = new Map<string, Fingerprinter>();

function fingerprinterOf(spec: FingerprintSpec): Fingerprinter {
  const key = `${spec.scheme}:${spec.salt ?? ''}`;
  let fp = bySpec.get(key);
  if (!fp) {
    if (bySpec.size >= 8) bySpec.clear();
    fp = spec.scheme === 'kh2' ? createFingerprinter(Buffer.from(spec.salt, 'hex')) : legacyFingerprinter();
    bySpec.set(key, fp);
  }
  return fp;
}

/** Runs `fn` with `spec`'s fingerprinter as the current one (synchronously or across awaits). */
export function withFingerprints<T>(spec: FingerprintSpec, fn: () => T): T {
  return store.run({ spec, fp: fingerprinterOf(spec) }, fn);
}

/** The current scan's spec, for posting to a worker; undefined outside a scan. */
export function currentFingerprintSpec(): FingerprintSpec | undefined {
  return store.getStore()?.spec;
}

// Outside a scan (a detector called on its own, as unit tests do): a random salt for this process. Salted
// and slow like any other, stable within the process, and never the same twice, so nothing made with it
// can be matched across runs or precomputed.
let processFingerprinter: Fingerprinter | undefined;

/** The current scan's fingerprinter, or the process's own random-salted one outside a scan. */
function currentFingerprinter(): Fingerprinter {
  const s = store.getStore();
  if (s) return s.fp;
  processFingerprinter ??= createFingerprinter(new Uint8Array(randomBytes(SALT_BYTES)));
  return processFingerprinter;
}

/** The fingerprint id (64 hex) of a secret, under the current scan's salt. */
export const secretFingerprint = (value: string | Uint8Array): string => currentFingerprinter().secret(value).id;

/** The displayed form of an id from `secretFingerprint`. */
export const displayFingerprint = (id: string): string => currentFingerprinter().display(id);

/** A keyed id of text (finding fingerprints, cache keys) under the current scan's salt. */
export const textId = (text: string): string => currentFingerprinter().text(text);

/** A keyed id of a file's bytes (the cache key's content part): never a bare hash of a file that may hold a secret. */
export const contentId = (bytes: Uint8Array): string => currentFingerprinter().text(bytes);

function git(cwd: string, args: readonly string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['-C', cwd, ...args], { timeout: 10_000, maxBuffer: 1 << 20 }, (err, stdout) =>
      resolve(err ? undefined : stdout.trim()),
    );
  });
}

/** Parses a salt written as hex. @throws AuditError E_CONFIG naming `where` when it is not 64 hex digits. */
export function parseSalt(text: string, where: string): Uint8Array {
  const t = text.trim();
  if (!new RegExp(`^[0-9a-fA-F]{${SALT_BYTES * 2}}$`).test(t))
    throw new AuditError('E_CONFIG', `${where}: the fingerprint salt must be ${SALT_BYTES * 2} hex digits`);
  return Buffer.from(t, 'hex');
}

/**
 * The salt of a format-2 or format-3 baseline at the root's default path; anything unreadable or malformed is
 * ignored.
 */
async function committedBaselineSalt(root: string): Promise<Uint8Array | undefined> {
  try {
    const b = JSON.parse(await readFile(path.join(root, DEFAULT_BASELINE_FILE), 'utf8')) as {
      keyhygieneBaseline?: unknown;
      fingerprints?: { salt?: unknown };
    };
    const salt = b.keyhygieneBaseline === 2 || b.keyhygieneBaseline === 3 ? b.fingerprints?.salt : undefined;
    return typeof salt === 'string' && /^[0-9a-f]{64}$/i.test(salt)
      ? new Uint8Array(Buffer.from(salt, 'hex'))
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finds the salt of the repository at `root` (see the module comment for the order).
 * @throws AuditError E_CONFIG for a malformed `.keyhygiene-salt`.
 */
export async function resolveSalt(
  root: string,
  fromBaseline?: Uint8Array,
  fromCache?: () => Promise<Uint8Array | undefined>,
): Promise<{ readonly salt: Uint8Array; readonly source: SaltSource }> {
  if (fromBaseline) return { salt: fromBaseline, source: 'baseline' };
  const committed = await committedBaselineSalt(root);
  if (committed) return { salt: committed, source: 'baseline' };
  const file = await readFile(path.join(root, SALT_FILE), 'utf8').catch(() => undefined);
  if (file !== undefined) return { salt: parseSalt(file, SALT_FILE), source: 'salt-file' };
  const roots = await git(root, ['rev-list', '--max-parents=0', 'HEAD']);
  if (roots) {
    const shallow = (await git(root, ['rev-parse', '--is-shallow-repository'])) === 'true';
    return { salt: deriveRepoSalt(roots.split('\n')), source: shallow ? 'git-shallow' : 'git' };
  }
  const cached = await fromCache?.();
  if (cached) return { salt: cached, source: 'cache' };
  return { salt: new Uint8Array(randomBytes(SALT_BYTES)), source: 'ephemeral' };
}
