/**
 * What of an error's arguments is text (issue 11): `new Error(msg)`, `createError(401, \`…\`)`,
 * `new HTTPException(401, { message })`. Its message is read where errors are logged and reported; a request kept
 * on the error as structured context is a reference, not text; and a token echoed in a "not found" message matched
 * nothing, so it names no live credential. Phrases are catalogue data (src/catalogue/loggers.ts).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  credentialTokenName,
  errorTextMembers,
  lookupMissPhrase,
  oneTimeCodeName,
  randomSecretName,
} from '../catalogue/loggers.js';
import { normaliseName } from '../detect/index.js';
import { propertyName, unwrap } from './ast.js';
import type { Leak, LeakSink } from './leaks.js';

/** A name for what a lookup takes: a token, a code, an invite (not a password, a key or a secret). */
function lookupTokenName(name: string): boolean {
  const n = normaliseName(name);
  return (
    /(?:^|_)(?:token|code|invite|link)$/.test(n) ||
    credentialTokenName.pattern.test(n) ||
    randomSecretName.pattern.test(n) ||
    oneTimeCodeName.pattern.test(n)
  );
}

/** The literal text right before and right after `node` in the template or `+` chain that holds it. */
function textAround(node: TSESTree.Node): { readonly before: string; readonly after: string } | undefined {
  const p = node.parent;
  if (p?.type === T.TemplateLiteral) {
    const i = p.expressions.indexOf(node as TSESTree.Expression);
    const q = (k: number): string => p.quasis[k]?.value.cooked ?? '';
    return i < 0 ? undefined : { before: q(i), after: q(i + 1) };
  }
  if (p?.type === T.BinaryExpression && p.operator === '+') {
    const lit = (e: TSESTree.Node | undefined): string => {
      const u = e && unwrap(e);
      return u?.type === T.Literal && typeof u.value === 'string' ? u.value : '';
    };
    const up = p.parent?.type === T.BinaryExpression && p.parent.left === p ? p.parent.right : undefined;
    return p.left === node ? { before: '', after: lit(p.right) } : { before: lit(p.left), after: lit(up) };
  }
  return undefined;
}

/** `Recipient with token "${recipientToken}" not found`: a token that matched no record. */
function lookupMiss(leak: Leak): boolean {
  const u = unwrap(leak.node);
  const name = u.type === T.Identifier ? u.name : u.type === T.MemberExpression ? propertyName(u) : undefined;
  if (name === undefined || !lookupTokenName(name)) return false;
  const around = textAround(leak.node);
  return (
    around !== undefined && (lookupMissPhrase.after.test(around.after) || lookupMissPhrase.before.test(around.before))
  );
}

/**
 * The leaks in an error's arguments: the first argument, and later ones that are text or options; a later bare
 * value is a code, a flag or a cause. In a later options object only the text members count when the leak is a
 * whole request (`new APIError('failed', { request, response })` keeps them as context).
 */
export function errorArgumentLeaks(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  leaksIn: (expr: TSESTree.Node, sink: LeakSink) => Leak[],
  sink: LeakSink,
): Leak[] {
  const out: Leak[] = [];
  node.arguments.forEach((a, i) => {
    if (a.type === T.SpreadElement) return;
    const text =
      i === 0 || a.type === T.TemplateLiteral || a.type === T.ObjectExpression || a.type === T.BinaryExpression;
    if (!text) return;
    for (const leak of leaksIn(a, sink)) {
      if (lookupMiss(leak)) continue;
      if (i > 0 && leak.wholeRequest && !inTextMember(leak.node, a)) continue;
      out.push(leak);
    }
  });
  return out;
}

/** `{ message: \`…${req}…\` }`: the leak sits under a text member of the options object `arg`. */
function inTextMember(node: TSESTree.Node, arg: TSESTree.Node): boolean {
  for (let c: TSESTree.Node | undefined = node; c && c !== arg; c = c.parent)
    if (c.type === T.Property && c.parent === arg) return errorTextMembers.has(propertyName(c) ?? '');
  return false;
}
