/**
 * Randomness: where weak values come from, where a random value has a security purpose, and the
 * standards that fix an IV or allow a constant salt. Read by `no-weak-randomness`; every entry carries
 * samples that `test/catalogue/randomness.test.ts` proves.
 *
 * The key, IV, nonce and salt arguments of crypto APIs are not listed here: they are the roles of the
 * key sinks in `sinks.ts`, which this rule reads as purposes too.
 */
import type { CallPattern, NameLexicon, NameList, Samples } from './types.js';

const nodeCrypto = ['crypto', 'node:crypto'];

/** Why a source is weak; the message says it. */
export type WeakKind =
  'prng' | 'seeded-prng' | 'time' | 'process' | 'uuid-v1' | 'name-based' | 'deprecated' | 'counter' | 'unfilled';

/**
 * Kinds of weak source that are not random at all but a reading of the machine's state: a clock or a
 * process id. As an IV, nonce or salt they make a derived, repeatable value (two messages in the same
 * tick, or two hosts, get the same one), which `no-static-iv` reports; `no-weak-randomness` leaves them
 * to it there and keeps them for tokens and keys.
 */
export const stateReadingKinds: ReadonlySet<WeakKind> = new Set<WeakKind>(['time', 'process']);

/** What a source returns, which decides the replacement a suggestion writes. */
type RandomShape = 'float' | 'int' | 'string' | 'bytes' | 'any';

export interface WeakRandomSource extends CallPattern {
  readonly kind: WeakKind;
  readonly returns: RandomShape;
  /** A property read, not a call (`process.pid`): `callees` are then dotted global paths. */
  readonly member?: boolean;
  /**
   * The instance is safe when the constructing call's argument `index` names one of these (random-js
   * `new Random(nodeCrypto)` draws from the CSPRNG; `new Random()` and `new Random(MersenneTwister19937…)` do not).
   */
  readonly safeWith?: { readonly index: number; readonly names: readonly string[] };
  /**
   * A constructor that, given an argument, builds from that value (`new Date(row.expires)`, `new ObjectId(hex)`):
   * only the form with no argument makes a new value.
   */
  readonly fromValue?: true;
  /** A mechanical, behaviour-preserving rename of the called function (the only autofix of the rule). */
  readonly autofix?: string;
}

export interface StrongRandomSource extends CallPattern {
  /**
   * The value is a buffer of random elements of this many bits (`randomBytes` → 8). A typed array's
   * own width wins where the source fills one (`getRandomValues(new Uint32Array(4))` → 32).
   */
  readonly elementBits?: number;
  /** The source fills its argument `index` in place and returns it (`randomFillSync(buf)`). */
  readonly fills?: number;
  /** The argument that says how many random elements the source returns (`randomBytes(n)` → 0). */
  readonly sizeArg?: number;
}

/** One argument (or option, or the return value of a callback option) that has a security purpose. */
interface PurposeArgument {
  readonly index: number;
  /** A property of an options-object argument. */
  readonly property?: string;
  /** The option is a function, and its return value has the purpose (express-session `genid`). */
  readonly returns?: boolean;
}

/** An API whose argument must be unpredictable, besides the key sinks' roles. */
export interface PurposeSink extends CallPattern {
  /** How the message names the purpose (`JWT ID (jti)`); with `nameArg`, the name decides instead. */
  readonly purpose?: string;
  /** The purpose comes from the string literal in this argument: a cookie or header name (`XSRF-TOKEN`). */
  readonly nameArg?: number;
  readonly args: readonly PurposeArgument[];
  /** The value identifies something (a session, a token): a suggestion offers `randomUUID()`. */
  readonly identifier?: boolean;
  /** The sink sets a cookie: a cookie named for a session (`session`, `sid`, `connect.sid`) holds a session ID. */
  readonly cookie?: boolean;
}

/**
 * Cookie names that say the cookie holds a session (`session`, `sess`, `app_session`, `connect.sid`, `__Host-sid`),
 * though the purpose lexicon reads a bare `session` as no purpose: the value set under one is a session ID.
 */
export const sessionCookieName = /^(?:__(?:host|secure)-)?(?:[a-z0-9]+[._-])?(?:session|sess|sid|sessionid)$/i;

const lodashModules = ['lodash', 'lodash-es', 'underscore'];

export const weakRandomSources: readonly WeakRandomSource[] = [
  {
    id: 'math-random',
    title: 'Math.random()',
    kind: 'prng',
    returns: 'float',
    modules: [],
    callees: ['Math.random'],
    global: true,
    samples: {
      positive: ['const t = Math.random();', 'const t = window.Math.random().toString(36);'],
      negative: ["import { randomInt } from 'node:crypto'; randomInt(10);", 'Math.floor(x);'],
    },
  },
  {
    id: 'node-crypto.pseudoRandomBytes',
    title: 'crypto.pseudoRandomBytes()',
    kind: 'deprecated',
    returns: 'bytes',
    modules: nodeCrypto,
    callees: ['pseudoRandomBytes'],
    receivers: ['crypto'],
    autofix: 'randomBytes',
    samples: {
      positive: [
        "import crypto from 'node:crypto'; crypto.pseudoRandomBytes(16);",
        "const { pseudoRandomBytes } = require('crypto'); pseudoRandomBytes(32);",
      ],
      negative: ["import crypto from 'node:crypto'; crypto.randomBytes(16);"],
    },
  },
  // ---- time and process values --------------------------------------------------------------------
  {
    id: 'date-now',
    title: 'Date.now()',
    kind: 'time',
    returns: 'int',
    modules: [],
    callees: ['Date.now'],
    global: true,
    samples: { positive: ['const t = Date.now();'], negative: ['const d = new Dates();', 'clock.now();'] },
  },
  {
    id: 'new-date',
    title: 'new Date()',
    kind: 'time',
    returns: 'int',
    modules: [],
    callees: [
      'new Date().getTime',
      'new Date().valueOf',
      'new Date().toISOString',
      'new Date().getMilliseconds',
      'new Date',
    ],
    global: true,
    fromValue: true,
    samples: {
      positive: ['const t = new Date().getTime();', 'const t = +new Date();'],
      negative: ['const t = Date.parse(s);', 'const t = new Date(row.expires).getTime();'],
    },
  },
  {
    id: 'performance-now',
    title: 'performance.now()',
    kind: 'time',
    returns: 'float',
    modules: ['perf_hooks', 'node:perf_hooks'],
    callees: ['performance.now'],
    global: true,
    samples: {
      positive: ['const t = performance.now();', "import { performance } from 'node:perf_hooks'; performance.now();"],
      negative: ['const t = performance.mark("x");'],
    },
  },
  {
    id: 'process-hrtime',
    title: 'process.hrtime()',
    kind: 'time',
    returns: 'any',
    modules: [],
    callees: ['process.hrtime', 'process.hrtime.bigint', 'process.uptime'],
    global: true,
    samples: {
      positive: ['const t = process.hrtime.bigint();', 'const [s, ns] = process.hrtime();'],
      negative: ['process.exit(1);'],
    },
  },
  {
    id: 'process-pid',
    title: 'process.pid',
    kind: 'process',
    returns: 'int',
    member: true,
    modules: [],
    callees: ['process.pid', 'process.ppid'],
    global: true,
    samples: { positive: ['const p = process.pid;'], negative: ['const p = process.platform;'] },
  },
  {
    id: 'deno-pid',
    title: 'Deno.pid',
    kind: 'process',
    returns: 'int',
    member: true,
    modules: [],
    callees: ['Deno.pid', 'Deno.ppid'],
    global: true,
    samples: { positive: ['const p = Deno.pid;'], negative: ['const p = Deno.env;'] },
  },
  // ---- time-based UUIDs ---------------------------------------------------------------------------
  {
    id: 'uuid-v1',
    title: 'uuid v1()',
    kind: 'uuid-v1',
    returns: 'string',
    modules: ['uuid'],
    callees: ['v1', 'v6'],
    receivers: ['uuid'],
    samples: {
      positive: ["import { v1 as uuidv1 } from 'uuid'; uuidv1();", "const uuid = require('uuid'); uuid.v1();"],
      negative: ["import { v4 } from 'uuid'; v4();", "import { v1 } from './ids'; v1();"],
    },
  },
  {
    id: 'uuid-v1-module',
    title: 'uuid/v1',
    kind: 'uuid-v1',
    returns: 'string',
    modules: ['uuid/v1'],
    callees: ['default'],
    samples: {
      positive: ["const uuidv1 = require('uuid/v1'); uuidv1();"],
      negative: ["const uuidv4 = require('uuid/v4'); uuidv4();"],
    },
  },
  // ---- seeded and non-cryptographic PRNG packages -------------------------------------------------
  {
    id: 'seedrandom',
    title: 'seedrandom',
    kind: 'seeded-prng',
    returns: 'float',
    modules: ['seedrandom'],
    // seedrandom(seed) makes a generator; calling it (or .quick(), .int32(), .double()) draws.
    callees: ['*()', '*().*'],
    receivers: ['seedrandom'],
    samples: {
      positive: [
        "import seedrandom from 'seedrandom'; const rng = seedrandom('x'); rng();",
        "const seedrandom = require('seedrandom'); seedrandom.alea(s)();",
        "import seedrandom from 'seedrandom'; seedrandom('x').int32();",
      ],
      negative: ["import seedrandom from 'seedrandom'; const rng = seedrandom('x');"],
    },
  },
  {
    id: 'random-seed',
    title: 'random-seed',
    kind: 'seeded-prng',
    returns: 'any',
    modules: ['random-seed'],
    callees: ['create()', 'create().*'],
    samples: {
      positive: [
        "const gen = require('random-seed').create(seed); gen(100);",
        "import rand from 'random-seed'; const g = rand.create('k'); g.string(16);",
      ],
      negative: ["import rand from 'random-seed'; const g = rand.create('k');"],
    },
  },
  {
    id: 'chance',
    title: 'Chance.js',
    kind: 'seeded-prng',
    returns: 'any',
    modules: ['chance'],
    callees: ['new default().*', 'new Chance().*', 'default().*', 'Chance().*'],
    samples: {
      positive: [
        "import Chance from 'chance'; const chance = new Chance(); chance.string({ length: 32 });",
        "const chance = require('chance')(); chance.guid();",
        "import { Chance } from 'chance'; new Chance(42).hash();",
      ],
      negative: ["import Chance from 'chance'; const chance = new Chance();"],
    },
  },
  {
    id: 'random-js',
    title: 'random-js without a crypto engine',
    kind: 'seeded-prng',
    returns: 'any',
    modules: ['random-js'],
    callees: ['new Random().*', 'new default().*'],
    safeWith: { index: 0, names: ['nodeCrypto', 'browserCrypto', 'nativeCrypto'] },
    samples: {
      positive: [
        "import { Random } from 'random-js'; const random = new Random(); random.string(32);",
        "import { Random, MersenneTwister19937 } from 'random-js'; new " +
          'Random(MersenneTwister19937.autoSeed()).integer(0, 9);',
      ],
      negative: [
        "import { Random, nodeCrypto } from 'random-js'; const random = new Random(nodeCrypto); random.string(32);",
      ],
    },
  },
  {
    id: 'mersenne-twister',
    title: 'mersenne-twister',
    kind: 'seeded-prng',
    returns: 'float',
    modules: ['mersenne-twister'],
    callees: ['new default().*'],
    samples: {
      positive: ["const MersenneTwister = require('mersenne-twister'); const g = new MersenneTwister(); g.random();"],
      negative: ["const MersenneTwister = require('mersenne-twister'); new MersenneTwister(1);"],
    },
  },
  {
    id: 'faker',
    title: 'faker (a seeded Mersenne Twister, made for test data)',
    kind: 'seeded-prng',
    returns: 'any',
    modules: ['@faker-js/faker', 'faker'],
    // faker.string.alphanumeric(32), faker.internet.password(), faker.datatype.uuid(); v5's default export too.
    callees: ['faker.*.*', 'fakerEN.*.*', 'fakerDE.*.*', 'random.*', 'string.*', 'internet.password', 'datatype.*'],
    samples: {
      positive: [
        "import { faker } from '@faker-js/faker'; faker.string.alphanumeric(32);",
        "const { faker } = require('@faker-js/faker'); faker.internet.password();",
        "import faker from 'faker'; faker.random.alphaNumeric(16);",
      ],
      negative: ["import { faker } from '@faker-js/faker'; faker.seed(42);", 'faker.string.uuid();'],
    },
  },
  {
    // Small non-cryptographic generators copied into code by name (mulberry32, sfc32, xorshift, splitmix):
    // seeded with a clock or a constant, their whole output follows from a 32-bit state.
    id: 'hand-written-prng',
    title: 'a hand-written seeded PRNG',
    kind: 'seeded-prng',
    returns: 'float',
    modules: [],
    callees: [
      'mulberry32()',
      'sfc32()',
      'jsf32()',
      'xorshift()',
      'xorshift32()',
      'xorshift128()',
      'xoshiro128ss()',
      'xoshiro128pp()',
      'splitmix32()',
      'lcg()',
      'seededRandom()',
      'createSeededRandom()',
    ],
    global: true,
    samples: {
      positive: [
        'function mulberry32(a) { return () => a++ / 4294967296; }\nconst rand = mulberry32(Date.now()); rand();',
        'sfc32(1, 2, 3, 4)();',
      ],
      negative: ['function mulberry32(a) { return () => a; }\nconst rand = mulberry32(1);', 'rand();'],
    },
  },
  {
    id: 'lodash.random',
    title: 'lodash random()',
    kind: 'prng',
    returns: 'int',
    modules: lodashModules,
    callees: ['random'],
    receivers: ['_', 'lodash'],
    samples: {
      positive: [
        "import _ from 'lodash'; _.random(0, 9);",
        "import { random } from 'lodash-es'; random(1e6);",
        '_.random(100);',
      ],
      negative: ["import _ from 'lodash'; _.range(10);"],
    },
  },
  {
    id: 'lodash.shuffle',
    title: 'lodash shuffle()/sample()',
    kind: 'prng',
    returns: 'any',
    modules: lodashModules,
    callees: ['shuffle', 'sample', 'sampleSize'],
    receivers: ['_', 'lodash'],
    samples: {
      positive: ["import _ from 'lodash'; _.sample(chars);", "const { shuffle } = require('lodash'); shuffle(chars);"],
      negative: ["import _ from 'lodash'; _.sortBy(xs);"],
    },
  },
  {
    id: 'lodash.random-module',
    title: 'lodash random()',
    kind: 'prng',
    returns: 'int',
    modules: [
      'lodash/random',
      'lodash.random',
      'lodash-es/random',
      'lodash/sample',
      'lodash.sample',
      'lodash/shuffle',
      'lodash.shuffle',
    ],
    callees: ['default'],
    samples: {
      positive: ["import random from 'lodash/random'; random(0, 9);"],
      negative: ["import range from 'lodash/range'; range(9);"],
    },
  },
  {
    id: 'nanoid-non-secure',
    title: 'nanoid/non-secure',
    kind: 'prng',
    returns: 'string',
    modules: ['nanoid/non-secure'],
    callees: ['nanoid', 'customAlphabet()'],
    samples: {
      positive: [
        "import { nanoid } from 'nanoid/non-secure'; nanoid();",
        "import { customAlphabet } from 'nanoid/non-secure'; const id = customAlphabet('abc', 8); id();",
      ],
      negative: ["import { nanoid } from 'nanoid'; nanoid();"],
    },
  },
  {
    id: 'uniqid',
    title: 'uniqid',
    kind: 'time',
    returns: 'string',
    modules: ['uniqid'],
    callees: ['default', 'process', 'time'],
    samples: {
      positive: ["import uniqid from 'uniqid'; uniqid();", "const uniqid = require('uniqid'); uniqid.time();"],
      negative: ["import { v4 } from 'uuid'; v4();"],
    },
  },
  {
    id: 'shortid',
    title: 'shortid',
    kind: 'prng',
    returns: 'string',
    modules: ['shortid'],
    callees: ['generate', 'default'],
    samples: {
      positive: [
        "import shortid from 'shortid'; shortid.generate();",
        "const shortid = require('shortid'); shortid();",
      ],
      negative: ["import shortid from 'shortid'; shortid.isValid(x);"],
    },
  },
  {
    // cuid v1 is a clock reading, a counter, a host fingerprint and a short random block; its author deprecated it
    // as insecure (GHSA-5fp6-4xw3-xqq3) for @paralleldrive/cuid2, whose ids hash CSPRNG bytes (not listed).
    id: 'cuid-v1',
    title: 'cuid (v1)',
    kind: 'time',
    returns: 'string',
    modules: ['cuid'],
    callees: ['default', 'slug', 'createId'],
    samples: {
      positive: ["import cuid from 'cuid'; cuid();", "const cuid = require('cuid'); cuid.slug();"],
      negative: [
        "import { createId } from '@paralleldrive/cuid2'; createId();",
        "import cuid from 'cuid'; cuid.isCuid(x);",
      ],
    },
  },
  {
    // ulid's monotonic factory increments the last id's random part within one millisecond instead of drawing a
    // new one (the ULID spec's monotonicity), so the next id follows from the last; plain `ulid()` draws 80 bits
    // from the CSPRNG and is not listed.
    id: 'ulid-monotonic',
    title: "ulid's monotonicFactory()",
    kind: 'counter',
    returns: 'string',
    modules: ['ulid'],
    callees: ['monotonicFactory()'],
    samples: {
      positive: ["import { monotonicFactory } from 'ulid'; const next = monotonicFactory(); next();"],
      negative: ["import { ulid } from 'ulid'; ulid();"],
    },
  },
  {
    // Bun's nanosecond clock (Bun.nanoseconds(): time since the process started).
    id: 'bun-nanoseconds',
    title: 'Bun.nanoseconds()',
    kind: 'time',
    returns: 'int',
    modules: [],
    callees: ['Bun.nanoseconds'],
    global: true,
    samples: { positive: ['const t = Bun.nanoseconds();'], negative: ['const t = Bun.hash(x);'] },
  },
  // ---- id generators that are not random (session 29 breadth study of real code, branch breadth13b) -----------
  {
    // Name-based UUIDs (RFC 9562 §5.3, §5.5): a hash of a namespace and a name, the same for the same name, so a
    // token made from a user's e-mail is computed by anyone who knows both.
    id: 'uuid-name-based',
    title: 'a name-based UUID (v3/v5)',
    kind: 'name-based',
    returns: 'string',
    modules: ['uuid'],
    callees: ['v3', 'v5'],
    samples: {
      positive: [
        "import { v5 as uuidv5 } from 'uuid'; uuidv5(email, NS);",
        "const uuid = require('uuid'); uuid.v3(name, uuid.v3.DNS);",
      ],
      negative: ["import { v4 } from 'uuid'; v4();", "import { v5 } from 'uuid'; const ns = v5.URL;"],
    },
  },
  {
    id: 'uuid-name-based-module',
    title: 'a name-based UUID (v3/v5)',
    kind: 'name-based',
    returns: 'string',
    modules: ['uuid/v3', 'uuid/v5'],
    callees: ['default'],
    samples: {
      positive: ["import uuidv5 from 'uuid/v5'; uuidv5(name, ns);"],
      negative: ["import uuidv4 from 'uuid/v4'; uuidv4();"],
    },
  },
  {
    // hyperid: one random UUID per instance, then a counter appended (`<uuid>/<n>`): the next id follows.
    id: 'hyperid',
    title: 'hyperid (a fixed UUID and a counter)',
    kind: 'counter',
    returns: 'string',
    modules: ['hyperid'],
    callees: ['*()'],
    samples: {
      positive: [
        "import hyperid from 'hyperid'; const next = hyperid(); next();",
        "const hyperid = require('hyperid'); const id = hyperid({ urlSafe: true }); id();",
      ],
      negative: [
        "import hyperid from 'hyperid'; const next = hyperid();",
        "import hyperid from 'hyperid'; hyperid.decode(s);",
      ],
    },
  },
  {
    // A BSON ObjectId is a timestamp, a per-process value and a counter: ids made in one process step by one.
    id: 'bson-objectid',
    title: 'a MongoDB ObjectId (a timestamp and a counter)',
    kind: 'counter',
    returns: 'string',
    modules: ['bson', 'mongodb', 'mongoose'],
    callees: [
      'new ObjectId',
      'new ObjectID',
      'new Types.ObjectId',
      'new ObjectId().toHexString',
      'new ObjectID().toHexString',
      'new Types.ObjectId().toHexString',
    ],
    fromValue: true,
    samples: {
      positive: [
        "import { ObjectId } from 'mongodb'; new ObjectId().toHexString();",
        "const { Types } = require('mongoose'); new Types.ObjectId().toString();",
      ],
      negative: [
        "import { ObjectId } from 'mongodb'; ObjectId.isValid(s);",
        "import { ObjectId } from 'mongodb'; new ObjectId(idFromRequest);",
      ],
    },
  },
  {
    id: 'lodash.uniqueId',
    title: 'lodash uniqueId() (a process-wide counter)',
    kind: 'counter',
    returns: 'string',
    modules: lodashModules,
    callees: ['uniqueId'],
    receivers: ['_', 'lodash'],
    samples: {
      positive: [
        "import _ from 'lodash'; _.uniqueId('invite_');",
        "const { uniqueId } = require('lodash'); uniqueId();",
      ],
      negative: ["import _ from 'lodash'; _.uniq(xs);", "import _ from 'lodash'; _(xs);"],
    },
  },
  {
    id: 'lodash.uniqueId-module',
    title: 'lodash uniqueId() (a process-wide counter)',
    kind: 'counter',
    returns: 'string',
    modules: ['lodash/uniqueId', 'lodash.uniqueid', 'lodash-es/uniqueId'],
    callees: ['default'],
    samples: {
      positive: ["import uniqueId from 'lodash/uniqueId'; uniqueId('t');"],
      negative: ["import uniq from 'lodash/uniq'; uniq(xs);"],
    },
  },
  {
    // Small packages that wrap Math.random: hat, random-int, random-float, random-item, unique-random, random-string.
    id: 'math-random-packages',
    title: 'a Math.random() wrapper package',
    kind: 'prng',
    returns: 'any',
    modules: ['hat', 'random-int', 'random-float', 'random-item'],
    callees: ['default', 'rack()'],
    samples: {
      positive: [
        "import hat from 'hat'; hat();",
        "const hat = require('hat'); const rack = hat.rack(); rack();",
        "import randomInteger from 'random-int'; randomInteger(100000, 999999);",
      ],
      negative: ["const hat = require('hat'); const rack = hat.rack();"],
    },
  },
  {
    id: 'math-random-generator-packages',
    title: 'a Math.random() wrapper package',
    kind: 'prng',
    returns: 'any',
    modules: ['unique-random', 'unique-random-array'],
    callees: ['default()'],
    samples: {
      positive: ["import uniqueRandom from 'unique-random'; const next = uniqueRandom(1, 9); next();"],
      negative: ["import uniqueRandom from 'unique-random'; const next = uniqueRandom(1, 9);"],
    },
  },
  {
    // pure-rand's generators are seeded by the caller (often with Date.now()); every draw follows from the seed.
    id: 'pure-rand',
    title: 'pure-rand (a seeded generator)',
    kind: 'seeded-prng',
    returns: 'int',
    modules: ['pure-rand'],
    callees: [
      'uniformIntDistribution',
      'unsafeUniformIntDistribution',
      'uniformBigIntDistribution',
      'unsafeUniformBigIntDistribution',
      'uniformArrayIntDistribution',
      'unsafeUniformArrayIntDistribution',
      '*().next',
      '*().unsafeNext',
    ],
    samples: {
      positive: [
        "import prand from 'pure-rand'; const g = prand.xoroshiro128plus(seed); " +
          'prand.unsafeUniformIntDistribution(0, 9, g);',
        "import { mersenne } from 'pure-rand'; mersenne(seed).next();",
      ],
      negative: ["import prand from 'pure-rand'; const g = prand.xoroshiro128plus(seed);"],
    },
  },
  {
    id: 'prando',
    title: 'Prando (a seeded generator)',
    kind: 'seeded-prng',
    returns: 'any',
    modules: ['prando'],
    callees: ['new default().*', 'new Prando().*'],
    samples: {
      positive: ["import Prando from 'prando'; const rng = new Prando(); rng.nextString(32);"],
      negative: ["import Prando from 'prando'; const rng = new Prando(seed);"],
    },
  },
  {
    // Snowflake ids (Twitter's layout): a timestamp, a worker number and a per-millisecond sequence.
    id: 'snowflake-ids',
    title: 'a snowflake id (a timestamp, a worker and a sequence)',
    kind: 'time',
    returns: 'string',
    modules: ['flake-idgen', 'nodejs-snowflake', '@sapphire/snowflake', 'snowflake-id'],
    callees: [
      'new default().next',
      'new default().getUniqueID',
      'new Snowflake().getUniqueID',
      'new Snowflake().generate',
      'new default().generate',
    ],
    samples: {
      positive: [
        "import FlakeId from 'flake-idgen'; const flake = new FlakeId(); flake.next();",
        "import { Snowflake } from 'nodejs-snowflake'; new Snowflake().getUniqueID();",
      ],
      negative: ["import { Snowflake } from 'nodejs-snowflake'; Snowflake.parseUUID(id);"],
    },
  },
];

/**
 * A typed array made for random bytes and never filled (`const bytes = new Uint8Array(32)` read into a token with no
 * `crypto.getRandomValues(bytes)`): every element is zero. Found by the value-flow engine from the code's shape: no
 * reference fills it, writes into it or hands it to a call that could (`Array.from`, `Buffer.from` and encoders only
 * read). As an IV or nonce, a zero value is `no-static-iv`'s.
 * Code samples: each positive is reported by `no-weak-randomness`, each negative is not.
 */
export const unfilledArraySource: WeakRandomSource = {
  id: 'unfilled-typed-array',
  title: 'a typed array that is never filled',
  kind: 'unfilled',
  returns: 'bytes',
  modules: [],
  callees: [],
  samples: {
    positive: [
      'export function makeToken() {\n  const bytes = new Uint8Array(16);\n' +
        "  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');\n}",
    ],
    negative: [
      'export function makeToken() {\n  const bytes = new Uint8Array(16);\n  crypto.getRandomValues(bytes);\n' +
        "  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');\n}",
    ],
  },
};

/**
 * A counter: a variable (or field) stepped by `++`, `--` or `+= n`, read into a value. The next value follows
 * from the last one seen, so a session id or token built from counters and clock readings alone is guessable.
 * Found by the value-flow engine from the code's shape, not from a callee. A loop's own index is not a counter.
 * Code samples: each positive is reported by `no-weak-randomness`, each negative is not.
 */
export const counterSource: WeakRandomSource = {
  id: 'counter',
  title: 'a counter',
  kind: 'counter',
  returns: 'int',
  modules: [],
  callees: [],
  samples: {
    positive: [
      "let seq = 0;\nexport function issueUploadToken() {\n  return 'upl_' + (seq++).toString(16);\n}",
      'let n = 1000;\nexport function newSessionId() {\n  n += 1;\n  return `s-${n}`;\n}',
    ],
    negative: [
      "import { randomBytes } from 'node:crypto';\nlet seq = 0;\nexport function issueUploadToken() {\n" +
        "  return `${randomBytes(16).toString('hex')}.${seq++}`;\n}",
      'export function resetTokens(users) {\n  const out = [];\n  for (let i = 0; i < users.length; i++) ' +
        'out.push({ user: users[i], tokenIndex: i });\n  return out;\n}',
      'let requestCount = 0;\nexport function nextRequestId() {\n  return `req-${++requestCount}`;\n}',
    ],
  },
};

/**
 * A function that stands in for the CSPRNG (issue 11, session 39): a `crypto.getRandomValues` polyfill, a `randomBytes`
 * fallback for a platform without one, or the generator a library is handed to draw its keys and salts from
 * (secrets.js `setRNG`, tweetnacl `setPRNG`, bcryptjs `setRandomFallback`). Its callers take what it returns or fills
 * for CSPRNG bytes, so a weak source anywhere in its body makes every key, salt and token drawn through it
 * predictable, whatever those are called. `names`: the function's own name, normalised (a declaration, a variable, a
 * property or method, an assigned member), when it claims the CSPRNG's job; `disclaimed`: a name that says it is not
 * one (`insecureRandomBytes`, `mockGetRandomValues`), whose callers choose it knowingly; `setters`: the call, as
 * written, whose function argument becomes a library's generator.
 * Code samples: each positive is reported by `no-weak-randomness`, each negative is not.
 */
export const csprngStandIn = {
  id: 'csprng-stand-in',
  title: 'A function that stands in for the CSPRNG',
  names: new RegExp(
    '(?:^|_)(?:get_random_values|get_random_bytes|random_bytes|random_fill|random_fill_sync|' +
      '(?:secure|crypto|csprng)_random(?:_bytes|_values)?)$',
  ),
  disclaimed: /(?:^|_)(?:insecure|pseudo|weak|fake|mock|stub|dummy|test)_/,
  setters: /^(?:setRNG|setPRNG|setRandomFallback)$/,
  samples: {
    positive: [
      'if (!globalThis.crypto.getRandomValues) {\n  globalThis.crypto.getRandomValues = (buf: Uint8Array) => {\n' +
        '    for (let i = 0; i < buf.length; i++) buf[i] = Math.floor(Math.random() * 256);\n    return buf;\n  };\n}',
      'export function randomBytes(n: number): number[] {\n  const out: number[] = [];\n' +
        '  while (out.length < n) out.push((Math.random() * 256) | 0);\n  return out;\n}',
      "import nacl from 'tweetnacl';\nnacl.setPRNG((x: Uint8Array, n: number) => {\n" +
        '  for (let i = 0; i < n; i++) x[i] = Math.random() * 256;\n});',
    ],
    negative: [
      "import { randomBytes as nodeRandomBytes } from 'node:crypto';\nexport function randomBytes(n: number) {\n" +
        '  return nodeRandomBytes(n);\n}',
      'export function insecureRandomBytes(n: number): number[] {\n' +
        '  return Array.from({ length: n }, () => Math.floor(Math.random() * 256));\n}',
      'export function randomValues(n: number): number[] {\n' +
        '  return Array.from({ length: n }, () => Math.random());\n}',
    ],
  } satisfies Samples,
} as const;

/**
 * Words one of the weak sources above needs in a file's text (a global's name, a package name, a PRNG's name):
 * a module imported from elsewhere is parsed to follow a helper only when its text has one. Counters need no
 * word and are followed within a file only. `test/catalogue/randomness.test.ts` proves that every positive
 * sample of every weak source contains one.
 */
export const weakSourceKeywords = new RegExp(
  String.raw`Math\.random|\bDate\b|performance|hrtime|uptime|\.p?pid\b|uuid|seedrandom|random-seed|chance|` +
    String.raw`random-js|mersenne|faker|lodash|underscore|nanoid|uniqid|shortid|pseudoRandomBytes|mulberry32|sfc32|` +
    String.raw`jsf32|xorshift|xoshiro|splitmix|lcg|seededRandom|\b_\.(?:random|shuffle|sample)|cuid|` +
    String.raw`monotonicFactory|nanoseconds|\bv[35]\b|hyperid|ObjectId|uniqueId|\bhat\b|random-int|random-float|` +
    String.raw`random-item|unique-random|pure-rand|prando|snowflake|flake-idgen`,
  'i',
);

export const strongRandomSources: readonly StrongRandomSource[] = [
  {
    id: 'node-crypto.randomBytes',
    title: 'crypto.randomBytes',
    modules: [...nodeCrypto, 'keyhygiene/keys'],
    callees: ['randomBytes'],
    receivers: ['crypto'],
    elementBits: 8,
    sizeArg: 0,
    samples: {
      positive: [
        "import crypto from 'node:crypto'; crypto.randomBytes(4);",
        "import { randomBytes } from 'keyhygiene/keys'; randomBytes(4);",
      ],
      negative: ["import crypto from 'node:crypto'; crypto.pseudoRandomBytes(4);"],
    },
  },
  {
    id: 'node-crypto.randomFillSync',
    title: 'crypto.randomFillSync',
    modules: nodeCrypto,
    callees: ['randomFillSync', 'randomFill'],
    receivers: ['crypto'],
    elementBits: 8,
    fills: 0,
    samples: {
      positive: ["import { randomFillSync } from 'crypto'; randomFillSync(buf);"],
      negative: ["import { createHash } from 'crypto'; createHash('sha256');"],
    },
  },
  {
    id: 'webcrypto.getRandomValues',
    title: 'crypto.getRandomValues',
    modules: nodeCrypto,
    callees: ['getRandomValues', 'webcrypto.getRandomValues'],
    global: true,
    elementBits: 8,
    fills: 0,
    samples: {
      positive: ['crypto.getRandomValues(new Uint8Array(16));', 'window.crypto.getRandomValues(a);'],
      negative: ['crypto.subtle.digest("SHA-256", d);'],
    },
  },
  {
    id: 'strong-tokens',
    title: 'a CSPRNG token or integer',
    modules: [...nodeCrypto, 'keyhygiene/keys', 'nanoid', 'uuid'],
    callees: ['randomInt', 'randomUUID', 'randomToken', 'nanoid', 'customAlphabet()', 'v4'],
    receivers: ['crypto'],
    samples: {
      positive: [
        "import { randomUUID } from 'node:crypto'; randomUUID();",
        "import { nanoid } from 'nanoid'; nanoid();",
        "import { v4 } from 'uuid'; v4();",
      ],
      negative: ["import { nanoid } from 'nanoid/non-secure'; nanoid();"],
    },
  },
  {
    id: 'library-random-bytes',
    title: 'a library CSPRNG',
    modules: [
      'tweetnacl',
      'libsodium-wrappers',
      'libsodium-wrappers-sumo',
      'node-forge',
      'crypto-js',
      // @noble's CSPRNG (crypto.getRandomValues underneath).
      '@noble/hashes/utils',
      '@noble/hashes/utils.js',
      '@noble/ciphers/webcrypto',
      '@noble/ciphers/webcrypto.js',
      '@noble/ciphers/utils',
      '@noble/ciphers/utils.js',
    ],
    callees: ['randomBytes', 'randombytes_buf', 'random.getBytesSync', 'lib.WordArray.random'],
    receivers: ['nacl', 'sodium', 'forge', 'CryptoJS'],
    elementBits: 8,
    sizeArg: 0,
    samples: {
      positive: [
        "import nacl from 'tweetnacl'; nacl.randomBytes(24);",
        "import sodium from 'libsodium-wrappers'; sodium.randombytes_buf(24);",
        "import { randomBytes } from '@noble/hashes/utils'; randomBytes(12);",
      ],
      negative: [
        "import nacl from 'tweetnacl'; nacl.hash(m);",
        "import { bytesToHex } from '@noble/hashes/utils'; bytesToHex(b);",
      ],
    },
  },
];

const jwtReceivers = ['jwt', 'jsonwebtoken', 'jsonWebToken'];
const responseReceivers = ['res', 'response', 'reply'];

export const purposeSinks: readonly PurposeSink[] = [
  {
    id: 'jsonwebtoken.sign.jti',
    title: 'jsonwebtoken.sign',
    purpose: 'JWT ID (jti)',
    modules: ['jsonwebtoken'],
    callees: ['sign'],
    receivers: jwtReceivers,
    args: [
      { index: 0, property: 'jti' },
      { index: 2, property: 'jwtid' },
    ],
    identifier: true,
    samples: {
      positive: [
        "import jwt from 'jsonwebtoken'; jwt.sign(p, k, { jwtid: id });",
        "import jwt from 'jsonwebtoken'; jwt.sign({ sub, jti: id }, k);",
      ],
      negative: ["import jwt from 'jsonwebtoken'; jwt.sign(p, k, { expiresIn: '1h' });"],
    },
  },
  {
    id: 'jose.setJti',
    title: 'jose SignJWT.setJti',
    purpose: 'JWT ID (jti)',
    modules: ['jose'],
    callees: ['new SignJWT().setJti'],
    args: [{ index: 0 }],
    identifier: true,
    samples: {
      positive: ["import { SignJWT } from 'jose'; new SignJWT(p).setProtectedHeader(h).setJti(id);"],
      negative: ["import { SignJWT } from 'jose'; new SignJWT(p).setIssuer(i);"],
    },
  },
  {
    id: 'jose.SignJWT.jti',
    title: 'jose SignJWT',
    purpose: 'JWT ID (jti)',
    modules: ['jose'],
    callees: ['new SignJWT'],
    args: [{ index: 0, property: 'jti' }],
    identifier: true,
    samples: {
      positive: ["import { SignJWT } from 'jose'; new SignJWT({ jti: id });"],
      negative: ["import { SignJWT } from 'jose'; new SignJWT({ sub });"],
    },
  },
  {
    id: 'express-session.genid',
    title: 'express-session genid',
    purpose: 'session ID',
    modules: ['express-session'],
    callees: ['default'],
    receivers: ['session', 'expressSession'],
    args: [{ index: 0, property: 'genid', returns: true }],
    identifier: true,
    samples: {
      positive: ["import session from 'express-session'; app.use(session({ secret: s, genid: () => id() }));"],
      negative: ["import session from 'express-session'; app.use(session({ secret: s }));"],
    },
  },
  {
    id: 'csrf.create',
    title: 'csrf tokens.create',
    purpose: 'CSRF secret',
    modules: ['csrf'],
    callees: ['new default().create', 'new default().verify'],
    args: [{ index: 0 }],
    samples: {
      positive: ["import Tokens from 'csrf'; const tokens = new Tokens(); tokens.create(secret);"],
      negative: ["import Tokens from 'csrf'; const tokens = new Tokens(); tokens.secretSync();"],
    },
  },
  {
    id: 'csrf-csrf.getSecret',
    title: 'csrf-csrf doubleCsrf getSecret',
    purpose: 'CSRF secret',
    modules: ['csrf-csrf'],
    callees: ['doubleCsrf'],
    args: [{ index: 0, property: 'getSecret', returns: true }],
    samples: {
      positive: ["import { doubleCsrf } from 'csrf-csrf'; doubleCsrf({ getSecret: () => s });"],
      negative: ["import { doubleCsrf } from 'csrf-csrf'; doubleCsrf({ cookieName: 'x' });"],
    },
  },
  // ---- wallets: entropy, seeds and private keys made in code -------------------------------------
  {
    id: 'bip39.entropyToMnemonic',
    title: 'bip39 entropyToMnemonic',
    purpose: 'mnemonic entropy',
    modules: ['bip39', '@scure/bip39'],
    callees: ['entropyToMnemonic'],
    receivers: ['bip39'],
    args: [{ index: 0 }],
    samples: {
      positive: [
        "import * as bip39 from 'bip39'; bip39.entropyToMnemonic(hex);",
        "import { entropyToMnemonic } from '@scure/bip39'; entropyToMnemonic(bytes, wordlist);",
      ],
      negative: ["import * as bip39 from 'bip39'; bip39.generateMnemonic(256);"],
    },
  },
  {
    id: 'wallet.private-key',
    title: 'a wallet constructor',
    purpose: 'wallet private key',
    modules: ['ethers', '@ethersproject/wallet'],
    callees: ['new Wallet', 'new ethers.Wallet'],
    args: [{ index: 0 }],
    samples: {
      positive: [
        "import { Wallet } from 'ethers'; new Wallet(pk);",
        "import { ethers } from 'ethers'; new ethers.Wallet(pk, provider);",
      ],
      negative: ["import { Wallet } from 'ethers'; Wallet.createRandom();"],
    },
  },
  {
    // viem's local account from a private key, and ethers' signing key (its constructor takes the private key).
    id: 'wallet.account-key',
    title: 'an account or signing key made from a private key',
    purpose: 'wallet private key',
    modules: ['viem/accounts', 'viem', 'ethers', '@ethersproject/signing-key'],
    callees: ['privateKeyToAccount', 'new SigningKey', 'new ethers.SigningKey'],
    args: [{ index: 0 }],
    samples: {
      positive: [
        "import { privateKeyToAccount } from 'viem/accounts'; privateKeyToAccount(pk);",
        "import { SigningKey } from 'ethers'; new SigningKey(pk);",
      ],
      negative: ["import { generatePrivateKey } from 'viem/accounts'; generatePrivateKey();"],
    },
  },
  {
    id: 'wallet.seed',
    title: 'an HD wallet or key pair seed',
    purpose: 'wallet seed',
    modules: [
      '@scure/bip32',
      'hdkey',
      'ethereum-cryptography/hdkey',
      'ethereum-cryptography/hdkey.js',
      'ethers',
      '@solana/web3.js',
      'bip32',
    ],
    callees: [
      'HDKey.fromMasterSeed',
      'default.fromMasterSeed',
      'HDNodeWallet.fromSeed',
      'Mnemonic.fromEntropy',
      'Keypair.fromSeed',
      'Keypair.fromSecretKey',
      'BIP32Factory().fromSeed',
      'default().fromSeed',
    ],
    args: [{ index: 0 }],
    samples: {
      positive: [
        "import { HDKey } from '@scure/bip32'; HDKey.fromMasterSeed(seed);",
        "import { Keypair } from '@solana/web3.js'; Keypair.fromSeed(seed);",
        "import { HDNodeWallet } from 'ethers'; HDNodeWallet.fromSeed(seed);",
      ],
      negative: ["import { Keypair } from '@solana/web3.js'; Keypair.generate();"],
    },
  },
  {
    id: 'url.searchParams',
    title: 'a URL query parameter',
    modules: [],
    callees: [
      'searchParams.set',
      'searchParams.append',
      // `url.searchParams.set(…)` on `const url = new URL(…)`: the canonical path keeps the instance
      // and the method.
      'new URL().set',
      'new URL().append',
      'new URLSearchParams().set',
      'new URLSearchParams().append',
    ],
    global: true,
    nameArg: 0,
    args: [{ index: 1 }],
    samples: {
      positive: [
        "const url = new URL(base); url.searchParams.set('state', s);",
        "new URLSearchParams().append('token', t);",
      ],
      negative: ["const url = new URL(base); url.searchParams.get('state');"],
    },
  },
  {
    id: 'http.cookie',
    title: 'a cookie',
    modules: [],
    // Express `res.cookie`, Koa `ctx.cookies.set`, @fastify/cookie `reply.setCookie`.
    callees: ['cookie', 'cookies.set', 'setCookie'],
    receivers: [...responseReceivers, 'ctx'],
    nameArg: 0,
    args: [{ index: 1 }],
    cookie: true,
    samples: {
      positive: [
        "res.cookie('XSRF-TOKEN', t);",
        "ctx.cookies.set('sessionId', t);",
        "res.cookie('session', t);",
        "reply.setCookie('sid', t);",
      ],
      negative: ['res.status(200).json(t);', "reply.clearCookie('sid');"],
    },
  },
  {
    // hapi's response toolkit: `h.state(name, value)`, also on a response (`h.response(body).state(name, value)`).
    id: 'hapi.state',
    title: 'a hapi cookie',
    modules: [],
    callees: ['state', 'response().state'],
    receivers: ['h'],
    nameArg: 0,
    args: [{ index: 1 }],
    cookie: true,
    samples: {
      positive: ["h.state('session', t);", "h.response('ok').state('sid', t);"],
      negative: ["h.unstate('session');"],
    },
  },
  {
    id: 'next.cookies',
    title: 'a Next.js cookie',
    modules: ['next/headers'],
    callees: ['cookies().set'],
    nameArg: 0,
    args: [{ index: 1 }],
    cookie: true,
    samples: {
      positive: ["import { cookies } from 'next/headers';\ncookies().set('session', t);"],
      negative: ["import { cookies } from 'next/headers';\ncookies().get('session');"],
    },
  },
  {
    // Next.js middleware and route handlers: `const res = NextResponse.next(); res.cookies.set(name, value)`. The
    // canonical path keeps the instance and the method only, so `res.headers.set(name, value)` reads the same: a
    // header named for a secret is one too, and other names (`x-request-id`) give no purpose.
    id: 'next.response-cookies',
    title: 'a Next.js response cookie or header',
    modules: ['next/server'],
    callees: [
      'NextResponse.next().set',
      'NextResponse.json().set',
      'NextResponse.redirect().set',
      'NextResponse.rewrite().set',
      'new NextResponse().set',
    ],
    nameArg: 0,
    args: [{ index: 1 }],
    cookie: true,
    samples: {
      positive: [
        "import { NextResponse } from 'next/server';\nconst res = NextResponse.next();\nres.cookies.set('sid', t);",
        "import { NextResponse } from 'next/server';\nconst r = NextResponse.json({});\nr.cookies.set('csrf', t);",
      ],
      negative: [
        "import { NextResponse } from 'next/server';\nconst res = NextResponse.next();\nres.cookies.get('sid');",
      ],
    },
  },
  {
    id: 'http.header',
    title: 'a response header',
    modules: [],
    callees: ['setHeader', 'set', 'header'],
    receivers: responseReceivers,
    nameArg: 0,
    args: [{ index: 1 }],
    samples: { positive: ["res.setHeader('X-CSRF-Token', t);"], negative: ['res.send(t);'] },
  },
];

/**
 * Calls that decrypt, by sink id or by the method chained on a cipher object (`gcm(key, nonce).decrypt(ct)`): they
 * read the IV or nonce from the message, so how it was made is the encrypting side's question, not theirs.
 */
export const decryptingCall = {
  id: 'decrypting-call',
  title: 'A call that decrypts or opens a sealed message',
  pattern: /decipher|decrypt|(?:^|[._])open(?:$|[._])/i,
  samples: {
    positive: [
      'node-crypto.createDecipheriv',
      'crypto-js.AES.decrypt',
      'tweetnacl.secretbox.open',
      'libsodium.crypto_secretbox_open_easy',
      'decrypt',
      'open',
    ],
    negative: ['node-crypto.createCipheriv', 'webcrypto.encrypt', 'libsodium.crypto_box_easy', 'seal', 'openpgp'],
  },
};

/**
 * Methods that read and write a value under a key: a Map, React Native's AsyncStorage, `localStorage`, a cache
 * client. An IV read back with one and stored with the other (get-or-create) is made once per key and reused.
 */
export const keyedStoreMethods = {
  id: 'keyed-store-methods',
  title: 'Methods that read or write a value under a key',
  reads: /^(?:get|getItem|getString)$/,
  writes: /^(?:set|setItem|setString|put)$/,
  samples: {
    positive: ['get', 'getItem', 'getString', 'set', 'setItem', 'put'],
    negative: ['has', 'delete', 'push', 'update', 'insert', 'removeItem'],
  },
};

/**
 * Ciphers whose standard fixes the IV: AES key wrap uses the default IV A6A6A6A6A6A6A6A6 (RFC 3394
 * §2.2.3.1) and, with padding, the alternative IV A65959A6 plus the length (RFC 5649 §3). A constant
 * IV passed to them is correct.
 */
export const fixedIvCipher = {
  id: 'aes-key-wrap',
  title: 'AES key wrap (RFC 3394, RFC 5649)',
  pattern: /^(?:id-)?aes(?:-?(?:128|192|256))?-wrap(?:-pad)?$/i,
  samples: {
    positive: ['id-aes256-wrap', 'aes128-wrap', 'id-aes256-wrap-pad', 'aes256-wrap', 'id-aes128-wrap'],
    negative: ['aes-256-gcm', 'aes-256-cbc', 'wrap', 'chacha20-poly1305', 'aes-128-ctr'],
  } satisfies Samples,
} as const;

/**
 * Words that mark a read-only legacy path (no-static-iv, no-password-as-key): a function named or documented for an
 * old format or version (`unwrapProfileV0`, `openV1Secret`, `decryptLegacy`, "kept for backward compatibility"), or
 * a format tag selecting it (`case 'legacy':`). Matched on a name as `normaliseName` writes it
 * (`unwrap_profile_v0`) and on comment text cut into the same words. With no encrypting call of the same
 * construction in the module, such a decrypting call reads data an older version wrote (docs/rules/no-static-iv.md,
 * "Legacy read paths").
 */
export const legacyReadMarker = {
  id: 'legacy-read-marker',
  title: 'a name or comment that marks an old format or version',
  pattern:
    /(?:^|_)(?:legacy|compat|compatibility|backward|backwards|deprecated|old|older|migrate|migration|v[0-9])(?:_|$)/,
  /** A switch discriminant that selects by stored format or version (`decryptData.format`, `header.version`). */
  tagName: /(?:^|_)(?:format|version|ver|scheme)$/,
  /** An encrypting call (new data written): `createCipheriv`, `encrypt`, `AES.encrypt`, `encryptAsync`. */
  encrypting: /^(?:createCipher(?:iv)?|encrypt\w*)$/i,
  samples: {
    positive: [
      'unwrap_profile_v0',
      'open_v1_secret',
      'decrypt_legacy',
      'legacy',
      'kept_for_backward_compatibility',
      'written_by_old_versions',
      'migrate_tokens',
    ],
    negative: ['decrypt_phrase', 'open_secret', 'decrypt', 'v12345_token', 'holder', 'bold_text', 'version', 'golden'],
  } satisfies Samples,
  tagSamples: {
    positive: ['format', 'stored_format', 'version', 'header_ver', 'scheme'],
    negative: ['algorithm', 'formatter', 'kind', 'versions_list', 'type'],
  } satisfies Samples,
} as const;

/**
 * The block function fed the zero block it also takes as its IV: E_K(0^n). Block-cipher constructions start from
 * it: CMAC's subkeys (L = CIPH_K(0^b), NIST SP 800-38B §6.1) over a CBC-MAC chain whose IV is zero by definition
 * (§6.2), OCB's L_* = ENCIPHER(K, zeros(128)) (RFC 7253 §4.2), GCM's hash subkey H = CIPH_K(0^128) (SP 800-38D
 * §6.4). JavaScript writes the block function as a one-block CBC under a zero IV (`createCipheriv(…-cbc, key,
 * ZERO)`, `cbc(key, zero, { disablePadding: true })`), so the all-zero constant is both the IV and a plaintext. A
 * message cipher never encrypts its own IV: where the module does, the zero IV is part of the construction, not a
 * repeated message IV. `pattern` matches the methods that take a block or message to encrypt.
 */
export const zeroBlockInput = {
  id: 'zero-block-input',
  title: 'the zero IV also encrypted as a block (CMAC, OCB, GCM subkeys)',
  pattern: /^(?:update|encrypt|encryptBlock)$/,
  samples: {
    positive: ['update', 'encrypt', 'encryptBlock'],
    negative: ['decrypt', 'final', 'from', 'concat', 'subarray', 'set', 'fill', 'digest'],
  } satisfies Samples,
} as const;

/**
 * Ciphers that take no IV: ECB modes (`aes-128-ecb`, `bf-ecb`, OpenSSL's bare `des-ede3`, which is ECB) and RC4. Node
 * and OpenSSL ignore the IV argument there (it must be empty or `null`), so an empty or zero IV given to one repeats
 * nothing; the weakness is the cipher itself, reported by no-weak-key-size where the name is written.
 */
export const ivlessCipher = {
  id: 'ivless-cipher',
  title: 'a cipher that takes no IV (ECB modes, RC4)',
  pattern: /^(?:[a-z0-9]+(?:-[a-z0-9]+)*-ecb|des-ede3?|rc4(?:-40)?|arcfour)$/i,
  samples: {
    positive: ['aes-128-ecb', 'AES-256-ECB', 'des-ede3', 'des-ede', 'bf-ecb', 'des-ede3-ecb', 'rc4', 'rc4-40'],
    negative: ['aes-128-cbc', 'des-ede3-cbc', 'aes-256-gcm', 'chacha20', 'rc4-hmac-md5', 'ecb-cbc', 'aes-ecb-wrap'],
  } satisfies Samples,
} as const;

/**
 * Nonce-misuse-resistant modes: AES-SIV (RFC 5297 §1.3.2: deterministic encryption with no nonce is a stated use)
 * and AES-GCM-SIV (RFC 8452 §1: a repeated nonce reveals only that two messages are equal). A fixed nonce there is
 * the design, not a mistake. Matched by sink id, or by a node:crypto algorithm name ending in `-siv`.
 */
export const misuseResistantNonce = {
  id: 'siv-modes',
  title: 'AES-SIV and AES-GCM-SIV (RFC 5297, RFC 8452)',
  sinkIds: ['noble-ciphers.siv', 'noble-ciphers.gcmsiv'] as readonly string[],
  pattern: /^(?:id-)?aes-?(?:128|192|256)-(?:gcm-)?siv$/i,
  samples: {
    positive: [
      "import { siv } from '@noble/ciphers/aes.js'; export const seal = (key: Uint8Array, m: Uint8Array) => " +
        'siv(key, new Uint8Array(12)).encrypt(m);',
      "import { gcmsiv } from '@noble/ciphers/aes.js'; const NONCE = new Uint8Array(12); export const seal = " +
        '(key: Uint8Array, m: Uint8Array) => gcmsiv(key, NONCE).encrypt(m);',
      "import crypto from 'node:crypto'; export const seal = (key: Buffer, m: Buffer) => " +
        "crypto.createCipheriv('aes-256-gcm-siv', key, Buffer.alloc(12)).update(m);",
    ],
    negative: [
      "import { gcm } from '@noble/ciphers/aes.js'; export const seal = (key: Uint8Array, m: Uint8Array) => " +
        'gcm(key, new Uint8Array(12)).encrypt(m);',
      "import crypto from 'node:crypto'; export const seal = (key: Buffer, m: Buffer) => " +
        "crypto.createCipheriv('aes-256-gcm', key, Buffer.alloc(12)).update(m);",
    ],
  } satisfies Samples,
} as const;

/**
 * KDFs that allow a constant salt. HKDF extracts from input keying material that is already
 * high-entropy; RFC 5869 §3.1 makes the salt optional ("can be a non-secret constant"), and `info` is a
 * context label by design. Matched by sink id, or by the WebCrypto algorithm `name`.
 */
export const constantSaltKdf = {
  id: 'hkdf',
  title: 'HKDF (RFC 5869)',
  sinkIds: ['node-crypto.hkdf', 'node-crypto.hkdf-async', 'noble.hkdf', 'noble.hkdf.extract'] as readonly string[],
  algorithmNames: ['HKDF'] as readonly string[],
  samples: {
    positive: [
      "import { hkdfSync } from 'node:crypto'; export function subkey(ikm: Buffer) { return " +
        "hkdfSync('sha256', ikm, 'app-salt-v1', 'enc', 32); }",
      "export async function derive(base: CryptoKey) { return crypto.subtle.deriveBits({ name: 'HKDF', " +
        "hash: 'SHA-256', salt: new Uint8Array(32), info: new TextEncoder().encode('v1') }, base, 256); }",
    ],
    negative: [
      "import { pbkdf2Sync } from 'node:crypto'; export function hash(pw: string) { return pbkdf2Sync(pw, " +
        "'app-salt-v1', 600000, 32, 'sha256'); }",
      "export async function derive(base: CryptoKey) { return crypto.subtle.deriveBits({ name: 'PBKDF2', " +
        "hash: 'SHA-256', salt: new Uint8Array(16), iterations: 600000 }, base, 256); }",
    ],
  } satisfies Samples,
} as const;

/**
 * Buffer methods that change a buffer in place. A zero buffer written this way before use is not a
 * constant IV: a counter nonce (NIST SP 800-38D §8.2.1, deterministic construction) or a filled buffer.
 * Code samples: each positive must not be reported by the rule, each negative must.
 */
export const inPlaceWrites = {
  id: 'in-place-writes',
  title: 'A nonce built in place: a random prefix and a counter, with a use limit',
  // `randombytes_buf(nonce)`: sodium-native fills its argument in place; `fs.readSync(fd, buf)` and a FileHandle's
  // `read(buf, …)` fill it with what the file holds.
  methods: new RegExp(
    '^(?:write[A-Za-z0-9]*|set|fill|copy|swap(?:16|32|64)|randomFillSync|randomFill|getRandomValues|' +
      'randombytes_buf|read|readSync)$',
  ),
  samples: {
    positive: [
      [
        "import { createCipheriv, randomBytes } from 'node:crypto';",
        'const prefix = randomBytes(4);',
        'let counter = 0n;',
        'export function seal(key: Buffer, data: Buffer) {',
        "  if (counter >= 2n ** 32n) throw new RangeError('nonce space used up: rotate the key');",
        '  const nonce = Buffer.alloc(12);',
        '  prefix.copy(nonce, 0);',
        '  nonce.writeBigUInt64BE(counter++, 4);',
        "  return { nonce, c: createCipheriv('aes-256-gcm', key, nonce).update(data) };",
        '}',
      ].join('\n'),
      "import { createCipheriv, randomFillSync } from 'node:crypto';\nexport function seal(key: Buffer) " +
        "{\n  const iv = Buffer.alloc(16);\n  randomFillSync(iv);\n  return createCipheriv('aes-256-cbc', " +
        'key, iv);\n}',
    ],
    negative: [
      "import { createCipheriv } from 'node:crypto';\nexport function seal(key: Buffer) {\n  const iv = " +
        "Buffer.alloc(16);\n  return createCipheriv('aes-256-cbc', key, iv);\n}",
    ],
  } satisfies Samples,
} as const;

/** Sizes of a fresh IV or nonce, for the suggestion that makes one. */
export const ivSizes: readonly { readonly sink: RegExp; readonly algorithm?: RegExp; readonly bytes: number }[] = [
  // SP 800-38D §8.2: 96-bit IVs for GCM; RFC 8439 §2.8: 96-bit nonces for ChaCha20-Poly1305.
  { sink: /^node-crypto\.create(?:Dec|C)ipheriv$/, algorithm: /gcm|ccm|ocb|chacha20-poly1305/i, bytes: 12 },
  // 64-bit block ciphers (DES, 3DES, Blowfish, CAST5, IDEA, RC2) take an 8-byte IV in CBC/CFB/OFB.
  {
    sink: /^node-crypto\.create(?:Dec|C)ipheriv$/,
    algorithm: /^(?:des|bf|blowfish|cast5?|idea|rc2)(?:-|$)/i,
    bytes: 8,
  },
  { sink: /^node-crypto\.create(?:Dec|C)ipheriv$/, bytes: 16 },
  { sink: /^webcrypto\.encrypt$/, algorithm: /GCM/i, bytes: 12 },
  { sink: /^webcrypto\.encrypt$/, bytes: 16 },
  { sink: /^tweetnacl\.|^libsodium\..*secretbox|^libsodium\.crypto_box|^noble-ciphers\.x/, bytes: 24 },
  { sink: /^noble-ciphers\.(?:gcm|siv|gcmsiv|chacha20poly1305|chacha20)$/, bytes: 12 },
  { sink: /^libsodium\.crypto_aead_chacha20poly1305_ietf/, bytes: 12 },
  { sink: /^(?:libsodium|sodium-native)\.crypto_aead_xchacha|^sodium-native\.crypto_(?:secret)?box/, bytes: 24 },
  { sink: /^(?:sodium-native\.crypto_aead_chacha20poly1305_ietf|libsodium\.crypto_aead_aes256gcm)/, bytes: 12 },
  { sink: /^noble-ciphers\./, bytes: 16 },
  { sink: /./, bytes: 16 },
];

/**
 * Names of the field by which a signed request's own parameter list names its signature scheme (session 33): OAuth
 * 1.0a's `oauth_signature_method` (RFC 5849 §3.1), the Alibaba Cloud and Tencent Cloud RPC styles' `SignatureMethod`
 * and `SignatureVersion`. A record that carries one is the list of parameters its MAC covers, and the protocol's
 * nonce beside it (`oauth_nonce`, `SignatureNonce`, `Nonce`) only has to be new per request (RFC 5849 §3.3: unique
 * per timestamp and credentials): whoever predicts it still cannot sign. A bare `signature` (a value already
 * computed, as in a wallet sign-in message whose server nonce must be unpredictable) is not one.
 */
export const signatureSchemeField: NameLexicon = {
  id: 'signature-scheme-field',
  title: "A signed request's field naming its signature method or version",
  pattern: /(?:^|_)signature_(?:method|version)$/,
  samples: {
    positive: ['oauth_signature_method', 'signature_method', 'signature_version', 'x_acs_signature_method'],
    negative: ['signature', 'oauth_signature', 'signature_nonce', 'method', 'signed_method', 'signature_methods'],
  },
};

/**
 * Names of a part of a secret kept to recognise it (session 32): a prefix shown on screen or logged beside an event
 * (`sessionIdPrefix: sessionId.slice(0, 8)`), an API key's stored prefix, a masked or truncated preview. The secret
 * is the whole value, made and judged where it is drawn; its visible part is too short by design and opens
 * nothing. The last word of the normalised name decides (`prefixToken` is a token).
 */
export const partialViewName: NameLexicon = {
  id: 'partial-view-name',
  title: 'A name for a visible part of a secret: a prefix, a preview, a masked form',
  pattern: /(?:^|_)(?:prefix|preview|masked|redacted|truncated)$/,
  samples: {
    positive: ['session_id_prefix', 'key_prefix', 'token_preview', 'masked', 'secret_masked', 'code_truncated'],
    negative: ['prefix_token', 'prefixed_key', 'session_id', 'api_key', 'mask_key', 'preview_token'],
  },
};

/**
 * Names of time quantities: a timestamp, an age, a countdown or a period, and the measures a UI draws
 * from them (a progress bar, a dash offset). A clock reading stored under such a name (`keyChangedAt`,
 * `keyAge`, `totpSecondsLeft`, `tokenSecondsRemaining`, `totpDash`) measures time; it is not a secret
 * even when the name also holds a purpose word. The last word of the normalised name decides.
 */
export const timeQuantityName: NameLexicon = {
  id: 'time-quantity-name',
  title: 'A name for a time, an age, a duration or a measure drawn from one',
  pattern: new RegExp(
    '(?:^|_)(?:age|changed|modified|edited|rotated|renewed|refreshed|remaining|left|elapsed|duration|' +
      'seconds?|secs?|ms|millis|milliseconds|minutes?|mins?|hours?|days?|period|countdown|tick|since|until|' +
      'deadline|lifetime|epoch|at|time|when|progress|percent|percentage|dash|bar|ratio|fraction)$',
  ),
  samples: {
    positive: [
      'key_change_rec_changed',
      'key_age',
      'totp_sec',
      'token_seconds_remaining',
      'session_key_rotated_at',
      'otp_time',
      'reset_token_ms',
      'totp_dash',
      'otp_progress',
    ],
    negative: ['reset_token', 'session_id', 'otp', 'api_key', 'csrf_secret', 'totp_code', 'nonce'],
  },
};

/**
 * A method name that says only "make one" (`generate`, `next`, `create`): what it makes is named by its owner,
 * the class (`class TokenGenerator { generate() }`) or the object literal (`const otpFactory = { create() {} }`).
 * Read by `no-weak-randomness`, which then takes the purpose from the owner's name.
 */
export const genericMakerName: NameLexicon = {
  id: 'generic-maker-name',
  title: 'A method name that names no purpose, only that it makes a value',
  pattern: /^(?:generate|create|make|build|issue|mint|new|next|get|value|produce|random)(?:_(?:one|new|value|id))?$/,
  samples: {
    positive: ['generate', 'next', 'create', 'make', 'newId', 'getValue', 'issue', 'mint'],
    negative: ['generateToken', 'nextColor', 'createSession', 'render', 'toString', 'getTimeout'],
  },
};

/**
 * Codes that must be unpredictable, besides the purposes the shared name lexicon knows
 * (`securityPurposeName`): one-time login and MFA codes, recovery and backup codes, invitation and
 * activation codes, OAuth `state` and device codes, and voucher, coupon and promo codes (bearer value: whoever
 * guesses one redeems it). Read by `no-weak-randomness` only; the message names the purpose with the name's own
 * words (`MFA code`).
 */
export const unpredictableCodeName: NameLexicon = {
  id: 'unpredictable-code-name',
  title: 'A code that must be unpredictable',
  pattern: new RegExp(
    '(?:^|_)(?:mfa|sms|two_factor|2fa|two_fa|tfa|activation|login|access|one_time|security|device|user|' +
      'invitation|invite|backup|recovery|email|phone|magic|unlock|pairing|join|transfer|confirmation|confirm|' +
      'verify|claim|redemption|redeem|gift|gift_card|signin|sign_in|signup|sign_up|approval|withdrawal|' +
      'share|link|voucher|coupon|promo|promotion|discount)_codes?$|' +
      '(?:^|_)passcodes?$|(?:^|_)oauth_state$|(?:^|_)pkce_verifier$',
  ),
  samples: {
    positive: [
      'mfa_code',
      'sms_code',
      'two_factor_code',
      'activation_code',
      'backup_codes',
      'passcode',
      'oauth_state',
      'one_time_code',
      'device_code',
      'invitation_code',
      'join_code',
      'transfer_code',
      'confirmation_code',
      'voucher_code',
      'coupon_codes',
      'promo_code',
    ],
    negative: ['referral_code', 'country_code', 'status_code', 'error_code', 'code', 'state', 'zip_code'],
  },
};

/**
 * Names of values that identify a record or a person (`userId`, `shareId`, `roomId`, `email`, `username`, `sid`):
 * the same every time that record is handled (a session id travels with every request of its session). An IV, nonce
 * or password-KDF salt made from one (hashed, encoded, cut) repeats for every message about that record, and an
 * attacker knows it in advance; a token made from one and a clock or a counter is as guessable as those.
 */
export const identifierName: NameLexicon = {
  id: 'identifier-name',
  title: 'A name of a value that identifies a record or a person',
  pattern: new RegExp(
    '^(?!.*(?:^|_)(?:key|secret|token|nonce|iv|salt|random)(?:_|$))' +
      '(?:[a-z0-9]+_)*(?:id|sid|uuid|guid|email|username|user_name|login|slug|name|filename|file_name|path|label)$',
  ),
  samples: {
    positive: [
      'userId',
      'shareId',
      'room_id',
      'email',
      'username',
      'deviceId',
      'recordUuid',
      'entryName',
      'filePath',
      'sid',
    ],
    negative: [
      'nonceId',
      'saltRandom',
      'iv',
      'sessionKey',
      'idle',
      'identity',
      'ivHex',
      'keyName',
      'namespace',
      'ssid',
    ],
  },
};

/**
 * Calls that read who or where the code runs (issue 11, session 36): the host's name, the signed-in user, the OS, a
 * phone's install, vendor or hardware id. Anyone on the machine, the network or the phone can read them, so a key,
 * token or seed made from one and a clock or a process id is as guessable as the clock or the pid; the tracker takes
 * them as known values, not as entropy it cannot see. `os` is the Node module's calls (`os.hostname`, `os.userInfo`);
 * `getter` is the last part of a device-id getter's name, normalised (`Application.getAndroidId`,
 * `DeviceInfo.getUniqueId`, `machineIdSync`).
 */
export const platformIdentityRead = {
  id: 'platform-identity-read',
  title: 'A call that reads the host, user or device the code runs on',
  os: /^(?:hostname|userInfo|homedir|platform|arch|release|type|machine|version|networkInterfaces|endianness|cpus)$/,
  getter: new RegExp(
    '^(?:get_)?(?:android|ios|device|install|installation|instance|machine|hardware|unique|vendor|serial)_' +
      '(?:id|number)(?:_for_vendor)?(?:_async|_sync)?$|^(?:get_)?ios_id_for_vendor(?:_async)?$',
  ),
  samples: {
    positive: ['getAndroidId', 'getIosIdForVendorAsync', 'getUniqueId', 'machineIdSync', 'getDeviceId', 'serialNumber'],
    negative: ['getRandomId', 'generateId', 'getSessionId', 'newInstallId', 'deviceIdKey', 'getUserId'],
    osPositive: ['hostname', 'userInfo', 'platform', 'networkInterfaces'],
    osNegative: ['tmpdir', 'uptime', 'freemem', 'loadavg'],
  },
} as const;

/**
 * Names of a session identifier (`sessionId`, `req.sessionID`, `sid`, `sess_id`): every request of its session
 * carries it, so it is no entropy; a token made from one and a clock, a counter or Math.random is as guessable as
 * those. Only the session's own id: other purpose ids (`otpId`, `csrfId`, `challengeId`, `resetId`) and paths or
 * labels (`seedPath`) are opaque names that may hold what they say.
 */
export const sessionIdName: NameLexicon = {
  id: 'session-id-name',
  title: 'A name of a session identifier',
  pattern: /^(?:[a-z0-9]+_)*(?:session_id|sess_id|session_uuid|sid)$/,
  samples: {
    positive: ['sessionId', 'sessionID', 'session_id', 'sid', 'sessId', 'userSessionId', 'sessionUuid', 'user_sid'],
    negative: [
      'otpId',
      'csrfId',
      'challengeId',
      'inviteId',
      'magicLinkId',
      'passwordResetId',
      'seedPath',
      'ssid',
      'sessionKey',
      'sessionToken',
    ],
  },
};

/**
 * A bare `code` or `state` says nothing alone (an error code, React state); the code that makes it does: a
 * function, route or command about verifying, resetting, signing in or pairing (`startPasswordReset`,
 * `fastify.post('/verify/start', …)`, `new Command('pair')`). `names` are the bare names; `context` is matched on
 * the enclosing functions' names and the string arguments of the call a callback is passed to (route paths,
 * command names). `state` needs an authorization context (OAuth's state, RFC 6749 §10.12).
 */
export const oneTimeCodeContext = {
  id: 'one-time-code-context',
  title: 'A bare code or state made where a one-time code or an authorization request is',
  names: { code: 'one-time code', codes: 'one-time code', state: 'OAuth state' } as Readonly<Record<string, string>>,
  context: {
    code: new RegExp(
      '(?:verif|reset|otp|2fa|mfa|two.?factor|log.?in|sign.?in|sign.?up|pair|confirm|activat|phone|sms|' +
        'passcode|one.?time|recover|unlock|magic|passwordless)',
      'i',
    ),
    // `install`: an app's install flow is its OAuth grant (Shopify, Slack and GitHub apps).
    state: /(?:oauth|authori[sz]|log.?in|sign.?in|openid|oidc|pkce|install)/i,
  } as Readonly<Record<string, RegExp>>,
  samples: {
    positive: [
      'code in startPasswordReset',
      "code in fastify.post('/verify/start')",
      'state in startLogin',
      'state in installState',
    ],
    negative: ['code in parseErrorResponse', 'state in useCounter', "code in app.get('/countries')"],
  },
};

/**
 * A bare `key` or `link` names nothing by itself (a Map key, a cache key, a React key, a page link), but made where
 * API keys are issued (`apiKeyForUser()`, `fastify.post('/api-keys/:id/regenerate')`) it is an API key, and made
 * where a note, a file or an invitation is shared (`shareNote()`, `router.post('/invites')`) it is a link that grants
 * access to whoever holds it (a capability URL). Read like `oneTimeCodeContext`: the enclosing functions' names and
 * the string arguments of the calls a callback is passed to.
 */
export const bareSecretNameContext = {
  id: 'bare-secret-name-context',
  title: 'A bare key or link made where an API key is issued or a resource is shared',
  names: { key: 'API key', link: 'share link' } as Readonly<Record<string, string>>,
  context: {
    key: /(?:api.?keys?|access.?keys?|personal.?access|service.?keys?)/i,
    link: /(?:shar(?:e|ing)(?!d)|invit|magic.?link|passwordless)/i,
  } as Readonly<Record<string, RegExp>>,
  samples: {
    positive: [
      'key in apiKeyForUser',
      "key in fastify.post('/api-keys/:id/regenerate')",
      'key in rotateAccessKey',
      'link in shareNote',
      "link in router.post('/invites')",
      'link in createShareLink',
    ],
    negative: [
      'key in cacheResponse',
      'key in renderList',
      'link in buildPaginationLinks',
      "link in app.get('/docs')",
      "link in import('./sharedUtils')",
    ],
  },
};

/**
 * Path segments of a link that grants access to whoever holds the next segment (a capability URL): `/join/<code>`,
 * `/invite/<id>`, `/reset/<token>`, `/s/<slug>` of a share link. A predictable value in that place lets anyone guess
 * a link that someone else was sent. `segments` are enough alone; `shortSegments` (one-letter short-link folders)
 * count only where the code around them shares a resource (`bareSecretNameContext.link`). Matched on the static
 * text a template literal or concatenation has just before the value, lower-cased.
 */
export const capabilityPathSegment = {
  id: 'capability-path-segment',
  title: 'A link path segment before a value that grants access',
  segments: new RegExp(
    '^(?:join|invite|invites|invitation|invitations|accept|accept-invite|reset|reset-password|password-reset|' +
      'verify|verify-email|confirm|confirm-email|activate|activation|magic|magic-link|claim|redeem|share|shared|' +
      'unlock|recover|recovery|passwordless|onboard|onboarding)$',
  ),
  shortSegments: /^[a-z]$/,
  samples: {
    positive: ['https://app.example.com/join/', '/invite/', '/auth/reset-password/', '/share/', 'https://x.io/s/'],
    negative: ['https://app.example.com/users/', '/api/v1/reports/', '/files/', '/img/', 'https://x.io/docs/'],
  },
} as const;

/**
 * Name prefixes the non-purpose lexicon reads as "not a secret" (`nextPageToken`, a pagination token) but that, before
 * a named secret of two words or more, say only which one is made next (`nextInviteCode()`, `nextDeviceSecret()`,
 * `nextSessionId()`): the rest of the name is judged alone.
 */
export const sequencePrefix = {
  id: 'sequence-prefix',
  title: 'A prefix naming the next of a series',
  // A nonce of a series is meant to count (an exchange API's increasing nonce): the prefix keeps its sense there.
  pattern: /^next_(?=[a-z0-9]+_[a-z0-9])(?![a-z0-9_]*nonce$)/,
  samples: {
    positive: ['next_invite_code', 'next_device_secret', 'next_session_id', 'next_api_key'],
    negative: ['next_token', 'next_page_token', 'next_key', 'previous_invite_code', 'next', 'next_exchange_nonce'],
  },
} as const;

/**
 * Calls that send a message to a person (a mail, an SMS, a chat message), read as `receiver.method` with each part
 * normalised (`transporter.send_mail`, `.send_reset_email`, `sg_mail.send`, `this.mail_service.send`): a link put in
 * such a message is handed to whoever reads it. A value in that link's query or path is then a credential whatever
 * the parameter is called (`/account/delete?c=…`, `/approve?ref=…`): the reader proves they got the mail by bringing
 * it back, so guessing it is the attack. Not a reply to the current request (`res.send`), a socket or a queue
 * (`ws.send`, `channel.send`), an HTTP client (`send_request`), or analytics (`send_event`): those are not addressed to
 * a person's inbox.
 */
export const messageSenderCall: NameLexicon = {
  id: 'message-sender-call',
  title: 'A call that sends a mail or a text message to a person',
  pattern: new RegExp(
    String.raw`^(?:[a-z0-9_]*\.)?(?:send|queue|deliver)_(?:[a-z0-9]+_){0,3}(?:mail|email|e_mail|emails|mails|sms|` +
      String.raw`text|texts|letter|invite|invitation|link|magic_link|reset|confirmation|verification|otp|notice)$|` +
      String.raw`^(?:[a-z0-9]+_)*(?:mail|mailer|email|emails|e_mail|sg_mail|transporter|smtp|sms|twilio|postmark|` +
      String.raw`mailgun|resend|sendgrid|ses|brevo|mailjet)(?:_service|_client|_sender|_transport)?\.(?:send|` +
      String.raw`send_mail|send_email|send_raw_email|send_message|send_sms|deliver)$`,
  ),
  samples: {
    positive: [
      'send_mail',
      'transporter.send_mail',
      'mailer.send',
      'sg_mail.send',
      'mail_service.send',
      '.send_reset_email',
      'notifications.send_password_reset',
      'send_magic_link',
      'send_verification_email',
      'sms.send',
      'twilio_client.send_sms',
      'emails.send',
      'queue_welcome_email',
    ],
    negative: [
      'res.send',
      'ws.send',
      'socket.send',
      'channel.send',
      'client.send_request',
      'analytics.send_event',
      'send',
      'send_metrics',
      'logger.info',
      'fetch',
      'email.validate',
      'send_json',
    ],
  },
};

/**
 * Calls whose name says what they keep or send: a verb of storing or sending, then what is stored
 * (`setTemporaryPassword(id, temp)`, `store.saveOtp(phone, c)`, `putResetToken(user, v)`, `sendInviteCode(to, code)`).
 * The rest of the name is read with the purpose lexicon; a weak value handed to such a call becomes that secret,
 * whatever its own binding is called (`temp`, `c`, `v`). Not a verb that reads, checks or makes (`verifyOtp`,
 * `hashPassword`, `generateToken`): their arguments are input the caller already holds, or a maker's options.
 */
export const storingCallName: NameLexicon = {
  id: 'storing-call-name',
  title: 'A call named for storing or sending a value of a kind',
  pattern: new RegExp(
    '^(?:set|save|store|put|persist|insert|upsert|cache|remember|keep|send|email|mail|text|deliver|register|' +
      'write|assign|attach|add|update|reset)_[a-z0-9_]+$',
  ),
  samples: {
    positive: ['set_temporary_password', 'save_otp', 'put_reset_token', 'send_invite_code', 'store_api_key'],
    negative: ['verify_otp', 'hash_password', 'generate_token', 'set', 'get_reset_token', 'check_pin'],
  },
};

/**
 * Methods that put a value in a collection or a store (`map.set(k, v)`, `set.add(v)`, `list.push(v)`,
 * `redis.hset`): the collection's own name then says what its entries are (`resumeTokens.set(client.id, t)`,
 * `this.inviteCodes.add(code)`), whichever argument holds the secret (a key or a value).
 */
export const collectionPutMethod: NameLexicon = {
  id: 'collection-put-method',
  title: 'A method that puts an entry in a collection',
  pattern: /^(?:set|add|push|unshift|put|set_item|hset|sadd|lpush|rpush|enqueue|insert)$/,
  samples: {
    positive: ['set', 'add', 'push', 'put', 'set_item', 'hset'],
    negative: ['get', 'has', 'delete', 'set_timeout', 'add_event_listener'],
  },
};

/**
 * Query parameters that version or tag a link rather than open anything: a cache buster (`?v=`, `?cb=`, `?_=`), a
 * campaign tag (`utm_source`), a page, language or theme. A clock or random value there in a mailed link is not a
 * credential.
 */
export const linkTagParameter: NameLexicon = {
  id: 'link-tag-parameter',
  title: 'A link parameter that tags or versions a link',
  pattern: new RegExp(
    '^(?:v|ver|version|cb|cache_?bust(?:er)?|bust|nocache|no_cache|_|ts|timestamp|time|rnd|rand|random|' +
      'utm_[a-z_]+|mc_[a-z]+|ref|source|medium|campaign|lang|locale|hl|page|theme|size|width|height|' +
      'format|fmt|sort|tab|view)$',
  ),
  samples: {
    positive: ['v', 'cb', 'cachebust', 'utm_source', 'utm_campaign', 'lang', 'page', '_', 'ts'],
    negative: ['c', 'k', 't', 'id', 'confirm', 'approve', 'u', 'x'],
  },
};

/**
 * Link and query parameters whose value must be unpredictable though their name alone says nothing to the
 * shared purpose lexicon: OAuth's `state` (RFC 6749 §10.12: a value binding the request to the browser, not
 * guessable) and the one-time `code` of a magic or verification link. Other parameter names are read with the
 * purpose lexicon (`token`, `nonce`, `reset_token`, `invite_code`).
 */
export const linkParameterPurposes: Readonly<Record<string, string>> = {
  state: 'OAuth state',
  code: 'one-time code in a link',
};

/**
 * Where a file-routed handler's URL path is its place in the tree (group 1), tried in order on a `/`-separated path:
 * Next.js `app/api/auth/reset/route.ts` and SvelteKit `src/routes/login/otp/+server.ts` (the folders under the last
 * `app/` or `routes/`), Next.js `pages/api/2fa/send.ts`, Nuxt and Nitro `server/api/verify/start.post.ts` (the method
 * a suffix of the file name). The route's words tell a handler's purpose as a function name would.
 */
export const fileRouteForms = {
  id: 'file-route-forms',
  title: "File paths that are a handler's URL route (file-system routing)",
  patterns: [
    /^(?:.*\/)?(?:app|routes)\/(.*)\/(?:route|\+server)\.[cm]?[jt]s$/,
    /^(?:.*\/)?pages\/(api\/.*)\.[cm]?[jt]s$/,
    /^(?:.*\/)?server\/((?:api|routes)\/.*?)(?:\.(?:get|post|put|patch|delete))?\.[cm]?[jt]s$/,
  ],
  samples: {
    positive: [
      'app/api/auth/reset/route.ts',
      'web/src/app/api/otp/route.js',
      'src/routes/login/otp/+server.ts',
      'pages/api/2fa/send.ts',
      'server/api/verify/start.post.ts',
      'apps/site/server/routes/reset.get.mjs',
    ],
    negative: [
      'src/app/otp.ts',
      'app/route.ts',
      'pages/login.tsx',
      'src/server/otp.ts',
      'server/utils/verify.ts',
      'src/routes/login/+page.svelte',
    ],
  },
} as const;

/** The URL path a file-routed handler's file gives it (`fileRouteForms`), or undefined. */
export function routeOfFile(file: string): string | undefined {
  const f = file.replace(/\\/g, '/');
  for (const p of fileRouteForms.patterns) {
    const m = p.exec(f);
    if (m) return m[1];
  }
  return undefined;
}

/**
 * A parameter, normalised, that holds a message or frame count (`counter`, `seq`, `frameNo`): written into a zero
 * IV it makes a counter nonce, fixed for that count across restarts (no-static-iv).
 */
export const counterParamName = {
  id: 'counter-param-name',
  title: 'A name of a message or frame count',
  pattern: /(?:^|_)(?:counter|ctr|seq|seqno|seq_no|sequence|frame_no|frame_number|msg_no|message_number)$/,
  samples: {
    positive: ['counter', 'ctr', 'seq', 'seqNo', 'frameNo', 'messageNumber', 'msg_no', 'sequence', 'msgCounter'],
    negative: ['count', 'counterparty', 'sequenceId', 'frameRate', 'sector', 'requests'],
  },
} as const;

/**
 * A name, normalised, of an input that carries randomness into a digest or derivation: a salt, a nonce, random
 * bytes. An IV hashed from the key together with such an input changes with it (no-static-iv).
 */
export const randomInputName = {
  id: 'random-input-name',
  title: 'A name of an input that carries randomness: a salt, a nonce, random bytes',
  pattern: /(?:^|_)(?:salt|nonce|iv|random|rand|entropy|seed)(?:_|$)/,
  samples: {
    positive: ['salt', 'nonce', 'iv', 'randomBytes', 'rand', 'entropy', 'seed', 'saltHex', 'clientNonce'],
    negative: ['salty', 'key', 'password', 'ivory', 'userId', 'brand', 'seeded'],
  },
} as const;

/**
 * A function or class name, normalised, that says it makes nonces or IVs (`nextNonce`, `deviceIv`, `CounterNonce`):
 * what it returns is used as one by callers in other modules (no-static-iv).
 */
export const nonceMakerName = {
  id: 'nonce-maker-name',
  title: 'A name of a function or class that makes nonces or IVs',
  pattern: /(?:^|_)(?:nonce|iv)(?:_|$)/,
  samples: {
    positive: ['nextNonce', 'deviceIv', 'CounterNonce', 'makeIv', 'nonce'],
    negative: ['ivory', 'nonces', 'invite', 'division', 'renounce'],
  },
} as const;

/**
 * A code's own name, normalised: bare (`code`, `pin`) or for its use (`smsCode`, `pairingCodes`, `passcode`). A value
 * so named and drawn at random is a code someone types back (no-logged-key's drawn codes).
 */
export const codeName = {
  id: 'code-name',
  title: 'A name of a code someone types back: bare or for its use',
  pattern: /(?:^|_)(?:codes?|pins?|passcodes?)$/,
  samples: {
    positive: ['code', 'pin', 'smsCode', 'pairingCodes', 'passcode', 'otp_pin', 'resetCodes'],
    negative: ['codeLength', 'pinned', 'encode', 'decoder', 'zipCodeId', 'spinner', 'qrcode'],
  },
} as const;

/**
 * The text a message sends a value in, to the person who must type it back: `Your Acme code is ${code}`,
 * `verification code: ${code}`. A bare `code` (or `pin`) sent so is a one-time code, whatever the function that makes
 * it is called (an SMS handler, a serverless function). Not an order, tracking, booking or referral code, which
 * identify and open nothing, nor an error, exit, status, response or result code, which reports an outcome, nor a
 * country, currency or language code, which picks a category. Matched at the end of the text before the value.
 */
export const sentCodeText: { readonly id: string; readonly pattern: RegExp; readonly samples: Samples } = {
  id: 'sent-code-text',
  pattern: new RegExp(
    String.raw`(?:\byour(?: (?!order|tracking|postal|zip|country|area|referral|reference|booking|invoice|` +
      String.raw`error|exit|status|http|response|return|result|reason|currency|language|locale|region)[\w-]+){0,2} ` +
      String.raw`(?:code|passcode|pin)|\b(?:verification|login|log-in|sign[ -]?in|one[ -]time|security|2fa|mfa|otp|` +
      String.raw`sms|access|unlock|pairing)[ -]code)(?: is)?[ :]{0,3}$`,
    'i',
  ),
  samples: {
    positive: ['Your Acme code is ', 'your code: ', 'Your Acme sign-in code is: ', 'login code ', 'Your PIN is '],
    negative: [
      'Your Acme order code is ',
      'referral code: ',
      'Your booking code is ',
      'status code ',
      'code ',
      'Your error code is ',
      'error code: ',
      'Your job exit code: ',
      'exit code ',
      'Your response code is ',
      'your HTTP status code: ',
      'response code: ',
      'Your country code is ',
      'country code ',
      'Your currency code: ',
    ],
  },
};

/** Sinks that reverse an encryption: the IV comes with the message, so no fresh-IV suggestion there. */
export const decryptSinkPattern = /[Dd]ecipher|[Dd]ecrypt|\.open$|_decrypt$/;

/**
 * A name of a library or module size constant (`sodium.crypto_secretbox_NONCEBYTES`, `nacl.secretbox.nonceLength`,
 * `IV_LENGTH`): `new Uint8Array(<size>)` and `Buffer.alloc(<size>)` with such a size are fresh zero buffers, as with a
 * literal size; `new Uint8Array(buf)` over other data is a view, not zeros.
 */
export const sizeConstantName = {
  id: 'size-constant-name',
  title: 'A name of a byte-size constant',
  pattern: /^(?:[A-Za-z0-9]+_)*[A-Z0-9]*(?:BYTES|LENGTH|LEN|SIZE)$|^[a-z][A-Za-z0-9]*(?:Length|Size|Len)$/,
  samples: {
    positive: [
      'crypto_secretbox_NONCEBYTES',
      'crypto_pwhash_SALTBYTES',
      'nonceLength',
      'IV_LENGTH',
      'KEY_SIZE',
      'ivLen',
    ],
    negative: ['buffer', 'data', 'keyBytes', 'nonce', 'BYTES_PER_ELEMENT_X', 'payload'],
  },
} as const;

/**
 * Calls that hash their input into a fixed-size digest (no key schedule, no randomness): an IV or nonce cut from
 * one is the same whenever the input is, so a digest of a name, a message or the key gives a repeating nonce.
 * KDFs (HKDF, PBKDF2) are not listed: protocols derive per-key nonces from a fresh key schedule (HPKE, Signal).
 */
export const digestCallName: NameLexicon = {
  id: 'digest-call-name',
  title: 'A call that returns a digest of its input',
  pattern: new RegExp(
    '^(?:digest|sha1|sha224|sha256|sha384|sha512|sha3_256|sha3_512|keccak_256|md5|ripemd160|blake2b|blake2s|' +
      'blake3|crypto_generichash|crypto_hash|crypto_hash_sha256|crypto_hash_sha512|hash)$',
  ),
  samples: {
    positive: ['digest', 'sha256', 'crypto_generichash', 'blake2b', 'md5'],
    negative: ['hkdf', 'pbkdf2', 'random_bytes', 'digest_size', 'hash_password'],
  },
};

/**
 * Calls, by the last name of the callee, that hash their input with no key and no randomness (crypto-js
 * `CryptoJS.MD5`, @noble/hashes `sha256`, ethers and viem `keccak256`, libsodium `crypto_generichash`,
 * WebCrypto-free helpers): the digest of a clock reading or a counter is as predictable as its input. A keyed MAC
 * is `keyedHashCalls` (in transforms.ts); a password hash with its own random salt (`bcrypt.hash`) is not listed.
 */
export const unkeyedDigestName: NameLexicon = {
  id: 'unkeyed-digest-name',
  title: 'A call that digests its input with no key',
  pattern: new RegExp(
    '^(?:md5|sha1|sha224|sha256|sha384|sha512|sha3|sha3_(?:224|256|384|512)|keccak_?256|keccak|ripemd160|' +
      'blake2b|blake2s|blake3|crypto_generichash|crypto_hash(?:_sha256|_sha512)?|murmur(?:hash)?3?|xxhash(?:32|64)?|' +
      'cyrb53|fnv1a)$',
  ),
  samples: {
    positive: ['MD5', 'SHA256', 'sha3_256', 'keccak256', 'keccak_256', 'blake3', 'crypto_generichash', 'cyrb53'],
    negative: ['hash', 'HmacSHA256', 'hmac', 'pbkdf2', 'hash_password', 'sha256_hmac', 'bcrypt'],
  },
};

/**
 * Names of values anyone near the thing can read, beyond record and person ids (`identifierName`): a device's IMEI,
 * MAC or serial number, a host name, a build, batch or pull-request number, a phone number, a tenant, a day. A key,
 * PIN or passphrase that is only a hash of such values (`sha256(`covenant:${imei}`)`, `sha1(`${deviceId}|${day}`)`)
 * is as guessable as they are: whoever knows them, and the code, computes it. Read by `no-weak-randomness` on the
 * inputs of a digest only.
 */
export const publicInputName: NameLexicon = {
  id: 'public-input-name',
  title: 'A name of a value anyone near a device, build or record can read',
  pattern: new RegExp(
    '(?:^|_)(?:imei|imsi|iccid|meid|mac|mac_address|serial|serial_number|serial_no|hostname|host_name|vin|batch|' +
      'batch_no|model|phone|phone_number|msisdn|pr|pr_number|build|build_number|build_no|tenant|org|team|day|date|' +
      'year|month|week|hour|claim|order_number|account_number)$',
  ),
  samples: {
    positive: ['imei', 'device_mac', 'serial_number', 'hostname', 'batch', 'pr', 'phone', 'day', 'claim', 'build'],
    negative: ['password', 'secret', 'seed', 'master_key', 'token', 'salt', 'macro', 'payload', 'input', 'data'],
  },
};

/**
 * Purposes that a digest of public values must not stand in for: key material (a key, a secret, a pre-shared key, a
 * passphrase, a password, a seed). A token or a code made so is left alone: link and challenge tokens are often a
 * deliberate hash of a record, checked against it, and the validation corpora showed no gain from them.
 */
export const derivedKeyPurpose: NameLexicon = {
  id: 'derived-key-purpose',
  title: 'A purpose whose value is key material',
  pattern: /(?:^|_)(?:key|keys|secret|secrets|psk|passphrase|password|seed)$/,
  samples: {
    positive: ['device_key', 'machine_key', 'factory_psk', 'deploy_key_passphrase', 'device_secret', 'api_key'],
    negative: ['unlock_token', 'csrf_token', 'one_time_code', 'key_id', 'pin', 'session_id'],
  },
};

/**
 * Calls and methods, by name, that cut, re-encode or convert a digest's output without adding to it (`.digest('hex')`,
 * `.slice(0, 32)`, `String(h.readUInt32BE(0) % 1e6).padStart(6, '0')`, `Buffer.from(…)`), and the date and time
 * readings that only format the clock: read by `no-weak-randomness` when it finds the digest a secret is.
 */
export const digestPassThrough: NameList = {
  id: 'digest-pass-through',
  title: 'A call that cuts or converts a value without adding to it',
  names: new Set([
    'digest',
    'toString',
    'slice',
    'substring',
    'substr',
    'subarray',
    'toUpperCase',
    'toLowerCase',
    'padStart',
    'padEnd',
    'readUInt32BE',
    'readUInt32LE',
    'readUIntBE',
    'toISOString',
    'toDateString',
    'getDate',
    'getTime',
    'valueOf',
    'trim',
    'String',
    'Number',
    'from',
  ]),
  samples: { positive: ['digest', 'slice', 'padStart', 'toISOString'], negative: ['update', 'createHash', 'concat'] },
};

/**
 * Fields of a message to a person beside its recipient (`{ to, subject, html }`, Twilio's `{ to, from, body }`): an
 * object literal with `to` and one of these is a mail or a text being sent.
 */
export const messageRecordField: NameList = {
  id: 'message-record-field',
  title: 'A field of a mail or text message',
  names: new Set(['subject', 'html', 'text', 'body', 'content', 'message']),
  samples: { positive: ['subject', 'html', 'body'], negative: ['to', 'from', 'headers', 'url'] },
};

/**
 * Calls, by the last name of the callee, that only re-encode text or bytes (ethers `toUtf8Bytes`, viem `toHex`,
 * @noble/hashes `utf8ToBytes`, tweetnacl-util `decodeUTF8`): the value keeps the predictability of its input.
 */
export const byteEncoderName: NameLexicon = {
  id: 'byte-encoder-name',
  title: 'A call that re-encodes text or bytes',
  pattern: new RegExp(
    '^(?:to_utf8_bytes|utf8_to_bytes|to_hex|string_to_hex|string_to_bytes|number_to_hex|to_bytes|hexlify|' +
      'bytes_to_hex|to_utf8_string|decode_utf8|encode_utf8|encode_base64|to_base64|encode64)$',
  ),
  samples: {
    // `encode64`: node-forge's base64 of a byte string (`forge.util.encode64(bytes.getBytes())`).
    positive: [
      'toUtf8Bytes',
      'utf8ToBytes',
      'toHex',
      'stringToBytes',
      'hexlify',
      'bytesToHex',
      'decodeUTF8',
      'encode64',
    ],
    negative: ['toString', 'randomBytes', 'getBytes', 'encrypt', 'toJSON'],
  },
};

/**
 * A purpose whose value is guessed without a per-try limit (offline, or online at scale) and so must be long: a
 * token, secret, key, session ID, password, seed or ticket. A code, PIN or OTP is short by design (its check limits
 * the tries), and an IV, nonce or salt must be unique, not secret (no-static-iv's). Matched against the normalised
 * purpose phrase (`password_reset_token`, `session_id`).
 */
export const longSecretPurpose: NameLexicon = {
  id: 'long-secret-purpose',
  title: 'A purpose whose value must carry enough random bits to resist guessing',
  pattern: new RegExp(
    '^(?!.*(?:^|_)(?:code|codes|pin|otp|totp|passkey|nonce|iv|salt|challenge)(?:_|$))' +
      '.*(?:^|_)(?:token|tokens|secret|secrets|key|keys|session|sid|password|passphrase|seed|ticket|jti|' +
      'verifier|link|credential|credentials|psk)(?:_|$)',
  ),
  samples: {
    positive: ['password_reset_token', 'session_id', 'api_secret', 'session_key', 'server_seed', 'csrf_token'],
    negative: ['mfa_code', 'pin', 'otp', 'nonce', 'iv', 'salt', 'invite_code', 'challenge'],
  },
};

/**
 * The fewest CSPRNG bits a long secret (`longSecretPurpose`) may carry: 64, the OWASP floor for a session ID's
 * entropy. `randomBytes(4)` (32 bits) falls to a few billion guesses.
 */
export const minSecretBits = 64;

/**
 * The property of a record that holds the secret the record is named for: `sessionToken()` returning `{ value,
 * expiresAt }`, `const ticket = { id, playerId }`, `sessionKey()` returning `{ seed, key }`. The record's other
 * members (an owner's id, a time) are data about the secret.
 */
export const recordCarrierProperty: NameLexicon = {
  id: 'record-carrier-property',
  title: 'The property of a record named for a secret that holds the secret itself',
  pattern: /^(?:value|id|token|secret|key|code|seed|raw|plain|plaintext|pin|otp)$/,
  samples: {
    positive: ['value', 'id', 'token', 'key', 'seed'],
    negative: ['player_id', 'expires_at', 'created_at', 'user_id', 'server_id'],
  },
};

/**
 * The leading text of a value that labels it as the id of an interface element (session 32): `` `toast-${Date.now()}-
 * ${Math.random()}` ``, `'modal_' + n`, `` `perps-notification-${i}` ``. Toast, dialog and menu libraries take such an
 * id to replace or close the element they show; the value opens nothing, whatever the helper that makes it is
 * called (`generateKey`). Words joined by `-`, `_` or `:` that end in the separator before the first expression,
 * one of them an element word; a word after the element word (`modal-secret-`) is no label of the element.
 */
export const uiElementLabel: { readonly id: string; readonly pattern: RegExp; readonly samples: Samples } = {
  id: 'ui-element-label',
  pattern: new RegExp(
    String.raw`^(?:[a-z0-9]+[-_:])*(?:toast|snackbar|notification|notice|modal|dialog|popover|popup|tooltip|` +
      String.raw`dropdown|menu|tab|banner|widget|panel|accordion)s?[-_:]$`,
    'i',
  ),
  samples: {
    positive: ['toast-', 'perps-toast-', 'toast_', 'notification:', 'app-modal-', 'Dialog-', 'tooltips_'],
    negative: ['session-', 'csrf-', 'toast', 'toast-token-', 'modal-secret-', 'key-', 'reset-toast', 'tabs'],
  },
};

/**
 * A name whose head (last) word names a seeded, non-cryptographic generator (session 31): a class (`PRNG`,
 * `Gen5RNG`, `SeededRandom`, `Chance`), a maker (`seedrandom`, `makeSeededRandom`, `createRng`), or an instance
 * (`this.prng`, `random`, `faker`). The seed such a generator takes or reports (`new PRNG(seed)`,
 * `random.setSeed(seed)`, `prng.getSeed()`) fixes a simulation, a game or a test run, which is why fuzzers and test
 * harnesses print it for reproduction: it is no key material (no-logged-key). Cryptographic generators and the
 * CSPRNG calls (`SecureRandom`, `HmacDRBG`, `getRandomValues`, `randomBytes`) are not named so; a seed handed to
 * a key derivation (`keyPair.fromSeed(seed)`, `fromMasterSeed`) stays a key's seed.
 */
export const seededGeneratorName: NameLexicon = {
  id: 'seeded-generator-name',
  title: 'A name for a seeded, non-cryptographic random generator',
  pattern: new RegExp(
    String.raw`^(?!.*(?:^|_)(?:secure|crypto|csprng|drbg|hmac|hash|chacha\d*|aes|ctr|key|keys|wallet|hd)(?:_|$))` +
      String.raw`(?:.*_)?(?:prng|rng|random|seedrandom|seeded|alea|mersenne_twister|mersenne|twister|xorshift\d*|` +
      String.raw`xoshiro\w*|sfc32|mulberry32|splitmix\d*|prando|chance|faker|random_generator|generator_random)$`,
  ),
  samples: {
    positive: [
      'prng',
      'gen5_rng',
      'seeded_random',
      'make_seeded_random',
      'random',
      'seedrandom',
      'create_rng',
      'faker',
    ],
    negative: [
      'secure_random',
      'hmac_drbg',
      'get_random_values',
      'random_bytes',
      'crypto',
      'random_wallet',
      'key_pair',
    ],
  },
};

/**
 * Names of a configuration setting that holds an IV or a cipher's nonce (session 34, static IVs held in config): a
 * `.env` line `CARD_FIELD_IV=…`, a YAML `frame_iv:`, a Kubernetes env entry named `LEGACY_ACCOUNT_IV`. A value
 * written there is one IV for every message the service encrypts (NIST SP 800-38A Appendix C, SP 800-38D §8). A
 * bare `nonce` is not one (an OAuth or CSP nonce is a request's, not a cipher's); a size (`iv_length`) is not one.
 */
export const ivSettingName: NameLexicon = {
  id: 'iv-setting-name',
  title: "A configuration setting's name that holds an IV or a cipher's nonce",
  pattern: new RegExp(
    '(?:^|_)(?:iv|initiali[sz]ation_vector|(?:gcm|aead|cipher|encryption|aes|chacha(?:20)?|secretbox|frame)_nonce)' +
      '(?:_(?:hex|b64|base64))?$',
  ),
  samples: {
    positive: ['CARD_FIELD_IV', 'frame_iv', 'VAULT_PREVIEW_IV', 'legacyAccountIv', 'ivHex', 'aesGcmNonce', 'iv'],
    negative: ['IV_LENGTH', 'nonce', 'oauth_nonce', 'csp_nonce', 'ivory', 'archive', 'iv_size', 'private_key'],
  },
};

/**
 * A fixed IV or nonce as configuration writes it: 8, 12 or 16 bytes in hex (optionally `0x`-prefixed), or 12 or 16
 * bytes in base64 with at least one digit (a word such as `generateRandom` is no encoding of bytes). A placeholder
 * (`changeme`, `${IV}`, `random`) is none.
 */
export const fixedIvText = {
  id: 'fixed-iv-text',
  title: 'A fixed IV or nonce written in configuration (hex or base64 of 8, 12 or 16 bytes)',
  pattern: new RegExp(
    '^(?:0x)?(?:[0-9a-fA-F]{16}|[0-9a-fA-F]{24}|[0-9a-fA-F]{32})$|' +
      '^(?=[A-Za-z0-9+/=]*[0-9])(?:[A-Za-z0-9+/]{16}|[A-Za-z0-9+/]{22}==)$',
  ),
  samples: {
    positive: [
      '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
      '00000000000000000000000000000000',
      'a1b2c3d4e5f60718293a4b5c',
      '0x0011223344556677',
      'q83vEjRWeJq83vEj',
      'AAECAwQFBgcICQoLDA0ODw==',
    ],
    negative: [
      'random',
      'changeme',
      '${CARD_FIELD_IV}',
      'generateRandomIv',
      '0f1e2d3c4b5a69788796',
      'zz1e2d3c4b5a69788796a5b4c3d2e1f0',
    ],
  },
} as const;

/**
 * Names of the fields a cipher's key is kept beside in one record (session 39): `{ key, iv }`, `{ key, nonce }`,
 * `{ key, salt }`, `{ key, algorithm }`. A bare `key` names nothing alone (a Map key, a React key), but in a record
 * with one of these it is the cipher's key, whose bytes must be unpredictable.
 */
export const cipherCompanionField: NameLexicon = {
  id: 'cipher-companion-field',
  title: 'A field kept beside a cipher key in one record',
  pattern: /^(?:iv|ivs|nonce|salt|auth_tag|cipher|algorithm|alg|enc|cipher_algorithm|key_size|key_length)$/,
  samples: {
    positive: ['iv', 'nonce', 'salt', 'authTag', 'algorithm', 'cipherAlgorithm'],
    negative: ['value', 'label', 'ttl', 'children', 'expires', 'index'],
  },
};

/**
 * Names of the fields of a published test-vector record (Wycheproof, NIST CAVP, an RFC appendix): an IV beside a
 * ciphertext or an expected tag is a vector checked by a test, not the IV a deployment encrypts with.
 */
export const vectorRecordField: NameLexicon = {
  id: 'vector-record-field',
  title: 'A field of a published test-vector record (ciphertext, plaintext, tag, expected result)',
  pattern: /^(?:ct|ciphertext|cipher_text|pt|plaintext|plain_text|msg|aad|tag|expected|result|tc_id|vector)$/,
  samples: {
    positive: ['ct', 'ciphertext', 'plainText', 'tag', 'aad', 'tcId', 'expected'],
    negative: ['cipher', 'key', 'algorithm', 'iv', 'message_format', 'tags'],
  },
};

/**
 * Names under which an encryption record (a keystore file, an envelope object, an encrypted-configuration entry)
 * keeps the ciphertext an IV belongs to, when that field holds encoded bytes (`encryptedBytesText`): `{ "iv": …,
 * "data": "9f2c…" }`. An IV beside its own ciphertext is one value of one encryption, stored because decryption needs
 * it, not a constant every message reuses (session 35, issue 11). `ct`/`ciphertext` count by name alone
 * (`vectorRecordField`). `value` is not one: a Kubernetes env entry's `value` is the setting itself.
 */
export const envelopeDataField: NameLexicon = {
  id: 'envelope-data-field',
  title: "A record's field that holds the ciphertext an IV beside it was used for",
  pattern: new RegExp(
    '^(?:data|enc|encrypted|enc_data|cipher_data|' +
      'encrypted_(?:data|value|payload|content|body|blob|text|message|secret|key))$|' +
      '^(?:payload|content|body|blob|sealed|box|message)$',
  ),
  samples: {
    positive: ['data', 'encrypted', 'encryptedData', 'enc', 'encrypted_value', 'payload', 'sealed', 'encryptedKey'],
    negative: ['value', 'iv', 'key', 'encryption', 'data_dir', 'encrypted_fields', 'encrypt', 'algorithm'],
  },
};

/**
 * Encoded bytes as a record stores a ciphertext: at least 16 bytes in hex, or at least 22 base64/base64url characters
 * with a digit (a word or a path is no ciphertext).
 */
export const encryptedBytesText = {
  id: 'encrypted-bytes-text',
  title: 'A ciphertext written as hex or base64 (at least 16 bytes)',
  pattern: /^(?:0x)?(?:[0-9a-fA-F]{2}){16,}$|^(?=[A-Za-z0-9+/_-]*[0-9])[A-Za-z0-9+/_-]{22,}={0,2}$/,
  samples: {
    positive: [
      '99d0e66c67941a08690e48222a58843ef2481e110969325db7ff5284cd3d3093',
      'U2FsdGVkX1+vupppZksvRf5pq5g5XjFRlipRkwB0K1Y=',
      'q83vEjRWeJq83vEjRWeJq8-_9A',
    ],
    negative: ['true', '/var/lib/app/data', 'user-profile-records', '0f1e2d3c', 'encrypted with the current key'],
  },
} as const;
