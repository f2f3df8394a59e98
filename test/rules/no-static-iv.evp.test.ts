/**
 * no-static-iv: an IV derived from a password together with the key, by OpenSSL's EVP_BytesToKey over a fresh random
 * salt (session 25, branch rule9kdf): the IV changes with every salt, so it is no static IV; the derivation's missing
 * work factor is no-password-as-key's finding (one mistake, one finding). forge's `pbe.opensslDeriveBytes`, and the
 * same derivation written by hand in a helper that returns `{ key, iv }` and is handed `randomBytes(8)`. The constant
 * IV near miss stays reported.
 */
import rule from '../../rules/no-static-iv.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-static-iv (EVP_BytesToKey IVs)', rule, {
  valid: [
    {
      // key and IV derived together from the password and a random 8-byte salt (forge, and by hand through a helper): the IV changes with the salt
      code: "import * as forge from 'node-forge';\nimport { createCipheriv, createHash, randomBytes } from 'node:crypto';\n\nexport function forgeSealed(plain: string, passphrase: string): string {\n  const salt = forge.random.getBytesSync(8);\n  const derived = forge.pbe.opensslDeriveBytes(passphrase, salt, 48);\n  const c = forge.cipher.createCipher('AES-CBC', derived.substring(0, 32));\n  c.start({ iv: derived.substring(32, 48) });\n  c.update(forge.util.createBuffer(plain));\n  c.finish();\n  return 'Salted__' + salt + c.output.getBytes();\n}\n\nfunction keyAndIv(password: string, salt: Buffer) {\n  const a = createHash('md5').update(Buffer.concat([Buffer.from(password), salt])).digest();\n  const b = createHash('md5').update(Buffer.concat([a, Buffer.from(password), salt])).digest();\n  return { key: Buffer.concat([a, b]), iv: createHash('md5').update(Buffer.concat([b, Buffer.from(password), salt])).digest() };\n}\n\nexport function nodeSealed(plain: Buffer, password: string): Buffer {\n  const salt = randomBytes(8);\n  const { key, iv } = keyAndIv(password, salt);\n  const c = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([Buffer.from('Salted__'), salt, c.update(plain), c.final()]);\n}\n",
      filename: 'src/export/sealed.ts',
    },
  ],
  invalid: [
    {
      // the same derivation handed a fixed salt: the IV is the same for every message under that password
      code: "import { createCipheriv, createHash } from 'node:crypto';\n\nfunction keyAndIv(password: string, salt: Buffer) {\n  const a = createHash('md5').update(Buffer.concat([Buffer.from(password), salt])).digest();\n  return { key: Buffer.concat([a, a]), iv: createHash('md5').update(Buffer.concat([a, Buffer.from(password)])).digest() };\n}\n\nexport function nodeSealed(plain: Buffer, password: string): Buffer {\n  const { key, iv } = keyAndIv(password, Buffer.from('fixed-01'));\n  const c = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([c.update(plain), c.final()]);\n}\n",
      filename: 'src/export/fixed.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 10,
          column: 48,
          endLine: 10,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { createCipheriv, createHash, randomBytes } from 'node:crypto';\n\nfunction keyAndIv(password: string, salt: Buffer) {\n  const a = createHash('md5').update(Buffer.concat([Buffer.from(password), salt])).digest();\n  return { key: Buffer.concat([a, a]), iv: createHash('md5').update(Buffer.concat([a, Buffer.from(password)])).digest() };\n}\n\nexport function nodeSealed(plain: Buffer, password: string): Buffer {\n  const { key, iv } = randomBytes(16);\n  const c = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([c.update(plain), c.final()]);\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
