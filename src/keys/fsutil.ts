import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open as fsOpen, rename as fsRename, stat, unlink as fsUnlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { KeyhygieneError } from './errors.js';

/**
 * The file operations that write the store. Internal, and replaceable only from tests
 * (`setStoreFsForTesting`), so a full disk (ENOSPC) or a failing rename can be injected to prove that a
 * failed write leaves the previous store intact. Not exported from `keyhygiene/keys`.
 */
export interface StoreFs {
  open: typeof fsOpen;
  rename: typeof fsRename;
  unlink: typeof fsUnlink;
}

const realFs: StoreFs = { open: fsOpen, rename: fsRename, unlink: fsUnlink };
let storeFs: StoreFs = realFs;

/** Test seam: replace some store file operations; `undefined` restores the real ones. */
export function setStoreFsForTesting(ops: Partial<StoreFs> | undefined): void {
  storeFs = ops ? { ...realFs, ...ops } : realFs;
}

const open: typeof fsOpen = (...args) => storeFs.open(...args);
const rename: typeof fsRename = (...args) => storeFs.rename(...args);
const unlink: typeof fsUnlink = (...args) => storeFs.unlink(...args);

/** fsync a directory so that a rename or unlink in it survives power loss (POSIX rename(2) is atomic, not durable). */
export async function fsyncDir(dir: string): Promise<void> {
  const fd = await open(dir, constants.O_RDONLY | (constants.O_DIRECTORY ?? 0));
  try {
    await fd.sync();
  } finally {
    await fd.close();
  }
}

/**
 * Writes `data` to `path` atomically and durably: temp file (O_EXCL, 0600) in the same directory,
 * write, fsync, rename over the target, fsync the directory. A reader (or a process killed at any
 * point) sees either the old file or the new one, never a mix.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.tmp-${process.pid}-${nodeRandomBytes(6).toString('hex')}`);
  const fd = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  try {
    await fd.writeFile(data);
    await fd.sync();
  } catch (e) {
    await fd.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await fd.close();
  try {
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await fsyncDir(dir);
}

/** Appends `line` and fsyncs (O_APPEND: concurrent appenders never interleave within one write). */
export async function appendDurable(path: string, line: string): Promise<void> {
  const fd = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND, 0o600);
  try {
    await fd.write(line);
    await fd.sync();
  } finally {
    await fd.close();
  }
}

/**
 * Refuses a keystore path that others can read or that is not ours: group/other permission bits on
 * the directory or a file, a symlink, or another owner.
 * @throws {KeyhygieneError} E_PERMISSIONS
 */
export async function checkPrivate(path: string, kind: 'dir' | 'file'): Promise<void> {
  const st = await lstat(path);
  if (st.isSymbolicLink()) throw new KeyhygieneError('E_PERMISSIONS', `${path} is a symbolic link; refused`);
  if (kind === 'dir' ? !st.isDirectory() : !st.isFile())
    throw new KeyhygieneError('E_PERMISSIONS', `${path} is not a ${kind === 'dir' ? 'directory' : 'regular file'}`);
  if ((st.mode & 0o077) !== 0) {
    const mode = (st.mode & 0o777).toString(8);
    throw new KeyhygieneError(
      'E_PERMISSIONS',
      `${path} has mode ${mode}; the keystore must not be accessible to group or others ` +
        `(chmod ${kind === 'dir' ? '700' : '600'})`,
    );
  }
  if (typeof process.getuid === 'function' && st.uid !== process.getuid()) {
    throw new KeyhygieneError('E_PERMISSIONS', `${path} is owned by uid ${st.uid}, not by this user`);
  }
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
