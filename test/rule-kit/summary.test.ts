/**
 * One producer of per-file summaries (src/rule-kit/flow/summary.ts) on one export table
 * (src/rule-kit/flow/exports.ts): the forms the table reads, and the audit's recorded summary being exactly the
 * producer's. Every key is FAKE.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { moduleExports } from '../../src/rule-kit/flow/exports.js';
import { moduleSummariser, summariseExports, type ModuleSummary } from '../../src/rule-kit/flow/summary.js';
import { summariseText } from '../../src/scanner/detect/lint.js';

const KEY = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'; // fake

/** Runs `probe` on the parsed file at `Program:exit`, with the sources the rules get. */
function withSource<R>(code: string, filename: string, probe: (sc: Readonly<TSESLint.SourceCode>) => R): R {
  let got: R | undefined;
  const rule: TSESLint.RuleModule<'x'> = {
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    defaultOptions: [],
    create(context) {
      const summariser = moduleSummariser(context.sourceCode, { sinks: true });
      return {
        CallExpression: (n) => summariser.onCall(n),
        NewExpression: (n) => summariser.onCall(n),
        'Program:exit'() {
          got = probe(context.sourceCode);
          summaries.set(code, summariser.finish());
        },
      };
    },
  };
  const messages = new Linter({ configType: 'flat' }).verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.js'],
        plugins: { p: { rules: { s: rule as never } } },
        languageOptions: { parser: tsParser as Linter.Parser },
        rules: { 'p/s': 'error' },
      },
    ],
    { filename },
  );
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return got as R;
}
const summaries = new Map<string, ModuleSummary>();

const table = (code: string, filename = 'src/mod.ts') =>
  withSource(code, filename, (sc) => {
    const t = moduleExports(sc.ast);
    return {
      names: t.bindings.map((b) => `${b.name}${b.imported ? ' (import)' : ''}${b.reassignable ? ' (let)' : ''}`),
      values: Object.fromEntries(t.bindings.map((b) => [b.name, b.value?.type ?? null])),
      reexports: t.reexports,
    };
  });

describe('moduleExports', () => {
  it('reads ESM declarations, specifiers, import aliases, defaults and re-exports', () => {
    const t = table(
      [
        "import { k } from './keys';",
        "export const A = 'x', B = 2;",
        'export let counter = 0;',
        'export function f() { return 1; }',
        'export class C {}',
        "export enum E { One = 'one' }",
        'const hidden = { n: 1 };',
        'export { hidden as shown, k as k2 };',
        "export { a as b } from './x';",
        "export * from './y';",
        "export * as ns from './z';",
        'export default hidden;',
      ].join('\n'),
    );
    expect(t.names).toEqual(['A', 'B', 'counter (let)', 'f', 'C', 'E', 'shown', 'k2 (import)', 'default']);
    expect(t.values).toMatchObject({
      A: 'Literal',
      f: 'FunctionDeclaration',
      C: 'ClassDeclaration',
      E: 'TSEnumDeclaration',
      shown: 'ObjectExpression',
      k2: null,
      default: 'ObjectExpression',
    });
    expect(t.reexports).toEqual([
      ['./x', 'b', 'a'],
      ['./y', '*', '*'],
      ['./z', 'ns', '*'],
    ]);
  });

  it('reads CommonJS: an object (literal, const or frozen) gives each property and the whole as default', () => {
    const literal = table("const ALG = 'des-ecb';\nmodule.exports = { ALG, retries: 3 };", 'src/a.js');
    expect(literal.names).toEqual(['default', 'ALG', 'retries']);
    expect(literal.values).toEqual({ default: 'ObjectExpression', ALG: 'Literal', retries: 'Literal' });
    const viaConst = table('const settings = { apiKey: process.env.K };\nmodule.exports = settings;', 'src/b.js');
    expect(viaConst.names).toEqual(['default', 'apiKey']);
    const frozen = table("module.exports = Object.freeze({ mode: 'ecb' });\nexports.extra = 1;", 'src/c.js');
    expect(frozen.names).toEqual(['default', 'mode', 'extra']);
    expect(frozen.values).toMatchObject({ default: 'CallExpression', mode: 'Literal', extra: 'Literal' });
  });
});

describe('one producer', () => {
  const files: Array<[string, string]> = [
    [
      'src/keys.ts',
      [
        "import { material } from './material';",
        `export const K = '${KEY}';`,
        'export const M = material;',
        'export function nonce() { return Date.now().toString(16); }',
        "export const settings = { cipher: 'des-ede3-cbc', password: process.env.DB_PASSWORD };",
      ].join('\n'),
    ],
    [
      'src/use.ts',
      [
        "import crypto from 'node:crypto';",
        "import { K, settings } from './keys';",
        "import * as ids from './ids';",
        'export const c = (iv: Buffer) => crypto.createCipheriv(settings.cipher, K, iv);',
        'export const resetToken = () => ids.next();',
        'console.log(settings);',
      ].join('\n'),
    ],
  ];

  it.each(files)('the audit records exactly what the rule-kit producer returns (%s)', (name, code) => {
    const recorded = summariseText('/app', `/app/${name}`, code);
    withSource(code, name, () => undefined);
    expect(recorded).toEqual(summaries.get(code));
    expect(Object.keys(recorded?.exports ?? {}).length + (recorded?.uses.length ?? 0)).toBeGreaterThan(0);
    expect(JSON.stringify(recorded)).not.toContain(KEY.slice(0, 12));
  });

  it('describes the exports the value view lists, from the same table', () => {
    const [, code] = files[0]!;
    const view = withSource(code, 'src/keys.ts', (sc) => summariseExports(sc).map((e) => e.name));
    expect(view).toEqual(['K', 'M', 'nonce', 'settings']);
    expect(summaries.get(code)?.exports).toEqual({
      K: { facts: ['secret'] },
      M: { alias: 'material' },
      nonce: { facts: ['weak'] },
      // Any non-empty literal reaching a key argument counts as key material (classifyValue in a key sink): the
      // ts-morph step classifies again at the sink it reaches.
      settings: { facts: ['secret', 'secret-holder', 'weak-alg'] },
    });
  });
});
