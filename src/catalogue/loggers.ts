/**
 * Where key material must not go (log sinks, error messages, plaintext files), and what is safe to
 * write there (ids, lengths, masked suffixes, hashes, public keys). Read by `no-logged-key` and the scanner.
 *
 * Facts relied on: OWASP Logging Cheat Sheet ("data to exclude": keys, passwords, session ids, access
 * tokens) and NIST SP 800-92 §4.1; CWE-532 (sensitive data in log files) and CWE-312 (cleartext storage).
 */
import type { CallPattern, NameLexicon, Samples } from './types.js';

const nodeFs = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra'];

/** Methods that write a log record. */
export const logMethods: ReadonlySet<string> = new Set([
  'log',
  'info',
  'warn',
  'warning',
  'error',
  'debug',
  'trace',
  'fatal',
  'verbose',
  'silly',
  'http',
  'notice',
  'critical',
  'alert',
  'emerg',
  'dir',
  'table',
  // CLI reporters (consola, signale, ora spinners): what they print lands in terminals, CI logs and screenshots
  'success',
  'succeed',
  'fail',
  'box',
  'ready',
  'note',
]);

/**
 * Methods of a logger that bind fields into every record of the child logger they return (pino, bunyan and
 * winston `child(bindings)`): the bindings are written as often as the child logs, so they are logged.
 */
export const loggerBindingMethods: ReadonlySet<string> = new Set([
  'child',
  // AWS Lambda Powertools Logger: keys appended to the logger are written into every record it emits after.
  'appendKeys',
  'appendPersistentKeys',
  'addPersistentLogAttributes',
]);

/** `console.*` (global: no import needed). */
export const consoleSink: CallPattern = {
  id: 'console',
  title: 'console',
  modules: [],
  callees: [
    'console.log',
    'console.info',
    'console.warn',
    'console.error',
    'console.debug',
    'console.trace',
    'console.dir',
    'console.table',
    // a group label is printed like any other line
    'console.group',
    'console.groupCollapsed',
  ],
  global: true,
  samples: {
    positive: ['console.log(x);', 'globalThis.console.error(x);'],
    negative: ['logger.info(x);', 'console.time(x);'],
  },
};

/**
 * Calls that make a logger. The logger they return is a log sink; `redact` names how its options
 * say which fields it removes (pino `redact`, winston `format`).
 */
export interface LoggerFactory extends CallPattern {
  readonly redact?: 'pino' | 'winston';
  /** The factory returns a function that logs when called (`debug('app')('…')`). */
  readonly callable?: boolean;
  /** Methods of the logger it makes that write a record besides the usual log methods (`log.entry(meta, data)`). */
  readonly methods?: readonly string[];
}

export const loggerFactories: readonly LoggerFactory[] = [
  {
    id: 'pino',
    title: 'pino logger',
    modules: ['pino'],
    callees: ['default', 'pino', 'default().child'],
    redact: 'pino',
    samples: {
      positive: ["import pino from 'pino'; const log = pino({ level: 'info' });"],
      negative: ["import pinoHttp from 'pino-http'; const h = pinoHttp();"],
    },
  },
  {
    id: 'winston',
    title: 'winston logger',
    modules: ['winston'],
    callees: ['createLogger', 'default.createLogger', 'loggers.add', 'loggers.get'],
    redact: 'winston',
    samples: {
      positive: ["import winston from 'winston'; const logger = winston.createLogger({});"],
      negative: ["import winston from 'winston'; winston.format.json();"],
    },
  },
  {
    id: 'bunyan',
    title: 'bunyan logger',
    modules: ['bunyan'],
    callees: ['createLogger', 'default.createLogger'],
    samples: {
      positive: ["import bunyan from 'bunyan'; const log = bunyan.createLogger({ name: 'app' });"],
      negative: ["import bunyan from 'bunyan'; bunyan.resolveLevel('info');"],
    },
  },
  {
    id: 'log4js',
    title: 'log4js logger',
    modules: ['log4js'],
    callees: ['getLogger', 'default.getLogger'],
    samples: {
      positive: ["import log4js from 'log4js'; const log = log4js.getLogger();"],
      negative: ["import log4js from 'log4js'; log4js.configure({});"],
    },
  },
  {
    id: 'debug',
    title: 'debug logger',
    modules: ['debug'],
    callees: ['default', 'debug'],
    callable: true,
    samples: {
      positive: ["import createDebug from 'debug'; const dbg = createDebug('app:keys');"],
      negative: ["import { debuglog } from 'node:util'; const d = debuglog('x');"],
    },
  },
  {
    id: 'nestjs.Logger',
    title: 'NestJS Logger',
    modules: ['@nestjs/common'],
    callees: ['new Logger'],
    samples: {
      positive: ["import { Logger } from '@nestjs/common'; const logger = new Logger('Keys');"],
      negative: ["import { Injectable } from '@nestjs/common'; new Injectable();"],
    },
  },
  {
    // tslog: `new Logger({ name })`, and its sub-loggers (`logger.getSubLogger()`)
    id: 'tslog',
    title: 'tslog logger',
    modules: ['tslog'],
    callees: ['new Logger', 'new Logger().getSubLogger'],
    samples: {
      positive: ["import { Logger } from 'tslog'; const log = new Logger({ name: 'keys' });"],
      negative: ["import { ILogObj } from 'tslog'; const x: ILogObj = {};"],
    },
  },
  {
    // Google Cloud Logging: `logging.log(name)` makes the log whose `entry(metadata, data)` and severity methods
    // write a record kept in Cloud Logging.
    id: 'gcp-logging',
    title: 'Google Cloud Logging log',
    modules: ['@google-cloud/logging'],
    callees: ['new Logging().log', 'new Logging().logSync'],
    methods: ['entry', 'emergency'],
    samples: {
      positive: ["import { Logging } from '@google-cloud/logging'; const l = new Logging().log('app');"],
      negative: ["import { Logging } from '@google-cloud/logging'; new Logging().getEntries();"],
    },
  },
  {
    // StatsD clients that also send Datadog events: `event(title, text)` is kept in the event stream, shown on
    // dashboards and in monitors' notifications; the metric calls' names and tags (`['partner:x', 'env:y']`) are
    // kept with every point and listed in the metrics explorer (their values are numbers).
    id: 'hot-shots',
    title: 'StatsD client (Datadog event or metric tags)',
    modules: ['hot-shots'],
    callees: ['new StatsD', 'new default', 'new default.StatsD'],
    methods: ['event', 'increment', 'decrement', 'gauge', 'histogram', 'distribution', 'timing', 'set', 'unique'],
    samples: {
      positive: ["import { StatsD } from 'hot-shots'; const m = new StatsD({ prefix: 'app.' });"],
      negative: ["import { StatsD } from 'hot-shots'; StatsD.toString();"],
    },
  },
  {
    // consola: `createConsola(opts)`, `consola.create(opts)` and tagged instances (`consola.withTag('auth')`), often
    // held under a name that says nothing of logging (`const out = consola.withTag('cli')`).
    id: 'consola',
    title: 'consola logger',
    modules: ['consola'],
    callees: ['createConsola', 'create', 'withTag', 'consola.create', 'consola.withTag', 'createConsola().withTag'],
    samples: {
      positive: [
        "import { createConsola } from 'consola'; const out = createConsola({ level: 3 });",
        "import consola from 'consola'; const cli = consola.withTag('cli');",
      ],
      negative: ["import consola from 'consola'; consola.wrapAll();"],
    },
  },
  {
    // AWS Lambda Powertools: `new Logger({ serviceName })` writes structured records to CloudWatch Logs.
    id: 'powertools-logger',
    title: 'AWS Lambda Powertools logger',
    modules: ['@aws-lambda-powertools/logger'],
    callees: ['new Logger', 'new Logger().createChild'],
    samples: {
      positive: ["import { Logger } from '@aws-lambda-powertools/logger'; const out = new Logger({ serviceName: s });"],
      negative: ["import { Tracer } from '@aws-lambda-powertools/tracer'; const t = new Tracer();"],
    },
  },
  {
    id: 'node-util.debuglog',
    title: 'util.debuglog logger',
    modules: ['util', 'node:util'],
    callees: ['debuglog', 'debug'],
    callable: true,
    samples: {
      positive: ["import { debuglog } from 'node:util'; const d = debuglog('keys');"],
      negative: ["import { inspect } from 'node:util'; inspect(x);"],
    },
  },
];

/**
 * The receiver names a logger usually has when its origin cannot be seen (an injected or imported
 * logger): `logger.info`, `this.logger.warn`, `req.log.error`, NestJS's static `Logger.log`.
 */
export const loggerName: NameLexicon = {
  id: 'logger-name',
  title: 'A name that holds a logger',
  pattern: /^(?:.*_)?(?:logger|log|logs|console|winston|bunyan|pino|log4js|signale|consola|audit_log|spinner)$/,
  samples: {
    positive: ['logger', 'log', 'app_logger', 'request_logger', 'audit_log', 'console', 'spinner'],
    negative: ['login', 'catalog', 'dialog', 'blog', 'log_level', 'logger_config'],
  },
};

/**
 * A word that names an error condition, in an error code or message key (`INVALID_ACCESS_TOKEN`,
 * `'auth/token_expired'`, `'errors.secret_missing'`): such a constant names a condition, not key material.
 */
export const errorCodeWord: NameLexicon = {
  id: 'error-code-word',
  title: 'A word that names an error condition in an error code or message key',
  pattern: new RegExp(
    String.raw`(?:^|_)(?:invalid|expired|missing|required|not_found|notfound|failed|failure|error|errors|err|` +
      String.raw`unauthori[sz]ed|forbidden|denied|revoked|malformed|mismatch|not_allowed|unsupported)(?:_|$)`,
  ),
  samples: {
    positive: [
      'INVALID_ACCESS_TOKEN',
      'auth/invalid_refresh_token',
      'token_expired',
      'errors.secretMissing',
      'ERR_KEY',
    ],
    negative: ['ACCESS_TOKEN', 'refresh_token', 'api_key', 'terror_key', 'jwt_secret', 'expiry'],
  },
};

/**
 * A binding named for a failure (`error`, `errorBody`, `reason`, `tokenError`): the message text before it may
 * name the secret that could not be had (`failed to get access token: ${error}`), but the value is what went wrong,
 * not the key. A compound counts by its head noun, the last word (`verifyEmailError`); `errorToken` is a token.
 */
export const errorValueName: NameLexicon = {
  id: 'error-value-name',
  title: 'A name for what went wrong (an error, its body or reason), not for a secret',
  pattern: new RegExp(
    String.raw`^(?:err|error|errors|e|reason|cause|failure|problem|details?|` +
      String.raw`(?:error|err|failure)_(?:body|text|message|msg|details?|data|json|response|reason)|` +
      // The head noun (the last word) says what the value is: `verifyEmailError`, `tokenError`, `passwordError`.
      String.raw`[a-z0-9_]+_(?:err|error|errors|exception|failure))$`,
  ),
  samples: {
    positive: [
      'error',
      'err',
      'errorBody',
      'error_text',
      'reason',
      'errorDetails',
      'failureReason',
      'verifyEmailError',
      'token_error',
      'passwordErrors',
      'refreshTokenException',
    ],
    negative: ['token', 'access_token', 'error_token', 'token_error_key', 'secret', 'key', 'body', 'errorPassword'],
  },
};

/** Errors: `new Error(msg)`, `new TypeError(msg)`, `new HttpException(msg)`, `new AuthError(msg)`. */
export const errorConstructor: { readonly pattern: RegExp; readonly samples: Samples } = {
  pattern: /^(?:[A-Z][A-Za-z0-9]*)?(?:Error|Exception)$/,
  samples: {
    positive: ['Error', 'TypeError', 'HttpException', 'KeyLoadError'],
    negative: ['ErrorBoundary', 'Map', 'Errors', 'error'],
  },
};

/**
 * Message text around a value that says a lookup by it found nothing (`Recipient with token "${t}" not found`,
 * `no session for token ${t}`): the value matched no record, so it names no live credential. Read for tokens and
 * codes only (what a lookup takes), never for a password or a key. `after` runs on the text right after the value,
 * `before` on the text right before it.
 */
export const lookupMissPhrase: { readonly after: RegExp; readonly before: RegExp; readonly samples: Samples } = {
  after: new RegExp(
    String.raw`^['"\x60)\]]{0,2}\s*(?:was\s+|is\s+|has\s+been\s+)?` +
      String.raw`(?:not\s+found|does\s+not\s+exist|doesn't\s+exist|could\s+not\s+be\s+found|cannot\s+be\s+found|` +
      String.raw`no\s+longer\s+exists|matches\s+no\b|is\s+unknown)`,
    'i',
  ),
  before: /\b(?:no\s+\w+\s+(?:found\s+)?(?:for|with|matching)|unknown|no\s+such)(?:\s+[\w-]+){0,3}\s*['"\x60(]?\s*$/i,
  samples: {
    positive: ['" not found.', ' does not exist', "' was not found", 'no session found for token ', 'unknown invite '],
    negative: [' expired', ' is invalid', ' rejected: ', 'invalid token ', 'failed to refresh token '],
  },
};

/**
 * Members of an error's options or context object that are its text (`new HTTPException(401, { message })`,
 * `new AppError(code, { message, description })`); the others are kept on the error as references (a request, a
 * response, a cause) and are not written anywhere by throwing it.
 */
export const errorTextMembers: ReadonlySet<string> = new Set(['message', 'msg', 'description', 'detail', 'details']);

/**
 * Calls whose result is secret key material by their API's definition, whatever the binding is called: libsodium's
 * key generators (`crypto_secretbox_keygen()`), @noble's private-key generators (`secp256k1.utils.randomPrivateKey()`,
 * v2 `randomSecretKey`), node-forge's private key encoders (`pki.privateKeyToPem(k)`), and private key getters of
 * elliptic and ethereumjs-wallet (`key.getPrivate('hex')`, `wallet.getPrivateKeyString()`).
 */
export const secretKeyCalls: readonly CallPattern[] = [
  {
    id: 'libsodium.keygen',
    title: 'a libsodium secret key (crypto_*_keygen)',
    modules: ['libsodium-wrappers', 'libsodium-wrappers-sumo'],
    callees: ['crypto_*_keygen', 'default.crypto_*_keygen'],
    samples: {
      positive: ["import sodium from 'libsodium-wrappers'; const k = sodium.crypto_secretbox_keygen();"],
      negative: ["import sodium from 'libsodium-wrappers'; const n = sodium.randombytes_buf(24);"],
    },
  },
  {
    id: 'noble.randomPrivateKey',
    title: 'a random private key (@noble utils)',
    modules: ['@noble/curves', '@noble/curves/*', '@noble/ed25519', '@noble/secp256k1', '@noble/post-quantum/*'],
    callees: ['*utils.randomPrivateKey', '*utils.randomSecretKey'],
    samples: {
      positive: [
        "import { secp256k1 } from '@noble/curves/secp256k1'; const k = secp256k1.utils.randomPrivateKey();",
        "import * as ed from '@noble/ed25519'; const k = ed.utils.randomPrivateKey();",
      ],
      negative: ["import { secp256k1 } from '@noble/curves/secp256k1'; secp256k1.getPublicKey(k);"],
    },
  },
  {
    id: 'forge.privateKeyToPem',
    title: 'a private key encoded by node-forge',
    modules: ['node-forge'],
    callees: ['pki.privateKeyToPem', 'pki.privateKeyToAsn1', 'pki.privateKeyInfoToPem', 'pki.wrapRsaPrivateKey'],
    samples: {
      positive: ["import forge from 'node-forge'; forge.pki.privateKeyToPem(keys.privateKey);"],
      negative: ["import forge from 'node-forge'; forge.pki.publicKeyToPem(keys.publicKey);"],
    },
  },
  {
    // viem's `generatePrivateKey()` (a 0x-prefixed secp256k1 key) and nostr-tools' `generateSecretKey()` (v2 bytes,
    // v1 `generatePrivateKey()` hex): the value returned is the account's private key.
    id: 'wallet.generatePrivateKey',
    title: 'a generated wallet private key (viem, nostr-tools)',
    modules: ['viem', 'viem/accounts', 'nostr-tools', 'nostr-tools/*'],
    callees: ['generatePrivateKey', 'generateSecretKey'],
    samples: {
      positive: [
        "import { generatePrivateKey } from 'viem/accounts'; const pk = generatePrivateKey();",
        "import { generateSecretKey } from 'nostr-tools/pure'; const sk = generateSecretKey();",
      ],
      negative: [
        "import { privateKeyToAddress } from 'viem/accounts'; privateKeyToAddress(pk);",
        "import { getPublicKey } from 'nostr-tools/pure'; getPublicKey(sk);",
      ],
    },
  },
];

/** Methods that return a key pair's private key as bytes or text (elliptic, ethereumjs-wallet). */
export const privateKeyGetters: ReadonlySet<string> = new Set(['getPrivate', 'getPrivateKeyString']);

/**
 * Request members that hold the caller's session id (express-session `req.sessionID`): whoever has it holds the
 * session (OWASP Logging Cheat Sheet: session identifiers are not logged, a hash of them is).
 */
export const requestSessionMembers: ReadonlySet<string> = new Set(['sessionID', 'sessionId']);

/**
 * AWS SSM parameters read with decryption (`GetParameterCommand({ Name, WithDecryption: true })`,
 * `ssm.getParameter({ …, WithDecryption: true })`): their `Parameter.Value` is the SecureString's plaintext.
 * Without `WithDecryption` a SecureString comes back encrypted, and a String parameter is configuration.
 */
export const decryptedParameterRead = {
  member: 'Value',
  holder: /^Parameters?$/,
  call: /\bGetParameters?(?:ByPath)?Command\b|\.getParameters?(?:ByPath)?\s*\(/,
  decrypt: /\bWithDecryption\s*:\s*true\b/,
};

/** A prompt question that asks for a secret (`{ type: 'password', name: 'pw' }` of inquirer, enquirer, prompts). */
export const secretPromptType = /\btype\s*:\s*['"](?:password|invisible)['"]/;

/** Writes whose `dataArg` lands in a file as-is. */
export interface FileWrite extends CallPattern {
  readonly dataArg: number;
  /** The options argument (its `mode`, or the mode itself when a number). */
  readonly optionsArg?: number;
}

export const plaintextFileWrites: readonly FileWrite[] = [
  {
    id: 'fs.writeFile',
    title: 'fs.writeFile',
    modules: nodeFs,
    callees: [
      'writeFile',
      'writeFileSync',
      'appendFile',
      'appendFileSync',
      'promises.writeFile',
      'promises.appendFile',
      'outputFile',
      'outputFileSync',
    ],
    receivers: ['fs', 'fsp', 'fse'],
    dataArg: 1,
    optionsArg: 2,
    samples: {
      positive: [
        "import fs from 'node:fs'; fs.writeFileSync('k.pem', pem);",
        "import { writeFile } from 'node:fs/promises'; await writeFile(p, d, { mode: 0o600 });",
      ],
      negative: ["import fs from 'node:fs'; fs.readFileSync('k.pem');"],
    },
  },
  {
    id: 'fs.createWriteStream.write',
    title: 'a file write stream',
    modules: nodeFs,
    callees: ['createWriteStream().write', 'createWriteStream().end'],
    receivers: ['fs'],
    dataArg: 0,
    samples: {
      positive: ["import fs from 'node:fs'; const out = fs.createWriteStream('keys.txt'); out.write(k);"],
      negative: ["import fs from 'node:fs'; const r = fs.createReadStream('x'); r.pipe(w);"],
    },
  },
  {
    id: 'bun.write',
    title: 'Bun.write',
    modules: [],
    callees: ['Bun.write'],
    global: true,
    dataArg: 1,
    samples: {
      positive: ["await Bun.write('out/debug.json', JSON.stringify(state));"],
      negative: ["await Bun.file('out/debug.json').text();"],
    },
  },
];

/**
 * HTTP responses (issue 11: strangers send the server's own secrets to the caller): Express/Fastify/Hono/Node
 * `res.json(x)`, `reply.send(x)`, `c.json(x)`, `res.status(500).send(x)`, the Fetch API's `Response.json(x)` and
 * `new Response(x)`, Koa's `ctx.body = x`, and a Lambda proxy result `{ statusCode, body }`. Only the server's
 * own secrets count there (secret environment variables, the environment, configuration, private keys): a
 * token or API key issued to the caller is what the endpoint is for.
 */
export const responseSinks = {
  receiver: {
    id: 'response-receiver-name',
    title: 'A name that holds an HTTP response or a request context that answers',
    pattern: /^(?:.*_)?(?:res|resp|response|reply|ctx|context|c|server_response|http_response)$/,
    samples: {
      positive: ['res', 'reply', 'response', 'ctx', 'c', 'http_response'],
      negative: ['result', 'req', 'request', 'responses', 'response_time', 'ws', 'socket'],
    },
  } satisfies NameLexicon,
  /** Methods that send their first argument as the response body. */
  methods: new Set(['json', 'jsonp', 'send', 'end', 'write', 'text', 'html', 'body']),
  /** Calls between the receiver and the send method that set status or headers (`res.status(500).json(x)`). */
  chained: new Set(['status', 'code', 'set', 'header', 'type', 'setHeader', 'writeHead']),
  /** Static constructors and classes of a response whose first argument is its body. */
  statics: new Set(['Response.json', 'NextResponse.json']),
  classes: new Set(['Response', 'NextResponse']),
  /** Members whose assignment is the response body (Koa, Oak). */
  bodyMembers: new Set(['body']),
  /** A Lambda proxy result: an object literal with these members, whose `body` is sent. */
  proxyResult: ['statusCode', 'body'] as const,
  /**
   * A NestJS controller (`@Controller()` on the class): what a method with a route decorator (`@Get()`, `@Post()`)
   * returns is the response body, unless the method takes the platform response (`@Res()`) and sends it itself.
   */
  controllerClass: new Set(['Controller']),
  routeMethods: new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Head', 'Options', 'Search']),
  ownResponseParameters: new Set(['Res', 'Response']),
};

/**
 * Calls whose first argument is a file path (session 32): an existence or metadata check, a read, a resolve or join
 * of `node:path`. A binding the same function hands there before it is printed, and does not re-assign in between,
 * holds a path at the print (`if (!existsSync(secretFile)) throw new Error(\`${secretFile} not found\`)`, a Docker
 * `/run/secrets/<name>` mount, a CLI's `--secret-file` value before it is read): the file's name, not its content.
 */
export const pathArguments: readonly CallPattern[] = [
  {
    id: 'fs.path-argument',
    title: 'a file-system call on a path',
    modules: nodeFs,
    callees: [
      'existsSync',
      'exists',
      'pathExists',
      'pathExistsSync',
      'access',
      'accessSync',
      'stat',
      'statSync',
      'lstat',
      'lstatSync',
      'readFile',
      'readFileSync',
      'createReadStream',
      'promises.access',
      'promises.stat',
      'promises.readFile',
    ],
    receivers: ['fs', 'fsp', 'fse'],
    samples: {
      positive: [
        "import fs from 'node:fs'; fs.existsSync(secretFile);",
        "import fs from 'fs-extra'; await fs.pathExists(p);",
        "import { readFile } from 'node:fs/promises'; await readFile(tokenFile, 'utf8');",
      ],
      negative: ["import fs from 'node:fs'; fs.writeFileSync(p, key);"],
    },
  },
  {
    id: 'path.resolve',
    title: 'a path resolved or joined',
    modules: ['path', 'node:path'],
    callees: ['resolve', 'join', 'normalize', 'dirname', 'basename'],
    receivers: ['path'],
    samples: {
      positive: ["import path from 'node:path'; path.resolve(secretValue);"],
      negative: ["import path from 'node:path'; path.extname(f);"],
    },
  },
];

/** File modes that only the owner can read (0o600, 0o400): with an encrypted export, a safe key file. */
export const ownerOnlyModes: ReadonlySet<number> = new Set([0o600, 0o400]);
/**
 * Calls that set a file's mode (`fs.chmodSync(path, 0o600)`, `fs.promises.chmod`, fs-extra): a write followed at once
 * by one of them, on the same path, to an owner-only mode, is an owner-only write (session 33).
 */
export const fileModeCalls: ReadonlySet<string> = new Set(['chmod', 'chmodSync']);

/**
 * The last segment of a path that names a credential store (session 31): the file another program, or the same one
 * on its next run, reads its credentials from (`~/.aws/credentials`, certbot's DNS-plugin `credentials-<n>.ini`,
 * a CLI's `~/.acme/credentials.json` or `tokens.json`, `.netrc`, `.pgpass`, `.git-credentials`). Written with an
 * owner-only mode, such a file is the credential's store, as a key's own key file is (no-logged-key), not a copy;
 * libpq and curl refuse or warn on a `.pgpass`/`.netrc` others can read. A source file (`credentials-form.tsx`) or
 * a log is none; seed phrases are left out (a plaintext phrase file stays reported).
 */
export const credentialStoreFile: { readonly pattern: RegExp; readonly samples: Samples } = {
  pattern: new RegExp(
    String.raw`^(?:\.(?:netrc|pgpass|git-credentials)|(?:[\w.-]*[._-])?(?:credentials?|creds|tokens?|` +
      String.raw`(?:access|refresh|auth|api|oauth)[_-]?tokens?)(?:[_-][\w*-]*)?` +
      String.raw`(?:\.(?:json|ya?ml|ini|toml|txt|conf|cfg|env|dat))?)$`,
    'i',
  ),
  samples: {
    positive: [
      'credentials',
      'credentials-*',
      'credentials.json',
      'tokens.json',
      'auth-token.json',
      '.netrc',
      '.pgpass',
      '.git-credentials',
      'cloudflare.credentials.ini',
      'oauth_tokens.yaml',
    ],
    negative: ['credentials-form.tsx', 'app.log', 'tokenizer.js', 'dump.json', 'design-tokens.css', 'seed-phrase.txt'],
  },
};

/**
 * A directory that a program reads cached credentials from, whatever the file in it is called (session 33): the AWS
 * CLI and SDKs read SSO and login token caches from `~/.aws/sso/cache/<sha1>.json`, `~/.aws/login/cache/…` and
 * assumed-role credentials from `~/.aws/cli/cache/…`, each a JSON file named by a hash. A tool that logs in for the
 * AWS CLI writes there, in that format; written owner-only, the file is the store the CLI reads, as a
 * `credentialStoreFile` is. Matched on the path text with `*` for what is not known in the file.
 */
export const credentialCacheDir: { readonly pattern: RegExp; readonly samples: Samples } = {
  pattern: /(?:^|[\\/])\.aws[\\/](?:sso|cli|login)[\\/]cache[\\/][^\\/]+$/,
  samples: {
    positive: ['*/.aws/sso/cache/*.json', '/home/u/.aws/login/cache/ab12.json', '*/.aws/cli/cache/*'],
    negative: ['*/.aws/sso/cache', '*/aws/sso/cache/*.json', '*/.aws/sso/cache/sub/x.json', '/tmp/cache/*.json'],
  },
};

/**
 * What is safe to log about a key. The value of these expressions says something about a key without
 * being the key: its length, whether it is set, a masked suffix, a hash, its id.
 */
export const safeToLog = {
  /** `key.length`, `key.byteLength`, `secret.size`. */
  properties: new Set([
    'length',
    'byteLength',
    'size',
    'kid',
    'keyId',
    'arn',
    'keyArn',
    'fingerprint',
    'algorithm',
    'type',
    'asymmetricKeyType',
    'symmetricKeySize',
    'id',
    'name',
    'version',
    'expiresAt',
    'createdAt',
  ]),
  /** `key.slice(-4)`, `key.substring(0, 4)`: at most this many characters shown. */
  maskMethods: new Set([
    'slice',
    'substring',
    'substr',
    'at',
    'startsWith',
    'endsWith',
    'includes',
    'equals',
    'compare',
    'localeCompare',
  ]),
  maxVisibleChars: 6,
  /**
   * A prefix may show a little more (`apiKey.slice(0, 8)`): a provider token's first characters are its type
   * marker (`sk_live_`, `xoxb-`, `ghp_`), as the providers show them. Not for passwords.
   */
  maxPrefixChars: 8,
  /** Calls whose result is a boolean or a number about the value, or a one-way function of it. */
  functions: new Set([
    'Boolean',
    'Number',
    'isNaN',
    'timingSafeEqual',
    'redact',
    'mask',
    'maskSecret',
    'fingerprint',
    'shortFingerprint',
    'hash',
    'sha256',
    'sha512',
    'hashToken',
    'hmac',
    'digest',
    'obfuscate',
    'createHash',
    'createHmac',
    'bcrypt',
    'argon2',
  ]),
  samples: {
    // Logged expressions: positives are safe to log, negatives carry the key.
    positive: [
      'apiKey.length',
      '!!apiKey',
      'Boolean(apiKey)',
      'apiKey.slice(-4)',
      'redact(apiKey)',
      "createHash('sha256').update(apiToken).digest('hex')",
      'keyId',
      'secretArn',
      'publicKey',
      'jwks',
      'process.env.API_KEY_ID',
    ],
    negative: [
      'apiKey',
      'apiKey.toString()',
      'process.env.JWT_SECRET',
      'apiKey.slice(0)',
      'apiKey.slice(-20)',
      'JSON.stringify(credentials)',
      'process.env',
    ],
  } satisfies Samples,
};

/**
 * Command-line output (src/rule-kit/cli-output.ts): in a module that imports one of `commandLineFrameworks` (or
 * starts with `#!`), what it prints to standard output is read by the person who ran it. A key a command has just
 * made and prints there is the command's result, not a log line.
 */
export const commandLine = {
  /** Calls that print to standard output (a logger or standard error is a log). */
  stdout: new Set(['console.log', 'console.info', 'process.stdout.write']),
  /** Calls that hand back a value kept elsewhere (a file, a config store, a keychain): printing it is a copy. */
  readCall: {
    pattern: /^(?:[Rr]ead|[Ll]oad|[Gg]et)(?!Random)(?:[A-Z_]|$)/,
    samples: {
      positive: ['readFileSync', 'getPassword', 'loadConfig', 'get', 'get_token', 'GetSecretValueCommand'],
      negative: ['generateKey', 'dispatch', 'createToken', 'getRandomValues', 'reader', 'Getter'],
    } satisfies Samples,
  },
  /**
   * Verbs of a call that keeps a value or sends it to be kept (`saveProfile`, `keytar.setPassword`, `store.put`,
   * `fetch(url, { method: 'PUT', body })`): the print is then a copy of a key that has a home.
   */
  storeVerb: {
    pattern: /^(?:save|store|persist|write|set|put|cache|append|fetch|post|patch|send|upload|publish)(?:[A-Z_]|$)/,
    samples: {
      positive: ['saveProfile', 'setPassword', 'put', 'writeFileSync', 'store_token', 'fetch', 'post', 'sendSecret'],
      negative: ['settings', 'output', 'autoModeOut', 'log', 'storeyName'],
    } satisfies Samples,
  },
};

/** Calls that pass their argument's text through unchanged (so a key stays a key). */
export const passThrough = {
  functions: new Set([
    'String',
    'JSON.stringify',
    // Headers objects turned into plain objects or pairs keep every header value.
    'Object.fromEntries',
    'Object.entries',
    'inspect',
    'util.inspect',
    'format',
    'util.format',
    // Byte encoders of the usual crypto libraries (libsodium, tweetnacl-util, @noble, @scure/base, ethers).
    'to_hex',
    'to_base64',
    'to_string',
    'toHex',
    'bytesToHex',
    'hexlify',
    'encodeBase64',
    'encodeBase64Url',
    'bs58.encode',
    'base58.encode',
    'base64.encode',
    'base64url.encode',
    'hex.encode',
    'Buffer.from',
    'encodeURIComponent',
    'encodeURI',
    'btoa',
    'Object.entries',
    'Object.values',
    'Object.assign',
    // Bytes spelled out as text (`btoa(String.fromCharCode(...new Uint8Array(der)))`) and parsed secret text
    // (`JSON.parse(res.SecretString)`: the parsed object holds every value of the secret).
    'String.fromCharCode',
    'JSON.parse',
    'TextDecoder().decode',
    'decode',
  ]),
  methods: new Set([
    'toString',
    'toJSON',
    'trim',
    'concat',
    'padStart',
    'padEnd',
    'toUpperCase',
    'toLowerCase',
    'join',
    'replace',
    'replaceAll',
    'split',
    // openpgp: `key.armor()` is the key as ASCII-armored text
    'armor',
  ]),
  /**
   * Constructors whose instance keeps the fields of the object it is made from, and prints them: a form body
   * (`new URLSearchParams({ client_secret })`, whose `toString()` is `…&client_secret=…`), a header set.
   */
  constructors: new Set(['URLSearchParams', 'Headers']),
  /** Terminal styling modules: `chalk.bold(x)`, `pc.green(x)` print `x` with colours, unchanged. */
  styleModules: new Set([
    'chalk',
    'kleur',
    'kleur/colors',
    'picocolors',
    'colorette',
    'ansi-colors',
    'cli-color',
    'colors',
    'colors/safe',
    'yoctocolors',
    'boxen',
  ]),
};

/**
 * A WHATWG `URL` completed after it is made (issue 11, session 37): `u.password = pw`,
 * `u.searchParams.set('client_secret', s)`. Its text forms (`u.href`, `u.toString()`, `` `${u}` ``, `u.search`)
 * print what was written into these slots; its other members (`origin`, `host`, `pathname`) do not.
 */
export const urlObjects = {
  constructors: new Set(['URL']),
  /** Members written with the URL's credentials or query. */
  slots: new Set(['password', 'username', 'search', 'hash', 'href']),
  /** Methods of `url.searchParams` that add a query parameter: `(name, value)`. */
  paramSetters: new Set(['set', 'append']),
  /** Members that are the URL's whole text, or its whole query. */
  textMembers: new Set(['href', 'search', 'searchParams']),
};

/**
 * A command-line program's parsed options (issue 11, session 37): commander's `program.opts()` holds every option the
 * program declares, under the camel-case of its long flag (`--vercel-token <token>` → `vercelToken`). Logged whole,
 * it logs the secret one (`out.debug('options', program.opts())`).
 */
export const cliOptions = {
  /** Methods that return the parsed options object. */
  readers: new Set(['opts', 'optsWithGlobals']),
  /** Methods that declare an option by its flags text (`-p, --password <pw>`). */
  declarers: new Set(['option', 'requiredOption']),
  /** The long flag in a flags text. */
  longFlag: /--([a-z][a-z0-9-]*)/i,
  /**
   * A flag named for a token, besides the secret names every value is judged by: on a command line `--token`,
   * `--vercel-token`, `--auth-token` hand the program a credential; paging and sync tokens are no options there.
   */
  tokenFlag: {
    id: 'cli-token-flag',
    title: 'A command-line option that takes a credential token',
    pattern: /^(?!.*(?:page|sync|continuation|cursor)_token$)(?:.*_)?token$/,
    samples: {
      positive: ['token', 'vercel_token', 'auth_token', 'api_token'],
      negative: ['token_file', 'next_page_token', 'sync_token', 'token_id'],
    },
  } satisfies NameLexicon,
};

/**
 * A secret masked inside the text that holds it (issue 11, session 37; src/rule-kit/mask-replace.ts
 * `isEmbeddedMask`), and text built from parts (src/rule-kit/built-text.ts).
 */
export const textMasks = {
  /** A replacement that puts a mask where the match was: `'***'`, `'$1****'`, `':[redacted]@'`, `'token=REDACTED'`. */
  maskRun: new RegExp(
    String.raw`\*{3,}|•{3,}|x{3,}|X{3,}|#{3,}|\[(?:redacted|hidden|masked|secret|filtered)\]|` +
      String.raw`<(?:redacted|hidden|masked|secret)>|\bredacted\b|\bfiltered\b`,
    'i',
  ),
  /** A regex that matches a run of a value's characters: `\S+`, `[^&]+`, `[^:@]*`, `.+`, `\w+`. */
  valueRun: /(?:\\[SwdW]|\.|\[\^?[^\]]+\])(?:[*+]|\{\d+,\d*\})/,
  /** Methods whose result is one text made of the receiver's parts (`argv.join(' ')`, `base.concat(query)`). */
  joins: new Set(['join', 'concat']),
};

/** Names whose value is public by design even though they say "key": public halves and key sets. */
export const publicKeyName: NameLexicon = {
  id: 'public-key-name',
  title: 'A name that holds a public key or a public key set',
  pattern: /(?:^|_)(?:public|pub|jwks|jwk_set|spki|cert|certificate|x5c)(?:_|$)/,
  samples: { positive: ['public_key', 'jwks', 'pub_key_pem', 'signing_cert'], negative: ['private_key', 'api_key'] },
};

/**
 * Message text that says a structured log record is about a credential (`unknown refresh token`, `refresh token
 * reuse detected`, `API key rejected`, `sign-in code sent`), wherever the words stand in it. A field of that record
 * whose value the code hashes for a lookup or a comparison (flow engine `hashedAlone`) is the credential it names.
 */
export const credentialMessage: { readonly pattern: RegExp; readonly samples: Samples } = {
  pattern: new RegExp(
    String.raw`\b(?:(?:refresh|access|api|session|bearer|auth|id|reset|invite|magic|verification|sign[ -]?in|` +
      String.raw`login|one[ -]time|otp|sms)[ _-]?(?:tokens?|keys?|secrets?|codes?|links?)|passwords?|passphrases?)\b`,
    'i',
  ),
  samples: {
    positive: ['unknown refresh token', 'refresh token reuse detected', 'API key rejected', 'sign-in code sent'],
    negative: ['user signed in', 'cache miss', 'token bucket refilled', 'order placed'],
  },
};

/**
 * Message text right before an interpolated value that names that value as a secret key or token
 * (`invalid signing key: ${key}`). It makes a generic name (`key`, `token`) key material in that one
 * message; `unknown option ${key}` or `missing key ${name}` stay silent. Runs on the text of one
 * template quasi, anchored at its end.
 */
export const secretKeyPhrase: { readonly pattern: RegExp; readonly samples: Samples } = {
  pattern: new RegExp(
    String.raw`(?:\b(?:signing|encryption|decryption|private|secret|master|session|data|hmac|jwt|api|access|` +
      String.raw`refresh|bearer|auth|wrapping)[ _-](?:key|token|secret)\b|\bauthorization: bearer|` +
      String.raw`\b(?:recovery|seed|secret|backup|wallet)[ _-](?:phrase|words)|\bmnemonic|` +
      // one-time codes: whoever reads the log signs in, resets the password or confirms the payment
      String.raw`\b(?:sms|otp|verification|verify|login|sign[ -]?in|one[ -]time|2fa|mfa|totp|magic|reset|` +
      String.raw`confirmation|security|recovery|backup|auth|authori[sz]ation)[ _-]codes?|\botp|\bpin[ _-]code|` +
      // the text sent to the person: `Your Acme code: ${code}`, `your code is ${otp}` (not an order or promo code)
      String.raw`\byour(?: (?!order|discount|promo|coupon|referral|tracking|postal|zip|country|area)[\w-]+)? ` +
      String.raw`(?:code|passcode|pin)(?: is)?|` +
      // a password or a bare token the message labels: `wrong password: ${current}`, `logged in with token ${t}`
      String.raw`\b(?:password|passphrase|passwd)|\b(?:with|using|your|new|issued|received|got|bot|user) token|` +
      // ...not a parser's token (`unexpected token: `, `cannot parse token: `): a piece of the text it reads
      String.raw`(?<!(?:unexpected|unknown|unrecognized|unrecognised|unsupported|parse|parsing|lexer|lexical|syntax|` +
      String.raw`invalid character) )\btoken(?=\s*[:=]))` +
      String.raw`[ :=('"]{0,3}$`,
    'i',
  ),
  samples: {
    positive: [
      'invalid signing key: ',
      'bad private key ',
      'refresh token=',
      "access token '",
      'cannot decrypt with session key ',
      'Authorization: Bearer ',
      'invalid recovery phrase: ',
      'bad mnemonic ',
      'sms code ',
      'verification code: ',
      'login code ',
      'OTP=',
      'wrong password: ',
      'logging in with password ',
      'Logged in with token ',
      'token: ',
      'token=',
      'Your Acme code: ',
      'your code is ',
    ],
    negative: [
      'your order code: ',
      'your referral code ',
      'unknown option ',
      'recovery phrase has 12 words, got ',
      'missing key ',
      'cache key: ',
      'key ',
      'public key: ',
      'Cannot parse token: ',
      'unknown token: ',
      'lexer token=',
      'signing key id ',
      'Unexpected token ',
      'status code ',
      'error code ',
      'country code ',
      'exit code ',
      'spinner ',
      'GPIO pin ',
      'password reset for ',
      'password length ',
      'Unexpected token: ',
      'token expired at ',
      'tokens used ',
    ],
  },
};

/** Calls whose `tokenArg` is a bearer token (a JWT): a generic `token` passed there is a credential. */
export interface TokenConsumer extends CallPattern {
  readonly tokenArg: number;
}

export const bearerTokenConsumers: readonly TokenConsumer[] = [
  {
    id: 'jsonwebtoken.verify.token',
    title: 'jsonwebtoken.verify',
    modules: ['jsonwebtoken'],
    callees: ['verify', 'default.verify'],
    receivers: ['jwt', 'jsonwebtoken'],
    tokenArg: 0,
    samples: {
      positive: [
        "import * as jwt from 'jsonwebtoken'; jwt.verify(token, secret);",
        "import jwt from 'jsonwebtoken'; jwt.verify(t, k);",
      ],
      negative: ["import jwt from 'jsonwebtoken'; jwt.sign(p, k);", 'verifier.verify(sig);'],
    },
  },
  {
    id: 'jose.jwtVerify.token',
    title: 'jose jwtVerify',
    modules: ['jose'],
    callees: ['jwtVerify', 'jwtDecrypt'],
    tokenArg: 0,
    samples: {
      positive: ["import { jwtVerify } from 'jose'; await jwtVerify(t, k);"],
      negative: ["import { decodeJwt } from 'jose'; decodeJwt(t);"],
    },
  },
];

/**
 * Calls that make a wallet's seed phrase (BIP-39 mnemonic) or the seed derived from it: whoever reads
 * the words or the seed holds every key of the wallet. Matched on the value a log call receives.
 */
export const seedPhraseSources: readonly CallPattern[] = [
  {
    id: 'bip39.mnemonic',
    title: 'a BIP-39 mnemonic',
    modules: ['bip39', '@scure/bip39', 'ethereum-cryptography/bip39'],
    callees: ['generateMnemonic', 'entropyToMnemonic', 'mnemonicToSeedSync', 'mnemonicToSeed'],
    samples: {
      positive: [
        "import { generateMnemonic } from 'bip39'; const words = generateMnemonic(256);",
        "const bip39 = require('bip39'); const seed = bip39.mnemonicToSeedSync(m);",
      ],
      negative: ["import { validateMnemonic } from 'bip39'; validateMnemonic(m);"],
    },
  },
  {
    // viem's `generateMnemonic(english)` and Polkadot's `mnemonicGenerate()`: the words of a new wallet.
    id: 'wallet.mnemonic',
    title: 'a generated wallet mnemonic (viem, Polkadot)',
    modules: ['viem', 'viem/accounts', '@polkadot/util-crypto'],
    callees: ['generateMnemonic', 'mnemonicGenerate'],
    samples: {
      positive: [
        "import { generateMnemonic, english } from 'viem/accounts'; const words = generateMnemonic(english);",
        "import { mnemonicGenerate } from '@polkadot/util-crypto'; const m = mnemonicGenerate(12);",
      ],
      negative: ["import { mnemonicValidate } from '@polkadot/util-crypto'; mnemonicValidate(m);"],
    },
  },
];

/**
 * A configuration object, by name, logged whole (`console.log(config)`): a config gathers the database
 * password, API keys and signing secrets in one value. Only the object itself counts; `config.port` does not.
 */
export const configObjectName: NameLexicon = {
  id: 'config-object-name',
  title: 'A name that holds a whole application configuration',
  pattern: /^(?:app_|server_|service_)?(?:config|configuration|conf|cfg|settings|secrets|credentials|creds)$/,
  samples: { positive: ['config', 'app_config', 'settings', 'secrets'], negative: ['config_path', 'log_level'] },
};

/** The object under a seed phrase (`wallet.mnemonic.phrase`): its text member is the phrase. */
export const seedPhraseName: NameLexicon = {
  id: 'seed-phrase-name',
  title: 'A name that holds a wallet seed phrase',
  pattern:
    /(?:^|_)(?:mnemonic|seed_phrase|recovery_phrase|seed_words|secret_phrase)(?:_(?:phrase|words|text|string))?$/,
  samples: { positive: ['mnemonic', 'seed_phrase', 'wallet_mnemonic'], negative: ['mnemonic_path', 'phrase'] },
};

/**
 * Request headers that carry a credential (RFC 9110 §11.6.2 Authorization, RFC 6265 Cookie, and the
 * common API-key headers): `req.headers.authorization` logged is a bearer token or a password logged.
 */
export const credentialHeaders: {
  readonly names: ReadonlySet<string>;
  /**
   * A service's own header for a credential: `x-` and words ending in key, token, secret or password
   * (`x-internal-key`, `x-goog-api-key`, `x-vault-token`, `x-shopify-access-token`), or a vendor's prefix without
   * `x-` (`PLAID-SECRET`, `DD-API-KEY`, GitLab's `PRIVATE-TOKEN`). Not ids, signatures or hashes, nor the
   * standard headers that only name a request or a cache entry (`Idempotency-Key`).
   */
  readonly custom: RegExp;
  /**
   * The credential headers an incoming request carries by standard (RFC 9110 Authorization, RFC 6265 Cookie): a
   * logger configured to redact both (pino `redact: ['req.headers.authorization', 'req.headers.cookie']`) writes a
   * request's headers without them, so `{ headers: req.headers }` logged through it is not reported.
   */
  readonly standardIncoming: readonly string[];
  readonly samples: Samples;
} = {
  names: new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'x-auth-token']),
  standardIncoming: ['authorization', 'cookie'],
  custom: new RegExp(
    String.raw`^(?:x-(?:[a-z0-9]+-)*|(?!(?:idempotency|cache|sort|partition|primary|lookup|request)-)(?:[a-z0-9]+-)+)` +
      String.raw`(?:api-?key|key|token|secret|password|passphrase)$`,
  ),
  samples: {
    positive: [
      'authorization',
      'cookie',
      'x-api-key',
      'x-internal-key',
      'x-vault-token',
      'x-shopify-access-token',
      'plaid-secret',
      'dd-api-key',
      'private-token',
    ],
    negative: [
      'content-type',
      'user-agent',
      'x-request-id',
      'x-hub-signature',
      'x-key-id',
      'x-token-hash',
      'idempotency-key',
      'plaid-client-id',
      'secret',
    ],
  },
};

/** A header name that carries a credential: a standard one, or a service's own `x-…-key`/`x-…-token`. */
export function isCredentialHeader(name: string): boolean {
  const n = name.toLowerCase();
  return credentialHeaders.names.has(n) || credentialHeaders.custom.test(n);
}

/**
 * How a file writes a request header's name, the name in group 2: an object key (`{ Authorization: … }`,
 * `'x-api-key': …`), an assignment (`headers.Authorization = …`, `axios.defaults.headers.common['x-api-key'] = …`),
 * a `Headers` call (`headers.set('Authorization', …)`). A file that writes a credential header (`isCredentialHeader`)
 * sends one: the failed request of an HTTP client error it logs carries it. The object-key form starts only where a
 * name can start (not inside a run of name characters): without that start, every position of a long run such as
 * a base64 literal began a scan to the run's end, quadratic in the run (a 100 KB run took about 25 s).
 */
export const headerWriteForms = {
  id: 'header-write-forms',
  title: 'The ways a file writes a request header by name',
  patterns: [
    /(?<![\w-])(['"]?)([A-Za-z][\w-]*)\1\s*:/g,
    /\bheaders(?:\.common)?(?:\.|\[\s*['"])()([A-Za-z][\w-]*)['"]?\s*\]?\s*=(?!=)/g,
    /\bheaders\??\.(?:set|append)\(\s*(['"])([A-Za-z][\w-]*)\1/g,
  ],
  samples: {
    positive: [
      'axios.get(url, { headers: { Authorization: `Bearer ${t}` } })',
      "fetch(url, { headers: { 'x-api-key': key } })",
      "client.defaults.headers.common['Authorization'] = token",
      'init.headers.Cookie = jar',
      "headers.set('X-Vault-Token', token)",
      "req.headers?.append('authorization', auth)",
    ],
    negative: [
      "fetch(url, { headers: { 'Content-Type': 'application/json' } })",
      "headers['x-request-id'] = id",
      "headers.set('Accept', 'text/html')",
      '// the Authorization header is added by the proxy',
      'if (headers.authorization == null) return',
      "headers.get('authorization')",
    ],
  },
} as const;

/** The header names a file's text writes, in the forms of `headerWriteForms`. */
export function writtenHeaderNames(text: string): string[] {
  return headerWriteForms.patterns.flatMap((p) => [...text.matchAll(p)].map((m) => m[2]!));
}

/**
 * Members that hold the value of a secret-named object (`secret.base32` from a TOTP generator,
 * `apiKey.value`): the secret itself in one encoding or another.
 */
export const secretValueMembers: ReadonlySet<string> = new Set([
  'value',
  'raw',
  'base32',
  'base64',
  'hex',
  'ascii',
  'plaintext',
  'otpauth_url',
]);

const sentryModules = [
  '@sentry/node',
  '@sentry/browser',
  '@sentry/react',
  '@sentry/nextjs',
  '@sentry/nestjs',
  '@sentry/vue',
  '@sentry/aws-serverless',
  '@sentry/serverless',
  '@sentry/bun',
  // Every other SDK of the family (react-native, electron, capacitor, deno, cloudflare, …) and its subpaths
  // (`@sentry/electron/main`) has the same event API; the Expo wrapper re-exports it.
  '@sentry/*',
  'sentry-expo',
];

/**
 * Calls that ship text off to be kept, outside a logger: an error tracker's message, breadcrumb and
 * context calls (what they receive lands in the tracker's event store, read by everyone with access
 * to it), and the process's own output streams, which a service's log collector reads.
 */
export const reportingSinks: readonly CallPattern[] = [
  {
    id: 'sentry',
    title: 'Sentry',
    modules: sentryModules,
    callees: [
      'captureMessage',
      'addBreadcrumb',
      'setExtra',
      'setExtras',
      'setContext',
      'setTag',
      'captureEvent',
      // the second argument of captureException carries `extra`, `contexts`, `tags` and `user`
      'captureException',
      'setUser',
      'getCurrentScope().setExtra',
      'getCurrentScope().setContext',
    ],
    receivers: ['Sentry'],
    samples: {
      positive: [
        "import * as Sentry from '@sentry/node'; Sentry.captureMessage(m);",
        "import * as Sentry from '@sentry/react-native'; Sentry.addBreadcrumb({ data });",
        "import { addBreadcrumb } from '@sentry/electron/main'; addBreadcrumb({ data });",
        "const Sentry = require('@sentry/browser'); Sentry.addBreadcrumb({ data });",
        "import { setExtra } from '@sentry/nextjs'; setExtra('k', v);",
      ],
      negative: ["import * as Sentry from '@sentry/node'; Sentry.init({ dsn });", 'tracker.captureMessage(m);'],
    },
  },
  {
    // Product analytics and error trackers other than Sentry: event properties, user traits and error metadata
    // are kept in the vendor's store and shown to everyone with access to the project.
    id: 'analytics',
    title: 'an analytics or error-tracking event',
    modules: [
      'posthog-js',
      'posthog-node',
      'mixpanel',
      'mixpanel-browser',
      '@amplitude/*',
      '@segment/*',
      'analytics-node',
      '@vercel/analytics',
      '@vercel/analytics/*',
      '@datadog/browser-rum',
      'dd-trace',
      'newrelic',
      '@bugsnag/*',
      'rollbar',
      'logrocket',
      '@honeybadger-io/*',
      '@fullstory/browser',
    ],
    callees: [
      'capture',
      'identify',
      'track',
      'people.set',
      'register',
      'alias',
      'addAction',
      'addError',
      'setUser',
      'setGlobalContextProperty',
      'noticeError',
      'addCustomAttribute',
      'addCustomAttributes',
      'recordCustomEvent',
      // New Relic's log API, Honeybadger's context (sent with every later notice), FullStory's events and user vars
      'recordLogEvent',
      'setContext',
      'event',
      'setUserVars',
      'FullStory',
      'notify',
      'leaveBreadcrumb',
      'addMetadata',
      'critical',
      'error',
      'warning',
      'warn',
      'info',
      'debug',
      'log',
      'new PostHog().capture',
      'new PostHog().identify',
      'init().track',
      'init().people.set',
      // Segment's React Native and browser clients: `createClient({ writeKey })`, `AnalyticsBrowser.load(…)`.
      'createClient().track',
      'createClient().identify',
      'createClient().screen',
      'AnalyticsBrowser.load().track',
      'AnalyticsBrowser.load().identify',
      'new Analytics().track',
      'new Analytics().identify',
      'new Rollbar().error',
      'new Rollbar().warning',
      'new Rollbar().info',
      'new Rollbar().critical',
      'start().notify',
      'start().leaveBreadcrumb',
      'configure().notify',
    ],
    samples: {
      positive: [
        "import posthog from 'posthog-js'; posthog.capture('login', { token });",
        "import { track } from '@vercel/analytics'; track('signup', props);",
        "import Bugsnag from '@bugsnag/js'; Bugsnag.leaveBreadcrumb('auth', meta);",
        "const newrelic = require('newrelic'); newrelic.addCustomAttribute('k', v);",
        "import Honeybadger from '@honeybadger-io/js'; Honeybadger.setContext({ user_id: id, extra });",
        "import { FullStory } from '@fullstory/browser'; FullStory('trackEvent', { name: n, properties: p });",
      ],
      negative: ["import posthog from 'posthog-js'; posthog.init(key);", 'analytics.track(e, p);'],
    },
  },
  {
    // GitHub Actions: the job log is readable by everyone with read access to the repository; only values
    // registered with `core.setSecret` are masked there.
    id: 'actions-core',
    title: 'the GitHub Actions job log',
    modules: ['@actions/core'],
    // `setFailed(msg)` writes `msg` to the job log as an error annotation before failing the step.
    callees: ['info', 'debug', 'notice', 'warning', 'error', 'startGroup', 'setFailed'],
    samples: {
      positive: [
        "import * as core from '@actions/core'; core.info(x);",
        "const { debug } = require('@actions/core'); debug(x);",
        "import * as core from '@actions/core'; core.setFailed(`failed: ${x}`);",
      ],
      negative: ["import * as core from '@actions/core'; core.setSecret(x);", 'core.info(x);'],
    },
  },
  {
    // Loggers that are module objects rather than factories: roarr's `Roarr`, npmlog, loglevel (`log.getLogger`
    // makes named ones).
    id: 'logger-modules',
    title: 'a logger module',
    // electron-log: the default export and its named functions (`import { info as logInfo }`) write to the app's log
    // file as well as the console; `log.scope('ipc')` makes a labelled logger.
    // firebase-functions/logger: `import { info, error } from 'firebase-functions/logger'` writes to Cloud Logging.
    modules: ['roarr', 'npmlog', 'loglevel', 'electron-log', 'electron-log/*', 'firebase-functions/logger'],
    callees: [
      'Roarr',
      'Roarr.trace',
      'Roarr.debug',
      'Roarr.info',
      'Roarr.warn',
      'Roarr.error',
      'Roarr.fatal',
      'Roarr.child().info',
      'silly',
      'verbose',
      'info',
      'http',
      'warn',
      'error',
      'debug',
      'trace',
      'log',
      'notice',
      'getLogger().info',
      'getLogger().warn',
      'getLogger().error',
      'getLogger().debug',
      'getLogger().trace',
      'scope().info',
      'scope().warn',
      'scope().error',
      'scope().debug',
      'scope().verbose',
      'scope().silly',
      'scope().log',
    ],
    samples: {
      positive: [
        "import { Roarr } from 'roarr'; Roarr.info({ k }, 'msg');",
        "import npmlog from 'npmlog'; npmlog.info('prefix', 'msg %s', v);",
        "import log from 'loglevel'; log.getLogger('auth').warn(v);",
        "import { info as writeInfo } from 'electron-log'; writeInfo(v);",
        "import elog from 'electron-log/main'; elog.scope('ipc').warn(v);",
        "import { error as logError } from 'firebase-functions/logger'; logError('failed', v);",
      ],
      negative: [
        "import npmlog from 'npmlog'; npmlog.enableColor();",
        "import log from 'loglevel'; log.setLevel('warn');",
        "import elog from 'electron-log'; elog.initialize();",
      ],
    },
  },
  {
    // @clack/prompts: CLI output boxes and log lines (`note(text, title)`, `outro(text)`, `log.step(text)`), printed
    // to the terminal and kept in CI logs like console output.
    id: 'clack-prompts',
    title: 'a @clack/prompts message',
    modules: ['@clack/prompts'],
    callees: [
      'note',
      'intro',
      'outro',
      'cancel',
      'box',
      'log.message',
      'log.step',
      'log.info',
      'log.success',
      'log.warn',
      'log.warning',
      'log.error',
    ],
    samples: {
      positive: [
        "import { note } from '@clack/prompts'; note(text, 'Your settings');",
        "import * as p from '@clack/prompts'; p.log.step(text);",
      ],
      negative: ["import { text } from '@clack/prompts'; await text({ message: 'Name?' });"],
    },
  },
  {
    // Firebase Analytics (web modular and React Native) and Crashlytics: event parameters and user properties are
    // kept in the Firebase console and BigQuery export; Crashlytics log lines, custom keys and recorded errors are
    // uploaded with every crash report.
    id: 'firebase-telemetry',
    title: 'Firebase Analytics or Crashlytics',
    modules: [
      'firebase/analytics',
      '@firebase/analytics',
      '@react-native-firebase/analytics',
      '@react-native-firebase/crashlytics',
    ],
    callees: [
      'logEvent',
      'setUserProperties',
      'log',
      'setAttribute',
      'setAttributes',
      'recordError',
      'default().logEvent',
      'default().setUserProperty',
      'default().setUserProperties',
      'default().log',
      'default().setAttribute',
      'default().setAttributes',
      'default().recordError',
      'getAnalytics().logEvent',
      'getCrashlytics().log',
      'getCrashlytics().setAttribute',
      'getCrashlytics().setAttributes',
      'getCrashlytics().recordError',
    ],
    samples: {
      positive: [
        "import { getAnalytics, logEvent } from 'firebase/analytics'; logEvent(getAnalytics(), 'login', params);",
        "import crashlytics from '@react-native-firebase/crashlytics'; crashlytics().setAttribute('k', v);",
        "import crashlytics from '@react-native-firebase/crashlytics'; crashlytics().log(text);",
      ],
      negative: [
        "import { getAnalytics } from 'firebase/analytics'; getAnalytics(app);",
        "import crashlytics from '@react-native-firebase/crashlytics'; " +
          'crashlytics().setCrashlyticsCollectionEnabled(b);',
      ],
    },
  },
  {
    // Azure Application Insights (Node SDK and web SDK): custom events, traces and exceptions with their
    // properties are kept in the workspace, queryable by everyone with access to it.
    id: 'application-insights',
    title: 'Application Insights telemetry',
    modules: ['applicationinsights', '@microsoft/applicationinsights-web'],
    callees: [
      'defaultClient.trackEvent',
      'defaultClient.trackTrace',
      'defaultClient.trackException',
      'new TelemetryClient().trackEvent',
      'new TelemetryClient().trackTrace',
      'new TelemetryClient().trackException',
      'new ApplicationInsights().trackEvent',
      'new ApplicationInsights().trackTrace',
      'new ApplicationInsights().trackException',
    ],
    samples: {
      positive: [
        "import appInsights from 'applicationinsights'; appInsights.defaultClient.trackTrace({ message: m });",
        "import { ApplicationInsights } from '@microsoft/applicationinsights-web'; " +
          'const ai = new ApplicationInsights({ config }); ai.trackEvent({ name: n }, props);',
      ],
      negative: [
        "import appInsights from 'applicationinsights'; appInsights.setup(conn).start();",
        "import { ApplicationInsights } from '@microsoft/applicationinsights-web'; " +
          'new ApplicationInsights(o).loadAppInsights();',
      ],
    },
  },
  {
    // OpenTelemetry logs API: `logs.getLogger(name).emit({ body, attributes })` exports the record to the backend.
    id: 'opentelemetry-logs',
    title: 'an OpenTelemetry log record',
    modules: ['@opentelemetry/api-logs'],
    callees: ['logs.getLogger().emit', 'default.logs.getLogger().emit'],
    samples: {
      positive: ["import { logs } from '@opentelemetry/api-logs'; logs.getLogger('app').emit({ body: b });"],
      negative: ["import { logs } from '@opentelemetry/api-logs'; logs.setGlobalLoggerProvider(p);"],
    },
  },
  {
    // OpenTelemetry: the attributes a span starts with are exported with it to the tracing backend, as
    // `span.setAttributes` later would be (telemetrySinks).
    id: 'opentelemetry-span-start',
    title: 'the attributes of an OpenTelemetry span',
    modules: ['@opentelemetry/api'],
    callees: [
      'trace.getTracer().startSpan',
      'trace.getTracer().startActiveSpan',
      'default.trace.getTracer().startSpan',
      'default.trace.getTracer().startActiveSpan',
    ],
    samples: {
      positive: [
        "import { trace } from '@opentelemetry/api'; trace.getTracer('x').startSpan('op', { attributes });",
        "import { trace } from '@opentelemetry/api'; const t = trace.getTracer('x'); t.startActiveSpan('op', o, fn);",
      ],
      negative: ["import { trace } from '@opentelemetry/api'; trace.getActiveSpan();"],
    },
  },
  {
    id: 'process.stdio',
    title: 'process output',
    modules: [],
    // `process.emitWarning(msg)` prints `(node:pid) Warning: msg` on stderr.
    callees: ['process.stdout.write', 'process.stderr.write', 'process.emitWarning'],
    global: true,
    samples: {
      positive: ["process.stdout.write('x\\n');", 'process.stderr.write(line);', 'process.emitWarning(text);'],
      negative: ['stream.write(x);', 'process.stdin.read();'],
    },
  },
];

/**
 * Push-notification registration (src/rule-kit/leaks.ts): in a module that imports one of these client libraries, a
 * `deviceToken`, `pushToken`, `fcmToken` or `apnsToken` is what APNs, FCM or Expo hand the app as the device's
 * address; sending to it needs the app server's own credentials, so it is no credential of its own. Elsewhere a
 * device token stays one (an IoT device's, a device-flow grant's).
 */
export const pushAddress = {
  modules: new Set([
    'react-native-notifications',
    '@react-native-firebase/messaging',
    'expo-notifications',
    'react-native-push-notification',
    '@react-native-community/push-notification-ios',
    '@notifee/react-native',
    'react-native-onesignal',
    '@capacitor/push-notifications',
    '@capacitor-firebase/messaging',
    '@awesome-cordova-plugins/firebase-x',
    'firebase/messaging',
    '@firebase/messaging',
  ]),
  name: {
    id: 'push-address-name',
    title: 'A name for the push address a notification service gave the device',
    pattern: /^(?:.*_)?(?:device|push|fcm|apns|gcm|expo_push|registration)_token$/,
    samples: {
      positive: ['device_token', 'push_token', 'fcm_token', 'apns_token', 'expo_push_token', 'registration_token'],
      negative: ['session_token', 'access_token', 'device_secret', 'token', 'push_token_secret'],
    },
  } satisfies NameLexicon,
};

/**
 * Crypto-currency assets (issue 11, session 39): in wallet, exchange, DEX and chain code a "token" is an asset (an
 * ERC-20 contract, an SPL mint), and what such code logs about it (its symbol, contract address, decimals, the amount
 * moved) is public on chain. A message that calls the value a token does not make it a credential then; the value's
 * own name or member says what it is. Read by the leak finder only where a message, a request input or a bare name
 * would make the value a secret (src/rule-kit/asset-tokens.ts); a credential name or a credential use still decides.
 */
export const assetToken = {
  /**
   * The last word of a member or name that describes an asset publicly: `token.symbol`, `quote.tokenIn.address`,
   * `pool.baseTokenMint`, `tokenDecimals`, `order.amount`.
   */
  descriptor: {
    id: 'asset-descriptor-name',
    title: 'A member or name that describes an asset: its symbol, address, decimals or an amount of it',
    pattern: new RegExp(
      String.raw`(?:^|_)(?:symbol|symbols|ticker|decimals|address|addresses|mint|amount|amounts|balance|balances|` +
        String.raw`price|supply|allowance)(?:_in|_out)?$`,
    ),
    samples: {
      positive: ['symbol', 'token_address', 'base_token_mint', 'decimals', 'amount_in', 'token_balance', 'ticker'],
      negative: ['token', 'access_token', 'private_key', 'mnemonic', 'address_secret', 'mint_token', 'api_key'],
    },
  } satisfies NameLexicon,
  /**
   * A name that says which asset of a trade, pool or farm a token is: the base and quote of a pair, the native or
   * wrapped coin, an ERC-20/SPL token, a liquidity-pool, reward, staked, gas or collateral token, a swap's
   * `tokenIn`/`tokenOut`. Not `input`/`output`/`from`/`to` alone: an `inputToken` may be what a user typed.
   */
  name: {
    id: 'asset-token-name',
    title: 'A name that makes a token an asset of a trade, pool or farm',
    pattern: new RegExp(
      String.raw`(?:^|_)(?:base|quote|native|wrapped|erc20|erc721|erc1155|spl|lp|reward|rewards|stake|staking|` +
        String.raw`staked|gas|collateral|debt|underlying|bridged|sell|buy)_tokens?(?:_|$)|(?:^|_)tokens?_(?:in|out)$`,
    ),
    samples: {
      positive: ['base_token', 'quote_token', 'reward_token', 'staked_lp_token', 'token_in', 'token_out', 'gas_token'],
      negative: ['token', 'access_token', 'refresh_token', 'input_token', 'api_token', 'session_token', 'login_token'],
    },
  } satisfies NameLexicon,
  /** A bare token: the name that says nothing of what kind of token it is. */
  bare: {
    id: 'bare-token-name',
    title: 'A token name with no word of its own',
    pattern: /^tokens?$/,
    samples: { positive: ['token', 'tokens'], negative: ['access_token', 'base_token', 'token_address', 'tokenizer'] },
  } satisfies NameLexicon,
  /**
   * Beside a bare `token` (a sibling parameter, a member of the same record, a name destructured with it): the amount
   * moved with it, which makes the token the asset of a transfer, an approval or a withdrawal.
   */
  quantity: {
    id: 'asset-quantity-name',
    title: 'The amount of an asset moved together with it',
    pattern: /^(?:.*_)?(?:amount|amounts|decimals|balance|allowance|quantity|qty)(?:_in|_out)?$/,
    samples: {
      positive: ['amount', 'amount_in', 'max_amount', 'decimals', 'allowance', 'quantity'],
      negative: ['expires_in', 'user', 'password', 'amount_limit', 'count'],
    },
  } satisfies NameLexicon,
};

/**
 * WebAuthn's public-key credential vocabulary (issue 11, session 39; W3C Web Authentication Level 2, §5.4.3
 * `excludeCredentials`, §5.5 `allowCredentials`, §6.5.1 attested credential data): a WebAuthn "credential" is a key
 * pair whose private half never leaves the authenticator, and these members hold credential ids, transports and the
 * public key. Registration options and parsed authenticator data logged whole carry no secret by these names;
 * `credentials` alone, `clientCredentials` and `awsCredentials` stay secret names.
 */
export const webAuthnPublicName: NameLexicon = {
  id: 'webauthn-public-name',
  title: 'A WebAuthn member that holds credential ids or the public key',
  pattern: /^(?:flag_|has_)?(?:(?:allow|exclude)_credentials|attested_credential_data|public_key_credentials?)$/,
  samples: {
    positive: [
      'allow_credentials',
      'exclude_credentials',
      'attested_credential_data',
      'flag_attested_credential_data',
      'public_key_credential',
    ],
    negative: ['credentials', 'client_credentials', 'aws_credentials', 'credential_data', 'allow_credentials_secret'],
  },
};

/**
 * Names of bearer credentials that end in "token" (`vaultToken`, `clientToken`, `idToken`): whoever holds
 * one acts as its owner until it expires. Paging and parser tokens (`nextPageToken`, `syncToken`) and a
 * bare `token` are not on the list; a bare `token` counts when its origin shows it (a signed JWT, a
 * credential member).
 */
export const credentialTokenName: NameLexicon = {
  id: 'credential-token-name',
  title: 'A name that holds a bearer credential token',
  pattern: new RegExp(
    String.raw`^(?:.*_)?(?:vault|client|github|gh|gitlab|npm|slack|bot|service|session|oauth|id|reset|invite|` +
      String.raw`magic_link|verification|verify|otp|device|personal_access|installation|app|admin|root|sas|sso|` +
      // GitLab's private, deploy and runner tokens, a registry token, AWS STS's security token
      String.raw`jwt|login|user|hook|webhook|push|cloudflare|discord|telegram|twilio|private|deploy|runner|registry|` +
      String.raw`security)_token$`,
  ),
  samples: {
    positive: [
      'vault_token',
      'client_token',
      'id_token',
      'github_token',
      'session_token',
      'reset_token',
      'jwt_token',
      'gitlab_private_token',
      'deploy_token',
      'security_token',
    ],
    negative: ['token', 'next_page_token', 'sync_token', 'cancellation_token', 'token_count', 'csrf_token_header'],
  },
};

/**
 * Calls that issue a signed or encrypted token (a JWT, JWS or JWE): the value they return is a bearer
 * credential, whatever the variable holding it is called.
 */
export const tokenProducers: readonly CallPattern[] = [
  {
    id: 'jsonwebtoken.sign',
    title: 'jsonwebtoken.sign (a signed JWT)',
    modules: ['jsonwebtoken'],
    callees: ['sign', 'default.sign'],
    receivers: ['jwt', 'jsonwebtoken'],
    samples: {
      positive: [
        "import jwt from 'jsonwebtoken'; const t = jwt.sign(p, k);",
        "const { sign } = require('jsonwebtoken'); sign(p, k);",
      ],
      negative: ["import jwt from 'jsonwebtoken'; jwt.decode(t);", "import { sign } from './signer'; sign(p);"],
    },
  },
  {
    id: 'jose.token-builders',
    title: 'a jose token builder (a signed or encrypted JWT)',
    modules: ['jose'],
    callees: [
      'new SignJWT().sign',
      'new EncryptJWT().encrypt',
      'new CompactSign().sign',
      'new CompactEncrypt().encrypt',
      'new FlattenedSign().sign',
      'new FlattenedEncrypt().encrypt',
      'new GeneralSign().sign',
    ],
    samples: {
      positive: [
        "import { SignJWT } from 'jose'; await new SignJWT(p).setProtectedHeader(h).setIssuedAt().sign(k);",
        "import { EncryptJWT } from 'jose'; await new EncryptJWT(p).setProtectedHeader(h).encrypt(k);",
      ],
      negative: [
        "import { jwtVerify } from 'jose'; await jwtVerify(t, k);",
        "import { SignJWT } from 'jose'; new SignJWT(p);",
      ],
    },
  },
];

/**
 * Calls that return a key pair or a set of session keys as one object (`nacl.box.keyPair()`,
 * `sodium.crypto_kx_client_session_keys(…)`, `ethers.Wallet.createRandom()`): the object, and each of its
 * members other than the public ones (`publicMembers`), is key material.
 */
export const keyPairFactories: readonly CallPattern[] = [
  {
    id: 'tweetnacl.keyPair',
    title: 'a tweetnacl key pair',
    modules: ['tweetnacl'],
    callees: [
      'box.keyPair',
      'sign.keyPair',
      'box.keyPair.fromSecretKey',
      'sign.keyPair.fromSeed',
      'sign.keyPair.fromSecretKey',
      'default.box.keyPair',
      'default.sign.keyPair',
      'default.sign.keyPair.fromSeed',
    ],
    receivers: ['nacl'],
    samples: {
      positive: ["import nacl from 'tweetnacl'; const kp = nacl.box.keyPair();"],
      negative: ["import nacl from 'tweetnacl'; nacl.randomBytes(24);"],
    },
  },
  {
    id: 'libsodium.keypair',
    title: 'a libsodium key pair or session keys',
    modules: ['libsodium-wrappers', 'libsodium-wrappers-sumo', 'sodium-native', 'sodium-plus'],
    callees: [
      'crypto_box_keypair',
      'crypto_sign_keypair',
      'crypto_sign_seed_keypair',
      'crypto_kx_keypair',
      'crypto_kx_seed_keypair',
      'crypto_kx_client_session_keys',
      'crypto_kx_server_session_keys',
      'default.crypto_box_keypair',
      'default.crypto_sign_keypair',
      'default.crypto_kx_keypair',
      'default.crypto_kx_client_session_keys',
      'default.crypto_kx_server_session_keys',
    ],
    receivers: ['sodium'],
    samples: {
      positive: ["import sodium from 'libsodium-wrappers'; const kp = sodium.crypto_box_keypair();"],
      negative: ["import sodium from 'libsodium-wrappers'; sodium.randombytes_buf(24);"],
    },
  },
  {
    id: 'ethers.wallet',
    title: 'an ethers wallet',
    modules: ['ethers'],
    callees: [
      'Wallet.createRandom',
      'ethers.Wallet.createRandom',
      'HDNodeWallet.createRandom',
      'Wallet.fromPhrase',
      'ethers.Wallet.fromPhrase',
      'HDNodeWallet.fromPhrase',
      'new Wallet',
      'new ethers.Wallet',
    ],
    samples: {
      positive: ["import { ethers } from 'ethers'; const w = ethers.Wallet.createRandom();"],
      negative: ["import { ethers } from 'ethers'; ethers.getAddress(a);"],
    },
  },
  {
    // Solana: a `Keypair` holds the 64-byte secret key (`secretKey`) beside its public key; logged whole, the
    // secret key is printed with it.
    id: 'solana.Keypair',
    title: 'a Solana key pair',
    modules: ['@solana/web3.js'],
    callees: ['Keypair.generate', 'Keypair.fromSeed', 'Keypair.fromSecretKey'],
    samples: {
      positive: ["import { Keypair } from '@solana/web3.js'; const kp = Keypair.generate();"],
      negative: ["import { PublicKey } from '@solana/web3.js'; new PublicKey(a);"],
    },
  },
  {
    // web3.js accounts: `web3.eth.accounts.create()` / `privateKeyToAccount(pk)` return `{ address, privateKey, … }`,
    // and `accounts.wallet.create(n)` a wallet of such accounts.
    id: 'web3.accounts',
    title: 'a web3.js account',
    modules: ['web3', 'web3-eth-accounts'],
    callees: [
      'new default().create',
      'new Web3().create',
      'new default().privateKeyToAccount',
      'new Web3().privateKeyToAccount',
      'create',
      'privateKeyToAccount',
    ],
    samples: {
      positive: [
        "import Web3 from 'web3'; const web3 = new Web3(rpc); const account = web3.eth.accounts.create();",
        "const { Web3 } = require('web3'); const w = new Web3(); const a = w.eth.accounts.privateKeyToAccount(pk);",
      ],
      negative: ["import Web3 from 'web3'; const web3 = new Web3(rpc); web3.eth.getBalance(a);"],
    },
  },
  {
    // Bitcoin and HD keys: an ecpair key pair (`makeRandom()`, `toWIF()` prints it), a BIP-32 node from a seed
    // (`privateKey`, `privateExtendedKey`, `toBase58()`), NEAR's `KeyPair.fromRandom('ed25519')` (`secretKey`).
    id: 'hd-and-ecpair',
    title: 'a bitcoin, BIP-32 or NEAR key pair',
    modules: [
      'ecpair',
      'bitcoinjs-lib',
      'bip32',
      '@scure/bip32',
      'hdkey',
      'ethereum-cryptography/hdkey',
      'near-api-js',
      '@near-js/crypto',
    ],
    callees: [
      'ECPairFactory().makeRandom',
      'ECPair.makeRandom',
      'BIP32Factory().fromSeed',
      'default().fromSeed',
      'HDKey.fromMasterSeed',
      'fromMasterSeed',
      'KeyPair.fromRandom',
      'utils.KeyPair.fromRandom',
    ],
    samples: {
      positive: [
        "import { HDKey } from '@scure/bip32'; const root = HDKey.fromMasterSeed(seed);",
        "import { ECPairFactory } from 'ecpair'; const ECPair = ECPairFactory(ecc); const kp = ECPair.makeRandom();",
        "import { KeyPair } from 'near-api-js'; const kp = KeyPair.fromRandom('ed25519');",
      ],
      negative: ["import { HDKey } from '@scure/bip32'; HDKey.fromExtendedKey(xpub);"],
    },
  },
];

/** Members of a key pair or wallet that are public by design: logging them is fine. */
export const publicMembers: ReadonlySet<string> = new Set([
  'publicKey',
  'public_key',
  'pubKey',
  'address',
  'publicExtendedKey',
  'fingerprint',
  'keyType',
  'path',
  'index',
  'depth',
  'provider',
]);

/**
 * A request object, whose `headers` carry the caller's credentials (Authorization, Cookie, API-key
 * headers): `req.headers` logged whole logs them. A single non-credential header is fine.
 */
export const requestName: NameLexicon = {
  id: 'request-name',
  title: 'A name that holds an incoming HTTP request',
  pattern: /^(?:req|request|incoming_request|http_request|raw_request|ctx_request|event|ctx)$/,
  samples: { positive: ['req', 'request', 'event', 'ctx'], negative: ['res', 'response', 'requests', 'request_id'] },
};

/**
 * A function's own binding whose objects have one shape across the handlers of a file (issue 11, session 36): an
 * incoming request (every route of an app sees requests, a middleware sees them all) and a queue job (a BullMQ
 * processor and the worker's `failed` listener get the same job). A member path rooted at such a binding is judged
 * in the whole file; any other function binding (`action`, `msg`, `opts`, `res`) only in its own function.
 */
export const fileWideRootName: NameLexicon = {
  id: 'file-wide-root-name',
  title: 'A parameter name whose objects share one shape across the handlers of a file',
  pattern: /^(?:(?:.*_)?(?:req|request)|event|ctx|job|queue_job)$/,
  samples: {
    positive: ['req', 'request', 'httpReq', 'incomingRequest', 'ctx', 'event', 'job', 'queueJob'],
    negative: ['action', 'msg', 'message', 'opts', 'res', 'payload', 'jobs', 'job_id'],
  },
};

/**
 * Members of a reply or result that say whether it succeeded (`valid`, `ok`, `is_confirmed`) or failed (`error`):
 * an object logged on the branch where its own verdict failed is the failure variant of its type, without the token,
 * key or payment preimage its success variant carries (an unconfirmed payment has no preimage; session 36 added the
 * payment and confirmation verdicts).
 */
export const replyVerdict: { readonly success: NameLexicon; readonly failure: NameLexicon } = {
  success: {
    id: 'reply-success-member',
    title: 'A member that is true only on the success variant of a reply',
    pattern: /^(?:is_)?(?:valid|ok|success|succeeded|successful|confirmed|paid|settled|completed)$/,
    samples: {
      positive: ['valid', 'is_valid', 'ok', 'success', 'is_confirmed', 'paid', 'settled'],
      negative: ['status', 'error', 'token', 'confirm', 'is_pending', 'validity'],
    },
  },
  failure: {
    id: 'reply-failure-member',
    title: 'A member set only on the failure variant of a reply',
    pattern: /^(?:error|errors|err|failure|failed)$/,
    samples: { positive: ['error', 'errors', 'err', 'failure', 'failed'], negative: ['ok', 'error_code', 'token'] },
  },
};

/** Request members that carry the caller's credentials: all headers, and cookies (session cookies included). */
export const requestCredentialMembers: ReadonlySet<string> = new Set(['headers', 'cookies', 'signedCookies']);

/**
 * Methods that copy every entry of a request's cookie or header collection (Next.js `req.cookies.getAll()`, the
 * WHATWG `Headers` `entries()`, node-fetch `headers.raw()`): the copy holds the session cookie and Authorization.
 */
export const requestCredentialCopies: ReadonlySet<string> = new Set(['getAll', 'entries', 'raw', 'toJSON']);

/**
 * Types of an incoming HTTP request or event (Express, Next.js, Fastify, Node, API Gateway, ALB, Lambda function
 * URLs), and of the handlers that receive one: a parameter so typed carries Authorization and Cookie headers.
 */
export const httpRequestType: { readonly pattern: RegExp; readonly samples: Samples } = {
  pattern: new RegExp(
    String.raw`^(?:Request|NextRequest|NextApiRequest|FastifyRequest|IncomingMessage|ALBEvent|` +
      String.raw`LambdaFunctionURLEvent|APIGateway\w*Event(?:V2)?(?:WithJWTAuthorizer|WithLambdaAuthorizer)?|` +
      String.raw`APIGateway\w*Handler(?:V2)?|ALBHandler|LambdaFunctionURLHandler)$`,
  ),
  samples: {
    positive: ['APIGatewayProxyEventV2', 'APIGatewayProxyHandler', 'NextRequest', 'ALBEvent', 'Request'],
    negative: ['SQSEvent', 'ScheduledEvent', 'S3Handler', 'RequestInit', 'MouseEvent'],
  },
};

/**
 * Input types named for a credential operation (`LoginDto`, `SignInInput`, `RegisterUserDto`,
 * `ResetPasswordRequest`): an object so typed carries the password the user typed, wherever the type is declared.
 */
export const credentialInputType: NameLexicon = {
  id: 'credential-input-type',
  title: 'A type name of the input of a credential operation (login, sign-up, password change)',
  pattern: new RegExp(
    String.raw`^(?:.*_)?(?:login|log_in|sign_in|signin|sign_up|signup|register|registration|authenticate|` +
      String.raw`credentials?|change_password|reset_password|set_password|update_password|new_password)` +
      String.raw`(?:_user|_account)?_(?:dto|input|request|body|payload|args|params|form|command)$`,
  ),
  samples: {
    positive: ['login_dto', 'sign_in_input', 'register_user_dto', 'reset_password_request', 'credentials_dto'],
    negative: ['update_profile_dto', 'login_response', 'register_dto_factory', 'user_dto', 'login_history_dto'],
  },
};

/**
 * Receivers of telemetry that is kept and shown to many people: a Sentry scope (`scope.setExtra`, inside
 * `Sentry.withScope`) and an OpenTelemetry span (`span.setAttribute`), by receiver name and method.
 */
export const telemetrySinks = {
  receiver: {
    id: 'telemetry-receiver-name',
    title: 'A name that holds a Sentry scope or a tracing span',
    pattern: /^(?:.*_)?(?:scope|span)$/,
    samples: { positive: ['scope', 'span', 'active_span', 'root_span'], negative: ['scopes', 'span_id', 'spans'] },
  } satisfies NameLexicon,
  methods: new Set([
    'setExtra',
    'setExtras',
    'setContext',
    'setTag',
    'setTags',
    'setUser',
    'addBreadcrumb',
    'setAttribute',
    'setAttributes',
    'addEvent',
    // OpenTelemetry `span.setStatus({ code, message })`: the status message is exported with the span.
    'setStatus',
  ]),
};

/**
 * Azure Functions (v4): the handler's `InvocationContext` has the log methods themselves (`context.info(…)`,
 * `context.error(err)`), written to Application Insights. Asked only in files that import the module.
 */
export const invocationContextLog = {
  modules: new Set(['@azure/functions']),
  receiver: {
    id: 'invocation-context-name',
    title: 'A name that holds an Azure Functions invocation context',
    pattern: /^(?:.*_)?(?:context|ctx|invocation_context)$/,
    samples: { positive: ['context', 'ctx', 'invocation_context'], negative: ['contexts', 'context_id', 'request'] },
  } satisfies NameLexicon,
};

/**
 * Error factories (http-errors `createError(401, msg)`, Boom `Boom.unauthorized(msg)`, Koa `ctx.throw(401, msg)`):
 * their message is an error message, read where errors are logged and sometimes sent to the caller.
 */
export const errorFactory: { readonly pattern: RegExp; readonly samples: Samples } = {
  pattern: /^(?:createError|createHttpError|httpErrors|[Bb]oom\.[a-z]\w*|ctx\.throw|context\.throw)$/,
  samples: {
    positive: ['createError', 'Boom.unauthorized', 'ctx.throw'],
    negative: ['createErrorHandler', 'Boom', 'throwIfMissing'],
  },
};

/**
 * Names of the values that sit beside a cipher key in an object (`{ key, iv }`): with one of them beside
 * it, a bare `key`/`secret` member is the cipher's key, not a lookup key.
 */
export const cipherParameterNames: ReadonlySet<string> = new Set(['iv', 'nonce', 'authTag', 'auth_tag']);

/**
 * Getters that return a configuration or form value by name (`config.get('JWT_SECRET')`, Nest
 * `ConfigService.getOrThrow`, `formData.get('password')`, `headers.get('authorization')`): asked for a
 * secret name, they return the secret.
 */
export const secretGetters: ReadonlySet<string> = new Set(['get', 'getOrThrow', 'getString', 'require', 'getSecret']);

/**
 * A project's own accessor for a secret store or the settings (issue 11, session 28): a verb that reads, then words
 * naming what is read (`getSecret`, `getSecretValue`, `getAwsSecret`, `accessSecretVersion`, `readSecretString`,
 * `requireEnv`, `mustGetEnv`, `loadConfigValue`). Asked for a secret's name (`getSecret('payments/api-key')`) it
 * returns that secret; with no argument and a secret in its name (`getJwtSecret()`, `loadApiKey()`) it returns the
 * one it is named for. Not a maker (`generateSecret`), not a reader of other things (`getElementById('password')`,
 * `readFile('…-key.pem')`), not `require` (a module).
 */
export const secretAccessorName: NameLexicon = {
  id: 'secret-accessor-name',
  title: "A function that reads a secret or a setting by name: the project's own secret accessor",
  pattern: new RegExp(
    String.raw`^(?:must_|try_)?(?:get|read|load|fetch|resolve|access|retrieve|lookup|require)(?:_[a-z0-9]+)*?` +
      String.raw`_(?:secret|secrets|secret_value|secret_string|secret_version|version|env|env_var|environment|` +
      String.raw`config|config_value|setting|settings|param|parameter|var|variable|credential|credentials|or_throw)$`,
  ),
  samples: {
    positive: [
      'get_secret',
      'get_secret_value',
      'get_aws_secret',
      'access_secret_version',
      'require_env',
      'must_get_env',
      'read_secret_string',
      'get_or_throw',
    ],
    negative: ['get_element_by_id', 'read_file', 'generate_secret', 'require', 'get_item', 'create_secret', 'get'],
  },
};

/** The first word of a getter that hands over the secret it is named for (`getJwtSecret()`, `loadApiKey()`). */
export const secretGetterVerb: ReadonlySet<string> = new Set([
  'get',
  'read',
  'load',
  'fetch',
  'resolve',
  'access',
  'retrieve',
  'lookup',
  'require',
]);

/**
 * Names that make random bytes a secret to keep out of logs even though they are not a key: a bearer or
 * session token, a one-time code (`const token = randomBytes(32).toString('hex')`).
 */
export const randomSecretName: NameLexicon = {
  id: 'random-secret-name',
  title: 'A name that makes random bytes a secret token or code',
  // `sid` alone, or qualified by a session, is a session id; qualified by a resource (`account_sid`, `call_sid`,
  // `service_provider_sid`) it is a Twilio-style string identifier naming that resource, not a secret.
  pattern: new RegExp(
    String.raw`^(?:(?:.*_)?(?:token|session_id|otp|otp_code|reset_code|verification_code|invite_code|magic_link)|` +
      String.raw`(?:connect_|session_|sess_)?sid)$`,
  ),
  samples: {
    positive: ['token', 'reset_token', 'session_id', 'otp', 'invite_code', 'sid', 'session_sid', 'connect_sid'],
    negative: ['request_id', 'nonce', 'iv', 'salt', 'token_count', 'trace_id', 'account_sid', 'service_provider_sid'],
  },
};

/**
 * Names of a value a client presents to be checked (rule-kit rejected-values.ts): any name ending in `token`,
 * `code` or `invite` (`auth_token`, `otp_code`, `invite`), read together with `credentialTokenName`,
 * `randomSecretName` and `oneTimeCodeName`. Never a password (the reader tests that first).
 */
export const presentedValueName: NameLexicon = {
  id: 'presented-value-name',
  title: 'A name for a token, code or invite a client presents',
  pattern: /(?:^|_)(?:token|code|invite)$/,
  samples: {
    positive: ['token', 'auth_token', 'otp_code', 'invite', 'code'],
    negative: ['token_count', 'codec', 'invited_by', 'barcode_format', 'zip'],
  },
};

/**
 * Checks that say a presented token was not accepted (issue 11, session 40): a validity check it failed
 * (`if (!isValidApiKey(header))`, `if (!verifyToken(t))`), or a check that it is spent (`if (await
 * repo.isUsed(token))`, `isRevoked`, `isExpired`). In that branch the value is a wrong guess or a dead token: it
 * grants nothing. Read for tokens, codes and credential headers only, never for a password or a key (a wrong
 * password is often a typo of the right one).
 */
export const rejectingCheck: { readonly valid: NameLexicon; readonly spent: NameLexicon } = {
  valid: {
    id: 'validity-check',
    title: 'A call that says whether a presented token or key is valid',
    pattern: /^(?:is_)?(?:valid|verify|validate|authenticate|authorize|check)(?:_\w+)?$|^is_\w+_valid$/,
    samples: {
      positive: ['is_valid_ws_key', 'verify_token', 'validate_api_key', 'is_token_valid', 'valid', 'check_auth'],
      negative: ['get_token', 'parse_header', 'decode', 'is_used', 'find_session', 'invalidate'],
    },
  },
  spent: {
    id: 'spent-check',
    title: 'A call that says a presented token is already used, revoked or expired',
    pattern: /^(?:is|was|has_been)_(?:\w+_)?(?:used|consumed|revoked|expired|blacklisted|blocklisted|spent)$/,
    samples: {
      positive: ['is_used', 'is_token_revoked', 'was_used', 'is_expired', 'has_been_consumed'],
      negative: ['is_valid', 'mark_used', 'is_user', 'used', 'revoke'],
    },
  },
};

/**
 * Names that identify a resource when they are read from a route's path parameters (`req.params.sid` of
 * `DELETE /accounts/:sid`): a string identifier (SID) in the URL path, which every access log already records. A
 * session id travels in a cookie or a header, not as a path segment; a token in the path (`/reset/:token`) is not
 * named so and stays a token.
 */
export const routeResourceName: NameLexicon = {
  id: 'route-resource-name',
  title: 'A route path parameter that names a resource, not a session',
  pattern: /^(?:.*_)?sid$/,
  samples: {
    positive: ['sid', 'call_sid', 'account_sid'],
    negative: ['token', 'reset_token', 'session_id', 'invite_code'],
  },
};

/**
 * Node's key-pair generators: given a `privateKeyEncoding` with no `cipher`, the pair they return holds the
 * private key as plain PEM/DER text, so the pair logged whole logs the key.
 */
export const encodedKeyPairGenerators: readonly CallPattern[] = [
  {
    id: 'node-crypto.generateKeyPairSync',
    title: 'a key pair with an encoded private key (generateKeyPairSync)',
    modules: ['crypto', 'node:crypto'],
    callees: ['generateKeyPairSync'],
    receivers: ['crypto'],
    samples: {
      positive: ["import crypto from 'node:crypto'; const kp = crypto.generateKeyPairSync('ed25519', o);"],
      negative: ["import crypto from 'node:crypto'; crypto.generateKeySync('aes', { length: 256 });"],
    },
  },
];

/**
 * Secret-store reads: the response holds the secret values themselves (HashiCorp Vault KV `read` returns
 * `{ data }`, Google Secret Manager `accessSecretVersion` a `payload`, Azure Key Vault `getSecret` a `value`).
 * Logged whole, or through one of `secretStoreValueMembers`, every secret in the store's entry is logged.
 */
export const secretStoreReads: readonly CallPattern[] = [
  {
    id: 'os-keychain.getPassword',
    title: 'a secret read from the OS keychain',
    modules: ['keytar', '@napi-rs/keyring'],
    callees: ['getPassword', 'default.getPassword', 'new Entry().getPassword'],
    samples: {
      positive: ["import keytar from 'keytar'; keytar.getPassword('svc', account);"],
      negative: ["import keytar from 'keytar'; keytar.findCredentials('svc');"],
    },
  },
  {
    // expo-secure-store and react-native-encrypted-storage keep values in the iOS Keychain and the Android Keystore:
    // an app puts there what must not sit in plain AsyncStorage (session and refresh tokens, device secrets), so a
    // value read back from it is a secret wherever it is printed (as the OS keychain entry above).
    id: 'mobile-secure-store.getItem',
    title: 'a value read from the secure store (Keychain/Keystore)',
    modules: ['expo-secure-store', 'react-native-encrypted-storage'],
    callees: ['getItemAsync', 'getItem', 'default.getItemAsync', 'default.getItem'],
    receivers: ['SecureStore', 'EncryptedStorage'],
    samples: {
      positive: [
        "import * as SecureStore from 'expo-secure-store'; SecureStore.getItemAsync('refresh');",
        "import EncryptedStorage from 'react-native-encrypted-storage'; EncryptedStorage.getItem('session');",
      ],
      negative: [
        "import * as SecureStore from 'expo-secure-store'; SecureStore.setItemAsync('refresh', t);",
        "import AsyncStorage from '@react-native-async-storage/async-storage'; AsyncStorage.getItem('theme');",
      ],
    },
  },
  {
    id: 'node-vault.read',
    title: 'a Vault secret read',
    modules: ['node-vault'],
    callees: ['default().read'],
    samples: {
      positive: ["import vault from 'node-vault'; const v = vault({ endpoint: u }); v.read('secret/app');"],
      negative: ["import vault from 'node-vault'; const v = vault({ endpoint: u }); v.write('secret/app', d);"],
    },
  },
  {
    id: 'gcp.secret-manager.accessSecretVersion',
    title: 'a Google Secret Manager secret version',
    modules: ['@google-cloud/secret-manager'],
    callees: ['new SecretManagerServiceClient().accessSecretVersion'],
    samples: {
      positive: [
        "import { SecretManagerServiceClient } from '@google-cloud/secret-manager'; " +
          'new SecretManagerServiceClient().accessSecretVersion({ name: n });',
      ],
      negative: [
        "import { SecretManagerServiceClient } from '@google-cloud/secret-manager'; " +
          'new SecretManagerServiceClient().listSecrets({ parent: p });',
      ],
    },
  },
  {
    // AWS Secrets Manager: `SecretString` (or `SecretBinary`) of the response is the secret's plaintext, sent as an
    // SDK v3 command or called on a v2 client (`.promise()`).
    id: 'aws.secrets-manager.getSecretValue',
    title: 'an AWS Secrets Manager secret value',
    modules: ['@aws-sdk/client-secrets-manager', 'aws-sdk', 'aws-sdk/clients/secretsmanager'],
    callees: [
      'new GetSecretValueCommand',
      'new BatchGetSecretValueCommand',
      'new SecretsManager().getSecretValue',
      'new SecretsManager().batchGetSecretValue',
      'new SecretsManagerClient().getSecretValue',
    ],
    samples: {
      positive: [
        "import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager'; " +
          'new GetSecretValueCommand({ SecretId: i });',
        "const AWS = require('aws-sdk'); const sm = new AWS.SecretsManager(); sm.getSecretValue({ SecretId: i });",
      ],
      negative: [
        "import { DescribeSecretCommand } from '@aws-sdk/client-secrets-manager'; " +
          'new DescribeSecretCommand({ SecretId: i });',
        "const AWS = require('aws-sdk'); const sm = new AWS.SecretsManager(); sm.listSecrets({});",
      ],
    },
  },
  {
    id: 'azure.keyvault-secrets.getSecret',
    title: 'an Azure Key Vault secret',
    modules: ['@azure/keyvault-secrets'],
    callees: ['new SecretClient().getSecret'],
    samples: {
      positive: [
        "import { SecretClient } from '@azure/keyvault-secrets'; new SecretClient(url, cred).getSecret('db');",
      ],
      negative: [
        "import { SecretClient } from '@azure/keyvault-secrets'; new SecretClient(url, cred).deleteSecret('db');",
      ],
    },
  },
];

/** A call that keeps its `valueArg` in an OS keychain or secure store. */
export interface SecretStoreWrite extends CallPattern {
  readonly valueArg: number;
}

/**
 * Writes into the OS keychain or the mobile secure store (the stores `secretStoreReads` reads back): what an app
 * keeps there is what it holds secret (a refresh token, a device key, a password), whatever the binding is called.
 */
export const secretStoreWrites: readonly SecretStoreWrite[] = [
  {
    id: 'mobile-secure-store.setItem',
    title: 'the secure store (Keychain/Keystore)',
    modules: ['expo-secure-store', 'react-native-encrypted-storage'],
    callees: ['setItemAsync', 'setItem', 'default.setItemAsync', 'default.setItem'],
    receivers: ['SecureStore', 'EncryptedStorage'],
    valueArg: 1,
    samples: {
      positive: [
        "import * as SecureStore from 'expo-secure-store'; SecureStore.setItemAsync('refresh', t);",
        "import EncryptedStorage from 'react-native-encrypted-storage'; EncryptedStorage.setItem('session', s);",
      ],
      negative: [
        "import * as SecureStore from 'expo-secure-store'; SecureStore.getItemAsync('refresh');",
        "import AsyncStorage from '@react-native-async-storage/async-storage'; AsyncStorage.setItem('theme', t);",
      ],
    },
  },
  {
    id: 'os-keychain.setPassword',
    title: 'the OS keychain',
    modules: ['keytar', '@napi-rs/keyring'],
    callees: ['setPassword', 'default.setPassword'],
    valueArg: 2,
    samples: {
      positive: ["import keytar from 'keytar'; keytar.setPassword('svc', account, token);"],
      negative: ["import keytar from 'keytar'; keytar.getPassword('svc', account);"],
    },
  },
];

/** Members of a secret-store response that hold the secret values (not its name, version or lease id). */
export const secretStoreValueMembers: ReadonlySet<string> = new Set([
  'data',
  'value',
  'payload',
  'SecretString',
  'SecretBinary',
]);

/**
 * Environment variables that hold a connection URL (`postgres://user:password@host/db`): the password rides in
 * the URL, so the value logged is a credential logged, although the name does not say secret.
 */
export const connectionUrlEnvName: NameLexicon = {
  id: 'connection-url-env-name',
  title: 'An environment variable that holds a connection URL with its credentials',
  pattern: new RegExp(
    String.raw`^(?:.*_)?(?:database|db|postgres|postgresql|pg|mysql|mongo|mongodb|redis|amqp|rabbitmq|` +
      String.raw`broker|cache|queue)_(?:url|uri|dsn|connection_string|conn_string)$`,
  ),
  samples: {
    positive: ['database_url', 'mongodb_uri', 'redis_url', 'app_database_url', 'db_dsn'],
    negative: ['database_host', 'database_name', 'redis_port', 'public_url', 'database_url_template_name'],
  },
};

/**
 * Receivers whose own `log` method writes a log record: Hapi `request.log(tags, data)` and `server.log(…)`,
 * BullMQ `job.log(text)` (kept with the job in Redis and shown in dashboards), Agenda/bee-queue jobs.
 */
export const logHostName: NameLexicon = {
  id: 'log-host-name',
  title: 'A receiver whose own log method writes a log record (Hapi request/server, a queue job)',
  // `context.log(…)`: an Azure Functions invocation context logs to Application Insights.
  pattern: /^(?:.*_)?(?:req|request|server|job|task|context|invocation_context)$/,
  samples: {
    positive: ['request', 'server', 'job', 'export_job', 'req', 'context'],
    negative: ['math', 'chart', 'logger', 'jobs', 'request_id'],
  },
};

/**
 * Bindings that hold a whole token response (OAuth `access_token`/`refresh_token`, an openid-client
 * `TokenSet`): logged whole, every token in them is logged. Counted only when the value comes from a call.
 */
export const tokenResponseName: NameLexicon = {
  id: 'token-response-name',
  title: 'A name that holds a whole token response',
  pattern: new RegExp(
    String.raw`^(?:(?:oauth|auth|access|user|session|id|new|refreshed|google|github|cognito|msal|sso)_)?` +
      String.raw`(?:tokens|token_set|token_response|token_result|token_data|token_payload|grant_response)$`,
  ),
  samples: {
    positive: ['tokens', 'token_set', 'oauth_tokens', 'token_response', 'auth_token_data'],
    negative: ['token', 'token_count', 'tokens_used', 'max_tokens', 'token_type', 'total_tokens', 'design_tokens'],
  },
};

/** Calls whose result is a token response: an HTTP call to a token endpoint, `res.json()`, an OAuth client. */
export const tokenResponseCall: { readonly pattern: RegExp; readonly samples: Samples } = {
  pattern: /\b(?:json|post|fetch|request|send|callback|grant|refresh\w*|exchange\w*|get_?tokens?\w*|oauth\w*)\s*\(/i,
  samples: {
    positive: ['await res.json()', "axios.post('/oauth/token', body)", 'client.callback(uri, params)'],
    negative: ['lexer.tokenize(src)', "text.split(' ')", 'marked.lexer(md)'],
  },
};

/**
 * Types and names of an outgoing request's options (fetch `RequestInit`, axios request config): their
 * `headers` carry the Authorization header the client adds.
 */
export const outgoingRequestConfig = {
  types: new Set(['RequestInit', 'AxiosRequestConfig', 'InternalAxiosRequestConfig', 'RequestOptions', 'Options']),
  /** Interceptor registrations whose callback gets the outgoing request config (`api.interceptors.request.use`). */
  interceptor: /\binterceptors\.request\.use$/,
  /**
   * Errors of HTTP clients that keep the failed request: axios's `AxiosError` holds the request config (`config`,
   * also `response.config`, with its headers) and the Node request (`request`, whose `_header` is the raw header
   * text); logging either logs the Authorization header the client sent.
   */
  errorTypes: new Set(['AxiosError']),
  errorMembers: new Set(['config', 'request']),
  /**
   * In a browser axios's `request` is the XMLHttpRequest, which exposes no request header (the XHR standard has no
   * getter for them): a module that reads one of these globals runs there. Its `config` keeps the headers.
   */
  browserRequest: { member: 'request', globals: new Set(['window', 'document', 'navigator']) },
};

/**
 * What an incoming connection carries besides an HTTP request: a socket.io handshake's `auth` payload and headers
 * (the client's token, its cookies), and a gRPC server call's `metadata` (the caller's `authorization` entry).
 */
export const incomingConnection = {
  handshakeMembers: new Set(['auth', 'headers']),
  /** Type annotations of a gRPC server call (`@grpc/grpc-js`): its `metadata` holds the request's headers. */
  grpcCallType: /\bServer(?:Unary|ReadableStream|WritableStream|DuplexStream|Surface)Call\b|\bServer\w*Stream\b/,
  /** Methods that turn metadata into a plain object or header list, keeping every entry. */
  metadataCopies: new Set(['getMap', 'toJSON', 'toHttp2Headers']),
};

/**
 * Cloud calls whose response holds a private key or a secret the provider shows once (`secret` names the member):
 * a device certificate's key pair (AWS IoT), an EC2 key pair's private key, a new IAM access key, temporary STS
 * credentials. The response logged whole logs that member.
 */
export interface SecretResponse extends CallPattern {
  readonly secret: string;
}

export const secretResponses: readonly SecretResponse[] = [
  {
    id: 'aws-iot.keys-and-certificate',
    title: 'AWS IoT CreateKeysAndCertificate',
    modules: ['@aws-sdk/client-iot', 'aws-sdk', 'aws-sdk/clients/iot'],
    callees: ['new CreateKeysAndCertificateCommand', 'new Iot().createKeysAndCertificate', 'createKeysAndCertificate'],
    secret: 'keyPair',
    samples: {
      positive: [
        "import { CreateKeysAndCertificateCommand } from '@aws-sdk/client-iot'; " +
          'new CreateKeysAndCertificateCommand({});',
      ],
      negative: ["import { CreateThingCommand } from '@aws-sdk/client-iot'; new CreateThingCommand({ thingName: n });"],
    },
  },
  {
    id: 'aws-ec2.key-pair',
    title: 'EC2 CreateKeyPair',
    modules: ['@aws-sdk/client-ec2', 'aws-sdk', 'aws-sdk/clients/ec2'],
    callees: ['new CreateKeyPairCommand', 'new EC2().createKeyPair', 'createKeyPair'],
    secret: 'KeyMaterial',
    samples: {
      positive: [
        "import { CreateKeyPairCommand } from '@aws-sdk/client-ec2'; new CreateKeyPairCommand({ KeyName: n });",
      ],
      negative: ["import { DescribeKeyPairsCommand } from '@aws-sdk/client-ec2'; new DescribeKeyPairsCommand({});"],
    },
  },
  {
    id: 'aws-iam.access-key',
    title: 'IAM CreateAccessKey',
    modules: ['@aws-sdk/client-iam', 'aws-sdk', 'aws-sdk/clients/iam'],
    callees: ['new CreateAccessKeyCommand', 'new IAM().createAccessKey', 'createAccessKey'],
    secret: 'AccessKey',
    samples: {
      positive: [
        "import { CreateAccessKeyCommand } from '@aws-sdk/client-iam'; new CreateAccessKeyCommand({ UserName: u });",
      ],
      negative: [
        "import { ListAccessKeysCommand } from '@aws-sdk/client-iam'; new ListAccessKeysCommand({ UserName: u });",
      ],
    },
  },
  {
    id: 'aws-sts.credentials',
    title: 'STS temporary credentials',
    modules: ['@aws-sdk/client-sts', 'aws-sdk', 'aws-sdk/clients/sts'],
    callees: [
      'new AssumeRoleCommand',
      'new GetSessionTokenCommand',
      'new AssumeRoleWithWebIdentityCommand',
      'new STS().assumeRole',
      'new STS().getSessionToken',
    ],
    secret: 'Credentials',
    samples: {
      positive: ["import { AssumeRoleCommand } from '@aws-sdk/client-sts'; new AssumeRoleCommand({ RoleArn: a });"],
      negative: ["import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'; new GetCallerIdentityCommand({});"],
    },
  },
];

/** Objects that hold the whole environment besides `process.env`: Deno and Bun. */
export const environmentObjects = {
  calls: new Set(['Deno.env.toObject']),
  members: new Set(['Bun.env']),
  /**
   * Edge platforms hand each request its environment (Cloudflare Workers' bindings, secrets included) as
   * `c.env` (Hono), `context.env` (Pages Functions), `platform.env` (SvelteKit), `locals.runtime.env` (Astro).
   */
  platformHolder: {
    id: 'platform-env-holder',
    title: "A name whose `env` member is an edge platform's environment (its secrets among its bindings)",
    pattern: /^(?:c|ctx|context|platform|runtime|event_platform)$/,
    samples: {
      positive: ['c', 'ctx', 'context', 'platform', 'runtime'],
      negative: ['app', 'config', 'process', 'options'],
    },
  } satisfies NameLexicon,
  /** Worker handler methods whose second parameter is the environment: `fetch(request, env, ctx)`. */
  handlerMethods: new Set(['fetch', 'scheduled', 'queue', 'email', 'tail', 'trace']),
};

/**
 * Editor output channels (VS Code `window.createOutputChannel`, its `LogOutputChannel`): what an extension
 * appends there is shown in the Output panel, pasted into bug reports and kept in the log folder. By the call
 * that makes the channel, or by a receiver name when the channel is injected.
 */
export const outputChannels = {
  factories: new Set(['createOutputChannel', 'createLogOutputChannel', 'registerOutputChannel']),
  methods: new Set(['appendLine', 'append']),
  receiver: {
    id: 'output-channel-name',
    title: 'A name that holds an editor output channel',
    pattern: /^(?:.*_)?(?:output|output_channel|out_channel|log_channel|channel)$/,
    samples: {
      positive: ['output', 'output_channel', 'log_channel', 'channel'],
      negative: ['outputs', 'channel_id', 'output_path', 'channels'],
    },
  } satisfies NameLexicon,
};

/**
 * CLI frameworks whose command classes print through their own methods (oclif `this.log`, `this.warn`,
 * `this.logToStderr`): a class that extends a name ending in `Command` logs there.
 */
export const commandClassLog = {
  superClass: /(?:^|\.)(?:[A-Z]\w*)?Command$/,
  methods: new Set(['log', 'warn', 'error', 'logToStderr', 'logJson', 'debug', 'info']),
};

/**
 * Command-line frameworks: in a file that imports one, `console.log` prints to the terminal of the person who ran the
 * command. A code made there for that person to type elsewhere (`Enter 4821 in the app`) is shown to its owner, not
 * logged (src/rule-kit/weak-secrets.ts); a secret the program holds is still reported there as anywhere.
 */
export const commandLineFrameworks: ReadonlySet<string> = new Set([
  'commander',
  'yargs',
  'yargs/yargs',
  'yargs/helpers',
  '@oclif/core',
  '@oclif/command',
  'cac',
  'meow',
  'sade',
  'clipanion',
  'citty',
  'cmd-ts',
  'vorpal',
  'caporal',
  '@caporal/core',
  'gluegun',
  '@cliffy/command',
  '@adonisjs/ace',
  'minimist',
  'mri',
  'arg',
]);

/**
 * An operator's explicit request to see a secret in an interactive command (session 32): a flag or confirmation whose
 * name asks to reveal, show or display secret or sensitive values (`--reveal`, `--show-secrets`,
 * `displaySensitiveInformation`, `showPassword`), or the answer of a confirm prompt. A print the command makes only
 * under such a test is the answer to that request, as `vault kv get`, `heroku config --reveal` or a keystore download
 * command shows it; a debug or log flag (`logSecrets`, `DEBUG_KEYS`) is no such request.
 */
export const revealRequest = {
  /** A normalised flag name (lower-case words joined by `_`). */
  flag: {
    pattern: new RegExp(
      String.raw`^(?:reveal|unmask)(?:_[a-z\d]+){0,3}$|` +
        String.raw`^(?:[a-z\d]+_)?(?:reveal|unmask|show|display)(?:_[a-z\d]+){0,2}_` +
        String.raw`(?:secrets?|sensitive|passwords?|credentials?|keys?|tokens?|values?|plain(?:text)?)` +
        String.raw`(?:_[a-z\d]+){0,2}$`,
    ),
    samples: {
      positive: [
        'reveal',
        'show_secrets',
        'display_sensitive_information',
        'show_password',
        'reveal_values',
        'unmask',
        'should_show_secret_values',
        'show_plaintext',
      ],
      negative: ['log_secrets', 'debug_keys', 'verbose', 'show_help', 'secret', 'display_name', 'show_dialog'],
    } satisfies Samples,
  },
  /** The last segment of a confirm prompt's callee (`confirm`, `confirmAsync`, `p.confirm`, `askConfirm`). */
  confirmCall: {
    pattern: /^(?:confirm|confirmAsync|confirmPrompt|promptConfirm|askConfirm|askConfirmation)$/,
    samples: {
      positive: ['confirm', 'confirmAsync', 'askConfirmation'],
      negative: ['confirmEmail', 'confirmPayment', 'prompt', 'confirmed'],
    } satisfies Samples,
  },
  /** Prompt libraries: a module that imports one talks to a person at a terminal. */
  promptLibraries: new Set([
    'inquirer',
    '@inquirer/prompts',
    '@inquirer/confirm',
    'prompts',
    'enquirer',
    '@clack/prompts',
    'readline-sync',
  ]),
};

/**
 * One-time codes under their own names (`otp`, `smsCode`, `verificationCode`, `backupCodes`): whoever reads
 * the log signs in, resets the password or confirms the payment while the code is valid (OWASP Logging Cheat
 * Sheet: authentication secrets).
 */
export const oneTimeCodeName: NameLexicon = {
  id: 'one-time-code-name',
  title: 'A name that holds a one-time code',
  pattern: new RegExp(
    String.raw`^(?:.*_)?(?:otp|totp|hotp|one_time_password|(?:otp|sms|email|verification|verify|reset|mfa|` +
      String.raw`two_factor|2fa|totp|login|sign_in|signin|one_time|magic|confirmation|recovery|backup|pin)_codes?)$`,
  ),
  samples: {
    positive: ['otp', 'sms_code', 'verification_code', 'backup_codes', 'user_otp', 'reset_code', 'mfa_code'],
    negative: ['status_code', 'error_code', 'country_code', 'otp_length', 'otp_enabled', 'code', 'otp_expires_at'],
  },
};

/**
 * A key pair under its own name (`keyPair`, `identityKeyPair`): logged whole, its secret half is logged with it.
 * Counted only where the file cannot see the pair made (a member of a record, a parameter): a pair it sees made
 * is judged by its factory (WebCrypto and Node KeyObject pairs print no key bytes).
 */
export const keyPairName: NameLexicon = {
  id: 'key-pair-name',
  title: 'A name that holds a whole key pair',
  pattern: /^(?:.*_)?(?:key_pair|keypair)$/,
  samples: {
    positive: ['key_pair', 'identity_key_pair', 'keypair', 'signing_key_pair'],
    negative: ['key_pairs_count', 'key_pair_id', 'key_pair_type', 'pair'],
  },
};

/**
 * Calls that take a secret as an argument, by the callee's own name (normalised): what a file passes there is a
 * seed phrase, a private key or a password whatever the variable is called (`HDNodeWallet.fromPhrase(words)`,
 * `new Wallet(hexKey)`, `pbkdf2Sync(input, salt, …)`, `auth.setPassword(id, args.next)`). `first` takes it first;
 * `last` takes it last, after the account it belongs to, and only with two arguments or more
 * (`resetPassword(email)` takes an address).
 */
export const secretConsumers = {
  first: {
    id: 'secret-first-argument',
    title: 'A call that takes a seed phrase, private key or password as its first argument',
    pattern: new RegExp(
      String.raw`^(?:from_(?:phrase|mnemonic|seed|secret_key|private_key|entropy)|mnemonic_to_\w+|` +
        String.raw`entropy_to_mnemonic|private_key_to_\w+|import_private_key|wallet|` +
        String.raw`(?:verify|hash|check)_password|pbkdf2(?:_sync)?|scrypt(?:_sync)?|derive_key_from_password)$`,
    ),
    samples: {
      positive: [
        'from_phrase',
        'mnemonic_to_seed_sync',
        'private_key_to_account',
        'wallet',
        'pbkdf2_sync',
        'hash_password',
      ],
      negative: ['from_public_key', 'generate_mnemonic', 'get_private_key', 'wallets', 'reset_password', 'from_string'],
    },
  } satisfies NameLexicon,
  last: {
    id: 'secret-last-argument',
    title: "A call that takes an account's new password as its last argument",
    pattern: /^(?:set|update|change|reset)_(?:user_)?password$/,
    samples: {
      positive: ['set_password', 'update_password', 'change_password', 'reset_password', 'update_user_password'],
      negative: ['forgot_password', 'send_password_reset', 'password_strength', 'set_passwords'],
    },
  } satisfies NameLexicon,
  /**
   * A call that redacts secrets from the whole object it is given (`redact(cfg)`, `redactSecrets(settings)`): a value
   * the file redacts before it shows it holds secrets, so shown elsewhere unredacted it shows them (issue 11,
   * session 36). Not a mask named for a non-secret (`maskEmail`, `maskPhone`: personal data, not a key).
   */
  redacting: {
    id: 'secret-redacting-call',
    title: 'A call that redacts the secrets of the value passed first',
    pattern:
      /^(?:redact|mask|obfuscate|censor|scrub)(?:_(?:secrets?|sensitive|config|credentials?|keys?|tokens?|all|deep))?$/,
    samples: {
      positive: ['redact', 'redact_secrets', 'mask_sensitive', 'scrub', 'redact_config', 'censor'],
      negative: ['mask_email', 'mask_phone', 'redacted', 'is_redacted', 'unmask', 'redact_email'],
    },
  } satisfies NameLexicon,
  /** Object keys that take a credential whose name does not say so: a database connection string. */
  connectionKeys: new Set([
    'connectionString',
    'connection_string',
    'connectionUri',
    'connectionURI',
    'connection_uri',
  ]),
};

/**
 * Stored hash fields named for what they hash (`tokenHash`, `hashedSecret`, `keyDigest`): the value hashed into
 * one is that token or secret, shown once and kept only as its hash (the API-token pattern).
 */
export const secretHashField: NameLexicon = {
  id: 'secret-hash-field',
  title: 'A field that stores the hash of a token, secret, key or password',
  pattern: new RegExp(
    String.raw`^(?:.*_)?(?:(?:token|secret|api_key|password|passcode|code)_(?:hash|digest|sha256)|` +
      String.raw`hashed_(?:\w+_)?(?:token|secret|api_key|password|passcode|code))$`,
  ),
  samples: {
    positive: ['token_hash', 'api_key_hash', 'hashed_token', 'secret_digest', 'hashed_api_key', 'code_hash'],
    negative: [
      'content_hash',
      'file_hash',
      'token',
      'hash',
      'password',
      'hash_algorithm',
      'key_hash',
      'public_key_hash',
    ],
  },
};

/**
 * Whole client-side stores that hold sessions and tokens: the page's cookies (`document.cookie`, every cookie not
 * marked HttpOnly) and Web Storage (`localStorage`, `sessionStorage`), logged or stringified as one value.
 */
export const browserStores = {
  cookieHolders: new Set(['document']),
  storages: new Set(['localStorage', 'sessionStorage']),
};

/**
 * Calls that make a client from options (`new OpenAI({ apiKey })`, `nodemailer.createTransport({ auth })`,
 * `createClient({ password })`): the client keeps its options, so the client logged whole, or its options member,
 * carries the secret given to it. Requests (`fetch`, `axios.post`) return responses, not the options.
 */
export const clientFactories = {
  call: /^(?:create|connect|init|make|build|new)(?:[A-Z]\w*)?$/,
  /**
   * What a `create…` call returns when it is named for a record's id, a count or a verdict (`const uid = await
   * user.create({ password })`, `const txid = await createRefundTransaction({ privateKey })`): the call made a record
   * or a transaction from the secret, and returned its identifier, not a client that keeps the secret (session 36).
   */
  result: {
    id: 'made-record-result-name',
    title: 'A name for the id, count or verdict a create call returns',
    pattern: /^(?:.*_)?(?:id|ids|uid|uuid|guid|txid|tx_hash|hash|count|ok|success|created|inserted|status|receipt)$/,
    samples: {
      positive: ['uid', 'txid', 'user_id', 'inserted_id', 'tx_hash', 'count', 'created'],
      negative: ['client', 'transport', 'api', 'sdk', 'connection', 'pool', 'octokit'],
    },
  } satisfies NameLexicon,
  optionMembers: new Set(['options', 'opts', 'config', 'configuration', 'settings', '_options', 'auth', 'credentials']),
};

/**
 * Callback parameters that auth libraries fill with a provider's tokens: Auth.js/NextAuth `account` in the `jwt`,
 * `signIn` and `linkAccount` callbacks (`access_token`, `refresh_token`, `id_token`), and the Slack Bolt
 * installation store's `installation` (bot and user tokens), and the Credentials provider's `authorize(credentials)`
 * (the sign-in form with its password; session 36). Logged whole, they log those secrets.
 */
export const tokenCallbackParams: readonly {
  readonly method: RegExp;
  readonly param: string;
  /** What the library passes in it, for the message (default: the provider tokens). */
  readonly holds?: string;
}[] = [
  { method: /^(?:jwt|signIn|linkAccount)$/, param: 'account' },
  { method: /^(?:storeInstallation|saveInstallation)$/, param: 'installation' },
  // Auth.js/NextAuth Credentials provider: `authorize(credentials)` gets the sign-in form, password included.
  { method: /^authorize$/, param: 'credentials', holds: 'the submitted sign-in credentials' },
  { method: /^authorize$/, param: 'creds', holds: 'the submitted sign-in credentials' },
];

/**
 * Calls that turn a JSON Web Key into a key object (jose `importJWK`), and the methods of jose's builders that take
 * the key they sign with (`new SignJWT(claims).sign(key)`, `CompactSign`, `FlattenedSign`, `GeneralSign`): a JWK
 * imported and then passed to one of them is a private key (src/rule-kit/signing-jwks.ts).
 */
export const jwkImports: { readonly calls: readonly CallPattern[]; readonly signingMethods: ReadonlySet<string> } = {
  calls: [
    {
      id: 'jose.importJWK',
      title: 'jose importJWK',
      modules: ['jose'],
      callees: ['importJWK'],
      receivers: ['jose'],
      samples: {
        positive: [
          "import { importJWK } from 'jose'; const key = await importJWK(jwk, 'ES256');",
          "import * as jose from 'jose'; const key = await jose.importJWK(jwk, 'EdDSA');",
        ],
        negative: ["import { importSPKI } from 'jose'; const key = await importSPKI(pem, 'ES256');"],
      },
    },
  ],
  signingMethods: new Set(['sign']),
};

/**
 * Settings loaded whole at start-up (issue 11, session 38, log22): the parsed `.env` file (dotenv), a convict or
 * nconf store read whole, rc's merged configuration. Logged as one value, each prints every secret the deployment
 * set, whatever the keys are called (src/rule-kit/loaded-settings.ts). A single setting read from them
 * (`conf.get('port')`, `nconf.get('db:host')`) is judged as any other value.
 */
export const settingsLoaders: readonly CallPattern[] = [
  {
    id: 'dotenv.config',
    title: 'dotenv (the parsed .env file)',
    modules: ['dotenv'],
    callees: ['config', 'default.config', 'parse', 'default.parse'],
    samples: {
      positive: [
        "import dotenv from 'dotenv'; const r = dotenv.config();",
        "const { parse } = require('dotenv'); parse(t);",
      ],
      negative: ["import dotenv from 'dotenv'; dotenv.populate(process.env, v);"],
    },
  },
  {
    id: 'convict.getProperties',
    title: 'a convict configuration read whole',
    modules: ['convict'],
    callees: ['default().getProperties', 'default().toObject'],
    samples: {
      positive: ["import convict from 'convict'; const conf = convict(schema); conf.getProperties();"],
      negative: ["import convict from 'convict'; const conf = convict(schema); conf.get('port');"],
    },
  },
  {
    id: 'rc',
    title: "rc's merged configuration",
    modules: ['rc'],
    callees: ['default'],
    samples: {
      positive: ["import rc from 'rc'; const conf = rc('shop', defaults);"],
      negative: ["import rc from 'rc-config-loader'; rc('shop');"],
    },
  },
];

/**
 * Parsers of a settings document (YAML, TOML, INI, JSON5, JSON) whose result, when the text is a file read at the
 * module's top level (`yaml.load(fs.readFileSync('config.yml', 'utf8'))`), is the service's settings loaded at
 * start-up (src/rule-kit/loaded-settings.ts).
 */
export const settingsParsers: readonly CallPattern[] = [
  {
    id: 'settings-document.parse',
    title: 'a settings file parsed at start-up',
    modules: ['js-yaml', 'yaml', 'toml', '@iarna/toml', 'smol-toml', 'ini', 'json5'],
    callees: ['load', 'default.load', 'parse', 'default.parse', 'safeLoad', 'default.safeLoad'],
    samples: {
      positive: ["import yaml from 'js-yaml'; yaml.load(text);", "import { parse } from 'smol-toml'; parse(text);"],
      negative: ["import yaml from 'js-yaml'; yaml.dump(doc);"],
    },
  },
  {
    id: 'json.parse',
    title: 'a JSON settings file parsed at start-up',
    modules: [],
    callees: ['JSON.parse'],
    global: true,
    samples: { positive: ['JSON.parse(text);'], negative: ['JSON.stringify(doc);'] },
  },
];

/** Modules whose default export is the whole loaded configuration (node-config's `import config from 'config'`). */
export const settingsModules: ReadonlySet<string> = new Set(['config']);
