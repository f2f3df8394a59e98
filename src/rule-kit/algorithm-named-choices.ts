/**
 * Algorithm choices written as a library's own names inside an options object (catalogue `namedChoices`):
 * openpgp's `preferredSymmetricAlgorithm: openpgp.enums.symmetric.tripledes` and `preferredHashAlgorithm:
 * enums.hash.sha1`, ssh2's `hmac`/`kex`/`serverHostKey` lists (`hmac-md5`, `diffie-hellman-group1-sha1`,
 * `ssh-dss`), the XML-Enc RSA PKCS#1 v1.5 identifier as a key-transport option, and a key algorithm enum member
 * that carries its size (`keyAlgorithm: acm.KeyAlgorithm.RSA_1024`). Constant work per option.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { namedChoices } from '../catalogue/algorithm-libraries.js';
import { modulusBitsInName, weakCipherOf } from '../catalogue/algorithms.js';
import type { AlgorithmChecks, AlgorithmReport } from './algorithm-checks.js';
import { propertyName, unwrap } from './ast.js';

const SIGNATURE_WHY =
  'deprecated for new signatures and messages (RFC 9580 §9.5; NIST SP 800-131A Rev. 2 disallows SHA-1 for ' +
  'signature generation)';
const SSH_SIGNATURE_WHY =
  'SHA-1 signs the key exchange or the host key: RFC 8332 and RFC 9142 retire it (OpenSSH refuses ssh-rsa since ' +
  '8.8); use rsa-sha2-256/512, ssh-ed25519 and curve25519-sha256';
const MAC_WHY = 'a legacy MAC: RFC 6151 keeps HMAC-MD5 only for existing protocols (RFC 9142 for SSH)';

/** Judges one option `key: value` of a call's options for a library's named weak choice. */
export function checkNamedChoice(
  check: AlgorithmChecks,
  report: AlgorithmReport,
  p: TSESTree.Property,
  key: string,
  minBits: number,
  api: string,
): void {
  const v = unwrap(p.value);
  if (namedChoices.openpgpPreference.test(key) && v.type === T.MemberExpression) {
    const member = propertyName(v);
    const group = v.object.type === T.MemberExpression ? propertyName(v.object) : undefined;
    const weak = group && member ? namedChoices.openpgpWeak[group]?.[member] : undefined;
    const cipher = weak && group === 'symmetric' ? weakCipherOf(weak) : undefined;
    if (cipher) report(v, 'weakCipher', { cipher: cipher.title, algorithm: member!, api, why: cipher.why });
    else if (weak) report(v, 'weakDigest', { digest: weak, algorithm: member!, api, why: SIGNATURE_WHY });
    return;
  }
  if ((namedChoices.sshLists as readonly string[]).includes(key) && v.type === T.ArrayExpression) {
    for (const e of v.elements) {
      const r = e && e.type !== T.SpreadElement ? check.str(e) : undefined;
      const weak = r ? namedChoices.sshWeak[r.value] : undefined;
      if (!r || !weak) continue;
      if (weak.kind === 'digest')
        report(r.node, 'weakDigest', { digest: `HMAC-${weak.digest}`, algorithm: r.value, api, why: MAC_WHY });
      else if (weak.kind === 'signature')
        report(r.node, 'weakDigest', { digest: weak.digest, algorithm: r.value, api, why: SSH_SIGNATURE_WHY });
      else if (weak.bits < minBits)
        report(r.node, 'smallModulus', { what: weak.what, bits: weak.bits, min: minBits, api });
    }
    return;
  }
  // Only an option named for an algorithm is read as text (`keyEncryptionAlgorithm`), so other options cost nothing.
  const s = /alg/i.test(key) ? check.str(v) : undefined;
  if (s && !s.foreign && s.value === namedChoices.xmlEncRsa15) {
    report(s.node, 'pkcs1Padding', { padding: s.value, api });
    return;
  }
  // `keyAlgorithm: acm.KeyAlgorithm.RSA_1024`: an enum member whose name carries the key size.
  if (v.type === T.MemberExpression && /algorithm|keyspec|key_spec/i.test(key)) {
    const bits = modulusBitsInName(propertyName(v) ?? '');
    if (bits !== undefined && bits < minBits) report(v, 'smallModulus', { what: 'A modulus', bits, min: minBits, api });
  }
}
