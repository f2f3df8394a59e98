/**
 * no-logged-key: an owner-only key file in the temp directory that the same code removes after handing it to another
 * program (issue 11, session 28, rec12a). Signing and encryption tools take a key by path (`cosign sign-blob --key`,
 * `gpg --import`, `openssl … -inkey`, `ssh -i`), so code writes the key to a temp file readable by its owner only,
 * runs the tool and removes the file in `finally`: the copy lives as long as the call that needs it, and whether
 * its removal leaves the bytes behind is no-unsafe-key-deletion's question (src/rule-kit/file-writes.ts
 * `removedAfterUse`). Near misses that stay reported: a temp copy left behind (returned), a temp copy readable by
 * everyone even though it is removed, a removal of another path, a module-level path removed by another function, a `remove`/`delete` that is no file
 * deletion.
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-logged-key (a scratch key file removed after use)', rule, {
  valid: [
    {
      code: [
        "import { writeFileSync, unlinkSync } from 'node:fs';",
        "import { execFileSync } from 'node:child_process';",
        "import { tmpdir } from 'node:os';",
        "import { join } from 'node:path';",
        'export function signBlob(id: string, signingKeyPem: string, digest: string) {',
        '  const keyPath = join(tmpdir(), `sign-${id}.pem`);',
        '  writeFileSync(keyPath, signingKeyPem, { mode: 0o600 });',
        '  try {',
        "    execFileSync('cosign', ['sign-blob', '--key', keyPath, digest]);",
        '  } finally {',
        '    unlinkSync(keyPath);',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/release/sign.ts',
    },
    {
      code: [
        "import { writeFile, rm } from 'node:fs/promises';",
        "import fse from 'fs-extra';",
        "import { execa } from 'execa';",
        'export async function importKey(privateKey: string, deployKey: string) {',
        "  const file = '/tmp/import.key';",
        '  await writeFile(file, privateKey, { mode: 0o600 });',
        "  await execa('gpg', ['--batch', '--import', file]);",
        '  await rm(file, { force: true });',
        "  const sshKey = '/tmp/deploy_id_ed25519';",
        '  await writeFile(sshKey, deployKey, { mode: 0o400 });',
        "  await execa('ssh', ['-i', sshKey, 'deploy@example.test', 'true']);",
        '  await fse.remove(sshKey);',
        '}',
      ].join('\n'),
      filename: 'src/ops/import.ts',
    },
  ],
  invalid: [
    {
      // a module-level cache path removed by another function: the copy outlives the call that writes it
      code: [
        "import { writeFileSync, unlinkSync } from 'node:fs';",
        "import { randomBytes } from 'node:crypto';",
        "const CACHE = '/tmp/worker-session.key';",
        'export function cache(): Buffer {',
        '  const sessionKey = randomBytes(32);',
        '  writeFileSync(CACHE, sessionKey, { mode: 0o600 });',
        '  return sessionKey;',
        '}',
        'export function drop(): void {',
        '  unlinkSync(CACHE);',
        '}',
      ].join('\n'),
      filename: 'src/worker/cache.ts',
      errors: [{ messageId: 'keyInFile', line: 6, column: 24, endLine: 6, endColumn: 34 }],
    },
    {
      // left behind in the temp directory: returned, not removed
      code: [
        "import { writeFileSync } from 'node:fs';",
        "import { tmpdir } from 'node:os';",
        "import { join } from 'node:path';",
        'export function stage(id: string, privateKey: string): string {',
        '  const keyPath = join(tmpdir(), `stage-${id}.key`);',
        '  writeFileSync(keyPath, privateKey, { mode: 0o600 });',
        '  return keyPath;',
        '}',
      ].join('\n'),
      filename: 'src/ops/stage.ts',
      errors: [{ messageId: 'keyInFile', line: 6, column: 26, endLine: 6, endColumn: 36 }],
    },
    {
      // removed, but readable by everyone while it exists; another path removed
      code: [
        "import { writeFileSync, unlinkSync } from 'node:fs';",
        'export function run(privateKey: string, other: string) {',
        "  const keyPath = '/tmp/run.key';",
        '  writeFileSync(keyPath, privateKey);',
        '  unlinkSync(keyPath);',
        "  const second = '/tmp/second.key';",
        '  writeFileSync(second, privateKey, { mode: 0o600 });',
        '  unlinkSync(other);',
        '}',
      ].join('\n'),
      filename: 'src/ops/run.ts',
      errors: [
        { messageId: 'keyInFile', line: 4, column: 26, endLine: 4, endColumn: 36 },
        { messageId: 'keyInFile', line: 7, column: 25, endLine: 7, endColumn: 35 },
      ],
    },
    {
      // a call named like a removal that is no file deletion (a cache entry, a set member): the file stays behind
      code: [
        "import { writeFileSync } from 'node:fs';",
        "import { LRUCache } from 'lru-cache';",
        'const seen = new LRUCache<string, boolean>({ max: 100 });',
        'export function keep(privateKey: string) {',
        "  const keyPath = '/tmp/keep.key';",
        '  writeFileSync(keyPath, privateKey, { mode: 0o600 });',
        '  seen.delete(keyPath);',
        '  registry.remove(keyPath);',
        '}',
      ].join('\n'),
      filename: 'src/ops/keep.ts',
      errors: [{ messageId: 'keyInFile', line: 6, column: 26, endLine: 6, endColumn: 36 }],
    },
  ],
});
