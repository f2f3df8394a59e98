/**
 * require-key-rotation (session 36, branch rot20): a key handed to a function that writes its own token. A function
 * that builds the claims and the header itself (`inviteToken(teamId, signingSecret)`) issues one kind of token, and
 * the key its caller passes is that token's one key: without a `kid` it cannot be rotated. A generic signing helper
 * (`signWith(claims, key)`: claims and key both from the caller) stays the caller's business, as does a key whose
 * name says it is chosen (`activeKey`) or owned by one subject (`clientSecret`), a kid from a helper, and a
 * password-based JWE (PBES2: the key is a password, no-password-as-key's hazard).
 */
import rule from '../../rules/require-key-rotation.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('require-key-rotation (a key handed to a token issuer)', rule, {
  valid: [
    {
      // generic helpers take the claims from the caller too; a chosen key; a key owned by one partner
      code: "import { SignJWT, type JWTPayload } from 'jose';\nimport jwt from 'jsonwebtoken';\nexport function signWith(claims: JWTPayload, key: Uint8Array) {\n  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(key);\n}\nexport function legacySign(payload: object, secret: string) {\n  return jwt.sign(payload, secret, { expiresIn: 60 });\n}\nexport async function partnerToken(partnerId: string, clientSecret: Uint8Array) {\n  return new SignJWT({ sub: partnerId }).setProtectedHeader({ alg: 'HS256' }).sign(clientSecret);\n}\nexport async function sessionToken(uid: string, activeKey: Uint8Array) {\n  return new SignJWT({ uid }).setProtectedHeader({ alg: 'HS256' }).sign(activeKey);\n}\n",
      filename: 'src/tokens/helpers.ts',
    },
    {
      // a kid from a helper or a parameter; PBES2 keys are passwords, whatever their origin
      code: "import { EncryptJWT, SignJWT } from 'jose';\nimport jwt from 'jsonwebtoken';\nconst kidOf = (k: Uint8Array): string => Buffer.from(k.subarray(0, 4)).toString('hex');\nconst EXPORT_KEY = new TextEncoder().encode(process.env.EXPORT_KEY);\nexport async function receipt(orderId: string, key: Uint8Array) {\n  return new SignJWT({ orderId }).setProtectedHeader({ alg: 'HS256', kid: kidOf(key) }).sign(key);\n}\nexport function refresh(uid: string, key: string, kid: string) {\n  return jwt.sign({ uid }, key, { expiresIn: '30d', keyid: kid });\n}\nexport async function backupBundle(data: object, passphrase: string) {\n  return new EncryptJWT({ data }).setProtectedHeader({ alg: 'PBES2-HS512+A256KW', enc: 'A256GCM' }).encrypt(new TextEncoder().encode(passphrase));\n}\nexport async function exportBundle(data: object) {\n  return new EncryptJWT({ data }).setProtectedHeader({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' }).encrypt(EXPORT_KEY);\n}\n",
      filename: 'src/tokens/bundles.ts',
    },
  ],
  invalid: [
    {
      // jose: the function writes the claims and a header with no kid
      code: "import { SignJWT } from 'jose';\nexport async function inviteToken(teamId: string, signingSecret: Uint8Array) {\n  return new SignJWT({ team: teamId, kind: 'invite' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2d').sign(signingSecret);\n}\n",
      filename: 'src/tokens/invites.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 3,
          column: 75,
          endLine: 3,
          endColumn: 91,
          suggestions: [
            {
              messageId: 'addKeyId',
              data: { property: 'kid', kid: 'v1' },
              output:
                "import { SignJWT } from 'jose';\nexport async function inviteToken(teamId: string, signingSecret: Uint8Array) {\n  return new SignJWT({ team: teamId, kind: 'invite' }).setProtectedHeader({ alg: 'HS256', kid: 'v1' }).setExpirationTime('2d').sign(signingSecret);\n}\n",
            },
          ],
        },
      ],
    },
    {
      // jsonwebtoken: options without keyid
      code: "import jwt from 'jsonwebtoken';\nexport function mintReset(userId: string, key: string) {\n  return jwt.sign({ uid: userId, purpose: 'reset' }, key, { expiresIn: '20m' });\n}\n",
      filename: 'src/tokens/reset.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 80,
          suggestions: [
            {
              messageId: 'addKeyId',
              data: { property: 'keyid', kid: 'v1' },
              output:
                "import jwt from 'jsonwebtoken';\nexport function mintReset(userId: string, key: string) {\n  return jwt.sign({ uid: userId, purpose: 'reset' }, key, { expiresIn: '20m', keyid: 'v1' });\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a static method sealing with the key agreed with the recipient
      code: "import { CompactEncrypt } from 'jose';\nexport class Dso {\n  static async sealReport(sharedKey: Uint8Array, report: object) {\n    const body = new TextEncoder().encode(JSON.stringify(report));\n    return new CompactEncrypt(body).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(sharedKey);\n  }\n}\n",
      filename: 'src/dso/reports.ts',
      errors: [
        {
          messageId: 'jweNoKid',
          line: 5,
          column: 56,
          endLine: 5,
          endColumn: 86,
          suggestions: [
            {
              messageId: 'addKeyId',
              data: { property: 'kid', kid: 'v1' },
              output:
                "import { CompactEncrypt } from 'jose';\nexport class Dso {\n  static async sealReport(sharedKey: Uint8Array, report: object) {\n    const body = new TextEncoder().encode(JSON.stringify(report));\n    return new CompactEncrypt(body).setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: 'v1' }).encrypt(sharedKey);\n  }\n}\n",
            },
          ],
        },
      ],
    },
    {
      // the builder kept in a const, its header set by a statement
      code: "import { EncryptJWT } from 'jose';\nexport async function downloadLink(file: string, linkKey: Uint8Array) {\n  const jwe = new EncryptJWT({ file });\n  jwe.setProtectedHeader({ alg: 'dir', enc: 'A128GCM' });\n  return jwe.encrypt(linkKey);\n}\n",
      filename: 'src/files/links.ts',
      errors: [
        {
          messageId: 'jweNoKid',
          line: 4,
          column: 26,
          endLine: 4,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'addKeyId',
              data: { property: 'kid', kid: 'v1' },
              output:
                "import { EncryptJWT } from 'jose';\nexport async function downloadLink(file: string, linkKey: Uint8Array) {\n  const jwe = new EncryptJWT({ file });\n  jwe.setProtectedHeader({ alg: 'dir', enc: 'A128GCM', kid: 'v1' });\n  return jwe.encrypt(linkKey);\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
