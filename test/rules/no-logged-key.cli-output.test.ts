/**
 * no-logged-key: a command-line program that prints the key or token it has just made, for the person who ran it,
 * delivers its result; that is not a log (src/rule-kit/cli-output.ts). Variants written from the usual shapes of
 * key-generation, export, invitation and share commands (yargs, commander, meow, a `#!` script). The near misses stay
 * reported: the command also writes the key to its own file or sends it to a server to keep (the print is a second
 * copy), it echoes what the user passed in, it reads a kept key back or re-derives a key from one (an environment
 * variable), it logs to a logger or standard error, or the module is no CLI.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-key.js';
import { lintWith } from '../helpers/probe.js';

const lint = (code: string, filename: string): { line: number; messageId: string | undefined }[] =>
  lintWith(rule, code, filename).map((m) => ({
    line: m.line,
    messageId: m.fatal ? `fatal: ${m.message}` : m.messageId,
  }));

const keygen = (body: string[]): string =>
  [
    "import { Command } from 'commander';",
    "import { randomBytes, generateKeyPairSync } from 'node:crypto';",
    "import { writeFileSync } from 'node:fs';",
    'const program = new Command();',
    "program.command('secret').action(async (opts) => {",
    ...body,
    '});',
  ].join('\n');

describe('no-logged-key: a command-line program printing what it has just made', () => {
  it('stays silent on a key, token or link the command made and prints to standard output', () => {
    const exported = [
      "import type { Argv } from 'yargs';",
      "import chalk from 'chalk';",
      'export const handler = async (argv: { dir: string }) => {',
      "  const res = await dispatch({ type: 'export', dir: argv.dir });",
      '  const { encryptionKey } = res.payload;',
      "  console.log(chalk.bold('Archive encryption key:'));",
      '  console.log(encryptionKey);',
      '};',
    ].join('\n');
    const invite = [
      "import yargs from 'yargs';",
      "import chalk from 'chalk';",
      'export async function invite(argv: { email: string }) {',
      '  let { state } = await initCore(argv);',
      '  state = (await dispatch({ type: "invite", email: argv.email })).state;',
      '  const [{ inviteId, encryptionKey }] = state.generatedInvites;',
      '  const outOfBandToken = [inviteId, encryptionKey].join("_");',
      '  console.log(`\\n  ${chalk.bold(outOfBandToken)}\\n`);',
      '}',
    ].join('\n');
    const share = [
      "import meow from 'meow';",
      'const cli = meow("usage: share <text>", { importMeta: import.meta });',
      'const linkFor = (encryptionKey: string, id: string) => `https://share.example.test/${id}#${encryptionKey}`;',
      'async function main() {',
      '  const userEncryptionKey = generateKey();',
      '  const res = await fetch("https://share.example.test/api", { method: "POST", body: seal(cli.input[0], ' +
        'userEncryptionKey) });',
      '  const json = await res.json();',
      '  console.log(linkFor(userEncryptionKey, json.id));',
      '}',
    ].join('\n');
    const script = [
      '#!/usr/bin/env node',
      "const { randomBytes } = require('node:crypto');",
      "const signingSecret = randomBytes(32).toString('base64');",
      "process.stdout.write(signingSecret + '\\n');",
    ].join('\n');
    const generated = keygen(["  const apiSecret = randomBytes(32).toString('hex');", '  console.info(apiSecret);']);
    for (const [code, file] of [
      [exported, 'src/commands/archive/export.ts'],
      [invite, 'src/commands/users/invite.ts'],
      [share, 'cli.ts'],
      [script, 'bin/new-secret.ts'],
      [generated, 'src/cli/secret.ts'],
    ] as const)
      expect({ file, messages: lint(code, file) }).toEqual({ file, messages: [] });
  });

  it('still reports a copy, an echo of input, a kept or re-derived key, a logger, and a non-CLI module', () => {
    const written = keygen([
      "  const { privateKey } = generateKeyPairSync('ed25519', { privateKeyEncoding: { type: 'pkcs8', " +
        "format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });",
      '  writeFileSync(opts.out, privateKey, { mode: 0o600 });',
      '  if (opts.print) console.log(privateKey);',
    ]);
    const echoed = keygen(['  console.log(`stored api key ${opts.apiKey}`);']);
    const readBack = keygen(["  const apiSecret = config.get('apiSecret');", '  console.log(apiSecret);']);
    const saved = keygen([
      "  const apiSecret = randomBytes(32).toString('hex');",
      '  saveProfile({ apiSecret });',
      '  console.log(apiSecret);',
    ]);
    const toStderr = keygen(["  const apiSecret = randomBytes(32).toString('hex');", '  console.error(apiSecret);']);
    const server = [
      "import { randomBytes } from 'node:crypto';",
      'export function issue() {',
      "  const apiSecret = randomBytes(32).toString('hex');",
      '  console.log(apiSecret);',
      '  return apiSecret;',
      '}',
    ].join('\n');
    const sent = keygen([
      "  const webhookSecret = randomBytes(32).toString('hex');",
      "  await fetch(`https://api.example.test/hooks/${opts.id}`, { method: 'PUT', body: JSON.stringify({ webhookSecret }) });",
      '  console.log(JSON.stringify({ id: opts.id, webhookSecret }));',
    ]);
    const derived = [
      '#!/usr/bin/env node',
      "const { Wallet } = require('ethers');",
      'const phrase = process.env.WALLET_PHRASE;',
      'const wallet = Wallet.fromPhrase(phrase);',
      'console.log(`address ${wallet.address} private ${wallet.privateKey}`);',
    ].join('\n');
    const fetched = keygen([
      '  const out = await secrets.send(new GetSecretValueCommand({ SecretId: opts.name }));',
      '  const apiSecret = out.SecretString;',
      '  console.log(apiSecret);',
    ]);
    const reassigned = keygen([
      "  let apiSecret = randomBytes(32).toString('hex');",
      '  if (opts.reuse) apiSecret = process.env.API_SECRET;',
      '  console.log(apiSecret);',
    ]);
    expect(lint(reassigned, 'src/cli/secret.ts')).toEqual([{ line: 8, messageId: 'loggedKey' }]);
    expect(lint(fetched, 'src/cli/get.ts')).toEqual([{ line: 8, messageId: 'loggedKey' }]);
    expect(lint(sent, 'src/cli/rotate.ts')).toEqual([{ line: 8, messageId: 'loggedKey' }]);
    expect(lint(derived, 'scripts/derive.ts')).toEqual([{ line: 5, messageId: 'loggedKey' }]);
    expect(lint(written, 'src/cli/keygen.ts')).toEqual([{ line: 8, messageId: 'loggedKey' }]);
    expect(lint(echoed, 'src/cli/login.ts')).toEqual([{ line: 6, messageId: 'loggedKey' }]);
    expect(lint(readBack, 'src/cli/show.ts')).toEqual([{ line: 7, messageId: 'loggedKey' }]);
    expect(lint(saved, 'src/cli/create.ts')).toEqual([{ line: 8, messageId: 'loggedKey' }]);
    expect(lint(toStderr, 'src/cli/secret.ts')).toEqual([{ line: 7, messageId: 'loggedKey' }]);
    expect(lint(server, 'src/api/keys.ts')).toEqual([{ line: 4, messageId: 'loggedKey' }]);
  });
});
