/**
 * The `sarif` report: SARIF 2.1.0 (OASIS), as GitHub code scanning and other viewers read it.
 * - `tool.driver.rules` carries each rule's metadata, help text and markdown, and `properties.tags`
 *   with the CWE tags (`external/cwe/cwe-798`) and a numeric `security-severity`.
 * - `partialFingerprints['keyhygiene/v3']` is the finding fingerprint (rule, path, keyed hash of the match and its
 *   anchor), so viewers track a result across line moves; `v3` because the ids of keyhygiene 0.1 (bare hashes,
 *   `v1`) and of the versions that numbered equal findings in file order (`v2`) mean something else.
 *   The run's `properties.fingerprints` names the scheme and the salt's id (never the salt).
 * - Baselined results carry a `suppressions` entry of kind `external`, inline-allowed ones `inSource`.
 * - Cross-file `path` steps become `codeFlows`; skipped files become `toolExecutionNotifications`.
 * - The other places of one secret (`occurrences`) become `relatedLocations` after the path steps.
 * Validated against schemas/sarif-schema-2.1.0.json in test/report/sarif.test.ts.
 */
import type { Evidence, Severity } from '../catalogue/types.js';
import { isSuppressed, normaliseResult, severityRank, withheldLine } from './json.js';
import type { AuditResult, Finding, Location, Reporter, RuleInfo } from './types.js';

const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const FINGERPRINT_KEY = 'keyhygiene/v3';
const INFORMATION_URI = 'https://github.com/keyhygiene/keyhygiene';

/** GitHub's `security-severity` scale: critical ≥ 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
};

/**
 * SARIF `result.rank` (0–100, higher is more important) from the finding's evidence (docs/audit.md, "Evidence"):
 * a viewer that sorts by rank shows the findings that rest on the strongest evidence first.
 */
const EVIDENCE_RANK: Record<Evidence, number> = { format: 90, sink: 75, flow: 60, name: 30 };

type Json = Record<string, unknown>;

function region(loc: Location): Json {
  const r: Json = { startLine: Math.max(1, loc.line), startColumn: Math.max(1, loc.column) };
  if (loc.endLine !== undefined) r.endLine = Math.max(1, loc.endLine);
  if (loc.endColumn !== undefined) r.endColumn = Math.max(1, loc.endColumn);
  return r;
}

/** A relative POSIX path as a URI reference (each segment percent-encoded, slashes kept). */
function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function physical(loc: Location, snippet?: string): Json {
  const reg = region(loc);
  if (snippet !== undefined) reg.snippet = { text: snippet };
  return { artifactLocation: { uri: fileUri(loc.file), uriBaseId: '%SRCROOT%' }, region: reg };
}

/** `no-hardcoded-key` → `NoHardcodedKey`: SARIF's `name` is meant to be an identifier. */
function pascal(id: string): string {
  const stem = id.includes('/') ? id.slice(id.indexOf('/') + 1) : id;
  return stem.replace(/(^|[-_/])([a-z0-9])/g, (_m, _s: string, c: string) => c.toUpperCase());
}

function ruleDescriptor(id: string, info: RuleInfo | undefined, severity: Severity, fallbackCategory: string): Json {
  const description = info?.description ?? id;
  const cwe = info?.cwe ?? [];
  const category = info?.category ?? fallbackCategory;
  const cweText = cwe.map((c) => `CWE-${c}`).join(', ');
  const helpUri = info?.helpUri;
  const text = [description, cweText ? `Weaknesses: ${cweText}.` : '', helpUri ? `Documentation: ${helpUri}` : '']
    .filter(Boolean)
    .join('\n');
  const markdown = [
    `**${description}**`,
    `Category: \`${category}\``,
    cwe.length > 0
      ? `Weaknesses: ${cwe.map((c) => `[CWE-${c}](https://cwe.mitre.org/data/definitions/${c}.html)`).join(', ')}`
      : '',
    helpUri ? `See the [rule documentation](${helpUri}).` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  const d: Json = {
    id,
    name: pascal(id),
    shortDescription: { text: description },
    fullDescription: { text: description },
    help: { text, markdown },
    defaultConfiguration: { level: LEVEL[severity] },
    properties: {
      tags: ['security', category, ...cwe.map((c) => `external/cwe/cwe-${c}`)],
      precision: 'high',
      'security-severity': SECURITY_SEVERITY[severity],
      'problem.severity': LEVEL[severity] === 'note' ? 'recommendation' : LEVEL[severity],
    },
  };
  if (helpUri) d.helpUri = helpUri;
  return d;
}

function resultOf(f: Finding, ruleIndex: number, now: Date): Json {
  const frameLine = f.snippet ? f.snippet.lines[f.location.line - f.snippet.startLine] : undefined;
  const r: Json = {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: physical(f.location, frameLine) }],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    ...(f.evidence ? { rank: EVIDENCE_RANK[f.evidence] } : {}),
    properties: {
      ...(f.evidence ? { evidence: f.evidence } : {}),
      category: f.category,
      severity: f.severity,
      origin: f.origin,
      'security-severity': SECURITY_SEVERITY[f.severity],
      ...(f.secret
        ? {
            secret: {
              redacted: f.secret.redacted,
              fingerprint: f.secret.fingerprint,
              ...(f.secret.formatId ? { formatId: f.secret.formatId } : {}),
            },
          }
        : {}),
      ...(f.commit ? { commit: f.commit } : {}),
      ...(f.fixture ? { fixture: f.fixture } : {}),
    },
  };
  if (f.path && f.path.length > 0) {
    r.codeFlows = [
      {
        message: {
          text:
            `${f.path.length} step${f.path.length === 1 ? '' : 's'} from where the value is made to where ` +
            `it is used`,
        },
        threadFlows: [
          {
            locations: f.path.map((step, i) => ({
              location: { physicalLocation: physical(step), message: { text: step.note } },
              nestingLevel: 0,
              executionOrder: i + 1,
            })),
          },
        ],
      },
    ];
    r.relatedLocations = f.path.map((step, i) => ({
      id: i + 1,
      physicalLocation: physical(step),
      message: { text: step.note },
    }));
  }
  if (f.occurrences && f.occurrences.length > 0) {
    // The other places of the same secret (docs/audit.md, "One finding per secret"), after any path steps.
    const first = (r.relatedLocations as Json[] | undefined)?.length ?? 0;
    const same = f.occurrences.map((o, i) => ({
      id: first + i + 1,
      physicalLocation: physical(o),
      message: { text: `same value${o.fixture ? ` (${o.fixture})` : ''}` },
      properties: { fingerprint: o.fingerprint, ...(o.fixture ? { fixture: o.fixture } : {}) },
    }));
    r.relatedLocations = [...((r.relatedLocations as Json[] | undefined) ?? []), ...same];
  }
  if (f.suppression) {
    const held = isSuppressed(f, now);
    const s: Json = {
      kind: f.suppression.kind === 'inline' ? 'inSource' : 'external',
      // An expired baseline entry is kept for the record but is no longer accepted.
      status: held ? 'accepted' : 'rejected',
    };
    if (f.suppression.reason) s.justification = f.suppression.reason;
    if (f.suppression.expires) s.properties = { expires: f.suppression.expires };
    r.suppressions = [s];
  }
  return r;
}

/** The SARIF log as an object (the merge command works on this form). */
export function toSarif(input: AuditResult, rules: ReadonlyMap<string, RuleInfo>, now = new Date()): Json {
  const result = normaliseResult(input);
  const { findings } = result;
  // The worst severity seen for a rule sets its default level and security-severity.
  const worst = new Map<string, Finding>();
  for (const f of findings) {
    const w = worst.get(f.ruleId);
    if (!w || severityRank(f.severity) < severityRank(w.severity)) worst.set(f.ruleId, f);
  }
  const ids = [...new Set([...rules.keys(), ...worst.keys()])].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const descriptors = ids.map((id) =>
    ruleDescriptor(id, rules.get(id), worst.get(id)?.severity ?? 'high', worst.get(id)?.category ?? 'hardcoded-key'),
  );

  const started = new Date(result.startedAt);
  const ended = Number.isNaN(started.getTime()) ? undefined : new Date(started.getTime() + result.durationMs);
  const invocation: Json = {
    executionSuccessful: !result.skipped.some((s) => s.reason === 'internal-error'),
    toolExecutionNotifications: result.skipped.map((s) => ({
      level: s.reason === 'internal-error' ? 'error' : 'warning',
      descriptor: { id: `skipped/${s.reason}` },
      message: { text: `Not scanned (${s.reason})${s.detail ? `: ${s.detail}` : ''}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(s.file), uriBaseId: '%SRCROOT%' } } }],
    })),
    properties: {
      partial: result.partial,
      files: result.stats.files,
      lines: result.stats.lines,
      ...(result.shard ? { shard: result.shard } : {}),
      ...(result.withheld ? { withheld: result.withheld } : {}),
    },
  };
  const withheld = withheldLine(result);
  if (withheld)
    (invocation.toolExecutionNotifications as Json[]).push({
      level: 'note',
      descriptor: { id: 'policy/fixtures-withheld' },
      message: { text: withheld },
    });
  if (ended) {
    invocation.startTimeUtc = started.toISOString();
    invocation.endTimeUtc = ended.toISOString();
  }
  const rootUri = `file://${result.root.split('/').map(encodeURIComponent).join('/').replace(/\/?$/, '/')}`;
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'keyhygiene',
            version: result.tool.version,
            semanticVersion: result.tool.version,
            informationUri: INFORMATION_URI,
            rules: descriptors,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: rootUri } },
        invocations: [invocation],
        results: findings.map((f) => resultOf(f, index.get(f.ruleId) ?? 0, now)),
        columnKind: 'utf16CodeUnits',
        properties: {
          schemaVersion: result.schemaVersion,
          ...(result.shard ? { shard: result.shard } : {}),
          ...(result.fingerprints ? { fingerprints: result.fingerprints } : {}),
        },
      },
    ],
  };
}

/**
 * Merges SARIF logs from shards into one log with one keyhygiene run: rules are united by id, each
 * result's `ruleIndex` is re-pointed, and the invocations are kept side by side. Runs of other tools
 * are kept as they are.
 */
export function mergeSarif(logs: readonly Json[]): Json {
  const rules = new Map<string, Json>();
  const results: Json[] = [];
  const invocations: Json[] = [];
  const others: Json[] = [];
  let first: Json | undefined;
  for (const log of logs) {
    for (const run of (log.runs as Json[] | undefined) ?? []) {
      const driver = (run.tool as Json | undefined)?.driver as Json | undefined;
      if (driver?.name !== 'keyhygiene') {
        others.push(run);
        continue;
      }
      first ??= run;
      const runRules = (driver.rules as Json[] | undefined) ?? [];
      for (const rule of runRules) if (!rules.has(rule.id as string)) rules.set(rule.id as string, rule);
      for (const r of (run.results as Json[] | undefined) ?? []) results.push({ ...r });
      invocations.push(...((run.invocations as Json[] | undefined) ?? []));
    }
  }
  if (!first) return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: others };
  const ids = [...rules.keys()].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  for (const r of results) {
    const i = index.get(r.ruleId as string);
    if (i === undefined) delete r.ruleIndex;
    else r.ruleIndex = i;
  }
  const fp = (r: Json): string =>
    ((r.partialFingerprints as Json | undefined)?.[FINGERPRINT_KEY] as string | undefined) ?? '';
  // Shards do not overlap, but merging the same shard twice must not double the results.
  const seen = new Set<string>();
  const unique = results.filter((r) => {
    const k = `${String(r.ruleId)}\u0000${fp(r)}\u0000${JSON.stringify(r.locations)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const driver = (first.tool as Json).driver as Json;
  const { shard: _shard, ...firstProps } = (first.properties as Json | undefined) ?? {};
  const merged: Json = {
    ...first,
    tool: { ...(first.tool as Json), driver: { ...driver, rules: ids.map((id) => rules.get(id)) } },
    invocations,
    results: unique,
    properties: firstProps,
  };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [merged, ...others] };
}

export const sarifReporter: Reporter = {
  name: 'sarif',
  render(result, rules) {
    return `${JSON.stringify(toSarif(result, rules), null, 2)}\n`;
  },
};
