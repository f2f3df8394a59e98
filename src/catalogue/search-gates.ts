/**
 * Gated searches for credential formats, so that a search over a whole file tries only the offsets where a match can
 * start, with the same matches. Derived from each pattern's source at first use; nothing here is hand-written data.
 *
 * - Anchor gates: every match holds a fixed text a bounded distance from its start
 *   (`[A-Za-z][A-Za-z0-9+.-]{1,30}:\/\/…`: `://` is 2 to 31 characters in). Only the starts within reach of an
 *   occurrence of that text, found with `indexOf`, are tried.
 * - Run gates: every match consumes only characters of a known alphabet (`matchAlphabet`), at least `min` of them
 *   (`(?<![A-Za-z0-9/+])([A-Za-z0-9/+]{40})…`). Only the starts inside a run of at least `min` such characters are
 *   tried: prose and markup have few.
 *
 * Why it is exact: a global search from offset `f` returns the match that a sticky search finds at the smallest start
 * `s >= f` where one exists. Both gates list every start where a match can exist (a match at `s` holds the anchor at
 * some `s + d` with `min <= d <= max`; a match lies inside one run of its alphabet and is at least `min` long), so
 * trying those starts in order with a sticky copy of the pattern finds the same matches, in the same order, with the
 * same groups (the pattern's lookarounds still read the text around a start).
 */
import type { CredentialFormat } from './types.js';
import { groupEnd, matchAlphabet } from './context-gates.js';

type Width = readonly [min: number, max: number];

/** A top-level item of a pattern: what it may consume, and its character when it is one plain character. */
interface Item {
  readonly width: Width;
  readonly literal?: string;
}

const CONTROL_ESCAPES: Readonly<Record<string, string>> = { t: '\t', r: '\r', n: '\n', v: '\v', f: '\f' };

/** The index of the `]` that closes the class opening at `src[open]`, or -1. */
function classEnd(src: string, open: number): number {
  for (let j = src[open + 1] === '^' ? open + 2 : open + 1; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === ']') return j;
  }
  return -1;
}

/**
 * The atom at `src[i]`: its width, where it ends (before any quantifier) and its character when it is a plain one;
 * undefined for what this reader does not take (a back reference, `\p`, an unknown group kind, a stray quantifier).
 */
function atomAt(src: string, i: number): (Item & { readonly end: number }) | undefined {
  const c = src[i]!;
  if (c === '(') {
    const close = groupEnd(src, i);
    if (close >= src.length) return undefined;
    if (/^\(\?<?[=!]/.test(src.slice(i, i + 4))) return { width: [0, 0], end: close + 1 };
    let inner = i + 1;
    if (src.startsWith('(?:', i)) inner = i + 3;
    else if (src[i + 1] === '?') {
      const named = /^\(\?<[A-Za-z_$][\w$]*>/.exec(src.slice(i, i + 64));
      if (!named) return undefined;
      inner = i + named[0].length;
    }
    const width = alternativesWidth(src, inner, close);
    return width && { width, end: close + 1 };
  }
  if (c === '[') {
    const close = classEnd(src, i);
    return close < 0 ? undefined : { width: [1, 1], end: close + 1 };
  }
  if (c === '\\') {
    const e = src[i + 1];
    if (e === undefined) return undefined;
    if (e === 'b' || e === 'B') return { width: [0, 0], end: i + 2 };
    if (e === 'x' || e === 'u') {
      const digits = e === 'x' ? 2 : 4;
      const hex = src.slice(i + 2, i + 2 + digits);
      if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) return undefined;
      return { width: [1, 1], end: i + 2 + digits, literal: String.fromCharCode(parseInt(hex, 16)) };
    }
    if (e === 'c') return /[A-Za-z]/.test(src[i + 2] ?? '') ? { width: [1, 1], end: i + 3 } : undefined;
    if (e in CONTROL_ESCAPES) return { width: [1, 1], end: i + 2, literal: CONTROL_ESCAPES[e]! };
    if (/[dDwWsS]/.test(e)) return { width: [1, 1], end: i + 2 };
    // Back references (`\1`, `\k<a>`), `\0`, `\p{…}` and letter escapes this reader does not know.
    if (/[A-Za-z0-9]/.test(e)) return undefined;
    return { width: [1, 1], end: i + 2, literal: e };
  }
  if (c === '^' || c === '$') return { width: [0, 0], end: i + 1 };
  if (c === ')' || c === '|' || c === '*' || c === '+' || c === '?' || c === ']') return undefined;
  if (c === '{' && /^\{\d+(?:,\d*)?\}/.test(src.slice(i))) return undefined;
  if (c === '.') return { width: [1, 1], end: i + 1 };
  return { width: [1, 1], end: i + 1, literal: c };
}

/** The quantifier at `src[i]` (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each possibly lazy), or undefined. */
function quantifierAt(src: string, i: number): { readonly min: number; readonly max: number; readonly end: number } {
  const c = src[i];
  let q: { min: number; max: number; end: number } | undefined;
  if (c === '*') q = { min: 0, max: Infinity, end: i + 1 };
  else if (c === '+') q = { min: 1, max: Infinity, end: i + 1 };
  else if (c === '?') q = { min: 0, max: 1, end: i + 1 };
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i, i + 32));
    if (m) {
      const min = Number(m[1]);
      q = { min, max: m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]), end: i + m[0].length };
    }
  }
  if (!q) return { min: 1, max: 1, end: i };
  if (src[q.end] === '?') q.end++;
  return q;
}

/** The items of one alternative, `src[from, to)`, quantifiers applied; undefined when an atom is not read. */
function items(src: string, from: number, to: number): Item[] | undefined {
  const out: Item[] = [];
  for (let i = from; i < to;) {
    const a = atomAt(src, i);
    if (!a) return undefined;
    const q = quantifierAt(src, a.end);
    const quantified = q.end !== a.end;
    // A zero-width atom stays zero-width however often it is repeated (0 × Infinity is not a width).
    const width: Width = a.width[1] === 0 ? [0, 0] : [a.width[0] * q.min, a.width[1] * q.max];
    out.push(quantified || a.literal === undefined ? { width } : { width, literal: a.literal });
    i = q.end;
  }
  return out;
}

/** `[from, to)` split at its top-level `|`. */
function alternatives(src: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = from;
  let depth = 0;
  let inClass = false;
  for (let j = from; j < to; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push([start, j]);
      start = j + 1;
    }
  }
  out.push([start, to]);
  return out;
}

/** The least and greatest number of characters `src[from, to)` can consume, or undefined when not read. */
function alternativesWidth(src: string, from: number, to: number): Width | undefined {
  let min = Infinity;
  let max = 0;
  for (const [a, b] of alternatives(src, from, to)) {
    const seq = items(src, a, b);
    if (!seq) return undefined;
    let lo = 0;
    let hi = 0;
    for (const it of seq) {
      lo += it.width[0];
      hi += it.width[1];
    }
    min = Math.min(min, lo);
    max = Math.max(max, hi);
  }
  return [min, max];
}

/**
 * How many characters a match of `pattern` consumes at least and at most (`Infinity` when unbounded), or undefined
 * when that is not plain from its source (a back reference, a Unicode class, or the `u`/`v` flags, under which one
 * character may be two code units).
 */
export function patternWidth(pattern: RegExp): Width | undefined {
  if (/[uv]/.test(pattern.flags)) return undefined;
  return alternativesWidth(pattern.source, 0, pattern.source.length);
}

/** A fixed text every match holds, `min` to `max` characters after the match's start. */
export interface Anchor {
  readonly text: string;
  readonly min: number;
  readonly max: number;
}

/**
 * The longest run of plain characters at the top level of `pattern` (one alternative, no quantifier on them; no
 * letters under the `i` flag, which would match either case), with the range of its offset from a match's start;
 * undefined when there is none of at least two characters or what comes before it is unbounded.
 */
export function anchorOf(pattern: RegExp): Anchor | undefined {
  if (/[uv]/.test(pattern.flags)) return undefined;
  const src = pattern.source;
  if (alternatives(src, 0, src.length).length !== 1) return undefined;
  const seq = items(src, 0, src.length);
  if (!seq) return undefined;
  const plain = (it: Item): boolean =>
    it.literal !== undefined && !(pattern.flags.includes('i') && it.literal.toLowerCase() !== it.literal.toUpperCase());
  let best: Anchor | undefined;
  let min = 0;
  let max = 0;
  for (let k = 0; k < seq.length;) {
    if (!plain(seq[k]!)) {
      min += seq[k]!.width[0];
      max += seq[k]!.width[1];
      k++;
      continue;
    }
    let text = '';
    while (k < seq.length && plain(seq[k]!)) text += seq[k++]!.literal!;
    if (text.length >= 2 && max !== Infinity && (!best || text.length > best.text.length)) best = { text, min, max };
    min += text.length;
    max += text.length;
  }
  return best;
}

/** How far the anchor's offset may vary for a format to be gated (see `anchorGateOf`). */
const MAX_SPREAD = 64;

/** What lets `findCredentials` run a format's pattern only near its anchor. */
export interface AnchorGate extends Anchor {
  /** The pattern, sticky and not global: one attempt at one start. */
  readonly sticky: RegExp;
}

/**
 * The gate of a format, or undefined when its pattern runs over the whole text: a format with an anchor that does
 * not open its pattern (a pattern that opens with its text is already searched for that text by the engine) and
 * whose offset varies by at most `MAX_SPREAD` characters (each start in reach is one attempt).
 */
export function anchorGateOf(format: CredentialFormat): AnchorGate | undefined {
  const anchor = anchorOf(format.pattern);
  if (!anchor || anchor.min === 0 || anchor.max - anchor.min > MAX_SPREAD) return undefined;
  const flags = `${format.pattern.flags.replace('g', '')}y`;
  return { ...anchor, sticky: new RegExp(format.pattern.source, flags) };
}

/**
 * The matches of `gate`'s format in `text`, in order, as its global `re` finds them over the whole text. Each call
 * searches from `re.lastIndex` (the caller may step it past an empty match) and leaves `re.lastIndex` after the
 * match, as `re.exec` does.
 */
export function anchoredSearch(gate: AnchorGate, re: RegExp, text: string): () => RegExpExecArray | null {
  // Where a match may start: merged `[from, to]` ranges in order, one per occurrence of the anchor.
  const starts: Array<[number, number]> = [];
  for (let p = text.indexOf(gate.text); p !== -1; p = text.indexOf(gate.text, p + 1)) {
    const from = Math.max(0, p - gate.max);
    const to = p - gate.min;
    if (to < 0) continue;
    // Occurrences come in order, so `to` only grows: a range that reaches the last one extends it.
    const last = starts[starts.length - 1];
    if (last && from <= last[1] + 1) last[1] = to;
    else starts.push([from, to]);
  }
  return startByStart(gate.sticky, re, text, starts);
}

/**
 * A search that tries `sticky` (the format's pattern, sticky) at each start of `windows` (`[first, last]` starts,
 * in order), as the global `re` would find the matches over the whole text: each call resumes from `re.lastIndex`
 * and leaves it after the match (0 at the end), as `re.exec` does.
 */
function startByStart(
  sticky: RegExp,
  re: RegExp,
  text: string,
  windows: ReadonlyArray<readonly [number, number]>,
): () => RegExpExecArray | null {
  let w = 0;
  return () => {
    const floor = re.lastIndex;
    for (; w < windows.length; w++) {
      const [first, last] = windows[w]!;
      for (let s = Math.max(first, floor); s <= last; s++) {
        sticky.lastIndex = s;
        const m = sticky.exec(text);
        if (m) {
          re.lastIndex = sticky.lastIndex;
          return m;
        }
      }
    }
    re.lastIndex = 0;
    return null;
  };
}

/** What lets `findCredentials` run a format's pattern only inside runs of its alphabet. */
export interface RunGate {
  /** 1 for each ASCII character a match can consume (`matchAlphabet`). */
  readonly alphabet: Uint8Array;
  /** The alphabet as text: formats with the same alphabet share one `alphabetRuns` per text. */
  readonly key: string;
  /** The least number of characters a match consumes. */
  readonly min: number;
  readonly sticky: RegExp;
}

/**
 * Whether every match of `src[from, to)` (one alternative) opens with one plain character: its first atom that
 * consumes anything is a character, or a group of one alternative that opens so, and is not optional. The regex
 * engine searches for such a character itself; a pattern that opens with a class (`[A-Za-z0-9/+]{40}`) is tried at
 * every offset.
 */
function opensWithCharacter(src: string, from: number, to: number): boolean {
  for (let i = from; i < to;) {
    const a = atomAt(src, i);
    if (!a) return false;
    const q = quantifierAt(src, a.end);
    if (a.width[1] === 0) {
      i = q.end;
      continue;
    }
    if (q.min === 0) return false;
    if (a.literal !== undefined) return true;
    if (src[i] !== '(') return false;
    const inner = src.startsWith('(?:', i) ? i + 3 : src[i + 1] === '?' ? src.indexOf('>', i) + 1 : i + 1;
    const close = a.end - 1;
    return alternatives(src, inner, close).length === 1 && opensWithCharacter(src, inner, close);
  }
  return false;
}

/**
 * The run gate of a format, or undefined: a format with no anchor gate whose pattern does not open with a plain
 * character (see `opensWithCharacter`), whose alphabet is plain, and whose matches are at least `MIN_RUN` long.
 */
export function runGateOf(format: CredentialFormat): RunGate | undefined {
  return runGateAfterAnchor(format, anchorGateOf(format));
}

/** The search gate of a format: its anchor gate, else its run gate, else undefined (each read once). */
export function searchGateOf(format: CredentialFormat): AnchorGate | RunGate | undefined {
  const anchor = anchorGateOf(format);
  return anchor ?? runGateAfterAnchor(format, anchor);
}

/** `runGateOf`, given the format's anchor gate; the cheap refusals first (most formats have no plain alphabet). */
function runGateAfterAnchor(format: CredentialFormat, anchor: AnchorGate | undefined): RunGate | undefined {
  const src = format.pattern.source;
  if (/[uv]/.test(format.pattern.flags) || anchor) return undefined;
  const alphabet = matchAlphabet(format.pattern);
  if (!alphabet) return undefined;
  if (alternatives(src, 0, src.length).length === 1 && opensWithCharacter(src, 0, src.length)) return undefined;
  const width = patternWidth(format.pattern);
  if (!width || width[0] < MIN_RUN) return undefined;
  let key = '';
  for (let c = 0; c < 128; c++) if (alphabet[c] === 1) key += String.fromCharCode(c);
  const sticky = new RegExp(src, `${format.pattern.flags.replace('g', '')}y`);
  return { alphabet, key, min: width[0], sticky };
}

/** The least length a match must have for a format to be run-gated: shorter matches fit in too many runs. */
const MIN_RUN = 20;

/**
 * The runs of `alphabet` in `text` at least `MIN_RUN` long, as `[start, end)` pairs in order. With `within` (the runs
 * of an alphabet that holds this one), only those stretches are read: a run of a smaller alphabet lies inside a run
 * of the larger one, so one pass over the whole text for the union of several alphabets serves them all.
 */
export function alphabetRuns(
  alphabet: Uint8Array,
  text: string,
  within: ReadonlyArray<readonly [number, number]> = [[0, text.length]],
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [from, to] of within) runsIn(alphabet, text, from, to, MIN_RUN, out);
  return out;
}

/** Whether `text` has a run of `alphabet` at least `min` long (`min` ≥ 1): where a match of that shape could lie. */
export function hasRun(alphabet: Uint8Array, text: string, min: number): boolean {
  return runsIn(alphabet, text, 0, text.length, min, undefined);
}

/**
 * The runs of `alphabet` in `text[from, to)` at least `min` long, pushed to `out` in order; without `out`, whether
 * there is one (the first ends the scan). Every run that long holds one of any `min` consecutive offsets, so the scan
 * reads one character in `min` (a probe) and reads a run out both ways only from a probe that lands in it: a stretch
 * with few long runs costs a fraction of its length, and no run is missed.
 */
function runsIn(
  alphabet: Uint8Array,
  text: string,
  from: number,
  to: number,
  min: number,
  out: Array<[number, number]> | undefined,
): boolean {
  const inAlphabet = (i: number): boolean => {
    const c = text.charCodeAt(i);
    return c < 128 && alphabet[c] === 1;
  };
  // Nothing before `read` is read again: it is the stretch's start or the end of the last run read out.
  let read = from;
  for (let probe = from + min - 1; probe < to;) {
    if (!inAlphabet(probe)) {
      probe += min;
      continue;
    }
    let start = probe;
    while (start > read && inAlphabet(start - 1)) start--;
    let end = probe + 1;
    while (end < to && inAlphabet(end)) end++;
    if (end - start >= min) {
      if (!out) return true;
      out.push([start, end]);
    }
    // `end` is outside the alphabet (or the stretch's end): a run after it starts at `end + 1` or later.
    read = end;
    probe = end + min;
  }
  return false;
}

/** The union of several alphabets (for `alphabetRuns`'s `within`). */
export function unionAlphabet(alphabets: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(128);
  for (const a of alphabets) for (let c = 0; c < 128; c++) if (a[c] === 1) out[c] = 1;
  return out;
}

/**
 * Starts tried in one run before the gate gives way to the plain search: one attempt per start costs more than the
 * engine's own scan inside a long run (a base64 blob), so a text with such a run is searched whole.
 */
const MAX_RUN_STARTS = 256;

/**
 * The matches of `gate`'s format in `text`, in order, as its global `re` finds them over the whole text, given the
 * text's `alphabetRuns` for the gate's alphabet; undefined when a run is too long to try start by start (the caller
 * then searches the whole text). Resumes from `re.lastIndex` and leaves it as `re.exec` does.
 */
export function runSearch(
  gate: RunGate,
  runs: ReadonlyArray<readonly [number, number]>,
  re: RegExp,
  text: string,
): (() => RegExpExecArray | null) | undefined {
  const mine = runs.filter(([from, end]) => end - from >= gate.min);
  if (mine.some(([from, end]) => end - from - gate.min + 1 > MAX_RUN_STARTS)) return undefined;
  const windows = mine.map(([from, end]): [number, number] => [from, end - gate.min]);
  return startByStart(gate.sticky, re, text, windows);
}
