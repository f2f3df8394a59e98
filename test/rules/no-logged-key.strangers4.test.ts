/**
 * no-logged-key on classes of strangers' code (issue 11, session 21), each written from how public code writes
 * it (NextAuth callbacks, Nest DTOs, BullMQ workers, commander CLIs, Express/Koa/Fastify/Next/Lambda responses,
 * Sentry scopes, OpenTelemetry spans, chalk/ora/consola output, http-errors/Boom/Hono errors), with near misses
 * that must stay silent:
 * - a whole object whose secret member the file reads, writes, destructures or fills (`account.access_token`,
 *   `job.data.signingSecret`, `created.push({ password })`), or whose declared or named type carries one;
 * - a generic name used as a credential elsewhere in the file (`Authorization: \`Bearer ${opts.token}\``);
 * - the server's own secrets (env, config, private keys) in HTTP responses; issued tokens and API keys stay silent;
 * - one-time codes named by the message, head-noun secret names (`endpointSecret`), arrays of secret lines,
 *   `Bun.write`, request cookies, typed API Gateway events, `Buffer.from(key).toString('hex')`;
 * - an unencrypted private key export written owner-only (ssh-keygen's store) stays silent;
 * - near misses from real repositories: server development-only logging (not client `__DEV__` builds), another function's `opts`, a callback member
 *   (`options.getPrivateKey`), a flag about a secret (`missingPassword`) as an error's cause.
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-logged-key (strangers, session 21)', rule, {
  valid: [
    {
      code: "import { tokenize } from './lexer';\n\nexport function parse(src: string) {\n  for (const token of tokenize(src)) {\n    if (token.kind === 'error') throw new Error(`unexpected token ${token.text} at ${token.pos}`);\n    console.log('token', token.text);\n  }\n}\n\nexport async function page(client: { list(t?: string): Promise<{ nextToken?: string }> }) {\n  const r = await client.list();\n  console.log('next page', r.nextToken);\n}\n",
      filename: 'src/c4-near.ts',
    },
    {
      code: "import { createLogger } from './log';\nconst log = createLogger('users');\n\nexport async function showProfile(user: { id: string; email: string; passwordHash: string }, verify: (h: string) => boolean) {\n  log.info('profile', user);\n  if (!verify(user.passwordHash)) log.warn('bad hash for', user.id);\n}\n\nexport function describeSession(session: { user: { name: string }; expires: string }) {\n  console.log('session', session, session.user.name);\n}\n\nexport function audit(event: { type: string; actor: string }) {\n  console.log('audit', event, event.actor);\n}\n\nexport function maskedConfig(cfg: { apiKey: string; region: string }) {\n  const shown = { ...cfg, apiKey: '***' };\n  console.log('config', shown, cfg.region);\n}\n",
      filename: 'src/w5-near.ts',
    },
    {
      code: "import { createLogger } from './log';\nconst logger = createLogger('client');\n\nexport class Client {\n  login(opts: { user: string; accessToken?: string }) {\n    return fetch('/login', { method: 'POST', body: JSON.stringify({ user: opts.user, token: opts.accessToken }) });\n  }\n\n  join(room: string, opts: { viaServers?: string[]; reason?: string }) {\n    logger.debug(`join ${room} opts=${JSON.stringify(opts)}`);\n  }\n\n  create(options: { host: string; getPrivateKey?: () => string }) {\n    const key = options.getPrivateKey?.();\n    logger.debug('created client', options);\n    return key;\n  }\n\n  fail(result: { errorMessage: string; missingPassword: boolean }) {\n    return new Error(result.errorMessage, { cause: result.missingPassword });\n  }\n}\n",
      filename: 'src/x5-scoped.ts',
    },
  ],
  invalid: [
    {
      code: "import { writeFileSync } from 'node:fs';\nimport { Wallet } from 'ethers';\n\nexport function exportWallet(file: string) {\n  const wallet = Wallet.createRandom();\n  const lines = [`address: ${wallet.address}`, `private key: ${wallet.privateKey}`];\n  writeFileSync(file, lines.join('\\n'));\n  const summary = [`address: ${wallet.address}`, `created: ${new Date().toISOString()}`];\n  writeFileSync(`${file}.txt`, summary.join('\\n'));\n}\n",
      filename: 'src/a1-arrays.ts',
      errors: [{ messageId: 'keyInFile', line: 7, column: 23, endLine: 7, endColumn: 39, suggestions: [] }],
    },
    {
      code: "const apiKey = process.env.OPENAI_API_KEY;\nawait Bun.write('debug/request.json', JSON.stringify({ model: 'gpt-4o', apiKey }));\nawait Bun.write('debug/model.json', JSON.stringify({ model: 'gpt-4o' }));\n",
      filename: 'src/b1-bun.ts',
      errors: [{ messageId: 'keyInFile', line: 2, column: 73, endLine: 2, endColumn: 79, suggestions: [] }],
    },
    {
      code: "import { Command } from 'commander';\n\nconst program = new Command();\nprogram\n  .command('whoami')\n  .option('--token <token>', 'personal access token')\n  .action(async (opts: { token?: string; verbose?: boolean }) => {\n    if (!opts.token) throw new Error('pass --token or set GH_TOKEN');\n    const res = await fetch('https://api.github.com/user', { headers: { Authorization: `Bearer ${opts.token}` } });\n    if (opts.verbose) console.log(`GET /user with ${opts.token} -> ${res.status}`);\n    console.log(opts.token ? 'token given' : 'no token');\n  });\nprogram.parse();\n",
      filename: 'src/c1-cli.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 10,
          column: 53,
          endLine: 10,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Command } from 'commander';\n\nconst program = new Command();\nprogram\n  .command('whoami')\n  .option('--token <token>', 'personal access token')\n  .action(async (opts: { token?: string; verbose?: boolean }) => {\n    if (!opts.token) throw new Error('pass --token or set GH_TOKEN');\n    const res = await fetch('https://api.github.com/user', { headers: { Authorization: `Bearer ${opts.token}` } });\n    if (opts.verbose) console.log(`GET /user with [redacted] -> ${res.status}`);\n    console.log(opts.token ? 'token given' : 'no token');\n  });\nprogram.parse();\n",
            },
          ],
        },
      ],
    },
    {
      code: "import axios from 'axios';\nimport { readFile } from 'node:fs/promises';\nimport debug from 'debug';\n\nconst dbg = debug('deploy:client');\n\nexport async function client(tokenFile: string) {\n  const token = (await readFile(tokenFile, 'utf8')).trim();\n  dbg('loaded credentials %s', token);\n  dbg('token length %d', token.length);\n  return axios.create({ baseURL: 'https://deploy.example.com', headers: { authorization: 'token ' + token } });\n}\n",
      filename: 'src/c2-axios.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 9,
          column: 32,
          endLine: 9,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import axios from 'axios';\nimport { readFile } from 'node:fs/promises';\nimport debug from 'debug';\n\nconst dbg = debug('deploy:client');\n\nexport async function client(tokenFile: string) {\n  const token = (await readFile(tokenFile, 'utf8')).trim();\n  dbg('loaded credentials %s', '[redacted]');\n  dbg('token length %d', token.length);\n  return axios.create({ baseURL: 'https://deploy.example.com', headers: { authorization: 'token ' + token } });\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "export class RegistryClient {\n  constructor(private readonly auth: { user: string; token: string }) {}\n\n  async publish(pkg: string, body: Uint8Array) {\n    const res = await fetch(`https://registry.example.com/${pkg}`, {\n      method: 'PUT',\n      headers: { Authorization: `Bearer ${this.auth.token}` },\n      body,\n    });\n    if (res.status === 401) throw new Error(`registry rejected ${this.auth.user}:${this.auth.token}`);\n    if (!res.ok) throw new Error(`publish of ${pkg} failed for ${this.auth.user}`);\n  }\n}\n",
      filename: 'src/c3-error.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 10,
          column: 84,
          endLine: 10,
          endColumn: 99,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "export class RegistryClient {\n  constructor(private readonly auth: { user: string; token: string }) {}\n\n  async publish(pkg: string, body: Uint8Array) {\n    const res = await fetch(`https://registry.example.com/${pkg}`, {\n      method: 'PUT',\n      headers: { Authorization: `Bearer ${this.auth.token}` },\n      body,\n    });\n    if (res.status === 401) throw new Error(`registry rejected ${this.auth.user}:[redacted]`);\n    if (!res.ok) throw new Error(`publish of ${pkg} failed for ${this.auth.user}`);\n  }\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import Stripe from 'stripe';\nimport pino from 'pino';\nconst logger = pino();\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);\n\nexport function verify(body: string, sig: string, endpointSecret: string) {\n  try {\n    return stripe.webhooks.constructEvent(body, sig, endpointSecret);\n  } catch (err) {\n    logger.error({ err, endpointSecret }, 'bad signature');\n    logger.error({ secretEndpoint: '/hooks/stripe', tokenEndpoint: 'https://x/token' }, 'endpoints');\n    throw err;\n  }\n}\n\nexport function login(username: string, inputPassword: string) {\n  console.log('login attempt', username, inputPassword);\n}\n",
      filename: 'src/h1-head.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 10,
          column: 25,
          endLine: 10,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import Stripe from 'stripe';\nimport pino from 'pino';\nconst logger = pino();\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);\n\nexport function verify(body: string, sig: string, endpointSecret: string) {\n  try {\n    return stripe.webhooks.constructEvent(body, sig, endpointSecret);\n  } catch (err) {\n    logger.error({ err, endpointSecret: '[redacted]' }, 'bad signature');\n    logger.error({ secretEndpoint: '/hooks/stripe', tokenEndpoint: 'https://x/token' }, 'endpoints');\n    throw err;\n  }\n}\n\nexport function login(username: string, inputPassword: string) {\n  console.log('login attempt', username, inputPassword);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 17,
          column: 42,
          endLine: 17,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import Stripe from 'stripe';\nimport pino from 'pino';\nconst logger = pino();\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);\n\nexport function verify(body: string, sig: string, endpointSecret: string) {\n  try {\n    return stripe.webhooks.constructEvent(body, sig, endpointSecret);\n  } catch (err) {\n    logger.error({ err, endpointSecret }, 'bad signature');\n    logger.error({ secretEndpoint: '/hooks/stripe', tokenEndpoint: 'https://x/token' }, 'endpoints');\n    throw err;\n  }\n}\n\nexport function login(username: string, inputPassword: string) {\n  console.log('login attempt', username, '[redacted]');\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import { Injectable, Logger } from '@nestjs/common';\n\n@Injectable()\nexport class OtpService {\n  private readonly logger = new Logger(OtpService.name);\n\n  async sendSms(phone: string, code: string) {\n    this.logger.debug(`sms code ${code} sent to ${phone}`);\n  }\n\n  async sendEmail(email: string, code: string) {\n    console.log(`verification code for ${email}: ${code}`);\n  }\n\n  async magic(email: string, pin: string) {\n    console.info(`[auth] login code ${pin} (${email})`);\n  }\n\n  fail(status: number, code: string) {\n    console.error(`request failed with status code ${status}, error code ${code}`);\n    console.log(`country code ${code}`);\n  }\n}\n",
      filename: 'src/p1-codes.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 8,
          column: 35,
          endLine: 8,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Injectable, Logger } from '@nestjs/common';\n\n@Injectable()\nexport class OtpService {\n  private readonly logger = new Logger(OtpService.name);\n\n  async sendSms(phone: string, code: string) {\n    this.logger.debug(`sms code [redacted] sent to ${phone}`);\n  }\n\n  async sendEmail(email: string, code: string) {\n    console.log(`verification code for ${email}: ${code}`);\n  }\n\n  async magic(email: string, pin: string) {\n    console.info(`[auth] login code ${pin} (${email})`);\n  }\n\n  fail(status: number, code: string) {\n    console.error(`request failed with status code ${status}, error code ${code}`);\n    console.log(`country code ${code}`);\n  }\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 12,
          column: 52,
          endLine: 12,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Injectable, Logger } from '@nestjs/common';\n\n@Injectable()\nexport class OtpService {\n  private readonly logger = new Logger(OtpService.name);\n\n  async sendSms(phone: string, code: string) {\n    this.logger.debug(`sms code ${code} sent to ${phone}`);\n  }\n\n  async sendEmail(email: string, code: string) {\n    console.log(`verification code for ${email}: [redacted]`);\n  }\n\n  async magic(email: string, pin: string) {\n    console.info(`[auth] login code ${pin} (${email})`);\n  }\n\n  fail(status: number, code: string) {\n    console.error(`request failed with status code ${status}, error code ${code}`);\n    console.log(`country code ${code}`);\n  }\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 16,
          column: 39,
          endLine: 16,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Injectable, Logger } from '@nestjs/common';\n\n@Injectable()\nexport class OtpService {\n  private readonly logger = new Logger(OtpService.name);\n\n  async sendSms(phone: string, code: string) {\n    this.logger.debug(`sms code ${code} sent to ${phone}`);\n  }\n\n  async sendEmail(email: string, code: string) {\n    console.log(`verification code for ${email}: ${code}`);\n  }\n\n  async magic(email: string, pin: string) {\n    console.info(`[auth] login code [redacted] (${email})`);\n  }\n\n  fail(status: number, code: string) {\n    console.error(`request failed with status code ${status}, error code ${code}`);\n    console.log(`country code ${code}`);\n  }\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "const express = require('express');\nconst jwt = require('jsonwebtoken');\nconst router = express.Router();\n\nrouter.get('/debug/config', (req, res) => {\n  res.json({\n    jwtSecret: process.env.JWT_SECRET,\n    region: process.env.AWS_REGION,\n  });\n});\n\nrouter.post('/login', async (req, res) => {\n  const user = await findUser(req.body.email);\n  const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });\n  res.json({ token, expiresIn: 3600 });\n});\n\nrouter.get('/stripe/config', (req, res) => {\n  res.send({ publishableKey: process.env.STRIPE_PUBLISHABLE_KEY, hasSecret: Boolean(process.env.STRIPE_SECRET_KEY) });\n});\n\nasync function findUser(email) {\n  return { id: email };\n}\nmodule.exports = router;\n",
      filename: 'src/r1-express.js',
      errors: [{ messageId: 'keyInResponse', line: 7, column: 16, endLine: 7, endColumn: 38, suggestions: [] }],
    },
    {
      code: "import { NextResponse } from 'next/server';\n\nexport async function GET() {\n  return NextResponse.json({ ok: true, env: process.env });\n}\n\nexport async function POST(request: Request) {\n  const { name } = await request.json();\n  const apiKey = await createApiKey(name);\n  return NextResponse.json({ apiKey, name }, { status: 201 });\n}\n\nasync function createApiKey(name: string): Promise<string> {\n  return `key_${name}`;\n}\n",
      filename: 'src/r2-next.ts',
      errors: [{ messageId: 'keyInResponse', line: 4, column: 45, endLine: 4, endColumn: 56, suggestions: [] }],
    },
    {
      code: "import Router from '@koa/router';\nimport type { APIGatewayProxyHandlerV2 } from 'aws-lambda';\n\nconst router = new Router();\nrouter.get('/internal/keys', (ctx) => {\n  ctx.body = { webhookSecret: process.env.WEBHOOK_SIGNING_SECRET, service: 'hooks' };\n});\nrouter.get('/health', (ctx) => {\n  ctx.body = { ok: true, version: process.env.APP_VERSION };\n});\n\nexport const handler: APIGatewayProxyHandlerV2 = async () => {\n  const dbPassword = process.env.DB_PASSWORD;\n  return { statusCode: 200, body: JSON.stringify({ connected: true, dbPassword }) };\n};\nexport default router;\n",
      filename: 'src/r3-koa-lambda.ts',
      errors: [
        { messageId: 'keyInResponse', line: 6, column: 31, endLine: 6, endColumn: 65, suggestions: [] },
        { messageId: 'keyInResponse', line: 14, column: 69, endLine: 14, endColumn: 79, suggestions: [] },
      ],
    },
    {
      code: "import Fastify from 'fastify';\nimport { generateKeyPairSync } from 'node:crypto';\n\nconst app = Fastify({ logger: true });\n\napp.post('/keys', async (request, reply) => {\n  const { publicKey, privateKey } = generateKeyPairSync('ed25519');\n  reply.send({\n    publicKey: publicKey.export({ type: 'spki', format: 'pem' }),\n    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }),\n  });\n});\n\napp.get('/jwks', async (_request, reply) => {\n  const { publicKey } = generateKeyPairSync('ed25519');\n  return reply.send({ keys: [publicKey.export({ format: 'jwk' })] });\n});\nexport default app;\n",
      filename: 'src/r4-fastify.ts',
      errors: [{ messageId: 'keyInResponse', line: 10, column: 17, endLine: 10, endColumn: 68, suggestions: [] }],
    },
    {
      code: "import NextAuth from 'next-auth';\nimport GitHub from 'next-auth/providers/github';\n\nexport const { handlers, auth } = NextAuth({\n  providers: [GitHub],\n  callbacks: {\n    async jwt({ token, account, profile }) {\n      console.log('jwt callback account', account);\n      console.log('has access token', !!account?.access_token, account?.provider);\n      if (account) {\n        token.accessToken = account.access_token;\n        token.login = profile?.login;\n      }\n      return token;\n    },\n    async session({ session, token }) {\n      console.log('session for', session.user?.email);\n      return { ...session, login: token.login };\n    },\n  },\n});\n",
      filename: 'src/w1-nextauth.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 8,
          column: 43,
          endLine: 8,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import NextAuth from 'next-auth';\nimport GitHub from 'next-auth/providers/github';\n\nexport const { handlers, auth } = NextAuth({\n  providers: [GitHub],\n  callbacks: {\n    async jwt({ token, account, profile }) {\n      console.log('jwt callback account', '[redacted]');\n      console.log('has access token', !!account?.access_token, account?.provider);\n      if (account) {\n        token.accessToken = account.access_token;\n        token.login = profile?.login;\n      }\n      return token;\n    },\n    async session({ session, token }) {\n      console.log('session for', session.user?.email);\n      return { ...session, login: token.login };\n    },\n  },\n});\n",
            },
          ],
        },
      ],
    },
    {
      code: "import Stripe from 'stripe';\nimport { Injectable, Logger } from '@nestjs/common';\nimport { loadSettings } from './settings';\n\n@Injectable()\nexport class BillingService {\n  private readonly logger = new Logger(BillingService.name);\n  private readonly stripe: Stripe;\n\n  constructor() {\n    const settings = loadSettings();\n    this.stripe = new Stripe(settings.billing.stripeSecretKey, { apiVersion: '2024-06-20' });\n    this.logger.log(`billing ready with ${JSON.stringify(settings)}`);\n    this.logger.log(`billing currency ${settings.billing.currency}`);\n  }\n}\n",
      filename: 'src/w2-config.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 13,
          column: 43,
          endLine: 13,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import Stripe from 'stripe';\nimport { Injectable, Logger } from '@nestjs/common';\nimport { loadSettings } from './settings';\n\n@Injectable()\nexport class BillingService {\n  private readonly logger = new Logger(BillingService.name);\n  private readonly stripe: Stripe;\n\n  constructor() {\n    const settings = loadSettings();\n    this.stripe = new Stripe(settings.billing.stripeSecretKey, { apiVersion: '2024-06-20' });\n    this.logger.log(`billing ready with [redacted]`);\n    this.logger.log(`billing currency ${settings.billing.currency}`);\n  }\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "const { Worker } = require('bullmq');\nconst { pushToPartner } = require('./partner');\n\nconst worker = new Worker('webhooks', async (job) => {\n  await pushToPartner(job.data.url, job.data.payload, job.data.signingSecret);\n  return { delivered: true };\n});\n\nworker.on('failed', (job, err) => {\n  console.error('delivery failed', job && job.id, job && job.data, err.message);\n});\n\nworker.on('completed', (job) => {\n  console.log('delivered', job.id, job.data.url);\n});\n",
      filename: 'src/w3-queue.js',
      errors: [
        {
          messageId: 'loggedKey',
          line: 10,
          column: 58,
          endLine: 10,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "const { Worker } = require('bullmq');\nconst { pushToPartner } = require('./partner');\n\nconst worker = new Worker('webhooks', async (job) => {\n  await pushToPartner(job.data.url, job.data.payload, job.data.signingSecret);\n  return { delivered: true };\n});\n\nworker.on('failed', (job, err) => {\n  console.error('delivery failed', job && job.id, job && '[redacted]', err.message);\n});\n\nworker.on('completed', (job) => {\n  console.log('delivered', job.id, job.data.url);\n});\n",
            },
          ],
        },
      ],
    },
    {
      code: "import { Body, Controller, Logger, Post } from '@nestjs/common';\nimport { AuthService } from './auth.service';\n\nclass SignInDto {\n  email!: string;\n  password!: string;\n}\n\n@Controller('auth')\nexport class AuthController {\n  private readonly logger = new Logger('AuthController');\n  constructor(private readonly auth: AuthService) {}\n\n  @Post('sign-in')\n  async signIn(@Body() dto: SignInDto) {\n    this.logger.debug(dto);\n    this.logger.debug(`sign-in attempt for ${dto.email}`);\n    return this.auth.signIn(dto.email, dto.password);\n  }\n}\n",
      filename: 'src/w4-dto.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 16,
          column: 23,
          endLine: 16,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Body, Controller, Logger, Post } from '@nestjs/common';\nimport { AuthService } from './auth.service';\n\nclass SignInDto {\n  email!: string;\n  password!: string;\n}\n\n@Controller('auth')\nexport class AuthController {\n  private readonly logger = new Logger('AuthController');\n  constructor(private readonly auth: AuthService) {}\n\n  @Post('sign-in')\n  async signIn(@Body() dto: SignInDto) {\n    this.logger.debug('[redacted]');\n    this.logger.debug(`sign-in attempt for ${dto.email}`);\n    return this.auth.signIn(dto.email, dto.password);\n  }\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import { Body, Controller, Logger, Post } from '@nestjs/common';\nimport { RegisterUserDto } from './dto/register-user.dto';\nimport { UsersService } from './users.service';\n\ninterface ChangePasswordInput {\n  currentPassword: string;\n  newPassword: string;\n}\n\n@Controller('users')\nexport class UsersController {\n  private readonly logger = new Logger(UsersController.name);\n  constructor(private readonly users: UsersService) {}\n\n  @Post()\n  register(@Body() body: RegisterUserDto) {\n    this.logger.log(`register ${JSON.stringify(body)}`);\n    return this.users.register(body);\n  }\n\n  @Post('password')\n  change(@Body() input: ChangePasswordInput) {\n    this.logger.debug('change password', input);\n    return this.users.changePassword(input);\n  }\n\n  @Post('profile')\n  profile(@Body() profile: UpdateProfileDto) {\n    this.logger.debug('profile', profile);\n    return this.users.update(profile);\n  }\n}\n\nclass UpdateProfileDto {\n  displayName!: string;\n  avatarUrl?: string;\n}\n",
      filename: 'src/d1-dto.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 17,
          column: 33,
          endLine: 17,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Body, Controller, Logger, Post } from '@nestjs/common';\nimport { RegisterUserDto } from './dto/register-user.dto';\nimport { UsersService } from './users.service';\n\ninterface ChangePasswordInput {\n  currentPassword: string;\n  newPassword: string;\n}\n\n@Controller('users')\nexport class UsersController {\n  private readonly logger = new Logger(UsersController.name);\n  constructor(private readonly users: UsersService) {}\n\n  @Post()\n  register(@Body() body: RegisterUserDto) {\n    this.logger.log(`register [redacted]`);\n    return this.users.register(body);\n  }\n\n  @Post('password')\n  change(@Body() input: ChangePasswordInput) {\n    this.logger.debug('change password', input);\n    return this.users.changePassword(input);\n  }\n\n  @Post('profile')\n  profile(@Body() profile: UpdateProfileDto) {\n    this.logger.debug('profile', profile);\n    return this.users.update(profile);\n  }\n}\n\nclass UpdateProfileDto {\n  displayName!: string;\n  avatarUrl?: string;\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 23,
          column: 42,
          endLine: 23,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Body, Controller, Logger, Post } from '@nestjs/common';\nimport { RegisterUserDto } from './dto/register-user.dto';\nimport { UsersService } from './users.service';\n\ninterface ChangePasswordInput {\n  currentPassword: string;\n  newPassword: string;\n}\n\n@Controller('users')\nexport class UsersController {\n  private readonly logger = new Logger(UsersController.name);\n  constructor(private readonly users: UsersService) {}\n\n  @Post()\n  register(@Body() body: RegisterUserDto) {\n    this.logger.log(`register ${JSON.stringify(body)}`);\n    return this.users.register(body);\n  }\n\n  @Post('password')\n  change(@Body() input: ChangePasswordInput) {\n    this.logger.debug('change password', '[redacted]');\n    return this.users.changePassword(input);\n  }\n\n  @Post('profile')\n  profile(@Body() profile: UpdateProfileDto) {\n    this.logger.debug('profile', profile);\n    return this.users.update(profile);\n  }\n}\n\nclass UpdateProfileDto {\n  displayName!: string;\n  avatarUrl?: string;\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import { HTTPException } from 'hono/http-exception';\nimport createError from 'http-errors';\nimport Boom from '@hapi/boom';\n\nexport function checkKey(apiKey: string | undefined, expected: string) {\n  if (apiKey !== expected) throw new HTTPException(401, { message: `bad api key ${apiKey}` });\n}\n\nexport function checkSecret(clientSecret: string, known: Set<string>) {\n  if (!known.has(clientSecret)) throw createError(401, `unknown client secret ${clientSecret}`);\n}\n\nexport function checkToken(refreshToken: string, ok: boolean) {\n  if (!ok) throw Boom.unauthorized(`refresh token ${refreshToken} revoked`);\n  if (!ok) throw Boom.unauthorized(`refresh token revoked (length ${refreshToken.length})`);\n}\n",
      filename: 'src/e1-errors.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 6,
          column: 83,
          endLine: 6,
          endColumn: 89,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { HTTPException } from 'hono/http-exception';\nimport createError from 'http-errors';\nimport Boom from '@hapi/boom';\n\nexport function checkKey(apiKey: string | undefined, expected: string) {\n  if (apiKey !== expected) throw new HTTPException(401, { message: `bad api key [redacted]` });\n}\n\nexport function checkSecret(clientSecret: string, known: Set<string>) {\n  if (!known.has(clientSecret)) throw createError(401, `unknown client secret ${clientSecret}`);\n}\n\nexport function checkToken(refreshToken: string, ok: boolean) {\n  if (!ok) throw Boom.unauthorized(`refresh token ${refreshToken} revoked`);\n  if (!ok) throw Boom.unauthorized(`refresh token revoked (length ${refreshToken.length})`);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 10,
          column: 81,
          endLine: 10,
          endColumn: 93,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { HTTPException } from 'hono/http-exception';\nimport createError from 'http-errors';\nimport Boom from '@hapi/boom';\n\nexport function checkKey(apiKey: string | undefined, expected: string) {\n  if (apiKey !== expected) throw new HTTPException(401, { message: `bad api key ${apiKey}` });\n}\n\nexport function checkSecret(clientSecret: string, known: Set<string>) {\n  if (!known.has(clientSecret)) throw createError(401, `unknown client secret [redacted]`);\n}\n\nexport function checkToken(refreshToken: string, ok: boolean) {\n  if (!ok) throw Boom.unauthorized(`refresh token ${refreshToken} revoked`);\n  if (!ok) throw Boom.unauthorized(`refresh token revoked (length ${refreshToken.length})`);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 14,
          column: 53,
          endLine: 14,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { HTTPException } from 'hono/http-exception';\nimport createError from 'http-errors';\nimport Boom from '@hapi/boom';\n\nexport function checkKey(apiKey: string | undefined, expected: string) {\n  if (apiKey !== expected) throw new HTTPException(401, { message: `bad api key ${apiKey}` });\n}\n\nexport function checkSecret(clientSecret: string, known: Set<string>) {\n  if (!known.has(clientSecret)) throw createError(401, `unknown client secret ${clientSecret}`);\n}\n\nexport function checkToken(refreshToken: string, ok: boolean) {\n  if (!ok) throw Boom.unauthorized(`refresh token [redacted] revoked`);\n  if (!ok) throw Boom.unauthorized(`refresh token revoked (length ${refreshToken.length})`);\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: 'export function describe(apiKey: string, password: string) {\n  console.log(`using key ${apiKey.slice(0, 8)}…`);\n  console.log(`key starts ${apiKey.substring(0, 8)}`);\n  console.log(`password starts ${password.slice(0, 8)}`);\n  console.log(`key ${apiKey.slice(0, 20)}`);\n}\n',
      filename: 'src/m1-prefix.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 4,
          column: 34,
          endLine: 4,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "export function describe(apiKey: string, password: string) {\n  console.log(`using key ${apiKey.slice(0, 8)}…`);\n  console.log(`key starts ${apiKey.substring(0, 8)}`);\n  console.log(`password starts ${'[redacted]'.slice(0, 8)}`);\n  console.log(`key ${apiKey.slice(0, 20)}`);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 5,
          column: 22,
          endLine: 5,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "export function describe(apiKey: string, password: string) {\n  console.log(`using key ${apiKey.slice(0, 8)}…`);\n  console.log(`key starts ${apiKey.substring(0, 8)}`);\n  console.log(`password starts ${password.slice(0, 8)}`);\n  console.log(`key ${'[redacted]'.slice(0, 20)}`);\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import chalk from 'chalk';\nimport ora from 'ora';\nimport { consola } from 'consola';\nimport * as openpgp from 'openpgp';\n\nexport async function login(api: { createSession(u: string, p: string): Promise<{ accessToken: string; keyId: string }> }, user: string, password: string) {\n  const spinner = ora('Signing in').start();\n  const session = await api.createSession(user, password);\n  spinner.succeed(`Signed in; session token ${session.accessToken}`);\n  console.log(chalk.green('Access token:'), chalk.bold(session.accessToken));\n  console.log(chalk.dim(`key id ${session.keyId}`));\n  spinner.succeed('Signed in');\n}\n\nexport async function keygen(name: string, email: string, passphrase: string) {\n  const { privateKey, publicKey } = await openpgp.generateKey({ userIDs: [{ name, email }], passphrase });\n  consola.success(`Generated key for ${email}`);\n  consola.box(privateKey);\n  console.log(chalk.cyan(publicKey));\n}\n",
      filename: 'src/o1-chalk.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 9,
          column: 47,
          endLine: 9,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import chalk from 'chalk';\nimport ora from 'ora';\nimport { consola } from 'consola';\nimport * as openpgp from 'openpgp';\n\nexport async function login(api: { createSession(u: string, p: string): Promise<{ accessToken: string; keyId: string }> }, user: string, password: string) {\n  const spinner = ora('Signing in').start();\n  const session = await api.createSession(user, password);\n  spinner.succeed(`Signed in; session token [redacted]`);\n  console.log(chalk.green('Access token:'), chalk.bold(session.accessToken));\n  console.log(chalk.dim(`key id ${session.keyId}`));\n  spinner.succeed('Signed in');\n}\n\nexport async function keygen(name: string, email: string, passphrase: string) {\n  const { privateKey, publicKey } = await openpgp.generateKey({ userIDs: [{ name, email }], passphrase });\n  consola.success(`Generated key for ${email}`);\n  consola.box(privateKey);\n  console.log(chalk.cyan(publicKey));\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 10,
          column: 45,
          endLine: 10,
          endColumn: 76,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import chalk from 'chalk';\nimport ora from 'ora';\nimport { consola } from 'consola';\nimport * as openpgp from 'openpgp';\n\nexport async function login(api: { createSession(u: string, p: string): Promise<{ accessToken: string; keyId: string }> }, user: string, password: string) {\n  const spinner = ora('Signing in').start();\n  const session = await api.createSession(user, password);\n  spinner.succeed(`Signed in; session token ${session.accessToken}`);\n  console.log(chalk.green('Access token:'), '[redacted]');\n  console.log(chalk.dim(`key id ${session.keyId}`));\n  spinner.succeed('Signed in');\n}\n\nexport async function keygen(name: string, email: string, passphrase: string) {\n  const { privateKey, publicKey } = await openpgp.generateKey({ userIDs: [{ name, email }], passphrase });\n  consola.success(`Generated key for ${email}`);\n  consola.box(privateKey);\n  console.log(chalk.cyan(publicKey));\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 18,
          column: 15,
          endLine: 18,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import chalk from 'chalk';\nimport ora from 'ora';\nimport { consola } from 'consola';\nimport * as openpgp from 'openpgp';\n\nexport async function login(api: { createSession(u: string, p: string): Promise<{ accessToken: string; keyId: string }> }, user: string, password: string) {\n  const spinner = ora('Signing in').start();\n  const session = await api.createSession(user, password);\n  spinner.succeed(`Signed in; session token ${session.accessToken}`);\n  console.log(chalk.green('Access token:'), chalk.bold(session.accessToken));\n  console.log(chalk.dim(`key id ${session.keyId}`));\n  spinner.succeed('Signed in');\n}\n\nexport async function keygen(name: string, email: string, passphrase: string) {\n  const { privateKey, publicKey } = await openpgp.generateKey({ userIDs: [{ name, email }], passphrase });\n  consola.success(`Generated key for ${email}`);\n  consola.box('[redacted]');\n  console.log(chalk.cyan(publicKey));\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import type { Request, Response } from 'express';\nimport type { APIGatewayProxyEventV2, APIGatewayProxyHandler } from 'aws-lambda';\nimport type Koa from 'koa';\n\nexport function whoami(req: Request, res: Response) {\n  console.log('cookies', req.cookies);\n  console.log('theme', req.cookies.theme);\n  res.json({ ok: true });\n}\n\nexport async function handler(event: APIGatewayProxyEventV2) {\n  console.log('event', JSON.stringify(event));\n  return { statusCode: 204, body: '' };\n}\n\nexport const list: APIGatewayProxyHandler = async (event) => {\n  console.info(event);\n  return { statusCode: 200, body: JSON.stringify({ items: [] }) };\n};\n\nexport async function koaAudit(ctx: Koa.Context, next: () => Promise<void>) {\n  console.log('headers', ctx.headers);\n  console.log('path', ctx.path, ctx.method);\n  await next();\n}\n",
      filename: 'src/q1-cookies.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 6,
          column: 26,
          endLine: 6,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import type { Request, Response } from 'express';\nimport type { APIGatewayProxyEventV2, APIGatewayProxyHandler } from 'aws-lambda';\nimport type Koa from 'koa';\n\nexport function whoami(req: Request, res: Response) {\n  console.log('cookies', '[redacted]');\n  console.log('theme', req.cookies.theme);\n  res.json({ ok: true });\n}\n\nexport async function handler(event: APIGatewayProxyEventV2) {\n  console.log('event', JSON.stringify(event));\n  return { statusCode: 204, body: '' };\n}\n\nexport const list: APIGatewayProxyHandler = async (event) => {\n  console.info(event);\n  return { statusCode: 200, body: JSON.stringify({ items: [] }) };\n};\n\nexport async function koaAudit(ctx: Koa.Context, next: () => Promise<void>) {\n  console.log('headers', ctx.headers);\n  console.log('path', ctx.path, ctx.method);\n  await next();\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 12,
          column: 24,
          endLine: 12,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import type { Request, Response } from 'express';\nimport type { APIGatewayProxyEventV2, APIGatewayProxyHandler } from 'aws-lambda';\nimport type Koa from 'koa';\n\nexport function whoami(req: Request, res: Response) {\n  console.log('cookies', req.cookies);\n  console.log('theme', req.cookies.theme);\n  res.json({ ok: true });\n}\n\nexport async function handler(event: APIGatewayProxyEventV2) {\n  console.log('event', '[redacted]');\n  return { statusCode: 204, body: '' };\n}\n\nexport const list: APIGatewayProxyHandler = async (event) => {\n  console.info(event);\n  return { statusCode: 200, body: JSON.stringify({ items: [] }) };\n};\n\nexport async function koaAudit(ctx: Koa.Context, next: () => Promise<void>) {\n  console.log('headers', ctx.headers);\n  console.log('path', ctx.path, ctx.method);\n  await next();\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 17,
          column: 16,
          endLine: 17,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import type { Request, Response } from 'express';\nimport type { APIGatewayProxyEventV2, APIGatewayProxyHandler } from 'aws-lambda';\nimport type Koa from 'koa';\n\nexport function whoami(req: Request, res: Response) {\n  console.log('cookies', req.cookies);\n  console.log('theme', req.cookies.theme);\n  res.json({ ok: true });\n}\n\nexport async function handler(event: APIGatewayProxyEventV2) {\n  console.log('event', JSON.stringify(event));\n  return { statusCode: 204, body: '' };\n}\n\nexport const list: APIGatewayProxyHandler = async (event) => {\n  console.info('[redacted]');\n  return { statusCode: 200, body: JSON.stringify({ items: [] }) };\n};\n\nexport async function koaAudit(ctx: Koa.Context, next: () => Promise<void>) {\n  console.log('headers', ctx.headers);\n  console.log('path', ctx.path, ctx.method);\n  await next();\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 22,
          column: 26,
          endLine: 22,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import type { Request, Response } from 'express';\nimport type { APIGatewayProxyEventV2, APIGatewayProxyHandler } from 'aws-lambda';\nimport type Koa from 'koa';\n\nexport function whoami(req: Request, res: Response) {\n  console.log('cookies', req.cookies);\n  console.log('theme', req.cookies.theme);\n  res.json({ ok: true });\n}\n\nexport async function handler(event: APIGatewayProxyEventV2) {\n  console.log('event', JSON.stringify(event));\n  return { statusCode: 204, body: '' };\n}\n\nexport const list: APIGatewayProxyHandler = async (event) => {\n  console.info(event);\n  return { statusCode: 200, body: JSON.stringify({ items: [] }) };\n};\n\nexport async function koaAudit(ctx: Koa.Context, next: () => Promise<void>) {\n  console.log('headers', '[redacted]');\n  console.log('path', ctx.path, ctx.method);\n  await next();\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import * as Sentry from '@sentry/node';\nimport { trace } from '@opentelemetry/api';\n\nexport async function charge(req: { headers: Record<string, string>; body: { amount: number } }, apiKey: string) {\n  Sentry.withScope((scope) => {\n    scope.setExtra('paymentApiKey', apiKey);\n    scope.setTag('amount', String(req.body.amount));\n  });\n  const span = trace.getActiveSpan();\n  span?.setAttribute('payment.api_key', apiKey);\n  span?.setAttribute('payment.amount', req.body.amount);\n}\n",
      filename: 'src/s1-sentry.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 6,
          column: 37,
          endLine: 6,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import * as Sentry from '@sentry/node';\nimport { trace } from '@opentelemetry/api';\n\nexport async function charge(req: { headers: Record<string, string>; body: { amount: number } }, apiKey: string) {\n  Sentry.withScope((scope) => {\n    scope.setExtra('paymentApiKey', '[redacted]');\n    scope.setTag('amount', String(req.body.amount));\n  });\n  const span = trace.getActiveSpan();\n  span?.setAttribute('payment.api_key', apiKey);\n  span?.setAttribute('payment.amount', req.body.amount);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 10,
          column: 41,
          endLine: 10,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import * as Sentry from '@sentry/node';\nimport { trace } from '@opentelemetry/api';\n\nexport async function charge(req: { headers: Record<string, string>; body: { amount: number } }, apiKey: string) {\n  Sentry.withScope((scope) => {\n    scope.setExtra('paymentApiKey', apiKey);\n    scope.setTag('amount', String(req.body.amount));\n  });\n  const span = trace.getActiveSpan();\n  span?.setAttribute('payment.api_key', '[redacted]');\n  span?.setAttribute('payment.amount', req.body.amount);\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import createDebug from 'debug';\nconst debug = createDebug('ratchet');\n\nexport function step(chainKey: Uint8Array, messageKey: Uint8Array, header: Uint8Array) {\n  debug('chain key %s', Buffer.from(chainKey).toString('hex'));\n  console.log(`mk=${Buffer.from(messageKey).toString('base64')}`);\n  debug('header %s', Buffer.from(header).toString('hex'));\n}\n",
      filename: 'src/x1-buffer.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 5,
          column: 25,
          endLine: 5,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import createDebug from 'debug';\nconst debug = createDebug('ratchet');\n\nexport function step(chainKey: Uint8Array, messageKey: Uint8Array, header: Uint8Array) {\n  debug('chain key %s', '[redacted]');\n  console.log(`mk=${Buffer.from(messageKey).toString('base64')}`);\n  debug('header %s', Buffer.from(header).toString('hex'));\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 6,
          column: 21,
          endLine: 6,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import createDebug from 'debug';\nconst debug = createDebug('ratchet');\n\nexport function step(chainKey: Uint8Array, messageKey: Uint8Array, header: Uint8Array) {\n  debug('chain key %s', Buffer.from(chainKey).toString('hex'));\n  console.log(`mk=[redacted]`);\n  debug('header %s', Buffer.from(header).toString('hex'));\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import { writeFileSync } from 'node:fs';\nimport { randomBytes } from 'node:crypto';\n\nexport function seedUsers(n: number) {\n  const created: Array<{ email: string; password: string }> = [];\n  const summary: Array<{ email: string; role: string }> = [];\n  for (let i = 0; i < n; i++) {\n    const email = `user${i}@example.test`;\n    const password = randomBytes(9).toString('base64url');\n    created.push({ email, password });\n    summary.push({ email, role: 'member' });\n  }\n  writeFileSync('seed-output.json', JSON.stringify(created, null, 2));\n  console.table(summary);\n  console.log(created);\n}\n",
      filename: 'src/x2-push.ts',
      errors: [
        { messageId: 'keyInFile', line: 13, column: 52, endLine: 13, endColumn: 59, suggestions: [] },
        {
          messageId: 'loggedKey',
          line: 15,
          column: 15,
          endLine: 15,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { writeFileSync } from 'node:fs';\nimport { randomBytes } from 'node:crypto';\n\nexport function seedUsers(n: number) {\n  const created: Array<{ email: string; password: string }> = [];\n  const summary: Array<{ email: string; role: string }> = [];\n  for (let i = 0; i < n; i++) {\n    const email = `user${i}@example.test`;\n    const password = randomBytes(9).toString('base64url');\n    created.push({ email, password });\n    summary.push({ email, role: 'member' });\n  }\n  writeFileSync('seed-output.json', JSON.stringify(created, null, 2));\n  console.table(summary);\n  console.log('[redacted]');\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import { generateKeyPairSync } from 'node:crypto';\nimport { writeFileSync } from 'node:fs';\n\nexport function keygen(out: string) {\n  const { privateKey, publicKey } = generateKeyPairSync('ed25519');\n  writeFileSync(out, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });\n  writeFileSync(`${out}.pub`, publicKey.export({ type: 'spki', format: 'pem' }));\n}\n\nexport function leakyKeygen(out: string) {\n  const { privateKey } = generateKeyPairSync('ed25519');\n  writeFileSync(out, privateKey.export({ type: 'pkcs8', format: 'pem' }));\n}\n",
      filename: 'src/x3-keygen.ts',
      errors: [{ messageId: 'keyInFile', line: 12, column: 22, endLine: 12, endColumn: 73, suggestions: [] }],
    },
    {
      code: "import { logger } from './logging';\nimport { env } from './env';\n\nexport function sendSignin(email: string, verificationCode: string) {\n  if (env.isDevelopment) {\n    logger.debug('email', `Verification code: ${verificationCode}`);\n  }\n  if (process.env.NODE_ENV === 'development') console.log(`verification code for ${email}: ${verificationCode}`);\n  if (process.env.DEBUG_EMAIL) console.log(`verification code for ${email}: ${verificationCode}`);\n  logger.info(`verification code ${verificationCode} sent`);\n}\n\nexport function traceRequest(url: string, apiKey: string) {\n  if (__DEV__) console.log('[api] ->', url, { 'x-api-key': apiKey });\n}\ndeclare const __DEV__: boolean;\n",
      filename: 'src/x4-devonly.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 9,
          column: 79,
          endLine: 9,
          endColumn: 95,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { logger } from './logging';\nimport { env } from './env';\n\nexport function sendSignin(email: string, verificationCode: string) {\n  if (env.isDevelopment) {\n    logger.debug('email', `Verification code: ${verificationCode}`);\n  }\n  if (process.env.NODE_ENV === 'development') console.log(`verification code for ${email}: ${verificationCode}`);\n  if (process.env.DEBUG_EMAIL) console.log(`verification code for ${email}: [redacted]`);\n  logger.info(`verification code ${verificationCode} sent`);\n}\n\nexport function traceRequest(url: string, apiKey: string) {\n  if (__DEV__) console.log('[api] ->', url, { 'x-api-key': apiKey });\n}\ndeclare const __DEV__: boolean;\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 10,
          column: 36,
          endLine: 10,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { logger } from './logging';\nimport { env } from './env';\n\nexport function sendSignin(email: string, verificationCode: string) {\n  if (env.isDevelopment) {\n    logger.debug('email', `Verification code: ${verificationCode}`);\n  }\n  if (process.env.NODE_ENV === 'development') console.log(`verification code for ${email}: ${verificationCode}`);\n  if (process.env.DEBUG_EMAIL) console.log(`verification code for ${email}: ${verificationCode}`);\n  logger.info(`verification code [redacted] sent`);\n}\n\nexport function traceRequest(url: string, apiKey: string) {\n  if (__DEV__) console.log('[api] ->', url, { 'x-api-key': apiKey });\n}\ndeclare const __DEV__: boolean;\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 14,
          column: 60,
          endLine: 14,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { logger } from './logging';\nimport { env } from './env';\n\nexport function sendSignin(email: string, verificationCode: string) {\n  if (env.isDevelopment) {\n    logger.debug('email', `Verification code: ${verificationCode}`);\n  }\n  if (process.env.NODE_ENV === 'development') console.log(`verification code for ${email}: ${verificationCode}`);\n  if (process.env.DEBUG_EMAIL) console.log(`verification code for ${email}: ${verificationCode}`);\n  logger.info(`verification code ${verificationCode} sent`);\n}\n\nexport function traceRequest(url: string, apiKey: string) {\n  if (__DEV__) console.log('[api] ->', url, { 'x-api-key': '[redacted]' });\n}\ndeclare const __DEV__: boolean;\n",
            },
          ],
        },
      ],
    },
  ],
});
