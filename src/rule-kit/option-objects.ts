/**
 * Static reading of option objects (CDK props, Pulumi args, SDK command inputs, keyring options): dotted
 * property lookups that follow `const` bindings, and the three answers a lookup can give (found, certainly
 * absent, unknowable behind a spread or a call). Also the two edits a suggestion makes to such an object.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { enumMemberPattern, type Exemption } from '../catalogue/iac.js';
import { constInitOf, findVariable, propertyName, staticString, unwrap, type Scope } from './ast.js';

/** A property looked up in an object literal: found, certainly absent, or unknowable (a spread, a call). */
export type Lookup =
  | { readonly kind: 'found'; readonly prop: TSESTree.Property; readonly value: TSESTree.Node }
  | { readonly kind: 'absent'; readonly obj: TSESTree.ObjectExpression }
  | { readonly kind: 'unknown' };

type Call = TSESTree.CallExpression | TSESTree.NewExpression;

const MAX_CONST_DEPTH = 4;

/** Follows const bindings (and one `await`) to the expression they hold. */
export function valueOf(node: TSESTree.Node, scope: Scope): TSESTree.Node {
  let n = unwrap(node);
  for (let i = 0; i < MAX_CONST_DEPTH && n.type === T.Identifier; i++) {
    const init = constInitOf(n, scope);
    if (!init) break;
    n = unwrap(init);
  }
  return n.type === T.AwaitExpression ? unwrap(n.argument) : n;
}

/** A dotted property path inside an object literal (following consts at each step). */
export function lookup(obj: TSESTree.ObjectExpression, path: string, scope: Scope): Lookup {
  let cur: TSESTree.ObjectExpression = obj;
  const keys = path.split('.');
  for (let i = 0; i < keys.length; i++) {
    let found: TSESTree.Property | undefined;
    let spread = false;
    for (const p of cur.properties) {
      if (p.type !== T.SpreadElement) {
        if (propertyName(p) === keys[i]) found = p;
        continue;
      }
      // `{ ...defaults, audience }`: a spread of an object literal this file shows is read like its own properties.
      const from = valueOf(p.argument, scope);
      const inner = from.type === T.ObjectExpression && from !== cur ? lookup(from, keys[i]!, scope) : undefined;
      if (inner?.kind === 'found') found = inner.prop;
      else if (inner?.kind !== 'absent') spread = true;
    }
    if (!found) return spread ? { kind: 'unknown' } : { kind: 'absent', obj: cur };
    if (i === keys.length - 1) return { kind: 'found', prop: found, value: found.value };
    const next = valueOf(found.value, scope);
    if (next.type !== T.ObjectExpression) return { kind: 'unknown' };
    cur = next;
  }
  return { kind: 'unknown' };
}

/**
 * Whether the object bound to `arg` (an identifier) gets property `key` by an assignment after its declaration:
 * `header.kid = kid` or `header['kid'] = kid`, under a condition too (`if (kid) header.kid = kid` names the key
 * whenever there is one to name). A read (`header.kid`), another property or another binding does not count.
 */
export function assignedLater(arg: TSESTree.Node, key: string, scope: Scope): boolean {
  const id = unwrap(arg);
  if (id.type !== T.Identifier) return false;
  const v = findVariable(scope, id);
  if (!v) return false;
  return v.references.some((r) => {
    const member = r.identifier.parent;
    if (member?.type !== T.MemberExpression || member.object !== r.identifier) return false;
    const write = member.parent;
    return write?.type === T.AssignmentExpression && write.left === member && propertyName(member) === key;
  });
}

/** A static symbol: a string, a boolean, a number, or the last member of an enum access (`KeySpec.RSA_2048`). */
export function symbolOf(node: TSESTree.Node, scope: Scope): string | undefined {
  const n = valueOf(node, scope);
  const s = staticString(n);
  if (s !== undefined) return s;
  if (n.type === T.Literal && (typeof n.value === 'boolean' || typeof n.value === 'number')) return String(n.value);
  if (n.type === T.MemberExpression && !n.computed) {
    const member = propertyName(n);
    return member !== undefined && enumMemberPattern.test(member) ? member : undefined;
  }
  return undefined;
}

/** `undefined`, `null` or `''`: a property set to nothing. */
function isNothing(node: TSESTree.Node, scope: Scope): boolean {
  const n = valueOf(node, scope);
  return (
    (n.type === T.Identifier && n.name === 'undefined') ||
    (n.type === T.Literal && (n.value === null || n.value === ''))
  );
}

/**
 * Whether one of a resource's exemptions applies to its options (an asymmetric key spec, an imported key),
 * or cannot be decided (a spread, a value that is not static).
 */
export function exemptionOf(
  exemptions: readonly Exemption[],
  obj: TSESTree.ObjectExpression | undefined,
  scope: Scope,
): 'exempt' | 'uncertain' | undefined {
  if (!obj) return undefined;
  for (const ex of exemptions) {
    const l = lookup(obj, ex.property, scope);
    if (l.kind === 'unknown') return 'uncertain';
    if (l.kind !== 'found') continue;
    if (!ex.values) {
      if (!isNothing(l.value, scope)) return 'exempt';
      continue;
    }
    const sym = symbolOf(l.value, scope);
    if (sym === undefined) return 'uncertain';
    if (ex.values.includes(sym)) return 'exempt';
  }
  return undefined;
}

/** The options object at argument `index` (or at `path` inside it): missing, an object literal, or unknowable. */
export function propsOf(
  node: Call,
  index: number,
  path: string | undefined,
  scope: Scope,
): { kind: 'missing' } | { kind: 'object'; obj: TSESTree.ObjectExpression } | { kind: 'unknown' } {
  const arg = node.arguments[index];
  if (!arg) return { kind: 'missing' };
  if (arg.type === T.SpreadElement) return { kind: 'unknown' };
  const obj = valueOf(arg, scope);
  if (obj.type !== T.ObjectExpression) return { kind: 'unknown' };
  if (!path) return { kind: 'object', obj };
  const inner = lookup(obj, path, scope);
  if (inner.kind !== 'found') return { kind: 'unknown' };
  const innerObj = valueOf(inner.value, scope);
  return innerObj.type === T.ObjectExpression ? { kind: 'object', obj: innerObj } : { kind: 'unknown' };
}

/** Adds `text` as the last property of `obj`, keeping one-per-line layout when the object has it. */
export function insertProperty(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  obj: TSESTree.ObjectExpression,
  text: string,
): TSESLint.RuleFix {
  const last = obj.properties[obj.properties.length - 1];
  if (!last) return fixer.replaceText(obj, `{ ${text} }`);
  const multiline = last.loc.end.line < obj.loc.end.line;
  if (!multiline) return fixer.insertTextAfter(last, `, ${text}`);
  const indent = sourceCode.lines[last.loc.start.line - 1]!.slice(0, last.loc.start.column);
  const after = sourceCode.getTokenAfter(last);
  if (after && after.value === ',') return fixer.insertTextAfter(after, `\n${indent}${text},`);
  return fixer.insertTextAfter(last, `,\n${indent}${text}`);
}

/** Adds an options argument at `index` (`new kms.Key(this, 'Id')` → `new kms.Key(this, 'Id', { … })`). */
export function insertArgument(
  node: Call,
  index: number,
  text: string,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined {
  if (node.arguments.length === index && index > 0)
    return (fixer) => fixer.insertTextAfter(node.arguments[index - 1]!, `, { ${text} }`);
  const at = node.arguments[index];
  if (at && (at.type === T.ArrowFunctionExpression || at.type === T.FunctionExpression))
    return (fixer) => fixer.insertTextBefore(at, `{ ${text} }, `);
  return undefined;
}
