/**
 * no-static-iv decides from how the key is produced and where the IV is made (issue 11, session 24, branch rfp6a):
 * a fixed nonce under a key made fresh in the same call (an ephemeral ECDH secret through HKDF, a random content
 * key, a password KDF with a fresh salt, a fresh raw key imported into WebCrypto) encrypts one message per key and
 * is not reported; a long-lived key, a key handed in, a password KDF with a stored salt, and a fresh key used in a
 * loop stay reported. A derived IV made in a constructor or a same-file helper is reported where it is made, once.
 */
import rule from '../../rules/no-static-iv.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-static-iv (provenance, session 24)', rule, {
  valid: [
    {
      // ECIES-style sealing: a fresh ephemeral key per message (noble x25519 + HKDF, node ECDH + hkdfSync)
      code: [
        "import crypto from 'node:crypto';",
        "import { hkdf } from '@noble/hashes/hkdf.js';",
        "import { sha256 } from '@noble/hashes/sha2.js';",
        "import { x25519 } from '@noble/curves/ed25519.js';",
        "import { gcm } from '@noble/ciphers/aes.js';",
        '',
        '// ECIES-style sealing: a fresh ephemeral key per message, so the derived key encrypts exactly one message',
        'export function seal(recipientPub: Uint8Array, plaintext: Uint8Array) {',
        '  const ephPriv = x25519.utils.randomPrivateKey();',
        '  const shared = x25519.getSharedSecret(ephPriv, recipientPub);',
        "  const key = hkdf(sha256, shared, undefined, 'sealed-box v1', 32);",
        '  const ct = gcm(key, new Uint8Array(12)).encrypt(plaintext);',
        '  return { ephPub: x25519.getPublicKey(ephPriv), ct };',
        '}',
        '',
        'export function sealNode(recipientPub: Buffer, plaintext: Buffer) {',
        "  const ecdh = crypto.createECDH('prime256v1');",
        '  ecdh.generateKeys();',
        '  const secret = ecdh.computeSecret(recipientPub);',
        "  const key = crypto.hkdfSync('sha256', secret, Buffer.alloc(0), 'file key', 32);",
        "  const cipher = crypto.createCipheriv('aes-256-gcm', Buffer.from(key), Buffer.alloc(12));",
        '  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);',
        '  return { epk: ecdh.getPublicKey(), ct, tag: cipher.getAuthTag() };',
        '}',
      ].join('\n'),
      filename: 'src/sealed-box.ts',
    },
    {
      // a random content key per file, a password KDF with a fresh salt, a fresh raw key imported into WebCrypto
      code: [
        "import { randomBytes, createCipheriv, scryptSync } from 'node:crypto';",
        '',
        '// a random content key per file, wrapped for the recipient elsewhere: one message per key',
        'export function encryptFile(data: Buffer, wrap: (k: Buffer) => Buffer) {',
        '  const fileKey = randomBytes(32);',
        "  const c = createCipheriv('chacha20-poly1305', fileKey, Buffer.alloc(12), { authTagLength: 16 });",
        '  const body = Buffer.concat([c.update(data), c.final()]);',
        '  return { wrapped: wrap(fileKey), body, tag: c.getAuthTag() };',
        '}',
        '',
        '// a password KDF with a fresh salt per message: the key is new each time',
        'export function encryptWithPassword(password: string, data: Buffer) {',
        '  const salt = randomBytes(16);',
        '  const key = scryptSync(password, salt, 32);',
        "  const c = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));",
        '  return Buffer.concat([salt, c.update(data), c.final()]);',
        '}',
        '',
        'export async function webSeal(data: Uint8Array) {',
        '  const raw = crypto.getRandomValues(new Uint8Array(32));',
        "  const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);",
        "  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, key, data);",
        '  return { raw, ct };',
        '}',
      ].join('\n'),
      filename: 'src/file-key.ts',
    },
  ],
  invalid: [
    {
      // near misses: a module-level key, a key handed in, a password KDF with a stored salt
      code: [
        "import { createCipheriv, scryptSync, randomBytes } from 'node:crypto';",
        '',
        'const masterKey = randomBytes(32);',
        '// near misses: a long-lived key (module-level), a key handed in, a password KDF with a stored salt',
        'export function encryptRecord(data: Buffer) {',
        "  const c = createCipheriv('aes-256-gcm', masterKey, Buffer.alloc(12));",
        '  return Buffer.concat([c.update(data), c.final()]);',
        '}',
        'export function encryptWith(key: Buffer, data: Buffer) {',
        "  const c = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));",
        '  return Buffer.concat([c.update(data), c.final()]);',
        '}',
        'export function encryptForUser(password: string, user: { salt: Buffer }, data: Buffer) {',
        '  const key = scryptSync(password, user.salt, 32);',
        "  const c = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));",
        '  return Buffer.concat([c.update(data), c.final()]);',
        '}',
      ].join('\n'),
      filename: 'src/long-lived.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 6,
          column: 54,
          endLine: 6,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { createCipheriv, scryptSync, randomBytes } from 'node:crypto';\n\nconst masterKey = randomBytes(32);\n// near misses: a long-lived key (module-level), a key handed in, a password KDF with a stored salt\nexport function encryptRecord(data: Buffer) {\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', masterKey, iv);\n  return Buffer.concat([c.update(data), c.final()]);\n}\nexport function encryptWith(key: Buffer, data: Buffer) {\n  const c = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));\n  return Buffer.concat([c.update(data), c.final()]);\n}\nexport function encryptForUser(password: string, user: { salt: Buffer }, data: Buffer) {\n  const key = scryptSync(password, user.salt, 32);\n  const c = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));\n  return Buffer.concat([c.update(data), c.final()]);\n}",
            },
          ],
        },
        {
          messageId: 'staticIv',
          line: 10,
          column: 48,
          endLine: 10,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { createCipheriv, scryptSync, randomBytes } from 'node:crypto';\n\nconst masterKey = randomBytes(32);\n// near misses: a long-lived key (module-level), a key handed in, a password KDF with a stored salt\nexport function encryptRecord(data: Buffer) {\n  const c = createCipheriv('aes-256-gcm', masterKey, Buffer.alloc(12));\n  return Buffer.concat([c.update(data), c.final()]);\n}\nexport function encryptWith(key: Buffer, data: Buffer) {\n  const iv = randomBytes(16);\n  const c = createCipheriv('aes-256-ctr', key, iv);\n  return Buffer.concat([c.update(data), c.final()]);\n}\nexport function encryptForUser(password: string, user: { salt: Buffer }, data: Buffer) {\n  const key = scryptSync(password, user.salt, 32);\n  const c = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));\n  return Buffer.concat([c.update(data), c.final()]);\n}",
            },
          ],
        },
        {
          messageId: 'staticIv',
          line: 15,
          column: 48,
          endLine: 15,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { createCipheriv, scryptSync, randomBytes } from 'node:crypto';\n\nconst masterKey = randomBytes(32);\n// near misses: a long-lived key (module-level), a key handed in, a password KDF with a stored salt\nexport function encryptRecord(data: Buffer) {\n  const c = createCipheriv('aes-256-gcm', masterKey, Buffer.alloc(12));\n  return Buffer.concat([c.update(data), c.final()]);\n}\nexport function encryptWith(key: Buffer, data: Buffer) {\n  const c = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));\n  return Buffer.concat([c.update(data), c.final()]);\n}\nexport function encryptForUser(password: string, user: { salt: Buffer }, data: Buffer) {\n  const key = scryptSync(password, user.salt, 32);\n  const iv = randomBytes(16);\n  const c = createCipheriv('aes-256-ctr', key, iv);\n  return Buffer.concat([c.update(data), c.final()]);\n}",
            },
          ],
        },
      ],
    },
    {
      // near miss: a fresh key, but the cipher call runs once per chunk in a loop
      code: [
        "import { createCipheriv, randomBytes } from 'node:crypto';",
        '',
        'export function encryptChunks(chunks: Buffer[]) {',
        '  const key = randomBytes(32);',
        '  const out: Buffer[] = [];',
        '  for (const chunk of chunks) {',
        "    const c = createCipheriv('aes-256-gcm', key, Buffer.alloc(12));",
        '    out.push(Buffer.concat([c.update(chunk), c.final(), c.getAuthTag()]));',
        '  }',
        '  return { key, out };',
        '}',
      ].join('\n'),
      filename: 'src/chunks.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 7,
          column: 50,
          endLine: 7,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { createCipheriv, randomBytes } from 'node:crypto';\n\nexport function encryptChunks(chunks: Buffer[]) {\n  const key = randomBytes(32);\n  const out: Buffer[] = [];\n  for (const chunk of chunks) {\n    const iv = randomBytes(12);\n    const c = createCipheriv('aes-256-gcm', key, iv);\n    out.push(Buffer.concat([c.update(chunk), c.final(), c.getAuthTag()]));\n  }\n  return { key, out };\n}",
            },
          ],
        },
      ],
    },
    {
      // a nonce made from the channel id in the constructor (one report for seal and open), an IV from a helper
      code: [
        "import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';",
        "import { createHash, createCipheriv } from 'node:crypto';",
        '',
        'export class Channel {',
        '  private readonly nonce: Uint8Array;',
        '  constructor(',
        '    readonly channelId: string,',
        '    private readonly key: Uint8Array,',
        '  ) {',
        "    this.nonce = new TextEncoder().encode(channelId.padEnd(24, '#').slice(0, 24));",
        '  }',
        '  seal(m: Uint8Array) {',
        '    return xchacha20poly1305(this.key, this.nonce).encrypt(m);',
        '  }',
        '  open(c: Uint8Array) {',
        '    return xchacha20poly1305(this.key, this.nonce).decrypt(c);',
        '  }',
        '}',
        '',
        'function ivForDocument(documentId: string): Buffer {',
        "  return createHash('sha256').update(documentId).digest().subarray(0, 16);",
        '}',
        '',
        'export function encryptDocument(key: Buffer, documentId: string, body: Buffer) {',
        '  const iv = ivForDocument(documentId);',
        "  const c = createCipheriv('aes-256-cbc', key, iv);",
        '  return Buffer.concat([c.update(body), c.final()]);',
        '}',
      ].join('\n'),
      filename: 'src/channel.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 10,
          column: 43,
          endLine: 10,
          endColumn: 81,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';\nimport { createHash, createCipheriv, randomBytes } from 'node:crypto';\n\nexport class Channel {\n  private readonly nonce: Uint8Array;\n  constructor(\n    readonly channelId: string,\n    private readonly key: Uint8Array,\n  ) {\n    this.nonce = new TextEncoder().encode(channelId.padEnd(24, '#').slice(0, 24));\n  }\n  seal(m: Uint8Array) {\n    const nonce = randomBytes(24);\n    return xchacha20poly1305(this.key, nonce).encrypt(m);\n  }\n  open(c: Uint8Array) {\n    return xchacha20poly1305(this.key, this.nonce).decrypt(c);\n  }\n}\n\nfunction ivForDocument(documentId: string): Buffer {\n  return createHash('sha256').update(documentId).digest().subarray(0, 16);\n}\n\nexport function encryptDocument(key: Buffer, documentId: string, body: Buffer) {\n  const iv = ivForDocument(documentId);\n  const c = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([c.update(body), c.final()]);\n}",
            },
          ],
        },
        {
          messageId: 'staticIv',
          line: 21,
          column: 10,
          endLine: 21,
          endColumn: 74,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';\nimport { createHash, createCipheriv, randomBytes } from 'node:crypto';\n\nexport class Channel {\n  private readonly nonce: Uint8Array;\n  constructor(\n    readonly channelId: string,\n    private readonly key: Uint8Array,\n  ) {\n    this.nonce = new TextEncoder().encode(channelId.padEnd(24, '#').slice(0, 24));\n  }\n  seal(m: Uint8Array) {\n    return xchacha20poly1305(this.key, this.nonce).encrypt(m);\n  }\n  open(c: Uint8Array) {\n    return xchacha20poly1305(this.key, this.nonce).decrypt(c);\n  }\n}\n\nfunction ivForDocument(documentId: string): Buffer {\n  return createHash('sha256').update(documentId).digest().subarray(0, 16);\n}\n\nexport function encryptDocument(key: Buffer, documentId: string, body: Buffer) {\n  const iv = randomBytes(16);\n  const c = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([c.update(body), c.final()]);\n}",
            },
          ],
        },
      ],
    },
  ],
});
