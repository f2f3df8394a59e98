/**
 * no-unsafe-key-deletion (session 25, branch rule9del), key files known by what the file does with them:
 * - a directory removed whole that holds a key file this file writes or loads (`rm(dir, { recursive: true })`
 *   after `writeFile(join(dir, 'key.pem'), pem)`; also `join(root, 'staging')`, `\`${dir}/…\``, `dir + '/…'`);
 * - a file whose content the file wipes elsewhere (`writeFileSync(p, root)` … `root.fill(0)`), or whose content is
 *   a key or a key pair's bytes serialised (`JSON.stringify(Array.from(payerKeypair))`);
 * - `rm` run from code: `execSync(\`rm -f ${keyFile}\`)`, `exec('rm -f ' + p)`, `spawnSync('rm', ['-f', p])`;
 * - Tauri's fs plugin `remove`/`removeFile` (a deletion API the catalogue lacked).
 * Near misses: directories of other files, a written value nothing wipes, `shred`, `rm` of build output, public
 * halves.
 */
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-unsafe-key-deletion (key files by what is written)', rule, {
  valid: [
    {
      // a report directory: nothing in it is a key
      code: [
        "import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';",
        "import { join } from 'node:path';",
        'export function exportCsv(rows: string[]): string {',
        "  const dir = mkdtempSync('/tmp/report-');",
        "  writeFileSync(join(dir, 'report.csv'), rows.join('\\n'));",
        '  rmSync(dir, { recursive: true, force: true });',
        "  return 'ok';",
        '}',
      ].join('\n'),
      filename: 'src/report.ts',
    },
    {
      // bytes written and removed, never wiped and not named as a key
      code: [
        "import fs from 'node:fs';",
        'export function roundTrip(out: string, body: Buffer): void {',
        '  fs.writeFileSync(out, body);',
        '  fs.unlinkSync(out);',
        '}',
      ].join('\n'),
      filename: 'src/round-trip.ts',
    },
    {
      // shred overwrites; rm of build output and of a public half
      code: [
        "import { execSync, execFileSync } from 'node:child_process';",
        'export function clean(keyPath: string, buildDir: string): void {',
        '  execSync(`shred -u ${keyPath}`);',
        '  execSync(`rm -rf ${buildDir}`);',
        "  execFileSync('rm', ['-f', 'deploy_key.pub']);",
        '}',
      ].join('\n'),
      filename: 'scripts/clean.ts',
    },
    {
      // the key file is destroyed first; the directory is then empty of keys
      code: [
        "import { rm, writeFile } from 'node:fs/promises';",
        "import { join } from 'node:path';",
        "import { destroyKeyFile } from 'keyhygiene/keys';",
        'export async function withKey(dir: string, pem: string): Promise<void> {',
        "  const file = join(dir, 'signing.pem');",
        '  await writeFile(file, pem);',
        '  await destroyKeyFile(file);',
        '}',
        'export async function cleanup(logs: string): Promise<void> {',
        '  await rm(logs, { recursive: true });',
        '}',
      ].join('\n'),
      filename: 'src/with-key.ts',
    },
  ],
  invalid: [
    {
      // a Tauri app removes its key file through the fs plugin (no destroyKeyFile in a webview: no suggestion)
      code: [
        "import { appDataDir, join } from '@tauri-apps/api/path';",
        "import { remove, removeFile } from '@tauri-apps/plugin-fs';",
        'export async function forgetDevice(): Promise<void> {',
        "  const deviceKeyPath = await join(await appDataDir(), 'device.key');",
        '  await remove(deviceKeyPath);',
        "  await removeFile('profile/session.pem');",
        '}',
      ].join('\n'),
      filename: 'src/lib/device.ts',
      errors: [
        { messageId: 'keyFileDeleted', line: 5, column: 9, endLine: 5, endColumn: 30 },
        { messageId: 'keyFileDeleted', line: 6, column: 9, endLine: 6, endColumn: 42 },
      ],
    },
    {
      // an SSH identity staged in a temp directory, removed with the directory
      code: [
        "import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';",
        "import { join } from 'node:path';",
        'export function withIdentity(identity: string, run: (p: string) => void): void {',
        "  const tmp = mkdtempSync('/tmp/git-ssh-');",
        "  const keyPath = join(tmp, 'id_ed25519');",
        '  writeFileSync(keyPath, identity, { mode: 0o600 });',
        '  try {',
        '    run(keyPath);',
        '  } finally {',
        '    rmSync(tmp, { recursive: true, force: true });',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/git-ssh.ts',
      errors: [{ messageId: 'keyFileDeleted', line: 10, column: 5, endLine: 10, endColumn: 50 }],
    },
    {
      // a staging sub-directory of a store, and a template path under a stage directory
      code: [
        "const fse = require('fs-extra');",
        "const path = require('path');",
        'class Staging {',
        '  constructor(root) { this.root = root; }',
        '  async stage(id, wrapped) {',
        "    await fse.writeFile(path.join(this.root, 'incoming', `${id}.key`), wrapped);",
        '  }',
        '  async flush() {',
        "    await fse.remove(path.join(this.root, 'incoming'));",
        '  }',
        '}',
        'async function pack(stage, pem) {',
        '  await fse.writeFile(`${stage}/wallet.pem`, pem);',
        '  await fse.remove(stage);',
        '}',
        'module.exports = { Staging, pack };',
      ].join('\n'),
      filename: 'lib/staging.js',
      errors: [
        { messageId: 'keyFileDeleted', line: 9, column: 11, endLine: 9, endColumn: 55 },
        { messageId: 'keyFileDeleted', line: 14, column: 9, endLine: 14, endColumn: 26 },
      ],
    },
    {
      // unsealed bytes written for a tool to import, wiped later: the file held a key
      code: [
        "import crypto from 'node:crypto';",
        "import fs from 'node:fs';",
        'export function importIntoHsm(out: string, sealed: Buffer, k: Buffer, load: (p: string) => void): void {',
        "  const d = crypto.createDecipheriv('aes-256-gcm', k, sealed.subarray(0, 12));",
        '  const blob = Buffer.concat([d.update(sealed.subarray(12)), d.final()]);',
        '  fs.writeFileSync(out, blob, { mode: 0o600 });',
        '  load(out);',
        '  fs.unlinkSync(out);',
        '  blob.fill(0);',
        '}',
      ].join('\n'),
      filename: 'tools/hsm-import.ts',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 21,
        },
      ],
    },
    {
      // a key pair's bytes serialised for a CLI, then unlinked
      code: [
        "import { writeFile, unlink } from 'node:fs/promises';",
        'export async function withPayer(payerKeypair: Uint8Array, file: string): Promise<void> {',
        '  await writeFile(file, JSON.stringify(Array.from(payerKeypair)));',
        '  await unlink(file);',
        '}',
      ].join('\n'),
      filename: 'src/payer.ts',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'useDestroyKeyFile',
              output: [
                "import { writeFile, unlink } from 'node:fs/promises';",
                "import { destroyKeyFile } from 'keyhygiene/keys';",
                'export async function withPayer(payerKeypair: Uint8Array, file: string): Promise<void> {',
                '  await writeFile(file, JSON.stringify(Array.from(payerKeypair)));',
                '  await destroyKeyFile(file);',
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // rm run through a shell or a process runner
      code: [
        "const { execSync, exec, spawnSync } = require('child_process');",
        "const fs = require('fs');",
        'function cleanup(tlsKeyPath, tmpKey, secretKey) {',
        "  fs.writeFileSync(tmpKey, Buffer.from(secretKey, 'base64'));",
        '  execSync(`rm -f "${tlsKeyPath}"`);',
        "  exec('cd /tmp && rm -f ' + tmpKey);",
        "  spawnSync('rm', ['-f', '/etc/app/signing.key']);",
        '}',
        'module.exports = { cleanup };',
      ].join('\n'),
      filename: 'scripts/cleanup.js',
      errors: [
        { messageId: 'keyFileDeleted', line: 5, column: 3, endLine: 5, endColumn: 36 },
        { messageId: 'keyFileDeleted', line: 6, column: 3, endLine: 6, endColumn: 37 },
        { messageId: 'keyFileDeleted', line: 7, column: 3, endLine: 7, endColumn: 50 },
      ],
    },
  ],
});
