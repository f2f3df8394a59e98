/**
 * A random number that only picks one element of a list of options (`variants[Math.floor(Math.random() *
 * variants.length)]`, a key of `Object.keys(GRADIENTS)`): the value that leaves is one of the options, each of them
 * known to anyone who reads the list, so how predictable the pick is decides nothing secret (an A/B variant, a colour
 * scheme, a configured endpoint). A pick in a loop or a per-element callback builds a string or a word list out of
 * picks (a password from a charset, a Diceware phrase) and stays a key's randomness; so does a pick from a string or
 * a list of single characters, which is a charset.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, TSESLint } from '@typescript-eslint/utils';
import { constInitOf, isFunctionNode, unwrap } from './ast.js';

type Node = TSESTree.Node;
type GetScope = (n: Node) => TSESLint.Scope.Scope;

/** `Math.floor(x)`, `Math.trunc(x)`, `Math.round(x)`: a number made an index. */
function isIndexRounding(n: Node, arg: Node): boolean {
  if (n.type !== T.CallExpression || n.arguments[0] !== arg || n.callee.type !== T.MemberExpression) return false;
  const { object, property } = n.callee;
  return (
    object.type === T.Identifier &&
    object.name === 'Math' &&
    property.type === T.Identifier &&
    /^(?:floor|trunc|round)$/.test(property.name)
  );
}

/** `Object.keys(x)`, `Object.values(x)`, `Object.entries(x)`: a list of a record's names or members. */
function isObjectListing(n: Node): boolean {
  const u = unwrap(n);
  if (u.type !== T.CallExpression || u.callee.type !== T.MemberExpression) return false;
  const { object, property } = u.callee;
  return (
    object.type === T.Identifier &&
    object.name === 'Object' &&
    property.type === T.Identifier &&
    /^(?:keys|values|entries)$/.test(property.name)
  );
}

/** An array literal that is no charset: some element is no one-character string. */
function isOptionArray(n: Node): boolean {
  const u = unwrap(n);
  return (
    u.type === T.ArrayExpression &&
    u.elements.length > 0 &&
    u.elements.some((e) => !(e?.type === T.Literal && typeof e.value === 'string' && e.value.length === 1))
  );
}

/** A parameter declared as an array (`variants: string[]`, `Array<Variant>`), not as a string. */
function isArrayParameter(id: TSESTree.Identifier, getScope: GetScope): boolean {
  const def = getScope(id).references.find((r) => r.identifier === id)?.resolved?.defs[0];
  if (def?.type !== TSESLint.Scope.DefinitionType.Parameter || def.name.type !== T.Identifier) return false;
  const t = def.name.typeAnnotation?.typeAnnotation;
  if (!t) return false;
  if (t.type === T.TSArrayType) return true;
  return (
    t.type === T.TSTypeReference &&
    t.typeName.type === T.Identifier &&
    /^(?:Array|ReadonlyArray)$/.test(t.typeName.name)
  );
}

/** The list a pick reads from is a list of options: an array literal, a record's keys or values, an array parameter. */
function isOptionList(object: Node, getScope: GetScope): boolean {
  const u = unwrap(object);
  if (isOptionArray(u) || isObjectListing(u)) return true;
  if (u.type !== T.Identifier) return false;
  const init = constInitOf(u, getScope(u));
  return init ? isOptionArray(init) || isObjectListing(init) : isArrayParameter(u, getScope);
}

/** Whether `n` runs once per element or per turn: inside a loop, or in a callback passed to a call. */
function repeated(n: Node): boolean {
  for (let p = n.parent; p; p = p.parent) {
    switch (p.type) {
      case T.ForStatement:
      case T.ForInStatement:
      case T.ForOfStatement:
      case T.WhileStatement:
      case T.DoWhileStatement:
        return true;
      default:
        if (isFunctionNode(p))
          return p.parent?.type === T.CallExpression && (p.parent.arguments as readonly Node[]).includes(p);
    }
  }
  return false;
}

/**
 * True when `source`, a weak random number, is only the index of one pick from a list of options (see the module
 * comment): `list[Math.floor(source * list.length)]`, outside any loop or per-element callback.
 */
export function picksOneOption(source: Node, getScope: GetScope): boolean {
  let n: Node = source;
  let p = n.parent;
  while (p && ((p.type === T.BinaryExpression && p.operator === '*') || isIndexRounding(p, n))) {
    n = p;
    p = p.parent;
  }
  if (n === source || p?.type !== T.MemberExpression || !p.computed || p.property !== n) return false;
  return isOptionList(p.object, getScope) && !repeated(p);
}
