/**
 * no-logged-key through sinks that live in other modules of the project (issue 11, session 25): a shared logging
 * package's helpers (a labelled-value printer, an error reporter that hands extras to a Sentry scope in a callback,
 * a breadcrumb arrow, a span wrapper), a logger its local factory makes, a debug namespace its factory returns, a
 * class whose method logs its argument, a CommonJS output module whose methods format every argument, a
 * default-exported audit helper, and child-logger bindings. fixtures/rule-tester/log-helpers holds the other
 * modules, written for this test. Near misses: a helper that prints only a length, a helper called without the
 * value, a function that does its work with the value it also prints (reported inside it, not at its callers), a
 * method that does not log, and the audit's lint, which reads no other module from disk.
 */
import rule from '../../rules/no-logged-key.js';
import { logHelpersRuleTester as ruleTester } from '../helpers/rule-tester.js';

/** The audit's setting: no module is read from disk. */
const inAudit = { keyhygiene: { importsOnDisk: false } };

ruleTester.run('no-logged-key (project sinks)', rule, {
  valid: [
    {
      // a length, no value, a function that does its work with the password (reported inside it), a method that does not log
      code: "import { note, noteSize, exchange, Journal } from '@acme/observe';\n\nexport async function settle(journal: Journal, apiKey: string, password: string) {\n  note('settling');\n  noteSize('key', apiKey);\n  await exchange(password, 'https://idp.example.test/token');\n  journal.count({ apiKey });\n  note('settled', { amount: 3 });\n}\n",
      filename: 'apps/api/src/settle.ts',
    },
    {
      // the lint in the audit reads no other module from disk
      code: "import { note, capture, crumb, spanned, rootLog as base, channel, Journal } from '@acme/observe';\n\nconst dbg = channel('billing');\n\nexport async function charge(journal: Journal, apiKey: string, amount: number) {\n  note('charging', { apiKey, amount });\n  dbg('charging with %s', apiKey);\n  base.warn({ apiKey }, 'charge started');\n  journal.append({ action: 'charge', apiKey });\n  crumb('billing', { apiKey });\n  capture(new Error('declined'), { amount, apiKey });\n  await spanned('charge', { 'billing.key': apiKey }, async () => amount);\n  const log = base.child({ apiKey });\n  log.info('done');\n}\n",
      filename: 'apps/api/src/charge.ts',
      settings: inAudit,
    },
    {
      // `followImports: false`: the sinks of other modules are not read (the same calls are reported below)
      code: "import { note, capture, crumb, spanned, rootLog as base, channel, Journal } from '@acme/observe';\n\nconst dbg = channel('billing');\n\nexport async function charge(journal: Journal, apiKey: string, amount: number) {\n  note('charging', { apiKey, amount });\n  dbg('charging with %s', apiKey);\n  base.warn({ apiKey }, 'charge started');\n  journal.append({ action: 'charge', apiKey });\n  crumb('billing', { apiKey });\n  capture(new Error('declined'), { amount, apiKey });\n  await spanned('charge', { 'billing.key': apiKey }, async () => amount);\n  const log = base.child({ apiKey });\n  log.info('done');\n}\n",
      filename: 'apps/api/src/charge.ts',
      options: [{ followImports: false }],
    },
  ],
  invalid: [
    {
      // `followImports: false` keeps the file's own sinks: a console call and a same-file helper
      code: "import { note } from '@acme/observe';\n\nfunction trace(label: string, value: unknown) {\n  console.debug(label, value);\n}\n\nexport function load(apiKey: string) {\n  note('loading');\n  console.log('key', apiKey);\n  trace('key', apiKey);\n}\n",
      filename: 'apps/api/src/load.ts',
      options: [{ followImports: false }],
      errors: [
        {
          messageId: 'loggedKey',
          line: 9,
          column: 22,
          endLine: 9,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { note } from '@acme/observe';\n\nfunction trace(label: string, value: unknown) {\n  console.debug(label, value);\n}\n\nexport function load(apiKey: string) {\n  note('loading');\n  console.log('key', '[redacted]');\n  trace('key', apiKey);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 10,
          column: 16,
          endLine: 10,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { note } from '@acme/observe';\n\nfunction trace(label: string, value: unknown) {\n  console.debug(label, value);\n}\n\nexport function load(apiKey: string) {\n  note('loading');\n  console.log('key', apiKey);\n  trace('key', '[redacted]');\n}\n",
            },
          ],
        },
      ],
    },
    {
      // through the package's barrel: a helper, a debug namespace its factory makes, its logger, a class method, an arrow helper, extras handed to a scope in a callback, span attributes, child-logger bindings
      code: "import { note, capture, crumb, spanned, rootLog as base, channel, Journal } from '@acme/observe';\n\nconst dbg = channel('billing');\n\nexport async function charge(journal: Journal, apiKey: string, amount: number) {\n  note('charging', { apiKey, amount });\n  dbg('charging with %s', apiKey);\n  base.warn({ apiKey }, 'charge started');\n  journal.append({ action: 'charge', apiKey });\n  crumb('billing', { apiKey });\n  capture(new Error('declined'), { amount, apiKey });\n  await spanned('charge', { 'billing.key': apiKey }, async () => amount);\n  const log = base.child({ apiKey });\n  log.info('done');\n}\n",
      filename: 'apps/api/src/charge.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 6,
          column: 22,
          endLine: 6,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { note, capture, crumb, spanned, rootLog as base, channel, Journal } from '@acme/observe';\n\nconst dbg = channel('billing');\n\nexport async function charge(journal: Journal, apiKey: string, amount: number) {\n  note('charging', { apiKey: '[redacted]', amount });\n  dbg('charging with %s', apiKey);\n  base.warn({ apiKey }, 'charge started');\n  journal.append({ action: 'charge', apiKey });\n  crumb('billing', { apiKey });\n  capture(new Error('declined'), { amount, apiKey });\n  await spanned('charge', { 'billing.key': apiKey }, async () => amount);\n  const log = base.child({ apiKey });\n  log.info('done');\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 7,
          column: 27,
          endLine: 7,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { note, capture, crumb, spanned, rootLog as base, channel, Journal } from '@acme/observe';\n\nconst dbg = channel('billing');\n\nexport async function charge(journal: Journal, apiKey: string, amount: number) {\n  note('charging', { apiKey, amount });\n  dbg('charging with %s', '[redacted]');\n  base.warn({ apiKey }, 'charge started');\n  journal.append({ action: 'charge', apiKey });\n  crumb('billing', { apiKey });\n  capture(new Error('declined'), { amount, apiKey });\n  await spanned('charge', { 'billing.key': apiKey }, async () => amount);\n  const log = base.child({ apiKey });\n  log.info('done');\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 8,
          column: 15,
          endLine: 8,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { note, capture, crumb, spanned, rootLog as base, channel, Journal } from '@acme/observe';\n\nconst dbg = channel('billing');\n\nexport async function charge(journal: Journal, apiKey: string, amount: number) {\n  note('charging', { apiKey, amount });\n  dbg('charging with %s', apiKey);\n  base.warn({ apiKey: '[redacted]' }, 'charge started');\n  journal.append({ action: 'charge', apiKey });\n  crumb('billing', { apiKey });\n  capture(new Error('declined'), { amount, apiKey });\n  await spanned('charge', { 'billing.key': apiKey }, async () => amount);\n  const log = base.child({ apiKey });\n  log.info('done');\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 9,
          column: 38,
          endLine: 9,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { note, capture, crumb, spanned, rootLog as base, channel, Journal } from '@acme/observe';\n\nconst dbg = channel('billing');\n\nexport async function charge(journal: Journal, apiKey: string, amount: number) {\n  note('charging', { apiKey, amount });\n  dbg('charging with %s', apiKey);\n  base.warn({ apiKey }, 'charge started');\n  journal.append({ action: 'charge', apiKey: '[redacted]' });\n  crumb('billing', { apiKey });\n  capture(new Error('declined'), { amount, apiKey });\n  await spanned('charge', { 'billing.key': apiKey }, async () => amount);\n  const log = base.child({ apiKey });\n  log.info('done');\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 10,
          column: 22,
          endLine: 10,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { note, capture, crumb, spanned, rootLog as base, channel, Journal } from '@acme/observe';\n\nconst dbg = channel('billing');\n\nexport async function charge(journal: Journal, apiKey: string, amount: number) {\n  note('charging', { apiKey, amount });\n  dbg('charging with %s', apiKey);\n  base.warn({ apiKey }, 'charge started');\n  journal.append({ action: 'charge', apiKey });\n  crumb('billing', { apiKey: '[redacted]' });\n  capture(new Error('declined'), { amount, apiKey });\n  await spanned('charge', { 'billing.key': apiKey }, async () => amount);\n  const log = base.child({ apiKey });\n  log.info('done');\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 11,
          column: 44,
          endLine: 11,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { note, capture, crumb, spanned, rootLog as base, channel, Journal } from '@acme/observe';\n\nconst dbg = channel('billing');\n\nexport async function charge(journal: Journal, apiKey: string, amount: number) {\n  note('charging', { apiKey, amount });\n  dbg('charging with %s', apiKey);\n  base.warn({ apiKey }, 'charge started');\n  journal.append({ action: 'charge', apiKey });\n  crumb('billing', { apiKey });\n  capture(new Error('declined'), { amount, apiKey: '[redacted]' });\n  await spanned('charge', { 'billing.key': apiKey }, async () => amount);\n  const log = base.child({ apiKey });\n  log.info('done');\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 12,
          column: 44,
          endLine: 12,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { note, capture, crumb, spanned, rootLog as base, channel, Journal } from '@acme/observe';\n\nconst dbg = channel('billing');\n\nexport async function charge(journal: Journal, apiKey: string, amount: number) {\n  note('charging', { apiKey, amount });\n  dbg('charging with %s', apiKey);\n  base.warn({ apiKey }, 'charge started');\n  journal.append({ action: 'charge', apiKey });\n  crumb('billing', { apiKey });\n  capture(new Error('declined'), { amount, apiKey });\n  await spanned('charge', { 'billing.key': '[redacted]' }, async () => amount);\n  const log = base.child({ apiKey });\n  log.info('done');\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 13,
          column: 28,
          endLine: 13,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { note, capture, crumb, spanned, rootLog as base, channel, Journal } from '@acme/observe';\n\nconst dbg = channel('billing');\n\nexport async function charge(journal: Journal, apiKey: string, amount: number) {\n  note('charging', { apiKey, amount });\n  dbg('charging with %s', apiKey);\n  base.warn({ apiKey }, 'charge started');\n  journal.append({ action: 'charge', apiKey });\n  crumb('billing', { apiKey });\n  capture(new Error('declined'), { amount, apiKey });\n  await spanned('charge', { 'billing.key': apiKey }, async () => amount);\n  const log = base.child({ apiKey: '[redacted]' });\n  log.info('done');\n}\n",
            },
          ],
        },
      ],
    },
    {
      // CommonJS output module: its methods format every argument whole (`render(parts)`)
      code: "'use strict';\n\nconst out = require('./print');\n\nexports.login = async (opts) => {\n  out.say('signing in as', opts.user, 'with', opts.password);\n  out.shout({ token: opts.apiToken });\n  out.say('terminal width', out.width());\n  out.say('password length', opts.password.length);\n};\n",
      filename: 'apps/cli/lib/login.js',
      errors: [
        {
          messageId: 'loggedKey',
          line: 6,
          column: 47,
          endLine: 6,
          endColumn: 60,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "'use strict';\n\nconst out = require('./print');\n\nexports.login = async (opts) => {\n  out.say('signing in as', opts.user, 'with', '[redacted]');\n  out.shout({ token: opts.apiToken });\n  out.say('terminal width', out.width());\n  out.say('password length', opts.password.length);\n};\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 7,
          column: 22,
          endLine: 7,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "'use strict';\n\nconst out = require('./print');\n\nexports.login = async (opts) => {\n  out.say('signing in as', opts.user, 'with', opts.password);\n  out.shout({ token: '[redacted]' });\n  out.say('terminal width', out.width());\n  out.say('password length', opts.password.length);\n};\n",
            },
          ],
        },
      ],
    },
    {
      // a default-exported helper of a relative module, spreading its argument into the record
      code: "import audit from './audit';\n\nexport function rotate(userId: string, nextSecret: string) {\n  audit('secret.rotated', { userId, nextSecret });\n  audit('secret.rotated', { userId, secretLength: nextSecret.length });\n}\n",
      filename: 'apps/api/src/rotate.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 4,
          column: 37,
          endLine: 4,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import audit from './audit';\n\nexport function rotate(userId: string, nextSecret: string) {\n  audit('secret.rotated', { userId, nextSecret: '[redacted]' });\n  audit('secret.rotated', { userId, secretLength: nextSecret.length });\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a class that appends its argument to a file stream it keeps in a field (the digest of the line is no other use)
      code: "import { Trail } from '@acme/observe';\n\nexport function revoke(trail: Trail, userId: string, sessionSecret: string) {\n  trail.add({ action: 'session.revoked', userId, sessionSecret });\n  trail.add({ action: 'session.revoked', userId, secretLength: sessionSecret.length });\n}\n",
      filename: 'apps/api/src/revoke.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 4,
          column: 50,
          endLine: 4,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Trail } from '@acme/observe';\n\nexport function revoke(trail: Trail, userId: string, sessionSecret: string) {\n  trail.add({ action: 'session.revoked', userId, sessionSecret: '[redacted]' });\n  trail.add({ action: 'session.revoked', userId, secretLength: sessionSecret.length });\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
