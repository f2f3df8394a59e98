/**
 * no-logged-key: a field whose label is harmless over a value named for the secret it is (issue 11, session 27,
 * flow11). `{ passphraseHint: passphrase }`, `{ tokenPrefix: apiToken }`: the label says hint or prefix, the value is
 * the whole secret (src/rule-kit/leaks.ts `objectLeaks`). Near misses: a harmless label over a value about the secret
 * (its id, its length, its fingerprint), over a value named generically (`key`), a hint named as a hint, or a
 * locator label (`credentialsFile`) over a constant that holds a path.
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

const LABELLED = [
  "import pino from 'pino';",
  "import bunyan from 'bunyan';",
  'const logger = pino();',
  "const audit = bunyan.createLogger({ name: 'audit' });",
  'export function unlockFailed(masterPassphrase: string, reason: string) {',
  "  logger.error('unlock failed', { reason, passphraseHint: masterPassphrase });",
  '}',
  'export function issued(clientSecret: string, apiToken: string) {',
  "  audit.info({ secretPrefix: clientSecret }, 'client registered');",
  "  console.log('webhook', { maskedToken: apiToken });",
  '}',
].join('\n');

ruleTester.run('no-logged-key (harmless labels over a named secret)', rule, {
  valid: [
    // valid: labels over values about a secret, a generic name, a real hint
    {
      code: [
        "import winston from 'winston';",
        "import { fingerprint } from './fp';",
        'const log = winston.createLogger();',
        'export function report(key: string, signingSecret: string, passwordHint: string) {',
        '  log.info({ keyId: key });',
        '  log.info({ secretLength: signingSecret.length, secretFingerprint: fingerprint(signingSecret) });',
        "  log.warn('unlock failed', { hint: passwordHint });",
        '}',
      ].join('\n'),
      filename: 'src/audit/report-ok.ts',
    },
    // valid: a locator label over a constant named for credentials that holds their path
    {
      code: [
        "import path from 'node:path';",
        "import os from 'node:os';",
        "const CREDENTIALS = path.join(os.homedir(), '.tool', 'credentials.json');",
        'export function doctor() {',
        '  console.log(JSON.stringify({ credentialsFile: CREDENTIALS, node: process.version }, null, 2));',
        '}',
      ].join('\n'),
      filename: 'src/audit/doctor-ok.ts',
    },
  ],
  invalid: [
    // a hint label, a prefix label and a masked label over the whole secret, in three loggers
    {
      code: LABELLED,
      filename: 'src/audit/labels.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 6,
          column: 59,
          endLine: 6,
          endColumn: 75,
          suggestions: [
            { messageId: 'useRedacted', output: LABELLED.replace('Hint: masterPassphrase', "Hint: '[redacted]'") },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 9,
          column: 30,
          endLine: 9,
          endColumn: 42,
          suggestions: [
            { messageId: 'useRedacted', output: LABELLED.replace('Prefix: clientSecret', "Prefix: '[redacted]'") },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 10,
          column: 41,
          endLine: 10,
          endColumn: 49,
          suggestions: [
            { messageId: 'useRedacted', output: LABELLED.replace('Token: apiToken', "Token: '[redacted]'") },
          ],
        },
      ],
    },
  ],
});
