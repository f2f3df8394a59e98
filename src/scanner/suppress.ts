/**
 * Inline allow comments: `keyhygiene-allow: <reason>` on the finding's line or the line above keeps the
 * finding in the result, marked as suppressed (kind `inline`), and out of the exit code.
 */
import type { Finding } from '../report/types.js';
import type { LineMap } from './common.js';

const ALLOW = /keyhygiene-allow(?::\s*([^\n]*?))?\s*(?:\*\/|-->|$)/;

/** The reason of an allow comment on line `n`, if any (an empty reason is allowed, but reported as such). */
function allowReasonAt(map: LineMap, n: number): string | undefined {
  if (n < 1) return undefined;
  const line = map.line(n);
  if (!line.includes('keyhygiene-allow')) return undefined;
  const m = ALLOW.exec(line);
  return m ? (m[1] ?? '').trim() : undefined;
}

/** Marks findings covered by an allow comment on their line or the line above. */
export function applyInlineAllows(findings: Finding[], map: LineMap): Finding[] {
  // Most files have no finding: then the text is not searched at all.
  if (findings.length === 0 || !map.text.includes('keyhygiene-allow')) return findings;
  return findings.map((f) => {
    if (f.suppression) return f;
    const reason = allowReasonAt(map, f.location.line) ?? allowReasonAt(map, f.location.line - 1);
    if (reason === undefined) return f;
    return { ...f, suppression: { kind: 'inline', reason: reason === '' ? 'no reason given' : reason.slice(0, 200) } };
  });
}
