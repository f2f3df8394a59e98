/**
 * Keystore faults with the software backend: wrong passphrase, tampering, truncation, unknown
 * versions, permissions, rollback, audit-log tampering, locks, no silent fallback, loadSecret
 * configuration, destroyKeyFile. Every failure must be a one-line KeyhygieneError and leave the
 * store unchanged.
 */
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clearSecretCache,
  destroyKeyFile,
  KeyhygieneError,
  loadSecret,
  openKeyring,
  verifyAuditLog,
} from '../../src/keys/index.js';
import { dirFingerprint, softwareBackend, tempDir, TEST_PASSPHRASE } from './helpers/fixtures.js';

const dir = tempDir('store');
const golden = join(dir, 'golden');
let n = 0;

/** A fresh copy of a small keystore (a key "default" with two versions, and a secret "jwt-secret"). */
function copyStore(): string {
  const p = join(dir, `copy-${++n}`);
  cpSync(golden, p, { recursive: true });
  return p;
}

async function expectFails(p: Promise<unknown>, codes: string[]): Promise<KeyhygieneError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(KeyhygieneError);
  const ke = e as KeyhygieneError;
  expect(codes).toContain(ke.code);
  expect(ke.message).not.toMatch(/\n/);
  expect(ke.message).not.toContain(TEST_PASSPHRASE);
  return ke;
}

beforeAll(async () => {
  const k = await openKeyring({ path: golden, backend: softwareBackend(), create: true });
  await k.encrypt('x');
  await k.rotate();
  await k.generate('jwt-secret', { purpose: 'secret' });
  await k.close();
});
afterAll(async () => {
  await clearSecretCache();
  rmSync(dir, { recursive: true, force: true });
});

describe('at rest', () => {
  it('directory 0700, files 0600; only wrapped material and metadata', () => {
    expect(statSync(golden).mode & 0o777).toBe(0o700);
    for (const f of ['keystore.json', 'audit.log']) expect(statSync(join(golden, f)).mode & 0o777).toBe(0o600);
    expect(existsSync(join(golden, 'keystore.lock'))).toBe(false);
    const state = readFileSync(join(golden, 'keystore.json'), 'utf8');
    expect(state.split('\n')).toHaveLength(4);
    expect(state).toContain('"hardware":false');
    expect(state).not.toContain(TEST_PASSPHRASE);
  });
});

describe('bad input and faults leave the store unchanged', () => {
  it('wrong passphrase → E_AUTH', async () => {
    const p = copyStore();
    const before = dirFingerprint(p);
    await expectFails(openKeyring({ path: p, backend: { type: 'software', passphrase: 'wrong passphrase!' } }), [
      'E_AUTH',
    ]);
    expect(dirFingerprint(p)).toBe(before);
  });

  it('a flipped byte anywhere in the state file is detected', async () => {
    const p = copyStore();
    const file = join(p, 'keystore.json');
    const orig = readFileSync(file);
    const nl = orig.indexOf(0x0a);
    // positions in the header, the body (generation, a version record, the wrapped material) and the MAC
    const body = orig.toString().indexOf('"wrapped"');
    for (const pos of [20, nl - 5, nl + 10, body + 15, orig.length - 10]) {
      const bad = Buffer.from(orig);
      bad[pos] = bad[pos] === 0x41 ? 0x42 : 0x41;
      writeFileSync(file, bad);
      const before = dirFingerprint(p);
      await expectFails(openKeyring({ path: p, backend: softwareBackend() }), ['E_TAMPERED', 'E_CORRUPT', 'E_AUTH']);
      expect(dirFingerprint(p)).toBe(before);
    }
  });

  it('a truncated state file → E_CORRUPT or E_TAMPERED', async () => {
    const p = copyStore();
    const file = join(p, 'keystore.json');
    const orig = readFileSync(file);
    for (const len of [0, 10, Math.floor(orig.length / 2), orig.length - 1]) {
      writeFileSync(file, orig.subarray(0, len));
      await expectFails(openKeyring({ path: p, backend: softwareBackend() }), ['E_CORRUPT', 'E_TAMPERED']);
    }
  });

  it('an unknown store format version → E_VERSION', async () => {
    const p = copyStore();
    const file = join(p, 'keystore.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"version":3', '"version":4'));
    await expectFails(openKeyring({ path: p, backend: softwareBackend() }), ['E_VERSION']);
  });

  it('a KDF downgrade in the header is refused', async () => {
    const p = copyStore();
    const file = join(p, 'keystore.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"N":131072', '"N":1024'));
    await expectFails(openKeyring({ path: p, backend: softwareBackend() }), ['E_TAMPERED']);
  });

  it('a store readable by group or others is refused', async () => {
    const p = copyStore();
    chmodSync(p, 0o755);
    await expectFails(openKeyring({ path: p, backend: softwareBackend() }), ['E_PERMISSIONS']);
    chmodSync(p, 0o700);
    chmodSync(join(p, 'keystore.json'), 0o644);
    await expectFails(openKeyring({ path: p, backend: softwareBackend() }), ['E_PERMISSIONS']);
  });

  it('a rolled-back state file (older valid copy) is caught against the audit log', async () => {
    const p = copyStore();
    const old = readFileSync(join(p, 'keystore.json'));
    const k = await openKeyring({ path: p, backend: softwareBackend() });
    await k.rotate();
    await k.close();
    writeFileSync(join(p, 'keystore.json'), old);
    await expectFails(openKeyring({ path: p, backend: softwareBackend() }), ['E_TAMPERED']);
  });

  it('a destroyed or disabled version, and a tampered ciphertext, leave the files unchanged', async () => {
    const p = copyStore();
    const k = await openKeyring({ path: p, backend: softwareBackend() });
    const v1 = k.info().versions[0]!.id;
    const ct = await k.encrypt('data');
    const old = await k.rotate();
    void old;
    await k.disable(v1);
    const before = dirFingerprint(p);
    const bad = Buffer.from(ct);
    bad[bad.length - 3]! ^= 4;
    await expectFails(k.decrypt(bad), ['E_TAMPERED']);
    await expectFails(k.disable(k.info().primary!), ['E_STATE']);
    await k.scheduleDestroy(v1, 0);
    const mid = dirFingerprint(p);
    expect(mid).not.toBe(before);
    await expectFails(k.enable(v1), ['E_STATE']);
    expect(dirFingerprint(p)).toBe(mid);
    await k.close();
  });

  it('no silent fallback: a missing module, an unknown backend or no backend fail, and create nothing', async () => {
    const p = join(dir, 'never-created');
    await expectFails(
      openKeyring({
        path: p,
        backend: { type: 'pkcs11', module: '/nonexistent/libpkcs11.so', tokenLabel: 'x', pin: '1234' },
        create: true,
      }),
      ['E_PKCS11'],
    );
    await expectFails(openKeyring({ path: p, backend: { type: 'hsm' } as never, create: true }), ['E_CONFIG']);
    await expectFails(openKeyring({ path: p, backend: { type: 'software' }, create: true }), ['E_CONFIG']);
    await expectFails(openKeyring({ path: p, backend: softwareBackend() }), ['E_NOT_FOUND']);
    expect(existsSync(p)).toBe(false);
  });

  it('opening a software store with the pkcs11 backend is refused (the header names its backend)', async () => {
    const p = copyStore();
    await expectFails(
      openKeyring({ path: p, backend: { type: 'pkcs11', module: '/nonexistent.so', tokenLabel: 'x', pin: '1' } }),
      ['E_PKCS11'],
    );
  });
});

describe('audit log', () => {
  function lines(p: string): string[] {
    return readFileSync(join(p, 'audit.log'), 'utf8').split('\n').filter(Boolean);
  }
  function write(p: string, ls: string[]): void {
    writeFileSync(join(p, 'audit.log'), `${ls.join('\n')}\n`);
  }

  it('detects an altered record', async () => {
    const p = copyStore();
    const ls = lines(p);
    ls[1] = ls[1]!.replace('"event":"key.create"', '"event":"key.crEate"');
    write(p, ls);
    const r = await verifyAuditLog(p);
    expect(r.ok).toBe(false);
    expect(r.error).toEqual({ line: 2, reason: expect.stringContaining('altered') });
  });

  it('detects a removed record', async () => {
    const p = copyStore();
    const ls = lines(p);
    ls.splice(2, 1);
    write(p, ls);
    const r = await verifyAuditLog(p);
    expect(r.ok).toBe(false);
    expect(r.error?.line).toBe(3);
    expect(r.error?.reason).toMatch(/removed/);
  });

  it('detects reordered records', async () => {
    const p = copyStore();
    const ls = lines(p);
    [ls[2], ls[3]] = [ls[3]!, ls[2]!];
    write(p, ls);
    const r = await verifyAuditLog(p);
    expect(r.ok).toBe(false);
    expect(r.error?.reason).toMatch(/reordered/);
  });

  it('a cut-off tail is caught against the authenticated state; a lost last append is repaired', async () => {
    const p = copyStore();
    const ls = lines(p);
    const state = JSON.parse(readFileSync(join(p, 'keystore.json'), 'utf8').split('\n')[1]!) as {
      lastAudit: { seq: number; prevSeq: number };
    };
    const txLen = state.lastAudit.seq - state.lastAudit.prevSeq;
    expect(txLen).toBeGreaterThan(1);
    // Part or all of the last transaction missing is what a kill between the state write and the
    // log append leaves (also a torn final line): repaired from the authenticated state.
    for (const cut of [1, txLen]) {
      write(p, ls.slice(0, -cut));
      const k = await openKeyring({ path: p, backend: softwareBackend() });
      expect((await k.verifyAuditLog()).ok).toBe(true);
      expect(lines(p)).toEqual(ls);
      await k.close();
    }
    writeFileSync(join(p, 'audit.log'), `${ls.join('\n')}\n`.slice(0, -40));
    const k2 = await openKeyring({ path: p, backend: softwareBackend() });
    expect((await k2.verifyAuditLog()).ok).toBe(true);
    expect(lines(p)).toEqual(ls);
    await k2.close();
    // More than the last transaction missing cannot come from a crash: tampering.
    write(p, ls.slice(0, -(txLen + 1)));
    await expectFails(openKeyring({ path: p, backend: softwareBackend() }), ['E_TAMPERED']);
  });
});

describe('locking', () => {
  it('a stale lock left by a dead process is broken', async () => {
    const p = copyStore();
    writeFileSync(join(p, 'keystore.lock'), `999999@${(await import('node:os')).hostname()}@${Date.now()}@x\n`, {
      mode: 0o600,
    });
    const k = await openKeyring({ path: p, backend: softwareBackend() });
    await k.rotate();
    expect(existsSync(join(p, 'keystore.lock'))).toBe(false);
    await k.close();
  });

  it('a live lock makes a writer wait, then fail with E_LOCKED', async () => {
    const p = copyStore();
    writeFileSync(
      join(p, 'keystore.lock'),
      // A live process that is not this one (our own pid would count as stale: see lock.ts).
      `${process.ppid}@${(await import('node:os')).hostname()}@${Date.now()}@x\n`,
      { mode: 0o600 },
    );
    const k = await openKeyring({ path: p, backend: softwareBackend(), lockTimeoutMs: 300 });
    const before = dirFingerprint(p);
    await expectFails(k.rotate(), ['E_LOCKED']);
    expect(dirFingerprint(p)).toBe(before);

    rmSync(join(p, 'keystore.lock'));
    await k.rotate();
    await k.close();
  });

  it('two keyrings in one process rotating at once lose no update', async () => {
    const p = copyStore();
    const a = await openKeyring({ path: p, backend: softwareBackend() });
    const b = await openKeyring({ path: p, backend: softwareBackend() });
    const before = a.info().versions.length;
    await Promise.all([...Array.from({ length: 5 }, () => a.rotate()), ...Array.from({ length: 5 }, () => b.rotate())]);
    const after = (await a.list()).find((x) => x.name === 'default')!;
    expect(after.versions).toHaveLength(before + 10);
    expect(after.versions.filter((v) => v.state === 'active')).toHaveLength(1);
    await a.close();
    await b.close();
  });
});

describe('loadSecret configuration', () => {
  it('reads KEYHYGIENE_KEYSTORE with KEYHYGIENE_PASSPHRASE', async () => {
    const p = copyStore();
    const s = await loadSecret('jwt-secret', {
      env: { KEYHYGIENE_KEYSTORE: p, KEYHYGIENE_PASSPHRASE: TEST_PASSPHRASE },
    });
    expect(s.length).toBe(32);
    expect(String(s)).toContain('redacted');
  });

  it('reads the backend from KEYHYGIENE_KEYSTORE_CONFIG and refuses secrets inside it', async () => {
    const p = copyStore();
    const cfg = join(dir, `cfg-${n}.json`);
    writeFileSync(cfg, JSON.stringify({ backend: { type: 'software', passphraseEnv: 'MY_PASS' } }));
    const s = await loadSecret('jwt-secret', {
      env: { KEYHYGIENE_KEYSTORE: p, KEYHYGIENE_KEYSTORE_CONFIG: cfg, MY_PASS: TEST_PASSPHRASE },
    });
    expect(s.length).toBe(32);
    writeFileSync(cfg, JSON.stringify({ backend: { type: 'software', passphrase: 'inline' } }));
    await expectFails(loadSecret('jwt-secret', { env: { KEYHYGIENE_KEYSTORE: p, KEYHYGIENE_KEYSTORE_CONFIG: cfg } }), [
      'E_CONFIG',
    ]);
  });

  it('fails with one clear line when unconfigured, for a bad name, or for a non-secret key', async () => {
    const e = await expectFails(loadSecret('jwt-secret', { env: {} }), ['E_CONFIG']);
    expect(e.message).toMatch(/KEYHYGIENE_KEYSTORE/);
    await expectFails(loadSecret('jwt-secret', { env: { KEYHYGIENE_KEYSTORE: golden } }), ['E_CONFIG']);
    await expectFails(loadSecret('../jwt', { env: {} }), ['E_BAD_NAME']);
    const p = copyStore();
    await expectFails(
      loadSecret('default', { env: { KEYHYGIENE_KEYSTORE: p, KEYHYGIENE_PASSPHRASE: TEST_PASSPHRASE } }),
      ['E_PURPOSE'],
    );
  });

  it('passphrase sources: an unset variable and a group-readable file are refused', async () => {
    const p = copyStore();
    await expectFails(openKeyring({ path: p, backend: { type: 'software', passphraseEnv: 'KH_UNSET_VAR' }, env: {} }), [
      'E_CONFIG',
    ]);
    const f = join(dir, 'pass.txt');

    writeFileSync(f, `${TEST_PASSPHRASE}\n`, { mode: 0o644 });
    chmodSync(f, 0o644);
    await expectFails(openKeyring({ path: p, backend: { type: 'software', passphraseFile: f } }), ['E_PERMISSIONS']);
    chmodSync(f, 0o600);
    const k = await openKeyring({ path: p, backend: { type: 'software', passphraseFile: f } });
    await k.close();
  });
});

describe('argon2id keystore KEK', () => {
  it('creates and reopens a store whose KEK comes from Argon2id (RFC 9106 option 2)', async () => {
    const p = join(dir, 'argon');
    const k = await openKeyring({
      path: p,
      backend: { type: 'software', passphrase: TEST_PASSPHRASE, kdf: 'argon2id' },
      create: true,
    });
    const ct = await k.encrypt('argon');
    await k.close();
    const header = JSON.parse(readFileSync(join(p, 'keystore.json'), 'utf8').split('\n')[0]!) as {
      backend: { kdf: Record<string, unknown> };
    };
    expect(header.backend.kdf).toMatchObject({
      algorithm: 'argon2id',
      memoryKiB: 65536,
      iterations: 3,
      parallelism: 4,
    });
    const again = await openKeyring({ path: p, backend: softwareBackend() });
    expect((await again.decrypt(ct)).toString()).toBe('argon');
    await again.close();
  }, 60_000);
});

describe('destroyKeyFile', () => {
  it('overwrites, syncs, unlinks and verifies a stray key file, and states the SP 800-88 limits', async () => {
    const f = join(dir, 'stray-key.pem');
    // Clearly fake key material, generated for the test.
    const fake = `-----BEGIN PRIVATE KEY-----\nFAKE-TEST-ONLY-${'A'.repeat(64)}\n-----END PRIVATE KEY-----\n`;
    writeFileSync(f, fake, { mode: 0o600 });
    const rep = await destroyKeyFile(f);
    expect(rep.verified).toBe(true);
    expect(rep.method).toBe('overwrite-and-unlink');
    expect(rep.steps.map((s) => s.step)).toEqual(['overwrite', 'read-back', 'unlink', 'verify']);
    expect(rep.limits).toMatch(/SP 800-88/);
    expect(rep.limits).toMatch(/SSD|flash/);
    expect(rep.limits).toMatch(/journal/);
    expect(existsSync(f)).toBe(false);
  });

  it('refuses symlinks and missing files', async () => {
    const target = join(dir, 'target');
    writeFileSync(target, 'x');
    const link = join(dir, 'link');
    symlinkSync(target, link);
    await expectFails(destroyKeyFile(link), ['E_PERMISSIONS']);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    await expectFails(destroyKeyFile(join(dir, 'missing')), ['E_NOT_FOUND']);
    await expect(destroyKeyFile(3 as never)).rejects.toBeInstanceOf(TypeError);
  });
});
