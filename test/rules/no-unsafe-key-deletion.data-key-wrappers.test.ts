/**
 * no-unsafe-key-deletion: the plaintext data key handed out by a project's own envelope-encryption helper (issue 11,
 * session 30, del14). Projects wrap KMS GenerateDataKey/Decrypt in a module of their own (`./kms`,
 * `../lib/kmsClient.js`) and import `generateDataKey()` / `decryptDataKey(blob)` or a client object whose method has
 * that name; the wrapper returns the SDK response (`Plaintext`) or a record of the plaintext and the wrapped copy
 * (`{ plaintext, wrapped }`). The caller owns the plaintext exactly as it owns an SDK response's, and must wipe it
 * (src/rule-kit/key-exports.ts `dataKeyPlaintextMembers`, catalogue `dataKeyWrapper`). Near misses: the plaintext
 * wiped, returned, or given to a setter of its new owner (`material.setUnencryptedDataKey(res.Plaintext)`); only the
 * wrapped copy read; a same-named function from an npm package or defined locally; `generateDataKeyWithoutPlaintext`.
 */
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

const notWiped = (line: number, column: number, endColumn: number) => [
  { messageId: 'keyNotWiped' as const, line, column, endLine: line, endColumn },
];

ruleTester.run('no-unsafe-key-deletion (a project data-key helper)', rule, {
  valid: [
    {
      // wiped in a finally, and handed on to the caller
      code: [
        "import { generateDataKey } from './kms';",
        "import { createCipheriv, randomBytes } from 'node:crypto';",
        'export async function seal(data: Buffer) {',
        '  const { plaintext, wrapped } = await generateDataKey();',
        '  try {',
        "    const c = createCipheriv('aes-256-gcm', plaintext, randomBytes(12));",
        '    return { wrapped, body: Buffer.concat([c.update(data), c.final()]) };',
        '  } finally {',
        '    plaintext.fill(0);',
        '  }',
        '}',
        'export async function newKey() {',
        '  const { plaintext } = await generateDataKey();',
        '  return plaintext;',
        '}',
      ].join('\n'),
      filename: 'src/crypto/envelope.ts',
    },
    {
      // only the wrapped copy is read; and a helper that hands out no plaintext
      code: [
        "const { generateDataKey, generateDataKeyWithoutPlaintext } = require('../lib/kms');",
        'async function provision(store) {',
        '  const { wrapped } = await generateDataKey();',
        '  const res = await generateDataKeyWithoutPlaintext();',
        '  await store.put(wrapped, res.Plaintext);',
        '}',
        'module.exports = { provision };',
      ].join('\n'),
      filename: 'src/provision.js',
    },
    {
      // the same name from an npm package, and a local function of that name: not the project's KMS helper
      code: [
        "import { generateDataKey } from 'envelope-lite';",
        "import { createCipheriv, randomBytes } from 'node:crypto';",
        'export async function a() {',
        '  const { plaintext } = await generateDataKey();',
        "  return createCipheriv('aes-256-gcm', plaintext, randomBytes(12)).final();",
        '}',
        'async function decryptDataKey(blob: Buffer) { return { plaintext: blob }; }',
        'export async function b(blob: Buffer) {',
        '  const { plaintext } = await decryptDataKey(blob);',
        "  return createCipheriv('aes-256-gcm', plaintext, randomBytes(12)).final();",
        '}',
      ].join('\n'),
      filename: 'src/crypto/lite.ts',
    },
    {
      // an initialised local that shadows the imported helper client inside a function (mend30): not the project's
      // KMS helper, whatever it is initialised with
      code: [
        "import { kms } from './kms';",
        "import { createCipheriv, randomBytes } from 'node:crypto';",
        'declare function makeStub(): { generateDataKey(): Promise<{ plaintext: Buffer }> };',
        'export async function seal() {',
        '  const kms = makeStub();',
        '  const { plaintext } = await kms.generateDataKey();',
        "  return createCipheriv('aes-256-gcm', plaintext, randomBytes(12)).final();",
        '}',
        'export const client = kms;',
      ].join('\n'),
      filename: 'src/crypto/stubbed.ts',
    },
    {
      // handed to a setter of the object that owns the data key from then on (SDK response and project helper)
      code: [
        "import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';",
        "import { generateDataKey } from './helpers';",
        'const kms = new KMSClient({});',
        'export async function onEncrypt(material: { setUnencryptedDataKey(k: Uint8Array, t: object): void }) {',
        "  const res = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/app', NumberOfBytes: 32 }));",
        '  material.setUnencryptedDataKey(res.Plaintext!, {});',
        '}',
        'export async function onEncrypt2(material: { setUnencryptedDataKey(k: Uint8Array, t: object): void }) {',
        '  const dataKey = await generateDataKey(32);',
        '  material.setUnencryptedDataKey(dataKey.Plaintext, {});',
        '}',
      ].join('\n'),
      filename: 'src/keyring/kms-keyring.ts',
    },
  ],
  invalid: [
    {
      // handed to a setter that stores no key for an owner (a header, a storage item): still not wiped (mend30)
      code: [
        "import { generateDataKey } from './kms';",
        'export async function send(res: { setHeader(n: string, v: unknown): void; setItem(k: string, v: unknown): void }) {',
        '  const { plaintext } = await generateDataKey();',
        "  res.setHeader('x-data-key', plaintext);",
        "  res.setItem('dk', plaintext);",
        '}',
      ].join('\n'),
      filename: 'src/crypto/headers.ts',
      errors: notWiped(3, 11, 20),
    },
    {
      // destructured plaintext of an imported helper, used and let go
      code: [
        "import { generateDataKey } from './kms';",
        "import { createCipheriv, randomBytes } from 'node:crypto';",
        'export async function seal(data: Buffer) {',
        '  const { plaintext, wrapped } = await generateDataKey();',
        "  const c = createCipheriv('aes-256-gcm', plaintext, randomBytes(12));",
        '  return { wrapped, body: Buffer.concat([c.update(data), c.final()]) };',
        '}',
      ].join('\n'),
      filename: 'src/crypto/envelope.ts',
      errors: notWiped(4, 11, 20),
    },
    {
      // a member of the bound response, from a helper under a source-root alias
      code: [
        "import { decryptDataKey } from '@/lib/kmsClient';",
        "import { createDecipheriv } from 'node:crypto';",
        'export async function open(blob: Buffer, iv: Buffer, body: Buffer) {',
        '  const dk = await decryptDataKey(blob);',
        "  const d = createDecipheriv('aes-256-gcm', dk.plaintextKey, iv);",
        '  return d.update(body);',
        '}',
      ].join('\n'),
      filename: 'src/crypto/open.ts',
      errors: notWiped(4, 9, 11),
    },
    {
      // the SDK response shape through a project client object (`kms` from the project's own module), CommonJS
      code: [
        "const { kms } = require('./kms.js');",
        'async function debugDataKey(req, res) {',
        '  const { Plaintext, KeyId } = await kms.generateDataKey(req.params.tenantId);',
        '  res.json({ keyId: KeyId, length: Plaintext.length });',
        '}',
        'module.exports = { debugDataKey };',
      ].join('\n'),
      filename: 'src/admin/support.js',
      errors: notWiped(3, 11, 20),
    },
  ],
});
