/**
 * `keyhygiene audit [dir]`: argv → options → scan → reports → exit code.
 * Exit codes: 0 clean, 1 unsuppressed findings at or above `--fail-on` (default high), 2 usage,
 * configuration or internal error. `--update-baseline` writes the baseline and exits 0.
 */
import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Severity } from '../catalogue/types.js';
import { isSuppressed, reporterFor, severityRank, summarise, SEVERITIES, withheldLine } from '../report/index.js';
import type { AuditResult, RuleInfo } from '../report/types.js';
import { parseAuditArgs, type OutputSpec } from './args.js';
import { CliError, EXIT_CLEAN, EXIT_FINDINGS, usageError } from './errors.js';
import { createProgress } from './progress.js';
import { writeReportFile } from './report-file.js';
import type { AuditOptions, ScannerApi } from './scanner.js';

export interface CliIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly signal?: AbortSignal;
}

const DEFAULT_BASELINE = '.keyhygiene-baseline.json';

const AUDIT_HELP = `Usage: keyhygiene audit [dir] [options]

Scans a repository (default: the current directory) for key-management mistakes: hard-coded keys and
credentials in code, config files and git history, weak randomness, static IVs, weak algorithms, missing
rotation and unsafe deletion. Writes reports and exits 0 (clean), 1 (findings at or above --fail-on) or
2 (usage, configuration or internal error).

Reports:
  -f, --format NAME[=FILE]   text | json | sarif | html | cbom; repeatable. NAME=FILE writes to FILE.
  -o, --output FILE          the file for the preceding bare --format (in order); alone, the format is
                             taken from the extension (.sarif, .html, .cdx.json, .json, else text).
                             Default: text to stdout.
  --fail-on SEVERITY         critical | high | medium | low (default: high)

Baseline:
  --baseline FILE            suppress findings recorded in FILE (a prior report, no secrets inside)
  --update-baseline          write this run's findings to the baseline (--baseline FILE, default
                             ${DEFAULT_BASELINE} in the scanned dir) and exit 0; also migrates
                             a baseline of format 1 (unsalted) or 2 (numbered ids) to 3, once
  --baseline-reason TEXT     with --update-baseline: the reason recorded for each new entry
  --baseline-expires DATE    with --update-baseline: when the new entries stop suppressing

Scope and speed:
  --history                  also scan git history for keys deleted but still recoverable
  --since REV                scan only history after REV (implies --history), e.g. origin/main
  -j, --workers N            analysis threads, the main one included (default: cores - 1)
  --no-cache                 do not read or write the on-disk cache
  --shard I/N                scan only shard I of N (1-based); combine outputs with keyhygiene merge
  --include-ignored          also scan node_modules, build output and vendored code
  --max-file-bytes N         skip (and report) files larger than N bytes
  --include-fixtures         also list keys in test, fixture and example/docs files and published
                             example keys (by default they are counted, not listed)
  --min-evidence LEVEL       list findings from this evidence level up: name (everything), flow, sink,
                             format, or default (a floor per category: a clock or counter that only a
                             name calls a token); the rest are counted, not listed (docs/audit.md)

Output:
  --no-progress              no progress bar (it is also off when stderr is not a TTY or CI is set)
  --debug                    print scanner debug lines and error stacks
  -h, --help                 this help

Inline allow: a comment "keyhygiene-allow: <reason>" on the line or the line above suppresses a finding.
`;

/** Colour on a TTY, never with NO_COLOR (https://no-color.org), forced with FORCE_COLOR. */
function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '')
    return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** 1 when an unsuppressed finding is at or above the threshold, else 0. */
export function exitCodeFor(result: AuditResult, failOn: Severity, now = new Date()): number {
  const limit = severityRank(failOn);
  return result.findings.some((f) => !isSuppressed(f, now) && severityRank(f.severity) <= limit)
    ? EXIT_FINDINGS
    : EXIT_CLEAN;
}

/** Renders and writes every requested report; a file that cannot be written is an E_IO error. */
export async function writeReports(
  result: AuditResult,
  rules: ReadonlyMap<string, RuleInfo>,
  outputs: readonly OutputSpec[],
  io: CliIo,
): Promise<void> {
  for (const spec of outputs) {
    const reporter = reporterFor(spec.format);
    if (!reporter) throw usageError(`unknown format "${spec.format}"`);
    if (spec.file === undefined) {
      io.stdout.write(
        reporter.render(result, rules, { color: spec.format === 'text' && wantsColor(io.stdout, io.env) }),
      );
      continue;
    }
    const file = resolve(io.cwd, spec.file);
    try {
      await writeReportFile(file, reporter.render(result, rules, { color: false }));
    } catch (e) {
      throw new CliError(
        'E_IO',
        `cannot write the ${spec.format} report to ${spec.file}: ` +
          `${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        {
          hint: 'check that the directory exists and is writable',
          cause: e,
        },
      );
    }
    io.stderr.write(`keyhygiene: wrote ${spec.format} report to ${spec.file}\n`);
  }
}

/** The one-line summary printed on stderr when no text report goes to stdout. */
export function summaryLine(result: AuditResult): string {
  const s = summarise(result);
  const parts = SEVERITIES.filter((sev) => s.bySeverity[sev] > 0).map((sev) => `${s.bySeverity[sev]} ${sev}`);
  const head = s.active === 0 ? 'no findings' : `${s.active} finding${s.active === 1 ? '' : 's'} (${parts.join(', ')})`;
  const extra = [
    s.suppressed > 0 ? `${s.suppressed} suppressed` : '',
    result.partial
      ? `partial scan: ${result.skipped.length} file${result.skipped.length === 1 ? '' : 's'} skipped`
      : '',
    withheldLine(result) ?? '',
  ]
    .filter(Boolean)
    .join(', ');
  return `keyhygiene: ${head}${extra ? `; ${extra}` : ''}`;
}

async function checkRoot(root: string, given: string): Promise<void> {
  let st;
  try {
    st = await stat(root);
  } catch {
    throw usageError(`directory not found: ${given}`, 'keyhygiene audit [dir]: give an existing directory');
  }
  if (!st.isDirectory())
    throw usageError(`not a directory: ${given}`, 'keyhygiene audit [dir]: give a directory, not a file');
}

/**
 * The format number a baseline file declares (1: unsalted ids, 2: numbered ids, both to be migrated), if it is
 * readable JSON.
 */
async function baselineFormat(file: string): Promise<unknown> {
  try {
    return (JSON.parse(await readFile(file, 'utf8')) as { keyhygieneBaseline?: unknown }).keyhygieneBaseline;
  } catch {
    return undefined;
  }
}

async function readable(file: string): Promise<boolean> {
  try {
    await access(file, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

export async function runAudit(argv: readonly string[], io: CliIo, load: () => Promise<ScannerApi>): Promise<number> {
  const args = parseAuditArgs(argv);
  if (args.help) {
    io.stdout.write(AUDIT_HELP);
    return EXIT_CLEAN;
  }
  const root = resolve(io.cwd, args.root);
  await checkRoot(root, args.root);

  const baselinePath =
    args.baseline !== undefined
      ? resolve(io.cwd, args.baseline)
      : args.updateBaseline
        ? join(root, DEFAULT_BASELINE)
        : undefined;
  let useBaseline: string | undefined;
  if (baselinePath !== undefined) {
    if (await readable(baselinePath)) useBaseline = baselinePath;
    else if (!args.updateBaseline) {
      throw new CliError('E_IO', `cannot read the baseline ${args.baseline ?? baselinePath}`, {
        hint: 'create it with: keyhygiene audit --update-baseline --baseline FILE',
      });
    }
  }

  const format = useBaseline === undefined ? undefined : await baselineFormat(useBaseline);
  const oldFormat = format === 1 || format === 2 ? format : undefined;
  const scanner = await load();
  const progress = createProgress(io.stderr, io.env, args.progress);
  const options: AuditOptions = {
    root,
    history: args.history,
    cache: args.cache,
    includeIgnored: args.includeIgnored,
    includeFixtures: args.includeFixtures,
    minEvidence: args.minEvidence,
    onProgress: (p) => progress.update(p),
    ...(args.since !== undefined ? { since: args.since } : {}),
    ...(args.workers !== undefined ? { workers: args.workers } : {}),
    // The command line counts shards from 1 (like Jest, Playwright and GitLab's CI_NODE_INDEX); the engine from 0.
    ...(args.shard !== undefined ? { shard: { index: args.shard.index - 1, count: args.shard.count } } : {}),
    ...(useBaseline !== undefined ? { baseline: useBaseline } : {}),
    ...(args.maxFileBytes !== undefined ? { maxFileBytes: args.maxFileBytes } : {}),
    ...(io.signal !== undefined ? { signal: io.signal } : {}),
    ...(args.debug ? { debug: (line: string) => void io.stderr.write(`debug: ${line}\n`) } : {}),
  };
  let result: AuditResult;
  try {
    result = await scanner.audit(options);
  } catch (e) {
    // However the engine words it, a scan stopped by Ctrl-C is reported as an interruption.
    if (io.signal?.aborted) throw new DOMException('interrupted', 'AbortError');
    throw e;
  } finally {
    progress.done();
  }
  const rules = scanner.ruleInfo();

  if (args.updateBaseline && baselinePath !== undefined) {
    try {
      await scanner.writeBaseline(baselinePath, result, {
        ...(args.baselineReason !== undefined ? { reason: args.baselineReason } : {}),
        ...(args.baselineExpires !== undefined ? { expires: args.baselineExpires } : {}),
      });
    } catch (e) {
      if (e instanceof Error && (e.name === 'AuditError' || e.name === 'CliError')) throw e;
      throw new CliError(
        'E_IO',
        `cannot write the baseline ${args.baseline ?? baselinePath}: ` +
          `${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        { cause: e },
      );
    }
  }

  await writeReports(result, rules, args.outputs, io);
  if (!args.outputs.some((o) => o.file === undefined && o.format === 'text'))
    io.stderr.write(`${summaryLine(result)}\n`);
  if (args.updateBaseline) {
    io.stderr.write(
      `keyhygiene: baseline written to ${args.baseline ?? baselinePath} (${result.findings.length} ` +
        `finding${result.findings.length === 1 ? '' : 's'} ` +
        `recorded${oldFormat ? `, migrated from format ${oldFormat} to anchored fingerprints` : ''})\n`,
    );
    return EXIT_CLEAN;
  }
  if (oldFormat === 1)
    io.stderr.write(
      `keyhygiene: note: ${args.baseline ?? baselinePath} has unsalted fingerprints (format 1); migrate it ` +
        `once with --update-baseline\n`,
    );
  if (oldFormat === 2) {
    // Format 2 numbered equal findings of a file in order: when an earlier one went away, a later one took its
    // number. Its entries are still matched by those numbers (nothing is dropped), so say what that risks, once.
    const matched = result.findings.filter((f) => f.suppression?.kind === 'baseline').length;
    io.stderr.write(
      `keyhygiene: note: ${args.baseline ?? baselinePath} has numbered finding ids (format 2); ${matched} ` +
        `finding${matched === 1 ? ' was' : 's were'} matched by those numbers, which move when an earlier equal ` +
        `finding in the same file is removed. Check them and rewrite the baseline once with --update-baseline\n`,
    );
  }
  if (result.fingerprints?.saltSource === 'ephemeral')
    io.stderr.write(
      'keyhygiene: note: not a git repository, so fingerprints are salted for this run only; a baseline ' +
        '(--update-baseline) or a .keyhygiene-salt file makes them stable\n',
    );
  return exitCodeFor(result, args.failOn);
}
