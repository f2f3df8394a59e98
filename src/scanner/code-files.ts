/**
 * Which files the audit reads, which of them are code, and the lint configuration's id. Kept apart from the
 * lint runner (src/scanner/detect/lint.ts) so the main thread can walk, hash and answer from the cache
 * without loading ESLint, the parser or TypeScript: those load only where a file is analysed.
 */
import { recommendedRules, version } from '../configs/presets.js';
import { hashText } from '../detect/index.js';
import { extOf, knownBinaryExtensions } from './detect/text.js';
import { auditRuleOverrides } from './policy.js';

const codeExtensions: ReadonlySet<string> = new Set(['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts']);

/** Whether ESLint lints the file (JS/TS by extension). */
export const isCodeFile = (rel: string): boolean => {
  const dot = rel.lastIndexOf('.');
  return dot > rel.lastIndexOf('/') && codeExtensions.has(rel.slice(dot).toLowerCase());
};

/** Whether a file is worth reading at all (known binaries are not, by design). */
export const isScannable = (rel: string): boolean => !knownBinaryExtensions.has(extOf(rel));

let configHash: string | undefined;
/** Identifies the lint configuration, for cache keys: the preset's rules and the tool version (once per thread). */
export const lintConfigHash = (): string =>
  (configHash ??= hashText(JSON.stringify({ version, recommendedRules, auditRuleOverrides })).slice(0, 16));
