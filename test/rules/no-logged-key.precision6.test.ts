/**
 * no-logged-key precision on real repositories (issue 11, session 23): general signals, each with near misses and
 * the positives that must stay reported. Every case is written anew (no repository code):
 * - an untyped event read only for its query or path parameters is a public endpoint's request (a credential
 *   parameter, a header read or an HTTP event type still make it a request with credentials);
 * - a token that matched no record, echoed in a not-found error (not a long-lived API key, not an expired token);
 * - a caught error's text after a message that names a token (`err instanceof Error ? err.message : String(err)`);
 * - a whole request kept on an error as structured context (not in the message or a text member);
 * - an object logged on the branch where its own verdict (`valid`, `ok`, `success`) failed;
 * - a member compared with a boolean is a switch; a member the file masks (`mask(opts.token)`) is a secret.
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-logged-key (precision on real repositories, session 23)', rule, {
  valid: [
    {
      // an error whose stack the file scrubs (`redactAll(error.stack)`): scrubbing an error's text is not evidence that
      // the error holds a secret, so the error printed whole stays silent
      code: '\ndeclare function redactAll(s: string): string;\ndeclare const dialog: { show(t: string): void };\nexport function onCrash(prefix: string, error: any) {\n  console.error(`${prefix}:`, error);\n  dialog.show(redactAll(error.stack));\n}\n',
      filename: 'src/p6-scrubbed-stack.ts',
    },
    {
      // an untyped Lambda event read only for its path parameters: a public endpoint that takes no credential
      code: "\nexport const handler = async (event: any) => {\n  console.log('event', JSON.stringify(event));\n  const sku = event.pathParameters?.sku;\n  return { statusCode: 200, body: JSON.stringify({ sku }) };\n};\nexport async function list(event: any) {\n  console.log(event);\n  const page = Number(event.queryStringParameters?.page ?? 1);\n  return { statusCode: 200, body: String(page) };\n}\n",
      filename: 'src/p6-public-event.ts',
    },
    {
      // a token that matched no record, echoed in a not-found error (after or before the value)
      code: "\ndeclare const db: { invites: { find(t: string): Promise<unknown> }; sessions: { get(t: string): unknown } };\nexport async function accept(inviteToken: string) {\n  const invite = await db.invites.find(inviteToken);\n  if (!invite) throw new Error(`Invite token ${inviteToken} does not exist`);\n  return invite;\n}\nexport function resume(sessionToken: string) {\n  const s = db.sessions.get(sessionToken);\n  if (!s) throw new Error(`No session found for token ${sessionToken}`);\n  return s;\n}\nexport function reset(resetToken: string, found: boolean) {\n  if (!found) throw new Error('Reset token ' + resetToken + ' was not found');\n}\n",
      filename: 'src/p6-lookup-miss.ts',
    },
    {
      // a caught error's text after a message that names a token: the error says what went wrong
      code: "\ndeclare const log: { warn(m: string): void };\nexport async function refresh(refreshToken: string) {\n  try {\n    await fetch('https://auth.example.com/token', { method: 'POST', body: refreshToken });\n  } catch (e) {\n    const detail = e instanceof Error ? e.message : String(e);\n    log.warn(`the provider rejected the refresh token: ${detail}`);\n  }\n}\nexport async function introspect(accessToken: string) {\n  try {\n    await fetch('https://auth.example.com/introspect', { method: 'POST', body: accessToken });\n  } catch (problem) {\n    const text = (problem as Error).message;\n    throw new Error(`could not check the access token: ${text}`);\n  }\n}\n",
      filename: 'src/p6-caught-text.ts',
    },
    {
      // a request kept on an error as structured context: a reference, not text
      code: "\nclass UpstreamError extends Error {\n  constructor(message: string, readonly context: { request: unknown; status?: number; cause?: unknown }) {\n    super(message);\n  }\n}\nexport async function forward(request: Request) {\n  const res = await fetch('https://upstream.example.com', { headers: request.headers });\n  if (!res.ok) throw new UpstreamError('upstream refused', { request, status: res.status });\n  return res;\n}\nexport function check(req: { headers: Record<string, string> }, cause: unknown) {\n  if (!req.headers['x-tenant']) throw new UpstreamError('no tenant', { request: req, cause });\n}\n",
      filename: 'src/p6-error-context.ts',
    },
    {
      // an object logged on the branch where its own verdict failed: its failure variant holds the error, not the token
      code: "\ndeclare function validate(code: string): Promise<{ valid: boolean; oauthToken?: string; error?: string }>;\ndeclare function save(t: string): void;\nexport async function connect(code: string) {\n  const outcome = await validate(code);\n  if (outcome.valid) {\n    save(outcome.oauthToken!);\n  } else {\n    console.error('validation failed', outcome);\n  }\n}\nexport async function login(r: Promise<{ success: boolean; accessToken?: string }>) {\n  const result = await r;\n  if (!result.success) {\n    console.warn('login failed', result);\n    return;\n  }\n  save(result.accessToken!);\n}\n",
      filename: 'src/p6-failure-branch.ts',
    },
    {
      // a member compared with a boolean is a CLI switch, not a secret
      code: "\nconst { logger } = require('./logger');\nfunction pull() {\n  const options = this.opts();\n  logger.debug(`options: ${JSON.stringify(options)}`);\n  return { skipKeychain: options.noPassword === true, prompt: false !== options.askPassphrase };\n}\nmodule.exports = pull;\n",
      filename: 'src/p6-flags.js',
    },
  ],
  invalid: [
    {
      // an untyped event read for a credential in its query string, or for its headers; a typed one whatever it reads
      code: "\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const byKey = async (event: any) => {\n  console.log(JSON.stringify(event));\n  const key = event.queryStringParameters?.api_key;\n  return { statusCode: key ? 200 : 401, body: '' };\n};\nexport const withHeaders = async (event: any) => {\n  console.log(event);\n  return { statusCode: event.headers?.accept ? 200 : 406, body: '' };\n};\nexport const typed = async (event: APIGatewayProxyEvent) => {\n  console.log(event);\n  return { statusCode: 200, body: String(event.queryStringParameters?.n) };\n};\n",
      filename: 'src/p6-credential-event.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const byKey = async (event: any) => {\n  console.log('[redacted]');\n  const key = event.queryStringParameters?.api_key;\n  return { statusCode: key ? 200 : 401, body: '' };\n};\nexport const withHeaders = async (event: any) => {\n  console.log(event);\n  return { statusCode: event.headers?.accept ? 200 : 406, body: '' };\n};\nexport const typed = async (event: APIGatewayProxyEvent) => {\n  console.log(event);\n  return { statusCode: 200, body: String(event.queryStringParameters?.n) };\n};\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 9,
          column: 15,
          endLine: 9,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const byKey = async (event: any) => {\n  console.log(JSON.stringify(event));\n  const key = event.queryStringParameters?.api_key;\n  return { statusCode: key ? 200 : 401, body: '' };\n};\nexport const withHeaders = async (event: any) => {\n  console.log('[redacted]');\n  return { statusCode: event.headers?.accept ? 200 : 406, body: '' };\n};\nexport const typed = async (event: APIGatewayProxyEvent) => {\n  console.log(event);\n  return { statusCode: 200, body: String(event.queryStringParameters?.n) };\n};\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 13,
          column: 15,
          endLine: 13,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const byKey = async (event: any) => {\n  console.log(JSON.stringify(event));\n  const key = event.queryStringParameters?.api_key;\n  return { statusCode: key ? 200 : 401, body: '' };\n};\nexport const withHeaders = async (event: any) => {\n  console.log(event);\n  return { statusCode: event.headers?.accept ? 200 : 406, body: '' };\n};\nexport const typed = async (event: APIGatewayProxyEvent) => {\n  console.log('[redacted]');\n  return { statusCode: 200, body: String(event.queryStringParameters?.n) };\n};\n",
            },
          ],
        },
      ],
    },
    {
      // a long-lived credential in a not-found message, and a token in a message that is not a lookup miss
      code: '\ndeclare const keys: { find(k: string): unknown };\nexport function use(apiKey: string, resetToken: string) {\n  if (!keys.find(apiKey)) throw new Error(`API key ${apiKey} not found`);\n  throw new Error(`reset token ${resetToken} has expired`);\n}\n',
      filename: 'src/p6-not-lookup.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 4,
          column: 54,
          endLine: 4,
          endColumn: 60,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                '\ndeclare const keys: { find(k: string): unknown };\nexport function use(apiKey: string, resetToken: string) {\n  if (!keys.find(apiKey)) throw new Error(`API key [redacted] not found`);\n  throw new Error(`reset token ${resetToken} has expired`);\n}\n',
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 5,
          column: 34,
          endLine: 5,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                '\ndeclare const keys: { find(k: string): unknown };\nexport function use(apiKey: string, resetToken: string) {\n  if (!keys.find(apiKey)) throw new Error(`API key ${apiKey} not found`);\n  throw new Error(`reset token [redacted] has expired`);\n}\n',
            },
          ],
        },
      ],
    },
    {
      // a value under a token label that is not the text of a caught error
      code: '\ndeclare const log: { info(m: string): void };\nexport async function show(res: Response) {\n  const message = await res.text();\n  log.info(`issued token: ${message}`);\n}\n',
      filename: 'src/p6-label-not-error.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 5,
          column: 29,
          endLine: 5,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                '\ndeclare const log: { info(m: string): void };\nexport async function show(res: Response) {\n  const message = await res.text();\n  log.info(`issued token: [redacted]`);\n}\n',
            },
          ],
        },
      ],
    },
    {
      // a whole request in an error's message text, or in its text member
      code: "\nclass AppError extends Error {\n  constructor(code: string, readonly opts: { message: string }) {\n    super(code);\n  }\n}\nexport function reject(request: { headers: Record<string, string> }) {\n  if (!request.headers.authorization) throw new Error(`unauthenticated: ${JSON.stringify(request)}`);\n  throw new AppError('FORBIDDEN', { message: `forbidden ${JSON.stringify(request)}` });\n}\n",
      filename: 'src/p6-error-text.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 8,
          column: 75,
          endLine: 8,
          endColumn: 98,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nclass AppError extends Error {\n  constructor(code: string, readonly opts: { message: string }) {\n    super(code);\n  }\n}\nexport function reject(request: { headers: Record<string, string> }) {\n  if (!request.headers.authorization) throw new Error(`unauthenticated: [redacted]`);\n  throw new AppError('FORBIDDEN', { message: `forbidden ${JSON.stringify(request)}` });\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 9,
          column: 59,
          endLine: 9,
          endColumn: 82,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nclass AppError extends Error {\n  constructor(code: string, readonly opts: { message: string }) {\n    super(code);\n  }\n}\nexport function reject(request: { headers: Record<string, string> }) {\n  if (!request.headers.authorization) throw new Error(`unauthenticated: ${JSON.stringify(request)}`);\n  throw new AppError('FORBIDDEN', { message: `forbidden [redacted]` });\n}\n",
            },
          ],
        },
      ],
    },
    {
      // an object logged on the success branch, where it holds the token
      code: "\ndeclare function exchange(code: string): Promise<{ ok: boolean; accessToken?: string }>;\ndeclare function save(t: string): void;\nexport async function connect(code: string) {\n  const grant = await exchange(code);\n  if (grant.ok) {\n    console.log('connected', grant);\n    save(grant.accessToken!);\n  }\n}\n",
      filename: 'src/p6-success-branch.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 7,
          column: 30,
          endLine: 7,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\ndeclare function exchange(code: string): Promise<{ ok: boolean; accessToken?: string }>;\ndeclare function save(t: string): void;\nexport async function connect(code: string) {\n  const grant = await exchange(code);\n  if (grant.ok) {\n    console.log('connected', '[redacted]');\n    save(grant.accessToken!);\n  }\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a member the file masks before showing it is a secret: the object logged unmasked carries it
      code: "\nconst { logger } = require('./logger');\nconst mask = require('./mask');\nfunction run() {\n  const options = this.opts();\n  let shown = options;\n  if (options.quiet) shown = { ...options, token: mask(options.token, 4) };\n  logger.debug(`options: ${JSON.stringify(shown)}`);\n}\nmodule.exports = run;\n",
      filename: 'src/p6-masked-member.js',
      errors: [
        {
          messageId: 'loggedKey',
          line: 8,
          column: 28,
          endLine: 8,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nconst { logger } = require('./logger');\nconst mask = require('./mask');\nfunction run() {\n  const options = this.opts();\n  let shown = options;\n  if (options.quiet) shown = { ...options, token: mask(options.token, 4) };\n  logger.debug(`options: [redacted]`);\n}\nmodule.exports = run;\n",
            },
          ],
        },
      ],
    },
  ],
});
