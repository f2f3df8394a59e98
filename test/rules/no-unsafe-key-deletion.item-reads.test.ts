/**
 * no-unsafe-key-deletion: a store item the file reads back as a reference (issue 11, session 27, branch rfp11b).
 * `const walletId = await AsyncStorage.getItem(SELECTED_WALLET_KEY)`: the item's name ends in KEY because it is
 * the store's lookup key, and the value kept there is an id. Removing it releases no key material. The read-back
 * binding's last word (id, alias, name, path; catalogue `referenceTailName`) says so, whatever the item is called.
 * Near misses that stay reported: an item read back as key material, an item read back as both, an item never read
 * back (judged by its name, as before), an item read into a neutral name, and another item read as an id.
 */
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

const rn = "import AsyncStorage from '@react-native-async-storage/async-storage';\n";

ruleTester.run('no-unsafe-key-deletion (store items read back as references)', rule, {
  valid: [
    {
      code:
        rn +
        "const SELECTED_WALLET_KEY = 'selected_wallet_key';\n" +
        'export async function pick(ids: string[]): Promise<string | undefined> {\n' +
        '  const walletId = await AsyncStorage.getItem(SELECTED_WALLET_KEY);\n' +
        '  if (walletId && !ids.includes(walletId)) await AsyncStorage.removeItem(SELECTED_WALLET_KEY);\n' +
        '  return walletId ?? undefined;\n}\n',
      filename: 'src/selected-wallet.ts',
    },
    {
      code:
        'export function forgetSigner(): void {\n' +
        "  let signingKeyName = localStorage.getItem('signing-key');\n" +
        "  if (signingKeyName) localStorage.removeItem('signing-key');\n" +
        '  signingKeyName = null;\n  void signingKeyName;\n}\n',
      filename: 'src/signer-name.ts',
    },
    {
      code:
        rn +
        "const KEY = 'vault_private_key';\nexport async function reset(): Promise<void> {\n" +
        '  let keyPath: string | null;\n  keyPath = await AsyncStorage.getItem(KEY);\n' +
        '  console.info(keyPath);\n  await AsyncStorage.removeItem(KEY);\n}\n',
      filename: 'src/key-path.ts',
    },
  ],
  invalid: [
    {
      code:
        rn +
        "const WALLET_KEY = 'wallet_private_key';\n" +
        'export async function logout(): Promise<void> {\n' +
        '  const privateKey = await AsyncStorage.getItem(WALLET_KEY);\n' +
        '  console.info(Boolean(privateKey));\n' +
        '  await AsyncStorage.removeItem(WALLET_KEY);\n}\n',
      filename: 'src/logout.ts',
      errors: [{ messageId: 'keyItemRemoved', line: 6, column: 9, endLine: 6, endColumn: 44, suggestions: [] }],
    },
    {
      // read back once as an id and once as the key: the key read wins
      code:
        rn +
        "const WALLET_KEY = 'wallet_private_key';\n" +
        'export async function logout(): Promise<void> {\n' +
        '  const walletId = await AsyncStorage.getItem(WALLET_KEY);\n' +
        '  const secretKey = await AsyncStorage.getItem(WALLET_KEY);\n' +
        '  console.info(walletId, Boolean(secretKey));\n' +
        '  await AsyncStorage.removeItem(WALLET_KEY);\n}\n',
      filename: 'src/logout-both.ts',
      errors: [{ messageId: 'keyItemRemoved', line: 7, column: 9, endLine: 7, endColumn: 44, suggestions: [] }],
    },
    {
      // never read back; read into a neutral name; another item read as an id
      code:
        rn +
        'export async function logout(): Promise<void> {\n' +
        "  await AsyncStorage.removeItem('wallet_seed');\n" +
        "  const value = await AsyncStorage.getItem('signing_private_key');\n" +
        "  await AsyncStorage.removeItem('signing_private_key');\n" +
        "  const walletId = await AsyncStorage.getItem('wallet_id');\n" +
        "  await AsyncStorage.removeItem('mnemonic');\n" +
        '  console.info(value, walletId);\n}\n',
      filename: 'src/logout-many.ts',
      errors: [
        { messageId: 'keyItemRemoved', line: 3, column: 9, endLine: 3, endColumn: 47, suggestions: [] },
        { messageId: 'keyItemRemoved', line: 5, column: 9, endLine: 5, endColumn: 55, suggestions: [] },
        { messageId: 'keyItemRemoved', line: 7, column: 9, endLine: 7, endColumn: 44, suggestions: [] },
      ],
    },
  ],
});
