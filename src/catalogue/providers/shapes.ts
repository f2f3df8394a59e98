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
