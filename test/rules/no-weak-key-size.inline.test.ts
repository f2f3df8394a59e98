/**
 * no-weak-key-size: choices a stranger writes inline in a call's options rather than at a catalogue site, and
 * weak hashes used as a KDF over a key-agreement secret (issue 11, session 22). Variants written from how
 * passport-saml, xml-crypto, ssh2, column-encryption transformers and ECDH pairing code are written in public
 * code: a signature digest chosen inline (`signatureAlgorithm: 'sha1'`, XML-DSig `#rsa-sha1` identifiers, a
 * digest option beside a signing option), cipher lists offered to a protocol (`algorithms: { cipher: [...] }`,
 * `append`), a cipher chosen beside a key option, and MD5/SHA-1 over `computeSecret()`/`diffieHellman()`.
 * The near misses are what the same code writes and is fine: SHA-256, HMAC-SHA-1, checksums, `remove` lists,
 * a cipher named in a label with no key, HKDF over the shared secret, a fingerprint of a public key.
 */
import rule from '../../rules/no-weak-key-size.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-weak-key-size (inline signature digests, cipher lists, agreement KDFs)', rule, {
  valid: [
    // valid: SHA-256 in a SAML strategy, a cache's checksum and hash options, HMAC-SHA-1 for a webhook, deprecated lists
    {
      code: "import { Strategy as SamlStrategy } from 'passport-saml';\nimport { createHmac } from 'node:crypto';\nimport { readFileSync } from 'node:fs';\n\nexport const okta = new SamlStrategy(\n  {\n    entryPoint: process.env.SAML_ENTRY,\n    cert: readFileSync('/etc/idp.pem', 'utf8'),\n    signatureAlgorithm: 'sha256',\n    digestAlgorithm: 'sha256',\n  },\n  (profile: unknown, done: (e: unknown, u?: unknown) => void) => done(null, profile),\n);\n\nexport function etag(body: Buffer, cache: { put: (o: object) => void }) {\n  cache.put({ body, hashAlgorithm: 'sha1', checksumAlgorithm: 'md5' });\n}\n\nexport function webhook(secret: string, body: string, verify: (o: object) => boolean) {\n  return verify({ signatureAlgorithm: 'hmac-sha1', secret, body, mac: createHmac('sha1', secret).update(body).digest('hex') });\n}\n\nexport const supported = (registry: { add: (o: object) => void }) =>\n  registry.add({ deprecatedSignatureAlgorithms: ['sha1', 'md5'], disallowedDigest: 'sha1' });\n",
      filename: 'src/auth/saml-ok.ts',
    },
    // valid: ssh2 removing weak ciphers, a disabled list, AES-GCM beside a key, a cipher name in an i18n label with no key
    {
      code: "import { Client } from 'ssh2';\n\nexport function connectModern(host) {\n  const c = new Client();\n  c.connect({\n    host,\n    algorithms: { cipher: { remove: ['3des-cbc', 'blowfish-cbc'], prepend: ['aes256-gcm@openssh.com'] } },\n  });\n  return c;\n}\n\nexport function audit(report) {\n  report.add({ disabledCiphers: ['3des-cbc', 'arcfour'], cipher: 'aes-256-gcm' });\n}\n\nexport function column(EncryptionTransformer) {\n  return new EncryptionTransformer({ key: process.env.COLUMN_KEY, algorithm: 'aes-256-gcm', ivLength: 12 });\n}\n\nexport function describeAlg(t) {\n  return t('settings.cipher', { cipher: 'DES' });\n}\n",
      filename: 'scripts/ssh-ok.mjs',
    },
    // valid: P-256, HKDF-SHA-256 over the shared secret, a SHA-256 safety number, SHA-1 fingerprint of a public key
    {
      code: "import { createECDH, createHash, hkdfSync } from 'node:crypto';\n\nexport function pairing() {\n  const ecdh = createECDH('prime256v1');\n  ecdh.generateKeys();\n  return ecdh;\n}\n\nexport function sessionKey(ecdh: ReturnType<typeof createECDH>, peer: Buffer): Buffer {\n  const shared = ecdh.computeSecret(peer);\n  return Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(0), 'session', 32));\n}\n\nexport function safetyNumber(ecdh: ReturnType<typeof createECDH>, peer: Buffer): string {\n  const shared = ecdh.computeSecret(peer);\n  return createHash('sha256').update(shared).digest('hex').slice(0, 12);\n}\n\nexport function peerFingerprint(peer: Buffer): string {\n  return createHash('sha1').update(peer).digest('hex');\n}\n",
      filename: 'src/pairing/session-ok.ts',
    },
  ],
  invalid: [
    // SHA-1 chosen inline for a signature: a SAML strategy's signatureAlgorithm, xml-crypto SignedXml and addReference with XML-DSig identifiers, an IdP setup's requestSignatureAlgorithm
    {
      code: "import { Strategy as SamlStrategy } from 'passport-saml';\nimport { SignedXml } from 'xml-crypto';\nimport { readFileSync } from 'node:fs';\n\nexport const okta = new SamlStrategy(\n  {\n    path: '/login/callback',\n    entryPoint: process.env.SAML_ENTRY,\n    issuer: 'portal',\n    cert: readFileSync('/etc/idp.pem', 'utf8'),\n    signatureAlgorithm: 'sha1',\n    privateKey: readFileSync('/etc/sp.key', 'utf8'),\n  },\n  (profile: unknown, done: (e: unknown, u?: unknown) => void) => done(null, profile),\n);\n\nexport function signAssertion(xml: string, key: string): string {\n  const sig = new SignedXml({ privateKey: key, signatureAlgorithm: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1' });\n  sig.addReference({\n    xpath: \"//*[local-name(.)='Assertion']\",\n    digestAlgorithm: 'http://www.w3.org/2000/09/xmldsig#sha1',\n    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature'],\n  });\n  sig.computeSignature(xml);\n  return sig.getSignedXml();\n}\n\nexport const samlConfig = () => ({\n  sp: { entityId: 'urn:crm', digestAlgorithm: 'sha1', signatureAlgorithm: 'rsa-sha1', privateKey: process.env.SP_KEY },\n});\n\nexport function configureIdp(saml: { setup: (o: object) => void }) {\n  saml.setup({ requestSignatureAlgorithm: 'RSA-SHA1', signingKey: process.env.SAML_KEY });\n}\n",
      filename: 'src/auth/saml.ts',
      errors: [
        {
          messageId: 'weakDigest',
          line: 11,
          column: 25,
          endLine: 11,
          endColumn: 31,
        },
        {
          messageId: 'weakDigest',
          line: 18,
          column: 68,
          endLine: 18,
          endColumn: 112,
        },
        {
          messageId: 'weakDigest',
          line: 21,
          column: 22,
          endLine: 21,
          endColumn: 62,
        },
        {
          messageId: 'weakDigest',
          line: 29,
          column: 75,
          endLine: 29,
          endColumn: 85,
        },
        {
          messageId: 'weakDigest',
          line: 33,
          column: 43,
          endLine: 33,
          endColumn: 53,
        },
      ],
    },
    // weak ciphers offered inline: ssh2 algorithms.cipher lists (plain and append), a column transformer's algorithm beside its key, an archive cipher beside its key
    {
      code: "import { Client } from 'ssh2';\nimport { createServer } from 'node:tls';\nimport { readFileSync } from 'node:fs';\n\nexport function connectLegacyRouter(host) {\n  const c = new Client();\n  c.connect({\n    host,\n    username: 'admin',\n    privateKey: readFileSync('/etc/router.key'),\n    algorithms: {\n      cipher: ['aes256-ctr', 'aes128-cbc', 'blowfish-cbc'],\n      kex: ['ecdh-sha2-nistp256'],\n    },\n  });\n  return c;\n}\n\nexport function connectSwitch(host) {\n  const c = new Client();\n  c.connect({ host, username: 'ops', algorithms: { cipher: { append: ['3des-cbc'] } } });\n  return c;\n}\n\nexport function encryptedColumn(EncryptionTransformer) {\n  return new EncryptionTransformer({ key: process.env.COLUMN_KEY, algorithm: 'des-ede3-cbc', ivLength: 8 });\n}\n\nexport function archive(packer) {\n  return packer.pack({ files: ['a'], encryption: { cipher: 'rc4', key: process.env.ARCHIVE_KEY } });\n}\n",
      filename: 'scripts/ssh-deploy.mjs',
      errors: [
        {
          messageId: 'weakCipher',
          line: 12,
          column: 44,
          endLine: 12,
          endColumn: 58,
        },
        {
          messageId: 'weakCipher',
          line: 21,
          column: 71,
          endLine: 21,
          endColumn: 81,
        },
        {
          messageId: 'weakCipher',
          line: 26,
          column: 78,
          endLine: 26,
          endColumn: 92,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import { Client } from 'ssh2';\nimport { createServer } from 'node:tls';\nimport { readFileSync } from 'node:fs';\n\nexport function connectLegacyRouter(host) {\n  const c = new Client();\n  c.connect({\n    host,\n    username: 'admin',\n    privateKey: readFileSync('/etc/router.key'),\n    algorithms: {\n      cipher: ['aes256-ctr', 'aes128-cbc', 'blowfish-cbc'],\n      kex: ['ecdh-sha2-nistp256'],\n    },\n  });\n  return c;\n}\n\nexport function connectSwitch(host) {\n  const c = new Client();\n  c.connect({ host, username: 'ops', algorithms: { cipher: { append: ['3des-cbc'] } } });\n  return c;\n}\n\nexport function encryptedColumn(EncryptionTransformer) {\n  return new EncryptionTransformer({ key: process.env.COLUMN_KEY, algorithm: 'aes-256-gcm', ivLength: 8 });\n}\n\nexport function archive(packer) {\n  return packer.pack({ files: ['a'], encryption: { cipher: 'rc4', key: process.env.ARCHIVE_KEY } });\n}\n",
            },
          ],
        },
        {
          messageId: 'weakCipher',
          line: 30,
          column: 60,
          endLine: 30,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import { Client } from 'ssh2';\nimport { createServer } from 'node:tls';\nimport { readFileSync } from 'node:fs';\n\nexport function connectLegacyRouter(host) {\n  const c = new Client();\n  c.connect({\n    host,\n    username: 'admin',\n    privateKey: readFileSync('/etc/router.key'),\n    algorithms: {\n      cipher: ['aes256-ctr', 'aes128-cbc', 'blowfish-cbc'],\n      kex: ['ecdh-sha2-nistp256'],\n    },\n  });\n  return c;\n}\n\nexport function connectSwitch(host) {\n  const c = new Client();\n  c.connect({ host, username: 'ops', algorithms: { cipher: { append: ['3des-cbc'] } } });\n  return c;\n}\n\nexport function encryptedColumn(EncryptionTransformer) {\n  return new EncryptionTransformer({ key: process.env.COLUMN_KEY, algorithm: 'des-ede3-cbc', ivLength: 8 });\n}\n\nexport function archive(packer) {\n  return packer.pack({ files: ['a'], encryption: { cipher: 'aes-256-gcm', key: process.env.ARCHIVE_KEY } });\n}\n",
            },
          ],
        },
      ],
    },
    // a 192-bit ECDH curve, and MD5/SHA-1 as the KDF over an ECDH or DH secret (through a const and inline)
    {
      code: "import { createECDH, createHash, diffieHellman, createCipheriv, hkdfSync } from 'node:crypto';\nimport type { KeyObject } from 'node:crypto';\n\nexport function legacyPairing() {\n  const ecdh = createECDH('prime192v1');\n  ecdh.generateKeys();\n  return ecdh;\n}\n\nexport function sessionKey(ecdh: ReturnType<typeof createECDH>, peer: Buffer): Buffer {\n  const shared = ecdh.computeSecret(peer);\n  return createHash('sha1').update(shared).digest().subarray(0, 16);\n}\n\nexport function channelKey(privateKey: KeyObject, publicKey: KeyObject): Buffer {\n  const secret = diffieHellman({ privateKey, publicKey });\n  return createHash('md5').update(secret).digest();\n}\n\nexport function wrapFor(ecdh: ReturnType<typeof createECDH>, peer: Buffer, data: Buffer) {\n  const key = createHash('sha1').update(ecdh.computeSecret(peer)).digest().subarray(0, 16);\n  const iv = Buffer.alloc(16, 1);\n  return createCipheriv('aes-128-cbc', key, iv).update(data);\n}\n",
      filename: 'src/pairing/session.ts',
      errors: [
        {
          messageId: 'weakCurve',
          line: 5,
          column: 27,
          endLine: 5,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import { createECDH, createHash, diffieHellman, createCipheriv, hkdfSync } from 'node:crypto';\nimport type { KeyObject } from 'node:crypto';\n\nexport function legacyPairing() {\n  const ecdh = createECDH('prime256v1');\n  ecdh.generateKeys();\n  return ecdh;\n}\n\nexport function sessionKey(ecdh: ReturnType<typeof createECDH>, peer: Buffer): Buffer {\n  const shared = ecdh.computeSecret(peer);\n  return createHash('sha1').update(shared).digest().subarray(0, 16);\n}\n\nexport function channelKey(privateKey: KeyObject, publicKey: KeyObject): Buffer {\n  const secret = diffieHellman({ privateKey, publicKey });\n  return createHash('md5').update(secret).digest();\n}\n\nexport function wrapFor(ecdh: ReturnType<typeof createECDH>, peer: Buffer, data: Buffer) {\n  const key = createHash('sha1').update(ecdh.computeSecret(peer)).digest().subarray(0, 16);\n  const iv = Buffer.alloc(16, 1);\n  return createCipheriv('aes-128-cbc', key, iv).update(data);\n}\n",
            },
          ],
        },
        {
          messageId: 'weakDigest',
          line: 12,
          column: 21,
          endLine: 12,
          endColumn: 27,
        },
        {
          messageId: 'weakDigest',
          line: 17,
          column: 21,
          endLine: 17,
          endColumn: 26,
        },
        {
          messageId: 'weakDigest',
          line: 21,
          column: 26,
          endLine: 21,
          endColumn: 32,
        },
      ],
    },
  ],
});
