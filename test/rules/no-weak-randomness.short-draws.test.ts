import rule from '../../rules/no-weak-randomness.js';
import { ruleTester } from '../helpers/rule-tester.js';

// issue 11 (session 26, branch rule10rand): a CSPRNG draw too short for a long secret (W1), a record named for a
// secret that holds it in a carrier property, and purpose words the lexicon lacked (W2): a BLE passkey, a PSK, a
// provably-fair server seed, a bearer ticket. Seen in dev10rand and dev9rand (short draws), and dev10rand, dev9rand,
// blind4 and blind7b (the words).
ruleTester.run('no-weak-randomness (short CSPRNG draws, batch rule10rand)', rule, {
  valid: [
    {
      // 64 bits and more for a token; short draws for a request id, a key id, a PIN, an MFA code and a nonce prefix;
      // a short draw beside a full UUID; a cut of a parameter (its size is the caller's)
      code: "import { randomBytes, randomInt, randomUUID } from 'node:crypto';\n\nexport const resetToken = (): string => randomBytes(8).toString('hex');\nexport const requestId = (): string => randomBytes(4).toString('hex');\nexport const keyId = (): string => `kid_${randomBytes(3).toString('hex')}`;\nexport const pin = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');\nexport const mfaCode = (): string => randomBytes(3).readUIntBE(0, 3).toString().slice(-6);\nexport function nonce(): Buffer {\n  return Buffer.concat([randomBytes(4), Buffer.alloc(8)]);\n}\nexport const apiToken = (): string => `${randomBytes(4).toString('hex')}${randomUUID()}`;\nexport const csrfToken = (seed: Buffer): string => seed.toString('hex').slice(0, 8);\n",
      filename: 'src/ids.ts',
    },
    {
      // draws repeated per character, per pass of a loop, per pushed part: many short draws make a long secret
      code: "import { randomBytes, randomInt } from 'node:crypto';\n\nfunction pick(alphabet: string): string {\n  const buf = new Uint8Array(1);\n  crypto.getRandomValues(buf);\n  return alphabet[buf[0]! % alphabet.length]!;\n}\nexport function generatePassword(length = 20): string {\n  return Array.from({ length }, () => pick('abcdefghijklmnopqrstuvwxyz012345')).join('');\n}\nexport function apiToken(): string {\n  let token = '';\n  for (let i = 0; i < 24; i++) token += randomBytes(1).toString('hex');\n  return token;\n}\nexport function sessionSecret(): string {\n  let s = '';\n  while (s.length < 32) s = s + randomInt(36).toString(36);\n  return s;\n}\nexport function recoverySecret(): string {\n  const parts: string[] = [];\n  for (let i = 0; i < 8; i++) parts.push(randomBytes(2).toString('hex'));\n  return parts.join('-');\n}\n",
      filename: 'src/generators.ts',
    },
  ],
  invalid: [
    {
      // a session id, an API secret filled in place, a token cut from a UUID, a password from a library CSPRNG
      code: "import { randomBytes, randomUUID, webcrypto } from 'node:crypto';\nimport nacl from 'tweetnacl';\n\nexport function issueSessionId(userId: string): string {\n  return `${userId}.${randomBytes(3).toString('base64url')}`;\n}\n\nexport function createApiSecret() {\n  const raw = new Uint8Array(5);\n  webcrypto.getRandomValues(raw);\n  return Buffer.from(raw).toString('hex');\n}\n\nexport const guestOrderToken = (): string => randomUUID().replace(/-/g, '').slice(0, 10);\n\nexport function roomPassword(): string {\n  return Buffer.from(nacl.randomBytes(6)).toString('base64');\n}\n",
      filename: 'src/short.ts',
      errors: [
        { messageId: 'shortRandom', line: 5, column: 23, endLine: 5, endColumn: 37 },
        { messageId: 'shortRandom', line: 10, column: 3, endLine: 10, endColumn: 33 },
        { messageId: 'shortRandom', line: 14, column: 46, endLine: 14, endColumn: 58 },
        { messageId: 'shortRandom', line: 17, column: 22, endLine: 17, endColumn: 41 },
      ],
    },
    {
      // the bytes of one short draw re-encoded one by one keep its bound
      code: "export const pairingSecret = (): string =>\n  [...crypto.getRandomValues(new Uint8Array(3))].map((b) => b.toString(16).padStart(2, '0')).join('');\n",
      filename: 'src/pairing.ts',
      errors: [{ messageId: 'shortRandom', line: 2, column: 7, endLine: 2, endColumn: 48 }],
    },
  ],
});

ruleTester.run('no-weak-randomness (records and purpose words, batch rule10rand)', rule, {
  valid: [
    {
      // a support ticket counted and a ticket number; a CSPRNG value in a token record beside a clock-made user
      // field; a terrain record whose seed is public
      code: 'let lastTicket = 0;\nexport function supportTicket(subject: string) {\n  return { id: ++lastTicket, subject, openedAt: Date.now() };\n}\nexport function ticketNumber(): string {\n  return `T-${Math.floor(Math.random() * 1e7)}`;\n}\nexport function sessionToken(userId: string) {\n  return { value: crypto.randomUUID(), userId: `${userId}-${Date.now()}`, expiresAt: Date.now() + 60_000 };\n}\nexport function terrain(seed: number) {\n  return { seed, heights: Array.from({ length: 8 }, () => Math.random()) };\n}\n',
      filename: 'src/records.ts',
    },
  ],
  invalid: [
    {
      // a ticket record's id, a token record's value, a BLE passkey, a PSK filled byte by byte, a server seed
      code: "export function issueMatchTicket(playerId: string) {\n  const id = Math.random().toString(36).slice(2);\n  return { id, playerId, createdAt: Date.now() };\n}\n\nexport function refreshToken(userId: string) {\n  return { value: `${userId}-${Date.now()}`, expiresAt: Date.now() + 3600_000 };\n}\n\nexport function blePasskey(): string {\n  return String(Math.floor(Math.random() * 1e6)).padStart(6, '0');\n}\n\nexport function gatewayPsk(): Buffer {\n  return Buffer.from(Array.from({ length: 16 }, () => Math.floor(Math.random() * 256)));\n}\n\nexport function newRound() {\n  const serverSeed = Date.now().toString(16) + Math.random().toString(16);\n  return { serverSeedHash: serverSeed.length };\n}\n",
      filename: 'src/records.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              data: { replacement: "randomBytes(32).toString('base64url')" },
              output:
                "import { randomBytes } from 'node:crypto';\nexport function issueMatchTicket(playerId: string) {\n  const id = randomBytes(32).toString('base64url');\n  return { id, playerId, createdAt: Date.now() };\n}\n\nexport function refreshToken(userId: string) {\n  return { value: `${userId}-${Date.now()}`, expiresAt: Date.now() + 3600_000 };\n}\n\nexport function blePasskey(): string {\n  return String(Math.floor(Math.random() * 1e6)).padStart(6, '0');\n}\n\nexport function gatewayPsk(): Buffer {\n  return Buffer.from(Array.from({ length: 16 }, () => Math.floor(Math.random() * 256)));\n}\n\nexport function newRound() {\n  const serverSeed = Date.now().toString(16) + Math.random().toString(16);\n  return { serverSeedHash: serverSeed.length };\n}\n",
            },
            {
              messageId: 'useKeys',
              data: { replacement: 'randomToken()' },
              output:
                "import { randomToken } from 'keyhygiene/keys';\nexport function issueMatchTicket(playerId: string) {\n  const id = randomToken();\n  return { id, playerId, createdAt: Date.now() };\n}\n\nexport function refreshToken(userId: string) {\n  return { value: `${userId}-${Date.now()}`, expiresAt: Date.now() + 3600_000 };\n}\n\nexport function blePasskey(): string {\n  return String(Math.floor(Math.random() * 1e6)).padStart(6, '0');\n}\n\nexport function gatewayPsk(): Buffer {\n  return Buffer.from(Array.from({ length: 16 }, () => Math.floor(Math.random() * 256)));\n}\n\nexport function newRound() {\n  const serverSeed = Date.now().toString(16) + Math.random().toString(16);\n  return { serverSeedHash: serverSeed.length };\n}\n",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 7,
          column: 32,
          endLine: 7,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              data: { replacement: "randomBytes(32).toString('base64url')" },
              output:
                "import { randomBytes } from 'node:crypto';\nexport function issueMatchTicket(playerId: string) {\n  const id = Math.random().toString(36).slice(2);\n  return { id, playerId, createdAt: Date.now() };\n}\n\nexport function refreshToken(userId: string) {\n  return { value: `${userId}-${randomBytes(32).toString('base64url')}`, expiresAt: Date.now() + 3600_000 };\n}\n\nexport function blePasskey(): string {\n  return String(Math.floor(Math.random() * 1e6)).padStart(6, '0');\n}\n\nexport function gatewayPsk(): Buffer {\n  return Buffer.from(Array.from({ length: 16 }, () => Math.floor(Math.random() * 256)));\n}\n\nexport function newRound() {\n  const serverSeed = Date.now().toString(16) + Math.random().toString(16);\n  return { serverSeedHash: serverSeed.length };\n}\n",
            },
            {
              messageId: 'useKeys',
              data: { replacement: 'randomToken()' },
              output:
                "import { randomToken } from 'keyhygiene/keys';\nexport function issueMatchTicket(playerId: string) {\n  const id = Math.random().toString(36).slice(2);\n  return { id, playerId, createdAt: Date.now() };\n}\n\nexport function refreshToken(userId: string) {\n  return { value: `${userId}-${randomToken()}`, expiresAt: Date.now() + 3600_000 };\n}\n\nexport function blePasskey(): string {\n  return String(Math.floor(Math.random() * 1e6)).padStart(6, '0');\n}\n\nexport function gatewayPsk(): Buffer {\n  return Buffer.from(Array.from({ length: 16 }, () => Math.floor(Math.random() * 256)));\n}\n\nexport function newRound() {\n  const serverSeed = Date.now().toString(16) + Math.random().toString(16);\n  return { serverSeedHash: serverSeed.length };\n}\n",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 11,
          column: 28,
          endLine: 11,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              data: { replacement: 'randomInt(1e6)' },
              output:
                "import { randomInt } from 'node:crypto';\nexport function issueMatchTicket(playerId: string) {\n  const id = Math.random().toString(36).slice(2);\n  return { id, playerId, createdAt: Date.now() };\n}\n\nexport function refreshToken(userId: string) {\n  return { value: `${userId}-${Date.now()}`, expiresAt: Date.now() + 3600_000 };\n}\n\nexport function blePasskey(): string {\n  return String(randomInt(1e6)).padStart(6, '0');\n}\n\nexport function gatewayPsk(): Buffer {\n  return Buffer.from(Array.from({ length: 16 }, () => Math.floor(Math.random() * 256)));\n}\n\nexport function newRound() {\n  const serverSeed = Date.now().toString(16) + Math.random().toString(16);\n  return { serverSeedHash: serverSeed.length };\n}\n",
            },
            {
              messageId: 'useKeys',
              data: { replacement: 'randomInt(0, 1e6)' },
              output:
                "import { randomInt } from 'keyhygiene/keys';\nexport function issueMatchTicket(playerId: string) {\n  const id = Math.random().toString(36).slice(2);\n  return { id, playerId, createdAt: Date.now() };\n}\n\nexport function refreshToken(userId: string) {\n  return { value: `${userId}-${Date.now()}`, expiresAt: Date.now() + 3600_000 };\n}\n\nexport function blePasskey(): string {\n  return String(randomInt(0, 1e6)).padStart(6, '0');\n}\n\nexport function gatewayPsk(): Buffer {\n  return Buffer.from(Array.from({ length: 16 }, () => Math.floor(Math.random() * 256)));\n}\n\nexport function newRound() {\n  const serverSeed = Date.now().toString(16) + Math.random().toString(16);\n  return { serverSeedHash: serverSeed.length };\n}\n",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 15,
          column: 66,
          endLine: 15,
          endColumn: 79,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              data: { replacement: 'randomInt(256)' },
              output:
                "import { randomInt } from 'node:crypto';\nexport function issueMatchTicket(playerId: string) {\n  const id = Math.random().toString(36).slice(2);\n  return { id, playerId, createdAt: Date.now() };\n}\n\nexport function refreshToken(userId: string) {\n  return { value: `${userId}-${Date.now()}`, expiresAt: Date.now() + 3600_000 };\n}\n\nexport function blePasskey(): string {\n  return String(Math.floor(Math.random() * 1e6)).padStart(6, '0');\n}\n\nexport function gatewayPsk(): Buffer {\n  return Buffer.from(Array.from({ length: 16 }, () => randomInt(256)));\n}\n\nexport function newRound() {\n  const serverSeed = Date.now().toString(16) + Math.random().toString(16);\n  return { serverSeedHash: serverSeed.length };\n}\n",
            },
            {
              messageId: 'useKeys',
              data: { replacement: 'randomInt(0, 256)' },
              output:
                "import { randomInt } from 'keyhygiene/keys';\nexport function issueMatchTicket(playerId: string) {\n  const id = Math.random().toString(36).slice(2);\n  return { id, playerId, createdAt: Date.now() };\n}\n\nexport function refreshToken(userId: string) {\n  return { value: `${userId}-${Date.now()}`, expiresAt: Date.now() + 3600_000 };\n}\n\nexport function blePasskey(): string {\n  return String(Math.floor(Math.random() * 1e6)).padStart(6, '0');\n}\n\nexport function gatewayPsk(): Buffer {\n  return Buffer.from(Array.from({ length: 16 }, () => randomInt(0, 256)));\n}\n\nexport function newRound() {\n  const serverSeed = Date.now().toString(16) + Math.random().toString(16);\n  return { serverSeedHash: serverSeed.length };\n}\n",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 19,
          column: 22,
          endLine: 19,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              data: { replacement: "randomBytes(32).toString('base64url')" },
              output:
                "import { randomBytes } from 'node:crypto';\nexport function issueMatchTicket(playerId: string) {\n  const id = Math.random().toString(36).slice(2);\n  return { id, playerId, createdAt: Date.now() };\n}\n\nexport function refreshToken(userId: string) {\n  return { value: `${userId}-${Date.now()}`, expiresAt: Date.now() + 3600_000 };\n}\n\nexport function blePasskey(): string {\n  return String(Math.floor(Math.random() * 1e6)).padStart(6, '0');\n}\n\nexport function gatewayPsk(): Buffer {\n  return Buffer.from(Array.from({ length: 16 }, () => Math.floor(Math.random() * 256)));\n}\n\nexport function newRound() {\n  const serverSeed = randomBytes(32).toString('base64url') + Math.random().toString(16);\n  return { serverSeedHash: serverSeed.length };\n}\n",
            },
            {
              messageId: 'useKeys',
              data: { replacement: 'randomToken()' },
              output:
                "import { randomToken } from 'keyhygiene/keys';\nexport function issueMatchTicket(playerId: string) {\n  const id = Math.random().toString(36).slice(2);\n  return { id, playerId, createdAt: Date.now() };\n}\n\nexport function refreshToken(userId: string) {\n  return { value: `${userId}-${Date.now()}`, expiresAt: Date.now() + 3600_000 };\n}\n\nexport function blePasskey(): string {\n  return String(Math.floor(Math.random() * 1e6)).padStart(6, '0');\n}\n\nexport function gatewayPsk(): Buffer {\n  return Buffer.from(Array.from({ length: 16 }, () => Math.floor(Math.random() * 256)));\n}\n\nexport function newRound() {\n  const serverSeed = randomToken() + Math.random().toString(16);\n  return { serverSeedHash: serverSeed.length };\n}\n",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 19,
          column: 48,
          endLine: 19,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              data: { replacement: "randomBytes(32).toString('base64url')" },
              output:
                "import { randomBytes } from 'node:crypto';\nexport function issueMatchTicket(playerId: string) {\n  const id = Math.random().toString(36).slice(2);\n  return { id, playerId, createdAt: Date.now() };\n}\n\nexport function refreshToken(userId: string) {\n  return { value: `${userId}-${Date.now()}`, expiresAt: Date.now() + 3600_000 };\n}\n\nexport function blePasskey(): string {\n  return String(Math.floor(Math.random() * 1e6)).padStart(6, '0');\n}\n\nexport function gatewayPsk(): Buffer {\n  return Buffer.from(Array.from({ length: 16 }, () => Math.floor(Math.random() * 256)));\n}\n\nexport function newRound() {\n  const serverSeed = Date.now().toString(16) + randomBytes(32).toString('base64url');\n  return { serverSeedHash: serverSeed.length };\n}\n",
            },
            {
              messageId: 'useKeys',
              data: { replacement: 'randomToken()' },
              output:
                "import { randomToken } from 'keyhygiene/keys';\nexport function issueMatchTicket(playerId: string) {\n  const id = Math.random().toString(36).slice(2);\n  return { id, playerId, createdAt: Date.now() };\n}\n\nexport function refreshToken(userId: string) {\n  return { value: `${userId}-${Date.now()}`, expiresAt: Date.now() + 3600_000 };\n}\n\nexport function blePasskey(): string {\n  return String(Math.floor(Math.random() * 1e6)).padStart(6, '0');\n}\n\nexport function gatewayPsk(): Buffer {\n  return Buffer.from(Array.from({ length: 16 }, () => Math.floor(Math.random() * 256)));\n}\n\nexport function newRound() {\n  const serverSeed = Date.now().toString(16) + randomToken();\n  return { serverSeedHash: serverSeed.length };\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
