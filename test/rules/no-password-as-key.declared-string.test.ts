/**
 * no-password-as-key: a crypto-js cipher key the SOURCE declares to be text (session 28, rec12b, class M6/M7 part).
 * crypto-js treats any string key as a passphrase (EVP_BytesToKey: one MD5 round, so one guess costs nothing).
 * With type information the rule already asked the checker; without it (the audit's parse-only lint, plain ESLint)
 * the annotation is read instead (src/rule-kit/declared-types.ts): a parameter or binding annotated `string`, a cast
 * `as string`, a same-file function declared to return `string` or (awaited) `Promise<string>`, a template with
 * expressions, `String(x)`, `x.toString()`. Shapes from real helpers: an exported `encrypt(text: string, secret:
 * string)`, an arrow `(data: string, secretKey: string) =>`, a decrypt twin, a device-id getter, a short share code.
 * Near misses: a WordArray (parsed hex), a parameter typed as a union with a non-string, an un-awaited promise.
 */
import rule from '../../rules/no-password-as-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

const stringKey = { messageId: 'cryptoJsPassphrase' as const };

ruleTester.run('no-password-as-key (crypto-js keys declared as text)', rule, {
  valid: [
    // valid: key bytes parsed from hex are a WordArray, crypto-js uses them as the key
    {
      code: [
        "import CryptoJS from 'crypto-js';",
        'export function seal(text: string, keyHex: string, ivHex: string) {',
        '  const key = CryptoJS.enc.Hex.parse(keyHex);',
        '  const iv = CryptoJS.enc.Hex.parse(ivHex);',
        '  return CryptoJS.AES.encrypt(text, key, { iv }).toString();',
        '}',
      ].join('\n'),
      filename: 'src/lib/seal.ts',
    },
    // valid: a parameter typed as a WordArray, or as a union that is not only text; a promise never awaited
    {
      code: [
        "import CryptoJS from 'crypto-js';",
        'type WordArray = CryptoJS.lib.WordArray;',
        'export const a = (t: string, k: WordArray) => CryptoJS.AES.encrypt(t, k).toString();',
        'export const b = (t: string, k: string | WordArray) => CryptoJS.AES.encrypt(t, k).toString();',
        'async function loadKey(): Promise<WordArray> { return CryptoJS.lib.WordArray.random(32); }',
        'export async function c(t: string) { return CryptoJS.AES.encrypt(t, await loadKey()).toString(); }',
      ].join('\n'),
      filename: 'src/lib/typed.ts',
    },
    // valid: plain JavaScript with no annotation and no caller in the file says nothing about the key
    {
      code: [
        "const CryptoJS = require('crypto-js');",
        'module.exports = (text, secret) => CryptoJS.AES.encrypt(JSON.stringify(text), secret).toString();',
      ].join('\n'),
      filename: 'scripts/encryption.js',
    },
  ],
  invalid: [
    // an exported helper whose secret is annotated string, and its decrypt twin
    {
      code: [
        "import CryptoJS from 'crypto-js';",
        'export default function encrypt(text: string, secret: string) {',
        '  return CryptoJS.AES.encrypt(text, secret).toString();',
        '}',
        'export function decrypt(blob: string, secret: string) {',
        '  return CryptoJS.AES.decrypt(blob, secret).toString(CryptoJS.enc.Utf8);',
        '}',
      ].join('\n'),
      filename: 'src/tfstate/encrypt.ts',
      errors: [
        { ...stringKey, line: 3, column: 37, endLine: 3, endColumn: 43 },
        { ...stringKey, line: 6, column: 37, endLine: 6, endColumn: 43 },
      ],
    },
    // an arrow with an optional key and a cast at the call
    {
      code: [
        "import CryptoJS from 'crypto-js';",
        'export const dataEncrypt = (data: object, secretKey?: string) =>',
        '  CryptoJS.AES.encrypt(JSON.stringify(data), secretKey as string).toString();',
        'export const other = (data: string, k: unknown) => CryptoJS.TripleDES.encrypt(data, k as string).toString();',
      ].join('\n'),
      filename: 'src/components/dataEncrypt.ts',
      errors: [
        { ...stringKey, line: 3, column: 46, endLine: 3, endColumn: 65 },
        { ...stringKey, line: 4, column: 85, endLine: 4, endColumn: 96 },
      ],
    },
    // a device id from a getter declared Promise<string>; a code from a helper declared string; a template
    {
      code: [
        "import CryptoJS from 'crypto-js';",
        "import { Device } from '@capacitor/device';",
        'async function deviceSecret(): Promise<string> {',
        '  return (await Device.getId()).identifier;',
        '}',
        'function shareCode(): string {',
        '  return String(Date.now() % 1000000);',
        '}',
        'export async function put(value: string) {',
        '  return CryptoJS.AES.encrypt(value, await deviceSecret()).toString();',
        '}',
        'export function share(doc: string, user: { id: string }) {',
        '  const code = shareCode();',
        '  const a = CryptoJS.AES.encrypt(doc, code).toString();',
        '  const b = CryptoJS.AES.encrypt(doc, `${user.id}:${code}`).toString();',
        '  return [a, b];',
        '}',
      ].join('\n'),
      filename: 'src/storage/prefs.ts',
      errors: [
        { ...stringKey, line: 10, column: 38, endLine: 10, endColumn: 58 },
        { ...stringKey, line: 14, column: 39, endLine: 14, endColumn: 43 },
        { ...stringKey, line: 15, column: 39, endLine: 15, endColumn: 59 },
      ],
    },
  ],
});
