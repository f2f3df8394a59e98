/**
 * Report formats by name. Each format is one file behind the one-method `Reporter` interface
 * (src/report/types.ts); the CLI looks formats up here and nowhere else.
 */
import { cbomReporter } from './cbom.js';
import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { sarifReporter } from './sarif.js';
import { textReporter } from './text.js';
import type { Reporter } from './types.js';

export type FormatName = Reporter['name'];

const reporters: ReadonlyMap<FormatName, Reporter> = new Map<FormatName, Reporter>([
  ['text', textReporter],
  ['json', jsonReporter],
  ['sarif', sarifReporter],
  ['html', htmlReporter],
  ['cbom', cbomReporter],
]);

export const formatNames: readonly FormatName[] = [...reporters.keys()];

export function isFormatName(name: string): name is FormatName {
  return reporters.has(name as FormatName);
}

/** The reporter for a format name, or undefined for an unknown name. */
export function reporterFor(name: string): Reporter | undefined {
  return reporters.get(name as FormatName);
}

export { isSuppressed, summarise, severityRank, SEVERITIES, withheldLine } from './json.js';
export { mergeSarif } from './sarif.js';
export type * from './types.js';
