/**
 * KDF and password-hashing packages real code uses beyond node:crypto (session 29 breadth study): hash-wasm's pbkdf2,
 * bcrypt and scrypt, @node-rs/argon2, @node-rs/bcrypt and bcrypt-ts, and crypto-es. Costs below the floors are
 * reported; the settings real projects copy from the OWASP cheat sheet (argon2id 19456 KiB × 2) stay quiet.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-password-as-key.js';
import { lintWith } from '../helpers/probe.js';

const messages = (code: string): string[] => lintWith(rule, code, 'src/auth.ts').map((m) => m.message);

describe('no-password-as-key: KDF packages', () => {
  it.each([
    [
      "import { pbkdf2, createSHA256 } from 'hash-wasm';\nexport const deriveKey = (password: string, salt: Uint8Array) =>\n  pbkdf2({ password, salt, iterations: 1000, hashLength: 32, hashFunction: createSHA256() });",
      'hash-wasm pbkdf2 iterations is 1000',
    ],
    [
      "import { bcrypt } from 'hash-wasm';\nexport const hashPassword = (password: string, salt: Uint8Array) =>\n  bcrypt({ password, salt, costFactor: 6 });",
      'hash-wasm bcrypt rounds is 6',
    ],
    [
      "import { scrypt } from 'hash-wasm';\nexport const deriveKey = (password: string, salt: Uint8Array) =>\n  scrypt({ password, salt, costFactor: 1024, blockSize: 8, parallelism: 1, hashLength: 32 });",
      'hash-wasm scrypt N is 1024',
    ],
    [
      "import { hash } from '@node-rs/argon2';\nexport const hashPassword = (password: string) => hash(password, { memoryCost: 1024, timeCost: 1 });",
      '@node-rs/argon2 hash memory is 1024',
    ],
    [
      "import { hash } from '@node-rs/bcrypt';\nexport const hashPassword = (password: string) => hash(password, 6);",
      'rounds is 6',
    ],
    [
      "import { genSaltSync, hashSync } from 'bcrypt-ts';\nexport const hashPassword = (password: string) => hashSync(password, genSaltSync(8));",
      'rounds is 8',
    ],
    [
      "import CryptoES from 'crypto-es';\nexport const deriveKey = (password: string, salt: string) =>\n  CryptoES.PBKDF2(password, salt, { keySize: 8, iterations: 1000 });",
      'iterations is 1000',
    ],
  ])('reports %#', (code, text) => {
    const got = messages(code);
    expect(got.length, code).toBeGreaterThanOrEqual(1);
    expect(got.join('\n')).toContain(text);
  });

  it.each([
    "import { hash } from '@node-rs/argon2';\nexport const hashPassword = (password: string) =>\n  hash(password, { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 });",
    "import { hash } from '@node-rs/bcrypt';\nexport const hashPassword = (password: string) => hash(password, 12);",
    "import { bcrypt } from 'hash-wasm';\nexport const hashPassword = (password: string, salt: Uint8Array) => bcrypt({ password, salt, costFactor: 12 });",
    "import { pbkdf2, createSHA512 } from 'hash-wasm';\nexport const deriveKey = (password: string, salt: Uint8Array) =>\n  pbkdf2({ password, salt, iterations: 210000, hashLength: 32, hashFunction: createSHA512() });",
    "import { verify } from '@node-rs/argon2';\nexport const check = (stored: string, password: string) => verify(stored, password);",
  ])('stays quiet %#', (code) => {
    expect(messages(code)).toEqual([]);
  });
});
