/**
 * `keyhygiene merge`: one result from the results of `--shard i/n` runs (or of several repositories
 * scanned from one root). Findings are deduplicated by fingerprint and grouped by secret, inventories merged,
 * stats summed.
 */
import { compareFindings } from '../report/json.js';
import { REPORT_SCHEMA_VERSION, type AuditResult, type Finding, type SkippedFile } from '../report/types.js';
import { AuditError } from './errors.js';
import { mergeInventory } from './inventory.js';
import { regroupBySecret, sumWithheld } from './policy.js';

/**
 * @throws AuditError E_USAGE for an empty list, results of another schema version, or results keyed with
 * different fingerprint salts (their ids cannot be compared, so deduplication would be wrong).
 */
export function mergeResults(results: readonly AuditResult[]): AuditResult {
  if (results.length === 0) throw new AuditError('E_USAGE', 'nothing to merge');
  for (const r of results) {
    if (r.schemaVersion !== REPORT_SCHEMA_VERSION)
      throw new AuditError('E_USAGE', `cannot merge a result with schema version ${String(r.schemaVersion)}`);
  }
  const first = results[0]!;
  const saltIds = new Set(results.map((r) => r.fingerprints?.saltId ?? 'none'));
  if (saltIds.size > 1)
    throw new AuditError('E_USAGE', `cannot merge results fingerprinted with ${saltIds.size} different salts`, {
      hint: 'run every shard on a clone of the same repository, with the same baseline or .keyhygiene-salt',
    });
  // Finding ids of 0.2 to 0.x were numbered (no `ids`); mixing them with anchored ones would pair unrelated findings.
  if (new Set(results.map((r) => r.fingerprints?.ids ?? 'occurrence')).size > 1)
    throw new AuditError(
      'E_USAGE',
      'cannot merge results whose finding ids were made by different keyhygiene versions',
      {
        hint: 'run every shard with the same keyhygiene version',
      },
    );
  const findings = new Map<string, Finding>();
  for (const r of results) for (const f of r.findings) if (!findings.has(f.fingerprint)) findings.set(f.fingerprint, f);
  const skipped = new Map<string, SkippedFile>();
  for (const r of results) for (const s of r.skipped) skipped.set(`${s.file}\0${s.reason}`, s);
  const historyBlobs = results.reduce((n, r) => n + (r.stats.historyBlobs ?? 0), 0);
  const counts = new Set(results.map((r) => r.shard?.count).filter((c): c is number => c !== undefined));
  const shards = new Set(results.map((r) => r.shard?.index));
  const incomplete = counts.size === 1 && shards.size < [...counts][0]!;
  const missing: SkippedFile[] = incomplete
    ? [{ file: '.', reason: 'internal-error', detail: `merged ${shards.size} of ${[...counts][0]} shards` }]
    : [];
  const allSkipped = [...skipped.values(), ...missing];
  const withheld = sumWithheld(results);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: first.tool,
    root: first.root,
    startedAt: results.map((r) => r.startedAt).sort()[0]!,
    durationMs: Math.max(...results.map((r) => r.durationMs)),
    stats: {
      files: results.reduce((n, r) => n + r.stats.files, 0),
      lines: results.reduce((n, r) => n + r.stats.lines, 0),
      bytes: results.reduce((n, r) => n + r.stats.bytes, 0),
      ...(historyBlobs > 0 ? { historyBlobs } : {}),
    },
    // Copies of one secret found by different shards become one finding, as within a run.
    findings: regroupBySecret([...findings.values()]).sort(compareFindings),
    inventory: mergeInventory(results.flatMap((r) => r.inventory)),
    skipped: allSkipped,
    partial: allSkipped.length > 0 || results.some((r) => r.partial),
    ...(withheld ? { withheld } : {}),
    ...(first.fingerprints ? { fingerprints: first.fingerprints } : {}),
  };
}
