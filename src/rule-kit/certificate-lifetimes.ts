/**
 * How long a certificate the code issues stays valid (catalogue `certificateLifetimes`), where the code says so
 * with numbers: node-forge's `cert.validity.notAfter.setFullYear(<year> + N)` or
 * `cert.validity.notAfter = new Date(Date.now() + ms)` (or `new Date(d.setFullYear(d.getFullYear() + N))`), and a
 * generator's `days` option. Only a validity past
 * the catalogue's ceiling is returned.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { certificateLifetimes } from '../catalogue/iac.js';
import { calleeName, memberPath, staticNumber, unwrap, type Scope } from './ast.js';
import { lookup, propsOf, valueOf } from './option-objects.js';
import { sinkMatches, type CalleePath } from './sinks.js';

type Call = TSESTree.CallExpression | TSESTree.NewExpression;

const YEAR_MS = 365.25 * 86_400_000;
const isNotAfter = (n: TSESTree.Node): boolean => {
  const p = memberPath(n);
  return p !== undefined && (p === certificateLifetimes.notAfter || p.endsWith(`.${certificateLifetimes.notAfter}`));
};

/** `base + n` where `base` is a call (`x.getFullYear()`, `Date.now()`): n. */
function offsetFromCall(n: TSESTree.Node, base: string): number | undefined {
  const u = unwrap(n);
  if (u.type !== T.BinaryExpression || u.operator !== '+') return undefined;
  for (const [from, by] of [
    [u.left, u.right],
    [u.right, u.left],
  ] as const) {
    const f = unwrap(from);
    if (f.type === T.CallExpression && calleeName(f.callee) === base) return staticNumber(by);
  }
  return undefined;
}

/** The validity in years past the ceiling that a call or assignment sets, with the node to report. */
export function longCertificate(
  node: Call | TSESTree.AssignmentExpression,
  cp: CalleePath | undefined,
  scope: Scope,
): { readonly node: TSESTree.Node; readonly years: number } | undefined {
  const years = yearsOf(node, cp, scope);
  return years !== undefined && years > certificateLifetimes.maxYears ? { node, years } : undefined;
}

function yearsOf(node: Call | TSESTree.AssignmentExpression, cp: CalleePath | undefined, scope: Scope) {
  if (node.type === T.AssignmentExpression) {
    if (node.operator !== '=' || !isNotAfter(node.left)) return undefined;
    const r = unwrap(node.right);
    if (r.type !== T.NewExpression || calleeName(r.callee) !== 'Date' || r.arguments.length !== 1) return undefined;
    const arg = unwrap(r.arguments[0]!);
    // `new Date(d.setFullYear(d.getFullYear() + 30))`: setFullYear returns the new time.
    if (arg.type === T.CallExpression && calleeName(arg.callee) === 'setFullYear' && arg.arguments[0])
      return offsetFromCall(arg.arguments[0], 'getFullYear');
    const ms = offsetFromCall(arg, 'now') ?? offsetFromCall(arg, 'getTime');
    return ms === undefined ? undefined : ms / YEAR_MS;
  }
  if (node.type === T.CallExpression && node.callee.type === T.MemberExpression) {
    if (calleeName(node.callee) === 'setFullYear' && isNotAfter(node.callee.object) && node.arguments[0])
      return offsetFromCall(node.arguments[0], 'getFullYear');
  }
  if (!cp) return undefined;
  for (const g of certificateLifetimes.generators) {
    if (!sinkMatches(g.match, cp)) continue;
    const props = propsOf(node, g.propsIndex, undefined, scope);
    const l = props.kind === 'object' ? lookup(props.obj, g.days, scope) : undefined;
    const days = l?.kind === 'found' ? staticNumber(valueOf(l.value, scope)) : undefined;
    return days === undefined ? undefined : days / 365.25;
  }
  return undefined;
}
