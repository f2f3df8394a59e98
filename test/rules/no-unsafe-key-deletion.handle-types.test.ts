/**
 * no-unsafe-key-deletion and key handle types (catalogue `keyHandleTypes`): a holder typed as a platform handle whose
 * bytes it never sees (WebCrypto `CryptoKey`, jose `KeyLike`, node:crypto's `SecretKeyObject`/`PrivateKeyObject`
 * declarations) cannot be wiped by the code that drops it; the same holders typed as byte arrays are reported.
 */
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

const holders = (type: string): string =>
  `export class Signer {\n  private sessionKeys = new Map<string, ${type}>();\n` +
  `  private signingKey: ${type} | null = null;\n` +
  `  revoke(id: string): void {\n    this.sessionKeys.delete(id);\n  }\n` +
  `  close(): void {\n    this.signingKey = null;\n  }\n}\n`;

ruleTester.run('no-unsafe-key-deletion (key handle types)', rule, {
  valid: ['CryptoKey', 'CryptoKeyPair', 'KeyLike', 'SecretKeyObject', 'PrivateKeyObject'].map((type) => ({
    code: `import type { KeyLike } from 'jose';\n${holders(type)}`,
    filename: `src/handles-${type}.ts`,
  })),
  invalid: ['Uint8Array', 'Buffer'].map((type) => ({
    code: holders(type),
    filename: `src/bytes-${type}.ts`,
    errors: [
      { messageId: 'keyDropped', line: 5, column: 5, endLine: 5, endColumn: 32 },
      { messageId: 'keyDropped', line: 8, column: 5, endLine: 8, endColumn: 27 },
    ],
  })),
});
