/**
 * The search gates of `findCredentials`: a format whose every match holds a fixed text a bounded distance from its
 * start runs only near that text's occurrences (anchor gates), one whose matches are long runs of a known alphabet
 * only inside such runs (run gates). The pattern reader, and each search against the plain global search on
 * generated texts. Values below are made up (`fake.test` hosts, generated characters); none is a credential.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  alphabetRuns,
  anchorGateOf,
  hasRun,
  anchorOf,
  anchoredSearch,
  patternWidth,
  runGateOf,
  runSearch,
  searchGateOf,
  unionAlphabet,
  type AnchorGate,
  type RunGate,
} from '../../src/catalogue/search-gates.js';
import { credentialFormats } from '../../src/catalogue/credentials.js';
import type { CredentialFormat } from '../../src/catalogue/types.js';
import { findCredentials } from '../../src/detect/classify.js';

const formats = credentialFormats as readonly CredentialFormat[];
const byId = (id: string): CredentialFormat => formats.find((f) => f.id === id)!;

/** A small deterministic generator (mulberry32): the same texts on every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every match of a global `re` over `text` through `next`, stepping past empty matches as `findCredentials` does. */
function drain(re: RegExp, next: () => RegExpExecArray | null): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  for (let m = next(); m; m = next()) {
    out.push(JSON.stringify([m.index, ...m]));
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}
const plain = (re: RegExp, text: string): string[] => drain(re, () => re.exec(text));
const gated = (gate: AnchorGate, re: RegExp, text: string): string[] => drain(re, anchoredSearch(gate, re, text));

describe('patternWidth', () => {
  it('reads the least and greatest length of a match', () => {
    expect(patternWidth(/ab{2,3}(?:c|de)?/)).toEqual([3, 6]);
    expect(patternWidth(/(?<![a-z])\b[0-9]{4}(?=x)$/)).toEqual([4, 4]);
    expect(patternWidth(/a+?[^b]*/)).toEqual([1, Infinity]);
    expect(patternWidth(/(?<year>\d{4})-\x41\/\u0042{2}/)).toEqual([9, 9]);
    expect(patternWidth(/x|yy|(z{0,5})/)).toEqual([0, 5]);
    expect(patternWidth(/[(|)]{3}a{2,}/)).toEqual([5, Infinity]);
  });

  it('gives up on what it cannot bound', () => {
    for (const re of [/(a)\1/, /(?<a>x)\k<a>/, /\p{L}/u, new RegExp('ab', 'v'), /\0/, /a\qb/])
      expect(patternWidth(re), String(re)).toBeUndefined();
  });
});

describe('anchorOf', () => {
  it('finds the URL formats’ `://` and how far into a match it is', () => {
    expect(anchorOf(byId('url-password').pattern)).toEqual({ text: '://', min: 2, max: 31 });
    const conn = anchorOf(byId('connection-string-password').pattern)!;
    expect(conn.text).toBe('://');
    // The shortest scheme (`db2`, `nats`, …) and the longest with its `jdbc:` prefix.
    expect(conn.min).toBeLessThanOrEqual(4);
    expect(conn.max).toBeGreaterThanOrEqual('jdbc:elasticsearch'.length);
  });

  it('takes only plain, unquantified characters of the one top-level alternative', () => {
    expect(anchorOf(/[a-z]{1,3}-:=\d/)).toEqual({ text: '-:=', min: 1, max: 3 });
    expect(anchorOf(/ab*c/)).toBeUndefined();
    expect(anchorOf(/xy|zw/)).toBeUndefined();
    expect(anchorOf(/\d+::\w/)).toBeUndefined();
    // Under `i` a letter matches either case, so it is no anchor for `indexOf`.
    expect(anchorOf(/[0-9]{2}key=:/i)).toEqual({ text: '=:', min: 5, max: 5 });
    expect(anchorOf(/[0-9]{2}key=:/)).toEqual({ text: 'key=:', min: 2, max: 2 });
    expect(anchorOf(/(?:ab){2}\.\//)).toEqual({ text: './', min: 4, max: 4 });
  });

  it('gates the URL formats, not the formats that open with their text', () => {
    expect(anchorGateOf(byId('url-password'))).toBeDefined();
    expect(anchorGateOf(byId('connection-string-password'))).toBeDefined();
    expect(anchorGateOf(byId('private-key-block'))).toBeUndefined();
    const gated = formats.filter((f) => anchorGateOf(f));
    expect(gated.every((f) => anchorGateOf(f)!.sticky.sticky && !anchorGateOf(f)!.sticky.global)).toBe(true);
  });
});

describe('the anchored search finds what the whole-text search finds', () => {
  const gatedFormats = formats.flatMap((f) => {
    const gate = anchorGateOf(f);
    return gate ? [{ f, gate }] : [];
  });

  /** Texts built from the format's samples and keywords, its anchor, scheme-like words and filler, cut anywhere. */
  function texts(f: CredentialFormat, gate: AnchorGate, seed: number, count: number): string[] {
    const rnd = prng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    // Words of scheme characters of every length up to past the anchor's reach, so matches start anywhere in it.
    const word = (): string =>
      Array.from({ length: 1 + Math.floor(rnd() * (gate.max + 4)) }, () => pick([...'abcxyzQRS019+.-'])).join('');
    const filler = ['\n', ' ', '"', "'", '@', ':', '/', '(', 'user:pw@', 'a:b@c', 'https', 'jdbc:', '%2f', '?x=1'];
    const pieces = [...f.samples.positive, ...f.samples.negative, ...f.keywords];
    return Array.from({ length: count }, () => {
      let text = '';
      for (let k = 2 + Math.floor(rnd() * 14); k > 0; k--) {
        const r = rnd();
        if (r < 0.3) {
          // A piece cut at a random place, so matches start and end anywhere around the anchor.
          const p = pick(pieces);
          text += p.slice(Math.floor(rnd() * 4) === 0 ? Math.floor(rnd() * p.length) : 0);
        } else if (r < 0.45) text += gate.text;
        else if (r < 0.75) text += word();
        else text += pick(filler);
      }
      return text;
    });
  }

  it('gates at least the two URL formats', () => {
    expect(gatedFormats.map((g) => g.f.id)).toEqual(
      expect.arrayContaining(['url-password', 'connection-string-password']),
    );
  });

  it('on generated texts, the same matches with the same groups, in the same order', () => {
    let matches = 0;
    for (const [n, { f, gate }] of gatedFormats.entries()) {
      const re = new RegExp(f.pattern.source, f.pattern.flags);
      for (const text of texts(f, gate, 20261205 + n, 300)) {
        const want = plain(re, text);
        expect(gated(gate, re, text), `${f.id}: ${JSON.stringify(text)}`).toEqual(want);
        matches += want.length;
      }
    }
    // Enough matches that a search missing some would show.
    expect(matches).toBeGreaterThan(300);
  });

  it('a gate that reaches one character too little misses matches on the same texts', () => {
    const f = byId('url-password');
    const gate = anchorGateOf(f)!;
    const re = new RegExp(f.pattern.source, f.pattern.flags);
    const short: AnchorGate = { ...gate, max: gate.max - 1 };
    const late: AnchorGate = { ...gate, min: gate.min + 1 };
    let missedShort = 0;
    let missedLate = 0;
    for (const text of texts(f, gate, 7, 600)) {
      const want = plain(re, text).length;
      missedShort += want - gated(short, re, text).length;
      missedLate += want - gated(late, re, text).length;
    }
    expect(missedShort).toBeGreaterThan(0);
    expect(missedLate).toBeGreaterThan(0);
  });

  it('resumes where the caller left the global pattern, and leaves it as `exec` does', () => {
    const f = byId('url-password');
    const gate = anchorGateOf(f)!;
    const re = new RegExp(f.pattern.source, f.pattern.flags);
    const text = 'a https://deploy:Zr4kP8wQx2@one.fake.test b ftp://backup:Lq9vX2pW@two.fake.test';
    const next = anchoredSearch(gate, re, text);
    re.lastIndex = 0;
    const first = next()!;
    expect(first.index).toBe(2);
    expect(re.lastIndex).toBe(first.index + first[0].length);
    const second = next()!;
    expect(second[0].startsWith('ftp://')).toBe(true);
    expect(next()).toBeNull();
    expect(re.lastIndex).toBe(0);
    // A caller that moved past the first match's start before asking gets only the second.
    re.lastIndex = 3;
    expect(anchoredSearch(gate, re, text)()!.index).toBe(second.index);
  });
});

describe('findCredentials through the gate', () => {
  it('finds a password in a URL deep in a long text, and nothing in URLs without one', () => {
    const noise = 'See https://docs.fake.test/guide and ftp://mirror.fake.test/pub for more. '.repeat(400);
    const url = 'https://deploy:Zr4kP8wQx2@artifacts.fake.test/repo';
    const at = noise.length / 2;
    const text = `${noise.slice(0, at)} ${url} ${noise.slice(at)}`;
    const hits = findCredentials(text).filter((c) => c.format.id === 'url-password');
    expect(hits.map((h) => h.index)).toEqual([text.indexOf('Zr4kP8wQx2')]);
    expect(findCredentials(noise).filter((c) => c.format.id === 'url-password')).toEqual([]);
  });

  it('finds every positive sample of the gated formats inside other text', () => {
    for (const f of formats.filter((x) => anchorGateOf(x)))
      for (const s of f.samples.positive)
        expect(
          findCredentials(`x = 1;\nconst s = "${s}";\n`).map((c) => c.format.id),
          `${f.id}: ${s}`,
        ).toContain(f.id);
  });
});

describe('run gates', () => {
  const runGated = formats.flatMap((f) => {
    const gate = runGateOf(f);
    return gate ? [{ f, gate }] : [];
  });
  const runsOf = (gate: RunGate, text: string): Array<[number, number]> =>
    alphabetRuns(gate.alphabet, text, alphabetRuns(unionAlphabet([gate.alphabet]), text));

  it('gates formats that open with a class, not those that open with a character or have an anchor', () => {
    const aws = runGateOf(byId('aws-secret-access-key'))!;
    expect(aws.min).toBe(40);
    expect(aws.key).toBe([...'+/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'].join(''));
    expect(runGateOf(byId('github-classic-pat'))).toBeUndefined();
    expect(runGateOf(byId('url-password'))).toBeUndefined();
    expect(runGated.length).toBeGreaterThan(20);
    expect(runGated.every(({ gate }) => gate.min >= 20 && gate.sticky.sticky && !gate.sticky.global)).toBe(true);
  });

  it('searchGateOf is the anchor gate, else the run gate, of every format', () => {
    for (const f of formats) {
      const gate = searchGateOf(f);
      const want = anchorGateOf(f) ?? runGateOf(f);
      expect(gate === undefined ? undefined : 'text' in gate ? gate.text : gate.key, f.id).toEqual(
        want === undefined ? undefined : 'text' in want ? want.text : want.key,
      );
    }
  });

  it('finds the runs of an alphabet, also inside the runs of a larger one', () => {
    const hex = runGateOf(byId('linode-token'))!.alphabet;
    const text = `x ${'ab12'.repeat(6)} y ${'f'.repeat(19)} z-${'0'.repeat(20)}`;
    expect(alphabetRuns(hex, text)).toEqual([
      [2, 26],
      [text.length - 20, text.length],
    ]);
    const wider = unionAlphabet([hex, runGateOf(byId('aws-secret-access-key'))!.alphabet]);
    expect(alphabetRuns(hex, text, alphabetRuns(wider, text))).toEqual(alphabetRuns(hex, text));
  });

  it('on generated texts, the same matches with the same groups, in the same order', () => {
    const rnd = prng(11);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    let matches = 0;
    let searched = 0;
    for (const { f, gate } of runGated) {
      const chars = [...Array(128).keys()].filter((c) => gate.alphabet[c] === 1).map((c) => String.fromCharCode(c));
      const pieces = [...f.samples.positive, ...f.samples.negative, ...f.keywords];
      const re = new RegExp(f.pattern.source, f.pattern.flags);
      for (let n = 0; n < 60; n++) {
        let text = '';
        for (let k = 1 + Math.floor(rnd() * 8); k > 0; k--) {
          const r = rnd();
          // Runs of the alphabet a little shorter and longer than a match, samples, and characters between.
          if (r < 0.45)
            text += Array.from({ length: gate.min - 3 + Math.floor(rnd() * 12) }, () => pick(chars)).join('');
          else if (r < 0.7) text += pick(pieces);
          else text += pick([' ', '\n', '"', '=', ': ', '@', '.', '-', '_', '\u00e9']);
        }
        const search = runSearch(gate, runsOf(gate, text), re, text);
        if (!search) continue;
        searched++;
        const want = plain(re, text);
        expect(drain(re, search), `${f.id}: ${JSON.stringify(text)}`).toEqual(want);
        matches += want.length;
      }
    }
    expect(searched).toBeGreaterThan(runGated.length * 50);
    expect(matches).toBeGreaterThan(500);
  });

  it('a gate that asks one character too many misses matches', () => {
    const f = byId('aws-secret-access-key');
    const gate = runGateOf(f)!;
    const re = new RegExp(f.pattern.source, f.pattern.flags);
    const long: RunGate = { ...gate, min: gate.min + 1 };
    const text = ` ${'Ab3/'.repeat(10)} "${'Zx9+'.repeat(10)}" `;
    expect(plain(re, text)).toHaveLength(2);
    expect(drain(re, runSearch(gate, runsOf(gate, text), re, text)!)).toHaveLength(2);
    expect(drain(re, runSearch(long, runsOf(long, text), re, text)!)).toHaveLength(0);
  });

  it('gives way to the plain search inside a long run', () => {
    const gate = runGateOf(byId('aws-secret-access-key'))!;
    const re = new RegExp(gate.sticky.source, 'g');
    const blob = 'QUJD'.repeat(300);
    expect(runSearch(gate, runsOf(gate, blob), re, blob)).toBeUndefined();
    // findCredentials still reads the blob (its context decides what is kept there): the same answer as before.
    expect(findCredentials(`aws secret access key = "${blob.slice(0, 40)}" ${blob}`).length).toBeGreaterThan(0);
  });
});

describe('alphabet runs read by probes', () => {
  /** Every run of `alphabet` in `text` at least `min` long, one character at a time (the reference). */
  const naiveRuns = (alphabet: Uint8Array, text: string, min: number): Array<[number, number]> => {
    const out: Array<[number, number]> = [];
    let start = -1;
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 128;
      if (c < 128 && alphabet[c] === 1) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        if (i - start >= min) out.push([start, i]);
        start = -1;
      }
    }
    return out;
  };
  const hex = runGateOf(byId('linode-token'))!.alphabet;
  const wide = runGateOf(byId('aws-secret-access-key'))!.alphabet;

  it('finds the same runs as a scan of every character, on generated texts', () => {
    const rnd = prng(23);
    let runs = 0;
    for (let n = 0; n < 400; n++) {
      let text = '';
      // Runs around the 20-character floor, other characters of the wider alphabet, separators and non-ASCII.
      for (let k = Math.floor(rnd() * 12); k > 0; k--) {
        const r = rnd();
        const len = Math.floor(rnd() * 45);
        if (r < 0.5) text += Array.from({ length: len }, () => '0123456789abcdef'[Math.floor(rnd() * 16)]).join('');
        else if (r < 0.7) text += Array.from({ length: len }, () => 'GHxyz/+'[Math.floor(rnd() * 7)]).join('');
        else text += [' ', '-', '\u00e9', '\n', '='][Math.floor(rnd() * 5)];
      }
      for (const a of [hex, wide]) {
        const want = naiveRuns(a, text, 20);
        expect(alphabetRuns(a, text), JSON.stringify(text)).toEqual(want);
        runs += want.length;
        for (const min of [1, 7, 20, 33]) expect(hasRun(a, text, min)).toBe(naiveRuns(a, text, min).length > 0);
      }
      expect(alphabetRuns(hex, text, alphabetRuns(wide, text))).toEqual(naiveRuns(hex, text, 20));
    }
    expect(runs).toBeGreaterThan(300);
  });

  it('reads about one character in twenty of a text without long runs, and stops at the first run when asked', () => {
    // Short hex words between spaces: a probe lands in a word now and then, and reads only that word out.
    const text = 'cafe bad fed 0123 '.repeat(2_000);
    const read = (f: () => unknown): number => {
      const spy = vi.spyOn(String.prototype, 'charCodeAt');
      try {
        f();
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    expect(alphabetRuns(hex, text)).toEqual([]);
    const runsRead = read(() => alphabetRuns(hex, text));
    // A scan of every character reads the text's 36,000 characters once each.
    expect(runsRead).toBeLessThan(text.length / 3);
    expect(runsRead).toBeGreaterThan(text.length / 20 - 1);
    // A 64-character run is looked for one probe in 64: fewer reads, and a run near the start ends the scan.
    expect(read(() => hasRun(hex, text, 64))).toBeLessThan(runsRead);
    const early = `${'a'.repeat(64)} ${text}`;
    expect(hasRun(hex, early, 64)).toBe(true);
    expect(read(() => hasRun(hex, early, 64))).toBeLessThan(200);
  });
});
