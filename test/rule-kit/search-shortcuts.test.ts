/**
 * Two shortcuts of the leak search that must never change an answer (docs/benchmarks.md, speedlint25):
 * - `leaksUnderAnyTitle` tries a second sink title only when the search under the first read its title: a request
 *   logged whole counts under a console title only, a weak code in a command-line program under any other title only,
 *   so both must still be found, and a search that never reads the title must still find nothing;
 * - `secretMembersOf` skips its patterns over a range where the name is never followed by a member access nor
 *   destructured: every form the patterns read must still be found.
 */
import tsParser from '@typescript-eslint/parser';
import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { collectImports } from '../../src/rule-kit/imports.js';
import { createLeakFinder } from '../../src/rule-kit/leaks.js';
import { createMemberEvidence } from '../../src/rule-kit/member-evidence.js';

/** For every call of `sink(…)` in the code: whether its first argument leaks under the titles, with every title. */
function searches(code: string[], titles: readonly string[]): { any: boolean; each: boolean[] }[] {
  const out: { any: boolean; each: boolean[] }[] = [];
  const probe: Rule.RuleModule = {
    create(context) {
      const sourceCode = context.sourceCode as unknown as TSESLint.SourceCode;
      const imports = collectImports(sourceCode.ast);
      const where = { filename: context.filename, cwd: context.cwd, settings: context.settings };
      return {
        CallExpression(node: unknown) {
          const call = node as TSESTree.CallExpression;
          if (call.callee.type !== T.Identifier || call.callee.name !== 'sink' || !call.arguments[0]) return;
          // A finder of its own for each search: no cache of one answers the other.
          const finder = () => createLeakFinder(sourceCode, imports, where);
          out.push({
            any: finder().leaksUnderAnyTitle(call.arguments[0], titles),
            each: titles.map((title) => finder().leaksIn(call.arguments[0]!, { title }).length > 0),
          });
        },
      };
    },
  };
  const messages = new Linter({ configType: 'flat', cwd: '/project' }).verify(
    code.join('\n'),
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { t: { rules: { probe } } },
        rules: { 't/probe': 'error' },
      },
    ],
    '/project/src/app.ts',
  );
  expect(messages).toEqual([]);
  return out;
}

const TITLES = ['console.', ''] as const;

describe('leaksUnderAnyTitle answers as the search under every title does', () => {
  it('a request logged whole: found under the console title', () => {
    const found = searches(
      [
        'declare function sink(...a: unknown[]): void;',
        'export function handler(req: any) {',
        '  const user = req.body.user;',
        '  sink(req);',
        '  return user;',
        '}',
      ],
      TITLES,
    );
    expect(found).toEqual([{ any: true, each: [true, false] }]);
  });

  it('a weak one-time code in a command-line program: found under the other title, after a search that read it', () => {
    const found = searches(
      [
        "import { Command } from 'commander';",
        'declare function sink(...a: unknown[]): void;',
        'declare function sendSms(to: string, text: string): void;',
        'new Command();',
        'export function login(phone: string) {',
        '  const digits = String(Math.floor(Math.random() * 1000000));',
        '  sendSms(phone, `your code: ${digits}`);',
        '  sink(digits);',
        '}',
      ],
      TITLES,
    );
    expect(found).toEqual([{ any: true, each: [false, true] }]);
  });

  it('values that read no title: the same nothing under every title', () => {
    const found = searches(
      [
        'declare function sink(...a: unknown[]): void;',
        'export function count(items: string[], label: string) {',
        '  const total = items.length;',
        '  sink(total);',
        '  sink(label);',
        '  sink(`${label}: ${total}`);',
        '}',
      ],
      TITLES,
    );
    expect(found).toEqual([
      { any: false, each: [false, false] },
      { any: false, each: [false, false] },
      { any: false, each: [false, false] },
    ]);
  });
});

describe('secretMembersOf finds every form its patterns read', () => {
  const isSecret = (s: string): boolean => /^(?:password|token|apiKey)$/.test(s);
  const members = (text: string, from?: number, to?: number): readonly string[] =>
    createMemberEvidence(text, { isSecret }).secretMembersOf('cfg', from, to);

  it.each([
    ['log(cfg); send(cfg.password);', ['password']],
    ['log(cfg); send(cfg?.token);', ['token']],
    ["log(cfg); send(cfg['apiKey']);", ['apiKey']],
    ['const { password, email } = cfg;', ['password']],
    ['const { token } =\n  await cfg;', ['token']],
    ['cfg.push({ email, password });', ['password']],
    ['log(cfg); log(cfg.user);', []],
    ['log(cfg); log(mycfg.password); log(cfg);', []],
    ['log(cfg); const x = cfg;', []],
  ] as const)('%s', (text, want) => {
    expect(members(text)).toEqual(want);
  });

  it('reads only the range it is given', () => {
    const text = 'log(cfg);\nsend(cfg.password);';
    expect(members(text, 0, text.indexOf('\n'))).toEqual([]);
    expect(members(text, text.indexOf('\n'), text.length)).toEqual(['password']);
  });
});
