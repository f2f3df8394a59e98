import rule from '../../rules/no-static-iv.js';
import { ruleTester } from '../helpers/rule-tester.js';

// session 27 (lead, from cfp11's report): the fresh-IV suggestion sizes the IV by the cipher's block. 64-bit block
// ciphers (3DES, Blowfish, CAST5) take 8 bytes; AES-CBC keeps 16 and GCM 12.
const sealWith = (alg: string, size: number, iv: string): string =>
  `import { createCipheriv, randomBytes } from 'node:crypto';\n\nexport function seal(key: Buffer, body: Buffer): Buffer {\n` +
  `  const iv = ${iv};\n  return createCipheriv('${alg}', key, iv).update(body);\n}\n` +
  `export const size = ${size};\n`;

const cases: readonly (readonly [string, number])[] = [
  ['des-ede3-cbc', 8],
  ['bf-cbc', 8],
  ['cast5-cfb', 8],
  ['aes-256-cbc', 16],
  ['aes-128-gcm', 12],
];

ruleTester.run('no-static-iv (fresh-IV size follows the cipher block)', rule, {
  valid: [{ code: sealWith('des-ede3-cbc', 8, 'randomBytes(8)'), filename: 'src/seal.ts' }],
  invalid: cases.map(([alg, size]) => ({
    code: sealWith(alg, size, `Buffer.alloc(${size})`),
    filename: 'src/seal.ts',
    errors: [
      {
        messageId: 'staticIv' as const,
        line: 4,
        column: 14,
        endLine: 4,
        endColumn: 14 + `Buffer.alloc(${size})`.length,
        suggestions: [{ messageId: 'freshIv' as const, output: sealWith(alg, size, `randomBytes(${size})`) }],
      },
    ],
  })),
});
