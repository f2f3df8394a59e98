/* eslint-disable keyhygiene/no-hardcoded-key -- every sample below is fake, made up for this catalogue */
/**
 * Credential formats and private-key blocks. Facts about the formats (prefixes, lengths, alphabets) come
 * from the providers' documentation; the regexes and samples are our own. Every sample credential here is
 * FAKE: made up for the catalogue test, never issued by a provider.
 *
 * ReDoS rule for this file: character classes with bounded quantifiers only, no nested quantifiers over
 * overlapping classes. `test/reliability` runs the worst case of every pattern.
 */
import { providerFormats } from './providers/index.js';
import type { ContextPublicIdentifier, CredentialFormat, NamePublicIdentifier, PublicIdentifier } from './types.js';

/** A published example credential or key, known by the SHA-256 of its value (see `publishedExamples`). */
export interface PublishedExample {
  /** Hex SHA-256 of the value with all whitespace removed. */
  readonly sha256: string;
  /**
   * The ids of the credential formats with a `context` whose pattern captures this value (each such pattern is one
   * capture group between boundary assertions). Derived by running every format's pattern over the value, bare,
   * quoted, and split by a space or an escaped line break. `findCredentials` may skip a context format in a text
   * where its context occurs nowhere only when no published example lists it: the published check runs first.
   */
  readonly contextFormats: readonly string[];
  readonly label: string;
  /** Where it is published. */
  readonly source: string;
}

/** A PEM/OpenSSH/PGP private key counts only with a real body: code that merely names the header is fine. */
function hasKeyBody(secret: string): boolean {
  const body = secret
    .replace(/-----(?:BEGIN|END)[^-]{0,60}-----/g, '')
    .replace(/\\[nr]/g, '\n')
    .replace(/^[A-Za-z-]{1,40}: .{0,200}$/gm, '');
  // Real PEM bodies are lines of up to 64 base64 characters; prose never has a 40-character run.
  const run = /[A-Za-z0-9+/=]{40,}/.exec(body);
  return run !== null && !/^(?:x+|X+|0+|A+)=*$/.test(run[0]);
}

/**
 * Placeholder policy for passwords (one list for URLs, connection strings, config files and code): words
 * that name the slot rather than fill it. `user:password@host` and `Pwd=your_password` are documentation.
 */
export const placeholderPasswords: ReadonlySet<string> = new Set([
  'password',
  'passwd',
  'pass',
  'pwd',
  'pw',
  'secret',
  'mypassword',
  'mypass',
  'mysecret',
  'yourpassword',
  'userpassword',
  'dbpassword',
  'newpassword',
  'oldpassword',
  'somepassword',
  'thepassword',
  'changeme',
  'changeit',
  'null',
  'none',
  'undefined',
  'empty',
  'required',
  'string',
  'optional',
]);

/**
 * Well-known throwaway passwords of local development: the values the official database images document
 * for local use. Reported at low severity in local-development files (docker-compose), never silently.
 */
export const throwawayPasswords: ReadonlySet<string> = new Set([
  'postgres',
  'postgrespw',
  'mysql',
  'root',
  'rootpassword',
  'root123',
  'admin',
  'admin123',
  'example',
  'password',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'secret',
  'mysecretpassword',
  'changeme',
  'test',
  'test123',
  'testing',
  'guest',
  'dev',
  'devpassword',
  'local',
  'localdev',
  'docker',
  'mongo',
  'mongodb',
  'redis',
  'rabbitmq',
  'keycloak',
  'minioadmin',
  'sa',
  'yourStrong(!)Password',
  'Your_password123',
  '123456',
  '12345678',
]);

/**
 * Formats that read a `name = value` pair out of free text. Where a file is read by a structured reader
 * that knows each value's name (JSON, YAML, `.env`, `key=value` files), that reader judges the pair instead.
 */
export const nameValueFormats: ReadonlySet<string> = new Set(['password-assignment']);

/**
 * A reference's opening: `${VAR}`, `{{var}}`, `$(VAR)`, `<password>`, `{password}`, `:password`, `@Ref`, `!vault`, env
 * lookups. `%` opens one only as `%NAME%`, `%(name)s`, `%{name}` or a bare `%s`: a typed password may start with `%`.
 */
const REFERENCE = new RegExp(
  String.raw`^(?:\\?["'])?(?:[$\{<:@!]|%(?:[A-Za-z_]\w{0,80}%|[({]|[sdifv]$))|\$\{|\{\{|\$\(|\}$|` +
    String.raw`^process\.env|^env\(|^ENV\[`,
  'i',
);

/** `${VAR}`, `{{var}}`, `$(VAR)`, `%VAR%`, `<password>`, `{password}`, `:password` and env lookups: not a value. */
export function isReference(value: string): boolean {
  // A quote before the sigil (`"$USER_PASSWORD"`, `\"$PW\"` inside an escaped shell string) is still a reference.
  return REFERENCE.test(value) || expandsVariable(value);
}

/** Interpolation and source-prefixed variables (`expandsVariable`). */
const EXPANSION = new RegExp(
  String.raw`#\{[^}\s]{1,80}\}?|\$env:[A-Za-z_]|` +
    String.raw`^[a-z]{2,8}:(?:\\?["'])?(?:\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|%[A-Za-z_][A-Za-z0-9_]*%)$`,
  'i',
);
/**
 * Another language's variable expansion inside a value: Ruby, CoffeeScript or Elixir interpolation (`#{pw}`),
 * PowerShell's `$env:NAME`, and a source prefix before a shell or batch variable (`pass:$KS_PASS`, `env:%PW%`, as
 * apksigner, openssl and keytool take their passwords). The text file holds the variable's name; the value comes
 * from wherever the variable is set.
 */
export function expandsVariable(value: string): boolean {
  return EXPANSION.test(value.trim());
}

/** A version string (`5.x`, `1.2.3-beta.4`, `^2.0.0`, `npm:^1.0.0`, `v18`): never a secret (lock files, manifests). */
const VERSION_STRING = new RegExp(
  String.raw`^(?:[a-z]{2,10}:)?(?:[~^=<>]{0,2}v?\d{1,6}(?:\.(?:\d{1,6}|x|\*)){1,3}(?:[-+][0-9A-Za-z.-]{1,40})?` +
    String.raw`|v\d{1,4}|\*)$`,
);
function isVersionString(value: string): boolean {
  // An optional protocol (`npm:^1.0.0`, `workspace:*`), a range operator, then dotted numbers.
  return VERSION_STRING.test(value);
}

const FLAG_WORD = String.raw`(?:true|false|yes|no|on|off|enabled|disabled|null|none)`;
/** Flag words offered as a choice: `true/false`, `yes|no`. */
const FLAG_CHOICE = new RegExp(String.raw`^${FLAG_WORD}(?:[/|]${FLAG_WORD})+$`, 'i');

/**
 * Whether a value under a password name (or in a password slot) reads as a real password: not a
 * reference, placeholder word, version string or dotted identifier, at least 6 characters, and letters
 * mixed with digits or symbols (`hunter22`, `strongp@55!`). A plain word (`myPassword`) is documentation.
 */
export function isPasswordLike(value: string): boolean {
  // A trailing `;` separates fields (`Pwd=hunter22;Server=...`): it is not part of the password.
  const v = value.trim().replace(/;$/, '');
  if (v.length < 6 || v.length > 256 || /\s/.test(v)) return false;
  if (isReference(v) || isVersionString(v) || placeholderPasswords.has(v.toLowerCase())) return false;
  // Code, not a value: `req.body.password`, `this.pass`, `getPassword()`, `config.db['password']`, `parts[1]`.
  if (/^[A-Za-z_$][\w$]*(?:(?:\.|\?\.)[A-Za-z_$][\w$]*|\[['"][^'"]{1,40}['"]\]|\[\d{1,4}\]|\(\))+$/.test(v))
    return false;
  // A type, not a value: a GraphQL schema's `password: String!` or `[String!]!` declares a field.
  if (/^\[?(?:String|ID|Int|Float|Boolean)!?\]?!?$/.test(v)) return false;
  // A link, not a value: `// App-specific password: https://support.example.com/kb/1234` points at a page about
  // the password. A URL holding a password has userinfo (`scheme://user:pw@`), which the URL formats find.
  if (/^[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/]+(?::\d+)?(?:[/?#][^\s@]*)?$/i.test(v)) return false;
  // A subscript cut at its quote by an unquoted reader: `os.environ["DB_PASSWORD"]`, `response['SecretString']`; or
  // at its `]`: `pw = split[1]`, `password = os.Args[2]` (code in a Go or Python source).
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\[\d{0,4}$/.test(v)) return false;
  // Markup, not a value: a class name that ends in `password` is read as the name, and the next attribute
  // (`class="x-password" :class="…"`, `v-bind:type="…"`) as its value, cut at the attribute's quote.
  if (/^[a-z][a-z-]*(?::[a-z][a-z-]*)?=$/.test(v)) return false;
  // A choice described, not made: `"password": true/false` in a docstring, `yes|no`, `on/off` (flag words only).
  if (FLAG_CHOICE.test(v)) return false;
  // An absolute or home path of two or more word segments (`NOPASSWD: /usr/sbin/service` in sudoers, a socket path):
  // a file, not a password. A typed password with a `/` in it is no chain of word segments.
  if (/^(?:~|\.{1,2})?(?:\/[\w.-]{1,64}){2,}\/?$/.test(v)) return false;
  // A JSON Pointer into the same document (RFC 6901 in a URI fragment): OpenAPI's `$ref` and discriminator `mapping`
  // values (`password: '#/components/schemas/PasswordField'`) name a schema, not a secret.
  if (/^#\/[\w.~%-]+(?:\/[\w.~%-]+)*$/.test(v)) return false;
  // Letters with digits or with real (ASCII) symbols; `my-db-secret` (words joined by `-_.`) is a name, and a
  // word or sentence in another script (`Återställningslösenord`, translated UI text) is prose, not a password.
  return /[A-Za-z]/.test(v) && (/[0-9]/.test(v) || /[!-,/:-@[-^\x60{-~]/.test(v));
}

/** The userinfo of a URL match (`scheme://user:password@`), for the checks that compare user and password. */
function urlUser(match: string): string {
  const start = match.indexOf('://') + 3;
  return match.slice(start, match.indexOf(':', start));
}

/** A password in a URL counts unless it is a placeholder, a reference, or the user name repeated. */
function urlPasswordCounts(secret: string, match?: RegExpExecArray): boolean {
  if (match?.[1] !== undefined) return true; // the token of `token:x-oauth-basic@`
  if (secret.length < 4 || isReference(secret) || placeholderPasswords.has(secret.toLowerCase())) return false;
  return match === undefined || urlUser(match[0]).toLowerCase() !== secret.toLowerCase();
}

/** `Authorization: Basic` credentials decode to `user:password` with a real password. */
function basicAuthCounts(secret: string): boolean {
  let decoded: string;
  try {
    decoded = atob(secret);
  } catch {
    return false;
  }
  const m = /^([\x21-\x39\x3b-\x7e]{1,128}):([\x20-\x7e]{4,256})$/.exec(decoded);
  if (!m) return false;
  const pw = m[2]!;
  return !isReference(pw) && !placeholderPasswords.has(pw.toLowerCase()) && pw.toLowerCase() !== m[1]!.toLowerCase();
}

/** A bearer token counts when it is shaped like a generated one: long, and mixing letters and digits. */
function bearerCounts(secret: string): boolean {
  return /[0-9]/.test(secret) && /[A-Za-z]/.test(secret) && new Set(secret).size >= 12 && !isReference(secret);
}

/** Schemes whose URLs are database, cache or broker connection strings. */
const DB_SCHEMES =
  'postgres|postgresql|mysql|mysqlx|mariadb|mongodb|mongodb\\+srv|redis|rediss|amqp|amqps|sqlserver|mssql|oracle|' +
  'cockroachdb|clickhouse|cassandra|neo4j|neo4j\\+s|bolt|couchbase|couchbases|nats|memcached|elasticsearch|' +
  'db2|snowflake';
/**
 * The userinfo of a URL: the user (empty in Redis's `redis://:password@host`), then a password up to the last
 * `@` before the host. A raw `#` is allowed
 * in the password (RFC 3986 wants it percent-encoded, people do not), since the `@` must still follow.
 */
const USERINFO =
  String.raw`(?:([A-Za-z0-9_]{20,255}):x-oauth-basic|[^\s:@/?#"'\x60<>()\[\]{}\\|,;]{0,128}:` +
  String.raw`([^\s/?"'\x60<>\\|]{1,256}))@(?=[A-Za-z0-9\[_])`;

/**
 * A JWT whose payload claims `"role":"anon"` (base64url, at each of its three alignments within the payload): a
 * Supabase or PostgREST anon key, public by design (`publicIdentifiers` below; the `jwt` format skips it).
 */
const ANON_ROLE_JWT = new RegExp(
  String.raw`^eyJ[A-Za-z0-9_-]{10,2048}\.[A-Za-z0-9_-]*(?:InJvbGUiOiJhbm9uI|Jyb2xlIjoiYW5vbi|cm9sZSI6ImFub24i)` +
    String.raw`[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{20,1024}$`,
);

export const credentialFormats = [
  {
    id: 'private-key-block',
    title: 'Private key block (PEM, OpenSSH, PGP)',
    provider: 'generic',
    kind: 'private-key',
    severity: 'critical',
    keywords: ['private key'],
    pattern: new RegExp(
      String.raw`-----BEGIN (?:(?:[A-Z0-9]{1,12} ){0,3})PRIVATE KEY(?: BLOCK)?-----(?:(?:\\n|\r?\n)(?:Proc-Type|D` +
        String.raw`EK-Info): [^\r\n\\]{1,100}){0,2}[A-Za-z0-9+/=\s\\:,.]{0,16384}(?:-----END (?:[A-Z0-9]{1,12} ){0,` +
        String.raw`3}PRIVATE KEY(?: BLOCK)?-----)?`,
      'g',
    ),
    validate: hasKeyBody,
    rotate: 'Revoke the key pair, issue a new one, and keep the private key in a keystore or HSM.',
    samples: {
      positive: [
        // fake: a random-looking body, not a real key
        '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA3fakeFAKEfake0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH9jK2lM4nP6' +
          'qR8sT0uV2wX4yZ6aB8cD0eF2gH4\n-----END RSA PRIVATE KEY-----',
        '-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2' +
          'gtZWQyNTUxOQAAACBfakeFAKEfake\\n-----END OPENSSH PRIVATE KEY-----',
        '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBGfakeFAKEfakeBCADqZ8vR6xW1yB5cD3eF7gH9jK2lM4nP6qR8sT0uV2wX' +
          '4yZ6aB8cD0eF2gH4jK6\n-----END PGP PRIVATE KEY BLOCK-----',
        '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQIfakeFAKEfakeAgIIA' +
          'DAMBggqhkiG9w0CCQUAMBQGCCqGSIb3\n',
        // fake: a legacy encrypted PEM, whose headers carry dashes
        '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0FA4E0000FA4E0000FA4E0000' +
          'FA4E000\n\nfAkEq9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH9jK2lM4nP6qR8sT0uV2wX4yZ6aB8cD0eF2gH4\n-----END RSA PRIVAT' +
          'E KEY-----',
      ],
      negative: [
        '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEfakeFAKEfake0q9Zt7sK2mN4pL8vR6xW1yB5cD3e' +
          'F7gH9jK2lM4nP6qR8sT0uV2wX4\n-----END PUBLIC KEY-----',
        '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJRTESMBAGA1U' +
          'EChMJQmFsdGltb3Jl\n-----END CERTIFICATE-----',
        "if (pem.startsWith('-----BEGIN RSA PRIVATE KEY-----')) return 'pkcs1';",
        '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----',
      ],
    },
  },
  {
    id: 'connection-string-password',
    title: 'Database connection string with a password',
    provider: 'generic',
    kind: 'credential',
    severity: 'high',
    keywords: [
      'postgres',
      'mysql',
      'mariadb',
      'mongodb',
      'redis',
      'amqp',
      'sqlserver',
      'mssql',
      'oracle',
      'cockroachdb',
      'clickhouse',
      'cassandra',
      'neo4j',
      'bolt://',
      'couchbase',
      'nats://',
      'memcached',
      'elasticsearch',
      'db2://',
      'snowflake',
    ],
    pattern: new RegExp(String.raw`(?<![A-Za-z0-9+.-])(?:jdbc:)?(?:${DB_SCHEMES}):\/\/${USERINFO}`, 'gi'),
    validate: urlPasswordCounts,
    rotate: 'Change the database password, and build the connection string at run time from a secret store.',
    samples: {
      positive: [
        'DATABASE_URL=postgres://app:Qx7vR2mK9pLs@db.internal:5432/app',
        'mongodb+srv://svc:fAkE8pw2Lq0@cluster0.fake.mongodb.net/shop?retryWrites=true',
        'jdbc:mysql://deploy:Zr4!kP8wQ@db.fake.test:3306/orders',
        'rediss://default:Fk3pQ9zLw2@cache.fake.test:6380',
        'REDIS_URL=redis://:Lw2Fk3pQ9z@cache.fake.test:6379/0',
        'amqp://worker:Hq7Lp2xR9@mq.fake.test:5672/%2f',
        'postgres://billing:Fk3!pQ#9zLw2@db.fake.test:5432/billing',
      ],
      negative: [
        'postgres://postgres:postgres@localhost:5432/app',
        'mongodb://username:password@localhost:27017/db',
        'mysql://user:${DB_PASSWORD}@db:3306/app',
        'postgresql://{user}:{password}@{{host}}:5432/db',
        'redis://localhost:6379',
        'postgres://$(PGUSER):$(PGPASSWORD)@$(PGHOST)/db',
      ],
    },
  },
  {
    id: 'url-password',
    title: 'Password in a URL',
    provider: 'generic',
    kind: 'credential',
    severity: 'high',
    keywords: ['://'],
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9+.-])(?!(?:jdbc:)?(?:${DB_SCHEMES}):\/\/)[A-Za-z][A-Za-z0-9+.-]{1,30}:\/\/${USERINFO}`,
      'gi',
    ),
    validate: urlPasswordCounts,
    rotate: 'Change the password, and pass credentials to the client separately, from a secret store.',
    samples: {
      positive: [
        'https://deploy:Zr4kP8wQx2@artifacts.fake.test/repo',
        'ftp://backup:Lq9!vX2p@files.fake.test/nightly',
        'see [the feed](https://reader:Hq7Lp2xR9@feeds.fake.test/rss)',
        'git+https://0fa4e0000fa4e0000fa4e0000fa4e0000fa4e000:x-oauth-basic@github.com/acme/lib.git',
      ],
      negative: [
        'https://username:password@example.com/api',
        'https://${USER}:${PASS}@api.fake.test/v1',
        'https://user:xxxx@demo.fake.test',
        'https://admin:admin@localhost:8080',
        'https://example.com:8443/path?a=b@c',
        'git+ssh://git@github.com/acme/lib.git',
      ],
    },
  },
  {
    id: 'basic-auth-header',
    title: 'HTTP Basic credentials',
    provider: 'generic',
    kind: 'credential',
    severity: 'high',
    keywords: ['basic'],
    pattern: /(?<![A-Za-z])[Bb]asic[ \t]{1,4}([A-Za-z0-9+/]{12,684}={0,2})(?![A-Za-z0-9+/=])/g,
    validate: basicAuthCounts,
    rotate: 'Change the password, and build the header at run time from credentials in a secret store.',
    samples: {
      // `deploy:Zr4kP8wQx2` and `api:Fk3pQ9zLw2`, base64-encoded (fake).
      positive: [
        'Authorization: Basic ZGVwbG95OlpyNGtQOHdReDI=',
        "headers: { Authorization: 'Basic YXBpOkZrM3BROXpMdzI=' }",
      ],
      // `user:password` (a placeholder), prose, and a base64 value that is not `user:password`.
      negative: [
        'Authorization: Basic dXNlcjpwYXNzd29yZA==',
        'Basic configuration of the server',
        'Basic aGVsbG8gd29ybGQ=',
      ],
    },
  },
  {
    id: 'bearer-token',
    title: 'HTTP Bearer token',
    provider: 'generic',
    kind: 'token',
    severity: 'high',
    keywords: ['bearer'],
    pattern: /(?<![A-Za-z])[Bb]earer[ \t]{1,4}([A-Za-z0-9._~+/-]{20,2048}={0,2})(?![A-Za-z0-9._~+/=-])/g,
    validate: bearerCounts,
    rotate: 'Revoke the token, and read it at run time from the environment or a secret store.',
    samples: {
      positive: ['Authorization: Bearer fAkE0q9Zt7sK2mN4pL8vR6xW1yB5', "'Bearer Qx7vR2mK9pLs.fake-token_4Zr8'"],
      negative: [
        'Authorization: Bearer ${TOKEN}',
        'Bearer authentication is described in RFC 6750',
        'Bearer xxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'password-assignment',
    title: 'Password in a configuration value',
    provider: 'generic',
    kind: 'credential',
    severity: 'medium',
    keywords: ['pass', 'pwd', 'pw'],
    pattern: new RegExp(
      // `:?` is the shell's fail-if-unset operator (`${DB_PASSWORD:?not set}`): the text after it is the message.
      // A name right after `$` is a shell expansion, not a setting: `-v $PWD:/workspace` maps the working directory.
      // An unquoted value ends where a query string's next parameter starts (`roomPassword=0&name=guest`).
      // A name right after `word:` is one field of a colon-joined format (`HOST_USERS=username:password:displayname`),
      // a slot described, not a setting.
      String.raw`(?<!\$\w*)(?<![A-Za-z0-9_]:)(?:password|passwd|passphrase|pwd|(?<![A-Za-z0-9])(?:pass|pw))["']?` +
        String.raw`[ \t]{0,4}` +
        String.raw`(?:=(?!=)|:(?!\?)|=>)[ \t]{0,4}(?:"([^"\s]{1,256})"|'([^'\s]{1,256})'|` +
        String.raw`((?:[^\s"'\x60;,)}\]<>(&]|&(?![\w.-]{1,64}=)){1,256}))` +
        String.raw`|<(?:password|passwd|pwd)>([^<\s]{1,256})<\/`,
      'gi',
    ),
    validate: isPasswordLike,
    // A comparison (`password === x`, `pass == y`) is no assignment; a line longer than this is machine-written.
    maxLineLength: 1000,
    rotate: 'Change the password, and load it at run time from the environment or a secret store.',
    samples: {
      positive: [
        'PGPASSWORD=strongp@55x psql -h db.fake.test',
        'Server=db;Database=app;Uid=app;Pwd=Qx7vR2mK9p;',
        'password: "Hq7Lp2xR9!"',
        '<password>Zr4kP8wQx2</password>',
        'password: "%8hg0gDg1iW9h17&vB"',
        'password: /Qx7/vR2m!',
        'mysql --user=deploy --password=Lq9vX2p7',
        'curl "https://db.fake.test/open?user=admin&password=Hq7Lp2xR9z&db=main"',
        'PASSWORD=Hq7&Lp2xR9z',
        'docker run -e DB_PASSWORD=Hq7Lp2xR9z -v $PWD:/workspace app',
        'db.password: Hq7Lp2xR9z',
        'password: "#/Hq7Lp2!xR9"',
      ],
      negative: [
        'password: ${DB_PASSWORD}',
        'Pwd=myPassword;',
        "'@inquirer/password': 5.0.10",
        'parse-passwd: "npm:^1.0.0"',
        'password = req.body.password',
        'password: !vault |',
        'passwordless: true',
        'password: my-db-secret',
        'HOST_USERS=username:password:displayname:room1,room2',
        "password: '#/components/schemas/PasswordField'",
        '$ref: "#/definitions/pwd2Field"',
        'password=os.environ["DB_PASSWORD"],',
        'pwd: \\"$USER_PASSWORD\\",',
        'if(o.password==t.id)return',
        'pass===Hq7Lp2xR9z',
        'redis-server --requirepass "$${REDIS_PASSWORD:?REDIS_PASSWORD is not set}"',
        'user, pw = parts[0], parts[1]',
        'password = os.Args[2]',
        'input CreateAdministratorInput { password: String! }',
        'password: [String!]!',
        '// App-specific password: https://support.fake.test/en-us/HT000000',
        "help: 'Reset your password: https://id.fake.test/reset?step=2#form'",
        `${'a.b=c;'.repeat(200)}password:Hq7Lp2xR9z`,
        '"password": true/false,',
        'node ALL=(root) NOPASSWD: /usr/sbin/service',
        'password_file: ~/.config/app/db.pass',
        'docker run --rm -v $PWD:/workspace -w /workspace node:20',
        'podman run -v $PWD:/project2 app:latest',
        '// http://localhost:3010/join?room=demo&roomPassword=0&name=guest&audio=1&video=1',
        'GET /rooms?id=7&pwd=0&lang=en&theme=dark',
        '<a-input class="field-password" :class="{ shown: visible }">',
        '<input class="login-password" :type="kind">',
      ],
    },
  },
  {
    // SQLCipher's key written into the SQL that opens the database: `PRAGMA key = 'passphrase'`, a raw key as
    // `PRAGMA key = "x'<64 hex>'"`, `PRAGMA rekey`, for any client (`db.run`, `db.exec`, `execute`, a pragma helper).
    id: 'sqlcipher-pragma-key',
    title: 'SQLCipher database key in a PRAGMA',
    provider: 'generic',
    kind: 'credential',
    severity: 'high',
    keywords: ['pragma'],
    pattern: new RegExp(
      String.raw`\bPRAGMA[ \t]+(?:[A-Za-z_]\w{0,30}\.)?(?:hex)?(?:re)?key[ \t]*=[ \t]*["'](?:x')?` +
        String.raw`([^'"\s$\x60{}?]{6,256})["']`,
      'gi',
    ),
    validate: isPasswordLike,
    rotate: 'Re-key the database (PRAGMA rekey) with a key loaded at run time from the OS keychain or a secret store.',
    samples: {
      positive: [
        "PRAGMA key = 'Vq3n-8zK1pR4-wY6t'",
        "pragma main.rekey = 'Zr4kP8wQx2!'",
        "PRAGMA hexkey = '7f3a9c2e41b86f5a0d7c3e9b1f4a6d2c'",
      ],
      negative: [
        "PRAGMA key = '${passphrase}'",
        'PRAGMA key = ?',
        "PRAGMA key = 'password'",
        "PRAGMA kdf_iter = '256000'",
        "PRAGMA foreign_keys = 'ON'",
      ],
    },
  },
  {
    id: 'aws-access-key-id',
    title: 'AWS access key id',
    provider: 'aws',
    kind: 'credential',
    severity: 'high',
    keywords: ['akia', 'asia', 'abia', 'acca'],
    // IAM documents the id as its prefix and 16 upper-case letters or digits. Issued ids keep to base32, but ids
    // written by hand (and copied between environments) use every digit, so the whole digit range is matched.
    pattern: /\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})\b/g,
    examples: ['AKIAIOSFODNN7EXAMPLE', 'AKIAI44QH8DHBEXAMPLE'],
    rotate: 'Deactivate the access key in IAM, create a new one, and load it from the environment or a role.',
    samples: {
      positive: ['AKIAZ7QXKJ2V4MNB3LPW', 'const id = "ASIAQ2W3E4R5T6Y7U2I3";', 'AKIAR8KD0QW19ZP4XM1T'],
      negative: ['AKIAIOSFODNN7EXAMPLE', 'AKIAZ7QXKJ2V4MNB3LP', 'XAKIAZ7QXKJ2V4MNB3LPW0', 'akiaz7qxkj2v4mnb3lpw'],
    },
  },
  {
    id: 'aws-secret-access-key',
    title: 'AWS secret access key',
    provider: 'aws',
    kind: 'credential',
    severity: 'critical',
    keywords: ['secret'],
    pattern: /(?<![A-Za-z0-9/+])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g,
    context: /aws.{0,20}secret|secret.?access.?key/i,
    examples: ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY'],
    rotate: 'Deactivate the access key in IAM, create a new one, and prefer short-lived role credentials.',
    samples: {
      positive: [
        'aws_secret_access_key = Zq8vR6xW1yB5cD3eF7gH9jK2lM4nP6qR8sT0uV2w',
        '"secretAccessKey": "Zq8vR6xW1yB5cD3eF7/H9jK2lM4nP6qR8sT0uV2w"',
      ],
      negative: [
        'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        'commit = Zq8vR6xW1yB5cD3eF7gH9jK2lM4nP6qR8sT0uV2w',
        'secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY',
      ],
    },
  },
  {
    id: 'gitlab-token',
    title: 'GitLab personal access token',
    provider: 'gitlab',
    kind: 'token',
    severity: 'critical',
    keywords: ['glpat-'],
    pattern: /\b(glpat-[A-Za-z0-9_-]{20,40})(?![A-Za-z0-9_-])/g,
    rotate: 'Revoke the token in GitLab and issue a scoped one from CI variables.',
    samples: {
      positive: ['glpat-fAkE0q9Zt7sK2mN4pL8v', 'GITLAB_TOKEN=glpat-FAKE_q9Zt7sK2mN4pL8vR6x'],
      negative: ['glpat-short', 'glpat-'],
    },
  },
  {
    id: 'slack-token',
    title: 'Slack token',
    provider: 'slack',
    kind: 'token',
    severity: 'high',
    keywords: ['xox'],
    pattern: /\b(xox[abposr]-(?:[0-9]{6,13}-){1,3}[A-Za-z0-9]{8,48})\b/g,
    rotate: 'Revoke the token in the Slack app settings and reinstall the app.',
    samples: {
      positive: [
        'xoxb-123456789012-1234567890123-fAkE0q9Zt7sK2mN4pL8vR6xW',
        'xoxp-1234567890-1234567890-1234567890-fake0q9zt7sk2mn4',
      ],
      negative: ['xoxb-your-token-here', 'xoxb-'],
    },
  },
  {
    id: 'slack-webhook',
    title: 'Slack incoming webhook URL',
    provider: 'slack',
    kind: 'credential',
    severity: 'medium',
    keywords: ['hooks.slack.com'],
    // Team and bot ids are opaque and have grown over the years (`T123456` in old docs, `T0123456789` and
    // `T07EA123LEP` in current ones): 6 to 16 characters after the letter. The secret part is 24 characters.
    pattern: new RegExp(
      String.raw`(https:\/\/hooks\.slack\.com\/(?:services|workflows)\/T[A-Z0-9]{6,16}\/B[A-Z0-9]{6,16}\/` +
        String.raw`[A-Za-z0-9]{24})(?![A-Za-z0-9])`,
      'g',
    ),
    rotate: 'Regenerate the webhook URL in Slack.',
    provenance: 'https://api.slack.com/messaging/webhooks',
    samples: {
      positive: [
        'https://hooks.slack.com/services/T0FAKE0001/B0FAKE0001/fAkE0q9Zt7sK2mN4pL8vR6xW',
        'SLACK_WEBHOOK=https://hooks.slack.com/services/T2FAKE7/B3FAKE01Q/fAkE0q9Zt7sK2mN4pL8vR6xW',
        'https://hooks.slack.com/services/T07FAKE12AB/B07FAKE34CD/fAkE0q9Zt7sK2mN4pL8vR6xW',
      ],
      negative: [
        'https://hooks.slack.com/services/T000/B000/XXXX',
        'https://hooks.slack.com/',
        'https://hooks.slack.com/services/TXXXXX/BXXXXX/XXXXXXXXXX',
        'https://hooks.slack.com/services/T2FAKE7/B3FAKE01Q/fAkE0q9Zt7sK2mN4pL8vR6xWextra',
      ],
    },
  },
  {
    id: 'stripe-secret-key',
    title: 'Stripe secret or restricted key',
    provider: 'stripe',
    kind: 'credential',
    severity: 'critical',
    keywords: ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_'],
    pattern: /\b((?:sk|rk)_(?:live|test)_[0-9a-zA-Z]{24,99})\b/g,
    rotate: 'Roll the key in the Stripe dashboard.',
    samples: {
      positive: ['sk_live_fAkE0q9Zt7sK2mN4pL8vR6xW1yB5', 'rk_test_fAkE0q9Zt7sK2mN4pL8vR6xW1yB5cD3'],
      negative: ['pk_live_fAkE0q9Zt7sK2mN4pL8vR6xW1yB5', 'sk_live_xxx', 'sk_test_'],
    },
  },
  {
    id: 'google-api-key',
    title: 'Google API key',
    provider: 'google',
    kind: 'credential',
    severity: 'high',
    keywords: ['aiza'],
    pattern: /\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/g,
    rotate: 'Delete the key in the Google Cloud console and create a restricted one.',
    samples: {
      positive: ['AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF', 'key=AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF&q=1'],
      negative: ['AIzaSy...', 'AIza' + 'short'],
    },
  },
  {
    id: 'gcp-service-account',
    title: 'Google service-account key file',
    provider: 'google',
    kind: 'credential',
    severity: 'critical',
    keywords: ['private_key_id'],
    pattern: /"private_key_id"\s{0,4}:\s{0,4}"([a-f0-9]{40})"/g,
    rotate: 'Delete the service-account key in IAM and use workload identity instead of key files.',
    samples: {
      positive: ['{"type": "service_account", "private_key_id": "9f3c0fa4e1b27d5e0fa4e0fa4e0fa4e00fa4e000"}'],
      negative: ['{"private_key_id": ""}', '"private_key_id": "${KEY_ID}"'],
    },
  },
  {
    // The checksummed `npm_` tokens are `npm-access-token` (providers/source-ci.ts); this entry is the older
    // UUID-shaped token that `npm login` wrote to `.npmrc` before 2021, which has no prefix and no checksum.
    id: 'npm-token',
    title: 'npm legacy auth token (.npmrc)',
    provider: 'npm',
    kind: 'token',
    severity: 'critical',
    keywords: ['_authtoken'],
    pattern: /_authToken=([A-Za-z0-9-]{36,})/g,
    rotate: 'Revoke the token with `npm token revoke` and use a granular, short-lived token from CI secrets.',
    provenance: 'https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration',
    samples: {
      positive: ['//registry.npmjs.org/:_authToken=00000000-fake-fake-fake-000000000000'],
      negative: [
        '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
        'npm_config_cache',
        '//registry.npmjs.org/:_authToken=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',
      ],
    },
  },
  {
    id: 'twilio-api-key',
    title: 'Twilio API key',
    provider: 'twilio',
    kind: 'credential',
    severity: 'high',
    keywords: ['sk'],
    pattern: /\b(SK[0-9a-f]{32})\b/g,
    rotate: 'Delete the API key in the Twilio console.',
    samples: {
      positive: ['SK0fa4e0000fa4e0000fa4e0000fa4e000'],
      negative: ['SK' + '0'.repeat(10), 'ASK0fa4e0000fa4e0000fa4e0000fa4e000'],
    },
  },
  {
    id: 'twilio-auth-token',
    title: 'Twilio auth token',
    provider: 'twilio',
    kind: 'credential',
    severity: 'high',
    keywords: ['twilio'],
    pattern: /(?<![0-9a-f])([0-9a-f]{32})(?![0-9a-f])/g,
    context: /twilio.{0,20}(?:auth|token|secret)/i,
    rotate: 'Rotate the auth token in the Twilio console.',
    samples: {
      positive: ['TWILIO_AUTH_TOKEN=0fa4e0000fa4e0000fa4e0000fa4e000'],
      negative: ['TWILIO_ACCOUNT_SID=AC0fa4e0000fa4e0000fa4e0000fa4e000', 'md5 = 0fa4e0000fa4e0000fa4e0000fa4e000'],
    },
  },
  {
    id: 'sendgrid-api-key',
    title: 'SendGrid API key',
    provider: 'sendgrid',
    kind: 'credential',
    severity: 'high',
    keywords: ['sg.'],
    pattern: /\b(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g,
    rotate: 'Delete the API key in SendGrid and create a scoped one.',
    samples: {
      positive: ['SG.fAkE0q9Zt7sK2mN4pL8vR6.xW1yB5cD3eF7gH9jK2lM4nP6qR8sT0uV2wX4yZ6aB8c'],
      negative: ['SG.xxxxx.yyyyy', 'SG.'],
    },
  },
  {
    id: 'openai-api-key',
    title: 'OpenAI API key',
    provider: 'openai',
    kind: 'credential',
    severity: 'high',
    keywords: ['sk-'],
    // Every OpenAI key, legacy user key or project, service-account or admin key, carries `T3BlbkFJ` (the base64
    // of `OpenAI`) between its two random halves; a `sk-proj-` string without it is not an OpenAI key.
    pattern: new RegExp(
      String.raw`\b(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,74}T3BlbkFJ[A-Za-z0-9_-]{20,74})(?![A-Za-z0-9_-])`,
      'g',
    ),
    rotate: 'Revoke the key in the provider dashboard and load a new one from a secret store.',
    samples: {
      positive: [
        'sk-fAkE0q9Zt7sK2mN4pL8vT3BlbkFJR6xW1yB5cD3eF7gH9jK2',
        'sk-proj-fAkE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH9jK2lT3BlbkFJM4nP6qR8sT0uV2fAkE0q9Zt7sK2mN4pL8',
      ],
      negative: [
        'sk-xxxx',
        'sk-proj-short',
        'task-runner-configuration',
        // the right length and alphabet, but no `T3BlbkFJ` marker
        'sk-proj-fAkE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH9jK2lM4nP6qR8sT0uV2',
      ],
    },
  },
  {
    id: 'jwt',
    title: 'JSON Web Token',
    provider: 'generic',
    kind: 'token',
    severity: 'medium',
    keywords: ['eyj'],
    pattern: /\b(eyJ[A-Za-z0-9_-]{10,2048}\.eyJ[A-Za-z0-9_-]{10,8192}\.[A-Za-z0-9_-]{20,1024})(?![A-Za-z0-9_-])/g,
    // An anon-role key (Supabase, PostgREST) is public by design.
    validate: (secret: string) => !ANON_ROLE_JWT.test(secret),
    examples: [
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5M' +
        'DIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    ],
    rotate: 'Revoke the token (or rotate its signing key) and never commit bearer tokens.',
    samples: {
      positive: [
        'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmYWtlLXVzZXIiLCJpYXQiOjE3MDAwMDAwMDB9.ZmFrZS1zaWduYXR1cmUtZmFrZS1mYWtl',
      ],
      negative: [
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM' +
          '5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
        'eyJhbGciOiJub25lIn0.eyJzdWIiOiJmYWtlIn0.',
      ],
    },
  },
  ...providerFormats,
] as const satisfies readonly (CredentialFormat & { validate?: (secret: string) => boolean })[];

export type CredentialFormatId = (typeof credentialFormats)[number]['id'];

/** Values shaped like credentials that are public by design. Never reported as hardcoded keys. */
export const publicIdentifiers: readonly PublicIdentifier[] = [
  {
    id: 'anon-role-jwt',
    title: 'Supabase / PostgREST anon key (a JWT whose role claim is anon)',
    pattern: ANON_ROLE_JWT,
    why:
      'Supabase documents the anon key as safe to use in a browser (row-level security guards the data); it only ' +
      'assumes the unauthenticated role. The service_role key is secret.',
    samples: {
      positive: [
        // fake: {"iss":"supabase","ref":"qzkxwtfbhmnlpcvdjsro","role":"anon",…} with a made-up signature
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF6a3h3dGZiaG1ubHBjdmRqc3JvIiwicm9' +
          'sZSI6ImFub24iLCJpYXQiOjE3MDAwMDAwMDB9.ZmFrZS1zaWduYXR1cmUtZmFrZS1mYWtlLXNpZw',
        // fake: {"role":"anon","iat":1700000000}
        'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiIsImlhdCI6MTcwMDAwMDAwMH0.ZmFrZS1zaWduYXR1cmUtZmFrZS1mYWtlLXNpZw',
      ],
      negative: [
        // fake: {"iss":"supabase","ref":"qzkxwtfbhmnlpcvdjsro","role":"service_role",…}
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF6a3h3dGZiaG1ubHBjdmRqc3JvIiwicm9' +
          'sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcwMDAwMDAwMH0.ZmFrZS1zaWduYXR1cmUtZmFrZS1mYWtlLXNpZw',
        // fake: {"role":"another"}
        'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vdGhlciJ9.ZmFrZS1zaWduYXR1cmUtZmFrZS1mYWtlLXNpZw',
      ],
    },
  },
  {
    id: 'stripe-publishable-key',
    title: 'Stripe publishable key',
    pattern: /^pk_(?:live|test)_[0-9a-zA-Z]{24,99}$/,
    why: 'Publishable keys are meant to ship to browsers.',
    samples: { positive: ['pk_live_fAkE0q9Zt7sK2mN4pL8vR6xW1yB5'], negative: ['sk_live_fAkE0q9Zt7sK2mN4pL8vR6xW1yB5'] },
  },
  {
    id: 'posthog-project-api-key',
    title: 'PostHog project API key',
    pattern: /^phc_[A-Za-z0-9]{30,60}$/,
    why: 'PostHog documents the project API key (phc_) as write-only and public, for frontend code; phx_ is secret.',
    samples: {
      positive: ['phc_fAkE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH9jK2lM4'],
      negative: ['phx_fAkE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH9jK2lM4'],
    },
  },
  {
    id: 'revenuecat-public-sdk-key',
    title: 'RevenueCat public SDK key',
    pattern: /^(?:appl|goog|amzn|strp|rcb)_[A-Za-z0-9]{20,40}$/,
    why: 'RevenueCat documents its app-specific SDK keys (appl_, goog_, amzn_) as public, for apps; sk_ is secret.',
    samples: {
      positive: ['appl_fAkE0q9Zt7sK2mN4pL8vR6xW1y', 'goog_fAkE0q9Zt7sK2mN4pL8vR6xW1y'],
      negative: ['sk_fAkE0q9Zt7sK2mN4pL8vR6xW1y', 'apple_fAkE0q9Zt7sK2mN4pL8vR6xW1y'],
    },
  },
  {
    id: 'google-oauth-client-id',
    title: 'Google OAuth client id',
    pattern: /^[0-9]{6,20}-[a-z0-9]{20,40}\.apps\.googleusercontent\.com$/,
    why: 'OAuth client ids are public identifiers; the client secret is the secret.',
    samples: {
      positive: ['123456789012-fakefakefakefakefakefake0000.apps.googleusercontent.com'],
      negative: ['GOCSPX-fAkE0q9Zt7sK2mN4pL8vR6xW1yB5'],
    },
  },
  {
    id: 'sentry-dsn',
    title: 'Sentry DSN',
    pattern: /^https:\/\/[0-9a-f]{32}@(?:o[0-9]{1,12}\.)?ingest(?:\.[a-z]{2})?\.sentry\.io\/[0-9]{1,12}$/,
    why: 'A Sentry DSN is designed to be embedded in client code.',
    samples: {
      positive: ['https://0fa4e0000fa4e0000fa4e0000fa4e000@o12345.ingest.sentry.io/67890'],
      negative: ['https://user:pass@example.com/'],
    },
  },
  {
    id: 'public-key-block',
    title: 'Public key or certificate',
    pattern: /^\s*-----BEGIN (?:PUBLIC KEY|RSA PUBLIC KEY|CERTIFICATE|PGP PUBLIC KEY BLOCK|X509 CRL)-----/,
    why: 'Public keys and certificates are meant to be shared.',
    samples: {
      positive: ['-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----'],
      negative: ['-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----'],
    },
  },
  {
    id: 'ssh-public-key',
    title: 'OpenSSH public key',
    pattern: new RegExp(
      String.raw`^(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp(?:256|384|521)|sk-ssh-ed25519@openssh\.com) AAAA[A-` +
        String.raw`Za-z0-9+/=]{20,}`,
      '',
    ),
    why: 'Public keys are meant to be shared.',
    samples: {
      positive: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeFakeFakeFakeFakeFakeFakeFakeFakeFake user@host'],
      negative: ['-----BEGIN OPENSSH PRIVATE KEY-----'],
    },
  },
  {
    id: 'mapbox-public-token',
    title: 'Mapbox public access token (pk.)',
    // `pk.` + base64url JSON header (`{"u":…`) + `.` + signature; the secret kind starts `sk.` (mapbox-secret-token).
    pattern: /^pk\.eyJ[A-Za-z0-9_-]{8,400}\.[A-Za-z0-9_-]{16,100}$/,
    why:
      'Mapbox documents public tokens (pk.) as made to ship in web and mobile apps, restricted by URL or app; only ' +
      'secret tokens (sk.) grant write scopes.',
    samples: {
      positive: ['pk.eyJ1IjoiZmFrZXVzZXIiLCJhIjoiY2Zha2UwMDAwMDAwMDAwMDAwMDAwIn0.FaKe0q9Zt7sK2mN4pL8vR6'],
      negative: [
        'sk.eyJ1IjoiZmFrZXVzZXIiLCJhIjoiY2Zha2UwMDAwMDAwMDAwMDAwMDAwIn0.FaKe0q9Zt7sK2mN4pL8vR6',
        'pk.eyJ1IjoiZmFrZXVzZXIi',
        'pk_live_FaKe0q9Zt7sK2mN4pL8vR6xW',
      ],
    },
  },
];

/**
 * Documents whose values are ciphertext by their kind: a Bitnami `SealedSecret`'s `spec.encryptedData` holds values
 * sealed to the controller's public key (only the controller in the cluster can unseal them), committed on purpose.
 * `path` is the run of keys from the document's root to the map of sealed values.
 */
export const sealedDocuments: ReadonlyArray<{ readonly kind: string; readonly path: readonly string[]; why: string }> =
  [
    {
      kind: 'SealedSecret',
      path: ['spec', 'encryptedData'],
      why:
        'Sealed Secrets encrypts each value to the controller key (RSA-OAEP + AES-GCM); the repository holds ' +
        'ciphertext.',
    },
  ];

/**
 * Values encrypted at rest by a secrets tool: the ciphertext is committed on purpose and the key lives elsewhere
 * (a KMS, an age or PGP identity, a vault password). Never reported as hardcoded keys: SOPS's per-value envelope
 * (`ENC[AES256_GCM,data:…,iv:…,tag:…,type:str]`), an Ansible Vault payload (`$ANSIBLE_VAULT;1.1;AES256`),
 * dotenvx's `encrypted:` values and Jasypt's `ENC(…)`.
 */
export const encryptedAtRest: readonly PublicIdentifier[] = [
  {
    id: 'sops-value',
    title: 'SOPS-encrypted value',
    pattern: /^ENC\[[A-Z0-9_]+,data:[A-Za-z0-9+/=]*,iv:[A-Za-z0-9+/=]+,tag:[A-Za-z0-9+/=]+,type:[a-z]+\]$/,
    why: 'SOPS encrypts each value with a data key that a KMS, age or PGP key wraps; the file is committed on purpose.',
    samples: {
      positive: [`ENC[AES256_GCM,data:${'QUJD'.repeat(5)},iv:${'REVG'.repeat(8)}=,tag:${'R0hJ'.repeat(5)}==,type:str]`],
      negative: [`ENC[AES256_GCM,data:${'QUJD'.repeat(5)}]`, `data:${'QUJD'.repeat(5)}`],
    },
  },
  {
    id: 'ansible-vault',
    title: 'Ansible Vault payload',
    pattern: /^\$ANSIBLE_VAULT;1\.[12];AES256(?:;[\w-]+)?\s+[0-9a-f\s]+$/,
    why: 'An Ansible Vault payload is AES-256 ciphertext under a vault password kept out of the repository.',
    samples: {
      positive: [`$ANSIBLE_VAULT;1.1;AES256\n${'3061'.repeat(16)}\n${'6263'.repeat(16)}`],
      negative: [`ANSIBLE_VAULT ${'3061'.repeat(16)}`],
    },
  },
  {
    id: 'dotenvx-encrypted',
    title: 'dotenvx encrypted value',
    pattern: /^encrypted:[A-Za-z0-9+/=]{40,}$/,
    why: 'dotenvx encrypts each value to a public key; the private key is kept out of the repository.',
    samples: {
      positive: [`encrypted:${'QkRF'.repeat(12)}`],
      negative: ['encrypted:', `decrypted:${'QkRF'.repeat(12)}`],
    },
  },
  {
    id: 'jasypt-enc',
    title: 'Jasypt-encrypted property',
    pattern: /^ENC\([A-Za-z0-9+/=]{16,}\)$/,
    why: 'Jasypt properties are decrypted at start-up with a password supplied at run time.',
    samples: { positive: [`ENC(${'SktM'.repeat(6)})`], negative: ['ENC()', `ENC(${'SktM'.repeat(6)}`] },
  },
];

/**
 * Values public only in their context: a Google `AIza…` key inside a Firebase web config object
 * (with `authDomain`, `projectId`, `storageBucket`, `messagingSenderId`, `appId`, …). Firebase documents
 * that this key only identifies the project to Google and ships to every browser; access is enforced
 * by Security Rules and App Check. The same key shape anywhere else is still reported.
 */
export const contextPublicIdentifiers: readonly ContextPublicIdentifier[] = [
  {
    id: 'firebase-web-api-key',
    title: 'Firebase web config apiKey',
    pattern: /^AIza[0-9A-Za-z_-]{35}$/,
    property: 'api_key',
    siblings: [
      'authDomain',
      'projectId',
      'storageBucket',
      'messagingSenderId',
      'appId',
      'measurementId',
      'databaseURL',
    ],
    minSiblings: 2,
    why: 'A Firebase web apiKey identifies the project and is meant to ship to browsers.',
    samples: {
      positive: [
        '{"apiKey":"AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF","authDomain":"shop.firebaseapp.com","projectId":"shop"}',
        '{"apiKey":"AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF","appId":"1:2:web:3","messagingSenderId":"2","storage' +
          'Bucket":"shop.appspot.com"}',
      ],
      negative: [
        '{"apiKey":"AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF","projectId":"shop"}',
        '{"mapsKey":"AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF","authDomain":"shop.firebaseapp.com","projectId":"shop"}',
        '{"apiKey":"sk_live_fAkE0q9Zt7sK2mN4pL8vR6xW1yB5","authDomain":"shop.firebaseapp.com","projectId":"shop"}',
      ],
    },
  },
];

/** A fake VAPID public key's shape (65 bytes, base64url): the samples of `vapid-public-key` below. */
const FAKE_VAPID_PUBLIC = 'BFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eFgHiJkLmNoPqRsTuVwXyZ0123456789abcdefghijklmnopqrstuvw';

/**
 * Values public under their name: a Google `AIza…` key for Maps, Places or Firebase ships inside web pages and
 * mobile apps by Google's design and is restricted by referrer or app signature (Google Maps Platform, "API
 * security best practices"; Firebase, "API keys for Firebase"). The same shape under any other name (Gemini,
 * Cloud APIs, a bare `GOOGLE_API_KEY`) stays a credential.
 */
export const namePublicIdentifiers: readonly NamePublicIdentifier[] = [
  {
    id: 'google-browser-key',
    title: 'Google Maps, Places or Firebase API key in client configuration',
    pattern: /^AIza[0-9A-Za-z_-]{35}$/,
    // Both: a Maps/Firebase word, and a place that ships to clients (a public build-time variable, an Expo or
    // native app config). A Maps key in server code or a server's env may be unrestricted: still reported.
    name: new RegExp(
      String.raw`^(?=(?:.*_)?(?:maps?|places|geocoding|geocoder|street_view|firebase|recaptcha)(?:_|$))` +
        String.raw`(?=(?:.*_)?(?:next_public|vite|public|react_app|expo_public|nuxt_public|gatsby|expo|android|ios)_)`,
    ),
    why: 'A Maps, Places or Firebase key in client config ships to browsers and apps, restricted by referrer or app.',
    samples: {
      positive: [
        'PUBLIC_FIREBASE_API_KEY=AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF',
        'NEXT_PUBLIC_GOOGLE_MAPS_KEY=AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF',
        'expo_android_config_googleMaps_apiKey=AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF',
        'expo_ios_config_googleMapsApiKey=AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF',
      ],
      negative: [
        'GOOGLE_MAPS_API_KEY=AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF',
        'mapsKey=AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF',
        'GEMINI_API_KEY=AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF',
        'VITE_GOOGLE_AI_KEY=AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF',
        'VITE_MAPS_KEY=sk_live_fAkE0q9Zt7sK2mN4pL8vR6xW1yB5',
      ],
    },
  },
  {
    id: 'firebase-android-config-key',
    title: 'Firebase Android config key (google-services.json)',
    pattern: /^AIza[0-9A-Za-z_-]{35}$/,
    // The file's own structure: `client[].api_key[].current_key` (a list adds no key to the path).
    name: /^client_api_key_current_key$/,
    why: 'google-services.json ships inside the Android app; Firebase documents its API key as not secret.',
    samples: {
      positive: ['client_api_key_current_key=AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF'],
      negative: [
        'current_key=AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF',
        'client_api_key_current_key=sk_live_fAkE0q9Zt7sK2mN4pL8vR6xW1yB5',
      ],
    },
  },
  {
    id: 'vapid-public-key',
    title: 'Web Push (VAPID) application server public key',
    // An uncompressed P-256 point (0x04, X, Y: 65 bytes) in base64url is 87 characters and starts with `B`. The
    // private key is 32 bytes (43 characters), so it never takes this shape, whatever it is called.
    pattern: /^B[A-Za-z0-9_+/-]{86}=?$/,
    name: /(?:^|_)application_server_key(?:_|$)|(?:^|_)vapid_(?:.*_)?pub(?:lic)?(?:_|$)|(?:^|_)public_vapid(?:_|$)/,
    why: 'PushManager.subscribe() takes the VAPID public key in the browser (applicationServerKey): public by design.',
    samples: {
      positive: [
        `push_application_server_key=${FAKE_VAPID_PUBLIC}`,
        `NEXT_PUBLIC_VAPID_PUBLIC_KEY=${FAKE_VAPID_PUBLIC}`,
        `public_vapid_key=${FAKE_VAPID_PUBLIC}`,
      ],
      negative: [
        `VAPID_PRIVATE_KEY=${FAKE_VAPID_PUBLIC}`,
        'vapid_public_key=fAkE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eFgHiJkLmNoP',
        'push_application_server_key=sk_live_fAkE0q9Zt7sK2mN4pL8vR6xW1yB5',
      ],
    },
  },
];

/**
 * Published example credentials and keys (documentation and RFC test vectors), recognised by fingerprint:
 * the SHA-256 of the value with all whitespace removed. Only the hash, a label and the source are kept here,
 * never the value. A match is reported as what it is (a published example: low severity, not a leak).
 * The RFC 7520 and RFC 8037 entries were hashed from the RFC values as transcribed in a JOSE library test suite.
 */
export const publishedExamples: readonly PublishedExample[] = [
  {
    sha256: '1a5d44a2dca19669d72edf4c4f1c27c4c1ca4b4408fbb17f6ce4ad452d78ddb3',
    contextFormats: ['pagerduty-api-key'],
    label: 'AWS documented example access key id',
    source: 'AWS IAM User Guide',
  },
  {
    sha256: '78314b11be2e581549ac1c4f616563fad3fdf0c3b71678f6e2299182080e0598',
    contextFormats: ['aws-secret-access-key', 'azure-client-secret-legacy'],
    label: 'AWS documented example secret access key',
    source: 'AWS IAM User Guide',
  },
  {
    sha256: 'c6ea27c534f993d31f0aef882e3d200e7b87470c379ae79c8f9b19d3bd363dc9',
    contextFormats: ['pagerduty-api-key'],
    label: 'AWS documented example access key id',
    source: 'AWS General Reference',
  },
  {
    sha256: 'e21b597ba6b9cafa59d9ebc4d65c0385f5eb3fa56abab2607fa76589ad849a33',
    contextFormats: ['aws-secret-access-key', 'azure-client-secret-legacy'],
    label: 'AWS documented example secret access key',
    source: 'AWS General Reference',
  },
  {
    sha256: '2cafc0970149a84f3b9e62eaf169f36f59907a3b3e31f7b82e68c69cd27f7326',
    contextFormats: ['azure-client-secret-legacy', 'fastly-api-token'],
    label: 'Stripe documentation test secret key',
    source: 'Stripe API reference',
  },
  {
    sha256: '7f75367e7881255134e1375e723d1dea8ad5f6a4fdb79d938df1f1754a830606',
    contextFormats: [],
    label: 'jwt.io debugger example token',
    source: 'jwt.io',
  },
  {
    sha256: '8b1b17a9740c068accab5c3d0d652c8e3cc13206e70bb73b42ea41d4c2de3c12',
    contextFormats: [],
    label: 'RFC 7515 A.1 HMAC key (k)',
    source: 'RFC 7515 Appendix A.1; RFC 7517 Appendix A.3',
  },
  {
    sha256: '5ccf2edb4f070f0b180f1adadb1be7c568d04181e7938433c4503db2d2bf8b3e',
    contextFormats: ['azure-client-secret-legacy', 'netlify-token', 'contentful-delivery-token'],
    label: 'RFC 7515 A.3 P-256 private key (d)',
    source: 'RFC 7515 Appendix A.3',
  },
  {
    sha256: 'a45404ae333dd955dcff82cf28972e0f81b1e673cb70e2fc2d7d0d4c42a893bc',
    contextFormats: ['azure-client-secret-legacy', 'netlify-token', 'contentful-delivery-token'],
    label: 'RFC 7517 A.2 P-256 private key (d)',
    source: 'RFC 7517 Appendix A.2',
  },
  {
    sha256: '57afc11665beb68de7ccd6df1b38453be8682ac63bb8ccdf67cce63c2db9afd2',
    contextFormats: ['travis-ci-token', 'honeycomb-api-key'],
    label: 'RFC 7517 A.3 AES key-wrap key (k)',
    source: 'RFC 7517 Appendix A.3',
  },
  {
    sha256: '2e4ff57e9c832edab47dcc5a7ba5ef544a7c42b526248e088a8ae374d3c19677',
    contextFormats: [],
    label: 'RFC 7517 A.2 RSA private key (d, kid 2011-04-29)',
    source: 'RFC 7517 Appendix A.2',
  },
  {
    sha256: '1af39757f13b6f66c0d3ad4051994eeadc1d7aeb3a628c322f4392a934a90243',
    contextFormats: [],
    label: 'RFC 7517 A.2 RSA private key (p)',
    source: 'RFC 7517 Appendix A.2',
  },
  {
    sha256: 'f6a52e213060903eec75342ad98bb9ecf647e1fa4ced86e8f4d72243b69255af',
    contextFormats: [],
    label: 'RFC 7517 A.2 RSA private key (q)',
    source: 'RFC 7517 Appendix A.2',
  },
  {
    sha256: '92a7d7ea52e43e7051a891902253e914208d166249aa7cda741739912c59de61',
    contextFormats: [],
    label: 'RFC 7520 example key bilbo.baggins@hobbiton.example (d)',
    source: 'RFC 7520 (JOSE cookbook)',
  },
  {
    sha256: '4e8bbaed409fda3e40840fb01948549af8752489d1cc675f872e0d9c3a1561d7',
    contextFormats: [],
    label: 'RFC 7520 example key bilbo.baggins@hobbiton.example (p)',
    source: 'RFC 7520 (JOSE cookbook)',
  },
  {
    sha256: '508281b4bacaa8c1436387d5816d6f603f54dbe507692dd66c980295a905fc01',
    contextFormats: [],
    label: 'RFC 7520 example key bilbo.baggins@hobbiton.example (q)',
    source: 'RFC 7520 (JOSE cookbook)',
  },
  {
    sha256: '9ee7ffb5347b07263a777f7fcb6c114f88a265a2cf539d79adaff9c49728effb',
    contextFormats: [],
    label: 'RFC 7520 example key bilbo.baggins@hobbiton.example (dp)',
    source: 'RFC 7520 (JOSE cookbook)',
  },
  {
    sha256: '1be3b3754ef5c655db80405d097782b56b5cd987c4647fc209f82ae423fcfb0b',
    contextFormats: [],
    label: 'RFC 7520 example key bilbo.baggins@hobbiton.example (dq)',
    source: 'RFC 7520 (JOSE cookbook)',
  },
  {
    sha256: '7df3f9779b45de94e46f1418f6ac634c050761de257faf3115f4bf1eeac9680f',
    contextFormats: [],
    label: 'RFC 7520 example key bilbo.baggins@hobbiton.example (qi)',
    source: 'RFC 7520 (JOSE cookbook)',
  },
  {
    sha256: '190edf59d5736c3b3ea6bb36d57f5eb415a9b79f3201b381b8f3cb089135981f',
    contextFormats: ['azure-client-secret-legacy', 'netlify-token', 'contentful-delivery-token'],
    label: 'RFC 8037 A.1 Ed25519 private key (d)',
    source: 'RFC 8037 Appendix A.1',
  },
  {
    sha256: '243cd6766dfc55feb19c57a662e8e712c0a37e6c44a00467255e0b4ac21182b7',
    contextFormats: [],
    label: 'RFC 7520 example key bilbo.baggins@hobbiton.example (d)',
    source: 'RFC 7520 (JOSE cookbook)',
  },
  {
    sha256: '0330b11998cbc9abd5a585e755cb5df2f73f1a5632fdcc2abb19e05e3eceddb9',
    contextFormats: ['azure-client-secret-legacy', 'netlify-token', 'contentful-delivery-token'],
    label: 'RFC 7520 example key 018c0ae5-4d9b-471b-bfd6-eef314bc7037 (k)',
    source: 'RFC 7520 (JOSE cookbook)',
  },
  {
    sha256: '2677a14a465f8bf0f2f2f372f5870a097a4d13814aa68868e0467b27b3c641cf',
    contextFormats: [],
    label: 'RFC 7520 example key samwise.gamgee@hobbiton.example (d)',
    source: 'RFC 7520 (JOSE cookbook)',
  },
  {
    sha256: '3489013d059f34985a742afbc6eef0cb4a99badc92bfa52830b6d96639c2a8f9',
    contextFormats: [],
    label: 'RFC 7520 example key samwise.gamgee@hobbiton.example (p)',
    source: 'RFC 7520 (JOSE cookbook)',
  },
  {
    sha256: '23613c7beec20ed84f1da3ad3f4845d0140889094bd9a56c455ff49d53aa6b3e',
    contextFormats: [],
    label: 'RFC 7520 example key samwise.gamgee@hobbiton.example (q)',
    source: 'RFC 7520 (JOSE cookbook)',
  },
  {
    sha256: 'e67a050e0a30815dd9f04f0562d3dd3b29bd43abcd3e89febd950bf043f14281',
    contextFormats: [],
    label: 'RFC 7520 example key samwise.gamgee@hobbiton.example (dp)',
    source: 'RFC 7520 (JOSE cookbook)',
  },
  {
    sha256: 'f19a704f933122bfd1e4029d5e506b4b76f7d86f7a0736ece456d7b4b21dce1b',
    contextFormats: [],
    label: 'RFC 7520 example key samwise.gamgee@hobbiton.example (dq)',
    source: 'RFC 7520 (JOSE cookbook)',
  },
  {
    sha256: '9f4442fdb15c8d718ff7534330ca7ccb18a77bef15bc322734139da4e110e33b',
    contextFormats: [],
    label: 'RFC 7520 example key samwise.gamgee@hobbiton.example (qi)',
    source: 'RFC 7520 (JOSE cookbook)',
  },
  {
    sha256: '44e6c89ad9f1cbaf6aeb4062c5f2838879206dfe03f2b4ecf61db9cedd27a86e',
    contextFormats: ['auth0-client-secret'],
    label: 'RFC 7520 example key peregrin.took@tuckborough.example (d)',
    source: 'RFC 7520 (JOSE cookbook)',
  },
  {
    sha256: '930d65dbe93c976ef0533d89d86d904974ab5e5c582c8b48096dee5e2b9b2f05',
    contextFormats: ['auth0-client-secret'],
    label: 'RFC 7520 example key peregrin.took@tuckborough.example (d)',
    source: 'RFC 7520 (JOSE cookbook)',
  },
  {
    sha256: '79bd8cb5ce94f16b65a975159d6546a3e46ce0aff662cfba61a8f65c61c92b29',
    contextFormats: ['azure-client-secret-legacy', 'netlify-token', 'contentful-delivery-token'],
    label: 'RFC 7520 example key meriadoc.brandybuck@buckland.example (d)',
    source: 'RFC 7520 (JOSE cookbook)',
  },
  {
    sha256: '5b6eff51cddd4d1316d5b060aaf0914886f4f501556a29e24ca85367758dfda9',
    contextFormats: ['azure-client-secret-legacy', 'netlify-token', 'contentful-delivery-token'],
    label: 'RFC 7520 example key meriadoc.brandybuck@buckland.example (d)',
    source: 'RFC 7520 (JOSE cookbook)',
  },
  {
    sha256: '8580dd90707d8c5158d6cb777938febb4f6f4567809b698aa4b293826709aa46',
    contextFormats: ['travis-ci-token'],
    label: 'RFC 7520 example key 77c7e2b8-6e13-45cf-8672-617b5b45243a (k)',
    source: 'RFC 7520 (JOSE cookbook)',
  },
  {
    sha256: 'fde65288758ade656d00d03a11dee9d4df0835b5950fdea8e1186c2fe1dd8fa7',
    contextFormats: ['azure-client-secret-legacy', 'netlify-token', 'contentful-delivery-token'],
    label: 'RFC 7520 example key 18ec08e1-bfa9-4d95-b205-2b4dd1d4321d (k)',
    source: 'RFC 7520 (JOSE cookbook)',
  },
  {
    sha256: 'c10838189a432c839e70d3cbe43c097c51ceb86c787caa91daea524faef8485e',
    contextFormats: ['travis-ci-token'],
    label: 'RFC 7520 example key 81b20965-8332-43d9-a468-82160ad91ac8 (k)',
    source: 'RFC 7520 (JOSE cookbook)',
  },
];
