/**
 * One policy for a constant salt and the key it derives from (docs/rules/no-static-iv.md, "Salts over key
 * material", session 39). A salt keeps one precomputed table from covering every guessable input (NIST SP 800-132
 * §5.1); over key material the code declares — a parameter named as a key, CSPRNG bytes, an issued credential —
 * nothing is guessable and a fixed salt is as harmless as HKDF's optional one (RFC 5869 §3.1), so neither this rule
 * nor no-password-as-key reports. A configured secret (an env var, a settings field) keeps its salt judged (an
 * operator may set a word, and a salt costs nothing at run time) while no-password-as-key leaves its work alone. Over
 * a possible password the salt stays this rule's finding, also when it is only a fallback (`salt || 'literal'`).
 */
import { describe, expect, it } from 'vitest';
import passwordRule from '../../rules/no-password-as-key.js';
import rule from '../../rules/no-static-iv.js';
import { lintWith } from '../helpers/probe.js';
import { ruleTester } from '../helpers/rule-tester.js';

const cases = {
  k1: "const crypto = require('crypto');\n\nexports.sealNote = function (text, vaultKey, salt) {\n  const key = crypto.scryptSync(vaultKey, salt || 'a3f1c9e07b5d2286', 32);\n  const iv = crypto.randomBytes(16);\n  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);\n  return iv.toString('hex') + ':' + cipher.update(text, 'utf8', 'hex') + cipher.final('hex');\n};\n",
  k2: "import { pbkdf2Sync } from 'node:crypto';\n\nexport function cookieKey(config: { cookieSigningSecret: string }): Buffer {\n  return pbkdf2Sync(config.cookieSigningSecret, 'cookie-v2', 1000, 32, 'sha256');\n}\n",
  k3: "import { scrypt } from 'node:crypto';\n\nexport const exportKey = (masterKey: Buffer, label = 'export-salt'): Promise<Buffer> =>\n  new Promise((ok, fail) => scrypt(masterKey, label, 32, (e, k) => (e ? fail(e) : ok(k))));\n",
  k4: "import { pbkdf2Sync } from 'node:crypto';\n\nconst SALT = 'ledger-at-rest';\n\nexport const atRestKey = (): Buffer =>\n  pbkdf2Sync(process.env.LEDGER_ENCRYPTION_KEY ?? '', SALT, 310_000, 32, 'sha256');\n",
  p1: "const crypto = require('crypto');\n\nexports.lockNote = function (text, passphrase, salt) {\n  const key = crypto.scryptSync(passphrase, salt || 'note-salt-01', 32, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 });\n  const iv = crypto.randomBytes(16);\n  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);\n  return iv.toString('hex') + ':' + cipher.update(text, 'utf8', 'hex') + cipher.final('hex');\n};\n",
  p2: "import { pbkdf2Sync } from 'node:crypto';\n\nexport function unlockKey(passwordKey: string): Buffer {\n  return pbkdf2Sync(passwordKey, 'unlock-v1', 600_000, 32, 'sha256');\n}\n",
  p3: "import { pbkdf2Sync } from 'node:crypto';\n\nexport function sharedKey(secret: string): Buffer {\n  return pbkdf2Sync(secret, 'shared-v1', 600_000, 32, 'sha256');\n}\n",
  p4: "import { scryptSync } from 'node:crypto';\n\nexport const pinVerifier = (pin: string): string =>\n  scryptSync(pin, 'pin-check', 64, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 }).toString('hex');\n",
  p5: "import { pbkdf2Sync } from 'node:crypto';\n\nexport const adminKey = (): Buffer =>\n  pbkdf2Sync(process.env.ADMIN_PASSWORD ?? '', 'admin', 600_000, 32, 'sha256');\n",
};

ruleTester.run('no-static-iv (salts over key material)', rule, {
  valid: [
    {
      // a key-named parameter with a constant fallback salt (the caller usually passes one)
      code: cases.k1,
      filename: 'lib/notes.js',
    },
    {
      // a master key under a default-parameter salt, callback scrypt
      code: cases.k3,
      filename: 'src/crypto/kdf.ts',
    },
  ],
  invalid: [
    {
      // a settings field named as a signing secret: configured, so its salt stays judged (its work does not)
      code: cases.k2,
      filename: 'src/crypto/kdf.ts',
      errors: [
        {
          messageId: 'staticSalt',
          line: 4,
          column: 49,
          endLine: 4,
          endColumn: 60,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { pbkdf2Sync, randomBytes } from 'node:crypto';\n\nexport function cookieKey(config: { cookieSigningSecret: string }): Buffer {\n  const salt = randomBytes(16);\n  return pbkdf2Sync(config.cookieSigningSecret, salt, 1000, 32, 'sha256');\n}\n",
            },
          ],
        },
      ],
    },
    {
      // an encryption key from the environment under a module salt: configured, judged at the salt's declaration
      code: cases.k4,
      filename: 'src/crypto/kdf.ts',
      errors: [{ messageId: 'staticSalt', line: 3, column: 14, endLine: 3, endColumn: 30 }],
    },
    {
      // near miss of k1: a passphrase parameter with the same kind of fallback salt
      code: cases.p1,
      filename: 'lib/notes.js',
      errors: [
        {
          messageId: 'staticSalt',
          line: 4,
          column: 53,
          endLine: 4,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "const crypto = require('crypto');\n\nexports.lockNote = function (text, passphrase, salt) {\n  const freshsalt = crypto.randomBytes(16);\n  const key = crypto.scryptSync(passphrase, freshsalt, 32, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 });\n  const iv = crypto.randomBytes(16);\n  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);\n  return iv.toString('hex') + ':' + cipher.update(text, 'utf8', 'hex') + cipher.final('hex');\n};\n",
            },
          ],
        },
      ],
    },
    {
      // a person's secret named as a key (passwordKey) declares no key material
      code: cases.p2,
      filename: 'src/crypto/kdf.ts',
      errors: [
        {
          messageId: 'staticSalt',
          line: 4,
          column: 34,
          endLine: 4,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { pbkdf2Sync, randomBytes } from 'node:crypto';\n\nexport function unlockKey(passwordKey: string): Buffer {\n  const salt = randomBytes(16);\n  return pbkdf2Sync(passwordKey, salt, 600_000, 32, 'sha256');\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a bare secret parameter declares nothing: it may be typed by a user
      code: cases.p3,
      filename: 'src/crypto/kdf.ts',
      errors: [
        {
          messageId: 'staticSalt',
          line: 4,
          column: 29,
          endLine: 4,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { pbkdf2Sync, randomBytes } from 'node:crypto';\n\nexport function sharedKey(secret: string): Buffer {\n  const salt = randomBytes(16);\n  return pbkdf2Sync(secret, salt, 600_000, 32, 'sha256');\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a PIN verifier under a constant salt (password storage)
      code: cases.p4,
      filename: 'src/crypto/kdf.ts',
      errors: [{ messageId: 'staticSalt', line: 4, column: 19, endLine: 4, endColumn: 30 }],
    },
    {
      // a password from the environment is still a password
      code: cases.p5,
      filename: 'src/crypto/kdf.ts',
      errors: [{ messageId: 'staticSalt', line: 4, column: 48, endLine: 4, endColumn: 55 }],
    },
  ],
});

describe('no-password-as-key and no-static-iv on one KDF input', () => {
  const at = (code: string, r: unknown, file = 'src/crypto/kdf.ts'): string[] =>
    lintWith(r, code, file).map((m) => `${m.messageId ?? ''}@${m.line}:${m.column}`);
  it('a key-named parameter at scrypt default work: neither rule reports', () => {
    expect(at(cases.k1, passwordRule, 'src/notes.ts')).toEqual([]);
    expect(at(cases.k1, rule, 'src/notes.ts')).toEqual([]);
  });
  it('a configured signing secret at 1000 PBKDF2 iterations: only the salt is reported', () => {
    expect(at(cases.k2, passwordRule)).toEqual([]);
    expect(at(cases.k2, rule)).toEqual(['staticSalt@4:49']);
  });
  it('a passphrase with enough work: only the fallback salt is reported', () => {
    expect(at(cases.p1, passwordRule, 'src/notes.ts')).toEqual([]);
    expect(at(cases.p1, rule, 'src/notes.ts')).toEqual(['staticSalt@4:53']);
  });
});
