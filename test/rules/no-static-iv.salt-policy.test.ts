/**
 * The salt policy of no-static-iv (docs/rules/no-static-iv.md, "Salts", session 37): a constant salt on a password
 * KDF is this rule's finding when it is the derivation's only flaw. When the KDF already does too little work,
 * no-password-as-key reports the call (its fix, a slow KDF with a random salt, covers the salt) and this rule stays
 * quiet, so the line carries one finding. A salt made per password (CSPRNG bytes, a stored per-user salt) is no
 * finding of either rule.
 */
import { describe, expect, it } from 'vitest';
import passwordRule from '../../rules/no-password-as-key.js';
import rule from '../../rules/no-static-iv.js';
import { lintWith } from '../helpers/probe.js';
import { ruleTester } from '../helpers/rule-tester.js';

const cases = {
  c0: "import { pbkdf2Sync } from 'node:crypto';\n\nexport function exportKey(password: string): Buffer {\n  return pbkdf2Sync(password, 'ledger-export', 600_000, 32, 'sha256');\n}\n",
  c1: "import { scryptSync } from 'node:crypto';\n\nconst NOTES_SALT = Buffer.from('notes/v3');\n\nexport const notesKey = (passphrase: string): Buffer =>\n  scryptSync(passphrase, NOTES_SALT, 32, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 });\n",
  c2: "const enc = new TextEncoder();\n\nexport async function vaultKey(password: string): Promise<CryptoKey> {\n  const base = await crypto.subtle.importKey('raw', enc.encode(password), 'PBKDF2', false, ['deriveKey']);\n  return crypto.subtle.deriveKey(\n    { name: 'PBKDF2', hash: 'SHA-256', salt: enc.encode('site-notes'), iterations: 600_000 },\n    base,\n    { name: 'AES-GCM', length: 256 },\n    false,\n    ['encrypt', 'decrypt'],\n  );\n}\n",
  c3: "import { pbkdf2Sync } from 'node:crypto';\n\nexport function pinKey(pin: string): Buffer {\n  return pbkdf2Sync(pin, 'ledger-export', 1000, 32, 'sha256');\n}\n",
  c4: "import { scryptSync } from 'node:crypto';\n\nconst CACHE_SALT = 'desk-cache';\n\nexport const cacheKey = (passphrase: string): Buffer => scryptSync(passphrase, CACHE_SALT, 32);\n",
  c5: "const enc = new TextEncoder();\n\nexport async function roomKey(password: string, username: string): Promise<CryptoKey> {\n  const base = await crypto.subtle.importKey('raw', enc.encode(password), 'PBKDF2', false, ['deriveKey']);\n  return crypto.subtle.deriveKey(\n    { name: 'PBKDF2', hash: 'SHA-256', salt: enc.encode(username), iterations: 1000 },\n    base,\n    { name: 'AES-GCM', length: 256 },\n    false,\n    ['encrypt', 'decrypt'],\n  );\n}\n",
  c6: "import { pbkdf2Sync, randomBytes } from 'node:crypto';\n\nexport function newVault(password: string): { salt: Buffer; key: Buffer } {\n  const salt = randomBytes(16);\n  return { salt, key: pbkdf2Sync(password, salt, 600_000, 32, 'sha256') };\n}\n",
  c7: "import { scryptSync } from 'node:crypto';\n\ninterface User {\n  salt: Buffer;\n}\n\nexport const unlock = (user: User, password: string): Buffer =>\n  scryptSync(password, user.salt, 32, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 });\n",
  c8: "import argon2 from 'argon2';\n\nexport function wrapKey(passphrase: string): Promise<Buffer> {\n  return argon2.hash(passphrase, { raw: true, salt: Buffer.from('backup-kit-salt!'), timeCost: 1, memoryCost: 1024 });\n}\n",
  c9: "import argon2 from 'argon2';\n\nexport function wrapKey(passphrase: string): Promise<Buffer> {\n  return argon2.hash(passphrase, { raw: true, salt: Buffer.from('backup-kit-salt!'), timeCost: 3, memoryCost: 65536 });\n}\n",
};

ruleTester.run('no-static-iv (salt policy)', rule, {
  valid: [
    {
      // a PIN at 1000 PBKDF2 iterations under a constant salt: no-password-as-key reports the call
      code: cases.c3,
      filename: 'src/crypto/kdf.ts',
    },
    {
      // scrypt at its default N under a module-level salt: no-password-as-key reports the call
      code: cases.c4,
      filename: 'src/crypto/kdf.ts',
    },
    {
      // WebCrypto PBKDF2 at 1000 iterations salted with the user name: no-password-as-key reports the call
      code: cases.c5,
      filename: 'src/crypto/kdf.ts',
    },
    {
      // a fresh random salt per vault
      code: cases.c6,
      filename: 'src/crypto/kdf.ts',
    },
    {
      // a stored per-user salt
      code: cases.c7,
      filename: 'src/crypto/kdf.ts',
    },
    {
      // argon2 with a low memory cost under a constant salt: no-password-as-key reports the call
      code: cases.c8,
      filename: 'src/crypto/kdf.ts',
    },
  ],
  invalid: [
    {
      // pbkdf2Sync at the key floor under a constant salt
      code: cases.c0,
      filename: 'src/crypto/kdf.ts',
      errors: [
        {
          messageId: 'staticSalt',
          line: 4,
          column: 31,
          endLine: 4,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { pbkdf2Sync, randomBytes } from 'node:crypto';\n\nexport function exportKey(password: string): Buffer {\n  const salt = randomBytes(16);\n  return pbkdf2Sync(password, salt, 600_000, 32, 'sha256');\n}\n",
            },
          ],
        },
      ],
    },
    {
      // scrypt at N = 2^17 under a module-level salt
      code: cases.c1,
      filename: 'src/crypto/kdf.ts',
      errors: [{ messageId: 'staticSalt', line: 3, column: 32, endLine: 3, endColumn: 42 }],
    },
    {
      // WebCrypto PBKDF2 at 600 000 iterations under a constant salt
      code: cases.c2,
      filename: 'src/crypto/kdf.ts',
      errors: [
        {
          messageId: 'staticSalt',
          line: 6,
          column: 57,
          endLine: 6,
          endColumn: 69,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "const enc = new TextEncoder();\n\nexport async function vaultKey(password: string): Promise<CryptoKey> {\n  const base = await crypto.subtle.importKey('raw', enc.encode(password), 'PBKDF2', false, ['deriveKey']);\n  const salt = crypto.getRandomValues(new Uint8Array(16));\n  return crypto.subtle.deriveKey(\n    { name: 'PBKDF2', hash: 'SHA-256', salt: salt, iterations: 600_000 },\n    base,\n    { name: 'AES-GCM', length: 256 },\n    false,\n    ['encrypt', 'decrypt'],\n  );\n}\n",
            },
          ],
        },
      ],
    },
    {
      // argon2 at its floor under a constant salt
      code: cases.c9,
      filename: 'src/crypto/kdf.ts',
      errors: [{ messageId: 'staticSalt', line: 4, column: 65, endLine: 4, endColumn: 83 }],
    },
  ],
});

describe('a constant salt under too little work is reported once, by no-password-as-key', () => {
  const at = (code: string, r: unknown): string[] =>
    lintWith(r, code, 'src/crypto/kdf.ts').map((m) => `${m.messageId ?? ''}@${m.line}:${m.column}`);
  it('the PIN under 1000 PBKDF2 iterations', () => {
    expect(at(cases.c3, passwordRule)).toEqual(['weakKdf@4:43']);
    expect(at(cases.c3, rule)).toEqual([]);
  });
  it('scrypt at its default N', () => {
    expect(at(cases.c4, passwordRule)).toEqual(['weakKdf@5:57']);
    expect(at(cases.c4, rule)).toEqual([]);
  });
  it('argon2 with a low memory cost', () => {
    expect(at(cases.c8, passwordRule)).toEqual(['weakKdf@4:111']);
    expect(at(cases.c8, rule)).toEqual([]);
  });
  it("enough work: the salt is no-static-iv's finding and no-password-as-key is quiet", () => {
    expect(at(cases.c0, passwordRule)).toEqual([]);
    expect(at(cases.c0, rule)).toEqual(['staticSalt@4:31']);
  });
});
