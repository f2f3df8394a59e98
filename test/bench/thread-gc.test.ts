import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a bench script without type declarations
import { sumNvp } from '../../bench/lib/thread-gc.mjs';

// bench/lib/thread-gc.mjs tells a run's CPU apart by thread role and sums its collections. Times are never asserted
// (no timed tests): the roles a piece of work lands on, the number of threads and of collections are.

const PRELOAD = fileURLToPath(new URL('../../bench/lib/thread-gc.mjs', import.meta.url));

interface Out {
  threads: Record<string, { count: number; cpuMs: number }>;
  gc: Record<string, { count: number; pauseMs: number }>;
}

function runWith(code: string, env: Record<string, string> = {}, flags: string[] = []): { out: Out; stdout: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'kh-thread-gc-')), 'out.json');
  const stdout = execFileSync(process.execPath, ['--import', PRELOAD, ...flags, '-e', code], {
    encoding: 'utf8',
    env: { ...process.env, ...env, KH_THREAD_GC_OUT: file },
  });
  return { out: JSON.parse(readFileSync(file, 'utf8')) as Out, stdout };
}

type Sum = Record<string, { count: number; allocatedMiB: number; promotedMiB: number; copiedMiB: number }>;

describe('sumNvp', () => {
  it('sums a --trace-gc-nvp log by kind, and by isolate when asked', () => {
    const mib = 2 ** 20;
    const log = [
      `[1:0xa]  5 ms: pause=1.5 gc=s allocated=${4 * mib} promoted=${mib} new_space_survived=${2 * mib}`,
      'not a gc line',
      `[1:0xb]  6 ms: pause=2.5 gc=s allocated=${8 * mib} promoted=0 new_space_survived=${mib}`,
      `[1:0xa]  9 ms: pause=10 gc=mc allocated=${mib} promoted=${mib} new_space_survived=0`,
    ].join('\n');
    const all = sumNvp(log) as Sum;
    expect(all.s).toEqual({ count: 2, pauseMs: 4, allocatedMiB: 12, promotedMiB: 1, copiedMiB: 3 });
    expect(all.mc?.count).toBe(1);
    const by = sumNvp(log, true) as Record<string, Sum>;
    expect(Object.keys(by)).toEqual(['isolate0', 'isolate1']);
    expect(by.isolate0?.s?.allocatedMiB).toBe(4);
    expect(by.isolate1?.s?.allocatedMiB).toBe(8);
  });
});

describe.runIf(process.platform === 'linux')('the thread-gc preload', () => {
  it("puts async scrypt on libuv's pool and a scavenge in the main thread's count", () => {
    const code =
      "const c = require('node:crypto'); let keep = [];" +
      'for (let i = 0; i < 3e5; i++) { keep.push({ i }); if (keep.length > 5e4) keep = []; }' +
      "c.scrypt('pw', 'salt', 32, { N: 2 ** 14 }, () => c.scrypt('pw2', 'salt', 32, { N: 2 ** 14 }, () => {}));";
    const { out } = runWith(code, { UV_THREADPOOL_SIZE: '2' });
    expect(out.threads.main?.count).toBe(1);
    expect(out.threads.libuv?.count).toBe(2);
    // Two scrypt derivations of N = 2^14 (16 MiB each) run on the pool, not on the main thread.
    expect(out.threads.libuv!.cpuMs).toBeGreaterThan(0);
    expect(out.threads.v8?.count).toBeGreaterThanOrEqual(1);
    expect(out.threads.later).toBeUndefined();
    expect(out.gc.minor?.count).toBeGreaterThan(0);
  });

  it('counts a Worker started after the preload as a later thread', () => {
    const code =
      "const { Worker } = require('node:worker_threads');" +
      "const w = new Worker('setTimeout(() => {}, 200)', { eval: true }); setTimeout(() => process.exit(0), 100);";
    const { out } = runWith(code);
    expect(out.threads.later?.count).toBeGreaterThanOrEqual(1);
    expect(out.threads.main?.count).toBe(1);
  });
});
