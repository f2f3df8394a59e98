/**
 * no-weak-key-size: archives' and documents' legacy encryption (session 28, rec12b, class M12). Archive tools name
 * the 1989 PKWARE scheme `zip20` (archiver-zip-encrypted), `ZipCrypto` (7-Zip) or `zipcrypt` (libarchive); it is a
 * weak cipher in the catalogue (`weakCiphers` id `zipcrypto`), so an encryption-method option of any call given a
 * password reports it, with the archive's AES-256 method as the fix. A PDF encrypted with a 40-bit key (qpdf
 * wrappers' `keyLength: 40`, RC4-40) is a symmetric key under 128 bits: read in a call named for encrypting that
 * is handed a password or key. Near misses: the AES methods, 128/256-bit lengths, crypto-js's `keySize` in 32-bit
 * words, a key length in a call that encrypts nothing, and prose that names the scheme.
 */
import rule from '../../rules/no-weak-key-size.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-weak-key-size (archive and document encryption)', rule, {
  valid: [
    // valid: the AES methods and strong PDF key lengths
    {
      code: [
        "import archiver from 'archiver';",
        "import { encrypt } from 'node-qpdf2';",
        'export function zipIt(password: string) {',
        "  return archiver.create('zip-encrypted', { zlib: { level: 9 }, encryptionMethod: 'aes256', password });",
        '}',
        'export async function pdf(input: string, password: string) {',
        '  await encrypt({ input, password, keyLength: 256 });',
        "  await encrypt({ input, password: { user: password, owner: 'x' }, keyLength: 128 });",
        '}',
      ].join('\n'),
      filename: 'src/export/archive.ts',
    },
    // valid: crypto-js counts keySize in words; a length in a call that encrypts nothing; prose about the scheme
    {
      code: [
        "import CryptoJS from 'crypto-js';",
        'export const a = (m: string, k: CryptoJS.lib.WordArray) => CryptoJS.AES.encrypt(m, k, { keySize: 4 });',
        "export const b = (id: string) => shorten({ id, keyLength: 40, secret: 'n/a' });",
        "export const help = { label: 'ZipCrypto (legacy)', description: 'zip20 opens in Explorer' };",
        'declare function shorten(o: object): string;',
      ].join('\n'),
      filename: 'src/misc.ts',
    },
  ],
  invalid: [
    // archiver-zip-encrypted's legacy method, and the same choice under libarchive's and 7-Zip's names
    {
      code: [
        "import archiver from 'archiver';",
        'export function explorerZip(password: string) {',
        "  return archiver.create('zip-encrypted', { encryptionMethod: 'zip20', password });",
        '}',
        'export function packLegacy(writer: { setOptions(o: object): void }, passphrase: string) {',
        "  writer.setOptions({ encryption: 'zipcrypt', passphrase });",
        "  writer.setOptions({ encryptionType: 'ZipCrypto', passphrase });",
        '}',
      ].join('\n'),
      filename: 'src/export/zip.ts',
      errors: [
        {
          messageId: 'weakCipher',
          line: 3,
          column: 63,
          endLine: 3,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'useSafer',
              output: [
                "import archiver from 'archiver';",
                'export function explorerZip(password: string) {',
                "  return archiver.create('zip-encrypted', { encryptionMethod: 'aes256', password });",
                '}',
                'export function packLegacy(writer: { setOptions(o: object): void }, passphrase: string) {',
                "  writer.setOptions({ encryption: 'zipcrypt', passphrase });",
                "  writer.setOptions({ encryptionType: 'ZipCrypto', passphrase });",
                '}',
              ].join('\n'),
            },
          ],
        },
        {
          messageId: 'weakCipher',
          line: 6,
          column: 35,
          endLine: 6,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'useSafer',
              output: [
                "import archiver from 'archiver';",
                'export function explorerZip(password: string) {',
                "  return archiver.create('zip-encrypted', { encryptionMethod: 'zip20', password });",
                '}',
                'export function packLegacy(writer: { setOptions(o: object): void }, passphrase: string) {',
                "  writer.setOptions({ encryption: 'aes256', passphrase });",
                "  writer.setOptions({ encryptionType: 'ZipCrypto', passphrase });",
                '}',
              ].join('\n'),
            },
          ],
        },
        {
          messageId: 'weakCipher',
          line: 7,
          column: 39,
          endLine: 7,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useSafer',
              output: [
                "import archiver from 'archiver';",
                'export function explorerZip(password: string) {',
                "  return archiver.create('zip-encrypted', { encryptionMethod: 'zip20', password });",
                '}',
                'export function packLegacy(writer: { setOptions(o: object): void }, passphrase: string) {',
                "  writer.setOptions({ encryption: 'zipcrypt', passphrase });",
                "  writer.setOptions({ encryptionType: 'AES256', passphrase });",
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    // a 40-bit PDF key (RC4-40) through both qpdf wrappers' call shapes
    {
      code: [
        "import { encrypt } from 'node-qpdf2';",
        "import qpdf from 'node-qpdf';",
        'export async function county(input: string, password: string) {',
        "  await encrypt({ input, password: { user: password, owner: 'o' }, keyLength: 40 });",
        "  qpdf.encrypt(input, { keyLength: 40, password }, 'out.pdf');",
        '}',
      ].join('\n'),
      filename: 'src/export/pdf.ts',
      errors: [
        {
          messageId: 'shortKey',
          line: 4,
          column: 79,
          endLine: 4,
          endColumn: 81,
          suggestions: [
            {
              messageId: 'useSafer',
              output: [
                "import { encrypt } from 'node-qpdf2';",
                "import qpdf from 'node-qpdf';",
                'export async function county(input: string, password: string) {',
                "  await encrypt({ input, password: { user: password, owner: 'o' }, keyLength: 256 });",
                "  qpdf.encrypt(input, { keyLength: 40, password }, 'out.pdf');",
                '}',
              ].join('\n'),
            },
          ],
        },
        {
          messageId: 'shortKey',
          line: 5,
          column: 36,
          endLine: 5,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'useSafer',
              output: [
                "import { encrypt } from 'node-qpdf2';",
                "import qpdf from 'node-qpdf';",
                'export async function county(input: string, password: string) {',
                "  await encrypt({ input, password: { user: password, owner: 'o' }, keyLength: 40 });",
                "  qpdf.encrypt(input, { keyLength: 256, password }, 'out.pdf');",
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
  ],
});
