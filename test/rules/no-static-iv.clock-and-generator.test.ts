/**
 * no-static-iv and a value that mixes a clock with a generator (issue 11, session 27, branch cfp11): a salt or IV of
 * `Math.random()` and `Date.now()` changes on every call; it is weak randomness (no-weak-randomness reports it, once),
 * not a repeating value. A clock or a process id alone still repeats and stays reported here.
 */
import rule from '../../rules/no-static-iv.js';
import weakRule from '../../rules/no-weak-randomness.js';
import { ruleTester } from '../helpers/rule-tester.js';

const head = "import { createCipheriv, scryptSync } from 'node:crypto';\n\n";
const hash = (salt: string): string =>
  head +
  `export function legacyHash(password: string): string {\n  const salt = ${salt};\n` +
  "  return scryptSync(password, salt, 64, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 }).toString('hex') + salt;\n}\n";
const seal = (iv: string): string =>
  head +
  `export function seal(key: Buffer, data: Buffer): Buffer {\n  const iv = Buffer.from(${iv}).subarray(0, 16);\n` +
  "  return Buffer.concat([iv, createCipheriv('aes-256-cbc', key, iv).update(data)]);\n}\n";
const fresh = (code: string, name: string) => [
  {
    messageId: 'freshIv' as const,
    output: code
      .replace('{ createCipheriv, scryptSync }', '{ createCipheriv, scryptSync, randomBytes }')
      .replace(/const (salt|iv) = .*;\n/, `const ${name} = randomBytes(16);\n`),
  },
];

const mixedSalt = hash('Math.random().toString(16).slice(2) + Date.now().toString(16)');
const mixedIv = seal('`${Date.now()}${Math.random()}`');

ruleTester.run('no-static-iv (a clock mixed with a generator)', rule, {
  valid: [{ code: mixedSalt }, { code: mixedIv }],
  invalid: [
    {
      code: hash('Date.now().toString(16)'),
      errors: [
        {
          messageId: 'clockIv',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 26,
          suggestions: fresh(hash('Date.now().toString(16)'), 'salt'),
        },
      ],
    },
    {
      code: seal('`${Date.now()}${process.pid}`'),
      errors: [
        {
          messageId: 'clockIv',
          line: 4,
          column: 29,
          endLine: 4,
          endColumn: 39,
          suggestions: fresh(seal('`${Date.now()}${process.pid}`'), 'iv'),
        },
        {
          messageId: 'clockIv',
          line: 4,
          column: 42,
          endLine: 4,
          endColumn: 53,
          suggestions: fresh(seal('`${Date.now()}${process.pid}`'), 'iv'),
        },
      ],
    },
  ],
});

ruleTester.run('no-weak-randomness (the same mixed values)', weakRule, {
  valid: [],
  invalid: [
    {
      code: mixedSalt,
      errors: [
        {
          messageId: 'weakRandom',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output: mixedSalt
                .replace('scryptSync }', 'scryptSync, randomBytes }')
                .replace('Math.random().toString(16).slice(2)', "randomBytes(32).toString('base64url')"),
            },
            {
              messageId: 'useKeys',
              output: mixedSalt
                .replace("'node:crypto';\n", "'node:crypto';\nimport { randomToken } from 'keyhygiene/keys';\n")
                .replace('Math.random().toString(16).slice(2)', 'randomToken()'),
            },
          ],
        },
      ],
    },
    { code: mixedIv, errors: [{ messageId: 'weakRandom', line: 4, column: 42, endLine: 4, endColumn: 55 }] },
  ],
});
