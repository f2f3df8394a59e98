/**
 * no-logged-key on classes the earlier blind corpora showed we missed (issue 11, session 20), each written
 * from how public code writes it, with near misses that must stay silent.
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-logged-key (key stores)', rule, {
  valid: [
    {
      // a raw data key written owner-only to its own key file (as `openssl rand -out master.key 32`)
      code: "import fs from 'node:fs';\nimport path from 'node:path';\nimport crypto from 'node:crypto';\nexport function initMasterKey(dataDir: string): void {\n  const file = path.join(dataDir, 'master.key');\n  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32), { mode: 0o600 });\n}\n",
      filename: 'src/master-key.ts',
    },
    {
      // a re-keying job writing the next key beside the current one, base64, read-only for its owner
      code: "import { writeFile } from 'node:fs/promises';\nimport { randomBytes } from 'node:crypto';\nexport async function stageNextKey(keysDir: string): Promise<Buffer> {\n  const next = randomBytes(32);\n  await writeFile(`${keysDir}/next.key`, next.toString('base64'), { mode: 0o400 });\n  return next;\n}\n",
      filename: 'src/jobs/stage-key.ts',
    },
    {
      // fs-extra outputFile with an octal mode string
      code: "import fse from 'fs-extra';\nimport { generateKeySync } from 'node:crypto';\nexport async function createHmacKey(dir: string) {\n  const hmacKey = generateKeySync('hmac', { length: 256 }).export();\n  await fse.outputFile(`${dir}/webhook-hmac.key`, hmacKey, { mode: '600' });\n}\n",
      filename: 'src/hmac-key.ts',
    },
  ],
  invalid: [
    {
      // near miss: the same key file, world-readable
      code: "import fs from 'node:fs';\nimport crypto from 'node:crypto';\nexport function initMasterKey(file: string): void {\n  const masterKey = crypto.randomBytes(32);\n  fs.writeFileSync('config/master.key', masterKey, { mode: 0o644 });\n}\n",
      filename: 'src/master-key.ts',
      errors: [{ messageId: 'keyInFile', line: 5, column: 41, endLine: 5, endColumn: 50, suggestions: [] }],
    },
    {
      // near miss: owner-only, but a log file, not a key file
      code: "import { appendFileSync } from 'node:fs';\nimport { randomBytes } from 'node:crypto';\nexport function issue(): Buffer {\n  const sessionKey = randomBytes(32);\n  appendFileSync('/var/log/app/keys.log', sessionKey.toString('hex'), { mode: 0o600 });\n  return sessionKey;\n}\n",
      filename: 'src/issue.ts',
      errors: [{ messageId: 'keyInFile', line: 5, column: 43, endLine: 5, endColumn: 69, suggestions: [] }],
    },
    {
      // near miss: owner-only, but a scratch copy in the temp directory
      code: "import { writeFileSync } from 'node:fs';\nimport { tmpdir } from 'node:os';\nimport { join } from 'node:path';\nimport { randomBytes } from 'node:crypto';\nexport function scratch(id: string): string {\n  const file = join(tmpdir(), `export-${id}.key`);\n  const key = randomBytes(32);\n  writeFileSync(file, key, { mode: 0o600 });\n  return file;\n}\n",
      filename: 'src/scratch.ts',
      errors: [{ messageId: 'keyInFile', line: 8, column: 23, endLine: 8, endColumn: 26, suggestions: [] }],
    },
  ],
});
