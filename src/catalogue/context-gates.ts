/**
 * Precompiled forms of the credential formats that need context (`CredentialFormat.context`), so that a search
 * without a name (`findCredentials` over a whole file) runs a format's pattern only near its context, with the
 * same matches. Derived from the catalogue at first use; nothing here is hand-written data.
 *
 * Why it is exact: with no name, a match of such a format at offset `p` is kept only when its context matches in
 * the 60 characters before `p` (a published example aside, which `PublishedExample.contextFormats` rules out).
 *  - `looseContext`: the context without its assertions matches wherever the context does, so every kept match
 *    starts within 60 characters after a start of the loose context in the whole text.
 *  - `matchAlphabet`: the characters a match can consume. A character outside it cannot be inside any match, so
 *    a search started just after one finds the same matches from there on as a search started anywhere before.
 */
import type { CredentialFormat } from './types.js';

/** How far before a match its context may start (`findCredentials` looks 60 characters back). */
const CONTEXT_REACH = 60;

/**
 * `context` without its assertions (`^`, `$`, `\b`, `\B` outside a character class): it matches wherever the
 * original does, so where it matches nowhere in a text, the original matches in no part of that text.
 * Undefined for a context it cannot loosen that way (a lookaround, a back reference, a stateful flag).
 */
export function looseContext(context: RegExp): RegExp | undefined {
  const src = context.source;
  if (/\(\?[=!<]|\\[1-9k]/.test(src) || /[gyv]/.test(context.flags)) return undefined;
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') {
      const next = src[i + 1] ?? '';
      if (inClass || (next !== 'b' && next !== 'B')) out += c + next;
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c !== '^' && c !== '$') out += c;
  }
  return new RegExp(out, context.flags);
}

const range = (set: Uint8Array, from: number, to: number): void => {
  for (let c = from; c <= to; c++) set[c] = 1;
};
const WORD = (set: Uint8Array): void => {
  range(set, 48, 57);
  range(set, 65, 90);
  range(set, 97, 122);
  set[95] = 1;
};
const ESCAPES: Readonly<Record<string, number>> = { n: 10, r: 13, t: 9, f: 12, v: 11, '0': 0 };

/**
 * One escaped character at `src[i]` (after the backslash): its code, or `word`/`digit` for a class, or
 * undefined for anything this reader does not take (a negated or Unicode class, a back reference, `\c`).
 */
function escaped(src: string, i: number): { code?: number; cls?: 'word' | 'digit'; len: number } | undefined {
  const e = src[i];
  if (e === undefined) return undefined;
  if (e === 'd') return { cls: 'digit', len: 1 };
  if (e === 'w') return { cls: 'word', len: 1 };
  if (e in ESCAPES && !(e === '0' && /[0-9]/.test(src[i + 1] ?? ''))) return { code: ESCAPES[e]!, len: 1 };
  if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(src.slice(i + 1, i + 3)))
    return { code: parseInt(src.slice(i + 1, i + 3), 16), len: 3 };
  if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 1, i + 5)))
    return { code: parseInt(src.slice(i + 1, i + 5), 16), len: 5 };
  if (/[A-Za-z0-9]/.test(e)) return undefined;
  return { code: e.charCodeAt(0), len: 1 };
}

/** The index of the `)` that closes the group opening at `source[open]` (escapes and classes read as such). */
export function groupEnd(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  let j = open;
  for (; j < source.length; j++) {
    const c = source[j];
    if (c === '\\') j++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) break;
  }
  return j;
}

/**
 * The ASCII characters a match of `pattern` can consume (index = char code, 1 = may), or undefined when that is
 * not plain from its source: a `.`, a negated or Unicode class, a lookaround inside the match, a back reference,
 * a non-ASCII character, or the `u`/`v` flags (whose case folding maps other characters onto ASCII letters).
 * Top-level lookarounds and `\b` consume nothing and are left out.
 */
export function matchAlphabet(pattern: RegExp): Uint8Array | undefined {
  if (/[uv]/.test(pattern.flags)) return undefined;
  const src = pattern.source;
  const set = new Uint8Array(128);
  const add = (code: number): boolean => {
    if (code >= 128) return false;
    set[code] = 1;
    return true;
  };
  let depth = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '(') {
      const look = /^\(\?<?[=!]/.exec(src.slice(i));
      if (look && depth === 0) {
        // A top-level lookaround: skip it whole.
        i = groupEnd(src, i);
        continue;
      }
      if (look) return undefined;
      depth++;
      if (src.startsWith('(?:', i)) i += 2;
      else if (src[i + 1] === '?') return undefined;
    } else if (c === ')') depth--;
    else if (c === '|' || c === '*' || c === '+' || c === '?' || c === '^' || c === '$') continue;
    else if (c === '{' && /^\{\d+(?:,\d*)?\}/.test(src.slice(i))) i = src.indexOf('}', i);
    else if (c === '.') return undefined;
    else if (c === '\\') {
      if (src[i + 1] === 'b' || src[i + 1] === 'B') {
        i++;
        continue;
      }
      const e = escaped(src, i + 1);
      if (!e) return undefined;
      if (e.cls === 'word') WORD(set);
      else if (e.cls === 'digit') range(set, 48, 57);
      else if (!add(e.code!)) return undefined;
      i += e.len;
    } else if (c === '[') {
      if (src[i + 1] === '^') return undefined;
      let j = i + 1;
      let prev: number | undefined;
      for (; j < src.length && src[j] !== ']'; j++) {
        let code: number;
        if (src[j] === '\\') {
          const e = escaped(src, j + 1);
          if (!e) return undefined;
          j += e.len;
          if (e.cls === 'word') WORD(set);
          else if (e.cls === 'digit') range(set, 48, 57);
          if (e.cls) {
            prev = undefined;
            continue;
          }
          code = e.code!;
        } else if (src[j] === '-' && prev !== undefined && src[j + 1] !== ']') {
          const to = src[j + 1] === '\\' ? escaped(src, j + 2) : { code: src.charCodeAt(j + 1), len: 0 };
          if (!to || to.code === undefined || to.code >= 128) return undefined;
          range(set, prev, to.code);
          j += 1 + (src[j + 1] === '\\' ? to.len : 0);
          prev = undefined;
          continue;
        } else code = src.charCodeAt(j);
        if (!add(code)) return undefined;
        prev = code;
      }
      if (j >= src.length) return undefined;
      i = j;
    } else if (!add(c.charCodeAt(0))) return undefined;
  }
  if (pattern.flags.includes('i')) {
    for (let c = 65; c <= 90; c++) if (set[c] || set[c + 32]) set[c] = set[c + 32] = 1;
  }
  return set;
}

/** What lets `findCredentials` run a context format's pattern only near its context. */
export interface ContextGate {
  /** The loose context, global: its starts mark where matches may be kept. */
  readonly loose: RegExp;
  /** 1 for each ASCII character a match can consume; every other character is a barrier. */
  readonly alphabet: Uint8Array;
  /** The format's pattern, sticky and not global: one attempt at one start (see `windowedSearch`). */
  readonly sticky: RegExp;
}

/** The gate of a format, or undefined when its pattern must run over the whole text. */
export function contextGateOf(format: CredentialFormat, publishable: ReadonlySet<string>): ContextGate | undefined {
  if (!format.context || publishable.has(format.id)) return undefined;
  const loose = looseContext(format.context);
  const alphabet = matchAlphabet(format.pattern);
  if (!loose || !alphabet) return undefined;
  const sticky = new RegExp(format.pattern.source, `${format.pattern.flags.replace('g', '')}y`);
  return { loose: new RegExp(loose.source, `${loose.flags}g`), alphabet, sticky };
}

/**
 * The offsets where a kept match of the gated format may start, as merged `[from, to]` pairs (inclusive), in
 * order: `CONTEXT_REACH` characters after each start of the loose context. Empty when the context occurs nowhere.
 */
export function contextWindows(gate: ContextGate, text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = gate.loose;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const last = out[out.length - 1];
    if (last && m.index <= last[1] + 1) last[1] = m.index + CONTEXT_REACH;
    else out.push([m.index, m.index + CONTEXT_REACH]);
    // Every start counts, overlapping ones too.
    re.lastIndex = m.index + 1;
  }
  return out;
}

/**
 * Where a search for `gate`'s pattern may start so as to find every match that starts at `at` or later, no earlier
 * than `floor` (where the search stands now): just after the nearest character before `at` that no match can hold.
 */
function resumeAt(gate: ContextGate, text: string, at: number, floor: number): number {
  let s = at;
  while (s > floor) {
    const c = text.charCodeAt(s - 1);
    if (c >= 128 || gate.alphabet[c] === 0) return s;
    s--;
  }
  return floor;
}

/**
 * Starts tried one by one in a window (from the barrier before it to its end) before the search runs the global
 * pattern from there instead: a window is `CONTEXT_REACH` long, but the stretch before it back to a barrier may not be.
 */
const MAX_WINDOW_STARTS = 256;

/**
 * The matches of a gated format's global `re` over `text` that start inside `windows`, in order: the same ones a
 * search over the whole text finds there. Between windows the search jumps ahead, but only to just after a
 * character no match can hold, so it stays in step with the whole-text search. Inside a window (and the stretch
 * before it back to that character) each start is tried with the sticky pattern, so a window without a match costs
 * its own length, not a search to the next match in the text; a stretch longer than `MAX_WINDOW_STARTS` is searched
 * with the global pattern.
 */
export function windowedSearch(
  gate: ContextGate,
  windows: ReadonlyArray<readonly [number, number]>,
  re: RegExp,
  text: string,
): () => RegExpExecArray | null {
  let w = 0;
  return () => {
    while (w < windows.length) {
      const [from, to] = windows[w]!;
      if (re.lastIndex < from) re.lastIndex = resumeAt(gate, text, from, re.lastIndex);
      if (re.lastIndex > to) {
        w++;
        continue;
      }
      if (to - re.lastIndex < MAX_WINDOW_STARTS) {
        // The first match at or after `re.lastIndex` that starts by `to`, as the whole-text search would find it.
        let m: RegExpExecArray | null = null;
        for (let s = re.lastIndex; s <= to && !m; s++) {
          gate.sticky.lastIndex = s;
          m = gate.sticky.exec(text);
        }
        if (!m) {
          // No match starts in the stretch: the whole-text search would go on past `to`.
          re.lastIndex = to + 1;
          w++;
          continue;
        }
        re.lastIndex = m.index + m[0].length;
        // An empty match goes back as it is: the caller steps past it, as it does without windows.
        if (m[0].length === 0 || m.index >= from) return m;
        continue;
      }
      const m = re.exec(text);
      // An empty match goes back as it is: the caller steps past it, as it does without windows.
      if (!m || m[0].length === 0) return m;
      if (m.index < from) continue;
      if (m.index <= to) return m;
      while (w < windows.length && windows[w]![1] < m.index) w++;
      if (w < windows.length && m.index >= windows[w]![0]) return m;
    }
    return null;
  };
}
