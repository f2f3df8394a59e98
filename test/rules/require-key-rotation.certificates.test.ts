/**
 * require-key-rotation (session 35, branch rot19): a certificate the code issues for longer than the catalogue's
 * ceiling (`certificateLifetimes.maxYears`, 10 years) is reported where its end of validity is set: node-forge's
 * `validity.notAfter` moved years ahead or set from `Date.now()`, and `selfsigned.generate`'s `days`.
 */
import rule from '../../rules/require-key-rotation.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('require-key-rotation (certificate lifetimes)', rule, {
  valid: [
    {
      // ten years and less, a validity from a variable, and dates that are not a certificate's
      code: [
        "import forge from 'node-forge';",
        'export function metadataCert(keys: forge.pki.rsa.KeyPair, years: number) {',
        '  const cert = forge.pki.createCertificate();',
        '  cert.validity.notBefore = new Date();',
        '  cert.validity.notAfter = new Date();',
        '  cert.validity.notAfter.setFullYear(cert.validity.notBefore.getFullYear() + 10);',
        '  cert.validity.notAfter.setFullYear(cert.validity.notBefore.getFullYear() + years);',
        '  const lease = { start: new Date(), end: new Date() };',
        '  lease.end.setFullYear(lease.start.getFullYear() + 99);',
        '  const now = new Date();',
        '  cert.validity.notAfter = new Date(now.setFullYear(now.getFullYear() + 5));',
        '  cert.validity.notAfter = new Date(now.setFullYear(now.getFullYear() + years));',
        '  return cert;',
        '}',
      ].join('\n'),
      filename: 'src/saml/metadata-cert.ts',
    },
    {
      code: [
        "const selfsigned = require('selfsigned');",
        'const DAY = 86_400_000;',
        "const dev = selfsigned.generate([{ name: 'commonName', value: 'localhost' }], { days: 825 });",
        'issued.validity.notAfter = new Date(Date.now() + 3 * 365 * DAY);',
        'issued.validity.notAfter = new Date(Date.now() + 397 * 86_400_000);',
      ].join('\n'),
      filename: 'scripts/dev-cert.js',
    },
  ],
  invalid: [
    {
      code: [
        "import forge from 'node-forge';",
        'export function deviceCert(publicKey: forge.pki.PublicKey) {',
        '  const cert = forge.pki.createCertificate();',
        '  cert.publicKey = publicKey;',
        '  cert.validity.notBefore = new Date();',
        '  cert.validity.notAfter = new Date();',
        '  cert.validity.notAfter.setFullYear(cert.validity.notBefore.getFullYear() + 25);',
        '  return cert;',
        '}',
        'export function rootCert(cert: forge.pki.Certificate) {',
        '  cert.validity.notAfter = new Date(Date.now() + 50 * 365 * 24 * 3600 * 1000);',
        '}',
        'export function samlCert(cert: forge.pki.Certificate) {',
        '  const today = new Date();',
        '  cert.validity.notAfter = new Date(today.setFullYear(today.getFullYear() + 20));',
        '}',
      ].join('\n'),
      filename: 'src/provisioning/certs.ts',
      errors: [
        { messageId: 'certificateTooLong', line: 7, column: 3, endLine: 7, endColumn: 81 },
        { messageId: 'certificateTooLong', line: 11, column: 3, endLine: 11, endColumn: 78 },
        { messageId: 'certificateTooLong', line: 15, column: 3, endLine: 15, endColumn: 81 },
      ],
    },
    {
      code: [
        "import selfsigned from 'selfsigned';",
        "export const pems = selfsigned.generate(attrs, { keySize: 2048, days: 365 * 30, algorithm: 'sha256' });",
      ].join('\n'),
      filename: 'src/tls/bootstrap.ts',
      errors: [{ messageId: 'certificateTooLong', line: 2, column: 21, endLine: 2, endColumn: 103 }],
    },
  ],
});
