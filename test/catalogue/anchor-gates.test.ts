/**
 * The anchor gates of `findCredentials` (a format whose every match holds a fixed text a bounded distance from its
 * start runs only near that text's occurrences): the pattern reader, and the search against the plain global search
 * on generated texts. Values below are made up (`fake.test` hosts); none is a credential.
 */
import { describe, expect, it } from 'vitest';
import {
  anchorGateOf,
  anchorOf,
  anchoredSearch,
  patternWidth,
  type AnchorGate,
} from '../../src/catalogue/anchor-gates.js';
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
    for (const re of [/(a)\1/, /(?<a>x)\k<a>/, /\p{L}/u, /ab/v, /\0/, /a\qb/])
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
