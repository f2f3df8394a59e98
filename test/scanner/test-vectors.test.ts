/**
 * Published test vectors (docs/audit.md, "Test vectors, slot words and listen settings"): a data file named for its vectors (`nip44.vectors.json`,
 * `test_vectors.txt`) or under a `test-vectors/` directory is test data under the fixture policy, end to end on a
 * tree written here. Near misses stay reported: the same shape in a config file, a file whose name only starts with
 * "vector", and a provider-issued token inside a vectors file.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/report/types.js';
import { auditTree, FAKE_GITHUB_TOKEN as GITHUB_TOKEN } from '../helpers/tree.js';

// Fixed, made-up 32-byte hex values (no randomness: each must be found every run).
const HEX_A = '9e4b2a7d1c8f3e6b5a0d9c2f8e1b4a7d3c6f0e9b2a5d8c1f4e7b0a3d6c9f2e5b';
const HEX_B = '3f8a1c6e9b2d5f0a7c4e1b8d3a6f9c2e5b0d7a4c1f8e3b6d9a2c5f0e7b4d1a8c';
const HEX_C = 'b7e2d9a4f1c6b3e8d5a2f7c4b1e6d3a8f5c2b9e4d1a6f3c8b5e2d7a4f1c6b3e9';
const HEX_D = '5c0f7a2e9d4b1c8f6a3e0d7b4c1f9a6e3d0b8c5f2a9e6d3b0c7f4a1e8d5b2c9f';

const vectorFile = (hex: string): string =>
  JSON.stringify({ v2: { valid: [{ conversation_key: 'n/a', hmac_key: hex, plaintext: 'a' }] } }, null, 2) + '\n';

describe('test-vector data files are test fixtures', () => {
  let dir: string;
  let result: AuditResult;
  let listed: AuditResult;
  beforeAll(async () => {
    ({ dir, result, listed } = await auditTree('kh-vectors-', {
      'nip44.vectors.json': vectorFile(HEX_A),
      'crypto/test-vectors/hkdf.json': vectorFile(HEX_B),
      // near misses: the same shape in a config file and in a file named only like "vector"
      'config/keys.json': vectorFile(HEX_C),
      'config/vectorstore.json': vectorFile(HEX_D),
      // a provider-issued token is reported wherever it is, a vectors file too
      'vectors.json': JSON.stringify({ github: { token: GITHUB_TOKEN } }, null, 2) + '\n',
    }));
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('withholds the vectors files and keeps the near misses and the provider-issued token reported', () => {
    const files = result.findings.map((f) => f.location.file).sort();
    expect(files).toEqual(['config/keys.json', 'config/vectorstore.json', 'vectors.json']);
    expect(result.withheld).toEqual({ testFixtures: 2, examples: 0 });
  });

  it('lists the vectors files as test fixtures with --include-fixtures', () => {
    const marked = listed.findings
      .filter((f) => f.fixture !== undefined)
      .map((f) => [f.location.file, f.fixture])
      .sort();
    expect(marked).toEqual([
      ['crypto/test-vectors/hkdf.json', 'test-fixture'],
      ['nip44.vectors.json', 'test-fixture'],
    ]);
  });
});
