/**
 * The weak-value tracker (src/rule-kit/flow/taint/tracker.ts) walks a followed call's body once per chain of calls:
 * a value reached again in the same frame comes from the frame's memo. Without it, a helper whose variable is
 * re-assigned from itself (`s = s + …`, several times) was walked once per order of its writes, up to the depth
 * limit, and a long class of such methods took minutes (a 13.6k-line class: 217 million walks). The figures here
 * are counts of walks, not times.
 */
import tsParser from '@typescript-eslint/parser';
import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { flowOf } from '../../src/rule-kit/flow/engine.js';

/** The taint of every `return` argument of function `name`, with the number of walks the tracker made. */
function returnTaint(code: string, name: string): { weak: number; entropy: boolean; walks: number } {
  let got: { weak: number; entropy: boolean; walks: number } | undefined;
  const rule: TSESLint.RuleModule<'x'> = {
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    defaultOptions: [],
    create(context) {
      return {
        'Program:exit'(program: TSESTree.Program) {
          const { taint } = flowOf(context.sourceCode);
          const fn = program.body
            .map((s) => (s.type === T.ExportNamedDeclaration ? s.declaration : s))
            .find((s): s is TSESTree.FunctionDeclaration => s?.type === T.FunctionDeclaration && s.id?.name === name);
          if (!fn) throw new Error(`no function ${name}`);
          const ts = taint.returnsOf(fn).map((r) => taint.taintOf(r));
          got = {
            weak: ts.reduce((k, t) => k + t.weak.length, 0),
            entropy: ts.some((t) => t.entropy),
            walks: taint.walks(),
          };
        },
      };
    },
  };
  const messages = new Linter({ configType: 'flat' }).verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { t: { rules: { probe: rule as unknown as import('eslint').Rule.RuleModule } } },
        rules: { 't/probe': 'error' },
      },
    ],
    'probe.ts',
  );
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  if (!got) throw new Error('the probe did not run');
  return got;
}

/** A helper whose local is re-assigned from itself `writes` times, called `calls` times by `token`. */
function selfWrites(writes: number, calls: number, source: string): string {
  const steps = Array.from({ length: writes }, (_, i) => `  s = s + '${String.fromCharCode(97 + i)}';`);
  const uses = Array.from({ length: calls }, () => `pad(${source})`).join(' + ');
  return [
    'function pad(a: string) {',
    '  let s = a;',
    ...steps,
    '  return s;',
    '}',
    'export function token() {',
    `  return ${uses};`,
    '}',
  ].join('\n');
}

describe('the tracker walks a followed call once per chain of calls', () => {
  it('a helper re-assigning a local from itself eight times: a few hundred walks, not one per order of writes', () => {
    const r = returnTaint(selfWrites(8, 1, 'String(Date.now())'), 'token');
    expect(r.weak).toBeGreaterThan(0);
    expect(r.entropy).toBe(false);
    expect(r.walks).toBeLessThan(500);
  });

  it('the same helper called six times from one expression: each call site once, the work does not multiply', () => {
    const one = returnTaint(selfWrites(8, 1, 'String(Date.now())'), 'token').walks;
    const six = returnTaint(selfWrites(8, 6, 'String(Date.now())'), 'token').walks;
    expect(six).toBeLessThanOrEqual(6 * one + 10);
    expect(six).toBeLessThan(500);
  });

  it('memoised per frame, the answer still depends on the arguments of each call', () => {
    const code = [
      "import { randomBytes } from 'node:crypto';",
      "function tag(a: string) { const t = 'v1.' + a; return t; }",
      'export function weak() { const x = String(Math.random()); return tag(x) + tag(x); }',
      "export function strong() { const x = randomBytes(16).toString('hex'); return tag(x) + tag(x); }",
    ].join('\n');
    const weak = returnTaint(code, 'weak');
    expect(weak.weak).toBeGreaterThan(0);
    expect(weak.entropy).toBe(false);
    expect(returnTaint(code, 'strong').entropy).toBe(true);
  });
});
