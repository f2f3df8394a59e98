/**
 * no-static-iv: an IV derived from the key is reported once, where it is made (session 30, wa14). An encrypt and
 * decrypt pair that cuts the IV from the key (`const iv = key.subarray(0, 16)`) or asks a helper for it
 * (`ivFor(key)`, a digest of the key) made one mistake, written in one place: it is reported at that binding or at
 * the helper's return, as constants and derived IVs already are, and not again at every cipher and decipher. A
 * decrypting call that derives the IV inline repeats its encrypting twin's mistake and is reported only when the
 * file has no such encrypting call (a reader of legacy data alone still is). Near misses: a random IV at
 * encryption with the IV read back from the message at decryption.
 */
import rule from '../../rules/no-static-iv.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-static-iv (IVs derived from the key, where they are made)', rule, {
  valid: [
    // valid: a fresh IV stored beside the ciphertext, read back to decrypt
    {
      code: [
        "import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';",
        'export function seal(key: Buffer, text: string): Buffer {',
        '  const iv = randomBytes(16);',
        "  const c = createCipheriv('aes-256-cbc', key, iv);",
        "  return Buffer.concat([iv, c.update(text, 'utf8'), c.final()]);",
        '}',
        'export function open(key: Buffer, box: Buffer): string {',
        "  const d = createDecipheriv('aes-256-cbc', key, box.subarray(0, 16));",
        "  return Buffer.concat([d.update(box.subarray(16)), d.final()]).toString('utf8');",
        '}',
      ].join('\n'),
      filename: 'src/vault/box.ts',
    },
  ],
  invalid: [
    // invalid: one binding cut from the key, read by the cipher and the decipher: one report, at the binding
    {
      code: [
        "import crypto from 'node:crypto';",
        'export function fieldCipher(secret: string) {',
        "  const key = crypto.createHash('sha256').update(secret).digest();",
        '  const iv = key.subarray(0, 16);',
        '  return {',
        "    enc: (v: string) => crypto.createCipheriv('aes-256-cbc', key, iv).update(v, 'utf8', 'hex'),",
        "    dec: (v: string) => crypto.createDecipheriv('aes-256-cbc', key, iv).update(v, 'hex', 'utf8'),",
        '  };',
        '}',
      ].join('\n'),
      filename: 'src/fields/cipher.ts',
      errors: [
        {
          messageId: 'ivFromKey',
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 33,
        },
      ],
    },
    // invalid: a helper that hashes the key into an IV, called by both directions: one report, at its return
    {
      code: [
        "import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';",
        'const TOKEN_KEY = Buffer.from(process.env.TOKEN_KEY ?? "", "base64");',
        'function tokenIv(key: Buffer): Buffer {',
        "  return createHash('md5').update(key).digest();",
        '}',
        'export function wrap(id: string): string {',
        "  const c = createCipheriv('aes-256-cbc', TOKEN_KEY, tokenIv(TOKEN_KEY));",
        "  return Buffer.concat([c.update(id, 'utf8'), c.final()]).toString('base64url');",
        '}',
        'export function unwrap(t: string): string {',
        "  const d = createDecipheriv('aes-256-cbc', TOKEN_KEY, tokenIv(TOKEN_KEY));",
        "  return Buffer.concat([d.update(Buffer.from(t, 'base64url')), d.final()]).toString('utf8');",
        '}',
      ].join('\n'),
      filename: 'src/tokens/wrap.ts',
      errors: [
        {
          messageId: 'ivFromKey',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'freshIv',
              output: [
                "import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';",
                'const TOKEN_KEY = Buffer.from(process.env.TOKEN_KEY ?? "", "base64");',
                'function tokenIv(key: Buffer): Buffer {',
                "  return createHash('md5').update(key).digest();",
                '}',
                'export function wrap(id: string): string {',
                '  const iv = randomBytes(16);',
                "  const c = createCipheriv('aes-256-cbc', TOKEN_KEY, iv);",
                "  return Buffer.concat([c.update(id, 'utf8'), c.final()]).toString('base64url');",
                '}',
                'export function unwrap(t: string): string {',
                "  const d = createDecipheriv('aes-256-cbc', TOKEN_KEY, tokenIv(TOKEN_KEY));",
                "  return Buffer.concat([d.update(Buffer.from(t, 'base64url')), d.final()]).toString('utf8');",
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    // invalid: key and IV split from one derivation, inline in both directions: the encrypting call only
    {
      code: [
        "import { createCipheriv, createDecipheriv, scryptSync } from 'node:crypto';",
        'export function seal(pass: string, userId: string, text: string): Buffer {',
        '  const m = scryptSync(pass, `user:${userId}`, 48);',
        "  const c = createCipheriv('aes-256-cbc', m.subarray(0, 32), m.subarray(32, 48));",
        "  return Buffer.concat([c.update(text, 'utf8'), c.final()]);",
        '}',
        'export function open(pass: string, userId: string, box: Buffer): string {',
        '  const m = scryptSync(pass, `user:${userId}`, 48);',
        "  const d = createDecipheriv('aes-256-cbc', m.subarray(0, 32), m.subarray(32, 48));",
        "  return Buffer.concat([d.update(box), d.final()]).toString('utf8');",
        '}',
      ].join('\n'),
      filename: 'src/backup/seal.ts',
      errors: [
        {
          messageId: 'ivFromKey',
          line: 4,
          column: 62,
          endLine: 4,
          endColumn: 80,
          suggestions: [
            {
              messageId: 'freshIv',
              output: [
                "import { createCipheriv, createDecipheriv, scryptSync, randomBytes } from 'node:crypto';",
                'export function seal(pass: string, userId: string, text: string): Buffer {',
                '  const m = scryptSync(pass, `user:${userId}`, 48);',
                '  const iv = randomBytes(16);',
                "  const c = createCipheriv('aes-256-cbc', m.subarray(0, 32), iv);",
                "  return Buffer.concat([c.update(text, 'utf8'), c.final()]);",
                '}',
                'export function open(pass: string, userId: string, box: Buffer): string {',
                '  const m = scryptSync(pass, `user:${userId}`, 48);',
                "  const d = createDecipheriv('aes-256-cbc', m.subarray(0, 32), m.subarray(32, 48));",
                "  return Buffer.concat([d.update(box), d.final()]).toString('utf8');",
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    // invalid: the same module key cut into an IV inline by the cipher and the decipher: one report, the cipher's
    {
      code: [
        "import { createCipheriv, createDecipheriv } from 'node:crypto';",
        "const VAULT_KEY = Buffer.from(process.env.VAULT_KEY ?? '', 'hex');",
        'export function lock(text: string): Buffer {',
        "  const c = createCipheriv('aes-256-cbc', VAULT_KEY, VAULT_KEY.subarray(0, 16));",
        "  return Buffer.concat([c.update(text, 'utf8'), c.final()]);",
        '}',
        'export function unlock(box: Buffer): string {',
        "  const d = createDecipheriv('aes-256-cbc', VAULT_KEY, VAULT_KEY.subarray(0, 16));",
        "  return Buffer.concat([d.update(box), d.final()]).toString('utf8');",
        '}',
      ].join('\n'),
      filename: 'src/vault/lock.ts',
      errors: [
        {
          messageId: 'ivFromKey',
          line: 4,
          column: 54,
          endLine: 4,
          endColumn: 79,
          suggestions: [
            {
              messageId: 'freshIv',
              output: [
                "import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';",
                "const VAULT_KEY = Buffer.from(process.env.VAULT_KEY ?? '', 'hex');",
                'export function lock(text: string): Buffer {',
                '  const iv = randomBytes(16);',
                "  const c = createCipheriv('aes-256-cbc', VAULT_KEY, iv);",
                "  return Buffer.concat([c.update(text, 'utf8'), c.final()]);",
                '}',
                'export function unlock(box: Buffer): string {',
                "  const d = createDecipheriv('aes-256-cbc', VAULT_KEY, VAULT_KEY.subarray(0, 16));",
                "  return Buffer.concat([d.update(box), d.final()]).toString('utf8');",
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    // invalid: the cipher cuts its IV from one key, the decipher from another (a legacy key): two mistakes, both
    {
      code: [
        "import { createCipheriv, createDecipheriv } from 'node:crypto';",
        "const VAULT_KEY = Buffer.from(process.env.VAULT_KEY ?? '', 'hex');",
        "const LEGACY_KEY = Buffer.from(process.env.LEGACY_KEY ?? '', 'hex');",
        'export function lock(text: string): Buffer {',
        "  const c = createCipheriv('aes-256-cbc', VAULT_KEY, VAULT_KEY.subarray(0, 16));",
        "  return Buffer.concat([c.update(text, 'utf8'), c.final()]);",
        '}',
        'export function unlockLegacy(box: Buffer): string {',
        "  const d = createDecipheriv('aes-256-cbc', LEGACY_KEY, LEGACY_KEY.subarray(0, 16));",
        "  return Buffer.concat([d.update(box), d.final()]).toString('utf8');",
        '}',
      ].join('\n'),
      filename: 'src/vault/lock.ts',
      errors: [
        {
          messageId: 'ivFromKey',
          line: 5,
          column: 54,
          endLine: 5,
          endColumn: 79,
          suggestions: [
            {
              messageId: 'freshIv',
              output: [
                "import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';",
                "const VAULT_KEY = Buffer.from(process.env.VAULT_KEY ?? '', 'hex');",
                "const LEGACY_KEY = Buffer.from(process.env.LEGACY_KEY ?? '', 'hex');",
                'export function lock(text: string): Buffer {',
                '  const iv = randomBytes(16);',
                "  const c = createCipheriv('aes-256-cbc', VAULT_KEY, iv);",
                "  return Buffer.concat([c.update(text, 'utf8'), c.final()]);",
                '}',
                'export function unlockLegacy(box: Buffer): string {',
                "  const d = createDecipheriv('aes-256-cbc', LEGACY_KEY, LEGACY_KEY.subarray(0, 16));",
                "  return Buffer.concat([d.update(box), d.final()]).toString('utf8');",
                '}',
              ].join('\n'),
            },
          ],
        },
        {
          messageId: 'ivFromKey',
          line: 9,
          column: 57,
          endLine: 9,
          endColumn: 83,
        },
      ],
    },
    // invalid: one class's key by member path, cipher and decipher: one report; another member's key: its own
    {
      code: [
        "import { createCipheriv, createDecipheriv } from 'node:crypto';",
        'export class Sealer {',
        '  constructor(private readonly key: Buffer, private readonly oldKey: Buffer) {}',
        '  seal(text: string): Buffer {',
        "    const c = createCipheriv('aes-256-cbc', this.key, this.key.subarray(0, 16));",
        "    return Buffer.concat([c.update(text, 'utf8'), c.final()]);",
        '  }',
        '  open(box: Buffer): string {',
        "    const d = createDecipheriv('aes-256-cbc', this.key, this.key.subarray(0, 16));",
        "    return Buffer.concat([d.update(box), d.final()]).toString('utf8');",
        '  }',
        '  openOld(box: Buffer): string {',
        "    const d = createDecipheriv('aes-256-cbc', this.oldKey, this.oldKey.subarray(0, 16));",
        "    return Buffer.concat([d.update(box), d.final()]).toString('utf8');",
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/vault/sealer.ts',
      errors: [
        {
          messageId: 'ivFromKey',
          line: 5,
          column: 55,
          endLine: 5,
          endColumn: 79,
          suggestions: [
            {
              messageId: 'freshIv',
              output: [
                "import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';",
                'export class Sealer {',
                '  constructor(private readonly key: Buffer, private readonly oldKey: Buffer) {}',
                '  seal(text: string): Buffer {',
                '    const iv = randomBytes(16);',
                "    const c = createCipheriv('aes-256-cbc', this.key, iv);",
                "    return Buffer.concat([c.update(text, 'utf8'), c.final()]);",
                '  }',
                '  open(box: Buffer): string {',
                "    const d = createDecipheriv('aes-256-cbc', this.key, this.key.subarray(0, 16));",
                "    return Buffer.concat([d.update(box), d.final()]).toString('utf8');",
                '  }',
                '  openOld(box: Buffer): string {',
                "    const d = createDecipheriv('aes-256-cbc', this.oldKey, this.oldKey.subarray(0, 16));",
                "    return Buffer.concat([d.update(box), d.final()]).toString('utf8');",
                '  }',
                '}',
              ].join('\n'),
            },
          ],
        },
        { messageId: 'ivFromKey', line: 13, column: 60, endLine: 13, endColumn: 87 },
      ],
    },
    // invalid: the cipher's key bound to a local (`const key = m.subarray(0, 32)`), the decipher's written inline:
    // the same key, one report
    {
      code: [
        "import { createCipheriv, createDecipheriv, scryptSync } from 'node:crypto';",
        'export function seal(pass: string, tenant: string, text: string): Buffer {',
        '  const m = scryptSync(pass, tenant, 48);',
        '  const key = m.subarray(0, 32);',
        '  const iv = m.subarray(32, 48);',
        "  const c = createCipheriv('aes-256-cbc', key, iv);",
        "  return Buffer.concat([c.update(text, 'utf8'), c.final()]);",
        '}',
        'export function open(pass: string, tenant: string, box: Buffer): string {',
        '  const m = scryptSync(pass, tenant, 48);',
        "  const d = createDecipheriv('aes-256-cbc', m.subarray(0, 32), m.subarray(32, 48));",
        "  return Buffer.concat([d.update(box), d.final()]).toString('utf8');",
        '}',
      ].join('\n'),
      filename: 'src/fields/seal.ts',
      errors: [
        {
          messageId: 'ivFromKey',
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'freshIv',
              output: [
                "import { createCipheriv, createDecipheriv, scryptSync, randomBytes } from 'node:crypto';",
                'export function seal(pass: string, tenant: string, text: string): Buffer {',
                '  const m = scryptSync(pass, tenant, 48);',
                '  const key = m.subarray(0, 32);',
                '  const iv = randomBytes(16);',
                "  const c = createCipheriv('aes-256-cbc', key, iv);",
                "  return Buffer.concat([c.update(text, 'utf8'), c.final()]);",
                '}',
                'export function open(pass: string, tenant: string, box: Buffer): string {',
                '  const m = scryptSync(pass, tenant, 48);',
                "  const d = createDecipheriv('aes-256-cbc', m.subarray(0, 32), m.subarray(32, 48));",
                "  return Buffer.concat([d.update(box), d.final()]).toString('utf8');",
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    // invalid: a file that only decrypts with an IV cut from the key is still reported, at the decipher (its
    // function named for a legacy format: as a legacy read path, session 33)
    {
      code: [
        "import { createDecipheriv } from 'node:crypto';",
        'export function readLegacy(key: Buffer, blob: Buffer): string {',
        "  const d = createDecipheriv('aes-128-cbc', key, key.subarray(0, 16));",
        "  return Buffer.concat([d.update(blob), d.final()]).toString('utf8');",
        '}',
      ].join('\n'),
      filename: 'src/migrate/legacy.ts',
      errors: [
        {
          messageId: 'legacyRead',
          line: 3,
          column: 50,
          endLine: 3,
          endColumn: 69,
        },
      ],
    },
  ],
});
