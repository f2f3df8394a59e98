/**
 * The key manager under faults and load, through its public API and real child processes (the
 * compiled key manager from test/keys/helpers/build.ts, driven by helpers/keys-worker.mjs):
 * - SIGKILL at random points during import, destroy and other store writes (generate, policy changes;
 *   rotation has its own loop in test/keys/crash.test.ts): after each kill the store opens, every
 *   version that existed still decrypts its ciphertexts, and the state is the old or the new one;
 * - N >= 4 processes encrypting, rotating and reading at once: no lost update, no duplicate version
 *   id, no (version, GCM nonce) pair used twice, and use counters never below the encryptions done;
 * - a flipped bit in every byte of the audit log is detected and named;
 * - a removed PKCS#11 module gives a one-line E_PKCS11 error; a pool of one session queues callers;
 * - world-readable files and path-traversal key names are refused.
 * CI runs bounded loops; KEYHYGIENE_SOAK=1 runs hundreds of kills (KEYHYGIENE_SOAK_ITERATIONS=N sets it).
 */
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isKeyhygieneError,
  openKeyring,
  verifyAuditLog,
  type BackendOptions,
  type OpenKeyringOptions,
} from '../../src/keys/index.js';
import { buildKeysForChildren } from '../keys/helpers/build.js';
import { startSoftHsm, type SoftHsm } from '../keys/helpers/softhsm.js';

const SOAK = process.env.KEYHYGIENE_SOAK === '1';
const WORKER = fileURLToPath(new URL('./helpers/keys-worker.mjs', import.meta.url));
const PASS_ENV = 'KH_TEST_FAULTS_PASSPHRASE';
/** Test-only passphrase, generated per process. */
const PASSPHRASE = `test-only-${process.pid}-${Date.now()}`;

let dist: string;
let hsm: SoftHsm;
const tmp = mkdtempSync(join(tmpdir(), 'kh-faults-'));

beforeAll(() => {
  dist = buildKeysForChildren();
  hsm = startSoftHsm();
  process.env[PASS_ENV] = PASSPHRASE;
  process.env.KH_TEST_FAULTS_PIN = hsm.pin;
}, 180_000);

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  hsm?.cleanup();
});

type Kind = 'software' | 'pkcs11';
const backendOf = (kind: Kind): BackendOptions =>
  kind === 'software'
    ? { type: 'software', passphraseEnv: PASS_ENV }
    : { type: 'pkcs11', module: hsm.module, tokenLabel: hsm.tokenLabel, pinEnv: 'KH_TEST_FAULTS_PIN' };

interface Run {
  lines: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the worker; with `killAfterMs`, SIGKILLs it that long after its first line past READY (or READY itself when `early`). */
function runWorker(mode: string, opts: Record<string, unknown>, kill?: { ms: number; early: boolean }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WORKER, dist, mode, JSON.stringify(opts)], {
      env: { ...process.env, SOFTHSM2_CONF: hsm.conf },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const res: Run = { lines: [], code: null, signal: null, stderr: '' };
    let buf = '';
    let armed = false;
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        res.lines.push(line);
        if (kill && !armed && (kill.early ? line === 'READY' : line !== 'READY')) {
          armed = true;
          setTimeout(() => child.kill('SIGKILL'), kill.ms);
        }
      }
    });
    child.stderr.on('data', (d: Buffer) => (res.stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      res.code = code;
      res.signal = signal;
      resolve(res);
    });
  });
}

const tagged = (r: Run, t: string): string[][] =>
  r.lines.filter((l) => l.startsWith(`${t} `)).map((l) => l.split(' ').slice(1));

/** A kh1 text's binary form: header(6) = format, version id (u32 BE), algorithm; then wrapIv(12) (the GCM nonce under the version key). */
function parseCt(text: string): { version: string; wrapIv: string; dataIv: string } {
  const b = Buffer.from(text.slice('kh1.'.length), 'base64url');
  expect(b[0]).toBe(0x01);
  expect(b[5]).toBe(0x01);
  return {
    version: b.readUInt32BE(1).toString(16).padStart(8, '0'),
    wrapIv: b.subarray(6, 18).toString('hex'),
    dataIv: b.subarray(66, 78).toString('hex'),
  };
}

/** Opens afresh and checks: one primary, nothing committed lost, old-or-new per version, every live ciphertext decrypts, log verifies. */
async function checkStore(
  options: OpenKeyringOptions,
  runs: Run[],
): Promise<{ versions: number; finishedDestroys: number }> {
  const k = await openKeyring(options);
  let finishedDestroys = 0;
  try {
    const info = (await k.list()).find((x) => x.name === 'default')!;
    expect(info.versions.filter((v) => v.state === 'active')).toHaveLength(1);
    const byId = new Map(info.versions.map((v) => [v.id, v]));
    expect(byId.size, 'duplicate version id').toBe(info.versions.length);
    const names = new Set((await k.list()).map((x) => x.name));
    for (const r of runs) {
      for (const [id] of [...tagged(r, 'V'), ...tagged(r, 'I')])
        expect(byId.has(id!), `committed version ${id} lost`).toBe(true);
      for (const [id] of tagged(r, 'S'))
        expect(['destroy-scheduled', 'destroying', 'destroyed']).toContain(byId.get(id!)?.state ?? 'destroyed');
      for (const [id] of tagged(r, 'D')) expect(byId.get(id!)?.state ?? 'destroyed').toBe('destroyed');
      for (const [name] of tagged(r, 'G')) expect(names.has(name!), `committed key ${name} lost`).toBe(true);
      for (const [n, ct] of tagged(r, 'C')) {
        const v = byId.get(parseCt(ct!).version);
        expect(v, `version of ciphertext ${n} lost`).toBeDefined();
        if (v!.state === 'destroyed' || v!.state === 'destroying' || v!.state === 'destroy-scheduled') continue;
        expect(await k.decryptString(ct!, `ctx-${n}`)).toBe(`message ${n}`);
      }
    }
    // A destroy cut short by the kill is old state (destroy-scheduled) or the irreversible 'destroying'
    // mark (its objects may already be gone): either way it must complete now, verified.
    for (const v of info.versions.filter((x) => x.state === 'destroy-scheduled' || x.state === 'destroying')) {
      const report = await k.destroy(v.id);
      expect(
        report.steps.every((s) => s.ok),
        JSON.stringify(report.steps),
      ).toBe(true);
      finishedDestroys++;
    }
    const probe = await k.encryptString('probe after kill', 'p');
    expect(await k.decryptString(probe, 'p')).toBe('probe after kill');
    const audit = await k.verifyAuditLog();
    expect(audit.ok, JSON.stringify(audit.error)).toBe(true);
    return { versions: info.versions.length, finishedDestroys };
  } finally {
    await k.close();
  }
}

const soakIterations = Number(process.env.KEYHYGIENE_SOAK_ITERATIONS) || 200;
const plans: Array<{ kind: Kind; mode: string; ci: number }> = [
  { kind: 'software', mode: 'import-loop', ci: 8 },
  { kind: 'software', mode: 'destroy-loop', ci: 8 },
  { kind: 'software', mode: 'generate-loop', ci: 8 },
  { kind: 'pkcs11', mode: 'destroy-loop', ci: 6 },
  { kind: 'pkcs11', mode: 'import-loop', ci: SOAK ? 1 : 0 },
];

describe('SIGKILL during import, destroy and store writes', () => {
  for (const plan of plans.filter((p) => p.ci > 0)) {
    const iterations = SOAK ? soakIterations : plan.ci;
    it(`${plan.kind} ${plan.mode}: ${iterations} kills, each followed by a consistent, complete store`, async () => {
      const path = join(tmp, `${plan.kind}-${plan.mode}`);
      const options: OpenKeyringOptions = { path, backend: backendOf(plan.kind), create: true };
      await (await openKeyring(options)).close();
      let midWork = 0;
      let finished = 0;
      for (let n = 0; n < iterations; n++) {
        const r = await runWorker(
          plan.mode,
          { path, backend: backendOf(plan.kind), tag: `i${n}` },
          { ms: Math.floor(Math.random() * 150), early: n % 3 === 0 },
        );
        expect(r.signal, r.stderr).toBe('SIGKILL');
        if (r.lines.length > 1) midWork++;
        finished += (await checkStore({ path, backend: backendOf(plan.kind) }, [r])).finishedDestroys;
      }
      expect(midWork).toBeGreaterThan(0);
      console.log(
        `${plan.kind} ${plan.mode}: ${iterations} kills, ${midWork} mid-work, ${finished} interrupted destroys completed afterwards`,
      );
    }, 900_000);
  }
});

describe('concurrency: N processes encrypting, rotating and reading one software store', () => {
  const procs = SOAK ? 8 : 4;
  const ops = SOAK ? 120 : 24;
  it(`${procs} processes x ${ops} ops: no lost update, no duplicate id, no (version, nonce) reuse, counters never lost`, async () => {
    const path = join(tmp, 'concurrent');
    await (await openKeyring({ path, backend: backendOf('software'), create: true })).close();
    const runs = await Promise.all(
      Array.from({ length: procs }, (_, p) =>
        runWorker('mix', { path, backend: backendOf('software'), n: ops, tag: `p${p}` }),
      ),
    );
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const rotations = runs.flatMap((r) => tagged(r, 'V').map(([id]) => id!));
    expect(new Set(rotations).size, 'two processes got the same version id').toBe(rotations.length);
    const { versions } = await checkStore({ path, backend: backendOf('software') }, runs);
    expect(versions, 'a rotation was lost').toBe(1 + rotations.length);
    const cts = runs.flatMap((r) => tagged(r, 'C').map(([, ct]) => parseCt(ct!)));
    expect(cts.length).toBe(runs.reduce((n, r) => n + Number(tagged(r, 'E')[0]![0]), 0));
    const pairs = new Set(cts.map((c) => `${c.version}:${c.wrapIv}`));
    expect(pairs.size, '(version, nonce) pair reused').toBe(cts.length);
    expect(new Set(cts.map((c) => c.dataIv)).size).toBe(cts.length);
    const k = await openKeyring({ path, backend: backendOf('software') });
    try {
      const info = (await k.list()).find((x) => x.name === 'default')!;
      for (const v of info.versions) {
        const used = cts.filter((c) => c.version === v.id).length;
        expect(
          v.encryptionsReserved,
          `version ${v.id}: persisted count below the ${used} encryptions done`,
        ).toBeGreaterThanOrEqual(used);
      }
    } finally {
      await k.close();
    }
    console.log(
      `concurrency: ${procs} processes, ${cts.length} encryptions, ${rotations.length} rotations, ${runs.reduce((n, r) => n + tagged(r, 'R').length, 0)} reads`,
    );
  }, 600_000);
});

describe('tampering, exhaustion, permissions and names', () => {
  let store: string;
  beforeAll(async () => {
    store = join(tmp, 'plain');
    const k = await openKeyring({ path: store, backend: backendOf('software'), create: true });
    await k.rotate();
    await k.encrypt('x');
    await k.generate('jwt', { purpose: 'secret' });
    const v = await k.rotate({ promote: false });
    await k.promote(v.id);
    await k.close();
  }, 120_000);

  it('a flipped bit in every byte of the audit log is detected and named (line and reason)', async () => {
    const log = readFileSync(join(store, 'audit.log'));
    expect((await verifyAuditLog(store)).ok).toBe(true);
    const copy = join(tmp, 'audit-copy.log');
    const missed: number[] = [];
    for (let i = 0; i < log.length; i++) {
      const b = Buffer.from(log);
      b[i] = b[i]! ^ (1 << (i % 8));
      writeFileSync(copy, b);
      try {
        const r = await verifyAuditLog(copy);
        if (r.ok || !r.error || r.error.line < 1 || r.error.reason.length === 0) missed.push(i);
      } catch (e) {
        if (!isKeyhygieneError(e) || !/^E_(TAMPERED|CORRUPT)$/.test(e.code)) missed.push(i);
      }
    }
    expect(missed, `undetected flips at bytes ${missed.slice(0, 10).join(',')}`).toEqual([]);
    console.log(`audit log: ${log.length} single-bit flips, all detected`);
  }, 300_000);

  it('a removed PKCS#11 module path gives a clear one-line E_PKCS11 error', async () => {
    const gone = join(tmp, 'libremoved-pkcs11.so');
    copyFileSync(hsm.module, gone);
    rmSync(gone);
    for (const module of [gone, join(tmp, 'never-existed.so')]) {
      const err = await openKeyring({
        path: join(tmp, 'p11-missing'),
        backend: { type: 'pkcs11', module, tokenLabel: hsm.tokenLabel, pin: hsm.pin },
        create: true,
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isKeyhygieneError(err), String(err)).toBe(true);
      const e = err as Error & { code: string };
      expect(e.code).toBe('E_PKCS11');
      expect(e.message).not.toContain('\n');
      expect(e.message).toContain(module);
      expect(e.message).not.toContain(hsm.pin);
    }
  }, 60_000);

  it('a token pool of two sessions (one held for login and C_GenerateRandom) queues 48 concurrent callers instead of failing them', async () => {
    const k = await openKeyring({
      path: join(tmp, 'p11-queue'),
      backend: { type: 'pkcs11', module: hsm.module, tokenLabel: hsm.tokenLabel, pin: hsm.pin, sessions: 2 },
      create: true,
    });
    try {
      const texts = Array.from({ length: 48 }, (_, i) => `queued ${i}`);
      const cts = await Promise.all(texts.map((t) => k.encrypt(t, t)));
      const back = await Promise.all(cts.map((c, i) => k.decrypt(c, texts[i]!)));
      expect(back.map((b) => b.toString())).toEqual(texts);
    } finally {
      await k.close();
    }
  }, 120_000);

  // Found by this suite and fixed: the login session counted against `sessions`, so `sessions: 1`
  // deadlocked the open; and each destroy verification's fresh session took a pool slot for good.
  it('`sessions: 1` queues callers instead of deadlocking, and destroy verifications free their sessions', async () => {
    const opened = openKeyring({
      path: join(tmp, 'p11-one'),
      backend: { type: 'pkcs11', module: hsm.module, tokenLabel: hsm.tokenLabel, pin: hsm.pin, sessions: 1 },
      create: true,
    });
    const k = await Promise.race([opened, new Promise<null>((r) => setTimeout(() => r(null), 15_000))]);
    expect(k, 'openKeyring with sessions: 1 did not resolve in 15 s (deadlock)').not.toBeNull();
    try {
      const cts = await Promise.all(Array.from({ length: 8 }, (_, i) => k!.encrypt(`one ${i}`)));
      expect(cts).toHaveLength(8);
      // Three rotate+destroy rounds each verify in a fresh session; the pool must still serve callers.
      for (let i = 0; i < 3; i++) {
        const old = k!.info().primary!;
        await k!.rotate();
        await k!.scheduleDestroy(old, 0);
        const report = await k!.destroy(old);
        expect(report.method).toBe('crypto-erase');
      }
      const more = await Promise.race([
        Promise.all(Array.from({ length: 4 }, (_, i) => k!.encrypt(`after ${i}`))),
        new Promise<null>((r) => setTimeout(() => r(null), 15_000)),
      ]);
      expect(more, 'encrypt after destroys did not resolve in 15 s (pool slots leaked)').not.toBeNull();
    } finally {
      await k!.close();
    }
  }, 90_000);

  it('world-readable store files and a group-readable directory are refused', async () => {
    for (const [target, mode] of [
      ['keystore.json', 0o644],
      ['audit.log', 0o604],
      ['.', 0o755],
    ] as const) {
      const p = join(store, target);
      const before = target === '.' ? 0o700 : 0o600;
      chmodSync(p, mode);
      try {
        const err = await openKeyring({ path: store, backend: backendOf('software') }).then(
          async (k) => {
            await k.close();
            return null;
          },
          (e: unknown) => e,
        );
        expect(isKeyhygieneError(err) && err.code, `${target} ${mode.toString(8)}`).toBe('E_PERMISSIONS');
      } finally {
        chmodSync(p, before);
      }
    }
  }, 120_000);

  it('key names that try path traversal are rejected with E_BAD_NAME', async () => {
    const bad = ['../x', '..', 'a/b', 'a\\b', '/etc/passwd', 'x\0y', 'with space', '.', '..\\..\\x', 'a'.repeat(65)];
    for (const name of bad) {
      const err = await openKeyring({ path: store, backend: backendOf('software'), name, create: true }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isKeyhygieneError(err) && err.code, JSON.stringify(name)).toBe('E_BAD_NAME');
    }
    const k = await openKeyring({ path: store, backend: backendOf('software') });
    try {
      for (const name of bad) {
        const err = await k.generate(name, { purpose: 'secret' }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(isKeyhygieneError(err) && err.code, JSON.stringify(name)).toBe('E_BAD_NAME');
      }
    } finally {
      await k.close();
    }
  }, 120_000);
});
