/**
 * Shannon entropy and charset classification, used to tell generated secrets from words.
 * Pure: no I/O.
 */

/** Bits of Shannon entropy per character of `s`. */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  const n = [...s].length;
  for (const c of counts.values()) {
    const p = c / n;
    h -= p * Math.log2(p);
  }
  return h;
}

export type Charset = 'hex' | 'base64' | 'base64url' | 'alnum' | 'printable' | 'other';

/** The narrowest alphabet that `s` is written in. */
export function charsetOf(s: string): Charset {
  if (/^[0-9a-fA-F]+$/.test(s)) return 'hex';
  if (/^[A-Za-z0-9]+$/.test(s)) return 'alnum';
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(s)) return 'base64';
  if (/^[A-Za-z0-9_-]+={0,2}$/.test(s)) return 'base64url';
  if (/^[\x21-\x7e]+$/.test(s)) return 'printable';
  return 'other';
}

/**
 * Thresholds per alphabet: a random string over a small alphabet has lower per-character entropy, so
 * hex needs a lower threshold than base64. Lengths: 16 bytes of key as hex is 32 characters, as base64 22.
 */
const thresholds: Record<Charset, { minLength: number; minEntropy: number }> = {
  hex: { minLength: 32, minEntropy: 3.0 },
  alnum: { minLength: 20, minEntropy: 3.7 },
  base64: { minLength: 20, minEntropy: 4.0 },
  base64url: { minLength: 20, minEntropy: 4.0 },
  printable: { minLength: 16, minEntropy: 3.8 },
  other: { minLength: Infinity, minEntropy: Infinity },
};

/** Whether `s` looks machine-generated (a key, token or password made by a tool), not written by hand. */
export function looksRandom(s: string): boolean {
  if (s.length > 4096) return false;
  const cs = charsetOf(s);
  const t = thresholds[cs];
  if (s.length < t.minLength) return false;
  if (shannonEntropy(s) < t.minEntropy) return false;
  // Generated strings mix character classes; prose and identifiers rarely mix digits into letters.
  if (cs !== 'hex') {
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(s)).length;
    if (classes < 2) return false;
    if (!/[0-9]/.test(s) && /^[A-Za-z]+$/.test(s)) return false;
  }
  return true;
}
