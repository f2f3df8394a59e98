/**
 * The shape of a per-file module summary (what crosses a module boundary) and the cheap test of whether any
 * summaries can join. Plain types and data, with no AST code, so the scanner's main thread can decide
 * without loading the linter; the summary itself is produced by the hidden rule in ./summary.ts.
 */
// ---- what the summary says ------------------------------------------------------------------------------

/** What an exported name is, as far as cross-module detection cares. */
export type ExportFact =
  /** a literal (or an object holding one) that classifies as key material in a key sink */
  | 'secret'
  /** a function (or a class with a method) whose body draws from a weak random source */
  | 'weak'
  /** a value made by a call or `new` (a client another module may call `createKey` on) */
  | 'made'
  /** a weak cipher or ECB mode name (catalogue `weakCiphers`), or an object holding one */
  | 'weak-alg'
  /** an object with a secret-named member holding a literal or an environment value (a config object) */
  | 'secret-holder';

export interface ExportEntry {
  readonly facts?: readonly ExportFact[];
  /** The export re-exposes an import binding of this file (`import { k } from './a'; export const K = k`). */
  readonly alias?: string;
}

/** A use of an import binding at a place where what it is matters. */
export type UseKind =
  /** reaches a key argument of a key sink */
  | 'key'
  /** reaches the algorithm argument of a key sink */
  | 'algorithm'
  /** passed whole to a logger (`console.log(config)`) */
  | 'log'
  /** a call whose value becomes a token, secret, key, IV, nonce or salt */
  | 'token'
  /** receiver of a KMS create-key call (`client.createKey()`) */
  | 'kms'
  /** receiver of `applyRemovalPolicy(RemovalPolicy.DESTROY)` */
  | 'destroy';

export interface ModuleUse {
  readonly kind: UseKind;
  /** The local import binding. */
  readonly local: string;
  /** The first member read from it (`lib.material.signing` → `material`), for namespace imports. */
  readonly member?: string;
  readonly line: number;
}

export interface ModuleSummary {
  /** Import bindings this summary refers to: local name → [module specifier, imported name or `*`/`default`]. */
  readonly imports: Readonly<Record<string, readonly [string, string]>>;
  /** `export … from`: [module specifier, exported name (`*` for `export *`), imported name (`*` for a namespace)]. */
  readonly reexports: ReadonlyArray<readonly [string, string, string]>;
  /** Exported names with something to say about them. */
  readonly exports: Readonly<Record<string, ExportEntry>>;
  readonly uses: readonly ModuleUse[];
  /** The file calls a KMS create-key API itself (catalogue `iacKeyResources` with a companion). */
  readonly createsKey?: true;
  /** The file creates a CDK KMS key (another module may give it a removal policy). */
  readonly cdkKey?: true;
  /** The file enables KMS key rotation somewhere (the companion call exists). */
  readonly rotation?: true;
  /**
   * Top-level declarations (by local name) that return a weak-random value: functions, consts holding one,
   * classes with such a method. The value-flow engine's per-function summary decides (`returns` holds
   * `weak-random`), so a helper that only reads the clock for an expiry, or a random id into a field of the
   * object it returns, is not one.
   */
  readonly weakHelpers?: readonly string[];
}

/** What each use needs to find at the end of its chain. */
export const needs: Readonly<Record<UseKind, ExportFact | 'cdk-key'>> = {
  key: 'secret',
  algorithm: 'weak-alg',
  log: 'secret-holder',
  token: 'weak',
  kms: 'made',
  destroy: 'cdk-key',
};

/**
 * Whether the cross-file step can find anything: some file creates a KMS key, or some use needs a fact
 * that some summary exports (a chain can only end at a file that exports it). When every file has a
 * summary, `false` means no candidate whatever the module graph says, so ts-morph is never loaded.
 */
export function mayJoin(summaries: Iterable<ModuleSummary>): boolean {
  const wanted = new Set<ExportFact | 'cdk-key'>();
  const held = new Set<ExportFact | 'cdk-key'>();
  for (const s of summaries) {
    if (s.createsKey) return true;
    for (const u of s.uses) wanted.add(needs[u.kind]);
    for (const e of Object.values(s.exports)) for (const f of e.facts ?? []) held.add(f);
    if (s.cdkKey) held.add('cdk-key');
  }
  for (const w of wanted) if (held.has(w)) return true;
  return false;
}
