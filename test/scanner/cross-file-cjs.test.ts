/**
 * CommonJS config modules read from another module, end to end (lint-pass summaries, the join, ts-morph): the
 * export table (src/rule-kit/flow/exports.ts) reads `module.exports = { … }` as its properties and, as
 * `default`, the whole object, also when the object is a top-level const or frozen. Every key is FAKE.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/scanner/index.js';

const HEX = '4f1c2a9be07d35c8a61f0b94d2e7c13a58b06fd9e24a7c1b3d85f60e92ab47cd'; // fake
/** A module that seals with the key a default-imported CommonJS config object holds. */
const VAULT = [
  "import crypto from 'node:crypto';",
  "import keys from '../config/keys.js';",
  'export function seal(plain) {',
  '  const iv = crypto.randomBytes(16);',
  "  const c = crypto.createCipheriv('aes-256-cbc', Buffer.from(keys.encryptionKey, 'hex'), iv);",
  '  return Buffer.concat([iv, c.update(plain), c.final()]);',
  '}',
].join('\n');
const temp: string[] = [];
afterAll(() => {
  for (const d of temp) rmSync(d, { recursive: true, force: true });
});

/** Writes `files` under a fresh directory, audits it with one worker, and lists the cross-file findings. */
async function crossFindings(files: Record<string, string>): Promise<string[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'kh-cjs-'));
  temp.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  const r = await audit({ root, workers: 1 });
  expect(JSON.stringify(r)).not.toContain(HEX);
  return r.findings
    .filter((f) => f.origin === 'cross-file')
    .map((f) => `${f.location.file}:${f.location.line} ${f.ruleId}`)
    .sort();
}

describe('CommonJS config modules across files', () => {
  it('follows a default import of a module.exports object literal to the key it holds', async () => {
    const found = await crossFindings({
      'config/keys.js': `module.exports = {\n  region: 'eu-west-1',\n  encryptionKey: '${HEX}',\n};\n`,
      'services/vault.mjs': VAULT,
    });
    expect(found).toEqual(['services/vault.mjs:5 keyhygiene/cross-file-hardcoded-key']);
  });

  it('follows a destructured require of a const object exported whole', async () => {
    const found = await crossFindings({
      'lib/settings.js': `const settings = {\n  webhookSigningKey: '${HEX}',\n  retries: 3,\n};\nmodule.exports = settings;\n`,
      'lib/signer.js': [
        "const { createHmac } = require('crypto');",
        "const { webhookSigningKey } = require('./settings');",
        'function sign(body) {',
        "  return createHmac('sha256', webhookSigningKey).update(body).digest('hex');",
        '}',
        'module.exports = { sign };',
      ].join('\n'),
    });
    expect(found).toEqual(['lib/signer.js:4 keyhygiene/cross-file-hardcoded-key']);
  });

  it('is silent when the exported object reads its key from the environment', async () => {
    const found = await crossFindings({
      'config/keys.js': 'module.exports = {\n  encryptionKey: process.env.ENCRYPTION_KEY,\n};\n',
      'services/vault.mjs': VAULT,
    });
    expect(found).toEqual([]);
  });
});
