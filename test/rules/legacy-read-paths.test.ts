import { describe, expect, it } from 'vitest';
import ivRule from '../../rules/no-static-iv.js';
import pwRule from '../../rules/no-password-as-key.js';
import { lintWith } from '../helpers/probe.js';

// issue 11 (session 33, branch fmt17): a read-only legacy path, a decrypting call whose construction the module never
// encrypts with, marked by a legacy name or comment, a stored-format tag, or a module that writes new data with
// another cipher. It stays reported (stranger corpora label these lines as mistakes) under its own message and low
// audit severity. Near misses keep the finding's own message: the same construction also encrypts in the module,
// a decrypt-only module with no marker (the writer may be elsewhere), and a switch on the algorithm.
const ids = (rule: unknown, code: string): string[] =>
  lintWith(rule, code, 'src/store.ts').map((m) => m.messageId ?? '');

const evpCompat = `import crypto from 'node:crypto';
// Kept only for backward compatibility: values written by old releases.
export function decryptPhrase(password: string, data: Buffer): string {
  const key = crypto.createHash('sha256').update(password).digest();
  const iv = crypto.createHash('md5').update(password).digest();
  const d = crypto.createDecipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([d.update(data), d.final()]).toString('utf8');
}
export function encrypt(key: Buffer, text: string): string {
  const iv = crypto.randomBytes(16);
  const c = crypto.createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([iv, c.update(text, 'utf8'), c.final()]).toString('base64');
}
`;

const formatTag = `import crypto from 'node:crypto';
export function decrypt(stored: { format: string; cipher: string; data: Buffer }, password: string): string {
  switch (stored.format) {
    case 'legacy': {
      const d = crypto.createDecipher(stored.cipher, password);
      return Buffer.concat([d.update(stored.data), d.final()]).toString('utf8');
    }
    default:
      throw new Error('unknown format');
  }
}
`;

const versionName = `import crypto from 'node:crypto';
export function unwrapProfileV0(wrapped: Buffer, pin: string): Buffer {
  const d = crypto.createDecipher('aes-256-cbc', pin);
  return Buffer.concat([d.update(wrapped), d.final()]);
}
`;

describe('legacy read paths keep their finding under their own message', () => {
  it('a hashed-password compatibility reader beside a random-IV writer (and the same reader beside a weak writer)', () => {
    // no-password-as-key leaves a replaced reader out by default since session 36 (`legacyPaths`,
    // no-password-as-key.legacy-paths.test.ts); without the writer it is the only path and stays reported.
    expect(ids(pwRule, evpCompat)).toEqual([]);
    expect(ids(ivRule, evpCompat)).toEqual(['legacyRead']);
    const readerOnly = evpCompat.slice(0, evpCompat.indexOf('export function encrypt'));
    const [m] = lintWith(pwRule, readerOnly, 'src/store.ts');
    expect(m?.message).toMatch(/^Legacy read path \(its comment says it reads an old format\): The key of /);
    const writer = evpCompat.replace('crypto.randomBytes(16)', "crypto.createHash('md5').update(key).digest()");
    expect(ids(ivRule, writer)).toEqual(['staticIv', 'ivFromKey']);
  });
  it('a stored-format tag selecting the legacy branch', () => {
    expect(ids(pwRule, formatTag)).toEqual(['legacyRead']);
  });
  it('a function named for an old version', () => {
    expect(ids(pwRule, versionName)).toEqual(['legacyRead']);
  });

  it('near miss: the same construction also encrypts here (the pair is one mistake, reported as such)', () => {
    const code = `import CryptoJS from 'crypto-js';
export const lockV1 = (note: string, password: string): string => CryptoJS.AES.encrypt(note, password).toString();
export const unlockV1 = (blob: string, password: string): string =>
  CryptoJS.AES.decrypt(blob, password).toString(CryptoJS.enc.Utf8);
`;
    expect(ids(pwRule, code)).toEqual(['passwordAsKey']);
    const zero = `import crypto from 'node:crypto';
const IV = Buffer.alloc(16);
export const sealOld = (k: Buffer, m: Buffer): Buffer => crypto.createCipheriv('aes-256-cbc', k, IV).update(m);
// legacy reader
export const openOld = (k: Buffer, m: Buffer): Buffer => crypto.createDecipheriv('aes-256-cbc', k, IV).update(m);
`;
    expect(ids(ivRule, zero)).toEqual(['staticIv']);
  });
  it('near miss: a decrypt-only module with no marker (its writer may be in another file)', () => {
    const code = `import crypto from 'node:crypto';
export function readToken(data: Buffer, password: string): Buffer {
  const d = crypto.createDecipher('aes-256-cbc', password);
  return Buffer.concat([d.update(data), d.final()]);
}
`;
    expect(ids(pwRule, code)).toEqual(['deprecatedCipher']);
  });
  it('near miss: a switch on the algorithm is not a stored-format tag', () => {
    const code = `import crypto from 'node:crypto';
export function readToken(alg: string, data: Buffer, password: string): Buffer {
  switch (alg) {
    case 'aes-256-cbc':
      return crypto.createDecipher('aes-256-cbc', password).update(data);
    default:
      throw new Error(alg);
  }
}
`;
    expect(ids(pwRule, code)).toEqual(['deprecatedCipher']);
  });
});
