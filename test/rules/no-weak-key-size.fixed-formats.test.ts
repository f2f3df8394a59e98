/**
 * no-weak-key-size, session 36 (branch prec20, issue 11): primitives an external format or protocol fixes
 * (catalogue `fixedFormats`, src/rule-kit/fixed-formats.ts), and a recogniser's verdict on its input.
 * - A module that implements NTLM (its magic 'KGS!@#$%' or a function named for it), or only reads a PuTTY PPK v2 or
 *   OpenSSL traditional PEM key file (the format's string, no encrypting call), is left out by default
 *   (`recommended`) and reported under `fixedFormat` with `legacyPaths: 'all'` (`strict`).
 * - Near misses stay reported: a module that also writes the key-file format, a weak primitive the format does not
 *   fix (AES-ECB in an NTLM module), DES-ECB with no format evidence, a choice keyed on a setting.
 * - `if (/^…$/.test(hash)) return { algo: 'des' }` names what an input is (a DES-crypt hash to verify and rehash).
 */
import rule from '../../rules/no-weak-key-size.js';
import { ruleTester } from '../helpers/rule-tester.js';

const all: [{ legacyPaths: 'all' }] = [{ legacyPaths: 'all' }];
/** The one suggestion: `code` with the first `from` on `line` replaced by `to`. */
const safer = (code: string, line: number, from: string, to: string) => {
  const lines = code.split('\n');
  lines[line - 1] = lines[line - 1]!.replace(from, to);
  return [{ messageId: 'useSafer' as const, output: lines.join('\n') }];
};

const ntlmNamed =
  "import { createCipheriv, createHmac } from 'node:crypto';\n\nexport function ntlmChallengeResponse(hash21: Buffer, challenge: Buffer): Buffer {\n  const parts = [hash21.subarray(0, 7), hash21.subarray(7, 14), hash21.subarray(14, 21)];\n  return Buffer.concat(parts.map((k) => createCipheriv('DES-ECB', widen(k), null).update(challenge)));\n}\n\nexport const lmv2Proof = (key: Buffer, blob: Buffer): Buffer => createHmac('md5', key).update(blob).digest();\n\nexport function cacheToken(cacheKey: Buffer, token: Buffer): Buffer {\n  return createCipheriv('aes-128-ecb', cacheKey, null).update(token);\n}\n";
const noMarker =
  "import { createCipheriv } from 'node:crypto';\n\nexport function tokenizePan(panKey: Buffer, block: Buffer): Buffer {\n  return createCipheriv('des-ecb', panKey, null).update(block);\n}\n";
const settingChoice =
  "function hashScheme(stored) {\n  stored = String(stored || '');\n  if (/^[./0-9A-Za-z]{13}$/.test(stored)) {\n    return { ok: true, algo: 'des' };\n  }\n  return { ok: false, algo: 'unknown' };\n}\n\nconst legacyCipherFor = (mode) => {\n  if (/^legacy/.test(process.env.CRYPTO_MODE || '')) return { cipher: 'des' };\n  return { cipher: 'aes-256-gcm' };\n};\n\nmodule.exports = { hashScheme, legacyCipherFor };\n";

ruleTester.run('no-weak-key-size (fixed formats and verdicts)', rule, {
  valid: [
    {
      // an NTLM client's DES-ECB and HMAC-MD5, shown by the LM magic string
      code: "const crypto = require('crypto');\n\nconst LM_MAGIC = Buffer.from('KGS!@#$%', 'ascii');\n\nfunction desBlock(key7, block) {\n  const des = crypto.createCipheriv('des-ecb', spread(key7), null);\n  return des.update(block);\n}\n\nfunction responseKey(ntHash, user, domain) {\n  return crypto.createHmac('md5', ntHash).update(Buffer.from(user.toUpperCase() + domain, 'utf16le')).digest();\n}\n\nmodule.exports = { desBlock, responseKey, LM_MAGIC };\n",
      filename: 'lib/ntlm/hash.js',
    },
    {
      // a PuTTY PPK v2 reader: SHA-1 of the passphrase is the format's key derivation
      code: "import { createDecipheriv, createHash, createHmac } from 'node:crypto';\n\nconst MAC_LABEL = 'putty-private-key-file-mac-key';\n\nexport function readPpkV2(fields: { priv: string; mac: string }, passphrase: string): Buffer {\n  const key = Buffer.concat([\n    createHash('sha1').update(Buffer.from([0, 0, 0, 0])).update(passphrase).digest(),\n    createHash('sha1').update(Buffer.from([0, 0, 0, 1])).update(passphrase).digest(),\n  ]).subarray(0, 32);\n  const d = createDecipheriv('aes-256-cbc', key, Buffer.alloc(16));\n  d.setAutoPadding(false);\n  const priv = Buffer.concat([d.update(fields.priv, 'base64'), d.final()]);\n  const macKey = createHash('sha1').update(MAC_LABEL).update(passphrase).digest();\n  const mac = createHmac('sha1', macKey).update(priv).digest('hex');\n  if (mac !== fields.mac) throw new Error('wrong passphrase');\n  return priv;\n}\n",
      filename: 'src/keys/ppk.ts',
    },
    {
      // an OpenSSL traditional PEM reader (DEK-Info): one MD5 round is the format's
      code: "const crypto = require('crypto');\n\nfunction openTraditionalPem(headers, body, passphrase) {\n  const info = headers['DEK-Info'].split(',');\n  const iv = Buffer.from(info[1], 'hex');\n  let key = crypto.createHash('md5').update(passphrase).update(iv.subarray(0, 8)).digest();\n  key = Buffer.concat([key, crypto.createHash('md5').update(key).update(passphrase).update(iv.subarray(0, 8)).digest()]);\n  const d = crypto.createDecipheriv(info[0].toLowerCase(), key.subarray(0, 24), iv);\n  return Buffer.concat([d.update(body), d.final()]);\n}\n\nmodule.exports = { openTraditionalPem };\n",
      filename: 'lib/pem.js',
    },
    {
      // recognisers' verdicts on their input: the name says what a stored hash is
      code: "function hashScheme(stored) {\n  stored = String(stored || '');\n  if (/^[./0-9A-Za-z]{13}$/.test(stored)) {\n    return { ok: true, algo: 'des' };\n  }\n  return { ok: false, algo: 'unknown' };\n}\n\nconst schemeOf = (hash) => (/^\\$1\\$/.test(hash) ? { cipher: 'des', rehash: true } : undefined);\n\nmodule.exports = { hashScheme, schemeOf };\n",
      filename: 'lib/hashes.js',
    },
  ],
  invalid: [
    {
      code: "const crypto = require('crypto');\n\nconst LM_MAGIC = Buffer.from('KGS!@#$%', 'ascii');\n\nfunction desBlock(key7, block) {\n  const des = crypto.createCipheriv('des-ecb', spread(key7), null);\n  return des.update(block);\n}\n\nfunction responseKey(ntHash, user, domain) {\n  return crypto.createHmac('md5', ntHash).update(Buffer.from(user.toUpperCase() + domain, 'utf16le')).digest();\n}\n\nmodule.exports = { desBlock, responseKey, LM_MAGIC };\n",
      filename: 'lib/ntlm/hash.js',
      options: all,
      errors: [
        { messageId: 'fixedFormat', line: 6, column: 37, endLine: 6, endColumn: 46 },
        { messageId: 'fixedFormat', line: 11, column: 28, endLine: 11, endColumn: 33 },
      ],
    },
    {
      // evidence by a function's name; AES-ECB for the module's own cache is no NTLM primitive and stays reported
      code: ntlmNamed,
      filename: 'src/auth/ntlm.ts',
      errors: [
        {
          messageId: 'ecbMode',
          line: 11,
          column: 25,
          endLine: 11,
          endColumn: 38,
          suggestions: safer(ntlmNamed, 11, "'aes-128-ecb'", "'aes-128-gcm'"),
        },
      ],
    },
    {
      code: ntlmNamed,
      filename: 'src/auth/ntlm.ts',
      options: all,
      errors: [
        { messageId: 'fixedFormat', line: 5, column: 56, endLine: 5, endColumn: 65 },
        { messageId: 'fixedFormat', line: 8, column: 76, endLine: 8, endColumn: 81 },
        {
          messageId: 'ecbMode',
          line: 11,
          column: 25,
          endLine: 11,
          endColumn: 38,
          suggestions: safer(ntlmNamed, 11, "'aes-128-ecb'", "'aes-128-gcm'"),
        },
      ],
    },
    {
      code: "import { createDecipheriv, createHash, createHmac } from 'node:crypto';\n\nconst MAC_LABEL = 'putty-private-key-file-mac-key';\n\nexport function readPpkV2(fields: { priv: string; mac: string }, passphrase: string): Buffer {\n  const key = Buffer.concat([\n    createHash('sha1').update(Buffer.from([0, 0, 0, 0])).update(passphrase).digest(),\n    createHash('sha1').update(Buffer.from([0, 0, 0, 1])).update(passphrase).digest(),\n  ]).subarray(0, 32);\n  const d = createDecipheriv('aes-256-cbc', key, Buffer.alloc(16));\n  d.setAutoPadding(false);\n  const priv = Buffer.concat([d.update(fields.priv, 'base64'), d.final()]);\n  const macKey = createHash('sha1').update(MAC_LABEL).update(passphrase).digest();\n  const mac = createHmac('sha1', macKey).update(priv).digest('hex');\n  if (mac !== fields.mac) throw new Error('wrong passphrase');\n  return priv;\n}\n",
      filename: 'src/keys/ppk.ts',
      options: all,
      errors: [
        { messageId: 'fixedFormat', line: 7, column: 16, endLine: 7, endColumn: 22 },
        { messageId: 'fixedFormat', line: 8, column: 16, endLine: 8, endColumn: 22 },
      ],
    },
    {
      code: "const crypto = require('crypto');\n\nfunction openTraditionalPem(headers, body, passphrase) {\n  const info = headers['DEK-Info'].split(',');\n  const iv = Buffer.from(info[1], 'hex');\n  let key = crypto.createHash('md5').update(passphrase).update(iv.subarray(0, 8)).digest();\n  key = Buffer.concat([key, crypto.createHash('md5').update(key).update(passphrase).update(iv.subarray(0, 8)).digest()]);\n  const d = crypto.createDecipheriv(info[0].toLowerCase(), key.subarray(0, 24), iv);\n  return Buffer.concat([d.update(body), d.final()]);\n}\n\nmodule.exports = { openTraditionalPem };\n",
      filename: 'lib/pem.js',
      options: all,
      errors: [{ messageId: 'fixedFormat', line: 7, column: 47, endLine: 7, endColumn: 52 }],
    },
    {
      // near miss: the module also writes the key-file format (a writer of the old format chose it)
      code: "import { createCipheriv, createDecipheriv, createHash, createHmac } from 'node:crypto';\n\nconst MAC_LABEL = 'putty-private-key-file-mac-key';\n\nexport function writePpkV2(priv: Buffer, key: Buffer): Buffer {\n  const c = createCipheriv(\"aes-256-cbc\", key, Buffer.alloc(16));\n  return Buffer.concat([c.update(priv), c.final()]);\n}\n\nexport function readPpkV2(fields: { priv: string; mac: string }, passphrase: string): Buffer {\n  const key = Buffer.concat([\n    createHash('sha1').update(Buffer.from([0, 0, 0, 0])).update(passphrase).digest(),\n    createHash('sha1').update(Buffer.from([0, 0, 0, 1])).update(passphrase).digest(),\n  ]).subarray(0, 32);\n  const d = createDecipheriv('aes-256-cbc', key, Buffer.alloc(16));\n  d.setAutoPadding(false);\n  const priv = Buffer.concat([d.update(fields.priv, 'base64'), d.final()]);\n  const macKey = createHash('sha1').update(MAC_LABEL).update(passphrase).digest();\n  const mac = createHmac('sha1', macKey).update(priv).digest('hex');\n  if (mac !== fields.mac) throw new Error('wrong passphrase');\n  return priv;\n}\n",
      filename: 'src/keys/ppk.ts',
      errors: [
        { messageId: 'weakDigest', line: 12, column: 16, endLine: 12, endColumn: 22 },
        { messageId: 'weakDigest', line: 13, column: 16, endLine: 13, endColumn: 22 },
      ],
    },
    {
      // near miss: DES-ECB with no format evidence
      code: noMarker,
      filename: 'src/cards/tokens.ts',
      errors: [
        {
          messageId: 'weakCipher',
          line: 4,
          column: 25,
          endLine: 4,
          endColumn: 34,
          suggestions: safer(noMarker, 4, "'des-ecb'", "'aes-256-gcm'"),
        },
      ],
    },
    {
      // near miss: a choice keyed on a setting is no verdict on the function's input
      code: settingChoice,
      filename: 'lib/hashes.js',
      errors: [
        {
          messageId: 'weakCipher',
          line: 10,
          column: 71,
          endLine: 10,
          endColumn: 76,
          suggestions: safer(settingChoice, 10, "'des'", "'aes-256-gcm'"),
        },
      ],
    },
  ],
});
