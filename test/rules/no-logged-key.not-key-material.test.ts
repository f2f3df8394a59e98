/**
 * no-logged-key: evidence that a logged value is not key material (issue 11, session 38, branch logfp22). Each
 * family was a false positive on real repositories; variants are written anew, and near misses that must stay
 * reported sit beside them.
 *
 * - A parser's token in a message (`Cannot parse token: ${t}`, `unknown token: ${tok}`): a piece of the text the
 *   parser reads, not a credential; `invalid token: ${t}` and `token: ${t}` stay reported.
 * - A key under a wrapping key (`reencryptedMasterKey`, `wrappedDataKey`, `encryptedPrivateKey`, catalogue
 *   `wrappedKeyName`) is ciphertext; `unwrappedKey`, a master key and an encryption key stay reported.
 * - The second parameter of a class's own `fetch(peer, key)`, `email(message, options)`: Workers hand `env` to the
 *   methods of the exported handler object, or of a class only when the first parameter is the request.
 * - A comment's open quote (`// {"Authorization":"bearer ...`) does not make the code on later lines an
 *   Authorization header value; `Authorization:` followed on the next line by `\`Bearer ${v}\`` still does.
 * - `redactAll(error.stack)`: an error's own text scrubbed for its paths is not a secret holder; a whole config the
 *   file redacts, logged elsewhere unredacted, stays reported.
 * - `const fullOutput = new WrappedBuffer(); fullOutput.append(…)`: a receiver the file makes as another class is no
 *   output channel, whatever its name; a VS Code channel, an injected `output` and `new OutputChannelLogger()` stay.
 * - axios's `error.request` in a module that runs in a browser (it reads `document` or `window`) is the
 *   XMLHttpRequest, which exposes no request header; `error.config` there, and `error.request` in Node, stay.
 * - `WalletType.seed` of an enum declared here, or returned by a function declared to return that imported type:
 *   a kind of wallet, not the seed; a static member of an imported class (`Settings.apiKey`) stays reported.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-key.js';
import { lintWith } from '../helpers/probe.js';

const lint = (code: string, filename: string): { line: number; column: number; messageId: string | undefined }[] =>
  lintWith(rule, code, filename).map((m) => ({
    line: m.line,
    column: m.column,
    messageId: m.fatal ? `fatal: ${m.message}` : m.messageId,
  }));
const at = (line: number, column: number) => ({ line, column, messageId: 'loggedKey' });

describe('no-logged-key: parser tokens in messages', () => {
  it('stays silent on a lexer or parser token a message names', () => {
    const code = [
      'interface Token { type: string; text: string }',
      'export function render(token: Token): string {',
      '  switch (token.type) {',
      "    case 'text':",
      '      return token.text;',
      '    default:',
      '      throw new Error(`Cannot parse token: ${token}`);',
      '  }',
      '}',
      'export function lex(src: string) {',
      "  for (const tok of src.split(' ')) {",
      "    if (tok.startsWith('@')) console.warn(`unknown token: ${tok}`);",
      "    if (tok.startsWith('#')) console.warn(`Unsupported token: ${tok}`);",
      "    if (tok.startsWith('!')) throw new SyntaxError(`syntax token=${tok}`);",
      '  }',
      '}',
    ].join('\n');
    expect(lint(code, 'src/markdown.ts')).toEqual([]);
  });

  it('still reports a token a message calls invalid or labels as the token', () => {
    const code = [
      'export function check(token: string, session: { token: string }) {',
      '  if (token.length < 10) throw new Error(`invalid token: ${token}`);',
      '  console.log(`token: ${session.token}`);',
      '}',
    ].join('\n');
    expect(lint(code, 'src/check.ts')).toEqual([at(2, 60), at(3, 25)]);
  });
});

describe('no-logged-key: wrapped and re-encrypted keys', () => {
  it('stays silent on a key under a wrapping key, named so', () => {
    const code = [
      "import { logger } from './log';",
      'declare const service: { reencryptMasterKey(k: unknown, a: string, b: string): Promise<{ id: string }> };',
      'declare const kms: { wrap(k: Uint8Array): Promise<Uint8Array> };',
      'declare function exportSealed(): Promise<string>;',
      'export async function share(record: unknown, oldPassword: string, newPassword: string) {',
      '  const reencryptedMasterKey = await service.reencryptMasterKey(record, oldPassword, newPassword);',
      "  logger.info('key has been re-encrypted under the master password', reencryptedMasterKey);",
      '  const wrappedDataKey = await kms.wrap(new Uint8Array(32));',
      "  console.log('stored', wrappedDataKey);",
      '  const encryptedPrivateKey = await exportSealed();',
      '  console.log({ encryptedPrivateKey });',
      '}',
    ].join('\n');
    expect(lint(code, 'src/share.ts')).toEqual([]);
  });

  it('still reports an unwrapped key, a master key and an encryption key', () => {
    const code = [
      'declare const kms: { unwrap(k: Uint8Array): Promise<Uint8Array> };',
      'export async function open(sealed: Uint8Array) {',
      '  const unwrappedKey = await kms.unwrap(sealed);',
      '  const masterKey = unwrappedKey;',
      "  console.log('master key', masterKey);",
      '  const encryptionKey = await kms.unwrap(sealed);',
      '  console.log({ encryptionKey });',
      '}',
    ].join('\n');
    expect(lint(code, 'src/open.ts')).toEqual([at(5, 29), at(7, 17)]);
  });
});

describe('no-logged-key: the environment of an edge handler', () => {
  it("stays silent on the second parameter of a class's own fetch, email or queue method", () => {
    const code = [
      "import { logger } from './log';",
      'export class FetchService {',
      '  async fetch(peer: string, key: string | Uint8Array) {',
      "    logger.trace('fetch %s from %s', key, peer);",
      '    return key;',
      '  }',
      '}',
      'export class Mailer {',
      '  async email(message: { to: string }, options: { retries: number }) {',
      "    console.log('sending', message.to, options);",
      '  }',
      '}',
      'export class Jobs {',
      '  queue(name: string, payload: unknown) {',
      "    console.log('queued', name, payload);",
      '  }',
      '}',
    ].join('\n');
    expect(lint(code, 'src/fetch.ts')).toEqual([]);
  });

  it('still reports env of the exported handler object, and of a class fetch(request, env)', () => {
    const code = [
      'interface Env { STRIPE_SECRET_KEY: string; PUBLIC_URL: string }',
      'export default {',
      '  async fetch(request: Request, env: Env) {',
      "    console.log('env', env);",
      "    return new Response('ok');",
      '  },',
      '  async scheduled(controller: unknown, env: Env) {',
      '    console.log(JSON.stringify(env));',
      '  },',
      '};',
      'export class Api {',
      '  async fetch(request: Request, env: Env) {',
      "    console.log('bindings', env);",
      '    return new Response(request.url);',
      '  }',
      '}',
    ].join('\n');
    expect(lint(code, 'src/worker.ts')).toEqual([at(4, 24), at(8, 17), at(13, 29)]);
  });
});

describe('no-logged-key: credential-header text in comments', () => {
  it('stays silent on an error logged after a comment that quotes an Authorization header', () => {
    const code = [
      "import { logger } from './log';",
      'declare function token(): string;',
      'declare function toError(body: unknown): Error & { code?: string };',
      'export async function exec(url: string, options: { headers: Record<string, string> }) {',
      '  for (let i = 0; i < 3; i++) {',
      "    options.headers['Authorization'] = `bearer ${token()}`;",
      '    const retry = async (error: unknown) => {',
      "      logger.info('retrying after', error);",
      '    };',
      '    const response = await fetch(url, options);',
      '    if (!response.ok) {',
      '      const error = toError(await response.json());',
      "      if (error.code === 'resourceModified') {",
      '        // Seen once: {"headers":{"Content-Type":"application/json","Authorization":"bearer ...',
      '',
      '        await retry(error);',
      '        continue;',
      '      }',
      '    }',
      '  }',
      '}',
    ].join('\n');
    expect(lint(code, 'src/api.ts')).toEqual([]);
  });

  it('still reports a value sent as a Bearer header, on one line or across two', () => {
    const code = [
      'declare function load(): Promise<string>;',
      'export async function call(url: string) {',
      '  const value = await load();',
      "  await fetch(url, { headers: { Authorization: 'Bearer ' + value } });",
      "  console.log('called with', value);",
      '  const other = await load();',
      '  await fetch(url, {',
      '    headers: {',
      '      Authorization:',
      '        `Bearer ${other}`,',
      '    },',
      '  });',
      "  console.log('called again with', other);",
      '}',
    ].join('\n');
    expect(lint(code, 'src/call.ts')).toEqual([at(5, 30), at(13, 36)]);
  });
});

describe('no-logged-key: an error text the file scrubs', () => {
  it('stays silent on an error stack logged where the file also redacts it for a dialog', () => {
    const code = [
      "import { app, dialog } from 'electron';",
      "import { redactAll } from './privacy';",
      'export function onStartupError(error: Error) {',
      "  console.log('Database startup error:', error.stack);",
      "  dialog.showErrorBox('Startup failed', redactAll(error.stack));",
      "  console.error('message was', error.message);",
      '  app.quit();',
      '}',
    ].join('\n');
    expect(lint(code, 'src/startup.ts')).toEqual([]);
  });

  it('still reports a whole object the file redacts elsewhere, logged unredacted', () => {
    const code = [
      "import { redactAll } from './privacy';",
      'declare function send(x: unknown): void;',
      'export function report(config: { url: string }, error: Error) {',
      "  console.log('config in use', config);",
      '  send(redactAll(config));',
      '  console.log(error.stack);',
      '}',
    ].join('\n');
    expect(lint(code, 'src/report.ts')).toEqual([at(4, 32)]);
  });
});

describe('no-logged-key: receivers named like an output channel', () => {
  it('stays silent on a buffer the file makes, whatever its name', () => {
    const code = [
      'declare class WrappedBuffer { append(b: Uint8Array): void; unwrap(): Uint8Array }',
      'declare const secretHandle: { unwrap(): Uint8Array };',
      'export function frame(parts: WrappedBuffer[]) {',
      '  const fullOutput = new WrappedBuffer();',
      '  for (const o of parts) fullOutput.append(o.unwrap());',
      '  const output = new WrappedBuffer();',
      '  output.append(secretHandle.unwrap());',
      '  return fullOutput;',
      '}',
    ].join('\n');
    expect(lint(code, 'src/frame.ts')).toEqual([]);
  });

  it('still reports an injected channel, a VS Code channel and a channel logger class', () => {
    const code = [
      "import * as vscode from 'vscode';",
      'declare const secretHandle: { unwrap(): string };',
      'declare class OutputChannelLogger { appendLine(s: string): void }',
      'export function show(output: vscode.OutputChannel) {',
      '  output.appendLine(secretHandle.unwrap());',
      "  const channel = vscode.window.createOutputChannel('Keys');",
      '  channel.appendLine(secretHandle.unwrap());',
      '  const logChannel = new OutputChannelLogger();',
      '  logChannel.appendLine(secretHandle.unwrap());',
      '}',
    ].join('\n');
    expect(lint(code, 'src/show.ts')).toEqual([at(5, 21), at(7, 22), at(9, 25)]);
  });
});

describe('no-logged-key: enum members', () => {
  it('stays silent on members of a local enum and of an imported enum a function returns', () => {
    const code = [
      "import { logger } from './log';",
      "import { WalletType } from './wallet-types';",
      "enum ImportKind { seed = 'seed', privateKey = 'privateKey' }",
      'interface Wallet { type: WalletType }',
      'export const identify = (input: string): WalletType => {',
      '  if (input.length === 66) return WalletType.privateKey;',
      '  return WalletType.seed;',
      '};',
      'export function migrate(input: string, w: Wallet) {',
      '  const type = identify(input);',
      '  logger.debug(`wallet type: ${type}`, w.type);',
      "  logger.debug('import kind', ImportKind.seed, ImportKind.privateKey);",
      '}',
    ].join('\n');
    expect(lint(code, 'src/wallet.ts')).toEqual([]);
  });

  it('still reports a static member of an imported class and a member of a typed parameter', () => {
    const code = [
      "import { Settings } from './settings';",
      "import { Vault } from './vault';",
      'export function dump(s: Settings) {',
      '  console.log(Settings.apiKey);',
      '  const v = new Vault();',
      '  console.log(Vault.privateKey, v);',
      "  console.log('seed', s.seed);",
      '}',
    ].join('\n');
    expect(lint(code, 'src/dump.ts')).toEqual([at(4, 15), at(6, 15), at(7, 23)]);
  });
});

describe("no-logged-key: axios's failed request in a browser", () => {
  const browser = [
    "import axios from 'axios';",
    'export async function finish(token: string, id: string) {',
    "  const status = document.getElementById('status');",
    '  try {',
    "    await axios.post('/api/finish', { id }, { headers: { authorization: token } });",
    '  } catch (error) {',
    "    console.error('finish failed', error.request);",
    "    if (status) status.textContent = 'failed';",
    '  }',
    '  try {',
    "    await axios.post('/api/close', { id }, { headers: { authorization: token } });",
    '  } catch (error) {',
    "    console.error('close failed', error.config);",
    '  }',
    '}',
  ].join('\n');

  it('stays silent on the XMLHttpRequest, and still reports the config with its headers', () => {
    expect(lint(browser, 'public/js/client.ts')).toEqual([at(13, 35)]);
  });

  it('still reports the Node request of a module that reads no browser global', () => {
    const node = browser
      .replace("  const status = document.getElementById('status');\n", '')
      .replace("    if (status) status.textContent = 'failed';\n", '');
    expect(lint(node, 'src/client.ts')).toEqual([at(6, 36), at(11, 35)]);
  });
});
