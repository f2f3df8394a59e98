/**
 * The join of the cross-file step: each file's module summary (written in the lint pass,
 * src/scanner/detect/summary.ts) says which import bindings it uses where it matters and what its exports are;
 * the module graph (src/scanner/graph.ts) follows each such use through re-exports and barrels to the module
 * that defines the name. A file is a candidate only when a use reaches an export that matters, or when it
 * creates a KMS key itself. Only then is ts-morph loaded (./cross-file.ts analyses the candidates): most
 * repositories have no candidate, and loading ts-morph's own TypeScript costs about half a second of CPU.
 * This module imports nothing that loads ts-morph.
 */
import { readFile } from 'node:fs/promises';
import { safeDetail, type FileResult } from '../common.js';
import { ModuleGraph } from '../graph.js';
import type { WalkedFile } from '../sources/files.js';
import { enablesRotation } from '../../rule-kit/flow/summary.js';
import { needs, type ExportFact, type ModuleSummary } from './module-summary.js';
import type { SourceSpan } from '../../rule-kit/flow/summary.js';

export interface CrossFileOptions {
  /** Whether a file belongs to this shard: findings are reported at sinks in the shard only. */
  readonly inShard: (rel: string) => boolean;
  readonly debug: (line: string) => void;
  /** Module summaries from the lint pass, by POSIX path from the root. */
  readonly summaries: ReadonlyMap<string, ModuleSummary>;
  /**
   * Summarises a file the lint pass did not (another shard's file on a candidate's chain). Without it,
   * such files end the chain.
   */
  readonly summarise?: (file: WalkedFile) => Promise<ModuleSummary | undefined>;
  /** The repository's package.json files (absolute), for workspace packages. */
  readonly manifests?: readonly string[];
}

/** Counters for `--debug` and the bench. */
export interface CrossFileStats {
  readonly summaries: number;
  readonly candidates: number;
  readonly projectFiles: number;
  readonly tsconfigs: number;
}

/**
 * Joins the summaries through the module graph, then analyses the candidates with ts-morph.
 * Never throws: a failure becomes a `skipped` entry and the rest of the audit completes.
 * @param files every JS/TS file of the repository that parsed (all shards).
 */
export async function analyseCrossFile(
  root: string,
  files: readonly WalkedFile[],
  options: CrossFileOptions,
): Promise<FileResult & { stats: CrossFileStats }> {
  try {
    return await joinAndAnalyse(root, files, options);
  } catch (e) {
    return {
      findings: [],
      inventory: [],
      skipped: [
        {
          file: '.',
          reason: 'internal-error',
          detail: safeDetail(`cross-file analysis: ${e instanceof Error ? e.message : String(e)}`),
        },
      ],
      lines: 0,
      bytes: 0,
      stats: { summaries: options.summaries.size, candidates: 0, projectFiles: 0, tsconfigs: 0 },
    };
  }
}

async function joinAndAnalyse(
  root: string,
  files: readonly WalkedFile[],
  options: CrossFileOptions,
): Promise<FileResult & { stats: CrossFileStats }> {
  const empty = { findings: [], inventory: [], skipped: [], lines: 0, bytes: 0 };
  const byAbs = new Map(files.map((f) => [f.abs, f]));
  const graph = new ModuleGraph(root, new Set(byAbs.keys()), options.manifests ?? []);
  const lazy = new Map<string, ModuleSummary | undefined>();
  const summaryOf = async (abs: string): Promise<ModuleSummary | undefined> => {
    const f = byAbs.get(abs);
    if (!f) return undefined;
    const s = options.summaries.get(f.rel);
    if (s || !options.summarise) return s;
    if (!lazy.has(abs)) lazy.set(abs, await options.summarise(f));
    return lazy.get(abs);
  };

  /**
   * Whether `name` exported by `file` (or the whole namespace, `undefined`) leads to what `need` asks;
   * pushes the chain.
   */
  const reaches = async (
    file: string,
    name: string | undefined,
    need: ExportFact | 'cdk-key',
    chain: string[],
    seen: Set<string>,
  ): Promise<boolean> => {
    const key = `${file}\0${name ?? '*'}`;
    if (seen.has(key) || seen.size > 64) return false;
    seen.add(key);
    const s = await summaryOf(file);
    if (!s) return false;
    chain.push(file);
    const ok = async (): Promise<boolean> => {
      const e = name === undefined ? undefined : s.exports[name];
      const has = (x: { facts?: readonly ExportFact[] } | undefined): boolean =>
        need !== 'cdk-key' && !!x?.facts?.includes(need);
      if (name === undefined ? Object.values(s.exports).some(has) : has(e)) return true;
      const viaAlias = async (alias: string): Promise<boolean> => {
        const b = s.imports[alias];
        const t = b && graph.resolve(file, b[0]);
        return !!t && (await reaches(t, b[1] === '*' ? undefined : b[1], need, chain, seen));
      };
      const aliases = (x: { alias?: string; holds?: readonly string[] } | undefined): string[] =>
        x ? [...(x.alias === undefined ? [] : [x.alias]), ...(x.holds ?? [])] : [];
      for (const a of aliases(e)) if (await viaAlias(a)) return true;
      if (name === undefined) {
        for (const x of Object.values(s.exports)) for (const a of aliases(x)) if (await viaAlias(a)) return true;
      }
      let reexported = false;
      for (const [spec, exported, imported] of s.reexports) {
        if (exported !== '*' && name !== undefined && exported !== name) continue;
        if (exported === name) reexported = true;
        const t = graph.resolve(file, spec);
        if (!t) continue;
        const next = exported === '*' ? name : imported === '*' ? undefined : imported;
        if (await reaches(t, next, need, chain, seen)) return true;
      }
      // A CDK key or a client is defined here when the name is not re-exported from elsewhere.
      if (need === 'cdk-key') return s.cdkKey === true && !reexported;
      return false;
    };
    if (await ok()) return true;
    chain.pop();
    return false;
  };

  /**
   * Whether `name` exported by `file` (the namespace when undefined, its first member then naming the export) holds,
   * at `path`, a key drawn per start: followed through aliases and re-exports as `reaches` does.
   */
  const freshAt = async (
    file: string,
    name: string | undefined,
    path: readonly string[],
    seen: Set<string>,
  ): Promise<string | undefined> => {
    if (name === undefined) return path.length > 0 ? freshAt(file, path[0], path.slice(1), seen) : undefined;
    const key = `${file}\0${name}`;
    if (seen.has(key) || seen.size > 64) return undefined;
    seen.add(key);
    const s = await summaryOf(file);
    if (!s) return undefined;
    const e = s.exports[name];
    if (e?.fresh?.includes(path.join('.'))) return `${key}\0${path.join('.')}`;
    const b = e?.alias === undefined ? undefined : s.imports[e.alias];
    const t = b && graph.resolve(file, b[0]);
    const viaAlias = t && (await freshAt(t, b[1] === '*' ? undefined : b[1], path, seen));
    if (viaAlias) return viaAlias;
    for (const [spec, exported, imported] of e ? [] : s.reexports) {
      if (exported !== '*' && exported !== name) continue;
      const r = graph.resolve(file, spec);
      const next = exported === '*' ? name : imported === '*' ? undefined : imported;
      const hit = r && (await freshAt(r, next, path, seen));
      if (hit) return hit;
    }
    return undefined;
  };
  /** The fresh member an import binding and path of `file` lead to (`file\0export\0path`). */
  const freshMember = async (
    file: WalkedFile,
    s: ModuleSummary,
    ref: { local: string; path: readonly string[] },
  ): Promise<string | undefined> => {
    const b = s.imports[ref.local];
    const t = b && graph.resolve(file.abs, b[0]);
    return t ? freshAt(t, b[1] === '*' ? undefined : b[1], ref.path, new Set()) : undefined;
  };

  // Configuration keys whose every loaded factory value is drawn per start (`ConfigModule.forRoot({ load })`).
  const freshConfig = new Set<string>();
  let forks = false;
  // Fresh members that some module writes over (`Common.secret_key = cfg.secret`): no longer drawn per start.
  const overwritten = new Set<string>();
  const signing = [...options.summaries.values()].some((s) => s.signingKeys);
  for (const f of signing ? files : []) {
    const s = options.summaries.get(f.rel);
    if (s?.forks) forks = true;
    for (const w of s?.memberWrites ?? []) {
      const hit = await freshMember(f, s!, w);
      if (hit) overwritten.add(hit);
    }
    for (const local of s?.configLoads ?? []) {
      const b = s!.imports[local];
      const t = b && graph.resolve(f.abs, b[0]);
      const target = t ? await summaryOf(t) : undefined;
      const e = b && target?.exports[b[1] === '*' ? 'default' : b[1]];
      for (const m of e?.fresh ?? []) if (m !== '') freshConfig.add(m);
    }
  }
  // Withdrawn require-key-rotation findings (the signing call's span): the signing key is drawn per start in another
  // module and kept in memory; a program that forks workers verifies in other processes, so nothing is withdrawn there.
  const withdrawn: Array<{ file: string; span: SourceSpan }> = [];
  for (const f of forks ? [] : files) {
    const s = options.summaries.get(f.rel);
    if (!s?.signingKeys || !options.inShard(f.rel)) continue;
    for (const k of s.signingKeys) {
      let fresh = false;
      if ('config' in k) fresh = freshConfig.has(k.config);
      else {
        const hit = await freshMember(f, s, k);
        fresh = hit !== undefined && !overwritten.has(hit);
      }
      if (fresh) withdrawn.push({ file: f.rel, span: k.span });
    }
  }

  const candidates: WalkedFile[] = [];
  const needed = new Set<string>();
  let rotationAnywhere = false;
  let anyCreate = false;
  let summaries = 0;
  for (const f of files) {
    const s = options.summaries.get(f.rel);
    if (!s) continue;
    summaries++;
    if (s.rotation) rotationAnywhere = true;
    if (!options.inShard(f.rel)) continue;
    let candidate = s.createsKey === true;
    anyCreate ||= candidate;
    const files: string[] = [];
    for (const u of s.uses) {
      const b = s.imports[u.local];
      const target = b && graph.resolve(f.abs, b[0]);
      if (!b || !target) continue;
      const chain: string[] = [];
      const name = b[1] === '*' ? u.member : b[1];
      if (await reaches(target, name, needs[u.kind], chain, new Set())) {
        candidate = true;
        anyCreate ||= u.kind === 'kms';
        files.push(...chain);
      }
    }
    if (!candidate) continue;
    candidates.push(f);
    needed.add(f.abs);
    for (const c of files) needed.add(c);
  }
  // A shard sees the summaries of its own files only: the others are read for the rotation call.
  if (anyCreate && !rotationAnywhere) {
    for (const f of files) {
      if (options.summaries.has(f.rel) || rotationAnywhere) continue;
      const text = await readFile(f.abs, 'utf8').catch(() => '');
      if (enablesRotation(text)) rotationAnywhere = true;
    }
  }
  const stats: CrossFileStats = {
    summaries,
    candidates: candidates.length,
    projectFiles: needed.size,
    tsconfigs: graph.tsconfigs.length,
  };
  options.debug(
    `cross-file: ${summaries} summaries, ${candidates.length} candidate files, ${needed.size} files in the ` +
      `project, ${graph.tsconfigs.length} tsconfig(s)`,
  );
  if (candidates.length === 0) return { ...empty, withdrawn, stats };

  const weakHelper = (abs: string, name: string): boolean | undefined => {
    const f = byAbs.get(abs);
    const s = (f && options.summaries.get(f.rel)) ?? lazy.get(abs);
    return s ? (s.weakHelpers?.includes(name) ?? false) : undefined;
  };
  // ts-morph (behind ./cross-file.js) is loaded only now, when some file is a candidate.
  const { analyseCandidates } = await import('./cross-file.js');
  const out = analyseCandidates(
    root,
    graph,
    needed,
    candidates.map((c) => c.abs),
    { rotationAnywhere: rotationAnywhere || !anyCreate, weakHelper },
  );
  return { findings: out.findings, inventory: out.inventory, skipped: [], lines: 0, bytes: 0, withdrawn, stats };
}
