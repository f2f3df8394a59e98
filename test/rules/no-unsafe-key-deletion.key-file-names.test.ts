/**
 * no-unsafe-key-deletion, session 26 (branch rule10alg, issue 11), class D2: key files removed without an overwrite
 * when the path's name is the only evidence, in shapes the dev10alg corpus showed: Kerberos keytabs, PKCS#8 and data-key
 * files, OpenSSH files named for their key type (`partner_ed25519`), retired copies (`.old`, `.bak`), a key written
 * as PEM text under a `…Pem` name (the directory that held it removed), and file names picked by a key-extension
 * test (`files.filter((f) => f.endsWith('.key'))`, `if (f.endsWith('.pem'))`). Near misses: public halves, other
 * extensions tested, documents named for an algorithm.
 */
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-unsafe-key-deletion (key file names)', rule, {
  valid: [
    {
      code: "const fs = require('fs');\nconst path = require('path');\nfunction tidy(dir) {\n  for (const f of fs.readdirSync(dir)) {\n    if (f.endsWith('.log')) fs.unlinkSync(path.join(dir, f));\n  }\n  fs.unlinkSync(path.join(dir, 'partner_ed25519.pub'));\n  fs.unlinkSync('docs/rsa.md');\n}\nmodule.exports = { tidy };\n",
      filename: 'src/tidy.js',
    },
    {
      code: "import { readdir, rm } from 'node:fs/promises';\nimport { join } from 'node:path';\nexport async function clearCsv(dir: string) {\n  const files = (await readdir(dir)).filter((f) => f.endsWith('.csv'));\n  for (const f of files) await rm(join(dir, f));\n}\n",
      filename: 'src/clear-csv.ts',
    },
  ],
  invalid: [
    {
      code: "const fs = require('fs');\nconst path = require('path');\nasync function withKeytab(dir, principal, keys, fn) {\n  const file = path.join(dir, 'http.keytab');\n  fs.writeFileSync(file, encodeKeytab(principal, keys), { mode: 0o600 });\n  try {\n    return await fn(file);\n  } finally {\n    fs.unlinkSync(file);\n  }\n}\nfunction dropScratch() {\n  fs.unlinkSync('/var/tmp/batch-7.dek');\n  fs.unlinkSync('/home/svc/.cache/deploy_rsa.bak');\n}\nmodule.exports = { withKeytab, dropScratch };\n",
      filename: 'src/keytab.cjs',
      errors: [
        { messageId: 'keyFileDeleted', line: 9, column: 5, endLine: 9, endColumn: 24 },
        { messageId: 'keyFileDeleted', line: 13, column: 3, endLine: 13, endColumn: 40 },
        { messageId: 'keyFileDeleted', line: 14, column: 3, endLine: 14, endColumn: 51 },
      ],
    },
    {
      code: "import { mkdtemp, writeFile, rm } from 'node:fs/promises';\nimport { join } from 'node:path';\nexport async function withClientKey(clientKeyPem: string, run: (p: string) => Promise<void>) {\n  const dir = await mkdtemp('/tmp/sftp-');\n  const keyPath = join(dir, 'client');\n  await writeFile(keyPath, clientKeyPem, { mode: 0o600 });\n  try {\n    await run(keyPath);\n  } finally {\n    await rm(dir, { recursive: true, force: true });\n  }\n}\n",
      filename: 'src/with-client-key.ts',
      errors: [{ messageId: 'keyFileDeleted', line: 10, column: 11, endLine: 10, endColumn: 52 }],
    },
    {
      code: "import { readdir, rm } from 'node:fs/promises';\nimport { readdirSync, unlinkSync } from 'node:fs';\nimport { join } from 'node:path';\nexport async function removeBackups(dir: string) {\n  const backups = (await readdir(dir)).filter((f) => f.endsWith('.p12') || f.endsWith('.txt'));\n  for (const b of backups) await rm(join(dir, b));\n}\nexport function purge(dir: string) {\n  for (const name of readdirSync(dir)) {\n    if (name.endsWith('.key')) unlinkSync(`${dir}/${name}`);\n  }\n}\n",
      filename: 'src/backups.ts',
      errors: [
        { messageId: 'keyFileDeleted', line: 6, column: 34, endLine: 6, endColumn: 50 },
        { messageId: 'keyFileDeleted', line: 10, column: 32, endLine: 10, endColumn: 60 },
      ],
    },
  ],
});
