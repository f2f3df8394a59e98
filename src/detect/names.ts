/**
 * Identifier normalisation and the name predicates built on the catalogue's lexicons.
 * Pure: no I/O.
 */
import {
  hashName,
  keyHolderName,
  secretFlagName,
  nonSecretKeyName,
  nonSecretTokenName,
  nonPurposeName,
  nonSecretName,
  passwordName,
  purposeNameFillers,
  purposeWordDisplay,
  publicEnvName,
  secretEnvName,
  secretName,
  securityPurposeName,
  tokenHolderName,
} from '../catalogue/names.js';

/**
 * Memo of `normaliseName`, by the name's first 200 characters (all the normal form reads): the same names (object
 * keys of every translation catalogue, often whole sentences, `password`, `apiKey`) are normalised again and again,
 * by several predicates each.
 */
const normalised = new Map<string, string>();
const NORMALISED_MAX = 50_000;
/** The characters of a name its normal form reads. */
const NORMALISED_CHARS = 200;

/**
 * `apiSecretKey`, `API_SECRET_KEY`, `api-secret-key` and `apiSECRETKey` all become `api_secret_key`.
 * Names longer than 200 characters are cut: identifiers that long are generated, and the lexicon
 * regexes then run over a bounded string.
 */
export function normaliseName(name: string): string {
  // The normal form reads only the first 200 characters, so a longer name shares the memo entry of its head.
  const head = name.length > NORMALISED_CHARS ? name.slice(0, NORMALISED_CHARS) : name;
  let n = normalised.get(head);
  if (n === undefined) {
    // Bounded: a run over generated code meets unboundedly many names; starting over costs one recompute each.
    if (normalised.size >= NORMALISED_MAX) normalised.clear();
    n = normaliseUncached(head);
    normalised.set(head, n);
  }
  return n;
}

function normaliseUncached(name: string): string {
  return name
    .slice(0, NORMALISED_CHARS)
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}

/** A name written in SCREAMING_SNAKE_CASE of two words or more (`INVALID_SESSION_TOKEN`, `HW_ALG_ECB`): a constant's or
 * a registry symbol's spelling, not an identifier of code or an algorithm id (`des-cbc`). */
export const isConstantCaseName = (name: string): boolean => /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(name);

/** A binding name that holds secret key material (`jwtSecret`, `API_KEY`), not a reference to one. */
export function isSecretName(name: string): boolean {
  const n = normaliseName(name);
  return secretName.pattern.test(n) && !nonSecretName.pattern.test(n);
}

/**
 * A `<word> key` name that is no lookup key and no key public by design (`APP_KEY`, `alchemyKey`): a long
 * machine-made value there is a secret (`keyHolderSecret` in ./classify.ts).
 */
export function isKeyHolderName(name: string): boolean {
  const n = normaliseName(name);
  return keyHolderName.pattern.test(n) && !nonSecretKeyName.pattern.test(n) && !nonSecretName.pattern.test(n);
}

/**
 * A `<word> token` name that is no page, lexer or device token and no token public by design (`CI_UPLOAD_TOKEN`,
 * `bootstrapScimToken`): a long machine-made value there is a bearer credential (`keyHolderSecret`).
 */
export function isTokenHolderName(name: string): boolean {
  const n = normaliseName(name);
  return (
    tokenHolderName.pattern.test(n) &&
    !nonSecretTokenName.pattern.test(n) &&
    !nonSecretKeyName.pattern.test(n) &&
    !nonSecretName.pattern.test(n)
  );
}

/**
 * The name a secret flag's value is judged under (`--requirepass` → `password`, `--token` → `secret`), or undefined
 * when the flag takes no secret (catalogue `secretFlagName`).
 */
export function secretFlagJudgedName(flag: string): 'password' | 'secret' | undefined {
  const n = normaliseName(flag);
  if (!secretFlagName.pattern.test(n)) return undefined;
  return /(?:^|_)(?:password|passwd|pass|pwd|requirepass|masterauth|passphrase)$/.test(n) ? 'password' : 'secret';
}

/** A binding name that holds a password a person chose (`dbPassword`, `SMTP_PASS`), not a reference to one. */
export function isPasswordName(name: string): boolean {
  const n = normaliseName(name);
  return passwordName.pattern.test(n) && !nonSecretName.pattern.test(n);
}

/** A binding name that holds a digest, commit id or integrity value. */
export function isHashName(name: string): boolean {
  return hashName.pattern.test(normaliseName(name));
}

/** An environment variable that holds a secret, and is not a public build-time variable. */
export function isSecretEnvName(name: string): boolean {
  const n = normaliseName(name);
  return secretEnvName.pattern.test(n) && !publicEnvName.pattern.test(n);
}

/**
 * A name that gives a random value a security purpose (token, nonce, salt, reset code ...), or undefined.
 * Names about such a value (`resetTokenExpires`, `tokenCount`, `keyId`) and the non-secret senses of the
 * words (`cacheKey`, `nextPageToken`, a bare `key`) have none.
 */
export function securityPurposeOf(name: string): string | undefined {
  const n = normaliseName(name);
  const m = securityPurposeName.pattern.exec(n);
  if (!m || nonPurposeName.pattern.test(n)) return undefined;
  // The matched word without its surrounding underscores names the purpose in messages.
  return m[0].replace(/^_|_$/g, '').replace(/_/g, ' ');
}

/**
 * How a message names the purpose behind `name`: `makeResetToken` → `password-reset token`,
 * `csrfToken` → `CSRF token`, `ivHex` → `IV`. Undefined when the name has no security purpose.
 */
export function securityPurposePhrase(name: string): string | undefined {
  if (securityPurposeOf(name) === undefined) return undefined;
  const words = normaliseName(name).split('_').filter(Boolean);
  while (words.length > 1 && purposeNameFillers.includes(words[0]!)) words.shift();
  while (words.length > 1 && purposeNameFillers.includes(words[words.length - 1]!)) words.pop();
  // `passwordResetToken` reads as it is; `makeResetToken` says whose reset it is.
  const display = (w: string): string =>
    w === 'reset' && words.includes('password') ? w : (purposeWordDisplay[w] ?? w);
  return words.map(display).join(' ');
}
