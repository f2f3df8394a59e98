/**
 * Issue 14 (Low): the token's wrap mechanism. AES-GCM with a host-chosen IV (the default) or
 * CKM_AES_KEY_WRAP_PAD (RFC 5649) for HSMs that refuse host IVs, recorded per wrapped item, so that a
 * store mixing both keeps working across rotation; and the migration of format-2 stores (all AES-GCM)
 * to format 3, which records the mechanism.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyhygieneError, openKeyring, type Keyring } from '../../src/keys/index.js';
import { createBackend, type BackendOptions } from '../../src/keys/backends.js';
import { chooseWrapMechanism } from '../../src/keys/pkcs11/backend.js';
import { deriveStoreKey, stateMac } from '../../src/keys/store-format.js';
import { softwareBackend, tempDir } from './helpers/fixtures.js';
import { listTokenObjects, startSoftHsm, type SoftHsm } from './helpers/softhsm.js';

const dir = tempDir('wrap');
let hsm: SoftHsm;

beforeAll(() => {
  hsm = startSoftHsm();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  hsm?.cleanup();
});

type Wrap = 'aes-gcm' | 'aes-kwp' | 'auto';
const backend = (wrapMechanism?: Wrap) => ({ ...hsm.backend(), ...(wrapMechanism ? { wrapMechanism } : {}) });

async function failure(p: Promise<unknown>): Promise<KeyhygieneError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(KeyhygieneError);
  expect((e as Error).message).not.toMatch(/\n/);
  return e as KeyhygieneError;
}

interface StateFile {
  header: {
    version: number;
    storeId: string;
    backend: { rootWrap?: string; wrappedRoot: string; rootObjectId: string };
  };
  body: { keys: Record<string, { versions: Array<{ id: number; ref: { wrap?: string; length?: number } | null }> }> };
}

function readState(path: string): StateFile {
  const [h, b] = readFileSync(join(path, 'keystore.json'), 'utf8').split('\n');
  return { header: JSON.parse(h!) as StateFile['header'], body: JSON.parse(b!) as StateFile['body'] };
}

const refsOf = (s: StateFile, name: string) => s.body.keys[name]!.versions.map((v) => v.ref?.wrap);

describe('choosing the mechanism', () => {
  it("'aes-kwp' on a token without CKM_AES_KEY_WRAP_PAD is refused in one line; 'auto' falls back to AES-GCM", () => {
    let asked = 0;
    const lacks = (): boolean => {
      asked++;
      return false;
    };
    expect(() => chooseWrapMechanism('aes-kwp', lacks, 'hsm-1')).toThrow(
      /token "hsm-1" does not offer CKM_AES_KEY_WRAP_PAD for C_WrapKey\/C_UnwrapKey; wrapMechanism 'aes-kwp'/,
    );
    try {
      chooseWrapMechanism('aes-kwp', lacks, 'hsm-1');
    } catch (e) {
      expect((e as KeyhygieneError).code).toBe('E_PKCS11');
    }
    expect(chooseWrapMechanism('auto', lacks, 'hsm-1')).toBe('aes-gcm');
    expect(chooseWrapMechanism('auto', () => true, 'hsm-1')).toBe('aes-kwp');
    asked = 0;
    expect(chooseWrapMechanism('aes-gcm', lacks, 'hsm-1')).toBe('aes-gcm');
    expect(asked).toBe(0);
  });

  it('an unknown wrapMechanism is a RangeError', async () => {
    await expect(
      openKeyring({
        path: join(dir, 'bad'),
        backend: { ...hsm.backend(), wrapMechanism: 'aes-cbc' as 'auto' },
        create: true,
      }),
    ).rejects.toThrow(RangeError);
  });

  it("SoftHSM offers CKM_AES_KEY_WRAP_PAD: 'auto' makes a KWP store, the default an AES-GCM one", async () => {
    const a = await openKeyring({ path: join(dir, 'auto'), backend: backend('auto'), create: true });
    await a.close();
    expect(readState(join(dir, 'auto')).header.backend.rootWrap).toBe('aes-kwp');
    const d = await openKeyring({ path: join(dir, 'default'), backend: backend(), create: true });
    await d.close();
    const s = readState(join(dir, 'default'));
    expect(s.header.backend.rootWrap).toBe('aes-gcm');
    expect(s.header.version).toBe(3);
    expect(refsOf(s, 'default')).toEqual(['aes-gcm']);
  });
});

describe('a KWP keystore on SoftHSM', () => {
  const path = join(dir, 'kwp');
  let k: Keyring;
  beforeAll(async () => {
    k = await openKeyring({ path, backend: backend('aes-kwp'), create: true });
    await k.generate('odd-secret', { purpose: 'secret', bytes: 17 });
    await k.generate('secret32', { purpose: 'secret', bytes: 32 });
  });
  afterAll(async () => {
    await k?.close();
  });

  it('encrypts with the KWP envelope (algorithm 0x05, DEK wrapped by C_WrapKey) and decrypts', async () => {
    const ct = await k.encrypt('card 4111', 'order:1');
    expect(ct[5]).toBe(0x05);
    // header 6 | RFC 5649 wrap of the 32-byte DEK 40 | iv 12 | data 9 | tag 16
    expect(ct.length).toBe(6 + 40 + 12 + 9 + 16);
    expect((await k.decrypt(ct, 'order:1')).toString()).toBe('card 4111');
    expect(refsOf(readState(path), 'default')).toEqual(['aes-kwp']);
  });

  it('KWP version keys may only wrap and unwrap, never encrypt (pkcs11-tool witness)', () => {
    const listing = listTokenObjects(hsm);
    const id = k.info().primary!;
    const block = listing.split(/\n(?=\S)/).find((b) => b.includes(`:default:${id}`) && /^Secret Key Object/.test(b));
    expect(block, 'the KWP version key is not on the token').toBeDefined();
    expect(block).toMatch(/Usage:\s+wrap, unwrap\s*$/m);
    expect(block).toMatch(/Access:\s+sensitive, always sensitive, never extractable, local/);
  });

  it('a flipped byte anywhere in the KWP-wrapped DEK is E_TAMPERED', async () => {
    const ct = await k.encrypt('x', 'ctx');
    for (const i of [6, 20, 45]) {
      const bad = Buffer.from(ct);
      bad[i]! ^= 0x01;
      expect((await failure(k.decrypt(bad, 'ctx'))).code).toBe('E_TAMPERED');
    }
    expect((await k.decrypt(ct, 'ctx')).toString()).toBe('x');
  });

  it('a KWP ciphertext relabelled as a GCM envelope (0x05 → 0x01) is refused, never reinterpreted', async () => {
    const ct = await k.encrypt('x', 'ctx');
    const bad = Buffer.from(ct);
    bad[5] = 0x01;
    // Long enough for the GCM layout, so the refusal comes from the recorded mechanism, not the length.
    const padded = Buffer.concat([bad, Buffer.alloc(32)]);
    expect((await failure(k.decrypt(padded, 'ctx'))).code).toBe('E_TAMPERED');
  });

  it('secret material of any length round-trips through RFC 5649 (17 bytes: SoftHSM returns the padding)', async () => {
    const s17 = await k.key('odd-secret').secret();
    expect(s17.length).toBe(17);
    const s32 = await k.key('secret32').secret();
    expect(s32.length).toBe(32);
    const again = await openKeyring({ path, backend: backend('aes-kwp'), name: 'odd-secret' });
    try {
      expect((await again.secret()).equals(s17)).toBe(true);
    } finally {
      await again.close();
    }
    expect(readState(path).body.keys['odd-secret']!.versions[0]!.ref).toMatchObject({ wrap: 'aes-kwp', length: 17 });
  });

  it('a flipped byte of the KWP-wrapped root key is E_TAMPERED (the RFC 5649 integrity check, before any MAC)', async () => {
    const copy = join(dir, 'kwp-root');
    const other = await openKeyring({ path: copy, backend: backend('aes-kwp'), create: true });
    await other.close();
    const file = join(copy, 'keystore.json');
    const text = readFileSync(file, 'utf8');
    const { header } = readState(copy);
    const w = Buffer.from(header.backend.wrappedRoot, 'base64');
    w[10]! ^= 0x01;
    writeFileSync(file, text.replace(header.backend.wrappedRoot, w.toString('base64')));
    const e = await failure(openKeyring({ path: copy, backend: backend('aes-kwp') }));
    expect(e.code).toBe('E_TAMPERED');
  });

  it('destroying a KWP version is verified by its KWP canary (key not found in the token)', async () => {
    const old = k.info().primary!;
    await k.rotate();
    await k.disable(old);
    await k.scheduleDestroy(old, 0);
    const report = await k.destroy(old);
    expect(report.verified).toBe(true);
    expect(report.steps.find((s) => s.step === 'canary check')).toMatchObject({ ok: true });
  });
});

/**
 * Rewrites a format-3 store in the format-2 layout (no wrap mechanism recorded anywhere), MAC-ed as
 * format 2 was: the version in the MAC input is 2. The root key comes from the backend, as at open.
 */
async function downgradeToFormat2(path: string, options: BackendOptions): Promise<void> {
  const file = join(path, 'keystore.json');
  const [h, b] = readFileSync(file, 'utf8').split('\n');
  const header = JSON.parse(h!) as StateFile['header'] & { version: number };
  const body = JSON.parse(b!) as StateFile['body'];
  header.version = 2;
  delete header.backend.rootWrap;
  for (const key of Object.values(body.keys))
    for (const v of key.versions)
      if (v.ref) {
        if (v.ref.wrap !== undefined) expect(v.ref.wrap).toBe('aes-gcm');
        delete v.ref.wrap;
      }
  const be = await createBackend(options);
  let macKey;
  try {
    // Format 2 wrapped the root with AES-GCM; a header without `rootWrap` is read that way.
    const root = await be.openStore(header.storeId, header.backend as never);
    macKey = deriveStoreKey(root, header.storeId, 'keyhygiene/v1 state-mac');
    root.wipe();
  } finally {
    await be.close();
  }
  const hs = JSON.stringify(header);
  const bs = JSON.stringify(body);
  writeFileSync(file, `${hs}\n${bs}\n${stateMac(macKey, 2, hs, bs)}\n`);
  macKey.wipe();
}

describe('format 2 → 3 migration and a store mixing AES-GCM and AES-KWP', () => {
  const path = join(dir, 'mixed');
  let gcmCt: Buffer;
  let gcmSecret: Buffer;

  it('a format-2 store (all AES-GCM, no mechanism recorded) opens, is migrated once, and its data still reads', async () => {
    const k = await openKeyring({ path, backend: backend('aes-gcm'), create: true, name: 'data' });
    await k.generate('token', { purpose: 'secret', bytes: 24 });
    gcmCt = await k.encrypt('old data', 'c');
    gcmSecret = Buffer.from((await k.key('token').secret()).expose());
    await k.close();
    await downgradeToFormat2(path, backend('aes-gcm'));
    expect(readState(path).header.version).toBe(2);

    const m = await openKeyring({ path, backend: backend(), name: 'data' });
    try {
      const st = readState(path);
      expect(st.header.version).toBe(3);
      expect(st.header.backend.rootWrap).toBe('aes-gcm');
      expect(refsOf(st, 'data')).toEqual(['aes-gcm']);
      expect(refsOf(st, 'token')).toEqual(['aes-gcm']);
      expect((await m.decrypt(gcmCt, 'c')).toString()).toBe('old data');
      expect((await m.key('token').secret()).expose().equals(gcmSecret)).toBe(true);
      expect((await m.verifyAuditLog()).ok).toBe(true);
    } finally {
      await m.close();
    }
    const log = readFileSync(join(path, 'audit.log'), 'utf8');
    expect(log.match(/"event":"store\.migrate"/g)).toHaveLength(1);
    expect(log).toContain('keystore format 2 -> 3');
    // Opening again does not migrate again.
    const again = await openKeyring({ path, backend: backend(), name: 'data' });
    await again.close();
    expect(readFileSync(join(path, 'audit.log'), 'utf8').match(/"event":"store\.migrate"/g)).toHaveLength(1);
  });

  it('rotated under AES-KWP, the store holds both; each version keeps its mechanism across reopen, rewrap and destroy', async () => {
    const k = await openKeyring({ path, backend: backend('aes-kwp'), name: 'data' });
    let kwpCt: Buffer;
    let gcmVersion: string;
    try {
      gcmVersion = k.info().primary!;
      await k.rotate();
      const tok = k.key('token');
      await tok.rotate();
      kwpCt = await k.encrypt('new data', 'c');
      expect(kwpCt[5]).toBe(0x05);
      expect(gcmCt[5]).toBe(0x01);
      expect((await k.decrypt(gcmCt, 'c')).toString()).toBe('old data');
      expect((await tok.secret(gcmVersionOf(readState(path), 'token'))).expose().equals(gcmSecret)).toBe(true);
      expect((await tok.secret()).length).toBe(24);
      const moved = await k.rewrap(gcmCt, 'c');
      expect(moved[5]).toBe(0x05);
      expect((await k.decrypt(moved, 'c')).toString()).toBe('old data');
      const st = readState(path);
      expect(refsOf(st, 'data')).toEqual(['aes-gcm', 'aes-kwp']);
      expect(refsOf(st, 'token')).toEqual(['aes-gcm', 'aes-kwp']);
      expect(st.header.backend.rootWrap).toBe('aes-gcm');
    } finally {
      await k.close();
    }
    // Back on the default mechanism: both kinds still read, and new versions are AES-GCM again.
    const g = await openKeyring({ path, backend: backend('aes-gcm'), name: 'data' });
    try {
      expect((await g.decrypt(kwpCt, 'c')).toString()).toBe('new data');
      expect((await g.decrypt(gcmCt, 'c')).toString()).toBe('old data');
      await g.rotate();
      const third = await g.encrypt('third', 'c');
      expect(third[5]).toBe(0x01);
      expect(refsOf(readState(path), 'data')).toEqual(['aes-gcm', 'aes-kwp', 'aes-gcm']);
      // The old AES-GCM version is destroyed (verified by its GCM canary); the KWP one still decrypts.
      await g.disable(gcmVersion);
      await g.scheduleDestroy(gcmVersion, 0);
      const report = await g.destroy(gcmVersion);
      expect(report.verified).toBe(true);
      expect((await failure(g.decrypt(gcmCt, 'c'))).code).toBe('E_DESTROYED');
      expect((await g.decrypt(kwpCt, 'c')).toString()).toBe('new data');
    } finally {
      await g.close();
    }
  });
});

describe('format 2 → 3 migration of a software store', () => {
  it('opens, is migrated (version only: software wraps have no mechanism to record), and its data still reads', async () => {
    const path = join(dir, 'sw-format-2');
    const k = await openKeyring({ path, backend: softwareBackend(), create: true });
    const ct = await k.encrypt('software data', 'c');
    await k.close();
    await downgradeToFormat2(path, softwareBackend());
    expect(readState(path).header.version).toBe(2);
    const m = await openKeyring({ path, backend: softwareBackend() });
    try {
      expect(readState(path).header.version).toBe(3);
      expect((await m.decrypt(ct, 'c')).toString()).toBe('software data');
      expect((await m.verifyAuditLog()).ok).toBe(true);
    } finally {
      await m.close();
    }
    expect(readFileSync(join(path, 'audit.log'), 'utf8')).toContain('keystore format 2 -> 3');
  });

  it('a format-2 file whose MAC is not the format-2 MAC is E_TAMPERED, not migrated', async () => {
    const path = join(dir, 'sw-format-2-forged');
    const k = await openKeyring({ path, backend: softwareBackend(), create: true });
    await k.close();
    const file = join(path, 'keystore.json');
    // Only the version changed: the MAC is still the format-3 one, so this is no authentic format-2 file.
    const forged = readFileSync(file, 'utf8').replace('"version":3', '"version":2');
    writeFileSync(file, forged);
    const e = await failure(openKeyring({ path, backend: softwareBackend() }));
    expect(e.code).toBe('E_TAMPERED');
    expect(readFileSync(file, 'utf8')).toBe(forged);
  });
});

function gcmVersionOf(s: StateFile, name: string): string {
  return s.body.keys[name]!.versions[0]!.id.toString(16).padStart(8, '0');
}

describe('format versions this build does not read', () => {
  it('a newer format is refused in one line that says to upgrade (E_VERSION), and the store is untouched', async () => {
    const path = join(dir, 'future');
    const k = await openKeyring({ path, backend: backend(), create: true });
    await k.close();
    const file = join(path, 'keystore.json');
    const text = readFileSync(file, 'utf8').replace('"version":3', '"version":4');
    writeFileSync(file, text);
    const e = await failure(openKeyring({ path, backend: backend() }));
    expect(e.code).toBe('E_VERSION');
    expect(e.message).toMatch(/format version 4 was written by a newer keyhygiene .*upgrade keyhygiene/);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
