/**
 * no-logged-key: how a secret travels to a log call inside one file (issue 11, session 25), each mechanism with
 * variants of its own and near misses. Written after reading a stranger's logging-heavy corpus (fixtures/dev9log)
 * and the development corpora, from how the values are made, not from their names:
 * - what a same-file function returns (an object with the caller's Authorization header, options with a password from
 *   the environment, a header built from the caller's password); a parameter returned as it is counts only when the
 *   caller's argument is a secret;
 * - secret-named fields inside an object under a safe name, behind a fallback, a conditional or a call that reads the
 *   secret (not a hash, mask, check or id);
 * - objects completed after their literal (`headers['x-api-key'] = …`), options handed to a client's credential slot
 *   (catalogue `credentialClients`), an axios error's `config`, a `RequestInit` logged whole;
 * - a value the code hashes for a lookup, in a record whose message names the credential;
 * - what an incoming connection carries (a socket.io handshake, a gRPC call's metadata), cloud responses holding a
 *   private key or a secret shown once, clients made with a credential, elements of a secrets object, form bodies,
 *   ID tokens, a service's own token header, the code in the text sent to the person.
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-logged-key (how values travel, session 25)', rule, {
  valid: [
    {
      // a function returning no secret, and one returning its own argument, which is no secret at the caller
      code: "import pino from 'pino';\nimport type { IncomingMessage } from 'node:http';\n\nconst log = pino();\n\nfunction describe(req: IncomingMessage) {\n  return { path: req.url, method: req.method };\n}\n\nfunction label(value: string) {\n  return { value };\n}\n\nexport function handle(req: IncomingMessage, userName: string) {\n  log.error({ ctx: describe(req) }, 'request failed');\n  log.info(label(userName), 'user');\n}\n",
      filename: 'src/context-ok.ts',
    },
    {
      // objects under safe keys holding no secret; key ids, hashes, flags and verdicts under secret keys
      code: "import winston from 'winston';\n\nconst logger = winston.createLogger();\ndeclare function getKeyId(k: string): string;\ndeclare function hashToken(t: string): string;\ndeclare const apiKey: string;\n\nexport function dump(row: { url: string; token: string }) {\n  logger.info('target', { endpoint: { url: row.url, region: 'eu' } });\n  logger.info('key', { apiKey: getKeyId(apiKey), token: hashToken(row.token) });\n  logger.info('flag', { secret: Boolean(apiKey), password: apiKey.length > 0 ? 'set' : 'unset' });\n}\n",
      filename: 'src/fields-ok.ts',
    },
    {
      // a masked header written later, an error's status and message and its config's method, options with no credential handed to a client, one member of a RequestInit
      code: "import axios, { type AxiosError } from 'axios';\nimport nodemailer from 'nodemailer';\nimport * as Sentry from '@sentry/node';\nimport bunyan from 'bunyan';\n\nconst log = bunyan.createLogger({ name: 'ops' });\n\nexport async function call(url: string) {\n  const headers: Record<string, string> = { accept: 'application/json' };\n  headers.authorization = 'Bearer ***';\n  Sentry.addBreadcrumb({ category: 'http', data: { url, headers } });\n  try {\n    await axios.get(url, { headers });\n  } catch (err) {\n    const e = err as AxiosError;\n    log.warn({ status: e.response?.status, message: e.message, method: e.config?.method }, 'call failed');\n  }\n}\n\nexport function setup() {\n  const mail = { host: 'localhost', port: 1025 };\n  nodemailer.createTransport(mail);\n  log.info({ mail }, 'mail ready');\n}\n\nexport async function send(path: string, init: RequestInit = {}) {\n  console.debug('fetch', path, init.method);\n  return fetch(path, init);\n}\n",
      filename: 'src/requests-ok.ts',
    },
    {
      // a value hashed for a message that names no credential, and one hashed only as part of a template
      code: "import { createHash } from 'node:crypto';\nimport winston from 'winston';\n\nconst logger = winston.createLogger();\ndeclare const store: { get(k: string): Promise<string | null> };\n\nexport async function place(orderId: string, presented: string) {\n  const dedupe = createHash('sha1').update(orderId).digest('hex');\n  logger.info('order placed', { orderId, dedupe });\n  const tag = createHash('sha256').update(`${orderId}:${presented}`).digest('hex');\n  logger.warn('unknown invite code', { orderId, tag });\n}\n",
      filename: 'src/hashed-ok.ts',
    },
    {
      // a socket's address, a call's path and peer, an access key's id, a list of keys, a transport with no credential, names of secrets, a request id header, an order code
      code: "import type { Server } from 'socket.io';\nimport type { ServerUnaryCall } from '@grpc/grpc-js';\nimport { IAMClient, CreateAccessKeyCommand, ListAccessKeysCommand } from '@aws-sdk/client-iam';\nimport nodemailer from 'nodemailer';\n\nconst iam = new IAMClient({});\n\nexport function wire(io: Server) {\n  io.use((socket, next) => {\n    console.debug('connect', socket.id, socket.handshake.address);\n    next();\n  });\n}\n\nexport function rpc(call: ServerUnaryCall<unknown, unknown>) {\n  console.info('rpc', call.getPath(), call.getPeer());\n}\n\nexport async function issue(userName: string) {\n  const created = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));\n  console.log('issued', created.AccessKey?.AccessKeyId);\n  const listed = await iam.send(new ListAccessKeysCommand({ UserName: userName }));\n  console.log('keys', listed);\n}\n\nexport function mailer() {\n  const transport = nodemailer.createTransport({ host: 'localhost', port: 1025 });\n  console.log('transport', transport.options);\n}\n\nexport function check(params: { page?: number }, secrets: Record<string, string>) {\n  console.log('params', params);\n  for (const [label] of Object.entries(secrets)) console.log(label);\n  for (const name of Object.keys(secrets)) console.log(name);\n}\n\nexport async function exchange(username: string, session: { value: string; id: string }) {\n  const body = new URLSearchParams({ grant_type: 'client_credentials', username });\n  console.log('token request', body.toString());\n  await fetch('https://api.example.test', { headers: { 'x-request-id': session.id } });\n  console.log('session', session.id);\n}\n\nexport function order(orderCode: string) {\n  console.log(`Your order code: ${orderCode}`);\n}\n",
      filename: 'src/connections-ok.ts',
    },
  ],
  invalid: [
    {
      // what a same-file function returns: the caller's Authorization header, options with a password from the environment, a header built from the caller's password
      code: "import pino from 'pino';\nimport type { IncomingMessage } from 'node:http';\n\nconst log = pino();\n\nfunction buildContext(req: IncomingMessage) {\n  return { path: req.url, auth: req.headers.authorization };\n}\n\nfunction cacheOptions() {\n  return { host: 'cache.internal', password: process.env.CACHE_PASSWORD ?? '' };\n}\n\nfunction proxyHeader(user: string, password: string): string {\n  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;\n}\n\nexport function handle(req: IncomingMessage, user: string, password: string) {\n  log.error({ ctx: buildContext(req) }, 'request failed');\n  const opts = cacheOptions();\n  log.debug({ opts }, 'cache client');\n  const header = proxyHeader(user, password);\n  console.log('proxy header', header);\n}\n",
      filename: 'src/context.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 19,
          column: 20,
          endLine: 19,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import pino from 'pino';\nimport type { IncomingMessage } from 'node:http';\n\nconst log = pino();\n\nfunction buildContext(req: IncomingMessage) {\n  return { path: req.url, auth: req.headers.authorization };\n}\n\nfunction cacheOptions() {\n  return { host: 'cache.internal', password: process.env.CACHE_PASSWORD ?? '' };\n}\n\nfunction proxyHeader(user: string, password: string): string {\n  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;\n}\n\nexport function handle(req: IncomingMessage, user: string, password: string) {\n  log.error({ ctx: '[redacted]' }, 'request failed');\n  const opts = cacheOptions();\n  log.debug({ opts }, 'cache client');\n  const header = proxyHeader(user, password);\n  console.log('proxy header', header);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 21,
          column: 15,
          endLine: 21,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import pino from 'pino';\nimport type { IncomingMessage } from 'node:http';\n\nconst log = pino();\n\nfunction buildContext(req: IncomingMessage) {\n  return { path: req.url, auth: req.headers.authorization };\n}\n\nfunction cacheOptions() {\n  return { host: 'cache.internal', password: process.env.CACHE_PASSWORD ?? '' };\n}\n\nfunction proxyHeader(user: string, password: string): string {\n  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;\n}\n\nexport function handle(req: IncomingMessage, user: string, password: string) {\n  log.error({ ctx: buildContext(req) }, 'request failed');\n  const opts = cacheOptions();\n  log.debug({ opts: '[redacted]' }, 'cache client');\n  const header = proxyHeader(user, password);\n  console.log('proxy header', header);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 23,
          column: 31,
          endLine: 23,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import pino from 'pino';\nimport type { IncomingMessage } from 'node:http';\n\nconst log = pino();\n\nfunction buildContext(req: IncomingMessage) {\n  return { path: req.url, auth: req.headers.authorization };\n}\n\nfunction cacheOptions() {\n  return { host: 'cache.internal', password: process.env.CACHE_PASSWORD ?? '' };\n}\n\nfunction proxyHeader(user: string, password: string): string {\n  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;\n}\n\nexport function handle(req: IncomingMessage, user: string, password: string) {\n  log.error({ ctx: buildContext(req) }, 'request failed');\n  const opts = cacheOptions();\n  log.debug({ opts }, 'cache client');\n  const header = proxyHeader(user, password);\n  console.log('proxy header', '[redacted]');\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a secret-named field under a safe-named object, a fallback to a literal, a call that reads a secret
      code: "import winston from 'winston';\n\nconst logger = winston.createLogger();\ndeclare function unseal(sealed: string): Buffer;\ndeclare function readVault(path: string): string;\n\nexport function dump(row: { url: string; sealed?: string }) {\n  const target = {\n    url: row.url,\n    endpoint: { url: row.url, apiKey: row.sealed ? unseal(row.sealed).toString('utf8') : undefined },\n  };\n  logger.info('target', target);\n  logger.info('settings', { clientSecret: process.env.PARTNER_SECRET || 'dev-only' });\n  logger.info('vault', { password: readVault('db/password') });\n}\n",
      filename: 'src/fields.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 12,
          column: 25,
          endLine: 12,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import winston from 'winston';\n\nconst logger = winston.createLogger();\ndeclare function unseal(sealed: string): Buffer;\ndeclare function readVault(path: string): string;\n\nexport function dump(row: { url: string; sealed?: string }) {\n  const target = {\n    url: row.url,\n    endpoint: { url: row.url, apiKey: row.sealed ? unseal(row.sealed).toString('utf8') : undefined },\n  };\n  logger.info('target', '[redacted]');\n  logger.info('settings', { clientSecret: process.env.PARTNER_SECRET || 'dev-only' });\n  logger.info('vault', { password: readVault('db/password') });\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 13,
          column: 43,
          endLine: 13,
          endColumn: 69,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import winston from 'winston';\n\nconst logger = winston.createLogger();\ndeclare function unseal(sealed: string): Buffer;\ndeclare function readVault(path: string): string;\n\nexport function dump(row: { url: string; sealed?: string }) {\n  const target = {\n    url: row.url,\n    endpoint: { url: row.url, apiKey: row.sealed ? unseal(row.sealed).toString('utf8') : undefined },\n  };\n  logger.info('target', target);\n  logger.info('settings', { clientSecret: '[redacted]' || 'dev-only' });\n  logger.info('vault', { password: readVault('db/password') });\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 14,
          column: 36,
          endLine: 14,
          endColumn: 60,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import winston from 'winston';\n\nconst logger = winston.createLogger();\ndeclare function unseal(sealed: string): Buffer;\ndeclare function readVault(path: string): string;\n\nexport function dump(row: { url: string; sealed?: string }) {\n  const target = {\n    url: row.url,\n    endpoint: { url: row.url, apiKey: row.sealed ? unseal(row.sealed).toString('utf8') : undefined },\n  };\n  logger.info('target', target);\n  logger.info('settings', { clientSecret: process.env.PARTNER_SECRET || 'dev-only' });\n  logger.info('vault', { password: '[redacted]' });\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a headers object given its credential after the literal, an axios error's config, options handed to a mail transport's password slot, a key handed to a payment client, a RequestInit logged whole
      code: "import axios, { type AxiosError } from 'axios';\nimport nodemailer from 'nodemailer';\nimport Stripe from 'stripe';\nimport * as Sentry from '@sentry/node';\nimport bunyan from 'bunyan';\n\nconst log = bunyan.createLogger({ name: 'ops' });\ndeclare function loadMailPass(): string;\ndeclare const vault: { read(path: string): Promise<string> };\n\nexport async function call(url: string, token: string) {\n  const headers: Record<string, string> = { accept: 'application/json' };\n  headers['x-api-key'] = `${token}`;\n  Sentry.addBreadcrumb({ category: 'http', data: { url, headers } });\n  try {\n    await axios.get(url, { headers });\n  } catch (err) {\n    const e = err as AxiosError;\n    log.warn({ status: e.response?.status, sent: e.config }, 'call failed');\n  }\n}\n\nexport async function setup() {\n  const mail = { host: 'smtp.example.test', auth: { user: 'ops', pass: loadMailPass() } };\n  nodemailer.createTransport(mail);\n  log.info({ mail }, 'mail ready');\n  const billingKey = await vault.read('billing');\n  const stripe = new Stripe(billingKey);\n  log.info({ billingKey }, 'stripe ready');\n  return stripe;\n}\n\nexport async function send(path: string, init: RequestInit = {}) {\n  console.debug('fetch', path, init);\n  return fetch(path, init);\n}\n",
      filename: 'src/requests.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 14,
          column: 57,
          endLine: 14,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import axios, { type AxiosError } from 'axios';\nimport nodemailer from 'nodemailer';\nimport Stripe from 'stripe';\nimport * as Sentry from '@sentry/node';\nimport bunyan from 'bunyan';\n\nconst log = bunyan.createLogger({ name: 'ops' });\ndeclare function loadMailPass(): string;\ndeclare const vault: { read(path: string): Promise<string> };\n\nexport async function call(url: string, token: string) {\n  const headers: Record<string, string> = { accept: 'application/json' };\n  headers['x-api-key'] = `${token}`;\n  Sentry.addBreadcrumb({ category: 'http', data: { url, headers: '[redacted]' } });\n  try {\n    await axios.get(url, { headers });\n  } catch (err) {\n    const e = err as AxiosError;\n    log.warn({ status: e.response?.status, sent: e.config }, 'call failed');\n  }\n}\n\nexport async function setup() {\n  const mail = { host: 'smtp.example.test', auth: { user: 'ops', pass: loadMailPass() } };\n  nodemailer.createTransport(mail);\n  log.info({ mail }, 'mail ready');\n  const billingKey = await vault.read('billing');\n  const stripe = new Stripe(billingKey);\n  log.info({ billingKey }, 'stripe ready');\n  return stripe;\n}\n\nexport async function send(path: string, init: RequestInit = {}) {\n  console.debug('fetch', path, init);\n  return fetch(path, init);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 19,
          column: 50,
          endLine: 19,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import axios, { type AxiosError } from 'axios';\nimport nodemailer from 'nodemailer';\nimport Stripe from 'stripe';\nimport * as Sentry from '@sentry/node';\nimport bunyan from 'bunyan';\n\nconst log = bunyan.createLogger({ name: 'ops' });\ndeclare function loadMailPass(): string;\ndeclare const vault: { read(path: string): Promise<string> };\n\nexport async function call(url: string, token: string) {\n  const headers: Record<string, string> = { accept: 'application/json' };\n  headers['x-api-key'] = `${token}`;\n  Sentry.addBreadcrumb({ category: 'http', data: { url, headers } });\n  try {\n    await axios.get(url, { headers });\n  } catch (err) {\n    const e = err as AxiosError;\n    log.warn({ status: e.response?.status, sent: '[redacted]' }, 'call failed');\n  }\n}\n\nexport async function setup() {\n  const mail = { host: 'smtp.example.test', auth: { user: 'ops', pass: loadMailPass() } };\n  nodemailer.createTransport(mail);\n  log.info({ mail }, 'mail ready');\n  const billingKey = await vault.read('billing');\n  const stripe = new Stripe(billingKey);\n  log.info({ billingKey }, 'stripe ready');\n  return stripe;\n}\n\nexport async function send(path: string, init: RequestInit = {}) {\n  console.debug('fetch', path, init);\n  return fetch(path, init);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 26,
          column: 14,
          endLine: 26,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import axios, { type AxiosError } from 'axios';\nimport nodemailer from 'nodemailer';\nimport Stripe from 'stripe';\nimport * as Sentry from '@sentry/node';\nimport bunyan from 'bunyan';\n\nconst log = bunyan.createLogger({ name: 'ops' });\ndeclare function loadMailPass(): string;\ndeclare const vault: { read(path: string): Promise<string> };\n\nexport async function call(url: string, token: string) {\n  const headers: Record<string, string> = { accept: 'application/json' };\n  headers['x-api-key'] = `${token}`;\n  Sentry.addBreadcrumb({ category: 'http', data: { url, headers } });\n  try {\n    await axios.get(url, { headers });\n  } catch (err) {\n    const e = err as AxiosError;\n    log.warn({ status: e.response?.status, sent: e.config }, 'call failed');\n  }\n}\n\nexport async function setup() {\n  const mail = { host: 'smtp.example.test', auth: { user: 'ops', pass: loadMailPass() } };\n  nodemailer.createTransport(mail);\n  log.info({ mail: '[redacted]' }, 'mail ready');\n  const billingKey = await vault.read('billing');\n  const stripe = new Stripe(billingKey);\n  log.info({ billingKey }, 'stripe ready');\n  return stripe;\n}\n\nexport async function send(path: string, init: RequestInit = {}) {\n  console.debug('fetch', path, init);\n  return fetch(path, init);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 29,
          column: 14,
          endLine: 29,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import axios, { type AxiosError } from 'axios';\nimport nodemailer from 'nodemailer';\nimport Stripe from 'stripe';\nimport * as Sentry from '@sentry/node';\nimport bunyan from 'bunyan';\n\nconst log = bunyan.createLogger({ name: 'ops' });\ndeclare function loadMailPass(): string;\ndeclare const vault: { read(path: string): Promise<string> };\n\nexport async function call(url: string, token: string) {\n  const headers: Record<string, string> = { accept: 'application/json' };\n  headers['x-api-key'] = `${token}`;\n  Sentry.addBreadcrumb({ category: 'http', data: { url, headers } });\n  try {\n    await axios.get(url, { headers });\n  } catch (err) {\n    const e = err as AxiosError;\n    log.warn({ status: e.response?.status, sent: e.config }, 'call failed');\n  }\n}\n\nexport async function setup() {\n  const mail = { host: 'smtp.example.test', auth: { user: 'ops', pass: loadMailPass() } };\n  nodemailer.createTransport(mail);\n  log.info({ mail }, 'mail ready');\n  const billingKey = await vault.read('billing');\n  const stripe = new Stripe(billingKey);\n  log.info({ billingKey: '[redacted]' }, 'stripe ready');\n  return stripe;\n}\n\nexport async function send(path: string, init: RequestInit = {}) {\n  console.debug('fetch', path, init);\n  return fetch(path, init);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 34,
          column: 32,
          endLine: 34,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import axios, { type AxiosError } from 'axios';\nimport nodemailer from 'nodemailer';\nimport Stripe from 'stripe';\nimport * as Sentry from '@sentry/node';\nimport bunyan from 'bunyan';\n\nconst log = bunyan.createLogger({ name: 'ops' });\ndeclare function loadMailPass(): string;\ndeclare const vault: { read(path: string): Promise<string> };\n\nexport async function call(url: string, token: string) {\n  const headers: Record<string, string> = { accept: 'application/json' };\n  headers['x-api-key'] = `${token}`;\n  Sentry.addBreadcrumb({ category: 'http', data: { url, headers } });\n  try {\n    await axios.get(url, { headers });\n  } catch (err) {\n    const e = err as AxiosError;\n    log.warn({ status: e.response?.status, sent: e.config }, 'call failed');\n  }\n}\n\nexport async function setup() {\n  const mail = { host: 'smtp.example.test', auth: { user: 'ops', pass: loadMailPass() } };\n  nodemailer.createTransport(mail);\n  log.info({ mail }, 'mail ready');\n  const billingKey = await vault.read('billing');\n  const stripe = new Stripe(billingKey);\n  log.info({ billingKey }, 'stripe ready');\n  return stripe;\n}\n\nexport async function send(path: string, init: RequestInit = {}) {\n  console.debug('fetch', path, '[redacted]');\n  return fetch(path, init);\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a value the code hashes for a lookup, logged under a generic name in a record whose message names the credential
      code: "import { createHash } from 'node:crypto';\nimport winston from 'winston';\n\nconst logger = winston.createLogger();\nconst digestOf = (t: string) => createHash('sha256').update(t).digest('hex');\ndeclare const store: { get(k: string): Promise<string | null> };\n\nexport async function redeem(presented: string, userId: string) {\n  const row = await store.get(`invite:${digestOf(presented)}`);\n  if (!row) {\n    logger.warn('unknown invite code', { presented, userId });\n    return false;\n  }\n  return true;\n}\n\nexport async function resume(sessionHandle: string) {\n  const key = createHash('sha256').update(sessionHandle).digest('base64url');\n  const row = await store.get(key);\n  if (!row) logger.info({ sessionHandle }, 'session token expired');\n  return row;\n}\n",
      filename: 'src/hashed.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 11,
          column: 42,
          endLine: 11,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { createHash } from 'node:crypto';\nimport winston from 'winston';\n\nconst logger = winston.createLogger();\nconst digestOf = (t: string) => createHash('sha256').update(t).digest('hex');\ndeclare const store: { get(k: string): Promise<string | null> };\n\nexport async function redeem(presented: string, userId: string) {\n  const row = await store.get(`invite:${digestOf(presented)}`);\n  if (!row) {\n    logger.warn('unknown invite code', { presented: '[redacted]', userId });\n    return false;\n  }\n  return true;\n}\n\nexport async function resume(sessionHandle: string) {\n  const key = createHash('sha256').update(sessionHandle).digest('base64url');\n  const row = await store.get(key);\n  if (!row) logger.info({ sessionHandle }, 'session token expired');\n  return row;\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 20,
          column: 27,
          endLine: 20,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { createHash } from 'node:crypto';\nimport winston from 'winston';\n\nconst logger = winston.createLogger();\nconst digestOf = (t: string) => createHash('sha256').update(t).digest('hex');\ndeclare const store: { get(k: string): Promise<string | null> };\n\nexport async function redeem(presented: string, userId: string) {\n  const row = await store.get(`invite:${digestOf(presented)}`);\n  if (!row) {\n    logger.warn('unknown invite code', { presented, userId });\n    return false;\n  }\n  return true;\n}\n\nexport async function resume(sessionHandle: string) {\n  const key = createHash('sha256').update(sessionHandle).digest('base64url');\n  const row = await store.get(key);\n  if (!row) logger.info({ sessionHandle: '[redacted]' }, 'session token expired');\n  return row;\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a socket.io handshake's headers, a gRPC call's metadata, a new IAM access key's response, a transport made with its password, an object whose member is verified as a JWT, the values of a secrets object, a form body with a password, an ID token, a value sent as a service's own token header, the code in the text sent to the person
      code: "import { jwtVerify, createRemoteJWKSet } from 'jose';\nimport type { Server } from 'socket.io';\nimport type { ServerUnaryCall } from '@grpc/grpc-js';\nimport { IAMClient, CreateAccessKeyCommand } from '@aws-sdk/client-iam';\nimport nodemailer from 'nodemailer';\n\ndeclare function readSecret(name: string): string;\nconst iam = new IAMClient({});\nconst jwks = createRemoteJWKSet(new URL('https://id.example.test/jwks'));\n\nexport function wire(io: Server) {\n  io.use((socket, next) => {\n    console.debug('connect', socket.id, socket.handshake.headers);\n    next();\n  });\n}\n\nexport function rpc(call: ServerUnaryCall<unknown, unknown>) {\n  console.info('rpc', call.getPath(), call.metadata.toJSON());\n}\n\nexport async function issue(userName: string) {\n  const created = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));\n  console.log('issued', created);\n  console.log('access key', created.AccessKey);\n}\n\nexport function mailer() {\n  const transport = nodemailer.createTransport({ host: 'smtp.example.test', auth: { user: 'ops', pass: readSecret('smtp') } });\n  console.log('transport', transport.options);\n}\n\nexport async function check(params: { session?: string; page?: number }, secrets: Record<string, string>) {\n  if (params.session) await jwtVerify(params.session, jwks);\n  console.log('params', params);\n  for (const [label, value] of Object.entries(secrets)) console.log(label, value);\n}\n\nexport async function exchange(pw: string, username: string, idToken: string, session: { value: string }) {\n  const body = new URLSearchParams({ grant_type: 'password', username, password: pw });\n  console.log('token request', body.toString());\n  console.log('signed in', { username, idToken });\n  await fetch('https://api.example.test', { headers: { 'x-service-token': session.value } });\n  console.log('session', session.value);\n}\n\nexport function sms(digits: string) {\n  console.log(`Your Acme code: ${digits}`);\n}\n",
      filename: 'src/connections.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 13,
          column: 41,
          endLine: 13,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { jwtVerify, createRemoteJWKSet } from 'jose';\nimport type { Server } from 'socket.io';\nimport type { ServerUnaryCall } from '@grpc/grpc-js';\nimport { IAMClient, CreateAccessKeyCommand } from '@aws-sdk/client-iam';\nimport nodemailer from 'nodemailer';\n\ndeclare function readSecret(name: string): string;\nconst iam = new IAMClient({});\nconst jwks = createRemoteJWKSet(new URL('https://id.example.test/jwks'));\n\nexport function wire(io: Server) {\n  io.use((socket, next) => {\n    console.debug('connect', socket.id, '[redacted]');\n    next();\n  });\n}\n\nexport function rpc(call: ServerUnaryCall<unknown, unknown>) {\n  console.info('rpc', call.getPath(), call.metadata.toJSON());\n}\n\nexport async function issue(userName: string) {\n  const created = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));\n  console.log('issued', created);\n  console.log('access key', created.AccessKey);\n}\n\nexport function mailer() {\n  const transport = nodemailer.createTransport({ host: 'smtp.example.test', auth: { user: 'ops', pass: readSecret('smtp') } });\n  console.log('transport', transport.options);\n}\n\nexport async function check(params: { session?: string; page?: number }, secrets: Record<string, string>) {\n  if (params.session) await jwtVerify(params.session, jwks);\n  console.log('params', params);\n  for (const [label, value] of Object.entries(secrets)) console.log(label, value);\n}\n\nexport async function exchange(pw: string, username: string, idToken: string, session: { value: string }) {\n  const body = new URLSearchParams({ grant_type: 'password', username, password: pw });\n  console.log('token request', body.toString());\n  console.log('signed in', { username, idToken });\n  await fetch('https://api.example.test', { headers: { 'x-service-token': session.value } });\n  console.log('session', session.value);\n}\n\nexport function sms(digits: string) {\n  console.log(`Your Acme code: ${digits}`);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 19,
          column: 39,
          endLine: 19,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { jwtVerify, createRemoteJWKSet } from 'jose';\nimport type { Server } from 'socket.io';\nimport type { ServerUnaryCall } from '@grpc/grpc-js';\nimport { IAMClient, CreateAccessKeyCommand } from '@aws-sdk/client-iam';\nimport nodemailer from 'nodemailer';\n\ndeclare function readSecret(name: string): string;\nconst iam = new IAMClient({});\nconst jwks = createRemoteJWKSet(new URL('https://id.example.test/jwks'));\n\nexport function wire(io: Server) {\n  io.use((socket, next) => {\n    console.debug('connect', socket.id, socket.handshake.headers);\n    next();\n  });\n}\n\nexport function rpc(call: ServerUnaryCall<unknown, unknown>) {\n  console.info('rpc', call.getPath(), '[redacted]');\n}\n\nexport async function issue(userName: string) {\n  const created = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));\n  console.log('issued', created);\n  console.log('access key', created.AccessKey);\n}\n\nexport function mailer() {\n  const transport = nodemailer.createTransport({ host: 'smtp.example.test', auth: { user: 'ops', pass: readSecret('smtp') } });\n  console.log('transport', transport.options);\n}\n\nexport async function check(params: { session?: string; page?: number }, secrets: Record<string, string>) {\n  if (params.session) await jwtVerify(params.session, jwks);\n  console.log('params', params);\n  for (const [label, value] of Object.entries(secrets)) console.log(label, value);\n}\n\nexport async function exchange(pw: string, username: string, idToken: string, session: { value: string }) {\n  const body = new URLSearchParams({ grant_type: 'password', username, password: pw });\n  console.log('token request', body.toString());\n  console.log('signed in', { username, idToken });\n  await fetch('https://api.example.test', { headers: { 'x-service-token': session.value } });\n  console.log('session', session.value);\n}\n\nexport function sms(digits: string) {\n  console.log(`Your Acme code: ${digits}`);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 24,
          column: 25,
          endLine: 24,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { jwtVerify, createRemoteJWKSet } from 'jose';\nimport type { Server } from 'socket.io';\nimport type { ServerUnaryCall } from '@grpc/grpc-js';\nimport { IAMClient, CreateAccessKeyCommand } from '@aws-sdk/client-iam';\nimport nodemailer from 'nodemailer';\n\ndeclare function readSecret(name: string): string;\nconst iam = new IAMClient({});\nconst jwks = createRemoteJWKSet(new URL('https://id.example.test/jwks'));\n\nexport function wire(io: Server) {\n  io.use((socket, next) => {\n    console.debug('connect', socket.id, socket.handshake.headers);\n    next();\n  });\n}\n\nexport function rpc(call: ServerUnaryCall<unknown, unknown>) {\n  console.info('rpc', call.getPath(), call.metadata.toJSON());\n}\n\nexport async function issue(userName: string) {\n  const created = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));\n  console.log('issued', '[redacted]');\n  console.log('access key', created.AccessKey);\n}\n\nexport function mailer() {\n  const transport = nodemailer.createTransport({ host: 'smtp.example.test', auth: { user: 'ops', pass: readSecret('smtp') } });\n  console.log('transport', transport.options);\n}\n\nexport async function check(params: { session?: string; page?: number }, secrets: Record<string, string>) {\n  if (params.session) await jwtVerify(params.session, jwks);\n  console.log('params', params);\n  for (const [label, value] of Object.entries(secrets)) console.log(label, value);\n}\n\nexport async function exchange(pw: string, username: string, idToken: string, session: { value: string }) {\n  const body = new URLSearchParams({ grant_type: 'password', username, password: pw });\n  console.log('token request', body.toString());\n  console.log('signed in', { username, idToken });\n  await fetch('https://api.example.test', { headers: { 'x-service-token': session.value } });\n  console.log('session', session.value);\n}\n\nexport function sms(digits: string) {\n  console.log(`Your Acme code: ${digits}`);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 25,
          column: 29,
          endLine: 25,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { jwtVerify, createRemoteJWKSet } from 'jose';\nimport type { Server } from 'socket.io';\nimport type { ServerUnaryCall } from '@grpc/grpc-js';\nimport { IAMClient, CreateAccessKeyCommand } from '@aws-sdk/client-iam';\nimport nodemailer from 'nodemailer';\n\ndeclare function readSecret(name: string): string;\nconst iam = new IAMClient({});\nconst jwks = createRemoteJWKSet(new URL('https://id.example.test/jwks'));\n\nexport function wire(io: Server) {\n  io.use((socket, next) => {\n    console.debug('connect', socket.id, socket.handshake.headers);\n    next();\n  });\n}\n\nexport function rpc(call: ServerUnaryCall<unknown, unknown>) {\n  console.info('rpc', call.getPath(), call.metadata.toJSON());\n}\n\nexport async function issue(userName: string) {\n  const created = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));\n  console.log('issued', created);\n  console.log('access key', '[redacted]');\n}\n\nexport function mailer() {\n  const transport = nodemailer.createTransport({ host: 'smtp.example.test', auth: { user: 'ops', pass: readSecret('smtp') } });\n  console.log('transport', transport.options);\n}\n\nexport async function check(params: { session?: string; page?: number }, secrets: Record<string, string>) {\n  if (params.session) await jwtVerify(params.session, jwks);\n  console.log('params', params);\n  for (const [label, value] of Object.entries(secrets)) console.log(label, value);\n}\n\nexport async function exchange(pw: string, username: string, idToken: string, session: { value: string }) {\n  const body = new URLSearchParams({ grant_type: 'password', username, password: pw });\n  console.log('token request', body.toString());\n  console.log('signed in', { username, idToken });\n  await fetch('https://api.example.test', { headers: { 'x-service-token': session.value } });\n  console.log('session', session.value);\n}\n\nexport function sms(digits: string) {\n  console.log(`Your Acme code: ${digits}`);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 30,
          column: 28,
          endLine: 30,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { jwtVerify, createRemoteJWKSet } from 'jose';\nimport type { Server } from 'socket.io';\nimport type { ServerUnaryCall } from '@grpc/grpc-js';\nimport { IAMClient, CreateAccessKeyCommand } from '@aws-sdk/client-iam';\nimport nodemailer from 'nodemailer';\n\ndeclare function readSecret(name: string): string;\nconst iam = new IAMClient({});\nconst jwks = createRemoteJWKSet(new URL('https://id.example.test/jwks'));\n\nexport function wire(io: Server) {\n  io.use((socket, next) => {\n    console.debug('connect', socket.id, socket.handshake.headers);\n    next();\n  });\n}\n\nexport function rpc(call: ServerUnaryCall<unknown, unknown>) {\n  console.info('rpc', call.getPath(), call.metadata.toJSON());\n}\n\nexport async function issue(userName: string) {\n  const created = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));\n  console.log('issued', created);\n  console.log('access key', created.AccessKey);\n}\n\nexport function mailer() {\n  const transport = nodemailer.createTransport({ host: 'smtp.example.test', auth: { user: 'ops', pass: readSecret('smtp') } });\n  console.log('transport', '[redacted]');\n}\n\nexport async function check(params: { session?: string; page?: number }, secrets: Record<string, string>) {\n  if (params.session) await jwtVerify(params.session, jwks);\n  console.log('params', params);\n  for (const [label, value] of Object.entries(secrets)) console.log(label, value);\n}\n\nexport async function exchange(pw: string, username: string, idToken: string, session: { value: string }) {\n  const body = new URLSearchParams({ grant_type: 'password', username, password: pw });\n  console.log('token request', body.toString());\n  console.log('signed in', { username, idToken });\n  await fetch('https://api.example.test', { headers: { 'x-service-token': session.value } });\n  console.log('session', session.value);\n}\n\nexport function sms(digits: string) {\n  console.log(`Your Acme code: ${digits}`);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 35,
          column: 25,
          endLine: 35,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { jwtVerify, createRemoteJWKSet } from 'jose';\nimport type { Server } from 'socket.io';\nimport type { ServerUnaryCall } from '@grpc/grpc-js';\nimport { IAMClient, CreateAccessKeyCommand } from '@aws-sdk/client-iam';\nimport nodemailer from 'nodemailer';\n\ndeclare function readSecret(name: string): string;\nconst iam = new IAMClient({});\nconst jwks = createRemoteJWKSet(new URL('https://id.example.test/jwks'));\n\nexport function wire(io: Server) {\n  io.use((socket, next) => {\n    console.debug('connect', socket.id, socket.handshake.headers);\n    next();\n  });\n}\n\nexport function rpc(call: ServerUnaryCall<unknown, unknown>) {\n  console.info('rpc', call.getPath(), call.metadata.toJSON());\n}\n\nexport async function issue(userName: string) {\n  const created = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));\n  console.log('issued', created);\n  console.log('access key', created.AccessKey);\n}\n\nexport function mailer() {\n  const transport = nodemailer.createTransport({ host: 'smtp.example.test', auth: { user: 'ops', pass: readSecret('smtp') } });\n  console.log('transport', transport.options);\n}\n\nexport async function check(params: { session?: string; page?: number }, secrets: Record<string, string>) {\n  if (params.session) await jwtVerify(params.session, jwks);\n  console.log('params', '[redacted]');\n  for (const [label, value] of Object.entries(secrets)) console.log(label, value);\n}\n\nexport async function exchange(pw: string, username: string, idToken: string, session: { value: string }) {\n  const body = new URLSearchParams({ grant_type: 'password', username, password: pw });\n  console.log('token request', body.toString());\n  console.log('signed in', { username, idToken });\n  await fetch('https://api.example.test', { headers: { 'x-service-token': session.value } });\n  console.log('session', session.value);\n}\n\nexport function sms(digits: string) {\n  console.log(`Your Acme code: ${digits}`);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 36,
          column: 76,
          endLine: 36,
          endColumn: 81,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { jwtVerify, createRemoteJWKSet } from 'jose';\nimport type { Server } from 'socket.io';\nimport type { ServerUnaryCall } from '@grpc/grpc-js';\nimport { IAMClient, CreateAccessKeyCommand } from '@aws-sdk/client-iam';\nimport nodemailer from 'nodemailer';\n\ndeclare function readSecret(name: string): string;\nconst iam = new IAMClient({});\nconst jwks = createRemoteJWKSet(new URL('https://id.example.test/jwks'));\n\nexport function wire(io: Server) {\n  io.use((socket, next) => {\n    console.debug('connect', socket.id, socket.handshake.headers);\n    next();\n  });\n}\n\nexport function rpc(call: ServerUnaryCall<unknown, unknown>) {\n  console.info('rpc', call.getPath(), call.metadata.toJSON());\n}\n\nexport async function issue(userName: string) {\n  const created = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));\n  console.log('issued', created);\n  console.log('access key', created.AccessKey);\n}\n\nexport function mailer() {\n  const transport = nodemailer.createTransport({ host: 'smtp.example.test', auth: { user: 'ops', pass: readSecret('smtp') } });\n  console.log('transport', transport.options);\n}\n\nexport async function check(params: { session?: string; page?: number }, secrets: Record<string, string>) {\n  if (params.session) await jwtVerify(params.session, jwks);\n  console.log('params', params);\n  for (const [label, value] of Object.entries(secrets)) console.log(label, '[redacted]');\n}\n\nexport async function exchange(pw: string, username: string, idToken: string, session: { value: string }) {\n  const body = new URLSearchParams({ grant_type: 'password', username, password: pw });\n  console.log('token request', body.toString());\n  console.log('signed in', { username, idToken });\n  await fetch('https://api.example.test', { headers: { 'x-service-token': session.value } });\n  console.log('session', session.value);\n}\n\nexport function sms(digits: string) {\n  console.log(`Your Acme code: ${digits}`);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 41,
          column: 32,
          endLine: 41,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { jwtVerify, createRemoteJWKSet } from 'jose';\nimport type { Server } from 'socket.io';\nimport type { ServerUnaryCall } from '@grpc/grpc-js';\nimport { IAMClient, CreateAccessKeyCommand } from '@aws-sdk/client-iam';\nimport nodemailer from 'nodemailer';\n\ndeclare function readSecret(name: string): string;\nconst iam = new IAMClient({});\nconst jwks = createRemoteJWKSet(new URL('https://id.example.test/jwks'));\n\nexport function wire(io: Server) {\n  io.use((socket, next) => {\n    console.debug('connect', socket.id, socket.handshake.headers);\n    next();\n  });\n}\n\nexport function rpc(call: ServerUnaryCall<unknown, unknown>) {\n  console.info('rpc', call.getPath(), call.metadata.toJSON());\n}\n\nexport async function issue(userName: string) {\n  const created = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));\n  console.log('issued', created);\n  console.log('access key', created.AccessKey);\n}\n\nexport function mailer() {\n  const transport = nodemailer.createTransport({ host: 'smtp.example.test', auth: { user: 'ops', pass: readSecret('smtp') } });\n  console.log('transport', transport.options);\n}\n\nexport async function check(params: { session?: string; page?: number }, secrets: Record<string, string>) {\n  if (params.session) await jwtVerify(params.session, jwks);\n  console.log('params', params);\n  for (const [label, value] of Object.entries(secrets)) console.log(label, value);\n}\n\nexport async function exchange(pw: string, username: string, idToken: string, session: { value: string }) {\n  const body = new URLSearchParams({ grant_type: 'password', username, password: pw });\n  console.log('token request', '[redacted]');\n  console.log('signed in', { username, idToken });\n  await fetch('https://api.example.test', { headers: { 'x-service-token': session.value } });\n  console.log('session', session.value);\n}\n\nexport function sms(digits: string) {\n  console.log(`Your Acme code: ${digits}`);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 42,
          column: 40,
          endLine: 42,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { jwtVerify, createRemoteJWKSet } from 'jose';\nimport type { Server } from 'socket.io';\nimport type { ServerUnaryCall } from '@grpc/grpc-js';\nimport { IAMClient, CreateAccessKeyCommand } from '@aws-sdk/client-iam';\nimport nodemailer from 'nodemailer';\n\ndeclare function readSecret(name: string): string;\nconst iam = new IAMClient({});\nconst jwks = createRemoteJWKSet(new URL('https://id.example.test/jwks'));\n\nexport function wire(io: Server) {\n  io.use((socket, next) => {\n    console.debug('connect', socket.id, socket.handshake.headers);\n    next();\n  });\n}\n\nexport function rpc(call: ServerUnaryCall<unknown, unknown>) {\n  console.info('rpc', call.getPath(), call.metadata.toJSON());\n}\n\nexport async function issue(userName: string) {\n  const created = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));\n  console.log('issued', created);\n  console.log('access key', created.AccessKey);\n}\n\nexport function mailer() {\n  const transport = nodemailer.createTransport({ host: 'smtp.example.test', auth: { user: 'ops', pass: readSecret('smtp') } });\n  console.log('transport', transport.options);\n}\n\nexport async function check(params: { session?: string; page?: number }, secrets: Record<string, string>) {\n  if (params.session) await jwtVerify(params.session, jwks);\n  console.log('params', params);\n  for (const [label, value] of Object.entries(secrets)) console.log(label, value);\n}\n\nexport async function exchange(pw: string, username: string, idToken: string, session: { value: string }) {\n  const body = new URLSearchParams({ grant_type: 'password', username, password: pw });\n  console.log('token request', body.toString());\n  console.log('signed in', { username, idToken: '[redacted]' });\n  await fetch('https://api.example.test', { headers: { 'x-service-token': session.value } });\n  console.log('session', session.value);\n}\n\nexport function sms(digits: string) {\n  console.log(`Your Acme code: ${digits}`);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 44,
          column: 26,
          endLine: 44,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { jwtVerify, createRemoteJWKSet } from 'jose';\nimport type { Server } from 'socket.io';\nimport type { ServerUnaryCall } from '@grpc/grpc-js';\nimport { IAMClient, CreateAccessKeyCommand } from '@aws-sdk/client-iam';\nimport nodemailer from 'nodemailer';\n\ndeclare function readSecret(name: string): string;\nconst iam = new IAMClient({});\nconst jwks = createRemoteJWKSet(new URL('https://id.example.test/jwks'));\n\nexport function wire(io: Server) {\n  io.use((socket, next) => {\n    console.debug('connect', socket.id, socket.handshake.headers);\n    next();\n  });\n}\n\nexport function rpc(call: ServerUnaryCall<unknown, unknown>) {\n  console.info('rpc', call.getPath(), call.metadata.toJSON());\n}\n\nexport async function issue(userName: string) {\n  const created = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));\n  console.log('issued', created);\n  console.log('access key', created.AccessKey);\n}\n\nexport function mailer() {\n  const transport = nodemailer.createTransport({ host: 'smtp.example.test', auth: { user: 'ops', pass: readSecret('smtp') } });\n  console.log('transport', transport.options);\n}\n\nexport async function check(params: { session?: string; page?: number }, secrets: Record<string, string>) {\n  if (params.session) await jwtVerify(params.session, jwks);\n  console.log('params', params);\n  for (const [label, value] of Object.entries(secrets)) console.log(label, value);\n}\n\nexport async function exchange(pw: string, username: string, idToken: string, session: { value: string }) {\n  const body = new URLSearchParams({ grant_type: 'password', username, password: pw });\n  console.log('token request', body.toString());\n  console.log('signed in', { username, idToken });\n  await fetch('https://api.example.test', { headers: { 'x-service-token': session.value } });\n  console.log('session', '[redacted]');\n}\n\nexport function sms(digits: string) {\n  console.log(`Your Acme code: ${digits}`);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 48,
          column: 34,
          endLine: 48,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { jwtVerify, createRemoteJWKSet } from 'jose';\nimport type { Server } from 'socket.io';\nimport type { ServerUnaryCall } from '@grpc/grpc-js';\nimport { IAMClient, CreateAccessKeyCommand } from '@aws-sdk/client-iam';\nimport nodemailer from 'nodemailer';\n\ndeclare function readSecret(name: string): string;\nconst iam = new IAMClient({});\nconst jwks = createRemoteJWKSet(new URL('https://id.example.test/jwks'));\n\nexport function wire(io: Server) {\n  io.use((socket, next) => {\n    console.debug('connect', socket.id, socket.handshake.headers);\n    next();\n  });\n}\n\nexport function rpc(call: ServerUnaryCall<unknown, unknown>) {\n  console.info('rpc', call.getPath(), call.metadata.toJSON());\n}\n\nexport async function issue(userName: string) {\n  const created = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));\n  console.log('issued', created);\n  console.log('access key', created.AccessKey);\n}\n\nexport function mailer() {\n  const transport = nodemailer.createTransport({ host: 'smtp.example.test', auth: { user: 'ops', pass: readSecret('smtp') } });\n  console.log('transport', transport.options);\n}\n\nexport async function check(params: { session?: string; page?: number }, secrets: Record<string, string>) {\n  if (params.session) await jwtVerify(params.session, jwks);\n  console.log('params', params);\n  for (const [label, value] of Object.entries(secrets)) console.log(label, value);\n}\n\nexport async function exchange(pw: string, username: string, idToken: string, session: { value: string }) {\n  const body = new URLSearchParams({ grant_type: 'password', username, password: pw });\n  console.log('token request', body.toString());\n  console.log('signed in', { username, idToken });\n  await fetch('https://api.example.test', { headers: { 'x-service-token': session.value } });\n  console.log('session', session.value);\n}\n\nexport function sms(digits: string) {\n  console.log(`Your Acme code: [redacted]`);\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
