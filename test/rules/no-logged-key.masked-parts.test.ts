/**
 * no-logged-key: a secret masked inside the command line or URL that holds it (issue 11, session 37). The text is
 * logged with a mask where the secret was: `cmd.replace(password, '***')`, `url.replace(/(token=)[^&]+/, '$1***')`,
 * `cmd.split(token).join('[redacted]')`, `dsn.replace(/:[^:@]+@/, ':****@')` (src/rule-kit/mask-replace.ts,
 * `isEmbeddedMask`). Still reported: a replace that writes no mask, a regex that matches no run of characters, and a
 * replacement that puts the match back.
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-logged-key (secrets masked inside the text that holds them, session 37)', rule, {
  valid: [
    {
      // the password replaced by a mask in the command that holds it, by value and by regex
      code: "import { execSync } from 'node:child_process';\n\nexport function dump(host: string, pw: string) {\n  const cmd = `pg_dump --host=${host} --password=${pw} app`;\n  console.log('running', cmd.replace(pw, '****'));\n  console.log('running', cmd.replace(/(--password=)\\S+/, '$1***'));\n  console.log('running', cmd.replaceAll(pw, '[redacted]'));\n  execSync(cmd);\n}\n",
      filename: 'src/ops/dump.ts',
    },
    {
      // a token split out of a URL and joined with a mask; a connection string with its password masked
      code: "import pino from 'pino';\n\nconst log = pino();\n\nexport async function call(apiToken: string, user: string, password: string) {\n  const url = `https://api.example.com/v1/items?token=${apiToken}&page=1`;\n  log.info(`GET ${url.split(apiToken).join('***')}`);\n  log.info({ url: url.replace(/token=[^&]+/, 'token=REDACTED') }, 'request');\n  const dsn = 'postgres://' + user + ':' + password + '@db.internal:5432/app';\n  log.info('connecting to ' + dsn.replace(/:[^:@/]+@/, ':****@'));\n  return fetch(url);\n}\n",
      filename: 'src/http/masked-url.ts',
    },
  ],
  invalid: [
    {
      // replacements that write no mask, a regex with no run of characters, and the match put back
      code: "export function show(user: string, password: string, apiToken: string) {\n  const dsn = 'postgres://' + user + ':' + password + '@db.internal:5432/app';\n  console.log(dsn.replace('postgres://', 'pg://'));\n  const url = `https://api.example.com/v1/items?token=${apiToken}`;\n  console.log(url.replace(/\\?/, '?***&'));\n  console.log(url.replace(/token=[^&]+/, '$&***'));\n}\n",
      filename: 'src/ops/unmasked.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 3,
          column: 15,
          endLine: 3,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "export function show(user: string, password: string, apiToken: string) {\n  const dsn = 'postgres://' + user + ':' + password + '@db.internal:5432/app';\n  console.log('[redacted]');\n  const url = `https://api.example.com/v1/items?token=${apiToken}`;\n  console.log(url.replace(/\\?/, '?***&'));\n  console.log(url.replace(/token=[^&]+/, '$&***'));\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 5,
          column: 15,
          endLine: 5,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "export function show(user: string, password: string, apiToken: string) {\n  const dsn = 'postgres://' + user + ':' + password + '@db.internal:5432/app';\n  console.log(dsn.replace('postgres://', 'pg://'));\n  const url = `https://api.example.com/v1/items?token=${apiToken}`;\n  console.log('[redacted]');\n  console.log(url.replace(/token=[^&]+/, '$&***'));\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 6,
          column: 15,
          endLine: 6,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "export function show(user: string, password: string, apiToken: string) {\n  const dsn = 'postgres://' + user + ':' + password + '@db.internal:5432/app';\n  console.log(dsn.replace('postgres://', 'pg://'));\n  const url = `https://api.example.com/v1/items?token=${apiToken}`;\n  console.log(url.replace(/\\?/, '?***&'));\n  console.log('[redacted]');\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
