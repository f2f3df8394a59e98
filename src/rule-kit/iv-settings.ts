/**
 * A fixed IV written as a setting in code and read by no code of its own module (session 35, issue 11): a constants
 * module's `export const PARTNER_IV = Buffer.from('5a1c…', 'hex')`, a configuration module's
 * `module.exports = { bootstrap: { iv: Buffer.alloc(12) } }`. The module exists to hand that IV to every encrypting
 * call that imports it, so the hazard is written here; a sink in another module may not be in the lint run at all.
 * The code analogue of `config-static-iv` (src/scanner/detect/templates/config-ivs.ts), judged by the same
 * catalogue entries: a name that says IV (`ivSettingName`) and bytes of an IV's size (`fixedIvText`).
 *
 * A binding read in its own module is left to the sink that reads it (iv-findings.ts): reported there, once.
 * Not reported: a size (`IV_LENGTH = 16`), a placeholder word, a value built at run time (`randomBytes(12)`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { fixedIvText, ivSettingName } from '../catalogue/randomness.js';
import { normaliseName } from '../detect/names.js';
import { propertyName, staticNumber, staticString, unwrap, type Scope } from './ast.js';
import { dotted } from './flow/functions.js';

type Node = TSESTree.Node;

/** An IV setting found in code: the value's node, the name it is written under and its size in bytes. */
export interface IvSetting {
  readonly node: Node;
  readonly name: string;
  readonly bytes: number;
}

const IV_SIZES = new Set([8, 12, 16]);

/** Bytes of a fixed IV written as text (hex or base64), or undefined. */
function textBytes(s: string | undefined): number | undefined {
  if (s === undefined || !fixedIvText.pattern.test(s)) return undefined;
  const hex = /^(?:0x)?[0-9a-fA-F]+$/.test(s);
  return hex ? s.replace(/^0x/, '').length / 2 : (s.replace(/=+$/, '').length * 3) >> 2;
}

/**
 * Bytes of a fixed IV an expression writes: a hex or base64 literal, `Buffer.from('<hex>', 'hex')`, or a buffer of
 * an IV's size with constant content (`Buffer.alloc(16)`, `Buffer.alloc(12, 0)`, `new Uint8Array(12)`).
 */
function fixedIvBytes(e: Node): number | undefined {
  const u = unwrap(e);
  const text = textBytes(staticString(u));
  if (text !== undefined) return text;
  if (u.type !== T.CallExpression && u.type !== T.NewExpression) return undefined;
  const name = dotted(unwrap(u.callee));
  const [first, second] = u.arguments;
  if (name === 'Buffer.from' && u.arguments.length === 2 && /^(?:hex|base64)$/.test(staticString(second) ?? ''))
    return textBytes(staticString(first));
  const size = staticNumber(first);
  const sized = size !== undefined && IV_SIZES.has(size);
  if (name === 'Buffer.alloc' && sized && (second === undefined || staticNumber(second) !== undefined)) return size;
  if (u.type === T.NewExpression && name === 'Uint8Array' && sized && u.arguments.length === 1) return size;
  return undefined;
}

/** Whether a reference is no read by code: an export (`export { X }`, `module.exports = { X }`) or a type query. */
function onlyExports(id: TSESTree.Identifier): boolean {
  const p = id.parent;
  if (p?.type === T.ExportSpecifier || p?.type === T.TSTypeQuery) return true;
  if (p?.type === T.AssignmentExpression && p.right === id) return dotted(p.left) === 'module.exports';
  if (p?.type !== T.Property || p.value !== id) return false;
  const obj = p.parent;
  const assign = obj?.parent;
  return (
    assign?.type === T.AssignmentExpression &&
    assign.right === obj &&
    /^(?:module\.)?exports$/.test(dotted(assign.left) ?? '')
  );
}

/** Whether the module-level binding of `decl` is read by code of its module. */
function readInModule(decl: TSESTree.VariableDeclarator, scope: Scope): boolean {
  const v = scope.set.get((decl.id as TSESTree.Identifier).name);
  return !v || v.references.some((r) => r.isRead() && !onlyExports(r.identifier as TSESTree.Identifier));
}

/** IV settings in an object literal (and the object literals nested in it), each under its property's name. */
function objectSettings(obj: Node, out: IvSetting[], depth = 0): void {
  const o = unwrap(obj);
  const frozen = o.type === T.CallExpression && dotted(unwrap(o.callee)) === 'Object.freeze' ? o.arguments[0] : o;
  if (!frozen || depth > 4) return;
  const u = unwrap(frozen);
  if (u.type !== T.ObjectExpression) return;
  for (const p of u.properties) {
    if (p.type !== T.Property || p.computed) continue;
    const name = propertyName(p);
    if (name === undefined) continue;
    const bytes = ivSettingName.pattern.test(normaliseName(name)) ? fixedIvBytes(p.value) : undefined;
    if (bytes !== undefined) out.push({ node: p.value, name, bytes });
    else objectSettings(p.value, out, depth + 1);
  }
}

/** The IV settings a module-level `const` writes, when no code of its module reads that binding. */
function constSettings(decl: TSESTree.VariableDeclarator, scope: Scope): IvSetting[] {
  const list = decl.parent;
  const top = list?.parent;
  if (list?.type !== T.VariableDeclaration || list.kind !== 'const' || decl.id.type !== T.Identifier || !decl.init)
    return [];
  if (top?.type !== T.Program && top?.type !== T.ExportNamedDeclaration) return [];
  if (readInModule(decl, scope)) return [];
  const name = decl.id.name;
  const bytes = ivSettingName.pattern.test(normaliseName(name)) ? fixedIvBytes(decl.init) : undefined;
  if (bytes !== undefined) return [{ node: decl.init, name, bytes }];
  const out: IvSetting[] = [];
  objectSettings(decl.init, out);
  return out;
}

/**
 * The fixed IVs a module hands out as settings: a module-level `const` no code of the module reads, or the object of
 * `module.exports = { … }` / `export default { … }` at the module's top level.
 */
export function moduleIvSettings(
  node: TSESTree.VariableDeclarator | TSESTree.AssignmentExpression | TSESTree.ExportDefaultDeclaration,
  scope: Scope,
): IvSetting[] {
  if (node.type === T.VariableDeclarator) return constSettings(node, scope);
  const out: IvSetting[] = [];
  if (node.type === T.ExportDefaultDeclaration) objectSettings(node.declaration, out);
  else if (
    node.parent?.type === T.ExpressionStatement &&
    node.parent.parent?.type === T.Program &&
    dotted(node.left) === 'module.exports'
  )
    objectSettings(node.right, out);
  return out;
}
