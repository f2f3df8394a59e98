/**
 * no-password-as-key: a KDF asked for its encoded output (hash-wasm `outputType: 'encoded'`, a PHC string with
 * its own parameters and salt) makes a stored password verifier, judged by OWASP's password-storage minimums,
 * whatever the enclosing function is called ("encrypt", "seal"). Raw output, or an encoded hash below the
 * storage minimums, stays reported.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-password-as-key.js';
import { lintWith } from '../helpers/probe.js';

function lint(code: string): (string | undefined)[] {
  return lintWith(rule, code, 'src/workers/password.ts').map((m) => (m.fatal ? `fatal: ${m.message}` : m.messageId));
}

const IMPORTS = "import crypto from 'node:crypto';\nimport { argon2i, argon2id, argon2d } from 'hash-wasm';\n";
const call = (fn: string, memorySize: number, iterations: number, outputType: string) =>
  `${fn}({ password, salt: crypto.randomBytes(16), iterations: ${iterations}, parallelism: 1, ` +
  `memorySize: ${memorySize}, hashLength: 32, outputType: '${outputType}' })`;

describe('no-password-as-key: encoded (PHC) output is a stored verifier', () => {
  it.each([
    // OWASP m = 9 MiB, t = 4, in a function named for encryption
    [`export async function encryptPassword(password) {\n  return ${call('argon2id', 9216, 4, 'encoded')};\n}`],
    // argon2i at m = 7 MiB, t = 5, in an arrow named "seal"
    [`export const sealPassword = (password) => ${call('argon2i', 7168, 5, 'encoded')};`],
    // bound to a name that says "encrypted"
    [`export async function save(password) {\n  const encrypted = await ${call('argon2d', 19456, 2, 'encoded')};\n}`],
  ])('%s', (body) => {
    expect(lint(IMPORTS + body)).toEqual([]);
  });

  it.each([
    // raw output from a function named for encryption: a key, with the key floor
    [`export async function encryptPassword(password) {\n  return ${call('argon2id', 9216, 4, 'hex')};\n}`],
    // encoded, but below every OWASP storage row
    [`export async function encryptPassword(password) {\n  return ${call('argon2i', 1024, 3, 'encoded')};\n}`],
    // encoded, enough memory for the t = 5 row only, with t = 2
    [`export const sealPassword = (password) => ${call('argon2i', 8192, 2, 'encoded')};`],
  ])('still reports: %s', (body) => {
    const ids = lint(IMPORTS + body);
    expect(ids.length).toBe(1);
    expect(ids[0]).not.toMatch(/^fatal/);
  });
});
