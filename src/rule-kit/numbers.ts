/**
 * Static numbers and strings behind a parameter, read through the file's flow engine: a work factor is
 * often not written where it is used but in a constant (`const ROUNDS = BASE * 10`), a config object
 * (`config.kdf.iterations`), a class field (`this.iterations`), a parameter default (`iterations = 50000`),
 * a destructuring default (`const { cost = 4096 } = opts`) or an env fallback (`Number(env.X) || 10000`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { numberCasts } from '../catalogue/index.js';
import { staticNumber, staticString, unwrap } from './ast.js';
import type { FileFlow } from './flow/engine.js';

/** A number the value can be, and the node it is written at (where a report and a fix go). */
export interface NumberAt {
  readonly value: number;
  readonly node: TSESTree.Node;
}

const MAX_DEPTH = 8;
/** Operators, not catalogue data: the arithmetic a constant size is read through. */
const ARITHMETIC = new Set(['*', '+', '-', '/', '**', '<<']);

function castArgument(n: TSESTree.CallExpression): TSESTree.Node | undefined {
  const c = unwrap(n.callee);
  const name =
    c.type === T.Identifier
      ? c.name
      : c.type === T.MemberExpression &&
          !c.computed &&
          c.object.type === T.Identifier &&
          c.property.type === T.Identifier
        ? `${c.object.name}.${c.property.name}`
        : undefined;
  const a = n.arguments[0];
  return name !== undefined && numberCasts.names.has(name) && a && a.type !== T.SpreadElement ? a : undefined;
}

function numbers(expr: TSESTree.Node, flow: FileFlow, depth: number, seen: Set<TSESTree.Node>): NumberAt[] {
  const n = unwrap(expr);
  if (depth > MAX_DEPTH || seen.has(n)) return [];
  seen.add(n);
  const direct = staticNumber(n);
  if (direct !== undefined) return [{ value: direct, node: n }];
  if (n.type === T.Literal && typeof n.value === 'string') {
    const v = Number(n.value);
    return n.value.trim() !== '' && Number.isFinite(v) ? [{ value: v, node: n }] : [];
  }
  if (n.type === T.BinaryExpression && ARITHMETIC.has(n.operator) && n.left.type !== T.PrivateIdentifier) {
    const a = numbers(n.left, flow, depth + 1, seen);
    const b = numbers(n.right, flow, depth + 1, seen);
    if (a.length !== 1 || b.length !== 1) return [];
    const x = a[0]!.value;
    const y = b[0]!.value;
    const ops: Record<string, number> = { '*': x * y, '+': x + y, '-': x - y, '/': x / y, '**': x ** y, '<<': x << y };
    const v = ops[n.operator];
    return v === undefined || !Number.isFinite(v) ? [] : [{ value: v, node: n }];
  }
  if (n.type === T.CallExpression) {
    const arg = castArgument(n);
    return arg ? numbers(arg, flow, depth + 1, seen) : [];
  }
  const out: NumberAt[] = [];
  for (const o of flow.origins(n)) {
    if (unwrap(o.node) === n) continue;
    out.push(...numbers(o.node, flow, depth + 1, seen));
  }
  return out;
}

/**
 * The smallest static number `expr` can evaluate to (a work factor's weakest setting), with the node it is
 * written at; undefined when no static number reaches it. Parameters without defaults and other unknown
 * parts are left out: a default or fallback is judged as what the code runs when nothing overrides it.
 */
export function weakestNumber(expr: TSESTree.Node, flow: FileFlow): NumberAt | undefined {
  let best: NumberAt | undefined;
  for (const c of numbers(expr, flow, 0, new Set())) if (!best || c.value < best.value) best = c;
  return best;
}

/** The one static string `expr` holds through constants, config objects and fields, or undefined. */
export function staticStringThrough(expr: TSESTree.Node, flow: FileFlow): string | undefined {
  const s = staticString(unwrap(expr));
  if (s !== undefined) return s;
  const values = new Set<string>();
  for (const o of flow.origins(expr)) {
    if (o.kind !== 'string' || o.value === undefined) return undefined;
    values.add(o.value);
  }
  return values.size === 1 ? [...values][0] : undefined;
}

/** The one object literal `expr` holds through constants, fields and config members, or undefined. */
export function objectThrough(expr: TSESTree.Node, flow: FileFlow): TSESTree.ObjectExpression | undefined {
  const u = unwrap(expr);
  if (u.type === T.ObjectExpression) return u;
  const objs = flow.origins(u);
  const only = objs.length === 1 ? objs[0] : undefined;
  return only?.kind === 'object' && only.node.type === T.ObjectExpression ? only.node : undefined;
}
