/**
 * no-hardcoded-key: database keys of on-device stores (issue 11, session 26): SQLCipher keys written into the SQL
 * that opens the database (`PRAGMA key`, `hexkey`, `rekey`, through any client), and the key options of Realm, MMKV
 * and op-sqlite. Keys put into the SQL at run time, bound parameters and other pragmas stay quiet. Every value is
 * FAKE, written for these tests.
 */
import rule from '../../rules/no-hardcoded-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-hardcoded-key (on-device database keys)', rule, {
  valid: [
    // valid: a key put into the PRAGMA at run time, a bound parameter, other pragmas; database keys from the keychain
    {
      code: "const Database = require('better-sqlite3');\nconst { MMKV } = require('react-native-mmkv');\n\nfunction openVault(file, dbKeyHex) {\n  const db = new Database(file);\n  db.exec(`PRAGMA key = \"x'${dbKeyHex}'\"`);\n  db.prepare('PRAGMA key = ?').run(dbKeyHex);\n  db.exec(\"PRAGMA cipher_compatibility = 4; PRAGMA foreign_keys = 'ON'\");\n  return db;\n}\n\nconst prefs = (keyFromKeychain) => new MMKV({ id: 'prefs', encryptionKey: keyFromKeychain });\nmodule.exports = { openVault, prefs };\n",
      filename: 'src/desktop/db-ok.js',
    },
  ],
  invalid: [
    // SQLCipher keys written into the SQL: a passphrase through exec, a raw hex key through run, a rekey
    {
      code: "const Database = require('better-sqlite3');\n\nfunction openCache(file) {\n  const db = new Database(file);\n  db.exec(\"PRAGMA key = 'c4che-Db-Pq82xLw7'\");\n  return db;\n}\n\nfunction openIndex(db) {\n  db.run(`PRAGMA key = \"x'3b7e1f9a2c6d4e8b0a5f7c3e9d1b2a4c6e8f0a2b4c6d8e0f1a3b5c7d9e2f4a6b'\"`);\n}\n\nconst rotate = (db) => db.exec('PRAGMA main.rekey = \"Nw7!rotated-Qz4\"');\nmodule.exports = { openCache, openIndex, rotate };\n",
      filename: 'src/desktop/db.js',
      errors: [
        {
          messageId: 'credential',
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "const Database = require('better-sqlite3');\n\nfunction openCache(file) {\n  const db = new Database(file);\n  db.exec(process.env.APP_KEY);\n  return db;\n}\n\nfunction openIndex(db) {\n  db.run(`PRAGMA key = \"x'3b7e1f9a2c6d4e8b0a5f7c3e9d1b2a4c6e8f0a2b4c6d8e0f1a3b5c7d9e2f4a6b'\"`);\n}\n\nconst rotate = (db) => db.exec('PRAGMA main.rekey = \"Nw7!rotated-Qz4\"');\nmodule.exports = { openCache, openIndex, rotate };\n",
            },
          ],
        },
        {
          messageId: 'credential',
          line: 10,
          column: 10,
          endLine: 10,
          endColumn: 94,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "const Database = require('better-sqlite3');\n\nfunction openCache(file) {\n  const db = new Database(file);\n  db.exec(\"PRAGMA key = 'c4che-Db-Pq82xLw7'\");\n  return db;\n}\n\nfunction openIndex(db) {\n  db.run(process.env.APP_KEY);\n}\n\nconst rotate = (db) => db.exec('PRAGMA main.rekey = \"Nw7!rotated-Qz4\"');\nmodule.exports = { openCache, openIndex, rotate };\n",
            },
          ],
        },
        {
          messageId: 'credential',
          line: 13,
          column: 32,
          endLine: 13,
          endColumn: 71,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "const Database = require('better-sqlite3');\n\nfunction openCache(file) {\n  const db = new Database(file);\n  db.exec(\"PRAGMA key = 'c4che-Db-Pq82xLw7'\");\n  return db;\n}\n\nfunction openIndex(db) {\n  db.run(`PRAGMA key = \"x'3b7e1f9a2c6d4e8b0a5f7c3e9d1b2a4c6e8f0a2b4c6d8e0f1a3b5c7d9e2f4a6b'\"`);\n}\n\nconst rotate = (db) => db.exec(process.env.APP_KEY);\nmodule.exports = { openCache, openIndex, rotate };\n",
            },
          ],
        },
      ],
    },
    // on-device stores keyed with a literal: Realm from hex, MMKV and op-sqlite options
    {
      code: "import Realm from 'realm';\nimport { MMKV } from 'react-native-mmkv';\nimport { open } from '@op-engineering/op-sqlite';\n\nconst REALM_KEY = Buffer.from('5e0c9a7f3b1d8e2a6c4f0b9d7e3a1c5f8b2d6e0a4c9f7b3e1d5a8c2f6b0e4d9a7c3f1b5e8d2a6c0f4b9e7d3a1c5f8b2d6e0a4c9f7b3e1d5a8c2f6b0e4d9a7c', 'hex');\nexport const openArchive = () => Realm.open({ path: 'archive.realm', encryptionKey: REALM_KEY });\nexport const cache = new MMKV({ id: 'cache', encryptionKey: 'mmkv-Rk8wQ2zT7' });\nexport const journal = () => open({ name: 'journal.db', encryptionKey: 'Jr9-sqlc1pher-Vx4' });\n",
      filename: 'src/mobile/stores.ts',
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 5,
          column: 31,
          endLine: 5,
          endColumn: 159,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import Realm from 'realm';\nimport { MMKV } from 'react-native-mmkv';\nimport { open } from '@op-engineering/op-sqlite';\nimport { loadSecret } from 'keyhygiene/keys';\n\nconst REALM_KEY = (await loadSecret('realm-key')).expose();\nexport const openArchive = () => Realm.open({ path: 'archive.realm', encryptionKey: REALM_KEY });\nexport const cache = new MMKV({ id: 'cache', encryptionKey: 'mmkv-Rk8wQ2zT7' });\nexport const journal = () => open({ name: 'journal.db', encryptionKey: 'Jr9-sqlc1pher-Vx4' });\n",
            },
            {
              messageId: 'useEnv',
              output:
                "import Realm from 'realm';\nimport { MMKV } from 'react-native-mmkv';\nimport { open } from '@op-engineering/op-sqlite';\n\nconst REALM_KEY = Buffer.from(process.env.REALM_KEY!, 'hex');\nexport const openArchive = () => Realm.open({ path: 'archive.realm', encryptionKey: REALM_KEY });\nexport const cache = new MMKV({ id: 'cache', encryptionKey: 'mmkv-Rk8wQ2zT7' });\nexport const journal = () => open({ name: 'journal.db', encryptionKey: 'Jr9-sqlc1pher-Vx4' });\n",
            },
          ],
        },
        {
          messageId: 'hardcodedKey',
          line: 7,
          column: 61,
          endLine: 7,
          endColumn: 77,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import Realm from 'realm';\nimport { MMKV } from 'react-native-mmkv';\nimport { open } from '@op-engineering/op-sqlite';\nimport { loadSecret } from 'keyhygiene/keys';\n\nconst REALM_KEY = Buffer.from('5e0c9a7f3b1d8e2a6c4f0b9d7e3a1c5f8b2d6e0a4c9f7b3e1d5a8c2f6b0e4d9a7c3f1b5e8d2a6c0f4b9e7d3a1c5f8b2d6e0a4c9f7b3e1d5a8c2f6b0e4d9a7c', 'hex');\nexport const openArchive = () => Realm.open({ path: 'archive.realm', encryptionKey: REALM_KEY });\nexport const cache = new MMKV({ id: 'cache', encryptionKey: (await loadSecret('encryption-key')).expose().toString('base64') });\nexport const journal = () => open({ name: 'journal.db', encryptionKey: 'Jr9-sqlc1pher-Vx4' });\n",
            },
            {
              messageId: 'useEnv',
              output:
                "import Realm from 'realm';\nimport { MMKV } from 'react-native-mmkv';\nimport { open } from '@op-engineering/op-sqlite';\n\nconst REALM_KEY = Buffer.from('5e0c9a7f3b1d8e2a6c4f0b9d7e3a1c5f8b2d6e0a4c9f7b3e1d5a8c2f6b0e4d9a7c3f1b5e8d2a6c0f4b9e7d3a1c5f8b2d6e0a4c9f7b3e1d5a8c2f6b0e4d9a7c', 'hex');\nexport const openArchive = () => Realm.open({ path: 'archive.realm', encryptionKey: REALM_KEY });\nexport const cache = new MMKV({ id: 'cache', encryptionKey: process.env.ENCRYPTION_KEY! });\nexport const journal = () => open({ name: 'journal.db', encryptionKey: 'Jr9-sqlc1pher-Vx4' });\n",
            },
          ],
        },
        {
          messageId: 'hardcodedKey',
          line: 8,
          column: 72,
          endLine: 8,
          endColumn: 91,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "import Realm from 'realm';\nimport { MMKV } from 'react-native-mmkv';\nimport { open } from '@op-engineering/op-sqlite';\n\nconst REALM_KEY = Buffer.from('5e0c9a7f3b1d8e2a6c4f0b9d7e3a1c5f8b2d6e0a4c9f7b3e1d5a8c2f6b0e4d9a7c3f1b5e8d2a6c0f4b9e7d3a1c5f8b2d6e0a4c9f7b3e1d5a8c2f6b0e4d9a7c', 'hex');\nexport const openArchive = () => Realm.open({ path: 'archive.realm', encryptionKey: REALM_KEY });\nexport const cache = new MMKV({ id: 'cache', encryptionKey: 'mmkv-Rk8wQ2zT7' });\nexport const journal = () => open({ name: 'journal.db', encryptionKey: process.env.ENCRYPTION_KEY! });\n",
            },
          ],
        },
      ],
    },
  ],
});
