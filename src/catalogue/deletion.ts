/**
 * The end of a key's life: file deletion APIs, what names a key file, which calls produce key bytes,
 * what counts as a wipe, and the cloud settings that decide how long a deleted key can be recovered.
 * Read by `no-unsafe-key-deletion` (and `no-logged-key` for the key producers) and by the scanner.
 *
 * Facts relied on:
 * - NIST SP 800-57 Part 1 Rev. 5 §8.3.4 (key destruction) and SP 800-88 Rev. 1 §2.5: deleting a file
 *   through the file system removes the name, not the bytes; a key file must be overwritten first.
 * - CWE-226/CWE-244: memory that held a key must be cleared before it is released; JavaScript strings
 *   are immutable, so a key turned into a string can never be cleared.
 * - AWS KMS ScheduleKeyDeletion: PendingWindowInDays is 7 to 30, default 30. Secrets Manager
 *   DeleteSecret: RecoveryWindowInDays is 7 to 30, default 30; ForceDeleteWithoutRecovery skips it.
 *   Cloud KMS: destroy_scheduled_duration defaults to 30 days (minimum 24 hours).
 */
import type { CallPattern, NameLexicon, Samples } from './types.js';

const nodeCrypto = ['crypto', 'node:crypto'];
const nodeFs = ['fs', 'node:fs'];
const nodeFsPromises = ['fs/promises', 'node:fs/promises'];

/** How a deletion API reports completion, which decides the shape of the `destroyKeyFile` suggestion. */
type CallStyle = 'sync' | 'callback' | 'promise';

export interface FileDeletionApi extends CallPattern {
  readonly style: CallStyle;
  /** The argument that names the file. */
  readonly pathArg: number;
  /** Option flags come first and are optional (shelljs `rm('-rf', p)`): the path is the first non-flag argument. */
  readonly flagsFirst?: boolean;
  /** The API runs outside Node (a Tauri webview), where `destroyKeyFile` is not available: no suggestion. */
  readonly outsideNode?: boolean;
}

export const fileDeletionApis: readonly FileDeletionApi[] = [
  {
    id: 'node-fs.sync',
    title: 'fs.unlinkSync/rmSync',
    modules: nodeFs,
    callees: ['unlinkSync', 'rmSync'],
    receivers: ['fs'],
    style: 'sync',
    pathArg: 0,
    samples: {
      positive: [
        "import fs from 'node:fs'; fs.unlinkSync(p);",
        "const { rmSync } = require('fs'); rmSync(p, { force: true });",
      ],
      negative: ["import fs from 'node:fs'; fs.readFileSync(p);", 'store.unlinkSync(p);'],
    },
  },
  {
    id: 'node-fs.callback',
    title: 'fs.unlink/rm',
    modules: nodeFs,
    callees: ['unlink', 'rm'],
    receivers: ['fs'],
    style: 'callback',
    pathArg: 0,
    samples: {
      positive: ["import fs from 'fs'; fs.unlink(p, done);", "import { rm } from 'node:fs'; rm(p, cb);"],
      negative: ["import fs from 'fs'; fs.unlinkSync(p);"],
    },
  },
  {
    id: 'node-fs.promises',
    title: 'fs.promises.unlink/rm',
    modules: [...nodeFs, ...nodeFsPromises],
    callees: ['promises.unlink', 'promises.rm', 'unlink', 'rm'],
    receivers: ['fsp', 'fsPromises'],
    style: 'promise',
    pathArg: 0,
    samples: {
      positive: [
        "import fs from 'node:fs'; await fs.promises.unlink(p);",
        "import { unlink } from 'node:fs/promises'; await unlink(p);",
        "import { promises as fsp } from 'fs'; await fsp.rm(p);",
      ],
      negative: ["import { readFile } from 'node:fs/promises'; await readFile(p);"],
    },
  },
  {
    id: 'fs-extra.remove',
    title: 'fs-extra remove',
    modules: ['fs-extra'],
    // `emptyDir` deletes everything in a directory (a `keys` or `.ssh` directory) and keeps the directory.
    callees: ['remove', 'removeSync', 'emptyDir', 'emptyDirSync', 'emptydir', 'emptydirSync'],
    receivers: ['fse'],
    style: 'promise',
    pathArg: 0,
    samples: {
      positive: [
        "import fse from 'fs-extra'; await fse.remove(p);",
        "import { emptyDirSync } from 'fs-extra'; emptyDirSync(d);",
      ],
      negative: ["import fse from 'fs-extra'; await fse.copy(a, b);"],
    },
  },
  {
    id: 'rimraf',
    title: 'rimraf',
    modules: ['rimraf'],
    callees: ['default', 'rimraf', 'sync', 'rimrafSync', 'rimraf.sync', 'default.sync'],
    style: 'promise',
    pathArg: 0,
    samples: {
      positive: [
        "import { rimraf } from 'rimraf'; await rimraf(p);",
        "const { rimraf } = require('rimraf'); rimraf.sync(p);",
      ],
      negative: ["import { glob } from 'glob'; await glob(p);"],
    },
  },
  {
    id: 'deno.remove',
    title: 'Deno.remove',
    modules: [],
    callees: ['Deno.remove', 'Deno.removeSync'],
    global: true,
    style: 'promise',
    pathArg: 0,
    samples: {
      positive: ["await Deno.remove('./old.key');", 'Deno.removeSync(keyPath, { recursive: false });'],
      negative: ["await Deno.readFile('./old.key');", 'await store.remove(id);'],
    },
  },
  {
    // Tauri's file-system plugin (v2) and API module (v1): the same unlink under the app's scope.
    id: 'tauri.fs.remove',
    title: 'Tauri fs remove',
    modules: ['@tauri-apps/plugin-fs', '@tauri-apps/api/fs'],
    callees: ['remove', 'removeFile', 'removeDir'],
    style: 'promise',
    pathArg: 0,
    outsideNode: true,
    samples: {
      positive: [
        "import { remove } from '@tauri-apps/plugin-fs'; await remove(p);",
        "import { removeFile } from '@tauri-apps/api/fs'; await removeFile(p);",
      ],
      negative: ["import { readFile } from '@tauri-apps/plugin-fs'; await readFile(p);"],
    },
  },
  {
    // trash moves files to the OS trash: the key file stays whole, readable and restorable, until the trash is emptied.
    id: 'trash',
    title: 'trash',
    modules: ['trash', 'move-to-trash'],
    callees: ['default'],
    style: 'promise',
    pathArg: 0,
    samples: {
      positive: ["import trash from 'trash'; await trash([p]);"],
      negative: ["import trash from './trash'; await trash([p]);"],
    },
  },
  {
    id: 'shelljs.rm',
    title: 'shelljs rm',
    modules: ['shelljs'],
    callees: ['rm'],
    receivers: ['shell', 'sh', 'shelljs'],
    style: 'sync',
    pathArg: 0,
    flagsFirst: true,
    samples: {
      positive: ["import shell from 'shelljs'; shell.rm('-f', p);", "const { rm } = require('shelljs'); rm(p);"],
      negative: ["import shell from 'shelljs'; shell.cp(a, b);"],
    },
  },
  {
    id: 'del',
    title: 'del',
    modules: ['del'],
    callees: ['deleteAsync', 'deleteSync', 'default'],
    style: 'promise',
    pathArg: 0,
    samples: {
      positive: ["import { deleteAsync } from 'del'; await deleteAsync([p]);"],
      negative: ["import { deleteAsync } from './del'; await deleteAsync([p]);"],
    },
  },
  {
    // Mobile file systems (Expo, react-native-fs and its forks, rn-fetch-blob): an unlink in the app's sandbox, with
    // the same effect on flash storage; `destroyKeyFile` does not run there.
    id: 'mobile-fs.delete',
    title: 'mobile file system delete',
    modules: [
      'expo-file-system',
      'expo-file-system/legacy',
      'react-native-fs',
      '@dr.pogodin/react-native-fs',
      'rn-fetch-blob',
      'react-native-blob-util',
    ],
    callees: ['deleteAsync', 'unlink', 'fs.unlink', 'default.fs.unlink'],
    style: 'promise',
    pathArg: 0,
    outsideNode: true,
    samples: {
      positive: [
        "import * as FileSystem from 'expo-file-system'; await FileSystem.deleteAsync(uri);",
        "import RNFS from 'react-native-fs'; await RNFS.unlink(p);",
        "import RNFetchBlob from 'rn-fetch-blob'; await RNFetchBlob.fs.unlink(p);",
      ],
      negative: ["import RNFS from 'react-native-fs'; await RNFS.exists(p);", 'await fsx.unlink(p);'],
    },
  },
];

/** Which deletion calls return a promise, per callee name (the others of a promise-style entry are sync). */
export const syncCalleeNames: ReadonlySet<string> = new Set([
  'unlinkSync',
  'rmSync',
  'removeSync',
  'emptyDirSync',
  'emptydirSync',
  'sync',
  'rimrafSync',
  'deleteSync',
]);

/** The suffix of a retired or backup copy of a key file (`.old`, `.bak`, `.previous`, `.retired`), optional. */
const RETIRED_COPY = String.raw`(?:\.(?:old|bak|orig|prev|previous|backup|retired))?`;

/**
 * A path that names key material: a key/keystore extension, an SSH private key, or a `secret` segment.
 * `.pub` halves, certificates (`.crt`, `.cer`) and ARNs are not key files.
 */
export const keyFilePath: { readonly pattern: RegExp; readonly exclude: RegExp; readonly samples: Samples } = {
  pattern: new RegExp(
    // A backup or retired copy (`server.key.old`, `id_ed25519.bak`, `tenant.key.previous`, `signing.pem.backup`)
    // holds the same key; Kerberos keytabs (`.keytab`), PKCS#8 files (`.p8`) and data keys (`.dek`) are keys too.
    // OpenSSH names a key file for its type (`partner_ed25519`, `deploy-rsa`).
    String.raw`(?:\.(?:pem|key|p12|pfx|jks|keystore|kdb|ppk|asc|gpg|keytab|p8|dek)${RETIRED_COPY}$|` +
      String.raw`(?:^|[\\/])[\w.-]*[_-](?:rsa|dsa|ecdsa|ed25519)${RETIRED_COPY}$|` +
      String.raw`(?:^|[\\/])id_(?:rsa|dsa|ecdsa|ed25519)(?:$` +
      String.raw`|[._-](?!pub$))|(?:^|[\\/._-])(?:keystore|secrets?|private[_-]?key|\.ssh)(?:$|[\\/._-])|` +
      String.raw`(?:^|[\\/])keys(?:$|[\\/]))`,
    'i',
  ),
  // Public halves (`id_rsa.pub`, `signing.pub.pem`, `public.pem`) and the SSH files that hold no private key.
  // A detached signature is named for the file it signs (GnuPG's `--armor --detach-sign python.tar.xz` writes
  // `python.tar.xz.asc`; `SHASUMS256.txt.asc`, `app.zip.sig`): public data downloaded to verify a release.
  exclude: new RegExp(
    String.raw`\.(?:tar|tgz|gz|xz|bz2|zst|zip|7z|deb|rpm|apk|dmg|exe|msi|iso|jar|whl|txt|sha256|sha512)` +
      String.raw`\.(?:asc|sig)$|\.(?:sums?|appimage)\.(?:asc|sig)$|` +
      String.raw`^arn:|\.pub$|[._-]pub(?:lic)?\.(?:pem|der|key)$|` +
      String.raw`(?:^|[\\/])(?:public|pub)(?:[_-]?key|\.(?:pem|der)$)|` +
      String.raw`(?:^|[\\/])(?:known_hosts|authorized_keys)(?:[._-][^\\/]*)?$|[\\/]\.ssh[\\/]config$`,
    'i',
  ),
  samples: {
    positive: [
      'server.key',
      '/etc/ssl/private/site.pem',
      'certs/client.p12',
      'store.pfx',
      'release.jks',
      '/home/u/.ssh/id_rsa',
      'id_ed25519',
      'secrets/db.json',
      '/run/secrets/api',
      'tmp/private-key.der',
      'app.keystore',
      '/var/lib/app/keys',
      'data/keys/tenant-7',
      '/tmp/kt-1/service.keytab',
      'keys/partner_ed25519.old',
      'scratch/batch-4.dek',
      'server.key.bak',
      'out/tenant-4.key.previous',
      'keys/deploy_rsa.retired',
      'signing.pem.backup',
      'release-signing.asc',
      'deploy.key.asc',
      'secring.gpg',
    ],
    negative: [
      'python.tar.xz.asc',
      'node-v20.11.0-linux-x64.tar.gz.asc',
      'SHASUMS256.txt.asc',
      'dist/app-1.2.zip.sig',
      'uploads/avatar.png',
      'dist/bundle.js',
      'sessions/abc.json',
      'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod',
      'id_rsa.pub',
      'keys.md',
      'public-key.pem',
      'signing-v3.pub.pem',
      'keys/public.pem',
      '/home/u/.ssh/known_hosts.old',
      '/home/u/.ssh/authorized_keys',
      'monkey.txt',
      'cert.crt',
      'partner_ed25519.pub',
      'docs/rsa.md',
      'src/crypto/rsa',
      'notes.previous',
      'site.crt.backup',
    ],
  },
};

/**
 * Files that hold a credential or a seed phrase rather than a key (`~/.config/cli/token`, `~/.aws/credentials`,
 * `recovery-phrase.txt`): removing one with unlink leaves the secret on disk just as a key file does. Only the
 * deletion check reads this; a write there is not a key store (no-logged-key still reports a phrase written out).
 */
export const secretFilePath: { readonly pattern: RegExp; readonly samples: Samples } = {
  pattern: new RegExp(
    String.raw`(?:^|[\\/])(?:[\w-]*[._-])?(?:token|access[_-]?token|refresh[_-]?token|auth[_-]?token|credentials|` +
      String.raw`recovery[_-]?phrase|seed[_-]?phrase|mnemonic)(?:\.(?:enc|json|txt|key|dat|bin))?$`,
    'i',
  ),
  samples: {
    positive: [
      '/home/u/.config/acme/token',
      '/home/u/.aws/credentials',
      'wallet/recovery-phrase.txt',
      'cli/auth-token.json',
    ],
    negative: ['design-tokens.json', 'src/tokenizer.js', 'token-list.json', 'credentials-form.tsx', 'tokens/index.ts'],
  },
};

/**
 * Runner labels of GitHub-hosted runners (`runs-on: ubuntu-latest`, `macos-15`, `windows-2022`, `ubuntu-24.04-arm`,
 * `macos-14-xlarge`): GitHub runs each job of these on a fresh virtual machine and discards it, disk included, when
 * the job ends, so a key file `rm`-ed in such a job leaves nothing behind. A `self-hosted` runner, a larger runner
 * under an organisation's own name, or a runner group keeps its disk and stays reported. Gitea and Forgejo runners
 * are always the user's own machines.
 */
export const hostedRunnerLabel: { readonly pattern: RegExp; readonly samples: Samples } = {
  pattern: new RegExp(
    String.raw`^(?:(?:ubuntu|macos|windows)-(?:latest|\d{1,4}(?:\.\d{1,2})?)(?:-(?:arm|arm64|intel|large|xlarge))?|` +
      String.raw`ubuntu-slim)$`,
  ),
  samples: {
    positive: ['ubuntu-latest', 'ubuntu-24.04', 'ubuntu-22.04-arm', 'macos-15', 'macos-14-xlarge', 'windows-2022'],
    negative: ['self-hosted', 'linux', 'my-ubuntu-latest', 'ubuntu-latest-16core', 'macos', 'airgap-signer'],
  },
};

/** A binding that holds the path of a key file: `keyPath`, `privateKeyFile`, `PEM_PATH`, `keystoreFile`. */
export const keyFileName: NameLexicon = {
  id: 'key-file-name',
  title: 'A name that holds the path of a key file',
  pattern: new RegExp(
    String.raw`^(?:(?!.*(?:^|_)(?:public|pub|cache|sort|cert|certificate|lock|idempotency|partition|` +
      String.raw`primary)_key_)(?:.*_)?)(?:key|private_key|priv_key|signing_key|tls_key|ssl_key|server_key|` +
      String.raw`client_key|pem|p12|pfx|keystore|jks|keyfile|secret|secrets|id_rsa|id_ed25519|ssh_key)_(?:path|file` +
      String.raw`|filename|file_path|file_name|location)$|^(?:.*_)?(?:keyfile|keypath|pemfile|pempath)$`,
  ),
  samples: {
    positive: [
      'key_path',
      'private_key_file',
      'pem_path',
      'keystore_file',
      'tls_key_path',
      'secret_file',
      'ssh_key_path',
      'keyfile_path',
      'keyfile',
      'signing_keyfile',
    ],
    negative: [
      'public_key_path',
      'cache_key_path',
      'upload_path',
      'cert_path',
      'key_id',
      'output_file',
      'session_file',
      'lock_file',
      'keyframe',
      'monkeypath',
    ],
  },
};

/**
 * Removal calls of key-value stores that keep their items in plaintext files (React Native AsyncStorage: SQLite
 * or JSON files; the browser's localStorage: an on-disk database; electron-store: a JSON file). Removing an item
 * that holds a private key or seed marks its record free; the bytes stay in the file or its journal until they
 * are overwritten. The OS keychains (expo-secure-store, react-native-keychain, keytar, EncryptedStorage) are
 * not listed: what they delete was never stored in plaintext. `itemArg` is the argument naming the item.
 */
export interface StoreRemoval extends CallPattern {
  readonly itemArg: number;
  /** The item is this property of the argument object (Capacitor `Preferences.remove({ key })`). */
  readonly itemProperty?: string;
  /**
   * An option of the store's constructor (its first argument's property) that makes the store encrypted: a store
   * made with it keeps no plaintext (MMKV `new MMKV({ encryptionKey })`), so its removals are not reported.
   */
  readonly encryptedBy?: string;
}

/**
 * Methods that read an item back from such a store (`AsyncStorage.getItem(k)`, `localStorage.getItem(k)`,
 * `store.get(k)`, MMKV's `getString(k)`): the name the file binds the value to says what the item holds.
 */
export const storeItemReads = /^(?:getItem|getString|get)$/;

export const plaintextStoreRemovals: readonly StoreRemoval[] = [
  {
    id: 'async-storage.remove',
    title: 'AsyncStorage.removeItem',
    modules: ['@react-native-async-storage/async-storage', '@react-native-community/async-storage', 'react-native'],
    callees: ['AsyncStorage.removeItem', 'AsyncStorage.multiRemove', 'removeItem', 'multiRemove'],
    itemArg: 0,
    samples: {
      positive: [
        "import AsyncStorage from '@react-native-async-storage/async-storage'; AsyncStorage.removeItem(k);",
        "import { AsyncStorage } from 'react-native'; AsyncStorage.multiRemove([a, b]);",
      ],
      negative: [
        "import EncryptedStorage from 'react-native-encrypted-storage'; EncryptedStorage.removeItem(k);",
        "import * as SecureStore from 'expo-secure-store'; SecureStore.deleteItemAsync(k);",
      ],
    },
  },
  // Web Storage: localStorage is an on-disk database; Firefox and Chrome also write sessionStorage to disk for
  // session restore.
  ...(
    [
      ['web-storage.remove', 'localStorage'],
      ['web-storage.session-remove', 'sessionStorage'],
    ] as const
  ).map(([id, store]): StoreRemoval => ({
    id,
    title: `${store}.removeItem`,
    modules: [],
    callees: [`${store}.removeItem`, `window.${store}.removeItem`, `globalThis.${store}.removeItem`],
    global: true,
    itemArg: 0,
    samples: {
      positive: [`${store}.removeItem('k');`, `window.${store}.removeItem(name);`],
      negative: ["sessionStore.removeItem('k');", `${store}.getItem('k');`],
    },
  })),
  {
    // Extension storage: a LevelDB database in the profile directory (`chrome.storage.session` is memory only).
    id: 'extension-storage.remove',
    title: 'chrome.storage.local.remove',
    modules: ['webextension-polyfill'],
    callees: [
      'chrome.storage.local.remove',
      'chrome.storage.sync.remove',
      'browser.storage.local.remove',
      'browser.storage.sync.remove',
      'storage.local.remove',
      'storage.sync.remove',
    ],
    global: true,
    itemArg: 0,
    samples: {
      positive: [
        "chrome.storage.local.remove('k');",
        "import browser from 'webextension-polyfill'; browser.storage.local.remove(['a', 'b']);",
      ],
      negative: ["chrome.storage.session.remove('k');", "chrome.storage.local.get('k');"],
    },
  },
  {
    // IndexedDB through its common wrappers: LevelDB (Chrome) or SQLite (Firefox) files in the profile.
    id: 'indexeddb-wrappers.remove',
    title: 'localforage removeItem / idb-keyval del',
    modules: ['localforage', 'idb-keyval'],
    callees: ['removeItem', 'default.removeItem', 'del', 'delMany'],
    receivers: ['localforage', 'localForage'],
    itemArg: 0,
    samples: {
      positive: [
        "import localforage from 'localforage'; localforage.removeItem(k);",
        "import { del } from 'idb-keyval'; del(k);",
      ],
      negative: [
        "import localforage from 'localforage'; localforage.getItem(k);",
        "import { get } from 'idb-keyval'; get(k);",
      ],
    },
  },
  {
    id: 'electron-store.delete',
    title: 'electron-store delete',
    modules: ['electron-store'],
    callees: ['new default().delete', 'new Store().delete', 'new ElectronStore().delete'],
    itemArg: 0,
    samples: {
      positive: ["import Store from 'electron-store'; const store = new Store(); store.delete('k');"],
      negative: ["import Store from 'electron-store'; const store = new Store(); store.get('k');"],
    },
  },
  {
    // conf and configstore: the JSON files CLIs keep their settings and logins in (electron-store is built on conf).
    id: 'conf.delete',
    title: 'conf / configstore delete',
    modules: ['conf', 'configstore'],
    callees: ['new default().delete', 'new Conf().delete', 'new Configstore().delete'],
    itemArg: 0,
    samples: {
      positive: [
        "import Conf from 'conf'; const config = new Conf({ projectName: 'x' }); config.delete('k');",
        "import Configstore from 'configstore'; const cs = new Configstore('x'); cs.delete('k');",
      ],
      negative: ["import Conf from 'conf'; const config = new Conf({ projectName: 'x' }); config.get('k');"],
    },
  },
  {
    // react-native-mmkv: a memory-mapped file in the app's sandbox, plaintext unless made with an `encryptionKey`.
    id: 'mmkv.delete',
    title: 'MMKV delete',
    modules: ['react-native-mmkv'],
    callees: ['new MMKV().delete', 'new MMKV().remove', 'createMMKV().delete', 'createMMKV().remove'],
    itemArg: 0,
    encryptedBy: 'encryptionKey',
    samples: {
      positive: ["import { MMKV } from 'react-native-mmkv'; const storage = new MMKV(); storage.delete('k');"],
      negative: ["import { MMKV } from 'react-native-mmkv'; const storage = new MMKV(); storage.getString('k');"],
    },
  },
  {
    // Capacitor Preferences (and its predecessor, the Storage plugin): Android SharedPreferences and iOS
    // UserDefaults, both plaintext files; the item is the `key` of the options object.
    id: 'capacitor-preferences.remove',
    title: 'Capacitor Preferences.remove',
    modules: ['@capacitor/preferences', '@capacitor/storage', '@capacitor/core'],
    callees: ['Preferences.remove', 'Storage.remove'],
    itemArg: 0,
    itemProperty: 'key',
    samples: {
      positive: ["import { Preferences } from '@capacitor/preferences'; await Preferences.remove({ key: 'k' });"],
      negative: ["import { Preferences } from '@capacitor/preferences'; await Preferences.get({ key: 'k' });"],
    },
  },
  {
    // Ionic Storage: IndexedDB, or SQLite on devices, in the app's data directory.
    id: 'ionic-storage.remove',
    title: 'Ionic Storage remove',
    modules: ['@ionic/storage', '@ionic/storage-angular'],
    callees: ['new Storage().remove'],
    itemArg: 0,
    samples: {
      positive: ["import { Storage } from '@ionic/storage'; const storage = new Storage(); storage.remove('k');"],
      negative: ["import { Storage } from '@ionic/storage'; const storage = new Storage(); storage.get('k');"],
    },
  },
];

/**
 * Calls whose result is key bytes. `strength`:
 * - `key`: always key material (derived keys, exported secret keys, secrets from the keystore);
 * - `random`: random bytes, which are key material only when stored under a key name (a request id or
 *   an IV is random too, and neither needs wiping nor hiding).
 */
export interface KeyProducer extends CallPattern {
  readonly strength: 'key' | 'random';
  /**
   * What the call returns: a Buffer the caller owns and must wipe, or a handle/ArrayBuffer that is wiped
   * differently (or shared).
   */
  readonly returns: 'buffer' | 'handle';
  /** The call exports the key it is given here: a public key there (by name) makes the result public. */
  readonly exportsArg?: number;
}

export const keyProducers: readonly KeyProducer[] = [
  {
    id: 'node-crypto.randomBytes',
    title: 'crypto.randomBytes',
    modules: [...nodeCrypto, 'keyhygiene/keys'],
    callees: ['randomBytes', 'webcrypto.getRandomValues'],
    receivers: ['crypto'],
    strength: 'random',
    returns: 'buffer',
    samples: {
      positive: ["import { randomBytes } from 'node:crypto'; const key = randomBytes(32);"],
      negative: ["import { randomUUID } from 'node:crypto'; randomUUID();"],
    },
  },
  {
    id: 'node-crypto.kdf',
    title: 'a key derivation (scryptSync/pbkdf2Sync/hkdfSync)',
    modules: nodeCrypto,
    callees: ['scryptSync', 'pbkdf2Sync', 'hkdfSync'],
    receivers: ['crypto'],
    strength: 'key',
    returns: 'buffer',
    samples: {
      positive: [
        "import crypto from 'node:crypto'; const k = crypto.scryptSync(pw, salt, 32);",
        "const { hkdfSync } = require('crypto'); hkdfSync('sha256', ikm, salt, info, 32);",
      ],
      negative: ["import crypto from 'node:crypto'; crypto.createHash('sha256');"],
    },
  },
  {
    id: 'node-crypto.secret-export',
    title: 'a secret KeyObject export',
    modules: nodeCrypto,
    callees: [
      'generateKeySync().export',
      'createSecretKey().export',
      'createPrivateKey().export',
      'generateKeyPairSync().privateKey.export',
    ],
    receivers: ['crypto'],
    strength: 'key',
    returns: 'buffer',
    samples: {
      positive: [
        "import { generateKeySync } from 'node:crypto'; const raw = generateKeySync('aes', { length: 256 }).export();",
      ],
      negative: ["import { createPublicKey } from 'node:crypto'; createPublicKey(pem).export();"],
    },
  },
  {
    id: 'keyhygiene.loadSecret',
    title: 'keyhygiene loadSecret',
    modules: ['keyhygiene/keys'],
    callees: ['loadSecret'],
    strength: 'key',
    returns: 'handle',
    samples: {
      positive: ["import { loadSecret } from 'keyhygiene/keys'; await loadSecret('jwt-secret');"],
      negative: ["import { loadSecret } from './config'; loadSecret('x');"],
    },
  },
  {
    id: 'webcrypto.exportKey',
    title: 'crypto.subtle.exportKey',
    modules: nodeCrypto,
    callees: ['subtle.exportKey', 'webcrypto.subtle.exportKey'],
    global: true,
    strength: 'key',
    returns: 'handle',
    samples: {
      positive: ["await crypto.subtle.exportKey('raw', key);"],
      negative: ["await crypto.subtle.digest('SHA-256', data);"],
    },
    exportsArg: 1,
  },
  {
    id: 'jose.export',
    title: 'a jose key export',
    modules: ['jose'],
    callees: ['exportJWK', 'exportPKCS8'],
    strength: 'key',
    returns: 'handle',
    exportsArg: 0,
    samples: {
      positive: ["import { exportJWK } from 'jose'; const jwk = await exportJWK(privateKey);"],
      negative: ["import { exportSPKI } from 'jose'; await exportSPKI(publicKey);"],
    },
  },
];

/**
 * Calls whose result is secret key bytes by what the call does, whatever name the result is stored under:
 * private scalars drawn by an elliptic-curve library, Diffie-Hellman shared secrets, libsodium/tweetnacl key
 * generation and precomputed box keys, and @noble/hashes KDF outputs. A field or binding that receives one
 * (`this.dhPrivate = x25519.utils.randomPrivateKey()`, `this.shared = nacl.box.before(pk, sk)`) holds a key,
 * so releasing it without a wipe drops key bytes (Signal's Double Ratchet spec §3.5 and libsodium's
 * `sodium_memzero` guidance: erase DH private keys and shared secrets once they are no longer needed).
 * Read by no-unsafe-key-deletion only (the key-source lookup), after `keyProducers`. Each says `returns: 'handle'`
 * so that the strict all-exits check of buffers a function owns stays as it was: these results are often handed on
 * through a view (`new SecretBytes(Buffer.from(out.buffer, …))`) that it does not follow.
 */
export const heldKeyProducers: readonly KeyProducer[] = [
  {
    id: 'noble-curves.secret',
    title: 'an elliptic-curve private key or shared secret (@noble/curves)',
    modules: ['@noble/curves', '@noble/curves/*', '@noble/secp256k1', '@noble/ed25519'],
    callees: [
      '*.utils.randomPrivateKey',
      '*.utils.randomSecretKey',
      'utils.randomPrivateKey',
      'utils.randomSecretKey',
      '*.getSharedSecret',
      'getSharedSecret',
      '*.keygen().secretKey',
    ],
    strength: 'key',
    returns: 'handle',
    samples: {
      positive: [
        "import { x25519 } from '@noble/curves/ed25519'; const sk = x25519.utils.randomPrivateKey();",
        "import * as secp from '@noble/secp256k1'; const s = secp.getSharedSecret(priv, pub);",
        "import { p256 } from '@noble/curves/nist.js'; p256.getSharedSecret(a, b);",
      ],
      negative: [
        "import { x25519 } from '@noble/curves/ed25519'; x25519.getPublicKey(sk);",
        "import { ed25519 } from '@noble/curves/ed25519'; ed25519.sign(msg, sk);",
      ],
    },
  },
  {
    id: 'tweetnacl.shared',
    title: 'a precomputed tweetnacl box key (box.before/scalarMult)',
    modules: ['tweetnacl'],
    callees: ['box.before', 'scalarMult', 'default.box.before', 'default.scalarMult'],
    receivers: ['nacl'],
    strength: 'key',
    returns: 'handle',
    samples: {
      positive: [
        "import nacl from 'tweetnacl'; const shared = nacl.box.before(theirPk, mySk);",
        "import nacl from 'tweetnacl'; nacl.scalarMult(sk, pk);",
      ],
      negative: [
        "import nacl from 'tweetnacl'; nacl.box.after(m, n, k);",
        "import nacl from 'tweetnacl'; nacl.hash(m);",
      ],
    },
  },
  {
    id: 'libsodium.secret',
    title: 'a libsodium secret key (keygen, beforenm, scalarmult, kdf)',
    modules: ['libsodium-wrappers', 'libsodium-wrappers-sumo', 'sodium-plus'],
    callees: [
      'crypto_secretbox_keygen',
      'crypto_aead_xchacha20poly1305_ietf_keygen',
      'crypto_aead_chacha20poly1305_ietf_keygen',
      'crypto_secretstream_xchacha20poly1305_keygen',
      'crypto_auth_keygen',
      'crypto_kdf_keygen',
      'crypto_kdf_derive_from_key',
      'crypto_box_beforenm',
      'crypto_scalarmult',
      'crypto_generichash_keygen',
      'default.crypto_secretbox_keygen',
      'default.crypto_box_beforenm',
      'default.crypto_kdf_derive_from_key',
    ],
    receivers: ['sodium'],
    strength: 'key',
    returns: 'handle',
    samples: {
      positive: [
        "import sodium from 'libsodium-wrappers'; const k = sodium.crypto_secretbox_keygen();",
        "import sodium from 'libsodium-wrappers'; sodium.crypto_box_beforenm(pk, sk);",
      ],
      negative: [
        "import sodium from 'libsodium-wrappers'; sodium.crypto_secretbox_easy(m, n, k);",
        "import sodium from 'libsodium-wrappers'; sodium.randombytes_buf(24);",
      ],
    },
  },
  {
    id: 'node-crypto.agreement',
    title: 'a Diffie-Hellman shared secret (crypto.diffieHellman/computeSecret)',
    modules: nodeCrypto,
    callees: ['diffieHellman', 'createECDH().computeSecret', 'createDiffieHellman().computeSecret'],
    receivers: ['crypto'],
    strength: 'key',
    returns: 'handle',
    samples: {
      positive: [
        "import crypto from 'node:crypto'; const s = crypto.diffieHellman({ privateKey, publicKey });",
        "import { createECDH } from 'node:crypto'; createECDH('prime256v1').computeSecret(peer);",
      ],
      negative: ["import { createECDH } from 'node:crypto'; createECDH('prime256v1').getPublicKey();"],
    },
  },
  {
    id: 'age.identity',
    title: 'an age identity (its X25519 secret key)',
    modules: ['age-encryption'],
    callees: ['generateIdentity', 'generateX25519Identity', 'generateHybridIdentity'],
    strength: 'key',
    returns: 'handle',
    samples: {
      positive: ["import { generateIdentity } from 'age-encryption'; const id = await generateIdentity();"],
      negative: ["import { identityToRecipient } from 'age-encryption'; await identityToRecipient(id);"],
    },
  },
  {
    id: 'noble-hashes.kdf',
    title: 'a key derivation (@noble/hashes hkdf/pbkdf2/scrypt/argon2)',
    modules: ['@noble/hashes', '@noble/hashes/*'],
    callees: ['hkdf', 'pbkdf2', 'pbkdf2Async', 'scrypt', 'scryptAsync', 'argon2id', 'argon2idAsync', 'expand'],
    strength: 'key',
    returns: 'handle',
    samples: {
      positive: [
        "import { hkdf } from '@noble/hashes/hkdf'; const ck = hkdf(sha256, ikm, salt, 'chain', 32);",
        "import { scrypt } from '@noble/hashes/scrypt.js'; scrypt(pw, salt, { N: 2 ** 17, r: 8, p: 1 });",
      ],
      negative: ["import { sha256 } from '@noble/hashes/sha2'; sha256(data);"],
    },
  },
];

/**
 * AWS KMS calls whose response holds a plaintext data key in `Plaintext` (GenerateDataKey, Decrypt of
 * an encrypted data key): the caller owns those bytes and must wipe them when done (the KMS developer
 * guide's envelope-encryption steps say to erase the plaintext key from memory after use).
 */
export const kmsPlaintextResponses: readonly CallPattern[] = [
  {
    id: 'aws-sdk.kms.data-key',
    title: 'KMS GenerateDataKey/Decrypt',
    modules: ['@aws-sdk/client-kms', 'aws-sdk', 'aws-sdk/clients/kms'],
    callees: [
      'new GenerateDataKeyCommand',
      'new DecryptCommand',
      'new KMS().generateDataKey',
      'new KMS().decrypt',
      'new KMSClient().generateDataKey',
      'new KMSClient().decrypt',
      'generateDataKey',
    ],
    receivers: ['kms', 'kmsClient'],
    samples: {
      positive: [
        "import { GenerateDataKeyCommand } from '@aws-sdk/client-kms'; new GenerateDataKeyCommand({ KeyId: id });",
        "const AWS = require('aws-sdk'); const kms = new AWS.KMS(); kms.generateDataKey({ KeyId: id });",
      ],
      negative: ["import { EncryptCommand } from '@aws-sdk/client-kms'; new EncryptCommand({ KeyId: id });"],
    },
  },
];

/** The response member that holds the plaintext data key. */
export const kmsPlaintextMember = 'Plaintext';

/**
 * A project's own envelope-encryption helper that hands out a plaintext data key: a function or method named
 * here (`generateDataKey()`, `kms.decryptDataKey(blob)`) reached through a binding imported from the project's
 * own module (`./kms`, `../lib/kmsClient.js`). Such wrappers call KMS GenerateDataKey/Decrypt and return the
 * response, or a record of the plaintext and the wrapped copy; the member names below hold the plaintext.
 * `generateDataKeyWithoutPlaintext` hands out no plaintext and is not matched.
 */
export const dataKeyWrapper = {
  names: new Set(['generateDataKey', 'decryptDataKey', 'unwrapDataKey']),
  plaintextMembers: new Set(['Plaintext', 'plaintext', 'plaintextKey', 'plaintextDataKey']),
} as const;

/**
 * A module path of the project itself, not a package: a relative path or a common source-root alias (`@/lib/kms`,
 * `~/kms`). A data-key helper imported from one is the project's own wrapper (`dataKeyWrapper`).
 */
export const projectModulePath = {
  id: 'project-module-path',
  title: 'A module path of the project itself: relative, or a source-root alias',
  pattern: /^(?:\.{1,2}\/|[@~]\/)/,
  samples: {
    positive: ['./kms', '../lib/kms', '@/lib/kms', '~/kms', '../../crypto/data-key'],
    negative: ['@aws-sdk/client-kms', 'kms', '~kms', '@scope/kms', '.kms', 'node:crypto'],
  },
} as const;

/**
 * Setters that store a key on their receiver, which owns (and wipes) it from then on:
 * `material.setUnencryptedDataKey(res.Plaintext, trace)`, `session.setKey(plaintext)`. Other setters (`setHeader`,
 * `setItem`, `setAAD`) store or send a copy and own nothing.
 */
export const keyOwnerSetter = {
  id: 'key-owner-setter',
  title: 'A setter that hands a key to the object that owns it from then on',
  pattern: /^set(?:[A-Z]\w*)?(?:Key|DataKey|KeyMaterial|Secret)$/,
  samples: {
    positive: ['setUnencryptedDataKey', 'setKey', 'setDataKey', 'setSigningKey', 'setKeyMaterial'],
    negative: ['setHeader', 'setItem', 'setAAD', 'setAuthTag', 'setKeys', 'setKeyId', 'settings'],
  },
} as const;

/** Methods that hand out the bytes of a key handle (`SecretBytes.expose()`), with no arguments. */
export const exposeMethods: ReadonlySet<string> = new Set(['expose', 'exposeSecret', 'unwrap']);

/**
 * What clears key bytes. `fill(0)` on the buffer; functions that zero or overwrite their argument;
 * methods that wipe the handle they are called on (`SecretBytes.wipe()`); `destroyKeyFile(path)` for files.
 */
export const wipes = {
  /** `buf.fill(0)` (any zero literal). */
  fillMethod: 'fill',
  /** Functions that clear their first argument: `sodium.memzero(k)`, `crypto.randomFillSync(k)`. */
  functions: new Set([
    'memzero',
    'sodium_memzero',
    'zeroize',
    'zeroise',
    'zeroFill',
    'secureZero',
    'wipeBuffer',
    'randomFillSync',
    'randomFill',
    'wipe',
    // @noble/hashes `clean(...arrays)` zeroes each array it is given.
    'clean',
  ]),
  /** Methods that clear their receiver: `secret.wipe()`, `handle.destroy()`. */
  methods: new Set(['wipe', 'zeroize', 'zeroise', 'destroy', 'dispose']),
  /** Functions that destroy a key file in place (overwrite, sync, unlink). */
  fileDestroyers: new Set(['destroyKeyFile', 'shred', 'secureDelete', 'wipeFile', 'overwriteFile']),
  samples: {
    // Statements run on a key buffer `key` just before it is dropped: positives count as a wipe, negatives do not.
    positive: ['key.fill(0)', 'key.fill(0x00)', 'sodium.memzero(key)', 'crypto.randomFillSync(key)', 'key.wipe()'],
    negative: ['key.fill(1)', 'key.set(other)', 'other.fill(0)', 'fs.unlinkSync(p)'],
  } satisfies Samples,
};

/**
 * Calls that make a byte view over, or a copy of, the bytes they are given: `Buffer.from(k)` copies `k`, and
 * `Buffer.from(k.buffer, k.byteOffset, k.byteLength)` is a view over `k`'s own memory (the `memoryMember`), so
 * wiping the view wipes `k`, and storing the view hands `k` on (src/rule-kit/wipes.ts `handOff`).
 */
export const byteViews = {
  makers: new Set(['Buffer.from', 'Uint8Array.from']),
  memoryMember: 'buffer',
  samples: {
    // `view` made from a KMS data key's plaintext `p` and then wiped: positives hand `p` to `view`, negatives do not.
    positive: ['Buffer.from(p)', 'Buffer.from(p.buffer, p.byteOffset, p.byteLength)', 'Uint8Array.from(p)'],
    negative: ["Buffer.from(p.toString('hex'))", "Buffer.from(p.toString('base64'), 'base64')"],
  } satisfies Samples,
};

/**
 * Type names of key handles: the key's bytes live in the platform (WebCrypto `CryptoKey`, node:crypto `KeyObject`,
 * jose `KeyLike`), so a binding of one of these types prints no key bytes when logged, and it takes no key role from
 * the sink it reaches (roles.ts). `KeyObject` is also in `keyBytesTypes`: a deletion rule still asks its holder to
 * release it deliberately, so only the handles without a byte view count as holding no bytes (non-byte-holders.ts).
 */
export const keyHandleTypes: { readonly names: ReadonlySet<string>; readonly samples: Samples } = {
  names: new Set(['CryptoKey', 'CryptoKeyPair', 'KeyObject', 'KeyLike', 'SecretKeyObject', 'PrivateKeyObject']),
  samples: { positive: ['CryptoKey', 'KeyObject', 'KeyLike'], negative: ['Buffer', 'Uint8Array', 'string'] },
};

/**
 * Type annotations that hold wipeable bytes. A parameter with a specific key name (`dek`, `dataKey`)
 * and one of these annotations (or none, in .js) is key material its holder must wipe; the same name
 * annotated `string` is not (a string cannot be wiped, and is usually an id or an encoded token).
 */
export const keyBytesTypes: { readonly names: ReadonlySet<string>; readonly samples: Samples } = {
  names: new Set(['Buffer', 'Uint8Array', 'ArrayBuffer', 'DataView', 'SecretBytes', 'KeyObject']),
  samples: { positive: ['Buffer', 'Uint8Array', 'SecretBytes'], negative: ['string', 'String', 'KeyId', 'number'] },
};

/** Encodings that turn key bytes into a string (which cannot be wiped). */
export const stringEncodings: ReadonlySet<string> = new Set([
  'hex',
  'base64',
  'base64url',
  'latin1',
  'binary',
  'utf8',
  'utf-8',
]);

/**
 * A name that holds key bytes worth wiping: `key`, `dataKey`, `dek`, `masterKeyBytes`, `sessionKey`.
 * Excludes ids, public halves and the random values that are not keys (IVs, nonces, salts, ids).
 */
export const keyMaterialName: NameLexicon = {
  id: 'key-material-name',
  title: 'A name that holds key bytes',
  pattern: new RegExp(
    String.raw`^(?:.*_)?(?:key|keys|dek|kek|secret|secret_key|master_key|data_key|session_key|enc_key|` +
      String.raw`encryption_key|signing_key|mac_key|hmac_key|aes_key|derived_key|raw_key|key_material|private_key|` +
      String.raw`shared_secret|seed|material|keying_material|ikm)` +
      String.raw`(?:_(?:bytes|buf|buffer|raw|material|hex|b64|base64|str|string|data|pem|der))?$`,
  ),
  samples: {
    positive: [
      'key',
      'data_key',
      'dek',
      'master_key_bytes',
      'session_key',
      'derived_key',
      'raw_key',
      'shared_secret',
      'key_hex',
      'material',
      'keying_material',
      'key_pem',
      'ca_key_der',
    ],
    // Public halves and non-cryptographic keys (`public_key`, `cache_key`) are excluded by `notKeyMaterialName`.
    negative: ['iv', 'nonce', 'salt', 'request_id', 'key_id', 'token_hash', 'keyboard', 'monkey', 'key_path'],
  },
};

/**
 * A name for a key pair's bytes (`keypairBytes`, `keyPair`, `signerKeypair`): the secret half is among them
 * (Solana's 64-byte form is the secret key followed by the public key; tweetnacl's pairs carry `secretKey`).
 * Read where such bytes are written to a file; public halves are excluded.
 */
export const keyPairBytesName: NameLexicon = {
  id: 'key-pair-bytes-name',
  title: "A name for a key pair's bytes",
  pattern: /^(?!.*(?:^|_)(?:public|pub)(?:_|$)).*(?:^|_)key_?pairs?(?:_(?:bytes|array|json|data|raw))?$/,
  samples: {
    positive: ['keypair_bytes', 'key_pair', 'signer_keypair', 'fee_payer_keypair_json'],
    negative: ['public_keypair', 'keypair_path', 'keypair_id', 'key_pair_type'],
  },
};

/** Names of keys that are not secret, and keys that are not cryptographic at all. */
export const notKeyMaterialName: NameLexicon = {
  id: 'not-key-material-name',
  title: 'A key name that is not key material',
  pattern: new RegExp(
    String.raw`(?:^|_)(?:public|pub|api|cache|sort|partition|idempotency|primary|foreign|lookup|map|react|route|` +
      String.raw`storage|object|redis|s3|i18n|translation|api_key_id|hash|digest)(?:_|$)`,
  ),
  samples: {
    positive: ['public_key', 'cache_key', 'sort_key', 'storage_key', 'redis_key', 'api_key'],
    negative: ['data_key', 'key', 'master_key'],
  },
};

/**
 * Keys that are ciphertext: wrapped under a KEK (`wrappedKey`, `encryptedDek`, the `CiphertextBlob` of a KMS data
 * key), sealed to a recipient. Dropping one leaves nothing that decrypts anything without the KEK.
 */
export const wrappedKeyName: NameLexicon = {
  id: 'wrapped-key-name',
  title: 'A key name that holds a wrapped (encrypted) key',
  pattern: new RegExp(
    String.raw`(?:^|_)(?:wrapped|rewrapped|encrypted|reencrypted|sealed|ciphertext|cipher_text)_(?:[a-z]+_)?` +
      String.raw`(?:key|keys|dek|deks|key_blob)$`,
  ),
  samples: {
    positive: [
      'wrapped_key',
      'wrapped_keys',
      'encrypted_dek',
      'encrypted_data_key',
      'sealed_key',
      'ciphertext_key',
      'reencrypted_master_key',
      'rewrapped_key',
    ],
    negative: ['data_key', 'dek', 'master_key', 'unwrapped_key', 'encryption_key', 'key_wrapped', 'enc_key'],
  },
};

/**
 * Names of methods that release what their object holds (`lock()`, `logout()`, `clear()`): there, a key holder
 * set to a fresh zero buffer (`this.seed = new Uint8Array(32)`) drops the old key bytes; elsewhere that is
 * usually a buffer made ready to be filled.
 */
export const releaseMethodName: NameLexicon = {
  id: 'release-method-name',
  title: 'A method that releases what its object holds',
  pattern: new RegExp(
    '^(?:lock|clear|reset|close|destroy|dispose|logout|log_out|sign_out|forget|revoke|wipe|zeroi[sz]e|teardown|' +
      'tear_down|shutdown|evict|purge|remove|delete|drop|unload|end|disconnect|release|retire|expire|invalidate)' +
      '(?:_[a-z0-9]+)*$',
  ),
  samples: {
    positive: ['lock', 'clearKeys', 'reset', 'logout', 'signOut', 'dispose', 'forgetSession', 'close', 'retireKey'],
    negative: ['unlock', 'init', 'rotate', 'load', 'setKey', 'constructor', 'encrypt', 'endpoint', 'closest'],
  },
};

/**
 * A cloud setting that decides whether a deleted key or secret can be recovered. `window` names the
 * option holding the recovery window and its unit; `forceDelete` names a boolean that skips recovery;
 * `removalPolicy` marks a resource that holds key material, so `RemovalPolicy.DESTROY` on it deletes keys.
 * `destroySkipsRecovery` marks a resource CloudFormation deletes with no recovery window: its handler for
 * `AWS::SecretsManager::Secret` force-deletes the secret (ForceDeleteWithoutRecovery; see
 * aws-cloudformation/cloudformation-coverage-roadmap#1999), so DESTROY there is the SDK's forced deletion written
 * in IaC.
 */
export interface RetentionSetting extends CallPattern {
  /** The options-object argument. */
  readonly optionsArg: number;
  readonly window?: { readonly property: string; readonly unit: 'days' | 'cdk-duration' | 'gcp-duration' };
  readonly forceDelete?: string;
  readonly removalPolicy?: boolean;
  readonly destroySkipsRecovery?: boolean;
}

export const retentionSettings: readonly RetentionSetting[] = [
  {
    id: 'aws-sdk.ScheduleKeyDeletion',
    title: 'KMS ScheduleKeyDeletion',
    modules: ['@aws-sdk/client-kms', 'aws-sdk', 'aws-sdk/clients/kms'],
    callees: [
      'new ScheduleKeyDeletionCommand',
      'new KMS().scheduleKeyDeletion',
      'new KMSClient().scheduleKeyDeletion',
      'scheduleKeyDeletion',
    ],
    receivers: ['kms', 'kmsClient'],
    optionsArg: 0,
    window: { property: 'PendingWindowInDays', unit: 'days' },
    samples: {
      positive: [
        "import { ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms'; new ScheduleKeyDeletionCommand({ KeyId: " +
          'id, PendingWindowInDays: 7 });',
        'kms.scheduleKeyDeletion({ KeyId: id, PendingWindowInDays: 7 });',
      ],
      negative: [
        "import { CancelKeyDeletionCommand } from '@aws-sdk/client-kms'; new CancelKeyDeletionCommand({ KeyId: id });",
        "import { DisableKeyCommand } from '@aws-sdk/client-kms'; new DisableKeyCommand({ KeyId: id });",
      ],
    },
  },
  {
    id: 'aws-sdk.DeleteSecret',
    title: 'Secrets Manager DeleteSecret',
    modules: ['@aws-sdk/client-secrets-manager', 'aws-sdk', 'aws-sdk/clients/secretsmanager'],
    callees: [
      'new DeleteSecretCommand',
      'new SecretsManager().deleteSecret',
      'new SecretsManagerClient().deleteSecret',
      'deleteSecret',
    ],
    receivers: ['secretsManager', 'secretsmanager', 'sm'],
    optionsArg: 0,
    window: { property: 'RecoveryWindowInDays', unit: 'days' },
    forceDelete: 'ForceDeleteWithoutRecovery',
    samples: {
      positive: [
        "import { DeleteSecretCommand } from '@aws-sdk/client-secrets-manager'; new DeleteSecretCommand({ " +
          'SecretId: id, ForceDeleteWithoutRecovery: true });',
      ],
      negative: [
        "import { RestoreSecretCommand } from '@aws-sdk/client-secrets-manager'; new RestoreSecretCommand({ " +
          'SecretId: id });',
      ],
    },
  },
  {
    id: 'cdk.kms.Key',
    title: 'CDK kms.Key',
    modules: ['aws-cdk-lib/aws-kms', '@aws-cdk/aws-kms', 'aws-cdk-lib'],
    callees: ['new Key', 'new aws_kms.Key'],
    receivers: ['kms'],
    optionsArg: 2,
    window: { property: 'pendingWindow', unit: 'cdk-duration' },
    removalPolicy: true,
    samples: {
      positive: [
        "import * as kms from 'aws-cdk-lib/aws-kms'; new kms.Key(this, 'K', { pendingWindow: Duration.days(7) });",
        "import { aws_kms as kms } from 'aws-cdk-lib'; new kms.Key(this, 'K');",
      ],
      negative: [
        "import * as s3 from 'aws-cdk-lib/aws-s3'; new s3.Bucket(this, 'B');",
        "import * as kms from 'aws-cdk-lib/aws-kms'; kms.Key.fromKeyArn(this, 'K', arn);",
      ],
    },
  },
  {
    id: 'cdk.kms.CfnKey',
    title: 'CDK kms.CfnKey',
    modules: ['aws-cdk-lib/aws-kms', '@aws-cdk/aws-kms', 'aws-cdk-lib'],
    callees: ['new CfnKey', 'new aws_kms.CfnKey'],
    receivers: ['kms'],
    optionsArg: 2,
    window: { property: 'pendingWindowInDays', unit: 'days' },
    removalPolicy: true,
    samples: {
      positive: ["import { CfnKey } from 'aws-cdk-lib/aws-kms'; new CfnKey(this, 'K', { pendingWindowInDays: 7 });"],
      negative: ["import { CfnAlias } from 'aws-cdk-lib/aws-kms'; new CfnAlias(this, 'A', {});"],
    },
  },
  {
    id: 'cdk.secretsmanager.Secret',
    title: 'CDK secretsmanager.Secret',
    modules: ['aws-cdk-lib/aws-secretsmanager', '@aws-cdk/aws-secretsmanager', 'aws-cdk-lib'],
    callees: ['new Secret', 'new aws_secretsmanager.Secret', 'new CfnSecret', 'new aws_secretsmanager.CfnSecret'],
    receivers: ['secretsmanager', 'sm'],
    optionsArg: 2,
    removalPolicy: true,
    destroySkipsRecovery: true,
    samples: {
      positive: [
        "import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager'; new secretsmanager.Secret(this, 'S', " +
          '{ removalPolicy: RemovalPolicy.DESTROY });',
        "import { CfnSecret } from 'aws-cdk-lib/aws-secretsmanager'; new CfnSecret(this, 'S', {});",
      ],
      negative: [
        "import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager'; " +
          "secretsmanager.Secret.fromSecretNameV2(this, 'S', 'prod/api');",
        "import * as ssm from 'aws-cdk-lib/aws-ssm'; new ssm.StringParameter(this, 'P', { stringValue: v });",
      ],
    },
  },
  {
    id: 'pulumi.aws.kms.Key',
    title: 'Pulumi aws.kms.Key',
    modules: ['@pulumi/aws', '@pulumi/aws/kms'],
    callees: ['new kms.Key', 'new Key'],
    optionsArg: 1,
    window: { property: 'deletionWindowInDays', unit: 'days' },
    samples: {
      positive: ["import * as aws from '@pulumi/aws'; new aws.kms.Key('k', { deletionWindowInDays: 7 });"],
      negative: ["import * as aws from '@pulumi/aws'; new aws.s3.Bucket('b', {});"],
    },
  },
  {
    id: 'cdktf.KmsKey',
    title: 'CDKTF KmsKey',
    modules: ['@cdktf/provider-aws/lib/kms-key', '@cdktf/provider-aws'],
    callees: ['new KmsKey', 'new kmsKey.KmsKey'],
    optionsArg: 2,
    window: { property: 'deletionWindowInDays', unit: 'days' },
    samples: {
      positive: [
        "import { KmsKey } from '@cdktf/provider-aws/lib/kms-key'; new KmsKey(this, 'k', { deletionWindowInDays: 7 });",
      ],
      negative: ["import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias'; new KmsAlias(this, 'a', {});"],
    },
  },
  {
    id: 'pulumi.aws.secretsmanager.Secret',
    title: 'Pulumi aws.secretsmanager.Secret',
    modules: ['@pulumi/aws', '@pulumi/aws/secretsmanager'],
    callees: ['new secretsmanager.Secret', 'new Secret'],
    optionsArg: 1,
    // 0 deletes the secret at once, with no recovery window (the provider's documented "force" value).
    window: { property: 'recoveryWindowInDays', unit: 'days' },
    samples: {
      positive: [
        "import * as aws from '@pulumi/aws'; new aws.secretsmanager.Secret('s', { recoveryWindowInDays: 0 });",
      ],
      negative: ["import * as aws from '@pulumi/aws'; new aws.secretsmanager.SecretVersion('v', {});"],
    },
  },
  {
    id: 'cdktf.SecretsmanagerSecret',
    title: 'CDKTF SecretsmanagerSecret',
    modules: ['@cdktf/provider-aws/lib/secretsmanager-secret', '@cdktf/provider-aws'],
    callees: ['new SecretsmanagerSecret', 'new secretsmanagerSecret.SecretsmanagerSecret'],
    optionsArg: 2,
    window: { property: 'recoveryWindowInDays', unit: 'days' },
    samples: {
      positive: [
        "import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret'; new " +
          "SecretsmanagerSecret(this, 's', { recoveryWindowInDays: 0 });",
      ],
      negative: ["import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias'; new KmsAlias(this, 'a', {});"],
    },
  },
  {
    // Azure Key Vault keeps a deleted vault and its keys, secrets and certificates recoverable for the soft-delete
    // retention period (7 to 90 days, default 90): a short one lets a mistaken deletion become permanent in a week.
    id: 'pulumi.azure-native.keyvault.Vault',
    title: 'Pulumi azure-native keyvault.Vault',
    modules: ['@pulumi/azure-native', '@pulumi/azure-native/keyvault'],
    callees: ['new keyvault.Vault', 'new Vault'],
    optionsArg: 1,
    window: { property: 'properties.softDeleteRetentionInDays', unit: 'days' },
    samples: {
      positive: [
        "import * as azure from '@pulumi/azure-native'; new azure.keyvault.Vault('kv', { properties: { " +
          'softDeleteRetentionInDays: 7 } });',
      ],
      negative: ["import * as azure from '@pulumi/azure-native'; new azure.keyvault.Secret('s', { properties: {} });"],
    },
  },
  {
    id: 'pulumi.azure.keyvault.KeyVault',
    title: 'Pulumi azure keyvault.KeyVault',
    modules: ['@pulumi/azure', '@pulumi/azure/keyvault'],
    callees: ['new keyvault.KeyVault', 'new KeyVault'],
    optionsArg: 1,
    window: { property: 'softDeleteRetentionDays', unit: 'days' },
    samples: {
      positive: [
        "import * as azure from '@pulumi/azure'; new azure.keyvault.KeyVault('kv', { softDeleteRetentionDays: 7 });",
      ],
      negative: ["import * as azure from '@pulumi/azure'; new azure.keyvault.Key('k', { keyVaultId: id });"],
    },
  },
  {
    id: 'cdktf.azurerm.KeyVault',
    title: 'CDKTF azurerm KeyVault',
    modules: ['@cdktf/provider-azurerm/lib/key-vault', '@cdktf/provider-azurerm'],
    callees: ['new KeyVault', 'new keyVault.KeyVault'],
    optionsArg: 2,
    window: { property: 'softDeleteRetentionDays', unit: 'days' },
    samples: {
      positive: [
        "import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault'; new KeyVault(this, 'kv', { " +
          'softDeleteRetentionDays: 7 });',
      ],
      negative: [
        "import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key'; new KeyVaultKey(this, 'k', {});",
      ],
    },
  },
  {
    id: 'pulumi.gcp.kms.CryptoKey',
    title: 'Pulumi gcp.kms.CryptoKey',
    modules: ['@pulumi/gcp', '@pulumi/gcp/kms'],
    callees: ['new kms.CryptoKey', 'new CryptoKey'],
    optionsArg: 1,
    window: { property: 'destroyScheduledDuration', unit: 'gcp-duration' },
    samples: {
      positive: [
        "import * as gcp from '@pulumi/gcp'; new gcp.kms.CryptoKey('k', { keyRing: r.id, destroyScheduledDuration: " +
          "'86400s' });",
      ],
      negative: ["import * as gcp from '@pulumi/gcp'; new gcp.kms.KeyRing('r', {});"],
    },
  },
  {
    id: 'gcp-kms.createCryptoKey',
    title: 'Cloud KMS createCryptoKey',
    modules: ['@google-cloud/kms'],
    callees: [
      'new KeyManagementServiceClient().createCryptoKey',
      'new v1.KeyManagementServiceClient().createCryptoKey',
      'createCryptoKey',
    ],
    receivers: ['kmsClient', 'client'],
    optionsArg: 0,
    window: { property: 'cryptoKey.destroyScheduledDuration', unit: 'gcp-duration' },
    samples: {
      positive: [
        "import { KeyManagementServiceClient } from '@google-cloud/kms'; const client = new " +
          'KeyManagementServiceClient(); await client.createCryptoKey({ parent, cryptoKey: { ' +
          'destroyScheduledDuration: { seconds: 86400 } } });',
      ],
      negative: [
        "import { KeyManagementServiceClient } from '@google-cloud/kms'; const client = new " +
          'KeyManagementServiceClient(); await client.destroyCryptoKeyVersion({ name });',
      ],
    },
  },
];

/**
 * A call that destroys a key or secret at once, skipping the recovery window the service would otherwise keep:
 * GCP Secret Manager `deleteSecret` (no soft delete), Azure Key Vault `purgeDeleted*` (soft delete keeps a
 * deleted key 7 to 90 days; purge ends that), and a HashiCorp Vault transit key deleted through its HTTP path
 * (`transit/keys/<name>`: the key ring and every version go, and all data encrypted under it is lost).
 * `pathPattern`, when set, must match the first argument's text (the Vault API path), so other paths on the same
 * client stay silent.
 */
export interface ImmediateDeletion extends CallPattern {
  readonly what: string;
  readonly pathPattern?: RegExp;
}

export const immediateDeletions: readonly ImmediateDeletion[] = [
  {
    // Secret Manager has no soft delete for a secret: deleteSecret removes it and every version at once.
    id: 'gcp-secret-manager.deleteSecret',
    title: 'SecretManagerServiceClient.deleteSecret',
    what: 'a Secret Manager secret and every version of it',
    modules: ['@google-cloud/secret-manager'],
    callees: ['new SecretManagerServiceClient().deleteSecret', 'new v1.SecretManagerServiceClient().deleteSecret'],
    samples: {
      positive: [
        "import { SecretManagerServiceClient } from '@google-cloud/secret-manager'; " +
          'const c = new SecretManagerServiceClient(); await c.deleteSecret({ name });',
      ],
      negative: [
        "import { SecretManagerServiceClient } from '@google-cloud/secret-manager'; " +
          'const c = new SecretManagerServiceClient(); await c.destroySecretVersion({ name });',
      ],
    },
  },
  {
    id: 'azure.keyvault-keys.purgeDeletedKey',
    title: 'KeyClient.purgeDeletedKey',
    what: 'a deleted Key Vault key',
    modules: ['@azure/keyvault-keys'],
    // The method name is Azure's own: a typed parameter or injected client is matched by it alone.
    callees: ['new KeyClient().purgeDeletedKey', 'purgeDeletedKey'],
    global: true,
    samples: {
      positive: [
        "import { KeyClient } from '@azure/keyvault-keys'; new KeyClient(url, cred).purgeDeletedKey(name);",
        'export async function purge(client: KeyClient, name: string) { await client.purgeDeletedKey(name); }',
      ],
      negative: ["import { KeyClient } from '@azure/keyvault-keys'; new KeyClient(url, cred).beginDeleteKey(name);"],
    },
  },
  {
    id: 'azure.keyvault-secrets.purgeDeletedSecret',
    title: 'SecretClient.purgeDeletedSecret',
    what: 'a deleted Key Vault secret',
    modules: ['@azure/keyvault-secrets'],
    // The method name is Azure's own: a typed parameter or injected client is matched by it alone.
    callees: ['new SecretClient().purgeDeletedSecret', 'purgeDeletedSecret'],
    global: true,
    samples: {
      positive: [
        "import { SecretClient } from '@azure/keyvault-secrets'; new SecretClient(url, cred).purgeDeletedSecret(n);",
      ],
      negative: [
        "import { SecretClient } from '@azure/keyvault-secrets'; " +
          'new SecretClient(url, cred).beginRecoverDeletedSecret(n);',
      ],
    },
  },
  {
    id: 'azure.keyvault-certificates.purgeDeletedCertificate',
    title: 'CertificateClient.purgeDeletedCertificate',
    what: 'a deleted Key Vault certificate and its private key',
    modules: ['@azure/keyvault-certificates'],
    // The method name is Azure's own: a typed parameter or injected client is matched by it alone.
    callees: ['new CertificateClient().purgeDeletedCertificate', 'purgeDeletedCertificate'],
    global: true,
    samples: {
      positive: [
        "import { CertificateClient } from '@azure/keyvault-certificates'; " +
          'new CertificateClient(url, cred).purgeDeletedCertificate(n);',
      ],
      negative: [
        "import { CertificateClient } from '@azure/keyvault-certificates'; " +
          'new CertificateClient(url, cred).getCertificate(n);',
      ],
    },
  },
  {
    id: 'node-vault.delete.transit-key',
    title: 'Vault delete on a transit key',
    what: 'a Vault transit key and every version of it',
    modules: ['node-vault'],
    callees: ['default().delete'],
    // DELETE on `<mount>/keys/<name>` (other paths under a key, such as `/config` or `/trim`, are not deletions).
    pathPattern: /^\/?(?:v1\/)?[\w-]*transit[\w-]*\/keys\/[^/]+$/,
    samples: {
      positive: ["import vault from 'node-vault'; const v = vault({ endpoint: u }); v.delete(`transit/keys/${name}`);"],
      negative: ["import vault from 'node-vault'; const v = vault({ endpoint: u }); v.delete('secret/data/app');"],
    },
  },
];

/**
 * A storage bucket that IaC can empty when the stack goes: CDK `autoDeleteObjects: true` (with
 * `RemovalPolicy.DESTROY`), Pulumi and CDKTF `forceDestroy: true`. Harmless for build artefacts; when the bucket's
 * name says it keeps keys (`key-backups`, `KeyEscrow`, `secretsBucket`), removing the stack deletes every key
 * object in it with no recovery. `idArg` is the logical name's argument, `optionsArg` the options object.
 */
export interface KeyBucketSetting extends CallPattern {
  readonly idArg: number;
  readonly optionsArg: number;
  readonly force: string;
  /** The force setting takes effect only with `removalPolicy: RemovalPolicy.DESTROY` (CDK). */
  readonly needsDestroy?: boolean;
}

export const keyBucketSettings: readonly KeyBucketSetting[] = [
  {
    id: 'cdk.s3.Bucket',
    title: 'CDK s3.Bucket',
    modules: ['aws-cdk-lib/aws-s3', '@aws-cdk/aws-s3', 'aws-cdk-lib'],
    callees: ['new Bucket', 'new aws_s3.Bucket'],
    receivers: ['s3'],
    idArg: 1,
    optionsArg: 2,
    force: 'autoDeleteObjects',
    needsDestroy: true,
    samples: {
      positive: ["import * as s3 from 'aws-cdk-lib/aws-s3'; new s3.Bucket(this, 'KeyBackups', {});"],
      negative: ["import * as s3 from 'aws-cdk-lib/aws-s3'; s3.Bucket.fromBucketName(this, 'B', 'b');"],
    },
  },
  {
    id: 'pulumi.aws.s3.Bucket',
    title: 'Pulumi aws.s3.Bucket',
    modules: ['@pulumi/aws', '@pulumi/aws/s3'],
    callees: ['new s3.Bucket', 'new s3.BucketV2', 'new Bucket', 'new BucketV2'],
    idArg: 0,
    optionsArg: 1,
    force: 'forceDestroy',
    samples: {
      positive: ["import * as aws from '@pulumi/aws'; new aws.s3.BucketV2('key-escrow', { forceDestroy: true });"],
      negative: ["import * as aws from '@pulumi/aws'; new aws.s3.BucketPolicy('p', {});"],
    },
  },
  {
    id: 'cdktf.S3Bucket',
    title: 'CDKTF S3Bucket',
    modules: ['@cdktf/provider-aws/lib/s3-bucket', '@cdktf/provider-aws'],
    callees: ['new S3Bucket', 'new s3Bucket.S3Bucket'],
    idArg: 1,
    optionsArg: 2,
    force: 'forceDestroy',
    samples: {
      positive: [
        "import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket'; " +
          "new S3Bucket(this, 'keys', { forceDestroy: true });",
      ],
      negative: [
        "import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy'; new S3BucketPolicy(this, 'p', {});",
      ],
    },
  },
];

/**
 * The Terraform form of `keyBucketSettings`: a bucket resource whose `force` attribute set to `true` lets `terraform
 * destroy` delete it with every object in it. `names` are the attributes that carry the bucket's own name (the
 * resource's label is read too). Read by the audit's template reader.
 */
export interface TemplateKeyBucket {
  readonly type: string;
  readonly names: readonly string[];
  readonly force: string;
  readonly samples: Samples;
}

export const templateKeyBuckets: readonly TemplateKeyBucket[] = [
  {
    type: 'aws_s3_bucket',
    names: ['bucket', 'bucket_prefix'],
    force: 'force_destroy',
    samples: {
      positive: [
        'resource "aws_s3_bucket" "key_backups" {\n  bucket        = "acme-backups"\n  force_destroy = true\n}\n',
      ],
      negative: [
        'resource "aws_s3_bucket" "assets" {\n  bucket        = "acme-static-assets"\n  force_destroy = true\n}\n',
        'resource "aws_s3_bucket" "keys" {\n  bucket = "acme-keys"\n}\n',
      ],
    },
  },
  {
    type: 'google_storage_bucket',
    names: ['name'],
    force: 'force_destroy',
    samples: {
      positive: [
        'resource "google_storage_bucket" "b" {\n  name          = "acme-secrets"\n  force_destroy = true\n}\n',
      ],
      negative: ['resource "google_storage_bucket" "b" {\n  name          = "acme-logs"\n  force_destroy = true\n}\n'],
    },
  },
];

/** A bucket or store name that says it keeps keys or secrets (normalised words), not public keys. */
export const keyStoreName: NameLexicon = {
  id: 'key-store-name',
  title: 'A storage name that says it keeps keys or secrets',
  pattern: new RegExp(
    '^(?!.*(?:^|_)(?:public|pub|jwks|cert|certs|certificates?)(?:_|$))' +
      '.*(?:^|_)(?:key|keys|secret|secrets|dek|deks|kek|keks|keystore|keyring|keyrings|private_keys?|' +
      'key_material)(?:_|$)',
  ),
  samples: {
    positive: ['KeyBackups', 'key-escrow', 'tenantSecrets', 'harbor-key-material', 'keystoreBucket', 'dek_archive'],
    negative: ['DataLake', 'public-keys', 'jwks-keys', 'static-assets', 'monkey-pics', 'keyboard-layouts'],
  },
};

/**
 * The recovery window `recommended` asks for, in days. AWS KMS and Secrets Manager accept 7 to 30 (default 30),
 * Azure Key Vault soft delete 7 to 90, Cloud KMS at least 24 hours (default 30 days). A window under two weeks
 * (the 7-day floor, 10 days) can run out before a mistaken deletion is noticed; 14 days or more is a deliberate
 * choice `recommended` accepts. `strict` asks for the services' own default (`strictMinRecoveryDays`).
 */
export const defaultMinRecoveryDays = 14;
/** The recovery window `strict` asks for: the AWS and GCP default. */
export const strictMinRecoveryDays = 30;
/** AWS refuses windows under 7 days; a configured minimum below that is meaningless. */
export const awsMinimumRecoveryDays = 7;

/** Calls that load a private or secret key from bytes or text: `keyArg` is the key material. */
export interface KeyImport extends CallPattern {
  readonly keyArg: number;
}

/**
 * Key imports. A file read whose content one of them loads (`createPrivateKey(readFileSync(p))`) is a key
 * file, whatever its path is called: unlinking it later deletes a key.
 */
export const keyImports: readonly KeyImport[] = [
  {
    id: 'node-crypto.createPrivateKey',
    title: 'crypto.createPrivateKey/createSecretKey',
    modules: nodeCrypto,
    callees: ['createPrivateKey', 'createSecretKey'],
    receivers: ['crypto'],
    keyArg: 0,
    samples: {
      positive: ["import { createPrivateKey } from 'node:crypto'; createPrivateKey(pem);"],
      negative: ["import { createPublicKey } from 'node:crypto'; createPublicKey(pem);"],
    },
  },
  {
    id: 'jose.importPKCS8',
    title: 'jose importPKCS8',
    modules: ['jose'],
    callees: ['importPKCS8'],
    keyArg: 0,
    samples: {
      positive: ["import { importPKCS8 } from 'jose'; await importPKCS8(pem, 'ES256');"],
      negative: ["import { importSPKI } from 'jose'; await importSPKI(pem, 'ES256');"],
    },
  },
  {
    id: 'webcrypto.importKey',
    title: 'crypto.subtle.importKey',
    modules: nodeCrypto,
    callees: ['subtle.importKey', 'webcrypto.subtle.importKey'],
    global: true,
    keyArg: 1,
    samples: {
      positive: ["await crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['encrypt']);"],
      negative: ["await crypto.subtle.exportKey('raw', key);"],
    },
  },
];

/** File reads whose first argument is the path read. */
export const fileReads: CallPattern = {
  id: 'node-fs.read',
  title: 'fs.readFile',
  modules: [...nodeFs, ...nodeFsPromises, 'fs-extra'],
  callees: ['readFileSync', 'readFile', 'promises.readFile'],
  receivers: ['fs', 'fsp', 'fse'],
  samples: {
    positive: [
      "import fs from 'node:fs'; fs.readFileSync(p);",
      "import { readFile } from 'node:fs/promises'; await readFile(p);",
    ],
    negative: ["import fs from 'node:fs'; fs.writeFileSync(p, d);"],
  },
};
