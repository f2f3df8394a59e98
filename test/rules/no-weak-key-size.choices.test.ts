/**
 * no-weak-key-size: a weak algorithm in one branch of a choice (session 30, wa14). Code that keeps a legacy
 * partner or an old client working writes the choice inline — `legacy ? 'sha1' : 'sha256'` as a SAML or XML
 * signature option, `compat ? 'zip20' : 'aes256'` as an archive's method, a forge digest object picked by a flag
 * and handed to `sign` — and the weak branch runs whenever the flag is set. Cipher names already read every branch;
 * signature digests, cipher options, curves and forge's signed digest objects now do too. Near misses: both
 * branches strong, a weak name in the condition only, a forge digest picked by a flag but only hashed (a
 * fingerprint), and a choice between two values read from elsewhere.
 */
import rule from '../../rules/no-weak-key-size.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-weak-key-size (a weak branch of a choice)', rule, {
  valid: [
    // valid: both branches strong; the weak name only in the test
    {
      code: [
        "import { SAML } from '@node-saml/node-saml';",
        'export function sp(idp: { modern: boolean; alg: string }, cert: string) {',
        "  return new SAML({ cert, signatureAlgorithm: idp.modern ? 'sha512' : 'sha256' });",
        '}',
        'export function sp2(idp: { alg: string }, cert: string) {',
        "  return new SAML({ cert, signatureAlgorithm: idp.alg === 'sha1' ? 'sha256' : 'sha512' });",
        '}',
      ].join('\n'),
      filename: 'src/auth/saml.ts',
    },
    // valid: a forge digest picked by a flag and only hashed (a fingerprint, not a signature)
    {
      code: [
        "import forge from 'node-forge';",
        'export function fingerprint(der: string, short: boolean): string {',
        '  const md = short ? forge.md.sha1.create() : forge.md.sha256.create();',
        '  md.update(der);',
        '  return md.digest().toHex();',
        '}',
      ].join('\n'),
      filename: 'src/pki/fingerprint.ts',
    },
    // valid: an archive method chosen between two strong values, and one read from the caller
    {
      code: [
        "import archiver from 'archiver';",
        'export function zipIt(password: string, strong: boolean, method: string) {',
        "  archiver.create('zip-encrypted', { encryptionMethod: strong ? 'aes256' : 'aes128', password });",
        "  return archiver.create('zip-encrypted', { encryptionMethod: method, password });",
        '}',
      ].join('\n'),
      filename: 'src/export/zip.ts',
    },
  ],
  invalid: [
    // invalid: a SAML signature digest chosen per identity provider
    {
      code: [
        "import { SAML } from '@node-saml/node-saml';",
        'export function sp(idp: { legacy: boolean }, cert: string) {',
        "  return new SAML({ cert, signatureAlgorithm: idp.legacy ? 'sha1' : 'sha256' });",
        '}',
      ].join('\n'),
      filename: 'src/auth/saml.ts',
      errors: [{ messageId: 'weakDigest', line: 3, column: 60, endLine: 3, endColumn: 66 }],
    },
    // invalid: the choice held in a const, and a nested choice with the weak value in the middle
    {
      code: [
        "import { SignedXml } from 'xml-crypto';",
        'export function signer(key: string, v: number) {',
        "  const digest = v < 2 ? 'http://www.w3.org/2000/09/xmldsig#rsa-sha1' : 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';",
        '  return new SignedXml({ privateKey: key, signatureAlgorithm: digest });',
        '}',
        'export function signer2(key: string, v: number) {',
        "  return new SignedXml({ privateKey: key, signatureAlgorithm: v > 3 ? 'rsa-sha512' : v > 1 ? 'rsa-sha1' : 'rsa-sha256' });",
        '}',
      ].join('\n'),
      filename: 'src/soap/sign.ts',
      errors: [
        { messageId: 'weakDigest', line: 3, column: 26, endLine: 3, endColumn: 70 },
        { messageId: 'weakDigest', line: 7, column: 94, endLine: 7, endColumn: 104 },
      ],
    },
    // invalid: an archive's legacy method kept for old unzip tools
    {
      code: [
        "import archiver from 'archiver';",
        'export function exportZip(password: string, oldTools: boolean) {',
        "  return archiver.create('zip-encrypted', { zlib: { level: 9 }, encryptionMethod: oldTools ? 'zip20' : 'aes256', password });",
        '}',
      ].join('\n'),
      filename: 'src/export/zip.ts',
      errors: [
        {
          messageId: 'weakCipher',
          line: 3,
          column: 94,
          endLine: 3,
          endColumn: 101,
          suggestions: [
            {
              messageId: 'useSafer',
              output: [
                "import archiver from 'archiver';",
                'export function exportZip(password: string, oldTools: boolean) {',
                "  return archiver.create('zip-encrypted', { zlib: { level: 9 }, encryptionMethod: oldTools ? 'aes256' : 'aes256', password });",
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    // invalid: forge signs a certificate with SHA-1 for old clients, inline and through a const
    {
      code: [
        "import forge from 'node-forge';",
        'export function selfSign(cert: forge.pki.Certificate, key: forge.pki.PrivateKey, classic: boolean) {',
        '  cert.sign(key, classic ? forge.md.sha1.create() : forge.md.sha256.create());',
        '}',
        'export function csr(req: forge.pki.CertificateSigningRequest, key: forge.pki.PrivateKey, old: boolean) {',
        '  const md = old ? forge.md.md5.create() : forge.md.sha384.create();',
        '  req.sign(key, md);',
        '}',
      ].join('\n'),
      filename: 'src/pki/issue.ts',
      errors: [
        { messageId: 'weakDigest', line: 3, column: 37, endLine: 3, endColumn: 41 },
        { messageId: 'weakDigest', line: 6, column: 29, endLine: 6, endColumn: 32 },
      ],
    },
  ],
});
