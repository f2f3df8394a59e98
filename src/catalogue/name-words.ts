/**
 * Words in identifiers that the rules read beside the main name lexicons (names.ts): a bound, a key collection, a
 * key ring, a seed phrase, a paging token. `NameLexicon`s match a normalised name (lower-case words joined by `_`);
 * `TextPattern`s match the text as written. `test/catalogue/code-lists.test.ts` proves every entry's samples.
 * Moved here from src/rule-kit (session 35), where each pattern sat as a module constant beside its one reader.
 */
import type { NameLexicon, TextPattern } from './types.js';

/**
 * A setting named as a bound (`MIN_RSA_BITS`, `maxKeySize`): a lower or upper limit a check compares with, not the
 * algorithm or size that code chooses (rule-kit algorithm-constants.ts).
 */
export const boundSettingName: NameLexicon = {
  id: 'bound-setting-name',
  title: 'A setting named as a lower or upper bound',
  pattern: /(?:^|_)(?:min|max|minimum|maximum|floor|limit)(?:_|$)/,
  samples: {
    positive: ['MIN_RSA_BITS', 'maxKeySize', 'keySizeFloor', 'rsaLimit'],
    negative: ['RSA_BITS', 'minute', 'maximal', 'keySize'],
  },
};

/** A collection of keys named for what it holds (`keyCache`, `dekStore`): what is stored in it is a key. */
export const keyCollectionName: NameLexicon = {
  id: 'key-collection-name',
  title: 'A collection named as a store of keys',
  pattern: /(?:^|_)(?:key|dek|kek|data_key|secret_key|session_key)_(?:cache|map|store|ring|pool|registry)$/,
  samples: {
    positive: ['keyCache', 'dekStore', 'sessionKeyMap', 'KEY_RING'],
    negative: ['keyCacheSize', 'cacheKey', 'apiKeyStoreUrl', 'monkeyCache'],
  },
};

/**
 * A collection whose own name says it holds key material (`sessionKeys`, `this.privateKeys`, `deks`, `keyHistory`),
 * not the bare `keys` nor lookup keys (`eventsForKey`, `parsedKeys`): removing an element drops a key (rule-kit
 * key-holders.ts `namedKeyCollection`).
 */
export const keyMaterialCollectionName: NameLexicon = {
  id: 'key-material-collection-name',
  title: 'A collection named as holding key material',
  pattern: new RegExp(
    '(?:^|_)(?:deks|keks|keyring|keyrings|keystore|key_(?:history|ring|chain|store|cache|versions|material))$|' +
      '(?:^|_)(?:session|private|secret|master|data|message|chain|root|signing|sign|encryption|enc|decryption|' +
      'wrapped|unwrapped|room|device|peer|tenant|content|file|group|sender|receiver|recipient|identity|ephemeral|' +
      'shared|symmetric|aes|hmac|mac|derived|raw|prekey|pre_key|one_time|otk|megolm|olm)_keys?$',
  ),
  samples: {
    positive: ['sessionKeys', 'privateKeys', 'deks', 'keyHistory', 'wrappedKeys', 'megolmKey'],
    negative: ['keys', 'eventsForKey', 'parsedKeys', 'toRemoveKeys', 'apiKeys'],
  },
};

/** A name that says literal bytes are a key, a secret or a seed (rule-kit key-literals.ts). */
export const keyBytesWord: NameLexicon = {
  id: 'key-bytes-word',
  title: 'A name that says its bytes are a key, a secret or a seed',
  pattern: /(?:^|_)(?:key|keys|secret|secrets|seed|private|priv|sk|mnemonic|passphrase|password|psk)(?:_|$)/,
  samples: {
    positive: ['privateKey', 'secretKey', 'seedBytes', 'PSK', 'mnemonic'],
    negative: ['keyboard', 'monkey', 'secretary', 'seeded'],
  },
};

/** A name that says literal bytes are public or not a key, whatever key word it also has (`publicKey`, `keyId`). */
export const notKeyBytesWord: NameLexicon = {
  id: 'not-key-bytes-word',
  title: 'A name that says its bytes are public or not a key',
  pattern: new RegExp(
    '(?:^|_)(?:public|pub|pk|iv|nonce|salt|hash|digest|checksum|magic|header|prefix|id|ids|kid|fingerprint|' +
      'address|addr|cert|certificate|name|path|file|url|tag|mac|signature|sig|expected|test|example|sample)(?:_|$)',
  ),
  samples: {
    positive: ['publicKey', 'ivBytes', 'keyId', 'keyPath', 'SIGNATURE_KEY', 'testSecret'],
    negative: ['privateKey', 'secretKey', 'signingKey', 'seed'],
  },
};

/** A list under one of these names is a key ring (Koa `app.keys`, Keygrip, cookie-signature secrets). */
export const keyRingListName: NameLexicon = {
  id: 'key-ring-list-name',
  title: 'A list named as a ring of keys or secrets',
  pattern: /^(?:(?:app|session|cookie|signing|signature|hmac|jwt)_)?(?:keys|secrets)$/,
  samples: {
    positive: ['keys', 'appKeys', 'cookieSecrets', 'JWT_SECRETS'],
    negative: ['apiKeys', 'publicKeys', 'keysDir', 'secret'],
  },
};

/** Seed phrases and mnemonics: not key names to the key lexicon, key material all the same (store-removals.ts). */
export const seedPhraseName: NameLexicon = {
  id: 'seed-phrase-name',
  title: 'A name of a seed phrase or mnemonic',
  pattern: /(?:^|_)(?:mnemonic|seed_phrase|recovery_phrase|seed_words|secret_phrase)(?:_|$)/,
  samples: {
    positive: ['mnemonic', 'seedPhrase', 'recoveryPhrase', 'walletMnemonic'],
    negative: ['seed', 'phrase', 'passphrase', 'seedWordCount'],
  },
};

/** A token name that is not a credential: a paging, CSRF, sync or cancellation token (`nextPageToken`, `csrfToken`). */
export const notCredentialTokenName: NameLexicon = {
  id: 'not-credential-token-name',
  title: 'A token named as a paging, CSRF, sync or cancellation token',
  pattern: /(?:^|_)(?:page|next|prev|continuation|cursor|csrf|xsrf|cancel|cancellation|sync)_/,
  samples: {
    positive: ['nextPageToken', 'csrfToken', 'syncToken', 'continuationToken'],
    negative: ['accessToken', 'refreshToken', 'token', 'pagesToken'],
  },
};

/**
 * Words in a name (as written, any case) that say its value may be a secret, wider than the key lexicons: a value
 * written to a file under such a name is not known plain text (rule-kit key-file-writes.ts).
 */
export const secretishWord: TextPattern = {
  id: 'secretish-word',
  title: 'A name with a word that may mean a secret',
  pattern: /key|secret|token|cred|pass|pin|seed|mnemonic|pem|cert|priv|auth/i,
  samples: {
    positive: ['apiKey', 'password', 'AUTH_HEADER', 'privPem', 'shippingLabel'],
    negative: ['message', 'userName', 'data', 'content'],
  },
};

/**
 * Purposes (as the purpose reader words them) whose values are sent in the clear or only need to be unique: an IV, a
 * nonce, a salt, an OAuth `state`, a PKCE challenge, a JWT ID. What no-weak-randomness reports, but not a secret to
 * keep out of a log (rule-kit weak-secrets.ts).
 */
export const notSecretPurpose: TextPattern = {
  id: 'not-secret-purpose',
  title: 'A purpose whose value is public or only needs to be unique',
  pattern: /\b(?:iv|ivs|nonces?|salts?|state|jti|jwt id|challenge)\b/i,
  samples: {
    positive: ['iv', 'nonce', 'OAuth state', 'PKCE challenge', 'jwt id', 'salts'],
    negative: ['session token', 'password reset code', 'API key', 'ivory', 'statement'],
  },
};
