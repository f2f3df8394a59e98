/**
 * no-logged-key: a value that names or locates a key is not the key (issue 11, session 26, branch rfp10). A binding
 * whose every source is an environment variable or a setting named for a reference (`…_ALIAS`, `…_ID`, `…_PATH`,
 * `…_ARN`, catalogue `referenceTailName`) holds the reference, whatever the binding is called (`keypair`,
 * `signingKey`). Variants of my own; the secrets under the same binding names stay reported.
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

const signKeyCode =
  "import { execSync } from 'node:child_process';\n\nconst keypair = process.env.HSM_KEYPAIR;\n\n" +
  'export function sign(file: string) {\n  const cmd = `signer sign --key=${keypair} --in ${file}`;\n' +
  '  console.log(cmd);\n  execSync(cmd);\n}\n';
const dbCode =
  "import pino from 'pino';\n\nconst log = pino();\n" +
  "const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://localhost/app';\nlog.info(`connecting to ${DATABASE_URL}`);\n";
const bootCode =
  "import pino from 'pino';\n\nconst log = pino();\ndeclare const cfg: { signingKeyPem: string };\n\n" +
  'export function start() {\n  const signingKey = process.env.SIGNING_KEY_ID ?? process.env.SIGNING_KEY;\n' +
  "  const privateKey = cfg.signingKeyPem;\n  log.info({ signingKey, privateKey }, 'signing set up');\n}\n";

ruleTester.run('no-logged-key (references to keys)', rule, {
  valid: [
    {
      // an HSM key alias in a logged command line, under a key-pair binding
      code:
        "import { execSync } from 'node:child_process';\n\nconst keypair = process.env.HSM_KEYPAIR_ALIAS;\n\n" +
        'export function sign(file: string) {\n  const cmd = `signer sign --alias=${keypair} --in ${file}`;\n' +
        '  console.log(cmd);\n  execSync(cmd);\n}\n',
      filename: 'scripts/sign.ts',
    },
    {
      // a KMS key id and ARN, and a private key's path from the settings, logged under secret-looking names
      code:
        "import pino from 'pino';\n\nconst log = pino();\ndeclare const cfg: { signingKeyPath: string };\n\n" +
        "export function start() {\n  const signingKey = process.env.SIGNING_KEY_ID ?? 'alias/app-signing';\n" +
        '  const privateKey = cfg.signingKeyPath;\n  const masterKey = process.env.MASTER_KEY_ARN;\n' +
        "  log.info({ signingKey, privateKey }, 'signing set up');\n  console.info(`master key ${masterKey}`);\n}\n",
      filename: 'src/boot.ts',
    },
  ],
  invalid: [
    {
      // the same bindings read from variables that hold the keys themselves
      code: signKeyCode,
      filename: 'scripts/sign.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 7,
          column: 15,
          endLine: 7,
          endColumn: 18,
          suggestions: [{ messageId: 'useRedacted', output: signKeyCode.replace('log(cmd)', "log('[redacted]')") }],
        },
      ],
    },
    {
      // a key id with the key itself as its fallback is no reference; nor is a setting that holds the PEM
      code: bootCode,
      filename: 'src/boot.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 9,
          column: 14,
          endLine: 9,
          endColumn: 24,
          suggestions: [
            { messageId: 'useRedacted', output: bootCode.replace('{ signingKey,', "{ signingKey: '[redacted]',") },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 9,
          column: 26,
          endLine: 9,
          endColumn: 36,
          suggestions: [
            { messageId: 'useRedacted', output: bootCode.replace('privateKey }', "privateKey: '[redacted]' }") },
          ],
        },
      ],
    },
    {
      // a connection URL locates the database and carries its password: no reference
      code: dbCode,
      filename: 'src/db.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 5,
          column: 27,
          endLine: 5,
          endColumn: 39,
          suggestions: [{ messageId: 'useRedacted', output: dbCode.replace('${DATABASE_URL}', '[redacted]') }],
        },
      ],
    },
  ],
});
