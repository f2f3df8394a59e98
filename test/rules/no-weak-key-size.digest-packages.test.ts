/**
 * MD5 and SHA-1 over a password with the digest packages real code imports (session 29 breadth study): spark-md5,
 * ts-md5, js-md5, sha1, hash-wasm, crypto-hash and @noble/hashes' legacy module, and crypto-es (crypto-js's ES-module
 * port). The same packages hashing files, e-mail addresses for avatars or response bodies stay quiet.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-weak-key-size.js';
import { lintWith } from '../helpers/probe.js';

const messages = (code: string): string[] => lintWith(rule, code, 'src/auth.ts').map((m) => m.message);

describe('no-weak-key-size: digest packages over a password', () => {
  it.each([
    [
      "import SparkMD5 from 'spark-md5';\nexport const hashPassword = (password: string) => SparkMD5.hash(password);",
      'MD5',
    ],
    [
      "import { Md5 } from 'ts-md5';\nexport class Security {\n  static encode(plainPassword: string) {\n    return Md5.hashStr(plainPassword);\n  }\n}",
      'MD5',
    ],
    [
      "import { Md5 } from 'ts-md5/dist/md5';\nexport function storePin(pin: string) {\n  return Md5.hashAsciiStr(pin);\n}",
      'MD5',
    ],
    [
      "import jsMd5 from 'js-md5';\nexport function passwordDigest(password: string) {\n  return jsMd5(password);\n}",
      'MD5',
    ],
    ["import md5 from 'js-md5';\nexport const hashPassword = (pwd: string) => md5.hex(pwd);", 'MD5'],
    [
      "import sha1 from 'sha1';\nexport function hashPassword(password: string) {\n  return sha1(password);\n}",
      'SHA-1',
    ],
    [
      "import { md5 } from 'hash-wasm';\nexport async function hashPassword(password: string) {\n  return md5(password);\n}",
      'MD5',
    ],
    [
      "import { sha1 } from 'crypto-hash';\nexport async function hashPassword(password: string) {\n  return sha1(password);\n}",
      'SHA-1',
    ],
    [
      "import { sha1 } from '@noble/hashes/legacy.js';\nexport const passwordHash = (password: Uint8Array) => sha1(password);",
      'SHA-1',
    ],
    [
      "import CryptoES from 'crypto-es';\nexport function hashPassword(password: string) {\n  return CryptoES.MD5(password).toString();\n}",
      'MD5',
    ],
    // a verifier of MD5 hashes only, and a branch that makes (not checks) an MD5 hash, are still reported
    [
      "import md5 from 'js-md5';\nexport const verifyPassword = (password: string, stored: string) => md5(password) === stored;",
      'MD5',
    ],
    [
      "import { md5 } from 'hash-wasm';\nexport async function hashPassword(method: string, password: string) {\n" +
        "  if (method === 'md5') return md5(password);\n  return password;\n}",
      'MD5',
    ],
  ])('reports %#', (code, digest) => {
    const got = messages(code);
    expect(got.length, code).toBe(1);
    expect(got[0]).toContain(`${digest} (`);
    expect(got[0]).toContain('a hash of');
  });

  it.each([
    "import SparkMD5 from 'spark-md5';\nexport const fileHash = (buf: ArrayBuffer) => SparkMD5.ArrayBuffer.hash(buf);",
    "import { Md5 } from 'ts-md5';\nexport const gravatar = (email: string) => Md5.hashStr(email.trim().toLowerCase());",
    "import { sha1 } from 'crypto-hash';\nexport const etag = async (body: string) => sha1(body);",
    "import { md5 } from 'hash-wasm';\nexport const chunkId = async (chunk: Uint8Array) => md5(chunk);",
    // an imported user's hash checked in the format its record names (and re-hashed elsewhere on success)
    "import { md5, sha1, argon2Verify } from 'hash-wasm';\nexport async function isPasswordValid(method: Method, " +
      'password: string, stored: string) {\n  switch (method) {\n    case Method.Argon2id:\n' +
      '      return argon2Verify({ password, hash: stored });\n    case Method.MD5:\n' +
      '      return (await md5(password)) === stored;\n    case Method.SHA1:\n      return (await sha1(password)) === stored;\n' +
      '  }\n}',
    "import md5 from 'js-md5';\nexport function check(user: { algo: string; hash: string }, password: string) {\n" +
      "  if (user.algo === 'md5') return md5(password) === user.hash;\n  return false;\n}",
    // HTTP Digest authentication: the protocol makes HA1 an MD5 of user, realm and password
    "import { md5 } from 'js-md5';\nexport function digestResponse(username: string, realm: string, password: string, " +
      'nonce: string, cnonce: string, ha2: string) {\n  const ha1 = md5(`${username}:${realm}:${password}`);\n' +
      '  return md5(`${ha1}:${nonce}:00000001:${cnonce}:auth:${ha2}`);\n}',
    // SHA-256 of a password is the KDF cost question, not a broken digest
    "import { sha256 } from 'hash-wasm';\nexport const hashPassword = async (password: string) => sha256(password);",
  ])('stays quiet %#', (code) => {
    expect(messages(code)).toEqual([]);
  });
});

describe('no-weak-key-size: crypto-es is read as crypto-js', () => {
  it.each([
    [
      "import CryptoES from 'crypto-es';\nexport const seal = (m: string, k: string) => CryptoES.TripleDES.encrypt(m, k);",
      '3DES',
    ],
    [
      "import { DES } from 'crypto-es';\nexport const seal = (m: string, k: string) => DES.encrypt(m, k).toString();",
      'DES (',
    ],
    [
      "import { RC4 } from 'crypto-es/lib/rc4.js';\nexport const seal = (m: string, k: string) => RC4.encrypt(m, k);",
      'RC4',
    ],
    [
      "import CryptoES from 'crypto-es';\nexport const seal = (m: string, k: string) =>\n  CryptoES.AES.encrypt(m, k, { mode: CryptoES.mode.ECB });",
      'ECB',
    ],
  ])('reports %#', (code, what) => {
    const got = messages(code);
    expect(got.length, code).toBe(1);
    expect(got[0]).toContain(what);
  });

  it('stays quiet for AES-CBC with crypto-es', () => {
    const code =
      "import CryptoES from 'crypto-es';\nexport const seal = (m: string, k: string, iv: string) =>\n" +
      '  CryptoES.AES.encrypt(m, k, { iv, mode: CryptoES.mode.CBC });';
    expect(messages(code)).toEqual([]);
  });
});
