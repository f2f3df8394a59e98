/**
 * @stablelib's AEADs take the nonce in each `seal(nonce, plaintext)` (session 29 breadth study); crypto-es (the
 * ES-module port of crypto-js) takes the IV as crypto-js does.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-static-iv.js';
import { lintWith } from '../helpers/probe.js';

const messages = (code: string): string[] => lintWith(rule, code, 'src/seal.ts').map((m) => m.message);

describe('no-static-iv: @stablelib AEADs and crypto-es', () => {
  it.each([
    [
      "import { AES } from '@stablelib/aes';\nimport { GCM } from '@stablelib/gcm';\nexport const seal = (key: Uint8Array, d: Uint8Array) =>\n  new GCM(new AES(key)).seal(new Uint8Array(12), d);",
      'GCM seal',
    ],
    [
      "import { ChaCha20Poly1305 } from '@stablelib/chacha20poly1305';\nconst NONCE = new Uint8Array(12);\nexport function seal(key: Uint8Array, d: Uint8Array) {\n  const aead = new ChaCha20Poly1305(key);\n  return aead.seal(NONCE, d);\n}",
      'ChaCha20Poly1305 seal',
    ],
    [
      "import { XChaCha20Poly1305 } from '@stablelib/xchacha20poly1305';\nexport const seal = (key: Uint8Array, d: Uint8Array) =>\n  new XChaCha20Poly1305(key).seal(new TextEncoder().encode('abcdefghijklmnopqrstuvwx'), d);",
      'XChaCha20Poly1305 seal',
    ],
    [
      "import CryptoES from 'crypto-es';\nexport const seal = (key: string, d: string) =>\n  CryptoES.AES.encrypt(d, CryptoES.enc.Utf8.parse(key), { iv: CryptoES.enc.Utf8.parse('1234567890123456') });",
      'CryptoJS.AES.encrypt',
    ],
  ])('reports %#', (code, sink) => {
    const got = messages(code);
    expect(got.length, code).toBe(1);
    expect(got[0]).toContain(sink);
  });

  it.each([
    "import { ChaCha20Poly1305 } from '@stablelib/chacha20poly1305';\nimport { randomBytes } from '@stablelib/random';\nexport function seal(key: Uint8Array, d: Uint8Array) {\n  const nonce = randomBytes(12);\n  return { nonce, sealed: new ChaCha20Poly1305(key).seal(nonce, d) };\n}",
    "import { ChaCha20Poly1305 } from '@stablelib/chacha20poly1305';\nexport const open = (key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array) =>\n  new ChaCha20Poly1305(key).open(nonce, sealed);",
    "import { AES } from '@stablelib/aes';\nimport { GCM } from '@stablelib/gcm';\nexport const seal = (key: Uint8Array, nonce: Uint8Array, d: Uint8Array) => new GCM(new AES(key)).seal(nonce, d);",
  ])('stays quiet %#', (code) => {
    expect(messages(code)).toEqual([]);
  });
});
