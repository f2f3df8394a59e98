/**
 * Types of the shared catalogue. The catalogue is data: the ESLint rules and the repository scanner both
 * read it, and every entry carries positive and negative samples that `test/catalogue/samples.test.ts`
 * proves (each positive must match, each negative must not).
 */

export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** The hazard families that both the rules and the audit report under. */
export type Category =
  | 'hardcoded-key'
  | 'weak-randomness'
  | 'static-iv'
  | 'password-as-key'
  | 'weak-algorithm'
  | 'missing-rotation'
  | 'unsafe-deletion'
  | 'logged-key';

/**
 * What a finding rests on, strongest first (docs/audit.md, "Evidence"):
 * - `format`: the value itself says what it is: a provider's credential format, a PEM block, a private JWK.
 * - `sink`: the value reaches a key, IV, salt or secret parameter of a crypto, JWT, KMS or client API, or a key
 *   resource of an infrastructure template: the API says what it is.
 * - `flow`: the value-flow engine traced it from a key, credential, password or random source (a `randomBytes`
 *   key, a secret environment variable, a password prompt, a KMS data key) to where it is reported.
 * - `name`: only an identifier, property, file or message name says that the value is a key or secret.
 */
export type Evidence = 'format' | 'sink' | 'flow' | 'name';

export interface Samples {
  /** Inputs that must match the entry. */
  readonly positive: readonly string[];
  /** Inputs that must not match the entry (hard negatives users complain about). */
  readonly negative: readonly string[];
}

/**
 * A credential format, found anywhere in source or text files (the gitleaks model).
 * `pattern` is matched against free text; it must have no nested unbounded quantifiers (ReDoS) and is
 * only run when one of `keywords` occurs in the text (the keyword prefilter).
 */
export interface CredentialFormat {
  readonly id: string;
  readonly title: string;
  readonly provider: string;
  readonly kind: 'credential' | 'private-key' | 'token';
  readonly severity: Severity;
  /** Lower-case substrings; at least one must occur (case-insensitively) before `pattern` runs. */
  readonly keywords: readonly string[];
  /** Global regex. Capture group 1, when present, is the secret itself; otherwise the whole match. */
  readonly pattern: RegExp;
  /**
   * When set, the format is ambiguous on its own (a 40-character base64 string could be anything), so
   * the match counts only when this regex matches the binding name (AST) or the 60 characters that
   * precede the match (text).
   */
  readonly context?: RegExp;
  /**
   * The shape of a checksummed provider format whose checksum fails: mistyped, truncated or made up. Still
   * worth a look, but nothing proves a provider issued it (the fixture policy treats it like a generic value).
   */
  readonly unverified?: true;
  /** The provider's documented example values: never reported. */
  readonly examples?: readonly string[];
  /**
   * For a format judged by the name written before the value (`password = …`): a match on a line longer than this
   * is not reported. Such a line is machine-written (a minified bundle, a build inlined into an HTML page), where
   * expressions (a property set from a member read or a conditional) take the shape of a `name = value` pair;
   * a provider's self-evident format has no such field and is reported on any line.
   */
  readonly maxLineLength?: number;
  /** A one-line remediation hint shown in reports. */
  readonly rotate: string;
  /**
   * A structural check of the secret (capture group 1) after the pattern matched, such as a checksum
   * the provider builds into the token: a match that fails it is not reported. Pure and total: it must
   * return `false`, never throw, on any input.
   */
  readonly validate?: (secret: string) => boolean;
  /** The provider's own documentation of the format (a URL): where the prefix, length and alphabet come from. */
  readonly provenance?: string;
  readonly samples: Samples;
}

/** A value that looks like a credential but is public by design (publishable keys, client ids, DSNs). */
export interface PublicIdentifier {
  readonly id: string;
  readonly title: string;
  readonly pattern: RegExp;
  readonly why: string;
  readonly samples: Samples;
}

/**
 * A credential-shaped value that is public when the object literal it sits in has the sibling keys of
 * a known public client configuration (a Firebase web config's `apiKey`). Samples are JSON object
 * texts: positives are public (not reported), negatives are not.
 */
export interface ContextPublicIdentifier {
  readonly id: string;
  readonly title: string;
  /** The value's shape (anchored). */
  readonly pattern: RegExp;
  /** The property the value sits under (normalised: `api_key`). */
  readonly property: string;
  /** Sibling property names of the public configuration. */
  readonly siblings: readonly string[];
  /** How many of `siblings` must be present. */
  readonly minSiblings: number;
  readonly why: string;
  readonly samples: Samples;
}

/** A credential shape that is public under some names (a Google key under a Maps or Firebase name). */
export interface NamePublicIdentifier {
  readonly id: string;
  readonly title: string;
  /** The value's shape (anchored). */
  readonly pattern: RegExp;
  /** The name (normalised; for config files the path of keys joined by `_`) that makes it public. */
  readonly name: RegExp;
  readonly why: string;
  /** `name=value` pairs. */
  readonly samples: Samples;
}

/** The role an argument plays for a crypto API. */
export type SinkRole = 'key' | 'secret' | 'private-key' | 'iv' | 'nonce' | 'salt' | 'password' | 'ikm' | 'algorithm';

export interface SinkArgument {
  /** Zero-based argument index. */
  readonly index: number;
  /** A dotted property path inside an options-object argument, such as `credentials.secretAccessKey`. */
  readonly property?: string;
  readonly role: SinkRole;
  /** Literals of this shape are public by construction in this slot (a Substrate dev derivation, `//Alice`). */
  readonly publicShape?: RegExp;
  /** Literals of this shape are secrets in this slot though they read as plain (an HSM PIN of digits). */
  readonly secretShape?: RegExp;
  /**
   * The service's own credential, issued or registered there (an AWS secret access key): the service checks it as
   * it is, so no KDF can stand between a password and it, and a value here is no password used as a key, whatever
   * the code calls it (a settings form's `password` field that holds the secret key of an S3 sync target).
   */
  readonly issued?: true;
}

/**
 * A crypto API whose argument is key material (or an IV, salt, ...).
 *
 * `callee` is a canonical call path:
 * - `createCipheriv`, `subtle.importKey`, `AES.encrypt`: a (namespace) function;
 * - `new SignJWT().sign`: a method on an instance made with `new SignJWT(...)`;
 * - `hmac.create().start`: a method on the value returned by `hmac.create()`;
 * - `new Strategy`: the constructor call itself.
 * The path is relative to the module's exports. With `global: true` it also matches unimported roots
 * ending in that path (WebCrypto's `crypto.subtle`). `receivers` names the local names a caller
 * commonly gives the module when the import cannot be seen (`jwt.sign` on a parameter called `jwt`).
 */
export interface KeySink {
  readonly id: string;
  readonly title: string;
  readonly modules: readonly string[];
  readonly callee: string;
  readonly global?: boolean;
  readonly receivers?: readonly string[];
  readonly args: readonly SinkArgument[];
  /**
   * Only a sink when argument `index` is a string literal in `oneOf` (or not in `noneOf`), for example
   * `subtle.importKey` is a key sink for `raw`/`jwk`/`pkcs8` but not for `spki`.
   */
  readonly when?: { readonly index: number; readonly oneOf?: readonly string[]; readonly noneOf?: readonly string[] };
  /** The value type the library wants, so a suggestion can convert (`string` or `bytes`). */
  readonly valueType?: 'string' | 'bytes' | 'any';
  /** Code samples: in each positive, some argument with a key-like role must be found. */
  readonly samples: Samples;
}

/** Words in identifiers, for name-based detection. Matching is on split words (camelCase, snake_case). */
export interface NameLexicon {
  readonly id: string;
  readonly title: string;
  /** Matches a whole normalised name (lower-case words joined by `_`). */
  readonly pattern: RegExp;
  readonly samples: Samples;
}

/**
 * A closed list of names the code spells exactly (case-sensitive, whole): API and method names, option keys, class
 * and type names, flag names. Positive samples are in the list, negative samples are not.
 */
export interface NameList {
  readonly id: string;
  readonly title: string;
  readonly names: ReadonlySet<string>;
  readonly samples: Samples;
}

/**
 * A pattern matched as it is, not on a normalised name: a callee, a method, an argument or a value's text.
 * Positive samples must match, negative samples must not.
 */
export interface TextPattern {
  readonly id: string;
  readonly title: string;
  readonly pattern: RegExp;
  readonly samples: Samples;
}

/**
 * A call that is not a key sink but still matters to a rule: a file deletion API, a key producer, a
 * logger. `callees` are canonical call paths as in `KeySink.callee` (one pattern, several spellings).
 */
export interface CallPattern {
  readonly id: string;
  readonly title: string;
  readonly modules: readonly string[];
  readonly callees: readonly string[];
  readonly global?: boolean;
  readonly receivers?: readonly string[];
  /** Code samples: each positive contains a call the pattern describes; no negative does. */
  readonly samples: Samples;
}
