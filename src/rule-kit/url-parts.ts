/**
 * What a `URL` object was given after it was made (issue 11, session 37): `const u = new URL(base)`, then
 * `u.password = password` or `u.searchParams.set('api_key', key)`, then `log(u.href)`. The values written into its
 * credential and query slots (catalogue `urlObjects`) before the read, each slot's last write only: a password cleared
 * with `u.password = ''` before the log is no longer in the text.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { urlObjects } from '../catalogue/loggers.js';
import { findVariable, propertyName, unwrap, type Scope } from './ast.js';

/** A value written into a URL: the slot (`password`, or `param:api_key`) and the value node. */
export interface UrlWrite {
  readonly slot: string;
  readonly param?: string;
  readonly value: TSESTree.Node;
}

/** Whether `init` makes a URL: `new URL(…)`. */
export function makesUrl(init: TSESTree.Node | undefined): init is TSESTree.NewExpression {
  const u = init && unwrap(init);
  return u?.type === T.NewExpression && u.callee.type === T.Identifier && urlObjects.constructors.has(u.callee.name);
}

/** The writes into URL binding `id` before `at` (a source offset), the last one of each slot. */
export function urlWrites(id: TSESTree.Identifier, scope: Scope, at: number): UrlWrite[] {
  const v = findVariable(scope, id);
  if (!v) return [];
  const last = new Map<string, UrlWrite>();
  const refs = [...v.references].sort((a, b) => a.identifier.range[0] - b.identifier.range[0]);
  for (const r of refs) {
    const ref = r.identifier;
    if (ref.range[0] >= at) break;
    const m = ref.parent;
    if (m?.type !== T.MemberExpression || m.object !== ref) continue;
    const member = propertyName(m);
    const up = m.parent;
    // `u.password = pw`
    if (member !== undefined && urlObjects.slots.has(member) && up?.type === T.AssignmentExpression && up.left === m) {
      last.set(member, { slot: member, value: up.right });
      continue;
    }
    // `u.searchParams.set('api_key', key)`
    const call = up?.parent;
    if (
      member === 'searchParams' &&
      up?.type === T.MemberExpression &&
      urlObjects.paramSetters.has(propertyName(up) ?? '') &&
      call?.type === T.CallExpression &&
      call.callee === up
    ) {
      const [name, value] = call.arguments;
      const param = name?.type === T.Literal && typeof name.value === 'string' ? name.value : undefined;
      if (value && value.type !== T.SpreadElement)
        last.set(`param:${param ?? call.range[0]}`, { slot: 'searchParams', ...(param ? { param } : {}), value });
    }
  }
  return [...last.values()];
}
