/**
 * A presented token logged where its own check rejected it (issue 11, session 40): `if (!isValidWsKey(auth))
 * log(auth)`, `if (await tokens.isUsed(t)) log(t)`. On that branch
 * the value is a wrong guess or a spent token, so it grants nothing. Only tokens, codes and credential headers are
 * judged so (catalogue `rejectingCheck`); a password or a key logged after a failed check stays reported (a wrong
 * password is often a typo of the right one). Pure: it reads the tree around the logged value.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  credentialTokenName,
  isCredentialHeader,
  oneTimeCodeName,
  presentedValueName,
  randomSecretName,
  rejectingCheck,
} from '../catalogue/loggers.js';
import { normaliseName } from '../detect/index.js';
import { isPasswordName } from '../detect/names.js';
import { calleeName, isFunctionNode, propertyName, unwrap } from './ast.js';

type Node = TSESTree.Node;

/** The name a value is read by: a binding, a member, a computed header (`headers['authorization']`). */
function lastName(n: Node): string | undefined {
  const u = unwrap(n);
  if (u.type === T.Identifier) return u.name;
  return u.type === T.MemberExpression ? propertyName(u) : undefined;
}

/** A token, a code or a credential header by its name; never a password. */
function presentedToken(n: Node): boolean {
  const name = lastName(n);
  if (name === undefined) return false;
  const norm = normaliseName(name);
  if (isPasswordName(name)) return false;
  const u = unwrap(n);
  if (u.type === T.MemberExpression && isCredentialHeader(name)) return true;
  return (
    presentedValueName.pattern.test(norm) ||
    credentialTokenName.pattern.test(norm) ||
    randomSecretName.pattern.test(norm) ||
    oneTimeCodeName.pattern.test(norm)
  );
}

/**
 * Whether `test` says, when it is `holds`, that the value (its text `same`) was not accepted: a failed validity
 * check of it or a spent check of it. Conjunctions and disjunctions are read as far as they decide: `a &&
 * !valid(v)` true means `!valid(v)`. Not an inequality (`if (token !== expected) log({ got: token, expected })`):
 * which side is the presented value is not in the test, and the other side is the secret itself (a development
 * corpus logs both there).
 */
function rejects(test: Node, holds: boolean, same: (x: Node) => boolean): boolean {
  const t = unwrap(test);
  if (t.type === T.UnaryExpression && t.operator === '!') return rejects(t.argument, !holds, same);
  if (t.type === T.AwaitExpression) return rejects(t.argument, holds, same);
  if (t.type === T.LogicalExpression) {
    // `a && b` true: both hold; `a || b` false: both fail. Otherwise only the side that decides.
    if ((t.operator === '&&' && holds) || (t.operator === '||' && !holds))
      return rejects(t.left, holds, same) || rejects(t.right, holds, same);
    if (t.operator === '&&' && !holds) return rejects(t.right, holds, same);
    return false;
  }
  if (t.type !== T.CallExpression || !t.arguments.some((a) => a.type !== T.SpreadElement && same(a))) return false;
  const name = calleeName(t.callee);
  const norm = name === undefined ? '' : normaliseName(name);
  if (rejectingCheck.valid.pattern.test(norm)) return !holds;
  return rejectingCheck.spent.pattern.test(norm) && holds;
}

/** The logged token's own check rejected it on the branch that logs it. */
export function rejectedValue(n: Node, text: (x: Node) => string): boolean {
  if (!presentedToken(n)) return false;
  const flat = (x: Node): string => text(unwrap(x)).replace(/\?\./g, '.').replace(/\s+/g, '');
  const target = flat(n);
  const same = (x: Node): boolean => flat(x) === target;
  for (let c: Node | undefined = n; c?.parent && !isFunctionNode(c); c = c.parent) {
    const p: Node = c.parent;
    if (p.type === T.IfStatement && p.consequent === c && rejects(p.test, true, same)) return true;
    if (p.type === T.IfStatement && p.alternate === c && rejects(p.test, false, same)) return true;
  }
  return false;
}
