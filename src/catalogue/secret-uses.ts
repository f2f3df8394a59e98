/**
 * Secret by use (issue 11, session 38): what the code does with a value that shows it is a credential, whatever the
 * writer named it (`claimStub`, `visitTicket`, `latch`). Read by src/rule-kit/secret-uses.ts for
 * `no-weak-randomness` (a purpose beside names) and `no-logged-key` (a holder whose secret-ness comes from use).
 * The uses: stored in a record beside its expiry, stored under a field that requests are looked up by, set as an
 * HTTP-only or signed cookie, compared with what a request sent or in constant time, and hashed while the plain value
 * is handed back.
 */
import type { NameLexicon } from './types.js';

/**
 * Fields that give a stored record its expiry (`{ userId, stub, expiresAt }`): what a record keeps beside a value
 * that stops working after a while, which is what a grant, a code or a ticket does. Not a certificate's or a key
 * entry's `notAfter`: its serial number and key id sit beside it and are public. A log row's retention is named
 * for what it keeps (`retainUntil`), and a cache entry's `ttl` sits beside cached data, whose field names say so
 * (`payload`, `data`: see `storedCredentialField`'s exclusions in the rule kit).
 */
export const expiryFieldName: NameLexicon = {
  id: 'expiry-field-name',
  title: 'A record field that holds when the record stops being valid',
  pattern: new RegExp(
    '^(?:expires?|expires_(?:at|on|in)|expire_(?:at|on)|expiry|expiry_(?:date|time|at)|expiration|' +
      'expiration_(?:date|time|at)|valid_(?:until|to|till)|ttl|good_until)$',
  ),
  samples: {
    positive: ['expires_at', 'expires', 'expiry', 'ttl', 'valid_until', 'expiration_date', 'expires_in'],
    negative: ['created_at', 'expired', 'is_expired', 'expires_count', 'timeout', 'retain_until', 'not_after'],
  },
};

/**
 * Fields a stored value may sit in beside an expiry without being the credential: what the record is about, what it
 * holds as data, and its bookkeeping (`{ requestId, payload, expiresAt }`, `{ attempt, delay, ttl }`). The shared
 * lexicons for ids, times and non-secret senses (`identifierName`, `timeQuantityName`, `nonPurposeName`) are read
 * too; this lists what they do not.
 */
export const recordDataField: NameLexicon = {
  id: 'record-data-field',
  title: 'A record field that holds data or bookkeeping, not the credential itself',
  pattern: new RegExp(
    '(?:^|_)(?:data|payload|value|body|content|message|text|meta|metadata|status|state|kind|reason|ip|agent|' +
      'user_agent|level|scope|scopes|role|roles|attempt|attempts|sample|sampled|weight|score|seed|colour|color|' +
      'variant|bucket|group|locale|lang|theme|title|description)$',
  ),
  samples: {
    positive: ['payload', 'data', 'status', 'attempt', 'user_agent', 'variant', 'theme', 'cached_value'],
    negative: ['stub', 'ticket', 'latch', 'token', 'pass', 'handoff', 'code'],
  },
};

/**
 * Lookup calls of data stores and ORMs whose argument names the fields a record is found by
 * (`findOne({ where: { stub: req.params.stub } })`, `findBy({ pass: input })`): a field looked up by what a request
 * sent is one the caller proves they hold.
 */
export const recordLookupMethod: NameLexicon = {
  id: 'record-lookup-method',
  title: 'A data-store call that finds a record by the fields of its argument',
  pattern: new RegExp(
    '^(?:find|find_one|find_first|find_unique|find_by|find_one_by|find_one_or_fail|find_first_or_throw|' +
      'find_unique_or_throw|find_one_and_delete|find_one_and_update|find_and_delete|get_one|get_by|select_one|' +
      'where|exists|count|delete_one|delete_many|update_one)$',
  ),
  samples: {
    positive: ['find_one', 'find_first', 'find_unique', 'find_by', 'where', 'find_one_and_delete'],
    negative: ['insert', 'create', 'save', 'update', 'upsert', 'find_all_users'],
  },
};

/** The option key of a lookup call whose object names the fields a record is found by (`{ where: { … } }`). */
export const lookupFilterKey: NameLexicon = {
  id: 'lookup-filter-key',
  title: 'An option of a lookup call that holds the fields to match',
  pattern: /^(?:where|filter|query|conditions|selector)$/,
  samples: { positive: ['where', 'filter', 'selector'], negative: ['data', 'select', 'include', 'order_by'] },
};

/** Methods that set a cookie from (name, value, options): Express `res.cookie`, Koa `ctx.cookies.set`, `setCookie`. */
export const cookieSetterName: NameLexicon = {
  id: 'cookie-setter-name',
  title: 'A method that sets a cookie from a name, a value and options',
  pattern: /^(?:cookie|set_cookie|cookies_set)$/,
  samples: { positive: ['cookie', 'set_cookie', 'cookies_set'], negative: ['clear_cookie', 'cookies_get', 'set'] },
};

/**
 * Cookie options that say the cookie is a credential when true: `httpOnly` keeps it from page scripts and `signed`
 * stops the client forging it, which only a value that grants something needs. A preference cookie (a theme, a
 * locale) sets neither.
 */
export const credentialCookieOption: NameLexicon = {
  id: 'credential-cookie-option',
  title: 'A cookie option that only a credential needs',
  pattern: /^(?:http_only|httponly|signed)$/,
  samples: { positive: ['http_only', 'httponly', 'signed'], negative: ['max_age', 'same_site', 'secure', 'path'] },
};

/**
 * Header names whose value is a cookie the server sets: a raw `Set-Cookie` string (`sid=${v}; HttpOnly; Path=/`)
 * written with `res.setHeader`, `headers.append`, or in a `headers` object (Next.js API routes, Lambda responses,
 * `node:http`), the same cookie `res.cookie(name, value, options)` sets.
 */
export const setCookieHeaderName: NameLexicon = {
  id: 'set-cookie-header-name',
  title: 'A response header that sets a cookie',
  pattern: /^set_cookie$/,
  samples: { positive: ['set_cookie'], negative: ['cookie', 'x_set_cookie', 'set_cookie_policy', 'content_type'] },
};

/**
 * The attribute of a raw `Set-Cookie` string that only a credential needs (RFC 6265 §4.1.2.6, HttpOnly: kept from
 * page scripts), after the cookie's value; the mirror of `credentialCookieOption` for a cookie written as text.
 */
export const credentialCookieAttribute = {
  id: 'credential-cookie-attribute',
  title: 'The HttpOnly attribute of a Set-Cookie string',
  pattern: /;\s*httponly\s*(?:;|$)/i,
  /** The text before a cookie's own value: `sid=` or `${name}=` before the first `;` (after it, an attribute's). */
  valueStart: /^[^;]*=$/,
  samples: {
    positive: ['; HttpOnly; Secure; Path=/', '; Path=/; httponly', '; Max-Age=900; HttpOnly'],
    negative: ['; Path=/; Secure', '; SameSite=Lax', 'httponly-preference', '; X-HttpOnlyish=1'],
  },
} as const;

/**
 * Calls that compare two values in constant time (`crypto.timingSafeEqual`, `tsscmp`, `safeCompare`): only a secret
 * needs it, so what is compared there is one.
 */
export const constantTimeCompare: NameLexicon = {
  id: 'constant-time-compare',
  title: 'A call that compares secrets in constant time',
  pattern: /^(?:timing_safe_equal|safe_compare|secure_compare|constant_time_equals?|timing_safe_compare|tsscmp)$/,
  samples: {
    positive: ['timing_safe_equal', 'safe_compare', 'secure_compare', 'constant_time_equal', 'tsscmp'],
    negative: ['compare', 'equal', 'deep_equal', 'is_equal', 'strict_equal'],
  },
};

/**
 * Calls that hash a value so that only its digest is kept (`createHash('sha256').update(raw)`, `bcrypt.hash(raw,
 * 10)`, `sha256(raw)`): a value hashed for storage while its plain form goes back to the caller is a credential
 * (a reset token, an API key shown once).
 */
export const storedHashCall: NameLexicon & { readonly streamFactory: RegExp } = {
  id: 'stored-hash-call',
  title: 'A call that hashes a value so only its digest is kept',
  pattern: /^(?:hash|hash_sync|sha256|sha512|sha1|sha384|sha3|blake2b|blake3|hash_token|hash_secret)$/,
  /** `update(raw)` hashes only on a digest stream (`createHash('sha256').update(raw)`), not an HMAC's or a store's. */
  streamFactory: /^create_hash$/,
  samples: {
    positive: ['hash', 'hash_sync', 'sha256', 'hash_token'],
    negative: ['compare', 'verify', 'encrypt', 'digest', 'hash_code', 'update', 'update_user'],
  },
};

/**
 * Consumers of a weak value (session 41): key-value stores written with an expiry. A value written into an entry
 * that expires (`redis.set(k, v, 'EX', 600)`, `redis.setex(k, 600, v)`, a Workers KV
 * `put(\`share:${id}\`, data, { expirationTtl: 600 })`, a node-redis `set(k, v, { EX: 600 })`) is a grant that stops
 * working after a while: a share id, a one-time code, a break-glass token, whatever it is called. The methods that
 * write an entry; `setex` and `psetex` take the expiry as their second argument and the value as their third.
 */
export const expiringStoreMethod: NameLexicon & { readonly expiryFirst: RegExp } = {
  id: 'expiring-store-method',
  title: 'A key-value store method that writes an entry, with an expiry when the call gives one',
  pattern: /^(?:set|put|setex|psetex|add|replace)$/,
  expiryFirst: /^p?setex$/,
  samples: {
    positive: ['set', 'put', 'setex', 'psetex', 'add'],
    negative: ['get', 'del', 'expire', 'hset', 'set_header', 'put_item', 'incr'],
  },
};

/**
 * What gives a key-value write its expiry: an option (node-redis `{ EX: 600 }`, Workers KV `{ expirationTtl }`,
 * keyv and cache-manager `{ ttl }`) or an ioredis flag argument (`'EX', 600`, `'PX', 60_000`).
 */
export const storeExpiryOption: NameLexicon & { readonly flag: RegExp } = {
  id: 'store-expiry-option',
  title: 'An option or flag of a key-value write that makes the entry expire',
  pattern: /^(?:ex|px|exat|pxat|expiration_ttl|expiration|ttl|expires_in|expire_in|expiry)$/,
  /** The same as a flag argument (ioredis), normalised. */
  flag: /^(?:ex|px|exat|pxat)$/,
  samples: {
    positive: ['ex', 'px', 'expiration_ttl', 'ttl', 'expires_in'],
    negative: ['nx', 'xx', 'keepttl', 'get', 'metadata', 'timeout', 'max_retries'],
  },
};

/**
 * What says an expiring entry is bookkeeping, not a grant: a lock (`NX`, Redlock's `SET key token NX PX 30000`,
 * whose value only tells owners apart), or a key named for a lock, a rate limit, a window, a counter or a cache
 * (`rl:${ip}:${minute}`, `lock:${job}`, `cache:${url}`).
 */
export const bookkeepingStoreEntry: NameLexicon & { readonly lockFlag: RegExp } = {
  id: 'bookkeeping-store-entry',
  title: 'The key text of an expiring entry that is a lock, a rate limit, a counter or a cache',
  pattern: new RegExp(
    '(?:lock|mutex|lease|rate|^rl[:_-]|limit|throttle|window|bucket|count|seen|dedup|idem|cache|heartbeat|' +
      '^req|request|^job|trace|correlation|^event|^msg|message|^task|queue)',
    'i',
  ),
  lockFlag: /^nx$/,
  samples: {
    positive: ['lock:', 'rl:', 'ratelimit:', 'cache:page:', 'seen:', 'throttle-', 'req:', 'job:'],
    negative: ['share:', 'otp:', 'invite:', 'reset:', 'magic:', 'session:', 'admin:break-glass'],
  },
};
