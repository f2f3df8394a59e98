/**
 * Whether a link is put in a message addressed to a person (a mail, a text): the link's parameters are then
 * credentials the reader brings back, whatever they are called (`no-weak-randomness`, catalogue `messageSenderCall`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { messageRecordField, messageSenderCall } from '../catalogue/randomness.js';
import { normaliseName } from '../detect/names.js';
import { calleeName, constInitOf, findVariable, propertyName, unwrap } from './ast.js';

type Node = TSESTree.Node;

/** `transporter.sendMail`, `sendResetEmail`, `this.mailer.send`: a callee the catalogue reads as a message sender. */
function isSenderCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  const method = calleeName(callee);
  if (method === undefined) return false;
  const receiver = callee.type === T.MemberExpression ? calleeName(callee.object) : undefined;
  const text = `${receiver === undefined ? '' : normaliseName(receiver)}.${normaliseName(method)}`;
  return messageSenderCall.pattern.test(receiver === undefined ? normaliseName(method) : text);
}

/** An object literal shaped as a message to a person: a recipient (`to`) and a subject or a body. */
function isMessageRecord(o: TSESTree.ObjectExpression): boolean {
  const keys = o.properties.map((p) => (p.type === T.Property ? propertyName(p) : undefined));
  return keys.includes('to') && keys.some((k) => k !== undefined && messageRecordField.names.has(k));
}

/**
 * Whether the text `node` builds reaches a message to a person: as a sender's argument, a field of a message record,
 * or through the text it is part of or a `const` it is stored in (`depth` bounds the hops through bindings).
 */
export function sentInMessage(node: Node, getScope: (n: Node) => TSESLint.Scope.Scope, depth = 0): boolean {
  let n: Node = node;
  for (let hops = 0; hops < 8; hops++) {
    const p: Node | undefined = n.parent;
    if (!p) return false;
    if (
      p.type === T.TemplateLiteral ||
      (p.type === T.BinaryExpression && p.operator === '+') ||
      p.type === T.TSAsExpression ||
      p.type === T.AwaitExpression ||
      p.type === T.ArrayExpression
    ) {
      n = p;
      continue;
    }
    if (p.type === T.Property && p.value === n && p.parent.type === T.ObjectExpression) {
      if (isMessageRecord(p.parent)) return true;
      n = p.parent;
      continue;
    }
    if (p.type === T.CallExpression && p.arguments.includes(n as TSESTree.CallExpressionArgument))
      return isSenderCall(p);
    if (p.type === T.VariableDeclarator && p.init === n && p.id.type === T.Identifier && depth < 2) {
      const v = findVariable(getScope(p), p.id);
      return (v?.references ?? []).some(
        (r) => r.identifier !== p.id && r.isRead() && sentInMessage(r.identifier, getScope, depth + 1),
      );
    }
    return false;
  }
  return false;
}

/** A literal or a list of them (`['a', 'b']`, `LAYOUTS` bound to one). */
function literalChoices(n: Node, getScope: (n: Node) => TSESLint.Scope.Scope): boolean {
  let u = unwrap(n);
  if (u.type === T.Identifier) u = unwrap(constInitOf(u, getScope(u)) ?? u);
  if (u.type === T.Literal || (u.type === T.TemplateLiteral && u.expressions.length === 0)) return true;
  return u.type === T.ArrayExpression && u.elements.every((e) => e !== null && literalChoices(e, getScope));
}

/**
 * `['a', 'b'][Math.floor(Math.random() * 2)]`, `Math.random() < 0.5 ? 'wide' : 'narrow'`: one of a few values written
 * in the code, picked at random (an A/B variant, a layout). The link it goes in names a choice, not a credential.
 */
export function picksListedValue(expr: Node, getScope: (n: Node) => TSESLint.Scope.Scope): boolean {
  let u = unwrap(expr);
  if (u.type === T.Identifier) u = unwrap(constInitOf(u, getScope(u)) ?? u);
  if (u.type === T.ConditionalExpression)
    return literalChoices(u.consequent, getScope) && literalChoices(u.alternate, getScope);
  return u.type === T.MemberExpression && u.computed && literalChoices(u.object, getScope);
}
