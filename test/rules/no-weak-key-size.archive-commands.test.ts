/**
 * no-weak-key-size: archivers run from code that encrypt a ZIP with ZipCrypto (session 28, rec12b, class M12, the
 * command-line half; catalogue `keyCommands.zipCrypto`). Info-ZIP `zip -e`/`-P` has no other scheme; 7-Zip uses
 * ZipCrypto for a ZIP given a password unless an AES method is named (`-mem=AES256`). Read through the existing
 * command reader (exec strings, spawn/execa argument arrays, a same-file wrapper's callers). Near misses: 7-Zip's
 * AES method, a `.7z` archive (always AES-256), a ZIP with no password.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-weak-key-size.js';
import { lintWith } from '../helpers/probe.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-weak-key-size (ZipCrypto archive commands)', rule, {
  valid: [
    {
      code: [
        "import { spawn, execSync } from 'node:child_process';",
        'export function pack(dir: string, out: string, password: string) {',
        "  spawn('7z', ['a', '-tzip', `-p${password}`, '-mem=AES256', `${out}.zip`, dir]);",
        "  spawn('7z', ['a', `-p${password}`, '-mhe=on', `${out}.7z`, dir]);",
        '  execSync(`zip -r ${out}.zip ${dir}`);',
        '}',
      ].join('\n'),
      filename: 'src/export/pack.ts',
    },
  ],
  invalid: [
    {
      code: [
        "import { spawn, exec } from 'node:child_process';",
        "import { execa } from 'execa';",
        'function sevenZip(args: string[]) {',
        "  return spawn('7z', args);",
        '}',
        'export async function exportAll(dir: string, out: string, password: string) {',
        "  await sevenZip(['a', '-tzip', `-p${password}`, '-mem=ZipCrypto', out, dir]);",
        "  await execa('7za', ['a', `${out}.zip`, `-p${password}`, dir]);",
        '  exec(`zip -r -P ${password} ${out}.zip ${dir}`);',
        '}',
      ].join('\n'),
      filename: 'src/export/archive.ts',
      errors: [
        { messageId: 'weakCipher', line: 7, column: 50, endLine: 7, endColumn: 66 },
        { messageId: 'weakCipher', line: 8, column: 42, endLine: 8, endColumn: 57 },
        { messageId: 'weakCipher', line: 9, column: 8, endLine: 9, endColumn: 49 },
      ],
    },
  ],
});

describe('no-weak-key-size: a 7-Zip password written into the command', () => {
  it('is reported by its flag, never with the password in the message', () => {
    const password = ['orchid', 'lantern', '42'].join('-');
    const code = [
      "import { execSync } from 'node:child_process';",
      `export const pack = () => execSync('7z a -tzip -p${password} out.zip ./data');`,
    ].join('\n');
    const messages = lintWith(rule, code, 'src/export/pack.ts');
    expect(messages.map((m) => [m.line, m.messageId])).toEqual([[2, 'weakCipher']]);
    expect(messages[0]!.message).toContain("'-p'");
    expect(messages[0]!.message).not.toContain(password);
  });
});
