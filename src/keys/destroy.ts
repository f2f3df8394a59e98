import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { KeyhygieneError } from './errors.js';
import { fsyncDir } from './fsutil.js';

export interface DestructionStep {
  step: string;
  ok: boolean;
  detail: string;
}

/**
 * What a destruction did, named honestly. `method`:
 * - `crypto-erase`: the key (or the key wrapping the stored bytes) was destroyed inside a token;
 *   NIST SP 800-88 Rev. 1 §2.6 "Cryptographic Erase" — remaining ciphertext is useless.
 * - `logical-overwrite`: the record was removed from a file store and the store rewritten. This is
 *   at most SP 800-88 "Clear" for the live file; earlier copies may survive on the medium.
 * - `overwrite-and-unlink`: a stray key file was overwritten in place, synced and unlinked (`destroyKeyFile`).
 */
export interface DestructionReport {
  target: 'key-version' | 'file';
  subject: string;
  method: 'crypto-erase' | 'logical-overwrite' | 'overwrite-and-unlink';
  backend?: 'software' | 'pkcs11';
  hardware: boolean;
  /** True when every verification step passed. */
  verified: boolean;
  steps: DestructionStep[];
  /** The limits of the method, from NIST SP 800-88 Rev. 1; always present, never empty. */
  limits: string;
  completedAt: string;
}

export const LIMITS_FILE_OVERWRITE =
  'NIST SP 800-88 Rev. 1 (§2.5, Table A-8): overwriting a file through the file system is not a purge. ' +
  'Journaling and copy-on-write file systems (ext4 data=journal, btrfs, ZFS, APFS), snapshots, backups and ' +
  'SSD/flash wear levelling can keep earlier copies that no file-level overwrite reaches; only media sanitisation ' +
  '(block erase, cryptographic erase of the whole device, or destruction) removes them.';

export const LIMITS_CRYPTO_ERASE =
  'NIST SP 800-88 Rev. 1 §2.6 (Cryptographic Erase): the key was destroyed inside the token, so every stored ' +
  'ciphertext and wrapped copy under it is unreadable. It relies on the token really deleting its object store ' +
  'entry (SoftHSM unlinks the object file; the file is itself encrypted under the token key) and on no copy of the ' +
  'key having existed outside the token (CKA_NEVER_EXTRACTABLE was verified at generation).';

/**
 * Destroys a stray key file: overwrite in place with random bytes, fsync, rename to a random name
 * (so the directory entry no longer names the key), fsync the directory, unlink, fsync, and verify.
 * Refuses symbolic links and non-regular files.
 * @throws {TypeError} when path is not a string.
 * @throws {KeyhygieneError} E_NOT_FOUND when the file does not exist; E_PERMISSIONS for a link or non-file.
 */
export async function destroyKeyFile(path: string): Promise<DestructionReport> {
  if (typeof path !== 'string' || path === '') throw new TypeError('path must be a non-empty string');
  const steps: DestructionStep[] = [];
  let st;
  try {
    st = await lstat(path);
  } catch {
    throw new KeyhygieneError('E_NOT_FOUND', `no file at ${path}`);
  }
  if (st.isSymbolicLink())
    throw new KeyhygieneError('E_PERMISSIONS', `${path} is a symbolic link; destroy its target instead`);
  if (!st.isFile()) throw new KeyhygieneError('E_PERMISSIONS', `${path} is not a regular file`);
  if (st.nlink > 1)
    steps.push({
      step: 'links',
      ok: false,
      detail: `file has ${st.nlink} hard links; other names keep the inode alive`,
    });
  const size = st.size;
  // Keep a short sample of the original content to prove the overwrite reached the file. It is wiped below.
  const sample = Buffer.alloc(Math.min(size, 64));
  // O_NOFOLLOW, then the descriptor must be the inode lstat saw: a symlink or another file swapped in
  // between the check and the open is refused instead of overwritten.
  let fd;
  try {
    fd = await open(path, constants.O_RDWR | constants.O_NOFOLLOW);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK')
      throw new KeyhygieneError('E_PERMISSIONS', `${path} is a symbolic link; destroy its target instead`);
    throw e;
  }
  try {
    const fst = await fd.stat();
    if (fst.ino !== st.ino || fst.dev !== st.dev || !fst.isFile())
      throw new KeyhygieneError('E_PERMISSIONS', `${path} changed between the check and the open; refused`);
    if (sample.length > 0) await fd.read(sample, 0, sample.length, 0);
    const chunk = Buffer.alloc(Math.min(size, 1 << 20));
    let written = 0;
    while (written < size) {
      const n = Math.min(chunk.length, size - written);
      nodeRandomBytes(n).copy(chunk, 0);
      await fd.write(chunk, 0, n, written);
      written += n;
    }
    await fd.sync();
    chunk.fill(0);
    steps.push({
      step: 'overwrite',
      ok: true,
      detail: `${size} bytes overwritten in place with random data and fsynced`,
    });
    const check = Buffer.alloc(sample.length);
    if (check.length > 0) await fd.read(check, 0, check.length, 0);
    const changed = sample.length === 0 || !check.equals(sample);
    check.fill(0);
    steps.push({
      step: 'read-back',
      ok: changed,
      detail: changed ? 'original bytes no longer readable at the start of the file' : 'file still reads as before',
    });
  } finally {
    await fd.close();
  }
  const dir = dirname(path);
  const aside = join(dir, `.destroyed-${nodeRandomBytes(8).toString('hex')}`);
  await rename(path, aside);
  await fsyncDir(dir);
  await unlink(aside);
  await fsyncDir(dir);
  steps.push({ step: 'unlink', ok: true, detail: `renamed to a random name, unlinked, directory fsynced` });
  let gone = true;
  try {
    await lstat(path);
    gone = false;
  } catch {
    // expected: the file is gone
  }
  let asideGone = true;
  try {
    await lstat(aside);
    asideGone = false;
  } catch {
    // expected
  }
  steps.push({
    step: 'verify',
    ok: gone && asideGone,
    detail: gone && asideGone ? `${basename(path)} no longer exists` : 'file still exists',
  });
  sample.fill(0);
  return {
    target: 'file',
    subject: path,
    method: 'overwrite-and-unlink',
    hardware: false,
    verified: steps.every((s) => s.ok),
    steps,
    limits: LIMITS_FILE_OVERWRITE,
    completedAt: new Date().toISOString(),
  };
}

/** Scans every regular file in `dir` for any of `needles` (raw bytes). Returns the names that contain one. */
export async function scanDir(dir: string, needles: Buffer[]): Promise<string[]> {
  const hits: string[] = [];
  const live = needles.filter((n) => n.length >= 8);
  if (live.length === 0) return hits;
  for (const name of await readdir(dir)) {
    const p = join(dir, name);
    const st = await lstat(p).catch(() => null);
    if (!st?.isFile()) continue;
    const data = await readFile(p).catch(() => null);
    if (!data) continue;
    if (live.some((n) => data.includes(n))) hits.push(name);
  }
  return hits;
}
