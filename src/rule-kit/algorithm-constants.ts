/**
 * Algorithm choices held in data: a constant or a setting whose name says what it selects
 * (`export const LEGACY_CIPHER = 'des-ede3-cbc'`, `{ algorithm: 'bf-cbc' }`, `RSA_BITS = 1024`,
 * `class Vault { private algorithm = 'rc4' }`), judged where it is written because it is often used in
 * another module. The names are the catalogue's configuration settings (`algorithmSettings`), the same
 * ones the audit reads in JSON and YAML files.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { algorithmSettingOf, disabledAlgorithmsName, type AlgorithmSetting } from '../catalogue/algorithms.js';
import { normaliseName } from '../detect/names.js';
import { propertyName, unwrap } from './ast.js';

const BOUND = /(?:^|_)(?:min|max|minimum|maximum|floor|limit)(?:_|$)/;

export interface AlgorithmConstant {
  /** The name as written (`LEGACY_CIPHER`, `cryptoConfig.algorithm`). */
  readonly name: string;
  readonly setting: AlgorithmSetting['id'];
  /** The literal that holds the value. */
  readonly node: TSESTree.Literal;
  readonly value: string | number;
}

/** The name a declarator, property or class field gives its value. */
function holderName(n: TSESTree.Node | undefined): string | undefined {
  if (n?.type === T.VariableDeclarator) return n.id.type === T.Identifier ? n.id.name : undefined;
  if (n?.type === T.Property || n?.type === T.PropertyDefinition) return propertyName(n);
  return undefined;
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
export function algorithmConstantOf(
  holder: TSESTree.VariableDeclarator | TSESTree.Property | TSESTree.PropertyDefinition,
): AlgorithmConstant | undefined {
  const raw = holder.type === T.VariableDeclarator ? holder.init : holder.value;
  const value = raw ? unwrap(raw) : undefined;
  if (value?.type !== T.Literal || (typeof value.value !== 'string' && typeof value.value !== 'number'))
    return undefined;
  const own = holderName(holder);
  if (own === undefined) return undefined;
  // Options written inline in a call (`report(node, { algorithm: 'DES' })`) are that call's arguments.
  const call = holder.type === T.Property ? holder.parent.parent : undefined;
  if (call?.type === T.CallExpression || call?.type === T.NewExpression) return undefined;
  const ownNorm = normaliseName(own);
  // What is turned off, and bounds (`minModulusBits`): not a choice.
  if (disabledAlgorithmsName.pattern.test(ownNorm) || BOUND.test(ownNorm)) return undefined;
  let setting = algorithmSettingOf(ownNorm);
  let name = own;
  if (holder.type === T.Property && holder.parent.type === T.ObjectExpression) {
    const outer = objectHolder(holder.parent);
    const outerName = holderName(outer);
    if (outerName !== undefined) {
      const outerNorm = normaliseName(outerName);
      if (disabledAlgorithmsName.pattern.test(outerNorm)) return undefined;
      // A map of named choices: `ALGORITHMS = { legacy: 'rc4' }`, `cipher = { fast: 'aes-128-ecb' }`.
      setting ??= algorithmSettingOf(outerNorm.replace(/s$/, ''));
      name = `${outerName}.${own}`;
    }
  }
  if (!setting || setting.id === 'cipher-list') return undefined;
  return { name, setting: setting.id, node: value, value: value.value };
}
