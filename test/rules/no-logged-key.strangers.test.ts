/**
 * no-logged-key on classes the earlier blind corpora showed we missed (issue 11, session 20), each written
 * from how public code writes it, with near misses that must stay silent.
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-logged-key (key stores)', rule, {
  valid: [
    {
      // a raw data key written owner-only to its own key file (as `openssl rand -out master.key 32`)
      code: "import fs from 'node:fs';\nimport path from 'node:path';\nimport crypto from 'node:crypto';\nexport function initMasterKey(dataDir: string): void {\n  const file = path.join(dataDir, 'master.key');\n  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32), { mode: 0o600 });\n}\n",
      filename: 'src/master-key.ts',
    },
    {
      // a re-keying job writing the next key beside the current one, base64, read-only for its owner
      code: "import { writeFile } from 'node:fs/promises';\nimport { randomBytes } from 'node:crypto';\nexport async function stageNextKey(keysDir: string): Promise<Buffer> {\n  const next = randomBytes(32);\n  await writeFile(`${keysDir}/next.key`, next.toString('base64'), { mode: 0o400 });\n  return next;\n}\n",
      filename: 'src/jobs/stage-key.ts',
    },
    {
      // fs-extra outputFile with an octal mode string
      code: "import fse from 'fs-extra';\nimport { generateKeySync } from 'node:crypto';\nexport async function createHmacKey(dir: string) {\n  const hmacKey = generateKeySync('hmac', { length: 256 }).export();\n  await fse.outputFile(`${dir}/webhook-hmac.key`, hmacKey, { mode: '600' });\n}\n",
      filename: 'src/hmac-key.ts',
    },
  ],
  invalid: [
    {
      // near miss: the same key file, world-readable
      code: "import fs from 'node:fs';\nimport crypto from 'node:crypto';\nexport function initMasterKey(file: string): void {\n  const masterKey = crypto.randomBytes(32);\n  fs.writeFileSync('config/master.key', masterKey, { mode: 0o644 });\n}\n",
      filename: 'src/master-key.ts',
      errors: [{ messageId: 'keyInFile', line: 5, column: 41, endLine: 5, endColumn: 50, suggestions: [] }],
    },
    {
      // near miss: owner-only, but a log file, not a key file
      code: "import { appendFileSync } from 'node:fs';\nimport { randomBytes } from 'node:crypto';\nexport function issue(): Buffer {\n  const sessionKey = randomBytes(32);\n  appendFileSync('/var/log/app/keys.log', sessionKey.toString('hex'), { mode: 0o600 });\n  return sessionKey;\n}\n",
      filename: 'src/issue.ts',
      errors: [{ messageId: 'keyInFile', line: 5, column: 43, endLine: 5, endColumn: 69, suggestions: [] }],
    },
    {
      // near miss: owner-only, but a scratch copy in the temp directory
      code: "import { writeFileSync } from 'node:fs';\nimport { tmpdir } from 'node:os';\nimport { join } from 'node:path';\nimport { randomBytes } from 'node:crypto';\nexport function scratch(id: string): string {\n  const file = join(tmpdir(), `export-${id}.key`);\n  const key = randomBytes(32);\n  writeFileSync(file, key, { mode: 0o600 });\n  return file;\n}\n",
      filename: 'src/scratch.ts',
      errors: [{ messageId: 'keyInFile', line: 8, column: 23, endLine: 8, endColumn: 26, suggestions: [] }],
    },
  ],
});

ruleTester.run('no-logged-key (whole objects and other log hosts)', rule, {
  valid: [
    {
      code: "// a JSON-RPC request in a mock provider: no headers, no body read\nexport const processReq = (req: { method: string; params: string[]; id: number }) => {\n  if (req.method !== 'eth_chainId') console.log('****', req);\n  return { id: req.id, result: '0x1', jsonrpc: '2.0' };\n};\n",
      filename: 'src/mock-provider.ts',
    },
    {
      code: "// a project's own request logger picks the fields it writes\nexport class Server {\n  constructor(private readonly requestLogger?: { log(r: unknown, ms: number): void }) {}\n  handle(req: { body: string }, start: number) {\n    this.requestLogger?.log(req, Date.now() - start);\n  }\n}\n",
      filename: 'src/rpc-server.ts',
    },
    {
      code: "// header names only, a response's content type, a DOM event, lexer tokens, an env name, a job id\nimport axios from 'axios';\nconst api = axios.create({});\napi.interceptors.request.use((config) => {\n  console.log('[http]', config.method, config.url, Object.keys(config.headers ?? {}));\n  return config;\n});\nexport function onClick(event: MouseEvent) {\n  console.log('clicked', event);\n}\nexport function lex(src: string, lexer: { tokenize(s: string): string[] }) {\n  const tokens = lexer.tokenize(src);\n  console.log(tokens);\n}\nexport function boot(logger: { info(o: object, m: string): void }, job: { id: string; log(t: string): void }) {\n  logger.info({ env: process.env.NODE_ENV, node: process.version }, 'starting');\n  job.log(`exported ${job.id}`);\n}\n",
      filename: 'src/near-misses.ts',
    },
    {
      code: "// a config object's headers outside any outgoing request; a phrase length in an error\nexport function devServer(config: { headers: Record<string, string> }) {\n  console.log('dev server headers', config.headers);\n}\nexport function check(words: string[]) {\n  if (words.length !== 12) throw new Error(`recovery phrase has 12 words, got ${words.length}`);\n}\n",
      filename: 'src/dev.ts',
    },
  ],
  invalid: [
    {
      code: "import axios from 'axios';\nconst client = axios.create({ baseURL: 'https://api.example.com' });\nclient.interceptors.request.use((cfg) => {\n  console.debug('request', cfg.url, cfg.headers);\n  return cfg;\n});\nexport async function get(path: string, init: RequestInit = {}) {\n  console.log('fetch', path, init.headers);\n  return fetch(path, init);\n}\n",
      filename: 'src/http.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 4,
          column: 37,
          endLine: 4,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import axios from 'axios';\nconst client = axios.create({ baseURL: 'https://api.example.com' });\nclient.interceptors.request.use((cfg) => {\n  console.debug('request', cfg.url, '[redacted]');\n  return cfg;\n});\nexport async function get(path: string, init: RequestInit = {}) {\n  console.log('fetch', path, init.headers);\n  return fetch(path, init);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 8,
          column: 30,
          endLine: 8,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import axios from 'axios';\nconst client = axios.create({ baseURL: 'https://api.example.com' });\nclient.interceptors.request.use((cfg) => {\n  console.debug('request', cfg.url, cfg.headers);\n  return cfg;\n});\nexport async function get(path: string, init: RequestInit = {}) {\n  console.log('fetch', path, '[redacted]');\n  return fetch(path, init);\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import type { NextRequest } from 'next/server';\nexport function middleware(req: NextRequest) {\n  console.log('admin', req.nextUrl.pathname, Object.fromEntries(req.headers));\n}\nexport const handler = async (event: { body?: string; headers: Record<string, string> }) => {\n  console.log('event', JSON.stringify(event));\n  return JSON.parse(event.body ?? '{}');\n};\n",
      filename: 'src/edge.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 3,
          column: 46,
          endLine: 3,
          endColumn: 77,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import type { NextRequest } from 'next/server';\nexport function middleware(req: NextRequest) {\n  console.log('admin', req.nextUrl.pathname, '[redacted]');\n}\nexport const handler = async (event: { body?: string; headers: Record<string, string> }) => {\n  console.log('event', JSON.stringify(event));\n  return JSON.parse(event.body ?? '{}');\n};\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 6,
          column: 24,
          endLine: 6,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import type { NextRequest } from 'next/server';\nexport function middleware(req: NextRequest) {\n  console.log('admin', req.nextUrl.pathname, Object.fromEntries(req.headers));\n}\nexport const handler = async (event: { body?: string; headers: Record<string, string> }) => {\n  console.log('event', '[redacted]');\n  return JSON.parse(event.body ?? '{}');\n};\n",
            },
          ],
        },
      ],
    },
    {
      code: "import { Issuer } from 'openid-client';\nexport async function exchange(code: string, verifier: string) {\n  const res = await fetch('https://id.example.com/oauth/token', { method: 'POST', body: new URLSearchParams({ code }) });\n  const tokens = await res.json();\n  console.debug('token exchange', tokens);\n  const issuer = await Issuer.discover('https://id.example.com');\n  const client = new issuer.Client({ client_id: 'web' });\n  const tokenSet = await client.callback('https://app/cb', { code }, { code_verifier: verifier });\n  console.info(`signed in ${JSON.stringify(tokenSet)}`);\n  return tokens;\n}\n",
      filename: 'src/oauth.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 5,
          column: 35,
          endLine: 5,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Issuer } from 'openid-client';\nexport async function exchange(code: string, verifier: string) {\n  const res = await fetch('https://id.example.com/oauth/token', { method: 'POST', body: new URLSearchParams({ code }) });\n  const tokens = await res.json();\n  console.debug('token exchange', '[redacted]');\n  const issuer = await Issuer.discover('https://id.example.com');\n  const client = new issuer.Client({ client_id: 'web' });\n  const tokenSet = await client.callback('https://app/cb', { code }, { code_verifier: verifier });\n  console.info(`signed in ${JSON.stringify(tokenSet)}`);\n  return tokens;\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 9,
          column: 29,
          endLine: 9,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Issuer } from 'openid-client';\nexport async function exchange(code: string, verifier: string) {\n  const res = await fetch('https://id.example.com/oauth/token', { method: 'POST', body: new URLSearchParams({ code }) });\n  const tokens = await res.json();\n  console.debug('token exchange', tokens);\n  const issuer = await Issuer.discover('https://id.example.com');\n  const client = new issuer.Client({ client_id: 'web' });\n  const tokenSet = await client.callback('https://app/cb', { code }, { code_verifier: verifier });\n  console.info(`signed in [redacted]`);\n  return tokens;\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import Fastify from 'fastify';\nconst app = Fastify({ logger: true });\napp.log.info({ env: process.env }, 'booting');\nif (Deno.args.includes('--dump')) console.log(Deno.env.toObject());\ndeclare const Deno: { args: string[]; env: { toObject(): Record<string, string> } };\n",
      filename: 'src/boot.ts',
      errors: [
        {
          messageId: 'envDump',
          line: 3,
          column: 21,
          endLine: 3,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'logNamesOnly',
              output:
                "import Fastify from 'fastify';\nconst app = Fastify({ logger: true });\napp.log.info({ env: Object.keys(process.env) }, 'booting');\nif (Deno.args.includes('--dump')) console.log(Deno.env.toObject());\ndeclare const Deno: { args: string[]; env: { toObject(): Record<string, string> } };\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 4,
          column: 47,
          endLine: 4,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import Fastify from 'fastify';\nconst app = Fastify({ logger: true });\napp.log.info({ env: process.env }, 'booting');\nif (Deno.args.includes('--dump')) console.log('[redacted]');\ndeclare const Deno: { args: string[]; env: { toObject(): Record<string, string> } };\n",
            },
          ],
        },
      ],
    },
    {
      code: "import Hapi from '@hapi/hapi';\nimport { Worker, type Job } from 'bullmq';\nconst server = Hapi.server({ port: 3000 });\nserver.ext('onPreResponse', (request, h) => {\n  request.log(['auth'], { authorization: request.headers.authorization });\n  return h.continue;\n});\nexport const worker = new Worker('sync', async (job: Job<{ apiToken: string }>) => {\n  job.log(`syncing with ${job.data.apiToken}`);\n});\n",
      filename: 'src/server.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 5,
          column: 42,
          endLine: 5,
          endColumn: 71,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import Hapi from '@hapi/hapi';\nimport { Worker, type Job } from 'bullmq';\nconst server = Hapi.server({ port: 3000 });\nserver.ext('onPreResponse', (request, h) => {\n  request.log(['auth'], { authorization: '[redacted]' });\n  return h.continue;\n});\nexport const worker = new Worker('sync', async (job: Job<{ apiToken: string }>) => {\n  job.log(`syncing with ${job.data.apiToken}`);\n});\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 9,
          column: 27,
          endLine: 9,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import Hapi from '@hapi/hapi';\nimport { Worker, type Job } from 'bullmq';\nconst server = Hapi.server({ port: 3000 });\nserver.ext('onPreResponse', (request, h) => {\n  request.log(['auth'], { authorization: request.headers.authorization });\n  return h.continue;\n});\nexport const worker = new Worker('sync', async (job: Job<{ apiToken: string }>) => {\n  job.log(`syncing with [redacted]`);\n});\n",
            },
          ],
        },
      ],
    },
    {
      code: "import { HDNodeWallet } from 'ethers';\nexport function fromWords(words: string) {\n  try {\n    return HDNodeWallet.fromPhrase(words);\n  } catch {\n    throw new Error(`bad mnemonic ${words}`);\n  }\n}\n",
      filename: 'src/wallet.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 6,
          column: 37,
          endLine: 6,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { HDNodeWallet } from 'ethers';\nexport function fromWords(words: string) {\n  try {\n    return HDNodeWallet.fromPhrase(words);\n  } catch {\n    throw new Error(`bad mnemonic [redacted]`);\n  }\n}\n",
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-logged-key (OS keychain)', rule, {
  valid: [
    {
      // the account names stored, not the secrets
      code: "import keytar from 'keytar';\nexport async function accounts() {\n  const creds = await keytar.findCredentials('acme');\n  console.log(creds.map((c) => c.account));\n}\n",
      filename: 'src/accounts.ts',
    },
  ],
  invalid: [
    {
      code: "import keytar from 'keytar';\nimport log from 'electron-log';\nexport async function dump(account: string) {\n  const stored = await keytar.getPassword('acme-desktop', account);\n  log.info('stored credential', stored);\n  console.debug(stored);\n}\n",
      filename: 'src/main/keychain.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 5,
          column: 33,
          endLine: 5,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import keytar from 'keytar';\nimport log from 'electron-log';\nexport async function dump(account: string) {\n  const stored = await keytar.getPassword('acme-desktop', account);\n  log.info('stored credential', '[redacted]');\n  console.debug(stored);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import keytar from 'keytar';\nimport log from 'electron-log';\nexport async function dump(account: string) {\n  const stored = await keytar.getPassword('acme-desktop', account);\n  log.info('stored credential', stored);\n  console.debug('[redacted]');\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
