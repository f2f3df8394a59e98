/**
 * no-logged-key (issue 11, session 29): a secret's name, reference or error text is not the secret.
 * - an error's own text (`(error as Error).message`, `err.stack`) after words that name a secret: the words say what
 *   failed (`could not verify JWT auth token: …`), the value is the library's message;
 * - a binding the file hands to a secret accessor as its argument (`getSecretVersion(project, secret, 'latest')`) is
 *   the name asked for;
 * - an object whose secret-named member is assigned a reference (`binding.secret = secretId`) holds the reference.
 * The values themselves stay reported.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-key.js';
import { lintWith } from '../helpers/probe.js';

const lines = (code: string): number[] =>
  lintWith(rule, code, 'src/refs-sample.ts')
    .filter((m) => m.ruleId === 'k/r')
    .map((m) => m.line);

describe('error text after a secret word', () => {
  it('is the error, not the token', () => {
    const code = [
      'declare const logger: { error(m: string): void };',
      'declare function verify(t: string): unknown;',
      'export function check(token: string) {',
      '  try { verify(token); } catch (error) {',
      '    logger.error(`Could not verify JWT Auth Token ${(error as Error).message}`);',
      '    logger.error(`invalid signing key: ${error.stack}`);',
      '  }',
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([]);
  });

  it('keeps the token named by the message reported', () => {
    const code = [
      'declare const logger: { error(m: string): void };',
      'export function check(opts: { value: string; message: string }) {',
      '  logger.error(`invalid signing key: ${opts.value}`);',
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([3]);
  });
});

describe('a secret named to its accessor', () => {
  it('is a name when the file asks a secret accessor for it', () => {
    const code = [
      'declare const logger: { debug(m: string): void };',
      'declare function getSecretVersion(p: string, s: string, v: string): Promise<{ versionId: string }>;',
      'declare function accessSecret(name: string): Promise<string>;',
      'export async function resolve(projectId: string, toResolve: string[]) {',
      '  return Promise.all(toResolve.map(async (secret) => {',
      "    const sv = await getSecretVersion(projectId, secret, 'latest');",
      '    logger.debug(`Resolved latest secret version of ${secret} to ${sv.versionId}.`);',
      '    return sv;',
      '  }));',
      '}',
      'export async function read(apiKey: string) {',
      "  console.log('reading', apiKey);",
      '  return accessSecret(apiKey);',
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([]);
  });

  it('keeps what the accessor returns, and a secret passed to any other call, reported', () => {
    const code = [
      'declare function accessSecret(name: string): Promise<string>;',
      'declare function connect(pw: string): void;',
      'export async function read() {',
      "  const secret = await accessSecret('db-password');",
      "  console.log('secret', secret);",
      '}',
      'export function open(password: string) {',
      '  connect(password);',
      "  console.log('connecting with', password);",
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([5, 9]);
  });

  it('keeps a secret read from the environment reported, even when it is also handed to an accessor (review)', () => {
    const code = [
      'declare function fetchConfig(key: string | undefined): Promise<void>;',
      'export async function boot() {',
      '  const apiKey = process.env.LAUNCHDARKLY_API_KEY;',
      '  await fetchConfig(apiKey);',
      "  console.log('key', apiKey);",
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([5]);
  });
});

describe('a member assigned a reference', () => {
  it('makes the object a reference holder', () => {
    const code = [
      'declare const logger: { debug(m: string): void };',
      'export function merge(endpoint: { vars: any[] }, secretId: string) {',
      '  for (const envVar of endpoint.vars) {',
      '    envVar.secret = secretId;',
      '    logger.debug(`Merged secret: ${JSON.stringify(envVar)}`);',
      '  }',
      '}',
      'export function bind(cfg: { kms: { keyAlias: string } }, binding: any) {',
      '  binding.apiKey = cfg.kms.keyAlias;',
      "  console.log('binding', binding);",
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([]);
  });

  it('keeps an object given the value itself reported', () => {
    const code = [
      'export function merge(endpoint: { vars: any[] }, secretValue: string) {',
      '  for (const envVar of endpoint.vars) {',
      '    envVar.secret = secretValue;',
      '    console.log(`Merged: ${JSON.stringify(envVar)}`);',
      '  }',
      '}',
    ].join('\n');
    expect(lines(code)).toEqual([4]);
  });
});
