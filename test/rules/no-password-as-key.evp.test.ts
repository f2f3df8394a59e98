/**
 * no-password-as-key: OpenSSL's EVP_BytesToKey and the other password derivations written in a library's own form
 * (session 25, branch rule9kdf, class PK-1): node-forge `pbe.opensslDeriveBytes`, crypto-js's progressive API
 * (`algo.EvpKDF.create(cfg).compute`, `algo.PBKDF2.create(cfg).compute`), forge's traditional PEM (`legacy: true`) and
 * PKCS#12 `count`, EVP_BytesToKey written by hand (hash blocks pushed into an array), and `openssl enc` run from code.
 * Near misses: the same APIs at the floors, forge's own default count (not judged), `openssl enc` with a raw key, and
 * a hash chain over a machine key.
 */
import rule from '../../rules/no-password-as-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-password-as-key (EVP_BytesToKey and library derivations)', rule, {
  valid: [
    {
      // near misses: forge PKCS#8 at the floor or with the library's count (not judged), crypto-js PBKDF2 at the floor, openssl -pbkdf2 at the floor, a raw -K key, a hash chain over a machine key
      code: "import forge from 'node-forge';\nimport CryptoJS from 'crypto-js';\nimport { execFileSync } from 'node:child_process';\nimport { createHash } from 'node:crypto';\n\nexport const pkcs8 = (key: forge.pki.PrivateKey, passphrase: string) =>\n  forge.pki.encryptRsaPrivateKey(key, passphrase, { algorithm: 'aes256', count: 600000, prfAlgorithm: 'sha256' });\n\nexport const pkcs8Default = (key: forge.pki.PrivateKey, passphrase: string) =>\n  forge.pki.encryptRsaPrivateKey(key, passphrase, { algorithm: 'aes256' });\n\nexport const strongKey = (password: string, salt: CryptoJS.lib.WordArray) =>\n  CryptoJS.algo.PBKDF2.create({ keySize: 8, iterations: 600000, hasher: CryptoJS.algo.SHA256 }).compute(password, salt);\n\nexport function sealFile(file: string): Buffer {\n  return execFileSync('openssl', ['enc', '-aes-256-cbc', '-pbkdf2', '-iter', '600000', '-md', 'sha256', '-in', file, '-pass', 'env:FILE_PW']);\n}\n\nexport function rawKeyFile(file: string, keyHex: string, ivHex: string): Buffer {\n  return execFileSync('openssl', ['enc', '-aes-256-cbc', '-K', keyHex, '-iv', ivHex, '-in', file]);\n}\n\nexport function keyStream(masterKey: Buffer, label: string): Buffer {\n  const blocks: Buffer[] = [];\n  let prev = Buffer.alloc(0);\n  while (Buffer.concat(blocks).length < 64) {\n    prev = createHash('sha256').update(Buffer.concat([prev, masterKey, Buffer.from(label)])).digest();\n    blocks.push(prev);\n  }\n  return Buffer.concat(blocks).subarray(0, 64);\n}\n",
      filename: 'src/crypto/fine.ts',
    },
  ],
  invalid: [
    {
      // forge's OpenSSL-compatible derivation: EVP_BytesToKey, one MD5 round, reported at the call
      code: "import * as forge from 'node-forge';\n\nexport function openSslCompatible(plain: string, userPassphrase: string): string {\n  const salt = forge.random.getBytesSync(8);\n  const bytes = forge.pbe.opensslDeriveBytes(userPassphrase, salt, 32 + 16);\n  const c = forge.cipher.createCipher('AES-CBC', bytes.slice(0, 32));\n  c.start({ iv: bytes.slice(32) });\n  c.update(forge.util.createBuffer(plain));\n  c.finish();\n  return forge.util.encode64('Salted__' + salt + c.output.getBytes());\n}\n",
      filename: 'src/export/openssl-compatible.ts',
      errors: [{ messageId: 'weakKdf', line: 5, column: 17, endLine: 5, endColumn: 45 }],
    },
    {
      // crypto-js's progressive EvpKDF: the count is an argument of create()
      code: "const CryptoJS = require('crypto-js');\n\nfunction lockDraft(text, pin) {\n  const salt = CryptoJS.lib.WordArray.random(8);\n  const material = CryptoJS.algo.EvpKDF.create({ keySize: 12, iterations: 10 }).compute(pin, salt);\n  const key = CryptoJS.lib.WordArray.create(material.words.slice(0, 8));\n  return CryptoJS.AES.encrypt(text, key, { iv: CryptoJS.lib.WordArray.random(16) }).toString();\n}\n\nmodule.exports = { lockDraft };\n",
      filename: 'web/drafts.js',
      errors: [
        {
          messageId: 'weakKdf',
          line: 5,
          column: 75,
          endLine: 5,
          endColumn: 77,
          suggestions: [
            {
              messageId: 'raiseParam',
              output:
                "const CryptoJS = require('crypto-js');\n\nfunction lockDraft(text, pin) {\n  const salt = CryptoJS.lib.WordArray.random(8);\n  const material = CryptoJS.algo.EvpKDF.create({ keySize: 12, iterations: 600000 }).compute(pin, salt);\n  const key = CryptoJS.lib.WordArray.create(material.words.slice(0, 8));\n  return CryptoJS.AES.encrypt(text, key, { iv: CryptoJS.lib.WordArray.random(16) }).toString();\n}\n\nmodule.exports = { lockDraft };\n",
            },
          ],
        },
      ],
    },
    {
      // crypto-js's progressive PBKDF2 under the floor
      code: "import CryptoJS from 'crypto-js';\n\nexport const noteKey = (password: string, salt: CryptoJS.lib.WordArray) =>\n  CryptoJS.algo.PBKDF2.create({ keySize: 8, iterations: 5000, hasher: CryptoJS.algo.SHA256 }).compute(password, salt);\n",
      filename: 'src/notes/key.ts',
      errors: [
        {
          messageId: 'weakKdf',
          line: 4,
          column: 57,
          endLine: 4,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'raiseParam',
              output:
                "import CryptoJS from 'crypto-js';\n\nexport const noteKey = (password: string, salt: CryptoJS.lib.WordArray) =>\n  CryptoJS.algo.PBKDF2.create({ keySize: 8, iterations: 600000, hasher: CryptoJS.algo.SHA256 }).compute(password, salt);\n",
            },
          ],
        },
      ],
    },
    {
      // forge: traditional PEM (legacy: true) is EVP_BytesToKey whatever the count; PKCS#12 with a written count
      code: "import forge from 'node-forge';\n\nexport function exportForOldTool(pem: string, passphrase: string): string {\n  const privateKey = forge.pki.privateKeyFromPem(pem);\n  return forge.pki.encryptRsaPrivateKey(privateKey, passphrase, { legacy: true, algorithm: 'aes128' });\n}\n\nexport function bundle(key: forge.pki.PrivateKey, chain: forge.pki.Certificate[], exportPassword: string) {\n  return forge.pkcs12.toPkcs12Asn1(key, chain, exportPassword, { algorithm: 'aes256', count: 100 });\n}\n",
      filename: 'src/pki/export.ts',
      errors: [
        { messageId: 'weakKdf', line: 5, column: 10, endLine: 5, endColumn: 40 },
        {
          messageId: 'weakKdf',
          line: 9,
          column: 94,
          endLine: 9,
          endColumn: 97,
          suggestions: [
            {
              messageId: 'raiseParam',
              output:
                "import forge from 'node-forge';\n\nexport function exportForOldTool(pem: string, passphrase: string): string {\n  const privateKey = forge.pki.privateKeyFromPem(pem);\n  return forge.pki.encryptRsaPrivateKey(privateKey, passphrase, { legacy: true, algorithm: 'aes128' });\n}\n\nexport function bundle(key: forge.pki.PrivateKey, chain: forge.pki.Certificate[], exportPassword: string) {\n  return forge.pkcs12.toPkcs12Asn1(key, chain, exportPassword, { algorithm: 'aes256', count: 1300000 });\n}\n",
            },
          ],
        },
      ],
    },
    {
      // EVP_BytesToKey written by hand: hash blocks pushed into an array and joined, reported at the hash in the key helper
      code: "const crypto = require('node:crypto');\n\nfunction legacyKeyAndIv(passphrase, salt) {\n  const blocks = [];\n  let last = Buffer.alloc(0);\n  for (let i = 0; i < 3; i++) {\n    last = crypto.createHash('sha1').update(Buffer.concat([last, Buffer.from(passphrase, 'utf8'), salt])).digest();\n    blocks.push(last);\n  }\n  const material = Buffer.concat(blocks);\n  return { key: material.subarray(0, 32), iv: material.subarray(32, 48) };\n}\n\nfunction seal(text, passphrase) {\n  const salt = crypto.randomBytes(8);\n  const { key, iv } = legacyKeyAndIv(passphrase, salt);\n  const c = crypto.createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([salt, c.update(text, 'utf8'), c.final()]);\n}\n\nmodule.exports = { seal };\n",
      filename: 'lib/legacy-seal.js',
      errors: [{ messageId: 'hashedPassword', line: 7, column: 12, endLine: 7, endColumn: 115 }],
    },
    {
      // openssl run from code with a password: EVP without -pbkdf2; PBKDF2 at -iter, through a wrapper
      code: "import { execFileSync, spawn } from 'node:child_process';\n\nexport function sealDump(file: string, backupPassword: string): Buffer {\n  return execFileSync('openssl', ['aes-256-cbc', '-salt', '-in', file, '-k', backupPassword]);\n}\n\nfunction openssl(args: string[]) {\n  return spawn('/usr/bin/openssl', args, { stdio: 'inherit' });\n}\n\nexport const archive = (inFile: string, outFile: string) =>\n  openssl(['enc', '-aes-256-cbc', '-pbkdf2', '-iter', '1000', '-in', inFile, '-out', outFile, '-pass', 'env:ARCHIVE_PW']);\n",
      filename: 'src/backup/openssl.ts',
      errors: [
        { messageId: 'weakKdf', line: 4, column: 35, endLine: 4, endColumn: 48 },
        { messageId: 'weakKdf', line: 12, column: 55, endLine: 12, endColumn: 61 },
      ],
    },
  ],
});
