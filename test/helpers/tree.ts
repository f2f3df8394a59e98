/**
 * Writes a small project tree (path → text) into a fresh temporary directory, for audits run end to end on
 * trees written in a test. The caller removes the directory.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AuditResult } from '../../src/report/types.js';
import { audit } from '../../src/scanner/index.js';

/** @returns the directory the tree was written to. */
export async function writeTree(prefix: string, files: Readonly<Record<string, string>>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), text);
  }
  return dir;
}

/**
 * Writes `files` and audits the tree twice, with the fixture policy's defaults and with `includeFixtures`.
 * @returns the directory (for the caller to remove) and both results.
 */
export async function auditTree(
  prefix: string,
  files: Readonly<Record<string, string>>,
): Promise<{ dir: string; result: AuditResult; listed: AuditResult }> {
  const dir = await writeTree(prefix, files);
  const result = await audit({ root: dir, workers: 1 });
  const listed = await audit({ root: dir, workers: 1, includeFixtures: true });
  return { dir, result, listed };
}
