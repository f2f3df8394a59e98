/**
 * Single-file components (Vue `.vue`, Svelte `.svelte`): the code of a component sits in its `<script>` blocks,
 * which the lint reads as JavaScript or TypeScript, and the rest is markup, which the text detectors read. Each
 * part keeps the file's own lines and columns: the other part's characters are blanked (line breaks kept), so a
 * finding in either points into the component as written.
 */

/** The extensions read as single-file components. */
export const componentExtensions: ReadonlySet<string> = new Set(['.vue', '.svelte']);

export interface ComponentParts {
  /** The script blocks' code at their own offsets, everything else blanked. */
  readonly script: string;
  /** `ts` when any block says so (`lang="ts"`, `lang="tsx"`, `type="text/typescript"`), else `js`. */
  readonly lang: 'ts' | 'js';
  /** The file with the script blocks' code blanked: markup, styles and attributes. */
  readonly markup: string;
}

const SCRIPT_BLOCK = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const TS_LANG = /\blang\s*=\s*["']?tsx?\b|\btype\s*=\s*["']?text\/typescript\b/i;
/** A script that is not code (`type="application/json"`, `type="text/x-template"`): left to the text detectors. */
const NOT_CODE =
  /\btype\s*=\s*["']?(?!module\b|text\/(?:java|type)script\b|application\/(?:java|ecma)script\b)[\w/+.-]+/i;

/** Every character of `text` outside [from, to) ranges blanked, line breaks kept. */
function keepOnly(text: string, ranges: ReadonlyArray<readonly [number, number]>): string {
  let out = '';
  let at = 0;
  for (const [from, to] of ranges) {
    out += blank(text.slice(at, from)) + text.slice(from, to);
    at = to;
  }
  return out + blank(text.slice(at));
}

/** `text` with every character but line breaks replaced by a space. */
const blank = (text: string): string => text.replace(/[^\r\n]/g, ' ');

/** The parts of a component, or undefined when it has no script block of code. */
export function componentParts(text: string): ComponentParts | undefined {
  const code: Array<readonly [number, number]> = [];
  let ts = false;
  for (const m of text.matchAll(SCRIPT_BLOCK)) {
    const attrs = m[1] ?? '';
    if (NOT_CODE.test(attrs)) continue;
    const from = m.index + m[0].indexOf('>') + 1;
    code.push([from, from + (m[2] ?? '').length]);
    ts ||= TS_LANG.test(attrs);
  }
  if (code.length === 0) return undefined;
  let markup = '';
  let at = 0;
  for (const [from, to] of code) {
    markup += text.slice(at, from) + blank(text.slice(from, to));
    at = to;
  }
  markup += text.slice(at);
  return { script: keepOnly(text, code), lang: ts ? 'ts' : 'js', markup };
}
