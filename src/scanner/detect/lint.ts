/**
 * Runs the plugin's own rules over one JS/TS file through ESLint's `Linter` API, with the flat config
 * built from `keyhygiene.configs.recommended`, so the editor and the audit never disagree on a file.
 * Lint messages become redacted `Finding`s; a parse failure becomes a `syntax-error` skip.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { Linter, type ESLint } from 'eslint';
import plugin, { files as presetFiles } from '../../plugin.js';
import { findCredentials, classifyValue, redact } from '../../detect/index.js';
import type { Finding, SkippedFile } from '../../report/types.js';
import { fileFingerprints, LineMap, type IdParts, safeDetail, scrub, snippetOf, type FileResult } from '../common.js';
import { displayFingerprint, secretFingerprint } from '../fingerprints.js';
import { categoryOf, categorySeverity, messageSeverityOf, ruleInfo } from '../rules.js';
import { applyInlineAllows } from '../suppress.js';
import { inventoryFromCalls, inventoryFromSource } from '../inventory.js';
import { codeAnchor } from './anchor.js';
import type { ModuleSummary } from './module-summary.js';
import { summaryRule, takeRecorded } from './summary.js';
import { auditRuleOverrides } from '../policy.js';
import { takeEvidence } from '../../rule-kit/evidence.js';
import { formatEvidence, meetsEvidence } from '../../catalogue/evidence.js';
import type { Evidence } from '../../catalogue/types.js';

let ruleInfos: ReturnType<typeof ruleInfo> | undefined;
const linters = new Map<string, Linter>();
function linterFor(root: string): Linter {
  let l = linters.get(root);
  if (!l) linters.set(root, (l = new Linter({ cwd: root, configType: 'flat' })));
  return l;
}

type ConfigArray = Linter.Config[] & { getConfig?: unknown };
type LookupArray = Linter.Config[] & { getConfig(file: string): unknown };
let flatConfigArray: (new (configs: Linter.Config[], options: { basePath: string }) => ConfigArray) | undefined | null;
const normalised = new WeakMap<Linter.Config[], Map<string, Linter.Config[]>>();
/**
 * `config` as ESLint's own normalised config array for `root`, built once. Given a plain array, `verify`
 * builds and normalises that same array (validating every rule's options) for every file, and computes each
 * file's merged config again; given the normalised one (ESLint recognises it by its `getConfig`), it only
 * looks the merged config up. The class is not a public export, so it is loaded from ESLint's own files;
 * when it is not where ESLint 9 and 10 keep it, the plain array is used (the same result, only slower).
 */
function normalisedFor(root: string, config: Linter.Config[]): Linter.Config[] {
  let byRoot = normalised.get(config);
  if (!byRoot) normalised.set(config, (byRoot = new Map<string, Linter.Config[]>()));
  let out = byRoot.get(root);
  if (out) return out;
  if (flatConfigArray === undefined) {
    try {
      const require = createRequire(import.meta.url);
      const file = path.join(
        path.dirname(require.resolve('eslint/package.json')),
        'lib',
        'config',
        'flat-config-array.js',
      );
      flatConfigArray = (require(file) as { FlatConfigArray?: typeof flatConfigArray }).FlatConfigArray ?? null;
    } catch {
      flatConfigArray = null;
    }
  }
  out = config;
  if (flatConfigArray) {
    try {
      const a = new flatConfigArray(config, { basePath: root }) as ConfigArray & { normalizeSync(): void };
      a.normalizeSync();
      if (typeof a.getConfig === 'function') out = lookupOncePerKind(a as LookupArray);
    } catch {
      // Left to `verify`, which reports a bad config the way it always does.
    }
  }
  byRoot.set(root, out);
  return out;
}

/** A `files` pattern that matches a file by the last extension of its name alone: any directories, then `*.ts`. */
const EXTENSION_GLOB = /^\*\*\/\*\.[A-Za-z0-9]+$/;

/**
 * Whether ESLint's config lookup gives every file of one directory with the same last extension the same answer:
 * each `files` pattern is an extension glob (it matches whatever the name's stem) and each ignore pattern names
 * directories (it ignores a file by where it is, never by its name). True of the audit's two configs (the presets'
 * `files`, ESLint's default ignores of `node_modules` and `.git`, the audit's own lifting of the first).
 */
function lookupByKind(entries: readonly Linter.Config[]): boolean {
  return entries.every(
    (c) =>
      (c as { basePath?: unknown }).basePath === undefined &&
      (c.files ?? []).every((f) => typeof f === 'string' && EXTENSION_GLOB.test(f)) &&
      (c.ignores ?? []).every((p) => typeof p === 'string' && p.endsWith('/')),
  );
}

/**
 * `a` with its `getConfig` asked once per directory and last extension. ESLint caches its answer per file path,
 * so each file paid for the whole lookup (its path made relative, its directories tested against the ignores, every
 * entry's globs matched): about 55 µs a file, 0.2 s of typeorm's 3,583 (docs/benchmarks.md, speedaudit23). The
 * answer it returns is ESLint's own, the same object for the same set of matching entries. Left as it is when
 * `lookupByKind` does not hold.
 */
function lookupOncePerKind(a: LookupArray): ConfigArray {
  if (!lookupByKind(a)) return a;
  const lookup = a.getConfig.bind(a);
  const byKind = new Map<string, unknown>();
  const getConfig = (file: string): unknown => {
    const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf(path.sep));
    const dot = file.lastIndexOf('.');
    const kind = `${file.slice(0, slash + 1)}\0${dot > slash ? file.slice(dot) : ''}`;
    if (byKind.has(kind)) return byKind.get(kind);
    const config = lookup(file);
    byKind.set(kind, config);
    return config;
  };
  // The normalised array is frozen, so the lookup is put in front of it: `verify` takes a proxy of an array with a
  // `getConfig` as the array itself and asks it only for `getConfig`; anything else is the array's own, bound to it.
  return new Proxy(a, {
    get(target, key) {
      if (key === 'getConfig') return getConfig;
      const v: unknown = Reflect.get(target, key, target);
      return typeof v === 'function' ? (v as (...args: unknown[]) => unknown).bind(target) : v;
    },
  });
}

const summaryEntry = (): Linter.Config => ({
  files: presetFiles,
  plugins: {
    'keyhygiene-scanner': { rules: { summary: summaryRule as unknown as NonNullable<ESLint.Plugin['rules']>[string] } },
  },
  rules: { 'keyhygiene-scanner/summary': 'error' },
});

let config: Linter.Config[] | undefined;
function flatConfig(): Linter.Config[] {
  config ??= [
    // The walk already decided what to scan (node_modules only with includeIgnored): lift ESLint's default ignores.
    { ignores: ['!**/node_modules/'] },
    {
      ...plugin.configs.recommended,
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      // The cross-file step joins modules itself: rules do not read imported modules from disk here. Every
      // finding is made, its evidence level recorded: the audit's policy applies --min-evidence (../policy.ts).
      settings: { keyhygiene: { importsOnDisk: false, minEvidence: 'name', recordEvidence: true } },
    },
    // Test and example files linted with everything on: src/scanner/policy.ts decides what is withheld.
    { files: presetFiles, rules: auditRuleOverrides as unknown as Linter.RulesRecord },
    // The module summary for the cross-file step, recorded in the same traversal (never reports).
    summaryEntry(),
  ];
  return config;
}

let summaryConfig: Linter.Config[] | undefined;
/**
 * The module summary of one file, without the plugin's rules: for a file the lint pass did not see (another
 * shard's file on a cross-file chain). Undefined when the file does not parse.
 */
export function summariseText(root: string, abs: string, text: string): ModuleSummary | undefined {
  summaryConfig ??= [
    { ignores: ['!**/node_modules/'] },
    { files: presetFiles, languageOptions: plugin.configs.recommended.languageOptions ?? {} },
    summaryEntry(),
  ];
  takeRecorded();
  try {
    linterFor(root).verify(text, normalisedFor(root, summaryConfig), { filename: abs });
  } catch {
    return undefined;
  }
  return takeRecorded()?.summary;
}

/** The matched source text of a message (for the fingerprint and the secret). */
function matchedText(map: LineMap, m: Linter.LintMessage): string {
  const line = map.line(m.line);
  if (m.endLine === undefined || m.endColumn === undefined) return line.trim();
  if (m.endLine === m.line) return line.slice(m.column - 1, m.endColumn - 1);
  const parts = [line.slice(m.column - 1)];
  for (let n = m.line + 1; n < m.endLine && parts.length < 200; n++) parts.push(map.line(n));
  parts.push(map.line(m.endLine).slice(0, m.endColumn - 1));
  return parts.join('\n');
}

/** The secret a hardcoded-key message points at, when the matched text holds one. */
function secretOf(text: string): { value: string; formatId?: string } | undefined {
  const [cred] = findCredentials(text);
  if (cred) return { value: cred.secret, formatId: cred.format.id };
  const lit = /^(["'`])([\s\S]*)\1$/.exec(text.trim());
  if (lit && lit[2] && classifyValue(lit[2], { inKeySink: true }).secret) return { value: lit[2] };
  return undefined;
}

/**
 * A lint finding's evidence: the level its report recorded, raised to `format` when the matched text is a
 * credential format that stands on its own (the rule judged the value by its name, the text is still a token).
 */
function levelOf(recorded: Evidence | undefined, formatId: string | undefined): Evidence {
  const level = recorded ?? 'sink';
  const byFormat = formatId === undefined ? undefined : formatEvidence(formatId);
  return byFormat && meetsEvidence(byFormat, level) ? byFormat : level;
}

/** What a lint finding's id is made of: the secret's fingerprint or the matched text, and where it sits. */
function idParts(
  linter: Linter,
  map: LineMap,
  r: { m: Linter.LintMessage; match: string; secret?: { value: string } },
  secrets: readonly string[],
): IdParts {
  const ruleId = r.m.ruleId!;
  const match = r.secret ? `secret:${secretFingerprint(r.secret.value)}` : r.match;
  try {
    const source = linter.getSourceCode();
    const start = source.getIndexFromLoc({ line: r.m.line, column: r.m.column - 1 });
    const end =
      r.m.endLine === undefined || r.m.endColumn === undefined
        ? start
        : source.getIndexFromLoc({ line: r.m.endLine, column: r.m.endColumn - 1 });
    return { ruleId, match, ...codeAnchor(source, start, end, secrets) };
  } catch {
    // A position ESLint cannot place (it reported one): the line's own text stands in as the context.
    return { ruleId, match, anchor: '', context: () => scrub(map.line(r.m.line), secrets) };
  }
}

/**
 * Lints one file's text.
 * @param root the scanned root (the Linter's cwd), @param abs the file's absolute path, @param rel its POSIX
 * path from the root.
 */
export function lintFile(root: string, abs: string, rel: string, text: string): FileResult {
  const map = new LineMap(text);
  const linter = linterFor(root);
  let messages: Linter.LintMessage[];
  takeRecorded();
  takeEvidence();
  try {
    messages = linter.verify(text, normalisedFor(root, flatConfig()), { filename: abs });
  } catch (e) {
    // A rule crash must not end the audit: the file is reported as not fully analysed.
    return {
      findings: [],
      inventory: [],
      skipped: [
        { file: rel, reason: 'internal-error', detail: safeDetail(e instanceof Error ? e.message : String(e)) },
      ],
      lines: map.count,
      bytes: Buffer.byteLength(text),
    };
  }
  const recorded = takeRecorded();
  const levels = new Map<string, Evidence>();
  for (const e of takeEvidence()) {
    const k = `${e.ruleId}\0${e.messageId}\0${e.line}\0${e.column}`;
    const prev = levels.get(k);
    if (!prev || meetsEvidence(e.evidence, prev)) levels.set(k, e.evidence);
  }
  const summary = recorded?.summary;
  const skipped: SkippedFile[] = [];
  const infos = (ruleInfos ??= ruleInfo());
  const raw: Array<{ m: Linter.LintMessage; match: string; secret?: { value: string; formatId?: string } }> = [];
  for (const m of messages) {
    if (m.fatal) {
      skipped.push({ file: rel, reason: 'syntax-error', detail: safeDetail(`${m.line}:${m.column} ${m.message}`) });
      continue;
    }
    if (!m.ruleId?.startsWith('keyhygiene/')) continue;
    const match = matchedText(map, m);
    const secret = categoryOf(m.ruleId, m.messageId) === 'hardcoded-key' ? secretOf(match) : undefined;
    raw.push({ m, match, ...(secret ? { secret } : {}) });
  }
  const secrets = raw.flatMap((r) => (r.secret ? [r.secret.value] : []));
  const ids = fileFingerprints(
    rel,
    raw.map((r) => idParts(linter, map, r, secrets)),
  );
  let findings: Finding[] = raw.map(({ m, secret }, i) => {
    const ruleId = m.ruleId!;
    const category = categoryOf(ruleId, m.messageId) ?? infos.get(ruleId)?.category ?? 'hardcoded-key';
    const fmt = secret?.formatId
      ? findCredentials(secret.value).find((c) => c.format.id === secret.formatId)?.format
      : undefined;
    return {
      ruleId,
      category,
      severity: fmt?.severity ?? messageSeverityOf(ruleId, m.messageId) ?? categorySeverity[category],
      message: scrub(m.message, secrets),
      location: {
        file: rel,
        line: m.line,
        column: m.column,
        ...(m.endLine === undefined ? {} : { endLine: m.endLine }),
        ...(m.endColumn === undefined ? {} : { endColumn: m.endColumn }),
      },
      fingerprint: ids[i]!,
      origin: 'code',
      evidence: levelOf(levels.get(`${ruleId}\0${m.messageId}\0${m.line}\0${m.column}`), secret?.formatId),
      ...(secret
        ? {
            secret: {
              redacted: redact(secret.value),
              fingerprint: displayFingerprint(secretFingerprint(secret.value)),
              ...(secret.formatId ? { formatId: secret.formatId } : {}),
            },
          }
        : {}),
      snippet: snippetOf(map, m.line, secrets),
    } satisfies Finding;
  });
  findings = applyInlineAllows(findings, map);
  let inventory: FileResult['inventory'] = [];
  if (skipped.length === 0) {
    try {
      const source = linter.getSourceCode();
      inventory = recorded ? inventoryFromCalls(source, rel, recorded.calls) : inventoryFromSource(source, rel);
    } catch {
      // The inventory is best effort: a file it cannot describe still has its findings.
    }
  }
  return {
    findings,
    inventory,
    skipped,
    lines: map.count,
    bytes: Buffer.byteLength(text),
    ...(summary && skipped.length === 0 ? { summary } : {}),
  };
}
