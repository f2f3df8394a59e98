/**
 * no-password-as-key: on-device stores and mobile crypto libraries (issue 11, session 26). Plain hashes from the
 * node:crypto ports (react-native-quick-crypto, crypto-browserify) and react-native-aes-crypto's digests; Realm and
 * MMKV key options (raw AES keys); forge's byte buffer and an ArrayBuffer view keep the password; the decrypt side
 * of a pair (same API family, same typed password) is not reported again; an OS keychain's `password` slot is the
 * store's name, not the app's; argon2-browser's work factors. Variants written for these APIs, not from a corpus.
 */
import rule from '../../rules/no-password-as-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-password-as-key (stores and mobile crypto)', rule, {
  valid: [
    // valid: a generated key kept in the keychain's password slot (read as a member, or destructured): the slot's name, not a password
    {
      code: "import Aes from 'react-native-aes-crypto';\nimport * as Keychain from 'react-native-keychain';\nimport { createCipheriv, randomBytes } from 'node:crypto';\n\nasync function storeKey(): Promise<string> {\n  const entry = await Keychain.getInternetCredentials('sync.example');\n  if (entry) return entry.password;\n  return Aes.randomKey(32);\n}\n\nexport async function sealItem(item: string, iv: string) {\n  return Aes.encrypt(item, await storeKey(), iv, 'aes-256-cbc');\n}\n\nexport async function sealFile(data: Buffer) {\n  const { password } = await Keychain.getGenericPassword({ service: 'files' }) || { password: '' };\n  return createCipheriv('aes-256-gcm', Buffer.from(password, 'base64'), randomBytes(12)).update(data);\n}\n",
      filename: 'src/mobile/vault-ok.ts',
    },
    // valid: SQLCipher through op-sqlite stretches its passphrase itself; Realm and MMKV given a key from a slow KDF
    {
      code: "import { open } from '@op-engineering/op-sqlite';\nimport Realm from 'realm';\nimport { MMKV } from 'react-native-mmkv';\nimport QuickCrypto from 'react-native-quick-crypto';\n\nexport const openJournal = (userPassword: string) => open({ name: 'journal.db', encryptionKey: userPassword });\n\nexport function openNotes(password: string, salt: Buffer) {\n  const key = QuickCrypto.pbkdf2Sync(password, salt, 600000, 64, 'sha512');\n  return Realm.open({ path: 'notes.realm', encryptionKey: key });\n}\n\nexport const prefs = (pin: string, salt: Buffer) =>\n  new MMKV({ id: 'prefs', encryptionKey: QuickCrypto.scryptSync(pin, salt, 16, { N: 2 ** 17 }).toString('hex') });\n",
      filename: 'src/mobile/db-ok.ts',
    },
    // valid: a digest of a file's bytes under a name for a key, and an upload's `buffer` member: no password
    {
      code: "import QuickCrypto from 'react-native-quick-crypto';\n\nexport function contentKey(upload: { buffer: Buffer; name: string }) {\n  return QuickCrypto.createHash('sha256').update(upload.buffer).digest();\n}\n",
      filename: 'src/files/digest-ok.ts',
    },
    // valid: argon2-browser at RFC 9106's second option (64 MiB, 3 passes), and its verify
    {
      code: "import argon2 from 'argon2-browser';\n\nexport async function unlockKey(passphrase, salt) {\n  const out = await argon2.hash({ pass: passphrase, salt, time: 3, mem: 64 * 1024, hashLen: 32, type: argon2.ArgonType.Argon2id });\n  return out.hash;\n}\n\nexport const check = (passphrase, encoded) => argon2.verify({ pass: passphrase, encoded });\n",
      filename: 'src/web/argon-ok.js',
    },
  ],
  invalid: [
    // argon2-browser with too little memory written, and with its defaults (1 pass, 1 MiB)
    {
      code: "import argon2 from 'argon2-browser';\n\nexport async function shareKey(sharePassword, salt) {\n  const r = await argon2.hash({ pass: sharePassword, salt, time: 4, mem: 8192, hashLen: 32 });\n  return r.hash;\n}\n\nexport const quickKey = (pin, salt) => argon2.hash({ pass: pin, salt, hashLen: 32 });\n",
      filename: 'src/web/argon-weak.js',
      errors: [
        {
          messageId: 'weakKdf',
          line: 4,
          column: 74,
          endLine: 4,
          endColumn: 78,
          suggestions: [
            {
              messageId: 'raiseParam',
              output:
                "import argon2 from 'argon2-browser';\n\nexport async function shareKey(sharePassword, salt) {\n  const r = await argon2.hash({ pass: sharePassword, salt, time: 4, mem: 65536, hashLen: 32 });\n  return r.hash;\n}\n\nexport const quickKey = (pin, salt) => argon2.hash({ pass: pin, salt, hashLen: 32 });\n",
            },
          ],
        },
        { messageId: 'weakKdf', line: 8, column: 40, endLine: 8, endColumn: 51 },
      ],
    },
    // a node:crypto port's plain hash of a PIN, handed to a Realm key through the digest's ArrayBuffer
    {
      code: "import QuickCrypto from 'react-native-quick-crypto';\nimport Realm from 'realm';\n\nexport function openLocked(passcode: string) {\n  const digest = QuickCrypto.createHash('sha512').update(passcode).digest();\n  return new Realm({ path: 'locked.realm', encryptionKey: new Uint8Array(digest).buffer });\n}\n",
      filename: 'src/mobile/realm-pin.ts',
      errors: [{ messageId: 'hashedPassword', line: 5, column: 18, endLine: 5, endColumn: 76 }],
    },
    // crypto-browserify's createHash in a key helper; react-native-aes-crypto's sha256 as an Aes key
    {
      code: "const cb = require('crypto-browserify');\nimport Aes from 'react-native-aes-crypto';\n\nexport function keyFromPassphrase(passphrase) {\n  return cb.createHash('sha256').update(passphrase).digest();\n}\n\nexport async function sealMemo(memo, password, iv) {\n  const k = await Aes.sha512(password);\n  return Aes.encrypt(memo, k, iv, 'aes-256-cbc');\n}\n",
      filename: 'src/web/keys.js',
      errors: [
        { messageId: 'hashedPassword', line: 5, column: 10, endLine: 5, endColumn: 61 },
        {
          messageId: 'hashedPassword',
          line: 9,
          column: 19,
          endLine: 9,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'useDeriveKey',
              output:
                "const cb = require('crypto-browserify');\nimport Aes from 'react-native-aes-crypto';\nimport { deriveKey, randomBytes } from 'keyhygiene/keys';\n\nexport function keyFromPassphrase(passphrase) {\n  return cb.createHash('sha256').update(passphrase).digest();\n}\n\nexport async function sealMemo(memo, password, iv) {\n  const salt = randomBytes(16); // store the salt with the data it protects\n  const k = await (await deriveKey(password, { salt })).expose();\n  return Aes.encrypt(memo, k, iv, 'aes-256-cbc');\n}\n",
            },
          ],
        },
      ],
    },
    // a password padded into forge's byte buffer; a passphrase as MMKV's key
    {
      code: "const forge = require('node-forge');\nconst { MMKV } = require('react-native-mmkv');\n\nfunction sealBlob(bytes, password) {\n  const cipher = forge.cipher.createCipher('AES-CBC', forge.util.createBuffer(password.padStart(16, '#')));\n  cipher.start({ iv: forge.random.getBytesSync(16) });\n  cipher.update(forge.util.createBuffer(bytes));\n  return cipher;\n}\n\nconst storeFor = (passphrase) => new MMKV({ id: 'cache', encryptionKey: passphrase });\nmodule.exports = { sealBlob, storeFor };\n",
      filename: 'src/desktop/forge-blob.js',
      errors: [
        { messageId: 'passwordAsKey', line: 5, column: 55, endLine: 5, endColumn: 106 },
        { messageId: 'passwordAsKey', line: 11, column: 73, endLine: 11, endColumn: 83 },
      ],
    },
    // an encrypt/decrypt pair with one passphrase: reported once, where the data is written
    {
      code: "import CryptoJS from 'crypto-js';\n\nexport const lock = (doc: string, exportPassphrase: string) => CryptoJS.TripleDES.encrypt(doc, exportPassphrase).toString();\n\nexport const unlock = (blob: string, exportPassphrase: string) =>\n  CryptoJS.TripleDES.decrypt(blob, exportPassphrase).toString(CryptoJS.enc.Utf8);\n",
      filename: 'src/export/pair.ts',
      errors: [{ messageId: 'passwordAsKey', line: 3, column: 96, endLine: 3, endColumn: 112 }],
    },
    // a committed passphrase (a string constant) is reported at each use, the decrypt side too
    {
      code: "import CryptoJS from 'crypto-js';\n\nconst DRAFT_PHRASE = 'drafts-are-local-only';\nexport const keep = (d) => CryptoJS.AES.encrypt(JSON.stringify(d), DRAFT_PHRASE).toString();\nexport const restore = (ct) => JSON.parse(CryptoJS.AES.decrypt(ct, DRAFT_PHRASE).toString(CryptoJS.enc.Utf8));\n",
      filename: 'src/web/drafts.js',
      errors: [
        { messageId: 'cryptoJsPassphrase', line: 4, column: 68, endLine: 4, endColumn: 80 },
        { messageId: 'cryptoJsPassphrase', line: 5, column: 68, endLine: 5, endColumn: 80 },
      ],
    },
    // a decrypt with no encrypt in the file (data written elsewhere) is still reported; named for a legacy format,
    // as a legacy read path (session 33, legacy-reads.ts)
    {
      code: "import CryptoJS from 'crypto-js';\n\nexport function readLegacy(blob: string, userPassword: string): string {\n  return CryptoJS.Rabbit.decrypt(blob, userPassword).toString(CryptoJS.enc.Utf8);\n}\n",
      filename: 'src/import/legacy.ts',
      errors: [{ messageId: 'legacyRead', line: 4, column: 40, endLine: 4, endColumn: 52 }],
    },
    // an encrypt and a decrypt keyed by different passwords, and a deprecated decipher with no cipher: each reported
    {
      code: "const CryptoJS = require('crypto-js');\nconst crypto = require('node:crypto');\n\nconst sealArchive = (doc, archivePassword) => CryptoJS.AES.encrypt(doc, archivePassword).toString();\nconst openImport = (blob, importPin) => CryptoJS.AES.decrypt(blob, importPin).toString(CryptoJS.enc.Utf8);\nconst openOld = (buf, pin) => crypto.createDecipher('aes-128-cbc', pin).update(buf);\nmodule.exports = { sealArchive, openImport, openOld };\n",
      filename: 'src/export/two-formats.js',
      errors: [
        { messageId: 'passwordAsKey', line: 4, column: 73, endLine: 4, endColumn: 88 },
        { messageId: 'passwordAsKey', line: 5, column: 68, endLine: 5, endColumn: 77 },
        { messageId: 'deprecatedCipher', line: 6, column: 31, endLine: 6, endColumn: 52 },
      ],
    },
    // a password the app names itself, read from keytar, is still a password
    {
      code: "import keytar from 'keytar';\nimport { createCipheriv, randomBytes } from 'node:crypto';\n\nexport async function sealCache(data: Buffer) {\n  const loginPassword = await keytar.getPassword('desktop', 'login');\n  return createCipheriv('aes-256-gcm', Buffer.from(loginPassword!.padEnd(32, '0')), randomBytes(12)).update(data);\n}\n",
      filename: 'src/desktop/login-cache.ts',
      errors: [
        {
          messageId: 'passwordAsKey',
          line: 6,
          column: 40,
          endLine: 6,
          endColumn: 83,
          suggestions: [
            {
              messageId: 'useDeriveKey',
              output:
                "import keytar from 'keytar';\nimport { createCipheriv, randomBytes } from 'node:crypto';\nimport { deriveKey } from 'keyhygiene/keys';\n\nexport async function sealCache(data: Buffer) {\n  const loginPassword = await keytar.getPassword('desktop', 'login');\n  const salt = randomBytes(16); // store the salt with the data it protects\n  return createCipheriv('aes-256-gcm', (await deriveKey(Buffer.from(loginPassword!.padEnd(32, '0')), { salt })).expose(), randomBytes(12)).update(data);\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
