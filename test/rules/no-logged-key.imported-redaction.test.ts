/**
 * no-logged-key with a logger made in another module of the project whose factory redacts fields (issue 11, session
 * 27, branch cfp11): pino's `redact` paths are read where the logger is made, also when the logging file imports it
 * (ESM or CommonJS). A request's headers logged through a logger that censors the standard credential headers
 * (Authorization and Cookie), a request body whose secret fields the logger censors, and a secret field of a logged
 * object are not reported. The same lines through a logger that censors less, or nothing, stay reported, as does a
 * secret field the redact list does not name. fixtures/rule-tester/log-helpers/apps holds the logger modules.
 */
import rule from '../../rules/no-logged-key.js';
import { logHelpersRuleTester as ruleTester } from '../helpers/rule-tester.js';

const headers = (logger: string): string =>
  `import type { Request } from 'express';\nimport { ${logger} } from './loggers';\n\n` +
  `export function requestLine(req: Request, status: number) {\n` +
  `  ${logger}.info({ req: { method: req.method, url: req.originalUrl, headers: req.headers }, status });\n}\n`;

const body = (logger: string, fields: string): string =>
  `import type { Request } from 'express';\nimport { ${logger} } from './loggers';\n\n` +
  `export function importWallet(req: Request) {\n  const { walletId, ${fields} } = req.body;\n` +
  `  try {\n    register(walletId, ${fields});\n  } catch (err) {\n` +
  `    ${logger}.error({ err, body: req.body }, 'import failed');\n  }\n}\n\n` +
  `declare function register(...args: string[]): void;\n`;

/** The suggestion's output: the last `text` of `code` (the logged one) replaced by '[redacted]'. */
const redacted = (code: string, text: string) => {
  const at = code.lastIndexOf(text);
  return [
    { messageId: 'useRedacted' as const, output: `${code.slice(0, at)}'[redacted]'${code.slice(at + text.length)}` },
  ];
};
const cjs = (field: string): string =>
  "const { logger } = require('./logger');\n\nfunction unlock(opts) {\n" +
  `  logger.warn({ vault: opts.vault, ${field}: opts.${field} }, 'unlocking');\n}\n\nmodule.exports = { unlock };\n`;

ruleTester.run('no-logged-key (redaction in an imported logger)', rule, {
  valid: [
    { code: headers('log'), filename: 'apps/api/src/request-line.ts' },
    { code: body('log', 'mnemonic, passphrase'), filename: 'apps/api/src/import-wallet.ts' },
    {
      // a secret field of a logged object, through a CommonJS logger module
      code: cjs('passphrase'),
      filename: 'apps/cli/lib/unlock.js',
    },
  ],
  invalid: [
    {
      // the Cookie header is not censored by this logger
      code: headers('edgeLog'),
      filename: 'apps/api/src/request-line.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 5,
          column: 76,
          endLine: 5,
          endColumn: 87,
          suggestions: redacted(headers('edgeLog'), 'req.headers'),
        },
      ],
    },
    {
      code: headers('rawLog'),
      filename: 'apps/api/src/request-line.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 5,
          column: 75,
          endLine: 5,
          endColumn: 86,
          suggestions: redacted(headers('rawLog'), 'req.headers'),
        },
      ],
    },
    {
      // `password` is not among the fields `log` censors
      code: body('log', 'mnemonic, password'),
      filename: 'apps/api/src/import-wallet.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 9,
          column: 28,
          endLine: 9,
          endColumn: 36,
          suggestions: redacted(body('log', 'mnemonic, password'), 'req.body'),
        },
      ],
    },
    {
      code: body('rawLog', 'mnemonic, passphrase'),
      filename: 'apps/api/src/import-wallet.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 9,
          column: 31,
          endLine: 9,
          endColumn: 39,
          suggestions: redacted(body('rawLog', 'mnemonic, passphrase'), 'req.body'),
        },
      ],
    },
    {
      // a field the CommonJS logger does not censor
      code: cjs('apiToken'),
      filename: 'apps/cli/lib/unlock.js',
      errors: [
        {
          messageId: 'loggedKey',
          line: 4,
          column: 46,
          endLine: 4,
          endColumn: 59,
          suggestions: redacted(cjs('apiToken'), 'opts.apiToken'),
        },
      ],
    },
  ],
});
