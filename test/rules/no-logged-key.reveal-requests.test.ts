/**
 * no-logged-key: a secret an interactive command shows because the operator asked to see it (issue 11, session 32,
 * lk16). A credentials download command that asks "Display the sensitive information?" before printing a keystore's
 * passwords, a `get --reveal` command, a `--show-passwords` switch: the print is the answer to that request, not a
 * log line (src/rule-kit/reveal-requests.ts, catalogue `revealRequest`). The request is a flag named so in an
 * interactive module (a command framework or prompt library import), or a confirm prompt's answer; the value must
 * be in the branch the request opens. Near misses that stay reported: the same flag in a server module (a debug
 * switch), a `logSecrets` flag, and the branch where the request was not made.
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-logged-key (secrets shown on request)', rule, {
  valid: [
    {
      code: [
        "import { Command } from 'commander';",
        'declare function fetchSecret(name: string): Promise<{ name: string; value: string }>;',
        "export const get = new Command('get')",
        "  .argument('<name>')",
        "  .option('--reveal', 'print the value')",
        '  .action(async (name: string, opts: { reveal?: boolean }) => {',
        '    const secret = await fetchSecret(name);',
        '    if (opts.reveal) console.log(secret.value);',
        '    else console.log(`${secret.name}: ********`);',
        '  });',
      ].join('\n'),
      filename: 'src/commands/secret-get.ts',
    },
    {
      code: [
        "import Log from '../log';",
        "import { confirmAsync } from '../prompts';",
        'export async function showKeystore(keystore: { keystorePassword: string; keyPassword: string }, nonInteractive: boolean) {',
        '  let display = false;',
        "  if (!nonInteractive) display = await confirmAsync({ message: 'Display the keystore passwords?' });",
        '  if (display) {',
        '    Log.log(`Keystore password: ${keystore.keystorePassword}`);',
        '    Log.log(`Key password: ${keystore.keyPassword}`);',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/credentials/show-keystore.ts',
    },
    {
      code: [
        "import prompts from 'prompts';",
        'export async function printCredentials(creds: { username: string; password: string }, flags: { showPasswords?: boolean }) {',
        "  const { ok } = await prompts({ type: 'confirm', name: 'ok', message: 'Print the login?' });",
        '  if (!ok) return;',
        '  console.log(`user: ${creds.username}`);',
        "  console.log(`password: ${flags.showPasswords ? creds.password : '********'}`);",
        '}',
      ].join('\n'),
      filename: 'src/commands/print-login.ts',
    },
  ],
  invalid: [
    {
      // an environment variable is a standing switch (a CI job or a shell profile sets it once), not this run's request
      code: [
        '#!/usr/bin/env node',
        "import { readFileSync } from 'node:fs';",
        "const token = readFileSync('/etc/app/api-token', 'utf8').trim();",
        'if (process.env.REVEAL_TOKEN) console.log(`api token: ${token}`);',
        'process.env.SHOW_SECRETS && console.log(`token=${token}`);',
      ].join('\n'),
      filename: 'scripts/mint-token.mjs',
      errors: [
        {
          messageId: 'loggedKey',
          line: 4,
          column: 57,
          endLine: 4,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: [
                '#!/usr/bin/env node',
                "import { readFileSync } from 'node:fs';",
                "const token = readFileSync('/etc/app/api-token', 'utf8').trim();",
                'if (process.env.REVEAL_TOKEN) console.log(`api token: [redacted]`);',
                'process.env.SHOW_SECRETS && console.log(`token=${token}`);',
              ].join('\n'),
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 5,
          column: 50,
          endLine: 5,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: [
                '#!/usr/bin/env node',
                "import { readFileSync } from 'node:fs';",
                "const token = readFileSync('/etc/app/api-token', 'utf8').trim();",
                'if (process.env.REVEAL_TOKEN) console.log(`api token: ${token}`);',
                'process.env.SHOW_SECRETS && console.log(`token=[redacted]`);',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      code: [
        'declare const logger: { info(...a: unknown[]): void };',
        'export function startup(apiSecret: string, options: { showSecrets?: boolean }) {',
        "  if (options.showSecrets) logger.info('api secret', apiSecret);",
        '}',
      ].join('\n'),
      filename: 'src/server/startup.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 3,
          column: 54,
          endLine: 3,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: [
                'declare const logger: { info(...a: unknown[]): void };',
                'export function startup(apiSecret: string, options: { showSecrets?: boolean }) {',
                "  if (options.showSecrets) logger.info('api secret', '[redacted]');",
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      code: [
        "import { Command } from 'commander';",
        "export const cmd = new Command('whoami').option('--log-secrets').action((opts: { logSecrets?: boolean; reveal?: boolean }) => {",
        '  const token = process.env.API_TOKEN;',
        "  if (opts.logSecrets) console.log('token', token);",
        "  if (!opts.reveal) console.log('token', token);",
        '});',
      ].join('\n'),
      filename: 'src/commands/whoami.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 4,
          column: 45,
          endLine: 4,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: [
                "import { Command } from 'commander';",
                "export const cmd = new Command('whoami').option('--log-secrets').action((opts: { logSecrets?: boolean; reveal?: boolean }) => {",
                '  const token = process.env.API_TOKEN;',
                "  if (opts.logSecrets) console.log('token', '[redacted]');",
                "  if (!opts.reveal) console.log('token', token);",
                '});',
              ].join('\n'),
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 5,
          column: 42,
          endLine: 5,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: [
                "import { Command } from 'commander';",
                "export const cmd = new Command('whoami').option('--log-secrets').action((opts: { logSecrets?: boolean; reveal?: boolean }) => {",
                '  const token = process.env.API_TOKEN;',
                "  if (opts.logSecrets) console.log('token', token);",
                "  if (!opts.reveal) console.log('token', '[redacted]');",
                '});',
              ].join('\n'),
            },
          ],
        },
      ],
    },
  ],
});
