import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-weak-randomness.js';
import { ruleTester } from '../helpers/rule-tester.js';

// issue 11 (session 32, branch rand16): what a string cut and a bit shift do to a value, read as JavaScript reads
// them. `substring` takes a negative bound as 0 and swaps reversed bounds, so `substring(-8)` keeps the whole
// value (it is not `slice(-8)`); a shift count only chooses which bits of the shifted value are kept, so a
// bit-stream decoder's step count (`bits += 5`, `acc >>> (bits - 8)`) makes nothing, as a loop index does not.
ruleTester.run('no-weak-randomness (cuts and shifts read as JavaScript reads them)', rule, {
  valid: [
    {
      // 96 and 128 random bits kept whole by a negative or reversed substring
      code: "import { randomBytes } from 'node:crypto';\n\nexport function issue(payload: { jti?: string }) {\n  payload.jti = randomBytes(12).toString('base64').substring(-8);\n  return payload;\n}\nexport const resetToken = (): string => randomBytes(16).toString('hex').substring(-6);\nexport const inviteToken = (): string => randomBytes(32).toString('hex').substring(48, 8);\n",
      filename: 'src/tokens.ts',
    },
    {
      // a base32 decoder turns the caller's secret into key bytes; its bit count steps, the bytes are the secret's
      code: "const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';\n\nexport async function hotpKey(secret: string): Promise<CryptoKey> {\n  let acc = 0;\n  let width = 0;\n  const out: number[] = [];\n  for (const ch of secret.replace(/=+$/, '').toUpperCase()) {\n    acc = (acc << 5) | ALPHABET.indexOf(ch);\n    width += 5;\n    if (width >= 8) {\n      out.push((acc >>> (width - 8)) & 0xff);\n      width -= 8;\n    }\n  }\n  return crypto.subtle.importKey('raw', Uint8Array.from(out), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);\n}\n",
      filename: 'src/otp/decode.ts',
    },
    {
      // the same decoder written with a while loop and a right shift into a Buffer handed to createHmac
      code: "import { createHmac } from 'node:crypto';\n\nconst CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';\n\nexport function totp(secret: string, step: number): string {\n  const bytes: number[] = [];\n  let buffer = 0;\n  let count = 0;\n  let i = 0;\n  while (i < secret.length) {\n    buffer = (buffer << 5) | CHARS.indexOf(secret[i]!);\n    count += 5;\n    i += 1;\n    if (count >= 8) {\n      count -= 8;\n      bytes.push((buffer >> count) & 255);\n    }\n  }\n  const msg = Buffer.alloc(8);\n  msg.writeBigUInt64BE(BigInt(step));\n  return createHmac('sha1', Buffer.from(bytes)).update(msg).digest('hex');\n}\n",
      filename: 'src/otp/totp.ts',
    },
  ],
  invalid: [
    {
      // a positive substring, a slice from the end and a negative start with an end: short cuts stay short
      code: "import { randomBytes } from 'node:crypto';\n\nexport const resetToken = (): string => randomBytes(16).toString('hex').substring(0, 8);\nexport const apiToken = (): string => randomBytes(16).toString('hex').slice(-8);\nexport const sessionToken = (): string => randomBytes(16).toString('hex').substring(-4, 10);\n",
      filename: 'src/tokens.ts',
      errors: [
        { messageId: 'shortRandom', line: 3, column: 41, endLine: 3, endColumn: 56 },
        { messageId: 'shortRandom', line: 4, column: 39, endLine: 4, endColumn: 54 },
        { messageId: 'shortRandom', line: 5, column: 43, endLine: 5, endColumn: 58 },
      ],
    },
    {
      // a counter shifted into the key's bytes is the shifted value itself, not a shift count
      code: "let issued = 0;\n\nexport async function nextKey(): Promise<CryptoKey> {\n  issued += 1;\n  const raw = new Uint8Array(16);\n  for (let i = 0; i < 4; i++) raw[i] = (issued >>> (8 * i)) & 0xff;\n  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);\n}\n",
      filename: 'src/keys.ts',
      errors: [{ messageId: 'weakRandom', line: 6, column: 41, endLine: 6, endColumn: 47 }],
    },
  ],
});

// issue 11 (session 32, branch rand16): a visible part of a secret (catalogue `partialViewName`): a prefix logged or
// shown for the person to compare, an API key's stored prefix. The whole value is the secret and is judged apart.
ruleTester.run('no-weak-randomness (prefixes and previews of a secret)', rule, {
  valid: [
    {
      code: "import { randomBytes, randomUUID } from 'node:crypto';\n\nexport function startSession() {\n  const sessionId = randomUUID();\n  console.info('session opened', { sessionIdPrefix: sessionId.slice(0, 8) });\n  return sessionId;\n}\nexport function beginDeviceLogin() {\n  const sessionId = randomUUID();\n  return { sessionIdPreview: sessionId.substring(0, 5).toUpperCase(), sessionId };\n}\nexport function mintApiKey() {\n  const plaintext = `sk_${randomBytes(24).toString('base64url')}`;\n  return { keyPrefix: plaintext.slice(0, 7), plaintext };\n}\n",
      filename: 'src/sessions.ts',
    },
  ],
  invalid: [
    {
      // the cut itself stored as the session id, and a name whose head word is the token
      code: "import { randomUUID } from 'node:crypto';\n\nexport function startSession() {\n  const sessionId = randomUUID().slice(0, 8);\n  return { sessionId, prefixToken: randomUUID().slice(0, 6) };\n}\n",
      filename: 'src/sessions.ts',
      errors: [
        { messageId: 'shortRandom', line: 4, column: 21, endLine: 4, endColumn: 33 },
        { messageId: 'shortRandom', line: 5, column: 36, endLine: 5, endColumn: 48 },
      ],
    },
  ],
});

// issue 11 (session 32, branch rand16): a value whose own leading text names the interface element it identifies
// (catalogue `uiElementLabel`): toast, dialog and menu libraries take such an id to replace or close what they show.
ruleTester.run('no-weak-randomness (ids labelled as interface elements)', rule, {
  valid: [
    {
      // a helper named for a key, its value labelled as a toast, a notification and a modal; template and `+`
      code: "import { message } from 'antd';\n\nconst generateKey = () => `trade-toast-${Date.now()}-${Math.random()}`;\nexport const showSaved = (title: string) => message.success({ key: generateKey(), content: title });\nexport function makeToken(): string {\n  return 'notification_' + Math.random().toString(36).slice(2);\n}\nexport const dialogKey = (): string => `modal:${Math.floor(Math.random() * 1e9)}`;\n",
      filename: 'src/ui/toasts.ts',
    },
  ],
  invalid: [],
});

describe('no-weak-randomness (near misses of an interface element label)', () => {
  it('still reports a word after the element word, a secret prefix, no separator and a label in the middle', () => {
    const code =
      'export const generateKey = () => `toast-token-${Math.random().toString(36).slice(2)}`;\n' +
      'export function makeToken(): string {\n' +
      "  return 'csrf-' + Math.random().toString(36).slice(2);\n" +
      '}\n' +
      'export const apiKey = (): string => `modal${Math.random().toString(36).slice(2)}`;\n' +
      'export const resetToken = (): string => `${Date.now()}-toast-${Math.random().toString(36).slice(2)}`;\n';
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(
      code,
      [
        {
          files: ['**/*.ts'],
          plugins: { kh: { rules: { 'no-weak-randomness': rule as never } } },
          languageOptions: { parser: tsParser as Linter.Parser },
          rules: { 'kh/no-weak-randomness': 'error' },
        },
      ],
      { filename: 'src/ui/toasts.ts' },
    );
    expect(messages.map((m) => [m.messageId, m.line, m.column, m.endColumn])).toEqual([
      ['weakRandom', 1, 49, 62],
      ['weakRandom', 3, 20, 33],
      ['weakRandom', 5, 45, 58],
      ['weakRandom', 6, 44, 54],
      ['weakRandom', 6, 64, 77],
    ]);
  });
});
