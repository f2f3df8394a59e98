/**
 * no-logged-key: credentials written owner-only to the cache another program reads them from (issue 11, session 33,
 * lk17). A tool that logs in for the AWS CLI writes the CLI's SSO, login and assumed-role token caches
 * (`~/.aws/sso/cache/<hash>.json`, catalogue `credentialCacheDir`) in the CLI's format; many tools restrict the file
 * with `chmodSync(file, 0o600)` right after writing it instead of passing a mode (catalogue `fileModeCalls`,
 * src/rule-kit/file-writes.ts). Either way the file is the store the consumer reads, not a plaintext copy; the cache
 * directory is also followed through the class's own method that builds it (src/rule-kit/path-text.ts). Near misses
 * that stay reported: the cache written with no mode, a chmod to 0o644, a chmod of another path or not right after
 * the write, the same file name outside the cache directory, a cache in the temp directory, and a log file
 * restricted the same way.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-key.js';
import { lintWith } from '../helpers/probe.js';

const lines = (code: string): number[] =>
  lintWith(rule, code, 'src/auth/sso.ts')
    .filter((m) => m.ruleId === 'k/r')
    .map((m) => m.line);

const header = ["import fs from 'node:fs';", "import os from 'node:os';", "import path from 'node:path';"];

describe('an AWS CLI token cache written owner-only', () => {
  it('is the store the CLI reads: a mode, a chmod right after, a directory from the class’s own method', () => {
    const code = [
      ...header,
      'export function saveLogin(hash: string, token: { accessToken: string; refreshToken: string }) {',
      "  const dir = path.join(os.homedir(), '.aws', 'login', 'cache');",
      '  const file = path.join(dir, `${hash}.json`);',
      '  fs.writeFileSync(file, JSON.stringify({ accessToken: token.accessToken }));',
      '  fs.chmodSync(file, 0o600);',
      '}',
      'export async function saveRole(key: string, creds: { SecretAccessKey: string }) {',
      "  const file = path.join(os.homedir(), '.aws', 'cli', 'cache', `${key}.json`);",
      '  await fs.promises.writeFile(file, JSON.stringify({ Credentials: creds }), { mode: 0o600 });',
      '}',
      'export class SsoCache {',
      '  dir() {',
      "    const d = path.join(os.homedir(), '.aws', 'sso', 'cache');",
      '    fs.mkdirSync(d, { recursive: true });',
      '    return d;',
      '  }',
      '  save(key: string, registration: { clientId: string; clientSecret: string }) {',
      '    const file = path.join(this.dir(), `${key}.json`);',
      '    const data = { clientId: registration.clientId, clientSecret: registration.clientSecret };',
      '    fs.writeFileSync(file, JSON.stringify(data, null, 2));',
      '    fs.chmodSync(file, 0o600);',
      '  }',
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([]);
  });

  it('a key file restricted by a chmod right after the write is its store', () => {
    const code = [
      ...header,
      'export async function writeKey(dir: string, privateKeyPem: string) {',
      "  const file = path.join(dir, 'id_ed25519');",
      '  await fs.promises.writeFile(file, privateKeyPem);',
      '  await fs.promises.chmod(file, 0o600);',
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([]);
  });

  it('stays reported when readable by others, restricted too late or elsewhere, or not in the cache', () => {
    const code = [
      ...header,
      "const dir = path.join(os.homedir(), '.aws', 'sso', 'cache');",
      'export function noMode(key: string, token: { accessToken: string }) {',
      '  fs.writeFileSync(path.join(dir, `${key}.json`), JSON.stringify({ accessToken: token.accessToken }));', // 6
      '}',
      'export function groupReadable(key: string, token: { accessToken: string }) {',
      '  const file = path.join(dir, `${key}.json`);',
      '  fs.writeFileSync(file, JSON.stringify({ accessToken: token.accessToken }));', // 10
      '  fs.chmodSync(file, 0o644);',
      '}',
      'export function otherPath(key: string, token: { accessToken: string }) {',
      '  const file = path.join(dir, `${key}.json`);',
      '  fs.writeFileSync(file, JSON.stringify({ accessToken: token.accessToken }));', // 15
      '  fs.chmodSync(dir, 0o600);',
      '}',
      'export function tooLate(key: string, token: { accessToken: string }) {',
      '  const file = path.join(dir, `${key}.json`);',
      '  fs.writeFileSync(file, JSON.stringify({ accessToken: token.accessToken }));', // 20
      "  console.info('cached');",
      '  fs.chmodSync(file, 0o600);',
      '}',
      'export function notCache(key: string, token: { accessToken: string }) {',
      "  const file = path.join(os.homedir(), '.acme', `${key}.json`);",
      '  fs.writeFileSync(file, JSON.stringify({ accessToken: token.accessToken }));', // 26
      '  fs.chmodSync(file, 0o600);',
      '}',
      'export function inTemp(key: string, token: { accessToken: string }) {',
      "  const file = path.join('/tmp', '.aws', 'sso', 'cache', `${key}.json`);",
      '  fs.writeFileSync(file, JSON.stringify({ accessToken: token.accessToken }), { mode: 0o600 });', // 31
      '}',
      'export function restrictedLog(token: { accessToken: string }) {',
      "  const file = path.join(os.homedir(), 'app.log');",
      '  fs.appendFileSync(file, `token ${token.accessToken}\\n`);', // 35
      '  fs.chmodSync(file, 0o600);',
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([6, 10, 15, 20, 26, 31, 35]);
  });
});
