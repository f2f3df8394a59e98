import rule from '../../rules/no-weak-randomness.js';
import { ruleTester } from '../helpers/rule-tester.js';

// issue 11 (session 39, branch rand23): a bare `key` names nothing alone (a Map key, a React key), but in a record
// that also holds a cipher's IV, nonce, salt or algorithm (catalogue `cipherCompanionField`) it is the cipher's key.
// Quiet: a cache entry's or a list row's key beside non-cipher fields, a cipher record made from CSPRNG bytes.
ruleTester.run('no-weak-randomness (a key kept beside an IV, nonce, salt or algorithm)', rule, {
  valid: [
    {
      code: 'export function cacheEntry(value: string) {\n  return { key: `entry-${Math.random().toString(36).slice(2)}`, value, ttl: 60 };\n}\n',
      filename: 'src/val1.ts',
    },
    {
      code: 'export function rows(items: string[]) {\n  return items.map((label) => ({ key: Math.random().toString(36), label }));\n}\n',
      filename: 'src/val2.ts',
    },
    {
      code: "import { randomBytes } from 'node:crypto';\n\nexport function newSessionMaterial() {\n  return { key: randomBytes(32), iv: randomBytes(12), createdAt: Date.now() };\n}\n",
      filename: 'src/val3.ts',
    },
  ],
  invalid: [
    {
      code: "import forge from 'node-forge';\n\nexport function newSessionMaterial() {\n  const bytes: number[] = [];\n  for (let i = 0; i < 24; i++) bytes.push(Math.floor(Math.random() * 256));\n  return { key: String.fromCharCode(...bytes), iv: forge.random.getBytesSync(8) };\n}\n",
      filename: 'src/inv1.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 5,
          column: 54,
          endLine: 5,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import forge from 'node-forge';\nimport { randomInt } from 'node:crypto';\n\nexport function newSessionMaterial() {\n  const bytes: number[] = [];\n  for (let i = 0; i < 24; i++) bytes.push(randomInt(256));\n  return { key: String.fromCharCode(...bytes), iv: forge.random.getBytesSync(8) };\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import forge from 'node-forge';\nimport { randomInt } from 'keyhygiene/keys';\n\nexport function newSessionMaterial() {\n  const bytes: number[] = [];\n  for (let i = 0; i < 24; i++) bytes.push(randomInt(0, 256));\n  return { key: String.fromCharCode(...bytes), iv: forge.random.getBytesSync(8) };\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "function exportBundle(payload) {\n  const material = {\n    algorithm: 'aes-256-gcm',\n    key: Date.now().toString(16).padStart(64, '0'),\n    nonce: null,\n  };\n  return { material, payload };\n}\n\nmodule.exports = { exportBundle };\n",
      filename: 'src/inv2.js',
      errors: [
        {
          messageId: 'weakRandom',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomBytes } from 'node:crypto';\nfunction exportBundle(payload) {\n  const material = {\n    algorithm: 'aes-256-gcm',\n    key: randomBytes(32).toString('base64url'),\n    nonce: null,\n  };\n  return { material, payload };\n}\n\nmodule.exports = { exportBundle };\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomToken } from 'keyhygiene/keys';\nfunction exportBundle(payload) {\n  const material = {\n    algorithm: 'aes-256-gcm',\n    key: randomToken(),\n    nonce: null,\n  };\n  return { material, payload };\n}\n\nmodule.exports = { exportBundle };\n",
            },
          ],
        },
      ],
    },
  ],
});
