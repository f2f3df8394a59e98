import rule from '../../rules/no-static-iv.js';
import { ruleTester } from '../helpers/rule-tester.js';

// issue 11 (session 25, branch rule9rand): an IV or nonce the encrypting code builds from data with no random part
// (a sensor's serial number, a record's field or its length, a topic padded to size, a page's revision): the same for
// every message about that record. Near misses: IVs read from the message by decrypting calls, an IV handed in whole
// by the caller, a random prefix joined to a counter block, ECB's absent IV.
ruleTester.run('no-static-iv (IVs built from data, batch rule9rand)', rule, {
  valid: [
    {
      code: "import { createCipheriv, createDecipheriv } from 'node:crypto';\nimport { gcm } from '@noble/ciphers/aes';\n\nexport function openPacket(key: Buffer, packet: Buffer) {\n  const d = createDecipheriv('aes-256-cbc', key, packet.subarray(0, 16));\n  return Buffer.concat([d.update(packet.subarray(16)), d.final()]);\n}\n\nexport function openBlob(key: Uint8Array, blob: Uint8Array) {\n  return gcm(key, blob.subarray(0, 12)).decrypt(blob.subarray(12));\n}\n\nexport function encryptWith(key: Buffer, v: Buffer, data: Buffer) {\n  return createCipheriv('aes-256-ctr', key, Buffer.from(v)).update(data);\n}\n\nfunction nonceFrom(prefix: Buffer, seq: number): Buffer {\n  const c = Buffer.alloc(8);\n  c.writeBigUInt64BE(BigInt(seq));\n  return Buffer.concat([prefix, c]);\n}\n\nexport function sealNext(key: Buffer, prefix: Buffer, seq: number, data: Buffer) {\n  return createCipheriv('aes-256-gcm', key, nonceFrom(prefix, seq)).update(data);\n}\n\nexport function partnerEcb(key: Buffer, data: Buffer) {\n  return createCipheriv('aes-128-ecb', key, null).update(data);\n}\n",
      filename: 'src/near-misses.ts',
    },
  ],
  invalid: [
    {
      code: "import { createCipheriv } from 'node:crypto';\nimport nacl from 'tweetnacl';\nimport CryptoJS from 'crypto-js';\n\nexport function sealReading(key: Uint8Array, sensor: { serialNumber: string }, reading: Uint8Array) {\n  const nonce = new TextEncoder().encode(sensor.serialNumber.padStart(24, '0').slice(-24));\n  return nacl.secretbox(reading, nonce, key);\n}\n\nexport function sealRecord(key: Buffer, record: { kind: string; body: string }) {\n  const iv = Buffer.alloc(16, record.kind.length);\n  const c = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([c.update(record.body, 'utf8'), c.final()]);\n}\n\nfunction nonceFor(topic: string): Buffer {\n  return Buffer.concat([Buffer.from(topic, 'utf8'), Buffer.alloc(12)]).subarray(0, 12);\n}\n\nexport function sealTopic(key: Buffer, topic: string, text: string) {\n  const c = createCipheriv('chacha20-poly1305', key, nonceFor(topic), { authTagLength: 16 });\n  return Buffer.concat([c.update(text, 'utf8'), c.final(), c.getAuthTag()]);\n}\n\nexport function sealPage(keyHex: string, page: { revision: number; html: string }) {\n  const iv = CryptoJS.enc.Utf8.parse(String(page.revision).padEnd(16, '#'));\n  return CryptoJS.AES.encrypt(page.html, CryptoJS.enc.Hex.parse(keyHex), { iv }).toString();\n}\n",
      filename: 'src/sealing.ts',
      errors: [
        {
          messageId: 'staticIv',
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 91,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { createCipheriv, randomBytes } from 'node:crypto';\nimport nacl from 'tweetnacl';\nimport CryptoJS from 'crypto-js';\n\nexport function sealReading(key: Uint8Array, sensor: { serialNumber: string }, reading: Uint8Array) {\n  const nonce = randomBytes(24);\n  return nacl.secretbox(reading, nonce, key);\n}\n\nexport function sealRecord(key: Buffer, record: { kind: string; body: string }) {\n  const iv = Buffer.alloc(16, record.kind.length);\n  const c = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([c.update(record.body, 'utf8'), c.final()]);\n}\n\nfunction nonceFor(topic: string): Buffer {\n  return Buffer.concat([Buffer.from(topic, 'utf8'), Buffer.alloc(12)]).subarray(0, 12);\n}\n\nexport function sealTopic(key: Buffer, topic: string, text: string) {\n  const c = createCipheriv('chacha20-poly1305', key, nonceFor(topic), { authTagLength: 16 });\n  return Buffer.concat([c.update(text, 'utf8'), c.final(), c.getAuthTag()]);\n}\n\nexport function sealPage(keyHex: string, page: { revision: number; html: string }) {\n  const iv = CryptoJS.enc.Utf8.parse(String(page.revision).padEnd(16, '#'));\n  return CryptoJS.AES.encrypt(page.html, CryptoJS.enc.Hex.parse(keyHex), { iv }).toString();\n}\n",
            },
          ],
        },
        {
          messageId: 'staticIv',
          line: 11,
          column: 14,
          endLine: 11,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { createCipheriv, randomBytes } from 'node:crypto';\nimport nacl from 'tweetnacl';\nimport CryptoJS from 'crypto-js';\n\nexport function sealReading(key: Uint8Array, sensor: { serialNumber: string }, reading: Uint8Array) {\n  const nonce = new TextEncoder().encode(sensor.serialNumber.padStart(24, '0').slice(-24));\n  return nacl.secretbox(reading, nonce, key);\n}\n\nexport function sealRecord(key: Buffer, record: { kind: string; body: string }) {\n  const iv = randomBytes(16);\n  const c = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([c.update(record.body, 'utf8'), c.final()]);\n}\n\nfunction nonceFor(topic: string): Buffer {\n  return Buffer.concat([Buffer.from(topic, 'utf8'), Buffer.alloc(12)]).subarray(0, 12);\n}\n\nexport function sealTopic(key: Buffer, topic: string, text: string) {\n  const c = createCipheriv('chacha20-poly1305', key, nonceFor(topic), { authTagLength: 16 });\n  return Buffer.concat([c.update(text, 'utf8'), c.final(), c.getAuthTag()]);\n}\n\nexport function sealPage(keyHex: string, page: { revision: number; html: string }) {\n  const iv = CryptoJS.enc.Utf8.parse(String(page.revision).padEnd(16, '#'));\n  return CryptoJS.AES.encrypt(page.html, CryptoJS.enc.Hex.parse(keyHex), { iv }).toString();\n}\n",
            },
          ],
        },
        {
          messageId: 'staticIv',
          line: 17,
          column: 10,
          endLine: 17,
          endColumn: 87,
          suggestions: [
            {
              messageId: 'freshIv',
              output:
                "import { createCipheriv, randomBytes } from 'node:crypto';\nimport nacl from 'tweetnacl';\nimport CryptoJS from 'crypto-js';\n\nexport function sealReading(key: Uint8Array, sensor: { serialNumber: string }, reading: Uint8Array) {\n  const nonce = new TextEncoder().encode(sensor.serialNumber.padStart(24, '0').slice(-24));\n  return nacl.secretbox(reading, nonce, key);\n}\n\nexport function sealRecord(key: Buffer, record: { kind: string; body: string }) {\n  const iv = Buffer.alloc(16, record.kind.length);\n  const c = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([c.update(record.body, 'utf8'), c.final()]);\n}\n\nfunction nonceFor(topic: string): Buffer {\n  return Buffer.concat([Buffer.from(topic, 'utf8'), Buffer.alloc(12)]).subarray(0, 12);\n}\n\nexport function sealTopic(key: Buffer, topic: string, text: string) {\n  const iv = randomBytes(12);\n  const c = createCipheriv('chacha20-poly1305', key, iv, { authTagLength: 16 });\n  return Buffer.concat([c.update(text, 'utf8'), c.final(), c.getAuthTag()]);\n}\n\nexport function sealPage(keyHex: string, page: { revision: number; html: string }) {\n  const iv = CryptoJS.enc.Utf8.parse(String(page.revision).padEnd(16, '#'));\n  return CryptoJS.AES.encrypt(page.html, CryptoJS.enc.Hex.parse(keyHex), { iv }).toString();\n}\n",
            },
          ],
        },
        {
          messageId: 'staticIv',
          line: 26,
          column: 14,
          endLine: 26,
          endColumn: 76,
        },
      ],
    },
  ],
});
