/**
 * no-weak-key-size: a cipher option of a call that is handed key material as an argument of its own (session 25,
 * branch rule9kdf, class WA-4: `forge.pkcs12.toPkcs12Asn1(key, certs, password, { algorithm: '3des' })`), and a
 * signature digest chosen by a library's table member in a call named for signing (WA-5: `p7.addSigner({ key,
 * certificate, digestAlgorithm: forge.pki.oids.sha1 })`). Near misses: the same option beside no key, strong choices,
 * and a digest member in a call that does not sign.
 */
import rule from '../../rules/no-weak-key-size.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-weak-key-size (keyed calls, signer digests)', rule, {
  valid: [
    {
      // near misses: a log call's label, AES-256 PKCS#12, SHA-256 signer, a checksum's SHA-1
      code: "import forge from 'node-forge';\nimport { logger } from './logger';\nimport { checksum } from './files';\n\nexport const note = (message: string) => logger.info(message, { cipher: 'des' });\nexport const bundle = (key: forge.pki.PrivateKey, cert: forge.pki.Certificate, password: string) =>\n  forge.pkcs12.toPkcs12Asn1(key, [cert], password, { algorithm: 'aes256', count: 600000 });\n\nexport function signReceipt(p7: forge.pkcs7.PkcsSignedData, key: forge.pki.PrivateKey, certificate: forge.pki.Certificate) {\n  p7.addSigner({ key, certificate, digestAlgorithm: forge.pki.oids.sha256 });\n}\n\nexport const sidecar = (file: Buffer) => checksum(file, { digest: forge.md.sha1 });\n",
      filename: 'src/pki/modern.ts',
    },
  ],
  invalid: [
    {
      // a cipher option of a call handed a key or password as an argument; a signer's digest read from forge's OID table
      code: "import forge from 'node-forge';\nimport { vault } from './vault';\n\nexport const oldPem = (privateKey: forge.pki.PrivateKey, passphrase: string) =>\n  forge.pki.encryptRsaPrivateKey(privateKey, passphrase, { algorithm: 'des' });\n\nexport const wrapped = (masterKey: Buffer, payload: Buffer) => vault.wrap(masterKey, payload, { cipher: 'bf-cbc' });\n\nexport function signReceipt(p7: forge.pkcs7.PkcsSignedData, key: forge.pki.PrivateKey, certificate: forge.pki.Certificate) {\n  p7.addSigner({ key, certificate, digestAlgorithm: forge.pki.oids.md5 });\n}\n",
      filename: 'src/pki/legacy.ts',
      errors: [
        {
          messageId: 'weakCipher',
          line: 5,
          column: 71,
          endLine: 5,
          endColumn: 76,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import forge from 'node-forge';\nimport { vault } from './vault';\n\nexport const oldPem = (privateKey: forge.pki.PrivateKey, passphrase: string) =>\n  forge.pki.encryptRsaPrivateKey(privateKey, passphrase, { algorithm: 'aes-256-gcm' });\n\nexport const wrapped = (masterKey: Buffer, payload: Buffer) => vault.wrap(masterKey, payload, { cipher: 'bf-cbc' });\n\nexport function signReceipt(p7: forge.pkcs7.PkcsSignedData, key: forge.pki.PrivateKey, certificate: forge.pki.Certificate) {\n  p7.addSigner({ key, certificate, digestAlgorithm: forge.pki.oids.md5 });\n}\n",
            },
          ],
        },
        {
          messageId: 'weakCipher',
          line: 7,
          column: 105,
          endLine: 7,
          endColumn: 113,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import forge from 'node-forge';\nimport { vault } from './vault';\n\nexport const oldPem = (privateKey: forge.pki.PrivateKey, passphrase: string) =>\n  forge.pki.encryptRsaPrivateKey(privateKey, passphrase, { algorithm: 'des' });\n\nexport const wrapped = (masterKey: Buffer, payload: Buffer) => vault.wrap(masterKey, payload, { cipher: 'aes-256-gcm' });\n\nexport function signReceipt(p7: forge.pkcs7.PkcsSignedData, key: forge.pki.PrivateKey, certificate: forge.pki.Certificate) {\n  p7.addSigner({ key, certificate, digestAlgorithm: forge.pki.oids.md5 });\n}\n",
            },
          ],
        },
        { messageId: 'weakDigest', line: 10, column: 53, endLine: 10, endColumn: 71 },
      ],
    },
  ],
});
