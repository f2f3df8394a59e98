/**
 * The git history source: keys that were committed and later deleted are still in the repository's
 * objects, so anyone with a clone can recover them. Reads objects in batch through git (one `git log
 * --raw` for the blob list, one `git cat-file --batch` for the contents); never checks out a commit.
 * A secret reported here is absent from HEAD: "deleted but recoverable: rotate it".
 */
import { spawn } from 'node:child_process';
import { redact } from '../../detect/index.js';
import type { Finding, SkippedFile } from '../../report/types.js';
import { findingFingerprint, LineMap, safeDetail, snippetOf } from '../common.js';
import { displayFingerprint, secretFingerprint } from '../fingerprints.js';
import { findTextSecrets, extOf, knownBinaryExtensions } from '../detect/text.js';
import { defaultIgnoredDirs } from './files.js';
import { decode } from './read.js';

export interface HistoryOptions {
  readonly since?: string;
  readonly maxBytes: number;
  readonly debug: (line: string) => void;
  readonly signal?: AbortSignal;
}

export interface HistoryResult {
  readonly findings: Finding[];
  readonly skipped: SkippedFile[];
  /** Blobs read from history (not in HEAD). */
  readonly blobs: number;
}

const RULE = 'keyhygiene/secret-in-history';

class GitError extends Error {}

/** Runs git with `args` in `cwd`, feeding `input`; resolves stdout as bytes. */
function git(
  cwd: string,
  args: readonly string[],
  options: { input?: string; signal?: AbortSignal } = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-c', 'core.quotePath=false', ...args], {
      cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.signal ? { signal: options.signal } : {}),
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => reject(new GitError(e.message)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else
        reject(
          new GitError(
            Buffer.concat(err).toString('utf8').trim().split('\n')[0] || `git ${args[0]} exited with ${code}`,
          ),
        );
    });
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

/** Reads many blobs with one `git cat-file --batch`. */
async function readBlobs(cwd: string, shas: readonly string[], signal?: AbortSignal): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  if (shas.length === 0) return out;
  const buf = await git(cwd, ['cat-file', '--batch'], { input: `${shas.join('\n')}\n`, ...(signal ? { signal } : {}) });
  let pos = 0;
  while (pos < buf.length) {
    const nl = buf.indexOf(10, pos);
    if (nl < 0) break;
    const header = buf.subarray(pos, nl).toString('utf8');
    const [sha, type, size] = header.split(' ');
    if (type === 'missing' || !size) throw new GitError(`object ${sha?.slice(0, 12) ?? '?'} is missing`);
    const n = Number(size);
    out.set(sha!, buf.subarray(nl + 1, nl + 1 + n));
    pos = nl + 1 + n + 1;
  }
  return out;
}

/** Object sizes with one `git cat-file --batch-check`. */
async function blobSizes(cwd: string, shas: readonly string[], signal?: AbortSignal): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (shas.length === 0) return out;
  const text = (
    await git(cwd, ['cat-file', '--batch-check'], { input: `${shas.join('\n')}\n`, ...(signal ? { signal } : {}) })
  ).toString('utf8');
  for (const line of text.split('\n')) {
    const [sha, type, size] = line.split(' ');
    if (sha && type === 'blob' && size) out.set(sha, Number(size));
    else if (sha && type === 'missing') throw new GitError(`object ${sha.slice(0, 12)} is missing`);
  }
  return out;
}

const scannablePath = (p: string): boolean =>
  !knownBinaryExtensions.has(extOf(p)) &&
  !p
    .split('/')
    .slice(0, -1)
    .some((d) => defaultIgnoredDirs.has(d));

interface BlobUse {
  readonly path: string;
  readonly commit: string;
  readonly date: string;
  readonly author: string;
}

/**
 * What the history scan of `root` depends on in git: HEAD, every ref and the path prefix. Equal states give
 * equal history results, so the audit caches the scan under this key. Undefined outside a git repository.
 */
export async function historyState(root: string): Promise<string | undefined> {
  try {
    const [prefix, head, refs] = await Promise.all([
      git(root, ['rev-parse', '--show-prefix']),
      git(root, ['rev-parse', '--verify', '--quiet', 'HEAD']).catch(() => Buffer.from('')),
      git(root, ['for-each-ref', '--format=%(objectname) %(refname)']),
    ]);
    return `${prefix.toString('utf8').trim()}\0${head.toString('utf8').trim()}\0${refs.toString('utf8')}`;
  } catch {
    return undefined;
  }
}

/**
 * Scans the history of the repository that contains `root` (only paths under `root`).
 * Never throws: a broken repository becomes a `git-error` skip.
 */
export async function scanHistory(root: string, options: HistoryOptions): Promise<HistoryResult> {
  const skip = (detail: string): HistoryResult => ({
    findings: [],
    skipped: [{ file: '.git', reason: 'git-error', detail: safeDetail(detail) }],
    blobs: 0,
  });
  let prefix: string;
  try {
    prefix = (await git(root, ['rev-parse', '--show-prefix'])).toString('utf8').trim();
  } catch (e) {
    return skip(`not a readable git repository: ${(e as Error).message}`);
  }
  try {
    const headBlobs = new Map<string, string>(); // sha → path
    const hasHead = await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD']).then(
      () => true,
      () => false,
    );
    if (hasHead) {
      const tree = (await git(root, ['ls-tree', '-r', '-z', '--full-tree', 'HEAD'])).toString('utf8');
      for (const entry of tree.split('\0')) {
        const m = /^\d+ blob ([0-9a-f]{40,64})\t(.*)$/s.exec(entry);
        if (m && m[2]!.startsWith(prefix)) headBlobs.set(m[1]!, m[2]!.slice(prefix.length));
      }
    }
    if (options.since) {
      await git(root, ['rev-parse', '--verify', '--quiet', `${options.since}^{commit}`]).catch(() => {
        throw new GitError(`unknown revision for --since: ${options.since!.slice(0, 60)}`);
      });
    }
    const range = options.since ? [`${options.since}..HEAD`] : ['--all'];
    const log = (
      await git(
        root,
        ['log', ...range, '--raw', '--no-abbrev', '--no-renames', '-z', '--format=%x01%H%x09%aI%x09%an', '--', '.'],
        options.signal ? { signal: options.signal } : {},
      )
    ).toString('utf8');
    // Newest first: the last sighting of a blob is the commit that introduced it.
    const uses = new Map<string, BlobUse>();
    for (const chunk of log.split('\x01').slice(1)) {
      const nl = chunk.indexOf('\n');
      const [commit, date, author] = chunk.slice(0, nl).replace(/\0$/, '').split('\t');
      const fields = chunk
        .slice(nl + 1)
        .replace(/^\n/, '')
        .split('\0');
      for (let i = 0; i + 1 < fields.length; i += 2) {
        const meta = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) ([AMT])/.exec(fields[i]!.trim());
        const file = fields[i + 1]!;
        if (!meta || /^0+$/.test(meta[1]!) || !file.startsWith(prefix)) continue;
        uses.set(meta[1]!, {
          path: file.slice(prefix.length),
          commit: commit!,
          date: date ?? '',
          author: author ?? '',
        });
      }
    }
    const candidates = [...uses.entries()].filter(([sha, u]) => !headBlobs.has(sha) && scannablePath(u.path));
    const sizes = await blobSizes(
      root,
      candidates.map(([sha]) => sha),
      options.signal,
    );
    const small = candidates.filter(([sha]) => (sizes.get(sha) ?? Infinity) <= options.maxBytes);
    options.debug(
      `history: ${uses.size} blobs in ${options.since ? `${options.since}..HEAD` : 'all refs'}, ${small.length}` +
        ` not in HEAD to read`,
    );
    const contents = await readBlobs(
      root,
      small.map(([sha]) => sha),
      options.signal,
    );

    interface Seen {
      secret: string;
      use: BlobUse;
      line: number;
      column: number;
      map: LineMap;
      formatId?: string;
      what: string;
      severity: Finding['severity'];
    }
    const found = new Map<string, Seen>(); // secret fingerprint → oldest sighting
    const order = [...small].reverse(); // oldest first
    for (const [sha, use] of order) {
      const read = decode(use.path, contents.get(sha) ?? Buffer.alloc(0), options.maxBytes);
      if (!read.ok) continue;
      const map = new LineMap(read.text);
      for (const h of findTextSecrets(use.path, read.text)) {
        const fp = secretFingerprint(h.secret);
        if (found.has(fp)) continue;
        const pos = map.at(h.offset);
        found.set(fp, {
          secret: h.secret,
          use,
          line: pos.line,
          column: pos.column,
          map,
          ...(h.formatId ? { formatId: h.formatId } : {}),
          what: h.what,
          severity: h.severity,
        });
      }
    }
    if (found.size > 0 && headBlobs.size > 0) {
      // A secret still in HEAD is the working-tree scan's finding, not a history one.
      const headShas = [...headBlobs.entries()].filter(([, p]) => scannablePath(p)).map(([sha]) => sha);
      const headSizes = await blobSizes(root, headShas, options.signal);
      const headContents = await readBlobs(
        root,
        headShas.filter((s) => (headSizes.get(s) ?? Infinity) <= options.maxBytes),
        options.signal,
      );
      for (const [sha, bytes] of headContents) {
        const read = decode(headBlobs.get(sha)!, bytes, options.maxBytes);
        if (!read.ok) continue;
        for (const s of found.values()) if (read.text.includes(s.secret)) found.delete(secretFingerprint(s.secret));
      }
    }
    const findings: Finding[] = [];
    for (const [fp, s] of found) {
      const short = s.use.commit.slice(0, 12);
      findings.push({
        ruleId: RULE,
        category: 'unsafe-deletion',
        severity: s.severity,
        message:
          `${s.what} ${redact(s.secret)} was deleted from the working tree but is still recoverable from ` +
          `git history (added in commit ${short}). Deleting a file does not delete a key: rotate it.`,
        location: { file: s.use.path, line: s.line, column: s.column },
        fingerprint: findingFingerprint(RULE, s.use.path, `secret:${fp}`),
        origin: 'history',
        secret: {
          redacted: redact(s.secret),
          fingerprint: displayFingerprint(fp),
          ...(s.formatId ? { formatId: s.formatId } : {}),
        },
        commit: {
          sha: s.use.commit,
          ...(s.use.date ? { date: s.use.date } : {}),
          ...(s.use.author ? { author: s.use.author } : {}),
        },
        snippet: snippetOf(s.map, s.line, [s.secret]),
      });
    }
    return { findings, skipped: [], blobs: small.length };
  } catch (e) {
    if (options.signal?.aborted) throw e;
    return skip(e instanceof Error ? e.message : String(e));
  }
}
