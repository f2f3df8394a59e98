/**
 * no-logged-key on classes of strangers' code (issue 11, session 22), each written from how public code writes it,
 * with near misses that must stay silent. Mechanisms, not entries:
 * - sinks by family: every `@sentry/*` SDK, analytics and error trackers (PostHog, Bugsnag, …), the GitHub Actions
 *   job log (`core.info`), editor output channels (`createOutputChannel(…).appendLine`), a CLI command class's
 *   `this.log`, Azure Functions' `context.log`;
 * - edge platforms' environments (`c.env`, `context.env`, a Worker handler's `env`) as whole environments and
 *   secret variables;
 * - what the file does with a value: passed to a call that takes a secret (`fromPhrase(words)`, `new Wallet(k)`,
 *   `setPassword(id, args.next)`), placed under a secret key or a connection string, hashed into a token hash;
 * - labels in the message: printf placeholders, a string argument before the value, template text before a member;
 * - one-time codes and key pairs by name, typed job records (`Job<SyncJob>`), objects under safe names (`input`)
 *   judged by their secret members, clients made with a secret, the page's cookies and Web Storage, a whole KMS
 *   data-key response, a member that another message of the file labels a secret, a NextAuth `account` or Slack
 *   `installation` callback parameter logged whole;
 * - near misses: key ids and counts, a verdict or length labelled with a secret's name, an account passed first,
 *   WebCrypto key pairs, content hashes, responses of requests made with a token, non-secret bindings.
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-logged-key (strangers, session 22)', rule, {
  valid: [
    {
      // forge's xhr init: callbacks handed on under secret-sounding keys are not secrets (real-repository near miss).
      code: "declare const log: { debug(...a: unknown[]): void };\nexport function init(options: { host: string; getPrivateKey?: () => string }) {\n  log.debug('xhr', 'initializing', options);\n  return { host: options.host, getPrivateKey: options.getPrivateKey };\n}\n",
      filename: 'src/s5-callbacks.ts',
    },
    {
      code: "import * as vscode from 'vscode';\nimport * as core from '@actions/core';\nimport { Hono } from 'hono';\n\nconst channel = vscode.window.createOutputChannel('Sync');\nconst app = new Hono<{ Bindings: { API_BASE: string; SIGNING_SECRET: string } }>();\n\napp.get('/health', (c) => {\n  console.log('api base', c.env.API_BASE);\n  console.log('signing configured', Boolean(c.env.SIGNING_SECRET));\n  return c.json({ base: c.env.API_BASE });\n});\n\nexport function act(items: string[]) {\n  const tokenCount = items.length;\n  core.info(`processed ${tokenCount} tokens`);\n  channel.appendLine(`synced ${items.length} files`);\n  const apiKeyId = core.getInput('api-key-id');\n  core.info(`using key ${apiKeyId}`);\n}\n\nexport default {\n  async fetch(request: Request, env: { API_BASE: string }) {\n    console.log('proxying', request.url, 'to', env.API_BASE);\n    return fetch(env.API_BASE);\n  },\n};\n",
      filename: 'src/s5-near-sinks.ts',
    },
    {
      code: "import { createHash, webcrypto } from 'node:crypto';\n\ndeclare const auth: { setPassword(user: unknown, pw: string): Promise<void>; resetPassword(email: string): Promise<void> };\ndeclare function verifyPassword(user: unknown, pw: string): Promise<boolean>;\n\nexport async function change(user: { id: string }, next: string, email: string) {\n  await auth.setPassword(user, next);\n  console.log('password changed for', user);\n  await auth.resetPassword(email);\n  console.log('reset link sent to', email);\n  const ok = await verifyPassword(user, next);\n  console.log('verified', user, ok);\n}\n\nexport async function upload(fileBuf: Buffer, db: { insert(r: object): void }) {\n  db.insert({ contentHash: createHash('sha256').update(fileBuf).digest('hex') });\n  console.log('uploaded', fileBuf.length, fileBuf);\n}\n\nexport async function keys() {\n  const keyPair = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);\n  console.log('generated', keyPair);\n  const res = await fetch('https://api.example.com', { headers: { Authorization: `Bearer ${process.env.API_TOKEN}` } });\n  console.log('response', res.status, res);\n}\n\nexport function lexer(src: string) {\n  for (const tok of src.split(/\\s+/)) console.log('unexpected token %s', tok);\n}\n",
      filename: 'src/s5-near-uses.ts',
    },
  ],
  invalid: [
    {
      code: "export function dumpState() {\n  console.log('cookies', document.cookie);\n  console.log('storage', JSON.stringify(localStorage));\n  console.log('theme', localStorage.getItem('theme'));\n  console.log('cookie consent', document.cookie.includes('consent=1'));\n}\n",
      filename: 'src/s5-browser-stores.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "export function dumpState() {\n  console.log('cookies', '[redacted]');\n  console.log('storage', JSON.stringify(localStorage));\n  console.log('theme', localStorage.getItem('theme'));\n  console.log('cookie consent', document.cookie.includes('consent=1'));\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "export function dumpState() {\n  console.log('cookies', document.cookie);\n  console.log('storage', '[redacted]');\n  console.log('theme', localStorage.getItem('theme'));\n  console.log('cookie consent', document.cookie.includes('consent=1'));\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import { Hono } from 'hono';\n\ntype Bindings = { STRIPE_SECRET_KEY: string; PUBLIC_URL: string; DB: unknown };\nconst app = new Hono<{ Bindings: Bindings }>();\n\napp.get('/debug', (c) => {\n  console.log('bindings', c.env);\n  console.log('public url', c.env.PUBLIC_URL);\n  return c.json({ stripe: c.env.STRIPE_SECRET_KEY });\n});\n\nexport default {\n  async fetch(request: Request, env: Bindings, ctx: ExecutionContext) {\n    console.log(JSON.stringify(env));\n    console.log('url', request.url, env.PUBLIC_URL);\n    return new Response('ok');\n  },\n};\n\nexport const onRequest: PagesFunction<Bindings> = async (context) => {\n  console.log('env', context.env);\n  return new Response(String(Object.keys(context.env).length));\n};\n",
      filename: 'src/s5-env-objects.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 7,
          column: 27,
          endLine: 7,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Hono } from 'hono';\n\ntype Bindings = { STRIPE_SECRET_KEY: string; PUBLIC_URL: string; DB: unknown };\nconst app = new Hono<{ Bindings: Bindings }>();\n\napp.get('/debug', (c) => {\n  console.log('bindings', '[redacted]');\n  console.log('public url', c.env.PUBLIC_URL);\n  return c.json({ stripe: c.env.STRIPE_SECRET_KEY });\n});\n\nexport default {\n  async fetch(request: Request, env: Bindings, ctx: ExecutionContext) {\n    console.log(JSON.stringify(env));\n    console.log('url', request.url, env.PUBLIC_URL);\n    return new Response('ok');\n  },\n};\n\nexport const onRequest: PagesFunction<Bindings> = async (context) => {\n  console.log('env', context.env);\n  return new Response(String(Object.keys(context.env).length));\n};\n",
            },
          ],
        },
        {
          messageId: 'keyInResponse',
          line: 9,
          column: 27,
          endLine: 9,
          endColumn: 50,
          suggestions: [],
        },
        {
          messageId: 'loggedKey',
          line: 14,
          column: 17,
          endLine: 14,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Hono } from 'hono';\n\ntype Bindings = { STRIPE_SECRET_KEY: string; PUBLIC_URL: string; DB: unknown };\nconst app = new Hono<{ Bindings: Bindings }>();\n\napp.get('/debug', (c) => {\n  console.log('bindings', c.env);\n  console.log('public url', c.env.PUBLIC_URL);\n  return c.json({ stripe: c.env.STRIPE_SECRET_KEY });\n});\n\nexport default {\n  async fetch(request: Request, env: Bindings, ctx: ExecutionContext) {\n    console.log('[redacted]');\n    console.log('url', request.url, env.PUBLIC_URL);\n    return new Response('ok');\n  },\n};\n\nexport const onRequest: PagesFunction<Bindings> = async (context) => {\n  console.log('env', context.env);\n  return new Response(String(Object.keys(context.env).length));\n};\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 21,
          column: 22,
          endLine: 21,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Hono } from 'hono';\n\ntype Bindings = { STRIPE_SECRET_KEY: string; PUBLIC_URL: string; DB: unknown };\nconst app = new Hono<{ Bindings: Bindings }>();\n\napp.get('/debug', (c) => {\n  console.log('bindings', c.env);\n  console.log('public url', c.env.PUBLIC_URL);\n  return c.json({ stripe: c.env.STRIPE_SECRET_KEY });\n});\n\nexport default {\n  async fetch(request: Request, env: Bindings, ctx: ExecutionContext) {\n    console.log(JSON.stringify(env));\n    console.log('url', request.url, env.PUBLIC_URL);\n    return new Response('ok');\n  },\n};\n\nexport const onRequest: PagesFunction<Bindings> = async (context) => {\n  console.log('env', '[redacted]');\n  return new Response(String(Object.keys(context.env).length));\n};\n",
            },
          ],
        },
      ],
    },
    {
      code: "import { Command } from 'commander';\nimport { createHash } from 'node:crypto';\nimport pino from 'pino';\n\nconst logger = pino();\n\nnew Command('login').option('--token <t>').action(async (opts: { token: string; profile: string }) => {\n  console.log(`Logged in with token ${opts.token}`);\n  console.log(`Using profile ${opts.profile}`);\n});\n\nexport function issue(userId: string, db: any) {\n  const raw = createHash('sha256').update(`${userId}:${Date.now()}`).digest('hex');\n  db.insert({ userId, tokenHash: createHash('sha256').update(raw).digest('hex') });\n  logger.info({ userId, value: raw }, 'api token issued');\n  const requestId = createHash('sha1').update(userId).digest('hex');\n  logger.info({ requestId }, 'request');\n}\n\nexport function sendCode(phone: string, otp: string, attempts: number) {\n  logger.info({ phone, otp }, 'otp sent');\n  logger.info({ phone, attempts }, 'otp sent');\n  logger.debug('sms code %s for %s', otp, phone);\n}\n\nexport function traceKeys(id: { keyPair: { publicKey: Uint8Array; secretKey: Uint8Array }; userId: string }) {\n  console.log('identity keys', id.keyPair);\n  console.log('identity public key', id.keyPair.publicKey);\n}\n",
      filename: 'src/s5-labels.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 8,
          column: 39,
          endLine: 8,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Command } from 'commander';\nimport { createHash } from 'node:crypto';\nimport pino from 'pino';\n\nconst logger = pino();\n\nnew Command('login').option('--token <t>').action(async (opts: { token: string; profile: string }) => {\n  console.log(`Logged in with token [redacted]`);\n  console.log(`Using profile ${opts.profile}`);\n});\n\nexport function issue(userId: string, db: any) {\n  const raw = createHash('sha256').update(`${userId}:${Date.now()}`).digest('hex');\n  db.insert({ userId, tokenHash: createHash('sha256').update(raw).digest('hex') });\n  logger.info({ userId, value: raw }, 'api token issued');\n  const requestId = createHash('sha1').update(userId).digest('hex');\n  logger.info({ requestId }, 'request');\n}\n\nexport function sendCode(phone: string, otp: string, attempts: number) {\n  logger.info({ phone, otp }, 'otp sent');\n  logger.info({ phone, attempts }, 'otp sent');\n  logger.debug('sms code %s for %s', otp, phone);\n}\n\nexport function traceKeys(id: { keyPair: { publicKey: Uint8Array; secretKey: Uint8Array }; userId: string }) {\n  console.log('identity keys', id.keyPair);\n  console.log('identity public key', id.keyPair.publicKey);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 15,
          column: 32,
          endLine: 15,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Command } from 'commander';\nimport { createHash } from 'node:crypto';\nimport pino from 'pino';\n\nconst logger = pino();\n\nnew Command('login').option('--token <t>').action(async (opts: { token: string; profile: string }) => {\n  console.log(`Logged in with token ${opts.token}`);\n  console.log(`Using profile ${opts.profile}`);\n});\n\nexport function issue(userId: string, db: any) {\n  const raw = createHash('sha256').update(`${userId}:${Date.now()}`).digest('hex');\n  db.insert({ userId, tokenHash: createHash('sha256').update(raw).digest('hex') });\n  logger.info({ userId, value: '[redacted]' }, 'api token issued');\n  const requestId = createHash('sha1').update(userId).digest('hex');\n  logger.info({ requestId }, 'request');\n}\n\nexport function sendCode(phone: string, otp: string, attempts: number) {\n  logger.info({ phone, otp }, 'otp sent');\n  logger.info({ phone, attempts }, 'otp sent');\n  logger.debug('sms code %s for %s', otp, phone);\n}\n\nexport function traceKeys(id: { keyPair: { publicKey: Uint8Array; secretKey: Uint8Array }; userId: string }) {\n  console.log('identity keys', id.keyPair);\n  console.log('identity public key', id.keyPair.publicKey);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 21,
          column: 24,
          endLine: 21,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Command } from 'commander';\nimport { createHash } from 'node:crypto';\nimport pino from 'pino';\n\nconst logger = pino();\n\nnew Command('login').option('--token <t>').action(async (opts: { token: string; profile: string }) => {\n  console.log(`Logged in with token ${opts.token}`);\n  console.log(`Using profile ${opts.profile}`);\n});\n\nexport function issue(userId: string, db: any) {\n  const raw = createHash('sha256').update(`${userId}:${Date.now()}`).digest('hex');\n  db.insert({ userId, tokenHash: createHash('sha256').update(raw).digest('hex') });\n  logger.info({ userId, value: raw }, 'api token issued');\n  const requestId = createHash('sha1').update(userId).digest('hex');\n  logger.info({ requestId }, 'request');\n}\n\nexport function sendCode(phone: string, otp: string, attempts: number) {\n  logger.info({ phone, otp: '[redacted]' }, 'otp sent');\n  logger.info({ phone, attempts }, 'otp sent');\n  logger.debug('sms code %s for %s', otp, phone);\n}\n\nexport function traceKeys(id: { keyPair: { publicKey: Uint8Array; secretKey: Uint8Array }; userId: string }) {\n  console.log('identity keys', id.keyPair);\n  console.log('identity public key', id.keyPair.publicKey);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 23,
          column: 38,
          endLine: 23,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Command } from 'commander';\nimport { createHash } from 'node:crypto';\nimport pino from 'pino';\n\nconst logger = pino();\n\nnew Command('login').option('--token <t>').action(async (opts: { token: string; profile: string }) => {\n  console.log(`Logged in with token ${opts.token}`);\n  console.log(`Using profile ${opts.profile}`);\n});\n\nexport function issue(userId: string, db: any) {\n  const raw = createHash('sha256').update(`${userId}:${Date.now()}`).digest('hex');\n  db.insert({ userId, tokenHash: createHash('sha256').update(raw).digest('hex') });\n  logger.info({ userId, value: raw }, 'api token issued');\n  const requestId = createHash('sha1').update(userId).digest('hex');\n  logger.info({ requestId }, 'request');\n}\n\nexport function sendCode(phone: string, otp: string, attempts: number) {\n  logger.info({ phone, otp }, 'otp sent');\n  logger.info({ phone, attempts }, 'otp sent');\n  logger.debug('sms code %s for %s', '[redacted]', phone);\n}\n\nexport function traceKeys(id: { keyPair: { publicKey: Uint8Array; secretKey: Uint8Array }; userId: string }) {\n  console.log('identity keys', id.keyPair);\n  console.log('identity public key', id.keyPair.publicKey);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 27,
          column: 32,
          endLine: 27,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Command } from 'commander';\nimport { createHash } from 'node:crypto';\nimport pino from 'pino';\n\nconst logger = pino();\n\nnew Command('login').option('--token <t>').action(async (opts: { token: string; profile: string }) => {\n  console.log(`Logged in with token ${opts.token}`);\n  console.log(`Using profile ${opts.profile}`);\n});\n\nexport function issue(userId: string, db: any) {\n  const raw = createHash('sha256').update(`${userId}:${Date.now()}`).digest('hex');\n  db.insert({ userId, tokenHash: createHash('sha256').update(raw).digest('hex') });\n  logger.info({ userId, value: raw }, 'api token issued');\n  const requestId = createHash('sha1').update(userId).digest('hex');\n  logger.info({ requestId }, 'request');\n}\n\nexport function sendCode(phone: string, otp: string, attempts: number) {\n  logger.info({ phone, otp }, 'otp sent');\n  logger.info({ phone, attempts }, 'otp sent');\n  logger.debug('sms code %s for %s', otp, phone);\n}\n\nexport function traceKeys(id: { keyPair: { publicKey: Uint8Array; secretKey: Uint8Array }; userId: string }) {\n  console.log('identity keys', '[redacted]');\n  console.log('identity public key', id.keyPair.publicKey);\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import * as vscode from 'vscode';\nimport * as core from '@actions/core';\nimport * as Sentry from '@sentry/react-native';\nimport { addBreadcrumb } from '@sentry/electron/main';\nimport { Command, Flags } from '@oclif/core';\n\nconst channel = vscode.window.createOutputChannel('Deployer');\n\nexport async function connect(ctx: vscode.ExtensionContext) {\n  const apiKey = await ctx.secrets.get('deployer.apiKey');\n  channel.appendLine(`connecting with key ${apiKey}`);\n  channel.appendLine(`connecting (key set: ${Boolean(apiKey)})`);\n}\n\nexport function action() {\n  const githubToken = core.getInput('github-token', { required: true });\n  core.info(`using ${githubToken}`);\n  core.debug(`token length ${githubToken.length}`);\n  core.setSecret(githubToken);\n}\n\nexport function breadcrumbs(refreshToken: string, userId: string) {\n  Sentry.addBreadcrumb({ category: 'auth', data: { refreshToken } });\n  Sentry.addBreadcrumb({ category: 'auth', data: { userId } });\n  addBreadcrumb({ message: 'sync', data: { sessionSecret: refreshToken } });\n}\n\nexport default class Login extends Command {\n  static flags = { password: Flags.string() };\n  async run() {\n    const { flags } = await this.parse(Login);\n    this.log(`logging in with password ${flags.password}`);\n    this.log(`logged in as ${flags.user}`);\n  }\n}\n",
      filename: 'src/s5-sinks-channels.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 11,
          column: 45,
          endLine: 11,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import * as vscode from 'vscode';\nimport * as core from '@actions/core';\nimport * as Sentry from '@sentry/react-native';\nimport { addBreadcrumb } from '@sentry/electron/main';\nimport { Command, Flags } from '@oclif/core';\n\nconst channel = vscode.window.createOutputChannel('Deployer');\n\nexport async function connect(ctx: vscode.ExtensionContext) {\n  const apiKey = await ctx.secrets.get('deployer.apiKey');\n  channel.appendLine(`connecting with key [redacted]`);\n  channel.appendLine(`connecting (key set: ${Boolean(apiKey)})`);\n}\n\nexport function action() {\n  const githubToken = core.getInput('github-token', { required: true });\n  core.info(`using ${githubToken}`);\n  core.debug(`token length ${githubToken.length}`);\n  core.setSecret(githubToken);\n}\n\nexport function breadcrumbs(refreshToken: string, userId: string) {\n  Sentry.addBreadcrumb({ category: 'auth', data: { refreshToken } });\n  Sentry.addBreadcrumb({ category: 'auth', data: { userId } });\n  addBreadcrumb({ message: 'sync', data: { sessionSecret: refreshToken } });\n}\n\nexport default class Login extends Command {\n  static flags = { password: Flags.string() };\n  async run() {\n    const { flags } = await this.parse(Login);\n    this.log(`logging in with password ${flags.password}`);\n    this.log(`logged in as ${flags.user}`);\n  }\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 17,
          column: 22,
          endLine: 17,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import * as vscode from 'vscode';\nimport * as core from '@actions/core';\nimport * as Sentry from '@sentry/react-native';\nimport { addBreadcrumb } from '@sentry/electron/main';\nimport { Command, Flags } from '@oclif/core';\n\nconst channel = vscode.window.createOutputChannel('Deployer');\n\nexport async function connect(ctx: vscode.ExtensionContext) {\n  const apiKey = await ctx.secrets.get('deployer.apiKey');\n  channel.appendLine(`connecting with key ${apiKey}`);\n  channel.appendLine(`connecting (key set: ${Boolean(apiKey)})`);\n}\n\nexport function action() {\n  const githubToken = core.getInput('github-token', { required: true });\n  core.info(`using [redacted]`);\n  core.debug(`token length ${githubToken.length}`);\n  core.setSecret(githubToken);\n}\n\nexport function breadcrumbs(refreshToken: string, userId: string) {\n  Sentry.addBreadcrumb({ category: 'auth', data: { refreshToken } });\n  Sentry.addBreadcrumb({ category: 'auth', data: { userId } });\n  addBreadcrumb({ message: 'sync', data: { sessionSecret: refreshToken } });\n}\n\nexport default class Login extends Command {\n  static flags = { password: Flags.string() };\n  async run() {\n    const { flags } = await this.parse(Login);\n    this.log(`logging in with password ${flags.password}`);\n    this.log(`logged in as ${flags.user}`);\n  }\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 23,
          column: 52,
          endLine: 23,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import * as vscode from 'vscode';\nimport * as core from '@actions/core';\nimport * as Sentry from '@sentry/react-native';\nimport { addBreadcrumb } from '@sentry/electron/main';\nimport { Command, Flags } from '@oclif/core';\n\nconst channel = vscode.window.createOutputChannel('Deployer');\n\nexport async function connect(ctx: vscode.ExtensionContext) {\n  const apiKey = await ctx.secrets.get('deployer.apiKey');\n  channel.appendLine(`connecting with key ${apiKey}`);\n  channel.appendLine(`connecting (key set: ${Boolean(apiKey)})`);\n}\n\nexport function action() {\n  const githubToken = core.getInput('github-token', { required: true });\n  core.info(`using ${githubToken}`);\n  core.debug(`token length ${githubToken.length}`);\n  core.setSecret(githubToken);\n}\n\nexport function breadcrumbs(refreshToken: string, userId: string) {\n  Sentry.addBreadcrumb({ category: 'auth', data: { refreshToken: '[redacted]' } });\n  Sentry.addBreadcrumb({ category: 'auth', data: { userId } });\n  addBreadcrumb({ message: 'sync', data: { sessionSecret: refreshToken } });\n}\n\nexport default class Login extends Command {\n  static flags = { password: Flags.string() };\n  async run() {\n    const { flags } = await this.parse(Login);\n    this.log(`logging in with password ${flags.password}`);\n    this.log(`logged in as ${flags.user}`);\n  }\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 25,
          column: 59,
          endLine: 25,
          endColumn: 71,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import * as vscode from 'vscode';\nimport * as core from '@actions/core';\nimport * as Sentry from '@sentry/react-native';\nimport { addBreadcrumb } from '@sentry/electron/main';\nimport { Command, Flags } from '@oclif/core';\n\nconst channel = vscode.window.createOutputChannel('Deployer');\n\nexport async function connect(ctx: vscode.ExtensionContext) {\n  const apiKey = await ctx.secrets.get('deployer.apiKey');\n  channel.appendLine(`connecting with key ${apiKey}`);\n  channel.appendLine(`connecting (key set: ${Boolean(apiKey)})`);\n}\n\nexport function action() {\n  const githubToken = core.getInput('github-token', { required: true });\n  core.info(`using ${githubToken}`);\n  core.debug(`token length ${githubToken.length}`);\n  core.setSecret(githubToken);\n}\n\nexport function breadcrumbs(refreshToken: string, userId: string) {\n  Sentry.addBreadcrumb({ category: 'auth', data: { refreshToken } });\n  Sentry.addBreadcrumb({ category: 'auth', data: { userId } });\n  addBreadcrumb({ message: 'sync', data: { sessionSecret: '[redacted]' } });\n}\n\nexport default class Login extends Command {\n  static flags = { password: Flags.string() };\n  async run() {\n    const { flags } = await this.parse(Login);\n    this.log(`logging in with password ${flags.password}`);\n    this.log(`logged in as ${flags.user}`);\n  }\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 32,
          column: 42,
          endLine: 32,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import * as vscode from 'vscode';\nimport * as core from '@actions/core';\nimport * as Sentry from '@sentry/react-native';\nimport { addBreadcrumb } from '@sentry/electron/main';\nimport { Command, Flags } from '@oclif/core';\n\nconst channel = vscode.window.createOutputChannel('Deployer');\n\nexport async function connect(ctx: vscode.ExtensionContext) {\n  const apiKey = await ctx.secrets.get('deployer.apiKey');\n  channel.appendLine(`connecting with key ${apiKey}`);\n  channel.appendLine(`connecting (key set: ${Boolean(apiKey)})`);\n}\n\nexport function action() {\n  const githubToken = core.getInput('github-token', { required: true });\n  core.info(`using ${githubToken}`);\n  core.debug(`token length ${githubToken.length}`);\n  core.setSecret(githubToken);\n}\n\nexport function breadcrumbs(refreshToken: string, userId: string) {\n  Sentry.addBreadcrumb({ category: 'auth', data: { refreshToken } });\n  Sentry.addBreadcrumb({ category: 'auth', data: { userId } });\n  addBreadcrumb({ message: 'sync', data: { sessionSecret: refreshToken } });\n}\n\nexport default class Login extends Command {\n  static flags = { password: Flags.string() };\n  async run() {\n    const { flags } = await this.parse(Login);\n    this.log(`logging in with password [redacted]`);\n    this.log(`logged in as ${flags.user}`);\n  }\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import { Worker, type Job } from 'bullmq';\nimport { logger } from './logger';\n\ninterface SyncJob {\n  accountId: string;\n  credentials: { accessKeyId: string; secretAccessKey: string };\n}\ninterface ReportJob {\n  accountId: string;\n  month: string;\n}\n\nexport const w1 = new Worker<SyncJob>('sync', async (job: Job<SyncJob>) => {\n  logger.info({ data: job.data }, 'sync started');\n});\nexport const w2 = new Worker<ReportJob>('report', async (job: Job<ReportJob>) => {\n  logger.info({ data: job.data }, 'report started');\n});\n\nexport const createUser = async ({ input }: { input: any }) => {\n  logger.debug({ input }, 'createUser called');\n  const hashed = await hash(input.password);\n  return hashed;\n};\nexport const renameUser = async ({ input }: { input: any }) => {\n  logger.debug({ input }, 'renameUser called');\n  return input.name;\n};\ndeclare function hash(s: string): Promise<string>;\n",
      filename: 'src/s5-typed-holders.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 14,
          column: 23,
          endLine: 14,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Worker, type Job } from 'bullmq';\nimport { logger } from './logger';\n\ninterface SyncJob {\n  accountId: string;\n  credentials: { accessKeyId: string; secretAccessKey: string };\n}\ninterface ReportJob {\n  accountId: string;\n  month: string;\n}\n\nexport const w1 = new Worker<SyncJob>('sync', async (job: Job<SyncJob>) => {\n  logger.info({ data: '[redacted]' }, 'sync started');\n});\nexport const w2 = new Worker<ReportJob>('report', async (job: Job<ReportJob>) => {\n  logger.info({ data: job.data }, 'report started');\n});\n\nexport const createUser = async ({ input }: { input: any }) => {\n  logger.debug({ input }, 'createUser called');\n  const hashed = await hash(input.password);\n  return hashed;\n};\nexport const renameUser = async ({ input }: { input: any }) => {\n  logger.debug({ input }, 'renameUser called');\n  return input.name;\n};\ndeclare function hash(s: string): Promise<string>;\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 21,
          column: 18,
          endLine: 21,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Worker, type Job } from 'bullmq';\nimport { logger } from './logger';\n\ninterface SyncJob {\n  accountId: string;\n  credentials: { accessKeyId: string; secretAccessKey: string };\n}\ninterface ReportJob {\n  accountId: string;\n  month: string;\n}\n\nexport const w1 = new Worker<SyncJob>('sync', async (job: Job<SyncJob>) => {\n  logger.info({ data: job.data }, 'sync started');\n});\nexport const w2 = new Worker<ReportJob>('report', async (job: Job<ReportJob>) => {\n  logger.info({ data: job.data }, 'report started');\n});\n\nexport const createUser = async ({ input }: { input: any }) => {\n  logger.debug({ input: '[redacted]' }, 'createUser called');\n  const hashed = await hash(input.password);\n  return hashed;\n};\nexport const renameUser = async ({ input }: { input: any }) => {\n  logger.debug({ input }, 'renameUser called');\n  return input.name;\n};\ndeclare function hash(s: string): Promise<string>;\n",
            },
          ],
        },
      ],
    },
    {
      code: "import { HDNodeWallet, Wallet } from 'ethers';\nimport * as bip39 from 'bip39';\nimport { Pool } from 'pg';\nimport debug from 'debug';\n\nconst log = debug('app:wallet');\n\nexport function restore(words: string) {\n  const w = HDNodeWallet.fromPhrase(words);\n  log('restored %s from %s', w.address, words);\n  return w;\n}\n\nexport async function seedOf(input: string) {\n  const seed = await bip39.mnemonicToSeed(input);\n  console.info('seed derived for input', input);\n  return seed;\n}\n\nexport function importAccount(hexKey: string) {\n  const wallet = new Wallet(hexKey);\n  console.log('imported', wallet.address);\n  console.log('imported', hexKey);\n}\n\nexport async function changePassword(auth: any, userId: string, args: { current: string; next: string }) {\n  console.debug('changePassword', args);\n  await auth.setPassword(userId, args.next);\n  console.debug('changePassword for', userId);\n}\n\nconst replica = new Pool({ connectionString: process.env.REPORTING_REPLICA, max: 2 });\nconsole.info(`replica at ${process.env.REPORTING_REPLICA}`);\nconsole.info(`replica pool size ${process.env.REPORTING_POOL_SIZE}`);\nexport { replica };\n",
      filename: 'src/s5-use-evidence.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 10,
          column: 41,
          endLine: 10,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { HDNodeWallet, Wallet } from 'ethers';\nimport * as bip39 from 'bip39';\nimport { Pool } from 'pg';\nimport debug from 'debug';\n\nconst log = debug('app:wallet');\n\nexport function restore(words: string) {\n  const w = HDNodeWallet.fromPhrase(words);\n  log('restored %s from %s', w.address, '[redacted]');\n  return w;\n}\n\nexport async function seedOf(input: string) {\n  const seed = await bip39.mnemonicToSeed(input);\n  console.info('seed derived for input', input);\n  return seed;\n}\n\nexport function importAccount(hexKey: string) {\n  const wallet = new Wallet(hexKey);\n  console.log('imported', wallet.address);\n  console.log('imported', hexKey);\n}\n\nexport async function changePassword(auth: any, userId: string, args: { current: string; next: string }) {\n  console.debug('changePassword', args);\n  await auth.setPassword(userId, args.next);\n  console.debug('changePassword for', userId);\n}\n\nconst replica = new Pool({ connectionString: process.env.REPORTING_REPLICA, max: 2 });\nconsole.info(`replica at ${process.env.REPORTING_REPLICA}`);\nconsole.info(`replica pool size ${process.env.REPORTING_POOL_SIZE}`);\nexport { replica };\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 16,
          column: 42,
          endLine: 16,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { HDNodeWallet, Wallet } from 'ethers';\nimport * as bip39 from 'bip39';\nimport { Pool } from 'pg';\nimport debug from 'debug';\n\nconst log = debug('app:wallet');\n\nexport function restore(words: string) {\n  const w = HDNodeWallet.fromPhrase(words);\n  log('restored %s from %s', w.address, words);\n  return w;\n}\n\nexport async function seedOf(input: string) {\n  const seed = await bip39.mnemonicToSeed(input);\n  console.info('seed derived for input', '[redacted]');\n  return seed;\n}\n\nexport function importAccount(hexKey: string) {\n  const wallet = new Wallet(hexKey);\n  console.log('imported', wallet.address);\n  console.log('imported', hexKey);\n}\n\nexport async function changePassword(auth: any, userId: string, args: { current: string; next: string }) {\n  console.debug('changePassword', args);\n  await auth.setPassword(userId, args.next);\n  console.debug('changePassword for', userId);\n}\n\nconst replica = new Pool({ connectionString: process.env.REPORTING_REPLICA, max: 2 });\nconsole.info(`replica at ${process.env.REPORTING_REPLICA}`);\nconsole.info(`replica pool size ${process.env.REPORTING_POOL_SIZE}`);\nexport { replica };\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 23,
          column: 27,
          endLine: 23,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { HDNodeWallet, Wallet } from 'ethers';\nimport * as bip39 from 'bip39';\nimport { Pool } from 'pg';\nimport debug from 'debug';\n\nconst log = debug('app:wallet');\n\nexport function restore(words: string) {\n  const w = HDNodeWallet.fromPhrase(words);\n  log('restored %s from %s', w.address, words);\n  return w;\n}\n\nexport async function seedOf(input: string) {\n  const seed = await bip39.mnemonicToSeed(input);\n  console.info('seed derived for input', input);\n  return seed;\n}\n\nexport function importAccount(hexKey: string) {\n  const wallet = new Wallet(hexKey);\n  console.log('imported', wallet.address);\n  console.log('imported', '[redacted]');\n}\n\nexport async function changePassword(auth: any, userId: string, args: { current: string; next: string }) {\n  console.debug('changePassword', args);\n  await auth.setPassword(userId, args.next);\n  console.debug('changePassword for', userId);\n}\n\nconst replica = new Pool({ connectionString: process.env.REPORTING_REPLICA, max: 2 });\nconsole.info(`replica at ${process.env.REPORTING_REPLICA}`);\nconsole.info(`replica pool size ${process.env.REPORTING_POOL_SIZE}`);\nexport { replica };\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 27,
          column: 35,
          endLine: 27,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { HDNodeWallet, Wallet } from 'ethers';\nimport * as bip39 from 'bip39';\nimport { Pool } from 'pg';\nimport debug from 'debug';\n\nconst log = debug('app:wallet');\n\nexport function restore(words: string) {\n  const w = HDNodeWallet.fromPhrase(words);\n  log('restored %s from %s', w.address, words);\n  return w;\n}\n\nexport async function seedOf(input: string) {\n  const seed = await bip39.mnemonicToSeed(input);\n  console.info('seed derived for input', input);\n  return seed;\n}\n\nexport function importAccount(hexKey: string) {\n  const wallet = new Wallet(hexKey);\n  console.log('imported', wallet.address);\n  console.log('imported', hexKey);\n}\n\nexport async function changePassword(auth: any, userId: string, args: { current: string; next: string }) {\n  console.debug('changePassword', '[redacted]');\n  await auth.setPassword(userId, args.next);\n  console.debug('changePassword for', userId);\n}\n\nconst replica = new Pool({ connectionString: process.env.REPORTING_REPLICA, max: 2 });\nconsole.info(`replica at ${process.env.REPORTING_REPLICA}`);\nconsole.info(`replica pool size ${process.env.REPORTING_POOL_SIZE}`);\nexport { replica };\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 33,
          column: 28,
          endLine: 33,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { HDNodeWallet, Wallet } from 'ethers';\nimport * as bip39 from 'bip39';\nimport { Pool } from 'pg';\nimport debug from 'debug';\n\nconst log = debug('app:wallet');\n\nexport function restore(words: string) {\n  const w = HDNodeWallet.fromPhrase(words);\n  log('restored %s from %s', w.address, words);\n  return w;\n}\n\nexport async function seedOf(input: string) {\n  const seed = await bip39.mnemonicToSeed(input);\n  console.info('seed derived for input', input);\n  return seed;\n}\n\nexport function importAccount(hexKey: string) {\n  const wallet = new Wallet(hexKey);\n  console.log('imported', wallet.address);\n  console.log('imported', hexKey);\n}\n\nexport async function changePassword(auth: any, userId: string, args: { current: string; next: string }) {\n  console.debug('changePassword', args);\n  await auth.setPassword(userId, args.next);\n  console.debug('changePassword for', userId);\n}\n\nconst replica = new Pool({ connectionString: process.env.REPORTING_REPLICA, max: 2 });\nconsole.info(`replica at [redacted]`);\nconsole.info(`replica pool size ${process.env.REPORTING_POOL_SIZE}`);\nexport { replica };\n",
            },
          ],
        },
      ],
    },
    {
      code: "import posthog from 'posthog-js';\nimport Bugsnag from '@bugsnag/js';\nimport OpenAI from 'openai';\nimport nodemailer from 'nodemailer';\n\nexport function onLogin(sessionToken: string, userId: string) {\n  posthog.capture('logged_in', { userId, sessionToken });\n  posthog.capture('logged_in', { userId });\n  Bugsnag.leaveBreadcrumb('login', { apiKey: process.env.PARTNER_API_KEY });\n  Bugsnag.leaveBreadcrumb('login', { region: process.env.AWS_REGION });\n}\n\nconst openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\nconst transport = nodemailer.createTransport({ host: 'smtp.example.com', auth: { user: 'mailer', pass: process.env.SMTP_PASS } });\nconst plain = nodemailer.createTransport({ host: 'localhost', port: 1025 });\nconsole.debug('openai client', openai);\nconsole.debug('smtp', transport.options);\nconsole.debug('smtp', plain.options);\nconsole.debug('smtp host', transport.options.host);\n",
      filename: 'src/s5-trackers.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 7,
          column: 42,
          endLine: 7,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import posthog from 'posthog-js';\nimport Bugsnag from '@bugsnag/js';\nimport OpenAI from 'openai';\nimport nodemailer from 'nodemailer';\n\nexport function onLogin(sessionToken: string, userId: string) {\n  posthog.capture('logged_in', { userId, sessionToken: '[redacted]' });\n  posthog.capture('logged_in', { userId });\n  Bugsnag.leaveBreadcrumb('login', { apiKey: process.env.PARTNER_API_KEY });\n  Bugsnag.leaveBreadcrumb('login', { region: process.env.AWS_REGION });\n}\n\nconst openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\nconst transport = nodemailer.createTransport({ host: 'smtp.example.com', auth: { user: 'mailer', pass: process.env.SMTP_PASS } });\nconst plain = nodemailer.createTransport({ host: 'localhost', port: 1025 });\nconsole.debug('openai client', openai);\nconsole.debug('smtp', transport.options);\nconsole.debug('smtp', plain.options);\nconsole.debug('smtp host', transport.options.host);\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 9,
          column: 46,
          endLine: 9,
          endColumn: 73,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import posthog from 'posthog-js';\nimport Bugsnag from '@bugsnag/js';\nimport OpenAI from 'openai';\nimport nodemailer from 'nodemailer';\n\nexport function onLogin(sessionToken: string, userId: string) {\n  posthog.capture('logged_in', { userId, sessionToken });\n  posthog.capture('logged_in', { userId });\n  Bugsnag.leaveBreadcrumb('login', { apiKey: '[redacted]' });\n  Bugsnag.leaveBreadcrumb('login', { region: process.env.AWS_REGION });\n}\n\nconst openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\nconst transport = nodemailer.createTransport({ host: 'smtp.example.com', auth: { user: 'mailer', pass: process.env.SMTP_PASS } });\nconst plain = nodemailer.createTransport({ host: 'localhost', port: 1025 });\nconsole.debug('openai client', openai);\nconsole.debug('smtp', transport.options);\nconsole.debug('smtp', plain.options);\nconsole.debug('smtp host', transport.options.host);\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 16,
          column: 32,
          endLine: 16,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import posthog from 'posthog-js';\nimport Bugsnag from '@bugsnag/js';\nimport OpenAI from 'openai';\nimport nodemailer from 'nodemailer';\n\nexport function onLogin(sessionToken: string, userId: string) {\n  posthog.capture('logged_in', { userId, sessionToken });\n  posthog.capture('logged_in', { userId });\n  Bugsnag.leaveBreadcrumb('login', { apiKey: process.env.PARTNER_API_KEY });\n  Bugsnag.leaveBreadcrumb('login', { region: process.env.AWS_REGION });\n}\n\nconst openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\nconst transport = nodemailer.createTransport({ host: 'smtp.example.com', auth: { user: 'mailer', pass: process.env.SMTP_PASS } });\nconst plain = nodemailer.createTransport({ host: 'localhost', port: 1025 });\nconsole.debug('openai client', '[redacted]');\nconsole.debug('smtp', transport.options);\nconsole.debug('smtp', plain.options);\nconsole.debug('smtp host', transport.options.host);\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 17,
          column: 23,
          endLine: 17,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import posthog from 'posthog-js';\nimport Bugsnag from '@bugsnag/js';\nimport OpenAI from 'openai';\nimport nodemailer from 'nodemailer';\n\nexport function onLogin(sessionToken: string, userId: string) {\n  posthog.capture('logged_in', { userId, sessionToken });\n  posthog.capture('logged_in', { userId });\n  Bugsnag.leaveBreadcrumb('login', { apiKey: process.env.PARTNER_API_KEY });\n  Bugsnag.leaveBreadcrumb('login', { region: process.env.AWS_REGION });\n}\n\nconst openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\nconst transport = nodemailer.createTransport({ host: 'smtp.example.com', auth: { user: 'mailer', pass: process.env.SMTP_PASS } });\nconst plain = nodemailer.createTransport({ host: 'localhost', port: 1025 });\nconsole.debug('openai client', openai);\nconsole.debug('smtp', '[redacted]');\nconsole.debug('smtp', plain.options);\nconsole.debug('smtp host', transport.options.host);\n",
            },
          ],
        },
      ],
    },
    {
      code: "import { app, InvocationContext, HttpRequest } from '@azure/functions';\n\napp.http('rotate', {\n  handler: async (request: HttpRequest, context: InvocationContext) => {\n    const clientSecret = process.env.GRAPH_CLIENT_SECRET;\n    context.log(`rotating with ${clientSecret}`);\n    context.log(`rotating for ${request.url}`);\n    return { status: 204 };\n  },\n});\n",
      filename: 'src/s5-azure.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 6,
          column: 34,
          endLine: 6,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { app, InvocationContext, HttpRequest } from '@azure/functions';\n\napp.http('rotate', {\n  handler: async (request: HttpRequest, context: InvocationContext) => {\n    const clientSecret = process.env.GRAPH_CLIENT_SECRET;\n    context.log(`rotating with [redacted]`);\n    context.log(`rotating for ${request.url}`);\n    return { status: 204 };\n  },\n});\n",
            },
          ],
        },
      ],
    },
    {
      code: "import { Pool } from 'pg';\n\ndeclare function verifyPassword(user: unknown, pw: string): Promise<boolean>;\ndeclare function hashPassword(pw: string): Promise<string>;\n\nexport async function login(user: { id: string; email: string }, attempt: string) {\n  const ok = await verifyPassword(user, attempt);\n  console.log('login attempt for', user);\n  console.log('login', attempt);\n  return ok;\n}\n\nexport async function register(email: string, password: string) {\n  const stored = await hashPassword(password);\n  console.log('registered', email, stored);\n}\n\nconst pool = new Pool({ host: process.env.PGHOST, max: Number(process.env.PG_POOL_MAX) });\nconsole.log('pool', process.env.PGHOST, process.env.PG_POOL_MAX);\nexport function stores() {\n  console.log('theme', localStorage.getItem('theme'));\n  console.log('has session cookie', document.cookie.includes('sid='));\n  console.log('cookies', document.cookie);\n  console.log('all storage', { ...localStorage });\n  console.log('storage dump', JSON.stringify(sessionStorage));\n  return pool;\n}\n",
      filename: 'src/s5-near-evidence.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 9,
          column: 24,
          endLine: 9,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Pool } from 'pg';\n\ndeclare function verifyPassword(user: unknown, pw: string): Promise<boolean>;\ndeclare function hashPassword(pw: string): Promise<string>;\n\nexport async function login(user: { id: string; email: string }, attempt: string) {\n  const ok = await verifyPassword(user, attempt);\n  console.log('login attempt for', user);\n  console.log('login', '[redacted]');\n  return ok;\n}\n\nexport async function register(email: string, password: string) {\n  const stored = await hashPassword(password);\n  console.log('registered', email, stored);\n}\n\nconst pool = new Pool({ host: process.env.PGHOST, max: Number(process.env.PG_POOL_MAX) });\nconsole.log('pool', process.env.PGHOST, process.env.PG_POOL_MAX);\nexport function stores() {\n  console.log('theme', localStorage.getItem('theme'));\n  console.log('has session cookie', document.cookie.includes('sid='));\n  console.log('cookies', document.cookie);\n  console.log('all storage', { ...localStorage });\n  console.log('storage dump', JSON.stringify(sessionStorage));\n  return pool;\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 23,
          column: 26,
          endLine: 23,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Pool } from 'pg';\n\ndeclare function verifyPassword(user: unknown, pw: string): Promise<boolean>;\ndeclare function hashPassword(pw: string): Promise<string>;\n\nexport async function login(user: { id: string; email: string }, attempt: string) {\n  const ok = await verifyPassword(user, attempt);\n  console.log('login attempt for', user);\n  console.log('login', attempt);\n  return ok;\n}\n\nexport async function register(email: string, password: string) {\n  const stored = await hashPassword(password);\n  console.log('registered', email, stored);\n}\n\nconst pool = new Pool({ host: process.env.PGHOST, max: Number(process.env.PG_POOL_MAX) });\nconsole.log('pool', process.env.PGHOST, process.env.PG_POOL_MAX);\nexport function stores() {\n  console.log('theme', localStorage.getItem('theme'));\n  console.log('has session cookie', document.cookie.includes('sid='));\n  console.log('cookies', '[redacted]');\n  console.log('all storage', { ...localStorage });\n  console.log('storage dump', JSON.stringify(sessionStorage));\n  return pool;\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 24,
          column: 35,
          endLine: 24,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Pool } from 'pg';\n\ndeclare function verifyPassword(user: unknown, pw: string): Promise<boolean>;\ndeclare function hashPassword(pw: string): Promise<string>;\n\nexport async function login(user: { id: string; email: string }, attempt: string) {\n  const ok = await verifyPassword(user, attempt);\n  console.log('login attempt for', user);\n  console.log('login', attempt);\n  return ok;\n}\n\nexport async function register(email: string, password: string) {\n  const stored = await hashPassword(password);\n  console.log('registered', email, stored);\n}\n\nconst pool = new Pool({ host: process.env.PGHOST, max: Number(process.env.PG_POOL_MAX) });\nconsole.log('pool', process.env.PGHOST, process.env.PG_POOL_MAX);\nexport function stores() {\n  console.log('theme', localStorage.getItem('theme'));\n  console.log('has session cookie', document.cookie.includes('sid='));\n  console.log('cookies', document.cookie);\n  console.log('all storage', { localStorage: '[redacted]' });\n  console.log('storage dump', JSON.stringify(sessionStorage));\n  return pool;\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 25,
          column: 31,
          endLine: 25,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Pool } from 'pg';\n\ndeclare function verifyPassword(user: unknown, pw: string): Promise<boolean>;\ndeclare function hashPassword(pw: string): Promise<string>;\n\nexport async function login(user: { id: string; email: string }, attempt: string) {\n  const ok = await verifyPassword(user, attempt);\n  console.log('login attempt for', user);\n  console.log('login', attempt);\n  return ok;\n}\n\nexport async function register(email: string, password: string) {\n  const stored = await hashPassword(password);\n  console.log('registered', email, stored);\n}\n\nconst pool = new Pool({ host: process.env.PGHOST, max: Number(process.env.PG_POOL_MAX) });\nconsole.log('pool', process.env.PGHOST, process.env.PG_POOL_MAX);\nexport function stores() {\n  console.log('theme', localStorage.getItem('theme'));\n  console.log('has session cookie', document.cookie.includes('sid='));\n  console.log('cookies', document.cookie);\n  console.log('all storage', { ...localStorage });\n  console.log('storage dump', '[redacted]');\n  return pool;\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import debug from 'debug';\nconst log = debug('auth');\n\nexport function audit(tokenId: string, pw: string, valid: boolean, email: string, tok: { value: string; type: string }) {\n  console.log('token:', tokenId);\n  console.log('password:', '*'.repeat(pw.length));\n  log('password reset requested for %s', email);\n  console.log('password', valid);\n  console.log('Unexpected token: %s', tok.type);\n  log('token type %s', tok.type);\n  console.log('password length', pw.length);\n  log('password: %s', pw);\n}\n\nexport function keys(keyPair: CryptoKeyPair, spki: Uint8Array, db: any) {\n  console.log('generated', keyPair);\n  db.insert({ keyHash: sha256(spki) });\n  console.log('spki', spki);\n}\ndeclare function sha256(b: Uint8Array): string;\n",
      filename: 'src/s5-near-labels.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 12,
          column: 23,
          endLine: 12,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import debug from 'debug';\nconst log = debug('auth');\n\nexport function audit(tokenId: string, pw: string, valid: boolean, email: string, tok: { value: string; type: string }) {\n  console.log('token:', tokenId);\n  console.log('password:', '*'.repeat(pw.length));\n  log('password reset requested for %s', email);\n  console.log('password', valid);\n  console.log('Unexpected token: %s', tok.type);\n  log('token type %s', tok.type);\n  console.log('password length', pw.length);\n  log('password: %s', '[redacted]');\n}\n\nexport function keys(keyPair: CryptoKeyPair, spki: Uint8Array, db: any) {\n  console.log('generated', keyPair);\n  db.insert({ keyHash: sha256(spki) });\n  console.log('spki', spki);\n}\ndeclare function sha256(b: Uint8Array): string;\n",
            },
          ],
        },
      ],
    },
    {
      code: "import { generateKeyPairSync } from 'node:crypto';\nimport { writeFileSync } from 'node:fs';\nimport { tmpdir } from 'node:os';\nimport { join } from 'node:path';\n\nexport function keygen(out: string) {\n  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {\n    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },\n    publicKeyEncoding: { type: 'spki', format: 'pem' },\n  });\n  writeFileSync(out, privateKey, { mode: 0o600 });\n  writeFileSync(`${out}.pub`, publicKey);\n  writeFileSync(join(tmpdir(), 'scratch.pem'), privateKey, { mode: 0o600 });\n  writeFileSync(`${out}.copy`, privateKey);\n}\n",
      filename: 'src/s5-keygen.ts',
      errors: [
        {
          messageId: 'keyInFile',
          line: 13,
          column: 48,
          endLine: 13,
          endColumn: 58,
          suggestions: [],
        },
        {
          messageId: 'keyInFile',
          line: 14,
          column: 32,
          endLine: 14,
          endColumn: 42,
          suggestions: [],
        },
      ],
    },
    {
      code: "import { KMSClient, GenerateDataKeyCommand, DecryptCommand } from '@aws-sdk/client-kms';\nimport type { APIGatewayProxyHandlerV2 } from 'aws-lambda';\n\nconst kms = new KMSClient({});\n\nexport const issueKey: APIGatewayProxyHandlerV2 = async () => {\n  const generated = await kms.send(new GenerateDataKeyCommand({ KeyId: process.env.KEY_ID, KeySpec: 'AES_256' }));\n  console.log('generated data key', generated);\n  console.log('key id', generated.KeyId);\n  return { statusCode: 200, body: JSON.stringify({ keyId: generated.KeyId, blob: generated.CiphertextBlob }) };\n};\n\nexport async function unwrap(blob: Uint8Array) {\n  const out = await kms.send(new DecryptCommand({ CiphertextBlob: blob }));\n  console.debug('decrypt response', JSON.stringify(out));\n  return out.Plaintext;\n}\n",
      filename: 'src/s5-kms-whole.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 8,
          column: 37,
          endLine: 8,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { KMSClient, GenerateDataKeyCommand, DecryptCommand } from '@aws-sdk/client-kms';\nimport type { APIGatewayProxyHandlerV2 } from 'aws-lambda';\n\nconst kms = new KMSClient({});\n\nexport const issueKey: APIGatewayProxyHandlerV2 = async () => {\n  const generated = await kms.send(new GenerateDataKeyCommand({ KeyId: process.env.KEY_ID, KeySpec: 'AES_256' }));\n  console.log('generated data key', '[redacted]');\n  console.log('key id', generated.KeyId);\n  return { statusCode: 200, body: JSON.stringify({ keyId: generated.KeyId, blob: generated.CiphertextBlob }) };\n};\n\nexport async function unwrap(blob: Uint8Array) {\n  const out = await kms.send(new DecryptCommand({ CiphertextBlob: blob }));\n  console.debug('decrypt response', JSON.stringify(out));\n  return out.Plaintext;\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 15,
          column: 37,
          endLine: 15,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { KMSClient, GenerateDataKeyCommand, DecryptCommand } from '@aws-sdk/client-kms';\nimport type { APIGatewayProxyHandlerV2 } from 'aws-lambda';\n\nconst kms = new KMSClient({});\n\nexport const issueKey: APIGatewayProxyHandlerV2 = async () => {\n  const generated = await kms.send(new GenerateDataKeyCommand({ KeyId: process.env.KEY_ID, KeySpec: 'AES_256' }));\n  console.log('generated data key', generated);\n  console.log('key id', generated.KeyId);\n  return { statusCode: 200, body: JSON.stringify({ keyId: generated.KeyId, blob: generated.CiphertextBlob }) };\n};\n\nexport async function unwrap(blob: Uint8Array) {\n  const out = await kms.send(new DecryptCommand({ CiphertextBlob: blob }));\n  console.debug('decrypt response', '[redacted]');\n  return out.Plaintext;\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import { appendFile, writeFile } from 'node:fs/promises';\n\nexport async function login(opts: { token: string; host: string }) {\n  console.log(`Authenticated with token ${opts.token}`);\n  await appendFile('cli-debug.log', `${new Date().toISOString()} ${opts.host} ${opts.token}\\n`);\n  console.log(`host ${opts.host}`);\n}\n\nexport async function other(opts: { token: string }) {\n  await writeFile('last-run.txt', `ran with ${opts.token.length} chars`);\n}\n",
      filename: 'src/s5-label-spread.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 4,
          column: 43,
          endLine: 4,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { appendFile, writeFile } from 'node:fs/promises';\n\nexport async function login(opts: { token: string; host: string }) {\n  console.log(`Authenticated with token [redacted]`);\n  await appendFile('cli-debug.log', `${new Date().toISOString()} ${opts.host} ${opts.token}\\n`);\n  console.log(`host ${opts.host}`);\n}\n\nexport async function other(opts: { token: string }) {\n  await writeFile('last-run.txt', `ran with ${opts.token.length} chars`);\n}\n",
            },
          ],
        },
        {
          messageId: 'keyInFile',
          line: 5,
          column: 81,
          endLine: 5,
          endColumn: 91,
          suggestions: [],
        },
      ],
    },
    {
      code: "import NextAuth from 'next-auth';\nimport GitHub from 'next-auth/providers/github';\nimport { App } from '@slack/bolt';\n\nexport const { handlers, auth } = NextAuth({\n  providers: [GitHub],\n  callbacks: {\n    async jwt({ token, account }) {\n      if (account) console.log('account linked', account);\n      if (account) console.log('provider', account.provider);\n      return token;\n    },\n    async session({ session, token }) {\n      console.log('session', session.user?.email, token.sub);\n      return session;\n    },\n  },\n  events: {\n    async linkAccount({ user, account }) {\n      console.info({ userId: user.id, account });\n    },\n  },\n});\n\nexport const app = new App({\n  signingSecret: process.env.SLACK_SIGNING_SECRET,\n  clientId: process.env.SLACK_CLIENT_ID,\n  installationStore: {\n    storeInstallation: async (installation) => {\n      app.logger.info('storing installation', installation);\n      app.logger.info('storing installation for team', installation.team?.id);\n    },\n    fetchInstallation: async (query) => {\n      app.logger.info('fetching installation', query);\n      return {} as never;\n    },\n  },\n});\n",
      filename: 'src/s5-auth-callbacks.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 9,
          column: 50,
          endLine: 9,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import NextAuth from 'next-auth';\nimport GitHub from 'next-auth/providers/github';\nimport { App } from '@slack/bolt';\n\nexport const { handlers, auth } = NextAuth({\n  providers: [GitHub],\n  callbacks: {\n    async jwt({ token, account }) {\n      if (account) console.log('account linked', '[redacted]');\n      if (account) console.log('provider', account.provider);\n      return token;\n    },\n    async session({ session, token }) {\n      console.log('session', session.user?.email, token.sub);\n      return session;\n    },\n  },\n  events: {\n    async linkAccount({ user, account }) {\n      console.info({ userId: user.id, account });\n    },\n  },\n});\n\nexport const app = new App({\n  signingSecret: process.env.SLACK_SIGNING_SECRET,\n  clientId: process.env.SLACK_CLIENT_ID,\n  installationStore: {\n    storeInstallation: async (installation) => {\n      app.logger.info('storing installation', installation);\n      app.logger.info('storing installation for team', installation.team?.id);\n    },\n    fetchInstallation: async (query) => {\n      app.logger.info('fetching installation', query);\n      return {} as never;\n    },\n  },\n});\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 20,
          column: 39,
          endLine: 20,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import NextAuth from 'next-auth';\nimport GitHub from 'next-auth/providers/github';\nimport { App } from '@slack/bolt';\n\nexport const { handlers, auth } = NextAuth({\n  providers: [GitHub],\n  callbacks: {\n    async jwt({ token, account }) {\n      if (account) console.log('account linked', account);\n      if (account) console.log('provider', account.provider);\n      return token;\n    },\n    async session({ session, token }) {\n      console.log('session', session.user?.email, token.sub);\n      return session;\n    },\n  },\n  events: {\n    async linkAccount({ user, account }) {\n      console.info({ userId: user.id, account: '[redacted]' });\n    },\n  },\n});\n\nexport const app = new App({\n  signingSecret: process.env.SLACK_SIGNING_SECRET,\n  clientId: process.env.SLACK_CLIENT_ID,\n  installationStore: {\n    storeInstallation: async (installation) => {\n      app.logger.info('storing installation', installation);\n      app.logger.info('storing installation for team', installation.team?.id);\n    },\n    fetchInstallation: async (query) => {\n      app.logger.info('fetching installation', query);\n      return {} as never;\n    },\n  },\n});\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 30,
          column: 47,
          endLine: 30,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import NextAuth from 'next-auth';\nimport GitHub from 'next-auth/providers/github';\nimport { App } from '@slack/bolt';\n\nexport const { handlers, auth } = NextAuth({\n  providers: [GitHub],\n  callbacks: {\n    async jwt({ token, account }) {\n      if (account) console.log('account linked', account);\n      if (account) console.log('provider', account.provider);\n      return token;\n    },\n    async session({ session, token }) {\n      console.log('session', session.user?.email, token.sub);\n      return session;\n    },\n  },\n  events: {\n    async linkAccount({ user, account }) {\n      console.info({ userId: user.id, account });\n    },\n  },\n});\n\nexport const app = new App({\n  signingSecret: process.env.SLACK_SIGNING_SECRET,\n  clientId: process.env.SLACK_CLIENT_ID,\n  installationStore: {\n    storeInstallation: async (installation) => {\n      app.logger.info('storing installation', '[redacted]');\n      app.logger.info('storing installation for team', installation.team?.id);\n    },\n    fetchInstallation: async (query) => {\n      app.logger.info('fetching installation', query);\n      return {} as never;\n    },\n  },\n});\n",
            },
          ],
        },
      ],
    },
  ],
});
