/**
 * The keyword prefilter: one Aho–Corasick automaton over the keywords of every credential format,
 * built once, that tells in a single pass over a text which formats may match it. A format's regex runs
 * only when one of its keywords occurs, so the cost of a scan grows with the text, not with the number
 * of formats. Pure: no I/O.
 *
 * Hand-written rather than a dependency: the automaton is small (ASCII keywords, case-insensitive), and
 * `test/detect/prefilter.test.ts` checks it against a naive `includes` scan with fast-check.
 */

/** Code units 0..127 have their own column; A-Z share the column of a-z (matching is case-insensitive). */
const ALPHABET = 128;

/** The keywords found in one text (`KeywordIndex.occurrences`). */
export interface KeywordOccurrences {
  /** The entries with a keyword in the text, as `candidates` gives them. */
  readonly candidates: Set<number>;
  /** Whether a keyword lies wholly inside `text.slice(start, end)`. */
  inside(start: number, end: number): boolean;
}

export interface KeywordIndex {
  /** Indexes (into the list the index was built from) of the entries with a keyword in `text`. */
  candidates(text: string): Set<number>;
  /** Whether any keyword of any entry occurs in `text`. */
  any(text: string): boolean;
  /**
   * `candidates(text)`, and where keywords occur in it, in the same pass: by the offset just after each place one
   * ends, the latest start of a keyword ending there. `inside(start, end)` answers whether
   * `candidates(text.slice(start, end))` would be non-empty, without scanning the stretch again.
   */
  occurrences(text: string): KeywordOccurrences;
  /** Number of automaton states (for tests and the bench). */
  readonly states: number;
}

/**
 * Builds the automaton.
 * @param keywordLists one list of keywords per entry; keywords are matched case-insensitively.
 * @throws RangeError when a keyword is empty or has a character outside ASCII (the automaton's alphabet).
 */
export function buildKeywordIndex(keywordLists: readonly (readonly string[])[]): KeywordIndex {
  // Trie: goto[state * ALPHABET + c] = next state, or -1.
  let gotoTable = new Int32Array(ALPHABET * 64).fill(-1);
  let count = 1;
  const outputs: number[][] = [[]];
  /** By state: the length of the keyword that ends there (0 for none); the trie's depth at a keyword's end. */
  const ownLength: number[] = [0];
  const fold = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);
  keywordLists.forEach((keywords, entry) => {
    for (const keyword of keywords) {
      if (keyword.length === 0) throw new RangeError(`keywordLists[${entry}] has an empty keyword`);
      let s = 0;
      for (let i = 0; i < keyword.length; i++) {
        const c = fold(keyword.charCodeAt(i));
        if (c >= ALPHABET) throw new RangeError(`keywordLists[${entry}] keyword is not ASCII`);
        let next = gotoTable[s * ALPHABET + c]!;
        if (next === -1) {
          if ((count + 1) * ALPHABET > gotoTable.length) {
            const grown = new Int32Array(gotoTable.length * 2).fill(-1);
            grown.set(gotoTable);
            gotoTable = grown;
          }
          next = count++;
          outputs.push([]);
          ownLength.push(0);
          gotoTable[s * ALPHABET + c] = next;
        }
        s = next;
      }
      if (!outputs[s]!.includes(entry)) outputs[s]!.push(entry);
      ownLength[s] = keyword.length;
    }
  });

  // Breadth-first: failure links, outputs merged along them, and the goto table completed into a DFA. `shortest`
  // is the shortest keyword ending at a state (its own or, through the failure links, a suffix's): the latest start.
  const fail = new Int32Array(count);
  const shortest = Int32Array.from(ownLength);
  const queue: number[] = [];
  for (let c = 0; c < ALPHABET; c++) {
    const next = gotoTable[c]!;
    if (next === -1) gotoTable[c] = 0;
    else {
      fail[next] = 0;
      queue.push(next);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head]!;
    const f = fail[s]!;
    for (const o of outputs[f]!) if (!outputs[s]!.includes(o)) outputs[s]!.push(o);
    if (shortest[f]! > 0 && (shortest[s] === 0 || shortest[f]! < shortest[s]!)) shortest[s] = shortest[f]!;
    for (let c = 0; c < ALPHABET; c++) {
      const next = gotoTable[s * ALPHABET + c]!;
      if (next === -1) gotoTable[s * ALPHABET + c] = gotoTable[f * ALPHABET + c]!;
      else {
        fail[next] = gotoTable[f * ALPHABET + c]!;
        queue.push(next);
      }
    }
  }
  // Upper-case letters move like lower-case ones.
  for (let s = 0; s < count; s++)
    for (let c = 65; c <= 90; c++) gotoTable[s * ALPHABET + c] = gotoTable[s * ALPHABET + c + 32]!;
  const table = gotoTable.slice(0, count * ALPHABET);
  const out = outputs.map((o) => (o.length > 0 ? Int32Array.from(o) : undefined));

  function scan(text: string, onEntry: (entry: number) => boolean): void {
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // A character outside the alphabet occurs in no keyword: back to the root.
      s = c < ALPHABET ? table[s * ALPHABET + c]! : 0;
      const o = out[s];
      if (o !== undefined) for (let k = 0; k < o.length; k++) if (onEntry(o[k]!)) return;
    }
  }

  return {
    states: count,
    candidates(text: string): Set<number> {
      // The scan written out (no callback): this runs once per scalar of every JSON and YAML file.
      const found = new Set<number>();
      let s = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        s = c < ALPHABET ? table[s * ALPHABET + c]! : 0;
        const o = out[s];
        if (o !== undefined) for (let k = 0; k < o.length; k++) found.add(o[k]!);
      }
      return found;
    },
    occurrences(text: string): KeywordOccurrences {
      // Pairs (end, latest start), in the order of their ends.
      const at: number[] = [];
      const found = new Set<number>();
      let s = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        s = c < ALPHABET ? table[s * ALPHABET + c]! : 0;
        const o = out[s];
        if (o === undefined) continue;
        at.push(i + 1, i + 1 - shortest[s]!);
        for (let k = 0; k < o.length; k++) found.add(o[k]!);
      }
      return {
        candidates: found,
        inside(start: number, end: number): boolean {
          // The first keyword ending after `start` (binary search over the ends), then each one ending by `end`.
          let lo = 0;
          let hi = at.length / 2;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (at[2 * mid]! <= start) lo = mid + 1;
            else hi = mid;
          }
          for (let k = lo; k < at.length / 2 && at[2 * k]! <= end; k++) if (at[2 * k + 1]! >= start) return true;
          return false;
        },
      };
    },
    any(text: string): boolean {
      let hit = false;
      scan(text, () => (hit = true));
      return hit;
    },
  };
}
