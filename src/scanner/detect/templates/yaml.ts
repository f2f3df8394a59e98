/**
 * YAML and JSON documents with positions, read with CloudFormation's short-form intrinsics (`!Ref`,
 * `!GetAtt`, `!Sub`, `!If`, …) registered as tags, so a template parses without warnings. A tag that
 * is not registered (`!Bogus`) only warns: the node keeps its tag and reads as an unknown value, and
 * the document is still read.
 */
import { type Document, isScalar, parseAllDocuments, type ScalarTag, type CollectionTag } from 'yaml';

/** CloudFormation intrinsic functions that have a YAML short form (`Fn::` dropped, except `Ref`). */
const intrinsics = [
  'Ref',
  'Sub',
  'GetAtt',
  'Join',
  'If',
  'Select',
  'Split',
  'FindInMap',
  'Base64',
  'Cidr',
  'ImportValue',
  'GetAZs',
  'Equals',
  'Not',
  'And',
  'Or',
  'Condition',
  'Transform',
  'ToJsonString',
  'Length',
] as const;

// The node is kept as parsed: the readers look at its tag, not at a resolved value.
const customTags: (ScalarTag | CollectionTag)[] = intrinsics.flatMap((name) => [
  { tag: `!${name}`, resolve: (s: string) => s },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (n: unknown) => n } as CollectionTag,
  { tag: `!${name}`, collection: 'map' as const, resolve: (n: unknown) => n } as CollectionTag,
]);

export type ParsedDocs = { readonly docs: Document.Parsed[] } | { readonly error: string };

/**
 * The last text parsed and its result. The secrets pass (../text.ts) and the config check read the same file one
 * after the other, and the YAML parse is most of what either costs on a YAML file, so the second gets the first's
 * documents. Neither changes them. The options are the config check's: the custom tags change no node (a registered
 * intrinsic keeps its tag and parsed value, as an unregistered one does with a warning), and `prettyErrors` only
 * the wording of an error, which the secrets pass does not read.
 */
let last: { readonly text: string; readonly parsed: ParsedDocs } | undefined;

/** Every document of `text`, or an error message when one does not parse (the caller decides). */
export function parseDocs(text: string): ParsedDocs {
  if (last?.text === text) return last.parsed;
  const parsed = parseFresh(text);
  last = { text, parsed };
  return parsed;
}

function parseFresh(text: string): ParsedDocs {
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, {
      customTags,
      strict: false,
      uniqueKeys: false,
      prettyErrors: false,
    }) as Document.Parsed[];
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  if (!Array.isArray(docs)) return { docs: [] };
  const bad = docs.find((d) => d.errors.length > 0);
  if (bad) return { error: bad.errors[0]!.message };
  return { docs };
}

/** The key of a pair as text, or undefined for complex keys. */
export const keyText = (k: unknown): string | undefined =>
  isScalar(k) && (typeof k.value === 'string' || typeof k.value === 'number') ? String(k.value) : undefined;
