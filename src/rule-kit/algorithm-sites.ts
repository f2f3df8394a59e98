/**
 * no-weak-key-size's reading of one algorithm-bearing call (catalogue `algorithmSites`): each argument
 * the site declares is read the way its `read` says (a cipher name, key-pair options, a modulus, a curve,
 * WebCrypto parameters, a GCM tag, an RSA padding, crypto-js options, key bytes) and judged by the checks.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  cipherTokens,
  cryptoJsEcbModules,
  cryptoJsSaferCipher,
  dhGroups,
  isPkcs1EncryptionPadding,
  minGcmTagBytes,
  rsaPkcs1EncryptionPadding,
  weakCipherOf,
  weakCipherSuiteItems,
  type AlgorithmSite,
} from '../catalogue/algorithms.js';
import type { AlgorithmChecks, AlgorithmReport } from './algorithm-checks.js';
import { propertyName, unwrap } from './ast.js';
import type { ImportMap } from './imports.js';
import { checkDigestArgument, checkSignedDigest } from './weak-digests.js';

const TLS_LIST_WHY =
  'turned on in a TLS cipher list; RFC 9325 §4.2 asks for ECDHE suites with AES-GCM or ChaCha20-Poly1305';

export type SiteChecker = (site: AlgorithmSite, node: TSESTree.CallExpression | TSESTree.NewExpression) => void;

/** Judges the arguments of a call that matched `site`, reporting through `report`. */
export function createSiteChecker(
  check: AlgorithmChecks,
  report: AlgorithmReport,
  imports: () => ImportMap,
  minBits: number,
  getScope: (n: TSESTree.Node) => TSESLint.Scope.Scope,
): SiteChecker {
  /** A named DH group (`modp2`) smaller than the minimum. */
  const checkDhGroup = (g: { value: string; node: TSESTree.Node } | undefined, api: string): void => {
    if (g && (dhGroups[g.value] ?? Infinity) < minBits)
      report(
        g.node,
        'smallModulus',
        { what: `DH group ${g.value}`, bits: dhGroups[g.value]!, min: minBits, api },
        { text: check.quoted(g.node, 'modp15'), label: "'modp15' (3072 bits)" },
      );
  };

  return (site, node) => {
    const api = site.title;
    const args = node.arguments;
    if (site.cipher) {
      const weak = weakCipherOf(site.cipher);
      if (weak) {
        // Point at the cipher's own name in the callee: `CryptoJS.DES.encrypt` → `DES`.
        const callee = unwrap(node.callee);
        const nameNode =
          callee.type === T.MemberExpression && callee.object.type === T.MemberExpression
            ? callee.object.property
            : callee;
        const isCryptoJs = site.id.startsWith('crypto-js.');
        report(
          nameNode,
          'weakCipher',
          { cipher: weak.title, algorithm: site.cipher, api, why: weak.why },
          isCryptoJs && nameNode.type === T.Identifier
            ? { text: cryptoJsSaferCipher, label: `CryptoJS.${cryptoJsSaferCipher}` }
            : undefined,
        );
      }
    }
    if (site.signedDigest) checkSignedDigest(report, node, site.signedDigest, api, getScope(node));
    let keyPairType: string | undefined;
    for (const read of site.reads) {
      const raw = args[read.index];
      if (!raw || raw.type === T.SpreadElement) continue;
      const arg = read.property ? check.prop(raw, read.property) : raw;
      if (!arg) continue;
      switch (read.read) {
        case 'cipher-name': {
          const r = check.str(arg);
          if (r) check.checkCipherName(r, api);
          else check.checkCipherTemplate(arg, api);
          break;
        }
        case 'key-pair-type':
          keyPairType = check.str(arg)?.value;
          break;
        case 'key-pair-options': {
          const t = keyPairType ?? '';
          if (t === 'dh') {
            check.checkModulus(check.num(check.prop(arg, 'primeLength')), 'DH prime', api);
            checkDhGroup(check.str(check.prop(arg, 'group')), api);
          } else if (t !== 'ec' && t !== 'ed25519' && t !== 'ed448' && t !== 'x25519' && t !== 'x448') {
            check.checkModulus(
              check.num(check.prop(arg, 'modulusLength')),
              `${t ? t.toUpperCase() : 'RSA'} modulus`,
              api,
            );
          }
          check.checkCurve(check.str(check.prop(arg, 'namedCurve')), api);
          break;
        }
        case 'secret-key-type':
          keyPairType = check.str(arg)?.value;
          break;
        case 'secret-key-options':
          check.checkSymmetricBits(check.num(check.prop(arg, 'length')), keyPairType === 'aes' ? 'AES' : 'HMAC', api);
          break;
        case 'modulus-bits':
          check.checkModulus(check.num(arg), 'RSA modulus', api);
          break;
        case 'dh-prime-bits':
          check.checkModulus(check.num(arg), 'DH prime', api);
          break;
        case 'dh-group': {
          checkDhGroup(check.str(arg), api);
          break;
        }
        case 'curve-name':
          check.checkCurve(check.str(arg), api);
          break;
        case 'webcrypto-algorithm':
        case 'webcrypto-params':
          check.checkWebCryptoAlgorithm(arg, api, read.read === 'webcrypto-algorithm');
          break;
        case 'cipher-options': {
          const cipher = check.str(args[0])?.value;
          const tag = check.num(check.prop(arg, 'authTagLength'));
          if (tag && tag.value < minGcmTagBytes && check.tagAlgorithmApplies(cipher))
            report(
              tag.node,
              'shortTag',
              { api, bits: tag.value * 8 },
              check.numberLiteral(tag)
                ? { text: String(minGcmTagBytes), label: `authTagLength: ${minGcmTagBytes}` }
                : undefined,
            );
          break;
        }
        case 'auth-tag':
          if (node.type === T.CallExpression) check.checkAuthTag(arg, check.cipherOfReceiver(node), api);
          break;
        case 'rsa-padding-options': {
          const pad = check.prop(arg, 'padding');
          const p = pad && unwrap(pad);
          const id = p?.type === T.MemberExpression ? p.property : p?.type === T.Identifier ? p : undefined;
          const padName =
            p?.type === T.MemberExpression ? propertyName(p) : p?.type === T.Identifier ? p.name : undefined;
          if (id && padName && isPkcs1EncryptionPadding(padName)) {
            report(
              p!,
              'pkcs1Padding',
              { padding: padName, api },
              id.type === T.Identifier && p!.type === T.MemberExpression
                ? { text: rsaPkcs1EncryptionPadding.nodeReplacement, node: id }
                : undefined,
            );
          }
          break;
        }
        case 'crypto-js-options': {
          const mode = check.prop(arg, 'mode');
          const m = mode && unwrap(mode);
          const isEcbMode =
            (m?.type === T.MemberExpression && propertyName(m) === 'ECB') ||
            (m?.type === T.Identifier &&
              (cryptoJsEcbModules as readonly string[]).includes(imports().get(m.name)?.module ?? ''));
          if (m && isEcbMode) {
            report(
              m,
              'ecbMode',
              { algorithm: 'CryptoJS.mode.ECB', api },
              m.type === T.MemberExpression && m.property.type === T.Identifier
                ? {
                    text: 'CBC',
                    node: m.property,
                    label: 'CryptoJS.mode.CBC with a random IV and an HMAC over IV and ciphertext',
                  }
                : undefined,
            );
          }
          break;
        }
        case 'tag-bits-options': {
          const tag = check.num(check.prop(arg, 'tagLength'));
          const bits = minGcmTagBytes * 8;
          if (node.type === T.CallExpression && tag && tag.value < bits) {
            const cipher = check.cipherOfReceiver(node);
            if (cipher !== undefined && check.tagAlgorithmApplies(cipher))
              report(
                tag.node,
                'shortTag',
                { api, bits: tag.value },
                check.numberLiteral(tag) ? { text: '128' } : undefined,
              );
          }
          break;
        }
        case 'jwe-alg': {
          // RSA1_5 is RSAES-PKCS1-v1_5 key transport (RFC 7518 §4.2): the same padding oracle.
          const alg = check.str(arg);
          const { jweAlgorithm, jweReplacement } = rsaPkcs1EncryptionPadding;
          if (alg?.value.toUpperCase() === jweAlgorithm)
            report(
              alg.node,
              'pkcs1Padding',
              { padding: alg.value, api },
              alg.foreign
                ? undefined
                : { text: check.quoted(alg.node, jweReplacement), label: check.q(jweReplacement) },
            );
          break;
        }
        case 'tls-cipher-list': {
          const list = check.str(arg);
          const weak = list ? weakCipherSuiteItems(list.value)[0] : undefined;
          if (list && weak)
            report(list.node, 'weakCipher', { cipher: weak.title, algorithm: weak.item, api, why: TLS_LIST_WHY });
          break;
        }
        case 'signature-digest':
        case 'kdf-digest':
          checkDigestArgument(check, report, arg, read.read === 'kdf-digest' ? 'kdf' : 'signature', api);
          break;
        case 'pbkdf2-digest':
          checkDigestArgument(check, report, arg, 'password-kdf', api);
          break;
        case 'key-bytes':
          check.checkKeyBytes(
            arg,
            site.id.includes('Hmac')
              ? 'HMAC'
              : site.id.includes('Cipher')
                ? cipherTokens(check.str(args[0])?.value ?? 'cipher').toUpperCase()
                : 'secret',
            api,
          );
          break;
      }
    }
  };
}
