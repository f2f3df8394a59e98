/**
 * Transforms: how a value moves through ordinary calls, as data for the value-flow engine
 * (src/rule-kit/flow). A receiver method's result is made from its receiver; a mixing method's from its
 * receiver and arguments; a pass-through call's from its arguments; a neutral call's from nothing secret.
 * Hash, HMAC and KDF calls are named transforms: the engine keeps their name on the
 * value so a rule can tell "one plain hash of a password" from "a KDF of a password"; those live beside
 * the KDF data (`plainHashSites`, `kdfSites` in kdf.ts).
 */
// Methods whose result is made from the receiver alone (string, number, array and buffer methods).
export const receiverMethods: ReadonlySet<string> = new Set([
  'toString',
  'toFixed',
  'toPrecision',
  'toExponential',
  'toLocaleString',
  'valueOf',
  'substring',
  'substr',
  'slice',
  'subarray',
  'padStart',
  'padEnd',
  'toUpperCase',
  'toLowerCase',
  'trim',
  'trimStart',
  'trimEnd',
  'replace',
  'replaceAll',
  'split',
  // `code.match(/.{4}/g).join('-')`: groups cut from the receiver (a `null` result carries nothing).
  'match',
  'join',
  'reverse',
  'at',
  'charAt',
  'charCodeAt',
  'codePointAt',
  'repeat',
  'normalize',
  'getTime',
  'toISOString',
  'toJSON',
  'flat',
  'filter',
  'toBase64',
  'toHex',
  'toReversed',
  'toSorted',
  'readUInt8',
  'readInt8',
  'readUInt16BE',
  'readUInt16LE',
  'readInt16BE',
  'readInt16LE',
  'readUInt32BE',
  'readUInt32LE',
  'readInt32BE',
  'readInt32LE',
  'readUIntBE',
  'readUIntLE',
  'readIntBE',
  'readIntLE',
  'readBigUInt64BE',
  'readBigUInt64LE',
  'readBigInt64BE',
  'readBigInt64LE',
  'readDoubleBE',
  'readDoubleLE',
  // node-forge's byte buffer read out whole (`buf.getBytes()`, `buf.bytes()`).
  'getBytes',
  'bytes',
]);
// Receiver methods that read the receiver at an index argument: on a public alphabet the index decides the result.
export const indexMethods: ReadonlySet<string> = new Set([
  'charAt',
  'at',
  'charCodeAt',
  'codePointAt',
  'substring',
  'substr',
  'slice',
]);
// Methods whose result is made from the receiver and the arguments (hash updates, concatenation, encoding).
export const mixingMethods: ReadonlySet<string> = new Set([
  'concat',
  'update',
  'digest',
  'encode',
  'fromCharCode',
  'fromCodePoint',
  'of',
]);
// Global functions (and static methods) whose result is made from their arguments.
export const passThroughCalls: ReadonlySet<string> = new Set([
  'String',
  'Number',
  'BigInt',
  'parseInt',
  'parseFloat',
  'encodeURIComponent',
  'encodeURI',
  'escape',
  'btoa',
  'Math.floor',
  'Math.ceil',
  'Math.round',
  'Math.trunc',
  'Math.abs',
  'Math.min',
  'Math.max',
  'Math.sign',
  'Math.pow',
  'Math.sqrt',
  'Math.log',
  'Math.log2',
  'Math.exp',
  'Math.fround',
  'Math.imul',
  'Number.parseInt',
  'Number.parseFloat',
  'String.fromCharCode',
  'String.fromCodePoint',
  'Buffer.from',
  'Buffer.concat',
  'Array.of',
  'JSON.stringify',
  'Object.values',
  'Uint8Array.from',
  'BigInt.asUintN',
  // node-forge's byte buffer: empty, or holding the bytes it is made from (`putByte` then writes into it).
  'forge.util.createBuffer',
  'util.createBuffer',
]);
/**
 * Calls that wrap what they are given (crypto-js's word array: `CryptoJS.lib.WordArray.create([w0, w1])`), followed
 * only when a weak source makes their input (session 36): words cut from a derived key (`keyAndIv.words.slice(8)`,
 * EvpKDF's output) are entropy the value flow cannot see, not a predictable value.
 */
export const weakCarryingCalls: ReadonlySet<string> = new Set([
  'CryptoJS.lib.WordArray.create',
  'lib.WordArray.create',
  'WordArray.create',
]);
// Calls whose result carries no entropy of its own: a fresh hash context, an encoder, a zero buffer.
export const neutralCalls: ReadonlySet<string> = new Set([
  'createHash',
  'crypto.createHash',
  'TextEncoder',
  'Buffer.alloc',
  'Date.parse',
  'Math.PI',
]);

export const typedArrayBits: Readonly<Record<string, number>> = {
  Uint8Array: 8,
  Int8Array: 8,
  Uint8ClampedArray: 8,
  Uint16Array: 16,
  Int16Array: 16,
  Uint32Array: 32,
  Int32Array: 32,
  BigUint64Array: 64,
  BigInt64Array: 64,
};

/**
 * Methods that write their first argument into the receiver buffer in place (`buf.writeUInt32BE(n, 0)`,
 * `buf.set(bytes)`, `buf.write(text)`, and node-forge's byte buffers: `bytes.putByte(b)`, `bytes.putInt32(n)`): the
 * receiver's value is then made of what was written.
 */
export const bufferWrites = new RegExp(
  '^(?:write(?:U?Int(?:8|16|32)(?:BE|LE)?|U?Int(?:BE|LE)|BigU?Int64(?:BE|LE)|Double(?:BE|LE)|Float(?:BE|LE))?|set|' +
    'put(?:Byte|Bytes|Buffer|Int(?:16|24|32)?(?:Le)?|SignedInt))$',
);

/**
 * Calls that only decode or re-encode their argument: given a literal, their result is as constant as the
 * literal (`CryptoJS.enc.Hex.parse('00…')`, `forge.util.hexToBytes('…')`, noble's `hexToBytes('…')`). Matched
 * on the callee as written.
 */
export const literalDecoders = {
  id: 'literal-decoders',
  title: 'A call that decodes a literal into bytes',
  pattern: new RegExp(
    '(?:^|\\.)(?:enc\\.(?:Hex|Utf8|Utf16|Utf16LE|Latin1|Base64|Base64url)\\.parse|util\\.(?:hexToBytes|decode64|' +
      'decodeUtf8|encodeUtf8|createBuffer|binary\\.(?:hex|base64)\\.decode)|(?:hex|base64|utf8)\\.decode)$|' +
      '^(?:hexToBytes|utf8ToBytes|base64ToBytes|hexToUint8Array|fromHex|fromBase64|decodeHex|decodeBase64)$|' +
      // libsodium-wrappers (`sodium.from_hex`), tweetnacl-util (`naclUtil.decodeBase64`).
      '(?:^|\\.)(?:from_hex|from_base64|from_string|decodeBase64|decodeUTF8)$|' +
      // sjcl (`sjcl.codec.hex.toBits`), aes-js (`aesjs.utils.utf8.toBytes`).
      '(?:^|\\.)codec\\.(?:hex|utf8String|base64|base64url|bytes)\\.toBits$|(?:^|\\.)utils\\.(?:hex|utf8)\\.toBytes$',
  ),
  samples: {
    positive: [
      'CryptoJS.enc.Hex.parse',
      'CryptoJS.enc.Utf8.parse',
      'enc.Base64.parse',
      'forge.util.hexToBytes',
      'forge.util.createBuffer',
      'hexToBytes',
      'utf8ToBytes',
      'hex.decode',
      'sodium.from_hex',
      'naclUtil.decodeBase64',
      'sjcl.codec.hex.toBits',
      'aesjs.utils.utf8.toBytes',
    ],
    negative: [
      'JSON.parse',
      'CryptoJS.lib.WordArray.random',
      'forge.random.getBytesSync',
      'randomBytes',
      'decode',
      'sjcl.random.randomWords',
    ],
  },
} as const;

/**
 * Counter blocks built from a number (aes-js `new aesjs.Counter(5)`; no argument starts at 1): the same
 * keystream every time under one key, as a constant IV is.
 */
export const literalCounterBlocks = {
  id: 'literal-counter-blocks',
  title: 'A CTR counter block made from a number',
  pattern: /(?:^|\.)Counter$/,
  samples: {
    positive: ['aesjs.Counter', 'Counter'],
    negative: ['CounterStore', 'aesjs.ModeOfOperation.ctr', 'counter'],
  },
} as const;

/**
 * Methods that read how many records a store or collection holds (`sessions.size()`, `db.invite.count()`,
 * `Model.countDocuments()`): a small number anyone can estimate, not entropy. The value-flow engine reads them as
 * predictable, so a session id made of the clock and a store's size is as guessable as the clock alone.
 */
export const countMethods: ReadonlySet<string> = new Set([
  'size',
  'count',
  'countDocuments',
  'estimatedDocumentCount',
  'getCount',
  'dbsize',
  'dbSize',
]);

/**
 * Methods that step a shared counter and return its new value: Redis `INCR`/`INCRBY`/`HINCRBY` in node-redis and
 * ioredis spellings. A code or token numbered by one is a counter (the next value follows from the last one seen).
 */
export const counterMethods = /^(?:incr|incrBy|incrby|hIncrBy|hincrby|INCR|INCRBY)$/;

/**
 * SQL that steps a database sequence or reads the row id it just assigned (PostgreSQL `nextval('seq')`, SQL Server
 * and Db2 `NEXT VALUE FOR seq`, MySQL `LAST_INSERT_ID()`, SQLite `last_insert_rowid()`): a query whose text holds one
 * returns a counter, through any client (`db.query`, `pool.execute`, `prisma.$queryRaw`, a `sql` tagged template).
 */
export const sqlSequenceText = /\bnextval\s*\(|\bnext\s+value\s+for\b|\blast_insert_(?:id|rowid)\s*\(/i;

/**
 * Document-store updates that step a field and return the updated record: MongoDB/Mongoose `findOneAndUpdate`,
 * `findByIdAndUpdate`, `findAndModify` with a `$inc` operator, and Prisma `update`/`upsert` with `{ increment: n }`
 * (the `countersDocument` pattern for auto-increment ids). The stepped field is a counter.
 */
export const incrementingUpdates = {
  methods: new Set(['findOneAndUpdate', 'findByIdAndUpdate', 'findAndModify', 'update', 'upsert']),
  operators: new Set(['$inc', 'increment']),
} as const;

/**
 * Keyed hashes and salted id encoders, by callee as written, and the argument that holds the key or salt. Keyed with
 * a constant the source spells out (`createHmac('sha256', 'csrf')`, `new Hashids('invite-salt', 8)`), or with none,
 * the MAC or encoding of a counter or a clock reading is as predictable as its input (Hashids and Sqids only
 * obfuscate a number, reversibly); keyed with anything else (an env var, a configured secret) it is not.
 */
export const keyedHashCalls: Readonly<Record<string, number>> = {
  createHmac: 1,
  'crypto.createHmac': 1,
  Hashids: 0,
  Sqids: 0,
};
