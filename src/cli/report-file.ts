/**
 * Report files are replaced whole: written beside the target and renamed over it. A reader (a CI step, a bench
 * scoring the previous run) never sees half a report, an interrupted run leaves the old report in place, and a
 * report path that is a hard link to another file gets a new file instead of rewriting the other one.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function writeReportFile(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, text);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}
