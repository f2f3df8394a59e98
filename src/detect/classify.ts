/**
 * The secret classifier: decides whether a literal value is key material, and why.
 * Pure: no I/O, no console. Every regex here runs over bounded input.
 */
import {
  contextPublicIdentifiers,
  credentialFormats,
  namePublicIdentifiers,
  publicIdentifiers,
  encryptedAtRest,
} from '../catalogue/credentials.js';
import {
  alphabetRuns,
  anchoredSearch,
  hasRun,
  patternWidth,
  runSearch,
  searchGateOf,
  unionAlphabet,
  type AnchorGate,
  type RunGate,
} from '../catalogue/search-gates.js';
import { contextGateOf, contextWindows, windowedSearch, type ContextGate } from '../catalogue/context-gates.js';
import type { CredentialFormat, Severity } from '../catalogue/types.js';
import {
  expandsVariable,
  isPasswordLike,
  publishedExamples,
  throwawayPasswords,
  type PublishedExample,
} from '../catalogue/credentials.js';
import {
  assetFileName,
  jsonPointer,
  registryPath,
  secretStoreReference,
  templateReference,
} from '../catalogue/value-shapes.js';
import { looksRandom } from './entropy.js';
import { publishedExampleJwkOf, publishedExampleOf } from './examples.js';
import {
  isHashName,
  isKeyHolderName,
  isPasswordName,
  isSecretName,
  isTokenHolderName,
  normaliseName,
} from './names.js';
import { buildKeywordIndex, type KeywordIndex, type KeywordOccurrences } from './prefilter.js';

/** Values longer than this are not classified by shape (a 1 MB string is data, not a key). */
const MAX_CLASSIFY = 64 * 1024;

export interface CredentialMatch {
  readonly format: CredentialFormat;
  /** The secret itself (capture group), never to be printed: redact or fingerprint it. */
  readonly secret: string;
  /** Offset of the secret in the searched text. */
  readonly index: number;
  /** Set when the secret is a published example (only with `includePublished`). */
  readonly published?: PublishedExample;
}

type FormatWithValidate = CredentialFormat & { validate?: (s: string, match?: RegExpExecArray) => boolean };

const formats = credentialFormats as readonly FormatWithValidate[];
let index: KeywordIndex | undefined;
/** The one keyword automaton over every format, built on first use. */
function keywordIndex(): KeywordIndex {
  index ??= buildKeywordIndex(formats.map((f) => f.keywords));
  return index;
}

/**
 * By format index: the gate of a format whose every kept match needs its context before it (no published example
 * can be one of its matches: `PublishedExample.contextFormats`), or undefined when the format runs everywhere.
 */
let gates: ReadonlyArray<ContextGate | undefined> | undefined;
function contextGates(): ReadonlyArray<ContextGate | undefined> {
  if (gates) return gates;
  const publishable = new Set(publishedExamples.flatMap((e) => e.contextFormats));
  gates = formats.map((f) => contextGateOf(f, publishable));
  return gates;
}

/** By format index: the least length of a match (0 when not plain), read the first time a search needs it. */
const leastWidths: number[] = [];
const leastWidth = (i: number): number => (leastWidths[i] ??= patternWidth(formats[i]!.pattern)?.[0] ?? 0);

/** By format index: its search gate, `null` for none, undefined until a search first needs the format. */
const searchGates: Array<AnchorGate | RunGate | null | undefined> = [];
/**
 * The search gate of a format that runs only near its anchor or inside runs of its alphabet
 * (src/catalogue/search-gates.ts), read from its pattern the first time a search needs it.
 */
function formatSearchGate(i: number): AnchorGate | RunGate | undefined {
  let gate = searchGates[i];
  if (gate === undefined) searchGates[i] = gate = searchGateOf(formats[i]!) ?? null;
  return gate ?? undefined;
}
/** One compiled copy of each format's pattern, by format index, when no `findCredentials` loop is using it. */
const idle: Array<RegExp | undefined> = [];

/** Which formats may match `text`: the prefilter, exported for the bench and tests. */
export function candidateFormats(text: string): readonly CredentialFormat[] {
  return [...keywordIndex().candidates(text)].sort((a, b) => a - b).map((i) => formats[i]!);
}

/**
 * Finds known credential formats and private-key blocks in free text.
 * The keyword prefilter runs first; a format's regex runs only when one of its keywords occurs.
 * @param text any text: a literal's value, a line of a config file, a whole file.
 * @param options.name the name the value is bound to, which satisfies a format's `context`.
 * @param options.includePublished also return published example credentials (marked `published`).
 */
export function findCredentials(
  text: string,
  options: {
    name?: string;
    siblings?: readonly string[];
    includePublished?: boolean;
    /**
     * Receives where the formats' keywords occur in `text`, found by the same pass as the candidates: a caller that
     * searches stretches of `text` again asks it first (`inside(start, end)` false: no match without a name there).
     */
    keywords?: (found: Pick<KeywordOccurrences, 'inside'>) => void;
  } = {},
): CredentialMatch[] {
  const ix = keywordIndex();
  const scanned = options.keywords ? ix.occurrences(text) : undefined;
  const candidates = scanned ? scanned.candidates : ix.candidates(text);
  if (scanned) options.keywords!(scanned);
  // A format that needs context may find its keyword in the name the value is bound to.
  if (options.name !== undefined) {
    for (const i of ix.candidates(options.name)) if (formats[i]!.context) candidates.add(i);
  }
  // With no name, a match of a context format counts only where its context occurs in the 60 characters before
  // it (a published example aside): its pattern runs only in those windows (src/catalogue/context-gates.ts).
  const windows: Array<Array<[number, number]> | undefined> = [];
  if (options.name === undefined) {
    const gate = contextGates();
    for (const i of candidates) {
      if (gate[i] === undefined) continue;
      // The shape before the context: a match lies in a run of the characters it can consume, at least as long as
      // the least match, and a text without such a run has no match to look for context before.
      const least = leastWidth(i);
      if (least > 0 && !hasRun(gate[i].alphabet, text, least)) {
        candidates.delete(i);
        continue;
      }
      windows[i] = contextWindows(gate[i], text);
      if (windows[i].length === 0) candidates.delete(i);
    }
  }
  if (candidates.size === 0) return [];
  const out: CredentialMatch[] = [];
  // The runs of each alphabet in `text` (by its key; '' for all of them together), found once per call.
  const runs = new Map<string, Array<[number, number]>>();
  const gatedSearch = (i: number, re: RegExp, text: string): (() => RegExpExecArray | null) => {
    const gate = formatSearchGate(i);
    if (gate && 'text' in gate) return anchoredSearch(gate, re, text);
    if (gate) {
      let any = runs.get('');
      if (!any) {
        // One pass for every run-gated format this search tries: the stretches where any of their alphabets runs.
        const alphabets: Uint8Array[] = [];
        for (const j of candidates) {
          const g = formatSearchGate(j);
          if (windows[j] === undefined && g && 'alphabet' in g) alphabets.push(g.alphabet);
        }
        runs.set('', (any = alphabetRuns(unionAlphabet(alphabets), text)));
      }
      let r = runs.get(gate.key);
      if (!r) runs.set(gate.key, (r = alphabetRuns(gate.alphabet, text, any)));
      const search = runSearch(gate, r, re, text);
      if (search) return search;
    }
    return () => re.exec(text);
  };
  for (const i of [...candidates].sort((a, b) => a - b)) {
    const format = formats[i]!;
    // A global regex keeps its position: each format's copy is taken from the pool for the loop and put back
    // after it, so a nested call (none today) would compile its own instead of moving this one.
    const re = idle[i] ?? new RegExp(format.pattern.source, format.pattern.flags);
    idle[i] = undefined;
    re.lastIndex = 0;
    const next =
      windows[i] !== undefined ? windowedSearch(contextGates()[i]!, windows[i], re, text) : gatedSearch(i, re, text);
    for (let m = next(); m; m = next()) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      // The secret is the first capture group that took part in the match (alternatives number their own).
      const secret = m.slice(1).find((g) => g !== undefined) ?? m[0];
      const index = m.index + m[0].indexOf(secret);
      // A published example is what it is wherever it appears (documentation, not a leak): returned marked
      // as one when asked, before the checks that would call it a placeholder.
      const published = publishedExampleOf(secret);
      if (published) {
        if (options.includePublished) out.push({ format, secret, index, published });
        continue;
      }
      if (format.examples?.includes(secret)) continue;
      if (format.maxLineLength !== undefined && lineLengthAt(text, index) > format.maxLineLength) continue;
      if (format.context) {
        const before = text.slice(Math.max(0, m.index - 60), m.index);
        const named = options.name !== undefined && format.context.test(normaliseName(options.name).replace(/_/g, ' '));
        if (!named && !format.context.test(before) && !(options.name && format.context.test(options.name))) continue;
      }
      if (format.validate && !format.validate(secret, m)) continue;
      if (isPlaceholder(secret) || inTemplateReference(text, index, secret.length)) continue;
      if (options.siblings && options.name !== undefined && publicInContextOf(secret, options.name, options.siblings))
        continue;
      if (options.name !== undefined && publicUnderNameOf(secret, options.name)) continue;
      out.push({ format, secret, index });
    }
    idle[i] = re;
  }
  return out.length < 2 ? out : mostSpecific(out);
}

/**
 * Whether a match lies inside a template expression that only names a value (`${{ secrets.X }}`, catalogue
 * `templateReference`): the braces around it on its line, read whole.
 */
function inTemplateReference(text: string, at: number, length: number): boolean {
  const open = text.lastIndexOf('{', at);
  const close = text.indexOf('}', at + length);
  if (open < 0 || close < 0 || close - open > 200 || text.slice(open, close).includes('\n')) return false;
  const start = open > 0 && text[open - 1] === '{' ? open - 1 : open;
  const from = start > 0 && text[start - 1] === '$' ? start - 1 : start;
  const to = text[close + 1] === '}' ? close + 2 : close + 1;
  return templateReference.pattern.test(text.slice(from, to));
}

/** The length of the line of `text` that holds offset `at`. */
function lineLengthAt(text: string, at: number): number {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  return (end === -1 ? text.length : end) - start;
}

/**
 * How specific a format is, when two formats match the same text: a private-key block first (a provider
 * shape found by chance inside its body is not a second secret), then a provider's format whose structural
 * check (a checksum) passed, then a provider's distinctive shape, then a provider's shape that counts only
 * next to its name (`context`), then a generic one (a password in a URL, a Bearer header, `password = …`).
 */
function specificity(f: FormatWithValidate): number {
  if (f.kind === 'private-key') return 4;
  if (f.provider === 'generic') return 0;
  if (f.context) return 1;
  return f.validate ? 3 : 2;
}

/**
 * One match per secret: of matches whose secrets overlap, the most specific format wins (ties: the earlier
 * match, then the catalogue's order). The survivors keep the order `findCredentials` found them in.
 */
function mostSpecific(matches: readonly CredentialMatch[]): CredentialMatch[] {
  const ranked = matches
    .map((m, i) => ({ m, i, s: specificity(m.format as FormatWithValidate) }))
    .sort((a, b) => b.s - a.s || a.m.index - b.m.index || a.i - b.i);
  const kept: typeof ranked = [];
  for (const r of ranked) {
    const start = r.m.index;
    const end = start + r.m.secret.length;
    if (!kept.some((k) => start < k.m.index + k.m.secret.length && k.m.index < end)) kept.push(r);
  }
  return kept.sort((a, b) => a.i - b.i).map((k) => k.m);
}

const PLACEHOLDER_WORDS = new RegExp(
  String.raw`example|placeholder|your[_ -]?(?:own[_ -]?)?(?:key|secret|token|api|password)|change[_ -]?me|` +
    String.raw`replace[_ -]?(?:me|with|this)|insert[_ -]|enter[_ -]your|redacted|do[_ -]?not[_ -]?use|` +
    String.raw`\.\.\.|\*{3}|•|<|>`,
);
/** Template markers, runs of one character and "your key here" text: not a real value. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length < 4) return true;
  if (/\$\{|\{\{|\$\(|%\(|<[A-Za-z_ -]{2,40}>|^%[sd]$|^\$[A-Z_][A-Z0-9_]*$/.test(v)) return true;
  if (expandsVariable(v)) return true;
  const lower = v.toLowerCase();
  if (PLACEHOLDER_WORDS.test(lower)) return true;
  // Short markers only as words of their own, set off by characters that base64 does not use: inside random
  // base64 (a PEM body is 1,700+ characters) `todo` or `/xxx` turn up by chance (about one 3072-bit key in 200),
  // and a real key must not pass as a placeholder.
  if (/(?:^|[^a-z0-9+/=])(?:todo|x{3,})(?:[^a-z0-9+/=]|$)/.test(lower)) return true;
  // One character repeated, or a keyboard or counting run, is filler; also after a provider's fixed prefix written
  // with no separator (four capitals, then sixteen `X`): no issued key has a body of one character.
  const core = v.replace(/^(?:sk|pk|rk)_(?:live|test)_|^[a-z]{2,4}[_-]/i, '');
  if (core.length > 0 && /^(.)\1*$/.test(core)) return true;
  if (/^[A-Za-z]{2,4}(.)\1{7,}$/.test(v)) return true;
  // Also when grouped for reading (`abcd efgh ijkl mnop`, `1234-5678-90`): the separators are not part of the run.
  // A four-capital prefix written straight before the run (a key id prefix, then `1234567890…`) is set aside too.
  const run = core.replace(/[\s_-]/g, '');
  for (const r of [run, run.replace(/^[A-Z]{4}(?=\d)/, '')])
    if (/^(?:0123456789|1234567890|abcdef|qwerty|asdf)/i.test(r) && new Set(r).size <= 16 && r.length <= 40)
      return true;
  return false;
}

const DUMMY_WORDS = new RegExp(
  String.raw`(?:^|[^a-z])(?:test|testing|dummy|fake|mock|mocked|sample|demo|foo|bar|baz|qux|changeit|notasecret|` +
    String.raw`not-a-secret|unittest)(?:[^a-z]|$)`,
  'i',
);
/** Dummy values people write in tests and docs: `test-secret`, `dummy_key`, `fake`, `mock-token`. */
export function isDummyValue(value: string): boolean {
  return DUMMY_WORDS.test(value) && value.length <= 40 && !looksRandom(value);
}

/** Public keys, certificates, publishable keys and client ids: shaped like credentials, public by design. */
export function publicIdentifierOf(value: string): string | undefined {
  const v = value.slice(0, MAX_CLASSIFY).trim();
  return publicIdentifiers.find((p) => p.pattern.test(v))?.id;
}

/**
 * Values public only in their context (catalogue `contextPublicIdentifiers`): a Google API key
 * under `apiKey` in an object literal that also has Firebase web-config keys.
 * @param property the property the value sits under; @param siblings the object's other property names.
 * @param except a name `siblings` holds that does not count (the property's own, when the caller passes every
 *   property name of the object: one list shared by all its members, not a copy per member without its own).
 */
export function publicInContextOf(
  value: string,
  property: string,
  siblings: readonly string[],
  except?: string,
): string | undefined {
  const v = value.trim();
  // The value's shape first: it rules out nearly every value, and the property's name is normalised only then (a
  // structured file asks this of every scalar, under keys that are whole sentences in a translation catalogue).
  let prop: string | undefined;
  return contextPublicIdentifiers.find(
    (c) =>
      c.pattern.test(v) &&
      c.property === (prop ??= normaliseName(property)) &&
      c.siblings.filter((k) => k !== except && siblings.includes(k)).length >= c.minSiblings,
  )?.id;
}

/**
 * Values public under their name (catalogue `namePublicIdentifiers`): a Google key under a Maps or Firebase name.
 * @param name a binding name, or a config file's key path joined by `_`.
 */
export function publicUnderNameOf(value: string, name: string): string | undefined {
  const v = value.trim();
  const n = normaliseName(name);
  return namePublicIdentifiers.find((p) => p.pattern.test(v) && p.name.test(n))?.id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INTEGRITY = new RegExp(
  String.raw`^(?:sha256|sha384|sha512)-[A-Za-z0-9+/]{40,88}={0,2}` +
    String.raw`(?:\s+(?:sha256|sha384|sha512)-[A-Za-z0-9+/]{40,88}={0,2}){0,3}$`,
);
const HASH_HEX = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$/i;

/** Padded base64 of a machine-generated value: the alphabet, a whole number of quads, and random-looking. */
function isRandomBase64(v: string): boolean {
  return v.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(v) && looksRandom(v);
}

/**
 * One segment of a dotted path: camelCase or PascalCase words (`halfHourFee`, `BlockExplorer`), an acronym as a word
 * of its own (`POS`, `deletePIN`, `PosPane`), a digit or two at a word's end (`nip05`, `Bolt12Offer`), and kebab-case
 * words (`red-metallic`), and snake_case words (`invite_new_students_title`), where a whole number may be a word of
 * its own (`product_101`, a template or plan id). Message ids name their screen's component
 * (`views.Settings.Privacy.custom`), so a capital may start a segment. An acronym ends before a capitalised word, a
 * digit, a separator or the end, so every segment splits into words one way only (no backtracking over a long run of
 * capitals).
 */
const CAMEL_WORD = String.raw`(?:[A-Z][a-z]+|[A-Z]{2,6}(?=[A-Z][a-z]|[0-9._-]|$))[0-9]{0,2}`;
const KEBAB_WORDS = String.raw`(?:-[a-z]+[0-9]{0,2}(?:${CAMEL_WORD})*)*`;
const SNAKE_WORDS = String.raw`(?:_(?:[a-z]+[0-9]{0,2}|[0-9]{1,4}))*`;
/**
 * A CONST_CASE segment (`errors.INVALID_TOKEN.message`, `Settings.API_KEYS.Title`): two or more words of two or more
 * capitals joined by `_`. One long run of capitals is no word (CAMEL_WORD takes a short acronym).
 */
const CONST_WORDS = String.raw`[A-Z]{2,}[0-9]{0,2}(?:_(?:[A-Z]{2,}[0-9]{0,2}|[0-9]{1,4}))+`;
const LOWER_OR_CAMEL = String.raw`(?:[a-z]+[0-9]{0,2}|${CAMEL_WORD})(?:${CAMEL_WORD})*`;
const DOTTED_WORD = String.raw`(?:${CONST_WORDS}|${LOWER_OR_CAMEL}${SNAKE_WORDS}${KEBAB_WORDS})`;
/**
 * An i18next namespace before a message id (`common:buttons.saveChanges`): one lower-case or camelCase word and a
 * colon. With it, two segments make a message id; without it, three.
 */
const MESSAGE_NAMESPACE = String.raw`[a-z]+(?:[A-Z][a-z]+|-[a-z]+)*:`;
const DOTTED_WORDS = new RegExp(
  String.raw`^(?:${DOTTED_WORD}(?:\.${DOTTED_WORD}){2,}|${MESSAGE_NAMESPACE}${DOTTED_WORD}(?:\.${DOTTED_WORD})+)$`,
);

/**
 * A namespaced action type or event id (`ensRegistration/UPDATE_RECORD`, `items:getItems`, `auth/LOGIN_SUCCESS`):
 * segments of camelCase or CONST_CASE words joined by `/` or `:`, at least one of them several words long. Base64
 * has no `_` and base64url no `/`, and a random string does not split into capitalised words.
 */
const MULTI_WORD_SEGMENT = /^(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[a-z]+[0-9]{0,2}(?:[A-Z][a-z]+[0-9]{0,2})+)$/;
const WORD_SEGMENT = /^(?:[a-z]+|[A-Z][A-Z0-9]*)$/;
function isNamespacedId(v: string): boolean {
  if (!/^[\w/:]+$/.test(v) || !/[/:]/.test(v)) return false;
  const segments = v.split(/[/:]/);
  return (
    segments.every((x) => MULTI_WORD_SEGMENT.test(x) || WORD_SEGMENT.test(x)) &&
    segments.some((x) => MULTI_WORD_SEGMENT.test(x))
  );
}

/**
 * A translator's message reference: a message id inside double brackets, with optional comma-separated arguments
 * (`[[topic:no-bookmarks]]`, `[[error:too-many-posts, 5]]`; NodeBB's translator and its plugins' templates). The
 * id inside is judged by the identifier shapes; base64 and base64url have no brackets or commas.
 */
const TRANSLATION_REF = /^\[\[([^[\],\s]+)(?:,[^[\],]*)*\]\]$/;

/** What a non-secret value is, when the classifier can tell: the reason it is not reported. */
export function benignShapeOf(
  value: string,
): 'uuid' | 'integrity' | 'data-uri' | 'url' | 'path' | 'prose' | 'identifier' | 'reference' | undefined {
  const v = value.trim();
  const ref = TRANSLATION_REF.exec(v)?.[1];
  if (ref !== undefined && benignShapeOf(ref) === 'identifier') return 'identifier';
  // Where a tool reads the password from (`@keychain:AC_PASSWORD`): catalogue `secretStoreReference`.
  if (secretStoreReference.pattern.test(v)) return 'reference';
  if (UUID.test(v)) return 'uuid';
  if (INTEGRITY.test(v)) return 'integrity';
  if (/^data:[a-z]+\/[a-z0-9.+-]+[;,]/i.test(v)) return 'data-uri';
  if (/^[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/]+(?::\d+)?(?:[/?#]|$)/i.test(v)) return 'url';
  // A path, unless it is a random base64 value that happens to start with `/` (one in 64 of them).
  if (/^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)[^\s]*$/.test(v) && /[/\\][^/\\]+/.test(v) && !isRandomBase64(v)) return 'path';
  // A relative path that ends in a file name (`deploy/PROD/migrations/prisma.zip`, an object-store key), also under
  // a hidden folder (`.github/workflows/release.yml`): base64 has no `.` and base64url no `/`, so a secret cannot
  // take this shape.
  if (/^\.?[\w-]+(?:\/[\w.-]+)*\/[\w-][\w.-]*\.[A-Za-z][A-Za-z0-9]{0,7}$/.test(v)) return 'path';
  // A Windows registry path, and a bare asset file name (`1f1f5-1f1fc.png`): catalogue `registryPath`, `assetFileName`.
  if (registryPath.pattern.test(v) || assetFileName.pattern.test(v)) return 'path';
  // A JSON Pointer fragment (`#/components/schemas/PasswordField`): catalogue `jsonPointer`.
  if (jsonPointer.pattern.test(v)) return 'path';
  if (/\s/.test(v) && v.split(/\s+/).length >= 3) return 'prose';
  // A URN names a thing in a registered namespace (`urn:oasis:names:tc:SAML:2.0:ac:classes:Password`, RFC 8141), and a
  // name wrapped in double underscores is a dunder identifier (`__pushSessionActive__`): neither is a value of a key.
  if (/^urn:[a-z0-9][a-z0-9-]{0,31}:[\w.:()+,;=%@!$'*/-]+$/i.test(v) || /^__[A-Za-z][A-Za-z0-9_]*__$/.test(v))
    return 'identifier';
  // camelCase words: every capital starts a word of lower-case letters, and digits only end a word. A random
  // alphanumeric string that merely starts lower-case (one base64 secret in eight) breaks that somewhere.
  // Lower-case words may be namespaced with `/` or `:` (error codes: 'auth/invalid_access_token'), and camelCase
  // words with dots, three or more deep (message ids and setting paths: 'page.newAddress.hdPathType.bip44'): base64
  // and base64url have no `.`, and a random string is no chain of words.
  // Digits between one- and two-letter words (`f3Kq9Lm2Vx7W…`) are typed noise, not words: an identifier puts a
  // digit or two in one or two places (`oauth2Callback`, `web3WalletChallenge`).
  const fewDigitRuns = (v.match(/[0-9]+/g)?.length ?? 0) <= 3;
  if (
    (/^[a-z]+[0-9]{0,2}(?:[A-Z][a-z]+[0-9]{0,2})+$|^[a-z]+(?:[._/:-][a-z0-9]+)+$|^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(
      v,
    ) ||
      DOTTED_WORDS.test(v) ||
      isNamespacedId(v)) &&
    !/\d{3,}/.test(v) &&
    fewDigitRuns
  )
    return 'identifier';
  // In a dotted path of words a number of up to four digits may stand as a word of its own (`….product_101.title`):
  // DOTTED_WORD lets a longer run of digits in only there.
  if (DOTTED_WORDS.test(v) && fewDigitRuns) return 'identifier';
  return undefined;
}

/** Whether the value is shaped like a digest (hex of a common hash length). */
function isHashLike(value: string): boolean {
  return HASH_HEX.test(value.trim());
}

type SecretKind = 'private-key' | 'credential' | 'token' | 'generic';

export type Classification =
  | {
      readonly secret: true;
      readonly kind: SecretKind;
      readonly formatId?: string;
      readonly severity: Severity;
      readonly reason: string;
    }
  | { readonly secret: false; readonly reason: string };

export interface ClassifyContext {
  /** The binding, property or parameter name the value is stored under. */
  readonly name?: string;
  /** The value reaches an argument that a crypto API uses as key material. */
  readonly inKeySink?: boolean;
  /** The other property names of the object literal the value sits in (see `publicInContextOf`). */
  readonly siblings?: readonly string[];
}

/**
 * Classifies one literal value.
 * - a known credential format or private-key block is a secret wherever it is;
 * - public keys, publishable keys, placeholders and documented examples never are;
 * - a literal that reaches a key sink is a secret unless it is a placeholder or a dummy;
 * - a literal bound to a secret name is a secret when it looks generated (entropy, length, charset).
 */
export function classifyValue(value: string, ctx: ClassifyContext = {}): Classification {
  if (value.length > MAX_CLASSIFY) return { secret: false, reason: 'too long to be a key' };
  const v = value.trim();
  if (v.length === 0) return { secret: false, reason: 'empty' };
  const pub = publicIdentifierOf(v);
  if (pub) return { secret: false, reason: `public (${pub})` };
  const sealed = encryptedAtRest.find((e) => e.pattern.test(v));
  if (sealed) return { secret: false, reason: `encrypted at rest (${sealed.id})` };
  const ctxPub = ctx.siblings && ctx.name !== undefined ? publicInContextOf(v, ctx.name, ctx.siblings) : undefined;
  if (ctxPub) return { secret: false, reason: `public (${ctxPub})` };
  const [cred] = findCredentials(v, ctx.name === undefined ? {} : { name: ctx.name });
  if (cred) {
    return {
      secret: true,
      kind: cred.format.kind === 'private-key' ? 'private-key' : cred.format.kind,
      formatId: cred.format.id,
      severity: cred.format.severity,
      reason: cred.format.title,
    };
  }
  if (isPlaceholder(v)) return { secret: false, reason: 'placeholder' };
  const published = publishedExampleOf(v);
  if (published) return { secret: false, reason: `published example (${published.label})` };
  if (ctx.inKeySink) {
    if (isDummyValue(v)) return { secret: false, reason: 'dummy value' };
    return { secret: true, kind: 'generic', severity: 'high', reason: 'literal key material' };
  }
  if (ctx.name !== undefined && (isSecretName(ctx.name) || isPasswordName(ctx.name))) {
    const shape = benignShapeOf(v);
    if (shape) return { secret: false, reason: shape };
    if (isHashLike(v) && isHashName(ctx.name)) return { secret: false, reason: 'digest' };
    if (isDummyValue(v)) return { secret: false, reason: 'dummy value' };
    // A password a person chose is short and low in entropy: under a password name, its shape decides.
    if (isPasswordName(ctx.name) && isPasswordLike(v)) {
      if (throwawayPasswords.has(v)) return { secret: false, reason: 'well-known throwaway password' };
      return { secret: true, kind: 'credential', severity: 'high', reason: 'password under a password name' };
    }
    if (looksRandom(v))
      return { secret: true, kind: 'generic', severity: 'high', reason: 'high-entropy value under a secret name' };
    return { secret: false, reason: 'low entropy' };
  }
  return { secret: false, reason: 'no evidence' };
}

/**
 * A long machine-made value under a `<word> key` name (`APP_KEY`, `alchemyKey`, `TREASURY_KEY`; see
 * `keyHolderName`): a vendor's API key or a key's bytes; or under a `<word> token` name (`CI_UPLOAD_TOKEN`; see
 * `tokenHolderName`): a bearer credential a service issued. Judged only where `classifyValue` found no evidence.
 * A commit id (40 hex), an Ethereum address (`0x` and 40 hex), a placeholder, a dummy, a public identifier and a
 * benign shape (URL, path, identifier) are not; a `0x` prefix (an Ethereum private key) is set aside before the
 * randomness test.
 */
export function keyHolderSecret(value: string, name: string): boolean {
  const v = value.trim();
  if (v.length < 20 || v.length > 512 || !(isKeyHolderName(name) || isTokenHolderName(name))) return false;
  if (isPlaceholder(v) || isDummyValue(v) || publicIdentifierOf(v) !== undefined) return false;
  // 40 hex digits are a commit id, or with `0x` an Ethereum address (20 bytes; a private key is 32): never a key.
  if (publishedExampleOf(v) || benignShapeOf(v) !== undefined || /^(?:0x)?[0-9a-f]{40}$/i.test(v)) return false;
  return looksRandom(v.replace(/^0x/i, ''));
}

/**
 * A private JWK: an object with `kty` and any private member (RFC 7518 §6.2.2, §6.3.2, §6.4.1).
 * @param members the object's own string-valued members.
 */
export function isPrivateJwk(members: Readonly<Record<string, unknown>>): boolean {
  if (typeof members.kty !== 'string') return false;
  const priv = members.kty === 'oct' ? ['k'] : ['d', 'p', 'q', 'dp', 'dq', 'qi'];
  // A published example key (RFC 7515 A.3, RFC 7520 ...) is documentation, not a leak: see publishedExampleJwkOf.
  if (publishedExampleJwkOf(members)) return false;
  return priv.some((m) => typeof members[m] === 'string' && !isPlaceholder(members[m] as string));
}
