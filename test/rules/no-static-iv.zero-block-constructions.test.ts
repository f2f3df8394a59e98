import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-static-iv.js';
import { lintWith } from '../helpers/probe.js';

// issue 11 (session 33, branch fmt17): a zero IV that the module also encrypts as a block. E_K(0^n) starts CMAC
// (NIST SP 800-38B §6.1, over a CBC-MAC chain whose IV is zero by definition), OCB (RFC 7253 §4.2, L_*) and GCM's
// hash subkey (SP 800-38D §6.4); JavaScript writes the block function as a one-block CBC under the zero constant.
// Near misses stay reported: the zero IV of a message cipher next to an unrelated zero buffer that is encrypted,
// a zero IV passed to a helper that uses it as an IV, and a zero IV only logged or copied.
const ids = (code: string, file = 'src/mac.ts'): string[] => lintWith(rule, code, file).map((m) => m.messageId ?? '');

const cmacNode = `import { createCipheriv } from 'node:crypto';
const ZERO = Buffer.alloc(16);
const RB = Buffer.from('00000000000000000000000000000087', 'hex');
function aes(key: Buffer, block: Buffer): Buffer {
  const c = createCipheriv('aes-128-cbc', key, ZERO);
  return c.update(block);
}
export function subkeys(key: Buffer): Buffer[] {
  const l = aes(key, ZERO);
  return [l, RB];
}
`;

const ocbNoble = `import { cbc } from '@noble/ciphers/aes.js';
const zeroBlock = new Uint8Array(16);
export function makeOcb(key: Uint8Array) {
  const encipher = (block: Uint8Array) => cbc(key, zeroBlock, { disablePadding: true }).encrypt(block);
  const lStar = encipher(zeroBlock);
  return { encipher, lStar };
}
`;

const cmacMadeFunction = `import { createCipheriv } from 'node:crypto';
const zeroBlock = new Uint8Array(16);
function CBC(key: Uint8Array) {
  return async (pt: Uint8Array) => {
    const en = createCipheriv('aes-128-cbc', key, zeroBlock);
    en.setAutoPadding(false);
    return en.update(pt);
  };
}
export async function CMAC(key: Uint8Array) {
  const cbcK = await CBC(key);
  const l = await cbcK(zeroBlock);
  return async (data: Uint8Array) => (await cbcK(data)).subarray(-16).map((b, i) => b ^ l[i]!);
}
`;

const gcmHashKey = `import { createCipheriv } from 'node:crypto';
const ZERO_BLOCK = Buffer.alloc(16, 0);
export function hashSubkey(key: Buffer): Buffer {
  const c = createCipheriv('aes-256-cbc', key, ZERO_BLOCK);
  c.setAutoPadding(false);
  return c.update(ZERO_BLOCK);
}
`;

describe('no-static-iv: a zero IV that the module also encrypts as a block (CMAC, OCB, GCM subkeys)', () => {
  it.each([
    ['CMAC subkeys through a same-file block helper', cmacNode],
    ['OCB L_* with a noble one-block CBC', ocbNoble],
    ['CMAC through a block function made by another function', cmacMadeFunction],
    ["GCM's hash subkey H = E_K(0^128)", gcmHashKey],
  ])('%s: no finding', (_name, code) => expect(ids(code)).toEqual([]));

  it('a message cipher under a zero IV is reported though another zero buffer is encrypted', () => {
    const code = `import { createCipheriv } from 'node:crypto';
const IV = Buffer.alloc(16);
const PAD = Buffer.alloc(16);
export function seal(key: Buffer, msg: Buffer): Buffer {
  const c = createCipheriv('aes-256-cbc', key, IV);
  return Buffer.concat([c.update(msg), c.update(PAD), c.final()]);
}
`;
    expect(ids(code)).toEqual(['staticIv']);
  });

  it('a zero IV handed to a helper that uses it as the IV is reported', () => {
    const code = `import { createCipheriv } from 'node:crypto';
const ZERO_IV = Buffer.alloc(16);
function enc(key: Buffer, iv: Buffer, data: Buffer): Buffer {
  return createCipheriv('aes-256-cbc', key, iv).update(data);
}
export const seal = (key: Buffer, data: Buffer): Buffer => enc(key, ZERO_IV, data);
`;
    expect(ids(code)).toContain('staticIv');
  });

  it('a zero IV that is only logged or copied is reported', () => {
    const code = `import { createCipheriv } from 'node:crypto';
const ZERO_IV = Buffer.alloc(16);
function show(b: Buffer): string {
  return b.toString('hex');
}
export function seal(key: Buffer, data: Buffer): Buffer {
  console.debug(show(ZERO_IV), Buffer.from(ZERO_IV).length);
  return createCipheriv('aes-256-cbc', key, ZERO_IV).update(data);
}
`;
    expect(ids(code)).toEqual(['staticIv']);
  });
});
