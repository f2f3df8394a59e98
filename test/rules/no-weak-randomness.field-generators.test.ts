/**
 * no-weak-randomness: a seeded generator held in a class field and called as `this.rng()` (issue 11, session 33,
 * branch rand17; src/rule-kit/flow/taint/tracker.ts `fieldGenerator`). Game servers, anti-cheat modules and token
 * services keep one generator per instance (`private rng = seedrandom(seed)`, `this.next = mulberry32(Date.now())` in
 * the constructor); the draw is as predictable as when the generator is a local. Written anew after that idiom; the
 * near misses are a field generator that makes no secret, a field whose other write the flow cannot see, and a field
 * holding a CSPRNG draw.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-weak-randomness.js';
import { lintWith } from '../helpers/probe.js';

function lint(code: string): [string | undefined, number, number][] {
  return lintWith(rule, code, 'src/match/service.ts').map((m) => [m.messageId, m.line, m.column]);
}

describe('no-weak-randomness (generators held in class fields)', () => {
  it('reports a field initialised with seedrandom and a constructor-set hand-written PRNG', () => {
    const code =
      "import seedrandom from 'seedrandom';\n" +
      'function mulberry32(a: number) {\n' +
      '  return () => ((a = (a + 0x6d2b79f5) | 0) >>> 0) / 4294967296;\n' +
      '}\n' +
      'export class MatchTokens {\n' +
      '  private readonly rng = seedrandom(String(Date.now()));\n' +
      '  resetToken(): string {\n' +
      '    return Math.floor(this.rng() * 2 ** 32).toString(36);\n' +
      '  }\n' +
      '}\n' +
      'export class Pairing {\n' +
      '  private next: () => number;\n' +
      '  constructor() {\n' +
      '    this.next = mulberry32(Date.now() >>> 0);\n' +
      '  }\n' +
      '  pairingCode(): string {\n' +
      "    return String(Math.floor(this.next() * 1_000_000)).padStart(6, '0');\n" +
      '  }\n' +
      '}\n';
    expect(lint(code)).toEqual([
      ['weakRandom', 8, 23],
      ['weakRandom', 17, 30],
    ]);
  });

  it('reports a nanoid/non-secure generator kept in a field for API keys', () => {
    const code =
      "import { customAlphabet } from 'nanoid/non-secure';\n" +
      'export class KeyIssuer {\n' +
      "  private readonly draw = customAlphabet('0123456789abcdef', 40);\n" +
      '  apiKey(): string {\n' +
      '    return `ak_${this.draw()}`;\n' +
      '  }\n' +
      '}\n';
    expect(lint(code)).toEqual([['weakRandom', 5, 18]]);
  });

  it('is quiet on a field generator that makes no secret, one set from a parameter, and a CSPRNG field', () => {
    const code =
      "import { randomInt } from 'node:crypto';\n" +
      "import seedrandom from 'seedrandom';\n" +
      'export class Dice {\n' +
      '  private readonly rng = seedrandom(String(Date.now()));\n' +
      '  roll(): number {\n' +
      '    return 1 + Math.floor(this.rng() * 6);\n' +
      '  }\n' +
      '}\n' +
      'export class Codes {\n' +
      '  private rng = seedrandom(String(Date.now()));\n' +
      '  constructor(rng?: () => number) {\n' +
      '    if (rng) this.rng = rng;\n' +
      '  }\n' +
      '  otp(): string {\n' +
      "    return String(Math.floor(this.rng() * 1_000_000)).padStart(6, '0');\n" +
      '  }\n' +
      '}\n' +
      'export class SafeCodes {\n' +
      '  private readonly draw = () => randomInt(0, 1_000_000);\n' +
      '  otp(): string {\n' +
      "    return String(this.draw()).padStart(6, '0');\n" +
      '  }\n' +
      '}\n';
    expect(lint(code)).toEqual([]);
  });
});
