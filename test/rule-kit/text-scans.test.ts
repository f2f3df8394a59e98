/**
 * Text scans rewritten so their worst case is linear (session 32) still answer as the single regexes they
 * replaced did: each is compared with its old regex on every short string over an alphabet of the characters
 * and words that matter to it.
 */
import { describe, expect, it } from 'vitest';
import { textBeforeTrailingPreposition } from '../../src/rule-kit/leaks.js';
import { createMemberEvidence } from '../../src/rule-kit/member-evidence.js';

/** Every sequence of up to `max` pieces of `alphabet`, joined. */
function* strings(alphabet: readonly string[], max: number): Generator<string> {
  let level: string[] = [''];
  yield '';
  for (let n = 1; n <= max; n++) {
    const next: string[] = [];
    for (const s of level) for (const a of alphabet) next.push(s + a);
    yield* next;
    level = next;
  }
}

describe('textBeforeTrailingPreposition', () => {
  const old = (text: string): string | undefined => /^(.*?)\s+(?:for|to|of|sent to)\s+$/i.exec(text)?.[1] ?? undefined;

  it('answers as the old regex on every short string', () => {
    let compared = 0;
    let matched = 0;
    for (const s of strings(['key', ' ', '  ', '\n', '\u00a0', 'to', 'For', 'of', 'sent', 'sent to', 'x'], 4)) {
      const want = old(s);
      expect(textBeforeTrailingPreposition(s), JSON.stringify(s)).toBe(want);
      compared++;
      if (want !== undefined) matched++;
    }
    // The alphabet reaches both answers often: the comparison is not vacuous.
    expect(compared).toBeGreaterThan(10_000);
    expect(matched).toBeGreaterThan(500);
  });

  it('names the subject before the preposition', () => {
    expect(textBeforeTrailingPreposition('signing key for ')).toBe('signing key');
    expect(textBeforeTrailingPreposition('code sent to  ')).toBe('code');
    expect(textBeforeTrailingPreposition('signing key for')).toBeUndefined();
    expect(textBeforeTrailingPreposition('line one\nkey for ')).toBeUndefined();
  });
});

describe('typeSecretMember reads members as before', () => {
  const isSecret = (name: string): boolean => /^(?:password|secret|apiKey)$/.test(name);
  /** The old member scan: the first secret member of the body. */
  const old = (body: string): string | undefined => {
    const re =
      /(?:^|[;{\n])\s*(?:@\w+\([^)]*\)\s*)*(?:(?:readonly|public|private|protected)\s+)*([A-Za-z_$][\w$]*)[?!]?\s*:/g;
    for (let m = re.exec(body); m; m = re.exec(body)) if (isSecret(m[1]!)) return m[1];
    return undefined;
  };

  it('answers as the old regex on every short body', () => {
    let compared = 0;
    let found = 0;
    for (const body of strings(
      [' ', '\n', '\t', ';', '@D()', 'private ', 'readonly', 'id', 'password', 'apiKey?', ': string', ':'],
      4,
    )) {
      const whole = `class Cfg {${body}\n}\n`;
      const want = old(body);
      expect(createMemberEvidence(whole, { isSecret }).typeSecretMember('Cfg'), JSON.stringify(body)).toBe(want);
      compared++;
      if (want !== undefined) found++;
    }
    expect(compared).toBeGreaterThan(20_000);
    expect(found).toBeGreaterThan(300);
  });
});
