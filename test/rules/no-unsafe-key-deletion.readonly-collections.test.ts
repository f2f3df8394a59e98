/**
 * no-unsafe-key-deletion (session 35, branch cat19): key-holders.ts and key-records.ts now read one catalogue list
 * of collection types (`collectionClasses`), so `ReadonlyArray<Buffer>` is a collection of key bytes to key-holders
 * as it already was to key-records, and as `readonly`-less `Buffer[]` and `Map<string, Buffer>` are. Dropping such a
 * collection under a key name (`this.dataKeys = []`) without a wipe is reported. Near misses: a `ReadonlyArray` of
 * strings (key ids, nothing to wipe), a `ReadonlyArray<Buffer>` whose name is not a key name, and a drop after a wipe.
 */
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-unsafe-key-deletion (ReadonlyArray collections)', rule, {
  valid: [
    {
      code: [
        'export class Ids {',
        '  private keyIds: ReadonlyArray<string> = [];',
        '  reset(): void {',
        '    this.keyIds = [];',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/ids.ts',
    },
    {
      code: [
        'export class Chunks {',
        '  private chunks: ReadonlyArray<Buffer> = [];',
        '  reset(): void {',
        '    this.chunks = [];',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/chunks.ts',
    },
    {
      code: [
        'export class Deks {',
        '  private dataKeys: ReadonlyArray<Buffer> = [];',
        '  reset(): void {',
        '    for (const k of this.dataKeys) k.fill(0);',
        '    this.dataKeys = [];',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/deks.ts',
    },
  ],
  invalid: [
    {
      code: [
        'export class Deks {',
        '  private dataKeys: ReadonlyArray<Buffer> = [];',
        '  reset(): void {',
        '    this.dataKeys = [];',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/deks.ts',
      errors: [{ messageId: 'keyDropped', line: 4, column: 5, endLine: 4, endColumn: 23 }],
    },
    {
      code: [
        'export class Deks {',
        '  private dataKeys: Buffer[] = [];',
        '  reset(): void {',
        '    this.dataKeys = [];',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/deks.ts',
      errors: [{ messageId: 'keyDropped', line: 4, column: 5, endLine: 4, endColumn: 23 }],
    },
    {
      code: [
        'let sessionKeys: ReadonlyArray<Uint8Array> = [];',
        'export function remember(k: Uint8Array): void {',
        '  sessionKeys = [...sessionKeys, k];',
        '}',
        'export function forgetAll(): void {',
        '  sessionKeys = [];',
        '}',
      ].join('\n'),
      filename: 'src/session-keys.ts',
      errors: [{ messageId: 'keyDropped', line: 6, column: 3, endLine: 6, endColumn: 19 }],
    },
  ],
});
