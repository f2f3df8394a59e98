/**
 * no-logged-key: credentials written owner-only to the file a program reads them from (issue 11, session 31, lk15).
 * A CLI keeps its login in `~/.<tool>/credentials.json` or `tokens.json`, certbot's DNS plugins take the provider's
 * API token only from a credentials file, libpq reads `.pgpass` and curl `.netrc`: such a file, readable by its owner
 * only, is the credential's store (as a key's own key file is), not a plaintext copy (catalogue
 * `credentialStoreFile`, src/rule-kit/file-writes.ts). Near misses that stay reported: the same store readable by
 * others (no mode, 0o644), a credentials file in the temp directory, a log or dump written owner-only, a seed phrase
 * written out in plaintext, and a path whose name says nothing (`${name}.json`).
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-logged-key (credential store files written owner-only)', rule, {
  valid: [
    {
      code: [
        "import fs from 'node:fs';",
        'export function prepareDnsChallenge(cert: { id: number; meta: { provider_credentials: string } }) {',
        '  const location = `/etc/acme/credentials/credentials-${cert.id}`;',
        "  fs.mkdirSync('/etc/acme/credentials', { recursive: true });",
        '  fs.writeFileSync(location, cert.meta.provider_credentials, { mode: 0o600 });',
        '}',
      ].join('\n'),
      filename: 'src/certs/dns.ts',
    },
    {
      code: [
        "import { writeFile, mkdir } from 'node:fs/promises';",
        "import { homedir } from 'node:os';",
        "import { join } from 'node:path';",
        "const TOKENS = join(homedir(), '.acme-cli', 'tokens.json');",
        'export async function saveLogin(accessToken: string, refreshToken: string) {',
        "  await mkdir(join(homedir(), '.acme-cli'), { recursive: true, mode: 0o700 });",
        '  await writeFile(TOKENS, JSON.stringify({ accessToken, refreshToken }), { mode: 0o600 });',
        '}',
      ].join('\n'),
      filename: 'src/cli/login.ts',
    },
    {
      code: [
        "const fs = require('fs');",
        "const path = require('path');",
        'function writeNetrc(home, host, login, password) {',
        "  fs.writeFileSync(path.join(home, '.netrc'), `machine ${host} login ${login} password ${password}\\n`, {",
        "    mode: '600',",
        '  });',
        '}',
        'function writePgpass(home, dbPassword) {',
        "  fs.writeFileSync(path.join(home, '.pgpass'), `db:5432:app:app:${dbPassword}`, { mode: 0o600, flag: 'wx' });",
        '}',
        'module.exports = { writeNetrc, writePgpass };',
      ].join('\n'),
      filename: 'lib/setup.js',
    },
    {
      code: [
        "import { promises as fs } from 'node:fs';",
        'export async function storeCredentials(dir: string, credentials: { apiKey: string; apiSecret: string }) {',
        '  await fs.writeFile(`${dir}/credentials.json`, JSON.stringify(credentials), { mode: 0o600 });',
        '}',
      ].join('\n'),
      filename: 'src/store.ts',
    },
  ],
  invalid: [
    {
      // the same store readable by others: no mode, or 0o644
      code: [
        "import fs from 'node:fs';",
        "import { join } from 'node:path';",
        'export function save(dir: string, apiToken: string, clientSecret: string) {',
        "  fs.writeFileSync(join(dir, 'credentials.json'), JSON.stringify({ apiToken }));",
        "  fs.writeFileSync(join(dir, 'tokens.json'), clientSecret, { mode: 0o644 });",
        '}',
      ].join('\n'),
      filename: 'src/save.ts',
      errors: [
        { messageId: 'keyInFile', line: 4, column: 68, endLine: 4, endColumn: 76 },
        { messageId: 'keyInFile', line: 5, column: 46, endLine: 5, endColumn: 58 },
      ],
    },
    {
      // owner-only, but a scratch copy in the temp directory, a log, a dump, or a name that says nothing
      code: [
        "import fs from 'node:fs';",
        "import { join } from 'node:path';",
        'export function keep(dir: string, name: string, apiKey: string, password: string, secret: string) {',
        "  fs.writeFileSync('/tmp/credentials.json', apiKey, { mode: 0o600 });",
        "  fs.appendFileSync(join(dir, 'app.log'), `login with password ${password}`, { mode: 0o600 });",
        "  fs.writeFileSync(join(dir, 'dump.json'), JSON.stringify({ secret }), { mode: 0o600 });",
        '  fs.writeFileSync(join(dir, `${name}.json`), apiKey, { mode: 0o600 });',
        '}',
      ].join('\n'),
      filename: 'src/keep.ts',
      errors: [
        { messageId: 'keyInFile', line: 4, column: 45, endLine: 4, endColumn: 51 },
        { messageId: 'keyInFile', line: 5, column: 66, endLine: 5, endColumn: 74 },
        { messageId: 'keyInFile', line: 6, column: 61, endLine: 6, endColumn: 67 },
        { messageId: 'keyInFile', line: 7, column: 47, endLine: 7, endColumn: 53 },
      ],
    },
    {
      // a seed phrase in plaintext is no credential store, whatever its mode
      code: [
        "import fs from 'node:fs';",
        "import { generateMnemonic } from 'bip39';",
        'export function backup(dir: string) {',
        '  const mnemonic = generateMnemonic();',
        '  fs.writeFileSync(`${dir}/seed-phrase.txt`, mnemonic, { mode: 0o600 });',
        '}',
      ].join('\n'),
      filename: 'src/wallet/backup.ts',
      errors: [{ messageId: 'keyInFile', line: 5, column: 46, endLine: 5, endColumn: 54 }],
    },
  ],
});
