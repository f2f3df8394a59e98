/**
 * Algorithm choices written inline in the options of a call to a library the catalogue does not list as a site
 * (`openpgp.generateKey({ type: 'rsa', rsaBits: 1024 })`, Azure Key Vault `createRsaKey(name, { keySize: 1024 })`,
 * `cryptoClient.wrapKey('RSA1_5', key)`, `client.encrypt({ algorithm: 'RSA1_5', plaintext })`, `new Kms({ curve:
 * 'secp192k1' })`). The option's NAME says what it selects (the catalogue's `algorithmSettings`, the same names
 * the held-constant check reads), so no list of libraries is needed; a bare key size counts only in a call named
 * for making a key, and `RSA1_5` only as an `alg`/`algorithm` option or the first argument of an encrypt or wrap
 * call. Constant work per object argument of a call.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  algorithmSettingOf,
  bareKeySizeModulusFloor,
  cipherListRemoval,
  disabledAlgorithmsName,
  inlineDigestOption,
  isSignatureDigestSetting,
  jwsAlgorithmName,
  keyMaterialOption,
  rsaPkcs1EncryptionPadding,
  weakCipherOf,
  weakCipherSuiteItems,
  weakSignatureChoiceOf,
  xmlDsigAlgorithmUri,
} from '../catalogue/algorithms.js';
import { normaliseName } from '../detect/names.js';
import type { AlgorithmChecks, AlgorithmReport } from './algorithm-checks.js';
import { namedChoices } from '../catalogue/algorithm-libraries.js';
import {
  algorithmOptionKeys,
  bareSizeOption,
  cipherCall,
  keyMakerCall,
  modulusAlgorithm,
  rsaTransportMethods,
} from '../catalogue/index.js';
import { checkNamedChoice } from './algorithm-named-choices.js';
import { propertyName, unwrap } from './ast.js';

const SIGNATURE_WHY =
  'broken for signatures: collisions are practical (SHAttered 2017, chosen-prefix 2020), and NIST SP ' +
  '800-131A Rev. 2 disallows SHA-1 for signature generation';

/** One options object of a call, with the normalised names of the keys that lead to it (outermost first). */
interface OptionsObject {
  readonly object: TSESTree.ObjectExpression;
  readonly path: readonly string[];
  /** The call is handed key material as an argument of its own (`encrypt(key, pw, { … })`). */
  readonly keyedCall?: boolean;
  /** A key-making call named for an algorithm with a modulus (`generateKeyPairSync('rsa', { bits })`). */
  readonly modulusCall?: boolean;
}

/** An argument named as key material (`password`, `privateKey`, `this.secret`): the call runs with that key. */
const keyArgument = (a: TSESTree.Node): boolean => {
  const u = unwrap(a);
  const name = u.type === T.Identifier ? u.name : u.type === T.MemberExpression ? propertyName(u) : undefined;
  return name !== undefined && keyMaterialOption.pattern.test(normaliseName(name));
};

const optionNames = (o: TSESTree.ObjectExpression): string[] =>
  o.properties.flatMap((p) => {
    const k = p.type === T.Property && !p.computed ? propertyName(p) : undefined;
    return k === undefined ? [] : [normaliseName(k)];
  });

/** The name the callee ends in: `createRsaKey` for `client.createRsaKey(…)`, `Kms` for `new sdk.Kms(…)`. */
function calleeName(node: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const c = unwrap(node.callee);
  if (c.type === T.Identifier) return c.name;
  // A class that extends a library's (`class JwtStrategy extends PassportStrategy(Strategy)`) passes its options up.
  if (c.type === T.Super) return 'super';
  return c.type === T.MemberExpression ? propertyName(c) : undefined;
}

export type InlineOptionChecker = (node: TSESTree.CallExpression | TSESTree.NewExpression) => void;

/** Whether an object literal is written in a call's arguments (there the inline checker reads it). */
function inCallArguments(obj: TSESTree.ObjectExpression): boolean {
  let n: TSESTree.Node = obj;
  for (let p = n.parent; p; n = p, p = p.parent) {
    if ((p.type === T.CallExpression || p.type === T.NewExpression) && p.arguments.includes(n as never)) return true;
    if (p.type !== T.Property && p.type !== T.ObjectExpression && p.type !== T.TSAsExpression) return false;
  }
  return false;
}

/**
 * Algorithm lists held in a constant rather than written in the call (`export const LEGACY: Algorithms = { kex:
 * ['diffie-hellman-group1-sha1'], cipher: ['3des-cbc'], hmac: ['hmac-md5'] }`, handed to ssh2 elsewhere): judged
 * where they are written, as the same lists inline. Only list values: a single held choice is
 * `algorithmConstantOf`'s.
 */
export function createHeldListChecker(
  check: AlgorithmChecks,
  report: AlgorithmReport,
  minBits: number,
): (p: TSESTree.Property) => void {
  return (p) => {
    if (p.computed || unwrap(p.value).type !== T.ArrayExpression || p.parent.type !== T.ObjectExpression) return;
    if (inCallArguments(p.parent)) return;
    const key = propertyName(p);
    if (key === undefined) return;
    const norm = normaliseName(key);
    const api = `the setting ${key}`;
    // `REJECTED = { cipher: […] }`, `weak: { hmac: […] }`: what the holders say is turned off is no choice.
    const outer = enclosingNames(p.parent);
    if (outer.some((k) => disabledAlgorithmsName.pattern.test(k))) return;
    if ((namedChoices.sshLists as readonly string[]).includes(key)) {
      checkNamedChoice(check, report, p, key, minBits, api);
      return;
    }
    const setting = algorithmSettingOf(norm)?.id;
    if (setting === 'cipher-list' || setting === 'cipher') checkCipherList(check, report, p.value, [norm], api);
  };
}

/** The normalised names an object literal is held under, innermost first (`{ a: { b: {…} } }` → b, a). */
function enclosingNames(obj: TSESTree.ObjectExpression): string[] {
  const out: string[] = [];
  let n: TSESTree.Node = obj;
  for (let p = n.parent; p && out.length < 4; n = p, p = p.parent) {
    if (p.type === T.TSAsExpression || p.type === T.TSSatisfiesExpression || p.type === T.ObjectExpression) continue;
    const name =
      p.type === T.Property || p.type === T.PropertyDefinition
        ? propertyName(p)
        : p.type === T.VariableDeclarator && p.id.type === T.Identifier
          ? p.id.name
          : undefined;
    if (name === undefined) break;
    out.push(normaliseName(name));
    if (p.type !== T.Property) break;
  }
  return out;
}

/** ssh2 `algorithms: { cipher: ['aes128-ctr', '3des-cbc'] }`, `{ append: ['3des-cbc'] }`: the weak names offered. */
function checkCipherList(
  check: AlgorithmChecks,
  report: AlgorithmReport,
  value: TSESTree.Node,
  path: readonly string[],
  api: string,
): void {
  if (path.some((k) => disabledAlgorithmsName.pattern.test(k) || cipherListRemoval.test(k))) return;
  const v = unwrap(value);
  if (v.type === T.ObjectExpression) {
    for (const q of v.properties) {
      const k = q.type === T.Property && !q.computed ? propertyName(q) : undefined;
      if (k !== undefined && q.type === T.Property && unwrap(q.value).type === T.ArrayExpression)
        checkCipherList(check, report, q.value, [...path, normaliseName(k)], api);
    }
    return;
  }
  if (v.type !== T.ArrayExpression) return;
  const items = v.elements.map((e) => (e && e.type !== T.SpreadElement ? check.str(e) : undefined));
  // A list of algorithm identifiers only (no prose, no computed entries).
  if (items.some((i) => !i || i.foreign || /\s/.test(i.value))) return;
  // No suggestion: a protocol's own names (`aes256-gcm@openssh.com`) are not OpenSSL's.
  for (const i of items) {
    const weak = weakCipherSuiteItems(i!.value).length > 0 ? weakCipherOf(i!.value) : undefined;
    if (weak) report(i!.node, 'weakCipher', { cipher: weak.title, algorithm: i!.value, api, why: weak.why });
  }
}

/**
 * `algorithms: ['HS256', 'none']` in any call's options: a list of the JWS algorithms a verifier accepts (a signing
 * algorithm beside `'none'` says so, catalogue `jwsAlgorithmName`) that lets unsigned tokens in (RFC 8725 §3.1). A list
 * that names no signing algorithm (`algorithms: ['none', 'gzip']`) is some other list.
 */
function checkAcceptedAlgorithms(check: AlgorithmChecks, report: AlgorithmReport, value: TSESTree.Node, api: string) {
  const v = unwrap(value);
  if (v.type !== T.ArrayExpression) return;
  const items = v.elements.map((e) => (e && e.type !== T.SpreadElement ? check.str(e) : undefined));
  if (!items.some((r) => r && !r.foreign && jwsAlgorithmName.pattern.test(r.value))) return;
  for (const r of items)
    if (r && !r.foreign && r.value.toLowerCase() === 'none')
      report(r.node, 'unsignedToken', { algorithm: r.value, api });
}

/** The branches of a choice written inline (`a ? x : b ? y : z` → x, y, z); the expression itself otherwise. */
const choiceBranches = (n: TSESTree.Node): TSESTree.Node[] => {
  const u = unwrap(n);
  return u.type === T.ConditionalExpression ? [...choiceBranches(u.consequent), ...choiceBranches(u.alternate)] : [n];
};

/** Judges algorithm options written inline in any call, reporting through `report`. */
export function createInlineOptionChecker(
  check: AlgorithmChecks,
  report: AlgorithmReport,
  minBits: number,
): InlineOptionChecker {
  const pkcs1 = (lit: TSESTree.Node, api: string): void => {
    // One value, or each branch of a choice (`version < 2 ? 'RSA1_5' : 'RSA-OAEP-256'`): the weak branch still runs.
    for (const r of check.strAll(lit)) {
      if (r.value !== rsaPkcs1EncryptionPadding.jweAlgorithm || r.foreign) continue;
      const replacement = rsaPkcs1EncryptionPadding.jweReplacement;
      report(r.node, 'pkcs1Padding', { padding: r.value, api }, { text: check.quoted(r.node, replacement) });
    }
  };

  /** `signatureAlgorithm: 'sha1'`, `digestAlgorithm: '…xmldsig#sha1'` beside a signing option. */
  const checkSignatureDigest = (p: TSESTree.Property, key: string, ctx: OptionsObject, callee: string, api: string) => {
    // Only a digest or signature-digest option can be reported: any other key returns before its value is read
    // (reading it goes through the flow engine), and the sibling names are listed only when they decide.
    const digestSetting = isSignatureDigestSetting(key);
    if (!digestSetting && !inlineDigestOption.digest.test(key)) return;
    // A library's digest table read by member (`forge.pki.oids.sha1`, `md.sha1`): the member names the digest.
    // Each branch of a choice (`legacy ? 'sha1' : 'sha256'`): the weak branch still runs.
    if (disabledAlgorithmsName.pattern.test(key)) return;
    for (const b of choiceBranches(p.value)) {
      const v = unwrap(b);
      const member = v.type === T.MemberExpression && !v.computed ? propertyName(v) : undefined;
      for (const r of member !== undefined ? [{ value: member, node: v, foreign: false }] : check.strAll(b)) {
        const digest = r.foreign ? undefined : weakSignatureChoiceOf(r.value);
        if (!digest) continue;
        // Signing: the option or a sibling says so, or the call is named for signing
        // (`p7.addSigner({ digestAlgorithm })`).
        const signing =
          digestSetting ||
          xmlDsigAlgorithmUri.pattern.test(r.value) ||
          (ctx.path.length === 0 && inlineDigestOption.signingCall.test(callee)) ||
          optionNames(ctx.object).some((s) => isSignatureDigestSetting(s) || inlineDigestOption.signingSibling.test(s));
        if (signing) report(r.node, 'weakDigest', { digest, algorithm: r.value, api, why: SIGNATURE_WHY });
      }
    }
  };

  /**
   * A weak cipher chosen inline, where the call runs it: a key option beside it, key material handed to the same
   * call (`toPkcs12Asn1(key, certs, password, { algorithm: '3des' })`), or a call named for encrypting.
   */
  const checkCipherOption = (p: TSESTree.Property, ctx: OptionsObject, callee: string, api: string): void => {
    if (ctx.path.some((k) => disabledAlgorithmsName.pattern.test(k))) return;
    const keyed = optionNames(ctx.object).some((n) => keyMaterialOption.pattern.test(n)) || ctx.keyedCall === true;
    if (keyed || cipherCall.pattern.test(callee))
      for (const r of check.strAll(p.value)) if (!r.foreign) check.checkCipherName(r, api);
  };

  const checkOption = (p: TSESTree.Property, ctx: OptionsObject, callee: string): void => {
    const key = propertyName(p);
    if (key === undefined) return;
    const api = `${callee}({ ${key} })`;
    checkNamedChoice(check, report, p, key, minBits, api);
    if (key === 'algorithms') checkAcceptedAlgorithms(check, report, p.value, api);
    const norm = normaliseName(key);
    checkSignatureDigest(p, norm, ctx, callee, api);
    const setting = algorithmSettingOf(norm)?.id;
    if (setting === 'cipher-list' || setting === 'cipher')
      checkCipherList(check, report, p.value, [...ctx.path, norm], api);
    if (algorithmOptionKeys.names.has(key)) {
      pkcs1(p.value, api);
      checkCipherOption(p, ctx, callee, api);
      return;
    }
    if (setting === 'cipher') checkCipherOption(p, ctx, callee, api);
    else if (setting === 'protocol-version') check.checkProtocol(p.value, api);
    else if (setting === 'curve') for (const r of check.strAll(p.value)) check.checkCurve(r, api);
    else if (ctx.modulusCall && ctx.path.length === 0 && bareSizeOption.pattern.test(norm))
      check.checkModulus(check.num(p.value), 'A modulus', api);
    else if (setting === 'key-size' && cipherCall.pattern.test(callee) && !keyMakerCall.pattern.test(callee)) {
      // An encrypt call given a password or key beside its key length (a PDF's `encrypt({ password, keyLength: 40 })`):
      // a length in bits, read as one only from 40 up in whole bytes (crypto-js counts `keySize` in 32-bit words).
      const n = check.num(p.value);
      const keyed = optionNames(ctx.object).some((o) => keyMaterialOption.pattern.test(o)) || ctx.keyedCall === true;
      if (n && !n.foreign && keyed && n.value >= 40 && n.value % 8 === 0)
        check.checkSymmetricBits(n, 'encryption', api);
    } else if (setting === 'modulus-bits' || (setting === 'key-size' && keyMakerCall.pattern.test(callee))) {
      const n = check.num(p.value);
      if (n && !n.foreign && (setting === 'modulus-bits' || n.value >= bareKeySizeModulusFloor) && n.value < minBits)
        check.checkModulus(n, 'A modulus', api);
    }
  };

  return (node) => {
    const callee = calleeName(node);
    if (callee === undefined) return;
    const first = node.arguments[0];
    if (first && rsaTransportMethods.names.has(callee) && node.type === T.CallExpression) pkcs1(first, callee);
    // The options object, and one level of nesting (node-jose `createEncrypt({ fields: { alg } })`).
    const objects: OptionsObject[] = [];
    // An options object written in the call, and consts spread into it (`{ ...xmlEncOptions, pem }`). Only an
    // inline object's spreads are followed, so a call's identifier arguments cost no scope lookup.
    const keyedCall = node.arguments.some((a) => a.type !== T.SpreadElement && keyArgument(a));
    const modulusCall =
      keyMakerCall.pattern.test(callee) &&
      node.arguments.some(
        (a) => a.type === T.Literal && typeof a.value === 'string' && modulusAlgorithm.pattern.test(a.value),
      );
    const add = (o: TSESTree.Node | undefined, depth: number): void => {
      if (o?.type !== T.ObjectExpression) return;
      objects.push({ object: o, path: [], keyedCall, modulusCall });
      if (depth < 2)
        for (const p of o.properties) if (p.type === T.SpreadElement) add(check.deref(p.argument), depth + 1);
    };
    for (const a of node.arguments) add(unwrap(a), 0);
    const top = objects.length;
    for (let i = 0; i < objects.length; i++) {
      const ctx = objects[i]!;
      for (const p of ctx.object.properties) {
        if (p.type !== T.Property || p.computed) continue;
        checkOption(p, ctx, callee);
        const key = propertyName(p);
        if (i < top && key !== undefined && p.value.type === T.ObjectExpression)
          objects.push({ object: p.value, path: [normaliseName(key)] });
      }
    }
  };
}
