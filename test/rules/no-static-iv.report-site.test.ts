import rule from '../../rules/no-static-iv.js';
import { ruleTester } from '../helpers/rule-tester.js';

// issue 11 (session 40, branch ivrot24): where a finding is reported (docs/rules/no-static-iv.md, "Where a finding is
// reported"). A value that is itself wrong (a constant, a cut of the key) is reported where it is made; a fresh CSPRNG
// draw made once and reused is reported at each encrypting call that reuses it, and at its binding only when no
// encrypting call in the file reuses it (a decrypting call reads the IV back).
ruleTester.run('no-static-iv (report site of reused and constant IVs)', rule, {
  valid: [
    {
      // a fresh IV per message, stored before the ciphertext and read back from it
      code: "import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';\n\nexport function sealExport(key: Buffer, rows: string): Buffer {\n  const iv = randomBytes(16);\n  const c = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([iv, c.update(rows, 'utf8'), c.final()]);\n}\nexport function openExport(key: Buffer, body: Buffer): string {\n  const d = createDecipheriv('aes-256-cbc', key, body.subarray(0, 16));\n  return Buffer.concat([d.update(body.subarray(16)), d.final()]).toString('utf8');\n}\n",
      filename: 'src/export.ts',
    },
  ],
  invalid: [
    {
      // a module-level draw (encrypt reported, decrypt not), a field drawn by @noble/hashes, a field cut from the key
      // (reported at the cut), and a zero IV (reported at its definition)
      code: "import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';\nimport { chacha20poly1305 } from '@noble/ciphers/chacha';\nimport { randomBytes as nobleRandom } from '@noble/hashes/utils';\n\nconst EXPORT_IV = randomBytes(16);\nexport function sealExport(key: Buffer, rows: string): Buffer {\n  const c = createCipheriv('aes-256-cbc', key, EXPORT_IV);\n  return Buffer.concat([c.update(rows, 'utf8'), c.final()]);\n}\nexport function openExport(key: Buffer, body: Buffer): string {\n  const d = createDecipheriv('aes-256-cbc', key, EXPORT_IV);\n  return Buffer.concat([d.update(body), d.final()]).toString('utf8');\n}\n\nexport class HeaderBox {\n  private readonly headerNonce = nobleRandom(12);\n  constructor(private readonly chainKey: Uint8Array) {}\n  sealHeader(h: Uint8Array): Uint8Array {\n    return chacha20poly1305(this.chainKey, this.headerNonce).encrypt(h);\n  }\n}\n\nexport class DerivedIv {\n  private readonly iv: Buffer;\n  constructor(private readonly key: Buffer) {\n    this.iv = this.key.subarray(0, 16);\n  }\n  seal(t: string): Buffer {\n    return createCipheriv('aes-256-cbc', this.key, this.iv).update(t, 'utf8');\n  }\n}\n\nconst ZERO_IV = Buffer.alloc(16);\nexport function legacySeal(key: Buffer, t: string): Buffer {\n  return createCipheriv('aes-256-cbc', key, ZERO_IV).update(t, 'utf8');\n}\n",
      filename: 'src/export.ts',
      errors: [
        {
          messageId: 'reusedIv',
          line: 7,
          column: 48,
          endLine: 7,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'freshIv',
              data: {
                role: 'IV',
                unit: 'message',
                call: 'randomBytes(16)',
                output: 'ciphertext',
                reverse: 'decryption',
              },
              output:
                "import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';\nimport { chacha20poly1305 } from '@noble/ciphers/chacha';\nimport { randomBytes as nobleRandom } from '@noble/hashes/utils';\n\nconst EXPORT_IV = randomBytes(16);\nexport function sealExport(key: Buffer, rows: string): Buffer {\n  const EXPORT_IV = randomBytes(16);\n  const c = createCipheriv('aes-256-cbc', key, EXPORT_IV);\n  return Buffer.concat([c.update(rows, 'utf8'), c.final()]);\n}\nexport function openExport(key: Buffer, body: Buffer): string {\n  const d = createDecipheriv('aes-256-cbc', key, EXPORT_IV);\n  return Buffer.concat([d.update(body), d.final()]).toString('utf8');\n}\n\nexport class HeaderBox {\n  private readonly headerNonce = nobleRandom(12);\n  constructor(private readonly chainKey: Uint8Array) {}\n  sealHeader(h: Uint8Array): Uint8Array {\n    return chacha20poly1305(this.chainKey, this.headerNonce).encrypt(h);\n  }\n}\n\nexport class DerivedIv {\n  private readonly iv: Buffer;\n  constructor(private readonly key: Buffer) {\n    this.iv = this.key.subarray(0, 16);\n  }\n  seal(t: string): Buffer {\n    return createCipheriv('aes-256-cbc', this.key, this.iv).update(t, 'utf8');\n  }\n}\n\nconst ZERO_IV = Buffer.alloc(16);\nexport function legacySeal(key: Buffer, t: string): Buffer {\n  return createCipheriv('aes-256-cbc', key, ZERO_IV).update(t, 'utf8');\n}\n",
            },
          ],
        },
        {
          messageId: 'reusedIv',
          line: 19,
          column: 44,
          endLine: 19,
          endColumn: 60,
          suggestions: [
            {
              messageId: 'freshIv',
              data: {
                role: 'nonce',
                unit: 'message',
                call: 'randomBytes(12)',
                output: 'ciphertext',
                reverse: 'decryption',
              },
              output:
                "import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';\nimport { chacha20poly1305 } from '@noble/ciphers/chacha';\nimport { randomBytes as nobleRandom } from '@noble/hashes/utils';\n\nconst EXPORT_IV = randomBytes(16);\nexport function sealExport(key: Buffer, rows: string): Buffer {\n  const c = createCipheriv('aes-256-cbc', key, EXPORT_IV);\n  return Buffer.concat([c.update(rows, 'utf8'), c.final()]);\n}\nexport function openExport(key: Buffer, body: Buffer): string {\n  const d = createDecipheriv('aes-256-cbc', key, EXPORT_IV);\n  return Buffer.concat([d.update(body), d.final()]).toString('utf8');\n}\n\nexport class HeaderBox {\n  private readonly headerNonce = nobleRandom(12);\n  constructor(private readonly chainKey: Uint8Array) {}\n  sealHeader(h: Uint8Array): Uint8Array {\n    const nonce = randomBytes(12);\n    return chacha20poly1305(this.chainKey, nonce).encrypt(h);\n  }\n}\n\nexport class DerivedIv {\n  private readonly iv: Buffer;\n  constructor(private readonly key: Buffer) {\n    this.iv = this.key.subarray(0, 16);\n  }\n  seal(t: string): Buffer {\n    return createCipheriv('aes-256-cbc', this.key, this.iv).update(t, 'utf8');\n  }\n}\n\nconst ZERO_IV = Buffer.alloc(16);\nexport function legacySeal(key: Buffer, t: string): Buffer {\n  return createCipheriv('aes-256-cbc', key, ZERO_IV).update(t, 'utf8');\n}\n",
            },
          ],
        },
        {
          messageId: 'reusedIv',
          line: 26,
          column: 15,
          endLine: 26,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'freshIv',
              data: {
                role: 'IV',
                unit: 'message',
                call: 'randomBytes(16)',
                output: 'ciphertext',
                reverse: 'decryption',
              },
              output:
                "import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';\nimport { chacha20poly1305 } from '@noble/ciphers/chacha';\nimport { randomBytes as nobleRandom } from '@noble/hashes/utils';\n\nconst EXPORT_IV = randomBytes(16);\nexport function sealExport(key: Buffer, rows: string): Buffer {\n  const c = createCipheriv('aes-256-cbc', key, EXPORT_IV);\n  return Buffer.concat([c.update(rows, 'utf8'), c.final()]);\n}\nexport function openExport(key: Buffer, body: Buffer): string {\n  const d = createDecipheriv('aes-256-cbc', key, EXPORT_IV);\n  return Buffer.concat([d.update(body), d.final()]).toString('utf8');\n}\n\nexport class HeaderBox {\n  private readonly headerNonce = nobleRandom(12);\n  constructor(private readonly chainKey: Uint8Array) {}\n  sealHeader(h: Uint8Array): Uint8Array {\n    return chacha20poly1305(this.chainKey, this.headerNonce).encrypt(h);\n  }\n}\n\nexport class DerivedIv {\n  private readonly iv: Buffer;\n  constructor(private readonly key: Buffer) {\n    this.iv = this.key.subarray(0, 16);\n  }\n  seal(t: string): Buffer {\n    const iv = randomBytes(16);\n    return createCipheriv('aes-256-cbc', this.key, iv).update(t, 'utf8');\n  }\n}\n\nconst ZERO_IV = Buffer.alloc(16);\nexport function legacySeal(key: Buffer, t: string): Buffer {\n  return createCipheriv('aes-256-cbc', key, ZERO_IV).update(t, 'utf8');\n}\n",
            },
          ],
        },
        {
          messageId: 'staticIv',
          line: 33,
          column: 17,
          endLine: 33,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'freshIv',
              data: {
                role: 'IV',
                unit: 'message',
                call: 'randomBytes(16)',
                output: 'ciphertext',
                reverse: 'decryption',
              },
              output:
                "import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';\nimport { chacha20poly1305 } from '@noble/ciphers/chacha';\nimport { randomBytes as nobleRandom } from '@noble/hashes/utils';\n\nconst EXPORT_IV = randomBytes(16);\nexport function sealExport(key: Buffer, rows: string): Buffer {\n  const c = createCipheriv('aes-256-cbc', key, EXPORT_IV);\n  return Buffer.concat([c.update(rows, 'utf8'), c.final()]);\n}\nexport function openExport(key: Buffer, body: Buffer): string {\n  const d = createDecipheriv('aes-256-cbc', key, EXPORT_IV);\n  return Buffer.concat([d.update(body), d.final()]).toString('utf8');\n}\n\nexport class HeaderBox {\n  private readonly headerNonce = nobleRandom(12);\n  constructor(private readonly chainKey: Uint8Array) {}\n  sealHeader(h: Uint8Array): Uint8Array {\n    return chacha20poly1305(this.chainKey, this.headerNonce).encrypt(h);\n  }\n}\n\nexport class DerivedIv {\n  private readonly iv: Buffer;\n  constructor(private readonly key: Buffer) {\n    this.iv = this.key.subarray(0, 16);\n  }\n  seal(t: string): Buffer {\n    return createCipheriv('aes-256-cbc', this.key, this.iv).update(t, 'utf8');\n  }\n}\n\nconst ZERO_IV = Buffer.alloc(16);\nexport function legacySeal(key: Buffer, t: string): Buffer {\n  const ZERO_IV = randomBytes(16);\n  return createCipheriv('aes-256-cbc', key, ZERO_IV).update(t, 'utf8');\n}\n",
            },
          ],
        },
      ],
    },
    {
      // only a decrypting call reads the once-drawn IV: reported where it is drawn
      code: "import { createDecipheriv, randomBytes } from 'node:crypto';\n\nconst IMPORT_IV = randomBytes(16);\nexport function openImport(key: Buffer, body: Buffer): Buffer {\n  return createDecipheriv('aes-256-cbc', key, IMPORT_IV).update(body);\n}\n",
      filename: 'src/import.ts',
      errors: [{ messageId: 'reusedIv', line: 3, column: 7, endLine: 3, endColumn: 16 }],
    },
  ],
});
