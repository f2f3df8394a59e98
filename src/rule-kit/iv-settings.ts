/**
 * A fixed IV written as a setting in code (issue 11, session 36, del20): a module constant `export const PARTNER_IV =
 * Buffer.from('5a1c…', 'hex')`, a property of a settings object `vault: { cipherIv: '6a1f…' }`, `bootstrap: { iv:
 * Buffer.from('a1b2…', 'hex') }`. Whatever module reads it encrypts every message under one key with that IV (NIST SP
 * 800-38A Appendix C; SP 800-38D §8). The same test as the audit's `config-static-iv` over `.env` and YAML: a name that
 * says IV (catalogue `ivSettingName`) holding bytes of an IV's size in hex or base64 (`fixedIvText`), and not a field
 * of a record that holds its own ciphertext or a test vector (`holdsCiphertext`). It is reported where it is written
 * (a module that imports it is still reported at its use, as since session 19); a constant its own module reads is
 * reported at that use instead.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { literalDecoders } from '../catalogue/transforms.js';
import { fixedIvText, ivSettingName } from '../catalogue/randomness.js';
import { holdsCiphertext, ivTextBytes } from '../detect/iv-settings.js';
import { normaliseName } from '../detect/names.js';
import { findVariable, propertyName, staticString, unwrap } from './ast.js';
import { dotted } from './flow/functions.js';

/** The IV's text when `value` is a fixed IV: `'5a1c…'`, `Buffer.from('5a1c…', 'hex')`, `hexToBytes('5a1c…')`. */
function fixedIv(value: TSESTree.Node): string | undefined {
  const v = unwrap(value);
  const text =
    v.type === T.CallExpression && v.arguments[0] && v.arguments[0].type !== T.SpreadElement
      ? decoded(v)
      : staticString(v);
  return text !== undefined && fixedIvText.pattern.test(text.trim()) ? text.trim() : undefined;
}

function decoded(call: TSESTree.CallExpression): string | undefined {
  const name = dotted(call.callee);
  if (name === undefined || (name !== 'Buffer.from' && !literalDecoders.pattern.test(name))) return undefined;
  const encoding = call.arguments[1] === undefined ? undefined : staticString(call.arguments[1]);
  if (name === 'Buffer.from' && encoding !== 'hex' && encoding !== 'base64') return undefined;
  return staticString(call.arguments[0]);
}

/** The entries of an object literal with a static name, as the audit's `holdsCiphertext` reads them. */
function entriesOf(obj: TSESTree.ObjectExpression): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const p of obj.properties) {
    const name = p.type === T.Property ? propertyName(p) : undefined;
    if (p.type === T.Property && name !== undefined) out.push([name, staticString(p.value)]);
  }
  return out;
}

/**
 * The outermost object literal around `obj` is handed to a call here (a call's options are its own sink's), or bound
 * to a name this module reads (`const parameter = { iv: … }` then `C_EncryptInit(…, { parameter })`): the sink that
 * reads it reports the IV.
 */
function readHere(obj: TSESTree.ObjectExpression, getScope: (n: TSESTree.Node) => TSESLint.Scope.Scope): boolean {
  let top: TSESTree.Node = obj;
  while (top.parent?.type === T.Property && top.parent.parent.type === T.ObjectExpression) top = top.parent.parent;
  while (top.parent?.type === T.TSAsExpression || top.parent?.type === T.TSSatisfiesExpression) top = top.parent;
  const p = top.parent;
  if ((p?.type === T.CallExpression || p?.type === T.NewExpression) && p.arguments.includes(top as never)) return true;
  if (p?.type !== T.VariableDeclarator || p.id.type !== T.Identifier) return false;
  return findVariable(getScope(p.id), p.id)?.references.some((r) => !r.init) ?? false;
}

/**
 * Where the fixed IV held by `value` (a declarator's or property's value) is reported as a setting, with its name:
 * a module-level constant that this module never reads, or a property of a settings object that this module neither
 * hands to a call nor reads (`readHere`) and that sits beside no ciphertext. Undefined otherwise.
 */
export function ivSetting(
  value: TSESTree.Node,
  getScope: (n: TSESTree.Node) => TSESLint.Scope.Scope,
): { readonly name: string; readonly bytes: number } | undefined {
  const holder = value.parent;
  let name: string | undefined;
  if (holder?.type === T.VariableDeclarator && holder.init === value && holder.id.type === T.Identifier) {
    const decl = holder.parent;
    const top = decl.parent?.type === T.Program || decl.parent?.type === T.ExportNamedDeclaration;
    // Read in its own module: reported at that use.
    const read = findVariable(getScope(holder.id), holder.id)?.references.some((r) => !r.init);
    if (decl.type !== T.VariableDeclaration || decl.kind !== 'const' || !top || read) return undefined;
    name = holder.id.name;
  } else if (holder?.type === T.Property && holder.value === value && holder.parent.type === T.ObjectExpression) {
    const obj = holder.parent;
    if (holdsCiphertext(entriesOf(obj)) || readHere(obj, getScope)) return undefined;
    name = propertyName(holder);
  }
  if (name === undefined || !ivSettingName.pattern.test(normaliseName(name))) return undefined;
  const text = fixedIv(value);
  if (text === undefined) return undefined;
  return { name, bytes: ivTextBytes(text) };
}
