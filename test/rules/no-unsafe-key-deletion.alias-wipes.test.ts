/**
 * no-unsafe-key-deletion: an element wiped through a local alias just before it is deleted (issue 11, session 27,
 * branch rfp11b). `const p = m[k]; p.fill(0); delete m[k];` inside a `forEach`, `for…of` or `for…in` body clears the
 * bytes, then drops the reference: nothing is left to wipe. Before, a wipe inside a `forEach` callback counted for
 * the function holding the call, so the `delete` in the same callback found no wipe before it. Near misses that stay
 * reported: the alias of another element, the wipe after the delete, and a callback that deletes without any wipe.
 */
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

const holder = (body: string): string =>
  'export class Vault {\n  private sessionKeys: Record<string, Uint8Array> = {};\n' +
  '  unlock(id: string, k: Uint8Array): void {\n    this.sessionKeys[id] = k;\n  }\n' +
  '  wipeOne(id: string): void {\n    this.sessionKeys[id]?.fill(0);\n  }\n' +
  `  lock(): void {\n${body}  }\n}\n`;

ruleTester.run('no-unsafe-key-deletion (wiped through a local alias)', rule, {
  valid: [
    {
      code: holder(
        '    Object.keys(this.sessionKeys).forEach((name) => {\n      const s = this.sessionKeys[name];\n' +
          '      s.fill(0);\n      delete this.sessionKeys[name];\n    });\n',
      ),
      filename: 'src/vault-foreach.ts',
    },
    {
      code: holder(
        '    for (const name of Object.keys(this.sessionKeys)) {\n      const s = this.sessionKeys[name];\n' +
          '      s.fill(0);\n      delete this.sessionKeys[name];\n    }\n',
      ),
      filename: 'src/vault-for-of.ts',
    },
    {
      code: holder(
        '    for (const name in this.sessionKeys) {\n      const bytes = this.sessionKeys[name]!;\n' +
          '      bytes.fill(0);\n      delete this.sessionKeys[name];\n    }\n',
      ),
      filename: 'src/vault-for-in.ts',
    },
  ],
  invalid: [
    {
      // the wipe comes after the delete: the delete itself is reported
      code: holder(
        '    Object.keys(this.sessionKeys).forEach((name) => {\n      const s = this.sessionKeys[name];\n' +
          '      delete this.sessionKeys[name];\n      s.fill(0);\n    });\n',
      ),
      filename: 'src/vault-late.ts',
      errors: [{ messageId: 'keyDropped', line: 12, column: 7, endLine: 12, endColumn: 36 }],
    },
    {
      // another element's alias is wiped
      code: holder(
        '    Object.keys(this.sessionKeys).forEach((name) => {\n      const s = this.sessionKeys.primary;\n' +
          '      s.fill(0);\n      delete this.sessionKeys[name];\n    });\n',
      ),
      filename: 'src/vault-other.ts',
      errors: [{ messageId: 'keyDropped', line: 13, column: 7, endLine: 13, endColumn: 36 }],
    },
    {
      code: holder(
        '    Object.keys(this.sessionKeys).forEach((name) => {\n      delete this.sessionKeys[name];\n    });\n',
      ),
      filename: 'src/vault-none.ts',
      errors: [{ messageId: 'keyDropped', line: 11, column: 7, endLine: 11, endColumn: 36 }],
    },
  ],
});
