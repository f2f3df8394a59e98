/**
 * Class field declarations read by no-unsafe-key-deletion: a field declared in the class body or as a constructor
 * parameter property, judged by its value, name, type and declared record.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { holderTitle, type KeyDrops } from './key-drops.js';
import { declaredKeyHolder, declaredNotBytes } from './key-holders.js';
import { declaredKeyRecord, declaredKeyRecordCollection, type keyRecordsOf } from './key-records.js';
import type { KeySources } from './key-sources.js';

/**
 * A class field's declaration (`private dek: Buffer`, `constructor(private key: Buffer)`): a key holder when its value,
 * name and type or declared record say so; a non-byte holder when its type holds no bytes.
 */
export function declareField(
  name: string,
  annotation: TSESTree.TypeNode | undefined,
  value: TSESTree.Expression | null | undefined,
  file: {
    readonly sources: KeySources;
    readonly keyHolders: Map<string, string>;
    readonly notBytes: Set<string>;
    readonly drops: KeyDrops;
    readonly records: ReturnType<typeof keyRecordsOf>;
  },
): void {
  const held =
    declaredKeyHolder(name, annotation, value) ??
    (declaredKeyRecordCollection(annotation, value, file.records) ? 'collection' : undefined);
  const source =
    (value ? file.sources.keySource(value, name) : undefined) ??
    (held ? holderTitle(name, held, 'field') : undefined) ??
    declaredKeyRecord(name, annotation, file.records);
  if (source) file.keyHolders.set(`text:this.${name}`, source);
  if (declaredNotBytes(annotation)) file.notBytes.add(`text:this.${name}`);
  file.drops.declare(`text:this.${name}`, annotation, value);
}
