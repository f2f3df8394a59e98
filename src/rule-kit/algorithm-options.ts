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
import { algorithmSettingOf, bareKeySizeModulusFloor, rsaPkcs1EncryptionPadding } from '../catalogue/algorithms.js';
import { normaliseName } from '../detect/names.js';
import type { AlgorithmChecks, AlgorithmReport } from './algorithm-checks.js';
import { propertyName, unwrap } from './ast.js';

/** A call named for making or importing a key: `createRsaKey`, `generateKey`, `createKeyPair`, `importKey`. */
const KEY_MAKER = /^(?:create|generate|gen|make|new|import|rotate)\w*key/i;
/** Calls that run an RSA key-transport algorithm named by their first argument (Azure `CryptographyClient`). */
const RSA_OPERATIONS = new Set(['encrypt', 'decrypt', 'wrapKey', 'unwrapKey', 'wrap', 'unwrap']);
const ALG_OPTIONS = new Set(['alg', 'algorithm', 'keyManagementAlgorithm', 'keyAlgorithm', 'wrapAlgorithm']);

/** The name the callee ends in: `createRsaKey` for `client.createRsaKey(…)`, `Kms` for `new sdk.Kms(…)`. */
function calleeName(node: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const c = unwrap(node.callee);
  if (c.type === T.Identifier) return c.name;
  return c.type === T.MemberExpression ? propertyName(c) : undefined;
}

export type InlineOptionChecker = (node: TSESTree.CallExpression | TSESTree.NewExpression) => void;

/** Judges algorithm options written inline in any call, reporting through `report`. */
export function createInlineOptionChecker(
  check: AlgorithmChecks,
  report: AlgorithmReport,
  minBits: number,
): InlineOptionChecker {
  const pkcs1 = (lit: TSESTree.Node, api: string): void => {
    const r = check.str(lit);
    if (r?.value !== rsaPkcs1EncryptionPadding.jweAlgorithm || r.foreign) return;
    const replacement = rsaPkcs1EncryptionPadding.jweReplacement;
    report(r.node, 'pkcs1Padding', { padding: r.value, api }, { text: check.quoted(r.node, replacement) });
  };

  const checkOption = (p: TSESTree.Property, callee: string): void => {
    const key = propertyName(p);
    if (key === undefined) return;
    const api = `${callee}({ ${key} })`;
    if (ALG_OPTIONS.has(key)) {
      pkcs1(p.value, api);
      return;
    }
    const setting = algorithmSettingOf(normaliseName(key))?.id;
    if (setting === 'curve') check.checkCurve(check.str(p.value), api);
    else if (setting === 'modulus-bits' || (setting === 'key-size' && KEY_MAKER.test(callee))) {
      const n = check.num(p.value);
      if (n && !n.foreign && (setting === 'modulus-bits' || n.value >= bareKeySizeModulusFloor) && n.value < minBits)
        check.checkModulus(n, 'A modulus', api);
    }
  };

  return (node) => {
    const callee = calleeName(node);
    if (callee === undefined) return;
    const first = node.arguments[0];
    if (first && RSA_OPERATIONS.has(callee) && node.type === T.CallExpression) pkcs1(first, callee);
    // The options object, and one level of nesting (node-jose `createEncrypt({ fields: { alg } })`).
    const objects = node.arguments.map(unwrap);
    for (let i = 0; i < objects.length; i++) {
      const o = objects[i]!;
      if (o.type !== T.ObjectExpression) continue;
      for (const p of o.properties) {
        if (p.type !== T.Property || p.computed) continue;
        checkOption(p, callee);
        if (i < node.arguments.length && p.value.type === T.ObjectExpression) objects.push(p.value);
      }
    }
  };
}
