import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { createRule } from '../../src/rule-kit/create-rule.js';

// createRule merges a rule's options with its defaults once per distinct configuration (not once per file, as
// typescript-eslint's creator does) and hands every file the same frozen copy. These tests call the rule's
// `create` with the contexts ESLint would pass (a fresh `options` array per file) and look at what the rule got.

type Options = [{ mode?: 'a' | 'b'; limits?: { low?: number; high?: number }; names?: string[] }];
const defaults: Options = [{ mode: 'a', limits: { low: 1, high: 9 }, names: ['x'] }];

function probe() {
  const seen: Readonly<Options>[] = [];
  const rule = createRule<Options, 'm'>({
    name: 'probe-rule',
    meta: {
      type: 'problem',
      docs: { description: 'probe', recommended: 'strict', category: 'hardcoded-key', cwe: [321] },
      messages: { m: 'm' },
      schema: [],
    },
    defaultOptions: defaults,
    create(_context, options) {
      seen.push(options);
      return {};
    },
  });
  const lint = (options: unknown[]): Readonly<Options> => {
    rule.create({ options } as unknown as TSESLint.RuleContext<'m', Options>);
    return seen[seen.length - 1]!;
  };
  return { rule, lint };
}

describe('createRule', () => {
  it('adds the docs URL', () => {
    expect(probe().rule.meta.docs?.url).toBe(
      'https://github.com/keyhygiene/keyhygiene/blob/main/docs/rules/probe-rule.md',
    );
  });

  it("gives each configuration the options typescript-eslint's applyDefault gives", () => {
    const { lint } = probe();
    for (const options of [[], [{ mode: 'b' }], [{ limits: { high: 20 } }], [{ names: ['y', 'z'] }]])
      expect(lint(options)).toEqual(ESLintUtils.applyDefault(defaults, options as Options));
    expect(lint([{ limits: { high: 20 } }])[0].limits).toEqual({ low: 1, high: 20 });
  });

  it('merges an equal configuration once: every file gets the same object', () => {
    const { lint } = probe();
    const first = lint([{ mode: 'b', limits: { low: 2 } }]);
    const again = lint([{ mode: 'b', limits: { low: 2 } }]);
    expect(again).toBe(first);
    expect(lint([])).toBe(lint([]));
    expect(lint([{ mode: 'a' }])).not.toBe(first);
    expect(lint([{ mode: 'a' }])[0].mode).toBe('a');
  });

  it('hands out a frozen copy, and leaves the configuration itself alone', () => {
    const { lint } = probe();
    const user = [{ mode: 'b', names: ['q'] }];
    const got = lint(user);
    expect(Object.isFrozen(got)).toBe(true);
    expect(Object.isFrozen(got[0])).toBe(true);
    expect(Object.isFrozen(got[0].names)).toBe(true);
    expect(Object.isFrozen(got[0].limits)).toBe(true);
    expect(() => (got[0].names as string[]).push('r')).toThrow(TypeError);
    expect(Object.isFrozen(user[0])).toBe(false);
    expect(Object.isFrozen(user[0]!.names)).toBe(false);
    expect(Object.isFrozen(defaults[0])).toBe(false);
  });
});
