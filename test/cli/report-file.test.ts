import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReportFile } from '../../src/cli/report-file.js';

describe('writeReportFile', () => {
  // Written through the scanner's atomic write: its test (test/scanner/atomic-write.test.ts) covers hard links.
  it('creates missing folders, and leaves the old report and no temporary file when the write fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-report-'));
    const nested = join(dir, 'a', 'b', 'report.sarif');
    await writeReportFile(nested, 'first');
    expect(readFileSync(nested, 'utf8')).toBe('first');
    // A folder where the report should go: the rename fails, nothing half-written is left behind.
    const blocked = join(dir, 'a');
    await expect(writeReportFile(blocked, 'second')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['a']);
    expect(readFileSync(nested, 'utf8')).toBe('first');
  });
});
