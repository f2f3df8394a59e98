/**
 * External formats and protocols that fix a weak primitive (docs/rules/no-weak-key-size.md, "Fixed formats and
 * legacy reads"; issue 11, session 36). Code that reads such a key file or speaks such a protocol cannot choose the
 * primitive: the file was written by another program, the peer demands the exchange. A finding of the primitive is
 * left out of `recommended` and kept in `strict` at low severity (`legacyPaths: 'all'`) when the module shows it
 * implements the format (a magic string the specification defines, or a function named for the format) and, for a
 * key file, only reads it (no encrypting call in the module: a writer of the old format is still reported).
 *
 * Each entry's `literal` is tested against the string literals of the module, its `name` against the names of the
 * module's functions and classes (as written, lower case, and as `normaliseName` writes them), and `primitives`
 * against the weak algorithm and digest a no-weak-key-size finding names (lower case: `des-ecb`, `hmac-md5`).
 * `passwordKey` says the format also fixes how a passphrase becomes the key (a no-password-as-key finding in a
 * read-only module is the format's too).
 */
import type { Samples } from './types.js';

export interface FixedFormat {
  readonly id: string;
  /** The format in words, for the message (`the PuTTY key-file format (PPK v2)`). */
  readonly title: string;
  /** `key-file`: data another program wrote, excused only where the module never encrypts; `protocol`: both ways. */
  readonly kind: 'key-file' | 'protocol';
  /** A string the format's specification defines (a magic constant, a header name). */
  readonly literal: RegExp;
  /** A function or class named for the format. */
  readonly name: RegExp;
  /** The weak primitives the format fixes, as a no-weak-key-size finding names them (lower case, `hmac-md5`). */
  readonly primitives: readonly string[];
  /** Whether the format fixes how a passphrase becomes the key (one plain hash of it). */
  readonly passwordKey: boolean;
  readonly samples: { readonly literal: Samples; readonly name: Samples };
}

export const fixedFormats: readonly FixedFormat[] = [
  {
    id: 'putty-ppk-v2',
    // PuTTY's key-file format version 2: the key is SHA-1(0,0,0,0 || passphrase) || SHA-1(0,0,0,1 || passphrase) and
    // the MAC is HMAC-SHA-1 keyed by SHA-1("putty-private-key-file-mac-key" || passphrase) (PuTTY manual, appendix C).
    title: 'the PuTTY key-file format (PPK v2)',
    kind: 'key-file',
    literal: /^(?:putty-private-key-file-mac-key|PuTTY-User-Key-File-2)/,
    name: /(?:^|_)(?:ppk|putty)(?:_|$)/,
    primitives: ['sha1'],
    passwordKey: true,
    samples: {
      literal: {
        positive: ['putty-private-key-file-mac-key', 'PuTTY-User-Key-File-2: ssh-rsa'],
        negative: ['putty', 'private-key-file', 'PuTTY-User-Key-File-3'],
      },
      name: { positive: ['PPK_Private', 'parse_ppk', 'readPuttyKey'], negative: ['appKey', 'happy', 'puttyish'] },
    },
  },
  {
    id: 'openssl-traditional-pem',
    // OpenSSL's traditional encrypted PEM (RFC 1421 headers): the key is EVP_BytesToKey(MD5, passphrase, iv[0..8]),
    // one round, and the cipher is named in DEK-Info (DES-CBC and DES-EDE3-CBC among them).
    title: "OpenSSL's traditional encrypted PEM (Proc-Type: 4,ENCRYPTED; DEK-Info)",
    kind: 'key-file',
    literal: /^(?:DEK-Info|Proc-Type)(?::|$)/,
    name: /(?:^|_)(?:traditional_pem|dek_info)(?:_|$)/,
    primitives: ['md5', 'des', 'des-cbc', 'des-ede3-cbc'],
    passwordKey: true,
    samples: {
      literal: {
        positive: ['DEK-Info', 'Proc-Type: 4,ENCRYPTED', 'Proc-Type'],
        negative: ['Content-Type', 'DEK', 'info'],
      },
      name: { positive: ['readTraditionalPem', 'parse_dek_info'], negative: ['pemFile', 'traditional', 'dekInfos'] },
    },
  },
  {
    id: 'ntlm',
    // MS-NLMP: the LM and NTLM responses are DES-ECB of the server challenge under 7-byte pieces of the hash, LM
    // hashes DES-ECB the magic "KGS!@#$%", and NTLMv2 is HMAC-MD5 throughout (MS-NLMP §3.3.1, §3.3.2).
    title: 'the NTLM authentication protocol (MS-NLMP)',
    kind: 'protocol',
    literal: /^(?:KGS!@#\$%|NTLMSSP)/,
    name: /ntlm|(?:^|_)lm_?(?:v2|hash|response)(?:_|$)/,
    primitives: ['des-ecb', 'hmac-md5'],
    passwordKey: false,
    samples: {
      literal: { positive: ['KGS!@#$%', 'NTLMSSP\0'], negative: ['KGS', 'ntlm', 'Negotiate'] },
      name: {
        positive: ['createNTLMv2Hash', 'NtlmClient', 'create_lm_hash', 'lmv2Response'],
        negative: ['calculateDES', 'helmHash', 'html_response', 'film_response'],
      },
    },
  },
];
