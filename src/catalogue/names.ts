/**
 * Identifier lexicons. Names are matched after normalisation: `apiSecretKey`, `API_SECRET_KEY` and
 * `api-secret-key` all become `api_secret_key` (see `normaliseName` in src/detect/names.ts).
 * Each pattern is anchored and runs over a short, bounded string.
 */
import type { NameLexicon } from './types.js';

/** Names whose value is secret key material: `apiKey`, `jwtSecret`, `SIGNING_KEY`, `privateKey`, `password`. */
export const secretName: NameLexicon = {
  id: 'secret-name',
  title: 'A name that holds secret key material',
  pattern: new RegExp(
    String.raw`^(?:.*_)?(?:secret|secrets|private_key|priv_key|privkey|private_(?:pem|der|jwk|pkcs8)|secret_key|` +
      String.raw`api_key|apikey|access_key|` +
      String.raw`signing_key|encryption_key|enc_key|master_key|hmac_key|mac_key|jwt_key|session_key|cipher_key|` +
      String.raw`crypto_key|aes_key|kek|dek|client_secret|auth_token|access_token|refresh_token|bearer_token|` +
      String.raw`api_token|token_secret|password|passwd|pwd|passphrase|credentials?|shared_key|psk|seed|` +
      String.raw`salt_secret|webhook_secret|mnemonic|seed_phrase|seed_words|recovery_phrase|backup_phrase|` +
      String.raw`secret_phrase|wallet_phrase|xprv|xpriv|extended_private_key|wif|nsec|macaroon|` +
      // Named by their services or protocols (breadth study, session 29): Supabase's service-role key, an Azure
      // storage account key, a Vault unseal key, a GCP service-account key, Rails' `secret_key_base`, a password
      // hashing pepper, HKDF keying material, and `<service>_pass` passwords.
      String.raw`service_role_key|storage_account_key|unseal_key|service_account_key|service_account_json|` +
      String.raw`secret_key_base|pepper|key_material|keying_material|` +
      String.raw`(?:db|database|smtp|mail|email|redis|mysql|postgres|pg|mongo|ldap|ftp|sftp|ssh|proxy|keystore|` +
      String.raw`truststore|admin|root|bind|amqp|rabbitmq)_pass)` +
      // an encoding or form after the secret noun (`privateKeyPem`, `seedB58`, `signingKeyDer`, `privKeyParsed`)
      String.raw`(?:_(?:value|hex|b64|base64|base64url|b58|base58|base32|bytes|buf|buffer|raw|str|string|text|` +
      String.raw`material|data|words|pem|der|jwk|wif|encoded|decoded|parsed|repr|arr|array|u8|uint8))?$`,
  ),
  samples: {
    positive: [
      'mnemonic',
      'wallet_mnemonic',
      'seed_phrase',
      'recovery_phrase',
      'api_key',
      'jwt_secret',
      'signing_key',
      'private_key',
      'aws_secret_access_key',
      'db_password',
      'encryption_key_hex',
      'client_secret',
      'secret',
      'stripe_api_key',
      'kek',
      'private_pem',
      'private_jwk',
      'private_key_pem',
      'signing_key_der',
      'seed_b58',
      'xprv',
      'wif',
      'nsec',
      'admin_macaroon',
      'supabase_service_role_key',
      'storage_account_key',
      'vault_unseal_key',
      'gcp_service_account_json',
      'secret_key_base',
      'password_pepper',
      'keying_material',
      'smtp_pass',
      'db_pass',
    ],
    negative: [
      'xpub',
      'npub',
      'public_key_pem',
      'macaroon_path',
      'public_key',
      'key_id',
      'secret_name',
      'secret_arn',
      'password_field',
      'api_key_url',
      'token_url',
      'key',
      'cache_key',
      'sort_key',
      'password_min_length',
      'secret_version',
      'key_path',
      'private_pem_path',
      'account_key',
      'service_role',
      'first_pass',
      'bypass',
      'compass',
      'key_material_id',
    ],
  },
};

/**
 * Names whose value is a password a person chose (`password`, `DB_PASS`, `smtpPwd`, nodemailer's `auth.pass`):
 * such a value is secret even when it is short and low in entropy, unless it is a placeholder.
 */
export const passwordName: NameLexicon = {
  id: 'password-name',
  title: 'A name that holds a password',
  pattern: /^(?:.*_)?(?:[a-z0-9]{0,12}pass(?:word|wd)|pwd|pass|passphrase|pw)$/,
  samples: {
    positive: ['password', 'db_password', 'pgpassword', 'smtp_pass', 'mysql_root_password', 'admin_pwd', 'pass'],
    negative: ['password_field', 'password_min_length', 'bypass', 'passport', 'password_hash', 'pass_through'],
  },
};

/** Names that hold a reference to a key, never the key: ids, ARNs, paths, lengths, public halves. */
/**
 * A credential a service issues and a client presents (an API key, an access, refresh or reset token): random by
 * construction, never chosen by a person. A KDF over one (hashing it for lookup) has no guessing attack for a work
 * factor or a salt to slow down (`kdf-input.ts`). A person's secret (`humanChosenSecretName`) is never one.
 */
export const issuedCredentialName: NameLexicon = {
  id: 'issued-credential-name',
  title: 'A name that holds a credential a service issued',
  pattern: new RegExp(
    String.raw`^(?:(?:raw|plain|plaintext|full|presented|provided|incoming|candidate|new)_)?` +
      String.raw`(?:[a-z0-9]+_)?(?:api_key|apikey|api_token|access_token|refresh_token|auth_token|bearer_token|` +
      String.raw`session_token|reset_token|invite_token|token|access_key)(?:_(?:value|string|str|raw|plain|text))?$`,
  ),
  samples: {
    positive: [
      'api_key',
      'apikey',
      'raw_api_key',
      'plain_token',
      'token',
      'access_token',
      'refresh_token',
      'user_api_key',
      'reset_token_value',
      'personal_access_token',
    ],
    negative: [
      'password',
      'passphrase',
      'pin',
      'secret',
      'master_key',
      'token_hash',
      'api_key_id',
      'token_url',
      'tokens',
      'key',
    ],
  },
};

/**
 * A secret a person chooses or remembers, not one a machine generates: a PIN, a passphrase, a recovery phrase, an
 * answer, a credential pair. A KDF over such a value needs a password KDF's work (`no-password-as-key`, kdf-input.ts).
 */
export const humanChosenSecretName: NameLexicon = {
  id: 'human-chosen-secret-name',
  title: 'A name that holds a secret a person chose or remembers',
  pattern: new RegExp(
    String.raw`(?:^|_)(?:pin|pins|passcode|pass|passwd|pwd|pw|phrase|passphrase|mnemonic|words|answer|memorable|` +
      String.raw`credentials?|login|user_secret)(?:_|$)|pass(?:word|phrase)`,
  ),
  samples: {
    positive: [
      'pin',
      'user_pin',
      'passphrase',
      'seed_phrase',
      'mnemonic',
      'master_password',
      'vault_passphrase',
      'security_answer',
      'credentials',
      'user_secret',
      'login_secret',
      'pw',
    ],
    negative: [
      'jwt_secret',
      'secret_key',
      'app_secret',
      'session_secret',
      'api_key',
      'encryption_key',
      'hmac_key',
      'signing_secret',
      'client_secret',
      'webhook_secret',
      'totp_secret',
      'secret',
      'master_key',
      'master_secret',
    ],
  },
};

export const nonSecretName: NameLexicon = {
  id: 'non-secret-name',
  title: 'A name that holds something about a key, not the key',
  pattern: new RegExp(
    String.raw`(?:^|_)(?:public|pub|id|ids|identifier|identifiers|arn|arns|name|names|path|paths|file|url|uri|` +
      String.raw`endpoint|length|len|` +
      String.raw`size|bits|count|type|alias|label|version|field|header|prefix|suffix|regex|pattern|env|var|` +
      String.raw`placeholder|hint|format|encoding|algorithm|alg|policy|region|expiry|expires|ttl|fingerprint|` +
      String.raw`hash|digest|checksum|mask|masked|redacted|display|hidden|visible|input|min|max|rotation|` +
      String.raw`rotated|kid|kids|dir|dirs|directory|folder)(?:_|$)`,
  ),
  samples: {
    positive: [
      'public_key',
      'key_id',
      'secret_arn',
      'secret_name',
      'token_url',
      'password_field',
      'api_key_header',
      'secret_length',
      'key_fingerprint',
      'token_hash',
      'key_identifier',
      'secret_identifier',
      'id_token_kid',
      'secrets_dir',
    ],
    negative: ['api_key', 'secret', 'jwt_secret', 'private_key'],
  },
};

/**
 * The last word of a name that says the value names or locates a secret instead of being one: a key's alias in an
 * HSM or KMS, its id or ARN, the path or file it is read from, the URL it is fetched from. A value read from an
 * environment variable or a setting named so (`SM_KEYPAIR_ALIAS`, `cfg.signingKeyPath`) is the reference, whatever
 * the binding that holds it is called (for `no-logged-key`). A URL is left out: a connection URL carries its password
 * (`DATABASE_URL`), a webhook URL its token.
 */
export const referenceTailName: NameLexicon = {
  id: 'reference-tail-name',
  title: 'A name whose last word says it names or locates a secret',
  pattern: new RegExp(
    String.raw`(?:^|_)(?:alias|aliases|id|ids|identifier|identifiers|arn|arns|name|names|path|paths|file|files|dir|` +
      String.raw`label|ref|handle|` +
      String.raw`slot|region)$`,
  ),
  samples: {
    positive: [
      'sm_keypair_alias',
      'signing_key_id',
      'private_key_path',
      'kms_key_arn',
      'secret_name',
      'key_file',
      'api_key_identifier',
    ],
    negative: ['signing_key', 'private_key', 'jwt_secret', 'api_key', 'id_token', 'keypair', 'database_url'],
  },
};

/**
 * A `<vendor or purpose> key` name (`APP_KEY`, `alchemyKey`, `TREASURY_KEY`, `licenseKey`): not a secret name on
 * its own, since most keys named so are lookup keys, but a long machine-made value there is a vendor's API key
 * or a key's bytes (secret scanners' generic rule: a key word plus entropy). The value decides; see
 * `keyHolderSecret` in src/detect/classify.ts. Lookup keys and keys public by design are excluded by
 * `nonSecretKeyName`.
 */
export const keyHolderName: NameLexicon = {
  id: 'key-holder-name',
  title: 'A name that ends in key after a word of its own',
  pattern: /^(?:[a-z0-9]+_)+key(?:_(?:value|hex|b64|base64|bytes|raw|str|string|text|material|data))?$/,
  samples: {
    positive: ['app_key', 'alchemy_key', 'treasury_key', 'license_key', 'infura_key_hex', 'etherscan_key'],
    negative: ['key', 'keys', 'key_id', 'app_keys', 'keyboard', 'monkey'],
  },
};

/**
 * The key of an object literal that holds a process's environment in code (a CDK Lambda's or ECS container's
 * `environment`, a Next.js config's `env`, a child process's `env`): its members are environment variables, named
 * and judged as a `.env` file's are.
 */
export const envMapName: NameLexicon = {
  id: 'env-map-name',
  title: 'An object key that holds environment variables',
  pattern: /^(?:env|environment|environment_variables|env_vars|env_variables|variables)$/,
  samples: {
    positive: ['environment', 'env', 'environmentVariables', 'envVars'],
    negative: ['environments', 'env_name', 'environment_id', 'envelope'],
  },
};

/**
 * A name that ends in token after a word of its own (`CI_UPLOAD_TOKEN`, `bootstrapScimToken`, `app_admin_token`): a
 * bearer credential a service issued, when its value is long and machine-made (`keyHolderSecret`). A bare `token`
 * says nothing; pagination, cursor, lexer and push-device tokens are no credentials (`nonSecretTokenName`).
 */
export const tokenHolderName: NameLexicon = {
  id: 'token-holder-name',
  title: 'A name that ends in token after a word of its own',
  pattern: /^(?:[a-z0-9]+_)+token(?:_(?:value|hex|b64|base64|str|string|text))?$/,
  samples: {
    positive: ['ci_upload_token', 'bootstrap_scim_token', 'app_admin_token', 'release_token', 'ca_api_token'],
    negative: ['token', 'tokens', 'token_id', 'upload_tokens', 'tokenizer', 'token_count'],
  },
};

/**
 * Token names that hold no credential (for `tokenHolderName`): a page, cursor or continuation token, a lexer's or
 * a tokenizer's special token, a push-notification device token, a CSRF token's cookie slot, a design token, and a
 * token public by design (Mapbox `pk.` tokens are shipped to browsers).
 */
export const nonSecretTokenName: NameLexicon = {
  id: 'non-secret-token-name',
  title: 'A token name that holds no credential',
  pattern: new RegExp(
    String.raw`(?:^|_)(?:page|next|prev|previous|continuation|pagination|cursor|sync|resume|cancel|cancellation|` +
      String.raw`start|end|eos|bos|eof|pad|unk|sep|cls|mask|special|lexer|parser|device|push|fcm|apns|` +
      String.raw`registration|csrf|xsrf|design|color|colour|theme|injection|` +
      // one-time tokens a server mints per user (a password reset, an e-mail verification): mock data, not a credential
      String.raw`verification|verify|reset|confirmation|confirm|activation|invite|invitation)(?:_|$)`,
  ),
  samples: {
    positive: [
      'next_page_token',
      'continuation_token',
      'eos_token',
      'device_push_token',
      'csrf_token',
      'password_reset_token',
      'verification_token',
    ],
    negative: ['ci_upload_token', 'release_token', 'app_admin_token'],
  },
};

/**
 * Key names that hold a lookup key, a key public by design, or a reference (for `keyHolderName`): cache, sort,
 * partition, storage and idempotency keys, reCAPTCHA site keys, publishable, search-only, analytics write keys
 * and map keys (shipped to browsers and restricted by referrer or app).
 */
export const nonSecretKeyName: NameLexicon = {
  id: 'non-secret-key-name',
  title: 'A key name that holds a lookup key or a key public by design',
  pattern: new RegExp(
    String.raw`(?:^|_)(?:cache|sort|partition|primary|foreign|routing|storage|object|bucket|idempotency|dedupe|` +
      String.raw`dedup|i18n|l10n|translation|translations|translate|locale|query|list|row|range|composite|lookup|` +
      String.raw`index|unique|lock|site|recaptcha|` +
      String.raw`hcaptcha|turnstile|publishable|search|client|browser|frontend|web|posthog|segment|write|` +
      String.raw`mixpanel|amplitude|sentry|analytics|tracking|maps?|places|geocoding|mapbox|hot|shortcut|event|` +
      String.raw`message|state|local|session_storage|react|vue|item|entry|group|redis|s3|` +
      String.raw`public|pub|pk|test|example|sample|dummy|fake|demo)(?:_|$)`,
  ),
  samples: {
    positive: [
      'cache_key',
      'site_key',
      'recaptcha_site_key',
      'algolia_search_key',
      'segment_write_key',
      'maps_key',
      'translate_key',
      'locale_key',
    ],
    negative: ['app_key', 'alchemy_key', 'treasury_key', 'license_key'],
  },
};

/**
 * Command-line flags that take a secret as their value (`--token=…`, `--requirepass …`, `--client-secret …`), in
 * workflow `run:` steps, compose `command:` lists, Dockerfiles and shell scripts. A flag that names a file, a
 * variable or an id (`--token-file`, `--password-stdin`, `--secret-id`) takes no secret.
 */
export const secretFlagName: NameLexicon = {
  id: 'secret-flag-name',
  title: 'A command-line flag whose value is a secret',
  pattern: new RegExp(
    String.raw`^(?:[a-z0-9]+_){0,3}(?:token|password|passwd|pass|pwd|requirepass|masterauth|secret|api_key|apikey|` +
      String.raw`auth_token|access_token|client_secret|private_key|passphrase)$`,
  ),
  samples: {
    positive: ['token', 'requirepass', 'db_password', 'client_secret', 'api_key', 'auth_token', 'admin_pass'],
    negative: ['token_file', 'password_stdin', 'secret_id', 'api_key_id', 'key', 'pass_through', 'tokenizer'],
  },
};

/** Names that hold a digest or an identifier made of hex, so a 40/64-hex value there is not a key. */
export const hashName: NameLexicon = {
  id: 'hash-name',
  title: 'A name that holds a digest, commit or integrity value',
  pattern: new RegExp(
    String.raw`(?:^|_)(?:hash|sha|sha1|sha256|sha512|md5|digest|checksum|etag|commit|revision|rev|integrity|` +
      String.raw`sri|uuid|guid|nonce_hash|fingerprint)(?:_|$)`,
  ),
  samples: {
    positive: ['file_hash', 'commit', 'sha256', 'integrity', 'request_uuid'],
    negative: ['api_key', 'secret', 'master_key'],
  },
};

/**
 * Environment variable names that hold secrets (for `no-logged-key` and the `.env` scanner). Public
 * build-time prefixes (`NEXT_PUBLIC_`, `VITE_`, `PUBLIC_`, `REACT_APP_`) are excluded by `publicEnvName`.
 */
export const secretEnvName: NameLexicon = {
  id: 'secret-env-name',
  title: 'An environment variable that holds a secret',
  pattern: new RegExp(
    String.raw`(?:^|_)(?:secret|secrets|password|passwd|pwd|passphrase|token|private_key|api_key|apikey|` +
      String.raw`access_key|secret_key|signing_key|encryption_key|master_key|hmac_key|client_secret|credentials?|` +
      String.raw`auth|pin|dsn_secret|kek|dek)(?:_(?!(?:id|ids|arn|url|uri|name|names|region|path|file|type|version|` +
      // the last word is the head of the name: `SSH_AUTH_SOCK` is an agent socket, `SECRET_NAMES` a list of names
      String.raw`length|header|method|user|username|features?|enabled|mode|providers?|port|host|hostname|sock|` +
      // a key id (`ID_TOKEN_KID`, RFC 7517 §4.5) and a directory of secret files (`SECRETS_DIR`) name, not hold
      String.raw`socket|kid|kids|dir|dirs|directory|folder)$)` +
      String.raw`[a-z0-9]+)?$|` +
      // `SMTP_PASS`, `DB_PASS`: the short form, last word only (`PASS_THROUGH` is a switch)
      String.raw`(?:^|_)pass$`,
  ),
  samples: {
    positive: [
      'smtp_pass',
      'jwt_secret',
      'database_password',
      'github_token',
      'aws_secret_access_key',
      'stripe_api_key',
      'session_secret',
      'p11_pin',
      'npm_token',
      'auth_provider_secret',
      'secret_port_password',
      'port_secret',
    ],
    negative: [
      'pass_through',
      'bypass',
      'node_env',
      'port',
      'aws_region',
      'secret_arn',
      'token_url',
      'api_key_id',
      'log_level',
      'postgres_host_auth_method',
      'smtp_auth_user',
      'basic_auth_username',
      'show_token_features',
      'auth_provider',
      'secrets_provider',
      'secret_port',
      'token_host',
      'secret_hostname',
      'ssh_auth_sock',
      'gpg_agent_auth_socket',
      'repo_secret_names',
      'audit_token_kid',
      'secrets_dir',
      'secret_directory',
    ],
  },
};

export const publicEnvName: NameLexicon = {
  id: 'public-env-name',
  title: 'An environment variable that is public by design',
  pattern: /^(?:next_public|vite|public|react_app|expo_public|nuxt_public|gatsby)_/,
  samples: { positive: ['next_public_api_key', 'vite_firebase_api_key'], negative: ['api_key', 'jwt_secret'] },
};

/**
 * Words that name a security purpose for a random value (for `no-weak-randomness`). A value returned or
 * stored under such a name must come from a CSPRNG.
 */
export const securityPurposeName: NameLexicon = {
  id: 'security-purpose-name',
  title: 'A name that gives a random value a security purpose',
  pattern: new RegExp(
    String.raw`(?:^|_)(?:token|tokens|secret|secrets|key|keys|nonce|salt|iv|otp|totp|password|passwd|` +
      String.raw`passphrase|pin|reset_code|reset_link|reset_key|reset_secret|verification_code|session_id|sid|` +
      String.raw`sessionid|api_key|apikey|invite|invite_code|csrf|xsrf|jti|challenge|verifier|code_verifier|` +
      String.raw`magic_link|auth_code|recovery_code|secret_code|passkey|psk|pre_shared_key|server_seed|` +
      String.raw`ticket|tickets)(?:_|$)`,
  ),
  samples: {
    positive: [
      'reset_token',
      'csrf_token',
      'session_id',
      'generate_api_key',
      'otp',
      'make_salt',
      'invite_code',
      'iv',
      'jti',
      'display_passkey',
      'device_psk',
      'server_seed',
      'reconnect_ticket',
    ],
    negative: [
      'jitter',
      'delay',
      'shuffle_playlist',
      'color',
      'sample_rate',
      'backoff_ms',
      'animation_offset',
      'random_index',
    ],
  },
};

/**
 * Names that contain a purpose word but describe something about the value, or use the word in a
 * sense that is not secret: expiry times, counters, lengths, cache/sort/React keys, pagination tokens,
 * key ids. `securityPurposeOf` gives no purpose for these (for `no-weak-randomness`: a reset token's
 * expiry is `Date.now() + 3600_000`, which is fine).
 */
export const nonPurposeName: NameLexicon = {
  id: 'non-purpose-name',
  title: 'A name about a secret value, or a non-secret sense of a purpose word',
  pattern: new RegExp(
    String.raw`^keys?$|(?:^|_)(?:expires?|expiry|expiration|expired|exp|last|prev|previous|next|iat|nbf|ttl|` +
      String.raw`timeout|timestamp|date|created|updated|issued|sent|used|count|counter|attempts?|retries|retry|` +
      String.raw`length|len|size|bits|min|max|limit|delay|interval|backoff|jitter|cache|sort|storage|partition|` +
      String.raw`idempotency|dedupe|dedup|lookup|index|idx|row|item|react|render|list|page|pagination|cursor|` +
      String.raw`continuation|cancel|cancellation|trace|span|correlation|animation|color|colour|offset|url|uri|` +
      String.raw`path|header|field|label|name|type|format|pattern|regex|hint|placeholder|hash|hashed|digest|` +
      String.raw`enabled|required|valid|invalid|version|rev|revision|policy|strength|file|toast|notification|` +
      String.raw`modal|dialog|tab|column|element|widget|component|tooltip|menu|snackbar|primary|foreign|` +
      String.raw`composite)(?:_|$)|` +
      String.raw`(?:^|_)(?:keys?|tokens?|` +
      String.raw`secrets?|nonce|salt|tickets?)_ids?$|(?:^|_)tickets?_(?:numbers?|no|num)$|` +
      // A rate or a quota, plural before `per`: `keysPerWorkspace`, `tokensPerInterval` (`saltPerUser` is a salt).
      String.raw`(?:^|_)[a-z0-9]*s_per_[a-z0-9]+$|` +
      // A chat thread's key groups messages into one thread (Google Chat's `threadKey`); it opens nothing. A
      // conversation key is left out: NIP-44 names its ECDH shared secret so.
      String.raw`(?:^|_)thread_keys?$|` +
      // A key in the lookup sense, named by what it looks up: a reply matched to its request (`responseKey`), an
      // editor line, a browser tab's instance, an alert's deduplication, a schedule's trigger bucket, an A/B variant,
      // a query, a route, a translation. Only with `key` as the last word: `instanceSecret` keeps its purpose, and
      // `message_key`, `group_key`, `room_key` (cryptographic in Signal, MLS and Matrix) are not listed.
      String.raw`(?:^|_)(?:response|reply|line|instance|trigger|alert|variant|experiment|query|route|translation|` +
      String.raw`i18n|locale)_keys?$|` +
      // A product-analytics or telemetry session id counts visits for a dashboard; it signs nobody in
      // (a GA4 `session_id`, a telemetry client's visit id). An analytics API key or secret keeps its purpose.
      String.raw`(?:^|_)(?:analytics|telemetry|tracking|metrics|ga)_(?:session|visit)(?:_ids?)?$`,
  ),
  samples: {
    positive: [
      'reset_token_expires',
      'password_reset_expires',
      'token_expiry',
      'cache_key',
      'toast_key',
      'primary_key',
      'key',
      'sort_key',
      'next_page_token',
      'cancel_token',
      'key_id',
      'otp_attempts',
      'password_min_length',
      'token_created_at',
      'session_timeout',
      'reset_token_hash',
      'last_reset_token',
      'next_token',
      'keys_per_workspace',
      'tokens_per_interval',
      'max_secrets_per_user',
      'thread_key',
      'chat_thread_keys',
      'analytics_session_id',
      'telemetry_session',
      'response_key',
      'line_key',
      'instance_key',
      'alert_key',
      'trigger_key',
      'translation_keys',
      'key_rev',
      'tracking_visit_id',
    ],
    negative: [
      'thread_secret',
      'thread_token',
      'conversation_key',
      'thread_key_secret',
      'analytics_api_key',
      'instance_secret',
      'response_token',
      'message_key',
      'group_key',
      'room_key',
      'alert_key_secret',
      'analytics_session_secret',
      'tracking_session_token',
      'salt_per_user',
      'per_user_token',
      'key_per_tenant',
      'one_time_password',
      'reset_token',
      'csrf_token',
      'session_id',
      'api_key',
      'otp',
      'salt',
      'iv',
      'nonce',
      'invite_code',
      'secret',
    ],
  },
};

/** How a purpose word reads in a message: `reset token` → `password-reset token`, `iv` → `IV`. */
export const purposeWordDisplay: Readonly<Record<string, string>> = {
  reset: 'password-reset',
  otp: 'one-time password',
  totp: 'TOTP',
  csrf: 'CSRF',
  xsrf: 'XSRF',
  iv: 'IV',
  api: 'API',
  id: 'ID',
  sid: 'session ID',
  jti: 'JWT ID (jti)',
  pin: 'PIN',
  psk: 'PSK',
  jwt: 'JWT',
  hmac: 'HMAC',
};

/** Verbs and fillers that open a function or variable name and say nothing about the purpose. */
export const purposeNameFillers: readonly string[] = [
  'make',
  'generate',
  'gen',
  'create',
  'new',
  'get',
  'build',
  'random',
  'rand',
  'issue',
  'next',
  'compute',
  'fresh',
  'init',
  'mint',
  'the',
  'a',
  'my',
  'value',
  'str',
  'string',
  'hex',
  'b64',
  'base64',
];

/** JWK members that are private (RFC 7518 §6.2.2, §6.3.2 and §6.4.1). */
export const jwkPrivateMembers = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'] as const;
