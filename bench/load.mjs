#!/usr/bin/env node
/**
 * Bench section: sustained load on the key manager. Many async callers (default 64) encrypt and
 * decrypt for a bounded time (default 10 s per backend) against a SoftHSM token (started here in a
 * temp dir) and the software backend. Prints throughput, p50/p99 latency, errors (must be 0) and RSS
 * at start and end (memory must stay flat), as a table. Exits 1 on any error.
 *
 *   node bench/load.mjs [--json] [--load-seconds 10] [--callers 64] [--size 1024]
 *
 * Runs against the built package (dist/); `npm run bench` builds first.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSoftHsm } from './lib/softhsm.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist/src/keys/index.js');
const args = process.argv.slice(2);
const json = args.includes('--json');
const argVal = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : dflt;
};
const SECONDS = argVal('--load-seconds', Number(process.env.KH_LOAD_SECONDS) || 10);
const CALLERS = argVal('--callers', 64);
const SIZE = argVal('--size', 1024);

if (!existsSync(DIST)) {
  console.error(`bench/load.mjs: ${DIST} not found; run "npm run build" first`);
  process.exit(2);
}
const { openKeyring } = await import(DIST);
const tmp = mkdtempSync(join(tmpdir(), 'kh-load-'));

/** A SoftHSM token in `dir` (bench-only PIN, random per run). */

const mb = (b) => Math.round(b / 1024 / 1024);

/** CALLERS async loops, each encrypt → decrypt → compare, until the deadline. */
class Histogram {
  #buckets = new Float64Array(2048);
  #n = 0;
  static #base = Math.log(1.02);
  add(ms) {
    const i = Math.min(2047, Math.max(0, Math.floor(Math.log(Math.max(ms, 0.001) * 1000) / Histogram.#base)));
    this.#buckets[i]++;
    this.#n++;
  }
  /** The upper bound of the bucket holding the p-th percentile, in ms. */
  pct(p) {
    let seen = 0;
    const want = (p / 100) * this.#n;
    for (let i = 0; i < this.#buckets.length; i++) {
      seen += this.#buckets[i];
      if (seen >= want) return Math.exp((i + 1) * Histogram.#base) / 1000;
    }
    return NaN;
  }
}

async function load(name, backend) {
  const k = await openKeyring({ path: join(tmp, name), backend, create: true, rotation: false });
  const payload = randomBytes(SIZE);
  // Warm-up, then a GC so the start RSS is a fair baseline.
  for (let i = 0; i < 50; i++) await k.decrypt(await k.encrypt(payload, 'warm'), 'warm');
  globalThis.gc?.();
  const rssStart = process.memoryUsage().rss;
  // A fixed log-bucket histogram (2% resolution), so the measurement itself does not grow the heap.
  const latencies = new Histogram();
  let rssMid;
  const mid = setTimeout(
    () => {
      globalThis.gc?.();
      rssMid = process.memoryUsage().rss;
    },
    (SECONDS * 1000) / 2,
  );
  let ops = 0;
  let errors = 0;
  const firstErrors = [];
  const t0 = performance.now();
  const deadline = t0 + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CALLERS }, async (_, c) => {
      while (performance.now() < deadline) {
        const s = performance.now();
        try {
          const ctx = `caller-${c}`;
          const pt = await k.decrypt(await k.encrypt(payload, ctx), ctx);
          if (!pt.equals(payload)) throw new Error('round trip mismatch');
          ops++;
        } catch (e) {
          errors++;
          if (firstErrors.length < 3) firstErrors.push(e instanceof Error ? e.message : String(e));
        }
        latencies.add(performance.now() - s);
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  clearTimeout(mid);
  globalThis.gc?.();
  const rssEnd = process.memoryUsage().rss;
  await k.close();
  return {
    backend: name,
    callers: CALLERS,
    seconds: Math.round(secs * 10) / 10,
    roundTrips: ops,
    perSecond: Math.round(ops / secs),
    p50ms: Math.round(latencies.pct(50) * 100) / 100,
    p99ms: Math.round(latencies.pct(99) * 100) / 100,
    errors,
    rssStartMB: mb(rssStart),
    rssMidMB: mb(rssMid ?? rssEnd),
    rssEndMB: mb(rssEnd),
    firstErrors,
  };
}

const rows = [];
try {
  const hsm = startSoftHsm(join(tmp, 'hsm'), 'kh-load', { sessions: 8 });
  if (hsm.error) rows.push({ backend: 'pkcs11 (SoftHSM)', error: hsm.error });
  else rows.push(await load('pkcs11 (SoftHSM)', hsm.backend));
  rows.push(await load('software', { type: 'software', passphrase: `bench-only-${randomBytes(8).toString('hex')}` }));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

if (json) console.log(JSON.stringify({ seconds: SECONDS, callers: CALLERS, size: SIZE, rows }, null, 2));
else {
  console.log(
    `Key manager under load: ${CALLERS} async callers, ${SIZE}-byte messages, encrypt+decrypt round trips for ${SECONDS} s per backend (node ${process.version})\n`,
  );
  console.log(
    '| Backend | Round trips/s | p50 ms | p99 ms | Errors | RSS start → mid → end (MB, after GC with --expose-gc) |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  for (const r of rows) {
    if (r.error) console.log(`| ${r.backend} | not run: ${r.error} | | | | |`);
    else
      console.log(
        `| ${r.backend} | ${r.perSecond} | ${r.p50ms} | ${r.p99ms} | ${r.errors} | ${r.rssStartMB} → ${r.rssMidMB} → ${r.rssEndMB} |`,
      );
  }
  for (const r of rows) if (r.firstErrors?.length) console.log(`\n${r.backend} errors: ${r.firstErrors.join(' | ')}`);
}
process.exit(rows.some((r) => r.error || r.errors > 0) ? 1 : 0);
