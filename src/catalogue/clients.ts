/* eslint-disable keyhygiene/no-hardcoded-key -- every sample below is fake, made up for this catalogue */
/**
 * Database, cache and mail clients, and where each takes a credential: an argument, or a property path inside
 * an options argument. Data for `no-hardcoded-key` (a literal in a slot is judged as what the slot holds) and
 * for the audit's text pass (a client's own configuration files, such as `schema.prisma`). The slots come from
 * each client's documentation (`provenance`); every sample value is FAKE.
 */
import type { CallPattern } from './types.js';

/**
 * What a slot holds: a password a person chose (judged by `isPasswordLike`: short, low-entropy passwords count),
 * or a connection string or URL whose userinfo may hold one (judged by the credential formats).
 */
type SlotHolds = 'password' | 'url';

interface CredentialSlot {
  /** Zero-based argument index. */
  readonly index: number;
  /** A dotted property path inside an options-object argument (`auth.pass`, `connection.password`). */
  readonly property?: string;
  readonly holds: SlotHolds;
}

/**
 * A client, matched like a catalogue call pattern (`modules`, canonical `callees` as in `KeySink.callee`,
 * `receivers`); its code samples: each positive yields a finding for this client, no negative does.
 */
export interface CredentialClient extends CallPattern {
  readonly slots: readonly CredentialSlot[];
  /**
   * The client's own configuration files, read by the text pass: `name = value` lines (Prisma's schema) whose
   * key is one of `keys` hold what `holds` says.
   */
  readonly configFiles?: { readonly file: RegExp; readonly keys: readonly string[]; readonly holds: SlotHolds };
  readonly provenance: string;
}

export const credentialClients: readonly CredentialClient[] = [
  {
    id: 'typeorm',
    title: 'TypeORM data source',
    modules: ['typeorm'],
    callees: ['new DataSource', 'createConnection', 'createConnections'],
    slots: [
      { index: 0, property: 'password', holds: 'password' },
      { index: 0, property: 'url', holds: 'url' },
    ],
    provenance: 'https://typeorm.io/docs/data-source/data-source-options/',
    samples: {
      positive: [
        "import { DataSource } from 'typeorm';\nnew DataSource({ type: 'postgres', username: 'app', password: 'Qx" +
          "7vR2mK9p' });",
        "import { createConnection } from 'typeorm';\ncreateConnection({ type: 'mysql', url: 'mysql://app:Zr4kP8w" +
          "Qx2@db/app' });",
      ],
      negative: [
        "import { DataSource } from 'typeorm';\nnew DataSource({ type: 'postgres', password: process.env.DB_PASSW" +
          'ORD });',
        "import { DataSource } from 'typeorm';\nnew DataSource({ type: 'postgres', password: 'postgres' });",
      ],
    },
  },
  {
    id: 'pg',
    title: 'node-postgres (pg) client',
    modules: ['pg', 'pg-pool'],
    callees: ['new Pool', 'new Client', 'new default'],
    slots: [
      { index: 0, property: 'password', holds: 'password' },
      { index: 0, property: 'connectionString', holds: 'url' },
    ],
    provenance: 'https://node-postgres.com/apis/client',
    samples: {
      positive: [
        "import { Pool } from 'pg';\nnew Pool({ user: 'app', password: 'Hq7Lp2xR9w', host: 'db' });",
        "import pg from 'pg';\nnew pg.Client({ connectionString: 'postgres://app:Qx7vR2mK9pLs@db/app' });",
      ],
      negative: [
        "import { Pool } from 'pg';\nnew Pool({ connectionString: process.env.DATABASE_URL });",
        "import { Pool } from 'pg';\nnew Pool({ password: 'password' });",
      ],
    },
  },
  {
    id: 'postgres-js',
    title: 'Postgres.js client',
    modules: ['postgres'],
    callees: ['default'],
    slots: [
      { index: 0, holds: 'url' },
      { index: 0, property: 'password', holds: 'password' },
      { index: 1, property: 'password', holds: 'password' },
    ],
    provenance: 'https://github.com/porsager/postgres#connection',
    samples: {
      positive: [
        "import postgres from 'postgres';\nconst sql = postgres('postgres://app:Qx7vR2mK9pLs@db:5432/app');",
        "import postgres from 'postgres';\nconst sql = postgres({ host: 'db', username: 'app', password: 'Qx7vR2m" +
          "K9p' });",
      ],
      negative: ["import postgres from 'postgres';\nconst sql = postgres(process.env.DATABASE_URL);"],
    },
  },
  {
    id: 'mysql',
    title: 'mysql / mysql2 connection',
    modules: ['mysql2', 'mysql2/promise', 'mysql'],
    callees: ['createConnection', 'createPool', 'createPoolCluster', 'default.createConnection', 'default.createPool'],
    slots: [
      { index: 0, holds: 'url' },
      { index: 0, property: 'password', holds: 'password' },
      { index: 0, property: 'uri', holds: 'url' },
    ],
    provenance: 'https://sidorares.github.io/node-mysql2/docs/examples/connections/create-connection',
    samples: {
      positive: [
        "import mysql from 'mysql2/promise';\nmysql.createPool({ host: 'db', user: 'root', password: 'Lq9vX2p7' });",
        "const mysql = require('mysql2');\nmysql.createConnection('mysql://root:Lq9vX2p7@db/app');",
      ],
      negative: [
        "import mysql from 'mysql2';\nmysql.createConnection({ host: 'db', password: process.env.MYSQL_PWD });",
      ],
    },
  },
  {
    id: 'sequelize',
    title: 'Sequelize',
    modules: ['sequelize', 'sequelize-typescript', '@sequelize/core'],
    callees: ['new Sequelize', 'new default'],
    // `new Sequelize(database, username, password, options)`, `new Sequelize(uri, options)`, `new Sequelize(options)`.
    slots: [
      { index: 2, holds: 'password' },
      { index: 0, holds: 'url' },
      { index: 0, property: 'password', holds: 'password' },
      { index: 1, property: 'password', holds: 'password' },
    ],
    provenance: 'https://sequelize.org/docs/v6/getting-started/#connecting-to-a-database',
    samples: {
      positive: [
        "import { Sequelize } from 'sequelize';\nnew Sequelize('shop', 'shop_user', 'Fk3pQ9zLw2', { dialect: 'pos" +
          "tgres' });",
        "const { Sequelize } = require('sequelize');\nnew Sequelize('postgres://shop:Fk3pQ9zLw2@db:5432/shop');",
        "import { Sequelize } from 'sequelize-typescript';\nnew Sequelize({ dialect: 'mysql', password: 'Fk3pQ9zL" +
          "w2' });",
      ],
      negative: [
        "import { Sequelize } from 'sequelize';\nnew Sequelize('shop', 'shop_user', process.env.DB_PASS, { dialec" +
          "t: 'postgres' });",
        "import { Sequelize } from 'sequelize';\nnew Sequelize('sqlite::memory:');",
        "import { Sequelize } from 'sequelize';\nnew Sequelize('shop', 'root', 'root', { dialect: 'mysql' });",
      ],
    },
  },
  {
    id: 'knex',
    title: 'Knex',
    modules: ['knex'],
    callees: ['default', 'knex'],
    receivers: ['knex', 'Knex'],
    slots: [
      { index: 0, property: 'connection', holds: 'url' },
      { index: 0, property: 'connection.password', holds: 'password' },
      { index: 0, property: 'connection.connectionString', holds: 'url' },
    ],
    provenance: 'https://knexjs.org/guide/#configuration-options',
    samples: {
      positive: [
        "import knex from 'knex';\nknex({ client: 'pg', connection: { host: 'db', user: 'app', password: 'Zr4kP8w" +
          "Qx2' } });",
        "import knex from 'knex';\nknex({ client: 'mysql2', connection: 'mysql://app:Zr4kP8wQx2@db/app' });",
      ],
      negative: [
        "import knex from 'knex';\nknex({ client: 'pg', connection: process.env.DATABASE_URL });",
        "import knex from 'knex';\nknex({ client: 'sqlite3', connection: { filename: './dev.sqlite3' } });",
      ],
    },
  },
  {
    id: 'mongoose',
    title: 'Mongoose',
    modules: ['mongoose'],
    callees: ['connect', 'createConnection', 'default.connect', 'default.createConnection'],
    receivers: ['mongoose'],
    slots: [
      { index: 0, holds: 'url' },
      { index: 1, property: 'pass', holds: 'password' },
      { index: 1, property: 'auth.password', holds: 'password' },
    ],
    provenance: 'https://mongoosejs.com/docs/connections.html',
    samples: {
      positive: [
        "import mongoose from 'mongoose';\nmongoose.connect('mongodb+srv://svc:fAkE8pw2Lq0@cluster0.fake.mongodb." +
          "net/shop');",
        "import mongoose from 'mongoose';\nmongoose.connect('mongodb://db/shop', { user: 'svc', pass: 'Wq8pw2Lq0x' });",
      ],
      negative: ["import mongoose from 'mongoose';\nmongoose.connect('mongodb://localhost:27017/shop');"],
    },
  },
  {
    id: 'mongodb',
    title: 'MongoDB driver',
    modules: ['mongodb'],
    callees: ['new MongoClient', 'MongoClient.connect'],
    slots: [
      { index: 0, holds: 'url' },
      { index: 1, property: 'auth.password', holds: 'password' },
    ],
    provenance: 'https://www.mongodb.com/docs/drivers/node/current/fundamentals/connection/connect/',
    samples: {
      positive: [
        "import { MongoClient } from 'mongodb';\nnew MongoClient('mongodb://svc:fAkE8pw2Lq0@db:27017/shop');",
        "import { MongoClient } from 'mongodb';\nnew MongoClient(uri, { auth: { username: 'svc', password: 'Wq8pw" +
          "2Lq0x' } });",
      ],
      negative: ["import { MongoClient } from 'mongodb';\nnew MongoClient(process.env.MONGO_URL);"],
    },
  },
  {
    id: 'ioredis',
    title: 'ioredis',
    modules: ['ioredis'],
    callees: ['new default', 'new Redis', 'new Cluster', 'new default.Cluster'],
    // `new Redis(options)`, `new Redis(url, options)`, `new Redis(port, host, options)`.
    slots: [
      { index: 0, holds: 'url' },
      { index: 0, property: 'password', holds: 'password' },
      { index: 1, property: 'password', holds: 'password' },
      { index: 2, property: 'password', holds: 'password' },
    ],
    provenance: 'https://github.com/redis/ioredis#connect-to-redis',
    samples: {
      positive: [
        "import Redis from 'ioredis';\nnew Redis({ host: 'cache', port: 6379, password: 'Lw2Fk3pQ9z' });",
        "import Redis from 'ioredis';\nnew Redis('redis://:Lw2Fk3pQ9z@cache:6379/0');",
        "import Redis from 'ioredis';\nnew Redis(6379, 'cache', { password: 'Lw2Fk3pQ9z' });",
      ],
      negative: [
        "import Redis from 'ioredis';\nnew Redis({ host: 'cache', password: process.env.REDIS_PASSWORD });",
        "import Redis from 'ioredis';\nnew Redis('redis://localhost:6379');",
      ],
    },
  },
  {
    id: 'node-redis',
    title: 'node-redis client',
    modules: ['redis', '@redis/client'],
    callees: ['createClient', 'createCluster'],
    slots: [
      { index: 0, property: 'url', holds: 'url' },
      { index: 0, property: 'password', holds: 'password' },
    ],
    provenance: 'https://github.com/redis/node-redis/blob/master/docs/client-configuration.md',
    samples: {
      positive: [
        "import { createClient } from 'redis';\ncreateClient({ url: 'rediss://default:Lw2Fk3pQ9z@cache:6380' });",
      ],
      negative: ["import { createClient } from 'redis';\ncreateClient({ url: process.env.REDIS_URL });"],
    },
  },
  {
    id: 'nodemailer',
    title: 'nodemailer SMTP transport',
    modules: ['nodemailer'],
    callees: ['createTransport', 'default.createTransport'],
    receivers: ['nodemailer'],
    slots: [
      { index: 0, holds: 'url' },
      { index: 0, property: 'auth.pass', holds: 'password' },
    ],
    provenance: 'https://nodemailer.com/smtp/',
    samples: {
      positive: [
        "import nodemailer from 'nodemailer';\nnodemailer.createTransport({ host: 'smtp.fake.test', auth: { user:" +
          " 'me', pass: 'Tq8wLp3Zx' } });",
        "import nodemailer from 'nodemailer';\nnodemailer.createTransport('smtps://me%40fake.test:Tq8wLp3Zx@smtp." +
          "fake.test');",
      ],
      negative: [
        "import nodemailer from 'nodemailer';\nnodemailer.createTransport({ auth: { user: 'me', pass: process.env" +
          '.SMTP_PASS } });',
      ],
    },
  },
  {
    id: 'prisma',
    title: 'Prisma datasource',
    modules: ['@prisma/client'],
    callees: ['new PrismaClient'],
    slots: [
      { index: 0, property: 'datasourceUrl', holds: 'url' },
      { index: 0, property: 'datasources.db.url', holds: 'url' },
    ],
    configFiles: { file: /(?:^|\/)[^/]*\.prisma$/, keys: ['url', 'directUrl', 'shadowDatabaseUrl'], holds: 'url' },
    provenance: 'https://www.prisma.io/docs/orm/reference/prisma-schema-reference#datasource',
    samples: {
      positive: [
        "import { PrismaClient } from '@prisma/client';\nnew PrismaClient({ datasourceUrl: 'postgresql://app:Qx7v" +
          "R2mK9p@db/app' });",
        "import { PrismaClient } from '@prisma/client';\nnew PrismaClient({ datasources: { db: { url: 'mysql://ap" +
          "p:Qx7vR2mK9p@db/app' } } });",
      ],
      negative: [
        "import { PrismaClient } from '@prisma/client';\nnew PrismaClient({ datasourceUrl: process.env.DATABASE_U" +
          'RL });',
      ],
    },
  },
];
