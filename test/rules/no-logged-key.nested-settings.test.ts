/**
 * no-logged-key: a nested settings object named by a member chain (issue 11, session 27, flow11). `cfg.stripe`,
 * `{ ...cfg.vendors.mail }` of a constant built in one place in the file are judged by what the named object holds
 * (src/rule-kit/leaks.ts `nestedLiteral`), as the whole constant already was; and the same chain into a settings
 * object imported from another module (`importedHolder`, fixtures/rule-tester/log-helpers). Near misses: a nested
 * object that holds no secret or only an empty placeholder, a plain setting read from the same constant, a computed
 * member.
 */
import rule from '../../rules/no-logged-key.js';
import { logHelpersRuleTester, ruleTester } from '../helpers/rule-tester.js';

const NESTED = [
  "import pino from 'pino';",
  'const log = pino();',
  "const mailSettings = { host: 'smtp.example.test', password: process.env.SMTP_PASSWORD };",
  'const cfg = {',
  '  port: 8080,',
  "  stripe: { apiVersion: '2024-06-20', secretKey: process.env.STRIPE_SECRET_KEY },",
  '  vendors: { mail: mailSettings },',
  '};',
  'export function ready() {',
  "  log.info({ ...cfg.stripe, mode: 'live' }, 'payments ready');",
  "  log.debug(cfg.vendors.mail, 'mail settings');",
  "  console.log('vendors', { mail: cfg.vendors.mail });",
  '}',
].join('\n');

/** NESTED with the member on line `line` (1-based) replaced by the redaction placeholder (a spread: whole). */
const redacted = (line: number, member: string, by = "'[redacted]'"): string =>
  NESTED.split('\n')
    .map((l, i) => (i === line - 1 ? l.replace(member, by) : l))
    .join('\n');

ruleTester.run('no-logged-key (nested settings named by a member chain)', rule, {
  valid: [
    // valid: nested objects without secrets, a plain setting, a computed member
    {
      code: [
        "import winston from 'winston';",
        'const logger = winston.createLogger();',
        'const settings = {',
        "  http: { port: 8080, host: '0.0.0.0' },",
        "  features: { search: true, exports: ['csv'] },",
        "  tokens: { issuer: 'https://id.example.test', audience: 'api' },",
        '};',
        'export function boot(section: keyof typeof settings) {',
        "  logger.info({ ...settings.http }, 'listening');",
        "  logger.info(settings.features, 'features');",
        "  logger.info({ issuer: settings.tokens.issuer }, 'tokens');",
        "  logger.info(settings[section], 'section');",
        '}',
      ].join('\n'),
      filename: 'src/boot/settings-ok.ts',
    },
  ],
  invalid: [
    // a spread of a nested member, a nested member two levels down through a constant, and under a field
    {
      code: NESTED,
      filename: 'src/boot/settings.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 10,
          column: 17,
          endLine: 10,
          endColumn: 27,
          suggestions: [{ messageId: 'useRedacted', output: redacted(10, '...cfg.stripe', "stripe: '[redacted]'") }],
        },
        {
          messageId: 'loggedKey',
          line: 11,
          column: 13,
          endLine: 11,
          endColumn: 29,
          suggestions: [{ messageId: 'useRedacted', output: redacted(11, 'cfg.vendors.mail') }],
        },
        {
          messageId: 'loggedKey',
          line: 12,
          column: 34,
          endLine: 12,
          endColumn: 50,
          suggestions: [{ messageId: 'useRedacted', output: redacted(12, 'cfg.vendors.mail') }],
        },
      ],
    },
  ],
});

const IMPORTED_ES = [
  "import pino from 'pino';",
  "import { vendorSettings } from './vendor-settings';",
  'const log = pino();',
  'export function boot() {',
  "  log.info({ ...vendorSettings.mail, ready: true }, 'mail');",
  '}',
].join('\n');
const IMPORTED_CJS = ["const config = require('./config');", "console.log('registry', config.registry);"].join('\n');

logHelpersRuleTester.run('no-logged-key (nested settings imported from another module)', rule, {
  valid: [
    // valid: imported settings sections without a secret, or with an empty placeholder only
    {
      code: [
        "import pino from 'pino';",
        "import { vendorSettings } from './vendor-settings';",
        'const log = pino();',
        'export function boot() {',
        "  log.info({ ...vendorSettings.queue }, 'queue');",
        "  log.info(vendorSettings.search, 'search');",
        '}',
      ].join('\n'),
      filename: 'apps/api/src/boot-ok.ts',
    },
    {
      code: ["const config = require('./config');", "console.log('output', config.output);"].join('\n'),
      filename: 'apps/cli/lib/show-ok.js',
    },
  ],
  invalid: [
    // an ES module's section spread into a record, and a CommonJS module's section logged whole
    {
      code: IMPORTED_ES,
      filename: 'apps/api/src/boot.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 36,
          suggestions: [
            { messageId: 'useRedacted', output: IMPORTED_ES.replace('...vendorSettings.mail', "mail: '[redacted]'") },
          ],
        },
      ],
    },
    {
      code: IMPORTED_CJS,
      filename: 'apps/cli/lib/show.js',
      errors: [
        {
          messageId: 'loggedKey',
          line: 2,
          column: 25,
          endLine: 2,
          endColumn: 40,
          suggestions: [{ messageId: 'useRedacted', output: IMPORTED_CJS.replace('config.registry', "'[redacted]'") }],
        },
      ],
    },
  ],
});
