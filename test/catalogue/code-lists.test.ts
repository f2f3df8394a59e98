/**
 * The name lists, name words, value shapes and path segments moved out of src/rule-kit into the catalogue (session 35): each entry
 * proves itself (STYLE practice 7). Every export of the four modules that carries samples is checked here, so an
 * entry added to them later is checked without a change to this file.
 */
import { describe, expect, it } from 'vitest';
import * as codeNames from '../../src/catalogue/code-names.js';
import * as nameWords from '../../src/catalogue/name-words.js';
import * as projectPaths from '../../src/catalogue/project-paths.js';
import * as valueShapes from '../../src/catalogue/value-shapes.js';
import type { Samples } from '../../src/catalogue/types.js';
import { normaliseName } from '../../src/detect/names.js';

interface Entry {
  readonly samples: Samples;
  readonly names?: ReadonlySet<string>;
  readonly pattern?: RegExp;
  /** Regex fragments of one whole path segment each. */
  readonly segments?: readonly string[];
}

/** The entries matched on a normalised name (`NameLexicon`); every other pattern is matched on the text as written. */
const lexicons: readonly Entry[] = [
  codeNames.bareSizeOption,
  nameWords.boundSettingName,
  nameWords.keyCollectionName,
  nameWords.keyMaterialCollectionName,
  nameWords.keyBytesWord,
  nameWords.notKeyBytesWord,
  nameWords.keyRingListName,
  nameWords.seedPhraseName,
  nameWords.notCredentialTokenName,
];

const entries = Object.entries<unknown>({ ...codeNames, ...nameWords, ...valueShapes, ...projectPaths }).filter(
  (e): e is [string, Entry] => typeof e[1] === 'object' && e[1] !== null && 'samples' in e[1],
);

/** Whether the entry matches the sample the way its reader in src/rule-kit matches it. */
function matches(entry: Entry, sample: string): boolean {
  if (entry.names) return entry.names.has(sample);
  if (entry.segments) return new RegExp(`^(?:${entry.segments.join('|')})$`).test(sample);
  if (!entry.pattern) throw new Error('an entry needs names, segments or a pattern');
  return entry.pattern.test(lexicons.includes(entry) ? normaliseName(sample) : sample);
}

describe('catalogue lists moved from src/rule-kit', () => {
  it('every module export with samples is an entry (names, path segments or a pattern)', () => {
    expect(entries.length).toBe(52);
    for (const [name, e] of entries) expect(e.names ?? e.segments ?? e.pattern, name).toBeDefined();
  });
  it.each(entries)('%s: has at least two positive and two negative samples', (_, e) => {
    expect(e.samples.positive.length).toBeGreaterThanOrEqual(2);
    expect(e.samples.negative.length).toBeGreaterThanOrEqual(2);
  });
  it.each(entries)('%s: positives match', (_, e) => {
    for (const s of e.samples.positive) expect(matches(e, s), s).toBe(true);
  });
  it.each(entries)('%s: negatives do not match', (_, e) => {
    for (const s of e.samples.negative) expect(matches(e, s), s).toBe(false);
  });
});
