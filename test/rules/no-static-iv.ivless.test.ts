/**
 * no-static-iv and ciphers that take no IV (issue 11, session 27, branch cfp11): ECB modes and RC4 ignore the IV
 * argument (node:crypto wants it empty or null), so an empty string, a zero-length buffer or a constant handed to one
 * repeats nothing; the cipher is the mistake, reported by no-weak-key-size. The same constants given to a CBC, CTR or
 * GCM cipher, or to 3DES in CBC mode, stay reported.
 */
import rule from '../../rules/no-static-iv.js';
import { ruleTester } from '../helpers/rule-tester.js';

const seal = (algorithm: string, iv: string): string =>
  `import { createCipheriv } from 'node:crypto';\n\nconst IV = ${iv};\n\n` +
  `export function seal(key: Buffer, data: Buffer): Buffer {\n` +
  `  const c = createCipheriv('${algorithm}', key, IV);\n  return Buffer.concat([c.update(data), c.final()]);\n}\n`;

/** The suggestion: a fresh IV of `bytes` declared before the cipher call, randomBytes imported. */
const fresh = (code: string, bytes: number) => [
  {
    messageId: 'freshIv' as const,
    output: code
      .replace('import { createCipheriv }', 'import { createCipheriv, randomBytes }')
      .replace('  const c = ', `  const IV = randomBytes(${bytes});\n  const c = `),
  },
];

ruleTester.run('no-static-iv (ciphers with no IV)', rule, {
  valid: [
    { code: seal('rc4', "''") },
    { code: seal('aes-128-ecb', 'Buffer.alloc(0)') },
    { code: seal('des-ede3', "Buffer.from('')") },
    { code: seal('bf-ecb', 'new Uint8Array(0)') },
    {
      // inline, in a decipher
      code: "import { createDecipheriv } from 'node:crypto';\n\nexport const open = (key: Buffer, ct: Buffer) => createDecipheriv('AES-256-ECB', key, '').update(ct);\n",
    },
  ],
  invalid: [
    {
      code: seal('aes-128-cbc', 'Buffer.alloc(16)'),
      errors: [
        {
          messageId: 'staticIv',
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 28,
          suggestions: fresh(seal('aes-128-cbc', 'Buffer.alloc(16)'), 16),
        },
      ],
    },
    {
      // 3DES has a 64-bit block: its fresh IV is 8 bytes (catalogue ivSizes).
      code: seal('des-ede3-cbc', "Buffer.from('0011223344556677', 'hex')"),
      errors: [
        {
          messageId: 'staticIv',
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 42,
          suggestions: fresh(seal('des-ede3-cbc', "Buffer.from('0011223344556677', 'hex')"), 8),
        },
      ],
    },
    {
      code: seal('aes-256-gcm', 'new Uint8Array(12)'),
      errors: [
        {
          messageId: 'staticIv',
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 30,
          suggestions: fresh(seal('aes-256-gcm', 'new Uint8Array(12)'), 12),
        },
      ],
    },
  ],
});
