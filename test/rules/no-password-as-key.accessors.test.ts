/**
 * no-password-as-key: a password handed over by a CALL (issue 11, session 27, flow11). The flow engine's password
 * walk (src/rule-kit/flow/engine.ts `accessedPassword`) reads what a call is asked for or called: an accessor given
 * the setting's name (`requireEnv('…_PASSWORD')`, `getSecret('smtp-pass')`, `readFileSync('/run/secrets/…_password')`),
 * a getter named for the password (`masterPassword()`, `await loadPassphrase()`), also through a zero-argument wrapper
 * defined in the file. Near misses: a call that MAKES something from a password or a new one (`hashPassword(pw)`,
 * `generatePassword()`), a translation key, a prompt's text, an accessor asked for a password's length.
 */
import rule from '../../rules/no-password-as-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-password-as-key (passwords handed over by a call)', rule, {
  valid: [
    // valid: a generated password, a password's hash helper and a verifier are not the password a getter returns
    {
      code: [
        "import { createCipheriv, createHash, randomBytes } from 'node:crypto';",
        "import { generatePassword, hashPassword } from './pw-tools';",
        'export function sealA(plain: string, pw: string) {',
        '  const key = hashPassword(pw);',
        "  return createCipheriv('aes-256-gcm', key, randomBytes(12)).update(plain);",
        '}',
        'export function sealB(plain: string) {',
        "  const key = createHash('sha256').update(generatePassword()).digest();",
        "  return createCipheriv('aes-256-gcm', key, randomBytes(12)).update(plain);",
        '}',
      ].join('\n'),
      filename: 'src/box/makers.ts',
    },
    // valid: an accessor asked for something about a password (its policy, its length), a translation, a prompt
    {
      code: [
        "import { createCipheriv, createHash, randomBytes } from 'node:crypto';",
        "import { getSetting, t, ask } from './ui';",
        'export function sealC(plain: string) {',
        "  const k1 = createHash('sha256').update(String(getSetting('password_min_length'))).digest();",
        "  const k2 = createHash('sha256').update(t('login.password')).digest();",
        "  const k3 = createHash('sha256').update(ask('Enter the password')).digest();",
        "  createCipheriv('aes-256-gcm', k2, randomBytes(12));",
        "  createCipheriv('aes-256-gcm', k3, randomBytes(12));",
        "  return createCipheriv('aes-256-gcm', k1, randomBytes(12)).update(plain);",
        '}',
      ].join('\n'),
      filename: 'src/box/about.ts',
    },
    // valid: a helper given the PIN makes the key by a means the walk cannot read; an imported stretcher given it
    {
      code: [
        "import { createCipheriv, randomBytes } from 'node:crypto';",
        "import { digestText } from 'some-digest-lib';",
        "import { stretchPassphrase } from './stretch';",
        'async function keyFromPin(pin: string): Promise<Buffer> {',
        "  return Buffer.from(await digestText('SHA-256', pin), 'hex');",
        '}',
        'export async function sealE(plain: string, pin: string, passphrase: string) {',
        "  createCipheriv('aes-256-gcm', stretchPassphrase(passphrase), randomBytes(12));",
        "  return createCipheriv('aes-256-gcm', await keyFromPin(pin), randomBytes(12)).update(plain);",
        '}',
      ].join('\n'),
      filename: 'src/box/opaque.ts',
    },
    // valid: the password a getter returns goes through scrypt with a random salt
    {
      code: [
        "import { createCipheriv, randomBytes, scryptSync } from 'node:crypto';",
        "import { requireEnv } from '@corp/env';",
        'export function sealD(plain: string) {',
        '  const salt = randomBytes(16);',
        "  const key = scryptSync(requireEnv('ARCHIVE_PASSWORD'), salt, 32, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 });",
        "  return createCipheriv('aes-256-gcm', key, randomBytes(12)).update(plain);",
        '}',
      ].join('\n'),
      filename: 'src/box/kdf-ok.ts',
    },
  ],
  invalid: [
    // an imported accessor given the setting's name, directly and through a zero-argument wrapper in the file
    {
      code: [
        "import { createCipheriv, createHash, randomBytes } from 'node:crypto';",
        "import { requireEnv } from '@corp/env';",
        "const ADMIN_VAULT_PASSWORD = () => requireEnv('ADMIN_VAULT_PASSWORD');",
        'export function sealA(plain: string) {',
        "  const key = createHash('sha256').update(ADMIN_VAULT_PASSWORD()).digest();",
        "  return createCipheriv('aes-256-cbc', key, randomBytes(16)).update(plain);",
        '}',
        'export function sealB(plain: string) {',
        "  const key = createHash('sha256').update(requireEnv('BACKUP_PASSPHRASE')).digest();",
        "  return createCipheriv('aes-256-cbc', key, randomBytes(16)).update(plain);",
        '}',
      ].join('\n'),
      filename: 'src/box/env.ts',
      errors: [
        { messageId: 'hashedPassword', line: 5, column: 15, endLine: 5, endColumn: 75 },
        { messageId: 'hashedPassword', line: 9, column: 15, endLine: 9, endColumn: 84 },
      ],
    },
    // a secret manager's accessor (kebab-case name), a file read from a path that names the passphrase
    {
      code: [
        "import CryptoJS from 'crypto-js';",
        "import { readFileSync } from 'node:fs';",
        "import { secrets } from './sm';",
        'export async function sealC(note: string) {',
        "  return CryptoJS.AES.encrypt(note, await secrets.accessSecret('notes-master-password')).toString();",
        '}',
        'export function sealD(note: string) {',
        "  return CryptoJS.AES.encrypt(note, readFileSync('/run/secrets/notes_passphrase', 'utf8')).toString();",
        '}',
      ].join('\n'),
      filename: 'src/box/manager.ts',
      errors: [
        { messageId: 'passwordAsKey', line: 5, column: 37, endLine: 5, endColumn: 88 },
        { messageId: 'passwordAsKey', line: 8, column: 37, endLine: 8, endColumn: 90 },
      ],
    },
    // a getter named for the password: an async one in the file (reads a keychain), an imported one on an object
    {
      code: [
        "import { createDecipheriv, createHash } from 'node:crypto';",
        "import keytar from 'keytar';",
        "import { vault } from './vault';",
        'async function loadPassphrase(): Promise<string> {',
        "  return (await keytar.getPassword('signer', 'default')) ?? '';",
        '}',
        'export async function openA(blob: Buffer) {',
        "  const kek = createHash('sha256').update(await loadPassphrase()).digest();",
        "  return createDecipheriv('aes-256-cbc', kek, blob.subarray(0, 16)).update(blob.subarray(16));",
        '}',
        'export function openB(blob: Buffer) {',
        "  const kek = createHash('sha256').update(vault.masterPassword()).digest();",
        "  return createDecipheriv('aes-256-cbc', kek, blob.subarray(0, 16)).update(blob.subarray(16));",
        '}',
      ].join('\n'),
      filename: 'src/box/getters.ts',
      errors: [
        { messageId: 'hashedPassword', line: 8, column: 15, endLine: 8, endColumn: 75 },
        { messageId: 'hashedPassword', line: 12, column: 15, endLine: 12, endColumn: 75 },
      ],
    },
  ],
});
