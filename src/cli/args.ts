/**
 * argv → options for `keyhygiene audit` and `keyhygiene merge` (node:util parseArgs, strict).
 * Everything is validated here, at the boundary, so the commands only see well-formed options.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Evidence, Severity } from '../catalogue/types.js';
import { evidenceLevels } from '../catalogue/evidence.js';
import { formatNames, isFormatName, type FormatName } from '../report/index.js';
import { usageError } from './errors.js';

const FAIL_ON: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** One report to write: a format and where (undefined = stdout). */
export interface OutputSpec {
  readonly format: FormatName;
  readonly file?: string;
}

export interface AuditArgs {
  readonly root: string;
  readonly outputs: readonly OutputSpec[];
  readonly failOn: Severity;
  readonly baseline?: string;
  readonly updateBaseline: boolean;
  readonly baselineReason?: string;
  readonly baselineExpires?: string;
  readonly history: boolean;
  readonly since?: string;
  readonly workers?: number;
  readonly cache: boolean;
  readonly shard?: { readonly index: number; readonly count: number };
  readonly progress: boolean;
  readonly includeIgnored: boolean;
  readonly includeFixtures: boolean;
  /** `--min-evidence`: the lowest evidence level listed (docs/audit.md, "Evidence"). */
  readonly minEvidence: Evidence | 'default';
  readonly maxFileBytes?: number;
  readonly debug: boolean;
  readonly help: boolean;
}

const MIN_EVIDENCE = ['default', ...evidenceLevels] as const;

export interface MergeArgs {
  readonly inputs: readonly string[];
  readonly outputs: readonly OutputSpec[];
  readonly failOn: Severity;
  readonly debug: boolean;
  readonly help: boolean;
}

const AUDIT_OPTIONS = {
  format: { type: 'string', short: 'f', multiple: true },
  output: { type: 'string', short: 'o', multiple: true },
  'fail-on': { type: 'string' },
  baseline: { type: 'string' },
  'update-baseline': { type: 'boolean' },
  'baseline-reason': { type: 'string' },
  'baseline-expires': { type: 'string' },
  history: { type: 'boolean' },
  since: { type: 'string' },
  workers: { type: 'string', short: 'j' },
  'no-cache': { type: 'boolean' },
  shard: { type: 'string' },
  'no-progress': { type: 'boolean' },
  'include-ignored': { type: 'boolean' },
  'include-fixtures': { type: 'boolean' },
  'min-evidence': { type: 'string' },
  'max-file-bytes': { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const MERGE_OPTIONS = {
  format: { type: 'string', short: 'f', multiple: true },
  output: { type: 'string', short: 'o', multiple: true },
  'fail-on': { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** parseArgs errors are multi-line and name Node internals; keep the first sentence. */
function parse<const T extends ParseArgsConfig>(config: T, command: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0] ?? 'invalid arguments';
    throw usageError(msg.replace(/\. To specify a positional argument.*$/, ''), `keyhygiene ${command} --help`);
  }
}

/**
 * Infers a format from an output file name: `.sarif` → sarif, `.html` → html, `.cdx.json` → cbom,
 * `.json` → json.
 */
function formatFromFile(file: string): FormatName {
  const f = file.toLowerCase();
  if (f.endsWith('.sarif') || f.endsWith('.sarif.json')) return 'sarif';
  if (f.endsWith('.html') || f.endsWith('.htm')) return 'html';
  if (f.endsWith('.cdx.json') || f.endsWith('.cbom.json') || f.endsWith('.cbom')) return 'cbom';
  if (f.endsWith('.json')) return 'json';
  return 'text';
}

/**
 * Pairs `--format` and `--output`:
 * - `--format NAME=FILE` names its own file;
 * - each bare `--format NAME` takes the next `--output` in order; a bare format with no output left
 *   goes to stdout (at most one report may go to stdout);
 * - an `--output` with no format left infers the format from the file name;
 * - nothing at all: text to stdout.
 */
function resolveOutputs(
  formats: readonly string[],
  outputs: readonly string[],
  command: string,
  allowed: readonly FormatName[] = formatNames,
): OutputSpec[] {
  const specs: OutputSpec[] = [];
  const files = [...outputs];
  const check = (name: string): FormatName => {
    if (!isFormatName(name) || !allowed.includes(name)) {
      throw usageError(`unknown format "${name}"`, `${command} formats: ${allowed.join(', ')}`);
    }
    return name;
  };
  for (const raw of formats) {
    const eq = raw.indexOf('=');
    if (eq >= 0) {
      const file = raw.slice(eq + 1);
      if (file === '')
        throw usageError(
          `--format ${raw}: missing file name after "="`,
          'use --format NAME=FILE, e.g. --format sarif=audit.sarif',
        );
      specs.push({ format: check(raw.slice(0, eq)), file });
      continue;
    }
    const file = files.shift();
    specs.push(file === undefined ? { format: check(raw) } : { format: check(raw), file });
  }
  for (const file of files)
    specs.push({ format: allowed.includes(formatFromFile(file)) ? formatFromFile(file) : allowed[0]!, file });
  if (specs.length === 0) specs.push({ format: allowed[0]! });
  if (specs.filter((s) => s.file === undefined).length > 1) {
    throw usageError('only one report can go to stdout', 'give the others a file: --format NAME=FILE or --output FILE');
  }
  const seen = new Set<string>();
  for (const s of specs) {
    if (s.file === undefined) continue;
    if (seen.has(s.file))
      throw usageError(`two reports would be written to ${s.file}`, 'give each --format its own file');
    seen.add(s.file);
  }
  return specs;
}

function failOnOf(v: string | undefined, command: string): Severity {
  if (v === undefined) return 'high';
  if (!(FAIL_ON as readonly string[]).includes(v))
    throw usageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not "${v}"`, `keyhygiene ${command} --help`);
  return v as Severity;
}

function positiveInt(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^[1-9][0-9]{0,8}$/.test(v))
    throw usageError(`${name} must be a positive whole number, not "${v}"`, 'keyhygiene audit --help');
  return Number(v);
}

/** `--shard i/n`: 1-based, 1 ≤ i ≤ n (as in Jest and Playwright). */
function parseShard(v: string): { index: number; count: number } {
  const m = /^([0-9]{1,6})\/([0-9]{1,6})$/.exec(v.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw usageError(
      `--shard must be i/n with 1 <= i <= n, not "${v}"`,
      'for a 4-job CI matrix use --shard 1/4 … --shard 4/4',
    );
  }
  return { index, count };
}

export function parseAuditArgs(argv: readonly string[]): AuditArgs {
  const { values: o, positionals } = parse(
    { args: [...argv], options: AUDIT_OPTIONS, allowPositionals: true, strict: true },
    'audit',
  );
  if (positionals.length > 1)
    throw usageError(
      `audit takes one directory, got ${positionals.length}: ${positionals.join(' ')}`,
      'keyhygiene audit [dir] [options]',
    );
  if (o.since !== undefined && o.since.trim() === '')
    throw usageError('--since needs a revision', 'e.g. --since origin/main');
  if (
    o['baseline-expires'] !== undefined &&
    (!/^\d{4}-\d{2}-\d{2}$/.test(o['baseline-expires']) || Number.isNaN(Date.parse(o['baseline-expires'])))
  ) {
    throw usageError(
      `--baseline-expires must be a date, not "${o['baseline-expires']}"`,
      'use an ISO date, e.g. --baseline-expires 2027-06-30',
    );
  }
  if ((o['baseline-reason'] !== undefined || o['baseline-expires'] !== undefined) && o['update-baseline'] !== true) {
    throw usageError(
      '--baseline-reason and --baseline-expires only apply with --update-baseline',
      'keyhygiene audit --help',
    );
  }
  const minEvidence = o['min-evidence'] ?? 'default';
  if (!(MIN_EVIDENCE as readonly string[]).includes(minEvidence))
    throw usageError(`unknown evidence level "${minEvidence}"`, `--min-evidence takes ${MIN_EVIDENCE.join(', ')}`);
  const args: AuditArgs = {
    root: positionals[0] ?? '.',
    outputs: o.help === true ? [] : resolveOutputs(o.format ?? [], o.output ?? [], 'audit'),
    failOn: failOnOf(o['fail-on'], 'audit'),
    updateBaseline: o['update-baseline'] === true,
    history: o.history === true || o.since !== undefined,
    cache: o['no-cache'] !== true,
    progress: o['no-progress'] !== true,
    includeIgnored: o['include-ignored'] === true,
    includeFixtures: o['include-fixtures'] === true,
    minEvidence: minEvidence as AuditArgs['minEvidence'],
    debug: o.debug === true,
    help: o.help === true,
    ...(o.baseline !== undefined ? { baseline: o.baseline } : {}),
    ...(o['baseline-reason'] !== undefined ? { baselineReason: o['baseline-reason'] } : {}),
    ...(o['baseline-expires'] !== undefined ? { baselineExpires: o['baseline-expires'] } : {}),
    ...(o.since !== undefined ? { since: o.since } : {}),
    ...(o.workers !== undefined ? { workers: positiveInt('--workers', o.workers)! } : {}),
    ...(o.shard !== undefined ? { shard: parseShard(o.shard) } : {}),
    ...(o['max-file-bytes'] !== undefined
      ? { maxFileBytes: positiveInt('--max-file-bytes', o['max-file-bytes'])! }
      : {}),
  };
  return args;
}

export function parseMergeArgs(argv: readonly string[]): MergeArgs {
  const { values: o, positionals } = parse(
    { args: [...argv], options: MERGE_OPTIONS, allowPositionals: true, strict: true },
    'merge',
  );
  const help = o.help === true;
  if (!help && positionals.length === 0)
    throw usageError(
      'merge needs at least one input file',
      'keyhygiene merge --format sarif --output all.sarif shard-*.json',
    );
  return {
    inputs: positionals,
    outputs: help
      ? []
      : resolveOutputs(o.format ?? [], o.output ?? [], 'merge', ['json', 'sarif', 'text', 'html', 'cbom']),
    failOn: failOnOf(o['fail-on'], 'merge'),
    debug: o.debug === true,
    help,
  };
}
