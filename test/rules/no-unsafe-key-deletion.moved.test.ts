/**
 * no-unsafe-key-deletion: a member moved, not dropped (issue 11, session 26, branch rfp10). A settings migration or a
 * reshaped record stores the member's value into another holder (`x.keys = [x.key]`, `x.signing = { key: x.key }`,
 * `list.push(x.key)`, `map.set(id, x.key)`) and then deletes or nulls the old member: the value lives on, nothing is
 * released. Near misses that stay reported: a drop with no move before it, a move of another member, a derived value
 * stored (a hash of the key, not the key), a move into a local binding, and a move far before the drop.
 */
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

const migrate = (body: string): string =>
  'interface Conn {\n  privateKey?: Uint8Array;\n  privateKeys?: Uint8Array[];\n  signing?: { secretKey?: Uint8Array };\n' +
  '  secretKey?: Uint8Array;\n}\ndeclare const pool: Uint8Array[];\ndeclare const byHost: Map<string, Uint8Array>;\n' +
  'declare function digest(b: Uint8Array): string;\n\nexport function migrate(c: Conn, host: string): void {\n' +
  body +
  '}\n';

ruleTester.run('no-unsafe-key-deletion (moved, not dropped)', rule, {
  valid: [
    {
      // renamed into a list, into a nested object, into another field then nulled
      code: migrate(
        '  if (c.privateKey) {\n    c.privateKeys = [c.privateKey];\n    delete c.privateKey;\n  }\n' +
          '  c.signing = { secretKey: c.secretKey };\n  c.secretKey = undefined;\n',
      ),
      filename: 'src/migrate-ok.ts',
    },
    {
      // handed to a collection that outlives the record (push, Map#set), one statement between
      code: migrate(
        '  pool.push(c.privateKey!);\n  console.info(host);\n  delete c.privateKey;\n' +
          '  byHost.set(host, c.secretKey!);\n  c.secretKey = null as never;\n',
      ),
      filename: 'src/handoff-ok.ts',
    },
  ],
  invalid: [
    {
      // no move; another member moved; a hash of the key stored instead of the key
      code: migrate(
        '  delete c.privateKey;\n  c.privateKeys = [c.secretKey!];\n  delete c.privateKey;\n' +
          '  c.signing = { secretKey: undefined };\n  pool.push(Buffer.from(digest(c.secretKey!)));\n  delete c.secretKey;\n',
      ),
      filename: 'src/drop.ts',
      errors: [
        { messageId: 'keyDropped', line: 12, column: 3, endLine: 12, endColumn: 22 },
        { messageId: 'keyDropped', line: 14, column: 3, endLine: 14, endColumn: 22 },
        { messageId: 'keyDropped', line: 17, column: 3, endLine: 17, endColumn: 21 },
      ],
    },
    {
      // copied into a local only; the move four statements before the drop
      code: migrate(
        '  const k = c.privateKey;\n  delete c.privateKey;\n  c.privateKeys = [c.secretKey!];\n' +
          "  console.info(host);\n  console.info('a');\n  console.info('b');\n  delete c.secretKey;\n" +
          '  void k;\n',
      ),
      filename: 'src/local.ts',
      errors: [
        { messageId: 'keyDropped', line: 13, column: 3, endLine: 13, endColumn: 22 },
        { messageId: 'keyDropped', line: 18, column: 3, endLine: 18, endColumn: 21 },
      ],
    },
  ],
});
