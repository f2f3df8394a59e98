/**
 * Report files are replaced whole (src/scanner/atomic-write.ts): a reader (a CI step, a bench scoring the previous
 * run) never sees half a report, an interrupted run leaves the old report in place, and a report path that is a
 * hard link to another file gets a new file instead of rewriting the other one.
 */
import { writeFileAtomic } from '../scanner/atomic-write.js';

/** @throws the file system's error when the report cannot be written; the old report is left as it was. */
export async function writeReportFile(file: string, text: string): Promise<void> {
  await writeFileAtomic(file, text);
}
