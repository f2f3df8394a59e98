/**
 * The keyring contract, run against BOTH backends: the software backend and a SoftHSM token started
 * by the test itself (helpers/softhsm.ts; a missing SoftHSM fails these tests, it never skips them).
 */
import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportKeyMaterialInsecure, INSECURE_KEY_ACCESS } from '../../src/keys/insecure-export.js';
import {
  KeyhygieneError,
  loadSecret,
  openKeyring,
  verifyAuditLog,
  type BackendOptions,
  type Keyring,
} from '../../src/keys/index.js';
import { dirContains, pkcs11Backend, softwareBackend, tempDir } from './helpers/fixtures.js';
import { startSoftHsm, type SoftHsm } from './helpers/softhsm.js';

const code = (c: string): unknown => expect.objectContaining({ code: c });
let hsm: SoftHsm;
const dir = tempDir('keyring');

beforeAll(() => {
  hsm = startSoftHsm();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  hsm?.cleanup();
});

let counter = 0;
const unique = (p: string): string => `${p}-${++counter}`;

for (const kind of ['software', 'pkcs11'] as const) {
  describe(`${kind} backend`, () => {
    let root: Keyring;
    const path = join(dir, kind);
    const backend = (): BackendOptions => (kind === 'software' ? softwareBackend() : pkcs11Backend(hsm));
    const hardware = kind === 'pkcs11';

    beforeAll(async () => {
      root = await openKeyring({ path, backend: backend(), create: true });
    });
    afterAll(async () => {
      await root?.close();
    });

    async function newKey(
      purpose: 'aead' | 'mac' | 'sign' | 'secret',
      extra: Parameters<Keyring['generate']>[1] = { purpose },
    ): Promise<Keyring> {
      const name = unique(purpose);
      await root.generate(name, { ...extra, purpose });
      return root.key(name);
    }

    describe('AEAD', () => {
      it('round trips bytes, strings, empty and 1 MiB inputs, with and without context', async () => {
        const k = await newKey('aead');
        for (const pt of [Buffer.from('hello'), Buffer.alloc(0), Buffer.alloc(1 << 20, 7)]) {
          const ct = await k.encrypt(pt, 'tenant=42');
          expect(ct.length).toBe(pt.length + 94);
          // Buffer.equals, not toEqual: deep equality over 1 MiB element by element takes seconds.
          expect((await k.decrypt(ct, 'tenant=42')).equals(pt)).toBe(true);
        }
        const ct = await k.encrypt('no context');
        expect((await k.decrypt(ct)).toString()).toBe('no context');
        const text = await k.encryptString('héllo wörld', Buffer.from([1, 2]));
        expect(text).toMatch(/^kh1\.[A-Za-z0-9_-]+$/);
        expect(await k.decryptString(text, Buffer.from([1, 2]))).toBe('héllo wörld');
      });

      it('two encryptions of the same plaintext differ (fresh DEK and IVs)', async () => {
        const k = await newKey('aead');
        const a = await k.encrypt('same');
        const b = await k.encrypt('same');
        expect(a.equals(b)).toBe(false);
        expect(a.subarray(0, 6)).toEqual(b.subarray(0, 6));
      });

      it('context is bound: a wrong or missing context fails authentication', async () => {
        const k = await newKey('aead');
        const ct = await k.encrypt('secret data', 'user=alice');
        await expect(k.decrypt(ct, 'user=bob')).rejects.toThrow(code('E_TAMPERED') as never);
        await expect(k.decrypt(ct)).rejects.toThrow(code('E_TAMPERED') as never);
      });

      it('every flipped byte is detected; header changes are rejected or fail authentication', async () => {
        const k = await newKey('aead');
        const ct = await k.encrypt('tamper me please', 'ctx');
        const seen = new Set<string>();
        for (let i = 0; i < ct.length; i++) {
          const bad = Buffer.from(ct);
          bad[i]! ^= 0x01;
          const err = await k.decrypt(bad, 'ctx').then(
            () => null,
            (e: unknown) => e,
          );
          expect(err, `byte ${i} flip was not detected`).toBeInstanceOf(KeyhygieneError);
          seen.add((err as KeyhygieneError).code);
        }
        // format byte → E_FORMAT, key id → E_UNKNOWN_KEY, algorithm → E_FORMAT, the rest → E_TAMPERED
        expect([...seen].sort()).toEqual(['E_FORMAT', 'E_TAMPERED', 'E_UNKNOWN_KEY']);
      });

      it('a header pointing at another valid version fails authentication (header is in the AAD)', async () => {
        const k = await newKey('aead');
        const ct = await k.encrypt('x');
        await k.rotate();
        const other = await k.encrypt('y');
        const swapped = Buffer.from(ct);
        other.copy(swapped, 1, 1, 5);
        await expect(k.decrypt(swapped)).rejects.toThrow(code('E_TAMPERED') as never);
      });

      it('truncated ciphertexts and garbage are rejected with one-line errors', async () => {
        const k = await newKey('aead');
        const ct = await k.encrypt('truncate');
        for (const n of [0, 3, 6, 50, ct.length - 1]) {
          const e = (await k.decrypt(ct.subarray(0, n)).then(
            () => null,
            (x: unknown) => x,
          )) as KeyhygieneError;
          expect(e).toBeInstanceOf(KeyhygieneError);
          expect(['E_CORRUPT', 'E_TAMPERED']).toContain(e.code);
          expect(e.message).not.toContain('\n');
        }
        await expect(k.decryptString('kh2.abc')).rejects.toThrow(code('E_FORMAT') as never);
        await expect(k.decrypt('nope' as never)).rejects.toBeInstanceOf(TypeError);
      });

      it('rotation: old versions still decrypt; new data uses the new primary; rewrap moves data', async () => {
        const k = await newKey('aead');
        const v1 = k.info().primary!;
        const c1 = await k.encrypt('one', 'c');
        const v2 = await k.rotate();
        expect(v2.primary).toBe(true);
        expect(v2.hardware).toBe(hardware);
        const c2 = await k.encrypt('two', 'c');
        expect(c1.subarray(1, 5).toString('hex')).toBe(v1);
        expect(c2.subarray(1, 5).toString('hex')).toBe(v2.id);
        expect((await k.decrypt(c1, 'c')).toString()).toBe('one');
        const r = await k.rewrap(c1, 'c');
        expect(r.subarray(1, 5).toString('hex')).toBe(v2.id);
        expect((await k.decrypt(r, 'c')).toString()).toBe('one');
        const info = k.info();
        expect(info.versions.find((v) => v.id === v1)!.state).toBe('decrypt-only');
        // minDecryptionVersion retires v1 for decryption (Vault min_decryption_version)
        await k.setMinDecryptionVersion(2);
        await expect(k.decrypt(c1, 'c')).rejects.toThrow(code('E_DISABLED') as never);
        expect((await k.decrypt(r, 'c')).toString()).toBe('one');
      });

      it('two-phase rotation: a staged version is pre-active until promoted', async () => {
        const k = await newKey('aead');
        const v1 = k.info().primary!;
        const staged = await k.rotate({ promote: false });
        expect(staged.state).toBe('preactive');
        const c = await k.encrypt('still v1');
        expect(c.subarray(1, 5).toString('hex')).toBe(v1);
        await k.promote(staged.id);
        const c2 = await k.encrypt('now v2');
        expect(c2.subarray(1, 5).toString('hex')).toBe(staged.id);
        expect((await k.decrypt(c)).toString()).toBe('still v1');
      });

      it('lifecycle: disable, enable, schedule, cancel, destroy, with the right errors', async () => {
        const k = await newKey('aead');
        const v1 = k.info().primary!;
        const c1 = await k.encrypt('lifecycle');
        await expect(k.disable(v1)).rejects.toThrow(code('E_STATE') as never);
        await expect(k.scheduleDestroy(v1)).rejects.toThrow(code('E_STATE') as never);
        await k.rotate();
        await k.disable(v1);
        await expect(k.decrypt(c1)).rejects.toThrow(code('E_DISABLED') as never);
        await k.enable(v1);
        expect((await k.decrypt(c1)).toString()).toBe('lifecycle');
        const s = await k.scheduleDestroy(v1, 30);
        expect(s.state).toBe('destroy-scheduled');
        await expect(k.decrypt(c1)).rejects.toThrow(code('E_DESTROYED') as never);
        await expect(k.destroy(v1)).rejects.toThrow(code('E_STATE') as never);
        expect((await k.cancelDestroy(v1)).state).toBe('disabled');
        await k.enable(v1);
        expect((await k.decrypt(c1)).toString()).toBe('lifecycle');
        await k.scheduleDestroy(v1, 0);
        const report = await k.destroy(v1);
        expect(report.verified, JSON.stringify(report.steps)).toBe(true);
        expect(report.method).toBe(hardware ? 'crypto-erase' : 'logical-overwrite');
        expect(report.hardware).toBe(hardware);
        expect(report.limits).toMatch(/SP 800-88/);
        expect(report.steps.find((s) => s.step === 'canary check')?.ok).toBe(true);
        if (hardware) expect(report.steps.find((s) => s.step === 'token search (new session)')?.ok).toBe(true);
        await expect(k.decrypt(c1)).rejects.toThrow(code('E_DESTROYED') as never);
        await expect(k.destroy(v1)).rejects.toThrow(code('E_DESTROYED') as never);
        await expect(k.enable(v1)).rejects.toThrow(code('E_DESTROYED') as never);
        const listed = k.info().versions.find((v) => v.id === v1)!;
        expect(listed.state).toBe('destroyed');
        expect(listed.destroyedAt).toBeDefined();
        // a fresh open agrees (state was persisted, not just cached)
        const again = await openKeyring({ path, backend: backend(), name: k.name });
        await expect(again.decrypt(c1)).rejects.toThrow(code('E_DESTROYED') as never);
        await again.close();
      });

      it('rotation policy by count: blocks are reserved and persisted; auto rotates, manual refuses', async () => {
        const k = await newKey('aead', { purpose: 'aead', rotation: { maxEncryptions: 3 } });
        const v1 = k.info().primary!;
        const cts = [];
        for (let i = 0; i < 7; i++) cts.push(await k.encrypt(`m${i}`));
        const ids = cts.map((c) => c.subarray(1, 5).toString('hex'));
        expect(ids.slice(0, 3)).toEqual([v1, v1, v1]);
        expect(new Set(ids).size).toBe(3);
        const info = k.info();
        for (const v of info.versions) expect(v.encryptionsReserved).toBeLessThanOrEqual(3);
        for (let i = 0; i < 7; i++) expect((await k.decrypt(cts[i]!)).toString()).toBe(`m${i}`);
        const m = await newKey('aead', { purpose: 'aead', rotation: { maxEncryptions: 2, auto: false } });
        await m.encrypt('a');
        await m.encrypt('b');
        await expect(m.encrypt('c')).rejects.toThrow(code('E_LIMIT') as never);
      });

      it('reservations are persisted before use, so a reopened keyring never undercounts', async () => {
        const k = await newKey('aead');
        await k.encrypt('x');
        const again = await openKeyring({ path, backend: backend(), name: k.name });
        // Sized to the workload: the first block of a process is 64, not 2^16.
        expect(again.info().versions[0]!.encryptionsReserved).toBe(64);
        await again.close();
      });

      it('reservation blocks double per block used (64, 128, 256, ...) and each one is audited', async () => {
        const k = await newKey('aead');
        for (let i = 0; i < 64 + 128 + 1; i++) await k.encrypt('x');
        expect(k.info().versions[0]!.encryptionsReserved).toBe(64 + 128 + 256);
        const log = readFileSync(join(path, 'audit.log'), 'utf8');
        const reserves = log
          .split('\n')
          .filter((l) => l.includes('"event":"version.reserve"') && l.includes(`"key":"${k.name}"`));
        expect(reserves.map((l) => /"block":(\d+)/.exec(l)![1])).toEqual(['64', '128', '256']);
      });

      it('rotation policy by age (90 days by default) rotates on use', async () => {
        const k = await newKey('aead');
        const v1 = k.info().primary!;
        vi.useFakeTimers({ toFake: ['Date'] });
        try {
          vi.setSystemTime(Date.now() + 91 * 86_400_000);
          expect(k.info().rotationDue).toBe(true);
          const c = await k.encrypt('later');
          expect(c.subarray(1, 5).toString('hex')).not.toBe(v1);
          expect(k.info().rotationDue).toBe(false);
          // auto: false reports the due rotation but keeps encrypting with the primary
          const m = await newKey('aead', { purpose: 'aead', rotation: { auto: false } });
          const mv = m.info().primary!;
          vi.setSystemTime(Date.now() + 91 * 86_400_000);
          expect(m.info().rotationDue).toBe(true);
          expect((await m.encrypt('still')).subarray(1, 5).toString('hex')).toBe(mv);
        } finally {
          vi.useRealTimers();
        }
      });
    });

    describe('MAC', () => {
      it('mac/verifyMac across rotation; wrong data or tag is false; disabled is an error', async () => {
        const k = await newKey('mac');
        const t1 = await k.mac('payload');
        expect(t1.length).toBe(38);
        expect(await k.verifyMac('payload', t1)).toBe(true);
        expect(await k.verifyMac('payloaD', t1)).toBe(false);
        const bad = Buffer.from(t1);
        bad[20]! ^= 1;
        expect(await k.verifyMac('payload', bad)).toBe(false);
        const v1 = k.info().primary!;
        await k.rotate();
        expect(await k.verifyMac('payload', t1)).toBe(true);
        const t2 = await k.mac('payload');
        expect(t2.equals(t1)).toBe(false);
        await k.disable(v1);
        await expect(k.verifyMac('payload', t1)).rejects.toThrow(code('E_DISABLED') as never);
        await expect(k.encrypt('x')).rejects.toThrow(code('E_PURPOSE') as never);
      });

      it('destroy: the canary tag no longer verifies', async () => {
        const k = await newKey('mac');
        const v1 = k.info().primary!;
        await k.rotate();
        await k.scheduleDestroy(v1, 0);
        const rep = await k.destroy(v1);
        expect(rep.verified, JSON.stringify(rep.steps)).toBe(true);
      });
    });

    describe('signatures', () => {
      it(`sign/verify with ${hardware ? 'ECDSA P-256 in the token' : 'Ed25519'}; the exported public key verifies outside`, async () => {
        const k = await newKey('sign');
        const sig = await k.sign('document');
        expect(sig.length).toBe(70);
        expect(await k.verify('document', sig)).toBe(true);
        expect(await k.verify('documenT', sig)).toBe(false);
        const pub = createPublicKey(k.publicKey());
        const msg = Buffer.concat([sig.subarray(0, 6), Buffer.from('document')]);
        const raw = sig.subarray(6);
        const ok = hardware
          ? nodeVerify('sha256', msg, { key: pub, dsaEncoding: 'ieee-p1363' }, raw)
          : nodeVerify(null, msg, pub, raw);
        expect(ok).toBe(true);
        expect(k.info().versions[0]!.algorithm).toBe(hardware ? 'ECDSA-P256-SHA256' : 'Ed25519');
        const v1 = k.info().primary!;
        await k.rotate();
        expect(await k.verify('document', sig)).toBe(true);
        await k.scheduleDestroy(v1, 0);
        const rep = await k.destroy(v1);
        expect(rep.verified, JSON.stringify(rep.steps)).toBe(true);
        await expect(k.verify('document', sig)).rejects.toThrow(code('E_DESTROYED') as never);
      });
    });

    describe('secrets', () => {
      it('generate(purpose secret), secret(), rotation, loadSecret with explicit options', async () => {
        const k = await newKey('secret', { purpose: 'secret', bytes: 48 });
        const s1 = await k.secret();
        expect(s1.length).toBe(48);
        expect(String(s1)).toBe('SecretBytes(48 bytes, redacted)');
        const copy = Buffer.from(s1.expose());
        const s2 = await loadSecret(k.name, { path, backend: backend() });
        expect(s2.equals(copy)).toBe(true);
        await k.rotate();
        const s3 = await k.secret();
        expect(s3.length).toBe(48);
        expect(s3.equals(copy)).toBe(false);
        // the stored files never contain the secret in the clear
        expect(dirContains(path, copy)).toEqual([]);
        for (const s of [s1, s2, s3]) s.wipe();
      });

      it('import of a hardcoded secret: compromised, a fresh primary is generated at once', async () => {
        const k = await newKey('secret');
        const before = await k.secret();
        const leaked = Buffer.from('hardcoded-jwt-secret-found-in-source (test only)');
        const v = await k.import(leaked);
        expect(v.compromised).toBe(true);
        expect(v.origin).toBe('imported');
        expect(v.hardware).toBe(false);
        expect(v.state).toBe('decrypt-only');
        const info = k.info();
        expect(info.primary).not.toBe(v.id);
        // The key already had a clean primary, so it stays primary; the leaked one is never handed out.
        const now = await k.secret();
        expect(now.equals(leaked)).toBe(false);
        expect(now.equals(before)).toBe(true);
        // A compromised version is refused unless the caller opts in, by a name that says what it risks.
        await expect(k.secret(v.id)).rejects.toThrow(code('E_DISABLED') as never);
        const old = await k.secret(v.id, { insecureAllowCompromised: true });
        expect(old.equals(leaked)).toBe(true);
        expect(dirContains(path, leaked)).toEqual([]);
        // A key whose only version is imported and compromised gets a fresh primary at once.
        const m = await newKey('mac');
        const first = m.info().primary!;
        await m.markCompromised(first);
        const second = m.info().primary!;
        expect(second).not.toBe(first);
        const v2 = await m.import(Buffer.alloc(32, 1), { compromised: false });
        expect(v2.state).toBe('preactive');
        const aead = await newKey('aead');
        await expect(aead.import(Buffer.alloc(16))).rejects.toBeInstanceOf(RangeError);
        const sign = await newKey('sign');
        await expect(sign.import(Buffer.alloc(32))).rejects.toThrow(code('E_PURPOSE') as never);
      });

      it('a compromised MAC version no longer verifies anything', async () => {
        const k = await newKey('mac');
        const t = await k.mac('m');
        await k.markCompromised(k.info().primary!);
        expect(k.info().versions).toHaveLength(2);
        await expect(k.verifyMac('m', t)).rejects.toThrow(code('E_DISABLED') as never);
        expect(await k.verifyMac('m', await k.mac('m'))).toBe(true);
      });
    });

    describe('keystore', () => {
      it(`list labels every key and version ${hardware ? 'as hardware with token provenance' : 'as software, not hardware'}`, async () => {
        const keys = await root.list();
        expect(keys.length).toBeGreaterThan(3);
        for (const key of keys) {
          expect(key.hardware).toBe(hardware);
          expect(key.backend).toBe(kind);
          for (const v of key.versions) {
            expect(v.id).toMatch(/^[0-9a-f]{8}$/);
            if (v.origin === 'imported') continue;
            expect(v.hardware).toBe(hardware);
            if (hardware) {
              expect(v.local).toBe(true);
              expect(v.neverExtractable).toBe(true);
              expect(v.alwaysSensitive).toBe(true);
            } else {
              expect(v.origin).toBe('software');
            }
          }
        }
        expect(root.backend.hardware).toBe(hardware);
      });

      it('names with path characters are refused with E_BAD_NAME', async () => {
        for (const bad of ['../etc', 'a/b', 'a\\b', '..', '', '.hidden', 'x'.repeat(65), 'a\0b', 'a b']) {
          await expect(root.generate(bad, { purpose: 'aead' })).rejects.toThrow(code('E_BAD_NAME') as never);
          await expect(openKeyring({ path, backend: backend(), name: bad })).rejects.toThrow(
            code('E_BAD_NAME') as never,
          );
        }
        await expect(root.generate(root.name, { purpose: 'aead' })).rejects.toThrow(code('E_EXISTS') as never);
      });

      it('the audit log verifies, labels the backend, and holds no key material', async () => {
        const res = await root.verifyAuditLog();
        expect(res.ok).toBe(true);
        expect(res.records).toBeGreaterThan(10);
        expect((await verifyAuditLog(path)).ok).toBe(true);
        const log = readFileSync(join(path, 'audit.log'), 'utf8');
        expect(log).toContain(`"hardware":${hardware}`);
        expect(log).toContain('"event":"version.destroy"');
        const k = await newKey('secret');
        const s = await k.secret();
        expect(log.includes(s.expose().toString('hex'))).toBe(false);
        expect(dirContains(path, s.expose())).toEqual([]);
      });

      it('insecure export needs the token constant; token-resident keys cannot be exported', async () => {
        const k = await newKey('aead');
        await expect(exportKeyMaterialInsecure(k, k.info().primary!, {} as never)).rejects.toBeInstanceOf(TypeError);
        if (hardware) {
          await expect(exportKeyMaterialInsecure(k, k.info().primary!, INSECURE_KEY_ACCESS)).rejects.toThrow(
            code('E_STATE') as never,
          );
        } else {
          const { material } = await exportKeyMaterialInsecure(k, k.info().primary!, INSECURE_KEY_ACCESS);
          expect(material.length).toBe(32);
          // the raw key is in no keystore file, only its wrapped form
          expect(dirContains(path, material.expose())).toEqual([]);
          material.wipe();
          expect(readFileSync(join(path, 'audit.log'), 'utf8')).toContain('version.export-insecure');
        }
      });

      it('a closed keyring refuses to work', async () => {
        const k = await openKeyring({ path, backend: backend() });
        await k.close();
        await expect(k.encrypt('x')).rejects.toThrow(code('E_CLOSED') as never);
      });
    });
  });
}
