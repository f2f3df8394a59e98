/**
 * no-logged-key: a binding the code dispatches on by two or more string literals, in separate branches, is an
 * enumerated setting (src/rule-kit/setting-values.ts), even when it was read from an option named after a secret
 * (`opts.storeClientSecret`, the client secret's storage method). Near misses stay reported: a placeholder check
 * (one `||` chain), one literal, a `typeof` normalisation of a key, and a binding under a secret's own name.
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

/** One loggedKey report on one line, with the redaction suggestion's full output. */
function loggedAt(line: number, column: number, endColumn: number, what: string, output: string) {
  const suggestion = { messageId: 'useRedacted' as const, data: { what }, output };
  return { messageId: 'loggedKey' as const, line, column, endLine: line, endColumn, suggestions: [suggestion] };
}

ruleTester.run('no-logged-key (enumerated settings)', rule, {
  valid: [
    {
      // a client secret's storage method, dispatched on by if / else if, named in the unsupported-value error
      code: "\ndeclare const opts: { storeClientSecret?: string; encrypt: boolean };\nexport function store(plain: string) {\n  const method = opts.storeClientSecret ?? (opts.encrypt ? 'encrypted' : 'hashed');\n  if (method === 'hashed') return plain.length;\n  else if (method === 'encrypted') return -plain.length;\n  throw new Error(`Unsupported storeClientSecret type '${method}'`);\n}\n",
      filename: 'src/settings-a.ts',
    },
    {
      // where a refresh token is kept (a setting of the client), a switch on it, logged at debug
      code: "\ndeclare const logger: { debug(m: string): void };\ndeclare const config: { storeRefreshToken: string };\nexport function place(headers: Record<string, string>, query: URLSearchParams, key: string) {\n  const where = config.storeRefreshToken;\n  logger.debug(`refresh token kept in: ${where}`);\n  switch (where) {\n    case 'header':\n      headers['x-refresh'] = key;\n      break;\n    case 'query':\n      query.set('refresh', key);\n      break;\n  }\n}\n",
      filename: 'src/settings-b.ts',
    },
    {
      // how often the signing key rotates, chosen by ternaries, printed at start-up
      code: "\ndeclare const options: { rotateSigningKey: string };\nexport function describe() {\n  const every = options.rotateSigningKey;\n  const days = every === 'daily' ? 1 : every === 'weekly' ? 7 : 30;\n  console.info(`signing key rotates ${every} (${days} days)`);\n}\n",
      filename: 'src/settings-c.ts',
    },
  ],
  invalid: [
    {
      // near miss: a placeholder check is one || chain, not a dispatch; the value is the secret
      code: "\ndeclare const opts: { clientSecret: string };\nexport function check() {\n  const value = opts.clientSecret;\n  if (value === 'changeme' || value === 'replace-me') console.warn('placeholder');\n  console.log(`client secret in use: ${value}`);\n}\n",
      filename: 'src/settings-d.ts',
      errors: [
        loggedAt(
          6,
          40,
          45,
          "'value', from 'opts.clientSecret'",
          "\ndeclare const opts: { clientSecret: string };\nexport function check() {\n  const value = opts.clientSecret;\n  if (value === 'changeme' || value === 'replace-me') console.warn('placeholder');\n  console.log(`client secret in use: [redacted]`);\n}\n",
        ),
      ],
    },
    {
      // near miss: one literal compared, in one branch
      code: "\ndeclare const opts: { clientSecret: string };\nexport function check() {\n  const value = opts.clientSecret;\n  if (value === 'dev') console.warn('development secret');\n  console.log(`client secret in use: ${value}`);\n}\n",
      filename: 'src/settings-e.ts',
      errors: [
        loggedAt(
          6,
          40,
          45,
          "'value', from 'opts.clientSecret'",
          "\ndeclare const opts: { clientSecret: string };\nexport function check() {\n  const value = opts.clientSecret;\n  if (value === 'dev') console.warn('development secret');\n  console.log(`client secret in use: [redacted]`);\n}\n",
        ),
      ],
    },
    {
      // near miss: a key normalised by its type (typeof tests do not count)
      code: "\ndeclare const opts: { privateKey: string | Buffer | object };\nexport function load() {\n  const value = opts.privateKey;\n  if (typeof value === 'string') console.debug('pem');\n  else if (typeof value === 'object') console.debug('object');\n  console.debug(`loaded ${value}`);\n}\n",
      filename: 'src/settings-f.ts',
      errors: [
        loggedAt(
          7,
          27,
          32,
          "'value', from 'opts.privateKey'",
          "\ndeclare const opts: { privateKey: string | Buffer | object };\nexport function load() {\n  const value = opts.privateKey;\n  if (typeof value === 'string') console.debug('pem');\n  else if (typeof value === 'object') console.debug('object');\n  console.debug(`loaded [redacted]`);\n}\n",
        ),
      ],
    },
    {
      // near miss: a binding under a secret's own name stays the secret, whatever it is compared with
      code: "\ndeclare const opts: { secret: string };\nexport function boot() {\n  const secret = opts.secret;\n  if (secret === 'dev') console.warn('dev');\n  else if (secret === 'test') console.warn('test');\n  console.log(`secret: ${secret}`);\n}\n",
      filename: 'src/settings-g.ts',
      errors: [
        loggedAt(
          7,
          26,
          32,
          "'secret'",
          "\ndeclare const opts: { secret: string };\nexport function boot() {\n  const secret = opts.secret;\n  if (secret === 'dev') console.warn('dev');\n  else if (secret === 'test') console.warn('test');\n  console.log(`secret: [redacted]`);\n}\n",
        ),
      ],
    },
  ],
});
