/**
 * Published example credentials and keys (AWS's documented pair, Stripe's docs key, the RFC 7515/7516/
 * 7517/7520/8037 example keys, jwt.io's token), recognised by fingerprint. The catalogue keeps only their
 * SHA-256, a label and a source, never the values. Rules and the scanner share this: a match is a
 * published example, reported at low severity outside `recommended`, not a leak. Pure: no I/O.
 */
import { createHash } from 'node:crypto';
import { publishedExamples, type PublishedExample } from '../catalogue/credentials.js';

const byHash: ReadonlyMap<string, PublishedExample> = new Map(publishedExamples.map((e) => [e.sha256, e]));

/** Values shorter than the shortest published example key (a 16-byte key in base64url is 22) are not looked up. */
const MIN_LENGTH = 16;

/**
 * Every published example in the catalogue is a base64 or base64url value (AWS's keys, the RFCs' JWK
 * members), a JWT (base64url parts joined by dots) or a Stripe key (letters, digits, underscores): a value
 * with any other character is none of them, and is not hashed. Most strings of a translation catalogue or
 * a README fail here. A published example of another shape needs its characters added.
 */
const EXAMPLE_CHARS = /^[A-Za-z0-9+/=_.-]+$/;

/**
 * The published example that `value` is, if any. Whitespace and escaped line breaks are removed first,
 * so an RFC value wrapped over several lines, or split across a string concatenation's lines, still matches.
 */
export function publishedExampleOf(value: string): PublishedExample | undefined {
  if (value.length < MIN_LENGTH || value.length > 16 * 1024) return undefined;
  const v = value.replace(/\\[nr]|\s+/g, '').replace(/^["'`]|["'`]$/g, '');
  if (v.length < MIN_LENGTH || !EXAMPLE_CHARS.test(v)) return undefined;
  // Node's native SHA-256: the same digest as a pure-JS one at a fraction of the CPU (every string literal of a file
  // with only these characters is hashed; `v` is ASCII here, so its UTF-8 bytes are its characters).
  return byHash.get(createHash('sha256').update(v, 'latin1').digest('hex'));
}

/**
 * The published example a JWK is, judged by its private members (`d`, `p`, `q`, `dp`, `dq`, `qi`, `k`):
 * every private member present must be a published example value.
 */
export function publishedExampleJwkOf(members: Readonly<Record<string, unknown>>): PublishedExample | undefined {
  const priv = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'].flatMap((m) =>
    typeof members[m] === 'string' ? [members[m] as string] : [],
  );
  if (priv.length === 0) return undefined;
  const found = priv.map(publishedExampleOf);
  return found.every((e) => e !== undefined) ? found[0] : undefined;
}
