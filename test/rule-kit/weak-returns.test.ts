/**
 * The engine's weak-random verdict alone (`returnsWeakRandom`, src/rule-kit/flow/engine.ts), which the module
 * summary's weak-helper verdicts ask (src/rule-kit/flow/summary.ts) instead of a whole function summary: on each
 * function of each case it gives the literal answer below, and the same answer as `summary(fn).returns` in a
 * fresh flow, whichever of the two is asked first.
 */
import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { lintWith } from '../helpers/probe.js';
import { describe, expect, it } from 'vitest';
import { flowOf } from '../../src/rule-kit/flow/engine.js';
import { isFunctionNode, type FunctionNode } from '../../src/rule-kit/ast.js';

type Order = 'verdict-first' | 'summary-first' | 'verdict-only' | 'summary-only';

/** Every named top-level function and class method of `code` → its answer, asked in `order`. */
function answers(code: string, order: Order): Record<string, boolean> {
  const got: Record<string, boolean> = {};
  const rule: TSESLint.RuleModule<'x'> = {
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    defaultOptions: [],
    create(context) {
      return {
        'Program:exit'(program: TSESTree.Program) {
          const flow = flowOf(context.sourceCode);
          const fns: Array<[string, FunctionNode]> = [];
          for (const s of program.body) {
            const d = s.type === T.ExportNamedDeclaration ? s.declaration : s;
            if (d?.type === T.FunctionDeclaration && d.id) fns.push([d.id.name, d]);
            if (d?.type === T.ClassDeclaration && d.id)
              for (const m of d.body.body)
                if (m.type === T.MethodDefinition && m.key.type === T.Identifier && isFunctionNode(m.value))
                  fns.push([`${d.id.name}.${m.key.name}`, m.value]);
          }
          for (const [name, fn] of fns) {
            const bySummary = (): boolean => flow.summary(fn).returns.has('weak-random');
            if (order === 'verdict-only') got[name] = flow.returnsWeakRandom(fn);
            else if (order === 'summary-only') got[name] = bySummary();
            else if (order === 'verdict-first') {
              const v = flow.returnsWeakRandom(fn);
              got[name] = bySummary() === v ? v : !v; // a disagreement shows as the wrong literal below
            } else {
              const s = bySummary();
              got[name] = flow.returnsWeakRandom(fn) === s ? s : !s;
            }
          }
        },
      };
    },
  };
  const messages = lintWith(rule, code, 'probe.ts');
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return got;
}

const CASES: ReadonlyArray<{ name: string; code: string; expected: Record<string, boolean> }> = [
  {
    name: 'a weak source returned, through a same-file helper, and a value with entropy',
    code: [
      "import { randomBytes } from 'node:crypto';",
      'export function direct() { return Math.random().toString(36).slice(2); }',
      'function stamp() { return Date.now(); }',
      "export function viaHelper() { return 'id-' + stamp(); }",
      "export function strong() { return randomBytes(16).toString('hex'); }",
      "export function mixed() { return String(Math.random()) + randomBytes(8).toString('hex'); }",
      'export function passThrough(x: string) { return x.trim(); }',
      'export function nothing() { Math.random(); }',
    ].join('\n'),
    expected: {
      direct: true,
      stamp: true,
      viaHelper: true,
      strong: false,
      mixed: false,
      passThrough: false,
      nothing: false,
    },
  },
  {
    name: 'class methods, one calling another, and recursion',
    code: [
      'export class Ids {',
      '  next() { return String(Math.random()); }',
      "  tagged() { return 't-' + this.next(); }",
      '  size() { return 3; }',
      '}',
      'export function again(n: number): string { return n > 0 ? again(n - 1) : String(Date.now()); }',
      'export function ping(n: number): string { return n > 0 ? pong(n - 1) : String(n); }',
      'function pong(n: number): string { return ping(n); }',
    ].join('\n'),
    expected: {
      'Ids.next': true,
      'Ids.tagged': true,
      'Ids.size': false,
      again: true,
      ping: false,
      pong: false,
    },
  },
];

describe('returnsWeakRandom: the summary’s weak-random answer without the summary', () => {
  for (const c of CASES)
    for (const order of ['verdict-only', 'summary-only', 'verdict-first', 'summary-first'] as const)
      it(`${c.name} (${order})`, () => {
        expect(answers(c.code, order)).toEqual(c.expected);
      });
});
