/**
 * no-logged-key: a command-line program's parsed options logged whole where the program declares a secret option
 * (issue 11, session 37): commander's `program.opts()` holds `--vercel-token <token>` or `--passphrase <pass>`
 * under its camel-case name (catalogue `cliOptions`, src/rule-kit/cli-options.ts). Near misses: no secret option
 * declared, a safe member of the options, options that name a key file or a key id.
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-logged-key (the options of a command-line program with a secret option, session 37)', rule, {
  valid: [
    {
      // options with no secret option; one safe member of options that hold a key
      code: "import { Command } from 'commander';\n\nconst program = new Command('build');\nprogram.option('-v, --verbose', 'verbose output').option('--out-dir <dir>', 'output directory', 'dist');\nprogram.parse();\nconsole.log('options', program.opts());\n\nconst push = new Command('push');\npush.option('--api-key <key>', 'API key').option('--region <region>', 'region', 'eu-west-1');\npush.parse();\nconsole.log('region', push.opts().region);\n",
      filename: 'src/cli/build.ts',
    },
    {
      // options that locate or identify a key, not hold one
      code: "import { program } from 'commander';\n\nprogram.option('--key-id <id>', 'KMS key id').option('--token-file <path>', 'file with the token');\nprogram.parse();\nconst opts = program.opts();\nconsole.info('signing with', opts);\n",
      filename: 'src/cli/sign.ts',
    },
  ],
  invalid: [
    {
      // a token option: the options object logged in a pre-action hook
      code: "import { Command } from 'commander';\nimport pino from 'pino';\n\nconst log = pino();\nconst program = new Command('deploy');\nprogram\n  .option('-e, --env <name>', 'target environment', 'staging')\n  .option('--vercel-token <token>', 'Vercel token', process.env.VERCEL_TOKEN);\n\nprogram.hook('preAction', (cmd) => {\n  const opts = cmd.opts();\n  log.debug('resolved options', opts);\n});\n",
      filename: 'src/cli/deploy.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 12,
          column: 33,
          endLine: 12,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Command } from 'commander';\nimport pino from 'pino';\n\nconst log = pino();\nconst program = new Command('deploy');\nprogram\n  .option('-e, --env <name>', 'target environment', 'staging')\n  .option('--vercel-token <token>', 'Vercel token', process.env.VERCEL_TOKEN);\n\nprogram.hook('preAction', (cmd) => {\n  const opts = cmd.opts();\n  log.debug('resolved options', '[redacted]');\n});\n",
            },
          ],
        },
      ],
    },
    {
      // a required passphrase option: the options printed as JSON
      code: "const { program } = require('commander');\n\nprogram.requiredOption('-p, --passphrase <pass>', 'backup passphrase');\nprogram.parse();\nconsole.log(`options: ${JSON.stringify(program.opts())}`);\n",
      filename: 'src/cli/backup.js',
      errors: [
        {
          messageId: 'loggedKey',
          line: 5,
          column: 25,
          endLine: 5,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "const { program } = require('commander');\n\nprogram.requiredOption('-p, --passphrase <pass>', 'backup passphrase');\nprogram.parse();\nconsole.log(`options: [redacted]`);\n",
            },
          ],
        },
      ],
    },
  ],
});
