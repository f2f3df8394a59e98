/**
 * no-weak-key-size: algorithm lists held in a constant, a settings module or a class field rather than written in the
 * call that uses them (session 25, branch rule9kdf, class WA-3): ssh2's `kex`, `serverHostKey`, `hmac` and `cipher`
 * lists are judged where they are written, as the same lists inline in `connect({ algorithms })` are. Near misses:
 * strong lists, `{ remove: […] }`, holders named for what is turned off, and prose.
 */
import rule from '../../rules/no-weak-key-size.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-weak-key-size (held algorithm lists)', rule, {
  valid: [
    {
      // near misses: strong lists, removals, deny-named holders, prose
      code: "export const HARDENED = {\n  kex: ['curve25519-sha256', 'diffie-hellman-group16-sha512'],\n  cipher: { remove: ['3des-cbc', 'blowfish-cbc'] },\n  hmac: { remove: ['hmac-md5', 'hmac-sha1'] },\n};\n\nexport const disabledCiphers = ['3des-cbc', 'arcfour'];\nexport const REJECTED = { cipher: ['3des-cbc'] };\nexport const docs = { cipher: ['3des-cbc is refused by the gateway'] };\n",
      filename: 'src/ssh/hardened.ts',
    },
  ],
  invalid: [
    {
      // a CommonJS settings module: the lists are judged where they are written
      code: "'use strict';\n\nmodule.exports = {\n  mainframe: {\n    algorithms: {\n      kex: ['ecdh-sha2-nistp256', 'diffie-hellman-group1-sha1'],\n      hmac: ['hmac-sha2-256', 'hmac-md5-96'],\n    },\n  },\n};\n",
      filename: 'config/ssh-profiles.js',
      errors: [
        { messageId: 'smallModulus', line: 6, column: 35, endLine: 6, endColumn: 63 },
        { messageId: 'weakDigest', line: 7, column: 31, endLine: 7, endColumn: 44 },
      ],
    },
    {
      // a class field handed to ssh2 later
      code: "import { Client, type ConnectConfig } from 'ssh2';\n\nexport class LegacyTunnel {\n  private readonly algorithms = { serverHostKey: ['ssh-ed25519', 'ssh-dss'], cipher: ['aes256-ctr', 'blowfish-cbc'] };\n\n  open(cfg: ConnectConfig): Client {\n    const c = new Client();\n    c.connect({ ...cfg, algorithms: this.algorithms });\n    return c;\n  }\n}\n",
      filename: 'src/ssh/legacy-tunnel.ts',
      errors: [
        { messageId: 'smallModulus', line: 4, column: 66, endLine: 4, endColumn: 75 },
        { messageId: 'weakCipher', line: 4, column: 101, endLine: 4, endColumn: 115 },
      ],
    },
    {
      // written in the call: reported once (by the inline options check)
      code: "import { Client } from 'ssh2';\n\nexport function connectOld(host: string): Client {\n  const c = new Client();\n  c.connect({ host, algorithms: { kex: ['diffie-hellman-group1-sha1'] } });\n  return c;\n}\n",
      filename: 'src/ssh/connect-old.ts',
      errors: [{ messageId: 'smallModulus', line: 5, column: 41, endLine: 5, endColumn: 69 }],
    },
  ],
});
