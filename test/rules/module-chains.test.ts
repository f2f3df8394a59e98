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
      // the definitions: imported elsewhere (through the barrel, by folder name), so reported at the uses only
      code: text(`${settings}ciphers.ts`),
      filename: 'packages/crypto-settings/src/ciphers.ts',
    },
    {
      // the lint in the audit reads no other module: the use is the audit's cross-file step's to report
      code: "import { createCipheriv } from 'node:crypto';\nimport { PARTNER_CIPHER } from '@acme/crypto-settings';\nexport const seal = (k: Buffer, iv: Buffer) => createCipheriv(PARTNER_CIPHER, k, iv);",
      filename: `${api}partner.ts`,
      settings: inAudit,
    },
  ],
  invalid: [
    {
      // workspace package without a manifest, by folder name, through its `export *` barrel
      code: "import { createCipheriv } from 'node:crypto';\nimport { PARTNER_CIPHER } from '@acme/crypto-settings';\nexport const seal = (k: Buffer, iv: Buffer) => createCipheriv(PARTNER_CIPHER, k, iv);",
      filename: `${api}partner.ts`,
      errors: [{ messageId: 'weakCipher', line: 3, column: 63, endLine: 3, endColumn: 77, suggestions: [] }],
    },
    {
      // a folder imported by name (config/index.ts, a barrel) holding a record built from the package's constant
      code: "import { createCipheriv } from 'node:crypto';\nimport { cryptoConfig } from './config';\nconst { legacy } = cryptoConfig;\nexport const seal = (k: Buffer, iv: Buffer) => createCipheriv(cryptoConfig.legacy.algorithm, k, iv);",
      filename: `${api}legacy.ts`,
      errors: [{ messageId: 'weakCipher', line: 4, column: 63, endLine: 4, endColumn: 92, suggestions: [] }],
    },
    {
      // CommonJS: `require('../lib')`, whose index is `module.exports = require('./settings')`
      code: "const crypto = require('node:crypto');\nconst settings = require('../lib');\nexports.seal = (k, iv) => crypto.createCipheriv(settings.cipher, k, iv);",
      filename: `${worker}jobs/seal.js`,
      errors: [{ messageId: 'weakCipher', line: 3, column: 49, endLine: 3, endColumn: 64, suggestions: [] }],
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
  ],
  invalid: [
    {
      code: "import { pbkdf2Sync } from 'node:crypto';\nimport { cryptoConfig } from './config';\nexport const derive = (password: string, salt: Buffer) =>\n  pbkdf2Sync(password, salt, cryptoConfig.kdf.iterations, 32, 'sha256');",
      filename: `${api}kdf.ts`,
      errors: [{ messageId: 'weakKdf', line: 4, column: 30, endLine: 4, endColumn: 57 }],
    },
  ],
});
