/**
 * `keyhygiene/scanner`: the engine of `keyhygiene audit`. A gitleaks-style pipeline:
 * sources (file walk, git history) → detect (ESLint rules per file, ts-morph across files, non-code
 * files) → result (findings, inventory, skipped), with the baseline, inline allows, an on-disk cache,
 * worker threads and sharding around it. Every text that leaves here is redacted.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { stat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { version } from '../configs/presets.js';
import {
  REPORT_SCHEMA_VERSION,
  type AuditResult,
  type Finding,
  type InventoryItem,
  type SkippedFile,
} from '../report/types.js';
import { applyBaseline, baselineSalt, legacyPairs, loadBaseline, rememberSalt } from './baseline.js';
import { cacheDir, cacheKey, openCache, readCacheSalt } from './cache.js';
import { emptyResult, safeDetail, uniqueFingerprints, type FileResult } from './common.js';
import { contentId, resolveSalt, textId, withFingerprints, type FingerprintSpec } from './fingerprints.js';
import { isCodeFile, isScannable } from './code-files.js';
import { mayJoin, type ModuleSummary } from './detect/module-summary.js';
import { AuditError } from './errors.js';
import { mergeInventory } from './inventory.js';
import { applyEvidenceFloor, applyFixturePolicy, type EvidenceFloor } from './policy.js';
import { testToolingOf } from './tooling.js';
import { compareFindings } from '../report/json.js';
import { historyState, scanHistory } from './sources/history.js';
import { DEFAULT_MAX_FILE_BYTES } from './sources/read.js';
import { walk } from './sources/files.js';
import { createPool } from './workers.js';
import { hashText, saltIdOf } from '../detect/index.js';

/**
 * Categories whose definition, when its own module reports it, is the one finding of a mistake that other modules
 * use: their uses are not reported again, in the lint and the audit alike (docs/audit.md, "Where a cross-module
 * mistake is reported").
 */
const REPORTED_AT_DEFINITION: ReadonlySet<string> = new Set(['weak-algorithm']);
/** The rule whose findings the cross-file join may withdraw (a signing key drawn per start in another module). */
const ROTATION_RULE = 'keyhygiene/require-key-rotation';

export { AuditError } from './errors.js';
export type { AuditErrorCode } from './errors.js';
export { loadBaseline, writeBaseline, applyBaseline } from './baseline.js';
export type { Baseline, BaselineEntry } from './baseline.js';
export { mergeResults } from './merge.js';
export { ruleInfo } from './rules.js';
export type { AuditResult, Finding, InventoryItem, SkippedFile, RuleInfo } from '../report/types.js';

export interface AuditProgress {
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly findings: number;
  readonly phase: string;
}

export interface AuditOptions {
  /** The directory to audit. */
  readonly root: string;
  /** Also read git history for keys deleted from the working tree (`--history`). */
  readonly history?: boolean;
  /** With `history`: only commits after this revision (`--since <rev>`, for pull requests). */
  readonly since?: string;
  /**
   * Analysis threads: the main thread plus `workers - 1` worker threads; default one fewer than the cores.
   * 1 runs in the main thread alone.
   */
  readonly workers?: number;
  /** On-disk cache: `true` for `.keyhygiene-cache/` under the root, a directory, or `false` (default). */
  readonly cache?: boolean | string;
  /** Scan only the files whose path hashes to `index` of `count` (0-based). */
  readonly shard?: { readonly index: number; readonly count: number };
  /** A baseline file: findings it lists are marked suppressed. */
  readonly baseline?: string;
  /** Also scan node_modules, build output, vendored code and gitignored files. */
  readonly includeIgnored?: boolean;
  /**
   * List the findings the fixture policy withholds (keys in test, fixture and example files, published
   * examples), marked with their class, instead of only counting them (`--include-fixtures`).
   */
  readonly includeFixtures?: boolean;
  /**
   * The lowest evidence level listed (`--min-evidence`, docs/audit.md "Evidence"): `default` (the default) is the
   * catalogue's floor per category (`auditMinEvidence`); `name` lists everything. Findings below it are counted in
   * `withheld.weakEvidence`.
   */
  readonly minEvidence?: EvidenceFloor;
  /** Files larger than this are skipped as `too-large` (default 5 MB). */
  readonly maxFileBytes?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: AuditProgress) => void;
  /** Receives debug lines (never a secret). */
  readonly debug?: (line: string) => void;
  /** Receives the time of each phase when the audit ends (for `--debug` and the bench). */
  readonly onTimings?: (t: AuditTimings) => void;
}

/**
 * Where an audit's time went. Phases are wall-clock milliseconds in the main thread; `lintMs` and `textMs`
 * split the file phase's work by kind, summed over the threads that did it (so with workers they can add
 * up to more than `filesMs`).
 */
export interface AuditTimings {
  readonly walkMs: number;
  readonly filesMs: number;
  readonly lintMs: number;
  readonly textMs: number;
  readonly crossFileMs: number;
  readonly historyMs: number;
  readonly cacheHits: number;
  readonly crossFile?: { readonly summaries: number; readonly candidates: number; readonly projectFiles: number };
}

/** Files that change how imports resolve: tsconfigs and package manifests. */
const MODULE_CONFIG = /(?:^|\/)(?:tsconfig[^/]*\.json|jsconfig\.json|package\.json)$/;

/** Files, and bytes, that may wait for analysis (read but not yet analysed); workers add to the files. */
const READ_AHEAD = 8;
const QUEUED_BYTES = 32 * 1024 * 1024;

/**
 * Analysis threads by default: one fewer than the cores (the main thread is one of them). Beside each analysis
 * thread V8 keeps part of a core busy with garbage collection and compilation, and each further thread warms
 * its own copy of ESLint, the parser and the rules: on 2 cores a second thread cost 16–30% more CPU and bought
 * no wall time that could be measured (docs/audit.md, "Speed and scale").
 */
const defaultThreads = (): number => Math.max(1, availableParallelism() - 1);

/** The shard a path belongs to: a stable hash of the POSIX path, so every machine agrees. */
export function shardOf(rel: string, count: number): number {
  return Number.parseInt(hashText(rel).slice(0, 8), 16) % count;
}

function validate(options: AuditOptions): void {
  if (typeof options?.root !== 'string' || options.root === '')
    throw new AuditError('E_USAGE', 'root must be a directory path');
  const s = options.shard;
  if (
    s &&
    (!Number.isInteger(s.index) || !Number.isInteger(s.count) || s.count < 1 || s.index < 0 || s.index >= s.count)
  ) {
    throw new AuditError('E_USAGE', `invalid shard ${String(s.index)}/${String(s.count)}`, {
      hint: 'use --shard i/n with 0 <= i < n',
    });
  }
  if (options.workers !== undefined && (!Number.isInteger(options.workers) || options.workers < 1))
    throw new AuditError('E_USAGE', 'workers must be a positive integer');
  if (options.maxFileBytes !== undefined && (!Number.isFinite(options.maxFileBytes) || options.maxFileBytes < 1))
    throw new AuditError('E_USAGE', 'maxFileBytes must be a positive number');
  if (options.since !== undefined && !options.history) throw new AuditError('E_USAGE', '--since needs --history');
}

/**
 * Audits a repository.
 * @throws AuditError E_USAGE for bad options or a root that is not a directory, E_CONFIG for a bad
 * baseline, E_IO when the root cannot be read. Problems with single files never throw: they are `skipped`.
 */
export async function audit(options: AuditOptions): Promise<AuditResult> {
  validate(options);
  const root = path.resolve(options.root);
  const st = await stat(root).catch(() => undefined);
  if (!st?.isDirectory()) throw new AuditError('E_USAGE', `not a directory: ${options.root}`);
  const baseline = options.baseline ? await loadBaseline(path.resolve(options.baseline)) : undefined;
  // Every fingerprint of this scan is keyed with the repository's salt (src/scanner/fingerprints.ts).
  const { salt, source } = await resolveSalt(root, baseline && baselineSalt(baseline), () =>
    readCacheSalt(cacheDir(root, options.cache)),
  );
  const spec: FingerprintSpec = { scheme: 'kh2', salt: Buffer.from(salt).toString('hex') };
  options.debug?.(`fingerprints: salt from ${source}`);
  const keep = source === 'cache' || source === 'ephemeral' ? salt : undefined;
  const result = await withFingerprints(spec, () => scan(options, root, keep));
  let findings = result.findings;
  if (baseline && baseline.keyhygieneBaseline !== 3) {
    // A baseline of an old format names findings by old ids (format 1: bare SHA-256; format 2: salted, numbered in
    // file order): rescan once with those ids, in memory, to learn which new id each old one became.
    // `--update-baseline` then rewrites it for good; until then the CLI says so (src/cli/audit.ts).
    options.debug?.(`baseline: format ${baseline.keyhygieneBaseline}, matching by the old ids`);
    const oldSpec: FingerprintSpec =
      baseline.keyhygieneBaseline === 1 ? { scheme: 'sha256-v1' } : { ...spec, ids: 'occurrence' };
    const old = await withFingerprints(oldSpec, () =>
      scan({ ...options, cache: false, onProgress: undefined, debug: undefined }, root),
    );
    findings = applyBaseline(findings, baseline, new Date(), legacyPairs(old.findings, findings));
  } else if (baseline) findings = applyBaseline(findings, baseline);
  // One fixture policy for every pass (src/scanner/policy.ts): test fixtures and examples are counted, not listed;
  // code that is test tooling by its imports (src/scanner/tooling.ts) counts as test code.
  const tooling = await testToolingOf(root, findings);
  const policed = applyFixturePolicy(findings, options.includeFixtures, tooling);
  // Then the evidence floor (src/scanner/policy.ts): findings that rest on less than it are counted, not listed.
  const floored = applyEvidenceFloor(policed.findings, options.minEvidence);
  const fingerprints = { scheme: 'kh2', saltId: saltIdOf(salt), saltSource: source, ids: 'anchor' } as const;
  const { testFixtures, examples } = policed.withheld;
  const { weakEvidence } = floored;
  const withheld =
    testFixtures + examples + weakEvidence > 0
      ? { withheld: { testFixtures, examples, ...(weakEvidence > 0 ? { weakEvidence } : {}) } }
      : {};
  return rememberSalt({ ...result, findings: floored.findings, ...withheld, fingerprints }, salt);
}

/** One scan of the tree, under the current fingerprinter; `keepSalt` is stored with the cache. */
async function scan(options: AuditOptions, root: string, keepSalt?: Uint8Array): Promise<AuditResult> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const debug = options.debug ?? (() => {});
  const signal = options.signal;
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;

  const progress = (phase: string, filesDone: number, filesTotal: number, findings: number): void =>
    options.onProgress?.({ phase, filesDone, filesTotal, findings });

  const dir = cacheDir(root, options.cache);
  progress('walk', 0, 0, 0);
  const walked = await walk(root, {
    ...(options.includeIgnored ? { includeIgnored: true } : {}),
    ...(signal ? { signal } : {}),
    ...(dir ? { exclude: [dir] } : {}),
  }).catch((e: unknown) => {
    throw new AuditError(
      'E_IO',
      `cannot read ${options.root}: ${safeDetail(String((e as NodeJS.ErrnoException).code ?? e))}`,
    );
  });
  const shard = options.shard;
  const inShard = (rel: string): boolean => !shard || shard.count === 1 || shardOf(rel, shard.count) === shard.index;
  const files = walked.files.filter((f) => isScannable(f.rel) && inShard(f.rel));
  const skipped: SkippedFile[] = walked.skipped.filter((s) => inShard(s.file));
  debug(
    `walk: ${walked.files.length} files, ${files.length} to ` +
      `scan${shard ? ` in shard ${shard.index}/${shard.count}` : ''}`,
  );

  const walkMs = Date.now() - started;
  const cache = await openCache(dir, keepSalt);
  // Analysis threads: the main thread and one worker per further core (src/scanner/workers.ts). A worker pays
  // for loading ESLint, the plugin and the parser (about a second): worth it from about 200 files per thread,
  // so small repositories run in the main thread alone.
  const threads = Math.max(1, Math.min(options.workers ?? defaultThreads(), 64));
  const pool = createPool(root, maxBytes, Math.max(1, Math.min(threads, Math.floor(files.length / 200))), debug);
  // Without a cache every file is analysed: the workers load ESLint while this thread reads.
  if (!dir) pool.warm();
  const results = new Array<FileResult | undefined>(files.length);
  const hashes = new Array<string | undefined>(files.length);
  const filesStarted = Date.now();
  let findingsSoFar = 0;
  let filesDone = 0;
  let unread = 0;
  let queuedBytes = 0;
  const analyses = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  const done = (i: number, r: FileResult): void => {
    results[i] = r;
    findingsSoFar += r.findings.length;
    progress('files', ++filesDone, files.length, findingsSoFar);
  };
  // A code file cached without its module summary (an older cache) is analysed again.
  const usable = (rel: string, hit: FileResult | undefined): hit is FileResult =>
    hit !== undefined && !(isCodeFile(rel) && !hit.summary && hit.skipped.length === 0);
  /** Reads one file (or trusts its unchanged size and times), answers it from the cache or queues it. */
  const handle = (i: number): void => {
    const f = files[i]!;
    if (f.size > maxBytes)
      return done(i, {
        ...emptyResult(f.size),
        skipped: [{ file: f.rel, reason: 'too-large', detail: `${f.size} bytes > ${maxBytes}` }],
      });
    const known = dir === undefined ? undefined : cache.knownHash(f);
    const knownHit = known === undefined ? undefined : cache.get(cacheKey(f.rel, known));
    if (known !== undefined && usable(f.rel, knownHit)) {
      hashes[i] = known;
      unread++;
      return done(i, knownHit);
    }
    let bytes: Buffer;
    try {
      // A synchronous read: one call instead of fs/promises' open, stat, read and close, each a round trip through
      // libuv's thread pool with its own promise. On juice-shop's 1,266 files that took 183–217 ms of CPU against
      // 32–34 ms (docs/benchmarks.md, "Audit speed, session 23"); files are at most `maxBytes`, so the thread that
      // feeds the workers is never held up for long.
      bytes = readFileSync(f.abs);
    } catch (e) {
      const detail = safeDetail((e as NodeJS.ErrnoException).code ?? String(e));
      return done(i, { ...emptyResult(), skipped: [{ file: f.rel, reason: 'unreadable', detail }] });
    }
    // Without a cache directory nothing is ever looked up or kept: no content id, no cache key (they are keyed
    // hashes of every file read, and no later phase reads them).
    const hash = dir === undefined ? undefined : contentId(bytes);
    hashes[i] = hash;
    const key = hash === undefined ? undefined : cacheKey(f.rel, hash);
    if (hash !== undefined && key !== undefined) {
      cache.noteHash(f, hash, started);
      const hit = hash === known ? knownHit : cache.get(key);
      if (usable(f.rel, hit)) return done(i, hit);
    }
    queuedBytes += bytes.length;
    const analysis = pool.submit({ rel: f.rel, abs: f.abs, bytes }).then(
      (r) => {
        queuedBytes -= bytes.length;
        analyses.delete(analysis);
        if (key !== undefined) cache.set(key, r);
        done(i, r);
        settled();
      },
      // A worker that died: the scan fails as a whole (below), never with an unhandled rejection.
      (e: unknown) => {
        failure ??= { error: e };
        analyses.delete(analysis);
        settled();
      },
    );
    analyses.add(analysis);
  };
  // Wakes the reading loop when an analysis ends (one waiter at a time: the loop below).
  let wake: (() => void) | undefined;
  const settled = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const oneSettles = (): Promise<void> => new Promise<void>((resolve) => (wake = resolve));
  try {
    // Largest files first, so no thread is left with a big file at the end. Reads are synchronous, so the loop
    // waits for an analysis to end whenever AHEAD files (enough to fill every worker's two batches) or QUEUED_BYTES
    // wait for analysis: that is also when the main thread's lane gets its turn.
    const order = files.map((_, i) => i).sort((a, b) => files[b]!.size - files[a]!.size || a - b);
    const ahead = READ_AHEAD + 64 * (pool.threads - 1);
    for (const i of order) {
      if (signal?.aborted) throw new AuditError('E_USAGE', 'aborted');
      if (failure) break;
      while ((analyses.size >= ahead || queuedBytes > QUEUED_BYTES) && analyses.size > 0) await oneSettles();
      handle(i);
    }
    await Promise.all(analyses);
    if (failure) throw failure.error;
  } finally {
    await pool.close();
  }
  const summaries = new Map<string, ModuleSummary>();
  const codeTexts: Array<{ rel: string; hash: string }> = [];
  files.forEach((f, i) => {
    const s = results[i]?.summary;
    if (s) summaries.set(f.rel, s);
    // The cross-file result depends on the code and on what shapes module resolution.
    const hash = hashes[i];
    if (hash !== undefined && (isCodeFile(f.rel) || MODULE_CONFIG.test(f.rel))) codeTexts.push({ rel: f.rel, hash });
  });
  const filesMs = Date.now() - filesStarted;
  debug(
    `files: ${filesDone} results, ${cache.hits} from cache, ${unread} of them unread (same size, times and ` +
      `inode) (${Date.now() - started} ms; lint ` +
      `${Math.round(pool.timing.code)} ms, text files ${Math.round(pool.timing.text)} ms of thread time)`,
  );

  const analysed = results.filter((r): r is FileResult => r !== undefined);
  let lintFindings = analysed.flatMap((r) => r.findings);
  const inventory: InventoryItem[] = analysed.flatMap((r) => r.inventory);
  for (const r of analysed) skipped.push(...r.skipped);

  // Cross-file analysis: cached as one unit, keyed by every JS/TS file's path and content hash.
  progress('cross-file', files.length, files.length, findingsSoFar);
  const crossKey =
    dir === undefined
      ? undefined
      : cacheKey(
          '<cross-file>',
          textId(codeTexts.map((c) => `${c.rel}\0${c.hash}`).join('\n')),
          shard ? `${shard.index}/${shard.count}` : '',
        );
  const crossStarted = Date.now();
  let cross = crossKey === undefined ? undefined : cache.get(crossKey);
  let crossStats: AuditTimings['crossFile'];
  if (!cross) {
    const syntaxBroken = new Set(skipped.filter((s) => s.reason === 'syntax-error').map((s) => s.file));
    // The join (cross-join.js) is loaded only when some summary has an edge to follow, and ts-morph only when the
    // join finds a candidate. When every joinable file has its summary here (no shard, no file left out), the
    // edge must also lead somewhere.
    const joined = walked.files.filter((f) => isCodeFile(f.rel) && !syntaxBroken.has(f.rel) && f.size <= maxBytes);
    const complete = (!shard || shard.count === 1) && joined.every((f) => summaries.has(f.rel));
    const joinable = complete
      ? mayJoin(summaries.values())
      : [...summaries.values()].some((s) => s.uses.length > 0 || s.createsKey || s.signingKeys);
    const { analyseCrossFile } = joinable ? await import('./detect/cross-join.js') : { analyseCrossFile: undefined };
    const out = analyseCrossFile
      ? await analyseCrossFile(root, joined, {
          inShard,
          debug,
          summaries,
          manifests: walked.files.filter((f) => path.posix.basename(f.rel) === 'package.json').map((f) => f.abs),
          // Another shard's file on a candidate's chain: summarised here, without the rules.
          summarise: async (f) => {
            const text = await readFile(f.abs, 'utf8').catch(() => undefined);
            if (text === undefined) return undefined;
            const { summariseText } = await import('./detect/lint.js');
            return summariseText(root, f.abs, text);
          },
        })
      : {
          ...emptyResult(),
          stats: { summaries: summaries.size, candidates: 0, projectFiles: 0, tsconfigs: 0 },
        };
    if (!analyseCrossFile)
      debug(`cross-file: ${summaries.size} summaries, no import edge leads to an export that matters`);
    const { stats, ...result } = out;
    crossStats = { summaries: stats.summaries, candidates: stats.candidates, projectFiles: stats.projectFiles };
    cross = result;
    if (crossKey !== undefined) cache.set(crossKey, cross);
    debug(`cross-file: done (${Date.now() - started} ms)`);
  }
  const crossFileMs = Date.now() - crossStarted;
  // The join withdraws rotation findings whose signing key another module draws per start (a restart rotates it).
  if (cross.withdrawn?.length) {
    const spans = cross.withdrawn;
    const within = (f: Finding): boolean =>
      spans.some(
        ({ file, span: [l, c, el, ec] }) =>
          file === f.location.file &&
          (f.location.line > l || (f.location.line === l && f.location.column >= c)) &&
          (f.location.line < el || (f.location.line === el && f.location.column < ec)),
      );
    lintFindings = lintFindings.filter((f) => f.ruleId !== ROTATION_RULE || !within(f));
  }
  // The editor's rules win: a cross-file finding on a line a rule already reported in the same category is dropped.
  const lintAt = new Set(lintFindings.map((f) => `${f.location.file}:${f.location.line}:${f.category}`));
  const crossFindings = cross.findings.filter(
    (f) => !lintAt.has(`${f.location.file}:${f.location.line}:${f.category}`),
  );
  inventory.push(...cross.inventory);
  skipped.push(...cross.skipped);

  let historyFindings: Finding[] = [];
  let historyBlobs: number | undefined;
  const historyStarted = Date.now();
  if (options.history && (!shard || shard.index === 0)) {
    progress('history', files.length, files.length, findingsSoFar);
    // Cached as one unit under the repository's ref state: unchanged refs give the same result.
    const state = dir ? await historyState(root) : undefined;
    const historyKey =
      state === undefined ? undefined : cacheKey('<history>', hashText(state), `${options.since ?? ''}\0${maxBytes}`);
    const hit = historyKey ? cache.get(historyKey) : undefined;
    const h = hit
      ? { findings: hit.findings, skipped: hit.skipped, blobs: hit.blobs ?? 0 }
      : await scanHistory(root, {
          ...(options.since ? { since: options.since } : {}),
          maxBytes,
          debug,
          ...(signal ? { signal } : {}),
        });
    if (historyKey && !hit && h.skipped.length === 0)
      cache.set(historyKey, { ...emptyResult(), findings: h.findings, blobs: h.blobs });
    if (hit) debug('history: from cache');
    historyFindings = h.findings;
    historyBlobs = h.blobs;
    skipped.push(...h.skipped);
  }
  const historyMs = Date.now() - historyStarted;
  options.onTimings?.({
    walkMs,
    filesMs,
    lintMs: Math.round(pool.timing.code),
    textMs: Math.round(pool.timing.text),
    crossFileMs,
    historyMs,
    cacheHits: cache.hits,
    ...(crossStats ? { crossFile: crossStats } : {}),
  });
  debug(`phases: walk ${walkMs} ms, files ${filesMs} ms, cross-file ${crossFileMs} ms, history ${historyMs} ms`);
  await cache
    .save()
    .catch((e: unknown) => debug(`cache: not saved (${safeDetail(String((e as NodeJS.ErrnoException).code ?? e))})`));

  // One finding per mistake (docs/audit.md, "Where a cross-module mistake is reported"): a weak algorithm choice
  // that its own module reports where it is written is not reported again at a use in another module whose path
  // passes through it (the lint, reading the other module from disk, does the same: judgedWhereWritten).
  const definedHere = new Set(
    lintFindings
      .filter((f) => REPORTED_AT_DEFINITION.has(f.category))
      .map((f) => `${f.location.file}:${f.location.line}:${f.category}`),
  );
  const crossKept = definedHere.size
    ? crossFindings.filter((f) => !(f.path ?? []).some((s) => definedHere.has(`${s.file}:${s.line}:${f.category}`)))
    : crossFindings;
  const findings = uniqueFingerprints([...lintFindings, ...crossKept, ...historyFindings].sort(compareFindings));
  const lines = analysed.reduce((n, r) => n + r.lines, 0);
  const bytes = analysed.reduce((n, r) => n + r.bytes, 0);
  progress('done', files.length, files.length, findings.length);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'keyhygiene', version },
    root,
    startedAt,
    durationMs: Date.now() - started,
    stats: { files: analysed.length, lines, bytes, ...(historyBlobs === undefined ? {} : { historyBlobs }) },
    findings,
    inventory: mergeInventory(inventory),
    skipped: skipped.sort((a, b) => a.file.localeCompare(b.file)),
    partial: skipped.length > 0,
    ...(shard ? { shard: { index: shard.index, count: shard.count } } : {}),
  };
}
