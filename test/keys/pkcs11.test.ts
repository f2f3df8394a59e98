/**
 * PKCS#11-specific behaviour against a SoftHSM token that this test starts itself. A missing
 * SoftHSM makes these tests FAIL (helpers/softhsm.ts throws), never skip. pkcs11-tool (opensc) is
 * used as an independent witness of what is on the token.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  KeyhygieneError,
  openKeyring,
  randomBytes,
  randomInt,
  randomToken,
  type Keyring,
} from '../../src/keys/index.js';
import { configureRandomSource } from '../../src/keys/testing.js';
import { dirFingerprint, tempDir } from './helpers/fixtures.js';
import { listTokenObjects, startSoftHsm, writePinFile, type SoftHsm } from './helpers/softhsm.js';

const dir = tempDir('p11');
let hsm: SoftHsm;

async function expectFails(p: Promise<unknown>, codes: string[]): Promise<KeyhygieneError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(KeyhygieneError);
  expect(codes).toContain((e as KeyhygieneError).code);
  expect((e as KeyhygieneError).message).not.toMatch(/\n/);
  expect((e as KeyhygieneError).message).not.toContain(hsm.pin);
  return e as KeyhygieneError;
}

/** The pkcs11-tool block for the object whose label contains `label`. */
function objectBlock(listing: string, label: string, kind = /^(Secret|Private) Key Object/): string | undefined {
  return listing.split(/\n(?=\S)/).find((b) => b.includes(label) && kind.test(b));
}

beforeAll(() => {
  hsm = startSoftHsm();
});
afterAll(() => {
  configureRandomSource(null);
  rmSync(dir, { recursive: true, force: true });
  hsm?.cleanup();
});

describe('test harness', () => {
  it('a missing softhsm2-util makes the SoftHSM helper throw (tests fail, they never skip)', () => {
    const path = process.env.PATH;
    const conf = process.env.SOFTHSM2_CONF;
    process.env.PATH = '/nonexistent';
    try {
      expect(() => startSoftHsm('kh-never')).toThrow(/softhsm2-util not found/);
    } finally {
      process.env.PATH = path;
      process.env.SOFTHSM2_CONF = conf;
    }
  });
});

describe('login and configuration errors (before any session is open)', () => {
  it('wrong PIN → E_AUTH, nothing created', async () => {
    const p = join(dir, 'wrong-pin');
    await expectFails(openKeyring({ path: p, backend: { ...hsm.backend(), pin: '000000' }, create: true }), ['E_AUTH']);
  });

  it('missing module, missing token and missing PIN source are clear errors with no software fallback', async () => {
    const p = join(dir, 'cfg');
    await expectFails(
      openKeyring({ path: p, backend: { ...hsm.backend(), module: '/usr/lib/nonexistent/libnope.so' }, create: true }),
      ['E_PKCS11'],
    );
    const e = await expectFails(
      openKeyring({ path: p, backend: { ...hsm.backend(), tokenLabel: 'no-such-token' }, create: true }),
      ['E_PKCS11'],
    );
    expect(e.message).toContain('no-such-token');
    await expectFails(
      openKeyring({
        path: p,
        backend: { type: 'pkcs11', module: hsm.module, tokenLabel: hsm.tokenLabel },
        create: true,
      }),
      ['E_CONFIG'],
    );
    await expectFails(
      openKeyring({
        path: p,
        backend: { type: 'pkcs11', module: hsm.module, tokenLabel: hsm.tokenLabel, pinEnv: 'KH_UNSET_PIN' },
        env: {},
        create: true,
      }),
      ['E_CONFIG'],
    );
  });

  it('PIN from a file (0600 only), from a variable you name, or from a prompt', async () => {
    const p = join(dir, 'pins');
    const pinFile = writePinFile(dir, hsm.pin);
    const a = await openKeyring({
      path: p,
      backend: { type: 'pkcs11', module: hsm.module, tokenLabel: hsm.tokenLabel, pinFile },
      create: true,
    });
    await a.close();
    const b = await openKeyring({
      path: p,
      backend: { type: 'pkcs11', module: hsm.module, tokenLabel: hsm.tokenLabel, pinEnv: 'MY_TOKEN_PIN' },
      env: { MY_TOKEN_PIN: hsm.pin },
    });
    await b.close();
    let asked = 0;
    const c = await openKeyring({
      path: p,
      backend: {
        type: 'pkcs11',
        module: hsm.module,
        tokenLabel: hsm.tokenLabel,
        pinPrompt: async () => (asked++, hsm.pin),
      },
    });
    expect(asked).toBe(1);
    await c.close();
    chmodSync(pinFile, 0o644);
    await expectFails(
      openKeyring({ path: p, backend: { type: 'pkcs11', module: hsm.module, tokenLabel: hsm.tokenLabel, pinFile } }),
      ['E_PERMISSIONS'],
    );
  });
});

describe('with an open token keyring', () => {
  let k: Keyring;
  const path = join(dir, 'main');
  beforeAll(async () => {
    k = await openKeyring({ path, backend: hsm.backend(), create: true });
    await k.generate('hmac', { purpose: 'mac' });
    await k.generate('signer', { purpose: 'sign' });
    await k.generate('api-secret', { purpose: 'secret' });
  });
  afterAll(async () => {
    await k?.close();
  });

  it('a second open with a wrong PIN in the same process is refused (login state is shared per process)', async () => {
    await expectFails(openKeyring({ path, backend: { ...hsm.backend(), pin: 'not-the-pin' } }), ['E_AUTH']);
  });

  it('keys were generated in the token: TOKEN, PRIVATE, SENSITIVE, never extractable, LOCAL (pkcs11-tool witness)', async () => {
    const listing = listTokenObjects(hsm);
    const info = await k.list();
    const storeLabel = (name: string, id: string): string => `:${name}:${id}`;
    for (const key of info) {
      for (const v of key.versions) {
        const block = objectBlock(listing, storeLabel(key.name, v.id));
        expect(block, `${key.name} ${v.id} not on the token`).toBeDefined();
        expect(block).toMatch(/Access:\s+sensitive, always sensitive, never extractable, local/);
        if (key.purpose === 'aead' || key.purpose === 'secret') {
          expect(block).toMatch(/AES length 32/);
          expect(block).toMatch(/Usage:\s+encrypt, decrypt\s*$/m);
        }
        if (key.purpose === 'mac') {
          expect(block).toMatch(/Generic secret length 32/);
          expect(block).not.toMatch(/encrypt|wrap/);
        }
        if (key.purpose === 'sign') expect(block).toMatch(/Private Key Object; EC/);
        expect(v.local && v.neverExtractable && v.alwaysSensitive).toBe(true);
      }
    }
    // CKA_PRIVATE=true: without login, pkcs11-tool sees none of our keys (only the public EC key).
    const anonymous = execFileSync(
      'pkcs11-tool',
      ['--module', hsm.module, '--token-label', hsm.tokenLabel, '--list-objects'],
      {
        env: { ...process.env, SOFTHSM2_CONF: hsm.conf },
        stdio: 'pipe',
      },
    ).toString();
    expect(anonymous).not.toMatch(/Secret Key Object/);
    expect(anonymous).not.toMatch(/Private Key Object/);
  });

  it('random numbers come from C_GenerateRandom when the token is configured as the source', async () => {
    expect(k.randomSource.description).toMatch(/C_GenerateRandom/);
    configureRandomSource(k.randomSource);
    try {
      expect(randomBytes(32).length).toBe(32);
      expect(randomToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const x = randomInt(0, 1000);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(new Set(Array.from({ length: 20 }, () => randomBytes(16).toString('hex'))).size).toBe(20);
    } finally {
      configureRandomSource(null);
    }
    // No silent fallback: once that token keyring is closed, the helpers fail instead of using node:crypto.
    const other = await openKeyring({ path, backend: hsm.backend() });
    configureRandomSource(other.randomSource);
    await other.close();
    try {
      expect(() => randomBytes(8)).toThrow(expect.objectContaining({ code: 'E_CLOSED' }) as never);
    } finally {
      configureRandomSource(null);
    }
    expect(randomBytes(8).length).toBe(8);
  });

  it('the session pool serves many concurrent operations (one operation per session)', async () => {
    const pool = await openKeyring({ path, backend: { ...hsm.backend(), sessions: 2 } });
    try {
      const inputs = Array.from({ length: 200 }, (_, i) => `message ${i}`);
      const cts = await Promise.all(inputs.map((m, i) => pool.encrypt(m, `c${i}`)));
      const pts = await Promise.all(cts.map((c, i) => pool.decrypt(c, `c${i}`)));
      expect(pts.map((p) => p.toString())).toEqual(inputs);
      const h = pool.key('hmac');
      const tags = await Promise.all(inputs.map((m) => h.mac(m)));
      expect((await Promise.all(tags.map((t, i) => h.verifyMac(inputs[i]!, t)))).every(Boolean)).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('a tampered wrapped DEK fails inside the token (GCM tag) and is reported as E_TAMPERED', async () => {
    const ct = await k.encrypt('token tamper');
    const bad = Buffer.from(ct);
    bad[30]! ^= 0x80; // inside the wrapped DEK, decrypted by the token
    await expectFails(k.decrypt(bad), ['E_TAMPERED']);
    expect((await k.decrypt(ct)).toString()).toBe('token tamper');
  });

  it('destroy removes the objects: a new session finds none, and pkcs11-tool no longer lists them', async () => {
    const s = k.key('signer');
    const v1 = s.info().primary!;
    await s.rotate();
    expect(objectBlock(listTokenObjects(hsm), `:signer:${v1}`)).toBeDefined();
    await s.scheduleDestroy(v1, 0);
    const rep = await s.destroy(v1);
    expect(rep.method).toBe('crypto-erase');
    expect(rep.verified).toBe(true);
    expect(rep.steps.find((x) => x.step === 'C_FindObjects (new session)')).toMatchObject({
      ok: true,
      detail: '0 objects found',
    });
    expect(rep.steps.find((x) => x.step === 'canary check')).toMatchObject({
      ok: true,
      detail: expect.stringMatching(/signature canary fails .*key not found/) as unknown,
    });
    expect(objectBlock(listTokenObjects(hsm), `:signer:${v1}`)).toBeUndefined();
    // a 'secret' version: its token wrapping key is destroyed, so the old wrapped copy no longer unwraps
    const sec = k.key('api-secret');
    const sv = sec.info().primary!;
    await sec.rotate();
    await sec.scheduleDestroy(sv, 0);
    const rep2 = await sec.destroy(sv);
    expect(rep2.verified).toBe(true);
    // The canary is the old wrapped copy, tried against the token with the old reference: only
    // "key not found" passes.
    expect(rep2.steps.find((x) => x.step === 'canary check')).toMatchObject({
      ok: true,
      detail: expect.stringMatching(/wrapped-secret canary fails .*key not found \(E_DESTROYED\)/) as unknown,
    });
    expect(rep2.steps.find((x) => x.step === 'store scan')?.ok).toBe(true);
  });

  it('a keystore whose root key object is gone from the token fails to open (E_PKCS11), unchanged', async () => {
    const p = join(dir, 'rootless');
    const r = await openKeyring({ path: p, backend: hsm.backend(), create: true });
    const storeId = JSON.parse((await import('node:fs')).readFileSync(join(p, 'keystore.json'), 'utf8').split('\n')[0]!)
      .storeId as string;
    await r.close();
    execFileSync(
      'pkcs11-tool',
      [
        '--module',
        hsm.module,
        '--token-label',
        hsm.tokenLabel,
        '--login',
        '--pin',
        hsm.pin,
        '--delete-object',
        '--type',
        'secrkey',
        '--label',
        `keyhygiene:${storeId}:root`,
      ],
      {
        env: { ...process.env, SOFTHSM2_CONF: hsm.conf },
        stdio: 'pipe',
      },
    );
    const before = dirFingerprint(p);
    await expectFails(openKeyring({ path: p, backend: hsm.backend() }), ['E_PKCS11']);
    expect(dirFingerprint(p)).toBe(before);
  });

  it('a keystore cannot be opened on another token (serial is recorded and checked)', async () => {
    hsm.addToken('kh-other');
    // Reopen of the module is needed for SoftHSM to see the new token: close every session first.
    await k.close();
    const other = { ...hsm.backend(), tokenLabel: 'kh-other' };
    await expectFails(openKeyring({ path, backend: other }), ['E_PKCS11']);
    k = await openKeyring({ path, backend: hsm.backend() });
  });

  it('a software store cannot be opened with the token backend, nor the reverse', async () => {
    await expectFails(openKeyring({ path, backend: { type: 'software', passphrase: 'test-only passphrase' } }), [
      'E_CONFIG',
    ]);
    writeFileSync(join(dir, 'unused'), '');
  });
});
