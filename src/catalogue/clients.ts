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
 * a connection string or URL whose userinfo may hold one (judged by the credential formats), a secret the API
 * takes as such (an API secret, a private key, a mnemonic: any literal that is no placeholder, dummy or public
 * identifier), or a value that is secret when the name it is given says so (`named`: an SSM parameter whose
 * construct id or `parameterName` is `PartnerApiKey`). `bytes`: raw key bytes (a byte literal, decoded text such as
 * `hexToBytes('…')`, or a hex string the API reads as bytes), where a plain string would be a passphrase, not a key.
 * `token`: a secret whose provider issues it as a UUID (Postmark), so a random UUID there is the credential.
 */
type SlotHolds = 'password' | 'url' | 'secret' | 'named' | 'bytes' | 'token';

/** Where a `named` slot's name is written: an argument (a construct id), or a property of an options argument. */
interface SlotName {
  readonly index: number;
  readonly property?: string;
}

interface CredentialSlot {
  /** Zero-based argument index. */
  readonly index: number;
  /**
   * A dotted property path inside an options-object argument (`auth.pass`, `connection.password`); `*` stands for
   * every property (`users.*`).
   */
  readonly property?: string;
  readonly holds: SlotHolds;
  /** For `named` slots: where the value's name is written. */
  readonly names?: readonly SlotName[];
  /** The name the API gives a positional value (`mnemonic`), which lets a format that needs a name match it. */
  readonly name?: string;
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
  readonly configFiles?: {
    readonly file: RegExp;
    readonly keys: readonly string[];
    readonly holds: 'password' | 'url';
  };
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
  {
    id: 'twilio',
    title: 'Twilio client',
    modules: ['twilio'],
    callees: ['default', 'new default', 'Twilio', 'new Twilio', 'default.Twilio', 'new default.Twilio'],
    // `twilio(accountSid, authToken)` or `twilio(apiKeySid, apiKeySecret, { accountSid })`: the SID is an id.
    slots: [{ index: 1, holds: 'secret' }],
    provenance: 'https://www.twilio.com/docs/libraries/reference/twilio-node/',
    samples: {
      positive: [
        "import twilio from 'twilio';\nconst c = twilio('AC' + 'aa36620f5dfa3dc1ef91381c486c3f31', '27601f8ddf70a" +
          "271cc52aa36620f5dfa');",
        "const twilio = require('twilio');\nconst c = twilio(sid, 'EjMuUB4PB2U8PbpAU4q1dgEetTFLtBOe');",
      ],
      negative: [
        "import twilio from 'twilio';\nconst c = twilio(process.env.TWILIO_SID, process.env.TWILIO_AUTH_TOKEN);",
        "import twilio from 'twilio';\nconst c = twilio(sid, 'YOUR_AUTH_TOKEN');",
      ],
    },
  },
  {
    id: 'ethers-wallet',
    title: 'ethers Wallet (private key)',
    modules: ['ethers', 'ethers/wallet', '@ethersproject/wallet'],
    callees: ['new Wallet', 'new ethers.Wallet', 'new NonceManager', 'new SigningKey', 'new ethers.SigningKey'],
    slots: [{ index: 0, holds: 'secret' }],
    provenance: 'https://docs.ethers.org/v6/api/wallet/#Wallet_new',
    samples: {
      positive: [
        "import { Wallet } from 'ethers';\nnew Wallet('0x535b7401d122e65203f042d42a2c0ac8435360770ccde8cd20db947" +
          "2d8049358', provider);",
        "import { ethers } from 'ethers';\nconst pk = '535b7401d122e65203f042d42a2c0ac8435360770ccde8cd20db9472d80" +
          "49358';\nnew ethers.Wallet(pk);",
      ],
      negative: [
        "import { Wallet } from 'ethers';\nnew Wallet(process.env.PRIVATE_KEY!, provider);",
        "import { Wallet } from 'ethers';\nnew Wallet(config.signerKey, provider);",
      ],
    },
  },
  {
    id: 'mnemonic',
    title: 'wallet derivation from a mnemonic',
    modules: [
      'ethers',
      'ethers/wallet',
      '@ethersproject/wallet',
      'bip39',
      '@scure/bip39',
      'ethereum-cryptography/bip39',
    ],
    callees: [
      'Wallet.fromPhrase',
      'ethers.Wallet.fromPhrase',
      'HDNodeWallet.fromPhrase',
      'ethers.HDNodeWallet.fromPhrase',
      'Mnemonic.fromPhrase',
      'ethers.Mnemonic.fromPhrase',
      'Wallet.fromMnemonic',
      'ethers.Wallet.fromMnemonic',
      'mnemonicToSeed',
      'mnemonicToSeedSync',
      'mnemonicToEntropy',
    ],
    slots: [{ index: 0, holds: 'secret', name: 'mnemonic' }],
    provenance: 'https://github.com/bitcoin/bips/blob/master/bip-0039.mediawiki',
    samples: {
      positive: [
        "import { HDNodeWallet } from 'ethers';\nHDNodeWallet.fromPhrase('ripple garden copper hover valley slogan" +
          " brisk tunnel oyster maple glide orbit');",
        "import * as bip39 from 'bip39';\nbip39.mnemonicToSeedSync('cabin donor motion jelly wagon faint ozone sp" +
          "ider rally tiger nephew bonus');",
      ],
      negative: [
        "import { Wallet } from 'ethers';\nWallet.fromPhrase(process.env.MNEMONIC!);",
        "import * as bip39 from 'bip39';\nbip39.mnemonicToSeedSync(bip39.generateMnemonic());",
      ],
    },
  },
  {
    id: 'solana-keypair',
    title: 'Solana Keypair',
    modules: ['@solana/web3.js'],
    callees: ['Keypair.fromSecretKey', 'Keypair.fromSeed'],
    slots: [{ index: 0, holds: 'secret' }],
    provenance: 'https://solana-labs.github.io/solana-web3.js/classes/Keypair.html',
    samples: {
      positive: [
        "import { Keypair } from '@solana/web3.js';\nKeypair.fromSeed(Uint8Array.from([170, 54, 98, 15, 93, 250, " +
          '61, 193, 239, 145, 56, 28, 72, 108, 63, 49, 39, 96, 31, 141, 223, 112, 162, 113, 204, 82, 170, 54, 98, 1' +
          '5, 93, 250]));',
      ],
      negative: [
        "import { Keypair } from '@solana/web3.js';\nKeypair.fromSecretKey(Uint8Array.from(JSON.parse(raw)));",
        "import { Keypair } from '@solana/web3.js';\nKeypair.generate();",
      ],
    },
  },
  {
    id: 'web-push',
    title: 'web-push VAPID details',
    modules: ['web-push'],
    callees: ['setVapidDetails', 'default.setVapidDetails', 'sendNotification', 'default.sendNotification'],
    receivers: ['webpush', 'webPush'],
    // `setVapidDetails(subject, publicKey, privateKey)`; `sendNotification(sub, payload, { vapidDetails })`.
    slots: [
      { index: 2, holds: 'secret' },
      { index: 2, property: 'vapidDetails.privateKey', holds: 'secret' },
    ],
    provenance: 'https://github.com/web-push-libs/web-push#setvapiddetailssubject-publickey-privatekey',
    samples: {
      positive: [
        "import webpush from 'web-push';\nwebpush.setVapidDetails('mailto:ops@shop.test', PUBLIC_KEY, 'TyCfOhZJwO" +
          "OhrFdOW6OJCICUzAKxtjo_739BmU-Dktm');",
      ],
      negative: [
        "import webpush from 'web-push';\nwebpush.setVapidDetails('mailto:ops@shop.test', pub, process.env.VAPID_" +
          'PRIVATE_KEY);',
        "import webpush from 'web-push';\nwebpush.sendNotification(sub, JSON.stringify({ title: 'Order shipped' }));",
      ],
    },
  },
  {
    id: 'stripe',
    title: 'Stripe client',
    modules: ['stripe'],
    callees: ['default', 'new default', 'Stripe', 'new Stripe'],
    slots: [{ index: 0, holds: 'secret' }],
    provenance: 'https://github.com/stripe/stripe-node#usage',
    samples: {
      positive: [
        "import Stripe from 'stripe';\nnew Stripe('EjMuUB4PB2U8PbpAU4q1dgEetTFLtBOe', { apiVersion: '2024-06-20' });",
      ],
      negative: [
        "import Stripe from 'stripe';\nnew Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2024-06-20' });",
        "import Stripe from 'stripe';\nnew Stripe('sk_test_...', { apiVersion: '2024-06-20' });",
      ],
    },
  },
  {
    id: 'ai-sdk',
    title: 'AI provider SDK client',
    modules: ['openai', '@anthropic-ai/sdk', 'groq-sdk', '@mistralai/mistralai', 'together-ai', 'replicate'],
    callees: [
      'new default',
      'new OpenAI',
      'new AzureOpenAI',
      'new Anthropic',
      'new Groq',
      'new Mistral',
      'new Together',
      'new Replicate',
    ],
    slots: [
      { index: 0, property: 'apiKey', holds: 'secret' },
      { index: 0, property: 'auth', holds: 'secret' },
    ],
    provenance: 'https://github.com/openai/openai-node#usage',
    samples: {
      positive: [
        "import OpenAI from 'openai';\nnew OpenAI({ apiKey: 'sAxWlTpUbE7y65pfQWzmgKps7FTNI07hFzBysHRn' });",
        "import Anthropic from '@anthropic-ai/sdk';\nnew Anthropic({ apiKey: 'sAxWlTpUbE7y65pfQWzmgKps7FTNI07hFzBy" +
          "sHRn' });",
      ],
      negative: [
        "import OpenAI from 'openai';\nnew OpenAI({ apiKey: process.env.OPENAI_API_KEY });",
        "import OpenAI from 'openai';\nnew OpenAI({ apiKey: 'ollama', baseURL: 'http://localhost:11434/v1' });",
      ],
    },
  },
  {
    id: 'octokit',
    title: 'Octokit (GitHub API client)',
    modules: ['@octokit/rest', '@octokit/core', 'octokit'],
    callees: ['new Octokit', 'new App'],
    slots: [
      { index: 0, property: 'auth', holds: 'secret' },
      { index: 0, property: 'privateKey', holds: 'secret' },
    ],
    provenance: 'https://github.com/octokit/octokit.js#authentication',
    samples: {
      positive: [
        "import { Octokit } from '@octokit/rest';\nnew Octokit({ auth: 'sAxWlTpUbE7y65pfQWzmgKps7FTNI07hFzBysHRn' });",
      ],
      negative: ["import { Octokit } from '@octokit/rest';\nnew Octokit({ auth: process.env.GITHUB_TOKEN });"],
    },
  },
  {
    id: 'api-key-setter',
    title: 'API client key setter',
    modules: ['@sendgrid/mail', '@sendgrid/client', '@mailchimp/mailchimp_transactional', '@google/generative-ai'],
    callees: ['setApiKey', 'default.setApiKey', 'default', 'new GoogleGenerativeAI'],
    receivers: ['sgMail'],
    slots: [{ index: 0, holds: 'secret' }],
    provenance: 'https://github.com/sendgrid/sendgrid-nodejs/tree/main/packages/mail#quick-start-hello-email',
    samples: {
      positive: ["import sgMail from '@sendgrid/mail';\nsgMail.setApiKey('sAxWlTpUbE7y65pfQWzmgKps7FTNI07hFzBysHRn');"],
      negative: ["import sgMail from '@sendgrid/mail';\nsgMail.setApiKey(process.env.SENDGRID_API_KEY!);"],
    },
  },
  {
    id: 'pusher',
    title: 'Pusher server client',
    modules: ['pusher'],
    callees: ['new default', 'new Pusher'],
    // `key` is the app's public key (it ships to browsers); `secret` signs.
    slots: [{ index: 0, property: 'secret', holds: 'secret' }],
    provenance: 'https://github.com/pusher/pusher-http-node#configuration',
    samples: {
      positive: [
        "import Pusher from 'pusher';\nnew Pusher({ appId: '1712345', key: 'aa36620f5dfa3dc1ef91', secret: '27601f" +
          "8ddf70a271cc52', cluster: 'eu' });",
      ],
      negative: [
        "import Pusher from 'pusher';\nnew Pusher({ appId: '1712345', key: 'aa36620f5dfa3dc1ef91', secret: env.PU" +
          'SHER_SECRET });',
      ],
    },
  },
  {
    id: 'next-auth',
    title: 'NextAuth / Auth.js',
    modules: ['next-auth', '@auth/core', '@auth/express'],
    callees: ['default', 'NextAuth', 'Auth', 'ExpressAuth'],
    slots: [
      { index: 0, property: 'secret', holds: 'secret' },
      { index: 0, property: 'jwt.secret', holds: 'secret' },
    ],
    provenance: 'https://next-auth.js.org/configuration/options#secret',
    samples: {
      positive: [
        "import NextAuth from 'next-auth';\nexport default NextAuth({ secret: 'wsqWRkJSddmFaVwDwwXsUumG3HC89WET'," +
          ' providers: [] });',
      ],
      negative: [
        "import NextAuth from 'next-auth';\nexport default NextAuth({ secret: process.env.NEXTAUTH_SECRET, provid" +
          'ers: [] });',
      ],
    },
  },
  {
    id: 'oauth-strategy',
    title: 'OAuth strategy or provider',
    modules: ['passport-*', '@node-saml/passport-saml', 'next-auth/providers/*', '@auth/core/providers/*'],
    callees: ['new Strategy', 'new default', 'new *Strategy', 'default', '*Provider'],
    slots: [
      { index: 0, property: 'clientSecret', holds: 'secret' },
      { index: 0, property: 'consumerSecret', holds: 'secret' },
    ],
    provenance: 'https://www.passportjs.org/concepts/oauth2/',
    samples: {
      positive: [
        "import { Strategy } from 'passport-github2';\nnew Strategy({ clientID: 'Iv1.0a1b', clientSecret: '27601f8" +
          "ddf70a271cc52', callbackURL: '/cb' }, verify);",
      ],
      negative: [
        "import { Strategy } from 'passport-github2';\nnew Strategy({ clientID: id, clientSecret: process.env.GH_SE" +
          "CRET!, callbackURL: '/cb' }, verify);",
      ],
    },
  },
  {
    id: 'cdk-secret-value',
    title: 'plain-text secret value of an infrastructure program',
    modules: ['aws-cdk-lib', '@aws-cdk/core', 'cdktf'],
    callees: ['SecretValue.unsafePlainText', 'SecretValue.plainText'],
    slots: [{ index: 0, holds: 'secret' }],
    provenance:
      'https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.SecretValue.html#static-unsafewbrplainwbrtextsecret',
    samples: {
      positive: [
        "import { SecretValue } from 'aws-cdk-lib';\nSecretValue.unsafePlainText('EjMuUB4PB2U8PbpAU4q1dgEetTFLtBOe');",
      ],
      negative: ["import { SecretValue } from 'aws-cdk-lib';\nSecretValue.secretsManager('prod/partner-api');"],
    },
  },
  {
    id: 'secret-store-write',
    title: 'secret or parameter written by an infrastructure program',
    modules: [
      'aws-cdk-lib/aws-ssm',
      '@aws-cdk/aws-ssm',
      '@pulumi/aws',
      '@cdktf/provider-aws/lib/ssm-parameter',
      '@cdktf/provider-aws/lib/secretsmanager-secret-version',
    ],
    callees: [
      'new StringParameter',
      'new CfnParameter',
      'new ssm.Parameter',
      'new secretsmanager.SecretVersion',
      'new SsmParameter',
      'new SecretsmanagerSecretVersion',
    ],
    // A secret version's string is a secret by what it is; a parameter's value by the name it is given.
    slots: [
      {
        index: 2,
        property: 'stringValue',
        holds: 'named',
        names: [{ index: 1 }, { index: 2, property: 'parameterName' }],
      },
      { index: 2, property: 'value', holds: 'named', names: [{ index: 1 }, { index: 2, property: 'name' }] },
      { index: 1, property: 'value', holds: 'named', names: [{ index: 0 }, { index: 1, property: 'name' }] },
      { index: 1, property: 'secretString', holds: 'secret' },
      { index: 2, property: 'secretString', holds: 'secret' },
    ],
    provenance: 'https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_ssm.StringParameter.html',
    samples: {
      positive: [
        "import * as ssm from 'aws-cdk-lib/aws-ssm';\nnew ssm.StringParameter(this, 'PartnerApiKey', { stringValu" +
          "e: 'sAxWlTpUbE7y65pfQWzmgKps7FTNI07hFzBysHRn' });",
        "import * as aws from '@pulumi/aws';\nnew aws.secretsmanager.SecretVersion('partner', { secretId: s.id, se" +
          "cretString: 'sAxWlTpUbE7y65pfQWzmgKps7FTNI07hFzBysHRn' });",
      ],
      negative: [
        "import * as ssm from 'aws-cdk-lib/aws-ssm';\nnew ssm.StringParameter(this, 'PartnerEndpoint', { stringVa" +
          "lue: 'https://partner.test/api' });",
        "import * as ssm from 'aws-cdk-lib/aws-ssm';\nnew ssm.StringParameter(this, 'BuildId', { stringValue: 'sA" +
          "xWlTpUbE7y65pfQWzmgKps7FTNI07hFzBysHRn' });",
      ],
    },
  },
  {
    id: 'postmark',
    title: 'Postmark client',
    modules: ['postmark'],
    callees: ['new ServerClient', 'new AccountClient', 'new Client'],
    // The server and account tokens are UUID-shaped: a UUID in this slot is the credential itself.
    slots: [{ index: 0, holds: 'token' }],
    provenance: 'https://postmarkapp.com/developer/integration/official-libraries#node-js',
    samples: {
      positive: [
        "import * as postmark from 'postmark';\nnew postmark.ServerClient('3c7f1a9e-52b4-4d0e-8a6f-b1c2d3e4f5a6');",
        "import { AccountClient } from 'postmark';\nnew AccountClient('9e8d7c6b-5a49-4382-b716-05f4e3d2c1b0');",
      ],
      negative: [
        "import * as postmark from 'postmark';\nnew postmark.ServerClient(process.env.POSTMARK_SERVER_TOKEN!);",
        "import * as postmark from 'postmark';\nnew postmark.ServerClient('POSTMARK_API_TEST');",
      ],
    },
  },
  {
    id: 'mailgun',
    title: 'Mailgun client',
    modules: ['mailgun.js', 'mailgun-js'],
    callees: ['new default().client', 'new Mailgun().client', 'default'],
    slots: [
      { index: 0, property: 'key', holds: 'secret' },
      { index: 0, property: 'apiKey', holds: 'secret' },
    ],
    provenance: 'https://github.com/mailgun/mailgun.js#setup-client',
    samples: {
      positive: [
        "import Mailgun from 'mailgun.js';\nconst mailgun = new Mailgun(FormData);\nmailgun.client({ username: 'api" +
          "', key: '5f1c9e27b3d84a6c0e2f7a91b8d3c4e6-3e4f5a6b-c7d8e9f0' });",
      ],
      negative: [
        "import Mailgun from 'mailgun.js';\nconst mailgun = new Mailgun(FormData);\nmailgun.client({ username: 'api" +
          "', key: process.env.MAILGUN_API_KEY! });",
      ],
    },
  },
  {
    id: 'ldap-bind',
    title: 'LDAP bind',
    modules: ['ldapjs', 'ldapts'],
    callees: ['createClient().bind', 'new Client().bind', 'default.createClient().bind'],
    // `client.bind(dn, password, callback)`: the bind DN is an identity, the second argument its password.
    slots: [{ index: 1, holds: 'password' }],
    provenance: 'https://github.com/ldapts/ldapts#bind',
    samples: {
      positive: [
        "import { Client } from 'ldapts';\nconst client = new Client({ url: 'ldaps://ldap.corp.test' });\nawait cli" +
          "ent.bind('cn=svc,dc=corp,dc=test', 'Rk7vQ2mW9x');",
        "import ldap from 'ldapjs';\nconst client = ldap.createClient({ url: 'ldap://dir' });\nclient.bind('cn=adm" +
          "in', 'Zp4nT8wL2q', cb);",
      ],
      negative: [
        "import { Client } from 'ldapts';\nconst client = new Client({ url: 'ldaps://ldap.corp.test' });\nawait cli" +
          'ent.bind(bindDn, process.env.LDAP_BIND_PASSWORD!);',
      ],
    },
  },
  {
    id: 'chat-bot-token',
    title: 'chat bot client',
    modules: ['discord.js', '@discordjs/rest', 'node-telegram-bot-api', 'telegraf', 'grammy', '@slack/web-api'],
    callees: ['new Client().login', 'new REST().setToken', 'new default', 'new Telegraf', 'new Bot', 'new WebClient'],
    slots: [{ index: 0, holds: 'secret', name: 'token' }],
    provenance: 'https://discord.js.org/docs/packages/discord.js/main/Client:Class#login',
    samples: {
      positive: [
        "import { Client } from 'discord.js';\nconst client = new Client({ intents: [] });\nclient.login('MTk4NjIy" +
          "NDgzNDcxOTI1MjQ4.Gv7KqP.Xq2LmZ8rT4wN6bH1jC5vF9dS3aE7uY0iO2pK');",
        "import TelegramBot from 'node-telegram-bot-api';\nnew TelegramBot('7310482956:AAE' + 'kQ2vN8xL4mR7tZ1wP5sY" +
          "9bC3dF6gH0jK', { polling: true });",
      ],
      negative: [
        "import { Client } from 'discord.js';\nconst client = new Client({ intents: [] });\nclient.login(process.en" +
          'v.DISCORD_TOKEN);',
        "import { Bot } from 'grammy';\nnew Bot(process.env.BOT_TOKEN!);",
      ],
    },
  },
  {
    id: 'slack-bolt',
    title: 'Slack Bolt app',
    modules: ['@slack/bolt'],
    callees: ['new App', 'new ExpressReceiver', 'new HTTPReceiver'],
    slots: [
      { index: 0, property: 'signingSecret', holds: 'secret' },
      { index: 0, property: 'token', holds: 'secret' },
      { index: 0, property: 'clientSecret', holds: 'secret' },
      { index: 0, property: 'appToken', holds: 'secret' },
      { index: 0, property: 'stateSecret', holds: 'secret' },
    ],
    provenance: 'https://slack.dev/bolt-js/getting-started',
    samples: {
      positive: [
        "import { App } from '@slack/bolt';\nnew App({ token: process.env.SLACK_BOT_TOKEN, signingSecret: '8f2c4e6a" +
          "1b3d5f7092a4c6e8b0d2f416' });",
      ],
      negative: [
        "import { App } from '@slack/bolt';\nnew App({ token: process.env.SLACK_BOT_TOKEN, signingSecret: process." +
          'env.SLACK_SIGNING_SECRET });',
      ],
    },
  },
  {
    id: 'ably',
    title: 'Ably client',
    modules: ['ably'],
    callees: [
      'new Rest',
      'new Realtime',
      'new default.Rest',
      'new default.Realtime',
      'new Ably.Rest',
      'new Ably.Realtime',
    ],
    // An API key `appId.keyId:secret`, given alone or as `key`; token auth (`authUrl`) keeps it on the server.
    slots: [
      { index: 0, holds: 'secret', name: 'apiKey' },
      { index: 0, property: 'key', holds: 'secret' },
    ],
    provenance: 'https://ably.com/docs/auth/basic',
    samples: {
      positive: [
        "import Ably from 'ably';\nnew Ably.Rest({ key: 'q3Xz9A.Lk2vPw:Tq8rZ4mN6xW2vL9kP3jH7bF1' });",
        "import * as Ably from 'ably';\nnew Ably.Realtime('q3Xz9A.Lk2vPw:Tq8rZ4mN6xW2vL9kP3jH7bF1');",
      ],
      negative: [
        "import Ably from 'ably';\nnew Ably.Realtime({ authUrl: '/api/ably/token' });",
        "import Ably from 'ably';\nnew Ably.Rest({ key: process.env.ABLY_API_KEY });",
      ],
    },
  },
  {
    id: 'vault',
    title: 'HashiCorp Vault client',
    modules: ['node-vault', 'hashi-vault-js'],
    callees: ['default', 'new default'],
    slots: [{ index: 0, property: 'token', holds: 'secret' }],
    provenance: 'https://github.com/nodevault/node-vault#usage',
    samples: {
      positive: [
        "import vault from 'node-vault';\nvault({ endpoint: 'https://vault.internal:8200', token: 'hvs.CAESIGq7Lx" +
          "2Vm9Rk4Tn8Wb3Zc6Jd1' });",
      ],
      negative: [
        "import vault from 'node-vault';\nvault({ endpoint: 'https://vault.internal:8200', token: process.env.VAUL" +
          'T_TOKEN });',
      ],
    },
  },
  {
    // AppRole: the role id names the role, the secret id is its password (a UUID by Vault's default).
    id: 'vault-approle-login',
    title: 'HashiCorp Vault AppRole login',
    modules: ['node-vault'],
    callees: ['default().approleLogin'],
    slots: [{ index: 0, property: 'secret_id', holds: 'secret' }],
    provenance: 'https://developer.hashicorp.com/vault/docs/auth/approle',
    samples: {
      positive: [
        "import vault from 'node-vault';\nconst v = vault({ endpoint: u });\nawait v.approleLogin({ role_id: 'app', " +
          "secret_id: '5d1f0c7a-92be-4e3d-8b6f-0a4c2e9d7b31' });",
      ],
      negative: [
        "import vault from 'node-vault';\nconst v = vault({ endpoint: u });\nawait v.approleLogin({ role_id: " +
          "'6c2a9e1b-3f4d-4a5b-9c8d-7e6f5a4b3c2d', secret_id: process.env.VAULT_SECRET_ID });",
      ],
    },
  },
  {
    id: 'azure-client-secret',
    title: 'Azure client secret credential',
    modules: ['@azure/identity'],
    callees: ['new ClientSecretCredential'],
    // `ClientSecretCredential(tenantId, clientId, clientSecret)`: the ids are identifiers, the third the secret.
    slots: [{ index: 2, holds: 'secret', name: 'clientSecret' }],
    provenance: 'https://learn.microsoft.com/en-us/javascript/api/@azure/identity/clientsecretcredential',
    samples: {
      positive: [
        "import { ClientSecretCredential } from '@azure/identity';\nnew ClientSecretCredential(tenantId, clientId, " +
          "'Xq8~Lk2vP.w9Rz4mN6xT_b3Jc7dF1gH5yS0uE');",
      ],
      negative: [
        "import { ClientSecretCredential } from '@azure/identity';\nnew ClientSecretCredential('0b6d3a52-8c1e-4f7a" +
          "-9d2b-5e6f7a8b9c0d', '7c1e0d2f-3a4b-4c5d-8e9f-0a1b2c3d4e5f', process.env.AZURE_CLIENT_SECRET!);",
      ],
    },
  },
  {
    id: 'azure-shared-key',
    title: 'Azure shared key credential',
    modules: ['@azure/storage-blob', '@azure/storage-queue', '@azure/storage-file-share', '@azure/data-tables'],
    callees: ['new StorageSharedKeyCredential', 'new AzureNamedKeyCredential'],
    // `StorageSharedKeyCredential(accountName, accountKey)`: the account name is public, the key secret.
    slots: [{ index: 1, holds: 'secret', name: 'accountKey' }],
    provenance: 'https://learn.microsoft.com/en-us/javascript/api/@azure/storage-blob/storagesharedkeycredential',
    samples: {
      positive: [
        "import { StorageSharedKeyCredential } from '@azure/storage-blob';\nnew StorageSharedKeyCredential('shopda" +
          "ta', 'Tq8rZ4mN6xW2vL9kP3jH7bF1cD5gS0aE2iO4uY6tR8eW1qZ3xC5vB7nM9kL2jH4gF6dS8aP0oI2uY4tR6eW8qA==');",
      ],
      negative: [
        "import { StorageSharedKeyCredential } from '@azure/storage-blob';\nnew StorageSharedKeyCredential('shopda" +
          "ta', process.env.AZURE_STORAGE_KEY!);",
      ],
    },
  },
  {
    id: 'azure-key-credential',
    title: 'Azure key credential',
    modules: ['@azure/core-auth', '@azure/search-documents', '@azure/ai-form-recognizer', '@azure/openai'],
    callees: ['new AzureKeyCredential'],
    slots: [{ index: 0, holds: 'secret', name: 'apiKey' }],
    provenance: 'https://learn.microsoft.com/en-us/javascript/api/@azure/core-auth/azurekeycredential',
    samples: {
      positive: [
        "import { AzureKeyCredential } from '@azure/core-auth';\n" +
          "new AzureKeyCredential('9d2e81c4b7a03f65d8e1c2b4a6f80e13');",
      ],
      negative: [
        "import { AzureKeyCredential } from '@azure/core-auth';\nnew AzureKeyCredential(process.env.SEARCH_KEY!);",
      ],
    },
  },
  {
    id: 'azure-key-option',
    title: 'Azure data client',
    modules: ['@azure/cosmos'],
    callees: ['new CosmosClient'],
    slots: [{ index: 0, property: 'key', holds: 'secret' }],
    provenance: 'https://learn.microsoft.com/en-us/javascript/api/@azure/cosmos/cosmosclient',
    samples: {
      positive: [
        "import { CosmosClient } from '@azure/cosmos';\nnew CosmosClient({ endpoint: 'https://shop.documents.azure" +
          ".com', key: 'Tq8rZ4mN6xW2vL9kP3jH7bF1cD5gS0aE2iO4uY6tR8eW1qZ3xC5vB7nM9kL2jH4gF6dS8aP0oI2uY4tR6eW8qA==' });",
      ],
      negative: [
        "import { CosmosClient } from '@azure/cosmos';\nnew CosmosClient({ endpoint, key: process.env.COSMOS_KEY });",
      ],
    },
  },
  {
    id: 'fast-jwt',
    title: 'fast-jwt signer or verifier',
    modules: ['fast-jwt'],
    callees: ['createSigner', 'createVerifier', 'createDecoder'],
    slots: [{ index: 0, property: 'key', holds: 'secret' }],
    provenance: 'https://github.com/nearform/fast-jwt#createsigner',
    samples: {
      positive: ["import { createSigner } from 'fast-jwt';\ncreateSigner({ key: 'Qm7vR2kL9xT4wN8zP3jH6bF1' });"],
      negative: [
        "import { createSigner } from 'fast-jwt';\ncreateSigner({ key: process.env.JWT_KEY, expiresIn: 3600000 });",
        "import { createSigner } from 'fast-jwt';\ncreateSigner({ key: async () => fetchKey() });",
      ],
    },
  },
  {
    id: 'noble-hmac',
    title: 'noble HMAC key',
    modules: ['@noble/hashes/hmac', '@noble/hashes/hmac.js', '@noble/hashes'],
    callees: ['hmac', 'hmac.create'],
    // `hmac(sha256, key, message)`.
    slots: [{ index: 1, holds: 'secret', name: 'key' }],
    provenance: 'https://github.com/paulmillr/noble-hashes#hmac',
    samples: {
      positive: [
        "import { hmac } from '@noble/hashes/hmac.js';\nimport { sha256 } from '@noble/hashes/sha2.js';\nimport { u" +
          "tf8ToBytes } from '@noble/hashes/utils.js';\nhmac(sha256, utf8ToBytes('Qm7vR2kL9xT4wN8zP3jH6bF1'), msg);",
      ],
      negative: [
        "import { hmac } from '@noble/hashes/hmac.js';\nimport { sha256 } from '@noble/hashes/sha2.js';\nhmac(sha25" +
          '6, sessionKey, msg);',
      ],
    },
  },
  {
    id: 'noble-curves',
    title: 'elliptic-curve private key',
    modules: ['@noble/curves/*', '@noble/secp256k1', '@noble/ed25519'],
    callees: [
      'secp256k1.getPublicKey',
      'secp256k1.getSharedSecret',
      'p256.getPublicKey',
      'p256.getSharedSecret',
      'ed25519.getPublicKey',
      'x25519.getSharedSecret',
      'x25519.getPublicKey',
      'getPublicKey',
      'getPublicKeyAsync',
      'getSharedSecret',
    ],
    slots: [{ index: 0, holds: 'bytes' }],
    provenance: 'https://github.com/paulmillr/noble-curves#usage',
    samples: {
      positive: [
        "import { secp256k1 } from '@noble/curves/secp256k1.js';\nsecp256k1.getPublicKey('5c1f9e27b3d84a6c0e2f7a9" +
          "1b8d3c4e65c1f9e27b3d84a6c0e2f7a91b8d3c4e6');",
      ],
      negative: [
        "import { secp256k1 } from '@noble/curves/secp256k1.js';\nsecp256k1.getPublicKey(secp256k1.utils.randomPri" +
          'vateKey());',
      ],
    },
  },
  {
    id: 'noble-curves-sign',
    title: 'elliptic-curve signing key',
    modules: ['@noble/curves/*', '@noble/secp256k1', '@noble/ed25519'],
    callees: ['secp256k1.sign', 'p256.sign', 'p384.sign', 'ed25519.sign', 'schnorr.sign', 'sign', 'signAsync'],
    // `sign(message, privateKey)`.
    slots: [{ index: 1, holds: 'bytes' }],
    provenance: 'https://github.com/paulmillr/noble-curves#usage',
    samples: {
      positive: [
        "import { ed25519 } from '@noble/curves/ed25519.js';\ned25519.sign(msg, '5c1f9e27b3d84a6c0e2f7a91b8d3c4e65c" +
          "1f9e27b3d84a6c0e2f7a91b8d3c4e6');",
      ],
      negative: ["import { ed25519 } from '@noble/curves/ed25519.js';\ned25519.sign(msg, signingKey);"],
    },
  },
  {
    id: 'viem-account',
    title: 'viem local account',
    modules: ['viem/accounts', 'viem'],
    callees: ['privateKeyToAccount', 'mnemonicToAccount', 'hdKeyToAccount'],
    slots: [{ index: 0, holds: 'secret', name: 'privateKey' }],
    provenance: 'https://viem.sh/docs/accounts/local/privateKeyToAccount',
    samples: {
      positive: [
        "import { privateKeyToAccount } from 'viem/accounts';\nprivateKeyToAccount('0x5c1f9e27b3d84a6c0e2f7a91b8d" +
          "3c4e65c1f9e27b3d84a6c0e2f7a91b8d3c4e6');",
      ],
      negative: [
        "import { privateKeyToAccount, generatePrivateKey } from 'viem/accounts';\nprivateKeyToAccount(generatePri" +
          'vateKey());',
        "import { privateKeyToAccount } from 'viem/accounts';\nprivateKeyToAccount(process.env.PRIVATE_KEY as `0x$" +
          '{string}`);',
      ],
    },
  },
  {
    id: 'aes-js',
    title: 'aes-js cipher key',
    modules: ['aes-js'],
    callees: [
      'new ModeOfOperation.ctr',
      'new ModeOfOperation.cbc',
      'new ModeOfOperation.ecb',
      'new ModeOfOperation.cfb',
      'new ModeOfOperation.ofb',
      'new AES',
    ],
    // `new aesjs.ModeOfOperation.ctr(keyBytes, counter)`: key bytes first.
    slots: [{ index: 0, holds: 'bytes' }],
    provenance: 'https://github.com/ricmoo/aes-js#ctr---counter-recommended',
    samples: {
      positive: [
        "import aesjs from 'aes-js';\nnew aesjs.ModeOfOperation.ctr([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14" +
          ', 15, 16], new aesjs.Counter(5));',
      ],
      negative: [
        "import aesjs from 'aes-js';\nnew aesjs.ModeOfOperation.ctr(aesjs.utils.hex.toBytes(process.env.KEY_HEX!)" +
          ', new aesjs.Counter(5));',
      ],
    },
  },
  {
    id: 'jsrsasign-key',
    title: 'jsrsasign JWS key',
    modules: ['jsrsasign'],
    callees: ['KJUR.jws.JWS.sign', 'KJUR.jws.JWS.verify', 'KJUR.jws.JWS.verifyJWT'],
    // `JWS.sign(alg, header, payload, key)`; `verify(jws, key)`; an HMAC key may be `{ utf8 | hex | b64: '…' }`.
    slots: [
      { index: 3, holds: 'secret', name: 'key' },
      { index: 3, property: 'utf8', holds: 'secret' },
      { index: 3, property: 'hex', holds: 'secret' },
      { index: 3, property: 'b64', holds: 'secret' },
      { index: 1, property: 'utf8', holds: 'secret' },
    ],
    provenance: 'https://kjur.github.io/jsrsasign/api/symbols/KJUR.jws.JWS.html',
    samples: {
      positive: [
        "import { KJUR } from 'jsrsasign';\nKJUR.jws.JWS.sign('HS256', header, payload, { utf8: 'Qm7vR2kL9xT4wN8zP" +
          "3jH6bF1' });",
      ],
      negative: ["import { KJUR } from 'jsrsasign';\nKJUR.jws.JWS.sign('HS256', header, payload, { utf8: secret });"],
    },
  },
  {
    id: 'sjcl',
    title: 'SJCL password encryption',
    modules: ['sjcl'],
    callees: ['encrypt', 'decrypt'],
    slots: [{ index: 0, holds: 'secret', name: 'password' }],
    provenance: 'https://bitwiseshiftleft.github.io/sjcl/doc/',
    samples: {
      positive: ["import sjcl from 'sjcl';\nsjcl.encrypt('Qm7vR2kL9xT4wN8zP3jH6bF1', plaintext);"],
      negative: ["import sjcl from 'sjcl';\nsjcl.encrypt(userPassword, plaintext);"],
    },
  },
  {
    id: 'totp-secret',
    title: 'one-time-password secret',
    modules: ['@oslojs/otp', 'otplib', 'speakeasy'],
    callees: [
      'generateTOTP',
      'verifyTOTP',
      'generateHOTP',
      'verifyHOTP',
      'authenticator.generate',
      'totp.generate',
      'totp',
      'totp.verify',
    ],
    // `generateTOTP(key, …)`, `authenticator.generate(secret)`, `speakeasy.totp({ secret })`.
    slots: [
      { index: 0, holds: 'secret', name: 'secret' },
      { index: 0, property: 'secret', holds: 'secret' },
    ],
    provenance: 'https://github.com/oslo-project/otp',
    samples: {
      positive: ["import { authenticator } from 'otplib';\nauthenticator.generate('KZ7QXM2LT4WN8RPJ6BF1HD3G');"],
      negative: ["import { authenticator } from 'otplib';\nauthenticator.generate(user.totpSecret);"],
    },
  },
  {
    id: 'wallet-private-key',
    title: 'wallet private key',
    modules: ['web3', 'ecpair', 'bitcoinjs-lib', '@solana/kit', '@solana/keys', '@solana/signers'],
    callees: [
      'new default().privateKeyToAccount',
      'new default().add',
      'new Web3().privateKeyToAccount',
      'new Web3().add',
      'ECPairFactory().fromPrivateKey',
      'ECPairFactory().fromWIF',
      'ECPair.fromPrivateKey',
      'ECPair.fromWIF',
      'createKeyPairSignerFromBytes',
      'createKeyPairFromBytes',
      'createKeyPairSignerFromPrivateKeyBytes',
      'createKeyPairFromPrivateKeyBytes',
    ],
    // web3.js `eth.accounts.privateKeyToAccount(pk)` / `wallet.add(pk)`, ecpair `fromPrivateKey(bytes)` /
    // `fromWIF(wif)`, @solana/kit `createKeyPairSignerFromBytes(bytes)`: the first argument is the private key.
    slots: [{ index: 0, holds: 'secret', name: 'privateKey' }],
    provenance: 'https://docs.web3js.org/libdocs/Accounts#privatekeytoaccount',
    samples: {
      positive: [
        "import Web3 from 'web3';\nconst web3 = new Web3(rpc);\nweb3.eth.accounts.privateKeyToAccount('0x5c1f9e27b3" +
          "d84a6c0e2f7a91b8d3c4e65c1f9e27b3d84a6c0e2f7a91b8d3c4e6');",
        "import { ECPairFactory } from 'ecpair';\nconst ECPair = ECPairFactory(ecc);\nECPair.fromPrivateKey(Buffer.f" +
          "rom('5c1f9e27b3d84a6c0e2f7a91b8d3c4e65c1f9e27b3d84a6c0e2f7a91b8d3c4e6', 'hex'));",
      ],
      negative: [
        "import Web3 from 'web3';\nconst web3 = new Web3(rpc);\nweb3.eth.accounts.privateKeyToAccount(process.env.D" +
          'EPLOYER_KEY!);',
        "import { ECPairFactory } from 'ecpair';\nconst ECPair = ECPairFactory(ecc);\nECPair.makeRandom();",
      ],
    },
  },
  {
    id: 'message-signing-secret',
    title: 'message signing or sealing secret',
    modules: ['cookie-signature', '@hapi/iron', 'iron-webcrypto', 'csrf-csrf', '@vonage/server-sdk'],
    callees: ['sign', 'unsign', 'seal', 'unseal', 'doubleCsrf', 'new Vonage'],
    // cookie-signature `sign(value, secret)`, Iron `seal(object, password, options)`, csrf-csrf
    // `doubleCsrf({ getSecret })`, Vonage `new Vonage({ apiKey, apiSecret })`.
    slots: [
      { index: 1, holds: 'secret', name: 'secret' },
      { index: 0, property: 'getSecret', holds: 'secret' },
      { index: 0, property: 'apiSecret', holds: 'secret' },
      { index: 0, property: 'signatureSecret', holds: 'secret' },
    ],
    provenance: 'https://github.com/tj/node-cookie-signature#usage',
    samples: {
      positive: [
        "import { sign } from 'cookie-signature';\nsign(value, 'Qm7vR2kL9xT4wN8zP3jH6bF1');",
        "import { doubleCsrf } from 'csrf-csrf';\ndoubleCsrf({ getSecret: () => 'Qm7vR2kL9xT4wN8zP3jH6bF1' });",
      ],
      negative: [
        "import { sign } from 'cookie-signature';\nsign(value, process.env.COOKIE_SECRET!);",
        "import { doubleCsrf } from 'csrf-csrf';\ndoubleCsrf({ getSecret: (req) => req.session.csrfSecret });",
      ],
    },
  },
  {
    id: 'basic-auth-users',
    title: 'express-basic-auth users',
    modules: ['express-basic-auth'],
    callees: ['default'],
    // `basicAuth({ users: { admin: 'password' } })`: each value is a user's password.
    slots: [{ index: 0, property: 'users.*', holds: 'password' }],
    provenance: 'https://github.com/LionC/express-basic-auth#static-users',
    samples: {
      positive: ["import basicAuth from 'express-basic-auth';\nbasicAuth({ users: { admin: 'Zp4nT8wL2q' } });"],
      negative: [
        "import basicAuth from 'express-basic-auth';\nbasicAuth({ users: { admin: process.env.ADMIN_PASSWORD! } });",
      ],
    },
  },
];
