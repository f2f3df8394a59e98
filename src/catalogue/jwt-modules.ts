/**
 * JWT signing configured once for a framework rather than at each `sign` call: NestJS `JwtModule.register`
 * and `registerAsync({ useFactory })`, `JwtService.sign(payload, { secret })`, and the Fastify JWT plugin
 * registered with `{ secret }`. Each names where the signing key goes and where a key id would go; a
 * static key with no key id means tokens cannot say which key signed them, so the key cannot be rotated
 * without breaking every token already issued. Read by `require-key-rotation`; every entry carries samples
 * that `test/catalogue/iac.test.ts` proves.
 */
import type { CallMatch } from './iac.js';
import type { Samples } from './types.js';

export interface JwtModuleSigner {
  readonly id: string;
  readonly title: string;
  /** How the configuring call is recognised. */
  readonly when:
    | { readonly kind: 'call'; readonly match: readonly CallMatch[] }
    /** `x.<method>(…)` in a file that imports one of `modules` (an injected service has no import of its own). */
    | { readonly kind: 'method'; readonly methods: readonly string[]; readonly modules: readonly string[] }
    /** `app.register(plugin, opts)` where `plugin` is imported (or required) from one of `modules`. */
    | { readonly kind: 'plugin'; readonly methods: readonly string[]; readonly modules: readonly string[] };
  /** The options argument. */
  readonly propsIndex: number;
  /** The options come from this factory function's return value (`useFactory`), when present. */
  readonly factory?: string;
  /** Properties that hold the signing key; the entry applies only when one of them is set. */
  readonly keyProperties: readonly string[];
  /** Dotted properties that name the key id; none set is the finding. */
  readonly kidProperties: readonly string[];
  readonly samples: Samples;
}

const nestModules = ['@nestjs/jwt'];
const nestKid = ['signOptions.keyid', 'signOptions.header.kid'];

export const jwtModuleSigners: readonly JwtModuleSigner[] = [
  {
    id: 'nestjs.JwtModule.register',
    title: 'JwtModule.register (@nestjs/jwt)',
    when: {
      kind: 'call',
      match: [
        { modules: nestModules, callee: 'JwtModule.register' },
        { modules: nestModules, callee: 'JwtModule.registerAsync' },
      ],
    },
    propsIndex: 0,
    factory: 'useFactory',
    keyProperties: ['secret', 'privateKey'],
    kidProperties: nestKid,
    samples: {
      positive: [
        "import { JwtModule } from '@nestjs/jwt'; JwtModule.register({ secret: process.env.JWT_SECRET, " +
          "signOptions: { expiresIn: '1h' } });",
        "import { JwtModule } from '@nestjs/jwt'; JwtModule.registerAsync({ inject: [C], useFactory: (c) => ({ " +
          "secret: c.get('JWT_SECRET'), signOptions: { expiresIn: '1h' } }) });",
      ],
      negative: [
        "import { JwtModule } from '@nestjs/jwt'; JwtModule.register({ secret: process.env.JWT_SECRET, " +
          "signOptions: { expiresIn: '1h', keyid: 'v2' } });",
        "import { JwtModule } from '@nestjs/jwt'; JwtModule.register({ global: true });",
        "import { JwtModule } from '@nestjs/jwt'; JwtModule.register({ secretOrKeyProvider: (type, token) => " +
          'keyring.pick(token) });',
      ],
    },
  },
  {
    id: 'nestjs.JwtService.sign',
    title: 'JwtService.sign (@nestjs/jwt)',
    when: { kind: 'method', methods: ['sign', 'signAsync'], modules: nestModules },
    propsIndex: 1,
    keyProperties: ['secret', 'privateKey'],
    kidProperties: ['keyid', 'header.kid'],
    samples: {
      positive: [
        "import { JwtService } from '@nestjs/jwt'; export const f = (jwtService: JwtService) => jwtService.sign({ " +
          "sub: 1 }, { secret: process.env.REFRESH_SECRET, expiresIn: '7d' });",
      ],
      negative: [
        "import { JwtService } from '@nestjs/jwt'; export const f = (jwtService: JwtService) => jwtService.sign({ " +
          "sub: 1 }, { secret: process.env.REFRESH_SECRET, keyid: 'r1' });",
        "import { JwtService } from '@nestjs/jwt'; export const f = (jwtService: JwtService) => jwtService.sign({ " +
          'sub: 1 });',
      ],
    },
  },
  {
    id: 'fastify.jwt.register',
    title: '@fastify/jwt',
    when: { kind: 'plugin', methods: ['register'], modules: ['@fastify/jwt', 'fastify-jwt'] },
    propsIndex: 1,
    keyProperties: ['secret'],
    // The plugin hands `sign` to fast-jwt's createSigner, whose `kid` option sets the header.
    kidProperties: ['sign.kid', 'sign.header.kid'],
    samples: {
      positive: [
        "import fastifyJwt from '@fastify/jwt'; app.register(fastifyJwt, { secret: process.env.JWT_SECRET });",
        "app.register(require('@fastify/jwt'), { secret: process.env.JWT_SECRET, sign: { expiresIn: '1h' } });",
      ],
      negative: [
        "import fastifyJwt from '@fastify/jwt'; app.register(fastifyJwt, { secret: process.env.JWT_SECRET, sign: { " +
          "kid: 'v3' } });",
        "import cors from '@fastify/cors'; app.register(cors, { origin: true });",
        "import fastifyJwt from '@fastify/jwt'; app.register(fastifyJwt, { secret: (req, token, cb) => cb(null, " +
          'keys[token.header.kid]) });',
      ],
    },
  },
  {
    // fast-jwt: `createSigner({ key })` returns the signing function every token goes through; `kid` sets the header.
    id: 'fast-jwt.createSigner',
    title: 'createSigner (fast-jwt)',
    when: { kind: 'call', match: [{ modules: ['fast-jwt'], callee: 'createSigner' }] },
    propsIndex: 0,
    keyProperties: ['key'],
    kidProperties: ['kid', 'header.kid'],
    samples: {
      positive: ["import { createSigner } from 'fast-jwt'; createSigner({ key: process.env.JWT_SECRET });"],
      negative: [
        "import { createSigner } from 'fast-jwt'; createSigner({ key: process.env.JWT_SECRET, kid: 'v2' });",
        "import { createSigner } from 'fast-jwt'; createSigner({ key: async ({ header }) => keys[header.kid] });",
      ],
    },
  },
  {
    // Elysia's JWT plugin: `jwt({ name, secret })`; its options take the JWS header fields, `kid` among them.
    id: 'elysia.jwt',
    title: '@elysiajs/jwt',
    when: { kind: 'call', match: [{ modules: ['@elysiajs/jwt'], callee: 'jwt' }] },
    propsIndex: 0,
    keyProperties: ['secret'],
    kidProperties: ['kid'],
    samples: {
      positive: [
        "import { jwt } from '@elysiajs/jwt'; app.use(jwt({ name: 'jwt', " + 'secret: process.env.JWT_SECRET }));',
      ],
      negative: [
        "import { jwt } from '@elysiajs/jwt'; app.use(jwt({ name: 'jwt', " +
          "secret: process.env.JWT_SECRET, kid: 'v2' }));",
      ],
    },
  },
];

/**
 * Configuration services a signing key is read through (`config.get('jwtSecret')`), and how their configuration
 * factories are loaded (`ConfigModule.forRoot({ load: [configuration] })`): the cross-file join reads a key a
 * factory draws at random per start (require-key-rotation) through them. NestJS `ConfigService.get` reads the
 * loaded factories' values (and the process environment first, under the same name; an environment variable named
 * as a camel-case configuration key is rare, and an upper-case key is never a factory member the join matches).
 */
export interface ConfigStore {
  readonly id: string;
  /** Modules whose import marks a file that reads the store (an injected service has no import of its own). */
  readonly modules: readonly string[];
  /** Methods that read one configuration key by its name, the first argument. */
  readonly readers: readonly string[];
  /** The calls that load configuration factories, and the property that lists them. */
  readonly loaders: readonly CallMatch[];
  readonly loadProperty: string;
}

export const configStores: readonly ConfigStore[] = [
  {
    id: 'nestjs.ConfigService',
    modules: ['@nestjs/config'],
    readers: ['get', 'getOrThrow'],
    loaders: [{ modules: ['@nestjs/config'], callee: 'ConfigModule.forRoot' }],
    loadProperty: 'load',
  },
];
