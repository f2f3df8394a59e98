/**
 * The keystore's rollback anchor kept on the token (see docs/keys.md, rollback): a private data object
 * that only a logged-in session can read or replace, so a copied-back keystore file cannot also roll the
 * anchor back.
 */
import type { AnchorStore } from '../backend.js';
import { GONE_ERRORS, p11Error, p11Name } from './errors.js';
import type { Handle, LoadedModule } from './module.js';
import type { SessionPool } from './session-pool.js';

/**
 * The rollback anchor as a token data object (CKO_DATA, CKA_PRIVATE so it needs the PIN to read or
 * change): label "keyhygiene:<storeId>:anchor", value = the anchor text.
 */
export function tokenAnchor(m: LoadedModule, pool: SessionPool, tokenLabel: string, storeId: string): AnchorStore {
  const label = `keyhygiene:${storeId}:anchor`;
  const { lib, mod } = m;
  const find = (s: Handle): Handle[] => {
    lib.C_FindObjectsInit(s, [
      { type: mod.CKA_CLASS, value: mod.CKO_DATA },
      { type: mod.CKA_LABEL, value: label },
    ]);
    try {
      return lib.C_FindObjects(s, 4);
    } finally {
      lib.C_FindObjectsFinal(s);
    }
  };
  const generationOf = (text: string): number => {
    try {
      return Number((JSON.parse(text.split('\n')[0] ?? '') as { generation?: unknown }).generation) || 0;
    } catch {
      return 0;
    }
  };
  /**
   * Every anchor object's text. The read runs without the keystore lock (see store.ts), so a writer in another
   * process may destroy an object between our find and our read (a write creates the new object first, then
   * destroys the old): a handle that is gone by then is skipped, and when every object found was gone the find
   * is repeated, which then sees the newer one.
   */
  const readAll = (s: Handle): Array<{ h: Handle; text: string }> => {
    for (let attempt = 1; ; attempt++) {
      const handles = find(s);
      const all: Array<{ h: Handle; text: string }> = [];
      for (const h of handles) {
        let v: unknown;
        try {
          v = lib.C_GetAttributeValue(s, h, [{ type: mod.CKA_VALUE }])[0]?.value;
        } catch (e) {
          if (GONE_ERRORS.has(p11Name(e))) continue;
          throw e;
        }
        all.push({ h, text: Buffer.isBuffer(v) ? v.toString('utf8') : '' });
      }
      if (all.length > 0 || handles.length === 0 || attempt >= 5) return all;
    }
  };
  return {
    description: `token "${tokenLabel}" data object ${label}`,
    record: { type: 'token' },
    // SoftHSM refuses C_SetAttributeValue on CKA_VALUE (CKR_ATTRIBUTE_READ_ONLY), so a write creates
    // a new object and then destroys the old ones. A crash in between leaves two: the newer wins.
    read: () =>
      pool.run('anchor read', (s) => {
        try {
          const all = readAll(s);
          if (all.length === 0) return null;
          all.sort((a, b) => generationOf(b.text) - generationOf(a.text));
          return all[0]!.text;
        } catch (e) {
          throw p11Error(e, 'rollback anchor read');
        }
      }),
    write: (text) =>
      pool.run('anchor write', (s) => {
        try {
          const old = find(s);
          lib.C_CreateObject(s, [
            { type: mod.CKA_CLASS, value: mod.CKO_DATA },
            { type: mod.CKA_TOKEN, value: true },
            { type: mod.CKA_PRIVATE, value: true },
            { type: mod.CKA_MODIFIABLE, value: false },
            { type: mod.CKA_LABEL, value: label },
            { type: mod.CKA_APPLICATION, value: 'keyhygiene' },
            { type: mod.CKA_VALUE, value: Buffer.from(text, 'utf8') },
          ]);
          for (const h of old) lib.C_DestroyObject(s, h);
        } catch (e) {
          throw p11Error(e, 'rollback anchor write');
        }
      }),
  };
}
