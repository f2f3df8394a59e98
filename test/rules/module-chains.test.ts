/**
 * How a value reaches a sink across module boundaries, read from disk (`importsOnDisk`) by every rule that asks
 * module-values.ts: a workspace package with no package.json imported by its folder name, a folder imported by
 * name whose index file is a barrel, a re-export under another name, a record built in one module from another
 * module's constants, and a CommonJS barrel. fixtures/rule-tester/module-chains holds the other modules; the
 * near misses read safe values through the same chains. test/scanner/module-chains.test.ts audits the same
 * fixture through the per-file summaries.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import noLoggedKey from '../../rules/no-logged-key.js';
import noPasswordAsKey from '../../rules/no-password-as-key.js';
import noStaticIv from '../../rules/no-static-iv.js';
import noWeakKeySize from '../../rules/no-weak-key-size.js';
import { chainsRuleTester as ruleTester } from '../helpers/rule-tester.js';

const root = fileURLToPath(new URL('../../fixtures/rule-tester/module-chains/', import.meta.url));
const api = 'apps/api/src/';
const worker = 'apps/worker/';
const settings = `${root}packages/crypto-settings/src/`;
const text = (f: string): string => readFileSync(f, 'utf8');
/** The audit's setting: no module is read from disk (its cross-file step joins the summaries instead). */
const inAudit = { keyhygiene: { importsOnDisk: false } };

// A weak choice under a setting's name (`PARTNER_CIPHER`, `cipher:`) is reported where it is written, once, however
// many modules use it; a use reads it through the chain and stays silent. A weak value under a name that says
// nothing (`PARTNER_FALLBACK`) is reported where the chain brings it to a cipher call.
ruleTester.run('no-weak-key-size (module chains)', noWeakKeySize, {
  valid: [
    {
      // the same chains, to strong choices
      code: "import { createCipheriv } from 'node:crypto';\nimport { MODERN_CIPHER } from '@acme/crypto-settings';\nimport { cryptoConfig } from './config';\nexport const a = (k: Buffer, iv: Buffer) => createCipheriv(MODERN_CIPHER, k, iv);\nexport const b = (k: Buffer, iv: Buffer) => createCipheriv(cryptoConfig.modern.algorithm, k, iv);",
      filename: `${api}modern.ts`,
    },
    {
      code: "const crypto = require('node:crypto');\nconst settings = require('../lib');\nexports.seal = (k, iv) => crypto.createCipheriv(settings.safeCipher, k, iv);",
      filename: `${worker}jobs/seal-safe.js`,
    },
    {
      // workspace package without a manifest, by folder name, through its `export *` barrel: judged in ciphers.ts
      code: "import { createCipheriv } from 'node:crypto';\nimport { PARTNER_CIPHER } from '@acme/crypto-settings';\nexport const seal = (k: Buffer, iv: Buffer) => createCipheriv(PARTNER_CIPHER, k, iv);",
      filename: `${api}partner.ts`,
    },
    {
      // a folder imported by name (config/index.ts, a barrel) holding a record built from the package's constant
      code: "import { createCipheriv } from 'node:crypto';\nimport { cryptoConfig } from './config';\nconst { legacy } = cryptoConfig;\nexport const seal = (k: Buffer, iv: Buffer) => createCipheriv(cryptoConfig.legacy.algorithm, k, iv);",
      filename: `${api}legacy.ts`,
    },
    {
      // CommonJS: `require('../lib')`, whose index is `module.exports = require('./settings')`
      code: "const crypto = require('node:crypto');\nconst settings = require('../lib');\nexports.seal = (k, iv) => crypto.createCipheriv(settings.cipher, k, iv);",
      filename: `${worker}jobs/seal.js`,
    },
    {
      // the lint in the audit reads no other module: the use of a generic name is the audit's cross-file step's
      code: "import { createCipheriv } from 'node:crypto';\nimport { PARTNER_FALLBACK } from '@acme/crypto-settings';\nexport const seal = (k: Buffer, iv: Buffer) => createCipheriv(PARTNER_FALLBACK, k, iv);",
      filename: `${api}fallback.ts`,
      settings: inAudit,
    },
  ],
  invalid: [
    {
      // the definitions, imported elsewhere (through the barrel, by folder name) and reported here
      code: text(`${settings}ciphers.ts`),
      filename: 'packages/crypto-settings/src/ciphers.ts',
      errors: [
        {
          messageId: 'weakCipher',
          line: 1,
          column: 31,
          endLine: 1,
          endColumn: 45,
          suggestions: [
            { messageId: 'useSafer', output: text(`${settings}ciphers.ts`).replace("'des-ede3-cbc'", "'aes-256-gcm'") },
          ],
        },
      ],
    },
    {
      code: text(`${root}${worker}lib/settings.js`),
      filename: `${worker}lib/settings.js`,
      errors: [
        {
          messageId: 'weakCipher',
          line: 2,
          column: 11,
          endLine: 2,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'useSafer',
              output: text(`${root}${worker}lib/settings.js`).replace("'bf-cbc'", "'aes-256-gcm'"),
            },
          ],
        },
      ],
    },
    {
      // a name that says nothing: reported where the chain brings the value to the cipher
      code: "import { createCipheriv } from 'node:crypto';\nimport { PARTNER_FALLBACK } from '@acme/crypto-settings';\nexport const seal = (k: Buffer, iv: Buffer) => createCipheriv(PARTNER_FALLBACK, k, iv);",
      filename: `${api}fallback.ts`,
      errors: [{ messageId: 'weakCipher', line: 3, column: 63, endLine: 3, endColumn: 79, suggestions: [] }],
    },
  ],
});

ruleTester.run('no-static-iv (module chains)', noStaticIv, {
  valid: [
    {
      // a size from the same package, drawn fresh
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\nimport { nonceBytes } from '@acme/crypto-settings';\nexport function seal(key: Buffer, data: Buffer) {\n  const iv = randomBytes(nonceBytes);\n  const c = createCipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);\n}",
      filename: `${api}fresh.ts`,
    },
    {
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\nimport { cryptoConfig } from './config';\nexport function seal(key: Buffer, data: Buffer) {\n  const iv = randomBytes(cryptoConfig.modern.ivBytes);\n  const c = createCipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);\n}",
      filename: `${api}fresh-config.ts`,
    },
  ],
  invalid: [
    {
      // re-exported under another name (`export { FIXED_NONCE as SHARED_NONCE } from './nonces'`)
      code: "import { createCipheriv } from 'node:crypto';\nimport { SHARED_NONCE } from '@acme/crypto-settings';\nexport const seal = (key: Buffer) => createCipheriv('aes-256-gcm', key, SHARED_NONCE);",
      filename: `${api}nonce.ts`,
      errors: [{ messageId: 'staticIv', line: 3, column: 73, endLine: 3, endColumn: 85 }],
    },
    {
      code: "import { createCipheriv } from 'node:crypto';\nimport { cryptoConfig } from './config';\nexport const seal = (key: Buffer) => createCipheriv('aes-256-cbc', key, cryptoConfig.legacy.iv);",
      filename: `${api}legacy-iv.ts`,
      errors: [{ messageId: 'staticIv', line: 3, column: 73, endLine: 3, endColumn: 95 }],
    },
    {
      code: "const crypto = require('node:crypto');\nconst { iv } = require('../lib');\nexports.seal = (key) => crypto.createCipheriv('aes-128-cbc', key, iv);",
      filename: `${worker}jobs/iv.js`,
      errors: [{ messageId: 'staticIv', line: 3, column: 67, endLine: 3, endColumn: 69 }],
    },
  ],
});

ruleTester.run('no-logged-key (module chains)', noLoggedKey, {
  valid: [
    {
      // the same chain, to a region
      code: "import { PARTNER_REGION } from '@acme/crypto-settings';\nconsole.info('partner', PARTNER_REGION);",
      filename: `${api}region.ts`,
    },
  ],
  invalid: [
    {
      // a generic name whose value, two modules away, is a secret environment variable
      code: "import { PARTNER_VALUE } from '@acme/crypto-settings';\nconsole.info('partner', PARTNER_VALUE);",
      filename: `${api}partner-log.ts`,
      errors: [
        {
          messageId: 'loggedKey',
          line: 2,
          column: 25,
          endLine: 2,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: "import { PARTNER_VALUE } from '@acme/crypto-settings';\nconsole.info('partner', '[redacted]');",
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-password-as-key (module chains)', noPasswordAsKey, {
  valid: [
    {
      code: "import { pbkdf2Sync } from 'node:crypto';\nimport { cryptoConfig } from './config';\nexport const derive = (password: string, salt: Buffer) =>\n  pbkdf2Sync(password, salt, cryptoConfig.kdf.strongIterations, 32, 'sha256');",
      filename: `${api}kdf-ok.ts`,
    },
    {
      // the count and its digest both read from the other module: SHA-512's floor (210,000) applies
      code: "import { pbkdf2Sync } from 'node:crypto';\nimport { cryptoConfig } from './config';\nexport const derive = (password: string, salt: Buffer) =>\n  pbkdf2Sync(password, salt, cryptoConfig.pbkdf2.sha512Count, 64, cryptoConfig.pbkdf2.digest);",
      filename: `${api}kdf-sha512.ts`,
    },
    {
      // a parameter whose default is the other module's strong count (issue 11, session 26)
      code: "import { pbkdf2Sync } from 'node:crypto';\nimport { cryptoConfig } from './config';\nexport const derive = (password: string, salt: Buffer, rounds = cryptoConfig.kdf.strongIterations) =>\n  pbkdf2Sync(password, salt, rounds, 32, 'sha256');",
      filename: `${api}kdf-default-ok.ts`,
    },
  ],
  invalid: [
    {
      // a parameter whose default is the other module's weak count, passed on as a WebCrypto shorthand member
      code: "import { cryptoConfig } from './config';\nexport async function unlock(passphrase: string, salt: Uint8Array, iterations = cryptoConfig.kdf.iterations) {\n  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);\n  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);\n}",
      filename: `${api}kdf-default.ts`,
      errors: [{ messageId: 'weakKdf', line: 4, column: 75, endLine: 4, endColumn: 85 }],
    },
    {
      code: "import { pbkdf2Sync } from 'node:crypto';\nimport { cryptoConfig } from './config';\nexport const derive = (password: string, salt: Buffer) =>\n  pbkdf2Sync(password, salt, cryptoConfig.kdf.iterations, 32, 'sha256');",
      filename: `${api}kdf.ts`,
      errors: [{ messageId: 'weakKdf', line: 4, column: 30, endLine: 4, endColumn: 57 }],
    },
    {
      // a SHA-512 count under SHA-512's floor, the digest read from the same module
      code: "import { pbkdf2 } from 'node:crypto';\nimport { cryptoConfig } from './config';\nexport const derive = (password: string, salt: Buffer, done: () => void) =>\n  pbkdf2(password, salt, cryptoConfig.pbkdf2.shortSha512Count, 64, cryptoConfig.pbkdf2.digest, done);",
      filename: `${api}kdf-sha512-short.ts`,
      errors: [
        {
          messageId: 'weakKdf',
          data: {
            kdf: 'crypto.pbkdf2',
            param: 'iterations',
            value: 100000,
            isDefault: '',
            floor: 210000,
            source: 'OWASP 2023 for PBKDF2-HMAC-SHA512',
          },
          line: 4,
          column: 26,
          endLine: 4,
          endColumn: 62,
        },
      ],
    },
  ],
});
