#!/usr/bin/env node
/**
 * Bench section for the key manager: encrypt / decrypt / random throughput, comparing a PKCS#11
 * token (SoftHSM, started here in a temp dir), the software backend and raw node:crypto, in one run,
 * printed as ratios to raw node:crypto.
 *
 *   node bench/keys.mjs [--json] [--seconds 1] [--size 1024]
 *
 * Runs against the built package (dist/); run `npm run build` first. When SoftHSM is not installed
 * the token rows say so instead of silently disappearing.
 */
import { createCipheriv, createDecipheriv, randomBytes as nodeRandomBytes } from 'node:crypto';
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
const SECONDS = argVal('--seconds', 1);
const SIZE = argVal('--size', 1024);
const CONCURRENCY = 8;

if (!existsSync(DIST)) {
  console.error(`bench/keys.mjs: ${DIST} not found; run "npm run build" first`);
  process.exit(2);
}
const keys = await import(DIST);
// configureRandomSource lives in the testing entry point (it redirects randomness process-wide).
const { configureRandomSource } = await import(DIST.replace(/index\.js$/, 'testing.js'));

/** Runs `op` (async, `batch` in flight) until `seconds` pass; returns ops/s. */
async function measure(op, batch = 1) {
  // warm-up
  for (let i = 0; i < 50; i++) await op(i);
  let n = 0;
  const t0 = process.hrtime.bigint();
  const end = t0 + BigInt(Math.round(SECONDS * 1e9));
  while (process.hrtime.bigint() < end) {
    if (batch === 1) await op(n);
    else await Promise.all(Array.from({ length: batch }, (_, j) => op(n + j)));
    n += batch;
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  return n / secs;
}

const tmp = mkdtempSync(join(tmpdir(), 'kh-bench-'));
const rows = [];
const add = (op, subject, opsPerSec, note = '') => rows.push({ op, subject, opsPerSec, note });
try {
  const plaintext = nodeRandomBytes(SIZE);
  // --- raw node:crypto: AES-256-GCM with one key and a random IV per message (no envelope, no header)
  const rawKey = nodeRandomBytes(32);
  const rawEnc = () => {
    const iv = nodeRandomBytes(12);
    const c = createCipheriv('aes-256-gcm', rawKey, iv);
    return Buffer.concat([iv, c.update(plaintext), c.final(), c.getAuthTag()]);
  };
  const rawCt = rawEnc();
  const rawDec = () => {
    const d = createDecipheriv('aes-256-gcm', rawKey, rawCt.subarray(0, 12));
    d.setAuthTag(rawCt.subarray(rawCt.length - 16));
    return Buffer.concat([d.update(rawCt.subarray(12, rawCt.length - 16)), d.final()]);
  };
  add('encrypt', 'node:crypto raw', await measure(async () => rawEnc()));
  add('decrypt', 'node:crypto raw', await measure(async () => rawDec()));
  add('random32', 'node:crypto raw', await measure(async () => nodeRandomBytes(32)));

  // --- software backend keyring
  const sw = await keys.openKeyring({
    path: join(tmp, 'sw'),
    backend: { type: 'software', passphrase: `bench-only-${process.pid}` },
    create: true,
  });
  const swCt = await sw.encrypt(plaintext);
  add('encrypt', 'software keyring', await measure(() => sw.encrypt(plaintext)), 'envelope: DEK + 2x GCM');
  add('decrypt', 'software keyring', await measure(() => sw.decrypt(swCt)));
  add('encrypt', `software keyring x${CONCURRENCY}`, await measure(() => sw.encrypt(plaintext), CONCURRENCY));
  configureRandomSource(null);
  add('random32', 'keyhygiene randomBytes (node)', await measure(async () => keys.randomBytes(32)));
  await sw.close();

  // --- PKCS#11 token keyring (SoftHSM)
  const hsm = startSoftHsm(tmp, 'kh-bench');
  if (hsm.error) {
    for (const op of ['encrypt', 'decrypt', 'random32']) add(op, 'token keyring', NaN, `unavailable: ${hsm.error}`);
  } else {
    const tk = await keys.openKeyring({
      path: join(tmp, 'hw'),
      backend: { ...hsm.backend, sessions: CONCURRENCY },
      create: true,
    });
    const tkCt = await tk.encrypt(plaintext);
    add(
      'encrypt',
      'token keyring (SoftHSM)',
      await measure(() => tk.encrypt(plaintext)),
      'DEK wrapped by C_Encrypt in the token',
    );
    add('decrypt', 'token keyring (SoftHSM)', await measure(() => tk.decrypt(tkCt)));
    add(
      'encrypt',
      `token keyring (SoftHSM) x${CONCURRENCY}`,
      await measure(() => tk.encrypt(plaintext), CONCURRENCY),
      'session pool',
    );
    configureRandomSource(tk.randomSource);
    add('random32', 'keyhygiene randomBytes (C_GenerateRandom)', await measure(async () => keys.randomBytes(32)));
    configureRandomSource(null);
    await tk.close();
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const base = Object.fromEntries(rows.filter((r) => r.subject === 'node:crypto raw').map((r) => [r.op, r.opsPerSec]));
for (const r of rows) r.ratio = Number.isFinite(r.opsPerSec) ? r.opsPerSec / base[r.op] : NaN;

if (json) {
  console.log(
    JSON.stringify({ section: 'keys', seconds: SECONDS, messageBytes: SIZE, node: process.version, rows }, null, 2),
  );
} else {
  const fmt = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
  console.log(
    `keys: encrypt/decrypt of ${SIZE}-byte messages and 32-byte random, ${SECONDS}s per case, ratio = ops/s ÷ raw node:crypto`,
  );
  console.log(`${'op'.padEnd(9)} ${'subject'.padEnd(44)} ${'ops/s'.padStart(10)} ${'ratio'.padStart(8)}  note`);
  for (const r of rows) {
    console.log(
      `${r.op.padEnd(9)} ${r.subject.padEnd(44)} ${fmt(r.opsPerSec).padStart(10)} ${(Number.isFinite(r.ratio) ? `${r.ratio.toFixed(2)}x` : 'n/a').padStart(8)}  ${r.note}`,
    );
  }
}
