/** Regex sources of value shapes that several provider formats embed (pure data, no logic). */

/** A lower-case RFC 9562 UUID in its 8-4-4-4-12 text form. */
export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * Whether a value drawn from a mixed alphabet looks generated: it has at least two of upper-case letters,
 * lower-case letters and digits. Formats that are only a length and an alphabet next to a provider's name
 * use it so that file paths, identifiers and words under that name (`/var/run/secrets/azure/client-secret`)
 * are not taken for the secret; a random token of 16 or more characters fails it with negligible odds.
 */
export function looksGenerated(value: string): boolean {
  return [/[A-Z]/, /[a-z]/, /[0-9]/].filter((re) => re.test(value)).length >= 2;
}

/**
 * Whether the body after a four-character prefix (`vci_`) mixes upper- and lower-case letters, as a token drawn from
 * the 62-symbol alphabet does: of 24 or more random symbols, one without an upper-case letter comes up with odds
 * below 1 in 100 000 ((36/62)^24). A lower-case hex body under the same prefix is another vendor's format (Vanta's
 * OAuth client ids are `vci_` and 48 hex digits) or a digest, not this token.
 */
export function mixedCaseBody(value: string): boolean {
  const body = value.slice(4);
  return /[A-Z]/.test(body) && /[a-z]/.test(body);
}
