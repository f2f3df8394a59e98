import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

// session 27 (lead; flow11 found it): the redaction suggestion on a spread value replaced the value only, so
// `{ ...creds }` became `{ ...'[redacted]' }`, which spreads the string's characters. A spread is replaced whole.
const head =
  'export function f(secrets: { apiKey: string }, password: string) {\n  const creds = { apiKey: secrets.apiKey };\n';
const objectSpread = `${head}  console.log({ ...creds, level: 1 });\n}\n`;
const arraySpread = `${head}  console.log([...password]);\n}\n`;

ruleTester.run('no-logged-key (redacting a spread value)', rule, {
  valid: [],
  invalid: [
    {
      code: objectSpread,
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 3,
          column: 20,
          endLine: 3,
          endColumn: 25,
          suggestions: [{ messageId: 'useRedacted', output: objectSpread.replace('...creds', "creds: '[redacted]'") }],
        },
      ],
    },
    {
      code: arraySpread,
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 27,
          suggestions: [{ messageId: 'useRedacted', output: arraySpread.replace('...password', "'[redacted]'") }],
        },
      ],
    },
  ],
});
