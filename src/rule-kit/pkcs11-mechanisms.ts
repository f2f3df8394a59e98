/**
 * no-weak-key-size's reading of PKCS#11 calls (catalogue `pkcs11Names`), in files that import graphene-pk11 or
 * pkcs11js: a weak cipher's key type or mechanism (`graphene.KeyGenMechanism.DES3`, `pkcs11js.CKM_DES3_ECB`), an
 * ECB mechanism, a signature mechanism over MD5 or SHA-1 (`session.createSign('SHA1_RSA_PKCS', key)`), and an RSA
 * template under the minimum (`{ type: CKA_MODULUS_BITS, value: 1024 }`, graphene's `modulusBits: 1024`). Constant
 * work per argument and per property of an object argument (and of objects in an array argument).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { pkcs11Names } from '../catalogue/algorithm-libraries.js';
import { weakCipherOf } from '../catalogue/algorithms.js';
import { pkcs11MechanismCalls, verifyCall } from '../catalogue/index.js';
import type { AlgorithmChecks, AlgorithmReport } from './algorithm-checks.js';
import { propertyName, unwrap } from './ast.js';
import type { ImportMap } from './imports.js';

const SIGNATURE_WHY =
  'broken for signatures: collisions are practical (SHAttered 2017, chosen-prefix 2020), and NIST SP ' +
  '800-131A Rev. 2 disallows SHA-1 for signature generation';

/** Whether the file imports a PKCS#11 binding. */
export const importsPkcs11 = (imports: ImportMap): boolean =>
  [...imports.values()].some((b) => (pkcs11Names.modules as readonly string[]).includes(b.module));

/** A mechanism or key-type name without its `CKM_`/`CKK_` prefix, from an enum member or a string. */
function nameOf(n: TSESTree.Node, strings: boolean, check: AlgorithmChecks): string | undefined {
  const v = unwrap(n);
  if (v.type === T.MemberExpression) return propertyName(v)?.replace(/^CK[MK]_/, '');
  if (v.type === T.Identifier && /^CK[MK]_/.test(v.name)) return v.name.slice(4);
  return strings ? check.str(v)?.value.replace(/^CK[MK]_/, '') : undefined;
}

interface Judge {
  /** A mechanism or key-type name (`strings`: a string names one too). */
  readonly name: (n: TSESTree.Node, strings: boolean) => void;
  /** A template or mechanism object (`{ type: CKA_KEY_TYPE, value: CKK_DES3 }`, `{ mechanism: CKM_DES3_ECB }`). */
  readonly template: (o: TSESTree.ObjectExpression) => void;
}

/**
 * The judges of one PKCS#11 use. A weak cipher is reported once per use: the key type of a key that a DES3 mechanism
 * generates (`generateKey(KeyGenMechanism.DES3, { keyType: KeyType.DES3 })`) is the same choice.
 */
function judges(
  check: AlgorithmChecks,
  report: AlgorithmReport,
  minBits: number,
  api: string,
  verifies: boolean,
): Judge {
  let cipherReported = false;
  const name = (n: TSESTree.Node, strings: boolean): void => {
    const nm = nameOf(n, strings, check);
    if (!nm) return;
    const c = pkcs11Names.cipher.exec(nm)?.[1];
    const weak = c ? weakCipherOf(pkcs11Names.cipherName[c] ?? c.toLowerCase()) : undefined;
    if (weak) {
      if (!cipherReported) report(n, 'weakCipher', { cipher: weak.title, algorithm: nm, api, why: weak.why });
      cipherReported = true;
      return;
    }
    if (pkcs11Names.ecb.test(nm)) return report(n, 'ecbMode', { algorithm: nm, api });
    const d = pkcs11Names.digest.exec(nm);
    const digest = d ? (d[1] ?? d[2])!.replace('SHA1', 'SHA-1') : undefined;
    if (digest && !verifies) report(n, 'weakDigest', { digest, algorithm: nm, api, why: SIGNATURE_WHY });
  };
  const template = (o: TSESTree.ObjectExpression): void => {
    let type: TSESTree.Node | undefined;
    let value: TSESTree.Node | undefined;
    for (const p of o.properties) {
      if (p.type !== T.Property) continue;
      const k = propertyName(p);
      if (k === 'type') type = p.value;
      else if (k === 'value') value = p.value;
      else if (k === pkcs11Names.modulusProperty) check.checkModulus(check.num(p.value), 'RSA modulus', api);
      else if (k === 'mechanism' || k === 'name' || k === 'keyType') name(p.value, true);
      else name(p.value, false);
    }
    const t = type && nameOf(type, false, check);
    if (t && pkcs11Names.modulusAttribute.test(`CKA_${t.replace(/^CKA_/, '')}`) && value) {
      const bits = check.num(value);
      if (bits && bits.value < minBits) check.checkModulus(bits, 'RSA modulus', api);
    } else if (value) name(value, false);
  };
  return { name, template };
}

/** Judges the PKCS#11 names and templates in one call's arguments. */
export function checkPkcs11Call(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  check: AlgorithmChecks,
  report: AlgorithmReport,
  minBits: number,
  deref: (n: TSESTree.Node) => TSESTree.Node | undefined,
): void {
  const callee = unwrap(node.callee);
  const method =
    callee.type === T.MemberExpression ? propertyName(callee) : callee.type === T.Identifier ? callee.name : '';
  const api = `PKCS#11 ${method ?? 'call'}`;
  const j = judges(check, report, minBits, api, verifyCall.pattern.test(method ?? ''));
  node.arguments.forEach((a, i) => {
    // A template held in a const (`const pubTemplate = [{ type: CKA_MODULUS_BITS, value: 1024 }]`).
    const v = deref(a) ?? unwrap(a);
    if (v.type === T.ObjectExpression) {
      j.template(v);
    } else if (v.type === T.ArrayExpression) {
      for (const e of v.elements) if (e?.type === T.ObjectExpression) j.template(e);
    } else {
      j.name(v, i === 0 && pkcs11MechanismCalls.names.has(method ?? ''));
    }
  });
}

/**
 * A table of mechanisms or a key template held in a module-level const (`export const MECH = { legacySign:
 * { mechanism: pkcs11js.CKM_SHA1_RSA_PKCS } }`, `const DES3_TEMPLATE = [{ type: CKA_KEY_TYPE, value: CKK_DES3 }]`),
 * used by calls in other modules: judged where it is written, as the same objects in a call. Only the library's own
 * names are read (no strings), two levels deep.
 */
export function checkPkcs11Held(
  decl: TSESTree.VariableDeclarator,
  check: AlgorithmChecks,
  report: AlgorithmReport,
  minBits: number,
): void {
  const api = `the PKCS#11 setting ${decl.id.type === T.Identifier ? decl.id.name : 'table'}`;
  const visit = (n: TSESTree.Node | null | undefined, depth: number): void => {
    const v = n ? unwrap(n) : undefined;
    if (!v || depth > 2) return;
    if (v.type === T.ArrayExpression) for (const e of v.elements) visit(e, depth + 1);
    else if (v.type === T.ObjectExpression) {
      const mechanisms = v.properties.some(
        (p) => p.type === T.Property && /^(?:mechanism|type|keyType)$/.test(propertyName(p) ?? ''),
      );
      if (mechanisms) judges(check, report, minBits, api, false).template(v);
      else for (const p of v.properties) if (p.type === T.Property) visit(p.value, depth + 1);
    }
  };
  visit(decl.init, 0);
}
