/**
 * no-password-as-key: a passphrase, PIN or master password padded, cut or copied into a key-size buffer in the same
 * function as the cipher is reported where it is fitted (the line to change), not at the cipher call below. Variants
 * written from backup tools, mobile PIN boxes and browser vaults; the near misses fit a KDF's output or random
 * bytes, or pad a display name.
 */
import rule from '../../rules/no-password-as-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-password-as-key (fitted where written)', rule, {
  valid: [
    // valid: a passphrase through scrypt, then fitted; a random key copied into a buffer; a padded display name
    {
      code: "import { createCipheriv, randomBytes, scryptSync } from 'node:crypto';\n\nexport function sealWithPassphrase(passphrase: string, salt: Buffer, data: Buffer) {\n  const key = Buffer.alloc(32);\n  scryptSync(passphrase, salt, 32, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 }).copy(key);\n  return createCipheriv('aes-256-gcm', key, randomBytes(12)).update(data);\n}\nexport function sealWithRandom(data: Buffer) {\n  const key = Buffer.alloc(32);\n  randomBytes(32).copy(key);\n  return createCipheriv('aes-256-gcm', key, randomBytes(12)).update(data);\n}\nexport const label = (displayName: string) => displayName.padEnd(32, ' ').slice(0, 32);\n",
      filename: 'src/vault/ok-fit.ts',
    },
  ],
  invalid: [
    // a passphrase copied into a zeroed 32-byte buffer, the cipher two lines below
    {
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\n\nexport function encryptBackup(archive: Buffer, backupPassphrase: string) {\n  const key = Buffer.alloc(32, 0);\n  Buffer.from(backupPassphrase).copy(key);\n  const iv = randomBytes(16);\n  const cipher = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([iv, cipher.update(archive), cipher.final()]);\n}\n",
      filename: 'src/vault/backup.ts',
      errors: [
        {
          messageId: 'passwordAsKey',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 42,
        },
      ],
    },
    // a PIN padded to key length, then used by a decipher three lines below
    {
      code: "const crypto = require('crypto');\n\nfunction openBox(box, pin) {\n  const keyText = String(pin).padEnd(32, '#').slice(0, 32);\n  const iv = box.subarray(0, 16);\n  const body = box.subarray(16);\n  const decipher = crypto.createDecipheriv('aes-256-cbc', keyText, iv);\n  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');\n}\nmodule.exports = { openBox };\n",
      filename: 'src/mobile/pin-box.js',
      errors: [
        {
          messageId: 'passwordAsKey',
          line: 4,
          column: 19,
          endLine: 4,
          endColumn: 46,
        },
      ],
    },
    // a master password written into a typed array with set(), then imported as an AES key
    {
      code: "export async function masterKey(masterPassword: string): Promise<CryptoKey> {\n  const bytes = new Uint8Array(32);\n  bytes.set(new TextEncoder().encode(masterPassword).subarray(0, 32));\n  const usages: KeyUsage[] = ['encrypt', 'decrypt'];\n  return crypto.subtle.importKey('raw', bytes, { name: 'AES-GCM' }, false, usages);\n}\n",
      filename: 'src/web/master-key.ts',
      errors: [
        {
          messageId: 'passwordAsKey',
          line: 3,
          column: 13,
          endLine: 3,
          endColumn: 69,
        },
      ],
    },
  ],
});
