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

export interface KeywordIndex {
  /** Indexes (into the list the index was built from) of the entries with a keyword in `text`. */
  candidates(text: string): Set<number>;
  /** Whether any keyword of any entry occurs in `text`. */
  any(text: string): boolean;
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
          gotoTable[s * ALPHABET + c] = next;
        }
        s = next;
      }
      if (!outputs[s]!.includes(entry)) outputs[s]!.push(entry);
    }
  });

  // Breadth-first: failure links, outputs merged along them, and the goto table completed into a DFA.
  const fail = new Int32Array(count);
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
      const found = new Set<number>();
      scan(text, (e) => {
        found.add(e);
        return false;
      });
      return found;
    },
    any(text: string): boolean {
      let hit = false;
      scan(text, () => (hit = true));
      return hit;
    },
  };
}
