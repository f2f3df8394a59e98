/**
 * no-weak-key-size, session 26 (branch rule10alg, issue 11): classes found on the dev10alg corpus and checked on the
 * older corpora.
 * - W1: MD4/MD5/SHA-1 kept as a password's verifier (LDAP `{SSHA}`/`{MD5}`, the NT hash, a PIN hash), through the flow
 *   engine's `plainHashOf` and `passwordOf`. Near misses: a hash that makes a key or an IV (`no-password-as-key`'s,
 *   `no-static-iv`'s), SHA-256, a hash of no password, the Pwned Passwords range query.
 * - W2: an OpenSSL cipher string held in data (a returned option object, a profile table) and `@SECLEVEL=0`.
 * - W3: SSH `ssh-rsa` and SHA-1 group exchange in algorithm lists.
 */
import rule from '../../rules/no-weak-key-size.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-weak-key-size (password verifiers, held cipher strings, SSH SHA-1)', rule, {
  valid: [
    {
      // a key or an IV made from a password: another rule's mistake
      code: "import { createHash } from 'node:crypto';\nexport function archiveKey(passphrase: string) {\n  return createHash('md5').update(passphrase).digest();\n}\nexport function seal(password: string) {\n  const iv = createHash('md5').update(password).digest();\n  return iv;\n}\nfunction bytesToKey(password: Buffer) {\n  let prev = Buffer.alloc(0);\n  prev = createHash('md5').update(Buffer.concat([prev, password])).digest();\n  return prev;\n}\n",
      filename: 'src/legacy/keys.ts',
    },
    {
      // strong digests, and a weak digest of something that is no password
      code: "const crypto = require('crypto');\nfunction storeHash(password, salt) {\n  return crypto.createHash('sha512').update(password).update(salt).digest('hex');\n}\nfunction etag(body) {\n  return crypto.createHash('md5').update(body).digest('base64');\n}\nmodule.exports = { storeHash, etag };\n",
      filename: 'lib/hashes.js',
    },
    {
      // the Pwned Passwords k-anonymity query needs the SHA-1 prefix
      code: "export async function breached(password: string): Promise<boolean> {\n  const buf = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(password));\n  const hex = Buffer.from(buf).toString('hex').toUpperCase();\n  const r = await fetch(`https://api.pwnedpasswords.com/range/${hex.slice(0, 5)}`);\n  return (await r.text()).includes(hex.slice(5));\n}\n",
      filename: 'src/auth/breached.ts',
    },
    {
      // strong cipher strings held in data, a security level with a floor, SHA-2 host keys
      code: "export const PROFILES = {\n  modern: { minVersion: 'TLSv1.3', ciphers: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256' },\n  strict: { ciphers: 'HIGH:!aNULL:!MD5:!RC4:!3DES:@SECLEVEL=2' },\n};\nexport const SSH = { serverHostKey: ['ssh-ed25519', 'rsa-sha2-512'], kex: ['diffie-hellman-group14-sha1'] };\n",
      filename: 'src/tls/profiles.ts',
    },
  ],
  invalid: [
    {
      // LDAP schemes and the NT hash: the password's stored verifier
      code: "import { createHash, randomBytes } from 'node:crypto';\nexport function saltedSha(password: string): string {\n  const salt = randomBytes(8);\n  const d = createHash('sha1').update(password).update(salt).digest();\n  return '{SSHA}' + Buffer.concat([d, salt]).toString('base64');\n}\nexport const plainMd5 = (passphrase: string) => '{MD5}' + createHash('md5').update(passphrase, 'utf8').digest('base64');\nexport function ntlm(passwd: string) {\n  return createHash('md4').update(Buffer.from(passwd, 'utf16le')).digest('hex');\n}\n",
      filename: 'src/directory/schemes.ts',
      errors: [
        { messageId: 'weakDigest', line: 4, column: 24, endLine: 4, endColumn: 30 },
        { messageId: 'weakDigest', line: 7, column: 70, endLine: 7, endColumn: 75 },
        { messageId: 'weakDigest', line: 9, column: 21, endLine: 9, endColumn: 26 },
      ],
    },
    {
      // crypto-js and an npm md5 over a PIN kept for comparison
      code: "import CryptoJS from 'crypto-js';\nimport md5 from 'md5';\nexport function pinRecord(pin) {\n  return { check: CryptoJS.SHA1(pin).toString(), legacy: md5(pin) };\n}\n",
      filename: 'src/pin/record.js',
      errors: [
        { messageId: 'weakDigest', line: 4, column: 19, endLine: 4, endColumn: 32 },
        { messageId: 'weakDigest', line: 4, column: 58, endLine: 4, endColumn: 61 },
      ],
    },
    {
      // a cipher string in a returned option object and in a profile table; security level 0
      code: "import type { ConnectionOptions } from 'node:tls';\nexport function optionsFor(host: string): ConnectionOptions {\n  return {\n    servername: host,\n    ciphers: 'AES128-SHA:RC4-SHA',\n  };\n}\nexport const TABLE = {\n  old: { honorCipherOrder: true, ciphers: 'ECDHE-RSA-AES128-SHA:DES-CBC3-SHA' },\n};\nexport const anything = { cipherSuites: 'DEFAULT:@SECLEVEL=0' };\n",
      filename: 'src/tls/options.ts',
      errors: [
        { messageId: 'weakCipher', line: 5, column: 14, endLine: 5, endColumn: 34 },
        { messageId: 'weakCipher', line: 9, column: 43, endLine: 9, endColumn: 78 },
        { messageId: 'weakCipher', line: 11, column: 41, endLine: 11, endColumn: 62 },
      ],
    },
    {
      // SSH host keys signed with SHA-1 and SHA-1 group exchange, held and inline
      code: "import { Client } from 'ssh2';\nexport const ZOS = {\n  kex: ['diffie-hellman-group-exchange-sha1'],\n  serverHostKey: ['ssh-rsa'],\n};\nexport function open(host) {\n  const c = new Client();\n  c.connect({ host, algorithms: { serverHostKey: ['ssh-ed25519', 'ssh-rsa-cert-v01@openssh.com'] } });\n  return c;\n}\n",
      filename: 'src/sftp/algorithms.js',
      errors: [
        { messageId: 'weakDigest', line: 3, column: 9, endLine: 3, endColumn: 45 },
        { messageId: 'weakDigest', line: 4, column: 19, endLine: 4, endColumn: 28 },
        { messageId: 'weakDigest', line: 8, column: 66, endLine: 8, endColumn: 96 },
      ],
    },
  ],
});
