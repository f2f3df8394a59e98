/**
 * Published vectors for the primitives the key manager wraps, plus SecretBytes, the CSPRNG helpers,
 * deriveKey's refusals and the wire format. Vectors: RFC 4231 (HMAC-SHA256), RFC 8032 §7.1 (Ed25519),
 * McGrew–Viega GCM spec test cases 13, 14, 16 (AES-256-GCM, the NIST CAVP cases), RFC 7914 §12 (scrypt),
 * RFC 9106 §5.3 (Argon2id).
 */
import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import { argon2id } from '@noble/hashes/argon2.js';
import { scrypt as nobleScrypt } from '@noble/hashes/scrypt.js';
import { afterEach, describe, expect, it } from 'vitest';
import { gcmOpen, gcmSeal } from '../../src/keys/aead.js';
import { runKdf } from '../../src/keys/derive.js';
import { ed25519PublicSpki, ed25519Sign } from '../../src/keys/ed25519.js';
import { ALG, encodeHeader, fromText, parseHeader, toText } from '../../src/keys/format.js';
import { deriveKey, KeyhygieneError, randomBytes, randomInt, randomToken, SecretBytes } from '../../src/keys/index.js';
import { configureRandomSource } from '../../src/keys/testing.js';

const hex = (s: string): Buffer => Buffer.from(s, 'hex');

describe('HMAC-SHA256, RFC 4231', () => {
  const cases: Array<[string, Buffer, Buffer, string]> = [
    [
      'case 1',
      Buffer.alloc(20, 0x0b),
      Buffer.from('Hi There'),
      'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    ],
    [
      'case 2',
      Buffer.from('Jefe'),
      Buffer.from('what do ya want for nothing?'),
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    ],
    [
      'case 3',
      Buffer.alloc(20, 0xaa),
      Buffer.alloc(50, 0xdd),
      '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe',
    ],
    [
      'case 6',
      Buffer.alloc(131, 0xaa),
      Buffer.from('Test Using Larger Than Block-Size Key - Hash Key First'),
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    ],
  ];
  for (const [name, key, data, mac] of cases) {
    it(name, () => expect(createHmac('sha256', key).update(data).digest('hex')).toBe(mac));
  }
});

describe('Ed25519, RFC 8032 §7.1', () => {
  const cases: Array<[string, string, string, string, string]> = [
    [
      'test 1',
      '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
      'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
      '',
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    ],
    [
      'test 2',
      '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
      '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
      '72',
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
    ],
    [
      'test 3',
      'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7',
      'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
      'af82',
      '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a',
    ],
  ];
  for (const [name, sk, pk, msg, sig] of cases) {
    it(name, () => {
      expect(ed25519PublicSpki(hex(sk)).subarray(12).toString('hex')).toBe(pk);
      expect(ed25519Sign(hex(sk), hex(msg)).toString('hex')).toBe(sig);
    });
  }
});

describe('AES-256-GCM, GCM spec test cases (NIST CAVP)', () => {
  const cases: Array<[string, string, string, string, string, string, string]> = [
    ['TC13', '00'.repeat(32), '00'.repeat(12), '', '', '', '530f8afbc74536b9a963b4f1c4cb738b'],
    [
      'TC14',
      '00'.repeat(32),
      '00'.repeat(12),
      '00'.repeat(16),
      '',
      'cea7403d4d606b6e074ec5d3baf39d18',
      'd0d1c8a799996bf0265b98b5d48ab919',
    ],
    [
      'TC16',
      'feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308',
      'cafebabefacedbaddecaf888',
      'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39',
      'feedfacedeadbeeffeedfacedeadbeefabaddad2',
      '522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662',
      '76fc6ece0f4e1768cddf8853bb2d551b',
    ],
  ];
  for (const [name, k, iv, p, a, c, t] of cases) {
    it(`${name} seal and open`, () => {
      const sealed = gcmSeal(hex(k), hex(iv), hex(p), hex(a));
      expect(sealed.toString('hex')).toBe(c + t);
      expect(gcmOpen(hex(k), hex(iv), sealed, hex(a), 'x').toString('hex')).toBe(p);
    });
    it(`${name} a flipped tag bit is rejected as E_TAMPERED`, () => {
      const sealed = gcmSeal(hex(k), hex(iv), hex(p), hex(a));
      sealed[sealed.length - 1]! ^= 1;
      expect(() => gcmOpen(hex(k), hex(iv), sealed, hex(a), 'x')).toThrow(
        expect.objectContaining({ code: 'E_TAMPERED' }),
      );
    });
  }
});

describe('KDFs', () => {
  it('scrypt, RFC 7914 §12 vector (native path) and equal to @noble/hashes', async () => {
    const expected =
      'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640';
    const k = await runKdf(
      Buffer.from('password'),
      Buffer.from('NaCl'),
      { algorithm: 'scrypt', N: 1024, r: 8, p: 16 },
      64,
    );
    expect(k.expose().toString('hex')).toBe(expected);

    expect(Buffer.from(nobleScrypt('password', 'NaCl', { N: 1024, r: 8, p: 16, dkLen: 64 })).toString('hex')).toBe(
      expected,
    );
  });

  it('Argon2id, RFC 9106 §5.3 vector (@noble/hashes primitive)', () => {
    const tag = argon2id(new Uint8Array(32).fill(1), new Uint8Array(16).fill(2), {
      t: 3,

      m: 32,
      p: 4,
      key: new Uint8Array(8).fill(3),
      personalization: new Uint8Array(12).fill(4),
      dkLen: 32,
    });
    expect(Buffer.from(tag).toString('hex')).toBe('0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659');
  });

  it('deriveKey refuses short salts, weak parameters and bad types', async () => {
    await expect(deriveKey('pw', { salt: new Uint8Array(15) })).rejects.toBeInstanceOf(RangeError);
    await expect(deriveKey('pw', { salt: new Uint8Array(16), algorithm: 'scrypt', N: 2 ** 16 })).rejects.toThrow(
      /weaker/,
    );
    await expect(deriveKey('pw', { salt: new Uint8Array(16), memoryKiB: 32768 })).rejects.toThrow(/weaker/);
    await expect(deriveKey('pw', { salt: new Uint8Array(16), iterations: 2 })).rejects.toBeInstanceOf(RangeError);
    await expect(deriveKey('pw', { salt: new Uint8Array(16), algorithm: 'pbkdf2' as never })).rejects.toBeInstanceOf(
      RangeError,
    );
    await expect(deriveKey('', { salt: new Uint8Array(16), algorithm: 'scrypt' })).rejects.toBeInstanceOf(RangeError);
    await expect(deriveKey(42 as never, { salt: new Uint8Array(16) })).rejects.toBeInstanceOf(TypeError);
    await expect(deriveKey('pw', { salt: 'salt' as never })).rejects.toBeInstanceOf(TypeError);
  });

  it('deriveKey scrypt default (N=2^17, r=8, p=1) matches @noble/hashes and is deterministic', async () => {
    const salt = new Uint8Array(16).fill(7);
    const a = await deriveKey('correct horse', { salt, algorithm: 'scrypt' });
    expect(a).toBeInstanceOf(SecretBytes);
    expect(a.length).toBe(32);
    const noble = nobleScrypt('correct horse', salt, { N: 2 ** 17, r: 8, p: 1, dkLen: 32 });
    expect(a.equals(noble)).toBe(true);
  });

  it('deriveKey argon2id default is RFC 9106 option 2 (m=64 MiB, t=3, p=4)', async () => {
    const salt = new Uint8Array(16).fill(9);
    const a = await deriveKey('correct horse', { salt });
    // Known answer computed once with @noble/hashes argon2id(m=65536, t=3, p=4, dkLen=32), the
    // primitive checked against the RFC 9106 vector above (one 64 MiB run here instead of two).
    expect(a.expose().toString('hex')).toBe('a970add6ed9bd0cba05a0dbbb1dadd4d947d1a22f5399b8beb47243c9ef7472e');
    expect(String(a)).toBe('SecretBytes(32 bytes, redacted)');
  }, 120_000);
});

describe('SecretBytes', () => {
  it('redacts in toString, toJSON, inspect and template strings', () => {
    const s = SecretBytes.from(Buffer.from('super-secret-value-0123456789'));
    // eslint-disable-next-line @typescript-eslint/restrict-template-expressions -- the test checks that a template literal redacts
    const shown = [String(s), `${s}`, JSON.stringify({ s }), inspect(s), inspect({ nested: s })];
    for (const x of shown) {
      expect(x).not.toContain('super');
      expect(x).toContain('redacted');
    }
    expect(String(s)).toBe('SecretBytes(29 bytes, redacted)');
  });

  it('never sits in the shared pool; expose returns the live buffer; wipe zeroes it', () => {
    const pooled = Buffer.from('abcdef'); // a slice of the 8 KiB pool
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.length);
    const s = SecretBytes.from(pooled);
    const live = s.expose();
    expect(live.byteOffset).toBe(0);
    expect(live.buffer.byteLength).toBe(6);
    expect(s.expose()).toBe(live);
    s.wipe();
    expect([...live]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(() => s.expose()).toThrow(KeyhygieneError);
  });

  it('equals is constant-time and length-safe; use() wipes after, also on throw', async () => {
    const a = SecretBytes.from(Buffer.from([1, 2, 3]));
    expect(a.equals(Buffer.from([1, 2, 3]))).toBe(true);
    expect(a.equals(Buffer.from([1, 2, 4]))).toBe(false);
    expect(a.equals(Buffer.from([1, 2]))).toBe(false);
    const r = a.use((b) => b[0]);
    expect(r).toBe(1);
    expect(a.wiped).toBe(true);
    const b = SecretBytes.from(Buffer.from([9]));
    expect(() =>
      b.use(() => {
        throw new Error('x');
      }),
    ).toThrow('x');
    expect(b.wiped).toBe(true);
    const c = SecretBytes.random(16);
    await c.use(async () => undefined);
    expect(c.wiped).toBe(true);
    expect(() => new SecretBytes('x' as never)).toThrow(TypeError);
  });
});

describe('CSPRNG helpers', () => {
  afterEach(() => configureRandomSource(null));

  it('randomBytes returns unpooled buffers of the right size and validates n', () => {
    const b = randomBytes(32);
    expect(b.length).toBe(32);
    expect(b.buffer.byteLength).toBe(32);
    expect(randomBytes(0).length).toBe(0);
    expect(() => randomBytes(-1)).toThrow(RangeError);
    expect(() => randomBytes(1.5)).toThrow(RangeError);
    expect(() => randomBytes('3' as never)).toThrow(TypeError);
  });

  it('randomInt stays in [min, max) and is unbiased (chi-square over 6 buckets)', () => {
    const counts = new Array<number>(6).fill(0);
    const n = 60_000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = randomInt(10, 16);
      if (x < 10 || x >= 16 || !Number.isInteger(x)) outside++;
      else counts[x - 10]!++;
    }
    expect(outside).toBe(0);
    const e = n / 6;
    const chi = counts.reduce((s, c) => s + (c - e) ** 2 / e, 0);
    // 5 degrees of freedom: P(chi2 > 25.7) < 1e-4.
    expect(chi).toBeLessThan(25.7);
    expect(() => randomInt(5, 5)).toThrow(RangeError);
    expect(() => randomInt(0, 2 ** 49)).toThrow(RangeError);
    expect(() => randomInt(0.5, 2)).toThrow(RangeError);
  });

  it('rejection sampling: with a range of 2^47 + 1 the top values are redrawn, not folded', () => {
    // A source that first yields the maximum 48-bit value (must be rejected), then 5.
    const seq = [Buffer.alloc(6, 0xff), Buffer.from([0, 0, 0, 0, 0, 5])];
    configureRandomSource({ description: 'test', fill: (buf) => buf.set(seq.shift() ?? Buffer.alloc(buf.length)) });
    expect(randomInt(0, 2 ** 47 + 1)).toBe(5);
  });

  it('randomToken is base64url of the requested bytes and refuses < 16 bytes', () => {
    expect(randomToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken(16)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(() => randomToken(8)).toThrow(RangeError);
  });

  it('configureRandomSource routes all three helpers', () => {
    let calls = 0;
    configureRandomSource({ description: 'fake', fill: (buf) => (calls++, buf.fill(0x41)) });
    expect(randomBytes(4).toString()).toBe('AAAA');
    randomToken(16);
    randomInt(0, 10);
    expect(calls).toBe(3);
    expect(() => configureRandomSource({} as never)).toThrow(TypeError);
  });
});

describe('wire format', () => {
  it('header round trip; unknown format byte or algorithm is rejected, never reinterpreted', () => {
    const h = encodeHeader(0xdeadbeef, ALG.AES256_GCM_ENVELOPE);
    expect(parseHeader(h, 'x')).toEqual({ format: 1, keyId: 0xdeadbeef, alg: 1 });
    const badFormat = Buffer.from(h);
    badFormat[0] = 2;
    expect(() => parseHeader(badFormat, 'x')).toThrow(expect.objectContaining({ code: 'E_FORMAT' }));
    const badAlg = Buffer.from(h);
    badAlg[5] = 0x7f;
    expect(() => parseHeader(badAlg, 'x')).toThrow(expect.objectContaining({ code: 'E_FORMAT' }));
    expect(() => parseHeader(h.subarray(0, 5), 'x')).toThrow(expect.objectContaining({ code: 'E_CORRUPT' }));
  });

  it('text form: kh1. prefix and base64url only', () => {
    const t = toText(Buffer.from([1, 2, 3, 250]));
    expect(t).toBe('kh1.AQID-g');
    expect(fromText(t, 'x')).toEqual(Buffer.from([1, 2, 3, 250]));
    expect(() => fromText('kh2.AQID', 'x')).toThrow(expect.objectContaining({ code: 'E_FORMAT' }));
    expect(() => fromText('kh1.AQ+D', 'x')).toThrow(expect.objectContaining({ code: 'E_FORMAT' }));
  });
});
