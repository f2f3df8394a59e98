/** Shared test setup: a temp dir, and backend option factories for both backends. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackendOptions } from '../../../src/keys/index.js';
import type { SoftHsm } from './softhsm.js';

/** Test-only passphrase, generated per process; not a real secret. */
export const TEST_PASSPHRASE = `test-only-passphrase-${process.pid}`;

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `kh-${prefix}-`));
}

export function softwareBackend(): BackendOptions {
  return { type: 'software', passphrase: TEST_PASSPHRASE };
}

export function pkcs11Backend(h: SoftHsm): BackendOptions {
  return h.backend();
}

/** A fingerprint of every file in a directory (names, modes and contents), to prove "unchanged". */
export function dirFingerprint(dir: string): string {
  const h = createHash('sha256');
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (!st.isFile()) continue;
    h.update(name).update(String(st.mode)).update(readFileSync(p));
  }
  return h.digest('hex');
}

/** True when any file in `dir` contains `needle`. */
export function dirContains(dir: string, needle: Buffer): string[] {
  return readdirSync(dir).filter((name) => {
    const p = join(dir, name);
    return statSync(p).isFile() && readFileSync(p).includes(needle);
  });
}
