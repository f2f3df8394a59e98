/**
 * no-unsafe-key-deletion on the store and file-system families of the session-29 breadth study (issue 11, branch
 * breadth13a; coverage table in docs/benchmarks.md): react-native-mmkv (plaintext unless made with an
 * `encryptionKey`), Capacitor Preferences (the item is the options' `key`), conf/configstore, Ionic Storage, and the
 * mobile file systems (expo-file-system, react-native-fs, rn-fetch-blob). Near misses: an encrypted MMKV instance,
 * session tokens and API keys (not key material to this rule), files that are no key files, and reads.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-unsafe-key-deletion.js';
import { lintWith } from '../helpers/probe.js';

const found = (code: string, filename = 'src/app/store.ts'): string[] =>
  lintWith(rule, code, filename).map((m) => (m.fatal ? `fatal: ${m.message}` : `${m.line}:${m.messageId}`));

describe('no-unsafe-key-deletion: mobile and CLI stores from the breadth study', () => {
  it('reports key material removed from a plaintext store', () => {
    const cases: [string, string[]][] = [
      [
        "import { MMKV } from 'react-native-mmkv';\nconst storage = new MMKV();\n" +
          "export function wipeWallet() {\n  storage.delete('wallet_private_key');\n}\n",
        ['4:keyItemRemoved'],
      ],
      [
        "import { Preferences } from '@capacitor/preferences';\n" +
          "export async function forget() {\n  await Preferences.remove({ key: 'mnemonic' });\n}\n",
        ['3:keyItemRemoved'],
      ],
      [
        "import Conf from 'conf';\nconst config = new Conf({ projectName: 'cli' });\n" +
          "export function logout() {\n  config.delete('signingKey');\n}\n",
        ['4:keyItemRemoved'],
      ],
      [
        "import { Storage } from '@ionic/storage';\nconst storage = new Storage();\n" +
          "export async function reset() {\n  await storage.remove('seed_phrase');\n}\n",
        ['4:keyItemRemoved'],
      ],
    ];
    for (const [code, want] of cases) expect({ code, got: found(code) }).toEqual({ code, got: want });
  });

  it('stays quiet on an encrypted store, on tokens and API keys, and on reads', () => {
    const cases = [
      "import { MMKV } from 'react-native-mmkv';\ndeclare function deviceKey(): string;\n" +
        "const storage = new MMKV({ id: 'wallet', encryptionKey: deviceKey() });\n" +
        "export function wipeWallet() {\n  storage.delete('wallet_private_key');\n}\n",
      "import { MMKV } from 'react-native-mmkv';\nconst storage = new MMKV();\n" +
        "export function logout() {\n  storage.delete('access_token');\n}\n",
      "import { Preferences } from '@capacitor/preferences';\n" +
        "export async function forget() {\n  await Preferences.remove({ key: 'token' });\n}\n",
      "import Configstore from 'configstore';\nconst cs = new Configstore('cli');\n" +
        "export function logout() {\n  cs.delete('apiKey');\n}\n",
      "import { Preferences } from '@capacitor/preferences';\n" +
        "export async function read() {\n  return Preferences.get({ key: 'mnemonic' });\n}\n",
    ];
    for (const code of cases) expect({ code, got: found(code) }).toEqual({ code, got: [] });
  });
});

describe('no-unsafe-key-deletion: mobile file systems from the breadth study', () => {
  it('reports a key file unlinked through each mobile API', () => {
    const cases: [string, string[]][] = [
      [
        "import * as FileSystem from 'expo-file-system';\n" +
          "export async function drop() {\n  await FileSystem.deleteAsync(FileSystem.documentDirectory + 'wallet.key');\n}\n",
        ['3:keyFileDeleted'],
      ],
      [
        "import RNFS from 'react-native-fs';\n" +
          'export async function drop() {\n  await RNFS.unlink(`${RNFS.DocumentDirectoryPath}/id_ed25519`);\n}\n',
        ['3:keyFileDeleted'],
      ],
      [
        "import RNFetchBlob from 'rn-fetch-blob';\n" +
          "export async function drop() {\n  await RNFetchBlob.fs.unlink('/data/app/keys/signing.pem');\n}\n",
        ['3:keyFileDeleted'],
      ],
    ];
    for (const [code, want] of cases) expect({ code, got: found(code) }).toEqual({ code, got: want });
  });

  it('stays quiet on other files and on existence checks', () => {
    const cases = [
      "import RNFS from 'react-native-fs';\n" +
        'export async function drop(name: string) {\n  await RNFS.unlink(`${RNFS.CachesDirectoryPath}/${name}.jpg`);\n}\n',
      "import RNFS from 'react-native-fs';\n" +
        'export async function has() {\n  return RNFS.exists(`${RNFS.DocumentDirectoryPath}/id_ed25519`);\n}\n',
      "import * as FileSystem from 'expo-file-system';\n" +
        "export async function drop(uri: string) {\n  await FileSystem.deleteAsync(uri + '.mp4', { idempotent: true });\n}\n",
    ];
    for (const code of cases) expect({ code, got: found(code) }).toEqual({ code, got: [] });
  });
});
