/**
 * no-hardcoded-key (session 25, branch rule9del): secrets that unlock a key store, written as literals where the
 * API takes them — an HSM user PIN (pkcs11js `C_Login`; a PIN of digits counts in that slot), a Stronghold vault
 * password, openpgp's `passwords` and `passphrase`, and a Polkadot secret URI or mnemonic given to the keyring.
 * Near misses: PINs and passwords read at run time, Substrate development URIs (`//Alice`, junctions of the
 * published development phrase), key files, and other methods of the same clients. Every value is made up here.
 */
import rule from '../../rules/no-hardcoded-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

const pin = String(40_000_000 + 1_357_913);
const vaultPassword = ['quill', 'Ferro', '77', 'nettle', '4Q'].join('-');
const archivePassword = ['Arc', 'hive', '-', 'Tq5', '-', 'Ww9', 'z'].join('');
const mnemonic = 'velvet orbit saddle tunnel garlic fossil plunge drama cousin lottery matrix harbor';

const hsmCode = [
  "import pkcs11js from 'pkcs11js';",
  'const p11 = new pkcs11js.PKCS11();',
  'export function openSigning(slot: Buffer) {',
  '  const s = p11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);',
  `  p11.C_Login(s, pkcs11js.CKU_USER, '${pin}');`,
  '  return s;',
  '}',
].join('\n');
const storesCode = [
  "import { Stronghold } from '@tauri-apps/plugin-stronghold';",
  "import * as openpgp from 'openpgp';",
  `export const vault = (path: string) => Stronghold.load(path, '${vaultPassword}');`,
  'export const archive = async (text: string) =>',
  `  openpgp.encrypt({ message: await openpgp.createMessage({ text }), passwords: ['${archivePassword}'] });`,
  'export const unlock = (privateKey: openpgp.PrivateKey) =>',
  `  openpgp.decryptKey({ privateKey, passphrase: '${archivePassword}' });`,
].join('\n');
const treasuryCode = [
  "const { Keyring } = require('@polkadot/keyring');",
  'function treasury() {',
  "  return new Keyring({ type: 'sr25519' }).addFromMnemonic(",
  `    '${mnemonic}',`,
  '  );',
  '}',
  'module.exports = { treasury };',
].join('\n');

/** The environment suggestion: the literal replaced by an environment read. */
const useEnv = (code: string, literal: string, env = 'process.env.ENCRYPTION_KEY!') => ({
  messageId: 'useEnv' as const,
  output: code.replace(literal, env),
});

ruleTester.run('no-hardcoded-key (secrets that unlock key stores)', rule, {
  valid: [
    {
      // PINs and passwords from the environment or a mounted file
      code: [
        "import pkcs11js from 'pkcs11js';",
        "import { readFileSync } from 'node:fs';",
        "import { Stronghold } from '@tauri-apps/plugin-stronghold';",
        "import * as openpgp from 'openpgp';",
        'const p11 = new pkcs11js.PKCS11();',
        'export function login(s: Buffer) {',
        "  p11.C_Login(s, pkcs11js.CKU_USER, readFileSync('/run/secrets/hsm-pin', 'utf8').trim());",
        '}',
        'export const open = (path: string, pw: string) => Stronghold.load(path, pw);',
        'export const seal = (message: openpgp.Message<string>) =>',
        "  openpgp.encrypt({ message, passwords: [process.env.ARCHIVE_PASSWORD!], format: 'armored' });",
      ].join('\n'),
      filename: 'src/unlock.ts',
    },
    {
      // Substrate development accounts derive from the published development phrase
      code: [
        "import { Keyring } from '@polkadot/keyring';",
        "const keyring = new Keyring({ type: 'sr25519' });",
        "export const alice = keyring.addFromUri('//Alice');",
        "export const bobStash = keyring.addFromUri('//Bob//stash');",
        'export const signer = keyring.addFromUri(process.env.SIGNER_SURI!);',
      ].join('\n'),
      filename: 'src/accounts.ts',
    },
    {
      // other pkcs11js and openpgp calls: a slot index, a public key
      code: [
        "const pkcs11js = require('pkcs11js');",
        "const openpgp = require('openpgp');",
        'const pkcs11 = new pkcs11js.PKCS11();',
        'const slots = pkcs11.C_GetSlotList(true);',
        'async function pub(armoredKey) { return openpgp.readKey({ armoredKey }); }',
        'module.exports = { slots, pub };',
      ].join('\n'),
      filename: 'lib/hsm.js',
    },
  ],
  invalid: [
    {
      code: hsmCode,
      filename: 'src/signing-hsm.ts',
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 5,
          column: 37,
          endLine: 5,
          endColumn: 47,
          suggestions: [useEnv(hsmCode, `'${pin}'`)],
        },
      ],
    },
    {
      code: storesCode,
      filename: 'src/stores.ts',
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 3,
          column: 62,
          endLine: 3,
          endColumn: 88,
          suggestions: [useEnv(storesCode, `'${vaultPassword}'`)],
        },
        {
          messageId: 'hardcodedKey',
          line: 5,
          column: 81,
          endLine: 5,
          endColumn: 99,
          suggestions: [
            {
              messageId: 'useKeystore',
              output: storesCode
                .replace(`'${archivePassword}'`, "(await loadSecret('encryption-key')).expose().toString('base64')")
                .replace("from 'openpgp';\n", "from 'openpgp';\nimport { loadSecret } from 'keyhygiene/keys';\n"),
            },
            useEnv(storesCode, `'${archivePassword}'`),
          ],
        },
        {
          messageId: 'hardcodedKey',
          line: 7,
          column: 48,
          endLine: 7,
          endColumn: 66,
          suggestions: [
            useEnv(storesCode, `passphrase: '${archivePassword}'`, 'passphrase: process.env.ENCRYPTION_KEY!'),
          ],
        },
      ],
    },
    {
      code: treasuryCode,
      filename: 'lib/treasury.js',
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 89,
          suggestions: [useEnv(treasuryCode, `'${mnemonic}'`, 'process.env.ENCRYPTION_KEY')],
        },
      ],
    },
  ],
});
