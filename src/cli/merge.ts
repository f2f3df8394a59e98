/**
 * `keyhygiene merge`: combines the outputs of `keyhygiene audit --shard i/n` jobs.
 * - JSON results (the `json` format) are merged with the scanner's `mergeResults` and can then be
 *   written in any format (json, sarif, text, html, cbom), and gated with `--fail-on`.
 * - SARIF logs are merged run by run into one keyhygiene run (rules united, results concatenated),
 *   and can only be written as SARIF.
 * Exit codes as for audit: 0 clean, 1 findings at or above `--fail-on`, 2 usage or I/O error.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { mergeSarif, severityRank } from '../report/index.js';
import { REPORT_SCHEMA_VERSION, type AuditResult } from '../report/types.js';
import { parseMergeArgs } from './args.js';
import { exitCodeFor, summaryLine, writeReports, type CliIo } from './audit.js';
import { CliError, EXIT_CLEAN, EXIT_FINDINGS, usageError } from './errors.js';
import { writeReportFile } from './report-file.js';
import type { ScannerApi } from './scanner.js';

const MERGE_HELP = `Usage: keyhygiene merge [options] FILE...

Merges the reports of sharded audits (keyhygiene audit --shard I/N) into one.
  JSON inputs (--format json) merge into one result, written in any format.
  SARIF inputs merge into one SARIF log with one keyhygiene run.

Options:
  -f, --format NAME[=FILE]   json | sarif | text | html | cbom (SARIF inputs: sarif only); repeatable
  -o, --output FILE          the file for the preceding bare --format (default: json to stdout)
  --fail-on SEVERITY         critical | high | medium | low (default: high)
  --debug                    print error stacks
  -h, --help                 this help

Example (CI matrix of 4 jobs, then one merge job):
  keyhygiene audit --shard 2/4 --format json=shard-2.json
  keyhygiene merge --format sarif=keyhygiene.sarif --format html=keyhygiene.html shard-*.json
`;

type Json = Record<string, unknown>;
type Input =
  { readonly kind: 'result'; readonly value: AuditResult } | { readonly kind: 'sarif'; readonly value: Json };

function classify(value: unknown, file: string): Input {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Json;
    if (v.version === '2.1.0' && Array.isArray(v.runs)) return { kind: 'sarif', value: v };
    if (typeof v.schemaVersion === 'number' && Array.isArray(v.findings)) {
      if (v.schemaVersion !== REPORT_SCHEMA_VERSION) {
        throw new CliError(
          'E_CONFIG',
          `${file} has report schema version ${v.schemaVersion}; this keyhygiene reads version ` +
            `${REPORT_SCHEMA_VERSION}`,
          {
            hint: 'run the shards and the merge with the same keyhygiene version',
          },
        );
      }
      return { kind: 'result', value: v as unknown as AuditResult };
    }
  }
  throw new CliError('E_CONFIG', `${file} is neither a keyhygiene JSON report nor a SARIF 2.1.0 log`, {
    hint: 'merge the files written by keyhygiene audit --format json or --format sarif',
  });
}

async function readInput(file: string, cwd: string): Promise<Input> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (e) {
    throw new CliError('E_IO', `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, {
      cause: e,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // V8's JSON errors quote the input; a file given by mistake could hold anything, so quote nothing.
    throw new CliError('E_CONFIG', `${file} is not valid JSON`, {
      hint: 'merge the files written by keyhygiene audit --format json or --format sarif',
      cause: e,
    });
  }
  return classify(value, file);
}

/** 1 when a merged SARIF log holds a result at or above the threshold that is not an accepted suppression. */
function sarifExitCode(log: Json, failOn: Parameters<typeof severityRank>[0]): number {
  const limit = severityRank(failOn);
  for (const run of (log.runs as Json[] | undefined) ?? []) {
    for (const r of (run.results as Json[] | undefined) ?? []) {
      const sev = (r.properties as Json | undefined)?.severity;
      if (typeof sev !== 'string' || !['critical', 'high', 'medium', 'low'].includes(sev)) continue;
      const accepted = ((r.suppressions as Json[] | undefined) ?? []).some(
        (s) => s.status === undefined || s.status === 'accepted',
      );
      if (!accepted && severityRank(sev as 'high') <= limit) return EXIT_FINDINGS;
    }
  }
  return EXIT_CLEAN;
}

export async function runMerge(argv: readonly string[], io: CliIo, load: () => Promise<ScannerApi>): Promise<number> {
  const args = parseMergeArgs(argv);
  if (args.help) {
    io.stdout.write(MERGE_HELP);
    return EXIT_CLEAN;
  }
  const inputs = await Promise.all(args.inputs.map((f) => readInput(f, io.cwd)));
  const kinds = new Set(inputs.map((i) => i.kind));
  if (kinds.size > 1)
    throw usageError(
      'cannot merge JSON results with SARIF logs',
      'merge all --format json outputs, or all --format sarif outputs',
    );

  if (kinds.has('sarif')) {
    const bad = args.outputs.find((o) => o.format !== 'sarif');
    if (bad)
      throw usageError(
        `SARIF inputs can only be merged into SARIF, not ${bad.format}`,
        "to write other formats, merge the shards' --format json outputs",
      );
    const saltIds = new Set(
      inputs.flatMap((i) =>
        (((i.value as Json).runs as Json[] | undefined) ?? [])
          .filter((r) => ((r.tool as Json | undefined)?.driver as Json | undefined)?.name === 'keyhygiene')
          .map((r) => ((r.properties as Json | undefined)?.fingerprints as Json | undefined)?.saltId)
          .map((id) => (typeof id === 'string' ? id : 'none')),
      ),
    );
    if (saltIds.size > 1)
      throw usageError(
        `cannot merge SARIF logs fingerprinted with ${saltIds.size} different salts`,
        'run every shard on a clone of the same repository, with the same baseline or .keyhygiene-salt',
      );
    const merged = mergeSarif(inputs.map((i) => i.value as Json));
    const text = `${JSON.stringify(merged, null, 2)}\n`;
    for (const o of args.outputs) {
      if (o.file === undefined) io.stdout.write(text);
      else {
        const file = resolve(io.cwd, o.file);
        try {
          await writeReportFile(file, text);
        } catch (e) {
          throw new CliError(
            'E_IO',
            `cannot write ${o.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
            { cause: e },
          );
        }
        io.stderr.write(`keyhygiene: wrote merged sarif to ${o.file}\n`);
      }
    }
    return sarifExitCode(merged, args.failOn);
  }

  const scanner = await load();
  const merged = scanner.mergeResults(inputs.map((i) => i.value as AuditResult));
  await writeReports(merged, scanner.ruleInfo(), args.outputs, io);
  if (!args.outputs.some((o) => o.file === undefined && o.format === 'text'))
    io.stderr.write(`${summaryLine(merged)}\n`);
  return exitCodeFor(merged, args.failOn);
}
