/**
 * Algorithm choices held in data: a constant or a setting whose name says what it selects
 * (`export const LEGACY_CIPHER = 'des-ede3-cbc'`, `{ algorithm: 'bf-cbc' }`, `RSA_BITS = 1024`,
 * `class Vault { private algorithm = 'rc4' }`), judged where it is written because it is often used in
 * another module. The names are the catalogue's configuration settings (`algorithmSettings`), the same
 * ones the audit reads in JSON and YAML files.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  algorithmSettingOf,
  bareKeySizeModulusFloor,
  disabledAlgorithmsName,
  proseFieldName,
  isSignatureDigestSetting,
  weakDigestOf,
  type AlgorithmSetting,
} from '../catalogue/algorithms.js';
import { boundSettingName, numberCasts } from '../catalogue/index.js';
import { normaliseName } from '../detect/names.js';
import { propertyName, unwrap } from './ast.js';
import { isDecodedName, isRecognisedVerdict } from './decoding-tables.js';

export interface AlgorithmConstant {
  /** The name as written (`LEGACY_CIPHER`, `cryptoConfig.algorithm`). */
  readonly name: string;
  readonly setting: AlgorithmSetting['id'];
  /** The literal that holds the value. */
  readonly node: TSESTree.Literal;
  readonly value: string | number;
}

type Holder = TSESTree.VariableDeclarator | TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.TSEnumMember;

/** The value a holder writes (a declarator's initialiser, an enum member's initialiser, a property's value). */
const heldValue = (h: Holder): TSESTree.Node | null | undefined =>
  h.type === T.VariableDeclarator ? h.init : h.type === T.TSEnumMember ? h.initializer : h.value;

/**
 * The literal a setting holds: written as is, or as the default of a variable it reads
 * (`process.env.CIPHER ?? 'des-ede3-cbc'`, `Number(process.env.RSA_BITS ?? 1024)`,
 * `parseInt(process.env.DH_BITS || '1024', 10)`): what the service runs with whenever the variable is unset.
 * A number parsed from a string default is read as that number.
 */
export function heldLiteral(
  expr: TSESTree.Node | null | undefined,
): { node: TSESTree.Literal; value: string | number } | undefined {
  let e = expr ? unwrap(expr) : undefined;
  let parsed = false;
  for (let i = 0; e && i < 4; i++) {
    if (e.type === T.Literal) {
      const v = e.value;
      if (typeof v === 'number') return { node: e, value: v };
      if (typeof v !== 'string') return undefined;
      return { node: e, value: parsed && /^\d+$/.test(v) ? Number(v) : v };
    }
    if (e.type === T.LogicalExpression && (e.operator === '??' || e.operator === '||')) {
      if (unwrap(e.left).type === T.Literal) return undefined;
      e = unwrap(e.right);
    } else if (e.type === T.CallExpression && e.callee.type === T.Identifier && numberCasts.names.has(e.callee.name)) {
      parsed = true;
      e = e.arguments[0] ? unwrap(e.arguments[0]) : undefined;
    } else if (e.type === T.UnaryExpression && e.operator === '+') {
      parsed = true;
      e = unwrap(e.argument);
    } else return undefined;
  }
  return undefined;
}

/** The name a declarator, property or class field gives its value. */
function holderName(n: TSESTree.Node | undefined): string | undefined {
  if (n?.type === T.VariableDeclarator) return n.id.type === T.Identifier ? n.id.name : undefined;
  if (n?.type === T.TSEnumMember) return n.id.type === T.Identifier ? n.id.name : String(n.id.value);
  if (n?.type === T.TSEnumDeclaration) return n.id.name;
  if (n?.type === T.Property || n?.type === T.PropertyDefinition) return propertyName(n);
  return undefined;
}

const spelled = (s: string): string => s.replace(/[^a-z0-9]/gi, '').toLowerCase();

/**
 * `DES_EDE3_CBC = 'des-ede3-cbc'`, `Rc4 = 'RC4'`, `TRIPLEDES_CBC: '…/xmlenc#tripledes-cbc'`: the member's name
 * spells its value, or the last segment of an identifier URI or URN (after `#`, `/` or `:`).
 */
function namesItsValue(name: string, value: string): boolean {
  const own = spelled(name);
  if (own === '') return false;
  if (own === spelled(value)) return true;
  const tail = value.slice(Math.max(value.lastIndexOf('#'), value.lastIndexOf('/'), value.lastIndexOf(':')) + 1);
  return tail !== value && own === spelled(tail);
}

/** The declarator or property an object literal is the value of (`const ALGORITHMS = { … }`). */
function objectHolder(obj: TSESTree.ObjectExpression): TSESTree.Node | undefined {
  let p: TSESTree.Node | undefined = obj.parent;
  while (p && (p.type === T.TSAsExpression || p.type === T.TSSatisfiesExpression)) p = p.parent;
  return p?.type === T.VariableDeclarator || p?.type === T.Property || p?.type === T.PropertyDefinition ? p : undefined;
}

/**
 * The algorithm choice a declarator, object property or class field writes, when its value is a literal
 * and its name (or, for a property with a name of its own that selects nothing, the object's name:
 * `ALGORITHMS = { legacy: 'rc4' }`) is a setting that selects an algorithm. Not under a setting that
 * lists what is turned off (`disabledCiphers`), and not an option written inline in a call.
 */
export function algorithmConstantOf(holder: Holder): AlgorithmConstant | undefined {
  const held = heldLiteral(heldValue(holder));
  if (!held) return undefined;
  const value = held.node;
  const own = holderName(holder);
  if (own === undefined) return undefined;
  // Options written inline in a call (`report(node, { algorithm: 'DES' })`) are that call's arguments.
  const call = holder.type === T.Property ? holder.parent.parent : undefined;
  if (call?.type === T.CallExpression || call?.type === T.NewExpression) return undefined;
  const ownNorm = normaliseName(own);
  // What is turned off, and bounds (`minModulusBits`): not a choice. Prose about a choice (`title`, `label`): neither.
  if (disabledAlgorithmsName.pattern.test(ownNorm) || proseFieldName.pattern.test(ownNorm)) return undefined;
  let setting = algorithmSettingOf(ownNorm);
  // A protocol version's setting is a bound by nature (`MIN_TLS_VERSION = 'TLSv1.1'`): the lowest version let in.
  if (boundSettingName.pattern.test(ownNorm) && setting?.id !== 'protocol-version') return undefined;
  let name = own;
  // An enum member named for its value lists an algorithm (`enum Jwa { RSA1_5 = 'RSA1_5' }`); one named for a
  // role chooses it (`enum CipherAlgorithm { Legacy = 'des-ede3-cbc' }`). So does the member of an object used as
  // an enum (`const Enc = { TRIPLEDES_CBC: '…xmlenc#tripledes-cbc', AES_256_GCM: '…' } as const`): the registry
  // lists what exists, and the choice is judged where a member is used.
  const listed =
    holder.type === T.TSEnumMember ||
    (holder.type === T.Property && holder.parent.type === T.ObjectExpression && !!objectHolder(holder.parent));
  if (listed && typeof held.value === 'string' && namesItsValue(own, held.value)) return undefined;
  // An id → name decoding table of a registry (`{ 0x0044: 'HW_ALG_ECB' }`) names what an id means; it selects nothing.
  if (holder.type === T.Property && isDecodedName(holder)) return undefined;
  // A recogniser's verdict on its input (`if (/^…$/.test(hash)) return { algo: 'des' }`) names what exists.
  if (holder.type === T.Property && isRecognisedVerdict(holder)) return undefined;
  // An object's or an enum's name says what its members select: `ALGORITHMS = { legacy: 'rc4' }`.
  const outer =
    holder.type === T.TSEnumMember
      ? holder.parent.parent
      : holder.type === T.Property && holder.parent.type === T.ObjectExpression
        ? objectHolder(holder.parent)
        : undefined;
  const outerName = holderName(outer);
  if (outerName !== undefined) {
    const outerNorm = normaliseName(outerName);
    if (disabledAlgorithmsName.pattern.test(outerNorm)) return undefined;
    // A map of named choices: `ALGORITHMS = { legacy: 'rc4' }`, `cipher = { fast: 'aes-128-ecb' }`.
    setting ??= algorithmSettingOf(outerNorm.replace(/s$/, ''));
    name = `${outerName}.${own}`;
  }
  // A cipher list is held as one string (`ciphers: 'DES-CBC3-SHA:…'`); a list of several values is the held-list
  // checker's.
  // Only a string that lists (`'AES128-SHA:RC4-SHA'`), and not an enum member (`enum CipherSuite { Stream = 'rc4' }`).
  const list = typeof held.value === 'string' && /[:,]/.test(held.value) && holder.type !== T.TSEnumMember;
  if (!setting || (setting.id === 'cipher-list' && !list)) return undefined;
  return { name, setting: setting.id, node: value, value: held.value };
}

/** A held number is a modulus under a modulus name, or under a bare key-size name from 512 bits up. */
export const isModulusSetting = (setting: AlgorithmSetting['id'], value: number): boolean =>
  setting === 'modulus-bits' || (setting === 'key-size' && value >= bareKeySizeModulusFloor);

/**
 * Whether the value `node` (an initialiser or property value, read from another module or an enum) is a choice
 * its own module judges where it is written (a setting named for what it selects): the module that only uses
 * it then reports nothing, so one mistake is one finding, at the line that makes it.
 */
export function judgedWhereWritten(node: TSESTree.Node): boolean {
  let h: TSESTree.Node | undefined = node.parent;
  while (h && (h.type === T.TSAsExpression || h.type === T.TSSatisfiesExpression)) h = h.parent;
  const holder =
    h?.type === T.VariableDeclarator ||
    h?.type === T.Property ||
    h?.type === T.PropertyDefinition ||
    h?.type === T.TSEnumMember
      ? h
      : undefined;
  if (!holder) return false;
  if (signatureDigestConstantOf(holder)) return true;
  const c = algorithmConstantOf(holder);
  if (!c) return false;
  return typeof c.value === 'number' ? isModulusSetting(c.setting, c.value) : c.setting !== 'modulus-bits';
}

/**
 * A weak digest held for signatures: a setting whose name, joined to its object's or enum's name, says both
 * "signature" and "digest" (`SIGNATURE = { digest: 'sha1' }`, `enum HashAlgorithm { Signing = 'md5' }`,
 * `signatureAlgorithm: process.env.SIG_ALG ?? 'RSA-SHA1'`), judged where it is written.
 */
export function signatureDigestConstantOf(
  holder: Holder,
): { name: string; node: TSESTree.Literal; value: string; digest: string } | undefined {
  const held = heldLiteral(heldValue(holder));
  if (!held || typeof held.value !== 'string') return undefined;
  const digest = weakDigestOf(held.value);
  const own = holderName(holder);
  if (!digest || own === undefined) return undefined;
  if (holder.type === T.Property) {
    const call = holder.parent.parent;
    if (call?.type === T.CallExpression || call?.type === T.NewExpression) return undefined;
  }
  let outer: TSESTree.Node | undefined;
  if (holder.type === T.TSEnumMember) {
    outer = holder.parent.parent;
  } else if (holder.type === T.Property && holder.parent.type === T.ObjectExpression) {
    outer = objectHolder(holder.parent);
  }
  const outerName = holderName(outer);
  const joined = [outerName, own]
    .filter((x): x is string => x !== undefined)
    .map(normaliseName)
    .join('_');
  if (!isSignatureDigestSetting(joined) || disabledAlgorithmsName.pattern.test(joined)) return undefined;
  return { name: outerName ? `${outerName}.${own}` : own, node: held.node, value: held.value, digest };
}
