/**
 * no-logged-key (issue 11, session 34, lk18): what a logged value holds, by value flow and by the branch it is
 * logged on (src/rule-kit/leaks.ts, catalogue `secretStoreReads`).
 * - A member of a constant object literal holds what the literal gave it: `dk.plaintext` of `const dk = { plaintext:
 *   Buffer.from(out.Plaintext) }` is the data key (recall; near misses: a literal's plain member, a reassigned
 *   binding).
 * - A value read back from the mobile secure store (expo-secure-store, react-native-encrypted-storage) is a secret
 *   (recall; near misses: AsyncStorage, a write to the store, the read's presence only), and so is a value the file
 *   keeps there or in the OS keychain (catalogue `secretStoreWrites`; near misses: the entry's key, AsyncStorage, a
 *   value kept under another binding).
 * - A secret member tested present is absent in the `else` and after an `if` that returned or threw (precision;
 *   near misses: the `then` branch, a disjunction of absences, an `if` that does not exit).
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-key.js';
import { lintWith } from '../helpers/probe.js';

const found = (code: string, file = 'src/app/keys.ts'): { line: number; column: number; messageId?: string }[] =>
  lintWith(rule, code, file)
    .filter((m) => m.ruleId === 'k/r')
    .map((m) => ({ line: m.line, column: m.column, messageId: m.messageId }));

describe('a member of a constant object literal', () => {
  it('holds the value the literal gave it', () => {
    const code = [
      "import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';",
      "import pino from 'pino';",
      "const log = pino({ name: 'keys' });",
      'const kms = new KMSClient({});',
      'export async function batchKey(batchId: string) {',
      "  const out = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/batch', KeySpec: 'AES_256' }));",
      '  const dk = { plaintext: Buffer.from(out.Plaintext!), wrapped: out.CiphertextBlob, keyId: out.KeyId };',
      "  log.info({ batchId, keyId: dk.keyId, material: dk.plaintext.toString('base64') }, 'batch key');", // 8
      "  log.debug({ wrapped: dk.wrapped }, 'wrapped key');",
      '  return dk;',
      '}',
      'export function sessionState(secretKey: Uint8Array, peer: string) {',
      '  const state = { peer, keys: { tx: secretKey } };',
      "  console.log('state for', state.peer, state.keys.tx);", // 14
      '}',
    ].join('\n');
    expect(found(code)).toEqual([
      { line: 8, column: 50, messageId: 'loggedKey' },
      { line: 14, column: 40, messageId: 'loggedKey' },
    ]);
  });

  it('near misses: a plain member, a binding that is reassigned', () => {
    const code = [
      'export function plain(host: string, port: number) {',
      "  const conn = { host, port, label: 'primary' };",
      "  console.log('connecting', conn.host, conn.port, conn.label);",
      '}',
      'export function reassigned(fresh: () => { material: string }) {',
      "  let box = { material: 'none' };",
      '  box = fresh();',
      "  console.log('box', box.material);",
      '}',
    ].join('\n');
    expect(found(code)).toEqual([]);
  });
});

describe('a value read back from the mobile secure store', () => {
  it('is a secret where it is printed', () => {
    const code = [
      "import * as SecureStore from 'expo-secure-store';",
      "import EncryptedStorage from 'react-native-encrypted-storage';",
      "const REFRESH = 'app.refresh';",
      'export async function renew(post: (u: string, b: unknown) => Promise<unknown>) {',
      '  const stored = await SecureStore.getItemAsync(REFRESH);',
      '  try {',
      "    await post('/auth/refresh', { grant: stored });",
      '  } catch (e) {',
      "    console.error('refresh failed', { stored, error: String(e) });", // 9
      '  }',
      '}',
      'export async function resume() {',
      "  const session = await EncryptedStorage.getItem('session');",
      '  console.log(`resuming with ${session}`);', // 14
      '}',
    ].join('\n');
    expect(found(code, 'src/auth/session.ts')).toEqual([
      { line: 9, column: 39, messageId: 'loggedKey' },
      { line: 14, column: 32, messageId: 'loggedKey' },
    ]);
  });

  it('near misses: AsyncStorage, a write to the store, a presence check', () => {
    const code = [
      "import * as SecureStore from 'expo-secure-store';",
      "import AsyncStorage from '@react-native-async-storage/async-storage';",
      'export async function prefs(next: string) {',
      "  const theme = await AsyncStorage.getItem('theme');",
      "  console.log('theme', theme);",
      "  const done = await SecureStore.setItemAsync('app.onboarded', next);",
      "  console.log('saved', done);",
      "  const stored = await SecureStore.getItemAsync('app.refresh');",
      "  console.log('has refresh', stored !== null);",
      '}',
    ].join('\n');
    expect(found(code, 'src/auth/prefs.ts')).toEqual([]);
  });
});

describe('a value the file keeps in a secret store', () => {
  it('is a secret wherever it is printed', () => {
    const code = [
      "import * as SecureStore from 'expo-secure-store';",
      "import keytar from 'keytar';",
      "const REFRESH = 'app.refresh';",
      'export async function saveTokens(access: string, refresh: string) {',
      "  await SecureStore.setItemAsync('app.access', access);",
      '  await SecureStore.setItemAsync(REFRESH, refresh);',
      '  console.log(`session saved, refresh=${refresh}`);', // 7
      '}',
      'export async function remember(account: string, value: string) {',
      "  console.debug('remembering', account, value);", // 10
      "  await keytar.setPassword('deploy-cli', account, value);",
      '}',
    ].join('\n');
    expect(found(code, 'src/auth/session.ts')).toEqual([
      { line: 7, column: 41, messageId: 'loggedKey' },
      { line: 10, column: 41, messageId: 'loggedKey' },
    ]);
  });

  it('near misses: the key of the entry, AsyncStorage, a value kept under another binding', () => {
    const code = [
      "import * as SecureStore from 'expo-secure-store';",
      "import AsyncStorage from '@react-native-async-storage/async-storage';",
      'export async function prefs(entry: string, theme: string, raw: string) {',
      '  await SecureStore.setItemAsync(entry, raw.trim());',
      "  await AsyncStorage.setItem('theme', theme);",
      "  console.log('saved', entry, theme, raw.length);",
      '}',
    ].join('\n');
    expect(found(code, 'src/auth/prefs.ts')).toEqual([]);
  });
});

describe('a secret member tested present', () => {
  it('is absent in the else, and after an if that returned or threw', () => {
    const code = [
      'declare function addOnion(port: number): Promise<{ ServiceID: string; PrivateKey?: string }>;',
      'declare function save(k: string): Promise<void>;',
      'export async function publish(port: number): Promise<string> {',
      '  const reply = await addOnion(port);',
      '  if (reply.PrivateKey) {',
      '    await save(reply.PrivateKey);',
      '    return reply.ServiceID;',
      '  } else {',
      '    throw new Error(JSON.stringify(reply));',
      '  }',
      '}',
      'export async function publishOr(port: number): Promise<string> {',
      '  const reply = await addOnion(port);',
      '  if (reply.PrivateKey || reply.ServiceID === "") {',
      '    await save(reply.PrivateKey ?? "");',
      '    return reply.ServiceID;',
      '  }',
      "  console.error('no key in reply', reply);",
      "  throw new Error('no key');",
      '}',
      'export async function early(port: number): Promise<string> {',
      '  const reply = await addOnion(port);',
      '  if (reply.PrivateKey) return save(reply.PrivateKey).then(() => reply.ServiceID);',
      "  console.error('no key in reply', reply);",
      "  throw new Error('no key');",
      '}',
    ].join('\n');
    expect(found(code, 'src/tor/client.ts')).toEqual([]);
  });

  it('near misses: the then branch, a disjunction of absences, an if that does not exit', () => {
    const code = [
      'declare function addOnion(port: number): Promise<{ ServiceID: string; PrivateKey?: string; Login?: string }>;',
      'declare function save(k: string): Promise<void>;',
      'export async function thenBranch(port: number) {',
      '  const reply = await addOnion(port);',
      '  if (reply.PrivateKey) {',
      "    console.log('got reply', reply);", // 6
      '    await save(reply.PrivateKey);',
      '  }',
      '}',
      'export async function eitherMissing(port: number) {',
      '  const reply = await addOnion(port);',
      '  if (!reply.Login || !reply.PrivateKey) {',
      '    throw new Error(`unexpected reply ${JSON.stringify(reply)}`);', // 13
      '  }',
      '  await save(reply.PrivateKey);',
      '}',
      'export async function noExit(port: number) {',
      '  const reply = await addOnion(port);',
      '  if (reply.PrivateKey) await save(reply.PrivateKey);',
      "  console.log('reply', reply);", // 20
      '}',
    ].join('\n');
    expect(found(code, 'src/tor/client.ts')).toEqual([
      { line: 6, column: 30, messageId: 'loggedKey' },
      { line: 13, column: 41, messageId: 'loggedKey' },
      { line: 20, column: 24, messageId: 'loggedKey' },
    ]);
  });
});
