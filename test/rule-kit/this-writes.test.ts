/**
 * `thisWrites` (src/rule-kit/flow/this-writes.ts): every value a class writes to `this.key`, found in one walk of the
 * class for all its keys. The answers must be what a walk for each key alone finds: the field initialiser and each
 * `this.key = …` in its methods and arrow functions, in walk order; not a static field, not a compound assignment,
 * not a write in a nested class (its own `this`), not one inside a field's initialiser.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { thisWrites } from '../../src/rule-kit/flow/this-writes.js';
import { lintWith } from '../helpers/probe.js';

/** For each class of `code` (by name) and each key asked, in the order asked: the source text of every write. */
function writes(code: string, keys: readonly string[]): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  const rule: TSESLint.RuleModule<'x'> = {
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    defaultOptions: [],
    create(context) {
      const sc = context.sourceCode;
      return {
        'ClassDeclaration, ClassExpression'(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression) {
          const name = cls.id?.name ?? 'anonymous';
          out[name] = {};
          for (const k of keys) out[name][k] = thisWrites(cls.body, k, sc.visitorKeys).map((w) => sc.getText(w));
        },
      };
    },
  };
  expect(lintWith(rule, code, 'src/writes.ts').filter((m) => m.fatal)).toEqual([]);
  return out;
}

const code = [
  'export class Store {',
  "  key = 'init';",
  '  static key = "static";',
  '  other = () => { this.key = "in-initialiser"; };',
  '  constructor(k: string) { this.key = k; this.count = 0; }',
  '  rotate() { this.key = next(); this.count += 1; }',
  '  later() { return () => { this.key = fresh(); }; }',
  '  nested() { return class Inner { m() { this.key = "inner"; } }; }',
  "  ['computed'] = 'c';",
  '  count: number;',
  '}',
  '',
].join('\n');

describe('thisWrites', () => {
  it('finds the field initialiser and every plain write, in walk order, for each key', () => {
    const got = writes(code, ['key', 'count', 'computed', 'missing']);
    expect(got.Store!.key).toEqual(['fresh()', 'next()', 'k', "'init'"]);
    expect(got.Store!.count).toEqual(['0']);
    expect(got.Store!.computed).toEqual(["'c'"]);
    expect(got.Store!.missing).toEqual([]);
    expect(got.Inner!.key).toEqual(['"inner"']);
  });

  it('answers the same whatever the order keys are asked in, and again', () => {
    const forward = writes(code, ['key', 'count', 'computed']);
    const backward = writes(code, ['computed', 'count', 'key', 'key', 'count']);
    for (const k of ['key', 'count', 'computed']) expect(backward.Store![k]).toEqual(forward.Store![k]);
  });
});
