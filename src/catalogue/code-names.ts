/**
 * Names that code spells exactly and that the rules read as evidence: API, method and option names, class and type
 * names, deployment flags. Each entry is a closed list (`NameList`) or, where the spelling varies, a pattern over the
 * name as written (`TextPattern`); `test/catalogue/code-lists.test.ts` proves every entry's samples.
 * Moved here from src/rule-kit (session 35), where each list sat as a module constant beside its one reader.
 */
import type { CredentialClient } from './clients.js';
import type { NameLexicon, NameList, SinkRole, TextPattern } from './types.js';

/** A `NameList` from its names, so that an entry reads as its words. */
const list = (id: string, title: string, names: readonly string[], samples: NameList['samples']): NameList => ({
  id,
  title,
  names: new Set(names),
  samples,
});

// --- Numbers and sizes -------------------------------------------------------------------------------------------

/**
 * Calls that turn their argument into the same number (`Number(x)`, `parseInt(x, 10)`, `Math.floor(x)`): a size or
 * a setting read through one is the argument's own value (rule-kit numbers.ts reads constants through them;
 * algorithm-constants.ts reads `Number(process.env.X ?? 1024)` as its literal default).
 */
export const numberCasts = list(
  'number-casts',
  'Calls that return their argument as the same number',
  ['Number', 'parseInt', 'parseFloat', 'Math.floor', 'Math.ceil', 'Math.round', 'Math.trunc'],
  {
    positive: ['Number', 'parseInt', 'Math.floor', 'Math.trunc'],
    negative: ['Math.random', 'String', 'parse', 'BigInt'],
  },
);

// --- Algorithm options (rule-kit algorithm-options.ts) -----------------------------------------------------------

/** A call named for making or importing a key: `createRsaKey`, `generateKey`, `createKeyPair`, `importKey`. */
export const keyMakerCall: TextPattern = {
  id: 'key-maker-call',
  title: 'A call named for making or importing a key',
  pattern: /^(?:create|generate|gen|make|new|import|rotate)\w*key/i,
  samples: {
    positive: ['generateKey', 'createRsaKey', 'createKeyPair', 'importKey', 'rotateSigningKey', 'genkey'],
    negative: ['encrypt', 'createCipheriv', 'getKey', 'keyGenerate', 'signKey'],
  },
};

/** A call named for encrypting or decrypting: a cipher option in it runs even with no key option beside it. */
export const cipherCall: TextPattern = {
  id: 'cipher-call',
  title: 'A call named for encrypting, decrypting or sealing',
  pattern: /(?:crypt|cipher|seal)/i,
  samples: {
    positive: ['encrypt', 'decrypt', 'createCipheriv', 'seal', 'CryptoBox'],
    negative: ['sign', 'generateKey', 'hash', 'connect'],
  },
};

/**
 * Calls that run an RSA key-transport algorithm named by their first argument (Azure `CryptographyClient.encrypt(
 * 'RSA1_5', data)`, `wrapKey('RSA1_5', key)`): a PKCS#1 v1.5 choice there is reported.
 */
export const rsaTransportMethods = list(
  'rsa-transport-methods',
  'Methods whose first argument names an RSA key-transport algorithm',
  ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey', 'wrap', 'unwrap'],
  { positive: ['encrypt', 'wrapKey', 'unwrap'], negative: ['sign', 'verify', 'encryptString', 'generateKey'] },
);

/** Option keys whose value names the algorithm of the call (`{ alg: 'RSA1_5' }`, `{ keyManagementAlgorithm }`). */
export const algorithmOptionKeys = list(
  'algorithm-option-keys',
  'Option keys that name the algorithm of the call',
  ['alg', 'algorithm', 'keyManagementAlgorithm', 'keyAlgorithm', 'wrapAlgorithm'],
  { positive: ['alg', 'algorithm', 'keyManagementAlgorithm'], negative: ['algorithms', 'Algorithm', 'digest', 'mode'] },
);

/**
 * A bare size option (normalised name): in a key-making call whose algorithm argument has a modulus, that modulus
 * (ssh2 `utils.generateKeyPairSync('rsa', { bits: 1024 })`).
 */
export const bareSizeOption: NameLexicon = {
  id: 'bare-size-option',
  title: 'A size option with no algorithm in its name',
  pattern: /^(?:bits|size|length|key_bits|key_size)$/,
  samples: { positive: ['bits', 'size', 'keySize', 'KEY_BITS'], negative: ['modulusLength', 'tagLength', 'bytes'] },
};

/** Algorithm names whose size is a modulus (ssh2 `utils.generateKeyPairSync('rsa', { bits })`). */
export const modulusAlgorithm: TextPattern = {
  id: 'modulus-algorithm',
  title: 'Algorithm names whose key size is a modulus',
  pattern: /^(?:rsa|dsa|dh|ssh-rsa|ssh-dss)$/i,
  samples: { positive: ['rsa', 'RSA', 'dsa', 'ssh-rsa', 'ssh-dss'], negative: ['ec', 'ed25519', 'rsa-pss', 'aes'] },
};

// --- PKCS#11 (rule-kit pkcs11-mechanisms.ts) ---------------------------------------------------------------------

/** Calls that take a mechanism name as a string first argument (graphene `session.createSign('SHA1_RSA_PKCS')`). */
export const pkcs11MechanismCalls = list(
  'pkcs11-mechanism-calls',
  'PKCS#11 session methods whose first argument is a mechanism name',
  ['createSign', 'createCipher', 'createDecipher', 'generateKey', 'generateKeyPair', 'wrapKey', 'unwrapKey'],
  { positive: ['createSign', 'generateKeyPair', 'unwrapKey'], negative: ['createVerify', 'open', 'login', 'sign'] },
);

/** Calls that verify or decrypt what someone else made: their mechanism is not this code's choice of digest. */
export const verifyCall: TextPattern = {
  id: 'verify-call',
  title: 'A call named for verifying',
  pattern: /verify/i,
  samples: { positive: ['createVerify', 'verify', 'VerifyInit'], negative: ['createSign', 'sign', 'decrypt'] },
};

// --- Command lines (rule-kit key-commands.ts, shell-removals.ts) -------------------------------------------------

/** Process runners whose first argument is a whole command line (the others take a program and an argument array). */
export const commandLineRunners = list(
  'command-line-runners',
  'Runners that take a whole command line as their first argument',
  ['exec', 'execSync', 'execaCommand', 'execaCommandSync'],
  { positive: ['exec', 'execSync', 'execaCommand'], negative: ['execFile', 'spawn', 'execa', 'spawnSync'] },
);

/** `openssl aes-256-cbc …`: a cipher name used as the `openssl` subcommand, as `enc` is. */
export const opensslCipherSubcommand: TextPattern = {
  id: 'openssl-cipher-subcommand',
  title: 'An openssl subcommand that is a cipher name',
  pattern: /^(?:aes|des|des3|bf|blowfish|cast|cast5|rc2|rc4|idea|seed|camellia|aria|sm4|chacha20)(?:-|$)/,
  samples: {
    positive: ['aes-256-cbc', 'des3', 'des-ede3-cbc', 'bf-cbc', 'rc4', 'chacha20'],
    negative: ['enc', 'genrsa', 'req', 'dgst', 'aesgcm', 'x509'],
  },
};

/** `openssl enc` options that are not a cipher name (`-in`, `-pass`, `-K`): skipped when the cipher flag is sought. */
export const opensslEncOptions = list(
  'openssl-enc-options',
  '`openssl enc` options that are not a cipher name',
  [
    ...['-in', '-out', '-pass', '-k', '-kfile', '-md', '-iter', '-pbkdf2', '-salt', '-nosalt', '-saltlen', '-a'],
    ...['-A', '-base64', '-d', '-e', '-S', '-K', '-iv', '-p', '-P', '-bufsize', '-nopad', '-debug', '-v', '-z'],
    ...['-none', '-engine', '-list', '-ciphers', '-provider', '-propquery'],
  ],
  { positive: ['-in', '-pass', '-K', '-iv', '-pbkdf2'], negative: ['-des3', '-aes-256-cbc', '-bf', 'in', '-rc4'] },
);

// --- Claims, requests and configuration --------------------------------------------------------------------------

/** JWT claims that name who a token is for or from (RFC 7519 §4.1.1-3): a record keyed by one is keyed by claim. */
export const subjectClaims = list(
  'subject-claims',
  'JWT claims naming the audience, subject or issuer',
  ['aud', 'sub', 'iss', 'audience', 'subject', 'issuer'],
  { positive: ['aud', 'sub', 'issuer'], negative: ['exp', 'iat', 'jti', 'kid', 'Subject'] },
);

/** `id`, `clientId`, `team_id`: a field (as written) that identifies its record. */
export const idField: TextPattern = {
  id: 'id-field',
  title: 'A field named as the identifier of its record',
  pattern: /(?:^|[a-z_])(?:id|Id|ID)$/,
  samples: { positive: ['id', 'clientId', 'team_id', 'userID'], negative: ['identity', 'paid_at', 'idle', 'width'] },
};

/** `req.body`, `ctx.request.query`, `event.params`: the member of a request that holds what its caller sent. */
export const requestFields = list(
  'request-fields',
  'Request members that hold what a handler receives from its caller',
  ['body', 'query', 'params', 'payload'],
  { positive: ['body', 'query', 'params'], negative: ['headers', 'user', 'session', 'Body'] },
);

/** Configuration getters whose first argument names the setting (`config.get('jwt.secret')`). */
export const configGetters = list(
  'config-getters',
  'Configuration getters whose first argument names the setting',
  ['get', 'getString', 'getSecret', 'getOptional', 'getOrDefault', 'require', 'requireSecret', 'value'],
  { positive: ['get', 'getSecret', 'requireSecret'], negative: ['set', 'has', 'getAll', 'load'] },
);

/**
 * A condition (its source text) that holds only in development: `if (isDev)`, `if (config.IS_DEV)`,
 * `if (process.env.NODE_ENV === 'development')`. Code under it does not run in production (rule-kit dev-only.ts).
 */
export const developmentCheck: TextPattern = {
  id: 'development-check',
  title: 'A condition that holds only in development',
  pattern: new RegExp(
    String.raw`^(?:[\w$.]+\.)?(?:isDevelopment|isDev|IS_DEV)$|` +
      String.raw`NODE_ENV\s*===?\s*['"](?:development|dev)['"]|['"](?:development|dev)['"]\s*===?\s*[\w$.]*NODE_ENV$`,
  ),
  samples: {
    positive: ['isDev', 'config.IS_DEV', "process.env.NODE_ENV === 'development'", "'dev' == process.env.NODE_ENV"],
    negative: ['!isDev', "process.env.NODE_ENV === 'production'", 'isDevice', "NODE_ENV !== 'development'"],
  },
};

/** Flags named for a production deployment (`const isProduction = process.env.NODE_ENV === 'production'`). */
export const productionFlags = list(
  'production-flags',
  'Flags named for a production deployment',
  ['isProduction', 'isProd', 'IS_PRODUCTION', 'IS_PROD', 'production'],
  { positive: ['isProduction', 'IS_PROD', 'production'], negative: ['isDev', 'prod', 'isProductionReady'] },
);

/** Flags named for a development deployment (`if (isDev) …`): code under them does not run in production. */
export const developmentFlags = list(
  'development-flags',
  'Flags named for a development deployment',
  ['isDevelopment', 'isDev', 'IS_DEV', 'IS_DEVELOPMENT'],
  { positive: ['isDev', 'IS_DEVELOPMENT'], negative: ['isProduction', 'dev', 'isDevice', 'development'] },
);

// --- Calls that decode, view, iterate or store (rule-kit key-origins.ts, reuse.ts, wipes.ts) ---------------------

/** Decoders of text the literal-decoder catalogue (transforms.ts) does not hold: `atob` and base58 codecs. */
export const moreTextDecoders = list(
  'more-text-decoders',
  'Text decoders beside the literal decoders: atob and base58',
  ['atob', 'bs58.decode', 'base58.decode', 'bs58check.decode'],
  {
    positive: ['atob', 'bs58.decode', 'bs58check.decode'],
    negative: ['btoa', 'bs58.encode', 'decode', 'base64.decode'],
  },
);

/** Methods that take part of a key, or re-encode it: an IV made from their receiver is made from the key. */
export const keyViewMethods = list(
  'key-view-methods',
  'Methods that return part of their receiver or the same bytes re-encoded',
  ['slice', 'subarray', 'toString', 'valueOf'],
  { positive: ['slice', 'subarray', 'toString'], negative: ['fill', 'copy', 'concat', 'toJSON'] },
);

/** Array methods that call their callback once per element (`items.map(cb)`, `Object.entries(o).forEach(cb)`). */
export const iteratingMethods = list(
  'iterating-methods',
  'Array methods that call their callback once per element',
  ['map', 'flatMap', 'forEach', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex'],
  { positive: ['map', 'forEach', 'reduceRight', 'findIndex'], negative: ['then', 'sort', 'push', 'findLast'] },
);

/** Calls that keep their argument beyond the statement (`cache.set(k, key)`, `list.push(key)`, `resolve(key)`). */
export const storingMethods = list(
  'storing-methods',
  'Methods that keep their argument past the call',
  ['set', 'push', 'unshift', 'resolve'],
  { positive: ['set', 'push', 'resolve'], negative: ['get', 'delete', 'pop', 'reject'] },
);

/** Calls that hand back one element of a collection (`keys.get(id)`, `keys.at(0)`, `queue.shift()`). */
export const elementReads = list(
  'element-reads',
  'Methods that return one element of their collection',
  ['get', 'at', 'find', 'shift', 'pop', 'splice'],
  { positive: ['get', 'at', 'shift', 'splice'], negative: ['set', 'map', 'slice', 'has'] },
);

/** Calls that turn bytes into text or an array and keep every byte: serialisers and encoders (key-file-writes.ts). */
export const byteSerialisers = list(
  'byte-serialisers',
  'Calls that turn bytes into text or an array and keep every byte',
  ['stringify', 'from', 'toString', 'bytesToHex', 'toHex', 'encode', 'encodeBase64', 'to_base64', 'to_hex'],
  { positive: ['stringify', 'bytesToHex', 'encode', 'to_hex'], negative: ['hash', 'digest', 'slice', 'length'] },
);

/** Calls that keep the bytes or text they are given: decoders, `Buffer.from`, string trimming (key-file-writes.ts). */
export const byteKeepingCalls = list(
  'byte-keeping-calls',
  'Calls whose result holds every byte or character of their input',
  [
    ...['from', 'trim', 'trimEnd', 'toString', 'replace', 'decode', 'parse', 'from_base64', 'from_hex'],
    ...['hexToBytes', 'base64ToBytes'],
  ],
  { positive: ['from', 'trim', 'decode', 'hexToBytes'], negative: ['digest', 'hash', 'substring', 'length'] },
);

// --- Classes and types -------------------------------------------------------------------------------------------

/** Collection classes and types whose element or value type says what they hold (`Map<string, Buffer>`). */
export const collectionClasses = list(
  'collection-classes',
  'Collection classes and types named with their element type',
  ['Map', 'WeakMap', 'Set', 'Array', 'ReadonlyMap', 'ReadonlyArray', 'Record'],
  { positive: ['Map', 'WeakMap', 'Record', 'ReadonlyArray'], negative: ['Buffer', 'Promise', 'Partial', 'WeakRef'] },
);

/** Typed array classes that hold bytes (`new Uint8Array(32)`, `Uint8Array.from([…])`); `Buffer` is read on its own. */
export const typedArrayClasses = list(
  'typed-array-classes',
  'Typed array classes of integers',
  ['Uint8Array', 'Int8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array'],
  { positive: ['Uint8Array', 'Uint8ClampedArray', 'Uint32Array'], negative: ['Buffer', 'Float32Array', 'ArrayBuffer'] },
);

/** Types that are never bytes (primitive wrappers, dates, key ids): a holder of one has nothing to wipe. */
export const byteFreeTypes = list(
  'byte-free-types',
  'Type names whose values hold no bytes',
  ['String', 'Number', 'Boolean', 'Date', 'KeyId'],
  { positive: ['String', 'Date', 'KeyId'], negative: ['Buffer', 'Uint8Array', 'string', 'SecretBytes'] },
);

/** Environment types: a process environment maps names to strings (`env: NodeJS.ProcessEnv`). */
export const environmentTypes = list(
  'environment-types',
  'Type names of a process environment',
  ['ProcessEnv', 'NodeJS.ProcessEnv', 'Env'],
  { positive: ['ProcessEnv', 'NodeJS.ProcessEnv', 'Env'], negative: ['Environment', 'Record', 'Config'] },
);

/** What a client's credential slot holds (clients.ts). */
type SlotHolds = CredentialClient['slots'][number]['holds'];

/** The client slots whose value is a secret itself (not a URL that may hold one): rule-kit client-credentials.ts. */
export const secretSlotKinds: { readonly names: ReadonlySet<SlotHolds>; readonly samples: NameList['samples'] } = {
  names: new Set<SlotHolds>(['password', 'secret', 'token', 'bytes']),
  samples: { positive: ['password', 'token', 'bytes'], negative: ['url', 'named'] },
};

/** The sink roles whose argument is key material itself (not a password, an IV, a salt): element-roles.ts. */
export const keyMaterialRoles: { readonly names: ReadonlySet<SinkRole>; readonly samples: NameList['samples'] } = {
  names: new Set<SinkRole>(['key', 'private-key', 'ikm']),
  samples: { positive: ['key', 'private-key', 'ikm'], negative: ['secret', 'password', 'iv', 'salt', 'nonce'] },
};
