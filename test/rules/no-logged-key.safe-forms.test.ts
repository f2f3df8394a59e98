/**
 * no-logged-key, safe forms (issue 11, session 24, branch neg7): a key masked by `replace` before it is logged
 * (src/rule-kit/mask-replace.ts). Every case is written anew, after the ways support consoles and CLIs print a key
 * (all but the last four characters turned into `*` or `•`, or the whole value replaced by a redaction word). The
 * near misses are the same calls that leave the key, or most of it, in the text: they stay reported.
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-logged-key (masked by replace)', rule, {
  valid: [
    {
      // every character but the last four replaced (a lookahead keeps the tail)
      code: "export const show = (apiKey: string) => console.log('using api key', apiKey.replace(/.(?=.{4})/g, '*'));\n",
      filename: 'src/mask-tail.ts',
    },
    {
      // the head masked with a letters-and-digits class, the tail shown by slice(-4)
      code:
        'declare const logger: { info(m: string): void };\n' +
        'export function show(token: string) {\n' +
        "  logger.info(`token ${token.slice(0, -4).replace(/[a-zA-Z0-9]/g, '*')}${token.slice(-4)}`);\n" +
        '}\n',
      filename: 'src/mask-class.ts',
    },
    {
      // replaceAll with \w and a bullet
      code: "export const show = (secret: string) => console.warn('client secret', secret.replaceAll(/\\w/g, '•'));\n",
      filename: 'src/mask-bullets.ts',
    },
    {
      // the whole value replaced by a redaction word
      code: "export const show = (password: string) => console.log(`db password: ${password.replace(/^.+$/, '[redacted]')}`);\n",
      filename: 'src/mask-whole.ts',
    },
  ],
  invalid: [
    {
      // only the dashes are replaced: the key is still there
      code: "export const show = (apiKey: string) => console.log('api key', apiKey.replace(/-/g, '*'));\n",
      filename: 'src/mask-dashes.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 1,
          column: 64,
          endLine: 1,
          endColumn: 89,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: "export const show = (apiKey: string) => console.log('api key', '[redacted]');\n",
            },
          ],
        },
      ],
    },
    {
      // the replacement puts back a group that holds all but the last four characters
      code: "export const show = (secret: string) => console.log('secret', secret.replace(/^(.*)(.{4})$/, '$1****'));\n",
      filename: 'src/mask-group.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 1,
          column: 63,
          endLine: 1,
          endColumn: 103,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: "export const show = (secret: string) => console.log('secret', '[redacted]');\n",
            },
          ],
        },
      ],
    },
    {
      // digits only: the letters of the token stay
      code:
        'declare const logger: { info(m: string): void };\n' +
        "export const show = (token: string) => logger.info(`token ${token.replace(/\\d/g, '#')}`);\n",
      filename: 'src/mask-digits.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 2,
          column: 61,
          endLine: 2,
          endColumn: 86,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                'declare const logger: { info(m: string): void };\nexport const show = (token: string) => logger.info(`token [redacted]`);\n',
            },
          ],
        },
      ],
    },
    {
      // no g flag: one character replaced, the rest shown
      code: "export const show = (apiKey: string) => console.log('api key', apiKey.replace(/.(?=.{4})/, '*'));\n",
      filename: 'src/mask-once.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 1,
          column: 64,
          endLine: 1,
          endColumn: 96,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: "export const show = (apiKey: string) => console.log('api key', '[redacted]');\n",
            },
          ],
        },
      ],
    },
    {
      // whitespace stripped: a clean-up, not a mask
      code: "export const show = (apiKey: string) => console.log('api key', apiKey.replace(/\\s+/g, ''));\n",
      filename: 'src/mask-trim.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 1,
          column: 64,
          endLine: 1,
          endColumn: 90,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: "export const show = (apiKey: string) => console.log('api key', '[redacted]');\n",
            },
          ],
        },
      ],
    },
  ],
});
