/**
 * no-password-as-key: a parameter bound by the file's own calls (session 28, rec12b, class M9). A helper that puts
 * its argument straight into a key slot (`seal(notes, secret)` → `createCipheriv(…, secret, …)`,
 * `CryptoJS.AES.encrypt(text, secret)`) and is called in the same file with a password is a password used as a key,
 * whatever the parameter is called (src/rule-kit/flow/engine.ts `fromCallers`), also through a helper that passes
 * the password on. Near misses: the same helpers called with a key stretched by a KDF, with random bytes, or only
 * from another module (nothing in the file tells).
 */
import rule from '../../rules/no-password-as-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-password-as-key (parameters bound by the file own calls)', rule, {
  valid: [
    // valid: the caller stretches the password with scrypt, or passes random key bytes
    {
      code: [
        "import { createCipheriv, randomBytes, scryptSync } from 'node:crypto';",
        'function seal(data: Buffer, key: Buffer) {',
        "  return createCipheriv('aes-256-gcm', key, randomBytes(12)).update(data);",
        '}',
        'export function saveVault(data: Buffer, masterPassword: string, salt: Buffer) {',
        '  return seal(data, scryptSync(masterPassword, salt, 32, { N: 2 ** 17 }));',
        '}',
        'export const ephemeral = (data: Buffer) => seal(data, randomBytes(32));',
      ].join('\n'),
      filename: 'src/vault/save.ts',
    },
    // valid: an exported helper with no call in its own file
    {
      code: [
        "const crypto = require('crypto');",
        'function wrap(data, secret, iv) {',
        "  return crypto.createCipheriv('aes-256-cbc', secret, iv).update(data);",
        '}',
        'module.exports = { wrap };',
      ].join('\n'),
      filename: 'lib/wrap.js',
    },
  ],
  invalid: [
    // a JS helper called with the master password (crypto-js passphrase mode and node:crypto)
    {
      code: [
        "const crypto = require('crypto');",
        "const CryptoJS = require('crypto-js');",
        'function sealNotes(notes, secret) {',
        '  return CryptoJS.AES.encrypt(JSON.stringify(notes), secret).toString();',
        '}',
        'function sealBody(body, k, iv) {',
        "  return crypto.createCipheriv('aes-256-cbc', k, iv).update(body);",
        '}',
        'function saveAsOld(vault, masterPassword, iv) {',
        '  return [sealNotes(vault.notes, masterPassword), sealBody(vault.body, masterPassword, iv)];',
        '}',
        'module.exports = { saveAsOld };',
      ].join('\n'),
      filename: 'src/vault/legacy.js',
      errors: [
        { messageId: 'passwordAsKey', line: 4, column: 54, endLine: 4, endColumn: 60 },
        {
          messageId: 'passwordAsKey',
          line: 7,
          column: 47,
          endLine: 7,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'useScrypt',
              output: [
                "const crypto = require('crypto');",
                "const CryptoJS = require('crypto-js');",
                'function sealNotes(notes, secret) {',
                '  return CryptoJS.AES.encrypt(JSON.stringify(notes), secret).toString();',
                '}',
                'function sealBody(body, k, iv) {',
                '  const salt = crypto.randomBytes(16); // store the salt with the data it protects',
                "  return crypto.createCipheriv('aes-256-cbc', crypto.scryptSync(k, salt, 32, " +
                  '{ N: 2 ** 17, maxmem: 256 * 1024 * 1024 }), iv).update(body);',
                '}',
                'function saveAsOld(vault, masterPassword, iv) {',
                '  return [sealNotes(vault.notes, masterPassword), sealBody(vault.body, masterPassword, iv)];',
                '}',
                'module.exports = { saveAsOld };',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    // a helper that pads whatever it is given is judged by what it does itself: the use with the passphrase is the
    // place to report (the helper's own parameter says nothing)
    {
      code: [
        "const crypto = require('crypto');",
        'const [, , input, passphrase] = process.argv;',
        'function toKey(text) {',
        '  const out = Buffer.alloc(32, 0);',
        "  out.write(text, 'utf8');",
        '  return out;',
        '}',
        "const c = crypto.createCipheriv('aes-256-cbc', toKey(passphrase), crypto.randomBytes(16));",
        'module.exports = c.update(input);',
      ].join('\n'),
      filename: 'tools/export.js',
      errors: [{ messageId: 'passwordAsKey', line: 8, column: 48, endLine: 8, endColumn: 65 }],
    },
    // through a second helper that passes the password on, and an arrow helper bound to a const
    {
      code: [
        "import { createCipheriv, randomBytes } from 'node:crypto';",
        'const enc = (data: Buffer, material: Buffer) =>',
        "  createCipheriv('aes-256-gcm', material, randomBytes(12)).update(data);",
        'function protect(data: Buffer, userSecret: Buffer) {',
        '  return enc(data, userSecret);',
        '}',
        'export function onSubmit(form: { passphrase: string }, data: Buffer) {',
        '  return protect(data, Buffer.from(form.passphrase));',
        '}',
      ].join('\n'),
      filename: 'src/forms/protect.ts',
      errors: [{ messageId: 'passwordAsKey', line: 3, column: 33, endLine: 3, endColumn: 41 }],
    },
  ],
});
