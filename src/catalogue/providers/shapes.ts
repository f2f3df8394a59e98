/** Regex sources of value shapes that several provider formats embed (pure data, no logic). */

/** A lower-case RFC 9562 UUID in its 8-4-4-4-12 text form. */
export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
