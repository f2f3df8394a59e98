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
async function writeTree(prefix: string, files: Readonly<Record<string, string>>): Promise<string> {
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

/** A private-key block with a made-up body (the shape is all the detectors read). */
export const FAKE_EC_PEM = [
  '-----BEGIN EC PRIVATE KEY-----',
  'MHcCAQEEIFakeFAKEfake0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH9jK2lM4nP6qR8sT0uV2wX4yZ6aB8cD',
  '-----END EC PRIVATE KEY-----',
  '',
].join('\n');

/** A made-up GitHub classic token whose CRC-32 tail is valid, so it reads as provider-issued. */
export const FAKE_GITHUB_TOKEN = ['ghp', 'fAkEDStvTS0xaAGbJSvTpdKRDfUEKX2CAiUZ'].join('_');
