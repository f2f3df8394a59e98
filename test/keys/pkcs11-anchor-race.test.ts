/**
 * The token anchor is read without the keystore lock (src/keys/store.ts), so another process's anchor write may
 * destroy the object between our find and our read. Found as a CI failure (session 40: "rollback anchor read failed:
 * CKR_OBJECT_HANDLE_INVALID" in crash.test.ts's two-process race); here the interleaving is forced with a fake
 * module, so it runs every time instead of once in many.
 */
import { describe, expect, it } from 'vitest';
import { tokenAnchor } from '../../src/keys/pkcs11/anchor.js';
import type { LoadedModule } from '../../src/keys/pkcs11/module.js';
import type { SessionPool } from '../../src/keys/pkcs11/session-pool.js';

const MOD = { CKA_CLASS: 0, CKO_DATA: 0, CKA_LABEL: 3, CKA_VALUE: 0x11, CKA_TOKEN: 1, CKA_PRIVATE: 2 };

/** A token holding data objects by handle, whose reads can run a hook (another process) first. */
function fakeToken(values: string[]) {
  const objects = new Map<string, string>();
  let next = 1;
  const create = (text: string): Buffer => {
    const h = Buffer.from([next++]);
    objects.set(h.toString('hex'), text);
    return h;
  };
  for (const v of values) create(v);
  let beforeRead: ((h: Buffer) => void) | undefined;
  let failWith: string | undefined;
  const lib = {
    C_FindObjectsInit: () => undefined,
    C_FindObjectsFinal: () => undefined,
    C_FindObjects: () => [...objects.keys()].map((k) => Buffer.from(k, 'hex')),
    C_GetAttributeValue: (_s: Buffer, h: Buffer) => {
      beforeRead?.(h);
      if (failWith) throw new Error(`${failWith}:5`);
      const text = objects.get(h.toString('hex'));
      if (text === undefined) throw new Error('CKR_OBJECT_HANDLE_INVALID:130');
      return [{ type: MOD.CKA_VALUE, value: Buffer.from(text, 'utf8') }];
    },
  };
  const m = { lib, mod: MOD } as unknown as LoadedModule;
  const pool = { run: async <T>(_op: string, fn: (s: Buffer) => T) => fn(Buffer.from([0])) } as SessionPool;
  return {
    anchor: tokenAnchor(m, pool, 'test-token', 'store-1'),
    /** Another process's anchor write: the new object first, then the old ones destroyed. */
    writeElsewhere: (text: string) => {
      const old = [...objects.keys()];
      create(text);
      for (const k of old) objects.delete(k);
    },
    onRead: (hook: (h: Buffer) => void) => (beforeRead = hook),
    failReadsWith: (name: string) => (failWith = name),
  };
}

const anchorOf = (generation: number) => `{"format":"keyhygiene-anchor","generation":${generation}}\nmac\n`;

describe('token rollback anchor read racing another process', () => {
  it('reads the newer anchor when a writer replaced the object between find and read', async () => {
    const t = fakeToken([anchorOf(4)]);
    let raced = false;
    t.onRead(() => {
      if (raced) return;
      raced = true;
      t.writeElsewhere(anchorOf(5));
    });
    await expect(t.anchor.read()).resolves.toBe(anchorOf(5));
    expect(raced).toBe(true);
  });

  it('repeats the find when every object it found was replaced, and reads the newest', async () => {
    const t = fakeToken([anchorOf(6), anchorOf(7)]);
    let first = true;
    t.onRead((h) => {
      // the first handle read (generation 6) is destroyed by a writer that had already created generation 7
      if (first && h[0] === 1) t.writeElsewhere(anchorOf(8));
      first = false;
    });
    await expect(t.anchor.read()).resolves.toBe(anchorOf(8));
  });

  it('still reads an undisturbed anchor, and none as null', async () => {
    await expect(fakeToken([anchorOf(2)]).anchor.read()).resolves.toBe(anchorOf(2));
    await expect(fakeToken([]).anchor.read()).resolves.toBeNull();
  });

  it('does not swallow any other token error: one line, E_PKCS11, no value in it', async () => {
    const t = fakeToken([anchorOf(3)]);
    t.failReadsWith('CKR_DEVICE_ERROR');
    await expect(t.anchor.read()).rejects.toMatchObject({
      code: 'E_PKCS11',
      message: 'rollback anchor read failed: CKR_DEVICE_ERROR',
    });
  });
});
