/**
 * A retired or backup copy of a key file named in words (`tenant.key.previous`, `deploy_rsa.retired`,
 * `signing.pem.backup`) holds the same key as the file it copies (catalogue `keyFilePath`, session 37). Near misses:
 * the same suffixes on files that hold no key (`notes.previous`, `site.crt.backup`).
 */
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

const destroy = 'useDestroyKeyFile' as const;

ruleTester.run('no-unsafe-key-deletion (retired copies of key files)', rule, {
  valid: [
    {
      code: "import { promises as fs } from 'node:fs';\n\nexport async function retire(dir: string): Promise<void> {\n  await fs.unlink(`${dir}/notes.previous`);\n}\n",
      filename: 'src/notes/retire.ts',
    },
    {
      code: "import fs from 'node:fs';\n\nexport function dropOld(): void {\n  fs.rmSync('certs/site.crt.backup', { force: true });\n}\n",
      filename: 'src/certs/drop-old.ts',
    },
  ],
  invalid: [
    {
      code: "import { promises as fs } from 'node:fs';\n\nexport async function retire(tenant: string, dir: string): Promise<void> {\n  await fs.unlink(`${dir}/${tenant}.key.previous`);\n}\n",
      filename: 'src/sp/retire.ts',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 51,
          suggestions: [
            {
              messageId: destroy,
              output:
                "import { promises as fs } from 'node:fs';\nimport { destroyKeyFile } from 'keyhygiene/keys';\n\nexport async function retire(tenant: string, dir: string): Promise<void> {\n  await destroyKeyFile(`${dir}/${tenant}.key.previous`);\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import fs from 'node:fs';\n\nexport function dropRetired(): void {\n  fs.rmSync('ops/deploy_rsa.retired', { force: true });\n}\n",
      filename: 'src/ops/drop-retired.ts',
      errors: [{ messageId: 'keyFileDeleted', line: 4, column: 3, endLine: 4, endColumn: 55, suggestions: [] }],
    },
    {
      code: "import { unlink } from 'node:fs/promises';\n\nexport const clean = (base: string): Promise<void> => unlink(`${base}/signing.pem.backup`);\n",
      filename: 'src/release/clean.ts',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 3,
          column: 55,
          endLine: 3,
          endColumn: 91,
          suggestions: [
            {
              messageId: destroy,
              output:
                "import { unlink } from 'node:fs/promises';\nimport { destroyKeyFile } from 'keyhygiene/keys';\n\nexport const clean = (base: string): Promise<void> => destroyKeyFile(`${base}/signing.pem.backup`);\n",
            },
          ],
        },
      ],
    },
  ],
});
