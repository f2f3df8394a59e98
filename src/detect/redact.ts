/**
 * Redaction: the only form in which a secret may appear in a message, report, baseline or log.
 * Pure: no I/O. The prefixes it may show come from the credential catalogue, never from a list here.
 */
import { credentialFormats } from '../catalogue/credentials.js';

/** Formats whose keywords may be shown as a prefix: every keyword, lower-case, with its format's pattern. */
const prefixKeywords: ReadonlyArray<{ keyword: string; pattern: RegExp }> = credentialFormats.flatMap((f) =>
  f.keywords.map((keyword) => ({ keyword, pattern: new RegExp(f.pattern.source, f.pattern.flags.replace('g', '')) })),
);

/**
 * The documented prefix a secret starts with (a provider's token prefix): the longest keyword of
 * a catalogue format that the secret starts with, when that format's pattern matches the whole secret
 * (so a password that happens to start with a keyword shows nothing), extended over a short lower-case
 * type segment that ends in `-` or `_` (a keyword `ab` and a type `cd-` show `abcd-`), at most 12 characters in all.
 */
function knownPrefix(s: string): string | undefined {
  const lower = s.slice(0, 64).toLowerCase();
  let best = '';
  for (const { keyword, pattern } of prefixKeywords) {
    if (keyword.length <= best.length || !lower.startsWith(keyword)) continue;
    const m = pattern.exec(s);
    if (m && m.index === 0 && (m.slice(1).find((g) => g !== undefined) ?? m[0]) === s)
      best = s.slice(0, keyword.length);
  }
  if (best === '') return undefined;
  if (best.length >= 12) return best.slice(0, 12);
  const segment = /^[a-z]{1,8}[-_]/.exec(s.slice(best.length));
  return segment && best.length + segment[0].length <= 12 ? best + segment[0] : best;
}

/**
 * A redacted form that shows a known prefix and at most a few characters at the end, so a person can
 * find the key again without the report leaking it: `<prefix>…WXYZ`, `-----BEGIN RSA PRIVATE KEY-----…`.
 * At most a quarter of the characters are shown, never more than 8, and nothing for short secrets.
 */
export function redact(secret: string): string {
  const s = secret.trim();
  const pem = /^-----BEGIN [A-Z0-9 ]{1,60}-----/.exec(s);
  if (pem) return `${pem[0]}…`;
  if (s.length < 12) return `•••• (${s.length} chars)`;
  const known = knownPrefix(s);
  const budget = Math.min(8, Math.floor(s.length / 4));
  const prefix = known ?? s.slice(0, Math.min(2, Math.floor(budget / 2)));
  const tail = Math.max(0, Math.min(4, budget - (known ? 0 : prefix.length)));
  return `${prefix}…${tail > 0 ? s.slice(-tail) : ''}`;
}

/** Replaces every occurrence of the given secrets in `text` with their redacted form. */
export function redactIn(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join(redact(s));
  return out;
}
