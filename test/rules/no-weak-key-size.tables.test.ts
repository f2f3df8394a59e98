/**
 * no-weak-key-size, session 26 (branch rule10alg, issue 11), dev10alg classes W5–W7:
 * - W5: PKCS#11 mechanism tables and key templates held at module level (pkcs11js, graphene-pk11), judged where they
 *   are written; a weak cipher is reported once per use (the key type of a key a DES3 mechanism makes is that choice).
 * - W6: RSA1_5 chosen by one branch of a choice, in JOSE options.
 * - W7: a bare `bits` option in a key-making call whose algorithm argument has a modulus (ssh2 `utils`).
 * Near misses: strong mechanisms, tables in files that import no PKCS#11 binding, a strong choice, `bits` beside
 * `'ed25519'` or in a call that makes no key.
 */
import rule from '../../rules/no-weak-key-size.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-weak-key-size (held PKCS#11 tables, JOSE choices, bare sizes)', rule, {
  valid: [
    {
      code: "import * as pkcs11js from 'pkcs11js';\nexport const OPS = {\n  wrap: { mechanism: pkcs11js.CKM_AES_KEY_WRAP_PAD },\n  sign: { mechanism: pkcs11js.CKM_SHA256_RSA_PKCS_PSS },\n};\nexport const AES_TEMPLATE = [{ type: pkcs11js.CKA_KEY_TYPE, value: pkcs11js.CKK_AES }];\n",
      filename: 'src/hsm/ops.ts',
    },
    {
      // no PKCS#11 binding imported: names of another vocabulary
      code: "export const LABELS = { legacy: { mechanism: 'CKM_DES3_ECB' } };\n",
      filename: 'src/docs/labels.ts',
    },
    {
      code: "import { CompactEncrypt, importSPKI } from 'jose';\nexport async function seal(b: Uint8Array, pem: string, v: number) {\n  const alg = v < 3 ? 'RSA-OAEP' : 'RSA-OAEP-256';\n  const key = await importSPKI(pem, alg);\n  return new CompactEncrypt(b).setProtectedHeader({ alg, enc: 'A256GCM' }).encrypt(key);\n}\n",
      filename: 'src/jwe/seal.ts',
    },
    {
      code: "import { utils } from 'ssh2';\nexport const k = utils.generateKeyPairSync('ed25519', { bits: 256 });\nexport const page = paginate('rsa', { size: 1024 });\n",
      filename: 'src/ssh/keys.js',
    },
  ],
  invalid: [
    {
      code: "import * as pkcs11js from 'pkcs11js';\nexport const MECHS = {\n  legacySign: { mechanism: pkcs11js.CKM_SHA1_RSA_PKCS },\n  transport: { mechanism: pkcs11js.CKM_DES3_ECB },\n};\nexport const OLD_TEMPLATE = [\n  { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_SECRET_KEY },\n  { type: pkcs11js.CKA_KEY_TYPE, value: pkcs11js.CKK_DES3 },\n];\n",
      filename: 'src/hsm/mechs.ts',
      errors: [
        { messageId: 'weakDigest', line: 3, column: 28, endLine: 3, endColumn: 54 },
        { messageId: 'weakCipher', line: 4, column: 27, endLine: 4, endColumn: 48 },
        { messageId: 'weakCipher', line: 8, column: 41, endLine: 8, endColumn: 58 },
      ],
    },
    {
      code: "const graphene = require('graphene-pk11');\nfunction pinKey(session) {\n  return session.generateKey(graphene.KeyGenMechanism.DES3, {\n    keyType: graphene.KeyType.DES3,\n    token: true,\n  });\n}\nmodule.exports = { pinKey };\n",
      filename: 'lib/pin-key.js',
      errors: [{ messageId: 'weakCipher', line: 3, column: 30, endLine: 3, endColumn: 59 }],
    },
    {
      code: "import { CompactEncrypt, importSPKI } from 'jose';\nexport async function toAgent(b: Uint8Array, pem: string, v: number) {\n  const alg = v < 2 ? 'RSA1_5' : 'RSA-OAEP-256';\n  const key = await importSPKI(pem, alg);\n  return new CompactEncrypt(b).setProtectedHeader({ alg, enc: 'A256GCM' }).encrypt(key);\n}\n",
      filename: 'src/jwe/agent.ts',
      errors: [
        {
          messageId: 'pkcs1Padding',
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: "'RSA-OAEP-256'" },
              output:
                "import { CompactEncrypt, importSPKI } from 'jose';\nexport async function toAgent(b: Uint8Array, pem: string, v: number) {\n  const alg = v < 2 ? 'RSA-OAEP-256' : 'RSA-OAEP-256';\n  const key = await importSPKI(pem, alg);\n  return new CompactEncrypt(b).setProtectedHeader({ alg, enc: 'A256GCM' }).encrypt(key);\n}\n",
            },
          ],
        },
      ],
    },
    {
      code: "import { utils } from 'ssh2';\nexport function clientKey(comment, old) {\n  return old ? utils.generateKeyPairSync('rsa', { bits: 1024, comment }) : utils.generateKeyPairSync('ed25519');\n}\n",
      filename: 'src/ssh/client-key.mjs',
      errors: [
        {
          messageId: 'smallModulus',
          line: 3,
          column: 57,
          endLine: 3,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'useSafer',
              data: { replacement: '3072' },
              output:
                "import { utils } from 'ssh2';\nexport function clientKey(comment, old) {\n  return old ? utils.generateKeyPairSync('rsa', { bits: 3072, comment }) : utils.generateKeyPairSync('ed25519');\n}\n",
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-weak-key-size (named protocol policies)', rule, {
  valid: [
    {
      code: "import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';\nexport function listen(lb: elbv2.ApplicationLoadBalancer) {\n  lb.addListener('Https', { port: 443, sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS });\n  lb.addListener('Fs', { port: 8443, sslPolicy: elbv2.SslPolicy.FORWARD_SECRECY_TLS12_RES_GCM });\n}\nexport const mode = { style: Theme.LEGACY };\n",
      filename: 'infra/lib/listeners.ts',
    },
  ],
  invalid: [
    {
      code: "import { SslPolicy } from 'aws-cdk-lib/aws-elasticloadbalancingv2';\nexport function listen(lb: any) {\n  lb.addListener('Old', { port: 443, sslPolicy: SslPolicy.LEGACY });\n  lb.addListener('Mixed', { port: 8443, sslPolicy: SslPolicy.TLS13_10 });\n}\n",
      filename: 'infra/lib/old-listeners.ts',
      errors: [
        { messageId: 'oldProtocol', line: 3, column: 49, endLine: 3, endColumn: 65 },
        { messageId: 'oldProtocol', line: 4, column: 52, endLine: 4, endColumn: 70 },
      ],
    },
  ],
});
