/**
 * no-logged-key on shapes written the way public code writes them (issue 11): error trackers and process
 * output, issued tokens, key pairs through their encoders, request headers and bodies, credential tokens
 * held in class fields, child loggers, config reads by secret name; and their near misses.
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-logged-key (idioms)', rule, {
  valid: [
    {
      // private key written to its own key file, owner-only (its store, as ssh-keygen writes it)
      code: "import { generateKeyPairSync } from 'node:crypto';\nimport { writeFileSync } from 'node:fs';\nimport { join } from 'node:path';\nexport function keygen(dir: string, name: string): string {\n  const { privateKey, publicKey } = generateKeyPairSync('ed25519');\n  writeFileSync(join(dir, `${name}.pem`), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });\n  return publicKey.export({ type: 'spki', format: 'pem' }).toString();\n}\n",
      filename: 'src/keygen.ts',
    },
    {
      // public members of key pairs and wallets
      code: "const { ethers } = require('ethers');\nconst nacl = require('tweetnacl');\nconst sodium = require('libsodium-wrappers');\nfunction show() {\n  const wallet = ethers.Wallet.createRandom();\n  console.log('address', wallet.address);\n  const { address } = ethers.Wallet.createRandom();\n  console.log(address);\n  const pair = nacl.box.keyPair();\n  console.log(Buffer.from(pair.publicKey).toString('base64'));\n  const kp = sodium.crypto_box_keypair();\n  console.log(sodium.to_base64(kp.publicKey));\n}\nmodule.exports = { show };\n",
      filename: 'src/wallet-public.js',
    },
    {
      // one single non-credential header; a body logged by a handler that reads no secret from it
      code: "const express = require('express');\nconst app = express();\napp.post('/comments', (req, res) => {\n  console.log('comment from', req.headers['user-agent']);\n  const { author, text } = req.body;\n  console.log('new comment', req.body);\n  res.json({ author, text });\n});\n",
      filename: 'src/comments.js',
    },
    {
      // config reads of non-secret names, ids and paging tokens; Sentry exceptions and tags
      code: "import * as Sentry from '@sentry/node';\nimport pino from 'pino';\nconst log = pino();\nexport function boot(config: { get(k: string): string | undefined }, page: { nextPageToken: string }) {\n  log.info(`port ${config.get('PORT')} key id ${config.get('JWT_SECRET_ID')}`);\n  log.info({ nextPageToken: page.nextPageToken }, 'listing');\n  Sentry.setTag('region', config.get('AWS_REGION'));\n  try {\n    return JSON.parse(config.get('FEATURES') ?? '{}');\n  } catch (err) {\n    Sentry.captureException(err);\n  }\n}\n",
      filename: 'src/settings.ts',
    },
    {
      // a lookup key beside a TTL is not a cipher key; a token returned in a response is not logged
      code: "import pino from 'pino';\nimport jwt from 'jsonwebtoken';\nconst log = pino();\nexport function cached(cacheKey: string, ttl: number, res: { json(b: unknown): void }, kid: string) {\n  log.debug({ key: cacheKey, ttl }, 'cache hit');\n  const token = jwt.sign({ sub: 'u1' }, process.env.JWT_SECRET ?? '', { keyid: kid });\n  res.json({ token });\n}\n",
      filename: 'src/cache.ts',
    },
  ],
  invalid: [
    {
      // a rejected bearer token sent to Sentry, a password in a breadcrumb
      code: "const Sentry = require('@sentry/node');\nconst jwt = require('jsonwebtoken');\nfunction check(req) {\n  const bearer = (req.headers.authorization || '').replace(/^Bearer /, '');\n  try {\n    return jwt.verify(bearer, process.env.JWT_PUBLIC_KEY);\n  } catch (err) {\n    Sentry.captureMessage(`token rejected: ${bearer}`);\n    return null;\n  }\n}\nfunction login(username, password) {\n  Sentry.addBreadcrumb({ category: 'auth', data: { username, password } });\n}\nmodule.exports = { check, login };\n",
      filename: 'src/auth.js',
      errors: [
        {
          messageId: 'loggedKey',
          line: 8,
          column: 46,
          endLine: 8,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "const Sentry = require('@sentry/node');\nconst jwt = require('jsonwebtoken');\nfunction check(req) {\n  const bearer = (req.headers.authorization || '').replace(/^Bearer /, '');\n  try {\n    return jwt.verify(bearer, process.env.JWT_PUBLIC_KEY);\n  } catch (err) {\n    Sentry.captureMessage(`token rejected: [redacted]`);\n    return null;\n  }\n}\nfunction login(username, password) {\n  Sentry.addBreadcrumb({ category: 'auth', data: { username, password } });\n}\nmodule.exports = { check, login };\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 13,
          column: 62,
          endLine: 13,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "const Sentry = require('@sentry/node');\nconst jwt = require('jsonwebtoken');\nfunction check(req) {\n  const bearer = (req.headers.authorization || '').replace(/^Bearer /, '');\n  try {\n    return jwt.verify(bearer, process.env.JWT_PUBLIC_KEY);\n  } catch (err) {\n    Sentry.captureMessage(`token rejected: ${bearer}`);\n    return null;\n  }\n}\nfunction login(username, password) {\n  Sentry.addBreadcrumb({ category: 'auth', data: { username, password: '[redacted]' } });\n}\nmodule.exports = { check, login };\n",
            },
          ],
        },
      ],
    },
    {
      // the whole environment written to stdout
      code: "const util = require('node:util');\nfunction dump() {\n  process.stdout.write(util.inspect(process.env) + '\\n');\n}\nmodule.exports = { dump };\n",
      filename: 'src/dump.js',
      errors: [
        {
          messageId: 'envDump',
          line: 3,
          column: 37,
          endLine: 3,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'logNamesOnly',
              output:
                "const util = require('node:util');\nfunction dump() {\n  process.stdout.write(util.inspect(Object.keys(process.env)) + '\\n');\n}\nmodule.exports = { dump };\n",
            },
          ],
        },
      ],
    },
    {
      // an issued JWT logged through a Nest Logger and a jose token through console
      code: "import { Logger } from '@nestjs/common';\nimport * as jwt from 'jsonwebtoken';\nimport { SignJWT } from 'jose';\nconst logger = new Logger('tokens');\nexport async function issue(sub: string, secret: Uint8Array, kid: string) {\n  const access = jwt.sign({ sub }, process.env.JWT_SECRET ?? '', { keyid: kid });\n  logger.log(`issued ${access}`);\n  const session = await new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256', kid }).sign(secret);\n  console.log('session', session);\n}\n",
      filename: 'src/issue.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 7,
          column: 24,
          endLine: 7,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Logger } from '@nestjs/common';\nimport * as jwt from 'jsonwebtoken';\nimport { SignJWT } from 'jose';\nconst logger = new Logger('tokens');\nexport async function issue(sub: string, secret: Uint8Array, kid: string) {\n  const access = jwt.sign({ sub }, process.env.JWT_SECRET ?? '', { keyid: kid });\n  logger.log(`issued [redacted]`);\n  const session = await new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256', kid }).sign(secret);\n  console.log('session', session);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 9,
          column: 26,
          endLine: 9,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Logger } from '@nestjs/common';\nimport * as jwt from 'jsonwebtoken';\nimport { SignJWT } from 'jose';\nconst logger = new Logger('tokens');\nexport async function issue(sub: string, secret: Uint8Array, kid: string) {\n  const access = jwt.sign({ sub }, process.env.JWT_SECRET ?? '', { keyid: kid });\n  logger.log(`issued ${access}`);\n  const session = await new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256', kid }).sign(secret);\n  console.log('session', '[redacted]');\n}\n",
            },
          ],
        },
      ],
    },
    {
      // key pairs and session keys from tweetnacl and libsodium, through their encoders
      code: "const nacl = require('tweetnacl');\nconst { encodeBase64 } = require('tweetnacl-util');\nconst sodium = require('libsodium-wrappers');\nfunction keys() {\n  const pair = nacl.box.keyPair();\n  console.log(pair);\n  console.log(encodeBase64(pair.secretKey));\n  const kp = sodium.crypto_kx_keypair();\n  const rx = sodium.crypto_kx_client_session_keys(kp.publicKey, kp.privateKey, kp.publicKey);\n  console.log(sodium.to_hex(rx.sharedRx));\n}\nmodule.exports = { keys };\n",
      filename: 'src/box.js',
      errors: [
        {
          messageId: 'loggedKey',
          line: 6,
          column: 15,
          endLine: 6,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "const nacl = require('tweetnacl');\nconst { encodeBase64 } = require('tweetnacl-util');\nconst sodium = require('libsodium-wrappers');\nfunction keys() {\n  const pair = nacl.box.keyPair();\n  console.log('[redacted]');\n  console.log(encodeBase64(pair.secretKey));\n  const kp = sodium.crypto_kx_keypair();\n  const rx = sodium.crypto_kx_client_session_keys(kp.publicKey, kp.privateKey, kp.publicKey);\n  console.log(sodium.to_hex(rx.sharedRx));\n}\nmodule.exports = { keys };\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 7,
          column: 15,
          endLine: 7,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "const nacl = require('tweetnacl');\nconst { encodeBase64 } = require('tweetnacl-util');\nconst sodium = require('libsodium-wrappers');\nfunction keys() {\n  const pair = nacl.box.keyPair();\n  console.log(pair);\n  console.log('[redacted]');\n  const kp = sodium.crypto_kx_keypair();\n  const rx = sodium.crypto_kx_client_session_keys(kp.publicKey, kp.privateKey, kp.publicKey);\n  console.log(sodium.to_hex(rx.sharedRx));\n}\nmodule.exports = { keys };\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 10,
          column: 15,
          endLine: 10,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "const nacl = require('tweetnacl');\nconst { encodeBase64 } = require('tweetnacl-util');\nconst sodium = require('libsodium-wrappers');\nfunction keys() {\n  const pair = nacl.box.keyPair();\n  console.log(pair);\n  console.log(encodeBase64(pair.secretKey));\n  const kp = sodium.crypto_kx_keypair();\n  const rx = sodium.crypto_kx_client_session_keys(kp.publicKey, kp.privateKey, kp.publicKey);\n  console.log('[redacted]');\n}\nmodule.exports = { keys };\n",
            },
          ],
        },
      ],
    },
    {
      // request headers and a login body logged whole
      code: "const fastify = require('fastify')();\nfastify.post('/login', async (req) => {\n  req.log.info({ headers: req.headers }, 'login');\n  const { email, password } = req.body;\n  req.log.debug({ body: req.body }, 'login body');\n  return { email, ok: password.length > 0 };\n});\n",
      filename: 'src/login.js',
      errors: [
        {
          messageId: 'loggedKey',
          line: 3,
          column: 27,
          endLine: 3,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "const fastify = require('fastify')();\nfastify.post('/login', async (req) => {\n  req.log.info({ headers: '[redacted]' }, 'login');\n  const { email, password } = req.body;\n  req.log.debug({ body: req.body }, 'login body');\n  return { email, ok: password.length > 0 };\n});\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 5,
          column: 25,
          endLine: 5,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "const fastify = require('fastify')();\nfastify.post('/login', async (req) => {\n  req.log.info({ headers: req.headers }, 'login');\n  const { email, password } = req.body;\n  req.log.debug({ body: '[redacted]' }, 'login body');\n  return { email, ok: password.length > 0 };\n});\n",
            },
          ],
        },
      ],
    },
    {
      // credential tokens by name and through a class field, a child logger, a cipher key beside its IV
      code: "import winston from 'winston';\nconst logger = winston.createLogger({});\nconst audit = logger.child({ component: 'vault' });\nexport class Vault {\n  private token?: string;\n  async login(res: Response) {\n    const body = (await res.json()) as { auth: { client_token: string } };\n    this.token = body.auth.client_token;\n    audit.info(`vault login, token ${this.token}`);\n  }\n  state(vaultToken: string, key: Buffer, iv: Buffer) {\n    audit.debug({ vaultToken });\n    audit.debug('cipher', { key, iv });\n    audit.debug('request', { headers: { Authorization: `Bearer ${this.token}` } });\n  }\n}\n",
      filename: 'src/vault.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 9,
          column: 38,
          endLine: 9,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import winston from 'winston';\nconst logger = winston.createLogger({});\nconst audit = logger.child({ component: 'vault' });\nexport class Vault {\n  private token?: string;\n  async login(res: Response) {\n    const body = (await res.json()) as { auth: { client_token: string } };\n    this.token = body.auth.client_token;\n    audit.info(`vault login, token [redacted]`);\n  }\n  state(vaultToken: string, key: Buffer, iv: Buffer) {\n    audit.debug({ vaultToken });\n    audit.debug('cipher', { key, iv });\n    audit.debug('request', { headers: { Authorization: `Bearer ${this.token}` } });\n  }\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 12,
          column: 19,
          endLine: 12,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import winston from 'winston';\nconst logger = winston.createLogger({});\nconst audit = logger.child({ component: 'vault' });\nexport class Vault {\n  private token?: string;\n  async login(res: Response) {\n    const body = (await res.json()) as { auth: { client_token: string } };\n    this.token = body.auth.client_token;\n    audit.info(`vault login, token ${this.token}`);\n  }\n  state(vaultToken: string, key: Buffer, iv: Buffer) {\n    audit.debug({ vaultToken: '[redacted]' });\n    audit.debug('cipher', { key, iv });\n    audit.debug('request', { headers: { Authorization: `Bearer ${this.token}` } });\n  }\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 13,
          column: 29,
          endLine: 13,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import winston from 'winston';\nconst logger = winston.createLogger({});\nconst audit = logger.child({ component: 'vault' });\nexport class Vault {\n  private token?: string;\n  async login(res: Response) {\n    const body = (await res.json()) as { auth: { client_token: string } };\n    this.token = body.auth.client_token;\n    audit.info(`vault login, token ${this.token}`);\n  }\n  state(vaultToken: string, key: Buffer, iv: Buffer) {\n    audit.debug({ vaultToken });\n    audit.debug('cipher', { key: '[redacted]', iv });\n    audit.debug('request', { headers: { Authorization: `Bearer ${this.token}` } });\n  }\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 14,
          column: 66,
          endLine: 14,
          endColumn: 76,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import winston from 'winston';\nconst logger = winston.createLogger({});\nconst audit = logger.child({ component: 'vault' });\nexport class Vault {\n  private token?: string;\n  async login(res: Response) {\n    const body = (await res.json()) as { auth: { client_token: string } };\n    this.token = body.auth.client_token;\n    audit.info(`vault login, token ${this.token}`);\n  }\n  state(vaultToken: string, key: Buffer, iv: Buffer) {\n    audit.debug({ vaultToken });\n    audit.debug('cipher', { key, iv });\n    audit.debug('request', { headers: { Authorization: `Bearer [redacted]` } });\n  }\n}\n",
            },
          ],
        },
      ],
    },
    {
      // secrets read from a config service by name
      code: "import { ConfigService } from '@nestjs/config';\nexport function boot(config: ConfigService) {\n  console.log('jwt secret', config.get('JWT_SECRET'));\n  console.log('db', config.getOrThrow('database.password'));\n}\n",
      filename: 'src/boot.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { ConfigService } from '@nestjs/config';\nexport function boot(config: ConfigService) {\n  console.log('jwt secret', '[redacted]');\n  console.log('db', config.getOrThrow('database.password'));\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { ConfigService } from '@nestjs/config';\nexport function boot(config: ConfigService) {\n  console.log('jwt secret', config.get('JWT_SECRET'));\n  console.log('db', '[redacted]');\n}\n",
            },
          ],
        },
      ],
    },
  ],
});

// Text and pairs that carry a secret: random tokens, URLs and connection strings built from one, plain PEM pairs.
ruleTester.run('no-logged-key (built values)', rule, {
  valid: [
    {
      // a request id from random bytes, a URL without a secret, a key pair with an encrypted private key
      code: "import { generateKeyPairSync, randomBytes } from 'node:crypto';\nexport function ids(base: string, passphrase: string) {\n  const requestId = randomBytes(8).toString('hex');\n  const url = `${base}/v1/items?limit=10`;\n  console.log('request', requestId, url);\n  const pair = generateKeyPairSync('rsa', {\n    modulusLength: 3072,\n    publicKeyEncoding: { type: 'spki', format: 'pem' },\n    privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase },\n  });\n  console.log('new pair', pair.publicKey);\n}\n",
      filename: 'src/ids.ts',
    },
  ],
  invalid: [
    {
      // a random token, a URL and a connection string built from secrets, a key pair with a plain PEM private key
      code: "import { generateKeyPairSync, randomBytes } from 'node:crypto';\nimport pino from 'pino';\nconst log = pino();\nexport function issue(apiKey: string, dbPassword: string) {\n  const token = randomBytes(32).toString('hex');\n  log.info(`created token ${token}`);\n  const url = `https://api.example.test/v1?api_key=${apiKey}`;\n  log.debug({ url }, 'calling');\n  const conn = 'postgres://app:' + dbPassword + '@db:5432/app';\n  log.debug(`connecting to ${conn}`);\n  const keyPair = generateKeyPairSync('ec', {\n    namedCurve: 'P-256',\n    publicKeyEncoding: { type: 'spki', format: 'pem' },\n    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },\n  });\n  console.dir(keyPair);\n}\n",
      filename: 'src/tokens.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 6,
          column: 29,
          endLine: 6,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { generateKeyPairSync, randomBytes } from 'node:crypto';\nimport pino from 'pino';\nconst log = pino();\nexport function issue(apiKey: string, dbPassword: string) {\n  const token = randomBytes(32).toString('hex');\n  log.info(`created token [redacted]`);\n  const url = `https://api.example.test/v1?api_key=${apiKey}`;\n  log.debug({ url }, 'calling');\n  const conn = 'postgres://app:' + dbPassword + '@db:5432/app';\n  log.debug(`connecting to ${conn}`);\n  const keyPair = generateKeyPairSync('ec', {\n    namedCurve: 'P-256',\n    publicKeyEncoding: { type: 'spki', format: 'pem' },\n    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },\n  });\n  console.dir(keyPair);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 8,
          column: 15,
          endLine: 8,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { generateKeyPairSync, randomBytes } from 'node:crypto';\nimport pino from 'pino';\nconst log = pino();\nexport function issue(apiKey: string, dbPassword: string) {\n  const token = randomBytes(32).toString('hex');\n  log.info(`created token ${token}`);\n  const url = `https://api.example.test/v1?api_key=${apiKey}`;\n  log.debug({ url: '[redacted]' }, 'calling');\n  const conn = 'postgres://app:' + dbPassword + '@db:5432/app';\n  log.debug(`connecting to ${conn}`);\n  const keyPair = generateKeyPairSync('ec', {\n    namedCurve: 'P-256',\n    publicKeyEncoding: { type: 'spki', format: 'pem' },\n    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },\n  });\n  console.dir(keyPair);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 10,
          column: 30,
          endLine: 10,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { generateKeyPairSync, randomBytes } from 'node:crypto';\nimport pino from 'pino';\nconst log = pino();\nexport function issue(apiKey: string, dbPassword: string) {\n  const token = randomBytes(32).toString('hex');\n  log.info(`created token ${token}`);\n  const url = `https://api.example.test/v1?api_key=${apiKey}`;\n  log.debug({ url }, 'calling');\n  const conn = 'postgres://app:' + dbPassword + '@db:5432/app';\n  log.debug(`connecting to [redacted]`);\n  const keyPair = generateKeyPairSync('ec', {\n    namedCurve: 'P-256',\n    publicKeyEncoding: { type: 'spki', format: 'pem' },\n    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },\n  });\n  console.dir(keyPair);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 16,
          column: 15,
          endLine: 16,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { generateKeyPairSync, randomBytes } from 'node:crypto';\nimport pino from 'pino';\nconst log = pino();\nexport function issue(apiKey: string, dbPassword: string) {\n  const token = randomBytes(32).toString('hex');\n  log.info(`created token ${token}`);\n  const url = `https://api.example.test/v1?api_key=${apiKey}`;\n  log.debug({ url }, 'calling');\n  const conn = 'postgres://app:' + dbPassword + '@db:5432/app';\n  log.debug(`connecting to ${conn}`);\n  const keyPair = generateKeyPairSync('ec', {\n    namedCurve: 'P-256',\n    publicKeyEncoding: { type: 'spki', format: 'pem' },\n    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },\n  });\n  console.dir('[redacted]');\n}\n",
            },
          ],
        },
      ],
    },
  ],
});

// The environment under another name, and tokens the caller sent.
ruleTester.run('no-logged-key (aliases and caller input)', rule, {
  valid: [
    {
      // a page number from the query and one variable of an aliased environment
      code: "function list(req, res) {\n  const env = process.env;\n  console.log('listing page', req.query.page, 'in', env.NODE_ENV);\n  res.end();\n}\nmodule.exports = { list };\n",
      filename: 'src/list.js',
    },
  ],
  invalid: [
    {
      // the environment logged under another name; a token the caller sent, appended to a log file
      code: "const fs = require('fs');\nfunction callback(req, res) {\n  const env = process.env;\n  console.log('env', env);\n  fs.appendFileSync('callbacks.log', `${Date.now()} ${req.query.token}\\n`);\n  res.end();\n}\nmodule.exports = { callback };\n",
      filename: 'src/callback.js',
      errors: [
        {
          messageId: 'envDump',
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'logNamesOnly',
              output:
                "const fs = require('fs');\nfunction callback(req, res) {\n  const env = process.env;\n  console.log('env', Object.keys(process.env));\n  fs.appendFileSync('callbacks.log', `${Date.now()} ${req.query.token}\\n`);\n  res.end();\n}\nmodule.exports = { callback };\n",
            },
          ],
        },
        { messageId: 'keyInFile', line: 5, column: 55, endLine: 5, endColumn: 70, suggestions: [] },
      ],
    },
  ],
});
