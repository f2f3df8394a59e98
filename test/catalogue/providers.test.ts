/**
 * The provider catalogue proves itself: at least 150 formats with unique ids, each with provenance, specific
 * keywords and samples; every positive is found under its own id, no negative is, and every checksum
 * `validate` accepts its positives. The checksum helpers are checked against published test vectors.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { credentialFormats } from '../../src/catalogue/credentials.js';
import {
  base62,
  crc32,
  hasCrc32Base62Suffix,
  isBech32,
  isSecp256k1Scalar,
} from '../../src/catalogue/providers/checksums.js';
import { providerFormats } from '../../src/catalogue/providers/index.js';
import { looksGenerated } from '../../src/catalogue/providers/shapes.js';
import type { CredentialFormat } from '../../src/catalogue/types.js';
import { findCredentials } from '../../src/detect/classify.js';

const formats: readonly CredentialFormat[] = providerFormats;

describe('provider catalogue', () => {
  it('has at least 150 formats, all in the exported catalogue, with unique ids', () => {
    expect(formats.length).toBeGreaterThanOrEqual(150);
    const ids = credentialFormats.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of formats) expect(ids, f.id).toContain(f.id);
  });

  it('includes every format that a provider group module defines', async () => {
    // A group whose list is left out of `providers/index.ts` would go untested and undetected.
    const dir = fileURLToPath(new URL('../../src/catalogue/providers/', import.meta.url));
    const defined: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts')) {
      const mod = (await import(join(dir, file))) as Record<string, unknown>;
      for (const value of Object.values(mod))
        if (Array.isArray(value))
          for (const f of value as { id?: unknown }[]) if (typeof f.id === 'string') defined.push(f.id);
    }
    expect(defined.length).toBeGreaterThanOrEqual(150);
    expect([...defined].sort()).toEqual(formats.map((f) => f.id).sort());
  });

  it.each(formats.map((f) => [f.id, f] as const))('%s is well-formed', (_id, f) => {
    expect(f.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$/);
    expect(f.provenance).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//);
    expect(f.pattern.flags).toContain('g');
    if (f.context) expect(f.context.flags).not.toContain('g');
    expect(f.samples.positive.length).toBeGreaterThanOrEqual(2);
    expect(f.samples.negative.length).toBeGreaterThanOrEqual(2);
    expect(f.keywords.length).toBeGreaterThan(0);
    for (const k of f.keywords) {
      expect(k, 'keywords are lower-case').toBe(k.toLowerCase());
      expect(k.length, `keyword ${k} is too short to filter`).toBeGreaterThanOrEqual(2);
      // A keyword that no positive sample contains is never exercised: it is either wrong or untested.
      expect(
        f.samples.positive.some((s) => s.toLowerCase().includes(k)),
        `keyword ${k} occurs in a positive sample`,
      ).toBe(true);
    }
  });
});

describe('provider samples', () => {
  for (const f of formats) {
    describe(f.id, () => {
      it.each(f.samples.positive)('finds positive %#', (s) => {
        const hits = findCredentials(s).filter((m) => m.format.id === f.id);
        expect(hits.length).toBeGreaterThan(0);
        // The reported secret is the credential itself, not the line around it (a format written in words, such as
        // a mnemonic, keeps the single spaces between them).
        const around = f.pattern.source.includes(' ') ? /[\t\n\r"'`]|^ | $/ : /[\s"'`]/;
        for (const h of hits) expect(h.secret).not.toMatch(around);
      });
      it.each(f.samples.negative)('does not find negative %#', (s) => {
        expect(findCredentials(s).map((m) => m.format.id)).not.toContain(f.id);
      });
      if (f.validate) {
        it('validate accepts the secret of every positive', () => {
          for (const s of f.samples.positive) {
            const re = new RegExp(f.pattern.source, f.pattern.flags);
            const m = re.exec(s);
            expect(m, s).not.toBeNull();
            expect(f.validate!(m![1] ?? m![0])).toBe(true);
          }
        });
      }
    });
  }
});

describe('checksum helpers', () => {
  it('crc32 matches the standard check value', () => {
    // CRC-32/ISO-HDLC check value for "123456789" (the catalogue of parametrised CRC algorithms).
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32('')).toBe(0);
    expect(crc32('The quick brown fox jumps over the lazy dog')).toBe(0x414fa339);
  });

  it('base62 pads and uses the digits-upper-lower alphabet', () => {
    expect(base62(0, 6)).toBe('000000');
    expect(base62(61, 6)).toBe('00000z');
    expect(base62(62, 6)).toBe('000010');
    expect(base62(0xffffffff, 6)).toBe('4gfFC3');
  });

  it('hasCrc32Base62Suffix accepts a correct suffix and rejects any change', () => {
    const random = 'q9Zt7sK2mN4pL8vR6xW1yB5cD3eF7g';
    const token = `ghp_${random}${base62(crc32(random), 6)}`;
    expect(hasCrc32Base62Suffix(token)).toBe(true);
    expect(hasCrc32Base62Suffix(token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a'))).toBe(false);
    expect(hasCrc32Base62Suffix(`ghp_${random.replace('q', 'Q')}${base62(crc32(random), 6)}`)).toBe(false);
    expect(hasCrc32Base62Suffix('ghp_')).toBe(false);
    expect(hasCrc32Base62Suffix('ghp_abc-def')).toBe(false);
  });

  it('isBech32 follows the BIP-173 test vectors', () => {
    // Valid and invalid vectors from BIP-173, "Test vectors".
    expect(isBech32('A12UEL5L', 'a')).toBe(true);
    expect(isBech32('abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw', 'abcdef')).toBe(true);
    expect(isBech32('split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w', 'split')).toBe(true);
    expect(isBech32('A1G7SGD8', 'a')).toBe(false); // checksum calculated with uppercase hrp
    expect(isBech32('a12UEL5L', 'a')).toBe(false); // mixed case
    expect(isBech32('abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxx', 'abcdef')).toBe(false);
    expect(isBech32('A12UEL5L', 'b')).toBe(false);
    expect(isBech32('a1b', 'a')).toBe(false);
  });

  it('looksGenerated wants two of upper-case, lower-case and digits', () => {
    expect(looksGenerated('q9Zt7sK2mN4pL8vR')).toBe(true);
    expect(looksGenerated('7F3A9C21B04E5D68')).toBe(true);
    expect(looksGenerated('/var/run/secrets/azure/client-secret')).toBe(false);
    expect(looksGenerated('ALL_UPPER_CASE_NAME')).toBe(false);
    expect(looksGenerated('----')).toBe(false);
  });

  it('isSecp256k1Scalar accepts 1..n-1 and nothing else', () => {
    const n = 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141';
    const nMinus1 = 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364140';
    expect(isSecp256k1Scalar(nMinus1)).toBe(true);
    expect(isSecp256k1Scalar(`0x${'0'.repeat(63)}1`)).toBe(true);
    expect(isSecp256k1Scalar(n)).toBe(false);
    expect(isSecp256k1Scalar('0'.repeat(64))).toBe(false);
    expect(isSecp256k1Scalar('f'.repeat(64))).toBe(false);
    expect(isSecp256k1Scalar('0x123')).toBe(false);
  });
});
