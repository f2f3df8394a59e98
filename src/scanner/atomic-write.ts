/**
 * A file replaced whole: written beside the target under a name of its own, then renamed over it (a rename in one
 * folder is atomic on POSIX file systems). A reader never sees half a file, an interrupted write leaves the old
 * file in place and no temporary one, and a target that is a hard link to another file gets a new file instead of
 * rewriting the other name. Used for reports (src/cli/report-file.ts), baselines and the audit cache; it lives in
 * the scanner because the scanner may not import from src/cli, while the CLI may import from here.
 *
 * Only a regular file (or a path that does not exist yet) is replaced. A symbolic link is followed, so the file it
 * points at is replaced and the link stays a link. A target that exists and is not a regular file (`/dev/null`,
 * `/dev/stdout`, a FIFO a CI step reads, a socket) is written in place: renaming over it would put a regular file
 * where the device or pipe was — as root, `--format json=/dev/null` used to leave `/dev/null` a regular file that
 * every later reader of the null device (git among them) read text from.
 */
import { mkdir, readlink, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

let written = 0;

/** The path to write: a link's target (followed to the end, or one step when the chain ends in nothing). */
async function destination(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    try {
      return resolve(dirname(file), await readlink(file));
    } catch {
      return file;
    }
  }
}

/**
 * Writes `data` to `file` through a temporary file beside it, creating the missing folders; a target that exists and
 * is not a regular file is written in place (see the module comment).
 * @throws the file system's error (its `code` kept) when a folder cannot be made or the file cannot be written or
 * renamed; the temporary file is removed first.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const target = await destination(file);
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    await writeFile(target, data);
    return;
  }
  await mkdir(dirname(target), { recursive: true });
  // The pid and a counter: two processes, or two writes of one process, never share a temporary name.
  const tmp = `${target}.${process.pid}.${written++}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}
