import { linkSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReportFile } from '../../src/cli/report-file.js';

describe('writeReportFile', () => {
  it('replaces a report that is a hard link without rewriting the other name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-report-'));
    const shared = join(dir, 'shared.json');
    const report = join(dir, 'report.json');
    writeFileSync(shared, '{"run":"other"}\n');
    linkSync(shared, report);
    await writeReportFile(report, '{"run":"this"}\n');
    expect(readFileSync(report, 'utf8')).toBe('{"run":"this"}\n');
    expect(readFileSync(shared, 'utf8')).toBe('{"run":"other"}\n');
    expect(readdirSync(dir).sort()).toEqual(['report.json', 'shared.json']);
  });

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
