/**
 * no-logged-key: a URL object completed with a secret, then logged (issue 11, session 37): `u.password = pw`,
 * `u.searchParams.set('client_secret', s)`, a URL made from text with a token, logged whole, as `u.href`,
 * `u.search` or `u.toString()` (catalogue `urlObjects`, src/rule-kit/url-parts.ts). Near misses: the password
 * cleared before the log, the host or origin only, parameters that hold no secret, a log before the write.
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-logged-key (URL objects completed with a secret, session 37)', rule, {
  valid: [
    {
      // a password cleared before the log; the host, origin and path only; a log before the write
      code: "import pino from 'pino';\n\nconst log = pino();\ndeclare function connect(url: string): void;\n\nexport function open(password: string) {\n  const url = new URL('redis://cache.internal:6379/0');\n  log.info(`connecting to ${url.href}`);\n  url.password = password;\n  connect(url.href);\n  log.info({ host: url.host, origin: url.origin, db: url.pathname }, 'redis');\n  url.password = '';\n  log.info(`connected to ${url.href}`);\n}\n",
      filename: 'src/cache/redis-url.ts',
    },
    {
      // a copy of a URL with a password, its password cleared before the log
      code: "export function describe(password: string) {\n  const u = new URL('postgres://db.internal:5432/app');\n  u.username = 'app';\n  u.password = password;\n  const shown = new URL(u.toString());\n  shown.password = '';\n  console.log('connecting to', shown.toString());\n  return u.toString();\n}\n",
      filename: 'src/db/shown-url.ts',
    },
    {
      // query parameters that hold no secret
      code: "export function search(query: string, page: number) {\n  const u = new URL('https://api.example.com/v2/search');\n  u.searchParams.set('q', query);\n  u.searchParams.append('page', String(page));\n  console.debug('GET', u.toString());\n  return fetch(u);\n}\n",
      filename: 'src/search/query.ts',
    },
  ],
  invalid: [
    {
      // a password written into a connection URL, logged as href
      code: "import pino from 'pino';\n\nconst log = pino();\n\nexport function redisUrl(password: string) {\n  const url = new URL('redis://cache.internal:6379/0');\n  url.username = 'app';\n  url.password = password;\n  log.info(`redis at ${url.href}`);\n  return url.href;\n}\n",
      filename: 'src/cache/redis.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 9,
          column: 24,
          endLine: 9,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import pino from 'pino';\n\nconst log = pino();\n\nexport function redisUrl(password: string) {\n  const url = new URL('redis://cache.internal:6379/0');\n  url.username = 'app';\n  url.password = password;\n  log.info(`redis at [redacted]`);\n  return url.href;\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a client secret and an API key set as query parameters, logged as text and whole
      code: "import winston from 'winston';\n\nconst logger = winston.createLogger();\n\nexport async function token(clientId: string, clientSecret: string, cfg: { apiKey: string }) {\n  const u = new URL('https://auth.example.com/oauth/token');\n  u.searchParams.set('client_id', clientId);\n  u.searchParams.set('client_secret', clientSecret);\n  logger.debug('POST ' + u.toString());\n  const search = new URL('https://api.example.com/v2/search');\n  search.searchParams.append('api_key', cfg.apiKey);\n  logger.debug('search endpoint', search);\n  return fetch(u, { method: 'POST' });\n}\n",
      filename: 'src/auth/token-url.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 9,
          column: 26,
          endLine: 9,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import winston from 'winston';\n\nconst logger = winston.createLogger();\n\nexport async function token(clientId: string, clientSecret: string, cfg: { apiKey: string }) {\n  const u = new URL('https://auth.example.com/oauth/token');\n  u.searchParams.set('client_id', clientId);\n  u.searchParams.set('client_secret', clientSecret);\n  logger.debug('POST ' + '[redacted]');\n  const search = new URL('https://api.example.com/v2/search');\n  search.searchParams.append('api_key', cfg.apiKey);\n  logger.debug('search endpoint', search);\n  return fetch(u, { method: 'POST' });\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 12,
          column: 35,
          endLine: 12,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import winston from 'winston';\n\nconst logger = winston.createLogger();\n\nexport async function token(clientId: string, clientSecret: string, cfg: { apiKey: string }) {\n  const u = new URL('https://auth.example.com/oauth/token');\n  u.searchParams.set('client_id', clientId);\n  u.searchParams.set('client_secret', clientSecret);\n  logger.debug('POST ' + u.toString());\n  const search = new URL('https://api.example.com/v2/search');\n  search.searchParams.append('api_key', cfg.apiKey);\n  logger.debug('search endpoint', '[redacted]');\n  return fetch(u, { method: 'POST' });\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a URL made from text with a token: its query logged
      code: "export function hook(webhookToken: string) {\n  const u = new URL(`https://hooks.example.com/notify?token=${webhookToken}`);\n  console.log('query', u.search);\n  return fetch(u, { method: 'POST' });\n}\n",
      filename: 'src/hooks/notify.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "export function hook(webhookToken: string) {\n  const u = new URL(`https://hooks.example.com/notify?token=${webhookToken}`);\n  console.log('query', '[redacted]');\n  return fetch(u, { method: 'POST' });\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
