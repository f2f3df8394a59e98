/**
 * A file replaced whole: written beside the target under a name of its own, then renamed over it (a rename in one
 * folder is atomic on POSIX file systems). A reader never sees half a file, an interrupted write leaves the old
 * file in place and no temporary one, and a target that is a hard link to another file gets a new file instead of
 * rewriting the other name. Used for reports (src/cli/report-file.ts), baselines and the audit cache; it lives in
 * the scanner because the scanner may not import from src/cli, while the CLI may import from here.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

let written = 0;

/**
 * Writes `data` to `file` through a temporary file beside it, creating the missing folders.
 * @throws the file system's error (its `code` kept) when a folder cannot be made or the file cannot be written or
 * renamed; the temporary file is removed first.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  // The pid and a counter: two processes, or two writes of one process, never share a temporary name.
  const tmp = `${file}.${process.pid}.${written++}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}
