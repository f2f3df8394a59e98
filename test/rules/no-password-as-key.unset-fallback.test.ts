/**
 * no-password-as-key and a KDF over a machine secret with an empty fallback (issue 11, session 27, branch cfp11):
 * `process.env.FIELD_SECRET ?? ''` is a secret environment variable or "unset"; the empty string is no password a
 * person types, so the KDF's work factor is not judged (src/rule-kit/kdf-input.ts). Near misses that stay judged: a
 * password-named variable with the same fallback, a non-empty literal fallback, and a request field.
 */
import rule from '../../rules/no-password-as-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

const kdf = (input: string): string =>
  "import { scryptSync, randomBytes } from 'node:crypto';\n\nconst salt = randomBytes(16);\n\n" +
  `export const fieldKey = scryptSync(${input}, salt, 32);\n`;
const pbkdf2 = (imports: string, param: string, input: string): string =>
  `import { pbkdf2Sync } from 'node:crypto';\n${imports}\n\nexport function tokenKey(${param}salt: Buffer): Buffer {\n` +
  `  return pbkdf2Sync(${input}, salt, 1000, 32, 'sha256');\n}\n`;
const scryptDefault = { messageId: 'weakKdf' as const, line: 5, column: 25, endLine: 5, endColumn: 35 };

ruleTester.run('no-password-as-key (machine secret with an empty fallback)', rule, {
  valid: [
    { code: kdf("process.env.ORDERS_FIELD_SECRET ?? ''") },
    { code: kdf("process.env.APP_SECRET || ''") },
    { code: pbkdf2("import { config } from './config';", '', "config.session.signingSecret ?? ''") },
  ],
  invalid: [
    { code: kdf("process.env.ADMIN_PASSWORD ?? ''"), errors: [scryptDefault] },
    { code: kdf("process.env.APP_SECRET ?? 'orders-dev-phrase'"), errors: [scryptDefault] },
    {
      code: pbkdf2("import type { Request } from 'express';", 'req: Request, ', "req.body.secret ?? ''"),
      errors: [
        {
          messageId: 'weakKdf',
          line: 5,
          column: 50,
          endLine: 5,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'raiseParam',
              output: pbkdf2(
                "import type { Request } from 'express';",
                'req: Request, ',
                "req.body.secret ?? ''",
              ).replace(', 1000,', ', 600000,'),
            },
          ],
        },
      ],
    },
  ],
});
