/**
 * What the source itself says a value's type is, for a lint without type information (the audit's parse-only
 * pass, a plain ESLint setup): a parameter or binding annotated `string`, a value cast `as string`, a call of a
 * same-file function declared to return `string` (or, awaited, `Promise<string>`), a template with expressions,
 * `String(x)` and `x.toString()`. Read syntactically, one binding deep at a time; a checker is more exact and
 * is asked first by the rules that have one.
 */
import { type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { findVariable, isFunctionNode, unwrap } from './ast.js';
import type { FileFlow } from './flow/engine.js';

const MAX_DEPTH = 4;

/** `string`, `string | undefined`, `'a' | 'b'`: a type whose values are text (or unset). */
function isStringType(t: TSESTree.TypeNode | undefined): boolean {
  if (!t) return false;
  if (t.type === T.TSStringKeyword) return true;
  if (t.type === T.TSLiteralType) return t.literal.type === T.Literal && typeof t.literal.value === 'string';
  if (t.type !== T.TSUnionType) return false;
  const text = t.types.filter((m) => m.type !== T.TSUndefinedKeyword && m.type !== T.TSNullKeyword);
  return text.length > 0 && text.every(isStringType);
}

/** `Promise<string>`: what an `await` of the call gives. */
function isPromiseOfString(t: TSESTree.TypeNode | undefined): boolean {
  if (t?.type !== T.TSTypeReference || t.typeName.type !== T.Identifier || t.typeName.name !== 'Promise') return false;
  const arg = t.typeArguments?.params[0];
  return isStringType(arg);
}

function annotated(id: TSESTree.Node): TSESTree.TypeNode | undefined {
  return id.type === T.Identifier ? id.typeAnnotation?.typeAnnotation : undefined;
}

function declared(expr: TSESTree.Node, flow: FileFlow, awaited: boolean, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (expr.type === T.TSAsExpression && isStringType(expr.typeAnnotation)) return true;
  const n = unwrap(expr);
  if (n.type === T.AwaitExpression) return declared(n.argument, flow, true, depth + 1);
  if (n.type === T.TemplateLiteral) return n.expressions.length > 0;
  if (n.type === T.CallExpression) {
    const callee = unwrap(n.callee);
    if (callee.type === T.Identifier && callee.name === 'String') return true;
    if (callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier)
      if (callee.property.name === 'toString' && n.arguments.length <= 1) return true;
    const fn = flow.callTarget(n);
    if (!fn) return false;
    return awaited ? isPromiseOfString(fn.returnType?.typeAnnotation) : isStringType(fn.returnType?.typeAnnotation);
  }
  if (n.type !== T.Identifier) return false;
  const v = findVariable(flow.getScope(n), n);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (!def) return false;
  if (isStringType(annotated(def.name))) return true;
  // `const code = makeCode()`: a binding that is never written again takes its initialiser's type.
  const d = def.node;
  if (d.type === T.VariableDeclarator && d.id === def.name && d.init && !isFunctionNode(d.init))
    return (
      v!.references.every((r) => !r.isWrite() || r.writeExpr === d.init) && declared(d.init, flow, awaited, depth + 1)
    );
  return false;
}

/** Whether the source declares `expr` to be text (see the module comment); false when it says nothing. */
export function declaredString(expr: TSESTree.Node, flow: FileFlow): boolean {
  return declared(expr, flow, false, 0);
}
