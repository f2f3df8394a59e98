/**
 * The context gates of `findCredentials` (a context format's pattern runs only within reach of its context) and
 * the catalogue data they rest on: which context formats can capture a published example. The published
 * values named here are AWS's documented example key pair and RFC 7515 Appendix A.3's P-256 `d` (examples, not
 * secrets); the other published examples are known here only by hash.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  contextGateOf,
  contextWindows,
  groupEnd,
  looseContext,
  matchAlphabet,
  windowedSearch,
} from '../../src/catalogue/context-gates.js';
import { credentialFormats, publishedExamples } from '../../src/catalogue/credentials.js';
import type { CredentialFormat } from '../../src/catalogue/types.js';
import { findCredentials } from '../../src/detect/classify.js';
import { publishedExampleOf } from '../../src/detect/examples.js';

const AWS_EXAMPLE_ID = 'AKIAIOSFODNN7EXAMPLE';
const AWS_EXAMPLE_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const RFC7515_A3_D = 'jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI';

/** The top-level items of a regex source: `\b`, lookarounds, groups, and anything else as `other`. */
function topLevel(source: string): Array<'boundary' | 'look' | 'capture' | 'other'> {
  const items: Array<'boundary' | 'look' | 'capture' | 'other'> = [];
  for (let i = 0; i < source.length;) {
    if (source.startsWith('\\b', i)) {
      items.push('boundary');
      i += 2;
      continue;
    }
    if (source[i] !== '(') {
      items.push('other');
      i++;
      continue;
    }
    const kind = /^\(\?<?[=!]/.test(source.slice(i)) ? 'look' : /^\(\?/.test(source.slice(i)) ? 'other' : 'capture';
    items.push(kind);
    i = groupEnd(source, i) + 1;
  }
  return items;
}

const formats = credentialFormats as readonly CredentialFormat[];
const contextFormats = formats.filter((f) => f.context);
const publishable = new Set(publishedExamples.flatMap((e) => e.contextFormats));

describe('published examples: the context formats that can capture them', () => {
  it('names only context formats, and every example says', () => {
    const ids = new Set(contextFormats.map((f) => f.id));
    for (const e of publishedExamples) for (const id of e.contextFormats) expect(ids.has(id), `${id}`).toBe(true);
    expect(publishedExamples.every((e) => Array.isArray(e.contextFormats))).toBe(true);
  });

  it('every context format is one capture group between boundary assertions (the data was derived so)', () => {
    for (const f of contextFormats) {
      const items = topLevel(f.pattern.source);
      expect(
        items.filter((k) => k === 'capture'),
        f.id,
      ).toHaveLength(1);
      expect(
        items.every((k) => k !== 'other'),
        f.id,
      ).toBe(true);
    }
  });

  it('agrees with the patterns on the published values this test holds', () => {
    for (const value of [AWS_EXAMPLE_ID, AWS_EXAMPLE_SECRET, RFC7515_A3_D]) {
      const entry = publishedExampleOf(value)!;
      expect(entry).toBeDefined();
      const captured = contextFormats
        .filter((f) =>
          [` "${value}" `, `${value}`, `=${value};`].some((text) => {
            const m = new RegExp(f.pattern.source, f.pattern.flags.replace('g', '')).exec(text);
            return m !== null && m.slice(1).find((g) => g !== undefined) === value;
          }),
        )
        .map((f) => f.id);
      expect([...entry.contextFormats].sort()).toEqual(captured.sort());
    }
    // Both held values have the shape of some context format's capture: the check above is not vacuous.
    expect(publishedExampleOf(RFC7515_A3_D)!.contextFormats.length).toBeGreaterThan(0);
  });
});

describe('looseContext', () => {
  it('drops anchors and word boundaries outside character classes, and nothing else', () => {
    const loose = looseContext(/^accounts$|\bseed\b|[^a-z$^]key/i)!;
    expect(loose.source).toBe('accounts|seed|[^a-z$^]key');
    expect(loose.flags).toBe('i');
    expect(loose.test('the deployer ACCOUNTS list')).toBe(true);
    expect(loose.test('seedling')).toBe(true);
    expect(loose.test('akey')).toBe(false);
    expect(looseContext(/[\b]x\.y/)!.source).toBe('[\\b]x\\.y');
  });

  it('refuses what it cannot loosen: lookarounds, back references, stateful flags', () => {
    expect(looseContext(/(?<=aws)secret/)).toBeUndefined();
    expect(looseContext(/(?!x)secret/)).toBeUndefined();
    expect(looseContext(/(a)\1/)).toBeUndefined();
    expect(looseContext(/secret/g)).toBeUndefined();
    expect(looseContext(/secret/y)).toBeUndefined();
  });

  it('matches wherever the original matches, on every context of the catalogue', () => {
    const samples = [
      'accounts',
      'my accounts: ["',
      'the seed phrase',
      'a wallet key',
      'Authorization: Splunk ',
      'gmail app password',
      'aws secret',
      'ably.key',
      'cf api key',
    ];
    for (const f of contextFormats) {
      const loose = looseContext(f.context!);
      if (!loose) continue;
      for (const s of samples) if (f.context!.test(s)) expect(loose.test(s), `${f.id} on ${s}`).toBe(true);
    }
  });
});

describe('findCredentials with context gates', () => {
  // Real shapes: a Hardhat config's deployer key, a wallet mnemonic in a .env, a Heroku key in a CI workflow. Each is
  // found with its context word before it, and not found without one anywhere in the text.
  const hex = 'a3f1c2d4e5b6978812345678abcdef0123456789abcdef0123456789abcdef01';
  const cases: Array<{ id: string; name: string; found: string; missing: string }> = [
    {
      id: 'secp256k1-private-key',
      name: 'DEPLOYER_PRIVATE_KEY',
      found: `networks: {\n  sepolia: { url, accounts: ["0x${hex}"] }\n}`,
      missing: `// deployer wallet address\nconst tx = "0x${hex}";`,
    },
    {
      id: 'bip39-mnemonic',
      name: 'MNEMONIC',
      found: 'MNEMONIC="gravity machine north sort system female filter attitude volume fold club stay"',
      missing: 'RECOVERY_HINT="gravity machine north sort system female filter attitude volume fold club stay"',
    },
    {
      id: 'heroku-api-key-legacy',
      name: 'HEROKU_API_KEY',
      found: 'deploy:\n  env:\n    HEROKU_API_KEY: 3c9e1f4a-7b2d-4e8f-9a1c-5d6b7e8f9a0b\n',
      missing: '# deployed on heroku\nrequest_id: 3c9e1f4a-7b2d-4e8f-9a1c-5d6b7e8f9a0b\n',
    },
  ];
  for (const c of cases) {
    it(`${c.id}: found with its context, not without`, () => {
      expect(publishable.has(c.id)).toBe(false);
      expect(findCredentials(c.found).map((m) => m.format.id)).toContain(c.id);
      expect(findCredentials(c.missing).map((m) => m.format.id)).not.toContain(c.id);
      // With a name, the name can be the context: the format is not skipped for want of context in the text.
      expect(findCredentials(c.missing, { name: c.name }).map((m) => m.format.id)).toContain(c.id);
    });
  }

  it('still finds a published example through a format that can capture one, with no context anywhere', () => {
    // `secret` is the AWS secret format's keyword; its context (`aws … secret`, `secret access key`) is nowhere.
    const text = `client:\n  secret: "${AWS_EXAMPLE_SECRET}"\n`;
    expect(publishable.has('aws-secret-access-key')).toBe(true);
    expect(findCredentials(text, { includePublished: true }).map((h) => [h.format.id, h.published?.label])).toEqual([
      ['aws-secret-access-key', 'AWS documented example secret access key'],
    ]);
    // Without the published example, the same shape there is no match (the context decides).
    expect(findCredentials(text.replace('EXAMPLEKEY', 'EXAMPLEKEZ'), { includePublished: true })).toEqual([]);
  });
});

describe('the shape before the context', () => {
  // A translation catalogue's prose names user accounts and a wallet (the secp256k1 format's keywords and context)
  // but holds no 64-character hex run: the context's search over the whole text has nothing to find a match near.
  const secp = formats.find((f) => f.id === 'secp256k1-private-key')!;
  const loose = looseContext(secp.context!)!.source;
  const prose = '"Manage your accounts and wallet key settings here.": "Konten und Wallet-Schlüssel verwalten.",\n';
  /** How many times the secp256k1 format's loose context is run over a text by `findCredentials`. */
  const contextSearches = (text: string): number => {
    const spy = vi.spyOn(RegExp.prototype, 'exec');
    try {
      findCredentials(text, { includePublished: true });
      return spy.mock.contexts.filter((re) => (re as RegExp).source === loose).length;
    } finally {
      spy.mockRestore();
    }
  };

  it('skips a context format whose least match fits in no run of its characters, with the same matches', () => {
    const text = prose.repeat(200);
    expect(findCredentials(text)).toEqual([]);
    expect(contextSearches(text)).toBe(0);
    // With one such run in the text, the context is searched (once per start) and the key next to it found.
    const hex = 'a3f1c2d4e5b6978812345678abcdef0123456789abcdef0123456789abcdef01';
    const withKey = `${text}"wallet key": "0x${hex}",\n${text}`;
    expect(contextSearches(withKey)).toBeGreaterThan(0);
    expect(findCredentials(withKey).map((m) => [m.format.id, m.secret])).toEqual([
      ['secp256k1-private-key', `0x${hex}`],
    ]);
    // A run one character short of the least match is no place for one: skipped again.
    expect(contextSearches(`${text}"wallet key": "${hex.slice(1)}"`)).toBe(0);
  });
});

describe('matchAlphabet', () => {
  it('collects what a match consumes, leaving out top-level lookarounds and word boundaries', () => {
    const set = matchAlphabet(/(?<![A-Za-z0-9])((?:0x)?[0-9a-f]{8}-\.)(?![A-Za-z0-9])\b/i)!;
    const has = (ch: string): boolean => set[ch.charCodeAt(0)] === 1;
    expect([...'0x9afAFX-.'].every(has)).toBe(true);
    expect(['g', 'G', 'z', ' ', '_', '\n'].some(has)).toBe(false);
    const words = matchAlphabet(/\b([a-z]{3,8} {1,2}){11,23}\b/)!;
    expect(words[32]).toBe(1);
    expect(words[65]).toBe(0);
    expect(matchAlphabet(/(\w+)_(\d)/)![95]).toBe(1);
  });

  it('gives up on what it cannot bound', () => {
    for (const re of [/a.b/, /[^a]/, /a\sb/, /(?<name>a)/, /(a(?=b))c/, /(a)\1/, /é/, /[a-é]/, /ab/u, /[\b]/])
      expect(matchAlphabet(re), String(re)).toBeUndefined();
  });
});

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

describe('the windowed search finds what the whole-text search finds within reach of the context', () => {
  const publishable = new Set(publishedExamples.flatMap((e) => e.contextFormats));
  const gated = formats.flatMap((f) => {
    const gate = contextGateOf(f, publishable);
    return gate ? [{ f, gate }] : [];
  });

  it('gates most context formats', () => {
    expect(gated.length).toBeGreaterThan(contextFormats.length / 2);
    expect(gated.some((g) => g.f.id === 'bip39-mnemonic')).toBe(true);
    expect(gated.every((g) => !publishable.has(g.f.id))).toBe(true);
  });

  it('every sample match of a gated format lies in its alphabet', () => {
    for (const { f, gate } of gated)
      for (const text of [...f.samples.positive, ...f.samples.negative])
        for (const m of text.matchAll(new RegExp(f.pattern.source, `${f.pattern.flags.replace('g', '')}g`)))
          for (const ch of m[0]) expect(gate.alphabet[ch.charCodeAt(0)], `${f.id}: ${ch}`).toBe(1);
  });

  it('stays in step when a match runs from before the context into it', () => {
    const g = gated.find((x) => x.f.id === 'bip39-mnemonic')!;
    const words = 'abandon ability able about above absent absorb abstract absurd abuse access accident';
    const text = `alpha beta gamma delta mnemonic ${words}`;
    const re = new RegExp(g.f.pattern.source, g.f.pattern.flags);
    const next = windowedSearch(g.gate, contextWindows(g.gate, text), re, text);
    // The whole-text search's one match starts at 'alpha' and holds the context word, so no match starts at the
    // context (a search started there would find one): none comes back.
    expect(new RegExp(g.f.pattern.source).exec(text)?.index).toBe(0);
    expect(new RegExp(g.f.pattern.source).exec(text.slice(text.indexOf('mnemonic')))?.index).toBe(0);
    expect(next()).toBeNull();
  });

  it('tries starts one by one in a short stretch and searches a long one whole, with the same matches', () => {
    const g = gated.find((x) => x.f.id === 'bip39-mnemonic')!;
    const words = 'abandon ability able about above absent absorb abstract absurd abuse access accident';
    const found = (text: string): number[] => {
      const re = new RegExp(g.f.pattern.source, g.f.pattern.flags);
      const next = windowedSearch(g.gate, contextWindows(g.gate, text), re, text);
      const out: number[] = [];
      for (let m = next(); m; m = next()) out.push(m.index);
      return out;
    };
    // Before the context: a stretch of the pattern's alphabet (letters and spaces) short, then long, then cut by a
    // barrier (`.`) just before the context. The phrase after the context is kept in every case; the prose before it
    // is one match with the phrase when nothing cuts it (the whole-text search finds it from its start).
    for (const before of ['ab cd ', 'ab cd '.repeat(60), `${'ab cd '.repeat(60)}.`]) {
      const text = `${before} mnemonic: ${words}`;
      const whole = [...text.matchAll(new RegExp(g.f.pattern.source, 'g'))].map((m) => m.index);
      const kept = whole.filter((i) => g.f.context!.test(text.slice(Math.max(0, i - 60), i)));
      expect(found(text), JSON.stringify(before.slice(-8))).toEqual(kept);
    }
    expect(found(`${'ab cd '.repeat(60)}. mnemonic: ${words}`)).toHaveLength(1);
  });

  it('on generated texts, the kept matches are the same', () => {
    const rnd = prng(20261205);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const filler = ['\n', ' ', ', ', '; ', '"', ': ', ' = ', 'the build uses ', '\t', '{', '}\n', '- '];
    let kept = 0;
    for (const { f, gate } of gated) {
      const alphabet = [...Array(128).keys()].filter((c) => gate.alphabet[c] === 1).map((c) => String.fromCharCode(c));
      const letters = alphabet.filter((c) => /[a-z0-9]/i.test(c));
      const pieces = [...f.samples.positive, ...f.samples.negative, ...f.keywords];
      for (let n = 0; n < 40; n++) {
        let text = '';
        const parts = 2 + Math.floor(rnd() * 12);
        for (let k = 0; k < parts; k++) {
          const r = rnd();
          if (rnd() < 0.5) text += ' ';
          if (r < 0.15) text += pick(f.keywords);
          else if (r < 0.35) text += pick(pieces);
          else if (r < 0.55) text += Array.from({ length: 1 + Math.floor(rnd() * 90) }, () => pick(alphabet)).join('');
          else if (r < 0.8) {
            // A run of words in the alphabet (with the spaces the alphabet has), so matches span context words.
            const word = (): string => Array.from({ length: 3 + Math.floor(rnd() * 6) }, () => pick(letters)).join('');
            text += Array.from({ length: 4 + Math.floor(rnd() * 26) }, word).join(gate.alphabet[32] ? ' ' : '');
          } else text += pick(filler);
        }
        const whole = new RegExp(f.pattern.source, f.pattern.flags);
        const all: Array<[number, string]> = [];
        for (let m = whole.exec(text); m; m = whole.exec(text)) all.push([m.index, m[0]]);
        const windows = contextWindows(gate, text);
        const re = new RegExp(f.pattern.source, f.pattern.flags);
        const next = windowedSearch(gate, windows, re, text);
        const some: Array<[number, string]> = [];
        for (let m = next(); m; m = next()) some.push([m.index, m[0]]);
        // Every windowed match is a whole-text match (in step), and every whole-text match whose context is in
        // the 60 characters before it is a windowed match.
        const key = (x: [number, string]): string => `${x[0]}:${x[1]}`;
        const allKeys = new Set(all.map(key));
        for (const x of some) expect(allKeys.has(key(x)), `${f.id} ${JSON.stringify(text)}`).toBe(true);
        const someKeys = new Set(some.map(key));
        for (const x of all) {
          if (!f.context!.test(text.slice(Math.max(0, x[0] - 60), x[0]))) continue;
          kept++;
          expect(someKeys.has(key(x)), `${f.id} ${JSON.stringify(text)}`).toBe(true);
        }
      }
    }
    // The generated texts hold matches with their context: the comparison is not vacuous.
    expect(kept).toBeGreaterThan(100);
  });
});
