/**
 * no-logged-key: a binding that holds a file's path where it is printed (issue 11, session 32, lk16). A function that
 * hands a value to the file system as a path (an existence or metadata check, a read, `path.resolve`) before it
 * prints it, and does not assign it again in between, prints the path, not the file's content: a Docker secret mount
 * named in "file cannot be found", a CLI's secret option that is still the file name the user typed, a key file that
 * does not exist (src/rule-kit/path-values.ts, catalogue `pathArguments`). Near misses that stay reported: the
 * binding re-assigned from the file before the print, printed before the path use, checked by a helper of another
 * function, or passed to a call that takes no path.
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-logged-key (paths under secret names)', rule, {
  valid: [
    {
      code: [
        "import { access, readFile } from 'node:fs/promises';",
        "import path from 'node:path';",
        'export async function secretInput(secret: string, fromFile: boolean): Promise<string> {',
        '  if (fromFile) {',
        '    const full = path.resolve(secret);',
        '    try {',
        '      await access(full);',
        '    } catch {',
        '      throw new Error(`File "${secret}" does not exist`);',
        '    }',
        "    secret = await readFile(full, 'utf8');",
        '  }',
        '  return secret;',
        '}',
      ].join('\n'),
      filename: 'src/cli/secret-input.ts',
    },
    {
      code: [
        "import fs from 'fs-extra';",
        "const SALT_SECRET_KEY = 'app-salt-secret';",
        'export function mountedSalt(): string {',
        '  const secretKeyFile = `/run/secrets/${SALT_SECRET_KEY}`;',
        '  if (!fs.pathExistsSync(secretKeyFile)) {',
        '    throw new Error(`Secret is attached but its file cannot be found: ${secretKeyFile}`);',
        '  }',
        "  return fs.readFileSync(secretKeyFile, 'utf8');",
        '}',
      ].join('\n'),
      filename: 'src/system/salt.ts',
    },
    {
      code: [
        "import * as fs from 'node:fs';",
        'export function loadSigningKey(signingKey: string, logger: { error(m: string, v: unknown): void }): Buffer | undefined {',
        '  try {',
        '    fs.statSync(signingKey);',
        '  } catch {',
        "    logger.error('signing key not found:', signingKey);",
        '    return undefined;',
        '  }',
        '  return fs.readFileSync(signingKey);',
        '}',
      ].join('\n'),
      filename: 'src/signing/load.ts',
    },
    {
      code: [
        "const fs = require('fs');",
        "const path = require('path');",
        'module.exports = function apiSecretFile(dir) {',
        "  const apiSecret = path.join(dir, 'api.secret');",
        '  if (!fs.existsSync(apiSecret)) {',
        "    console.error('api secret missing:', apiSecret);",
        '    process.exit(1);',
        '  }',
        "  return fs.readFileSync(apiSecret, 'utf8');",
        '};',
      ].join('\n'),
      filename: 'server/api-secret.js',
    },
  ],
  invalid: [
    {
      code: [
        "import fs from 'node:fs';",
        'export function readBack(apiKey: string): string {',
        "  if (fs.existsSync(apiKey)) apiKey = fs.readFileSync(apiKey, 'utf8').trim();",
        '  console.log(`using api key ${apiKey}`);',
        '  return apiKey;',
        '}',
      ].join('\n'),
      filename: 'src/keys/read-back.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 4,
          column: 32,
          endLine: 4,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: [
                "import fs from 'node:fs';",
                'export function readBack(apiKey: string): string {',
                "  if (fs.existsSync(apiKey)) apiKey = fs.readFileSync(apiKey, 'utf8').trim();",
                '  console.log(`using api key [redacted]`);',
                '  return apiKey;',
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      code: [
        "import fs from 'node:fs';",
        'export function before(token: string): boolean {',
        '  console.log(`token ${token}`);',
        '  return fs.existsSync(token);',
        '}',
      ].join('\n'),
      filename: 'src/keys/before.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: [
                "import fs from 'node:fs';",
                'export function before(token: string): boolean {',
                '  console.log(`token [redacted]`);',
                '  return fs.existsSync(token);',
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      code: [
        "import fs from 'node:fs';",
        'function exists(p: string): boolean {',
        '  return fs.existsSync(p);',
        '}',
        'export function elsewhere(secret: string): void {',
        '  if (!exists(secret)) console.warn(`secret ${secret}`);',
        '}',
      ].join('\n'),
      filename: 'src/keys/elsewhere.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 6,
          column: 47,
          endLine: 6,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: [
                "import fs from 'node:fs';",
                'function exists(p: string): boolean {',
                '  return fs.existsSync(p);',
                '}',
                'export function elsewhere(secret: string): void {',
                '  if (!exists(secret)) console.warn(`secret [redacted]`);',
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      code: [
        "import path from 'node:path';",
        'export function show(privateKey: string): string {',
        "  console.log('private key', privateKey);",
        '  return path.extname(privateKey);',
        '}',
      ].join('\n'),
      filename: 'src/keys/not-a-path-call.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 3,
          column: 30,
          endLine: 3,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: [
                "import path from 'node:path';",
                'export function show(privateKey: string): string {',
                "  console.log('private key', '[redacted]');",
                '  return path.extname(privateKey);',
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // a key or the path of its file: printed when it was no file, so it is the key
      code: [
        "import fs from 'node:fs';",
        'export function keyFrom(privateKey: string): string {',
        "  if (fs.existsSync(privateKey)) return fs.readFileSync(privateKey, 'utf8');",
        "  console.warn('private key is no file, using it as given:', privateKey);",
        '  return privateKey;',
        '}',
      ].join('\n'),
      filename: 'src/keys/key-or-path.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 4,
          column: 62,
          endLine: 4,
          endColumn: 72,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: [
                "import fs from 'node:fs';",
                'export function keyFrom(privateKey: string): string {',
                "  if (fs.existsSync(privateKey)) return fs.readFileSync(privateKey, 'utf8');",
                "  console.warn('private key is no file, using it as given:', '[redacted]');",
                '  return privateKey;',
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
  ],
});
