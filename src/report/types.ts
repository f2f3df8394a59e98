/**
 * The contract between the scanner (src/scanner) and the report formats (src/report): an audit result.
 * Nothing here may hold a secret: `Finding.secret` carries only a redacted form and a fingerprint.
 * The JSON report is this structure, so changes here are schema changes (docs/report-schema.md).
 */
import type { Category, Evidence, Severity } from '../catalogue/types.js';

export const REPORT_SCHEMA_VERSION = 1;

export interface Location {
  /** POSIX path relative to the scanned root. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/**
 * Another place of the same credential value, folded into one finding (docs/audit.md, "One finding per
 * secret"): its own fingerprint (the baseline keeps one entry per place) and, for a copy in a test file or an
 * example tree, its fixture class.
 */
export interface Occurrence extends Location {
  readonly fingerprint: string;
  readonly fixture?: 'test-fixture' | 'example';
}

/** One step on the way from where a value is made to where it is used (cross-file findings). */
export interface PathStep extends Location {
  readonly note: string;
}

export interface Finding {
  /**
   * `keyhygiene/<rule>` for rule findings; `keyhygiene/<detector>` for scanner-only ones (e.g. `secret-in-file`,
   * `secret-in-history`).
   */
  readonly ruleId: string;
  readonly category: Category;
  readonly severity: Severity;
  /** Already redacted. */
  readonly message: string;
  readonly location: Location;
  /** Stable id: rule, path and a hash of the normalised match (never line numbers), so it survives line moves. */
  readonly fingerprint: string;
  /** Where the finding came from. */
  readonly origin: 'code' | 'cross-file' | 'config' | 'history';
  /**
   * What the finding rests on, strongest first: `format`, `sink`, `flow`, `name` (docs/audit.md, "Evidence").
   * Findings below `--min-evidence` are withheld and counted. Absent in results of keyhygiene before 0.2.
   */
  readonly evidence?: Evidence;
  readonly secret?: { readonly redacted: string; readonly fingerprint: string; readonly formatId?: string };
  /** Data-flow steps from the source to the sink, for cross-file findings. */
  readonly path?: readonly PathStep[];
  /** For history findings: the commit that introduced the blob, and its date. */
  readonly commit?: { readonly sha: string; readonly date?: string; readonly author?: string };
  /** A few lines around the finding for the text and HTML reports, already redacted. */
  readonly snippet?: { readonly startLine: number; readonly lines: readonly string[] };
  /** Set when a baseline entry or an inline `keyhygiene-allow` comment covers the finding. */
  readonly suppression?: { readonly kind: 'baseline' | 'inline'; readonly reason?: string; readonly expires?: string };
  /**
   * Set (only with `--include-fixtures`) on a finding the fixture policy would withhold: a key in a test or
   * fixture file, or in an example/docs tree or a published example (docs/audit.md, "Test fixtures").
   */
  readonly fixture?: 'test-fixture' | 'example';
  /**
   * The other places of the same value under the same rule (same `secret.fingerprint`), in file and line
   * order; absent when the value sits in one place. `location` is the place that leads (docs/audit.md).
   */
  readonly occurrences?: readonly Occurrence[];
}

/** One row of the key inventory (the CBOM's source). */
export interface InventoryItem {
  readonly kind: 'key' | 'algorithm' | 'certificate' | 'credential';
  /** e.g. `aes-256-gcm`, `RSA`, `HMAC-SHA256`, `AWS KMS key`. */
  readonly name: string;
  readonly primitive?:
    'ae' | 'block-cipher' | 'mac' | 'signature' | 'pke' | 'kdf' | 'hash' | 'drbg' | 'key-agree' | 'other';
  readonly mode?: string;
  readonly keySizeBits?: number;
  /** literal | env | keystore | kms | file | derived | unknown */
  readonly keySource?: string;
  readonly rotation?: string;
  readonly deletion?: string;
  readonly locations: readonly Location[];
}

export interface SkippedFile {
  readonly file: string;
  readonly reason:
    | 'syntax-error'
    | 'binary'
    | 'too-large'
    | 'unreadable'
    | 'symlink-loop'
    | 'encoding'
    | 'git-error'
    | 'internal-error';
  readonly detail?: string;
}

export interface AuditResult {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly tool: { readonly name: 'keyhygiene'; readonly version: string };
  /** Absolute path of the scanned root (reports show paths relative to it). */
  readonly root: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly stats: {
    readonly files: number;
    readonly lines: number;
    readonly bytes: number;
    readonly historyBlobs?: number;
  };
  readonly findings: readonly Finding[];
  readonly inventory: readonly InventoryItem[];
  /** What was not scanned, and why. A non-empty list makes the scan partial. */
  readonly skipped: readonly SkippedFile[];
  readonly partial: boolean;
  /**
   * Findings the fixture policy left out (test fixtures; example-tree findings and published examples),
   * counted so that nothing is withheld silently. `--include-fixtures` lists them instead.
   */
  readonly withheld?: { readonly testFixtures: number; readonly examples: number; readonly weakEvidence?: number };
  /** `--shard i/n` when sharded. */
  readonly shard?: { readonly index: number; readonly count: number };
  /**
   * How `fingerprint` and `secret.fingerprint` were made: the scheme, a public one-way id of the
   * repository's salt (never the salt) and where the salt came from. Results with different salt ids
   * cannot be merged or compared. Absent in results of keyhygiene 0.1.
   */
  readonly fingerprints?: {
    readonly scheme: 'kh2';
    readonly saltId: string;
    readonly saltSource: 'baseline' | 'salt-file' | 'git' | 'git-shallow' | 'cache' | 'ephemeral';
    /**
     * How equal findings of one file are told apart: `anchor` (by the enclosing declaration or key path, docs/audit.md
     * "Finding ids"). Absent in results of versions that numbered them in file order.
     */
    readonly ids?: 'anchor';
  };
}

/** Rule metadata a report needs (help text, CWE tags), keyed by ruleId. */
export interface RuleInfo {
  readonly id: string;
  readonly description: string;
  readonly category: Category;
  readonly cwe: readonly number[];
  readonly helpUri: string;
}

/** Each report format is one file behind this one-method interface. */
export interface Reporter {
  readonly name: 'text' | 'json' | 'sarif' | 'html' | 'cbom';
  render(result: AuditResult, rules: ReadonlyMap<string, RuleInfo>, options?: { readonly color?: boolean }): string;
}
