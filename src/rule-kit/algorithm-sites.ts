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
  type AlgorithmSite,
} from '../catalogue/algorithms.js';
import type { AlgorithmChecks, AlgorithmReport } from './algorithm-checks.js';
import { propertyName, unwrap } from './ast.js';
import type { ImportMap } from './imports.js';
import { checkDigestArgument, checkSignedDigest } from './weak-digests.js';

const MAC_WHY =
  'a legacy MAC hash: RFC 6151 keeps HMAC-MD5 only for existing protocols and asks new ones to use SHA-256 or better';

/** The weak hash an HMAC names (`md5`, `HmacMD5`): MD5 and older only; HMAC-SHA-1 is still approved. */
const weakMacDigestOf = (name: string): string | undefined =>
  /^(?:hmac)?(md2|md4|md5)$/.exec(name.toLowerCase().replace(/[^a-z0-9]/g, ''))?.[1]?.toUpperCase();

/** JWT's unsecured algorithm (RFC 7519 §6): `none`, in any case. */
const isNoneAlgorithm = (alg: string): boolean => alg.toLowerCase() === 'none';

/** Whether a WebCrypto usages array (`['sign', 'verify']`) holds `usage`. */
function usagesInclude(node: TSESTree.Node | undefined, usage: string, check: AlgorithmChecks): boolean {
  const v = node && node.type !== T.SpreadElement ? unwrap(node) : undefined;
  return v?.type === T.ArrayExpression && v.elements.some((e) => e && check.str(e)?.value === usage);
}

/** A site whose own name is the hazard: ECB mode, an MD5 HMAC. */
function reportByName(
  site: AlgorithmSite,
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  report: AlgorithmReport,
) {
  const api = site.title;
  if (site.ecb) report(node.callee, 'ecbMode', { algorithm: 'ECB', api });
  if (site.macDigest)
    report(node.callee, 'weakDigest', { digest: `HMAC-${site.macDigest}`, algorithm: api, api, why: MAC_WHY });
}

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
    if (site.ecb || site.macDigest) reportByName(site, node, report);
    let keyPairType: string | undefined;
    for (const read of site.reads) {
      const raw = args[read.index];
      if (!raw || raw.type === T.SpreadElement) continue;
      const arg = read.property ? check.prop(raw, read.property) : raw;
      if (!arg) continue;
      switch (read.read) {
        case 'cipher-name': {
          const rs = check.strAll(arg);
          for (const r of rs) check.checkCipherName(r, api);
          if (rs.length === 0) check.checkCipherTemplate(arg, api);
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
          for (const r of check.strAll(check.prop(arg, 'namedCurve'))) check.checkCurve(r, api);
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
          for (const r of check.strAll(arg)) check.checkCurve(r, api);
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
          if (list) check.checkCipherList(list, api);
          break;
        }
        case 'signature-digest':
        case 'kdf-digest':
          checkDigestArgument(check, report, arg, read.read === 'kdf-digest' ? 'kdf' : 'signature', api);
          break;
        case 'pbkdf2-digest':
          checkDigestArgument(check, report, arg, 'password-kdf', api);
          break;
        case 'hmac-digest': {
          const d = check.str(arg);
          const digest = d && weakMacDigestOf(d.value);
          if (d && digest)
            report(d.node, 'weakDigest', { digest: `HMAC-${digest}`, algorithm: d.value, api, why: MAC_WHY });
          break;
        }
        case 'webcrypto-signing-key':
          if (usagesInclude(args.at(-1), 'sign', check)) checkDigestArgument(check, report, arg, 'signature', api);
          break;
        case 'key-pair-param': {
          const t = keyPairType?.toUpperCase();
          if (t === 'RSA' || t === 'DSA') check.checkModulus(check.num(arg), `${t} modulus`, api);
          else if (t === 'EC' || t === 'ECDSA') check.checkCurve(check.str(arg), api);
          break;
        }
        case 'node-rsa-options': {
          const scheme = check.prop(arg, 'encryptionScheme');
          const r = check.str(scheme) ?? check.str(check.prop(scheme, 'scheme'));
          if (r?.value.toLowerCase() === 'pkcs1') report(r.node, 'pkcs1Padding', { padding: r.value, api });
          break;
        }
        case 'tag-bits': {
          const tag = check.num(arg);
          if (tag && tag.value < minGcmTagBytes * 8) report(tag.node, 'shortTag', { api, bits: tag.value });
          break;
        }
        case 'sjcl-curve': {
          const a = unwrap(arg);
          const name = a.type === T.MemberExpression ? propertyName(a) : undefined;
          const bits = name ? /^c(\d{3})$/.exec(name)?.[1] : String(check.num(a)?.value ?? '');
          if (bits) check.checkCurve({ value: `P-${bits}`, node: a }, api);
          break;
        }
        case 'jwt-algorithm':
        case 'jwt-algorithm-list': {
          const v = unwrap(arg);
          const items = v.type === T.ArrayExpression ? v.elements : [v];
          for (const e of items) {
            const r = e && e.type !== T.SpreadElement ? check.str(e) : undefined;
            if (r && isNoneAlgorithm(r.value)) report(r.node, 'unsignedToken', { algorithm: r.value, api });
          }
          break;
        }
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
