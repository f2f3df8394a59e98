/**
 * no-weak-key-size, session 35 (branch alg19, issue 11): MD4, MD5 or SHA-1 over data joined with a secret (a part
 * named for a secret, catalogue `secretName`, and a part that is not): a homemade MAC where an HMAC belongs
 * (src/rule-kit/weak-digests.ts `checkKeyedDigest`). Near misses: an ETag over data only, a secret hashed alone (a
 * fingerprint), SHA-256, and a hash that makes key material (the password and key rules judge that).
 */
import rule from '../../rules/no-weak-key-size.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-weak-key-size (homemade keyed hashes)', rule, {
  valid: [
    {
      code: "import { createHash } from 'node:crypto';\nexport const etag = (body: string, version: string) => createHash('md5').update(body + version).digest('hex');\nexport const fingerprint = (secret: string) => createHash('sha1').update(secret).digest('hex');\nexport const linkSig = (id: string) => createHash('sha256').update(id + process.env.LINK_SECRET).digest('hex');\nexport function deriveKey(salt: string, secret: string) {\n  return createHash('md5').update(salt + secret).digest();\n}\n",
      filename: 'src/http/etag.ts',
    },
  ],
  invalid: [
    {
      // an unsubscribe code: MD5 over the e-mail and an environment secret
      code: "const crypto = require('crypto');\n\nfunction unsubscribeCode(email) {\n  return crypto.createHash('md5').update(email + process.env.NEWSLETTER_SECRET).digest('hex');\n}\nmodule.exports = { unsubscribeCode };\n",
      filename: 'lib/newsletter.js',
      errors: [
        {
          messageId: 'weakDigest',
          line: 4,
          column: 28,
          endLine: 4,
          endColumn: 33,
        },
      ],
    },
    {
      // a session signature in a template literal
      code: "import { createHash } from 'node:crypto';\n\nexport function sessionSignature(sessionId: string, secret: string): string {\n  return createHash('sha1').update(`${sessionId}.${secret}`).digest('hex');\n}\n",
      filename: 'src/session.ts',
      errors: [
        {
          messageId: 'weakDigest',
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 27,
        },
      ],
    },
    {
      // data and a configured secret in two updates
      code: "import { createHash } from 'node:crypto';\nimport { config } from './config';\n\nexport const callbackSignature = (payload: string) =>\n  createHash('sha1').update(payload).update(config.webhookSecret).digest('hex');\n",
      filename: 'src/webhooks/callback.ts',
      errors: [
        {
          messageId: 'weakDigest',
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 20,
        },
      ],
    },
  ],
});
