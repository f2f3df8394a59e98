/**
 * Shared pieces of the scanner pipeline: the per-file result, line maps, fingerprints and scrubbing.
 * Nothing here may let a secret through: every text that leaves the scanner goes through `scrub`.
 */
import { findCredentials, looksRandom, redact, redactIn } from '../detect/index.js';
import type { Finding, InventoryItem, SkippedFile } from '../report/types.js';
import type { CallMatch } from '../catalogue/iac.js';
import { escapeRegExp } from '../rule-kit/regexp.js';
import { shapeMatcher, type CalleePath } from '../rule-kit/sinks.js';
import type { ModuleSummary } from './detect/module-summary.js';
import type { SourceSpan } from '../rule-kit/flow/summary.js';
import { findingIdScheme, textId } from './fingerprints.js';

/** What the analysis of one file (or one history blob) produces. Cached on disk, so it holds no secret. */
export interface FileResult {
  readonly findings: Finding[];
  readonly inventory: InventoryItem[];
  readonly skipped: SkippedFile[];
  readonly lines: number;
  readonly bytes: number;
  /** A JS/TS file's module summary (what crosses module boundaries), for the cross-file step. */
  readonly summary?: ModuleSummary;
  /**
   * For the cross-file step: the signing calls (file and span) whose require-key-rotation findings it withdraws,
   * their key being drawn per start by another module.
   */
  readonly withdrawn?: ReadonlyArray<{ readonly file: string; readonly span: SourceSpan }>;
  /** For a cached history scan: the blobs it read. */
  readonly blobs?: number;
}

export const emptyResult = (bytes = 0, lines = 0): FileResult => ({
  findings: [],
  inventory: [],
  skipped: [],
  lines,
  bytes,
});

/** Offsets of line starts, for offset → (line, column). */
export class LineMap {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  get count(): number {
    return this.starts.length;
  }
  /** 1-based line and column of a 0-based offset. */
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
  /** The text of 1-based line `n`, without its line break. */
  line(n: number): string {
    const s = this.starts[n - 1];
    if (s === undefined) return '';
    const e = this.starts[n] ?? this.text.length + 1;
    return this.text.slice(s, e - 1).replace(/\r$/, '');
  }
}

/** A quoted or assigned token that looks generated: redacted in snippets even when no detector claimed it. */
const TOKEN = /["'`]([^"'`\s]{16,512})["'`]|[=:]\s*([^\s"'`,;]{16,512})/g;

/**
 * Makes a line safe to show: known secrets, credential formats and random-looking quoted tokens are
 * replaced by their redacted form. Lines are cut at 240 characters.
 */
export function scrub(line: string, secrets: readonly string[] = []): string {
  // A multi-line secret (a PEM block) shows up one line at a time: redact each of its lines too.
  const pieces = secrets.flatMap((s) =>
    /\n|\\n/.test(s) ? [s, ...s.split(/\r?\n|\\n/).filter((p) => p.length >= 8 && !/^-----/.test(p))] : [s],
  );
  let out = redactIn(line.length > 2000 ? line.slice(0, 2000) : line, pieces);
  // A bare run of base64 (a key body line) is never shown.
  out = out.replace(/(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{40,}={0,2}(?![A-Za-z0-9+/=])/g, (m) =>
    looksRandom(m) ? redact(m) : m,
  );
  for (const m of findCredentials(out)) out = out.split(m.secret).join(redact(m.secret));
  out = out.replace(TOKEN, (all, q?: string, a?: string) => {
    const t = q ?? a ?? '';
    return looksRandom(t) && !t.includes('…') ? all.replace(t, redact(t)) : all;
  });
  return out.length > 240 ? `${out.slice(0, 239)}…` : out;
}

/** Up to three lines around `line`, scrubbed. */
export function snippetOf(
  map: LineMap,
  line: number,
  secrets: readonly string[],
): { startLine: number; lines: string[] } {
  const start = Math.max(1, line - 1);
  const end = Math.min(map.count, line + 1);
  const lines: string[] = [];
  for (let n = start; n <= end; n++) lines.push(scrub(map.line(n), secrets));
  return { startLine: start, lines };
}

/** Whitespace-insensitive form of matched source text, so a reformat does not change a fingerprint. */
const normaliseMatch = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * A finding's id in the old numbering (baseline format 2, and keyhygiene 0.1 with its own hash): rule, path and
 * the normalised match, and `occurrence` > 0 for the n-th equal match of one file. Only the one-time reading of
 * an old baseline makes these (`fileFingerprints` under the `occurrence` scheme); and findings that are one of a
 * kind per file by construction (history, keystores, cross-file chains) keep this form with no number.
 */
export function findingFingerprint(ruleId: string, file: string, match: string, occurrence = 0): string {
  return textId(`${ruleId}\0${file}\0${normaliseMatch(match)}${occurrence > 0 ? `\0${occurrence}` : ''}`).slice(0, 32);
}

/** What a finding's id is made of (`fileFingerprints`). */
export interface IdParts {
  readonly ruleId: string;
  readonly match: string;
  /**
   * Where the match sits, structurally: the enclosing declarations and the construct kind for code, the key path
   * for a config file. Never a line number. Empty when nothing encloses it.
   */
  readonly anchor: string;
  /** Finer context, asked for only when two findings share rule, match and anchor (the enclosing statement). */
  readonly context?: () => string;
}

/**
 * The ids of one file's findings, in the order given (file order). Under the `anchor` scheme (docs/audit.md,
 * "Finding ids") an id is a keyed hash of rule, path, normalised match and anchor, in three tiers:
 *  1. the only finding with its rule, match and anchor: those alone;
 *  2. one of several: with its context too (the enclosing statement), when that sets it apart;
 *  3. still one of several equal ones: with its number among them.
 * Each tier hashes a different tag, so an id of one tier never equals an id of another. A finding that loses its
 * twin moves to tier 1 and gets a new id: reported anew, never taking the id its twin had.
 */
export function fileFingerprints(file: string, parts: readonly IdParts[]): string[] {
  if (findingIdScheme() === 'occurrence') {
    const counts = new Map<string, number>();
    return parts.map((p) => {
      const k = `${p.ruleId}\0${p.match}`;
      const n = counts.get(k) ?? 0;
      counts.set(k, n + 1);
      return findingFingerprint(p.ruleId, file, p.match, n);
    });
  }
  const base = parts.map((p) => `kh-anchor\0${p.ruleId}\0${file}\0${normaliseMatch(p.match)}\0${p.anchor}`);
  const groups = new Map<string, number[]>();
  base.forEach((b, i) => groups.set(b, [...(groups.get(b) ?? []), i]));
  const ids = new Array<string>(parts.length);
  for (const [b, members] of groups) {
    if (members.length === 1) {
      ids[members[0]!] = textId(b).slice(0, 32);
      continue;
    }
    const byContext = new Map<string, number[]>();
    for (const i of members) {
      const c = normaliseMatch(parts[i]!.context?.() ?? '');
      byContext.set(c, [...(byContext.get(c) ?? []), i]);
    }
    for (const [c, same] of byContext) {
      same.forEach((i, n) => {
        ids[i] = textId(same.length === 1 ? `${b}\0ctx\0${c}` : `${b}\0ctx\0${c}\0#${n}`).slice(0, 32);
      });
    }
  }
  return ids;
}

/** Gives repeated fingerprints within one list an occurrence suffix, in order. */
export function uniqueFingerprints(findings: Finding[]): Finding[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const n = seen.get(f.fingerprint) ?? 0;
    seen.set(f.fingerprint, n + 1);
    return n === 0 ? f : { ...f, fingerprint: textId(`${f.fingerprint}\0${n}`).slice(0, 32) };
  });
}

/**
 * A keyword prefilter: whether a text contains any of `words` (literal strings). One compiled regular
 * expression scans the text once, where `words.some((w) => text.includes(w))` scans it once per word.
 * An empty word matches every text.
 */
export function containsAny(words: readonly string[]): (text: string) => boolean {
  const re = new RegExp(words.map(escapeRegExp).join('|'));
  return words.length === 0 ? () => false : (text) => re.test(text);
}

/** POSIX form of a relative path. */
export const posix = (p: string): string => p.split('\\').join('/');

/** A short, safe detail string (errors from parsers and git may quote input). */
export function safeDetail(text: string): string {
  return scrub(text.split('\n')[0] ?? '').slice(0, 200);
}

/** Compiled matchers per catalogue match list (built once: compiling a glob per call costs more than the call). */
const compiledMatches = new WeakMap<readonly CallMatch[], ReadonlyArray<(cp: CalleePath) => boolean>>();
/** Whether any of a catalogue entry's call matches describes the call with canonical path `cp`. */
export function matchesAny(matches: readonly CallMatch[], cp: CalleePath): boolean {
  let ms = compiledMatches.get(matches);
  if (!ms) {
    ms = matches.map((m) =>
      shapeMatcher({ modules: m.modules, ...(m.receivers ? { receivers: m.receivers } : {}) }, [m.callee]),
    );
    compiledMatches.set(matches, ms);
  }
  return ms.some((f) => f(cp));
}
