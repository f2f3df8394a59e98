/**
 * Crash safety and concurrency with real child processes:
 * - a writer killed with SIGKILL at random points while rotating and encrypting, in a loop: the next
 *   open must see the old or the new state, never a mix, and no version or ciphertext the child saw
 *   committed may be lost;
 * - two processes rotating and encrypting at once: no lost update.
 * CI runs a bounded loop; KEYHYGIENE_SOAK=1 runs a long one (200 kills per backend), and
 * KEYHYGIENE_SOAK_ITERATIONS=N sets the count.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKeyring, type OpenKeyringOptions } from '../../src/keys/index.js';
import { buildKeysForChildren } from './helpers/build.js';
import { startSoftHsm, type SoftHsm } from './helpers/softhsm.js';

const SOAK = process.env.KEYHYGIENE_SOAK === '1';
const PASS_ENV = 'KH_TEST_CRASH_PASSPHRASE';
const PASSPHRASE = `test-only-${process.pid}-passphrase`;

let dist: string;
let hsm: SoftHsm;
const tmp = mkdtempSync(join(tmpdir(), 'kh-crash-'));

beforeAll(() => {
  dist = buildKeysForChildren();
  hsm = startSoftHsm();
}, 120_000);

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  hsm?.cleanup();
});

interface ChildResult {
  versions: string[];
  ciphertexts: Array<{ i: number; ct: string }>;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Kill plan: `afterLine` is 'READY' (kill during the first operations) or 'V' (kill after the first
 * committed rotation, so the kill lands in the middle of later work however slow the machine is).
 */
interface Kill {
  afterLine: 'READY' | 'V';
  ms: number;
}

function runWorker(mode: 'rotate-loop' | 'work', opts: Record<string, unknown>, kill?: Kill): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(dist, 'test/keys/helpers/child-worker.js'), mode, JSON.stringify(opts)],
      {
        // Every child gets the PIN itself: a test must not depend on another test having set it in process.env.
        env: { ...process.env, [PASS_ENV]: PASSPHRASE, SOFTHSM2_CONF: hsm.conf, KH_TEST_PIN: hsm.pin },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const res: ChildResult = { versions: [], ciphertexts: [], code: null, signal: null, stderr: '' };
    let buf = '';
    let armed = false;
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (kill && !armed && (line === kill.afterLine || line.startsWith(`${kill.afterLine} `))) {
          armed = true;
          setTimeout(() => child.kill('SIGKILL'), kill.ms);
        }
        if (line.startsWith('V ')) res.versions.push(line.slice(2));
        else if (line.startsWith('C ')) {
          const [, i, ct] = line.split(' ');
          res.ciphertexts.push({ i: Number(i), ct: ct! });
        }
      }
    });
    child.stderr.on('data', (d: Buffer) => (res.stderr += d.toString()));
    child.on('error', reject);
    // 'exit' fires after the child is reaped, so its pid is really gone (no zombie looks alive to the lock).
    child.on('exit', (code, signal) => {
      res.code = code;
      res.signal = signal;
      resolve(res);
    });
  });
}

async function checkInvariants(options: OpenKeyringOptions, committed: ChildResult[]): Promise<number> {
  // A fresh open in this process: must authenticate, and the audit log must end where the state says.
  const k = await openKeyring(options);
  try {
    const [info] = (await k.list()).filter((x) => x.name === 'default');
    expect(info).toBeDefined();
    const active = info!.versions.filter((v) => v.state === 'active');
    expect(active).toHaveLength(1);
    const ids = new Set(info!.versions.map((v) => v.id));
    for (const r of committed)
      for (const v of r.versions) expect(ids.has(v), `version ${v} reported committed but missing`).toBe(true);
    for (const r of committed) {
      for (const { i, ct } of r.ciphertexts) {
        expect(await k.decryptString(ct, `ctx-${i}`)).toBe(`message ${i}`);
      }
    }
    // The primary is usable right after the crash.
    const probe = await k.encrypt('probe after kill');
    expect((await k.decrypt(probe)).toString()).toBe('probe after kill');
    const audit = await k.verifyAuditLog();
    expect(audit.ok, JSON.stringify(audit.error)).toBe(true);
    return info!.versions.length;
  } finally {
    await k.close();
  }
}

for (const kind of ['software', 'pkcs11'] as const) {
  describe(`${kind} backend`, () => {
    const iterations = Number(process.env.KEYHYGIENE_SOAK_ITERATIONS) || (SOAK ? 200 : kind === 'software' ? 6 : 8);
    const backend = (): Record<string, unknown> =>
      kind === 'software'
        ? { type: 'software', passphraseEnv: PASS_ENV }
        : { type: 'pkcs11', module: hsm.module, tokenLabel: hsm.tokenLabel, pinEnv: 'KH_TEST_PIN' };
    const env = (): NodeJS.ProcessEnv => ({ ...process.env, [PASS_ENV]: PASSPHRASE, KH_TEST_PIN: hsm.pin });

    it(`SIGKILL mid-rotation, ${iterations} times: the next open sees a consistent state and loses nothing`, async () => {
      const path = join(tmp, `${kind}-kill`);
      const init = await openKeyring({ path, backend: backend() as never, env: env(), create: true });
      await init.close();
      const committed: ChildResult[] = [];
      let killedMidWork = 0;
      let lastCount = 1;
      for (let n = 0; n < iterations; n++) {
        const kill: Kill = { afterLine: n % 2 === 0 ? 'READY' : 'V', ms: Math.floor(Math.random() * 120) };
        const r = await runWorker('rotate-loop', { path, backend: backend() }, kill);
        expect(r.signal, r.stderr).toBe('SIGKILL');
        if (r.versions.length > 0) killedMidWork++;
        committed.push(r);
        // Whatever the child printed happened after the call returned, so it must survive.
        const count = await checkInvariants({ path, backend: backend() as never, env: env() }, [r]);
        expect(count).toBeGreaterThanOrEqual(lastCount + r.versions.length);
        lastCount = count;
      }
      // The loop must really have killed children in the middle of their work.
      expect(killedMidWork).toBeGreaterThan(0);
      // No temp file is left once a later writer took the lock (a fresh mutate cleans them).
      const k = await openKeyring({ path, backend: backend() as never, env: env() });
      await k.rotate();
      await k.close();
      expect(readdirSync(path).filter((f) => f.includes('.tmp-'))).toEqual([]);
    }, 300_000);

    it('two processes rotating and encrypting at once: no lost update', async () => {
      const path = join(tmp, `${kind}-race`);
      const init = await openKeyring({ path, backend: backend() as never, env: env(), create: true });
      await init.close();
      const n = SOAK ? 40 : 6;
      const [a, b] = await Promise.all([
        runWorker('work', { path, backend: backend(), n }),
        runWorker('work', { path, backend: backend(), n }),
      ]);
      expect(a.code, a.stderr).toBe(0);
      expect(b.code, b.stderr).toBe(0);
      expect(a.versions).toHaveLength(n);
      expect(b.versions).toHaveLength(n);
      const count = await checkInvariants({ path, backend: backend() as never, env: env() }, [a, b]);
      // Every rotation of both processes is there: 1 initial version + 2n.
      expect(count).toBe(1 + 2 * n);
    }, 300_000);
  });
}
