/**
 * no-weak-key-size: the cipher of `openssl enc` run from code (session 25, branch rule9kdf, class WA-6), also when the
 * argument array is handed to a same-file wrapper (`runOpenssl(['enc', '-des-ede3-cbc', …])`) or the cipher is the
 * subcommand (`openssl aes-128-ecb`), and Node's `createDiffieHellmanGroup`, the alias of `getDiffieHellman` (WA-7).
 */
import rule from '../../rules/no-weak-key-size.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-weak-key-size (openssl enc, DH group alias)', rule, {
  valid: [
    {
      // near misses: AES-CBC with PBKDF2, ChaCha20 as the subcommand, enc -list, a 2048-bit group
      code: "import { execFileSync, spawn } from 'node:child_process';\nimport { createDiffieHellmanGroup } from 'node:crypto';\n\nexport const archive = (src: string, dst: string) =>\n  execFileSync('openssl', ['enc', '-aes-256-cbc', '-pbkdf2', '-iter', '600000', '-in', src, '-out', dst, '-pass', 'env:ARCHIVE_PW']);\n\nfunction runOpenssl(args: string[]) {\n  return spawn('openssl', args);\n}\n\nexport const modernExport = (src: string) => runOpenssl(['chacha20', '-K', process.env.EXPORT_KEY ?? '', '-iv', '00', '-in', src]);\nexport const listCiphers = () => runOpenssl(['enc', '-list']);\n\nexport function peerDh() {\n  return createDiffieHellmanGroup('modp14');\n}\n",
      filename: 'src/ops/modern.ts',
    },
  ],
  invalid: [
    {
      // openssl enc's cipher (direct, through a same-file wrapper, as the subcommand), and Node's createDiffieHellmanGroup alias
      code: "import { execFileSync, spawn } from 'node:child_process';\nimport { createDiffieHellmanGroup } from 'node:crypto';\n\nexport const tapeCopy = (src: string, dst: string) =>\n  execFileSync('openssl', ['enc', '-bf-cbc', '-pbkdf2', '-iter', '600000', '-in', src, '-out', dst, '-pass', 'env:TAPE_PW']);\n\nfunction runOpenssl(args: string[]) {\n  return spawn('openssl', args);\n}\n\nexport const legacyExport = (src: string) => runOpenssl(['enc', '-des-ede3-cbc', '-K', process.env.EXPORT_KEY ?? '', '-iv', '0', '-in', src]);\nexport const ecbExport = (src: string) => runOpenssl(['aes-128-ecb', '-K', process.env.EXPORT_KEY ?? '', '-in', src]);\n\nexport function labDh() {\n  const dh = createDiffieHellmanGroup('modp1');\n  dh.generateKeys();\n  return dh;\n}\n",
      filename: 'src/ops/legacy.ts',
      errors: [
        { messageId: 'weakCipher', line: 5, column: 35, endLine: 5, endColumn: 44 },
        { messageId: 'weakCipher', line: 11, column: 65, endLine: 11, endColumn: 80 },
        { messageId: 'ecbMode', line: 12, column: 55, endLine: 12, endColumn: 68 },
        {
          messageId: 'smallModulus',
          line: 15,
          column: 39,
          endLine: 15,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useSafer',
              output:
                "import { execFileSync, spawn } from 'node:child_process';\nimport { createDiffieHellmanGroup } from 'node:crypto';\n\nexport const tapeCopy = (src: string, dst: string) =>\n  execFileSync('openssl', ['enc', '-bf-cbc', '-pbkdf2', '-iter', '600000', '-in', src, '-out', dst, '-pass', 'env:TAPE_PW']);\n\nfunction runOpenssl(args: string[]) {\n  return spawn('openssl', args);\n}\n\nexport const legacyExport = (src: string) => runOpenssl(['enc', '-des-ede3-cbc', '-K', process.env.EXPORT_KEY ?? '', '-iv', '0', '-in', src]);\nexport const ecbExport = (src: string) => runOpenssl(['aes-128-ecb', '-K', process.env.EXPORT_KEY ?? '', '-in', src]);\n\nexport function labDh() {\n  const dh = createDiffieHellmanGroup('modp15');\n  dh.generateKeys();\n  return dh;\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
