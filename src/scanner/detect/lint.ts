/**
 * Runs the plugin's own rules over one JS/TS file through ESLint's `Linter` API, with the flat config
 * built from `keyhygiene.configs.recommended`, so the editor and the audit never disagree on a file.
 * Lint messages become redacted `Finding`s; a parse failure becomes a `syntax-error` skip.
 */
import { Linter, type ESLint } from 'eslint';
import plugin, { files as presetFiles } from '../../plugin.js';
import { recommendedRules, version } from '../../configs/presets.js';
import { findCredentials, classifyValue, redact, hashText } from '../../detect/index.js';
import type { Finding, SkippedFile } from '../../report/types.js';
import { findingFingerprint, LineMap, safeDetail, scrub, snippetOf, type FileResult } from '../common.js';
import { displayFingerprint, secretFingerprint } from '../fingerprints.js';
import { categoryOf, categorySeverity, ruleInfo } from '../rules.js';
import { applyInlineAllows } from '../suppress.js';
import { inventoryFromCalls, inventoryFromSource } from '../inventory.js';
import { summaryRule, takeRecorded, type ModuleSummary } from './summary.js';
import { auditRuleOverrides } from '../policy.js';

const codeExtensions: ReadonlySet<string> = new Set(['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts']);

export const isCodeFile = (rel: string): boolean => {
  const dot = rel.lastIndexOf('.');
  return dot > rel.lastIndexOf('/') && codeExtensions.has(rel.slice(dot).toLowerCase());
};

/** Identifies the lint configuration, for cache keys: the preset's rules and the tool version. */
export const lintConfigHash = (): string =>
  hashText(JSON.stringify({ version, recommendedRules, auditRuleOverrides })).slice(0, 16);

let ruleInfos: ReturnType<typeof ruleInfo> | undefined;
const linters = new Map<string, Linter>();
function linterFor(root: string): Linter {
  let l = linters.get(root);
  if (!l) linters.set(root, (l = new Linter({ cwd: root, configType: 'flat' })));
  return l;
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
      // The cross-file step joins modules itself: rules do not read imported modules from disk here.
      settings: { keyhygiene: { importsOnDisk: false } },
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
    linterFor(root).verify(text, summaryConfig, { filename: abs });
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
 * Lints one file's text.
 * @param root the scanned root (the Linter's cwd), @param abs the file's absolute path, @param rel its POSIX
 * path from the root.
 */
export function lintFile(root: string, abs: string, rel: string, text: string): FileResult {
  const map = new LineMap(text);
  const linter = linterFor(root);
  let messages: Linter.LintMessage[];
  takeRecorded();
  try {
    messages = linter.verify(text, flatConfig(), { filename: abs });
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
  const counts = new Map<string, number>();
  let findings: Finding[] = raw.map(({ m, match, secret }) => {
    const ruleId = m.ruleId!;
    const category = categoryOf(ruleId, m.messageId) ?? infos.get(ruleId)?.category ?? 'hardcoded-key';
    const fmt = secret?.formatId
      ? findCredentials(secret.value).find((c) => c.format.id === secret.formatId)?.format
      : undefined;
    const keyText = secret ? `secret:${secretFingerprint(secret.value)}` : match;
    const base = findingFingerprint(ruleId, rel, keyText);
    const n = counts.get(base) ?? 0;
    counts.set(base, n + 1);
    return {
      ruleId,
      category,
      severity: fmt?.severity ?? categorySeverity[category],
      message: scrub(m.message, secrets),
      location: {
        file: rel,
        line: m.line,
        column: m.column,
        ...(m.endLine === undefined ? {} : { endLine: m.endLine }),
        ...(m.endColumn === undefined ? {} : { endColumn: m.endColumn }),
      },
      fingerprint: n === 0 ? base : findingFingerprint(ruleId, rel, keyText, n),
      origin: 'code',
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
