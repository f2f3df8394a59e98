/**
 * no-unsafe-key-deletion and collections whose element type the file itself declares: a key cache typed
 * `Map<string, CachedKey>` where `interface CachedKey { plainText: string; updatedAt: number }` holds strings, and a
 * JS string cannot be wiped, so removing an entry gives the user nothing to do. The same for a type alias, a type
 * declared below the class, and a parameter typed as a list of strings (`ids: string[]`). Near misses: an element
 * type with a byte member, an element type that extends another type, a type imported from elsewhere, and an
 * untyped parameter stay reported.
 */
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

const cache = (decl: string, before: boolean): string => {
  const cls =
    `export class KeyCache {\n  private decryptedMasterKeys = new Map<string, CachedKey>();\n` +
    `  unload(id: string): void {\n    this.decryptedMasterKeys.delete(id);\n  }\n}\n`;
  return before ? `${decl}\n${cls}` : `${cls}${decl}\n`;
};
const annotated = (decl: string): string =>
  `${decl}\nexport class Vault {\n  private sessionKeys: Record<string, Entry> = {};\n` +
  `  forget(id: string): void {\n    delete this.sessionKeys[id];\n  }\n}\n`;

ruleTester.run('no-unsafe-key-deletion (declared element types)', rule, {
  valid: [
    {
      code: cache('interface CachedKey {\n  updatedTime: number;\n  plainText: string;\n}', true),
      filename: 'src/cache-interface.ts',
    },
    {
      code: cache('type CachedKey = { hex: string; salt: string };', true),
      filename: 'src/cache-alias.ts',
    },
    {
      // declared after the class that uses it
      code: cache('interface CachedKey {\n  plainText: string;\n}', false),
      filename: 'src/cache-later.ts',
    },
    {
      code: annotated('interface Entry {\n  serialized: string;\n  keyId: string;\n}'),
      filename: 'src/vault-record.ts',
    },
    {
      code:
        'export function pending(masterKeys: string[], enabled: (id: string) => boolean): string[] {\n' +
        '  const ids = masterKeys.slice();\n' +
        '  return ids;\n}\n' +
        'export function trim(privateKeys: string[]): void {\n  privateKeys.pop();\n}\n',
      filename: 'src/key-ids.ts',
    },
  ],
  invalid: [
    {
      code: cache('interface CachedKey {\n  updatedTime: number;\n  plainText: Uint8Array;\n}', true),
      filename: 'src/cache-bytes.ts',
      errors: [{ messageId: 'keyDropped', line: 8, column: 5, endLine: 8, endColumn: 40 }],
    },
    {
      code: cache(
        'interface Base {\n  raw: Uint8Array;\n}\ninterface CachedKey extends Base {\n  hex: string;\n}',
        true,
      ),
      filename: 'src/cache-extends.ts',
      errors: [{ messageId: 'keyDropped', line: 10, column: 5, endLine: 10, endColumn: 40 }],
    },
    {
      code: `import type { CachedKey } from './types';\n${cache('', true)}`,
      filename: 'src/cache-imported.ts',
      errors: [{ messageId: 'keyDropped', line: 6, column: 5, endLine: 6, endColumn: 40 }],
    },
    {
      code: annotated('interface Entry {\n  key: Buffer;\n  keyId: string;\n}'),
      filename: 'src/vault-bytes.ts',
      errors: [{ messageId: 'keyDropped', line: 8, column: 5, endLine: 8, endColumn: 32 }],
    },
    {
      code: 'export function trim(privateKeys): void {\n  privateKeys.pop();\n}\n',
      filename: 'src/untyped.js',
      errors: [{ messageId: 'keyDropped', line: 2, column: 3, endLine: 2, endColumn: 20 }],
    },
  ],
});
